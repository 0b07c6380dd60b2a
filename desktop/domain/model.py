"""The report of one unit for one fiscal year, as plain dataclasses (no Qt, no SQL).

Amounts are `Money` (Decimal 元 to the 分). A field that a seed report does not print stays None or
empty rather than being invented; derived figures live in the arithmetic modules, not here.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Annotated, Optional

from .scoring import Attainment, IndicatorKind

MONEY = "money"
Money = Annotated[Decimal, MONEY]
"""An amount in 元, exact to the 分 (the exchange file and the database keep it so)."""


def new_key() -> str:
    """A stable identifier for a row that other rows link to (tasks, projects, activities)."""
    return uuid.uuid4().hex[:12]


def internal(default=None, **kwargs):
    """A field kept in memory and in the database but not written to the exchange file."""
    return field(default=default, metadata={"exchange": False}, **kwargs)


class UnitLevel(str, Enum):
    """单位层级."""

    DISTRICT = "区县"
    TOWNSHIP = "乡镇街道"
    CITY = "市"


class BeneficiaryUnit(str, Enum):
    """The unit a ledger line counts its beneficiaries in: 5 个 先进集体 and 50 人 never add up to 55."""

    PERSON = "人"
    VISIT = "人次"
    HOUSEHOLD = "户"
    ITEM = "个"  # 集体、基地、企业 …


class ReportStatus(str, Enum):
    DRAFT = "draft"  # 草稿
    FINAL = "final"  # 定稿


class Outline(str, Enum):
    """Which province's report outline the report follows (the outline files live in resources/)."""

    SICHUAN = "sichuan"
    GUANGDONG = "guangdong"


class RuleSet(str, Enum):
    """Weight scheme of the 自评表: national 执行10/产出50/效益30/满意度10, or Sichuan 执行10 + 指标90."""

    NATIONAL = "national"
    SICHUAN = "sichuan"


@dataclass
class Unit:
    """A Women's Federation unit (妇联), e.g. 乐山市金口河区妇女联合会."""

    name: str
    level: UnitLevel = UnitLevel.DISTRICT
    superior: str = ""  # 上级单位, e.g. 乐山市妇联
    id: Optional[int] = internal()


@dataclass
class Establishment:
    """核定编制 by kind."""

    administrative: int = 0  # 行政编制
    institutional: int = 0  # 事业编制
    political_legal: int = 0  # 政法编制
    worker: int = 0  # 工勤编制

    @property
    def total(self) -> int:
        return self.administrative + self.institutional + self.political_legal + self.worker


@dataclass
class LeadershipPost:
    """领导职数: 主席 1 名."""

    title: str
    count: int = 1


@dataclass
class UnitProfile:
    """部门概况 as it stands in the report's year (copied forward to the next year)."""

    full_name: str = ""  # 广州市黄埔区妇女联合会
    short_name: str = ""  # 黄埔区妇联
    founding_document_title: str = ""  # 《…内设机构和人员编制规定》
    founding_document: str = ""  # 穗埔办〔2017〕6号
    nature: str = ""  # 单位性质：为…领导下的…群众团体组织
    internal_bodies: list[str] = field(default_factory=list)  # 办公室、权益部…
    leadership_posts: list[LeadershipPost] = field(default_factory=list)
    functions: str = ""  # 主要职能
    establishment: Establishment = field(default_factory=Establishment)
    actual_staff: Optional[int] = None  # 年末财政实际供养在职人数


@dataclass
class WorkTask:
    """A key work task (年度主要工作任务 / 重点工作任务) with the clerk's narrative."""

    title: str
    narrative: str = ""
    key: str = field(default_factory=new_key)


DEFAULT_ACTIVITY_KINDS = [
    "学习", "会议", "培训", "宣讲", "评选", "慰问", "救助", "筛查", "调解", "募捐", "志愿服务", "其他",
]


@dataclass
class Activity:
    """One line of the activity ledger (活动台账)."""

    title: str
    date: Optional[date] = None
    kind: str = ""
    sessions: Optional[int] = None  # 场次 / 期
    participants: Optional[int] = None  # 参与人次
    beneficiaries: Optional[int] = None  # 受益数, counted in beneficiary_unit
    # 受益的计量单位; None in lines recorded before the ledger had one (未注明单位).
    beneficiary_unit: Optional[BeneficiaryUnit] = None
    money: Optional[Money] = None  # 金额（元）
    task_key: Optional[str] = None  # linked WorkTask.key
    project_key: Optional[str] = None  # linked Project.key
    notes: str = ""
    key: str = field(default_factory=new_key)


@dataclass
class Indicator:
    """One 三级 indicator of an indicator tree (一级 → 二级 → 三级)."""

    name: str  # 三级指标
    level1: str = ""  # 一级指标: 产出指标 / 效益指标 / 满意度指标
    level2: str = ""  # 二级指标: 数量指标 / 质量指标 / 社会效益指标 …
    kind: IndicatorKind = IndicatorKind.AT_LEAST
    target: Optional[Decimal] = None  # 年度指标值 (quantitative)
    target_text: str = ""  # 年度指标值 as words (qualitative, or as printed)
    unit: str = ""  # 度量单位: %, 人次, 场 …
    actual: Optional[Decimal] = None  # 实际完成值 (quantitative)
    actual_text: str = ""  # 实际完成值 as words
    attainment: Optional[Attainment] = None  # qualitative: 达成 / 部分达成 / 未达成
    weight: Optional[Decimal] = None  # 分值
    score: Optional[Decimal] = None  # 得分 (as the clerk entered it)
    deviation_reason: str = ""  # 偏差原因分析及改进措施
    applicable: bool = True  # False: dropped, the rest rescaled to 100
    key: str = field(default_factory=new_key)


@dataclass
class DepartmentTarget:
    """部门整体支出绩效目标: the stated aim and its indicators (履职满意率 ≥ 90%)."""

    text: str = ""
    indicators: list[Indicator] = field(default_factory=list)


STANDARD_INCOME_SOURCES = [
    "一般公共预算财政拨款收入",
    "政府性基金预算财政拨款收入",
    "国有资本经营预算财政拨款收入",
    "上级补助收入",
    "事业收入",
    "经营收入",
    "附属单位上缴收入",
    "其他收入",
]


@dataclass
class IncomeLine:
    """本年收入 by source."""

    source: str
    amount: Optional[Money] = None


@dataclass
class Expenditure:
    """本年支出: 基本支出 (人员经费 + 公用经费) and 项目支出.

    `basic` and `total` hold the figures as printed in the 决算; left None, they follow from their
    parts. Seed 000 prints 基本支出 without its split, so every part may stay empty.
    """

    personnel: Optional[Money] = None  # 人员经费
    public: Optional[Money] = None  # 公用经费
    basic: Optional[Money] = None  # 基本支出
    project: Optional[Money] = None  # 项目支出
    total: Optional[Money] = None  # 本年支出合计


@dataclass
class Budget:
    """全年预算 vs 执行 (部门整体)."""

    initial: Optional[Money] = None  # 年初预算数
    adjusted: Optional[Money] = None  # 全年(调整后)预算数
    executed: Optional[Money] = None  # 全年执行数
    adjustment_reason: str = ""  # 年中调整的说明
    low_execution_reason: str = ""  # 执行率低于 90% 的原因


THREE_PUBLIC_ITEMS = ["因公出国（境）费", "公务用车购置及运行费", "公务接待费"]


@dataclass
class ThreePublicLine:
    """三公经费 one item: budget and actual."""

    item: str
    budget: Optional[Money] = None
    actual: Optional[Money] = None


@dataclass
class Finance:
    """部门财政资金收支: income, expenditure, carry-over, budget execution, 三公经费."""

    income_lines: list[IncomeLine] = field(default_factory=list)
    income_total: Optional[Money] = None  # 本年收入总计 as printed; None → Σ lines
    expenditure: Expenditure = field(default_factory=Expenditure)
    carry_over_start: Optional[Money] = None  # 年初结转结余
    carry_over_end: Optional[Money] = None  # 年末结转结余
    budget: Budget = field(default_factory=Budget)
    three_public: list[ThreePublicLine] = field(default_factory=list)
    # Last year's totals, for "比上年增加…，增长…%": taken from last year's report when the year is
    # started from it, or entered by the clerk. None: unknown, and no comparison is printed.
    previous_income_total: Optional[Money] = None  # 上年收入总计
    previous_expenditure_total: Optional[Money] = None  # 上年支出合计
    # Decimals of the shares (占比) the report prints, as the clerk chose: None prints 34.8% and 100%
    # (trailing zeros dropped, as the seeds); 1 prints 94.0% and 6.0%; 2 prints 93.96%.
    share_places: Optional[int] = None


@dataclass
class FundColumn:
    """One column of a project's funds (年初预算数 / 全年预算数 / 全年执行数) by source.

    `total` is the 年度资金总额 as printed; None → the sum of the sources.
    """

    total: Optional[Money] = None
    current_year: Optional[Money] = None  # 当年财政拨款
    carried_over: Optional[Money] = None  # 上年结转资金
    other: Optional[Money] = None  # 其他资金


@dataclass
class Project:
    """A 项目支出 with its 项目支出绩效自评表 (附1)."""

    name: str
    department: str = ""  # 实施单位
    initial: FundColumn = field(default_factory=FundColumn)
    adjusted: FundColumn = field(default_factory=FundColumn)
    executed: FundColumn = field(default_factory=FundColumn)
    expected_goal: str = ""  # 年度总体目标：预期目标
    actual_goal: str = ""  # 年度总体目标：实际完成情况
    execution_weight: Decimal = Decimal("10")  # 预算执行率 分值
    indicators: list[Indicator] = field(default_factory=list)
    self_score: Optional[Decimal] = None  # 自评得分 entered when the table is kept elsewhere
    analysis: str = ""  # own analysis (required for projects ≥ 50万)
    key: str = field(default_factory=new_key)


@dataclass
class SelfEvaluation:
    """部门整体支出绩效自评表: the indicator tree, or only a total when the table is kept elsewhere."""

    execution_weight: Decimal = Decimal("10")  # 预算执行率 分值
    indicators: list[Indicator] = field(default_factory=list)
    entered_total: Optional[Decimal] = None  # 自评得分 as the clerk states it (seed 004: 98)


@dataclass
class NarrativeBlock:
    """A titled block of clerk-written text; blocks nest (主要工作成效 5.(1)); numbers come from the program."""

    title: str = ""
    text: str = ""
    blocks: list[NarrativeBlock] = field(default_factory=list)


@dataclass
class Narratives:
    """The clerk-written text sections. Paragraphs are separated by a newline."""

    overall_work: str = ""  # 年度总体工作 (introduces the key tasks)
    finance_comment: str = ""  # after the budget execution sentence: 预算完成情况较好…
    performance_management: str = ""  # 部门整体绩效管理情况
    budget_preparation: str = ""  # 预算编制
    budget_execution: str = ""  # 预算执行
    final_accounts: str = ""  # 决算
    project_analysis: str = ""  # 特定目标类项目绩效分析
    results_application: str = ""  # 结果应用情况
    task_completion: str = ""  # 各项工作任务绩效目标完成情况分析
    project_completion: str = ""  # 各重点任务项目支出完成情况分析
    achievements: list[NarrativeBlock] = field(default_factory=list)  # 主要工作成效
    conclusion: str = ""  # 评价结论


@dataclass
class Report:
    """部门整体支出绩效自评报告: one unit, one fiscal year, and every record behind it."""

    unit: Unit
    fiscal_year: int
    report_date: Optional[date] = None
    outline: Outline = Outline.SICHUAN
    status: ReportStatus = ReportStatus.DRAFT
    rule_set: RuleSet = RuleSet.NATIONAL
    overlays: list[str] = field(default_factory=list)  # switched-on local rules, e.g. "score_cap"
    title: str = ""  # overrides the generated title when set
    profile: UnitProfile = field(default_factory=UnitProfile)
    tasks: list[WorkTask] = field(default_factory=list)
    activity_kinds: list[str] = field(default_factory=lambda: list(DEFAULT_ACTIVITY_KINDS))
    activities: list[Activity] = field(default_factory=list)
    department_target: DepartmentTarget = field(default_factory=DepartmentTarget)
    finance: Finance = field(default_factory=Finance)
    projects: list[Project] = field(default_factory=list)
    self_evaluation: SelfEvaluation = field(default_factory=SelfEvaluation)
    narratives: Narratives = field(default_factory=Narratives)
    problems: list[str] = field(default_factory=list)  # 存在问题
    measures: list[str] = field(default_factory=list)  # 改进建议 / 下一步改进措施
    id: Optional[int] = internal()
    # The stored revision this copy was loaded at or last saved as; a save names it, and is refused when
    # the stored report has moved on since (another window, a second program, an import).
    revision: Optional[int] = internal(compare=False)

    def task(self, key: str | None) -> WorkTask | None:
        return next((t for t in self.tasks if t.key == key), None)

    def project(self, key: str | None) -> Project | None:
        return next((p for p in self.projects if p.key == key), None)
