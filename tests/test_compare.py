"""compare, ratio, share_of and annualise on the JD 2020 claims: every answer an interval, every doubt a reason."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import attrs
import pytest

import esgclaims
from esgclaims import (
    AsOf,
    CalendarYear,
    Claim,
    ClaimSet,
    ComparisonError,
    EsgClaimsError,
    Interval,
    InvalidClaimError,
    InvalidValueError,
    Metric,
    Order,
    PartialDate,
    Period,
    PeriodRelation,
    QuantityKind,
    Quarter,
    ReportedValue,
    Span,
    Temporal,
    UnknownPeriod,
    annualise,
    compare,
    parse_unit,
    quantity,
    ratio,
    share_of,
)
from esgclaims._compare.compare import claim_interval
from esgclaims._compare.wording import difference_words, interval_words, ratio_words

if TYPE_CHECKING:
    from collections.abc import Callable

CLAIMS: ClaimSet = esgclaims.load_dataset("jd-2020")
SALES = CLAIMS["jd-2020/poverty-alleviation-sales"]
HOUSEHOLDS = CLAIMS["jd-2020/impoverished-households-income-increased"]
COUNTIES = CLAIMS["jd-2020/impoverished-counties-helped"]
COMMODITIES = CLAIMS["jd-2020/local-commodities-online"]
SPECIALTIES = CLAIMS["jd-2020/jingxi-local-specialties-sold"]
FARMS = CLAIMS["jd-2020/jingxi-farms-helped"]
DONATIONS = CLAIMS["jd-2020/jd-foundation-donations"]
ONLINE = CLAIMS["jd-2020/online-donations-raised"]
ITEMS = CLAIMS["jd-2020/charitable-items-collected"]
PARTICIPANTS = CLAIMS["jd-2020/donation-participants"]
CLOTHING = CLAIMS["jd-2020/clothing-items-recycled"]
CITIES = CLAIMS["jd-2020/clothing-donation-cities"]
RURAL_SHARE = CLAIMS["jd-2020/rural-frontline-employee-share"]
AWARD = CLAIMS["jd-2020/poverty-alleviation-collaboration-award"]

MASS = Metric("waste", "Waste recycled", QuantityKind.MASS, Temporal.FLOW)


def _with(
    claim: Claim,
    value: ReportedValue,
    *,
    claim_id: str = "x",
    metric: Metric | None = None,
    period: Period | None = None,
) -> Claim:
    """``claim`` restated: another id, figure, and (when given) metric and period."""
    return attrs.evolve(claim, id=claim_id, value=value, metric=metric or claim.metric, period=period or claim.period)


def _money(amount: str, qualifier: str = "exact", **fields: str) -> Claim:
    return _with(DONATIONS, ReportedValue.of(amount, "CNY", qualifier, **fields))


# ------------------------------------------------------------------ the JD 2020 questions


def test_sales_per_household_is_less_than_rmb_100000_open_at_both_ends() -> None:
    # The issue writes "(0, 100000]": "more than 1 million" households makes the bound strict.
    per_household = ratio(SALES, HOUSEHOLDS)
    assert per_household.interval == Interval(
        quantity(0, "CNY/household"), quantity(100000, "CNY/household"), low_closed=False, high_closed=False
    )
    assert per_household.kind == "ratio"
    assert per_household.inputs == (SALES, HOUSEHOLDS)
    assert per_household.caveats == ()
    assert str(per_household) == (
        "less than RMB 100,000 per household, from RMB 100,000,000,000 (poverty alleviation-related sales, "
        "jd-2020/poverty-alleviation-sales) and more than 1,000,000 households (impoverished households with "
        "increased income, jd-2020/impoverished-households-income-increased)"
    )
    assert repr(per_household) == "<Derived ratio: less than RMB 100,000 per household>"


def test_compare_gives_the_same_per_household_ratio() -> None:
    result = compare(SALES, HOUSEHOLDS)
    assert result.ratio == ratio(SALES, HOUSEHOLDS).interval
    assert str(result.ratio) == "(RMB 0 per household, RMB 100,000 per household)"


def test_share_of_online_donations_spans_the_tolerance_of_roughly_rmb_200_million() -> None:
    share = share_of(ONLINE, DONATIONS)
    # 19.77 million over 220 million and over 180 million: "around" is ±10 %.
    assert share.interval == Interval(
        quantity("8.986363636363636363636363636", "percent"), quantity("10.98333333333333333333333333", "percent")
    )
    assert share.interval.contains(quantity(Decimal("19.77") / Decimal("2.2"), "percent"))
    assert share.caveats == ("'Donations raised online' is not stated to be part of 'Charitable donations made'",)
    assert str(share) == (
        "between 8.986% and 10.99%, from RMB 19,770,000 (donations raised online, jd-2020/online-donations-raised) "
        "and around RMB 200,000,000 (±10%) (charitable donations made, jd-2020/jd-foundation-donations); "
        "note: 'Donations raised online' is not stated to be part of 'Charitable donations made'"
    )


def test_charitable_items_per_participant_is_more_than_0_3078() -> None:
    per_participant = ratio(ITEMS, PARTICIPANTS)
    # More than 1.27 million items over at most 4.125 million people (3.75 million + 10 %).
    assert per_participant.interval == Interval(
        quantity("0.3078787878787878787878787879", "item/person"), None, low_closed=False
    )
    assert per_participant.high is None
    assert str(per_participant) == (
        "more than 0.3078 items per person, from more than 1,270,000 items (charitable items collected, "
        "jd-2020/charitable-items-collected) and around 3,750,000 people (±10%) (donation participants, "
        "jd-2020/donation-participants)"
    )


def test_clothing_per_city_is_more_than_525_pieces_and_says_neither_period_is_stated() -> None:
    per_city = ratio(CLOTHING, CITIES)
    assert per_city.interval == Interval(quantity("525.5555555555555555555555556", "item/city"), None, low_closed=False)
    assert per_city.caveats == ("periods cannot be aligned: neither claim states its period",)
    assert str(per_city) == (
        "more than 525.5 items per city, from more than 47,300 items (pieces of clothing recycled, "
        "jd-2020/clothing-items-recycled) and 90 cities (cities reached by a program, "
        "jd-2020/clothing-donation-cities); note: periods cannot be aligned: neither claim states its period"
    )


def test_online_donations_against_all_donations_reads_as_an_answer() -> None:
    result = compare(ONLINE, DONATIONS)
    assert (result.comparable, result.order, result.period_relation) == (True, Order.LESS, PeriodRelation.EQUAL)
    assert str(result) == (
        "jd-2020/online-donations-raised vs jd-2020/jd-foundation-donations\n"
        "  order       less\n"
        "  difference  between −RMB 200,300,000 and −RMB 160,200,000\n"
        "  ratio       between 8.986% and 10.99%\n"
        "  periods     equal\n"
        "  comparable  yes\n"
        "  - different metrics: 'Donations raised online' and 'Charitable donations made'"
    )
    assert repr(result) == (
        "<Comparison 'jd-2020/online-donations-raised' vs 'jd-2020/jd-foundation-donations': less, 1 reason>"
    )


# ------------------------------------------------------------------ which figures can be set side by side


@pytest.mark.parametrize(
    ("a", "b", "relation", "comparable", "reasons"),
    [
        pytest.param(
            SPECIALTIES,
            COMMODITIES,
            PeriodRelation.UNKNOWN,
            True,
            (
                "different subjects: Jingxi and JD.com",
                "different metrics: 'Local specialties sold' and 'Local commodities put online'",
                (
                    "different kinds of figure: flow ('jd-2020/jingxi-local-specialties-sold') and cumulative "
                    "('jd-2020/local-commodities-online')"
                ),
                (
                    "periods do not align: flow over Sep 2019 – Feb 2021 and cumulative from an unstated start to "
                    "30 Sep 2020; how they relate cannot be told, as a bound is not stated"
                ),
            ),
            id="jingxi-vs-ecommerce",
        ),
        pytest.param(
            FARMS,
            DONATIONS,
            PeriodRelation.CONTAINS,
            False,
            (
                (
                    "different quantities: 'jd-2020/jingxi-farms-helped' is a count of farms, "
                    "'jd-2020/jd-foundation-donations' money in CNY"
                ),
                "different subjects: Jingxi and JD Foundation",
                "different metrics: 'Farms helped to sell products' and 'Charitable donations made'",
                "periods do not align: flow over Sep 2019 – Feb 2021 and flow over 2020; the first contains the second",
            ),
            id="jingxi-vs-2020-donations",
        ),
        pytest.param(
            SPECIALTIES,
            ITEMS,
            PeriodRelation.CONTAINS,
            True,
            (
                "different subjects: Jingxi and JD Foundation",
                "different metrics: 'Local specialties sold' and 'Charitable items collected'",
                "periods do not align: flow over Sep 2019 – Feb 2021 and flow over 2020; the first contains the second",
            ),
            id="jingxi-items-vs-2020-items",
        ),
        pytest.param(
            SALES,
            DONATIONS,
            PeriodRelation.UNKNOWN,
            True,
            (
                "different subjects: JD.com and JD Foundation",
                "different metrics: 'Poverty alleviation-related sales' and 'Charitable donations made'",
                (
                    "different kinds of figure: cumulative ('jd-2020/poverty-alleviation-sales') and flow "
                    "('jd-2020/jd-foundation-donations')"
                ),
                (
                    "periods do not align: cumulative from an unstated start to 30 Sep 2020 and flow over 2020; "
                    "how they relate cannot be told, as a bound is not stated"
                ),
            ),
            id="ecommerce-vs-2020-donations",
        ),
        pytest.param(
            SALES,
            HOUSEHOLDS,
            PeriodRelation.EQUAL,
            False,
            (
                (
                    "different quantities: 'jd-2020/poverty-alleviation-sales' is money in CNY, "
                    "'jd-2020/impoverished-households-income-increased' a count of households"
                ),
                (
                    "different metrics: 'Poverty alleviation-related sales' and "
                    "'Impoverished households with increased income'"
                ),
            ),
            id="one-sentence-two-quantities",
        ),
    ],
)
def test_compare_names_every_way_two_figures_do_not_line_up(
    *, a: Claim, b: Claim, relation: PeriodRelation, comparable: bool, reasons: tuple[str, ...]
) -> None:
    result = compare(a, b)
    assert result.period_relation is relation
    assert result.comparable is comparable
    assert result.reasons == reasons


def test_period_relation_is_disjoint_for_two_different_years() -> None:
    earlier = _with(DONATIONS, ReportedValue.of("150000000", "CNY"), period=CalendarYear(2019))
    result = compare(earlier, DONATIONS)
    assert result.period_relation is PeriodRelation.BEFORE
    assert result.period_relation.disjoint
    assert result.reasons[-1] == (
        "periods do not align: flow over 2019 and flow over 2020; the first ends before the second starts"
    )


def test_jingxi_against_2020_donations_shows_what_each_side_covers() -> None:
    result = compare(SPECIALTIES, ITEMS)
    assert result.order is Order.CANNOT_TELL  # more than 1 million and more than 1.27 million
    assert str(result.difference) == "(\u2212∞, ∞)"
    assert interval_words(result.difference or Interval(None, None, unit=parse_unit("item"))) == "any value"


def test_different_currencies_are_a_reason_that_names_the_way_out() -> None:
    in_dollars = _with(DONATIONS, ReportedValue.of("30000000", "USD"), claim_id="usd")
    result = compare(DONATIONS, in_dollars)
    assert (result.comparable, result.order, result.difference) == (False, None, None)
    assert result.reasons == (
        (
            "'jd-2020/jd-foundation-donations' is in CNY and 'usd' in USD: convert one with an explicit, dated rate "
            "(esgclaims.convert) first"
        ),
    )


def test_two_files_describing_one_metric_differently_still_compare_as_one_metric() -> None:
    reworded = attrs.evolve(DONATIONS.metric, description="Donations, as the press release puts it.")
    restated = _with(DONATIONS, ReportedValue.of("200000000", "CNY"), metric=reworded)
    assert compare(DONATIONS, restated).reasons == ()


# ------------------------------------------------------------------ order


@pytest.mark.parametrize(
    ("a", "b", "order"),
    [
        (_money("100"), _money("50"), Order.GREATER),
        (_money("50"), _money("100"), Order.LESS),
        (_money("100"), _money("100"), Order.EQUAL),
        (_money("100", "approximately"), _money("95"), Order.CANNOT_TELL),
        (_money("100", "more_than"), _money("100"), Order.GREATER),
        (_money("100", "at_least"), _money("100"), Order.CANNOT_TELL),
        (_money("100", "less_than"), _money("100"), Order.LESS),
        (_money("100", "at_most"), _money("100"), Order.CANNOT_TELL),
        (_money("10", "range", upper="20"), _money("20"), Order.CANNOT_TELL),
        (_money("10000", "order_of_magnitude", upper="100000"), _money("100000"), Order.LESS),
        (_money("100", "more_than"), _money("200", "more_than"), Order.CANNOT_TELL),
        (_money("100"), _money("200", "approximately"), Order.LESS),
        (_money("221"), _money("200", "approximately"), Order.GREATER),
        (_money("220"), _money("200", "approximately"), Order.CANNOT_TELL),
    ],
    ids=lambda item: str(item.value) if isinstance(item, Claim) else None,
)
def test_order_is_greater_less_equal_or_cannot_tell(*, a: Claim, b: Claim, order: Order) -> None:
    assert compare(a, b).order is order
    assert compare(b, a).order is order.flipped()


@pytest.mark.parametrize(
    ("a", "b", "order"),
    [
        (ReportedValue.of("1", "t"), ReportedValue.of("1000", "kg"), Order.EQUAL),
        (ReportedValue.of("1", "t", "more_than"), ReportedValue.of("1000", "kg"), Order.GREATER),
        (ReportedValue.of("0.999", "t"), ReportedValue.of("1000", "kg"), Order.LESS),
    ],
)
def test_order_does_not_depend_on_the_unit_of_either_figure(
    *, a: ReportedValue, b: ReportedValue, order: Order
) -> None:
    left = _with(DONATIONS, a, metric=MASS, claim_id="a")
    right = _with(DONATIONS, b, metric=MASS, claim_id="b")
    assert compare(left, right).order is order


@pytest.mark.parametrize(
    ("order", "flipped"),
    [
        (Order.GREATER, Order.LESS),
        (Order.LESS, Order.GREATER),
        (Order.EQUAL, Order.EQUAL),
        (Order.CANNOT_TELL, Order.CANNOT_TELL),
    ],
)
def test_order_flips_when_seen_from_the_other_side(*, order: Order, flipped: Order) -> None:
    assert order.flipped() is flipped


def test_difference_and_ratio_follow_from_both_qualifiers() -> None:
    result = compare(SALES, DONATIONS)
    assert result.order is Order.GREATER
    assert result.difference == Interval(quantity("99780000000", "CNY"), quantity("99820000000", "CNY"))
    assert str(result.ratio) == "[454.5454545454545454545454545, 555.5555555555555555555555556]"


# ------------------------------------------------------------------ qualitative claims and misuse


def test_a_qualitative_claim_compares_as_not_comparable_with_its_reason() -> None:
    result = compare(AWARD, SALES)
    assert (result.comparable, result.order, result.difference, result.ratio) == (False, None, None, None)
    assert result.reasons[0] == "'jd-2020/poverty-alleviation-collaboration-award' is qualitative: it states no figure"
    assert repr(result) == (
        "<Comparison 'jd-2020/poverty-alleviation-collaboration-award' vs 'jd-2020/poverty-alleviation-sales': "
        "incomparable, 4 reasons>"
    )


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: ratio(AWARD, SALES),
            "claim 'jd-2020/poverty-alleviation-collaboration-award' is qualitative: it states no figure",
        ),
        (
            lambda: share_of(SALES, AWARD),
            "claim 'jd-2020/poverty-alleviation-collaboration-award' is qualitative: it states no figure",
        ),
        (
            lambda: annualise(AWARD),
            "claim 'jd-2020/poverty-alleviation-collaboration-award' is qualitative: it states no figure",
        ),
        (
            lambda: claim_interval(AWARD),
            "claim 'jd-2020/poverty-alleviation-collaboration-award' is qualitative: it states no figure",
        ),
        (lambda: compare(SALES, 3), "b must be an esgclaims.Claim, got int"),  # type: ignore[arg-type]
        (lambda: compare("jd-2020/poverty-alleviation-sales", SALES), "a must be an esgclaims.Claim, got str"),  # type: ignore[arg-type]
        (lambda: ratio(SALES, None), "b must be an esgclaims.Claim, got NoneType"),  # type: ignore[arg-type]
        (lambda: share_of(1.5, SALES), "part must be an esgclaims.Claim, got float"),  # type: ignore[arg-type]
        (lambda: share_of(SALES, SALES.value), "whole must be an esgclaims.Claim, got ReportedValue"),  # type: ignore[arg-type]
        (lambda: annualise({}), "claim must be an esgclaims.Claim, got dict"),  # type: ignore[arg-type]
    ],
    ids=[
        "ratio-of-qualitative",
        "share-of-qualitative",
        "annualise-qualitative",
        "interval-of-qualitative",
        "compare-with-int",
        "compare-an-id",
        "ratio-with-none",
        "share-of-float",
        "share-of-value",
        "annualise-dict",
    ],
)
def test_misuse_raises_comparison_error_with_an_exact_message(call: Callable[[], object], message: str) -> None:
    with pytest.raises(ComparisonError) as caught:
        call()
    assert str(caught.value) == message
    assert isinstance(caught.value, EsgClaimsError)
    assert isinstance(caught.value, TypeError)


def test_share_of_different_kinds_of_quantity_raises() -> None:
    with pytest.raises(ComparisonError) as caught:
        share_of(ITEMS, PARTICIPANTS)
    assert str(caught.value) == (
        "a share needs the same kind of quantity: 'jd-2020/charitable-items-collected' is a count of items, "
        "'jd-2020/donation-participants' a count of people"
    )


def test_share_of_money_and_households_raises() -> None:
    with pytest.raises(ComparisonError) as caught:
        share_of(SALES, HOUSEHOLDS)
    assert str(caught.value) == (
        "a share needs the same kind of quantity: 'jd-2020/poverty-alleviation-sales' is money in CNY, "
        "'jd-2020/impoverished-households-income-increased' a count of households"
    )


def test_a_claim_of_zero_gives_no_ratio_in_a_comparison_and_an_error_in_ratio() -> None:
    nothing = _with(DONATIONS, ReportedValue.of("0", "CNY"), claim_id="nothing")
    result = compare(SALES, nothing)
    assert result.ratio is None
    assert result.order is Order.GREATER
    assert result.reasons[-1] == "no ratio: 'nothing' allows only zero"
    assert compare(nothing, SALES).ratio == Interval(quantity(0, "dimensionless"), quantity(0, "dimensionless"))
    with pytest.raises(InvalidValueError) as caught:
        ratio(SALES, nothing)
    assert str(caught.value) == "cannot divide by claim 'nothing': RMB 0 allows only zero"


# ------------------------------------------------------------------ annualising flows


@pytest.mark.parametrize(
    ("claim", "interval", "words"),
    [
        pytest.param(
            DONATIONS,
            Interval(quantity(180000000, "CNY/year"), quantity(220000000, "CNY/year")),
            "between RMB 180,000,000 and RMB 220,000,000 a year, from around RMB 200,000,000 (±10%) "
            "(charitable donations made, jd-2020/jd-foundation-donations); note: an average over 2020 (12 months)",
            id="a-calendar-year",
        ),
        pytest.param(
            SPECIALTIES,
            Interval(quantity("666666.6666666666666666666667", "item/year"), None, low_closed=False),
            "more than 666,600 items a year, from more than 1,000,000 items (local specialties sold, "
            "jd-2020/jingxi-local-specialties-sold); note: an average over Sep 2019 – Feb 2021 (18 months)",
            id="eighteen-months",
        ),
        pytest.param(
            _with(DONATIONS, ReportedValue.of("50000000", "CNY"), period=Quarter(2020, 3)),
            Interval(quantity(200000000, "CNY/year"), quantity(200000000, "CNY/year")),
            "RMB 200,000,000 a year, from RMB 50,000,000 (charitable donations made, x); "
            "note: an average over Q3 2020 (3 months)",
            id="a-quarter",
        ),
        pytest.param(
            _with(
                DONATIONS,
                ReportedValue.of("60000000", "CNY"),
                period=Span(PartialDate(2020, 1, 15), PartialDate(2020, 3, 14)),
            ),
            Interval(quantity(365250000, "CNY/year"), quantity(365250000, "CNY/year")),
            "RMB 365,250,000 a year, from RMB 60,000,000 (charitable donations made, x); "
            "note: an average over 15 Jan 2020 – 14 Mar 2020 (60 days)",
            id="sixty-days",
        ),
    ],
)
def test_annualise_spreads_a_flow_over_its_period(*, claim: Claim, interval: Interval, words: str) -> None:
    per_year = annualise(claim)
    assert per_year.interval == interval
    assert str(per_year) == words


@pytest.mark.parametrize(
    ("claim", "message"),
    [
        (
            SALES,
            (
                "claim 'jd-2020/poverty-alleviation-sales' is a cumulative figure; "
                "only a flow over a period can be annualised"
            ),
        ),
        (
            RURAL_SHARE,
            (
                "claim 'jd-2020/rural-frontline-employee-share' is a stock figure; "
                "only a flow over a period can be annualised"
            ),
        ),
        (
            _with(DONATIONS, ReportedValue.of("1", "CNY"), period=UnknownPeriod()),
            "claim 'x' cannot be annualised: its period (period not stated) lacks a stated start or end",
        ),
        (
            _with(DONATIONS, ReportedValue.of("1", "CNY"), period=AsOf(since=PartialDate(2016))),
            "claim 'x' cannot be annualised: its period (since 2016) lacks a stated start or end",
        ),
    ],
    ids=["cumulative", "stock", "no-period", "no-end"],
)
def test_annualise_refuses_what_is_not_a_flow_over_a_known_period(*, claim: Claim, message: str) -> None:
    with pytest.raises(InvalidClaimError) as caught:
        annualise(claim)
    assert str(caught.value) == message


# ------------------------------------------------------------------ face value and rounding


@pytest.mark.parametrize(
    ("claim", "face", "rounded"),
    [
        (SALES, "[RMB 100,000,000,000]", "[RMB 99,500,000,000, RMB 100,500,000,000]"),
        (ONLINE, "[RMB 19,770,000]", "[RMB 19,765,000, RMB 19,775,000]"),
        (DONATIONS, "[RMB 180,000,000, RMB 220,000,000]", "[RMB 179,500,000, RMB 220,500,000]"),
        (HOUSEHOLDS, "(1,000,000 households, ∞)", "(500,000 households, ∞)"),
        (COUNTIES, "[110 counties]", "[110 counties]"),  # a count to the unit is exact
        (CITIES, "[90 cities]", "[90 cities]"),
        (RURAL_SHARE, "(80%, 100%]", "(79.5%, 100%]"),  # rounding cannot pass the whole
        (FARMS, "[10,000 farms, 100,000 farms)", "[10,000 farms, 100,000 farms)"),  # no stated precision
    ],
    ids=lambda item: item.id if isinstance(item, Claim) else None,
)
def test_claim_interval_takes_face_value_and_widens_by_precision_only_when_asked(
    *, claim: Claim, face: str, rounded: str
) -> None:
    assert str(claim_interval(claim)) == face
    assert str(claim_interval(claim, rounding=True)) == rounded


def test_a_count_in_thousands_stated_to_the_unit_is_widened_by_half_a_thousand() -> None:
    thousands = _with(HOUSEHOLDS, ReportedValue.of("110", "thousand*household", precision="1"))
    widened = claim_interval(thousands, rounding=True)
    assert (widened.low, widened.high) == (quantity("109500", "household"), quantity("110500", "household"))


def test_rounding_widens_both_figures_of_a_comparison() -> None:
    face, rounded = compare(ONLINE, DONATIONS), compare(ONLINE, DONATIONS, rounding=True)
    assert str(face.ratio) == "[0.08986363636363636363636363636, 0.1098333333333333333333333333]"
    assert str(rounded.ratio) == "[0.08963718820861678004535147392, 0.1101671309192200557103064067]"
    assert rounded.difference == Interval(quantity(-200735000, "CNY"), quantity(-159725000, "CNY"))


def test_rounding_can_turn_an_order_into_cannot_tell() -> None:
    billions = _with(SALES, ReportedValue.of("100000000000", "CNY", precision="1000000000"), claim_id="a")
    finer = _with(SALES, ReportedValue.of("100400000000", "CNY", precision="100000000"), claim_id="b")
    assert compare(billions, finer).order is Order.LESS
    assert compare(billions, finer, rounding=True).order is Order.CANNOT_TELL


def test_derived_figures_widen_by_precision_when_asked() -> None:
    assert str(share_of(ONLINE, DONATIONS, rounding=True)).startswith("between 8.963% and 11.02%, from")
    assert ratio(COUNTIES, CITIES, rounding=True).interval == ratio(COUNTIES, CITIES).interval


# ------------------------------------------------------------------ words


@pytest.mark.parametrize(
    ("interval", "words"),
    [
        (
            Interval(
                quantity(0, "CNY/household"), quantity(100000, "CNY/household"), low_closed=False, high_closed=False
            ),
            "less than RMB 100,000 per household",
        ),
        (Interval(quantity(0, "t"), quantity(5, "t")), "at most 5 t"),
        (Interval(None, quantity(5, "t")), "at most 5 t"),
        (Interval(quantity(3, "item"), None, low_closed=False), "more than 3 items"),
        (Interval(quantity(3, "item"), None), "at least 3 items"),
        (Interval(None, None, unit=parse_unit("CNY")), "any value"),
        (Interval(quantity(5, "CNY"), quantity(5, "CNY")), "RMB 5"),
        (Interval(quantity("1.25", "county/city"), quantity("1.25", "county/city")), "1.25 counties per city"),
        (
            Interval(quantity("8.986363636363636363636363636", "%"), quantity("10.98333333333333333333333333", "%")),
            "between 8.986% and 10.99%",
        ),
        (
            Interval(quantity(180000000, "CNY/year"), quantity(220000000, "CNY/year")),
            "between RMB 180,000,000 and RMB 220,000,000 a year",
        ),
        (Interval(quantity(100000, "million*CNY"), quantity(100000, "million*CNY")), "RMB 100,000,000,000"),
        (
            Interval(quantity(-200230000, "CNY"), quantity(-160230000, "CNY")),
            "between −RMB 200,300,000 and −RMB 160,200,000",
        ),
    ],
)
def test_interval_words_round_outward_and_never_claim_more_than_the_interval(interval: Interval, words: str) -> None:
    assert interval_words(interval) == words


@pytest.mark.parametrize(
    ("interval", "words"),
    [
        # the minus sign before the currency, never "RMB -200,300,000"
        (
            Interval(quantity(-200230000, "CNY"), quantity(-160230000, "CNY")),
            "between −RMB 200,300,000 and −RMB 160,200,000",
        ),
        (
            Interval(quantity(160230000, "CNY"), quantity(200230000, "CNY")),
            "between RMB 160,200,000 and RMB 200,300,000",
        ),
        # a change that may go either way signs both ends
        (
            Interval(quantity(-10000000, "CNY"), quantity(30000000, "CNY")),
            "between −RMB 10,000,000 and +RMB 30,000,000",
        ),
        (Interval(quantity(-5, "item"), None, low_closed=False), "more than −5 items"),
        (Interval(quantity(-7430000, "CNY"), quantity(-7430000, "CNY")), "−RMB 7,430,000"),
        (Interval(None, None, unit=parse_unit("CNY")), "any value"),
        # shares differ in percentage points, not percent (before: "between -20% and 20%")
        (Interval(quantity(-20, "percent"), quantity(20, "percent")), "between −20 and +20 percentage points"),
        (Interval(quantity(5, "percent"), quantity(5, "percent")), "5 percentage points"),
        (Interval(quantity(-1, "percent"), quantity(-1, "percent")), "−1 percentage point"),
        (Interval(quantity(-10, "permille"), quantity(-10, "permille")), "−1 percentage point"),
        (
            Interval(quantity(-50000000, "CNY/year"), quantity(-10000000, "CNY/year")),
            "between −RMB 50,000,000 and −RMB 10,000,000 a year",
        ),
    ],
)
def test_a_difference_reads_as_a_signed_change(interval: Interval, words: str) -> None:
    assert difference_words(interval) == words
    assert "RMB -" not in words


@pytest.mark.parametrize(
    ("interval", "words"),
    [
        (
            Interval(quantity("9.104", "dimensionless"), quantity("11.13", "dimensionless")),
            "between 9.104 and 11.13 times",
        ),
        (Interval(quantity("0.5", "dimensionless"), quantity("0.5", "dimensionless")), "50%"),
        (Interval(quantity(10, "household/farm"), None, low_closed=False), "more than 10 households per farm"),
    ],
)
def test_a_ratio_reads_as_a_percentage_a_multiple_or_in_its_unit(interval: Interval, words: str) -> None:
    assert ratio_words(interval) == words


def test_a_comparison_reads_its_difference_as_a_signed_change_in_percentage_points_for_shares() -> None:
    above = _with(RURAL_SHARE, ReportedValue.of("85", "percent"))
    assert str(compare(above, RURAL_SHARE)).splitlines()[1:4] == [
        "  order       cannot tell",
        "  difference  between −15 and +5 percentage points",
        "  ratio       between 85% and 106.3%",
    ]
    assert str(compare(DONATIONS, ONLINE)).splitlines()[2:4] == [
        "  difference  between RMB 160,200,000 and RMB 200,300,000",
        "  ratio       between 9.104 and 11.13 times",  # before: "between 9.104 and 11.13"
    ]


def test_a_comparison_repr_counts_its_reasons_in_good_english() -> None:
    assert repr(compare(DONATIONS, DONATIONS)).endswith(": cannot tell, 0 reasons>")
    assert repr(compare(ONLINE, DONATIONS)).endswith(": less, 1 reason>")  # before: "1 reasons"


def test_a_single_value_with_many_digits_reads_as_the_roundings_either_side() -> None:
    counties = Interval(quantity(110, "county"), quantity(110, "county"))
    cities = Interval(quantity(90, "city"), quantity(90, "city"))
    assert interval_words(counties / cities) == "between 1.222 counties per city and 1.223 counties per city"
    assert interval_words(counties / cities, digits=2) == "between 1.2 counties per city and 1.3 counties per city"
