"""Claims to an Arrow table: one row per claim, in the versioned schema of :mod:`.schema`.

Each subject, program, metric, value, period and source is turned into columns
once, however many claims share it, and the rows are gathered with ``take``: the
per-claim work in Python is a handful of dictionary look-ups.
"""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from esgclaims._compare.compare import claim_interval
from esgclaims._errors import InvalidValueError
from esgclaims._periods import AsOf, CalendarYear, FiscalYear, HalfYear, Quarter, Span
from esgclaims._units import parse_unit, quantity, unit_name, ureg

from .read import from_arrow
from .schema import COLUMNS, COMPARISON_SCALE, COMPARISON_UNITS, FIGURE_SCALE, SCHEMA_VERSION, arrow, schema

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    import pyarrow as pa  # type: ignore[import-untyped]

    from esgclaims._model import Claim, Metric, Organization, Program, Source
    from esgclaims._periods import Period
    from esgclaims._units import Quantity, Unit
    from esgclaims._values import ReportedValue

__all__ = ["SCHEMA_VERSION", "from_arrow", "to_arrow"]

_WIDE = decimal.Context(prec=80, traps=[decimal.InvalidOperation, decimal.Inexact])


def to_arrow(claims: Iterable[Claim]) -> pa.Table:
    """The claim table: one row per claim, in order, with the schema version in its metadata.

    Raises:
        InvalidValueError: a figure that ``decimal128(38, s)`` cannot hold exactly, naming the claim and column.

    Examples:
        >>> import esgclaims
        >>> table = to_arrow(esgclaims.load_dataset("jd-2020"))
        >>> table.num_rows, table.column("reported_text")[0].as_py(), table.column("reported")[0].as_py()
        (17, '110', Decimal('110.0000000000'))
    """
    pa = arrow()
    claims = tuple(claims)
    entities: dict[str, tuple[dict[int, int], list[Any]]] = {
        name: ({}, []) for name in ("subject", "program", "metric", "value", "period", "source")
    }
    indices: dict[str, list[int]] = {name: [] for name in entities}

    def index(name: str, item: object) -> None:
        seen, items = entities[name]
        key = id(item)
        position = seen.get(key)
        if position is None:
            position = seen[key] = len(items)
            items.append(item)
        indices[name].append(position)

    columns: dict[str, list[Any]] = {
        name: [] for name in ("claim_id", "dataset", "quote", "span_start", "span_end", "locator")
    }
    columns |= {name: [] for name in ("attribution", "modality", "note", "restates")}
    owners: list[Claim] = []  # the first claim of each value, to name in an error
    for claim in claims:
        citation = claim.citation
        columns["claim_id"].append(claim.id)
        columns["dataset"].append(claim.id.partition("/")[0] if "/" in claim.id else None)
        columns["quote"].append(citation.quote)
        columns["span_start"].append(None if citation.span is None else citation.span[0])
        columns["span_end"].append(None if citation.span is None else citation.span[1])
        columns["locator"].append(citation.locator)
        columns["attribution"].append(claim.attribution)
        columns["modality"].append(claim.modality.value)
        columns["note"].append(claim.note)
        columns["restates"].append(claim.restates)
        index("subject", claim.subject)
        index("program", claim.program)
        index("metric", claim.metric)
        before = len(entities["value"][1])
        index("value", claim.value)
        if len(entities["value"][1]) > before:
            owners.append(claim)
        index("period", claim.period)
        index("source", citation.source)
    target = schema()
    arrays: dict[str, Any] = {name: pa.array(values, target.field(name).type) for name, values in columns.items()}
    builders: dict[str, Callable[[list[Any]], dict[str, list[Any]]]] = {
        "subject": _subjects,
        "program": _programs,
        "metric": _metrics,
        "value": lambda values: _values(values, owners),
        "period": _periods,
        "source": _sources,
    }
    for name, build in builders.items():
        rows = build(entities[name][1])
        take = pa.array(indices[name], pa.int32())
        for column, values in rows.items():
            arrays[column] = pa.array(values, target.field(column).type).take(take)
    return pa.Table.from_arrays([arrays[name] for name in COLUMNS], schema=target)


# ------------------------------------------------------------------ one builder per kind of entity


def _organization(organization: Organization) -> dict[str, Any]:
    return {
        "id": organization.id,
        "name": organization.name,
        "kind": organization.kind.value,
        "aliases": list(organization.aliases),
        "description": organization.description,
    }


def _chain(organization: Organization | None) -> list[dict[str, Any]]:
    chain = []
    while organization is not None:
        chain.append(_organization(organization))
        organization = organization.parent
    return chain


def _subjects(subjects: list[Organization]) -> dict[str, list[Any]]:
    return {
        "subject_id": [s.id for s in subjects],
        "subject_name": [s.name for s in subjects],
        "subject_kind": [s.kind.value for s in subjects],
        "subject_aliases": [list(s.aliases) for s in subjects],
        "subject_description": [s.description for s in subjects],
        "parent_id": [None if s.parent is None else s.parent.id for s in subjects],
        "subject_ancestors": [_chain(s.parent) for s in subjects],
    }


def _programs(programs: list[Program | None]) -> dict[str, list[Any]]:
    return {
        "program_id": [None if p is None else p.id for p in programs],
        "program_name": [None if p is None else p.name for p in programs],
        "program_description": [None if p is None else p.description for p in programs],
        "program_owner": [[] if p is None else _chain(p.owner) for p in programs],
    }


def _metrics(metrics: list[Metric]) -> dict[str, list[Any]]:
    return {
        "metric_id": [m.id for m in metrics],
        "metric_name": [m.name for m in metrics],
        "metric_kind": [m.kind.value for m in metrics],
        "temporal": [m.temporal.value for m in metrics],
        "count_of": [m.count_of for m in metrics],
        "metric_description": [m.description for m in metrics],
        "frameworks": [[f"{t.framework} {t.code} ({t.match.value})" for t in m.frameworks] for m in metrics],
        "framework_tags": [
            [{"framework": t.framework, "code": t.code, "match": t.match.value} for t in m.frameworks] for m in metrics
        ],
    }


def _sources(sources: list[Source]) -> dict[str, list[Any]]:
    return {
        "source_id": [s.id for s in sources],
        "source_title": [s.title for s in sources],
        "source_publisher": [s.publisher for s in sources],
        "source_author": [s.author for s in sources],
        "source_url": [s.url for s in sources],
        "source_published": [None if s.published is None else s.published.iso() for s in sources],
        "source_sha256": [s.sha256 for s in sources],
    }


def _granularities(period: Period) -> tuple[str | None, str | None]:
    if isinstance(period, AsOf):
        return (
            None if period.since is None else period.since.granularity,
            None if period.date is None else period.date.granularity,
        )
    if isinstance(period, Span):
        return period.first.granularity, period.last.granularity
    if isinstance(period, CalendarYear):
        return "year", "year"
    if isinstance(period, HalfYear | Quarter) or (isinstance(period, FiscalYear) and period.first_month is not None):
        return "month", "month"
    return None, None


def _periods(periods: list[Period]) -> dict[str, list[Any]]:
    columns: dict[str, list[Any]] = {
        name: [] for name in ("year", "period_kind", "period", "period_start", "start_granularity")
    }
    columns |= {"period_end": [], "end_granularity": []}
    for period in periods:
        start, end = period.start, period.end
        first, last = _granularities(period)
        columns["year"].append(end.year if end is not None else None if start is None else start.year)
        columns["period_kind"].append(period.kind)
        columns["period"].append(period.iso())
        columns["period_start"].append(start)
        columns["start_granularity"].append(first)
        columns["period_end"].append(end)
        columns["end_granularity"].append(last)
    return columns


# ------------------------------------------------------------------ values: figures, bounds, comparison bounds

_VALUE_COLUMNS = COLUMNS[COLUMNS.index("qualifier") : COLUMNS.index("cmp_high_closed") + 1]
"""The columns a claim's value fills: from its qualifier to its comparison bounds."""


def _values(values: list[ReportedValue | None], owners: list[Claim]) -> dict[str, list[Any]]:
    columns: dict[str, list[Any]] = {name: [] for name in _VALUE_COLUMNS}
    units: dict[Unit, tuple[str, str, str, Decimal]] = {}
    for value, claim in zip(values, owners, strict=True):
        row = dict.fromkeys(_VALUE_COLUMNS) if value is None else _value_row(value, claim, units)
        for name in _VALUE_COLUMNS:
            columns[name].append(row[name])
    return columns


def _value_row(value: ReportedValue, claim: Claim, units: dict[Unit, tuple[str, str, str, Decimal]]) -> dict[str, Any]:
    unit = value.units
    if unit not in units:
        units[unit] = _comparison_unit(unit)
    name, dimension, cmp_unit, factor = units[unit]

    def figure(column: str, number: Decimal | None, scale: int = FIGURE_SCALE) -> Decimal | None:
        return None if number is None else _exact(number, scale, claim, column)

    interval, widened = value.interval, claim_interval(claim, rounding=True)
    low, high = widened.low, widened.high
    return {
        "qualifier": value.qualifier.value,
        "reported_text": format(value.reported.magnitude, "f"),
        "reported": figure("reported", value.reported.magnitude),
        "upper": figure("upper", None if value.upper is None else value.upper.magnitude),
        "tolerance": figure("tolerance", value.tolerance),
        "precision": figure("precision", value.precision),
        "low": figure("low", None if interval.low is None else interval.low.magnitude),
        "high": figure("high", None if interval.high is None else interval.high.magnitude),
        "low_closed": interval.low_closed,
        "high_closed": interval.high_closed,
        "unit": name,
        "dimension": dimension,
        "cmp_unit": cmp_unit,
        "cmp_low": None if low is None else _converted(_in(low, unit), factor, claim, "cmp_low"),
        "cmp_high": None if high is None else _converted(_in(high, unit), factor, claim, "cmp_high"),
        "cmp_low_closed": widened.low_closed,
        "cmp_high_closed": widened.high_closed,
    }


def _in(bound: Quantity, unit: Unit) -> Decimal:
    magnitude: Decimal = bound.magnitude if bound.units == unit else bound.to(unit).magnitude
    return magnitude


def _dimension(unit: Unit) -> str:
    """The dimension as text: equal exactly when the dimensionalities are."""
    items = sorted((str(name), Decimal(str(power))) for name, power in unit.dimensionality.items())
    return " * ".join(f"{name}" if power == 1 else f"{name}**{power}" for name, power in items) or "dimensionless"


_COMPARISON: dict[str, Unit] = {}


def _root_size(unit: Unit) -> Decimal:
    """How many root units one ``unit`` is (a US gallon is 0.003785411784 m³), exactly."""
    return Decimal(str(quantity(1, unit).to_root_units().magnitude))


def _comparison_unit(unit: Unit) -> tuple[str, str, str, Decimal]:
    """The unit's name and dimension, the unit comparison bounds of its dimension are in, and the factor to it."""
    if not _COMPARISON:
        for name in COMPARISON_UNITS:
            known = parse_unit(name)
            _COMPARISON[_dimension(known)] = known
    dimension = _dimension(unit)
    target = _COMPARISON.get(dimension)
    if target is None:
        target = ureg.get_root_units(unit)[1]
    try:  # each unit's size in root units is an exact decimal: their quotient is exact, or there is none
        factor = _WIDE.divide(_root_size(unit), _root_size(target)).normalize(_WIDE)
    except decimal.Inexact:
        raise InvalidValueError(f"no exact conversion from {unit_name(unit)} to {unit_name(target)}") from None
    return unit_name(unit), dimension, unit_name(target), factor


def _exact(number: Decimal, scale: int, claim: Claim, column: str) -> Decimal:
    """``number`` at ``scale`` digits after the point, or an error: never a rounded figure."""
    try:
        held = number.quantize(Decimal(1).scaleb(-scale), context=_WIDE)
    except decimal.DecimalException:
        held = None
    if held is None or held.adjusted() >= 38 - scale:
        raise InvalidValueError(
            f"claim {claim.id!r}, column {column!r}: decimal128(38, {scale}) cannot hold {number} exactly "
            f"(at most {38 - scale} digits before the point and {scale} after)"
        )
    return held


def _converted(number: Decimal, factor: Decimal, claim: Claim, column: str) -> Decimal:
    return _exact(_WIDE.multiply(number, factor), COMPARISON_SCALE, claim, column)
