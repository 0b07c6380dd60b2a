"""When a save is refused because the report changed elsewhere: say so, offer to reload, keep the edits in view.

The clerk's unsaved edits go into their own window, which stays open until the clerk closes it: whether
or not the report is reloaded now, nothing typed disappears from sight. From there they can be
re-applied to the reloaded report in one step (undoable with Ctrl+Z) or copied out.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..services.unsaved import describe
from .editor import Editor

RELOAD = "重新载入报告"
LATER = "暂不重新载入"


class UnsavedEditsWindow(QDialog):
    """The edits that were not saved, listed one per line, with 重新应用 and 复制."""

    def __init__(self, editor: Editor, parent: QWidget | None = None, place=None):
        super().__init__(parent)
        self.editor = editor
        self.place = place  # path → “收支情况 › 年初结转结余”, the words the pages show
        # Until the report is reloaded, the list follows the refused session (edits made meanwhile join it).
        self.session = editor.session
        self.edits = list(self.session.unsaved) if self.session is not None else []
        report = editor.report
        self.key = (report.unit.id, report.fiscal_year) if report is not None else None
        self.setWindowTitle("未保存的修改")
        self.setModal(False)
        layout = QVBoxLayout(self)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.list = QListWidget()
        layout.addWidget(self.list)
        buttons = QDialogButtonBox()
        self.reload_button = QPushButton("重新载入报告(&L)")
        self.reapply_button = QPushButton("重新应用到重新载入的报告(&A)")
        self.copy_button = QPushButton("复制全部(&C)")
        close_button = buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.reapply_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close_button.clicked.connect(self.close)
        self.reapply_button.clicked.connect(self.reapply)
        self.reload_button.clicked.connect(self.reload)
        self.copy_button.clicked.connect(self.copy)
        layout.addWidget(buttons)
        editor.save_state_changed.connect(self._update)
        editor.report_loaded.connect(self._update)
        self.resize(560, 320)
        self._show_edits()

    def _show_edits(self) -> None:
        self.list.clear()
        for edit in self.edits:
            self.list.addItem(describe(edit, self.place))
        self._update()

    def _same_report_reloaded(self) -> bool:
        session = self.editor.session
        if session is None or self.key is None or session.conflicted:
            return False
        return (session.report.unit.id, session.report.fiscal_year) == self.key

    def _update(self) -> None:
        if self.session is not None and self.session is self.editor.session:
            if len(self.session.unsaved) != len(self.edits) or self.session.unsaved != self.edits:
                self.edits = list(self.session.unsaved)
                self._show_edits()
                return
        can = bool(self.edits) and self._same_report_reloaded()
        self.reapply_button.setEnabled(can)
        self.reload_button.setEnabled(self.session is not None and self.session is self.editor.session)
        if not self.edits:
            self.note.setText("所有修改都已处理。")
        elif can:
            self.note.setText("报告已重新载入（其中是别处保存的最新内容）。下面是您没有保存成功的修改，"
                              "可点“重新应用”把它们填回去（之后可用 Ctrl+Z 撤销），或逐项重新填写。")
        else:
            self.note.setText("下面是您没有保存成功的修改。请先重新载入报告，再把它们重新应用或重新填写。")

    def reload(self, *_args) -> None:
        """Open the stored (newer) report; the refused edits stay listed here."""
        if self.session is None or self.session is not self.editor.session:
            return
        self.edits = self.editor.reload()
        self.session = None
        self._show_edits()
        self.reloaded()

    def reloaded(self) -> None:
        """Hook for the window: re-run what follows opening a report (checks)."""

    def reapply(self) -> None:
        if not self._same_report_reloaded():
            return
        skipped = self.editor.reapply(self.edits)
        self.edits = skipped
        self._show_edits()
        if skipped:
            self.note.setText("以下修改在重新载入的报告中找不到对应的位置（那一行可能已被删除），"
                              "请对照后手工填写：")

    def copy(self) -> None:
        QApplication.clipboard().setText("\n".join(describe(edit) for edit in self.edits))


class ConflictHandler(QObject):
    """Answers the editor's conflict signal for a window: the message, the choice, the edits window."""

    def __init__(self, editor: Editor, parent: QWidget, after_reload=None, place=None):
        super().__init__(parent)
        self.editor = editor
        self.place = place
        self.parent_widget = parent
        self.after_reload = after_reload
        self.edits_window: UnsavedEditsWindow | None = None
        editor.conflict.connect(self.on_conflict)

    def on_conflict(self, message: str) -> None:
        self.edits_window = UnsavedEditsWindow(self.editor, self.parent_widget, self.place)
        if self.after_reload is not None:
            self.edits_window.reloaded = self.after_reload
        self.edits_window.show()
        edits = self.edits_window.edits
        box = QMessageBox(QMessageBox.Icon.Warning, "报告已在别处修改", message, parent=self.parent_widget)
        box.setInformativeText(
            f"您没有保存成功的 {len(edits)} 项修改列在“未保存的修改”窗口中，不会丢失。"
            "重新载入后，可以在那里把它们重新应用到最新的报告上。"
        )
        reload_button = box.addButton(RELOAD, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(LATER, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(reload_button)
        box.exec()
        if box.clickedButton() is reload_button:
            self.edits_window.reload()
