"""Every dialog the clerk meets is as wide as what it shows: typed names, choices, list lines, notes."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
)

from desktop.ui.database_settings import DatabaseSettingsDialog
from desktop.ui.dialogs import NewUnitDialog
from desktop.ui.grid_paste import PastePreviewDialog
from desktop.ui.restore_dialog import RestoreDialog
from desktop.ui.spreadsheet_actions import ImportPreviewDialog

from .conftest import type_text, when_dialog_opens
from .test_report_entry import create_unit

LONG_NAME = "四川省乐山市金口河区妇女联合会机关"


def room(widget) -> int:
    if isinstance(widget, QAbstractItemView):
        return widget.viewport().width()
    if isinstance(widget, QComboBox):
        return widget.width() - 30  # the arrow
    return widget.contentsRect().width() - 8


def fits(widget, text: str) -> bool:
    return widget.fontMetrics().horizontalAdvance(text) <= room(widget)


def assert_sized_to_content(dialog):
    """Nothing the dialog shows is cut: fields, choices, list lines, plain texts; and it lies on the screen."""
    QApplication.processEvents()
    for edit in dialog.findChildren(QLineEdit):
        if edit.isVisible() and not isinstance(edit.parentWidget(), QComboBox) and edit.maximumWidth() > 10**6:
            assert fits(edit, edit.text()) and fits(edit, edit.placeholderText()), (edit.text(), edit.placeholderText())
    for combo in dialog.findChildren(QComboBox):
        for i in range(combo.count()):
            assert fits(combo, combo.itemText(i)), combo.itemText(i)
    for view in dialog.findChildren(QListWidget):
        for i in range(view.count()):
            assert fits(view, view.item(i).text()), view.item(i).text()
    for text in dialog.findChildren(QPlainTextEdit):
        if text.isVisible():
            # Long lines wrap (never cut at the right edge); the box is as wide as its lines, up to the screen.
            assert text.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth
            assert text.horizontalScrollBar().maximum() == 0
            widest = max(text.fontMetrics().horizontalAdvance(line) for line in text.toPlainText().split("\n"))
            assert room(text) >= min(widest, text.screen().availableGeometry().width() * 0.6)
    for label in dialog.findChildren(QLabel):
        if label.isVisible() and label.wordWrap() and label.text():
            # a note reads in lines, not in a column of two-character lines
            assert label.width() >= min(label.fontMetrics().horizontalAdvance(label.text()), 300)
    screen = dialog.screen().availableGeometry()
    assert dialog.width() <= screen.width() and dialog.height() <= screen.height()


def test_the_new_unit_dialog_shows_a_long_unit_name_and_every_outline(qtbot, window):
    seen = {}

    def fill(dialog):
        assert isinstance(dialog, NewUnitDialog)
        type_text(dialog.name_edit, LONG_NAME)
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Tab)
        try:
            assert_sized_to_content(dialog)
            seen["ok"] = True
        finally:
            dialog.reject()

    when_dialog_opens(qtbot, fill)
    window.new_unit_action.trigger()
    assert seen.get("ok")


def test_the_database_settings_and_restore_dialogs_fit_their_text(qtbot, window):
    create_unit(qtbot, window)
    seen = []

    def check(kind):
        def act(dialog):
            assert isinstance(dialog, kind)
            try:
                assert_sized_to_content(dialog)
                seen.append(kind)
            finally:
                dialog.reject()
        return act

    when_dialog_opens(qtbot, check(DatabaseSettingsDialog))
    window.database_settings()
    when_dialog_opens(qtbot, check(RestoreDialog))
    window.restore_action.trigger()
    assert seen == [DatabaseSettingsDialog, RestoreDialog]


def test_the_paste_preview_fits_and_offers_paste_or_cancel(qtbot, window):
    create_unit(qtbot, window)
    page = window.ledger_page
    window.show_page(window.page_index(page))
    QGuiApplication.clipboard().setText(
        "2024-3-8\t宣讲\t“巾帼心向党 奋进新征程”三八国际妇女节主题宣讲暨表彰大会\t1\t120\r\n"
        "2024-13-45\t宣讲\t家庭教育指导\t1\t60\r\n")
    seen = {}

    def act(dialog):
        assert isinstance(dialog, PastePreviewDialog)
        try:
            assert dialog.paste_button is None  # a bad date: nothing to paste, only 关闭
            buttons = dialog.findChild(QDialogButtonBox).buttons()
            seen["buttons"] = [b.text() for b in buttons]
            assert_sized_to_content(dialog)
            seen["ok"] = True
        finally:
            dialog.reject()

    when_dialog_opens(qtbot, act)
    page.table.view.setFocus()
    qtbot.keyClick(page.table.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "buttons" in seen, timeout=3000)
    assert seen["buttons"] == ["关闭"] and seen.get("ok")


def test_the_import_preview_fits_its_lines(qtbot, window, tmp_path):
    create_unit(qtbot, window)
    bad = tmp_path / "不是表格.xlsx"
    bad.write_text("这不是 Excel 文件", encoding="utf-8")
    seen = {}

    def act(dialog):
        assert isinstance(dialog, ImportPreviewDialog) and dialog.import_button is None
        try:
            seen["buttons"] = [b.text() for b in dialog.findChild(QDialogButtonBox).buttons()]
            assert_sized_to_content(dialog)
            seen["ok"] = True
        finally:
            dialog.reject()

    when_dialog_opens(qtbot, act)
    window.ledger_page.excel.import_file(bad)
    qtbot.waitUntil(lambda: "buttons" in seen, timeout=10000)
    assert seen["buttons"] == ["关闭"] and seen.get("ok")


def test_the_activity_kinds_dialog_widens_for_a_long_kind_typed_in_it(qtbot, window):
    from desktop.ui.dialogs import ActivityKindsDialog

    from .conftest import edit_cell

    create_unit(qtbot, window)
    page = window.ledger_page
    window.show_page(window.page_index(page))
    long_kind = "巾帼志愿服务进社区进家庭活动"
    seen = {}

    def rename(dialog):
        assert isinstance(dialog, ActivityKindsDialog)
        try:
            assert_sized_to_content(dialog)
            edit_cell(qtbot, dialog.table, 0, 0, long_kind)
            QApplication.processEvents()
            view = dialog.table.view
            seen["fits"] = view.columnWidth(0) >= view.fontMetrics().horizontalAdvance(long_kind) + 4  # not elided
            seen["no scroll"] = view.horizontalScrollBar().maximum() == 0
            seen["kind"] = window.report.activity_kinds[0]
        finally:
            dialog.reject()

    when_dialog_opens(qtbot, rename)
    qtbot.mouseClick(page.kinds_button, Qt.MouseButton.LeftButton)
    assert seen == {"fits": True, "no scroll": True, "kind": long_kind}
