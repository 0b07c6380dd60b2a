"""Rules on the 自评 totals: entered vs computed, range, the execution-rate cap overlay, presence."""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from ...domain.evaluation import department_evaluation, project_evaluation
from ...domain.finance import project_execution_rate
from ...domain.shares import format_percent
from ...rulesets import score_cap_applies
from ..context import Context, number_text
from ..issue import Issue, error, warning

TOLERANCE = Decimal("0.01")


def _tables(ctx: Context):
    """(path of the entered total, label, entered, evaluation, execution rate) for each scored table."""
    report = ctx.report
    yield ("report.self_evaluation.entered_total", "部门整体自评", report.self_evaluation.entered_total,
           department_evaluation(report, ctx.rule_set), ctx.execution_rate)
    for i, project in enumerate(report.projects):
        name = project.name.strip() or f"第 {i + 1} 个项目"
        yield (f"report.projects[{i}].self_score", f"项目“{name}”自评", project.self_score,
               project_evaluation(project, ctx.rule_set), project_execution_rate(project))


def total_checks(ctx: Context) -> Iterator[Issue]:
    """SCO-001 填写的总分与表内得分合计不符；SCO-002 总分超出 0–100；SCO-003 执行率封顶（地方规则）；
    SCO-005 未启用封顶规则时，低执行率下的高分须提示."""
    full = ctx.rule_set.full_marks
    capping = score_cap_applies(ctx.rule_set, tuple(ctx.active_overlays))
    rule = ctx.rule_set.score_cap
    for path, label, entered, evaluation, rate in _tables(ctx):
        total = evaluation.total
        if entered is not None and not evaluation.entered and total is not None and abs(entered - total) >= TOLERANCE:
            yield error("SCO-001", path,
                        f"{label}总分填的是 {number_text(entered)} 分，但按自评表各项得分计算为 {number_text(total)} 分。",
                        f"请把总分改为 {number_text(total)}，或核对自评表中各项得分；总分留空时由程序计算。")
        shown = entered if entered is not None else total
        if shown is not None and (shown < 0 or shown > full):
            yield error("SCO-002", path, f"{label}总分 {number_text(shown)} 不在 0–{number_text(full)} 分之间。",
                        "请核对得分。")
            continue
        cap = rule.cap_for(rate) if shown is not None else None
        if cap is not None and shown > cap.cap and not capping:
            # The cap is a choice of the rules in force, never applied silently: when it is off, a high
            # score at a low execution rate is still pointed out, with the rule that would limit it.
            yield warning("SCO-005", path,
                          f"{label}总分为 {number_text(shown)} 分，预算执行率却只有 {format_percent(rate)}。"
                          f"评分方案“{ctx.rule_set.name}”未采用“{rule.name}”，本报告也未启用"
                          f"（执行率低于 {number_text(cap.below_rate)}% 时总分不超过 {number_text(cap.cap)} 分）。",
                          "请核对各项得分是否虚高；如上级财政部门执行该规则，请在“单位概况”页勾选“按预算执行率封顶总分”。")
        if capping and shown is not None:
            if cap is not None and shown > cap.cap:
                yield error("SCO-003", path,
                            f"{label}预算执行率 {format_percent(rate)}，低于 {number_text(cap.below_rate)}%，"
                            f"按“{rule.name}”总分不得超过 {number_text(cap.cap)} 分，现为 {number_text(shown)} 分。",
                            f"请把总分调整到 {number_text(cap.cap)} 分以内，或核对预算执行数。")


def total_when_printed(ctx: Context) -> Iterator[Issue]:
    """SCO-004 提纲打印自评得分和等级时，须有自评表或自评总分."""
    if ctx.requires("self_evaluation_total") and ctx.department_total is None:
        yield error("SCO-004", "report.self_evaluation.entered_total",
                    "报告要写“自评结果为 … 分，达到 … 等级”，但既没有自评表，也没有填写自评总分。",
                    "请填写部门整体支出绩效自评表，或直接填写自评总分。")


RULES = [total_checks, total_when_printed]
