"""Exchange rates as published: two currencies, a rate with its digits, a period, a source.

esgclaims converts currencies only at an :class:`FxRate` (see
:func:`esgclaims.convert`): never at an implied rate, through a pint context or at
a rate fetched from the network. A rate says which two currencies it relates, the
period it applies to (a year's average, a day's spot rate), the digits it was
published with and who published it.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Context, Decimal

import attrs

from esgclaims._errors import InvalidRateError, InvalidValueError, UnitError, did_you_mean
from esgclaims._periods import AsOf, CalendarYear, PartialDate, Period, Span
from esgclaims._units import currency_of, dimension_names, parse_unit, to_decimal

__all__ = ["FxRate", "RateKind", "RateSource", "currencies"]

_WIDE = Context(prec=100)  # a rate plus or minus half its step, exactly


def currencies() -> tuple[str, ...]:
    """The ISO 4217 codes of the currencies of :data:`esgclaims.ureg`.

    Examples:
        >>> currencies()[:8]
        ('AUD', 'BRL', 'CAD', 'CHF', 'CNY', 'EUR', 'GBP', 'HKD')
    """
    prefix = "[currency_"
    return tuple(sorted(name[len(prefix) : -1] for name in dimension_names() if name.startswith(prefix)))


def _text(value: Decimal) -> str:
    """A decimal as written, without exponent: ``6.6400`` stays ``6.6400``."""
    return format(value, "f")


class RateKind(enum.Enum):
    """What an exchange rate is: an average over a period, or a spot rate on a day."""

    ANNUAL_AVERAGE = "annual_average"
    """The average of daily rates over a calendar year: fits a flow within that year."""
    MONTHLY_AVERAGE = "monthly_average"
    """The average of daily rates over a month: fits a flow within that month."""
    SPOT = "spot"
    """The rate on one day: fits a total or a stock as of that day."""
    PERIOD_AVERAGE = "period_average"
    """The average over any period with stated bounds (a fiscal year, a half-year, a quarter), given by the user:
    fits a flow within that period."""

    def __repr__(self) -> str:
        return f"RateKind.{self.name}"

    @property
    def is_average(self) -> bool:
        """True for an average over a period, False for a spot rate."""
        return self is not RateKind.SPOT

    @property
    def words(self) -> str:
        """``an annual average``, ``a monthly average`` or ``a spot rate``."""
        return {
            "annual_average": "an annual average",
            "monthly_average": "a monthly average",
            "spot": "a spot rate",
            "period_average": "an average over a period",
        }[self.value]


def _to_kind(value: RateKind | str) -> RateKind:
    if isinstance(value, RateKind):
        return value
    try:
        return RateKind(value)
    except ValueError:
        names = ", ".join(kind.value for kind in RateKind)
        raise InvalidRateError(f"kind must be one of {names}, got {value!r}") from None


def _check_text(_: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InvalidRateError(f"{attribute.name} must be non-empty text, got {value!r}")


def _check_optional_text(_: object, attribute: attrs.Attribute[str | None], value: object) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise InvalidRateError(f"{attribute.name} must be non-empty text or None, got {value!r}")


@attrs.frozen(repr=False)
class RateSource:
    """Who published a rate, and where it was read.

    ``name`` is the short form a sentence cites ("Federal Reserve G.5A");
    ``via`` names the service the figure was read at when that is not the
    publisher (FRED republishes the Federal Reserve Board's G.5A).

    Examples:
        >>> source = RateSource("European Central Bank", "Euro foreign exchange reference rates", name="ECB")
        >>> str(source), source.citation
        ('ECB', 'European Central Bank, Euro foreign exchange reference rates')
    """

    publisher: str = attrs.field(validator=_check_text)
    title: str = attrs.field(validator=_check_text)
    url: str | None = attrs.field(default=None, validator=_check_optional_text)
    name: str | None = attrs.field(default=None, kw_only=True, validator=_check_optional_text)
    via: str | None = attrs.field(default=None, kw_only=True, validator=_check_optional_text)

    @property
    def citation(self) -> str:
        """Publisher, title, the service it was read at and the URL, as a reference list gives them."""
        parts = [self.publisher, self.title]
        if self.via:
            parts.append(f"via {self.via}")
        if self.url:
            parts.append(self.url)
        return ", ".join(parts)

    def __str__(self) -> str:
        return self.name or self.publisher

    def __repr__(self) -> str:
        return f"RateSource({str(self)!r})"


def check_currency(_: object, attribute: attrs.Attribute[str], value: object) -> None:
    what = f"{attribute.name} currency"
    if not isinstance(value, str):
        raise InvalidRateError(f"{what} must be an ISO 4217 code such as 'USD', got {type(value).__name__}")
    known = currencies()
    if value in known:
        return
    try:
        code = currency_of(parse_unit(value))
    except UnitError:
        code = None
    if code is not None:
        raise InvalidRateError(f"{what} must be an ISO 4217 code, got {value!r}; did you mean {code!r}?")
    hint = did_you_mean(value, known) or f"; expected one of {', '.join(known)}"
    raise InvalidRateError(f"{what} {value!r} is not a currency of esgclaims.ureg{hint}")


def _to_number(field: str, value: object) -> Decimal:
    try:
        return to_decimal(value)
    except InvalidValueError as error:
        raise InvalidRateError(f"{field}: {error}") from None


def to_rate(value: object) -> Decimal:
    return _to_number("rate", value)


def to_precision(value: object) -> Decimal:
    return _to_number("precision", value)


def check_positive(_: object, attribute: attrs.Attribute[Decimal], value: Decimal) -> None:
    if value <= 0:
        raise InvalidRateError(f"{attribute.name} must be positive, got {_text(value)}")


def _published_step(rate: FxRate) -> Decimal:
    """The step of the rate's last written digit: 0.0001 for 6.6400."""
    exponent = rate.rate.as_tuple().exponent
    assert isinstance(exponent, int)  # noqa: S101 - a finite Decimal's exponent
    return Decimal(1).scaleb(exponent)


def _check_source(_: object, __: attrs.Attribute[RateSource], value: object) -> None:
    if not isinstance(value, RateSource):
        raise InvalidRateError(f"source must be a RateSource, got {type(value).__name__}")


def _check_period(_: object, __: attrs.Attribute[Period], value: object) -> None:
    if not isinstance(value, Period):
        raise InvalidRateError(f"period must be an esgclaims Period, got {type(value).__name__}")


def single(period: Period, granularity: str) -> PartialDate | None:
    """The month or day a ``Span.single`` period is, else ``None``."""
    if isinstance(period, Span) and period.first == period.last and period.first.granularity == granularity:
        return period.first
    return None


_PERIOD_SHAPE = {
    RateKind.ANNUAL_AVERAGE: "a CalendarYear",
    RateKind.MONTHLY_AVERAGE: "one month, Span.single(PartialDate(year, month))",
    RateKind.SPOT: "one day, Span.single(PartialDate(year, month, day))",
    RateKind.PERIOD_AVERAGE: "a period whose first and last days are stated",
}


def _bounded(period: Period) -> bool:
    return not isinstance(period, AsOf) and period.start is not None and period.end is not None


@attrs.frozen(repr=False)
class FxRate:
    """An exchange rate as published: ``1 base = rate quote``, for a period, from a source.

    ``precision`` is the step of the last published digit (0.0001 for 6.9042); it
    defaults to the digits ``rate`` is written with, so ``"6.6400"`` keeps four
    decimals. The true rate lies within half a step either side, and conversions
    carry that uncertainty. An annual average applies to a :class:`CalendarYear`;
    a monthly average to ``Span.single(PartialDate(year, month))``; a spot rate to
    ``Span.single(PartialDate(year, month, day))``, a period with known bounds, so
    that period relations can be decided.

    Examples:
        >>> fed = RateSource("Board of Governors of the Federal Reserve System",
        ...                  "G.5A Foreign Exchange Rates (Annual)", name="Federal Reserve G.5A")
        >>> rate = FxRate.annual_average("USD", "CNY", "6.9042", 2020, fed)
        >>> rate
        FxRate('6.9042 CNY per USD, 2020 annual average, Federal Reserve G.5A')
        >>> rate.precision, rate.period
        (Decimal('0.0001'), CalendarYear('2020'))
        >>> FxRate.annual_average("USD", "RMB", "6.9042", 2020, fed)
        Traceback (most recent call last):
        ...
        esgclaims.InvalidRateError: quote currency must be an ISO 4217 code, got 'RMB'; did you mean 'CNY'?
    """

    base: str = attrs.field(validator=check_currency)
    """The currency one unit of which the rate prices."""
    quote: str = attrs.field(validator=check_currency)
    """The currency the rate is stated in."""
    rate: Decimal = attrs.field(converter=to_rate, validator=check_positive)
    """How many units of ``quote`` one unit of ``base`` buys, with the digits as published."""
    period: Period = attrs.field(validator=_check_period)
    kind: RateKind = attrs.field(converter=_to_kind)
    source: RateSource = attrs.field(validator=_check_source)
    precision: Decimal = attrs.field(
        default=attrs.Factory(_published_step, takes_self=True),
        converter=to_precision,
        validator=check_positive,
        kw_only=True,
    )
    """The step of the last published digit."""

    def __attrs_post_init__(self) -> None:
        if self.base == self.quote:
            raise InvalidRateError(f"an exchange rate relates two different currencies, got {self.base} twice")
        if _WIDE.subtract(self.rate, _WIDE.divide(self.precision, 2)) <= 0:
            raise InvalidRateError(
                f"precision {_text(self.precision)} is too coarse for a rate of {_text(self.rate)}: "
                "the rate less half a step would not be positive"
            )
        if self.kind is RateKind.ANNUAL_AVERAGE:
            fits = isinstance(self.period, CalendarYear)
        elif self.kind is RateKind.PERIOD_AVERAGE:
            fits = _bounded(self.period)
        else:
            fits = single(self.period, "month" if self.kind is RateKind.MONTHLY_AVERAGE else "day") is not None
        if not fits:
            raise InvalidRateError(f"{self.kind.words} applies to {_PERIOD_SHAPE[self.kind]}, got {self.period!r}")

    @classmethod
    def annual_average(  # noqa: PLR0913 - one argument per field
        cls, base: str, quote: str, rate: object, year: int, source: RateSource, *, precision: object = None
    ) -> FxRate:
        """The average rate over calendar year ``year``."""
        return cls._build(base, quote, rate, CalendarYear(year), RateKind.ANNUAL_AVERAGE, source, precision)

    @classmethod
    def monthly_average(  # noqa: PLR0913 - one argument per field
        cls, base: str, quote: str, rate: object, month: PartialDate, source: RateSource, *, precision: object = None
    ) -> FxRate:
        """The average rate over one month, ``PartialDate(year, month)``."""
        return cls._build(base, quote, rate, Span.single(month), RateKind.MONTHLY_AVERAGE, source, precision)

    @classmethod
    def average(  # noqa: PLR0913 - one argument per field
        cls, base: str, quote: str, rate: object, period: Period | str, source: RateSource, *, precision: object = None
    ) -> FxRate:
        """The average rate over any period with stated bounds: a fiscal year, a half-year, a quarter, a span.

        A rate you take from a publisher for a claim's own period, say the average over a
        fiscal year, converts a flow within that period strictly. ``period`` is a
        :class:`Period` or text :func:`esgclaims.parse_period` reads.

        Examples:
            >>> bank = RateSource("Example Bank", "Average rates (made up for this example)", name="Example Bank")
            >>> rate = FxRate.average("GBP", "USD", "1.2530", "FY2024 (2023-04 to 2024-03)", bank)
            >>> rate
            FxRate('1.2530 USD per GBP, average over FY2024 (Apr 2023 – Mar 2024), Example Bank')
            >>> FxRate.average("GBP", "USD", "1.2530", "FY2024", bank)
            Traceback (most recent call last):
            ...
            esgclaims.InvalidRateError: an average over a period applies to a period whose first and last days are
            stated, got FiscalYear('FY2024')
        """
        if isinstance(period, str):
            from esgclaims._parse_period import parse_period  # noqa: PLC0415 - a lower layer, needed only here

            period = parse_period(period)
        return cls._build(base, quote, rate, period, RateKind.PERIOD_AVERAGE, source, precision)

    @classmethod
    def spot(  # noqa: PLR0913 - one argument per field
        cls,
        base: str,
        quote: str,
        rate: object,
        date: dt.date | PartialDate | str,
        source: RateSource,
        *,
        precision: object = None,
    ) -> FxRate:
        """The rate on one day, given as a date, a ``PartialDate`` or ``"YYYY-MM-DD"``.

        Examples:
            >>> hkma = RateSource("Hong Kong Monetary Authority", "Exchange rates", name="HKMA")
            >>> FxRate.spot("USD", "HKD", "7.7502", "2020-09-30", hkma).period
            Span('2020-09-30')
        """
        if isinstance(date, dt.date):
            date = PartialDate.of(date)
        elif isinstance(date, str):
            date = PartialDate.parse(date)
        return cls._build(base, quote, rate, Span.single(date), RateKind.SPOT, source, precision)

    @classmethod
    def _build(  # noqa: PLR0913, PLR0917 - one argument per field, as the named constructors pass them
        cls,
        base: str,
        quote: str,
        rate: object,
        period: Period,
        kind: RateKind,
        source: RateSource,
        precision: object,
    ) -> FxRate:
        if precision is None:
            return cls(base, quote, rate, period, kind, source)
        return cls(base, quote, rate, period, kind, source, precision=precision)

    @property
    def label(self) -> str:
        """What the rate is, in words: ``2020 annual average``, ``spot rate for 2020-09-30``."""
        if self.kind is RateKind.SPOT:
            assert isinstance(self.period, Span)  # noqa: S101 - checked in __attrs_post_init__
            return f"spot rate for {self.period.first.iso()}"
        if self.kind is RateKind.PERIOD_AVERAGE:
            return f"average over {self.period}"
        return f"{self.period} {self.kind.words.split(' ', 1)[1]}"

    @property
    def bounds(self) -> tuple[Decimal, Decimal]:
        """The lowest and highest rate the published digits allow: half a step either side."""
        half = _WIDE.divide(self.precision, 2)
        return _WIDE.subtract(self.rate, half), _WIDE.add(self.rate, half)

    def __str__(self) -> str:
        return f"{_text(self.rate)} {self.quote} per {self.base}, {self.label}, {self.source}"

    def __repr__(self) -> str:
        return f"FxRate({str(self)!r})"
