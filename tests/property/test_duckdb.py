"""DuckDB and the Python engine agree on every generated claim set: the same findings, in the same order."""

from __future__ import annotations

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from esgclaims import Claim, ClaimSet, check_duckdb
from tests.strategies import claim_pairs, claim_sets, periods, sources

FAST = settings(max_examples=25, deadline=None)


@given(claim_sets(max_size=8))
@FAST
def test_duckdb_and_python_agree_on_any_claim_set(claims: ClaimSet) -> None:
    assert check_duckdb(claims) == claims.check()


@st.composite
def _restatements(draw: st.DrawFn) -> ClaimSet:
    """Two related claims, then restatements of the first with other values, periods and sources: many pairs."""
    a, b = draw(claim_pairs())
    claims: list[Claim] = [a, attrs.evolve(b, id="b")]
    for number in range(draw(st.integers(0, 4))):
        other = draw(st.sampled_from(claims))
        changes = {
            "period": draw(st.sampled_from([other.period, *[c.period for c in claims]]) | periods),
            "citation": attrs.evolve(other.citation, source=draw(st.sampled_from([other.source]) | sources)),
        }
        claims.append(attrs.evolve(other, id=f"r{number}", **changes))
    return ClaimSet(claims)


@given(_restatements())
@FAST
def test_duckdb_and_python_agree_on_restated_figures(claims: ClaimSet) -> None:
    assert check_duckdb(claims) == claims.check()
