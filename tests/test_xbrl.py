"""xBRL-JSON out and back in: the JD 2020 dataset, Arelle's offline validation, and bad reports."""

from __future__ import annotations

import json
import shutil
import subprocess
from typing import TYPE_CHECKING, Any

import pytest

import esgclaims
from esgclaims._cli.main import main
from esgclaims._interchange.xbrl import claim_id_of, fact_id_of, to_xbrl_document

if TYPE_CHECKING:
    from pathlib import Path

ARELLE = shutil.which("arelleCmdLine")
#: Every field of a claim that a report carries, compared one by one after a round trip.
KEPT = ("id", "value", "period", "modality", "subject.id", "metric.id", "metric.kind", "metric.temporal",
        "metric.count_of", "program.id", "citation.quote", "citation.source.id")  # fmt: skip
#: The fields a report does not carry (docs/interchange.md lists them too).
LOST = ("subject.name", "metric.name", "metric.frameworks", "program.name", "program.owner", "citation.span",
        "citation.source.title", "attribution", "note")  # fmt: skip


def _field(claim: esgclaims.Claim, path: str) -> object:
    value: Any = claim
    for name in path.split("."):
        value = None if value is None else getattr(value, name)
    return value


def _round_trip(claims: esgclaims.ClaimSet, folder: Path) -> esgclaims.ClaimSet:
    esgclaims.to_xbrl_json(claims, folder / "report.json")
    with pytest.warns(esgclaims.EsgClaimsWarning, match="xBRL-JSON does not carry"):
        return esgclaims.load(folder / "report.json")


def test_jd_2020_goes_to_xbrl_json_and_back_exactly_in_every_field_a_report_carries(tmp_path: Path) -> None:
    claims = esgclaims.load_dataset("jd-2020")
    back = _round_trip(claims, tmp_path)
    assert [claim.id for claim in back] == [claim.id for claim in claims]
    for claim in claims:
        for path in KEPT:
            assert _field(back[claim.id], path) == _field(claim, path), (claim.id, path)
    lost = {path for path in LOST for claim in claims if _field(back[claim.id], path) != _field(claim, path)}
    assert lost == {"subject.name", "metric.name", "metric.frameworks", "program.name", "program.owner",
                    "citation.span", "citation.source.title", "attribution", "note"}  # fmt: skip


def test_a_report_writes_exact_values_decimals_units_and_instants_at_the_end_of_the_day() -> None:
    facts = to_xbrl_document(esgclaims.load_dataset("jd-2020"))["facts"]
    donations = facts[fact_id_of("jd-2020/online-donations-raised")]
    assert donations["value"] == "19770000"
    assert donations["decimals"] == -4
    assert donations["dimensions"]["unit"] == "iso4217:CNY"
    assert donations["dimensions"]["period"] == "2020-01-01T00:00:00/2021-01-01T00:00:00"
    share = facts[fact_id_of("jd-2020/rural-frontline-employee-share")]
    assert (share["value"], share["decimals"], "unit" in share["dimensions"]) == ("0.8", 2, False)
    assert "period" not in share["dimensions"]  # an unknown period: forever
    counties = facts[fact_id_of("jd-2020/impoverished-counties-helped")]
    assert counties["dimensions"]["period"] == "2020-10-01T00:00:00"
    assert counties["dimensions"]["esgc:QualifierAxis"] == "esgc:ExactMember"
    note = facts[counties["links"]["footnote"]["_"][0]]
    assert note["dimensions"]["concept"] == "xbrl:note"
    assert note["value"] == "as of Sept. 30, 2020, JD had helped 110 impoverished counties"


@pytest.mark.parametrize("claim_id", ["jd-2020/x", "a_b", "a__b/c:d", "x:y_z/_"])
def test_fact_ids_read_back_to_the_claim_ids_they_stand_for(claim_id: str) -> None:
    assert claim_id_of(fact_id_of(claim_id)) == claim_id


@pytest.mark.skipif(ARELLE is None, reason="arelle-release (the test extra) is not installed")
def test_arelle_validates_the_jd_2020_report_offline(tmp_path: Path) -> None:
    assert main(["export", "jd-2020", "--format", "xbrl-json", "-o", str(tmp_path / "report.json")]) == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == ["esgc-2025-def.xml", "esgc-2025.xsd", "report.json"]
    command = [str(ARELLE), "--file", str(tmp_path / "report.json"), "--validate", "--workOffline"]
    result = subprocess.run([*command, "--validationExitCode"], capture_output=True, text=True, timeout=60, check=False)  # noqa: S603 - our own arguments
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(ARELLE is None, reason="arelle-release (the test extra) is not installed")
def test_arelle_rejects_a_member_that_is_not_in_the_qualifier_axis(tmp_path: Path) -> None:
    esgclaims.to_xbrl_json(esgclaims.load_dataset("jd-2020"), tmp_path / "report.json")
    text = (tmp_path / "report.json").read_text(encoding="utf-8").replace("esgc:MoreThanMember", "esgc:FlowMember")
    (tmp_path / "report.json").write_text(text, encoding="utf-8")
    command = [str(ARELLE), "--file", str(tmp_path / "report.json"), "--validate", "--workOffline"]
    result = subprocess.run([*command, "--validationExitCode"], capture_output=True, text=True, timeout=60, check=False)  # noqa: S603 - our own arguments
    assert result.returncode != 0
    assert "PrimaryItemDimensionallyInvalidError" in result.stdout + result.stderr


def _bad(tmp_path: Path, change: str, value: object) -> Path:
    document = to_xbrl_document(esgclaims.load_dataset("jd-2020"))
    fact = document["facts"][fact_id_of("jd-2020/online-donations-raised")]
    if change == "value":
        fact["value"] = value
    else:
        fact["dimensions"][change] = value
    path = tmp_path / "report.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "value", "field", "problem"),
    [
        ("concept", "esgc:Nonsense", "dimensions.concept", "unknown concept 'esgc:Nonsense'"),
        ("value", "19.77 million", "value", "expected a decimal number as text, got '19.77 million'"),
        ("value", "NaN", "value", "expected a decimal number as text, got 'NaN'"),
        ("period", "2020", "dimensions.period", "expected a duration of ISO 8601 dates at midnight, got '2020'"),
        ("period", "2020-02-30T00:00:00/2021-01-01T00:00:00", "dimensions.period", "not an ISO 8601 date"),
        ("unit", "RMB", "dimensions.unit", "expected a unit as iso4217:CODE or esgc:NAME, got 'RMB'"),
    ],
)
def test_a_bad_fact_is_a_located_error_and_nothing_is_loaded(
    tmp_path: Path, change: str, value: object, field: str, problem: str
) -> None:
    with pytest.raises(esgclaims.LoadError) as caught:
        esgclaims.load(_bad(tmp_path, change, value))
    (error,) = caught.value.exceptions
    assert isinstance(error, esgclaims.RecordError)
    assert error.file == "report.json"
    assert error.record == "fact 'c.jd-2020_sonline-donations-raised'"
    assert error.field == field
    assert problem in error.problem


def test_another_document_type_is_a_file_format_error(tmp_path: Path) -> None:
    path = tmp_path / "report.json"
    path.write_text(json.dumps({"documentInfo": {"documentType": "https://xbrl.org/CR/2021-02-03/xbrl-csv"}}))
    with pytest.raises(esgclaims.FileFormatError, match=r"report.json: expected an xBRL-JSON report .* got 'https"):
        esgclaims.load(path)


def test_the_cli_asks_for_a_json_file_name_for_a_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "jd-2020", "--format", "xbrl-json", "-o", str(tmp_path / "report.xml")]) != 0
    assert "xBRL-JSON report is written to a file with a .json name" in capsys.readouterr().err
