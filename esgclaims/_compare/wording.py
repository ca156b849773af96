"""Intervals as words a person reads: "less than RMB 100,000 per household", "between 8.986% and 10.99%"."""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import TYPE_CHECKING

from esgclaims._decimal import exact
from esgclaims._format import format_quantity
from esgclaims._interval import Interval
from esgclaims._units import DIMENSIONLESS, PERCENT, is_share, parse_unit, plain, unit_powers, ureg

if TYPE_CHECKING:
    from esgclaims._units import Quantity

__all__ = ["difference_words", "interval_words", "ratio_words"]


@exact
def _readable(interval: Interval) -> Interval:
    """Dimensionless ratios read as percent or as a multiple."""
    if interval.units.dimensionality or interval.units == PERCENT:
        return interval
    bound = interval.high if interval.high is not None else interval.low
    if bound is not None and bound.magnitude < 10:
        return interval.to(PERCENT)
    return interval


@exact
def _round(value: Quantity, rounding: str, digits: int) -> Quantity:
    magnitude = Decimal(value.magnitude)
    if magnitude == 0:
        return value
    exponent = magnitude.adjusted() - digits + 1
    rounded = magnitude.scaleb(-exponent).quantize(Decimal(1), rounding=rounding).scaleb(exponent)
    return ureg.Quantity(plain(rounded), value.units)


@exact
def _per_year(interval: Interval) -> Interval | None:
    """The interval times a year, when its unit is a rate per year: RMB per year → RMB."""
    if unit_powers(interval.units).get("year") != -1:
        return None
    return interval.scaled(Decimal(1), interval.units * parse_unit("year"))


def _significant_digits(number: Decimal) -> int:
    return len(number.normalize().as_tuple().digits)


@exact
def interval_words(interval: Interval, digits: int = 4, *, signed: bool = False) -> str:
    """An interval as words: "less than RMB 100,000 per household", "between 8.986% and 10.99%".

    Bounds are rounded outward to ``digits`` significant digits, so the words never
    claim more than the interval does; a single value with more digits than that
    after the point is shown as the two roundings either side. A bound below zero
    has a minus sign before its currency ("−RMB 5"); with ``signed``, a bound above
    zero has a plus sign ("+RMB 5"), for a change that may go either way.

    Examples:
        >>> from esgclaims import Interval, quantity
        >>> counties = Interval(quantity("110", "county"), quantity("110", "county"))
        >>> cities = Interval(quantity("90", "city"), quantity("90", "city"))
        >>> interval_words(counties / cities)
        'between 1.222 counties per city and 1.223 counties per city'
    """
    interval = interval.unscaled()
    yearly = _per_year(interval)
    if yearly is not None:
        return interval_words(yearly, digits, signed=signed) + " a year"

    def text(value: Quantity) -> str:
        plus = "+" if signed and value.magnitude > 0 else ""
        return plus + format_quantity(value)

    def low_text() -> str:
        assert interval.low is not None  # noqa: S101
        return text(_round(interval.low, ROUND_FLOOR, digits))

    def high_text() -> str:
        assert interval.high is not None  # noqa: S101
        return text(_round(interval.high, ROUND_CEILING, digits))

    if interval.is_point:
        assert interval.low is not None  # noqa: S101 - a point has both bounds
        point: Decimal = interval.low.magnitude
        if point == point.to_integral_value() or _significant_digits(point) <= digits:
            return text(interval.low)
        return f"between {low_text()} and {high_text()}"
    if interval.high is None:
        if interval.low is None:
            return "any value"
        return ("at least " if interval.low_closed else "more than ") + low_text()
    if interval.low is None or interval.low.magnitude == 0:
        return ("at most " if interval.high_closed else "less than ") + high_text()
    return f"between {low_text()} and {high_text()}"


@exact
def _signed(interval: Interval) -> bool:
    """Whether an interval allows values both below and above zero, so a bound above zero needs its "+"."""
    below = interval.low is None or interval.low.magnitude < 0
    above = interval.high is None or interval.high.magnitude > 0
    return below and above


@exact
def difference_words(difference: Interval, digits: int = 4) -> str:
    """A difference as a signed change: "between −RMB 200,300,000 and −RMB 160,200,000".

    The minus sign (U+2212) comes before the currency; a bound above zero carries a
    "+" when the difference may also be negative. A difference of shares is in
    percentage points: 85 % − 80 % is 5 percentage points, not 5 %.

    Examples:
        >>> from esgclaims import Interval, quantity
        >>> difference_words(Interval(quantity(-200230000, "CNY"), quantity(-160230000, "CNY")))
        'between −RMB 200,300,000 and −RMB 160,200,000'
        >>> difference_words(Interval(quantity(-20, "percent"), quantity(20, "percent")))
        'between −20 and +20 percentage points'
    """
    if difference.low is None and difference.high is None:
        return "any value"
    if is_share(difference.units) and difference.units != DIMENSIONLESS:
        percent = difference.to(PERCENT)

        def points(bound: Quantity | None) -> Quantity | None:
            return None if bound is None else ureg.Quantity(bound.magnitude, DIMENSIONLESS)

        bare = Interval(points(percent.low), points(percent.high), percent.low_closed, percent.high_closed)
        one = bare.is_point and bare.low is not None and abs(bare.low.magnitude) == 1
        return f"{difference_words(bare, digits)} percentage point{'' if one else 's'}"
    return interval_words(difference, digits, signed=_signed(difference))


@exact
def ratio_words(ratio: Interval, digits: int = 4) -> str:
    """A quotient as words: a pure number below 10 in percent, above it as a multiple; else in its unit.

    Examples:
        >>> from esgclaims import Interval, quantity
        >>> ratio_words(Interval(quantity("9.104", "dimensionless"), quantity("11.13", "dimensionless")))
        'between 9.104 and 11.13 times'
        >>> ratio_words(Interval(quantity("0.0898", "dimensionless"), quantity("0.1099", "dimensionless")))
        'between 8.98% and 10.99%'
    """
    readable = _readable(ratio)
    words = interval_words(readable, digits)
    if readable.units == DIMENSIONLESS and (readable.low is not None or readable.high is not None):
        return f"{words} times"
    return words
