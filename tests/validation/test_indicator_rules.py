"""Indicator rules: scores within weight and formula, numbers and units, deviation reasons."""

from decimal import Decimal as D

import pytest

from desktop.domain.scoring import Attainment, IndicatorKind
from desktop.validation import Severity

from .builders import codes, fields, find

P0 = "report.projects[0].indicators[0]"
S2 = "report.self_evaluation.indicators[2]"


def test_score_above_weight(report):
    report.projects[0].indicators[0].score = D("26")
    assert fields(report, "IND-001") == {f"{P0}.score"}


def test_negative_score(report):
    report.projects[0].indicators[0].score = D("-1")
    assert fields(report, "IND-002") == {f"{P0}.score"}


def test_score_above_formula(report):
    ind = report.projects[0].indicators[0]
    ind.actual, ind.score, ind.deviation_reason = D("25"), D("22"), "部分儿童外出务工随迁。"
    issue = find(report, "IND-003")[0]
    assert issue.field == f"{P0}.score" and "20.83" in issue.message  # 25 / 30 × 25


def test_score_per_formula_passes(report):
    ind = report.projects[0].indicators[0]
    ind.actual, ind.score, ind.deviation_reason = D("25"), D("20.83"), "部分儿童外出务工随迁。"
    assert not {"IND-003", "IND-004", "IND-005"} & codes(report)


def test_qualitative_score_above_band(report):
    ind = report.self_evaluation.indicators[2]
    ind.attainment, ind.score, ind.deviation_reason = Attainment.PARTLY, D("27"), "就业渠道仍需拓宽。"
    issue = find(report, "IND-003")[0]
    assert issue.field == f"{S2}.score" and "18–24" in issue.message
    report.self_evaluation.entered_total = None


def test_qualitative_score_in_band(report):
    ind = report.self_evaluation.indicators[2]
    ind.attainment, ind.score, ind.deviation_reason = Attainment.PARTLY, D("20"), "就业渠道仍需拓宽。"
    assert not {"IND-003", "IND-005"} & codes(report)


def test_full_score_while_target_missed(report):
    ind = report.projects[0].indicators[0]
    ind.actual = D("25")  # target ≥ 30, score still the full 25
    issues = find(report, "IND-004")
    assert [i.field for i in issues] == [f"{P0}.score"]
    assert "虚高" in issues[0].message
    assert "IND-003" not in codes(report)  # the sharper finding replaces the general one


def test_full_score_for_qualitative_not_achieved(report):
    ind = report.self_evaluation.indicators[2]
    ind.attainment, ind.score, ind.deviation_reason = Attainment.NOT_ACHIEVED, D("30"), "原因"
    assert fields(report, "IND-004") == {f"{S2}.score"}


def test_score_below_formula_is_a_warning(report):
    report.projects[0].indicators[0].score = D("20")
    issue = find(report, "IND-005")[0]
    assert issue.field == f"{P0}.score" and issue.severity is Severity.WARNING


def test_qualitative_without_attainment(report):
    report.self_evaluation.indicators[2].attainment = None
    assert fields(report, "IND-006") == {f"{S2}.attainment"}


def test_qualitative_without_score(report):
    report.self_evaluation.indicators[2].score = None
    assert fields(report, "IND-013") == {f"{S2}.score"}


def test_quantitative_without_score_is_computed(report):
    report.projects[0].indicators[0].score = None
    assert codes(report) == set()


def test_completed_as_an_actual(report):
    ind = report.projects[0].indicators[0]
    ind.actual, ind.actual_text, ind.score = None, "完成", None
    issue = find(report, "IND-007")[0]
    assert issue.field == f"{P0}.actual" and "“完成”" in issue.message


def test_target_without_number(report):
    ind = report.projects[0].indicators[0]
    ind.target, ind.target_text = None, "≥30人"
    assert fields(report, "IND-008") == {f"{P0}.target"}


def test_department_target_indicator_without_number(report):
    ind = report.department_target.indicators[0]
    ind.target = None
    assert fields(report, "IND-008") == {"report.department_target.indicators[0].target"}
    assert "IND-007" not in codes(report)  # its actual is reported in the 自评表, not here


def test_quantitative_without_unit(report):
    report.projects[0].indicators[0].unit = ""
    assert fields(report, "IND-009") == {f"{P0}.unit"}


def test_qualitative_needs_no_unit(report):
    assert report.self_evaluation.indicators[2].unit == ""
    assert "IND-009" not in codes(report)


def test_missed_target_without_reason(report):
    ind = report.projects[0].indicators[0]
    ind.actual, ind.score = D("25"), D("20.83")
    assert fields(report, "IND-010") == {f"{P0}.deviation_reason"}
    ind.deviation_reason = "部分儿童随父母外出。"
    assert "IND-010" not in codes(report)


def test_deviation_130_only_with_the_overlay(report):
    ind = report.projects[0].indicators[0]
    ind.actual = D("39")  # 130% of 30
    assert "IND-011" not in codes(report)
    report.overlays = ["deviation_130"]
    issue = find(report, "IND-011")[0]
    assert issue.field == f"{P0}.deviation_reason" and "130%" in issue.message
    ind.actual = D("38")
    assert "IND-011" not in codes(report)


def test_indicator_without_name(report):
    report.projects[0].indicators[1].name = ""
    assert fields(report, "IND-012") == {"report.projects[0].indicators[1].name"}


def test_not_applicable_indicator_is_not_scored(report):
    ind = report.projects[0].indicators[0]
    ind.applicable, ind.actual, ind.actual_text, ind.score = False, None, "完成", D("99")
    assert not {"IND-001", "IND-007", "IND-004"} & codes(report)


@pytest.mark.parametrize("kind,target,actual,score,code", [
    (IndicatorKind.AT_MOST, "10", "15", "25", "IND-004"),  # ≤ 10 missed, full 25 given
    (IndicatorKind.AT_MOST, "10", "15", "13", "IND-003"),  # formula: (2×10 − 15) / 10 × 25 = 12.5
    (IndicatorKind.AT_MOST, "10", "15", "12.5", None),
    (IndicatorKind.EQUAL, "100", "90", "25", "IND-004"),
    (IndicatorKind.EQUAL, "100", "90", "22.5", None),  # 25 × (1 − 10/100)
    (IndicatorKind.AT_LEAST, "30", "15", "12.5", None),  # 25 × 15/30
])
def test_formula_per_kind(report, kind, target, actual, score, code):
    ind = report.projects[0].indicators[0]
    ind.kind, ind.target, ind.actual, ind.score = kind, D(target), D(actual), D(score)
    ind.deviation_reason = "原因"
    found = codes(report) & {"IND-003", "IND-004", "IND-005"}
    assert found == ({code} if code else set())
