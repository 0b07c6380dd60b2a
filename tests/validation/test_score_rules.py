"""Totals and grades: entered vs computed, range, the score-cap overlay, grades and scores in the text."""

from decimal import Decimal as D

from .builders import codes, fields, find


def test_entered_total_must_match_the_table(report):
    report.self_evaluation.entered_total = D("90")
    issue = find(report, "SCO-001")[0]
    assert issue.field == "report.self_evaluation.entered_total" and "97.8" in issue.message
    report.self_evaluation.entered_total = D("97.8")
    assert "SCO-001" not in codes(report)


def test_project_self_score_must_match_its_table(report):
    report.projects[0].self_score = D("100")
    assert fields(report, "SCO-001") == {"report.projects[0].self_score"}


def test_total_out_of_range(gd_report):
    gd_report.self_evaluation.indicators = []
    gd_report.self_evaluation.entered_total = D("105")
    gd_report.narratives.conclusion = ""
    assert fields(gd_report, "SCO-002") == {"report.self_evaluation.entered_total"}


def test_score_cap_overlay(report):
    report.finance.budget.executed = D("750000.00")
    report.finance.budget.low_execution_reason = "部分项目延期。"
    assert "SCO-003" not in codes(report)
    report.overlays = ["score_cap"]
    issue = find(report, "SCO-003")[0]
    assert issue.field == "report.self_evaluation.entered_total" and "89" in issue.message


def test_score_cap_does_not_bite_above_80(report):
    report.overlays = ["score_cap"]
    assert "SCO-003" not in codes(report)  # 98% executed


def test_total_required_by_guangdong(report, gd_report):
    for r in (report, gd_report):
        r.self_evaluation.indicators = []
        r.narratives.conclusion = "评价结论。"
    assert fields(gd_report, "SCO-004") == {"report.self_evaluation.entered_total"}
    assert "SCO-004" not in codes(report)
    gd_report.self_evaluation.entered_total = D("98")
    assert "SCO-004" not in codes(gd_report)


def test_grade_in_text_must_match_the_total(report):
    report.narratives.conclusion = "自评结果为97.8分，达到“良”等级。"
    issue = find(report, "GRD-001")[0]
    assert issue.field == "report.narratives.conclusion" and "“优”" in issue.message


def test_grade_follows_the_entered_total(gd_report):
    gd_report.self_evaluation.indicators = []
    gd_report.self_evaluation.entered_total = D("85")
    gd_report.narratives.conclusion = "评价等级为“良”。"
    assert "GRD-001" not in codes(gd_report)
    gd_report.narratives.conclusion = "评价等级为“优”。"
    assert "GRD-001" in codes(gd_report)


def test_score_in_text_must_match_the_total(report):
    report.narratives.conclusion = "2024年部门整体支出绩效自评得分95分，评价等级为“优”。"
    assert fields(report, "NUM-001") == {"report.narratives.conclusion"}


def test_a_high_score_at_low_execution_is_pointed_out_when_the_cap_is_off():
    """97.6-style totals at 76% execution pass the national rules, but never silently."""
    from decimal import Decimal as D

    from .builders import clean_report, find

    report = clean_report()
    report.finance.budget.executed = D("760000.00")  # 76% of 100万
    report.finance.budget.low_execution_reason = "部分项目年底才完成结算。"
    (issue,) = find(report, "SCO-005")
    assert issue.severity.value == "warning" and "76%" in issue.message and "89" in issue.message
    assert "未启用" in issue.message
    report.overlays = ["score_cap"]
    assert not find(report, "SCO-005") and find(report, "SCO-003")  # switched on: the cap itself applies


def test_an_actual_that_is_not_a_number_is_an_error_whatever_its_score():
    from .builders import clean_report, find

    report = clean_report()
    indicator = report.projects[0].indicators[0]
    indicator.actual, indicator.actual_text = None, "完成"
    assert indicator.score == indicator.weight  # the clerk kept full marks
    (issue,) = find(report, "IND-007")
    assert issue.field == "report.projects[0].indicators[0].actual" and "完成" in issue.message
    assert "按 0 分计" in issue.message  # the full marks the clerk kept do not count


def test_a_rule_set_that_states_the_cap_applies_it_without_a_switch():
    from dataclasses import replace

    from desktop.validation.engine import build_context
    from desktop.validation.rules.scores import total_checks

    from .builders import clean_report

    report = clean_report()
    report.finance.budget.executed = D("760000.00")
    report.finance.budget.low_execution_reason = "部分项目年底才完成结算。"
    ctx = build_context(report)
    assert {i.code for i in total_checks(ctx)} == {"SCO-005"}  # stated off: pointed out, not applied
    ctx.rule_set = replace(ctx.rule_set, score_cap=replace(ctx.rule_set.score_cap, applies=True))
    (issue,) = [i for i in total_checks(ctx) if i.code.startswith("SCO")]
    assert issue.code == "SCO-003" and "89" in issue.message
