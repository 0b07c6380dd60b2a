"""Every policy number has one home, resources/rulesets/: validation, the report and the window agree.

The numbers are read here from the JSON files themselves; a copy of one anywhere in the program would
make the report and validation disagree at that number's edge, which these tests probe.
"""

from __future__ import annotations

import json
from decimal import Decimal as D

import pytest

from desktop.domain.model import FundColumn
from desktop.paths import resources_dir
from desktop.reports import prose
from desktop.reports.build import build_document
from desktop.reports.outline import load_outline
from desktop.services.figures import department_figures
from desktop.validation import validate
from tests.validation.builders import clean_report


def rule_set_file(name: str = "national") -> dict:
    return json.loads((resources_dir() / "rulesets" / f"{name}.json").read_text(encoding="utf-8"))


def overlays_file() -> dict:
    return json.loads((resources_dir() / "rulesets" / "overlays.json").read_text(encoding="utf-8"))


def codes_at(report, code: str) -> set[str]:
    return {i.field for i in validate(report) if i.code == code}


def document_text(report) -> str:
    document = build_document(report, load_outline(report.outline.value))
    return "\n".join(getattr(block, "text", "") for block in document.blocks)


def project_of(budget_yuan: str, executed_yuan: str, analysis: str = ""):
    report = clean_report()
    project = report.projects[0]
    project.name = "妇女创业扶持项目"
    project.initial = FundColumn(total=D(budget_yuan), current_year=D(budget_yuan))
    project.adjusted = FundColumn(total=D(budget_yuan), current_year=D(budget_yuan))
    project.executed = FundColumn(total=D(executed_yuan), current_year=D(executed_yuan))
    project.analysis = analysis
    return report


def test_a_project_budgeted_40_wan_that_spent_55_wan_is_large_for_validation_and_the_report():
    report = project_of("400000.00", "550000.00")
    assert "report.projects[0].analysis" in codes_at(report, "PRJ-002")  # validation asks for the analysis
    assert prose.large_projects(report) == ["50万以上项目：妇女创业扶持项目（55万元）。"]
    text = document_text(report)
    assert "50万以上项目：妇女创业扶持项目（55万元）。" in text and "50万以上项目：无" not in text

    analysed = project_of("400000.00", "550000.00", analysis="项目追加资金用于创业贷款贴息，带动就业 120 人。")
    assert "report.projects[0].analysis" not in codes_at(analysed, "PRJ-002")
    assert prose.large_projects(analysed)[1] == "项目追加资金用于创业贷款贴息，带动就业 120 人。"
    assert "带动就业 120 人" in document_text(analysed)


@pytest.mark.parametrize("rule_set", ["national", "sichuan"])
def test_large_project_edge_is_the_rule_sets_for_both(rule_set):
    threshold = D(rule_set_file(rule_set)["large_project_amount"])
    for amount, large in ((threshold - D("0.01"), False), (threshold, True)):
        for budget, executed in ((amount, D("1000.00")), (D("1000.00"), amount)):
            report = project_of(str(budget), str(executed))
            report.rule_set = type(report.rule_set)(rule_set)
            flagged = "report.projects[0].analysis" in codes_at(report, "PRJ-002")
            listed = prose.large_projects(report)[0].endswith("：无") is False
            assert flagged is large and listed is large, (rule_set, budget, executed)


def test_low_execution_edge_is_the_rule_sets_for_both():
    low = D(rule_set_file()["low_execution_rate"])  # percent
    for rate, is_low in ((low - D("0.01"), True), (low, False)):
        report = clean_report()
        budget = report.finance.budget
        budget.executed = (budget.adjusted * rate / 100).quantize(D("0.01"))
        budget.low_execution_reason = ""
        assert ("report.finance.budget.low_execution_reason" in codes_at(report, "EXE-002")) is is_low
        budget.low_execution_reason = "部分项目跨年度实施，资金未能全部支付。"
        assert (budget.low_execution_reason in prose.budget_execution(report)) is is_low


def test_grade_bands_are_the_rule_sets_for_report_window_and_validation():
    bands = sorted(rule_set_file()["grades"], key=lambda band: D(band["from"]))
    assert [b["grade"] for b in bands] == ["差", "中", "良", "优"]
    for lower, band in zip(bands, bands[1:]):
        for total, grade in ((D(band["from"]), band["grade"]), (D(band["from"]) - D("0.01"), lower["grade"])):
            report = clean_report()
            report.self_evaluation.indicators = []
            report.self_evaluation.entered_total = total
            wrong = next(b["grade"] for b in bands if b["grade"] != grade)
            report.narratives.conclusion = f"自评得分{total}分，评价等级为“{wrong}”。"
            assert f"达到“{grade}”等级" in prose.self_evaluation(report)[0]
            assert department_figures(report).grade == grade
            assert "report.narratives.conclusion" in codes_at(report, "GRD-001")
            report.narratives.conclusion = f"自评得分{total}分，评价等级为“{grade}”。"
            assert "report.narratives.conclusion" not in codes_at(report, "GRD-001")


def test_full_marks_and_execution_weight_are_the_rule_sets():
    spec = rule_set_file()
    report = clean_report()
    report.self_evaluation.execution_weight = D(spec["execution_weight"]) + 1
    assert "report.self_evaluation.execution_weight" in codes_at(report, "WGT-002")
    report.self_evaluation.indicators = []
    report.self_evaluation.entered_total = D(spec["full_marks"]) + D("0.5")
    assert "report.self_evaluation.entered_total" in codes_at(report, "SCO-002")


@pytest.mark.parametrize("rule_set", ["national", "sichuan"])
def test_score_caps_are_the_rule_sets(rule_set):
    for cap in rule_set_file(rule_set)["score_cap"]["caps"]:
        report = clean_report()
        report.rule_set = type(report.rule_set)(rule_set)
        report.overlays = ["score_cap"]
        budget = report.finance.budget
        budget.executed = (budget.adjusted * (D(cap["below_rate"]) - D("0.01")) / 100).quantize(D("0.01"))
        budget.low_execution_reason = "未执行原因。"
        report.self_evaluation.indicators = []
        report.self_evaluation.entered_total = D(cap["cap"]) + 1
        assert "report.self_evaluation.entered_total" in codes_at(report, "SCO-003")
        report.self_evaluation.entered_total = D(cap["cap"])
        assert "report.self_evaluation.entered_total" not in codes_at(report, "SCO-003")


def test_no_copy_of_a_threshold_in_the_program():
    """The numbers above appear as literals only in resources/rulesets/ (money or percent literals)."""
    import re
    from pathlib import Path

    spec = rule_set_file()
    literals = {spec["large_project_amount"], str(int(D(spec["large_project_amount"])))}
    pattern = re.compile("|".join(re.escape(x) for x in literals))
    desktop = Path(__file__).resolve().parent.parent / "desktop"
    hits = [str(p.relative_to(desktop)) for p in desktop.rglob("*.py") if pattern.search(p.read_text(encoding="utf-8"))]
    assert hits == []
