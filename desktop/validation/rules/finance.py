"""Rules on 部门财政资金收支: totals vs their rows, the balance equation, shares, budget execution."""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from ...domain import finance as fin
from ...domain.money import sum_amounts
from ...domain.shares import HUNDRED, format_percent, shares
from ...domain.field_labels import label_of
from ..context import Context, is_blank, compact_money_text
from ..issue import Issue, error, warning

F = "report.finance"


def income_total_matches_lines(ctx: Context) -> Iterator[Issue]:
    """INC-001 本年收入总计 = Σ 收入来源."""
    finance = ctx.report.finance
    lines = fin.income_lines_sum(finance)
    if finance.income_total is not None and lines is not None and finance.income_total != lines:
        yield error(
            "INC-001", f"{F}.income_total",
            f"{label_of('finance.income_total')}填的是 {compact_money_text(finance.income_total)}，但各项收入合计为 {compact_money_text(lines)}，"
            f"相差 {compact_money_text(finance.income_total - lines)}。",
            "请核对各项收入金额与收入总计，使总计等于各项之和；若总计留空，程序会自动合计。",
        )


def income_lines_not_negative(ctx: Context) -> Iterator[Issue]:
    """INC-002 收入不能为负数."""
    for i, line in enumerate(ctx.report.finance.income_lines):
        if line.amount is not None and line.amount < 0:
            yield error(
                "INC-002", f"{F}.income_lines[{i}].amount",
                f"收入“{line.source}”为负数（{compact_money_text(line.amount)}）。",
                "收入金额应为 0 或正数，请按决算报表更正。",
            )


def income_present_when_printed(ctx: Context) -> Iterator[Issue]:
    """INC-003 提纲打印收入情况时，必须填写本年收入."""
    if ctx.requires("income") and fin.income_total(ctx.report.finance) is None:
        yield error(
            "INC-003", f"{F}.income_lines",
            "报告要写“部门财政资金收入情况”，但还没有填写本年收入。",
            "请在“收支情况”中按决算报表填写各项收入（一般公共预算财政拨款收入、其他收入等）。",
        )


def expenditure_total_matches_parts(ctx: Context) -> Iterator[Issue]:
    """EXP-001 本年支出合计 = 基本支出 + 项目支出."""
    exp = ctx.report.finance.expenditure
    parts = fin.expenditure_parts_sum(exp)
    if exp.total is not None and parts is not None and exp.total != parts:
        yield error(
            "EXP-001", f"{F}.expenditure.total",
            f"本年支出合计填的是 {compact_money_text(exp.total)}，但基本支出 {compact_money_text(fin.basic_total(exp))} + "
            f"项目支出 {compact_money_text(exp.project)} = {compact_money_text(parts)}，相差 {compact_money_text(exp.total - parts)}。",
            "请核对基本支出、项目支出与支出合计，使合计等于两者之和。",
        )


def basic_matches_personnel_and_public(ctx: Context) -> Iterator[Issue]:
    """EXP-002 基本支出 = 人员经费 + 公用经费."""
    exp = ctx.report.finance.expenditure
    parts = fin.basic_parts_sum(exp)
    if exp.basic is not None and parts is not None and exp.basic != parts:
        yield error(
            "EXP-002", f"{F}.expenditure.basic",
            f"基本支出填的是 {compact_money_text(exp.basic)}，但人员经费 {compact_money_text(exp.personnel)} + "
            f"公用经费 {compact_money_text(exp.public)} = {compact_money_text(parts)}，相差 {compact_money_text(exp.basic - parts)}。",
            "请核对人员经费和公用经费，使基本支出等于两者之和；只知道基本支出时，可把人员经费和公用经费都留空。",
        )


def expenditure_split_when_printed(ctx: Context) -> Iterator[Issue]:
    """EXP-003 提纲打印支出结构时，基本支出和项目支出都要填写."""
    if not ctx.requires("expenditure_split"):
        return
    exp = ctx.report.finance.expenditure
    if fin.basic_total(exp) is None:
        yield error(
            "EXP-003", f"{F}.expenditure.basic",
            "报告要写“基本支出 … 占 …%”，但还没有填写基本支出。",
            "请按决算报表填写基本支出（或人员经费和公用经费）；没有时填 0。",
        )
    if exp.project is None:
        yield error(
            "EXP-003", f"{F}.expenditure.project",
            "报告要写“项目支出 … 占 …%”，但还没有填写项目支出。",
            "请按决算报表填写项目支出；没有项目支出时填 0。",
        )


def expenditure_not_negative(ctx: Context) -> Iterator[Issue]:
    """EXP-004 支出各项不能为负数."""
    exp = ctx.report.finance.expenditure
    names = {"personnel": "人员经费", "public": "公用经费", "basic": "基本支出", "project": "项目支出", "total": "本年支出合计"}
    for attr, name in names.items():
        value = getattr(exp, attr)
        if value is not None and value < 0:
            yield error("EXP-004", f"{F}.expenditure.{attr}", f"{name}为负数（{compact_money_text(value)}）。",
                        "支出金额应为 0 或正数，请按决算报表更正。")


def balance_holds(ctx: Context) -> Iterator[Issue]:
    """BAL-001 年初结转结余 + 本年收入 = 本年支出 + 年末结转结余."""
    balance = fin.balance(ctx.report.finance)
    if balance is None or balance.holds:
        return
    yield error(
        "BAL-001", f"{F}.carry_over_end",
        f"收支不平衡：年初结转结余 {compact_money_text(balance.carry_over_start)} + 本年收入 {compact_money_text(balance.income)} = "
        f"{compact_money_text(balance.carry_over_start + balance.income)}，而本年支出 {compact_money_text(balance.expenditure)} + "
        f"年末结转结余 {compact_money_text(balance.carry_over_end)} = {compact_money_text(balance.expenditure + balance.carry_over_end)}，"
        f"相差 {compact_money_text(balance.difference)}。",
        "请核对收入、支出和年初、年末结转结余，使“年初结转结余 + 本年收入 = 本年支出 + 年末结转结余”。",
    )


def carry_over_when_printed(ctx: Context) -> Iterator[Issue]:
    """BAL-002 提纲打印结转结余时，年末结转结余要填写（没有填 0）."""
    if ctx.requires("carry_over") and ctx.report.finance.carry_over_end is None:
        yield error(
            "BAL-002", f"{F}.carry_over_end",
            "报告要写“部门财政资金结转结余情况”，但还没有填写年末结转结余。",
            "请按决算报表填写年末结转结余；没有结转结余时填 0。",
        )


def carry_over_not_negative(ctx: Context) -> Iterator[Issue]:
    """BAL-003 结转结余不能为负数."""
    finance = ctx.report.finance
    for attr, name in (("carry_over_start", "年初结转结余"), ("carry_over_end", "年末结转结余")):
        value = getattr(finance, attr)
        if value is not None and value < 0:
            yield error("BAL-003", f"{F}.{attr}", f"{name}为负数（{compact_money_text(value)}）。",
                        "结转结余应为 0 或正数，请按决算报表更正。")


def shares_add_up(ctx: Context) -> Iterator[Issue]:
    """SHR-001 占比之和必须为 100%（有负数或合计为 0 时占比无法计算）."""
    finance = ctx.report.finance
    amounts = [line.amount for line in finance.income_lines if line.amount is not None]
    if amounts and sum_amounts(amounts) != 0:
        result = shares(amounts)
        if sum(result, Decimal(0)) != HUNDRED:
            yield error(
                "SHR-001", f"{F}.income_lines",
                f"各项收入的占比无法合计为 100%（各项收入合计 {compact_money_text(sum_amounts(amounts))}，其中有负数）。",
                "请更正为负数的收入项目。",
            )
    exp = finance.expenditure
    basic, project = fin.basic_total(exp), exp.project
    if basic is not None and project is not None and basic + project != 0:
        result = shares([basic, project])
        if sum(result, Decimal(0)) != HUNDRED:
            yield error(
                "SHR-001", f"{F}.expenditure",
                f"基本支出 {compact_money_text(basic)} 与项目支出 {compact_money_text(project)} 的占比无法合计为 100%。",
                "请更正为负数的支出金额。",
            )


def execution_rate_checks(ctx: Context) -> Iterator[Issue]:
    """EXE-001 执行率 > 100%；EXE-002 执行率低于 90% 未说明原因."""
    budget = ctx.report.finance.budget
    rate = ctx.execution_rate
    if rate is None:
        return
    base = budget.adjusted if budget.adjusted is not None else budget.initial
    if rate > HUNDRED:
        yield error(
            "EXE-001", f"{F}.budget.executed",
            f"全年执行数 {compact_money_text(budget.executed)} 超过全年预算数 {compact_money_text(base)}，执行率 {format_percent(rate)}，超过 100%。",
            "执行数不能超过调整后的全年预算数，请核对执行数和预算数（预算有追加时请填调整后预算数）。",
        )
    low = ctx.rule_set.low_execution_rate
    if rate < low and is_blank(budget.low_execution_reason):
        yield error(
            "EXE-002", f"{F}.budget.low_execution_reason",
            f"预算执行率 {format_percent(rate)}（执行数 {compact_money_text(budget.executed)} ÷ 预算数 {compact_money_text(base)}）"
            f"低于 {format_percent(low)}，但没有说明原因。",
            "请在“执行率偏低原因”中写明未执行完的原因和改进措施。",
        )


def adjustment_explained(ctx: Context) -> Iterator[Issue]:
    """ADJ-001 年中调整预算须有说明."""
    budget = ctx.report.finance.budget
    if fin.budget_was_adjusted(budget) and is_blank(budget.adjustment_reason):
        yield error(
            "ADJ-001", f"{F}.budget.adjustment_reason",
            f"年初预算数 {compact_money_text(budget.initial)} 年中调整为 {compact_money_text(budget.adjusted)}"
            f"（{'增加' if budget.adjusted > budget.initial else '减少'} {compact_money_text(abs(budget.adjusted - budget.initial))}），但没有说明调整原因。",
            f"请在“{label_of('finance.budget.adjustment_reason')}”中写明调整的原因和依据（如追加项目、上级补助等）。",
        )


def budget_when_printed(ctx: Context) -> Iterator[Issue]:
    """BUD-001 提纲打印“全年预算数/执行数”时必须填写；BUD-002 预算数不能为负."""
    budget = ctx.report.finance.budget
    if ctx.requires("budget"):
        if budget.adjusted is None and budget.initial is None:
            yield error("BUD-001", f"{F}.budget.adjusted", "报告要写“全年预算数”，但还没有填写预算数。",
                        "请填写全年（调整后）预算数。")
        if budget.executed is None:
            yield error("BUD-001", f"{F}.budget.executed", "报告要写“执行数”，但还没有填写全年执行数。",
                        "请按决算填写全年执行数。")
    for attr, name in (("initial", "年初预算数"), ("adjusted", "全年预算数"), ("executed", "全年执行数")):
        value = getattr(budget, attr)
        if value is not None and value < 0:
            yield error("BUD-002", f"{F}.budget.{attr}", f"{name}为负数（{compact_money_text(value)}）。", "请更正为 0 或正数。")


def three_public_within_budget(ctx: Context) -> Iterator[Issue]:
    """TPF-001 三公经费实际支出超过预算."""
    for i, line in enumerate(ctx.report.finance.three_public):
        if line.budget is not None and line.actual is not None and line.actual > line.budget:
            yield warning(
                "TPF-001", f"{F}.three_public[{i}].actual",
                f"三公经费“{line.item}”实际支出 {compact_money_text(line.actual)} 超过预算 {compact_money_text(line.budget)}。",
                "请核对金额；确属超支的，请在预算执行情况中说明原因。",
            )


def share_places_choice(ctx: Context) -> Iterator[Issue]:
    """SHR-004 占比的小数位数只能是 0、1、2（或不设）."""
    places = ctx.report.finance.share_places
    if places is not None and places not in (0, 1, 2):
        yield error("SHR-004", "report.finance.share_places",
                    f"占比的小数位数设为 {places}，报告只能按 0、1 或 2 位小数打印占比。",
                    "请在“收支情况”页的“占比显示”中重新选择。")


RULES = [
    income_total_matches_lines, income_lines_not_negative, income_present_when_printed,
    expenditure_total_matches_parts, basic_matches_personnel_and_public, expenditure_split_when_printed,
    expenditure_not_negative, balance_holds, carry_over_when_printed, carry_over_not_negative, shares_add_up,
    execution_rate_checks, adjustment_explained, budget_when_printed, three_public_within_budget, share_places_choice,
]
