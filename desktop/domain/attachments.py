"""What an attachment (附件) needs before a final document may print it: the 自评表 forms.

A form is printed when the clerk has filled it (it has indicator rows); a filled form that lacks a
figure or a goal is not printed with blanks in a final document: validation names each missing field
and the export becomes a draft. An unfilled form is left out, never printed as a skeleton.
"""

from __future__ import annotations

from dataclasses import dataclass

from typing import Callable, Optional

from .finance import expenditure_total, fund_total, income_total, project_budget
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
    columns = (("initial", "年初预算数"), ("adjusted", "全年预算数"), ("executed", "全年执行数"))
    if fund_total(project.initial) is None:
        columns = columns[1:]  # no 年初预算 at all: entered as the year's budget only, as above
    for attr, source in (("current_year", "当年财政拨款"), ("carried_over", "上年结转资金"), ("other", "其他资金")):
        given = [getattr(getattr(project, c), attr) is not None for c, _ in columns]
        if any(given):  # a source the form prints: every column of its row is a figure to give
            gaps += [Gap(f"{prefix}.{c}.{attr}", f"{source}的{word}") for (c, word), ok in zip(columns, given) if not ok]
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


# ---------------------------------------------------------------- 项目支出表


@dataclass(frozen=True)
class ProjectFigure:
    """A figure column of the 项目支出表: printed when any project has it; then every project must."""

    key: str
    header: str
    field: str  # path under report.projects[i]
    label: str  # the word a message uses
    value: Callable[[Project], Optional[object]]


def _score(project: Project):
    """A project is scored by its form's rows, or by the total the clerk entered."""
    return True if project.indicators else project.self_score


PROJECT_FIGURES = (
    ProjectFigure("initial", "年初预算数", "initial.total", "年初预算数", lambda p: fund_total(p.initial)),
    ProjectFigure("adjusted", "全年预算数", "adjusted.total", "全年预算数", project_budget),
    ProjectFigure("executed", "全年执行数", "executed.total", "全年执行数", lambda p: fund_total(p.executed)),
    ProjectFigure("score", "自评得分", "self_score", "自评得分（或项目支出绩效自评表）", _score),
)


def project_table_figures(report: Report) -> tuple[ProjectFigure, ...]:
    """The figure columns the 项目支出表 prints: those at least one project has (a column nobody filled —
    seed 000 lists its projects with their budgets only — is left out, never printed empty)."""
    return tuple(f for f in PROJECT_FIGURES if any(f.value(p) is not None for p in report.projects))


def project_table_gaps(report: Report) -> list[Gap]:
    """A printed column's cell a project leaves empty: each one is a field to fill."""
    gaps = []
    for figure in project_table_figures(report):
        for i, project in enumerate(report.projects):
            if figure.value(project) is None:
                gaps.append(Gap(f"report.projects[{i}].{figure.field}",
                                f"项目“{project.name.strip() or i + 1}”的{figure.label}"))
    return gaps


# ---------------------------------------------------------------- what the outline requires


def attachment_gaps(report: Report, table: str) -> list[Gap]:
    """What a required attachment lacks to be printed at all (an empty list: it can be printed).

    The forms are filled by their indicator rows; the 收支情况表 by the year's income and spending; the
    项目支出表 by its projects (or a 项目支出 of 0: "本年度无项目支出")."""
    if table == "income_expenditure":
        finance = report.finance
        budget = finance.budget
        figures = (income_total(finance), expenditure_total(finance.expenditure), finance.carry_over_start,
                   finance.carry_over_end, budget.initial, budget.adjusted, budget.executed)
        if any(f is not None for f in figures) or finance.three_public:
            return []
        return [Gap("report.finance.income_lines", "本年收入、支出或预算执行的数字")]
    if table == "projects":
        if report.projects or report.finance.expenditure.project == 0:
            return []
        return [Gap("report.projects", "项目明细（各项目名称和预算）")]
    if table == "department_evaluation":
        return [] if department_form_filled(report) else [
            Gap("report.self_evaluation.indicators", "部门整体支出绩效自评表的指标")]
    if table == "project_evaluation":
        return [Gap(f"report.projects[{i}].indicators", f"项目“{p.name.strip() or i + 1}”的项目支出绩效自评表指标")
                for i, p in enumerate(report.projects) if not project_form_filled(p)]
    return []
