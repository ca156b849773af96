"""Units read without pint: units.txt's own facts agree with pint's, and loaded values become quantities when read."""

from __future__ import annotations

import copy
import pickle
import subprocess
import sys
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs
import pytest

import esgclaims
from esgclaims import ReportedValue, UnitError, parse_unit
from esgclaims._units import facts_named, facts_of, unit_facts
from esgclaims._units.facts import _table, definitions
from esgclaims._units.figure import Figure
from esgclaims._values import figure_bounds, value_of_figures

if TYPE_CHECKING:
    from pathlib import Path

NAMES = sorted(_table())


@pytest.mark.parametrize("name", NAMES)
def test_units_txt_read_without_pint_gives_what_pint_gives(name: str) -> None:
    # every name, symbol and alias of units.txt: dimensions, currency, count kind, 100 % and the canonical name
    assert facts_named(name) == facts_of(parse_unit(name))


def test_the_table_holds_every_name_symbol_and_alias() -> None:
    written = {name for line in definitions() for name in (line.name, line.symbol, *line.aliases) if name}
    assert set(NAMES) == written | {"dimensionless"}
    assert written <= set(esgclaims.ureg._units)  # pint's registry was given each (and a test may register more)
    assert {"CNY", "RMB", "household", "households", "percent", "%", "permille", "tCO2e", "MWh", "ha"} <= set(NAMES)


@pytest.mark.parametrize(
    ("text", "dimensions"),
    [
        ("CNY / household", (("[currency_CNY]", 1), ("[household]", -1))),
        (" t ", (("[mass]", 1),)),
        ("m³", (("[length]", 3),)),
        ("kWh * t", (("[length]", 2), ("[mass]", 2), ("[time]", -2))),
    ],
)
def test_a_unit_units_txt_does_not_name_is_read_by_pint(text: str, dimensions: tuple[tuple[str, int], ...]) -> None:
    assert facts_named(text) is None
    assert unit_facts(text) == facts_of(parse_unit(text))
    assert unit_facts(text).dimensions == dimensions


@pytest.mark.parametrize("text", ["RMBB", "CNY ** 2", "hectares of", 5, None])
def test_unit_facts_refuses_what_parse_unit_refuses(text: object) -> None:
    with pytest.raises(UnitError) as expected:
        parse_unit(text)  # type: ignore[arg-type]
    with pytest.raises(UnitError) as got:
        unit_facts(text)  # type: ignore[arg-type]
    assert str(got.value) == str(expected.value)


EMPTY = object()


def _slots(value: ReportedValue) -> tuple[object, object]:
    """What the value's slots ``reported`` and ``upper`` hold, ``EMPTY`` for one not filled yet."""
    found = []
    for name in ("reported", "upper"):
        try:
            found.append(getattr(type(value), name).__get__(value))
        except AttributeError:
            found.append(EMPTY)
    return found[0], found[1]


def _loaded(amount: str, unit: str, qualifier: str, **figures: str) -> ReportedValue:
    extra = {name: Decimal(figure) for name, figure in figures.items()}
    return value_of_figures(Decimal(amount), unit_facts(unit), esgclaims.Qualifier(qualifier), **extra)


CASES = [
    ("3000000", "item", "more_than", {}),
    ("19.77", "RMB", "exact", {"precision": "0.01"}),
    ("99.5", "percent", "range", {"upper": "100"}),
    ("12", "ppm", "approximately", {"tolerance": "0.2"}),
    ("10000", "household", "order_of_magnitude", {"upper": "100000"}),
    ("4.2", "CNY / household", "at_most", {}),
]


@pytest.mark.parametrize(("amount", "unit", "qualifier", "figures"), CASES)
def test_a_loaded_value_holds_figures_until_read_then_is_the_value_of_builds(
    amount: str, unit: str, qualifier: str, figures: dict[str, str]
) -> None:
    loaded = _loaded(amount, unit, qualifier, **figures)
    built = ReportedValue.of(amount, unit, qualifier, **figures)
    assert loaded._figures is not None
    reported, upper = loaded._figures
    assert isinstance(reported, Figure)
    assert _slots(loaded) == (EMPTY, EMPTY if "upper" in figures else None)
    assert figure_bounds(loaded) == figure_bounds(built)  # a table reads figures: none made a quantity
    assert _slots(loaded) == (EMPTY, EMPTY if "upper" in figures else None)
    assert loaded.reported.magnitude is reported.amount  # the figure itself, not a copy
    assert loaded == built
    assert hash(loaded) == hash(built)
    assert str(loaded) == str(built)
    assert loaded.interval == built.interval
    assert _slots(loaded) == (built.reported, built.upper)  # kept, once read
    assert loaded.upper is None or loaded.upper.magnitude is upper.amount  # type: ignore[union-attr]
    with pytest.raises(AttributeError, match="'ReportedValue' object has no attribute 'figure'"):
        loaded.figure  # type: ignore[attr-defined]  # noqa: B018 - the read is the test


@pytest.mark.parametrize(("amount", "unit", "qualifier", "figures"), CASES)
def test_a_value_holding_figures_pickles_copies_and_evolves_as_quantities(
    amount: str, unit: str, qualifier: str, figures: dict[str, str]
) -> None:
    built = ReportedValue.of(amount, unit, qualifier, **figures)
    assert pickle.loads(pickle.dumps(_loaded(amount, unit, qualifier, **figures))) == built  # noqa: S301 - our own
    assert copy.deepcopy(_loaded(amount, unit, qualifier, **figures)) == built
    assert attrs.evolve(_loaded(amount, unit, qualifier, **figures)) == built
    assert attrs.asdict(_loaded(amount, unit, qualifier, **figures))["reported"] == built.reported


def test_a_loaded_value_is_checked_as_the_constructor_checks_it() -> None:
    for args, message in [
        (("101", "percent", "exact"), "a share cannot exceed 100%, got 101%"),
        (("1001", "permille", "at_least"), "a share cannot exceed 100%, got 1,001 ‰"),
        (("100", "percent", "more_than"), "no share is more than 100%"),
        (("0", "t", "less_than"), "no figure is less than 0 t"),
    ]:
        with pytest.raises(esgclaims.InvalidValueError, match=message):
            _loaded(*args)
        with pytest.raises(esgclaims.InvalidValueError, match=message):
            ReportedValue.of(*args)
    with pytest.raises(esgclaims.InvalidValueError, match="inverted bounds: upper 5 km is not above 10 km"):
        _loaded("10", "km", "range", upper="5")


def _fresh(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)  # noqa: S603
    return out.stdout.strip()


def test_importing_and_loading_claims_imports_no_pint(tmp_path: Path) -> None:
    claims = esgclaims.load_dataset("jd-2020")
    esgclaims.dump(claims, tmp_path / "claims.json")
    code = (
        "import sys, esgclaims; claims = esgclaims.load_dataset('jd-2020'); "
        f"again = esgclaims.load({str(tmp_path / 'claims.json')!r}); "
        "print('pint' in sys.modules, len(claims), len(again)); "
        "value = claims['jd-2020/impoverished-households-income-increased'].value; "
        "print(value.low, 'pint' in sys.modules)"
    )
    assert _fresh(code).splitlines() == ["False 17 17", "1000000 household True"]


def test_the_pint_names_are_there_when_asked_for() -> None:
    code = "import esgclaims; from esgclaims import ureg, quantity; print(quantity(5, 'RMB'), ureg.household)"
    assert _fresh(code) == "5 CNY household"
