"""A bug in a Qt slot is written to a dated log in the user's data folder and explained in Chinese; the
window keeps working."""

import logging

import pytest
from PySide6.QtCore import Qt, qWarning
from PySide6.QtWidgets import QPushButton

from desktop.ui import crash


@pytest.fixture
def installed(tmp_path):
    saved = []

    def save_all():
        saved.append(True)
        return True

    crash.install(tmp_path / "logs", save_all=save_all)
    yield tmp_path / "logs", saved
    crash.uninstall()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_writes_the_log_shows_the_dialog_and_the_program_keeps_running(qtbot, window, installed):
    folder, saved = installed
    clicks = []

    def broken_slot():
        clicks.append("broken")
        raise RuntimeError("程序内部错误（测试）")

    broken = QPushButton("坏按钮", window)
    broken.clicked.connect(broken_slot)
    fine = QPushButton("好按钮", window)
    fine.clicked.connect(lambda: clicks.append("fine"))
    broken.show()
    fine.show()

    qtbot.mouseClick(broken, Qt.MouseButton.LeftButton)  # a real click: the slot raises inside Qt's event loop

    qtbot.waitUntil(lambda: bool(crash.open_dialogs()), timeout=3000)
    (dialog,) = crash.open_dialogs()
    logs = sorted(folder.glob("crash-*.log"))
    assert len(logs) == 1
    text = logs[0].read_text(encoding="utf-8")
    assert "Traceback" in text and "broken_slot" in text and "RuntimeError" in text
    message = dialog.text()
    assert str(logs[0]) in message  # where the log is
    assert "已保存" in message and "没有丢失" in message  # and that the data is saved
    assert saved == [True]  # the editor was flushed before saying so
    assert "RuntimeError" in (folder / crash.LOG_FILE).read_text(encoding="utf-8")  # rotating log

    dialog.close()  # the test closes what the clerk would
    qtbot.waitUntil(lambda: not crash.open_dialogs(), timeout=3000)
    qtbot.mouseClick(fine, Qt.MouseButton.LeftButton)
    assert clicks == ["broken", "fine"]  # still running and answering clicks
    assert window.isVisible()


def test_the_dialog_says_when_the_last_change_could_not_be_saved(tmp_path):
    text = crash.crash_message(tmp_path / "crash-1.log", saved=False)
    assert "可能没有保存" in text and str(tmp_path / "crash-1.log") in text


def test_qt_warnings_go_to_the_rotating_log(qtbot, installed):
    folder, _ = installed
    qWarning("某个 Qt 警告（测试）")
    for handler in logging.getLogger("fulian").handlers:
        handler.flush()
    assert "某个 Qt 警告（测试）" in (folder / crash.LOG_FILE).read_text(encoding="utf-8")
