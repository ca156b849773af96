"""The shortcuts that make extraction fast find what the full searches find: the screens, the backward qualifier."""

from __future__ import annotations

import re
import string
import sys
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from esgclaims import EsgClaimsError
from esgclaims._extract.figures import (
    _CHINESE_SHARE_ANCHOR,
    _CODES_BEFORE,
    _NAME_WORD_BEFORE,
    _PLACE_WORDS,
    _QUALIFIER_BEFORE,
    _WORD_ANCHOR,
    _anchor_screen,
)
from esgclaims._extract.literals import Screen, ahead, folded, needed, skipping
from esgclaims._extract.mentions import qualifier_start, read_value, reading
from esgclaims._extract.named_by import _COMPARATIVE
from esgclaims._extract.period_phrases import _fast, _screen
from esgclaims._extract.period_rules import RULES
from esgclaims._extract.sentences import blocks, sentences
from esgclaims._parse_value import QUALIFIER_PHRASES
from tests.extraction.annotations import HELD_OUT_SETS, HERE

if TYPE_CHECKING:
    from esgclaims._extract.period_grammar import PhraseRule


def test_every_character_ignorecase_takes_for_an_ascii_letter_is_folded_to_it() -> None:
    letters = re.compile("|".join(f"(?P<{c}>{c})" for c in string.ascii_lowercase), re.IGNORECASE)
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    matched = {match.group(): match.lastgroup for match in letters.finditer(every)}

    assert len(matched) > 2 * 26  # both cases, and the few others
    assert {char: folded(char) for char in matched} == matched


def _sentences() -> list[str]:
    paths = [path for folder in (HERE, *HELD_OUT_SETS) for path in sorted(folder.glob("*.txt"))]
    found = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        for index, block in enumerate(blocks(text)):
            found += [text[s.start : s.end] for s in sentences(text, block, index)]
    return found


SENTENCES = _sentences()


def test_no_period_rule_is_screened_out_of_a_sentence_it_matches() -> None:
    screen = _screen()
    missed = [
        (rule.name, sentence)
        for sentence in SENTENCES
        for rule, may_match in zip(RULES, screen.may_match(sentence), strict=True)
        if not may_match and rule.regex.search(sentence)
    ]
    skipped = sum(may_match is False for sentence in SENTENCES for may_match in screen.may_match(sentence))

    assert missed == []
    assert skipped > len(SENTENCES) * len(RULES) // 2  # and the screen skips most of them


def test_each_period_rule_behind_its_look_ahead_finds_the_same_phrases() -> None:
    texts = [*SENTENCES, *(text for rule in RULES for text, _ in rule.examples), "\u212aILN \u017fince 2019 Fy24"]
    differ = [
        (rule.name, text)
        for rule, fast in zip(RULES, _fast(), strict=True)
        for text in texts
        if [m.span() for m in fast.finditer(text)] != [m.span() for m in rule.regex.finditer(text)]
    ]

    assert differ == []
    assert sum(fast is not rule.regex for rule, fast in zip(RULES, _fast(), strict=True)) > len(RULES) // 2


@pytest.mark.parametrize(
    ("pattern", "flags", "texts"),
    [
        (
            r"(?<![A-Za-z])(?:by|until)\s+\d{4}",
            re.IGNORECASE,
            ["BY 2030", "Until 2025", "nearby 2030", "\u212a by 1999"],
        ),
        (r"(?:the\s+)?(?:FY|fiscal)\d{2}", re.IGNORECASE, ["the FY24", "fiscal22", "\u017f fy 23", "THE  fy21"]),
        (r"[^a-z]\d", 0, ["a1 b2 -3"]),  # a negated class: no look-ahead, the same matches
        (r"x*y?", 0, ["xxy", ""]),  # may be empty: no look-ahead
        (r"[\u4e00-\u9fff]+年|\d+-\d+", 0, ["截至2023年", "2019-2021", "年"]),
    ],
)
def test_a_look_ahead_finds_what_its_pattern_finds(pattern: str, flags: int, texts: list[str]) -> None:
    compiled = re.compile(pattern, flags)
    fast = ahead(compiled)

    assert [[m.span() for m in fast.finditer(text)] for text in texts] == [
        [m.span() for m in compiled.finditer(text)] for text in texts
    ]


@pytest.mark.parametrize(
    "source",
    [_CODES_BEFORE, rf"\b(?:{_PLACE_WORDS}|wharves)s?\s+$", _NAME_WORD_BEFORE, _QUALIFIER_BEFORE, _COMPARATIVE],
)
def test_the_words_before_a_figure_are_found_as_without_the_look_ahead(source: str) -> None:
    plain, fast = re.compile(source, re.IGNORECASE), skipping(source, re.IGNORECASE)
    befores = [
        sentence[max(0, m.start() - 40) : m.start()] for sentence in SENTENCES for m in re.finditer(r"\d+", sentence)
    ]
    befores += ["intensity lower than ", "Scope 1 and ", "at berth ", "in category ", "more than ", "Page "]
    found = [match.span() for before in befores if (match := plain.search(before))]
    found_fast = [match.span() for before in befores if (match := fast.search(before))]

    assert fast is not plain
    assert found_fast == found
    assert found  # the texts hold such words


@pytest.mark.parametrize("rule", RULES, ids=[rule.name for rule in RULES])
def test_each_period_rule_may_match_its_own_examples(rule: PhraseRule) -> None:
    index = RULES.index(rule)

    assert all(_screen().may_match(text)[index] for text, _ in rule.examples)


def test_no_figure_anchor_is_screened_out_of_a_sentence_it_matches() -> None:
    patterns = [re.compile(_WORD_ANCHOR, re.IGNORECASE), re.compile(_CHINESE_SHARE_ANCHOR)]
    for sentence in [*SENTENCES, "超过四成的员工", "近半数", "fifteen million people", "Two villages"]:
        screened = _anchor_screen().may_match(sentence)
        assert screened[0] or not patterns[0].search(sentence), sentence
        assert screened[1] or not patterns[1].search(sentence), sentence


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        (r"fiscal\s+year", "FISCAL YEAR", True),
        (r"fiscal\s+year", "physical year", False),
        (r"(?:in|during)\s+20\d{2}", "During 2023", True),
        (r"(?:in|during)\s+20\d{2}", "at 2023", False),
        (r"截至\d+年", "截至2023年", True),
        (r"since\s+\d+", "\u017fince 2019", True),  # long s: IGNORECASE reads it as "s"
        (r"kiln", "\u212ailn", True),  # the Kelvin sign
        (r"x?(?:the\s+)?\d+", "12", True),  # needs nothing: always may match
    ],
)
def test_a_screen_passes_every_text_its_pattern_matches(pattern: str, text: str, expected: bool) -> None:
    compiled = re.compile(pattern, re.IGNORECASE)

    assert Screen([compiled]).may_match(text) == [expected]
    assert bool(compiled.search(text)) == expected


def test_needed_words_are_lowercase_and_plain() -> None:
    words = {word for rule in RULES for group in needed(rule.regex) for word in group}

    assert words
    assert all(word == folded(word) for word in words)


_QUALIFIER_TEXTS = [
    f"{before}{phrase}{after}"
    for phrase in QUALIFIER_PHRASES
    for before in ("", "x", "X", " ", "1", "ab ", "\u212a", "\u017f")
    for after in ("", " ", "  \n", "x", " \t")
]
_PIECES = st.sampled_from([*QUALIFIER_PHRASES, " ", "\n", "a", "S", "1", "-", "\u212a", "\u017f", "\u0131", "i"])


def _searched(text: str) -> int | None:
    match = re.search(_QUALIFIER_BEFORE, text, re.IGNORECASE)
    return None if match is None else match.start()


@pytest.mark.parametrize("text", _QUALIFIER_TEXTS)
def test_the_qualifier_read_backwards_is_the_one_the_pattern_finds(text: str) -> None:
    assert qualifier_start(text, 0, len(text)) == _searched(text)


@given(st.lists(_PIECES, max_size=12).map("".join))
def test_the_qualifier_read_backwards_is_the_one_the_pattern_finds_anywhere(text: str) -> None:
    searched = _searched(text)
    assert qualifier_start(text, 0, len(text)) == searched
    assert qualifier_start("Q " + text + "9", 2, len(text) + 2) == (None if searched is None else searched + 2)


def test_a_reading_kept_for_the_sentence_is_the_same_value_and_the_same_error() -> None:
    with reading():
        assert read_value("3,000 households") is read_value("3,000 households")
        errors = []
        for _ in range(2):
            with pytest.raises(EsgClaimsError) as caught:
                read_value("19,77 tonnes")
            errors.append(str(caught.value))
    with pytest.raises(EsgClaimsError) as fresh:
        read_value("19,77 tonnes")

    assert errors == [str(fresh.value)] * 2
