"""校验: the issues validation finds; double-click (or Enter) takes the clerk to the field concerned."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout

from ...services import checking
from ..marks import set_tone
from .base import Page

SEVERITY_COLOURS = {"error": "#b3261e", "warning": "#8a5a00", "info": "#1f5f99"}


class IssueModel(QAbstractTableModel):
    HEADERS = ("级别", "在哪里改", "问题", "怎么改", "代码")

    def __init__(self, parent=None, place=None):
        super().__init__(parent)
        self.issues: list = []  # validation's Issue values, in display order
        self.places: list[str] = []
        # path → “页面 › 栏目” as labelled on screen (the window knows its pages); else the report part.
        self.place = place

    def set_issues(self, issues: list) -> None:
        self.beginResetModel()
        self.issues = list(issues)
        self.places = [(self.place(i.field) if self.place else "") or i.section for i in self.issues]
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.issues)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            return self.HEADERS[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.issues):
            return None
        issue = self.issues[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (issue.severity.label, self.places[index.row()], issue.message, issue.hint, issue.code)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{issue.message}\n{issue.hint}\n（双击转到：{issue.field}）"
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            return QBrush(QColor(SEVERITY_COLOURS.get(issue.severity.value, "#000000")))
        return None

    def flags(self, index: QModelIndex):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class ChecksPage(Page):
    title = "校验"
    jump_requested = Signal(str)
    recheck_requested = Signal()

    def __init__(self, editor, parent=None, place=None):
        super().__init__(editor, parent)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.summary = QLabel("尚未校验")
        self.summary.setWordWrap(True)
        top.addWidget(self.summary, 1)
        again = QPushButton("重新校验(&R)")
        again.clicked.connect(self.recheck_requested.emit)
        top.addWidget(again)
        layout.addLayout(top)
        layout.addWidget(QLabel("双击一条问题（或选中后按回车）即可转到需要修改的地方；修改后问题列表会自动更新。"))
        self.model = IssueModel(self, place)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.horizontalHeader().setStretchLastSection(False)
        metrics = self.view.fontMetrics()
        for column, chars in enumerate((3, 10, 26, 20, 5)):
            self.view.setColumnWidth(column, metrics.horizontalAdvance("中") * chars + 16)
        self.view.doubleClicked.connect(self._activate)
        self.view.activated.connect(self._activate)
        layout.addWidget(self.view, 1)

    def show_issues(self, issues: list) -> None:
        blocked = not checking.count(issues).ok
        self.model.set_issues(issues)
        self.summary.setText(checking.summary_text(issues) + ("。有错误时只能导出草稿。" if blocked else ""))
        set_tone(self.summary, "bad" if blocked else "ok")
        self.view.resizeRowsToContents()

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.jump_requested.emit(self.model.issues[index.row()].field)

    def focus_path(self, path: str) -> bool:
        return False
