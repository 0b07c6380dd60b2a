"""The neutral document model: headings, paragraphs, tables and page breaks that every writer renders.

A report is described once as a `Document`; the Word, PDF and Excel writers only decide how each block
looks. Table cells carry typed values (amounts with their unit, percentages, scores, text) so that a
spreadsheet gets numbers, not strings, and every writer prints them the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Optional, Union

from ..domain.money import plain_number, yuan_to_wan
from ..domain.shares import format_share


class Font(str, Enum):
    """The role a run of text plays; each writer maps a role to a face (仿宋, 黑体, 楷体, 宋体…)."""

    TITLE = "title"  # 小标宋 (fallback 宋体)
    BODY = "body"  # 仿宋
    HEADING1 = "heading1"  # 黑体
    HEADING2 = "heading2"  # 楷体
    NUMBER = "number"  # 宋体 (page numbers)


# The face of each heading level (level 3 and 4 headings are body text, bold where local practice wants).
HEADING_FONTS = {1: Font.HEADING1, 2: Font.HEADING2, 3: Font.BODY, 4: Font.BODY}
# What a draft says on every page, in the Word header and on the PDF page (the import recognises it).
DRAFT_MARK = "草稿"
DRAFT_NOTE = "草稿（仅供核对，不得报送）"


class Align(str, Enum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"
    JUSTIFY = "justify"


# ---------------------------------------------------------------- typed cell values


@dataclass(frozen=True)
class Amount:
    """Money in 元; shown in `unit` (万元 as the reports print it, or 元)."""

    yuan: Decimal
    unit: str = "万元"

    @property
    def shown(self) -> Decimal:
        """The number as printed in its unit (万元 to 2 decimals)."""
        return yuan_to_wan(self.yuan) if self.unit == "万元" else self.yuan

    def text(self) -> str:
        if self.unit == "万元":
            return plain_number(self.shown)
        return f"{self.yuan:,.2f}"


@dataclass(frozen=True)
class Percent:
    """A percentage, e.g. Decimal("94.26") for 94.26%."""

    value: Decimal
    places: Optional[int] = None  # decimals the clerk chose for shares (94.0%); None: as the value has them

    def text(self) -> str:
        return format_share(self.value, self.places)


@dataclass(frozen=True)
class Number:
    """A count or score with an optional unit word (人次, 分); printed without trailing zeros."""

    value: Decimal
    unit: str = ""

    def text(self) -> str:
        return plain_number(self.value)


CellValue = Union[str, Amount, Percent, Number, None]


@dataclass
class Cell:
    """One cell; `colspan`/`rowspan` > 1 merge it over its neighbours (those positions are omitted)."""

    value: CellValue = None
    colspan: int = 1
    rowspan: int = 1
    align: Optional[Align] = None  # None: numbers right, text left (header rows centred)
    bold: bool = False
    # A total: the (row, column) positions whose numbers it adds up (the workbook writes =SUM over them).
    sum_of: tuple[tuple[int, int], ...] = ()

    @property
    def text(self) -> str:
        if self.value is None:
            return ""
        if isinstance(self.value, str):
            return self.value
        return self.value.text()

    @property
    def is_number(self) -> bool:
        return isinstance(self.value, (Amount, Percent, Number))

    def alignment(self, in_header: bool) -> Align:
        if self.align is not None:
            return self.align
        if in_header:
            return Align.CENTER
        return Align.RIGHT if self.is_number else Align.LEFT


@dataclass
class Table:
    """A table of the report or an appendix.

    `rows` lists each row's cells from left to right, HTML style: a position covered by a merge from
    above or from the left has no cell. `widths` are relative column widths. The first `header_rows`
    rows repeat at the top of every page the table runs onto.
    """

    widths: list[float]
    rows: list[list[Cell]]
    header_rows: int = 1
    name: str = ""  # stable name of the table kind (income_expenditure, project_evaluation …)
    caption: str = ""  # sheet/table title, e.g. 收支情况表
    note: str = ""  # line above the table, e.g. 单位：万元

    @property
    def column_count(self) -> int:
        return len(self.widths)

    def grid(self) -> list[list[Optional[tuple[Cell, int, int]]]]:
        """Rows × columns: each position holds (cell, row, col) of the cell that covers it."""
        height = len(self.rows)
        grid: list[list[Optional[tuple[Cell, int, int]]]] = [[None] * self.column_count for _ in range(height)]
        for r, row in enumerate(self.rows):
            c = 0
            for cell in row:
                while c < self.column_count and grid[r][c] is not None:
                    c += 1
                if c + cell.colspan > self.column_count or r + cell.rowspan > height:
                    raise ValueError(f"table {self.name or self.caption}: row {r} overflows its grid")
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        if grid[r + dr][c + dc] is not None:
                            raise ValueError(f"table {self.name or self.caption}: cells overlap at row {r}")
                        grid[r + dr][c + dc] = (cell, r, c)
                c += cell.colspan
        for r, row in enumerate(grid):
            if any(position is None for position in row):
                raise ValueError(f"table {self.name or self.caption}: row {r} is not filled")
        return grid

    def placed(self) -> list[tuple[int, int, Cell]]:
        """Every cell with its top-left (row, column), in reading order."""
        seen: list[tuple[int, int, Cell]] = []
        for r, row in enumerate(self.grid()):
            for c, (cell, r0, c0) in enumerate(row):
                if r0 == r and c0 == c:
                    seen.append((r, c, cell))
        return seen


# ---------------------------------------------------------------- blocks


@dataclass
class Run:
    text: str
    bold: bool = False
    font: Optional[Font] = None  # None: the paragraph's font


@dataclass
class Heading:
    """A numbered section heading; `number` ("一、", "（一）", "1.", "（1）") is given by the program."""

    level: int
    number: str
    text: str

    @property
    def full_text(self) -> str:
        return self.number + self.text


@dataclass
class Paragraph:
    """Body text; `indent` gives the 2-character first-line indent."""

    runs: list[Run]
    font: Font = Font.BODY
    align: Align = Align.JUSTIFY
    indent: bool = True
    size: Optional[float] = None  # points; None: body size (3号)
    keep_with_next: bool = False

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass
class PageBreak:
    pass


Block = Union[Heading, Paragraph, Table, PageBreak]


@dataclass
class Layout:
    """Page and type settings (GB/T 9704-2012); sizes in points, lengths in millimetres."""

    margin_top_mm: float = 37
    margin_bottom_mm: float = 35
    margin_left_mm: float = 28
    margin_right_mm: float = 26
    lines_per_page: int = 22
    title_size: float = 22  # 2号
    body_size: float = 16  # 3号
    table_size: float = 10.5  # 五号
    page_number_size: float = 14  # 4号
    bold_lower_headings: bool = False  # "1." and "（1）" headings in bold: local practice

    @property
    def text_height_pt(self) -> float:
        return (297 - self.margin_top_mm - self.margin_bottom_mm) * 72 / 25.4

    @property
    def text_width_pt(self) -> float:
        return (210 - self.margin_left_mm - self.margin_right_mm) * 72 / 25.4

    @property
    def line_pitch(self) -> float:
        """Fixed line spacing that fits exactly `lines_per_page` lines in the text block (≈ 28.95 pt).

        Rounded down to 0.05 pt (Word stores twentieths of a point) so that 22 lines always fit.
        """
        pitch = self.text_height_pt / self.lines_per_page
        return int(pitch * 20) / 20


@dataclass
class Document:
    """A whole report ready to be written: title, body blocks, signature, appendices."""

    title: str  # lines separated by "\n"
    blocks: list[Block] = field(default_factory=list)
    signature_unit: str = ""
    signature_date: Optional[date] = None
    appendices: list[Block] = field(default_factory=list)
    draft: bool = False  # 草稿 on every page
    layout: Layout = field(default_factory=Layout)
    author: str = ""

    def headings(self) -> list[Heading]:
        return [b for b in self.blocks if isinstance(b, Heading)]

    def tables(self) -> list[Table]:
        return [b for b in self.blocks + self.appendices if isinstance(b, Table)]


def chinese_date(day: date) -> str:
    """Dates in Arabic numerals as GB/T 9704 wants: 2025年3月31日."""
    return f"{day.year}年{day.month}月{day.day}日"
