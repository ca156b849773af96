"""Figures derived from claims (a ratio, a share, an annual rate), with their uncertainty carried through.

"RMB 100 billion" over "more than 1 million households" is *less than* RMB 100,000
per household, never "100,000".
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from esgclaims._decimal import exact, quotient
from esgclaims._errors import ComparisonError, InvalidClaimError, InvalidValueError
from esgclaims._format import counted, html
from esgclaims._interval import Interval
from esgclaims._model import Claim, Temporal
from esgclaims._units import PERCENT, parse_unit

from .compare import check_claim, claim_interval, divide, kind_words, reasons, same_dimension
from .wording import ratio_words

if TYPE_CHECKING:
    from esgclaims._periods import Period
    from esgclaims._units import Quantity

__all__ = ["Derived", "annualise", "ratio", "share_of"]


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

    @exact
    def __str__(self) -> str:
        sources = " and ".join(f"{c.value} ({_lower_first(c.metric.name)}, {c.id})" for c in self.inputs)
        text = f"{self.words}, from {sources}"
        if self.caveats:
            text += "; note: " + "; ".join(self.caveats)
        return text

    def __repr__(self) -> str:
        return f"<Derived {self.kind}: {self.words}>"

    def _repr_html_(self) -> str:
        return html(self)


def _numeric(claim: object, name: str) -> Claim:
    checked = check_claim(claim, name)
    if checked.value is None:
        raise ComparisonError(f"claim {checked.id!r} is qualitative: it states no figure")
    return checked


def _lower_first(name: str) -> str:
    """A metric name inside a sentence: "Donations raised online" → "donations raised online"; "GHG" stays."""
    first = name.split(" ", 1)[0]
    return name if first.isupper() or first[1:2].isupper() else name[:1].lower() + name[1:]


def _caveats(a: Claim, b: Claim, comparable: bool) -> tuple[str, ...]:
    """What a reader of a derived figure must know: different subjects, kinds of figure, periods.

    Different quantities and different metrics are what a ratio is for, so they are not caveats.
    """
    return tuple(
        r for r in reasons(a, b, comparable) if not r.startswith(("different quantities", "different metrics"))
    )


def _quotient(a: Claim, b: Claim, comparable: bool, *, rounding: bool) -> Interval:
    """``a / b``, ``comparable`` as :func:`same_dimension` gives it; run in CONTEXT by its callers, which are exact."""
    ia, ib = claim_interval(a, rounding=rounding), claim_interval(b, rounding=rounding)
    assert a.value is not None and b.value is not None  # noqa: S101, PT018 - checked by _numeric
    quotient = divide(ia, ib, same=comparable)
    if quotient is None:
        raise InvalidValueError(f"cannot divide by claim {b.id!r}: {b.value} allows only zero")
    return quotient


@exact
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
    comparable = same_dimension(a, b)
    return Derived("ratio", _quotient(a, b, comparable, rounding=rounding), (a, b), _caveats(a, b, comparable))


@exact
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
    if not same_dimension(part, whole):
        raise ComparisonError(
            f"a share needs the same kind of quantity: {part.id!r} is {kind_words(part.value.units)}, "
            f"{whole.id!r} {kind_words(whole.value.units)}"
        )
    caveats = _caveats(part, whole, comparable=True)
    if part.metric.id != whole.metric.id:
        part_of = f"{part.metric.name!r} is not stated to be part of {whole.metric.name!r}"
        caveats = (part_of, *caveats)
    share = _quotient(part, whole, comparable=True, rounding=rounding).to(PERCENT)
    return Derived("share", share, (part, whole), caveats)


@exact
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
        factor = quotient(Decimal("365.25"), Decimal(days))
        length = counted(days, "day")
    else:
        factor = quotient(Decimal(12), Decimal(months))
        length = counted(months, "month")
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
