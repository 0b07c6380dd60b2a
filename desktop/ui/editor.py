"""Every edit the forms make goes through here: onto the undo stack, into the report, to the database.

Widgets call `set`, `insert`, `remove`; the stack makes them undoable (Ctrl+Z / Ctrl+Y); the session
applies them and saves by its policy; `changed` and `list_changed` tell every view what to redraw, so
an undo shows in whichever page holds the field.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator, Optional

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..domain.model import Report
from ..domain.text import clean, describe_bad_character
from ..errors import UserError
from ..services import unsaved
from ..services.editing import SAVE_DELAY_SECONDS, EditSession, SaveState
from ..services.last_year import StoredTotals, filled, stored_totals
from ..services.unsaved import EditKind, UnsavedEdit
from ..services.workspace import Workspace

_MERGE_ID = 0x51
_UNREAD = object()  # last year's totals not yet read for the open report


class _SetField(QUndoCommand):
    def __init__(self, editor: "Editor", path: str, old: Any, new: Any, merge: bool):
        super().__init__(f"修改 {path}")
        self.editor, self.path, self.old, self.new, self.merge = editor, path, old, new, merge

    def redo(self) -> None:
        self.editor._apply(self.path, self.new)

    def undo(self) -> None:
        self.editor._apply(self.path, self.old)

    def id(self) -> int:
        return _MERGE_ID if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        # Typing a word is one step to undo, not one per key.
        if not isinstance(other, _SetField) or other.path != self.path or not other.merge:
            return False
        self.new = other.new
        return True


class _Insert(QUndoCommand):
    def __init__(self, editor: "Editor", list_path: str, index: int, item: Any):
        super().__init__(f"添加 {list_path}")
        self.editor, self.list_path, self.index, self.item = editor, list_path, index, item

    def redo(self) -> None:
        self.editor._insert(self.list_path, self.index, self.item)

    def undo(self) -> None:
        self.editor._remove(self.list_path, self.index)


class _Remove(QUndoCommand):
    def __init__(self, editor: "Editor", list_path: str, index: int, item: Any):
        super().__init__(f"删除 {list_path}")
        self.editor, self.list_path, self.index, self.item = editor, list_path, index, item

    def redo(self) -> None:
        self.editor._remove(self.list_path, self.index)

    def undo(self) -> None:
        self.editor._insert(self.list_path, self.index, self.item)


class Editor(QObject):
    """The open report's editor; None report means nothing is open."""

    changed = Signal(str)  # a field path whose value changed
    list_about_to_change = Signal(str, int, int)  # list path, row, +1 insert / -1 remove
    list_changed = Signal(str, int, int)  # the same, after the change
    _report_loaded = Signal()  # a different report (or none) is now open: see report_loaded
    save_state_changed = Signal()
    # The report was changed elsewhere and a save was refused; emitted once per conflict with the message.
    conflict = Signal(str)
    # Text arrived (typed, pasted) with characters that cannot be stored; they were removed. The message names the field.
    text_cleaned = Signal(str)

    def __init__(self, workspace: Workspace, parent: Optional[QObject] = None):
        super().__init__(parent)
        self.workspace = workspace
        self._catching_up: Optional[list] = None
        self.session: Optional[EditSession] = None
        self._conflict_announced = False
        self._last_year: object = _UNREAD
        self.undo_stack = QUndoStack(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(int(SAVE_DELAY_SECONDS * 1000))
        self._timer.timeout.connect(self.flush)

    @property
    def report_loaded(self) -> "_LoadedSignal":
        """Emitted when a different report (or none) is now open; `.connect(slot)`, `.emit()`."""
        return _LoadedSignal(self._report_loaded, self._catching_up)

    @contextmanager
    def catching_up(self) -> Iterator[None]:
        """Build a part of the window (a page first opened now, after a report was loaded) inside this:
        whatever it connects to report_loaded is then called once, so it shows the report already open
        exactly as if it had been there when the report was loaded, and nothing else is disturbed."""
        connected: list = []
        self._catching_up = connected
        try:
            yield
        finally:
            self._catching_up = None
        for slot in connected:
            slot()

    @property
    def report(self) -> Optional[Report]:
        return self.session.report if self.session else None

    @property
    def last_year(self) -> Optional[StoredTotals]:
        """The totals of the unit's stored report for the year before (read once per opened report):
        the comparison the page shows and the checks recompute use them where the clerk typed none."""
        if self._last_year is _UNREAD:
            if self.report is None:
                return None
            try:
                self._last_year = stored_totals(self.workspace, self.report)
            except UserError:
                return None  # the database is out of reach now (a server down): no comparison; asked again later
        return self._last_year

    def with_last_year(self) -> Optional[Report]:
        """The open report with last year's missing totals taken from the database (a cheap copy)."""
        return filled(self.report, self.last_year) if self.report is not None else None

    def open(self, report: Optional[Report]) -> None:
        self.flush()
        self.undo_stack.clear()
        self.session = self.workspace.editing(report) if report is not None else None
        self._conflict_announced = False
        self._last_year = _UNREAD
        self.report_loaded.emit()
        self.save_state_changed.emit()

    # -------------------------------------------------------------- edits (undoable)

    def set(self, path: str, value: Any, merge: bool = True) -> None:
        if self.session is None:
            return
        if isinstance(value, str) and describe_bad_character(value) is not None:
            # Pasted from a web page or another program: control characters would break the Word export
            # and a broken surrogate cannot be stored. Removed here, where every edit passes, and said.
            self.text_cleaned.emit(
                f"已删除“{unsaved.field_name(path)}”中不能保存的字符（{describe_bad_character(value)}）。"
            )
            value = clean(value)
        old = self.session.get(path)
        if old == value and type(old) is type(value):
            return
        self.undo_stack.push(_SetField(self, path, old, value, merge))

    def insert(self, list_path: str, index: int, item: Any) -> None:
        if self.session is not None:
            self.undo_stack.push(_Insert(self, list_path, index, item))

    def remove(self, list_path: str, index: int) -> None:
        if self.session is not None:
            item = self.session.get(list_path)[index]
            self.undo_stack.push(_Remove(self, list_path, index, item))

    def move(self, list_path: str, index: int, to: int) -> None:
        """Move an item within its list (上移 / 下移): one step to undo, told to views as a remove and an insert."""
        if self.session is None or index == to:
            return
        item = self.session.get(list_path)[index]
        with self.step(f"移动 {list_path}"):
            self.undo_stack.push(_Remove(self, list_path, index, item))
            self.undo_stack.push(_Insert(self, list_path, to, item))

    @contextmanager
    def step(self, text: str) -> Iterator[None]:
        """Edits made inside are one step to undo (renaming a kind also renames it on every activity)."""
        self.undo_stack.beginMacro(text)
        try:
            yield
        finally:
            self.undo_stack.endMacro()

    def get(self, path: str) -> Any:
        return self.session.get(path) if self.session else None

    # -------------------------------------------------------------- applying

    def _apply(self, path: str, value: Any) -> None:
        self.session.set(path, value)
        self._after_write()
        self.changed.emit(path)

    def _insert(self, list_path: str, index: int, item: Any) -> None:
        self.list_about_to_change.emit(list_path, index, 1)
        self.session.insert(list_path, index, item)
        self._after_write()
        self.list_changed.emit(list_path, index, 1)

    def _remove(self, list_path: str, index: int) -> None:
        self.list_about_to_change.emit(list_path, index, -1)
        self.session.remove(list_path, index)
        self._after_write()
        self.list_changed.emit(list_path, index, -1)

    def _after_write(self) -> None:
        if self.session.dirty and not self.session.conflicted:
            self._timer.start()  # restarts: the save waits for a pause in typing
        self.save_state_changed.emit()
        self._announce_conflict()

    def _announce_conflict(self) -> None:
        if self.session is not None and self.session.conflicted and not self._conflict_announced:
            self._conflict_announced = True
            self.conflict.emit(self.session.error)

    # -------------------------------------------------------------- saving

    def flush(self) -> bool:
        """Save now whatever is waiting (page change, closing, switching report)."""
        self._timer.stop()
        if self.session is None:
            return True
        ok = self.session.flush()
        self.save_state_changed.emit()
        self._announce_conflict()
        return ok

    # -------------------------------------------------------------- after a conflict

    def reload(self) -> list[UnsavedEdit]:
        """Open the stored copy of the current report in place of this one; returns the edits not saved.

        The edits are handed back, not dropped: the caller shows them and may `reapply` them.
        """
        if self.session is None:
            return []
        self._timer.stop()
        edits = list(self.session.unsaved) if not self.session.flush() else []
        current = self.session.report
        kept = self.session.kept  # the copy a failed save kept goes once the reloaded report is saved
        fresh = self.workspace.report_of(current.unit, current.fiscal_year)
        self.undo_stack.clear()
        self.session = self.workspace.editing(fresh) if fresh is not None else None
        if self.session is not None:
            self.session.kept = kept
        self._conflict_announced = False
        self._last_year = _UNREAD
        self.report_loaded.emit()
        self.save_state_changed.emit()
        return edits

    def reapply(self, edits: list[UnsavedEdit]) -> list[UnsavedEdit]:
        """Apply the edits to the open report as one undoable step; returns those that no longer fit."""
        if self.session is None:
            return list(edits)
        skipped = []
        with self.step("重新应用未保存的修改"):
            for edit in edits:
                step = unsaved.place(edit, self.session.report)
                if step is None:
                    skipped.append(edit)
                elif step.kind is EditKind.SET:
                    self.set(step.path, step.value, merge=False)
                elif step.kind is EditKind.INSERT:
                    self.insert(step.path, step.index, step.value)
                else:
                    self.remove(step.path, step.index)
        return skipped

    @property
    def save_state(self) -> SaveState:
        return self.session.state if self.session else SaveState.SAVED

    @property
    def save_error(self) -> str:
        return self.session.error if self.session else ""


class _LoadedSignal:
    """Editor.report_loaded: the signal, and a record of the slots connected while catching up."""

    def __init__(self, signal, catching_up: Optional[list]):
        self._signal = signal
        self._catching_up = catching_up

    def connect(self, slot):
        if self._catching_up is not None:
            self._catching_up.append(slot)
        return self._signal.connect(slot)

    def __getattr__(self, name: str):  # emit, disconnect …
        return getattr(self._signal, name)
