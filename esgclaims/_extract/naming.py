"""Who a figure is about, and what to call its metric: suggestions for a person to confirm.

A suggested metric id names what a figure measures, as a person would name the metric:

* the head noun phrase of what is measured: the noun after "of" ("1.2 million m³ of
  water"), the counted noun ("48,000 trees"), or the subject of "X reached N";
* a verb before the figure that names what it measures follows the noun as its
  participle ("withdrew" → "water-withdrawn", "planted" → "trees-planted"); the verbs,
  and the participles of the irregular ones, are listed in ``[en.metric_names]`` of
  ``esgclaims/data/lexicon.toml``; hours are named by what they are of
  ("9,000 hours of volunteering" → "volunteer-hours");
* units, scale words, numbers and function words never appear in an id; a figure in
  an emissions unit (tCO2e, MtCO2e) that no other word names is "ghg-emissions";
* an id is lower-case words joined by "-", at most four of them.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from typing import TYPE_CHECKING, NamedTuple

from esgclaims._lazy import compiled as rx
from esgclaims._lexicon import MetricNames, alternation, lexicon
from esgclaims._nouns import FUNCTION_WORDS
from esgclaims._units import DIMENSIONLESS, facts_of, parse_unit

from .literals import ahead, skipping
from .mentions import REACH, unit_text

if TYPE_CHECKING:
    from collections.abc import Iterable

    from esgclaims._model import Organization
    from esgclaims._values import ReportedValue

__all__ = ["Names", "fallback_metric", "metric_id"]

_I = re.IGNORECASE
#: Words that end an organization's name ("Ltd." is "Ltd" with an optional full stop), in the lexicon's order.
_SUFFIXES = "|".join(
    re.escape(word[:-1]) + r"\.?" if word.endswith(".") else re.escape(word) for word in lexicon().company_suffixes
)
_NAME = rf"(?:[A-Z][\w.&\u2019'-]* +){{1,5}}?(?:(?:{_SUFFIXES})\b *)+|[\u4e00-\u9fff]{{2,8}}(?:集团|公司|基金会|银行)"
_REFERENCES = (
    r"\b(?:[Ww]e|[Oo]ur|us)\b|\b[Tt]he\s+(?:Group|Company|company|Bank|Foundation|Partnership|partnership|firm|group)\b"
    r"|(?<![\u4e00-\u9fff])(?:集团|公司|本行|基金会)"
)
_NOT_ACRONYMS = frozenset(
    [
        *lexicon().currency_codes,
        "ESG",
        "CSR",
        "GRI",
        "SDG",
        "SDGS",
        "ISO",
        *lexicon().exchanges,
        "GHG",
        "KPI",
        "KPIS",
        "AI",
        "IT",
        "HR",
        "US",
        "UK",
        "HK",
        "PRC",
        "UN",
        "EU",
        "FY",
        "YOY",
        "CEO",
        "CFO",
        "COO",
        "TCFD",
        "SASB",
        "ISSB",
        "MSCI",
    ]
)
_NOT_NAMES = frozenset(
    [
        "the",
        "in",
        "as",
        "for",
        "since",
        "by",
        "from",
        "with",
        "and",
        "a",
        "an",
        "of",
        "at",
        "on",
        "additionally",
        "our",
        "its",
        "this",
    ]
)


def _names() -> MetricNames:
    names = lexicon().metric_names
    assert names is not None  # noqa: S101 - the lexicon reader always builds them
    return names


class _Named(NamedTuple):
    start: int
    end: int
    name: str
    """The organization's full name; empty for "its", which names the one named last."""


class Names:
    """The organizations a text names, found once, to look up the subject of each figure by position."""

    def __init__(self, text: str, organizations: Iterable[Organization]) -> None:
        self.text = text
        self.known = tuple(organizations)
        found = self._known(text) if self.known else self._guessed(text)
        named = sorted(n for n in found if n.name)
        self.main = named[0].name if named else None
        by_word: dict[str, list[_Named]] = {}  # each word of a name, and the names that hold it, in order
        for name in named:
            for word in dict.fromkeys(name.name.lower().split()):
                by_word.setdefault(word, []).append(name)
        found += [
            _Named(m.start(), m.end(), self._referred(m.group(), m.start(), by_word)) for m in _REFERENCE.finditer(text)
        ]
        pronouns = _PRONOUNS.finditer(text)  # the organization named last
        found += [_Named(m.start(), m.end(), "") for m in pronouns]
        self.found = sorted(found)
        self.starts = [n.start for n in self.found]
        self.named = [n for n in self.found if n.name]
        self.named_starts = [n.start for n in self.named]

    def _referred(self, words: str, position: int, by_word: dict[str, list[_Named]]) -> str:
        """Who "we" or "the Foundation" is: the organization named last before with that word in its name.

        "We", "our" and "the Group" (a word any reporter calls itself) are otherwise the
        organization named first; "the Foundation" with no foundation named is itself. The
        names are looked up by ``word`` (``by_word``), not read back from each reference: a
        text's references and names both grow with its length.
        """
        word = words.rsplit(maxsplit=1)[-1].lower()
        if not rx(r"[Tt]he\s").match(words):
            return self.main or ""
        holding = by_word.get(word, [])
        index = bisect_left(holding, (position,))
        if index:
            return holding[index - 1].name
        if word in ("foundation", "bank", "partnership") and (self.main is None or word not in self.main.lower()):
            return "the " + words.rsplit(maxsplit=1)[-1]
        return self.main or ""

    def _known(self, text: str) -> list[_Named]:
        pairs = sorted(
            ((alias, org.name) for org in self.known for alias in (org.name, *org.aliases)),
            key=lambda pair: -len(pair[0]),
        )
        found: list[_Named] = []
        taken = _Taken()
        for alias, name in pairs:
            for match in re.finditer(rf"(?<![\w.]){re.escape(alias)}(?![\w])", text):
                if not taken.overlaps(match.start(), match.end()):
                    found.append(_Named(match.start(), match.end(), name))
                    taken.add(match.start(), match.end())
        return found

    def _guessed(self, text: str) -> list[_Named]:
        found: list[_Named] = []
        acronyms = Counter(_ACRONYM.findall(text))
        aliases: dict[str, str] = {  # "JD", named more than once
            acronym: acronym for acronym, times in acronyms.items() if times >= 2 and acronym not in _NOT_ACRONYMS
        }
        for match in _NAMES.finditer(text):
            words = list(rx(r"\S+").finditer(match.group()))
            while words and words[0].group().lower() in _NOT_NAMES:
                words.pop(0)
            if len(words) < 2 and not rx(r"[\u4e00-\u9fff]").search(match.group()):
                continue
            name = " ".join(word.group() for word in words)
            found.append(_Named(match.start() + words[0].start(), match.start() + words[-1].end(), name))
            aliases.setdefault(words[0].group(), name)
        taken = _Taken()
        for named in found:
            taken.add(named.start, named.end)
        if aliases:
            pattern = "|".join(re.escape(alias) for alias in sorted(aliases, key=lambda alias: (-len(alias), alias)))
            matches = ahead(re.compile(rf"(?<![\w])(?:{pattern})(?!\w)")).finditer(text)
            found += [_Named(m.start(), m.end(), aliases[m.group()]) for m in matches if not taken.covers(m.start())]
        return found

    def subject(self, start: int, end: int, position: int) -> tuple[str | None, Organization | None]:
        """The organization the sentence ``[start, end)`` names as the actor of a figure at ``position``.

        The actor is the organization named last before the figure, passing over one named
        after a preposition ("through the Acme Foundation", "set up by Acme") or in an aside
        between commas after another ("Acme Corp, the owner of Beta Ltd, donated"); with none
        before the figure, the first named after it in the sentence.
        """
        first, last = bisect_left(self.starts, start), bisect_left(self.starts, end)
        here = bisect_left(self.starts, position, first, last)
        before = [n for n in reversed(self.found[first:here]) if n.end <= position]
        chosen = next((n for n in before if not self._aside(n, before, position)), None)
        chosen = chosen or (before[0] if before else None)
        if chosen is None and first < last:
            chosen = self.found[first]
        if chosen is None:
            return None, None
        name = chosen.name or self._last_named(chosen.start)
        organization = next((org for org in self.known if org.name == name), None)
        return name or None, organization

    def _aside(self, named: _Named, before: list[_Named], position: int) -> bool:
        """Whether ``named`` is not the actor: governed by a preposition, or in an aside after another name."""
        if _GOVERNED.search(self.text, max(0, named.start - 40), named.start):
            return True
        earlier = before[before.index(named) + 1 :]
        if not earlier:
            return False
        opened = self.text[earlier[0].end : named.start]
        closed = self.text[named.end : position]
        return bool(rx(r"\s*,[^,;]*$").match(opened)) and bool(rx(r"[^;]*?,").match(closed))

    def _last_named(self, position: int) -> str:
        """The organization named last before ``position`` (what "its" refers to)."""
        index = bisect_left(self.named_starts, position)
        return next((n.name for n in reversed(self.named[max(0, index - 8) : index]) if n.end <= position), "")


#: A preposition or participle before a name, with its determiner: the name is not the clause's actor.
_GOVERNED = re.compile(
    r"\b(?:through|via|by|with|from|of|to|for|under|including|alongside|besides|than|between|among|across"
    r"|behind|at|on|in|into|like|unlike|and\s+partner)\s+(?:(?:the|its|our|their|a|an)\s+)?$",
    _I,
)
#: The patterns run over the whole text, each behind a look-ahead for its first characters (literals.ahead):
#: the same matches, without the engine trying every branch at each of a report's characters.
_REFERENCE = ahead(re.compile(_REFERENCES))
_PRONOUNS = ahead(re.compile(r"\b(?:it|its|their)\b", _I))
_ACRONYM = ahead(re.compile(r"(?<![\w.$])[A-Z]{2,6}(?![\w$])"))
_NAMES = ahead(re.compile(_NAME))


class _Taken:
    """Spans already claimed by a name, sorted and apart, to ask whether a new one overlaps in log time."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def add(self, start: int, end: int) -> None:
        insort(self.spans, (start, end))

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect_left(self.spans, (start,))
        if index and self.spans[index - 1][1] > start:
            return True
        return index < len(self.spans) and self.spans[index][0] < end

    def covers(self, position: int) -> bool:
        index = bisect_right(self.spans, (position, sys.maxsize))
        return index > 0 and self.spans[index - 1][0] <= position < self.spans[index - 1][1]


def metric_id(
    text: str, figure: tuple[int, int], clause: tuple[int, int], value: ReportedValue | None, noun: str = ""
) -> str:
    """A metric id from the words around a figure: "impoverished-counties", "donations", "total-revenue-share".

    A count is named by its noun phrase ("110 impoverished counties"); another figure
    by what follows it ("in poverty alleviation-related sales"), by its verb
    ("donated") or by the subject of its verb ("Operational emissions fell to").
    Returns an empty string when the words name nothing.
    """
    start, end = figure
    first, last = clause
    after = text[end:last]
    units = None if value is None else value.units
    written = "" if units is None else unit_text(units)  # the unit as pint writes it, asked below three times
    if units is not None and written.endswith(" / day"):
        units = units * parse_unit("day")  # "6,500 meals a day" is named as the count it is a rate of
    counted = units is None or units == DIMENSIONLESS or facts_of(units).count_kind is not None
    words = _head(noun)[-3:] if counted else []
    of = rx(r"\s+of\s+([A-Za-z-]+)").match(after)
    if words and words[-1].lower() in ("pieces", "piece", "items", "units") and of:
        words = [of.group(1), words[-1]]  # "pieces of clothing"
    share = written == "percent"
    following = rx(r"\s*(?:of|in|for|on)\s+(?!(?:the\s+)?(?:FY|[HQ][1-4]\b|first|second|end|\d))(.{1,60})").match(after)
    if not words and following:
        phrase = rx(_NEXT_CLAUSE).split(following.group(1))[0]  # "of electricity and withdrew 1.2 million ..."
        words = _head(phrase, keep_and=True)[:3]
    if not words:
        before = text[max(first, start - REACH) : start]
        if rx(r"exceed", re.IGNORECASE).match(text[start:end]):
            before += " exceeded "  # "Sales exceeded RMB 150 million": the qualifier is the verb
        words = _from_verb(before)
    words = [word for word in words if word.isascii() and not _unit_word(word)]
    hours = _hours(text[start:end], after, written)
    if hours:
        words = hours
    elif words:
        words = _with_participle(words, text[max(first, start - REACH) : start])
    pieces = [piece for word in words for piece in word.lower().split("-") if piece]
    limit = 3 if share else 4
    slug = "-".join(pieces[-limit:])
    return slug + "-share" if share and slug else slug


def _unit_word(word: str) -> bool:
    """Whether ``word`` is a unit, a scale word or a number word: never part of an id."""
    lower = word.lower()
    return lower in _names().units or lower in lexicon().scales or lower in lexicon().numbers


_VERB_BEFORE = r"(?<![A-Za-z])([A-Za-z]+)\s+(?:(?:more\s+than|over|around|about|nearly|approximately|some)\s+)?$"
"""The verb just before a figure. A match found inside a word would start at that word's first letter; the look-behind
tries each word from there only, not again from each of its letters: the same match, sooner."""


def _with_participle(words: list[str], before: str) -> list[str]:
    """``words`` and the participle of the verb just before the figure: "withdrew" → water, withdrawn."""
    verb = rx(_VERB_BEFORE).search(before)
    participle = _names().participle(verb.group(1)) if verb else None
    return [*words, participle] if participle and participle not in (w.lower() for w in words) else words


def _hours(figure: str, after: str, unit: str) -> list[str]:
    """The name of a figure whose ``unit`` is "hour": "9,000 hours of volunteering" → volunteer, hours."""
    if unit != "hour":
        return []
    inside = rx(r"([A-Za-z]+)\s+hours?\b", _I).search(figure)
    of = rx(r"\s+of\s+([A-Za-z]+)").match(after)
    word = inside.group(1) if inside else (of.group(1) if of else "")
    noun = _names().hour_nouns.get(word.lower())
    return [noun, "hours"] if noun else []


#: Where the phrase after a figure stops naming it: a number, a comma, or "and" before a verb.
_NEXT_CLAUSE = rf"\d|[,;]|\b(?:and|or)\s+(?:[a-z]+ed|{alternation(_names().irregular)})\b"
_LINKING = frozenset(
    [
        "reached",
        "totaled",
        "totalled",
        "was",
        "were",
        "exceeded",
        "hit",
        "stood",
        "amounted",
        "accounted",
        "rose",
        "grew",
        "fell",
        "dropped",
        "declined",
        "increased",
        "decreased",
        "narrowed",
        "widened",
        "remained",
        "came",
        "is",
        "are",
        "totals",
        "total",
    ]
)
_CHANGE_NOUNS = frozenset((*lexicon().changes["up_nouns"], *lexicon().changes["down_nouns"]))
_CHANGE_VERBS = alternation(lexicon().changes["up_by_verbs"] + lexicon().changes["down_by_verbs"])
_CHANGED_BY = rf"\b(?:{_CHANGE_VERBS})\s+((?:[\w-]+\s+){{1,3}}?)(?:in\s+[\w-]+\s+)?by\s+$"
"""A change verb, what it changes and "by" before a figure: "cut single-use plastic in packaging by"."""


def _from_verb(before: str) -> list[str]:
    """Name a figure by its verb: "donated" → donations, "Operational emissions fell to" → operational emissions."""
    verb = rx(r"(?<![A-Za-z])([A-Za-z]+)(\s+(?:to|at|for|of|by|from|a|an|the))?\s+$").search(before)  # as above
    if verb is None:
        return []
    word = verb.group(1).lower()
    if word in _VERBS:
        return [_VERBS[word]]
    if (verb.group(2) or "").strip() == "of" and word not in _STOP and word not in _CHANGE_NOUNS:
        return _tail(before[: verb.end(1)])[-2:]  # "a capacity of", "matched donations of"
    changed = skipping(_CHANGED_BY, re.I).search(before)
    if changed:
        return _head(changed.group(1))  # "cut single-use plastic in packaging by"
    if word not in _LINKING:
        return []
    subject = before[: verb.start()]
    subject = rx(r"\b(?:from|of|in|on|for|under|at|with|sourced|per)\b|[,;:(]").split(subject)[0]
    return _tail(subject)[-3:]


_VERBS = {
    "donated": "donations",
    "raised": "funds-raised",
    "invested": "investment",
    "spent": "spending",
    "purchased": "purchases",
    "earned": "earnings",
    "contributed": "contributions",
    "committed": "commitment",
    "issued": "issuance",
    "trained": "people-trained",
    "volunteered": "volunteer-hours",
    "generated": "generation",
    "avoided": "avoided-emissions",
    "allocated": "allocation",
}
#: Words a metric name is not made of: function words, and a few more.
_STOP = FUNCTION_WORDS | frozenset(("of", "his", "her", "these", "those", "per", "also"))
_WORD = r"[A-Za-z][A-Za-z\u2019'-]*(?![\w\u2019'])"  # not "FY" of "FY2024"


def _content(word: str) -> bool:
    return not word.endswith(("\u2019s", "'s")) and word.lower() not in _STOP


def _head(phrase: str, *, keep_and: bool = False) -> list[str]:
    """The first run of content words of a phrase: "impoverished counties put" → impoverished, counties, put."""
    kept: list[str] = []
    for word in rx(_WORD).findall(phrase):
        if keep_and and kept and word.lower() in ("and", "or"):
            continue
        if not _content(word):
            if kept:
                break
            continue
        kept.append(word.strip("\u2019'-"))
    return kept


def _tail(phrase: str) -> list[str]:
    """The last run of content words of a phrase: "Scope 1 and Scope 2 greenhouse gas emissions" → ..., emissions."""
    kept: list[str] = []
    for word in rx(_WORD).findall(phrase):
        kept = [*kept, word.strip("\u2019'-")] if _content(word) else []
    return kept


def fallback_metric(value: ReportedValue | None) -> str:
    """A metric id from the unit alone: "amount-cny", "household-count", "share"."""
    if value is None:
        return "figure"
    facts = facts_of(value.units)  # worked out once for each unit (its name, which pint writes out slowly, too)
    if facts.currency is not None:
        return f"amount-{facts.currency.lower()}"
    if facts.count_kind is not None:
        return f"{facts.count_kind}-count"
    if unit_text(value.units) == "percent":
        return "share"
    if unit_text(value.units).endswith("CO2e"):  # tonne_CO2e, megatonne_CO2e
        return _names().emissions
    return rx(r"[^a-z0-9]+").sub("-", facts.name.lower()).strip("-") or "figure"
