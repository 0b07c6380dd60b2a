"""Every table model of the interface passes Qt's own model checks (check_model), with real data."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.ui.pages.checks import IssueModel
from desktop.ui.table_editor import TableEditor


def all_tables(window):
    for page in window.page_list:
        for table in page.tables:
            yield page.title, table


@pytest.mark.parametrize("seed", [0, 1])
def test_every_table_model_passes_check_model(qtbot, check_model, window, seed_paths, seed):
    window.import_path(seed_paths[seed])
    # The project detail shows the indicators of the first project with any.
    projects = window.report.projects
    with_indicators = next((i for i, p in enumerate(projects) if p.indicators), 0)
    window.projects_page.show_project(with_indicators)
    checked = 0
    for title, table in all_tables(window):
        assert isinstance(table, TableEditor)
        check_model(table.model)
        if table.proxy is not None:
            check_model(table.proxy)
        checked += 1
    assert checked >= 12
    window.run_checks()
    check_model(window.checks_page.model)


def test_models_hold_while_rows_come_and_go(qtbot, check_model, window, seed_paths):
    window.import_path(seed_paths[1])
    table = window.ledger_page.table
    check_model(table.proxy)  # checks stay connected during the edits below
    table.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    count = table.model.rowCount()
    table.add_row()
    assert table.model.rowCount() == count + 1
    table.remove_current()
    window.editor.undo_stack.undo()
    window.editor.undo_stack.undo()
    assert table.model.rowCount() == count


def test_issue_model_with_findings(check_model, window, seed_paths):
    window.import_path(seed_paths[0])
    window.report.finance.carry_over_end = None
    window.report.problems = ["无"]
    window.run_checks()
    model = window.checks_page.model
    assert isinstance(model, IssueModel) and model.rowCount() > 0
    check_model(model)
