"""An Arrow claim table back to claims: the schema checked first, every bad row reported, and nothing loaded.

The derived columns (``dataset``, ``year``, the bounds, the dimension, the
comparison bounds, the dates) are not read: a claim is rebuilt from what it is
made of, and writing it again derives them afresh.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise
from typing import TYPE_CHECKING, Any, TypeVar

from esgclaims._claimset import ClaimSet
from esgclaims._decimal import arithmetic
from esgclaims._errors import EsgClaimsError, FieldTypeError, FileFormatError, LoadError, MissingFieldError, RecordError
from esgclaims._io.assemble import ClaimAssembler
from esgclaims._io.load import no_cycle_collection
from esgclaims._io.records import ClaimRecord, ValueRecord
from esgclaims._model import Citation, Claim, FrameworkTag, Metric, Organization, Program, Source
from esgclaims._parse_period import parse_period
from esgclaims._periods import PartialDate
from esgclaims._units import parse_unit, plain, quantity
from esgclaims._values import ReportedValue

from .schema import OPTIONAL_COLUMNS, SCHEMA_VERSION, VERSION_KEY, schema

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable, Iterator

    import pyarrow as pa  # type: ignore[import-untyped]

    from esgclaims._periods import Period
    from esgclaims._units import Unit

__all__ = ["from_arrow"]

_T = TypeVar("_T")


def from_arrow(table: pa.Table, *, path: str | None = None) -> ClaimSet:
    """The claims of a claim table (from :func:`to_arrow` or a Parquet file).

    Args:
        table: A ``pyarrow.Table`` in the claim table schema (other columns are ignored; a table
            without ``restates``, written before it was added, has no restatements).
        path: The file it was read from, to name in errors.

    Raises:
        FileFormatError: no schema version in the table's metadata, or one this version does not read.
        LoadError: columns missing or of another type, or bad rows; every one is named, and nothing is loaded.

    Examples:
        >>> import esgclaims
        >>> from esgclaims._interchange import to_arrow
        >>> claims = esgclaims.load_dataset("jd-2020")
        >>> from_arrow(to_arrow(claims)) == claims
        True
    """
    name = "<arrow table>" if path is None else str(path)
    version = (table.schema.metadata or {}).get(VERSION_KEY)
    if version is None:
        raise FileFormatError(
            f"{name}: not an esgclaims claim table: no {VERSION_KEY.decode()!r} in its metadata; "
            f"expected schema version {SCHEMA_VERSION!r}"
        )
    if version.decode(errors="replace") != SCHEMA_VERSION:
        raise FileFormatError(
            f"{name}: claim table schema version {version.decode(errors='replace')!r}; "
            f"this esgclaims reads version {SCHEMA_VERSION!r}"
        )
    errors: list[RecordError] = []
    for field in schema():
        if field.name not in table.column_names:
            if field.name in OPTIONAL_COLUMNS:  # written before the column was added: no restatements
                continue
            errors.append(MissingFieldError("missing column", file=name, record="the table", field=field.name))
        elif table.schema.field(field.name).type != field.type:
            got = table.schema.field(field.name).type
            problem = f"expected a column of {field.type}, got {got}"
            errors.append(FieldTypeError(problem, file=name, record="the table", field=field.name))
    if errors:
        raise LoadError(f"{name}: {_count(errors)}; nothing was loaded", errors)
    with no_cycle_collection():  # as the claim file loader: many objects built, no garbage
        columns: dict[str, list[Any]] = {}
        raw: set[str] = set()  # list columns with a null item: read cell by cell, as a row needs them
        for column in _READ:
            if column not in table.column_names:
                columns[column] = [None] * table.num_rows
                continue
            cells = _BULK.get(column, _cells)(table.column(column).combine_chunks())
            if cells is None:
                cells = table.column(column).to_pylist()
                raw.add(column)
            columns[column] = cells
        return _Rows(name, columns, frozenset(raw)).run(table.num_rows)


def _count(errors: list[RecordError]) -> str:
    return f"{len(errors)} error{'s' if len(errors) > 1 else ''}"


#: Each part of a claim and the columns it is built from; the derived columns are not read.
_SUBJECT = (
    "subject_id",
    "subject_name",
    "subject_kind",
    "subject_aliases",
    "subject_description",
    "parent_id",
    "subject_ancestors",
)
_PROGRAM = ("program_id", "program_name", "program_description", "program_owner")
_METRIC = ("metric_id", "metric_name", "metric_kind", "temporal", "count_of", "metric_description", "framework_tags")
_VALUE = ("qualifier", "reported_text", "reported", "upper", "precision", "tolerance", "unit")
_PERIOD = ("period", "period_kind")
_SOURCE = tuple(f"source_{c}" for c in ("id", "title", "publisher", "author", "url", "published", "sha256"))
_CLAIM = ("claim_id", "quote", "span_start", "span_end", "locator", "attribution", "modality", "note", "restates")
_READ = (*_SUBJECT, *_PROGRAM, *_METRIC, *_VALUE, *_PERIOD, *_SOURCE, *_CLAIM)


def _cells(array: pa.Array) -> list[Any]:
    """The cells of a column as Python values, each distinct value converted once and shared by its cells."""
    if not len(array):
        return []
    encoded = array.dictionary_encode()
    values = encoded.dictionary.to_pylist()
    indices = encoded.indices
    if encoded.null_count:
        values.append(None)
        indices = indices.fill_null(len(values) - 1)
    return list(map(values.__getitem__, indices.to_pylist()))


def _lists(array: pa.Array, items: list[Any]) -> list[tuple[Any, ...] | None]:
    """Each list of a list column as a tuple of its ``items`` (the cells of ``array.values``); ``None`` for a null."""
    lists: list[tuple[Any, ...] | None] = [tuple(items[a:b]) for a, b in pairwise(array.offsets.to_pylist())]
    if array.null_count:
        lists = [cell if valid else None for cell, valid in zip(lists, array.is_valid().to_pylist(), strict=True)]
    return lists


def _texts(array: pa.Array) -> list[tuple[Any, ...] | None]:
    """A list of strings column (``subject_aliases``): a tuple for each cell."""
    return _lists(array, _cells(array.values))


def _chains(array: pa.Array) -> list[tuple[Any, ...] | None] | None:
    """An organizations column, each cell as the key :meth:`_Rows._organizations` takes; ``None`` with a null item."""
    items = array.values
    if items.null_count:
        return None  # read as dicts, cell by cell
    ids, names, kinds, aliases, descriptions = items.flatten()
    alias_lists = [() if cell is None else cell for cell in _texts(aliases)]  # as tuple(o["aliases"] or ())
    chains = list(zip(_cells(ids), _cells(names), _cells(kinds), alias_lists, _cells(descriptions), strict=True))
    return _lists(array, chains)


def _tags(array: pa.Array) -> list[tuple[Any, ...] | None] | None:
    """The ``framework_tags`` column, each cell as the key :meth:`_Rows._metric` takes; ``None`` with a null item."""
    items = array.values
    if items.null_count:
        return None  # read as dicts, cell by cell
    return _lists(array, list(zip(*(_cells(field) for field in items.flatten()), strict=True)))


#: How the list columns are read; every other column by :func:`_cells`.
_BULK: dict[str, Callable[[pa.Array], list[Any] | None]] = {
    "subject_aliases": _texts,
    "subject_ancestors": _chains,
    "program_owner": _chains,
    "framework_tags": _tags,
}
_MISSING: Any = object()


class _Skip(Exception):  # noqa: N818 - not an error: a row already reported
    """A row field that failed: its error is recorded, and the row is left out."""


class _Rows:
    """Rows to claims, with one object per distinct subject, metric, value, period and source.

    A row is built from what its parts' columns hold: each distinct subject (program,
    metric, value, period, source) is built once, by the checked builder of that part, and
    the claim is put together by :class:`~esgclaims._io.assemble.ClaimAssembler`, as
    the claim file loader's claims are. A row with anything not plainly good goes down
    the checked path, :meth:`_claim`, which names its first problem.
    """

    def __init__(self, name: str, columns: dict[str, list[Any]], raw: frozenset[str] = frozenset()) -> None:
        self.name = name
        self.columns = columns
        self.raw = raw  # list columns holding dicts and lists, not the keys the builders take
        self.errors: list[RecordError] = []
        self.cache: dict[tuple[str, Hashable], Any] = {}
        self.required = frozenset(f.name for f in schema() if not f.nullable)
        self.assembler = ClaimAssembler()

    def run(self, rows: int) -> ClaimSet:
        claims: list[Claim] = []
        seen: dict[str, int] = {}
        with arithmetic():  # one decimal context for every value's checks (value_of_figures)
            for row, claim in enumerate(self._claims() if not self.raw else map(self._claim, range(rows))):
                if claim is None:
                    continue
                if claim.id in seen:
                    self._error(RecordError, row, "claim_id", f"duplicate claim id, first in row {seen[claim.id]}")
                    continue
                seen[claim.id] = row
                claims.append(claim)
        if self.errors:
            raise LoadError(f"{self.name}: {_count(self.errors)}; nothing was loaded", self.errors)
        return ClaimSet(claims)

    def _claims(self) -> Iterator[Claim | None]:
        """Each row's claim, or ``None`` once its error is in the list: :meth:`_claim` at less cost."""
        cells = self.columns
        parts = [
            zip(*(cells[c] for c in part), strict=True)
            for part in (_SUBJECT, _PROGRAM, _METRIC, _VALUE, _PERIOD, _SOURCE, _CLAIM)
        ]
        subjects: dict[tuple[Any, ...], Organization] = {}
        programs: dict[tuple[Any, ...], Program | None] = {}
        metrics: dict[tuple[Any, ...], Metric] = {}
        values: dict[tuple[Any, ...], ReportedValue | None] = {}
        periods: dict[tuple[Any, ...], Period] = {}
        sources: dict[tuple[Any, ...], Source] = {}
        put_together = self.assembler.put_together
        for row, (s, p, m, v, t, c, rest) in enumerate(zip(*parts, strict=True)):
            try:  # each part built once, by its checked builder (which names its problem)
                if (subject := subjects.get(s, _MISSING)) is _MISSING:
                    subject = subjects[s] = self._subject(row)
                if (program := programs.get(p, _MISSING)) is _MISSING:
                    program = programs[p] = self._program(row)
                if (metric := metrics.get(m, _MISSING)) is _MISSING:
                    metric = metrics[m] = self._metric(row)
                if (value := values.get(v, _MISSING)) is _MISSING:
                    value = values[v] = self._value(row)
                if (period := periods.get(t, _MISSING)) is _MISSING:
                    period = periods[t] = self._period(row)
                if (source := sources.get(c, _MISSING)) is _MISSING:
                    source = sources[c] = self._source(row)
            except _Skip:
                yield None
                continue
            claim_id, quote, start, end, locator, attribution, modality, note, restates = rest
            claim = None
            if None not in (claim_id, quote, attribution, modality, note) and (start is None) == (end is None):
                span = None if start is None else (start, end)
                record = ClaimRecord(
                    claim_id, s[0], m[0], t[0], c[0], quote, span, locator, p[0], None, attribution, modality, note,
                    restates,
                )  # fmt: skip
                claim = put_together(record, subject, metric, source, program, period, value, v[6])
            yield self._claim(row) if claim is None else claim  # the checked path names what is wrong

    # -- helpers

    def _record(self, row: int) -> str:
        claim_id = self.columns["claim_id"][row]
        return f"row {row}" if claim_id is None else f"row {row} (claim {claim_id!r})"

    def _error(self, cls: type[RecordError], row: int, column: str, problem: str) -> None:
        self.errors.append(cls(problem, file=self.name, record=self._record(row), field=column))

    def _get(self, row: int, column: str) -> Any:  # noqa: ANN401 - a cell of any column
        value = self.columns[column][row]
        if value is None and column in self.required:
            self._error(MissingFieldError, row, column, "missing value")
            raise _Skip
        return value

    def _once(self, row: int, column: str, key: Hashable, build: Callable[[], _T]) -> _T:
        """``build()`` once per distinct ``key``; an error is named at ``row`` and ``column``."""
        cached = self.cache.get((column, key), self)
        if cached is self:
            try:
                cached = build()
            except EsgClaimsError as error:
                cached = error
            self.cache[(column, key)] = cached
        if isinstance(cached, EsgClaimsError):
            problem = getattr(cached, "problem", None) or str(cached)
            self._error(RecordError, row, column, problem)
            raise _Skip
        return cached  # type: ignore[no-any-return]

    # -- the parts of a claim

    def _claim(self, row: int) -> Claim | None:
        try:
            get = self._get
            subject = self._subject(row)
            program = self._program(row)
            metric = self._metric(row)
            value = self._value(row)
            period = self._period(row)
            source = self._source(row)
            start, end, locator = get(row, "span_start"), get(row, "span_end"), get(row, "locator")
            span = None if start is None and end is None else (start, end)
            quote = get(row, "quote")
            citation = self._once(
                row, "quote", (source, quote, span, locator), lambda: Citation(source, quote, span, locator)
            )
            parts = [get(row, c) for c in ("claim_id", "attribution", "modality", "note", "restates")]
            if parts[4] is not None and parts[4] == parts[0]:
                self._error(RecordError, row, "restates", f"claim {parts[0]!r} cannot restate itself")
                raise _Skip
            return self._once(
                row,
                "claim_id",
                (row,),
                lambda: Claim(
                    parts[0],
                    subject,
                    metric,
                    value,
                    period,
                    citation,
                    program,
                    parts[1],
                    parts[2],
                    parts[3],
                    restates=parts[4],
                ),
            )
        except _Skip:
            return None

    def _period(self, row: int) -> Period:
        get = self._get
        period_text = get(row, "period")
        period = self._once(row, "period", (period_text, get(row, "period_kind")), lambda: _period(period_text))
        if period.kind != get(row, "period_kind"):
            self._error(RecordError, row, "period_kind", f"{period_text!r} is a {period.kind} period")
            raise _Skip
        return period

    def _organizations(self, row: int, column: str, chain: Any) -> Organization | None:  # noqa: ANN401 - a key or dicts
        key: tuple[tuple[Any, ...], ...] = chain
        if column in self.raw:  # a list of dicts
            key = tuple((o["id"], o["name"], o["kind"], tuple(o["aliases"] or ()), o["description"]) for o in chain)

        def build() -> Organization | None:
            organization = None
            for org_id, name, kind, aliases, description in reversed(key):
                organization = Organization(org_id, name, kind, aliases, organization, description or "")
            return organization

        return self._once(row, column, key, build)

    def _subject(self, row: int) -> Organization:
        get = self._get
        parent = self._organizations(row, "subject_ancestors", get(row, "subject_ancestors"))
        if (None if parent is None else parent.id) != get(row, "parent_id"):
            self._error(RecordError, row, "parent_id", "is not the id of the first of subject_ancestors")
            raise _Skip
        parts = [get(row, c) for c in ("subject_id", "subject_name", "subject_kind", "subject_description")]
        aliases = tuple(get(row, "subject_aliases"))
        key = (*parts, aliases, parent)
        return self._once(
            row, "subject_id", key, lambda: Organization(parts[0], parts[1], parts[2], aliases, parent, parts[3])
        )

    def _program(self, row: int) -> Program | None:
        get = self._get
        program_id = get(row, "program_id")
        owner = self._organizations(row, "program_owner", get(row, "program_owner"))
        if program_id is None:
            if owner is not None:
                self._error(RecordError, row, "program_owner", "an owner without a program_id")
                raise _Skip
            return None
        if owner is None:
            self._error(MissingFieldError, row, "program_owner", "a program needs its owner")
            raise _Skip
        name, description = get(row, "program_name"), get(row, "program_description") or ""
        return self._once(
            row,
            "program_id",
            (program_id, name, description, owner),
            lambda: Program(program_id, name, owner, description),
        )

    def _metric(self, row: int) -> Metric:
        get = self._get
        parts = [get(row, c) for c in ("metric_id", "metric_name", "metric_kind", "temporal", "count_of")]
        description = get(row, "metric_description")
        tags = get(row, "framework_tags")
        if "framework_tags" in self.raw:  # a list of dicts
            tags = tuple((t["framework"], t["code"], t["match"]) for t in tags)

        def build() -> Metric:
            frameworks = tuple(FrameworkTag(*tag) for tag in tags)
            metric_id, name, kind, temporal, count_of = parts
            return Metric(metric_id, name, kind, temporal, count_of, description, frameworks)

        return self._once(row, "metric_id", (*parts, description, tags), build)

    def _value(self, row: int) -> ReportedValue | None:
        get = self._get
        parts = [get(row, c) for c in ("qualifier", "reported_text", "reported", "upper", "precision", "tolerance")]
        unit_text = get(row, "unit")
        qualifier, text, reported, upper, precision, tolerance = parts
        if qualifier is None:
            stray = [c for c in ("reported_text", "reported", "unit") if self.columns[c][row] is not None]
            if stray:
                self._error(RecordError, row, stray[0], "a figure without a qualifier")
                raise _Skip
            return None
        for column in ("reported_text", "reported", "unit"):
            if self.columns[column][row] is None:
                self._error(MissingFieldError, row, column, f"missing value: a {qualifier} claim states a figure")
                raise _Skip
        unit = self._once(row, "unit", unit_text, lambda: parse_unit(unit_text))
        figure = self._once(row, "reported_text", text, lambda: _decimal(text))
        if figure != reported:
            problem = f"the reported figure as text, {text}, is not the decimal column's {reported}"
            self._error(RecordError, row, "reported", problem)
            raise _Skip
        figures = [None if number is None else plain(number) for number in (precision, upper, tolerance)]
        value = self.assembler.value(ValueRecord(figure, unit_text, qualifier, *figures))  # as the loader's values
        if value is not None:
            return value
        return self._once(
            row,
            "qualifier",
            (*parts, unit),
            lambda: _reported(figure, unit, qualifier, upper=upper, precision=precision, tolerance=tolerance),
        )

    def _source(self, row: int) -> Source:
        get = self._get
        parts = [get(row, f"source_{c}") for c in ("id", "title", "publisher", "author", "url", "published", "sha256")]

        def build() -> Source:
            published = None if parts[5] is None else PartialDate.parse(parts[5])
            source_id, title, publisher, author, url = parts[:5]
            return Source(source_id, title, publisher, author, url, published, parts[6])

        return self._once(row, "source_id", tuple(parts), build)


def _period(text: str) -> Period:
    return parse_period(text)


def _decimal(text: str) -> Decimal:
    from esgclaims._errors import InvalidValueError  # noqa: PLC0415 - only on this path

    try:
        number = Decimal(text)
    except ArithmeticError:
        raise InvalidValueError(f"expected a decimal number as text, got {text!r}") from None
    if not number.is_finite():
        raise InvalidValueError(f"expected a finite decimal number, got {text!r}")
    return number


def _reported(  # noqa: PLR0913 - one argument per column
    figure: Decimal,
    unit: Unit,
    qualifier: str,
    *,
    upper: Decimal | None,
    precision: Decimal | None,
    tolerance: Decimal | None,
) -> ReportedValue:
    return ReportedValue(
        quantity(figure, unit),
        qualifier,
        upper=None if upper is None else quantity(plain(upper), unit),
        precision=None if precision is None else plain(precision),
        tolerance=None if tolerance is None else plain(tolerance),
    )
