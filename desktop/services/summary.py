"""The key figures of a report at a glance, formatted for display (the 概览 page and `fulian show`)."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain import finance
from ..domain.evaluation import department_evaluation
from ..rulesets import rule_set_for
from ..domain.model import Outline, Report, ReportStatus
from ..domain.money import format_wan, plain_number
from ..domain.shares import format_percent

OUTLINE_NAMES = {Outline.SICHUAN: "四川提纲", Outline.GUANGDONG: "广东提纲"}
STATUS_NAMES = {ReportStatus.DRAFT: "草稿", ReportStatus.FINAL: "定稿"}


@dataclass(frozen=True)
class SummaryLine:
    label: str
    value: str


def summarize(report: Report) -> list[SummaryLine]:
    """Label/value lines; a figure not entered shows as “未填写” rather than a made-up zero."""
    missing = "未填写"
    fin = report.finance
    profile = report.profile
    lines = [
        SummaryLine("单位", report.unit.name),
        SummaryLine("年度", f"{report.fiscal_year} 年度"),
        SummaryLine("报告提纲", OUTLINE_NAMES.get(report.outline, report.outline.value)),
        SummaryLine("状态", STATUS_NAMES.get(report.status, report.status.value)),
    ]
    est = profile.establishment
    staff = f"{profile.actual_staff} 人" if profile.actual_staff is not None else missing
    # 编制 0 is how the report stores “not entered” (the unit has some): shown as such, not as 0 个.
    establishment = f"{est.total} 个" if est.total else missing
    lines.append(SummaryLine("编制 / 在职", f"{establishment} / {staff}"))

    income = finance.income_total(fin)
    lines.append(SummaryLine("本年收入", format_wan(income) if income is not None else missing))
    spent = finance.expenditure_total(fin.expenditure)
    if spent is not None:
        basic_share, project_share = finance.expenditure_shares(fin.expenditure)
        basic = finance.basic_total(fin.expenditure)
        detail = (
            f"{format_wan(spent)}（基本支出 {format_wan(basic) or '0万元'}，占 {format_percent(basic_share)}；"
            f"项目支出 {format_wan(fin.expenditure.project) or '0万元'}，占 {format_percent(project_share)}）"
        )
    else:
        detail = missing
    lines.append(SummaryLine("本年支出", detail))
    budget = fin.budget
    rate = finance.budget_execution_rate(budget)
    if rate is not None:
        base = budget.adjusted if budget.adjusted is not None else budget.initial
        lines.append(
            SummaryLine("预算执行", f"预算 {format_wan(base)}，执行 {format_wan(budget.executed)}，执行率 {format_percent(rate, 2)}")
        )
    else:
        lines.append(SummaryLine("预算执行", missing))
    balance = finance.balance(fin)
    if balance is None:
        lines.append(SummaryLine("收支平衡", missing))
    elif balance.holds:
        lines.append(SummaryLine("收支平衡", "年初结转结余 + 收入 = 支出 + 年末结转结余，平衡"))
    else:
        lines.append(SummaryLine("收支平衡", f"不平衡，相差 {format_wan(balance.difference)}"))
    lines.append(SummaryLine("工作任务", f"{len(report.tasks)} 项"))
    lines.append(SummaryLine("活动台账", f"{len(report.activities)} 条"))
    lines.append(SummaryLine("项目支出", f"{len(report.projects)} 个"))
    evaluation = department_evaluation(report, rule_set_for(report))
    if not evaluation.weights_complete:
        # No score from 分值 that do not add up (a 70-point table would look finished).
        lines.append(SummaryLine("自评得分", f"分值合计 {plain_number(evaluation.weight_total)} / "
                                          f"{plain_number(evaluation.full_marks)}，暂不评定"))
    elif evaluation.total is not None:
        lines.append(SummaryLine("自评得分", f"{plain_number(evaluation.total)} 分，等级“{evaluation.grade.value}”"))
    else:
        lines.append(SummaryLine("自评得分", missing))
    return lines
