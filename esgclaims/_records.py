"""The raw shapes of a claim file's records, and the one cattrs converter that reads them.

Records hold what the file says, typed but not yet resolved: ids are still
strings, units still names. :mod:`esgclaims._files` turns them into the model.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import attrs
import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError
from cattrs.gen import make_dict_structure_fn

__all__ = [
    "ClaimRecord",
    "FieldProblem",
    "FrameworkRecord",
    "MetricRecord",
    "OrganizationRecord",
    "ProgramRecord",
    "SourceRecord",
    "ValueRecord",
    "converter",
    "problems",
]


@attrs.frozen(kw_only=True)
class SourceRecord:
    """A ``[[sources]]`` record."""

    id: str
    title: str
    publisher: str
    author: str | None = None
    url: str | None = None
    published: str | None = None
    sha256: str | None = None


@attrs.frozen(kw_only=True)
class OrganizationRecord:
    """An ``[[organizations]]`` record."""

    id: str
    name: str
    kind: str = "company"
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    description: str = ""


@attrs.frozen(kw_only=True)
class ProgramRecord:
    """A ``[[programs]]`` record."""

    id: str
    name: str
    owner: str
    description: str = ""


@attrs.frozen(kw_only=True)
class FrameworkRecord:
    """One entry of a metric's ``frameworks``."""

    framework: str
    code: str
    match: str = "close"


@attrs.frozen(kw_only=True)
class MetricRecord:
    """A ``[[metrics]]`` record."""

    id: str
    name: str
    kind: str
    temporal: str
    count_of: str | None = None
    description: str = ""
    frameworks: tuple[FrameworkRecord, ...] = ()


@attrs.frozen(kw_only=True)
class ValueRecord:
    """A claim's ``value`` table."""

    amount: Decimal
    unit: str
    qualifier: str = "exact"
    precision: Decimal | None = None
    upper: Decimal | None = None
    tolerance: Decimal | None = None


@attrs.frozen(kw_only=True)
class ClaimRecord:
    """A ``[[claims]]`` record."""

    id: str
    subject: str
    metric: str
    period: str
    source: str
    quote: str
    span: tuple[int, int]
    program: str | None = None
    value: ValueRecord | None = None
    attribution: str = "report"
    modality: str = "achievement"
    note: str = ""


class FieldProblem(TypeError):
    """Raised by the converter's hooks: what was expected and what arrived."""

    def __init__(self, expected: str, got: object) -> None:
        self.expected = expected
        self.got = got
        super().__init__(f"expected {expected}, got {_describe(got)}")


def _describe(value: object) -> str:
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, Decimal):
        return f"the number {value}"
    if isinstance(value, int):
        return f"the number {value}"
    return repr(value)


def _structure_str(value: Any, _: type) -> str:
    if not isinstance(value, str):
        raise FieldProblem("a string", value)
    return value


def _structure_int(value: Any, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldProblem("a whole number", value)
    return value


def _structure_decimal(value: Any, _: type) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | Decimal | str):
        raise FieldProblem("a number (or a string holding one)", value)
    try:
        number = Decimal(value.strip().replace(",", "")) if isinstance(value, str) else Decimal(value)
    except ArithmeticError:
        raise FieldProblem("a number (or a string holding one)", value) from None
    if not number.is_finite():
        raise FieldProblem("a finite number", value)
    return number


def _structure_span(value: Any, _: type) -> tuple[int, int]:
    if not isinstance(value, list | tuple) or len(value) != 2:
        raise FieldProblem("two character offsets [start, end]", value)
    return (_structure_int(value[0], int), _structure_int(value[1], int))


def _structure_strings(value: Any, _: type) -> tuple[str, ...]:
    if not isinstance(value, list | tuple):
        raise FieldProblem("a list of strings", value)
    return tuple(_structure_str(v, str) for v in value)


def _make_converter() -> cattrs.Converter:
    result = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    result.register_structure_hook(str, _structure_str)
    result.register_structure_hook(int, _structure_int)
    result.register_structure_hook(Decimal, _structure_decimal)
    result.register_structure_hook_func(lambda t: t == tuple[int, int], _structure_span)
    result.register_structure_hook_func(lambda t: t == tuple[str, ...], _structure_strings)

    def frameworks(value: Any, _: type) -> tuple[FrameworkRecord, ...]:
        if not isinstance(value, list | tuple):
            raise FieldProblem("a list of tables", value)
        return tuple(result.structure(v, FrameworkRecord) for v in value)

    result.register_structure_hook_func(lambda t: t == tuple[FrameworkRecord, ...], frameworks)
    for record_type in (SourceRecord, OrganizationRecord, ProgramRecord, FrameworkRecord, MetricRecord, ValueRecord,
                        ClaimRecord):
        result.register_structure_hook(record_type, _strict_table(result, record_type))
    return result


def _strict_table(conv: cattrs.Converter, record_type: type) -> Any:
    generated = make_dict_structure_fn(record_type, conv, _cattrs_forbid_extra_keys=True)

    def structure(value: Any, cls: type) -> Any:
        if not isinstance(value, dict):
            raise FieldProblem("a table", value)
        return generated(value, cls)

    return structure


#: The one converter that structures every record of every claim file.
converter = _make_converter()


def problems(error: BaseException, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Flatten a cattrs validation error into ``(field path, problem)`` pairs."""
    if isinstance(error, ForbiddenExtraKeysError):
        for key in sorted(error.extra_fields):
            yield (*path, key), "unknown field"
        return
    if isinstance(error, ClassValidationError | IterableValidationError):
        with_notes, without = error.group_exceptions()
        for inner, note in with_notes:
            step = getattr(note, "name", getattr(note, "index", None))
            yield from problems(inner, (*path, step) if step is not None else path)
        for inner in without:
            yield from problems(inner, path)
        return
    if isinstance(error, KeyError):
        yield path, "missing field"
        return
    yield path, str(error)
