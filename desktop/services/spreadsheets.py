"""Excel as the interface uses it: templates to fill, the ledger written out, ledger and budget
workbooks read in with a preview first (desktop.excel does the work)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from ..domain.model import Report
from ..errors import UserError
from .jobs import Progress
from .workspace import Workspace

LEDGER = "ledger"
BUDGET = "budget"
KIND_NAMES = {LEDGER: "活动台账", BUDGET: "预算表"}


def preview(kind: str, path: Path, report: Report, progress: Optional[Progress] = None):
    """What importing the workbook would change (problems listed, nothing changed yet)."""
    from .. import excel

    progress = progress or Progress()
    progress.step(0, 1, f"正在读取 {Path(path).name}…")
    result = excel.preview_ledger(path, report) if kind == LEDGER else excel.preview_budget(path, report)
    progress.step(1, 1, "完成")
    return result


class ImportNotSaved(UserError):
    """Saving the imported workbook failed: nothing of the file is in the database."""


def apply_and_save(workspace: Workspace, preview_result, report: Report, progress: Optional[Progress] = None) -> Report:
    """The report with the preview applied, saved whole in one transaction (all or nothing)."""
    from .. import excel

    progress = progress or Progress()
    progress.step(0, 2, "正在导入…")
    updated = excel.apply(preview_result, report)
    progress.step(1, 2, "正在保存…")
    try:
        saved = workspace.save(updated)
    except UserError as exc:
        raise ImportNotSaved(f"{exc.message}（文件未导入，数据库未改变）") from exc
    progress.step(2, 2, "完成")
    return saved


def write_template(kind: str, path: Path, report: Optional[Report] = None) -> Path:
    from .. import excel

    if kind == LEDGER:
        return excel.write_ledger_template(path, report)
    return excel.write_budget_template(path, report)


def write_ledger(report: Report, path: Path) -> Path:
    from .. import excel

    return excel.write_ledger(report, path)
