"""Properties of compare, ratio and share_of: symmetry, containment, and independence of units."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from esgclaims import Claim, Interval, PeriodRelation, QuantityKind, compare, parse_unit, ratio, share_of, ureg
from esgclaims._compare.compare import claim_interval
from esgclaims._decimal import arithmetic
from tests.strategies import RESCALED_UNITS, claim_pairs, points_in, rescalable_claim_pairs

if TYPE_CHECKING:
    from esgclaims._units import Quantity

# Few examples each: the file must stay fast, and each example builds whole claims.
FAST = settings(max_examples=100, deadline=None)

INVERSE = {
    PeriodRelation.CONTAINS: PeriodRelation.WITHIN,
    PeriodRelation.WITHIN: PeriodRelation.CONTAINS,
    PeriodRelation.BEFORE: PeriodRelation.AFTER,
    PeriodRelation.AFTER: PeriodRelation.BEFORE,
}

#: Relative slack for bounds that went through an inexact unit conversion (J and kWh differ by 3.6e6).
SLACK = Decimal("1e-24")


def _close(x: Quantity | None, y: Quantity | None) -> bool:
    if x is None or y is None:
        return x is None and y is None
    a, b = Decimal(x.magnitude), Decimal(y.to(x.units).magnitude)
    return abs(a - b) <= SLACK * max(abs(a), abs(b))


def _same_interval(x: Interval, y: Interval) -> bool:
    """Equal bounds (up to conversion rounding) and equal ends."""
    ends = (x.low_closed, x.high_closed) == (y.low_closed, y.high_closed)
    return ends and _close(x.low, y.low) and _close(x.high, y.high)


def _nearly_contains(interval: Interval, value: Quantity) -> bool:
    """``interval`` contains ``value``, or misses it by conversion rounding only."""
    return interval.contains(value) or any(
        bound is not None and _close(bound, value) for bound in (interval.low, interval.high)
    )


def _rescaled(claim: Claim) -> Claim:
    """The claim with its figure converted to the other unit of :data:`RESCALED_UNITS`."""
    assert claim.value is not None
    unit = next(other for name, other in RESCALED_UNITS.items() if parse_unit(name) == claim.value.units)
    return attrs.evolve(claim, value=claim.value.to(unit))


# ------------------------------------------------------------------ symmetry


@FAST
@given(claim_pairs())
def test_compare_b_with_a_mirrors_compare_a_with_b(pair: tuple[Claim, Claim]) -> None:
    a, b = pair
    forward, backward = compare(a, b), compare(b, a)
    assert backward.comparable == forward.comparable
    assert backward.period_relation == INVERSE.get(forward.period_relation, forward.period_relation)
    assert (backward.order is None) == (forward.order is None)
    if forward.order is not None:
        assert backward.order == forward.order.flipped()
    if forward.difference is None:
        assert backward.difference is None
    else:
        assert backward.difference is not None
        assert _same_interval(backward.difference, -forward.difference)


@FAST
@given(claim_pairs(), st.data())
def test_every_ratio_a_to_b_allows_has_its_reciprocal_in_the_ratio_b_to_a(
    pair: tuple[Claim, Claim], data: st.DataObject
) -> None:
    a, b = pair
    forward, backward = compare(a, b).ratio, compare(b, a).ratio
    if forward is None:  # b allows only zero
        assert backward is None or backward.is_point
        return
    sample = data.draw(points_in(forward))
    if sample == 0:
        assert backward is None or backward.high is None
        return
    assert backward is not None
    assert _nearly_contains(backward, ureg.Quantity(1 / sample, forward.units**-1))


# ------------------------------------------------------------------ containment


@FAST
@given(claim_pairs(), st.booleans(), st.data())
def test_the_ratio_interval_contains_the_ratio_of_any_two_values_the_claims_allow(
    pair: tuple[Claim, Claim], rounding: bool, data: st.DataObject
) -> None:
    a, b = pair
    result = compare(a, b, rounding=rounding).ratio
    ia, ib = claim_interval(a, rounding=rounding), claim_interval(b, rounding=rounding)
    if ia.units.dimensionality == ib.units.dimensionality:
        ib = ib.to(ia.units)
    x, y = data.draw(points_in(ia)), data.draw(points_in(ib))
    if result is None:
        assert ib.high is not None
        assert ib.high.magnitude == 0
        return
    if y != 0:
        assert result.contains(ureg.Quantity(x / y, ia.units / ib.units))


@FAST
@given(claim_pairs(), st.data())
def test_the_difference_interval_contains_the_difference_of_any_two_values_the_claims_allow(
    pair: tuple[Claim, Claim], data: st.DataObject
) -> None:
    a, b = pair
    result = compare(a, b).difference
    if result is None:
        assert not compare(a, b).comparable
        return
    ia, ib = claim_interval(a), claim_interval(b).to(claim_interval(a).units)
    x, y = data.draw(points_in(ia)), data.draw(points_in(ib))
    with arithmetic():  # the exact difference, as the library computes it, not one rounded to 28 digits
        difference = x - y
    assert result.contains(ureg.Quantity(difference, ia.units))


# ------------------------------------------------------------------ units


@FAST
@given(rescalable_claim_pairs(), st.booleans(), st.booleans())
def test_comparison_does_not_depend_on_the_unit_the_figures_are_given_in(
    pair: tuple[Claim, Claim], rescale_a: bool, rounding: bool
) -> None:
    a, b = pair
    assert a.value is not None
    assert b.value is not None
    a2, b2 = (_rescaled(a) if rescale_a else a), _rescaled(b)
    plain, rescaled = compare(a, b, rounding=rounding), compare(a2, b2, rounding=rounding)
    assert (rescaled.comparable, rescaled.order, rescaled.period_relation) == (
        plain.comparable,
        plain.order,
        plain.period_relation,
    )
    assert rescaled.reasons == plain.reasons
    assert (rescaled.difference is None) == (plain.difference is None)
    if plain.difference is not None and rescaled.difference is not None:
        assert rescaled.difference.to(plain.difference.units) == plain.difference
    assert (rescaled.ratio is None) == (plain.ratio is None)
    if plain.ratio is not None and rescaled.ratio is not None:
        assert rescaled.ratio.to(plain.ratio.units) == plain.ratio


@FAST
@given(rescalable_claim_pairs())
def test_derived_figures_do_not_depend_on_the_unit_the_figures_are_given_in(pair: tuple[Claim, Claim]) -> None:
    a, b = pair
    assert a.value is not None
    assert b.value is not None
    b2 = _rescaled(b)
    if compare(a, b).ratio is None:
        return
    plain, rescaled = ratio(a, b), ratio(a, b2)
    assert rescaled.interval.to(plain.interval.units) == plain.interval
    if b.metric.kind in (QuantityKind.MONEY, QuantityKind.COUNT):  # million*CNY reads as RMB; kWh and MWh differ
        assert str(rescaled).split(", from")[0] == str(plain).split(", from")[0]
    if a.value.units.dimensionality == b.value.units.dimensionality:
        assert share_of(a, b2).interval == share_of(a, b).interval
