"""Column widths from content: a number, a percentage or a short label never wraps inside its cell.

The table's relative widths are its designer's proportions; a column whose longest unbreakable text
("94.26%", "100", "序号", "执行率") would not fit is widened to fit it, and the others give up the room in
proportion. Both the Word and the PDF writer take their widths from here, so the two agree.
"""

from __future__ import annotations

import re

from .document import Table

PADDING_PT = 12.0  # left + right cell margins with a little air (Word: 2 × 0.19 cm; PDF: 2 × 3 pt)
SHORT_LABEL = 4  # a text of up to this many characters is a label that is never broken ("序号", "执行率")
_UNBREAKABLE = re.compile(r"[0-9A-Za-z.,%+\-/‰％]+")


def text_em(text: str) -> float:
    """Width of a text in ems: Chinese characters and full-width marks one em, ASCII about half."""
    return sum(0.55 if ch.isascii() else 1.0 for ch in text)


def unbreakable_em(text: str, is_number: bool) -> float:
    """The widest part of a cell's text that must stand on one line."""
    text = text.strip()
    if not text:
        return 0.0
    if is_number or len(text) <= SHORT_LABEL:
        return text_em(text)
    runs = [text_em(run) for run in _UNBREAKABLE.findall(text)]
    # A run of Chinese text may wrap anywhere, but never leave fewer than two characters on a line.
    return max(runs + [2.0])


def fit_widths(table: Table, total_pt: float, size_pt: float) -> list[float]:
    """Column widths in points summing to `total_pt`."""
    count = table.column_count
    need = [0.0] * count
    for _, c, cell in table.placed():
        if cell.colspan == 1:
            need[c] = max(need[c], unbreakable_em(cell.text, cell.is_number) * size_pt + PADDING_PT)
    if sum(need) >= total_pt:
        # Even the bare needs do not fit (a very narrow page): share the width in their proportion.
        return [total_pt * n / sum(need) for n in need]
    proportion = sum(table.widths)
    widths = [total_pt * w / proportion for w in table.widths]
    fixed: set[int] = set()
    # Widen the columns that are too narrow and take the room from the others by their share, until
    # no column is below its need (each round fixes at least one more column).
    while True:
        short = [c for c in range(count) if c not in fixed and widths[c] < need[c] - 1e-6]
        if not short:
            return widths
        fixed.update(short)
        for c in short:
            widths[c] = need[c]
        free = [c for c in range(count) if c not in fixed]
        if not free:
            spare = total_pt - sum(widths)
            return [w + spare * w / sum(widths) for w in widths]
        room = total_pt - sum(widths[c] for c in fixed)
        share = sum(table.widths[c] for c in free)
        for c in free:
            widths[c] = room * table.widths[c] / share
