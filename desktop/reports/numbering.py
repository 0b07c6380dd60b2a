"""Heading and list numbers by level — 一、 （一） 1． （1） — counted by the program, never typed."""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (enough for any outline)."""
    if n <= 0:
        raise ValueError("numbers start at 1")
    if n < 10:
        return _DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")
    raise ValueError("more than 99 items at one level")


def level_number(level: int, n: int) -> str:
    """The number of the n-th item at a heading level (1-based both)."""
    if level == 1:
        return f"{chinese_number(n)}、"
    if level == 2:
        return f"（{chinese_number(n)}）"
    if level == 3:
        # Full-width stop: "2．50万以上项目" cannot be misread as 2.50.
        return f"{n}．"
    if level == 4:
        return f"（{n}）"
    # Deeper than GB/T 9704 goes: circled-style fallback keeps numbers unique and ordered.
    return f"{n})"


class Counter:
    """Per-level counters: entering level k counts one up at k and restarts every deeper level."""

    def __init__(self) -> None:
        self._counts: list[int] = []

    def next(self, level: int) -> str:
        if level < 1:
            raise ValueError("levels start at 1")
        del self._counts[level:]
        while len(self._counts) < level:
            self._counts.append(0)
        self._counts[level - 1] += 1
        return level_number(level, self._counts[level - 1])
