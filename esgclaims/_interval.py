"""Intervals of quantities, with open or closed and possibly unbounded ends."""

from __future__ import annotations

from decimal import Decimal, localcontext

import attrs

from ._decimal import CONTEXT, exact, quotient
from ._errors import ArgumentCheck, InvalidValueError, UnitError
from ._format import MINUS, format_quantity

# Types of attrs fields stay importable at runtime, for attrs.resolve_types and typing.get_type_hints.
from ._units import (
    Quantity,
    Unit,
    converted,
    decimal_quantity,
    quantity_like,
    shared_unit,
    unit_of,
    ureg,
    without_scales,
)

__all__ = ["Interval", "from_bounds"]

_BOUND = "a quantity (esgclaims.quantity) or None"


@attrs.frozen
class Interval:
    """The set of values a statement allows: ``low`` to ``high``.

    ``None`` for an end means unbounded. Each end is closed (the value itself is
    allowed) or open; an unbounded end is always open. Both bounds are kept in the
    unit of ``low``. An interval unbounded at both ends (the difference of two
    "more than" figures) keeps its unit in ``unit``.

    Examples:
        >>> from esgclaims import quantity
        >>> Interval(quantity(3000000, "item"), None, low_closed=False)
        Interval('(3,000,000 items, ∞)')
    """

    low: Quantity | None = attrs.field(
        validator=ArgumentCheck((ureg.Quantity, type(None)), where="Interval(): low", what=_BOUND)
    )
    high: Quantity | None = attrs.field(
        validator=ArgumentCheck((ureg.Quantity, type(None)), where="Interval(): high", what=_BOUND)
    )
    low_closed: bool = True
    high_closed: bool = True
    unit: Unit | None = attrs.field(default=None, kw_only=True, eq=False, repr=False)
    """The unit when neither end is bounded; otherwise that of the bounds."""

    def __attrs_post_init__(self) -> None:
        # Not run in CONTEXT as a whole (an interval is built several times a comparison): a bound is
        # converted in it by _exact_to, and magnitudes in one unit compare exactly in any context.
        low, high = self.low, self.high
        bound = low if low is not None else high
        if bound is None and self.unit is None:
            raise InvalidValueError("an interval unbounded at both ends needs its unit")
        if bound is not None:
            object.__setattr__(self, "unit", unit_of(bound))
        # An unbounded end is open, so one set of values has one representation.
        if low is None:
            object.__setattr__(self, "low_closed", False)
        if high is None:
            object.__setattr__(self, "high_closed", False)
        elif low is not None:
            self._check_bounds(low, high)

    def _check_bounds(self, low: Quantity, high: Quantity) -> None:
        """``high`` put in the unit of ``low`` when it is not; an empty interval refused."""
        one_unit = _same_unit(high, low)
        if not one_unit:
            if low.dimensionality != high.dimensionality:
                raise UnitError(
                    f"interval bounds of different dimensions: {low.units} and {high.units}",
                    text=str(high.units),
                    hint=f"a unit of the same dimension as {low.units}",
                )
            high = _exact_to(high, low.units)
            object.__setattr__(self, "high", high)
            one_unit = _same_unit(high, low)
        if one_unit:
            _refuse_empty(low, high, self.low_closed and self.high_closed)
            return
        with localcontext(CONTEXT):
            below, same = high < low, high == low
        if below or (same and not (self.low_closed and self.high_closed)):
            raise _empty(low, high)

    @property
    def units(self) -> Unit:
        """The unit of the bounds."""
        assert self.unit is not None  # noqa: S101 - set in __attrs_post_init__
        return self.unit

    @exact
    def contains(self, value: Quantity) -> bool:
        """Whether ``value`` lies in the interval."""
        if self.low is not None and (value < self.low or (value == self.low and not self.low_closed)):
            return False
        return not (self.high is not None and (value > self.high or (value == self.high and not self.high_closed)))

    @exact
    def overlaps(self, other: Interval) -> bool:
        """Whether the two intervals share at least one value."""
        return not (_ends_before(self, other) or _ends_before(other, self))

    @property
    def is_point(self) -> bool:
        """True when low and high are the same single value."""
        return self.low is not None and self.low == self.high

    @exact
    def __str__(self) -> str:
        left = "[" if self.low_closed and self.low is not None else "("
        right = "]" if self.high_closed and self.high is not None else ")"
        low = f"{MINUS}∞" if self.low is None else format_quantity(self.low)
        high = "∞" if self.high is None else format_quantity(self.high)
        if self.is_point:
            return f"[{low}]"
        return f"{left}{low}, {high}{right}"

    def __repr__(self) -> str:
        return f"Interval({str(self)!r})"

    @exact
    def __neg__(self) -> Interval:
        unit = self.units
        return from_bounds(
            None if self.high is None else _make(-self.high.magnitude, unit),
            None if self.low is None else _make(-self.low.magnitude, unit),
            self.high_closed,
            self.low_closed,
            unit,
        )

    @exact
    def __sub__(self, other: Interval) -> Interval:
        """Every ``x - y`` for ``x`` in this interval and ``y`` in ``other`` (same dimension)."""
        if not isinstance(other, Interval):
            return NotImplemented
        unit = self.units
        other = other.to(unit)  # both in one unit: the magnitudes subtract as the quantities would
        return from_bounds(
            None if self.low is None or other.high is None else _make(self.low.magnitude - other.high.magnitude, unit),
            None if self.high is None or other.low is None else _make(self.high.magnitude - other.low.magnitude, unit),
            self.low_closed and other.high_closed,
            self.high_closed and other.low_closed,
            unit,
        )

    @exact
    def __truediv__(self, other: Interval) -> Interval:
        """Every ``x / y`` for ``x`` in this interval and ``y`` in ``other``; both non-negative.

        A divisor of zero is left out: ``[1, 2] / [0, 4]`` is ``[0.25, ∞)``.

        Examples:
            >>> from esgclaims import quantity
            >>> sales = Interval(quantity("100000000000", "CNY"), quantity("100000000000", "CNY"))
            >>> households = Interval(quantity(1000000, "household"), None, low_closed=False)
            >>> sales / households
            Interval('(RMB 0 per household, RMB 100,000 per household)')
        """
        if not isinstance(other, Interval):
            return NotImplemented
        for interval in (self, other):
            if interval.low is None or interval.low.magnitude < 0:
                raise InvalidValueError("division is defined here for non-negative intervals only")
        assert self.low is not None and other.low is not None  # noqa: S101, PT018 - checked just above
        if other.high is not None and other.high.magnitude == 0:
            raise InvalidValueError(f"cannot divide by {other}: it allows only zero")
        unit = _per(self.units, other.units)
        # The low end: the smallest x over the largest y. x = 0 gives 0 with any y that is allowed.
        if self.low.magnitude == 0:
            low, low_closed = _make(self.low.magnitude * 0, unit), self.low_closed
        elif other.high is None:  # x / y tends to 0 as y grows, and never reaches it
            low, low_closed = _make(self.low.magnitude * 0, unit), False
        else:
            low = _make(quotient(self.low.magnitude, other.high.magnitude), unit)
            low_closed = self.low_closed and other.high_closed
        # The high end: the largest x over the smallest y.
        high: Quantity | None
        if self.high is not None and self.high.magnitude == 0:  # this interval is [0, 0]
            high, high_closed = _make(self.low.magnitude * 0, unit), True
        elif self.high is None or other.low.magnitude == 0:  # a divisor as near zero as one likes
            high, high_closed = None, False
        else:
            high = _make(quotient(self.high.magnitude, other.low.magnitude), unit)
            high_closed = self.high_closed and other.low_closed
        return from_bounds(low, high, low_closed, high_closed, unit)

    @exact
    def scaled(self, factor: Decimal, unit: Unit | None = None) -> Interval:
        """Both bounds times a positive ``factor`` (in ``unit``, when given)."""
        if not factor > 0:
            raise InvalidValueError(f"an interval is scaled by a positive factor, got {factor}")
        target = unit if unit is not None else self.units
        return from_bounds(
            None if self.low is None else _make(self.low.magnitude * factor, target),
            None if self.high is None else _make(self.high.magnitude * factor, target),
            self.low_closed,
            self.high_closed,
            target,
        )

    def to(self, unit: Unit) -> Interval:
        """The same interval in another unit of the same dimension (each bound converted in CONTEXT)."""
        if unit is self.unit or unit == self.unit:
            return self
        if unit.dimensionality != self.units.dimensionality:
            raise UnitError(
                f"cannot express {self} in {unit}: the dimensions differ",
                text=str(unit),
                hint=f"a unit of the same dimension as {self.units}",
            )
        return Interval(
            None if self.low is None else _exact_to(self.low, unit),
            None if self.high is None else _exact_to(self.high, unit),
            self.low_closed,
            self.high_closed,
            unit=unit,
        )

    def unscaled(self) -> Interval:
        """The same interval with scale words taken out of its unit: million RMB becomes RMB.

        Examples:
            >>> from esgclaims import quantity
            >>> Interval(quantity("19.77", "million*CNY"), None, low_closed=False).unscaled()
            Interval('(RMB 19,770,000, ∞)')
        """
        target = without_scales(self.units)
        return self if target is self.units else self.to(target)


def from_bounds(
    low: Quantity | None, high: Quantity | None, low_closed: bool, high_closed: bool, unit: Unit
) -> Interval:
    """``Interval(low, high, low_closed, high_closed, unit=unit)`` of bounds made in ``unit``, built at less cost.

    The bounds of an interval worked out from a reported value or from other intervals are
    quantities of :data:`ureg` made in one unit (the value's own, or :func:`_make`'s): what
    ``Interval()`` checks of their types and units holds by construction, and is not checked
    again. The rest is as ``Interval()`` does it: the unit is that of a bound when there is
    one, an unbounded end is open, and an empty interval is refused (a quotient rounded to
    28 digits can close one).
    """
    made = object.__new__(Interval)
    setattr_ = object.__setattr__
    setattr_(made, "low", low)
    setattr_(made, "high", high)
    setattr_(made, "low_closed", low_closed if low is not None else False)
    setattr_(made, "high_closed", high_closed if high is not None else False)
    bound = low if low is not None else high
    setattr_(made, "unit", unit if bound is None else unit_of(bound))
    if low is not None and high is not None:
        _refuse_empty(low, high, low_closed and high_closed)
    return made


def _refuse_empty(low: Quantity, high: Quantity, closed: bool) -> None:
    """An :class:`~esgclaims.InvalidValueError` when ``low`` to ``high``, in one unit, holds no value."""
    low_figure, high_figure = low.magnitude, high.magnitude  # in one unit, the exact magnitudes order the values
    if high_figure < low_figure or (high_figure == low_figure and not closed):
        raise _empty(low, high)


def _empty(low: Quantity, high: Quantity) -> InvalidValueError:
    return InvalidValueError(f"empty interval: {format_quantity(low)} to {format_quantity(high)}")


def _same_unit(a: Quantity, b: Quantity) -> bool:
    """Whether two quantities are in one unit: their unit containers are, as a rule, the same object.

    pint's containers are compared only when they are not (``.units`` would build a Unit to compare).
    """
    return a._units is b._units or a._units == b._units  # noqa: SLF001 - the unit containers themselves


def _make(magnitude: Decimal, unit: Unit) -> Quantity:
    return decimal_quantity(magnitude, unit)


#: ``a / b`` for each pair of units divided: pint works out the quotient's factors anew each time.
_QUOTIENTS: dict[tuple[Unit, Unit], Unit] = {}


def _per(numerator: Unit, denominator: Unit) -> Unit:
    key = (numerator, denominator)
    unit = _QUOTIENTS.get(key)
    if unit is None:
        unit = _QUOTIENTS.setdefault(key, shared_unit(numerator / denominator))
    return unit


def _exact_to(value: Quantity, unit: Unit) -> Quantity:
    """``value`` in ``unit``: unchanged in its own unit, else exact in the library's context."""
    with localcontext(CONTEXT):
        fast = converted(value, unit)
    if fast is not None:
        return fast
    if value.units == unit:
        return value
    with localcontext(CONTEXT):
        converted_value = value.to(unit)
    magnitude = converted_value.magnitude
    if not isinstance(magnitude, Decimal):
        magnitude = Decimal(str(magnitude))
    return quantity_like(value, magnitude, unit)


def _ends_before(a: Interval, b: Interval) -> bool:
    if a.high is None or b.low is None:
        return False
    return a.high < b.low or (a.high == b.low and not (a.high_closed and b.low_closed))
