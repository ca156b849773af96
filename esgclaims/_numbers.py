"""Reading the number of a figure: digits, number words, scale words and orders of magnitude.

The words come from the lexicon (``esgclaims/data/lexicon.toml``), read at first use.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import TYPE_CHECKING

from ._decimal import MAX_ADJUSTED, MAX_PLACES
from ._digits import NUMBER, DigitsError, read_digits
from ._errors import ValueParseError
from ._lazy import compiled as rx
from ._lexicon import lexicon
from ._nouns import chinese_unit

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "NO_SCALE",
    "NUMBER",
    "by_first_character",
    "chinese_share",
    "magnitude_phrase",
    "read_number",
    "read_scale",
    "scales",
    "word_number",
]

#: Marks text whose figure was a magnitude word itself ("thousands of farms"): no scale word follows.
NO_SCALE = "\x00"
# NUMBER, digits as a report writes them ("19.77", "1,200", ".5", "1.2e6"), is the one grammar of
# esgclaims._digits, re-exported here for the readers of phrases.

# (phrase, low multiple, high multiple) of the scale that follows, or of 1.
_MAGNITUDES = [
    ("tens of", Decimal(10), Decimal(100)),
    ("hundreds of", Decimal(100), Decimal(1000)),
    ("dozens of", Decimal(24), Decimal(144)),
    ("several", Decimal(3), Decimal(10)),
    ("a few", Decimal(2), Decimal(10)),
]
_BARE_MAGNITUDES = {
    "thousands": Decimal(10**3),
    "millions": Decimal(10**6),
    "billions": Decimal(10**9),
    "hundreds": Decimal(100),
    "tens": Decimal(10),
}

#: The phrases and words of an order of magnitude: a text that starts with none has none.
_MAGNITUDE_STARTS = (*(phrase for phrase, _, _ in _MAGNITUDES), *_BARE_MAGNITUDES)


@functools.cache
def scales() -> dict[str, Decimal]:
    """Scale words, English and Chinese, to their multiple.

    Examples:
        >>> scales()["bn"], scales()["万"]
        (Decimal('1000000000'), Decimal('10000'))
    """
    return {word: Decimal(multiple) for word, multiple in (lexicon().scales | lexicon().zh_scales).items()}


def by_first_character(phrases: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The phrases by their first character, each longest first (in their order where equally long).

    Built once for a list of phrases: a text is then tried only against the phrases its
    first character can start, and none is sorted again.

    Examples:
        >>> by_first_character(["tens of", "thousands", "hundred", "tens"])
        {'t': ('thousands', 'tens of', 'tens'), 'h': ('hundred',)}
    """
    index: dict[str, tuple[str, ...]] = {}
    for phrase in sorted(phrases, key=len, reverse=True):
        index[phrase[:1]] = (*index.get(phrase[:1], ()), phrase)
    return index


@functools.cache
def _scale_words() -> dict[str, tuple[str, ...]]:
    return by_first_character(scales())


@functools.cache
def _word_numbers() -> tuple[tuple[str, Decimal], ...]:
    """Number words and phrases with their values, longest first."""
    words = lexicon().numbers | lexicon().number_phrases
    return tuple((word, Decimal(words[word])) for word in sorted(words, key=len, reverse=True))


@functools.cache
def chinese_share() -> str:
    """A share in tenths ("四成", four tenths) or a half ("半"), after its qualifier was stripped.

    Not when a word goes on: "成本" (cost), "成为" (become), "一成不变", "半年" (half a year).

    Examples:
        >>> re.match(chinese_share(), "四成") is not None, re.match(chinese_share(), "成本") is None
        (True, True)
    """
    digits = "".join(lexicon().zh_digits)
    return rf"(?:[{digits}]成|半数?)(?![本为功果员熟立长效就交绩品型不年月天日岛径导])"


def magnitude_phrase(text: str) -> tuple[Decimal | None, Decimal | None, str]:
    """An order of magnitude at the start of ``text``: its low and high multiple, and the text after it.

    Examples:
        >>> magnitude_phrase("tens of thousands of farms")
        (Decimal('10'), Decimal('100'), 'thousands of farms')
    """
    lowered = text.lower()
    if not lowered.startswith(_MAGNITUDE_STARTS):  # a figure in digits, mostly: none of the loops below would match
        return None, None, text
    for phrase, low, high in _MAGNITUDES:
        if lowered.startswith(phrase + " ") or lowered == phrase:  # "dozens of" before a noun read apart
            return low, high, text[len(phrase) :].strip()
    for word, scale in _BARE_MAGNITUDES.items():
        if lowered.startswith(word) and re.match(rf"^{word}\b", lowered):  # the words are plain letters
            # "thousands of farms": the word is the magnitude; no scale word follows.
            return scale, scale * 10, NO_SCALE + " " + text[len(word) :].strip()
    return None, None, text


def word_number(text: str) -> tuple[str, Decimal] | None:
    """The number word or phrase ``text`` starts with, and its value.

    Examples:
        >>> word_number("a dozen farms")
        ('a dozen', Decimal('12'))
    """
    for word, number in _word_numbers():
        if re.match(rf"^{word}\b", text, re.IGNORECASE):
            return word, number
    return None


def read_number(text: str, original: str) -> tuple[Decimal, Decimal | None, str]:
    """The number ``text`` starts with, its precision, and the text after it; ``original`` names it in errors.

    Digits follow the one grammar of :mod:`esgclaims._digits`: an exponent is read
    ("1.2e6" is 1,200,000, precise to 100,000), and "19,77", "1.000,5", "5_000" and
    "0x10" are refused with what to write instead.

    Examples:
        >>> read_number("19.77 million", "19.77 million")
        (Decimal('19.77'), Decimal('0.01'), 'million')
        >>> read_number("1.2e6 tonnes", "1.2e6 tonnes")
        (Decimal('1.2E+6'), Decimal('1E+5'), 'tonnes')
        >>> read_number("19,77 tonnes", "19,77 tonnes")
        Traceback (most recent call last):
        ...
        esgclaims.ValueParseError: cannot read '19,77 tonnes': expected digits grouped in threes by commas, got '19,77'
    """
    quoted = repr(original.strip())
    if rx(r"^\d{1,3}(?: \d{3})+\b").match(text):
        raise ValueParseError(
            f"cannot read {quoted}: digits grouped by spaces; group them by commas",
            text=original.strip(),
            hint="group the digits by commas: 1,000,000",
        )
    try:
        digits = read_digits(text)
    except DigitsError as error:
        raise ValueParseError(
            f"cannot read {quoted}: {error}", text=original.strip(), hint=error.problem.hint
        ) from None
    if digits is not None:
        # Refused before a scale word multiplies it: a thousand digits would overflow any context.
        adjusted = digits.number.adjusted()
        if adjusted > MAX_ADJUSTED or adjusted < -(MAX_PLACES + MAX_ADJUSTED):
            shown = text[: digits.end] if digits.end <= 40 else f"{text[:20]}...{text[digits.end - 10 : digits.end]}"
            limit = f"below 10^{MAX_ADJUSTED + 1}" if adjusted > 0 else f"with no digit past the {MAX_PLACES}th place"
            raise ValueParseError(
                f"cannot read {quoted}: expected a figure {limit}, got {shown!r}",
                text=original.strip(),
                hint="write the figure with a scale word or a unit that fits it",
            )
        return digits.number, digits.precision, text[digits.end :].strip()
    word = word_number(text)
    if word is not None:
        return word[1], Decimal(1), text[len(word[0]) :].strip()
    raise ValueParseError(
        f"cannot read {quoted}: no figure found",
        text=original.strip(),
        hint="write the figure in digits or words, e.g. '19.77 million tonnes'",
    )


def _scale_word(text: str, position: int, has_currency: bool) -> str | None:
    """The scale word at ``position`` of ``text``; only the text near it is looked at, so reading is linear."""
    near = text[position : position + _LOOK_AHEAD]
    if chinese_unit(near) is not None:
        return None  # "千瓦时" is kWh and "千克" kg: the 千 of a unit's name is no scale ("3.1亿千瓦时")
    lowered = near.lower()
    for word in _scale_words().get(lowered[:1], ()):
        if word == "m" and not has_currency:
            continue
        if lowered.startswith(word) and (not word.isascii() or not lowered[len(word) : len(word) + 1].isalnum()):
            return word
    return None


#: Far enough to see any scale word and the letter after it, and any Chinese unit's name.
_LOOK_AHEAD = 32
_LARGEST_SCALE = Decimal(10) ** MAX_ADJUSTED


def read_scale(text: str, has_currency: bool, original: str | None = None) -> tuple[Decimal, bool, str]:
    """The scale words after a figure, multiplied: "hundred thousand" is 100000.

    Returns the multiple, whether any scale word was read, and the text after them.
    "m" is a million only after a currency ("US$5m"). Scale words that multiply
    beyond ``10**27``, the largest figure, are refused.

    Examples:
        >>> read_scale("hundred thousand households", False)
        (Decimal('100000'), True, 'households')
    """
    if text.startswith(NO_SCALE):
        return Decimal(1), False, text[len(NO_SCALE) :].strip()
    scale, scaled, position = Decimal(1), False, 0
    while (word := _scale_word(text, position, has_currency)) is not None:
        scale, scaled, position = scale * scales()[word], True, position + len(word)
        while position < len(text) and text[position].isspace():
            position += 1
        if scale > _LARGEST_SCALE:
            written = text[:position].strip()
            raise ValueParseError(
                f"cannot read {(original or written).strip()[:60]!r}: scale words multiply beyond 10^{MAX_ADJUSTED}",
                text=(original or written).strip(),
                hint="write one scale word, e.g. 'billion'",
            )
    text = text[position:]
    if scaled and text.lower().startswith("of "):
        text = text[3:]
    return scale, scaled, text
