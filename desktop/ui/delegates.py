"""Cell editors: money (元, with 万元 accepted and shown), dates with a calendar, kinds from a list.

Enter commits the cell and opens the next one, as Tab does, so a table is filled without the mouse.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QDate, QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QStyledItemDelegate,
)

from ..domain.money import MoneyError, parse_amount, plain_number
from .table_model import Column, Kind


def to_date(value) -> date | None:
    if isinstance(value, QDate):
        return value.toPython() if value.isValid() else None
    return value


class CellDelegate(QStyledItemDelegate):
    """One delegate for a whole table: it asks the model's column what kind of value a cell holds."""

    invalid = Signal(str)  # a message for the clerk when a typed value is refused

    def __init__(self, columns: list[Column], parent=None, default_year: int | None = None):
        super().__init__(parent)
        self.columns = columns
        self.default_year = default_year

    def _column(self, index: QModelIndex) -> Column:
        return self.columns[index.column()]

    def createEditor(self, parent, option, index):
        column = self._column(index)
        if column.kind is Kind.DATE:
            editor = QDateEdit(parent)
            editor.setCalendarPopup(True)
            editor.setDisplayFormat("yyyy-MM-dd")
            return editor
        if column.kind is Kind.CHOICE:
            editor = QComboBox(parent)
            # Values stay in Python: Qt would turn a str-based enum into a plain str.
            editor.choices = list(column.choices()) if column.choices else []
            for label, _value in editor.choices:
                editor.addItem(label)
            return editor
        editor = QLineEdit(parent)
        if column.kind is Kind.MONEY:
            editor.setPlaceholderText("元；也可输入“2.5万”")
        return editor

    def setEditorData(self, editor, index):
        column = self._column(index)
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QDateEdit):
            value = to_date(value)
            if value is None:
                value = date(self.default_year or date.today().year, 1, 1)
            editor.setDate(QDate(value.year, value.month, value.day))
        elif isinstance(editor, QComboBox):
            for i, (_label, choice) in enumerate(editor.choices):
                if choice == value:
                    editor.setCurrentIndex(i)
                    break
        elif isinstance(editor, QLineEdit):
            if value is None:
                editor.setText("")
            elif column.kind in (Kind.MONEY, Kind.DECIMAL):
                editor.setText(plain_number(value))
            else:
                editor.setText(str(value))
            editor.selectAll()

    def setModelData(self, editor, model, index):
        column = self._column(index)
        if isinstance(editor, QDateEdit):
            model.setData(index, editor.date().toPython(), Qt.ItemDataRole.EditRole)
            return
        if isinstance(editor, QComboBox):
            if 0 <= editor.currentIndex() < len(editor.choices):
                model.setData(index, editor.choices[editor.currentIndex()][1], Qt.ItemDataRole.EditRole)
            return
        text = editor.text().strip()
        try:
            value = parse_cell(column.kind, text)
        except ValueError as exc:
            self.invalid.emit(str(exc))
            return
        model.setData(index, value, Qt.ItemDataRole.EditRole)

    def eventFilter(self, editor, event):
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if isinstance(editor, QComboBox) and editor.view().isVisible():
                return super().eventFilter(editor, event)
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.EditNextItem)
            return True
        return super().eventFilter(editor, event)


def parse_cell(kind: Kind, text: str):
    """What the clerk typed in a cell → the domain value; ValueError with a Chinese message."""
    if kind is Kind.MONEY:
        if not text:
            return None
        try:
            return parse_amount(text)
        except MoneyError as exc:
            raise ValueError(str(exc)) from None
    if kind is Kind.INT:
        if not text:
            return None
        normal = text.translate(str.maketrans("０１２３４５６７８９", "0123456789")).replace(",", "")
        if not normal.isdigit():
            raise ValueError(f"“{text}”不是整数，请只输入数字")
        return int(normal)
    if kind is Kind.DECIMAL:
        if not text:
            return None
        normal = text.translate(str.maketrans("０１２３４５６７８９．", "0123456789.")).rstrip("%％")
        try:
            value = Decimal(normal)
        except InvalidOperation:
            raise ValueError(f"“{text}”不是数字") from None
        if not value.is_finite():
            raise ValueError(f"“{text}”不是数字")
        return value
    return text
