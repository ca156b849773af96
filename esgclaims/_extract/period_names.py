"""The period phrase rules that come last: phrases that name a period, or lean on the context.

They are tried after the rules of :mod:`esgclaims._extract.period_rules`, in the order
they are written here; see there why the order matters.
"""

from __future__ import annotations

import re

from esgclaims._errors import PeriodError
from esgclaims._parse_period import fiscal_label, parse_period
from esgclaims._periods import AsOf, CalendarYear, FiscalYear, HalfYear, PartialDate, Period, Span

from .period_grammar import (
    CN_DATE,
    COUNT,
    COUNTS,
    DATE,
    DAY,
    FY_YEAR,
    HALF_ORDINAL,
    IN,
    MONTH,
    PREVIOUS_YEAR,
    QUARTER_ORDINAL,
    TAIL_YEAR,
    UNREADABLE_AFTER,
    YEAR,
    PhraseRule,
    Role,
    read_fiscal_year,
    read_nothing,
    split_year_group,
)

__all__ = ["NAME_RULES", "shifted"]

_rows: list[PhraseRule] = []


def _half(match: re.Match[str], _century: int | None) -> tuple[Period, ...]:
    first = match["half"].lower() in ("first", "1st", "1", "上")
    return (HalfYear(int(match["year"]), 1 if first else 2),)


_rows.append(
    PhraseRule(
        "half year",
        rf"{IN}?(?:the\s+)?(?P<half>{HALF_ORDINAL})\s+half\s+(?:of\s+)?(?:the\s+year\s+)?(?P<year>{YEAR})",
        Role.STATED,
        _half,
        examples=(("in the 2nd half of 2023", "H2 2023"), ("1st half 2022", "H1 2022")),
    )
)
_rows.append(
    PhraseRule("H and year", rf"\bH(?P<half>[12])\s?(?P<year>{YEAR})", Role.STATED, _half, (("H1 2024", "H1 2024"),))
)
_rows.append(
    PhraseRule(
        "half year, in Chinese",
        rf"(?P<year>{YEAR})\s*年\s*(?P<half>上|下)半年",
        Role.STATED,
        _half,
        examples=(("2022年上半年", "H1 2022"), ("2022年下半年", "H2 2022")),
    )
)


def _as_written(match: re.Match[str], _century: int | None) -> tuple[Period, ...]:
    return (parse_period(match.group().strip()),)


_rows.append(PhraseRule("Q and year", rf"\bQ[1-4]\s?{YEAR}", Role.STATED, _as_written, (("Q3 2023", "Q3 2023"),)))
_rows.append(
    PhraseRule(
        "FY",
        rf"{IN}?(?:the\s+)?FY\s?(?P<year>{FY_YEAR}){split_year_group('tail')}(?:\s+alone)?",
        Role.STATED,
        read_fiscal_year,
        examples=(("In FY2024, we", "FY2024"), ("in FY2023/24", "FY2024"), ("in FY24", "")),
    )
)
_rows.append(
    PhraseRule(
        "fiscal year",
        rf"{IN}?(?:the\s+)?(?:fiscal|financial)\s+(?:year\s+)?(?P<year>{YEAR}){split_year_group('tail')}(?:\s+alone)?",
        Role.STATED,
        read_fiscal_year,
        examples=(("in fiscal 2023", "FY2023"), ("during financial year 2022-23", "FY2023")),
    )
)
_rows.append(
    PhraseRule(
        "year fiscal year",
        rf"{IN}?(?:the\s+)?(?P<year>{YEAR}){split_year_group('tail')}\s+(?:fiscal|financial)\s+year(?:\s+alone)?",
        Role.STATED,
        read_fiscal_year,
        examples=(("in the 2023 fiscal year", "FY2023"),),
    )
)
_rows.append(
    PhraseRule(
        "FY, two digits", r"\bFY\s?\d{2}(?:\s*[/\-\u2013]\s*\d{2})?\b", Role.BLOCK, read_nothing, (("FY24%", ""),)
    )
)


def _split_year(match: re.Match[str], _century: int | None) -> tuple[Period, ...]:
    """ "2023/24", "2023-24": a fiscal year named by the year it ends in."""  # noqa: D210
    tail = match["slash_tail"] or match["dash_tail"]
    return (FiscalYear(fiscal_label(match["year"], tail, match.group())),)


# "in 2023/24": a fiscal year when the text says when its fiscal years end, else no period the model can hold
_rows.append(
    PhraseRule(
        "split year",
        rf"{IN}?(?:the\s+)?(?P<year>{YEAR})\s*"
        rf"(?:/\s*(?P<slash_tail>{TAIL_YEAR}|\d{{2}})|[-\u2013]\s*(?P<dash_tail>\d{{2}}))(?![\d%])",
        Role.BLOCK,
        _split_year,
        examples=(("in 2023/24", "FY2024"), ("2022-23", "FY2023")),
        drop_unreadable=True,  # "2023-12": a month, not a split year
    )
)


def _years(match: re.Match[str], _century: int | None) -> tuple[Period, ...]:
    return tuple(CalendarYear(int(year)) for year in re.findall(r"\d{4}", match["years"]))


_rows.append(
    PhraseRule(
        "years and",
        rf"(?:in|during|for)\s+(?P<years>{YEAR}(?:\s*,\s*{YEAR})*,?\s+and\s+{YEAR})",
        Role.STATED,
        _years,
        examples=(("in 2020 and 2021", "2020; 2021"), ("in 2019, 2020, and 2021", "2019; 2020; 2021")),
    )
)


def _event(match: re.Match[str], _century: int | None) -> tuple[Period, ...]:
    """ "set up in 2019": the period of a figure of the event only ("... with HK$100 million")."""  # noqa: D210
    try:
        return (parse_period(match["event"]),)
    except PeriodError:
        return ()  # an event on an impossible date still sets no period


_rows.append(
    PhraseRule(
        "event",
        r"(?:founded|established|created|launched|set\s+up|incorporated|listed|opened|inaugurated|started|"
        rf"began|begun|introduced|signed|awarded|named)\s+(?:in|on)\s+(?P<event>{DATE})",
        Role.EVENT,
        _event,
        examples=(("founded in 1998", "1998"), ("launched on 1 March 2021", "2021-03-01")),
    )
)
_rows.append(
    PhraseRule(
        "academic year",
        rf"{IN}(?:the\s+)?{YEAR}{UNREADABLE_AFTER}",
        Role.BLOCK,
        read_nothing,
        examples=(("in the 2021 academic year", ""), ("in the 2023 planting season", "")),
    )
)


def _year(match: re.Match[str], _century: int | None) -> tuple[Period, ...]:
    return (parse_period(match["year"]),)


_rows.append(
    PhraseRule(
        "in a year",
        rf"(?:{IN}(?:the\s+(?:calendar\s+)?year\s+|calendar\s+(?:year\s+)?)?|(?:the\s+)?\bcalendar\s+year\s+)"
        rf"(?P<year>(?:{MONTH}\s+)?{YEAR})(?:\s+alone)?",
        Role.STATED,
        _year,
        examples=(
            ("In 2020, we", "2020"),
            ("in March 2023, we", "2023-03"),
            ("in the calendar year 2022", "2022"),
            ("The report covers calendar year 2021.", "2021"),  # with no "in": the year a report covers
        ),
    )
)
_rows.append(
    PhraseRule(
        "date, in Chinese",
        rf"(?P<year>{CN_DATE})",
        Role.STATED,
        _year,
        examples=(("2023年我们", "2023"), ("2023年6月", "2023-06")),
    )
)
_rows.append(
    PhraseRule(
        "day and month",
        rf"{DAY}\s+{MONTH}(?![\w-])|{MONTH}\s+{DAY}(?![\w%])|\d{{1,2}}\s*月\s*\d{{1,2}}\s*日",
        Role.EVENT,
        read_nothing,
        examples=(("on 5 June", ""), ("on June 5,", ""), ("6月5日", "")),
    )
)
_rows.append(
    PhraseRule(
        "year end",
        r"(?:at\s+|by\s+)?the\s+end\s+of\s+the\s+(?:fiscal\s+|financial\s+|reporting\s+)?year|(?:at\s+)?year[- ]end\b",
        Role.YEAR_END,
        read_nothing,
        examples=(("at the end of the fiscal year", ""), ("at year-end", "")),
    )
)
_rows.append(
    PhraseRule(
        "the year",
        r"(?:during|in|for|over|throughout)\s+the\s+(?:fiscal\s+|financial\s+|reporting\s+)?"
        r"(?:year|period|half(?:[- ]year)?|quarter)\b(?![- ]end)",
        Role.THE_YEAR,
        read_nothing,
        examples=(("during the year", ""), ("in the reporting period", "")),
    )
)
_rows.append(
    PhraseRule(
        "part of the year",
        rf"{IN}?the\s+(?:{QUARTER_ORDINAL})\s+(?:half|quarter)\b"
        r"(?:[- ]year\b)?+"
        r"(?:\s+of\s+the\s+(?:fiscal\s+|financial\s+|reporting\s+|calendar\s+)?year\b|(?!\s+of\b))",
        Role.PART,
        read_nothing,
        examples=(("in the second half", ""), ("the first quarter of the fiscal year", "")),
    )
)
_rows.append(
    PhraseRule(
        "previous year", PREVIOUS_YEAR, Role.PREVIOUS, read_nothing, (("a year earlier", ""), ("the prior year", ""))
    )
)


def _to_date(_match: re.Match[str], published: PartialDate) -> tuple[Period, ...]:
    """ "to date", "so far", "until now", "for over 20 years": cumulative as of the publication date."""  # noqa: D210
    return (AsOf(published),)


_rows.append(
    PhraseRule(
        "to date",
        r"(?:up\s+to|until|till|to)\s+now\b|(?<!up\s)to\s+date\b|so\s+far\b|to\s+this\s+day\b"
        r"|(?:as\s+(?:of|at)|by|on)\s+the\s+publication\s+date|截至目前",
        Role.PUBLISHED,
        read_nothing,
        examples=(
            ("to date", "as of 2024-09-12"),
            ("Until now, we", "as of 2024-09-12"),
            ("截至目前", "as of 2024-09-12"),
        ),
        published=_to_date,
    )
)
_rows.append(
    PhraseRule(
        "for over N years",
        rf"for\s+(?:over|more\s+than|nearly|almost|close\s+to|the\s+(?:past|last))\s+(?:{COUNT}|\d{{2,3}})\s+years\b",
        Role.PUBLISHED,
        read_nothing,
        examples=(("for over 20 years", "as of 2024-09-12"), ("for more than ten years", "as of 2024-09-12")),
        published=_to_date,
    )
)


def _this_year(_match: re.Match[str], published: PartialDate) -> tuple[Period, ...]:
    """ "this year": the calendar year of the publication date, also in a text of fiscal years."""  # noqa: D210
    return (CalendarYear(published.year),)


_rows.append(
    PhraseRule(
        "this year",
        r"this\s+(?:calendar\s+)?year\b(?!['\u2019]s)",
        Role.PUBLISHED,
        read_nothing,
        examples=(("This year, we", "2024"), ("this calendar year", "2024")),
        published=_this_year,
    )
)
_rows.append(
    PhraseRule(
        "relative to now",
        r"at\s+present|currently|\bnow\b|today|"
        r"(?:each|every|per|a)\s+(?:year|month|week|day)\b|per\s+annum|annually|monthly|weekly|daily|"
        r"this\s+year|next\s+year|last\s+year|"
        r"(?:as\s+(?:of|at)|by|on)\s+the\s+report(?:ing)?\s+date|现有|目前",
        Role.BLOCK,
        read_nothing,
        examples=(("at present", ""), ("each year", ""), ("as of the reporting date", ""), ("目前", "")),
    )
)


def _window(match: re.Match[str], published: PartialDate) -> tuple[Period, ...]:
    """A stretch back from the publication date, or on from it, to the day.

    "over the past three years" is the three years up to the publication date; "in the next
    five years" the five from it.
    """
    count = match["count"].lower()
    if not count.isdigit() and count not in COUNTS:
        raise PeriodError(f"{match.group()!r} names no number of {match['unit']}", text=match.group(), hint=None)
    months = (int(count) if count.isdigit() else COUNTS[count]) * (12 if match["unit"].lower() == "years" else 1)
    if match["way"].lower() in ("next", "coming"):
        return (Span(published, shifted(published, months)),)
    return (Span(shifted(published, -months), published),)


def shifted(date: PartialDate, months: int) -> PartialDate:
    """``date`` moved by ``months`` months, at its own granularity; the 29th of February a year on is the 28th.

    Examples:
        >>> shifted(PartialDate(2024, 2, 29), -12), shifted(PartialDate(2023), 24)
        (PartialDate('2023-02-28'), PartialDate('2025'))
    """
    if date.month is None:
        return PartialDate(date.year + months // 12)
    year, month = divmod(date.year * 12 + date.month - 1 + months, 12)
    if date.day is None:
        return PartialDate(year, month + 1)
    return PartialDate(year, month + 1, min(date.day, PartialDate(year, month + 1).last.day))


_rows.append(
    PhraseRule(
        "window",
        r"(?:in|over|during|within)\s+the\s+(?P<way>past|last|next|coming)\s+(?P<count>\w+)\s+(?P<unit>years|months)",
        Role.WINDOW,
        read_nothing,
        examples=(
            ("within the past three years", "2021-09-12 to 2024-09-12"),
            ("over the last 12 months", "2023-09-12 to 2024-09-12"),
            ("In the next five years, we", "2024-09-12 to 2029-09-12"),
        ),
        published=_window,
    )
)

NAME_RULES: tuple[PhraseRule, ...] = tuple(_rows)
"""The rules of phrases that name a period or lean on the context, in the order the finder tries them."""
