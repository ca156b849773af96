"""The curated pint registry itself: built once from ``data/units.txt``, with its own reprs.

Every use of pint's private attributes is in this package; here are the ones that read
a unit's factors, a registry's dimensions and a name's aliases.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, TypeAlias

import pint
from pint.facets.plain import DimensionDefinition, PlainQuantity, PlainUnit, ScaleConverter, UnitDefinition
from pint.util import UnitsContainer

from .facts import definitions, is_unit_name, reference

__all__ = [
    "DIMENSIONLESS",
    "PERCENT",
    "SCALE_UNITS",
    "Quantity",
    "Unit",
    "aliases_of",
    "converted",
    "currency_of",
    "decimal_quantity",
    "define_unit",
    "dimensions_of",
    "is_share",
    "is_unit_name",
    "quantity_like",
    "shared_unit",
    "unit_name",
    "unit_of",
    "unit_powers",
    "ureg",
    "without",
    "without_scales",
]

# For annotations, the types pint's own annotations use (``Quantity.to()`` returns a
# PlainQuantity, ``Quantity.units`` a PlainUnit); isinstance checks use pint.Quantity and pint.Unit.
#: A pint quantity; those of :func:`quantity` hold an exact Decimal.
Quantity: TypeAlias = PlainQuantity[Any]
#: A pint unit.
Unit: TypeAlias = PlainUnit


def _build_registry() -> pint.UnitRegistry[Decimal]:
    """Build the registry from ``units.txt``.

    Its lines (:func:`~esgclaims._units.facts.definitions`) are read into pint's
    definition objects directly: pint's general text parser costs about ten times
    as long, and import time matters (benchmarks/coldstart.py).
    """
    registry: pint.UnitRegistry[Decimal] = pint.UnitRegistry(
        None,
        non_int_type=Decimal,
        cache_folder=None,
        autoconvert_offset_to_baseunit=False,
        on_redefinition="raise",
    )
    for definition in definitions():
        define_unit(registry, *definition)
    return registry


def define_unit(
    registry: pint.UnitRegistry[Decimal], name: str, expression: str, symbol: str | None, aliases: tuple[str, ...]
) -> None:
    # pint annotates define() as taking a string only, and a scale as a float; its registry
    # dispatches any definition object, and a registry of Decimals takes Decimal scales.
    if expression.startswith("["):
        registry.define(DimensionDefinition(expression))  # type: ignore[arg-type]
        scale, units = Decimal(1), {expression: 1}
    else:
        scale, units = reference(expression)
    converter = ScaleConverter(scale)  # type: ignore[arg-type]
    registry.define(UnitDefinition(name, symbol, aliases, converter, UnitsContainer(units)))  # type: ignore[arg-type]


#: The esgclaims unit registry. Quantities from other registries do not mix with it.
ureg: pint.UnitRegistry[Decimal] = _build_registry()


# pint 0.26 changed the reprs to ``Quantity(Decimal('1'), "CNY")`` and ``Unit("CNY")``; the
# registry's own classes keep pint 0.25's, which the documented examples show, on either pint.
def _quantity_repr(self: Quantity) -> str:
    magnitude = self._magnitude
    shown = f"{magnitude:.9}" if isinstance(magnitude, float) else f"{magnitude}"
    return f"<Quantity({shown}, '{self._units}')>"


def _unit_repr(self: Unit) -> str:
    return f"<Unit('{self._units}')>"


ureg.Quantity.__repr__ = _quantity_repr  # type: ignore[method-assign]
ureg.Unit.__repr__ = _unit_repr  # type: ignore[method-assign]


#: The unit of a pure number, and percent, built without pint's expression parser
#: (``DIMENSIONLESS`` runs it on every access).
DIMENSIONLESS: Unit = ureg.Unit(UnitsContainer({}, non_int_type=Decimal))
PERCENT: Unit = ureg.Unit(UnitsContainer({"percent": Decimal(1)}, non_int_type=Decimal))


def dimensions_of(unit: Unit) -> dict[str, Any]:
    # pint's container is a Mapping: dict() of it would look each key up again through __getitem__
    return dict(unit.dimensionality.unit_items())


def currency_of(unit: Unit) -> str | None:
    """The ISO 4217 code when ``unit`` is a plain currency, else ``None``."""
    dims = dimensions_of(unit)
    if len(dims) == 1:
        ((dim, power),) = dims.items()
        if power == 1 and dim.startswith("[currency_"):
            return str(dim[len("[currency_") : -1])
    return None


def is_share(unit: Unit) -> bool:
    """True for a dimensionless unit such as percent; ``ratio_percent``, a level that may pass 100 %, is not one."""
    return not dimensions_of(unit) and "ratio_percent" not in unit_powers(unit)


#: Dimensionless scale units (units.txt): a figure stated "in millions of RMB" is in ``million * CNY``.
SCALE_UNITS = ("thousand", "million", "billion")


def without_scales(unit: Unit) -> Unit:
    """The unit with its scale words taken out: ``million * CNY`` is ``CNY``."""
    return without(unit, [name for name in unit_powers(unit) if name in SCALE_UNITS])


# Every use of pint's private attributes is one of the named functions below (or above, in this
# module): pint has no public listing of a unit's factors, a registry's dimensions or a name's aliases.


def unit_powers(unit: Unit) -> dict[str, Any]:
    """Each factor of a unit and its exponent: ``CNY / year`` gives ``{'CNY': 1, 'year': -1}``."""
    # pint types an exponent as any scalar, complex included; a unit's are real.
    return dict(unit._units.unit_items())  # noqa: SLF001 - pint has no public listing of a unit's factors


def without(unit: Unit, names: list[str]) -> Unit:
    """The unit with the factors ``names`` taken out: ``million * CNY`` without ``million`` is ``CNY``."""
    return ureg.Unit(unit._units.remove(names)) if names else unit  # noqa: SLF001 - as above


def aliases_of(name: str) -> list[str]:
    """The aliases of a unit name in :data:`ureg` (a count kind's plural is its first), ``[]`` for none."""
    definition = ureg._units.get(name)  # noqa: SLF001 - pint has no public alias listing
    return [str(alias) for alias in getattr(definition, "aliases", ()) if alias]


def quantity_like(value: Quantity, magnitude: Decimal, unit: Unit) -> Quantity:
    """A quantity of ``value``'s own registry (which need not be :data:`ureg`)."""
    return value._REGISTRY.Quantity(magnitude, unit)  # noqa: SLF001 - pint has no public handle on it


def unit_name(unit: Unit) -> str:
    """The canonical string of a unit, which :func:`parse_unit` reads back."""
    if is_share(unit) and unit != DIMENSIONLESS:
        return str(unit)
    if unit == DIMENSIONLESS:
        return "dimensionless"
    return f"{unit:D}".replace(" ", "")


#: One Unit object per unit of :data:`ureg`: pint builds a new one at every ``Quantity.units``, and works
#: out its dimensions anew on each; a shared one keeps them. A program meets few units, and a unit never changes.
_SHARED: dict[UnitsContainer, Unit] = {}


def unit_of(value: Quantity) -> Unit:
    """``value.units``; for a quantity of :data:`ureg`, one shared object per unit, its dimensions worked out once."""
    if value._REGISTRY is not ureg:  # noqa: SLF001 - pint has no public handle on a quantity's registry
        return value.units
    unit = _SHARED.get(value._units)  # noqa: SLF001 - the unit's factors, which .units wraps anew each time
    return unit if unit is not None else _SHARED.setdefault(value._units, value.units)  # noqa: SLF001


def shared_unit(unit: Unit) -> Unit:
    """The shared object of a unit of :data:`ureg` (see :func:`unit_of`); any other unit unchanged."""
    if unit._REGISTRY is not ureg:  # noqa: SLF001 - as above
        return unit
    return _SHARED.setdefault(unit._units, unit)  # noqa: SLF001 - as above


def converted(value: Quantity, unit: Unit) -> Quantity | None:
    """``value.to(unit)`` in the caller's decimal context, for a Decimal quantity and a unit of :data:`ureg`.

    ``value`` itself when already in ``unit``; ``None`` for any other quantity or unit. The
    factor is pint's own, which pint keeps by unit pair; the rest of ``Quantity.to`` is skipped.
    """
    if value._REGISTRY is not ureg or type(value._magnitude) is not Decimal or not isinstance(unit, ureg.Unit):  # noqa: SLF001
        return None
    if value._units == unit._units:  # noqa: SLF001 - the factors themselves, not wrapped in a new Unit
        return value
    factor = ureg._get_conversion_factor(value._units, unit._units)  # noqa: SLF001 - pint's cache by unit pair
    if isinstance(factor, Exception):  # pint returns, not raises, the DimensionalityError
        raise factor
    if type(factor) is not Decimal:
        factor = Decimal(str(factor))  # as pint's own conversion of a Decimal does
    return decimal_quantity(value._magnitude * factor, unit)  # noqa: SLF001


#: Whether pint's quantity holds its magnitude and unit alone (as pint 0.25 does): then one may be built directly.
_TWO_FIELDS = set(vars(ureg.Quantity(Decimal(1), DIMENSIONLESS))) == {"_magnitude", "_units"}


def decimal_quantity(magnitude: Decimal, unit: Unit) -> Quantity:
    """``ureg.Quantity(magnitude, unit)``, built directly for a Decimal and a unit of :data:`ureg`.

    pint's constructor looks for arrays, strings, other registries and upcast types; a figure
    derived here is none of those, and comparing two claims builds a dozen of them.

    Examples:
        >>> decimal_quantity(Decimal("2.5"), ureg.Unit("CNY")) == ureg.Quantity(Decimal("2.5"), "CNY")
        True
    """
    if not _TWO_FIELDS or type(magnitude) is not Decimal or not isinstance(unit, ureg.Unit):
        return ureg.Quantity(magnitude, unit)
    made = object.__new__(ureg.Quantity)
    # What pint's constructor sets, and all it sets (_TWO_FIELDS).
    made._magnitude = magnitude
    made._units = unit._units  # noqa: SLF001
    return made
