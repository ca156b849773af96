"""The nouns reports count, in English and Chinese, the count kind each one counts, and the words around them.

:func:`esgclaims.parse_value` and :func:`esgclaims.extract` read counted nouns
through this module: "110 impoverished counties" counts counties, "27个脱贫县" too.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple, TypeVar, overload

from . import _units
from ._errors import EsgClaimsError
from ._lexicon import lexicon

if TYPE_CHECKING:
    from collections.abc import Callable, ItemsView, Iterator, KeysView, ValuesView

__all__ = [
    "CHINESE_NOUNS",
    "COUNT_NOUNS",
    "FUNCTION_WORDS",
    "PER_NOUNS",
    "SINGULAR_NOUNS",
    "chinese_unit",
    "names_people",
    "proposed_kind",
    "singular",
]

#: Articles, determiners, prepositions, conjunctions and auxiliaries: never part of a counted noun or a metric name.
FUNCTION_WORDS = frozenset(
    (
        "a",
        "an",
        "the",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "with",
        "by",
        "across",
        "and",
        "or",
        "that",
        "which",
        "who",
        "as",
        "through",
        "into",
        "than",
        "were",
        "was",
        "is",
        "are",
        "had",
        "has",
        "have",
        "been",
        "be",
        "will",
        "would",
        "its",
        "our",
        "their",
        "this",
    )
)


_T = TypeVar("_T")


class _FromLexicon(Mapping[str, str]):
    """A table of nouns made at first use, when the lexicon is read (never at ``import esgclaims``)."""

    def __init__(self, make: Callable[[], dict[str, str]]) -> None:
        self._make = make
        self._table: dict[str, str] | None = None

    def _made(self) -> dict[str, str]:
        if self._table is None:
            self._table = self._make()
        return self._table

    def __getitem__(self, key: str) -> str:
        return self._made()[key]

    def __contains__(self, key: object) -> bool:
        return key in self._made()

    def __iter__(self) -> Iterator[str]:
        return iter(self._made())

    def __len__(self) -> int:
        return len(self._made())

    # The table's own views: Mapping's would look each key up again through __getitem__.
    def keys(self) -> KeysView[str]:
        return self._made().keys()

    def values(self) -> ValuesView[str]:
        return self._made().values()

    def items(self) -> ItemsView[str, str]:
        return self._made().items()

    @overload
    def get(self, key: str, /) -> str | None: ...
    @overload
    def get(self, key: str, /, default: str | _T) -> str | _T: ...
    def get(self, key: str, /, default: object = None) -> object:
        """The dict's own lookup: Mapping's raises and catches a KeyError for each word not in the table."""
        return self._made().get(key, default)


#: Nouns reports count, and the count kind each one is a count of. Of people, only the generic
#: words of the lexicon count "person" ("people", "individuals"): a noun naming people in a role
#: ("customers", "teachers") counts a kind of its own, registered or proposed like any other.
COUNT_NOUNS: Mapping[str, str] = _FromLexicon(
    lambda: lexicon().counted | lexicon().zh_counted | dict.fromkeys(lexicon().people, "person")
)

#: The singular nouns of :data:`COUNT_NOUNS`: before another word, and after a figure other
#: than one, a singular is a modifier ("several hundred village e-commerce shops").
SINGULAR_NOUNS: Mapping[str, str] = _FromLexicon(
    lambda: (
        {
            noun: kind
            for noun, kind in COUNT_NOUNS.items()
            if noun.isascii() and (noun + "s" in COUNT_NOUNS or noun[:-1] + "ies" in COUNT_NOUNS)
        }
        | {"person": "person"}
    )
)

#: Singular nouns, read only after "per" ("RMB 50 per person"): before another noun
#: a singular is a modifier ("36,000 volunteer hours").
PER_NOUNS: Mapping[str, str] = _FromLexicon(
    lambda: dict(COUNT_NOUNS) | {singular(noun): "person" for noun in lexicon().people}
)


def names_people(word: str) -> bool:
    """Whether an English noun names people: a generic word ("people") or a role ("customers").

    Examples:
        >>> names_people("customers"), names_people("People"), names_people("boreholes")
        (True, True, False)
    """
    lower = word.lower()
    return lower in lexicon().people or lower in lexicon().people_roles


# Chinese: a unit follows the figure directly ("18.6万吨"), or a measure word, some
# modifiers and the counted noun do ("27个脱贫县": 个, 脱贫, 县). The lexicon names both.
_MEASURE_WORDS = "个家所座棵辆台"
#: The noun after a measure word, and the count kind it names (used only when registered), in the order tried.
CHINESE_NOUNS: Mapping[str, str] = _FromLexicon(lambda: lexicon().zh_measured)


def _registered(kind: str) -> bool:
    unit = _units.find_unit(kind)  # a probe: no "did you mean" for a kind not registered
    return unit is not None and _units.count_kind_of(unit) == kind


class _ChineseUnits(NamedTuple):
    """The lexicon's Chinese units (``zh.unit_words``) as :func:`chinese_unit` reads them."""

    names: dict[str, str]
    longest_first: tuple[str, ...]
    """The names, longest first, sorted once."""
    first: frozenset[str]
    """The characters a Chinese unit or measure word starts with: a text that starts with none names no unit."""


@functools.cache
def _chinese_units() -> _ChineseUnits:
    """The Chinese units, made once at first use, when the lexicon is read (never at ``import esgclaims``)."""
    names = lexicon().zh_unit_words
    longest_first = tuple(sorted(names, key=len, reverse=True))
    return _ChineseUnits(
        names, longest_first, frozenset(name[:1] for name in longest_first) | frozenset(_MEASURE_WORDS)
    )


def chinese_unit(text: str) -> tuple[str, int] | None:
    """The unit a Chinese figure is followed by, and how many characters name it.

    Examples:
        >>> chinese_unit("个脱贫县")
        ('county', 4)
        >>> chinese_unit("吨二氧化碳当量")
        ('tCO2e', 7)
        >>> chinese_unit("万元") is None
        True
    """
    units = _chinese_units()
    if text[:1] not in units.first:
        return None  # "tonnes", "households": most texts after a figure start with no Chinese unit
    for name in units.longest_first:
        if text.startswith(name):
            return units.names[name], len(name)
    match = re.match(rf"[{_MEASURE_WORDS}]([\u4e00-\u9fff]{{1,6}})", text)
    if match is None:
        return None
    words = match.group(1)
    for end in range(len(words), 0, -1):  # the noun closes the phrase: 个 + 脱贫 + 县
        for noun, kind in CHINESE_NOUNS.items():
            if words[:end].endswith(noun) and _registered(kind):
                return kind, 1 + end
    return None


def singular(word: str) -> str:
    """The singular of an English plural noun, by the lexicon's rules and irregular plurals.

    Examples:
        >>> [singular(w) for w in ("libraries", "boreholes", "churches", "buses", "women", "staff")]
        ['library', 'borehole', 'church', 'bus', 'woman', 'staff']
    """
    words = lexicon()
    lower = word.lower()
    if lower in words.irregular_plurals:
        return words.irregular_plurals[lower]
    if lower.endswith(("ss", "us", "is")):
        return lower  # "grass", "campus", "analysis": not plurals
    for ending, replacement in words.singular_rules:
        if lower.endswith(ending) and len(lower) > len(ending) + 1:
            return lower[: -len(ending)] + replacement
    return lower


def proposed_kind(noun: str) -> str | None:
    """The count kind a plural noun after a figure would be, or None where it names no counted thing.

    A word that is a unit or a dimension ("hours", "metres"), a function word, or a word the
    lexicon says never names what a figure counts ("more", "times") proposes nothing; nor does
    a singular (a modifier: "36,000 volunteer hours").

    Examples:
        >>> proposed_kind("scholarships"), proposed_kind("libraries"), proposed_kind("hours")
        ('scholarship', 'library', None)
        >>> proposed_kind("more") is None, proposed_kind("village") is None
        (True, True)
    """
    lower = noun.lower()
    if (
        not re.fullmatch(r"[a-z][a-z-]*[a-z]", lower)
        or lower in FUNCTION_WORDS
        or lower in lexicon().not_kinds
        or lower.endswith(("ing", "ed", "ly", "'s"))
    ):
        return None
    kind = singular(lower)
    if kind == lower and lower not in lexicon().irregular_plurals:
        return None  # a singular, or a word that is no plural
    for name in (lower, kind):
        try:
            _units.parse_unit(name)
        except EsgClaimsError:
            continue
        return None  # a unit or a dimension: "hours", "metres", "times"
    return kind
