"""Finding the figures of a sentence and reading each one with :func:`esgclaims.parse_value`.

What is not a claim is left out here: years, numbers in names and codes ("the 10
Million Trees Initiative", "Scope 1", "HKEX: 2817", "tier-1"), ordinals, list
markers and durations that are time phrases ("within 90 days"). Dates and period
phrases are found before, and passed in as spans to leave alone.
"""

from __future__ import annotations

import functools
import re

from esgclaims._digits import EXPONENT
from esgclaims._errors import EsgClaimsError
from esgclaims._lazy import compiled as rx
from esgclaims._lexicon import alternation, lexicon
from esgclaims._nouns import proposed_kind
from esgclaims._numbers import chinese_share
from esgclaims._parse_value import QUALIFIER_PHRASES
from esgclaims._units import DIMENSIONLESS, parse_unit
from esgclaims._values import ReportedValue

from .changes import than_a_period
from .currency_statements import BARE_SYMBOL, DEFAULT_DOLLAR, stated_symbols
from .literals import Screen, skipping
from .mentions import REACH, Mention, in_units, qualifier_start, read_figure, read_value
from .named_by import (
    STOP_WORDS,
    compared,
    conversion,
    counted_per_day,
    emissions_and_rate,
    is_counted,
    noun_before,
    per_head,
    physical,
    proposed,
)
from .scaled import scaled_twice
from .shared import share_units

__all__ = ["Mention", "scan", "stated_symbols"]  # Mention and stated_symbols have their homes in .mentions and
# .currency_statements; named here too for the modules that import them from here

_I = re.IGNORECASE
#: The verbs of a change, either side: "rose", "fell", "grew" ...
_CHANGED = alternation(lexicon().changes["up_verbs"] + lexicon().changes["down_verbs"])
#: Digits in the one grammar of esgclaims._digits: an exponent is part of the figure ("3.5E+06 kWh").
_NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?:{EXPONENT})?"
_CODES = lexicon().currency_codes
_NUMBER_ANCHOR = rf"(?=\d)(?:(?<![A-Za-z0-9_.,])|{'|'.join(f'(?<={code})' for code in _CODES)}){_NUMBER}"
#: Number words taken as a figure on their own, and before a scale word ("fifteen million").
_SMALL = alternation(lexicon().numbers_for("alone"))
_BEFORE_SCALE = alternation(lexicon().numbers_for("before_scale"))
_WORD_ANCHOR = (
    r"(?<![A-Za-z])(?:(?:tens|hundreds|dozens)\s+of\s+(?:thousands|millions|billions)"
    r"|(?:tens|hundreds|dozens|thousands|millions|billions)\s+of"
    r"|(?:several|a\s+few)\s+(?:hundred|thousand|million|billion)"
    rf"|(?:{_BEFORE_SCALE})"
    rf"\s+(?:hundred|thousand|million|billion)|(?:{_SMALL}|a\s+dozen)(?=\s))(?![A-Za-z])"
)
#: "超过四成", "近三成", "逾半", "过半": a share in Chinese words, anchored only after a qualifier or "占".
_CHINESE_SHARE_ANCHOR = rf"(?:(?<=超过)|(?<=逾)|(?<=近)|(?<=约)|(?<=占)|(?<=占比)|(?<!超)过(?=半))(?:{chinese_share()})"
#: What a report writes for a currency before a figure: its codes and symbols, other dollars, "$" and "¥".
_CURRENCY = (
    "(?:"
    + alternation(
        [word for currency in lexicon().currencies.values() for word in currency.before]
        + list(lexicon().other_dollars)
        + [symbol for symbol in lexicon().ambiguous_currencies if not symbol.isalpha()]
    )
    + ")"
)
_CURRENCY_BEFORE = _CURRENCY + r"\s?$"
_QUALIFIER_BEFORE = (
    "(?:"
    + "|".join(
        (r"(?<![A-Za-z])" if phrase[0].isalpha() and phrase.isascii() else "") + re.escape(phrase)
        for phrase in QUALIFIER_PHRASES
    )
    + r")\s*$"
)
_SCALE_AFTER = (
    r"\s?(?:hundred|thousand|million|billion|trillion|bn|mn|k)(?![A-Za-z])|万亿|十万|百万|千万|亿|万|千(?![瓦克米])"
)
#: Words that end the noun phrase after a figure: function words, and verbs and prepositions that start a clause.
_PLACE_WORDS = "|".join(lexicon().places)
"""Words a number names a place or a part of a site after: "Berth 14-16", "production lines 3 and 4", "Unit 2"."""
_CODE_WORDS = frozenset((*lexicon().code_words, *lexicon().places))
_NAME_WORD_BEFORE = rf"\b(?:{alternation(lexicon().class_words)})\s+$"
"""Words a number names a class, a part or a standard after, capitalized or not: "category 1", "tier 2"."""
_TIME_WORDS = r"\s*(?:consecutive\s+)?(?:years?|months?|weeks?|days?|decades?)\b"
_TIME_BEFORE = r"\b(?:for|within|in|over|after|past|next|last|every|each|than|of|the|first|aged?)\s+$"
_YEARS_GROUP = r"\b(?:the|our|its|their|this|these|those|whose)\s+$"
"""Before a year that names a group, not a count of it: "the 2023 staff survey", "our 2024 graduates"."""
_POINTS = r"\s*(?:percentage\s+points?|pp|ppts?)\b|\s*个百分点"


def scan(
    text: str, start: int, end: int, leave: list[tuple[int, int]], symbols: dict[str, tuple[str, str]] | None = None
) -> list[Mention]:
    """The figures of the sentence ``text[start:end]``, outside the ``leave`` spans.

    ``symbols`` (from :func:`stated_symbols`) reads a bare "$" or "¥" in the currency the
    text states: the sentence is read with "US$" written for "$", and each figure's
    offsets are given back in ``text``.
    """
    symbols = symbols or {}
    sentence = text[start:end]
    inserted: list[tuple[int, int, str]] = []  # where a prefix starts in the sentence read, its extra characters, why
    for match in BARE_SYMBOL.finditer(text[start:end]):
        symbol = "¥" if match.group("symbol") == "￥" else match.group("symbol")
        if symbol not in symbols:
            continue
        prefix, words = symbols[symbol]
        at = match.start() + sum(extra for _, extra, _ in inserted)
        sentence = sentence[:at] + prefix + sentence[at + 1 :]
        why = f"as the text states: {words!r}" if words != DEFAULT_DOLLAR else words
        inserted.append((start + at, len(prefix) - 1, f"{match.group()!r} read as {prefix}, {why}"))
    if not inserted:
        return _scan(text, start, end, leave)

    def back(position: int) -> int:  # a position in the sentence read, in ``text``
        return position - sum(min(max(position - at, 0), extra) for at, extra, _ in inserted)

    def ahead(position: int) -> int:  # a position in ``text``, in the sentence read
        return position + sum(extra for at, extra, _ in inserted if back(at) < position)

    added = sum(extra for _, extra, _ in inserted)
    mentions = []
    for mention in _scan(
        text[:start] + sentence + text[end:], start, end + added, [(ahead(a), ahead(b)) for a, b in leave]
    ):
        note = mention.note or next(
            (why for at, _, why in inserted if mention.start <= at < mention.end and mention.value is not None), ""
        )
        first, last, number_end = back(mention.start), back(mention.end), back(mention.number_end)
        mentions.append(mention._replace(start=first, end=last, number_end=number_end, note=note))
    return mentions


def _scan(text: str, start: int, end: int, leave: list[tuple[int, int]]) -> list[Mention]:
    leave = leave + _quoted_names(text, start, end)
    in_words, in_zh = _anchor_screen().may_match(sentence := text[start:end])  # words of numbers, 成: most have none
    anchors = sorted(
        [(m.start(), m.end(), False) for m in rx(_NUMBER_ANCHOR).finditer(sentence)]
        + [(m.start(), m.end(), True) for m in (skipping(_WORD_ANCHOR, _I).finditer(sentence) if in_words else ())]
        + [(m.start(), m.end(), False) for m in (rx(_CHINESE_SHARE_ANCHOR).finditer(sentence) if in_zh else ())]
    )
    mentions: list[Mention] = []
    for first, last, words in anchors:
        a, b = start + first, start + last
        if any(x <= a < y for x, y in leave) or (mentions and a < mentions[-1].end):
            continue
        if words and not _counted_words(text, a, b, end):
            continue
        if not words and _not_a_claim(text, a, b, start, end):
            continue
        mention = _read(text, a, b, start, end)
        if mention is not None:
            mentions.append(mention)
    return share_units(text, mentions)


@functools.cache
def _anchor_screen() -> Screen:
    """The words a figure in words and a share in Chinese words need: a sentence without them has none."""
    return Screen([re.compile(_WORD_ANCHOR, _I), re.compile(_CHINESE_SHARE_ANCHOR)])


def _quoted_names(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Short quoted titles with figures in them: "1 Hour for 1 Child", “10万农户增收计划”."""
    spans = []
    for match in rx(r"[\"“]([^\"“”\n]{1,80})[\"”]").finditer(text[start:end]):
        inner = match.group(1)
        if not rx(r"\d").search(inner):
            continue
        words = [w for w in rx(r"[A-Za-z]+").findall(inner) if w.lower() not in ("for", "of", "the", "and", "a", "to")]
        chinese = (
            bool(rx(r"[\u4e00-\u9fff]").search(inner)) and len(inner) <= 20 and not rx("[\uff0c\u3002,]").search(inner)
        )
        if chinese or (words and all(w[0].isupper() for w in words) and len(inner.split()) <= 8):
            spans.append((start + match.start(), start + match.end()))
    return spans


def _counted_words(text: str, a: int, b: int, end: int) -> bool:
    """A word number is a figure with a scale word, or before a counted noun: "two villages", not "one of"."""
    phrase = text[a:b].lower()
    if not rx(rf"(?:{_SMALL}|a\s+dozen)").fullmatch(phrase):
        return True
    following = rx(r"\s+(?:[a-z-]+\s+)?([a-z]+)").match(text[b:end])
    if (
        (following is not None and is_counted(following.group(1)))
        or _of_whole(text, b, end)
        or than_a_period(text[b:end])
    ):
        return True  # "four fewer than a year earlier" is a change of what the text counts
    return _plural_noun_follows(text, b, end) and not _opens_a_list(text, a)


def _opens_a_list(text: str, position: int) -> bool:
    """Whether ``position`` is in a line that ends with a colon: "Three priorities for 2022:" heads a list."""
    line_end = text.find("\n", position)
    return text[position : len(text) if line_end < 0 else line_end].rstrip().endswith(":")


def _a_unit(word: str) -> bool:
    """Whether a word is a unit other than a counted noun ("eleven village schools": "village" may modify)."""
    try:
        parse_unit(word)
    except EsgClaimsError:
        return False
    return not is_counted(word)


def _plural_noun_follows(text: str, position: int, end: int) -> bool:
    """Whether a plural noun a count kind could be proposed for closes the next three words: "three mine clinics".

    The words before it may be modifiers ("twelve community libraries"); a function word, a
    stop word or a unit ("two years", "three times") ends the search with no noun.
    """
    for word in rx(r"\S+").findall(text[position:end])[:3]:
        bare = word.rstrip(",.;:)")
        if not rx(r"[A-Za-z][A-Za-z-]*").fullmatch(bare) or bare.lower() in STOP_WORDS | {"of"} or _a_unit(bare):
            return False
        if _proposable(bare):
            return True
        if bare != word:  # punctuation ends the phrase
            return False
    return False


_WHOLE = r"\s+of\s+(?:our|its|their|the|these|those)\b"
"""Between a figure and the whole it counts part of: "three of our operations", "9 of our shopping malls"."""


def _of_whole(text: str, position: int, end: int) -> bool:
    """Whether "of our ..." follows, and names a counted noun within three words."""
    whole = rx(_WHOLE, _I).match(text[position:end])
    if whole is None:
        return False
    words = rx(r"((?:\s+[A-Za-z][A-Za-z-]*){1,3})").match(text[position + whole.end() : end])
    if words is None or rx(_SMALL, _I).fullmatch(words.group(1).split()[0]):
        return False  # "two of the five farms": the whole is a figure of its own
    return any(is_counted(word) or _proposable(word) for word in words.group(1).split())  # "nine of our mills"


def _proposable(word: str) -> bool:
    return word.lower() not in lexicon().unit_words and proposed_kind(word) is not None


def _not_a_claim(text: str, a: int, b: int, start: int, end: int) -> bool:
    """Years, ordinals, codes, list markers, numbers in names, and durations that are time phrases."""
    before, after = text[max(start, a - 40) : a], text[b:end]
    digits = text[a:b]
    if (
        rx(r"(?:19|20)\d{2}").fullmatch(digits)
        and (not _unit_follows(after) or skipping(_YEARS_GROUP, _I).search(before))
        and not rx(r"[$€£¥]\s?$").search(before)
    ):
        return True  # a year, and "the 2023 staff survey", "our 2024 graduates": a year's group, no count
    older = rx(r"1[5-8]\d{2}").fullmatch(digits) and rx(r"\b(?:in|since|until)\s+$", _I).search(before)
    if older and rx(r"\s*(?:[,.;:)]|and\b|$)", _I).match(after):
        return True  # "a bank founded in 1868 and headquartered in Leeds": an older year, nothing counted after it
    if rx(r"(?:st|nd|rd|th)\b|-(?!(?:US|HK|[SA]|NT)\$)[A-Za-z]|\.[A-Z]{2}\b|:\d").match(after) or (
        before[-1:] in "-#:\n" and rx(r"(?:[A-Za-z]-|#|\d:)$").search(before)  # only its last character can end it
    ):
        return True
    if _attached_name(after):
        return True  # "5G", "3G": a letter joined to the number makes a name, unless it is a unit ("5km")
    if skipping(r"(?<![\d,.])(?:19|20)\d{2}\s*[-/\u2013]\s*(?:\d{2}-)?$").search(before) and len(digits) in (2, 4):
        return True  # the second year of "2023/24", the month and day of "2023-12-31"
    if before.rstrip().endswith((":", ".", "o", "O")) and rx(r"(?:\b[A-Za-z]+\s*:|\bNo\.?)\s*$", _I).search(before):
        return True  # "HKEX: 2817", "Stock code: 1883", "No. 1" (no other last character can end these)
    if rx(r"\d").search(before) and skipping(_CODES_BEFORE, _I).search(before):  # no digit, no such list: not searched
        return True  # "Scope 1 and 2", "Tiers 1, 2 and 3", "Berth 14-16"
    if skipping(rf"\b(?:{_PLACE_WORDS}|wharves)s?\s+$", _I).search(before) and not _measure_follows(after):
        return True  # "production lines 3 and 4", "at berth 7": a number in the name of a place, with no unit after
    if rx(r"\($").search(before) and rx(r"\)").match(after) and len(digits) <= 2:
        return True  # a list marker: "(1)"
    if rx(_TIME_WORDS, _I).match(after) and skipping(_TIME_BEFORE, _I).search(before):
        return True  # "within 90 days", "older than 36 months"
    if skipping(_NAME_WORD_BEFORE, _I).search(before):
        return True  # "(Scope 3, category 1)", "tier 2 suppliers": a number in the name of a class
    word = rx(r"(?<![A-Za-z])([A-Za-z]+)\s+$").search(before)  # from a word's start: the same match, sooner
    if word is not None and word.group(1)[0].isupper() and qualifier_start(text, max(start, a - 40), a) is None:
        initial = not text[start : a - len(word.group())].strip(" \"“'(")
        name = word.group(1)
        if name not in _CODES and (not initial or name.lower() in _CODE_WORDS):
            return True  # "Top 100", "Scope 1", "The Harbour 100 Scholarship"
    following = rx(r"\s?([A-Z][a-z]+)\b").match(after)
    return following is not None and (
        following.group(1).lower() in ("hundred", "thousand", "million", "billion") or is_counted(following.group(1))
    )  # "the 10 Million Trees Initiative", "Clean Water for 1,000 Villages"


def _attached_name(after: str) -> bool:
    """Whether letters joined to a number name a thing ("5G network") rather than a unit or scale ("5km", "3bn")."""
    joined = rx(r"([A-Za-z][A-Za-z0-9]*)(?![A-Za-z0-9])").match(after)
    if joined is None:
        return False
    word = joined.group(1)
    if rx(_SCALE_AFTER, _I).fullmatch(word):
        return False
    try:
        parse_unit(word)
    except EsgClaimsError:
        return word.lower() not in ("x", "pp", "ppt", "ppts") and not is_counted(word)
    return False


_JOIN = r"\s*(?:,|and|&|or|-|\u2013|to)\s*"
"""Between the numbers of a list or range of names: "Scope 1 and 2", "Berths 14-16", "Gates 3, 4 and 5"."""
_CODES_BEFORE = rf"\b(?:{'|'.join(_CODE_WORDS)}|wharves)s?\s+\d+(?:{_JOIN}\d+)*{_JOIN}$"
"""A list or range of numbers in names just before a figure: "Scope 1 and", "Berth 14-"."""


def _measure_follows(after: str) -> bool:
    """Whether a unit, a share or a counted noun follows a number: "line 5 km long" measures a line."""
    word = rx(r"\s?(%|[A-Za-z][A-Za-z0-9]*)").match(after)
    if word is None:
        return False
    try:
        parse_unit(word.group(1))
    except EsgClaimsError:
        return _unit_follows(after)
    return True


def _unit_follows(after: str) -> bool:
    word = rx(r"\s?(%|[A-Za-z]+)").match(after)
    return word is not None and (word.group(1) == "%" or is_counted(word.group(1)))


def _read(text: str, a: int, b: int, start: int, end: int) -> Mention | None:
    """The figure anchored at ``text[a:b]``: its qualifier and currency before, its scale, range and unit after."""
    left = a
    start = max(start, a - REACH)  # the words before a figure that can qualify it: not the whole sentence again
    currency = rx(_CURRENCY_BEFORE).search(text[start:left])
    if currency:
        left = start + currency.start()
    between = skipping(r"\bbetween\s+$", _I).search(text[start:left])
    if between:
        left = start + between.start()
    qualifier = qualifier_start(text, start, left)
    if qualifier is not None:
        left = qualifier
    number_end = _scales(text, b, end)
    core = _range(text, left, number_end, end, between=bool(between), currency=bool(currency))
    points = rx(_POINTS, _I).match(text[core:end])
    if points:
        return _points(text, left, core, core + points.end())
    percent = rx(r"\s?(?:%|percent\b|per cent\b)", _I).match(text[core:end])
    if percent:
        return compared(text, start, _percent(text, left, core, core + percent.end(), number_end))
    mention = physical(text, left, core, number_end, end)  # "9,300 metric tons", "300 pounds of grain"
    if mention is None:
        positions = [core, *_window(text, core, end)]
        value, stop, note = _best(text, left, positions)
        if value is None:
            return Mention(left, core, number_end, None, note=note)
        words = text[core:stop] if stop > core else text[core : positions[-1]]  # an unknown noun names the metric
        mention = Mention(left, stop, number_end, value, note=note, noun=words.strip())
        if value.units == DIMENSIONLESS or rx(r"[名位]$").search(text[left:stop]):  # "员工2,600余名": 名 counts people
            mention = noun_before(text, start, mention)
        mention = proposed(text, mention, end)  # "38 new boreholes": a count of a kind nobody registered
    mention = counted_per_day(text, emissions_and_rate(text, start, mention, end), end, start)  # "6,500 meals a day"
    mention = compared(text, start, mention)  # "lower than 2.5 t"
    return scaled_twice(text, conversion(text, per_head(text, start, mention), end))  # "12 million MtCO2e"


def _scales(text: str, position: int, end: int) -> int:
    while (scale := rx(_SCALE_AFTER, _I).match(text[position:end])) is not None:
        position += scale.end()
    return position


def _range(  # noqa: PLR0913 - the figure's place in the text, and what stands before it
    text: str, left: int, position: int, end: int, *, between: bool, currency: bool
) -> int:
    """After the high end of a range ("RMB 2,000 to RMB 5,000", "25% to 30%", "HK$30-35 billion"), if one follows."""
    joiners = r"\s*(?:-|–|~|至)\s*|\s+to\s+" + (r"|\s+and\s+" if between else "")
    match = rx(rf"(?P<pct>\s?%)?(?:{joiners})(?P<cur>{_CURRENCY}\s?)?(?P<n>{_NUMBER})", _I).match(text[position:end])
    if match is None:
        return position
    if " to " in match.group() or match.group().strip().startswith("to"):
        before = text[max(0, left - 30) : left]
        same_kind = bool(match.group("cur")) == currency and (
            not match.group("pct") or rx(r"\s?%").match(text, position + match.end())
        )
        changed = rx(rf"\b(?:{_CHANGED})\s+(?:from\s+|by\s+)?$", _I).search(before)
        if not same_kind or changed:
            return position  # "rose 9.4% to HK$312 million", "grew by 1.3 million to 9.6 million": a change and a level
    return _scales(text, position + match.end(), end)


def _window(text: str, position: int, end: int) -> list[int]:
    """Where the words after a figure end, one by one, up to a stop: its unit or counted noun is among them."""
    ends: list[int] = []
    token = rx(
        r"\s*(?:(?P<pair>or\s+more|or\s+less|and\s+above)\b|(?P<per>per\s+[A-Za-z]+)|(?P<w>[A-Za-z][A-Za-z0-9\u00b2\u00b3'\u2019-]*)"
        r"|(?P<pct>%)|(?P<slash>/[A-Za-z][A-Za-z0-9]*)|(?P<plus>\+)|(?P<cjk>[\u4e00-\u9fff]{1,10}))"
    )
    whole = rx(_WHOLE, _I).match(text[position:end])
    whole_end = position + whole.end() if whole is not None and _of_whole(text, position, end) else -1
    while len(ends) < 6 and (match := token.match(text, position, end)) is not None:
        word = match.group("w")
        of = word is not None and word.lower() == "of"
        emissions = of and rx(r"\s+(?:CO2|carbon dioxide)", _I).match(text[match.end() : end])  # "tonnes of CO2e"
        kept = (of and not ends) or emissions or match.end() <= whole_end  # "9 of our malls": "of our" is kept
        if word is not None and word.lower() in STOP_WORDS and not kept:
            break
        if match.group("cjk") is not None:  # Chinese has no spaces: try each length of the run
            ends.extend(range(match.start("cjk") + 1, match.end() + 1))
            break
        position = match.end()
        ends.append(position)
    return ends


def _best(text: str, left: int, positions: list[int]) -> tuple[ReportedValue | None, int, str]:
    """The reading of the figure and all its words, and the shortest span that reads the same.

    When the words name nothing esgclaims counts, the figure alone is read, with a note:
    a shorter run of the words ("several hundred village") could read a modifier as the noun.
    """
    try:
        value = read_value(text[left : positions[-1]])
    except EsgClaimsError as error:
        note = str(error)
    else:
        last = positions[-1]  # all the words: read already, as ``value``
        stop = next(p for p in positions if p == last or _reads(text[left:p], value))
        suffix = rx(r"\s?(?:%|yuan\b|renminbi\b|元|percent\b|per cent\b)", _I).match(text[stop : positions[-1]])
        stop += suffix.end() if suffix else 0  # "RMB 100 billion yuan", "25% to 30%": the words that repeat the unit
        return value, stop, ""
    try:  # "hundreds of dairy operators": the order of magnitude alone, its noun proposed after it
        words = text[left : positions[0]]
        value = read_figure(words) or read_value(rx(r"\s+of$").sub("", words))
    except EsgClaimsError:
        return None, positions[0], note
    if len(positions) > 1 and "counts" in note:
        words = text[positions[0] : positions[-1]].strip()
        note = f"the figure may count {words!r}, which esgclaims does not know; see esgclaims.register_count_kind"
    return value, positions[0], note


def _reads(text: str, value: ReportedValue) -> bool:
    try:
        read = read_value(text)
    except EsgClaimsError:
        return False
    # pint compares quantities of other dimensions by trying to convert one: tell those apart first
    return read.reported.dimensionality == value.reported.dimensionality and read == value


def _points(text: str, left: int, core: int, stop: int) -> Mention | None:
    """ "2.3 percentage points": a change of a share, in percent."""  # noqa: D210 - ruff format
    try:
        number = read_value(text[left:core])
        value = ReportedValue.of(
            number.reported.magnitude, "percent", number.qualifier, precision=number.precision,
            upper=None if number.upper is None else number.upper.magnitude, tolerance=number.tolerance,
        )  # fmt: skip
    except EsgClaimsError as error:
        return Mention(left, stop, core, None, note=str(error))
    return Mention(left, stop, core, value, percent=number, points=True, noun="percentage points")


def _percent(text: str, left: int, core: int, stop: int, number_end: int) -> Mention:
    """A figure in percent, and its number alone: a change of 150% is no share, but still a change."""
    figure = text[left:core]
    try:
        number = read_value(figure.replace("%", ""))
    except EsgClaimsError as error:
        return Mention(left, stop, number_end, None, note=str(error))
    try:
        value: ReportedValue | None = _in_percent(number) if "%" not in figure else None
        value = value or read_value(text[left:stop])
    except EsgClaimsError as error:
        return Mention(left, stop, number_end, None, percent=number, note=str(error))
    return Mention(left, stop, number_end, value, percent=number, noun="%")


def _in_percent(number: ReportedValue) -> ReportedValue | None:
    """A plain number read before "%", "percent" or "per cent", in percent: what the words with the sign read.

    The sign adds nothing to the reading but its unit. A number with a unit of its own, or a
    figure percent cannot be ("more than 150%"), gives None: the words are read, for their error.
    """
    if number.units != DIMENSIONLESS:
        return None
    try:
        return in_units(number, "percent")
    except EsgClaimsError:
        return None
