"""Pasting a block from Excel/WPS into a grid: read every cell first, show what would arrive, apply as one step.

A plan is made before anything changes: each pasted cell parsed for its column (the Excel import's
parsers), the rows it overwrites and the rows it adds, and every cell that cannot be read, named by
row and column. Nothing is pasted while a cell is bad, so a half-pasted block never has to be found.

A block copied with its header row (as Excel/WPS users copy a table) is matched to the grid's columns
by those headers — in any order, with the Excel import's header variants, and 万元 in a header read as
万元; a block without one goes column by column from the current cell.
"""

from __future__ import annotations

import difflib
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

from ..domain.money import WAN
from ..excel.headers import LEDGER_COLUMNS, PROJECT_COLUMNS, THREE_PUBLIC_COLUMNS, BUDGET_ITEM_COLUMNS, header_key, split_unit
from ..excel.parse import name_key
from .cell_values import parse_pasted
from .dialog_parts import fit_to_content, preview_buttons
from .table_model import Column, Kind


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
    header_skipped: bool = False  # the block's first row was its header: columns matched by it
    # Values a choice column does not offer yet, added to its list with the paste (new activity kinds).
    new_choices: dict[int, list[str]] = field(default_factory=dict)

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


# The Excel import's header variants of a grid column's field (“活动日期”, “场次(期)”, “预算” …): one home.
_SHEET_COLUMNS = (*LEDGER_COLUMNS, *PROJECT_COLUMNS, *THREE_PUBLIC_COLUMNS, *BUDGET_ITEM_COLUMNS)
# A pasted choice this close to an offered one (宣讲会 → 宣讲) is taken as that choice, and said so.
CLOSE_ENOUGH = 0.6


def column_names(column: Column) -> set[str]:
    names = {header_key(split_unit(column.header)[0])}
    if column.attr:
        for sheet_column in _SHEET_COLUMNS:
            if sheet_column.field == column.attr:
                names |= {header_key(name) for name in sheet_column.names()}
    return names


def header_mapping(row: list[str], columns: list[Column]) -> Optional[list[tuple[Optional[int], Optional[str]]]]:
    """For a header row: each pasted column's grid column (None: not in this grid) and the unit its header
    names (万元/元/None). None when the row is data, not headers (most of its cells name no column)."""
    names = [column_names(c) for c in columns]
    mapping: list[tuple[Optional[int], Optional[str]]] = []
    matched = 0
    for text in row:
        key, unit = split_unit(text) if text.strip() else ("", None)
        found = next((number for number, known in enumerate(names)
                      if key and (key in known or header_key(text) in known)), None)
        if found is not None and any(found == taken for taken, _u in mapping):
            found = None  # the same column twice: the first one counts
        matched += found is not None
        mapping.append((found, unit))
    filled = sum(1 for text in row if text.strip())
    return mapping if filled and matched * 2 > filled else None


def closest_choice(text: str, choices: list[tuple[str, Any]]) -> Optional[tuple[str, Any]]:
    """The offered choice a pasted text most likely means (宣讲会 → 宣讲), if one is close enough."""
    wanted = name_key(text)
    best, best_ratio = None, 0.0
    for label, value in choices:
        key = name_key(label)
        if not key:
            continue
        ratio = 1.0 if (key in wanted or wanted in key) else difflib.SequenceMatcher(None, wanted, key).ratio()
        if ratio > best_ratio:
            best, best_ratio = (label, value), ratio
    return best if best_ratio >= CLOSE_ENOUGH else None


def plan_paste(block: list[list[str]], columns: list[Column], first_column: int,
               view_rows: list[int], first_view_row: int, year: int | None) -> PastePlan:
    """Where each pasted cell goes and what it becomes.

    `view_rows` are the source rows in the order the clerk sees them; the block overwrites from
    `first_view_row` down and adds rows past the end.
    """
    plan = PastePlan(columns, first_column, [])
    mapping = header_mapping(block[0], columns) if block else None
    if mapping is not None:
        header_row, block = block[0], block[1:]
        plan.header_skipped = True
        skipped = [text.strip() for text, (number, _u) in zip(header_row, mapping) if number is None and text.strip()]
        if skipped:
            plan.notes.append("“" + "”“".join(skipped) + "”不是这张表的栏目，这些列没有粘贴")
    width = max((len(row) for row in block), default=0)
    if mapping is None:
        mapping = [(first_column + offset if first_column + offset < len(columns) else None, None)
                   for offset in range(width)]
        if first_column + width > len(columns):
            plan.notes.append(f"粘贴内容有 {width} 列，从“{columns[first_column].header}”起只有 "
                              f"{len(columns) - first_column} 列：多出的列没有粘贴")
    else:
        plan.first_column = min((number for number, _u in mapping if number is not None), default=0)
    read_only = [columns[n].header for n, _u in mapping if n is not None and (not columns[n].editable or columns[n].compute)]
    if read_only:
        plan.notes.append("“" + "”“".join(read_only) + "”是计算或在别处填写的栏目，粘贴时跳过")
    added: dict[int, dict[str, str]] = {}
    for number, row in enumerate(block):
        position = first_view_row + number
        plan.targets.append(view_rows[position] if position < len(view_rows) else None)
        for offset, text in enumerate(row):
            if offset >= len(mapping) or mapping[offset][0] is None:
                continue
            column_number, unit = mapping[offset]
            column = columns[column_number]
            if not column.editable or column.compute is not None:
                continue
            cell = PastedCell(number, column_number, text)
            try:
                cell.value = parse_pasted(column, text, year)
                if unit == "万元" and column.kind is Kind.MONEY and cell.value is not None:
                    cell.value = cell.value * WAN  # the header says 万元: stored in 元
            except ValueError as exc:
                if column.kind is Kind.CHOICE and text.strip():
                    _unknown_choice(plan, cell, column, added.setdefault(column_number, {}))
                else:
                    cell.problem = str(exc)
            plan.cells.append(cell)
    return plan


def _unknown_choice(plan: PastePlan, cell: PastedCell, column: Column, added: dict[str, str]) -> None:
    """A choice the list does not offer: the closest offered one, else a new choice where the column
    takes new ones (an activity kind), else refused — and in each case the clerk is told which."""
    text = cell.text.strip()
    choices = [(label, value) for label, value in (column.choices() if column.choices else []) if label]
    where = f"第 {cell.row + 1} 行“{column.header}”"
    close = closest_choice(text, choices)
    if close is not None:
        cell.value = close[1]
        plan.notes.append(f"{where}：没有“{text}”这一项，按最接近的“{close[0]}”粘贴（不对时可在表中改选）")
        return
    if column.add_choice is not None:
        key = name_key(text)
        if key not in added:
            added[key] = text
            plan.new_choices.setdefault(cell.column, []).append(text)
            plan.notes.append(f"{where}：“{text}”原来不在可选项中，已作为新的一项加入（可在“管理活动类型”中改名或合并）")
        cell.value = added[key]
        return
    offered = "、".join(label for label, _v in choices if label != "（无）")
    cell.problem = f"“{text}”不在可选项中" + (f"（可选：{offered}）" if offered else "")


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
