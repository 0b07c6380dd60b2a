"""Fixtures and the clerk's hands for the interface tests: typing as an input method, editing cells."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from desktop.ui.main_window import MainWindow
from desktop.ui.qt_setup import configure_application


def shown_window(qtbot, workspace) -> MainWindow:
    """The program's window on the workspace, set up as the program starts it, shown on screen."""
    configure_application(QApplication.instance())
    w = MainWindow(workspace)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def window(qtbot, workspace):
    w = shown_window(qtbot, workspace)
    yield w
    w.editor.flush()
    # Edits a failed test left unsaved must not make closing ask a question nobody answers (a hang).
    w.editor.session = None


def when_dialog_opens(qtbot, handle):
    """Run `handle(dialog)` on the next modal dialog, as the clerk would act on it."""

    def act():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, act)
            return
        handle(dialog)

    QTimer.singleShot(0, act)


def when_message_opens(qtbot, handle):
    """Run `handle(box)` on the next message box, also when it opens over another dialog."""

    def act():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible():
            QTimer.singleShot(20, act)
            return
        handle(box)

    QTimer.singleShot(0, act)


def type_text(widget, text):
    """Commit text the way a Chinese input method does (keyClicks cannot type Chinese)."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def type_into(qtbot, widget, text):
    """Type text into a field: ASCII by key presses, anything else by input-method commits."""
    widget.setFocus()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        type_text(widget, text)


def name_file_in_dialog(qtbot, dialog, path):
    """Give Qt's file dialog a file as the clerk does: paste its path into 文件名 (copied from the file
    manager; typed key by key the dialog would jump between folders at every "/") and press Enter."""
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    name.setFocus()
    name.selectAll()
    QApplication.clipboard().setText(str(path))
    qtbot.keyClick(name, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(name, Qt.Key.Key_Return)


def edit_cell(qtbot, table, row, column, text, select_all=True):
    """Open the cell's editor as the clerk would (select, F2), type and press Enter."""
    view = table.view
    index = table.from_source(table.model.index(row, column))
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not view, "no cell editor opened"
    if select_all and hasattr(editor, "selectAll"):
        editor.selectAll()
    type_into(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    return editor


def choose_cell(qtbot, table, row, column, label):
    """Pick a value from a cell's drop-down by its label."""
    view = table.view
    index = table.from_source(table.model.index(row, column))
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    combo = QApplication.focusWidget()
    position = combo.findText(label)
    assert position >= 0, f"{label} not offered"
    combo.setCurrentIndex(position)
    qtbot.keyClick(combo, Qt.Key.Key_Return)


@pytest.fixture
def check_model(request):
    """qtmodeltester for many models in one test: one tester each (a single tester follows only the
    last model it was given, and would judge the others' signals against it)."""
    from pytestqt.modeltest import ModelTester

    testers = []

    def check(model):
        tester = ModelTester(request.config)
        testers.append(tester)
        tester.check(model, force_py=True)
        return tester

    yield check
    for tester in testers:
        tester._cleanup()
