"""Loading and dumping claim files (TOML or JSON).

Loading runs in two passes. The converter in :mod:`esgclaims._records` types each
record; then records are resolved into the model (ids to objects, unit names to
units, period strings to periods). Every problem of every record is collected,
and a file with any problem raises one :class:`~esgclaims.LoadError` listing
them all: nothing is half-loaded.
"""

from __future__ import annotations

import difflib
import json
import os
import tomllib
from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

import attrs

from ._claimset import ClaimSet
from ._errors import (
    EsgClaimsError,
    FieldTypeError,
    FileFormatError,
    InvalidClaimError,
    LoadError,
    MissingFieldError,
    RecordError,
    UnknownFieldError,
    UnknownReferenceError,
)
from ._model import (
    Citation,
    Claim,
    FrameworkTag,
    Match,
    Metric,
    Modality,
    Organization,
    OrganizationKind,
    Program,
    QuantityKind,
    Source,
    Temporal,
)
from ._parse_period import parse_period
from ._periods import PartialDate
from ._records import (
    ClaimRecord,
    FieldProblem,
    FrameworkRecord,
    MetricRecord,
    OrganizationRecord,
    ProgramRecord,
    SourceRecord,
    ValueRecord,
    converter,
    problems,
)
from ._units import parse_unit, plain, quantity, unit_name
from ._values import ReportedValue

__all__ = ["dump", "load", "load_bytes"]

_TABLES: dict[str, type] = {
    "sources": SourceRecord,
    "organizations": OrganizationRecord,
    "programs": ProgramRecord,
    "metrics": MetricRecord,
    "claims": ClaimRecord,
}
_SINGULAR = {"sources": "source", "organizations": "organization", "programs": "program", "metrics": "metric",
             "claims": "claim"}
_E = TypeVar("_E")


def load(path: str | os.PathLike[str]) -> ClaimSet:
    """Read a TOML or JSON claim file (see the file format in the docs).

    Raises:
        FileFormatError: the file is not UTF-8, empty, or not valid TOML or JSON.
        LoadError: one or more records are bad; it lists every one, and nothing is loaded.
    """
    file = Path(path)
    try:
        data = file.read_bytes()
    except OSError as error:
        raise FileFormatError(f"{file}: cannot read the file: {error.strerror}") from None
    return load_bytes(data, name=file.name, suffix=file.suffix)


def load_bytes(data: bytes, *, name: str, suffix: str) -> ClaimSet:
    """Read a claim file's bytes; ``suffix`` (``.toml`` or ``.json``) chooses the format."""
    document = _parse_document(data, name, suffix)
    return _Resolver(name).run(document)


def _parse_document(data: bytes, name: str, suffix: str) -> dict[str, Any]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise FileFormatError(
            f"{name}: not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start}); save it as UTF-8"
        ) from None
    if not text.strip():
        raise FileFormatError(f"{name}: the file is empty; a claim file has at least a [[claims]] table")
    kind = suffix.lower().lstrip(".")
    if kind == "toml":
        try:
            document: Any = tomllib.loads(text, parse_float=Decimal)
        except tomllib.TOMLDecodeError as error:
            raise FileFormatError(f"{name}: malformed TOML: {error}") from None
    elif kind == "json":
        try:
            document = json.loads(text, parse_float=Decimal, parse_constant=Decimal)
        except json.JSONDecodeError as error:
            raise FileFormatError(
                f"{name}: malformed JSON at line {error.lineno}, column {error.colno}: {error.msg}"
            ) from None
    else:
        raise FileFormatError(f"{name}: unknown file type {suffix!r}; expected .toml or .json")
    if not isinstance(document, dict):
        raise FileFormatError(f"{name}: expected a table of sources, organizations, programs, metrics and claims")
    return document


def _label(table: str, index: int, raw: object) -> str:
    raw_id = raw.get("id") if isinstance(raw, dict) else None
    if isinstance(raw_id, str) and raw_id:
        return f"{_SINGULAR[table]} {raw_id!r}"
    return f"{table}[{index}]"


def _choice(enum_type: Callable[[str], _E], options: Iterable[Any], value: str) -> _E:
    try:
        return enum_type(value)
    except ValueError:
        names = ", ".join(str(o.value) for o in options)
        raise InvalidClaimError(f"expected one of {names}, got {value!r}") from None


class _Resolver:
    """Turns a parsed document into a ClaimSet, collecting every error."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.errors: list[RecordError] = []
        self.failed: dict[str, set[str]] = {table: set() for table in _TABLES}
        self.sources: dict[str, Source] = {}
        self.organizations: dict[str, Organization] = {}
        self.programs: dict[str, Program] = {}
        self.metrics: dict[str, Metric] = {}

    def error(self, cls: type[RecordError], problem: str, record: str, field: str | None) -> None:
        self.errors.append(cls(problem, file=self.name, record=record, field=field))

    def run(self, document: dict[str, Any]) -> ClaimSet:
        records: dict[str, list[tuple[str, Any]]] = {}
        for key in document:
            if key not in _TABLES:
                hint = difflib.get_close_matches(key, list(_TABLES), n=1)
                suggestion = f"; did you mean {hint[0]!r}?" if hint else ""
                self.error(UnknownFieldError, f"unknown table{suggestion} expected {', '.join(_TABLES)}",
                           "top level", key)
        if "claims" not in document:
            self.error(MissingFieldError, "missing table: a claim file has [[claims]]", "top level", "claims")
        for table, record_type in _TABLES.items():
            records[table] = self._structure(table, record_type, document.get(table, []))
        for label, source in records["sources"]:
            self._guard("sources", source.id, label, None, lambda s=source: self._source(s))
        self._organizations(records["organizations"])
        for label, program in records["programs"]:
            self._guard("programs", program.id, label, None, lambda p=program, la=label: self._program(p, la))
        for label, metric in records["metrics"]:
            self._guard("metrics", metric.id, label, None, lambda m=metric, la=label: self._metric(m, la))
        claims: list[Claim] = []
        for label, claim_record in records["claims"]:
            claim = self._claim(claim_record, label)
            if claim is not None:
                claims.append(claim)
        if self.errors:
            count = len(self.errors)
            raise LoadError(f"{self.name}: {count} error{'s' if count > 1 else ''}; nothing was loaded", self.errors)
        return ClaimSet(claims)

    def _structure(self, table: str, record_type: type, raw_records: Any) -> list[tuple[str, Any]]:
        if not isinstance(raw_records, list):
            self.error(FieldTypeError, f"expected a list of tables ([[{table}]]), got {type(raw_records).__name__}",
                       "top level", table)
            return []
        structured = []
        seen: dict[str, str] = {}
        for index, raw in enumerate(raw_records):
            label = _label(table, index, raw)
            try:
                record = converter.structure(raw, record_type)
            except Exception as error:  # noqa: BLE001 - every cattrs failure becomes a RecordError
                self._report_structure_errors(error, label, record_type)
                raw_id = raw.get("id") if isinstance(raw, dict) else None
                if isinstance(raw_id, str):
                    self.failed[table].add(raw_id)
                continue
            if record.id in seen:
                self.error(RecordError, f"duplicate id {record.id!r} (first used by {table}[{seen[record.id]}])",
                           label, "id")
                continue
            seen[record.id] = str(index)
            structured.append((label, record))
        return structured

    def _report_structure_errors(self, error: BaseException, label: str, record_type: type) -> None:
        for path, problem in problems(error):
            field = ".".join(str(step) for step in path) or None
            if problem == "missing field":
                self.error(MissingFieldError, "missing field", label, field)
            elif problem == "unknown field":
                known = _field_names(record_type, path[:-1])
                hint = difflib.get_close_matches(str(path[-1]), known, n=1)
                suggestion = f"; did you mean {hint[0]!r}?" if hint else f"; expected one of {', '.join(known)}"
                self.error(UnknownFieldError, f"unknown field{suggestion}", label, field)
            else:
                self.error(FieldTypeError, problem, label, field)

    def _guard(self, table: str, record_id: str, label: str, field: str | None, build: Callable[[], object]) -> None:
        try:
            build()
        except RecordError as error:
            self.errors.append(error)
            self.failed[table].add(record_id)
        except EsgClaimsError as error:
            self.error(RecordError, str(error), label, field)
            self.failed[table].add(record_id)

    def _field(self, label: str, field: str, build: Callable[[], _E]) -> _E:
        try:
            return build()
        except RecordError:
            raise
        except (EsgClaimsError, FieldProblem) as error:
            raise RecordError(str(error), file=self.name, record=label, field=field) from None

    def _reference(self, table: str, known: dict[str, _E], ref: str, label: str, field: str) -> _E:
        if ref in known:
            return known[ref]
        if ref in self.failed[table]:
            raise _AlreadyReported
        hint = difflib.get_close_matches(ref, list(known), n=1)
        suggestion = f"; did you mean {hint[0]!r}?" if hint else ""
        raise UnknownReferenceError(f"no {_SINGULAR[table]} with id {ref!r}{suggestion}", file=self.name,
                                    record=label, field=field)

    def _source(self, record: SourceRecord) -> None:
        label = f"source {record.id!r}"
        published = None if record.published is None else self._field(
            label, "published", lambda: PartialDate.parse(record.published or "")
        )
        self.sources[record.id] = self._field(label, "id", lambda: Source(
            record.id, record.title, record.publisher, record.author, record.url, published, record.sha256
        ))

    def _organizations(self, records: list[tuple[str, OrganizationRecord]]) -> None:
        pending = {record.id: (label, record) for label, record in records}

        def build(org_id: str, chain: tuple[str, ...]) -> Organization:
            if org_id in self.organizations:
                return self.organizations[org_id]
            label, record = pending[org_id]
            parent = None
            if record.parent is not None:
                if record.parent in chain:
                    raise RecordError(f"organization {org_id!r} is its own ancestor", file=self.name, record=label,
                                        field="parent")
                if record.parent not in pending:
                    self._reference("organizations", self.organizations, record.parent, label, "parent")
                parent = build(record.parent, (*chain, org_id))
            kind = self._field(label, "kind", lambda: _choice(OrganizationKind, OrganizationKind, record.kind))
            organization = self._field(label, "id", lambda: Organization(
                record.id, record.name, kind, record.aliases, parent, record.description
            ))
            self.organizations[org_id] = organization
            return organization

        for _, record in records:
            try:
                build(record.id, ())
            except _AlreadyReported:
                self.failed["organizations"].add(record.id)
            except RecordError as error:
                if error not in self.errors:
                    self.errors.append(error)
                self.failed["organizations"].add(record.id)

    def _program(self, record: ProgramRecord, label: str) -> None:
        owner = self._reference("organizations", self.organizations, record.owner, label, "owner")
        self.programs[record.id] = self._field(label, "id", lambda: Program(
            record.id, record.name, owner, record.description
        ))

    def _metric(self, record: MetricRecord, label: str) -> None:
        kind = self._field(label, "kind", lambda: _choice(QuantityKind, QuantityKind, record.kind))
        temporal = self._field(label, "temporal", lambda: _choice(Temporal, Temporal, record.temporal))
        if record.count_of is not None:
            self._field(label, "count_of", lambda: parse_unit(record.count_of or ""))
        tags = tuple(
            self._field(label, f"frameworks.{i}.match", lambda t=tag: FrameworkTag(
                t.framework, t.code, _choice(Match, Match, t.match)
            ))
            for i, tag in enumerate(record.frameworks)
        )
        self.metrics[record.id] = self._field(label, "count_of" if record.count_of else "kind", lambda: Metric(
            record.id, record.name, kind, temporal, record.count_of, record.description, tags
        ))

    def _claim(self, record: ClaimRecord, label: str) -> Claim | None:
        parts: dict[str, Any] = {}
        steps: list[tuple[str, Callable[[], Any]]] = [
            ("subject", lambda: self._reference("organizations", self.organizations, record.subject, label, "subject")),
            ("program", lambda: None if record.program is None else self._reference(
                "programs", self.programs, record.program, label, "program")),
            ("metric", lambda: self._reference("metrics", self.metrics, record.metric, label, "metric")),
            ("source", lambda: self._reference("sources", self.sources, record.source, label, "source")),
            ("period", lambda: self._field(label, "period", lambda: parse_period(record.period))),
            ("modality", lambda: self._field(label, "modality", lambda: _choice(Modality, Modality, record.modality))),
            ("value", lambda: None if record.value is None else self._value(record.value, label)),
        ]
        ok = True
        for name, step in steps:
            try:
                parts[name] = step()
            except _AlreadyReported:
                ok = False
            except RecordError as error:
                self.errors.append(error)
                ok = False
        if not ok:
            return None
        metric: Metric = parts["metric"]
        value: ReportedValue | None = parts["value"]
        if value is not None and not metric.accepts(value.units):
            self.error(RecordError, f"unit {record.value.unit!r} does not fit metric {metric.id!r}, "  # type: ignore[union-attr]
                       f"which takes {metric.expected}", label, "value.unit")
            return None
        if value is None and metric.kind is not QuantityKind.QUALITATIVE:
            self.error(MissingFieldError, f"missing field: metric {metric.id!r} needs {metric.expected}", label,
                       "value")
            return None
        try:
            citation = self._field(label, "span", lambda: Citation(parts["source"], record.quote, record.span))
            return self._field(label, "id", lambda: Claim(
                record.id, parts["subject"], metric, value, parts["period"], citation, parts["program"],
                record.attribution, parts["modality"], record.note,
            ))
        except RecordError as error:
            self.errors.append(error)
            return None

    def _value(self, record: ValueRecord, label: str) -> ReportedValue:
        unit = self._field(label, "value.unit", lambda: parse_unit(record.unit))
        return self._field(label, "value", lambda: ReportedValue(
            quantity(record.amount, unit), record.qualifier,  # type: ignore[arg-type]
            upper=None if record.upper is None else quantity(record.upper, unit),
            precision=record.precision, tolerance=record.tolerance,
        ))


class _AlreadyReported(Exception):  # noqa: N818 - a signal, not an error
    """A reference to a record that failed: its error is already in the list."""


def _field_names(record_type: type, path: tuple[str | int, ...]) -> list[str]:
    current: Any = record_type
    for step in path:
        if isinstance(step, int):
            continue
        field = attrs.fields_dict(current).get(str(step))
        if field is None:
            return []
        current = {"value": ValueRecord, "frameworks": FrameworkRecord}.get(str(step), current)
    return [f.name for f in attrs.fields(current)] if attrs.has(current) else []


# ---------------------------------------------------------------------------- dump


def dump(claims: ClaimSet | Iterable[Claim], path: str | os.PathLike[str]) -> None:
    """Write claims as a JSON claim file that :func:`load` reads back to equal claims.

    Numbers are written as strings of exact decimals.
    """
    text = json.dumps(to_document(claims), ensure_ascii=False, indent=2) + "\n"
    Path(path).write_text(text, encoding="utf-8")


def to_document(claims: ClaimSet | Iterable[Claim]) -> dict[str, list[dict[str, Any]]]:
    """The claim file document (plain dicts and lists) for ``claims``."""
    claim_set = claims if isinstance(claims, ClaimSet) else ClaimSet(claims)
    tables: dict[str, dict[str, Any]] = {table: {} for table in _TABLES}

    def put(table: str, item: Any, record: dict[str, Any]) -> None:
        existing = tables[table].get(item.id)
        if existing is not None and existing[0] != item:
            raise InvalidClaimError(f"two different {table} share the id {item.id!r}")
        tables[table][item.id] = (item, record)

    def organization(org: Organization) -> None:
        if org.parent is not None:
            organization(org.parent)
        put("organizations", org, _drop_defaults({
            "id": org.id, "name": org.name, "kind": org.kind.value, "aliases": list(org.aliases),
            "parent": None if org.parent is None else org.parent.id, "description": org.description,
        }))

    for claim in claim_set:
        source = claim.citation.source
        put("sources", source, _drop_defaults({
            "id": source.id, "title": source.title, "publisher": source.publisher, "author": source.author,
            "url": source.url, "published": None if source.published is None else source.published.iso(),
            "sha256": source.sha256,
        }))
        organization(claim.subject)
        if claim.program is not None:
            organization(claim.program.owner)
            put("programs", claim.program, _drop_defaults({
                "id": claim.program.id, "name": claim.program.name, "owner": claim.program.owner.id,
                "description": claim.program.description,
            }))
        metric = claim.metric
        put("metrics", metric, _drop_defaults({
            "id": metric.id, "name": metric.name, "kind": metric.kind.value, "temporal": metric.temporal.value,
            "count_of": metric.count_of, "description": metric.description,
            "frameworks": [{"framework": t.framework, "code": t.code, "match": t.match.value} for t in metric.frameworks],
        }))
        put("claims", claim, _drop_defaults({
            "id": claim.id, "subject": claim.subject.id, "program": None if claim.program is None else claim.program.id,
            "metric": metric.id, "value": None if claim.value is None else _value_record(claim.value),
            "period": claim.period.iso(), "source": source.id, "quote": claim.citation.quote,
            "span": list(claim.citation.span), "attribution": claim.attribution,
            "modality": claim.modality.value, "note": claim.note,
        }))
    return {table: [record for _, record in items.values()] for table, items in tables.items() if items}


def _number(value: Decimal) -> str:
    return format(plain(value), "f")


def _value_record(value: ReportedValue) -> dict[str, Any]:
    return _drop_defaults({
        "qualifier": value.qualifier.value,
        "amount": _number(value.reported.magnitude),
        "unit": unit_name(value.units),
        "upper": None if value.upper is None else _number(value.upper.magnitude),
        "precision": None if value.precision is None else _number(value.precision),
        "tolerance": None if value.tolerance is None else _number(value.tolerance),
    })


def _drop_defaults(record: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in record.items() if value not in (None, "", [])}
