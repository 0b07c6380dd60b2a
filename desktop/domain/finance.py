"""Derived money figures of a report: totals, shares, the balance equation, execution rates."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Optional

from .model import Budget, Expenditure, Finance, FundColumn, Project
from .money import sum_amounts
from .scoring import execution_rate
from .shares import percent, share_decimals, shares


def _sum_or_none(*amounts: Optional[Decimal]) -> Optional[Decimal]:
    """Σ of the entered amounts, or None when none of them was entered."""
    present = [a for a in amounts if a is not None]
    return sum_amounts(present) if present else None


def income_lines_sum(finance: Finance) -> Optional[Decimal]:
    return _sum_or_none(*(line.amount for line in finance.income_lines))


def income_total(finance: Finance) -> Optional[Decimal]:
    """本年收入总计: as printed, else Σ lines."""
    return finance.income_total if finance.income_total is not None else income_lines_sum(finance)


def basic_parts_sum(expenditure: Expenditure) -> Optional[Decimal]:
    """人员经费 + 公用经费, when either is entered."""
    return _sum_or_none(expenditure.personnel, expenditure.public)


def basic_total(expenditure: Expenditure) -> Optional[Decimal]:
    """基本支出: as printed, else 人员经费 + 公用经费."""
    return expenditure.basic if expenditure.basic is not None else basic_parts_sum(expenditure)


def expenditure_parts_sum(expenditure: Expenditure) -> Optional[Decimal]:
    """基本支出 + 项目支出, when either is known."""
    return _sum_or_none(basic_total(expenditure), expenditure.project)


def expenditure_total(expenditure: Expenditure) -> Optional[Decimal]:
    """本年支出合计: as printed, else 基本支出 + 项目支出."""
    return expenditure.total if expenditure.total is not None else expenditure_parts_sum(expenditure)


def income_shares(finance: Finance) -> list[Decimal]:
    """Each income line's share of the lines' sum, to 0.1% (or the report's share_places), adding to
    exactly 100%."""
    return shares([line.amount or Decimal(0) for line in finance.income_lines], share_decimals(finance.share_places))


def expenditure_shares(expenditure: Expenditure, places: int | None = None) -> tuple[Decimal, Decimal]:
    """(基本支出 share, 项目支出 share) to 0.1% (or `places`, the report's share_places), adding to
    exactly 100% (34.8% + 65.2%)."""
    basic, project = shares([basic_total(expenditure) or Decimal(0), expenditure.project or Decimal(0)],
                            share_decimals(places))
    return basic, project


@dataclass(frozen=True)
class Change:
    """This year's total against last year's: 比上年增加/减少 `amount`, 增长/下降 `percent` (2 decimals;
    None when last year was 0 and no percentage exists)."""

    current: Decimal
    previous: Decimal
    amount: Decimal  # current − previous, exact
    percent: Optional[Decimal]  # |amount| / previous × 100, rounded half-up to 2 decimals

    @property
    def rise(self) -> bool:
        return self.amount > 0


def change(current: Optional[Decimal], previous: Optional[Decimal]) -> Optional[Change]:
    """The year-on-year change; None when either year is unknown."""
    if current is None or previous is None:
        return None
    amount = current - previous
    rate = percent(abs(amount), previous, 2) if previous != 0 else None
    return Change(current, previous, amount, rate)


def income_change(finance: Finance) -> Optional[Change]:
    return change(income_total(finance), finance.previous_income_total)


def expenditure_change(finance: Finance) -> Optional[Change]:
    return change(expenditure_total(finance.expenditure), finance.previous_expenditure_total)


@dataclass(frozen=True)
class Balance:
    """年初结转结余 + 本年收入 = 本年支出 + 年末结转结余; `difference` is left − right."""

    carry_over_start: Decimal
    income: Decimal
    expenditure: Decimal
    carry_over_end: Decimal

    @property
    def difference(self) -> Decimal:
        return self.carry_over_start + self.income - self.expenditure - self.carry_over_end

    @property
    def holds(self) -> bool:
        return self.difference == 0


def balance(finance: Finance) -> Optional[Balance]:
    """The balance of the year, or None when income or expenditure is not entered at all."""
    income = income_total(finance)
    spent = expenditure_total(finance.expenditure)
    if income is None or spent is None:
        return None
    zero = Decimal("0.00")
    return Balance(
        carry_over_start=finance.carry_over_start or zero,
        income=income,
        expenditure=spent,
        carry_over_end=finance.carry_over_end or zero,
    )


def budget_execution_rate(budget: Budget) -> Optional[Decimal]:
    """预算执行率 of the department (%), against the adjusted budget, else the initial one."""
    base = budget.adjusted if budget.adjusted is not None else budget.initial
    return execution_rate(budget.executed, base)


def project_budget_share(project: Project, budget: Budget) -> Optional[Decimal]:
    """A project's share of the department's budget (%), 2 decimals: 34.5 of 100.46 万元 → 34.34."""
    base = budget.adjusted if budget.adjusted is not None else budget.initial
    return execution_rate(project_budget(project), base)


def budget_was_adjusted(budget: Budget) -> bool:
    return budget.initial is not None and budget.adjusted is not None and budget.initial != budget.adjusted


def fund_sources_sum(column: FundColumn) -> Optional[Decimal]:
    """当年财政拨款 + 上年结转 + 其他资金, when any is entered."""
    return _sum_or_none(column.current_year, column.carried_over, column.other)


def fund_total(column: FundColumn) -> Optional[Decimal]:
    """年度资金总额 of one column: as printed, else Σ sources."""
    return column.total if column.total is not None else fund_sources_sum(column)


def project_budget(project: Project) -> Optional[Decimal]:
    """The project's budget for the year: adjusted (全年预算数) when entered, else initial."""
    adjusted = fund_total(project.adjusted)
    return adjusted if adjusted is not None else fund_total(project.initial)


def project_size(project: Project) -> Optional[Decimal]:
    """How large a project counts as: the larger of its budget and what it spent (a project budgeted
    40万 that spent 55万 is a 50万 project)."""
    amounts = [a for a in (project_budget(project), fund_total(project.executed)) if a is not None]
    return max(amounts) if amounts else None


def project_execution_rate(project: Project) -> Optional[Decimal]:
    """执行率 = 全年执行数 / 全年预算数 (%)."""
    return execution_rate(fund_total(project.executed), project_budget(project))
