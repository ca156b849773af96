"""Period types: each meaning its own type, each keeping its granularity, and how periods relate."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest
from hypothesis import given

from esgclaims import (
    ArgumentTypeError,
    AsOf,
    CalendarYear,
    FiscalYear,
    HalfYear,
    PartialDate,
    Period,
    PeriodError,
    PeriodRelation,
    Quarter,
    Span,
    UnknownPeriod,
    parse_period,
)
from tests.strategies import partial_dates, periods

if TYPE_CHECKING:
    from collections.abc import Callable

D = dt.date

# Each type with its first and last day, its readable text and its canonical text.
TYPES = [
    (AsOf(PartialDate(2020, 9, 30)), None, D(2020, 9, 30), "as of 30 Sep 2020", "as of 2020-09-30"),
    (AsOf(PartialDate(2020, 9)), None, D(2020, 9, 30), "as of Sep 2020", "as of 2020-09"),
    (AsOf(since=PartialDate(2016)), D(2016, 1, 1), None, "since 2016", "since 2016"),
    (
        AsOf(PartialDate(2020, 9, 30), since=PartialDate(2016)),
        D(2016, 1, 1),
        D(2020, 9, 30),
        "since 2016, as of 30 Sep 2020",
        "since 2016 as of 2020-09-30",
    ),
    (
        Span(PartialDate(2019, 9), PartialDate(2021, 2)),
        D(2019, 9, 1),
        D(2021, 2, 28),
        "Sep 2019 \u2013 Feb 2021",
        "2019-09 to 2021-02",
    ),
    (Span(PartialDate(2019), PartialDate(2021)), D(2019, 1, 1), D(2021, 12, 31), "2019 \u2013 2021", "2019 to 2021"),
    (Span.single(PartialDate(2019, 9)), D(2019, 9, 1), D(2019, 9, 30), "Sep 2019", "2019-09"),
    (Span.single(PartialDate(2020, 2, 29)), D(2020, 2, 29), D(2020, 2, 29), "29 Feb 2020", "2020-02-29"),
    (CalendarYear(2020), D(2020, 1, 1), D(2020, 12, 31), "2020", "2020"),
    (FiscalYear(2022), None, None, "FY2022", "FY2022"),
    (
        FiscalYear(2022, first_month=PartialDate(2021, 4)),
        D(2021, 4, 1),
        D(2022, 3, 31),
        "FY2022 (Apr 2021 \u2013 Mar 2022)",
        "FY2022 (2021-04 to 2022-03)",
    ),
    (
        FiscalYear(2020, first_month=PartialDate(2020, 7)),
        D(2020, 7, 1),
        D(2021, 6, 30),
        "FY2020 (Jul 2020 \u2013 Jun 2021)",
        "FY2020 (2020-07 to 2021-06)",
    ),
    (HalfYear(2022, 1), D(2022, 1, 1), D(2022, 6, 30), "H1 2022", "H1 2022"),
    (HalfYear(2022, 2), D(2022, 7, 1), D(2022, 12, 31), "H2 2022", "H2 2022"),
    (Quarter(2020, 1), D(2020, 1, 1), D(2020, 3, 31), "Q1 2020", "Q1 2020"),
    (Quarter(2020, 3), D(2020, 7, 1), D(2020, 9, 30), "Q3 2020", "Q3 2020"),
    (Quarter(2020, 4), D(2020, 10, 1), D(2020, 12, 31), "Q4 2020", "Q4 2020"),
    (UnknownPeriod(), None, None, "period not stated", "unknown"),
]


@pytest.mark.parametrize(("period", "start", "end", "text", "iso"), TYPES)
def test_each_period_type_has_its_bounds_text_and_iso_form(
    period: Period, start: dt.date | None, end: dt.date | None, text: str, iso: str
) -> None:
    assert (period.start, period.end) == (start, end)
    assert str(period) == text
    assert period.iso() == iso
    assert repr(period) == f"{type(period).__name__}({iso!r})"


@pytest.mark.parametrize(("period", "start", "end", "text", "iso"), TYPES)
def test_each_period_type_round_trips_through_parse_period(
    period: Period, start: dt.date | None, end: dt.date | None, text: str, iso: str
) -> None:
    assert parse_period(period.iso()) == period
    assert type(parse_period(iso)) is type(period)
    assert (start, end, text) == (period.start, period.end, str(period))


@given(periods)
def test_iso_round_trips_through_parse_period_for_every_period(period: Period) -> None:
    assert parse_period(period.iso()) == period


@pytest.mark.parametrize(
    ("date", "granularity", "iso", "human", "first", "last"),
    [
        (PartialDate(2019), "year", "2019", "2019", D(2019, 1, 1), D(2019, 12, 31)),
        (PartialDate(2019, 9), "month", "2019-09", "Sep 2019", D(2019, 9, 1), D(2019, 9, 30)),
        (PartialDate(2021, 2), "month", "2021-02", "Feb 2021", D(2021, 2, 1), D(2021, 2, 28)),
        (PartialDate(2020, 9, 30), "day", "2020-09-30", "30 Sep 2020", D(2020, 9, 30), D(2020, 9, 30)),
    ],
)
def test_a_partial_date_keeps_its_granularity(
    *, date: PartialDate, granularity: str, iso: str, human: str, first: dt.date, last: dt.date
) -> None:
    assert date.granularity == granularity
    assert (date.iso(), date.human(), date.first, date.last) == (iso, human, first, last)
    assert PartialDate.parse(iso) == date


@given(partial_dates())
def test_partial_dates_round_trip_through_iso(date: PartialDate) -> None:
    assert PartialDate.parse(date.iso()) == date


# --- periods that cannot exist ------------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: PartialDate(2021, 2, 30), "impossible date 2021-02-30"),
        (lambda: PartialDate(2021, 13), "impossible month 13 in 2021"),
        (lambda: PartialDate(0), "impossible year 0"),
        (lambda: PartialDate(10000), "impossible year 10000"),
        (lambda: PartialDate(2021, None, 5), "a day needs a month"),
        (lambda: PartialDate.parse("2021-2"), "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got '2021-2'"),
        (lambda: PartialDate.parse("21-02"), "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got '21-02'"),
        (lambda: Span(PartialDate(2021), PartialDate(2020)), "span ends (2020) before it starts (2021)"),
        (
            lambda: Span(PartialDate(2021, 3), PartialDate(2021, 2, 28)),
            "span ends (2021-02-28) before it starts (2021-03)",
        ),
        (AsOf, "an as-of period needs a date, a since date, or both"),
        (lambda: AsOf(PartialDate(2015), since=PartialDate(2016)), "as of 2015 is before since 2016"),
        (lambda: CalendarYear(0), "impossible year 0"),
        (
            lambda: FiscalYear(2022, first_month=PartialDate(2020, 4)),
            "FY2022 cannot start in 2020-04: a fiscal year is named by the calendar year it starts or ends in",
        ),
        (lambda: FiscalYear(2022, first_month=PartialDate(2021)), "a fiscal year starts at a month, got 2021"),
        (
            lambda: FiscalYear(9999, first_month=PartialDate(9999, 2)),
            "FY9999 from 9999-02 would end after the year 9999",
        ),
        (lambda: HalfYear(2022, 3), "a half-year is 1 or 2, got 3"),
        (lambda: Quarter(2020, 5), "a quarter is 1 to 4, got 5"),
        (lambda: Quarter(0, 1), "impossible year 0"),
    ],
)
def test_periods_that_cannot_exist_raise_period_error(build: Callable[[], object], message: str) -> None:
    with pytest.raises(PeriodError) as caught:
        build()
    assert str(caught.value) == message


# --- relations -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        ("2020", "2020", PeriodRelation.EQUAL),
        ("2020", "2020-01 to 2020-12", PeriodRelation.EQUAL),
        ("H1 2020", "Q1 2020", PeriodRelation.CONTAINS),
        ("2019-09 to 2021-02", "2020", PeriodRelation.CONTAINS),
        ("FY2022 (2021-04 to 2022-03)", "2021-04 to 2022-03", PeriodRelation.EQUAL),
        ("FY2022 (2021-04 to 2022-03)", "Q1 2022", PeriodRelation.CONTAINS),
        ("Q3 2020", "2020", PeriodRelation.WITHIN),
        ("2020-09-30", "Sep 2020", PeriodRelation.WITHIN),
        ("2019-09 to 2021-02", "2021", PeriodRelation.OVERLAPS),
        ("H1 2020", "FY2021 (2020-04 to 2021-03)", PeriodRelation.OVERLAPS),
        ("H2 2020", "FY2021 (2020-04 to 2021-03)", PeriodRelation.WITHIN),
        ("2019", "2020", PeriodRelation.BEFORE),
        ("Q4 2020", "2021-01", PeriodRelation.BEFORE),
        ("as of 2020-09-30", "2021", PeriodRelation.BEFORE),
        ("2021", "H2 2020", PeriodRelation.AFTER),
        ("since 2016", "2015", PeriodRelation.AFTER),
        ("since 2016 as of 2020-09-30", "2018", PeriodRelation.CONTAINS),
        # an unknown bound leaves the relation unknown unless the known ones decide it
        ("as of 2020-09-30", "2020", PeriodRelation.UNKNOWN),
        ("as of 2020-09-30", "2020-09-30", PeriodRelation.UNKNOWN),
        ("since 2016", "2017", PeriodRelation.UNKNOWN),
        ("FY2022", "2022", PeriodRelation.UNKNOWN),
        ("FY2022", "2000", PeriodRelation.UNKNOWN),
        ("unknown", "2020", PeriodRelation.UNKNOWN),
        ("unknown", "unknown", PeriodRelation.UNKNOWN),
        # the same statement is the same period, even with a bound unknown
        ("as of 2020-09-30", "as of Sept. 30, 2020", PeriodRelation.EQUAL),
        ("FY2022", "FY 2022", PeriodRelation.EQUAL),
    ],
)
def test_relation_of_two_periods(a: str, b: str, relation: PeriodRelation) -> None:
    assert parse_period(a).relation(parse_period(b)) is relation


_MIRROR = {
    PeriodRelation.EQUAL: PeriodRelation.EQUAL,
    PeriodRelation.CONTAINS: PeriodRelation.WITHIN,
    PeriodRelation.WITHIN: PeriodRelation.CONTAINS,
    PeriodRelation.OVERLAPS: PeriodRelation.OVERLAPS,
    PeriodRelation.BEFORE: PeriodRelation.AFTER,
    PeriodRelation.AFTER: PeriodRelation.BEFORE,
    PeriodRelation.UNKNOWN: PeriodRelation.UNKNOWN,
}


@given(periods, periods)
def test_relation_seen_from_the_other_side_is_its_mirror(a: Period, b: Period) -> None:
    assert b.relation(a) is _MIRROR[a.relation(b)]


@given(periods, periods)
def test_a_relation_agrees_with_the_dates(a: Period, b: Period) -> None:
    relation = a.relation(b)
    bounds = (a.start, a.end, b.start, b.end)
    if relation is PeriodRelation.BEFORE:
        assert a.end is not None and b.start is not None and a.end < b.start  # noqa: PT018
    elif relation is PeriodRelation.AFTER:
        assert b.end is not None and a.start is not None and b.end < a.start  # noqa: PT018
    elif relation is PeriodRelation.UNKNOWN:
        assert None in bounds
    elif None in bounds:  # only the very same statement relates with a bound unknown
        assert relation is PeriodRelation.EQUAL and a == b  # noqa: PT018
    else:
        a0, a1, b0, b1 = (bound for bound in bounds if bound is not None)
        expected = {
            PeriodRelation.EQUAL: a0 == b0 and a1 == b1,
            PeriodRelation.CONTAINS: a0 <= b0 and b1 <= a1,
            PeriodRelation.WITHIN: b0 <= a0 and a1 <= b1,
            PeriodRelation.OVERLAPS: a0 <= b1 and b0 <= a1,
        }
        assert expected[relation]


def test_disjoint_relations_are_before_and_after() -> None:
    assert {r for r in PeriodRelation if r.disjoint} == {PeriodRelation.BEFORE, PeriodRelation.AFTER}


def test_relation_needs_a_period() -> None:
    with pytest.raises(ArgumentTypeError) as caught:
        CalendarYear(2020).relation("2020")  # type: ignore[arg-type]
    assert isinstance(caught.value, TypeError)
    assert str(caught.value) == "expected a Period, got str"
