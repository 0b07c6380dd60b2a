"""Every finding names its field as the page the jump lands on labels it (主要职能, not 机构职能).

The walk: a complete report with no finding, then one field at a time emptied, made negative, zero or
huge, or given “无” — which sets off the rules field by field — plus a new unit and the seed reports.
For each finding the jump from 校验 is made; the page it lands on must show the field's label, and a
finding about one field must name it by that label (its message or its hint says where to type).
"""

import copy
import dataclasses
import re
from datetime import date
from decimal import Decimal

from PySide6.QtWidgets import QGroupBox, QLabel

from desktop.domain import fieldpath
from desktop.validation import validate
from desktop.ui.pages.base import clean_label
from tests.validation.builders import clean_report

from .test_report_entry import create_unit


def leaves(obj, path="report"):
    if dataclasses.is_dataclass(obj):
        for field in dataclasses.fields(obj):
            if field.name not in ("id", "revision", "key", "unit"):
                yield from leaves(getattr(obj, field.name), f"{path}.{field.name}")
    elif isinstance(obj, list):
        yield path, obj
        for i, item in enumerate(obj):
            yield from leaves(item, f"{path}[{i}]")
    else:
        yield path, obj


def spoilt(value):
    """What a slip of the hand makes of a value."""
    if isinstance(value, bool):
        return [not value]
    if isinstance(value, int):
        return [None, -1, 0, 10**7]
    if isinstance(value, Decimal):
        return [None, Decimal("-1"), Decimal("0"), Decimal("10000000")]
    if isinstance(value, str):
        return ["", "无"]
    if isinstance(value, list):
        return [[]]
    if isinstance(value, date):
        return [date(2019, 1, 1)]
    return [None]


def findings_of_every_field(base):
    found = {}
    for path, value in list(leaves(base)):
        for bad in spoilt(value):
            report = copy.deepcopy(base)
            try:
                fieldpath.set_value(report, path, bad)
            except (fieldpath.FieldPathError, TypeError, ValueError):
                continue
            for issue in validate(report):
                found.setdefault((issue.code, re.sub(r"\[\d+\]", "[]", issue.field)), issue)
    return found


def page_texts(page):
    texts = {clean_label(label.text()) for label in page.findChildren(QLabel)}
    texts |= {clean_label(box.title()) for box in page.findChildren(QGroupBox)}
    for table in page.tables:
        texts |= {column.header for column in table.model.columns}
    return texts


def on_page(label, texts):
    """The label itself, or for a cell of a grid of fields both its column title and its row label."""
    if label in texts:
        return True
    parts = re.fullmatch(r"(.+?)（(.+)）", label)
    return bool(parts) and parts.group(1) in texts and any(t.startswith(parts.group(2)) for t in texts)


def about_one_field(report, path) -> bool:
    try:
        value = fieldpath.get(report, path)
    except fieldpath.FieldPathError:
        return False
    return not (isinstance(value, list) or dataclasses.is_dataclass(value))


def test_every_rule_names_its_field_as_the_page_it_jumps_to_labels_it(qtbot, window):
    create_unit(qtbot, window)
    base = clean_report()
    base.unit, base.fiscal_year = window.report.unit, window.report.fiscal_year
    base.id, base.revision = window.report.id, window.report.revision
    window.workspace.save(base)
    window.refresh()
    found = findings_of_every_field(base)
    codes = {code for code, _field in found}
    assert len(codes) >= 55, sorted(codes)
    wrong = []
    checked = 0
    for (code, _template), issue in sorted(found.items()):
        if issue.field == "report":
            continue  # a finding about the whole report (a rule that could not run): no field to name
        assert window.go_to_field(issue.field), (code, issue.field)
        page = window.pages.currentWidget()
        label = page.label_for(issue.field)
        assert label and on_page(label, page_texts(page)), (code, issue.field, label)
        assert window.field_place(issue.field) == f"{page.title} › {label}"
        if about_one_field(window.report, issue.field):
            checked += 1
            core = re.sub(r"（.*?）", "", label)
            if core not in issue.message + issue.hint:
                wrong.append((code, issue.field, label, issue.message))
    assert checked >= 80
    assert wrong == []


def test_the_functions_message_says_what_the_page_says(qtbot, window):
    create_unit(qtbot, window)
    window.run_checks()
    finding = next(f for f in window.issues if f.field == "report.profile.functions")
    assert finding.message.startswith("“主要职能”还没有填写") and "“机构职能”这一部分" in finding.message
    assert window.field_place(finding.field) == "单位概况 › 主要职能"
