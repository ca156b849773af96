"""Reading an xBRL-JSON report that :func:`esgclaims._interchange.xbrl.to_xbrl_json` wrote back into claims.

Every fact is checked before any claim is built: a report with a bad fact raises one
:class:`~esgclaims.LoadError` naming the file, each fact and field, and loads nothing.
What XBRL does not carry is named in one :class:`~esgclaims.EsgClaimsWarning`.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from decimal import Decimal, InvalidOperation
from typing import Any

from esgclaims._claimset import ClaimSet
from esgclaims._errors import EsgClaimsError, EsgClaimsWarning, FileFormatError, LoadError, PeriodError, RecordError
from esgclaims._model import Citation, Claim, Metric, Organization, Program, QuantityKind, Source
from esgclaims._periods import AsOf, CalendarYear, PartialDate, Period, Span, UnknownPeriod
from esgclaims._units import count_kind_of, parse_unit, plain, quantity
from esgclaims._values import ReportedValue

from .xbrl import (
    DOCUMENT_TYPE,
    KIND_STEMS,
    METRIC_AXIS,
    MODALITY_AXIS,
    MODALITY_MEMBERS,
    PROGRAM_AXIS,
    QUALIFIER_AXIS,
    QUALIFIER_MEMBERS,
    SOURCE_AXIS,
    TEMPORAL_AXIS,
    TEMPORAL_MEMBERS,
    TOLERANCE_AXIS,
    UPPER_AXIS,
    claim_id_of,
)

__all__ = ["LOST", "is_xbrl_json", "read_xbrl_json"]

#: What a report does not carry, named in the warning :func:`read_xbrl_json` issues.
LOST = (
    "names, descriptions and framework tags of metrics; names, kinds, aliases and parents of organizations; "
    "names, owners and descriptions of programs (the subject stands in as owner); "
    "sources other than their ids; spans (each quote now starts at 0); attribution; notes; "
    "the granularity of an instant (read back as a day) and the naming of fiscal years, halves and quarters "
    "(read back as spans); a precision that is not a power of ten; percent versus permille"
)
_CONCEPTS = {
    f"esgc:{stem}{suffix}": (kind, suffix == "Instant")
    for kind, stem in KIND_STEMS.items()
    for suffix in ("Instant", "Duration")
}
_QUALIFIERS = {member: qualifier for qualifier, member in QUALIFIER_MEMBERS.items()}
_MODALITIES = {member: modality for modality, member in MODALITY_MEMBERS.items()}
_TEMPORALS = {member: temporal for temporal, member in TEMPORAL_MEMBERS.items()}
_DATE_TIME = re.compile(r"(\d{4}-\d{2}-\d{2})T00:00:00")


def is_xbrl_json(document: object) -> bool:
    """Whether a parsed JSON document is an xBRL-JSON report (has ``documentInfo.documentType``)."""
    return isinstance(document, dict) and isinstance(document.get("documentInfo"), dict)


class _Reader:
    def __init__(self, name: str, facts: dict[str, Any]) -> None:
        self.name = name
        self.facts = facts
        self.errors: list[RecordError] = []
        self.organizations: dict[str, Organization] = {}
        self.metrics: dict[str, Metric] = {}
        self.sources: dict[str, Source] = {}
        self.programs: dict[str, Program] = {}

    def fail(self, fact_id: str, field: str, problem: str) -> None:
        self.errors.append(RecordError(problem, file=self.name, record=f"fact {fact_id!r}", field=field))

    def run(self) -> ClaimSet:
        claims = []
        for fact_id, fact in self.facts.items():
            if not isinstance(fact, dict) or not isinstance(fact.get("dimensions"), dict):
                self.fail(fact_id, "dimensions", "expected a fact with dimensions")
                continue
            if fact["dimensions"].get("concept") == "xbrl:note":
                continue
            try:
                claims.append(self.claim(fact_id, fact))
            except _Reported:
                pass
            except EsgClaimsError as error:
                self.fail(fact_id, "value", str(error))
        if self.errors:
            raise LoadError(f"{self.name}: {len(self.errors)} bad facts; nothing was loaded", self.errors)
        return ClaimSet(claims)

    def claim(self, fact_id: str, fact: dict[str, Any]) -> Claim:
        dims: dict[str, Any] = fact["dimensions"]
        claim_id = claim_id_of(fact_id)
        if claim_id is None:
            self.fail(fact_id, "id", "expected a fact id as esgclaims writes one, 'c.' and an escaped claim id")
        concept = dims.get("concept")
        if concept not in _CONCEPTS:
            self.fail(fact_id, "dimensions.concept", f"unknown concept {concept!r}; expected one of the esgc taxonomy")
            raise _Reported
        kind, instant = _CONCEPTS[concept]
        period = self.period(fact_id, dims.get("period"), instant=instant)
        subject = self.entity(fact_id, dims.get("entity"))
        quote = self.quote(fact_id, fact)
        metric_id = self.text(fact_id, dims, METRIC_AXIS)
        source_id = self.text(fact_id, dims, SOURCE_AXIS)
        temporal = self.member(fact_id, dims, TEMPORAL_AXIS, _TEMPORALS)
        modality = self.member(fact_id, dims, MODALITY_AXIS, _MODALITIES)
        value = None if kind is QuantityKind.QUALITATIVE else self.value(fact_id, fact, kind)
        if (
            self.errors
            or claim_id is None
            or period is None
            or subject is None
            or quote is None
            or metric_id is None
            or source_id is None
            or temporal is None
            or modality is None
        ):
            raise _Reported
        count_of = None if value is None else count_kind_of(value.units)
        metric = self.metrics.setdefault(metric_id, Metric(metric_id, metric_id, kind, temporal, count_of=count_of))
        source = self.sources.setdefault(source_id, Source(source_id, source_id, source_id))
        program_id = dims.get(PROGRAM_AXIS)
        program = (
            None
            if program_id is None
            else self.programs.setdefault(str(program_id), Program(str(program_id), str(program_id), subject))
        )
        return Claim(
            claim_id,
            subject,
            metric,
            value,
            period,
            Citation(source, quote, (0, len(quote))),
            program=program,
            modality=modality,
        )

    def period(self, fact_id: str, text: object, *, instant: bool) -> Period | None:
        if text is None:
            return UnknownPeriod()
        parts = text.split("/") if isinstance(text, str) else []
        dates = [_DATE_TIME.fullmatch(part) for part in parts]
        if not 1 <= len(parts) <= 2 or not all(dates) or instant != (len(parts) == 1):
            kind = "an instant" if instant else "a duration"
            self.fail(fact_id, "dimensions.period", f"expected {kind} of ISO 8601 dates at midnight, got {text!r}")
            return None
        try:
            days = [dt.date.fromisoformat(match.group(1)) for match in dates if match is not None]
        except ValueError as error:
            self.fail(fact_id, "dimensions.period", f"not an ISO 8601 date: {error}")
            return None
        last = days[-1] - dt.timedelta(days=1)  # XBRL's end is the midnight after the last day
        try:
            if instant:
                return AsOf(PartialDate(last.year, last.month, last.day))
            return _duration(days[0], last)
        except EsgClaimsError as error:
            self.fail(fact_id, "dimensions.period", str(error))
            return None

    def entity(self, fact_id: str, text: object) -> Organization | None:
        if not isinstance(text, str) or not text.startswith("org:") or len(text) == len("org:"):
            self.fail(fact_id, "dimensions.entity", f"expected an entity as org:ID, got {text!r}")
            return None
        org_id = text.removeprefix("org:")
        return self.organizations.setdefault(org_id, Organization(org_id, org_id))

    def quote(self, fact_id: str, fact: dict[str, Any]) -> str | None:
        links = fact.get("links", {}).get("footnote", {}).get("_", [])
        for note_id in links:
            note = self.facts.get(note_id)
            if isinstance(note, dict) and isinstance(note.get("value"), str) and note["value"].strip():
                return str(note["value"])
        self.fail(fact_id, "links.footnote", "expected a footnote (xbrl:note) with the quote")
        return None

    def text(self, fact_id: str, dims: dict[str, Any], axis: str) -> str | None:
        text = dims.get(axis)
        if not isinstance(text, str) or not text:
            self.fail(fact_id, f"dimensions.{axis}", f"expected an id, got {text!r}")
            return None
        return text

    def member(self, fact_id: str, dims: dict[str, Any], axis: str, members: dict[str, Any]) -> Any:  # noqa: ANN401 - one enum or another
        text = dims.get(axis)
        if text not in members:
            self.fail(fact_id, f"dimensions.{axis}", f"expected one of {', '.join(members)}, got {text!r}")
            return None
        return members[text]

    def value(self, fact_id: str, fact: dict[str, Any], kind: QuantityKind) -> ReportedValue | None:
        dims = fact["dimensions"]
        amount = self.decimal(fact_id, "value", fact.get("value"))
        qualifier = self.member(fact_id, dims, QUALIFIER_AXIS, _QUALIFIERS)
        tolerance, upper = (
            None if axis not in dims else self.decimal(fact_id, f"dimensions.{axis}", dims[axis])
            for axis in (TOLERANCE_AXIS, UPPER_AXIS)
        )
        decimals = fact.get("decimals")
        if decimals is not None and (not isinstance(decimals, int) or isinstance(decimals, bool)):
            self.fail(fact_id, "decimals", f"expected a whole number, got {decimals!r}")
            return None
        unit_text = dims.get("unit")
        try:
            if kind is QuantityKind.SHARE:
                unit = parse_unit("percent")
                scale = Decimal(100)
            elif not isinstance(unit_text, str) or unit_text.partition(":")[0] not in ("iso4217", "esgc"):
                raise EsgClaimsError(f"expected a unit as iso4217:CODE or esgc:NAME, got {unit_text!r}")
            else:
                unit, scale = parse_unit(unit_text.partition(":")[2]), Decimal(1)
        except EsgClaimsError as error:
            self.fail(fact_id, "dimensions.unit", str(error))
            return None
        bad_bound = (TOLERANCE_AXIS in dims and tolerance is None) or (UPPER_AXIS in dims and upper is None)
        if amount is None or qualifier is None or bad_bound:
            return None
        precision = None if decimals is None else Decimal(1).scaleb(-decimals) * scale
        try:
            return ReportedValue(
                quantity(plain(amount * scale), unit),
                qualifier,
                upper=None if upper is None else quantity(plain(upper * scale), unit),
                precision=None if precision is None else plain(precision),
                tolerance=tolerance,
            )
        except EsgClaimsError as error:
            self.fail(fact_id, "value", str(error))
            return None

    def decimal(self, fact_id: str, field: str, text: object) -> Decimal | None:
        try:
            if not isinstance(text, str):
                raise InvalidOperation
            number = Decimal(text)
            if not number.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            self.fail(fact_id, field, f"expected a decimal number as text, got {text!r}")
            return None
        return number


class _Reported(Exception):  # noqa: N818 - a signal, not an error: the problem is already in the list
    pass


def _duration(first: dt.date, last: dt.date) -> Period:
    """The coarsest period that covers exactly ``first`` to ``last``: a calendar year, months, or days."""
    if first > last:
        raise PeriodError(
            f"a duration that ends ({last}) before it starts ({first})",
            text=f"{first} to {last}",
            hint=f"an end on or after {first}",
        )
    month_start = first.day == 1
    month_end = (last + dt.timedelta(days=1)).day == 1
    if month_start and month_end and first.month == 1 and last.month == 12:
        if first.year == last.year:
            return CalendarYear(first.year)
        return Span(PartialDate(first.year), PartialDate(last.year))
    if month_start and month_end:
        return Span(PartialDate(first.year, first.month), PartialDate(last.year, last.month))
    return Span(PartialDate(first.year, first.month, first.day), PartialDate(last.year, last.month, last.day))


def read_xbrl_json(document: dict[str, Any], name: str) -> ClaimSet:
    """The claims of a parsed xBRL-JSON report, with a warning naming what XBRL does not carry.

    Raises:
        FileFormatError: not an xBRL-JSON report, or not one in the shape esgclaims writes.
        LoadError: one or more facts are bad; it names each, and nothing is loaded.
    """
    info = document.get("documentInfo")
    kind = info.get("documentType") if isinstance(info, dict) else None
    if kind != DOCUMENT_TYPE:
        raise FileFormatError(f"{name}: expected an xBRL-JSON report (documentType {DOCUMENT_TYPE!r}), got {kind!r}")
    facts = document.get("facts", {})
    if not isinstance(facts, dict):
        raise FileFormatError(f"{name}: expected facts as an object keyed by fact id, got {type(facts).__name__}")
    claims = _Reader(name, facts).run()
    warnings.warn(f"{name}: xBRL-JSON does not carry {LOST}", EsgClaimsWarning, stacklevel=4)
    return claims
