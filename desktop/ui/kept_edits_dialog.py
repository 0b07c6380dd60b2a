"""Edits kept on this PC because a save failed: offered when a window opens on their database.

The dialog says whose edits they are, when they were kept and why, lists them, and offers 保存到数据库,
以后再说 (they stay kept) or 丢弃. A save is made only on the report the edits were made on; when a
colleague saved it meanwhile, the clerk is told who and when and chooses to replace it or to wait.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from ..services import kept_edits
from ..services.kept_edits import KeptEdits, KeptEditsError
from .operations import run_now


class KeptEditsDialog(QDialog):
    def __init__(self, window, kept: KeptEdits):
        super().__init__(window)
        self.window_ = window
        self.kept = kept
        self.outcome = ""  # "saved", "dropped" or "later"
        self.setWindowTitle("没能保存的修改")
        layout = QVBoxLayout(self)
        note = QLabel(
            f"{kept.summary()}有修改没能保存到数据库。\n原因：{kept.reason}\n\n"
            f"这些修改一直保留在本机：{kept.data_file}\n现在可以把它们保存到数据库。"
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.edits = QListWidget()
        self.edits.addItems(list(kept.edits) or ["（报告中的修改）"])
        layout.addWidget(self.edits)
        buttons = QDialogButtonBox()
        self.save_button = QPushButton("保存到数据库(&S)")
        self.later_button = QPushButton("以后再说(&L)")
        self.drop_button = QPushButton("丢弃这些修改(&D)")
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(self.drop_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.save_button.clicked.connect(self._save)
        self.later_button.clicked.connect(self._later)
        self.drop_button.clicked.connect(self._drop)
        layout.addWidget(buttons)
        self.save_button.setDefault(True)
        self.resize(640, 380)

    def _save(self, replace: bool = False) -> None:
        workspace = self.window_.workspace
        changed: list[KeptEditsError] = []

        def failed(exc):
            if isinstance(exc, KeptEditsError) and not replace:
                changed.append(exc)
            else:
                QMessageBox.warning(self, "没能保存的修改", f"{exc.message}\n\n修改仍保留在本机，下次打开程序时会再提示。")

        saved = run_now(self, "没能保存的修改", lambda: kept_edits.save_kept(workspace, self.kept, replace=replace),
                        failure=failed)
        if changed:
            box = QMessageBox(QMessageBox.Icon.Question, "没能保存的修改", changed[0].message, parent=self)
            replace_button = box.addButton("用保留的修改替换(&R)", QMessageBox.ButtonRole.DestructiveRole)
            box.addButton("以后再说(&L)", QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is replace_button:
                self._save(replace=True)
            return
        if saved is None:
            return
        self.outcome = "saved"
        self.window_.refresh(select=(saved.unit.name, saved.fiscal_year))
        self.window_.statusBar().showMessage(f"已把保留的修改保存到数据库：{self.kept.summary()}", 15000)
        self.accept()

    def _later(self) -> None:
        self.outcome = "later"
        self.reject()

    def _drop(self) -> None:
        answer = QMessageBox.question(self, "没能保存的修改", "丢弃后这些修改将无法找回。确定丢弃吗？")
        if answer != QMessageBox.StandardButton.Yes:
            return
        kept_edits.discard(self.kept)
        self.outcome = "dropped"
        self.reject()


def offer_kept_edits(window) -> list[str]:
    """Offer each report's kept edits of this database in turn; returns what became of each."""
    outcomes = []
    for kept in kept_edits.kept_for(window.workspace, window.workspace.kept_folder):
        dialog = KeptEditsDialog(window, kept)
        dialog.exec()
        outcomes.append(dialog.outcome or "later")
    return outcomes


def closing_message(session) -> str:
    """What the clerk is told when she closes the window while the last edits are not saved."""
    if session is None:
        return ""
    if session.kept is not None:
        where = (
            f"\n\n这些修改已保留在本机：{session.kept}\n下次在这台电脑上打开程序时，会提示您把它们保存到数据库。"
        )
    else:
        why = f"（{session.keep_error}）" if session.keep_error else ""
        where = f"\n\n这些修改也没能保留在本机{why}，退出后将会丢失。"
    return f"最近的修改没有保存到数据库：{session.error}{where}\n\n仍然退出吗？"
