"""Chinese line breaking for reportlab: no line starts with closing punctuation, numbers stay whole.

reportlab's own CJK splitter lets a line start with "，" or "；" (its list of forbidden starters lacks
most full-width marks) and hangs at most one mark into the margin. This splitter instead pulls the
previous character down with the mark, so text stays inside the margins, and it never breaks inside a
run of digits or Latin letters ("219.7", "94.26%").
"""

from __future__ import annotations

from reportlab.platypus import paragraph as _rl_paragraph
from reportlab.rl_config import _FUZZ

# Marks that may not begin a line (GB/T 15834 punctuation that closes or follows).
NO_LINE_START = frozenset("，。、；：？！）》」』】〕〉”’％‰!),.:;?]}…·—～")
# Marks that may not end a line (they open what follows).
NO_LINE_END = frozenset("（《「『【〔〈“‘([{")


def _word_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in ".%-+/")


def _breakable(before: str, after: str) -> bool:
    """Whether a line may end after `before` and the next begin with `after`."""
    if after in NO_LINE_START or before in NO_LINE_END:
        return False
    if _word_char(before) and _word_char(after):
        return False
    # "——" and "……" are one mark of two characters.
    if before == after and before in "—…":
        return False
    return True


def kinsoku_frag_split(frags, maxWidths, calcBounds, encoding="utf8"):
    """Drop-in for reportlab's cjkFragSplit with the rules above."""
    glyphs = []
    for frag in frags:
        text = frag.text
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if text:
            glyphs.extend(_rl_paragraph.cjkU(ch, frag, encoding) for ch in text)
        else:
            glyphs.append(_rl_paragraph.cjkU(text, frag, encoding))

    lines = []
    count = len(glyphs)
    start = 0
    max_width = maxWidths[0]

    def width_of(glyph) -> float:
        w = glyph.width
        if hasattr(w, "normalizedValue"):
            w._normalizer = max_width
            w = w.normalizedValue(max_width)
        return w

    def emit(end: int, line_break: bool) -> None:
        nonlocal max_width
        used = sum(width_of(g) for g in glyphs[start:end])
        lines.append(_rl_paragraph.makeCJKParaLine(glyphs[start:end], max_width, used, max_width - used,
                                                   line_break, calcBounds))
        try:
            max_width = maxWidths[len(lines)]
        except IndexError:
            max_width = maxWidths[-1]

    used = 0.0
    i = 0
    while i < count:
        glyph = glyphs[i]
        if hasattr(glyph.frag, "lineBreak"):
            emit(i + 1, True)
            start = i = i + 1
            used = 0.0
            continue
        w = width_of(glyph)
        if used + w > max_width + _FUZZ and i > start:
            # Break before glyph i; step back until the break is allowed (but keep one glyph a line).
            end = i
            while end > start + 1 and not _breakable(glyphs[end - 1], glyphs[end]):
                end -= 1
            emit(end, False)
            start = i = end
            used = 0.0
            continue
        used += w
        i += 1
    if start < count:
        used = sum(width_of(g) for g in glyphs[start:])
        lines.append(_rl_paragraph.makeCJKParaLine(glyphs[start:], max_width, used, max_width - used, False,
                                                   calcBounds))
    return _rl_paragraph.ParaLines(kind=1, lines=lines)


def install() -> None:
    """Make reportlab's CJK paragraphs use this splitter (breakLinesCJK looks the name up at call time)."""
    _rl_paragraph.cjkFragSplit = kinsoku_frag_split
