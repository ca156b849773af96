"""ClaimSet: lookup by id, membership, filtering, grouping, and the refusal of duplicates and non-claims."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs
import pytest
from attrs.exceptions import FrozenInstanceError

from esgclaims import (
    ArgumentTypeError,
    AsOf,
    CalendarYear,
    Citation,
    Claim,
    ClaimNotFoundError,
    ClaimSet,
    InvalidClaimError,
    Metric,
    Organization,
    OrganizationKind,
    PartialDate,
    Period,
    Program,
    QuantityKind,
    Quarter,
    ReportedValue,
    Source,
    Span,
    Temporal,
    UnknownPeriod,
)

if TYPE_CHECKING:
    from collections.abc import Callable

JD = Organization("jd", "JD.com")
FOUNDATION = Organization("jd-foundation", "JD Foundation", OrganizationKind.FOUNDATION, parent=JD)
JINGXI = Organization("jingxi", "Jingxi", OrganizationKind.PLATFORM, parent=JD)
SALES = Program("ecommerce-poverty-alleviation", "E-commerce poverty alleviation", JD)
FARMS_PROGRAM = Program("jingxi-agricultural-sales", "Jingxi agricultural sales", JINGXI)
PLATFORM = Program("online-donation-platform", "Online donation platform", FOUNDATION)
BLOG = Source("jd-blog", "JD ESG", "JD Corporate Blog")
REPORT = Source("jd-esg-2020", "JD 2020 ESG report", "JD.com")

COUNTIES = Metric("counties", "Counties helped", QuantityKind.COUNT, Temporal.CUMULATIVE, count_of="county")
FARMS = Metric("farms", "Farms helped", QuantityKind.COUNT, Temporal.FLOW, count_of="farm")
DONATIONS = Metric("donations", "Donations", QuantityKind.MONEY, Temporal.FLOW)
AWARD = Metric("award", "Award received", QuantityKind.QUALITATIVE, Temporal.EVENT)


def _claim(
    claim_id: str,
    subject: Organization,
    metric: Metric,
    value: ReportedValue | None,
    period: Period,
    *,
    program: Program | None = None,
    source: Source = BLOG,
) -> Claim:
    quote = f"the words of {claim_id}"
    return Claim(claim_id, subject, metric, value, period, Citation(source, quote, (0, len(quote))), program)


COUNTIES_HELPED = _claim(
    "counties", JD, COUNTIES, ReportedValue.of("110", "county"), AsOf(PartialDate(2020, 9, 30)), program=SALES
)
FARMS_HELPED = _claim(
    "farms",
    JINGXI,
    FARMS,
    ReportedValue.of("10000", "farm", "order_of_magnitude", upper="100000"),
    Span(PartialDate(2019, 9), PartialDate(2021, 2)),
    program=FARMS_PROGRAM,
)
DONATED = _claim(
    "donated", FOUNDATION, DONATIONS, ReportedValue.of("200000000", "CNY", "approximately"), CalendarYear(2020)
)
RAISED = _claim(
    "raised",
    FOUNDATION,
    DONATIONS,
    ReportedValue.of("19770000", "USD"),
    Quarter(2020, 3),
    program=PLATFORM,
    source=REPORT,
)
AWARDED = _claim("awarded", JD, AWARD, None, UnknownPeriod())
ALL = (COUNTIES_HELPED, FARMS_HELPED, DONATED, RAISED, AWARDED)
CLAIMS = ClaimSet(ALL)


def _ids(claims: ClaimSet) -> list[str]:
    return [claim.id for claim in claims]


# -- lookup, length, iteration, membership ----------------------------------------------------------


def test_a_claim_is_looked_up_by_its_id() -> None:
    assert CLAIMS["raised"] is RAISED
    assert CLAIMS.get("raised") is RAISED
    assert CLAIMS.ids == ("counties", "farms", "donated", "raised", "awarded")


def test_a_claim_is_looked_up_by_its_position() -> None:
    assert CLAIMS[0] is COUNTIES_HELPED
    assert CLAIMS[-1] is AWARDED


def test_looking_up_a_missing_id_raises_a_key_error_naming_it() -> None:
    with pytest.raises(ClaimNotFoundError) as caught:
        CLAIMS["jd-2020/nope"]
    assert isinstance(caught.value, KeyError)
    assert caught.value.args == ("no claim with id 'jd-2020/nope'",)
    assert str(caught.value) == "no claim with id 'jd-2020/nope'"
    assert CLAIMS.get("jd-2020/nope") is None


def test_len_counts_the_claims() -> None:
    assert len(CLAIMS) == 5
    assert len(ClaimSet()) == 0


def test_iteration_keeps_the_order_given() -> None:
    assert tuple(CLAIMS) == ALL
    assert tuple(ClaimSet(reversed(ALL))) == tuple(reversed(ALL))


@pytest.mark.parametrize(
    ("item", "found"),
    [
        pytest.param("raised", True, id="an id"),
        pytest.param(RAISED, True, id="a claim"),
        pytest.param("jd-2020/nope", False, id="a missing id"),
        pytest.param(attrs.evolve(RAISED, note="changed"), False, id="another claim with the same id"),
        pytest.param(_claim("other", JD, AWARD, None, UnknownPeriod()), False, id="a claim not in the set"),
        pytest.param(5, False, id="not a claim"),
        pytest.param(None, False, id="None"),
    ],
)
def test_in_finds_ids_and_equal_claims(item: object, found: bool) -> None:
    assert (item in CLAIMS) is found


# -- filter -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("criteria", "expected"),
    [
        pytest.param({"subject": "jd"}, ["counties", "awarded"], id="subject id"),
        pytest.param({"subject": FOUNDATION}, ["donated", "raised"], id="subject organization"),
        pytest.param({"program": "online-donation-platform"}, ["raised"], id="program id"),
        pytest.param({"program": FARMS_PROGRAM}, ["farms"], id="program object"),
        pytest.param({"metric": "donations"}, ["donated", "raised"], id="metric id"),
        pytest.param({"metric": AWARD}, ["awarded"], id="metric object"),
        pytest.param({"period": CalendarYear(2020)}, ["donated", "raised"], id="period: equal or within 2020"),
        pytest.param({"period": Quarter(2020, 3)}, ["raised"], id="period: equal"),
        pytest.param(
            {"period": Span(PartialDate(2019), PartialDate(2021))},
            ["farms", "donated", "raised"],
            id="period: wider span",
        ),
        pytest.param({"period": AsOf(PartialDate(2020, 9, 30))}, ["counties"], id="period: the same as-of date"),
        pytest.param({"period": UnknownPeriod()}, [], id="period: unknown relates to nothing"),
        pytest.param(
            {"subject": "jd-foundation", "program": "online-donation-platform"}, ["raised"], id="two criteria"
        ),
        pytest.param({"subject": "jd", "metric": "donations"}, [], id="criteria that exclude each other"),
        pytest.param({}, ["counties", "farms", "donated", "raised", "awarded"], id="no criteria"),
    ],
)
def test_filter_keeps_the_claims_that_match_every_criterion(criteria: dict[str, Any], expected: list[str]) -> None:
    filtered = CLAIMS.filter(**criteria)
    assert isinstance(filtered, ClaimSet)
    assert _ids(filtered) == expected


def test_filter_takes_a_predicate_with_the_criteria() -> None:
    def measured(claim: Claim) -> bool:
        return claim.value is not None

    assert _ids(CLAIMS.filter(measured)) == ["counties", "farms", "donated", "raised"]
    assert _ids(CLAIMS.filter(measured, subject="jd")) == ["counties"]


# -- group_by ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("subject", {"jd": ["counties", "awarded"], "jingxi": ["farms"], "jd-foundation": ["donated", "raised"]}),
        (
            "program",
            {
                "ecommerce-poverty-alleviation": ["counties"],
                "jingxi-agricultural-sales": ["farms"],
                None: ["donated", "awarded"],
                "online-donation-platform": ["raised"],
            },
        ),
        (
            "metric",
            {"counties": ["counties"], "farms": ["farms"], "donations": ["donated", "raised"], "award": ["awarded"]},
        ),
        (
            "period",
            {
                "as of 2020-09-30": ["counties"],
                "2019-09 to 2021-02": ["farms"],
                "2020": ["donated"],
                "Q3 2020": ["raised"],
                "unknown": ["awarded"],
            },
        ),
        ("source", {"jd-blog": ["counties", "farms", "donated", "awarded"], "jd-esg-2020": ["raised"]}),
        ("unit", {"county": ["counties"], "farm": ["farms"], "CNY": ["donated"], "USD": ["raised"], None: ["awarded"]}),
        (
            lambda claim: claim.metric.kind,
            {
                QuantityKind.COUNT: ["counties", "farms"],
                QuantityKind.MONEY: ["donated", "raised"],
                QuantityKind.QUALITATIVE: ["awarded"],
            },
        ),
    ],
    ids=["subject", "program", "metric", "period", "source", "unit", "function"],
)
def test_group_by_splits_the_claims_in_order(
    key: str | Callable[[Claim], object], expected: dict[object, list[str]]
) -> None:
    groups = CLAIMS.group_by(key)
    assert {group: _ids(claims) for group, claims in groups.items()} == expected
    assert list(groups) == list(expected)
    assert all(isinstance(claims, ClaimSet) for claims in groups.values())


def test_group_by_an_unknown_name_is_refused() -> None:
    with pytest.raises(InvalidClaimError) as caught:
        CLAIMS.group_by("year")
    assert (
        str(caught.value) == "cannot group by 'year'; use subject, program, metric, period, source, unit or a function"
    )


# -- what a ClaimSet refuses --------------------------------------------------------------------------


def test_duplicate_ids_are_refused() -> None:
    with pytest.raises(InvalidClaimError) as caught:
        ClaimSet([RAISED, DONATED, attrs.evolve(RAISED, note="a second reading")])
    assert str(caught.value) == "duplicate claim id 'raised'"


def test_the_same_claim_twice_is_refused() -> None:
    with pytest.raises(InvalidClaimError) as caught:
        ClaimSet([RAISED, RAISED])
    assert str(caught.value) == "duplicate claim id 'raised'"


@pytest.mark.parametrize(
    ("items", "message"),
    [
        ([RAISED, "donated"], "item 1 of a ClaimSet: expected a Claim, got str 'donated'"),
        ([None], "item 0 of a ClaimSet: expected a Claim, got None"),
        ([RAISED, DONATED, CLAIMS], "item 2 of a ClaimSet: expected a Claim, got ClaimSet <ClaimSet of 5 claims>"),
        ("raised", "item 0 of a ClaimSet: expected a Claim, got str 'r'"),
        ([1], "item 0 of a ClaimSet: expected a Claim, got int 1"),
    ],
)
def test_non_claims_are_refused(items: Any, message: str) -> None:
    with pytest.raises(ArgumentTypeError) as caught:
        ClaimSet(items)
    assert str(caught.value) == message


# -- combining, comparing, immutability ----------------------------------------------------------------


def test_adding_claim_sets_keeps_both_orders() -> None:
    combined = ClaimSet([COUNTIES_HELPED, FARMS_HELPED]) + ClaimSet([DONATED])
    assert _ids(combined) == ["counties", "farms", "donated"]


def test_adding_claim_sets_that_share_a_claim_keeps_it_once() -> None:
    merged = ClaimSet([RAISED]) + CLAIMS
    assert merged.ids == ("raised", *(claim_id for claim_id in CLAIMS.ids if claim_id != "raised"))


def test_adding_something_else_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        CLAIMS + [RAISED]  # type: ignore[operator]  # noqa: RUF005 - the operand is the point


def test_claim_sets_with_the_same_claims_in_the_same_order_are_equal() -> None:
    assert ClaimSet(ALL) == CLAIMS
    assert ClaimSet(reversed(ALL)) != CLAIMS
    assert hash(ClaimSet(ALL)) == hash(CLAIMS)


def test_a_claim_set_is_frozen_and_slotted() -> None:
    with pytest.raises(FrozenInstanceError):
        CLAIMS.claims = ()  # type: ignore[misc]
    assert not hasattr(CLAIMS, "__dict__")


def test_a_claim_set_reads_as_its_size() -> None:
    assert repr(CLAIMS) == "<ClaimSet of 5 claims>"
