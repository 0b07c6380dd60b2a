"""Column widths from content: a number, a percentage or a short label never wraps inside its cell,
and a column of sentences (偏差原因分析及改进措施) is not squeezed to a character per line.

Each column has a hard need — its longest unbreakable text ("94.26%", "100", "序号", "执行率"; a
four-character label may break in the middle, "一级/指标", never "序/号"). Hard needs are always met.
When the columns' longest texts do not all fit on one line, the room is shared in proportion to the square
root of each column's text length, which keeps the rows lowest: a long 偏差原因 gets room in proportion to
what it has to say instead of the table's designed share. When everything fits, the designed proportions
divide what is left over. Both the Word and the PDF writer take their widths from here, so the two agree.
"""

from __future__ import annotations

import math
import re

from .document import Table

PADDING_PT = 12.0  # left + right cell margins with a little air (Word: 2 × 0.19 cm; PDF: 2 × 3 pt)
SHORT_LABEL = 4  # a text of up to this many characters is a label ("序号", "执行率", "一级指标")
UNBROKEN_LABEL = 3  # … and up to this many it is never broken; a four-character one may break 2 + 2
_UNBREAKABLE = re.compile(r"[0-9A-Za-z.,%+\-/‰％]+")


def text_em(text: str) -> float:
    """Width of a text in ems: Chinese characters and full-width marks one em, ASCII about half."""
    return sum(0.55 if ch.isascii() else 1.0 for ch in text)


def unbreakable_em(text: str, is_number: bool) -> float:
    """The widest part of a cell's text that must stand on one line."""
    text = text.strip()
    if not text:
        return 0.0
    if is_number or len(text) <= UNBROKEN_LABEL:
        return text_em(text)
    if len(text) <= SHORT_LABEL and not text.isascii():
        return text_em(text[: (len(text) + 1) // 2])  # "一级/指标": halves, never a single character
    runs = [text_em(run) for run in _UNBREAKABLE.findall(text)]
    # A run of Chinese text may wrap anywhere, but never leave fewer than two characters on a line.
    return max(runs + [2.0])


def _lengths(table: Table) -> list[float]:
    """Each column's longest text in ems (one line's worth of it, at most); a merged cell's text is
    spread over its columns by their designed proportions (the 偏差原因 of a project form spans two)."""
    count = table.column_count
    length = [0.0] * count
    for _, c, cell in table.placed():
        text_len = text_em(cell.text.strip())
        columns = range(c, c + cell.colspan)
        share = sum(table.widths[i] for i in columns) or cell.colspan
        for i in columns:
            length[i] = max(length[i], text_len * (table.widths[i] or 1) / share)
    return length


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
    # A column never needs more than its longest text on one line.
    whole = [max(n, length * size_pt + PADDING_PT) for n, length in zip(need, _lengths(table))]
    if sum(whole) > total_pt:
        # The lines a row takes add up as Σ length / width: widths in proportion to √length keep the
        # rows lowest (a long 偏差原因 is not squeezed to a character per line by short labels), within
        # each column's need and its one-line width. λ is found by halving.
        roots = [math.sqrt(length) for length in _lengths(table)]

        def widths_at(scale: float) -> list[float]:
            return [min(w, max(n, scale * r)) for n, w, r in zip(need, whole, roots)]

        low, high = 0.0, total_pt
        for _ in range(60):
            middle = (low + high) / 2
            low, high = (middle, high) if sum(widths_at(middle)) < total_pt else (low, middle)
        widths = widths_at(high)
        spare = total_pt - sum(widths)
        return [w + spare / count for w in widths]
    need = whole
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


_LABEL = re.compile(r"[\u4e00-\u9fff]{4,12}")  # a short label of Chinese characters, no punctuation or figures


def balanced_label(text: str, width_pt: float, size_pt: float) -> str:
    """A short label that must wrap, cut into lines of equal length: "二级\n指标", never "二级指\n标".

    Longer texts, and anything with figures or punctuation, wrap where the writer wraps them."""
    if not _LABEL.fullmatch(text):
        return text
    per_line = int((width_pt - PADDING_PT) / size_pt + 1e-6)
    if per_line <= 0 or per_line >= len(text):
        return text
    lines = -(-len(text) // per_line)
    step = -(-len(text) // lines)
    return "\n".join(text[i:i + step] for i in range(0, len(text), step))
