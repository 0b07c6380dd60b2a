"""The list of activity kinds: usage counts, names refused, renames that follow through, removal refused."""

from desktop.domain.model import Activity, Report, Unit
from desktop.services import activity_kinds


def report_with(*kinds):
    report = Report(unit=Unit(name="某某区妇联"), fiscal_year=2024)
    report.activities = [Activity(title=f"活动{i}", kind=kind) for i, kind in enumerate(kinds)]
    return report


def test_usage_counts_the_activities_of_a_kind():
    report = report_with("宣讲", "会议", "宣讲")
    assert activity_kinds.usage(report, "宣讲") == 2
    assert activity_kinds.usage(report, "慰问") == 0


def test_empty_and_duplicate_names_are_refused_in_chinese():
    report = report_with()
    index = report.activity_kinds.index("会议")
    assert "不能为空" in activity_kinds.name_problem(report, "  ", index)
    assert "已有活动类型“学习”" in activity_kinds.name_problem(report, "学习", index)
    assert activity_kinds.name_problem(report, "会议", index) is None  # its own name
    assert activity_kinds.name_problem(report, "座谈", index) is None
    assert "已有" in activity_kinds.name_problem(report, "会议")  # as a new kind


def test_rename_changes_the_list_entry_and_every_activity_using_it():
    report = report_with("宣讲", "会议", "宣讲")
    index = report.activity_kinds.index("宣讲")
    changes = activity_kinds.rename_changes(report, index, "巾帼宣讲")
    assert changes == [
        (f"report.activity_kinds[{index}]", "巾帼宣讲"),
        ("report.activities[0].kind", "巾帼宣讲"),
        ("report.activities[2].kind", "巾帼宣讲"),
    ]


def test_a_kind_in_use_cannot_be_removed_and_the_message_says_how_many_use_it():
    report = report_with("宣讲", "会议", "宣讲")
    refusal = activity_kinds.removal_refusal(report, report.activity_kinds.index("宣讲"))
    assert "2 条活动" in refusal and "“宣讲”" in refusal and "不能删除" in refusal
    assert activity_kinds.removal_refusal(report, report.activity_kinds.index("慰问")) is None


def test_a_new_kind_gets_a_name_not_on_the_list():
    report = report_with()
    assert activity_kinds.new_kind_name(report) == "新类型"
    report.activity_kinds += ["新类型", "新类型2"]
    assert activity_kinds.new_kind_name(report) == "新类型3"
