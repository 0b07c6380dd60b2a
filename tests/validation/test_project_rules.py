"""Project rules: fund columns by source, large projects, execution, the ledger's money."""

from decimal import Decimal as D

from desktop.domain.model import FundColumn

from .builders import codes, fields, find


def test_fund_column_total_must_equal_its_sources(report):
    report.projects[0].adjusted.current_year = D("90000.00")
    assert fields(report, "PRJ-001") == {"report.projects[0].adjusted.total"}


def test_fund_column_with_all_sources(report):
    report.projects[0].executed = FundColumn(D("95000.00"), D("80000.00"), D("10000.00"), D("5000.00"))
    assert "PRJ-001" not in codes(report)


def test_negative_fund_amount(report):
    report.projects[0].executed.other = D("-5.00")
    report.projects[0].executed.current_year = D("95005.00")
    assert "report.projects[0].executed.other" in fields(report, "PRJ-006")


def test_large_project_needs_its_own_analysis(report):
    p = report.projects[0]
    p.initial = FundColumn(D("500000.00"), D("500000.00"))
    p.adjusted = FundColumn(D("500000.00"), D("500000.00"))
    p.executed = FundColumn(D("480000.00"), D("480000.00"))
    report.finance.expenditure.project = D("580000.00")
    assert fields(report, "PRJ-002") == {"report.projects[0].analysis"}
    p.analysis = "该项目资金按计划使用，慰问对象全部覆盖。"
    assert "PRJ-002" not in codes(report)


def test_project_below_threshold_needs_no_analysis(report):
    assert "PRJ-002" not in codes(report)  # 10万 < 50万


def test_projects_above_project_expenditure(report):
    report.finance.expenditure.project = D("50000.00")
    assert "report.finance.expenditure.project" in fields(report, "PRJ-003")


def test_project_list_required_when_sichuan_has_project_spending(report, gd_report):
    report.projects = []
    gd_report.projects = []
    for r in (report, gd_report):
        for a in r.activities:
            a.project_key = None
    assert fields(report, "PRJ-004") == {"report.projects"}
    assert "PRJ-004" not in codes(gd_report)
    report.finance.expenditure.project = D("0.00")
    report.finance.expenditure.basic = report.finance.expenditure.total = D("980000.00")
    report.finance.expenditure.personnel, report.finance.expenditure.public = D("880000.00"), D("100000.00")
    report.narratives.finance_comment = ""
    assert "PRJ-004" not in codes(report)


def test_project_without_name(report):
    report.projects[0].name = "  "
    assert fields(report, "PRJ-005") == {"report.projects[0].name"}


def test_project_execution_above_100(report):
    report.projects[0].executed = FundColumn(D("120000.00"), D("120000.00"))
    assert fields(report, "EXE-003") == {"report.projects[0].executed.total"}


def test_project_execution_below_90_needs_explaining(report):
    report.projects[0].executed = FundColumn(D("50000.00"), D("50000.00"))
    issue = find(report, "EXE-004")[0]
    assert issue.field == "report.projects[0].analysis" and "50%" in issue.message
    report.projects[0].analysis = "部分慰问活动延至次年。"
    assert "EXE-004" not in codes(report)


def test_project_adjustment_needs_explaining(report):
    report.projects[0].adjusted = FundColumn(D("120000.00"), D("120000.00"))
    assert fields(report, "ADJ-002") == {"report.projects[0].analysis"}


def test_ledger_money_above_project_execution(report):
    report.activities[2].money = D("95000.01")
    issue = find(report, "ACT-006")[0]
    assert issue.field == "report.projects[0].executed.total"
    assert "95,000.01" in issue.message
    report.activities[2].money = D("95000.00")
    assert "ACT-006" not in codes(report)
