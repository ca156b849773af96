"""The errors esgclaims raises.

Every error a user can cause is an :class:`EsgClaimsError`, and each concrete
error also subclasses the built-in exception that fits it, so ``except
ValueError`` keeps working in code that does not know esgclaims::

    EsgClaimsError
    ├── UnitError(ValueError)            unknown unit, or a unit that does not fit
    ├── ValueParseError(ValueError)      parse_value could not read a phrase
    ├── PeriodError(ValueError)          unreadable or ambiguous period, impossible date,
    │                                    a span that ends before it starts
    ├── InvalidValueError(ValueError)    a reported value that cannot exist (NaN, negative, inverted bounds)
    ├── InvalidClaimError(ValueError)    a claim, metric or set that breaks an invariant
    ├── RecordError(ValueError)          one bad field of one record in a file
    │   ├── MissingFieldError
    │   ├── UnknownFieldError
    │   ├── FieldTypeError(TypeError)
    │   └── UnknownReferenceError(LookupError)
    ├── FileFormatError(ValueError)      not UTF-8, empty, malformed TOML or JSON
    ├── FileReadError(OSError)           a file that cannot be read (missing, a directory, no permission)
    ├── FileWriteError(OSError)          a file that cannot be written; the old one is left whole
    ├── LoadError(ValueError, ExceptionGroup)   every RecordError of one file
    ├── SourcesError(ExceptionGroup)     the errors of several files at once (the command line's; not exported)
    ├── DatasetNotFoundError(LookupError)
    ├── ClaimNotFoundError(KeyError)     no claim with that id in a ClaimSet
    ├── ArgumentTypeError(TypeError)     an argument of a type the function does not take
    │   ├── ComparisonError              compare() or ratio() given something other than a claim,
    │   │                                or a claim that states no figure
    │   └── ConversionTypeError          convert() given something other than a value or a claim
    │       └── MissingRateError         convert() without an FxRate (none, or a bare number)
    ├── MissingExtraError(ImportError)   an optional extra (pandas, matplotlib) is not installed
    ├── InvalidRateError(ValueError)     an exchange rate that cannot exist: not positive, one currency twice,
    │                                    a code that is not a currency, a period its kind cannot have
    ├── CurrencyError(UnitError)         a conversion between the wrong currencies: a value that is not money,
    │                                    a rate for another pair, a value already in the target currency
    ├── RateMismatchError(ValueError)    a rate whose kind or period does not fit the claim's period
    └── RateNotFoundError(LookupError)   no rate in a table for that pair of currencies and year

Warnings say what was done anyway and what to do instead::

    EsgClaimsWarning(UserWarning)
    └── RateMismatchWarning              a rate that does not fit the claim, used because strict=False
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

_T = TypeVar("_T")

__all__ = [
    "ArgumentCheck",
    "ArgumentTypeError",
    "ClaimNotFoundError",
    "ComparisonError",
    "ConversionTypeError",
    "CurrencyError",
    "DatasetNotFoundError",
    "EsgClaimsError",
    "EsgClaimsWarning",
    "FieldTypeError",
    "FileFormatError",
    "FileReadError",
    "FileWriteError",
    "InvalidClaimError",
    "InvalidRateError",
    "InvalidValueError",
    "LoadError",
    "MissingExtraError",
    "MissingFieldError",
    "MissingRateError",
    "PeriodError",
    "RateMismatchError",
    "RateMismatchWarning",
    "RateNotFoundError",
    "RecordError",
    "UnitError",
    "UnknownFieldError",
    "UnknownReferenceError",
    "ValueParseError",
    "check_argument",
    "check_items",
    "known_confusion",
    "suggestion",
]


def did_you_mean(word: str, known: Iterable[str], n: int = 1) -> str:
    """``"; did you mean 'RMB'?"`` for the near misses (at most ``n``) among ``known``, else ``""``.

    The one "did you mean" of every message: unknown fields, units, ids, datasets.
    Only the :data:`MOST_CANDIDATES` known words nearest in length are compared, each
    answer is remembered (a file with one typo a thousand times asks once), and inside
    :func:`no_hints` nothing is compared at all.

    Examples:
        >>> did_you_mean("RMBB", ["RMB", "USD"])
        "; did you mean 'RMB'?"
        >>> did_you_mean("jd-2020/donation", ["jd-2020/donations", "jd-2020/donated", "jd-2020/x"], n=3)
        "; did you mean 'jd-2020/donations', 'jd-2020/donated' or 'jd-2020/x'?"
        >>> did_you_mean("xyz", ["RMB"])
        ''
        >>> with no_hints():
        ...     did_you_mean("RMBB", ["RMB"])
        ''
    """
    if not _HINTS.get():
        return ""
    return _did_you_mean(word, tuple(known), n)


#: How many known words a "did you mean" compares at most: those nearest in length to the unknown one.
MOST_CANDIDATES = 1000
#: difflib's cutoff: a hint is at least this similar to the word.
_CUTOFF = 0.6
_HINTS: ContextVar[bool] = ContextVar("esgclaims_hints", default=True)


@lru_cache(maxsize=256)
def _did_you_mean(word: str, known: tuple[str, ...], n: int) -> str:
    import difflib  # noqa: PLC0415 - only errors need it, and import time is a target

    # difflib's own first test (real_quick_ratio): a word too short or too long can never reach the cutoff
    size = len(word)
    near = [x for x in known if not size + len(x) or 2.0 * min(size, len(x)) / (size + len(x)) >= _CUTOFF]
    if len(near) > MOST_CANDIDATES:
        near = sorted(near, key=lambda x: abs(len(x) - size))[:MOST_CANDIDATES]
    hints = [repr(hint) for hint in difflib.get_close_matches(word, near, n=n, cutoff=_CUTOFF)]
    if not hints:
        return ""
    return f"; did you mean {hints[0] if len(hints) == 1 else ', '.join(hints[:-1]) + ' or ' + hints[-1]}?"


#: The known confusions of esgclaims/data/confusions.toml, read on the first suggestion.
_CONFUSIONS: dict[str, dict[str, str]] = {}


def known_confusion(table: str, word: str) -> str | None:
    """What esgclaims calls the metric kind (``table="kinds"``) or unit (``"units"``) a person wrote as ``word``.

    Looked up before the nearest spelling, which would offer "share" for "hectare".

    Examples:
        >>> known_confusion("kinds", "Hectares"), known_confusion("units", "cubic metre")
        ('area', 'm3')
        >>> known_confusion("units", "RMBB") is None
        True
    """
    if not _CONFUSIONS:
        import tomllib  # noqa: PLC0415 - only errors need it

        data = files("esgclaims").joinpath("data", "confusions.toml").read_text(encoding="utf-8")
        _CONFUSIONS.update(tomllib.loads(data))
    key = re.sub(r"[\s_-]+", "_", word.strip().lower())
    return _CONFUSIONS.get(table, {}).get(key)


def suggestion(table: str, word: str, known: list[str]) -> str:
    """``"; did you mean 'area'?"``: a known confusion first, else the nearest of ``known``, else ``""``.

    Examples:
        >>> suggestion("kinds", "hectare", ["share", "area"]), suggestion("kinds", "shares", ["share", "area"])
        ("; did you mean 'area'?", "; did you mean 'share'?")
    """
    confused = known_confusion(table, word)
    if confused is not None and confused != word:
        return f"; did you mean {confused!r}?"
    return did_you_mean(word, known)


@contextmanager
def no_hints() -> Iterator[None]:
    """Build no "did you mean" hints in this block: for lookups whose errors are caught and thrown away.

    :func:`esgclaims.extract` tries many words as units and keeps the ones that are;
    the hints of the others would never be seen (examples under :func:`did_you_mean`).
    """
    token = _HINTS.set(False)
    try:
        yield
    finally:
        _HINTS.reset(token)


class EsgClaimsError(Exception):
    """The base of every error esgclaims raises for bad input or misuse."""


class _TextError(EsgClaimsError, ValueError):
    """An error about a piece of text a user gave: it keeps the ``text`` and a ``hint``, also when pickled.

    One rule for ``text``: it is the phrase the user passed to the public function, with
    the whitespace around it stripped, also when only a part of it failed (the message
    names the part). For :func:`~esgclaims.parse_value`, :func:`~esgclaims.parse_period`
    and :func:`~esgclaims.parse_date` that is their ``text``; for
    :func:`~esgclaims.parse_unit` and :func:`~esgclaims.quantity` the unit as written;
    for :func:`~esgclaims.register_count_kind` the name or plural refused. A period
    built from numbers (``PartialDate(2020, 13)``) carries the number refused, as text.
    ``text`` is ``None`` only where no text was given at all (a unit that is not a string).

    ``hint`` says what to write instead, or what was expected; it is ``None`` only where
    there is nothing to suggest (an unknown unit with no near miss).

    Attributes:
        text: The phrase as the user passed it, stripped, or ``None`` when there is none.
        hint: What to write instead, or ``None``.

    Examples:
        >>> import esgclaims
        >>> try:
        ...     esgclaims.parse_value("  around 19,77 tonnes ")
        ... except esgclaims.ValueParseError as error:
        ...     print(error.text, "|", error.hint)
        around 19,77 tonnes | write 19.77 for a decimal, or group the digits in threes (1,977)
    """

    def __init__(self, message: str, *, text: str | None = None, hint: str | None = None) -> None:
        self.text = text
        self.hint = hint
        super().__init__(message)

    def __reduce__(self) -> tuple[object, ...]:  # keep the fields through pickling (and copy)
        return (_rebuild_text_error, (type(self), str(self.args[0]) if self.args else "", self.text, self.hint))


def _rebuild_text_error(cls: type[_TextError], message: str, text: str | None, hint: str | None) -> _TextError:
    return cls(message, text=text, hint=hint)


class UnitError(_TextError):
    """A unit name that is not in the registry, or a unit that does not fit.

    ``text`` is the unit as the user wrote it (see ``_TextError`` for the rule), ``hint``
    the nearest known unit or what a unit must look like.
    """


class ValueParseError(_TextError):
    """A phrase that :func:`esgclaims.parse_value` cannot read.

    ``text`` is the whole phrase passed to ``parse_value`` (stripped), also when one word
    of it failed; ``hint`` says what to write instead.
    """


class PeriodError(_TextError):
    """A period phrase that is unreadable or ambiguous, or a period that cannot exist.

    ``text`` is the whole phrase passed to ``parse_period`` or ``parse_date`` (stripped),
    or, for a period built from numbers, the number refused; ``hint`` says what to write instead.
    """


class InvalidValueError(EsgClaimsError, ValueError):
    """A reported value that cannot exist: NaN, infinite, negative, inverted bounds."""


class InvalidClaimError(EsgClaimsError, ValueError):
    """A claim, metric or claim set that breaks one of the model's invariants."""


class RecordError(EsgClaimsError, ValueError):
    """One bad field of one record of a claim file.

    Attributes:
        file: The file's name (or ``"<data>"``).
        record: The record, e.g. ``"claim 'jd-2020/donations'"`` or ``"metrics[3]"``.
        field: The field, e.g. ``"value.unit"``, or ``None`` for the record as a whole.
        problem: What was expected and what arrived.
    """

    def __init__(self, problem: str, *, file: str = "<data>", record: str = "", field: str | None = None) -> None:
        self.file = file
        self.record = record
        self.field = field
        self.problem = problem
        super().__init__(self._render())

    def _render(self) -> str:
        where = [self.file]
        if self.record:
            where.append(self.record)
        if self.field:
            where.append(f"field {self.field!r}")
        return f"{', '.join(where)}: {self.problem}"

    def __reduce__(self) -> tuple[object, ...]:  # keep pickling (and copy) working
        return (_rebuild_record_error, (type(self), self.problem, self.file, self.record, self.field))


def _rebuild_record_error(
    cls: type[RecordError], problem: str, file: str, record: str, field: str | None
) -> RecordError:
    return cls(problem, file=file, record=record, field=field)


class MissingFieldError(RecordError):
    """A required field is absent."""


class UnknownFieldError(RecordError):
    """A field that the record's type does not have (often a typo)."""


class FieldTypeError(RecordError, TypeError):
    """A field of the wrong type: a list where a string belongs, a bool for a number."""


class UnknownReferenceError(RecordError, LookupError):
    """An id that names no organization, program, metric or source in the file."""


class FileFormatError(EsgClaimsError, ValueError):
    """A file that is not a claim file at all: not UTF-8, empty, malformed TOML or JSON."""


class FileReadError(EsgClaimsError, OSError):
    """A file that cannot be read at all: missing, a directory, no permission.

    ``errno`` and ``filename`` are set as on the :class:`OSError` it stands for.
    """

    def __str__(self) -> str:
        return str(self.args[0])


class FileWriteError(EsgClaimsError, OSError):
    """A file that cannot be written: a missing folder, no permission, a full disk. The old file is left whole.

    ``errno`` and ``filename`` are set as on the :class:`OSError` it stands for.
    """

    def __str__(self) -> str:
        return str(self.args[0])


class LoadError(EsgClaimsError, ValueError, ExceptionGroup[RecordError]):
    """Every bad record of one file, reported together; nothing was loaded.

    ``str()`` gives one line per error, each naming file, record and field.
    """

    def __new__(cls, message: str, errors: Sequence[RecordError]) -> LoadError:
        # ExceptionGroup, not the next class in the MRO (ValueError), lays out the
        # instance: ``super().__new__`` would reach ``BaseException.__new__`` and fail.
        return ExceptionGroup.__new__(cls, message, list(errors))

    def __init__(self, message: str, errors: Sequence[RecordError]) -> None:
        super().__init__(message, list(errors))

    def __str__(self) -> str:
        lines = [self.message, *(f"  {error}" for error in self.exceptions)]
        return "\n".join(lines)

    def derive(self, excs: Sequence[RecordError]) -> LoadError:  # type: ignore[override]
        return LoadError(self.message, excs)


class SourcesError(EsgClaimsError, ExceptionGroup[EsgClaimsError]):
    """Errors of several inputs reported together, as the command line does for its files; not exported.

    ``str()`` gives the message and one line per error.
    """

    def __new__(cls, message: str, errors: Sequence[EsgClaimsError]) -> SourcesError:
        return ExceptionGroup.__new__(cls, message, list(errors))  # as LoadError, for the same reason

    def __init__(self, message: str, errors: Sequence[EsgClaimsError]) -> None:
        super().__init__(message, list(errors))

    def __str__(self) -> str:
        return "\n".join(
            [self.message, *(f"  {line}" for error in self.exceptions for line in str(error).splitlines())]
        )

    def derive(self, excs: Sequence[EsgClaimsError]) -> SourcesError:  # type: ignore[override]
        return SourcesError(self.message, excs)


class DatasetNotFoundError(EsgClaimsError, LookupError):
    """A dataset name that esgclaims does not ship."""


class ClaimNotFoundError(EsgClaimsError, KeyError):
    """An id that no claim of a :class:`~esgclaims.ClaimSet` has."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""  # KeyError would print its repr, in quotes


class ArgumentTypeError(EsgClaimsError, TypeError):
    """An argument of a type the function does not take: bytes where text is expected, a list for a ClaimSet."""


def check_argument(value: object, expected: type | tuple[type, ...], *, where: str, what: str) -> None:
    """Raise :class:`ArgumentTypeError` unless ``value`` is an ``expected`` instance: the one argument check.

    Examples:
        >>> check_argument(b"x.toml", str, where="load(): path", what="a path (str or os.PathLike)")
        Traceback (most recent call last):
        ...
        esgclaims.ArgumentTypeError: load(): path must be a path (str or os.PathLike), got bytes b'x.toml'
    """
    types = expected if isinstance(expected, tuple) else (expected,)
    if isinstance(value, types) and not (isinstance(value, bool) and bool not in types):  # True is no number
        return
    shown = repr(value)
    shown = shown if len(shown) <= 40 else shown[:37] + "..."
    raise ArgumentTypeError(f"{where} must be {what}, got {type(value).__name__} {shown}")


def check_items(values: Iterable[_T], expected: type[_T], *, where: str, what: str) -> tuple[_T, ...]:
    """``tuple(values)``, raising :class:`ArgumentTypeError` for a non-iterable or an item not ``expected``.

    Examples:
        >>> check_items(b"x", str, where="Organization(): aliases", what="a list of names")
        Traceback (most recent call last):
        ...
        esgclaims.ArgumentTypeError: Organization(): aliases must be a list of names, got int 120
    """
    if not hasattr(values, "__iter__"):
        check_argument(values, tuple, where=where, what=what)
    result = tuple(values)
    for item in result:
        check_argument(item, expected, where=where, what=what)
    return result


class ArgumentCheck:
    """An attrs validator doing :func:`check_argument` on one field (``where``; not an ``int`` one): one isinstance.

    Examples:
        >>> ArgumentCheck(str, where="Box(): label", what="text")(None, None, b"x")
        Traceback (most recent call last):
        ...
        esgclaims.ArgumentTypeError: Box(): label must be text, got bytes b'x'
    """

    __slots__ = ("expected", "what", "where")

    def __init__(self, expected: type | tuple[type, ...], *, where: str, what: str) -> None:
        self.expected, self.where, self.what = expected, where, what

    def __call__(self, _: object, __: object, value: Any) -> None:  # noqa: ANN401 - any field's type
        if not isinstance(value, self.expected):
            check_argument(value, self.expected, where=self.where, what=self.what)

    def __repr__(self) -> str:
        return f"<ArgumentCheck {self.where}: {self.what}>"


class MissingExtraError(EsgClaimsError, ImportError):
    """A feature that needs an optional extra (``esgclaims[pandas]``, ``esgclaims[plot]``) that is not installed."""


class ComparisonError(ArgumentTypeError):
    """A comparison asked of something that is not a claim, or of a claim without a figure."""


class InvalidRateError(EsgClaimsError, ValueError):
    """An exchange rate that cannot exist: not positive, one currency twice, an unknown currency, a wrong period."""


class CurrencyError(UnitError):
    """A conversion between the wrong currencies: a value that is not money, or a rate for another pair."""


class RateMismatchError(EsgClaimsError, ValueError):
    """A rate whose kind or period does not fit the claim: an annual average for a total as of a date.

    ``convert(..., strict=False)`` turns it into a :class:`RateMismatchWarning`.
    """


class RateNotFoundError(EsgClaimsError, LookupError):
    """No rate in a rate table for that pair of currencies and year."""


class ConversionTypeError(ArgumentTypeError):
    """An argument of :func:`esgclaims.convert` of the wrong type."""


class MissingRateError(ConversionTypeError):
    """:func:`esgclaims.convert` called without an :class:`~esgclaims.FxRate`: no rate, or a bare number."""


class EsgClaimsWarning(UserWarning):
    """The base of every warning esgclaims issues: something done on request that deserves a second look."""


class RateMismatchWarning(EsgClaimsWarning):
    """A rate that does not fit the claim, used anyway because ``strict=False``."""
