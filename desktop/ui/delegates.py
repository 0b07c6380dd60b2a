"""Cell editors: money (元, with 万元 accepted and shown), dates as typed, kinds from a list.

Enter commits the cell and moves down, Tab moves right, as in Excel/WPS. A value that cannot be read
(a date with no such day, letters in a count) is refused where it was typed: the editor stays open with
the reason, and the stored value is not touched.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from typing import Callable, Optional

from PySide6.QtCore import QDate, QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemDelegate, QComboBox, QLineEdit, QStyledItemDelegate

from ..domain.money import plain_number
from .cell_values import parse_cell
from .table_model import Column, Kind

DATE_PLACEHOLDER = "如 2024-03-08、3/8、3月8日"


def to_date(value) -> date | None:
    if isinstance(value, QDate):
        return value.toPython() if value.isValid() else None
    return value


class CellDelegate(QStyledItemDelegate):
    """One delegate for a whole table: it asks the model's column what kind of value a cell holds."""

    invalid = Signal(str)  # a message for the clerk when a typed value is refused
    entered = Signal()  # Enter committed a cell: the view moves down
    stored = Signal(QModelIndex, object)  # a typed value was stored in the cell (the view's index)

    def __init__(self, columns: list[Column], parent=None, year: Optional[Callable[[], Optional[int]]] = None):
        super().__init__(parent)
        self.columns = columns
        # The report's year: a date typed without one ("3/8") is in it.
        self.year = year or (lambda: None)

    def _column(self, index: QModelIndex) -> Column:
        return self.columns[index.column()]

    def createEditor(self, parent, option, index):
        column = self._column(index)
        if column.kind is Kind.CHOICE:
            editor = QComboBox(parent)
            # Values stay in Python: Qt would turn a str-based enum into a plain str.
            editor.choices = list(column.choices()) if column.choices else []
            for label, _value in editor.choices:
                editor.addItem(label)
            return editor
        editor = QLineEdit(parent)
        editor.grid_column = column
        if column.kind is Kind.MONEY:
            editor.setPlaceholderText("元；也可输入“2.5万”")
        elif column.kind is Kind.DATE:
            editor.setPlaceholderText(DATE_PLACEHOLDER)
            editor.setToolTip("可输入 2024-03-08、2024/3/8、2024.3.8、20240308、3/8 或 3月8日；不写年份即为本报告年度")
        return editor

    def setEditorData(self, editor, index):
        column = self._column(index)
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            for i, (_label, choice) in enumerate(editor.choices):
                if choice == value:
                    editor.setCurrentIndex(i)
                    break
        elif isinstance(editor, QLineEdit):
            if value is None:
                editor.setText("")
            elif column.kind in (Kind.MONEY, Kind.DECIMAL):
                editor.setText(plain_number(value))
            elif column.kind is Kind.DATE:
                editor.setText(to_date(value).isoformat())
            else:
                editor.setText(str(value))
            editor.selectAll()

    def setModelData(self, editor, model, index):
        column = self._column(index)
        if isinstance(editor, QComboBox):
            if 0 <= editor.currentIndex() < len(editor.choices):
                model.setData(index, editor.choices[editor.currentIndex()][1], Qt.ItemDataRole.EditRole)
            return
        try:
            value = self.typed_value(editor, column)
        except ValueError as exc:
            self.invalid.emit(f"{column.header}：{exc}（未保存，原值不变）")
            return
        if model.setData(index, value, Qt.ItemDataRole.EditRole):
            self.stored.emit(index, value)

    def typed_value(self, editor: QLineEdit, column: Column):
        return parse_cell(column.kind, editor.text().strip(), self.year())

    def eventFilter(self, editor, event):
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if isinstance(editor, QComboBox) and editor.view().isVisible():
                return super().eventFilter(editor, event)
            column = getattr(editor, "grid_column", None)
            if isinstance(editor, QLineEdit) and column is not None:
                try:
                    self.typed_value(editor, column)
                except ValueError as exc:
                    # Refused where it was typed: the editor stays open, nothing is stored.
                    editor.setStyleSheet("background: #fbe3e1;")
                    editor.setToolTip(str(exc))
                    self.invalid.emit(f"{column.header}：{exc}")
                    return True
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.entered.emit()
            return True
        return super().eventFilter(editor, event)
