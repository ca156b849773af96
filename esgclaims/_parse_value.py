"""Reading the figures reports write into :class:`ReportedValue` objects."""

from __future__ import annotations

import re
from decimal import Decimal

from ._errors import EsgClaimsError, ValueParseError
from ._units import count_kind_of, parse_unit, to_decimal
from ._values import DEFAULT_TOLERANCE, Qualifier, ReportedValue

__all__ = ["COUNT_NOUNS", "parse_value"]

# Longest phrases first where one is a prefix of another.
_QUALIFIERS: list[tuple[str, Qualifier]] = [
    (phrase, qualifier)
    for qualifier, phrases in [
        (Qualifier.APPROXIMATELY, "approximately|approx.|around|about|nearly|almost|close to|roughly|some|~|约|近"),
        (Qualifier.MORE_THAN, "more than|over|exceeded|exceeding|exceeds|in excess of|above|upwards of|超过|逾"),
        (Qualifier.AT_LEAST, "at least|no less than|not less than|no fewer than|a minimum of|minimum of"),
        (Qualifier.LESS_THAN, "less than|fewer than|under|below"),
        (Qualifier.AT_MOST, "at most|up to|no more than|not more than|a maximum of|maximum of"),
    ]
    for phrase in phrases.split("|")
]
_QUALIFIERS.sort(key=lambda item: len(item[0]), reverse=True)

_SUFFIX_QUALIFIERS = {"or more": Qualifier.AT_LEAST, "and above": Qualifier.AT_LEAST, "+": Qualifier.AT_LEAST,
                      "or less": Qualifier.AT_MOST, "余": Qualifier.MORE_THAN, "多": Qualifier.MORE_THAN}

_SCALES = {
    "thousand": Decimal(10**3), "k": Decimal(10**3), "million": Decimal(10**6), "mn": Decimal(10**6),
    "m": Decimal(10**6), "billion": Decimal(10**9), "bn": Decimal(10**9), "trillion": Decimal(10**12),
    "thousands": Decimal(10**3), "millions": Decimal(10**6), "billions": Decimal(10**9),
    "千": Decimal(10**3), "万": Decimal(10**4), "十万": Decimal(10**5), "百万": Decimal(10**6),
    "千万": Decimal(10**7), "亿": Decimal(10**8), "万亿": Decimal(10**12),
}
_WORD_NUMBERS = {
    word: Decimal(n)
    for n, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"a": Decimal(1), "an": Decimal(1), "thirty": Decimal(30), "forty": Decimal(40), "fifty": Decimal(50),
       "sixty": Decimal(60), "seventy": Decimal(70), "eighty": Decimal(80), "ninety": Decimal(90),
       "a hundred": Decimal(100), "one hundred": Decimal(100), "a dozen": Decimal(12)}

# (phrase, low multiple, high multiple) of the scale that follows, or of 1.
_MAGNITUDES = [
    ("tens of", Decimal(10), Decimal(100)),
    ("hundreds of", Decimal(100), Decimal(1000)),
    ("dozens of", Decimal(24), Decimal(144)),
    ("several", Decimal(3), Decimal(10)),
    ("a few", Decimal(2), Decimal(10)),
]
_BARE_MAGNITUDES = {"thousands": Decimal(10**3), "millions": Decimal(10**6), "billions": Decimal(10**9),
                    "hundreds": Decimal(100), "tens": Decimal(10)}

_CURRENCY_PREFIXES = {"rmb": "CNY", "cny": "CNY", "hk$": "HKD", "hkd": "HKD", "us$": "USD", "usd": "USD",
                      "eur": "EUR", "€": "EUR", "gbp": "GBP", "£": "GBP", "jpy": "JPY", "人民币": "CNY"}
_CURRENCY_SUFFIXES = {"yuan": "CNY", "rmb": "CNY", "元": "CNY", "cny": "CNY", "renminbi": "CNY",
                      "hong kong dollars": "HKD", "hkd": "HKD", "us dollars": "USD", "usd": "USD",
                      "euros": "EUR", "eur": "EUR", "pounds": "GBP", "gbp": "GBP", "yen": "JPY", "jpy": "JPY",
                      "港元": "HKD", "美元": "USD"}
_AMBIGUOUS_SYMBOLS = {"$": "US$, HK$ or another dollar", "¥": "RMB (CNY) or JPY", "￥": "RMB (CNY) or JPY",
                      "dollars": "US dollars, Hong Kong dollars or another dollar"}

#: Nouns reports count, and the count kind each one is a count of.
COUNT_NOUNS: dict[str, str] = {
    "household": "household", "households": "household", "families": "household", "family": "household",
    "county": "county", "counties": "county", "farm": "farm", "farms": "farm", "farmers": "person",
    "village": "village", "villages": "village", "city": "city", "cities": "city",
    "item": "item", "items": "item", "piece": "item", "pieces": "item", "commodities": "item",
    "commodity": "item", "products": "item", "product": "item", "specialties": "item", "goods": "item",
    "people": "person", "persons": "person", "person": "person", "participants": "person",
    "beneficiaries": "person", "residents": "person", "volunteers": "person", "students": "person",
    "employee": "employee", "employees": "employee", "staff": "employee", "workers": "employee",
    "户": "household", "个县": "county", "县": "county", "人": "person", "件": "item", "名员工": "employee",
}

_NO_SCALE = "\x00"
_NUMBER = r"\d[\d,]*(?:\.\d+)?|\.\d+"
_PERCENT = re.compile(r"^(%|percent\b|per cent\b|pct\b)")


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
    between = text.lower().startswith("between ")
    if between:
        text = text[len("between ") :]

    currency, text = _currency_prefix(text, original)
    low_multiple, high_multiple, text = _magnitude_phrase(text)
    if low_multiple is not None:
        if qualifier is not Qualifier.EXACT:
            raise ValueParseError(f"cannot read {original.strip()!r}: two qualifiers")
        qualifier = Qualifier.ORDER_OF_MAGNITUDE

    amount, precision, text = (Decimal(1), None, text) if low_multiple is not None else _number(text, original)
    upper: Decimal | None = None
    range_match = re.match(rf"^(?:-|–|—|to|and|~|至)\s*({_NUMBER})", text, re.IGNORECASE)
    if range_match and low_multiple is None:
        if qualifier is not Qualifier.EXACT:
            raise ValueParseError(f"cannot read {original.strip()!r}: a range with a qualifier")
        qualifier = Qualifier.RANGE
        upper = to_decimal(range_match.group(1))
        text = text[range_match.end() :].strip()
    elif between:
        raise ValueParseError(f"cannot read {original.strip()!r}: 'between' needs two figures joined by 'and'")

    scale, text = _scale(text, currency is not None)
    if low_multiple is not None:
        assert high_multiple is not None  # noqa: S101 - set together
        amount, upper = low_multiple * scale, high_multiple * scale
        precision = None
    else:
        amount *= scale
        precision = None if precision is None else precision * scale
        upper = None if upper is None else upper * scale

    suffix_currency, text = _currency_suffix(text, original)
    if currency and suffix_currency and currency != suffix_currency:
        raise ValueParseError(f"cannot read {original.strip()!r}: {currency} before the figure, {suffix_currency} after")
    currency = currency or suffix_currency
    text, suffix = _strip_prefix(text, {k: k for k in _SUFFIX_QUALIFIERS})
    if suffix is not None:
        if qualifier is not Qualifier.EXACT:
            raise ValueParseError(f"cannot read {original.strip()!r}: two qualifiers")
        qualifier = _SUFFIX_QUALIFIERS[suffix]

    unit = currency or _noun_unit(text, original)
    if qualifier is Qualifier.APPROXIMATELY:
        chosen_tolerance = DEFAULT_TOLERANCE if tolerance is None else to_decimal(tolerance)
        return ReportedValue.of(amount, unit, qualifier, precision=precision, tolerance=chosen_tolerance)
    return ReportedValue.of(amount, unit, qualifier, upper=upper, precision=precision)


def _currency_prefix(text: str, original: str) -> tuple[str | None, str]:
    rest, phrase = _strip_prefix(text, _CURRENCY_PREFIXES)
    if phrase is not None:
        return _CURRENCY_PREFIXES[phrase], rest
    for symbol, meaning in _AMBIGUOUS_SYMBOLS.items():
        if text.startswith(symbol):
            raise ValueParseError(f"cannot read {original.strip()!r}: {symbol!r} could be {meaning}; write the code")
    return None, text


def _currency_suffix(text: str, original: str) -> tuple[str | None, str]:
    rest, phrase = _strip_prefix(text, _CURRENCY_SUFFIXES)
    if phrase is not None:
        return _CURRENCY_SUFFIXES[phrase], rest
    if text.lower().startswith("dollars") or text.startswith("¥"):
        meaning = _AMBIGUOUS_SYMBOLS["dollars" if text.lower().startswith("dollars") else "¥"]
        raise ValueParseError(f"cannot read {original.strip()!r}: it could be {meaning}; write the currency code")
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


def _number(text: str, original: str) -> tuple[Decimal, Decimal | None, str]:
    match = re.match(rf"^({_NUMBER})", text)
    if match:
        digits = match.group(1)
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        return to_decimal(digits), Decimal(1).scaleb(-decimals), text[match.end() :].strip()
    for word, number in sorted(_WORD_NUMBERS.items(), key=lambda item: len(item[0]), reverse=True):
        if re.match(rf"^{word}\b", text, re.IGNORECASE):
            return number, Decimal(1), text[len(word) :].strip()
    raise ValueParseError(f"cannot read {original.strip()!r}: no figure found")


def _scale(text: str, has_currency: bool) -> tuple[Decimal, str]:
    if text.startswith(_NO_SCALE):
        return Decimal(1), text[len(_NO_SCALE) :].strip()
    lowered = text.lower()
    for word in sorted(_SCALES, key=len, reverse=True):
        if word == "m" and not has_currency:
            continue
        if lowered.startswith(word) and (not word.isascii() or not lowered[len(word) : len(word) + 1].isalpha()):
            rest = text[len(word) :].strip()
            return _SCALES[word], rest[3:] if rest.lower().startswith("of ") else rest
    return Decimal(1), text


def _noun_unit(text: str, original: str) -> str:
    text = text.strip()
    if not text:
        return "dimensionless"
    if _PERCENT.match(text.lower()):
        return "percent"
    words = re.findall(r"[A-Za-z0-9_%]+|[^\sA-Za-z0-9_%]+", text)
    if words and words[0].lower() == "of":
        words = words[1:]
    for position, word in enumerate(words[:6]):
        if word.lower() in COUNT_NOUNS:
            return COUNT_NOUNS[word.lower()]
        try:
            unit = parse_unit(word)
        except EsgClaimsError:
            continue
        if position == 0 or count_kind_of(unit) is not None:
            return word
    for noun, kind in COUNT_NOUNS.items():  # Chinese measure words follow the figure directly
        if not noun.isascii() and text.startswith(noun):
            return kind
    raise ValueParseError(
        f"cannot tell what {original.strip()!r} counts: {text!r} names no unit or counted noun; "
        "register one with esgclaims.register_count_kind"
    )
