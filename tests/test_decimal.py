"""The decimal context esgclaims owns: figures at the edges of its limits, and the caller's context left alone."""

from __future__ import annotations

import decimal
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import esgclaims
from esgclaims import Claim, ReportedValue, compare, convert, parse_value, ratio, share_of

if TYPE_CHECKING:
    from pathlib import Path

from esgclaims._decimal import CONTEXT, MAX_ADJUSTED, MAX_DIGITS, MAX_PLACES, check_figure, exact

CLAIMS = esgclaims.load_dataset("jd-2020")
SALES = CLAIMS["jd-2020/poverty-alleviation-sales"]
SOLD = CLAIMS["jd-2020/jingxi-local-specialties-sold"]
NINES = "9" * 28
EDGES = settings(max_examples=60, deadline=None)


def _money(value: ReportedValue) -> Claim:
    return attrs.evolve(SALES, value=value)


def test_a_28_digit_figure_has_a_rounding_interval_half_a_unit_wide() -> None:
    value = parse_value(f"RMB {NINES}")

    interval = value.rounding_interval()

    assert interval.low is not None
    assert interval.high is not None
    assert interval.low.magnitude == Decimal(NINES[:-1] + "8.5")
    assert interval.high.magnitude == Decimal(NINES + ".5")


def test_a_28_digit_approximate_figure_keeps_every_digit_of_its_interval() -> None:
    value = ReportedValue.of(NINES, "CNY", "approximately")

    assert value.low is not None
    assert value.low.magnitude == Decimal("8" + "9" * 27 + ".1")


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("1E-999990", f"expected a figure with no digit past the {MAX_PLACES}th decimal place, got 1E-999990"),
        ("1E+28", f"expected a figure below 10^{MAX_ADJUSTED + 1}, got 1E+28"),
        ("1" * 29, f"expected a figure below 10^{MAX_ADJUSTED + 1}, got {'1' * 29}"),
        ("0." + "1" * 29, f"expected a figure of at most {MAX_DIGITS} significant digits, got 0.{'1' * 29}"),
        ("NaN", "expected a finite number, got NaN"),
        ("-Infinity", "expected a finite number, got -Infinity"),
    ],
)
def test_a_figure_outside_the_limits_is_refused_with_its_reason(amount: str, message: str) -> None:
    with pytest.raises(esgclaims.InvalidValueError) as caught:
        esgclaims.quantity(amount, "CNY")

    assert str(caught.value) == message


def test_a_long_figure_is_cut_in_the_message() -> None:
    with pytest.raises(esgclaims.InvalidValueError) as caught:
        check_figure(Decimal("9" * 5000))

    assert str(caught.value) == "expected a figure below 10^28, got 9999999999999999…9999999999999999 (5000 characters)"


def test_negative_zero_becomes_zero() -> None:
    assert str(esgclaims.quantity("-0", "CNY").magnitude) == "0"


def test_a_claim_file_with_a_tiny_figure_is_refused_with_its_location(tmp_path: Path) -> None:
    path = tmp_path / "claims.json"
    esgclaims.dump(CLAIMS, path)
    path.write_text(path.read_text(encoding="utf-8").replace('"100000000000"', '"1E-999990"', 1), encoding="utf-8")

    with pytest.raises(esgclaims.LoadError) as caught:
        esgclaims.load(path)

    assert "field 'value.amount': expected a figure with no digit past the 50th decimal place, got" in str(
        caught.value.exceptions[0]
    )


def test_the_figures_of_the_issue_compare_without_a_decimal_error() -> None:
    big = _money(ReportedValue.of(NINES, "CNY"))
    small = _money(ReportedValue.of("1E-50", "CNY"))

    result = compare(big, small)

    assert result.order is esgclaims.Order.GREATER
    assert ratio(big, small).high is not None
    assert share_of(small, big).low is not None
    assert "<table" in result._repr_html_()


def test_results_do_not_depend_on_the_callers_context() -> None:
    def results() -> tuple[str, ...]:
        value = parse_value(f"about RMB {NINES}")
        big, small = _money(value), _money(ReportedValue.of("3", "CNY", precision="1"))
        return (
            repr(value.interval),
            repr(value.rounding_interval()),
            str(compare(big, small, rounding=True)),
            repr(ratio(small, big).interval),
            str(esgclaims.annualise(SOLD)),
            str(
                convert(
                    ReportedValue.of("100000000000", "CNY"), "USD", esgclaims.reference_rates().get("CNY", "USD", 2020)
                )
            ),
        )

    expected = results()
    with decimal.localcontext() as caller:
        caller.prec = 5
        caller.rounding = decimal.ROUND_DOWN
        before = caller.copy()
        assert results() == expected
        after = decimal.getcontext()
        assert (after.prec, after.rounding, after.Emax, after.Emin) == (5, decimal.ROUND_DOWN, before.Emax, before.Emin)


@exact
def _sum_in_context(a: Decimal, b: Decimal) -> Decimal:
    return a + b


@exact
def _sum_inside_a_narrow_context(a: Decimal, b: Decimal) -> tuple[Decimal, Decimal]:
    """An exact function that sets a narrow context of its own, then calls another exact function in it."""
    with decimal.localcontext(prec=3):
        return a + b, _sum_in_context(a, b)


def test_an_exact_function_runs_in_the_library_context_whoever_calls_it() -> None:
    a, b = Decimal(NINES), Decimal("0.5")
    with decimal.localcontext(prec=5):
        narrow, exact_sum = _sum_inside_a_narrow_context(a, b)
        assert _sum_in_context(a, b) == exact_sum == Decimal(f"{NINES}.5")
    assert narrow == Decimal("1.00E+28")


def test_an_exact_function_called_from_another_runs_in_the_context_the_outer_one_entered() -> None:
    @exact
    def context_of_inner() -> decimal.Context:
        return decimal.getcontext()

    @exact
    def contexts() -> tuple[decimal.Context, decimal.Context]:
        return decimal.getcontext(), context_of_inner()

    outer, inner = contexts()
    assert inner is outer
    assert (outer.prec, outer.traps) == (CONTEXT.prec, CONTEXT.traps)
    assert context_of_inner() is not outer  # a call of its own enters a context of its own
    assert decimal.getcontext() is not outer


_EDGE_EXPONENTS = st.sampled_from([MAX_ADJUSTED - MAX_DIGITS + 1, 0, -20, -MAX_PLACES])


@st.composite
def _edge_figures(draw: st.DrawFn) -> Decimal:
    digits = draw(st.integers(1, MAX_DIGITS))
    coefficient = draw(st.sampled_from([10**digits - 1, 10 ** (digits - 1), 10**digits // 3]))
    exponent = max(-MAX_PLACES, min(draw(_EDGE_EXPONENTS), MAX_ADJUSTED - digits + 1))
    return Decimal(coefficient).scaleb(exponent)


@EDGES
@given(_edge_figures(), _edge_figures())
def test_figures_at_the_edges_give_exact_results_and_no_decimal_error(a: Decimal, b: Decimal) -> None:
    step = Decimal(1).scaleb(int(a.as_tuple().exponent))  # the step of the last digit
    va = ReportedValue.of(a, "CNY", precision=step)
    vb = ReportedValue.of(b, "CNY")
    ca, cb = _money(va), _money(vb)

    widened = va.rounding_interval()
    result = compare(ca, cb, rounding=True)
    quotient = ratio(ca, cb)
    share = share_of(cb, ca)
    html = result._repr_html_() + quotient._repr_html_()

    assert widened.low is not None
    assert va.precision is None or Fraction(widened.low.magnitude) == Fraction(a) - Fraction(va.precision) / 2
    exact = Fraction(a) / Fraction(b)
    assert quotient.low is not None
    assert abs(Fraction(quotient.low.magnitude) - exact) <= exact / 10**27  # a quotient keeps 28 digits
    assert share.low is not None
    assert result.order is not None
    assert html


@EDGES
@given(_edge_figures())
def test_conversion_and_annualising_at_the_edges_raise_no_decimal_error(a: Decimal) -> None:
    rate = esgclaims.reference_rates().get("CNY", "USD", 2020)
    figure = ReportedValue.of(a, "CNY")
    converted = Fraction(a) / Fraction(rate.rate) if rate.quote == "CNY" else Fraction(a) * Fraction(rate.rate)
    if converted >= 10**28:  # a result past 10^28 is refused, by name
        with pytest.raises(esgclaims.InvalidValueError, match=r"below 10\^28"):
            convert(figure, "USD", rate)
    else:
        assert str(convert(figure, "USD", rate))
    sold = attrs.evolve(SOLD, value=ReportedValue.of(a, "item", "more_than"))
    assert str(esgclaims.annualise(sold))
