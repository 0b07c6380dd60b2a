"""Cell values as clerks type them: dates, counts and amounts."""

from datetime import date, datetime
from decimal import Decimal

import pytest

from desktop.excel.parse import CellError, cell_text, normalise_text, parse_count, parse_date, parse_money


@pytest.mark.parametrize("value", [
    "2024-03-08", "2024-3-8", "2024.3.8", "2024.03.08", "2024/3/8", "2024年3月8日", "2024年3月8号", " 2024 年 3 月 8 日 ",
    "２０２４－０３－０８", "20240308", 20240308, 45359, 45359.0, datetime(2024, 3, 8), date(2024, 3, 8),
    "2024-03-08 00:00:00",
])
def test_dates_in_the_forms_clerks_type(value):
    assert parse_date(value, 2024) == date(2024, 3, 8)


def test_month_and_day_alone_take_the_report_year():
    assert parse_date("3月8日", 2023) == date(2023, 3, 8)
    with pytest.raises(CellError):
        parse_date("3月8日")


@pytest.mark.parametrize("value", ["2024-02-30", "2024-13-01", "三月八日", "abc", 3, 1.5, True, "2024-03"])
def test_what_is_not_a_date_says_so_and_how_to_fix_it(value):
    with pytest.raises(CellError) as caught:
        parse_date(value, 2024)
    assert "日期" in caught.value.message + caught.value.hint
    assert "2024-03-08" in caught.value.hint


def test_amounts_in_yuan_and_wan_are_exact():
    assert parse_money(0.1) == Decimal("0.10")
    assert parse_money(1234.56) == Decimal("1234.56")
    assert parse_money(219.7, "万元") == Decimal("2197000.00")
    assert parse_money(0.0001, "万元") == Decimal("1.00")
    assert parse_money("1,234.5") == Decimal("1234.50")
    assert parse_money("１２３") == Decimal("123.00")
    assert parse_money("1.5万元") == Decimal("15000.00")
    assert parse_money("14400元") == Decimal("14400.00")
    assert parse_money(3) == Decimal("3.00")


@pytest.mark.parametrize("value,unit,word", [
    ("约100", "元", "不是金额"), ("一百", "元", "不是金额"), (-3, "元", "负数"), (1.234, "元", "精度"),
    ("1.234", "元", "精度"), (0.0000001, "万元", "精度"), (True, "元", "不是金额"), (1e20, "元", "不合常理"),
])
def test_bad_amounts(value, unit, word):
    with pytest.raises(CellError) as caught:
        parse_money(value, unit)
    assert word in caught.value.message
    assert caught.value.hint


def test_counts():
    assert parse_count(180) == 180
    assert parse_count(180.0) == 180
    assert parse_count("180人次") == 180
    assert parse_count("1,200") == 1200
    assert parse_count("１８０") == 180
    for bad in ("600余", "三十", 2.5, -1, "1e3x", True):
        with pytest.raises(CellError):
            parse_count(bad)


def test_text_helpers():
    assert normalise_text(" 参 与　人次（元） ") == "参与人次(元)"
    assert cell_text(12.0) == "12"
    assert cell_text(datetime(2024, 3, 8)) == "2024-03-08"
    assert cell_text(None) == ""
