"""项目 page: one project's 自评表 exported alone by a click on its button."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.exchange import write_file

from tests.reports.conftest import filled_seed

from .conftest import name_file_in_dialog, when_dialog_opens


def test_the_button_exports_the_selected_projects_form(qtbot, window, tmp_path):
    source = tmp_path / "filled.fulian.json"
    write_file(filled_seed("000"), source)
    window.import_path(source)
    page = window.projects_page
    window.show_page(window.page_index(page))
    page.list.select(1, 0)
    page.show_project(1)
    out = tmp_path / "out"
    out.mkdir()

    def choose_folder(dialog):
        """The clerk names the folder in the folder chooser (Qt's own dialog) and presses Enter."""
        assert isinstance(dialog, QFileDialog)
        name_file_in_dialog(qtbot, dialog, out)

    when_dialog_opens(qtbot, choose_folder)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已导出" in page.export_result.text(), timeout=60000)
    names = sorted(p.name for p in out.iterdir())
    assert names == [f"金口河区妇联2024年度项目支出绩效自评表（妇工委工作经费）.{s}" for s in ("docx", "pdf", "xlsx")]
    assert "草稿" not in page.export_result.text()
