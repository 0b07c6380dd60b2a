"""The standard sentences of a 自评报告 read back into figures: each recogniser takes one sentence and,
when the whole sentence is of its kind, fills the draft and says what it took from where.

Amounts are converted exactly to 元 (Decimal, 万元 × 10000); percentages and totals that a sentence
prints are only checked against the amounts, and a difference becomes a finding — never a silent fix.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Callable, Optional, Protocol

from ..domain.finance import budget_execution_rate, expenditure_shares, income_shares
from ..domain.model import Establishment, IncomeLine, Indicator, LeadershipPost, Project, FundColumn
from ..domain.money import format_wan
from ..domain.scoring import IndicatorKind, grade_for
from ..domain.shares import format_percent
from ..rulesets import rule_set_for
from .text import split_number

NUMBER = r"-?\d+(?:\.\d+)?"
AMOUNT = rf"({NUMBER})\s*(万元|元)"
PERCENT_TOLERANCE = Decimal("0.1")  # a printed share may be rounded to one decimal


class Sink(Protocol):
    """Where recognisers put what they find (the assembler)."""

    report: object

    def took(self, label: str, value: str) -> None: ...

    def finding(self, message: str) -> None: ...


def amount(number: str, unit: str) -> Decimal:
    """"219.7", "万元" → Decimal("2197000.00") exactly."""
    value = Decimal(number)
    if unit.startswith("万"):
        value *= 10000
    return value.quantize(Decimal("0.01"))


def _amount(match_number: str, match_unit: str) -> Decimal:
    return amount(match_number, match_unit)


def _split_top(text: str, separator: str) -> list[str]:
    """Split at a separator that is not inside brackets: "办公室、权益部（挂…牌子）" stays two items."""
    parts, depth, current = [], 0, ""
    for ch in text:
        if ch in "（(《“〔":
            depth += 1
        elif ch in "）)》”〕":
            depth = max(0, depth - 1)
        if ch == separator and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return [p for p in parts if p]


def _check_percent(sink: Sink, what: str, printed: Optional[str], computed: Optional[Decimal]) -> None:
    if printed is None or computed is None:
        return
    if abs(Decimal(printed) - computed) > PERCENT_TOLERANCE:
        sink.finding(f"{what}印的是 {printed}%，按金额计算应为 {format_percent(computed)}，请核对。")


# ------------------------------------------------------------------ profile

_ORG = re.compile(r"^(?P<who>[^，。]{2,20}?)设置(?P<rest>.+?)。$")
_POST = re.compile(r"^(?P<title>[^\d，、]{1,10}?)(?P<n>\d+)名$")
_BODIES = re.compile(r"^设置?(?P<names>.+?)(?P<n>\d+)个(?:内设机构)?$")


def organisation(sentence: str, sink: Sink) -> bool:
    """金口河区妇联设置主席1名，副主席1名，设置妇联综合办公室1个。"""
    match = _ORG.match(sentence)
    if not match:
        return False
    posts: list[LeadershipPost] = []
    bodies: list[str] = []
    for part in _split_top(match.group("rest"), "，"):
        post = _POST.match(part)
        if post and not bodies:
            posts.append(LeadershipPost(post.group("title"), int(post.group("n"))))
            continue
        found = _BODIES.match(part if part.startswith("设") else "设" + part)
        if found:
            names = _split_top(found.group("names"), "、")
            if len(names) != int(found.group("n")):
                sink.finding(f"“{sentence}”中列出 {len(names)} 个机构，却写作 {found.group('n')} 个，请核对。")
            bodies.extend(names)
            continue
        return False
    if not posts and not bodies:
        return False
    profile = sink.report.profile
    profile.short_name = profile.short_name or match.group("who")
    profile.leadership_posts = posts
    profile.internal_bodies = bodies
    if posts:
        sink.took("领导职数", "，".join(f"{p.title}{p.count}名" for p in posts))
    if bodies:
        sink.took("内设机构", "、".join(bodies))
    return True


_KINDS = {"行政": "administrative", "事业": "institutional", "政法": "political_legal", "工勤": "worker"}
_ESTABLISHMENT = re.compile(r"^(?P<who>.{0,20}?)(?:现有|核定|共有)编制(?P<n>\d+)(?:个|名)(?P<rest>.*?)。$")


def staffing(sentence: str, sink: Sink) -> bool:
    """现有编制4个，均为行政编制，其中：政法编制0个，工勤编制0个。 / 截止2024年末财政实际供养在职人数3人。"""
    staff = re.match(r"^截[止至]\s*(\d{4})年(?:年)?末?.{0,12}?(?:在职人数|实有人数|在职人员)(\d+)人。$", sentence)
    if staff:
        sink.report.profile.actual_staff = int(staff.group(2))
        sink.took("年末在职人数", f"{staff.group(2)} 人")
        return True
    match = _ESTABLISHMENT.match(sentence)
    if not match:
        return False
    total = int(match.group("n"))
    establishment = Establishment()
    rest = match.group("rest")
    only = re.search(r"均为(行政|事业|政法|工勤)编制", rest)
    if only:
        setattr(establishment, _KINDS[only.group(1)], total)
    for kind, n in re.findall(r"(行政|事业|政法|工勤)编制(\d+)(?:个|名)", rest):
        if only and kind == only.group(1):
            continue
        setattr(establishment, _KINDS[kind], int(n))
    if not only and establishment.total == 0:
        establishment.administrative = total
        sink.finding(f"“{sentence}”没有说明编制类别，已按行政编制 {total} 个记录，请在“单位概况”中核对。")
    if establishment.total != total:
        sink.finding(f"编制总数写作 {total} 个，各类编制相加为 {establishment.total} 个，请核对。")
    sink.report.profile.establishment = establishment
    names = [f"{name}编制{getattr(establishment, attr)}个" for name, attr in _KINDS.items() if getattr(establishment, attr)]
    sink.took("编制", f"共 {total} 个（{'，'.join(names) or '无'}）")
    return True


_OVERVIEW = re.compile(
    r"^根据《(?P<doc_title>[^》]+)》(?:[（(](?P<doc>[^）)]+)[）)])?(?:文件)?(?:规定)?，(?P<full>[^，（(]+?)，?"
    r"(?P<nature>为[^（(]+?)?(?:[（(]简称(?P<short>[^）)]+)[）)])?，(?P<rest>.+)。$"
)


def profile_overview(sentence: str, sink: Sink) -> bool:
    """根据《…》（穗埔办〔2017〕6号）文件规定，广州市黄埔区妇女联合会，为…（简称黄埔区妇联），…，设…2个内设机构。"""
    match = _OVERVIEW.match(sentence)
    if not match:
        return False
    profile = sink.report.profile
    rest = match.group("rest")
    bodies_match = re.search(r"(?:^|，)设(?P<names>[^，]+?)(?P<n>\d+)个内设机构$", rest)
    functions = rest
    if bodies_match:
        names = _split_top(bodies_match.group("names"), "、")
        if len(names) != int(bodies_match.group("n")):
            sink.finding(f"部门概况中列出 {len(names)} 个内设机构，却写作 {bodies_match.group('n')} 个，请核对。")
        profile.internal_bodies = names
        functions = rest[: bodies_match.start()]
        sink.took("内设机构", "、".join(names))
    profile.founding_document_title = match.group("doc_title")
    profile.founding_document = match.group("doc") or ""
    profile.full_name = match.group("full")
    profile.nature = match.group("nature") or ""
    if match.group("short"):
        profile.short_name = match.group("short")
    profile.functions = functions
    sink.took("设立文件", f"《{profile.founding_document_title}》{profile.founding_document}")
    sink.took("单位全称", profile.full_name)
    if profile.short_name:
        sink.took("单位简称", profile.short_name)
    if profile.nature:
        sink.took("单位性质", profile.nature)
    if functions:
        sink.took("主要职能", functions)
    return True


# ------------------------------------------------------------------ money

_INCOME = re.compile(rf"^(?P<y>\d{{4}})年(?:度)?本年收入(?:总计|合计)(?P<t>{NUMBER})(?P<tu>万元|元)(?:，其中：?(?P<lines>.+?))?。$")
_LINE = re.compile(rf"^(?P<src>[^\d，]+?){AMOUNT}(?:，占(?P<p>{NUMBER})%)?$")


def income(sentence: str, sink: Sink) -> bool:
    """2024年本年收入总计219.7万元，其中：一般公共预算财政拨款收入219.7万元，占100%；其他收入0万元。"""
    match = _INCOME.match(sentence)
    if not match:
        return False
    lines: list[IncomeLine] = []
    printed: list[Optional[str]] = []
    for part in _split_top(match.group("lines") or "", "；"):
        line = _LINE.match(part)
        if not line:
            return False
        lines.append(IncomeLine(line.group("src"), _amount(line.group(2), line.group(3))))
        printed.append(line.group("p"))
    finance = sink.report.finance
    finance.income_total = _amount(match.group("t"), match.group("tu"))
    finance.income_lines = lines
    sink.took("本年收入总计", format_wan(finance.income_total))
    for line in lines:
        sink.took(f"收入：{line.source}", format_wan(line.amount))
    if lines:
        total = sum((line.amount for line in lines), Decimal("0"))
        if total != finance.income_total:
            sink.finding(f"收入各项相加为 {format_wan(total)}，与本年收入总计 {format_wan(finance.income_total)} 不符，请核对。")
        for line, share, text in zip(lines, income_shares(finance), printed):
            _check_percent(sink, f"“{line.source}”的占比", text, share)
    return True


_EXPENDITURE = re.compile(rf"^(?P<y>\d{{4}})年(?:度)?本年支出(?:合计|总计)(?P<t>{NUMBER})(?P<tu>万元|元)(?:，其中：?(?P<parts>.+?))?。$")
_PART = re.compile(rf"^(?P<name>基本支出|项目支出){AMOUNT}(?:，占(?P<p>{NUMBER})%)?(?:[（(]其中：?(?P<split>[^）)]+)[）)])?$")


def expenditure(sentence: str, sink: Sink) -> bool:
    """2024年本年支出合计219.7万元，其中：基本支出76.46万元，占34.8%；项目支出143.24万元，占65.2%。"""
    match = _EXPENDITURE.match(sentence)
    if not match:
        return False
    spent = sink.report.finance.expenditure
    printed = {}
    for part in _split_top(match.group("parts") or "", "；"):
        found = _PART.match(part)
        if not found:
            return False
        value = _amount(found.group(2), found.group(3))
        if found.group("name") == "基本支出":
            spent.basic = value
            for name, number, unit in re.findall(rf"(人员经费|公用经费){AMOUNT}", found.group("split") or ""):
                if name == "人员经费":
                    spent.personnel = _amount(number, unit)
                else:
                    spent.public = _amount(number, unit)
        else:
            spent.project = value
        printed[found.group("name")] = found.group("p")
    spent.total = _amount(match.group("t"), match.group("tu"))
    sink.took("本年支出合计", format_wan(spent.total))
    for label, value in (("基本支出", spent.basic), ("人员经费", spent.personnel), ("公用经费", spent.public),
                         ("项目支出", spent.project)):
        if value is not None:
            sink.took(label, format_wan(value))
    parts = [v for v in (spent.basic, spent.project) if v is not None]
    if len(parts) == 2 and sum(parts) != spent.total:
        sink.finding(f"基本支出与项目支出相加为 {format_wan(sum(parts))}，与本年支出合计 {format_wan(spent.total)} 不符，请核对。")
    if spent.personnel is not None and spent.public is not None and spent.basic is not None \
            and spent.personnel + spent.public != spent.basic:
        sink.finding("人员经费与公用经费相加不等于基本支出，请核对。")
    basic_share, project_share = expenditure_shares(spent)
    _check_percent(sink, "基本支出的占比", printed.get("基本支出"), basic_share)
    _check_percent(sink, "项目支出的占比", printed.get("项目支出"), project_share)
    return True


_BALANCE = re.compile(rf"^(?:收支相等|本年(?P<more>收入大于支出|支出大于收入){AMOUNT})。$")


def balance_note(sentence: str, sink: Sink) -> bool:
    """收支相等。 — printed after the expenditure sentence; checked, not stored."""
    match = _BALANCE.match(sentence)
    if not match:
        return False
    finance = sink.report.finance
    received, spent = finance.income_total, finance.expenditure.total
    if received is not None and spent is not None:
        if match.group("more") is None and received != spent:
            sink.finding(f"报告写“收支相等”，但本年收入 {format_wan(received)}、支出 {format_wan(spent)}，请核对。")
        elif match.group("more"):
            stated = _amount(match.group(2), match.group(3))
            actual = received - spent if match.group("more").startswith("收入") else spent - received
            if stated != actual:
                sink.finding(f"报告写收支相差 {format_wan(stated)}，按金额计算为 {format_wan(actual)}，请核对。")
    return True


_CARRY = re.compile(rf"^(?:年初结转(?:结余)?(?P<s>{NUMBER})(?P<su>万元|元)，)?年末结转(?:结余)?(?P<e>{NUMBER})(?P<eu>万元|元)。$")


def carry_over(sentence: str, sink: Sink) -> bool:
    """年末结转0万元。 (with 年初结转结余 before it when there was one)"""
    match = _CARRY.match(sentence)
    if not match:
        return False
    finance = sink.report.finance
    if match.group("s"):
        finance.carry_over_start = _amount(match.group("s"), match.group("su"))
        sink.took("年初结转结余", format_wan(finance.carry_over_start))
    finance.carry_over_end = _amount(match.group("e"), match.group("eu"))
    sink.took("年末结转结余", format_wan(finance.carry_over_end))
    return True


_BUDGET = re.compile(
    rf"^(?:年初预算数?(?P<i>{NUMBER})(?P<iu>万元|元)，)?全年(?:调整后)?预算数?(?P<a>{NUMBER})(?P<au>万元|元)，"
    rf"(?:全年)?执行数?(?P<e>{NUMBER})(?P<eu>万元|元)(?:，(?:完成预算的|预算执行率为?)(?P<p>{NUMBER})%)?。$"
)


def budget_execution(sentence: str, sink: Sink) -> bool:
    """全年预算数570.54万元，执行数537.81万元，完成预算的94.26%。"""
    match = _BUDGET.match(sentence)
    if not match:
        return False
    budget = sink.report.finance.budget
    if match.group("i"):
        budget.initial = _amount(match.group("i"), match.group("iu"))
        sink.took("年初预算数", format_wan(budget.initial))
    budget.adjusted = _amount(match.group("a"), match.group("au"))
    budget.executed = _amount(match.group("e"), match.group("eu"))
    sink.took("全年预算数", format_wan(budget.adjusted))
    sink.took("全年执行数", format_wan(budget.executed))
    rate = budget_execution_rate(budget)
    if match.group("p") and rate is not None and abs(Decimal(match.group("p")) - rate) > Decimal("0.01"):
        sink.finding(f"预算执行率印的是 {match.group('p')}%，按执行数 ÷ 全年预算数计算应为 {format_percent(rate)}，请核对。")
    return True


# ------------------------------------------------------------------ projects and scores

_PROJECTS = re.compile(r"^(?P<y>\d{4})年，(?P<who>.+?)纳入绩效评价(?:的)?项目(?:预算)?(?P<n>\d+)个，分别(?:是|为)：?(?P<items>.+)。$")
_PROJECT = re.compile(rf"^(?P<name>.+?)(?:{AMOUNT})?$")


def project_list(sentence: str, sink: Sink) -> bool:
    """2024年，区妇联纳入绩效评价项目预算5个，分别是春蕾行动计划经费1万元；妇工委工作经费0.5万元；…。"""
    if re.match(r"^\d{4}年，.+?无纳入绩效评价的项目(?:预算)?。$", sentence):
        sink.report.projects = []
        sink.took("项目", "无")
        return True
    match = _PROJECTS.match(sentence)
    if not match:
        return False
    items = _split_top(match.group("items"), "；")
    if len(items) == 1:
        items = _split_top(items[0], "、")
    projects = []
    for item in items:
        found = _PROJECT.match(item.strip())
        if not found:
            return False
        budget = _amount(found.group(2), found.group(3)) if found.group(2) else None
        projects.append(Project(name=found.group("name"), initial=FundColumn(total=budget)))
        sink.took(f"项目：{found.group('name')}", format_wan(budget) if budget is not None else "（未写金额）")
    if len(projects) != int(match.group("n")):
        sink.finding(f"报告写纳入绩效评价项目 {match.group('n')} 个，实际列出 {len(projects)} 个，请核对。")
    sink.report.projects = projects
    return True


def large_projects(sentence: str, sink: Sink) -> bool:
    """50万以上项目：无 — printed from the project list, nothing to keep."""
    return re.match(r"^50万元?以上(?:的)?项目[：:].*$", sentence) is not None


_SCORE = re.compile(rf"自评(?:结果|得分|分数)为?(?P<s>{NUMBER})分(?:，(?:达到|等级为|评价等级为|评定为)?“?(?P<g>[优良中差])”?(?:等级|等次)?)?")


def self_evaluation(sentence: str, sink: Sink) -> bool:
    """…2022年我部门整体支出绩效自评结果为98分，达到“优”等级。"""
    match = _SCORE.search(sentence)
    if not match or "整体" not in sentence:
        return False
    score = Decimal(match.group("s"))
    sink.report.self_evaluation.entered_total = score
    sink.took("自评得分", f"{match.group('s')} 分")
    expected = grade_for(score, rule_set_for(sink.report).grade_bands).value
    if match.group("g") and expected != match.group("g"):
        sink.finding(f"自评得分 {match.group('s')} 分对应的等级是“{expected}”，报告写的是“{match.group('g')}”，请核对。")
    return True


def ledger_sentence(sentence: str, sink: Sink) -> bool:
    """据活动台账统计，… — the program prints it from the ledger; the ledger itself is not in the report."""
    return sentence.startswith("据活动台账统计")


Recogniser = Callable[[str, Sink], bool]

# Tried on every sentence of the body, in this order (the first that takes the whole sentence wins).
RECOGNISERS: list[tuple[str, Recogniser]] = [
    ("ledger", ledger_sentence),
    ("profile_overview", profile_overview),
    ("organisation", organisation),
    ("staffing", staffing),
    ("income", income),
    ("expenditure", expenditure),
    ("balance", balance_note),
    ("carry_over", carry_over),
    ("budget_execution", budget_execution),
    ("project_list", project_list),
    ("large_projects", large_projects),
    ("self_evaluation", self_evaluation),
]


def recognise(sentence: str, sink: Sink) -> Optional[str]:
    """The name of the recogniser that took the sentence, or None (the sentence is prose)."""
    numbered = split_number(sentence)
    candidates = [sentence] if numbered is None else [sentence, numbered.rest]
    for text in candidates:
        for name, recogniser in RECOGNISERS:
            if recogniser(text, sink):
                return name
    return None


# ------------------------------------------------------------------ outside the body

_DATE = re.compile(r"^(\d{4})\s*[年·.\-/／．]\s*(\d{1,2})\s*[月·.\-/／．]\s*(\d{1,2})\s*日?\s*[。.．]?$")


def date_line(text: str) -> Optional[date]:
    """2025·3·31. / 2025年3月31日 — the report's date (the signature's, or a line above the title)."""
    match = _DATE.match(text.strip())
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


_TARGET = re.compile(rf"(?:^|[；;，,。])(?P<name>[^；;，,。≥≤=]{{2,20}}?)\s*(?P<op>≥|≤|>=|<=|=|不低于|不少于|不高于|不超过)\s*(?P<v>{NUMBER})\s*(?P<unit>%|％|[^\d；;，,。\s]{{0,3}}?)(?=$|[；;，,。])")
_OPS = {"≥": IndicatorKind.AT_LEAST, ">=": IndicatorKind.AT_LEAST, "不低于": IndicatorKind.AT_LEAST,
        "不少于": IndicatorKind.AT_LEAST, "≤": IndicatorKind.AT_MOST, "<=": IndicatorKind.AT_MOST,
        "不高于": IndicatorKind.AT_MOST, "不超过": IndicatorKind.AT_MOST, "=": IndicatorKind.EQUAL}


def target_indicators(text: str) -> list[Indicator]:
    """履职满意率≥90% in the department's aim → an indicator with its kind, target and unit."""
    found = []
    for match in _TARGET.finditer(text):
        unit = match.group("unit").replace("％", "%")
        found.append(Indicator(name=match.group("name").strip(), kind=_OPS[match.group("op")],
                               target=Decimal(match.group("v")), unit=unit))
    return found
