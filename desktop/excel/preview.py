"""What an import would do, before it is done: problems located by sheet/row/column, and the refusal to apply."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from openpyxl.utils import get_column_letter

from ..errors import UserError
from .headers import HeaderMatch
from .parse import name_key, normalise_text  # noqa: F401  (name_key: re-exported for the importers)
from .workbook import SheetData


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the file: where (sheet, row, column), what is wrong, and what to do."""

    sheet: str
    row: Optional[int]
    column: Optional[str]  # "C 列（日期）"
    message: str
    hint: str

    def location(self) -> str:
        parts = [f"工作表“{self.sheet}”"] if self.sheet else []
        if self.row is not None:
            parts.append(f"第 {self.row} 行")
        if self.column:
            parts.append(self.column)
        return " ".join(parts)

    @property
    def unreadable(self) -> bool:
        """The file as a whole could not be read (no sheet, no row): not a problem in its data."""
        return not self.sheet and self.row is None and self.column is None

    def text(self) -> str:
        where = self.location()
        # Messages may end with their own full stop already: never print "。。".
        said = f"{self.message.rstrip('。')}。{self.hint}"
        return f"{where}：{said}" if where else said


def column_label(index: int, header: str = "") -> str:
    """"C 列（日期）" for a 0-based column index."""
    letter = get_column_letter(index + 1)
    return f"{letter} 列（{header}）" if header else f"{letter} 列"


class ImportRefused(UserError):
    """Applying a preview that has problems, or that was made for another report."""


def refuse_unless_applicable(preview, report) -> None:
    """A preview applies only when it found no problems and was made for this very report (unit and year)."""
    if preview.problems:
        raise ImportRefused(f"导入文件有 {len(preview.problems)} 处问题，未导入。请改正后重新导入。")
    if (preview.unit_name, preview.fiscal_year) != (report.unit.name, report.fiscal_year):
        raise ImportRefused(
            f"预览是为“{preview.unit_name}” {preview.fiscal_year} 年度生成的，不能用于“{report.unit.name}” "
            f"{report.fiscal_year} 年度。请重新预览。"
        )


def problem_lines(problems, limit: int = 200) -> list[str]:
    lines = [f"  {i}. {p.text()}" for i, p in enumerate(problems[:limit], start=1)]
    if len(problems) > limit:
        lines.append(f"  ……另有 {len(problems) - limit} 处问题未列出，请先改正以上问题后再试。")
    return lines


def merged_problems(sheet: SheetData, header: HeaderMatch) -> list[Problem]:
    """Merged cells below the header hide values in all but one cell: the clerk must unmerge and fill them."""
    problems = []
    for merged in sheet.merged:
        if merged.max_row <= header.row:
            continue  # a merged title above the header is fine
        first = f"{get_column_letter(merged.min_col)}{merged.min_row}"
        last = f"{get_column_letter(merged.max_col)}{merged.max_row}"
        problems.append(Problem(sheet.name, merged.min_row, f"{get_column_letter(merged.min_col)} 列",
                                f"单元格 {first}:{last} 是合并单元格",
                                "合并单元格只保留左上角的内容，会丢失数据。请选中后“取消合并”，并在每个单元格中填写内容"))
    return problems
