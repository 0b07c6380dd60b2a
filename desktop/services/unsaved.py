"""Edits the database refused because the report changed elsewhere: described, and replayed on the reloaded copy.

A keyed item (a ledger line, a task, a project) is found again by its key, not by its row number: the
newer copy may hold other rows, in another order. An edit whose field no longer exists there is not
guessed at; it is returned as skipped so the clerk sees it and types it in by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from datetime import date
from decimal import Decimal
from typing import Any, Callable, Optional

from ..domain.model import Report
from ..domain import fieldpath
from ..domain.field_labels import label_of


class EditKind(str, Enum):
    SET = "set"  # a field got a value
    INSERT = "insert"  # an item was added to a list
    REMOVE = "remove"  # an item was removed from a list


@dataclass(frozen=True)
class UnsavedEdit:
    """An edit the database has not confirmed: kept so the clerk can re-apply it after a reload."""

    kind: EditKind
    path: str  # the field (SET) or the list (INSERT, REMOVE)
    value: Any  # the new value, or the item added or removed
    key: Optional[str] = None  # SET inside a keyed item (a ledger line …): that item's key


# The report's parts by the names the pages use.
SECTION_NAMES = {
    "unit": "单位",
    "profile": "单位概况",
    "tasks": "年度工作任务",
    "activities": "活动台账",
    "activity_kinds": "活动类别",
    "department_target": "部门整体绩效目标",
    "finance": "收支情况",
    "projects": "项目支出",
    "self_evaluation": "自评表",
    "narratives": "分析与说明",
    "problems": "存在问题",
    "measures": "改进措施",
    "title": "报告标题",
    "report_date": "报告日期",
    "outline": "报告格式",
    "status": "状态",
    "rule_set": "评分规则",
    "overlays": "地方评分规则",
}
VALUE_CHARS = 80
_FIRST_INDEX = re.compile(r"^(report(?:\.[A-Za-z_][A-Za-z0-9_]*)+)\[(\d+)\](.*)$")


@dataclass(frozen=True)
class Replay:
    """One step to apply to the reloaded report: set `path`, or insert/remove at `index` of list `path`."""

    edit: UnsavedEdit
    kind: EditKind
    path: str
    index: int | None
    value: Any


def item_key(report: Report, path: str) -> str | None:
    """The key of the keyed list item the path runs through (report.activities[3].money → that line's key)."""
    match = _FIRST_INDEX.match(path)
    if not match:
        return None
    try:
        item = fieldpath.get(report, f"{match.group(1)}[{match.group(2)}]")
    except fieldpath.FieldPathError:
        return None
    return getattr(item, "key", None)


def field_name(path: str) -> str:
    """The part of the report and the field, for a message: 收支情况（finance.carry_over_start）."""
    steps = fieldpath.parse(path)
    section = SECTION_NAMES.get(str(steps[0]), str(steps[0])) if steps else "报告"
    field = path[len(fieldpath.ROOT) + 1 :]
    return f"{section}（{field}）" if field and "." in field or "[" in field else section


def describe(edit: UnsavedEdit, place: Optional[Callable[[str], str]] = None) -> str:
    """One line for the clerk: which part, what was done, the value typed. `place(path)` gives where the
    field is on screen in the form's words (“收支情况 › 年初结转结余”), as the window knows it."""
    steps = fieldpath.parse(edit.path)
    section = SECTION_NAMES.get(str(steps[0]), str(steps[0])) if steps else "报告"
    value = _value_text(edit.value)
    if edit.kind is EditKind.INSERT:
        return f"{section}：添加 {value}"
    if edit.kind is EditKind.REMOVE:
        return f"{section}：删除 {value}"
    where = place(edit.path) if place is not None else ""
    match = _FIRST_INDEX.match(edit.path)
    row = f"（第 {int(match.group(2)) + 1} 条）" if match and match.group(3) else ""
    if " › " in where:
        return f"{where}{row}：{value}"
    field = label_of(edit.path) or edit.path[len(fieldpath.ROOT) + 1 :]
    return f"{section}（{field}）{row}：{value}"


def _value_text(value: Any) -> str:
    if value is None:
        text = "（空）"
    elif isinstance(value, (str, int, Decimal, date)):
        text = str(value) if value != "" else "（空）"
    elif isinstance(value, list):
        text = "；".join(_value_text(v) for v in value) or "（空）"
    elif hasattr(value, "title") or hasattr(value, "name"):
        label = getattr(value, "title", None) or getattr(value, "name", None) or ""
        when = getattr(value, "date", None)
        text = f"{when} {label}".strip() if when else str(label)
    else:
        text = str(value)
    return text if len(text) <= VALUE_CHARS else text[: VALUE_CHARS - 1] + "…"


def place(edit: UnsavedEdit, report: Report) -> Replay | None:
    """The step that re-applies the edit to `report` (a reloaded copy), or None when it no longer fits.

    Place each edit after applying the ones before it: an edit to a line added earlier finds that line.
    """
    if edit.kind is EditKind.SET:
        path = _relocated(edit, report)
        if path is None:
            return None
        try:
            fieldpath.get(report, path)
        except fieldpath.FieldPathError:
            return None
        return Replay(edit, EditKind.SET, path, None, edit.value)
    try:
        items = fieldpath.get(report, edit.path)
    except fieldpath.FieldPathError:
        return None
    key = getattr(edit.value, "key", None)
    index = next((i for i, item in enumerate(items) if key is not None and getattr(item, "key", None) == key), None)
    if edit.kind is EditKind.INSERT:
        return None if index is not None else Replay(edit, EditKind.INSERT, edit.path, len(items), edit.value)
    if index is None and key is None and edit.value in items:
        index = items.index(edit.value)
    return None if index is None else Replay(edit, EditKind.REMOVE, edit.path, index, edit.value)


def _relocated(edit: UnsavedEdit, report: Report) -> str | None:
    """The edit's path in the reloaded report: a keyed item's row number looked up again by its key."""
    if edit.key is None:
        return edit.path
    match = _FIRST_INDEX.match(edit.path)
    if not match:
        return edit.path
    try:
        items = fieldpath.get(report, match.group(1))
    except fieldpath.FieldPathError:
        return None
    index = next((i for i, item in enumerate(items) if getattr(item, "key", None) == edit.key), None)
    return None if index is None else f"{match.group(1)}[{index}]{match.group(3)}"
