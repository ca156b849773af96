"""units.txt read without pint: its definitions, and what a claim's checks ask of each unit it names.

Loading claims asks four things of a value's unit: its dimensions, the currency or
counted kind it is, and, for a share, what 100 % is in it. For a unit ``units.txt``
names (by its name, symbol or an alias, as almost every claim file writes it), they
are worked out here from the file itself, so that loading claims imports no pint: a
value keeps its figure and these facts, and is made a pint quantity when first read
(:mod:`esgclaims._values`). :func:`~esgclaims._units.names.facts_of` works out the same
facts from a pint unit; tests/test_unit_facts.py checks that the two agree for every
name here.
"""

from __future__ import annotations

import functools
from decimal import Decimal, InvalidOperation
from importlib.resources import files
from typing import NamedTuple

from esgclaims._decimal import CONTEXT, QUOTIENT

from .exact import plain

__all__ = ["PHYSICAL", "Definition", "UnitFacts", "definitions", "facts_named", "is_unit_name", "reference"]

#: The base dimensions of physical units; every other base dimension but a currency's is a counted kind.
PHYSICAL = frozenset(("[length]", "[mass]", "[time]", "[emissions]"))

_OPERATORS = ("*", "/", "**")
#: What may start a unit name; the rest is ASCII letters, digits and underscores.
_NAME_START = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_%‰")


def is_unit_name(text: str) -> bool:
    """Whether ``text`` is one unit name (checked without a regular expression: import time)."""
    rest = text[1:].replace("_", "a")
    return bool(text) and text[0] in _NAME_START and (not rest or (rest.isascii() and rest.isalnum()))


class Definition(NamedTuple):
    """One line of units.txt: ``name = expression = symbol = alias ...``."""

    name: str
    expression: str
    symbol: str | None
    aliases: tuple[str, ...]


@functools.cache
def definitions() -> tuple[Definition, ...]:
    """The definitions of units.txt, in its order; read once.

    The file uses pint's definition syntax, restricted to scaled units and base
    dimensions; ``_`` stands for no symbol.
    """
    text = files("esgclaims").joinpath("data", "units.txt").read_text(encoding="utf-8")
    found = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()  # noqa: PLW2901 - the comment-free line
        if not line or line.startswith(("@", "group", "system")):
            continue
        name, expression, *names = (part.strip() for part in line.split("="))
        symbol = names[0] if names and names[0] != "_" else None
        found.append(Definition(name, expression, symbol, tuple(names[1:])))
    return tuple(found)


def reference(expression: str) -> tuple[Decimal, dict[str, int]]:
    """Read ``1000 * gram`` or ``kilogram * meter ** 2 / second ** 2`` into a scale and units.

    Numbers, names and operators are separated by spaces, as units.txt writes them.

    Examples:
        >>> reference("1000 * gram")
        (Decimal('1000'), {'gram': 1})
        >>> reference("kilogram * meter ** 2 / second ** 2")
        (Decimal('1'), {'kilogram': 1, 'meter': 2, 'second': -2})
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
        elif not is_unit_name(token.removeprefix("[").removesuffix("]")):
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


class UnitFacts(NamedTuple):
    """What a claim's checks ask of a unit: the same whether read from units.txt or from a pint unit."""

    name: str
    """The unit's canonical name, as :func:`~esgclaims._units.unit_name` writes it and ``parse_unit`` reads it."""
    dimensions: tuple[tuple[str, object], ...]
    """Its base dimensions and their exponents, sorted: ``(('[currency_CNY]', 1),)``; none for a pure number."""
    currency: str | None
    """The ISO 4217 code of a plain currency."""
    count_kind: str | None
    """The counted kind of a count (``household``)."""
    whole: Decimal | None
    """For a share (percent, permille): 100 % in this unit (1000 in permille), the cap of its figures."""


def facts_named(name: str) -> UnitFacts | None:
    """The facts of the unit that ``name`` (a name, symbol or alias of units.txt) names; ``None`` for any other text.

    Examples:
        >>> facts_named("RMB")
        UnitFacts(name='CNY', dimensions=(('[currency_CNY]', 1),), currency='CNY', count_kind=None, whole=None)
        >>> facts_named("permille").whole, facts_named("households").count_kind, facts_named("CNY / household")
        (Decimal('1000'), 'household', None)
    """
    return _table().get(name)


@functools.cache
def _table() -> dict[str, UnitFacts]:
    """Every name, symbol and alias of units.txt, and the facts of the unit it names."""
    table: dict[str, UnitFacts] = {"dimensionless": UnitFacts("dimensionless", (), None, None, None)}
    roots: dict[str, tuple[Decimal, dict[str, int]]] = {}  # each name's scale and base dimensions
    for definition in definitions():
        if definition.expression.startswith("["):
            scale, dimensions = Decimal(1), {definition.expression: 1}
        else:
            scale, dimensions = _root(definition.expression, roots)
        names = (definition.name, *((definition.symbol,) if definition.symbol else ()), *definition.aliases)
        for name in names:
            roots[name] = (scale, dimensions)
        facts = _facts(definition.name, scale, dimensions, roots)
        table.update(dict.fromkeys(names, facts))
    return table


def _root(expression: str, roots: dict[str, tuple[Decimal, dict[str, int]]]) -> tuple[Decimal, dict[str, int]]:
    """The scale and base dimensions of ``expression``, whose names units.txt defined before it."""
    scale, units = reference(expression)
    dimensions: dict[str, int] = {}
    for name, power in units.items():
        unit_scale, unit_dimensions = roots[name]
        scale = QUOTIENT.multiply(scale, QUOTIENT.power(unit_scale, power))
        for dimension, exponent in unit_dimensions.items():
            dimensions[dimension] = dimensions.get(dimension, 0) + exponent * power
    return scale, {dimension: exponent for dimension, exponent in dimensions.items() if exponent}


def _facts(
    name: str, scale: Decimal, dimensions: dict[str, int], roots: dict[str, tuple[Decimal, dict[str, int]]]
) -> UnitFacts:
    currency = count_kind = whole = None
    if len(dimensions) == 1:
        ((dimension, power),) = dimensions.items()
        if power == 1 and dimension.startswith("[currency_"):
            currency = dimension[len("[currency_") : -1]
        elif power == 1 and dimension not in PHYSICAL:
            count_kind = dimension[1:-1]
    elif not dimensions and name != "ratio_percent":  # a share; a ratio level may pass 100 %
        whole = plain(CONTEXT.divide(CONTEXT.multiply(100, roots["percent"][0]), scale))
    return UnitFacts(name, tuple(sorted(dimensions.items())), currency, count_kind, whole)
