"""Text pasted from a web page or another program may carry characters no report can hold: removed, and said."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.storage import open_database

from .test_editor import jinkouhe


def test_control_characters_in_pasted_text_are_removed_and_the_field_named(qtbot, window, seed_paths, db_locator):
    jinkouhe(window, seed_paths, qtbot)
    for path, widget_text in (("report.department_target.text", "toPlainText"), ("report.profile.full_name", "text")):
        page = next(p for p in window.page_list if p.binder.binding_for(path) is not None)
        window.show_page(window.page_index(page))
        field = page.binder.binding_for(path).widget
        field.setFocus()
        field.selectAll()
        QApplication.clipboard().setText("提高\x01妇女\x0b参与度\x07")  # as copied from a web page
        qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        assert window.editor.get(path) == "提高妇女参与度"
        message = window.statusBar().currentMessage()
        assert "已删除" in message and path.removeprefix("report.") in message and "控制字符" in message
        assert "\x01" not in getattr(field, widget_text)()
    assert window.editor.flush()
    with open_database(db_locator) as fresh:
        stored = fresh.reports().get(window.report.unit.id, 2024)
    assert stored.department_target.text == "提高妇女参与度" == stored.profile.full_name
