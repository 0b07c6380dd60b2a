"""Import of the budget tables (收入支出, 项目预算, 三公经费) from .xlsx: a pure preview, then `apply`."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Callable, Optional

from ..domain import fieldpath
from ..domain.model import (
    STANDARD_INCOME_SOURCES,
    THREE_PUBLIC_ITEMS,
    IncomeLine,
    Project,
    Report,
    ThreePublicLine,
)
from ..domain.money import format_yuan
from .headers import BUDGET_ITEM_COLUMNS, PROJECT_COLUMNS, THREE_PUBLIC_COLUMNS, HeaderMatch, find_header, header_key
from .parse import CellError, cell_text, is_blank, normalise_text, parse_money
from .preview import Problem, refuse_unless_applicable, column_label, merged_problems, name_key, problem_lines
from .safety import UnsafeFileError
from .workbook import SheetData, read_workbook

FINANCE_SHEET = "收入支出"
PROJECT_SHEET = "项目预算"
THREE_PUBLIC_SHEET = "三公经费"
EXAMPLE_MARK = "示例"
TEMPLATE_HINT = "可在程序中下载“预算表模板”，按模板填写"


@dataclass(frozen=True)
class FinanceItem:
    """One line of the 收入支出 sheet and where its amount goes in the report."""

    key: str
    label: str
    aliases: tuple[str, ...]
    get: Callable[[Report], Optional[Decimal]]
    set: Callable[[Report, Decimal], None]
    hint: str = ""
    path: str = ""  # the field path the amount goes to (for the income lines: the list, keyed by source)


def _attr_item(key: str, label: str, path: str, aliases: tuple[str, ...] = (), hint: str = "") -> FinanceItem:
    """An amount at a field path of the report (``report.finance.budget.initial``)."""
    return FinanceItem(key, label, aliases, lambda r: fieldpath.get(r, path),
                       lambda r, v: fieldpath.set_value(r, path, v), hint, path)


def _income_item(source: str) -> FinanceItem:
    def get(report: Report) -> Optional[Decimal]:
        return next((line.amount for line in report.finance.income_lines if line.source == source), None)

    def set_(report: Report, value: Decimal) -> None:
        for line in report.finance.income_lines:
            if line.source == source:
                line.amount = value
                return
        report.finance.income_lines.append(IncomeLine(source, value))

    short = source[:-2] if source.endswith("收入") else source
    return FinanceItem(f"income:{source}", source, (short,), get, set_, "本年收入中该来源的金额，没有则不填",
                       "report.finance.income_lines")


FINANCE_ITEMS: tuple[FinanceItem, ...] = (
    *(_income_item(s) for s in STANDARD_INCOME_SOURCES),
    _attr_item("income_total", "本年收入合计", "report.finance.income_total", ("本年收入总计", "收入合计", "收入总计", "本年收入"),
               "决算中的本年收入合计；不填则按各项收入相加"),
    _attr_item("personnel", "人员经费", "report.finance.expenditure.personnel", ("基本支出-人员经费", "其中:人员经费"), "基本支出中的人员经费"),
    _attr_item("public", "公用经费", "report.finance.expenditure.public", ("日常公用经费", "基本支出-公用经费", "其中:公用经费"), "基本支出中的公用经费"),
    _attr_item("basic", "基本支出", "report.finance.expenditure.basic", ("基本支出合计",), "不填则按人员经费 + 公用经费计算"),
    _attr_item("project", "项目支出", "report.finance.expenditure.project", ("项目支出合计",), "本年项目支出合计"),
    _attr_item("expenditure_total", "本年支出合计", "report.finance.expenditure.total", ("本年支出总计", "支出合计", "支出总计", "本年支出"),
               "不填则按基本支出 + 项目支出计算"),
    _attr_item("carry_over_start", "年初结转结余", "report.finance.carry_over_start", ("年初结转和结余", "上年结转结余", "年初结转", "上年结转"),
               "上年末结转到本年的资金"),
    _attr_item("carry_over_end", "年末结转结余", "report.finance.carry_over_end", ("年末结转和结余", "年末结转", "年末结余"), "本年末的结转结余"),
    _attr_item("budget_initial", "年初预算数", "report.finance.budget.initial", ("部门年初预算数", "年初预算"), "部门整体年初预算"),
    _attr_item("budget_adjusted", "全年预算数", "report.finance.budget.adjusted", ("调整后预算数", "全年预算", "全年预算数(调整后)"),
               "调整后的全年预算；没有调整时与年初预算相同"),
    _attr_item("budget_executed", "全年执行数", "report.finance.budget.executed", ("执行数", "全年执行", "预算执行数"), "全年实际支出"),
)


def _item_index(items) -> dict[str, object]:
    index = {}
    for item in items:
        for name in (item.label, *item.aliases):
            index.setdefault(header_key(name), item)
    return index


_FINANCE_INDEX = _item_index(FINANCE_ITEMS)
_THREE_PUBLIC_ALIASES = {
    "因公出国（境）费": ("因公出国(境)费用", "因公出国境费", "出国费", "因公出国(境)经费"),
    "公务用车购置及运行费": ("公务用车购置和运行费", "公务用车购置及运行维护费", "公务用车费", "公务用车运行费"),
    "公务接待费": ("接待费",),
}


def _find_item(text: str, index: dict):
    key = header_key(text)
    for prefix in ("其中:", "其中", "1.", "2.", "3.", "(1)", "(2)", "(3)"):
        if key.startswith(prefix) and key[len(prefix):] in index:
            return index[key[len(prefix):]]
    return index.get(key)


@dataclass(frozen=True)
class Change:
    """One amount the file sets: `old` is what the report holds now (None: nothing yet)."""

    sheet: str
    row: int
    key: str  # "income:…", "personnel", "project:<name>:adjusted", "three_public:<item>:budget"
    label: str  # "人员经费", "项目“春蕾行动计划经费”全年预算数"
    old: Optional[Decimal]
    new: Decimal

    @property
    def same(self) -> bool:
        return self.old == self.new


@dataclass(frozen=True)
class ProjectRow:
    """A row of the 项目预算 sheet."""

    row: int
    name: str
    department: str
    initial: Optional[Decimal]
    adjusted: Optional[Decimal]
    executed: Optional[Decimal]
    exists: bool


@dataclass(frozen=True)
class BudgetPreview:
    """What importing the budget file into the report would do."""

    source: str
    unit_name: str
    fiscal_year: int
    changes: tuple[Change, ...] = ()
    projects: tuple[ProjectRow, ...] = ()
    problems: tuple[Problem, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def unchanged(self) -> list[Change]:
        return [c for c in self.changes if c.same]

    @property
    def new_projects(self) -> list[ProjectRow]:
        return [p for p in self.projects if not p.exists]

    def lines(self) -> list[str]:
        lines = [f"导入预算表：{self.source}", f"目标报告：{self.unit_name} {self.fiscal_year} 年度"]
        if self.problems:
            lines.append(f"发现 {len(self.problems)} 处问题，未导入任何数据。请改正后重新导入：")
            lines.extend(problem_lines(list(self.problems)))
            return lines
        filled = [c for c in self.changes if c.old is None]
        replaced = [c for c in self.changes if c.old is not None and not c.same]
        if self.new_projects:
            lines.append("将新增项目：" + "、".join(f"“{p.name}”" for p in self.new_projects))
        if filled:
            lines.append(f"将填入 {len(filled)} 项金额：")
            lines.extend(f"  {c.label}：{format_yuan(c.new)}" for c in filled)
        if replaced:
            lines.append(f"将覆盖 {len(replaced)} 项已有金额：")
            lines.extend(f"  {c.label}：{format_yuan(c.old)} → {format_yuan(c.new)}" for c in replaced)
        if self.unchanged:
            lines.append(f"与报告中已有金额相同而不变的 {len(self.unchanged)} 项。")
        if not filled and not replaced and not self.new_projects:
            lines.append("文件中的金额与报告中已有的完全相同，没有需要导入的内容。")
        lines.extend(self.notes)
        return lines


def _kind_of(sheet: SheetData) -> tuple[Optional[str], Optional[HeaderMatch]]:
    """Which budget table a sheet holds, judged by its header (the sheet name only breaks ties)."""
    candidates = []
    for kind, columns in (("projects", PROJECT_COLUMNS), ("three_public", THREE_PUBLIC_COLUMNS), ("finance", BUDGET_ITEM_COLUMNS)):
        header = find_header(sheet.rows, columns)
        if header is not None and not header.missing(columns):
            candidates.append((len(header.columns), kind, header))
    if not candidates:
        return None, None
    name = normalise_text(sheet.name)
    preferred = "projects" if "项目" in name else "three_public" if "三公" in name else "finance" if ("收" in name or "支" in name) else None
    for _, kind, header in candidates:
        if kind == preferred:
            return kind, header
    _, kind, header = max(candidates, key=lambda c: c[0])
    return kind, header


def preview_budget(path: Path, report: Report) -> BudgetPreview:
    """Read a budget workbook and say what importing it into `report` would do. Never raises for a bad file."""
    path = Path(path)
    base = dict(source=path.name, unit_name=report.unit.name, fiscal_year=report.fiscal_year)
    try:
        sheets = read_workbook(path)
    except UnsafeFileError as exc:
        return BudgetPreview(problems=(Problem("", None, None, exc.message, "文件未被导入"),), **base)
    problems: list[Problem] = []
    notes: list[str] = []
    changes: list[Change] = []
    projects: list[ProjectRow] = []
    found = False
    for sheet in sheets:
        if not sheet.visible:
            continue
        kind, header = _kind_of(sheet)
        if kind is None:
            if any(not all(is_blank(v) for v in values) for _, values in sheet.rows):
                notes.append(f"工作表“{sheet.name}”不是预算表格式，已忽略。")
            continue
        found = True
        for index, column in header.repeated:
            problems.append(Problem(sheet.name, header.row, column_label(index, column.header),
                                    f"“{column.header}”列出现了两次", "请删除或改名其中一列，只保留一列"))
        problems.extend(merged_problems(sheet, header))
        if any(header.unit_of(i) == "万元" for i, c in header.columns.items() if c.money):
            notes.append(f"工作表“{sheet.name}”的金额按表头所示以“万元”为单位读取，已换算为元。")
        if kind == "finance":
            _read_finance(sheet, header, report, changes, problems)
        elif kind == "three_public":
            _read_three_public(sheet, header, report, changes, problems)
        else:
            _read_projects(sheet, header, report, changes, projects, problems)
    if not found:
        problems.append(Problem("", None, None, "文件中没有可识别的预算表",
                                f"预算表应含“项目 / 金额（元）”两列的收入支出表，或“项目名称 / 全年预算数”等列的项目预算表；{TEMPLATE_HINT}"))
    elif not changes and not projects and not problems:
        problems.append(Problem("", None, None, "预算表中没有填写任何金额", "请在表中填写金额后再导入"))
    keys: dict[str, Change] = {}
    for change in changes:
        if change.key in keys and (change.sheet, change.row) != (keys[change.key].sheet, keys[change.key].row):
            first = keys[change.key]
            problems.append(Problem(change.sheet, change.row, None, f"“{change.label}”重复填写（另见工作表“{first.sheet}”第 {first.row} 行）",
                                    "同一金额只能填写一次，请删除重复的一行"))
        keys.setdefault(change.key, change)
    if problems:
        return BudgetPreview(problems=tuple(problems), notes=tuple(notes), **base)
    return BudgetPreview(changes=tuple(changes), projects=tuple(projects), notes=tuple(notes), **base)


def _amount(sheet: SheetData, header: HeaderMatch, number: int, index: int, value, problems: list[Problem]) -> Optional[Decimal]:
    if is_blank(value):
        return None
    try:
        return parse_money(value, header.unit_of(index))
    except CellError as exc:
        problems.append(Problem(sheet.name, number, column_label(index, header.columns[index].header), exc.message, exc.hint))
        return None


def _cells(header: HeaderMatch, values) -> dict[str, tuple[int, object]]:
    return {c.field: (i, values[i] if i < len(values) else None) for i, c in header.columns.items()}


def _data_rows(sheet: SheetData, header: HeaderMatch):
    for number, values in sheet.rows:
        if number <= header.row:
            continue
        cells = _cells(header, values)
        if all(is_blank(v) for _, v in cells.values()):
            continue
        if cell_text(cells.get("notes", (0, None))[1]).startswith(EXAMPLE_MARK):
            continue
        yield number, cells


def _read_finance(sheet, header, report, changes, problems) -> None:
    names = "、".join(item.label for item in FINANCE_ITEMS)
    seen: dict[str, int] = {}
    for number, cells in _data_rows(sheet, header):
        label = cell_text(cells["item"][1])
        index, value = cells["amount"]
        item = _find_item(label, _FINANCE_INDEX) if label else None
        if item is None:
            if is_blank(value):
                continue  # a section heading such as "一、收入"
            problems.append(Problem(sheet.name, number, column_label(cells["item"][0], "项目"),
                                    f"不认识的项目“{label}”" if label else "项目名称为空",
                                    f"请使用以下名称之一：{names}"))
            continue
        if item.key in seen and not is_blank(value):
            problems.append(Problem(sheet.name, number, column_label(cells["item"][0], "项目"),
                                    f"“{item.label}”重复填写（另见第 {seen[item.key]} 行）", "同一金额只能填写一次，请删除重复的一行"))
            continue
        if not is_blank(value):
            seen[item.key] = number
        amount = _amount(sheet, header, number, index, value, problems)
        if amount is not None:
            changes.append(Change(sheet.name, number, item.key, item.label, item.get(report), amount))


def _three_public_index() -> dict:
    index = {}
    for item in THREE_PUBLIC_ITEMS:
        for name in (item, *_THREE_PUBLIC_ALIASES.get(item, ())):
            index.setdefault(header_key(name), item)
    return index


def _read_three_public(sheet, header, report, changes, problems) -> None:
    index = _three_public_index()
    current = {line.item: line for line in report.finance.three_public}
    for number, cells in _data_rows(sheet, header):
        label = cell_text(cells["item"][1])
        item = _find_item(label, index) if label else None
        amounts = {f: cells[f] for f in ("budget", "actual") if f in cells}
        if item is None:
            if all(is_blank(v) for _, v in amounts.values()) or header_key(label) in ("合计", "小计", "三公经费合计"):
                continue  # headings and total rows: the program computes totals itself
            problems.append(Problem(sheet.name, number, column_label(cells["item"][0], "项目"),
                                    f"不认识的三公经费项目“{label}”" if label else "项目名称为空",
                                    "请使用：" + "、".join(THREE_PUBLIC_ITEMS)))
            continue
        for field_name, (col, value) in amounts.items():
            amount = _amount(sheet, header, number, col, value, problems)
            if amount is None:
                continue
            old = getattr(current[item], field_name) if item in current else None
            word = "预算数" if field_name == "budget" else "实际支出数"
            changes.append(Change(sheet.name, number, f"three_public:{item}:{field_name}", f"三公经费“{item}”{word}", old, amount))


_PROJECT_FIELDS = {"initial": "年初预算数", "adjusted": "全年预算数", "executed": "全年执行数"}


def _read_projects(sheet, header, report, changes, projects, problems) -> None:
    existing = {name_key(p.name): p for p in report.projects}
    for number, cells in _data_rows(sheet, header):
        name = cell_text(cells["name"][1])
        if not name:
            problems.append(Problem(sheet.name, number, column_label(cells["name"][0], "项目名称"), "项目名称为空",
                                    "请填写项目名称；如果这一行不需要，请整行删除"))
            continue
        project = existing.get(name_key(name))
        amounts: dict[str, Optional[Decimal]] = {}
        for field_name, word in _PROJECT_FIELDS.items():
            if field_name in cells:
                col, value = cells[field_name]
                amounts[field_name] = _amount(sheet, header, number, col, value, problems)
        shown = project.name if project else name
        for field_name, amount in amounts.items():
            if amount is None:
                continue
            old = getattr(project, field_name).total if project else None
            changes.append(Change(sheet.name, number, f"project:{name_key(shown)}:{field_name}",
                                  f"项目“{shown}”{_PROJECT_FIELDS[field_name]}", old, amount))
        department = cell_text(cells["department"][1]) if "department" in cells else ""
        projects.append(ProjectRow(number, shown, department, amounts.get("initial"), amounts.get("adjusted"),
                                   amounts.get("executed"), project is not None))


def apply(preview: BudgetPreview, report: Report) -> Report:
    """A new Report with the preview's amounts set and its new projects added; the given report is not changed."""
    refuse_unless_applicable(preview, report)
    result = copy.deepcopy(report)
    items = {item.key: item for item in FINANCE_ITEMS}
    for row in preview.projects:
        project = next((p for p in result.projects if name_key(p.name) == name_key(row.name)), None)
        if project is None:
            project = Project(name=row.name)
            result.projects.append(project)
        if row.department:
            project.department = row.department
        for field_name in _PROJECT_FIELDS:
            amount = getattr(row, field_name)
            if amount is not None:
                getattr(project, field_name).total = amount
    lines = {line.item: line for line in result.finance.three_public}
    for change in preview.changes:
        if change.key in items:
            items[change.key].set(result, change.new)
        elif change.key.startswith("three_public:"):
            _, item, field_name = change.key.split(":")
            if item not in lines:
                lines[item] = ThreePublicLine(item)
                result.finance.three_public.append(lines[item])
            setattr(lines[item], field_name, change.new)
    return result


__all__ = ["BudgetPreview", "Change", "ProjectRow", "FINANCE_ITEMS", "preview_budget", "apply",
           "FINANCE_SHEET", "PROJECT_SHEET", "THREE_PUBLIC_SHEET"]
