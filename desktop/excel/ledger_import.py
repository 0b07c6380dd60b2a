"""Import of the activity ledger (活动台账) from .xlsx: a pure preview, then `apply` to a Report."""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Optional

from ..domain.model import Activity, BeneficiaryUnit, Report, new_key
from ..domain.money import format_yuan
from .headers import LEDGER_COLUMNS, HeaderMatch, find_header
from .parse import CellError, cell_text, is_blank, normalise_text, parse_beneficiary_unit, parse_count, parse_date, parse_money
from .preview import Problem, refuse_unless_applicable, column_label, merged_problems, name_key, problem_lines
from .safety import UnsafeFileError
from .workbook import SheetData, read_workbook

LEDGER_SHEET = "活动台账"
EXAMPLE_MARK = "示例"  # a row whose 备注 starts so is the template's example and is skipped
TEMPLATE_HINT = "可在程序中下载“活动台账模板”，按模板的表头填写"
MAX_PROBLEMS = 1000  # past this the file is plainly not a ledger; stop collecting


@dataclass(frozen=True)
class LedgerRow:
    """A row of the file that becomes an activity."""

    row: int
    activity: Activity


@dataclass(frozen=True)
class Duplicate:
    """A row the report already holds (same date and name): skipped, not added twice."""

    row: int
    activity: Activity
    existing: Activity


@dataclass(frozen=True)
class LedgerPreview:
    """What importing the ledger file into the report would do."""

    source: str
    sheet: str
    unit_name: str
    fiscal_year: int
    rows: tuple[LedgerRow, ...] = ()
    duplicates: tuple[Duplicate, ...] = ()
    problems: tuple[Problem, ...] = ()
    new_kinds: tuple[str, ...] = ()  # activity kinds the report does not list yet; apply adds them
    notes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def activities(self) -> list[Activity]:
        return [r.activity for r in self.rows]

    def lines(self) -> list[str]:
        """The preview in the clerk's words, for the terminal and the confirmation dialog."""
        head = f"导入活动台账：{self.source}"
        if self.sheet:
            head += f"（工作表“{self.sheet}”）"
        lines = [head, f"目标报告：{self.unit_name} {self.fiscal_year} 年度"]
        if self.problems:
            lines.append(f"发现 {len(self.problems)} 处问题，未导入任何数据。请改正后重新导入：")
            lines.extend(problem_lines(list(self.problems)))
            return lines
        money = sum((a.money for a in self.activities if a.money is not None), start=0)
        lines.append(f"将新增活动 {len(self.rows)} 条，金额合计 {format_yuan(money) if self.rows else '0.00元'}。")
        if self.duplicates:
            lines.append(f"已存在（日期和活动名称相同）而跳过 {len(self.duplicates)} 条：")
            for dup in self.duplicates[:20]:
                lines.append(f"  第 {dup.row} 行 {dup.activity.date} {dup.activity.title}")
            if len(self.duplicates) > 20:
                lines.append(f"  ……另有 {len(self.duplicates) - 20} 条")
        if self.new_kinds:
            lines.append("将新增活动类型：" + "、".join(self.new_kinds))
        lines.extend(self.notes)
        return lines


def _identity(activity: Activity) -> tuple[Optional[date], str]:
    return activity.date, normalise_text(activity.title)


def preview_ledger(path: Path, report: Report) -> LedgerPreview:
    """Read a ledger workbook and say what importing it into `report` would do. Never raises for a bad file."""
    path = Path(path)
    base = dict(source=path.name, unit_name=report.unit.name, fiscal_year=report.fiscal_year)
    try:
        sheets = read_workbook(path)
    except UnsafeFileError as exc:
        return LedgerPreview(sheet="", problems=(Problem("", None, None, exc.message, "文件未被导入"),), **base)
    sheet, header = _pick_sheet(sheets)
    if header is None:
        names = "、".join(c.header for c in LEDGER_COLUMNS if c.required)
        return LedgerPreview(
            sheet=sheet.name,
            problems=(Problem(sheet.name, None, None, "找不到台账的表头",
                              f"表格前几行中应有一行表头，至少包含“{names}”两列；{TEMPLATE_HINT}"),),
            **base,
        )
    return _read_rows(sheet, header, report, base)


def _pick_sheet(sheets: list[SheetData]) -> tuple[SheetData, Optional[HeaderMatch]]:
    """The sheet named 活动台账 if it has a header, else the first visible sheet whose header is recognised."""
    visible = [s for s in sheets if s.visible] or sheets
    ordered = sorted(visible, key=lambda s: 0 if "台账" in normalise_text(s.name) else 1)
    for sheet in ordered:
        header = find_header(sheet.rows, LEDGER_COLUMNS)
        if header is not None and not header.missing(LEDGER_COLUMNS):
            return sheet, header
    for sheet in ordered:
        header = find_header(sheet.rows, LEDGER_COLUMNS)
        if header is not None:
            return sheet, header
    return ordered[0], None


def _read_rows(sheet: SheetData, header: HeaderMatch, report: Report, base: dict) -> LedgerPreview:
    problems: list[Problem] = []
    notes: list[str] = []
    name = sheet.name

    for column in header.missing(LEDGER_COLUMNS):
        problems.append(Problem(name, header.row, None, f"缺少“{column.header}”列",
                                f"请在第 {header.row} 行表头中加上“{column.header}”列并填写；{TEMPLATE_HINT}"))
    for index, column in header.repeated:
        problems.append(Problem(name, header.row, column_label(index, column.header),
                                f"“{column.header}”列出现了两次", "请删除或改名其中一列，只保留一列"))
    if header.unknown:
        ignored = "、".join(f"“{text}”" for _, text in header.unknown[:10])
        notes.append(f"以下列未识别，已忽略：{ignored}")
    money_index = header.index_of("money")
    if money_index is not None:
        unit = header.unit_of(money_index)
        if unit == "万元":
            notes.append("金额按表头所示以“万元”为单位读取，已换算为元。")
    if problems:
        return LedgerPreview(sheet=name, problems=tuple(problems), notes=tuple(notes), **base)

    problems.extend(merged_problems(sheet, header))

    tasks = {name_key(t.title): t for t in report.tasks}
    projects = {name_key(p.name): p for p in report.projects}
    kinds = {normalise_text(k): k for k in report.activity_kinds}
    existing = {_identity(a): a for a in report.activities}
    seen: dict[tuple, int] = {}
    rows: list[LedgerRow] = []
    duplicates: list[Duplicate] = []
    new_kinds: list[str] = []
    skipped_example = False
    columns = sorted(header.columns.items())

    for number, values in sheet.rows:
        if number <= header.row:
            continue
        if len(problems) >= MAX_PROBLEMS:
            problems.append(Problem(name, number, None, "问题过多，后面的行未再检查", "请先改正以上问题后重新导入"))
            break
        cells = {column.field: (index, values[index] if index < len(values) else None) for index, column in columns}
        if all(is_blank(v) for _, v in cells.values()):
            continue  # blank rows between blocks are normal in a clerk's ledger
        notes_text = cell_text(cells.get("notes", (0, None))[1])
        if notes_text.startswith(EXAMPLE_MARK):
            skipped_example = True
            continue
        row_problems: list[Problem] = []

        def fail(field_name: str, message: str, hint: str) -> None:
            index = cells[field_name][0] if field_name in cells else None
            label = column_label(index, header.columns[index].header) if index is not None else None
            row_problems.append(Problem(name, number, label, message, hint))

        def parsed(field_name: str, parse):
            if field_name not in cells or is_blank(cells[field_name][1]):
                return None
            try:
                return parse(cells[field_name][1])
            except CellError as exc:
                fail(field_name, exc.message, exc.hint)
                return None

        title = cell_text(cells["title"][1]) if "title" in cells else ""
        if not title:
            fail("title", "活动名称为空", "请填写活动名称；如果这一行不需要，请整行删除")
        if "date" in cells and is_blank(cells["date"][1]):
            fail("date", "日期为空", "请填写活动日期，如 2024-03-08")
        when = parsed("date", lambda v: parse_date(v, report.fiscal_year))
        if when is not None and when.year != report.fiscal_year:
            fail("date", f"日期 {when.isoformat()} 不在 {report.fiscal_year} 年度内",
                 f"请检查年份；本报告只登记 {report.fiscal_year} 年的活动")
        sessions = parsed("sessions", parse_count)
        participants = parsed("participants", parse_count)
        beneficiaries = parsed("beneficiaries", parse_count)
        beneficiary_unit = parsed("beneficiary_unit", parse_beneficiary_unit)
        if beneficiaries is not None and "beneficiary_unit" not in cells:
            # "受益户数" as the header of a sheet without a 受益单位 column: the count is in 户.
            named = header.count_units.get(cells["beneficiaries"][0])
            beneficiary_unit = parse_beneficiary_unit(named) if named else None
        money = parsed("money", lambda v: parse_money(v, header.unit_of(cells["money"][0])))

        kind = normalise_text(cell_text(cells["kind"][1])) if "kind" in cells else ""
        if kind and kind not in kinds:
            kinds[kind] = kind
            new_kinds.append(kind)
        kind = kinds.get(kind, kind)

        task_key = None
        task_text = cell_text(cells["task"][1]) if "task" in cells else ""
        if task_text:
            task = tasks.get(name_key(task_text))
            if task is None:
                fail("task", f"报告中没有名为“{task_text}”的工作任务", _choices_hint("工作任务", [t.title for t in report.tasks],
                     "请先在程序的“年度主要工作任务”中添加该任务，或清空此格"))
            else:
                task_key = task.key
        project_key = None
        project_text = cell_text(cells["project"][1]) if "project" in cells else ""
        if project_text:
            project = projects.get(name_key(project_text))
            if project is None:
                fail("project", f"报告中没有名为“{project_text}”的项目", _choices_hint("项目", [p.name for p in report.projects],
                     "请先在程序的“项目支出”中添加该项目，或清空此格"))
            else:
                project_key = project.key

        if row_problems:
            problems.extend(row_problems)
            continue
        activity = Activity(
            title=title, date=when, kind=kind, sessions=sessions, participants=participants,
            beneficiaries=beneficiaries, beneficiary_unit=beneficiary_unit, money=money, task_key=task_key, project_key=project_key, notes=notes_text,
        )
        identity = _identity(activity)
        if identity in seen:
            problems.append(Problem(name, number, column_label(cells["title"][0], "活动名称"),
                                    f"与第 {seen[identity]} 行的日期和活动名称相同",
                                    "同一天的两次活动请在活动名称中加以区分（如“第二场”）；如果是重复录入，请删除其中一行"))
            continue
        seen[identity] = number
        if identity in existing:
            duplicates.append(Duplicate(number, activity, existing[identity]))
        else:
            rows.append(LedgerRow(number, activity))

    if skipped_example:
        notes.append("模板中的示例行已跳过。")
    if not rows and not duplicates and not problems:
        problems.append(Problem(name, None, None, "表格中没有活动记录",
                                f"请在第 {header.row} 行表头下方逐行填写活动后再导入"))
    return LedgerPreview(
        sheet=name, rows=tuple(rows), duplicates=tuple(duplicates), problems=tuple(problems),
        new_kinds=tuple(new_kinds), notes=tuple(notes), **base,
    )


def _choices_hint(what: str, names: list[str], otherwise: str) -> str:
    if not names:
        return f"报告中还没有{what}；{otherwise}"
    shown = "、".join(f"“{n}”" for n in names[:8]) + ("等" if len(names) > 8 else "")
    return f"请从下拉列表中选择（报告中的{what}有：{shown}）；{otherwise}"


def apply(preview: LedgerPreview, report: Report) -> Report:
    """A new Report with the preview's activities added (and its new kinds); the given report is not changed."""
    refuse_unless_applicable(preview, report)
    result = copy.deepcopy(report)
    present = {_identity(a) for a in result.activities}
    for row in preview.rows:
        if _identity(row.activity) in present:
            continue  # added since the preview was made: still never twice
        result.activities.append(replace(row.activity, key=new_key()))
    for kind in preview.new_kinds:
        if kind not in result.activity_kinds:
            result.activity_kinds.append(kind)
    return result


__all__ = ["LedgerPreview", "LedgerRow", "Duplicate", "preview_ledger", "apply", "LEDGER_SHEET", "EXAMPLE_MARK"]
