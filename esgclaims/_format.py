"""How quantities read to a person: grouped digits, units in words; and the one hook to HTML display."""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from . import _units
from ._decimal import CONTEXT, exact
from ._errors import check_argument
from ._units import plain

if TYPE_CHECKING:
    from ._units import Quantity, Unit

__all__ = [
    "counted",
    "currency_first",
    "format_number",
    "format_quantity",
    "html",
    "magnitude_words",
    "noun_words",
    "unit_words",
    "unscaled",
]


@functools.cache  # the lexicon is read once, and so is this table of it
def _currency_prefix() -> dict[str, str]:
    """How each currency is written before a figure, by ISO code: ``{"CNY": "RMB", "USD": "US$", ...}``."""
    from ._lexicon import lexicon  # noqa: PLC0415 - the word lists are read at first use, not on import

    return {code: currency.display for code, currency in lexicon().currencies.items()}


#: U+2212, the minus sign a person reads; a hyphen looks like a dash.
MINUS = "\u2212"


def counted(number: int, noun: str) -> str:
    """A count and its noun, singular for one: ``counted(1, "claim")`` is ``'1 claim'``, 2 gives ``'2 claims'``."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


#: Units whose pint symbol a reader would not know: "a" for a year, "d" for a day.
_TIME_WORDS = {
    "year": ("year", "years"),
    "day": ("day", "days"),
    "hour": ("hour", "hours"),
    "minute": ("minute", "minutes"),
    "second": ("second", "seconds"),
}


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
    if number == number.to_integral_value(context=CONTEXT):
        return f"{number.quantize(Decimal(1), context=CONTEXT):,f}"
    return f"{number.normalize(CONTEXT):,f}"


def _powers(unit: Unit) -> dict[str, Any]:
    # pint types an exponent as any scalar, complex included; a unit's are real.
    return _units.unit_powers(unit)


@exact
def unscaled(value: Quantity) -> Quantity:
    """The quantity with scale words taken into its figure: 110 thousand households are 110,000 households.

    Examples:
        >>> from esgclaims import quantity
        >>> unscaled(quantity("19.77", "million*CNY"))
        <Quantity(19770000, 'CNY')>
    """
    unit = _units.unit_of(value)
    target = _units.without_scales(unit)
    if target is unit:  # no scale word: as it is (each ``value.units`` would be a new Unit, never this one)
        return value
    converted = value.to(target)
    magnitude = converted.magnitude
    if not isinstance(magnitude, Decimal):
        magnitude = Decimal(str(magnitude))
    return _units.ureg.Quantity(plain(magnitude), target)


def _words(unit: Unit, plural: bool) -> str:
    if _units.currency_of(unit):
        return _currency_prefix().get(_units.currency_of(unit) or "", _units.currency_of(unit) or "")
    kind = _units.count_kind_of(unit)
    if kind is not None:
        if not plural:
            return kind
        aliases = _units.aliases_of(kind)
        return aliases[0] if aliases else f"{kind}s"
    if unit == _units.PERCENT:
        return "%"
    powers = _powers(unit)
    if len(powers) == 1:
        ((name, power),) = powers.items()
        if name in _TIME_WORDS and power == 1:
            return _TIME_WORDS[name][plural]
    return f"{unit:~D}"


def unit_words(unit: Unit, *, plural: bool = True) -> str:
    """The unit as a person reads it: ``RMB``, ``households``, ``%``, ``RMB per household``, ``items per year``.

    A scale word stays in front: ``million RMB`` for a figure counted in millions.

    Examples:
        >>> from esgclaims import ureg
        >>> unit_words(ureg.Unit("CNY") / ureg.Unit("household"))
        'RMB per household'
        >>> unit_words(ureg.Unit("item") / ureg.Unit("household") / ureg.Unit("year"))
        'items per household per year'
        >>> unit_words(ureg.Unit("million") * ureg.Unit("CNY"))
        'million RMB'
    """
    if unit == _units.DIMENSIONLESS:
        return ""
    powers = _powers(unit)
    scales = [name for name in _units.SCALE_UNITS if powers.get(name) == 1]
    if scales and len(powers) > len(scales):
        rest = unit_words(_units.without(unit, scales), plural=plural)
        return " ".join([*scales, rest])
    numerator = [(name, power) for name, power in powers.items() if power > 0]
    denominator = [name for name, power in powers.items() if power < 0]
    if (
        len(numerator) <= 1
        and denominator
        and all(power == 1 for _, power in numerator)
        and all(powers[name] == -1 for name in denominator)
    ):
        denominator.sort(key=lambda name: name in _TIME_WORDS)  # per household per year, not per year per household
        top = _words(_units.ureg.Unit(numerator[0][0]), plural) if numerator else ""
        bottoms = [_words(_units.ureg.Unit(name), plural=False) for name in denominator]
        return " ".join([top, *(f"per {bottom}" for bottom in bottoms)]).strip()
    return _words(unit, plural)


def noun_words(unit: Unit) -> str:
    """The unit as a plural noun after "of": ``farms``, ``RMB``, ``tonnes``, ``percent``, ``years``.

    Where a unit has a plural name, it is used rather than its symbol: "thousands of
    tonnes", not "thousands of t".

    Examples:
        >>> from esgclaims import ureg
        >>> noun_words(ureg.Unit("t")), noun_words(ureg.Unit("percent")), noun_words(ureg.Unit("km"))
        ('tonnes', 'percent', 'kilometers')
    """
    if unit == _units.PERCENT:
        return "percent"
    powers = _powers(unit)
    if len(powers) == 1 and _units.currency_of(unit) is None and _units.count_kind_of(unit) is None:
        ((name, power),) = powers.items()
        aliases = _units.aliases_of(name)
        plurals = [a for a in aliases if a in (f"{name}s", f"{name}es")]
        if power == 1 and plurals:
            return plurals[0].replace("_", " ")
    return unit_words(unit)


def currency_first(unit: Unit) -> tuple[str, str] | None:
    """For a unit read with its currency first, the currency and the rest: ``("RMB", "per household")``.

    Examples:
        >>> from esgclaims import ureg
        >>> currency_first(ureg.Unit("CNY") / ureg.Unit("household")), currency_first(ureg.Unit("t"))
        (('RMB', 'per household'), None)
    """
    words = unit_words(unit)
    prefix, _, rest = words.partition(" ")
    if prefix in _currency_prefix().values() or prefix == _units.currency_of(unit):
        return prefix, rest
    return None


#: How each unit reads in :func:`format_quantity`, worked out once: a unit's currency, counted kind and
#: names never change, and a program meets few units. Keyed by the shared unit objects of ``unit_of``.
_READINGS: dict[Unit, tuple[tuple[str, str] | None, str, str]] = {}


def _reading(unit: Unit) -> tuple[tuple[str, str] | None, str, str]:
    """:func:`currency_first` of a unit of :data:`~esgclaims.ureg`, and its :func:`unit_words` for one and for many."""
    reading = _READINGS.get(unit)
    if reading is None:
        reading = _READINGS[unit] = (currency_first(unit), unit_words(unit, plural=False), unit_words(unit))
    return reading


@exact
def format_quantity(value: Quantity) -> str:
    """A quantity as a person writes it; a negative one with a minus sign before the currency.

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
        >>> format_quantity(quantity("-200300000", "CNY"))
        '−RMB 200,300,000'
        >>> format_quantity(quantity("19.77", "million*CNY"))
        'RMB 19,770,000'
    """
    check_argument(
        value, _units.ureg.Quantity, where="format_quantity(): value", what="a quantity (esgclaims.quantity)"
    )
    value = unscaled(value)
    magnitude = value.magnitude if isinstance(value.magnitude, Decimal) else Decimal(str(value.magnitude))
    sign = MINUS if magnitude < 0 else ""
    magnitude = abs(magnitude)
    number = format_number(magnitude)
    currency, one, many = _reading(_units.unit_of(value))
    if currency is not None:
        return " ".join(filter(None, [f"{sign}{currency[0]}", number, currency[1]]))
    words = many if magnitude != 1 else one
    if not words:
        return f"{sign}{number}"
    if words == "%":
        return f"{sign}{number}%"
    return f"{sign}{number} {words}"


@exact
def html(obj: object) -> str:
    """The HTML a notebook shows for ``obj``: the one way from a model up to the display layer.

    Every ``_repr_html_`` returns ``html(self)``. The display layer sits above the
    models, so it is imported here, on the first display, and picks the table by the
    object's type (:func:`esgclaims._display.html`), as pint's models reach one
    formatter instead of each class importing its own renderer.

    Examples:
        >>> import esgclaims
        >>> claims = esgclaims.load_dataset("jd-2020")
        >>> html(claims) == claims._repr_html_()
        True
        >>> html(claims).startswith("<style>")
        True
    """
    from esgclaims import _display  # noqa: PLC0415 - a higher layer, imported at call time: import time is a target

    return _display.html(obj)


#: [10^e, 10^(e+1)) as words, for each e that :func:`esgclaims.parse_value` reads back.
_POWERS_OF_TEN = {
    1: "tens",
    2: "hundreds",
    3: "thousands",
    4: "tens of thousands",
    5: "hundreds of thousands",
    6: "millions",
    7: "tens of millions",
    8: "hundreds of millions",
    9: "billions",
    10: "tens of billions",
    11: "hundreds of billions",
}
#: The scale after "several" or "a few": "several thousand" is [3,000, 10,000), "a few million" [2 million, 10 million).
_SCALE_NAMES = {0: "", 2: "hundred", 3: "thousand", 6: "million", 9: "billion"}
#: The scale after "dozens of": "dozens of thousands" is [24,000, 144,000).
_PLURAL_SCALE_NAMES = {0: "", 3: "thousands", 6: "millions", 9: "billions"}


def _power(exponent: int) -> Decimal:
    return Decimal(1).scaleb(exponent)


@exact
def _magnitude_phrase(low: Decimal, high: Decimal) -> tuple[str, bool] | None:
    """The words for [low, high) and whether "of" joins them to a noun: ("tens of thousands", True).

    ``None`` when the interval is none that a report words as an order of magnitude.
    """
    if low <= 0:
        return None
    exponent = low.adjusted()
    if low == _power(exponent) and high == low * 10 and exponent in _POWERS_OF_TEN:
        return _POWERS_OF_TEN[exponent], True
    below = high.adjusted() - 1
    if high == _power(below + 1) and below in _SCALE_NAMES:
        for multiple, words in ((3, "several"), (2, "a few")):
            if low == multiple * _power(below):
                return " ".join(filter(None, (words, _SCALE_NAMES[below]))), False
    for scale, name in _PLURAL_SCALE_NAMES.items():
        if low == 24 * _power(scale) and high == 144 * _power(scale):
            return " of ".join(filter(None, ("dozens", name))), True
    return None


def magnitude_words(low: Quantity, high: Quantity) -> str | None:
    """The value in words, "tens of thousands of farms" or "RMB hundreds of millions"; ``None`` if none fit.

    A currency comes first, as in "RMB 200,000,000"; a unit with a plural name is
    written out: "thousands of tonnes", not "thousands of t".
    """
    low, high = unscaled(low), unscaled(high)
    found = _magnitude_phrase(low.magnitude, high.magnitude)
    if found is None:
        return None
    phrase, joined = found
    currency = currency_first(low.units)
    if currency is not None:
        return " ".join(filter(None, (currency[0], phrase, currency[1])))
    noun = noun_words(low.units)
    if not noun:
        return phrase
    return f"{phrase} of {noun}" if joined else f"{phrase} {noun}"
