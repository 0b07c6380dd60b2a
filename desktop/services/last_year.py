"""Last year's totals for the year-on-year comparison, taken from the database when the clerk has not
entered them: "比上年增加…" is then printed from figures the database holds, never guessed."""

from __future__ import annotations

import copy

from ..domain.finance import expenditure_total, income_total
from ..domain.model import Report


def with_last_year(workspace, report: Report) -> Report:
    """A copy of the report whose missing 上年收入总计 / 上年支出合计 are last year's stored totals; the
    report itself when nothing is missing, nothing is stored for the year before, or it has no totals."""
    finance = report.finance
    if finance.previous_income_total is not None and finance.previous_expenditure_total is not None:
        return report
    if report.unit.id is None:
        return report
    previous = workspace.report_of(report.unit, report.fiscal_year - 1)
    if previous is None:
        return report
    income, spent = income_total(previous.finance), expenditure_total(previous.finance.expenditure)
    if (finance.previous_income_total is not None or income is None) and (
            finance.previous_expenditure_total is not None or spent is None):
        return report
    filled = copy.deepcopy(report)
    if filled.finance.previous_income_total is None:
        filled.finance.previous_income_total = income
    if filled.finance.previous_expenditure_total is None:
        filled.finance.previous_expenditure_total = spent
    return filled
