"""The table of reference exchange rates shipped with esgclaims, and its strict reader.

The rates live in ``esgclaims/data/fx-reference-rates.toml``, a file people can
read and edit: each row is one published figure with the source it was read at.
The reader checks every row and reports every problem at once, as the claim
loader does; nothing is half-read.
"""

from __future__ import annotations

import contextlib
import functools
from decimal import Decimal
from importlib.resources import files
from typing import TYPE_CHECKING, TypeVar

import attrs

from esgclaims._errors import (
    CurrencyError,
    EsgClaimsError,
    FieldTypeError,
    InvalidRateError,
    MissingFieldError,
    PeriodError,
    RateNotFoundError,
    RecordError,
    UnknownFieldError,
    UnknownReferenceError,
    check_argument,
    did_you_mean,
)
from esgclaims._io.collect import ErrorCollector, unknown
from esgclaims._io.records import describe
from esgclaims._io.text import decode_text, parse_toml
from esgclaims._periods import CalendarYear, PartialDate, Period, Span
from esgclaims._units import currency_of, parse_unit

from .rate import FxRate, RateKind, RateSource, check_currency, check_positive, to_precision, to_rate

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from esgclaims._units import Unit

__all__ = ["REFERENCE_RATES_FILE", "RateTable", "read_rates", "reference_rates"]

#: The file in ``esgclaims/data`` that :func:`reference_rates` reads.
REFERENCE_RATES_FILE = "fx-reference-rates.toml"


def _key(rate: FxRate) -> tuple[frozenset[str], RateKind, Period]:
    """What two rates must not share: one figure for one pair, kind and period, whichever way it is stated."""
    return frozenset((rate.base, rate.quote)), rate.kind, rate.period


def _to_rates(rates: Iterable[FxRate]) -> tuple[FxRate, ...]:
    if not hasattr(rates, "__iter__"):
        check_argument(rates, tuple, where="RateTable(): rates", what="an iterable of esgclaims.FxRate")
    return tuple(rates)


def _code(currency: str | Unit) -> str:
    code = currency_of(parse_unit(currency))
    if code is None:
        raise CurrencyError(f"{currency!r} is not a currency", text=str(currency), hint="a currency such as 'USD'")
    return code


def _years(years: list[int]) -> str:
    """``2015 to 2025`` for a run of years, else the years listed."""
    if years == list(range(years[0], years[-1] + 1)) and len(years) > 1:
        return f"{years[0]} to {years[-1]}"
    return ", ".join(str(year) for year in years)


@attrs.frozen(repr=False)
class RateTable:
    """An immutable table of exchange rates, each with its period and source.

    Examples:
        >>> table = reference_rates()
        >>> len(table), table.pairs
        (33, ('USD/CNY', 'USD/HKD', 'EUR/USD'))
        >>> table.get("CNY", "USD", 2020)
        FxRate('6.9042 CNY per USD, 2020 annual average, Federal Reserve G.5A')
        >>> table.get("USD", "CNY", 2014)
        Traceback (most recent call last):
        ...
        esgclaims.RateNotFoundError: no annual average between USD and CNY for 2014;
        the table has USD/CNY for 2015 to 2025
    """

    rates: tuple[FxRate, ...] = attrs.field(converter=_to_rates)

    def __attrs_post_init__(self) -> None:
        seen: set[tuple[frozenset[str], RateKind, Period]] = set()
        for rate in self.rates:
            if not isinstance(rate, FxRate):
                raise InvalidRateError(f"a rate table holds FxRates, got {type(rate).__name__}")
            if _key(rate) in seen:
                raise InvalidRateError(f"two rates give the {rate.label} between {rate.base} and {rate.quote}")
            seen.add(_key(rate))

    def __iter__(self) -> Iterator[FxRate]:
        return iter(self.rates)

    def __len__(self) -> int:
        return len(self.rates)

    @property
    def pairs(self) -> tuple[str, ...]:
        """The pairs of currencies, as stated (``USD/CNY``: CNY per US dollar), in table order."""
        return tuple(dict.fromkeys(f"{rate.base}/{rate.quote}" for rate in self.rates))

    def between(self, currency: str | Unit, other: str | Unit) -> tuple[FxRate, ...]:
        """Every rate between two currencies, whichever way each is stated."""
        pair = {_code(currency), _code(other)}
        return tuple(rate for rate in self.rates if {rate.base, rate.quote} == pair)

    def get(self, currency: str | Unit, other: str | Unit, year: int) -> FxRate:
        """The annual average between two currencies for calendar ``year``, whichever way it is stated.

        Raises:
            RateNotFoundError: the table has no annual average for that pair and year.
        """
        if isinstance(year, bool) or not isinstance(year, int):
            raise PeriodError(f"year must be a whole number, got {year!r}", text=str(year), hint="a year such as 2020")
        a, b = _code(currency), _code(other)
        rates = [rate for rate in self.between(a, b) if rate.kind is RateKind.ANNUAL_AVERAGE]
        for rate in rates:
            if rate.period == CalendarYear(year):
                return rate
        if not rates:
            known = ", ".join(self.pairs) or "none"
            raise RateNotFoundError(f"no rate between {a} and {b}; the table has {known}")
        years = sorted({rate.period.start.year for rate in rates if rate.period.start is not None})
        stated = f"{rates[0].base}/{rates[0].quote}"
        raise RateNotFoundError(
            f"no annual average between {a} and {b} for {year}; the table has {stated} for {_years(years)}"
        )

    def __repr__(self) -> str:
        pairs = f": {', '.join(self.pairs)}" if self.rates else ""
        return f"RateTable({len(self)} rates{pairs})"


@functools.cache
def _shipped() -> RateTable:
    data = files("esgclaims").joinpath("data", REFERENCE_RATES_FILE).read_bytes()
    return read_rates(data, name=REFERENCE_RATES_FILE)


def reference_rates() -> RateTable:
    """The reference rates shipped with esgclaims, read once from ``esgclaims/data/fx-reference-rates.toml``.

    Annual averages of the Federal Reserve Board's G.5A release (noon buying
    rates in New York) for CNY, HKD and EUR against the US dollar, 2015 onward,
    each as published and with the URL it was read at. Nothing is fetched.

    Examples:
        >>> rate = reference_rates().get("EUR", "USD", 2022)
        >>> rate.base, rate.quote, rate.rate, rate.source.url
        ('EUR', 'USD', Decimal('1.0534'), 'https://www.federalreserve.gov/releases/g5a/20240201')
    """
    return _shipped()


# ---------------------------------------------------------------------------- the reader

_TOP = ("rates", "sources")
_ROW = ("kind", "period", "base", "quote", "rate", "source", "precision")
_ROW_REQUIRED = ("kind", "period", "base", "quote", "rate", "source")
_ROW_NUMBERS = ("rate", "precision")
_SOURCE = ("name", "publisher", "title", "url", "via")
_SOURCE_REQUIRED = ("publisher", "title")
_GRANULARITY = {RateKind.ANNUAL_AVERAGE: "year", RateKind.MONTHLY_AVERAGE: "month", RateKind.SPOT: "day"}
_FILE_KINDS = {kind.value: kind for kind in _GRANULARITY}  # a user's period averages are built in Python


def _file_kind(value: str) -> RateKind:
    """The kind of a rates file's row: an annual or monthly average, or a spot rate."""
    if value in _FILE_KINDS:
        return _FILE_KINDS[value]
    names = list(_FILE_KINDS)
    raise InvalidRateError(f"expected one of {', '.join(names)}, got {value!r}{did_you_mean(value, names)}")


_EXAMPLE = {RateKind.ANNUAL_AVERAGE: "2020", RateKind.MONTHLY_AVERAGE: "2020-09", RateKind.SPOT: "2020-09-30"}


class _Failed(Exception):  # noqa: N818 - a signal, not an error
    """A field whose error is already in the list."""


_T = TypeVar("_T")


def _positive(value: Decimal, attribute: attrs.Attribute[Decimal]) -> Decimal:
    check_positive(None, attribute, value)
    return value


def _currency(value: str, attribute: attrs.Attribute[str]) -> str:
    check_currency(None, attribute, value)
    return value


class _Reader:
    """Reads one rates document, collecting every error."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.errors = ErrorCollector(name)

    def attempt(self, record: str, field: str | None, build: Callable[[], _T]) -> _T:
        """``build()``; or, once its error (named for ``field``) is in the list, :class:`_Failed`."""
        try:
            return build()
        except EsgClaimsError as error:
            self.errors.error(RecordError, str(error), record, field)
            raise _Failed from None

    def table(
        self, value: object, record: str, keys: tuple[str, ...], required: tuple[str, ...], numbers: tuple[str, ...]
    ) -> dict[str, str | Decimal] | None:
        """``value``, when it is a table of known keys that holds every required one, each of its type.

        Every field is a string, but those in ``numbers``: an integer or a decimal.
        """
        if not isinstance(value, dict):
            self.errors.error(FieldTypeError, f"expected a table, got {describe(value)}", record)
            return None
        before = len(self.errors)
        for key in required:
            if key not in value:
                self.errors.error(MissingFieldError, "missing field", record, key)
        typed: dict[str, str | Decimal] = {}
        for key, field in value.items():
            if key not in keys:
                self.errors.error(UnknownFieldError, unknown("field", key, keys), record, key)
            elif key in numbers and isinstance(field, int | Decimal) and not isinstance(field, bool):
                typed[key] = Decimal(field)
            elif key not in numbers and isinstance(field, str):
                typed[key] = field
            else:
                expected = "a number" if key in numbers else "a string"
                self.errors.error(FieldTypeError, f"expected {expected}, got {describe(field)}", record, key)
        return typed if len(self.errors) == before else None

    def run(self, document: dict[str, object]) -> RateTable:
        for key in document:
            if key not in _TOP:
                self.errors.error(UnknownFieldError, unknown("table", key, _TOP), "top level", key)
        for key in _TOP:
            if key not in document:
                self.errors.error(MissingFieldError, "missing table", "top level", key)
        sources = self.sources(document.get("sources", {}))
        rows = document.get("rates", [])
        if not isinstance(rows, list):
            self.errors.error(FieldTypeError, f"expected a list of tables, got {describe(rows)}", "top level", "rates")
            rows = []
        rates = self.rates(rows, sources)
        self.errors.finish()
        return RateTable(rates)

    def sources(self, raw: object) -> dict[str, RateSource | None]:
        """Each source by id; ``None`` for one that failed, so that rows citing it do not report it again."""
        if not isinstance(raw, dict):
            self.errors.error(
                FieldTypeError, f"expected a table of sources, got {describe(raw)}", "top level", "sources"
            )
            return {}
        sources: dict[str, RateSource | None] = {}
        for source_id, fields in raw.items():
            record = f"source {source_id!r}"
            sources[source_id] = None
            typed = self.table(fields, record, _SOURCE, _SOURCE_REQUIRED, ())
            if typed is None:
                continue
            texts = {key: str(value) for key, value in typed.items()}
            with contextlib.suppress(_Failed):
                sources[source_id] = self.attempt(record, None, functools.partial(RateSource, **texts))
        return sources

    def rates(self, rows: list[object], sources: dict[str, RateSource | None]) -> list[FxRate]:
        rates: list[FxRate] = []
        first: dict[tuple[frozenset[str], RateKind, Period], int] = {}
        for index, row in enumerate(rows):
            rate = self.rate(row, f"rates[{index}]", sources)
            if rate is None:
                continue
            if _key(rate) in first:
                self.errors.error(
                    RecordError,
                    f"duplicate rate: rates[{first[_key(rate)]}] already gives the {rate.label} "
                    f"between {rate.base} and {rate.quote}",
                    f"rates[{index}]",
                )
                continue
            first[_key(rate)] = index
            rates.append(rate)
        return rates

    def rate(self, raw: object, record: str, sources: dict[str, RateSource | None]) -> FxRate | None:
        row = self.table(raw, record, _ROW, _ROW_REQUIRED, _ROW_NUMBERS)
        if row is None:
            return None
        text = {key: value for key, value in row.items() if isinstance(value, str)}
        number = {key: value for key, value in row.items() if isinstance(value, Decimal)}
        fields = attrs.fields_dict(FxRate)
        kind: RateKind | None = None
        when: PartialDate | None = None
        failed = False
        with contextlib.suppress(_Failed):
            kind = self.attempt(record, "kind", lambda: _file_kind(text["kind"]))
        with contextlib.suppress(_Failed):
            when = self.attempt(record, "period", lambda: PartialDate.parse(text["period"]))
        checks: dict[str, Callable[[], object]] = {
            "base": lambda: _currency(text["base"], fields["base"]),
            "quote": lambda: _currency(text["quote"], fields["quote"]),
            "rate": lambda: _positive(to_rate(number["rate"]), fields["rate"]),
            "precision": lambda: _positive(to_precision(number["precision"]), fields["precision"]),
            "source": lambda: self.source(text["source"], sources, record),
        }
        for field, check in checks.items():
            if field in row:
                try:
                    self.attempt(record, field, check)
                except _Failed:
                    failed = True
        if kind is None or when is None:
            return None
        if when.granularity != _GRANULARITY[kind]:
            got = text["period"]
            problem = f"expected a {_GRANULARITY[kind]} such as {_EXAMPLE[kind]!r} for {kind.words}, got {got!r}"
            self.errors.error(RecordError, problem, record, "period")
            failed = True
        if failed:
            return None
        period: Period = CalendarYear(when.year) if kind is RateKind.ANNUAL_AVERAGE else Span.single(when)
        source = sources[text["source"]]
        assert source is not None  # noqa: S101 - checked by self.source()
        build = functools.partial(
            FxRate, text["base"], text["quote"], number["rate"], period, kind, source, **_precision(number)
        )
        try:
            return self.attempt(record, None, build)
        except _Failed:
            return None

    def source(self, source_id: str, sources: dict[str, RateSource | None], record: str) -> RateSource:
        if source_id not in sources:
            problem = f"no source with id {source_id!r}{did_you_mean(source_id, sources)}"
            self.errors.error(UnknownReferenceError, problem, record, "source")
            raise _Failed
        source = sources[source_id]
        if source is None:  # its own error is in the list
            raise _Failed
        return source


def _precision(number: dict[str, Decimal]) -> dict[str, Decimal]:
    return {"precision": number["precision"]} if "precision" in number else {}


def read_rates(data: bytes, *, name: str) -> RateTable:
    r"""Read a rates file's bytes (the format of ``fx-reference-rates.toml``) into a :class:`RateTable`.

    Raises:
        FileFormatError: the bytes are not UTF-8 or not TOML.
        LoadError: one or more rows or sources are bad; it lists every one.

    Examples:
        >>> read_rates(b"rates = []\n[sources]", name="empty.toml")
        RateTable(0 rates)
    """
    return _Reader(name).run(parse_toml(decode_text(data, name), name))
