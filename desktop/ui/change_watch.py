"""Noticing saves made elsewhere: the open report's stored revision is asked every few seconds.

On a shared database a colleague on another PC (or a `fulian` command, or a second window on the same
file) may save the report that is open here. When this window has nothing unsaved, the stored report is
loaded in place and the status bar says who saved it and when; when it has unsaved edits, nothing is
replaced: the clerk is told, and the save is refused with the reload offer (ui/conflict.py). A save that
failed (the server out of reach) is retried as soon as a poll is answered again.

Asking is one small SELECT. On a server it runs off the GUI thread, so a network that has gone away
never freezes the window; on a local file it is immediate and runs in place.
"""

from __future__ import annotations

from typing import Callable, Optional

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from ..errors import UserError
from ..services.editing import SaveState
from ..services.workspace import Workspace
from .editor import Editor
from .operations import Operation

SERVER_INTERVAL_MS = 3000
FILE_INTERVAL_MS = 5000


def _when(at: Optional[str]) -> str:
    return at.replace("T", " ") if at else "刚才"


class ChangeWatcher(QObject):
    refreshed = Signal(str)  # the report was reloaded with a save made elsewhere; the message says whose
    noticed = Signal(str)  # a save made elsewhere while this window has unsaved edits

    def __init__(self, editor: Editor, workspace: Workspace, parent: QWidget,
                 after_reload: Callable[[], None] = lambda: None, interval_ms: Optional[int] = None):
        super().__init__(parent)
        self.editor = editor
        self.workspace = workspace
        self._parent = parent
        self._after_reload = after_reload
        self._asking = False
        self._noticed_revision: Optional[int] = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms or (SERVER_INTERVAL_MS if workspace.is_shared else FILE_INTERVAL_MS))
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        """Ask for the stored revision of the open report (once at a time)."""
        session = self.editor.session
        if session is None or self._asking or session.report.revision is None or not self._parent.isVisible():
            return  # nothing open, still asking, or the window is closing (no thread may outlive it)
        report = session.report
        if not self.workspace.is_shared:
            try:
                stamp = self.workspace.last_change(report)
            except UserError:
                return  # the next save says what is wrong; a poll does not nag
            self._compare(report, stamp)
            return
        self._asking = True
        operation = (
            Operation(self._parent, "检查别处的修改", lambda _progress: self.workspace.last_change(report))
            .without_progress()
            .success(lambda stamp: self._compare(report, stamp))
            .failure(lambda _exc: None)  # server unreachable: the save path reports it, not every poll
        )
        operation.done.connect(self._asked)
        operation.run_in_background()

    def _asked(self) -> None:
        self._asking = False

    def _compare(self, report, stamp) -> None:
        session = self.editor.session
        if session is None or session.report is not report or stamp is None:
            return  # another report was opened meanwhile, or this one is gone (the save path says so)
        if session.state is SaveState.FAILED:
            # The database answers again (the server is back, the disk has room): save what waited.
            # Changed elsewhere meanwhile, the save is refused and the reload offer takes over.
            if self.editor.flush():
                self.refreshed.emit("与数据库的连接已恢复，之前没保存上的修改现在已保存。")
            return
        if stamp.revision == report.revision:
            return
        who = f"{stamp.changed_by or '另一处'} 于 {_when(stamp.changed_at)}"
        if not session.dirty and session.state is SaveState.SAVED:
            self.editor.reload()
            self._after_reload()
            self.refreshed.emit(f"已载入 {who} 保存的修改。")
        elif self._noticed_revision != stamp.revision:
            self._noticed_revision = stamp.revision
            self.noticed.emit(
                f"此报告刚由 {who} 在别处保存。您还有未保存的修改：保存时程序会提示您重新载入，您的修改不会丢失。"
            )
