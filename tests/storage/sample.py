"""A report with every field of every dataclass set to something other than its default."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from desktop.domain.model import (
    Activity,
    BeneficiaryUnit,
    Budget,
    DepartmentTarget,
    Establishment,
    Expenditure,
    Finance,
    FundColumn,
    IncomeLine,
    Indicator,
    LeadershipPost,
    NarrativeBlock,
    Narratives,
    Outline,
    Project,
    Report,
    ReportStatus,
    RuleSet,
    SelfEvaluation,
    ThreePublicLine,
    Unit,
    UnitLevel,
    UnitProfile,
    WorkTask,
)
from desktop.domain.scoring import Attainment, IndicatorKind


def indicator(name: str, n: int) -> Indicator:
    return Indicator(
        name=name,
        level1="产出指标",
        level2="数量指标",
        kind=IndicatorKind.AT_MOST if n % 2 else IndicatorKind.EQUAL,
        target=Decimal("90.5") + n,
        target_text=f"≥{90 + n}%",
        unit="%",
        actual=Decimal("0.125") + n,  # more digits than money may have: Decimals stay exact
        actual_text=f"完成{n}",
        attainment=Attainment.PARTLY,
        weight=Decimal("12.5"),
        score=Decimal("11.25"),
        deviation_reason=f"偏差原因{n}",
        applicable=False,
        key=f"ind{n}",
    )


def activity(n: int, task_key: str = "task1", project_key: str = "proj1") -> Activity:
    return Activity(
        title=f"两癌筛查活动第{n}场",
        date=date(2024, 1 + n % 12, 1 + n % 28),
        kind="筛查",
        sessions=1 + n % 3,
        participants=30 + n,
        beneficiaries=20 + n,
        beneficiary_unit=list(BeneficiaryUnit)[n % len(BeneficiaryUnit)],  # every unit over four lines
        money=Decimal(n * 137 + 1) / 100,  # always some 分
        task_key=task_key,
        project_key=project_key,
        notes=f"备注{n}",
        key=f"act{n:06d}",
    )


def rich_report(unit_name: str = "乐山市金口河区妇女联合会", year: int = 2024, activities: int = 3) -> Report:
    achievements = [
        NarrativeBlock(
            title="聚焦思想引领",
            text="一是……",
            blocks=[
                NarrativeBlock(title="（1）宣讲", text="开展宣讲 12 场", blocks=[NarrativeBlock(title="深处", text="三层")]),
                NarrativeBlock(title="（2）培训", text="培训 180 人次"),
            ],
        ),
        NarrativeBlock(title="聚焦维权服务", text="二是……\n第二段"),
    ]
    return Report(
        unit=Unit(name=unit_name, level=UnitLevel.TOWNSHIP, superior="乐山市妇联"),
        fiscal_year=year,
        report_date=date(year + 1, 3, 15),
        outline=Outline.GUANGDONG,
        status=ReportStatus.FINAL,
        rule_set=RuleSet.SICHUAN,
        overlays=["score_cap", "deviation"],
        title=f"{unit_name}{year}年度部门整体支出绩效自评报告",
        profile=UnitProfile(
            full_name=unit_name,
            short_name="金口河区妇联",
            founding_document_title="《内设机构和人员编制规定》",
            founding_document="穗埔办〔2017〕6号",
            nature="群众团体组织",
            internal_bodies=["办公室", "权益部", "发展部"],
            leadership_posts=[LeadershipPost("副主席", 2), LeadershipPost("主席", 1)],
            functions="团结、引导妇女……",
            establishment=Establishment(administrative=3, institutional=2, political_legal=1, worker=1),
            actual_staff=6,
        ),
        tasks=[
            WorkTask(title="思想引领", narrative="举办藤编培训班 4 期", key="task1"),
            WorkTask(title="关爱帮扶", narrative="救助贫困母亲 15 名", key="task2"),
        ],
        activity_kinds=["学习", "筛查", "自定义类别"],
        activities=[activity(n, task_key=f"task{1 + n % 2}") for n in range(activities)],
        department_target=DepartmentTarget(
            text="履职满意率不低于90%",
            indicators=[indicator("履职满意率", 1), indicator("重点工作办结率", 2)],
        ),
        finance=Finance(
            income_lines=[
                IncomeLine("一般公共预算财政拨款收入", Decimal("2197000.00")),
                IncomeLine("其他收入", Decimal("0.01")),
            ],
            income_total=Decimal("2197000.01"),
            expenditure=Expenditure(
                personnel=Decimal("1200000.50"),
                public=Decimal("300000.25"),
                basic=Decimal("1500000.75"),
                project=Decimal("105000.00"),
                total=Decimal("1605000.75"),
            ),
            carry_over_start=Decimal("12.34"),
            carry_over_end=Decimal("-5.67"),  # a negative amount survives too
            budget=Budget(
                initial=Decimal("5000000"),
                adjusted=Decimal("5705400.00"),
                executed=Decimal("5378100.99"),
                adjustment_reason="年中追加",
                low_execution_reason="项目延期",
            ),
            three_public=[
                ThreePublicLine("公务接待费", Decimal("3000.00"), Decimal("2875.50")),
                ThreePublicLine("公务用车购置及运行费", Decimal("0.00"), Decimal("0.00")),
            ],
            previous_income_total=Decimal("6029700.00"),
            previous_expenditure_total=Decimal("5873300.50"),
            share_places=1,
        ),
        projects=[
            Project(
                name="春蕾行动计划经费",
                department="区妇联",
                initial=FundColumn(Decimal("10000"), Decimal("9000"), Decimal("500.5"), Decimal("499.5")),
                adjusted=FundColumn(Decimal("12000"), Decimal("11000"), Decimal("500.5"), Decimal("499.5")),
                executed=FundColumn(Decimal("11999.99"), Decimal("10999.99"), Decimal("500.5"), Decimal("499.5")),
                expected_goal="资助春蕾女童",
                actual_goal="资助 20 名",
                execution_weight=Decimal("12.5"),
                indicators=[indicator("资助人数", 3), indicator("满意度", 4)],
                self_score=Decimal("96.75"),
                analysis="执行良好",
                key="proj1",
            ),
            Project(
                name="贫困母亲救助",
                department="权益部",
                execution_weight=Decimal("20"),
                indicators=[indicator("救助人数", 5)],
                self_score=Decimal("88"),
                analysis="救助 15 名",
                key="proj2",
            ),
        ],
        self_evaluation=SelfEvaluation(
            execution_weight=Decimal("9.5"),
            indicators=[indicator("产出数量", 6), indicator("社会效益", 7), indicator("满意度", 8)],
            entered_total=Decimal("98"),
        ),
        narratives=Narratives(
            overall_work="年度总体工作……",
            finance_comment="预算完成情况较好",
            performance_management="绩效管理……",
            budget_preparation="预算编制……",
            budget_execution="预算执行……",
            final_accounts="决算……",
            project_analysis="项目分析……",
            results_application="结果应用……",
            task_completion="任务完成……",
            project_completion="项目完成……",
            achievements=achievements,
            conclusion="评价结论：优",
        ),
        problems=["预算编制不够细化", "绩效目标不够量化"],
        measures=["加强预算管理"],
    )
