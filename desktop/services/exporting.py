"""Export of the report as Word and PDF, as the interface uses it (desktop.reports does the work).

Formats are written one after another so that the clerk sees progress, and moved into place together
(all or none); a preview is the same PDF written to a temporary folder.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional

from ..domain.model import Report
from .jobs import Progress

if TYPE_CHECKING:
    from .workspace import Workspace

FORMAT_NAMES = {"docx": "Word 文档（.docx）", "pdf": "PDF 文件（.pdf）", "xlsx": "Excel 表格（.xlsx）"}


def formats() -> tuple[str, ...]:
    """The formats the installed report writers offer ("docx", "pdf", and "xlsx" with Excel)."""
    from ..reports.export import FORMATS

    return tuple(FORMATS)


def chosen_formats(asked) -> list[str]:
    """The formats asked for ("docx,pdf" or a list); a wrong one is an ExportError saying which exist."""
    from ..reports.export import parse_formats

    return parse_formats(asked)


@dataclass(frozen=True)
class OutlineChoice:
    id: str
    name: str


def outlines() -> list[OutlineChoice]:
    from ..reports.outline import OutlineError, available_outlines, load_outline

    choices = []
    for outline_id in available_outlines():
        try:
            choices.append(OutlineChoice(outline_id, load_outline(outline_id).name))
        except OutlineError:
            continue  # a broken outline file is not offered; `fulian export` names the fault
    return choices


@dataclass(frozen=True)
class ExportOutcome:
    paths: list[Path]
    draft: bool
    errors: int  # validation errors that made it a draft


def as_printed(workspace: Workspace, report: Report) -> Report:
    """The report with what the database adds when it is printed: a district's 〔全区汇总〕 fields take
    its townships' collected figures, and last year's totals come from the year before when not entered.
    The stored report is not changed."""
    from .district_fields import resolve_district_fields
    from .last_year import with_last_year

    return with_last_year(workspace, resolve_district_fields(workspace, report))


def export(
    report: Report,
    folder: Path,
    formats: Iterable[str],
    outline_id: Optional[str] = None,
    final: bool = True,
    progress: Optional[Progress] = None,
    force_final: bool = False,
    workspace: Optional[Workspace] = None,
) -> ExportOutcome:
    """Write each format to the folder. A report with validation errors is exported as a draft, unless
    the clerk insists on a final document (`force_final`, the command line's --force-final). With the
    workspace the report is in, what the database adds is printed too (see `as_printed`)."""
    from ..reports.export import count_errors, export_report, parse_formats

    if workspace is not None:
        report = as_printed(workspace, report)
    progress = progress or Progress()
    formats = parse_formats(list(formats))
    total = len(formats) + 1
    progress.step(0, total, "正在校验报告…")
    errors = count_errors(report)
    draft = not final or (errors > 0 and not force_final)
    steps = iter(range(1, total))

    def on_format(fmt: str) -> None:
        progress.step(next(steps), total, f"正在生成{FORMAT_NAMES.get(fmt, fmt)}…")

    # One call for the whole set: a failure of any format leaves none of them written.
    result = export_report(report, folder, formats, outline_id, draft=draft, on_format=on_format)
    progress.step(total, total, "完成")
    return ExportOutcome(result.paths, draft, errors)


def export_project(
    report: Report,
    folder: Path,
    project_name: str,
    formats: Iterable[str] = ("docx", "pdf", "xlsx"),
    final: bool = True,
    progress: Optional[Progress] = None,
    force_final: bool = False,
) -> ExportOutcome:
    """One project's 项目支出绩效自评表 alone; only that project's validation errors make it a draft."""
    from ..reports.export import count_project_errors, export_project_form, find_project, parse_formats

    progress = progress or Progress()
    formats = parse_formats(list(formats))
    total = len(formats) + 1
    progress.step(0, total, "正在校验该项目…")
    errors = count_project_errors(report, find_project(report, project_name))
    draft = not final or (errors > 0 and not force_final)
    steps = iter(range(1, total))

    def on_format(fmt: str) -> None:
        progress.step(next(steps), total, f"正在生成{FORMAT_NAMES.get(fmt, fmt)}…")

    result = export_project_form(report, folder, project_name, formats, draft=draft, on_format=on_format)
    progress.step(total, total, "完成")
    return ExportOutcome(result.paths, draft, errors)


def preview_pdf(report: Report, outline_id: Optional[str] = None, progress: Optional[Progress] = None,
                workspace: Optional[Workspace] = None) -> Path:
    """The report as a PDF in a temporary folder, for looking at before saving (marked 草稿 if it has
    errors): the same document the export writes (with the workspace: `as_printed`)."""
    folder = Path(tempfile.mkdtemp(prefix="fulian-preview-"))
    outcome = export(report, folder, ["pdf"], outline_id, final=True, progress=progress, workspace=workspace)
    return outcome.paths[0]
