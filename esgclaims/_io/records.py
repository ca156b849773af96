"""The raw shapes of a claim file's records, and the one cattrs converter that reads them.

Records hold what the file says, typed but not yet resolved: ids are still
strings, units still names. :mod:`esgclaims._io.load` turns them into the model.
"""

# No ``from __future__ import annotations`` here: cattrs reads these classes' field
# types, and real types spare it evaluating dozens of strings at import (coldstart).
import datetime as dt
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import NamedTuple

import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)

from esgclaims._digits import digits_problem

__all__ = [
    "ClaimRecord",
    "CountKindRecord",
    "FieldProblem",
    "FrameworkRecord",
    "MetricRecord",
    "OrganizationRecord",
    "ProgramRecord",
    "SourceRecord",
    "ValueRecord",
    "converter",
    "describe",
    "problems",
]


# Transient shapes, built only by the converter: named tuples, which cost a third of an attrs
# class to create at import (benchmarks/coldstart.py), are enough. The model is attrs throughout.
class CountKindRecord(NamedTuple):
    """A ``[[count_kinds]]`` record: a counted kind the file's claims use, which the registry lacks."""

    name: str
    plural: str | None = None


class SourceRecord(NamedTuple):
    """A ``[[sources]]`` record."""

    id: str
    title: str
    publisher: str
    author: str | None = None
    url: str | None = None
    published: str | None = None
    sha256: str | None = None


class OrganizationRecord(NamedTuple):
    """An ``[[organizations]]`` record."""

    id: str
    name: str
    kind: str = "company"
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    description: str = ""


class ProgramRecord(NamedTuple):
    """A ``[[programs]]`` record."""

    id: str
    name: str
    owner: str
    description: str = ""


class FrameworkRecord(NamedTuple):
    """One entry of a metric's ``frameworks``."""

    framework: str
    code: str
    match: str = "close"


class MetricRecord(NamedTuple):
    """A ``[[metrics]]`` record."""

    id: str
    name: str
    kind: str
    temporal: str
    count_of: str | None = None
    description: str = ""
    frameworks: tuple[FrameworkRecord, ...] = ()


class ValueRecord(NamedTuple):
    """A claim's ``value`` table."""

    amount: Decimal
    unit: str
    qualifier: str = "exact"
    precision: Decimal | None = None
    upper: Decimal | None = None
    tolerance: Decimal | None = None


class ClaimRecord(NamedTuple):
    """A ``[[claims]]`` record."""

    id: str
    subject: str
    metric: str
    period: str
    source: str
    quote: str
    span: tuple[int, int] | None = None
    locator: str | None = None
    program: str | None = None
    value: ValueRecord | None = None
    attribution: str = "report"
    modality: str = "achievement"
    note: str = ""
    restates: str | None = None


class FieldProblem(TypeError):  # noqa: N818 - internal, never leaves the loader
    """Raised by the converter's hooks: what was expected and what arrived."""

    def __init__(self, expected: str, got: object) -> None:
        self.expected = expected
        self.got = got
        super().__init__(f"expected {expected}, got {describe(got)}")


def describe(value: object) -> str:
    """A raw value of a parsed file as a message names it: ``a list of 2 items``, ``the number 5``.

    Examples:
        >>> describe(True), describe(["CNY"]), describe(Decimal("19.77")), describe(None)
        ('the boolean true', 'a list of 1 item', 'the number 19.77', 'null')
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list | tuple):
        return "an empty list" if not value else f"a list of {len(value)} item{'s' if len(value) > 1 else ''}"
    if isinstance(value, int | float | Decimal):
        return f"the number {value}"
    if isinstance(value, dt.date | dt.time):  # a TOML date, time or date-time, written without quotes
        return f"the date {value.isoformat()} without quotes"
    return repr(value)


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise FieldProblem("a string", value)
    return value


def _structure_int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldProblem("a whole number", value)
    return value


def _structure_decimal(value: object, _: type) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | Decimal | str):
        raise FieldProblem("a number (or a string holding one)", value)
    problem = digits_problem(value) if isinstance(value, str) else None  # the one grammar of digits
    if problem is not None:
        raise FieldProblem(problem.expected, value)
    try:
        number = Decimal(value.strip().replace(",", "")) if isinstance(value, str) else Decimal(value)
    except ArithmeticError:
        raise FieldProblem("a number (or a string holding one)", value) from None
    if not number.is_finite():
        raise FieldProblem("a finite number", value)
    return number


def _make_converter() -> cattrs.BaseConverter:
    # cattrs' BaseConverter: the hooks of the record tables are the ones below, so nothing of
    # the code-generating Converter is used, and the base costs a fraction of it to build.
    result = cattrs.BaseConverter(detailed_validation=True)
    result.register_structure_hook(str, _structure_str)
    result.register_structure_hook(int, _structure_int)
    result.register_structure_hook(Decimal, _structure_decimal)

    # Lists go through cattrs' own list hook, so that an error names the item: ``frameworks[1].code``.
    def span(value: object, _: type) -> tuple[int, int]:
        if not isinstance(value, list | tuple) or len(value) != 2:
            raise FieldProblem("two character offsets [start, end]", value)
        start, end = result.structure(value, list[int])
        return (start, end)

    def strings(value: object, _: type) -> tuple[str, ...]:
        if not isinstance(value, list | tuple):
            raise FieldProblem("a list of strings", value)
        return tuple(result.structure(value, list[str]))

    def frameworks(value: object, _: type) -> tuple[FrameworkRecord, ...]:
        if not isinstance(value, list | tuple):
            raise FieldProblem("a list of tables", value)
        return tuple(result.structure(value, list[FrameworkRecord]))

    result.register_structure_hook_func(lambda t: t == tuple[int, int], span)
    result.register_structure_hook_func(lambda t: t == tuple[str, ...], strings)
    result.register_structure_hook_func(lambda t: t == tuple[FrameworkRecord, ...], frameworks)
    for record_type in (
        CountKindRecord,
        SourceRecord,
        OrganizationRecord,
        ProgramRecord,
        FrameworkRecord,
        MetricRecord,
        ValueRecord,
        ClaimRecord,
    ):
        result.register_structure_hook(record_type, _strict_table(result, record_type))
    return result


def _strict_table(conv: cattrs.BaseConverter, record_type: type[NamedTuple]) -> Callable[[object, type], object]:
    """The hook for one record type: every field through the converter, every error collected.

    It does what cattrs' generated hook (``make_dict_structure_fn`` with detailed validation
    and forbidden extra keys) does, and raises the same errors with the same notes, so that
    :func:`problems` reads both alike; but it is built without generating and compiling code
    for each record type, which cost more at import than structuring a whole claim file
    (benchmarks/coldstart.py).
    """
    name = record_type.__name__
    fields = [
        (field, conv.get_structure_hook(field_type), field_type, field not in record_type._field_defaults)
        for field, field_type in record_type.__annotations__.items()
    ]
    known = frozenset(record_type.__annotations__)
    build: Callable[..., object] = record_type

    def structure(value: object, cls: type) -> object:
        if not isinstance(value, dict):
            raise FieldProblem("a table", value)
        arguments: dict[str, object] = {}
        errors: list[Exception] = []
        for field, hook, field_type, required in fields:
            try:
                if field in value:
                    arguments[field] = hook(value[field], field_type)
                elif required:
                    raise KeyError(field)  # as cattrs' generated code raises it, from ``value[field]``
            except Exception as error:  # noqa: BLE001 - every field's error is collected
                note = AttributeValidationNote(f"Structuring class {name} @ attribute {field}", field, field_type)
                error.__notes__ = [*getattr(error, "__notes__", []), note]
                errors.append(error)
        extra = value.keys() - known
        if extra:
            errors.append(ForbiddenExtraKeysError("", record_type, extra))
        if errors:
            raise ClassValidationError(f"While structuring {name}", errors, record_type)
        try:
            return build(**arguments)
        except Exception as error:  # cattrs reports a failing __init__ the same way
            raise ClassValidationError(f"While structuring {name}", [error], record_type) from error

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
