"""A form field or table bound to a path no report has is a mistake in the program: it fails at once,
instead of showing an empty field that the clerk fills in vain."""

import pytest
from PySide6.QtWidgets import QWidget

from desktop.domain.fieldpath import FieldPathError
from desktop.ui.binding import FormBinder
from desktop.ui.table_editor import TableEditor
from desktop.ui.table_model import Column


def test_a_misspelt_path_fails_when_the_form_is_built(window):
    holder = QWidget(window)
    binder = FormBinder(window.editor, holder)
    binder.line("report.profile.full_name")  # a real field: fine
    with pytest.raises(FieldPathError):
        binder.line("report.profile.fullname")
    with pytest.raises(FieldPathError):
        binder.line("report.finance.income_lines.amount")  # a list used as one record


def test_a_misspelt_detail_path_fails_when_its_item_is_shown(qtbot, window, seed_paths):
    window.import_path(seed_paths[0])
    holder = QWidget(window)
    binder = FormBinder(window.editor, holder)
    binder.line("@.name")
    bad = binder.line("@.nmae")
    binder.bindings.remove(bad)
    binder.set_base("report.projects[0]")  # the good one loads
    assert binder.bindings[0].widget.text() == window.report.projects[0].name
    binder.bindings.append(bad)
    with pytest.raises(FieldPathError):
        binder.set_base("report.projects[1]")


def test_an_item_no_longer_in_the_report_shows_empty(qtbot, window, seed_paths):
    window.import_path(seed_paths[0])
    holder = QWidget(window)
    binder = FormBinder(window.editor, holder)
    binding = binder.line("@.name")
    binder.set_base(f"report.projects[{len(window.report.projects) + 5}]")
    assert binding.widget.text() == ""


def test_a_misspelt_table_path_fails(qtbot, window, seed_paths):
    window.import_path(seed_paths[0])
    with pytest.raises(FieldPathError):
        TableEditor(window.editor, "report.activites", [Column("title", "活动")])


def test_every_form_and_table_path_leads_to_a_field_of_a_full_report(qtbot, window, tmp_path):
    """Open a report whose every list has an item, visit every page as the clerk does (a click in the
    navigation), and follow the path of every field and every table column the forms show."""
    from PySide6.QtCore import Qt

    from desktop.domain import fieldpath
    from desktop.exchange.fileformat import dumps
    from desktop.ui.binding import FormBinder
    from desktop.ui.table_editor import TableEditor

    from ..full_report import full_report

    path = tmp_path / "full.fulian.json"
    path.write_text(dumps(full_report()), encoding="utf-8")
    assert window.import_path(path) is not None
    report = window.report
    navigation = window.navigation
    for row in range(navigation.count()):
        rect = navigation.visualItemRect(navigation.item(row))
        qtbot.mouseClick(navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.pages.currentIndex() == row

    followed = set()
    for binder in window.findChildren(FormBinder):
        for binding in binder.bindings:
            bound = binder.path(binding)
            assert bound is not None, f"{binding.template}: no item chosen although the report has one"
            fieldpath.check_names_a_field(bound)
            fieldpath.get(report, bound)  # FieldPathError: the form shows a field the report lacks
            followed.add(bound)
    for table in window.findChildren(TableEditor):
        model = table.model
        if not model.list_path:
            continue
        assert model.rowCount() > 0, f"{model.list_path}: empty although the report's list has an item"
        for column in range(model.columnCount()):
            cell = model.path_of(0, column)
            fieldpath.check_names_a_field(cell)
            fieldpath.get(report, cell)
            followed.add(cell)
    # The pages are all there: the unit's name, a budget figure, a project's indicator, a ledger line,
    # a 主要工作成效 分项.
    assert {"report.profile.full_name", "report.finance.budget.initial"} <= followed
    assert any(p.startswith("report.projects[0].indicators[0].") for p in followed)
    assert any(p.startswith("report.activities[0].") for p in followed)
    assert any(p.startswith("report.narratives.achievements[0].blocks[0].") for p in followed)
