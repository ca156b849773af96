"""One way to gather a file's errors, and the messages every kind of file shares.

Claim files and rate files are read alike: every problem of every record is
collected by an :class:`ErrorCollector`, and a file with any problem raises one
:class:`~esgclaims.LoadError` listing them all, so that nothing is half-read.
:func:`unknown` words the error of a field or table a record does not have;
:func:`choice` reads a field that takes one of a few words.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, TypeVar

from esgclaims._errors import EsgClaimsError, InvalidClaimError, LoadError, RecordError, did_you_mean
from esgclaims._format import counted

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

__all__ = ["ErrorCollector", "choice", "unknown"]

_N = TypeVar("_N", bound=enum.Enum)


def unknown(what: str, word: str, known: Iterable[str]) -> str:
    """The problem of a field (or table) a record does not have: the nearest name, else every name.

    The error names the field already, so the message does not repeat it.

    Examples:
        >>> unknown("field", "notes", ["note", "id"])
        "unknown field; did you mean 'note'?"
        >>> unknown("table", "rate", ["claims", "sources"])
        'unknown table; expected one of claims, sources'
    """
    known = list(known)
    return f"unknown {what}{did_you_mean(word, known) or '; expected one of ' + ', '.join(known)}"


def choice(enum_type: type[_N], value: str, error: type[EsgClaimsError] = InvalidClaimError) -> _N:
    """The member of ``enum_type`` whose value is ``value``; an ``error`` naming every option otherwise.

    Examples:
        >>> from esgclaims import Modality
        >>> choice(Modality, "target")
        Modality.TARGET
        >>> choice(Modality, "targte")
        Traceback (most recent call last):
        ...
        esgclaims.InvalidClaimError: expected one of achievement, commitment, target, got 'targte';
        did you mean 'target'?
    """
    try:
        return enum_type(value)
    except ValueError:
        names = [str(member.value) for member in enum_type]
        raise error(f"expected one of {', '.join(names)}, got {value!r}{did_you_mean(value, names)}") from None


class ErrorCollector:
    """Every :class:`~esgclaims.RecordError` of one file, raised together as one :class:`~esgclaims.LoadError`.

    In the spirit of packaging's ``_ErrorCollector``: readers add errors as they
    find them and go on; :meth:`finish` raises them all, or nothing.

    Examples:
        >>> from esgclaims import MissingFieldError
        >>> errors = ErrorCollector("rates.toml")
        >>> errors.error(MissingFieldError, "missing table", "top level", "rates")
        >>> errors.finish()
        Traceback (most recent call last):
        ...
        esgclaims.LoadError: rates.toml: 1 error; nothing was loaded
          rates.toml, top level, field 'rates': missing table
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.errors: list[RecordError] = []

    def __len__(self) -> int:
        return len(self.errors)

    def add(self, error: RecordError) -> None:
        """Keep ``error``, made elsewhere."""
        self.errors.append(error)

    def error(self, cls: type[RecordError], problem: str, record: str, field: str | None = None) -> None:
        """Keep a ``cls`` error of ``record`` (and ``field``) in this file."""
        self.errors.append(cls(problem, file=self.name, record=record, field=field))

    def finish(self, order: Callable[[RecordError], tuple[int, int]] | None = None) -> None:
        """Raise every error kept, as one :class:`~esgclaims.LoadError` (sorted by ``order``, if given).

        Raises:
            LoadError: at least one error was kept; it lists each.
        """
        if not self.errors:
            return
        errors = self.errors if order is None else sorted(self.errors, key=order)
        raise LoadError(f"{self.name}: {counted(len(errors), 'error')}; nothing was loaded", errors)
