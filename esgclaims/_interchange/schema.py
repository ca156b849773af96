"""The claim table's Arrow schema, version 1: its columns, their types, and pyarrow imported on demand.

Figures are ``decimal128(38, 10)`` in the claim's own unit; the comparison bounds
are ``decimal128(38, 12)`` in one unit per dimension (:data:`COMPARISON_UNITS`), so
that the consistency SQL compares claims in different units of one dimension
exactly. docs/interchange-table.md lists every column.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from esgclaims._enums import QuantityKind
from esgclaims._errors import MissingExtraError

if TYPE_CHECKING:
    import pyarrow as pa  # type: ignore[import-untyped]

__all__ = [
    "COLUMNS",
    "COMPARISON_SCALE",
    "COMPARISON_UNITS",
    "FIGURE_SCALE",
    "OPTIONAL_COLUMNS",
    "SCHEMA_VERSION",
    "VERSION_KEY",
    "arrow",
    "schema",
]

#: The version of the columns below; a reader refuses a table of another version.
#: ``restates`` came after the first tables of version 1 were written: a reader takes
#: a version 1 table without it as one without restatements (:data:`OPTIONAL_COLUMNS`).
SCHEMA_VERSION = "1"
#: Columns a version 1 table may lack, read as all null: ``restates`` and ``locator``, added before any release.
OPTIONAL_COLUMNS = frozenset({"restates", "locator"})
#: The key of the schema version in the Arrow schema's (and so the Parquet file's) key-value metadata.
VERSION_KEY = b"esgclaims.schema_version"
#: Digits after the point of the figures in the claim's unit: 28 before it.
FIGURE_SCALE = 10
#: Digits after the point of the comparison bounds: a figure's 4 and a unit factor's 8 (a Btu is
#: 1,055.05585262 J); 26 before it (10^26 g is 10^20 t). A bound beyond them is refused on write.
COMPARISON_SCALE = 12
#: The unit the comparison bounds of each dimension are in: small enough that every unit the
#: registry defines for it converts into it with at most 8 digits after the point (a US gallon
#: is 3,785.411784 mL, a cubic foot 28,316.846592 mL, a Btu 1,055.05585262 J).
#: Any other dimension (currencies, counted kinds) uses its root unit: CNY, household.
COMPARISON_UNITS = ("g", "m", "mL", "J", "kgCO2e", "ppm")


def arrow(extra: str = "arrow") -> Any:  # noqa: ANN401 - pyarrow is optional: no annotation to import
    """The pyarrow module, or a :class:`~esgclaims.MissingExtraError` naming the extra to install."""
    try:
        import pyarrow as pa  # noqa: PLC0415 - an optional extra
    except ImportError:
        raise MissingExtraError(
            "the claim table needs pyarrow, which esgclaims does not install by default: "
            f"pip install 'esgclaims[{extra}]'"
        ) from None
    return pa


def _organization(pa: Any) -> pa.DataType:  # noqa: ANN401
    return pa.struct(
        [
            ("id", pa.string()),
            ("name", pa.string()),
            ("kind", pa.string()),
            ("aliases", pa.list_(pa.string())),
            ("description", pa.string()),
        ]
    )


def _columns(pa: Any) -> list[tuple[str, pa.DataType, bool, str]]:  # noqa: ANN401
    figure = pa.decimal128(38, FIGURE_SCALE)
    bound = pa.decimal128(38, COMPARISON_SCALE)
    text, organizations = pa.string(), pa.list_(_organization(pa))
    tag = pa.struct([("framework", pa.string()), ("code", pa.string()), ("match", pa.string())])
    # name, type, nullable, what it holds
    return [
        ("claim_id", text, False, "the claim's id"),
        ("dataset", text, True, "the claim id before its first '/', as shipped datasets name claims"),
        ("year", pa.int32(), True, "the year the period ends in (or starts in, when its end is unknown)"),
        ("subject_id", text, False, "the subject organization's id"),
        ("subject_name", text, False, "its name"),
        ("subject_kind", text, False, "company, foundation, platform, government or other"),
        ("subject_aliases", pa.list_(text), False, "its other names"),
        ("subject_description", text, False, "its description ('' when none)"),
        ("parent_id", text, True, "the id of the subject's parent organization"),
        ("subject_ancestors", organizations, False, "the parent, its parent and so on, nearest first"),
        ("program_id", text, True, "the program's id, null when the claim names none"),
        ("program_name", text, True, "its name"),
        ("program_description", text, True, "its description"),
        ("program_owner", organizations, False, "the program's owner and the owner's ancestors; empty without one"),
        ("metric_id", text, False, "the metric's id"),
        ("metric_name", text, False, "its name"),
        ("metric_kind", text, False, ", ".join(kind.value for kind in QuantityKind)),
        ("temporal", text, False, "flow, cumulative, stock or event"),
        ("count_of", text, True, "for a count: the counted kind"),
        ("metric_description", text, False, "the metric's description"),
        ("frameworks", pa.list_(text), False, "its framework tags as text: 'GRI 203-2 (close)'"),
        ("framework_tags", pa.list_(tag), False, "the same tags as framework, code and match"),
        ("qualifier", text, True, "exact, approximately, more_than ...; null for a qualitative claim"),
        ("reported_text", text, True, "the reported figure, exactly as a decimal string"),
        ("reported", figure, True, "the reported figure"),
        ("upper", figure, True, "the high end of a range or an order of magnitude"),
        ("tolerance", figure, True, "for approximately: the relative half-width"),
        ("precision", figure, True, "the step of the last reported digit, in the unit"),
        ("low", figure, True, "the lowest value the statement allows, null when unbounded"),
        ("high", figure, True, "the highest value the statement allows, null when unbounded"),
        ("low_closed", pa.bool_(), True, "whether low itself is allowed"),
        ("high_closed", pa.bool_(), True, "whether high itself is allowed"),
        ("unit", text, True, "the unit, as esgclaims.parse_unit reads it back"),
        ("dimension", text, True, "the unit's dimension: '[mass]', '[currency_CNY]', 'dimensionless'"),
        ("cmp_unit", text, True, "the unit of the comparison bounds (one per dimension)"),
        ("cmp_low", bound, True, "low widened by half the precision, in cmp_unit (what check() compares)"),
        ("cmp_high", bound, True, "high widened the same way, in cmp_unit"),
        ("cmp_low_closed", pa.bool_(), True, "whether cmp_low is allowed"),
        ("cmp_high_closed", pa.bool_(), True, "whether cmp_high is allowed"),
        ("period_kind", text, False, "as_of, span, year, fiscal_year, half_year, quarter or unknown"),
        ("period", text, False, "the canonical period, as esgclaims.parse_period reads it back"),
        ("period_start", pa.date32(), True, "the first day, null when not stated"),
        ("start_granularity", text, True, "year, month or day: how the start was stated"),
        ("period_end", pa.date32(), True, "the last day (inclusive), null when not stated"),
        ("end_granularity", text, True, "year, month or day: how the end was stated"),
        ("quote", text, False, "the verbatim sentence"),
        ("span_start", pa.int64(), True, "the quote's first character offset in the source text, null when not given"),
        ("span_end", pa.int64(), True, "the offset after its last character, null when not given"),
        ("locator", text, True, "where in the document a person finds the quote: 'p. 42, table 3'"),
        ("source_id", text, False, "the source document's id"),
        ("source_title", text, False, "its title"),
        ("source_publisher", text, False, "its publisher"),
        ("source_author", text, True, "its author"),
        ("source_url", text, True, "its address"),
        ("source_published", text, True, "its publication date, YYYY, YYYY-MM or YYYY-MM-DD"),
        ("source_sha256", text, True, "the SHA-256 of the source text"),
        ("attribution", text, False, "who makes the claim: report, ..."),
        ("modality", text, False, "achievement, commitment or target"),
        ("note", text, False, "a note ('' when none)"),
        ("restates", text, True, "the id of the claim this one restates (replaces), null when none"),
    ]


#: The column names, in order (the types need pyarrow: :func:`schema`).
COLUMNS = [
    "claim_id",
    "dataset",
    "year",
    "subject_id",
    "subject_name",
    "subject_kind",
    "subject_aliases",
    "subject_description",
    "parent_id",
    "subject_ancestors",
    "program_id",
    "program_name",
    "program_description",
    "program_owner",
    "metric_id",
    "metric_name",
    "metric_kind",
    "temporal",
    "count_of",
    "metric_description",
    "frameworks",
    "framework_tags",
    "qualifier",
    "reported_text",
    "reported",
    "upper",
    "tolerance",
    "precision",
    "low",
    "high",
    "low_closed",
    "high_closed",
    "unit",
    "dimension",
    "cmp_unit",
    "cmp_low",
    "cmp_high",
    "cmp_low_closed",
    "cmp_high_closed",
    "period_kind",
    "period",
    "period_start",
    "start_granularity",
    "period_end",
    "end_granularity",
    "quote",
    "span_start",
    "span_end",
    "locator",
    "source_id",
    "source_title",
    "source_publisher",
    "source_author",
    "source_url",
    "source_published",
    "source_sha256",
    "attribution",
    "modality",
    "note",
    "restates",
]


def schema() -> pa.Schema:
    """The Arrow schema of the claim table, with the schema version in its metadata.

    Examples:
        >>> s = schema()
        >>> s.field("reported").type, s.metadata[b"esgclaims.schema_version"]
        (Decimal128Type(decimal128(38, 10)), b'1')
    """
    pa = arrow()
    fields = [pa.field(name, kind, nullable=nullable) for name, kind, nullable, _ in _columns(pa)]
    return pa.schema(fields, metadata={VERSION_KEY: SCHEMA_VERSION.encode()})


def descriptions() -> list[tuple[str, str, str]]:
    """Each column's name, Arrow type and what it holds, for the docs."""
    pa = arrow()
    return [(name, str(kind), what) for name, kind, _, what in _columns(pa)]
