"""Reading the figures reports write into :class:`ReportedValue` objects."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, NamedTuple

from ._decimal import exact
from ._errors import ArgumentTypeError, EsgClaimsError, ValueParseError
from ._lazy import compiled as rx
from ._lexicon import lexicon
from ._nouns import COUNT_NOUNS, PER_NOUNS, SINGULAR_NOUNS, chinese_unit, proposed_kind
from ._numbers import NUMBER, by_first_character, chinese_share, magnitude_phrase, read_number, read_scale, word_number
from ._units import count_kind_of, find_unit, to_decimal
from ._values import DEFAULT_TOLERANCE, Qualifier, ReportedValue

if TYPE_CHECKING:
    from collections.abc import Iterable
    from decimal import Decimal

    from ._units import Unit

__all__ = ["COUNT_NOUNS", "QUALIFIER_PHRASES", "parse_value"]

# Longest phrases first where one is a prefix of another.
_QUALIFIERS: list[tuple[str, Qualifier]] = [
    (phrase, qualifier)
    for qualifier, phrases in [
        (Qualifier.APPROXIMATELY, "approximately|approx.|around|about|nearly|almost|close to|roughly|some|~|约|近"),
        (Qualifier.MORE_THAN, "more than|over|exceeded|exceeding|exceeds|in excess of|above|upwards of|超过|逾"),
        (Qualifier.AT_LEAST, "at least|at or above|no less than|not less than|no fewer than|a minimum of|minimum of"),
        (Qualifier.LESS_THAN, "less than|fewer than|under|below"),
        (Qualifier.AT_MOST, "at most|at or below|up to|no more than|not more than|a maximum of|maximum of"),
    ]
    for phrase in phrases.split("|")
]
_QUALIFIERS.sort(key=lambda item: len(item[0]), reverse=True)
#: The words of a qualifier before a figure, longest first: "no more than", "over", "约".
QUALIFIER_PHRASES = tuple(phrase for phrase, _ in _QUALIFIERS)

_SUFFIX_QUALIFIERS = {
    "or more": Qualifier.AT_LEAST,
    "and above": Qualifier.AT_LEAST,
    "+": Qualifier.AT_LEAST,
    "or less": Qualifier.AT_MOST,
    "余": Qualifier.MORE_THAN,
    "多": Qualifier.MORE_THAN,
    "以上": Qualifier.AT_LEAST,
    "以下": Qualifier.AT_MOST,
}

_PERCENT = r"^(%|percent\b|per cent\b|pct\b)"  # compiled on first use, like every pattern here
_EMISSION_UNITS = {
    "t": "tCO2e",
    "tonne": "tCO2e",
    "tonnes": "tCO2e",
    "metric ton": "tCO2e",
    "metric tons": "tCO2e",
    "kg": "kgCO2e",
    "kilograms": "kgCO2e",
    "kt": "ktCO2e",
    "mt": "MtCO2e",
}
#: "5 tonnes of CO2e": the mass of a gas is not a mass here, it is emissions.
_EMISSIONS = (
    r"(?i)(metric tons?|tonnes?|kilograms|kg|kt|mt|t)\s+(?:of\s+)?"
    r"(?:co2e|co2-eq|co2 equivalents?|carbon dioxide equivalents?)\b"
)


_QUALIFIER_OF = dict(_QUALIFIERS)
#: The phrases a text is stripped of, by first character (:func:`by_first_character`), built once.
_QUALIFIER_INDEX = by_first_character(QUALIFIER_PHRASES)
_SUFFIX_INDEX = by_first_character(_SUFFIX_QUALIFIERS)


def _strip_prefix(text: str, phrases: dict[str, tuple[str, ...]]) -> tuple[str, str | None]:
    """The text after the first of ``phrases`` (longest first) it starts with as a whole word, and that phrase."""
    lowered = text.lower()
    for phrase in phrases.get(lowered[:1], ()):
        if lowered.startswith(phrase):
            follows = lowered[len(phrase) : len(phrase) + 1]
            if not phrase[-1].isalpha() or not phrase.isascii() or not follows.isalpha():
                return text[len(phrase) :].strip(), phrase
    return text, None


@exact
def parse_value(text: str, *, tolerance: Decimal | str | None = None) -> ReportedValue:
    """Read a figure as a report writes it.

    The qualifier ("more than", "around", "tens of thousands"), the currency or
    counted noun, and the precision of the digits are all kept.

    Args:
        text: The figure, e.g. ``"more than 3 million local commodities"``.
        tolerance: The relative half-width for "approximately"; default
            :data:`esgclaims.DEFAULT_TOLERANCE` (0.1).

    Examples:
        >>> parse_value("RMB 100 billion yuan")
        ReportedValue('RMB 100,000,000,000')
        >>> v = parse_value("19.77 million")
        >>> v.reported.magnitude, v.precision
        (Decimal('19770000'), Decimal('10000'))
        >>> parse_value("more than 80%").interval
        Interval('(80%, 100%]')
        >>> parse_value("tens of thousands of farms").interval
        Interval('[10,000 farms, 100,000 farms)')
        >>> parse_value("HK$2.4 billion")
        ReportedValue('HK$ 2,400,000,000')
        >>> parse_value("3亿元")
        ReportedValue('RMB 300,000,000')
    """
    if not isinstance(text, str):
        raise ArgumentTypeError(f"parse_value(text): expected a string, got {type(text).__name__}")
    try:
        return _parse(text, tolerance)
    except ValueParseError:
        raise
    except EsgClaimsError as error:
        raise ValueParseError(
            f"cannot read {text.strip()!r}: {error}", text=text.strip(), hint=getattr(error, "hint", None)
        ) from None


def _parse(original: str, tolerance: Decimal | str | None) -> ReportedValue:
    text = rx(r"\s+").sub(" ", original.strip().rstrip(".;,"))
    if not text:
        raise ValueParseError("empty value", text=original.strip(), hint="a figure, e.g. '19.77 million tonnes'")
    qualifier: Qualifier = Qualifier.EXACT
    text, phrase = _strip_prefix(text, _QUALIFIER_INDEX)
    if phrase is not None:
        qualifier = _QUALIFIER_OF[phrase]
    share = _chinese_share(text, qualifier)
    if share is not None:
        qualifier, text = share
    between = text.lower().startswith("between ")
    if between:
        text = text[len("between ") :]
    figure = _figures(text, original, qualifier, between)
    qualifier, unit = _unit(figure, original)
    if qualifier is Qualifier.APPROXIMATELY:
        chosen_tolerance = DEFAULT_TOLERANCE if tolerance is None else to_decimal(tolerance)
        return ReportedValue.of(figure.amount, unit, qualifier, precision=figure.precision, tolerance=chosen_tolerance)
    return ReportedValue.of(figure.amount, unit, qualifier, upper=figure.upper, precision=figure.precision)


def _chinese_share(text: str, qualifier: Qualifier) -> tuple[Qualifier, str] | None:
    """ "超过四成" is more than 40%, "近三成" about 30%, "逾半" and "过半" more than 50%: read as percent."""  # noqa: D210
    if text.startswith("过半"):  # "过" alone is no qualifier ("过去"): only before "半"
        if qualifier is not Qualifier.EXACT:
            return None
        qualifier, text = Qualifier.MORE_THAN, text[1:]
    match = rx(rf"^(?:{chinese_share()})").match(text)
    if match is None:
        return None
    tenths = lexicon().zh_digits.get(match.group()[0])
    return qualifier, f"{50 if tenths is None else tenths * 10}%{text[match.end() :]}"


class _Figure(NamedTuple):
    """What :func:`_figures` read: the amounts, scaled, and the text after them."""

    qualifier: Qualifier
    amount: Decimal
    upper: Decimal | None
    precision: Decimal | None
    currency: str | None
    rest: str


def _figures(text: str, original: str, qualifier: Qualifier, between: bool) -> _Figure:
    """The figure or range, with its scale words and any currency before it."""
    quoted = repr(original.strip())
    currency, text = _currency_prefix(text, original)
    if rx("^[-\u2212]\\s*\\d").match(text):
        raise ValueParseError(
            f"cannot read {quoted}: a reported figure cannot be negative",
            text=original.strip(),
            hint="write the figure without a minus sign",
        )
    low_multiple, high_multiple, text = magnitude_phrase(text)
    if low_multiple is not None:
        assert high_multiple is not None  # noqa: S101 - set together
        if qualifier is not Qualifier.EXACT:
            raise ValueParseError(
                f"cannot read {quoted}: two qualifiers ({qualifier.value} and an order of magnitude)",
                text=original.strip(),
                hint="keep one qualifier, e.g. 'tens of thousands of farms'",
            )
        scale, _, text = read_scale(text, currency is not None, original)
        return _Figure(Qualifier.ORDER_OF_MAGNITUDE, low_multiple * scale, high_multiple * scale, None, currency, text)

    amount, precision, text = read_number(text, original)
    scale, scaled, text = read_scale(text, currency is not None, original)
    upper: Decimal | None = None
    percent = rx(r"^%\s*").match(text)  # "80%-90%", "between 80% and 90%"
    second = _second_figure(text[percent.end() :] if percent else text, original, currency, between)
    if second is not None and percent and not second[-1].startswith("%"):
        second = (*second[:-1], "%" + second[-1])
    if second is not None:
        if qualifier is not Qualifier.EXACT:
            raise ValueParseError(
                f"cannot read {quoted}: a range cannot also be {qualifier.value}",
                text=original.strip(),
                hint="drop the qualifier, e.g. '1 to 2 million tonnes'",
            )
        qualifier = Qualifier.RANGE
        upper_amount, upper_scale, upper_scaled, upper_currency, text = second
        currency = currency or upper_currency
        # "1-2 billion": the scale word belongs to both figures; but in "200,000 to 1.5
        # million" the first figure is whole already (shared, the range would run backwards).
        if not scaled and upper_scaled and amount < upper_amount:
            scale = upper_scale
        upper = upper_amount * upper_scale
    elif between:
        raise ValueParseError(
            f"cannot read {quoted}: 'between' needs two figures joined by 'and'",
            text=original.strip(),
            hint="two figures joined by 'and', e.g. 'between 1 and 2 million tonnes'",
        )
    return _Figure(qualifier, amount * scale, upper, None if precision is None else precision * scale, currency, text)


def _unit(figure: _Figure, original: str) -> tuple[Qualifier, str]:
    """The unit after the figure (a currency, a unit or a counted noun), and a trailing qualifier."""
    suffix_currency, text = _currency_suffix(figure.rest, original)
    currency = figure.currency
    if currency and suffix_currency and currency != suffix_currency:
        raise ValueParseError(
            f"cannot read {original.strip()!r}: {currency} before the figure, {suffix_currency} after",
            text=original.strip(),
            hint="write one currency, once: before or after the figure",
        )
    currency = currency or suffix_currency
    qualifier, text = _suffix_qualifier(text, figure.qualifier, original)
    _no_second_figure(text, original)
    if currency is not None:
        unit = currency
    else:
        unit, text = _noun_unit(text, original, many=figure.amount != 1)
        # "1.71 liters of water per liter of beverage": a ratio of two measured things; what was
        # measured is no part of the unit ("2,900 GWh of electricity per year" stays GWh)
        substance = rx(r"^of\s+(?:[a-z][a-z-]*\s+){1,2}?(?=per\s+[a-z]+\s+of\s+[a-z])", re.IGNORECASE).match(text)
        if substance and unit not in COUNT_NOUNS.values():
            text = text[substance.end() :]
    per, text = _per(text, original)
    while per is not None:  # "liters per person per day"
        unit = f"{unit} / {per}"
        per, text = _per(text, original)
    qualifier, text = _suffix_qualifier(text, qualifier, original)
    _no_second_figure(text, original)
    return qualifier, unit


def _no_second_figure(text: str, original: str) -> None:
    # digits in a unit name (tCO2e, m3) are no figure, nor those of a name before the noun ("214 tier-1 factories")
    stray = rx(r"(?<![A-Za-z\d])(?<![A-Za-z]-)\d[\d,.]*").search(text)
    if stray:
        raise ValueParseError(
            f"cannot read {original.strip()!r}: a second figure {stray.group()!r} follows the first",
            text=original.strip(),
            hint="one figure per value; a range as e.g. '1 to 2 million tonnes'",
        )


def _second_figure(
    text: str, original: str, currency: str | None, between: bool
) -> tuple[Decimal, Decimal, bool, str | None, str] | None:
    """The high end of a range: "- 2 billion", "to RMB 2 billion", "and 200" (after "between")."""
    joiner = rx("^(?:-|\u2013|\u2014|~|至|to\\b|and\\b)\\s*", re.IGNORECASE).match(text)
    if joiner is None or (joiner.group().strip().lower() == "and" and not between):
        return None
    rest = text[joiner.end() :]
    upper_currency, rest = _currency_prefix(rest, original)
    if currency and upper_currency and currency != upper_currency:
        raise ValueParseError(
            f"cannot read {original.strip()!r}: a range from {currency} to {upper_currency}",
            text=original.strip(),
            hint="write both figures of a range in one currency",
        )
    if not rx(rf"^(?:{NUMBER})").match(rest) and not word_number(rest):
        return None
    amount, _, rest = read_number(rest, original)
    scale, scaled, rest = read_scale(rest, (currency or upper_currency) is not None, original)
    return amount, scale, scaled, upper_currency, rest


def _suffix_qualifier(text: str, qualifier: Qualifier, original: str) -> tuple[Qualifier, str]:
    """A qualifier after the figure or the noun: "or more", "+", "余"."""
    rest, suffix = _strip_prefix(text, _SUFFIX_INDEX)
    if suffix is None:
        return qualifier, text
    if qualifier is not Qualifier.EXACT:
        raise ValueParseError(
            f"cannot read {original.strip()!r}: two qualifiers ({qualifier.value} and {suffix!r})",
            text=original.strip(),
            hint="keep one qualifier",
        )
    return _SUFFIX_QUALIFIERS[suffix], rest


def _per(text: str, original: str) -> tuple[str | None, str]:
    """The counted kind or unit after "per" or "/": RMB per household."""
    match = rx(r"^(?:per\b|/)\s*([^\s/]+)", re.IGNORECASE).match(text)
    if match is None:
        return None, text
    word = match.group(1)
    unit = find_unit(word)
    registered = _registered_kind(word, unit)
    if registered is not None and registered != PER_NOUNS.get(word.lower()):
        return registered, text[match.end() :].strip()  # "per customer", once a user registers "customer"
    if word.lower() in PER_NOUNS:
        return PER_NOUNS[word.lower()], text[match.end() :].strip()
    if unit is None:
        raise ValueParseError(
            f"cannot read {original.strip()!r}: {word!r} after 'per' names no unit or counted noun",
            text=original.strip(),
            hint=f"register {word!r} with esgclaims.register_count_kind, or write a unit after 'per'",
        )
    return word, text[match.end() :].strip()


@functools.cache
def _currency_words() -> tuple[dict[str, str], dict[str, str]]:
    """The words of each currency, lower case, to its code: those before a figure, and all of them."""
    currencies = lexicon().currencies.values()
    before = {word.lower(): currency.code for currency in currencies for word in currency.before}
    after = {word.lower(): currency.code for currency in currencies for word in currency.after}
    return before, after | before


@functools.cache
def _currency_phrases() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """The keys of :func:`_currency_words`, each by first character (:func:`by_first_character`)."""
    before, every = _currency_words()
    return by_first_character(before), by_first_character(every)


def _currency_prefix(text: str, original: str) -> tuple[str | None, str]:
    prefixes = _currency_words()[0]
    rest, phrase = _strip_prefix(text, _currency_phrases()[0])
    if phrase is not None:
        return prefixes[phrase], rest
    for symbol, meaning in lexicon().ambiguous_currencies.items():
        if text.startswith(symbol):
            raise ValueParseError(
                f"cannot read {original.strip()!r}: {symbol!r} could be {meaning}",
                text=original.strip(),
                hint=meaning.rpartition("; ")[2],
            )
    return None, text


def _currency_suffix(text: str, original: str) -> tuple[str | None, str]:
    suffixes = _currency_words()[1]
    rest, phrase = _strip_prefix(text, _currency_phrases()[1])
    if phrase is not None:
        return suffixes[phrase], rest
    lowered = text.lower()
    for symbol, meaning in lexicon().ambiguous_currencies.items():
        if lowered.startswith(symbol):
            raise ValueParseError(
                f"cannot read {original.strip()!r}: {symbol!r} could be {meaning}",
                text=original.strip(),
                hint=meaning.rpartition("; ")[2],
            )
    return None, text


#: Units written in two words or with a superscript: "cubic meters", "m³". The second word alone
#: names another unit ("meters"), so these are read before the words one by one.
_POWER_UNITS = (
    (r"(?:cubic\s+(?:meters?|metres?)|m³|m\^3)(?![A-Za-z0-9])", "m3"),
    (r"(?:square\s+(?:meters?|metres?)|m²|m\^2|sq\.?\s*m)(?![A-Za-z0-9])", "m2"),
    (r"(?:square\s+(?:kilometers?|kilometres?)|km²|km\^2|sq\.?\s*km)(?![A-Za-z0-9])", "km2"),
    (r"(?:cubic\s+(?:feet|foot)|ft³|ft\^3|cu\.?\s*ft)(?![A-Za-z0-9])", "cubic_foot"),
    (r"short\s+tons?(?![A-Za-z0-9])", "short_ton"),
)
#: Powers of units the registry lacks: refused rather than read as the length alone.
_UNKNOWN_POWER = (
    r"(?:cubic|square|sq\.?)\s+(?:inch(?:es)?|yards?|miles?|kilometers?|kilometres?|centimeters?"
    r"|centimetres?|millimeters?|millimetres?)\b|(?:square|sq\.?)\s+(?:feet|foot|ft)\b|(?:in|yd|mi|km|cm|mm)[²³]|ft²"
)


#: The patterns above as one, each a group named after its unit, and the unknown powers last: one match
#: reads what trying them in turn read, as the first alternative that matches is the one taken.
_POWERS = "|".join([*(f"(?P<{unit}>{pattern})" for pattern, unit in _POWER_UNITS), f"(?P<unknown>{_UNKNOWN_POWER})"])


def _power_unit(text: str, original: str) -> tuple[str, str] | None:
    """A squared or cubed unit at the start of ``text``: "cubic meters" is m3, not meter."""
    match = rx(_POWERS, re.IGNORECASE).match(text)
    if match is None:
        return None
    if match.lastgroup == "unknown":
        raise ValueParseError(
            f"cannot read {original.strip()!r}: {match.group()!r} is not in the unit registry "
            "(it knows m2, km2, hectares, acres, m3, liters, cubic feet and gallons)",
            text=original.strip(),
            hint="one of m2, km2, hectares, acres, m3, liters, cubic feet or gallons",
        )
    return str(match.lastgroup), text[match.end() :].strip()


def _registered_kind(word: str, unit: Unit | None) -> str | None:
    """The count kind ``word`` names in the unit registry ("households", or a kind a user registered), if any.

    ``unit`` is :func:`find_unit` of ``word``: a probe, with no "did you mean" for a word that is
    no unit, made once for each word.
    """
    if unit is None or not word[:1].isalpha() or not word.isascii():
        return None
    return count_kind_of(unit)


_CHINESE_COUNT_NOUNS = tuple((noun, kind) for noun, kind in COUNT_NOUNS.items() if not noun.isascii())
"""The counted nouns written in Chinese ("名", "户"), in their order: the few of :data:`COUNT_NOUNS` to try
where no English word after a figure names what it counts."""


def _noun_unit(text: str, original: str, *, many: bool = True) -> tuple[str, str]:
    """The unit or counted kind a figure is followed by, and the text after it.

    After a figure other than one, a singular noun before another word is a modifier:
    "300 village e-commerce operators" do not count villages.
    """
    text = text.strip()
    if not text:
        return "dimensionless", text
    percent = rx(_PERCENT).match(text.lower())
    if percent:
        return "percent", text[percent.end() :].strip()
    emissions = rx(_EMISSIONS).match(text)
    if emissions:
        return _EMISSION_UNITS[emissions.group(1).lower()], text[emissions.end() :].strip()
    power = _power_unit(text, original)
    if power is not None:
        return power
    words = list(rx(r"[A-Za-z0-9_%]+|[^\sA-Za-z0-9_%]+").finditer(text))
    if words and words[0].group().lower() == "of":
        words = words[1:]
    for position, match in enumerate(words[:6]):
        word = match.group()
        unit = find_unit(word)
        registered = _registered_kind(word, unit)
        if registered is not None and registered != COUNT_NOUNS.get(word.lower()):
            # a registered kind counts what its own noun names: "customers" once a user registers "customer"
            following = words[position + 1].group() if position + 1 < len(words) else ""
            following_unit = find_unit(following)
            # "41 million customer transactions", "200 bus drivers": a singular before a counted noun modifies it
            counted = (
                _registered_kind(following, following_unit)
                or COUNT_NOUNS.get(following.lower())
                or proposed_kind(following)
            )
            # "36,000 volunteer hours" once "volunteer" is registered: a singular kind before a unit modifies it
            unit_after = len(following) > 3 and following_unit is not None
            if many and registered == word.lower() and (counted not in (None, registered) or unit_after):
                continue
            return registered, text[match.end() :].strip()
        if word.lower() in COUNT_NOUNS:
            modifier = position + 1 < len(words) and words[position + 1].group()[0].isalpha()
            if many and modifier and word.lower() in SINGULAR_NOUNS:
                continue
            return COUNT_NOUNS[word.lower()], text[match.end() :].strip()
        if unit is None:
            continue
        # "36,000 volunteer hours": a unit written out in full may follow one modifier
        if position == 0 or count_kind_of(unit) is not None or (position == 1 and len(word) > 3):
            return word, text[match.end() :].strip()
    for noun, kind in _CHINESE_COUNT_NOUNS:  # Chinese measure words follow the figure directly
        if text.startswith(noun):
            return kind, text[len(noun) :].strip()
    chinese = chinese_unit(text)
    if chinese is not None:
        return chinese[0], text[chinese[1] :].strip()
    call = _registration(word.group() for word in words[:6])
    raise ValueParseError(
        f"cannot tell what {original.strip()!r} counts: {text!r} names no unit or counted noun; "
        f"register one with esgclaims.register_count_kind{call}",
        text=original.strip(),
        hint=f"register the counted noun with esgclaims.register_count_kind{call}",
    )


def _registration(words: Iterable[str]) -> str:
    """The arguments of the ``register_count_kind`` call a counted noun needs: ``('teacher', 'teachers')``."""
    for word in words:
        kind = None if word.lower() in lexicon().unit_words else proposed_kind(word)  # "tons" is a unit
        if kind is not None:
            return f"({kind!r}, {word.lower()!r})"
    return ""
