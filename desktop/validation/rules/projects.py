"""Rules on 项目支出: fund columns vs their sources, execution, large projects, the ledger's money."""

from __future__ import annotations

from typing import Iterator

from ...domain import finance as fin
from ...domain.money import sum_amounts
from ...domain.shares import HUNDRED, format_percent
from ..context import Context, is_blank, compact_money_text
from ..issue import Issue, error, warning

COLUMNS = (("initial", "年初预算数"), ("adjusted", "全年预算数"), ("executed", "全年执行数"))
SOURCES = (("current_year", "当年财政拨款"), ("carried_over", "上年结转资金"), ("other", "其他资金"))


def _name(project) -> str:
    return project.name.strip() or "（未命名项目）"


def fund_columns_add_up(ctx: Context) -> Iterator[Issue]:
    """PRJ-001 each column's 年度资金总额 = 当年财政拨款 + 上年结转 + 其他资金; PRJ-006 no negatives."""
    for i, project in enumerate(ctx.report.projects):
        for attr, label in COLUMNS:
            column = getattr(project, attr)
            parts = fin.fund_sources_sum(column)
            if column.total is not None and parts is not None and column.total != parts:
                yield error(
                    "PRJ-001", f"report.projects[{i}].{attr}.total",
                    f"项目“{_name(project)}”的{label}：资金总额 {compact_money_text(column.total)}，但当年财政拨款 "
                    f"{compact_money_text(column.current_year)} + 上年结转 {compact_money_text(column.carried_over)} + 其他资金 "
                    f"{compact_money_text(column.other)} = {compact_money_text(parts)}，相差 {compact_money_text(column.total - parts)}。",
                    "请核对该列各资金来源与资金总额，使总额等于各来源之和。",
                )
            for source, source_label in (("total", "资金总额"),) + SOURCES:
                value = getattr(column, source)
                if value is not None and value < 0:
                    yield error(
                        "PRJ-006", f"report.projects[{i}].{attr}.{source}",
                        f"项目“{_name(project)}”的{label}{source_label}为负数（{compact_money_text(value)}）。",
                        "金额应为 0 或正数，请更正。",
                    )


def project_named(ctx: Context) -> Iterator[Issue]:
    """PRJ-005 项目名称不能为空."""
    for i, project in enumerate(ctx.report.projects):
        if is_blank(project.name):
            yield error("PRJ-005", f"report.projects[{i}].name", f"第 {i + 1} 个项目没有名称。", "请填写项目名称。")


def large_project_analysed(ctx: Context) -> Iterator[Issue]:
    """PRJ-002 50 万元及以上的项目须单独分析."""
    threshold = ctx.rule_set.large_project_amount
    for i, project in enumerate(ctx.report.projects):
        largest = fin.project_size(project)
        if largest is not None and largest >= threshold and is_blank(project.analysis):
            yield error(
                "PRJ-002", f"report.projects[{i}].analysis",
                f"项目“{_name(project)}”金额 {compact_money_text(largest)}，达到 {compact_money_text(threshold)}，须单独进行绩效分析，但分析为空。",
                "请在该项目的“项目绩效分析”中写明资金使用、目标完成和存在问题。",
            )


def project_execution(ctx: Context) -> Iterator[Issue]:
    """EXE-003 项目执行率 > 100%；EXE-004 项目执行率低于 90% 未说明；ADJ-002 项目预算调整未说明."""
    low = ctx.rule_set.low_execution_rate
    for i, project in enumerate(ctx.report.projects):
        rate = fin.project_execution_rate(project)
        budget = fin.project_budget(project)
        executed = fin.fund_total(project.executed)
        if rate is not None and rate > HUNDRED:
            yield error(
                "EXE-003", f"report.projects[{i}].executed.total",
                f"项目“{_name(project)}”全年执行数 {compact_money_text(executed)} 超过全年预算数 {compact_money_text(budget)}，执行率 {format_percent(rate)}。",
                "执行数不能超过全年（调整后）预算数，请核对。",
            )
        if rate is not None and rate < low and is_blank(project.analysis):
            yield warning(
                "EXE-004", f"report.projects[{i}].analysis",
                f"项目“{_name(project)}”执行率 {format_percent(rate)} 低于 {format_percent(low)}，但没有说明原因。",
                "请在该项目的“项目绩效分析”中说明资金未执行完的原因。",
            )
        initial, adjusted = fin.fund_total(project.initial), fin.fund_total(project.adjusted)
        if initial is not None and adjusted is not None and initial != adjusted and is_blank(project.analysis):
            yield warning(
                "ADJ-002", f"report.projects[{i}].analysis",
                f"项目“{_name(project)}”年初预算 {compact_money_text(initial)} 调整为 {compact_money_text(adjusted)}，但没有说明调整原因。",
                "请在该项目的“项目绩效分析”中说明预算调整的原因。",
            )


def projects_within_project_expenditure(ctx: Context) -> Iterator[Issue]:
    """PRJ-003 各项目执行数之和不应超过本年项目支出."""
    spent = ctx.report.finance.expenditure.project
    executed = [fin.fund_total(p.executed) for p in ctx.report.projects]
    executed = [e for e in executed if e is not None]
    if spent is None or not executed:
        return
    total = sum_amounts(executed)
    if total > spent:
        yield warning(
            "PRJ-003", "report.finance.expenditure.project",
            f"各项目全年执行数合计 {compact_money_text(total)}，超过本年项目支出 {compact_money_text(spent)}。",
            "请核对项目执行数与决算中的项目支出。",
        )


def project_list_when_printed(ctx: Context) -> Iterator[Issue]:
    """PRJ-004 提纲列出项目而有项目支出时，须录入项目."""
    spent = ctx.report.finance.expenditure.project
    if ctx.requires("project_list") and not ctx.report.projects and spent is not None and spent > 0:
        yield error(
            "PRJ-004", "report.projects",
            f"本年项目支出 {compact_money_text(spent)}，但没有录入任何项目，报告中“特定目标类项目绩效分析”将没有内容。",
            "请在“项目支出”中录入纳入绩效评价的项目及其预算、执行数。",
        )


def ledger_money_within_projects(ctx: Context) -> Iterator[Issue]:
    """ACT-006 关联项目的活动金额合计不应超过项目执行数."""
    by_project = ctx.ledger_money_by_project
    for i, project in enumerate(ctx.report.projects):
        linked = by_project.get(project.key)
        executed = fin.fund_total(project.executed)
        if linked is None or executed is None:
            continue
        count, money = linked
        if money > executed:
            yield error(
                "ACT-006", f"report.projects[{i}].executed.total",
                f"活动台账中关联项目“{_name(project)}”的 {count} 条活动金额合计 {compact_money_text(money)}，"
                f"超过该项目全年执行数 {compact_money_text(executed)}。",
                "请核对活动金额或活动关联的项目；若项目执行数有误，请按决算更正。",
            )


RULES = [
    fund_columns_add_up, project_named, large_project_analysed, project_execution,
    projects_within_project_expenditure, project_list_when_printed, ledger_money_within_projects,
]
