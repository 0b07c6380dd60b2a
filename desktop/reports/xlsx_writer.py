"""The report's tables as an Excel workbook, rendered from the same document model as Word and PDF.

Every amount, rate and score is a number with a number format, never text. A total that is the plain
sum of the cells above it gets a formula (so a clerk who edits a row sees the total follow) and the
formula's value is stored with it, so viewers that do not recalculate show it too; a total that is not
such a sum (a figure as printed in the 决算, a rescaled score) is written as the value itself.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Optional

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..excel.style import BORDER, FONT_NAME, HEADER_FILL, MONEY_FORMAT, TITLE_FONT, print_setup
from ..fileio import atomic_write
from .document import Align, Amount, Cell, Document, Number, Paragraph, Percent, Table

SHEET_NAMES = {
    "income_expenditure": "收支情况",
    "projects": "项目支出",
    "department_evaluation": "部门整体支出绩效自评表",
    "project_evaluation": "项目支出绩效自评表",
}
TITLE_ROWS = 2  # the table's title, then its note (单位：万元 / 年度)
PAGE_WIDTH_CHARS = 120  # landscape A4 at 10 pt, roughly: column widths are shared out of this
_INVALID_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_HALIGN = {Align.LEFT: "left", Align.CENTER: "center", Align.RIGHT: "right", Align.JUSTIFY: "justify"}


@dataclass
class _Placed:
    """Where a table landed on its sheet: its first row, and each grid position's cell."""

    ws: Worksheet
    table: Table
    first_row: int  # sheet row of the table's first row

    def ref(self, r: int, c: int) -> str:
        return f"{get_column_letter(c + 1)}{self.first_row + r}"


def number_value(cell: Cell) -> tuple[Optional[Decimal], Optional[str]]:
    """The number a cell stores and its format: 万元 as printed (2 decimals), rates as fractions."""
    value = cell.value
    if isinstance(value, Amount):
        return value.shown, MONEY_FORMAT
    if isinstance(value, Percent):
        places = value.places if value.places is not None else max(0, -value.value.as_tuple().exponent)
        return value.value / 100, "0" + ("." + "0" * places if places else "") + "%"
    if isinstance(value, Number):
        places = max(0, -value.value.normalize().as_tuple().exponent)
        return value.value, "0" + ("." + "0" * min(places, 2) if places else "")
    return None, None


def sheet_name(table: Table, title: str, taken: set[str]) -> str:
    """A unique, valid sheet name (≤ 31 characters) for the table."""
    base = SHEET_NAMES.get(table.name, table.caption or "表")
    if table.name == "project_evaluation":
        project = _project_name(table) or title
        base = f"{base}（{project}）" if project else base
    base = _INVALID_SHEET_CHARS.sub("_", ILLEGAL_CHARACTERS_RE.sub("", base.replace("\x0b", " "))).strip("'")
    name = base[:31]
    n = 2
    while name in taken:
        suffix = f"_{n}"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(name)
    return name


def _project_name(table: Table) -> str:
    if table.rows and len(table.rows[0]) > 1 and isinstance(table.rows[0][1].value, str):
        return table.rows[0][1].value
    return ""


def appendix_tables(document: Document) -> list[tuple[str, Table]]:
    """(title, table) of each appendix table, the title being the paragraph printed above it."""
    found = []
    title = ""
    for block in document.appendices:
        if isinstance(block, Paragraph):
            title = block.text
        elif isinstance(block, Table):
            found.append((title or block.caption, block))
            title = ""
    if not found:
        found = [(t.caption, t) for t in document.tables()]
    return found


def workbook_for(document: Document) -> tuple[Workbook, dict[str, dict[str, Decimal]]]:
    """The workbook and, per sheet, the cached values of its formula cells."""
    wb = Workbook()
    wb.remove(wb.active)
    taken: set[str] = set()
    cached: dict[str, dict[str, Decimal]] = {}
    for title, table in appendix_tables(document):
        ws = wb.create_sheet(sheet_name(table, title, taken))
        placed = _render(ws, table, title)
        cached[ws.title] = _formulas(placed)
    wb.properties.title = document.title.replace("\n", "")
    wb.properties.creator = document.author or "fulian-desk"
    return wb, cached


def _unit_columns(table: Table) -> dict[int, str]:
    """Columns of amounts: their unit goes into the header, so a copied sheet still says what it holds.

    A column whose amounts share one unit takes it; an amount column left empty (nothing executed yet)
    is known by its header word and takes the unit of the table's note (单位：万元).
    """
    units: dict[int, set[str]] = {}
    for r, c, cell in table.placed():
        if r >= table.header_rows and isinstance(cell.value, Amount):
            units.setdefault(c, set()).add(cell.value.unit)
    found = {c: next(iter(u)) for c, u in units.items() if len(u) == 1}
    note = re.match(r"单位[:：]\s*(万元|元)", table.note or "")
    if note:
        for r, c, cell in table.placed():
            if r < table.header_rows and c not in found and cell.text.endswith(_AMOUNT_WORDS):
                found[c] = note.group(1)
    return found


_AMOUNT_WORDS = ("预算数", "执行数", "金额", "资金", "决算数")


def sheet_text(text: str) -> str:
    """Text a worksheet can hold: Word's manual line and page breaks (pasted with the clerk's text) become
    line breaks, other control characters are dropped; openpyxl refuses them and the export would fail."""
    return ILLEGAL_CHARACTERS_RE.sub("", text.replace("\x0b", "\n").replace("\x0c", "\n"))


def _render(ws: Worksheet, table: Table, title: str) -> _Placed:
    width = table.column_count
    grid_cells = table.placed()
    first = TITLE_ROWS + 1
    placed = _Placed(ws, table, first)

    ws.cell(row=1, column=1, value=sheet_text(title or table.caption)).font = TITLE_FONT
    ws.cell(row=1, column=1).alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 28
    if width > 1:
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    if table.note:
        note = ws.cell(row=2, column=1, value=sheet_text(table.note))
        note.font = Font(name=FONT_NAME, size=10)
        note.alignment = Alignment(horizontal="right" if table.note.startswith("单位") else "center")
        if width > 1:
            ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)

    units = _unit_columns(table)
    total_width = sum(table.widths) or 1
    chars = [max(6.0, PAGE_WIDTH_CHARS * w / total_width) for w in table.widths]
    for c, w in enumerate(chars):
        ws.column_dimensions[get_column_letter(c + 1)].width = round(w, 1)
    lines_per_row: dict[int, int] = {}

    for r, c, cell in grid_cells:
        target = ws.cell(row=first + r, column=c + 1)
        in_header = r < table.header_rows
        number, fmt = number_value(cell)
        if number is not None:
            target.value = number
            target.number_format = fmt
        elif cell.value is not None:
            text = cell.text
            if in_header and c in units and "元" not in text:
                text += f"（{units[c]}）"
            target.value = sheet_text(text)
        target.font = Font(name=FONT_NAME, size=10, bold=cell.bold)
        target.alignment = Alignment(horizontal=_HALIGN[cell.alignment(in_header)], vertical="center", wrap_text=True)
        if in_header or (table.header_rows == 0 and cell.bold and not cell.is_number):
            target.fill = HEADER_FILL  # header cells; in the 附1 form, which has no header rows, its labels
        if cell.rowspan > 1 or cell.colspan > 1:
            ws.merge_cells(start_row=first + r, start_column=c + 1,
                           end_row=first + r + cell.rowspan - 1, end_column=c + cell.colspan)
        # Rough line count for the row height: Excel does not grow rows for wrapped text in merged cells.
        span_width = sum(chars[c:c + cell.colspan])
        text_len = sum(2 if ord(ch) > 0x2E80 else 1 for ch in (cell.text or ""))
        lines = max(1, -(-text_len // max(1, int(span_width - 1))))
        per_row = -(-lines // cell.rowspan)
        lines_per_row[r] = max(lines_per_row.get(r, 1), per_row)
    for r in range(len(table.rows)):
        for c in range(width):
            ws.cell(row=first + r, column=c + 1).border = BORDER
        ws.row_dimensions[first + r].height = max(20, 14 * lines_per_row.get(r, 1) + 4)

    frozen = first + table.header_rows
    ws.freeze_panes = ws.cell(row=frozen, column=1)
    print_setup(ws, landscape=True, title_rows=f"1:{frozen - 1}")
    return placed


# ------------------------------------------------------------------ totals as formulas


def _stored(placed: _Placed, r: int, c: int) -> Optional[Decimal]:
    value = placed.ws.cell(row=placed.first_row + r, column=c + 1).value
    return value if isinstance(value, Decimal) else None


def _set_formula(placed: _Placed, r: int, c: int, formula: str, value: Decimal, cached: dict[str, Decimal]) -> None:
    cell = placed.ws.cell(row=placed.first_row + r, column=c + 1)
    cell.value = "=" + formula
    cached[placed.ref(r, c)] = value


def _sum_if_equal(placed: _Placed, total_r: int, c: int, rows: list[int], cached: dict[str, Decimal]) -> None:
    """SUM over `rows` in column c, used only when it gives exactly the total the program states."""
    total = _stored(placed, total_r, c)
    parts = [_stored(placed, r, c) for r in rows]
    if total is None or not rows or any(p is None for p in parts) or sum(parts, Decimal(0)) != total:
        return
    refs = _ranges(placed, rows, c)
    _set_formula(placed, total_r, c, f"SUM({','.join(refs)})", total, cached)


def _ranges(placed: _Placed, rows: list[int], c: int) -> list[str]:
    """Consecutive rows as A1:A5 ranges."""
    out, start, prev = [], rows[0], rows[0]
    for r in rows[1:] + [None]:
        if r is not None and r == prev + 1:
            prev = r
            continue
        out.append(placed.ref(start, c) if start == prev else f"{placed.ref(start, c)}:{placed.ref(prev, c)}")
        if r is not None:
            start = prev = r
    return out


def _label_rows(table: Table) -> dict[str, int]:
    labels = {}
    for r, row in enumerate(table.rows):
        if row and isinstance(row[0].value, str):
            labels.setdefault(row[0].value.replace("　", "").strip(), r)
    return labels


def _formulas(placed: _Placed) -> dict[str, Decimal]:
    cached: dict[str, Decimal] = {}
    table = placed.table
    # Totals the model declares (自评表 总分): =SUM over exactly the cells it adds up.
    for r, c, cell in table.placed():
        total = _stored(placed, r, c)
        if cell.sum_of and total is not None:
            refs = ",".join(placed.ref(pr, pc) for pr, pc in cell.sum_of)
            _set_formula(placed, r, c, f"SUM({refs})", total, cached)
    if table.name == "projects" and len(table.rows) > 2 and table.rows[-1][0].text == "合计":
        last = len(table.rows) - 1
        body = list(range(table.header_rows, last))
        # The amount columns, wherever they stand (a column no project has is left out of the table).
        amounts = [c for c, cell in enumerate(table.rows[0]) if cell.text in ("年初预算数", "全年预算数", "全年执行数")]
        for c in amounts:
            _sum_if_equal(placed, last, c, body, cached)
    elif table.name == "income_expenditure":
        labels = _label_rows(table)
        rows = table.rows
        if "本年收入合计" in labels:
            r0 = labels["本年收入合计"]
            lines = []
            for r in range(r0 + 1, len(rows)):
                if not rows[r][0].text.startswith("　"):
                    break
                lines.append(r)
            _sum_if_equal(placed, r0, 1, lines, cached)
        if "本年支出合计" in labels and "基本支出" in labels and "项目支出" in labels:
            _sum_if_equal(placed, labels["本年支出合计"], 1, [labels["基本支出"], labels["项目支出"]], cached)
        if "基本支出" in labels and "人员经费" in labels and "公用经费" in labels:
            _sum_if_equal(placed, labels["基本支出"], 1, [labels["人员经费"], labels["公用经费"]], cached)
    return cached


_EMPTY_V = re.compile(rb'(<c r="([A-Z]+[0-9]+)"[^>]*><f>[^<]*</f>)<v\s*/?>(?:</v>)?')


def _store_cached_values(path: Path, cached: dict[str, dict[str, Decimal]], sheet_files: dict[str, str]) -> None:
    """openpyxl writes formulas without their values; put the program's value into each one."""
    with zipfile.ZipFile(path) as archive:
        members = [(info, archive.read(info.filename)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in members:
            values = cached.get(sheet_files.get(info.filename, ""), {})
            if values:
                def fill(match: re.Match) -> bytes:
                    ref = match.group(2).decode("ascii")
                    if ref not in values:
                        return match.group(0)
                    return match.group(1) + b"<v>" + format(values[ref], "f").encode("ascii") + b"</v>"

                data = _EMPTY_V.sub(fill, data)
            archive.writestr(info, data)


def write_xlsx(document: Document, path: Path) -> None:
    """Write the document's tables as a workbook at `path` (the caller makes it atomic, as for Word/PDF)."""
    wb, cached = workbook_for(document)
    wb.save(path)
    # openpyxl names worksheet parts sheet1.xml, sheet2.xml … in workbook order.
    sheet_files = {f"xl/worksheets/sheet{i}.xml": ws.title for i, ws in enumerate(wb.worksheets, start=1)}
    if any(cached.values()):
        _store_cached_values(Path(path), cached, sheet_files)


def export_xlsx(report, path: Path, outline_id: Optional[str] = None, draft: bool = False) -> Path:
    """The report's workbook at `path`, written whole or not at all."""
    from .build import build_document
    from .outline import load_outline

    document = build_document(report, load_outline(outline_id or report.outline.value), draft=draft)
    return atomic_write(Path(path), lambda tmp: write_xlsx(document, tmp))
