"""Figures the clerk typed in prose, checked against the ones the program computes, at the precision typed."""

from decimal import Decimal as D

from .builders import fields, find


def test_year_on_year_change_in_text_is_recomputed(report):
    finance = report.finance
    report.narratives.finance_comment = "本年收入总计100万元，比上年增加20万元，增长25%。"
    assert "NUM-003" not in {i.code for i in find(report, "NUM-003")}  # last year unknown: nothing to check
    finance.previous_income_total = D("800000.00")  # 80 万元 → +20 万元, +25%
    assert not find(report, "NUM-003")
    report.narratives.finance_comment = "本年收入总计100万元，比上年增加20万元，增长25.00%。"
    assert not find(report, "NUM-003")  # typed to 2 decimals, still right
    report.narratives.finance_comment = "本年收入总计100万元，比上年增加18万元，增长25%。"
    (issue,) = find(report, "NUM-003")
    assert issue.field == "report.narratives.finance_comment" and "增加20万元" in issue.message
    report.narratives.finance_comment = "本年收入总计100万元，比上年减少20万元。"
    (issue,) = find(report, "NUM-003")
    assert "比上年增加" in issue.message  # the direction is checked too
    report.narratives.finance_comment = "本年收入总计100万元，比上年增加20万元，增长22.5%。"
    (issue,) = find(report, "NUM-003")
    assert "增长25%" in issue.message
    finance.previous_expenditure_total = D("1000000.00")  # 100 → 98 万元: −2%
    report.narratives.finance_comment = "本年支出合计98万元，比上年下降2%。"
    assert not find(report, "NUM-003")
    report.narratives.finance_comment = "本年支出合计98万元，比上年增长2%。"
    assert fields(report, "NUM-003") == {"report.narratives.finance_comment"}


def test_project_share_and_execution_rate_in_text_are_recomputed(report):
    # 关爱困境儿童项目: budget 10 万 of the department's 100 万 → 10%; executed 9.5 → 95%.
    report.narratives.project_completion = "关爱困境儿童项目预算10万元，占部门预算的10%，执行率95%。"
    assert not find(report, "NUM-004")
    report.narratives.project_completion = "关爱困境儿童项目预算10万元，占部门预算的12%，执行率95.0%。"
    (issue,) = find(report, "NUM-004")
    assert issue.field == "report.narratives.project_completion" and "10%" in issue.message
    report.narratives.project_completion = "关爱困境儿童项目执行率为90%。"
    (issue,) = find(report, "NUM-004")
    assert "执行率" in issue.message and "95%" in issue.message


def test_shares_in_text_at_the_clerks_precision(report):
    """基本 40 / 项目 58 → 40.8% / 59.2%; with two decimals chosen, 40.82% / 59.18% also agree."""
    report.finance.share_places = 2
    report.narratives.finance_comment = "基本支出40万元，占40.82%；项目支出58万元，占59.18%。"
    assert not find(report, "SHR-002") and not find(report, "SHR-003")
    report.narratives.finance_comment = "基本支出40万元，占41.82%；项目支出58万元，占58.18%。"
    assert fields(report, "SHR-002") == {"report.narratives.finance_comment"}


def test_amounts_in_text_are_checked_as_before(report):
    report.narratives.finance_comment = "本年收入总计110万元。"
    assert fields(report, "NUM-001") == {"report.narratives.finance_comment"}


def test_share_decimals_outside_the_choice_are_an_error(report):
    report.finance.share_places = 5
    assert fields(report, "SHR-004") == {"report.finance.share_places"}
    report.finance.share_places = 2
    assert not find(report, "SHR-004")
