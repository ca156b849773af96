"""The lexicon: every word list once, as data, read into typed views and regex fragments."""

from __future__ import annotations

import re
import tomllib
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

import esgclaims
from esgclaims._lexicon import alternation, lexicon, month_pattern, parse_lexicon

PACKAGE = Path(esgclaims.__file__).parent
RAW: dict[str, Any] = tomllib.loads(files("esgclaims").joinpath("data", "lexicon.toml").read_text(encoding="utf-8"))


def _lists(node: object, key: str = "") -> list[tuple[str, list[str]]]:
    """Every list of words in the parsed file, with its key."""
    if isinstance(node, dict):
        return [found for name, child in node.items() for found in _lists(child, f"{key}.{name}".strip("."))]
    if isinstance(node, list) and node and all(isinstance(item, str) for item in node):
        return [(key, node)]
    if isinstance(node, list):
        return [found for index, child in enumerate(node) for found in _lists(child, f"{key}[{index}]")]
    return []


LISTS = _lists(RAW)


def test_the_lexicon_loads() -> None:
    words = lexicon()
    assert words.months["september"] == words.months["sept"] == 9
    assert words.numbers_for("month_counts")["twenty-four"] == 24
    assert words.currencies["CNY"].display == "RMB"
    assert words.zh_scales["亿"] == 10**8


@pytest.mark.parametrize(("key", "words"), LISTS, ids=[key for key, _ in LISTS])
def test_no_word_appears_twice_in_one_list(key: str, words: list[str]) -> None:
    assert len(words) == len({word.lower() for word in words}), key


def test_no_month_word_names_two_months() -> None:
    names = [name for month in RAW["en"]["months"] for name in month]
    assert len(names) == len(set(names)) == len(lexicon().months)


@pytest.mark.parametrize(("key", "words"), LISTS, ids=[key for key, _ in LISTS])
def test_the_fragment_of_each_list_takes_each_of_its_words(key: str, words: list[str]) -> None:
    pattern = re.compile(alternation(words), re.IGNORECASE)
    for word in words:
        assert pattern.fullmatch(word), (key, word)


def test_the_month_pattern_takes_every_month_word() -> None:
    for word in lexicon().months:
        assert re.fullmatch(month_pattern(), word.capitalize(), re.IGNORECASE), word


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[en", "lexicon.toml: not valid TOML"),
        ("[en]\nmonths = 3", "lexicon.toml, key 'en.months': expected twelve lists of month names, got 3"),
        ("x = 1", "lexicon.toml: missing key 'en.months'"),
    ],
)
def test_a_malformed_lexicon_names_the_file_and_key(text: str, message: str) -> None:
    with pytest.raises(esgclaims.FileFormatError, match=re.escape(message)):
        parse_lexicon(text)


def test_a_wrong_value_names_its_key() -> None:
    text = files("esgclaims").joinpath("data", "lexicon.toml").read_text(encoding="utf-8")
    broken = text.replace("twelve = 12", 'twelve = "12"')
    with pytest.raises(esgclaims.FileFormatError, match=re.escape("key 'en.numbers.twelve': expected a int")):
        parse_lexicon(broken)


#: Word lists that once were written out in several modules: none may come back.
HARD_CODED = [
    r"""["']january["']""",
    r"""["']twelve["']""",
    r"\bjan\(\?:uary\)\?",
    r"\|twelve\b",
    r"""["']fourth["']""",
    r"first\|second\|third\|fourth",
    r"""["']renminbi["']""",
    r"""["']HKEX["']""",
    r"""["']hk\$["']""",
    r"rose\|grew|grew\|rose",
    r"ended\|ending",
    r"Ltd\\\\\.\?\|Inc",
    r"""["']berth["']|berth\|gate""",
    r"""["'](?:households|counties|families)["']\s*:\s*["']""",
    r"""["'](?:个县|名员工|千瓦时|立方米|行政村|供应商)["']\s*:""",
    r"categor\(\?:y\|ies\)|\bcategory\||\|categor(?:y|ies)\b|\bscopes\?\|",
    r"dollars\?\||Chinese\\s\+yuan|Japanese\\s\+\)\?yen",
]
EXEMPT = {"_lexicon.py"}
SOURCES = sorted(path for path in PACKAGE.rglob("*.py") if path.name not in EXEMPT)


@pytest.mark.parametrize("pattern", HARD_CODED)
def test_no_word_list_is_written_out_in_the_code(pattern: str) -> None:
    found = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in SOURCES
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search(pattern, line)
    ]
    assert not found, f"a word list is written out again (keep it in data/lexicon.toml): {found}"


def test_the_guard_finds_what_it_guards_against() -> None:
    written_out = 'MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?)"\nORDINAL = "first|second|third|fourth"'
    assert [pattern for pattern in HARD_CODED if re.search(pattern, written_out)] == [HARD_CODED[2], HARD_CODED[5]]


#: Lines of the tables that were written out in code before they moved to the lexicon, one of each shape.
WRITTEN_OUT_TABLES = [
    '    "households": "household",',  # English nouns to the count kind each counts
    '    "个县": "county",',  # Chinese nouns after a figure
    '    "千瓦时": "kWh",',  # Chinese units
    '    "行政村": "village",',  # Chinese nouns after a measure word
    r'    r"\b(?:scopes?|categor(?:y|ies)|tiers?|phase|section)\s+$"',  # words a class's number follows
    r'    "HKD": r"Hong\s+Kong\s+dollars?|HK\s?\$|HKD",',  # currencies a statement names
    r'    "CNY": r"renminbi|RMB|Chinese\s+yuan|yuan|CNY",',
    r'    "JPY": r"(?:Japanese\s+)?yen|JPY",',
]


@pytest.mark.parametrize("line", WRITTEN_OUT_TABLES)
def test_the_guard_finds_each_table_that_moved_to_the_lexicon(line: str) -> None:
    assert [pattern for pattern in HARD_CODED if re.search(pattern, line)], line


def test_importing_the_package_reads_no_lexicon() -> None:
    # the cold path (import, load a dataset) stays clear of the word lists
    import subprocess  # noqa: PLC0415 - a fresh interpreter, here only
    import sys  # noqa: PLC0415

    code = (
        "import esgclaims, esgclaims._lexicon as l; esgclaims.load_dataset('jd-2020'); "
        "print(l.lexicon.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)  # noqa: S603
    assert out.stdout.strip() == "0"
