"""Money in 元 to the 分: what clerks type, how reports print 万元, and the storage form in 分."""

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.money import (
    MoneyError,
    fen_to_yuan,
    format_wan,
    format_yuan,
    parse_amount,
    plain_number,
    sum_amounts,
    to_yuan,
    yuan_to_fen,
    yuan_to_wan,
)

# Amounts as the exchange file allows them: up to 13 integer digits, to the 分.
amounts = st.decimals(min_value=Decimal("-999999999999.99"), max_value=Decimal("999999999999.99"), places=2)
FULLWIDTH = str.maketrans("0123456789.,-", "０１２３４５６７８９．，－")


# ------------------------------------------------------------------ the seeds' own figures


def test_seed_000_amounts_print_as_in_the_report():
    assert format_wan(Decimal("2197000.00")) == "219.7万元"
    assert format_wan(Decimal("0.00")) == "0万元"
    assert format_wan(Decimal("764600.00")) == "76.46万元"
    assert format_wan(Decimal("1432400.00")) == "143.24万元"
    assert format_wan(Decimal("5000.00")) == "0.5万元"
    assert format_wan(Decimal("10000.00")) == "1万元"


def test_seed_004_amounts_print_as_in_the_report():
    assert format_wan(Decimal("5705400.00")) == "570.54万元"
    assert format_wan(Decimal("5378100.00")) == "537.81万元"


def test_format_wan_prints_every_yuan_the_amount_has():
    assert format_wan(Decimal("14400.00")) == "1.44万元"
    assert format_wan(Decimal("899740.00")) == "89.974万元"  # not 89.97: 40 元 would be lost
    assert format_wan(Decimal("14449.99")) == "1.444999万元"
    assert format_wan(Decimal("-5000.00")) == "-0.5万元"
    assert format_wan(Decimal("40.00")) == "0.004万元"
    assert yuan_to_wan(Decimal("899740.00")) * 10000 == Decimal("899740")
    assert format_wan(None) == ""
    assert format_wan(Decimal("2197000"), suffix="") == "219.7"


def test_format_yuan_has_separators_and_fen():
    assert format_yuan(Decimal("14400")) == "14,400.00元"
    assert format_yuan(Decimal("2197000.5")) == "2,197,000.50元"
    assert format_yuan(None) == ""


def test_plain_number_drops_trailing_zeros():
    assert plain_number(Decimal("219.70")) == "219.7"
    assert plain_number(Decimal("0.00")) == "0"
    assert plain_number(Decimal("1E+3")) == "1000"
    assert plain_number(Decimal("100.0")) == "100"


# ------------------------------------------------------------------ parse_amount


@pytest.mark.parametrize(
    "typed, yuan",
    [
        ("2197000", "2197000.00"),
        ("219.7万元", "2197000.00"),
        ("219.7万", "2197000.00"),
        ("14400元", "14400.00"),
        ("1,432,400.00", "1432400.00"),
        (" 76.46 万元 ", "764600.00"),
        ("１２３", "123.00"),  # 全角 digits from a Chinese input method
        ("１，２３４．５６", "1234.56"),
        ("２１９．７万元", "2197000.00"),
        ("－５", "-5.00"),
        ("0", "0.00"),
        (".5", "0.50"),
        ("0.0001万元", "1.00"),
    ],
)
def test_parse_amount_takes_what_clerks_type(typed, yuan):
    assert parse_amount(typed) == Decimal(yuan)


def test_parse_amount_in_wan_by_argument():
    assert parse_amount("219.7", unit="万元") == Decimal("2197000.00")
    assert parse_amount("0.5", unit="万元") == Decimal("5000.00")


@pytest.mark.parametrize(
    "typed, words",
    [
        ("", "金额为空"),
        ("   ", "金额为空"),
        ("万元", "金额为空"),
        ("abc", "不是金额"),
        ("12万3", "不是金额"),
        ("--5", "不是金额"),
        ("1e3", "不是金额"),
        ("1_000", "不是金额"),
        ("NaN", "不是金额"),
        ("Infinity", "不是金额"),
        ("1.234", "精确到 0.01 元"),
        ("0.0000001万元", "精确到 0.01 元"),
        ("9" * 29, "超出了金额的范围"),
        ("10000000000000", "超出了金额的范围"),
        ("1000000000万元", "超出了金额的范围"),
    ],
)
def test_parse_amount_refuses_bad_input_in_chinese(typed, words):
    with pytest.raises(MoneyError) as caught:
        parse_amount(typed)
    assert words in str(caught.value)
    if typed.strip() not in ("", "万元"):
        assert typed in str(caught.value)  # the message quotes what was typed


def test_to_yuan_refuses_floats_and_garbage():
    with pytest.raises(MoneyError, match="浮点数"):
        to_yuan(219.7)
    with pytest.raises(MoneyError, match="不是金额"):
        to_yuan("两百元")
    with pytest.raises(MoneyError, match="不是金额"):
        to_yuan("NaN")
    with pytest.raises(MoneyError, match="范围"):
        to_yuan("1e40")
    assert to_yuan("0.005") == Decimal("0.01")  # half-up to the 分
    assert to_yuan(3) == Decimal("3.00")


def test_yuan_to_wan_and_fen():
    assert yuan_to_wan(Decimal("764600")) == Decimal("76.46")
    assert yuan_to_fen(Decimal("219.7")) == 21970
    assert fen_to_yuan(21970) == Decimal("219.70")


def test_sum_amounts_skips_what_was_not_entered():
    assert sum_amounts([Decimal("764600.00"), None, Decimal("1432400.00")]) == Decimal("2197000.00")
    assert sum_amounts([]) == Decimal("0.00")


# ------------------------------------------------------------------ properties


@given(amounts)
def test_yuan_fen_round_trip(amount):
    assert fen_to_yuan(yuan_to_fen(amount)) == amount
    assert to_yuan(str(amount)) == amount
    assert to_yuan(amount) == amount


@given(st.integers(min_value=-(10**14), max_value=10**14))
def test_fen_yuan_round_trip(fen):
    assert yuan_to_fen(fen_to_yuan(fen)) == fen


@given(amounts)
def test_format_wan_parses_back_to_the_exact_amount(amount):
    assert parse_amount(format_wan(amount)) == amount


@given(amounts)
def test_format_yuan_parses_back_exactly(amount):
    assert parse_amount(format_yuan(amount)) == amount


@given(amounts)
def test_fullwidth_typing_gives_the_same_amount(amount):
    assert parse_amount(f"{amount:,.2f}".translate(FULLWIDTH)) == amount
