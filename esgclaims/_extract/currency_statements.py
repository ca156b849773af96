"""Where a text states the currency its bare "$" or "¥" stand for: "All amounts are in US dollars"."""

from __future__ import annotations

import re

from esgclaims._lexicon import lexicon

from .literals import ahead

__all__ = ["BARE_SYMBOL", "DEFAULT_DOLLAR", "stated_symbols"]

_I = re.IGNORECASE

#: Each dollar and the prefix esgclaims writes it with, from the lexicon ("US$", "A$", ...).
_DOLLARS = {code: currency.display for code, currency in lexicon().currencies.items() if currency.display.endswith("$")}
#: The currencies a bare "$" or "¥" may stand for, by symbol; "other_dollar" is any dollar esgclaims does not read.
_SYMBOL_FAMILIES = {"$": (*_DOLLARS, "other_dollar"), "¥": ("CNY", "JPY")}
_SYMBOL_READINGS = {"$": _DOLLARS, "¥": {code: lexicon().currencies[code].display for code in _SYMBOL_FAMILIES["¥"]}}


def _stated_words(code: str) -> tuple[str, ...]:
    """The lexicon's English words for a currency, or for the dollars esgclaims does not read ("other_dollar").

    Words in other scripts ("美元", "港元") are never part of an English statement of currency.
    """
    if code == "other_dollar":
        words = (*lexicon().other_dollars, *lexicon().other_dollars_stated)
    else:
        currency = lexicon().currencies[code]
        words = (*currency.before, *currency.after, *currency.stated)
    return tuple(word for word in words if word.isascii())


def _stated_pattern(word: str) -> str:
    r"""A currency's word as a statement may write it, with the freedom the lexicon allows.

    A full stop is optional ("U.S." or "US"), "dollars" is also "dollar", and a space is any run
    of white space, but before "$" one or none ("US $" or "US$").

    Examples:
        >>> _stated_pattern("U.S. $"), _stated_pattern("Hong Kong dollars")
        ('U\\.?S\\.?\\s?\\$', 'Hong\\s+Kong\\s+dollars?')
    """
    pattern = r"\s+".join(map(re.escape, word.split(" ")))
    return pattern.replace(r"\s+\$", r"\s?\$").replace(r"\.", r"\.?").replace("dollars", "dollars?")


#: Each currency a statement may name for a bare "$" or "¥", by its words in the lexicon.
_NAMED_CURRENCIES = {
    code: "|".join(map(_stated_pattern, _stated_words(code))) for family in _SYMBOL_FAMILIES.values() for code in family
}
_NAMED_CURRENCY = "|".join(f"(?P<{code}>{words})" for code, words in _NAMED_CURRENCIES.items())
_IN_CURRENCY = rf"in\s+(?:the\s+)?(?:{_NAMED_CURRENCY})(?![A-Za-z$])"
#: Where a text states the currency of its amounts: "All amounts are in US dollars", "Amounts are in US
#: dollars unless stated otherwise", "expressed in Hong Kong dollars", "(in US$)", "(in US$ millions)".
_CURRENCY_STATEMENTS: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"\b(?:all\s+)?(?:monetary\s+)?(?:amounts|figures|values|sums)\b(?:\s+[a-z]+){0,4}?"
        r"\s+(?:are|is)\s+(?:all\s+)?(?:(?:expressed|stated|presented|reported|shown|given|quoted)\s+)?" + _IN_CURRENCY,
        _I,
    ),
    re.compile(r"(?:^|(?<=[(\[:.;])\s*)(?:all\s+)?(?:monetary\s+)?(?:amounts|figures)\s+" + _IN_CURRENCY, _I | re.M),
    re.compile(r"\b(?:expressed|stated|presented)\s+" + _IN_CURRENCY, _I),
    re.compile(r"\b(?:reporting|presentation)\s+currency\s+is\s+(?:the\s+)?(?:" + _NAMED_CURRENCY + ")", _I),
    re.compile(r"\(\s*" + _IN_CURRENCY + r"\s*(?:'000|thousands?|millions?|billions?|mn|m|bn)?\s*\)", _I),
)
_CURRENCY_STATEMENTS = tuple(ahead(statement) for statement in _CURRENCY_STATEMENTS)
"""Each run over the whole text, behind a look-ahead for its first letters (literals.ahead): the same matches."""
BARE_SYMBOL = ahead(re.compile(r"(?<![A-Za-z$])(?<!US\s)(?<!HK\s)(?P<symbol>\$|¥|￥)(?=\s?\d)"))
"""A "$" or "¥" with no currency before it, behind a look-ahead for the sign: each sentence is searched for one."""


def stated_symbols(text: str) -> dict[str, tuple[str, str]]:
    """How the text says to read a bare "$" or "¥": the prefix to read it as, and the words that say so.

    "All amounts are in US dollars" reads "$212 million" as US$; a text that names two
    dollars, or a dollar esgclaims cannot read, leaves "$" ambiguous. A text that states no
    currency for "$" and names no dollar but the US dollar reads "$" as US$, by default.

    Examples:
        >>> stated_symbols("All amounts are in US dollars.")
        {'$': ('US$', 'All amounts are in US dollars')}
        >>> stated_symbols("Revenue (in HK$ millions) and costs (in US$ millions).")
        {}
    """
    named: dict[str, str] = {}
    for statement in _CURRENCY_STATEMENTS:
        for match in statement.finditer(text):
            code = next(name for name, found in match.groupdict().items() if found is not None)
            named.setdefault(code, match.group().strip(" ()"))
    readings = {}
    for symbol, family in _SYMBOL_FAMILIES.items():
        codes = [code for code in family if code in named]
        if len(codes) == 1 and codes[0] in _SYMBOL_READINGS[symbol]:
            readings[symbol] = (_SYMBOL_READINGS[symbol][codes[0]], named[codes[0]])
    dollars = any(code in named for code in _SYMBOL_FAMILIES["$"])
    if "$" not in readings and not dollars and not _OTHER_DOLLAR.search(text):
        readings["$"] = ("US$", DEFAULT_DOLLAR)
    return readings


_OTHER_DOLLAR = re.compile(
    "(?<![A-Za-z])(?:" + "|".join(_NAMED_CURRENCIES[code] for code in _SYMBOL_FAMILIES["$"][1:]) + ")(?![A-Za-z])", _I
)
"""Another dollar named: "HK$", "Canadian dollars", "AUD"; a whole word, not the "aud" of "audit"."""
DEFAULT_DOLLAR = "the text names no other dollar: US$ by default"
"""Why a bare "$" is US$ in a text that names no other dollar (the documented default, issue 11)."""
