"""Hand-built reports that pass every rule, and helpers to find issues by code and to follow field paths."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from desktop.domain import fieldpath
from desktop.domain.model import (
    Activity, BeneficiaryUnit, Budget, DepartmentTarget, Establishment, Expenditure, Finance, FundColumn, IncomeLine, Indicator,
    NarrativeBlock, Narratives, Outline, Project, Report, RuleSet, SelfEvaluation, Unit, UnitProfile, WorkTask,
)
from desktop.domain.scoring import Attainment, IndicatorKind
from desktop.validation import validate

Q = IndicatorKind.QUALITATIVE
GE = IndicatorKind.AT_LEAST
EQ = IndicatorKind.EQUAL


def project_indicators() -> list[Indicator]:
    """产出 50 / 效益 30 / 满意度 10: the national weights, every score per its formula."""
    return [
        Indicator("慰问困境儿童人数", "产出指标", "数量指标", GE, target=D("30"), unit="人", actual=D("30"),
                  weight=D("25"), score=D("25")),
        Indicator("慰问金发放到位率", "产出指标", "质量指标", EQ, target=D("100"), unit="%", actual=D("100"),
                  weight=D("25"), score=D("25")),
        Indicator("困境儿童生活改善", "效益指标", "社会效益指标", Q, target_text="有所改善", actual_text="明显改善",
                  attainment=Attainment.ACHIEVED, weight=D("30"), score=D("27")),
        Indicator("受助家庭满意度", "满意度指标", "服务对象满意度指标", GE, target=D("90"), unit="%", actual=D("95"),
                  weight=D("10"), score=D("10")),
    ]


def department_indicators() -> list[Indicator]:
    return [
        Indicator("举办技能培训期数", "产出指标", "数量指标", GE, target=D("3"), unit="期", actual=D("3"),
                  weight=D("20"), score=D("20")),
        Indicator("培训妇女人次", "产出指标", "数量指标", GE, target=D("100"), unit="人次", actual=D("120"),
                  weight=D("30"), score=D("30")),
        Indicator("妇女就业技能提升", "效益指标", "社会效益指标", Q, target_text="有所提升", actual_text="明显提升",
                  attainment=Attainment.ACHIEVED, weight=D("30"), score=D("28")),
        Indicator("履职满意率", "满意度指标", "服务对象满意度指标", GE, target=D("90"), unit="%", actual=D("95"),
                  weight=D("10"), score=D("10")),
    ]


def clean_report(outline: Outline = Outline.SICHUAN) -> Report:
    """A complete 2024 report of a made-up district federation with no issue at all.

    Totals: income 100万 = expenditure 98万 (基本 40 = 人员 30 + 公用 10; 项目 58) + 年末结转 2万;
    budget 100万, executed 98万 (98%); department total 9.8 + 88 = 97.8 (优).
    """
    wan = lambda text: (D(text) * 10000).quantize(D("0.01"))  # noqa: E731
    tasks = [
        WorkTask("促进妇女技能就业", "举办藤编、直播培训班 3 期，共计 120 人次妇女参加培训。", key="t1"),
        WorkTask("关爱困境儿童", "一是走访困境儿童家庭。二是发放慰问金。", key="t2"),
    ]
    activities = [
        Activity("藤编培训班", date(2024, 3, 8), "培训", sessions=2, participants=80, task_key="t1", key="a1"),
        Activity("直播培训班", date(2024, 6, 1), "培训", sessions=1, participants=40, task_key="t1", key="a2"),
        Activity("六一慰问困境儿童", date(2024, 6, 1), "慰问", beneficiaries=30, beneficiary_unit=BeneficiaryUnit.PERSON, money=D("6000.00"),
                 task_key="t2", project_key="p1", key="a3"),
    ]
    project = Project(
        "关爱困境儿童项目",
        initial=FundColumn(total=wan("10"), current_year=wan("10")),
        adjusted=FundColumn(total=wan("10"), current_year=wan("10")),
        executed=FundColumn(total=wan("9.5"), current_year=wan("9.5")),
        expected_goal="慰问困境儿童 30 人", actual_goal="慰问困境儿童 30 人",
        indicators=project_indicators(), key="p1",
    )
    finance = Finance(
        income_lines=[IncomeLine("一般公共预算财政拨款收入", wan("100")), IncomeLine("其他收入", wan("0"))],
        income_total=wan("100"),
        expenditure=Expenditure(personnel=wan("30"), public=wan("10"), basic=wan("40"), project=wan("58"), total=wan("98")),
        carry_over_start=wan("0"), carry_over_end=wan("2"),
        budget=Budget(initial=wan("100"), adjusted=wan("100"), executed=wan("98")),
    )
    narratives = Narratives(
        overall_work="围绕妇女就业和儿童关爱开展工作。",
        finance_comment="本年收入总计100万元，基本支出40万元，占40.8%；项目支出58万元，占59.2%。"
                        "全年预算数100万元，执行数98万元，完成预算的98%。",
        performance_management="完善绩效管理机制。",
        budget_preparation="按时完成年初预算编制。",
        budget_execution="严格执行预算。",
        final_accounts="认真编制决算报表。",
        results_application="按要求公开自评结果。",
        task_completion="各项工作任务绩效目标基本达到预期。",
        project_completion="重点任务项目支出完成较好。",
        achievements=[NarrativeBlock("技能培训见实效", "一是办班。二是就业。三是宣传。")],
        conclusion="2024年部门整体支出绩效自评得分97.8分，评价等级为“优”。",
    )
    return Report(
        unit=Unit("测试区妇女联合会"),
        fiscal_year=2024,
        outline=outline,
        rule_set=RuleSet.NATIONAL,
        profile=UnitProfile(full_name="测试区妇女联合会", nature="群众团体组织", functions="团结引导妇女。",
                            establishment=Establishment(administrative=4), actual_staff=3),
        tasks=tasks,
        activities=activities,
        department_target=DepartmentTarget(
            "履职满意率≥90%",
            [Indicator("履职满意率", "满意度指标", "服务对象满意度指标", GE, target=D("90"), unit="%")],
        ),
        finance=finance,
        projects=[project],
        self_evaluation=SelfEvaluation(indicators=department_indicators()),
        narratives=narratives,
        problems=["预算编制精细化程度不够。"],
        measures=["加强预算编制培训。"],
    )


def codes(report: Report) -> set[str]:
    return {issue.code for issue in validate(report)}


def find(report: Report, code: str) -> list:
    return [issue for issue in validate(report) if issue.code == code]


def fields(report: Report, code: str) -> set[str]:
    return {issue.field for issue in find(report, code)}


def resolve_path(report: Report, path: str):
    """Follow an issue's field path on the report, as the GUI would; AssertionError when it leads nowhere."""
    try:
        fieldpath.check_names_a_field(path)
        return fieldpath.get(report, path)
    except fieldpath.FieldPathError:
        raise AssertionError(f"bad path {path!r}") from None
