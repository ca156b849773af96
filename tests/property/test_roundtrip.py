"""dump then load gives back exactly the claims that were dumped."""

from __future__ import annotations

import json
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import Phase, find, given, settings

import esgclaims
from esgclaims import (
    AsOf,
    CalendarYear,
    Citation,
    Claim,
    ClaimSet,
    FiscalYear,
    HalfYear,
    Metric,
    Organization,
    Period,
    Qualifier,
    QuantityKind,
    Quarter,
    ReportedValue,
    Source,
    Span,
    Temporal,
    UnknownPeriod,
    parse_period,
)
from tests.strategies import claim_sets, periods, reported_values

# pint arithmetic makes some examples slow; a deadline would make the suite flaky, not stricter.
_SETTINGS = settings(max_examples=75, deadline=None)


def _dump_text(claims: ClaimSet) -> str:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "claims.json"
        esgclaims.dump(claims, path)
        return path.read_text(encoding="utf-8")


def _round_trip(claims: ClaimSet) -> ClaimSet:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "claims.json"
        esgclaims.dump(claims, path)
        return esgclaims.load(path)


def _numbers(value: ReportedValue) -> dict[str, str | None]:
    """Every number of a value, as its exact string."""
    return {
        "reported": str(value.reported.magnitude),
        "upper": None if value.upper is None else str(value.upper.magnitude),
        "precision": None if value.precision is None else str(value.precision),
        "tolerance": None if value.tolerance is None else str(value.tolerance),
    }


@_SETTINGS
@given(claim_sets())
def test_load_of_dump_equals_the_claims(claims: ClaimSet) -> None:
    loaded = _round_trip(claims)
    assert loaded == claims
    assert loaded.ids == claims.ids
    assert list(loaded) == list(claims)


@_SETTINGS
@given(claim_sets())
def test_two_round_trips_equal_one(claims: ClaimSet) -> None:
    once = _round_trip(claims)
    twice = _round_trip(once)
    assert twice == once
    assert _dump_text(twice) == _dump_text(once)


@_SETTINGS
@given(claim_sets(min_size=1))
def test_amounts_survive_exactly(claims: ClaimSet) -> None:
    for original, loaded in zip(claims, _round_trip(claims), strict=True):
        if original.value is None:
            assert loaded.value is None
            continue
        assert loaded.value is not None
        assert loaded.value.reported.magnitude == original.value.reported.magnitude
        assert _numbers(loaded.value) == _numbers(original.value)
        assert loaded.value.units == original.value.units


@_SETTINGS
@given(reported_values())
def test_dumped_numbers_are_plain_decimal_strings(value: ReportedValue) -> None:
    record = esgclaims._io.dump.value_record(value)
    for field in ("amount", "upper", "precision", "tolerance"):
        if field in record:
            assert isinstance(record[field], str)
            assert "E" not in record[field].upper()
    assert Decimal(record["amount"]) == value.reported.magnitude


@_SETTINGS
@given(periods)
def test_every_period_reads_back_from_its_canonical_form(period: Period) -> None:
    assert parse_period(period.iso()) == period


# -- the strategies reach every type they promise ---------------------------------------------------

# Generation only: any example will do, and shrinking claim sets takes minutes.
_FIND = settings(max_examples=500, database=None, deadline=None, phases=[Phase.generate])


@pytest.mark.parametrize("period_type", [AsOf, Span, CalendarYear, FiscalYear, HalfYear, Quarter, UnknownPeriod])
def test_the_period_strategy_reaches_every_period_type(period_type: type[Period]) -> None:
    assert isinstance(find(periods, lambda period: isinstance(period, period_type), settings=_FIND), period_type)


@pytest.mark.parametrize("qualifier", list(Qualifier))
def test_the_value_strategy_reaches_every_qualifier(qualifier: Qualifier) -> None:
    assert find(reported_values(), lambda value: value.qualifier is qualifier, settings=_FIND).qualifier is qualifier


@pytest.mark.parametrize("kind", list(QuantityKind))
def test_the_claim_set_strategy_reaches_every_quantity_kind(kind: QuantityKind) -> None:
    def has_kind(claims: ClaimSet) -> bool:
        return any(claim.metric.kind is kind for claim in claims)

    assert has_kind(find(claim_sets(), has_kind, settings=_FIND))


def test_the_claim_set_strategy_reaches_organizations_with_grandparents() -> None:
    def has_grandparent(claims: ClaimSet) -> bool:
        return any(claim.subject.parent is not None and claim.subject.parent.parent is not None for claim in claims)

    assert has_grandparent(find(claim_sets(), has_grandparent, settings=_FIND))


# -- worked examples ---------------------------------------------------------------------------


def _money_claim(value: ReportedValue, source: Source | None = None) -> Claim:
    source = source or Source("blog", "JD ESG", "JD Corporate Blog")
    quote = "raised RMB 19.77 million yuan"
    return Claim(
        "c",
        Organization("jd-foundation", "JD Foundation"),
        Metric("raised", "Donations raised", QuantityKind.MONEY, Temporal.FLOW),
        value,
        UnknownPeriod(),
        Citation(source, quote, (0, len(quote))),
    )


@pytest.mark.parametrize(
    ("amount", "written"),
    [
        pytest.param(Decimal(1977).scaleb(4), "19770000", id="19.77 million as 1977E+4"),
        pytest.param(Decimal("19.77") * 1000000, "19770000", id="19.77 times a million"),
        pytest.param(Decimal("19770000.00"), "19770000", id="trailing zeros after the point"),
        pytest.param(Decimal("1.977E+7"), "19770000", id="exponent form"),
        pytest.param(Decimal("100000000000"), "100000000000", id="RMB 100 billion"),
        pytest.param(Decimal("0.125"), "0.125", id="a fraction"),
        pytest.param(Decimal("0E-3"), "0", id="zero with an exponent"),
    ],
)
def test_an_amount_is_written_and_read_back_as_its_plain_decimal(amount: Decimal, written: str) -> None:
    claims = ClaimSet([_money_claim(ReportedValue.of(amount, "RMB", precision="10000"))])
    document = json.loads(_dump_text(claims))
    assert document["claims"][0]["value"]["amount"] == written
    loaded = _round_trip(claims)["c"].value
    assert loaded is not None
    assert loaded.reported.magnitude == Decimal(written)
    assert str(loaded.reported.magnitude) == written
    assert str(loaded.precision) == "10000"


def test_the_jd_2020_dataset_round_trips() -> None:
    claims = esgclaims.load_dataset("jd-2020")
    loaded = _round_trip(claims)
    assert loaded == claims
    assert _dump_text(loaded) == _dump_text(claims)


def test_an_empty_claim_set_round_trips() -> None:
    assert json.loads(_dump_text(ClaimSet())) == {"claims": []}
    assert _round_trip(ClaimSet()) == ClaimSet()


@pytest.mark.parametrize(
    ("source", "field"),
    [
        (Source("blog", "JD ESG", "JD Corporate Blog", author=""), "author"),
        (Source("blog", "JD ESG", "JD Corporate Blog", url=""), "url"),
    ],
)
def test_an_empty_optional_source_field_stays_empty_not_absent(source: Source, field: str) -> None:
    claims = ClaimSet([_money_claim(ReportedValue.of("19770000", "RMB"), source)])
    loaded = _round_trip(claims)
    assert getattr(loaded["c"].source, field) == ""
    assert loaded == claims
