"""The one way to read a file a user names: its bytes, its UTF-8 text, its TOML or JSON document.

Claim files, rate files and the texts ``esgclaims extract`` reads all come
through here, so that each failure reads alike whichever file it is. What is read
is bounded: a regular file of at most :data:`MAX_FILE_BYTES` (never a device, a FIFO
or a directory), JSON without repeated keys, integers of at most
:data:`MAX_INTEGER_DIGITS` digits and TOML tables nested at most :data:`MAX_TOML_DEPTH`
deep, so that no file can make a load run out of time or memory.
"""

from __future__ import annotations

import os
import re
import stat
from decimal import Decimal
from typing import TYPE_CHECKING

from esgclaims._errors import FileFormatError, FileReadError

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_INTEGER_DIGITS",
    "MAX_TOML_DEPTH",
    "decode_text",
    "parse_json",
    "parse_toml",
    "read_file",
]

#: The largest file esgclaims reads: 64 MiB, some 200,000 claims or a report of 30 million characters.
MAX_FILE_BYTES = 64 * 1024 * 1024
#: The most digits an integer in a file may have; a figure keeps to fewer still (28 significant digits).
MAX_INTEGER_DIGITS = 40
#: The deepest a TOML key may nest (``a.b.c`` is 3); a claim file needs 3.
MAX_TOML_DEPTH = 16

_KINDS = {
    stat.S_ISDIR: "a directory",
    stat.S_ISCHR: "a character device",
    stat.S_ISBLK: "a block device",
    stat.S_ISFIFO: "a FIFO (named pipe)",
    stat.S_ISSOCK: "a socket",
}


def _read_failure(path: Path, why: str, errno: int | None = None) -> FileReadError:
    shown = str(path) if str(path).isprintable() else repr(str(path))
    failure = FileReadError(f"{shown}: cannot read the file: {why}")
    failure.errno, failure.filename = errno, str(path)
    return failure


def read_file(path: Path) -> bytes:
    """The bytes of a file a user named; a :class:`~esgclaims.FileReadError` naming it when it cannot be read.

    Only a regular file of at most :data:`MAX_FILE_BYTES` is read: a device, a FIFO
    or a directory is refused before anything is read from it.
    """
    try:
        # Opened without blocking, so that a FIFO with no writer is refused rather than waited on.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as stream:
            status = os.fstat(descriptor)
            mode = status.st_mode
            kind = next((name for test, name in _KINDS.items() if test(mode)), None)
            if kind is not None or not stat.S_ISREG(mode):
                raise _read_failure(path, f"it is {kind or 'not a regular file'}, not a file of text")
            os.set_blocking(descriptor, True)
            # As much as the file holds, and one byte more: a buffer of the largest size allowed
            # would be allocated for every file, however small (benchmarks/loading.py, peak memory).
            expected = min(status.st_size, MAX_FILE_BYTES) + 1
            data = stream.read(expected)
            if len(data) == expected:  # the file grew since fstat: read on, up to the limit
                data += stream.read(MAX_FILE_BYTES + 1 - len(data))
    except FileReadError:
        raise
    except OSError as error:
        raise _read_failure(path, str(error.strerror or error), error.errno) from None
    except ValueError as error:  # a NUL in the name: no file can have it
        raise _read_failure(path, f"the name is not a valid path ({error})") from None
    if len(data) > MAX_FILE_BYTES:
        raise _read_failure(path, f"it is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB, the most esgclaims reads")
    return data


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


# The patterns of this module are compiled at first use (re caches them), not on import: the
# shipped datasets are read from JSON, which needs none of them (benchmarks/coldstart.py).
#: A TOML key of more than MAX_TOML_DEPTH parts, in a table header or before "=": bare, quoted or dotted.
_DEEP_KEY = (
    rf"(?m)^[ \t]*\[{{1,2}}[ \t]*(?:[^.\]\n]*\.){{{MAX_TOML_DEPTH}}}"  # [a.b.c...] and [[a.b.c...]]
    rf"|^[ \t]*(?:[^.=\[\n#]*\.){{{MAX_TOML_DEPTH}}}[^=\n]*="  # a.b.c... = value
)
#: MAX_TOML_DEPTH dots on one line, as every key :data:`_DEEP_KEY` finds has: the quick look first
#: (this one starts at a dot; that one tries every character).
_MANY_DOTS = rf"\.(?:[^\n.]*\.){{{MAX_TOML_DEPTH - 1}}}"
_LONG_INTEGER = rf"(?<![\w.])[+-]?\d(?:_?\d){{{MAX_INTEGER_DIGITS},}}"


def parse_toml(text: str, name: str) -> dict[str, object]:
    """A TOML document, its fractions exact; a :class:`~esgclaims.FileFormatError` saying where it is malformed.

    Examples:
        >>> parse_toml("[" + ".".join(["a"] * 20) + "]", "deep.toml")
        Traceback (most recent call last):
        ...
        esgclaims.FileFormatError: deep.toml, line 1: a key nested more than 16 deep; a claim file needs 3
    """
    deep = None if re.search(_MANY_DOTS, text) is None else re.search(_DEEP_KEY, text)
    if deep is not None:
        line = text.count("\n", 0, deep.start()) + 1
        raise FileFormatError(
            f"{name}, line {line}: a key nested more than {MAX_TOML_DEPTH} deep; a claim file needs 3"
        )
    import tomllib  # noqa: PLC0415 - the shipped datasets are read from their JSON twins: import time

    try:
        return tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        raise FileFormatError(f"{name}: malformed TOML: {error}") from None
    except ValueError:  # an integer too long for int(): Python refuses it before any limit of ours
        raise _long_integer(text, name) from None


def _long_integer(text: str, name: str) -> FileFormatError:
    found = re.search(_LONG_INTEGER, text)
    where = "" if found is None else f", line {text.count(chr(10), 0, found.start()) + 1}"
    return FileFormatError(f"{name}{where}: an integer of more than {MAX_INTEGER_DIGITS} digits; no figure has so many")


def parse_json(text: str, name: str) -> object:
    """A JSON document, its numbers exact; a :class:`~esgclaims.FileFormatError` saying where it is malformed.

    A key written twice in one object is an error, as it is in TOML: JSON readers
    would keep the last one silently.

    Examples:
        >>> parse_json('{"amount": "110", "amount": "999"}', "twice.json")
        Traceback (most recent call last):
        ...
        esgclaims.FileFormatError: twice.json: malformed JSON: key 'amount' twice in one object; write each key once
    """
    import json  # noqa: PLC0415 - the dataset is TOML; import time matters

    def unique(pairs: list[tuple[str, object]]) -> dict[str, object]:
        document = dict(pairs)  # built in C; a key written twice leaves the table shorter than its pairs
        if len(document) < len(pairs):
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen:
                    raise FileFormatError(
                        f"{name}: malformed JSON: key {key!r} twice in one object; write each key once"
                    )
                seen.add(key)
        return document

    def integer(digits: str) -> int | Decimal:
        # One too long for a figure stays a Decimal, refused where it is used, with its record and field.
        short = len(digits) <= MAX_INTEGER_DIGITS or len(digits.lstrip("-")) <= MAX_INTEGER_DIGITS
        return int(digits) if short else Decimal(digits)

    try:
        document = json.loads(
            text, parse_float=Decimal, parse_constant=Decimal, parse_int=integer, object_pairs_hook=unique
        )
    except json.JSONDecodeError as error:
        raise FileFormatError(
            f"{name}: malformed JSON at line {error.lineno}, column {error.colno}: {error.msg}"
        ) from None
    if "\\u" in text:  # only an escape makes a surrogate: UTF-8 text cannot hold one
        _refuse_surrogates(document, text, name)
    return document


#: A \\uD800-\\uDFFF escape that is not one half of a pair (after an even number of backslashes).
_LONE_SURROGATE = (
    r"(?<!\\)(?:\\\\)*(?P<escape>\\u[dD][89abAB][0-9a-fA-F]{2})(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
    r"|(?<!\\)(?:\\\\)*(?<!\\u[dD][89abAB][0-9a-fA-F]{2})(?P<low>\\u[dD][c-fC-F][0-9a-fA-F]{2})"
)


def _refuse_surrogates(document: object, text: str, name: str) -> None:
    r"""A :class:`~esgclaims.FileFormatError` if a string of ``document`` holds a lone surrogate, which no file can.

    JSON escapes such as ``"\ud800"`` decode to half of a UTF-16 pair: Python keeps it,
    but it is no character and cannot be written as UTF-8, so a file holding it would
    load and then fail in every view and every write.

    Examples:
        >>> parse_json('{"name": "a\\ud800b"}', "bad.json")
        Traceback (most recent call last):
        ...
        esgclaims.FileFormatError: bad.json, line 1, column 12: '\ud800' is half of a surrogate pair, ...
        >>> parse_json('{"name": "\\ud83d\\ude00"}', "good.json")
        {'name': '😀'}
    """
    stack = [document]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack += item.keys()
            stack += item.values()
        elif isinstance(item, list):
            stack += item
        elif isinstance(item, str) and not item.isprintable() and any("\ud800" <= char <= "\udfff" for char in item):
            break
    else:
        return
    found = re.search(_LONE_SURROGATE, text)
    if found is None:  # not expected: the escape that made it is in the text
        raise FileFormatError(f"{name}: a string holds half of a surrogate pair, not a character")
    escape = found.group("escape") or found.group("low")
    start = found.start("escape") if found.group("escape") else found.start("low")
    line = text.count("\n", 0, start) + 1
    column = start - text.rfind("\n", 0, start)
    raise FileFormatError(
        f"{name}, line {line}, column {column}: '{escape}' is half of a surrogate pair, not a character; "
        "write the character itself"
    )
