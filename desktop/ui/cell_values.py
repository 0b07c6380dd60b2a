"""Text in a grid cell ↔ the domain value: what a clerk types or pastes, and what Ctrl+C puts out.

Typing and pasting read a cell with the same tolerant parsers as the Excel import (desktop.excel.parse),
so "2024.3.8", "3月8日", "1.5万" and "１２３" mean the same everywhere. Blocks on the clipboard are
tab-separated lines, as Excel and WPS write and read them.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any

from ..domain.money import MoneyError, parse_amount
from ..excel.parse import CellError, name_key, normalise_text, parse_count, parse_date
from .table_model import Column, Kind, display_value


def parse_cell(kind: Kind, text: str, year: int | None = None):
    """What the clerk typed in a cell → the domain value; ValueError with a Chinese message.

    An empty cell is None (not entered). A date without a year ("3/8", "3月8日") takes `year`,
    the report's year.
    """
    if kind is Kind.TEXT:
        return text
    if not text:
        return None
    if kind is Kind.MONEY:
        try:
            return parse_amount(text)
        except MoneyError as exc:
            raise ValueError(str(exc)) from None
    try:
        if kind is Kind.INT:
            return parse_count(text)
        if kind is Kind.DATE:
            return parse_date(text, year)
    except CellError as exc:
        raise ValueError(f"{exc.message}。{exc.hint}") from None
    if kind is Kind.DECIMAL:
        normal = normalise_text(text).rstrip("%")
        try:
            value = Decimal(normal)
        except InvalidOperation:
            raise ValueError(f"“{text}”不是数字") from None
        if not value.is_finite():
            raise ValueError(f"“{text}”不是数字")
        return value
    return text


def parse_pasted(column: Column, text: str, year: int | None = None) -> Any:
    """A pasted cell for `column`: choices are matched by their label, 是/否 for a tick box."""
    text = text.strip()
    if column.kind is Kind.CHOICE:
        choices = column.choices() if column.choices else []
        if not text:
            for label, value in choices:
                if not label or label == "（无）":
                    return value
            raise ValueError("此栏不能为空")
        wanted = name_key(text)
        for label, value in choices:
            plain = value.value if isinstance(value, Enum) else value
            if wanted in (name_key(label), name_key(str(plain))):
                return value
        offered = "、".join(label for label, _v in choices if label and label != "（无）")
        raise ValueError(f"“{text}”不在可选项中" + (f"（可选：{offered}）" if offered else ""))
    if column.kind is Kind.BOOL:
        if normalise_text(text) in ("是", "√", "✓", "1", "TRUE", "true", "Y", "y"):
            return True
        if normalise_text(text) in ("", "否", "×", "0", "FALSE", "false", "N", "n"):
            return False
        raise ValueError(f"“{text}”请填“是”或“否”")
    return parse_cell(column.kind, text, year)


def cleared_value(column: Column) -> Any:
    """What Delete leaves in a cell: empty text, no number, no date, 否, the “（无）” choice."""
    if column.kind is Kind.TEXT:
        return ""
    if column.kind is Kind.BOOL:
        return False
    if column.kind is Kind.CHOICE:
        try:
            return parse_pasted(column, "")
        except ValueError:
            return None
    return None


def read_block(text: str) -> list[list[str]]:
    """Tab-separated lines (Excel's quoting of cells with line breaks understood) → rows of cells."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    if not text:
        return []
    rows = [list(row) for row in csv.reader(io.StringIO(text), delimiter="\t", quotechar='"')]
    return [row if row else [""] for row in rows]


def write_block(rows: list[list[str]]) -> str:
    """Rows of cell texts → what Excel/WPS paste: tabs between cells, CRLF after rows, quotes when needed."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", quotechar='"', lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerows(rows)
    return out.getvalue()


def copy_text(column: Column, value: Any) -> str:
    """A cell as it goes to the clipboard: money without thousands separators, so Excel reads a number."""
    if value is None:
        return ""
    if column.kind is Kind.MONEY:
        return f"{value:.2f}"
    if column.kind is Kind.BOOL:
        return "是" if value else "否"
    return display_value(column, value)
