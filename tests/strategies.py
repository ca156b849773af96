"""Hypothesis strategies for valid esgclaims models: every period type, every qualifier, every quantity kind."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from hypothesis import strategies as st

from esgclaims import (
    AsOf,
    CalendarYear,
    Citation,
    Claim,
    ClaimSet,
    FiscalYear,
    FrameworkTag,
    HalfYear,
    Match,
    Metric,
    Modality,
    Organization,
    OrganizationKind,
    PartialDate,
    Period,
    Program,
    Qualifier,
    QuantityKind,
    Quarter,
    ReportedValue,
    Source,
    Span,
    Temporal,
    UnknownPeriod,
    quantity,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "COUNT_KINDS",
    "UNITS",
    "amounts",
    "citations",
    "claim_sets",
    "claims",
    "ids",
    "metrics",
    "organizations",
    "partial_dates",
    "periods",
    "programs",
    "reported_values",
    "sources",
]

#: The counted kinds units.txt defines (register_count_kind is not used: it changes the shared registry).
COUNT_KINDS = ("household", "county", "village", "city", "farm", "item", "person", "employee")

#: Unit names, aliases included, that fit each kind of metric other than count.
UNITS: dict[QuantityKind, tuple[str, ...]] = {
    QuantityKind.MONEY: ("CNY", "RMB", "yuan", "USD", "HKD", "EUR", "GBP", "JPY"),
    QuantityKind.SHARE: ("percent", "%", "permille", "ppm"),
    QuantityKind.MASS: ("g", "kg", "t", "tonne", "kt", "Mt", "Gt", "short_ton"),
    QuantityKind.ENERGY: ("J", "kJ", "MJ", "GJ", "TJ", "Wh", "kWh", "MWh", "GWh", "MMBtu", "therm"),
    QuantityKind.EMISSIONS: ("tCO2e", "kgCO2e", "ktCO2e", "MtCO2e"),
    QuantityKind.VOLUME: ("m3", "L", "liter", "cubic_meter", "ML", "GL", "gal", "ft3"),
    QuantityKind.DISTANCE: ("m", "km", "kilometre", "mi"),
    QuantityKind.RATIO: ("ratio_percent", "dimensionless"),
    QuantityKind.AREA: ("m2", "ha", "km2", "mu", "acre"),
    QuantityKind.TIME: ("hour", "day", "year"),
    QuantityKind.POWER: ("W", "kW", "MW", "GW"),
    QuantityKind.CONCENTRATION: ("mg/L",),
}

_YEARS = st.integers(min_value=1, max_value=9999)

#: Record ids: what _model._ID accepts.
ids: st.SearchStrategy[str] = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._/:-]{0,15}", fullmatch=True)

# Any UTF-8-encodable text (no lone surrogates: a claim file is UTF-8).
_any_text = st.text(st.characters(codec="utf-8"), max_size=20)
_quotes = _any_text.filter(lambda text: bool(text.strip()))
# Names, titles, attributions: no control characters but tab and newline (Cc is C0, DEL and C1).
_texts = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cc"], include_characters="\t\n"), max_size=20
).filter(lambda text: bool(text.strip()))


@st.composite
def partial_dates(draw: st.DrawFn, years: st.SearchStrategy[int] = _YEARS) -> PartialDate:
    """A year, a month or a day."""
    year = draw(years)
    granularity = draw(st.sampled_from(("year", "month", "day")))
    if granularity == "year":
        return PartialDate(year)
    month = draw(st.integers(1, 12))
    if granularity == "month":
        return PartialDate(year, month)
    return PartialDate(year, month, draw(st.integers(1, PartialDate(year, month).last.day)))


@st.composite
def _as_of(draw: st.DrawFn) -> AsOf:
    date, since = draw(st.none() | partial_dates()), draw(st.none() | partial_dates())
    if date is None and since is None:
        date = draw(partial_dates())
    if date is not None and since is not None and date.last < since.first:
        date, since = since, date
    return AsOf(date, since=since)


@st.composite
def _spans(draw: st.DrawFn) -> Span:
    first, last = draw(partial_dates()), draw(st.none() | partial_dates())
    if last is None:
        return Span.single(first)
    if last.last < first.first:
        first, last = last, first
    return Span(first, last)


@st.composite
def _fiscal_years(draw: st.DrawFn) -> FiscalYear:
    # From 2: FY1 could start in the year 0. To 9998: FY9999 from a month after January ends in 10000.
    year = draw(st.integers(min_value=2, max_value=9998))
    if draw(st.booleans()):
        return FiscalYear(year)
    first_month = PartialDate(draw(st.sampled_from((year - 1, year))), draw(st.integers(1, 12)))
    return FiscalYear(year, first_month=first_month)


#: Periods of every type.
periods: st.SearchStrategy[Period] = st.one_of(
    _as_of(),
    _spans(),
    st.builds(CalendarYear, _YEARS),
    _fiscal_years(),
    st.builds(HalfYear, _YEARS, st.sampled_from((1, 2))),
    st.builds(Quarter, _YEARS, st.sampled_from((1, 2, 3, 4))),
    st.just(UnknownPeriod()),
)


@st.composite
def amounts(draw: st.DrawFn, max_digits: int = 7) -> Decimal:
    """Exact decimals of varied exponent: 19.77 million is ``Decimal(1977).scaleb(4)``."""
    digits = draw(st.integers(min_value=0, max_value=10**max_digits - 1))
    return Decimal(digits).scaleb(draw(st.integers(min_value=-4, max_value=9)))


_PRECISIONS = st.none() | st.integers(min_value=-3, max_value=9).map(lambda exponent: Decimal(1).scaleb(exponent))
_TOLERANCES = st.none() | st.integers(min_value=1, max_value=99).map(lambda percent: Decimal(percent).scaleb(-2))


@st.composite
def reported_values(draw: st.DrawFn, metric: Metric | None = None) -> ReportedValue:
    """A value of every qualifier, in a unit ``metric`` accepts (any measuring kind without one)."""
    if metric is None:
        metric = draw(metrics(kinds=st.sampled_from([k for k in QuantityKind if k is not QuantityKind.QUALITATIVE])))
    kind = metric.kind
    unit = metric.count_of if kind is QuantityKind.COUNT else draw(st.sampled_from(UNITS[kind]))
    assert unit is not None
    qualifier = draw(st.sampled_from(Qualifier))
    amount = draw(amounts())
    upper = None
    if qualifier in (Qualifier.RANGE, Qualifier.ORDER_OF_MAGNITUDE):
        upper = amount * 10 if amount and draw(st.booleans()) else amount + draw(amounts()) + Decimal(1).scaleb(-4)
    if kind is QuantityKind.SHARE:  # a share stays within 100 %
        cap = quantity(100, "percent").to(unit).magnitude
        amount = amount % cap
        upper = None if upper is None else amount + (cap - amount) / 2
    if qualifier is Qualifier.LESS_THAN:  # nothing is less than zero
        amount = amount or Decimal(1)
    tolerance = draw(_TOLERANCES) if qualifier is Qualifier.APPROXIMATELY else None
    return ReportedValue.of(amount, unit, qualifier, upper=upper, precision=draw(_PRECISIONS), tolerance=tolerance)


@st.composite
def organizations(draw: st.DrawFn) -> Organization:
    """An organization with a chain of zero to three ancestors, each id distinct."""
    chain = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
    organization: Organization | None = None
    for organization_id in reversed(chain):
        organization = _organization(draw, organization_id, organization)
    assert organization is not None
    return organization


def _organization(draw: st.DrawFn, organization_id: str, parent: Organization | None) -> Organization:
    return Organization(
        organization_id,
        draw(_texts),
        draw(st.sampled_from(OrganizationKind)),
        aliases=tuple(draw(st.lists(_any_text, max_size=3))),
        parent=parent,
        description=draw(_any_text),
    )


@st.composite
def programs(draw: st.DrawFn, owners: st.SearchStrategy[Organization] | None = None) -> Program:
    """A program of an organization."""
    owner = draw(organizations() if owners is None else owners)
    return Program(draw(ids), draw(_texts), owner, draw(_any_text))


_framework_tags: st.SearchStrategy[FrameworkTag] = st.builds(FrameworkTag, _texts, _texts, st.sampled_from(Match))


@st.composite
def metrics(draw: st.DrawFn, kinds: st.SearchStrategy[QuantityKind] | None = None) -> Metric:
    """A metric of each kind; a count has a counted kind; only a qualitative metric is an event."""
    kind = draw(st.sampled_from(QuantityKind) if kinds is None else kinds)
    temporal = draw(
        st.sampled_from([t for t in Temporal if t is not Temporal.EVENT or kind is QuantityKind.QUALITATIVE])
    )
    return Metric(
        draw(ids),
        draw(_texts),
        kind,
        temporal,
        count_of=draw(st.sampled_from(COUNT_KINDS)) if kind is QuantityKind.COUNT else None,
        description=draw(_any_text),
        frameworks=tuple(draw(st.lists(_framework_tags, max_size=3))),
    )


_sha256 = st.text(alphabet="0123456789abcdef", min_size=64, max_size=64)

#: A source document, each optional field present or not.
sources: st.SearchStrategy[Source] = st.builds(
    Source,
    ids,
    _texts,
    _texts,
    author=st.none() | _any_text,
    url=st.none() | _any_text,
    published=st.none() | partial_dates(),
    sha256=st.none() | _sha256,
)


@st.composite
def citations(draw: st.DrawFn, source: st.SearchStrategy[Source] = sources) -> Citation:
    """A quote and a span of the quote's length."""
    quote = draw(_quotes)
    start = draw(st.integers(min_value=0, max_value=10**6))
    return Citation(draw(source), quote, (start, start + len(quote)))


def _claim(
    draw: st.DrawFn,
    claim_id: str,
    *,
    subjects: Sequence[Organization],
    program_pool: Sequence[Program],
    metric_pool: Sequence[Metric],
    source_pool: Sequence[Source],
) -> Claim:
    metric = draw(st.sampled_from(metric_pool))
    value = None if metric.kind is QuantityKind.QUALITATIVE else draw(reported_values(metric))
    return Claim(
        claim_id,
        draw(st.sampled_from(subjects)),
        metric,
        value,
        draw(periods),
        draw(citations(st.sampled_from(source_pool))),
        program=draw(st.none() | st.sampled_from(program_pool)) if program_pool else None,
        attribution=draw(_texts),
        modality=draw(st.sampled_from(Modality)),
        note=draw(_any_text),
    )


@st.composite
def claims(draw: st.DrawFn) -> Claim:
    """One claim, with its own organizations, program, metric and source."""
    return draw(claim_sets(min_size=1, max_size=1)).claims[0]


@st.composite
def claim_sets(draw: st.DrawFn, min_size: int = 0, max_size: int = 6) -> ClaimSet:
    """Claims with unique ids that share organizations, programs, metrics and sources.

    Records of one kind never share an id (a claim file refers to them by id); an
    organization's parent is one drawn before it, so parents form a forest.
    """
    pool: list[Organization] = []
    for organization_id in draw(st.lists(ids, min_size=1, max_size=4, unique=True)):
        parent = draw(st.none() | st.sampled_from(pool)) if pool else None
        pool.append(_organization(draw, organization_id, parent))
    program_pool = [
        Program(program_id, draw(_texts), draw(st.sampled_from(pool)), draw(_any_text))
        for program_id in draw(st.lists(ids, max_size=3, unique=True))
    ]
    metric_pool = draw(st.lists(metrics(), min_size=1, max_size=4, unique_by=lambda metric: metric.id))
    source_pool = draw(st.lists(sources, min_size=1, max_size=2, unique_by=lambda source: source.id))
    claim_ids = draw(st.lists(ids, min_size=min_size, max_size=max_size, unique=True))
    return ClaimSet(
        _claim(
            draw, claim_id, subjects=pool, program_pool=program_pool, metric_pool=metric_pool, source_pool=source_pool
        )
        for claim_id in claim_ids
    )


# ------------------------------------------------------------------ comparing claims

if TYPE_CHECKING:
    from esgclaims import Interval

__all__ += [  # the strategies for comparisons, added after the others
    "RESCALED_UNITS",
    "claim_pairs",
    "numeric_claims",
    "points_in",
    "rescalable_claim_pairs",
]

#: For each unit, another of the same dimension that differs by a power of ten, so that
#: ``ReportedValue.to`` between them is exact: the unit a figure is given in must not matter.
RESCALED_UNITS: dict[str, str] = {
    "t": "kg",
    "kWh": "MWh",
    "CNY": "million*CNY",
    "household": "thousand*household",
}

_RESCALABLE_KINDS: dict[str, QuantityKind] = {
    "t": QuantityKind.MASS,
    "kWh": QuantityKind.ENERGY,
    "CNY": QuantityKind.MONEY,
    "household": QuantityKind.COUNT,
}

_NUMERIC_KINDS = st.sampled_from([kind for kind in QuantityKind if kind is not QuantityKind.QUALITATIVE])

# Light subjects, metrics and sources: a comparison reads their ids and names only, and
# drawing whole records with free text would make each example slow.
_light_subjects = st.builds(
    Organization, st.sampled_from(("jd", "jingxi", "jd-foundation")), st.just("An organization")
)
_light_citations = citations(st.just(Source("source", "A source", "A publisher")))


@st.composite
def _light_metrics(draw: st.DrawFn, kinds: st.SearchStrategy[QuantityKind] = _NUMERIC_KINDS) -> Metric:
    kind = draw(kinds)
    temporal = draw(st.sampled_from([t for t in Temporal if t is not Temporal.EVENT]))
    count_of = draw(st.sampled_from(COUNT_KINDS)) if kind is QuantityKind.COUNT else None
    return Metric(
        draw(st.sampled_from(("m1", "m2", "m3"))), f"A {kind.value} metric", kind, temporal, count_of=count_of
    )


def _in_unit(value: ReportedValue, unit: str) -> ReportedValue:
    """The value converted to ``unit``; a sum of money keeps its figures in the other currency."""
    if value.units.dimensionality == quantity(1, unit).dimensionality:
        return value.to(unit)
    return ReportedValue.of(
        value.reported.magnitude,
        unit,
        value.qualifier,
        upper=None if value.upper is None else value.upper.magnitude,
        precision=value.precision,
        tolerance=value.tolerance,
    )


@st.composite
def numeric_claims(
    draw: st.DrawFn,
    claim_id: str = "a",
    *,
    metric: Metric | None = None,
    subject: Organization | None = None,
    unit: str | None = None,
) -> Claim:
    """A claim with a figure; ``metric``, ``subject`` and the figure's ``unit`` fixed when given."""
    if metric is None:
        metric = draw(_light_metrics())
    value = draw(reported_values(metric))
    if unit is not None:
        value = _in_unit(value, unit)
    return Claim(
        claim_id,
        draw(_light_subjects) if subject is None else subject,
        metric,
        value,
        draw(periods),
        draw(_light_citations),
    )


@st.composite
def claim_pairs(draw: st.DrawFn) -> tuple[Claim, Claim]:
    """Two claims with figures: half the time of one subject and metric (in one unit or not), else unrelated."""
    a = draw(numeric_claims("a"))
    if draw(st.booleans()):
        assert a.value is not None
        unit = draw(st.sampled_from((str(a.value.units), None)))
        return a, draw(numeric_claims("b", metric=a.metric, subject=a.subject, unit=unit))
    return a, draw(numeric_claims("b"))


@st.composite
def rescalable_claim_pairs(draw: st.DrawFn) -> tuple[Claim, Claim]:
    """Two claims whose figures are in units of :data:`RESCALED_UNITS`, each of a metric of its unit's kind."""

    def one(claim_id: str) -> Claim:
        unit = draw(st.sampled_from(sorted(RESCALED_UNITS)))
        kind = _RESCALABLE_KINDS[unit]
        metric = draw(_light_metrics(st.just(kind)))
        if kind is QuantityKind.COUNT:  # a count of households, whose figure is then in households
            metric = Metric(metric.id, metric.name, kind, metric.temporal, count_of=unit)
            return draw(numeric_claims(claim_id, metric=metric))
        return draw(numeric_claims(claim_id, metric=metric, unit=unit))

    a = one("a")
    if draw(st.booleans()):  # the same metric, so that the two figures compare
        assert a.value is not None
        return a, draw(numeric_claims("b", metric=a.metric, subject=a.subject, unit=str(a.value.units)))
    return a, one("b")


@st.composite
def points_in(draw: st.DrawFn, interval: Interval) -> Decimal:
    """A magnitude inside ``interval`` (in its unit): a closed end, or a point well inside an open one.

    Inner points sit a whole number of sixteenths of the width from the low end, far
    above the 28 significant digits of Decimal's rounding, so an open end stays open.
    """
    low = None if interval.low is None else Decimal(interval.low.magnitude)
    high = None if interval.high is None else Decimal(interval.high.magnitude)
    if low is not None and low == high:
        return low
    choices: list[Decimal] = []
    if low is not None and interval.low_closed:
        choices.append(low)
    if high is not None and interval.high_closed:
        choices.append(high)
    if low is not None and high is not None:
        choices.append(low + (high - low) * draw(st.integers(1, 15)) / 16)
    elif low is not None:
        choices.append(low + abs(low) * draw(st.integers(1, 100)) + draw(amounts()) + 1)
    else:
        assert high is not None
        choices.append(high - abs(high) * draw(st.integers(1, 100)) - draw(amounts()) - 1)
    return draw(st.sampled_from(choices))


# --------------------------------------------------------------------- report text, for extraction

_QUALIFIER_WORDS = ("", "more than ", "over ", "nearly ", "about ", "around ", "at least ", "up to ", "less than ")
_COUNTED = ("households", "farms", "villages", "counties", "people", "employees", "items", "tCO2e", "tonnes", "kWh")
_FRAGMENTS = (
    "In 2020,", "as of Sept. 30, 2020,", "JD", "Foundation", "donated", "more than", "around", "RMB", "US$", "HK$", "$",
    "100", "3.5", "47,300", "million", "billion", "万", "亿", "元", "%", "households", "up", "down", "38%",
    "year-on-year", "(", ")", "from", "to", "between", "and", "respectively", "2019", "FY2022", "H1 2022", ".", ",",
    ";", "\n", "\n\n", "the", "10", "Million", "Trees", "Initiative", "1.", "up to now", "since 2016",
    "tens of thousands of", "a year earlier", "during the year", "Scope 1", "tier-1", "5-year",
    "截至2022年12月31日\uff0c", "超过", "3万户", "同比增长12%", "percentage points", "compared with FY2021",
    "over 2022", "150%", "-5", "1,2,3",
)  # fmt: skip


def figure_phrases() -> st.SearchStrategy[str]:
    """A figure as a report writes it: "more than RMB 4.6 million", "about 3,400 households"."""
    money = st.builds(
        lambda q, c, n, s: f"{q}{c}{n}{s}",
        st.sampled_from(_QUALIFIER_WORDS),
        st.sampled_from(("RMB ", "US$", "HK$", "EUR ")),
        st.sampled_from(("4.6", "19.77", "100", "2,400", "35")),
        st.sampled_from(("", " million", " billion")),
    )
    counts = st.builds(
        lambda q, n, noun: f"{q}{n} {noun}",
        st.sampled_from(_QUALIFIER_WORDS),
        st.sampled_from(("12", "110", "3,400", "47,300", "1.27 million")),
        st.sampled_from(_COUNTED),
    )
    shares = st.builds(lambda q, n: f"{q}{n}%", st.sampled_from(_QUALIFIER_WORDS[:5]), st.integers(1, 99))
    return st.one_of(money, counts, shares)


def prose() -> st.SearchStrategy[str]:
    """Report-like text of any shape: fragments of figures, periods, names and punctuation in any order."""
    return st.lists(st.sampled_from(_FRAGMENTS), max_size=30).map(" ".join)


def _in_the_table(claims: ClaimSet) -> bool:
    """Whether the claim table holds every bound exactly (no unit like mu, no bound past decimal128(38, 12))."""
    from esgclaims import InvalidValueError  # noqa: PLC0415 - pyarrow is needed only by the tests that use this

    try:
        claims.to_arrow()
    except InvalidValueError:
        return False
    return True


def table_claim_sets(max_size: int = 8) -> st.SearchStrategy[ClaimSet]:
    """Claim sets the claim table holds exactly; the others are refused on write, as tests/test_table.py shows."""
    return claim_sets(max_size=max_size).filter(_in_the_table)
