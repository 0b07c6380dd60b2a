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
        # Widow and orphan control, as Word's: never one line of a paragraph alone at the foot of a page
        # or at the head of the next.
        if fit == len(lines) - 1 and len(lines) >= 3:
            fit -= 1
        if fit < 2 or fit >= len(lines):
            return []
        head = TextBlock(self.runs, self.size, self.leading, self.align, self.first_indent, self.right_indent,
                         lines=lines[:fit])
        head._measure = availWidth
        tail = TextBlock(self.runs, self.size, self.leading, self.align, self.first_indent, self.right_indent,
                         self.keepWithNext, lines=lines[fit:])
        tail._measure = availWidth
        return [head, tail]

    def draw(self):
        self.draw_lines(self._lines or [], self.height, self.align, self.right_indent)

    def draw_lines(self, lines: list[Line], top: float, align: Align, right_indent: float) -> None:
        canvas = self.canv
        measure = self.width - right_indent
        # The glyphs sit centred in their line, as Word places text in a fixed-height line.
        baseline = top - self.leading / 2 - self.size * 0.35
        for line in lines:
            free = measure - line.indent - line.width
            if align is Align.CENTER:
                x, spacing = line.indent + free / 2, 0.0
            elif align is Align.RIGHT:
                x, spacing = line.indent + free, 0.0
            elif align is Align.JUSTIFY and not line.last and len(line.glyphs) > 1 and free > 0:
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


class Closing(Flowable):
    """The body's last paragraph, blank lines and the signature as one block that may split only inside
    the paragraph, keeping at least its last two lines with the signature (which never stands alone)."""

    def __init__(self, last: TextBlock, blank_lines: int, signature: list[TextBlock]):
        super().__init__()
        self.last = last
        self.blank_lines = blank_lines
        self.signature = signature

    def _tail_height(self, width: float) -> float:
        return self.blank_lines * self.last.leading + sum(s.wrap(width, 1e9)[1] for s in self.signature)

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        self.height = self.last.wrap(availWidth, 1e9)[1] + self._tail_height(availWidth)
        return self.width, self.height

    def split(self, availWidth, availHeight):
        lines = self.last._layout(availWidth)
        fit = int((availHeight + 1e-6) // self.last.leading)
        keep = min(fit, len(lines) - 2)
        if keep < 2:
            return []  # the whole closing goes to the next page together
        head = TextBlock(self.last.runs, self.last.size, self.last.leading, self.last.align, self.last.first_indent,
                         self.last.right_indent, lines=lines[:keep])
        head._measure = availWidth
        rest = TextBlock(self.last.runs, self.last.size, self.last.leading, self.last.align, self.last.first_indent,
                         self.last.right_indent, lines=lines[keep:])
        rest._measure = availWidth
        return [head, Closing(rest, self.blank_lines, self.signature)]

    def drawOn(self, canvas, x, y, _sW=0):
        top = y + self.height
        height = self.last.wrap(self.width, 1e9)[1]
        self.last.drawOn(canvas, x, top - height)
        top -= height + self.blank_lines * self.last.leading
        for block in self.signature:
            h = block.wrap(self.width, 1e9)[1]
            block.drawOn(canvas, x, top - h)
            top -= h

    def draw(self):  # pragma: no cover - drawOn is used instead
        pass
