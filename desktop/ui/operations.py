"""Operations: long work off the GUI thread with progress and 取消, and one way to show what went wrong.

The shape of Anki's CollectionOp/QueryOp:

    Operation(parent, "导出报告", lambda progress: exporting.export(..., progress))
        .success(self._exported)
        .failure(self._export_failed)      # optional: the default shows the UserError's message
        .cancelled(self._export_cancelled) # optional
        .run_in_background()

The job runs in a worker thread and gets a `Progress` (steps move the dialog, 取消 stops the job at its
next step). Exactly one of success / failure / cancelled then runs on the GUI thread. A `UserError`
goes to the failure handler (default: a warning box with its Chinese message); any other exception is a
bug and is raised again on the GUI thread, where the crash handler logs it and tells the clerk.
`run_now` gives short work on the GUI thread the same failure path.
"""

from __future__ import annotations

from typing import Any, Callable, Optional, TypeVar

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from ..errors import UserError
from ..services.jobs import Cancelled, Progress

T = TypeVar("T")

_running: list["Operation"] = []  # started and not yet ended (kept referenced while their thread runs)


def running() -> list["Operation"]:
    """The operations that have started and not yet ended."""
    return list(_running)


def cancel_all(wait_ms: int = 3000) -> None:
    """Ask every running operation to stop and wait for its thread (the window is closing)."""
    for operation in running():
        operation.cancel()
        if operation.thread is not None:
            operation.thread.quit()
            operation.thread.wait(wait_ms)


def show_user_error(parent: Optional[QWidget], title: str, exc: UserError, lead: str = "") -> None:
    """The one way the window shows an error the clerk can act on."""
    QMessageBox.warning(parent, title, f"{lead}\n\n{exc.message}" if lead else exc.message)


def run_now(parent: Optional[QWidget], title: str, work: Callable[[], T],
            failure: Optional[Callable[[UserError], None]] = None) -> Optional[T]:
    """Short work on the GUI thread: its result, or None after a UserError was shown (or handed to `failure`)."""
    try:
        return work()
    except UserError as exc:
        (failure or (lambda e: show_user_error(parent, title, e)))(exc)
        return None


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
        except BaseException as exc:  # handed to the GUI thread; never lost in the worker
            self.failed.emit(exc)
        else:
            self.finished.emit(result)


class Operation(QObject):
    """One piece of long work; configure with success/failure/cancelled, then `run_in_background()`."""

    done = Signal()  # after whichever handler ran

    def __init__(self, parent: QWidget, title: str, job: Callable[[Progress], Any]):
        super().__init__(parent)
        self.parent_widget = parent
        self.title = title
        self._job = job
        self._on_success: Callable[[Any], None] = lambda _result: None
        self._on_failure: Callable[[UserError], None] = lambda exc: show_user_error(parent, title, exc)
        self._on_cancel: Callable[[], None] = lambda: None
        self._with_progress = True
        self.thread: Optional[QThread] = None
        self.worker: Optional[_Worker] = None
        self.dialog: Optional[QProgressDialog] = None
        self.finished = False

    # ------------------------------------------------------------------ configuration

    def success(self, handler: Callable[[Any], None]) -> "Operation":
        self._on_success = handler
        return self

    def failure(self, handler: Callable[[UserError], None]) -> "Operation":
        """Replace the default warning box for a UserError (bugs always reach the crash handler)."""
        self._on_failure = handler
        return self

    def cancelled(self, handler: Callable[[], None]) -> "Operation":
        self._on_cancel = handler
        return self

    def without_progress(self) -> "Operation":
        """No progress dialog (work the clerk does not wait on)."""
        self._with_progress = False
        return self

    # ------------------------------------------------------------------ running

    def run_in_background(self) -> "Operation":
        self.thread = QThread()
        self.worker = _Worker(self._job)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        # Slots of this object (which lives in the GUI thread): the calls are queued to it.
        self.worker.finished.connect(self._succeeded)
        self.worker.failed.connect(self._failed)
        self.worker.cancelled.connect(self._cancelled)
        if self._with_progress:
            dialog = QProgressDialog(self.title, "取消(&C)", 0, 0, self.parent_widget)
            dialog.setWindowTitle(self.title)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(300)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.canceled.connect(self.cancel)
            self.worker.progressed.connect(self._progressed)
            self.dialog = dialog
        _running.append(self)
        self.thread.start()
        return self

    def cancel(self) -> None:
        if self.worker is not None:
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
        self._end(lambda: self._on_success(result))

    @Slot(object)
    def _failed(self, exc: Any) -> None:
        if isinstance(exc, UserError):
            self._end(lambda: self._on_failure(exc))
        else:
            self._end(lambda: _raise(exc))  # a bug: on to sys.excepthook (the crash handler)

    @Slot()
    def _cancelled(self) -> None:
        self._end(self._on_cancel)

    def _end(self, handler: Callable[[], None]) -> None:
        self.thread.quit()
        self.thread.wait()
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)  # closing the dialog would emit it
            self.dialog.close()
            self.dialog.deleteLater()
        self.finished = True
        if self in _running:
            _running.remove(self)
        try:
            handler()
        finally:
            self.done.emit()
            self.deleteLater()


def _raise(exc: BaseException) -> None:
    raise exc
