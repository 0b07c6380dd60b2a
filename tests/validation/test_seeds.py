"""The two seed reports validate without errors, and single mutations of them give the expected code."""

import copy
from decimal import Decimal as D

import pytest

from desktop.domain.model import Indicator
from desktop.domain.scoring import Attainment, IndicatorKind
from desktop.exchange import read_file
from desktop.validation import summarize, validate

from .builders import fields, resolve_path

SEED_000 = "seed_000_jinkouhe_2024.fulian.json"
SEED_004 = "seed_004_huangpu_2022.fulian.json"


@pytest.fixture(scope="module")
def seeds(request):
    from tests.conftest import DATA

    return {name: read_file(DATA / name) for name in (SEED_000, SEED_004)}


@pytest.fixture
def s000(seeds):
    return copy.deepcopy(seeds[SEED_000])


@pytest.fixture
def s004(seeds):
    return copy.deepcopy(seeds[SEED_004])


def test_seed_000_has_no_issue(s000):
    assert validate(s000) == []


def test_seed_004_has_no_issue(s004):
    assert validate(s004) == []


# ---- one amount


def test_seed_000_income_total_off_by_one_fen(s000):
    s000.finance.income_total += D("0.01")
    assert fields(s000, "INC-001") == {"report.finance.income_total"}
    assert fields(s000, "BAL-001") == {"report.finance.carry_over_end"}


def test_seed_000_basic_expenditure_changed(s000):
    s000.finance.expenditure.basic = D("774600.00")
    assert fields(s000, "EXP-001") == {"report.finance.expenditure.total"}


def test_seed_004_executed_above_budget(s004):
    s004.finance.budget.executed = D("5800000.00")
    assert fields(s004, "EXE-001") == {"report.finance.budget.executed"}


def test_seed_004_executed_below_90_percent(s004):
    s004.finance.budget.executed = D("5000000.00")  # 87.64%
    assert fields(s004, "EXE-002") == {"report.finance.budget.low_execution_reason"}


def test_seed_000_activity_money_above_project(s000):
    project = s000.projects[0]
    project.executed.total = project.initial.total
    s000.activities[0].project_key = project.key
    s000.activities[0].money = project.initial.total + D("1.00")
    assert fields(s000, "ACT-006") == {"report.projects[0].executed.total"}


def test_seed_000_activity_in_another_year(s000):
    s000.activities[3].date = s000.activities[3].date.replace(year=2023)
    assert fields(s000, "ACT-001") == {"report.activities[3].date"}


# ---- one score


def test_seed_004_score_above_100(s004):
    s004.self_evaluation.entered_total = D("102")
    assert fields(s004, "SCO-002") == {"report.self_evaluation.entered_total"}


def test_seed_004_score_capped_by_overlay(s004):
    s004.finance.budget.executed = D("4200000.00")  # 73.6%
    s004.finance.budget.low_execution_reason = "部分项目合同期跨年。"
    s004.overlays = ["score_cap"]
    assert fields(s004, "SCO-003") == {"report.self_evaluation.entered_total"}


def _seed_004_with_table(report):
    """Seed 004 with a national-weight table whose total is the printed 98 (9.43 + 50 + 28.57 + 10)."""
    report.self_evaluation.indicators = [
        Indicator("举办家庭教育大讲堂场次", "产出指标", "数量指标", IndicatorKind.AT_LEAST, target=D("20"), unit="场",
                  actual=D("21"), weight=D("25"), score=D("25")),
        Indicator("走访慰问单亲困难母亲", "产出指标", "数量指标", IndicatorKind.AT_LEAST, target=D("60"), unit="户",
                  actual=D("61"), weight=D("25"), score=D("25")),
        Indicator("妇女儿童权益得到维护", "效益指标", "社会效益指标", IndicatorKind.QUALITATIVE,
                  attainment=Attainment.ACHIEVED, weight=D("30"), score=D("28.57")),
        Indicator("服务对象满意度", "满意度指标", "服务对象满意度指标", IndicatorKind.AT_LEAST, target=D("90"), unit="%",
                  actual=D("95"), weight=D("10"), score=D("10")),
    ]
    return report


def test_seed_004_with_its_table_has_no_issue(s004):
    assert validate(_seed_004_with_table(s004)) == []


def test_seed_004_one_score_inflated(s004):
    report = _seed_004_with_table(s004)
    report.self_evaluation.indicators[0].actual = D("18")  # 18 of 20 场, still 25 of 25
    assert fields(report, "IND-004") == {"report.self_evaluation.indicators[0].score"}


def test_seed_004_one_score_changed_breaks_the_total(s004):
    report = _seed_004_with_table(s004)
    report.self_evaluation.indicators[2].score = D("24")
    assert fields(report, "SCO-001") == {"report.self_evaluation.entered_total"}


# ---- one weight


def test_seed_004_one_weight_changed(s004):
    report = _seed_004_with_table(s004)
    report.self_evaluation.indicators[1].weight = D("30")
    assert fields(report, "WGT-001") == {"report.self_evaluation.indicators"}
    assert "report.self_evaluation.indicators[0].weight" in fields(report, "WGT-003")


def test_seed_000_execution_weight_changed_under_sichuan_rules(s000):
    s000.projects[0].indicators = copy.deepcopy(_seed_004_with_table(copy.deepcopy(s000)).self_evaluation.indicators)
    s000.projects[0].execution_weight = D("15")
    assert fields(s000, "WGT-002") == {"report.projects[0].execution_weight"}


# ---- an emptied section


def test_seed_000_results_application_emptied(s000):
    s000.narratives.results_application = ""
    assert fields(s000, "NAR-001") == {"report.narratives.results_application"}


def test_seed_000_problems_as_none(s000):
    s000.problems = ["无"]
    assert fields(s000, "NAR-002") == {"report.problems[0]"}


def test_seed_004_measures_emptied(s004):
    s004.measures = []
    assert fields(s004, "NAR-001") == {"report.measures"}


def test_seed_004_achievements_emptied(s004):
    s004.narratives.achievements = []
    assert fields(s004, "NAR-001") == {"report.narratives.achievements"}


def test_seed_004_budget_text_contradicts_the_table(s004):
    s004.narratives.finance_comment = "全年预算数 570.54 万元，执行数 537.18 万元。"
    assert fields(s004, "NUM-001") == {"report.narratives.finance_comment"}


def test_seed_000_task_figure_contradicts_the_ledger(s000):
    task = next(i for i, t in enumerate(s000.tasks) if "180人次" in t.narrative)
    s000.tasks[task].narrative = s000.tasks[task].narrative.replace("180人次", "190人次")
    assert fields(s000, "NUM-002") == {f"report.tasks[{task}].narrative"}


def test_seed_004_grade_in_text(s004):
    s004.narratives.task_completion += "自评等级为“良”。"
    assert fields(s004, "GRD-001") == {"report.narratives.task_completion"}


def test_mutated_paths_resolve(s000):
    s000.finance.income_total += D("1")
    s000.problems = ["无"]
    s000.activities[0].participants = -3
    issues = validate(s000)
    assert summarize(issues).errors >= 3
    for issue in issues:
        resolve_path(s000, issue.field)
