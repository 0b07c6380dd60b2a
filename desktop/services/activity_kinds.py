"""The report's list of activity kinds: how many activities use a kind, renaming and removing one.

The ledger's kind column holds the kind's name, not a link, so renaming a kind must also rename it on
every activity that uses it, and a kind still in use cannot be removed without leaving those activities
with a kind that is no longer on the list.
"""

from __future__ import annotations

from typing import Any, Optional

from ..domain.model import Report
from ..domain import fieldpath

KINDS = "report.activity_kinds"
NEW_KIND = "新类型"


def usage(report: Report, kind: str) -> int:
    """How many activities of the ledger have this kind."""
    return sum(1 for activity in report.activities if activity.kind == kind)


def name_problem(report: Report, name: str, index: Optional[int] = None) -> Optional[str]:
    """Why `name` cannot be the kind at `index` (or a new kind); None when it can."""
    if not name.strip():
        return "活动类型的名称不能为空，请填写类型名称。"
    for other, kind in enumerate(report.activity_kinds):
        if kind == name and other != index:
            return f"已有活动类型“{name}”，请换一个名称；如要合并两个类型，请先在活动台账中把活动改为同一类型。"
    return None


def rename_changes(report: Report, index: int, name: str) -> list[tuple[str, Any]]:
    """The field changes that rename the kind at `index`: the list entry first, then every activity using it."""
    old = report.activity_kinds[index]
    changes: list[tuple[str, Any]] = [(fieldpath.join("activity_kinds", index), name)]
    for row, activity in enumerate(report.activities):
        if old and activity.kind == old:
            changes.append((fieldpath.join("activities", row, "kind"), name))
    return changes


def removal_refusal(report: Report, index: int) -> Optional[str]:
    """Why the kind at `index` cannot be removed (activities still use it); None when it can."""
    kind = report.activity_kinds[index]
    count = usage(report, kind)
    if count == 0:
        return None
    return (
        f"活动台账中还有 {count} 条活动的类型是“{kind}”，不能删除这个类型。"
        "请先在活动台账中把这些活动改为其他类型（可按类型筛选找到它们），或把这个类型改名。"
    )


def new_kind_name(report: Report) -> str:
    """A name for a kind just added, not yet on the list (新类型, 新类型2 …), for the clerk to rename."""
    taken = set(report.activity_kinds)
    if NEW_KIND not in taken:
        return NEW_KIND
    number = 2
    while f"{NEW_KIND}{number}" in taken:
        number += 1
    return f"{NEW_KIND}{number}"
