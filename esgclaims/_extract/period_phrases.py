"""Finding the period phrases of a sentence, for :func:`esgclaims.extract`.

The rules that find and read each phrase are rows of
:mod:`esgclaims._extract.period_rules`; this module tries them, and reads how a text
names its fiscal years. Phrases that need a
reference ("during the year", "a year earlier") are kept with their role and read
later against the period the context states, never against today's date.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from esgclaims._errors import EsgClaimsError, PeriodError
from esgclaims._lazy import compiled as rx
from esgclaims._nouns import COUNT_NOUNS, names_people
from esgclaims._parse_period import parse_date
from esgclaims._periods import AsOf, CalendarYear, FiscalYear, HalfYear, PartialDate, Period, Quarter, Span
from esgclaims._units import parse_unit

from .literals import Screen, ahead
from .period_grammar import (
    DAY_DATE,
    ENDED,
    FY_ALIAS,
    FY_YEAR,
    MONTH,
    MONTH_NUMBERS,
    YEAR,
    PhraseRule,
    Role,
    full_year,
    month_end,
)
from .period_rules import RULES

__all__ = [
    "FiscalConvention",
    "PeriodPhrase",
    "Role",
    "bound_convention",
    "deadline",
    "fiscal_convention",
    "period_phrases",
    "shift_year",
    "windows",
    "with_convention",
]

_I = re.IGNORECASE


class PeriodPhrase(NamedTuple):
    """A period phrase of a sentence, its role, and the periods it states (two or more for "in 2020 and 2021")."""

    start: int
    end: int
    text: str
    role: Role
    periods: tuple[Period, ...] = ()
    comparative: bool = False
    """Introduced by "from", "over" or "on": the baseline of a change that comes just before it."""
    rule: str = ""
    """The name of the rule that found it."""


class FiscalConvention(NamedTuple):
    """How a text names its fiscal years: the month they end in, and the year they are named by."""

    end_month: int
    offset: int | None
    """The name's year minus the calendar year the fiscal year ends in; ``None`` when the text does not say
    (then a fiscal year is named by the year it ends in)."""
    century: int | None = None
    """The century of two-digit names ("FY24"), when the text names a year ended with one."""


_NOT_A_PERIOD_AFTER = (
    r"\s*(?:[A-Z]|ESG|CSR|annual|sustainability|reports?\b|edition|review|survey|index|ranking|awards?\b|list)"
)


def period_phrases(
    text: str, start: int, end: int, century: int | None = None, published: PartialDate | None = None
) -> list[PeriodPhrase]:
    """The period phrases of ``text[start:end]``, in order, none overlapping.

    The rules are tried in their order (:data:`~esgclaims._extract.period_rules.RULES`):
    where two phrases overlap, the one an earlier rule found wins. Two-digit fiscal years
    ("FY24") are read in ``century`` when the text gives one, else held as no period.
    Phrases relative to the publication date ("to date", "over the past three years",
    "this year") are read against ``published``; without it they state no period.

    Examples:
        >>> [(p.text, p.rule, p.periods) for p in period_phrases("In the twelve months to 31 March 2024, we", 0, 41)]
        [('the twelve months to 31 March 2024', 'twelve months to', (FiscalYear('FY2024 (2023-04 to 2024-03)'),))]
    """
    found: list[PeriodPhrase] = []
    taken: list[tuple[int, int]] = []
    reference = _Reference(century, published)
    sentence = text[start:end]
    held = _screen().held(sentence)
    for needs, rule, regex in _runs():
        if held & needs != needs:
            continue  # the words every phrase of the rule holds are not all in the sentence: it has none
        for match in regex.finditer(sentence):
            first, last = start + match.start(), start + match.end()
            if any(first < b and a < last for a, b in taken):
                continue
            phrase = _phrase(text, match, (first, last, end), rule, reference)
            if phrase is not None:
                found.append(phrase)
                taken.append((first, last))
    return sorted(found)


@functools.cache
def _screen() -> Screen:
    """The words each rule needs, read from its pattern once, on first use (not on import)."""
    return Screen(rule.regex for rule in RULES)


@functools.cache
def _fast() -> tuple[re.Pattern[str], ...]:
    """Each rule's pattern behind a look-ahead for its first characters: the same matches, found faster."""
    return tuple(ahead(rule.regex) for rule in RULES)


@functools.cache
def _runs() -> tuple[tuple[int, PhraseRule, re.Pattern[str]], ...]:
    """Each rule with the words it needs (:func:`_screen`) and its fast pattern, in order: read once a sentence."""
    return tuple(zip(_screen().masks, RULES, _fast(), strict=True))


class _Reference(NamedTuple):
    """What a phrase is read against: the century of the text's two-digit fiscal years, the publication date."""

    century: int | None
    published: PartialDate | None


def _phrase(
    text: str, match: re.Match[str], span: tuple[int, int, int], rule: PhraseRule, reference: _Reference
) -> PeriodPhrase | None:
    first, last, end = span  # the phrase, and the end of its sentence
    role = rule.role
    century = reference.century
    if rule.published is not None:
        return _from_publication(match, (first, last), rule, reference.published)
    after = text[last : min(last + 40, end)]  # not text[:end][...]: a copy of the text before each phrase
    ends_in_digits = match.group().rstrip()[-1:].isdigit()
    if role is Role.STATED and ends_in_digits and (rx(_NOT_A_PERIOD_AFTER).match(after) or opens_with_unit(after)):
        return None  # "in 2022 Hang Seng", "by 2025 tonnes": a year as a word of a name, or no year
    if role is Role.COMPARE and ends_in_digits and opens_with_unit(after):
        return None  # "below 2000 metres": a figure, not a year
    words = match.group()
    try:
        periods = rule.read(match, century)
    except PeriodError:
        if rule.drop_unreadable:
            return None
        return PeriodPhrase(first, last, words, Role.BLOCK, rule=rule.name)
    # "over 2022" and "on FY2022" name a period, or what a change just before them compares with
    introduced = rx(r"(?:over|on)\s", _I).match(words) or rx(r"\b(?:over|on)\s+$").search(
        text[max(0, first - 5) : first]
    )
    comparative = bool(introduced) and len(periods) == 1 and not isinstance(periods[0], AsOf | Span)
    if role is Role.COMPARE:
        return PeriodPhrase(first, last, words, role, periods, rule=rule.name)
    if role is Role.STATED and not periods:
        return PeriodPhrase(first, last, words, Role.BLOCK, rule=rule.name)
    return PeriodPhrase(first, last, words, role, periods, comparative, rule.name)


def _from_publication(
    match: re.Match[str], span: tuple[int, int], rule: PhraseRule, published: PartialDate | None
) -> PeriodPhrase:
    """A phrase relative to the publication date, read against it: "to date" is as of that date.

    Without a publication date it states no period ("to date" blocks the context, as a rate
    does), and a window ("over the past three years") stays a stretch back from the period
    its sentence states.
    """
    periods: tuple[Period, ...] = ()
    if published is not None and rule.published is not None:
        try:
            periods = rule.published(match, published)
        except PeriodError:
            periods = ()
    role = rule.role
    if role is Role.PUBLISHED:
        role = Role.STATED if periods else Role.BLOCK
    return PeriodPhrase(*span, match.group(), role, periods, rule=rule.name)


def opens_with_unit(after: str) -> bool:
    """Whether ``after`` opens with a unit or a counted noun: then the digits before it are no year."""
    word = rx(r"\s*(%|[A-Za-z]+)").match(after)
    if word is None:
        return False
    if word.group(1) == "%" or word.group(1).lower() in COUNT_NOUNS or names_people(word.group(1)):
        return True
    try:
        parse_unit(word.group(1))
    except EsgClaimsError:
        return False
    return True


def fiscal_convention(phrases: list[PeriodPhrase]) -> FiscalConvention | None:
    """How the text names fiscal years, if it says: "the year ended 31 March 2023 ("FY2023")", "fiscal year ends on 31 December".

    A name given to a year ended ("FY2023") says which year the text's fiscal years are
    named by; a definition alone ("our financial year ends on 31 March") says only the
    month they end in, and a fiscal year is then named by the year it ends in, as a
    split year ("FY2023/24") is.
    """  # noqa: E501
    found: FiscalConvention | None = None
    for phrase in phrases:
        convention = _convention(phrase)
        if convention is not None and convention.offset is not None:
            return convention
        found = found or convention
    return found


_STRETCH = r"(?:(?:\d{2}|fifty-two|fifty-three)[- ]weeks?\s+)?(?:year|period)|\w+\s+(?:weeks|months)"
"""What a fiscal year is called when it is bound to its last day: "the year", "the 53-week period", "52 weeks"."""
_BOUND_NAME = (
    rf"(?:FY\s?(?P<name>{FY_YEAR})|(?:fiscal|financial)\s+(?:year\s+)?(?P<name2>{YEAR})"
    rf"|(?P<name3>{YEAR})\s+(?:fiscal|financial)\s+year)"
    rf"(?:\s*[/\-\u2013]\s*(?P<tail>{YEAR}|\d{{2}})(?!\d))?"  # "the financial year 2023/24, which ended on ..."
)
_BOUND_DATE = rf"(?P<date>{DAY_DATE}|{MONTH},?\s+{YEAR})"
#: A fiscal year's name, bound in the text to the day it ends: "fiscal 2023 is the year ended January 31, 2024",
#: "fiscal 2023 (ended 3 February 2024)", "fiscal year 2023, which ended on 3 February 2024"; or the other way
#: round: "the 52 weeks ended 3 February 2024 (fiscal 2023)".
_BOUND = [
    re.compile(
        rf"(?<![A-Za-z0-9_$]){_BOUND_NAME}"
        rf"(?:\s*\(\s*(?:the\s+)?(?:(?:fiscal|financial)\s+)?(?:{_STRETCH})?\s*(?:{ENDED}|ends|to|through)"
        rf"|\s*,?\s+(?:which|that)\s+(?:ended|ends|closed|closes|will\s+end)"
        rf"|(?:\s*,\s*|\s+)(?:{ENDED})"
        rf"|\s+(?:is|was|means|meaning|refers\s+to|covers|denotes|being)\s+(?:the\s+)?(?:(?:fiscal|financial)\s+)?"
        rf"(?:{_STRETCH})\s+(?:that\s+|which\s+)?(?:{ENDED}|ends|to|through))"
        rf"\s+(?:on\s+)?{_BOUND_DATE}",
        _I,
    ),
    re.compile(
        rf"(?<![A-Za-z0-9_$])(?:{_STRETCH})\s+(?:{ENDED})\s+(?:on\s+)?{_BOUND_DATE}"
        rf"\s*(?:\(\s*[\"“'\u2018]?\s*|,\s*(?:or|i\.e\.,?)\s+){_BOUND_NAME}",
        _I,
    ),
]


def bound_convention(text: str) -> FiscalConvention | None:
    """How a text names its fiscal years, when it binds a name to the day one ends.

    "The company's fiscal year ends on January 31, so fiscal 2023 is the year ended
    January 31, 2024": fiscal years are named by the year they start in, and every
    fiscal year the text names ("fiscal 2022", "by the end of fiscal 2030") is read so.
    A year of 52 or 53 weeks ends, by its months, with the month it ends nearest the end
    of: "fiscal 2023 (ended 3 February 2024)" runs from February to January.

    Examples:
        >>> bound_convention("Fiscal 2023 is the year ended January 31, 2024.")
        FiscalConvention(end_month=1, offset=-1, century=None)
        >>> bound_convention("In fiscal 2023 (ended 3 February 2024), sales grew.")
        FiscalConvention(end_month=1, offset=-1, century=None)
        >>> bound_convention("Fiscal year 2024, which ended on 30 June 2024, was a record.")
        FiscalConvention(end_month=6, offset=0, century=None)
        >>> bound_convention("For the 52 weeks ended 3 February 2024 (fiscal 2023), sales grew.")
        FiscalConvention(end_month=1, offset=-1, century=None)
        >>> bound_convention("In fiscal 2023 we opened 3 stores.") is None
        True
        >>> bound_convention("The financial year 2023/24, which ended on 30 June 2024, was a record.")
        FiscalConvention(end_month=6, offset=0, century=None)
    """
    for match in sorted((m for bound in _BOUND for m in bound.finditer(text)), key=lambda m: m.start()):
        try:
            date = parse_date(match["date"])
        except PeriodError:
            continue
        date = month_end(date)  # "fiscal 2023 (ended 3 February 2024)": a year of 52 or 53 weeks
        if date.month is None:
            continue
        month, year = date.month, date.year
        short = match["name"] if match["name"] and len(match["name"]) == 2 else None
        try:
            name = int(full_year(short, year)) if short else int(match["name"] or match["name2"] or match["name3"])
            if match["tail"]:  # a split year is named by the year it ends in: its second
                name = int(full_year(match["tail"], year)) if name + 1 == year else -1
        except PeriodError:
            continue
        if name - year not in (-1, 0):
            continue
        return FiscalConvention(month, name - year, None if short is None else name // 100 * 100)
    return None


def _convention(phrase: PeriodPhrase) -> FiscalConvention | None:
    if phrase.role is Role.CONVENTION:
        month = MONTH_NUMBERS[re.findall(MONTH, phrase.text, _I)[-1][:3].lower()]
        return FiscalConvention(month, 0 if month == 12 else None)  # a year ending in December is named by it
    for period in phrase.periods:
        if isinstance(period, FiscalYear) and period.end is not None:
            alias = re.search(rf"\(\W*{FY_ALIAS}", phrase.text, _I)
            split = alias is None or alias["tail"] is not None
            offset = None if split else period.year - period.end.year
            century = None if alias is None or len(alias["name"]) == 4 else period.year // 100 * 100
            return FiscalConvention(period.end.month, offset, century)
    return None


def apply_convention(period: Period, convention: FiscalConvention | None) -> Period:
    """A fiscal year with its months, when the text says the month its fiscal years end in.

    A fiscal year is named by the calendar year it ends in ("FY2023" ends on 30 June 2023),
    as a split year is ("FY2022/23"), unless the text names a year ended otherwise
    ("the year ended 31 March 2024 ("FY2023")", "fiscal 2023 is the year ended January 31,
    2024"); then a year ended the text names by its date alone takes that name too.
    """
    if convention is None or not isinstance(period, FiscalYear):
        return period
    if period.first_month is not None:
        return _renamed(period, convention)
    end_year = period.year - (convention.offset or 0)
    month = convention.end_month % 12 + 1
    first = PartialDate(end_year - (0 if convention.end_month == 12 else 1), month)
    return FiscalYear(period.year, first_month=first)


def _renamed(period: FiscalYear, convention: FiscalConvention) -> FiscalYear:
    """A year ended ("the year ended January 31, 2024") by the name the text gives its fiscal years ("fiscal 2023")."""
    end = period.end
    if not convention.offset or end is None or end.month != convention.end_month or period.year != end.year:
        return period  # named already, by the year it ends in, or by a name the text gave it
    return FiscalYear(end.year + convention.offset, first_month=period.first_month)


_SPLIT_LABEL = re.compile(r"\d{2}\s*[/\-\u2013]\s*(?:\d{2}|\d{4})(?!\d)")


def with_convention(phrases: list[PeriodPhrase], convention: FiscalConvention | None) -> list[PeriodPhrase]:
    """The phrases with each split fiscal year ("FY2023/24", or "2023/24" alone) given the months the text says.

    A split year is named by the year it ends in, so the month its fiscal years end in is
    all it takes; "2023/24" alone is a fiscal year only in a text that says when they end.
    """
    if convention is None or convention.end_month == 12:  # no split year ends in December
        return phrases
    found = []
    for phrase in phrases:
        read = phrase
        if phrase.periods and _SPLIT_LABEL.search(phrase.text):
            periods = tuple(_with_months(period, convention.end_month) for period in phrase.periods)
            role = Role.STATED if phrase.role is Role.BLOCK else phrase.role
            read = phrase._replace(periods=periods, role=role)
        found.append(read)
    return found


def _with_months(period: Period, end_month: int) -> Period:
    if not isinstance(period, FiscalYear) or period.first_month is not None:
        return period
    return FiscalYear(period.year, first_month=PartialDate(period.year - 1, end_month + 1))


def shift_year(period: Period) -> Period | None:
    """The same period a year earlier, when it has one: 2023 → 2022, as of 2023-12-31 → as of 2022-12-31."""
    if isinstance(period, CalendarYear):
        return CalendarYear(period.year - 1)
    if isinstance(period, HalfYear):
        return HalfYear(period.year - 1, period.half)
    if isinstance(period, Quarter):
        return Quarter(period.year - 1, period.quarter)
    if isinstance(period, FiscalYear):
        first = period.first_month
        return FiscalYear(period.year - 1, first_month=None if first is None else _back(first))
    if isinstance(period, AsOf) and period.date is not None and period.since is None:
        return AsOf(_back(period.date))
    if isinstance(period, Span):
        return Span(_back(period.first), _back(period.last))
    return None


def _back(date: PartialDate) -> PartialDate:
    if date.day is not None and date.month is not None:
        day = min(date.day, PartialDate(date.year - 1, date.month).last.day)  # 29 February
        return PartialDate(date.year - 1, date.month, day)
    return PartialDate(date.year - 1, date.month)


def windows(phrases: list[PeriodPhrase]) -> list[PeriodPhrase]:
    """A window's role: "within the past three years" adds nothing after a period its sentence states.

    Else it is the span the publication date gives it, or, without that date, no period.
    """
    stated = [p.end for p in phrases if p.role in (Role.STATED, Role.END_OF) and not p.comparative]
    return [
        p._replace(role=Role.STATED if p.periods else Role.BLOCK)
        if p.role is Role.WINDOW and not any(end <= p.start for end in stated)
        else p
        for p in phrases
    ]


def deadline(phrase: PeriodPhrase) -> bool:
    """A date a target is set for: "by the end of FY2026", "by 2030"."""
    if phrase.role is Role.END_OF:
        return True
    return (
        phrase.role is Role.STATED
        and len(phrase.periods) == 1
        and isinstance(phrase.periods[0], AsOf)
        and phrase.periods[0].since is None
    )
