"""What a figure's neighbours say of it: what it counts, per whom, in which other currency.

The noun before it names what it counts, "人均" makes it per person, and a second
currency in brackets ("HK$2.4 billion (US$300 million)") is the same amount.
"""

from __future__ import annotations

import functools
import re

from esgclaims._errors import EsgClaimsError
from esgclaims._lazy import compiled as rx
from esgclaims._lexicon import alternation, lexicon
from esgclaims._nouns import CHINESE_NOUNS, COUNT_NOUNS, FUNCTION_WORDS, names_people, proposed_kind
from esgclaims._parse_value import parse_value
from esgclaims._units import DIMENSIONLESS, PERCENT, facts_of, parse_unit
from esgclaims._values import Qualifier, ReportedValue

from .literals import skipping
from .mentions import Mention, in_units, unit_text

__all__ = [
    "STOP_WORDS",
    "compared",
    "conversion",
    "counted_per_day",
    "emissions_and_rate",
    "is_counted",
    "noun_before",
    "per_head",
    "physical",
    "proposed",
    "unit_words",
]

_I = re.IGNORECASE
#: The verbs of a change, either side: "rose", "fell", "grew" ...
_CHANGED = alternation(lexicon().changes["up_verbs"] + lexicon().changes["down_verbs"])
STOP_WORDS = FUNCTION_WORDS | frozenset(
    ("while", "compared", "since", "during", "over", "under", "including", "via", "among", "helped", "reached")
)


def is_counted(word: str) -> bool:
    """Whether ``word`` names a counted kind: a noun reports count, a kind in the unit registry, or people in a role."""
    if word.lower() in COUNT_NOUNS or names_people(word):
        return True
    try:
        return facts_of(parse_unit(word)).count_kind is not None
    except EsgClaimsError:
        return False


def noun_before(text: str, start: int, mention: Mention) -> Mention:
    """Read the counted noun before the figure: "a fleet of new-energy vehicles grew to 7,800", "员工2,600余名"."""
    value = mention.value
    assert value is not None  # noqa: S101 - only read figures come here
    before = text[start : mention.start]
    kind = None
    for noun in (_NOUN_BEFORE_PLACE, _NOUN_BEFORE_VERB):  # "users in county towns grew", "a fleet of vehicles grew"
        english = rx(noun + _LEVEL_VERB, _I).search(before)
        if english and is_counted(english.group(1)):
            kind = _counted_kind(english.group(1))
            role = None if kind else proposed_kind(english.group(1))
            if role is not None:  # "customers grew to 612,400": people in a role, a kind of its own
                return mention._replace(kind=role, noun=english.group(1), note=_proposal(english.group(1), role))
            break
    chinese = rx(r"([\u4e00-\u9fff]+)$").search(before)
    if chinese:
        for noun, name in CHINESE_NOUNS.items():
            if chinese.group(1).endswith(noun) and is_counted(name):
                kind = name
    if kind is None:
        return mention
    return mention._replace(value=in_units(value, kind), note="", noun=kind, kind="")


_NOUN_BEFORE_VERB = r"(?<![A-Za-z])([A-Za-z]+)"
"""A noun, from its first letter: a search that starts inside a word matches from that word's start or not at all,
and the look-behind spares the engine reading each word again from each of its letters (the same matches)."""
_NOUN_BEFORE_PLACE = _NOUN_BEFORE_VERB + r"\s+(?:in|at|across)(?:\s+[a-z][a-z-]*){1,3}"
"""A noun before a phrase of place: "users in county towns" count users, not towns."""
_LEVEL_VERB = (
    rf",?\s+(?:(?:which|that)\s+)?(?:now\s+)?(?:(?:{_CHANGED})\s+(?:to|by)|"
    r"reached|totall?ed|totals?|numbered|stood\s+at|amounted\s+to|came\s+to|was|were)\s+$"
)


def _counted_kind(word: str) -> str | None:
    """The count kind a noun names: a registered kind first ("customers"), then the nouns reports count."""
    kind = None
    for name in dict.fromkeys((word, word.lower())):  # "Volunteers rose by 300", once "volunteer" is registered
        try:
            kind = kind or facts_of(parse_unit(name)).count_kind
        except EsgClaimsError:
            continue
    return kind or COUNT_NOUNS.get(word.lower())


_PER_HEAD = {"户均": "household", "人均": "person"}


def per_head(text: str, start: int, mention: Mention) -> Mention:
    """ "户均增收约3,000元": an amount per household (户均) or per person (人均)."""  # noqa: D210 - ruff format
    value = mention.value
    head = rx(r"(户均|人均)[\u4e00-\u9fff]{0,4}$").search(text[start : mention.start])
    if value is None or head is None or value.units in (DIMENSIONLESS, PERCENT) or "/" in unit_text(value.units):
        return mention
    per = _PER_HEAD[head.group(1)]
    return mention._replace(value=in_units(value, value.units / parse_unit(per)))


_BOUNDS = (Qualifier.APPROXIMATELY, Qualifier.MORE_THAN, Qualifier.AT_LEAST, Qualifier.LESS_THAN, Qualifier.AT_MOST)
_CONVERTED = alternation(word for currency in lexicon().currencies.values() for word in currency.before)
"""A currency before the figure of a conversion in brackets: "(about US$700,000)", "(A$5 million)"."""


def conversion(text: str, mention: Mention, end: int) -> Mention:
    """ "HK$2.4 billion (US$300 million)": one amount, in a second currency."""  # noqa: D210 - ruff format
    value = mention.value
    if value is None or facts_of(value.units).currency is None:
        return mention
    match = rx(
        r"(?P<noun>(?:\s+[a-z][a-z-]*){0,3}?)"  # "a HK$3 billion green bond (about RMB 2.7 billion)"
        r"\s*\(\s*(?P<figure>(?:(?:approximately|approx\.|about|around|roughly|nearly|some|~)\s*)?"
        rf"(?:{_CONVERTED})[^()]{{1,40}}?)\s*\)",
        _I,
    ).match(text[mention.end : end])
    if match is None or any(word.lower() in STOP_WORDS for word in match.group("noun").split()):
        return mention
    try:
        other = parse_value(rx(r"^(?:equivalent to|or)\s+").sub("", match.group("figure")))
    except EsgClaimsError:
        return mention
    if other.units == value.units:
        return mention
    if other.qualifier is Qualifier.EXACT and value.qualifier in _BOUNDS:
        # "about £1.9 billion (US$2.4 billion)": the conversion is as approximate as its main figure
        other = ReportedValue.of(other.reported.magnitude, other.units, value.qualifier, precision=other.precision)
    return mention._replace(end=mention.end + match.end(), alternatives=(*mention.alternatives, other))


_OF_WHOLE = r"of\s+(?:the|our|its|their|these|those)\s+"
"""Before the noun of "N of the/our <noun>": "64 of our partner pantries" counts pantries."""


def proposed(text: str, mention: Mention, end: int) -> Mention:
    """A bare figure followed by a noun no unit reads: the head noun, in the singular, is its proposed count kind.

    "38 new boreholes" proposes "borehole", "64 of our partner pantries" "pantry"; the value
    stays a bare number, and the mention's end moves past the noun.
    """
    if not mention.bare or mention.kind:
        return mention
    after = text[mention.end : end]
    whole = rx(rf"\s+{_OF_WHOLE}", _I).match(after)
    position = whole.end() if whole else 0
    first = position
    count, limit = 0, 3
    for word in rx(r"\s*([A-Za-z][A-Za-z'-]*)").finditer(after[position:]):
        joined = (
            count
            and word.group(1).lower() in ("and", "or")
            and rx(r"\s+[a-z]").match(after[first + word.end() :])
            and after[first:position].strip()[:1].islower()  # "4.1 Land and suppliers" is a heading
        )
        if word.start() != position - first or (word.group(1).lower() in STOP_WORDS and not joined):
            return mention
        position, count = first + word.end(), count + (not joined)  # "small and medium-sized": adjectives joined
        if joined:
            limit += 1  # "public and workplace EV chargers": the head noun may come one word later
            continue
        kind = None if word.group(1).lower() in lexicon().unit_words else proposed_kind(word.group(1))
        head = rx(r" ([a-z][a-z-]+)").match(after[position:])
        if kind is not None and head is not None and (closing := proposed_kind(head.group(1))) is not None:
            kind, position = closing, position + head.end()  # "40 claims adjusters": a plural can modify a plural
        if kind is not None:
            break
        if count == limit or word.group(1).lower() == "of":  # the head noun is among the first three words
            return mention
    else:
        return mention
    noun = after[first:position].strip()
    return mention._replace(end=mention.end + position, kind=kind, noun=noun, note=_proposal(noun, kind))


def _proposal(noun: str, kind: str) -> str:
    return f"counts {noun!r}, a kind esgclaims does not know: proposed count kind {kind!r} (see register_count_kind)"


@functools.cache
def unit_words() -> str:
    """A regex of the units as reports write them that the registry may not read: "metric tons", "gigatons"."""
    return alternation(lexicon().unit_words)


def physical(text: str, left: int, core: int, number_end: int, end: int) -> Mention | None:
    """A figure in a unit as reports write it: "9,300 metric tons", "8 gigatons", "300 pounds of grain".

    "pounds of" a material is a mass, never sterling. A unit the registry does not hold yet
    leaves the figure a bare number, with a note.
    """
    match = rx(rf"\s?(?P<unit>{unit_words()})(?![A-Za-z])", _I).match(text[core:end])
    if match is None:
        return None
    try:
        number = parse_value(text[left:core])
    except EsgClaimsError:
        return None
    written = match.group("unit")
    name = lexicon().unit_words[rx(r"\s+").sub(" ", written.lower())]
    of = rx(r"\s+of$", _I).search(written)  # "pounds of grain": the unit is "pounds"
    stop = core + match.end() - (len(of.group()) if of else 0)
    try:
        unit = parse_unit(name)
    except EsgClaimsError:
        note = f"{written.strip()!r} is a unit esgclaims does not read yet ({name}): the figure is read as a number"
        return Mention(left, stop, number_end, number, note=note, noun=written.strip())
    return Mention(left, stop, number_end, in_units(number, unit), noun=written.strip())


_GAS = alternation((*lexicon().emission_words, "dioxide", "equivalent", "equivalents", "gas", "gases"))
_OF_GAS = rf"\s+of(?:\s+(?:{_GAS})(?![A-Za-z0-9]))+"
"""After a mass: "of CO2 equivalent", "of carbon emissions", "of carbon dioxide"."""
_EMISSIONS_BEFORE = rf"(?<![A-Za-z])(?:{alternation(lexicon().emission_words)})(?![A-Za-z0-9])"
_RATE_AFTER = (
    rf"(?P<of>\s+of(?:\s+[A-Za-z][\w-]*){{1,3}}?)?\s+(?P<rate>{alternation(lexicon().rates)})"
    r"(?![A-Za-z])(?!\s+(?:ago|earlier|before|later)\b)"
)
"""After a figure and its unit: "of bus-wash water daily", "a day", "of solar power annually"."""


def emissions_and_rate(text: str, start: int, mention: Mention, end: int) -> Mention:
    """A mass that its clause says is emissions is in CO2e; "each day", "annually" after a measure make a rate.

    "412 kilotonnes of CO2" is 412 ktCO2e, "cut our carbon emissions by 2.6 million tons"
    2.6 million tCO2e; "640 m³ of bus-wash water daily" is 640 m³/day.
    """
    value = mention.value
    if value is None or mention.percent is not None or value.units == DIMENSIONLESS:
        return mention
    stop = mention.end
    co2e = lexicon().co2e_units.get(unit_text(value.units))
    if co2e is not None:
        gas = rx(_OF_GAS, _I).match(text[stop:end])
        clause = rx(r"[,;:()]").split(text[start : mention.start])[-1]
        if gas is not None or (
            rx(r"\s+of\s+[A-Za-z]").match(text[stop:end]) is None and rx(_EMISSIONS_BEFORE, _I).search(clause)
        ):
            value, stop = in_units(value, co2e), stop + (gas.end() if gas else 0)
    rate = rx(_RATE_AFTER, _I).match(text[stop:end])
    units = value.units
    if (
        rate is not None
        and "/" not in unit_text(units)
        and facts_of(units).currency is None
        and facts_of(units).count_kind is None
        and not units.is_compatible_with("hour")  # "24 hours a day" is a time, not a rate
        and not any(word.lower() in STOP_WORDS for word in (rate.group("of") or "").split()[1:])
        and not (rate.group("of") and rate.group("rate").lower().startswith("per"))
    ):  # "2,900 GWh of electricity per year" stays GWh, as the tuned texts' annotations read it
        value = in_units(value, units / parse_unit(lexicon().rates[rx(r"\s+").sub(" ", rate.group("rate").lower())]))
        stop += rate.end()
    if value is mention.value:
        return mention
    return mention._replace(value=value, end=stop)


_COUNT_RATES = (
    word
    for word, per in lexicon().rates.items()
    if per == "day" or (per == "month" and not word.startswith(("each", "every")))
)
_DAILY = rf"\s+(?P<rate>{alternation(_COUNT_RATES)})(?![A-Za-z])"


_ADJECTIVE_RATES = alternation(
    word for word, per in lexicon().rates.items() if " " not in word and per in ("day", "month")
)
_RATE_BEFORE = (
    rf"(?<![A-Za-z])(?P<rate>{_ADJECTIVE_RATES})\s+(?:[a-z-]+\s+){{1,6}}?"
    r"(?:peaked\s+at|reached|averaged|hit|stood\s+at|was|were)\s+(?:an?\s+(?:average|peak|high)\s+of\s+)?$"
)
"""A rate named before its figure: "daily volume in the countryside peaked at 4.1 million parcels"."""


def counted_per_day(text: str, mention: Mention, end: int, start: int | None = None) -> Mention:
    """A count with "a day", "each day" or "daily" right after it is a rate per day: "6,500 meals a day".

    So is one "a month", "per month" or "monthly" a rate per month ("3,600 new customers a month"),
    but "each month" after a count says how often the same count recurs ("free travel to 90,000
    residents each month"): it stays a count.
    A count "a year" stays a count ("75 million patients a year" is a year's reach), and
    so does a count with words between it and the rate ("64 patients at Lakeside each day").
    A proposed kind's rate is ``1 / day`` with the kind in ``Mention.kind``. The rate may come
    first, in its clause ("daily volume peaked at 4.1 million parcels"), from ``start``.
    """
    value = mention.value
    if value is None or mention.percent is not None:
        return mention
    units = value.units  # read once: each .units looks the shared Unit up again
    if "/" in unit_text(units) or (not mention.kind and (units == DIMENSIONLESS or facts_of(units).count_kind is None)):
        return mention
    rate = rx(_DAILY, _I).match(text[mention.end : end])
    clause = ""
    if start is not None and rate is None:  # back to the clause's start only: one reverse search a mark
        clause = text[max(start, *(text.rfind(mark, start, mention.start) + 1 for mark in ",;:()")) : mention.start]
    named = rate or rx(_RATE_BEFORE, _I).search(clause)
    if named is None:
        return mention
    per = parse_unit(lexicon().rates[rx(r"\s+").sub(" ", named.group("rate").lower())])
    return mention._replace(value=in_units(value, units / per), end=mention.end + (rate.end() if rate else 0))


_COMPARATIVE = rf"(?<![A-Za-z])(?P<words>{alternation(lexicon().comparatives)})\s+$"


def compared(text: str, start: int, mention: Mention) -> Mention:
    """ "lower than 2%", "higher than 5,500 MW": a comparative before an exact figure is its qualifier."""  # noqa: D210
    value = mention.value
    comparative = skipping(_COMPARATIVE, _I).search(text[start : mention.start])
    if value is None or comparative is None or value.qualifier is not Qualifier.EXACT or value.upper is not None:
        return mention
    qualifier = Qualifier(lexicon().comparatives[rx(r"\s+").sub(" ", comparative.group("words").lower())])

    def qualified(read: ReportedValue) -> ReportedValue:
        return ReportedValue.of(read.reported.magnitude, read.units, qualifier, precision=read.precision)

    percent = None if mention.percent is None else qualified(mention.percent)
    return mention._replace(start=start + comparative.start(), value=qualified(value), percent=percent)
