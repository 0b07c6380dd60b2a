"""A PDF table of any length: ruled cells of Chinese text that split between any two rows, merged
cells included, drawn straight on the canvas.

A merged cell that crosses a page break ends at the foot of the page and continues at the top of the
next one with its label repeated; the header rows repeat on every page. A single row taller than a
page splits inside itself, line by line.

Row heights follow the classic rule of ruled forms (the one reportlab's tables use, so a report keeps
its page breaks): a row is as tall as its tallest cell that lies in that row alone, padding included;
a merged cell that needs more than the rows it covers adds the shortfall to them in equal parts,
the tallest merged cells first.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import black

from .document import Align
from .pdf_flow import Flowable
from .pdf_text import Line, draw_line

GRID = 0.6  # the rules between cells
BOX = 1.0  # the frame around each page's part of the table
PAD_LEFT = PAD_RIGHT = 3.0
PAD_TOP, PAD_BOTTOM = 2.0, 3.0
MERGED_ROW_MIN = 12.0
_FUZZ = 1e-6


@dataclass(frozen=True)
class Placed:
    """A cell at its top-left position with its extent (rows × columns)."""

    row: int
    col: int
    rows: int
    cols: int


@dataclass
class CellText:
    """A cell's lines, set to the cell's width less its paddings."""

    lines: list[Line]
    align: Align

    def height(self, leading: float) -> float:
        return len(self.lines) * leading


@dataclass(frozen=True)
class Spec:
    """What every page's part of one table shares."""

    cells: list[Placed]
    texts: dict[tuple[int, int], CellText]  # by the cell's top-left (row, column)
    row_count: int
    widths: list[float]
    header: int
    size: float
    leading: float
    page_height: float  # the text block's height: a row taller than this is split inside itself

    @property
    def width(self) -> float:
        return sum(self.widths)


@dataclass
class Shown:
    """A cell as one piece shows it: its rows `top`…`bottom` (exclusive) of the piece, and its lines."""

    col: int
    cols: int
    top: int
    bottom: int
    lines: list[Line]
    align: Align


def column_edges(widths: list[float]) -> list[float]:
    """Each column's left edge from the table's, and the right edge of the last."""
    edges = [0.0]
    for w in widths:
        edges.append(edges[-1] + w)
    return edges


def cell_width(widths: list[float], edges: list[float], col: int, cols: int) -> float:
    """A cell's width: its column's, or the distance between the edges of the columns it spans (the
    same figure to the last bit wherever it is needed, so a line measured to fit is drawn to fit)."""
    return widths[col] if cols == 1 else edges[col + cols] - edges[col]


def _distribute(heights: list[float], needs: dict[tuple[int, int], float]) -> list[float]:
    """Rows grown so that each merged range (first, last row inclusive) is as tall as it needs: the
    largest needs first, each shortfall shared equally by the rows of its range."""
    extra: dict[int, float] = {}
    for need, (first, last) in sorted(((v, k) for k, v in needs.items()), reverse=True):
        have = sum(heights[r] + extra.get(r, 0.0) for r in range(first, last + 1))
        if have >= need - _FUZZ:
            continue
        share = (need - have) / (last - first + 1)
        for r in range(first, last + 1):
            extra[r] = extra.get(r, 0.0) + share
    return [h + extra.get(r, 0.0) for r, h in enumerate(heights)]


class Piece(Flowable):
    """Some rows of a table, laid out: the cells they show and each row's height."""

    def __init__(self, spec: Spec, shown: list[Shown], row_count: int):
        self.spec = spec
        self.shown = shown
        padding = PAD_TOP + PAD_BOTTOM
        heights = [0.0] * row_count
        needs: dict[tuple[int, int], float] = {}
        for cell in shown:
            need = len(cell.lines) * spec.leading + padding
            if cell.bottom - cell.top == 1:
                if cell.cols > 1:
                    # A row that holds a cell merged across columns is never lower than one empty line
                    # (a form's blank line, 12 pt): the height forms printed so far had, kept so that
                    # page breaks stay where they were.
                    need = max(need, MERGED_ROW_MIN + padding)
                heights[cell.top] = max(heights[cell.top], need)
            else:
                key = (cell.top, cell.bottom - 1)
                needs[key] = max(needs.get(key, need), need)
        self.rows = _distribute(heights, needs) if needs else heights
        self.width = spec.width
        self.height = sum(self.rows)
        self._offset = 0.0

    def wrap(self, available_width, available_height):
        # Centred in the text block, as the table's own width may fall short of it by rounding.
        self._offset = (available_width - self.width) / 2
        return self.width, self.height

    def draw_on(self, canvas, x, y):
        spec = self.spec
        # Everything is placed from the table's corner, and each cell's text from the cell's, so that
        # the positions written to the page are the same wherever the table lands.
        canvas.saveState()
        canvas.translate(x + self._offset, y)
        columns = column_edges(spec.widths)
        tops = [0.0]  # from the bottom row up, then turned round: tops[r] is row r's top edge
        for h in reversed(self.rows):
            tops.append(tops[-1] + h)
        tops.reverse()
        size, leading = spec.size, spec.leading
        canvas.setFillColor(black)
        for cell in self.shown:
            if not cell.lines:
                continue
            left, right = columns[cell.col], columns[cell.col + cell.cols]
            top, bottom = tops[cell.top], tops[cell.bottom]
            content = len(cell.lines) * leading
            # Vertically centred between the paddings; the first baseline one type size under the
            # content's top, as reportlab sets a paragraph.
            canvas.saveState()
            canvas.translate(left + PAD_LEFT, bottom + (PAD_BOTTOM + (top - bottom) - PAD_TOP + content) / 2 - content)
            baseline = content - size
            measure = cell_width(spec.widths, columns, cell.col, cell.cols) - PAD_LEFT - PAD_RIGHT
            for line in cell.lines:
                draw_line(canvas, line, 0.0, baseline, measure, cell.align, size)
                baseline -= leading
            canvas.restoreState()
        canvas.saveState()
        canvas.setStrokeColor(black)
        canvas.setLineCap(1)
        canvas.setLineWidth(GRID)
        edges: set[tuple[float, float, float, float]] = set()
        for cell in self.shown:
            left, right = columns[cell.col], columns[cell.col + cell.cols]
            top, bottom = tops[cell.top], tops[cell.bottom]
            edges.update(((left, top, right, top), (left, bottom, right, bottom),
                          (left, bottom, left, top), (right, bottom, right, top)))
        canvas.lines(sorted(edges))
        canvas.setLineWidth(BOX)
        # Four lines with round ends rather than a rectangle: the corners come out round, as before.
        width, height = columns[-1], tops[0]
        canvas.lines([(0, height, width, height), (0, 0, width, 0), (0, 0, 0, height), (width, 0, width, height)])
        canvas.restoreState()
        canvas.restoreState()


class SplittingTable(Flowable):
    """Body rows `first`…`last` (exclusive) of a table, under its header rows."""

    def __init__(self, spec: Spec, first: int | None = None, last: int | None = None,
                 partial: dict[tuple[int, int], list[Line]] | None = None):
        self.spec = spec
        self.first = spec.header if first is None else first
        self.last = spec.row_count if last is None else last
        # Cells of the first row whose earlier lines went onto the previous page (a row split inside).
        self.partial = partial or {}
        self._whole: Piece | None = None
        self._pieces: dict[int, Piece] = {}

    # ------------------------------------------------------------ building one piece

    def piece(self, last: int) -> Piece:
        """The header rows and body rows first…last, merged cells cut to fit."""
        found = self._pieces.get(last)
        if found is not None:
            return found
        spec = self.spec
        rows = list(range(spec.header)) + list(range(self.first, last))
        index = {r: n for n, r in enumerate(rows)}
        shown = []
        for cell in spec.cells:
            top, bottom = cell.row, cell.row + cell.rows  # bottom exclusive
            if top < spec.header:
                visible = (top, min(bottom, spec.header))
            else:
                visible = (max(top, self.first), min(bottom, last))
            if visible[0] >= visible[1]:
                continue
            text = spec.texts[cell.row, cell.col]
            # A cell continued from the previous page shows its label again at the top of this one,
            # unless the previous page already printed part of it (a row split inside).
            lines = self.partial.get((cell.row, cell.col), text.lines)
            shown.append(Shown(cell.col, cell.cols, index[visible[0]], index[visible[1] - 1] + 1, lines, text.align))
        # Drawn row by row, left to right, so that text is extracted (copied, searched) in reading order.
        shown.sort(key=lambda cell: (cell.top, cell.col))
        self._pieces[last] = piece = Piece(spec, shown, len(rows))
        return piece

    def _height(self, last: int) -> float:
        return self.piece(last).height

    # ------------------------------------------------------------ Flowable

    def wrap(self, available_width, available_height):
        self._whole = self.piece(self.last)
        self.width, self.height = self._whole.wrap(available_width, available_height)
        return self.width, self.height

    def split(self, available_width, available_height):
        # The most body rows that fit (heights grow with the row count: bisect).
        low, high = self.first, self.last - 1  # low fits trivially (no body row), high is a candidate
        while low < high:
            middle = (low + high + 1) // 2
            if self._height(middle) <= available_height + _FUZZ:
                low = middle
            else:
                high = middle - 1
        if low < self.last and self._alone(low) > self.spec.page_height:
            # The next row is taller than any page: as many of its lines as fit here, the rest on the
            # following pages (under the header rows, which are not repeated in the middle of a page).
            parts = self._split_row(low, available_height)
            if parts:
                return parts
        if low > self.first:
            return [self.piece(low), self._rest(low)]
        return []  # not even one row fits here, but it does on a page of its own: go on on the next page

    def _rest(self, first: int, partial: dict | None = None) -> "SplittingTable":
        return SplittingTable(self.spec, first, self.last, partial)

    def _alone(self, row: int) -> float:
        """The height of the header rows and `row` on their own."""
        if row == self.first:
            return self._height(row + 1)
        return SplittingTable(self.spec, row, row + 1).piece(row + 1).height

    def _split_row(self, row: int, available_height: float) -> list[Flowable]:
        """Rows first…row-1 whole and the first lines of `row`'s cells; the rest of `row` and the rows
        after it in a table of their own."""
        spec = self.spec
        cut = [cell for cell in spec.cells if cell.row == row and cell.rows == 1]
        # Only the row's own cells are cut; a merged cell around it keeps its label on both pages.
        carried = self.partial if row == self.first else {}
        lines = {(c.row, c.col): carried.get((c.row, c.col), spec.texts[c.row, c.col].lines) for c in cut}
        before = self._height(row)
        fit = int((available_height - before - PAD_TOP - PAD_BOTTOM + _FUZZ) // spec.leading)
        while fit >= 1:
            head = {key: value[:fit] for key, value in lines.items()}
            if row > self.first:
                head = {**self.partial, **head}
            piece = SplittingTable(spec, self.first, row + 1, head).piece(row + 1)
            if piece.height <= available_height + _FUZZ:
                return [piece, self._rest(row, {key: value[fit:] for key, value in lines.items()})]
            fit -= 1  # a merged cell around the row asked for more room than its lines: one line fewer
        return []

    def draw_on(self, canvas, x, y):
        self._whole.draw_on(canvas, x, y)
