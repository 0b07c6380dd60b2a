"""The district's view of its townships (区县汇总): who has reported, their figures, and the district's sums.

Beneficiaries are kept per unit of count (人 / 人次 / 户 / 个): a district total never adds 人 to 户.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Iterable, Optional

from .ledger import UNSTATED_UNIT, by_unit_order, unit_of_count
from .model import Activity, Report, RuleSet, SelfEvaluation, Unit
from .scoring import Grade


@dataclass
class Tally:
    """Σ over activity records of one group: 活动数, 场次, 参与人次, 受益（按计量单位）, 金额（元）."""

    activities: int = 0
    sessions: int = 0
    participants: int = 0
    beneficiaries: dict[str, int] = field(default_factory=dict)  # 计量单位 → 受益数
    money: Decimal = Decimal("0.00")

    def merged(self, other: "Tally") -> "Tally":
        beneficiaries = dict(self.beneficiaries)
        for unit, count in other.beneficiaries.items():
            beneficiaries[unit] = beneficiaries.get(unit, 0) + count
        return Tally(
            self.activities + other.activities,
            self.sessions + other.sessions,
            self.participants + other.participants,
            beneficiaries,
            self.money + other.money,
        )


def merge_all(tallies: Iterable[Tally]) -> Tally:
    result = Tally()
    for tally in tallies:
        result = result.merged(tally)
    return result


def merge_groups(groups: Iterable[dict[str, Tally]]) -> dict[str, Tally]:
    """Group-wise sums over several townships, groups in order of first appearance."""
    result: dict[str, Tally] = {}
    for group in groups:
        for name, tally in group.items():
            result[name] = result.get(name, Tally()).merged(tally)
    return result


@dataclass
class TownshipFigures:
    """One township's year in the figures the district looks at."""

    unit: Unit
    totals: Tally
    by_kind: dict[str, Tally]  # 活动类别 → sums
    by_task: dict[str, Tally]  # 工作任务（主题）标题 → sums; activities without a task under "未归入任务"
    budget_adjusted: Optional[Decimal]  # 全年预算数
    budget_executed: Optional[Decimal]  # 全年执行数
    self_evaluation: SelfEvaluation  # the 自评表, scored by the services under the report's rule set
    rule_set: RuleSet
    self_score: Optional[Decimal] = None
    grade: Optional[Grade] = None


class SubmissionState(str, Enum):
    """报送状态 of a township for the year."""

    SUBMITTED = "已报送"
    MISSING = "未报送"
    FAULTY = "有错误"


@dataclass(frozen=True)
class Submission:
    """The last file collected from a township for a year and how it checked."""

    unit_id: int
    fiscal_year: int
    file_name: str
    file_date: Optional[datetime]  # the envelope's exported_at
    collected_at: datetime
    integrity: str  # Integrity name: VERIFIED / UNVERIFIED
    refusal: str  # why the latest file was refused ("" when it was imported)
    error_count: int
    warning_count: int
    rule_codes: tuple[str, ...]


def submission_state(submission: Optional[Submission], has_report: bool) -> SubmissionState:
    """未报送 without a report; 有错误 when the last file was refused or its report has errors."""
    if submission is not None and (submission.refusal or submission.error_count):
        return SubmissionState.FAULTY
    return SubmissionState.SUBMITTED if has_report else SubmissionState.MISSING


@dataclass
class DistrictSummary:
    """全区汇总: the townships' rows and their sums by activity kind and by task theme."""

    district: str
    fiscal_year: int
    townships: list[TownshipFigures]

    @property
    def totals(self) -> Tally:
        return merge_all(t.totals for t in self.townships)

    @property
    def by_kind(self) -> dict[str, Tally]:
        return merge_groups(t.by_kind for t in self.townships)

    @property
    def by_task(self) -> dict[str, Tally]:
        return merge_groups(t.by_task for t in self.townships)

    @property
    def budget_executed(self) -> Decimal:
        return sum((t.budget_executed or Decimal(0) for t in self.townships), Decimal("0.00"))

    @property
    def budget_adjusted(self) -> Decimal:
        return sum((t.budget_adjusted or Decimal(0) for t in self.townships), Decimal("0.00"))

    def beneficiary_units(self) -> list[str]:
        """Every unit of count that occurs, in a stable order (人, 人次, 户, 个 first)."""
        seen = {u: 0 for t in self.townships for u in t.totals.beneficiaries}
        return [u for u, _ in by_unit_order(seen)]


NO_TASK = "未归入任务"


def tally_of(activity: Activity) -> Tally:
    beneficiaries = {unit_of_count(activity): activity.beneficiaries} if activity.beneficiaries is not None else {}
    return Tally(1, activity.sessions or 0, activity.participants or 0, beneficiaries, activity.money or Decimal("0.00"))


def figures_of(report: Report) -> TownshipFigures:
    """A township's figures from its report in memory (a file being collected, before it is stored)."""
    titles = {task.key: task.title for task in report.tasks}
    by_kind: dict[str, Tally] = {}
    by_task: dict[str, Tally] = {}
    for activity in report.activities:
        tally = tally_of(activity)
        kind = activity.kind or "其他"
        by_kind[kind] = by_kind.get(kind, Tally()).merged(tally)
        task = titles.get(activity.task_key, NO_TASK) if activity.task_key else NO_TASK
        by_task[task] = by_task.get(task, Tally()).merged(tally)
    return TownshipFigures(
        unit=report.unit,
        totals=merge_all(by_kind.values()),
        by_kind=by_kind,
        by_task=by_task,
        budget_adjusted=report.finance.budget.adjusted,
        budget_executed=report.finance.budget.executed,
        self_evaluation=report.self_evaluation,
        rule_set=report.rule_set,
    )
