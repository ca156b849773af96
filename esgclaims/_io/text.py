"""The one way to read a file a user names: its bytes, its UTF-8 text, its TOML or JSON document.

Claim files, rate files and the texts ``esgclaims extract`` reads all come
through here, so that each failure reads alike whichever file it is.
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from typing import TYPE_CHECKING

from esgclaims._errors import FileFormatError, FileReadError

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["decode_text", "parse_json", "parse_toml", "read_file"]


def read_file(path: Path) -> bytes:
    """The bytes of a file a user named; a :class:`~esgclaims.FileReadError` naming it when it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as error:
        failure = FileReadError(f"{path}: cannot read the file: {error.strerror}")
        failure.errno, failure.filename = error.errno, str(path)
        raise failure from None


def decode_text(data: bytes, name: str) -> str:
    r"""UTF-8 text without a byte-order mark; a :class:`~esgclaims.FileFormatError` saying where it is not UTF-8.

    Examples:
        >>> decode_text(b"\xef\xbb\xbfclaims = []", "a.toml")
        'claims = []'
        >>> decode_text(b"caf\xe9", "a.toml")
        Traceback (most recent call last):
        ...
        esgclaims.FileFormatError: a.toml: not UTF-8 text (byte 0xe9 at offset 3); save it as UTF-8
    """
    try:
        # A byte-order mark, as some editors write, is not part of the text. (What the "utf-8-sig"
        # codec does, without looking that codec up and importing it: import time.)
        return data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError as error:
        offset = error.start + len(data) - len(error.object)  # the decoder counts from after a byte-order mark
        raise FileFormatError(
            f"{name}: not UTF-8 text (byte 0x{data[offset]:02x} at offset {offset}); save it as UTF-8"
        ) from None


def parse_toml(text: str, name: str) -> dict[str, object]:
    """A TOML document, its fractions exact; a :class:`~esgclaims.FileFormatError` saying where it is malformed."""
    try:
        return tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        raise FileFormatError(f"{name}: malformed TOML: {error}") from None
    except ValueError:  # int() refuses more than sys.get_int_max_str_digits() digits; say where they are
        raise FileFormatError(f"{name}: {_long_integer(text)}") from None


def _long_integer(text: str) -> str:
    """Where the integer too long for Python's ``int`` starts in ``text``, as a message."""
    import re  # noqa: PLC0415 - only this error needs it

    match = re.search(r"(?<![\w.])[+-]?\d[\d_]{999,}", text)
    if match is None:
        return "an integer too long to read"
    line = text.count("\n", 0, match.start()) + 1
    column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
    return (
        f"an integer of {len(match.group().replace('_', ''))} digits at line {line}, column {column}; "
        "expected a figure of at most 28 significant digits"
    )


def _json_int(digits: str) -> int | Decimal:
    """A JSON integer; one too long for ``int`` stays a Decimal, refused as a figure where it is used."""
    return int(digits) if len(digits) <= _INT_DIGITS else Decimal(digits)


_INT_DIGITS = 4000  # below Python's default limit on int() of 4300 digits


def parse_json(text: str, name: str) -> object:
    """A JSON document, its numbers exact; a :class:`~esgclaims.FileFormatError` saying where it is malformed."""
    import json  # noqa: PLC0415 - the dataset is TOML; import time matters

    try:
        return json.loads(text, parse_float=Decimal, parse_int=_json_int, parse_constant=Decimal)
    except json.JSONDecodeError as error:
        raise FileFormatError(
            f"{name}: malformed JSON at line {error.lineno}, column {error.colno}: {error.msg}"
        ) from None
