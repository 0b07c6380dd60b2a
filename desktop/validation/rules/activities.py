"""Rules on the activity ledger (活动台账): dates in the fiscal year, counts, likely duplicates."""

from __future__ import annotations

from typing import Iterator

from ...domain.field_labels import label_of
from ..context import Context, compact_money_text
from ..issue import Issue, error, info, warning

COUNTS = (("sessions", "场次/期数"), ("participants", "参与人次"), ("beneficiaries", label_of("activities[].beneficiaries")))
# Characters ignored when comparing titles: a duplicate typed twice rarely differs only in these.
_IGNORED = str.maketrans("", "", " \t\u3000，。、,.；;：:“”\"'（）()《》-—·")


def _title(activity) -> str:
    return f"“{activity.title.strip()}”" if activity.title.strip() else "（无标题）"


def activity_checks(ctx: Context) -> Iterator[Issue]:
    """ACT-001 日期不在本年度；ACT-002 无日期；ACT-003 数量为负；ACT-004 金额为负；ACT-005 疑似重复；
    ACT-007 无标题；ACT-008 类别不在清单中；ACT-009 受益数未注明单位."""
    report = ctx.report
    year = report.fiscal_year
    kinds = set(report.activity_kinds)
    seen: dict[tuple, int] = {}
    for i, activity in enumerate(report.activities):
        # Runs on every keystroke over up to 10,000 rows: the common, clean row costs a few comparisons.
        title = activity.title
        if not title or not title.strip():
            yield warning("ACT-007", f"report.activities[{i}].title", f"活动台账第 {i + 1} 条没有标题。", "请填写活动名称。")
        day = activity.date
        if day is None:
            yield warning("ACT-002", f"report.activities[{i}].date", f"活动台账第 {i + 1} 条{_title(activity)}没有日期。",
                          "请填写活动日期。")
        elif day.year != year:
            yield error("ACT-001", f"report.activities[{i}].date",
                        f"活动台账第 {i + 1} 条{_title(activity)}的日期 {day.isoformat()} 不在 {year} 年度内。",
                        f"本报告只统计 {year} 年 1 月 1 日至 12 月 31 日的活动，请更正日期或把该活动移到对应年度。")
        sessions, participants, beneficiaries = activity.sessions, activity.participants, activity.beneficiaries
        if (sessions is not None and sessions < 0) or (participants is not None and participants < 0) or (
            beneficiaries is not None and beneficiaries < 0
        ):
            for attr, name in COUNTS:
                value = getattr(activity, attr)
                if value is not None and value < 0:
                    yield error("ACT-003", f"report.activities[{i}].{attr}",
                                f"活动台账第 {i + 1} 条{_title(activity)}的{name}为负数（{value}）。", "数量应为 0 或正数，请更正。")
        if beneficiaries and activity.beneficiary_unit is None:
            yield warning("ACT-009", f"report.activities[{i}].beneficiary_unit",
                          f"活动台账第 {i + 1} 条{_title(activity)}有受益数 {beneficiaries}，但没有注明单位。",
                          "请选择受益单位（人、人次、户或个）；未注明单位的受益数在报告中不能与其他受益数合计。")
        money = activity.money
        if money is not None and money < 0:
            yield error("ACT-004", f"report.activities[{i}].money",
                        f"活动台账第 {i + 1} 条{_title(activity)}的金额为负数（{compact_money_text(money)}）。", "金额应为 0 或正数，请更正。")
        if activity.kind and activity.kind not in kinds:
            yield info("ACT-008", f"report.activities[{i}].kind",
                       f"活动台账第 {i + 1} 条{_title(activity)}的类型“{activity.kind}”不在活动类型清单中。",
                       "可从类型清单中选择，或在“管理活动类型”中把它加入清单，以便按类型汇总。")
        normalised = title.translate(_IGNORED) if title else ""
        if not normalised:
            continue
        key = (day, normalised, activity.kind, sessions, participants, beneficiaries, money,
               activity.task_key, activity.project_key)
        first = seen.setdefault(key, i)
        if first != i:
            yield warning("ACT-005", f"report.activities[{i}].title",
                          f"活动台账第 {i + 1} 条{_title(activity)}与第 {first + 1} 条的日期、名称、数量和金额完全相同，可能重复录入。",
                          "如确为重复，请删除其中一条；如是两次不同的活动，请在名称或备注中加以区分。")


RULES = [activity_checks]
