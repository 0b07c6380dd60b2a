"""管理活动类型 on the 活动台账 page, driven as a clerk: rename (following onto the activities), add,
reorder, refused and allowed removals; the drop-downs follow; undo/redo; the database holds it after reopening."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.storage import open_database
from desktop.ui.dialogs import ActivityKindsDialog

from .conftest import choose_cell, edit_cell, type_text, when_dialog_opens, when_message_opens


def test_the_clerk_manages_the_activity_kinds(qtbot, check_model, window, seed_paths, db_locator):
    window.import_path(seed_paths[0])
    page = window.ledger_page
    window.show_page(window.page_index(page))
    report = window.report
    original_kinds = list(report.activity_kinds)
    used = Counter(a.kind for a in report.activities if a.kind)
    kind, count = used.most_common(1)[0]
    original_by_key = {a.key: a.kind for a in report.activities}
    # The ledger is filtered by the kind about to be renamed.
    page.kind_filter.setCurrentIndex(page.kind_filter.findText(kind))
    page.kind_filter.activated.emit(page.kind_filter.currentIndex())
    assert page.proxy.rowCount() == count
    seen = {}

    def manage(dialog):
        try:
            act_on(dialog)
        except BaseException as exc:  # reported below: an assertion here must not leave the dialog open
            seen["error"] = exc
        finally:
            dialog.reject()

    def act_on(dialog):
        assert isinstance(dialog, ActivityKindsDialog)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        table = dialog.table
        check_model(table.model)
        row = report.activity_kinds.index(kind)
        assert table.model.index(row, 1).data() == f"{count} 条"
        # Rename: the list, every activity of that kind, the ledger's filter and drop-down, at once.
        edit_cell(qtbot, table, row, 0, "巾帼宣讲活动")
        assert report.activity_kinds[row] == "巾帼宣讲活动"
        assert sum(1 for a in report.activities if a.kind == "巾帼宣讲活动") == count
        assert not any(a.kind == kind for a in report.activities)
        assert page.kind_filter.currentText() == "巾帼宣讲活动" and page.proxy.rowCount() == count
        assert ("巾帼宣讲活动", "巾帼宣讲活动") in page.table.model.columns[1].choices()
        # A name another kind has is refused, in the dialog, and nothing changes.
        other = report.activity_kinds[0] if row else report.activity_kinds[1]
        edit_cell(qtbot, table, row, 0, other)
        assert dialog.message.isVisible() and f"已有活动类型“{other}”" in dialog.message.text()
        assert report.activity_kinds[row] == "巾帼宣讲活动"
        # Add: a new kind, named as it is added.
        table.add_row()
        type_text(QApplication.focusWidget(), "家访")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        assert report.activity_kinds[-1] == "家访" and not dialog.message.isVisible()
        assert page.kind_filter.findText("家访") > 0
        # Reorder: 家访 moves up one place.
        last = len(report.activity_kinds) - 1
        table.select(last, 0)
        qtbot.mouseClick(table.up_button, Qt.MouseButton.LeftButton)
        assert report.activity_kinds[last - 1] == "家访" and table.current_row() == last - 1
        # Remove a kind still used: refused, saying how many activities use it.
        table.select(row, 0)
        when_message_opens(qtbot, lambda box: (seen.setdefault("refusal", box.text()), box.accept()))
        qtbot.mouseClick(table.remove_button, Qt.MouseButton.LeftButton)
        assert f"{count} 条活动" in seen["refusal"] and "巾帼宣讲活动" in seen["refusal"]
        assert "巾帼宣讲活动" in report.activity_kinds
        dialog.activateWindow()  # the offscreen platform leaves the closed message box active
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        # Remove a kind no activity uses (one added by mistake): gone.
        table.add_row()
        type_text(QApplication.focusWidget(), "座谈")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        assert page.kind_filter.findText("座谈") > 0
        table.select(report.activity_kinds.index("座谈"), 0)
        qtbot.mouseClick(table.remove_button, Qt.MouseButton.LeftButton)
        assert "座谈" not in report.activity_kinds

    when_dialog_opens(qtbot, manage)
    qtbot.mouseClick(page.kinds_button, Qt.MouseButton.LeftButton)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    if "error" in seen:
        raise seen["error"]
    assert "refusal" in seen
    assert page.kind_filter.findText("座谈") < 0

    # The ledger's kind drop-down offers the new kind at once.
    page.kind_filter.setCurrentIndex(0)
    page.kind_filter.activated.emit(0)
    choose_cell(qtbot, page.table, 0, 1, "家访")
    assert report.activities[0].kind == "家访"
    after = list(report.activity_kinds)
    after_by_key = {a.key: a.kind for a in report.activities}

    # Undo, one step each: the cell; removing, naming and adding 座谈; the move; naming and adding 家访;
    # the rename of the kind on the list and on all its activities.
    stack = window.editor.undo_stack
    assert stack.count() == 8
    for _ in range(8):
        stack.undo()
    assert report.activity_kinds == original_kinds
    assert {a.key: a.kind for a in report.activities} == original_by_key
    assert page.kind_filter.findText("巾帼宣讲活动") < 0 and page.kind_filter.findText(kind) > 0
    assert not stack.canUndo()
    for _ in range(8):
        stack.redo()
    assert report.activity_kinds == after
    assert {a.key: a.kind for a in report.activities} == after_by_key

    assert window.editor.flush()
    with open_database(db_locator) as fresh:
        stored = fresh.reports().get(report.unit.id, report.fiscal_year)
    assert stored.activity_kinds == after
    assert {a.key: a.kind for a in stored.activities} == after_by_key
    assert "家访" in stored.activity_kinds and kind not in stored.activity_kinds
