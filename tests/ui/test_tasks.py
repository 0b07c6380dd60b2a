"""Long work runs off the GUI thread: progress shows, the window keeps responding, 取消 stops it."""

import threading
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton



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

    task = window.run_task("测试", job, lambda r: outcome.setdefault("ok", r), lambda e: outcome.setdefault("err", e),
                           lambda: outcome.setdefault("cancelled", True))
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible(), timeout=3000)
    dialog = task.dialog
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
    assert not window._tasks


def test_an_error_in_the_job_reaches_the_gui_thread(qtbot, window):
    seen = {}

    def job(progress):
        raise ValueError("坏数据")

    window.run_task("测试", job, lambda r: None, lambda e: seen.setdefault("error", (e, threading.get_ident())))
    qtbot.waitUntil(lambda: "error" in seen, timeout=3000)
    error, thread = seen["error"]
    assert isinstance(error, ValueError) and thread == threading.get_ident()
