"""Export service: a report → Word, PDF and Excel files in a folder, the set written whole or not at all."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Optional

from ..domain.model import Report
from ..errors import UserError
from ..fileio import FileWriteError, explain_os_error, fsync_folder, stage_beside
from .build import build_document
from .document import Document
from .outline import OutlineError, load_outline

FORMATS = ("docx", "pdf", "xlsx")
# Read once at import (still single-threaded): a finished document gets the usual mode, not mkstemp's 0600.
_UMASK = os.umask(0)
os.umask(_UMASK)
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


FORMAT_NAMES = {"docx": "Word 文档", "pdf": "PDF 文件", "xlsx": "Excel 自评表"}


def find_project(report: Report, name: str) -> int:
    """The index of the project called `name` (blanks ignored); ExportError names the choices."""
    wanted = "".join(name.split())
    for index, project in enumerate(report.projects):
        if "".join(project.name.split()) == wanted:
            return index
    names = "、".join(p.name for p in report.projects) or "（无）"
    raise ExportError(f"本报告没有名为“{name}”的项目。现有项目：{names}。请检查项目名称。")


def count_project_errors(report: Report, index: int) -> int:
    """Validation errors within one project (its form is exported alone, so only its own faults count)."""
    from ..validation import validate
    from ..validation.issue import Severity

    prefix = f"report.projects[{index}]"
    return sum(1 for issue in validate(report) if issue.severity is Severity.ERROR
               and (issue.field == prefix or issue.field.startswith(prefix + ".")))


def project_file_stem(report: Report, index: int, draft: bool) -> str:
    name = report.profile.short_name or report.profile.full_name or report.unit.name
    stem = f"{name}{report.fiscal_year}年度项目支出绩效自评表（{report.projects[index].name.strip()}）"
    if draft:
        stem += "（草稿）"
    return _UNSAFE.sub("_", stem).strip(" .") or "项目支出绩效自评表"


def export_project_form(
    report: Report,
    out_dir: Path,
    project_name: str,
    formats: Iterable[str] = DEFAULT_FORMATS,
    draft: bool = False,
    on_format: Optional[Callable[[str], None]] = None,
) -> ExportResult:
    """One project's 项目支出绩效自评表 alone, in each format, written whole or not at all."""
    from .build import build_project_form
    from ..domain.attachments import project_form_filled

    formats = parse_formats(formats)
    index = find_project(report, project_name)
    project = report.projects[index]
    if not project_form_filled(project):
        raise ExportError(f"项目“{project.name}”的自评表还没有绩效指标，无法导出。请先在“项目”页填写该项目的绩效指标。")
    document = build_project_form(report, index, draft=draft)
    paths = _write_set(document, _output_dir(out_dir), project_file_stem(report, index, draft), formats, on_format)
    return ExportResult(paths, draft, "project_form")


def _output_dir(out_dir: Path) -> Path:
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError:
            raise ExportError(f"无法创建导出文件夹“{out_dir}”。请选择一个已有的文件夹。") from None
    return out_dir


def _write_set(document: Document, out_dir: Path, stem: str, formats: list[str],
               on_format: Optional[Callable[[str], None]]) -> list[Path]:
    staged: list[tuple[Path, Path]] = []
    try:
        for fmt in formats:
            if on_format:
                on_format(fmt)
            path = out_dir / f"{stem}.{fmt}"
            tmp = _stage(path)
            staged.append((tmp, path))
            _write_one(fmt, document, tmp, path)
        _commit(staged)
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
    return [path for _, path in staged]


def export_report(
    report: Report,
    out_dir: Path,
    formats: Iterable[str] = DEFAULT_FORMATS,
    outline_id: Optional[str] = None,
    draft: bool = False,
    on_format: Optional[Callable[[str], None]] = None,
) -> ExportResult:
    """Write the report in each format to out_dir; `draft` puts 草稿 on every page.

    The set is written whole or not at all: every file is first written to a temporary name beside
    its target, and only when all of them are complete are they moved into place together. A writer
    that fails, a full disk or a target held open by Word leaves every old file as it was and no new
    one (ExportError / FileWriteError say why). `on_format(fmt)` is called before each format.
    """
    formats = parse_formats(formats)
    try:
        outline = load_outline(outline_id or report.outline.value)
    except OutlineError as exc:
        raise ExportError(exc.message) from None
    out_dir = _output_dir(out_dir)
    document = build_document(report, outline, draft=draft)
    paths = _write_set(document, out_dir, file_stem(report, draft), formats, on_format)
    return ExportResult(paths, draft, outline.id)


def _stage(path: Path) -> Path:
    return stage_beside(path)


def _write_one(fmt: str, document: Document, tmp: Path, path: Path) -> None:
    try:
        _writer(fmt)(document, tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
    except UserError:
        raise
    except OSError as exc:
        raise FileWriteError(explain_os_error(exc, path), path) from exc
    except Exception as exc:
        # A fault of the program, not of the clerk's data: say which file failed and that nothing was
        # written, with the technical reason for whoever supports the program.
        raise ExportError(
            f"生成{FORMAT_NAMES[fmt]}时出错，本次没有导出任何文件，原有文件未改动。"
            f"请把这条说明发给技术支持（{type(exc).__name__}: {exc}）。"
        ) from exc


def _commit(staged: list[tuple[Path, Path]]) -> None:
    """Move every staged file into place; when one cannot be, put every old file back."""
    backups: list[tuple[Path, Path]] = []
    placed: list[Path] = []
    target = staged[0][1] if staged else Path(".")
    try:
        for tmp, target in staged:
            try:
                mode = target.stat().st_mode & 0o777
            except FileNotFoundError:
                mode = 0o666 & ~_UMASK
            os.chmod(tmp, mode)
            if target.is_dir():
                raise IsADirectoryError(21, "Is a directory", str(target))
            if target.exists():
                # Moving the old file aside first also finds a file held open by Word before any
                # new file has replaced its partner.
                backup = target.with_name(f".{target.name}.{os.getpid()}.old")
                os.replace(target, backup)
                backups.append((backup, target))
        for tmp, target in staged:
            os.replace(tmp, target)
            placed.append(target)
    except OSError as exc:
        for path in placed:
            path.unlink(missing_ok=True)
        for backup, original in backups:
            os.replace(backup, original)
        raise FileWriteError(explain_os_error(exc, target), target) from exc
    fsync_folder(target.parent)  # the renames themselves survive a power cut
    for backup, _ in backups:
        backup.unlink(missing_ok=True)


__all__ = ["export_report", "export_project_form", "find_project", "count_project_errors", "count_errors", "ExportError", "ExportResult", "FileWriteError", "FORMATS",
           "parse_formats", "file_stem"]
