"""Chinese text on the PDF page: fixed line pitch, first-line indent, kinsoku breaks, justified lines.

Justifying by widening spaces (what reportlab's Paragraph does) leaves Chinese lines ragged, as they
have no spaces. Full lines are instead set to the measure with character spacing (PDF Tc), as Word
does. A body-text block splits across pages at line boundaries so every page holds exactly its share
of lines; table cells are set by the same line breaking (pdf_table).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth

from .cjkwrap import line_breaks
from .document import Align
from .pdf_flow import Flowable

_widths: dict[tuple[str, float], dict[str, float]] = {}


def char_width(char: str, font: str, size: float) -> float:
    """The advance of one character (a CJK report measures the same few hundred characters again and
    again: each is asked of the font once per face and size)."""
    table = _widths.get((font, size))
    if table is None:
        table = _widths[font, size] = {}
    width = table.get(char)
    if width is None:
        width = table[char] = stringWidth(char, font, size)
    return width


@dataclass(frozen=True)
class Glyph:
    char: str
    font: str
    width: float


def layout_lines(runs: list[tuple[str, str]], size: float, measure: float, first_indent: float = 0.0) -> list["Line"]:
    """The lines of runs of (text, font) set at `size` across `measure`, the first one indented;
    "\\n" in a run ends a line."""
    glyphs: list[Glyph] = []
    hard: set[int] = set()
    for text, font in runs:
        for ch in text:
            if ch == "\n":
                if glyphs:
                    hard.add(len(glyphs) - 1)
                continue
            glyphs.append(Glyph(ch, font, char_width(ch, font, size)))
    ranges = line_breaks([g.char for g in glyphs], [g.width for g in glyphs], [measure - first_indent, measure],
                         frozenset(hard))
    lines = []
    for n, (start, end) in enumerate(ranges):
        last = n == len(ranges) - 1 or (end - 1) in hard
        lines.append(Line(tuple(glyphs[start:end]), first_indent if n == 0 else 0.0, last))
    return lines


def draw_line(canvas, line: "Line", x: float, baseline: float, measure: float, align: Align, size: float) -> None:
    """One line on the canvas from `x` across `measure`: full lines of justified text are set to the
    measure by character spacing (PDF Tc), as Word does, since Chinese has no spaces to widen."""
    free = measure - line.indent - line.width
    if align is Align.CENTER:
        x, spacing = x + line.indent + free / 2, 0.0
    elif align is Align.RIGHT:
        x, spacing = x + line.indent + free, 0.0
    elif align is Align.JUSTIFY and not line.last and len(line.glyphs) > 1 and free > 0:
        x, spacing = x + line.indent, free / (len(line.glyphs) - 1)
    else:
        x, spacing = x + line.indent, 0.0
    text = canvas.beginText(x, baseline)
    # Always set: character spacing is page state in PDF, and would carry over from the line before.
    text.setCharSpace(spacing)
    font = None
    chunk = ""
    for glyph in line.glyphs:
        if glyph.font != font:
            if chunk:
                text.textOut(chunk)
            font, chunk = glyph.font, ""
            text.setFont(font, size)
        chunk += glyph.char
    if chunk:
        text.textOut(chunk)
    canvas.drawText(text)


@dataclass(frozen=True)
class Line:
    glyphs: tuple[Glyph, ...]
    indent: float  # from the left edge of the measure
    last: bool  # the paragraph's last line (or one ended by a hard break): not stretched

    @property
    def width(self) -> float:
        return sum(g.width for g in self.glyphs)


class TextBlock(Flowable):
    """Runs of (text, font name) at one size; "\\n" in a run is a hard line break."""

    def __init__(self, runs: list[tuple[str, str]], size: float, leading: float, align: Align = Align.JUSTIFY,
                 first_indent: float = 0.0, right_indent: float = 0.0, lines: list[Line] | None = None,
                 measure: float | None = None, drop: float | None = None):
        self.runs = runs
        self.size = size
        self.leading = leading
        self.align = align
        self.first_indent = first_indent
        self.right_indent = right_indent
        self._lines = lines
        self._measure = measure  # the width `lines` were set to (None: not laid out yet)
        # From the block's top to the first baseline; None: the glyphs centred in their line.
        self.drop = drop

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.runs)

    def _layout(self, width: float) -> list[Line]:
        if self._lines is not None and (self._measure is None or self._measure == width):
            return self._lines
        lines = layout_lines(self.runs, self.size, width - self.right_indent, self.first_indent)
        self._lines, self._measure = lines, width
        return lines

    def _part(self, lines: list[Line], width: float) -> "TextBlock":
        return TextBlock(self.runs, self.size, self.leading, self.align, self.first_indent, self.right_indent,
                         lines, width, self.drop)

    def wrap(self, available_width, available_height):
        self.width = available_width
        lines = self._layout(available_width)
        self.height = max(len(lines), 1) * self.leading
        return self.width, self.height

    def split(self, available_width, available_height):
        lines = self._layout(available_width)
        fit = int((available_height + 1e-6) // self.leading)
        # Widow and orphan control, as Word's: never one line of a paragraph alone at the foot of a page
        # or at the head of the next.
        if fit == len(lines) - 1 and len(lines) >= 3:
            fit -= 1
        if fit < 2 or fit >= len(lines):
            return []
        return [self._part(lines[:fit], available_width), self._part(lines[fit:], available_width)]

    def draw_on(self, canvas, x, y):
        measure = self.width - self.right_indent
        # The glyphs sit centred in their line, as Word places text in a fixed-height line.
        drop = self.leading / 2 + self.size * 0.35 if self.drop is None else self.drop
        baseline = self.height - drop
        # Lines are placed from the block's corner, so that every block's text is positioned the same
        # way whatever page it lands on.
        canvas.saveState()
        canvas.translate(x, y)
        for line in self._lines or []:
            draw_line(canvas, line, 0.0, baseline, measure, self.align, self.size)
            baseline -= self.leading
        canvas.restoreState()


class Closing(Flowable):
    """The body's last paragraph, blank lines and the signature as one block that may split only inside
    the paragraph, keeping at least its last two lines with the signature (which never stands alone)."""

    def __init__(self, last: TextBlock, blank_lines: int, signature: list[TextBlock]):
        self.last = last
        self.blank_lines = blank_lines
        self.signature = signature

    def _tail_height(self, width: float) -> float:
        return self.blank_lines * self.last.leading + sum(s.wrap(width, 1e9)[1] for s in self.signature)

    def wrap(self, available_width, available_height):
        self.width = available_width
        self.height = self.last.wrap(available_width, 1e9)[1] + self._tail_height(available_width)
        return self.width, self.height

    def split(self, available_width, available_height):
        lines = self.last._layout(available_width)
        fit = int((available_height + 1e-6) // self.last.leading)
        keep = min(fit, len(lines) - 2)
        if keep < 2:
            return []  # the whole closing goes to the next page together
        return [self.last._part(lines[:keep], available_width),
                Closing(self.last._part(lines[keep:], available_width), self.blank_lines, self.signature)]

    def draw_on(self, canvas, x, y):
        top = y + self.height
        for block in [self.last, *self.signature]:
            height = block.wrap(self.width, 1e9)[1]
            block.draw_on(canvas, x, top - height)
            top -= height
            if block is self.last:
                top -= self.blank_lines * self.last.leading
