"""Opening a clerk's .xlsx for import: safety checks first, then every sheet's values in memory."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter, range_boundaries

from ..domain.text import describe_bad_character
from .safety import MAX_COLUMNS, UnsafeFileError, check_file


@dataclass(frozen=True)
class Merged:
    """A merged range, 1-based and inclusive."""

    min_row: int
    min_col: int
    max_row: int
    max_col: int


@dataclass
class SheetData:
    name: str
    visible: bool
    rows: list[tuple[int, tuple]] = field(default_factory=list)  # (sheet row number, cell values)
    merged: list[Merged] = field(default_factory=list)


def read_workbook(path: Path) -> list[SheetData]:
    """All worksheets of an untrusted .xlsx; raises UnsafeFileError with the clerk's message."""
    path = Path(path)
    scan = check_file(path)
    try:
        # Read-only mode streams through defusedxml and is the fastest reader; merged ranges, which it
        # does not report, come from the raw scan.
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except UnsafeFileError:
        raise
    except Exception:  # noqa: BLE001 - any failure to parse an outside file is the file's fault
        raise _damaged(path) from None
    try:
        sheets = []
        for worksheet in workbook.worksheets:
            # A wrong <dimension> would make read-only mode stop early and drop rows silently.
            worksheet.reset_dimensions()
            data = SheetData(worksheet.title, worksheet.sheet_state == "visible")
            for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
                if len(values) > MAX_COLUMNS:
                    raise UnsafeFileError(
                        f"“{path.name}”的工作表“{worksheet.title}”超过 {MAX_COLUMNS} 列。请删除多余的列后重新保存再导入。"
                    )
                _check_characters(path, worksheet.title, number, values)
                data.rows.append((number, values))
            facts = scan.sheets.get(getattr(worksheet, "_worksheet_path", ""))
            if facts is not None and facts.uncalculated:
                raise uncalculated_formulas(path, worksheet.title, facts.uncalculated)
            if facts is not None:
                for ref in facts.merged:
                    min_col, min_row, max_col, max_row = range_boundaries(ref)
                    data.merged.append(Merged(min_row, min_col, max_row, max_col))
            sheets.append(data)
    except UnsafeFileError:
        raise
    except Exception:  # noqa: BLE001
        raise _damaged(path) from None
    finally:
        workbook.close()
    if not sheets:
        raise UnsafeFileError(f"“{path.name}”中没有工作表。请选择含有台账或预算表格的 .xlsx 文件。")
    return sheets


def uncalculated_formulas(path: Path, sheet: str, cells: list[str]) -> UnsafeFileError:
    shown = "、".join(cells[:8]) + (f" 等 {len(cells)} 个单元格" if len(cells) > 8 else "")
    return UnsafeFileError(
        f"“{path.name}”的工作表“{sheet}”中有公式还没有计算出结果（{shown}），直接导入会把这些格当成空白。"
        "请用 Excel/WPS 打开并保存一次后再导入。"
    )


def _check_characters(path: Path, sheet: str, number: int, values: tuple) -> None:
    """Text with characters that cannot be stored (control characters, broken surrogates) is refused by cell."""
    for index, value in enumerate(values):
        if isinstance(value, str):
            bad = describe_bad_character(value)
            if bad is not None:
                raise UnsafeFileError(
                    f"“{path.name}”的工作表“{sheet}”中 {get_column_letter(index + 1)}{number} 格含有不能保存的字符"
                    f"（{bad}，通常来自从网页或其他程序复制的文字）。请在 Excel/WPS 中删除该字符后保存，再导入。"
                )


def _damaged(path: Path) -> UnsafeFileError:
    return UnsafeFileError(
        f"“{path.name}”已损坏或内容不符合 Excel 格式，无法读取。请在 Excel 或 WPS 中打开它并另存为新的 .xlsx 文件后再导入。"
    )
