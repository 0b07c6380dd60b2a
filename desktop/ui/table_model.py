"""Table models over lists of domain objects (income lines, ledger, projects, indicators …).

A model reads the report's list in place and writes every edit through the Editor, so edits are
undoable and saved by the session's policy. Columns are data: which attribute, how it is shown and
edited, and whether the clerk may change it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any, Callable, Optional

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ..domain.money import format_wan, plain_number
from ..domain import fieldpath
from .editor import Editor

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # a plain value the proxy can sort by
ISSUE_COLOURS = {"error": QColor("#fbe3e1"), "warning": QColor("#fff4d6"), "info": QColor("#e6f0fb")}


class Kind(str, Enum):
    TEXT = "text"
    INT = "int"
    MONEY = "money"  # Decimal 元
    DECIMAL = "decimal"
    DATE = "date"
    CHOICE = "choice"
    BOOL = "bool"


@dataclass
class Column:
    """One column: `attr` of each row object (None: the row is the value itself, e.g. a list of str)."""

    attr: Optional[str]
    header: str
    kind: Kind = Kind.TEXT
    editable: bool = True
    # For CHOICE: a function giving [(label, value), …] for the current report.
    choices: Optional[Callable[[], list[tuple[str, Any]]]] = None
    # A read-only column computed from the row (through the services), e.g. a score.
    compute: Optional[Callable[[Any], str]] = None
    tip: str = ""
    width: int = 0  # in characters, 0: let the view decide
    # Writes an edited value itself, given (row, value), when one cell's edit must change more than the
    # cell (renaming a kind renames it on the activities too); None: the cell's field is set.
    write: Optional[Callable[[int, Any], None]] = None
    # For a column the clerk cannot type in: where its value is entered instead (said when she tries).
    entered_in: str = ""
    # For CHOICE: adds a value the list lacks (a pasted new activity kind) to the list, inside the paste's
    # undo step; None: such a value is refused.
    add_choice: Optional[Callable[[str], None]] = None
    # A budget amount (MONEY): a figure under 1,000 元 was likely meant in 万元, and a fix is offered.
    budget: bool = False

    @property
    def read_only_reason(self) -> str:
        if self.entered_in:
            return self.entered_in
        if self.compute is not None:
            return f"“{self.header}”是计算得出的，不能直接填写"
        return f"“{self.header}”不能在此修改"


def display_value(column: Column, value: Any) -> str:
    if value is None:
        return ""
    if column.kind is Kind.MONEY:
        return f"{value:,.2f}"
    if column.kind is Kind.DECIMAL:
        return plain_number(value)
    if column.kind is Kind.DATE:
        return value.isoformat()
    if column.kind is Kind.CHOICE and column.choices is not None:
        for label, choice in column.choices():
            if choice == value:
                return label
        return str(value.value if isinstance(value, Enum) else value)
    if isinstance(value, Enum):
        return str(value.value)
    return str(value)


def sort_value(column: Column, value: Any) -> Any:
    """A value QSortFilterProxyModel compares correctly (money only ordered, never summed, as float)."""
    if column.kind in (Kind.MONEY, Kind.DECIMAL, Kind.INT):
        return float(value) if value is not None else float("-inf")
    if column.kind is Kind.DATE:
        return value.isoformat() if value is not None else ""
    return display_value(column, value)


class ObjectTableModel(QAbstractTableModel):
    """Rows are the items of the list at `list_path` in the open report."""

    def __init__(self, editor: Editor, list_path: str, columns: list[Column], parent=None):
        super().__init__(parent)
        self.editor = editor
        self.list_path = list_path
        self.columns = columns
        self._issues: dict[tuple[int, int], tuple[str, str]] = {}
        self._row_issues: dict[int, tuple[str, str]] = {}
        self._rows: list = []
        self._reload()
        editor.report_loaded.connect(self.reload)
        editor.changed.connect(self._field_changed)
        editor.list_about_to_change.connect(self._list_about_to_change)
        editor.list_changed.connect(self._list_changed)

    # -------------------------------------------------------------- the list

    def _reload(self) -> None:
        rows = None
        if self.editor.report is not None:
            if self.list_path:  # a detail table shows nothing until its item is chosen
                fieldpath.check_names_a_field(self.list_path)  # a misspelt list is a bug, not an empty table
            try:
                rows = fieldpath.get(self.editor.report, self.list_path)
            except fieldpath.FieldPathError:
                rows = None
        self._rows = rows if rows is not None else []

    def reload(self) -> None:
        self.beginResetModel()
        self._reload()
        self._issues.clear()
        self._row_issues.clear()
        self.endResetModel()

    def set_list_path(self, list_path: str) -> None:
        """Show another list (e.g. the indicators of another project)."""
        self.list_path = list_path
        self.reload()

    def item(self, row: int) -> Any:
        return self._rows[row]

    def path_of(self, row: int, column: int | None = None) -> str:
        path = fieldpath.child(self.list_path, row)
        if column is not None and self.columns[column].attr:
            path = fieldpath.child(path, self.columns[column].attr)
        return path

    def locate(self, path: str, exact: bool = False) -> tuple[int, int] | None:
        """(row, column) of a field path inside this table, or None. A field no column shows (a project's
        analysis, shown beside the table) is placed in the row's first column, unless `exact`."""
        found = fieldpath.split_list_item(path, self.list_path)
        if found is None or found[0] >= len(self._rows):
            return None
        row, rest = found
        steps = fieldpath.parse(fieldpath.ROOT + rest)
        attr = steps[0] if steps and isinstance(steps[0], str) else None
        for number, column in enumerate(self.columns):
            if column.attr is not None and column.attr == attr:
                return row, number
        if exact and (attr is not None or self.columns[0].attr is not None):
            return None
        return row, 0

    # -------------------------------------------------------------- Qt's model interface

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].header
            if role == Qt.ItemDataRole.ToolTipRole:
                column = self.columns[section]
                if column.compute is not None or not column.editable:
                    return "；".join(t for t in (column.tip, column.read_only_reason) if t)
                return column.tip or None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def _value(self, row: int, column: Column) -> Any:
        item = self._rows[row]
        return item if column.attr is None else getattr(item, column.attr)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(self.columns):
            return None
        column = self.columns[index.column()]
        row = index.row()
        if column.compute is not None:
            if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
                return column.compute(self._rows[row])
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor("#555555"))
            if role == Qt.ItemDataRole.ToolTipRole and not self._issues.get((row, index.column())):
                return column.read_only_reason
            return self._issue_data(row, index.column(), role)
        value = self._value(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            if column.kind is Kind.BOOL:
                return None
            return display_value(column, value)
        if role == Qt.ItemDataRole.EditRole:
            return None if column.kind is Kind.BOOL else _to_variant(value)
        if role == Qt.ItemDataRole.CheckStateRole and column.kind is Kind.BOOL:
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == SORT_ROLE:
            return sort_value(column, value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in (Kind.MONEY, Kind.DECIMAL, Kind.INT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column.kind is Kind.MONEY and value is not None:
            issue = self._issues.get((row, index.column()))
            return issue[1] if issue else format_wan(value)
        return self._issue_data(row, index.column(), role)

    def _issue_data(self, row: int, col: int, role):
        issue = self._issues.get((row, col)) or self._row_issues.get(row)
        if issue is None:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(ISSUE_COLOURS.get(issue[0], ISSUE_COLOURS["error"]))
        if role == Qt.ItemDataRole.ToolTipRole:
            return issue[1]
        return None

    def flags(self, index: QModelIndex):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = self.columns[index.column()]
        if column.editable and column.compute is None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable if column.kind is Kind.BOOL else Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: QModelIndex, value: Any, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not (self.flags(index) & (Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable)):
            return False
        column = self.columns[index.column()]
        if column.kind is Kind.BOOL:
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        if column.kind is Kind.TEXT and value is None:
            value = ""
        if column.write is not None:
            column.write(index.row(), value)
            return True
        self.editor.set(self.path_of(index.row(), index.column()), value, merge=False)
        return True

    # -------------------------------------------------------------- rows

    def insert_item(self, row: int, item: Any) -> None:
        self.editor.insert(self.list_path, row, item)

    def remove_item(self, row: int) -> None:
        self.editor.remove(self.list_path, row)

    # -------------------------------------------------------------- following the editor

    def _field_changed(self, path: str) -> None:
        found = fieldpath.split_list_item(path, self.list_path)
        if found is not None and found[0] < len(self._rows):
            row = found[0]
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        elif fieldpath.is_within(self.list_path, path) or fieldpath.is_within(path, self.list_path):
            self.reload()

    def _list_about_to_change(self, list_path: str, row: int, delta: int) -> None:
        if list_path != self.list_path:
            return
        if delta > 0:
            self.beginInsertRows(QModelIndex(), row, row)
        else:
            self.beginRemoveRows(QModelIndex(), row, row)

    def _list_changed(self, list_path: str, row: int, delta: int) -> None:
        if list_path == self.list_path:
            # Issues are keyed by row; they are refreshed by the next validation run.
            self._issues.clear()
            self._row_issues.clear()
            if delta > 0:
                self.endInsertRows()
            else:
                self.endRemoveRows()
        elif fieldpath.is_within(self.list_path, list_path + "[0]") or self.list_path.startswith(list_path + "["):
            # A containing list changed (a project removed): our rows may belong to another object now.
            self.reload()

    # -------------------------------------------------------------- validation marks

    def set_issues(self, issues: list[tuple[str, str, str]]) -> None:
        """(field path, severity value, message) of issues; those inside this table are marked."""
        self._issues.clear()
        self._row_issues.clear()
        for path, severity, message in issues:
            found = self.locate(path)
            if found is None:
                continue
            row, col = found
            rest = fieldpath.split_list_item(path, self.list_path)[1]
            target = self._issues if rest else self._row_issues
            key = (row, col) if rest else row
            if key in target:
                old = target[key]
                target[key] = (old[0], old[1] + "\n" + message)
            else:
                target[key] = (severity, message)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.columns) - 1))


def _to_variant(value: Any) -> Any:
    """Values Qt can carry: Decimal and date pass as Python objects; enums as themselves."""
    return value
