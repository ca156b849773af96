"""Currency conversion: exact, either way round, only at a dated rate that names its source and fits the claim."""

from __future__ import annotations

import socket
import warnings
from decimal import Context, Decimal
from importlib.resources import files
from typing import TYPE_CHECKING

import attrs
import pint
import pytest
from hypothesis import given
from hypothesis import strategies as st

import esgclaims
from esgclaims import (
    AsOf,
    CalendarYear,
    Claim,
    Conversion,
    ConversionTypeError,
    CurrencyError,
    EsgClaimsError,
    EsgClaimsWarning,
    FieldTypeError,
    FileFormatError,
    FiscalYear,
    FxRate,
    HalfYear,
    Interval,
    InvalidRateError,
    LoadError,
    MissingFieldError,
    MissingRateError,
    PartialDate,
    Period,
    PeriodError,
    QuantityKind,
    Quarter,
    RateKind,
    RateMismatchError,
    RateMismatchWarning,
    RateNotFoundError,
    RateSource,
    RateTable,
    ReportedValue,
    Span,
    Temporal,
    UnitError,
    UnknownFieldError,
    UnknownPeriod,
    UnknownReferenceError,
    convert,
    quantity,
    reference_rates,
)
from esgclaims._fx.rate import currencies
from esgclaims._fx.table import _shipped, read_rates
from esgclaims._lexicon import lexicon
from esgclaims._units import currency_of

from .strategies import metrics, reported_values

if TYPE_CHECKING:
    from collections.abc import Callable

CLAIMS = esgclaims.load_dataset("jd-2020")
SALES = CLAIMS["jd-2020/poverty-alleviation-sales"]

FED = RateSource(
    "Board of Governors of the Federal Reserve System",
    "G.5A Foreign Exchange Rates (Annual)",
    name="Federal Reserve G.5A",
)
TEST = RateSource("Test publisher", "Rates made up for tests", name="test")

ANNUAL_2020 = FxRate.annual_average("USD", "CNY", "6.9042", 2020, FED)
MONTH_SEP = FxRate.monthly_average("USD", "CNY", "7.0", PartialDate(2020, 9), TEST)
SPOT_0929 = FxRate.spot("USD", "CNY", "6.8", "2020-09-29", TEST)
SPOT_0930 = FxRate.spot("USD", "CNY", "6.8", PartialDate(2020, 9, 30), TEST)
SPOT_1231 = FxRate.spot("USD", "CNY", "6.5", PartialDate(2020, 12, 31), TEST)

#: 1 USD = 2.0 CNY, give or take 0.05: multiplying gives round numbers.
TWO = FxRate.annual_average("USD", "CNY", "2.0", 2020, TEST)
#: 1 USD = 2.05 CNY, give or take 0.45 (between 1.6 and 2.5): dividing by either end gives round numbers.
ROUGH = FxRate.annual_average("USD", "CNY", "2.05", 2020, TEST, precision="0.9")


def usd(amount: str, qualifier: str = "exact", **kwargs: str) -> ReportedValue:
    return ReportedValue.of(amount, "USD", qualifier, **kwargs)


def cny(amount: str, qualifier: str = "exact", **kwargs: str) -> ReportedValue:
    return ReportedValue.of(amount, "CNY", qualifier, **kwargs)


def claim(period: Period, temporal: Temporal, claim_id: str = "x") -> Claim:
    """The JD sales claim with another id, period and temporal nature."""
    metric = attrs.evolve(SALES.metric, temporal=temporal)
    return attrs.evolve(SALES, id=claim_id, metric=metric, period=period)


# ---------------------------------------------------------------------------- the reference table

FRED = "https://fred.stlouisfed.org/series/"
G5A = "https://www.federalreserve.gov/releases/g5a/"
RELEASE_2015 = G5A + "20160104/default.htm"
RELEASE_2021 = G5A + "20210104"
RELEASE_2024 = G5A + "20240201"
FRED_SERIES = {"CNY": FRED + "AEXCHUS", "HKD": FRED + "AEXHKUS", "EUR": FRED + "AEXUSEU"}

#: Every figure, as the Federal Reserve Board's G.5A publishes it, and the URL it was read at.
FIGURES: list[tuple[int, str, str, str, str]] = [
    (2015, "USD", "CNY", "6.2827", RELEASE_2015),
    (2015, "USD", "HKD", "7.7524", RELEASE_2015),
    (2015, "EUR", "USD", "1.1096", RELEASE_2015),
    (2016, "USD", "CNY", "6.6400", FRED_SERIES["CNY"]),
    (2016, "USD", "HKD", "7.7620", FRED_SERIES["HKD"]),
    (2016, "EUR", "USD", "1.1072", FRED_SERIES["EUR"]),
    (2017, "USD", "CNY", "6.7569", RELEASE_2021),
    (2017, "USD", "HKD", "7.7926", RELEASE_2021),
    (2017, "EUR", "USD", "1.1301", RELEASE_2021),
    (2018, "USD", "CNY", "6.6090", RELEASE_2021),
    (2018, "USD", "HKD", "7.8376", RELEASE_2021),
    (2018, "EUR", "USD", "1.1817", RELEASE_2021),
    (2019, "USD", "CNY", "6.9081", RELEASE_2021),
    (2019, "USD", "HKD", "7.8351", RELEASE_2021),
    (2019, "EUR", "USD", "1.1194", RELEASE_2021),
    (2020, "USD", "CNY", "6.9042", RELEASE_2021),
    (2020, "USD", "HKD", "7.7559", RELEASE_2021),
    (2020, "EUR", "USD", "1.1410", RELEASE_2021),
    (2021, "USD", "CNY", "6.4508", RELEASE_2024),
    (2021, "USD", "HKD", "7.7727", RELEASE_2024),
    (2021, "EUR", "USD", "1.1830", RELEASE_2024),
    (2022, "USD", "CNY", "6.7290", RELEASE_2024),
    (2022, "USD", "HKD", "7.8306", RELEASE_2024),
    (2022, "EUR", "USD", "1.0534", RELEASE_2024),
    (2023, "USD", "CNY", "7.0809", RELEASE_2024),
    (2023, "USD", "HKD", "7.8292", RELEASE_2024),
    (2023, "EUR", "USD", "1.0817", RELEASE_2024),
    (2024, "USD", "CNY", "7.1957", FRED_SERIES["CNY"]),
    (2024, "USD", "HKD", "7.8030", FRED_SERIES["HKD"]),
    (2024, "EUR", "USD", "1.0820", FRED_SERIES["EUR"]),
    (2025, "USD", "CNY", "7.1875", FRED_SERIES["CNY"]),
    (2025, "USD", "HKD", "7.7956", FRED_SERIES["HKD"]),
    (2025, "EUR", "USD", "1.1306", FRED_SERIES["EUR"]),
]


@pytest.mark.parametrize(("year", "base", "quote", "figure", "url"), FIGURES)
def test_every_reference_figure_is_present_as_published_with_its_source(
    *, year: int, base: str, quote: str, figure: str, url: str
) -> None:
    rate = reference_rates().get(base, quote, year)

    assert (rate.base, rate.quote) == (base, quote)  # stored as published, never inverted
    assert str(rate.rate) == figure  # the four published decimals, trailing zeros included
    assert rate.precision == Decimal("0.0001")
    assert (rate.kind, rate.period) == (RateKind.ANNUAL_AVERAGE, CalendarYear(year))
    assert rate.source.url == url
    assert rate.source.publisher == "Board of Governors of the Federal Reserve System"
    assert str(rate.source) == "Federal Reserve G.5A"
    assert "G.5A Foreign Exchange Rates (Annual)" in rate.source.title
    assert rate.source.via == ("FRED, Federal Reserve Bank of St. Louis" if url.startswith(FRED) else None)


def test_the_reference_table_holds_those_figures_and_no_others() -> None:
    table = reference_rates()

    assert len(table) == len(FIGURES) == 33
    assert sorted((r.period.iso(), r.base, r.quote, str(r.rate)) for r in table) == sorted(
        (str(year), base, quote, figure) for year, base, quote, figure, _ in FIGURES
    )
    assert isinstance(table.rates, tuple)
    assert table.pairs == ("USD/CNY", "USD/HKD", "EUR/USD")
    assert repr(table) == "RateTable(33 rates: USD/CNY, USD/HKD, EUR/USD)"


def test_the_reference_table_is_read_once_and_cannot_be_changed() -> None:
    table = reference_rates()

    assert reference_rates() is table
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        table.rates = ()  # type: ignore[misc]


def test_the_reference_table_is_read_without_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("no network")

    monkeypatch.setattr(socket, "socket", refuse)
    _shipped.cache_clear()
    try:
        table = reference_rates()
        conversion = convert(cny("100"), "USD", table.get("CNY", "USD", 2020))
    finally:
        _shipped.cache_clear()
    assert conversion.currency == "USD"


@pytest.mark.parametrize(("currency", "other"), [("CNY", "USD"), ("USD", "CNY"), ("RMB", "US_dollar"), ("yuan", "USD")])
def test_a_reference_rate_is_found_whichever_way_round_and_by_any_unit_name(currency: str, other: str) -> None:
    assert reference_rates().get(currency, other, 2020) is reference_rates().get("USD", "CNY", 2020)


def test_between_lists_every_year_of_a_pair() -> None:
    years = [rate.period.iso() for rate in reference_rates().between("EUR", "USD")]

    assert years == [str(year) for year in range(2015, 2026)]


@pytest.mark.parametrize(
    ("arguments", "error", "message"),
    [
        (
            ("CNY", "USD", 2014),
            RateNotFoundError,
            "no annual average between CNY and USD for 2014; the table has USD/CNY for 2015 to 2025",
        ),
        (
            ("EUR", "USD", 2026),
            RateNotFoundError,
            "no annual average between EUR and USD for 2026; the table has EUR/USD for 2015 to 2025",
        ),
        (
            ("CNY", "GBP", 2020),
            RateNotFoundError,
            "no rate between CNY and GBP; the table has USD/CNY, USD/HKD, EUR/USD",
        ),
        (("CNY", "household", 2020), CurrencyError, "'household' is not a currency"),
        (("CNY", "USDD", 2020), UnitError, "unknown unit 'USDD'; did you mean 'USD'?"),
        (("CNY", "USD", "2020"), PeriodError, "year must be a whole number, got '2020'"),
    ],
)
def test_a_missing_reference_rate_is_a_clear_error(
    arguments: tuple[str, str, int], error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as caught:
        reference_rates().get(*arguments)

    assert str(caught.value) == message


def test_a_missing_year_is_a_lookup_error_of_esgclaims() -> None:
    with pytest.raises(LookupError) as caught:
        reference_rates().get("HKD", "USD", 1999)

    assert isinstance(caught.value, EsgClaimsError)


def test_a_table_lists_years_that_do_not_run_one_after_another() -> None:
    figures = {2015: "6.1", 2017: "6.7", 2018: "6.6"}
    table = RateTable(FxRate.annual_average("USD", "CNY", figure, year, TEST) for year, figure in figures.items())

    with pytest.raises(RateNotFoundError) as caught:
        table.get("USD", "CNY", 2016)

    assert (
        str(caught.value)
        == "no annual average between USD and CNY for 2016; the table has USD/CNY for 2015, 2017, 2018"
    )


@pytest.mark.parametrize(
    ("rates", "message"),
    [
        (
            [ANNUAL_2020, FxRate.annual_average("CNY", "USD", "0.1448", 2020, TEST)],
            "two rates give the 2020 annual average between CNY and USD",
        ),
        ([ANNUAL_2020, "6.9"], "a rate table holds FxRates, got str"),
    ],
)
def test_a_rate_table_refuses_two_figures_for_one_rate_and_non_rates(rates: list[object], message: str) -> None:
    with pytest.raises(InvalidRateError) as caught:
        RateTable(rates)  # type: ignore[arg-type]

    assert str(caught.value) == message


def test_an_empty_table_finds_nothing() -> None:
    table = RateTable(())

    with pytest.raises(RateNotFoundError) as caught:
        table.get("USD", "CNY", 2020)

    assert (repr(table), str(caught.value)) == ("RateTable(0 rates)", "no rate between USD and CNY; the table has none")


# ---------------------------------------------------------------------------- the rates file reader

SOURCE = '[sources.s]\npublisher = "P"\ntitle = "T"\n'
ROW = 'kind = "annual_average", period = "2020", base = "USD", quote = "CNY", rate = 6.9042, source = "s"'


def rates_file(*rows: str, sources: str = SOURCE) -> bytes:
    body = "".join(f"  {{ {row} }},\n" for row in rows)
    return f"rates = [\n{body}]\n\n{sources}".encode()


def test_the_reader_reads_each_kind_of_rate() -> None:
    table = read_rates(
        rates_file(
            ROW,
            'kind = "monthly_average", period = "2020-09", base = "EUR", quote = "USD", rate = 1.18, source = "s"',
            'kind = "spot", period = "2020-09-30", base = "USD", quote = "HKD", rate = 7.75, source = "s", '
            "precision = 0.0005",
        ),
        name="mine.toml",
    )

    assert [rate.label for rate in table] == [
        "2020 annual average",
        "Sep 2020 monthly average",
        "spot rate for 2020-09-30",
    ]
    assert [rate.precision for rate in table] == [Decimal("0.0001"), Decimal("0.01"), Decimal("0.0005")]
    assert table.rates[0].source == RateSource("P", "T")


@pytest.mark.parametrize(
    ("row", "error", "message"),
    [
        (ROW.replace("6.9042", '"6.9042"'), FieldTypeError, "field 'rate': expected a number, got '6.9042'"),
        (ROW.replace("6.9042", "true"), FieldTypeError, "field 'rate': expected a number, got the boolean true"),
        (ROW.replace("6.9042", "-6.9042"), None, "field 'rate': rate must be positive, got -6.9042"),
        (ROW.replace("6.9042", "0"), None, "field 'rate': rate must be positive, got 0"),
        (ROW + ", precision = 0", None, "field 'precision': precision must be positive, got 0"),
        (
            ROW + ", precision = 20",
            None,
            ": precision 20 is too coarse for a rate of 6.9042: the rate less half a step would not be positive",
        ),
        (
            ROW.replace('base = "USD"', 'base = "RMB"'),
            None,
            "field 'base': base currency must be an ISO 4217 code, got 'RMB'; did you mean 'CNY'?",
        ),
        (
            ROW.replace('quote = "CNY"', 'quote = "XYZ"'),
            None,
            (
                "field 'quote': quote currency 'XYZ' is not a currency of esgclaims.ureg; "
                "expected one of AUD, BRL, CAD, CHF, CNY, EUR, GBP, HKD, IDR, INR, JPY, KRW, MXN, MYR, "
                "NZD, SGD, TWD, USD, ZAR"
            ),
        ),
        (
            ROW.replace('quote = "CNY"', 'quote = "USD"'),
            None,
            ": an exchange rate relates two different currencies, got USD twice",
        ),
        (
            ROW.replace('period = "2020"', 'period = "2020-09"'),
            None,
            "field 'period': expected a year such as '2020' for an annual average, got '2020-09'",
        ),
        (
            ROW.replace('"annual_average"', '"spot"'),
            None,
            "field 'period': expected a day such as '2020-09-30' for a spot rate, got '2020'",
        ),
        (ROW.replace('"2020"', "2020"), FieldTypeError, "field 'period': expected a string, got the number 2020"),
        (ROW.replace('"2020"', '"2020-13"'), None, "field 'period': impossible month 13 in 2020"),
        (
            ROW.replace('"annual_average"', '"annual"'),
            None,
            (
                "field 'kind': expected one of annual_average, monthly_average, spot, got 'annual'; "
                "did you mean 'annual_average'?"
            ),
        ),
        (ROW.replace('source = "s"', 'source = "x"'), UnknownReferenceError, "field 'source': no source with id 'x'"),
        (
            ROW + ', currency = "USD"',
            UnknownFieldError,
            ("field 'currency': unknown field; expected one of kind, period, base, quote, rate, source, precision"),
        ),
        (ROW.replace(", rate = 6.9042", ""), MissingFieldError, "field 'rate': missing field"),
    ],
)
def test_a_bad_row_is_reported_with_its_file_row_and_field(
    row: str, error: type[Exception] | None, message: str
) -> None:
    with pytest.raises(LoadError) as caught:
        read_rates(rates_file(ROW, row), name="bad.toml")

    (problem,) = caught.value.exceptions
    where = "bad.toml, rates[1]" + ("" if message.startswith(":") else ", ")
    assert str(caught.value) == f"bad.toml: 1 error; nothing was loaded\n  {where}{message}"
    if error is not None:
        assert type(problem) is error


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (b"rates = []", "top level, field 'sources': missing table"),
        (b"rates = []\n[sources]\n[rate]\n", "top level, field 'rate': unknown table; did you mean 'rates'?"),
        (b'rates = "x"\n[sources]\n', "top level, field 'rates': expected a list of tables, got 'x'"),
        (b"rates = []\nsources = 5\n", "top level, field 'sources': expected a table of sources, got the number 5"),
        (b'rates = ["x"]\n[sources]\n', "rates[0]: expected a table, got 'x'"),
        (rates_file(ROW, sources='[sources.s]\npublisher = "P"\n'), "source 's', field 'title': missing field"),
        (
            rates_file(ROW, sources=SOURCE + 'titel = "T"\n'),
            "source 's', field 'titel': unknown field; did you mean 'title'?",
        ),
        (rates_file(ROW, sources=SOURCE + "url = 5\n"), "source 's', field 'url': expected a string, got the number 5"),
        (
            rates_file(ROW, sources='[sources.s]\npublisher = ""\ntitle = "T"\n'),
            "source 's': publisher must be non-empty text, got ''",
        ),
        (
            rates_file(ROW, ROW.replace('base = "USD", quote = "CNY"', 'base = "CNY", quote = "USD"')),
            "rates[1]: duplicate rate: rates[0] already gives the 2020 annual average between CNY and USD",
        ),
    ],
)
def test_a_bad_document_or_source_is_reported_once(document: bytes, message: str) -> None:
    with pytest.raises(LoadError) as caught:
        read_rates(document, name="bad.toml")

    assert str(caught.value) == f"bad.toml: 1 error; nothing was loaded\n  bad.toml, {message}"


def test_every_bad_row_is_reported_together() -> None:
    document = rates_file(
        ROW.replace("6.9042", "-1"),
        ROW.replace('base = "USD"', 'base = "EURO"').replace('"annual_average"', '"annual"'),
        ROW,
    )

    with pytest.raises(LoadError) as caught:
        read_rates(document, name="bad.toml")

    assert str(caught.value) == (
        "bad.toml: 3 errors; nothing was loaded\n"
        "  bad.toml, rates[0], field 'rate': rate must be positive, got -1\n"
        "  bad.toml, rates[1], field 'kind': expected one of annual_average, monthly_average, spot, got 'annual'; "
        "did you mean 'annual_average'?\n"
        "  bad.toml, rates[1], field 'base': base currency 'EURO' is not a currency of esgclaims.ureg; "
        "did you mean 'EUR'?"
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"rates = [", "bad.toml: malformed TOML: "),
        (b"\xff", "bad.toml: not UTF-8 text (byte 0xff at offset 0); save it as UTF-8"),
    ],
)
def test_a_file_that_is_not_toml_is_a_format_error(data: bytes, message: str) -> None:
    with pytest.raises(FileFormatError) as caught:
        read_rates(data, name="bad.toml")

    assert str(caught.value).startswith(message)


def test_a_mistake_in_the_shipped_file_names_the_row_and_field() -> None:
    text = files("esgclaims").joinpath("data", "fx-reference-rates.toml").read_text(encoding="utf-8")
    edited = text.replace('quote = "CNY", rate = 6.9042', 'quote = "RMB", rate = 6.9042')
    assert edited != text

    with pytest.raises(LoadError) as caught:
        read_rates(edited.encode(), name="fx-reference-rates.toml")

    assert str(caught.value) == (
        "fx-reference-rates.toml: 1 error; nothing was loaded\n"
        "  fx-reference-rates.toml, rates[15], field 'quote': quote currency must be an ISO 4217 code, got 'RMB'; "
        "did you mean 'CNY'?"
    )


# ---------------------------------------------------------------------------- rates and sources


def test_a_rate_reads_as_published() -> None:
    assert str(ANNUAL_2020) == "6.9042 CNY per USD, 2020 annual average, Federal Reserve G.5A"
    assert repr(ANNUAL_2020) == "FxRate('6.9042 CNY per USD, 2020 annual average, Federal Reserve G.5A')"
    assert ANNUAL_2020.bounds == (Decimal("6.90415"), Decimal("6.90425"))
    assert [rate.label for rate in (MONTH_SEP, SPOT_0930)] == ["Sep 2020 monthly average", "spot rate for 2020-09-30"]
    assert (MONTH_SEP.period, SPOT_0930.period) == (
        Span.single(PartialDate(2020, 9)),
        Span.single(PartialDate(2020, 9, 30)),
    )


def test_a_spot_rate_takes_a_date_in_three_forms() -> None:
    import datetime as dt  # noqa: PLC0415 - only this test needs it

    days: list[str | PartialDate | dt.date] = ["2020-09-30", PartialDate(2020, 9, 30), dt.date(2020, 9, 30)]
    forms = [FxRate.spot("USD", "CNY", "6.8", day, TEST) for day in days]

    assert forms[0] == forms[1] == forms[2] == SPOT_0930


@pytest.mark.parametrize(
    ("rate", "precision"),
    [("6.9042", "0.0001"), ("6.6400", "0.0001"), (6.64, "0.01"), (7, "1"), (Decimal("1E+2"), "100")],
)
def test_precision_defaults_to_the_last_written_digit(rate: object, precision: str) -> None:
    assert FxRate.annual_average("USD", "JPY", rate, 2020, TEST).precision == Decimal(precision)


def test_an_explicit_precision_overrides_the_digits() -> None:
    assert FxRate.annual_average("USD", "CNY", "6.9", 2020, TEST, precision="0.0001").precision == Decimal("0.0001")


def test_rates_with_other_precision_differ() -> None:
    assert FxRate.annual_average("USD", "CNY", "6.64", 2020, TEST) != FxRate.annual_average(
        "USD", "CNY", "6.6400", 2020, TEST
    )


def _rate(**changes: object) -> Callable[[], FxRate]:
    arguments: dict[str, object] = {
        "base": "USD",
        "quote": "CNY",
        "rate": "6.9042",
        "period": CalendarYear(2020),
        "kind": RateKind.ANNUAL_AVERAGE,
        "source": TEST,
    } | changes
    return lambda: FxRate(**arguments)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (_rate(rate=0), "rate must be positive, got 0"),
        (_rate(rate="-6.9"), "rate must be positive, got -6.9"),
        (_rate(rate="abc"), "rate: expected a decimal number, got 'abc'"),
        (_rate(rate=None), "rate: expected a number, got NoneType"),
        (_rate(rate=True), "rate: expected a number, got a boolean (True)"),
        (_rate(rate="NaN"), "rate: expected a finite number, got NaN"),
        (_rate(base="RMB"), "base currency must be an ISO 4217 code, got 'RMB'; did you mean 'CNY'?"),
        (
            _rate(quote="XYZ"),
            (
                "quote currency 'XYZ' is not a currency of esgclaims.ureg; expected one of AUD, BRL, CAD, CHF, "
                "CNY, EUR, GBP, HKD, IDR, INR, JPY, KRW, MXN, MYR, NZD, SGD, TWD, USD, ZAR"
            ),
        ),
        (_rate(quote="USDD"), "quote currency 'USDD' is not a currency of esgclaims.ureg; did you mean 'USD'?"),
        (
            _rate(quote="household"),
            (
                "quote currency 'household' is not a currency of esgclaims.ureg; "
                "expected one of AUD, BRL, CAD, CHF, CNY, EUR, GBP, HKD, IDR, INR, JPY, KRW, MXN, MYR, "
                "NZD, SGD, TWD, USD, ZAR"
            ),
        ),
        (_rate(base=840), "base currency must be an ISO 4217 code such as 'USD', got int"),
        (_rate(quote="USD"), "an exchange rate relates two different currencies, got USD twice"),
        (_rate(precision=0), "precision must be positive, got 0"),
        (
            _rate(precision="20"),
            "precision 20 is too coarse for a rate of 6.9042: the rate less half a step would not be positive",
        ),
        (
            _rate(period=Span.single(PartialDate(2020))),
            "an annual average applies to a CalendarYear, got Span('2020 to 2020')",
        ),
        (
            _rate(kind="spot"),
            "a spot rate applies to one day, Span.single(PartialDate(year, month, day)), got CalendarYear('2020')",
        ),
        (
            _rate(kind=RateKind.SPOT, period=Span(PartialDate(2020, 9, 29), PartialDate(2020, 9, 30))),
            (
                "a spot rate applies to one day, Span.single(PartialDate(year, month, day)), "
                "got Span('2020-09-29 to 2020-09-30')"
            ),
        ),
        (
            _rate(kind="monthly_average", period=Span.single(PartialDate(2020, 9, 30))),
            "a monthly average applies to one month, Span.single(PartialDate(year, month)), got Span('2020-09-30')",
        ),
        (
            _rate(kind="annual"),
            "kind must be one of annual_average, monthly_average, spot, period_average, got 'annual'",
        ),
        (_rate(source="Federal Reserve"), "source must be a RateSource, got str"),
        (_rate(period="2020"), "period must be an esgclaims Period, got str"),
    ],
)
def test_a_rate_that_cannot_exist_is_refused(build: Callable[[], FxRate], message: str) -> None:
    with pytest.raises(InvalidRateError) as caught:
        build()

    assert str(caught.value) == message


def test_a_spot_rate_needs_a_real_day() -> None:
    with pytest.raises(PeriodError, match=r"^impossible date 2020-02-30$"):
        FxRate.spot("USD", "CNY", "6.8", "2020-02-30", TEST)


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: RateSource("", "T"), "publisher must be non-empty text, got ''"),
        (lambda: RateSource("P", None), "title must be non-empty text, got None"),  # type: ignore[arg-type]
        (lambda: RateSource("P", "T", ""), "url must be non-empty text or None, got ''"),
        (lambda: RateSource("P", "T", name=" "), "name must be non-empty text or None, got ' '"),
    ],
)
def test_a_source_names_its_publisher_and_title(build: Callable[[], RateSource], message: str) -> None:
    with pytest.raises(InvalidRateError) as caught:
        build()

    assert str(caught.value) == message


def test_a_source_reads_as_a_short_name_or_a_full_citation() -> None:
    fred = reference_rates().get("CNY", "USD", 2024).source

    assert (str(fred), repr(fred)) == ("Federal Reserve G.5A", "RateSource('Federal Reserve G.5A')")
    assert fred.citation == (
        "Board of Governors of the Federal Reserve System, G.5A Foreign Exchange Rates (Annual), FRED series AEXCHUS "
        "(Chinese yuan per US dollar), via FRED, Federal Reserve Bank of St. Louis, https://fred.stlouisfed.org/series/AEXCHUS"
    )
    assert str(RateSource("P", "T")) == "P"


def test_currencies_are_those_of_the_registry() -> None:
    assert currencies() == tuple(sorted(lexicon().currencies))  # each currency of the lexicon is in the registry
    assert {"CNY", "USD", "AUD", "IDR", "INR", "MYR", "BRL", "ZAR"} <= set(currencies())


# ---------------------------------------------------------------------------- converting


def test_rmb_100_billion_at_the_2020_average_is_exact_and_reads_as_a_sentence() -> None:
    conversion = convert(cny("100000000000", precision="1000000000"), "USD", reference_rates().get("CNY", "USD", 2020))

    assert conversion.value.reported.magnitude == Decimal("14483937313.51930708843892124")  # 1e11 / 6.9042, 28 digits
    assert conversion.value.precision == Decimal("144839373.1351930708843892124")  # the original's step, in US$
    assert (conversion.inverse, conversion.currency) == (True, "USD")
    assert str(conversion) == (
        "RMB 100,000,000,000 ≈ US$ 14,483,937,314 at 6.9042 CNY per USD, 2020 annual average, Federal Reserve G.5A"
    )
    assert repr(conversion) == f"Conversion({str(conversion)!r})"
    assert str(conversion.interval) == (
        "[US$ 14,483,832,422.05887677879566933, US$ 14,484,042,206.4989897380560967]"  # 1e11/6.90425, 1e11/6.90415
    )
    assert str(conversion.rounding_interval()) == (
        "[US$ 14,411,413,259.94858239490169098, US$ 14,556,462,417.53148468674637718]"  # 9.95e10/6.90425, ...
    )


def test_converting_by_multiplication_is_exact() -> None:
    conversion = convert(usd("14483937314"), "CNY", ANNUAL_2020)

    assert conversion.inverse is False
    assert conversion.value.reported.magnitude == Decimal("100000000003.3188")  # 14,483,937,314 times 6.9042, exactly


def test_every_magnitude_is_a_decimal() -> None:
    conversion = convert(cny("19.77", "approximately", precision="0.01"), "USD", ANNUAL_2020)
    numbers = [
        conversion.value.reported.magnitude,
        conversion.value.precision,
        conversion.value.tolerance,
        *(bound.magnitude for bound in (conversion.interval.low, conversion.interval.high) if bound is not None),
    ]

    assert all(type(number) is Decimal for number in numbers)


@pytest.mark.parametrize(
    ("base", "quote", "value", "target", "inverse", "converted"),
    [
        ("USD", "CNY", usd("100"), "CNY", False, "RMB 200"),
        ("USD", "CNY", cny("200"), "USD", True, "US$ 100"),
        ("CNY", "USD", cny("200"), "USD", False, "US$ 100"),
        ("CNY", "USD", usd("100"), "CNY", True, "RMB 200"),
    ],
)
def test_a_rate_converts_either_way_round(
    *, base: str, quote: str, value: ReportedValue, target: str, inverse: bool, converted: str
) -> None:
    rate = FxRate.annual_average(base, quote, "2" if base == "USD" else "0.5", 2020, TEST)

    conversion = convert(value, target, rate)

    assert (conversion.inverse, str(conversion.value), conversion.currency) == (inverse, converted, target)


def test_the_euro_row_is_used_as_published_both_ways() -> None:
    rate = reference_rates().get("USD", "EUR", 2020)

    to_dollars = convert(ReportedValue.of("100", "EUR"), "USD", rate)
    to_euros = convert(usd("114.1"), "EUR", rate)

    assert (to_dollars.inverse, str(to_dollars.value)) == (False, "US$ 114.1")
    assert (to_euros.inverse, str(to_euros.value)) == (True, "EUR 100")


QUALIFIERS = [
    # value in US$,                             value in RMB at 2.0,           at every rate from 1.95 to 2.05
    (usd("100"), "RMB 200", "[RMB 195, RMB 205]"),
    (usd("100", "approximately"), "around RMB 200 (±10%)", "[RMB 175.5, RMB 225.5]"),
    (usd("100", "approximately", tolerance="0.05"), "around RMB 200 (±5%)", "[RMB 185.25, RMB 215.25]"),
    (usd("100", "more_than"), "more than RMB 200", "(RMB 195, ∞)"),
    (usd("100", "at_least"), "at least RMB 200", "[RMB 195, ∞)"),
    (usd("100", "less_than"), "less than RMB 200", "[RMB 0, RMB 205)"),
    (usd("100", "at_most"), "at most RMB 200", "[RMB 0, RMB 205]"),
    (usd("100", "range", upper="150"), "RMB 200 to RMB 300", "[RMB 195, RMB 307.5]"),
    (usd("100", "order_of_magnitude", upper="1000"), "RMB 200 to under RMB 2,000", "[RMB 195, RMB 2,050)"),
]


@pytest.mark.parametrize(("value", "converted", "interval"), QUALIFIERS, ids=[str(q[0]) for q in QUALIFIERS])
def test_each_qualifier_keeps_its_meaning_and_its_interval_widens_by_the_rate(
    value: ReportedValue, converted: str, interval: str
) -> None:
    conversion = convert(value, "CNY", TWO)

    assert str(conversion.value) == converted
    assert conversion.value.qualifier is value.qualifier
    assert conversion.value.tolerance == value.tolerance
    assert str(conversion.interval) == interval
    assert _within(conversion.value.interval, conversion.interval)


INVERSE = [
    # value in RMB,                        at every rate from 1.6 to 2.5 RMB per US$
    (cny("200"), "[US$ 80, US$ 125]"),
    (cny("200", "approximately"), "[US$ 72, US$ 137.5]"),
    (cny("200", "more_than"), "(US$ 80, ∞)"),
    (cny("200", "at_least"), "[US$ 80, ∞)"),
    (cny("200", "less_than"), "[US$ 0, US$ 125)"),
    (cny("200", "at_most"), "[US$ 0, US$ 125]"),
    (cny("200", "range", upper="400"), "[US$ 80, US$ 250]"),
    (cny("200", "order_of_magnitude", upper="2000"), "[US$ 80, US$ 1,250)"),
]


@pytest.mark.parametrize(("value", "interval"), INVERSE, ids=[str(q[0]) for q in INVERSE])
def test_each_qualifier_converts_by_division_with_the_rates_ends_swapped(value: ReportedValue, interval: str) -> None:
    conversion = convert(value, "USD", ROUGH)

    assert conversion.inverse is True
    assert conversion.value.reported.magnitude == Decimal("97.56097560975609756097560976")  # 200 / 2.05
    assert str(conversion.interval) == interval


def test_precision_is_the_original_step_in_the_new_currency() -> None:
    conversion = convert(usd("19770000", precision="10000"), "CNY", TWO)

    assert conversion.value.precision == Decimal(20000)
    assert str(conversion.value.rounding_interval()) == "[RMB 39,530,000, RMB 39,550,000]"
    assert (
        str(conversion.rounding_interval()) == "[RMB 38,541,750, RMB 40,538,750]"
    )  # 19,765,000 times 1.95, 19,775,000 times 2.05


def test_a_value_without_precision_has_none_after_conversion() -> None:
    assert convert(usd("100"), "CNY", TWO).value.precision is None


def test_the_interval_is_rounded_outward() -> None:
    conversion = convert(cny("1"), "USD", ANNUAL_2020)  # 1 / 6.90425 and 1 / 6.90415 do not terminate
    exact = Context(prec=60)

    assert conversion.interval.low is not None
    assert conversion.interval.high is not None
    assert conversion.interval.low.magnitude < exact.divide(Decimal(1), Decimal("6.90425"))
    assert conversion.interval.high.magnitude > exact.divide(Decimal(1), Decimal("6.90415"))


@pytest.mark.parametrize(
    ("value", "currency", "rate", "sentence"),
    [
        (cny("19.77"), "USD", ANNUAL_2020, "RMB 19.77 ≈ US$ 2.86 at"),  # the original's decimals
        (cny("5", "less_than"), "USD", ANNUAL_2020, "less than RMB 5 ≈ less than US$ 0.724 at"),  # 3 significant digits
        (
            cny("200000000", "approximately"),
            "USD",
            ANNUAL_2020,
            "around RMB 200,000,000 (±10%) ≈ around US$ 28,967,875 (±10%) at",
        ),
        (
            usd("100", "more_than"),
            "EUR",
            reference_rates().get("EUR", "USD", 2020),
            "more than US$ 100 ≈ more than EUR 87.6 at",
        ),
        (  # rounding would join the range's ends: shown in full
            cny("1", "range", upper="1.0001"),
            "USD",
            FxRate.annual_average("USD", "CNY", "1000", 2020, TEST),
            "RMB 1 to RMB 1.0001 ≈ US$ 0.001 to US$ 0.0010001 at",
        ),
    ],
)
def test_the_sentence_rounds_the_converted_figure_for_reading(
    value: ReportedValue, currency: str, rate: FxRate, sentence: str
) -> None:
    assert str(convert(value, currency, rate)).startswith(sentence)


def test_conversion_records_the_claim_and_never_joins_the_currencies() -> None:
    donations = CLAIMS["jd-2020/jd-foundation-donations"]

    conversion = convert(donations, "USD", ANNUAL_2020)

    assert (conversion.claim, conversion.original, conversion.rate, conversion.caveats) == (
        donations,
        donations.value,
        ANNUAL_2020,
        (),
    )
    with pytest.raises(pint.DimensionalityError):
        quantity(1, "CNY") + quantity(1, "USD")


def test_a_conversion_cannot_be_changed() -> None:
    conversion = convert(usd("100"), "CNY", TWO)

    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        conversion.inverse = True  # type: ignore[misc]
    assert isinstance(conversion, Conversion)


# ---------------------------------------------------------------------------- fitting the claim's period

FITS: list[tuple[str, Claim, FxRate, str | None]] = [
    ("flow over the year", claim(CalendarYear(2020), Temporal.FLOW), ANNUAL_2020, None),
    ("flow over a quarter", claim(Quarter(2020, 3), Temporal.FLOW), ANNUAL_2020, None),
    ("flow over the month", claim(Span.single(PartialDate(2020, 9)), Temporal.FLOW), MONTH_SEP, None),
    (
        "flow within the month",
        claim(Span(PartialDate(2020, 9, 1), PartialDate(2020, 9, 15)), Temporal.FLOW),
        MONTH_SEP,
        None,
    ),
    (
        "fiscal year = calendar year",
        claim(FiscalYear(2020, first_month=PartialDate(2020, 1)), Temporal.FLOW),
        ANNUAL_2020,
        None,
    ),
    ("cumulative over the year", claim(CalendarYear(2020), Temporal.CUMULATIVE), ANNUAL_2020, None),
    ("cumulative as of the day", claim(AsOf(PartialDate(2020, 9, 30)), Temporal.CUMULATIVE), SPOT_0930, None),
    (
        "cumulative since, as of the day",
        claim(AsOf(PartialDate(2020, 9, 30), since=PartialDate(2016)), Temporal.CUMULATIVE),
        SPOT_0930,
        None,
    ),
    ("stock as of the day", claim(AsOf(PartialDate(2020, 12, 31)), Temporal.STOCK), SPOT_1231, None),
    ("stock on the day", claim(Span.single(PartialDate(2020, 12, 31)), Temporal.STOCK), SPOT_1231, None),
    (
        "flow over half a year, monthly rate",
        claim(HalfYear(2020, 2), Temporal.FLOW),
        MONTH_SEP,
        "claim 'x' is a flow over H2 2020: it needs an average rate covering H2 2020, not the Sep 2020 monthly average",
    ),
    (
        "flow over another year",
        claim(CalendarYear(2021), Temporal.FLOW),
        ANNUAL_2020,
        "claim 'x' is a flow over 2021: it needs an average rate covering 2021, not the 2020 annual average",
    ),
    (
        "flow over a longer span",
        claim(Span(PartialDate(2019, 9), PartialDate(2021, 2)), Temporal.FLOW),
        ANNUAL_2020,
        (
            "claim 'x' is a flow over Sep 2019 – Feb 2021: it needs an average rate covering Sep 2019 – Feb 2021, "
            "not the 2020 annual average"
        ),
    ),
    (
        "fiscal year of unknown bounds",
        claim(FiscalYear(2020), Temporal.FLOW),
        ANNUAL_2020,
        (
            "claim 'x' is a flow over FY2020: it needs an average rate covering FY2020, whose dates are not stated, "
            "not the 2020 annual average"
        ),
    ),
    (
        "flow at a spot rate",
        claim(CalendarYear(2020), Temporal.FLOW),
        SPOT_0930,
        "claim 'x' is a flow over 2020: it needs an average rate covering 2020, not the spot rate for 2020-09-30",
    ),
    (
        "cumulative at an average",
        claim(AsOf(PartialDate(2020, 9, 30)), Temporal.CUMULATIVE),
        ANNUAL_2020,
        "claim 'x' is cumulative to 30 Sep 2020: it needs a spot rate for 2020-09-30, not the 2020 annual average",
    ),
    (
        "cumulative at another day's rate",
        claim(AsOf(PartialDate(2020, 9, 30)), Temporal.CUMULATIVE),
        SPOT_0929,
        "claim 'x' is cumulative to 30 Sep 2020: it needs a spot rate for 2020-09-30, not the spot rate for 2020-09-29",
    ),
    (
        "cumulative since, at an average",
        claim(AsOf(PartialDate(2020, 9, 30), since=PartialDate(2016)), Temporal.CUMULATIVE),
        ANNUAL_2020,
        (
            "claim 'x' is cumulative since 2016, to 30 Sep 2020: it needs a spot rate for 2020-09-30, "
            "not the 2020 annual average"
        ),
    ),
    (
        "cumulative since, with no end",
        claim(AsOf(since=PartialDate(2016)), Temporal.CUMULATIVE),
        SPOT_0930,
        (
            "claim 'x' is cumulative since 2016: it needs a spot rate for the day it runs to, which is not stated, "
            "not the spot rate for 2020-09-30"
        ),
    ),
    (
        "cumulative to a month",
        claim(AsOf(PartialDate(2020, 9)), Temporal.CUMULATIVE),
        SPOT_0930,
        (
            "claim 'x' is cumulative to Sep 2020: it needs a spot rate for the day it stands at, which Sep 2020 "
            "does not name, not the spot rate for 2020-09-30"
        ),
    ),
    (
        "stock at an average",
        claim(AsOf(PartialDate(2020, 12, 31)), Temporal.STOCK),
        ANNUAL_2020,
        "claim 'x' is a stock as of 31 Dec 2020: it needs a spot rate for 2020-12-31, not the 2020 annual average",
    ),
    (
        "stock in a year",
        claim(CalendarYear(2020), Temporal.STOCK),
        ANNUAL_2020,
        (
            "claim 'x' is a stock in 2020: it needs a spot rate for the day it stands at, which 2020 does not name, "
            "not the 2020 annual average"
        ),
    ),
    (
        "flow as of a day",
        claim(AsOf(PartialDate(2020, 9, 30)), Temporal.FLOW),
        ANNUAL_2020,
        "claim 'x' is a flow to 30 Sep 2020: it needs a spot rate for 2020-09-30, not the 2020 annual average",
    ),
    (
        "no period",
        claim(UnknownPeriod(), Temporal.FLOW),
        ANNUAL_2020,
        "claim 'x' states no period: no rate can be shown to fit it, not even the 2020 annual average",
    ),
]


@pytest.mark.parametrize(("claim_", "rate", "problem"), [pytest.param(*case[1:], id=case[0]) for case in FITS])
def test_a_rate_must_fit_the_claims_period(claim_: Claim, rate: FxRate, problem: str | None) -> None:
    if problem is None:
        assert convert(claim_, "USD", rate).caveats == ()  # and no warning: warnings are errors here
        return
    with pytest.raises(RateMismatchError) as caught:
        convert(claim_, "USD", rate)
    assert str(caught.value) == f"{problem}; pass strict=False to use it anyway"

    with pytest.warns(RateMismatchWarning) as warned:
        conversion = convert(claim_, "USD", rate, strict=False)
    assert [str(warning.message) for warning in warned] == [f"{problem}; used anyway because strict=False"]
    assert conversion.caveats == (problem,)
    assert str(conversion).endswith(f"; caveat: {problem}")


def test_the_jd_sales_need_a_spot_rate_and_strict_false_gives_the_figure_with_a_caveat() -> None:
    rate = reference_rates().get("CNY", "USD", 2020)
    problem = (
        "claim 'jd-2020/poverty-alleviation-sales' is cumulative to 30 Sep 2020: it needs a spot rate for "
        "2020-09-30, not the 2020 annual average"
    )

    with pytest.raises(RateMismatchError) as caught:
        convert(SALES, "USD", rate)
    with pytest.warns(RateMismatchWarning) as warned:
        conversion = convert(SALES, "USD", rate, strict=False)

    assert str(caught.value) == f"{problem}; pass strict=False to use it anyway"
    assert warned[0].filename == __file__  # the warning points at the caller
    assert str(conversion) == (
        "RMB 100,000,000,000 ≈ US$ 14,483,937,314 at 6.9042 CNY per USD, 2020 annual average, "
        f"Federal Reserve G.5A; caveat: {problem}"
    )


def test_a_bare_value_has_no_period_to_check() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert convert(cny("1"), "USD", SPOT_0930).caveats == ()


def test_mismatches_are_value_errors_and_warnings_are_user_warnings() -> None:
    assert issubclass(RateMismatchError, EsgClaimsError)
    assert issubclass(RateMismatchError, ValueError)
    assert issubclass(RateMismatchWarning, EsgClaimsWarning)
    assert issubclass(RateMismatchWarning, UserWarning)


@pytest.mark.parametrize(
    ("error", "builtin"),
    [
        (InvalidRateError, ValueError),
        (CurrencyError, UnitError),
        (CurrencyError, ValueError),
        (RateNotFoundError, LookupError),
        (ConversionTypeError, TypeError),
        (MissingRateError, ConversionTypeError),
        (MissingRateError, TypeError),
    ],
)
def test_every_new_error_is_an_esgclaims_error_and_a_fitting_builtin(error: type, builtin: type) -> None:
    assert issubclass(error, EsgClaimsError)
    assert issubclass(error, builtin)


# ---------------------------------------------------------------------------- bad input

HOW = "take one from esgclaims.reference_rates(), or build one with FxRate.annual_average() or FxRate.spot()"


@pytest.mark.parametrize(
    ("arguments", "error", "message"),
    [
        (
            ("RMB 100 billion", "USD", ANNUAL_2020),
            ConversionTypeError,
            "convert() takes a ReportedValue or a Claim, got str; read text with esgclaims.parse_value() first",
        ),
        (
            (Decimal(100), "USD", ANNUAL_2020),
            ConversionTypeError,
            "convert() takes a ReportedValue or a Claim, got Decimal",
        ),
        (
            (quantity(100, "CNY"), "USD", ANNUAL_2020),
            ConversionTypeError,
            "convert() takes a ReportedValue or a Claim, got Quantity",
        ),
        (
            (cny("100"), "USD"),
            MissingRateError,
            (
                "convert() needs an explicit FxRate to turn CNY into USD: esgclaims converts only at a dated rate that "
                f"names its source; {HOW}"
            ),
        ),
        (
            (cny("100"), "USD", None),
            MissingRateError,
            (
                "convert() needs an explicit FxRate to turn CNY into USD: esgclaims converts only at a dated rate that "
                f"names its source; {HOW}"
            ),
        ),
        (
            (cny("100"), "USD", 6.9042),
            MissingRateError,
            f"convert() needs an FxRate, got the bare number 6.9042: it has no date or source; {HOW}",
        ),
        (
            (cny("100"), "USD", Decimal("6.9042")),
            MissingRateError,
            f"convert() needs an FxRate, got the bare number 6.9042: it has no date or source; {HOW}",
        ),
        ((cny("100"), "USD", "6.9042"), MissingRateError, f"convert() needs an FxRate, got str; {HOW}"),
        ((cny("100"), "USD", reference_rates()), MissingRateError, f"convert() needs an FxRate, got RateTable; {HOW}"),
        (
            (cny("100"), "HKD", ANNUAL_2020),
            CurrencyError,
            "a rate between USD and CNY cannot turn CNY into HKD",
        ),
        (
            (ReportedValue.of("100", "HKD"), "USD", ANNUAL_2020),
            CurrencyError,
            "a rate between USD and CNY cannot turn HKD into USD",
        ),
        ((cny("100"), "CNY", ANNUAL_2020), CurrencyError, "the value is already in CNY; nothing to convert"),
        ((cny("100"), "RMB", ANNUAL_2020), CurrencyError, "the value is already in CNY; nothing to convert"),
        (
            (ReportedValue.of("110", "county"), "USD", ANNUAL_2020),
            CurrencyError,
            "only an amount of money converts between currencies, got 110 counties",
        ),
        (
            (ReportedValue.of("100", "CNY/household"), "USD", ANNUAL_2020),
            CurrencyError,
            "only an amount of money converts between currencies, got RMB 100 per household",
        ),
        (
            (CLAIMS["jd-2020/impoverished-counties-helped"], "USD", ANNUAL_2020),
            CurrencyError,
            (
                "claim 'jd-2020/impoverished-counties-helped': only an amount of money converts between currencies, "
                "got 110 counties"
            ),
        ),
        (
            (CLAIMS["jd-2020/jd-foundation-founded"], "USD", ANNUAL_2020),
            CurrencyError,
            (
                "claim 'jd-2020/jd-foundation-founded' states no figure to convert: metric 'organization-founded' "
                "is qualitative"
            ),
        ),
        (
            (SALES, "HKD", ANNUAL_2020),
            CurrencyError,
            "claim 'jd-2020/poverty-alleviation-sales': a rate between USD and CNY cannot turn CNY into HKD",
        ),
        ((cny("100"), "household", ANNUAL_2020), CurrencyError, "'household' is not a currency"),
        ((cny("100"), "USDD", ANNUAL_2020), UnitError, "unknown unit 'USDD'; did you mean 'USD'?"),
    ],
)
def test_bad_input_is_a_clear_error(arguments: tuple[object, ...], error: type[Exception], message: str) -> None:
    with pytest.raises(error) as caught:
        convert(*arguments)  # type: ignore[arg-type]

    assert isinstance(caught.value, EsgClaimsError)
    assert str(caught.value) == message


# ---------------------------------------------------------------------------- properties

MONEY = metrics(kinds=st.just(QuantityKind.MONEY))


@st.composite
def money_and_rate(draw: st.DrawFn) -> tuple[ReportedValue, str, FxRate]:
    """A value in any currency, another currency, and a rate between the two stated either way round."""
    value = draw(reported_values(draw(MONEY)))
    currency = currency_of(value.units)
    assert currency is not None
    other = draw(st.sampled_from([code for code in currencies() if code != currency]))
    # a published rate: up to seven digits, up to eight decimals (precision = its last digit)
    figure = Decimal(draw(st.integers(min_value=1, max_value=10**7 - 1))).scaleb(-draw(st.integers(0, 8)))
    base, quote = (currency, other) if draw(st.booleans()) else (other, currency)
    return value, other, FxRate.annual_average(base, quote, figure, 2020, TEST)


def _within(inner: Interval, outer: Interval) -> bool:
    """Whether every value of ``inner`` lies in ``outer``."""
    low_ok = outer.low is None or (
        inner.low is not None
        and (outer.low < inner.low or (outer.low == inner.low and (outer.low_closed or not inner.low_closed)))
    )
    high_ok = outer.high is None or (
        inner.high is not None
        and (outer.high > inner.high or (outer.high == inner.high and (outer.high_closed or not inner.high_closed)))
    )
    return low_ok and high_ok


@given(money_and_rate())
def test_converting_there_and_back_returns_the_original_within_the_rates_precision(
    case: tuple[ReportedValue, str, FxRate],
) -> None:
    value, other, rate = case
    home = currency_of(value.units)
    assert home is not None

    there = convert(value, other, rate)
    back = convert(there.value, home, rate)

    assert _within(value.interval, back.interval)  # the original lies in the round trip's interval
    low_rate, high_rate = rate.bounds
    slack = Context(prec=60).divide(low_rate, high_rate) * (1 - Decimal("1e-20"))  # one rate's precision, no more
    if value.interval.low is not None and back.interval.low is not None:
        assert back.interval.low.magnitude >= value.interval.low.magnitude * slack
    if value.interval.high is not None and back.interval.high is not None:
        assert back.interval.high.magnitude * slack <= value.interval.high.magnitude


@given(money_and_rate())
def test_the_interval_holds_every_value_at_every_rate_the_digits_allow(case: tuple[ReportedValue, str, FxRate]) -> None:
    value, other, rate = case
    conversion = convert(value, other, rate)
    exact = Context(prec=80)

    assert _within(conversion.value.interval, conversion.interval)
    for figure in (*rate.bounds, rate.rate):
        for bound in (value.interval.low, value.interval.high):
            if bound is None:
                continue
            amount = bound.magnitude
            at_rate = exact.divide(amount, figure) if conversion.inverse else exact.multiply(amount, figure)
            low, high = conversion.interval.low, conversion.interval.high
            assert low is None or low.magnitude <= at_rate
            assert high is None or at_rate <= high.magnitude
    assert str(conversion).startswith(f"{value} ≈ ")


@given(
    reported_values(SALES.metric),
    st.integers(min_value=-6, max_value=6),
    st.integers(min_value=-6, max_value=6),
)
def test_the_result_does_not_depend_on_the_direction_the_rate_is_stated_in(
    value: ReportedValue, twos: int, fives: int
) -> None:
    exact = Context(prec=60)
    figure = exact.multiply(exact.power(Decimal(2), twos), exact.power(Decimal(5), fives))  # 1/figure terminates
    home = currency_of(value.units)
    other = "JPY" if home != "JPY" else "USD"
    assert home is not None
    stated = FxRate.annual_average(home, other, figure, 2020, TEST)
    inverted = FxRate.annual_average(other, home, exact.divide(Decimal(1), figure), 2020, TEST)

    one_way, other_way = convert(value, other, stated), convert(value, other, inverted)

    assert (one_way.inverse, other_way.inverse) == (False, True)
    assert one_way.value == other_way.value


# ---------------------------------------------------------------------------- averages over any period

FY2024 = FiscalYear(2024, first_month=PartialDate(2023, 4))
FY_AVERAGE = FxRate.average("USD", "CNY", "7.1000", FY2024, TEST)


@pytest.mark.parametrize(
    ("period", "label"),
    [
        ("FY2024 (2023-04 to 2024-03)", "average over FY2024 (Apr 2023 – Mar 2024)"),
        ("H1 2024", "average over H1 2024"),
        ("Q3 2024", "average over Q3 2024"),
        ("2023-07 to 2024-06", "average over Jul 2023 – Jun 2024"),
    ],
)
def test_an_average_may_cover_any_period_with_stated_bounds(period: str, label: str) -> None:
    rate = FxRate.average("USD", "CNY", "7.1", period, TEST)
    assert (rate.kind, rate.label) == (RateKind.PERIOD_AVERAGE, label)


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        (FiscalYear(2024), "FiscalYear('FY2024')"),
        (AsOf(PartialDate(2024, 3, 31)), "AsOf('as of 2024-03-31')"),
        (UnknownPeriod(), "UnknownPeriod('unknown')"),
    ],
)
def test_an_average_needs_a_period_with_stated_bounds(period: Period, expected: str) -> None:
    with pytest.raises(InvalidRateError) as caught:
        FxRate.average("USD", "CNY", "7.1", period, TEST)
    assert str(caught.value) == (
        f"an average over a period applies to a period whose first and last days are stated, got {expected}"
    )


def test_a_fiscal_year_flow_converts_strictly_at_an_average_over_that_fiscal_year() -> None:
    flow = claim(FY2024, Temporal.FLOW)
    conversion = convert(flow, "USD", FY_AVERAGE)
    assert conversion.caveats == ()
    assert str(conversion) == (
        "RMB 100,000,000,000 ≈ US$ 14,084,507,042 at 7.1000 CNY per USD, average over FY2024 (Apr 2023 – Mar 2024), "
        "test"
    )


def test_a_quarter_within_the_fiscal_year_converts_at_its_average() -> None:
    assert convert(claim(Quarter(2023, 3), Temporal.FLOW), "USD", FY_AVERAGE).caveats == ()


def test_a_rate_whose_period_does_not_cover_the_claim_is_a_clear_error() -> None:
    with pytest.raises(RateMismatchError) as caught:
        convert(claim(CalendarYear(2024), Temporal.FLOW), "USD", FY_AVERAGE)
    assert str(caught.value) == (
        "claim 'x' is a flow over 2024: it needs an average rate covering 2024, not the average over FY2024 "
        "(Apr 2023 – Mar 2024); pass strict=False to use it anyway"
    )


def test_a_rates_file_still_holds_only_calendar_kinds() -> None:
    row = ROW.replace('"annual_average"', '"period_average"')
    with pytest.raises(LoadError) as caught:
        read_rates(rates_file(row), name="mine.toml")
    assert [str(error) for error in caught.value.exceptions] == [
        (
            "mine.toml, rates[0], field 'kind': expected one of annual_average, monthly_average, spot, "
            "got 'period_average'; did you mean 'monthly_average'?"
        )
    ]
