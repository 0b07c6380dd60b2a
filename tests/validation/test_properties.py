"""Property tests: whatever the data, validation returns Issue values whose paths lead somewhere."""

from datetime import date
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.model import (
    Activity, BeneficiaryUnit, Budget, DepartmentTarget, Establishment, Expenditure, Finance, FundColumn, IncomeLine, Indicator,
    NarrativeBlock, Narratives, Outline, Project, Report, RuleSet, SelfEvaluation, ThreePublicLine, Unit,
    UnitProfile, WorkTask,
)
from desktop.domain.scoring import Attainment, IndicatorKind
from desktop.validation import Issue, Severity, summarize, validate

from .builders import resolve_path

money = st.none() | st.decimals(min_value=-10**9, max_value=10**10, places=2, allow_nan=False, allow_infinity=False)
number = st.none() | st.decimals(min_value=-10**6, max_value=10**6, places=3, allow_nan=False, allow_infinity=False)
count = st.none() | st.integers(min_value=-10**6, max_value=10**9)
# Text that looks like what the rules read: labels, numbers with units, ordinals, placeholders.
words = st.sampled_from([
    "本年收入总计", "基本支出", "项目支出", "全年预算数", "执行数", "完成预算的", "自评得分", "等级为", "“优”", "“良”",
    "占", "共计", "余", "约", "万元", "元", "%", "分", "人次", "场", "期", "一是", "二是", "四是", "（一）", "（三）",
    "无", "暂无", "，", "。", "\n", " ", "12", "0.5", "100", "98.7", "1,000", "测试项目",
])
text = st.lists(words, max_size=12).map("".join) | st.text(max_size=30)
kind = st.sampled_from(list(IndicatorKind))
level1 = st.sampled_from(["产出指标", "效益指标", "满意度指标", "成本指标", "", "其他"])

indicator = st.builds(
    Indicator, name=text, level1=level1, level2=st.sampled_from(["数量指标", "满意度指标", "社会效益指标", ""]),
    kind=kind, target=number, target_text=text, unit=st.sampled_from(["", "%", "人次"]), actual=number,
    actual_text=text, attainment=st.none() | st.sampled_from(list(Attainment)), weight=number, score=number,
    deviation_reason=text, applicable=st.booleans(),
)
column = st.builds(FundColumn, total=money, current_year=money, carried_over=money, other=money)
keys = st.sampled_from(["k1", "k2", "k3"])
project = st.builds(Project, name=text, initial=column, adjusted=column, executed=column, execution_weight=st.decimals(
    min_value=-5, max_value=200, places=1), indicators=st.lists(indicator, max_size=5), self_score=number,
    analysis=text, actual_goal=text, key=keys)
activity = st.builds(
    Activity, title=text, date=st.none() | st.dates(date(1990, 1, 1), date(2200, 12, 31)),
    kind=st.sampled_from(["培训", "慰问", "", "跳舞"]), sessions=count, participants=count, beneficiaries=count,
    beneficiary_unit=st.none() | st.sampled_from(list(BeneficiaryUnit)),
    money=money, task_key=st.none() | keys, project_key=st.none() | keys,
)
blocks = st.recursive(st.builds(NarrativeBlock, title=text, text=text),
                      lambda inner: st.builds(NarrativeBlock, title=text, text=text, blocks=st.lists(inner, max_size=2)),
                      max_leaves=4)
report = st.builds(
    Report,
    unit=st.builds(Unit, name=text),
    fiscal_year=st.integers(1990, 2200),
    outline=st.sampled_from(list(Outline)),
    rule_set=st.sampled_from(list(RuleSet)),
    overlays=st.lists(st.sampled_from(["score_cap", "deviation_130", "other"]), max_size=3),
    profile=st.builds(UnitProfile, functions=text, nature=text, actual_staff=count, establishment=st.builds(
        Establishment, administrative=st.integers(-5, 50), institutional=st.integers(-5, 50))),
    tasks=st.lists(st.builds(WorkTask, title=text, narrative=text, key=keys), max_size=3),
    activities=st.lists(activity, max_size=8),
    department_target=st.builds(DepartmentTarget, text=text, indicators=st.lists(indicator, max_size=2)),
    finance=st.builds(
        Finance,
        income_lines=st.lists(st.builds(IncomeLine, source=st.sampled_from(["一般公共预算财政拨款收入", "其他收入", ""]),
                                        amount=money), max_size=3),
        income_total=money,
        expenditure=st.builds(Expenditure, personnel=money, public=money, basic=money, project=money, total=money),
        carry_over_start=money, carry_over_end=money,
        budget=st.builds(Budget, initial=money, adjusted=money, executed=money, adjustment_reason=text,
                         low_execution_reason=text),
        three_public=st.lists(st.builds(ThreePublicLine, item=text, budget=money, actual=money), max_size=2),
    ),
    projects=st.lists(project, max_size=3),
    self_evaluation=st.builds(SelfEvaluation, execution_weight=st.decimals(min_value=0, max_value=100, places=1),
                              indicators=st.lists(indicator, max_size=6), entered_total=number),
    narratives=st.builds(Narratives, overall_work=text, finance_comment=text, budget_execution=text,
                         conclusion=text, achievements=st.lists(blocks, max_size=3)),
    problems=st.lists(text, max_size=3),
    measures=st.lists(text, max_size=3),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report)
def test_no_input_crashes_the_engine(r):
    issues = validate(r)
    assert all(isinstance(i, Issue) for i in issues)
    assert not [i for i in issues if i.code == "SYS-001"], [i.message for i in issues if i.code == "SYS-001"]
    summary = summarize(issues)
    assert summary.errors + summary.warnings + summary.infos == len(issues)
    for issue in issues:
        assert isinstance(issue.severity, Severity) and issue.message and issue.code[:3].isalpha()
        resolve_path(r, issue.field)


@settings(max_examples=100, deadline=None)
@given(st.lists(activity, max_size=30), st.integers(1990, 2200))
def test_validation_is_repeatable(activities, year):
    r = Report(unit=Unit("单位"), fiscal_year=year, activities=activities)
    assert validate(r) == validate(r)


def test_huge_and_odd_values_do_not_crash():
    r = Report(unit=Unit("单位"), fiscal_year=2024)
    r.finance.budget = Budget(initial=Decimal("0"), adjusted=Decimal("0"), executed=Decimal("1"))
    r.projects = [Project("项目", adjusted=FundColumn(Decimal("0")), executed=FundColumn(Decimal("5")),
                          indicators=[Indicator("x", "产出", kind=IndicatorKind.AT_MOST, target=Decimal("0"),
                                                actual=Decimal("-1"), weight=Decimal("0"), score=Decimal("0"))])]
    r.narratives.conclusion = "自评得分" + "9" * 5000 + "分"
    assert not [i for i in validate(r) if i.code == "SYS-001"]
