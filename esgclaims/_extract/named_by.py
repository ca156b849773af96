"""What a figure's neighbours say of it: what it counts, per whom, in which other currency.

The noun before it names what it counts, "人均" makes it per person, and a second
currency in brackets ("HK$2.4 billion (US$300 million)") is the same amount.
"""

from __future__ import annotations

import re

from esgclaims._errors import EsgClaimsError
from esgclaims._lexicon import alternation, lexicon
from esgclaims._nouns import CHINESE_NOUNS, COUNT_NOUNS, FUNCTION_WORDS
from esgclaims._parse_value import parse_value
from esgclaims._units import DIMENSIONLESS, PERCENT, count_kind_of, currency_of, parse_unit

from .mentions import Mention, in_units

__all__ = ["STOP_WORDS", "conversion", "is_counted", "noun_before", "per_head"]

_I = re.IGNORECASE
#: The verbs of a change, either side: "rose", "fell", "grew" ...
_CHANGED = alternation(lexicon().changes["up_verbs"] + lexicon().changes["down_verbs"])
STOP_WORDS = FUNCTION_WORDS | frozenset(
    ("while", "compared", "since", "during", "over", "under", "including", "via", "among", "helped", "reached")
)


def is_counted(word: str) -> bool:
    """Whether ``word`` names a counted kind: a noun reports count, or a kind in the unit registry."""
    if word.lower() in COUNT_NOUNS:
        return True
    try:
        return count_kind_of(parse_unit(word)) is not None
    except EsgClaimsError:
        return False


def noun_before(text: str, start: int, mention: Mention) -> Mention:
    """Read the counted noun before the figure: "a fleet of new-energy vehicles grew to 7,800", "员工2,600余名"."""
    value = mention.value
    assert value is not None  # noqa: S101 - only read figures come here
    before = text[start : mention.start]
    kind = None
    for noun in (_NOUN_BEFORE_PLACE, _NOUN_BEFORE_VERB):  # "users in county towns grew", "a fleet of vehicles grew"
        english = re.search(noun + _LEVEL_VERB, before, _I)
        if english and is_counted(english.group(1)):
            kind = _counted_kind(english.group(1))
            break
    chinese = re.search(r"([\u4e00-\u9fff]+)$", before)
    if chinese:
        for noun, name in CHINESE_NOUNS.items():
            if chinese.group(1).endswith(noun) and is_counted(name):
                kind = name
    if kind is None:
        return mention
    return mention._replace(value=in_units(value, kind), note="", noun=kind)


_NOUN_BEFORE_VERB = r"([A-Za-z]+)"
_NOUN_BEFORE_PLACE = r"([A-Za-z]+)\s+(?:in|at|across)(?:\s+[a-z][a-z-]*){1,3}"
"""A noun before a phrase of place: "users in county towns" count users, not towns."""
_LEVEL_VERB = (
    rf",?\s+(?:(?:which|that)\s+)?(?:now\s+)?(?:(?:{_CHANGED})\s+(?:to|by)|"
    r"reached|totall?ed|totals?|numbered|stood\s+at|amounted\s+to|came\s+to|was|were)\s+$"
)


def _counted_kind(word: str) -> str | None:
    """The count kind a noun names: a registered kind first ("customers"), then the nouns reports count."""
    try:
        kind = count_kind_of(parse_unit(word))
    except EsgClaimsError:
        kind = None
    return kind or COUNT_NOUNS.get(word.lower())


_PER_HEAD = {"户均": "household", "人均": "person"}


def per_head(text: str, start: int, mention: Mention) -> Mention:
    """ "户均增收约3,000元": an amount per household (户均) or per person (人均)."""  # noqa: D210 - ruff format
    value = mention.value
    head = re.search(r"(户均|人均)[\u4e00-\u9fff]{0,4}$", text[start : mention.start])
    if value is None or head is None or value.units in (DIMENSIONLESS, PERCENT) or "/" in str(value.units):
        return mention
    per = _PER_HEAD[head.group(1)]
    return mention._replace(value=in_units(value, value.units / parse_unit(per)))


def conversion(text: str, mention: Mention, end: int) -> Mention:
    """ "HK$2.4 billion (US$300 million)": one amount, in a second currency."""  # noqa: D210 - ruff format
    value = mention.value
    if value is None or currency_of(value.units) is None:
        return mention
    match = re.match(
        r"(?P<noun>(?:\s+[a-z][a-z-]*){0,3}?)"  # "a HK$3 billion green bond (about RMB 2.7 billion)"
        r"\s*\(\s*(?P<figure>(?:(?:approximately|approx\.|about|around|roughly|nearly|some|~)\s*)?"
        r"(?:RMB|CNY|USD|HKD|EUR|GBP|JPY|US\$|HK\$|€|£)[^()]{1,40}?)\s*\)",
        text[mention.end : end],
        _I,
    )
    if match is None or any(word.lower() in STOP_WORDS for word in match.group("noun").split()):
        return mention
    try:
        other = parse_value(re.sub(r"^(?:equivalent to|or)\s+", "", match.group("figure")))
    except EsgClaimsError:
        return mention
    if other.units == value.units:
        return mention
    return mention._replace(end=mention.end + match.end(), alternatives=(*mention.alternatives, other))
