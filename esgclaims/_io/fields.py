"""Reading one field of a claim file's record: figures, metric kinds, count kinds, periods that fit a metric."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, TypeVar

from esgclaims import _units
from esgclaims._errors import (
    InvalidClaimError,
    PeriodError,
    UnitError,
    did_you_mean,
    suggestion,
)
from esgclaims._model import (
    Metric,
    QuantityKind,
    Temporal,
)
from esgclaims._periods import AsOf, PartialDate, Period

if TYPE_CHECKING:
    from collections.abc import Callable

    from .records import CountKindRecord


__all__ = [
    "count_kind",
    "declare_count_kind",
    "fit_period",
    "optional_field",
    "quantity_kind",
]


_E = TypeVar("_E")
_T = TypeVar("_T")


def optional_field(build: Callable[[_T], _E], value: _T | None) -> _E | None:
    return None if value is None else build(value)


def quantity_kind(text: str) -> QuantityKind:
    """The metric kind ``text`` names; a known confusion ("hectare") suggests the right kind ("area")."""
    try:
        return QuantityKind(text)
    except ValueError:
        names = [str(member.value) for member in QuantityKind]
        hint = suggestion("kinds", text, names)
        raise InvalidClaimError(f"expected one of {', '.join(names)}, got {text!r}{hint}") from None


def declare_count_kind(record: CountKindRecord) -> str:
    """Register a kind a claim file declares; a name that is already a unit or a dimension is refused."""
    name = record.name
    if f"[{name}]" in _units.dimension_names() and name not in known_count_kinds():
        raise UnitError(
            f"{name!r} is a dimension of physical units, not a count kind; choose another name",
            text=name,
            hint="another name for the count kind",
        )
    try:
        unit = _units.parse_unit(name)
    except UnitError:
        pass  # a new name: what is wanted
    else:
        if _units.count_kind_of(unit) != name:
            raise UnitError(
                f"{name!r} is already a unit of {unit.dimensionality}, not a count kind",
                text=name,
                hint="another name for the count kind",
            )
    _units.register_count_kind(name, record.plural)
    return name


def is_bare_date(text: str) -> bool:
    """``2024-03-31``: a day, written alone."""
    return len(text) == 10 and text[4] == text[7] == "-" and text.replace("-", "").isdigit()


def fit_period(text: str, period: Period, metric: Metric) -> Period:
    """A bare date means "as of" on a cumulative or stock metric; on a flow metric it is refused."""
    text = text.strip()
    if not is_bare_date(text) or metric.temporal is Temporal.EVENT:
        return period
    if metric.temporal is Temporal.FLOW:
        raise PeriodError(
            f"a bare date {text!r} names no span, which flow metric {metric.id!r} needs; write the span the "
            f"flow covers ('2023-04-01 to {text}'), or '{text} to {text}' for that one day",
            text=text,
            hint=f"'{text} to {text}' for that one day, or the span the flow covers",
        )
    return AsOf(PartialDate.parse(text))  # cumulative or stock: the level as of that date


def known_count_kinds() -> list[str]:
    """The counted kinds a claim file may name in ``count_of``: each a unit of its own."""
    return sorted(
        kind
        for kind in _units.count_kinds()
        if (unit := _units.find_unit(kind)) is not None and _units.count_kind_of(unit) == kind
    )


def count_kind(text: str) -> str:
    try:
        unit = _units.unit_facts(text)  # from units.txt, without pint, for a kind it names
    except UnitError:
        if not re.fullmatch(r"[a-z][a-z_]*", text):
            raise
        hint = did_you_mean(text, known_count_kinds())
        raise UnitError(
            f"unknown count kind {text!r}{hint}; declare a new one in a [[count_kinds]] table: name = {text!r}",
            text=text,
            hint=hint.removeprefix("; ") or f"a [[count_kinds]] table with name = {text!r}",
        ) from None
    kind = unit.count_kind
    if kind is None:
        raise UnitError(
            f"expected a count kind such as 'household', got {text!r}",
            text=text,
            hint="a count kind such as 'household'",
        )
    if kind != text:
        raise UnitError(f"expected {kind!r}, the name of the count kind, got {text!r}", text=text, hint=kind)
    return kind


#: The members of each enum a claim record names, by value.
