"""Live figures the forms show beside what the clerk types: totals, shares, balance, rates, scores.

Every figure comes from the domain's arithmetic; this module only words it for display, so a form
never adds up a column itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Optional

from ..domain import finance as fin
from ..domain.evaluation import computed_score, department_evaluation, effective_score, project_evaluation
from ..domain.ledger import LedgerTotals, totals, totals_by
from ..domain.model import Activity, Finance, Indicator, Project, Report
from ..domain.money import format_wan, format_yuan, plain_number
from ..domain.shares import format_percent, format_share
from ..rulesets import rule_set_for

NOT_ENTERED = "未填写"


def entered(amounts) -> bool:
    """Whether any of the amounts was entered: a total of nothing entered is unknown, not 0."""
    return any(amount is not None for amount in amounts)


def yuan_wan_text(amount: Optional[Decimal]) -> str:
    """“2,197,000.00元（219.7万元）”: both units, so nobody misreads 元 for 万元."""
    if amount is None:
        return NOT_ENTERED
    return f"{format_yuan(amount)}（{format_wan(amount)}）"


@dataclass(frozen=True)
class FinanceFigures:
    income_total: str
    income_shares: list[str]  # one per income line
    basic_total: str
    expenditure_total: str
    expenditure_shares: str
    balance: str
    balance_holds: Optional[bool]
    execution: str
    execution_low: bool
    three_public_budget: str
    three_public_actual: str
    year_on_year: str = ""  # "收入比上年增加189.25万元，增长31.39%；…" as the report will print it


def finance_figures(finance: Finance) -> FinanceFigures:
    income = fin.income_total(finance)
    lines_sum = fin.income_lines_sum(finance)
    income_text = yuan_wan_text(income)
    if finance.income_total is not None and lines_sum is not None and lines_sum != finance.income_total:
        income_text += f"；各项收入之和为 {yuan_wan_text(lines_sum)}，与总计不符"
    shares = ([format_share(s, finance.share_places) for s in fin.income_shares(finance)] if lines_sum
              else ["" for _ in finance.income_lines])
    exp = finance.expenditure
    spent = fin.expenditure_total(exp)
    if spent:
        basic_share, project_share = fin.expenditure_shares(exp, finance.share_places)
        exp_shares = (f"基本支出占 {format_share(basic_share, finance.share_places)}，"
                      f"项目支出占 {format_share(project_share, finance.share_places)}")
    else:
        exp_shares = ""
    balance = fin.balance(finance)
    if balance is None:
        balance_text, holds = "收入和支出都填写后显示", None
    elif balance.holds:
        balance_text, holds = "年初结转结余 + 本年收入 = 本年支出 + 年末结转结余，收支平衡", True
    else:
        balance_text = (
            f"不平衡：年初结转结余 + 本年收入 − 本年支出 − 年末结转结余 = {yuan_wan_text(balance.difference)}，"
            "请核对各项金额"
        )
        holds = False
    rate = fin.budget_execution_rate(finance.budget)
    if rate is None:
        execution, low = "填写全年预算数和执行数后显示", False
    else:
        execution, low = f"预算执行率 {format_percent(rate, 2)}", rate < 90
        if low:
            execution += "，低于 90%，请在下方说明原因"
    from ..domain.money import sum_amounts

    tp_budget = sum_amounts(line.budget for line in finance.three_public)
    tp_actual = sum_amounts(line.actual for line in finance.three_public)
    return FinanceFigures(
        income_total=income_text,
        income_shares=shares,
        basic_total=yuan_wan_text(fin.basic_total(exp)),
        expenditure_total=yuan_wan_text(spent),
        expenditure_shares=exp_shares,
        balance=balance_text,
        balance_holds=holds,
        execution=execution,
        execution_low=low,
        three_public_budget=yuan_wan_text(tp_budget) if entered(l.budget for l in finance.three_public) else NOT_ENTERED,
        three_public_actual=yuan_wan_text(tp_actual) if entered(l.actual for l in finance.three_public) else NOT_ENTERED,
        year_on_year=year_on_year_text(finance),
    )


def year_on_year_text(finance: Finance) -> str:
    """The comparison the report prints, or why it prints none."""
    from ..reports.prose import change_phrase

    parts = []
    for label, change in (("收入", fin.income_change(finance)), ("支出", fin.expenditure_change(finance))):
        if change is not None:
            parts.append(label + change_phrase(change).lstrip("，"))
    return "；".join(parts) if parts else "填写上年收入总计或支出合计后，报告写明比上年的增减；不填则不写"


def score_text(value: Optional[Decimal]) -> str:
    return "" if value is None else plain_number(value)


def indicator_computed(indicator: Indicator) -> str:
    """The formula's score for a row, or what the clerk must enter for a qualitative one."""
    value = computed_score(indicator)
    return score_text(value)


@dataclass(frozen=True)
class EvaluationFigures:
    execution: str
    total: str
    grade: str
    scored: bool = True  # False while the 分值 do not add up: `total` says so instead of a score


def _evaluation_figures(evaluation) -> EvaluationFigures:
    rate = format_percent(evaluation.execution_rate, 2) if evaluation.execution_rate is not None else NOT_ENTERED
    exec_score = score_text(evaluation.execution_score) or NOT_ENTERED
    total = score_text(evaluation.total) or NOT_ENTERED
    if evaluation.entered and evaluation.total is not None:
        total += "（填写的总分）"
    grade = evaluation.grade.value if evaluation.grade is not None else NOT_ENTERED
    if not evaluation.weights_complete:
        # A total rescaled from 70 points would look like a finished score: none until the 分值 add up.
        total = (f"分值合计 {plain_number(evaluation.weight_total)} / {plain_number(evaluation.full_marks)}，"
                 "分值配齐后计算得分")
        grade = "分值未配齐，暂不评定"
        return EvaluationFigures(f"执行率 {rate}，得分 {exec_score}", total, grade, scored=False)
    return EvaluationFigures(f"执行率 {rate}，得分 {exec_score}", total, grade)


def department_figures(report: Report) -> EvaluationFigures:
    return _evaluation_figures(department_evaluation(report, rule_set_for(report)))


def project_figures(report: Report, project: Project) -> EvaluationFigures:
    """The project's score and grade under the report's rule set."""
    return _evaluation_figures(project_evaluation(project, rule_set_for(report)))


def project_summary(project: Project) -> tuple[str, str, str]:
    """(全年预算数, 全年执行数, 执行率) of a project for the list of projects."""
    budget = fin.project_budget(project)
    executed = fin.fund_total(project.executed)
    rate = fin.project_execution_rate(project)
    return (
        format_wan(budget) if budget is not None else "",
        format_wan(executed) if executed is not None else "",
        format_percent(rate, 2) if rate is not None else "",
    )


def fund_total_text(project: Project, column: str) -> str:
    return yuan_wan_text(fin.fund_total(getattr(project, column)))


COUNTED = ("sessions", "participants", "beneficiaries", "money")


def counted(activities) -> frozenset[str]:
    """The figures (场次, 人次, 受益, 金额) at least one of the activities has: a sum of none is unknown, not 0."""
    items = list(activities)
    return frozenset(attr for attr in COUNTED if any(getattr(a, attr) is not None for a in items))


@dataclass(frozen=True)
class LedgerRow:
    """A line of the per-task totals beneath the ledger."""

    label: str
    totals: LedgerTotals
    entered: frozenset[str] = frozenset(COUNTED)  # the figures some of its activities have

    def texts(self) -> list[str]:
        """活动数, 场次/期, 参与人次, 受益, 金额 as shown: empty where none of the activities has a figure."""
        t, has = self.totals, self.entered
        return [str(t.activities),
                str(t.sessions) if "sessions" in has else "",
                str(t.participants) if "participants" in has else "",
                t.beneficiaries_text() if "beneficiaries" in has else "",
                format_yuan(t.money, "") if "money" in has else ""]


def ledger_totals_by_task(report: Report, activities: Optional[list[Activity]] = None) -> list[LedgerRow]:
    """Σ 活动/场次/人次/受益/金额 for each task (in the report's task order), the unlinked, and all."""
    items = report.activities if activities is None else activities
    groups = totals_by(items, "task_key")
    rows = [LedgerRow(task.title or "（未命名任务）", groups.get(task.key, LedgerTotals()),
                      counted(a for a in items if a.task_key == task.key)) for task in report.tasks]
    known = {task.key for task in report.tasks}
    loose = [a for a in items if a.task_key not in known]
    if loose:
        rows.append(LedgerRow("（未关联任务）", totals(loose), counted(loose)))
    rows.append(LedgerRow("合计", totals(items), counted(items)))
    return rows


def ledger_totals_text(t: LedgerTotals, entered: frozenset[str] = frozenset(COUNTED)) -> str:
    """“活动 5 项，17 场次/期，…”; a figure none of the activities has says 未填写 rather than 0."""
    def part(attr: str, text: str) -> str:
        return text if attr in entered else NOT_ENTERED

    return (
        f"活动 {t.activities} 项，{part('sessions', f'{t.sessions} ')}场次/期，"
        f"参与{part('participants', f' {t.participants} ')}人次，"
        f"受益 {part('beneficiaries', t.beneficiaries_text() or '0')}，金额 {part('money', format_yuan(t.money))}"
    )


def task_ledger_text(report: Report, task_key: str) -> str:
    """What the ledger says about one task, for the clerk to cite in its narrative."""
    linked = [a for a in report.activities if a.task_key == task_key]
    t = totals(linked)
    if t.activities == 0:
        return "活动台账中还没有关联此任务的活动"
    return ledger_totals_text(t, counted(linked))


# ------------------------------------------------------------------ the 概览 charts


@dataclass(frozen=True)
class Bar:
    """One bar of a chart: its label, its value, the value's text, and the whole it is measured against."""

    label: str
    value: Decimal
    text: str
    whole: Optional[Decimal] = None  # e.g. the weight of a score group, 100 for a rate


def income_composition(report: Report) -> list[Bar]:
    finance = report.finance
    lines = [line for line in finance.income_lines if line.amount]
    shares = fin.income_shares(finance)
    by_line = {id(line): share for line, share in zip(finance.income_lines, shares)}
    places = finance.share_places
    return [Bar(line.source, line.amount, f"{format_wan(line.amount)}  {format_share(by_line[id(line)], places)}")
            for line in lines]


def expenditure_composition(report: Report) -> list[Bar]:
    exp = report.finance.expenditure
    spent = fin.expenditure_total(exp)
    if not spent:
        return []
    places = report.finance.share_places  # the shares as the report prints them
    basic_share, project_share = fin.expenditure_shares(exp, places)
    bars = []
    if exp.personnel is not None or exp.public is not None:
        parts = [("人员经费", exp.personnel), ("公用经费", exp.public)]
    else:
        parts = [("基本支出", fin.basic_total(exp))]
    for label, amount in parts:
        if amount:
            bars.append(Bar(label, amount, format_wan(amount)))
    if exp.project:
        bars.append(Bar("项目支出", exp.project, f"{format_wan(exp.project)}  {format_share(project_share, places)}"))
    if len(parts) == 1 and bars and bars[0].label == "基本支出":
        bars[0] = Bar("基本支出", bars[0].value, f"{bars[0].text}  {format_share(basic_share, places)}")
    return bars


def execution_rates(report: Report) -> list[Bar]:
    """部门整体 and each project: 执行率 against 100%."""
    bars = []
    rate = fin.budget_execution_rate(report.finance.budget)
    if rate is not None:
        bars.append(Bar("部门整体", rate, format_percent(rate, 2), Decimal(100)))
    for project in report.projects:
        rate = fin.project_execution_rate(project)
        if rate is not None:
            bars.append(Bar(project.name or "（未命名项目）", rate, format_percent(rate, 2), Decimal(100)))
    return bars


def scores_by_group(report: Report) -> list[Bar]:
    """The 自评表's score by 一级指标 (and 预算执行), against the group's weight."""
    evaluation = department_evaluation(report, rule_set_for(report))
    bars = []
    weight = report.self_evaluation.execution_weight
    if evaluation.execution_score is not None:
        bars.append(Bar("预算执行", evaluation.execution_score, f"{plain_number(evaluation.execution_score)} / {plain_number(weight)}", weight))
    groups: dict[str, list[Indicator]] = {}
    for indicator in report.self_evaluation.indicators:
        if indicator.applicable and indicator.weight is not None:
            groups.setdefault(indicator.level1 or "其他指标", []).append(indicator)
    for label, items in groups.items():
        score = sum(((effective_score(i) or Decimal(0)) for i in items), Decimal(0))
        whole = sum((i.weight for i in items), Decimal(0))
        bars.append(Bar(label, score, f"{plain_number(score)} / {plain_number(whole)}", whole))
    return bars
