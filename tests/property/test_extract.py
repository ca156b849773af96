"""Properties of extract: it reads any text without failing, and agrees with parse_value on a figure in prose."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from esgclaims import CalendarYear, extract, parse_value
from tests.strategies import figure_phrases, prose


@given(prose())
def test_extract_reads_any_text_and_every_quote_stands_at_its_span(text: str) -> None:
    for candidate in extract(text):
        assert text[slice(*candidate.span)] == candidate.quote
        assert text[slice(*candidate.figure_span)] == candidate.figure


@given(figure_phrases(), st.integers(2000, 2030))
def test_a_figure_in_a_sentence_reads_as_parse_value_reads_it_with_the_sentences_year(figure: str, year: int) -> None:
    text = f"In {year}, the Group reported {figure} in total."
    (candidate,) = extract(text)
    assert candidate.value == parse_value(figure)
    assert candidate.figure == figure
    assert candidate.period == CalendarYear(year)
