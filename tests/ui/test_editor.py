"""Undo and redo of the session's edits, and every change on disk as it is made — even if killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.storage import open_database

from .conftest import edit_cell, type_into, type_text

ROOT = Path(__file__).resolve().parents[2]


def jinkouhe(window, seed_paths, qtbot=None):
    report = window.import_path(seed_paths[0])
    assert report is not None
    window.activateWindow()
    if qtbot is not None:
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return report


def test_ctrl_z_and_ctrl_y_undo_and_redo_edits_on_any_page(qtbot, window, seed_paths):
    jinkouhe(window, seed_paths)
    finance = window.finance_page
    window.show_page(window.page_index(finance))
    field = finance.binder.binding_for("report.finance.carry_over_start").widget
    field.selectAll()
    type_into(qtbot, field, "12345")
    assert window.report.finance.carry_over_start == Decimal("12345.00")
    assert "不平衡" in finance.balance.text()
    ledger = window.ledger_page
    window.show_page(window.page_index(ledger))
    first_title = window.report.activities[0].title
    edit_cell(qtbot, ledger.table, 0, 2, "改过的活动名称")
    assert window.report.activities[0].title == "改过的活动名称"

    qtbot.keyClick(ledger.table.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.report.activities[0].title == first_title
    assert ledger.table.model.index(0, 2).data() == first_title
    # Typing "12345" was one edit, undone in one step, and the form shows the old value again;
    # Ctrl+Z in a text field undoes the window's history, not only the field's own.
    window.show_page(window.page_index(finance))
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.report.finance.carry_over_start is None
    assert field.text() == ""
    assert "平衡" in finance.balance.text() and "不平衡" not in finance.balance.text()
    qtbot.keyClick(field, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.report.finance.carry_over_start == Decimal("12345.00")
    assert field.text() == "12345"
    window.editor.flush()
    with open_database(window.workspace.database.path) as fresh:
        stored = fresh.reports().get(window.report.unit.id, 2024)
    assert stored.finance.carry_over_start == Decimal("12345.00")
    assert stored.activities[0].title == first_title


def test_removing_a_row_is_undone_with_the_row_back_in_place(qtbot, window, seed_paths):
    jinkouhe(window, seed_paths)
    page = window.analysis_page
    window.show_page(window.page_index(page))
    problems = list(window.report.problems)
    page.problems.select(0, 0)
    page.problems.remove_current()
    assert window.report.problems == problems[1:]
    window.editor.undo_stack.undo()
    assert window.report.problems == problems
    assert page.problems.model.rowCount() == len(problems)


def test_a_money_field_refuses_what_is_not_an_amount_and_says_why(qtbot, window, seed_paths):
    jinkouhe(window, seed_paths)
    finance = window.finance_page
    window.show_page(window.page_index(finance))
    binding = finance.binder.binding_for("report.finance.carry_over_start")
    type_text(binding.widget, "一万")
    assert binding.message.isVisible() and "不是金额" in binding.message.text()
    assert window.report.finance.carry_over_start is None
    binding.widget.clear()
    type_into(qtbot, binding.widget, "1.5")
    type_text(binding.widget, "万")
    assert window.report.finance.carry_over_start == Decimal("15000.00")
    assert not binding.message.isVisible()


KILLED = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    sys.path.insert(0, {root!r})
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from desktop.services.workspace import Workspace
    from desktop.storage import open_database
    from desktop.ui.main_window import MainWindow

    app = QApplication([])
    database = open_database(Path({db!r}))
    window = MainWindow(Workspace(database))
    window.show()
    page = window.finance_page
    window.show_page(window.page_index(page))
    widget = page.binder.binding_for("report.finance.carry_over_start").widget
    widget.setFocus()
    widget.insert("8888")
    widget.textEdited.emit(widget.text())
    window.ledger_page.table.model.setData(window.ledger_page.table.model.index(1, 2), "台账即存")
    # No close, no flush: the process dies a second later, after the clerk paused.
    QTimer.singleShot(1000, lambda: os.kill(os.getpid(), signal.SIGKILL))
    app.exec()
    """
)


def test_edits_survive_the_program_being_killed(tmp_path, seed_paths):
    db = tmp_path / "killed.db"
    from desktop.services.workspace import Workspace

    with open_database(db) as database:
        Workspace(database).import_file(seed_paths[0])
    script = tmp_path / "run.py"
    script.write_text(KILLED.format(root=str(ROOT), db=str(db)), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, str(script)], env=env, capture_output=True, timeout=60)
    assert result.returncode == -signal.SIGKILL, result.stderr.decode()
    with open_database(db) as database:
        unit = database.units().list()[0]
        stored = database.reports().get(unit.id, 2024)
    assert stored.finance.carry_over_start == Decimal("8888.00")
    assert stored.activities[1].title == "台账即存"


def test_keyboard_only_pages_labels_and_enter(qtbot, window, seed_paths):
    jinkouhe(window, seed_paths, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.finance_page
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.projects_page
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = window.profile_page
    assert window.pages.currentWidget() is page
    # Alt+Q (单位全称(&Q)) puts the cursor in the field; Enter moves on to the next one.
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.AltModifier)
    full_name = page.binder.binding_for("report.profile.full_name").widget
    assert QApplication.focusWidget() is full_name
    qtbot.keyClick(full_name, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is page.binder.binding_for("report.profile.short_name").widget
    # Ctrl+F on the ledger goes to its search box.
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    window.ledger_page.table.view.setFocus()
    qtbot.keyClick(window.ledger_page.table.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.ledger_page.search


def test_a_number_field_keeps_what_is_being_typed(qtbot, window, seed_paths):
    jinkouhe(window, seed_paths, qtbot)
    page = window.evaluation_page
    window.show_page(window.page_index(page))
    weight = page.binder.binding_for("report.self_evaluation.execution_weight").widget
    weight.selectAll()
    qtbot.keyClicks(weight, "12.50")
    assert weight.text() == "12.50"
    assert window.report.self_evaluation.execution_weight == Decimal("12.50")
    window.editor.undo_stack.undo()
    assert window.report.self_evaluation.execution_weight == Decimal("10")
    assert weight.text() == "10"
