"""Totals of the activity ledger (活动台账), per task and per project: the figures the narrative cites."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterable, Optional

from .model import Activity, BeneficiaryUnit

UNSTATED_UNIT = "未注明单位"  # beneficiaries recorded without saying whether they are 人, 人次, 户 or 个
# The order units are listed in: the stated ones as the ledger offers them, the unstated last.
UNIT_ORDER = tuple(u.value for u in BeneficiaryUnit) + (UNSTATED_UNIT,)


def unit_of_count(activity: Activity) -> str:
    """The unit a ledger line counts its beneficiaries in (人/人次/户/个), or UNSTATED_UNIT."""
    unit = getattr(activity, "beneficiary_unit", None)
    return BeneficiaryUnit(unit).value if unit else UNSTATED_UNIT


def by_unit_order(counts: dict[str, int]) -> list[tuple[str, int]]:
    """(unit, count) pairs in UNIT_ORDER, any unknown unit after them by name."""
    rank = {u: i for i, u in enumerate(UNIT_ORDER)}
    return sorted(counts.items(), key=lambda item: (rank.get(item[0], len(rank)), item[0]))


@dataclass(frozen=True)
class LedgerTotals:
    """Σ over activity records: 活动 count, 场次/期, 人次, 受益数 per unit of count, 金额（元）.

    Beneficiaries are never summed across units: 5 个 集体 and 50 人 stay {"人": 50, "个": 5}.
    """

    activities: int = 0
    sessions: int = 0
    participants: int = 0
    beneficiaries: dict[str, int] = field(default_factory=dict)  # 计量单位 → 受益数
    money: Decimal = Decimal("0.00")

    def add(self, activity: Activity) -> "LedgerTotals":
        beneficiaries = self.beneficiaries
        if activity.beneficiaries is not None:
            unit = unit_of_count(activity)
            beneficiaries = {**beneficiaries, unit: beneficiaries.get(unit, 0) + activity.beneficiaries}
        return LedgerTotals(
            activities=self.activities + 1,
            sessions=self.sessions + (activity.sessions or 0),
            participants=self.participants + (activity.participants or 0),
            beneficiaries=beneficiaries,
            money=self.money + (activity.money or Decimal(0)),
        )

    def beneficiaries_text(self, separator: str = "、") -> str:
        """"50人、5个", "36（未注明单位）"; empty when no line counts beneficiaries."""
        return separator.join(f"{n}{unit}" if unit != UNSTATED_UNIT else f"{n}（{UNSTATED_UNIT}）"
                              for unit, n in by_unit_order(self.beneficiaries))


def totals(activities: Iterable[Activity]) -> LedgerTotals:
    result = LedgerTotals()
    for activity in activities:
        result = result.add(activity)
    return result


def totals_by(activities: Iterable[Activity], key: str) -> dict[Optional[str], LedgerTotals]:
    """Totals grouped by an activity attribute ("task_key", "project_key" or "kind") in one pass."""
    groups: dict[Optional[str], LedgerTotals] = {}
    for activity in activities:
        group = getattr(activity, key)
        groups[group] = groups.get(group, LedgerTotals()).add(activity)
    return groups
