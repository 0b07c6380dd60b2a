"""Chinese line breaking: no line starts with closing punctuation, none ends with an opening one,
and numbers stay whole.

reportlab's own CJK splitter lets a line start with "，" or "；" (its list of forbidden starters lacks
most full-width marks) and hangs at most one mark into the margin. These rules instead pull the
previous character down with the mark, so text stays inside the margins, and never break inside a run
of digits or Latin letters ("219.7", "94.26%"). `line_breaks` serves the PDF's body text and table
cells alike.
"""

from __future__ import annotations

from typing import Sequence

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
