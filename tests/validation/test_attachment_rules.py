"""Attachment rules: a 自评表 form that will be printed has every figure and goal, or it is a draft."""

from desktop.domain.model import FundColumn

from .builders import codes, fields, find


def test_a_complete_form_passes(report):
    assert not {"ATT-001", "ATT-002"} & codes(report)


def test_a_printed_project_form_names_each_missing_figure_and_goal(report):
    project = report.projects[0]
    project.executed = FundColumn()
    project.actual_goal = ""
    assert fields(report, "ATT-001") == {"report.projects[0].executed.total", "report.projects[0].actual_goal"}
    message = find(report, "ATT-001")[0].message
    assert "关爱困境儿童项目" in message and "缺少" in message


def test_a_project_without_indicator_rows_is_not_printed_and_not_checked(report):
    project = report.projects[0]
    project.indicators = []
    project.executed = FundColumn()
    assert "ATT-001" not in codes(report)


def test_the_department_form_needs_its_execution_figures(report):
    report.finance.budget.executed = None
    assert "report.finance.budget.executed" in fields(report, "ATT-002")
