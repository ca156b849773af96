"""A user's own report, end to end (issue 9): every kind of figure, declared count kinds, TOML written,
citations without spans, and periods that fit the metric."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

from esgclaims import (
    FileFormatError,
    InvalidClaimError,
    Metric,
    UnitError,
    dump,
    load,
    load_dataset,
    parse_unit,
    parse_value,
    quantity,
)
from esgclaims._io.atomic import atomic_write


@pytest.mark.parametrize(
    ("text", "unit", "in_si", "si_unit"),
    [
        ("200,000 gallons", "gallon", "757.0823568", "m3"),
        ("9,840 megalitres", "megaliter", "9840000", "m3"),
        ("52,000 acres", "acre", "210436533.9648", "m2"),
        ("186,000 miles", "mile", "299337984", "m"),
        ("2,450 short tons", "short_ton", "2222602.613", "kg"),
        ("1.5 GW", "gigawatt", "1500000000", "W"),
        ("1,000 cubic feet", "cubic_foot", "28.316846592", "m3"),
        ("5 MMBtu", "million_btu", "5275279263.1", "J"),
        ("2 therms", "therm", "211011170.524", "J"),
        ("3 Gt", "gigatonne", "3000000000", "t"),
        ("12 mg/L", "milligram / liter", "12", "g / m3"),
    ],
)
def test_units_of_reports_outside_china_read_with_their_exact_definitions(
    text: str, unit: str, in_si: str, si_unit: str
) -> None:
    value = parse_value(text)
    assert str(value.reported.units) == unit
    assert value.reported.to(si_unit).magnitude == Decimal(in_si)


@pytest.mark.parametrize(
    ("kind", "unit"),
    [
        ("area", "ha"),
        ("area", "mu"),
        ("area", "km2"),
        ("area", "acre"),
        ("time", "hours"),
        ("time", "days"),
        ("time", "years"),
        ("power", "MW"),
        ("power", "GW"),
        ("power", "W"),
        ("ratio", "ratio_percent"),
        ("ratio", "dimensionless"),
        ("concentration", "mg/L"),
        ("emissions", "GtCO2e"),
        ("volume", "ML"),
        ("volume", "GL"),
    ],
)
def test_each_kind_of_figure_has_a_metric_kind_that_takes_it(kind: str, unit: str) -> None:
    metric = Metric("m", "M", kind, "flow")
    assert metric.accepts(parse_unit(unit))


def test_a_ratio_may_pass_100_percent_where_a_share_may_not() -> None:
    ratio = Metric("water-recycled", "Water recycled relative to use", "ratio", "flow")
    share = Metric("renewables", "Share of renewables", "share", "flow")
    assert ratio.accepts(parse_unit("ratio_percent"))
    assert not share.accepts(parse_unit("ratio_percent"))
    assert quantity("112", "ratio_percent").to("percent").magnitude == Decimal(112)


_KINDS = (
    "money, count, share, ratio, mass, energy, power, emissions, volume, area, distance, time, concentration, "
    "qualitative"
)


@pytest.mark.parametrize(("kind", "meant"), [("hectare", "area"), ("hours", "time"), ("MW", "power")])
def test_an_unknown_kind_suggests_the_kind_a_person_meant(kind: str, meant: str) -> None:
    with pytest.raises(InvalidClaimError) as caught:
        Metric("m", "M", kind, "flow")
    assert str(caught.value) == f"kind must be one of {_KINDS}, got {kind!r}; did you mean {meant!r}?"


@pytest.mark.parametrize(
    ("unit", "message"),
    [
        ("cubic metre", "unknown unit 'cubic metre'; did you mean 'm3'?"),
        ("sqm", "unknown unit 'sqm'; did you mean 'm2'?"),
        ("Gtt", "unknown unit 'Gtt'; did you mean 'Gt'?"),
    ],
)
def test_an_unknown_unit_suggests_the_unit_a_person_meant(unit: str, message: str) -> None:
    with pytest.raises(UnitError) as caught:
        parse_unit(unit)
    assert str(caught.value) == message


# -- TOML written as well as read


@pytest.mark.parametrize("suffix", [".toml", ".json"])
def test_dump_writes_the_format_its_suffix_names_byte_for_byte_the_same_twice(tmp_path: Path, suffix: str) -> None:
    claims = load_dataset("jd-2020")
    first, second = tmp_path / f"first{suffix}", tmp_path / f"second{suffix}"
    dump(claims, first)
    dump(load(first), second)
    assert load(first) == claims
    assert first.read_bytes() == second.read_bytes()
    if suffix == ".toml":
        assert tomllib.loads(first.read_text(encoding="utf-8"))["claims"][0]["value"]["amount"] == "110"


@pytest.mark.parametrize("name", ["claims.yaml", "claims"])
def test_dump_refuses_any_other_suffix(tmp_path: Path, name: str) -> None:
    with pytest.raises(FileFormatError) as caught:
        dump(load_dataset("jd-2020"), tmp_path / name)
    suffix = Path(name).suffix
    assert str(caught.value) == f"{name}: unknown file type {suffix!r}; expected .toml or .json"
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_leaves_the_old_file_whole_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "claims.toml"
    target.write_bytes(b"claims = []\n")

    def broken_replace(self: Path, target: object) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", broken_replace)
    with pytest.raises(OSError, match="No space left"):
        atomic_write(target, b"claims = [] # new\n")
    assert target.read_bytes() == b"claims = []\n"
    assert [path.name for path in tmp_path.iterdir()] == ["claims.toml"]
