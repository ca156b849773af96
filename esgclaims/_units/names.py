"""Unit names: the strict lookup, exact quantities, count kinds a user registers, and pickling.

Registering a count kind and reading the registry's tables share one lock: no reader
sees a kind half defined. A pickled quantity is rebuilt in :data:`esgclaims.ureg`.
"""

from __future__ import annotations

import functools
import itertools
import re
import threading
from decimal import Decimal
from typing import Any, TypeAlias

import pint
from pint.util import UnitsContainer

from esgclaims._decimal import arithmetic
from esgclaims._errors import (
    ArgumentTypeError,
    EsgClaimsError,
    UnitError,
    did_you_mean,
    known_confusion,
    suggestion,
)

from .exact import plain, to_decimal
from .facts import PHYSICAL, UnitFacts
from .registry import (
    DIMENSIONLESS,
    PERCENT,
    Quantity,
    Unit,
    aliases_of,
    currency_of,
    define_unit,
    dimensions_of,
    is_share,
    is_unit_name,
    unit_name,
    ureg,
)

__all__ = [
    "count_kind_of",
    "count_kinds",
    "dimension_names",
    "facts_of",
    "find_unit",
    "parse_unit",
    "quantity",
    "register_count_kind",
    "registered_count_kind",
]

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
    if unit is not None or not is_unit_name(name):
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
    stripped = _stripped(word)
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
    if not is_unit_name(name):
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


def _stripped(text: str) -> str:
    """``text`` without surrounding space, its superscripts written as digits: "m³" is "m3".

    An ASCII name, as most are, has no superscript: it is not translated character by character.
    """
    stripped = text.strip()
    return stripped if stripped.isascii() else stripped.translate(_SUPERSCRIPTS)


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
    stripped = _stripped(text)
    if stripped in ("", "1", "dimensionless"):
        return DIMENSIONLESS
    if "*" not in stripped and "/" not in stripped:
        return _lookup_name(stripped, text)
    return _product(stripped, text)


@functools.lru_cache(maxsize=256)  # a program writes few products and quotients, and reads each often
def _product(stripped: str, text: str) -> Unit:
    """The product or quotient of unit names ``stripped`` writes (``text`` as given names it in errors).

    Kept once read, as single names are (a refused one raises, and is not kept): the names
    never change meaning, and each product is a new Unit whose dimensions pint works out anew.
    """
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
        define_unit(ureg, name, f"[{name}]", None, aliases)
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


def count_kind_of(unit: Unit) -> str | None:
    """The counted kind (``"household"``) when ``unit`` counts one kind, else ``None``."""
    dims = dimensions_of(unit)
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


def count_kinds() -> frozenset[str]:
    """Every counted kind of the registry, shipped or registered: ``household``, ``county`` ..."""
    return _COUNT_KINDS()


def _COUNT_KINDS() -> frozenset[str]:  # noqa: N802 - reads like the constant it stands for
    cached = _COUNT_KIND_CACHE[0] if _COUNT_KIND_CACHE else None
    if cached is not None and cached[0] == _generation:
        return cached[1]
    with _LOCK:
        kinds = frozenset(
            name[1:-1]
            for name in dimension_names()
            if name.startswith("[") and not name.startswith("[currency_") and name not in PHYSICAL
        )
        _COUNT_KIND_CACHE[:] = [(_generation, kinds)]
    return kinds


#: The whole of a share, built once: a share's cap is 100 % in its own unit.
_HUNDRED_PERCENT: Quantity = ureg.Quantity(Decimal(100), PERCENT)
#: Each unit's facts, worked out once: a unit's dimensions never change, and a program meets few units.
_FACTS: dict[Unit, UnitFacts] = {}


def facts_of(unit: Unit) -> UnitFacts:
    """What a claim's checks ask of a unit of :data:`ureg`, as :func:`~esgclaims._units.facts.facts_named` reads it.

    Examples:
        >>> facts_of(parse_unit("permille"))
        UnitFacts(name='permille', dimensions=(), currency=None, count_kind=None, whole=Decimal('1000'))
    """
    facts = _FACTS.get(unit)
    if facts is None:
        whole = None
        if is_share(unit) and unit != DIMENSIONLESS:
            with arithmetic():
                whole = plain(to_decimal(_HUNDRED_PERCENT.to(unit).magnitude))
        dimensions = tuple(
            sorted((name, int(power) if power == int(power) else power) for name, power in dimensions_of(unit).items())
        )
        facts = UnitFacts(unit_name(unit), dimensions, currency_of(unit), count_kind_of(unit), whole)
        _FACTS[unit] = facts
    return facts
