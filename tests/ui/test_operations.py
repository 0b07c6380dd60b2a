"""Long work runs off the GUI thread: progress shows, the window keeps responding, 取消 stops it, and a
clerk's error (UserError) is shown by default while a bug goes on to the crash handler."""

import threading
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton

from desktop.errors import UserError
from desktop.ui import operations
from desktop.ui.operations import Operation, run_now

from .conftest import when_message_opens


def test_progress_cancel_and_a_responsive_window(qtbot, window):
    ticks = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(20)
    gui_thread = threading.get_ident()
    ran_in = []
    outcome = {}

    def job(progress):
        ran_in.append(threading.get_ident())
        for step in range(1000):
            progress.step(step, 1000, f"第 {step} 步")
            time.sleep(0.01)
        return "done"

    op = (Operation(window, "测试", job)
          .success(lambda r: outcome.setdefault("ok", r))
          .failure(lambda e: outcome.setdefault("err", e))
          .cancelled(lambda: outcome.setdefault("cancelled", True))
          .run_in_background())
    assert operations.running() == [op]
    qtbot.waitUntil(lambda: op.dialog is not None and op.dialog.isVisible(), timeout=3000)
    dialog = op.dialog
    assert isinstance(dialog, QProgressDialog) and dialog.maximum() == 1000
    qtbot.waitUntil(lambda: dialog.value() > 5)
    assert "第" in dialog.labelText()
    before = len(ticks)
    qtbot.wait(200)
    assert len(ticks) - before >= 5  # the event loop kept running while the job worked
    button = next(b for b in dialog.findChildren(QPushButton) if "取消" in b.text())
    button.click()
    qtbot.waitUntil(lambda: "cancelled" in outcome, timeout=3000)
    assert ran_in and ran_in[0] != gui_thread
    assert "ok" not in outcome and "err" not in outcome
    assert operations.running() == []


def test_success_gets_the_result_on_the_gui_thread(qtbot, window):
    seen = {}
    Operation(window, "测试", lambda progress: 42).success(
        lambda r: seen.setdefault("result", (r, threading.get_ident()))).run_in_background()
    qtbot.waitUntil(lambda: "result" in seen, timeout=3000)
    assert seen["result"] == (42, threading.get_ident())


def test_a_user_error_is_shown_in_chinese_by_default(qtbot, window):
    seen = {}

    def job(progress):
        raise UserError("文件已被其他程序打开，请关闭后重试。")

    def read_and_close(box):
        seen["title"], seen["text"] = box.windowTitle(), box.text()
        box.button(QMessageBox.StandardButton.Ok).click()

    when_message_opens(qtbot, read_and_close)
    Operation(window, "导出报告", job).run_in_background()
    qtbot.waitUntil(lambda: "text" in seen, timeout=5000)
    assert seen == {"title": "导出报告", "text": "文件已被其他程序打开，请关闭后重试。"}
    qtbot.waitUntil(lambda: operations.running() == [], timeout=3000)


def test_a_failure_handler_replaces_the_default(qtbot, window):
    seen = {}

    def job(progress):
        raise UserError("坏数据")

    Operation(window, "测试", job).failure(lambda e: seen.setdefault("error", (e.message, threading.get_ident()))
                                          ).run_in_background()
    qtbot.waitUntil(lambda: "error" in seen, timeout=3000)
    assert seen["error"] == ("坏数据", threading.get_ident())


def test_a_bug_in_the_job_is_raised_on_the_gui_thread_not_handed_to_the_failure_handler(qtbot, window):
    handled = []

    def job(progress):
        raise ValueError("程序错误")

    with qtbot.captureExceptions() as raised:
        Operation(window, "测试", job).failure(handled.append).run_in_background()
        qtbot.waitUntil(lambda: operations.running() == [], timeout=3000)
        qtbot.wait(50)
    assert handled == []
    assert [type(e[1]) for e in raised] == [ValueError]


def test_run_now_shows_a_user_error_and_returns_none(qtbot, window):
    seen = {}

    def work():
        raise UserError("单位名称不能为空。")

    def read_and_close(box):
        seen["text"] = box.text()
        box.button(QMessageBox.StandardButton.Ok).click()

    when_message_opens(qtbot, read_and_close)
    assert run_now(window, "新建单位", work) is None
    assert seen["text"] == "单位名称不能为空。"
    assert run_now(window, "新建单位", lambda: "好") == "好"
