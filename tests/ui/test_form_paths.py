"""A form field or table bound to a path no report has is a mistake in the program: it fails at once,
instead of showing an empty field that the clerk fills in vain."""

import pytest
from PySide6.QtWidgets import QWidget

from desktop.services.fieldpath import FieldPathError
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
