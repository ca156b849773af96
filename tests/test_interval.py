"""Interval arithmetic: every x − y and x / y the two intervals allow, with open and unbounded ends kept."""

from __future__ import annotations

from decimal import Decimal

import pytest

from esgclaims import Interval, InvalidValueError, UnitError, parse_unit, quantity


def _interval(low: str | None, high: str | None, unit: str = "t", *, closed: str = "[]") -> Interval:
    return Interval(
        None if low is None else quantity(low, unit),
        None if high is None else quantity(high, unit),
        low_closed=closed[0] == "[",
        high_closed=closed[1] == "]",
        unit=parse_unit(unit),
    )


@pytest.mark.parametrize(
    ("a", "b", "quotient"),
    [
        (_interval("6", "6"), _interval("2", "3"), "[2, 3]"),
        (_interval("6", "6"), _interval("2", "3", closed="(]"), "[2, 3)"),
        (_interval("6", "6"), _interval("2", None, closed="(]"), "(0, 3)"),
        (_interval("0", "0"), _interval("1", None, closed="(]"), "[0]"),  # 0 / y is 0 for every y
        (_interval("0", "5"), _interval("1", "2", closed="(]"), "[0, 5)"),  # x = 0 reaches 0
        (_interval("0", "5", closed="(]"), _interval("1", "2"), "(0, 5]"),
        (_interval("1", "2"), _interval("0", "4"), "[0.25, ∞)"),  # a divisor of zero is left out
        (_interval("1", None), _interval("2", "4"), "[0.25, ∞)"),
    ],
)
def test_division_keeps_every_quotient_and_no_other(*, a: Interval, b: Interval, quotient: str) -> None:
    assert str(a / b) == quotient


def test_division_of_different_dimensions_gives_a_rate() -> None:
    sales = _interval("100000000000", "100000000000", "CNY")
    households = _interval("1000000", None, "household", closed="(]")
    assert repr(sales / households) == "Interval('(RMB 0 per household, RMB 100,000 per household)')"


@pytest.mark.parametrize(
    ("a", "b", "message"),
    [
        (_interval("1", "2"), _interval("0", "0"), "cannot divide by [0 t]: it allows only zero"),
        (_interval("-1", "2"), _interval("1", "2"), "division is defined here for non-negative intervals only"),
        (_interval(None, "2"), _interval("1", "2"), "division is defined here for non-negative intervals only"),
    ],
)
def test_division_refuses_zero_and_negative_intervals(*, a: Interval, b: Interval, message: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        a / b
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("a", "b", "difference"),
    [
        (_interval("5", "7"), _interval("1", "2"), "[3 t, 6 t]"),
        (_interval("5", "7", closed="(]"), _interval("1", "2"), "(3 t, 6 t]"),
        (_interval("5", None, closed="(]"), _interval("1", "2"), "(3 t, ∞)"),
        (_interval("5", None, closed="(]"), _interval("1", None, closed="(]"), "(\u2212∞, ∞)"),
        (_interval("1", "1"), _interval("1000", "1000", "kg"), "[0 t]"),
    ],
)
def test_subtraction_keeps_open_and_unbounded_ends(*, a: Interval, b: Interval, difference: str) -> None:
    assert str(a - b) == difference
    assert -(a - b) == b - a


def test_an_unbounded_difference_keeps_its_unit() -> None:
    anything = _interval("5", None, closed="(]") - _interval("1", None, closed="(]")
    assert anything.units == parse_unit("t")
    assert (-anything).units == parse_unit("t")
    assert anything.to(parse_unit("kg")).units == parse_unit("kg")


def test_an_interval_without_bounds_or_unit_is_refused() -> None:
    with pytest.raises(InvalidValueError) as caught:
        Interval(None, None)
    assert str(caught.value) == "an interval unbounded at both ends needs its unit"


def test_an_unbounded_end_is_open_however_it_was_given() -> None:
    more = Interval(quantity(3, "item"), None, low_closed=False, high_closed=True)
    assert more.high_closed is False
    assert more == Interval(quantity(3, "item"), None, low_closed=False, high_closed=False)


def test_bounds_in_two_units_of_one_dimension_are_kept_in_the_unit_of_low() -> None:
    interval = Interval(quantity(1, "t"), quantity(1500, "kg"))
    assert interval.high == quantity("1.5", "t")
    assert str(interval.high.units) == "tonne"


def test_bounds_of_two_dimensions_are_refused() -> None:
    with pytest.raises(UnitError) as caught:
        Interval(quantity(1, "t"), quantity(2, "CNY"))
    assert str(caught.value) == "interval bounds of different dimensions: tonne and CNY"


def test_an_interval_converts_only_within_its_dimension() -> None:
    assert _interval("1", "2").to(parse_unit("kg")) == _interval("1000", "2000", "kg")
    with pytest.raises(UnitError) as caught:
        _interval("1", "2").to(parse_unit("CNY"))
    assert str(caught.value) == "cannot express [1 t, 2 t] in CNY: the dimensions differ"


def test_scaling_takes_a_positive_factor_only() -> None:
    assert _interval("1", "2").scaled(Decimal(3)) == _interval("3", "6")
    with pytest.raises(InvalidValueError) as caught:
        _interval("1", "2").scaled(Decimal(-1))
    assert str(caught.value) == "an interval is scaled by a positive factor, got -1"


def test_to_its_own_unit_is_the_interval_itself() -> None:
    interval = _interval("19.77", "20.1", "million * CNY")
    assert interval.to(parse_unit("million * CNY")) is interval


def test_a_difference_across_scales_is_exact_in_the_unit_of_the_first() -> None:
    millions = Interval(quantity("19.77", "million * CNY"), quantity("20.1", "million * CNY"))
    yuan = Interval(quantity("3000000", "CNY"), None)
    assert (repr(millions - yuan), repr((millions - yuan).high)) == (
        "Interval('(−∞, RMB 17,100,000]')",
        "<Quantity(17.100000, 'million * CNY')>",
    )
    assert (repr(yuan - millions), repr((yuan - millions).low)) == (
        "Interval('[−RMB 17,100,000, ∞)')",
        "<Quantity(-17100000.0, 'CNY')>",
    )
    assert repr((-(millions - yuan)).low) == "<Quantity(-17.100000, 'million * CNY')>"
