"""Rules on the shape of an indicator table: weights per the rule set in force, 产出 and 效益 present."""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from ...domain.evaluation import weight_total
from ...domain.model import Indicator
from ..context import Context, number_text
from ..issue import Issue, Severity, error, warning
from .indicators import Table, scored_tables


def _weights(indicators: list[Indicator]) -> Decimal:
    return sum((i.weight for i in indicators if i.weight is not None), Decimal(0))


def weight_checks(ctx: Context) -> Iterator[Issue]:
    """WGT-001 分值合计须为 100；WGT-002 预算执行分值；WGT-003 一级指标分值；WGT-004 指标缺分值."""
    spec = ctx.rule_set
    for table in scored_tables(ctx):
        if not table.indicators:
            continue  # the table is kept elsewhere; only its total is entered
        for j, ind in enumerate(table.indicators):
            if ind.applicable and (ind.weight is None or ind.weight <= 0):
                shown = "没有填分值" if ind.weight is None else f"分值为 {number_text(ind.weight)}"
                yield error("WGT-004", f"{table.prefix}.indicators[{j}].weight",
                            f"{table.label}指标“{ind.name.strip() or j + 1}”{shown}。",
                            "每项适用的指标都要有大于 0 的分值；不适用的指标请勾选“不适用”。")
        if table.execution_weight != spec.execution_weight:
            yield error("WGT-002", f"{table.prefix}.execution_weight",
                        f"{table.label}中预算执行率分值为 {number_text(table.execution_weight)}，"
                        f"按“{spec.name}”应为 {number_text(spec.execution_weight)}。",
                        f"请把预算执行率的分值改为 {number_text(spec.execution_weight)}。")
        total = weight_total(table.execution_weight, table.indicators)
        indicator_sum = total - table.execution_weight
        if total != spec.full_marks:
            yield error("WGT-001", f"{table.prefix}.indicators",
                        f"{table.label}分值合计为 {number_text(total)}（预算执行 {number_text(table.execution_weight)} + "
                        f"绩效指标 {number_text(indicator_sum)}），应为 {number_text(spec.full_marks)}。",
                        f"请调整各指标分值，使绩效指标分值合计为 {number_text(spec.full_marks - spec.execution_weight)}。")
        yield from _group_weights(ctx, table)


def _group_weights(ctx: Context, table: Table) -> Iterator[Issue]:
    spec = ctx.rule_set
    severity = Severity.ERROR if spec.group_weight_severity == "error" else Severity.WARNING
    for group in spec.groups:
        if group.weight is None:
            continue
        members = [(j, i) for j, i in enumerate(table.indicators) if spec.group_of(i.level1) is group]
        if not members:
            continue  # a missing group is reported by the structure rule
        got = _weights([i for _, i in members])
        if got != group.weight:
            yield Issue("WGT-003", severity, f"{table.prefix}.indicators[{members[0][0]}].weight",
                         f"{table.label}中{group.name}分值合计为 {number_text(got)}，按“{spec.name}”应为 {number_text(group.weight)}。",
                         f"请调整{group.name}下各指标的分值，使其合计为 {number_text(group.weight)}。")


def structure_checks(ctx: Context) -> Iterator[Issue]:
    """STR-001 无产出指标；STR-002 无效益指标；STR-003 满意度代替效益；STR-004 一级指标不可识别."""
    spec = ctx.rule_set
    satisfaction = spec.group("satisfaction")
    benefit = spec.group("benefit")
    for table in scored_tables(ctx):
        if not table.indicators:
            continue
        present = set()
        for j, ind in enumerate(table.indicators):
            group = spec.group_of(ind.level1)
            if group is None:
                yield warning("STR-004", f"{table.prefix}.indicators[{j}].level1",
                              f"{table.label}指标“{ind.name.strip() or j + 1}”的一级指标“{ind.level1}”不是"
                              f"{'、'.join(g.name for g in spec.groups)}之一。",
                              "请选择正确的一级指标。")
                continue
            if group is benefit and satisfaction is not None and (
                satisfaction.matches(ind.level2) or satisfaction.matches(ind.name)
            ):
                yield error("STR-003", f"{table.prefix}.indicators[{j}].level1",
                            f"{table.label}把满意度指标“{ind.name}”列在了{benefit.name}下：满意度不能代替效益。",
                            f"请把该指标移到{satisfaction.name}，并为{benefit.name}另设社会效益等指标。")
                continue
            present.add(group.id)
        for group in spec.groups:
            if not group.required or group.id in present:
                continue
            if group is benefit and satisfaction is not None and satisfaction.id in present:
                yield error("STR-003", f"{table.prefix}.indicators",
                            f"{table.label}没有{benefit.name}，只有{satisfaction.name}：满意度不能代替效益。",
                            f"请增加{benefit.name}（如社会效益指标：妇女儿童受益情况）。")
            else:
                code = {"output": "STR-001", "benefit": "STR-002"}.get(group.id, "STR-005")
                yield error(code, f"{table.prefix}.indicators", f"{table.label}没有{group.name}。",
                            f"请至少设置一项{group.name}。")


RULES = [weight_checks, structure_checks]
