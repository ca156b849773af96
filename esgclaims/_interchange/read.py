"""An Arrow claim table back to claims: the schema checked first, every bad row reported, and nothing loaded.

The derived columns (``dataset``, ``year``, the bounds, the dimension, the
comparison bounds, the dates) are not read: a claim is rebuilt from what it is
made of, and writing it again derives them afresh.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from esgclaims._claimset import ClaimSet
from esgclaims._errors import EsgClaimsError, FieldTypeError, FileFormatError, LoadError, MissingFieldError, RecordError
from esgclaims._model import Citation, Claim, FrameworkTag, Metric, Organization, Program, Source
from esgclaims._parse_period import parse_period
from esgclaims._periods import PartialDate
from esgclaims._units import parse_unit, plain, quantity
from esgclaims._values import ReportedValue

from .schema import COLUMNS, OPTIONAL_COLUMNS, SCHEMA_VERSION, VERSION_KEY, schema

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable

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
    absent = [None] * table.num_rows
    columns = {
        column: table.column(column).to_pylist() if column in table.column_names else absent for column in COLUMNS
    }
    return _Rows(name, columns).run(table.num_rows)


def _count(errors: list[RecordError]) -> str:
    return f"{len(errors)} error{'s' if len(errors) > 1 else ''}"


class _Skip(Exception):  # noqa: N818 - not an error: a row already reported
    """A row field that failed: its error is recorded, and the row is left out."""


class _Rows:
    """Rows to claims, with one object per distinct subject, metric, value, period and source."""

    def __init__(self, name: str, columns: dict[str, list[Any]]) -> None:
        self.name = name
        self.columns = columns
        self.errors: list[RecordError] = []
        self.cache: dict[tuple[str, Hashable], Any] = {}
        self.required = frozenset(f.name for f in schema() if not f.nullable)

    def run(self, rows: int) -> ClaimSet:
        claims: list[Claim] = []
        seen: dict[str, int] = {}
        for row in range(rows):
            claim = self._claim(row)
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
            period_text = get(row, "period")
            period = self._once(row, "period", (period_text, get(row, "period_kind")), lambda: _period(period_text))
            if period.kind != get(row, "period_kind"):
                self._error(RecordError, row, "period_kind", f"{period_text!r} is a {period.kind} period")
                raise _Skip
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

    def _organizations(self, row: int, column: str, chain: list[dict[str, Any]]) -> Organization | None:
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
        tags = tuple((t["framework"], t["code"], t["match"]) for t in get(row, "framework_tags"))

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
