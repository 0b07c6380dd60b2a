"""Attachment rules: a 自评表 form that will be printed has every figure and goal, or it is a draft."""

from decimal import Decimal

from desktop.domain.model import FundColumn

from .builders import codes, fields, find


def test_a_complete_form_passes(report):
    assert not {"ATT-001", "ATT-002"} & codes(report)


def test_a_printed_project_form_names_each_missing_figure_and_goal(report):
    project = report.projects[0]
    project.executed = FundColumn()
    project.actual_goal = ""
    # 当年财政拨款 is split in the other columns: its row is printed, so its 执行数 is missing too.
    assert fields(report, "ATT-001") == {"report.projects[0].executed.total", "report.projects[0].actual_goal",
                                         "report.projects[0].executed.current_year"}
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


def test_a_required_attachment_without_data_points_at_the_field():
    """The Sichuan outline requires the 项目支出表 and the 收支情况表: with no data they are errors, not skeletons."""
    from tests.reports.conftest import seed_report

    from desktop.reports.outline import load_outline
    from desktop.validation import validate

    outline = load_outline("sichuan")
    assert {a.table: a.required for a in outline.appendices} == {
        "income_expenditure": True, "projects": True, "department_evaluation": False, "project_evaluation": False}
    report = seed_report("000")
    assert not [i for i in validate(report) if i.code.startswith("ATT")]
    report.projects = []
    report.finance.expenditure.project = None
    (issue,) = [i for i in validate(report) if i.code == "ATT-003"]
    assert issue.field == "report.projects" and "项目支出表" in issue.message
    report.finance.expenditure.project = Decimal("0.00")  # none in the year: nothing is missing
    assert not [i for i in validate(report) if i.code == "ATT-003"]


def test_a_project_table_column_one_project_leaves_empty_is_an_error_at_that_project():
    from tests.reports.conftest import seed_report

    from desktop.validation import validate

    report = seed_report("000")
    report.projects[1].executed.total = Decimal("4000.00")
    fields = {i.field for i in validate(report) if i.code == "ATT-004"}
    assert fields == {f"report.projects[{i}].executed.total" for i in (0, 2, 3, 4)}
