"""Derived money figures: totals, shares, the balance of the year, execution rates."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.finance import (
    balance,
    basic_parts_sum,
    basic_total,
    budget_execution_rate,
    budget_was_adjusted,
    expenditure_parts_sum,
    expenditure_shares,
    expenditure_total,
    fund_sources_sum,
    fund_total,
    income_lines_sum,
    income_shares,
    income_total,
    project_budget,
    project_execution_rate,
)
from desktop.domain.model import Budget, Expenditure, Finance, FundColumn, IncomeLine, Project
from desktop.domain.money import format_wan
from desktop.domain.shares import format_percent

D = Decimal


def test_seed_000_income(seed_000):
    finance = seed_000.finance
    assert income_total(finance) == income_lines_sum(finance) == D("2197000.00")
    assert format_wan(income_total(finance)) == "219.7万元"
    assert [format_percent(s) for s in income_shares(finance)] == ["100%", "0%"]
    assert format_wan(finance.income_lines[1].amount) == "0万元"


def test_seed_000_expenditure(seed_000):
    spent = seed_000.finance.expenditure
    assert basic_total(spent) == D("764600.00")
    assert basic_parts_sum(spent) is None  # 人员经费 / 公用经费 not printed
    assert expenditure_total(spent) == expenditure_parts_sum(spent) == D("2197000.00")
    basic, project = expenditure_shares(spent)
    assert (format_percent(basic), format_percent(project)) == ("34.8%", "65.2%")


def test_seed_000_balance_holds(seed_000):
    """0 + 219.7 = 219.7 + 0: 收支相等, 年末结转 0."""
    result = balance(seed_000.finance)
    assert (result.carry_over_start, result.income, result.expenditure, result.carry_over_end) == (
        D("0.00"), D("2197000.00"), D("2197000.00"), D("0.00"),
    )
    assert result.difference == 0 and result.holds


def test_seed_004_execution_rate(seed_004):
    budget = seed_004.finance.budget
    assert budget_execution_rate(budget) == D("94.26")
    assert format_percent(budget_execution_rate(budget)) == "94.26%"
    assert not budget_was_adjusted(budget)  # only the 全年预算数 is printed
    assert balance(seed_004.finance) is None  # no income or expenditure printed


def test_execution_rate_uses_the_adjusted_budget_when_there_is_one():
    budget = Budget(initial=D("6000000.00"), adjusted=D("5705400.00"), executed=D("5378100.00"))
    assert budget_execution_rate(budget) == D("94.26")
    assert budget_was_adjusted(budget)
    assert budget_execution_rate(Budget(initial=D("100.00"), executed=D("76.00"))) == D("76.00")
    assert budget_execution_rate(Budget()) is None


def test_parts_fill_in_what_was_not_printed():
    spent = Expenditure(personnel=D("600000.00"), public=D("164600.00"), project=D("1432400.00"))
    assert basic_total(spent) == D("764600.00")
    assert expenditure_total(spent) == D("2197000.00")
    printed = Expenditure(personnel=D("1.00"), public=D("1.00"), basic=D("5.00"), total=D("9.00"))
    assert basic_total(printed) == D("5.00") and basic_parts_sum(printed) == D("2.00")
    assert expenditure_total(printed) == D("9.00") and expenditure_parts_sum(printed) == D("5.00")
    assert expenditure_total(Expenditure()) is None


def test_income_total_as_printed_wins_over_the_lines():
    finance = Finance(income_lines=[IncomeLine("其他收入", D("1.00"))], income_total=D("3.00"))
    assert income_total(finance) == D("3.00") and income_lines_sum(finance) == D("1.00")
    assert income_total(Finance(income_lines=[IncomeLine("其他收入")])) is None


def test_seed_000_project_budgets(seed_000):
    budgets = [project_budget(p) for p in seed_000.projects]
    assert [format_wan(b) for b in budgets] == ["1万元", "0.5万元", "2万元", "2万元", "5万元"]
    assert all(project_execution_rate(p) is None for p in seed_000.projects)  # 执行数 not printed
    # "50万以上项目：无"
    assert not [p for p in seed_000.projects if project_budget(p) >= D("500000")]


def test_project_fund_columns():
    column = FundColumn(current_year=D("8000.00"), carried_over=D("2000.00"))
    assert fund_sources_sum(column) == fund_total(column) == D("10000.00")
    assert fund_total(FundColumn(total=D("1.00"), other=D("5.00"))) == D("1.00")
    project = Project(
        name="贫困母亲救助",
        initial=FundColumn(total=D("20000.00")),
        adjusted=FundColumn(current_year=D("15000.00"), other=D("5000.00")),
        executed=FundColumn(current_year=D("15200.00")),
    )
    assert project_budget(project) == D("20000.00")
    assert project_execution_rate(project) == D("76.00")


amounts = st.decimals(min_value=D("0"), max_value=D("99999999.99"), places=2)


@given(amounts, st.lists(amounts, max_size=6), amounts, amounts, amounts)
def test_balance_difference_is_zero_when_built_to_balance(start, incomes, personnel, public, project):
    spent = Expenditure(personnel=personnel, public=public, project=project)
    income = sum(incomes, D("0.00"))
    finance = Finance(
        income_lines=[IncomeLine("一般公共预算财政拨款收入", a) for a in incomes] or [IncomeLine("其他收入", D("0.00"))],
        expenditure=spent,
        carry_over_start=start,
        carry_over_end=start + income - personnel - public - project,
    )
    result = balance(finance)
    assert result.difference == 0 and result.holds
    off = Finance(income_lines=finance.income_lines, expenditure=spent, carry_over_start=start,
                  carry_over_end=finance.carry_over_end + D("0.01"))
    assert balance(off).difference == D("-0.01") and not balance(off).holds
