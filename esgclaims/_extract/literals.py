"""The literal words a pattern cannot match without: a cheap test that skips a pattern a text cannot match.

:func:`needed` reads a compiled pattern's own syntax tree and gives groups of lowercase
strings: every match of the pattern contains, for each group, one of its strings (read
case-insensitively). :func:`folded` writes a text so that a plain ``in`` answers that
question exactly; :class:`Screen` asks it of many patterns at once. A pattern whose needed words are not in a
sentence is not run over it: the answer is the same, found without the regular
expression engine walking every character.

The syntax tree comes from the standard library's own parser (``re._parser``, Python
3.11 and later). Where it is missing, nothing is needed: every pattern runs, as before.
"""

from __future__ import annotations

import functools
import importlib
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["FOLD", "Screen", "ahead", "folded", "needed", "skipping"]

try:
    _parser: Any = importlib.import_module("re._parser")
    _constants: Any = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - every supported Python has them
    _parser = _constants = None

FOLD = {ord("\u0130"): "i", ord("\u0131"): "i", ord("\u017f"): "s", ord("\u212a"): "k"}
"""The characters other than ``A-Z`` that ``re.IGNORECASE`` matches to an ASCII letter, as that letter:
U+0130 and U+0131 (dotted and dotless I) to "i", U+017F (long s) to "s", U+212A (Kelvin) to "k";
``tests/extraction/test_literals.py`` checks every character there is."""

_Needs = tuple[frozenset[str], ...]


def folded(text: str) -> str:
    """``text`` as :func:`needed` strings are written: lowercase, the few other forms of ASCII letters as them.

    Nine sentences in ten are ASCII, and hold none of :data:`FOLD`'s characters: they are
    only lowercased (``str.translate`` reads every character, ``str.isascii`` none).

    Examples:
        >>> folded("FY2024 Ending \u212ailn")
        'fy2024 ending kiln'
    """
    return text.lower() if text.isascii() else text.translate(FOLD).lower()


class Screen:
    r"""Which of some patterns a text may match, by the words each needs (:func:`needed`): one pass of ``in`` tests.

    Examples:
        >>> import re
        >>> screen = Screen([re.compile(r"fiscal\s+(?:19|20)\d{2}", re.I), re.compile(r"FY\d{2}", re.I)])
        >>> screen.may_match("Fiscal 2023 sales, up from FY22")
        [True, True]
        >>> screen.may_match("in fiscal year 2023")
        [True, False]
    """

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        self.masks: list[int] = []
        """For each pattern, a bit for each group of words it needs."""
        bits: dict[frozenset[str], int] = {}  # one bit a group, however many patterns need it
        covers: dict[str, int] = {}
        for pattern in patterns:
            mask = 0
            for group in needed(pattern):
                shortest = frozenset(word for word in group if not any(other in word != other for other in group))
                if shortest not in bits:  # "apr" is in every text "april" is in: "april" need not be looked for
                    bits[shortest] = 1 << len(bits)
                    for word in shortest:
                        covers[word] = covers.get(word, 0) | bits[shortest]
                mask |= bits[shortest]
            self.masks.append(mask)
        self.covers = tuple(covers.items())
        """Each word that some pattern needs, and the groups it is one of."""

    def held(self, text: str) -> int:
        """The groups ``text`` holds a word of, as bits: a pattern can match only if its mask's bits are all set."""
        lowered = folded(text)
        held = 0
        for word, bits in self.covers:
            if word in lowered:
                held |= bits
        return held

    def may_match(self, text: str) -> list[bool]:
        """For each pattern, whether ``text`` holds a word of each group it needs; where not, it cannot match."""
        held = self.held(text)
        return [held & mask == mask for mask in self.masks]


@functools.cache
def needed(pattern: re.Pattern[str]) -> _Needs:
    r"""The groups of strings every match of ``pattern`` holds one of, lowercase; none when nothing is sure.

    Only runs of plain characters count: digits, signs and letters of scripts without
    case ("年"), and ASCII letters (their other cases are all :func:`folded` to them). A
    group, a repeat of at least one and each branch of an alternation are read within, and
    a class or an alternation of plain characters alone as each of its spellings;
    lookarounds, other classes and optional parts need nothing.

    Examples:
        >>> import re
        >>> [sorted(group) for group in needed(re.compile(r"(?:by|until)\s+(?:19|20)\d{2}|FY\d{2}", re.I))]
        [['by', 'fy', 'until']]
        >>> needed(re.compile(r"(?:the\s+)?\d+", re.I))
        ()
        >>> [sorted(group) for group in needed(re.compile(r"\bH[12]\s?(?:19|20)\d{2}"))]
        [['h1', 'h2'], ['19', '20']]
    """
    if _parser is None:  # pragma: no cover - see the module's docstring
        return ()
    return tuple(_sequence(_parser.parse(pattern.pattern, pattern.flags)))


def _plain(code: int) -> bool:
    """Whether the character is one :func:`folded` text holds as it is in a pattern, whatever the case flags."""
    char = chr(code)
    return char.isascii() or char.lower() == char == char.upper()


#: How many spellings a run of plain characters may have before it is cut in two: the screens' words stay few.
_MOST_SPELLINGS = 64


def _sequence(items: Iterable[tuple[object, object]]) -> list[frozenset[str]]:
    """What a sequence of pattern items needs: each run of plain characters, and what its other parts need.

    A run reads on across a class or an alternation of plain characters alone, as each of
    its spellings: "H[12]" needs "h1" or "h2", where "h" alone is in almost every sentence.
    """
    needs: list[frozenset[str]] = []
    run = {""}
    for op, argument in items:
        spelled = _spellings(op, argument)
        if spelled is not None:
            if len(run) * len(spelled) > _MOST_SPELLINGS:
                needs.append(frozenset(run))
                run = {""}
            run = {before + after for before in run for after in spelled}
            continue
        if run != {""}:
            needs.append(frozenset(run))
            run = {""}
        needs.extend(_item(op, argument))
    if run != {""}:
        needs.append(frozenset(run))
    return [group for group in needs if "" not in group]  # "(?:FY)?": one spelling is no word


def _spellings(op: object, node: object) -> set[str] | None:
    """The strings an item of plain characters alone matches, lowercase: "(?:19|20)" → 19, 20; ``None`` for others."""
    argument: Any = node  # as in _item
    if op is _constants.LITERAL:
        return {chr(argument).lower()} if _plain(argument) else None
    if op is _constants.IN:  # a class of single characters: "[12]", "[-\u2013]"; not a range, a category or a negation
        plain = all(member is _constants.LITERAL and _plain(value) for member, value in argument)
        return {chr(value).lower() for _, value in argument} if plain else None
    if op is _constants.SUBPATTERN:
        return _spelled(argument[-1])
    if op is _constants.BRANCH:
        either: set[str] = set()
        for branch in argument[1]:
            spelled = _spelled(branch)
            if spelled is None:
                return None
            either |= spelled
        return either if len(either) <= _MOST_SPELLINGS else None
    return None


def _spelled(items: Iterable[tuple[object, object]]) -> set[str] | None:
    """The strings a sequence of items of plain characters alone matches; ``None`` when it has another item."""
    spelled = {""}
    for op, argument in items:
        part = _spellings(op, argument)
        if part is None or len(spelled) * len(part) > _MOST_SPELLINGS:
            return None
        spelled = {before + after for before in spelled for after in part}
    return spelled


def _item(op: object, node: object) -> list[frozenset[str]]:
    """What one item of a sequence needs; ``node`` is its argument in the standard library's syntax tree."""
    argument: Any = node  # a tuple or a list, by the kind of item (re._parser has no types of its own)
    if op is _constants.SUBPATTERN:
        return _sequence(argument[-1])
    if op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT, getattr(_constants, "POSSESSIVE_REPEAT", None)):
        low, _, body = argument
        return _sequence(body) if low >= 1 else []
    if op is getattr(_constants, "ATOMIC_GROUP", None):
        return _sequence(argument)
    if op is _constants.BRANCH:
        either: set[str] = set()
        for branch in argument[1]:
            needs = _sequence(branch)
            if not needs:
                return []  # a branch that needs nothing: the alternation needs nothing
            either |= max(needs, key=lambda group: min(map(len, group)))  # its most telling group
        return [frozenset(either)]
    return []  # lookarounds, classes, anchors, any character, back references: nothing sure


@functools.lru_cache(maxsize=64)
def skipping(source: str, flags: int = 0) -> re.Pattern[str]:
    r"""``re.compile(source, flags)``, at first use, behind :func:`ahead`'s look-ahead where plain characters start it.

    For the words searched for at the end of the text before a figure ("berth 7", "Scope 1
    and 2"): a search tries every position, and most are skipped at their first character.

    Examples:
        >>> skipping(r"\b(?:scope|tier)s?\s+$", re.I).pattern
        '(?=[st])(?:\\b(?:scope|tier)s?\\s+$)'
        >>> skipping(r"[A-Za-z]+\s+$").pattern  # a class: checked twice, skipping nothing
        '[A-Za-z]+\\s+$'
    """
    return ahead(re.compile(source, flags), plain=True)


def ahead(pattern: re.Pattern[str], *, plain: bool = False) -> re.Pattern[str]:
    r"""``pattern`` behind a look-ahead for the characters its matches can start with; itself where unsure.

    ``plain``: only where single characters (no range or class) start every match. The same
    matches, found faster: a pattern that opens with a look-behind or an
    alternation gives the regular expression engine no first character to skip to, and
    it tries the whole pattern at every position; the look-ahead fails at most at once. A
    pattern that opens with a character or a class is left as it is: it fails there at
    once already, and the engine may skip to that character itself.

    Examples:
        >>> ahead(re.compile(r"(?<![A-Za-z])(?:by|until)\s+\d{4}", re.I)).pattern
        '(?=[bu])(?:(?<![A-Za-z])(?:by|until)\\s+\\d{4})'
        >>> ahead(re.compile(r"(?:the\s+)?.+")).pattern  # any character may start it
        '(?:the\\s+)?.+'
        >>> ahead(re.compile(r"\(in US\$\)")).pattern  # a character opens it
        '\\(in US\\$\\)'
    """
    if _parser is None:  # pragma: no cover - see the module's docstring
        return pattern
    items = _parser.parse(pattern.pattern, pattern.flags)
    if items and items[0][0] in (_constants.LITERAL, _constants.IN):
        return pattern
    first, empty = _first(items)
    if first is None or empty or (plain and any(len(member) > 1 and member[0] != "\\" for member in first)):
        return pattern  # ``plain``: none but single characters (no range, no class) start a match
    return re.compile(f"(?=[{''.join(sorted(set(first)))}])(?:{pattern.pattern})", pattern.flags)


_CLASSES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_SPACE": r"\s", "CATEGORY_WORD": r"\w"}
"""The classes a first character may be of, as a pattern writes them inside brackets."""


def _first(items: Iterable[tuple[object, Any]]) -> tuple[list[str] | None, bool]:
    """What a match of a sequence of pattern items can start with (``None``: anything), and whether it can be empty."""
    first: list[str] = []
    for op, argument in items:
        if op in (_constants.ASSERT, _constants.ASSERT_NOT, _constants.AT):
            continue  # takes no character
        if op is _constants.LITERAL:
            return [*first, re.escape(chr(argument))], False
        if op is _constants.IN:
            members = [_member(member, value) for member, value in argument]
            known = [member for member in members if member is not None]
            return (None, False) if len(known) < len(members) else ([*first, *known], False)
        if op is _constants.SUBPATTERN:
            part, empty = _first(argument[-1])
        elif op is _constants.BRANCH:
            parts = [_first(branch) for branch in argument[1]]
            part = None if any(p is None for p, _ in parts) else [c for p, _ in parts for c in p or ()]
            empty = any(e for _, e in parts)
        elif op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT):
            low, _, body = argument
            part, empty = _first(body)
            empty = empty or low == 0
        else:
            return None, False  # any character, a negated literal, a back reference: anything may start it
        if part is None:
            return None, False
        first.extend(part)
        if not empty:
            return first, False
    return first, True


def _member(op: object, value: Any) -> str | None:  # noqa: ANN401 - a node of re._parser's syntax tree
    """One member of a character class, as written inside brackets; ``None`` for one that cannot be."""
    if op is _constants.LITERAL:
        return re.escape(chr(value))
    if op is _constants.RANGE:
        return f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}"
    if op is _constants.CATEGORY:
        return _CLASSES.get(str(value))
    return None  # a negated class
