"""Chinese line breaking: no line starts with closing punctuation, none ends with an opening one,
and numbers stay whole.

reportlab's own CJK splitter lets a line start with "，" or "；" (its list of forbidden starters lacks
most full-width marks) and hangs at most one mark into the margin. These rules instead pull the
previous character down with the mark, so text stays inside the margins, and never break inside a run
of digits or Latin letters ("219.7", "94.26%"). `line_breaks` serves the body text flowable; the two
drop-ins replace reportlab's splitters for table cells.
"""

from __future__ import annotations

from typing import Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import paragraph as _rl_paragraph
from reportlab.rl_config import _FUZZ

# Marks that may not begin a line (GB/T 15834 punctuation that closes or follows).
NO_LINE_START = frozenset("，。、；：？！）》」』】〕〉”’％‰!),.:;?]}…·—～")
# Marks that may not end a line (they open what follows).
NO_LINE_END = frozenset("（《「『【〔〈“‘([{")


def _word_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in ".%-+/")


def breakable(before: str, after: str) -> bool:
    """Whether a line may end after `before` and the next begin with `after`."""
    if after in NO_LINE_START or before in NO_LINE_END:
        return False
    if _word_char(before) and _word_char(after):
        return False
    # "——" and "……" are one mark of two characters.
    if before == after and before in "—…":
        return False
    return True


def line_breaks(chars: Sequence[str], widths: Sequence[float], max_widths: Sequence[float],
                hard: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """(start, end) of each line: as many characters as fit, stepping back to an allowed break.

    `max_widths[k]` is the width of line k (the last value repeats); `hard` holds the indices of
    characters after which a line must end (explicit line breaks).
    """
    lines: list[tuple[int, int]] = []
    count = len(chars)
    start = i = 0
    used = 0.0
    while i < count:
        limit = max_widths[min(len(lines), len(max_widths) - 1)]
        w = widths[i]
        if used + w > limit + _FUZZ and i > start:
            end = i
            while end > start + 1 and not breakable(chars[end - 1], chars[end]):
                end -= 1
            lines.append((start, end))
            start = i = end
            used = 0.0
            continue
        used += w
        i += 1
        if i - 1 in hard:
            lines.append((start, i))
            start = i
            used = 0.0
    if start < count:
        lines.append((start, count))
    return lines


def kinsoku_frag_split(frags, maxWidths, calcBounds, encoding="utf8"):
    """Drop-in for reportlab's cjkFragSplit (paragraphs of several fragments)."""
    glyphs = []
    for frag in frags:
        text = frag.text
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if text:
            glyphs.extend(_rl_paragraph.cjkU(ch, frag, encoding) for ch in text)
        else:
            glyphs.append(_rl_paragraph.cjkU(text, frag, encoding))
    widths = []
    for glyph in glyphs:
        w = glyph.width
        if hasattr(w, "normalizedValue"):
            w._normalizer = maxWidths[0]
            w = w.normalizedValue(maxWidths[0])
        widths.append(w)
    hard = frozenset(i for i, g in enumerate(glyphs) if hasattr(g.frag, "lineBreak"))
    lines = []
    for n, (start, end) in enumerate(line_breaks([str(g) or " " for g in glyphs], widths, maxWidths, hard)):
        limit = maxWidths[min(n, len(maxWidths) - 1)]
        used = sum(widths[start:end])
        lines.append(_rl_paragraph.makeCJKParaLine(glyphs[start:end], limit, used, limit - used,
                                                   end - 1 in hard, calcBounds))
    return _rl_paragraph.ParaLines(kind=1, lines=lines)


def kinsoku_word_split(word, maxWidths, fontName, fontSize, encoding="utf8"):
    """Drop-in for reportlab's wordSplit (paragraphs of one fragment): [[extra space, text], …]."""
    if isinstance(word, bytes):
        word = word.decode(encoding)
    if not isinstance(maxWidths, (list, tuple)):
        maxWidths = [maxWidths]
    widths = [stringWidth(ch, fontName, fontSize) for ch in word]
    result = []
    for n, (start, end) in enumerate(line_breaks(word, widths, maxWidths)):
        limit = maxWidths[min(n, len(maxWidths) - 1)]
        result.append([limit - sum(widths[start:end]), word[start:end]])
    return result


def install() -> None:
    """Make reportlab's CJK paragraphs (table cells) break by these rules.

    breakLinesCJK looks both names up in its module at call time, so replacing them there suffices.
    """
    _rl_paragraph.cjkFragSplit = kinsoku_frag_split
    _rl_paragraph.wordSplit = kinsoku_word_split
