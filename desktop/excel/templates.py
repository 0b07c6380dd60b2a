"""Workbooks for the clerk to fill in: the activity-ledger and budget templates, and the ledger as kept."""

from __future__ import annotations

from copy import copy
from decimal import Decimal
from pathlib import Path
from typing import Optional, Sequence

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..domain.model import BeneficiaryUnit, DEFAULT_ACTIVITY_KINDS, STANDARD_INCOME_SOURCES, THREE_PUBLIC_ITEMS, Report
from ..fileio import atomic_write
from .budget_import import FINANCE_ITEMS, FINANCE_SHEET, PROJECT_SHEET, THREE_PUBLIC_SHEET
from .headers import LEDGER_COLUMNS, LEDGER_MONEY_HEADER, PROJECT_COLUMNS, THREE_PUBLIC_COLUMNS, Column
from .ledger_import import EXAMPLE_MARK, LEDGER_SHEET
from .style import (
    BODY_FONT,
    BORDER,
    CENTER,
    COUNT_FORMAT,
    DATE_FORMAT,
    EXAMPLE_FONT,
    HEADER_FILL,
    HEADER_FONT,
    LEFT,
    MONEY_FORMAT,
    REQUIRED_FILL,
    print_setup,
)

OPTIONS_SHEET = "选项"
EXAMPLE_NOTE = f"{EXAMPLE_MARK}行：导入时自动跳过，可删除"
TEMPLATE_ROWS = 2000  # rows that carry drop-downs and hints in a fresh template


def _header_row(ws: Worksheet, columns: Sequence[Column], headers: Sequence[str], row: int = 1) -> None:
    for index, (column, text) in enumerate(zip(columns, headers), start=1):
        cell = ws.cell(row=row, column=index, value=text)
        cell.font = HEADER_FONT
        cell.alignment = CENTER
        cell.border = BORDER
        cell.fill = REQUIRED_FILL if column.required else HEADER_FILL
        if column.hint:
            cell.comment = Comment(("必填。" if column.required else "") + column.hint, "填报说明", width=220, height=90)
        ws.column_dimensions[get_column_letter(index)].width = column.width
    ws.row_dimensions[row].height = 30
    ws.freeze_panes = ws.cell(row=row + 1, column=1)


def _options_sheet(wb: Workbook, lists: dict[str, list[str]]) -> dict[str, str]:
    """Long drop-down lists live on a hidden sheet (inline lists are limited to 255 characters)."""
    ws = wb.create_sheet(OPTIONS_SHEET)
    ws.sheet_state = "hidden"
    refs = {}
    for col, (title, values) in enumerate(lists.items(), start=1):
        ws.cell(row=1, column=col, value=title).font = HEADER_FONT
        for row, value in enumerate(values, start=2):
            ws.cell(row=row, column=col, value=value)
        letter = get_column_letter(col)
        if values:
            refs[title] = f"{quote_sheetname(OPTIONS_SHEET)}!${letter}$2:${letter}${len(values) + 1}"
    return refs


def _validation(ws: Worksheet, column: int, first: int, last: int, title: str, prompt: str, **kwargs) -> DataValidation:
    dv = DataValidation(allow_blank=True, showInputMessage=True, promptTitle=title[:32], prompt=prompt[:250], **kwargs)
    letter = get_column_letter(column)
    dv.add(f"{letter}{first}:{letter}{last}")
    ws.add_data_validation(dv)
    return dv


def _list_validation(ws, column, first, last, title, prompt, ref, strict: bool) -> None:
    _validation(ws, column, first, last, title, prompt, type="list", formula1=ref,
                showErrorMessage=True, errorStyle="stop" if strict else "warning", errorTitle="不在列表中",
                error="请从下拉列表中选择。" if strict else "该值不在列表中，导入时将作为新的一项。确定要这样填写吗？")


def _count_validation(ws, column, first, last, title, prompt) -> None:
    _validation(ws, column, first, last, title, prompt, type="whole", operator="greaterThanOrEqual", formula1="0",
                showErrorMessage=True, errorStyle="stop", errorTitle="请填写整数", error="请只填写不小于 0 的整数，如 180。")


def _money_validation(ws, column, first, last, title, prompt) -> None:
    _validation(ws, column, first, last, title, prompt, type="decimal", operator="greaterThanOrEqual", formula1="0",
                showErrorMessage=True, errorStyle="stop", errorTitle="请填写金额", error="请只填写数字金额，如 1234.56。")


# ------------------------------------------------------------------ activity ledger


def ledger_workbook(report: Optional[Report] = None, example: bool = True) -> Workbook:
    """The 活动台账 sheet: the template (an example row, no records) or the report's ledger as it stands.

    Either way the drop-downs list the report's kinds, tasks and projects.
    """
    wb = Workbook()
    ws = wb.active
    ws.title = LEDGER_SHEET
    headers = [LEDGER_MONEY_HEADER if c.field == "money" else c.header for c in LEDGER_COLUMNS]
    _header_row(ws, LEDGER_COLUMNS, headers)
    fields = [c.field for c in LEDGER_COLUMNS]
    col = {f: i for i, f in enumerate(fields, start=1)}

    kinds = list(report.activity_kinds) if report else list(DEFAULT_ACTIVITY_KINDS)
    tasks = [t.title for t in report.tasks] if report else []
    projects = [p.name for p in report.projects] if report else []
    units = [u.value for u in BeneficiaryUnit]
    refs = _options_sheet(wb, {"活动类型": kinds, "工作任务": tasks, "项目": projects, "受益单位": units})

    rows: list[list] = []
    if example:
        year = report.fiscal_year if report else 2024
        rows.append(_example_row(year, kinds, tasks, projects))
    if report and not example:
        for activity in report.activities:
            task = report.task(activity.task_key)
            project = report.project(activity.project_key)
            rows.append([activity.date, activity.kind, activity.title, activity.sessions, activity.participants,
                         activity.beneficiaries, BeneficiaryUnit(activity.beneficiary_unit).value if activity.beneficiary_unit else None,
                         activity.money, task.title if task else None,
                         project.name if project else None, activity.notes or None])
    # One named style per kind of cell: assigning a style by name is far cheaper than four attributes,
    # which matters for a ledger of ten thousand rows.
    styles = _ledger_styles(wb)
    kinds_of = [_LEDGER_CELL_KIND.get(f, "center") for f in fields]
    for r, values in enumerate(rows, start=2):
        prefix = "example-" if (example and r == 2) else ""
        for c, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=c, value=value)
            cell.style = styles[prefix + kinds_of[c - 1]]
    first, last = 2, max(len(rows) + 1, 1) + TEMPLATE_ROWS
    hints = {c.field: c.hint for c in LEDGER_COLUMNS}
    _validation(ws, col["date"], first, last, "日期", hints["date"])
    _validation(ws, col["title"], first, last, "活动名称", hints["title"])
    _validation(ws, col["notes"], first, last, "备注", hints["notes"])
    if "活动类型" in refs:
        _list_validation(ws, col["kind"], first, last, "活动类型", hints["kind"], refs["活动类型"], strict=False)
    _list_validation(ws, col["beneficiary_unit"], first, last, "受益单位", hints["beneficiary_unit"], refs["受益单位"],
                     strict=True)
    for f, title in (("task", "关联工作任务"), ("project", "关联项目")):
        key = "工作任务" if f == "task" else "项目"
        if key in refs:
            _list_validation(ws, col[f], first, last, title, hints[f], refs[key], strict=True)
        else:
            _validation(ws, col[f], first, last, title, hints[f] + "（报告中尚无可选项，可先不填）")
    for f, title in (("sessions", "场次"), ("participants", "参与人次"), ("beneficiaries", "受益人数")):
        _count_validation(ws, col[f], first, last, title, hints[f])
    _money_validation(ws, col["money"], first, last, "金额（元）", "活动花费的金额（元），只填数字，如 1234.56")
    ws.auto_filter.ref = f"A1:{get_column_letter(len(fields))}{max(len(rows) + 1, 2)}"
    print_setup(ws, landscape=True, title_rows="1:1")
    return wb


_LEDGER_CELL_KIND = {"date": "date", "money": "money", "sessions": "count", "participants": "count",
                     "beneficiaries": "count", "title": "text", "task": "text", "project": "text", "notes": "text"}


def _ledger_styles(wb: Workbook) -> dict[str, str]:
    from openpyxl.styles import NamedStyle

    formats = {"date": DATE_FORMAT, "money": MONEY_FORMAT, "count": COUNT_FORMAT, "text": "General", "center": "General"}
    names = {}
    for prefix, font in (("", BODY_FONT), ("example-", EXAMPLE_FONT)):
        for kind, fmt in formats.items():
            style = NamedStyle(name=f"台账-{prefix}{kind}", font=copy(font), border=copy(BORDER), number_format=fmt,
                               alignment=copy(LEFT if kind == "text" else CENTER))
            wb.add_named_style(style)
            names[prefix + kind] = style.name
    return names


def _example_row(year: int, kinds: list[str], tasks: list[str], projects: list[str]) -> list:
    from datetime import date

    kind = "培训" if "培训" in kinds else (kinds[0] if kinds else "培训")
    return [date(year, 3, 8), kind, "“三八”节女性就业技能培训", 1, 60, 60, BeneficiaryUnit.PERSON.value, Decimal("1200.00"),
            tasks[0] if tasks else None, projects[0] if projects else None, EXAMPLE_NOTE]


# ------------------------------------------------------------------ budget tables


def budget_workbook(report: Optional[Report] = None) -> Workbook:
    """收入支出 / 项目预算 / 三公经费, pre-filled with what the report already holds."""
    wb = Workbook()
    _finance_sheet(wb.active, report)
    _projects_sheet(wb.create_sheet(PROJECT_SHEET), report)
    _three_public_sheet(wb.create_sheet(THREE_PUBLIC_SHEET), report)
    refs = _options_sheet(wb, {"项目": [p.name for p in report.projects] if report else []})
    if "项目" in refs:
        ws = wb[PROJECT_SHEET]
        _list_validation(ws, 1, 2, TEMPLATE_ROWS, "项目名称", "从列表中选择已有项目，或直接输入新项目名称", refs["项目"], strict=False)
    return wb


_SECTIONS = {"income:" + STANDARD_INCOME_SOURCES[0]: "一、本年收入", "personnel": "二、本年支出",
             "carry_over_start": "三、结转结余", "budget_initial": "四、部门整体预算执行"}


def _finance_sheet(ws: Worksheet, report: Optional[Report]) -> None:
    from .headers import BUDGET_ITEM_COLUMNS

    ws.title = FINANCE_SHEET
    _header_row(ws, BUDGET_ITEM_COLUMNS, ["项目", "金额（元）", "说明"])
    row = 2
    for item in FINANCE_ITEMS:
        if item.key in _SECTIONS:
            cell = ws.cell(row=row, column=1, value=_SECTIONS[item.key])
            cell.font = HEADER_FONT
            for c in range(1, 4):
                ws.cell(row=row, column=c).border = BORDER
            row += 1
        ws.cell(row=row, column=1, value=item.label)
        ws.cell(row=row, column=2, value=item.get(report) if report else None).number_format = MONEY_FORMAT
        ws.cell(row=row, column=3, value=item.hint)
        for c in range(1, 4):
            cell = ws.cell(row=row, column=c)
            cell.border = BORDER
            cell.font = BODY_FONT
            cell.alignment = LEFT
        row += 1
    _money_validation(ws, 2, 2, row - 1, "金额（元）", "只填数字（元），如 2197000；没有的项目不填")
    print_setup(ws, landscape=False, title_rows="1:1")


def _projects_sheet(ws: Worksheet, report: Optional[Report]) -> None:
    headers = [c.header + ("（元）" if c.money else "") for c in PROJECT_COLUMNS]
    _header_row(ws, PROJECT_COLUMNS, headers)
    rows = [["春蕾行动计划经费", "区妇联", Decimal("10000.00"), Decimal("10000.00"), Decimal("10000.00"), EXAMPLE_NOTE]]
    for project in report.projects if report else []:
        rows.append([project.name, project.department or None, project.initial.total,
                     project.adjusted.total, project.executed.total, None])
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=c, value=value)
            cell.font = EXAMPLE_FONT if r == 2 else BODY_FONT
            cell.border = BORDER
            if PROJECT_COLUMNS[c - 1].money:
                cell.number_format = MONEY_FORMAT
    for c, column in enumerate(PROJECT_COLUMNS, start=1):
        if column.money:
            _money_validation(ws, c, 2, TEMPLATE_ROWS, column.header + "（元）", column.hint)
    print_setup(ws, landscape=True, title_rows="1:1")


def _three_public_sheet(ws: Worksheet, report: Optional[Report]) -> None:
    headers = [c.header + ("（元）" if c.money else "") for c in THREE_PUBLIC_COLUMNS]
    _header_row(ws, THREE_PUBLIC_COLUMNS, headers)
    current = {line.item: line for line in report.finance.three_public} if report else {}
    for r, item in enumerate(THREE_PUBLIC_ITEMS, start=2):
        line = current.get(item)
        values = [item, line.budget if line else None, line.actual if line else None, None]
        for c, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=c, value=value)
            cell.font = BODY_FONT
            cell.border = BORDER
            if THREE_PUBLIC_COLUMNS[c - 1].money:
                cell.number_format = MONEY_FORMAT
    for c in (2, 3):
        _money_validation(ws, c, 2, 1 + len(THREE_PUBLIC_ITEMS), headers[c - 1], "只填数字（元）；没有则填 0")
    print_setup(ws, landscape=False, title_rows="1:1")


# ------------------------------------------------------------------ writing


def write_ledger_template(path: Path, report: Optional[Report] = None) -> Path:
    """The activity-ledger template (drop-downs from the report's kinds, tasks and projects when given)."""
    return atomic_write(Path(path), ledger_workbook(report, example=True).save)


def write_ledger(report: Report, path: Path) -> Path:
    """The report's activity ledger in the template's layout: it imports back unchanged."""
    return atomic_write(Path(path), ledger_workbook(report, example=False).save)


def write_budget_template(path: Path, report: Optional[Report] = None) -> Path:
    """The budget template, pre-filled with the report's figures when given."""
    return atomic_write(Path(path), budget_workbook(report).save)
