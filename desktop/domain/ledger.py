"""Totals of the activity ledger (活动台账), per task and per project: the figures the narrative cites."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable, Optional

from .model import Activity


@dataclass(frozen=True)
class LedgerTotals:
    """Σ over activity records: 活动 count, 场次/期, 人次, 受益人数, 金额（元）."""

    activities: int = 0
    sessions: int = 0
    participants: int = 0
    beneficiaries: int = 0
    money: Decimal = Decimal("0.00")

    def add(self, activity: Activity) -> "LedgerTotals":
        return LedgerTotals(
            activities=self.activities + 1,
            sessions=self.sessions + (activity.sessions or 0),
            participants=self.participants + (activity.participants or 0),
            beneficiaries=self.beneficiaries + (activity.beneficiaries or 0),
            money=self.money + (activity.money or Decimal(0)),
        )


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
