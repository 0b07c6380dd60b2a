"""Rules on numbers written in the clerk's text: amounts, shares, rates, scores, grades and ledger totals
that must agree with the tables and the activity records."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from typing import Iterator, Optional

from ...domain import finance as fin
from ...domain.evaluation import project_evaluation
from ...domain.model import NarrativeBlock, Report
from ...domain.money import WAN, plain_number
from ...domain.scoring import grade_for
from ...domain.shares import percent
from ...domain.field_labels import label_of
from ..context import Context, compact_money_text
from ..issue import Issue, error, warning

NARRATIVE_FIELDS = (
    "overall_work", "finance_comment", "performance_management", "budget_preparation", "budget_execution",
    "final_accounts", "project_analysis", "results_application", "task_completion", "project_completion",
    "conclusion",
)



def _where(path: str) -> str:
    """The text a figure was read from, as its form labels it: “评价结论”中 (文中 when it has no label)."""
    name = label_of(path)
    return f"“{name}”中" if name else "文中"

def _blocks(blocks: list[NarrativeBlock], path: str) -> Iterator[tuple[str, str]]:
    for i, block in enumerate(blocks):
        here = f"{path}[{i}]"
        if isinstance(block.title, str) and block.title.strip():
            yield f"{here}.title", block.title
        if isinstance(block.text, str) and block.text.strip():
            yield f"{here}.text", block.text
        yield from _blocks(block.blocks, f"{here}.blocks")


def narrative_texts(report: Report) -> Iterator[tuple[str, str]]:
    """Every text the clerk writes, with its field path."""
    for name in NARRATIVE_FIELDS:
        text = getattr(report.narratives, name)
        if isinstance(text, str) and text.strip():
            yield f"report.narratives.{name}", text
    yield from _blocks(report.narratives.achievements, "report.narratives.achievements")
    if report.department_target.text.strip():
        yield "report.department_target.text", report.department_target.text
    for i, task in enumerate(report.tasks):
        if task.narrative.strip():
            yield f"report.tasks[{i}].narrative", task.narrative
    budget = report.finance.budget
    for name in ("adjustment_reason", "low_execution_reason"):
        text = getattr(budget, name)
        if text.strip():
            yield f"report.finance.budget.{name}", text
    for i, project in enumerate(report.projects):
        for name in ("analysis", "actual_goal"):
            text = getattr(project, name)
            if text.strip():
                yield f"report.projects[{i}].{name}", text
    for attr in ("problems", "measures"):
        for i, item in enumerate(getattr(report, attr)):
            if isinstance(item, str) and item.strip():
                yield f"report.{attr}[{i}]", item


@dataclass(frozen=True)
class Figure:
    """A figure of the tables that the text may quote after one of its names."""

    name: str
    kind: str  # money | percent | score
    values: tuple[Decimal, ...]  # the text agrees if it matches any of them
    where: str  # the field path of the figure, named in the hint
    share_of: Optional[tuple[Decimal, Decimal, Decimal]] = None  # (part, whole, reconciled share %)
    group: str = ""  # the whole this figure is a share of: income | expenditure
    members: int = 0  # how many shares that whole has


def _figures(report: Report, department_total: Optional[Decimal], rate: Optional[Decimal]) -> dict[str, Figure]:
    finance = report.finance
    exp = finance.expenditure
    figures: dict[str, Figure] = {}

    def add(names, kind, values, where, share_of=None, group="", members=0):
        values = tuple(v for v in values if v is not None)
        if not values:
            return
        for name in names:
            figures.setdefault(name, Figure(names[0], kind, values, where, share_of, group, members))

    income = fin.income_total(finance)
    add(("本年收入总计", "本年收入合计", "收入总计", "本年收入"), "money", (income,), "report.finance.income_total")
    lines_sum = fin.income_lines_sum(finance)
    reconciled = fin.income_shares(finance)
    named = [line for line in finance.income_lines if line.source.strip() and line.amount is not None]
    for i, line in enumerate(finance.income_lines):
        if line.source.strip() and line.amount is not None:
            share = (line.amount, lines_sum, reconciled[i]) if lines_sum else None
            add((line.source.strip(),), "money", (line.amount,), f"report.finance.income_lines[{i}].amount", share,
                "income", len(named))
    spent = fin.expenditure_total(exp)
    add(("本年支出合计", "本年支出总计", "支出合计", "本年支出"), "money", (spent,), "report.finance.expenditure.total")
    basic = fin.basic_total(exp)
    both = basic is not None and exp.project is not None and basic + exp.project > 0
    basic_share, project_share = fin.expenditure_shares(exp, finance.share_places) if both else (None, None)
    add(("基本支出",), "money", (basic,), "report.finance.expenditure.basic",
        (basic, basic + exp.project, basic_share) if both else None, "expenditure", 2)
    add(("项目支出",), "money", (exp.project,), "report.finance.expenditure.project",
        (exp.project, basic + exp.project, project_share) if both else None, "expenditure", 2)
    add(("人员经费",), "money", (exp.personnel,), "report.finance.expenditure.personnel")
    add(("公用经费",), "money", (exp.public,), "report.finance.expenditure.public")
    add(("年末结转结余", "年末结转", "年末结余"), "money", (finance.carry_over_end,), "report.finance.carry_over_end")
    add(("年初结转结余", "年初结转", "年初结余"), "money", (finance.carry_over_start,), "report.finance.carry_over_start")
    budget = finance.budget
    adjusted = budget.adjusted if budget.adjusted is not None else budget.initial
    add(("全年预算数", "全年预算", "调整后预算数", "调整后预算"), "money", (adjusted,), "report.finance.budget.adjusted")
    add(("年初预算数", "年初预算"), "money", (budget.initial,), "report.finance.budget.initial")
    add(("全年执行数", "执行数"), "money", (budget.executed,), "report.finance.budget.executed")
    add(("完成预算的", "预算执行率", "部门预算执行率"), "percent", (rate,), "report.finance.budget.executed")
    add(("自评结果为", "自评得分为", "自评总分为", "自评得分", "自评总分"), "score", (department_total,),
        "report.self_evaluation.entered_total")
    for i, project in enumerate(report.projects):
        name = project.name.strip()
        if len(name) >= 2:
            amounts = (fin.fund_total(project.initial), fin.fund_total(project.adjusted), fin.fund_total(project.executed))
            add((name,), "money", amounts, f"report.projects[{i}].adjusted.total")
    return figures


_NUMBER = r"(\d+(?:,\d{3})*(?:\.\d+)?)"
_GAP = r"((?:\s|[：:]|为|是|达到|达|共计|共|合计|总计|计|约|近)*)"
_UNIT = r"\s*(万余元|万多元|余万元|多万元|万元|元|%|％|分)"
_SHARE = r"(?:\s*[，,]\s*占(?:比)?(?:为)?\s*(\d+(?:\.\d+)?)\s*[%％])?"


@lru_cache(maxsize=64)
def _pattern(names: tuple[str, ...]) -> re.Pattern:
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    # A figure named after 项目 (项目执行数) belongs to a project, not to the department.
    return re.compile(f"(?<!项目)(?<!项目的)({alternation}){_GAP}{_NUMBER}{_UNIT}{_SHARE}")


def _decimal(text: str) -> Optional[Decimal]:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def _places(text: str) -> int:
    return len(text.split(".")[1]) if "." in text else 0


def _rounded(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _agrees(stated: Decimal, places: int, value: Decimal) -> bool:
    """The text agrees when the figure, rounded as the text rounds it, is the stated number."""
    return _rounded(value, places) == stated


def _quoted(kind: str, unit: str, value: Decimal, places: int) -> str:
    if kind == "money":
        if unit == "万元":
            return f"{plain_number(_rounded(value / WAN, max(places, 2)))}万元"
        return compact_money_text(value)
    if kind == "percent":
        return f"{plain_number(value)}%"
    return f"{plain_number(value)}分"


def figures_in_text(ctx: Context) -> Iterator[Issue]:
    """NUM-001 文中金额/执行率/得分与表格不符；SHR-002 文中占比与表格不符；SHR-003 文中各项占比合计不是 100%."""
    figures = _figures(ctx.report, ctx.department_total, ctx.execution_rate)
    if not figures:
        return
    pattern = _pattern(tuple(figures))
    for path, text in narrative_texts(ctx.report):
        stated_shares: dict[str, dict[str, Decimal]] = {}
        for match in pattern.finditer(text):
            name, gap, number, unit, share_text = match.groups()
            figure = figures[name]
            approximate = "约" in gap or "近" in gap or "余" in unit or "多" in unit
            unit = unit.replace("余", "").replace("多", "").replace("％", "%")
            kind = {"万元": "money", "元": "money", "%": "percent", "分": "score"}[unit]
            stated = _decimal(number)
            if stated is None or kind != figure.kind:
                continue
            places = _places(number)
            scale = WAN if unit == "万元" else Decimal(1)
            if not approximate and not any(_agrees(stated, places, v / scale) for v in figure.values):
                expected = _quoted(kind, unit, figure.values[0], places)
                yield error(
                    "NUM-001", path,
                    f"{_where(path)}写“{match.group(0).split('，')[0].split(',')[0]}”，但表格中{figure.name}为 {expected}。",
                    f"请把文中数字改为 {expected}，或核对表格中的“{figure.name}”。",
                )
            if share_text and figure.share_of is not None:
                part, whole, reconciled = figure.share_of
                stated_share = _decimal(share_text)
                if stated_share is not None and figure.group:
                    stated_shares.setdefault(figure.group, {})[figure.name] = stated_share
                share_places = _places(share_text)
                exact = percent(part, whole, share_places)
                if stated_share is not None and stated_share != reconciled and stated_share != exact:
                    yield error(
                        "SHR-002", path,
                        f"{_where(path)}写{figure.name}“占{share_text}%”，但按表格计算应占 {plain_number(reconciled)}%"
                        f"（{compact_money_text(part)} ÷ {compact_money_text(whole)}）。",
                        f"请把占比改为 {plain_number(reconciled)}%；占比由程序按表格计算并保证合计为 100%。",
                    )
        for group, stated in stated_shares.items():
            members = next(f.members for f in figures.values() if f.group == group)
            total = sum(stated.values(), Decimal(0))
            if len(stated) == members and members > 1 and total != 100:
                what = "各项收入" if group == "income" else "基本支出和项目支出"
                yield error(
                    "SHR-003", path,
                    f"文中{what}的占比合计为 {plain_number(total)}%（{'、'.join(f'{k}{plain_number(v)}%' for k, v in stated.items())}），不是 100%。",
                    "请改正占比，使各项占比合计正好为 100%（程序生成的占比已按最大余额法调整）。",
                )


_GRADE_WORDS = {"优秀": "优", "优": "优", "良好": "良", "良": "良", "中等": "中", "中": "中", "较差": "差", "差": "差"}
_GRADE = re.compile(
    r"(?:[“\"‘]\s*(优秀|良好|中等|较差|优|良|中|差)\s*[”\"’]\s*(?:等级|等次|档次))"
    r"|(?:(?:等级|等次)\s*(?:为|是|：|:)\s*[“\"‘]?\s*(优秀|良好|中等|较差|优|良|中|差))"
    r"|(?:(优秀|良好|中等|较差)\s*(?:等级|等次))"
)


def grades_in_text(ctx: Context) -> Iterator[Issue]:
    """GRD-001 文中写的评价等级与总分不符."""
    department = ctx.department_total
    project_totals = {}
    for path, text in narrative_texts(ctx.report):
        total, label = department, "部门整体自评总分"
        if path.startswith("report.projects["):
            index = int(path[len("report.projects["):path.index("]")])
            if index not in project_totals:
                project_totals[index] = project_evaluation(ctx.report.projects[index], ctx.rule_set).total
            total, label = project_totals[index], "该项目自评总分"
        if total is None:
            continue
        expected = grade_for(total, ctx.rule_set.grade_bands).value
        for match in _GRADE.finditer(text):
            word = next(g for g in match.groups() if g)
            if _GRADE_WORDS[word] != expected:
                yield error("GRD-001", path,
                            f"{_where(path)}写评价等级为“{word}”，但{label} {plain_number(total)} 分对应的等级是“{expected}”"
                            f"（优 ≥ 90，良 ≥ 80，中 ≥ 60，差 < 60）。",
                            f"请把等级改为“{expected}”，或核对自评得分。")


_LEDGER = re.compile(r"(共计|累计|合计|总计|共)\s*(\d+)\s*(余|多)?\s*(人次|场次|场|期|次|人|户|名)")
_MEASURES = {
    "人次": (("participants", "参与人次"), ("beneficiaries", "受益人数")),
    "场次": (("sessions", "场次"),), "场": (("sessions", "场次"),), "期": (("sessions", "期数"),),
    "次": (("sessions", "场次"),),
    "人": (("beneficiaries", "受益人数"), ("participants", "参与人次")),
    "户": (("beneficiaries", "受益人数"),), "名": (("beneficiaries", "受益人数"), ("participants", "参与人次")),
}


def _ledger_candidates(activities, attr: str) -> set[int]:
    """The totals a "共计 N" may honestly quote: the task's whole, one kind's total, or one record's."""
    whole = 0
    by_kind: dict[str, int] = {}
    candidates = set()
    for activity in activities:
        value = getattr(activity, attr)
        if value is None or value <= 0:
            continue
        whole += value
        by_kind[activity.kind] = by_kind.get(activity.kind, 0) + value
        candidates.add(value)
    if whole:
        candidates.add(whole)
        candidates.update(by_kind.values())
    return candidates


def ledger_figures_in_tasks(ctx: Context) -> Iterator[Issue]:
    """NUM-002 工作任务中“共计 N 人次/场”与该任务关联活动的合计不符."""
    by_task = ctx.activities_by_task
    for i, task in enumerate(ctx.report.tasks):
        activities = by_task.get(task.key)
        if not activities or not task.narrative:
            continue
        for match in _LEDGER.finditer(task.narrative):
            _, number, approx, unit = match.groups()
            stated = int(number)
            recorded: set[int] = set()
            names = []
            for attr, name in _MEASURES[unit]:
                found = _ledger_candidates(activities, attr)
                if found:
                    recorded |= found
                    names.append(f"{name}合计 {sum(getattr(a, attr) or 0 for a in activities if (getattr(a, attr) or 0) > 0)}")
            if not recorded:
                continue  # the records do not carry this measure; nothing to compare
            agrees = stated <= max(recorded) if approx else stated in recorded
            if not agrees:
                yield warning("NUM-002", f"report.tasks[{i}].narrative",
                              f"工作任务“{task.title.strip()}”的{_where(f'report.tasks[{i}].narrative')}写“{match.group(0)}”，但活动台账中关联该任务的 "
                              f"{len(activities)} 条活动{'，'.join(names)}，按类别或单条记录也对不上。",
                              "请核对文中数字与活动台账：数字应等于台账合计，或补录遗漏的活动。")


_CHANGE = re.compile(
    r"比上年(?:度)?\s*(增加|减少|增长|下降|上升|降低)\s*" + _NUMBER + r"\s*(万元|元|%|％)"
    r"(?:\s*[，,]\s*(增长|下降|上升|降低|增加|减少)\s*(\d+(?:\.\d+)?)\s*[%％])?"
)
_CHANGE_SUBJECTS = (
    (("本年收入总计", "本年收入合计", "收入总计", "本年收入", "收入"), "income", "本年收入总计"),
    (("本年支出合计", "本年支出总计", "支出合计", "本年支出", "支出"), "expenditure", "本年支出合计"),
)
_RISE = {"增加", "增长", "上升"}


def _change_subject(before: str) -> Optional[tuple[str, str]]:
    """Which total a "比上年…" speaks of: the income or expenditure named last before it in the sentence."""
    sentence = re.split(r"[。；;]", before)[-1]
    best = None
    for names, key, label in _CHANGE_SUBJECTS:
        at = max(sentence.rfind(n) for n in names)
        if at >= 0 and (best is None or at > best[0]):
            best = (at, key, label)
    return (best[1], best[2]) if best else None


def _stated_change_issue(path: str, label: str, change, word: str, number: str, unit: str) -> Optional[str]:
    """The expected wording when the text's "比上年增加 N" does not match; None when it does."""
    from ...domain.money import format_wan

    rise = word in _RISE
    if change.amount != 0 and rise != change.rise:
        return f"比上年{'增加' if change.rise else '减少'}"
    stated = _decimal(number)
    places = _places(number)
    if unit in ("%", "％"):
        if change.percent is None or not _agrees(stated, places, change.percent):
            return f"{'增长' if change.rise else '下降'}{plain_number(change.percent) if change.percent is not None else '（上年为 0，无增长率）'}%"
        return None
    scale = WAN if unit == "万元" else Decimal(1)
    if not _agrees(stated, places, abs(change.amount) / scale):
        return f"{'增加' if change.rise else '减少'}{format_wan(abs(change.amount)) if unit == '万元' else compact_money_text(abs(change.amount))}"
    return None


def changes_in_text(ctx: Context) -> Iterator[Issue]:
    """NUM-003 文中“比上年增加/减少 … 万元，增长/下降 …%”与本年、上年数字计算的结果不符."""
    finance = ctx.report.finance
    changes = {"income": fin.income_change(finance), "expenditure": fin.expenditure_change(finance)}
    for path, text in narrative_texts(ctx.report):
        for match in _CHANGE.finditer(text):
            subject = _change_subject(text[: match.start()])
            if subject is None:
                continue
            key, label = subject
            change = changes[key]
            if change is None:
                continue  # last year unknown: nothing to compare with (the program prints no comparison)
            word, number, unit, rate_word, rate = match.groups()
            expected = _stated_change_issue(path, label, change, word, number, unit)
            if expected is None and rate is not None:
                expected = _stated_change_issue(path, label, change, rate_word, rate, "%")
            if expected is not None:
                yield error("NUM-003", path,
                            f"文中写{label}“{match.group(0)}”，但按本年 {compact_money_text(change.current)}、"
                            f"上年 {compact_money_text(change.previous)} 计算应为“{expected}”。",
                            f"请改为“{expected}”，或核对{label}与上年数字（收支情况中的“上年收入总计/上年支出合计”）。")


_PROJECT_FIGURE = r"(?:[^。；;]*?)(占部门(?:整体)?预算(?:总额|数)?(?:的)?(?:比例|比重)?|(?:预算)?执行率)(?:为|达到|达|是|：|:)?\s*(\d+(?:\.\d+)?)\s*[%％]"


def project_figures_in_text(ctx: Context) -> Iterator[Issue]:
    """NUM-004 文中某项目“占部门预算的 x%”或“执行率 y%”与项目支出表计算的结果不符."""
    report = ctx.report
    named = [(i, p) for i, p in enumerate(report.projects) if len(p.name.strip()) >= 2]
    if not named:
        return
    for path, text in narrative_texts(report):
        for i, project in named:
            name = project.name.strip()
            pattern = re.compile(re.escape(name) + _PROJECT_FIGURE)
            for match in pattern.finditer(text):
                what, number = match.groups()
                if "执行率" in what:
                    value, label = fin.project_execution_rate(project), "执行率"
                else:
                    value, label = fin.project_budget_share(project, report.finance.budget), "占部门预算的比例"
                stated = _decimal(number)
                if value is None or stated is None or _agrees(stated, _places(number), value):
                    continue
                yield error("NUM-004", path,
                            f"文中写项目“{name}”{label} {number}%，但按项目支出表计算为 {plain_number(value)}%。",
                            f"请把文中数字改为 {plain_number(value)}%，或核对项目“{name}”的预算和执行数"
                            f"（report.projects[{i}]）。")


RULES = [figures_in_text, grades_in_text, ledger_figures_in_tasks, changes_in_text, project_figures_in_text]
