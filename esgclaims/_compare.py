"""Comparing two claims, and figures derived from them, with their uncertainty carried through.

Every result is an interval that follows from both claims' qualifiers: "RMB 100
billion" over "more than 1 million households" is *less than* RMB 100,000 per
household, never "100,000". When the answer is "cannot tell", the result says so.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import TYPE_CHECKING

import attrs

from ._display import format_quantity, unit_words
from ._errors import ComparisonError, InvalidClaimError, InvalidValueError
from ._interval import Interval
from ._model import Claim, Temporal
from ._periods import AsOf, PeriodRelation, UnknownPeriod
from ._units import (
    DIMENSIONLESS,
    PERCENT,
    count_kind_of,
    currency_of,
    is_share,
    parse_unit,
    plain,
    ureg,
)

if TYPE_CHECKING:
    from ._periods import Period
    from ._units import Quantity, Unit
    from ._values import ReportedValue

__all__ = [
    "Comparison",
    "Derived",
    "Order",
    "annualise",
    "claim_interval",
    "compare",
    "difference_words",
    "interval_words",
    "period_words",
    "ratio",
    "ratio_words",
    "share_of",
]


class Order(enum.Enum):
    """How the first claim's figure stands to the second's."""

    GREATER = "greater"
    LESS = "less"
    EQUAL = "equal"
    CANNOT_TELL = "cannot tell"
    """The intervals overlap: either could be larger."""

    def __repr__(self) -> str:
        return f"Order.{self.name}"

    def flipped(self) -> Order:
        """The order seen from the other side."""
        return {Order.GREATER: Order.LESS, Order.LESS: Order.GREATER}.get(self, self)


def _check_claim(value: object, name: str) -> Claim:
    if not isinstance(value, Claim):
        raise ComparisonError(f"{name} must be an esgclaims.Claim, got {type(value).__name__}")
    return value


def claim_interval(claim: Claim, *, rounding: bool = False) -> Interval:
    """The values a claim allows: its value's interval, widened by its precision when ``rounding``.

    A count stated to the unit is never widened: 110 counties are not 109.5.

    Examples:
        >>> import esgclaims
        >>> sales = esgclaims.load_dataset("jd-2020")["jd-2020/poverty-alleviation-sales"]
        >>> claim_interval(sales), claim_interval(sales, rounding=True)
        (Interval('[RMB 100,000,000,000]'), Interval('[RMB 99,500,000,000, RMB 100,500,000,000]'))
    """
    value = claim.value
    if value is None:
        raise ComparisonError(f"claim {claim.id!r} is qualitative: it states no figure")
    if not rounding or _whole_count(value):
        return value.interval
    widened = value.rounding_interval()
    if is_share(value.units) and value.units != DIMENSIONLESS and widened.high is not None:
        cap = ureg.Quantity(Decimal(100), PERCENT)
        if widened.high > cap:  # rounding cannot take a share past the whole
            return Interval(widened.low, cap, widened.low_closed, high_closed=True)
    return widened


def _whole_count(value: ReportedValue) -> bool:
    """A count whose last digit is a single thing (a step of at most 1 in the counted kind itself)."""
    kind = count_kind_of(value.units)
    if kind is None:
        return False
    if value.precision is None:
        return True
    step: Decimal = ureg.Quantity(value.precision, value.units).to(parse_unit(kind)).magnitude
    return step <= 1


@attrs.frozen(repr=False)
class Comparison:
    """What two claims together do and do not say.

    ``comparable`` is whether they measure commensurable quantities (the same
    currency, the same counted kind, ...); ``reasons`` lists every way they do not
    line up, even when comparable. ``difference`` (a − b) and ``ratio`` (a / b) are
    intervals that follow from both qualifiers: ``difference`` is ``None`` when the
    quantities do not compare, ``ratio`` when ``b`` allows only zero, and both when
    either claim is qualitative. ``order`` is ``CANNOT_TELL`` when the intervals
    overlap, and ``None`` when the quantities do not compare.
    """

    a: Claim
    b: Claim
    comparable: bool
    reasons: tuple[str, ...]
    period_relation: PeriodRelation
    difference: Interval | None
    ratio: Interval | None
    order: Order | None

    def __str__(self) -> str:
        lines = [f"{self.a.id} vs {self.b.id}"]
        if self.order is not None:
            lines.append(f"  order       {self.order.value}")
        if self.difference is not None:
            lines.append(f"  difference  {difference_words(self.difference)}")
        if self.ratio is not None:
            lines.append(f"  ratio       {ratio_words(self.ratio)}")
        lines.append(f"  periods     {self.period_relation.value}")
        lines.append("  comparable  " + ("yes" if self.comparable else "no"))
        lines.extend(f"  - {reason}" for reason in self.reasons)
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        from ._html import comparison_html  # noqa: PLC0415 - loaded on use

        return comparison_html(self)

    def __repr__(self) -> str:
        order = "incomparable" if self.order is None else self.order.value
        count = len(self.reasons)
        return f"<Comparison {self.a.id!r} vs {self.b.id!r}: {order}, {count} reason{'' if count == 1 else 's'}>"


def compare(a: Claim, b: Claim, *, rounding: bool = False) -> Comparison:
    """Compare two claims: order, difference, ratio, period relation, and why they do not line up.

    Args:
        a: The first claim.
        b: The second claim.
        rounding: Widen each figure by half a step of its stated precision first, as
            XBRL reads a fact's ``decimals`` (default: take figures as stated).

    Examples:
        >>> import esgclaims
        >>> claims = esgclaims.load_dataset("jd-2020")
        >>> result = esgclaims.compare(claims["jd-2020/online-donations-raised"],
        ...                            claims["jd-2020/jd-foundation-donations"])
        >>> result.order, result.comparable
        (Order.LESS, True)
        >>> result.ratio
        Interval('[0.08986363636363636363636363636, 0.1098333333333333333333333333]')
    """
    a = _check_claim(a, "a")
    b = _check_claim(b, "b")
    reasons = _reasons(a, b)
    relation = a.period.relation(b.period)
    if a.value is None or b.value is None:
        return Comparison(
            a,
            b,
            comparable=False,
            reasons=tuple(reasons),
            period_relation=relation,
            difference=None,
            ratio=None,
            order=None,
        )
    ia, ib = claim_interval(a, rounding=rounding), claim_interval(b, rounding=rounding)
    comparable = a.value.units.dimensionality == b.value.units.dimensionality
    difference = ia - ib if comparable else None
    quotient = _divide(ia, ib, same=comparable)
    if quotient is None:
        reasons.append(f"no ratio: {b.id!r} allows only zero")
    order = _order(difference) if difference is not None else None
    return Comparison(a, b, comparable, tuple(reasons), relation, difference, quotient, order)


def _divide(ia: Interval, ib: Interval, *, same: bool) -> Interval | None:
    """``ia / ib``, with ``ib`` first put in the unit of ``ia`` when they share a dimension; ``None`` for 0."""
    if ib.high is not None and ib.high.magnitude == 0:
        return None
    return ia / (ib.to(ia.units) if same else ib)


def _order(difference: Interval) -> Order:
    low, high = difference.low, difference.high
    if low is not None and (low.magnitude > 0 or (low.magnitude == 0 and not difference.low_closed)):
        return Order.GREATER
    if high is not None and (high.magnitude < 0 or (high.magnitude == 0 and not difference.high_closed)):
        return Order.LESS
    if difference.is_point:
        return Order.EQUAL
    return Order.CANNOT_TELL


_PHYSICAL_WORDS = (
    ("[mass]", "a mass"),
    ("[mass] * [length] ** 2 / [time] ** 2", "an energy"),
    ("[emissions]", "greenhouse gas emissions"),
    ("[length] ** 3", "a volume"),
    ("[length] ** 2", "an area"),
    ("[length]", "a distance"),
    ("[time]", "a time"),
)


def _kind_words(unit: Unit) -> str:
    """What a unit measures, in words that do not depend on its scale: "money in CNY", "a mass"."""
    currency = currency_of(unit)
    if currency is not None:
        return f"money in {currency}"
    kind = count_kind_of(unit)
    if kind is not None:
        return f"a count of {unit_words(parse_unit(kind))}"
    if is_share(unit):
        return "a pure number" if unit == DIMENSIONLESS else "a share"
    for dimension, words in _PHYSICAL_WORDS:
        if unit.dimensionality == ureg.get_dimensionality(dimension):
            return words
    return f"a quantity in {unit_words(unit)}"


def period_words(claim: Claim) -> str:
    """A claim's period as a person would say it, with what is not stated."""
    period = claim.period
    if isinstance(period, UnknownPeriod):
        return "no stated period"
    temporal = claim.metric.temporal
    if isinstance(period, AsOf) and temporal is Temporal.CUMULATIVE:
        start = "an unstated start" if period.since is None else period.since.human()
        end = "an unstated date" if period.date is None else period.date.human()
        return f"cumulative from {start} to {end}"
    if temporal in (Temporal.FLOW, Temporal.CUMULATIVE):
        return f"{temporal.value} over {period}"
    return str(period)


_RELATION_WORDS = {
    PeriodRelation.CONTAINS: "the first contains the second",
    PeriodRelation.WITHIN: "the first lies within the second",
    PeriodRelation.OVERLAPS: "they overlap only in part",
    PeriodRelation.BEFORE: "the first ends before the second starts",
    PeriodRelation.AFTER: "the first starts after the second ends",
    PeriodRelation.UNKNOWN: "how they relate cannot be told, as a bound is not stated",
}


def _reasons(a: Claim, b: Claim) -> list[str]:
    reasons = [f"{c.id!r} is qualitative: it states no figure" for c in (a, b) if c.value is None]
    if a.value is not None and b.value is not None:
        ua, ub = a.value.units, b.value.units
        if ua.dimensionality != ub.dimensionality:
            ca, cb = currency_of(ua), currency_of(ub)
            if ca is not None and cb is not None:
                reasons.append(
                    f"{a.id!r} is in {ca} and {b.id!r} in {cb}: convert one with an explicit, dated rate "
                    "(esgclaims.convert) first"
                )
            else:
                reasons.append(f"different quantities: {a.id!r} is {_kind_words(ua)}, {b.id!r} {_kind_words(ub)}")
    # By id: two files may describe one organization or metric in different words.
    if a.subject.id != b.subject.id:
        names = (a.subject.name, b.subject.name) if a.subject.name != b.subject.name else (a.subject.id, b.subject.id)
        reasons.append(f"different subjects: {names[0]} and {names[1]}")
    if a.metric.id != b.metric.id:
        names = (a.metric.name, b.metric.name) if a.metric.name != b.metric.name else (a.metric.id, b.metric.id)
        reasons.append(f"different metrics: {names[0]!r} and {names[1]!r}")
    if a.metric.temporal is not b.metric.temporal:
        reasons.append(
            f"different kinds of figure: {a.metric.temporal.value} ({a.id!r}) and {b.metric.temporal.value} ({b.id!r})"
        )
    relation = a.period.relation(b.period)
    if isinstance(a.period, UnknownPeriod) and isinstance(b.period, UnknownPeriod):
        reasons.append("periods cannot be aligned: neither claim states its period")
    elif relation is not PeriodRelation.EQUAL:
        reasons.append(f"periods do not align: {period_words(a)} and {period_words(b)}; {_RELATION_WORDS[relation]}")
    return reasons


# ------------------------------------------------------------------ derived figures


@attrs.frozen(repr=False)
class Derived:
    """A figure derived from claims (a ratio, a share, an annual rate), with its interval and inputs.

    ``str()`` reads as a sentence a person would accept; in a notebook it displays as
    a table of the figure, its inputs and its notes, then the input claims.
    """

    kind: str
    interval: Interval
    inputs: tuple[Claim, ...]
    caveats: tuple[str, ...] = ()

    @property
    def low(self) -> Quantity | None:
        """The lowest value the inputs allow."""
        return self.interval.low

    @property
    def high(self) -> Quantity | None:
        """The highest value the inputs allow, ``None`` when unbounded."""
        return self.interval.high

    @property
    def words(self) -> str:
        """The figure alone, as words: "less than RMB 100,000 per household"."""
        return ratio_words(self.interval)

    def __str__(self) -> str:
        sources = " and ".join(f"{c.value} ({_lower_first(c.metric.name)}, {c.id})" for c in self.inputs)
        text = f"{self.words}, from {sources}"
        if self.caveats:
            text += "; note: " + "; ".join(self.caveats)
        return text

    def __repr__(self) -> str:
        return f"<Derived {self.kind}: {self.words}>"

    def _repr_html_(self) -> str:
        from ._html import derived_html  # noqa: PLC0415 - loaded on use

        return derived_html(self)


def _numeric(claim: object, name: str) -> Claim:
    checked = _check_claim(claim, name)
    if checked.value is None:
        raise ComparisonError(f"claim {checked.id!r} is qualitative: it states no figure")
    return checked


def _lower_first(name: str) -> str:
    """A metric name inside a sentence: "Donations raised online" → "donations raised online"; "GHG" stays."""
    first = name.split(" ", 1)[0]
    return name if first.isupper() or first[1:2].isupper() else name[:1].lower() + name[1:]


def _caveats(a: Claim, b: Claim) -> tuple[str, ...]:
    """What a reader of a derived figure must know: different subjects, kinds of figure, periods.

    Different quantities and different metrics are what a ratio is for, so they are not caveats.
    """
    return tuple(r for r in _reasons(a, b) if not r.startswith(("different quantities", "different metrics")))


def _quotient(a: Claim, b: Claim, *, rounding: bool) -> Interval:
    ia, ib = claim_interval(a, rounding=rounding), claim_interval(b, rounding=rounding)
    assert a.value is not None and b.value is not None  # noqa: S101, PT018 - checked by _numeric
    quotient = _divide(ia, ib, same=a.value.units.dimensionality == b.value.units.dimensionality)
    if quotient is None:
        raise InvalidValueError(f"cannot divide by claim {b.id!r}: {b.value} allows only zero")
    return quotient


def ratio(a: Claim, b: Claim, *, rounding: bool = False) -> Derived:
    """``a`` per ``b``: every quotient the two claims allow.

    Args:
        a: The numerator, e.g. sales.
        b: The denominator, e.g. households.
        rounding: Widen each figure by half a step of its stated precision first.

    Examples:
        >>> import esgclaims
        >>> claims = esgclaims.load_dataset("jd-2020")
        >>> per_household = esgclaims.ratio(claims["jd-2020/poverty-alleviation-sales"],
        ...                                 claims["jd-2020/impoverished-households-income-increased"])
        >>> per_household.high
        <Quantity(100000, 'CNY / household')>
        >>> print(str(per_household).split(", from")[0])
        less than RMB 100,000 per household
    """
    a, b = _numeric(a, "a"), _numeric(b, "b")
    return Derived("ratio", _quotient(a, b, rounding=rounding), (a, b), _caveats(a, b))


def share_of(part: Claim, whole: Claim, *, rounding: bool = False) -> Derived:
    """What share of ``whole`` the ``part`` amounts to, in percent.

    The claims do not say that one is part of the other; when their metrics differ,
    the result carries that as a caveat.

    Args:
        part: The part, e.g. donations raised online.
        whole: The whole, e.g. all donations, of the same kind of quantity.
        rounding: Widen each figure by half a step of its stated precision first.

    Examples:
        >>> import esgclaims
        >>> claims = esgclaims.load_dataset("jd-2020")
        >>> share = esgclaims.share_of(claims["jd-2020/online-donations-raised"],
        ...                            claims["jd-2020/jd-foundation-donations"])
        >>> print(str(share).split(", from")[0])
        between 8.986% and 10.99%
    """
    part, whole = _numeric(part, "part"), _numeric(whole, "whole")
    assert part.value is not None and whole.value is not None  # noqa: S101, PT018 - checked by _numeric
    if part.value.units.dimensionality != whole.value.units.dimensionality:
        raise ComparisonError(
            f"a share needs the same kind of quantity: {part.id!r} is {_kind_words(part.value.units)}, "
            f"{whole.id!r} {_kind_words(whole.value.units)}"
        )
    caveats = _caveats(part, whole)
    if part.metric.id != whole.metric.id:
        part_of = f"{part.metric.name!r} is not stated to be part of {whole.metric.name!r}"
        caveats = (part_of, *caveats)
    return Derived("share", _quotient(part, whole, rounding=rounding).to(PERCENT), (part, whole), caveats)


def annualise(claim: Claim) -> Derived:
    """A flow over a stated period as an average rate per year.

    Only a flow over a period with both ends known can be annualised: a cumulative
    total or a stock is not spread evenly over time. The result is an average: it
    says nothing of how the flow was spread over the period.

    Examples:
        >>> import esgclaims
        >>> claims = esgclaims.load_dataset("jd-2020")
        >>> print(esgclaims.annualise(claims["jd-2020/jingxi-local-specialties-sold"]))
        more than 666,600 items a year, from more than 1,000,000 items (local specialties sold,
        jd-2020/jingxi-local-specialties-sold); note: an average over Sep 2019 – Feb 2021 (18 months)
        >>> esgclaims.annualise(claims["jd-2020/poverty-alleviation-sales"])
        Traceback (most recent call last):
        ...
        esgclaims.InvalidClaimError: claim 'jd-2020/poverty-alleviation-sales' is a cumulative figure; only a flow over a period can be annualised
    """  # noqa: E501 - a doctest's expected output is one line
    claim = _numeric(claim, "claim")
    if claim.metric.temporal is not Temporal.FLOW:
        raise InvalidClaimError(
            f"claim {claim.id!r} is a {claim.metric.temporal.value} figure; only a flow over a period can be annualised"
        )
    months = _months(claim.period)
    if months is None:
        start, end = claim.period.start, claim.period.end
        if start is None or end is None:
            raise InvalidClaimError(
                f"claim {claim.id!r} cannot be annualised: its period ({claim.period}) lacks a stated start or end"
            )
        days = (end - start).days + 1
        factor = Decimal("365.25") / Decimal(days)
        length = f"{days} day" + ("s" if days != 1 else "")
    else:
        factor = Decimal(12) / Decimal(months)
        length = f"{months} month" + ("s" if months != 1 else "")
    interval = claim_interval(claim)
    per_year = interval.units / parse_unit("year")
    caveat = f"an average over {claim.period} ({length})"
    return Derived("annualised", interval.scaled(factor, per_year), (claim,), (caveat,))


def _months(period: Period) -> int | None:
    start, end = period.start, period.end
    if start is None or end is None or start.day != 1:
        return None
    if (end + dt.timedelta(days=1)).day != 1:
        return None
    return (end.year - start.year) * 12 + end.month - start.month + 1


# ------------------------------------------------------------------ words


def _readable(interval: Interval) -> Interval:
    """Dimensionless ratios read as percent or as a multiple."""
    if interval.units.dimensionality or interval.units == PERCENT:
        return interval
    bound = interval.high if interval.high is not None else interval.low
    if bound is not None and bound.magnitude < 10:
        return interval.to(PERCENT)
    return interval


def _round(value: Quantity, rounding: str, digits: int) -> Quantity:
    magnitude = Decimal(value.magnitude)
    if magnitude == 0:
        return value
    exponent = magnitude.adjusted() - digits + 1
    rounded = magnitude.scaleb(-exponent).quantize(Decimal(1), rounding=rounding).scaleb(exponent)
    return ureg.Quantity(plain(rounded), value.units)


def _per_year(interval: Interval) -> Interval | None:
    """The interval times a year, when its unit is a rate per year: RMB per year → RMB."""
    if dict(interval.units._units).get("year") != -1:  # noqa: SLF001 - as above
        return None
    return interval.scaled(Decimal(1), interval.units * parse_unit("year"))


def _significant_digits(number: Decimal) -> int:
    return len(number.normalize().as_tuple().digits)


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


def _signed(interval: Interval) -> bool:
    """Whether an interval allows values both below and above zero, so a bound above zero needs its "+"."""
    below = interval.low is None or interval.low.magnitude < 0
    above = interval.high is None or interval.high.magnitude > 0
    return below and above


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
