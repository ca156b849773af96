"""How quantities read to a person: grouped digits, units in words."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ._units import DIMENSIONLESS, PERCENT, count_kind_of, currency_of, ureg

if TYPE_CHECKING:
    from ._units import Quantity, Unit

__all__ = ["format_number", "format_quantity", "unit_words"]

_CURRENCY_PREFIX = {"CNY": "RMB", "USD": "US$", "HKD": "HK$", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY"}


def format_number(number: Decimal) -> str:
    """Grouped digits, no exponent, no trailing zeros after the point.

    Examples:
        >>> format_number(Decimal("19770000.00"))
        '19,770,000'
        >>> format_number(Decimal("1.2700E+6"))
        '1,270,000'
        >>> format_number(Decimal("0.125"))
        '0.125'
    """
    if number == number.to_integral_value():
        return f"{number.quantize(Decimal(1)):,f}"
    return f"{number.normalize():,f}"


def _words(unit: Unit, plural: bool) -> str:
    if currency_of(unit):
        return _CURRENCY_PREFIX.get(currency_of(unit) or "", currency_of(unit) or "")
    kind = count_kind_of(unit)
    if kind is not None:
        if not plural:
            return kind
        definition = ureg._units[kind]  # noqa: SLF001 - pint has no public alias listing
        aliases = [a for a in getattr(definition, "aliases", ()) if a]
        return aliases[0] if aliases else f"{kind}s"
    if unit == PERCENT:
        return "%"
    return f"{unit:~D}"


def unit_words(unit: Unit, *, plural: bool = True) -> str:
    """The unit as a person reads it: ``RMB``, ``households``, ``%``, ``RMB per household``.

    Examples:
        >>> from esgclaims import ureg
        >>> unit_words(ureg.Unit("CNY") / ureg.Unit("household"))
        'RMB per household'
    """
    if unit == DIMENSIONLESS:
        return ""
    # pint types an exponent as any scalar, complex included; a unit's are real.
    powers: dict[str, Any] = dict(unit._units)  # noqa: SLF001
    numerator = [(name, power) for name, power in powers.items() if power > 0]
    denominator = [(name, power) for name, power in powers.items() if power < 0]
    if len(numerator) == 1 and len(denominator) == 1 and numerator[0][1] == 1 and denominator[0][1] == -1:
        top = _words(ureg.Unit(numerator[0][0]), plural)
        bottom = _words(ureg.Unit(denominator[0][0]), plural=False)
        return f"{top} per {bottom}"
    return _words(unit, plural)


def format_quantity(value: Quantity) -> str:
    """A quantity as a person writes it.

    Examples:
        >>> from esgclaims import quantity
        >>> format_quantity(quantity("19770000", "CNY"))
        'RMB 19,770,000'
        >>> format_quantity(quantity("3000000", "item"))
        '3,000,000 items'
        >>> format_quantity(quantity("1", "household"))
        '1 household'
        >>> format_quantity(quantity("80", "percent"))
        '80%'
    """
    magnitude = value.magnitude if isinstance(value.magnitude, Decimal) else Decimal(str(value.magnitude))
    number = format_number(magnitude)
    unit = value.units
    words = unit_words(unit, plural=magnitude != 1)
    if not words:
        return number
    if currency_of(unit):
        return f"{words} {number}"
    if words == "%":
        return f"{number}%"
    if words.split(" per ")[0] in {"RMB", "US$", "HK$", "EUR", "GBP", "JPY"}:
        prefix, _, rest = words.partition(" ")
        return f"{prefix} {number} {rest}"
    return f"{number} {words}"
