"""Field paths read and write the report exactly where validation issues point."""

import pytest

from desktop.domain.model import IncomeLine, Project, Report, Unit
from desktop.domain import fieldpath


def report():
    r = Report(unit=Unit(name="某妇联"), fiscal_year=2024)
    r.finance.income_lines = [IncomeLine("一般公共预算财政拨款收入"), IncomeLine("其他收入")]
    r.projects = [Project(name="甲"), Project(name="乙")]
    return r


def test_parse_and_join_are_inverse():
    steps = fieldpath.parse("report.projects[1].indicators[0].score")
    assert steps == ["projects", 1, "indicators", 0, "score"]
    assert fieldpath.join(*steps) == "report.projects[1].indicators[0].score"
    assert fieldpath.parse("report") == []


@pytest.mark.parametrize("bad", ["finance.x", "report..x", "report[x]", "report.projects[1"])
def test_malformed_paths_are_refused(bad):
    with pytest.raises(fieldpath.FieldPathError):
        fieldpath.parse(bad)


def test_get_and_set_return_the_old_value():
    r = report()
    assert fieldpath.get(r, "report.projects[1].name") == "乙"
    old = fieldpath.set_value(r, "report.finance.income_lines[1].source", "事业收入")
    assert old == "其他收入" and r.finance.income_lines[1].source == "事业收入"
    fieldpath.set_value(r, "report.problems", ["经费不足"])
    assert r.problems == ["经费不足"]
    with pytest.raises(fieldpath.FieldPathError):
        fieldpath.get(r, "report.projects[5].name")
    with pytest.raises(fieldpath.FieldPathError):
        fieldpath.set_value(r, "report.nothing_here.x", 1)


def test_within_and_list_items():
    assert fieldpath.is_within("report.finance.income_lines[0].amount", "report.finance")
    assert fieldpath.is_within("report.finance", "report.finance")
    assert not fieldpath.is_within("report.finance_x", "report.finance")
    assert fieldpath.split_list_item("report.activities[12].money", "report.activities") == (12, ".money")
    assert fieldpath.split_list_item("report.activities", "report.activities") is None
    assert fieldpath.split_list_item("report.tasks[0]", "report.activities") is None
