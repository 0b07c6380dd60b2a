"""Totals and grades of the 自评表, department-wide and per project, from their indicator rows."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable, Optional, Protocol

from .finance import budget_execution_rate, project_execution_rate
from .model import Indicator, Project, Report
from .scoring import (
    Grade,
    GradeBand,
    IndicatorKind,
    execution_score,
    grade_for,
    quantitative_score,
    rescaled_total,
)


class ScoringRules(Protocol):
    """What scoring needs of a rule set (desktop.rulesets.RuleSetSpec): the full score and the grade bands."""

    full_marks: Decimal
    grade_bands: Iterable[GradeBand]


def computed_score(indicator: Indicator) -> Optional[Decimal]:
    """The score the formula gives a quantitative indicator; None for qualitative or incomplete rows."""
    if indicator.kind is IndicatorKind.QUALITATIVE:
        return None
    if indicator.target is None or indicator.actual is None or indicator.weight is None:
        return None
    return quantitative_score(indicator.kind, indicator.target, indicator.actual, indicator.weight)


def unverifiable(indicator: Indicator) -> bool:
    """A quantitative indicator with a numeric target whose actual is words ("完成") or missing while a
    score was given: nothing to measure the target against.

    Such a row scores 0 until a number is entered — a reviewer cannot check "完成" against "≥ 4 期", and
    full marks kept on it would inflate the total (自评分虚高). The 自评表 marks the row and says why, and
    validation (IND-007) points at the actual value.
    """
    if indicator.kind is IndicatorKind.QUALITATIVE or indicator.target is None or indicator.actual is not None:
        return False
    return bool(indicator.actual_text.strip()) or indicator.score is not None


def effective_score(indicator: Indicator) -> Optional[Decimal]:
    """The score that counts: the clerk's entry, else the formula's; 0 for an unverifiable row."""
    if unverifiable(indicator):
        return Decimal(0)
    return indicator.score if indicator.score is not None else computed_score(indicator)


@dataclass(frozen=True)
class Evaluation:
    """A scored table: the execution part, the indicators' part and the total with its grade."""

    execution_rate: Optional[Decimal]
    execution_score: Optional[Decimal]
    total: Optional[Decimal]
    entered: bool  # True when the total is the clerk's stated figure, not computed from rows
    grade: Optional[Grade]
    # 预算执行 + every indicator's 分值 when the table has rows (None: only a total is entered).
    weight_total: Optional[Decimal] = None
    full_marks: Optional[Decimal] = None

    @property
    def weights_complete(self) -> bool:
        """The 分值 add up to the full score: only then is a computed total a score to show."""
        return self.weight_total is None or self.weight_total == self.full_marks


def weight_total(execution_weight: Decimal, indicators: list[Indicator]) -> Decimal:
    """分值合计: the execution part's weight and every indicator's (the 100 a table must add up to)."""
    return execution_weight + sum((i.weight for i in indicators if i.weight is not None), Decimal(0))


def _evaluate(
    rate: Optional[Decimal], weight: Decimal, indicators: list[Indicator], entered: Optional[Decimal],
    rules: ScoringRules,
) -> Evaluation:
    exec_score = execution_score(rate, weight)

    def graded(total: Optional[Decimal], is_entered: bool, weights: Optional[Decimal] = None) -> Evaluation:
        grade = grade_for(total, rules.grade_bands) if total is not None else None
        return Evaluation(rate, exec_score, total, is_entered, grade, weights, rules.full_marks)

    if not indicators:
        return graded(entered, entered is not None)
    rows: list[tuple[Decimal, Decimal]] = []
    if exec_score is not None:
        rows.append((exec_score, weight))
    for indicator in indicators:
        if not indicator.applicable or indicator.weight is None:
            continue
        rows.append((effective_score(indicator) or Decimal(0), indicator.weight))
    return graded(rescaled_total(rows, rules.full_marks), False, weight_total(weight, indicators))


def department_evaluation(report: Report, rules: ScoringRules) -> Evaluation:
    """部门整体支出绩效自评: computed from the table when it has rows, else the entered total."""
    evaluation = report.self_evaluation
    rate = budget_execution_rate(report.finance.budget)
    return _evaluate(rate, evaluation.execution_weight, evaluation.indicators, evaluation.entered_total, rules)


def project_evaluation(project: Project, rules: ScoringRules) -> Evaluation:
    """项目支出绩效自评 of one project."""
    rate = project_execution_rate(project)
    return _evaluate(rate, project.execution_weight, project.indicators, project.self_score, rules)
