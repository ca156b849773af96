"""Loading claim files (TOML or JSON); :mod:`esgclaims._io.dump` writes them.

Loading runs in two passes. The converter in :mod:`esgclaims._io.records` types each
record; then records are resolved into the model (ids to objects, unit names to
units, period strings to periods). Every problem of every record is collected,
and a file with any problem raises one :class:`~esgclaims.LoadError` listing
them all: nothing is half-loaded.
"""

from __future__ import annotations

import contextlib
import enum
import functools
import tomllib
from decimal import Decimal, getcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

import attrs

from esgclaims._claimset import ClaimSet
from esgclaims._errors import (
    EsgClaimsError,
    FieldTypeError,
    FileFormatError,
    FileReadError,
    InvalidClaimError,
    InvalidValueError,
    LoadError,
    MissingFieldError,
    RecordError,
    UnitError,
    UnknownFieldError,
    UnknownReferenceError,
    did_you_mean,
)
from esgclaims._model import (
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
from esgclaims._parse_period import parse_period
from esgclaims._periods import PartialDate
from esgclaims._units import count_kind_of, parse_unit, plain, quantity
from esgclaims._values import Qualifier, ReportedValue

from .records import (
    ClaimRecord,
    FieldProblem,
    FrameworkRecord,
    MetricRecord,
    OrganizationRecord,
    ProgramRecord,
    SourceRecord,
    ValueRecord,
    converter,
    describe,
    problems,
)

if TYPE_CHECKING:
    import os
    from collections.abc import Callable, Iterable

__all__ = ["TABLES", "decode_text", "load", "load_bytes", "read_file"]

TABLES: dict[str, type] = {
    "sources": SourceRecord,
    "organizations": OrganizationRecord,
    "programs": ProgramRecord,
    "metrics": MetricRecord,
    "claims": ClaimRecord,
}
_SINGULAR = {
    "sources": "source",
    "organizations": "organization",
    "programs": "program",
    "metrics": "metric",
    "claims": "claim",
}
_E = TypeVar("_E")
_T = TypeVar("_T")
_N = TypeVar("_N", bound=enum.Enum)
_A = TypeVar("_A", bound=attrs.AttrsInstance)


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


_I = TypeVar("_I", bound=_HasId)
_R = TypeVar("_R", bound=_HasId)


def load(path: str | os.PathLike[str]) -> ClaimSet:
    """Read a TOML or JSON claim file (see the file format in the docs), or a Parquet claim table.

    Raises:
        FileFormatError: the file is not UTF-8, empty, or not valid TOML or JSON.
        LoadError: one or more records are bad; it lists every one, and nothing is loaded.
    """
    file = Path(path)
    if file.suffix.lower() == ".parquet":  # a claim table (docs/interchange-table.md)
        from esgclaims._interchange import read_parquet  # noqa: PLC0415 - a higher layer, and an optional extra

        return read_parquet(file)
    return load_bytes(read_file(file), name=file.name, suffix=file.suffix)


def read_file(path: Path) -> bytes:
    """The bytes of a file a user named; a :class:`~esgclaims.FileReadError` naming it when it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as error:
        failure = FileReadError(f"{path}: cannot read the file: {error.strerror}")
        failure.errno, failure.filename = error.errno, str(path)
        raise failure from None


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 text without a byte-order mark; a :class:`~esgclaims.FileFormatError` saying where it is not UTF-8."""
    try:
        # A byte-order mark, as some editors write, is not part of the text. (What the "utf-8-sig"
        # codec does, without looking that codec up and importing it: import time.)
        return data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError as error:
        offset = error.start + len(data) - len(error.object)  # the decoder counts from after a byte-order mark
        raise FileFormatError(
            f"{name}: not UTF-8 text (byte 0x{data[offset]:02x} at offset {offset}); save it as UTF-8"
        ) from None


def load_bytes(data: bytes, *, name: str, suffix: str) -> ClaimSet:
    """Read a claim file's bytes; ``suffix`` (``.toml`` or ``.json``) chooses the format.

    Examples:
        >>> len(load_bytes(b"claims = []", name="none.toml", suffix=".toml"))
        0
    """
    document = _parse_document(data, name, suffix)
    return _Resolver(name).run(document)


def _parse_document(data: bytes, name: str, suffix: str) -> dict[str, Any]:
    kind = suffix.lower().lstrip(".")
    if kind not in ("toml", "json"):
        raise FileFormatError(f"{name}: unknown file type {suffix!r}; expected .toml or .json")
    text = decode_text(data, name)
    if not text.strip():
        raise FileFormatError(f"{name}: the file is empty; a claim file holds at least a list of claims")
    try:
        document = _parse_toml(text, name) if kind == "toml" else _parse_json(text, name)
    except RecursionError:
        raise FileFormatError(f"{name}: malformed {kind.upper()}: lists or tables nested too deeply") from None
    if not isinstance(document, dict):
        raise FileFormatError(
            f"{name}: expected a table of sources, organizations, programs, metrics and claims, "
            f"got {describe(document)}"
        )
    return document


def _parse_toml(text: str, name: str) -> object:
    try:
        return tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        raise FileFormatError(f"{name}: malformed TOML: {error}") from None


def _parse_json(text: str, name: str) -> object:
    import json  # noqa: PLC0415 - the dataset is TOML; import time matters

    try:
        return json.loads(text, parse_float=Decimal, parse_constant=Decimal)
    except json.JSONDecodeError as error:
        raise FileFormatError(
            f"{name}: malformed JSON at line {error.lineno}, column {error.colno}: {error.msg}"
        ) from None


def _label(table: str, index: int, raw: object) -> str:
    raw_id = raw.get("id") if isinstance(raw, dict) else None
    if isinstance(raw_id, str) and raw_id:
        return f"{_SINGULAR[table]} {raw_id!r}"
    return f"{table}[{index}]"


def _path_text(path: tuple[str | int, ...]) -> str:
    """``("frameworks", 1, "code")`` as ``frameworks[1].code``."""
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else f".{step}" if text else step
    return text


def _unknown(what: str, word: str, known: Iterable[str]) -> str:
    known = list(known)
    return f"unknown {what}{did_you_mean(word, known) or '; expected one of ' + ', '.join(known)}"


def _choice(enum_type: type[_N], value: str) -> _N:
    try:
        return enum_type(value)
    except ValueError:
        names = [str(member.value) for member in enum_type]
        raise InvalidClaimError(
            f"expected one of {', '.join(names)}, got {value!r}{did_you_mean(value, names)}"
        ) from None


def _optional(build: Callable[[_T], _E], value: _T | None) -> _E | None:
    return None if value is None else build(value)


def _exact(number: Decimal) -> Decimal:
    """``number``, when the model can hold it without rounding it."""
    try:
        held: Decimal | None = plain(number)
    except ArithmeticError:
        held = None
    if held != number:
        raise InvalidValueError(f"expected a number of at most {getcontext().prec} digits, got {describe(number)}")
    return number


def _count_kind(text: str) -> str:
    kind = count_kind_of(parse_unit(text))
    if kind is None:
        raise UnitError(f"expected a count kind such as 'household', got {text!r}")
    if kind != text:
        raise UnitError(f"expected {kind!r}, the name of the count kind, got {text!r}")
    return kind


def _validate(attribute: attrs.Attribute[Any], value: object) -> None:
    """Run one field's validator before the object is built (the model's validators look at the value alone)."""
    if attribute.validator is not None:
        attribute.validator(None, attribute, value)


class _AlreadyReported(Exception):  # noqa: N818 - a signal, not an error
    """A record or field that failed: its error is already in the list."""


class _Failed:
    """Stands in for a field whose error is already in the list."""

    def __repr__(self) -> str:
        return "<failed>"


_FAILED = _Failed()


def _failed(*values: object) -> bool:
    return any(value is _FAILED for value in values)


class _Resolver:
    """Turns a parsed document into a ClaimSet, collecting every error.

    Each builder either returns its object or raises: a :class:`RecordError`
    not yet in the list, or :class:`_AlreadyReported` once its errors are in it.
    A record that fails is remembered, so that references to it do not report
    it a second time.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.errors: list[RecordError] = []
        self.failed: dict[str, set[str]] = {table: set() for table in TABLES}
        self.places: dict[str, tuple[int, int]] = {}  # a record's label -> (its table, its index), to sort errors
        self.sources: dict[str, Source] = {}
        self.organizations: dict[str, Organization] = {}
        self.programs: dict[str, Program] = {}
        self.metrics: dict[str, Metric] = {}

    def error(self, cls: type[RecordError], problem: str, record: str, field: str | None) -> None:
        self.errors.append(cls(problem, file=self.name, record=record, field=field))

    def run(self, document: dict[str, Any]) -> ClaimSet:
        for key in document:
            if key not in TABLES:
                self.error(UnknownFieldError, _unknown("table", key, TABLES), "top level", key)
        if "claims" not in document:
            self.error(MissingFieldError, "missing table", "top level", "claims")
        records = {
            table: self._structure(table, record_type, document.get(table, [])) for table, record_type in TABLES.items()
        }
        for label, source in records["sources"]:
            self._store(self.sources, self._guard("sources", self._source, source, label))
        self._organizations(records["organizations"])
        for label, program in records["programs"]:
            self._store(self.programs, self._guard("programs", self._program, program, label))
        for label, metric in records["metrics"]:
            self._store(self.metrics, self._guard("metrics", self._metric, metric, label))
        claims = [self._guard("claims", self._claim, claim, label) for label, claim in records["claims"]]
        if self.errors:
            count = len(self.errors)
            self.errors.sort(key=lambda error: self.places.get(error.record, (-1, 0)))  # in file order
            raise LoadError(f"{self.name}: {count} error{'s' if count > 1 else ''}; nothing was loaded", self.errors)
        return ClaimSet(claim for claim in claims if claim is not None)

    # -- typing the raw records

    def _structure(self, table: str, record_type: type, raw_records: object) -> list[tuple[str, Any]]:
        if not isinstance(raw_records, list):
            self.error(FieldTypeError, f"expected a list of tables, got {describe(raw_records)}", "top level", table)
            return []
        structured: list[tuple[str, Any]] = []
        first: dict[str, int] = {}
        rank = list(TABLES).index(table)
        for index, raw in enumerate(raw_records):
            raw_id = raw.get("id") if isinstance(raw, dict) else None
            if isinstance(raw_id, str) and raw_id in first:
                label = f"{table}[{index}]"  # the id alone would not say which of the two
                self.places[label] = (rank, index)
                self.error(
                    RecordError, f"duplicate id {raw_id!r}; {table}[{first[raw_id]}] has it already", label, "id"
                )
                continue
            if isinstance(raw_id, str):
                first[raw_id] = index
            label = _label(table, index, raw)
            self.places[label] = (rank, index)
            try:
                record: _HasId = converter.structure(raw, record_type)
            except Exception as error:  # noqa: BLE001 - every cattrs failure becomes a RecordError
                self._report_structure_errors(error, label, record_type)
                if isinstance(raw_id, str):
                    self.failed[table].add(raw_id)
                continue
            structured.append((label, record))
        return structured

    def _report_structure_errors(self, error: BaseException, label: str, record_type: type) -> None:
        for path, problem in problems(error):
            field = _path_text(path) or None
            if problem == "missing field":
                self.error(MissingFieldError, "missing field", label, field)
            elif problem == "unknown field":
                known = _field_names(record_type, path[:-1])
                self.error(UnknownFieldError, _unknown("field", str(path[-1]), known), label, field)
            else:
                self.error(FieldTypeError, problem, label, field)

    # -- the helpers every builder uses

    def _guard(self, table: str, build: Callable[[_R, str], _E], record: _R, label: str) -> _E | None:
        """``build(record, label)``, or ``None`` once its errors are in the list."""
        try:
            return build(record, label)
        except _AlreadyReported:
            pass
        except RecordError as error:
            self.errors.append(error)
        self.failed[table].add(record.id)
        return None

    @staticmethod
    def _store(known: dict[str, _I], item: _I | None) -> None:
        if item is not None:
            known[item.id] = item

    def _problem(self, error: BaseException, label: str) -> str:
        # the model names the object in some messages ("metric 'x': ..."); the label already does
        return str(error).removeprefix(f"{label}: ")

    def _field(self, label: str, field: str, build: Callable[..., _E], *args: object) -> _E:
        """``build(*args)``, with any error it raises turned into a RecordError naming ``field``."""
        try:
            return build(*args)
        except RecordError:
            raise
        except (EsgClaimsError, FieldProblem) as error:
            raise RecordError(self._problem(error, label), file=self.name, record=label, field=field) from None

    def _attempt(self, label: str, field: str, build: Callable[..., _E], *args: object) -> _E:
        """``build(*args)``, or ``_FAILED`` once its error (named for ``field``) is in the list.

        Callers check results with :func:`_failed` before they use them. (What :meth:`_field`
        does, written out: this runs for every field of every record.)
        """
        try:
            return build(*args)
        except _AlreadyReported:
            pass
        except RecordError as error:
            self.errors.append(error)
        except (EsgClaimsError, FieldProblem) as error:
            self.errors.append(RecordError(self._problem(error, label), file=self.name, record=label, field=field))
        return cast("_E", _FAILED)

    def _make(self, label: str, cls: type[_A], field: str, values: dict[str, Any], prefix: str = "") -> _A:
        """``cls(**values)``; when that fails, each field's validator is run alone, so that its error names that field.

        ``field`` names the record's field for an error only the whole object shows.
        """
        ok = not _failed(*values.values())
        if ok:
            try:
                return cls(**values)  # a good record: every validator runs once, in __init__
            except Exception:  # noqa: BLE001, S110 - told apart below, field by field
                pass
        for attribute in attrs.fields(cls):
            value = values.get(attribute.name, _FAILED)
            if value is not _FAILED:
                ok = self._attempt(label, prefix + attribute.name, _validate, attribute, value) is not _FAILED and ok
        if not ok:
            raise _AlreadyReported
        return self._field(label, field, lambda: cls(**values))

    def _reference(self, table: str, known: dict[str, _E], ref: str, label: str, field: str) -> _E:
        if ref in known:
            return known[ref]
        if ref in self.failed[table]:
            raise _AlreadyReported
        raise UnknownReferenceError(
            f"no {_SINGULAR[table]} with id {ref!r}{did_you_mean(ref, known)}",
            file=self.name,
            record=label,
            field=field,
        )

    # -- one builder per table

    def _source(self, record: SourceRecord, label: str) -> Source:
        published = self._attempt(label, "published", _optional, PartialDate.parse, record.published)
        return self._make(
            label,
            Source,
            "id",
            {
                "id": record.id,
                "title": record.title,
                "publisher": record.publisher,
                "author": record.author,
                "url": record.url,
                "published": published,
                "sha256": record.sha256,
            },
        )

    def _organizations(self, records: list[tuple[str, OrganizationRecord]]) -> None:
        # Built depth first, so that a parent may come later in the file than its children.
        pending = {record.id: (label, record) for label, record in records}

        def parent_of(record: OrganizationRecord, label: str, chain: tuple[str, ...]) -> Organization | None:
            if record.parent is None:
                return None
            if record.parent in chain:
                loop = " → ".join(repr(org_id) for org_id in (*chain[chain.index(record.parent) :], record.parent))
                raise RecordError(f"circular parents: {loop}", file=self.name, record=label, field="parent")
            if record.parent in pending:
                return build(record.parent, chain)
            return self._reference("organizations", self.organizations, record.parent, label, "parent")

        def organization(record: OrganizationRecord, label: str, chain: tuple[str, ...]) -> Organization:
            parent = self._attempt(label, "parent", parent_of, record, label, chain)
            kind = self._attempt(label, "kind", _choice, OrganizationKind, record.kind)
            return self._make(
                label,
                Organization,
                "id",
                {
                    "id": record.id,
                    "name": record.name,
                    "kind": kind,
                    "aliases": record.aliases,
                    "parent": parent,
                    "description": record.description,
                },
            )

        def build(org_id: str, chain: tuple[str, ...]) -> Organization:
            if org_id in self.organizations:
                return self.organizations[org_id]
            if org_id in self.failed["organizations"]:
                raise _AlreadyReported
            label, record = pending[org_id]
            built = self._guard("organizations", functools.partial(organization, chain=(*chain, org_id)), record, label)
            if built is None:
                raise _AlreadyReported
            self.organizations[org_id] = built
            return built

        for _, record in records:
            with contextlib.suppress(_AlreadyReported):
                build(record.id, ())

    def _program(self, record: ProgramRecord, label: str) -> Program:
        owner = self._attempt(
            label, "owner", self._reference, "organizations", self.organizations, record.owner, label, "owner"
        )
        return self._make(
            label,
            Program,
            "id",
            {
                "id": record.id,
                "name": record.name,
                "owner": owner,
                "description": record.description,
            },
        )

    def _metric(self, record: MetricRecord, label: str) -> Metric:
        kind = self._attempt(label, "kind", _choice, QuantityKind, record.kind)
        temporal = self._attempt(label, "temporal", _choice, Temporal, record.temporal)
        count_of = self._attempt(label, "count_of", self._count_of, record, kind, label)
        tags = tuple(
            self._attempt(label, f"frameworks[{index}]", self._tag, tag, label, index)
            for index, tag in enumerate(record.frameworks)
        )
        # what the metric checks as a whole: count_of given exactly for a count; only a qualitative event
        field = "temporal" if temporal is Temporal.EVENT and kind is not QuantityKind.QUALITATIVE else "count_of"
        return self._make(
            label,
            Metric,
            field,
            {
                "id": record.id,
                "name": record.name,
                "kind": kind,
                "temporal": temporal,
                "count_of": count_of,
                "description": record.description,
                "frameworks": _FAILED if _failed(*tags) else tags,
            },
        )

    def _count_of(self, record: MetricRecord, kind: QuantityKind, label: str) -> str | None:
        if record.count_of is not None:
            return _count_kind(record.count_of)
        if kind is QuantityKind.COUNT:
            raise MissingFieldError(
                "missing field; a count metric names the kind it counts", file=self.name, record=label, field="count_of"
            )
        return None

    def _tag(self, record: FrameworkRecord, label: str, index: int) -> FrameworkTag:
        prefix = f"frameworks[{index}]."
        match = self._attempt(label, prefix + "match", _choice, Match, record.match)
        return self._make(
            label,
            FrameworkTag,
            prefix + "match",
            {
                "framework": record.framework,
                "code": record.code,
                "match": match,
            },
            prefix,
        )

    def _claim(self, record: ClaimRecord, label: str) -> Claim:
        reference = self._reference
        subject = self._attempt(
            label, "subject", reference, "organizations", self.organizations, record.subject, label, "subject"
        )
        program = (
            None
            if record.program is None
            else self._attempt(label, "program", reference, "programs", self.programs, record.program, label, "program")
        )
        metric = self._attempt(label, "metric", reference, "metrics", self.metrics, record.metric, label, "metric")
        source = self._attempt(label, "source", reference, "sources", self.sources, record.source, label, "source")
        period = self._attempt(label, "period", parse_period, record.period)
        modality = self._attempt(label, "modality", _choice, Modality, record.modality)
        value = None if record.value is None else self._attempt(label, "value", self._value, record.value, label)
        if not _failed(metric, value):
            value = self._attempt(label, "value", self._fit, metric, value, record, label)
        citation = self._attempt(
            label,
            "span",
            self._make,
            label,
            Citation,
            "span",
            {
                "source": source,
                "quote": record.quote,
                "span": record.span,
            },
        )
        return self._make(
            label,
            Claim,
            "id",
            {
                "id": record.id,
                "subject": subject,
                "metric": metric,
                "value": value,
                "period": period,
                "citation": citation,
                "program": program,
                "attribution": record.attribution,
                "modality": modality,
                "note": record.note,
            },
        )

    def _fit(
        self, metric: Metric, value: ReportedValue | None, record: ClaimRecord, label: str
    ) -> ReportedValue | None:
        """``value``, if ``metric`` takes it."""
        if value is None and metric.kind is not QuantityKind.QUALITATIVE:
            raise MissingFieldError(
                f"missing field; metric {metric.id!r} needs {metric.expected}",
                file=self.name,
                record=label,
                field="value",
            )
        if value is not None and metric.kind is QuantityKind.QUALITATIVE:
            raise RecordError(
                f"metric {metric.id!r} is qualitative and takes no value", file=self.name, record=label, field="value"
            )
        if value is not None and not metric.accepts(value.units):
            assert record.value is not None  # noqa: S101 - value was built from it
            raise RecordError(
                f"unit {record.value.unit!r} does not fit metric {metric.id!r}, which takes {metric.expected}",
                file=self.name,
                record=label,
                field="value.unit",
            )
        return value

    def _value(self, record: ValueRecord, label: str) -> ReportedValue:
        unit = self._attempt(label, "value.unit", parse_unit, record.unit)
        qualifier = self._attempt(label, "value.qualifier", _choice, Qualifier, record.qualifier)
        amount = self._attempt(label, "value.amount", _exact, record.amount)
        upper, precision, tolerance = (
            None if number is None else self._attempt(label, f"value.{name}", _exact, number)
            for name, number in (
                ("upper", record.upper),
                ("precision", record.precision),
                ("tolerance", record.tolerance),
            )
        )
        if _failed(unit, qualifier, amount, upper, precision, tolerance):
            raise _AlreadyReported
        reported = quantity(amount, unit)
        upper_quantity = None if upper is None else quantity(upper, unit)
        try:  # a good value is built once
            return ReportedValue(reported, qualifier, upper=upper_quantity, precision=precision, tolerance=tolerance)
        except Exception:  # noqa: BLE001, S110 - told apart below
            pass
        # Built a field at a time, so that an error names the field that breaks the value.
        stages: list[tuple[str, dict[str, Any]]] = [
            ("amount", {}),
            ("precision", {"precision": precision}),
            ("upper", {"qualifier": qualifier, "upper": upper_quantity}),
            ("tolerance", {"tolerance": tolerance}),
        ]
        arguments: dict[str, Any] = {}
        value = None
        for name, extra in stages:
            arguments |= extra
            value = self._field(label, f"value.{name}", functools.partial(ReportedValue, reported, **arguments))
        assert value is not None  # noqa: S101 - the loop ran
        return value


def _field_names(record_type: type, path: tuple[str | int, ...]) -> list[str]:
    current: Any = record_type
    for step in path:
        if isinstance(step, int):
            continue
        if str(step) not in current._fields:
            return []
        current = {"value": ValueRecord, "frameworks": FrameworkRecord}.get(str(step), current)
    return list(current._fields)


# ---------------------------------------------------------------------------- dump
