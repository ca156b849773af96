"""The decimal context esgclaims owns, and the limits a figure must keep to be accepted.

Every figure is an exact :class:`~decimal.Decimal`, and all arithmetic on figures
runs in :data:`CONTEXT`, never in the caller's context: a caller who sets
``decimal.getcontext().prec = 5`` gets the same results, and the library never
changes the caller's context.

The limits are checked at the door, when a number becomes a figure
(:func:`check_figure`, called by :func:`esgclaims._units.to_decimal`): at most
:data:`MAX_DIGITS` significant digits, below ``10 ** (MAX_ADJUSTED + 1)``, and no
digit past the :data:`MAX_PLACES` th decimal place. Every digit of an accepted
figure then lies between ``10**27`` and ``10**-50``: 78 positions. A sum or
difference of two figures, a figure widened by half its precision (79 positions)
or a figure times a tolerance (78 digits) fits the 80 digits of :data:`CONTEXT`,
so it is exact. A quotient cannot always be exact: it is rounded to
:data:`QUOTIENT_DIGITS` significant digits, half to even, in :data:`QUOTIENT`. The
exponent range (``Emax`` 999) holds every quotient of two figures (at most
``10**78``) times every unit scale, with room to spare, so no ``Overflow`` or
``InvalidOperation`` can arise after the door.

Examples:
    >>> import decimal
    >>> with decimal.localcontext() as caller:
    ...     caller.prec = 5
    ...     with arithmetic():
    ...         Decimal("9999999999999999999999999999") + Decimal("0.5")
    Decimal('9999999999999999999999999999.5')
    >>> check_figure(Decimal("1E-999990"))
    Traceback (most recent call last):
    ...
    esgclaims.InvalidValueError: expected a figure with no digit past the 50th decimal place, got 1E-999990
"""

from __future__ import annotations

import functools
import types
from contextvars import ContextVar
from decimal import (
    ROUND_HALF_EVEN,
    Context,
    Decimal,
    DivisionByZero,
    InvalidOperation,
    Overflow,
    getcontext,
    localcontext,
)
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from ._errors import InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Callable
    from contextlib import AbstractContextManager

__all__ = [
    "CONTEXT",
    "MAX_ADJUSTED",
    "MAX_DIGITS",
    "MAX_PLACES",
    "PRECISION",
    "QUOTIENT",
    "QUOTIENT_DIGITS",
    "arithmetic",
    "check_figure",
    "exact",
    "quotient",
    "to_figure",
]

#: Significant digits a figure may have: more than any report states.
MAX_DIGITS = 28
#: The largest adjusted exponent of a figure: figures stay below 10**28.
MAX_ADJUSTED = 27
#: Decimal places a figure may have: no digit below 10**-50 (a joule in kilowatt hours keeps its 28 digits).
MAX_PLACES = 50
#: The precision of :data:`CONTEXT`: every digit position a sum of figures can need, and one spare.
PRECISION = 80
#: Significant digits of a quotient, rounded half to even.
QUOTIENT_DIGITS = 28

_TRAPS = [InvalidOperation, DivisionByZero, Overflow]

#: The context all arithmetic on figures runs in: 80 digits, errors trapped.
CONTEXT = Context(
    prec=PRECISION, rounding=ROUND_HALF_EVEN, Emin=-999, Emax=999, capitals=1, clamp=0, flags=[], traps=_TRAPS
)
#: The context of a quotient: 28 digits, half to even.
QUOTIENT = Context(
    prec=QUOTIENT_DIGITS, rounding=ROUND_HALF_EVEN, Emin=-999, Emax=999, capitals=1, clamp=0, flags=[], traps=_TRAPS
)


def arithmetic() -> AbstractContextManager[Context]:
    """A local copy of :data:`CONTEXT` for a ``with`` block; the caller's context is restored after it.

    Examples:
        >>> with arithmetic() as context:
        ...     context.prec
        80
    """
    return localcontext(CONTEXT)


#: The context the outermost :func:`exact` call running in this thread (or task) entered: the calls
#: it makes to other exact functions run in it as they are, without entering a copy of their own.
_ENTERED: ContextVar[Context | None] = ContextVar("esgclaims_exact_context", default=None)

_P = ParamSpec("_P")
_R = TypeVar("_R")


def exact(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run ``function`` in :data:`CONTEXT`, whatever context its caller has set.

    Examples:
        >>> @exact
        ... def tenth(number: Decimal) -> Decimal:
        ...     return number + Decimal("0.1")
        >>> import decimal
        >>> with decimal.localcontext(prec=3):
        ...     tenth(Decimal("1000"))
        Decimal('1000.1')
    """
    enter, context, current, entered = localcontext, CONTEXT, getcontext, _ENTERED

    def in_context(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        if current() is entered.get():  # called from another exact function, in the context it entered
            return function(*args, **kwargs)
        with enter(context) as own:
            token = entered.set(own)
            try:
                return function(*args, **kwargs)
            finally:
                entered.reset(token)

    # The wrapper's code reads only its closure; built with the wrapped function's globals, it
    # belongs to the same module for doctest and inspect, as the function itself does.
    rebuilt = types.FunctionType(in_context.__code__, function.__globals__, None, None, in_context.__closure__)
    return functools.wraps(function)(rebuilt)


def quotient(dividend: Decimal, divisor: Decimal) -> Decimal:
    """``dividend / divisor``, exact when it fits 28 digits, else rounded to 28 significant digits.

    Examples:
        >>> quotient(Decimal(1), Decimal(3))
        Decimal('0.3333333333333333333333333333')
        >>> quotient(Decimal(1), Decimal(8))
        Decimal('0.125')
    """
    # QUOTIENT's own method divides in it, whatever the current context: no copy entered for one division.
    return QUOTIENT.divide(dividend, divisor)


_LAST_PLACE = Decimal(1).scaleb(-MAX_PLACES)


def to_figure(number: Decimal) -> Decimal:
    """A derived number rounded, half to even, to the digits a figure may have: 28 significant, 50 places.

    A value converted into another unit or currency is a figure again; this is its
    one explicit rounding. Its size is still checked at the door.

    Examples:
        >>> to_figure(Decimal("1.234567890123456789012345678901"))
        Decimal('1.234567890123456789012345679')
    """
    with localcontext(QUOTIENT) as context:
        rounded = context.plus(number)
        if rounded.is_finite() and rounded.as_tuple().exponent < -MAX_PLACES:  # type: ignore[operator]
            rounded = rounded.quantize(_LAST_PLACE)
        return rounded


def _text(number: Decimal) -> str:
    """``number`` for a message; a long one cut in the middle, with its length."""
    text = str(number)
    return text if len(text) <= 40 else f"{text[:16]}…{text[-16:]} ({len(text)} characters)"


def check_figure(number: Decimal) -> Decimal:
    """``number`` itself when it is a figure esgclaims accepts; an :class:`~esgclaims.InvalidValueError` if not.

    A figure is finite, has at most 28 significant digits, is below ``10**28`` and
    has no digit past the 50th decimal place. A negative zero is not refused here:
    :func:`esgclaims._units.plain` turns it into zero.

    Examples:
        >>> check_figure(Decimal("19.77"))
        Decimal('19.77')
        >>> check_figure(Decimal("1E+28"))
        Traceback (most recent call last):
        ...
        esgclaims.InvalidValueError: expected a figure below 10^28, got 1E+28
    """
    if not number.is_finite():
        raise InvalidValueError(f"expected a finite number, got {_text(number)}")
    if number.is_zero():
        return number
    if number.adjusted() > MAX_ADJUSTED:
        raise InvalidValueError(f"expected a figure below 10^{MAX_ADJUSTED + 1}, got {_text(number)}")
    _, digits, exponent = number.as_tuple()
    assert isinstance(exponent, int)  # noqa: S101 - a finite Decimal's exponent
    if exponent >= -MAX_PLACES and len(digits) <= MAX_DIGITS:
        return number  # within both limits with its trailing zeros: most figures, so they are not counted
    zeros = len(digits) - len(bytes(digits).rstrip(b"\x00"))  # trailing zeros are not significant
    if exponent + zeros < -MAX_PLACES:
        raise InvalidValueError(
            f"expected a figure with no digit past the {MAX_PLACES}th decimal place, got {_text(number)}"
        )
    if len(digits) - zeros > MAX_DIGITS:
        raise InvalidValueError(f"expected a figure of at most {MAX_DIGITS} significant digits, got {_text(number)}")
    return number
