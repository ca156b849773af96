"""Currency conversion, only with an explicit, dated rate that names its source.

:func:`convert` takes an :class:`~esgclaims.FxRate`, stated either way round. Given a
claim, it checks that the rate fits the claim's period: a rate whose kind or
period does not fit is an error, or with ``strict=False`` a warning that the
result records.

Arithmetic is exact :class:`~decimal.Decimal` arithmetic in the library's own
context (:mod:`esgclaims._decimal`), never the caller's, to 28 significant digits
(the most a reported figure may have): a product is exact whenever it fits, a
quotient is exact when it terminates within 28 digits and correctly rounded
otherwise. A converted figure keeps at most 30 decimal places. The bounds of
:attr:`Conversion.interval` are rounded outward, so rounding never drops a value
the statement and the rate allow.
"""

from __future__ import annotations

import warnings
from decimal import ROUND_CEILING, ROUND_FLOOR, Context, Decimal

import attrs

from esgclaims._decimal import CONTEXT, QUOTIENT, arithmetic, exact, to_figure
from esgclaims._errors import (
    ConversionTypeError,
    CurrencyError,
    InvalidValueError,
    MissingRateError,
    RateMismatchError,
    RateMismatchWarning,
)
from esgclaims._interval import Interval
from esgclaims._model import Claim, Temporal
from esgclaims._periods import AsOf, PeriodRelation, Span, UnknownPeriod
from esgclaims._units import Quantity, Unit, currency_of, parse_unit, plain, quantity, ureg
from esgclaims._values import ReportedValue

from .rate import FxRate, RateKind, single

__all__ = ["Conversion", "convert"]

_NEAREST = QUOTIENT.copy()
_DOWN = QUOTIENT.copy()
_DOWN.rounding = ROUND_FLOOR
_UP = QUOTIENT.copy()
_UP.rounding = ROUND_CEILING
_WIDE = CONTEXT.copy()


def _apply(amount: Decimal, rate: Decimal, inverse: bool, context: Context) -> Decimal:
    """``amount`` times ``rate``, or divided by it, in ``context``."""
    return context.divide(amount, rate) if inverse else context.multiply(amount, rate)


def _convert_value(value: ReportedValue, unit: Unit, rate: Decimal, inverse: bool) -> ReportedValue:
    def at_rate(amount: Quantity) -> Quantity:
        return quantity(to_figure(_apply(amount.magnitude, rate, inverse, _NEAREST)), unit)

    return ReportedValue(
        at_rate(value.reported),
        value.qualifier,
        upper=None if value.upper is None else at_rate(value.upper),
        precision=None if value.precision is None else to_figure(_apply(value.precision, rate, inverse, _NEAREST)),
        tolerance=value.tolerance,
    )


def _widen(interval: Interval, unit: Unit, rate: FxRate, inverse: bool) -> Interval:
    """``interval`` converted at every rate the published digits allow, rounded outward."""
    low_rate, high_rate = rate.bounds
    if inverse:  # dividing by the highest rate gives the lowest amount
        low_rate, high_rate = high_rate, low_rate
    low = None if interval.low is None else _bound(_apply(interval.low.magnitude, low_rate, inverse, _DOWN), unit)
    high = None if interval.high is None else _bound(_apply(interval.high.magnitude, high_rate, inverse, _UP), unit)
    return Interval(low, high, interval.low_closed, interval.high_closed)


def _bound(magnitude: Decimal, unit: Unit) -> Quantity:
    """An interval's bound, rounded outward already: not a reported figure, so not held to a figure's limits."""
    return ureg.Quantity(plain(magnitude), unit)


def _places(number: Decimal) -> int:
    exponent = plain(number).as_tuple().exponent
    assert isinstance(exponent, int)  # noqa: S101 - a finite Decimal's exponent
    return max(0, -exponent)


@exact
def _shown(value: ReportedValue, original: ReportedValue) -> str:
    """``value`` rounded for a sentence: to the original's decimals, and to at least three significant digits."""
    magnitude: Decimal = value.reported.magnitude
    places = max(_places(bound.magnitude) for bound in (original.reported, original.upper) if bound is not None)
    if magnitude:
        places = max(places, 2 - magnitude.adjusted())
    step = Decimal(1).scaleb(-places)

    def rounded(amount: Quantity) -> Quantity:
        return quantity(_WIDE.quantize(amount.magnitude, step), amount.units)

    try:
        shown = ReportedValue(
            rounded(value.reported),
            value.qualifier,
            upper=None if value.upper is None else rounded(value.upper),
            tolerance=value.tolerance,
        )
    except InvalidValueError:  # rounding would join a range's ends, or need more than 28 digits
        return str(value)
    return str(shown)


@attrs.frozen(repr=False)
class Conversion:
    """A value converted into another currency, with the rate it used. Made by :func:`convert`.

    ``value`` is the statement in the new currency at the published rate: the same
    qualifier and tolerance, bounds converted, and a precision that is the
    original's step in the new currency (so ``value.rounding_interval()`` is what
    the original digits allow). :attr:`interval` also allows for the rate's own
    rounding: half a step of its last published digit.
    """

    original: ReportedValue
    value: ReportedValue
    rate: FxRate
    inverse: bool
    """True when the value was in the rate's quote currency, and so was divided by the rate."""
    interval: Interval
    """The values the statement allows, converted at every rate within the rate's precision."""
    claim: Claim | None = None
    """The claim converted, when :func:`convert` was given one."""
    caveats: tuple[str, ...] = ()
    """Why the rate does not fit the claim, when converted with ``strict=False``."""

    @property
    def currency(self) -> str:
        """The ISO 4217 code converted into."""
        return self.rate.base if self.inverse else self.rate.quote

    @exact
    def rounding_interval(self) -> Interval:
        """The original's rounding interval, converted at every rate within the rate's precision."""
        return _widen(self.original.rounding_interval(), self.value.units, self.rate, self.inverse)

    def __str__(self) -> str:
        text = f"{self.original} ≈ {_shown(self.value, self.original)} at {self.rate}"
        return "".join([text, *(f"; caveat: {caveat}" for caveat in self.caveats)])

    def __repr__(self) -> str:
        return f"Conversion({str(self)!r})"


_WHAT = {
    Temporal.CUMULATIVE: "cumulative over",
    Temporal.FLOW: "a flow over",
    Temporal.STOCK: "a stock in",
    Temporal.EVENT: "an event in",
}


def _what(claim: Claim) -> str:
    """``cumulative to 30 Sep 2020``, ``a flow over 2020``: the claim's figure and period, for messages."""
    period, temporal = claim.period, claim.metric.temporal
    if isinstance(period, AsOf):
        text = str(period)
        if temporal is Temporal.STOCK:
            return f"a stock {text}"
        to = text.replace("as of ", "to ")
        return f"cumulative {to}" if temporal is Temporal.CUMULATIVE else f"a flow {to}"
    return f"{_WHAT[temporal]} {period}"


def _needed(claim: Claim, rate: FxRate) -> tuple[str, bool]:
    """The rate ``claim`` needs, in words, and whether ``rate`` is one."""
    period = claim.period
    if isinstance(period, AsOf) or claim.metric.temporal is Temporal.STOCK:
        if isinstance(period, AsOf) and period.date is None:
            return "a spot rate for the day it runs to, which is not stated", False
        day = period.date if isinstance(period, AsOf) else single(period, "day")
        if day is None:
            return f"a spot rate for the day it stands at, which {period} does not name", False
        if day.granularity != "day":
            return f"a spot rate for the day it stands at, which {day.human()} does not name", False
        return f"a spot rate for {day.iso()}", rate.kind is RateKind.SPOT and rate.period == Span.single(day)
    needed = f"an average rate covering {period}"
    if period.start is None or period.end is None:
        return f"{needed}, whose dates are not stated", False
    fits = rate.kind.is_average and period.relation(rate.period) in (PeriodRelation.EQUAL, PeriodRelation.WITHIN)
    return needed, fits


def _mismatch(claim: Claim, rate: FxRate) -> str | None:
    """Why ``rate`` does not fit ``claim``, or ``None`` when it does."""
    if isinstance(claim.period, UnknownPeriod):
        return f"claim {claim.id!r} states no period: no rate can be shown to fit it, not even the {rate.label}"
    needed, fits = _needed(claim, rate)
    return None if fits else f"claim {claim.id!r} is {_what(claim)}: it needs {needed}, not the {rate.label}"


def _currency_code(currency: str | Unit) -> str:
    code = currency_of(parse_unit(currency))
    if code is None:
        raise CurrencyError(f"{currency!r} is not a currency", text=str(currency), hint="a currency such as 'USD'")
    return code


def _check_rate(rate: object, source: str, target: str) -> FxRate:
    if rate is None:
        raise MissingRateError(
            f"convert() needs an explicit FxRate to turn {source} into {target}: esgclaims converts only at a "
            f"dated rate that names its source; {_HOW}"
        )
    if isinstance(rate, int | float | Decimal) and not isinstance(rate, bool):
        raise MissingRateError(
            f"convert() needs an FxRate, got the bare number {rate}: it has no date or source; {_HOW}"
        )
    if not isinstance(rate, FxRate):
        raise MissingRateError(f"convert() needs an FxRate, got {type(rate).__name__}; {_HOW}")
    return rate


_HOW = "take one from esgclaims.reference_rates(), or build one with FxRate.annual_average() or FxRate.spot()"


def convert(
    value: ReportedValue | Claim, currency: str | Unit, rate: FxRate | None = None, *, strict: bool = True
) -> Conversion:
    """Convert a value, or a claim's value, into ``currency`` at an explicit rate.

    The rate may be stated either way round: a USD→CNY rate converts CNY into USD
    by exact division. Given a claim, the rate must fit its period: an average
    rate a flow within the rate's period, a spot rate a total or stock as of the
    rate's day. A rate that does not fit raises :class:`RateMismatchError`; with
    ``strict=False`` it warns (:class:`RateMismatchWarning`) and the result lists
    the problem in ``caveats``. A bare value has no period to check.

    Raises:
        MissingRateError: no rate, or a bare number instead of an :class:`FxRate`.
        ConversionTypeError: ``value`` is neither a ReportedValue nor a Claim.
        CurrencyError: the value is not money, is already in ``currency``, or the
            rate relates other currencies.
        RateMismatchError: the rate does not fit the claim's period (``strict=True``).

    Examples:
        >>> from esgclaims import ReportedValue, reference_rates
        >>> rate = reference_rates().get("CNY", "USD", 2020)
        >>> conversion = convert(ReportedValue.of("100000000000", "CNY"), "USD", rate)
        >>> print(conversion)
        RMB 100,000,000,000 ≈ US$ 14,483,937,314 at 6.9042 CNY per USD, 2020 annual average, Federal Reserve G.5A
        >>> conversion.inverse, conversion.value.reported
        (True, <Quantity(14483937313.51930708843892124, 'USD')>)
        >>> conversion.interval
        Interval('[US$ 14,483,832,422.05887677879566933, US$ 14,484,042,206.4989897380560967]')
    """
    claim = value if isinstance(value, Claim) else None
    if claim is not None:
        if claim.value is None:
            metric = claim.metric.id
            raise CurrencyError(
                f"claim {claim.id!r} states no figure to convert: metric {metric!r} is qualitative",
                text=claim.id,
                hint="a claim that states an amount of money",
            )
        original = claim.value
    elif isinstance(value, ReportedValue):
        original = value
    else:
        hint = "; read text with esgclaims.parse_value() first" if isinstance(value, str) else ""
        raise ConversionTypeError(f"convert() takes a ReportedValue or a Claim, got {type(value).__name__}{hint}")
    where = "" if claim is None else f"claim {claim.id!r}: "
    source = currency_of(original.units)
    if source is None:
        raise CurrencyError(
            f"{where}only an amount of money converts between currencies, got {original}",
            text=str(original),
            hint="an amount of money, e.g. parse_value('RMB 100 billion')",
        )
    target = _currency_code(currency)
    rate = _check_rate(rate, source, target)
    if source == target:
        raise CurrencyError(
            f"{where}the value is already in {target}; nothing to convert", text=target, hint="another currency"
        )
    if {source, target} != {rate.base, rate.quote}:
        raise CurrencyError(
            f"{where}a rate between {rate.base} and {rate.quote} cannot turn {source} into {target}",
            text=target,
            hint=f"a rate between {source} and {target}",
        )
    caveats: tuple[str, ...] = ()
    problem = None if claim is None else _mismatch(claim, rate)
    if problem is not None:
        if strict:
            raise RateMismatchError(f"{problem}; pass strict=False to use it anyway")
        warnings.warn(f"{problem}; used anyway because strict=False", RateMismatchWarning, stacklevel=2)
        caveats = (problem,)
    inverse = source == rate.quote
    unit = parse_unit(target)
    with arithmetic():
        return _conversion(original, unit, rate, inverse, claim, caveats)


def _conversion(  # noqa: PLR0913, PLR0917 - the parts of a Conversion, in their order
    original: ReportedValue, unit: Unit, rate: FxRate, inverse: bool, claim: Claim | None, caveats: tuple[str, ...]
) -> Conversion:
    return Conversion(
        original,
        _convert_value(original, unit, rate.rate, inverse),
        rate,
        inverse,
        _widen(original.interval, unit, rate, inverse),
        claim,
        caveats,
    )
