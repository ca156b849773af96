"""parse_period and parse_date: period phrases read strictly, never guessed, never filled in from today."""

from __future__ import annotations

import pytest

from esgclaims import (
    ArgumentTypeError,
    AsOf,
    CalendarYear,
    FiscalYear,
    HalfYear,
    PartialDate,
    Period,
    PeriodError,
    Quarter,
    Span,
    UnknownPeriod,
    parse_date,
    parse_period,
)

P = PartialDate


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # as of a date: a total up to it, or a stock at it
        ("as of Sept. 30, 2020", AsOf(P(2020, 9, 30))),
        ("As of September 30, 2020", AsOf(P(2020, 9, 30))),
        ("as at 31 December 2020", AsOf(P(2020, 12, 31))),
        ("as of September 2020", AsOf(P(2020, 9))),
        ("by the end of 2020", AsOf(P(2020, 12, 31))),
        ("at the end of September 2020", AsOf(P(2020, 9, 30))),
        ("end of 2020", AsOf(P(2020, 12, 31))),
        ("until 2021", AsOf(P(2021))),
        ("截至2020年9月30日", AsOf(P(2020, 9, 30))),
        ("2020年底", AsOf(P(2020, 12, 31))),
        # since: the start, with or without the date it runs to
        ("since 2016", AsOf(since=P(2016))),
        ("SINCE September 2019", AsOf(since=P(2019, 9))),
        ("since 2016, as of Sept. 30, 2020", AsOf(P(2020, 9, 30), since=P(2016))),
        # spans: both ends included, each at its own granularity
        ("from September 2019 to February 2021", Span(P(2019, 9), P(2021, 2))),
        ("between September 2019 and February 2021", Span(P(2019, 9), P(2021, 2))),
        ("Sep 2019 - Feb 2021", Span(P(2019, 9), P(2021, 2))),
        ("2019-09 to 2021-02", Span(P(2019, 9), P(2021, 2))),
        ("2019-09/2021-02", Span(P(2019, 9), P(2021, 2))),
        ("from 2019 to February 2021", Span(P(2019), P(2021, 2))),
        ("2019\u20132021", Span(P(2019), P(2021))),
        # a range of months or days within one year: the first end takes the year the range ends in
        ("June to August 2021", Span(P(2021, 6), P(2021, 8))),
        ("from June to August 2023", Span(P(2023, 6), P(2023, 8))),
        ("between June and August 2023", Span(P(2023, 6), P(2023, 8))),
        ("July 3 to August 19, 2021", Span(P(2021, 7, 3), P(2021, 8, 19))),
        ("3 July to 19 August 2021", Span(P(2021, 7, 3), P(2021, 8, 19))),
        ("June\u2013August 2021", Span(P(2021, 6), P(2021, 8))),
        ("2019-2021", Span(P(2019), P(2021))),
        ("September 2019", Span.single(P(2019, 9))),
        ("2014-09", Span.single(P(2014, 9))),
        ("30 September 2020", Span.single(P(2020, 9, 30))),
        ("December 31st, 2020", Span.single(P(2020, 12, 31))),
        ("13/4/2020", Span.single(P(2020, 4, 13))),
        ("4/4/2020", Span.single(P(2020, 4, 4))),
        ("2020年9月", Span.single(P(2020, 9))),
        # named periods
        ("In 2020", CalendarYear(2020)),
        ("during 2020", CalendarYear(2020)),
        ("calendar year 2020", CalendarYear(2020)),
        ("2020年", CalendarYear(2020)),
        ("FY2022", FiscalYear(2022)),
        ("fiscal year 2022", FiscalYear(2022)),
        ("FY2022 (2021-04 to 2022-03)", FiscalYear(2022, first_month=P(2021, 4))),
        ("2022 fiscal year", FiscalYear(2022)),
        # a split fiscal year is named by the year it ends in; its months are unknown, as FY2022's
        ("FY2021/22", FiscalYear(2022)),
        ("FY2021/2022", FiscalYear(2022)),
        ("FY 2021-22", FiscalYear(2022)),
        ("in fiscal year 2021/22", FiscalYear(2022)),
        ("financial year 2021–22", FiscalYear(2022)),
        ("the 2021/22 financial year", FiscalYear(2022)),
        ("FY1999/00", FiscalYear(2000)),
        ("FY2021/22 (2021-07 to 2022-06)", FiscalYear(2022, first_month=P(2021, 7))),
        # a year ended on a date: its twelve months, named by the year they end in
        ("the year ended 30 September 2022", FiscalYear(2022, first_month=P(2021, 10))),
        ("for the financial year ending 31 January 2022", FiscalYear(2022, first_month=P(2021, 2))),
        ("the twelve months ended 30 April 2021", FiscalYear(2021, first_month=P(2020, 5))),
        ("year ended 31 December 2021", CalendarYear(2021)),
        ("the six months ended 31 December 2021", HalfYear(2021, 2)),
        ("half-year ended 30 June 2022", HalfYear(2022, 1)),
        ("the three months ended 31 March 2022", Quarter(2022, 1)),
        ("the quarter ended 31 October 2022", Span(P(2022, 8), P(2022, 10))),
        ("the nine months ended 30 September 2021", Span(P(2021, 1), P(2021, 9))),
        ("the six months ended 30 September 2021", Span(P(2021, 4), P(2021, 9))),
        ("H1 2022", HalfYear(2022, 1)),
        ("in the first half of 2022", HalfYear(2022, 1)),
        ("2H 2022", HalfYear(2022, 2)),
        ("Q3 2020", Quarter(2020, 3)),
        ("third quarter of 2020", Quarter(2020, 3)),
        ("3Q 2020", Quarter(2020, 3)),
        # none stated
        ("unknown", UnknownPeriod()),
        ("not stated", UnknownPeriod()),
    ],
)
def test_parse_period_reads_each_phrase_into_the_type_of_its_meaning(text: str, period: Period) -> None:
    parsed = parse_period(text)
    assert parsed == period
    assert type(parsed) is type(period)


def test_a_month_stays_a_month() -> None:
    period = parse_period("February 2021")
    assert str(period) == "Feb 2021"
    assert period.iso() == "2021-02"
    assert (period.start, period.end) == (P(2021, 2).first, P(2021, 2).last)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # ambiguous
        ("3/4/2020", "ambiguous date '3/4/2020': 3 April or March 4? Write it as 2020-04-03 or 2020-03-04"),
        ("6/7/2020", "ambiguous date '6/7/2020': 6 July or June 7? Write it as 2020-07-06 or 2020-06-07"),
        ("FY22", "two-digit fiscal year 'FY22' is ambiguous; write the year in full, e.g. FY2022"),
        ("FY21/22", "two-digit fiscal year 'FY21/22' is ambiguous; write the year in full, e.g. FY2023/24"),
        ("FY2021/23", "'FY2021/23' is no fiscal year: a split year runs into the next, e.g. FY2021/22"),
        (
            "2019/20",
            "'2019/20' could be the years 2019 to 2020 or a fiscal year; write '2019 to 2020' or 'FY2019/20'",
        ),
        ("2019/21", "cannot tell which year '2019/21' ends in; write both years in full"),
        ("the year ended 30 April", "cannot read a date in '30 April'; expected e.g. '2020-09-30' or 'Sept. 30, 2020'"),
        ("the year ended 2022", "a period of months ends on the last day of a month, not 2022"),
        ("the year ended 29 September 2022", "a period of months ends on the last day of a month, not 2022-09-29"),
        ("FY2021/22 (2021-04 to 2022-06)", "FY2022 from 2021-04 ends 2022-03, not 2022-06"),
        (
            "2019/2020",
            (
                "'2019/2020' could be the years 2019 to 2020 or a fiscal year; write '2019 to 2020' "
                "or e.g. 'FY2020 (2019-07 to 2020-06)'"
            ),
        ),
        ("2019-21", "'2019-21' is no month; for a run of years write both in full, e.g. '2019 to 2021'"),
        # relative to a date the text does not state
        ("last month", "'last month' is relative to a date the text does not state"),
        ("up to now", "'up to now' is relative to a date the text does not state"),
        ("so far", "'so far' is relative to a date the text does not state"),
        ("2016 to date", "'2016 to date' is relative to a date the text does not state"),
        ("in recent years", "'in recent years' is relative to a date the text does not state"),
        ("This Year", "'This Year' is relative to a date the text does not state"),
        # a day, month or year missing: never filled in from today's date
        (
            "Sep 30",
            (
                "cannot read the period 'Sep 30'; expected e.g. 'as of 2020-09-30', '2019-09 to 2021-02', "
                "'2020', 'FY2022', 'H1 2022', 'Q3 2020' or 'unknown'"
            ),
        ),
        (
            "September",
            (
                "cannot read the period 'September'; expected e.g. 'as of 2020-09-30', '2019-09 to 2021-02', "
                "'2020', 'FY2022', 'H1 2022', 'Q3 2020' or 'unknown'"
            ),
        ),
        ("as of September 30", "cannot read a date in 'September 30'; expected e.g. '2020-09-30' or 'Sept. 30, 2020'"),
        # unreadable or impossible
        ("", "empty period; write 'unknown' when the text states none"),
        (
            "hello",
            (
                "cannot read the period 'hello'; expected e.g. 'as of 2020-09-30', '2019-09 to 2021-02', "
                "'2020', 'FY2022', 'H1 2022', 'Q3 2020' or 'unknown'"
            ),
        ),
        ("2020/09/30", "cannot read a date in '2020/09/30'; expected e.g. '2020-09-30' or 'Sept. 30, 2020'"),
        (
            "from September 2019 to Febuary 2021",
            "cannot read a date in 'Febuary 2021'; expected e.g. '2020-09-30' or 'Sept. 30, 2020'",
        ),
        ("February 30, 2021", "impossible date 2021-02-30"),
        ("2020 to 2019", "span ends (2019) before it starts (2020)"),
        (
            "November to February 2024",
            "'November' to 'February 2024' runs back across the new year; write both years, e.g. '2023-11 to 2024-02'",
        ),
        ("since 2021 as of 2020", "as of 2020 is before since 2021"),
        ("Q5 2020", "a quarter is 1 to 4, got 5"),
        ("H3 2020", "a half-year is 1 or 2, got 3"),
        ("FY2022 (2021-04 to 2022-02)", "FY2022 from 2021-04 ends 2022-03, not 2022-02"),
    ],
)
def test_parse_period_refuses_ambiguous_relative_and_unreadable_phrases(text: str, message: str) -> None:
    with pytest.raises(PeriodError) as caught:
        parse_period(text)
    assert str(caught.value) == message


def test_a_split_fiscal_year_reads_as_the_fiscal_year_it_ends_in() -> None:
    assert parse_period("FY2021/22") == parse_period("FY2022")
    assert parse_period("FY2021/22").start is None
    assert parse_period("FY2021/22").iso() == "FY2022"


def test_a_year_ended_on_a_date_is_a_fiscal_year_with_its_months() -> None:
    fiscal = parse_period("for the year ended 30 September 2022")
    assert isinstance(fiscal, FiscalYear)
    assert (fiscal.start, fiscal.end) == (P(2021, 10).first, P(2022, 9).last)
    assert fiscal.iso() == "FY2022 (2021-10 to 2022-09)"
    assert parse_period(fiscal.iso()) == fiscal


def test_parse_period_needs_a_string() -> None:
    with pytest.raises(ArgumentTypeError) as caught:
        parse_period(2020)  # type: ignore[arg-type]
    assert str(caught.value) == "parse_period(text): expected a string, got int"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2020", P(2020)),
        ("2020-09", P(2020, 9)),
        ("2020-09-30", P(2020, 9, 30)),
        ("Sept. 30, 2020", P(2020, 9, 30)),
        ("SEPT. 30, 2020", P(2020, 9, 30)),
        ("30 Sep 2020", P(2020, 9, 30)),
        ("31st December 2020", P(2020, 12, 31)),
        ("Dec 31 2020", P(2020, 12, 31)),
        ("February 2021", P(2021, 2)),
        ("may 2020", P(2020, 5)),
        ("the end of 2020", P(2020, 12, 31)),
        ("end of February 2020", P(2020, 2, 29)),
        ("2020年9月30日", P(2020, 9, 30)),
        ("2020年9月底", P(2020, 9, 30)),
        ("25/12/2020", P(2020, 12, 25)),
        ("12/25/2020", P(2020, 12, 25)),
    ],
)
def test_parse_date_keeps_the_granularity_the_text_gives(text: str, date: PartialDate) -> None:
    assert parse_date(text) == date


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("'20", 'two-digit year in "\'20" is ambiguous; write the year in full'),
        ("20", "two-digit year in '20' is ambiguous; write the year in full"),
        ("2020-9-30", "cannot read a date in '2020-9-30'; expected e.g. '2020-09-30' or 'Sept. 30, 2020'"),
        ("30.09.2020", "cannot read a date in '30.09.2020'; expected e.g. '2020-09-30' or 'Sept. 30, 2020'"),
        ("1/12/2020", "ambiguous date '1/12/2020': 1 December or January 12? Write it as 2020-12-01 or 2020-01-12"),
    ],
)
def test_parse_date_refuses_what_it_would_have_to_guess(text: str, message: str) -> None:
    with pytest.raises(PeriodError) as caught:
        parse_date(text)
    assert str(caught.value) == message
