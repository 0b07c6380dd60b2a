"""Scores of the 自评表: budget execution, indicators by kind, totals and grades (财预〔2020〕10号)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum
from typing import Iterable

HUNDRED = Decimal("100")
SCORE_PLACES = Decimal("0.01")


class IndicatorKind(str, Enum):
    """指标性质: how the actual value is compared with the target."""

    AT_LEAST = ">="  # ≥ 目标值
    AT_MOST = "<="  # ≤ 目标值
    EQUAL = "="  # = 目标值
    QUALITATIVE = "qualitative"  # 定性

    @property
    def symbol(self) -> str:
        return {"<=": "≤", ">=": "≥", "=": "＝", "qualitative": "定性"}[self.value]


class Attainment(str, Enum):
    """Qualitative attainment (定性指标的完成程度)."""

    ACHIEVED = "达成"
    PARTLY = "部分达成"
    NOT_ACHIEVED = "未达成"


# Share of the weight a qualitative indicator may earn for each attainment: [low, high].
QUALITATIVE_BANDS: dict[Attainment, tuple[Decimal, Decimal]] = {
    Attainment.ACHIEVED: (Decimal("0.8"), Decimal("1")),
    Attainment.PARTLY: (Decimal("0.6"), Decimal("0.8")),
    Attainment.NOT_ACHIEVED: (Decimal("0"), Decimal("0.6")),
}


def _round(score: Decimal) -> Decimal:
    return score.quantize(SCORE_PLACES, rounding=ROUND_HALF_UP)


def execution_rate(executed: Decimal | None, adjusted_budget: Decimal | None) -> Decimal | None:
    """预算执行率 = 全年执行数 / 全年(调整后)预算数, as a percentage to 2 decimals (94.26)."""
    if executed is None or adjusted_budget is None or adjusted_budget == 0:
        return None
    return (executed * HUNDRED / adjusted_budget).quantize(SCORE_PLACES, rounding=ROUND_HALF_UP)


def execution_score(rate_percent: Decimal | None, weight: Decimal) -> Decimal | None:
    """Score for budget execution = min(执行率, 100%) × weight (76% of 10 → 7.6)."""
    if rate_percent is None:
        return None
    capped = min(max(rate_percent, Decimal(0)), HUNDRED)
    return _round(capped * weight / HUNDRED)


def quantitative_score(kind: IndicatorKind, target: Decimal, actual: Decimal, weight: Decimal) -> Decimal:
    """Score of a quantitative indicator; never above its weight, never below 0.

    ≥: met → full weight, otherwise actual/target × weight.
    ≤: met → full; between target and 2× target falls linearly to 0; beyond, 0.
    =: equal → full; otherwise weight reduced by the relative deviation |actual−target|/target.
    """
    if kind is IndicatorKind.AT_LEAST:
        if actual >= target:
            return _round(weight)
        if target <= 0:
            return Decimal("0.00")
        return _round(max(actual, Decimal(0)) * weight / target)
    if kind is IndicatorKind.AT_MOST:
        if actual <= target:
            return _round(weight)
        if target <= 0:
            return Decimal("0.00")
        remaining = (2 * target - actual) / target
        return _round(max(remaining, Decimal(0)) * weight)
    if kind is IndicatorKind.EQUAL:
        if actual == target:
            return _round(weight)
        if target == 0:
            return Decimal("0.00")
        remaining = 1 - abs(actual - target) / abs(target)
        return _round(max(remaining, Decimal(0)) * weight)
    raise ValueError(f"not a quantitative kind: {kind}")


def target_met(kind: IndicatorKind, target: Decimal, actual: Decimal) -> bool:
    """Whether a quantitative actual meets its target."""
    if kind is IndicatorKind.AT_LEAST:
        return actual >= target
    if kind is IndicatorKind.AT_MOST:
        return actual <= target
    if kind is IndicatorKind.EQUAL:
        return actual == target
    raise ValueError(f"not a quantitative kind: {kind}")


def qualitative_band(attainment: Attainment, weight: Decimal) -> tuple[Decimal, Decimal]:
    """The range [low, high] of scores a qualitative indicator may be given."""
    low, high = QUALITATIVE_BANDS[attainment]
    return _round(low * weight), _round(high * weight)


def rescaled_total(scores_and_weights: list[tuple[Decimal, Decimal]], full_marks: Decimal) -> Decimal:
    """Σ scores, rescaled to full marks when indicators that do not apply were dropped.

    Takes (score, weight) of the applicable indicators only.
    """
    weight_sum = sum((w for _, w in scores_and_weights), Decimal(0))
    score_sum = sum((s for s, _ in scores_and_weights), Decimal(0))
    if weight_sum == 0:
        return Decimal("0.00")
    if weight_sum == full_marks:
        return _round(score_sum)
    return _round(score_sum * full_marks / weight_sum)


class Grade(str, Enum):
    """评价等级."""

    EXCELLENT = "优"
    GOOD = "良"
    FAIR = "中"
    POOR = "差"


@dataclass(frozen=True)
class GradeBand:
    """A total of `lowest` or more earns `grade` (the bands themselves are the rule set's)."""

    lowest: Decimal
    grade: Grade


def grade_for(total: Decimal, bands: Iterable[GradeBand]) -> Grade:
    """The grade of the highest band the total reaches (e.g. 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below)."""
    ordered = sorted(bands, key=lambda band: band.lowest, reverse=True)
    for band in ordered:
        if total >= band.lowest:
            return band.grade
    return ordered[-1].grade
