"""区县汇总 page: drop a folder → preview → status table → a township's issues → charts → export."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from desktop.domain.model import Unit
from desktop.ui.pages.district import CollectPreview

from ..district.township_files import DISTRICT, YEAR, make_township_files
from .conftest import name_file_in_dialog

N = 4


def when_modal(qtbot, kind, handle):
    """Run `handle(widget)` once the modal widget of the given kind is up (progress dialogs may come first)."""

    def act():
        widget = QApplication.activeModalWidget()
        if not isinstance(widget, kind) or not widget.isVisible():
            QTimer.singleShot(20, act)
            return
        handle(widget)

    QTimer.singleShot(0, act)


def drop(widget, paths: list[Path]) -> None:
    """What the window system delivers when files are dropped: a QDropEvent carrying file URLs."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    point = widget.rect().center()
    for event_type in (QDropEvent.Type.DragEnter, QDropEvent.Type.DragMove):
        from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent

        cls = QDragEnterEvent if event_type == QDropEvent.Type.DragEnter else QDragMoveEvent
        QApplication.sendEvent(widget, cls(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    event = QDropEvent(point.toPointF(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def open_district_page(qtbot, window, workspace):
    unit = workspace.create_unit(Unit(name=DISTRICT))
    workspace.create_report(unit, YEAR)
    window.refresh(select=(DISTRICT, YEAR))
    page = window.district_page
    item = window.navigation.item(window.page_index(page))
    rect = window.navigation.visualItemRect(item)
    qtbot.mouseClick(window.navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.pages.currentWidget() is page
    return page


def table_rows(page) -> dict[str, list[str]]:
    model = page.proxy
    rows = {}
    for r in range(model.rowCount()):
        values = [model.index(r, c).data() for c in range(model.columnCount())]
        rows[values[0]] = values
    return rows


@pytest.mark.filterwarnings("ignore:Function.*QDrag.*deprecated:DeprecationWarning")
def test_drop_a_folder_then_status_issues_charts_and_export(qtbot, window, workspace, tmp_path):
    files = make_township_files(tmp_path / "收到的文件", N)
    page = open_district_page(qtbot, window, workspace)
    # The hand-edited file's township is already on the district's list.
    from desktop.services.district import add_township

    add_township(workspace, DISTRICT, files.hand_edited_township)
    page.refresh()
    seen = {}

    def confirm(preview):
        seen["preview"] = "\n".join(item.describe() for item in preview.plan.files)
        assert set(preview.new_township_boxes) == set(files.good)
        preview.accept()

    when_modal(qtbot, CollectPreview, confirm)
    drop(page.drop_area, [tmp_path / "收到的文件"])
    qtbot.waitUntil(lambda: len(table_rows(page)) == N + 1, timeout=30000)
    assert "校验码不符" in seen["preview"] and "拒收" in seen["preview"]
    rows = table_rows(page)
    for name, report in files.good.items():
        assert rows[name][1] == "已报送"
        assert rows[name][8] == str(len(report.activities))
    assert rows[files.hand_edited_township][1] == "有错误"
    assert rows[files.hand_edited_township][4] == "FILE-CHECKSUM"
    assert f"已报送 {N} 个" in page.heading.text()
    # The window's unit picker lists the townships just collected, and the district stays open.
    picker = [window.unit_combo.itemText(i) for i in range(window.unit_combo.count())]
    assert set(files.good) <= set(picker) and window.unit_combo.currentText() == DISTRICT
    assert window.pages.currentWidget() is page

    # Sorting by 参与人次 (a click on its header) orders the rows by the number, not the text.
    header = page.table.horizontalHeader()
    column = 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(column) + 5, header.height() // 2))
    values = [page.proxy.index(r, column).data() for r in range(page.proxy.rowCount())]
    numbers = [int(v) for v in values if v]
    assert numbers == sorted(numbers) or numbers == sorted(numbers, reverse=True)

    # 导出报送情况 keeps the order on screen.
    shown = [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]
    status_file = tmp_path / "报送情况.xlsx"
    when_modal(qtbot, QFileDialog, lambda d: name_file_in_dialog(qtbot, d, status_file))
    qtbot.mouseClick(page.status_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(status_file.exists, timeout=10000)
    import openpyxl

    exported = openpyxl.load_workbook(status_file).active
    assert [exported.cell(r, 1).value for r in range(3, exported.max_row + 1)] == shown

    # Open the faulty township's issues: click its row, then 查看问题.
    row = next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 0).data() == files.hand_edited_township)
    rect = page.table.visualRect(page.proxy.index(row, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(page.issues_button, Qt.MouseButton.LeftButton)
    dialog = page.issues_dialog
    assert "被拒收" in dialog.text.toPlainText() and "校验码" in dialog.text.toPlainText()
    dialog.reject()

    # Charts and sentences come from the collected figures.
    assert len(page.kind_chart.bars) > 3 and len(page.township_chart.bars) == N
    total = sum(len(r.activities) for r in files.good.values())
    assert f"共开展活动{total}项" in page.sentences.toPlainText()

    # Export the summary workbook through the button and its file dialog.
    target = tmp_path / "汇总.xlsx"
    when_modal(qtbot, QFileDialog, lambda d: name_file_in_dialog(qtbot, d, target))
    qtbot.mouseClick(page.summary_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(target.exists, timeout=10000)
    import openpyxl

    sheet = openpyxl.load_workbook(target)["各乡镇"]
    assert sheet.cell(sheet.max_row, 1).value == "合计"


def test_townships_are_added_renamed_and_retired_from_the_page(qtbot, window, workspace):
    from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

    from ..ui.conftest import type_text

    page = open_district_page(qtbot, window, workspace)

    def type_name(text):
        def handle(dialog):
            edit = dialog.findChild(QLineEdit)
            edit.selectAll()
            type_text(edit, text)
            qtbot.keyClick(edit, Qt.Key.Key_Return)

        return handle

    when_modal(qtbot, QInputDialog, type_name("甲乡妇联"))
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert list(table_rows(page)) == ["甲乡妇联"] and table_rows(page)["甲乡妇联"][1] == "未报送"
    picker = lambda: [window.unit_combo.itemText(i) for i in range(window.unit_combo.count())]  # noqa: E731
    assert "甲乡妇联" in picker() and window.unit_combo.currentText() == DISTRICT

    rect = page.table.visualRect(page.proxy.index(0, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    when_modal(qtbot, QInputDialog, type_name("甲镇妇联"))
    qtbot.mouseClick(page.rename_button, Qt.MouseButton.LeftButton)
    assert list(table_rows(page)) == ["甲镇妇联"]
    assert "甲镇妇联" in picker() and "甲乡妇联" not in picker()

    rect = page.table.visualRect(page.proxy.index(0, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    when_modal(qtbot, QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.mouseClick(page.retire_button, Qt.MouseButton.LeftButton)
    assert table_rows(page) == {}
    from desktop.services.district import townships

    assert [(t.name, t.retired) for t in townships(workspace, DISTRICT)] == [("甲镇妇联", True)]
