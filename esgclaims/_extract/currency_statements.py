"""Where a text states the currency its bare "$" or "¥" stand for: "All amounts are in US dollars"."""

from __future__ import annotations

import re

from esgclaims._lexicon import lexicon

__all__ = ["BARE_SYMBOL", "DEFAULT_DOLLAR", "stated_symbols"]

_I = re.IGNORECASE

_NAMED_CURRENCIES = {
    "USD": r"U\.?S\.?\s+dollars?|United\s+States\s+dollars?|U\.?S\.?\s?\$|USD",
    "HKD": r"Hong\s+Kong\s+dollars?|HK\s?\$|HK\s+dollars?|HKD",
    "AUD": r"Australian\s+dollars?|A\$|AUD",
    "CAD": r"Canadian\s+dollars?|C\$|CAD",
    "SGD": r"Singapore\s+dollars?|S\$|SGD",
    "NZD": r"New\s+Zealand\s+dollars?|NZ\$|NZD",
    "TWD": r"New\s+Taiwan\s+dollars?|NT\$|TWD",
    "other_dollar": r"Brunei\s+dollars?|(?:B|J|TT)\$",
    "CNY": r"renminbi|RMB|Chinese\s+yuan|yuan|CNY",
    "JPY": r"(?:Japanese\s+)?yen|JPY",
}
_NAMED_CURRENCY = "|".join(f"(?P<{code}>{words})" for code, words in _NAMED_CURRENCIES.items())
_IN_CURRENCY = rf"in\s+(?:the\s+)?(?:{_NAMED_CURRENCY})(?![A-Za-z$])"
#: Where a text states the currency of its amounts: "All amounts are in US dollars", "Amounts are in US
#: dollars unless stated otherwise", "expressed in Hong Kong dollars", "(in US$)", "(in US$ millions)".
_CURRENCY_STATEMENTS = (
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
#: Each dollar and the prefix esgclaims writes it with, from the lexicon ("US$", "A$", ...); each has its words above.
_DOLLARS = {code: currency.display for code, currency in lexicon().currencies.items() if currency.display.endswith("$")}
_SYMBOL_READINGS = {"$": _DOLLARS, "¥": {code: lexicon().currencies[code].display for code in ("CNY", "JPY")}}
_SYMBOL_FAMILIES = {"$": (*_DOLLARS, "other_dollar"), "¥": ("CNY", "JPY")}
BARE_SYMBOL = r"(?<![A-Za-z$])(?<!US\s)(?<!HK\s)(?P<symbol>\$|¥|￥)(?=\s?\d)"


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
