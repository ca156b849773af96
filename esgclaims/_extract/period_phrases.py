"""Finding the period phrases of a sentence, for :func:`esgclaims.extract`.

Each phrase is read with :func:`esgclaims.parse_period`. Phrases that need a
reference ("during the year", "a year earlier") are kept with their role and read
later against the period the context states, never against today's date.
"""

from __future__ import annotations

import enum
import re
from datetime import timedelta
from typing import NamedTuple

from esgclaims._errors import EsgClaimsError, PeriodError
from esgclaims._nouns import COUNT_NOUNS
from esgclaims._parse_period import fiscal_label, months_ended, parse_date, parse_period
from esgclaims._periods import AsOf, CalendarYear, FiscalYear, HalfYear, PartialDate, Period, Quarter, Span
from esgclaims._units import parse_unit

__all__ = [
    "FiscalConvention",
    "PeriodPhrase",
    "Role",
    "bound_convention",
    "fiscal_convention",
    "period_phrases",
    "shift_year",
    "with_convention",
]

_I = re.IGNORECASE
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?<![\d,.])(?:19|20)\d{2}(?!\d|,\d)"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_CN_DATE = rf"{_YEAR}\s*年(?:\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*日)?)?"
_DAY_DATE = rf"(?:{_MONTH}\s+{_DAY},?\s+{_YEAR}|{_DAY}\s+{_MONTH},?\s+{_YEAR}|{_YEAR}-\d{{2}}-\d{{2}})"
_DATE = rf"(?:{_DAY_DATE}|{_CN_DATE}|{_MONTH},?\s+{_YEAR}|{_YEAR})"
_IN = r"(?:(?:in|during|for|over|throughout|across|within)\s+)"
_TAIL_YEAR = r"(?:19|20)\d{2}"


def _split(name: str) -> str:
    """The second year of a split fiscal year, "FY2023/24" or "FY2023-2024", as the group ``name``."""
    return rf"(?:\s*[/\-\u2013]\s*(?P<{name}>{_TAIL_YEAR}|\d{{2}})(?![\d%]))?"


#: What a year ended may be named in parentheses: "("FY2024")", "(FY2023/24)", "("H1 2024")".
_ALIAS = r"(?:\s*\(\s*[\"“'\u2018]?\s*(?P<alias>[A-Za-z0-9][A-Za-z0-9 /\-\u2013]{0,14}?)\s*[\"”'\u2019]?\s*\))?"
#: The year of "FY2024", or of "FY24" (read only when the text says which century its two-digit years are in).
_FY_YEAR = rf"(?:{_YEAR}|(?<!\d)\d{{2}}(?!\d|,\d|%))"
_PREVIOUS = r"a\s+year\s+(?:earlier|before|ago)|the\s+(?:previous|prior|preceding)\s+(?:fiscal\s+|financial\s+)?year"
_COUNT = r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|2|3|4|5|6|7|8|9|10|11)"
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_COUNTS |= {"eleven": 11, "一": 1, "二": 2, "两": 2, "三": 3}
#: Part of a year, spelled out: "the third quarter of 2022", "the first half of 2022", "the first nine months of 2023".
_PART_OF_YEAR = (
    rf"(?:the\s+)?(?:(?P<partq>first|second|third|fourth)\s+quarter|(?P<parth>first|second)\s+half"
    rf"|first\s+(?P<partm>{_COUNT})\s+months|first\s+(?P<partn>two|three|2|3)\s+quarters)"
    rf"\s+(?:of\s+)?(?:the\s+year\s+)?(?P<party>{_YEAR})"
)
#: Where 到 means "by" before a year: opening a clause, or after "aim to" (力争到2025年), not in 达到 or 受到.
_CN_BY = (
    "(?:(?<![\u4e00-\u9fff])|"
    + "|".join(f"(?<={word})" for word in ("力争", "争取", "计划", "预计", "目标", "将", "要"))
    + ")"
)
#: The same in Chinese: "2023年前三季度", "2023年1-9月", "2023年1至9月".
_CN_PART_OF_YEAR = (
    rf"(?P<cnpy>{_YEAR})\s*年\s*(?:前(?P<cnpq>[一二三两])季度|1\s*(?:[-–~至到])\s*(?P<cnpm>[2-9]|1[01])\s*月)"
)


class Role(enum.Enum):
    """What a period phrase does in its sentence."""

    STATED = "stated"
    """A period the text states: "as of Sept. 30, 2020", "In 2020"."""
    THE_YEAR = "the_year"
    """ "during the year": the year of the period in context."""
    YEAR_END = "year_end"
    """ "at the end of the fiscal year": the last day of the period in context."""
    PREVIOUS = "previous"
    """ "a year earlier": the period in context, a year back."""
    BLOCK = "block"
    """A period the model cannot hold ("the 2021 academic year") or relative to an unstated date ("up to now")."""
    EVENT = "event"
    """The date of an event ("founded in 1998"): no period of a figure, but one the event comes with
    ("set up in 2019 with HK$100 million")."""
    END_OF = "end_of"
    """ "by FY2030": the last day of a period, when the text's fiscal years say which it is."""
    COMPARE = "compare"
    """What a change compares with: "compared with FY2022", "from the previous year"."""
    CONVENTION = "convention"
    """A definition of the fiscal year ("fiscal year ends on 31 December")."""
    PART = "part"
    """ "in the second half", "the first quarter": that part of the year in context, or of the year reported on."""
    WINDOW = "window"
    """A stretch of time back from the figure's date ("within the past three years"): no period of its own."""


class PeriodPhrase(NamedTuple):
    """A period phrase of a sentence, its role, and the periods it states (two or more for "in 2020 and 2021")."""

    start: int
    end: int
    text: str
    role: Role
    periods: tuple[Period, ...] = ()
    comparative: bool = False
    """Introduced by "from", "over" or "on": the baseline of a change that comes just before it."""


class FiscalConvention(NamedTuple):
    """How a text names its fiscal years: the month they end in, and the year they are named by."""

    end_month: int
    offset: int | None
    """The name's year minus the calendar year the fiscal year ends in; ``None`` when the text does not say
    (then a fiscal year is named by the year it ends in)."""
    century: int | None = None
    """The century of two-digit names ("FY24"), when the text names a year ended with one."""


_WEEKS = r"(?:52|53|fifty-two|fifty-three)[- ]weeks?"
"""A retailer's year of 52 or 53 weeks: "the 53-week period ended January 28, 2023", "the 52 weeks ended ..."."""
_NOT_A_PERIOD_AFTER = (
    r"\s*(?:[A-Z]|ESG|CSR|annual|sustainability|reports?\b|edition|review|survey|index|ranking|awards?\b|list)"
)
_UNREADABLE_AFTER = r"\s+(?:academic|school|harvest|crop|reporting|budget|planting)\s+(?:year|season|period|cycle)s?\b"

# (pattern, role), tried in order; an earlier phrase wins where two overlap.
_PATTERNS: list[tuple[str, Role]] = [
    (
        (
            rf"(?:for\s+)?(?:the\s+)?(?:financial\s+|fiscal\s+|reporting\s+)?"
            rf"(?:(?P<months>{_COUNT}|twelve|12)\s+months|(?:{_WEEKS}\s+)?year|{_WEEKS}(?:\s+period)?|half[- ]year"
            rf"|quarter)\s+(?:ended|ending)\s+"
            rf"(?P<ended>{_DAY_DATE}){_ALIAS}"
        ),
        Role.STATED,
    ),
    (
        (
            rf"(?:fiscal|financial)\s+years?\s+(?:that\s+|which\s+)?(?:ends?|ending|ended|closes|closing)\s+(?:on\s+)?"
            rf"(?:{_DAY}\s+{_MONTH}|{_MONTH}\s+{_DAY})(?!,?\s*\d)"
            rf"|(?:fiscal|financial)\s+years?\s+(?:runs?\s+|running\s+|is\s+|spans?\s+)?from\s+"
            rf"(?:{_DAY}\s+{_MONTH}|{_MONTH}(?:\s+{_DAY})?)\s+(?:to|until|through)\s+"
            rf"(?:{_DAY}\s+{_MONTH}|{_MONTH}(?:\s+{_DAY})?)(?!,?\s*\d)"
            rf"|{_DAY}\s+{_MONTH}\s+(?:financial\s+|fiscal\s+)?year[- ]end\b"
        ),
        Role.CONVENTION,
    ),
    (rf"since\s+(?:(?:the|its|our|their)\b[^,.;:\d]{{0,60}}?\s+(?:in|on)\s+)?(?P<since>{_DATE})", Role.STATED),
    (
        (
            rf"(?:compared\s+(?:with|to)|versus|vs\.?|than(?:\s+(?:in|during|for))?|relative\s+to|against|from"
            rf"|below|above)\s+"
            rf"(?:the\s+|a\s+|its\s+|our\s+)?(?:(?:baseline|base)\s+(?:year\s+)?(?:of\s+)?)?"
            rf"(?P<compare>FY\s?(?P<comparefy>{_FY_YEAR}){_split('comparetail')}|(?:fiscal|financial)\s+(?:year\s+)?{_YEAR}"
            rf"{_split('comparetail2')}|{_YEAR}{_split('comparetail3')}\s+(?:fiscal|financial)\s+year"
            rf"|[HQ][1-4]\s?{_YEAR}|{_PART_OF_YEAR}|{_DATE}|{_PREVIOUS}|last\s+year"
            rf"|the\s+same\s+period\s+(?:of\s+|in\s+)?(?:last\s+year|{_YEAR}))"
            rf"(?:\s+(?:baseline|base\s+year|levels?))?(?!\s+to\s)"
        ),
        Role.COMPARE,
    ),
    (rf"(?:over|on)\s+(?P<compare>{_PREVIOUS}|last\s+year)", Role.COMPARE),
    (
        (
            rf"(?:by|as\s+(?:of|at)|until|through)\s+(?:the\s+end\s+of\s+)?(?:the\s+)?"
            rf"(?:FY\s?(?P<endfy>{_FY_YEAR}){_split('endtail')}"
            rf"|(?:fiscal|financial)\s+(?:year\s+)?(?P<endfy2>{_YEAR}){_split('endtail2')})"
        ),
        Role.END_OF,
    ),
    (rf"(?:from|between)\s+(?P<a>{_DATE})\s+(?:to|and|until|through|till|[-–])\s+(?P<b>{_DATE})", Role.STATED),
    (rf"{_IN}?(?P<y1>{_YEAR})\s*(?:[-–]|to)\s*(?P<y2>{_YEAR})", Role.STATED),
    (rf"{_YEAR}\s*年\s*(?:至|到)\s*{_YEAR}\s*年", Role.STATED),
    (
        (
            rf"(?:as\s+(?:of|at)|(?:by|at)\s+the\s+end\s+of|the\s+end\s+of|end\s+of|by|until|till|through|up\s+to)\s+"
            rf"(?P<asof>{_DATE})|at\s+(?P<atday>{_DAY_DATE})"
        ),
        Role.STATED,
    ),
    (
        (
            rf"(?:截至|截止)(?:到)?\s*(?:(?P<cnend0>{_YEAR}\s*年)\s*(?:底|末)|(?P<cnasof>{_CN_DATE}))(?:为止)?"
            rf"|{_CN_BY}到\s*(?:(?P<cnbyend>{_YEAR}\s*年)\s*(?:底|末)|(?P<cnby>{_CN_DATE}))"
            rf"|(?P<cnend>{_YEAR}\s*年)(?:底|末)"
        ),
        Role.STATED,
    ),
    (rf"{_IN}?{_PART_OF_YEAR}|{_CN_PART_OF_YEAR}", Role.STATED),
    (
        (
            rf"{_IN}?(?:the\s+)?(?P<half>first|second|1st|2nd)\s+half\s+(?:of\s+)?(?:the\s+year\s+)?(?P<hy>{_YEAR})"
            rf"|\bH(?P<h>[12])\s?(?P<hy2>{_YEAR})|(?P<hy3>{_YEAR})\s*年\s*(?P<cnhalf>上|下)半年"
        ),
        Role.STATED,
    ),
    (
        (
            rf"{_IN}?(?:the\s+)?(?P<quarter>first|second|third|fourth)\s+quarter\s+(?:of\s+)?(?P<qy>{_YEAR})"
            rf"|\bQ(?P<q>[1-4])\s?(?P<qy2>{_YEAR})"
        ),
        Role.STATED,
    ),
    (
        (
            rf"{_IN}?(?:the\s+)?(?:FY\s?(?P<fy>{_FY_YEAR}){_split('fytail')}"
            rf"|(?:fiscal|financial)\s+(?:year\s+)?(?P<fy2>{_YEAR}){_split('fytail2')}"
            rf"|(?P<fy3>{_YEAR}){_split('fytail3')}\s+(?:fiscal|financial)\s+year)(?:\s+alone)?"
        ),
        Role.STATED,
    ),
    (r"\bFY\s?\d{2}(?:\s*[/\-\u2013]\s*\d{2})?\b", Role.BLOCK),
    # "in 2023/24": a fiscal year when the text says when its fiscal years end, else no period the model can hold
    (
        (
            rf"{_IN}?(?:the\s+)?(?P<bare>{_YEAR})\s*"
            rf"(?:/\s*(?P<baretail>{_TAIL_YEAR}|\d{{2}})|[-\u2013]\s*(?P<baretail2>\d{{2}}))(?![\d%])"
        ),
        Role.BLOCK,
    ),
    (rf"(?:in|during|for)\s+(?P<years>{_YEAR}(?:\s*,\s*{_YEAR})*,?\s+and\s+{_YEAR})", Role.STATED),
    (
        (
            r"(?:founded|established|created|launched|set\s+up|incorporated|listed|opened|inaugurated|started|"
            rf"began|begun|introduced|signed|awarded|named)\s+(?:in|on)\s+(?P<event>{_DATE})"
        ),
        Role.EVENT,
    ),
    (rf"{_IN}(?:the\s+)?(?P<adj>{_YEAR}){_UNREADABLE_AFTER}", Role.BLOCK),
    (
        rf"{_IN}(?:the\s+(?:calendar\s+)?year\s+|calendar\s+(?:year\s+)?)?(?P<year>(?:{_MONTH}\s+)?{_YEAR})(?:\s+alone)?",
        Role.STATED,
    ),
    (rf"(?P<cnyear>{_CN_DATE})", Role.STATED),
    (rf"{_DAY}\s+{_MONTH}(?![\w-])|{_MONTH}\s+{_DAY}(?![\w%])|\d{{1,2}}\s*月\s*\d{{1,2}}\s*日", Role.EVENT),
    (
        r"(?:at\s+|by\s+)?the\s+end\s+of\s+the\s+(?:fiscal\s+|financial\s+|reporting\s+)?year|(?:at\s+)?year[- ]end\b",
        Role.YEAR_END,
    ),
    (
        (
            r"(?:during|in|for|over|throughout)\s+the\s+(?:fiscal\s+|financial\s+|reporting\s+)?"
            r"(?:year|period|half(?:[- ]year)?|quarter)\b(?![- ]end)"
        ),
        Role.THE_YEAR,
    ),
    (
        (
            rf"{_IN}?the\s+(?P<nth>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?P<part>half|quarter)\b"
            r"(?:[- ]year\b)?+"
            r"(?:\s+of\s+the\s+(?:fiscal\s+|financial\s+|reporting\s+|calendar\s+)?year\b"
            r"|(?!\s+of\b))"
        ),
        Role.PART,
    ),
    (_PREVIOUS, Role.PREVIOUS),
    (
        (
            r"up\s+to\s+now|to\s+date|so\s+far|at\s+present|currently|\bnow\b|today|"
            r"(?:each|every|per|a)\s+(?:year|month|week|day)\b|per\s+annum|annually|monthly|weekly|daily|"
            r"this\s+year|next\s+year|last\s+year|"
            r"(?:as\s+(?:of|at)|by|on)\s+the\s+(?:report(?:ing)?|publication)\s+date|现有|目前|截至目前"
        ),
        Role.BLOCK,
    ),
    (r"(?:in|over|during|within)\s+the\s+(?:past|last|next|coming)\s+\w+\s+(?:years|months)", Role.WINDOW),
]


def period_phrases(text: str, start: int, end: int, century: int | None = None) -> list[PeriodPhrase]:
    """The period phrases of ``text[start:end]``, in order, none overlapping.

    Two-digit fiscal years ("FY24") are read in ``century`` when the text gives one, else held as no period.
    """
    found: list[PeriodPhrase] = []
    taken: list[tuple[int, int]] = []
    for pattern, role in _PATTERNS:
        for match in re.finditer(rf"(?<![A-Za-z0-9_$]){pattern}", text[start:end], _I):
            first, last = start + match.start(), start + match.end()
            if any(first < b and a < last for a, b in taken):
                continue
            phrase = _phrase(text[:end], match, (first, last), role, century)
            if phrase is not None:
                found.append(phrase)
                taken.append((first, last))
    return sorted(found)


def _phrase(
    text: str, match: re.Match[str], span: tuple[int, int], role: Role, century: int | None
) -> PeriodPhrase | None:
    first, last = span
    groups = {key: value for key, value in match.groupdict().items() if value is not None}
    after = text[last : last + 40]
    ends_in_digits = match.group().rstrip()[-1:].isdigit()
    if role is Role.STATED and ends_in_digits and (re.match(_NOT_A_PERIOD_AFTER, after) or _counted(after)):
        return None  # "in 2022 Hang Seng", "by 2025 tonnes": a year as a word of a name, or no year
    if role is Role.COMPARE and ends_in_digits and _counted(after):
        return None  # "below 2000 metres": a figure, not a year
    words = match.group()
    try:
        periods = _periods(groups, words, century)
    except PeriodError:
        if "bare" in groups:
            return None  # "2023-12": a month, not a split year
        return PeriodPhrase(first, last, words, Role.BLOCK)
    # "over 2022" and "on FY2022" name a period, or what a change just before them compares with
    introduced = re.match(r"(?:over|on)\s", words, _I) or re.search(r"\b(?:over|on)\s+$", text[first - 5 : first])
    comparative = bool(introduced) and len(periods) == 1 and not isinstance(periods[0], AsOf | Span)
    if role is Role.COMPARE:
        return PeriodPhrase(first, last, words, role, periods)
    if role is Role.STATED and not periods:
        return PeriodPhrase(first, last, words, Role.BLOCK)
    return PeriodPhrase(first, last, words, role, periods, comparative)


def _counted(after: str) -> bool:
    """Whether ``after`` opens with a unit or a counted noun: then the digits before it are no year."""
    word = re.match(r"\s*(%|[A-Za-z]+)", after)
    if word is None:
        return False
    if word.group(1) == "%" or word.group(1).lower() in COUNT_NOUNS:
        return True
    try:
        parse_unit(word.group(1))
    except EsgClaimsError:
        return False
    return True


def _periods(groups: dict[str, str], words: str, century: int | None) -> tuple[Period, ...]:
    if "ended" in groups:
        return (_ended(groups, words),)
    if "since" in groups:
        return (parse_period(f"since {groups['since']}"),)
    if "compare" in groups:
        compared = groups["compare"]
        if re.match(_PREVIOUS, compared, _I) or "last year" in compared.lower() or "same period" in compared.lower():
            return ()
        if "party" in groups:
            return (_part_of_year(groups),)
        if "comparefy" in groups:
            year = _in_century(groups["comparefy"], century)
            return (FiscalYear(fiscal_label(year, groups.get("comparetail"), words)),)
        return (parse_period(compared),)
    if "a" in groups:
        return (parse_period(f"from {groups['a']} to {groups['b']}"),)
    if "event" in groups:  # "set up in 2019": the period of a figure of the event only ("... with HK$100 million")
        try:
            return (parse_period(groups["event"]),)
        except PeriodError:
            return ()  # an event on an impossible date still sets no period
    if "y1" in groups:
        return (parse_period(f"{groups['y1']} to {groups['y2']}"),)
    if "asof" in groups:
        end_of = "the end of " if re.search(r"\bend\s+of\b", words, _I) else ""
        return (parse_period(f"as of {end_of}{groups['asof']}"),)
    if "atday" in groups:
        return (AsOf(parse_date(groups["atday"])),)
    for name in ("cnend0", "cnbyend", "cnend"):
        if name in groups:
            return (AsOf(parse_date(groups[name] + "底")),)
    if "cnasof" in groups or "cnby" in groups:
        return (AsOf(parse_date(groups.get("cnasof") or groups["cnby"])),)
    if "party" in groups or "cnpy" in groups:
        return (_part_of_year(groups),)
    if "hy" in groups or "hy2" in groups or "hy3" in groups:
        half = groups.get("half", "").lower()
        number = 1 if half in ("first", "1st") or groups.get("h") == "1" or groups.get("cnhalf") == "上" else 2
        return (HalfYear(int(groups.get("hy") or groups.get("hy2") or groups["hy3"]), number),)
    if "qy" in groups or "qy2" in groups:
        return (parse_period(f"{groups['quarter']} quarter {groups['qy']}" if "qy" in groups else words.strip()),)
    for name, tail in (("endfy", "endtail"), ("endfy2", "endtail2"), ("fy", "fytail"), ("fy2", "fytail2")):
        if name in groups:
            return (FiscalYear(fiscal_label(_in_century(groups[name], century), groups.get(tail), words)),)
    if "fy3" in groups:
        return (FiscalYear(fiscal_label(groups["fy3"], groups.get("fytail3"), words)),)
    if "bare" in groups:
        return (FiscalYear(fiscal_label(groups["bare"], groups.get("baretail") or groups["baretail2"], words)),)
    if "years" in groups:
        return tuple(CalendarYear(int(year)) for year in re.findall(r"\d{4}", groups["years"]))
    if "year" in groups:
        return (parse_period(groups["year"]),)
    if "cnyear" in groups:
        return (parse_period(groups["cnyear"]),)
    if re.fullmatch(rf"{_YEAR}\s*年\s*(?:至|到)\s*{_YEAR}\s*年", words):
        first, last = re.findall(r"\d{4}", words)
        return (parse_period(f"{first} to {last}"),)
    return ()


def _part_of_year(groups: dict[str, str]) -> Period:
    """ "the third quarter of 2022", "the first nine months of 2023", "2023年前三季度": a quarter, a half or a span."""  # noqa: D210
    year = int(groups.get("party") or groups["cnpy"])
    ordinals = {"first": 1, "second": 2, "third": 3, "fourth": 4}
    if "partq" in groups:
        return Quarter(year, ordinals[groups["partq"].lower()])
    if "parth" in groups:
        return HalfYear(year, ordinals[groups["parth"].lower()])
    months_of = groups.get("partm") or groups.get("cnpm")
    count = months_of or groups.get("partn") or groups["cnpq"]
    months = (int(count) if count.isdigit() else _COUNTS[count.lower()]) * (1 if months_of else 3)
    if months == 6:
        return HalfYear(year, 1)
    if months == 3:
        return Quarter(year, 1)
    return Span(PartialDate(year, 1), PartialDate(year, months))


_FY_ALIAS = rf"(?:FY\s?|fiscal\s+(?:year\s+)?|financial\s+year\s+)(?P<name>{_TAIL_YEAR}|\d{{2}}){_split('tail')}"


def _ended(groups: dict[str, str], words: str) -> Period:
    """ "the year ended 31 March 2024 ("FY2024")", "the six months ended 30 June 2024": the months up to that date."""  # noqa: D210
    count = groups.get("months", "").lower()
    if count:
        months = int(count) if count.isdigit() else 12 if count == "twelve" else _COUNTS[count]
    else:
        months = 6 if re.search(r"half", words, _I) else 3 if re.search(r"quarter", words, _I) else 12
    date = parse_date(groups["ended"])
    if months == 12:
        date = _month_end(date)  # "the 53-week period ended January 28, 2023": the year of February to January
    period = months_ended(date, months)
    alias = re.fullmatch(_FY_ALIAS, groups.get("alias", ""), _I)
    if months != 12 or alias is None:
        return period  # "("H1 2024")" names what the months already say
    tail = alias["tail"]
    name = fiscal_label(_full(alias["name"], date.year), None if tail is None else _full(tail, date.year), words)
    if tail is not None and name != date.year:
        raise PeriodError(f"{words!r}: a split fiscal year ends in its second year")
    month = date.month or 12  # months_ended checked that the date has a month
    first = PartialDate(date.year - 1, month + 1) if month != 12 else PartialDate(date.year, 1)
    return FiscalYear(name, first_month=first)


def _month_end(date: PartialDate) -> PartialDate:
    """The last day of the month a year of 52 or 53 weeks ends with, by its months.

    Such a year ends on a weekday near the end of a month: up to a week before it
    ("January 28, 2023") or a week into the next ("3 February 2024" ends a year of
    February to January). Any other date is left as it is.
    """
    if date.month is None or date.day is None:
        return date
    last = PartialDate(date.year, date.month).last
    if date.day <= 7:
        return PartialDate.of(date.first.replace(day=1) - timedelta(days=1))
    if last.day - date.day <= 6:
        return PartialDate.of(last)
    return date


def _in_century(year: str, century: int | None) -> str:
    """The year of "FY2024" or "FY24", in four digits; a two-digit one only in the century the text names."""
    if len(year) == 4:
        return year
    if century is None:
        raise PeriodError(f"two-digit fiscal year 'FY{year}' is ambiguous")
    return f"{century + int(year):04d}"


def _full(year: str, near: int) -> str:
    """A year of a name as four digits: "24" in "FY24" for a year ended in 2024, read with that date's century."""
    if len(year) == 4:
        return year
    for candidate in (near, near - 1, near + 1):
        if candidate % 100 == int(year):
            return str(candidate)
    raise PeriodError(f"'FY{year}' names no year near {near}")


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
    rf"(?:FY\s?(?P<name>{_FY_YEAR})|(?:fiscal|financial)\s+(?:year\s+)?(?P<name2>{_YEAR})"
    rf"|(?P<name3>{_YEAR})\s+(?:fiscal|financial)\s+year)(?!\s*[/\-\u2013]\s*\d)"  # not "FY2022/23", a split year
)
_BOUND_DATE = rf"(?P<date>{_DAY_DATE}|{_MONTH},?\s+{_YEAR})"
#: A fiscal year's name, bound in the text to the day it ends: "fiscal 2023 is the year ended January 31, 2024",
#: "fiscal 2023 (ended 3 February 2024)", "fiscal year 2023, which ended on 3 February 2024"; or the other way
#: round: "the 52 weeks ended 3 February 2024 (fiscal 2023)".
_BOUND = [
    re.compile(
        rf"(?<![A-Za-z0-9_$]){_BOUND_NAME}"
        rf"(?:\s*\(\s*(?:the\s+)?(?:(?:fiscal|financial)\s+)?(?:{_STRETCH})?\s*(?:ended|ending|ends|to|through)"
        rf"|\s*,?\s+(?:which|that)\s+(?:ended|ends|closed|closes|will\s+end)"
        rf"|(?:\s*,\s*|\s+)(?:ended|ending)"
        rf"|\s+(?:is|was|means|meaning|refers\s+to|covers|denotes|being)\s+(?:the\s+)?(?:(?:fiscal|financial)\s+)?"
        rf"(?:{_STRETCH})\s+(?:that\s+|which\s+)?(?:ended|ending|ends|to|through))"
        rf"\s+(?:on\s+)?{_BOUND_DATE}",
        _I,
    ),
    re.compile(
        rf"(?<![A-Za-z0-9_$])(?:{_STRETCH})\s+(?:ended|ending)\s+(?:on\s+)?{_BOUND_DATE}"
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
    """
    for match in sorted((m for bound in _BOUND for m in bound.finditer(text)), key=lambda m: m.start()):
        try:
            date = parse_date(match["date"])
        except PeriodError:
            continue
        date = _month_end(date)  # "fiscal 2023 (ended 3 February 2024)": a year of 52 or 53 weeks
        if date.month is None:
            continue
        month, year = date.month, date.year
        short = match["name"] if match["name"] and len(match["name"]) == 2 else None
        try:
            name = int(_full(short, year)) if short else int(match["name"] or match["name2"] or match["name3"])
        except PeriodError:
            continue
        if name - year not in (-1, 0):
            continue
        return FiscalConvention(month, name - year, None if short is None else name // 100 * 100)
    return None


def _convention(phrase: PeriodPhrase) -> FiscalConvention | None:
    if phrase.role is Role.CONVENTION:
        month = _MONTH_NUMBERS[re.findall(_MONTH, phrase.text, _I)[-1][:3].lower()]
        return FiscalConvention(month, 0 if month == 12 else None)  # a year ending in December is named by it
    for period in phrase.periods:
        if isinstance(period, FiscalYear) and period.end is not None:
            alias = re.search(rf"\(\W*{_FY_ALIAS}", phrase.text, _I)
            split = alias is None or alias["tail"] is not None
            offset = None if split else period.year - period.end.year
            century = None if alias is None or len(alias["name"]) == 4 else period.year // 100 * 100
            return FiscalConvention(period.end.month, offset, century)
    return None


_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_NUMBERS = {name: number for number, name in enumerate(_MONTH_NAMES, 1)}


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
