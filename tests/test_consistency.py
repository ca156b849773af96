"""ClaimSet.check (consistency across sources and dates) and ClaimSet.compare (two claim sets aligned)."""

from __future__ import annotations

import attrs
import pytest

import esgclaims
from esgclaims import (
    Alignment,
    AsOf,
    CalendarYear,
    Claim,
    ClaimSet,
    ComparisonError,
    Consistency,
    Finding,
    HalfYear,
    Interval,
    PartialDate,
    Period,
    Program,
    ReportedValue,
    Source,
    UnknownPeriod,
    quantity,
)

CLAIMS: ClaimSet = esgclaims.load_dataset("jd-2020")
SALES = CLAIMS["jd-2020/poverty-alleviation-sales"]
COUNTIES = CLAIMS["jd-2020/impoverished-counties-helped"]
DONATIONS = CLAIMS["jd-2020/jd-foundation-donations"]
ONLINE = CLAIMS["jd-2020/online-donations-raised"]
ITEMS = CLAIMS["jd-2020/charitable-items-collected"]
RURAL_SHARE = CLAIMS["jd-2020/rural-frontline-employee-share"]

PRESS = Source("jd-press-2020", "JD press release on poverty alleviation", "JD.com")
REPORT_2019 = Source("jd-esg-2019", "JD 2019 ESG report", "JD.com")

JUNE = AsOf(PartialDate(2020, 6, 30))
SEPTEMBER = AsOf(PartialDate(2020, 9, 30))


def _restated(
    claim: Claim, claim_id: str, value: ReportedValue, period: Period | None = None, source: Source = PRESS
) -> Claim:
    """``claim`` as another document states it: another id, figure, period and source."""
    citation = attrs.evolve(claim.citation, source=source)
    return attrs.evolve(claim, id=claim_id, value=value, period=period or claim.period, citation=citation)


def _counties(amount: int, period: Period, claim_id: str = "pr/counties") -> Claim:
    return _restated(COUNTIES, claim_id, ReportedValue.of(amount, "county", precision=1), period)


def _sales(amount: str, qualifier: str = "exact", precision: str = "1000000000", unit: str = "CNY") -> Claim:
    return _restated(SALES, "pr/sales", ReportedValue.of(amount, unit, qualifier, precision=precision))


def _donations(amount: str, period: Period, claim_id: str = "pr/donations") -> Claim:
    return _restated(DONATIONS, claim_id, ReportedValue.of(amount, "CNY", precision="1000000"), period)


def _share(amount: str, period: Period, claim_id: str) -> Claim:
    return _restated(RURAL_SHARE, claim_id, ReportedValue.of(amount, "percent", precision="1"), period)


SALES_SIDE = "jd-2020/poverty-alleviation-sales (RMB 100,000,000,000, with rounding between RMB 99,500,000,000 and "
SALES_SIDE += "RMB 100,500,000,000)"
DONATIONS_SIDE = "jd-2020/jd-foundation-donations (around RMB 200,000,000 (±10%), with rounding between "
DONATIONS_SIDE += "RMB 179,500,000 and RMB 220,500,000, flow over 2020)"
COUNTIES_SIDE = "jd-2020/impoverished-counties-helped (110 counties, cumulative from an unstated start to 30 Sep 2020)"


@pytest.mark.parametrize(
    ("other", "status", "reason"),
    [
        pytest.param(
            _counties(100, JUNE),
            Consistency.CONSISTENT,
            "a cumulative total may grow: pr/counties (100 counties, cumulative from an unstated start to "
            f"30 Jun 2020) to {COUNTIES_SIDE}",
            id="a-total-that-grows",
        ),
        pytest.param(
            _counties(120, JUNE),
            Consistency.INCONSISTENT,
            "a cumulative total cannot fall, but pr/counties (120 counties, cumulative from an unstated start to "
            f"30 Jun 2020) exceeds {COUNTIES_SIDE}",
            id="a-total-that-falls",
        ),
        pytest.param(
            _counties(110, JUNE),
            Consistency.CONSISTENT,
            "a cumulative total may grow: pr/counties (110 counties, cumulative from an unstated start to "
            f"30 Jun 2020) to {COUNTIES_SIDE}",
            id="a-total-that-stands-still",
        ),
        pytest.param(
            _counties(110, AsOf(PartialDate(2020, 9))),
            Consistency.CONSISTENT,
            f"one running total, and the figures overlap: {COUNTIES_SIDE} and pr/counties (110 counties, "
            "cumulative from an unstated start to Sep 2020)",
            id="one-total-to-a-day-and-to-its-month",
        ),
        pytest.param(
            _counties(111, AsOf(PartialDate(2020, 9))),
            Consistency.INCONSISTENT,
            f"one running total, but no value satisfies both: {COUNTIES_SIDE} and pr/counties (111 counties, "
            "cumulative from an unstated start to Sep 2020)",
            id="one-total-two-figures",
        ),
        pytest.param(
            _counties(90, AsOf(PartialDate(2020, 12, 31), since=PartialDate(2020, 7))),
            Consistency.INDETERMINATE,
            f"only one of the running totals states its start, so they may not be one total: {COUNTIES_SIDE} and "
            "pr/counties (90 counties, cumulative from Jul 2020 to 31 Dec 2020)",
            id="a-total-with-a-start-and-one-without",
        ),
    ],
)
def test_cumulative_totals_may_grow_but_never_fall(*, other: Claim, status: Consistency, reason: str) -> None:
    (finding,) = ClaimSet([COUNTIES, other]).check()
    assert (finding.a, finding.b) == (COUNTIES, other)
    assert finding.status is status
    assert finding.reason == reason


@pytest.mark.parametrize(
    ("other", "status", "reason"),
    [
        pytest.param(
            _sales("100000000000", "more_than"),
            Consistency.CONSISTENT,
            f"one period, and the figures overlap: {SALES_SIDE} and pr/sales (more than RMB 100,000,000,000, "
            "with rounding more than RMB 99,500,000,000), both cumulative from an unstated start to 30 Sep 2020",
            id="over-100-billion-and-100-billion",
        ),
        pytest.param(
            _sales("100400000000", precision="100000000"),
            Consistency.CONSISTENT,
            f"one period, and the figures overlap: {SALES_SIDE} and pr/sales (RMB 100,400,000,000, with rounding "
            "between RMB 100,350,000,000 and RMB 100,450,000,000), both cumulative from an unstated start to "
            "30 Sep 2020",
            id="two-roundings-of-one-figure",
        ),
        pytest.param(
            _sales("90000000000", "less_than"),
            Consistency.INCONSISTENT,
            f"one period, but no value satisfies both: {SALES_SIDE} and pr/sales (less than RMB 90,000,000,000, "
            "with rounding less than RMB 90,500,000,000), both cumulative from an unstated start to 30 Sep 2020",
            id="less-than-90-billion-and-100-billion",
        ),
        pytest.param(
            _sales("14000000000", unit="USD"),
            Consistency.INDETERMINATE,
            "jd-2020/poverty-alleviation-sales is money in CNY and pr/sales money in USD: convert one with an "
            "explicit, dated rate (esgclaims.convert) first",
            id="different-currencies",
        ),
    ],
)
def test_two_statements_of_one_fact_are_checked_for_overlap_not_equality(
    *, other: Claim, status: Consistency, reason: str
) -> None:
    (finding,) = ClaimSet([SALES, other]).check()
    assert finding.status is status
    assert finding.reason == reason


@pytest.mark.parametrize(
    ("june", "september", "status", "reason"),
    [
        pytest.param(
            _counties(100, AsOf(PartialDate(2020, 6, 30), since=PartialDate(2016)), "pr/june"),
            _counties(110, AsOf(PartialDate(2020, 9, 30), since=PartialDate(2016)), "pr/september"),
            Consistency.CONSISTENT,
            "a cumulative total may grow: pr/june (100 counties, cumulative from 2016 to 30 Jun 2020) to "
            "pr/september (110 counties, cumulative from 2016 to 30 Sep 2020)",
            id="one-start",
        ),
        pytest.param(
            _counties(100, AsOf(PartialDate(2020, 6, 30), since=PartialDate(2016)), "pr/june"),
            _counties(90, AsOf(PartialDate(2020, 9, 30), since=PartialDate(2018)), "pr/september"),
            Consistency.INDETERMINATE,
            "running totals over periods that do not nest do not constrain each other: pr/june (100 counties, "
            "cumulative from 2016 to 30 Jun 2020) and pr/september (90 counties, cumulative from 2018 to "
            "30 Sep 2020)",
            id="a-later-start",
        ),
    ],
)
def test_totals_with_stated_starts_constrain_each_other_only_when_nested(
    *, june: Claim, september: Claim, status: Consistency, reason: str
) -> None:
    (finding,) = ClaimSet([june, september]).check()
    assert finding.status is status
    assert finding.reason == reason


def test_two_roundings_of_one_figure_would_contradict_at_face_value() -> None:
    finer = _sales("100400000000", precision="100000000")
    assert not esgclaims.compare(SALES, finer).difference.contains(quantity(0, "CNY"))  # type: ignore[union-attr]
    (finding,) = ClaimSet([SALES, finer]).check()
    assert finding.status is Consistency.CONSISTENT


@pytest.mark.parametrize(
    ("other", "status", "reason"),
    [
        pytest.param(
            _donations("150000000", HalfYear(2020, 1)),
            Consistency.CONSISTENT,
            f"a flow over part of a period is at most the whole: {DONATIONS_SIDE} and pr/donations "
            "(RMB 150,000,000, with rounding between RMB 149,500,000 and RMB 150,500,000, flow over H1 2020)",
            id="half-a-year-within-the-year",
        ),
        pytest.param(
            _donations("250000000", HalfYear(2020, 1)),
            Consistency.INCONSISTENT,
            "a flow over part of a period cannot exceed the whole, but pr/donations (RMB 250,000,000, with rounding "
            f"between RMB 249,500,000 and RMB 250,500,000, flow over H1 2020) exceeds {DONATIONS_SIDE}",
            id="half-a-year-above-the-year",
        ),
        pytest.param(
            _donations("150000000", CalendarYear(2019)),
            Consistency.INDETERMINATE,
            f"flows over these periods do not constrain each other: {DONATIONS_SIDE} and pr/donations "
            "(RMB 150,000,000, with rounding between RMB 149,500,000 and RMB 150,500,000, flow over 2019)",
            id="two-years",
        ),
        pytest.param(
            _donations("195000000", CalendarYear(2020)),
            Consistency.CONSISTENT,
            "one period, and the figures overlap: jd-2020/jd-foundation-donations (around RMB 200,000,000 (±10%), "
            "with rounding between RMB 179,500,000 and RMB 220,500,000) and pr/donations (RMB 195,000,000, with "
            "rounding between RMB 194,500,000 and RMB 195,500,000), both flow over 2020",
            id="the-same-year",
        ),
    ],
)
def test_flows_within_a_period_are_at_most_the_whole(*, other: Claim, status: Consistency, reason: str) -> None:
    (finding,) = ClaimSet([DONATIONS, other]).check()
    assert finding.status is status
    assert finding.reason == reason


def test_stocks_at_different_dates_are_indeterminate() -> None:
    end_2019 = _share("75", AsOf(PartialDate(2019, 12, 31)), "report/share-2019")
    end_2020 = _share("82", AsOf(PartialDate(2020, 12, 31)), "report/share-2020")
    (finding,) = ClaimSet([end_2019, end_2020]).check()
    assert finding.status is Consistency.INDETERMINATE
    assert finding.reason == (
        "a level can change between dates: report/share-2019 (75%, with rounding between 74.5% and 75.5%, "
        "as of 31 Dec 2019) and report/share-2020 (82%, with rounding between 81.5% and 82.5%, as of 31 Dec 2020)"
    )


def test_a_claim_without_a_period_cannot_be_aligned_with_one() -> None:
    dated = _share("75", AsOf(PartialDate(2019, 12, 31)), "report/share-2019")
    (finding,) = ClaimSet([RURAL_SHARE, dated]).check()
    assert finding.status is Consistency.INDETERMINATE
    assert finding.reason == (
        "the periods cannot be aligned, as a bound is not stated: jd-2020/rural-frontline-employee-share "
        "(more than 80%, with rounding between 79.5% and 100%, no stated period) and report/share-2019 "
        "(75%, with rounding between 74.5% and 75.5%, as of 31 Dec 2019)"
    )


def test_a_finding_names_both_claims_and_says_why() -> None:
    (finding,) = ClaimSet([COUNTIES, _counties(120, JUNE)]).check()
    assert isinstance(finding, Finding)
    assert str(finding).startswith(
        "inconsistent: jd-2020/impoverished-counties-helped and pr/counties: a cumulative total cannot fall, but "
    )
    assert repr(finding) == "<Finding inconsistent: 'jd-2020/impoverished-counties-helped' and 'pr/counties'>"
    assert repr(finding.status) == "Consistency.INCONSISTENT"


def test_one_article_stating_each_figure_once_has_nothing_to_check() -> None:
    assert CLAIMS.check() == ()


def test_check_pairs_every_two_claims_of_one_quantity_and_no_others() -> None:
    june, march = _counties(100, JUNE, "pr/counties-june"), _counties(90, AsOf(PartialDate(2020, 3, 31)), "pr/march")
    findings = (CLAIMS + ClaimSet([june, march])).check()
    assert [(f.a.id, f.b.id, f.status) for f in findings] == [
        ("jd-2020/impoverished-counties-helped", "pr/counties-june", Consistency.CONSISTENT),
        ("jd-2020/impoverished-counties-helped", "pr/march", Consistency.CONSISTENT),
        ("pr/counties-june", "pr/march", Consistency.CONSISTENT),
    ]


def test_claims_of_one_source_about_one_period_are_judged_as_duplicates() -> None:
    twice = _restated(SALES, "jd-2020/sales-again", ReportedValue.of("90000000000", "CNY"), source=SALES.source)
    assert [str(finding) for finding in ClaimSet([SALES, twice]).check()] == [
        (
            "inconsistent: jd-2020/poverty-alleviation-sales and jd-2020/sales-again: duplicate in source "
            "jd-blog-2020-esg, but no value satisfies both: jd-2020/poverty-alleviation-sales (RMB 100,000,000,000, "
            "with rounding between RMB 99,500,000,000 and RMB 100,500,000,000) and jd-2020/sales-again "
            "(RMB 90,000,000,000), both cumulative from an unstated start to 30 Sep 2020"
        )
    ]


def test_a_figure_and_its_translation_in_one_source_give_no_finding() -> None:
    dollars = _restated(SALES, "jd-2020/sales-usd", ReportedValue.of("14000000000", "USD"), source=SALES.source)
    assert ClaimSet([SALES, dollars]).check() == ()


def test_claims_of_different_programs_are_not_statements_of_one_fact() -> None:
    other_program = Program("gift-cards", "Gift card donations", DONATIONS.subject)
    part = attrs.evolve(_donations("5000000", CalendarYear(2020)), program=other_program)
    assert ClaimSet([DONATIONS, part]).check() == ()


# ------------------------------------------------------------------ two claim sets


def _year_2019() -> ClaimSet:
    return ClaimSet(
        [
            _restated(
                DONATIONS,
                "jd-2019/jd-foundation-donations",
                ReportedValue.of("150000000", "CNY", "approximately"),
                CalendarYear(2019),
                REPORT_2019,
            ),
            _restated(
                ONLINE,
                "jd-2019/online-donations-raised",
                ReportedValue.of("12340000", "CNY", precision="10000"),
                CalendarYear(2019),
                REPORT_2019,
            ),
            _restated(
                COUNTIES,
                "jd-2019/counties",
                ReportedValue.of("110", "county", precision="1"),
                AsOf(PartialDate(2019, 9, 30)),
                REPORT_2019,
            ),
            _restated(
                ITEMS,
                "jd-2019/items",
                ReportedValue.of("2000000", "item", "more_than"),
                CalendarYear(2019),
                REPORT_2019,
            ),
            _restated(
                SALES,
                "jd-2019/sales",
                ReportedValue.of("10000000000", "USD"),
                AsOf(PartialDate(2019, 9, 30)),
                REPORT_2019,
            ),
        ]
    )


YEAR_2020 = ClaimSet([DONATIONS, ONLINE, COUNTIES, ITEMS, SALES, CLAIMS["jd-2020/donation-participants"]])


def test_two_years_reports_pair_by_subject_metric_and_program() -> None:
    alignment = _year_2019().compare(YEAR_2020)
    assert isinstance(alignment, Alignment)
    assert [(pair.left.id, pair.right.id) for pair in alignment.pairs] == [
        ("jd-2019/jd-foundation-donations", "jd-2020/jd-foundation-donations"),
        ("jd-2019/online-donations-raised", "jd-2020/online-donations-raised"),
        ("jd-2019/counties", "jd-2020/impoverished-counties-helped"),
        ("jd-2019/items", "jd-2020/charitable-items-collected"),
        ("jd-2019/sales", "jd-2020/poverty-alleviation-sales"),
    ]
    assert alignment.only_left.ids == ()
    assert alignment.only_right.ids == ("jd-2020/donation-participants",)
    assert repr(alignment) == "<Alignment: 5 pairs, 0 only left, 1 only right>"


def test_each_pair_carries_its_change_as_an_interval() -> None:
    changes = [pair.change for pair in _year_2019().compare(YEAR_2020).pairs]
    assert changes == [
        Interval(quantity(15000000, "CNY"), quantity(85000000, "CNY")),  # [180, 220] − [135, 165] million
        Interval(quantity(7430000, "CNY"), quantity(7430000, "CNY")),
        Interval(quantity(0, "county"), quantity(0, "county")),
        Interval(None, None, unit=esgclaims.parse_unit("item")),  # more than 2 million, more than 1.27 million
        None,  # USD and CNY
    ]


def test_an_alignment_reads_as_one_line_per_pair_and_per_unmatched_claim() -> None:
    assert str(_year_2019().compare(YEAR_2020)) == (
        "jd-2019/jd-foundation-donations → jd-2020/jd-foundation-donations: up between RMB 15,000,000 and "
        "RMB 85,000,000\n"
        "jd-2019/online-donations-raised → jd-2020/online-donations-raised: up RMB 7,430,000\n"
        "jd-2019/counties → jd-2020/impoverished-counties-helped: no change\n"
        "jd-2019/items → jd-2020/charitable-items-collected: cannot tell up or down\n"
        "jd-2019/sales → jd-2020/poverty-alleviation-sales: not comparable\n"
        "only right: jd-2020/donation-participants"
    )


def test_the_other_direction_reverses_every_change() -> None:
    alignment = YEAR_2020.compare(_year_2019())
    assert str(alignment.pairs[0]) == (
        "jd-2020/jd-foundation-donations → jd-2019/jd-foundation-donations: down between RMB 15,000,000 and "
        "RMB 85,000,000"
    )
    assert repr(alignment.pairs[0]) == "<Pair 'jd-2020/jd-foundation-donations' → 'jd-2019/jd-foundation-donations'>"
    assert alignment.only_left.ids == ("jd-2020/donation-participants",)


def test_claims_of_equal_periods_pair_first_and_the_rest_stay_unmatched() -> None:
    both_years = _year_2019().filter(metric="charitable-donations") + ClaimSet(
        [_donations("201000000", CalendarYear(2020), "pr/donations-2020")]
    )
    alignment = both_years.compare(ClaimSet([DONATIONS]))
    assert [(pair.left.id, pair.right.id) for pair in alignment.pairs] == [
        ("pr/donations-2020", "jd-2020/jd-foundation-donations")
    ]
    assert alignment.only_left.ids == ("jd-2019/jd-foundation-donations",)
    assert alignment.pairs[0].comparison.reasons == ()


def test_a_pair_keeps_the_full_comparison() -> None:
    pair = _year_2019().compare(YEAR_2020).pairs[0]
    assert pair.comparison.reasons == (
        "periods do not align: flow over 2019 and flow over 2020; the first ends before the second starts",
    )
    assert pair.comparison.order is esgclaims.Order.LESS


def test_compare_takes_a_claim_set_only() -> None:
    with pytest.raises(ComparisonError) as caught:
        CLAIMS.compare([SALES])  # type: ignore[arg-type]
    assert str(caught.value) == "ClaimSet.compare takes a ClaimSet, got list"


def test_qualitative_claims_pair_but_have_no_change() -> None:
    award = CLAIMS["jd-2020/poverty-alleviation-collaboration-award"]
    again = _restated(award, "pr/award", None, UnknownPeriod())  # type: ignore[arg-type]
    (pair,) = ClaimSet([award]).compare(ClaimSet([again])).pairs
    assert pair.change is None
    assert pair.change_words == "not comparable"


# ------------------------------------------------------------------ how findings and alignments read


def _donations_2019(amount: str) -> ClaimSet:
    return ClaimSet(
        [_restated(DONATIONS, "jd-2019/d", ReportedValue.of(amount, "CNY"), CalendarYear(2019), REPORT_2019)]
    )


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("150000000", "up between RMB 30,000,000 and RMB 70,000,000"),
        ("250000000", "down between RMB 30,000,000 and RMB 70,000,000"),
        # either way: signed ends, the minus sign before the currency
        ("210000000", "cannot tell up or down: between −RMB 30,000,000 and +RMB 10,000,000"),
    ],
)
def test_a_change_reads_up_down_or_signed_either_way(amount: str, words: str) -> None:
    (pair,) = _donations_2019(amount).compare(ClaimSet([DONATIONS])).pairs
    assert pair.change_words == words
    assert "RMB -" not in str(pair)


def test_a_change_with_one_bound_reads_up_or_down_by() -> None:
    farms = CLAIMS["jd-2020/jingxi-farms-helped"]  # tens of thousands of farms
    fewer = attrs.evolve(farms, id="x/farms", value=esgclaims.parse_value("several thousand farms"))
    (up,) = ClaimSet([fewer]).compare(ClaimSet([farms])).pairs
    assert up.change_words == "up by less than 97,000 farms"  # before: "up less than 97,000 farms"
    (down,) = ClaimSet([farms]).compare(ClaimSet([fewer])).pairs
    assert down.change_words == "down by less than 97,000 farms"


def test_reprs_count_in_good_english() -> None:
    alignment = _donations_2019("150000000").compare(ClaimSet([DONATIONS]))
    assert repr(alignment) == "<Alignment: 1 pair, 0 only left, 0 only right>"  # before: "1 pairs"
    (finding,) = ClaimSet([DONATIONS, _donations("250000000", HalfYear(2020, 1))]).check()
    assert repr(finding) == "<Finding inconsistent: 'jd-2020/jd-foundation-donations' and 'pr/donations'>"
    assert str(finding).startswith("inconsistent: jd-2020/jd-foundation-donations and pr/donations: a flow over part")


def test_a_finding_displays_as_an_html_verdict_with_both_claims() -> None:
    (finding,) = ClaimSet([DONATIONS, _donations("250000000", HalfYear(2020, 1))]).check()
    page = finding._repr_html_()
    assert "<caption>inconsistent: jd-2020/jd-foundation-donations and pr/donations</caption>" in page
    assert "<b>verdict</b></td>" in page
    assert ">inconsistent</td>" in page
    assert "a flow over part of a period cannot exceed the whole" in page
    assert "<caption>2 claims</caption>" in page
    assert ">250,000,000</td>" in page


def test_an_alignment_displays_as_an_html_table_of_pairs_and_unmatched_claims() -> None:
    page = _year_2019().compare(YEAR_2020)._repr_html_()
    assert "<caption>5 pairs, 0 only left, 1 only right</caption>" in page
    assert page.count("<tr>") == 1 + 5 + 1
    assert ">up between RMB 15,000,000 and RMB 85,000,000</td>" in page
    assert ">cannot tell up or down</td>" in page
    assert ">only right</td>" in page
    assert 'title="jd-2019/jd-foundation-donations">around RMB 150,000,000 (±10%)</span>' in page
    pair = _year_2019().compare(YEAR_2020).pairs[0]._repr_html_()
    assert "<caption>jd-2019/jd-foundation-donations → jd-2020/jd-foundation-donations</caption>" in pair
    assert "<b>change</b></td>" in pair
