"""The district summary workbook (区县汇总.xlsx): per-township rows and totals by kind and task, with SUM formulas.

Each sheet holds real numbers in its rows and a 合计 row of SUM formulas over them, so that a clerk who
corrects a row in Excel sees the total follow. Beneficiaries get one column per unit of count: a column
of 人 is never added to a column of 户.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..domain.district import DistrictSummary, Tally
from ..excel.style import BORDER, FONT_NAME, HEADER_FILL, MONEY_FORMAT, TITLE_FONT
from ..fileio import atomic_write
from .district_prose import summary_sentences

TALLY_HEADERS = ["活动数", "场次", "参与人次"]


def _tally_values(tally: Tally, units: list[str]) -> list:
    return [tally.activities, tally.sessions, tally.participants] + [tally.beneficiaries.get(u, 0) for u in units] + [tally.money]


def _sheet(ws: Worksheet, title: str, headers: list[str], rows: list[list], money_columns: set[int], total_from: int) -> None:
    """Title, header, rows, and a 合计 row of SUM formulas for every column from `total_from` on."""
    ws.append([title])
    ws["A1"].font = TITLE_FONT
    ws.append(headers)
    for cell in ws[2]:
        cell.font = Font(name=FONT_NAME, bold=True)
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    first = 3
    for row in rows:
        ws.append(row)
    last = first + len(rows) - 1
    total = ["合计"] + [None] * (len(headers) - 1)
    for column in range(total_from, len(headers) + 1):
        letter = get_column_letter(column)
        total[column - 1] = f"=SUM({letter}{first}:{letter}{last})" if rows else 0
    ws.append(total)
    for r in range(first, last + 2):
        for column in range(1, len(headers) + 1):
            cell = ws.cell(r, column)
            cell.border = BORDER
            if column in money_columns:
                cell.number_format = MONEY_FORMAT
    for cell in ws[last + 1]:
        cell.font = Font(name=FONT_NAME, bold=True)
    ws.column_dimensions["A"].width = 26
    for column in range(2, len(headers) + 1):
        ws.column_dimensions[get_column_letter(column)].width = 14
    ws.freeze_panes = "B3"


def summary_workbook(summary: DistrictSummary, states: dict[str, str] | None = None) -> Workbook:
    units = summary.beneficiary_units()
    beneficiary_headers = [f"受益（{u}）" for u in units]
    workbook = Workbook()
    ws = workbook.active
    ws.title = "各乡镇"
    headers = ["乡镇（街道）", "报送状态"] + TALLY_HEADERS + beneficiary_headers + ["活动金额（元）", "全年预算数（元）", "预算执行数（元）", "自评得分", "等级"]
    money_at = 3 + len(TALLY_HEADERS) + len(units)
    rows = []
    for t in summary.townships:
        rows.append(
            [t.unit.name, (states or {}).get(t.unit.name, "已报送")]
            + _tally_values(t.totals, units)
            + [t.budget_adjusted, t.budget_executed, t.self_score, t.grade.value if t.grade else None]
        )
    # SUM over the figures; self-scores and grades are not summed.
    _sheet(ws, f"{summary.district} {summary.fiscal_year} 年度各乡镇（街道）妇联工作汇总", headers, rows,
           {money_at, money_at + 1, money_at + 2}, total_from=3)
    last = ws.max_row
    for column in (len(headers) - 1, len(headers)):
        ws.cell(last, column).value = None
    for title, groups in (("按活动类别", summary.by_kind), ("按工作任务", summary.by_task)):
        sheet = workbook.create_sheet(title)
        name = "活动类别" if title == "按活动类别" else "工作任务（主题）"
        group_rows = [[group] + _tally_values(tally, units) for group, tally in groups.items()]
        _sheet(sheet, f"{summary.district} {summary.fiscal_year} 年度汇总（{title}）", [name] + TALLY_HEADERS + beneficiary_headers + ["活动金额（元）"],
               group_rows, {2 + len(TALLY_HEADERS) + len(units)}, total_from=2)
    prose = workbook.create_sheet("汇总语句")
    prose.append(["可引用的汇总语句（由数据生成）"])
    prose["A1"].font = TITLE_FONT
    for sentence in summary_sentences(summary):
        prose.append([sentence])
    prose.column_dimensions["A"].width = 120
    return workbook


def write_summary_workbook(summary: DistrictSummary, path: Path, states: dict[str, str] | None = None) -> Path:
    workbook = summary_workbook(summary, states)
    return atomic_write(Path(path), lambda target: workbook.save(target))


def write_table_workbook(title: str, headers: list[str], rows: list[list], path: Path) -> Path:
    """A plain one-sheet table (the status table as the clerk sorted it), no totals."""
    workbook = Workbook()
    ws = workbook.active
    ws.title = title[:31]
    ws.append([title])
    ws["A1"].font = TITLE_FONT
    ws.append(headers)
    for cell in ws[2]:
        cell.font = Font(name=FONT_NAME, bold=True)
        cell.fill = HEADER_FILL
        cell.border = BORDER
    for row in rows:
        ws.append(row)
    ws.column_dimensions["A"].width = 26
    return atomic_write(Path(path), lambda target: workbook.save(target))
