"""Telling a change ("up 38% year-on-year") from a level ("reached RMB 4.6 billion")."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING, NamedTuple

from esgclaims._lazy import compiled as rx
from esgclaims._lexicon import alternation, lexicon
from esgclaims._units import facts_of

from .candidates import Direction
from .literals import ahead, skipping
from .mentions import REACH, in_units
from .period_phrases import opens_with_unit

if TYPE_CHECKING:
    from .mentions import Mention

__all__ = ["Shift", "in_units_of_level", "shifts", "than_a_period"]

_I = re.IGNORECASE
_EN, _ZH = lexicon().changes, lexicon().zh_changes
_UP, _DOWN = alternation(_EN["up_verbs"]), alternation(_EN["down_verbs"])
_UP_NOUNS, _DOWN_NOUNS = alternation(_EN["up_nouns"]), alternation(_EN["down_nouns"])
_CN_UP, _CN_DOWN = alternation(_ZH["up_verbs"]), alternation(_ZH["down_verbs"])
_CN_BY_UP, _CN_BY_DOWN = alternation(_ZH["up_by_verbs"]), alternation(_ZH["down_by_verbs"])
_FURTHER = r"(?:(?:a|an)\s+)?(?:further|additional|extra)\s+"
"""Between "by" and the size of a change: "cut emissions by a further 30%"."""
_BEFORE = re.compile(
    rf"(?:\b(?P<up>{_UP})|\b(?P<down>{_DOWN}))\s+(?:by\s+(?:{_FURTHER})?)?$"
    rf"|\b(?:an?\s+)?(?:(?P<upn>{_UP_NOUNS})|(?P<downn>{_DOWN_NOUNS}))\s+(?:of|by)\s+$"
    rf"|(?P<cnup>{_CN_UP})了?\s*$|(?P<cndown>{_CN_DOWN})了?\s*$"
    # "减少碳排放3.5万吨": a verb, what it changes, then by how much (not "提高到30%", which is a level)
    rf"|(?P<cnupobj>{_CN_BY_UP})(?![至到为])[\u4e00-\u9fff]{{1,6}}(?<![至到为达了])$"
    rf"|(?P<cndownobj>{_CN_BY_DOWN})(?![至到为])[\u4e00-\u9fff]{{1,6}}(?<![至到为达了])$",
    _I,
)
_BEFORE = ahead(_BEFORE)  # searched for at the end of the words before each figure: skipped to by its first letters
_BY_VERB = re.compile(
    rf"\b(?:(?P<up>{alternation(_EN['up_by_verbs'])})"
    rf"|(?P<down>{alternation(_EN['down_by_verbs'])}))\b(?=[^,;]*\bby\s+(?:{_FURTHER})?$)",
    _I,
)
_BY_VERB = ahead(_BY_VERB)  # as _BEFORE: searched over the words before a figure that no change word ends
_A_PERIOD = (
    r"(?:the\s+|a\s+|its\s+|our\s+)?(?:(?:FY\s?|(?:fiscal|financial)\s+(?:year\s+)?)?(?:19|20)\d{2}(?!\d|,\d)"
    r"|FY\s?\d{2}\b|[HQ][1-4]\s?(?:19|20)\d{2}|a\s+year\s+(?:earlier|before|ago)|last\s+year"
    r"|the\s+(?:previous|prior|preceding)\s+(?:fiscal\s+|financial\s+)?year|(?:baseline|base\s+year)\b)"
)
"""A period a share is above or below: "9% below 2022", "4% above the 2019 baseline", "3% below a year earlier"."""
_AFTER = re.compile(
    r"^(?:\s+(?:year-on-year|year on year|yoy|y-o-y|year over year))?\s+(?:(?P<up>higher|increase|growth|rise)"
    r"|(?P<down>lower|decrease|reduction|decline|drop))\b"
    r"|^\s+(?:(?P<more>more)|(?P<less>less|fewer))(?=\s+than\b)"  # "3.5% less than in 2021", after the figure
    rf"|^(?=\s+(?:(?P<above>above)|(?P<below>below))\s+{_A_PERIOD})",  # "about 9% below 2022": what follows compares
    _I,
)
_THAN_A_PERIOD = re.compile(
    rf"^\s+(?:more|less|fewer)\s+than\s+(?:(?:in|during|for|at\s+the\s+end\s+of)\s+)?{_A_PERIOD}(?![\w%])", _I
)
"""After an amount: "310 more than in 2022", "1,200 tonnes less than a year earlier": an absolute change."""
_THAN = re.compile(rf"^\s+than\s+(?:(?:in|during|for|at\s+the\s+end\s+of)\s+)?{_A_PERIOD}(?![\w%])", _I)
"""After "N more <noun>": "than a year earlier"."""
_YEAR_ON_YEAR = re.compile(r"^\s*,?\s*(?P<basis>year-on-year|year on year|yoy|y-o-y|year over year)\b", _I)


class Shift(NamedTuple):
    """A figure read as a change: which way, and the span its words cover."""

    direction: Direction
    start: int
    end: int
    relative: bool
    basis: str = ""
    """ "year-on-year" when the text says so; a compared period is found with the period phrases."""


def shifts(text: str, mentions: list[Mention], clauses: list[int]) -> list[Shift | None]:
    """For each mention of one sentence, how it changes, or ``None`` for a level."""
    found: list[Shift | None] = []
    for index, mention in enumerate(mentions):
        clause = clauses[bisect_right(clauses, mention.start) - 1]
        shift = _shift(text, mention, max(clause, mention.start - REACH))  # bounded: linear in the sentence
        if shift is None and index and found[-1] is not None:
            previous = mentions[index - 1]
            if rx(r"\s*,?\s*(?:and|or)\s+").fullmatch(text[previous.end : mention.start]):
                shift = Shift(found[-1].direction, mention.start, mention.end, _relative(mention))  # "grew 64% and 29%"
        found.append(shift)
    return found


def _relative(mention: Mention) -> bool:
    return mention.percent is not None and not mention.points


def than_a_period(after: str) -> bool:
    """Whether an amount is more or less than the same thing in a period: then it is a change of it."""
    period = _THAN_A_PERIOD.match(after)
    return period is not None and not (period.group()[-1].isdigit() and opens_with_unit(after[period.end() :]))


def _verb_after_noun(mention: Mention, word: str | None, after: str) -> bool:
    """Whether a change word after counted things is their verb: "8,000 households increase their income".

    After a count a word such as "increase" or "rise" is what the things counted do, not a
    change of the figure, unless it opens a phrase that names what changed ("increase in").
    """
    if word is None or mention.percent is not None or mention.value is None:
        return False
    counts = bool(mention.kind) or facts_of(mention.value.units).count_kind is not None
    rest = after[after.lower().index(word.lower()) + len(word) :]
    return counts and not rx(r"\s+(?:of|in|on|from|compared|year|than)\b", _I).match(rest)


def _last_by_verb(before: str) -> re.Match[str] | None:
    """The verb nearest "by" ("cut Scope 1 and 2 emissions by"): looked for only where no change word ends the words."""
    verbs = list(_BY_VERB.finditer(before))
    return verbs[-1] if verbs else None


def _shift(text: str, mention: Mention, clause: int) -> Shift | None:
    before = text[clause : mention.start]
    after = text[mention.end : mention.end + 40]
    start, end, direction = mention.start, mention.end, None
    verb = _BEFORE.search(before)  # searched once: it also says where the change's words start
    match = verb or _last_by_verb(before)
    if match is not None and skipping(
        r"\b(?:set|sets|setting|built|picked|signed|took|made|make|makes|making|stepped)\s+up\s+$", _I
    ).search(before):
        match = None  # "set up 300 stations", "women make up 38%" are no increase
    if match is not None:
        groups = match.groupdict()
        up = groups.get("up") or groups.get("upn") or groups.get("cnup") or groups.get("cnupobj")
        direction = Direction.INCREASE if up else Direction.DECREASE
        if verb is not None:
            start = clause + match.start()
    elif (more := rx(r"(?:(more)|less|fewer)\s", _I).match(mention.noun)) and (than := _THAN.match(after)):
        # "about 5,100 more electric customers than a year earlier": the comparative opens the counted noun
        direction = Direction.INCREASE if more.group(1) else Direction.DECREASE
        end += than.end()
    else:
        following = _AFTER.match(after)
        if following is None or _verb_after_noun(mention, following.group("up") or following.group("down"), after):
            return None
        compared = following.group("more") or following.group("less") or following.group("above")
        if (compared or following.group("below")) and mention.percent is None and not than_a_period(after):
            return None  # "more than 300 teachers" compares with a figure; only a period makes a change of one
        period = rx(rf"\s+\w+\s+{_A_PERIOD}", _I).match(after)
        if period is not None and period.group()[-1].isdigit() and opens_with_unit(text[mention.end + period.end() :]):
            return None  # "40% below 2000 metres": a figure, not a year
        up = following.group("up") or following.group("more") or following.group("above")
        direction = Direction.INCREASE if up else Direction.DECREASE
        end += following.end()
    basis = ""
    year_on_year = _YEAR_ON_YEAR.match(text[end : end + 30])
    if year_on_year:
        basis, end = "year-on-year", end + year_on_year.end()
    elif rx(r"同比").search(text[start:end]) or rx(r"year-on-year|year on year|yoy", _I).search(
        text[mention.end : end]
    ):
        basis = "year-on-year"
    return Shift(direction, start, end, _relative(mention), basis)


_AFTER_LEVEL = re.compile(
    r"(?:\s+of\s+[a-z][a-z-]*)?"  # "21,400 hours of volunteering, about 2,000 more than in 2023"
    r"(?:\s+(?:in|during|for|over|as\s+(?:of|at)|at\s+the\s+end\s+of)\s+[^,;.()\d]{0,30}?(?:19|20)\d{2})?"
    r"\s*(?:,|;|\(|--|\u2014|\u2013)?\s*(?:(?:and|or|which\s+(?:is|was)|that\s+is)\s+)?",
    _I,
)
"""Between a level and the change that follows it with no subject of its own: ", ", " in 2023, ", ", and "."""


def in_units_of_level(text: str, mentions: list[Mention], changes: list[Shift | None]) -> list[Mention]:
    """Give an absolute change with no unit of its own the unit of the level just before it.

    "made 9,450 home visits, up 2,130 from a year earlier": the change counts visits;
    "revenue reached RMB 3.2 billion, an increase of 400 million": it is in renminbi.
    The change must follow the level directly, with no subject of its own: "RMB 3.2
    billion, and headcount rose by 200" says nothing of renminbi.
    """
    read = list(mentions)
    for index in range(1, len(mentions)):
        mention, change, level = mentions[index], changes[index], mentions[index - 1]
        if change is None or changes[index - 1] is not None or not mention.bare or mention.points or mention.kind:
            continue
        if level.value is None or not _AFTER_LEVEL.fullmatch(text, level.end, change.start):
            continue
        assert mention.value is not None  # noqa: S101 - bare says so
        if level.bare and level.kind:  # "6,800 suppliers, nearly 2,000 more than in FY2022": a proposed kind
            read[index] = mention._replace(note="", noun=level.noun, kind=level.kind)
            continue
        if not level.has_unit:
            continue
        read[index] = mention._replace(value=in_units(mention.value, level.value.units), note="", noun=level.noun)
    return read
