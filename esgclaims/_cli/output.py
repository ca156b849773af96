r"""What the command line writes to a terminal: never a control character, never an encoding error.

Claim files come from anywhere, and their text reaches the terminal in tables and error
lines. A terminal acts on control characters (ESC starts an escape sequence, CR moves
the cursor back over what was written), so every one but tab and newline is shown as an
escape (``\x1b``) instead. Characters the terminal's encoding cannot show are written as
escapes too (``\u2014``), rather than stopping the command with an encoding error.
Data written to standard output (``esgclaims export`` without ``-o``) is the exception:
it is UTF-8, byte for byte what the file would hold.
"""

from __future__ import annotations

import io
import re
import sys
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["ClosedOutputError", "escape_controls", "terminal_output", "utf8_output"]

#: C0 controls but tab and newline, DEL, and the C1 controls: what a terminal may act on.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def escape_controls(text: str) -> str:
    r"""``text`` with every control character but tab and newline written as an escape.

    Examples:
        >>> escape_controls("Acme\x1b[31m Corp\r\n")
        'Acme\\x1b[31m Corp\\r\n'
    """
    return _CONTROLS.sub(lambda match: repr(match.group())[1:-1], text)


class ClosedOutputError(OSError):
    """Standard output is closed (``esgclaims list jd-2020 >&-``): there is nowhere to write the result."""


class _Escaping(io.TextIOBase):
    """A text stream that escapes control characters and what the underlying encoding cannot write."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._encoding = stream.encoding or "utf-8"

    @property
    def encoding(self) -> str:  # type: ignore[override] # io.TextIOBase declares it read-only
        return self._encoding

    def write(self, text: str) -> int:
        escaped = escape_controls(text).encode(self._encoding, "backslashreplace").decode(self._encoding)
        self._stream.write(escaped)
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def fileno(self) -> int:
        return self._stream.fileno()

    def isatty(self) -> bool:
        return self._stream.isatty()


class _Closed(io.TextIOBase):
    """Stands in for a closed standard output: writing to it is an error that says so."""

    def write(self, text: str) -> int:
        raise ClosedOutputError("standard output is closed; nothing can be written to it")

    def flush(self) -> None:
        pass


@contextmanager
def terminal_output() -> Iterator[None]:
    """Inside, standard output and standard error escape what a terminal must not act on."""
    saved = sys.stdout, sys.stderr
    sys.stdout = _Closed() if sys.stdout is None else _Escaping(sys.stdout)
    if sys.stderr is not None:
        sys.stderr = _Escaping(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


@contextmanager
def utf8_output() -> Iterator[TextIO]:
    """Standard output as UTF-8 text, whatever its encoding: for data, which must be written exactly."""
    stdout = sys.stdout
    if isinstance(stdout, _Escaping):
        stdout = stdout._stream  # noqa: SLF001 - our own wrapper
    if stdout is None or isinstance(stdout, _Closed):
        raise ClosedOutputError("standard output is closed; write the export to a file with -o")
    buffer = getattr(stdout, "buffer", None)
    if buffer is None:  # a text stream with no bytes below it (a test's StringIO) takes str as it is
        yield stdout
        return
    stdout.flush()
    utf8 = io.TextIOWrapper(buffer, encoding="utf-8", newline="", write_through=True)
    try:
        yield utf8
    finally:
        utf8.flush()
        utf8.detach()  # standard output stays open
