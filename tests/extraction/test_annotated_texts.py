"""The annotated texts: they read, and the extractor's recall and precision on them."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from esgclaims import (
    CalendarYear,
    parse_period,
    parse_unit,
    register_count_kind,
)
from tests.extraction.annotations import HELD_OUT_SETS, Text, candidates, differences, read, score, texts
from tests.extraction.common import EVERY_TEXT


def test_the_annotated_texts_are_at_least_eight_with_eighty_claims() -> None:
    items = texts()
    assert len(items) >= 8
    assert sum(len(item.expected) for item in items) >= 80


def test_every_held_out_set_has_annotated_texts() -> None:
    for folder in HELD_OUT_SETS:
        items = texts(folder)
        assert len(items) >= 2, folder
        assert all(item.expected for item in items), folder


@pytest.mark.parametrize("item", EVERY_TEXT, ids=lambda item: item.name)
def test_every_annotation_names_a_unit_and_a_period_that_read(item: Text) -> None:
    for kind, plural in item.count_kinds:
        register_count_kind(kind, plural)
    for claim in item.expected:
        assert item.text[slice(*claim.span)] == claim.figure
        parse_unit(claim.unit)
        assert parse_period(claim.period).iso() == claim.period


def test_recall_and_precision_on_the_annotated_texts_are_each_at_least_nine_tenths() -> None:
    matched = missed = extra = 0
    for item in texts():
        result = score(item.expected, candidates(item))
        matched, missed, extra = matched + len(result.matched), missed + len(result.missed), extra + len(result.extra)
    assert matched / (matched + missed) >= Decimal("0.9")
    assert matched / (matched + extra) >= Decimal("0.9")


def test_scoring_names_the_field_a_candidate_gets_wrong() -> None:
    item = read(Path(__file__).parent / "greenleaf-2022-press.txt")
    claim, found = item.expected[0], candidates(item)[0]
    assert differences(claim, found) == []
    assert differences(claim, attrs.evolve(found, period=CalendarYear(2021))) == ["period: '2022' != '2021'"]
    assert score([claim], [attrs.evolve(found, period=CalendarYear(2021))]).missed == (
        (claim, ["period: '2022' != '2021'"]),
    )
