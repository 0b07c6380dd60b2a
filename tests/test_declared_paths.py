"""Every field path the program declares outside the forms — in the outlines, the outline requirements,
the Excel import's map, the old-report import's map, and in validation's issues — names a field and
leads to it on a full report. A misspelt path is a failure here, not an empty section or a lost figure.
(The forms' paths are walked the same way in tests/ui/test_form_paths.py.)"""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop.domain import fieldpath
from desktop.domain.model import NarrativeBlock
from desktop.excel.budget_import import FINANCE_ITEMS
from desktop.report_import.tables import FINANCE_ROWS
from desktop.reports.outline import available_outlines, load_outline
from desktop.rulesets import load_requirements
from desktop.validation import validate

from .full_report import full_report

OUTLINES = available_outlines()


def follow(report, path: str):
    """The value at the path; fails the test (with the path) when the path leads nowhere."""
    try:
        fieldpath.check_names_a_field(path)
        return fieldpath.get(report, path)
    except fieldpath.FieldPathError:
        pytest.fail(f"the path {path!r} names no field of a full report")


def outline_blocks(blocks):
    for block in blocks:
        if block.kind == "numbered":
            for item in block.ref:
                yield from outline_blocks(item)
        else:
            yield block


def test_the_outlines_are_all_walked():
    assert {"sichuan", "guangdong"} <= set(OUTLINES)


@pytest.mark.parametrize("outline_id", OUTLINES)
def test_every_outline_field_leads_to_a_value_of_its_kind(outline_id):
    report = full_report()
    walked = 0
    for _level, section in load_outline(outline_id).walk():
        for block in outline_blocks(section.content):
            if block.kind not in ("narrative", "list", "blocks"):
                continue
            value = follow(report, fieldpath.under_report(block.ref))
            walked += 1
            if block.kind == "narrative":
                assert isinstance(value, str), block.ref
            elif block.kind == "list":
                assert isinstance(value, list) and all(isinstance(v, str) for v in value), block.ref
            else:
                assert value and all(isinstance(v, NarrativeBlock) for v in value), block.ref
    assert walked >= 5


@pytest.mark.parametrize("outline_id", OUTLINES)
def test_every_required_section_of_an_outline_names_a_field(outline_id):
    requirements = load_requirements(outline_id)
    if requirements is None:
        pytest.skip(f"{outline_id} has no requirements")
    report = full_report()
    for section in requirements.sections:
        for path in section.any_of:
            follow(report, fieldpath.under_report(path))


def test_every_budget_import_line_reads_and_writes_its_field():
    report = full_report()
    for item in FINANCE_ITEMS:
        follow(report, item.path)
        item.set(report, Decimal("123.45"))
        assert item.get(report) == Decimal("123.45"), item.key
    attr_items = [i for i in FINANCE_ITEMS if not i.key.startswith("income:")]
    assert {fieldpath.get(report, i.path) for i in attr_items} == {Decimal("123.45")}


def test_every_old_report_table_row_names_an_amount_field():
    report = full_report()
    for label, (path, _name) in FINANCE_ROWS.items():
        value = follow(report, path)
        assert value is None or isinstance(value, Decimal), label


def test_every_validation_issue_on_a_full_report_names_its_field():
    report = full_report()
    issues = validate(report)
    assert issues  # the filler's one-word texts draw warnings: paths to check
    for issue in issues:
        follow(report, issue.field)
