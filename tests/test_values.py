"""Reported values: each qualifier's interval, tolerance, precision, and the values that cannot exist."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings

from esgclaims import (
    DEFAULT_TOLERANCE,
    Interval,
    InvalidValueError,
    Qualifier,
    ReportedValue,
    UnitError,
    parse_value,
    quantity,
)
from esgclaims._values import figure_bounds
from tests.strategies import reported_values


@pytest.mark.parametrize(
    ("qualifier", "amount", "unit", "upper", "interval", "low", "high"),
    [
        (Qualifier.EXACT, "5", "household", None, "[5 households]", "5", "5"),
        (
            Qualifier.APPROXIMATELY,
            "200000000",
            "CNY",
            None,
            "[RMB 180,000,000, RMB 220,000,000]",
            "180000000",
            "220000000",
        ),
        (Qualifier.MORE_THAN, "3000000", "item", None, "(3,000,000 items, ∞)", "3000000", None),
        (Qualifier.AT_LEAST, "10", "city", None, "[10 cities, ∞)", "10", None),
        (Qualifier.LESS_THAN, "5", "t", None, "[0 t, 5 t)", "0", "5"),
        (Qualifier.AT_MOST, "200", "village", None, "[0 villages, 200 villages]", "0", "200"),
        (Qualifier.RANGE, "100", "household", "200", "[100 households, 200 households]", "100", "200"),
        (Qualifier.ORDER_OF_MAGNITUDE, "10000", "farm", "100000", "[10,000 farms, 100,000 farms)", "10000", "100000"),
        # a share never exceeds 100 %
        (Qualifier.MORE_THAN, "80", "percent", None, "(80%, 100%]", "80", "100"),
        (Qualifier.AT_LEAST, "80", "percent", None, "[80%, 100%]", "80", "100"),
        (Qualifier.APPROXIMATELY, "95", "percent", None, "[85.5%, 100%]", "85.5", "100"),
        (Qualifier.LESS_THAN, "5", "percent", None, "[0%, 5%)", "0", "5"),
        # a bare ratio is not a share
        (Qualifier.MORE_THAN, "5", "dimensionless", None, "(5, ∞)", "5", None),
    ],
)
def test_each_qualifier_gives_its_interval(
    *, qualifier: Qualifier, amount: str, unit: str, upper: str | None, interval: str, low: str, high: str | None
) -> None:
    value = ReportedValue.of(amount, unit, qualifier, upper=upper)
    assert str(value.interval) == interval
    assert value.low == quantity(low, unit)
    assert str(value.low.magnitude) == low  # exact and plain: 180000000, not 180000000.0
    assert value.high == (None if high is None else quantity(high, unit))


def _ends(interval: Interval) -> tuple[str | None, bool, str | None, bool]:
    low, high = interval.low, interval.high
    return (
        None if low is None else repr(low.magnitude),
        interval.low_closed,
        None if high is None else repr(high.magnitude),
        interval.high_closed,
    )


def _shown(bounds: tuple[Decimal | None, bool, Decimal | None, bool]) -> tuple[str | None, bool, str | None, bool]:
    low, low_closed, high, high_closed = bounds
    return (None if low is None else repr(low), low_closed, None if high is None else repr(high), high_closed)


@pytest.mark.parametrize(
    ("qualifier", "amount", "unit", "upper", "bounds"),
    [
        (Qualifier.EXACT, "5", "household", None, ("5", True, "5", True)),
        (Qualifier.APPROXIMATELY, "19.77", "CNY", None, ("17.793", True, "21.747", True)),
        (Qualifier.APPROXIMATELY, "95", "percent", None, ("85.5", True, "100", True)),
        (Qualifier.APPROXIMATELY, "950", "permille", None, ("855", True, "1000", True)),
        (Qualifier.MORE_THAN, "3000000", "item", None, ("3000000", False, None, False)),
        (Qualifier.MORE_THAN, "80", "percent", None, ("80", False, "100", True)),
        (Qualifier.AT_LEAST, "80", "permille", None, ("80", True, "1000", True)),
        (Qualifier.AT_LEAST, "10", "city", None, ("10", True, None, False)),
        (Qualifier.LESS_THAN, "5", "t", None, ("0", True, "5", False)),
        (Qualifier.AT_MOST, "0", "t", None, ("0", True, "0", True)),
        (Qualifier.RANGE, "100", "household", "200", ("100", True, "200", True)),
        (Qualifier.ORDER_OF_MAGNITUDE, "10000", "farm", "100000", ("10000", True, "100000", False)),
    ],
)
def test_figure_bounds_are_the_interval_ends_as_plain_figures_whether_or_not_it_was_worked_out(
    qualifier: Qualifier, amount: str, unit: str, upper: str | None, bounds: tuple[str | None, bool, str | None, bool]
) -> None:
    expected = tuple(f"Decimal('{end}')" if isinstance(end, str) else end for end in bounds)
    fresh, worked_out = (ReportedValue.of(amount, unit, qualifier, upper=upper) for _ in range(2))
    assert _shown(figure_bounds(fresh)) == expected  # from the figures alone
    assert fresh._interval is None
    assert _ends(worked_out.interval) == expected
    assert _shown(figure_bounds(worked_out)) == expected  # read from the interval


@settings(deadline=None)
@given(reported_values())
def test_figure_bounds_are_the_same_read_before_or_after_the_interval_is_worked_out(value: ReportedValue) -> None:
    fresh = attrs.evolve(value)
    assert _shown(figure_bounds(fresh)) == _ends(value.interval)


@pytest.mark.parametrize(
    ("qualifier", "amount", "unit", "upper", "inside", "outside"),
    [
        (Qualifier.EXACT, "5", "t", None, ["5"], ["4.99", "5.01"]),
        (Qualifier.APPROXIMATELY, "100", "t", None, ["90", "110"], ["89.99", "110.01"]),
        (Qualifier.MORE_THAN, "100", "t", None, ["100.001", "1E+12"], ["100"]),
        (Qualifier.AT_LEAST, "100", "t", None, ["100", "1E+12"], ["99.99"]),
        (Qualifier.LESS_THAN, "100", "t", None, ["0", "99.99"], ["100"]),
        (Qualifier.AT_MOST, "100", "t", None, ["0", "100"], ["100.01"]),
        (Qualifier.RANGE, "1", "t", "2", ["1", "2"], ["0.99", "2.01"]),
        (Qualifier.ORDER_OF_MAGNITUDE, "10000", "t", "100000", ["10000", "99999"], ["9999", "100000"]),
        (Qualifier.MORE_THAN, "80", "percent", None, ["80.01", "100"], ["80", "100.01"]),
    ],
)
def test_interval_ends_are_open_or_closed_as_the_qualifier_says(
    *, qualifier: Qualifier, amount: str, unit: str, upper: str | None, inside: list[str], outside: list[str]
) -> None:
    interval = ReportedValue.of(amount, unit, qualifier, upper=upper).interval
    assert all(interval.contains(quantity(number, unit)) for number in inside)
    assert not any(interval.contains(quantity(number, unit)) for number in outside)


def test_interval_compares_across_units_of_one_dimension() -> None:
    interval = ReportedValue.of("1", "t", Qualifier.MORE_THAN).interval
    assert interval.contains(quantity("1001", "kg"))
    assert not interval.contains(quantity("1000", "kg"))


# --- tolerance ----------------------------------------------------------------------------


def test_approximately_has_a_default_tolerance_of_ten_percent_shown_in_repr() -> None:
    value = ReportedValue.of("200", "t", "approximately")
    assert Decimal("0.1") == DEFAULT_TOLERANCE
    assert value.tolerance == DEFAULT_TOLERANCE
    assert repr(value) == "ReportedValue('around 200 t (±10%)')"


def test_approximately_takes_a_configured_tolerance() -> None:
    value = ReportedValue.of("200", "t", "approximately", tolerance="0.05")
    assert value.tolerance == Decimal("0.05")
    assert repr(value) == "ReportedValue('around 200 t (±5%)')"
    assert str(value.interval) == "[190 t, 210 t]"


def test_tolerance_survives_a_change_of_unit() -> None:
    value = ReportedValue.of("200", "t", "approximately", tolerance="0.05").to("kg")
    assert repr(value) == "ReportedValue('around 200,000 kg (±5%)')"
    assert str(value.interval) == "[190,000 kg, 210,000 kg]"


# --- precision ---------------------------------------------------------------------------


def test_precision_is_kept_and_widens_the_rounding_interval() -> None:
    value = ReportedValue.of("19770000", "CNY", precision="10000")
    assert value.precision == Decimal("10000")
    assert str(value.interval) == "[RMB 19,770,000]"
    assert str(value.rounding_interval()) == "[RMB 19,765,000, RMB 19,775,000]"


def test_precision_scales_with_a_change_of_unit() -> None:
    value = ReportedValue.of("1.5", "t", precision="0.1").to("kg")
    assert value.reported == quantity("1500", "kg")
    assert value.precision == Decimal("100")
    assert str(value.rounding_interval()) == "[1,450 kg, 1,550 kg]"


def test_rounding_interval_never_goes_below_zero() -> None:
    value = ReportedValue.of("3", "t", Qualifier.LESS_THAN, precision="10")
    assert str(value.rounding_interval()) == "[0 t, 8 t)"


def test_reported_figures_are_exact_decimals() -> None:
    value = ReportedValue.of(19.77, "CNY")
    assert value.reported.magnitude == Decimal("19.77")
    assert isinstance(value.reported.magnitude, Decimal)


# --- reading and equality --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (ReportedValue.of("3000000", "item", "more_than"), "more than 3,000,000 items"),
        (ReportedValue.of("10", "city", "at_least"), "at least 10 cities"),
        (ReportedValue.of("5", "percent", "less_than"), "less than 5%"),
        (ReportedValue.of("200", "village", "at_most"), "at most 200 villages"),
        (ReportedValue.of("1", "t", "range", upper="3"), "1 t to 3 t"),
        (ReportedValue.of("10000", "farm", "order_of_magnitude", upper="100000"), "tens of thousands of farms"),
        (ReportedValue.of("2", "farm", "order_of_magnitude", upper="9"), "2 farms to under 9 farms"),
        (ReportedValue.of("5", "RMB/household"), "RMB 5 per household"),
    ],
)
def test_a_value_reads_as_a_report_writes_it(value: ReportedValue, text: str) -> None:
    assert str(value) == text
    assert repr(value) == f"ReportedValue({text!r})"


def test_qualifier_accepts_its_value_string() -> None:
    assert ReportedValue.of("1", "t", "more_than").qualifier is Qualifier.MORE_THAN
    assert repr(Qualifier.MORE_THAN) == "Qualifier.MORE_THAN"


@pytest.mark.parametrize(
    ("text", "reads"),
    [
        ("tens of thousands of farms", "tens of thousands of farms"),
        ("hundreds of households", "hundreds of households"),
        ("millions of people", "millions of people"),
        # a currency comes first, as in "around RMB 200,000,000 (±10%)"
        ("hundreds of millions of yuan", "RMB hundreds of millions"),
        ("tens of billions of RMB", "RMB tens of billions"),
        ("hundreds of thousands of US dollars", "US$ hundreds of thousands"),
        ("thousands of RMB per household", "RMB thousands per household"),
        ("several million RMB", "RMB several million"),
        # "several", "a few" and "dozens" are not powers of ten
        ("several thousand households", "several thousand households"),
        ("a few hundred households", "a few hundred households"),
        ("several households", "several households"),
        ("dozens of households", "dozens of households"),
        ("dozens of thousands of farms", "dozens of thousands of farms"),
        # a unit with a plural name is written out
        ("thousands of tonnes", "thousands of tonnes"),
        ("several percent", "several percent"),
        ("tens of thousands", "tens of thousands"),
    ],
)
def test_an_order_of_magnitude_reads_as_words_that_parse_back(text: str, reads: str) -> None:
    value = parse_value(text)
    assert value.qualifier is Qualifier.ORDER_OF_MAGNITUDE
    assert str(value) == reads
    assert parse_value(reads) == value


@pytest.mark.parametrize(
    ("value", "text"),
    [
        # before: "hundreds of 1,000" and "RMB 100 to under RMB 1,000" (a figure in millions read as yuan)
        (ReportedValue.of("100", "million*CNY", "order_of_magnitude", upper="1000"), "RMB hundreds of millions"),
        (
            ReportedValue.of("10", "thousand*household", "order_of_magnitude", upper="100"),
            "tens of thousands of households",
        ),
        (ReportedValue.of("19.77", "million*CNY"), "RMB 19,770,000"),
        (ReportedValue.of("110", "thousand*household", "more_than"), "more than 110,000 households"),
        (ReportedValue.of("1", "million*CNY", "range", upper="2"), "RMB 1,000,000 to RMB 2,000,000"),
    ],
)
def test_a_figure_in_thousands_or_millions_reads_in_full(value: ReportedValue, text: str) -> None:
    assert str(value) == text


def test_values_of_different_currencies_are_unequal_not_an_error() -> None:
    assert ReportedValue.of("1", "CNY") != ReportedValue.of("1", "USD")


def test_equal_values_in_different_units_hash_alike() -> None:
    assert ReportedValue.of("1", "t") == ReportedValue.of("1000", "kg")
    assert hash(ReportedValue.of("1", "t")) == hash(ReportedValue.of("1000", "kg"))


# --- values that cannot exist --------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "unit", "qualifier", "upper", "tolerance", "message"),
    [
        ("-1", "t", "exact", None, None, "a reported figure cannot be negative, got -1"),
        ("NaN", "t", "exact", None, None, "expected a finite number, got NaN"),
        (float("nan"), "t", "exact", None, None, "expected a finite number, got nan"),
        (float("inf"), "t", "exact", None, None, "expected a finite number, got inf"),
        ("sNaN", "t", "exact", None, None, "expected a finite number, got sNaN"),
        ("5", "item", "range", "1", None, "inverted bounds: upper 1 item is not above 5 items"),
        ("5", "item", "range", "5", None, "inverted bounds: upper 5 items is not above 5 items"),
        ("5", "item", "range", "-9", None, "inverted bounds: upper −9 items is not above 5 items"),
        ("10", "farm", "order_of_magnitude", "10", None, "inverted bounds: upper 10 farms is not above 10 farms"),
        (
            "1",
            "t",
            "bogus",
            None,
            None,
            (
                "unknown qualifier 'bogus'; expected one of exact, approximately, more_than, "
                "at_least, less_than, at_most, range, order_of_magnitude"
            ),
        ),
        ("1", "t", "approximately", None, "0", "tolerance must lie between 0 and 1, got 0"),
        ("1", "t", "approximately", None, "1", "tolerance must lie between 0 and 1, got 1"),
        ("1", "t", "approximately", None, "-0.1", "tolerance must lie between 0 and 1, got -0.1"),
        ("1", "t", "approximately", None, "1.5", "tolerance must lie between 0 and 1, got 1.5"),
        ("1", "t", "approximately", None, "NaN", "expected a finite number, got NaN"),
        ("1", "t", "exact", None, "0.1", "only approximately takes a tolerance, not exact"),
        ("101", "percent", "exact", None, None, "a share cannot exceed 100%, got 101%"),
        ("80", "percent", "range", "120", None, "a share cannot exceed 100%, got 120%"),
        ("20", "percent", "order_of_magnitude", "200", None, "a share cannot exceed 100%, got 200%"),
        ("100", "percent", "more_than", None, None, "no share is more than 100%"),
        ("0", "t", "less_than", None, None, "no figure is less than 0 t"),
        ("1", "t", "range", None, None, "a range value needs an upper bound"),
        ("1", "t", "order_of_magnitude", None, None, "an order_of_magnitude value needs an upper bound"),
        ("1", "t", "more_than", "5", None, "only range and order_of_magnitude take an upper bound, not more_than"),
    ],
)
def test_values_that_cannot_exist_raise_invalid_value_error(
    *, amount: object, unit: str, qualifier: str, upper: str | None, tolerance: str | None, message: str
) -> None:
    with pytest.raises(InvalidValueError) as caught:
        ReportedValue.of(amount, unit, qualifier, upper=upper, tolerance=tolerance)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("precision", "message"),
    [("0", "precision must be positive, got 0"), ("-10", "precision must be positive, got -10")],
)
def test_precision_must_be_positive(precision: str, message: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        ReportedValue.of("1", "t", precision=precision)
    assert str(caught.value) == message


def test_a_range_in_two_dimensions_raises_unit_error() -> None:
    with pytest.raises(UnitError) as caught:
        ReportedValue(quantity(1, "t"), Qualifier.RANGE, upper=quantity(5, "household"))
    assert str(caught.value) == "upper bound household does not fit tonne"


def test_a_value_needs_a_quantity() -> None:
    with pytest.raises(InvalidValueError) as caught:
        ReportedValue(5)
    assert str(caught.value) == "expected a quantity of esgclaims.ureg, got int"


def test_an_empty_interval_raises_invalid_value_error() -> None:
    with pytest.raises(InvalidValueError) as caught:
        Interval(quantity(5, "t"), quantity(5, "t"), low_closed=False)
    assert str(caught.value) == "empty interval: 5 t to 5 t"
