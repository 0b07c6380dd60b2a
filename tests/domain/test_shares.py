"""Shares of a whole to one decimal that add up to exactly 100 %."""

from decimal import Decimal

from hypothesis import assume, given
from hypothesis import strategies as st

from desktop.domain.shares import format_percent, percent, shares


def test_seed_000_expenditure_shares():
    assert shares([Decimal("764600.00"), Decimal("1432400.00")]) == [Decimal("34.8"), Decimal("65.2")]


def test_seed_000_income_shares():
    assert shares([Decimal("2197000.00"), Decimal("0.00")]) == [Decimal("100.0"), Decimal("0.0")]
    assert format_percent(Decimal("100.0")) == "100%"


def test_thirds_are_reconciled_to_100():
    assert shares([Decimal(1), Decimal(1), Decimal(1)]) == [Decimal("33.4"), Decimal("33.3"), Decimal("33.3")]
    # Largest remainder wins the missing tenth, not the first line.
    assert shares([Decimal(1), Decimal(2)]) == [Decimal("33.3"), Decimal("66.7")]


def test_nothing_to_share():
    assert shares([Decimal(0), Decimal(0)]) == [Decimal("0.0"), Decimal("0.0")]
    assert shares([]) == []
    assert shares([Decimal(5), Decimal(-1)]) == [Decimal("0.0"), Decimal("0.0")]


def test_percent():
    assert percent(Decimal("5378100"), Decimal("5705400")) == Decimal("94.26")
    assert percent(Decimal("764600"), Decimal("2197000"), places=1) == Decimal("34.8")
    assert percent(Decimal(1), Decimal(0)) is None


def test_format_percent():
    assert format_percent(Decimal("34.8")) == "34.8%"
    assert format_percent(Decimal("94.26")) == "94.26%"
    assert format_percent(Decimal("100.00")) == "100%"
    assert format_percent(Decimal("94.264"), places=2) == "94.26%"
    assert format_percent(None) == ""


parts = st.lists(
    st.decimals(min_value=Decimal(0), max_value=Decimal("9999999999999.99"), places=2), min_size=1, max_size=12
)


@given(parts)
def test_shares_add_to_exactly_100_and_stay_within_a_tenth(values):
    whole = sum(values, Decimal(0))
    assume(whole > 0)
    result = shares(values)
    assert sum(result, Decimal(0)) == Decimal("100.0")
    for value, share in zip(values, result):
        assert share == share.quantize(Decimal("0.1"))
        assert abs(share - value * 100 / whole) <= Decimal("0.1")
        assert share >= 0
