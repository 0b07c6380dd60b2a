"""Shares of a whole (占比) to one decimal that always add up to exactly 100%."""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Sequence

TENTH = Decimal("0.1")
HUNDRED = Decimal("100")


def percent(part: Decimal, whole: Decimal, places: int = 2) -> Decimal | None:
    """part / whole as a percentage rounded half-up; None when the whole is zero."""
    if whole == 0:
        return None
    quantum = Decimal(1).scaleb(-places)
    return (part * HUNDRED / whole).quantize(quantum, rounding=ROUND_HALF_UP)


def shares(parts: Sequence[Decimal], places: int = 1) -> list[Decimal]:
    """Percent shares to 0.1 (or `places` decimals) of non-negative parts, reconciled by largest
    remainder so Σ = 100.0.

    Plain rounding can print 33.3 + 33.3 + 33.3 = 99.9; reviewers check that shares add up,
    so the tenths lost to truncation go to the parts with the largest remainders.
    Returns all zeros when the whole is zero (nothing to share).
    """
    step = Decimal(1).scaleb(-places)
    whole = sum(parts, Decimal(0))
    if whole <= 0 or any(p < 0 for p in parts):
        return [Decimal(0).quantize(step) for _ in parts]
    exact = [p * HUNDRED / whole for p in parts]
    floors = [e.quantize(step, rounding=ROUND_DOWN) for e in exact]
    missing = int(((HUNDRED - sum(floors, Decimal(0))) / step).to_integral_value(rounding=ROUND_HALF_UP))
    # Stable order: largest remainder first, then the earlier line.
    order = sorted(range(len(parts)), key=lambda i: (-(exact[i] - floors[i]), i))
    result = list(floors)
    for i in order[:missing]:
        result[i] += step
    return result


def format_percent(value: Decimal | None, places: int | None = None) -> str:
    """"34.8%", "100%" (a whole number prints without decimals, as the seeds do)."""
    if value is None:
        return ""
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        return f"{value}%"
    if value == value.to_integral_value():
        return f"{value.to_integral_value()}%"
    return f"{value}%"


def share_decimals(places: int | None) -> int:
    """The decimals shares are reconciled to: the clerk's choice, 1 when none was made."""
    return 1 if places is None else places


def format_share(value: Decimal | None, places: int | None) -> str:
    """A share as the clerk chose to print it: None → "34.8%"/"100%"; 1 → "94.0%"; 0 → "94%"."""
    return format_percent(value) if places is None else format_percent(value, places)
