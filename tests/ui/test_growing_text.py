"""Narrative boxes grow with what the clerk types: one scroll bar (the page's), never a box scrolling inside it."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .conftest import type_text
from .test_report_entry import create_unit, field

PARAGRAPH = "全年围绕妇女儿童发展规划开展宣传、培训和维权服务，组织巾帼志愿者深入村社区开展家庭教育指导。"


def test_the_conclusion_box_grows_with_its_text_inside_the_page(qtbot, window):
    window.resize(1366, 768)
    create_unit(qtbot, window)
    page = window.analysis_page
    window.show_page(window.page_index(page))
    box = field(page, "report.narratives.conclusion")
    empty_height = box.height()
    assert empty_height >= 3 * box.fontMetrics().lineSpacing()  # room for a few lines before anything is typed
    box.setFocus()
    for _ in range(8):
        type_text(box, PARAGRAPH)
        qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: box.height() >= 9 * box.fontMetrics().lineSpacing(), timeout=2000)
    QApplication.processEvents()
    # All of the text is in sight in the box itself: it has no scroll range of its own …
    assert box.verticalScrollBar().maximum() == 0
    assert not box.verticalScrollBar().isVisible()
    assert box.viewport().height() >= box.text_height()
    # … the page scrolls instead, and has followed the cursor to the end of what was typed.
    from desktop.ui.growing_text import scroll_area_of

    area = scroll_area_of(box)
    assert area.verticalScrollBar().maximum() > 0
    cursor = box.viewport().mapTo(area.viewport(), box.cursorRect().center())
    assert 0 <= cursor.y() <= area.viewport().height()
    assert box.toPlainText().count(PARAGRAPH) == 8 and window.report.narratives.conclusion.count(PARAGRAPH) == 8


def test_the_functions_box_shrinks_back_to_its_minimum_when_emptied(qtbot, window):
    window.resize(1366, 768)
    create_unit(qtbot, window)
    page = window.profile_page
    window.show_page(window.page_index(page))
    box = field(page, "report.profile.functions")
    least = box.height()
    for _ in range(6):
        type_text(box, PARAGRAPH)
        qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: box.height() > least, timeout=2000)
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(box, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: box.height() == least, timeout=2000)
    assert window.report.profile.functions == ""
