"""Claims as plain records and as a pandas DataFrame (the optional extra ``esgclaims[pandas]``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from esgclaims._errors import MissingExtraError
from esgclaims._format import unit_words
from esgclaims._model import Temporal
from esgclaims._units import unit_name
from esgclaims._values import figure_bounds

if TYPE_CHECKING:
    from collections.abc import Iterable

    from esgclaims._model import Claim, Metric
    from esgclaims._periods import Period
    from esgclaims._values import ReportedValue

__all__ = ["COLUMNS", "to_dataframe", "to_records"]

#: The columns of :func:`to_records`, in order.
COLUMNS = (
    "id",
    "subject",
    "program",
    "metric",
    "qualifier",
    "reported",
    "low",
    "low_closed",
    "high",
    "high_closed",
    "unit",
    "unit_words",
    "tolerance",
    "precision",
    "period",
    "period_start",
    "period_end",
    "temporal",
    "attribution",
    "modality",
    "quote",
    "source",
)


class _Rows:
    """Each claim's row, its cells in the order of :data:`COLUMNS`.

    What claims share (a metric, a period, a value, a unit) is turned into cells once,
    however many claims share it: the objects are immutable. Each is found by identity
    and kept alongside, so that its ``id`` stays its own while the rows are built.
    """

    def __init__(self) -> None:
        self.units: dict[object, tuple[str, str]] = {}
        self.metrics: dict[int, tuple[Metric, str, str]] = {}
        self.periods: dict[int, tuple[Period, tuple[Any, ...]]] = {}
        self.values: dict[int, tuple[ReportedValue, tuple[Any, ...]]] = {}

    def row(self, claim: Claim) -> tuple[Any, ...]:
        metric, period, value, citation = claim.metric, claim.period, claim.value, claim.citation
        named = self.metrics.get(id(metric))
        if named is None or named[0] is not metric:
            temporal = metric.temporal.value if metric.temporal is not Temporal.EVENT else "event"
            named = self.metrics[id(metric)] = (metric, metric.name, temporal)
        dated = self.periods.get(id(period))
        if dated is None or dated[0] is not period:
            dated = self.periods[id(period)] = (period, (period.iso(), period.start, period.end))
        if value is None:
            figures = _NO_FIGURE
        else:
            found = self.values.get(id(value))
            if found is None or found[0] is not value:
                found = self.values[id(value)] = (value, self.figures(value))
            figures = found[1]
        program = claim.program
        return (
            claim.id,
            claim.subject.name,
            None if program is None else program.name,
            named[1],
            *figures,
            *dated[1],
            named[2],
            claim.attribution,
            claim.modality.value,
            citation.quote,
            citation.source.id,
        )

    def figures(self, value: ReportedValue) -> tuple[Any, ...]:
        """The cells from ``qualifier`` to ``precision``."""
        reported = value.reported
        key = reported._units  # noqa: SLF001 - the unit container pint keeps; .units builds a Unit around it
        unit = self.units.get(key)
        if unit is None:
            unit = self.units[key] = (unit_name(reported.units), unit_words(reported.units))
        low, low_closed, high, high_closed = figure_bounds(value)  # the interval's ends, without building it
        return (
            value.qualifier.value,
            reported.magnitude,
            low,
            low_closed,
            high,
            None if high is None else high_closed,
            *unit,
            value.tolerance,
            value.precision,
        )


#: The figure cells of a claim without a figure.
_NO_FIGURE = (None,) * (COLUMNS.index("period") - COLUMNS.index("qualifier"))


def _rows(claims: Iterable[Claim]) -> list[tuple[Any, ...]]:
    rows = _Rows()
    return [rows.row(claim) for claim in claims]


def to_records(claims: Iterable[Claim]) -> list[dict[str, Any]]:
    """One plain dict per claim, with the keys in :data:`COLUMNS`.

    Numbers stay exact :class:`~decimal.Decimal` objects; ``low`` and ``high`` are
    ``None`` where unbounded; dates are :class:`datetime.date` or ``None``.

    Examples:
        >>> import esgclaims
        >>> record = esgclaims.load_dataset("jd-2020").to_records()[1]
        >>> record["qualifier"], record["reported"], record["low"], record["high"], record["unit"]
        ('more_than', Decimal('3000000'), Decimal('3000000'), None, 'item')
    """
    rows = _Rows()  # each row becomes its dict at once: the rows are not all kept, for the cyclic collector to walk
    return [dict(zip(COLUMNS, rows.row(claim), strict=True)) for claim in claims]


#: The exact figures: Decimal objects, with a float column each for quick arithmetic and describe().
_FIGURES = ("reported", "low", "high", "tolerance", "precision")
_FLOATS = ("reported", "low", "high")
_FLAGS = ("low_closed", "high_closed")
_DATES = ("period_start", "period_end")


def to_dataframe(claims: Iterable[Claim]) -> Any:  # noqa: ANN401 - pandas is optional: no annotation to import
    """A pandas DataFrame with one row per claim, indexed by claim id.

    The figures stay exact: ``reported``, ``low``, ``high``, ``tolerance`` and
    ``precision`` hold :class:`~decimal.Decimal` objects (sums and comparisons are
    exact). ``reported_float``, ``low_float`` and ``high_float`` hold the same
    figures as nullable floats (``Float64``), for vectorised arithmetic, plots and
    ``describe()``; they are rounded to about 16 digits. ``low_closed`` and
    ``high_closed`` are ``boolean``, text columns ``string``, the period's ends
    ``datetime64``. A missing value is ``pd.NA`` in every column (``NaT`` in the two
    date columns, which :func:`pandas.isna` finds alike). Needs ``esgclaims[pandas]``.

    Examples:
        >>> import esgclaims
        >>> frame = esgclaims.load_dataset("jd-2020").to_dataframe()
        >>> frame.loc["jd-2020/online-donations-raised", "reported"]
        Decimal('19770000')
        >>> str(frame["reported_float"].dtype), str(frame["low_closed"].dtype)
        ('Float64', 'boolean')
        >>> frame.loc["jd-2020/jd-foundation-founded", "reported"]
        <NA>
    """
    try:
        import pandas as pd  # noqa: PLC0415 - an optional extra
    except ImportError:
        raise MissingExtraError(
            "ClaimSet.to_dataframe needs pandas, which esgclaims does not install by default: "
            "pip install 'esgclaims[pandas]'"
        ) from None
    rows = _rows(claims)
    cells = list(zip(*rows, strict=True)) or [() for _ in COLUMNS]  # a column of cells each: one pass in C
    columns: dict[str, Any] = {}
    for column, column_cells in zip(COLUMNS, cells, strict=True):
        values = list(column_cells)
        if column in _FIGURES:
            columns[column] = pd.Series([pd.NA if v is None else v for v in values], dtype=object)
        elif column in _FLAGS:
            columns[column] = pd.array(values, dtype="boolean")
        elif column in _DATES:
            columns[column] = pd.to_datetime(pd.Series(values, dtype=object))
        else:
            columns[column] = pd.array(values, dtype="string")
        if column in _FLOATS:
            columns[f"{column}_float"] = pd.array([None if v is None else float(v) for v in values], dtype="Float64")
    frame = pd.DataFrame(columns)
    return frame.set_index("id")
