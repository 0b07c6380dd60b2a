"""A PDF table of any length: it splits between any two rows, merged cells included.

reportlab never splits a table inside a vertically merged cell; a 一级指标 group taller than a page
(14 indicators under 产出指标) therefore raised LayoutError. This flowable cuts the table itself: a merged
cell that crosses the cut ends at the bottom of the page and continues at the top of the next one with
its label repeated, and the header rows repeat on every page. A single row taller than a page is left
to reportlab's in-row splitting.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from reportlab.platypus import Table as RLTable
from reportlab.platypus.flowables import Flowable


@dataclass(frozen=True)
class Placed:
    """A cell at its top-left position with its extent (rows × columns)."""

    row: int
    col: int
    rows: int
    cols: int


class SplittingTable(Flowable):
    """Rows `first`…`last` (exclusive) of a table, under its `header` rows.

    `make(row, col)` builds a fresh cell flowable (a flowable laid out in one table is not shared with
    another); `cells` lists every placed cell of the whole table.
    """

    def __init__(self, cells: list[Placed], row_count: int, col_count: int, make: Callable[[int, int], object],
                 widths: list[float], commands: list, header: int, page_height: float,
                 first: int | None = None, last: int | None = None):
        super().__init__()
        self.cells = cells
        self.row_count = row_count
        self.col_count = col_count
        self.make = make
        self.widths = widths
        self.commands = commands
        self.header = header
        self.page_height = page_height
        self.first = header if first is None else first
        self.last = row_count if last is None else last
        self.hAlign = "CENTER"
        self._whole = None

    # ------------------------------------------------------------ building one piece

    def piece(self, last: int, in_row: bool = False) -> RLTable:
        """A reportlab table of the header rows and body rows first…last, merges cut to fit."""
        rows = list(range(self.header)) + list(range(self.first, last))
        index = {r: n for n, r in enumerate(rows)}
        data = [["" for _ in range(self.col_count)] for _ in rows]
        spans = []
        for cell in self.cells:
            top, bottom = cell.row, cell.row + cell.rows  # bottom exclusive
            if top < self.header:
                visible = (top, min(bottom, self.header))
            else:
                visible = (max(top, self.first), min(bottom, last))
            if visible[0] >= visible[1]:
                continue
            # A cell continued from the previous page shows its label again at the top of this one.
            data[index[visible[0]]][cell.col] = self.make(cell.row, cell.col)
            if visible[1] - visible[0] > 1 or cell.cols > 1:
                spans.append(("SPAN", (cell.col, index[visible[0]]),
                              (cell.col + cell.cols - 1, index[visible[1] - 1])))
        return RLTable(data, colWidths=self.widths, repeatRows=self.header, style=self.commands + spans,
                       hAlign="CENTER", splitByRow=1, splitInRow=1 if in_row else 0)

    def _height(self, last: int, width: float) -> float:
        return self.piece(last).wrap(width, 1e9)[1]

    # ------------------------------------------------------------ Flowable

    def wrap(self, availWidth, availHeight):
        self._whole = self.piece(self.last)
        self.width, self.height = self._whole.wrap(availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth, availHeight):
        if self.last - self.first <= 1:
            # One row taller than the space: reportlab splits inside the row's cells.
            return self.piece(self.last, in_row=True).split(availWidth, availHeight)
        # The most body rows that fit (heights grow with the row count: bisect).
        low, high = self.first, self.last - 1  # low fits trivially (no body row), high is a candidate
        while low < high:
            middle = (low + high + 1) // 2
            if self._height(middle, availWidth) <= availHeight + 1e-6:
                low = middle
            else:
                high = middle - 1
        if low == self.first:
            if self._height(self.first + 1, availWidth) <= self.page_height:
                return []  # the row fits on a page of its own: start the table on the next page
            # A row taller than any page: split inside it, then go on with the rest.
            parts = self.piece(self.first + 1, in_row=True).split(availWidth, availHeight)
            if not parts:
                return []
            return parts + ([self._rest(self.first + 1)] if self.first + 1 < self.last else [])
        return [self.piece(low), self._rest(low)]

    def _rest(self, first: int) -> "SplittingTable":
        return SplittingTable(self.cells, self.row_count, self.col_count, self.make, self.widths, self.commands,
                              self.header, self.page_height, first, self.last)

    def drawOn(self, canvas, x, y, _sW=0):
        self._whole.drawOn(canvas, x, y, _sW)

    def draw(self):  # pragma: no cover - drawOn is used instead
        self._whole.draw()
