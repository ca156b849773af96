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
    QuantityKind.MASS: ("g", "kg", "t", "tonne", "kt", "Mt"),
    QuantityKind.ENERGY: ("J", "kJ", "MJ", "GJ", "TJ", "Wh", "kWh", "MWh", "GWh"),
    QuantityKind.EMISSIONS: ("tCO2e", "kgCO2e", "ktCO2e", "MtCO2e"),
    QuantityKind.VOLUME: ("m3", "L", "liter", "cubic_meter"),
    QuantityKind.DISTANCE: ("m", "km", "kilometre"),
}

_YEARS = st.integers(min_value=1, max_value=9999)

#: Record ids: what _model._ID accepts.
ids: st.SearchStrategy[str] = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._/:-]{0,15}", fullmatch=True)

# Any UTF-8-encodable text (no lone surrogates: a claim file is UTF-8).
_any_text = st.text(st.characters(codec="utf-8"), max_size=20)
_texts = _any_text.filter(lambda text: bool(text.strip()))


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
    quote = draw(_texts)
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
