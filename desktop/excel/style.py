"""The look shared by every workbook the program writes: fonts, borders, number formats, print setup."""

from __future__ import annotations

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

FONT_NAME = "宋体"  # present in every Chinese Excel/WPS install
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
REQUIRED_FILL = PatternFill("solid", fgColor="FCE4D6")
EXAMPLE_FONT = Font(name=FONT_NAME, size=10, italic=True, color="808080")
BODY_FONT = Font(name=FONT_NAME, size=10)
HEADER_FONT = Font(name=FONT_NAME, size=10, bold=True)
TITLE_FONT = Font(name=FONT_NAME, size=14, bold=True)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
RIGHT = Alignment(horizontal="right", vertical="center")

MONEY_FORMAT = "#,##0.00"  # 元 to the 分
WAN_FORMAT = "#,##0.00"  # 万元 to 2 decimals
PERCENT_FORMAT = "0.00%"  # rates are stored as fractions (0.9426) so that Excel computes with them
SHARE_FORMAT = "0.0%"  # shares of a whole to 0.1%, as reports print them
SCORE_FORMAT = "0.00"
COUNT_FORMAT = "#,##0"
DATE_FORMAT = "yyyy-mm-dd"


def print_setup(ws: Worksheet, landscape: bool = True, title_rows: str | None = None) -> None:
    """A4, fitted to the page width, centred; header rows repeated on every printed page."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages tall as needed
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    if title_rows:
        ws.print_title_rows = title_rows


def box(ws: Worksheet, min_row: int, min_col: int, max_row: int, max_col: int) -> None:
    """Thin borders on every cell of a block (merged cells too, or their outline shows gaps)."""
    for row in ws.iter_rows(min_row=min_row, max_row=max_row, min_col=min_col, max_col=max_col):
        for cell in row:
            cell.border = BORDER
