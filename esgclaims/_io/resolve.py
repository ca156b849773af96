"""Resolving a claim file's records into the model: the machinery every table's builder shares.

Records are typed by :func:`esgclaims._io.records.structure`; a
:class:`Resolver` then turns them into model objects (ids to objects, unit names
to units), keeping every error in an :class:`~esgclaims._io.collect.ErrorCollector`.
The builders of each table are in :mod:`esgclaims._io.build`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

import attrs

from esgclaims._errors import (
    EsgClaimsError,
    FieldTypeError,
    MissingFieldError,
    RecordError,
    UnknownFieldError,
    UnknownReferenceError,
    did_you_mean,
)

from .collect import ErrorCollector, unknown
from .records import (
    ClaimRecord,
    FieldProblem,
    FrameworkRecord,
    MetricRecord,
    OrganizationRecord,
    ProgramRecord,
    SourceRecord,
    StructureError,
    ValueRecord,
    describe,
    problems,
    structure,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from esgclaims._model import Metric, Organization, Program, Source

__all__ = ["FAILED", "SINGULAR", "TABLES", "AlreadyReported", "HasId", "Resolver", "failed"]

#: The tables of a claim file, in the order they are resolved, and the record type of each.
TABLES: dict[str, type] = {
    "sources": SourceRecord,
    "organizations": OrganizationRecord,
    "programs": ProgramRecord,
    "metrics": MetricRecord,
    "claims": ClaimRecord,
}
#: What one record of each table is called in a message.
SINGULAR = {
    "sources": "source",
    "organizations": "organization",
    "programs": "program",
    "metrics": "metric",
    "claims": "claim",
}
_E = TypeVar("_E")
_A = TypeVar("_A", bound=attrs.AttrsInstance)


class HasId(Protocol):
    """A record or model object with an id."""

    @property
    def id(self) -> str: ...


_I = TypeVar("_I", bound=HasId)
_R = TypeVar("_R", bound=HasId)


def _path_text(path: tuple[str | int, ...]) -> str:
    """``("frameworks", 1, "code")`` as ``frameworks[1].code``."""
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else f".{step}" if text else step
    return text


def _validate(attribute: attrs.Attribute[Any], value: object) -> None:
    """Run one field's validator before the object is built (the model's validators look at the value alone)."""
    if attribute.validator is not None:
        attribute.validator(None, attribute, value)


class AlreadyReported(Exception):  # noqa: N818 - a signal, not an error
    """A record or field that failed: its error is already in the list."""


class _Failed:
    """Stands in for a field whose error is already in the list."""

    def __repr__(self) -> str:
        return "<failed>"


FAILED = _Failed()


def failed(*values: object) -> bool:
    """Whether any of ``values`` stands for a field whose error is already in the list."""
    return any(value is FAILED for value in values)


class Resolver:
    """What every builder of a claim file's objects shares: typing records, references, collecting errors.

    :class:`~esgclaims._io.build.ClaimFileResolver` adds one builder per table.
    Each builder either returns its object or raises: a :class:`RecordError`
    not yet in the list, or :class:`AlreadyReported` once its errors are in it.
    A record that fails is remembered, so that references to it do not report
    it a second time.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.errors = ErrorCollector(name)
        self.failed: dict[str, set[str]] = {table: set() for table in TABLES}
        self.places: dict[str, tuple[int, int]] = {}  # a record's label -> (its table, its index), to sort errors
        self.sources: dict[str, Source] = {}
        self.organizations: dict[str, Organization] = {}
        self.programs: dict[str, Program] = {}
        self.metrics: dict[str, Metric] = {}

    # -- typing the raw records

    def _structure(self, table: str, record_type: type, raw_records: object) -> list[tuple[str, Any]]:
        if not isinstance(raw_records, list):
            self.errors.error(
                FieldTypeError, f"expected a list of tables, got {describe(raw_records)}", "top level", table
            )
            return []
        structured: list[tuple[str, Any]] = []
        first: dict[str, int] = {}
        rank, singular, places = list(TABLES).index(table), SINGULAR[table], self.places
        for index, raw in enumerate(raw_records):
            raw_id = raw.get("id") if isinstance(raw, dict) else None
            if isinstance(raw_id, str):
                if raw_id in first:
                    label = f"{table}[{index}]"  # the id alone would not say which of the two
                    places[label] = (rank, index)
                    self.errors.error(
                        RecordError, f"duplicate id {raw_id!r}; {table}[{first[raw_id]}] has it already", label, "id"
                    )
                    continue
                first[raw_id] = index
            # a record is named by its id where it has one, else by its place
            label = f"{singular} {raw_id!r}" if isinstance(raw_id, str) and raw_id else f"{table}[{index}]"
            places[label] = (rank, index)
            try:
                record: HasId = structure(raw, record_type)
            except (FieldProblem, StructureError) as error:
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
                self.errors.error(MissingFieldError, "missing field", label, field)
            elif problem == "unknown field":
                known = _field_names(record_type, path[:-1])
                self.errors.error(UnknownFieldError, unknown("field", str(path[-1]), known), label, field)
            else:
                self.errors.error(FieldTypeError, problem, label, field)

    # -- the helpers every builder uses

    def _guard(self, table: str, build: Callable[[_R, str], _E], record: _R, label: str) -> _E | None:
        """``build(record, label)``, or ``None`` once its errors are in the list."""
        try:
            return build(record, label)
        except AlreadyReported:
            pass
        except RecordError as error:
            self.errors.add(error)
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
        """``build(*args)``, or ``FAILED`` once its error (named for ``field``) is in the list.

        Callers check results with :func:`_failed` before they use them. (What :meth:`_field`
        does, written out: this runs for every field of every record.)
        """
        try:
            return build(*args)
        except AlreadyReported:
            pass
        except RecordError as error:
            self.errors.add(error)
        except (EsgClaimsError, FieldProblem) as error:
            self.errors.add(RecordError(self._problem(error, label), file=self.name, record=label, field=field))
        return cast("_E", FAILED)

    def _make(self, label: str, cls: type[_A], field: str, values: dict[str, Any], prefix: str = "") -> _A:
        """``cls(**values)``; when that fails, each field's validator is run alone, so that its error names that field.

        ``field`` names the record's field for an error only the whole object shows.
        """
        ok = not failed(*values.values())
        if ok:
            try:
                return cls(**values)  # a good record: every validator runs once, in __init__
            except Exception:  # noqa: BLE001, S110 - told apart below, field by field
                pass
        for attribute in attrs.fields(cls):
            value = values.get(attribute.name, FAILED)
            if value is not FAILED:
                ok = self._attempt(label, prefix + attribute.name, _validate, attribute, value) is not FAILED and ok
        if not ok:
            raise AlreadyReported
        return self._field(label, field, lambda: cls(**values))

    def _reference(self, table: str, known: dict[str, _E], ref: str, label: str, field: str) -> _E:
        if ref in known:
            return known[ref]
        if ref in self.failed[table]:
            raise AlreadyReported
        raise UnknownReferenceError(
            f"no {SINGULAR[table]} with id {ref!r}{did_you_mean(ref, known)}",
            file=self.name,
            record=label,
            field=field,
        )

    # -- one builder per table


def _field_names(record_type: type, path: tuple[str | int, ...]) -> list[str]:
    current: Any = record_type
    for step in path:
        if isinstance(step, int):
            continue
        if str(step) not in current._fields:
            return []
        current = {"value": ValueRecord, "frameworks": FrameworkRecord}.get(str(step), current)
    return list(current._fields)
