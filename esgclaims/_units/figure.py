"""A figure held with its unit's facts, and made a pint quantity when first read.

No pint is imported here: :func:`quantity_of` imports it, the first time a held
figure is read as a quantity.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from esgclaims import _units  # the package: its pint modules are imported at first use

if TYPE_CHECKING:
    from decimal import Decimal
    from types import MemberDescriptorType

    from .facts import UnitFacts
    from .registry import Quantity, Unit

__all__ = ["Figure", "Held", "amount_of", "as_quantity", "held_facts", "quantity_of"]


class Figure(NamedTuple):
    """A reported figure and the facts of its unit: what a loaded value holds until it is first read as a quantity.

    A loader builds a value for every claim, and most are never read as quantities: a
    value keeps its checked figure and its unit's facts (:mod:`esgclaims._units.facts`),
    and :class:`ReportedValue` makes them a pint quantity when ``reported`` or
    ``upper`` is first read, so that loading claims imports no pint.
    """

    amount: Decimal
    unit: UnitFacts


#: The unit of each name a figure was read in, looked up once: a file uses few.
_UNITS: dict[str, Unit] = {}


def quantity_of(figure: Figure) -> Quantity:
    """The quantity a :class:`Figure` stands for, its magnitude the figure itself (the same object)."""
    unit = _UNITS.get(figure.unit.name)
    if unit is None:
        unit = _UNITS[figure.unit.name] = _units.parse_unit(figure.unit.name)  # pint, at the first figure read
    return _units.decimal_quantity(figure.amount, unit)


def as_quantity(held: Figure | Quantity) -> Quantity:
    """A field's raw content, a Figure or a quantity, as a quantity."""
    return quantity_of(held) if isinstance(held, Figure) else held


def amount_of(held: Figure | Quantity) -> Decimal:
    """The figure of a field's raw content, a Figure or a quantity, without making a quantity of it."""
    return held.amount if isinstance(held, Figure) else held.magnitude


def held_facts(held: Figure | Quantity) -> UnitFacts:
    """The facts of the unit of a field's raw content, a Figure or a quantity."""
    if isinstance(held, Figure):
        return held.unit
    return _units.facts_of(_units.unit_of(held))


class Held:
    """A field of :class:`~esgclaims.ReportedValue` that may hold a :class:`Figure`, made a quantity when first read.

    It stands in for the slot attrs made for the field, and reads and writes through it;
    attrs' ``__init__``, ``__eq__``, ``__hash__``, pickling and ``evolve`` all read the
    field by name, so each sees the quantity, as before.
    """

    def __init__(self, slot: MemberDescriptorType, doc: str) -> None:
        self._slot = slot
        self.__doc__ = doc  # what the docs show for the field

    def __get__(self, value: object, owner: type | None = None) -> Any:  # noqa: ANN401 - the field's type
        if value is None:
            return self
        held = self._slot.__get__(value, owner)
        if type(held) is Figure:
            held = quantity_of(held)
            self._slot.__set__(value, held)
        return held

    def __set__(self, value: object, held: object) -> None:
        self._slot.__set__(value, held)
