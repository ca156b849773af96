"""The model's invariants: frozen, slotted, validated on every construction (evolve too)."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from attrs.exceptions import FrozenInstanceError
from hypothesis import given, settings
from hypothesis import strategies as st

from esgclaims import (
    Citation,
    Claim,
    FrameworkTag,
    InvalidClaimError,
    Metric,
    Modality,
    Organization,
    PartialDate,
    Program,
    QuantityKind,
    ReportedValue,
    Source,
    Span,
    Temporal,
    UnknownPeriod,
    parse_unit,
)
from tests.strategies import citations, claims, metrics, organizations, programs, sources

JD = Organization("jd", "JD.com", aliases=("JD",))
FOUNDATION = Organization("jd-foundation", "JD Foundation", parent=JD)
PROGRAM = Program("online-donation-platform", "Online donation platform", FOUNDATION)
SOURCE = Source("jd-blog", "JD ESG", "JD Corporate Blog", author="Kelly Dawson")
QUOTE = "directly driving more than 1 million impoverished households to increase their income"
CITATION = Citation(SOURCE, QUOTE, (1734, 1734 + len(QUOTE)))

HOUSEHOLDS = Metric("households", "Households helped", QuantityKind.COUNT, Temporal.CUMULATIVE, count_of="household")
DONATIONS = Metric("donations", "Donations", QuantityKind.MONEY, Temporal.FLOW)
SHARE = Metric("rural-share", "Rural share", QuantityKind.SHARE, Temporal.STOCK)
ENERGY = Metric("energy", "Energy used", QuantityKind.ENERGY, Temporal.FLOW)
AWARD = Metric("award", "Award received", QuantityKind.QUALITATIVE, Temporal.EVENT)

MILLION_HOUSEHOLDS = ReportedValue.of("1000000", "household", "more_than", precision="1000000")


def _claim(**changes: Any) -> Claim:
    fields: dict[str, Any] = {
        "id": "jd-2020/households",
        "subject": JD,
        "metric": HOUSEHOLDS,
        "value": MILLION_HOUSEHOLDS,
        "period": UnknownPeriod(),
        "citation": CITATION,
    }
    return Claim(**(fields | changes))


CLAIM = _claim()
INSTANCES = [
    pytest.param(JD, "name", id="Organization"),
    pytest.param(PROGRAM, "owner", id="Program"),
    pytest.param(FrameworkTag("GRI", "203-2"), "code", id="FrameworkTag"),
    pytest.param(HOUSEHOLDS, "count_of", id="Metric"),
    pytest.param(SOURCE, "sha256", id="Source"),
    pytest.param(CITATION, "span", id="Citation"),
    pytest.param(CLAIM, "value", id="Claim"),
]


@pytest.mark.parametrize(("instance", "field"), INSTANCES)
def test_a_model_object_is_frozen(instance: object, field: str) -> None:
    with pytest.raises(FrozenInstanceError):
        setattr(instance, field, None)
    with pytest.raises(FrozenInstanceError):
        delattr(instance, field)


@pytest.mark.parametrize(("instance", "field"), INSTANCES)
def test_a_model_object_is_slotted(instance: Any, field: str) -> None:
    assert not hasattr(instance, "__dict__")
    assert field in type(instance).__slots__


# -- evolve builds a new object through __init__, so every invariant is checked again ------------


@pytest.mark.parametrize(
    ("instance", "changes", "message"),
    [
        pytest.param(
            CLAIM,
            {"value": ReportedValue.of("5", "RMB")},
            "claim 'jd-2020/households': unit 'RMB' does not fit metric 'households', which takes a count of household",
            id="claim value in the wrong unit",
        ),
        pytest.param(
            CLAIM,
            {"metric": AWARD},
            "claim 'jd-2020/households': unit 'households' does not fit metric 'award', which takes no value",
            id="claim turned qualitative keeping its value",
        ),
        pytest.param(
            CITATION,
            {"quote": "more than 1 million"},
            "span [1734, 1819] is 85 characters, the quote 19",
            id="citation quote shortened",
        ),
        pytest.param(
            JD,
            {"id": "JD com"},
            "id must be letters, digits and . _ / : - (starting with a letter or digit), got 'JD com'",
            id="organization id with a space",
        ),
        pytest.param(
            JD, {"parent": FOUNDATION}, "organization 'jd' is its own ancestor", id="organization made its own ancestor"
        ),
        pytest.param(
            HOUSEHOLDS,
            {"count_of": None},
            "metric 'households': count_of is given exactly when kind is count",
            id="count metric losing its counted kind",
        ),
        pytest.param(
            SOURCE, {"sha256": "D0A0"}, "sha256 must be 64 lower-case hex digits, got 'D0A0'", id="source sha256"
        ),
    ],
)
def test_evolve_checks_the_invariants_again(instance: Any, changes: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidClaimError) as caught:
        attrs.evolve(instance, **changes)
    assert str(caught.value) == message


@settings(max_examples=50, deadline=None)
@given(st.one_of(organizations(), programs(), metrics(), sources, citations(), claims()))
def test_evolve_without_changes_rebuilds_an_equal_object(instance: Any) -> None:
    rebuilt = attrs.evolve(instance)
    assert rebuilt == instance
    assert hash(rebuilt) == hash(instance)
    assert rebuilt is not instance


def test_evolve_with_valid_changes_gives_an_equal_but_new_object() -> None:
    changed = attrs.evolve(CLAIM, value=ReportedValue.of("2000000", "household", "more_than"))
    assert changed != CLAIM
    assert attrs.evolve(changed, value=MILLION_HOUSEHOLDS) == CLAIM
    assert CLAIM.value == MILLION_HOUSEHOLDS


# -- a claim's value must fit its metric ------------------------------------------------------------


@pytest.mark.parametrize(
    ("metric", "unit", "shown", "takes"),
    [
        (HOUSEHOLDS, "CNY", "RMB", "a count of household"),
        (HOUSEHOLDS, "county", "counties", "a count of household"),
        (HOUSEHOLDS, "percent", "%", "a count of household"),
        (HOUSEHOLDS, "dimensionless", "dimensionless", "a count of household"),
        (DONATIONS, "household", "households", "a currency"),
        (DONATIONS, "CNY/household", "RMB per household", "a currency"),
        (SHARE, "dimensionless", "dimensionless", "a share (percent)"),
        (SHARE, "person", "people", "a share (percent)"),
        (ENERGY, "kg", "kg", "a unit of energy"),
        (ENERGY, "tCO2e", "tCO2e", "a unit of energy"),
        (ENERGY, "kW", "kW", "a unit of energy"),
        (AWARD, "item", "items", "no value"),
    ],
)
def test_a_claim_whose_unit_does_not_fit_its_metric_cannot_be_constructed(
    metric: Metric, unit: str, shown: str, takes: str
) -> None:
    with pytest.raises(InvalidClaimError) as caught:
        _claim(metric=metric, value=ReportedValue.of("5", unit))
    assert str(caught.value) == (
        f"claim 'jd-2020/households': unit '{shown}' does not fit metric '{metric.id}', which takes {takes}"
    )


@pytest.mark.parametrize(
    ("metric", "unit"),
    [
        (HOUSEHOLDS, "household"),
        (HOUSEHOLDS, "households"),
        (DONATIONS, "RMB"),
        (DONATIONS, "USD"),
        (SHARE, "percent"),
        (SHARE, "permille"),
        (ENERGY, "kWh"),
        (ENERGY, "GJ"),
    ],
)
def test_a_claim_in_a_unit_its_metric_accepts_is_constructed(metric: Metric, unit: str) -> None:
    claim = _claim(metric=metric, value=ReportedValue.of("5", unit))
    assert metric.accepts(parse_unit(unit))
    assert claim.value is not None
    assert claim.value.units == parse_unit(unit)


def test_a_measured_claim_needs_a_value() -> None:
    with pytest.raises(InvalidClaimError) as caught:
        _claim(value=None)
    assert str(caught.value) == "claim 'jd-2020/households': metric 'households' needs a count of household"


def test_a_qualitative_claim_has_no_value() -> None:
    claim = _claim(metric=AWARD, value=None, period=Span.single(PartialDate(2014, 9)))
    assert claim.value is None
    assert claim.as_of is not None
    assert claim.as_of.isoformat() == "2014-09-30"
    assert not AWARD.accepts(parse_unit("item"))


def test_a_claim_s_source_is_its_citation_s() -> None:
    assert CLAIM.source is SOURCE


# -- citations ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("quote", "span", "message"),
    [
        ("helped 110 counties", (0, 5), "span [0, 5] is 5 characters, the quote 19"),
        ("helped", (10, 17), "span [10, 17] is 7 characters, the quote 6"),
        ("helped", (6, 6), "span [6, 6] must have 0 <= start < end"),
        ("helped", (6, 0), "span [6, 0] must have 0 <= start < end"),
        ("helped", (-6, 0), "span [-6, 0] must have 0 <= start < end"),
        ("helped", (0, 6, 7), "a span is two character offsets [start, end], got (0, 6, 7)"),
        ("helped", (0.0, 6), "a span is two character offsets [start, end], got (0.0, 6)"),
        ("helped", (False, 6), "a span is two character offsets [start, end], got (False, 6)"),
        ("helped", "0:6", "a span is two character offsets [start, end], got '0:6'"),
        ("   ", (0, 3), "quote must be non-empty text, got '   '"),
    ],
)
def test_a_citation_span_is_as_long_as_its_quote(quote: str, span: Any, message: str) -> None:
    with pytest.raises(InvalidClaimError) as caught:
        Citation(SOURCE, quote, span)
    assert str(caught.value) == message


def test_a_citation_takes_its_span_as_a_list_and_verifies_the_text() -> None:
    citation = Citation(SOURCE, "110", [7, 10])  # a file's [start, end] list
    assert citation.span == (7, 10)
    assert citation.verify("helped 110 counties")
    assert not citation.verify("helped 111 counties")


# -- organizations -------------------------------------------------------------------------------------


def test_an_organization_cannot_be_its_own_parent() -> None:
    with pytest.raises(InvalidClaimError) as caught:
        Organization("jd", "JD.com", parent=Organization("jd", "JD"))
    assert str(caught.value) == "organization 'jd' is its own ancestor"


def test_an_organization_cannot_be_its_own_ancestor() -> None:
    grandparent = Organization("a", "A", parent=Organization("c", "C"))
    with pytest.raises(InvalidClaimError) as caught:
        Organization("c", "C", parent=Organization("b", "B", parent=grandparent))
    assert str(caught.value) == "organization 'c' is its own ancestor"


def test_an_organization_chain_without_a_repeated_id_is_accepted() -> None:
    jingxi = Organization("jingxi", "Jingxi", parent=FOUNDATION)
    assert jingxi.parent is FOUNDATION
    assert FOUNDATION.parent is JD


def test_aliases_are_a_list_of_names_not_one_string() -> None:
    assert Organization("jd", "JD.com", aliases=["JD", "Jingdong"]).aliases == ("JD", "Jingdong")
    with pytest.raises(InvalidClaimError) as caught:
        Organization("jd", "JD.com", aliases="JD")
    assert str(caught.value) == "aliases must be a list of names, got the single string 'JD'"


# -- metrics and text fields ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "temporal", "count_of", "message"),
    [
        (QuantityKind.COUNT, Temporal.FLOW, None, "metric 'm': count_of is given exactly when kind is count"),
        (QuantityKind.MONEY, Temporal.FLOW, "household", "metric 'm': count_of is given exactly when kind is count"),
        (QuantityKind.COUNT, Temporal.FLOW, "t", "metric 'm': 't' is not a count kind"),
        (QuantityKind.COUNT, Temporal.FLOW, "CNY", "metric 'm': 'CNY' is not a count kind"),
        (QuantityKind.COUNT, Temporal.FLOW, "widget", "metric 'm': count_of: unknown unit 'widget'"),
        (
            QuantityKind.COUNT,
            Temporal.FLOW,
            "householdz",
            "metric 'm': count_of: unknown unit 'householdz'; did you mean 'household'?",
        ),
        (QuantityKind.MONEY, Temporal.EVENT, None, "metric 'm': only a qualitative metric is an event"),
    ],
)
def test_a_metric_s_kind_counted_kind_and_temporal_must_agree(
    kind: QuantityKind, temporal: Temporal, count_of: str | None, message: str
) -> None:
    with pytest.raises(InvalidClaimError) as caught:
        Metric("m", "M", kind, temporal, count_of=count_of)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (
            lambda: Organization("", "JD"),
            "id must be letters, digits and . _ / : - (starting with a letter or digit), got ''",
        ),
        (
            lambda: Organization("-jd", "JD"),
            "id must be letters, digits and . _ / : - (starting with a letter or digit), got '-jd'",
        ),
        (lambda: Organization("jd", " "), "name must be non-empty text, got ' '"),
        (lambda: Program("p", "", JD), "name must be non-empty text, got ''"),
        (lambda: Source("s", "Title", "\n"), "publisher must be non-empty text, got '\\n'"),
        (lambda: FrameworkTag("GRI", ""), "code must be non-empty text, got ''"),
        (lambda: _claim(attribution=""), "attribution must be non-empty text, got ''"),
        (
            lambda: _claim(id="jd 2020"),
            "id must be letters, digits and . _ / : - (starting with a letter or digit), got 'jd 2020'",
        ),
    ],
)
def test_ids_and_names_are_checked(build: Any, message: str) -> None:
    with pytest.raises(InvalidClaimError) as caught:
        build()
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("instance", "text"),
    [
        (JD, "JD.com"),
        (PROGRAM, "Online donation platform"),
        (FrameworkTag("GRI", "203-2"), "GRI 203-2 (close)"),
        (SOURCE, "JD ESG by Kelly Dawson (JD Corporate Blog)"),
        (
            _claim(modality=Modality.ACHIEVEMENT),
            "more than 1,000,000 households (Households helped) — period not stated — JD.com",
        ),
    ],
)
def test_a_model_object_reads_as_words(instance: object, text: str) -> None:
    assert str(instance) == text
