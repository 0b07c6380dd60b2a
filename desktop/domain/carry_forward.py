"""“New year from last year”: what carries forward to the next report, and what never does."""

from __future__ import annotations

import copy

from .model import (
    DepartmentTarget,
    Finance,
    Indicator,
    Project,
    Report,
    SelfEvaluation,
    WorkTask,
    new_key,
)


def _fresh_indicator(indicator: Indicator) -> Indicator:
    """The indicator's definition (tree position, kind, target, unit, weight) without this year's results."""
    return Indicator(
        name=indicator.name,
        level1=indicator.level1,
        level2=indicator.level2,
        kind=indicator.kind,
        target=indicator.target,
        target_text=indicator.target_text,
        unit=indicator.unit,
        weight=indicator.weight,
        applicable=indicator.applicable,
    )


def _next_year_target(text: str, old_year: int, new_year: int) -> str:
    """The aim restated for the new year: “完成2024年…目标任务” becomes “完成2025年…目标任务”.

    Only the old year written as a year (followed by 年) changes; other numbers stay as typed.
    """
    return text.replace(f"{old_year}年", f"{new_year}年")


def new_year_from(previous: Report, year: int) -> Report:
    """A draft for `year` carrying profile, establishment, outline, rule set, task titles and the
    indicator set forward; money, activity records, scores and narratives are never copied."""
    return Report(
        unit=previous.unit,
        fiscal_year=year,
        outline=previous.outline,
        rule_set=previous.rule_set,
        overlays=list(previous.overlays),
        profile=copy.deepcopy(previous.profile),
        tasks=[WorkTask(title=t.title) for t in previous.tasks],
        activity_kinds=list(previous.activity_kinds),
        department_target=DepartmentTarget(
            text=_next_year_target(previous.department_target.text, previous.fiscal_year, year),
            indicators=[_fresh_indicator(i) for i in previous.department_target.indicators],
        ),
        projects=[
            Project(
                name=p.name,
                department=p.department,
                execution_weight=p.execution_weight,
                indicators=[_fresh_indicator(i) for i in p.indicators],
                key=new_key(),
            )
            for p in previous.projects
        ],
        self_evaluation=SelfEvaluation(
            execution_weight=previous.self_evaluation.execution_weight,
            indicators=[_fresh_indicator(i) for i in previous.self_evaluation.indicators],
        ),
        finance=_last_year_figures(previous, year),
    )


def _last_year_figures(previous: Report, year: int) -> Finance:
    """The new year's finance starts empty but knows last year's totals (for "比上年增加…") and keeps
    the clerk's choice of decimals for shares. Only the year directly before is "上年"."""
    from .finance import expenditure_total, income_total

    if previous.fiscal_year != year - 1:
        return Finance(share_places=previous.finance.share_places)
    return Finance(
        previous_income_total=income_total(previous.finance),
        previous_expenditure_total=expenditure_total(previous.finance.expenditure),
        share_places=previous.finance.share_places,
    )
