"""Claims as plain records and as a pandas DataFrame (the optional extra ``esgclaims[pandas]``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from esgclaims._errors import MissingExtraError
from esgclaims._format import unit_words
from esgclaims._model import Temporal
from esgclaims._units import unit_name

if TYPE_CHECKING:
    from collections.abc import Iterable

    from esgclaims._model import Claim
    from esgclaims._units import Unit

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


def _record(claim: Claim, names: dict[Unit, tuple[str, str]]) -> dict[str, Any]:
    """One claim's record; ``names`` keeps each unit's name and words, worked out once per unit."""
    value = claim.value
    period = claim.period
    metric = claim.metric
    record: dict[str, Any] = {
        "id": claim.id,
        "subject": claim.subject.name,
        "program": None if claim.program is None else claim.program.name,
        "metric": metric.name,
    }
    if value is None:
        record.update(_NO_FIGURE)
    else:
        interval = value.interval
        units = value.reported.units
        named = names.get(units)
        if named is None:
            named = names[units] = (unit_name(units), unit_words(units))
        low, high = interval.low, interval.high
        record["qualifier"] = value.qualifier.value
        record["reported"] = value.reported.magnitude
        record["low"] = None if low is None else low.magnitude
        record["low_closed"] = interval.low_closed
        record["high"] = None if high is None else high.magnitude
        record["high_closed"] = None if high is None else interval.high_closed
        record["unit"], record["unit_words"] = named
        record["tolerance"] = value.tolerance
        record["precision"] = value.precision
    record["period"] = period.iso()
    record["period_start"] = period.start
    record["period_end"] = period.end
    record["temporal"] = metric.temporal.value if metric.temporal is not Temporal.EVENT else "event"
    record["attribution"] = claim.attribution
    record["modality"] = claim.modality.value
    record["quote"] = claim.citation.quote
    record["source"] = claim.citation.source.id
    return record


#: The figure columns of a claim without a figure.
_NO_FIGURE = dict.fromkeys(COLUMNS[COLUMNS.index("qualifier") : COLUMNS.index("period")])


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
    names: dict[Unit, tuple[str, str]] = {}
    return [_record(claim, names) for claim in claims]


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
    records = to_records(claims)
    columns: dict[str, Any] = {}
    for column in COLUMNS:
        values = [record[column] for record in records]
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
