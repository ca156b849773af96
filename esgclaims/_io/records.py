"""The raw shapes of a claim file's records, and the one reader that types them.

Records hold what the file says, typed but not yet resolved: ids are still
strings, units still names. :mod:`esgclaims._io.load` turns them into the model.
:func:`structure` reads a parsed table into its record, reporting every problem of
the table at once, each with its field path (``frameworks[1].code``).
"""

# No ``from __future__ import annotations`` here: the reader reads these classes' field types.
import datetime as dt
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import NamedTuple, TypeVar

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
    "StructureError",
    "ValueRecord",
    "describe",
    "problems",
    "structure",
]


# Transient shapes, built only by :func:`structure`: named tuples, which cost a third of an attrs
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
    """Raised by a field's reader: what was expected and what arrived."""

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


def _structure_str(value: object) -> str:
    if not isinstance(value, str):
        raise FieldProblem("a string", value)
    return value


def _structure_int(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldProblem("a whole number", value)
    return value


def _structure_decimal(value: object) -> Decimal:
    # Plain ASCII digits with at most one point, as most files write figures: what the grammar reads as written.
    if type(value) is str and value.isascii() and value.replace(".", "", 1).isdigit():
        return Decimal(value)
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


class StructureError(Exception):
    """Every problem of one record (or list), each as a field path and what is wrong there."""

    def __init__(self, found: list[tuple[tuple[str | int, ...], str]]) -> None:
        self.found = found
        super().__init__("; ".join(f"{path}: {problem}" for path, problem in found))


#: Reads one field's raw value into its type, or raises :class:`FieldProblem` or :class:`StructureError`.
_Reader = Callable[[object], object]


def _optional(read: _Reader) -> _Reader:
    def optional(value: object) -> object:
        return None if value is None else read(value)

    return optional


def _items(value: object, read: _Reader, expected: str) -> list[object]:
    """Each item of a list read by ``read``; every bad item is reported with its index."""
    if not isinstance(value, list | tuple):
        raise FieldProblem(expected, value)
    items: list[object] = []
    found: list[tuple[tuple[str | int, ...], str]] = []
    for index, item in enumerate(value):
        try:
            items.append(read(item))
        except FieldProblem as error:
            found.append(((index,), str(error)))
        except StructureError as error:
            found.extend(((index, *path), problem) for path, problem in error.found)
    if found:
        raise StructureError(found)
    return items


def _span(value: object) -> tuple[int, int]:
    if type(value) is list and len(value) == 2 and type(value[0]) is int and type(value[1]) is int:
        return (value[0], value[1])  # two whole numbers, as most spans are: what _items reads
    if not isinstance(value, list | tuple) or len(value) != 2:
        raise FieldProblem("two character offsets [start, end]", value)
    start, end = _items(value, _structure_int, "")
    return (start, end)  # type: ignore[return-value]  # read as whole numbers just above


def _strings(value: object) -> tuple[str, ...]:
    return tuple(_items(value, _structure_str, "a list of strings"))  # type: ignore[arg-type]


def _frameworks(value: object) -> tuple[FrameworkRecord, ...]:
    return tuple(_items(value, _table_reader(FrameworkRecord), "a list of tables"))  # type: ignore[arg-type]


def _table_reader(record_type: type[NamedTuple]) -> _Reader:
    return lambda value: structure(value, record_type)


def _reader(field_type: object) -> _Reader:
    """The reader of a field annotated ``field_type``."""
    if field_type is str:
        return _structure_str
    if field_type is Decimal:
        return _structure_decimal
    if field_type == tuple[int, int]:
        return _span
    if field_type == tuple[str, ...]:
        return _strings
    if field_type == tuple[FrameworkRecord, ...]:
        return _frameworks
    if field_type is ValueRecord:
        return _table_reader(ValueRecord)
    arguments: tuple[object, ...] = getattr(field_type, "__args__", ())
    if len(arguments) == 2 and arguments[1] is type(None):  # X | None
        if arguments[0] is ValueRecord:  # one call for every claim's value, not two
            return lambda value: None if value is None else structure(value, ValueRecord)
        return _optional(_reader(arguments[0]))
    raise TypeError(f"no reader for {field_type!r}")  # not expected: every record field has one


#: Stands for a required field in a record's plan (its default), and for a field a table lacks.
_REQUIRED, _ABSENT = object(), object()


class _Shape(NamedTuple):
    """How a record type is read: its fields in order, as name, reader, required; and as the quick reading's plan."""

    fields: tuple[tuple[str, _Reader, bool], ...]
    plan: tuple[tuple[str, _Reader, object, bool], ...]  # name, reader, default (or _REQUIRED), read as text


#: Each record type's shape, worked out on first use.
_SHAPES: dict[type, _Shape] = {}


def _shape(record_type: type[NamedTuple]) -> _Shape:
    shape = _SHAPES.get(record_type)
    if shape is None:
        annotations = record_type.__annotations__
        defaults = record_type._field_defaults
        fields = tuple((field, _reader(kind), field not in defaults) for field, kind in annotations.items())
        plan = tuple(
            # a string is read into a text field (str or str | None) as it is, with no reader called
            (field, read, defaults.get(field, _REQUIRED), annotations[field] in (str, str | None))
            for field, read, _ in fields
        )
        shape = _SHAPES[record_type] = _Shape(fields, plan)
    return shape


_R = TypeVar("_R", bound=tuple[object, ...])


def structure(value: object, record_type: type[_R]) -> _R:
    """Read one raw table of a parsed file into ``record_type``, its fields typed.

    Every problem of the table is reported at once, in the order of the record's
    fields, then each unknown field (sorted), as a :class:`StructureError`; a value
    that is not a table at all is a :class:`FieldProblem`. Nothing is converted
    silently: a number is never taken for a string, nor a boolean for a number.

    Examples:
        >>> structure({"name": "school"}, CountKindRecord)
        CountKindRecord(name='school', plural=None)
        >>> try:
        ...     structure({"name": 5, "plurl": "x"}, CountKindRecord)
        ... except StructureError as error:
        ...     error.found
        [(('name',), 'expected a string, got the number 5'), (('plurl',), 'unknown field')]
    """
    if not isinstance(value, dict):
        raise FieldProblem("a table", value)
    shape = _shape(record_type)  # type: ignore[arg-type]
    # A good table, as most are, is read field by field in order, into the record's tuple; any problem
    # sends it to the reading below, which words every one.
    get = value.get
    values: list[object] = []
    found = 0
    for field, read, default, text in shape.plan:
        raw = get(field, _ABSENT)
        if raw is _ABSENT:
            if default is _REQUIRED:
                break
            values.append(default)
            continue
        found += 1
        if text and type(raw) is str:
            values.append(raw)
            continue
        try:
            values.append(read(raw))
        except (FieldProblem, StructureError):
            break
    else:
        if found == len(value):  # no key the record lacks
            return tuple.__new__(record_type, values)  # what record_type._make does
    return _structure_with_problems(value, record_type, shape.fields)


def _structure_with_problems(
    value: dict[str, object], record_type: type[_R], fields: tuple[tuple[str, _Reader, bool], ...]
) -> _R:
    """What :func:`structure` reads, field by field in the record's order, raising every problem found."""
    arguments: dict[str, object] = {}
    found: list[tuple[tuple[str | int, ...], str]] = []
    for field, read, required in fields:
        if field in value:
            try:
                arguments[field] = read(value[field])
            except FieldProblem as error:
                found.append(((field,), str(error)))
            except StructureError as error:
                found.extend(((field, *path), problem) for path, problem in error.found)
        elif required:
            found.append(((field,), "missing field"))
    if len(value) > len(arguments) or found:
        known = record_type.__annotations__
        found.extend(((key,), "unknown field") for key in sorted(key for key in value if key not in known))
        if found:
            raise StructureError(found)
    return record_type(**arguments)


def problems(error: BaseException) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """The ``(field path, problem)`` pairs of an error :func:`structure` raised."""
    if isinstance(error, StructureError):
        yield from error.found
    else:
        yield (), str(error)
