"""The curated unit registry and the strict unit-name lookup.

esgclaims builds its own :class:`pint.UnitRegistry` from ``units.txt``, shipped in
the package. It never touches pint's application registry or global contexts.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation
from importlib.resources import files
from typing import Any, TypeAlias

import pint
from pint.facets.plain import DimensionDefinition, PlainQuantity, PlainUnit, ScaleConverter, UnitDefinition
from pint.util import UnitsContainer

from ._errors import InvalidValueError, UnitError, did_you_mean, known_confusion, suggestion

__all__ = [
    "SCALE_UNITS",
    "Quantity",
    "Unit",
    "count_kind_of",
    "currency_of",
    "is_share",
    "parse_unit",
    "plain",
    "quantity",
    "register_count_kind",
    "registered_count_kind",
    "to_decimal",
    "unit_name",
    "ureg",
    "without_scales",
]

# For annotations, the types pint's own annotations use (``Quantity.to()`` returns a
# PlainQuantity, ``Quantity.units`` a PlainUnit); isinstance checks use pint.Quantity and pint.Unit.
#: A pint quantity; those of :func:`quantity` hold an exact Decimal.
Quantity: TypeAlias = PlainQuantity[Any]
#: A pint unit.
Unit: TypeAlias = PlainUnit


_OPERATORS = ("*", "/", "**")
#: What may start a unit name; the rest is ASCII letters, digits and underscores.
_NAME_START = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_%‰")


def _is_name(text: str) -> bool:
    """Whether ``text`` is one unit name (checked without a regular expression: import time)."""
    rest = text[1:].replace("_", "a")
    return bool(text) and text[0] in _NAME_START and (not rest or (rest.isascii() and rest.isalnum()))


def _reference(expression: str) -> tuple[Decimal, dict[str, int]]:
    """Read ``1000 * gram`` or ``kilogram * meter ** 2 / second ** 2`` into a scale and units.

    Numbers, names and operators are separated by spaces, as units.txt writes them.
    """
    tokens = expression.split()
    for token in tokens:
        if token in _OPERATORS:
            continue
        if token[0].isdigit():
            try:
                Decimal(token)
            except InvalidOperation:
                raise ValueError(f"cannot read unit expression {expression!r}") from None
        elif not _is_name(token.removeprefix("[").removesuffix("]")):
            raise ValueError(f"cannot read unit expression {expression!r}")
    scale, units, divide, position = Decimal(1), dict[str, int](), False, 0
    while position < len(tokens):
        part = tokens[position]
        if part in ("*", "/"):
            divide = part == "/"
            position += 1
            continue
        power = 1
        if position + 2 < len(tokens) and tokens[position + 1] == "**":
            power = int(tokens[position + 2])
            position += 2
        if part[0].isdigit():
            factor = Decimal(part) ** power
            scale = scale / factor if divide else scale * factor
        else:
            units[part] = units.get(part, 0) + (-power if divide else power)
        position += 1
    return scale, units


def _build_registry() -> pint.UnitRegistry[Decimal]:
    """Build the registry from ``units.txt``.

    The file uses pint's definition syntax (``name = reference = symbol = alias ...``),
    restricted to scaled units and base dimensions. It is read here into pint's
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
    text = files(__package__).joinpath("data", "units.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()  # noqa: PLW2901 - the comment-free line
        if not line or line.startswith(("@", "group", "system")):
            continue
        name, expression, *names = (part.strip() for part in line.split("="))
        symbol = names[0] if names and names[0] != "_" else None
        _define(registry, name, expression, symbol, tuple(names[1:]))
    return registry


def _define(
    registry: pint.UnitRegistry[Decimal], name: str, expression: str, symbol: str | None, aliases: tuple[str, ...]
) -> None:
    # pint annotates define() as taking a string only, and a scale as a float; its registry
    # dispatches any definition object, and a registry of Decimals takes Decimal scales.
    if expression.startswith("["):
        registry.define(DimensionDefinition(expression))  # type: ignore[arg-type]
        scale, units = Decimal(1), {expression: 1}
    else:
        scale, units = _reference(expression)
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

_GROUPED = r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # compiled on first use (``re`` caches it)
_JOINER = r"\s*([*/])\s*"


_NAMES: list[str] = []
#: Names added by :func:`register_count_kind` (singular and plural): suggested only after the shipped units.
_REGISTERED: set[str] = set()
#: Units looked up by one name, symbol or alias. Definitions never change, so neither do these.
_BY_NAME: dict[str, Unit] = {}


def _known_names() -> list[str]:
    if _NAMES:
        return _NAMES
    names: set[str] = set()
    for name, definition in ureg._units.items():  # noqa: SLF001 - pint has no public listing
        names.add(name)
        names.update(a for a in getattr(definition, "aliases", ()) if a)
        symbol = getattr(definition, "symbol", None)
        if symbol:
            names.add(symbol)
    _NAMES.extend(sorted(names))
    return _NAMES


def _lookup_name(name: str, text: str) -> Unit:
    unit = _BY_NAME.get(name)
    if unit is not None:
        return unit
    if not _is_name(name):
        confused = known_confusion("units", name)
        if confused is not None:
            hint = f"did you mean {confused!r}?"
            raise UnitError(f"unknown unit {name!r}; {hint}", text=name, hint=hint)
        raise UnitError(
            f"cannot read unit {text!r}: expected unit names joined by '*' or '/'",
            text=text,
            hint="unit names joined by '*' or '/'",
        )
    definition = ureg._units.get(name)  # noqa: SLF001 - names, symbols and aliases, without pint's parser
    if definition is None:
        shipped = [known for known in _known_names() if known not in _REGISTERED]
        hint = suggestion("units", name, shipped) or did_you_mean(name, sorted(_REGISTERED))
        raise UnitError(f"unknown unit {name!r}{hint}", text=name, hint=hint.removeprefix("; ") or None)
    # Built from the canonical name: ureg.Unit(str) would run pint's expression parser,
    # which loads the tokenize module and costs more than the rest of a load (coldstart).
    unit = ureg.Unit(UnitsContainer({definition.name: Decimal(1)}, non_int_type=Decimal))
    _BY_NAME[name] = unit
    return unit


#: "m³" and "km²" are written as reports write them; the registry names them m3 and km2.
_SUPERSCRIPTS = str.maketrans({"²": "2", "³": "3"})


def parse_unit(text: str | Unit) -> Unit:
    """Look up a unit by name, or a simple product or quotient of names.

    Nothing is evaluated: ``"CNY/household"`` and ``"kWh * t"`` are read, anything
    beyond names joined by ``*`` and ``/`` is refused.

    Examples:
        >>> parse_unit("RMB")
        <Unit('CNY')>
        >>> parse_unit("CNY / household")
        <Unit('CNY / household')>
        >>> parse_unit("m³")
        <Unit('cubic_meter')>
        >>> parse_unit("RMBB")
        Traceback (most recent call last):
        ...
        esgclaims.UnitError: unknown unit 'RMBB'; did you mean 'RMB'?
    """
    if isinstance(text, pint.Unit):
        if text._REGISTRY is not ureg:  # noqa: SLF001
            raise UnitError(f"unit {text!s} belongs to another pint registry; use esgclaims.ureg")
        return text
    if not isinstance(text, str):
        raise UnitError(f"a unit must be a string, got {type(text).__name__}")
    stripped = text.strip().translate(_SUPERSCRIPTS)
    if stripped in ("", "1", "dimensionless"):
        return DIMENSIONLESS
    if "*" not in stripped and "/" not in stripped:
        return _lookup_name(stripped, text)
    confused = known_confusion("units", stripped)
    if confused is not None:
        hint = f"did you mean {confused!r}?"
        raise UnitError(f"unknown unit {stripped!r}; {hint}", text=stripped, hint=hint)
    parts = re.split(_JOINER, stripped)
    unit = _lookup_name(parts[0], text)
    for operator, name in zip(parts[1::2], parts[2::2], strict=True):
        other = _lookup_name(name, text)
        unit = unit * other if operator == "*" else unit / other
    return unit


# Decimal's default context keeps 28 significant digits: a larger number would be rounded.
_MAX_DIGITS = 28


def to_decimal(number: object) -> Decimal:
    """Turn a reported number into an exact, finite :class:`~decimal.Decimal`.

    Strings and integers are read exactly; a float goes through its shortest
    ``repr`` (``19.77`` stays ``19.77``), never through its binary expansion.

    Examples:
        >>> to_decimal(19.77) * 1000000
        Decimal('19770000.00')
        >>> to_decimal("47,300")
        Decimal('47300')
    """
    if isinstance(number, bool):
        raise InvalidValueError(f"expected a number, got a boolean ({number})")
    if isinstance(number, Decimal):
        result = number
    elif isinstance(number, int):
        result = Decimal(number)
    elif isinstance(number, float):
        if not math.isfinite(number):
            raise InvalidValueError(f"expected a finite number, got {number}")
        result = Decimal(repr(number))
    elif isinstance(number, str):
        digits = number.strip()
        if "," in digits and not re.fullmatch(_GROUPED, digits):
            raise InvalidValueError(f"expected digits grouped in threes by commas, got {number!r}")
        try:
            result = Decimal(digits.replace(",", "").replace("_", ""))
        except InvalidOperation:
            raise InvalidValueError(f"expected a decimal number, got {number!r}") from None
    else:
        raise InvalidValueError(f"expected a number, got {type(number).__name__}")
    if not result.is_finite():
        raise InvalidValueError(f"expected a finite number, got {result}")
    if result.adjusted() >= _MAX_DIGITS or len(result.as_tuple().digits) > _MAX_DIGITS:
        raise InvalidValueError(f"expected a number of at most {_MAX_DIGITS} digits, got {result}")
    return result


_ONE = Decimal(1)


def plain(number: Decimal) -> Decimal:
    """The same number without exponent or trailing zeros: ``1.977E+7`` is ``19770000``.

    Examples:
        >>> plain(Decimal("19770000.00")), plain(Decimal("1E+4")), plain(Decimal("0.50"))
        (Decimal('19770000'), Decimal('10000'), Decimal('0.5'))
    """
    if number.is_zero():
        return Decimal(0)
    if number == number.to_integral_value():
        return number.quantize(_ONE)
    return number.normalize()


def quantity(amount: object, unit: str | Unit = "dimensionless") -> Quantity:
    """Build an exact quantity of the esgclaims registry.

    Examples:
        >>> quantity("19770000", "RMB")
        <Quantity(19770000, 'CNY')>
    """
    if isinstance(amount, pint.Quantity):
        if amount._REGISTRY is not ureg:  # noqa: SLF001
            raise UnitError(f"quantity {amount!s} belongs to another pint registry; use esgclaims.ureg")
        # the unit container itself: ``amount.units`` would build a Unit object to be taken apart again
        return ureg.Quantity(plain(to_decimal(amount.magnitude)), amount._units)  # noqa: SLF001
    return ureg.Quantity(plain(to_decimal(amount)), parse_unit(unit))


def register_count_kind(name: str, plural: str | None = None) -> Unit:
    """Add a counted kind (``"school"``) as a base dimension of its own.

    Calling it again with the same name is harmless; a name that is already a
    different unit is refused. Without ``plural``, the regular English plural is
    used ("charity", "charities"); give an irregular one ("alumnus", "alumni").

    Examples:
        >>> register_count_kind("school", "schools")
        <Unit('school')>
        >>> register_count_kind("school")
        <Unit('school')>
        >>> register_count_kind("charity") == ureg.Unit("charities")
        True
    """
    if not re.fullmatch(r"[a-z][a-z_]*", name):
        raise UnitError(f"a count kind is a lower-case word, got {name!r}")
    if name in _known_names():
        unit = ureg.Unit(name)
        if count_kind_of(unit) != name:
            raise UnitError(f"{name!r} is already a unit of {unit.dimensionality}, not a count kind")
        return unit
    plural = plural or _regular_plural(name)
    if plural in _known_names():
        raise UnitError(f"plural {plural!r} of count kind {name!r} is already a unit")
    ureg.define(f"{name} = [{name}] = _ = {plural}")
    _REGISTERED.update((name, plural))
    _NAMES.clear()
    return ureg.Unit(name)


def registered_count_kind(name: str) -> tuple[str, str | None] | None:
    """For a kind added by :func:`register_count_kind`: its name and its plural when irregular; else ``None``.

    Shipped kinds (``household``) are not registered ones: a claim file need not declare them.
    """
    if name not in _REGISTERED or count_kind_of(ureg.Unit(name)) != name:
        return None
    plural = aliases_of(name)[0]
    return name, None if plural == _regular_plural(name) else plural


def _regular_plural(noun: str) -> str:
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return f"{noun[:-1]}ies"  # charity, charities; but survey, surveys
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return f"{noun}es"  # branch, branches
    return f"{noun}s"


def _dimensions(unit: Unit) -> dict[str, Any]:
    return dict(unit.dimensionality)


def currency_of(unit: Unit) -> str | None:
    """The ISO 4217 code when ``unit`` is a plain currency, else ``None``."""
    dims = _dimensions(unit)
    if len(dims) == 1:
        ((dim, power),) = dims.items()
        if power == 1 and dim.startswith("[currency_"):
            return str(dim[len("[currency_") : -1])
    return None


def count_kind_of(unit: Unit) -> str | None:
    """The counted kind (``"household"``) when ``unit`` counts one kind, else ``None``."""
    dims = _dimensions(unit)
    if len(dims) == 1:
        ((dim, power),) = dims.items()
        name = str(dim[1:-1])
        if power == 1 and not dim.startswith("[currency_") and name in _COUNT_KINDS():
            return name
    return None


#: The count kinds, keyed by how many dimensions the registry had when they were listed
#: (dimensions are only ever added, so the number says when to list them again).
_COUNT_KIND_CACHE: dict[int, frozenset[str]] = {}


def _COUNT_KINDS() -> frozenset[str]:  # noqa: N802 - reads like the constant it stands for
    dimensions = ureg._dimensions  # noqa: SLF001 - pint has no public listing
    kinds = _COUNT_KIND_CACHE.get(len(dimensions))
    if kinds is None:
        physical = {"length", "mass", "time", "emissions"}
        kinds = frozenset(
            str(name)[1:-1]
            for name in dimensions
            if str(name).startswith("[") and not str(name).startswith("[currency_") and str(name)[1:-1] not in physical
        )
        _COUNT_KIND_CACHE.clear()
        _COUNT_KIND_CACHE[len(dimensions)] = kinds
    return kinds


def is_share(unit: Unit) -> bool:
    """True for a dimensionless unit such as percent; ``ratio_percent``, a level that may pass 100 %, is not one."""
    return not _dimensions(unit) and "ratio_percent" not in unit_powers(unit)


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
    return dict(unit._units)  # noqa: SLF001 - pint has no public listing of a unit's factors


def without(unit: Unit, names: list[str]) -> Unit:
    """The unit with the factors ``names`` taken out: ``million * CNY`` without ``million`` is ``CNY``."""
    return ureg.Unit(unit._units.remove(names)) if names else unit  # noqa: SLF001 - as above


def aliases_of(name: str) -> list[str]:
    """The aliases of a unit name in :data:`ureg` (a count kind's plural is its first), ``[]`` for none."""
    definition = ureg._units.get(name)  # noqa: SLF001 - pint has no public alias listing
    return [str(alias) for alias in getattr(definition, "aliases", ()) if alias]


def dimension_names() -> list[str]:
    """The names of every dimension of :data:`ureg`: ``[currency_CNY]``, ``[mass]`` ..."""
    return [str(name) for name in ureg._dimensions]  # noqa: SLF001 - pint has no public listing


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
