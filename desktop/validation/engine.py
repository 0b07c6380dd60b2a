"""Running the catalogue over a report: choose the rule set, collect every rule's issues, never raise."""

from __future__ import annotations

from typing import Callable, Iterable

from ..domain.model import Report
from .context import Context, enum_value
from .issue import Issue, error, info, sort_key, warning
from ..rulesets import DEFAULT_RULE_SET, load_overlays, load_requirements, load_rule_set
from .rules import CATALOGUE

Rule = Callable[[Context], Iterable[Issue]]


def build_context(report: Report) -> Context:
    """The rule set named by the report (national when unknown), its switched-on overlays, its outline."""
    notes: list[Issue] = []
    rule_set_id = enum_value(report.rule_set)
    try:
        spec = load_rule_set(rule_set_id)
    except KeyError:
        spec = load_rule_set(DEFAULT_RULE_SET)
        notes.append(warning("SYS-002", "report.rule_set", f"没有名为“{rule_set_id}”的评分方案，已按全国通用规则校验。",
                             "请在“单位概况”页的“评分方案”中选择。"))
    overlays = load_overlays()
    active = set()
    for name in report.overlays or []:
        if name in overlays.names:
            active.add(name)
        else:
            notes.append(info("SYS-003", "report.overlays", f"地方规则“{name}”本程序不认识，已忽略。",
                              f"可用的地方规则：{'、'.join(overlays.names.values())}。"))
    return Context(
        report=report,
        rule_set=spec,
        overlays=overlays,
        active_overlays=frozenset(active),
        requirements=load_requirements(enum_value(report.outline)),
        notes=notes,
    )


def run(report: Report, rules: Iterable[Rule] = CATALOGUE) -> list[Issue]:
    """Every issue of the report, sorted by report part and severity. Never raises on bad data:
    a rule that fails is itself reported (SYS-001) so that the other rules' findings still show."""
    if not isinstance(report, Report):
        return [error("SYS-001", "report", "没有可校验的报告。", "请先打开一个单位的年度报告。")]
    try:
        ctx = build_context(report)
    except Exception as exc:  # a damaged resources/rulesets folder: say so instead of failing the editor
        return [error("SYS-001", "report.rule_set", f"评分规则文件无法读取（{type(exc).__name__}）。",
                      "请重新安装本程序，或联系技术支持。")]
    issues: list[Issue] = list(ctx.notes)
    for rule in rules:
        try:
            issues.extend(rule(ctx))
        except Exception as exc:  # a defect in one rule must not hide the rest
            issues.append(error("SYS-001", "report", f"校验项“{(rule.__doc__ or rule.__name__).split()[0]}”未能完成（{type(exc).__name__}）。",
                                "其余校验结果仍然有效。请把数据文件发给技术支持以便修正。"))
    issues.sort(key=sort_key)
    return issues
