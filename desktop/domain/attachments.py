"""What an attachment (附件) needs before a final document may print it: the 自评表 forms.

A form is printed when the clerk has filled it (it has indicator rows); a filled form that lacks a
figure or a goal is not printed with blanks in a final document: validation names each missing field
and the export becomes a draft. An unfilled form is left out, never printed as a skeleton.
"""

from __future__ import annotations

from dataclasses import dataclass

from .finance import fund_total, project_budget
from .model import Project, Report


@dataclass(frozen=True)
class Gap:
    """A field a printed form needs: its path from the report, and the form's own word for it."""

    field: str
    label: str


def project_form_filled(project: Project) -> bool:
    """项目支出绩效自评表: printed when it has indicator rows."""
    return bool(project.indicators)


def department_form_filled(report: Report) -> bool:
    """部门整体支出绩效自评表: printed when it has indicator rows."""
    return bool(report.self_evaluation.indicators)


def project_form_gaps(report: Report, index: int) -> list[Gap]:
    project = report.projects[index]
    prefix = f"report.projects[{index}]"
    gaps = []
    # The 执行率 and its score need the year's budget and what was spent; the 年初预算数 may stand empty
    # when the clerk entered the budget as adjusted (a project without a mid-year change).
    if project_budget(project) is None:
        gaps.append(Gap(f"{prefix}.adjusted.total", "年度资金总额的全年预算数"))
    if fund_total(project.executed) is None:
        gaps.append(Gap(f"{prefix}.executed.total", "年度资金总额的全年执行数"))
    if not project.expected_goal.strip():
        gaps.append(Gap(f"{prefix}.expected_goal", "年度总体目标的预期目标"))
    if not project.actual_goal.strip():
        gaps.append(Gap(f"{prefix}.actual_goal", "年度总体目标的实际完成情况"))
    return gaps


def department_form_gaps(report: Report) -> list[Gap]:
    budget = report.finance.budget
    gaps = []
    if budget.adjusted is None:
        gaps.append(Gap("report.finance.budget.adjusted", "预算执行率所需的全年预算数"))
    if budget.executed is None:
        gaps.append(Gap("report.finance.budget.executed", "预算执行率所需的全年执行数"))
    return gaps
