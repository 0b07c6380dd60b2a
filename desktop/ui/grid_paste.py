"""Pasting a block from Excel/WPS into a grid: read every cell first, show what would arrive, apply as one step.

A plan is made before anything changes: each pasted cell parsed for its column (the Excel import's
parsers), the rows it overwrites and the rows it adds, and every cell that cannot be read, named by
row and column. Nothing is pasted while a cell is bad, so a half-pasted block never has to be found.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..excel.parse import normalise_text
from .cell_values import parse_pasted
from .dialog_parts import fit_to_content, preview_buttons
from .table_model import Column


@dataclass
class PastedCell:
    row: int  # the pasted block's row, from 0
    column: int  # the grid's column
    text: str
    value: Any = None
    problem: str = ""


@dataclass
class PastePlan:
    """`targets[i]` is the source row the block's row i overwrites, or None for a new row."""

    columns: list[Column]
    first_column: int
    targets: list[Optional[int]]
    cells: list[PastedCell] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    header_skipped: bool = False

    @property
    def problems(self) -> list[str]:
        return [
            f"第 {cell.row + 1} 行“{self.columns[cell.column].header}”：{cell.problem}"
            for cell in self.cells if cell.problem
        ]

    @property
    def ok(self) -> bool:
        return bool(self.cells) and not any(cell.problem for cell in self.cells)

    @property
    def new_rows(self) -> int:
        return sum(1 for target in self.targets if target is None)

    @property
    def rows(self) -> int:
        return len(self.targets)

    def summary(self) -> str:
        overwritten = self.rows - self.new_rows
        parts = []
        if self.new_rows:
            parts.append(f"新增 {self.new_rows} 行")
        if overwritten:
            parts.append(f"改写 {overwritten} 行")
        return "，".join(parts)


def is_header_row(row: list[str], columns: list[Column], first_column: int) -> bool:
    """The block starts with the grid's own column titles (copied with the table): they are not data."""
    headers = [normalise_text(c.header) for c in columns[first_column:]]
    cells = [normalise_text(text) for text in row if text.strip()]
    return bool(cells) and sum(1 for text in cells if text in headers) * 2 > len(cells)


def plan_paste(block: list[list[str]], columns: list[Column], first_column: int,
               view_rows: list[int], first_view_row: int, year: int | None) -> PastePlan:
    """Where each pasted cell goes and what it becomes.

    `view_rows` are the source rows in the order the clerk sees them; the block overwrites from
    `first_view_row` down and adds rows past the end.
    """
    plan = PastePlan(columns, first_column, [])
    if block and is_header_row(block[0], columns, first_column):
        block = block[1:]
        plan.header_skipped = True
    width = max((len(row) for row in block), default=0)
    if first_column + width > len(columns):
        plan.notes.append(f"粘贴内容有 {width} 列，从“{columns[first_column].header}”起只有 "
                          f"{len(columns) - first_column} 列：多出的列没有粘贴")
    read_only = [c.header for c in columns[first_column:first_column + width] if not c.editable or c.compute]
    if read_only:
        plan.notes.append("“" + "”“".join(read_only) + "”是计算或在别处填写的栏目，粘贴时跳过")
    for number, row in enumerate(block):
        position = first_view_row + number
        plan.targets.append(view_rows[position] if position < len(view_rows) else None)
        for offset, text in enumerate(row):
            column_number = first_column + offset
            if column_number >= len(columns):
                break
            column = columns[column_number]
            if not column.editable or column.compute is not None:
                continue
            cell = PastedCell(number, column_number, text)
            try:
                cell.value = parse_pasted(column, text, year)
            except ValueError as exc:
                cell.problem = str(exc)
            plan.cells.append(cell)
    return plan


class PastePreviewDialog(QDialog):
    """The block as it would arrive, cell by cell; bad cells coloured and listed; 粘贴 only when all read."""

    def __init__(self, plan: PastePlan, parent=None):
        super().__init__(parent)
        self.setWindowTitle("粘贴预览")
        layout = QVBoxLayout(self)
        if plan.ok:
            text = f"将粘贴 {plan.rows} 行（{plan.summary()}）。粘贴后可用“撤销”（Ctrl+Z）一步还原。"
        else:
            text = "有单元格无法识别，没有粘贴任何内容。请在 Excel 中改正下列单元格后重新复制、粘贴："
        self.message = QLabel(text)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        shown = sorted({cell.column for cell in plan.cells})
        self.table = QTableWidget(plan.rows, len(shown))
        self.table.setHorizontalHeaderLabels([plan.columns[c].header for c in shown])
        self.table.setVerticalHeaderLabels(
            [("新增" if target is None else f"第 {target + 1} 行") for target in plan.targets])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for cell in plan.cells:
            item = QTableWidgetItem(cell.text)
            if cell.problem:
                item.setBackground(QBrush(QColor("#fbe3e1")))
                item.setToolTip(cell.problem)
            self.table.setItem(cell.row, shown.index(cell.column), item)
        layout.addWidget(self.table, 1)
        lines = plan.problems + plan.notes
        self.details = QPlainTextEdit("\n".join(lines))
        self.details.setReadOnly(True)
        self.details.setVisible(bool(lines))
        self.details.setMaximumHeight(self.fontMetrics().height() * 7)
        layout.addWidget(self.details)
        buttons, self.paste_button = preview_buttons(self, plan.ok, "粘贴(&P)")
        layout.addWidget(buttons)
        # Sized to what it shows, within the screen.
        self.table.resizeColumnsToContents()
        width = self.table.verticalHeader().width() + self.table.horizontalHeader().length() + 40
        height = self.table.horizontalHeader().height() + self.table.verticalHeader().length() + 40
        screen = self.screen().availableGeometry() if self.screen() else None
        max_w, max_h = (screen.width() * 9 // 10, screen.height() * 6 // 10) if screen else (1200, 600)
        self.table.setMinimumSize(min(max(width, 420), max_w), min(max(height, 120), max_h))
        fit_to_content(self)
