"""The pipeline: quotes at their spans, determinism, arguments."""

from __future__ import annotations

import pytest

import esgclaims
from esgclaims import (
    extract,
)
from tests.extraction.annotations import candidates, texts
from tests.extraction.common import EVERY_TEXT


def test_every_quote_stands_at_its_span_and_holds_its_figure() -> None:
    for item in EVERY_TEXT:
        for candidate in candidates(item):
            start, end = candidate.span
            assert item.text[start:end] == candidate.quote
            assert item.text[slice(*candidate.figure_span)] == candidate.figure


def test_extract_gives_the_same_candidates_every_time() -> None:
    item = texts()[0]
    assert candidates(item) == candidates(item)


def test_extract_needs_a_string() -> None:
    with pytest.raises(esgclaims.ArgumentTypeError) as caught:
        extract(b"RMB 5 million")  # type: ignore[arg-type]
    assert isinstance(caught.value, TypeError)
    assert str(caught.value) == "expected the text as a string, got bytes"
