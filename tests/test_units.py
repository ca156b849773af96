"""The curated unit registry: one dimension per currency and per counted kind, exact magnitudes."""

from __future__ import annotations

import subprocess
import sys
import uuid
from decimal import Decimal
from importlib.resources import files
from typing import Any

import pint
import pytest

import esgclaims
from esgclaims import InvalidValueError, UnitError, parse_unit, quantity, register_count_kind, ureg
from esgclaims._decimal import arithmetic
from esgclaims._format import format_quantity, unit_words
from esgclaims._units import (
    Quantity,
    converted,
    count_kind_of,
    currency_of,
    decimal_quantity,
    is_share,
    shared_unit,
    to_decimal,
    unit_name,
    unit_of,
)

CURRENCIES = ("CNY", "USD", "HKD", "EUR", "GBP", "JPY")
COUNT_KINDS = ("household", "county", "farm", "item", "person", "city", "employee", "village")


def _definitions() -> list[list[str]]:
    """Each definition line of the shipped units.txt, split at ``=`` (comments and blocks dropped)."""
    text = files("esgclaims").joinpath("data", "units.txt").read_text(encoding="utf-8")
    definitions, in_block = [], False
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if line.startswith("@"):  # @defaults ... @end holds settings, not units
            in_block = line != "@end"
        elif line and not in_block:
            definitions.append([part.strip() for part in line.split("=")])
    return definitions


def _names(definition: list[str]) -> list[str]:
    """The name, symbol and aliases of one definition (``_`` is "no symbol")."""
    name, _reference, *rest = definition
    return [name, *(other for other in rest if other != "_")]


# --- the registry itself ---------------------------------------------------------


def test_ureg_is_one_pint_registry_shared_by_every_quantity() -> None:
    assert isinstance(ureg, pint.UnitRegistry)
    assert esgclaims.ureg is ureg
    assert quantity(1, "CNY")._REGISTRY is ureg
    assert parse_unit("household")._REGISTRY is ureg


def test_every_name_in_units_txt_is_a_unit_of_the_registry() -> None:
    for definition in _definitions():
        canonical = ureg.Unit(definition[0])
        for name in _names(definition):
            assert parse_unit(name) == canonical, name


def test_units_txt_names_symbols_and_aliases_are_unique() -> None:
    names = [name for definition in _definitions() for name in _names(definition)]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    assert duplicates == []
    dimensions = [definition[1] for definition in _definitions() if definition[1].startswith("[")]
    assert len(dimensions) == len(set(dimensions))


def test_registry_has_no_prefixes_so_no_name_is_read_as_prefix_plus_unit() -> None:
    assert set(ureg._prefixes) == {""}


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("hh", "unknown unit 'hh'; did you mean 'h'?"),  # pint's hectohour
        ("pct", "unknown unit 'pct'; did you mean 'percent'?"),  # pint's picocarat
        ("ct", "unknown unit 'ct'; did you mean 't'?"),  # pint's carat
        ("hectohour", "unknown unit 'hectohour'; did you mean 'hectolitre'?"),
        ("yd", "unknown unit 'yd'; did you mean 'd'?"),
        ("tons", "unknown unit 'tons'; did you mean 'tonnes'?"),  # short or long ton: not here
    ],
)
def test_pint_default_units_mean_nothing_here(name: str, message: str) -> None:
    assert name not in ureg
    with pytest.raises(UnitError) as caught:
        parse_unit(name)
    assert str(caught.value) == message


def test_a_registered_kind_is_suggested_after_the_shipped_units() -> None:
    register_count_kind("project")  # as close to "pct" as "percent" is
    with pytest.raises(UnitError, match=r"did you mean 'percent'\?"):
        parse_unit("pct")
    kind = _new_kind()
    register_count_kind(kind)
    with pytest.raises(UnitError, match=rf"did you mean '{kind}s?'\?"):
        parse_unit(kind + "z")


def test_import_leaves_pint_application_registry_and_contexts_alone() -> None:
    script = (
        "import pint\n"
        "app = pint.get_application_registry()\n"
        "before = app.get()\n"
        "import esgclaims\n"
        "assert pint.get_application_registry() is app\n"
        "assert app.get() is before\n"
        "assert esgclaims.ureg is not before\n"
        "assert list(before._active_ctx.contexts) == []\n"
        "assert list(esgclaims.ureg._active_ctx.contexts) == []\n"
    )
    # A fresh interpreter: this one has imported esgclaims already. The command is fixed text.
    subprocess.run([sys.executable, "-c", script], check=True)  # noqa: S603


# --- currencies -------------------------------------------------------------------


@pytest.mark.parametrize("code", CURRENCIES)
def test_each_iso_currency_is_a_base_dimension_of_its_own(code: str) -> None:
    unit = parse_unit(code)
    assert dict(unit.dimensionality) == {f"[currency_{code}]": 1}
    assert currency_of(unit) == code


@pytest.mark.parametrize("name", ["CNY", "RMB", "yuan", "renminbi"])
def test_rmb_and_yuan_are_names_of_cny(name: str) -> None:
    assert parse_unit(name) == ureg.CNY
    assert str(parse_unit(name)) == "CNY"


@pytest.mark.parametrize(("a", "b"), [(a, b) for a in CURRENCIES for b in CURRENCIES if a < b])
def test_adding_or_ordering_two_currencies_raises(a: str, b: str) -> None:
    with pytest.raises(pint.DimensionalityError):
        quantity(1, a) + quantity(1, b)
    with pytest.raises(pint.DimensionalityError):
        _ = quantity(1, a) < quantity(1, b)
    with pytest.raises(pint.DimensionalityError):
        quantity(1, a).to(b)


def test_equality_across_currencies_is_false_not_an_error() -> None:
    assert quantity(1, "CNY") != quantity(1, "USD")


# --- counted kinds ------------------------------------------------------------------


@pytest.mark.parametrize("kind", COUNT_KINDS)
def test_each_counted_kind_is_a_base_dimension_of_its_own(kind: str) -> None:
    unit = parse_unit(kind)
    assert dict(unit.dimensionality) == {f"[{kind}]": 1}
    assert count_kind_of(unit) == kind


def test_households_plus_counties_raises() -> None:
    with pytest.raises(pint.DimensionalityError):
        quantity(3, "households") + quantity(2, "counties")


def test_rmb_per_household_reads_as_such() -> None:
    unit = parse_unit("RMB/household")
    assert dict(unit.dimensionality) == {"[currency_CNY]": 1, "[household]": -1}
    assert unit_name(unit) == "CNY/household"
    assert unit_words(unit) == "RMB per household"
    assert format_quantity(quantity(5, unit)) == "RMB 5 per household"
    assert currency_of(unit) is None
    assert count_kind_of(unit) is None


def _new_kind() -> str:
    """A count kind no other test registers: the registry is shared by the whole process."""
    return "kind_" + "".join(chr(ord("a") + int(digit, 16) % 26) for digit in uuid.uuid4().hex[:10])


def test_register_count_kind_adds_a_base_dimension_with_its_plural() -> None:
    kind = _new_kind()
    unit = register_count_kind(kind, f"{kind}_plural")
    assert str(unit) == kind
    assert dict(unit.dimensionality) == {f"[{kind}]": 1}
    assert count_kind_of(unit) == kind
    assert parse_unit(f"{kind}_plural") == unit
    with pytest.raises(pint.DimensionalityError):
        quantity(1, kind) + quantity(1, "household")


@pytest.mark.parametrize(
    ("ending", "plural_ending"),
    [("ity", "ities"), ("ey", "eys"), ("ch", "ches"), ("sh", "shes"), ("ox", "oxes"), ("us", "uses"), ("er", "ers")],
)
def test_register_count_kind_without_a_plural_uses_the_regular_english_one(ending: str, plural_ending: str) -> None:
    kind = _new_kind() + ending
    unit = register_count_kind(kind)
    assert parse_unit(kind.removesuffix(ending) + plural_ending) == unit


def test_register_count_kind_twice_is_harmless() -> None:
    kind = _new_kind()
    first = register_count_kind(kind)
    assert register_count_kind(kind) == first
    assert parse_unit(f"{kind}s") == first


@pytest.mark.parametrize(
    ("name", "plural", "message"),
    [
        ("School", None, "a count kind is a lower-case word, got 'School'"),
        ("school1", None, "a count kind is a lower-case word, got 'school1'"),
        ("", None, "a count kind is a lower-case word, got ''"),
        ("meter", None, "'meter' is already a unit of [length], not a count kind"),
        ("households", None, "'households' is already a unit of [household], not a count kind"),
        ("t", None, "'t' is already a unit of [mass], not a count kind"),
    ],
)
def test_register_count_kind_refuses_names_that_are_not_new_kinds(name: str, plural: str | None, message: str) -> None:
    with pytest.raises(UnitError) as caught:
        register_count_kind(name, plural)
    assert str(caught.value) == message


def test_register_count_kind_refuses_a_plural_that_is_already_a_unit() -> None:
    kind = _new_kind()
    with pytest.raises(UnitError) as caught:
        register_count_kind(kind, "t")
    assert str(caught.value) == f"plural 't' of count kind '{kind}' is already a unit"
    assert kind not in ureg


# --- shares and physical units -------------------------------------------------------------


@pytest.mark.parametrize("name", ["percent", "%", "per_cent", "permille", "‰", "ppm"])
def test_shares_are_dimensionless(name: str) -> None:
    unit = parse_unit(name)
    assert unit.dimensionless
    assert is_share(unit)


def test_percent_converts_exactly_to_a_ratio() -> None:
    assert quantity(80, "%").to("dimensionless").magnitude == Decimal("0.8")


@pytest.mark.parametrize(
    ("amount", "unit", "target", "expected"),
    [
        ("1", "t", "kg", "1000"),
        ("1", "MWh", "kWh", "1000"),
        ("1", "MWh", "GJ", "3.6"),
        ("1", "m3", "L", "1000"),
        ("1", "km", "m", "1000"),
        ("1", "tCO2e", "kgCO2e", "1000"),
    ],
)
def test_physical_units_convert_exactly(amount: str, unit: str, target: str, expected: str) -> None:
    converted = quantity(amount, unit).to(target).magnitude
    assert isinstance(converted, Decimal)
    assert converted == Decimal(expected)


@pytest.mark.parametrize("name", ["t", "kg", "kWh", "MWh", "GJ", "m3", "L", "km", "tCO2e"])
def test_physical_unit_names_are_known(name: str) -> None:
    assert parse_unit(name) == ureg.Unit(name)


def test_emissions_are_a_dimension_of_their_own_not_mass() -> None:
    assert dict(parse_unit("tCO2e").dimensionality) == {"[emissions]": 1}
    with pytest.raises(pint.DimensionalityError):
        quantity(1, "t") + quantity(1, "tCO2e")


# --- exact magnitudes --------------------------------------------------------------------


def test_float_goes_through_its_shortest_repr() -> None:
    product: Quantity = quantity(19.77, "CNY") * 1000000
    assert isinstance(product.magnitude, Decimal)
    assert product.magnitude == 19770000
    assert product == quantity(19770000, "CNY")
    assert quantity(19.77) * 1000000 == 19770000


def test_billions_stay_exact() -> None:
    assert (quantity(16.9, "CNY") * 10**9).magnitude == Decimal("16900000000")


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (19.77, Decimal("19.77")),
        (0.1, Decimal("0.1")),
        (47300, Decimal("47300")),
        ("47,300", Decimal("47300")),
        ("1,234,567.89", Decimal("1234567.89")),
        (" 12 ", Decimal("12")),
        (Decimal("2.50"), Decimal("2.50")),
    ],
)
def test_to_decimal_reads_numbers_exactly(number: object, expected: Decimal) -> None:
    result = to_decimal(number)
    assert result == expected
    assert str(result) == str(expected)


@pytest.mark.parametrize(
    ("number", "message"),
    [
        (float("nan"), "expected a finite number, got nan"),
        (float("inf"), "expected a finite number, got inf"),
        ("NaN", "expected a finite number, got NaN"),
        ("Infinity", "expected a finite number, got Infinity"),
        (True, "expected a number, got a boolean (True)"),
        (None, "expected a number, got NoneType"),
        ("", "expected a decimal number, got ''"),
        ("0x10", "expected a decimal number, got '0x10'"),
        ("1,2,3", "expected digits grouped in threes by commas, got '1,2,3'"),
        ("4730,0", "expected digits grouped in threes by commas, got '4730,0'"),
    ],
)
def test_to_decimal_refuses_what_is_not_a_finite_number(number: object, message: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        to_decimal(number)
    assert str(caught.value) == message


def test_quantity_magnitudes_are_plain_decimals() -> None:
    assert str(quantity("1.977E+7", "CNY").magnitude) == "19770000"
    assert str(quantity("-0", "t").magnitude) == "0"


# --- unit strings are looked up, never evaluated -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CNY / household", "CNY/household"),
        ("RMB/household", "CNY/household"),
        ("kWh/t", "kilowatt_hour/tonne"),
        ("kWh * t", "kilowatt_hour*tonne"),
        ("CNY / household / yr", "CNY/household/year"),
        ("m³", "cubic_meter"),
        ("kWh/m²", "kilowatt_hour/square_meter"),
        ("", "dimensionless"),
        ("dimensionless", "dimensionless"),
    ],
)
def test_parse_unit_reads_names_and_simple_products_and_quotients(text: str, expected: str) -> None:
    unit = parse_unit(text)
    assert unit_name(unit) == expected
    assert parse_unit(unit_name(unit)) == unit


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("RMBB", "unknown unit 'RMBB'; did you mean 'RMB'?"),
        ("t**2", "cannot read unit 't**2': expected unit names joined by '*' or '/'"),
        ("2*t", "cannot read unit '2*t': expected unit names joined by '*' or '/'"),
        ("t / / kg", "cannot read unit 't / / kg': expected unit names joined by '*' or '/'"),
        ("__import__('os')", "cannot read unit \"__import__('os')\": expected unit names joined by '*' or '/'"),
        ("kilo gram", "cannot read unit 'kilo gram': expected unit names joined by '*' or '/'"),
        ("RMB per household", "cannot read unit 'RMB per household': expected unit names joined by '*' or '/'"),
    ],
)
def test_parse_unit_refuses_anything_but_known_names(text: str, message: str) -> None:
    with pytest.raises(UnitError) as caught:
        parse_unit(text)
    assert str(caught.value) == message


def test_units_and_quantities_of_other_registries_are_refused() -> None:
    foreign = pint.UnitRegistry(None).Quantity(1)
    with pytest.raises(UnitError) as caught:
        quantity(foreign)
    assert str(caught.value) == "quantity 1 dimensionless belongs to another pint registry; use esgclaims.ureg"
    with pytest.raises(UnitError) as caught:
        parse_unit(pint.UnitRegistry(None).Unit("dimensionless"))
    assert str(caught.value) == "unit dimensionless belongs to another pint registry; use esgclaims.ureg"


@pytest.mark.parametrize(
    ("amount", "source", "target"),
    [
        ("19.77", "million * CNY", "CNY"),
        ("1", "hour", "year"),  # a rounded factor: pint's own, kept by unit pair
        ("2.5", "kt", "kg"),
        ("7", "percent", "permille"),
        ("3", "MWh", "GJ"),
        ("120", "CNY / household", "thousand * CNY / household"),
    ],
)
def test_converted_gives_what_pint_to_gives_in_the_library_context(amount: str, source: str, target: str) -> None:
    value, unit = quantity(amount, source), parse_unit(target)
    with arithmetic():
        fast = converted(value, unit)
        slow = value.to(unit)
    assert fast is not None
    assert (type(fast.magnitude), fast.magnitude, fast.units) == (Decimal, slow.magnitude, slow.units)


def test_converted_gives_a_quantity_in_its_own_unit_back_as_it_is() -> None:
    value = quantity("19.77", "million * CNY")
    assert converted(value, parse_unit("million * CNY")) is value


def test_converted_leaves_a_float_magnitude_and_another_registry_to_pint() -> None:
    assert converted(ureg.Quantity(2.5, "t"), parse_unit("kg")) is None
    assert converted(pint.UnitRegistry(None).Quantity(Decimal(1)), parse_unit("dimensionless")) is None


def test_converted_refuses_another_dimension_as_pint_does() -> None:
    with pytest.raises(pint.DimensionalityError):
        converted(quantity(1, "t"), parse_unit("CNY"))


def test_unit_of_gives_one_shared_unit_for_each_unit() -> None:
    first, second = quantity(1, "CNY / household"), quantity(2, "CNY / household")
    assert unit_of(first) is unit_of(second)
    assert unit_of(first) == first.units
    assert shared_unit(parse_unit("CNY / household")) is unit_of(first)
    foreign = pint.UnitRegistry(None).Quantity(1)
    assert unit_of(foreign) == foreign.units


@pytest.mark.parametrize(("magnitude", "unit"), [("2.5", "CNY"), ("0", "t / year"), ("-1E+3", "percent")])
def test_decimal_quantity_is_the_quantity_pint_builds(magnitude: str, unit: str) -> None:
    made, built = decimal_quantity(Decimal(magnitude), parse_unit(unit)), ureg.Quantity(Decimal(magnitude), unit)
    assert (type(made), vars(made), repr(made)) == (type(built), vars(built), repr(built))
    left_to_pint: Any = 3
    assert type(decimal_quantity(left_to_pint, parse_unit(unit)).magnitude) is int
