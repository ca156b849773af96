"""Reading the period phrases reports use, strictly.

Nothing is filled in from today's date and nothing is guessed: a phrase that
does not say which days it means is an error that says why.
"""

from __future__ import annotations

import calendar
import functools
import re
from typing import TYPE_CHECKING

from ._errors import ArgumentTypeError, PeriodError
from ._lazy import compiled as rx
from ._periods import AsOf, CalendarYear, FiscalYear, HalfYear, PartialDate, Period, Quarter, Span, UnknownPeriod

if TYPE_CHECKING:
    from collections.abc import Iterator
    from types import ModuleType

__all__ = ["fiscal_label", "months_ended", "parse_date", "parse_period"]


def _words() -> ModuleType:
    """The word lists' module, imported at first use: the ISO forms a claim file writes need none (cold start)."""
    from . import _lexicon  # noqa: PLC0415 - read at first use, not on import

    return _lexicon


_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_I = re.IGNORECASE

_ISO_DATE = r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?"


# Built and compiled on first use (``re`` caches them): loading a claim file, whose periods
# are canonical, reads the ISO form alone and needs neither the others nor the lexicon.
@functools.cache
def _date_forms() -> tuple[tuple[str, int], ...]:
    month = rf"(?P<month>{_words().month_pattern()})\.?"
    return (
        (rf"{month}\s+{_DAY},?\s+{_YEAR}", _I),
        (rf"{_DAY}\s+{month},?\s+{_YEAR}", _I),
        (rf"{month},?\s+{_YEAR}", _I),
        (r"(?P<year>\d{4})\s*年\s*(?:(?P<month>\d{1,2})\s*月\s*(?:(?P<day>\d{1,2})\s*日)?)?", 0),
    )


def _each_date_form() -> Iterator[tuple[str, int]]:
    yield _ISO_DATE, 0
    yield from _date_forms()


_SLASHED = r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4})"
_END_OF = r"^(?:at )?(?:the )?end of (?:the year )?|(?<=[年月])(?:底|末)$"
_RELATIVE = r"\b(today|now|yesterday|recent(ly)?|last|this|next|previous|past|current|currently|ago|so far|to date)\b"


def _clean(text: str) -> str:
    # split() splits at what ``\s+`` matches, and the ends are already stripped: no pattern to compile
    return " ".join(text.strip().strip(".,;:").split())


def parse_date(text: str) -> PartialDate:
    """Read one date at the granularity the text gives.

    "End of" a year or month is its last day.

    Examples:
        >>> parse_date("Sept. 30, 2020")
        PartialDate('2020-09-30')
        >>> parse_date("February 2021")
        PartialDate('2021-02')
        >>> parse_date("the end of 2020")
        PartialDate('2020-12-31')
        >>> parse_date("3/4/2020")
        Traceback (most recent call last):
        ...
        esgclaims.PeriodError: ambiguous date '3/4/2020': 3 April or March 4? Write it as 2020-04-03 or 2020-03-04
    """
    if not isinstance(text, str):
        raise ArgumentTypeError(f"parse_date(text): expected a string, got {type(text).__name__}")
    try:
        return _read_date(text)
    except PeriodError as error:  # the rule of PeriodError.text: the phrase the caller passed, whole
        error.text = text.strip()
        raise


def _read_date(text: str) -> PartialDate:
    """The body of :func:`parse_date`."""
    cleaned, nested = _clean(text), 0
    while (end_of := rx(_END_OF, _I).search(cleaned)) is not None:  # iterative: no recursion on "end of end of ..."
        nested += 1
        if nested > MAX_END_OF:
            raise PeriodError(
                f"cannot read a date in {_short(text)!r}: 'end of' nested more than {MAX_END_OF} times",
                text=text.strip(),
                hint="write 'the end of' once, e.g. 'the end of 2020'",
            )
        cleaned = _clean(cleaned[: end_of.start()] + cleaned[end_of.end() :])
    if nested:
        return PartialDate.of(_date(cleaned).last)
    return _date(text)


#: How often "end of" may wrap a date ("the end of the end of 2020" is already odd).
MAX_END_OF = 3


def _short(text: str) -> str:
    """``text`` stripped, and cut to 60 characters for a message."""
    stripped = text.strip()
    return stripped if len(stripped) <= 60 else stripped[:57] + "..."


def _date(text: str) -> PartialDate:
    """A date without "end of": the forms of :func:`parse_date`."""
    cleaned = _clean(text)
    year_month = rx(r"(\d{4})-(\d{2})").fullmatch(cleaned)
    if year_month and int(year_month[2]) > 12:
        raise PeriodError(
            f"{text.strip()!r} is no month; for a run of years write both in full, e.g. '2019 to 2021'",
            text=text.strip(),
            hint="write both years in full, e.g. '2019 to 2021'",
        )
    for form, flags in _each_date_form():
        match = re.fullmatch(form, cleaned, flags)
        if match:
            groups = match.groupdict()
            month_text = groups.get("month")
            month = None if month_text is None else _words().lexicon().months.get(month_text.lower()) or int(month_text)
            day = None if groups.get("day") is None else int(groups["day"])
            return PartialDate(int(groups["year"]), month, day)
    match = rx(_SLASHED).fullmatch(cleaned)
    if match:
        a, b, year = int(match["a"]), int(match["b"]), int(match["year"])
        if a <= 12 and b <= 12 and a != b:
            raise PeriodError(
                f"ambiguous date {text.strip()!r}: {a} {calendar.month_name[b]} or {calendar.month_name[a]} {b}? "
                f"Write it as {year}-{b:02d}-{a:02d} or {year}-{a:02d}-{b:02d}",
                text=text.strip(),
                hint=f"write it as {year}-{b:02d}-{a:02d} or {year}-{a:02d}-{b:02d}",
            )
        day, month = (a, b) if a > 12 else (b, a)
        return PartialDate(year, month, day)
    if rx(r"fy\s?\d{2}|'\d{2}|\d{2}", _I).fullmatch(cleaned):
        raise PeriodError(
            f"two-digit year in {text.strip()!r} is ambiguous; write the year in full",
            text=text.strip(),
            hint="write the year in full, e.g. '2021'",
        )
    raise PeriodError(
        f"cannot read a date in {text.strip()!r}; expected e.g. '2020-09-30' or 'Sept. 30, 2020'",
        text=text.strip(),
        hint="a date such as '2020-09-30' or 'Sept. 30, 2020'",
    )


def parse_period(text: str) -> Period:
    """Read a period phrase into the type that fits its meaning.

    Examples:
        >>> parse_period("as of Sept. 30, 2020")
        AsOf('as of 2020-09-30')
        >>> parse_period("from September 2019 to February 2021")
        Span('2019-09 to 2021-02')
        >>> parse_period("July 3 to August 19, 2021")
        Span('2021-07-03 to 2021-08-19')
        >>> parse_period("In 2020")
        CalendarYear('2020')
        >>> parse_period("since 2016")
        AsOf('since 2016')
        >>> parse_period("in the first half of 2022")
        HalfYear('H1 2022')
        >>> parse_period("FY2023/24")
        FiscalYear('FY2024')
        >>> parse_period("for the year ended 31 March 2024")
        FiscalYear('FY2024 (2023-04 to 2024-03)')
        >>> parse_period("last month")
        Traceback (most recent call last):
        ...
        esgclaims.PeriodError: 'last month' is relative to a date the text does not state
    """
    if not isinstance(text, str):
        raise ArgumentTypeError(f"parse_period(text): expected a string, got {type(text).__name__}")
    try:
        return _read_period(text)
    except PeriodError as error:  # the rule of PeriodError.text: the phrase the caller passed, whole
        error.text = text.strip()
        raise


def _read_period(text: str) -> Period:
    """The body of :func:`parse_period`."""
    cleaned = _clean(text)
    if not cleaned:
        raise PeriodError(
            "empty period; write 'unknown' when the text states none",
            text=text.strip(),
            hint="write 'unknown' when the text states none",
        )
    if cleaned.lower() in ("unknown", "not stated", "period not stated"):
        return UnknownPeriod()
    canonical = _canonical(cleaned)
    if canonical is not None:
        return canonical
    cleaned = re.sub(r"^(in|during|for|on|over|throughout|within) (the )?", "", cleaned, flags=_I)
    if rx(_RELATIVE, _I).search(cleaned):
        raise PeriodError(
            f"{text.strip()!r} is relative to a date the text does not state",
            text=text.strip(),
            hint="write the dates it means, e.g. '2020-09' or 'as of 2020-09-30'",
        )
    for reader in (_ended, _as_of, _fiscal_year, _half_year, _quarter, _span, _calendar_year, _single):
        period = reader(cleaned)
        if period is not None:
            return period
    raise PeriodError(
        f"cannot read the period {text.strip()!r}; expected e.g. 'as of 2020-09-30', "
        "'2019-09 to 2021-02', '2020', 'FY2022', 'H1 2022', 'Q3 2020' or 'unknown'",
        text=text.strip(),
        hint="a period such as 'as of 2020-09-30', '2019-09 to 2021-02', '2020', 'FY2022', 'H1 2022', "
        "'Q3 2020' or 'unknown'",
    )


def _canonical(text: str) -> Period | None:
    """The forms ``Period.iso()`` writes, read without regular expressions (claim files use them)."""
    try:
        if text.isdigit() and len(text) == 4:
            return CalendarYear(int(text))
        if text.startswith("as of "):
            return AsOf(PartialDate.parse(text[6:]))
        if text.startswith("since "):
            since, _, date = text[6:].partition(" as of ")
            return AsOf(PartialDate.parse(date) if date else None, since=PartialDate.parse(since))
        first, separator, last = text.partition(" to ")
        if first[:4].isdigit() and (separator or "-" in first) and "/" not in text:
            start = PartialDate.parse(first)
            return Span(start, PartialDate.parse(last) if separator else start)
    except PeriodError:
        return None
    return None


def _as_of(text: str) -> Period | None:
    match = rx(r"since (?P<since>.+?)(?:,? (?:as (?:of|at)|by|until|up to) (?P<date>.+))?", _I).fullmatch(text)
    if match:
        since = parse_date(match["since"])
        return AsOf(None if match["date"] is None else parse_date(match["date"]), since=since)
    match = rx(r"(?:as (?:of|at)|by|at|up to|until|through|截至|截止)\s*(?P<date>.+?)(?:为止)?", _I).fullmatch(text)
    if match:
        return AsOf(parse_date(match["date"]))
    if rx(_END_OF, _I).search(text):  # "the end of 2020": a stock at a date
        return AsOf(parse_date(text))
    return None


def _calendar_year(text: str) -> Period | None:
    match = rx(r"(?:(?:calendar|the|full) year |cy ?)?(?P<year>\d{4})(?: calendar year)?", _I).fullmatch(text)
    return None if match is None else CalendarYear(int(match["year"]))


_FISCAL = r"(?:the )?(?:fy ?|fiscal (?:year )?|financial year )"
_SPLIT = "(?:\\s*[/\\-\u2013]\\s*(?P<tail>\\d{4}|\\d{2}))"


def _fiscal_year(text: str) -> Period | None:
    match = rx(rf"{_FISCAL}(?P<year>\d{{4}}){_SPLIT}?(?: \((?P<a>[\d-]+) to (?P<b>[\d-]+)\))?", _I).fullmatch(
        text
    ) or rx(rf"(?:the )?(?P<year>\d{{4}}){_SPLIT}? (?:fiscal|financial) year", _I).fullmatch(text)
    if match is None:
        if rx(rf"{_FISCAL}\d{{2}}(?:{_SPLIT})?", _I).fullmatch(text):
            example = "FY2023/24" if rx(r"\d\s*\D").search(text) else "FY2022"
            raise PeriodError(
                f"two-digit fiscal year {text!r} is ambiguous; write the year in full, e.g. {example}",
                text=text.strip(),
                hint=f"write the year in full, e.g. {example}",
            )
        return None
    year = fiscal_label(match["year"], match["tail"], text)
    if match.groupdict().get("a") is None:
        return FiscalYear(year)
    fiscal = FiscalYear(year, first_month=PartialDate.parse(match["a"]))
    if fiscal.iso() != f"FY{year:04d} ({match['a']} to {match['b']})":
        raise PeriodError(
            f"FY{year} from {match['a']} ends {fiscal.iso()[-8:-1]}, not {match['b']}",
            text=text.strip(),
            hint=f"write {fiscal.iso()!r}",
        )
    return fiscal


def fiscal_label(year: str, tail: str | None, text: str) -> int:
    """The year a fiscal year is named by: "2023" for FY2023; for a split year, FY2023/24, the year it ends in.

    Examples:
        >>> fiscal_label("2023", "24", "FY2023/24"), fiscal_label("1999", "2000", "FY1999/2000")
        (2024, 2000)
        >>> fiscal_label("2023", "25", "FY2023/25")
        Traceback (most recent call last):
        ...
        esgclaims.PeriodError: 'FY2023/25' is no fiscal year: a split year runs into the next, e.g. FY2023/24
    """
    first = int(year)
    if tail is None:
        return first
    short = f"{(first + 1) % 100:02d}"
    if tail not in (short, f"{first + 1:04d}"):
        example = f"FY{first}/{short}"
        raise PeriodError(
            f"{text.strip()!r} is no fiscal year: a split year runs into the next, e.g. {example}",
            text=text.strip(),
            hint=f"a split year runs into the next, e.g. {example}",
        )
    return first + 1


def _ended(text: str) -> Period | None:
    """ "the year ended 31 March 2024", "the six months ending 30 June 2024": the months up to that date."""  # noqa: D210
    match = re.fullmatch(
        r"(?:the )?(?:(?:financial|fiscal|reporting) )?"
        r"(?:(?P<count>\d{1,2}|[a-z-]+) months?|(?P<year>year)|(?P<half>half[- ]year|half)|(?P<quarter>quarter))"
        rf" (?:{_words().alternation(_words().lexicon().ended)}) (?P<date>.+)",
        text,
        _I,
    )
    if match is None:
        return None
    count = match["count"]
    if count is not None:
        months = int(count) if count.isdigit() else _words().lexicon().numbers_for("month_counts").get(count.lower())
        if months is None:
            return None
    else:
        months = 12 if match["year"] else 6 if match["half"] else 3
    return months_ended(parse_date(match["date"]), months)


def months_ended(date: PartialDate, months: int) -> Period:
    """The ``months`` months up to the end of the month of ``date``, in the type that fits them.

    Twelve months are a fiscal year named by the year they end in (a calendar year when
    they end in December), six or three months that match a half or a quarter are one.

    Examples:
        >>> months_ended(PartialDate(2024, 3, 31), 12)
        FiscalYear('FY2024 (2023-04 to 2024-03)')
        >>> months_ended(PartialDate(2023, 12, 31), 6), months_ended(PartialDate(2023, 9, 30), 9)
        (HalfYear('H2 2023'), Span('2023-01 to 2023-09'))
        >>> months_ended(PartialDate(2024, 3, 30), 12)
        Traceback (most recent call last):
        ...
        esgclaims.PeriodError: a period of months ends on the last day of a month, not 2024-03-30
    """
    if date.month is None or (date.day is not None and date.day != PartialDate(date.year, date.month).last.day):
        raise PeriodError(
            f"a period of months ends on the last day of a month, not {date.iso()}",
            text=date.iso(),
            hint="the last day of a month, e.g. '2024-03-31'",
        )
    if not 1 <= months <= 120:
        raise PeriodError(
            f"cannot read a period of {months} months", text=str(months), hint="a period of 1 to 120 months"
        )
    index = date.year * 12 + date.month - months
    first, last = PartialDate(index // 12, index % 12 + 1), PartialDate(date.year, date.month)
    if months == 12:
        return CalendarYear(date.year) if date.month == 12 else FiscalYear(date.year, first_month=first)
    if months == 6 and date.month in (6, 12):
        return HalfYear(date.year, date.month // 6)
    if months == 3 and date.month % 3 == 0:
        return Quarter(date.year, date.month // 3)
    return Span(first, last)


def _ordinals(highest: int) -> str:
    """The ordinals up to ``highest`` as an alternation: "first|second|1st|2nd" for halves."""
    ordinals: str = _words().alternation(w for w, number in _words().lexicon().ordinals.items() if number <= highest)
    return ordinals


def _half_year(text: str) -> Period | None:
    match = rx(r"(?:h(?P<h1>\d)|(?P<h2>\d)h) ?(?P<year>\d{4})", _I).fullmatch(text) or re.fullmatch(
        rf"(?P<ord>{_ordinals(2)}) half(?: of)?(?: the year)? (?P<year>\d{{4}})", text, _I
    )
    if match is None:
        return None
    groups = match.groupdict()
    half = int(groups.get("h1") or groups.get("h2") or _words().lexicon().ordinals[groups["ord"].lower()])
    return HalfYear(int(match["year"]), half)


def _quarter(text: str) -> Period | None:
    match = rx(r"(?:q(?P<q1>\d)|(?P<q2>\d)q) ?(?P<year>\d{4})", _I).fullmatch(text) or re.fullmatch(
        rf"(?P<ord>{_ordinals(4)}) quarter(?: of)? (?P<year>\d{{4}})", text, _I
    )
    if match is None:
        return None
    groups = match.groupdict()
    quarter = int(groups.get("q1") or groups.get("q2") or _words().lexicon().ordinals[groups["ord"].lower()])
    return Quarter(int(match["year"]), quarter)


def _span(text: str) -> Period | None:
    years = rx(r"(?:from )?(\d{4})-(\d{4})", _I).fullmatch(text)  # "2019-2021"; "2019-09" is a month
    if years:
        return Span(PartialDate(int(years[1])), PartialDate(int(years[2])))
    match = rx(
        "(?:from |between )?(?P<a>.+?)\\s*(?P<joiner> to |\\s\u2013\\s|\u2013| - | and |/|至|到)\\s*(?P<b>.+)", _I
    ).fullmatch(text)
    if match is None:
        return None
    joiner = match["joiner"].strip().lower()
    if joiner == "and" and not text.lower().startswith("between "):
        return None
    second_text = match["b"]
    try:
        first: PartialDate | None = parse_date(match["a"])
    except PeriodError:
        first = _in_year_of(match["a"], second_text)  # "June to August 2021": June of 2021
    if first is None:
        return None
    if rx(r"\d{1,2}").fullmatch(second_text) is not None:
        if joiner == "/" and rx(r"\d{4}").fullmatch(match["a"]) and second_text == f"{(int(match['a']) + 1) % 100:02d}":
            raise PeriodError(
                f"{text!r} could be the years {match['a']} to {int(match['a']) + 1} or a fiscal year; "
                f"write '{match['a']} to {int(match['a']) + 1}' or 'FY{text}'",
                text=text.strip(),
                hint=f"write '{match['a']} to {int(match['a']) + 1}' or 'FY{text}'",
            )
        raise PeriodError(
            f"cannot tell which year {text!r} ends in; write both years in full",
            text=text.strip(),
            hint="write both years in full, e.g. '2019 to 2021'",
        )
    if joiner == "/":
        if rx(r"\d{4}").fullmatch(match["a"]) and rx(r"\d{4}").fullmatch(second_text):
            advice = (
                f"write '{match['a']} to {second_text}' or e.g. 'FY{second_text} ({match['a']}-07 to {second_text}-06)'"
            )
            raise PeriodError(
                f"{text!r} could be the years {match['a']} to {second_text} or a fiscal year; {advice}",
                text=text.strip(),
                hint=advice,
            )
        try:
            last = parse_date(second_text)
        except PeriodError:
            return None
    else:
        last = parse_date(second_text)
    return Span(first, last)


def _in_year_of(first: str, last: str) -> PartialDate | None:
    """ "June" or "July 3" of "June to August 2021", "July 3 to August 19, 2021": in the year the range ends in.

    A range that would run back across the new year ("November to February 2024") names no
    year of its first month; it is refused rather than guessed.
    """  # noqa: D210
    if rx(r"\d{3}").search(first) or rx(r"\d{4}").search(last) is None:
        return None
    try:
        end = parse_date(last)
    except PeriodError:
        return None
    for form in (f"{first} {end.year}", f"{first}, {end.year}"):
        try:
            date = parse_date(form)
        except PeriodError:
            continue
        if date.first > end.last:
            raise PeriodError(
                f"{first.strip()!r} to {last.strip()!r} runs back across the new year; write both years, "
                f"e.g. '{date.year - 1}-{date.month or 1:02d} to {end.iso()}'",
                text=f"{first.strip()} to {last.strip()}",
                hint=f"write both years, e.g. '{date.year - 1}-{date.month or 1:02d} to {end.iso()}'",
            )
        return date
    return None


def _single(text: str) -> Period | None:
    try:
        date = parse_date(text)
    except PeriodError:
        if rx(r"\d{4}").search(text):
            raise
        return None
    return CalendarYear(date.year) if date.granularity == "year" else Span.single(date)
