"""Claims as an xBRL-JSON report, beside the small ``esgc`` extension taxonomy it references.

One claim is one fact. Its concept says the metric's kind of quantity and whether the
period is an instant or a duration (``esgc:CountInstant``, ``esgc:MoneyDuration``); the
taxonomy is fixed and ships in the package (``esgclaims/data/xbrl``), so a report needs no
generated schema. Everything else that tells claims apart is a dimension: the qualifier, the
modality and the metric's temporal nature as explicit dimensions with members; the metric,
source and program ids, the tolerance and a range's upper bound as typed dimensions. The
quote is an ``xbrl:note`` footnote linked to its fact. docs/interchange.md has the table.

:func:`esgclaims._interchange.xbrl_read.read_xbrl_json` reads a report back.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from esgclaims._claimset import ClaimSet
from esgclaims._errors import InvalidClaimError, check_argument
from esgclaims._io.atomic import atomic_write
from esgclaims._model import Modality, QuantityKind, Temporal
from esgclaims._units import count_kind_of, currency_of, plain, quantity, unit_name
from esgclaims._values import Qualifier

if TYPE_CHECKING:
    from collections.abc import Iterable

    from esgclaims._model import Claim
    from esgclaims._periods import Period
    from esgclaims._values import ReportedValue

__all__ = [
    "DOCUMENT_TYPE",
    "NAMESPACE",
    "TAXONOMY_FILES",
    "claim_id_of",
    "decimals_of",
    "fact_id_of",
    "to_xbrl_document",
    "to_xbrl_json",
    "xbrl_period",
]

#: The documentType of an xBRL-JSON 1.0 report.
DOCUMENT_TYPE = "https://xbrl.org/2021/xbrl-json"
#: The namespace of the esgc extension taxonomy (a URN: it names, it is not fetched).
NAMESPACE = "urn:esgclaims:xbrl:2025"
#: The scheme of entity identifiers: an organization's id in the claim file.
ENTITY_SCHEME = "urn:esgclaims:organization"
#: The files of the taxonomy, copied beside every report; the first is its entry point.
TAXONOMY_FILES = ("esgc-2025.xsd", "esgc-2025-def.xml")
NAMESPACES = {
    "esgc": NAMESPACE,
    "org": ENTITY_SCHEME,
    "iso4217": "http://www.xbrl.org/2003/iso4217",
    "xbrl": "https://xbrl.org/2021",
    "xbrli": "http://www.xbrl.org/2003/instance",
}

#: The member of each explicit dimension, by the model's enum member.
QUALIFIER_MEMBERS = {
    Qualifier.EXACT: "esgc:ExactMember",
    Qualifier.APPROXIMATELY: "esgc:ApproximatelyMember",
    Qualifier.MORE_THAN: "esgc:MoreThanMember",
    Qualifier.AT_LEAST: "esgc:AtLeastMember",
    Qualifier.LESS_THAN: "esgc:LessThanMember",
    Qualifier.AT_MOST: "esgc:AtMostMember",
    Qualifier.RANGE: "esgc:RangeMember",
    Qualifier.ORDER_OF_MAGNITUDE: "esgc:OrderOfMagnitudeMember",
}
MODALITY_MEMBERS = {
    Modality.ACHIEVEMENT: "esgc:AchievementMember",
    Modality.COMMITMENT: "esgc:CommitmentMember",
    Modality.TARGET: "esgc:TargetMember",
}
TEMPORAL_MEMBERS = {
    Temporal.FLOW: "esgc:FlowMember",
    Temporal.CUMULATIVE: "esgc:CumulativeMember",
    Temporal.STOCK: "esgc:StockMember",
    Temporal.EVENT: "esgc:EventMember",
}
#: The concept's stem for each metric kind: ``Count`` + ``Instant``.
KIND_STEMS = {kind: kind.value.capitalize() for kind in QuantityKind}

QUALIFIER_AXIS = "esgc:QualifierAxis"
MODALITY_AXIS = "esgc:ModalityAxis"
TEMPORAL_AXIS = "esgc:TemporalAxis"
METRIC_AXIS = "esgc:MetricAxis"
SOURCE_AXIS = "esgc:SourceAxis"
PROGRAM_AXIS = "esgc:ProgramAxis"
TOLERANCE_AXIS = "esgc:ToleranceAxis"
UPPER_AXIS = "esgc:UpperBoundAxis"
NOTE_PREFIX = "note."
#: How a claim id's characters that an XML id cannot hold are written in a fact id (``_`` first).
_ESCAPES = (("_", "__"), ("/", "_s"), (":", "_c"))


def to_xbrl_json(claims: ClaimSet | Iterable[Claim], path: str | os.PathLike[str]) -> None:
    """Write claims as an xBRL-JSON report at ``path``, and the ``esgc`` taxonomy files beside it.

    Each file is written whole or not at all (a temporary file, then a rename).
    :func:`esgclaims.load` reads the report back; docs/interchange.md says what it keeps.

    Examples:
        >>> import esgclaims, pathlib, tempfile
        >>> claims = esgclaims.load_dataset("jd-2020")
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     esgclaims.to_xbrl_json(claims, pathlib.Path(folder) / "report.json")
        ...     sorted(path.name for path in pathlib.Path(folder).iterdir())
        ['esgc-2025-def.xml', 'esgc-2025.xsd', 'report.json']
    """
    check_argument(path, (str, os.PathLike), where="to_xbrl_json(): path", what="a path (str or os.PathLike)")
    target = Path(path)
    text = json.dumps(to_xbrl_document(claims), ensure_ascii=False, indent=2) + "\n"
    folder = resources.files("esgclaims") / "data" / "xbrl"
    for name in TAXONOMY_FILES:
        atomic_write(target.parent / name, (folder / name).read_bytes())
    atomic_write(target, text.encode("utf-8"))


def to_xbrl_document(claims: ClaimSet | Iterable[Claim]) -> dict[str, Any]:
    """The xBRL-JSON document (plain dicts) that :func:`to_xbrl_json` writes.

    Examples:
        >>> import esgclaims
        >>> document = to_xbrl_document(esgclaims.load_dataset("jd-2020"))
        >>> fact = document["facts"]["c.jd-2020_simpoverished-households-income-increased"]
        >>> fact["value"], fact["decimals"], fact["dimensions"]["unit"], fact["dimensions"]["period"]
        ('1000000', -6, 'esgc:household', '2020-10-01T00:00:00')
    """
    claim_set = claims if isinstance(claims, ClaimSet) else ClaimSet(claims)
    facts: dict[str, dict[str, Any]] = {}
    for claim in claim_set:
        fact_id = fact_id_of(claim.id)
        note = NOTE_PREFIX + fact_id
        facts[fact_id] = _fact(claim, note)
        facts[note] = {
            "value": claim.citation.quote,
            # BCP 47 "und": a claim file does not say which language its quotes are in
            "dimensions": {"concept": "xbrl:note", "noteId": note, "language": "und"},
        }
    return {
        "documentInfo": {
            "documentType": DOCUMENT_TYPE,
            "namespaces": dict(NAMESPACES),
            "taxonomy": [TAXONOMY_FILES[0]],
            "linkTypes": {"footnote": "http://www.xbrl.org/2003/arcrole/fact-footnote"},
            "linkGroups": {"_": "http://www.xbrl.org/2003/role/link"},
        },
        "facts": facts,
    }


def _fact(claim: Claim, note: str) -> dict[str, Any]:
    period = xbrl_period(claim.period)
    instant = period is not None and "/" not in period
    dimensions: dict[str, Any] = {
        "concept": f"esgc:{KIND_STEMS[claim.metric.kind]}{'Instant' if instant else 'Duration'}",
        "entity": f"org:{claim.subject.id}",
    }
    if period is not None:
        dimensions["period"] = period
    fact: dict[str, Any] = {}
    value = claim.value
    if value is None:
        fact["value"] = claim.citation.quote
    else:
        fact["value"] = _number(_magnitude(value, value.reported.magnitude))
        decimals = decimals_of(value)
        if decimals is not None:
            fact["decimals"] = decimals
        unit = _unit(value)
        if unit is not None:
            dimensions["unit"] = unit
        dimensions[QUALIFIER_AXIS] = QUALIFIER_MEMBERS[value.qualifier]
        if value.tolerance is not None:
            dimensions[TOLERANCE_AXIS] = _number(value.tolerance)
        if value.upper is not None:
            dimensions[UPPER_AXIS] = _number(_magnitude(value, value.upper.magnitude))
    dimensions[MODALITY_AXIS] = MODALITY_MEMBERS[claim.modality]
    dimensions[TEMPORAL_AXIS] = TEMPORAL_MEMBERS[claim.metric.temporal]
    dimensions[METRIC_AXIS] = claim.metric.id
    dimensions[SOURCE_AXIS] = claim.citation.source.id
    if claim.program is not None:
        dimensions[PROGRAM_AXIS] = claim.program.id
    fact["dimensions"] = dimensions
    fact["links"] = {"footnote": {"_": [note]}}
    return fact


def fact_id_of(claim_id: str) -> str:
    """The fact id (an XML NCName) for a claim id; :func:`claim_id_of` reads it back.

    Examples:
        >>> fact_id_of("jd-2020/donations"), claim_id_of(fact_id_of("jd-2020/donations"))
        ('c.jd-2020_sdonations', 'jd-2020/donations')
    """
    for plain_text, escaped in _ESCAPES:
        claim_id = claim_id.replace(plain_text, escaped)
    return "c." + claim_id


def claim_id_of(fact_id: str) -> str | None:
    """The claim id a fact id stands for; ``None`` when ``fact_id`` is not one :func:`fact_id_of` writes."""
    if not fact_id.startswith("c."):
        return None
    text, out, index = fact_id[2:], [], 0
    while index < len(text):
        if text[index] != "_":
            out.append(text[index])
            index += 1
            continue
        pair = text[index : index + 2]
        found = next((plain_text for plain_text, escaped in _ESCAPES if escaped == pair), None)
        if found is None:
            return None
        out.append(found)
        index += 2
    return "".join(out) or None


def xbrl_period(period: Period) -> str | None:
    """The OIM period of ``period``: an instant at the end of its last day, a duration, or ``None`` (forever).

    XBRL reads a date as its end for an instant, so an instant of 30 Sep 2020 is
    ``2020-10-01T00:00:00``, the midnight that ends the day.

    Examples:
        >>> from esgclaims import AsOf, CalendarYear, PartialDate, UnknownPeriod
        >>> xbrl_period(AsOf(PartialDate(2020, 9, 30)))
        '2020-10-01T00:00:00'
        >>> xbrl_period(CalendarYear(2020))
        '2020-01-01T00:00:00/2021-01-01T00:00:00'
        >>> xbrl_period(UnknownPeriod()) is None
        True
    """
    start, end = period.start, period.end
    if end is None:
        return None
    after = f"{end + dt.timedelta(days=1)}T00:00:00"
    return after if start is None else f"{start}T00:00:00/{after}"


def decimals_of(value: ReportedValue) -> int | None:
    """XBRL's ``decimals`` from the value's precision; ``None`` when there is none or it is not a power of ten.

    A share is written as a fraction, so 1 percent of precision is ``decimals`` 2.

    Examples:
        >>> from esgclaims import ReportedValue
        >>> decimals_of(ReportedValue.of("19770000", "CNY", precision="10000"))
        -4
        >>> decimals_of(ReportedValue.of("80", "percent", "more_than", precision="1"))
        2
        >>> decimals_of(ReportedValue.of("45", "t", precision="5")) is None
        True
    """
    if value.precision is None:
        return None
    step = _magnitude(value, value.precision).normalize()
    if step.as_tuple().digits != (1,):
        return None
    return -step.adjusted()


def _magnitude(value: ReportedValue, number: Decimal) -> Decimal:
    """``number`` in the value's unit as XBRL writes it: a share as a fraction of one."""
    if currency_of(value.units) is None and count_kind_of(value.units) is None and not value.units.dimensionality:
        return plain(Decimal(quantity(number, value.units).to("dimensionless").magnitude))
    return number


def _unit(value: ReportedValue) -> str | None:
    units = value.units
    currency = currency_of(units)
    if currency is not None:
        return f"iso4217:{currency}"
    if not units.dimensionality:
        return None  # a share is a pure number: xBRL-JSON leaves xbrli:pure unstated
    name = unit_name(units)
    if not name.replace("_", "").isalnum() or not name[0].isalpha():
        raise InvalidClaimError(f"unit {name!r} has no XBRL measure; expected one unit name, as 'household' or 't'")
    return f"esgc:{name}"


def _number(number: Decimal) -> str:
    return format(plain(number), "f")
