"""Rules on the activity ledger (活动台账): dates in the fiscal year, counts, likely duplicates."""

from __future__ import annotations

from typing import Iterator

from ..context import Context, is_blank, money_text
from ..issue import Issue, error, info, warning

COUNTS = (("sessions", "场次/期数"), ("participants", "参与人次"), ("beneficiaries", "受益人数"))
# Characters ignored when comparing titles: a duplicate typed twice rarely differs only in these.
_IGNORED = str.maketrans("", "", " \t\u3000，。、,.；;：:“”\"'（）()《》-—·")


def _title(activity) -> str:
    return f"“{activity.title.strip()}”" if activity.title.strip() else "（无标题）"


def activity_checks(ctx: Context) -> Iterator[Issue]:
    """ACT-001 日期不在本年度；ACT-002 无日期；ACT-003 数量为负；ACT-004 金额为负；ACT-005 疑似重复；
    ACT-007 无标题；ACT-008 类别不在清单中."""
    report = ctx.report
    year = report.fiscal_year
    kinds = set(report.activity_kinds)
    seen: dict[tuple, int] = {}
    for i, activity in enumerate(report.activities):
        path = f"report.activities[{i}]"
        title = _title(activity)
        if is_blank(activity.title):
            yield warning("ACT-007", f"{path}.title", f"活动台账第 {i + 1} 条没有标题。", "请填写活动名称。")
        if activity.date is None:
            yield warning("ACT-002", f"{path}.date", f"活动台账第 {i + 1} 条{title}没有日期。", "请填写活动日期。")
        elif activity.date.year != year:
            yield error("ACT-001", f"{path}.date",
                        f"活动台账第 {i + 1} 条{title}的日期 {activity.date.isoformat()} 不在 {year} 年度内。",
                        f"本报告只统计 {year} 年 1 月 1 日至 12 月 31 日的活动，请更正日期或把该活动移到对应年度。")
        for attr, name in COUNTS:
            value = getattr(activity, attr)
            if value is not None and value < 0:
                yield error("ACT-003", f"{path}.{attr}", f"活动台账第 {i + 1} 条{title}的{name}为负数（{value}）。",
                            "数量应为 0 或正数，请更正。")
        if activity.money is not None and activity.money < 0:
            yield error("ACT-004", f"{path}.money", f"活动台账第 {i + 1} 条{title}的金额为负数（{money_text(activity.money)}）。",
                        "金额应为 0 或正数，请更正。")
        if activity.kind and activity.kind not in kinds:
            yield info("ACT-008", f"{path}.kind", f"活动台账第 {i + 1} 条{title}的类别“{activity.kind}”不在活动类别清单中。",
                       "可从类别清单中选择，或把该类别加入清单，以便按类别汇总。")
        normalised = activity.title.translate(_IGNORED)
        if not normalised:
            continue
        key = (activity.date, normalised, activity.kind, activity.sessions, activity.participants,
               activity.beneficiaries, activity.money, activity.task_key, activity.project_key)
        first = seen.setdefault(key, i)
        if first != i:
            yield warning("ACT-005", f"{path}.title",
                          f"活动台账第 {i + 1} 条{title}与第 {first + 1} 条的日期、名称、数量和金额完全相同，可能重复录入。",
                          "如确为重复，请删除其中一条；如是两次不同的活动，请在名称或备注中加以区分。")


RULES = [activity_checks]
