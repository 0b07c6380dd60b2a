"""Running long work off the GUI thread, with a progress dialog and a 取消 button."""

from __future__ import annotations

import traceback
from typing import Any, Callable, Optional

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..services.jobs import Cancelled, Progress


class _Worker(QObject):
    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, job: Callable[[Progress], Any]):
        super().__init__()
        self.job = job
        self.progress = Progress(lambda done, total, text: self.progressed.emit(done, total, text))

    def run(self) -> None:
        try:
            result = self.job(self.progress)
        except Cancelled:
            self.cancelled.emit()
        except BaseException as exc:  # shown to the clerk by the caller; never lost in the thread
            exc.formatted = traceback.format_exc()
            self.failed.emit(exc)
        else:
            self.finished.emit(result)


class BackgroundTask(QObject):
    """One piece of long work: `start()` runs it in a thread; exactly one of the callbacks follows."""

    done = Signal()  # after whichever callback ran

    def __init__(
        self,
        parent: QWidget,
        title: str,
        job: Callable[[Progress], Any],
        on_success: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        on_cancel: Optional[Callable[[], None]] = None,
        show_dialog: bool = True,
    ):
        super().__init__(parent)
        self.thread = QThread()
        self.worker = _Worker(job)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self._callbacks = (on_success, on_error, on_cancel)
        # Bound methods of this object (which lives in the GUI thread): the calls are queued to it.
        self.worker.finished.connect(self._succeeded)
        self.worker.failed.connect(self._failed)
        self.worker.cancelled.connect(self._cancelled)
        self.dialog: Optional[QProgressDialog] = None
        if show_dialog:
            dialog = QProgressDialog(title, "取消(&C)", 0, 0, parent)
            dialog.setWindowTitle(title)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(300)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.canceled.connect(self.cancel)
            self.worker.progressed.connect(self._progressed)
            self.dialog = dialog
        self.finished = False

    def start(self) -> None:
        self.thread.start()

    def cancel(self) -> None:
        self.worker.progress.cancel()
        if self.dialog is not None:
            self.dialog.setLabelText("正在取消…")

    @Slot(int, int, str)
    def _progressed(self, done: int, total: int, text: str) -> None:
        if self.dialog is None:
            return
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(done)
        if text:
            self.dialog.setLabelText(text)

    @Slot(object)
    def _succeeded(self, result: Any) -> None:
        self._end(0, result)

    @Slot(object)
    def _failed(self, exc: Any) -> None:
        self._end(1, exc)

    @Slot()
    def _cancelled(self) -> None:
        self._end(2, None)

    def _end(self, kind: int, payload: Any) -> None:
        self.thread.quit()
        self.thread.wait()
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)  # closing the dialog would emit it
            self.dialog.close()
            self.dialog.deleteLater()
        self.finished = True
        on_success, on_error, on_cancel = self._callbacks
        try:
            if kind == 0:
                on_success(payload)
            elif kind == 1:
                on_error(payload)
            elif on_cancel is not None:
                on_cancel()
        finally:
            self.done.emit()
            self.deleteLater()
