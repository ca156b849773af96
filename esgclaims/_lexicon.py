"""The words esgclaims reads by, from one data file: ``esgclaims/data/lexicon.toml``.

Month names, number words, ordinals, scale words, currency words, verbs of change and
the other word lists live there once, as data; this module reads the file at first use
(never at ``import esgclaims``) and hands out typed views and regex fragments.

Examples:
    >>> lexicon().months["sept"]
    9
    >>> alternation(["up", "upward", "u.s"]).split("|")[0]
    'upward'
"""

from __future__ import annotations

import functools
import re
from importlib.resources import files
from typing import TYPE_CHECKING, Any

import attrs

from esgclaims._errors import FileFormatError

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = ["Currency", "Lexicon", "MetricNames", "alternation", "lexicon", "month_pattern", "parse_lexicon"]

LEXICON_FILE = "lexicon.toml"


@attrs.frozen
class Currency:
    """The words of one currency: how esgclaims writes it, and how reports do before and after a figure."""

    code: str
    display: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    stated: tuple[str, ...] = ()
    """Further names, read only where a text states the currency of its amounts: "U.S. dollars"."""


@attrs.frozen
class MetricNames:
    """The words of suggested metric ids: participles, hour nouns, unit words, the emissions id."""

    participles: frozenset[str]
    """Participles that follow the noun in an id: "planted" ("trees-planted")."""
    irregular: dict[str, str]
    """The past tense of an irregular verb, to its participle: ``{"withdrew": "withdrawn"}``."""
    hour_nouns: dict[str, str]
    """The word after "hours of", to the word that names the hours: ``{"volunteering": "volunteer"}``."""
    units: frozenset[str]
    """Unit words that never appear in an id: "cubic", "metres", "tco2e"."""
    emissions: str
    """The id of a figure in an emissions unit that no other word names: "ghg-emissions"."""

    def participle(self, verb: str) -> str | None:
        """The participle of ``verb`` if it names a metric, else None.

        Examples:
            >>> lexicon().metric_names.participle("withdrew"), lexicon().metric_names.participle("helped")
            ('withdrawn', None)
        """
        word = self.irregular.get(verb.lower(), verb.lower())
        return word if word in self.participles else None


@attrs.frozen
class Lexicon:
    """Every word list of ``lexicon.toml``, typed."""

    months: dict[str, int]
    """Month names and abbreviations, lower case, to the month's number: ``{"sept": 9, ...}``."""
    month_names: tuple[tuple[str, ...], ...]
    """Per month, January first: the full name, then its abbreviations."""
    numbers: dict[str, int]
    """Number words to their values: ``{"twelve": 12, ...}``."""
    number_phrases: dict[str, int]
    """Phrases that stand for a number: ``{"a": 1, "a dozen": 12}``."""
    number_uses: dict[str, dict[str, int]]
    """The number words each reader takes, by use (``"month_counts"``, ``"alone"``, ``"before_scale"``)."""
    ordinals: dict[str, int]
    """``{"first": 1, "1st": 1, ...}``."""
    scales: dict[str, int]
    """English scale words to their multiple: ``{"million": 1000000, "bn": 1000000000, ...}``."""
    zh_scales: dict[str, int]
    """Chinese scale words: ``{"万": 10000, "亿": 100000000, ...}``."""
    zh_digits: dict[str, int]
    """Chinese digits: ``{"一": 1, "两": 2, ...}``."""
    changes: dict[str, tuple[str, ...]]
    """English words of change by kind: ``up_verbs``, ``down_verbs``, ``up_nouns`` ..."""
    zh_changes: dict[str, tuple[str, ...]]
    """Chinese verbs of change by kind: ``up_verbs``, ``down_verbs``, ``up_by_verbs``, ``down_by_verbs``."""
    ended: tuple[str, ...]
    zh_aims: tuple[str, ...]
    exchanges: tuple[str, ...]
    code_words: tuple[str, ...]
    """Words a number names a code or a part of a document after: ``("scope", "section", "tier", ...)``."""
    class_words: tuple[str, ...]
    """Words a number names a class or a standard after, however capitalized: ``("scope", "category", ...)``."""
    places: tuple[str, ...]
    abbreviations: tuple[str, ...]
    company_suffixes: tuple[str, ...]
    currencies: dict[str, Currency]
    """By ISO code."""
    ambiguous_currencies: dict[str, str]
    """A symbol or word that names no one currency, to what to write instead."""
    other_dollars: tuple[str, ...]
    other_dollars_stated: tuple[str, ...] = ()
    """Names of dollars esgclaims does not read, in a statement of a text's currency: "Brunei dollars"."""
    singular_rules: tuple[tuple[str, str], ...] = ()
    """Plural endings and their singular, in the order tried: ``(("ies", "y"), ...)``."""
    irregular_plurals: dict[str, str] = attrs.field(factory=dict)
    """Plurals the rules would misread, to their singular: ``{"people": "person", ...}``."""
    not_kinds: frozenset[str] = frozenset()
    """Words after a figure that never name what it counts: "more", "times", "years"."""
    people: frozenset[str] = frozenset()
    """The generic words for people, the only English nouns counted as "person": "people", "individuals"."""
    people_roles: frozenset[str] = frozenset()
    """Plural nouns that name people in a role ("customers", "teachers"): each is a count kind of its own."""
    counted: dict[str, str] = attrs.field(factory=dict)
    """English nouns reports count, to the count kind: ``{"counties": "county", "families": "household", ...}``."""
    zh_counted: dict[str, str] = attrs.field(factory=dict)
    """Chinese nouns right after a figure, in the order tried, to the count kind: ``{"户": "household", ...}``."""
    zh_measured: dict[str, str] = attrs.field(factory=dict)
    """Chinese nouns that close a phrase after a measure word, in order, to the count kind: ``{"县": "county"}``."""
    zh_unit_words: dict[str, str] = attrs.field(factory=dict)
    """Chinese units and counted nouns right after a figure, to the registry's name: ``{"吨": "t", ...}``."""
    rates: dict[str, str] = attrs.field(factory=dict)
    """Words after a figure that make it a rate, to the unit of time: ``{"each day": "day", ...}``."""
    unit_words: dict[str, str] = attrs.field(factory=dict)
    """Units as reports write them, to the registry's name: ``{"metric tons": "t", ...}``."""
    emission_words: tuple[str, ...] = ()
    """Words that say a mass is of greenhouse gases: "CO2", "emissions"."""
    comparatives: dict[str, str] = attrs.field(factory=dict)
    """Comparatives before a figure, to the qualifier they are: ``{"lower than": "less_than", ...}``."""
    co2e_units: dict[str, str] = attrs.field(factory=dict)
    """A mass unit, as the registry names it, to its CO2e unit: ``{"kilotonne": "ktCO2e", ...}``."""
    metric_names: MetricNames | None = None
    """The word lists that suggested metric ids are made by."""

    @property
    def currency_codes(self) -> tuple[str, ...]:
        """The letter codes a report writes before a figure, capitalised: RMB, CNY, USD, Rs ...

        Examples:
            >>> lexicon().currency_codes[:3]
            ('RMB', 'CNY', 'USD')
        """
        return tuple(
            word
            for currency in self.currencies.values()
            for word in currency.before
            if word.isascii() and word.isalpha() and word[0].isupper()  # "Rs", "Rp" as well as "RMB"
        )

    def numbers_for(self, use: str) -> dict[str, int]:
        """The number words one reader takes, with their values.

        Examples:
            >>> lexicon().numbers_for("month_counts")["twenty-four"]
            24
        """
        return self.number_uses[use]


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, escaped, longest first (so that no word hides a longer one).

    Examples:
        >>> alternation(["jan", "january", "sept"])
        'january|sept|jan'
    """
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@functools.cache
def month_pattern() -> str:
    """A regex group-free alternation of the month names and abbreviations, longest first.

    Examples:
        >>> re.fullmatch(month_pattern(), "Sept", re.IGNORECASE) is not None
        True
    """
    return alternation(lexicon().months)


class _Reader:
    """Reads typed values out of the parsed file, naming the file and key of anything malformed."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    def fail(self, key: str, expected: str, got: object) -> FileFormatError:
        return FileFormatError(f"{LEXICON_FILE}, key '{key}': expected {expected}, got {got!r}")

    def get(self, key: str) -> Any:  # noqa: ANN401 - parsed TOML, checked by the caller
        node: Any = self.data
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise FileFormatError(f"{LEXICON_FILE}: missing key '{key}'")
            node = node[part]
        return node

    def words(self, key: str, node: object = None) -> tuple[str, ...]:
        value = self.get(key) if node is None else node
        if not isinstance(value, list) or not value or not all(isinstance(word, str) and word for word in value):
            raise self.fail(key, "a list of words", value)
        return tuple(value)

    def optional_words(self, key: str) -> tuple[str, ...]:
        """The list of words at ``key``, or none where the file gives none: a currency's ``stated`` names."""
        parent, _, name = key.rpartition(".")
        return self.words(key) if name in self.get(parent) else ()

    def table(self, key: str, kind: type = int) -> dict[str, Any]:
        value = self.get(key)
        if not isinstance(value, dict) or not value:
            raise self.fail(key, "a table", value)
        for word, item in value.items():
            if not isinstance(item, kind) or isinstance(item, bool):
                raise self.fail(f"{key}.{word}", f"a {kind.__name__}", item)
        return dict(value)

    def lists(self, key: str) -> dict[str, tuple[str, ...]]:
        value = self.get(key)
        if not isinstance(value, dict):
            raise self.fail(key, "a table of word lists", value)
        return {name: self.words(f"{key}.{name}", words) for name, words in value.items()}


def _number_value(word: str, numbers: Mapping[str, int], key: str) -> int:
    """A number word's value; "twenty-four" is the sum of its parts."""
    parts = word.split("-")
    if not all(part in numbers for part in parts):
        raise FileFormatError(
            f"{LEXICON_FILE}, key '{key}': {word!r} is in neither [en.numbers] nor [en.number_phrases]"
        )
    return sum(numbers[part] for part in parts)


def _build(data: dict[str, Any]) -> Lexicon:
    read = _Reader(data)
    month_names = read.get("en.months")
    if not isinstance(month_names, list) or len(month_names) != 12:
        raise read.fail("en.months", "twelve lists of month names", month_names)
    names = tuple(read.words(f"en.months[{number}]", words) for number, words in enumerate(month_names, start=1))
    numbers = read.table("en.numbers")
    phrases = read.table("en.number_phrases")
    uses = {
        use: {word: _number_value(word, numbers | phrases, f"en.number_uses.{use}") for word in words}
        for use, words in read.lists("en.number_uses").items()
    }
    currencies = read.get("currencies")
    if not isinstance(currencies, dict) or not currencies:
        raise read.fail("currencies", "a table of currencies", currencies)
    by_code = {}
    for code in currencies:
        display = read.get(f"currencies.{code}.display")
        if not isinstance(display, str):
            raise read.fail(f"currencies.{code}.display", "a string", display)
        before, after = read.words(f"currencies.{code}.before"), read.words(f"currencies.{code}.after")
        by_code[code] = Currency(code, display, before, after, read.optional_words(f"currencies.{code}.stated"))
    return Lexicon(
        months={name: number for number, words in enumerate(names, start=1) for name in words},
        month_names=names,
        numbers=numbers,
        number_phrases=phrases,
        number_uses=uses,
        ordinals=read.table("en.ordinals"),
        scales=read.table("en.scales"),
        zh_scales=read.table("zh.scales"),
        zh_digits=read.table("zh.digits"),
        changes=read.lists("en.changes"),
        zh_changes=read.lists("zh.changes"),
        ended=read.words("en.ended"),
        zh_aims=read.words("zh.aims"),
        exchanges=read.words("en.exchanges"),
        code_words=read.words("en.code_words"),
        class_words=read.words("en.class_words"),
        places=read.words("en.places"),
        abbreviations=read.words("en.abbreviations"),
        company_suffixes=read.words("en.company_suffixes"),
        currencies=by_code,
        ambiguous_currencies=read.table("ambiguous_currencies", str),
        other_dollars=read.words("other_dollars.before"),
        other_dollars_stated=read.optional_words("other_dollars.stated"),
        singular_rules=_pairs(read, "en.kinds.singular_rules"),
        irregular_plurals=read.table("en.kinds.irregular", str),
        not_kinds=frozenset(read.words("en.kinds.not_kinds")),
        people=frozenset(read.words("en.kinds.people")),
        people_roles=frozenset(read.words("en.kinds.people_roles")),
        counted=read.table("en.kinds.counted", str),
        zh_counted=read.table("zh.kinds.counted", str),
        zh_measured=read.table("zh.kinds.measured", str),
        zh_unit_words=read.table("zh.unit_words", str),
        rates=read.table("en.rates", str),
        unit_words=read.table("en.unit_words", str),
        emission_words=read.words("en.emissions.words"),
        co2e_units=read.table("en.emissions.co2e", str),
        comparatives=read.table("en.comparatives", str),
        metric_names=MetricNames(
            participles=frozenset(read.words("en.metric_names.participles")),
            irregular=read.table("en.metric_names.irregular", str),
            hour_nouns=read.table("en.metric_names.hour_nouns", str),
            units=frozenset(read.words("en.metric_names.units")),
            emissions=_string(read, "en.metric_names.emissions"),
        ),
    )


def _string(read: _Reader, key: str) -> str:
    value = read.get(key)
    if not isinstance(value, str) or not value:
        raise read.fail(key, "a string", value)
    return value


def _pairs(read: _Reader, key: str) -> tuple[tuple[str, str], ...]:
    """A list of [from, to] pairs of strings: the singular rules."""
    value = read.get(key)
    if not isinstance(value, list) or not all(
        isinstance(pair, list) and len(pair) == 2 and all(isinstance(word, str) for word in pair) for pair in value
    ):
        raise read.fail(key, "a list of [plural ending, singular ending] pairs", value)
    return tuple((pair[0], pair[1]) for pair in value)


def parse_lexicon(text: str) -> Lexicon:
    """A lexicon from the text of a ``lexicon.toml``; a malformed one is a :class:`FileFormatError`.

    Examples:
        >>> parse_lexicon("[en]  months = 3".replace("  ", chr(10)))
        Traceback (most recent call last):
        ...
        esgclaims.FileFormatError: lexicon.toml, key 'en.months': expected twelve lists of month names, got 3
    """
    import tomllib  # noqa: PLC0415 - read at first use, not on import

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise FileFormatError(f"{LEXICON_FILE}: not valid TOML: {error}") from None
    return _build(data)


@functools.cache
def lexicon() -> Lexicon:
    """The lexicon of the package, read once at first use."""
    return parse_lexicon(files("esgclaims").joinpath("data", LEXICON_FILE).read_text(encoding="utf-8"))
