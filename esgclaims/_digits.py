"""The one grammar of written digits: what every reader of a figure accepts, and what it refuses.

Claim-file amounts, :func:`esgclaims.quantity`, :func:`esgclaims.parse_value` and
:func:`esgclaims.extract` all read digits through :func:`read_digits` (a figure at
the start of a phrase) or :func:`digits_problem` (a whole string), so that one
spelling means one figure everywhere:

- digits, with an optional decimal point: ``19.77``, ``.5``;
- commas group the whole part in threes only: ``1,200,000``; ``19,77`` and
  ``1,0,0,0`` are refused. A decimal comma is never read: ``19,77`` could be 19.77
  or a list, and nothing in the phrase says which; the refusal says to write
  ``19.77``. ``1.000,5`` (a point grouping thousands, a comma for decimals) is
  refused too, never read as 1.0005;
- an exponent is read as an exponent: ``1.2e6`` is 1,200,000, ``3.5E+06`` is
  3,500,000; its precision is that of the digits before it, scaled (``1.2e6`` is
  precise to 100,000);
- no underscores (``5_000``) and no hexadecimal (``0x10``): refused with a reason.

This module sits just above ``esgclaims._errors`` so that ``esgclaims._units`` (which
holds :func:`esgclaims.quantity`) can use it; :mod:`esgclaims._numbers`, the reader of
number words and scale words, builds on it.

Examples:
    >>> read_digits("1.2e6 tonnes")
    Digits(number=Decimal('1.2E+6'), places=1, exponent=6, end=5)
    >>> read_digits("19.77").precision, read_digits("1.2e6").precision
    (Decimal('0.01'), Decimal('1E+5'))
    >>> digits_problem("19,77").hint
    'write 19.77 for a decimal, or group the digits in threes (1,977)'

"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

__all__ = ["EXPONENT", "NUMBER", "Digits", "DigitsError", "DigitsProblem", "digits_problem", "read_digits"]

#: An exponent after digits: "e6", "E+06", "e-3".
EXPONENT = r"[eE][+-]?\d{1,6}(?![\d])"
#: Digits as a report writes them, in a longer pattern: "19.77", "1,200", ".5", "3.5E+06".
NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+(?![\d,])|\d+)(?:\.\d+)?(?:{EXPONENT})?|\.\d+(?:{EXPONENT})?"

# A run of digit-like characters at a position: everything a figure's digits could be
# mistaken for, so that a malformed one is refused whole rather than read in part.
_RUN = re.compile(r"(?:\d+(?:[,_]\d+)*)?(?:\.\d+(?:[,._]\d+)*)?")
_EXPONENT = re.compile(r"[eE]([+-]?\d+)")
_HEX = re.compile(r"0[xX][0-9a-fA-F]")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
#: The largest exponent written out: larger ones are no figure a report states.
MAX_EXPONENT_DIGITS = 6


class Digits(NamedTuple):
    """A figure's digits, read: the number, its decimal places as written, its exponent, where it ends."""

    number: Decimal
    places: int
    exponent: int
    end: int

    @property
    def precision(self) -> Decimal:
        """The place of the last digit written: ``1.2e6`` is precise to 100,000."""
        return Decimal(1).scaleb(self.exponent - self.places)


class DigitsProblem(NamedTuple):
    """Why a spelling of digits is refused: what was expected (for "expected ..., got ...") and what to write."""

    expected: str
    hint: str


_HEX_PROBLEM = DigitsProblem("a decimal number", "write the number in decimal digits, not hexadecimal")


class DigitsError(Exception):
    """Raised by :func:`read_digits` for digits it refuses; each reader turns it into its own error."""

    def __init__(self, problem: DigitsProblem, text: str) -> None:
        self.problem = problem
        self.text = text
        super().__init__(f"expected {problem.expected}, got {text!r}")


def _grouped_hint(whole: str) -> str:
    """What to write for commas that do not group threes: a decimal point, or commas every three digits."""
    head, _, tail = whole.rpartition(",")
    digits = whole.replace(",", "")
    grouped = f"group the digits in threes ({Decimal(digits):,})" if len(digits) <= 28 else "group the digits in threes"
    return f"write {head}.{tail} for a decimal, or {grouped}" if "," not in head else grouped


def _run_problem(run: str) -> DigitsProblem | None:
    """Why the digit run ``run`` (as :data:`_RUN` matches it) is no figure, or None when it is one."""
    whole, _, fraction = run.partition(".")
    if "_" in run:
        return DigitsProblem("digits without underscores", f"write {run.replace('_', '')}")
    if "," in fraction:  # "1.000,5": a point between thousands, a comma before the decimals
        written = run.replace(".", "").replace(",", ".")
        return DigitsProblem(
            "a decimal point, not a decimal comma", f"write {written}, with no separator between thousands"
        )
    if "." in fraction:
        return DigitsProblem("one decimal point", "write one decimal point, and commas between thousands")
    if "," in whole and not _GROUPED.fullmatch(whole):
        return DigitsProblem("digits grouped in threes by commas", _grouped_hint(whole))
    return None


def read_digits(text: str, position: int = 0) -> Digits | None:
    """The figure written in digits at ``position`` of ``text``, or None when no digit is there.

    Raises :class:`DigitsError` for digits that are refused: hexadecimal, underscores,
    commas not grouping threes, a decimal comma, an exponent of more than six digits.

    Examples:
        >>> read_digits("RMB 2.5e9", 4).number
        Decimal('2.5E+9')
        >>> read_digits("1,0,0,0 tonnes")
        Traceback (most recent call last):
        ...
        esgclaims._digits.DigitsError: expected digits grouped in threes by commas, got '1,0,0,0'
    """
    if _HEX.match(text, position):
        end = position + 2
        while end < len(text) and text[end] in "0123456789abcdefABCDEF":
            end += 1
        raise DigitsError(_HEX_PROBLEM, text[position:end])
    run = _RUN.match(text, position)
    assert run is not None  # noqa: S101 - the pattern matches the empty string
    digits = run.group()
    if not digits:  # each part of the run starts with a digit or a point and a digit: a run is empty or has one
        return None
    problem = _run_problem(digits)
    if problem is not None:
        raise DigitsError(problem, digits)
    end = run.end()
    exponent = 0
    power = _EXPONENT.match(text, end)
    if power is not None:
        written = power.group(1).lstrip("+-").lstrip("0")
        if len(written) > MAX_EXPONENT_DIGITS:
            raise DigitsError(
                DigitsProblem(f"an exponent of at most {MAX_EXPONENT_DIGITS} digits", "write the figure in digits"),
                text[position : power.end()],
            )
        exponent, end = int(power.group(1)), power.end()
    plain = digits.replace(",", "")
    number = Decimal(f"{plain}E{exponent}" if power is not None else plain)  # built from text: exact
    return Digits(number, len(digits.partition(".")[2]), exponent, end)


def digits_problem(text: str) -> DigitsProblem | None:
    """Why the whole string ``text`` is refused as digits, or None when :class:`~decimal.Decimal` may read it.

    Only the spellings this grammar refuses are named here; what no grammar reads
    ("abc", "NaN") is left to the caller's own message.

    Examples:
        >>> digits_problem("1.000,5").expected
        'a decimal point, not a decimal comma'
        >>> digits_problem("5_000")
        DigitsProblem(expected='digits without underscores', hint='write 5000')
        >>> digits_problem("-1,234.5e3") is None
        True
    """
    stripped = text.strip().lstrip("+-")
    if _HEX.match(stripped):
        return _HEX_PROBLEM
    if "_" in stripped:
        return DigitsProblem("digits without underscores", f"write {stripped.replace('_', '')}")
    run = _RUN.match(stripped)
    assert run is not None  # noqa: S101 - the pattern matches the empty string
    return _run_problem(run.group())
