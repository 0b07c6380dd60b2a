"""Scores of the 自评表: execution, each indicator kind, qualitative bands, rescaling, grades."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.scoring import (
    Attainment,
    Grade,
    GradeBand,
    IndicatorKind,
    execution_rate,
    execution_score,
    grade_for,
    qualitative_band,
    quantitative_score,
    rescaled_total,
    target_met,
)

D = Decimal
QUANTITATIVE = [IndicatorKind.AT_LEAST, IndicatorKind.AT_MOST, IndicatorKind.EQUAL]
# Bands as a rule set gives them (the program's own are in resources/rulesets/, tested in tests/test_policy.py).
BANDS = (GradeBand(D("60"), Grade.FAIR), GradeBand(D("90"), Grade.EXCELLENT), GradeBand(D("0"), Grade.POOR),
         GradeBand(D("80"), Grade.GOOD))


def test_seed_004_execution_rate_is_against_the_adjusted_budget():
    assert execution_rate(D("5378100.00"), D("5705400.00")) == D("94.26")
    assert execution_score(D("94.26"), D("10")) == D("9.43")


def test_execution_score_76_percent_of_10_is_7_6():
    assert execution_score(D("76"), D("10")) == D("7.60")


def test_execution_score_is_capped_at_100_percent_and_floored_at_0():
    assert execution_score(D("120"), D("10")) == D("10.00")
    assert execution_score(D("-5"), D("10")) == D("0.00")
    assert execution_score(None, D("10")) is None
    assert execution_rate(None, D("1")) is None
    assert execution_rate(D("1"), D("0")) is None


def test_at_least():
    assert quantitative_score(IndicatorKind.AT_LEAST, D("90"), D("95"), D("10")) == D("10.00")
    assert quantitative_score(IndicatorKind.AT_LEAST, D("90"), D("90"), D("10")) == D("10.00")
    assert quantitative_score(IndicatorKind.AT_LEAST, D("90"), D("85"), D("10")) == D("9.44")
    assert quantitative_score(IndicatorKind.AT_LEAST, D("180"), D("90"), D("20")) == D("10.00")
    assert quantitative_score(IndicatorKind.AT_LEAST, D("90"), D("-3"), D("10")) == D("0.00")


def test_at_most_falls_linearly_to_zero_at_twice_the_target():
    assert quantitative_score(IndicatorKind.AT_MOST, D("10"), D("8"), D("10")) == D("10.00")
    assert quantitative_score(IndicatorKind.AT_MOST, D("10"), D("15"), D("10")) == D("5.00")
    assert quantitative_score(IndicatorKind.AT_MOST, D("10"), D("20"), D("10")) == D("0.00")
    assert quantitative_score(IndicatorKind.AT_MOST, D("10"), D("35"), D("10")) == D("0.00")
    assert quantitative_score(IndicatorKind.AT_MOST, D("0"), D("1"), D("10")) == D("0.00")


def test_equal():
    assert quantitative_score(IndicatorKind.EQUAL, D("100"), D("100"), D("10")) == D("10.00")
    assert quantitative_score(IndicatorKind.EQUAL, D("100"), D("90"), D("10")) == D("9.00")
    assert quantitative_score(IndicatorKind.EQUAL, D("100"), D("250"), D("10")) == D("0.00")
    assert quantitative_score(IndicatorKind.EQUAL, D("0"), D("1"), D("10")) == D("0.00")


def test_qualitative_has_no_formula():
    with pytest.raises(ValueError):
        quantitative_score(IndicatorKind.QUALITATIVE, D("1"), D("1"), D("10"))
    with pytest.raises(ValueError):
        target_met(IndicatorKind.QUALITATIVE, D("1"), D("1"))


def test_target_met():
    assert target_met(IndicatorKind.AT_LEAST, D("90"), D("90"))
    assert not target_met(IndicatorKind.AT_LEAST, D("90"), D("89.9"))
    assert target_met(IndicatorKind.AT_MOST, D("5"), D("5"))
    assert not target_met(IndicatorKind.AT_MOST, D("5"), D("6"))
    assert target_met(IndicatorKind.EQUAL, D("100"), D("100.0"))


def test_qualitative_bands():
    assert qualitative_band(Attainment.ACHIEVED, D("10")) == (D("8.00"), D("10.00"))
    assert qualitative_band(Attainment.PARTLY, D("10")) == (D("6.00"), D("8.00"))
    assert qualitative_band(Attainment.NOT_ACHIEVED, D("10")) == (D("0.00"), D("6.00"))
    assert qualitative_band(Attainment.PARTLY, D("15")) == (D("9.00"), D("12.00"))


def test_kind_symbols():
    assert [k.symbol for k in IndicatorKind] == ["≥", "≤", "＝", "定性"]


def test_total_of_a_full_table_is_the_sum():
    rows = [(D("9.43"), D("10")), (D("48"), D("50")), (D("30"), D("30")), (D("10"), D("10"))]
    assert rescaled_total(rows, D("100")) == D("97.43")


def test_indicators_that_do_not_apply_are_dropped_and_the_rest_rescaled_to_100():
    # 效益 (30) does not apply: 10 + 50 + 10 = 70 points remain, scaled up to 100.
    rows = [(D("10"), D("10")), (D("45"), D("50")), (D("8"), D("10"))]
    assert rescaled_total(rows, D("100")) == D("90.00")
    assert rescaled_total([(D("1"), D("3"))], D("100")) == D("33.33")
    assert rescaled_total([], D("100")) == D("0.00")


def test_grades_follow_the_bands_given_in_any_order():
    assert grade_for(D("98"), BANDS) is Grade.EXCELLENT and Grade.EXCELLENT.value == "优"
    assert [grade_for(D(x), BANDS).value for x in ("90", "89.99", "80", "79.99", "60", "59.99", "0", "-1")] == [
        "优", "良", "良", "中", "中", "差", "差", "差",
    ]
    assert grade_for(D("85"), (GradeBand(D("85"), Grade.EXCELLENT), GradeBand(D("0"), Grade.POOR))) is Grade.EXCELLENT


# ------------------------------------------------------------------ properties

values = st.decimals(min_value=D("-100000"), max_value=D("100000"), places=2)
weights = st.decimals(min_value=D("0"), max_value=D("100"), places=2)


@given(st.sampled_from(QUANTITATIVE), values, values, weights)
def test_a_score_stays_between_0_and_its_weight(kind, target, actual, weight):
    score = quantitative_score(kind, target, actual, weight)
    assert D(0) <= score <= weight
    if target_met(kind, target, actual):
        assert score == weight


@given(values, weights)
def test_execution_score_never_exceeds_its_weight(rate, weight):
    score = execution_score(rate, weight)
    assert D(0) <= score <= weight


RANK = {Grade.POOR: 0, Grade.FAIR: 1, Grade.GOOD: 2, Grade.EXCELLENT: 3}


@given(st.decimals(min_value=D(0), max_value=D(100), places=2), st.decimals(min_value=D(0), max_value=D(100), places=2))
def test_grade_is_monotone_in_the_total(a, b):
    low, high = sorted((a, b))
    assert RANK[grade_for(low, BANDS)] <= RANK[grade_for(high, BANDS)]


@given(st.lists(st.tuples(st.integers(0, 100), st.integers(1, 50)), min_size=1, max_size=10))
def test_rescaled_total_never_exceeds_full_marks(rows):
    rows = [(D(min(s, w)), D(w)) for s, w in rows]  # each score within its weight
    assert D(0) <= rescaled_total(rows, D(100)) <= D(100)

