"""DuckDB and the Python engine agree on every generated claim set: the same findings, in the same order."""

from __future__ import annotations

import attrs
from hypothesis import given, reject, settings
from hypothesis import strategies as st

from esgclaims import (
    AsOf,
    CalendarYear,
    Claim,
    ClaimSet,
    HalfYear,
    InvalidValueError,
    PartialDate,
    Period,
    Quarter,
    check_duckdb,
)
from tests.strategies import claim_pairs, periods, reported_values, sources, table_claim_sets

FAST = settings(max_examples=25, deadline=None)


@given(table_claim_sets())
@settings(max_examples=15, deadline=None)  # few pairs each: the restatements below reach the verdicts
def test_duckdb_and_python_agree_on_any_claim_set(claims: ClaimSet) -> None:
    assert check_duckdb(claims) == claims.check()


@st.composite
def _nearby_periods(draw: st.DrawFn, period: Period) -> Period:
    """A period of the same year as ``period``: equal, nested or overlapping ones, where findings are decided."""
    year = (period.end or period.start or PartialDate(2020).first).year
    since = draw(st.none() | st.just(PartialDate(year)))
    return draw(
        st.sampled_from(
            [
                CalendarYear(year),
                HalfYear(year, draw(st.sampled_from((1, 2)))),
                Quarter(year, draw(st.sampled_from((1, 2, 3, 4)))),
                AsOf(PartialDate(year, draw(st.integers(1, 12))), since=since),
                AsOf(PartialDate(year, 12, 31), since=since),
            ]
        )
    )


@st.composite
def _restatements(draw: st.DrawFn) -> ClaimSet:
    """Two related claims, then more statements of them with other values, periods and sources: many pairs.

    Some restate the claim they were drawn from (or a claim not in the set), so
    that restatements, chains of them and duplicates in one source all occur.
    """
    a, b = draw(claim_pairs())
    claims: list[Claim] = [a, attrs.evolve(b, id="b")]
    for number in range(draw(st.integers(0, 4))):
        other = draw(st.sampled_from(claims))
        period = draw(st.sampled_from([c.period for c in claims]) | _nearby_periods(other.period) | periods)
        citation = attrs.evolve(other.citation, source=draw(st.sampled_from([other.source]) | sources))
        value = other.value
        if value is not None and draw(st.booleans()):
            same = [c.value for c in claims if c.metric == other.metric and c.value is not None]
            value = draw(st.sampled_from(same) | reported_values(other.metric))
        restates = draw(st.none() | st.sampled_from([other.id, "gone"]))  # "gone": a claim not in the set
        claims.append(
            attrs.evolve(other, id=f"r{number}", period=period, citation=citation, value=value, restates=restates)
        )
    return ClaimSet(claims)


@given(_restatements())
@FAST
def test_duckdb_and_python_agree_on_restated_figures(claims: ClaimSet) -> None:
    try:
        findings = check_duckdb(claims)
    except InvalidValueError:  # a figure finer than decimal128(38, 10) holds: the table refuses it, never rounds
        reject()
    assert findings == claims.check()
