"""Weight and structure rules, per the rule set in force (national or Sichuan)."""

from decimal import Decimal as D

from desktop.domain.model import RuleSet
from desktop.validation import Severity

from .builders import codes, fields, find


def test_weights_must_add_to_100(report):
    ind = report.projects[0].indicators[0]
    ind.weight, ind.score = D("30"), D("30")
    issue = find(report, "WGT-001")[0]
    assert issue.field == "report.projects[0].indicators" and "105" in issue.message


def test_execution_weight_per_rule_set(report):
    report.projects[0].execution_weight = D("20")
    assert fields(report, "WGT-002") == {"report.projects[0].execution_weight"}


def test_group_weights_national(report):
    inds = report.projects[0].indicators
    inds[0].weight = inds[0].score = D("20")  # 产出 45, 效益 35
    inds[2].weight, inds[2].score = D("35"), D("30")
    issues = find(report, "WGT-003")
    assert {i.field for i in issues} == {"report.projects[0].indicators[0].weight", "report.projects[0].indicators[2].weight"}
    assert all(i.severity is Severity.WARNING for i in issues)
    assert "WGT-001" not in codes(report)


def test_sichuan_weights_are_free_inside_90(report):
    report.rule_set = RuleSet.SICHUAN
    inds = report.projects[0].indicators
    inds[0].weight = inds[0].score = D("20")
    inds[2].weight, inds[2].score = D("35"), D("30")
    assert not {"WGT-001", "WGT-003"} & codes(report)
    inds[3].weight = inds[3].score = D("15")  # 95 inside
    assert fields(report, "WGT-001") == {"report.projects[0].indicators"}


def test_indicator_without_weight(report):
    report.projects[0].indicators[1].weight = None
    assert fields(report, "WGT-004") == {"report.projects[0].indicators[1].weight"}


def test_table_kept_elsewhere_is_not_weighed(report):
    report.projects[0].indicators = []
    report.projects[0].execution_weight = D("20")
    assert not {"WGT-001", "WGT-002", "STR-001"} & codes(report)


def test_no_output_indicator(report):
    inds = report.self_evaluation.indicators
    inds[0].level1 = inds[1].level1 = "效益指标"
    assert fields(report, "STR-001") == {"report.self_evaluation.indicators"}


def test_no_benefit_indicator(report):
    del report.self_evaluation.indicators[2:]
    assert fields(report, "STR-002") == {"report.self_evaluation.indicators"}


def test_satisfaction_standing_in_for_benefit(report):
    inds = report.self_evaluation.indicators
    del inds[2]  # only 产出 and 满意度 remain
    assert fields(report, "STR-003") == {"report.self_evaluation.indicators"}
    assert "STR-002" not in codes(report)


def test_satisfaction_filed_under_benefit(report):
    ind = report.projects[0].indicators[2]
    ind.level2, ind.name = "满意度指标", "受益妇女满意度"
    assert "report.projects[0].indicators[2].level1" in fields(report, "STR-003")


def test_unknown_level1(report):
    report.projects[0].indicators[1].level1 = "其他指标"
    assert fields(report, "STR-004") == {"report.projects[0].indicators[1].level1"}
