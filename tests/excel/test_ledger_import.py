"""Ledger import: the preview of a real file, duplicates, problems located in Chinese, and apply."""

import copy
from datetime import date, datetime
from decimal import Decimal

import pytest

from desktop.domain.model import BeneficiaryUnit
from desktop.excel.ledger_import import apply, preview_ledger
from desktop.excel.preview import ImportRefused
from desktop.excel.templates import write_ledger, write_ledger_template

from .helpers import LEDGER_HEADER, SEED_000, SEED_004, seed, small_report, without_keys, workbook


@pytest.mark.parametrize("path", [SEED_000, SEED_004], ids=["seed000", "seed004"])
def test_ledger_export_then_import_round_trip_is_equal(tmp_path, path):
    report = seed(path)
    assert report.activities
    out = write_ledger(report, tmp_path / "台账.xlsx")
    empty = copy.deepcopy(report)
    empty.activities = []
    preview = preview_ledger(out, empty)
    assert preview.ok, preview.lines()
    assert not preview.duplicates
    imported = apply(preview, empty)
    assert without_keys(imported.activities) == without_keys(report.activities)
    assert imported.activity_kinds == report.activity_kinds
    assert empty.activities == []  # apply returns a new report


def test_importing_the_same_ledger_again_finds_every_row_already_there(tmp_path):
    report = seed(SEED_000)
    out = write_ledger(report, tmp_path / "台账.xlsx")
    preview = preview_ledger(out, report)
    assert preview.ok
    assert preview.rows == ()
    assert len(preview.duplicates) == len(report.activities)
    assert "已存在" in "\n".join(preview.lines())
    assert apply(preview, report).activities == report.activities


def test_variant_headers_dates_units_and_blank_rows(tmp_path):
    report = small_report()
    rows = [
        ["乐山市金口河区妇联 2024 年活动台账"],
        ["序号", "活动内容", " 人 次 ", "时间", "金额（万元）", "所属任务", "项目", "类型", "受益人次"],
        [1, "巾帼大宣讲", "120", "2024.3.8", 0.12, "（一）学习教育，常抓不懈", "春蕾行动计划经费", "宣讲", None],
        [None, None, None, None, None, None, None, None, None],
        [2, "贫困母亲救助金发放", 15, "2024年11月2日", "1.5", "关爱妇女健康", "贫困母亲救助", "救助", "15户"],
        [],
        [3, "执委培训", "３０", datetime(2024, 7, 1), None, None, None, "培训", None],
        [4, "家风故事会", 40, 45474, None, None, None, "家风讲堂", None],
    ]
    path = workbook(tmp_path / "variants.xlsx", rows, title="Sheet1")
    preview = preview_ledger(path, report)
    assert preview.ok, preview.lines()
    got = preview.activities
    assert [a.title for a in got] == ["巾帼大宣讲", "贫困母亲救助金发放", "执委培训", "家风故事会"]
    assert [a.date for a in got] == [date(2024, 3, 8), date(2024, 11, 2), date(2024, 7, 1), date(2024, 7, 1)]
    assert [a.participants for a in got] == [120, 15, 30, 40]
    assert [a.money for a in got] == [Decimal("1200.00"), Decimal("15000.00"), None, None]
    assert got[0].task_key == "t1" and got[0].project_key == "p1"
    assert got[1].task_key == "t2" and got[1].project_key == "p2" and got[1].beneficiaries == 15
    assert preview.new_kinds == ("家风讲堂",)
    assert any("万元" in note for note in preview.notes)
    updated = apply(preview, report)
    assert len(updated.activities) == 5
    assert "家风讲堂" in updated.activity_kinds


def test_every_problem_names_sheet_row_column_and_what_to_do(tmp_path):
    report = small_report()
    rows = [
        LEDGER_HEADER,
        ["2024-03-08", "培训", "技能培训", "两场", 30, 20, 100, None, None, None],
        ["2023-12-30", "培训", "去年的活动", 1, 30, 20, "约100", None, None, None],
        ["2024-03-09", "培训", "", 1, 30, 20, 100, None, None, None],
        ["2024-03-10", "培训", "不存在的任务", 1, 30, 20, 100, "没有这个任务", "没有这个项目", None],
        ["2024-03-11", "培训", "负数", 1, -5, 20, 100, None, None, None],
    ]
    path = workbook(tmp_path / "bad.xlsx", rows)
    preview = preview_ledger(path, report)
    assert not preview.ok
    found = {(p.row, p.column.split(" ")[0] if p.column else None): p for p in preview.problems}
    assert "不是整数" in found[(2, "D")].message
    assert "不在 2024 年度内" in found[(3, "A")].message
    assert "不是金额" in found[(3, "G")].message
    assert "活动名称为空" in found[(4, "C")].message
    assert "没有名为“没有这个任务”的工作任务" in found[(5, "H")].message
    assert "学习教育，常抓不懈" in found[(5, "H")].hint
    assert "没有名为“没有这个项目”的项目" in found[(5, "I")].message
    assert "负数" in found[(6, "E")].message
    for problem in preview.problems:
        assert problem.sheet == "活动台账" and problem.hint
        assert problem.text().startswith("工作表“活动台账” 第 ")
    assert preview.rows == ()
    text = "\n".join(preview.lines())
    assert "未导入任何数据" in text
    with pytest.raises(ImportRefused):
        apply(preview, report)


def test_two_rows_with_the_same_date_and_name_are_refused(tmp_path):
    rows = [LEDGER_HEADER, ["2024-03-08", "培训", "技能培训", 1], ["2024/3/8", "培训", " 技能培训 ", 2]]
    preview = preview_ledger(workbook(tmp_path / "dup.xlsx", rows), small_report())
    assert [(p.row, "第 2 行" in p.message) for p in preview.problems] == [(3, True)]


def test_missing_required_column_and_a_column_twice(tmp_path):
    rows = [["活动名称", "人次", "参与人次"], ["培训", 1, 2]]
    preview = preview_ledger(workbook(tmp_path / "cols.xlsx", rows), small_report())
    messages = [p.message for p in preview.problems]
    assert "缺少“日期”列" in messages
    assert "“参与人次”列出现了两次" in messages


def test_the_template_example_row_is_skipped(tmp_path):
    path = write_ledger_template(tmp_path / "模板.xlsx", small_report())
    preview = preview_ledger(path, small_report())
    assert [p.message for p in preview.problems] == ["表格中没有活动记录"]

    from openpyxl import load_workbook

    wb = load_workbook(path)
    wb["活动台账"].append([date(2024, 4, 1), "宣讲", "新的活动", 1, 10, 10, "人次", 50, "关爱妇女健康", None, None])
    wb.save(path)
    preview = preview_ledger(path, small_report())
    assert preview.ok
    assert [a.title for a in preview.activities] == ["新的活动"]
    assert any("示例行已跳过" in n for n in preview.notes)


def test_a_preview_for_another_report_is_not_applied(tmp_path):
    rows = [LEDGER_HEADER, ["2024-03-08", "培训", "技能培训", 1]]
    preview = preview_ledger(workbook(tmp_path / "one.xlsx", rows), small_report())
    other = small_report()
    other.fiscal_year = 2025
    with pytest.raises(ImportRefused):
        apply(preview, other)


def test_a_unit_column_gives_each_line_its_unit_of_count(tmp_path):
    report = small_report()
    rows = [
        ["日期", "活动名称", "受益人数", "计量单位"],
        ["2024-03-08", "评选三八红旗集体", 5, "个"],
        ["2024-03-08", "评选三八红旗手", 50, "名"],  # 名 counts people
        ["2024-05-01", "巾帼志愿服务", 1200, " 人次 "],
        ["2024-06-01", "走访困难家庭", 35, "户"],
        ["2024-07-01", "座谈会", None, None],
    ]
    preview = preview_ledger(workbook(tmp_path / "单位.xlsx", rows), report)
    assert preview.ok, preview.lines()
    assert [a.beneficiary_unit for a in preview.activities] == [
        BeneficiaryUnit.ITEM, BeneficiaryUnit.PERSON, BeneficiaryUnit.VISIT, BeneficiaryUnit.HOUSEHOLD, None]


def test_a_unit_outside_the_list_is_a_problem_naming_the_cell(tmp_path):
    rows = [["日期", "活动名称", "受益人数", "受益单位"], ["2024-03-08", "慰问", 12, "人们"]]
    preview = preview_ledger(workbook(tmp_path / "错单位.xlsx", rows), small_report())
    assert not preview.ok
    (problem,) = preview.problems
    assert problem.row == 2 and "受益单位" in problem.column and "人们" in problem.message
    assert "人次" in problem.hint


@pytest.mark.parametrize("header, unit", [
    ("受益人次", BeneficiaryUnit.VISIT), ("受益户数", BeneficiaryUnit.HOUSEHOLD), ("受益人数", BeneficiaryUnit.PERSON),
    ("受益个数", BeneficiaryUnit.ITEM), ("受益人数（人/户）", None),
])
def test_a_header_that_names_its_unit_gives_it_to_the_lines(tmp_path, header, unit):
    """A clerk's own ledger has no 受益单位 column: "受益户数" says the counts are 户."""
    rows = [["日期", "活动名称", header], ["2024-03-08", "走访", 35], ["2024-03-09", "座谈会", None]]
    preview = preview_ledger(workbook(tmp_path / "台账.xlsx", rows), small_report())
    assert preview.ok, preview.lines()
    assert [a.beneficiary_unit for a in preview.activities] == [unit, None]


def test_a_unit_column_is_the_only_authority_where_there_is_one(tmp_path):
    rows = [["日期", "活动名称", "受益户数", "受益单位"], ["2024-03-08", "走访", 35, "人"], ["2024-03-09", "慰问", 8, None]]
    preview = preview_ledger(workbook(tmp_path / "台账.xlsx", rows), small_report())
    assert [a.beneficiary_unit for a in preview.activities] == [BeneficiaryUnit.PERSON, None]
