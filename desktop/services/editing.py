"""The open report being edited, and the policy that saves every change as it is made.

Ledger lines are saved one by one the moment they change (a few milliseconds each); the unit's own
fields go to the unit table at once, checked against the fields as this copy last saw them; everything
else marks the report as changed and is saved whole once the clerk pauses (SAVE_DELAY_SECONDS after the
last change), when the page changes and on close.
The interface asks `flush()` to run when the delay has passed; it never decides what to save itself.

Every write names the revision the report was loaded at. When the report was changed elsewhere in the
meantime (another window, another PC, an import --replace), the write is refused and the session goes to
CONFLICT: it writes nothing more, and `unsaved` keeps the clerk's edits since the last complete save, so
that the interface can reload the report and offer them back to re-apply. Nothing is overwritten and
nothing is dropped silently.

A save that fails (a server out of reach, a full disk, a conflict) also keeps the clerk's copy on this PC
(services/kept_edits.py, when the session is given a folder): should the program be closed before the
save succeeds, the next start offers the edits. A failed write is retried whole at the next flush.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from pathlib import Path
from enum import Enum
from typing import Any, Callable, Optional

from ..domain.model import Activity, Report
from ..errors import UserError
from ..storage import Database, ReportChangedError, StorageError
from ..domain import fieldpath
from . import unsaved
from .unsaved import EditKind, UnsavedEdit

SAVE_DELAY_SECONDS = 0.4
ACTIVITIES = "report.activities"
UNIT = "report.unit"


class SaveState(str, Enum):
    SAVED = "saved"  # 已保存
    PENDING = "pending"  # 正在保存（等待输入停顿）
    FAILED = "failed"  # 保存失败
    CONFLICT = "conflict"  # 报告已在别处修改，未保存

    @property
    def label(self) -> str:
        return {
            "saved": "已保存",
            "pending": "正在保存…",
            "failed": "保存失败",
            "conflict": "未保存：报告已在别处修改",
        }[self.value]


@dataclass(frozen=True)
class Change:
    """One edit: the field and its value before and after (what undo needs)."""

    path: str
    old: Any
    new: Any


class EditSession:
    """Edits to one open report, each written to the database by the policy above."""

    def __init__(self, database: Database, report: Report, clock: Callable[[], float] = time.monotonic,
                 keep_in: Optional[Path] = None):
        self.database = database
        self._keep_in = keep_in  # where a failed save keeps the clerk's copy; None: not kept
        self.kept: Optional[Path] = None  # the kept copy of this session's unsaved edits, while there is one
        self.keep_error: str = ""  # why the copy could not be kept, if it could not
        self.report = report
        self._clock = clock
        self._dirty_since: Optional[float] = None
        self.state = SaveState.SAVED
        self.error: str = ""
        self.saves = 0  # whole-report saves done (for tests and the benchmark)
        self.unsaved: list[UnsavedEdit] = []  # edits since everything was last saved, oldest first
        self._unit_unsaved = False
        self._unit_as_stored = replace(report.unit)  # what a unit write must still find in the table

    @property
    def conflicted(self) -> bool:
        """The report was changed elsewhere: this copy must be reloaded before anything is saved."""
        return self.state is SaveState.CONFLICT

    # -------------------------------------------------------------- changing fields

    def set(self, path: str, value: Any) -> Change:
        """Set one field of the report and save it by the policy; returns the change made."""
        old = fieldpath.set_value(self.report, path, value)
        change = Change(path, old, value)
        edit = UnsavedEdit(EditKind.SET, path, value, unsaved.item_key(self.report, path))
        if self.unsaved and self.unsaved[-1].kind is EditKind.SET and self.unsaved[-1].path == path:
            self.unsaved[-1] = edit  # typing a word is one edit, as it is one step to undo
        else:
            self.unsaved.append(edit)
        self._persist(path)
        return change

    def get(self, path: str) -> Any:
        return fieldpath.get(self.report, path)

    def insert(self, list_path: str, index: int, item: Any) -> None:
        """Insert an item into a list of the report (a row of a table)."""
        items = fieldpath.get(self.report, list_path)
        items.insert(index, item)
        self.unsaved.append(UnsavedEdit(EditKind.INSERT, list_path, item))
        if list_path == ACTIVITIES:
            # The database keeps its own order of ledger lines; the table sorts for display.
            self._write(lambda: self.database.reports().save_activity(self.report, item))
        else:
            self._persist(list_path)

    def remove(self, list_path: str, index: int) -> Any:
        """Remove and return an item of a list of the report."""
        items = fieldpath.get(self.report, list_path)
        item = items.pop(index)
        self.unsaved.append(UnsavedEdit(EditKind.REMOVE, list_path, item))
        if list_path == ACTIVITIES:
            self._write(lambda: self.database.reports().delete_activity(self.report, item.key))
        else:
            self._persist(list_path)
        return item

    def move(self, list_path: str, index: int, to: int) -> None:
        items = fieldpath.get(self.report, list_path)
        items.insert(to, items.pop(index))
        self._persist(list_path if list_path != ACTIVITIES else "report")

    # -------------------------------------------------------------- the save policy

    def _persist(self, path: str) -> None:
        located = fieldpath.split_list_item(path, ACTIVITIES)
        if located is not None:
            activity: Activity = self.report.activities[located[0]]
            self._write(lambda: self.database.reports().save_activity(self.report, activity))
        elif fieldpath.is_within(path, UNIT) and path != UNIT:
            self._unit_unsaved = True  # until the unit table has it (a failed write is retried at flush)
            self._write(self._save_unit)
        else:
            self._mark_dirty()

    def _save_unit(self) -> None:
        self.database.units().update(self.report.unit, expected=self._unit_as_stored)
        self._unit_as_stored = replace(self.report.unit)
        self._unit_unsaved = False

    def _mark_dirty(self) -> None:
        self._dirty_since = self._clock()
        self.state = SaveState.PENDING

    def _write(self, action: Callable[[], Any]) -> None:
        if self.conflicted:
            return  # a stale copy writes nothing more; the edit stays in `unsaved`
        try:
            action()
        except StorageError as exc:
            self._failed(exc)
            return
        if self._dirty_since is None:
            self._all_saved()

    def _failed(self, exc: StorageError) -> None:
        self.state = SaveState.CONFLICT if isinstance(exc, ReportChangedError) else SaveState.FAILED
        self.error = exc.message
        if self.state is SaveState.FAILED and self._dirty_since is None:
            # A ledger line or unit write that failed is retried by saving the report whole.
            self._dirty_since = self._clock()
        self._keep()

    def _keep(self) -> None:
        """Keep the clerk's copy on this PC until a save succeeds (one file per session, rewritten)."""
        if self._keep_in is None:
            return
        from . import kept_edits

        name = self.kept.name[: -len(kept_edits.DATA_SUFFIX)] if self.kept is not None else None
        try:
            self.kept = kept_edits.keep(
                self._keep_in, self.database, self.report, [unsaved.describe(e) for e in self.unsaved],
                self.error, name=name,
            )
            self.keep_error = ""
        except (OSError, UserError) as exc:
            self.keep_error = getattr(exc, "message", None) or str(exc)

    def _all_saved(self) -> None:
        self.state = SaveState.SAVED
        self.error = ""
        self.unsaved.clear()
        if self.kept is not None:
            from . import kept_edits

            kept_edits.discard(self.kept)
            self.kept = None

    @property
    def dirty(self) -> bool:
        return self._dirty_since is not None

    def save_due(self) -> bool:
        """Whether the pause since the last change is long enough to save the report whole."""
        return self.dirty and self._clock() - self._dirty_since >= SAVE_DELAY_SECONDS

    def flush(self) -> bool:
        """Save the report whole if it has unsaved changes. True when everything is saved."""
        if self.conflicted:
            return False
        if not self.dirty:
            return self.state is SaveState.SAVED
        try:
            if self._unit_unsaved:
                self._save_unit()
            self.database.reports().save(self.report)
        except StorageError as exc:
            self._failed(exc)
            return False
        self._unit_as_stored = replace(self.report.unit)  # a whole save reads the stored unit back
        self._dirty_since = None
        self.saves += 1
        self._all_saved()
        return True
