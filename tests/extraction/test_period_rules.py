"""The period phrase rules: each row takes its own examples, and reads the period each example expects."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

import esgclaims
from esgclaims._extract.period_grammar import EXAMPLE_PUBLISHED, Role
from esgclaims._extract.period_phrases import period_phrases
from esgclaims._extract.period_rules import RULES

if TYPE_CHECKING:
    from esgclaims._extract.period_grammar import PhraseRule

EXAMPLES = [
    pytest.param(rule, text, expected, id=f"{rule.name}: {text}") for rule in RULES for text, expected in rule.examples
]


@pytest.mark.parametrize(("rule", "text", "expected"), EXAMPLES)
def test_each_rule_takes_its_own_examples_and_reads_their_periods(rule: PhraseRule, text: str, expected: str) -> None:
    phrases = period_phrases(text, 0, len(text), published=EXAMPLE_PUBLISHED)
    found = [(p.rule, "; ".join(period.iso() for period in p.periods)) for p in phrases]

    assert found == [(rule.name, expected)]


@pytest.mark.parametrize("rule", RULES, ids=[rule.name for rule in RULES])
def test_every_rule_has_an_example(rule: PhraseRule) -> None:
    assert rule.examples


def test_rule_names_are_unique() -> None:
    names = [rule.name for rule in RULES]

    assert len(set(names)) == len(names)


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("In the twelve months to 31 March 2024, we reached 12,000 households.", "FY2024 (2023-04 to 2024-03)"),
        ("In the 12 months to 31 March 2024, we reached 12,000 households.", "FY2024 (2023-04 to 2024-03)"),
        ("In the twelve months to 31 December 2023, we reached 12,000 households.", "2023"),
    ],
)
def test_extract_reads_the_twelve_months_to_a_date_as_the_year_ended_on_it(text: str, period: str) -> None:
    (candidate,) = esgclaims.extract(text)

    assert candidate.period.iso() == period
    assert candidate.period == esgclaims.parse_period(period_words(text).replace(" to ", " ended "))


def period_words(text: str) -> str:
    """ "the twelve months to 31 March 2024" of "In the twelve months to 31 March 2024, we ..."."""
    return text.removeprefix("In ").split(",")[0]


PUBLISHED_ROWS = [
    pytest.param(rule, text, id=f"{rule.name}: {text}")
    for rule in RULES
    if rule.published is not None
    for text, _ in rule.examples
]


@pytest.mark.parametrize(("rule", "text"), PUBLISHED_ROWS)
def test_a_phrase_relative_to_the_publication_date_reads_no_period_without_one(rule: PhraseRule, text: str) -> None:
    (phrase,) = period_phrases(text, 0, len(text))

    assert (phrase.rule, phrase.periods) == (rule.name, ())
    assert phrase.role in (Role.BLOCK, Role.WINDOW)
