"""文件 → 生成报送文件…: the menu entry, the suggested name, the file written with its checksum."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit

from desktop.exchange import Integrity, read_envelope

from .conftest import name_file_in_dialog, when_dialog_opens, when_message_opens


def _menu_action(window, menu_title, text):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text().startswith(menu_title))
    return next(a for a in menu.actions() if a.text().startswith(text))


def test_generating_the_submission_file_from_the_file_menu(qtbot, window, seed_paths, tmp_path):
    report = window.import_path(seed_paths[0])
    action = _menu_action(window, "文件", "生成报送文件")
    assert action.isEnabled()
    expected = f"{report.unit.name}_{report.fiscal_year}_{date.today():%Y%m%d}.fulian.json"
    seen = {}

    def save_in_tmp(dialog):
        assert isinstance(dialog, QFileDialog)
        name_edit = dialog.findChild(QLineEdit, "fileNameEdit")  # the dialog's 文件名 field
        seen["suggested"] = name_edit.text()
        when_message_opens(qtbot, lambda box: (seen.setdefault("told", box.text()), box.accept()))
        name_file_in_dialog(qtbot, dialog, tmp_path / "out.fulian.json")

    when_dialog_opens(qtbot, save_in_tmp)
    action.trigger()
    qtbot.waitUntil(lambda: "told" in seen)
    assert seen["suggested"] == expected
    assert "校验码" in seen["told"]
    envelope = read_envelope(tmp_path / "out.fulian.json")
    assert envelope.integrity is Integrity.VERIFIED and envelope.report.unit.name == report.unit.name
