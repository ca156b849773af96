"""Text that reaches a spreadsheet, a draft file or a claim file: formulas neutralised, controls escaped or refused."""

from __future__ import annotations

import csv
import io
import json
import tomllib
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs
import pytest

import esgclaims
from esgclaims._cli.main import main
from esgclaims._extract.drafts import dump_candidates
from esgclaims._interchange.datapackage import cell, to_csv

if TYPE_CHECKING:
    from pathlib import Path

CLAIMS = esgclaims.load_dataset("jd-2020")
FORMULAS = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", "\t=1", "\r=1"]


def _hostile_claims() -> esgclaims.ClaimSet:
    """jd-2020 with a formula as each of the first claims' organization name."""
    claims = []
    for number, (claim, formula) in enumerate(zip(CLAIMS, FORMULAS * 3, strict=False)):
        name = formula.replace("\r", "").replace("\t", "")  # a name holds no CR; a tab leads no name here
        subject = attrs.evolve(claim.subject, id=f"org-{number}", name=name)
        claims.append(attrs.evolve(claim, subject=subject))
    return esgclaims.ClaimSet(claims)


@pytest.mark.parametrize("formula", FORMULAS)
def test_a_text_cell_that_starts_a_formula_gets_a_quote_mark(formula: str) -> None:
    assert cell(formula) == "'" + formula
    assert cell(formula, neutralise=False) == formula


@pytest.mark.parametrize("number", ["-5", "-0.5", "1E+3", "0"])
def test_a_number_cell_stays_a_number(number: str) -> None:
    assert cell(Decimal(number)) == format(Decimal(number).normalize(), "f").removesuffix(".")
    assert not cell(Decimal(number)).startswith("'")


def test_the_export_csv_holds_no_formula_and_the_package_csv_is_the_same(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    claims = _hostile_claims()
    esgclaims.dump(claims, tmp_path / "hostile.json")
    assert main(["export", str(tmp_path / "hostile.json"), "--format", "csv"]) == 0
    written = capsys.readouterr().out
    assert written == to_csv(claims)
    rows = list(csv.DictReader(io.StringIO(written)))
    starts = ("=", "+", "-", "@", "\t", "\r")
    assert all(not value.startswith(starts) for row in rows for key, value in row.items() if key != "reported")
    assert rows[0]["subject"] == "'" + FORMULAS[0]
    esgclaims.to_datapackage(claims, tmp_path / "package")
    assert (tmp_path / "package" / "claims.csv").read_text(encoding="utf-8") == written


def test_raw_csv_writes_the_text_as_it_is(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    esgclaims.dump(_hostile_claims(), tmp_path / "hostile.json")
    assert main(["export", str(tmp_path / "hostile.json"), "--format", "csv", "--raw-csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0]["subject"] == FORMULAS[0]


def test_raw_csv_is_only_for_csv(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "jd-2020", "--format", "json", "--raw-csv"]) == 1
    assert "--raw-csv is an option of --format csv, not of --format json" in capsys.readouterr().err


def test_a_neutralised_data_package_still_validates(tmp_path: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    esgclaims.to_datapackage(_hostile_claims(), tmp_path / "package")
    report = frictionless.validate(str(tmp_path / "package" / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])


# ------------------------------------------------------------------ text a file can hold


def test_a_lone_surrogate_in_a_json_name_is_a_located_error(tmp_path: Path) -> None:
    document = json.loads(esgclaims._io.dump.to_json(CLAIMS))
    document["organizations"][0]["name"] = "JD\ud800"
    path = tmp_path / "surrogate.json"
    path.write_text(json.dumps(document, indent=2), encoding="ascii")  # json writes it as the escape \ud800
    with pytest.raises(esgclaims.FileFormatError) as raised:
        esgclaims.load(path)
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if "\\ud800" in text)
    assert str(raised.value).startswith(f"{path.name}, line {line}, column ")
    assert str(raised.value).endswith(
        "'\\ud800' is half of a surrogate pair, not a character; write the character itself"
    )


@pytest.mark.parametrize("name", ["JD\x1b[2J", "JD\x07", "JD\r", "JD\x7f", "JD\x85", "JD\x00"])
def test_a_control_character_in_a_name_is_refused(name: str) -> None:
    with pytest.raises(esgclaims.InvalidClaimError) as raised:
        esgclaims.Organization("jd", name)
    assert str(raised.value) == (
        f"name must be text without control characters (tab and newline are allowed), got {name!r}"
    )


def test_a_name_may_hold_tabs_and_newlines_and_a_quote_a_form_feed() -> None:
    assert esgclaims.Organization("jd", "JD\tGroup\nLtd").name == "JD\tGroup\nLtd"
    source = CLAIMS.claims[0].citation.source
    assert esgclaims.Citation(source, "a\x0cb", (0, 3)).quote == "a\x0cb"


def test_a_draft_of_a_text_with_every_control_character_is_valid_toml(tmp_path: Path) -> None:
    controls = "".join(chr(code) for code in [*range(0x20), 0x7F, *range(0x80, 0xA0)])
    text = f"In 2022, Acme{controls}Group donated RMB 5 million to schools{controls}. We used 3 MWh {controls}."
    candidates = esgclaims.extract(text)
    assert candidates
    dump_candidates(candidates, tmp_path / "draft.toml")
    draft = tomllib.loads((tmp_path / "draft.toml").read_text(encoding="utf-8"))
    assert [claim["quote"] for claim in draft["claims"]] == [c.quote for c in candidates if c.value is not None]
