"""A new year from last year's report: the frame carries forward, the year's figures and words do not."""

from decimal import Decimal

from desktop.domain.carry_forward import new_year_from
from desktop.domain.model import Finance, Indicator, Narratives, ReportStatus, SelfEvaluation
from desktop.domain.scoring import Attainment, IndicatorKind


def test_profile_outline_and_task_titles_carry_forward(seed_000):
    draft = new_year_from(seed_000, 2025)
    assert draft.fiscal_year == 2025
    assert draft.unit == seed_000.unit
    assert draft.profile == seed_000.profile and draft.profile is not seed_000.profile
    assert draft.profile.establishment.administrative == 4 and draft.profile.actual_staff == 3
    assert (draft.outline, draft.rule_set, draft.overlays) == (seed_000.outline, seed_000.rule_set, seed_000.overlays)
    assert [t.title for t in draft.tasks] == [t.title for t in seed_000.tasks]
    assert draft.activity_kinds == seed_000.activity_kinds


def test_nothing_of_the_year_is_copied(seed_000):
    draft = new_year_from(seed_000, 2025)
    assert draft.activities == []
    # This year's money starts empty; last year's totals come along as 上年 figures for the comparison.
    assert draft.finance == Finance(previous_income_total=Decimal("2197000.00"),
                                    previous_expenditure_total=Decimal("2197000.00"))
    assert draft.narratives == Narratives()
    assert all(t.narrative == "" for t in draft.tasks)
    assert draft.problems == [] and draft.measures == []
    assert draft.report_date is None and draft.status is ReportStatus.DRAFT
    assert draft.self_evaluation.entered_total is None


def test_rows_get_new_keys(seed_000):
    draft = new_year_from(seed_000, 2025)
    assert not {t.key for t in draft.tasks} & {t.key for t in seed_000.tasks}
    assert not {p.key for p in draft.projects} & {p.key for p in seed_000.projects}
    assert len({t.key for t in draft.tasks}) == len(draft.tasks)


def test_projects_keep_their_names_but_no_money(seed_000):
    draft = new_year_from(seed_000, 2025)
    assert [p.name for p in draft.projects] == [p.name for p in seed_000.projects]
    for project in draft.projects:
        for column in (project.initial, project.adjusted, project.executed):
            assert (column.total, column.current_year, column.carried_over, column.other) == (None,) * 4
        assert project.self_score is None and project.analysis == ""


def test_indicator_set_carries_without_results(seed_000):
    seed_000.department_target.indicators[0].actual = Decimal("96")
    seed_000.department_target.indicators[0].score = Decimal("10")
    seed_000.self_evaluation = SelfEvaluation(
        execution_weight=Decimal("10"),
        indicators=[
            Indicator(name="宣讲场次", level1="产出指标", level2="数量指标", kind=IndicatorKind.AT_LEAST,
                      target=Decimal("8"), unit="场", actual=Decimal("8"), weight=Decimal("20"),
                      score=Decimal("20"), deviation_reason="无偏差"),
            Indicator(name="社会效益", kind=IndicatorKind.QUALITATIVE, target_text="持续提升",
                      actual_text="有所提升", attainment=Attainment.ACHIEVED, weight=Decimal("70"),
                      applicable=False),
        ],
        entered_total=Decimal("95"),
    )
    draft = new_year_from(seed_000, 2025)
    (target,) = draft.department_target.indicators
    assert (target.name, target.kind, target.target, target.unit) == ("履职满意率", IndicatorKind.AT_LEAST, Decimal("90"), "%")
    assert target.actual is None and target.score is None
    assert draft.department_target.text == seed_000.department_target.text.replace("2024年", "2025年")
    first, second = draft.self_evaluation.indicators
    assert (first.name, first.level1, first.level2, first.target, first.unit, first.weight) == (
        "宣讲场次", "产出指标", "数量指标", Decimal("8"), "场", Decimal("20"),
    )
    assert (first.actual, first.score, first.deviation_reason, first.actual_text) == (None, None, "", "")
    assert second.target_text == "持续提升" and second.attainment is None and not second.applicable
    assert draft.self_evaluation.entered_total is None


def test_seed_004_carries_its_founding_document(seed_004):
    draft = new_year_from(seed_004, 2023)
    assert draft.profile.founding_document == "穗埔办〔2017〕6号"
    assert len(draft.tasks) == 9 and draft.finance.budget.adjusted is None
    assert draft.narratives.achievements == []


def test_the_department_aim_is_restated_for_the_new_year(seed_000):
    from desktop.domain.carry_forward import new_year_from

    assert "完成2024年区委、区政府下达全年目标任务" in seed_000.department_target.text
    new = new_year_from(seed_000, 2025)
    assert "完成2025年区委、区政府下达全年目标任务" in new.department_target.text
    assert "2024年" not in new.department_target.text
    assert "≥90%" in new.department_target.text


def test_last_years_totals_and_share_decimals_come_along_only_from_the_year_before(seed_000):
    seed_000.finance.share_places = 1
    draft = new_year_from(seed_000, 2025)
    assert (draft.finance.previous_income_total, draft.finance.share_places) == (Decimal("2197000.00"), 1)
    later = new_year_from(seed_000, 2026)  # 2024 is not 2026's 上年
    assert later.finance == Finance(share_places=1)
