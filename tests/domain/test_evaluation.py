"""Totals and grades of the 自评表, from the clerk's entered total or from indicator rows."""

from decimal import Decimal

from desktop.domain.evaluation import computed_score, department_evaluation, effective_score, project_evaluation
from desktop.domain.model import Budget, FundColumn, Indicator, Project, Report, SelfEvaluation, Unit
from desktop.domain.scoring import Attainment, Grade, IndicatorKind
from desktop.rulesets import load_rule_set

D = Decimal
NATIONAL = load_rule_set("national")  # full marks and grade bands as the program uses them


def test_seed_004_entered_total_98_is_excellent(seed_004):
    evaluation = department_evaluation(seed_004, NATIONAL)
    assert evaluation.total == D("98") and evaluation.entered
    assert evaluation.grade is Grade.EXCELLENT and evaluation.grade.value == "优"
    assert evaluation.execution_rate == D("94.26")
    assert evaluation.execution_score == D("9.43")


def test_seed_000_has_no_table(seed_000):
    evaluation = department_evaluation(seed_000, NATIONAL)
    assert (evaluation.total, evaluation.grade, evaluation.execution_rate) == (None, None, None)
    assert not evaluation.entered


def _national_table() -> list[Indicator]:
    """产出 50 / 效益 30 / 满意度 10 beside 预算执行 10."""
    return [
        Indicator(name="培训人次", level1="产出指标", level2="数量指标", kind=IndicatorKind.AT_LEAST,
                  target=D("200"), actual=D("180"), unit="人次", weight=D("25")),
        Indicator(name="救助资金发放及时率", level1="产出指标", level2="时效指标", kind=IndicatorKind.AT_LEAST,
                  target=D("100"), actual=D("100"), unit="%", weight=D("25")),
        Indicator(name="妇女儿童权益保障水平", level1="效益指标", level2="社会效益指标",
                  kind=IndicatorKind.QUALITATIVE, attainment=Attainment.PARTLY, weight=D("30"), score=D("21")),
        Indicator(name="履职满意率", level1="满意度指标", level2="服务对象满意度指标", kind=IndicatorKind.AT_LEAST,
                  target=D("90"), actual=D("93"), unit="%", weight=D("10")),
    ]


def _report(indicators, executed="760000.00", budget="1000000.00", entered=None) -> Report:
    report = Report(unit=Unit(name="某区妇联"), fiscal_year=2024)
    report.finance.budget = Budget(adjusted=D(budget), executed=D(executed))
    report.self_evaluation = SelfEvaluation(indicators=indicators, entered_total=entered)
    return report


def test_total_from_indicator_rows():
    evaluation = department_evaluation(_report(_national_table()), NATIONAL)
    # 7.6 (76 % of 10) + 22.5 (180/200 × 25) + 25 + 21 + 10
    assert evaluation.execution_score == D("7.60")
    assert evaluation.total == D("86.10") and not evaluation.entered
    assert evaluation.grade is Grade.GOOD


def test_rows_win_over_an_entered_total():
    evaluation = department_evaluation(_report(_national_table(), entered=D("98")), NATIONAL)
    assert evaluation.total == D("86.10") and not evaluation.entered


def test_indicator_that_does_not_apply_is_dropped_and_the_rest_rescaled():
    table = _national_table()
    table[2].applicable = False  # 效益 30 dropped: 7.6 + 22.5 + 25 + 10 = 65.1 of 70
    evaluation = department_evaluation(_report(table), NATIONAL)
    assert evaluation.total == D("93.00")
    assert evaluation.grade is Grade.EXCELLENT


def test_qualitative_row_without_a_score_counts_nothing():
    table = _national_table()
    table[2].score = None
    assert computed_score(table[2]) is None and effective_score(table[2]) is None
    assert department_evaluation(_report(table), NATIONAL).total == D("65.10")


def test_entered_score_wins_over_the_formula():
    row = _national_table()[0]
    assert computed_score(row) == D("22.50")
    row.score = D("20")
    assert effective_score(row) == D("20")
    assert computed_score(Indicator(name="无目标值", weight=D("10"), actual=D("1"))) is None


def test_project_evaluation():
    project = Project(
        name="贫困母亲救助",
        adjusted=FundColumn(total=D("20000.00")),
        executed=FundColumn(total=D("15200.00")),
        indicators=[
            Indicator(name="救助贫困母亲人数", kind=IndicatorKind.AT_LEAST, target=D("15"), actual=D("15"),
                      unit="人", weight=D("90")),
        ],
    )
    evaluation = project_evaluation(project, NATIONAL)
    assert evaluation.execution_rate == D("76.00") and evaluation.execution_score == D("7.60")
    assert evaluation.total == D("97.60") and evaluation.grade is Grade.EXCELLENT
    bare = Project(name="春蕾行动计划经费", self_score=D("88"))
    assert project_evaluation(bare, NATIONAL).total == D("88") and project_evaluation(bare, NATIONAL).grade is Grade.GOOD
