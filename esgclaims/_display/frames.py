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


def _record(claim: Claim) -> dict[str, Any]:
    value = claim.value
    interval = None if value is None else value.interval
    period = claim.period
    return {
        "id": claim.id,
        "subject": claim.subject.name,
        "program": None if claim.program is None else claim.program.name,
        "metric": claim.metric.name,
        "qualifier": None if value is None else value.qualifier.value,
        "reported": None if value is None else value.reported.magnitude,
        "low": None if interval is None or interval.low is None else interval.low.magnitude,
        "low_closed": None if interval is None else interval.low_closed,
        "high": None if interval is None or interval.high is None else interval.high.magnitude,
        "high_closed": None if interval is None or interval.high is None else interval.high_closed,
        "unit": None if value is None else unit_name(value.units),
        "unit_words": None if value is None else unit_words(value.units),
        "tolerance": None if value is None else value.tolerance,
        "precision": None if value is None else value.precision,
        "period": period.iso(),
        "period_start": period.start,
        "period_end": period.end,
        "temporal": claim.metric.temporal.value if claim.metric.temporal is not Temporal.EVENT else "event",
        "attribution": claim.attribution,
        "modality": claim.modality.value,
        "quote": claim.citation.quote,
        "source": claim.citation.source.id,
    }


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
    return [_record(claim) for claim in claims]


def to_dataframe(claims: Iterable[Claim]) -> Any:  # noqa: ANN401 - pandas is optional: no annotation to import
    """A pandas DataFrame with one row per claim, indexed by claim id.

    Figures stay exact: the number columns hold :class:`~decimal.Decimal` objects
    (dtype ``object``), dates are ``datetime64`` columns. Needs the extra
    ``esgclaims[pandas]``.
    """
    try:
        import pandas as pd  # noqa: PLC0415 - an optional extra
    except ImportError:
        raise MissingExtraError(
            "ClaimSet.to_dataframe needs pandas, which esgclaims does not install by default: "
            "pip install 'esgclaims[pandas]'"
        ) from None
    frame = pd.DataFrame.from_records(to_records(claims), columns=list(COLUMNS))
    for column in ("period_start", "period_end"):
        frame[column] = pd.to_datetime(frame[column])
    return frame.set_index("id")
