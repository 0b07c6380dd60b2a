"""文件 → 从往年报告导入…, driven as the clerk would: choose the file in the file dialog, read the
preview, put a loose paragraph into a section, import, and take it all back with one Ctrl+Z."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLineEdit, QMenu

from desktop.ui import operations
from desktop.ui.report_import_dialog import ReportImportDialog
from tests.report_import.compare import differences
from tests.report_import.conftest import seed_report

from .conftest import when_dialog_opens

EXTRA_HEADING = "五、其他需要说明的情况"
EXTRA_TEXT = "本年度无其他需要说明的事项。"


@pytest.fixture(scope="module")
def report_file(tmp_path_factory) -> Path:
    """Seed 004 as a clerk's Word file, with a section of her own that no outline has."""
    from docx import Document

    from tests.report_import.clerk_documents import build_docx

    folder = tmp_path_factory.mktemp("old_report")
    path = build_docx("004", folder)
    document = Document(str(path))
    document.add_paragraph().add_run(EXTRA_HEADING).bold = True
    document.add_paragraph("\u3000\u3000" + EXTRA_TEXT)
    document.save(str(path))
    return path


def when_preview_opens(handle):
    def act():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ReportImportDialog) or not dialog.isVisible():
            QTimer.singleShot(20, act)
            return
        handle(dialog)

    QTimer.singleShot(0, act)


def open_file_menu_item(qtbot, window, text):
    """Alt+F opens 文件; the item is chosen with its underlined letter, as with the keyboard."""
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    action = next(a for a in menu.actions() if a.text().startswith(text))
    letter = action.text()[action.text().index("&") + 1]
    qtbot.keyClick(menu, getattr(Qt.Key, f"Key_{letter.upper()}"))


# A menu opened from the keyboard asks the offscreen platform to raise it and grab the keyboard: not ours.
@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing the keyboard")
def test_choose_preview_assign_apply_and_undo(qtbot, window, report_file):
    seen = {}

    def choose_file(dialog):
        assert isinstance(dialog, QFileDialog)
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        # The clerk pastes the file's path (copied from the file manager) and presses Enter; typing it
        # key by key makes the dialog jump between folders at every "/".
        QApplication.clipboard().setText(str(report_file))
        name.setFocus()
        qtbot.keyClick(name, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        when_preview_opens(preview)  # the preview opens while this Enter is still being handled
        qtbot.keyClick(name, Qt.Key.Key_Return)

    def preview(dialog):
        assert isinstance(dialog, ReportImportDialog)
        seen["fields"] = dialog.fields_table.rowCount()
        seen["tabs"] = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
        loose = [u.text for u in dialog.preview.unplaced]
        row = loose.index(EXTRA_TEXT)
        # The clerk opens 未归入的段落 and puts the paragraph under 部门整体绩效管理情况 with the keyboard.
        qtbot.mouseClick(dialog.tabs.tabBar(), Qt.MouseButton.LeftButton,
                         pos=dialog.tabs.tabBar().tabRect(1).center())
        combo = dialog.combos[row]
        wanted = combo.findData("report.narratives.performance_management")
        combo.setFocus()
        for _ in range(wanted):
            qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentData() == "report.narratives.performance_management"
        seen["heading_unplaced"] = EXTRA_HEADING in loose
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(qtbot, choose_file)
    open_file_menu_item(qtbot, window, "从往年报告导入")
    qtbot.waitUntil(lambda: window.report is not None and bool(window.report.tasks), timeout=20000)
    qtbot.waitUntil(lambda: not operations.running(), timeout=5000)

    assert seen["fields"] > 30 and seen["heading_unplaced"]
    assert seen["tabs"][1].startswith("未归入的段落（2）")
    report = window.report
    assert (report.unit.name, report.fiscal_year) == ("广州市黄埔区妇女联合会", 2022)
    seed = seed_report("004")
    assert report.narratives.performance_management == seed.narratives.performance_management + "\n" + EXTRA_TEXT
    report.narratives.performance_management = seed.narratives.performance_management
    assert differences(report, seed) == {}
    saved = window.workspace.report_of(report.unit, 2022)
    assert [t.title for t in saved.tasks] == [t.title for t in seed.tasks]

    # One Ctrl+Z takes the whole import back; the year stays as the empty draft it was opened as.
    assert window.editor.undo_stack.count() == 1
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    focused = QApplication.focusWidget() or window
    qtbot.keyClick(focused, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.report.tasks == [] and window.report.problems == []
    assert window.report.finance.budget.executed is None
    window.editor.flush()
    saved = window.workspace.report_of(report.unit, 2022)
    assert saved.tasks == [] and saved.narratives.achievements == []
    assert not window.editor.undo_stack.canUndo()


def test_typing_another_year_shows_which_figures_are_cleared(qtbot, window, report_file):
    from desktop.services import report_import

    workspace = window.workspace
    preview = report_import.preview_file(workspace, report_file)
    dialog = ReportImportDialog(
        preview, lambda year, unit: report_import.preview_file(workspace, report_file, year=year, unit=unit), window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.tabs.tabText(3) == "已清空的数字（0）"
    dialog.year_spin.setFocus()
    dialog.year_spin.selectAll()
    qtbot.keyClicks(dialog.year_spin, "2023")
    qtbot.keyClick(dialog.year_spin, Qt.Key.Key_Return)
    assert dialog.isVisible()  # Enter re-reads for the year; it does not import
    assert dialog.preview.report.fiscal_year == 2023
    cleared = [dialog.cleared_list.item(i).text() for i in range(dialog.cleared_list.count())]
    assert "全年预算数 570.54万元" in cleared and "自评得分 98 分" in cleared
    assert dialog.preview.report.finance.budget.adjusted is None
    assert dialog.preview.report.problems == seed_report("004").problems
