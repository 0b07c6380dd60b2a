"""文件 → 从备份恢复…: chosen in the menu, confirmed, the data comes back and the window shows it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.storage.backups import take_backup
from desktop.storage.server_backups import take_folder_backup

from .conftest import when_dialog_opens
from .test_editor import jinkouhe


def test_restore_from_the_file_menu_backs_up_first_and_shows_the_old_data(qtbot, window, seed_paths, db_kind):
    """On a file the backups lie beside it; on a server they are folders of data files on this PC."""
    jinkouhe(window, seed_paths, qtbot)
    database = window.workspace.database
    db_path = database.path
    if database.is_shared:
        taken = take_folder_backup(database, "0004", database.backup_root)
    else:
        taken = take_backup(db_path, "0002")
    window.import_path(seed_paths[1])  # after the backup
    assert window.unit_combo.count() == 2
    seen: dict[str, str] = {}

    def in_dialog(dialog):
        seen["list"] = dialog.list.item(0).text()
        seen["contents"] = dialog.contents.text() if database.is_shared else ""
        dialog.list.setFocus()
        qtbot.keyClick(dialog.list, Qt.Key.Key_Home)

        def confirm():
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox) or "确定恢复吗" not in box.text():
                return confirm_later()
            seen["confirm"] = box.text()

            def done():
                info = QApplication.activeModalWidget()
                # Looked for again by a timer, not by waiting here: the restore runs in the background
                # and its message box may open at any moment, inside whatever event loop is running.
                if not isinstance(info, QMessageBox) or "已从" not in info.text():
                    return done_later()
                seen["done"] = info.text()
                qtbot.mouseClick(info.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

            def done_later():
                from PySide6.QtCore import QTimer

                QTimer.singleShot(20, done)

            done_later()
            qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

        def confirm_later():
            from PySide6.QtCore import QTimer

            QTimer.singleShot(20, confirm)

        confirm_later()
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(qtbot, in_dialog)
    window.restore_action.trigger()

    assert taken.name in seen["list"] and "1 份年度报告" in seen["list"]
    assert "恢复前会先把当前数据自动备份" in seen["confirm"]
    assert "before-restore" in seen["done"]
    assert window.unit_combo.count() == 1  # the window shows the restored data
    assert window.report is not None and window.report.unit.name == "乐山市金口河区妇女联合会"
    if database.is_shared:
        assert "乐山市金口河区妇女联合会　2024 年度" in seen["contents"]
        assert "乐山市金口河区妇女联合会　2024 年度" in seen["confirm"]
        saved_before = list(database.backup_root.glob("*-before-restore-*"))
        assert len(saved_before) == 1 and len(list(saved_before[0].glob("*.fulian.json"))) == 2
    else:
        saved_before = [p for p in db_path.parent.glob("*.bak-before-restore-*")]
        assert len(saved_before) == 1
