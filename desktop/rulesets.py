"""Every policy number, read once from JSON in resources/rulesets/: rule sets, local overlays, outline requirements.

Validation, the report builder and the window all take their thresholds, weights, score caps and grade
bands from here (a report names its rule set in `report.rule_set`), so the number has one home.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Optional

from .domain.scoring import Grade, GradeBand
from .paths import resources_dir


def rulesets_dir() -> Path:
    return resources_dir() / "rulesets"


def _read(name: str) -> dict:
    with open(rulesets_dir() / name, encoding="utf-8") as handle:
        return json.load(handle)


def _decimal(value) -> Optional[Decimal]:
    return None if value is None else Decimal(str(value))


@dataclass(frozen=True)
class IndicatorGroup:
    """A 一级指标 group (产出 / 效益 / 满意度 / 成本) recognised by keywords in its name."""

    id: str
    name: str
    keywords: tuple[str, ...]
    weight: Optional[Decimal]  # None: free weight inside the indicators' share
    required: bool

    def matches(self, level1: str) -> bool:
        return any(word in level1 for word in self.keywords)


@dataclass(frozen=True)
class ScoreCap:
    below_rate: Decimal
    cap: Decimal


@dataclass(frozen=True)
class ScoreCapRule:
    """The execution-rate cap on the total as the rule set states it: its bands and whether it applies.

    `applies` is the rule set's own choice; a report may still switch the cap on (the "score_cap" overlay)
    when its 财政局 asks for it. Either way the choice is printed with the 自评表 and shown in the window.
    """

    name: str
    applies: bool
    caps: tuple[ScoreCap, ...]  # ascending by rate

    def cap_for(self, rate: Optional[Decimal]) -> Optional[ScoreCap]:
        if rate is None:
            return None
        for cap in self.caps:
            if rate < cap.below_rate:
                return cap
        return None

    def bands_text(self) -> str:
        """"执行率低于 80% 总分不超过 89 分，低于 70% 不超过 79 分…" from the bands themselves."""
        from .domain.money import plain_number

        parts = [f"低于 {plain_number(c.below_rate)}% 不超过 {plain_number(c.cap)} 分" for c in reversed(self.caps)]
        return "执行率" + "，".join(parts)


@dataclass(frozen=True)
class RuleSetSpec:
    """Weights and thresholds of one 自评 rule set (national or a province's variant)."""

    id: str
    name: str
    full_marks: Decimal
    execution_weight: Decimal
    groups: tuple[IndicatorGroup, ...]
    group_weight_severity: str
    low_execution_rate: Decimal  # below this 执行率 a reason is required
    large_project_amount: Decimal  # 元; projects whose budget or spending reaches it need their own analysis
    grade_bands: tuple[GradeBand, ...]  # 评价等级 from the highest band down
    score_cap: ScoreCapRule

    def group_of(self, level1: str) -> Optional[IndicatorGroup]:
        for group in self.groups:
            if group.matches(level1 or ""):
                return group
        return None

    def group(self, group_id: str) -> Optional[IndicatorGroup]:
        return next((g for g in self.groups if g.id == group_id), None)


@lru_cache(maxsize=None)
def load_rule_set(rule_set_id: str) -> RuleSetSpec:
    """The rule set named by Report.rule_set ("national", "sichuan"); KeyError when there is none."""
    safe = "".join(ch for ch in rule_set_id if ch.isalnum() or ch in "_-")
    path = rulesets_dir() / f"{safe}.json"
    if not safe or not path.is_file():
        raise KeyError(rule_set_id)
    data = _read(path.name)
    return RuleSetSpec(
        id=data["id"],
        name=data["name"],
        full_marks=_decimal(data["full_marks"]),
        execution_weight=_decimal(data["execution_weight"]),
        groups=tuple(
            IndicatorGroup(g["id"], g["name"], tuple(g["keywords"]), _decimal(g.get("weight")), bool(g.get("required")))
            for g in data["groups"]
        ),
        group_weight_severity=data.get("group_weight_severity", "warning"),
        low_execution_rate=_decimal(data["low_execution_rate"]),
        large_project_amount=_decimal(data["large_project_amount"]),
        grade_bands=tuple(sorted((GradeBand(_decimal(g["from"]), Grade(g["grade"])) for g in data["grades"]),
                                 key=lambda band: band.lowest, reverse=True)),
        score_cap=_score_cap(data["score_cap"]),
    )


def _score_cap(data: dict) -> ScoreCapRule:
    caps = sorted((ScoreCap(_decimal(c["below_rate"]), _decimal(c["cap"])) for c in data["caps"]),
                  key=lambda c: c.below_rate)
    return ScoreCapRule(name=data["name"], applies=bool(data["applies"]), caps=tuple(caps))


DEFAULT_RULE_SET = "national"


def rule_set_for(report) -> RuleSetSpec:
    """The rule set the report names; the national one when the name is unknown (validation says so)."""
    value = report.rule_set
    try:
        return load_rule_set(getattr(value, "value", None) or str(value))
    except KeyError:
        return load_rule_set(DEFAULT_RULE_SET)


@dataclass(frozen=True)
class Overlays:
    """The local overlays some 财政局 apply; each is switched on per report."""

    names: dict[str, str]  # id → Chinese name ("score_cap" switches on the rule set's own cap bands)
    deviation_ratio: Decimal  # percent of the target at which an actual counts as 偏离
    deviation_penalty: Decimal


@lru_cache(maxsize=None)
def load_overlays() -> Overlays:
    data = _read("overlays.json")
    return Overlays(
        names={key: value["name"] for key, value in data.items()},
        deviation_ratio=_decimal(data["deviation_130"]["ratio"]),
        deviation_penalty=_decimal(data["deviation_130"]["penalty"]),
    )


def score_cap_applies(rule_set: RuleSetSpec, overlays: list[str] | tuple[str, ...]) -> bool:
    """Whether the total is capped by the execution rate: the rule set says so, or the report switched it on."""
    return rule_set.score_cap.applies or "score_cap" in (overlays or ())


def scoring_statement(report) -> str:
    """评分方案 and cap in force, printed under each 自评表 and shown in the window:
    "评分方案：全国通用…；按预算执行率封顶总分：未采用"."""
    spec = rule_set_for(report)
    cap = spec.score_cap
    if score_cap_applies(spec, report.overlays):
        state = f"采用（{cap.bands_text()}）" + ("" if cap.applies else "，本报告启用")
    else:
        state = "未采用"
    return f"评分方案：{spec.name}；{cap.name}：{state}"


@dataclass(frozen=True)
class SectionRequirement:
    """A part of the report the outline prints: at least one of `any_of` (paths under report) is filled."""

    label: str
    any_of: tuple[str, ...]


@dataclass(frozen=True)
class OutlineRequirements:
    name: str
    figures: frozenset[str]  # income, expenditure_split, carry_over, staff, project_list, task_narratives, budget, self_evaluation_total
    sections: tuple[SectionRequirement, ...]


@lru_cache(maxsize=None)
def load_requirements(outline_id: str) -> Optional[OutlineRequirements]:
    """What the outline prints and therefore requires; None for an outline this table does not know."""
    entry = _read("requirements.json").get(outline_id)
    if not isinstance(entry, dict):
        return None
    return OutlineRequirements(
        name=entry["name"],
        figures=frozenset(entry["figures"]),
        sections=tuple(SectionRequirement(s["label"], tuple(s["any_of"])) for s in entry["sections"]),
    )
