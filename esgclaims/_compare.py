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
from ._errors import EsgClaimsError, InvalidClaimError
from ._interval import Interval
from ._model import Claim, Temporal
from ._periods import AsOf, PeriodRelation, UnknownPeriod
from ._units import PERCENT, count_kind_of, currency_of, is_share, parse_unit, plain, ureg

if TYPE_CHECKING:
    from ._periods import Period
    from ._units import Quantity, Unit

__all__ = [
    "Comparison",
    "ComparisonError",
    "Derived",
    "Order",
    "annualise",
    "claim_interval",
    "compare",
    "interval_words",
    "period_words",
    "ratio",
    "share_of",
]


class ComparisonError(EsgClaimsError, TypeError):
    """A comparison asked of something that is not a claim, or of a claim without a figure."""


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


_INVERSE = {
    PeriodRelation.CONTAINS: PeriodRelation.WITHIN,
    PeriodRelation.WITHIN: PeriodRelation.CONTAINS,
    PeriodRelation.BEFORE: PeriodRelation.AFTER,
    PeriodRelation.AFTER: PeriodRelation.BEFORE,
}


def _check_claim(value: object, name: str) -> Claim:
    if not isinstance(value, Claim):
        raise ComparisonError(f"{name} must be an esgclaims.Claim, got {type(value).__name__}")
    return value


def claim_interval(claim: Claim, *, rounding: bool = False) -> Interval:
    """The values a claim allows: its value's interval, widened by its precision when ``rounding``."""
    value = claim.value
    if value is None:
        raise ComparisonError(f"claim {claim.id!r} is qualitative: it states no figure")
    whole_count = count_kind_of(value.units) is not None and (value.precision or 1) <= 1
    return value.rounding_interval() if rounding and not whole_count else value.interval


@attrs.frozen(repr=False)
class Comparison:
    """What two claims together do and do not say.

    ``comparable`` is whether they measure commensurable quantities (the same
    currency, the same counted kind, ...); ``reasons`` lists every way they do not
    line up, even when comparable. ``difference`` (a − b) and ``ratio`` (a / b) are
    intervals that follow from both qualifiers; ``order`` is ``CANNOT_TELL`` when
    the intervals overlap.
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
            lines.append(f"  difference  {interval_words(self.difference)}")
        if self.ratio is not None:
            lines.append(f"  ratio       {interval_words(_readable(self.ratio))}")
        lines.append(f"  periods     {self.period_relation.value}")
        lines.append("  comparable  " + ("yes" if self.comparable else "no"))
        lines.extend(f"  - {reason}" for reason in self.reasons)
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        from ._html import comparison_html  # noqa: PLC0415 - loaded on use

        return comparison_html(self)

    def __repr__(self) -> str:
        order = "incomparable" if self.order is None else self.order.value
        return f"<Comparison {self.a.id!r} vs {self.b.id!r}: {order}, {len(self.reasons)} reasons>"


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
    quotient = (ia / ib.to(ia.units)) if comparable else (ia / ib)
    order = _order(difference) if difference is not None else None
    return Comparison(a, b, comparable, tuple(reasons), relation, difference, quotient, order)


def _order(difference: Interval) -> Order:
    low, high = difference.low, difference.high
    if low is not None and (low.magnitude > 0 or (low.magnitude == 0 and not difference.low_closed)):
        return Order.GREATER
    if high is not None and (high.magnitude < 0 or (high.magnitude == 0 and not difference.high_closed)):
        return Order.LESS
    if difference.is_point:
        return Order.EQUAL
    return Order.CANNOT_TELL


def _kind_words(unit: Unit) -> str:
    currency = currency_of(unit)
    if currency is not None:
        return f"money in {currency}"
    kind = count_kind_of(unit)
    if kind is not None:
        return f"a count of {unit_words(unit)}"
    if is_share(unit):
        return "a share" if unit == PERCENT else "a pure number"
    return f"a quantity in {unit_words(unit)}"


def period_words(claim: Claim) -> str:
    """A claim's period as a person would say it, with what is not stated."""
    period = claim.period
    if isinstance(period, UnknownPeriod):
        return "no stated period"
    if isinstance(period, AsOf) and claim.metric.temporal is Temporal.CUMULATIVE:
        start = "" if period.since is not None else " (start not stated)"
        end = "an unstated date" if period.date is None else period.date.human()
        return f"cumulative to {end}{start}"
    return f"{claim.metric.temporal.value} over {period}" if claim.metric.temporal is Temporal.FLOW else str(period)


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
    if a.subject != b.subject:
        reasons.append(f"different subjects: {a.subject.name} and {b.subject.name}")
    if a.metric != b.metric:
        reasons.append(f"different metrics: {a.metric.name!r} and {b.metric.name!r}")
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

    ``str()`` reads as a sentence a person would accept.
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

    def __str__(self) -> str:
        sources = " and ".join(f"{c.value} ({c.metric.name.lower()}, {c.id})" for c in self.inputs)
        text = f"{interval_words(_readable(self.interval))}, from {sources}"
        if self.caveats:
            text += "; note: " + "; ".join(self.caveats)
        return text

    def __repr__(self) -> str:
        return f"<Derived {self.kind}: {interval_words(_readable(self.interval))}>"


def _numeric(claim: object, name: str) -> Claim:
    checked = _check_claim(claim, name)
    if checked.value is None:
        raise ComparisonError(f"claim {checked.id!r} is qualitative: it states no figure")
    return checked


def _caveats(a: Claim, b: Claim) -> tuple[str, ...]:
    return tuple(r for r in _reasons(a, b) if not r.startswith("different quantities"))


def ratio(a: Claim, b: Claim) -> Derived:
    """``a`` per ``b``: every quotient the two claims allow.

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
    ia, ib = claim_interval(a), claim_interval(b)
    same = a.value is not None and b.value is not None and a.value.units.dimensionality == b.value.units.dimensionality
    return Derived("ratio", ia / (ib.to(ia.units) if same else ib), (a, b), _caveats(a, b))


def share_of(part: Claim, whole: Claim) -> Derived:
    """What share of ``whole`` the ``part`` amounts to, in percent.

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
    ip, iw = claim_interval(part), claim_interval(whole)
    return Derived("share", (ip / iw.to(ip.units)).to(PERCENT), (part, whole), _caveats(part, whole))


def annualise(claim: Claim) -> Derived:
    """A flow over a stated period as a rate per year.

    Only a flow over a period with both ends known can be annualised: a cumulative
    total or a stock is not spread evenly over time.
    """
    claim = _numeric(claim, "claim")
    if claim.metric.temporal is not Temporal.FLOW:
        raise InvalidClaimError(
            f"claim {claim.id!r} is a {claim.metric.temporal.value} figure; only a flow over a period can be annualised"
        )
    months = _months(claim.period)
    if months is None:
        start, end = claim.period.start, claim.period.end
        if start is None or end is None:
            raise InvalidClaimError(f"claim {claim.id!r} covers {claim.period}: its length is not known")
        factor = Decimal("365.25") / Decimal((end - start).days + 1)
    else:
        factor = Decimal(12) / Decimal(months)
    interval = claim_interval(claim)
    per_year = interval.units / parse_unit("year")
    return Derived("annualised", interval.scaled(factor, per_year), (claim,))


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


def interval_words(interval: Interval, digits: int = 4) -> str:
    """An interval as words: "less than RMB 100,000 per household", "between 8.986% and 10.99%".

    Bounds are rounded outward to ``digits`` significant digits, so the words never
    claim more than the interval does.
    """

    def low_text() -> str:
        assert interval.low is not None  # noqa: S101
        return format_quantity(_round(interval.low, ROUND_FLOOR, digits))

    def high_text() -> str:
        assert interval.high is not None  # noqa: S101
        return format_quantity(_round(interval.high, ROUND_CEILING, digits))

    if interval.is_point:
        assert interval.low is not None  # noqa: S101 - a point has both bounds
        return format_quantity(interval.low)
    if interval.high is None:
        if interval.low is None:
            return "any value"
        return ("at least " if interval.low_closed else "more than ") + low_text()
    if interval.low is None or interval.low.magnitude == 0:
        return ("at most " if interval.high_closed else "less than ") + high_text()
    return f"between {low_text()} and {high_text()}"
