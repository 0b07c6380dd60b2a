"""Rules on the indicator rows of the 自评表: scores vs weights and formulas, numbers, units, reasons."""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator, NamedTuple

from ...domain.evaluation import computed_score, unverifiable
from ...domain.model import Indicator
from ...domain.scoring import Attainment, IndicatorKind, qualitative_band, target_met
from ...domain.field_labels import label_of
from ..context import Context, is_blank, number_text
from ..issue import Issue, error, warning

TOLERANCE = Decimal("0.01")  # scores are kept to 0.01; a difference below this is rounding


class Table(NamedTuple):
    """One scored indicator table: the department's 自评表 or a project's."""

    prefix: str  # report.self_evaluation or report.projects[2]
    label: str  # 部门整体自评表 / 项目“春蕾行动计划经费”
    indicators: list[Indicator]
    execution_weight: Decimal


def scored_tables(ctx: Context) -> list[Table]:
    report = ctx.report
    tables = [Table("report.self_evaluation", "部门整体自评表", report.self_evaluation.indicators,
                    report.self_evaluation.execution_weight)]
    for i, project in enumerate(report.projects):
        name = project.name.strip() or f"第 {i + 1} 个项目"
        tables.append(Table(f"report.projects[{i}]", f"项目“{name}”自评表", project.indicators, project.execution_weight))
    return tables


def _label(table: Table, j: int, indicator: Indicator) -> str:
    return f"{table.label}指标“{indicator.name.strip() or f'第 {j + 1} 项'}”"


def _unit(indicator: Indicator) -> str:
    return indicator.unit or ""


def _target_text(indicator: Indicator) -> str:
    if indicator.target is None:
        return indicator.target_text or "（未填）"
    return f"{indicator.kind.symbol}{number_text(indicator.target)}{_unit(indicator)}"


def _missed(indicator: Indicator) -> bool | None:
    """Whether the indicator missed its target; None when that cannot be told."""
    if indicator.kind is IndicatorKind.QUALITATIVE:
        if indicator.attainment is None:
            return None
        return indicator.attainment is not Attainment.ACHIEVED
    if indicator.target is None or indicator.actual is None:
        return None
    return not target_met(indicator.kind, indicator.target, indicator.actual)


def score_checks(ctx: Context) -> Iterator[Issue]:
    """IND-001..006, IND-013: a score within its weight, consistent with the formula of its kind."""
    for table in scored_tables(ctx):
        for j, ind in enumerate(table.indicators):
            if not ind.applicable:
                continue
            path = f"{table.prefix}.indicators[{j}]"
            label = _label(table, j, ind)
            score, weight = ind.score, ind.weight
            if score is None:
                if ind.kind is IndicatorKind.QUALITATIVE and weight is not None:
                    yield error("IND-013", f"{path}.score", f"{label}是定性指标，还没有填写得分。",
                                "请按达成程度打分：达成 80%–100%，部分达成 60%–80%，未达成 0–60% 的分值。")
                continue
            if score < 0:
                yield error("IND-002", f"{path}.score", f"{label}得分为负数（{number_text(score)}）。", "得分应在 0 到分值之间。")
                continue
            if weight is None:
                continue
            if score > weight:
                yield error("IND-001", f"{path}.score",
                            f"{label}得分 {number_text(score)} 超过了分值 {number_text(weight)}。",
                            "得分不能超过该指标的分值，请更正。")
                continue
            missed = _missed(ind)
            if missed and score >= weight and weight > 0:
                yield error(
                    "IND-004", f"{path}.score",
                    f"{label}实际完成值 {_actual_text(ind)} 未达到年度指标值 {_target_text(ind)}，却给了满分 {number_text(score)} 分（自评分虚高）。",
                    "未完成目标的指标不能给满分，请按评分规则扣分后填写得分，并填写偏差原因。",
                )
                continue
            if ind.kind is IndicatorKind.QUALITATIVE:
                if ind.attainment is None:
                    yield warning("IND-006", f"{path}.attainment", f"{label}是定性指标，但没有选择达成程度。",
                                  "请选择“达成”“部分达成”或“未达成”。")
                    continue
                low, high = qualitative_band(ind.attainment, weight)
                if score > high:
                    yield error("IND-003", f"{path}.score",
                                f"{label}为“{ind.attainment.value}”，得分应在 {number_text(low)}–{number_text(high)} 分之间，实际给了 {number_text(score)} 分（偏高）。",
                                f"请把得分调整到 {number_text(low)}–{number_text(high)} 分之间，或修改达成程度。")
                elif score < low:
                    yield warning("IND-005", f"{path}.score",
                                  f"{label}为“{ind.attainment.value}”，得分应在 {number_text(low)}–{number_text(high)} 分之间，实际给了 {number_text(score)} 分（偏低）。",
                                  "请核对得分或达成程度。")
                continue
            expected = computed_score(ind)
            if expected is None:
                continue
            if score - expected >= TOLERANCE:
                yield error("IND-003", f"{path}.score",
                            f"{label}按评分公式（{ind.kind.symbol}，目标 {_target_text(ind)}，实际 {_actual_text(ind)}）应得 "
                            f"{number_text(expected)} 分，实际填了 {number_text(score)} 分（偏高）。",
                            f"请把得分改为 {number_text(expected)}，或核对年度指标值和实际完成值。")
            elif expected - score >= TOLERANCE:
                yield warning("IND-005", f"{path}.score",
                              f"{label}按评分公式应得 {number_text(expected)} 分，实际填了 {number_text(score)} 分（偏低）。",
                              f"请核对得分；如无特殊扣分理由，可改为 {number_text(expected)}。")


def _actual_text(indicator: Indicator) -> str:
    if indicator.kind is IndicatorKind.QUALITATIVE:
        return indicator.attainment.value if indicator.attainment else (indicator.actual_text or "（未填）")
    if indicator.actual is None:
        return f"“{indicator.actual_text}”" if indicator.actual_text else "（未填）"
    return f"{number_text(indicator.actual)}{_unit(indicator)}"


def _quantity_checks(path: str, label: str, ind: Indicator, need_actual: bool) -> Iterator[Issue]:
    if ind.kind is IndicatorKind.QUALITATIVE:
        return
    if ind.target is None:
        shown = f"（现在写的是“{ind.target_text}”）" if ind.target_text.strip() else ""
        yield error("IND-008", f"{path}.target", f"{label}是定量指标，年度指标值没有填数字{shown}。",
                    "请在年度指标值中填写数字（如 90），单位填在“度量单位”中；确属定性的指标请把指标性质改为“定性”。")
    if need_actual and ind.actual is None:
        shown = f"写的是“{ind.actual_text}”" if ind.actual_text.strip() else "为空"
        counted = "；在自评表中该项按 0 分计（标 ※）" if unverifiable(ind) and need_actual else ""
        yield error("IND-007", f"{path}.actual", f"{label}是定量指标，实际完成值{shown}，没有数字{counted}。",
                    "定量指标的实际完成值必须是数字（如 180），不能只写“完成”“已完成”；填写数字后按规则计分。")
    if is_blank(ind.unit):
        yield warning("IND-009", f"{path}.unit", f"{label}是定量指标，但没有度量单位。",
                      "请填写度量单位，如 %、人次、场、个。")


def quantity_checks(ctx: Context) -> Iterator[Issue]:
    """IND-007 定量指标实际值无数字；IND-008 目标值无数字；IND-009 无度量单位；IND-012 无名称."""
    for table in scored_tables(ctx):
        for j, ind in enumerate(table.indicators):
            path = f"{table.prefix}.indicators[{j}]"
            if is_blank(ind.name):
                yield error("IND-012", f"{path}.name", f"{table.label}第 {j + 1} 项指标没有名称。", "请填写三级指标名称。")
            if ind.applicable:
                yield from _quantity_checks(path, _label(table, j, ind), ind, need_actual=True)
    for j, ind in enumerate(ctx.report.department_target.indicators):
        path = f"report.department_target.indicators[{j}]"
        if is_blank(ind.name):
            yield error("IND-012", f"{path}.name", f"部门整体绩效目标第 {j + 1} 项指标没有名称。", "请填写三级指标名称。")
        label = f"部门整体绩效目标指标“{ind.name.strip() or f'第 {j + 1} 项'}”"
        # The target is set at the start of the year; its actual is reported in the 自评表.
        yield from _quantity_checks(path, label, ind, need_actual=False)


def deviation_reasons(ctx: Context) -> Iterator[Issue]:
    """IND-010 未达目标未写偏差原因；IND-011 超过目标 130%（地方规则）未说明."""
    deviation = "deviation_130" in ctx.active_overlays
    ratio = ctx.overlays.deviation_ratio
    for table in scored_tables(ctx):
        for j, ind in enumerate(table.indicators):
            if not ind.applicable or not is_blank(ind.deviation_reason):
                continue
            path = f"{table.prefix}.indicators[{j}].deviation_reason"
            label = _label(table, j, ind)
            if _missed(ind):
                yield warning("IND-010", path,
                              f"{label}实际完成值 {_actual_text(ind)} 未达到年度指标值 {_target_text(ind)}，但没有填写偏差原因。",
                              f"请在“{label_of(path)}”中写明未完成的原因和下一步措施。")
            elif (
                deviation
                and ind.kind in (IndicatorKind.AT_LEAST, IndicatorKind.EQUAL)
                and ind.target is not None and ind.actual is not None and ind.target > 0
                and ind.actual * 100 >= ind.target * ratio
            ):
                yield warning("IND-011", path,
                              f"{label}实际完成值 {_actual_text(ind)} 达到年度指标值 {_target_text(ind)} 的 "
                              f"{number_text((ind.actual * 100 / ind.target).quantize(Decimal('0.1')))}%，超过 {number_text(ratio)}%，属于目标偏离，但没有说明原因。",
                              f"请说明超额完成的原因（目标是否定得过低）；未说明的可能被扣 {number_text(ctx.overlays.deviation_penalty)} 分。")


RULES = [score_checks, quantity_checks, deviation_reasons]
