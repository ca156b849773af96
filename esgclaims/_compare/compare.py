"""Comparing two claims, with their uncertainty carried through.

Every result is an interval that follows from both claims' qualifiers: "RMB 100
billion" over "more than 1 million households" is *less than* RMB 100,000 per
household, never "100,000". When the answer is "cannot tell", the result says so.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from esgclaims._decimal import exact
from esgclaims._errors import ComparisonError
from esgclaims._format import counted, html, unit_words
from esgclaims._interval import Interval
from esgclaims._model import Claim, Temporal
from esgclaims._periods import AsOf, PeriodRelation, UnknownPeriod
from esgclaims._units import DIMENSIONLESS, PERCENT, count_kind_of, currency_of, is_share, parse_unit, ureg

from .wording import difference_words, ratio_words

if TYPE_CHECKING:
    from esgclaims._units import Unit
    from esgclaims._values import ReportedValue

__all__ = [
    "Comparison",
    "Order",
    "check_claim",
    "claim_interval",
    "compare",
    "divide",
    "kind_words",
    "period_words",
    "reasons",
    "same_dimension",
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


def check_claim(value: object, name: str) -> Claim:
    """``value`` itself when it is a claim; a :class:`~esgclaims.ComparisonError` naming ``name`` otherwise."""
    if not isinstance(value, Claim):
        raise ComparisonError(f"{name} must be an esgclaims.Claim, got {type(value).__name__}")
    return value


def claim_interval(claim: Claim, *, rounding: bool = False) -> Interval:
    """The values a claim allows: its value's interval, widened by its precision when ``rounding``.

    A count stated to the unit is never widened: 110 counties are not 109.5. A value's
    interval needs no context of the caller's; widening it runs in CONTEXT (:func:`_widened`).

    Examples:
        >>> import esgclaims
        >>> sales = esgclaims.load_dataset("jd-2020")["jd-2020/poverty-alleviation-sales"]
        >>> claim_interval(sales), claim_interval(sales, rounding=True)
        (Interval('[RMB 100,000,000,000]'), Interval('[RMB 99,500,000,000, RMB 100,500,000,000]'))
    """
    value = claim.value
    if value is None:
        raise ComparisonError(f"claim {claim.id!r} is qualitative: it states no figure")
    return _widened(value) if rounding else value.interval


@exact
def _widened(value: ReportedValue) -> Interval:
    """``value``'s interval widened by its precision, and capped at 100 % for a share; a whole count's as it is."""
    if _whole_count(value):
        return value.interval
    widened = value.rounding_interval()
    if is_share(value.units) and value.units != DIMENSIONLESS and widened.high is not None:
        cap = ureg.Quantity(Decimal(100), PERCENT)
        if widened.high > cap:  # rounding cannot take a share past the whole
            return Interval(widened.low, cap, widened.low_closed, high_closed=True)
    return widened


@exact
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
        return html(self)

    def __repr__(self) -> str:
        order = "incomparable" if self.order is None else self.order.value
        return f"<Comparison {self.a.id!r} vs {self.b.id!r}: {order}, {counted(len(self.reasons), 'reason')}>"


@exact
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
    a = check_claim(a, "a")
    b = check_claim(b, "b")
    relation = a.period.relation(b.period)
    comparable = same_dimension(a, b)
    why = _reasons(a, b, relation, comparable)
    if a.value is None or b.value is None:
        return Comparison(
            a,
            b,
            comparable=False,
            reasons=tuple(why),
            period_relation=relation,
            difference=None,
            ratio=None,
            order=None,
        )
    ia, ib = claim_interval(a, rounding=rounding), claim_interval(b, rounding=rounding)
    difference = ia - ib if comparable else None
    quotient = divide(ia, ib, same=comparable)
    if quotient is None:
        why.append(f"no ratio: {b.id!r} allows only zero")
    order = _order(difference) if difference is not None else None
    return Comparison(a, b, comparable, tuple(why), relation, difference, quotient, order)


def same_dimension(a: Claim, b: Claim) -> bool:
    """Whether ``a`` and ``b`` both state a figure, and of one dimension: then they compare, and subtract."""
    return a.value is not None and b.value is not None and a.value.units.dimensionality == b.value.units.dimensionality


def divide(ia: Interval, ib: Interval, *, same: bool) -> Interval | None:
    """``ia / ib``, with ``ib`` first put in the unit of ``ia`` when they share a dimension; ``None`` for 0.

    Not itself run in CONTEXT: putting ``ib`` in a unit and dividing each run in it.
    """
    if ib.high is not None and ib.high.magnitude == 0:
        return None
    return ia / (ib.to(ia.units) if same else ib)


@exact
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


def kind_words(unit: Unit) -> str:
    """What a unit measures, in words that do not depend on its scale: "money in CNY", "a mass"."""
    return _measures(unit)[1]


#: For each unit seen, its currency and what it measures in words: a unit never changes, and units are few.
_MEASURES: dict[Unit, tuple[str | None, str]] = {}


def _measures(unit: Unit) -> tuple[str | None, str]:
    """The currency of ``unit`` (:func:`~esgclaims._units.currency_of`) and :func:`kind_words`, once per unit."""
    found = _MEASURES.get(unit)
    if found is None:
        found = _MEASURES.setdefault(unit, (currency_of(unit), _kind_words(unit)))
    return found


def _kind_words(unit: Unit) -> str:
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


def reasons(a: Claim, b: Claim, comparable: bool) -> list[str]:
    """Every way two claims do not line up: quantities, subjects, metrics, kinds of figure, periods.

    ``comparable`` is :func:`same_dimension` of the two, which the caller has worked out already.
    """
    return _reasons(a, b, a.period.relation(b.period), comparable)


def _reasons(a: Claim, b: Claim, relation: PeriodRelation, comparable: bool) -> list[str]:
    """:func:`reasons`, given how the periods of ``a`` and ``b`` relate."""
    found = [f"{c.id!r} is qualitative: it states no figure" for c in (a, b) if c.value is None]
    if not comparable and a.value is not None and b.value is not None:
        (ca, kind_a), (cb, kind_b) = _measures(a.value.units), _measures(b.value.units)
        if ca is not None and cb is not None:
            found.append(
                f"{a.id!r} is in {ca} and {b.id!r} in {cb}: convert one with an explicit, dated rate "
                "(esgclaims.convert) first"
            )
        else:
            found.append(f"different quantities: {a.id!r} is {kind_a}, {b.id!r} {kind_b}")
    # By id: two files may describe one organization or metric in different words.
    if a.subject.id != b.subject.id:
        names = (a.subject.name, b.subject.name) if a.subject.name != b.subject.name else (a.subject.id, b.subject.id)
        found.append(f"different subjects: {names[0]} and {names[1]}")
    if a.metric.id != b.metric.id:
        names = (a.metric.name, b.metric.name) if a.metric.name != b.metric.name else (a.metric.id, b.metric.id)
        found.append(f"different metrics: {names[0]!r} and {names[1]!r}")
    if a.metric.temporal is not b.metric.temporal:
        found.append(
            f"different kinds of figure: {a.metric.temporal.value} ({a.id!r}) and {b.metric.temporal.value} ({b.id!r})"
        )
    if isinstance(a.period, UnknownPeriod) and isinstance(b.period, UnknownPeriod):
        found.append("periods cannot be aligned: neither claim states its period")
    elif relation is not PeriodRelation.EQUAL:
        found.append(f"periods do not align: {period_words(a)} and {period_words(b)}; {_RELATION_WORDS[relation]}")
    return found
