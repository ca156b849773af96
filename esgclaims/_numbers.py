"""Reading the number of a figure: digits, number words, scale words and orders of magnitude.

The words come from the lexicon (``esgclaims/data/lexicon.toml``), read at first use.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal

from ._errors import ValueParseError
from ._lexicon import lexicon
from ._nouns import chinese_unit
from ._units import to_decimal

__all__ = [
    "NO_SCALE",
    "NUMBER",
    "chinese_share",
    "magnitude_phrase",
    "read_number",
    "read_scale",
    "scales",
    "word_number",
]

#: Marks text whose figure was a magnitude word itself ("thousands of farms"): no scale word follows.
NO_SCALE = "\x00"
#: Digits as a report writes them: "19.77", "1,200", ".5".
NUMBER = r"\d[\d,]*(?:\.\d+)?|\.\d+"

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


@functools.cache
def scales() -> dict[str, Decimal]:
    """Scale words, English and Chinese, to their multiple.

    Examples:
        >>> scales()["bn"], scales()["万"]
        (Decimal('1000000000'), Decimal('10000'))
    """
    return {word: Decimal(multiple) for word, multiple in (lexicon().scales | lexicon().zh_scales).items()}


@functools.cache
def _scale_words() -> tuple[str, ...]:
    return tuple(sorted(scales(), key=len, reverse=True))


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
    for phrase, low, high in _MAGNITUDES:
        if lowered.startswith(phrase + " "):
            return low, high, text[len(phrase) :].strip()
    for word, scale in _BARE_MAGNITUDES.items():
        if re.match(rf"^{word}\b", lowered):
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

    Examples:
        >>> read_number("19.77 million", "19.77 million")
        (Decimal('19.77'), Decimal('0.01'), 'million')
    """
    if re.match(r"^\d{1,3}(?: \d{3})+\b", text):
        raise ValueParseError(f"cannot read {original.strip()!r}: digits grouped by spaces; group them by commas")
    match = re.match(rf"^({NUMBER})", text)
    if match:
        digits = match.group(1)
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        return to_decimal(digits), Decimal(1).scaleb(-decimals), text[match.end() :].strip()
    word = word_number(text)
    if word is not None:
        return word[1], Decimal(1), text[len(word[0]) :].strip()
    raise ValueParseError(f"cannot read {original.strip()!r}: no figure found")


def _scale_word(text: str, has_currency: bool) -> str | None:
    lowered = text.lower()
    if chinese_unit(text) is not None:
        return None  # "千瓦时" is kWh and "千克" kg: the 千 of a unit's name is no scale ("3.1亿千瓦时")
    for word in _scale_words():
        if word == "m" and not has_currency:
            continue
        if lowered.startswith(word) and (not word.isascii() or not lowered[len(word) : len(word) + 1].isalnum()):
            return word
    return None


def read_scale(text: str, has_currency: bool) -> tuple[Decimal, bool, str]:
    """The scale words after a figure, multiplied: "hundred thousand" is 100000.

    Returns the multiple, whether any scale word was read, and the text after them.
    "m" is a million only after a currency ("US$5m").

    Examples:
        >>> read_scale("hundred thousand households", False)
        (Decimal('100000'), True, 'households')
    """
    if text.startswith(NO_SCALE):
        return Decimal(1), False, text[len(NO_SCALE) :].strip()
    scale, scaled = Decimal(1), False
    while (word := _scale_word(text, has_currency)) is not None:
        scale, scaled, text = scale * scales()[word], True, text[len(word) :].strip()
    if scaled and text.lower().startswith("of "):
        text = text[3:]
    return scale, scaled, text
