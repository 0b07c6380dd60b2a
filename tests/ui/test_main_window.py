"""The main window driven as a clerk would: first run, demo units, picking, new unit and year, import."""

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from desktop.ui import operations
from desktop.ui.dialogs import NewUnitDialog, NewYearDialog

from .conftest import type_text, when_dialog_opens


def overview_text(window):
    form = window.overview.form
    return "\n".join(
        form.itemAt(row, form.ItemRole.LabelRole).widget().text()
        + form.itemAt(row, form.ItemRole.FieldRole).widget().text()
        for row in range(form.rowCount())
    )


def test_first_run_shows_the_welcome_page_and_loads_the_demo(qtbot, window):
    assert window.central.currentWidget() is window.welcome
    demo = next(b for b in window.welcome.findChildren(QPushButton) if "示例" in b.text())
    qtbot.mouseClick(demo, Qt.MouseButton.LeftButton)
    assert window.central.currentIndex() == 1
    assert window.unit_combo.count() == 2
    units = [window.unit_combo.itemText(i) for i in range(2)]
    index = next(i for i, name in enumerate(units) if "金口河" in name)
    window.unit_combo.setCurrentIndex(index)
    assert window.year_combo.currentText() == "2024 年度"
    text = overview_text(window)
    assert "219.7万元" in text and "34.8%" in text and "65.2%" in text
    window.unit_combo.setCurrentIndex(1 - index)
    assert window.year_combo.currentText() == "2022 年度"
    text = overview_text(window)
    assert "94.26%" in text and "98 分，等级“优”" in text


def test_new_unit_then_new_year_from_last(qtbot, window, workspace):
    def fill_unit(dialog):
        assert isinstance(dialog, NewUnitDialog)
        type_text(dialog.name_edit, "某某街道妇联")
        dialog.year_spin.setValue(2024)
        dialog.accept()

    when_dialog_opens(qtbot, fill_unit)
    window.new_unit()
    assert window.unit_combo.currentText() == "某某街道妇联"
    assert window.year_combo.currentText() == "2024 年度"
    assert window.report is not None and window.report.fiscal_year == 2024

    def next_year(dialog):
        assert isinstance(dialog, NewYearDialog)
        assert dialog.year() == 2025 and dialog.copy_forward()
        dialog.accept()

    when_dialog_opens(qtbot, next_year)
    window.new_year()
    qtbot.waitUntil(lambda: window.year_combo.count() == 2)
    assert [window.year_combo.itemText(i) for i in range(window.year_combo.count())] == ["2025 年度", "2024 年度"]
    assert workspace.open_report("某某街道妇联", 2025).fiscal_year == 2025


def test_a_bad_import_is_explained_and_changes_nothing(qtbot, window, workspace, seed_paths, tmp_path):
    window.import_path(seed_paths[1])
    document = json.loads(seed_paths[0].read_text(encoding="utf-8"))
    document["version"] = 99
    bad = tmp_path / "新版本.fulian.json"
    bad.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    seen = {}

    def read_and_close(box):
        seen["text"] = box.text()
        box.accept()

    when_dialog_opens(qtbot, read_and_close)
    assert window.import_path(bad) is None
    assert "没有导入任何内容" in seen["text"] and "升级本程序" in seen["text"]
    assert len(workspace.entries()) == 1


def test_importing_the_same_year_asks_before_replacing(qtbot, window, workspace, seed_paths):
    window.import_path(seed_paths[0])

    def decline(box):
        assert isinstance(box, QMessageBox) and "覆盖" in box.text()
        box.button(QMessageBox.StandardButton.No).click()

    when_dialog_opens(qtbot, decline)
    assert window.import_path(seed_paths[0]) is None

    def accept(box):
        box.button(QMessageBox.StandardButton.Yes).click()

    when_dialog_opens(qtbot, accept)
    assert window.import_path(seed_paths[0]) is not None
    assert len(workspace.entries()) == 1


def test_qt_dialog_buttons_speak_chinese(window):
    box = QMessageBox(QMessageBox.Icon.Question, "t", "t", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    assert box.button(QMessageBox.StandardButton.Yes).text().replace("&", "").startswith("是")


def test_import_runs_in_the_background_and_asks_before_replacing(qtbot, window, workspace, seed_paths):
    task = window.import_in_background(seed_paths[1])
    qtbot.waitUntil(lambda: window.report is not None, timeout=10000)
    assert window.report.fiscal_year == 2022 and not operations.running()
    seen = {}

    def decline(box):
        seen["text"] = box.text()
        box.button(QMessageBox.StandardButton.No).click()

    when_dialog_opens(qtbot, decline)
    window.import_in_background(seed_paths[1])
    qtbot.waitUntil(lambda: "text" in seen and not operations.running(), timeout=10000)
    assert "覆盖" in seen["text"]
    assert len(workspace.entries()) == 1
    assert task is not None
