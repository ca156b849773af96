"""A figure held with its unit's facts, and made a pint quantity when first read.

No pint is imported here: :func:`quantity_of` imports it, the first time a held
figure is read as a quantity.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from esgclaims import _units  # the package: its pint modules are imported at first use

if TYPE_CHECKING:
    from decimal import Decimal

    from .facts import UnitFacts
    from .registry import Quantity, Unit

__all__ = ["Figure", "amount_of", "as_quantity", "held_facts", "quantity_of"]


class Figure:
    """A reported figure and the facts of its unit: what a loaded value holds until it is first read as a quantity.

    A loader builds a value for every claim, and most are never read as quantities: a
    value keeps its checked figure and its unit's facts (:mod:`esgclaims._units.facts`),
    and :class:`~esgclaims.ReportedValue` makes them a pint quantity when ``reported``
    or ``upper`` is first read, so that loading claims imports no pint. (Not a tuple:
    ``attrs.asdict`` of a value leaves it whole.)
    """

    __slots__ = ("amount", "unit")

    def __init__(self, amount: Decimal, unit: UnitFacts) -> None:
        self.amount = amount
        self.unit = unit

    def __repr__(self) -> str:
        return f"Figure({self.amount!r}, {self.unit.name!r})"


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
