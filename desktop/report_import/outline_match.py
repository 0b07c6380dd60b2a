"""Which outline section a clerk's heading stands for: title similarity, with the synonyms
(`aliases`) the outline files carry, and which outline a whole document follows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..reports.outline import Outline, Section, available_outlines, load_outline
from .text import compact

THRESHOLD = 0.62


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)} if len(text) > 1 else {text}


def similarity(a: str, b: str) -> float:
    """1.0 for the same words; containment and shared character pairs score in between."""
    a, b = compact(a), compact(b)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    short, long = sorted((a, b), key=len)
    if short in long and len(short) >= 2:
        return 0.75 + 0.2 * len(short) / len(long)
    x, y = _bigrams(a), _bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y))


@dataclass(frozen=True)
class SectionMatch:
    section: Section
    level: int  # the section's level in the outline
    score: float
    index: int  # position in the outline's document order


def best_section(outline: Outline, title: str, after: int = -1) -> Optional[SectionMatch]:
    """The outline section the title names best; among equals, the first one after `after`."""
    best: Optional[SectionMatch] = None
    for index, (level, section) in enumerate(outline.walk()):
        score = max(similarity(title, name) for name in [section.title, *section.aliases])
        if score < THRESHOLD:
            continue
        # A section further on is what a clerk writes next; one already passed only if clearly better.
        bonus = 0.01 if index > after else 0.0
        if best is None or score + bonus > best.score + (0.01 if best.index > after else 0.0):
            best = SectionMatch(section, level, score, index)
    return best


def choose_outline(titles: list[str]) -> tuple[Outline, float]:
    """The shipped outline whose sections the headings match best (Sichuan, Guangdong, or the nearest)."""
    best: Optional[tuple[Outline, float]] = None
    for outline_id in available_outlines():
        outline = load_outline(outline_id)
        total = 0.0
        for title in titles:
            match = best_section(outline, title)
            if match is not None:
                total += match.score
        if best is None or total > best[1]:
            best = (outline, total)
    assert best is not None
    return best
