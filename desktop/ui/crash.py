"""The last resort: an unexpected exception (a bug) is logged with its traceback and explained in Chinese.

`install()` (called by `app.main`) points `sys.excepthook`, `threading.excepthook` and Qt's message
handler here. A bug in a Qt slot then writes `logs/crash-<date>.log` in the user's data folder, shows a
dialog saying where that file is and that the data is saved, and the program keeps running (PySide6
returns to the event loop after a slot raises). Warnings and errors also go to a rotating
`logs/fulian.log` for support. The logs hold code locations and exception texts, never report data.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
import traceback
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Callable, Optional

from .. import APP_TITLE, __version__

log = logging.getLogger("fulian")

LOG_FILE = "fulian.log"
LOG_BYTES = 1_000_000  # a few thousand warnings; three old files are kept beside it
LOG_BACKUPS = 3


@dataclass
class _State:
    folder: Optional[Path] = None
    save_all: Optional[Callable[[], bool]] = None  # True when every change is in the database
    handler: Optional[logging.Handler] = None
    previous_hooks: tuple = ()
    previous_qt_handler: object = None
    dialogs: list = field(default_factory=list)  # open crash dialogs (kept referenced while shown)
    reporting: bool = False


_state = _State()


def log_folder() -> Path:
    from ..paths import user_data_dir

    return _state.folder or (user_data_dir() / "logs")


def install(folder: Optional[Path] = None, save_all: Optional[Callable[[], bool]] = None) -> None:
    """Route unexpected exceptions and Qt warnings to the logs and the crash dialog."""
    from PySide6.QtCore import qInstallMessageHandler

    if _state.handler is not None:
        uninstall()
    _state.folder = Path(folder) if folder else None
    _state.save_all = save_all
    target = log_folder()
    target.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        target / LOG_FILE, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8", delay=True
    )
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.WARNING)
    _state.handler = handler
    _state.previous_hooks = (sys.excepthook, threading.excepthook)
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook
    _state.previous_qt_handler = qInstallMessageHandler(_qt_message)


def set_save_all(save_all: Optional[Callable[[], bool]]) -> None:
    """What to call before telling the clerk the data is saved (the window's editor flush)."""
    _state.save_all = save_all


def uninstall() -> None:
    """Undo `install` (tests; the program itself keeps the handler until it exits)."""
    from PySide6.QtCore import qInstallMessageHandler

    if _state.handler is None:
        return
    sys.excepthook, threading.excepthook = _state.previous_hooks
    qInstallMessageHandler(_state.previous_qt_handler)
    log.removeHandler(_state.handler)
    _state.handler.close()
    for dialog in list(_state.dialogs):
        dialog.close()
    _state.dialogs.clear()
    _state.handler = None
    _state.folder = None
    _state.save_all = None


def open_dialogs() -> list:
    """The crash dialogs now on screen."""
    return [d for d in _state.dialogs if d.isVisible()]


def write_crash_log(exc_type, exc: BaseException, tb: Optional[TracebackType]) -> Path:
    """A new dated file with the traceback, named so that two crashes never share a file."""
    folder = log_folder()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    path = folder / f"crash-{stamp}.log"
    n = 1
    while path.exists():
        n += 1
        path = folder / f"crash-{stamp}-{n}.log"
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    path.write_text(
        f"{APP_TITLE} {__version__}\nPython {sys.version.split()[0]} on {sys.platform}\n"
        f"{datetime.now().isoformat(timespec='seconds')}\n\n{text}",
        encoding="utf-8",
    )
    return path


def report(exc_type, exc: BaseException, tb: Optional[TracebackType]) -> Optional[Path]:
    """Log the exception, save what can be saved, and tell the clerk; returns the crash log's path."""
    if _state.reporting:  # a failure while reporting: never loop, just keep the first report
        return None
    _state.reporting = True
    try:
        try:
            path = write_crash_log(exc_type, exc, tb)
        except OSError:
            path = None
        log.error("unexpected %s (crash log %s)", exc_type.__name__, path,
                  exc_info=(exc_type, exc, tb))
        saved = _save_all()
        _show_dialog(path, saved)
        return path
    finally:
        _state.reporting = False


def _save_all() -> bool:
    if _state.save_all is None:
        return True  # nothing is held outside the database: every change was saved when made
    try:
        return bool(_state.save_all())
    except Exception:  # noqa: BLE001 - the report of the first fault must still reach the clerk
        log.exception("saving after an unexpected error failed")
        return False


def crash_message(path: Optional[Path], saved: bool) -> str:
    where = f"错误记录已写入：\n{path}\n请把这个文件发给技术支持人员。" if path else "错误记录无法写入文件。"
    data = ("您填写的数据都已保存在数据库中，没有丢失。" if saved
            else "最近的一次修改可能没有保存，请核对后重新填写。")
    return (f"程序遇到了一个意外错误，刚才的操作没有完成。\n\n{data}\n\n{where}\n\n"
            "程序可以继续使用；如果同一操作反复出错，请保存后重新启动程序。")


def _show_dialog(path: Optional[Path], saved: bool) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is None:
        print(crash_message(path, saved), file=sys.stderr)
        return
    if open_dialogs():  # one dialog at a time; a burst of the same fault is in the log
        return
    box = QMessageBox(QMessageBox.Icon.Critical, f"{APP_TITLE} - 意外错误", crash_message(path, saved),
                      QMessageBox.StandardButton.Ok, QApplication.activeWindow())
    box.setTextInteractionFlags(box.textInteractionFlags() | _selectable())
    # Not modal and not exec(): the excepthook returns at once and the event loop goes on.
    box.setModal(False)
    box.finished.connect(lambda _r: _state.dialogs.remove(box) if box in _state.dialogs else None)
    _state.dialogs.append(box)
    box.show()


def _selectable():
    from PySide6.QtCore import Qt

    return Qt.TextInteractionFlag.TextSelectableByMouse


def _excepthook(exc_type, exc, tb) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    report(exc_type, exc, tb)


def _thread_excepthook(args) -> None:
    if args.exc_type is SystemExit:
        return
    # Not on the GUI thread: log it here, show the dialog from the GUI thread.
    try:
        path = write_crash_log(args.exc_type, args.exc_value, args.exc_traceback)
    except OSError:
        path = None
    log.error("unexpected %s in thread %s (crash log %s)", args.exc_type.__name__,
              getattr(args.thread, "name", "?"), path,
              exc_info=(args.exc_type, args.exc_value, args.exc_traceback))


def _qt_message(mode, context, message: str) -> None:
    from PySide6.QtCore import QtMsgType

    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }.get(mode, logging.WARNING)
    where = f" ({context.file}:{context.line})" if context is not None and context.file else ""
    logging.getLogger("fulian.qt").log(level, "%s%s", message, where)
