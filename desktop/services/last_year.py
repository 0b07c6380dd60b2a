"""Last year's totals for the year-on-year comparison, taken from the database when the clerk has not
entered them: "比上年增加…" is then printed, shown and checked from figures the database holds, never
guessed."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal
from typing import Optional

from ..domain.finance import expenditure_total, income_total
from ..domain.model import Report


@dataclass(frozen=True)
class StoredTotals:
    """收入总计 and 支出合计 of the stored report of `year` (either may be unknown)."""

    year: int
    income: Optional[Decimal]
    spent: Optional[Decimal]


def stored_totals(workspace, report: Report) -> StoredTotals | None:
    """The totals of the unit's stored report for the year before, or None when there is none."""
    if report.unit.id is None:
        return None
    previous = workspace.report_of(report.unit, report.fiscal_year - 1)
    if previous is None:
        return None
    return StoredTotals(previous.fiscal_year, income_total(previous.finance),
                        expenditure_total(previous.finance.expenditure))


def filled(report: Report, totals: StoredTotals | None) -> Report:
    """The report with its missing 上年收入总计 / 上年支出合计 taken from `totals`: a shallow copy (the
    report itself when nothing is missing or known, so a copy means a figure came from `totals`), cheap
    enough to make at every check."""
    finance = report.finance
    if totals is None:
        return report
    income = finance.previous_income_total if finance.previous_income_total is not None else totals.income
    spent = finance.previous_expenditure_total if finance.previous_expenditure_total is not None else totals.spent
    if income == finance.previous_income_total and spent == finance.previous_expenditure_total:
        return report
    return dataclasses.replace(report, finance=dataclasses.replace(
        finance, previous_income_total=income, previous_expenditure_total=spent))


def with_last_year(workspace, report: Report) -> Report:
    """The report whose missing last-year totals are the stored report's of the year before."""
    return filled(report, stored_totals(workspace, report))
