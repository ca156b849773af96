"""A user's own report, end to end (issue 9): every kind of figure, declared count kinds, TOML written,
citations without spans, and periods that fit the metric."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

from esgclaims import (
    FileFormatError,
    InvalidClaimError,
    LoadError,
    Metric,
    UnitError,
    dump,
    load,
    load_dataset,
    locate_quotes,
    parse_unit,
    parse_value,
    quantity,
)
from esgclaims._io.atomic import atomic_write
from esgclaims._io.dump import to_toml


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


# -- counted kinds declared in the file

_USER_FILE = """
[[count_kinds]]
name = "mangrove"

[[count_kinds]]
name = "alumnus"
plural = "alumni"

[[sources]]
id = "s"
title = "Report"
publisher = "Co"

[[organizations]]
id = "co"
name = "Co"

[[metrics]]
id = "mangroves"
name = "Mangroves planted"
kind = "count"
count_of = "mangrove"
temporal = "flow"

[[metrics]]
id = "alumni"
name = "Alumni mentored"
kind = "count"
count_of = "alumnus"
temporal = "flow"

[[claims]]
id = "s/mangroves"
subject = "co"
metric = "mangroves"
period = "2023"
source = "s"
quote = "12,000 mangroves"

[claims.value]
amount = "12000"
unit = "mangroves"

[[claims]]
id = "s/alumni"
subject = "co"
metric = "alumni"
period = "2023"
source = "s"
quote = "300 alumni"

[claims.value]
amount = "300"
unit = "alumni"
"""


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command line in a fresh interpreter, where no kind was registered."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)}
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "esgclaims", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def test_declared_count_kinds_load_validate_and_list_in_a_fresh_process(tmp_path: Path) -> None:
    (tmp_path / "own.toml").write_text(_USER_FILE, encoding="utf-8")
    validated = _run("validate", "own.toml", cwd=tmp_path)
    listed = _run("list", "own.toml", cwd=tmp_path)
    assert (validated.returncode, validated.stdout, validated.stderr) == (0, "own.toml: 2 claims, all valid\n", "")
    assert listed.returncode == 0
    assert "12,000  mangroves  2023" in listed.stdout


def test_dump_writes_back_the_kinds_the_claims_count_that_are_not_shipped(tmp_path: Path) -> None:
    source = tmp_path / "own.toml"
    source.write_text(_USER_FILE, encoding="utf-8")
    claims = load(source)
    dump(claims, tmp_path / "again.toml")
    document = tomllib.loads((tmp_path / "again.toml").read_text(encoding="utf-8"))
    assert document["count_kinds"] == [{"name": "mangrove"}, {"name": "alumnus", "plural": "alumni"}]
    assert load(tmp_path / "again.toml") == claims
    shipped = tomllib.loads(to_toml(load_dataset("jd-2020")))
    assert "count_kinds" not in shipped


def test_an_extract_draft_declares_the_kinds_it_was_told_to_count(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text("GreenCo planted 12,000 saplings in 2023.\n", encoding="utf-8")
    extracted = _run("extract", "report.txt", "--count", "sapling", "-o", "draft.toml", cwd=tmp_path)
    assert extracted.returncode == 0, extracted.stderr
    draft = (tmp_path / "draft.toml").read_text(encoding="utf-8")
    assert '[[count_kinds]]\nname = "sapling"\n' in draft
    completed = (
        draft.replace("# TODO temporal", 'temporal = "flow"\n# was')
        .replace('# TODO title = "..."', 'title = "Report"')
        .replace('# TODO publisher = "..."', 'publisher = "GreenCo"')
        .replace("# TODO subject", 'subject = "greenco"\n# was')
    )
    (tmp_path / "draft.toml").write_text(
        completed + '\n[[organizations]]\nid = "greenco"\nname = "GreenCo"\n', encoding="utf-8"
    )
    validated = _run("validate", "draft.toml", cwd=tmp_path)
    assert (validated.returncode, validated.stderr) == (0, "")


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("time", "'time' is a dimension of physical units, not a count kind; choose another name"),
        ("mass", "'mass' is a dimension of physical units, not a count kind; choose another name"),
        ("length", "'length' is a dimension of physical units, not a count kind; choose another name"),
        ("metre", "'metre' is already a unit of [length], not a count kind"),
    ],
)
def test_a_count_kind_that_is_a_unit_or_a_dimension_is_refused_with_its_place(
    tmp_path: Path, name: str, problem: str
) -> None:
    file = tmp_path / "own.toml"
    file.write_text(_USER_FILE.replace('name = "mangrove"', f'name = "{name}"', 1), encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load(file)
    assert str(caught.value.exceptions[0]) == f"own.toml, count kind {name!r}, field 'name': {problem}"


def test_an_undeclared_count_kind_says_how_to_declare_it(tmp_path: Path) -> None:
    file = tmp_path / "own.toml"
    file.write_text(_USER_FILE.replace('count_of = "alumnus"', 'count_of = "quokka"'), encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load(file)
    assert str(caught.value.exceptions[0]) == (
        "own.toml, metric 'alumni', field 'count_of': unknown count kind 'quokka'; "
        "declare a new one in a [[count_kinds]] table: name = 'quokka'"
    )


# -- citations without spans


def _typed(tmp_path: Path, claims_toml: str) -> Path:
    file = tmp_path / "typed.toml"
    file.write_text(_USER_FILE.split("[[claims]]", maxsplit=1)[0] + claims_toml, encoding="utf-8")
    return file


_TYPED_CLAIMS = """
[[claims]]
id = "s/mangroves"
subject = "co"
metric = "mangroves"
period = "2023"
source = "s"
quote = "12,000 mangroves"
locator = "p. 42, table 3"
value = { amount = "12000", unit = "mangroves" }

[[claims]]
id = "s/alumni"
subject = "co"
metric = "alumni"
period = "2023"
source = "s"
quote = "300 alumni"
value = { amount = "300", unit = "alumni" }
"""


def test_a_claim_typed_from_a_pdf_needs_no_span_and_may_say_where_it_stands(tmp_path: Path) -> None:
    claims = load(_typed(tmp_path, _TYPED_CLAIMS))
    citation = claims["s/mangroves"].citation
    assert (citation.span, citation.locator) == (None, "p. 42, table 3")
    dump(claims, tmp_path / "again.toml")
    assert load(tmp_path / "again.toml") == claims


def test_locate_quotes_fills_in_spans_and_reports_quotes_not_in_the_text(tmp_path: Path) -> None:
    claims = load(_typed(tmp_path, _TYPED_CLAIMS))
    found = locate_quotes(claims, "In 2023 we planted 12,000 mangroves along the coast.")
    assert found.claims["s/mangroves"].citation.span == (19, 35)
    assert found.claims["s/mangroves"].citation.locator == "p. 42, table 3"
    assert [claim.id for claim in found.missing] == ["s/alumni"]
    assert not found


def test_the_locate_command_writes_the_spans_and_lists_the_missing_quotes(tmp_path: Path) -> None:
    _typed(tmp_path, _TYPED_CLAIMS)
    (tmp_path / "report.txt").write_text("We planted 12,000 mangroves and mentored 300 alumni.", encoding="utf-8")
    done = _run("locate", "typed.toml", "--text", "report.txt", "-o", "located.toml", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == "s/mangroves: [11, 27]\ns/alumni: [41, 51]\nwrote 2 claims to located.toml\n"
    assert tomllib.loads((tmp_path / "located.toml").read_text(encoding="utf-8"))["claims"][1]["span"] == [41, 51]
    (tmp_path / "short.txt").write_text("We planted 12,000 mangroves.", encoding="utf-8")
    short = _run("locate", "typed.toml", "--text", "short.txt", cwd=tmp_path)
    assert (short.returncode, short.stderr) == (1, "esgclaims: error: s/alumni: quote not in short.txt: “300 alumni”\n")


def test_a_span_that_does_not_match_its_quote_is_a_located_error(tmp_path: Path) -> None:
    file = _typed(tmp_path, _TYPED_CLAIMS.replace('quote = "300 alumni"', 'quote = "300 alumni"\nspan = [0, 4]'))
    with pytest.raises(LoadError) as caught:
        load(file)
    assert (
        str(caught.value.exceptions[0])
        == "typed.toml, claim 's/alumni', field 'span': span [0, 4] is 4 characters, the quote 10"
    )


# -- periods that fit the metric


_VILLAGES = """
[[metrics]]
id = "villages"
name = "Villages served"
kind = "count"
count_of = "village"
temporal = "{temporal}"

[[claims]]
id = "s/villages-march"
subject = "co"
metric = "villages"
period = "2024-03-31"
source = "s"
quote = "140 villages"
value = {{ amount = "140", unit = "villages" }}

[[claims]]
id = "s/villages-june"
subject = "co"
metric = "villages"
period = "2024-06-30"
source = "s"
quote = "130 villages"
value = {{ amount = "130", unit = "villages" }}
"""


def test_a_bare_date_on_a_cumulative_metric_means_as_of_and_a_fall_is_inconsistent(tmp_path: Path) -> None:
    claims = load(_typed(tmp_path, _VILLAGES.format(temporal="cumulative")))
    assert str(claims["s/villages-march"].period) == "as of 31 Mar 2024"
    findings = claims.check()
    assert [finding.status.value for finding in findings] == ["inconsistent"]


def test_a_bare_date_on_a_flow_metric_asks_for_a_span(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as caught:
        load(_typed(tmp_path, _VILLAGES.format(temporal="flow")))
    assert str(caught.value.exceptions[0]) == (
        "typed.toml, claim 's/villages-march', field 'period': a bare date '2024-03-31' names no span, which "
        "flow metric 'villages' needs; write the span the flow covers ('2023-04-01 to 2024-03-31'), or "
        "'2024-03-31 to 2024-03-31' for that one day"
    )


def test_a_one_day_flow_is_written_so_that_it_loads_back(tmp_path: Path) -> None:
    text = _VILLAGES.format(temporal="flow").replace('"2024-03-31"', '"2024-03-31 to 2024-03-31"')
    text = text.replace('"2024-06-30"', '"2024-06-30 to 2024-06-30"')
    claims = load(_typed(tmp_path, text))
    dump(claims, tmp_path / "again.toml")
    assert load(tmp_path / "again.toml") == claims


def test_the_schema_block_of_the_file_format_page_loads_as_written(tmp_path: Path) -> None:
    page = (Path(__file__).parent.parent / "docs" / "file-format.md").read_text(encoding="utf-8")
    block = page.split("```toml\n", 1)[1].split("\n```", 1)[0]
    (tmp_path / "schema.toml").write_text(block, encoding="utf-8")
    claims = load(tmp_path / "schema.toml")
    assert claims.ids == ("jd-2020/poverty-alleviation-sales",)
    assert "[[count_kinds]]" in block
    assert "locator" in block
