"""Export service: a report → Word and/or PDF files in a folder, each written whole or not at all."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Optional

from ..domain.model import Report
from ..errors import UserError
from ..fileio import FileWriteError, atomic_write
from .build import build_document
from .document import Document
from .outline import OutlineError, load_outline

FORMATS = ("docx", "pdf", "xlsx")
DEFAULT_FORMATS = ("docx", "pdf")  # the report itself; the 自评表 workbook is asked for explicitly


class ExportError(UserError):
    """An export request that cannot be carried out; `message` tells the clerk what to do."""


def count_errors(report: Report) -> int:
    """Validation errors of the report (a report with errors exports only as a draft)."""
    from ..validation import summarize, validate

    return summarize(validate(report)).errors


def _writer(fmt: str) -> Callable[[Document, Path], None]:
    # Imported on demand: a Word-only export does not pay for loading reportlab and the fonts.
    if fmt == "docx":
        from .docx_writer import write_docx

        return write_docx
    if fmt == "xlsx":
        from .xlsx_writer import write_xlsx

        return write_xlsx
    from .pdf_writer import write_pdf

    return write_pdf


_UNSAFE = re.compile(r'[\\/:*?"<>|\r\n\t]+')


def file_stem(report: Report, draft: bool) -> str:
    """金口河区妇联2024年度部门整体支出绩效自评报告（草稿）— safe on Windows."""
    name = report.profile.short_name or report.profile.full_name or report.unit.name
    stem = f"{name}{report.fiscal_year}年度部门整体支出绩效自评报告"
    if draft:
        stem += "（草稿）"
    return _UNSAFE.sub("_", stem).strip(" .") or "自评报告"


def parse_formats(text: str | Iterable[str]) -> list[str]:
    items = text.split(",") if isinstance(text, str) else list(text)
    formats = [f.strip().lower().lstrip(".") for f in items if f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise ExportError(f"不支持的导出格式：{'、'.join(unknown) or '（未指定）'}。可选：{'、'.join(FORMATS)}")
    return list(dict.fromkeys(formats))


@dataclass(frozen=True)
class ExportResult:
    paths: list[Path]
    draft: bool
    outline: str


def export_report(
    report: Report,
    out_dir: Path,
    formats: Iterable[str] = DEFAULT_FORMATS,
    outline_id: Optional[str] = None,
    draft: bool = False,
) -> ExportResult:
    """Write the report in each format to out_dir; `draft` puts 草稿 on every page.

    Each file goes to a temporary name beside its target and is moved into place when complete, so a
    crash or a target held open by Word leaves the old file as it was (FileWriteError says why).
    """
    formats = parse_formats(formats)
    try:
        outline = load_outline(outline_id or report.outline.value)
    except OutlineError as exc:
        raise ExportError(exc.message) from None
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError:
            raise ExportError(f"无法创建导出文件夹“{out_dir}”。请选择一个已有的文件夹。") from None
    document = build_document(report, outline, draft=draft)
    stem = file_stem(report, draft)
    paths = []
    for fmt in formats:
        writer = _writer(fmt)
        path = out_dir / f"{stem}.{fmt}"
        atomic_write(path, lambda tmp, w=writer: w(document, tmp))
        paths.append(path)
    return ExportResult(paths, draft, outline.id)


__all__ = ["export_report", "count_errors", "ExportError", "ExportResult", "FileWriteError", "FORMATS",
           "parse_formats", "file_stem"]
