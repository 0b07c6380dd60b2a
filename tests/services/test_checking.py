"""services.checking hands validation's own values to both front-ends: the same issues, in the order
the 校验 page lists them, the marks beside the fields and the command line's text and JSON."""

from decimal import Decimal as D

from desktop.services import checking
from desktop.validation import validate
from desktop.validation.issue import Issue, SECTION_ORDER
from tests.validation.builders import clean_report


def broken_report():
    report = clean_report()
    report.finance.carry_over_end = D("1")  # BAL-001: the balance does not add up
    report.activities[0].title = ""  # ACT-007
    return report


def test_the_issues_are_validations_own_values_in_display_order():
    report = broken_report()
    issues = checking.check(report)
    assert issues and all(type(i) is Issue for i in issues)
    assert sorted(issues, key=lambda i: (i.code, i.field)) == sorted(validate(report), key=lambda i: (i.code, i.field))
    order = [(SECTION_ORDER.index(i.section), i.severity.rank) for i in issues]
    assert order == sorted(order)


def test_marks_and_status_text():
    report = broken_report()
    issues = checking.check(report)
    balance = next(i for i in issues if i.code == "BAL-001")
    assert (balance.field, "error", f"{balance.message}（{balance.hint}）") in checking.marks(issues)
    summary = checking.count(issues)
    assert not summary.ok
    assert checking.summary_text(issues) == f"{summary.errors} 个错误，{summary.warnings} 个警告，{summary.infos} 条提示"
    assert checking.summary_text([]) == "校验通过，未发现问题"


def test_the_command_lines_text_and_json_say_the_same():
    report = broken_report()
    issues = checking.check(report)
    text = checking.report_text(report, issues)
    document = checking.report_document(report, issues)
    assert f"结果：{checking.count(issues).text}" in text
    assert [i["code"] for i in document["issues"]] == [i.code for i in issues]
    assert document["summary"]["ok"] is False
    for issue in issues:
        assert f"{issue.code}  位置：{issue.field}" in text
