"""Header recognition: order, 全角/半角, spaces, aliases and units."""

import pytest

from desktop.excel.headers import LEDGER_COLUMNS, PROJECT_COLUMNS, find_header, recognise, split_unit


@pytest.mark.parametrize("text,field", [
    ("参与人次", "participants"), ("人次", "participants"), (" 参 与 人 次 ", "participants"), ("参加人数", "participants"),
    ("日期", "date"), ("活动日期", "date"), ("*日期", "date"), ("日期：", "date"),
    ("活动名称", "title"), ("活动内容", "title"), ("场次/期", "sessions"), ("场次（期）", "sessions"),
    ("金额（元）", "money"), ("金额(万元)", "money"), ("经费", "money"), ("关联工作任务", "task"), ("所属项目", "project"),
    ("受益人数（人/户）", "beneficiaries"),
])
def test_ledger_header_variants(text, field):
    column, _ = recognise(text, LEDGER_COLUMNS)
    assert column is not None and column.field == field


@pytest.mark.parametrize("text,unit", [
    ("金额（元）", "元"), ("金额(万元)", "万元"), ("金额 / 万元", "万元"), ("金额万元", "万元"), ("金额（单位：万元）", "万元"),
    ("金额", None), ("金额（人民币元）", "元"),
])
def test_units_from_the_header(text, unit):
    column, found = recognise(text, LEDGER_COLUMNS)
    assert column.field == "money"
    assert found == unit


def test_nested_brackets_keep_the_qualifier_and_take_the_unit():
    assert split_unit("全年预算数（调整后）（万元）") == ("全年预算数(调整后)", "万元")
    column, unit = recognise("全年预算数（调整后）（万元）", PROJECT_COLUMNS)
    assert (column.field, unit) == ("adjusted", "万元")


def test_header_found_below_a_title_and_a_unit_note_in_any_order():
    rows = [
        (1, ("2024年活动台账",)),
        (2, ("单位：万元",)),
        (3, ("备注", "金额", "活动名称", "序号", "日期", "自定义列")),
        (4, ("", 1, "培训", 1, "2024-01-01", "x")),
    ]
    match = find_header(rows, LEDGER_COLUMNS)
    assert match.row == 3
    assert {c.field for c in match.columns.values()} == {"notes", "money", "title", "date"}
    assert match.index_of("date") == 4
    assert match.unit_of(match.index_of("money")) == "万元"
    assert match.unknown == [(5, "自定义列")]  # 序号 is known to be ignorable


def test_a_title_alone_is_not_a_header():
    assert find_header([(1, ("活动台账",)), (2, ("随便写的",))], LEDGER_COLUMNS) is None
