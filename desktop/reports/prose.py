"""Sentences whose words follow from the data, in the phrasing of the bureaus' reports.

Every generator takes the report and returns paragraphs (an empty list when the data it speaks of was
not entered, so nothing is invented). Clerk-written text that a generator carries along (a reason, an
analysis) is passed through unchanged as its own paragraph.
"""

from __future__ import annotations

from typing import Callable

from ..domain.evaluation import department_evaluation
from ..domain.finance import (
    Change,
    balance,
    basic_total,
    budget_execution_rate,
    budget_was_adjusted,
    expenditure_change,
    expenditure_shares,
    expenditure_total,
    income_change,
    income_shares,
    income_total,
    project_budget,
    project_budget_share,
    project_size,
)
from ..domain.ledger import UNSTATED_UNIT, LedgerTotals, totals
from ..domain.model import Report, WorkTask
from ..domain.money import format_wan, plain_number
from ..domain.shares import format_percent, format_share
from ..rulesets import rule_set_for

Generator = Callable[[Report], list[str]]


def unit_short_name(report: Report) -> str:
    return report.profile.short_name or report.profile.full_name or report.unit.name


def unit_full_name(report: Report) -> str:
    return report.profile.full_name or report.unit.name


def paragraphs(text: str) -> list[str]:
    """Clerk text split at its line breaks; blank lines dropped, the words themselves untouched."""
    return [line for line in text.splitlines() if line.strip()]


# ---------------------------------------------------------------- unit profile


def organisation(report: Report) -> list[str]:
    """机构组成: 金口河区妇联设置主席1名，副主席1名，设置妇联综合办公室1个。"""
    profile = report.profile
    parts = [f"{post.title}{post.count}名" for post in profile.leadership_posts]
    bodies = [b for b in profile.internal_bodies if b.strip()]
    text = ""
    if parts:
        text = "设置" + "，".join(parts)
    if bodies:
        if len(bodies) == 1:
            body = f"设置{bodies[0]}1个"
        else:
            body = f"设置{'、'.join(bodies)}{len(bodies)}个内设机构"
        text = f"{text}，{body}" if text else body
    if not text:
        return []
    return [f"{unit_short_name(report)}{text}。"]


_ESTABLISHMENT_KINDS = (
    ("administrative", "行政编制"),
    ("institutional", "事业编制"),
    ("political_legal", "政法编制"),
    ("worker", "工勤编制"),
)


def staffing(report: Report) -> list[str]:
    """人员概况: 现有编制4个，均为行政编制，其中：政法编制0个，工勤编制0个。截止2024年末财政实际供养在职人数3人。"""
    establishment = report.profile.establishment
    sentences = []
    if establishment.total:
        counts = [(name, getattr(establishment, attr)) for attr, name in _ESTABLISHMENT_KINDS]
        present = [(name, n) for name, n in counts if n]
        text = f"{unit_short_name(report)}现有编制{establishment.total}个"
        if len(present) == 1:
            only = present[0][0]
            # The Sichuan form always states 政法 and 工勤 编制, even when there are none.
            others = [(name, n) for name, n in counts if name in ("政法编制", "工勤编制") and name != only]
            text += f"，均为{only}"
            if others:
                text += "，其中：" + "，".join(f"{name}{n}个" for name, n in others)
        else:
            text += "，其中：" + "，".join(f"{name}{n}个" for name, n in counts if n or name in ("政法编制", "工勤编制"))
        sentences.append(text + "。")
    if report.profile.actual_staff is not None:
        sentences.append(f"截止{report.fiscal_year}年末财政实际供养在职人数{report.profile.actual_staff}人。")
    return ["".join(sentences)] if sentences else []


def profile_overview(report: Report) -> list[str]:
    """部门概况 (Guangdong): 根据《…》（穗埔办〔2017〕6号）文件规定，…为…（简称…），…设…2个内设机构。"""
    profile = report.profile
    text = ""
    if profile.founding_document_title or profile.founding_document:
        document = profile.founding_document_title.strip()
        if document and not document.startswith("《"):
            document = f"《{document}》"
        if profile.founding_document:
            document += f"（{profile.founding_document}）"
        text += f"根据{document}文件规定，"
    text += unit_full_name(report)
    if profile.nature:
        text += f"，{profile.nature.rstrip('。，')}"
    if profile.short_name and profile.short_name != unit_full_name(report):
        text += f"（简称{profile.short_name}）"
    functions = profile.functions.strip()
    # A one-clause description of the functions reads on in the sentence; a long text keeps its own paragraph.
    inline_functions = functions and "。" not in functions.rstrip("。")
    if inline_functions:
        text += f"，{functions.rstrip('。')}"
    bodies = [b for b in profile.internal_bodies if b.strip()]
    if bodies:
        text += f"，设{'、'.join(bodies)}{len(bodies)}个内设机构"
    result = [text + "。"]
    if functions and not inline_functions:
        result.extend(paragraphs(profile.functions))
    return result


# ---------------------------------------------------------------- money


def change_phrase(change: Change | None) -> str:
    """"，比上年增加189.25万元，增长31.39%" — "减少 … 下降" for a fall, "与上年持平" when equal; empty when
    last year is unknown (nothing is said rather than guessed)."""
    if change is None:
        return ""
    if change.amount == 0:
        return "，与上年持平"
    verb, rate_word = ("增加", "增长") if change.rise else ("减少", "下降")
    text = f"，比上年{verb}{format_wan(abs(change.amount))}"
    if change.percent is not None:
        text += f"，{rate_word}{format_percent(change.percent)}"
    return text


def income(report: Report) -> list[str]:
    """2024年本年收入总计219.7万元，其中：一般公共预算财政拨款收入219.7万元，占100%；其他收入0万元。
    With last year's total known: 2024年本年收入总计792.22万元，比上年增加189.25万元，增长31.39%，其中：…"""
    finance = report.finance
    total = income_total(finance)
    if total is None:
        return []
    parts = []
    for line, share in zip(finance.income_lines, income_shares(finance)):
        if line.amount is None:
            continue
        part = f"{line.source}{format_wan(line.amount)}"
        if line.amount != 0:
            part += f"，占{format_share(share, finance.share_places)}"
        parts.append(part)
    text = f"{report.fiscal_year}年本年收入总计{format_wan(total)}{change_phrase(income_change(finance))}"
    if parts:
        text += "，其中：" + "；".join(parts)
    return [text + "。"]


def expenditure(report: Report) -> list[str]:
    """2024年本年支出合计219.7万元，其中：基本支出76.46万元，占34.8%；项目支出143.24万元，占65.2%。收支相等。"""
    finance = report.finance
    spent = expenditure_total(finance.expenditure)
    if spent is None:
        return []
    basic = basic_total(finance.expenditure)
    project = finance.expenditure.project
    basic_share, project_share = expenditure_shares(finance.expenditure, finance.share_places)
    parts = []
    if basic is not None:
        part = f"基本支出{format_wan(basic)}"
        if basic != 0:
            part += f"，占{format_share(basic_share, finance.share_places)}"
        split = []
        if finance.expenditure.personnel is not None:
            split.append(f"人员经费{format_wan(finance.expenditure.personnel)}")
        if finance.expenditure.public is not None:
            split.append(f"公用经费{format_wan(finance.expenditure.public)}")
        if split:
            part += "（其中：" + "，".join(split) + "）"
        parts.append(part)
    if project is not None:
        part = f"项目支出{format_wan(project)}"
        if project != 0:
            part += f"，占{format_share(project_share, finance.share_places)}"
        parts.append(part)
    text = f"{report.fiscal_year}年本年支出合计{format_wan(spent)}{change_phrase(expenditure_change(finance))}"
    if parts:
        text += "，其中：" + "；".join(parts)
    text += "。"
    received = income_total(finance)
    if received is not None:
        if received == spent:
            text += "收支相等。"
        elif received > spent:
            text += f"本年收入大于支出{format_wan(received - spent)}。"
        else:
            text += f"本年支出大于收入{format_wan(spent - received)}。"
    return [text]


def carry_over(report: Report) -> list[str]:
    """年末结转0万元。 (The end figure follows from the balance when it was not entered.)"""
    finance = report.finance
    start = finance.carry_over_start
    end = finance.carry_over_end
    if end is None:
        year = balance(finance)
        if year is not None:
            end = year.carry_over_start + year.income - year.expenditure
    pieces = []
    if start is not None and start != 0:
        pieces.append(f"年初结转结余{format_wan(start)}")
    if end is not None:
        pieces.append(f"年末结转{format_wan(end)}")
    return ["，".join(pieces) + "。"] if pieces else []


def budget_execution(report: Report) -> list[str]:
    """全年预算数570.54万元，执行数537.81万元，完成预算的94.26%。 (+ the clerk's reasons, unchanged)"""
    budget = report.finance.budget
    base = budget.adjusted if budget.adjusted is not None else budget.initial
    if base is None or budget.executed is None:
        return []
    rate = budget_execution_rate(budget)
    text = ""
    if budget_was_adjusted(budget):
        text += f"年初预算数{format_wan(budget.initial)}，"
    text += f"全年预算数{format_wan(base)}，执行数{format_wan(budget.executed)}"
    if rate is not None:
        text += f"，完成预算的{format_percent(rate)}"
    result = [text + "。"]
    if budget_was_adjusted(budget):
        result.extend(paragraphs(budget.adjustment_reason))
    if rate is not None and rate < rule_set_for(report).low_execution_rate:
        result.extend(paragraphs(budget.low_execution_reason))
    return result


# ---------------------------------------------------------------- projects and scores


def project_list(report: Report) -> list[str]:
    """2024年，区妇联纳入绩效评价项目预算5个，分别是春蕾行动计划经费1万元；…；乡镇妇联工作经费5万元。"""
    who = unit_short_name(report)
    if not report.projects:
        return [f"{report.fiscal_year}年，{who}无纳入绩效评价的项目预算。"]
    items = []
    budget = report.finance.budget
    for project in report.projects:
        amount = project_budget(project)
        item = project.name + (format_wan(amount) if amount is not None else "")
        # Each project's weight in the department's budget, as the 项目支出表 prints it (34.5 of 100.46 → 34.34%).
        share = project_budget_share(project, budget)
        if share is not None:
            item += f"，占部门预算的{format_percent(share)}"
        items.append(item)
    return [f"{report.fiscal_year}年，{who}纳入绩效评价项目预算{len(report.projects)}个，分别是{'；'.join(items)}。"]


def large_projects(report: Report) -> list[str]:
    """50万以上项目：无 — or the list, each followed by its own analysis as the clerk wrote it.

    Large is the rule set's `large_project_amount` reached by the budget or by the spending, exactly as
    validation (PRJ-002) asks for the analysis."""
    threshold = rule_set_for(report).large_project_amount
    heading = f"{format_wan(threshold, '万')}以上项目"
    large = [p for p in report.projects if (project_size(p) or 0) >= threshold]
    if not large:
        return [f"{heading}：无"]
    names = "、".join(f"{p.name}（{format_wan(project_size(p))}）" for p in large)
    result = [f"{heading}：{names}。"]
    for project in large:
        result.extend(paragraphs(project.analysis))
    return result


def self_evaluation(report: Report) -> list[str]:
    """按照《部门整体支出绩效自评表》的评价指标，2022年我部门整体支出绩效自评结果为98分，达到“优”等级。"""
    evaluation = department_evaluation(report, rule_set_for(report))
    if evaluation.total is None:
        return []
    return [
        f"按照《部门整体支出绩效自评表》的评价指标，{report.fiscal_year}年我部门整体支出绩效自评结果为"
        f"{plain_number(evaluation.total)}分，达到“{evaluation.grade.value}”等级。"
    ]


# ---------------------------------------------------------------- work tasks


def beneficiaries_phrase(figures: LedgerTotals) -> str:
    """"1200人次、35户" — one figure per unit of count, never a sum of unlike units.

    A ledger whose lines all predate the unit of count keeps the wording those reports always had
    ("36人（户）"); once any line states its unit, unstated figures are named as such, not guessed.
    """
    counts = {unit: n for unit, n in figures.beneficiaries.items() if n}
    if not counts:
        return ""
    if set(counts) == {UNSTATED_UNIT}:
        return f"{counts[UNSTATED_UNIT]}人（户）"
    return LedgerTotals(beneficiaries=counts).beneficiaries_text()


def ledger_sentence(figures: LedgerTotals) -> str:
    """The year's ledger totals for one task, as a sentence; empty when no activity is linked."""
    if figures.activities == 0:
        return ""
    parts = [f"全年开展相关活动{figures.activities}项"]
    if figures.sessions:
        parts.append(f"共{figures.sessions}场（期）")
    if figures.participants:
        parts.append(f"参与{figures.participants}人次")
    beneficiaries = beneficiaries_phrase(figures)
    if beneficiaries:
        parts.append(f"受益{beneficiaries}")
    if figures.money:
        parts.append(f"涉及资金{format_wan(figures.money)}")
    return "据活动台账统计，" + "，".join(parts) + "。"


def task_paragraphs(report: Report, task: WorkTask) -> list[str]:
    """A work task's section: the clerk's narrative unchanged, then the ledger's figures for it."""
    result = paragraphs(task.narrative)
    sentence = ledger_sentence(totals(a for a in report.activities if a.task_key == task.key))
    if sentence:
        result.append(sentence)
    return result


GENERATORS: dict[str, Generator] = {
    "organisation": organisation,
    "staffing": staffing,
    "profile_overview": profile_overview,
    "income": income,
    "expenditure": expenditure,
    "carry_over": carry_over,
    "budget_execution": budget_execution,
    "project_list": project_list,
    "large_projects": large_projects,
    "self_evaluation": self_evaluation,
}
