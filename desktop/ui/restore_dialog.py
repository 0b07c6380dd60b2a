"""文件 → 从备份恢复…: pick a backup beside the database (or any backup file), confirm, restore.

On a server the backups are dated folders of data files on this PC; the dialog lists them the same way
and shows, under the list, which units and years the selected one holds.

The restore itself (desktop/services/restore.py) first backs up the data as it is now, so the clerk can
go back again with this same dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from ..errors import UserError
from ..services import restore
from ..services.restore import BEFORE_RESTORE, BackupFile, BackupFolder
from .dialog_parts import fit_to_content
from .operations import Operation, run_now, show_user_error


def describe(backup: BackupFile | BackupFolder) -> str:
    if backup.label == BEFORE_RESTORE:
        kind = "恢复前自动备份"
    elif backup.revision:
        kind = f"升级前自动备份（数据库版本 {backup.revision}）"
    else:
        kind = "备份"
    return f"{backup.taken:%Y-%m-%d %H:%M}　{kind}　{backup.reports} 份年度报告　{backup.path.name}"


def contents_text(backup: BackupFile | BackupFolder) -> str:
    """What a folder backup holds, one unit-year a line (a file backup only says how many)."""
    if not isinstance(backup, BackupFolder):
        return ""
    return "\n".join(f"{unit}　{year} 年度　活动台账 {lines} 条" for unit, year, lines in backup.contents)


class RestoreDialog(QDialog):
    """The backups beside the database, newest first; 恢复所选备份 or 从其他文件恢复…."""

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.workspace = window.workspace
        self.result_: restore.RestoreResult | None = None
        self.setWindowTitle("从备份恢复")
        self.shared = self.workspace.is_shared
        layout = QVBoxLayout(self)
        where = (
            "备份是本机“备份”文件夹中的数据文件夹（升级前和每次恢复前自动写下）。"
            if self.shared else ""
        )
        note = QLabel(
            f"数据库：{self.workspace.location}\n{where}"
            "恢复会用备份中的数据替换当前全部数据。恢复前，程序会先把当前数据另存为一个备份，"
            "如果恢复错了，可以再从那个备份恢复回来。"
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.list = QListWidget()
        self.found = run_now(self, "从备份恢复", lambda: restore.backups(self.workspace)) or []
        for backup in self.found:
            item = QListWidgetItem(describe(backup))
            item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            self.list.addItem(item)
        self.contents = QLabel()
        self.contents.setWordWrap(True)
        self.contents.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.list.currentRowChanged.connect(self._show_contents)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.list.addItem("（本机还没有这个数据库的备份）" if self.shared else "（数据库所在文件夹中还没有备份）")
            self.list.setEnabled(False)
        layout.addWidget(self.list)
        if self.shared:
            layout.addWidget(self.contents)
        buttons = QDialogButtonBox()
        self.restore_button = QPushButton("恢复所选备份(&R)")
        self.restore_button.setEnabled(self.list.isEnabled())
        self.other_button = QPushButton("从其他文件夹恢复(&O)…" if self.shared else "从其他文件恢复(&O)…")
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.clicked.connect(self._restore_selected)
        self.other_button.clicked.connect(self._restore_other)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_content(self)
        self.resize(max(self.width(), 560), max(self.height(), 320))

    def _show_contents(self, row: int) -> None:
        if 0 <= row < len(self.found):
            self.contents.setText(f"其中有：\n{contents_text(self.found[row])}")

    def _restore_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None and item.data(Qt.ItemDataRole.UserRole):
            self.restore_from(Path(item.data(Qt.ItemDataRole.UserRole)))

    def _restore_other(self) -> None:
        if self.shared:
            start = str(self.found[0].path.parent) if self.found else ""
            path = QFileDialog.getExistingDirectory(self, "选择备份文件夹", start)
        else:
            path, _ = QFileDialog.getOpenFileName(self, "选择备份文件", str(Path(self.workspace.location).parent), "所有文件 (*)")
        if path:
            self.restore_from(Path(path))

    def restore_from(self, path: Path) -> None:
        backup = run_now(self, "从备份恢复", lambda: restore.check_backup(self.workspace, path))
        if backup is None:
            return
        listed = f"\n\n{contents_text(backup)}" if isinstance(backup, BackupFolder) else ""
        answer = QMessageBox.question(
            self, "从备份恢复",
            f"将用备份“{path.name}”（{backup.taken:%Y-%m-%d %H:%M}，{backup.reports} 份年度报告）中的数据替换当前全部数据。"
            f"{listed}\n\n恢复前会先把当前数据自动备份，需要时可以再恢复回来。确定恢复吗？",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if not self.window_.editor.flush():
            QMessageBox.warning(self, "从备份恢复", "当前报告还有没保存成功的修改，请先处理（或撤销）后再恢复。")
            return
        self.window_.editor.open(None)  # the open report is about to be replaced

        def restored(result) -> None:
            self.window_.refresh()
            self.result_ = result
            QMessageBox.information(
                self, "从备份恢复",
                f"已从“{path.name}”恢复。\n恢复前的数据已备份为“{result.saved_before.name}”"
                f"（{'在 ' + str(result.saved_before.parent) if self.shared else '在数据库所在的文件夹中'}）。",
            )
            self.accept()

        def failed(error: UserError) -> None:
            self.window_.refresh()
            show_user_error(self, "从备份恢复", error)

        def stopped() -> None:
            self.window_.refresh()
            QMessageBox.information(self, "从备份恢复", "已取消恢复，数据没有改动。")

        # Off the window's thread, with a progress dialog: a server's data can take a while to replace.
        self.operation = (Operation(self, "从备份恢复", lambda progress: restore.restore(self.workspace, path, progress))
                          .success(restored).failure(failed).cancelled(stopped).run_in_background())


def restore_from_backup(window) -> None:
    """The menu action: show the dialog over the main window."""
    RestoreDialog(window).exec()
