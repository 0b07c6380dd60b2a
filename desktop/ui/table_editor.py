"""A table of domain objects with 添加 / 删除 buttons, cell editors and validation marks."""

from __future__ import annotations

from typing import Any, Callable, Optional

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .delegates import CellDelegate
from .editor import Editor
from .table_model import Column, ObjectTableModel


class GridView(QTableView):
    """A table the keyboard drives: typing starts editing, Enter moves to the next cell."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(True)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != QAbstractItemView.State.EditingState:
            index = self.currentIndex()
            if index.isValid() and index.flags() & Qt.ItemFlag.ItemIsEditable:
                self.edit(index)
                return
        super().keyPressEvent(event)


class TableEditor(QWidget):
    """The model, its view and the row buttons; `new_item` makes the row that 添加 inserts.

    `movable` adds 上移 / 下移 for lists whose order is printed; `removal_refusal(row)` may return a
    message saying why that row cannot be deleted (shown to the clerk instead of deleting).
    """

    row_activated = Signal(int)  # a source row the clerk picked (for a detail pane)

    def __init__(
        self,
        editor: Editor,
        list_path: str,
        columns: list[Column],
        new_item: Optional[Callable[[], Any]] = None,
        add_label: str = "添加一行(&A)",
        proxy: Optional[QSortFilterProxyModel] = None,
        parent=None,
        movable: bool = False,
        removal_refusal: Optional[Callable[[int], Optional[str]]] = None,
    ):
        super().__init__(parent)
        self.editor = editor
        self.model = ObjectTableModel(editor, list_path, columns, self)
        self.proxy = proxy
        self.view = GridView()
        if proxy is not None:
            proxy.setSourceModel(self.model)
            self.view.setModel(proxy)
        else:
            self.view.setModel(self.model)
        self.delegate = CellDelegate(columns, self.view)
        self.view.setItemDelegate(self.delegate)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        metrics = self.view.fontMetrics()
        for number, column in enumerate(columns):
            if column.width:
                self.view.setColumnWidth(number, metrics.horizontalAdvance("中") * column.width + 16)
        self.new_item = new_item
        self.removal_refusal = removal_refusal

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.buttons = buttons
        if new_item is not None:
            self.add_button = QPushButton(add_label)
            self.add_button.clicked.connect(self.add_row)
            self.remove_button = QPushButton("删除所选行(&D)")
            self.remove_button.clicked.connect(self.remove_current)
            buttons.addWidget(self.add_button)
            buttons.addWidget(self.remove_button)
            QShortcut(QKeySequence("Ctrl+Insert"), self.view, self.add_row, context=Qt.ShortcutContext.WidgetShortcut)
            QShortcut(QKeySequence("Ctrl+Delete"), self.view, self.remove_current, context=Qt.ShortcutContext.WidgetShortcut)
        if movable:
            self.up_button = QPushButton("上移")
            self.up_button.clicked.connect(lambda: self.move_current(-1))
            self.down_button = QPushButton("下移")
            self.down_button.clicked.connect(lambda: self.move_current(1))
            buttons.addWidget(self.up_button)
            buttons.addWidget(self.down_button)
            QShortcut(QKeySequence("Ctrl+Up"), self.view, lambda: self.move_current(-1), context=Qt.ShortcutContext.WidgetShortcut)
            QShortcut(QKeySequence("Ctrl+Down"), self.view, lambda: self.move_current(1), context=Qt.ShortcutContext.WidgetShortcut)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)

    # -------------------------------------------------------------- rows

    def to_source(self, index: QModelIndex) -> QModelIndex:
        return self.proxy.mapToSource(index) if self.proxy is not None and index.isValid() else index

    def from_source(self, index: QModelIndex) -> QModelIndex:
        return self.proxy.mapFromSource(index) if self.proxy is not None and index.isValid() else index

    def current_row(self) -> int:
        index = self.to_source(self.view.currentIndex())
        return index.row() if index.isValid() else -1

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        source = self.to_source(current)
        if source.isValid():
            self.row_activated.emit(source.row())

    def add_row(self) -> None:
        if self.editor.report is None or self.new_item is None:
            return
        row = self.model.rowCount()
        self.model.insert_item(row, self.new_item())
        self.select(row, 0, edit=True)

    def remove_current(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        refusal = self.removal_refusal(row) if self.removal_refusal is not None else None
        if refusal:
            QMessageBox.warning(self, "不能删除", refusal)
            return
        self.model.remove_item(row)
        if self.model.rowCount():
            self.select(min(row, self.model.rowCount() - 1), 0)

    def move_current(self, step: int) -> None:
        """Move the selected row up (-1) or down (+1), keeping it selected."""
        row = self.current_row()
        to = row + step
        if row < 0 or not (0 <= to < self.model.rowCount()):
            return
        column = max(self.view.currentIndex().column(), 0)
        self.editor.move(self.model.list_path, row, to)
        self.select(to, column)

    def select(self, row: int, column: int, edit: bool = False) -> None:
        index = self.from_source(self.model.index(row, column))
        if not index.isValid():
            return
        self.view.setCurrentIndex(index)
        self.view.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.view.scrollTo(index)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if edit and index.flags() & Qt.ItemFlag.ItemIsEditable:
            self.view.edit(index)

    # -------------------------------------------------------------- validation

    def set_issues(self, issues) -> None:
        self.model.set_issues(issues)

    def focus(self, path: str) -> bool:
        if path == self.model.list_path and path:
            # The list as a whole (e.g. "no 效益 indicator"): the table, at its first row.
            if self.model.rowCount():
                self.select(0, 0)
            else:
                self.view.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        found = self.model.locate(path)
        if found is None:
            return False
        self.select(*found)
        return True
