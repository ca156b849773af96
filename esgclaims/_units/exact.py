"""Exact figures: a reported number read as a Decimal, and written without exponent or trailing zeros.

No pint here: a loader reads every figure, and loading claims imports no pint.
"""

from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation

from esgclaims._decimal import CONTEXT, check_figure
from esgclaims._digits import digits_problem
from esgclaims._errors import InvalidValueError

__all__ = ["plain", "to_decimal"]


def to_decimal(number: object) -> Decimal:
    """Turn a reported number into an exact, finite :class:`~decimal.Decimal`.

    Strings and integers are read exactly; a float goes through its shortest
    ``repr`` (``19.77`` stays ``19.77``), never through its binary expansion.

    Examples:
        >>> to_decimal(19.77) * 1000000
        Decimal('19770000.00')
        >>> to_decimal("47,300")
        Decimal('47300')
    """
    if isinstance(number, bool):
        raise InvalidValueError(f"expected a number, got a boolean ({number})")
    if isinstance(number, Decimal):
        result = number
    elif isinstance(number, int):
        result = Decimal(number)
    elif isinstance(number, float):
        if not math.isfinite(number):
            raise InvalidValueError(f"expected a finite number, got {number}")
        result = Decimal(repr(number))
    elif isinstance(number, str):
        digits = number.strip()
        problem = digits_problem(digits)  # the one grammar of digits: no "19,77", "5_000" or "0x10"
        if problem is not None:
            raise InvalidValueError(f"expected {problem.expected}, got {number!r}")
        try:
            result = Decimal(digits.replace(",", ""))
        except InvalidOperation:
            raise InvalidValueError(f"expected a decimal number, got {number!r}") from None
    else:
        raise InvalidValueError(f"expected a number, got {type(number).__name__}")
    return check_figure(result)


_ONE = Decimal(1)


def plain(number: Decimal) -> Decimal:
    """The same number without exponent or trailing zeros: ``1.977E+7`` is ``19770000``.

    Examples:
        >>> plain(Decimal("19770000.00")), plain(Decimal("1E+4")), plain(Decimal("0.50"))
        (Decimal('19770000'), Decimal('10000'), Decimal('0.5'))
    """
    if number.is_zero():
        return Decimal(0)
    if number == number.to_integral_value():
        return number.quantize(_ONE, context=CONTEXT)
    return number.normalize(CONTEXT)
