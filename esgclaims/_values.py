"""Reported values: a quantity as a report states it, with its qualifier."""

from __future__ import annotations

import enum
import functools
from decimal import Decimal, getcontext, localcontext
from typing import TYPE_CHECKING

import attrs

from . import _units
from ._decimal import CONTEXT, PRECISION, QUOTIENT, arithmetic, check_figure, exact, to_figure
from ._errors import InvalidValueError, UnitError
from ._format import format_number, format_quantity, magnitude_words
from ._units import UnitFacts, plain, to_decimal
from ._units.figure import Figure, amount_of, as_quantity, held_facts, quantity_of

if TYPE_CHECKING:
    from collections.abc import Callable

    # Imported where an interval is first worked out, and pint where a figure is first read as a
    # quantity: loading claims needs neither (benchmarks/coldstart.py). attrs keeps the annotations
    # of the fields below as strings.
    from ._interval import Interval  # noqa: TC004
    from ._units import Quantity, Unit  # noqa: TC004

__all__ = [
    "DEFAULT_TOLERANCE",
    "Qualifier",
    "ReportedValue",
    "figure_bounds",
    "value_facts",
    "value_of_figures",
]

#: The relative half-width given to "approximately" when none is stated: ±10 %.
DEFAULT_TOLERANCE = Decimal("0.1")


class Qualifier(enum.Enum):
    """What a report says about its figure, and so which values it allows."""

    EXACT = "exact"
    """The figure as stated: [v, v]."""
    APPROXIMATELY = "approximately"
    """around, about, nearly, close to: [v·(1−tolerance), v·(1+tolerance)]."""
    MORE_THAN = "more_than"
    """more than, over, exceeded: (v, ∞), or (v, 100 %] for a share."""
    AT_LEAST = "at_least"
    """at least, no less than: [v, ∞)."""
    LESS_THAN = "less_than"
    """less than, fewer than, under: [0, v)."""
    AT_MOST = "at_most"
    """at most, up to, no more than: [0, v]."""
    RANGE = "range"
    """a–b, between a and b: [a, b]."""
    ORDER_OF_MAGNITUDE = "order_of_magnitude"
    """tens of thousands: [10 000, 100 000) — the reported figure is the low end."""

    def __repr__(self) -> str:
        return f"Qualifier.{self.name}"

    @property
    def words(self) -> str:
        """The qualifier as a person writes it before a figure."""
        return _WORDS[self]


_WORDS = {
    Qualifier.EXACT: "",
    Qualifier.APPROXIMATELY: "around",
    Qualifier.MORE_THAN: "more than",
    Qualifier.AT_LEAST: "at least",
    Qualifier.LESS_THAN: "less than",
    Qualifier.AT_MOST: "at most",
    Qualifier.RANGE: "between",
    Qualifier.ORDER_OF_MAGNITUDE: "of the order of",
}


def value_facts(value: ReportedValue) -> UnitFacts:
    """The facts of the unit of ``value``'s figure, read without making a quantity of it."""
    return held_facts(_held(value)[0])


def _bound(magnitude: Decimal, unit: Unit) -> Quantity:
    """A derived bound, exact in the library's context: an interval holds it, not a reported figure."""
    return _units.decimal_quantity(plain(magnitude), unit)


def _to_quantity(value: object) -> Quantity:
    from pint import Quantity as PintQuantity  # noqa: PLC0415 - a quantity given is pint's, imported already

    if isinstance(value, PintQuantity):
        if value._REGISTRY is _units.ureg and _is_plain(value._magnitude):  # noqa: SLF001
            check_figure(value._magnitude)  # noqa: SLF001
            return value  # as quantity() builds it already: not built again
        return _units.quantity(value)
    raise InvalidValueError(f"expected a quantity of esgclaims.ureg, got {type(value).__name__}")


def _figure_quantity(amount: object, unit: str | Unit) -> Quantity:
    """``quantity(amount, unit)``, the same checks in the same order; a number is built past pint's constructor."""
    if not isinstance(amount, (str, int, float, Decimal)):
        return _units.quantity(amount, unit)
    magnitude = plain(to_decimal(amount))
    return _units.decimal_quantity(magnitude, _units.parse_unit(unit))


def _is_plain(magnitude: object) -> bool:
    """Whether ``magnitude`` is a Decimal that :func:`~esgclaims._units.plain` would give back unchanged."""
    if type(magnitude) is not Decimal:
        return False
    sign, digits, exponent = magnitude.as_tuple()
    if exponent == 0:
        return not (sign and digits == (0,))  # plain() turns -0 into 0
    return isinstance(exponent, int) and exponent < 0 and digits[-1] != 0


def _to_optional_quantity(value: object) -> Quantity | None:
    return None if value is None else _to_quantity(value)


def _to_optional_decimal(value: object) -> Decimal | None:
    return None if value is None else plain(to_decimal(value))


def figure_bounds(value: ReportedValue) -> tuple[Decimal | None, bool, Decimal | None, bool]:
    """The ends of ``value.interval`` as figures in the value's unit: ``(low, low_closed, high, high_closed)``.

    What the interval holds, without building it when the value has not yet: a table of
    many values reads only these figures.

    Examples:
        >>> figure_bounds(ReportedValue.of("50", "percent", "approximately", tolerance="0.2"))
        (Decimal('40'), True, Decimal('60'), True)
        >>> figure_bounds(ReportedValue.of("3000000", "item", "more_than"))
        (Decimal('3000000'), False, None, False)
    """
    interval = value._interval  # noqa: SLF001 - worked out already: read, not worked out again
    if interval is None:
        return _figure_bounds(value)
    low, high = interval.low, interval.high
    return (
        None if low is None else low.magnitude,
        interval.low_closed,
        None if high is None else high.magnitude,
        interval.high_closed,
    )


def _figure_bounds(value: ReportedValue) -> tuple[Decimal | None, bool, Decimal | None, bool]:
    """The values the statement allows, from its qualifier, as figures (the one place that says which)."""
    reported, upper = _held(value)  # the figures, without making quantities of them
    v = amount_of(reported)
    q = value.qualifier
    if q is Qualifier.EXACT:
        return v, True, v, True
    if q is Qualifier.RANGE or q is Qualifier.ORDER_OF_MAGNITUDE:
        assert upper is not None  # noqa: S101 - checked in __attrs_post_init__
        return v, True, amount_of(upper), q is Qualifier.RANGE
    if q is Qualifier.LESS_THAN or q is Qualifier.AT_MOST:
        return Decimal(0), True, v, q is Qualifier.AT_MOST
    cap = held_facts(reported).whole  # 100 % in the figure's unit, for a share
    if q is Qualifier.APPROXIMATELY:
        assert value.tolerance is not None  # noqa: S101 - set in __attrs_post_init__
        tolerance = value.tolerance
        high = plain(CONTEXT.multiply(v, CONTEXT.add(1, tolerance)))
        low = plain(CONTEXT.multiply(v, CONTEXT.subtract(1, tolerance)))
        return low, True, high if cap is None or not cap < high else cap, True
    return v, q is Qualifier.AT_LEAST, cap, cap is not None  # more than, at least: up to the whole of a share


def _to_qualifier(value: Qualifier | str) -> Qualifier:
    if isinstance(value, Qualifier):
        return value
    try:
        return Qualifier(value)
    except ValueError:
        names = ", ".join(q.value for q in Qualifier)
        raise InvalidValueError(f"unknown qualifier {value!r}; expected one of {names}") from None


@attrs.frozen(repr=False)
class ReportedValue:
    """A figure as a report states it: the quantity, its qualifier and its precision.

    Build one with :func:`esgclaims.parse_value` or :meth:`of`; the interval of
    values the statement allows is :attr:`interval` (:attr:`low`, :attr:`high`).

    Examples:
        >>> v = ReportedValue.of("3000000", "item", Qualifier.MORE_THAN, precision="1000000")
        >>> str(v)
        'more than 3,000,000 items'
        >>> v.low, v.high
        (<Quantity(3000000, 'item')>, None)
        >>> v.interval
        Interval('(3,000,000 items, ∞)')
    """

    reported: Quantity = attrs.field(converter=_to_quantity)
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT, converter=_to_qualifier)
    upper: Quantity | None = attrs.field(default=None, converter=_to_optional_quantity)
    """The high end of a range (closed) or of an order of magnitude (open)."""
    precision: Decimal | None = attrs.field(default=None, converter=_to_optional_decimal)
    """The step of the last reported digit, in the unit of ``reported``: 10000 for 19.77 million."""
    tolerance: Decimal | None = attrs.field(default=None, converter=_to_optional_decimal)
    """For "approximately" only: the relative half-width, default :data:`DEFAULT_TOLERANCE`."""
    # Worked out once, when first read: check() reads a value's intervals once for every pair it is in.
    # Not compared, hashed, shown or passed to __init__; attrs.evolve makes a value that works them out anew.
    _interval: Interval | None = attrs.field(init=False, default=None, eq=False, repr=False)
    _rounding: Interval | None = attrs.field(init=False, default=None, eq=False, repr=False)
    # A loaded value's figures, ``reported`` and ``upper``, held until first read (value_of_figures): its
    # ``reported`` slot, and ``upper`` when there is one, stay empty until then, and __getattr__ fills them.
    _figures: tuple[Figure, Figure | None] | None = attrs.field(init=False, default=None, eq=False, repr=False)

    if not TYPE_CHECKING:  # for type checkers, a ReportedValue has the attributes it declares, and no others

        def __getattr__(self, name: str) -> object:
            """``reported`` or ``upper`` of a loaded value, read for the first time: made a quantity, and kept."""
            if name == "_figures":
                return None  # unpickled from an esgclaims before figures were held: quantities all along
            index = _HELD.get(name)
            figures = None if index is None else self._figures
            if figures is None:
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            made = quantity_of(figures[index])
            object.__setattr__(self, name, made)
            return made

    @exact  # in CONTEXT: a copy of its own, or the one an exact caller such as parse_value entered already
    def __attrs_post_init__(self) -> None:
        self._check(held_facts(self.reported))

    def _check(self, facts: UnitFacts) -> None:
        """Every invariant, in the unit ``facts`` describe; sets the default tolerance, and ``upper`` in that unit.

        Run in :data:`~esgclaims._decimal.CONTEXT` (or one as precise): a share in permille is compared with 100 %.
        The figures are read as they are held (:class:`Figure` or quantity): none is made a quantity here.
        """
        reported, upper = _held(self)
        magnitude = amount_of(reported)
        if magnitude < 0:
            raise InvalidValueError(f"a reported figure cannot be negative, got {format_number(magnitude)}")
        needs_upper = self.qualifier in (Qualifier.RANGE, Qualifier.ORDER_OF_MAGNITUDE)
        if needs_upper and upper is None:
            article = "an" if self.qualifier.value[0] in "aeiou" else "a"
            raise InvalidValueError(f"{article} {self.qualifier.value} value needs an upper bound")
        if not needs_upper and upper is not None:
            raise InvalidValueError(
                f"only range and order_of_magnitude take an upper bound, not {self.qualifier.value}"
            )
        if upper is not None:
            if isinstance(upper, Figure) or isinstance(reported, Figure):
                pass  # a loaded value's figures: both in the unit its facts describe
            elif upper._units != reported._units:  # noqa: SLF001 - pint's unit containers: no Unit built
                if upper.dimensionality != reported.dimensionality:
                    raise UnitError(
                        f"upper bound {upper.units} does not fit {reported.units}",
                        text=str(upper.units),
                        hint=f"a unit of the same dimension as {reported.units}",
                    )
                upper = _units.quantity(upper.to(reported.units))
                object.__setattr__(self, "upper", upper)
            if amount_of(upper) <= magnitude:  # both in the unit of ``reported`` now
                shown_upper, shown = format_quantity(as_quantity(upper)), format_quantity(as_quantity(reported))
                raise InvalidValueError(f"inverted bounds: upper {shown_upper} is not above {shown}")
        if self.qualifier is Qualifier.APPROXIMATELY:
            if self.tolerance is None:
                object.__setattr__(self, "tolerance", DEFAULT_TOLERANCE)
            elif not Decimal(0) < self.tolerance < Decimal(1):
                raise InvalidValueError(f"tolerance must lie between 0 and 1, got {self.tolerance}")
        elif self.tolerance is not None:
            raise InvalidValueError(f"only approximately takes a tolerance, not {self.qualifier.value}")
        if self.precision is not None and self.precision <= 0:
            raise InvalidValueError(f"precision must be positive, got {self.precision}")
        whole = facts.whole  # for a share, 100 % in the unit of both bounds
        if whole is not None:
            for bound in (reported, upper):
                if bound is not None and amount_of(bound) > whole:
                    raise InvalidValueError(f"a share cannot exceed 100%, got {format_quantity(as_quantity(bound))}")
            if self.qualifier is Qualifier.MORE_THAN and magnitude >= whole:
                raise InvalidValueError(f"no share is more than {format_quantity(self.reported)}")
        if self.qualifier is Qualifier.LESS_THAN and magnitude == 0:
            raise InvalidValueError(f"no figure is less than {format_quantity(self.reported)}")

    @classmethod
    def of(  # noqa: PLR0913 - one argument per field, and the unit
        cls,
        amount: object,
        unit: str | Unit = "dimensionless",
        qualifier: Qualifier | str = Qualifier.EXACT,
        *,
        upper: object = None,
        precision: object = None,
        tolerance: object = None,
    ) -> ReportedValue:
        """Build a value from plain numbers and a unit name.

        Examples:
            >>> ReportedValue.of("200000000", "RMB", "approximately")
            ReportedValue('around RMB 200,000,000 (±10%)')
        """
        return cls(
            _figure_quantity(amount, unit),
            qualifier,
            upper=None if upper is None else _figure_quantity(upper, unit),
            precision=precision,
            tolerance=tolerance,
        )

    @property
    def units(self) -> Unit:
        """The unit of the figure."""
        return _units.unit_of(self.reported)

    @property
    def interval(self) -> Interval:
        """The values the statement allows, from its qualifier."""
        interval = self._interval
        if interval is None:
            interval = self._work_out_interval()
            object.__setattr__(self, "_interval", interval)
        return interval

    def _work_out_interval(self) -> Interval:
        """:attr:`interval`, of bounds in the unit of the figure: this value's checks make them an interval."""
        low, low_closed, high, high_closed = _figure_bounds(self)
        unit = self.units
        return _interval_maker()(self._as_bound(low, unit), self._as_bound(high, unit), low_closed, high_closed, unit)

    def _as_bound(self, figure: Decimal | None, unit: Unit) -> Quantity | None:
        """A bound of :attr:`interval`: the reported quantity or upper bound itself where the figure is theirs.

        Any other figure of :func:`_figure_bounds` is plain already (0, 100 % in ``unit``, or made plain there).
        """
        if figure is None:
            return None
        if figure is self.reported.magnitude:
            return self.reported
        if self.upper is not None and figure is self.upper.magnitude:
            return self.upper
        return _units.decimal_quantity(figure, unit)

    @property
    def low(self) -> Quantity | None:
        """The lowest value the statement allows (see :attr:`interval` for open ends)."""
        return self.interval.low

    @property
    def high(self) -> Quantity | None:
        """The highest value the statement allows, ``None`` when unbounded."""
        return self.interval.high

    def rounding_interval(self) -> Interval:
        """The interval widened by half a step of the stated precision either side.

        This is what the reported digits allow when the figure itself was rounded,
        as XBRL reads a fact's ``decimals``.
        """
        interval = self._rounding
        if interval is None:
            interval = self._widen()
            object.__setattr__(self, "_rounding", interval)
        return interval

    @exact
    def _widen(self) -> Interval:
        base = self.interval
        if self.precision is None:
            return base
        half, unit = self.precision / 2, self.units
        low = None if base.low is None else _bound(max(base.low.magnitude - half, Decimal(0)), unit)
        high = None if base.high is None else _bound(base.high.magnitude + half, unit)
        return _interval_maker()(low, high, base.low_closed, base.high_closed, unit)

    @exact
    def to(self, unit: str | Unit) -> ReportedValue:
        """The same statement in another unit of the same dimension.

        Each figure is rounded, half to even, to 28 significant digits and 50 places.
        """
        target = _units.parse_unit(unit)
        with localcontext(QUOTIENT):  # a unit's scale may be a rounded quotient: hour to year
            scale = _units.quantity(1, self.units).to(target).magnitude

        def converted(value: Quantity) -> Quantity:
            with localcontext(QUOTIENT):
                magnitude = value.to(target).magnitude
            return _units.quantity(to_figure(magnitude), target)

        return ReportedValue(
            converted(self.reported),
            self.qualifier,
            upper=None if self.upper is None else converted(self.upper),
            precision=None if self.precision is None else to_figure(QUOTIENT.multiply(self.precision, scale)),
            tolerance=self.tolerance,
        )

    @exact
    def __str__(self) -> str:
        q = self.qualifier
        if q is Qualifier.RANGE:
            assert self.upper is not None  # noqa: S101
            return f"{format_quantity(self.reported)} to {format_quantity(self.upper)}"
        if q is Qualifier.ORDER_OF_MAGNITUDE:
            assert self.upper is not None  # noqa: S101
            words = magnitude_words(self.reported, self.upper)
            if words is not None:
                return words
            return f"{format_quantity(self.reported)} to under {format_quantity(self.upper)}"
        text = format_quantity(self.reported)
        if q is Qualifier.APPROXIMATELY:
            return f"around {text} (±{format_number((self.tolerance or DEFAULT_TOLERANCE) * 100)}%)"
        return f"{q.words} {text}".strip()

    def __repr__(self) -> str:
        return f"ReportedValue({str(self)!r})"


@functools.cache
def _interval_maker() -> Callable[[Quantity | None, Quantity | None, bool, bool, Unit], Interval]:
    """:func:`~esgclaims._interval.from_bounds`, imported when an interval is first worked out (see the imports).

    Kept after that: an import statement in a function costs about 0.8 µs at every call, a
    quarter of what building an exact value's interval now costs.
    """
    from ._interval import from_bounds  # noqa: PLC0415 - see the imports

    return from_bounds


#: The fields a loaded value holds as figures until first read, and their place in ``_figures``.
_HELD = {"reported": 0, "upper": 1}


def _held(value: ReportedValue) -> tuple[Figure | Quantity, Figure | Quantity | None]:
    """``reported`` and ``upper`` as the value holds them: a loaded value's figures, else its quantities."""
    figures = value._figures  # noqa: SLF001 - this module's own
    return figures if figures is not None else (value.reported, value.upper)


def value_of_figures(  # noqa: PLR0913 - one argument per field, and the unit
    amount: Decimal,
    unit: UnitFacts,
    qualifier: Qualifier,
    *,
    upper: Decimal | None = None,
    precision: Decimal | None = None,
    tolerance: Decimal | None = None,
) -> ReportedValue:
    """What :meth:`ReportedValue.of` builds of Decimal figures and a unit's facts, built at less cost: for a loader.

    The figures are checked, and held as :class:`Figure` until first read: no quantity is
    built, and no converter looks at them again (a loader builds a value for every
    claim). Every invariant is checked as ``__init__`` checks it; in the caller's decimal
    context when that is as precise as :data:`~esgclaims._decimal.CONTEXT` (a loader
    enters ``arithmetic()`` once for all its values), else in a copy of CONTEXT.

    Examples:
        >>> from esgclaims._units import facts_named
        >>> value = value_of_figures(Decimal("19.770"), facts_named("CNY"), Qualifier.AT_LEAST)
        >>> value == ReportedValue.of("19.77", "CNY", "at_least"), value.reported
        (True, <Quantity(19.77, 'CNY')>)
    """
    value = object.__new__(ReportedValue)
    setattr_ = object.__setattr__
    held_upper = None if upper is None else Figure(plain(check_figure(upper)), unit)
    setattr_(value, "_figures", (Figure(plain(check_figure(amount)), unit), held_upper))
    if held_upper is None:
        setattr_(value, "upper", None)  # the slot of ``reported`` (and of ``upper``) is filled when first read
    setattr_(value, "qualifier", qualifier)
    setattr_(value, "precision", None if precision is None else plain(check_figure(precision)))
    setattr_(value, "tolerance", None if tolerance is None else plain(check_figure(tolerance)))
    setattr_(value, "_interval", None)
    setattr_(value, "_rounding", None)
    if getcontext().prec >= PRECISION:  # as exact as CONTEXT, as a loader's ``with arithmetic():`` makes it
        value._check(unit)  # the checks of ReportedValue's own __init__
    else:
        with arithmetic():
            value._check(unit)
    return value
