"""Money rules: totals vs rows, balance, shares, execution rate, adjustments, 三公经费."""

from decimal import Decimal as D

from desktop.domain.model import ThreePublicLine
from desktop.validation import Severity

from .builders import codes, fields, find

W = D("10000")


def test_clean_reports_have_no_issue(report, gd_report):
    assert codes(report) == set()
    assert codes(gd_report) == set()


def test_income_total_must_equal_its_lines(report):
    report.finance.income_total = D("1000000.01")
    assert fields(report, "INC-001") == {"report.finance.income_total"}
    issue = find(report, "INC-001")[0]
    assert issue.severity is Severity.ERROR and "0.01" in issue.message


def test_income_total_left_empty_follows_the_lines(report):
    report.finance.income_total = None
    assert "INC-001" not in codes(report)


def test_negative_income_line(report):
    report.finance.income_lines[1].amount = D("-5.00")
    report.finance.income_lines[0].amount = D("1000005.00")
    assert "report.finance.income_lines[1].amount" in fields(report, "INC-002")
    assert fields(report, "SHR-001") == {"report.finance.income_lines"}


def test_income_required_by_sichuan_outline_only(report, gd_report):
    for r in (report, gd_report):
        r.finance.income_lines = []
        r.finance.income_total = None
    assert fields(report, "INC-003") == {"report.finance.income_lines"}
    assert "INC-003" not in codes(gd_report)


def test_expenditure_total_must_equal_basic_plus_project(report):
    report.finance.expenditure.total = D("990000.00")
    assert fields(report, "EXP-001") == {"report.finance.expenditure.total"}
    report.finance.expenditure.total = None  # follows its parts
    assert "EXP-001" not in codes(report)


def test_basic_must_equal_personnel_plus_public(report):
    report.finance.expenditure.basic = D("410000.00")
    assert fields(report, "EXP-002") == {"report.finance.expenditure.basic"}


def test_basic_without_split_is_fine(report):
    report.finance.expenditure.personnel = None
    report.finance.expenditure.public = None
    assert "EXP-002" not in codes(report)


def test_expenditure_split_required_by_sichuan_only(report, gd_report):
    report.finance.expenditure.project = None
    gd_report.finance.expenditure.project = None
    assert "report.finance.expenditure.project" in fields(report, "EXP-003")
    assert "EXP-003" not in codes(gd_report)


def test_negative_expenditure(report):
    report.finance.expenditure.personnel = D("-1.00")
    assert "report.finance.expenditure.personnel" in fields(report, "EXP-004")


def test_balance_equation(report):
    report.finance.carry_over_end = D("30000.00")
    issues = find(report, "BAL-001")
    assert [i.field for i in issues] == ["report.finance.carry_over_end"]
    assert "1万元" in issues[0].message  # the difference, in the clerk's unit


def test_carry_over_required_by_sichuan_only(report, gd_report):
    report.finance.carry_over_end = None
    gd_report.finance.carry_over_end = None
    assert fields(report, "BAL-002") == {"report.finance.carry_over_end"}
    assert "BAL-002" not in codes(gd_report)


def test_negative_carry_over(report):
    report.finance.carry_over_start = D("-10.00")
    assert fields(report, "BAL-003") == {"report.finance.carry_over_start"}


def test_expenditure_shares_cannot_add_up_with_a_negative_part(report):
    report.finance.expenditure.basic = D("-100.00")
    report.finance.expenditure.personnel = report.finance.expenditure.public = None
    assert "report.finance.expenditure" in fields(report, "SHR-001")


def test_execution_rate_above_100(report):
    report.finance.budget.executed = D("1100000.00")
    assert fields(report, "EXE-001") == {"report.finance.budget.executed"}


def test_execution_rate_below_90_needs_a_reason(report):
    report.finance.budget.executed = D("800000.00")
    issue = find(report, "EXE-002")[0]
    assert issue.field == "report.finance.budget.low_execution_reason"
    assert "80%" in issue.message
    report.finance.budget.low_execution_reason = "部分项目因疫情延期。"
    assert "EXE-002" not in codes(report)


def test_execution_rate_at_90_is_fine(report):
    report.finance.budget.executed = D("900000.00")
    assert "EXE-002" not in codes(report)


def test_mid_year_adjustment_needs_an_explanation(report):
    report.finance.budget.adjusted = D("990000.00")
    assert fields(report, "ADJ-001") == {"report.finance.budget.adjustment_reason"}
    report.finance.budget.adjustment_reason = "年中追加救助资金。"
    assert "ADJ-001" not in codes(report)


def test_budget_required_by_guangdong_only(report, gd_report):
    for r in (report, gd_report):
        r.finance.budget.initial = r.finance.budget.adjusted = r.finance.budget.executed = None
        r.narratives.finance_comment = ""
    assert fields(gd_report, "BUD-001") == {"report.finance.budget.adjusted", "report.finance.budget.executed"}
    assert "BUD-001" not in codes(report)


def test_negative_budget(report):
    report.finance.budget.initial = D("-1.00")
    assert "report.finance.budget.initial" in fields(report, "BUD-002")


def test_three_public_over_budget(report):
    report.finance.three_public = [ThreePublicLine("公务接待费", D("1000.00"), D("1000.00")),
                                   ThreePublicLine("公务用车购置及运行费", D("1000.00"), D("2000.00"))]
    assert fields(report, "TPF-001") == {"report.finance.three_public[1].actual"}
