"""The unit's own fields on 单位概况, driven as a clerk: renamed (the picker follows), level and superior
changed, a name another unit has refused; undo/redo; saved to the unit table, as the reopened file shows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.domain.model import UnitLevel
from desktop.storage import open_database

from .conftest import type_text, when_message_opens
from .test_report_entry import field, fill

NEW_NAME = "乐山市金口河区妇女联合会（新）"


def rename(qtbot, window, name):
    edit = window.profile_page.unit_name
    edit.selectAll()
    type_text(edit, name)
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # leaving the field commits the name


def test_the_clerk_edits_the_units_own_fields(qtbot, window, seed_paths, db_locator):
    window.import_path(seed_paths[1])
    window.import_path(seed_paths[0])
    report = window.report
    old_name, other = report.unit.name, next(u.name for u in window.workspace.units() if u.id != report.unit.id)
    page = window.profile_page
    window.show_page(window.page_index(page))
    assert page.unit_name.text() == old_name

    rename(qtbot, window, NEW_NAME)
    assert report.unit.name == NEW_NAME
    assert window.unit_combo.currentText() == NEW_NAME and NEW_NAME in window.status_label.text()
    assert window.report is report  # not reopened: the undo history stays
    assert window.workspace.database.units().find(NEW_NAME).id == report.unit.id
    level = field(page, "report.unit.level")
    level.setFocus()
    level.setCurrentIndex(level.findText(UnitLevel.CITY.value))
    level.activated.emit(level.currentIndex())
    assert report.unit.level is UnitLevel.CITY
    fill(qtbot, page, "report.unit.superior", "四川省妇联")
    assert window.workspace.database.units().get(report.unit.id).superior == "四川省妇联"

    # A name another unit has, or none at all: refused with a message; the field shows the stored name.
    for name, expected in ((other, f"已有名为“{other}”的单位"), ("  ", "不能为空")):
        seen = {}
        when_message_opens(qtbot, lambda box: (seen.setdefault("text", box.text()), box.accept()))
        rename(qtbot, window, name)
        qtbot.waitUntil(lambda: "text" in seen)
        assert expected in seen["text"]
        assert report.unit.name == NEW_NAME and page.unit_name.text() == NEW_NAME
        window.activateWindow()  # the offscreen platform leaves the closed message box active
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.workspace.database.units().find(other).id != report.unit.id

    stack = window.editor.undo_stack
    steps = stack.count()
    for _ in range(steps):
        stack.undo()
    assert (report.unit.name, report.unit.level, report.unit.superior) == (old_name, UnitLevel.DISTRICT, "乐山市妇联")
    assert window.unit_combo.currentText() == old_name and page.unit_name.text() == old_name
    assert window.workspace.database.units().find(old_name).id == report.unit.id
    for _ in range(steps):
        stack.redo()
    assert window.unit_combo.currentText() == NEW_NAME and page.unit_name.text() == NEW_NAME

    assert window.editor.flush()
    with open_database(db_locator) as fresh:
        unit = fresh.units().find(NEW_NAME)
        assert (unit.level, unit.superior) == (UnitLevel.CITY, "四川省妇联")
        assert fresh.units().find(old_name) is None
        assert fresh.reports().get(unit.id, report.fiscal_year).unit.name == NEW_NAME
