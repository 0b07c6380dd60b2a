"""文件 → 生成报送文件…: the township writes its year's data file for the district."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..services.submission import submission_file_name
from ..services.workspace import Workspace
from .operations import run_now

SUBMISSION_FILTER = "报送文件 (*.fulian.json)"


def generate_submission(parent: QWidget, workspace: Workspace, unit_name: str, year: int) -> Path | None:
    """Ask where to save (the name says who, which year and when), write it, and say where it went."""
    suggested = submission_file_name(unit_name, year, date.today())
    path, _ = QFileDialog.getSaveFileName(parent, "生成报送文件", suggested, SUBMISSION_FILTER)
    if not path:
        return None
    written = run_now(parent, "生成报送文件", lambda: workspace.export_file(unit_name, year, Path(path)))
    if written is None:
        return None
    QMessageBox.information(
        parent,
        "生成报送文件",
        f"已生成报送文件：\n{written}\n\n文件带有校验码，上级妇联收到后可以核对文件是否完整、未被改动。"
        "请通过 U 盘、电子邮件或政务内网发送给上级妇联。",
    )
    return written
