"""The nouns reports count, in English and Chinese, the count kind each one counts, and the words around them.

:func:`esgclaims.parse_value` and :func:`esgclaims.extract` read counted nouns
through this module: "110 impoverished counties" counts counties, "27个脱贫县" too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

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


_NOUNS = {
    "household": "household",
    "households": "household",
    "families": "household",
    "family": "household",
    "county": "county",
    "counties": "county",
    "farm": "farm",
    "farms": "farm",
    "village": "village",
    "villages": "village",
    "city": "city",
    "cities": "city",
    "item": "item",
    "items": "item",
    "piece": "item",
    "pieces": "item",
    "commodities": "item",
    "commodity": "item",
    "products": "item",
    "product": "item",
    "specialties": "item",
    "goods": "item",
    "employee": "employee",
    "employees": "employee",
    "staff": "employee",
    "workers": "employee",
    "户": "household",
    "个县": "county",
    "县": "county",
    "人": "person",
    "件": "item",
    "名员工": "employee",
}

#: Nouns reports count, and the count kind each one is a count of. Of people, only the generic
#: words of the lexicon count "person" ("people", "individuals"): a noun naming people in a role
#: ("customers", "teachers") counts a kind of its own, registered or proposed like any other.
COUNT_NOUNS: Mapping[str, str] = _FromLexicon(lambda: _NOUNS | dict.fromkeys(lexicon().people, "person"))

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
# modifiers and the counted noun do ("27个脱贫县": 个, 脱贫, 县).
_CHINESE_UNITS = {
    "吨二氧化碳当量": "tCO2e",
    "吨": "t",
    "千瓦时": "kWh",
    "兆瓦时": "MWh",
    "吉瓦时": "GWh",
    "千瓦": "kW",
    "亩": "mu",
    "公里": "km",
    "千米": "km",
    "公顷": "ha",
    "公斤": "kg",
    "千克": "kg",
    "立方米": "m3",
    "兆瓦": "MW",
    "小时": "h",
    "户": "household",
    "人": "person",
    "名": "person",
    "位": "person",
    "件": "item",
}
_MEASURE_WORDS = "个家所座棵辆台"
#: The noun after a measure word, and the count kind it names (used only when registered).
CHINESE_NOUNS = {
    "行政村": "village",
    "村": "village",
    "县": "county",
    "城市": "city",
    "市": "city",
    "省份": "province",
    "省": "province",
    "学校": "school",
    "农场": "farm",
    "农户": "household",
    "家庭": "household",
    "员工": "employee",
    "企业": "company",
    "供应商": "supplier",
    "树": "tree",
    "车": "vehicle",
}


def _registered(kind: str) -> bool:
    unit = _units.find_unit(kind)  # a probe: no "did you mean" for a kind not registered
    return unit is not None and _units.count_kind_of(unit) == kind


#: The names of :data:`_CHINESE_UNITS`, longest first, sorted once.
_CHINESE_LONGEST_FIRST = tuple(sorted(_CHINESE_UNITS, key=len, reverse=True))
#: The characters a Chinese unit or measure word starts with: a text that starts with none names no unit.
_CHINESE_FIRST = frozenset(name[:1] for name in _CHINESE_LONGEST_FIRST) | frozenset(_MEASURE_WORDS)


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
    if text[:1] not in _CHINESE_FIRST:
        return None  # "tonnes", "households": most texts after a figure start with no Chinese unit
    for name in _CHINESE_LONGEST_FIRST:
        if text.startswith(name):
            return _CHINESE_UNITS[name], len(name)
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
