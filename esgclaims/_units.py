"""The curated unit registry and the strict unit-name lookup.

esgclaims builds its own :class:`pint.UnitRegistry` from ``units.txt``, shipped in
the package. It never touches pint's application registry or global contexts.
"""

from __future__ import annotations

import itertools
import math
import re
import threading
from decimal import Decimal, InvalidOperation
from importlib.resources import files
from typing import Any, TypeAlias

import pint
from pint.facets.plain import DimensionDefinition, PlainQuantity, PlainUnit, ScaleConverter, UnitDefinition
from pint.util import UnitsContainer

from ._decimal import CONTEXT, QUOTIENT, check_figure
from ._digits import digits_problem
from ._errors import (
    ArgumentTypeError,
    EsgClaimsError,
    InvalidValueError,
    UnitError,
    did_you_mean,
    known_confusion,
    suggestion,
)

__all__ = [
    "SCALE_UNITS",
    "Quantity",
    "Unit",
    "count_kind_of",
    "currency_of",
    "dimension_names",
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
            factor = QUOTIENT.power(Decimal(part), power)
            scale = QUOTIENT.divide(scale, factor) if divide else QUOTIENT.multiply(scale, factor)
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

# Pickling. pint's own ``__reduce__`` rebuilds a quantity in pint's *application* registry,
# which knows no CNY or county: ``pickle.loads`` failed in any other process. The registry's
# own classes reduce to the reconstructors below instead, which rebuild in ``esgclaims.ureg``
# (importing esgclaims if the process has not) and never touch pint's global state. A unit
# travels as its factors; a count kind a user registered carries its plural, and is registered
# again where it is missing.
#: One factor of a pickled unit: canonical name, exponent, and the plural of a user-registered count kind.
_Factor: TypeAlias = tuple[str, Any, str | None]


def _factors(container: UnitsContainer) -> tuple[_Factor, ...]:
    return tuple(
        (name, power, ureg._units[name].aliases[0] if name in _REGISTERED else None)  # noqa: SLF001
        for name, power in container.items()
    )


def _rebuild_unit(factors: tuple[_Factor, ...]) -> Unit:
    """Rebuild a pickled unit in :data:`ureg`, registering a count kind it brings along.

    Examples:
        >>> import pickle
        >>> pickle.loads(pickle.dumps(parse_unit("CNY / household")))
        <Unit('CNY / household')>
    """
    for name, _power, plural in factors:
        if plural is not None and name not in _REGISTERED:
            register_count_kind(name, plural)
        elif name not in ureg._units:  # noqa: SLF001 - pint has no public listing
            raise UnitError(
                f"cannot unpickle unit {name!r}: expected a unit of esgclaims.ureg, and it has none of that name",
                text=name,
                hint="a unit of esgclaims.ureg",
            )
    return ureg.Unit(UnitsContainer({name: power for name, power, _ in factors}, non_int_type=Decimal))


def _rebuild_quantity(magnitude: object, factors: tuple[_Factor, ...]) -> Quantity:
    """Rebuild a pickled quantity in :data:`ureg`, its magnitude as it was (an exact Decimal)."""
    return ureg.Quantity(magnitude, _rebuild_unit(factors))


def _reduce_quantity(self: Quantity) -> tuple[object, ...]:
    return (_rebuild_quantity, (self._magnitude, _factors(self._units)))


def _reduce_unit(self: Unit) -> tuple[object, ...]:
    return (_rebuild_unit, (_factors(self._units),))


ureg.Quantity.__reduce__ = _reduce_quantity  # type: ignore[assignment,method-assign]
ureg.Unit.__reduce__ = _reduce_unit  # type: ignore[method-assign]

#: The unit of a pure number, and percent, built without pint's expression parser
#: (``DIMENSIONLESS`` runs it on every access).
DIMENSIONLESS: Unit = ureg.Unit(UnitsContainer({}, non_int_type=Decimal))
PERCENT: Unit = ureg.Unit(UnitsContainer({"percent": Decimal(1)}, non_int_type=Decimal))

_JOINER = r"\s*([*/])\s*"


#: Held while :func:`register_count_kind` changes the registry and by each reader that lists its tables or
#: looks up a name not yet cached: none sees a kind half defined, or lists a table as it changes.
_LOCK = threading.RLock()
#: Raised by one at each registration: caches built from the registry's tables are keyed by it.
_generation = 0
#: Names added by :func:`register_count_kind` (singular and plural), replaced, never changed, under the lock.
_REGISTERED: frozenset[str] = frozenset()
#: Units looked up by one name, symbol or alias. Definitions never change, so neither do these.
_BY_NAME: dict[str, Unit] = {}


#: The generation, and the registry's shipped and registered names at it.
_NAMES: list[tuple[int, tuple[str, ...], tuple[str, ...]]] = []


def _known_names() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Every name, symbol and alias of the registry, shipped and registered, listed once per generation."""
    listed = _NAMES[0] if _NAMES else None
    if listed is None or listed[0] != _generation:
        with _LOCK:
            names = frozenset(ureg._units)  # noqa: SLF001 - pint has no public listing
            listed = (_generation, tuple(sorted(names - _REGISTERED)), tuple(sorted(_REGISTERED)))
            _NAMES[:] = [listed]
    return listed[1], listed[2]


def _find_name(name: str) -> Unit | None:
    """The unit one name, symbol or alias names, ``None`` when none does."""
    unit = _BY_NAME.get(name)
    if unit is not None or not _is_name(name):
        return unit
    with _LOCK:  # a kind being registered is seen complete or not at all
        definition = ureg._units.get(name)  # noqa: SLF001 - names, symbols and aliases, without pint's parser
        if definition is not None:
            # Built from the canonical name: ureg.Unit(str) would run pint's expression parser,
            # which loads the tokenize module and costs more than the rest of a load (coldstart).
            unit = ureg.Unit(UnitsContainer({definition.name: Decimal(1)}, non_int_type=Decimal))
            _BY_NAME[name] = unit
    return unit


def find_unit(word: str) -> Unit | None:
    """:func:`parse_unit` of one word, or ``None`` where it would raise: a probe builds no message and no hint.

    Examples:
        >>> find_unit("RMB"), find_unit("impoverished")
        (<Unit('CNY')>, None)
    """
    stripped = word.strip().translate(_SUPERSCRIPTS)
    if stripped in ("", "1", "dimensionless"):
        return DIMENSIONLESS
    if "*" not in stripped and "/" not in stripped:
        return _find_name(stripped)
    try:
        return parse_unit(word)
    except EsgClaimsError:
        return None


def _lookup_name(name: str, text: str) -> Unit:
    unit = _find_name(name)
    if unit is not None:
        return unit
    if not _is_name(name):
        confused = known_confusion("units", name)
        if confused is not None:
            hint = f"did you mean {confused!r}?"
            raise UnitError(f"unknown unit {name!r}; {hint}", text=name, hint=hint)
        raise UnitError(
            f"cannot read unit {text!r}: expected unit names joined by '*' or '/'",
            text=text.strip(),
            hint="unit names joined by '*' or '/'",
        )
    shipped, registered = _known_names()
    hint = suggestion("units", name, list(shipped)) or did_you_mean(name, registered)
    raise UnitError(f"unknown unit {name!r}{hint}", text=text.strip(), hint=hint.removeprefix("; ") or None)


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
            raise UnitError(
                f"unit {text!s} belongs to another pint registry; use esgclaims.ureg",
                text=str(text),
                hint="a unit of esgclaims.ureg",
            )
        return text
    if not isinstance(text, str):
        raise UnitError(
            f"a unit must be a string, got {type(text).__name__}",
            text=None,
            hint="a unit name such as 'tCO2e' or 'CNY / household'",
        )
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
        problem = digits_problem(digits)  # the one grammar of digits: no "19,77", "5_000" or "0x10"
        if problem is not None:
            raise InvalidValueError(f"expected {problem.expected}, got {number!r}")
        try:
            result = Decimal(digits.replace(",", ""))
        except InvalidOperation:
            raise InvalidValueError(f"expected a decimal number, got {number!r}") from None
    else:
        raise InvalidValueError(f"expected a number, got {type(number).__name__}")
    return check_figure(result)


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
        return number.quantize(_ONE, context=CONTEXT)
    return number.normalize(CONTEXT)


def quantity(amount: object, unit: str | Unit = "dimensionless") -> Quantity:
    """Build an exact quantity of the esgclaims registry.

    Examples:
        >>> quantity("19770000", "RMB")
        <Quantity(19770000, 'CNY')>
    """
    if isinstance(amount, pint.Quantity):
        if amount._REGISTRY is not ureg:  # noqa: SLF001
            raise UnitError(
                f"quantity {amount!s} belongs to another pint registry; use esgclaims.ureg",
                text=str(amount),
                hint="a quantity of esgclaims.ureg, e.g. esgclaims.quantity(5, 't')",
            )
        # the unit container itself: ``amount.units`` would build a Unit object to be taken apart again
        return ureg.Quantity(plain(to_decimal(amount.magnitude)), amount._units)  # noqa: SLF001
    return ureg.Quantity(plain(to_decimal(amount)), parse_unit(unit))


#: A kind: lower-case ASCII words joined by underscores ("charging_station"); a plural may use capitals ("TEU").
_KIND, _PLURAL = r"[a-z]+(?:_[a-z]+)*", r"[A-Za-z]+(?:_[A-Za-z]+)*"  # compiled on first use, as _JOINER
#: Words the readers take as grammar, never as a counted noun ("RMB 5 per school", "tonnes of CO2e").
_RESERVED = frozenset(("dimensionless", "per", "of"))


def register_count_kind(name: str, plural: str | None = None) -> Unit:
    """Add a counted kind (``"school"``) as a base dimension of its own.

    A kind is lower-case ASCII words joined by underscores; its plural may use capitals
    (``"TEU"``). Neither may name a unit, alias or dimension of :data:`esgclaims.ureg`
    (in any case), nor be ``dimensionless``, ``per`` or ``of``. Without ``plural``, the
    regular English plural is used ("charity", "charities"); give an irregular one
    ("alumnus", "alumni"). The same kind again, with the same plural or none, is a no-op;
    another plural is refused. Safe from several threads; a refused call changes nothing.

    Examples:
        >>> register_count_kind("school", "schools")
        <Unit('school')>
        >>> register_count_kind("school")
        <Unit('school')>
        >>> register_count_kind("charity") == ureg.Unit("charities")
        True
    """
    global _REGISTERED, _generation  # noqa: PLW0603 - replaced whole under the lock: readers keep a snapshot
    for what, argument in (("name", name), ("plural", plural)):
        if (argument is not None or what == "name") and not isinstance(argument, str):
            raise ArgumentTypeError(f"expected the {what} of a count kind as a string, got {type(argument).__name__}")
    if not re.fullmatch(_KIND, name):
        raise UnitError(
            f"a count kind is a lower-case word, got {name!r}",
            text=name,
            hint="lower-case ASCII words joined by underscores, e.g. 'charging_station'",
        )
    if plural is not None and not re.fullmatch(_PLURAL, plural):
        raise UnitError(
            f"the plural of count kind {name!r} is a word of ASCII letters, got {plural!r}",
            text=plural,
            hint="ASCII letters joined by underscores, e.g. 'schools'",
        )
    with _LOCK:
        if name in ureg._units:  # noqa: SLF001 - names, symbols and aliases, without pint's parser
            return _registered_again(name, plural)
        plural = plural or _regular_plural(name)
        _check_new(name, f"count kind {name!r}")
        if plural != name:
            _check_new(plural, f"plural {plural!r} of count kind {name!r}")
        _define_kind(name, plural)
        _REGISTERED = _REGISTERED | {name, plural}
        _generation += 1
        return _lookup_name(name, name)


def _registered_again(name: str, plural: str | None) -> Unit:
    """The kind ``name`` when it is one, with ``plural`` or none; otherwise the reason it is not."""
    unit = _lookup_name(name, name)
    if count_kind_of(unit) != name:
        raise UnitError(
            f"{name!r} is already a unit of {unit.dimensionality}, not a count kind",
            text=name,
            hint="a word that names no unit",
        )
    plurals = ureg._units[name].aliases or (name,)  # noqa: SLF001 - as above
    if plural is not None and plural != name and plural not in plurals:
        raise UnitError(
            f"count kind {name!r} is registered with plural {' or '.join(map(repr, plurals))}, got {plural!r}",
            text=plural,
            hint=f"the plural {plurals[0]!r}, or none",
        )
    return unit


def _check_new(word: str, what: str) -> None:
    """Refuse ``word`` when the registry or the readers already give it a meaning."""
    if word in _RESERVED:
        raise UnitError(
            f"{what} is a reserved word; expected a noun",
            text=word,
            hint="a noun other than 'dimensionless', 'per' or 'of'",
        )
    if f"[{word}]" in ureg._dimensions:  # noqa: SLF001 - pint has no public listing
        raise UnitError(
            f"{what} is already a dimension of esgclaims.ureg, [{word}]; expected a new word",
            text=word,
            hint="a word that names no dimension",
        )
    if word in ureg._units:  # noqa: SLF001 - as above
        raise UnitError(f"{what} is already a unit", text=word, hint="a word that names no unit")
    folded = min(ureg._units_casei.get(word.lower(), ()), default=None)  # noqa: SLF001 - as above
    if folded is not None:
        raise UnitError(
            f"{what} differs only in case from unit {folded!r}; expected a new word",
            text=word,
            hint=f"a word that differs from {folded!r} in more than case",
        )
    # pint's own parser reads a prefix and a suffix around a unit ("meters"): none may fit.
    for prefix, suffix in itertools.product(ureg._prefixes, ureg._suffixes):  # noqa: SLF001 - as above
        stem = word[len(prefix) : len(word) - len(suffix)]
        if stem and word.startswith(prefix) and word.endswith(suffix) and stem in ureg._units:  # noqa: SLF001
            raise UnitError(
                f"{what} would be read as unit {stem!r}; expected a new word",
                text=word,
                hint=f"a word that pint does not read as {stem!r} with a prefix or suffix",
            )


def _define_kind(name: str, plural: str) -> None:
    """Define the kind in pint; if pint fails part way, take out all it had added."""
    aliases = (plural,) if plural != name else ()
    try:
        _define(ureg, name, f"[{name}]", None, aliases)
    except BaseException:
        for word in (name, *aliases):
            ureg._units.pop(word, None)  # noqa: SLF001 - pint has no public way to take a definition out
            ureg._units_casei.get(word.lower(), set()).discard(word)  # noqa: SLF001 - as above
        ureg._dimensions.pop(f"[{name}]", None)  # noqa: SLF001 - as above
        if name in ureg._base_units:  # noqa: SLF001 - as above
            ureg._base_units.remove(name)  # noqa: SLF001 - as above
        root = ureg._groups.get("root")  # noqa: SLF001 - as above
        if root is not None and name in root.non_inherited_unit_names:
            root.remove_units(name)
        raise


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


def dimension_names() -> tuple[str, ...]:
    """The dimensions of the registry (``"[length]"`` ...), listed under the lock."""
    with _LOCK:
        return tuple(str(name) for name in ureg._dimensions)  # noqa: SLF001 - pint has no public listing


#: The count kinds, and the generation of the registry they were listed at.
_COUNT_KIND_CACHE: list[tuple[int, frozenset[str]]] = []


def _COUNT_KINDS() -> frozenset[str]:  # noqa: N802 - reads like the constant it stands for
    cached = _COUNT_KIND_CACHE[0] if _COUNT_KIND_CACHE else None
    if cached is not None and cached[0] == _generation:
        return cached[1]
    with _LOCK:
        physical = {"length", "mass", "time", "emissions"}
        kinds = frozenset(
            name[1:-1]
            for name in dimension_names()
            if name.startswith("[") and not name.startswith("[currency_") and name[1:-1] not in physical
        )
        _COUNT_KIND_CACHE[:] = [(_generation, kinds)]
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
