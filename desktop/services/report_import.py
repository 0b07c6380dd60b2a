"""Importing last year's report file: a preview for a unit and year (read, nothing written), then the
draft saved whole in one transaction — or not at all. Front-ends (command line, window) call only this."""

from __future__ import annotations

import copy
import re
from dataclasses import replace
from pathlib import Path
from typing import Optional

from ..domain.model import (
    Finance,
    FundColumn,
    Report,
    ReportStatus,
    SelfEvaluation,
    Unit,
)
from ..domain.money import format_wan
from ..report_import import ImportPreview, ReportImportError, apply_choices, read_report
from .jobs import Progress
from .workspace import Workspace


def preview_file(workspace: Workspace, path: Path, year: Optional[int] = None, unit: Optional[str] = None,
                 progress: Optional[Progress] = None) -> ImportPreview:
    """Read the file into a draft for `unit` and `year` (as read from the file when not given).

    A year other than the one the report is about imports the prose as a starting point and clears the
    figures of the old year; `preview.cleared` says which.
    """
    progress = progress or Progress()
    progress.step(0, 2, f"正在读取 {Path(path).name}…")
    preview = read_report(Path(path))
    progress.step(1, 2, "正在整理…")
    report = preview.report
    if unit and unit.strip():
        name = unit.strip()
        if report.profile.full_name in ("", report.unit.name) or preview.unit_source.startswith("由简称"):
            report.profile.full_name = name
        report.unit = Unit(name=name)
        preview.unit_source = "按指定"
    if not report.unit.name:
        raise ReportImportError(
            f"没能从“{preview.source_name}”中读出单位名称。请指定单位（命令行加 --unit 单位全称）。"
        )
    stored = workspace.unit_named(report.unit.name)
    if stored is None and preview.unit_source.startswith("由简称"):
        # 金口河区妇女联合会 guessed from 金口河区妇联: the clerk's unit 乐山市金口河区妇女联合会 is meant.
        matches = [u for u in workspace.units() if u.name.endswith(report.unit.name)]
        if len(matches) == 1:
            stored = matches[0]
            preview.unit_source = f"数据库中已有的单位（与报告中的简称“{report.profile.short_name}”相符）"
            report.profile.full_name = report.profile.full_name or stored.name
    if stored is not None:
        report.unit = stored
    if year is not None and year != preview.read_year:
        if preview.read_year is None:
            report.fiscal_year = year
            preview.year_source = "按指定"
        else:
            _clear_for_new_year(preview, year)
    if not report.fiscal_year:
        raise ReportImportError(
            f"没能从“{preview.source_name}”中读出报告的年度。请指定年度（命令行加 --year 2024）。"
        )
    report.status = ReportStatus.DRAFT
    progress.step(2, 2, "完成")
    return preview


def year_exists(workspace: Workspace, preview: ImportPreview) -> bool:
    unit = workspace.unit_named(preview.report.unit.name)
    return unit is not None and preview.report.fiscal_year in workspace.years(unit)


def save(workspace: Workspace, preview: ImportPreview, choices: Optional[dict[int, str]] = None,
         replace_existing: bool = False, progress: Optional[Progress] = None):
    """Save the draft (with the chosen loose paragraphs) in one transaction; refuse to overwrite a year
    that exists unless asked."""
    progress = progress or Progress()
    progress.step(0, 1, "正在保存…")
    report = apply_choices(preview, choices)
    if year_exists(workspace, preview) and not replace_existing:
        raise ReportImportError(
            f"数据库中已有“{report.unit.name}” {report.fiscal_year} 年度的报告，没有导入。"
            "如要用导入的内容覆盖它，请在程序中确认覆盖（命令行加 --replace）。"
        )
    # The check above is for the clerk's message; the one inside the save's transaction decides.
    saved = workspace.database.reports().save(report, replace=replace_existing)
    progress.step(1, 1, "完成")
    return saved


def _clear_for_new_year(preview: ImportPreview, year: int) -> None:
    """The old year's figures out, its prose kept: what was cleared is listed for the clerk."""
    report = preview.report
    old = report.fiscal_year
    cleared: list[str] = []
    finance = report.finance
    for label, value in (("本年收入总计", finance.income_total), ("本年支出合计", finance.expenditure.total),
                         ("基本支出", finance.expenditure.basic), ("项目支出", finance.expenditure.project),
                         ("人员经费", finance.expenditure.personnel), ("公用经费", finance.expenditure.public),
                         ("年初结转结余", finance.carry_over_start), ("年末结转结余", finance.carry_over_end),
                         ("年初预算数", finance.budget.initial), ("全年预算数", finance.budget.adjusted),
                         ("全年执行数", finance.budget.executed)):
        if value is not None:
            cleared.append(f"{label} {format_wan(value)}")
    for line in finance.income_lines:
        if line.amount is not None:
            cleared.append(f"收入：{line.source} {format_wan(line.amount)}")
    # Income sources stay as rows to fill in; amounts go.
    report.finance = Finance(income_lines=[replace(line, amount=None) for line in finance.income_lines])
    for project in report.projects:
        for label, column in (("年初预算", project.initial), ("全年预算", project.adjusted), ("执行", project.executed)):
            if column.total is not None:
                cleared.append(f"项目“{project.name}”{label} {format_wan(column.total)}")
        if project.self_score is not None:
            cleared.append(f"项目“{project.name}”自评得分 {project.self_score} 分")
        project.initial, project.adjusted, project.executed = FundColumn(), FundColumn(), FundColumn()
        project.self_score = None
    evaluation = report.self_evaluation
    if evaluation.entered_total is not None:
        cleared.append(f"自评得分 {evaluation.entered_total} 分")
    indicators = copy.deepcopy(evaluation.indicators)
    for indicator in indicators:
        if indicator.score is not None or indicator.actual is not None or indicator.actual_text:
            cleared.append(f"自评指标“{indicator.name}”的实际完成值和得分")
        indicator.score, indicator.actual, indicator.actual_text = None, None, ""
    report.self_evaluation = SelfEvaluation(execution_weight=evaluation.execution_weight, indicators=indicators)
    if report.report_date is not None:
        cleared.append(f"报告日期 {report.report_date.isoformat()}")
        report.report_date = None
    if report.title:
        report.title = re.sub(rf"{old}(?=\s*年)", str(year), report.title)
    report.fiscal_year = year
    preview.cleared = cleared
    preview.year_source = f"按指定（报告本身是 {old} 年度的）"


# What an import replaces in a report; the ledger (activities) and the unit's own record are kept.
IMPORTED_FIELDS = ("title", "report_date", "outline", "rule_set", "status", "profile", "tasks", "department_target",
                   "finance", "projects", "self_evaluation", "narratives", "problems", "measures")


def prepare_target(workspace: Workspace, preview: ImportPreview) -> Report:
    """The report the import goes into: the year as it is, or a new empty draft for it (and its unit)."""
    report = preview.report
    unit = workspace.unit_named(report.unit.name)
    if unit is not None:
        existing = workspace.report_of(unit, report.fiscal_year)
        if existing is not None:
            return existing
    return workspace.save(Report(unit=Unit(name=report.unit.name), fiscal_year=report.fiscal_year,
                                          outline=report.outline, rule_set=report.rule_set,
                                          status=ReportStatus.DRAFT))


def changes_for(existing: Report, preview: ImportPreview, choices: Optional[dict[int, str]] = None) -> list[tuple[str, object]]:
    """(field path, new value) turning the open report into the imported draft — what the window applies
    as one step to undo. Tasks and projects keep the keys of same-named ones, so ledger lines linked to
    them stay linked."""
    imported = apply_choices(preview, choices)
    old_tasks = {task.title: task.key for task in existing.tasks}
    for task in imported.tasks:
        task.key = old_tasks.get(task.title, task.key)
    old_projects = {project.name: project.key for project in existing.projects}
    for project in imported.projects:
        project.key = old_projects.get(project.name, project.key)
    return [(f"report.{name}", getattr(imported, name)) for name in IMPORTED_FIELDS
            if getattr(existing, name) != getattr(imported, name)]
