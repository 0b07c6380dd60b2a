"""Live figures on the forms, computed by the domain and worded for display; seeds' own numbers."""

from decimal import Decimal

from desktop.domain.model import Finance, IncomeLine
from desktop.exchange import read_file
from desktop.services import figures


def test_finance_figures_of_jinkouhe(seed_paths):
    report = read_file(seed_paths[0])
    f = figures.finance_figures(report.finance)
    assert "219.7万元" in f.income_total
    assert "34.8%" in f.expenditure_shares and "65.2%" in f.expenditure_shares
    assert f.balance_holds is True


def test_finance_figures_while_typing():
    finance = Finance(income_lines=[IncomeLine("一般公共预算财政拨款收入", Decimal("1000.00")),
                                    IncomeLine("其他收入", Decimal("2000.00"))])
    f = figures.finance_figures(finance)
    assert f.income_shares == ["33.3%", "66.7%"]  # largest remainder: the shares add to 100%
    assert f.balance_holds is None  # no expenditure yet: nothing to compare
    finance.expenditure.basic = Decimal("2500.00")
    f = figures.finance_figures(finance)
    assert f.balance_holds is False and "500.00元（0.05万元）" in f.balance
    finance.income_total = Decimal("4000.00")
    assert "与总计不符" in figures.finance_figures(finance).income_total
    finance.budget.adjusted, finance.budget.executed = Decimal("100.00"), Decimal("80.00")
    f = figures.finance_figures(finance)
    assert f.execution_low and "80.00%" in f.execution


def test_department_and_ledger_figures(seed_paths):
    huangpu = read_file(seed_paths[1])
    d = figures.department_figures(huangpu)
    assert d.total.startswith("98") and d.grade == "优"
    jinkouhe = read_file(seed_paths[0])
    rows = figures.ledger_totals_by_task(jinkouhe)
    assert rows[-1].label == "合计" and rows[-1].totals.activities == len(jinkouhe.activities)
    assert sum(r.totals.activities for r in rows[:-1]) == len(jinkouhe.activities)


def test_chart_bars(seed_paths):
    jinkouhe = read_file(seed_paths[0])
    income = figures.income_composition(jinkouhe)
    assert income and income[0].text.endswith("100%")
    spending = figures.expenditure_composition(jinkouhe)
    assert [b.label for b in spending] == ["基本支出", "项目支出"]
    assert "34.8%" in spending[0].text and "65.2%" in spending[1].text
    huangpu = read_file(seed_paths[1])
    rates = figures.execution_rates(huangpu)
    assert rates[0].label == "部门整体" and rates[0].text == "94.26%" and rates[0].whole == 100
