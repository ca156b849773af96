"""The four quality figures of the newest held-out sets: how they are counted."""

from __future__ import annotations

from decimal import Decimal

from esgclaims import extract
from tests.extraction.annotations import Expected, Text, texts
from tests.extraction.quality import OPEN_SETS, Quality, quality


def _expected(figure: str, text: str, *, amount: str, unit: str, period: str, qualifier: str = "exact") -> Expected:
    start = text.index(figure)
    return Expected(
        figure, (start, start + len(figure)), "level", None, qualifier, Decimal(amount), None, unit, period, ()
    )


def test_a_figure_read_right_but_in_another_unit_is_found_without_its_unit() -> None:
    text = "In 2023, we served more than 5,000 households and 1,200 t of grain."
    item = Text(
        "sample",
        text,
        (
            _expected(
                "more than 5,000 households",
                text,
                amount="5000",
                unit="household",
                period="2023",
                qualifier="more_than",
            ),
            _expected("1,200 t", text, amount="1200", unit="kg", period="2022"),
        ),
        (),
    )
    result = quality(item, extract(text))
    assert result == Quality(annotated=2, found=2, unit_right=1, period_right=1, candidates=2, precise=2)
    assert result.figures() == {"recall": 1.0, "unit recall": 0.5, "period accuracy": 0.5, "precision": 1.0}


def test_an_annotated_unit_the_registry_cannot_name_is_counted_as_not_read() -> None:
    text = "In 2023, the plant used 40 zorkmids."
    item = Text("sample", text, (_expected("40 zorkmids", text, amount="40", unit="zorkmid", period="2023"),), ())
    result = quality(item, extract(text))
    assert result.unit_right == 0


def test_sums_add_every_count() -> None:
    assert Quality(1, 1, 1, 1, 1, 1) + Quality(2, 1, 0, 1, 3, 2) == Quality(3, 2, 1, 2, 4, 3)
    assert Quality().figures() == dict.fromkeys(("recall", "unit recall", "period accuracy", "precision"))


def test_every_open_set_has_three_texts_with_forty_claims_or_more() -> None:
    for folder in OPEN_SETS:
        items = texts(folder)
        assert len(items) == 3, folder
        assert sum(len(item.expected) for item in items) >= 40, folder
