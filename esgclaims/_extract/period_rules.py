"""The period phrase rules of :func:`esgclaims.extract`: one row per kind of phrase, next to its reader.

Each row (:class:`~esgclaims._extract.period_grammar.PhraseRule`) carries its own
pattern, the role its phrases play, the reader that builds the periods from its match,
and examples; ``tests/extraction/test_period_rules.py`` reads every example with the
finder and checks that this row, not an earlier one, took it and read what it expects.

Order matters: :data:`RULES` holds the rows in the order they are written here, the
finder tries them in that order, and where two phrases overlap the earlier row's wins.
So a longer phrase comes before the shorter phrases inside it: "the year ended 31 March
2024" before "31 March 2024", "compared with FY2022" before "FY2022", "since 2019" and
"by the end of 2025" before "2019" and "2025", "2023/24" before "2023", "the 2021
academic year" before "in 2021". A new row goes before the first row that would take
its examples; the test of the examples fails when it does not.
"""

from __future__ import annotations

import re

from esgclaims._errors import PeriodError
from esgclaims._lazy import compiled as rx
from esgclaims._parse_period import fiscal_label, months_ended, parse_date, parse_period
from esgclaims._periods import AsOf, FiscalYear, HalfYear, PartialDate, Period, Quarter, Span

from .period_grammar import (
    ALIAS,
    CN_BY,
    CN_DATE,
    COUNT,
    COUNTS,
    DATE,
    DAY,
    DAY_DATE,
    ENDED,
    FY_ALIAS,
    FY_YEAR,
    IN,
    MONTH,
    MONTH_NUMBERS,
    ORDINALS,
    PART_OF_YEAR,
    PREVIOUS_YEAR,
    SPLIT,
    TWELVE,
    WEEKS,
    YEAR,
    PhraseRule,
    Role,
    full_year,
    month_end,
    read_fiscal_year,
    read_nothing,
    split_year_group,
    year_in_century,
)
from .period_names import NAME_RULES

__all__ = ["RULES"]

_rows: list[PhraseRule] = []


def _ended(match: re.Match[str], _century: int | None) -> tuple[Period, ...]:
    """ "the year ended 31 March 2024 ("FY2024")", "the six months ended 30 June 2024": the months up to that date."""  # noqa: D210
    words = match.group()
    count = (match["months"] or "").lower()
    if count:
        months = int(count) if count.isdigit() else COUNTS[count]
    else:
        months = 6 if rx(r"half", re.I).search(words) else 3 if rx(r"quarter", re.I).search(words) else 12
    date = parse_date(match["ended"])
    if months == 12:
        date = month_end(date)  # "the 53-week period ended January 28, 2023": the year of February to January
    period = months_ended(date, months)
    alias = rx(FY_ALIAS, re.I).fullmatch(match["alias"] or "")
    if months != 12 or alias is None:
        return (period,)  # "("H1 2024")" names what the months already say
    tail = alias["tail"]
    name = fiscal_label(
        full_year(alias["name"], date.year), None if tail is None else full_year(tail, date.year), words
    )
    if tail is not None and name != date.year:
        raise PeriodError(f"{words!r}: a split fiscal year ends in its second year", text=words, hint=None)
    month = date.month or 12  # months_ended checked that the date has a month
    first = PartialDate(date.year - 1, month + 1) if month != 12 else PartialDate(date.year, 1)
    return (FiscalYear(name, first_month=first),)


_rows.append(
    PhraseRule(
        "months ended",
        rf"(?:for\s+)?(?:the\s+)?(?:financial\s+|fiscal\s+|reporting\s+)?"
        rf"(?:(?P<months>{COUNT}|{TWELVE}|12)\s+months|(?:{WEEKS}\s+)?year|{WEEKS}(?:\s+period)?|half[- ]year"
        rf"|quarter)\s+(?:{ENDED})\s+"
        rf"(?P<ended>{DAY_DATE}){ALIAS}",
        Role.STATED,
        _ended,
        examples=(
            ("the year ended 31 March 2024", "FY2024 (2023-04 to 2024-03)"),
            ('the year ended 31 March 2024 ("FY2023")', "FY2023 (2023-04 to 2024-03)"),
            ("the six months ended 30 June 2024", "H1 2024"),
            ("the 53-week period ended January 28, 2023", "FY2023 (2022-02 to 2023-01)"),
        ),
    )
)
_rows.append(
    PhraseRule(
        "twelve months to",
        rf"(?:for\s+)?(?:the\s+)?(?P<months>{TWELVE}|12)\s+months\s+to\s+(?P<ended>{DAY_DATE}){ALIAS}",
        Role.STATED,
        _ended,
        examples=(
            ("the twelve months to 31 March 2024", "FY2024 (2023-04 to 2024-03)"),
            ("In the 12 months to 31 December 2023, we", "2023"),
        ),
    )
)


def _years_up_to(match: re.Match[str], _century: int | None) -> tuple[Period, ...]:
    """ "the three years to March 2028": the years that end with that month, or with that year."""  # noqa: D210
    years, last = COUNTS.get(match["years"].lower()) or int(match["years"]), int(match["year"])
    if match["month"] is None:
        return (parse_period(f"{last - years + 1} to {last}"),)
    month = MONTH_NUMBERS[match["month"][:3].lower()]
    first = f"{last - years}-{month + 1:02d}" if month < 12 else f"{last - years + 1}-01"
    return (parse_period(f"{first} to {last}-{month:02d}"),)


_rows.append(
    PhraseRule(
        "years up to",
        rf"(?:(?:in|over|during)\s+)?the\s+(?P<years>{COUNT})\s+years\s+to\s+(?:(?P<month>{MONTH})\s+)?(?P<year>{YEAR})",
        Role.STATED,
        _years_up_to,
        examples=(
            ("In the three years to March 2028, we", "2025-04 to 2028-03"),
            ("over the five years to 2030", "2026 to 2030"),
            ("the 2 years to December 2024", "2023-01 to 2024-12"),
        ),
    )
)
_rows.append(
    PhraseRule(
        "fiscal year defined",
        rf"(?:fiscal|financial)\s+years?\s+(?:that\s+|which\s+)?(?:ends?|ending|ended|closes|closing)\s+(?:on\s+)?"
        rf"(?:{DAY}\s+{MONTH}|{MONTH}\s+{DAY})(?!,?\s*\d)"
        rf"|(?:fiscal|financial)\s+years?\s+(?:runs?\s+|running\s+|is\s+|spans?\s+)?from\s+"
        rf"(?:{DAY}\s+{MONTH}|{MONTH}(?:\s+{DAY})?)\s+(?:to|until|through)\s+"
        rf"(?:{DAY}\s+{MONTH}|{MONTH}(?:\s+{DAY})?)(?!,?\s*\d)"
        rf"|{DAY}\s+{MONTH}\s+(?:financial\s+|fiscal\s+)?year[- ]end\b",
        Role.CONVENTION,
        read_nothing,
        examples=(
            ("Our financial year ends on 31 March.", ""),
            ("The fiscal year runs from 1 July to 30 June.", ""),
            ("a 31 March year-end", ""),
        ),
    )
)


def _since(match: re.Match[str], _century: int | None) -> tuple[Period, ...]:
    return (parse_period(f"since {match['since']}"),)


_rows.append(
    PhraseRule(
        "since",
        rf"since\s+(?:(?:the|its|our|their)\b[^,.;:\d]{{0,60}}?\s+(?:in|on)\s+)?(?P<since>{DATE})",
        Role.STATED,
        _since,
        examples=(("since 2019, we", "since 2019"), ("since the programme began in 2019, we", "since 2019")),
    )
)


def _compared(match: re.Match[str], century: int | None) -> tuple[Period, ...]:
    """What a change compares with; nothing of its own for "the previous year", read later against the context."""
    compared = match["compare"]
    if rx(PREVIOUS_YEAR, re.I).match(compared) or "last year" in compared.lower() or "same period" in compared.lower():
        return ()
    if match["part_year"]:
        return _part_of_year(match, century)
    if match["fy"]:
        return (FiscalYear(fiscal_label(year_in_century(match["fy"], century), match["tail"], match.group())),)
    return (parse_period(compared),)


_rows.append(
    PhraseRule(
        "compared with",
        rf"(?:compared\s+(?:with|to)|versus|vs\.?|than(?:\s+(?:in|during|for))?|relative\s+to|against|from"
        rf"|below|above)\s+"
        rf"(?:the\s+|a\s+|its\s+|our\s+)?(?:(?:baseline|base)\s+(?:year\s+)?(?:of\s+)?)?"
        rf"(?P<compare>FY\s?(?P<fy>{FY_YEAR}){split_year_group('tail')}|(?:fiscal|financial)\s+(?:year\s+)?{YEAR}"
        rf"{SPLIT}|{YEAR}{SPLIT}\s+(?:fiscal|financial)\s+year"
        rf"|[HQ][1-4]\s?{YEAR}|{PART_OF_YEAR}|{DATE}|{PREVIOUS_YEAR}|last\s+year"
        rf"|the\s+same\s+period\s+(?:of\s+|in\s+)?(?:last\s+year|{YEAR}))"
        rf"(?:\s+(?:baseline|base\s+year|levels?))?(?!\s+to\s)",
        Role.COMPARE,
        _compared,
        examples=(
            ("compared with FY2022", "FY2022"),
            ("up 5% from 2021 levels", "2021"),
            ("compared with the first half of 2022", "H1 2022"),
            ("compared with the previous year", ""),
            ("against a 2019 baseline", "2019"),
        ),
    )
)
_rows.append(
    PhraseRule(
        "over the previous year",
        rf"(?:over|on)\s+(?P<compare>{PREVIOUS_YEAR}|last\s+year)",
        Role.COMPARE,
        _compared,
        examples=(("up 4% over the previous year", ""), ("up 4% on last year", "")),
    )
)


_BY = r"(?:by|as\s+(?:of|at)|until|through)\s+(?:the\s+end\s+of\s+)?(?:the\s+)?"
_rows.append(
    PhraseRule(
        "by FY",
        rf"{_BY}FY\s?(?P<year>{FY_YEAR}){split_year_group('tail')}",
        Role.END_OF,
        read_fiscal_year,
        examples=(("by FY2030", "FY2030"), ("by the end of FY2025/26", "FY2026")),
    )
)
_rows.append(
    PhraseRule(
        "by fiscal year",
        rf"{_BY}(?:fiscal|financial)\s+(?:year\s+)?(?P<year>{YEAR}){split_year_group('tail')}",
        Role.END_OF,
        read_fiscal_year,
        examples=(("by the end of fiscal 2030", "FY2030"),),
    )
)


def _from_to(match: re.Match[str], _century: int | None) -> tuple[Period, ...]:
    return (parse_period(f"from {match['first']} to {match['last']}"),)


_rows.append(
    PhraseRule(
        "from to",
        rf"(?:from|between)\s+(?P<first>{DATE})\s+(?:to|and|until|through|till|[-–])\s+(?P<last>{DATE})",
        Role.STATED,
        _from_to,
        examples=(("from 2019 to 2023", "2019 to 2023"), ("between January 2023 and March 2023", "2023-01 to 2023-03")),
    )
)


def _months_to(match: re.Match[str], _century: int | None) -> tuple[Period, ...]:
    """ "from June to August 2023", "July 3 to August 19, 2023": months or days of the year the range ends in."""  # noqa: D210
    if match["joiner"].lower() == "and" and not match.group().lower().startswith("between"):
        # "in June and August 2023"
        raise PeriodError(f"{match.group()!r} names two months, not a range", text=match.group(), hint=None)
    last = match["last"]
    if match["day"] is not None:  # "November 1 to 11, 2024": days of one month
        month = re.match(MONTH, match["first"], re.I)
        if month is None or not re.search(r"\d", match["first"]):
            raise PeriodError(f"{match.group()!r} names no month for its last day", text=match.group(), hint=None)
        last = f"{month.group()} {last}"
    return (parse_period(f"{match['first']} to {last}"),)


_rows.append(
    PhraseRule(
        "months to",
        rf"(?:(?:from|between)\s+)?(?P<first>{MONTH}(?:\s+{DAY})?|{DAY}\s+{MONTH})(?![A-Za-z])"
        rf"\s*(?P<joiner>to|and|until|through|till|[-\u2013])\s*"
        rf"(?P<last>(?:{MONTH}(?:\s+{DAY},?)?|{DAY}\s+{MONTH}|(?P<day>{DAY}),?)\s+{YEAR})",
        Role.STATED,
        _months_to,
        examples=(
            ("from June to August 2023", "2023-06 to 2023-08"),
            ("From July 3 to August 19, 2023, we", "2023-07-03 to 2023-08-19"),
            ("between 3 July and 19 August 2023", "2023-07-03 to 2023-08-19"),
            ("(January to June 2024)", "2024-01 to 2024-06"),
            ("from November 1 to 11, 2024", "2024-11-01 to 2024-11-11"),
        ),
        drop_unreadable=True,
    )
)


def _years_to(match: re.Match[str], _century: int | None) -> tuple[Period, ...]:
    return (parse_period(f"{match['first']} to {match['last']}"),)


_rows.append(
    PhraseRule(
        "years to",
        rf"{IN}?(?P<first>{YEAR})\s*(?:[-–]|to)\s*(?P<last>{YEAR})",
        Role.STATED,
        _years_to,
        examples=(("in 2021-2023, we", "2021 to 2023"), ("2020 to 2022", "2020 to 2022")),
    )
)
_rows.append(
    PhraseRule(
        "years to, in Chinese",
        rf"(?P<first>{YEAR})\s*年\s*(?:至|到)\s*(?P<last>{YEAR})\s*年",
        Role.STATED,
        _years_to,
        examples=(("2021年至2023年", "2021 to 2023"),),
    )
)


def _as_of(match: re.Match[str], _century: int | None) -> tuple[Period, ...]:
    end_of = "the end of " if rx(r"\bend\s+of\b", re.I).search(match.group()) else ""
    return (parse_period(f"as of {end_of}{match['date']}"),)


_rows.append(
    PhraseRule(
        "as of",
        rf"(?:as\s+(?:of|at)|(?:by|at)\s+the\s+end\s+of|the\s+end\s+of|end\s+of|by|until|till|through|up\s+to)\s+"
        rf"(?P<date>{DATE})",
        Role.STATED,
        _as_of,
        examples=(
            ("as of Sept. 30, 2020", "as of 2020-09-30"),
            ("by the end of 2025, we", "as of 2025-12-31"),
            ("as at 31 December 2023", "as of 2023-12-31"),
        ),
    )
)


def _on_day(match: re.Match[str], _century: int | None) -> tuple[Period, ...]:
    return (AsOf(parse_date(match["date"])),)


_rows.append(
    PhraseRule(
        "at a date",
        rf"at\s+(?P<date>{DAY_DATE})",
        Role.STATED,
        _on_day,
        examples=(("at 31 December 2023", "as of 2023-12-31"),),
    )
)


def _cn_as_of(match: re.Match[str], _century: int | None) -> tuple[Period, ...]:
    """ "截至2023年底", "到2025年": the last day of a year, or a date."""  # noqa: D210
    if match["year_end"]:
        return (AsOf(parse_date(match["year_end"] + "底")),)
    return (AsOf(parse_date(match["date"])),)


_CN_YEAR_END_OR_DATE = rf"(?:(?P<year_end>{YEAR}\s*年)\s*(?:底|末)|(?P<date>{CN_DATE}))"
_rows.append(
    PhraseRule(
        "as of, in Chinese",
        rf"(?:截至|截止)(?:到)?\s*{_CN_YEAR_END_OR_DATE}(?:为止)?",
        Role.STATED,
        _cn_as_of,
        examples=(("截至2023年底", "as of 2023-12-31"), ("截至2023年6月30日", "as of 2023-06-30")),
    )
)
_rows.append(
    PhraseRule(
        "by, in Chinese",
        rf"{CN_BY}到\s*{_CN_YEAR_END_OR_DATE}",
        Role.STATED,
        _cn_as_of,
        examples=(("力争到2025年底", "as of 2025-12-31"), ("到2025年", "as of 2025")),
    )
)
_rows.append(
    PhraseRule(
        "year end, in Chinese",
        rf"(?P<year_end>{YEAR}\s*年)(?:底|末)",
        Role.STATED,
        _cn_as_of,
        examples=(("2023年底我们", "as of 2023-12-31"),),
    )
)


def _part_of_year(match: re.Match[str], _century: int | None) -> tuple[Period, ...]:
    """ "the third quarter of 2022", "the first half of 2022", "the first nine months of 2023"."""  # noqa: D210
    year = int(match["part_year"])
    if match["part_quarter"]:
        return (Quarter(year, ORDINALS[match["part_quarter"].lower()]),)
    if match["part_half"]:
        return (HalfYear(year, ORDINALS[match["part_half"].lower()]),)
    if match["part_months"]:
        return (_first_months(year, _number(match["part_months"])),)
    return (_first_months(year, 3 * _number(match["part_quarters"])),)


def _cn_part_of_year(match: re.Match[str], _century: int | None) -> tuple[Period, ...]:
    """ "2023年前三季度", "2023年1-9月": the first quarters or months of a year."""  # noqa: D210
    year = int(match["year"])
    if match["months"]:
        return (_first_months(year, int(match["months"])),)
    return (_first_months(year, 3 * _number(match["quarters"])),)


def _number(count: str) -> int:
    return int(count) if count.isdigit() else COUNTS[count.lower()]


def _first_months(year: int, months: int) -> Period:
    """The first ``months`` months of ``year``: a half, a quarter or a span."""
    if months == 6:
        return HalfYear(year, 1)
    if months == 3:
        return Quarter(year, 1)
    return Span(PartialDate(year, 1), PartialDate(year, months))


_rows.append(
    PhraseRule(
        "part of a year",
        rf"{IN}?{PART_OF_YEAR}",
        Role.STATED,
        _part_of_year,
        examples=(("in the first nine months of 2023", "2023-01 to 2023-09"), ("the third quarter of 2022", "Q3 2022")),
    )
)
_rows.append(
    PhraseRule(
        "part of a year, in Chinese",
        rf"(?P<year>{YEAR})\s*年\s*(?:前(?P<quarters>[一二三两])季度|1\s*(?:[-–~至到])\s*(?P<months>[2-9]|1[01])\s*月)",
        Role.STATED,
        _cn_part_of_year,
        examples=(("2023年前三季度", "2023-01 to 2023-09"), ("2023年1-6月", "H1 2023")),
    )
)


RULES: tuple[PhraseRule, ...] = (*_rows, *NAME_RULES)
"""The period phrase rules, in the order the finder tries them: these, then those that name a period."""
