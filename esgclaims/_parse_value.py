"""Reading the figures reports write into :class:`ReportedValue` objects."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from ._errors import EsgClaimsError, ValueParseError
from ._nouns import COUNT_NOUNS, PER_NOUNS, SINGULAR_NOUNS, chinese_unit
from ._units import count_kind_of, parse_unit, to_decimal
from ._values import DEFAULT_TOLERANCE, Qualifier, ReportedValue

__all__ = ["CHINESE_SHARE", "COUNT_NOUNS", "QUALIFIER_PHRASES", "parse_value"]

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

_SCALES = {
    "hundred": Decimal(10**2),
    "thousand": Decimal(10**3),
    "k": Decimal(10**3),
    "million": Decimal(10**6),
    "mn": Decimal(10**6),
    "m": Decimal(10**6),
    "billion": Decimal(10**9),
    "bn": Decimal(10**9),
    "trillion": Decimal(10**12),
    "thousands": Decimal(10**3),
    "millions": Decimal(10**6),
    "billions": Decimal(10**9),
    "千": Decimal(10**3),
    "万": Decimal(10**4),
    "十万": Decimal(10**5),
    "百万": Decimal(10**6),
    "千万": Decimal(10**7),
    "亿": Decimal(10**8),
    "万亿": Decimal(10**12),
}
_WORD_NUMBERS = {
    word: Decimal(n)
    for n, word in enumerate(
        (
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        )
    )
} | {
    "a": Decimal(1),
    "an": Decimal(1),
    "thirty": Decimal(30),
    "forty": Decimal(40),
    "fifty": Decimal(50),
    "sixty": Decimal(60),
    "seventy": Decimal(70),
    "eighty": Decimal(80),
    "ninety": Decimal(90),
    "a dozen": Decimal(12),
}

# (phrase, low multiple, high multiple) of the scale that follows, or of 1.
_MAGNITUDES = [
    ("tens of", Decimal(10), Decimal(100)),
    ("hundreds of", Decimal(100), Decimal(1000)),
    ("dozens of", Decimal(24), Decimal(144)),
    ("several", Decimal(3), Decimal(10)),
    ("a few", Decimal(2), Decimal(10)),
]
_BARE_MAGNITUDES = {
    "thousands": Decimal(10**3),
    "millions": Decimal(10**6),
    "billions": Decimal(10**9),
    "hundreds": Decimal(100),
    "tens": Decimal(10),
}

_CURRENCY_PREFIXES = {
    "rmb": "CNY",
    "cny": "CNY",
    "hk$": "HKD",
    "hkd": "HKD",
    "us$": "USD",
    "usd": "USD",
    "eur": "EUR",
    "€": "EUR",
    "gbp": "GBP",
    "£": "GBP",
    "jpy": "JPY",
    "人民币": "CNY",
}
_CURRENCY_SUFFIXES = {
    "yuan": "CNY",
    "rmb": "CNY",
    "元": "CNY",
    "cny": "CNY",
    "renminbi": "CNY",
    "hong kong dollars": "HKD",
    "hkd": "HKD",
    "us dollars": "USD",
    "usd": "USD",
    "euros": "EUR",
    "eur": "EUR",
    "pounds": "GBP",
    "gbp": "GBP",
    "yen": "JPY",
    "jpy": "JPY",
    "港元": "HKD",
    "美元": "USD",
}
_AMBIGUOUS_SYMBOLS = {
    "$": "US$, HK$ or another dollar; write US$, HK$ or the ISO code",
    "¥": "RMB or yen; write RMB or JPY",
    "￥": "RMB or yen; write RMB or JPY",
    "dollars": "US dollars, Hong Kong dollars or another dollar; write US$, HK$ or the ISO code",
}

_NO_SCALE = "\x00"
_NUMBER = r"\d[\d,]*(?:\.\d+)?|\.\d+"
_PERCENT = r"^(%|percent\b|per cent\b|pct\b)"  # compiled on first use, like every pattern here
_SCALE_WORDS = sorted(_SCALES, key=len, reverse=True)
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


def _strip_prefix(text: str, options: dict[str, str] | list[tuple[str, Qualifier]]) -> tuple[str, str | None]:
    items = options.items() if isinstance(options, dict) else options
    lowered = text.lower()
    for phrase, _ in sorted(items, key=lambda item: len(item[0]), reverse=True):
        follows = lowered[len(phrase) : len(phrase) + 1]
        if lowered.startswith(phrase) and (not phrase[-1].isalpha() or not phrase.isascii() or not follows.isalpha()):
            return text[len(phrase) :].strip(), phrase
    return text, None


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
        raise ValueParseError(f"expected a string, got {type(text).__name__}")
    try:
        return _parse(text, tolerance)
    except ValueParseError:
        raise
    except EsgClaimsError as error:
        raise ValueParseError(f"cannot read {text.strip()!r}: {error}") from None


def _parse(original: str, tolerance: Decimal | str | None) -> ReportedValue:
    text = re.sub(r"\s+", " ", original.strip().rstrip(".;,"))
    if not text:
        raise ValueParseError("empty value")
    qualifier: Qualifier = Qualifier.EXACT
    text, phrase = _strip_prefix(text, _QUALIFIERS)
    if phrase is not None:
        qualifier = dict(_QUALIFIERS)[phrase]
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


_CHINESE_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
#: A share in tenths ("四成", four tenths) or a half ("半"), after its qualifier was stripped.
#: Not when a word goes on: "成本" (cost), "成为" (become), "一成不变", "半年" (half a year).
CHINESE_SHARE = r"(?:[一二两三四五六七八九]成|半数?)(?![本为功果员熟立长效就交绩品型不年月天日岛径导])"


def _chinese_share(text: str, qualifier: Qualifier) -> tuple[Qualifier, str] | None:
    """ "超过四成" is more than 40%, "近三成" about 30%, "逾半" and "过半" more than 50%: read as percent."""  # noqa: D210
    if text.startswith("过半"):  # "过" alone is no qualifier ("过去"): only before "半"
        if qualifier is not Qualifier.EXACT:
            return None
        qualifier, text = Qualifier.MORE_THAN, text[1:]
    match = re.match(rf"^(?:{CHINESE_SHARE})", text)
    if match is None:
        return None
    tenths = _CHINESE_DIGITS.get(match.group()[0])
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
    if re.match("^[-\u2212]\\s*\\d", text):
        raise ValueParseError(f"cannot read {quoted}: a reported figure cannot be negative")
    low_multiple, high_multiple, text = _magnitude_phrase(text)
    if low_multiple is not None:
        assert high_multiple is not None  # noqa: S101 - set together
        if qualifier is not Qualifier.EXACT:
            raise ValueParseError(f"cannot read {quoted}: two qualifiers ({qualifier.value} and an order of magnitude)")
        scale, _, text = _scale(text, currency is not None)
        return _Figure(Qualifier.ORDER_OF_MAGNITUDE, low_multiple * scale, high_multiple * scale, None, currency, text)

    amount, precision, text = _number(text, original)
    scale, scaled, text = _scale(text, currency is not None)
    upper: Decimal | None = None
    percent = re.match(r"^%\s*", text)  # "80%-90%", "between 80% and 90%"
    second = _second_figure(text[percent.end() :] if percent else text, original, currency, between)
    if second is not None and percent and not second[-1].startswith("%"):
        second = (*second[:-1], "%" + second[-1])
    if second is not None:
        if qualifier is not Qualifier.EXACT:
            raise ValueParseError(f"cannot read {quoted}: a range cannot also be {qualifier.value}")
        qualifier = Qualifier.RANGE
        upper_amount, upper_scale, upper_scaled, upper_currency, text = second
        currency = currency or upper_currency
        # "1-2 billion": the scale word belongs to both figures; but in "200,000 to 1.5
        # million" the first figure is whole already (shared, the range would run backwards).
        if not scaled and upper_scaled and amount < upper_amount:
            scale = upper_scale
        upper = upper_amount * upper_scale
    elif between:
        raise ValueParseError(f"cannot read {quoted}: 'between' needs two figures joined by 'and'")
    return _Figure(qualifier, amount * scale, upper, None if precision is None else precision * scale, currency, text)


def _unit(figure: _Figure, original: str) -> tuple[Qualifier, str]:
    """The unit after the figure (a currency, a unit or a counted noun), and a trailing qualifier."""
    suffix_currency, text = _currency_suffix(figure.rest, original)
    currency = figure.currency
    if currency and suffix_currency and currency != suffix_currency:
        raise ValueParseError(
            f"cannot read {original.strip()!r}: {currency} before the figure, {suffix_currency} after"
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
        substance = re.match(r"^of\s+(?:[a-z][a-z-]*\s+){1,2}?(?=per\s+[a-z]+\s+of\s+[a-z])", text, re.IGNORECASE)
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
    stray = re.search(r"(?<![A-Za-z\d])(?<![A-Za-z]-)\d[\d,.]*", text)
    if stray:
        raise ValueParseError(f"cannot read {original.strip()!r}: a second figure {stray.group()!r} follows the first")


def _second_figure(
    text: str, original: str, currency: str | None, between: bool
) -> tuple[Decimal, Decimal, bool, str | None, str] | None:
    """The high end of a range: "- 2 billion", "to RMB 2 billion", "and 200" (after "between")."""
    joiner = re.match("^(?:-|\u2013|\u2014|~|至|to\\b|and\\b)\\s*", text, re.IGNORECASE)
    if joiner is None or (joiner.group().strip().lower() == "and" and not between):
        return None
    rest = text[joiner.end() :]
    upper_currency, rest = _currency_prefix(rest, original)
    if currency and upper_currency and currency != upper_currency:
        raise ValueParseError(f"cannot read {original.strip()!r}: a range from {currency} to {upper_currency}")
    if not re.match(rf"^(?:{_NUMBER})", rest) and not _word_number(rest):
        return None
    amount, _, rest = _number(rest, original)
    scale, scaled, rest = _scale(rest, (currency or upper_currency) is not None)
    return amount, scale, scaled, upper_currency, rest


def _suffix_qualifier(text: str, qualifier: Qualifier, original: str) -> tuple[Qualifier, str]:
    """A qualifier after the figure or the noun: "or more", "+", "余"."""
    rest, suffix = _strip_prefix(text, {k: k for k in _SUFFIX_QUALIFIERS})
    if suffix is None:
        return qualifier, text
    if qualifier is not Qualifier.EXACT:
        raise ValueParseError(f"cannot read {original.strip()!r}: two qualifiers ({qualifier.value} and {suffix!r})")
    return _SUFFIX_QUALIFIERS[suffix], rest


def _per(text: str, original: str) -> tuple[str | None, str]:
    """The counted kind or unit after "per" or "/": RMB per household."""
    match = re.match(r"^(?:per\b|/)\s*([^\s/]+)", text, re.IGNORECASE)
    if match is None:
        return None, text
    word = match.group(1)
    registered = _registered_kind(word)
    if registered is not None and registered != PER_NOUNS.get(word.lower()):
        return registered, text[match.end() :].strip()  # "per customer", once a user registers "customer"
    if word.lower() in PER_NOUNS:
        return PER_NOUNS[word.lower()], text[match.end() :].strip()
    try:
        parse_unit(word)
    except EsgClaimsError:
        raise ValueParseError(
            f"cannot read {original.strip()!r}: {word!r} after 'per' names no unit or counted noun"
        ) from None
    return word, text[match.end() :].strip()


def _currency_prefix(text: str, original: str) -> tuple[str | None, str]:
    rest, phrase = _strip_prefix(text, _CURRENCY_PREFIXES)
    if phrase is not None:
        return _CURRENCY_PREFIXES[phrase], rest
    for symbol, meaning in _AMBIGUOUS_SYMBOLS.items():
        if text.startswith(symbol):
            raise ValueParseError(f"cannot read {original.strip()!r}: {symbol!r} could be {meaning}")
    return None, text


def _currency_suffix(text: str, original: str) -> tuple[str | None, str]:
    rest, phrase = _strip_prefix(text, _CURRENCY_SUFFIXES | _CURRENCY_PREFIXES)
    if phrase is not None:
        return (_CURRENCY_SUFFIXES | _CURRENCY_PREFIXES)[phrase], rest
    for symbol, meaning in _AMBIGUOUS_SYMBOLS.items():
        if text.lower().startswith(symbol):
            raise ValueParseError(f"cannot read {original.strip()!r}: {symbol!r} could be {meaning}")
    return None, text


def _magnitude_phrase(text: str) -> tuple[Decimal | None, Decimal | None, str]:
    lowered = text.lower()
    for phrase, low, high in _MAGNITUDES:
        if lowered.startswith(phrase + " "):
            return low, high, text[len(phrase) :].strip()
    for word, scale in _BARE_MAGNITUDES.items():
        if re.match(rf"^{word}\b", lowered):
            # "thousands of farms": the word is the magnitude; no scale word follows.
            return scale, scale * 10, _NO_SCALE + " " + text[len(word) :].strip()
    return None, None, text


def _word_number(text: str) -> tuple[str, Decimal] | None:
    for word, number in sorted(_WORD_NUMBERS.items(), key=lambda item: len(item[0]), reverse=True):
        if re.match(rf"^{word}\b", text, re.IGNORECASE):
            return word, number
    return None


def _number(text: str, original: str) -> tuple[Decimal, Decimal | None, str]:
    if re.match(r"^\d{1,3}(?: \d{3})+\b", text):
        raise ValueParseError(f"cannot read {original.strip()!r}: digits grouped by spaces; group them by commas")
    match = re.match(rf"^({_NUMBER})", text)
    if match:
        digits = match.group(1)
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        return to_decimal(digits), Decimal(1).scaleb(-decimals), text[match.end() :].strip()
    word = _word_number(text)
    if word is not None:
        return word[1], Decimal(1), text[len(word[0]) :].strip()
    raise ValueParseError(f"cannot read {original.strip()!r}: no figure found")


def _scale_word(text: str, has_currency: bool) -> str | None:
    lowered = text.lower()
    if chinese_unit(text) is not None:
        return None  # "千瓦时" is kWh and "千克" kg: the 千 of a unit's name is no scale ("3.1亿千瓦时")
    for word in _SCALE_WORDS:
        if word == "m" and not has_currency:
            continue
        if lowered.startswith(word) and (not word.isascii() or not lowered[len(word) : len(word) + 1].isalnum()):
            return word
    return None


def _scale(text: str, has_currency: bool) -> tuple[Decimal, bool, str]:
    """The scale words after a figure, multiplied: "hundred thousand" is 100000."""
    if text.startswith(_NO_SCALE):
        return Decimal(1), False, text[len(_NO_SCALE) :].strip()
    scale, scaled = Decimal(1), False
    while (word := _scale_word(text, has_currency)) is not None:
        scale, scaled, text = scale * _SCALES[word], True, text[len(word) :].strip()
    if scaled and text.lower().startswith("of "):
        text = text[3:]
    return scale, scaled, text


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


def _power_unit(text: str, original: str) -> tuple[str, str] | None:
    """A squared or cubed unit at the start of ``text``: "cubic meters" is m3, not meter."""
    for pattern, unit in _POWER_UNITS:
        match = re.match(pattern, text, re.IGNORECASE)
        if match:
            return unit, text[match.end() :].strip()
    unknown = re.match(_UNKNOWN_POWER, text, re.IGNORECASE)
    if unknown:
        raise ValueParseError(
            f"cannot read {original.strip()!r}: {unknown.group()!r} is not in the unit registry "
            "(it knows m2, km2, hectares, acres, m3, liters, cubic feet and gallons)"
        )
    return None


def _registered_kind(word: str) -> str | None:
    """The count kind ``word`` names in the unit registry ("households", or a kind a user registered), if any."""
    if not word[:1].isalpha() or not word.isascii():
        return None
    try:
        return count_kind_of(parse_unit(word))
    except EsgClaimsError:
        return None


def _noun_unit(text: str, original: str, *, many: bool = True) -> tuple[str, str]:
    """The unit or counted kind a figure is followed by, and the text after it.

    After a figure other than one, a singular noun before another word is a modifier:
    "300 village e-commerce operators" do not count villages.
    """
    text = text.strip()
    if not text:
        return "dimensionless", text
    percent = re.match(_PERCENT, text.lower())
    if percent:
        return "percent", text[percent.end() :].strip()
    emissions = re.match(_EMISSIONS, text)
    if emissions:
        return _EMISSION_UNITS[emissions.group(1).lower()], text[emissions.end() :].strip()
    power = _power_unit(text, original)
    if power is not None:
        return power
    words = list(re.finditer(r"[A-Za-z0-9_%]+|[^\sA-Za-z0-9_%]+", text))
    if words and words[0].group().lower() == "of":
        words = words[1:]
    for position, match in enumerate(words[:6]):
        word = match.group()
        registered = _registered_kind(word)
        if registered is not None and registered != COUNT_NOUNS.get(word.lower()):
            # a registered kind counts what its own noun names: "customers" once a user registers "customer"
            following = words[position + 1].group() if position + 1 < len(words) else ""
            # "41 million customer transactions", "200 bus drivers": a singular before a counted noun modifies it
            counted = _registered_kind(following) or COUNT_NOUNS.get(following.lower())
            if many and registered == word.lower() and counted not in (None, registered):
                continue
            return registered, text[match.end() :].strip()
        if word.lower() in COUNT_NOUNS:
            modifier = position + 1 < len(words) and words[position + 1].group()[0].isalpha()
            if many and modifier and word.lower() in SINGULAR_NOUNS:
                continue
            return COUNT_NOUNS[word.lower()], text[match.end() :].strip()
        try:
            unit = parse_unit(word)
        except EsgClaimsError:
            continue
        # "36,000 volunteer hours": a unit written out in full may follow one modifier
        if position == 0 or count_kind_of(unit) is not None or (position == 1 and len(word) > 3):
            return word, text[match.end() :].strip()
    for noun, kind in COUNT_NOUNS.items():  # Chinese measure words follow the figure directly
        if not noun.isascii() and text.startswith(noun):
            return kind, text[len(noun) :].strip()
    chinese = chinese_unit(text)
    if chinese is not None:
        return chinese[0], text[chinese[1] :].strip()
    raise ValueParseError(
        f"cannot tell what {original.strip()!r} counts: {text!r} names no unit or counted noun; "
        "register one with esgclaims.register_count_kind"
    )
