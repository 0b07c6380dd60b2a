"""The engine: rule sets and overlays from JSON, never raising, issues sorted and counted, paths that resolve."""

import json

from desktop.paths import resources_dir
from desktop.validation import Issue, Severity, summarize, validate
from desktop.validation.engine import run
from desktop.validation.issue import section_of
from desktop.rulesets import load_overlays, load_requirements, load_rule_set

from .builders import resolve_path


def test_rule_sets_are_data():
    national, sichuan = load_rule_set("national"), load_rule_set("sichuan")
    assert [(g.name, g.weight) for g in national.groups if g.weight is not None] == [
        ("产出指标", 50), ("效益指标", 30), ("满意度指标", 10)]
    assert national.execution_weight == sichuan.execution_weight == 10
    assert all(g.weight is None for g in sichuan.groups)
    assert sichuan.full_marks - sichuan.execution_weight == 90  # the indicators share the rest
    for name in ("national.json", "sichuan.json", "overlays.json", "requirements.json"):
        json.loads((resources_dir() / "rulesets" / name).read_text(encoding="utf-8"))


def test_overlays_and_requirements():
    overlays = load_overlays()
    assert set(overlays.names) == {"score_cap", "deviation_130"}
    for rule_set in ("national", "sichuan"):
        cap = load_rule_set(rule_set).score_cap  # the cap is stated by each rule set, off by default
        assert not cap.applies
        assert cap.cap_for(75).cap == 89 and cap.cap_for(45).cap == 59 and cap.cap_for(85) is None
    sichuan, guangdong = load_requirements("sichuan"), load_requirements("guangdong")
    assert "income" in sichuan.figures and "income" not in guangdong.figures
    assert "budget" in guangdong.figures and "budget" not in sichuan.figures
    assert load_requirements("hunan") is None


def test_unknown_rule_set_falls_back_to_national(report):
    report.rule_set = "hunan"
    issues = validate(report)
    assert [i.code for i in issues] == ["SYS-002"]


def test_unknown_overlay_is_reported_and_ignored(report):
    report.overlays = ["score_cap", "no_such_rule"]
    issues = validate(report)
    assert [(i.code, i.field, i.severity) for i in issues] == [("SYS-003", "report.overlays", Severity.INFO)]


def test_a_failing_rule_does_not_hide_the_others(report):
    report.finance.income_total = report.finance.income_total + 1

    def broken(ctx):
        """BRK-001 a rule with a defect."""
        raise ZeroDivisionError

    from desktop.validation.rules import CATALOGUE
    issues = run(report, rules=[broken, *CATALOGUE])
    assert {"SYS-001", "INC-001"} <= {i.code for i in issues}


def test_not_a_report():
    assert [i.code for i in validate(None)] == ["SYS-001"]


def test_summary_counts(report):
    report.finance.income_total = report.finance.income_total + 1  # error (and BAL-001)
    report.activities[0].kind = "跳舞"  # info
    report.activities[1].date = None  # warning
    summary = summarize(validate(report))
    assert (summary.errors, summary.warnings, summary.infos) == (2, 1, 1)
    assert not summary.ok and "2 个错误" in summary.text
    assert summarize([]).ok and summarize([]).text == "未发现问题"


def test_issues_are_sorted_by_report_part_then_severity(report):
    report.problems = ["无"]
    report.finance.income_total = report.finance.income_total + 1
    report.activities[0].kind = "跳舞"
    report.profile.actual_staff = 9
    sections = [i.section for i in validate(report)]
    assert sections == ["单位基本情况", "活动台账", "财政资金收支", "财政资金收支", "存在问题与改进措施"]


def test_section_of():
    assert section_of("report.finance.income_lines[0].amount") == "财政资金收支"
    assert section_of("report.projects[2].indicators[1].score") == "项目支出"
    assert section_of("report.problems") == "存在问题与改进措施"
    assert section_of("report") == "其他"


def test_issue_to_dict():
    issue = Issue("BAL-001", Severity.ERROR, "report.finance.carry_over_end", "收支不平衡", "请核对")
    assert issue.to_dict() == {"code": "BAL-001", "severity": "error", "field": "report.finance.carry_over_end",
                               "section": "财政资金收支", "message": "收支不平衡", "hint": "请核对"}


def test_every_field_path_resolves(report):
    """A report broken in many places at once: every issue's path leads to a real field."""
    report.finance.income_total = report.finance.income_total + 1
    report.projects[0].indicators[0].score = report.projects[0].indicators[0].score + 5
    report.projects[0].indicators[2].attainment = None
    report.activities[1].date = None
    report.narratives.conclusion = "评价等级为“差”。"
    report.narratives.achievements[0].text = "一是。三是。"
    report.problems = ["无"]
    report.profile.establishment.worker = -1
    issues = validate(report)
    assert len({i.code for i in issues}) >= 8
    for issue in issues:
        resolve_path(report, issue.field)
