"""A body-text flowable for Chinese: fixed line pitch, first-line indent, kinsoku breaks, justified lines.

reportlab's Paragraph justifies by widening spaces, which Chinese text has none of, so its CJK lines
end ragged. This flowable sets each full line to the measure with character spacing (PDF Tc), as Word
does, and splits across pages at line boundaries so every page holds exactly its share of lines.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus.flowables import Flowable

from .cjkwrap import line_breaks
from .document import Align


@dataclass(frozen=True)
class Glyph:
    char: str
    font: str
    width: float


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
                 first_indent: float = 0.0, right_indent: float = 0.0, keep_with_next: bool = False,
                 lines: list[Line] | None = None):
        super().__init__()
        self.runs = runs
        self.size = size
        self.leading = leading
        self.align = align
        self.first_indent = first_indent
        self.right_indent = right_indent
        self.keepWithNext = keep_with_next
        self._lines = lines
        self._measure = None

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.runs)

    def _layout(self, width: float) -> list[Line]:
        if self._lines is not None and (self._measure is None or self._measure == width):
            return self._lines
        glyphs: list[Glyph] = []
        hard: set[int] = set()
        for text, font in self.runs:
            for ch in text:
                if ch == "\n":
                    if glyphs:
                        hard.add(len(glyphs) - 1)
                    continue
                glyphs.append(Glyph(ch, font, stringWidth(ch, font, self.size)))
        measure = width - self.right_indent
        ranges = line_breaks([g.char for g in glyphs], [g.width for g in glyphs],
                             [measure - self.first_indent, measure], frozenset(hard))
        lines = []
        for n, (start, end) in enumerate(ranges):
            last = n == len(ranges) - 1 or (end - 1) in hard
            lines.append(Line(tuple(glyphs[start:end]), self.first_indent if n == 0 else 0.0, last))
        self._lines, self._measure = lines, width
        return lines

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        lines = self._layout(availWidth)
        self.height = max(len(lines), 1) * self.leading
        return self.width, self.height

    def split(self, availWidth, availHeight):
        lines = self._layout(availWidth)
        fit = int((availHeight + 1e-6) // self.leading)
        if fit <= 0 or fit >= len(lines):
            return []
        head = TextBlock(self.runs, self.size, self.leading, self.align, self.first_indent, self.right_indent,
                         lines=lines[:fit])
        head._measure = availWidth
        tail = TextBlock(self.runs, self.size, self.leading, self.align, self.first_indent, self.right_indent,
                         self.keepWithNext, lines=lines[fit:])
        tail._measure = availWidth
        return [head, tail]

    def draw(self):
        canvas = self.canv
        measure = self.width - self.right_indent
        # The glyphs sit centred in their line, as Word places text in a fixed-height line.
        baseline = self.height - self.leading / 2 - self.size * 0.35
        for line in self._lines or []:
            free = measure - line.indent - line.width
            if self.align is Align.CENTER:
                x, spacing = line.indent + free / 2, 0.0
            elif self.align is Align.RIGHT:
                x, spacing = line.indent + free, 0.0
            elif self.align is Align.JUSTIFY and not line.last and len(line.glyphs) > 1 and free > 0:
                x, spacing = line.indent, free / (len(line.glyphs) - 1)
            else:
                x, spacing = line.indent, 0.0
            text = canvas.beginText(x, baseline)
            text.setCharSpace(spacing)
            font = None
            chunk = ""
            for glyph in line.glyphs:
                if glyph.font != font:
                    if chunk:
                        text.textOut(chunk)
                    font, chunk = glyph.font, ""
                    text.setFont(font, self.size)
                chunk += glyph.char
            if chunk:
                text.textOut(chunk)
            canvas.drawText(text)
            baseline -= self.leading
