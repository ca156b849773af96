"""Candidates as claims: what a person confirms, and what cannot become a claim."""

from __future__ import annotations

import hashlib
from typing import Any

import attrs
import pytest

from esgclaims import (
    Candidate,
    Change,
    Direction,
    InvalidClaimError,
    Metric,
    Qualifier,
    ReportedValue,
    Source,
    UnknownPeriod,
    extract,
)
from tests.extraction.common import (
    ORGANIZATIONS,
)


def test_a_candidate_becomes_a_claim_once_a_metric_is_named() -> None:
    source = Source("note", "A note", "Us", sha256=hashlib.sha256(b"JD Foundation donated RMB 5 million.").hexdigest())
    (candidate,) = extract("JD Foundation donated RMB 5 million.", source, organizations=ORGANIZATIONS)
    metric = Metric("donations", "Donations", "money", "flow")
    claim = candidate.to_claim("note/donations", metric)
    assert (claim.subject.id, claim.value, claim.period) == ("jd-foundation", candidate.value, UnknownPeriod())
    assert claim.citation.quote == "JD Foundation donated RMB 5 million"


def test_a_change_cannot_become_a_claim() -> None:
    candidate = extract("Sales rose 5% in 2022.")[0]
    with pytest.raises(InvalidClaimError) as caught:
        candidate.to_claim("x", Metric("sales", "Sales", "money", "flow"))
    assert str(caught.value) == (
        "only a level can become a claim, and Candidate('up 5%', 2022, span=(0, 21)) is a change"
    )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"span": (0, 5)}, "span [0, 5] is 5 characters, the quote 10"),
        ({"span": (3, 3)}, "a span is two character offsets [start, end] with 0 <= start < end, got (3, 3)"),
        ({"figure_span": (0, 3)}, "figure span [0, 3] must hold the figure within the quote"),
        (
            {"change": Change("increase", ReportedValue.of("0.1"), relative=True)},
            "a candidate is a level or a change, not both",
        ),
        ({"value": None, "alternatives": (ReportedValue.of("1", "USD"),)}, "only a level has alternatives"),
    ],
)  # fmt: skip
def test_a_candidate_that_cannot_be_is_refused(changes: dict[str, Any], message: str) -> None:
    candidate = Candidate(
        quote="RMB 5 here", span=(0, 10), figure="RMB 5", figure_span=(0, 5), value=ReportedValue.of("5", "CNY")
    )
    with pytest.raises(InvalidClaimError) as caught:
        attrs.evolve(candidate, **changes)
    assert str(caught.value) == message


def test_a_relative_change_must_be_a_ratio() -> None:
    with pytest.raises(InvalidClaimError) as caught:
        Change(Direction.DECREASE, ReportedValue.of("5", "percent"), relative=True)
    assert str(caught.value) == "a relative change is a ratio, not 5%"


def test_a_change_needs_a_known_direction() -> None:
    with pytest.raises(InvalidClaimError) as caught:
        Change("sideways", ReportedValue.of("1"), relative=True)
    assert str(caught.value) == "direction must be increase or decrease, got 'sideways'"


def test_a_candidate_reads_as_its_figure_period_and_subject() -> None:
    candidate = extract("In 2020, JD Foundation donated RMB 5 million.")[0]
    assert str(candidate) == "RMB 5,000,000 — 2020 — JD Foundation"
    assert repr(candidate) == "Candidate('RMB 5,000,000', 2020, span=(9, 44))"
    assert candidate.value is not None
    assert candidate.value.qualifier is Qualifier.EXACT
