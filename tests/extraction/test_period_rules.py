"""The period phrase rules: each row takes its own examples, and reads the period each example expects."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from esgclaims._extract.period_phrases import period_phrases
from esgclaims._extract.period_rules import RULES

if TYPE_CHECKING:
    from esgclaims._extract.period_grammar import PhraseRule

EXAMPLES = [
    pytest.param(rule, text, expected, id=f"{rule.name}: {text}") for rule in RULES for text, expected in rule.examples
]


@pytest.mark.parametrize(("rule", "text", "expected"), EXAMPLES)
def test_each_rule_takes_its_own_examples_and_reads_their_periods(rule: PhraseRule, text: str, expected: str) -> None:
    found = [(p.rule, "; ".join(period.iso() for period in p.periods)) for p in period_phrases(text, 0, len(text))]

    assert found == [(rule.name, expected)]


@pytest.mark.parametrize("rule", RULES, ids=[rule.name for rule in RULES])
def test_every_rule_has_an_example(rule: PhraseRule) -> None:
    assert rule.examples


def test_rule_names_are_unique() -> None:
    names = [rule.name for rule in RULES]

    assert len(set(names)) == len(names)
