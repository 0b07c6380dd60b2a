"""The columns of an indicator table (一级 → 二级 → 三级, target, actual, weight, score)."""

from __future__ import annotations

from ...domain.field_labels import label_of
from ...domain.model import Indicator
from ...domain.scoring import Attainment, IndicatorKind
from ...services.figures import indicator_computed
from ..table_model import Column, Kind

KIND_CHOICES = [(k.symbol, k) for k in IndicatorKind]
ATTAINMENT_CHOICES = [("", None)] + [(a.value, a) for a in Attainment]
LEVEL1_CHOICES = [(x, x) for x in ("产出指标", "效益指标", "满意度指标", "投入指标", "过程指标", "效果指标")]


def indicator_columns() -> list[Column]:
    return [
        Column("level1", "一级指标", Kind.CHOICE, choices=lambda: LEVEL1_CHOICES, width=5),
        Column("level2", "二级指标", width=6),
        Column("name", "三级指标", width=10),
        Column("kind", "性质", Kind.CHOICE, choices=lambda: KIND_CHOICES, width=3),
        Column("target", "指标值", Kind.DECIMAL, tip="定量指标的目标数值，如 90", width=4),
        Column("unit", "单位", width=3),
        Column("target_text", "指标值（文字）", tip="定性指标或按原文填写，如“≥90%”", width=6),
        Column("actual", label_of("self_evaluation.indicators[].actual"), Kind.DECIMAL, width=5),
        Column("actual_text", "实际（文字）", width=6),
        Column("attainment", "达成程度", Kind.CHOICE, choices=lambda: ATTAINMENT_CHOICES, tip="定性指标填写", width=4),
        Column("weight", "分值", Kind.DECIMAL, width=3),
        Column("score", "得分（填写）", Kind.DECIMAL, tip="留空则按公式计算", width=4),
        Column(None, "计算得分", compute=indicator_computed, tip="按指标性质和实际完成值计算的得分", width=4,
               entered_in="“计算得分”按公式得出；如需另定得分，请填写“得分（填写）”一栏"),
        Column("deviation_reason", label_of("self_evaluation.indicators[].deviation_reason"), width=10),
        Column("applicable", "适用", Kind.BOOL, tip="不适用的指标不计分，其余按比例折算为 100 分", width=2),
    ]


def new_indicator(level1: str = "产出指标") -> Indicator:
    return Indicator(name="", level1=level1)
