"""extract on the JD 2020 article: every numeric claim of the dataset is found, and nothing else."""

from __future__ import annotations

import hashlib

import pytest

import esgclaims
from esgclaims import (
    InvalidClaimError,
    extract,
)
from tests.extraction.common import (
    NUMERIC,
    ORGANIZATIONS,
    SOURCE,
    article,
)


@pytest.mark.parametrize("claim", NUMERIC, ids=[claim.id for claim in NUMERIC])
def test_extract_finds_each_numeric_claim_of_the_jd_dataset(claim: esgclaims.Claim) -> None:
    text = article()
    assert claim.citation.span is not None
    start, end = claim.citation.span
    inside = [c for c in extract(text, SOURCE, organizations=ORGANIZATIONS) if start <= c.figure_span[0] < end]
    found = [c for c in inside if c.value == claim.value and c.period == claim.period]
    assert len(found) == 1, f"{claim.id}: {inside}"
    assert found[0].organization == claim.subject
    assert found[0].citation() == esgclaims.Citation(SOURCE, found[0].quote, found[0].span)
    assert found[0].citation().verify(text)


def test_extract_proposes_nothing_but_the_numeric_claims_of_the_jd_article() -> None:
    found = extract(article())
    assert len(found) == len(NUMERIC) == 13
    assert [c.kind for c in found] == ["level"] * 13


def test_extract_names_jd_metrics_from_their_words() -> None:
    assert [c.suggested_metric for c in extract(article())] == [
        "impoverished-counties",
        "local-commodities",
        "poverty-alleviation-related-sales",
        "impoverished-households",
        "farms",
        "local-specialties",
        "front-line-employees-share",
        "clothing-pieces",
        "chinese-cities",
        "donations",
        "funds-raised",
        "charitable-items",
        "people",
    ]


def test_extract_refuses_a_source_whose_sha256_is_not_the_texts() -> None:
    with pytest.raises(InvalidClaimError) as caught:
        extract("In 2020, JD donated RMB 5 million.", SOURCE)
    digest = hashlib.sha256(b"In 2020, JD donated RMB 5 million.").hexdigest()
    assert str(caught.value) == (
        f"the text is not source 'jd-blog-2020-esg': its SHA-256 is {digest}, the source names {SOURCE.sha256}"
    )
