"""What every rule reads: the report, the rule set in force, its overlays and figures derived once."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from functools import cached_property
from typing import Optional

from ..domain import finance as fin
from ..domain.evaluation import department_evaluation
from ..domain.model import Report
from ..domain.money import format_wan, format_yuan, plain_number
from ..rulesets import OutlineRequirements, Overlays, RuleSetSpec

WAN_STEP = Decimal("100")  # an amount that is a whole number of 百元 prints exactly in 万元 to 2 places


def enum_value(value) -> str:
    return value.value if isinstance(value, Enum) else str(value)


def compact_money_text(amount: Optional[Decimal]) -> str:
    """An amount as the clerk reads it: 万元 when exact to 2 places, else 元 to the 分."""
    if amount is None:
        return "（未填）"
    if amount % WAN_STEP == 0:
        return format_wan(amount)
    return format_yuan(amount)


def number_text(value: Optional[Decimal]) -> str:
    return "（未填）" if value is None else plain_number(value)


def is_blank(text) -> bool:
    return not isinstance(text, str) or not text.strip()


@dataclass
class Context:
    report: Report
    rule_set: RuleSetSpec
    overlays: Overlays
    active_overlays: frozenset[str]
    requirements: Optional[OutlineRequirements]
    notes: list = field(default_factory=list)  # issues found while setting up (unknown overlay …)

    def requires(self, figure: str) -> bool:
        return self.requirements is not None and figure in self.requirements.figures

    @cached_property
    def ledger_money_by_project(self) -> dict[str, tuple[int, Decimal]]:
        """(activity count, Σ money) of the activities linked to each project; one pass, no per-row objects."""
        groups: dict[str, list] = {}
        for activity in self.report.activities:
            key = activity.project_key
            if key is None:
                continue
            entry = groups.get(key)
            if entry is None:
                entry = groups[key] = [0, Decimal("0.00")]
            entry[0] += 1
            if activity.money is not None:
                entry[1] += activity.money
        return {key: (count, money) for key, (count, money) in groups.items()}

    @cached_property
    def activities_by_task(self) -> dict[Optional[str], list]:
        groups: dict[Optional[str], list] = {}
        for activity in self.report.activities:
            groups.setdefault(activity.task_key, []).append(activity)
        return groups

    @cached_property
    def execution_rate(self) -> Optional[Decimal]:
        return fin.budget_execution_rate(self.report.finance.budget)

    @cached_property
    def department_total(self) -> Optional[Decimal]:
        """The department's 自评 total: computed from the rows when there are rows, else as entered."""
        return department_evaluation(self.report, self.rule_set).total
