"""A table of domain objects that behaves like a spreadsheet: 添加 / 删除, copy and paste, validation marks.

Keys as in Excel/WPS: Enter moves down, Tab moves right and from the row's end to the next row,
Enter or Down on the last row adds a row (dropped again if the clerk leaves it untouched), Delete
clears the selected cells. Ctrl+C copies the selection as tab-separated text, Ctrl+V pastes such a
block from the current cell (a preview first when more than one row arrives). Every change is one
step to undo.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .cell_values import cleared_value, copy_text, read_block, write_block
from .delegates import CellDelegate
from .editor import Editor
from .grid_paste import PastePlan, PastePreviewDialog, plan_paste
from .marks import set_tone
from .table_model import Column, Kind, ObjectTableModel
from .wan_suggestion import WanSuggestion, looks_like_wan


class GridView(QTableView):
    """A table the keyboard drives: typing starts editing, Enter moves down, Tab moves right."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table: Optional["TableEditor"] = None  # set by the TableEditor that owns the view

    def editing(self) -> bool:
        return self.state() == QAbstractItemView.State.EditingState

    def keyPressEvent(self, event):
        table = self.table
        if table is not None and not self.editing():
            if event.matches(QKeySequence.StandardKey.Copy):
                table.copy()
                return
            if event.matches(QKeySequence.StandardKey.Paste):
                table.paste()
                return
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
                table.move_down()
                return
            if key == Qt.Key.Key_Down and not event.modifiers() and self._on_last_row():
                table.move_down()
                return
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not event.modifiers():
                table.clear_selected()
                return
        super().keyPressEvent(event)

    def edit(self, index, trigger=None, event=None):
        if trigger is None:
            return super().edit(index)
        opened = super().edit(index, trigger, event)
        # A cell she cannot type in says where its value is entered, instead of swallowing the keys.
        wants = trigger in (QAbstractItemView.EditTrigger.DoubleClicked, QAbstractItemView.EditTrigger.AnyKeyPressed,
                            QAbstractItemView.EditTrigger.EditKeyPressed)
        if not opened and wants and self.table is not None and index.isValid():
            if trigger != QAbstractItemView.EditTrigger.AnyKeyPressed or (event is not None and event.text().strip()):
                column = self.table.model.columns[index.column()]
                if column.compute is not None or not column.editable:
                    self.table.say(column.read_only_reason)
        return opened

    def _on_last_row(self) -> bool:
        index = self.currentIndex()
        return index.isValid() and index.row() == self.model().rowCount() - 1

    def moveCursor(self, action, modifiers):
        # Tab runs along the row and on to the next row's first cell (a new row after the last),
        # Shift+Tab back; Qt's own Tab would wrap round within the table.
        index = self.currentIndex()
        model = self.model()
        if index.isValid() and self.table is not None:
            last = model.columnCount() - 1
            if action == QAbstractItemView.CursorAction.MoveNext and index.column() == last:
                if index.row() + 1 < model.rowCount():
                    return model.index(index.row() + 1, 0)
                added = self.table.append_for_navigation()
                return model.index(added, 0) if added is not None else index
            if action == QAbstractItemView.CursorAction.MovePrevious and index.column() == 0:
                return model.index(index.row() - 1, last) if index.row() > 0 else index
        return super().moveCursor(action, modifiers)

    def contextMenuEvent(self, event):
        if self.table is None:
            return super().contextMenuEvent(event)
        menu = QMenu(self)
        for action in self.table.edit_actions():
            menu.addAction(action)
        menu.exec(event.globalPos())


class TableEditor(QWidget):
    """The model, its view and the row buttons; `new_item` makes the row that 添加 inserts.

    `movable` adds 上移 / 下移 for lists whose order is printed; `removal_refusal(row)` may return a
    message saying why that row cannot be deleted (shown to the clerk instead of deleting). `grows`:
    moving past the last row (Enter, Down, Tab) adds a row, as in a sheet; lists whose rows open a
    detail pane (主题, 任务) do not, so Enter after a title stays with it.
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
        grows: bool = False,
    ):
        super().__init__(parent)
        self.editor = editor
        self.model = ObjectTableModel(editor, list_path, columns, self)
        self.proxy = proxy
        self.view = GridView()
        self.view.table = self
        if proxy is not None:
            proxy.setSourceModel(self.model)
            self.view.setModel(proxy)
        else:
            self.view.setModel(self.model)
        self.delegate = CellDelegate(columns, self.view, year=self._year)
        self.delegate.invalid.connect(self.say)
        self.delegate.entered.connect(self.move_down)
        self.view.setItemDelegate(self.delegate)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        metrics = self.view.fontMetrics()
        for number, column in enumerate(columns):
            # Wide enough for the title as well as the content the column was sized for.
            title = header.fontMetrics().horizontalAdvance(column.header) + 24
            if column.width:
                self.view.setColumnWidth(number, max(metrics.horizontalAdvance("中") * column.width + 16, title))
            else:
                self.view.setColumnWidth(number, max(self.view.columnWidth(number), title))
        self.new_item = new_item
        self.removal_refusal = removal_refusal
        self.grows = grows
        # A row added by Enter/Down/Tab past the end: (its source row, the undo index right after adding it).
        self._navigation_row: Optional[tuple[int, int]] = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        # What the last paste, deletion or refused cell did: one line, always there, so nothing moves.
        self.message = QLabel(" ")
        self.message.setWordWrap(False)
        self.message.setFixedHeight(self.message.sizeHint().height())
        set_tone(self.message, "info")
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.message, 1)
        # “改为 25.3 万元？” for a budget cell just given a figure that looks like 万元 typed as 元.
        self.wan_suggestion = WanSuggestion()
        self.wan_suggestion.setFixedHeight(self.message.height())
        line.addWidget(self.wan_suggestion)
        layout.addLayout(line)
        self.delegate.stored.connect(self._offer_wan)
        buttons = QHBoxLayout()
        self.buttons = buttons
        self.copy_action = QAction("复制(&C)", self, triggered=self.copy)
        self.paste_action = QAction("粘贴(&P)", self, triggered=self.paste)
        self.clear_action = QAction("清除内容", self, triggered=self.clear_selected)
        self.insert_action = QAction("插入行(&I)", self, triggered=self.insert_row)
        self.remove_action = QAction("删除行(&D)", self, triggered=self.remove_current)
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

    def _year(self) -> Optional[int]:
        report = self.editor.report
        return report.fiscal_year if report is not None else None

    def say(self, text: str) -> None:
        """One line under the table (what was pasted, deleted or refused); the full text as its tooltip."""
        self.message.setToolTip(text)
        metrics = self.message.fontMetrics()
        self.message.setText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(self.width(), 200)))

    def _offer_wan(self, index: QModelIndex, value) -> None:
        column = self.model.columns[index.column()]
        cell = QPersistentModelIndex(self.to_source(index))
        if not (column.budget and column.kind is Kind.MONEY and looks_like_wan(value)):
            self.wan_suggestion.withdraw()
            return

        def apply(amount):
            if cell.isValid():
                self.model.setData(self.model.index(cell.row(), cell.column()), amount, Qt.ItemDataRole.EditRole)

        self.wan_suggestion.offer(cell, value, apply, f"第 {cell.row() + 1} 行“{column.header}”")

    def edit_actions(self) -> list[QAction]:
        """复制 / 粘贴 / 清除 / 插入行 / 删除行, for the 编辑 menu and the context menu."""
        rows = self.new_item is not None
        self.insert_action.setEnabled(rows)
        self.remove_action.setEnabled(rows)
        return [self.copy_action, self.paste_action, self.clear_action, self.insert_action, self.remove_action]

    # -------------------------------------------------------------- rows

    def to_source(self, index: QModelIndex) -> QModelIndex:
        return self.proxy.mapToSource(index) if self.proxy is not None and index.isValid() else index

    def from_source(self, index: QModelIndex) -> QModelIndex:
        return self.proxy.mapFromSource(index) if self.proxy is not None and index.isValid() else index

    def current_row(self) -> int:
        index = self.to_source(self.view.currentIndex())
        return index.row() if index.isValid() else -1

    def view_rows(self) -> list[int]:
        """Source rows in the order the clerk sees them (sorted, filtered)."""
        view_model = self.view.model()
        return [self.to_source(view_model.index(r, 0)).row() for r in range(view_model.rowCount())]

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        source = self.to_source(current)
        if self._navigation_row is not None and (not source.isValid() or source.row() != self._navigation_row[0]):
            self.drop_untouched_row()
        if source.isValid():
            self.row_activated.emit(source.row())

    def add_row(self) -> None:
        if self.editor.report is None or self.new_item is None:
            return
        if self._navigation_row is not None and self._navigation_untouched():
            # The empty row Enter already opened is the one she asked for.
            row = self._navigation_row[0]
            self._navigation_row = None
            self.select(row, 0, edit=True)
            return
        row = self.model.rowCount()
        self.model.insert_item(row, self.new_item())
        self.select(row, 0, edit=True)

    def append_for_navigation(self) -> Optional[int]:
        """A new last row because the clerk moved past the end; its view row, or None if rows are fixed."""
        if self.editor.report is None or self.new_item is None or not self.grows:
            return None
        row = self.model.rowCount()
        self.model.insert_item(row, self.new_item())
        self._navigation_row = (row, self.editor.undo_stack.index())
        index = self.from_source(self.model.index(row, 0))
        return index.row() if index.isValid() else None

    def _navigation_untouched(self) -> bool:
        row, undo_index = self._navigation_row
        stack = self.editor.undo_stack
        return stack.index() == undo_index and row == self.model.rowCount() - 1

    def drop_untouched_row(self) -> None:
        """The row Enter/Tab added and nothing was typed into: take it away again (undo its adding)."""
        if self._navigation_row is None:
            return
        untouched = self._navigation_untouched()
        self._navigation_row = None
        if untouched:
            self.editor.undo_stack.undo()

    def hideEvent(self, event) -> None:
        self.drop_untouched_row()
        super().hideEvent(event)

    def move_down(self) -> None:
        """Enter: the cell below; past the last row a new row (when the table takes new rows)."""
        index = self.view.currentIndex()
        if not index.isValid():
            return
        view_model = self.view.model()
        if index.row() + 1 < view_model.rowCount():
            target = view_model.index(index.row() + 1, index.column())
        else:
            added = self.append_for_navigation()
            if added is None:
                return
            target = view_model.index(added, index.column())
        self.view.setCurrentIndex(target)
        self.view.selectionModel().select(target, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.view.scrollTo(target)

    def insert_row(self) -> None:
        """插入行: a new row above the current one (at the end when none is chosen)."""
        if self.editor.report is None or self.new_item is None:
            return
        row = self.current_row()
        row = self.model.rowCount() if row < 0 else row
        self.model.insert_item(row, self.new_item())
        self.select(row, 0)
        self.say(f"已在第 {row + 1} 行插入一行（Ctrl+Z 可撤销）")

    def selected_rows(self) -> list[int]:
        """Source rows with a selected cell (or the current row when nothing is selected)."""
        rows = {self.to_source(index).row() for index in self.view.selectionModel().selectedIndexes()}
        if not rows and self.current_row() >= 0:
            rows = {self.current_row()}
        return sorted(r for r in rows if r >= 0)

    def remove_current(self) -> None:
        """删除所选行: every row with a selected cell, as one step to undo; says how many went."""
        if self.new_item is None:
            return
        rows = self.selected_rows()
        if not rows:
            self.say("请先选中要删除的行")
            return
        if self.removal_refusal is not None:
            for row in rows:
                refusal = self.removal_refusal(row)
                if refusal:
                    QMessageBox.warning(self, "不能删除", refusal)
                    return
        self._navigation_row = None
        with self.editor.step(f"删除 {len(rows)} 行"):
            for row in reversed(rows):
                self.model.remove_item(row)
        self.say(f"已删除 {len(rows)} 行（第 {', '.join(str(r + 1) for r in rows)} 行）。按 Ctrl+Z 可撤销")
        if self.model.rowCount():
            self.select(min(rows[0], self.model.rowCount() - 1), 0)

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

    # -------------------------------------------------------------- cells: copy, paste, clear

    def _selected_cells(self) -> list[QModelIndex]:
        """Selected cells in view coordinates, or the current cell."""
        cells = self.view.selectionModel().selectedIndexes()
        if not cells and self.view.currentIndex().isValid():
            cells = [self.view.currentIndex()]
        return cells

    def copy(self) -> None:
        """Ctrl+C: the selected rectangle as tab-separated text, which Excel/WPS paste cell by cell."""
        cells = self._selected_cells()
        if not cells:
            return
        rows = sorted({i.row() for i in cells})
        columns = sorted({i.column() for i in cells})
        chosen = {(i.row(), i.column()) for i in cells}
        block = []
        for r in rows:
            line = []
            for c in columns:
                if (r, c) not in chosen:
                    line.append("")
                    continue
                source = self.to_source(self.view.model().index(r, c))
                column = self.model.columns[c]
                if column.compute is not None:
                    line.append(column.compute(self.model.item(source.row())) or "")
                else:
                    line.append(copy_text(column, self.model._value(source.row(), column)))
            block.append(line)
        QGuiApplication.clipboard().setText(write_block(block))
        count = len(chosen)
        self.say(f"已复制 {count} 个单元格，可粘贴到 Excel / WPS" if count > 1 else "已复制")

    def paste(self) -> Optional[PastePlan]:
        """Ctrl+V: the clipboard's block from the current cell down and right, adding rows past the end."""
        if self.editor.report is None:
            return None
        block = read_block(QGuiApplication.clipboard().text())
        if not block:
            self.say("剪贴板中没有可粘贴的文字")
            return None
        current = self.view.currentIndex()
        first_view_row = current.row() if current.isValid() else self.view.model().rowCount()
        first_column = current.column() if current.isValid() else 0
        plan = plan_paste(block, self.model.columns, first_column, self.view_rows(), first_view_row, self._year())
        if plan.new_rows and self.new_item is None:
            plan.notes.append("这张表不能添加行：超出表格的行没有粘贴")
            plan.targets = [t for t in plan.targets if t is not None]
            plan.cells = [c for c in plan.cells if c.row < len(plan.targets)]
        if not plan.cells:
            self.say("没有可以粘贴的单元格" + ("：" + "；".join(plan.notes) if plan.notes else ""))
            return plan
        if plan.rows > 1 or not plan.ok:
            dialog = PastePreviewDialog(plan, self)
            self.last_paste_dialog = dialog
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            if not plan.ok:
                self.say(f"没有粘贴：{len(plan.problems)} 个单元格无法识别（{plan.problems[0]}）")
                return plan
            if not accepted:
                return plan
        self._apply_paste(plan, first_view_row)
        return plan

    def _apply_paste(self, plan: PastePlan, first_view_row: int) -> None:
        self._navigation_row = None
        rows = list(plan.targets)
        with self.editor.step(f"粘贴 {plan.rows} 行"):
            for column, names in plan.new_choices.items():
                for name in names:
                    self.model.columns[column].add_choice(name)
            for number, target in enumerate(rows):
                if target is None:
                    target = self.model.rowCount()
                    self.model.insert_item(target, self.new_item())
                    rows[number] = target
            for cell in plan.cells:
                self._write(rows[cell.row], cell.column, cell.value)
        self.select(rows[0], plan.first_column)
        notes = ("；" + "；".join(plan.notes)) if plan.notes else ""
        self.say(f"已粘贴 {plan.rows} 行（{plan.summary()}），按 Ctrl+Z 可一步撤销{notes}")

    def _write(self, row: int, column: int, value: Any) -> None:
        index = self.model.index(row, column)
        if self.model.columns[column].kind is Kind.BOOL:
            state = Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            self.model.setData(index, state, Qt.ItemDataRole.CheckStateRole)
        else:
            self.model.setData(index, value, Qt.ItemDataRole.EditRole)

    def clear_selected(self) -> None:
        """Delete: the selected cells emptied, as one step to undo (read-only cells left alone)."""
        cells = [self.to_source(i) for i in self._selected_cells()]
        cells = [i for i in cells if i.isValid() and self.model.flags(i) & (Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable)]
        if not cells:
            return
        with self.editor.step(f"清除 {len(cells)} 个单元格"):
            for index in cells:
                self._write(index.row(), index.column(), cleared_value(self.model.columns[index.column()]))
        self.say(f"已清除 {len(cells)} 个单元格（Ctrl+Z 可撤销）")

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
