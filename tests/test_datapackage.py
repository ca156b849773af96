"""The Frictionless data package: the export's CSV and a datapackage.json that frictionless validates, exactly."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import frictionless
import pytest

import esgclaims
from esgclaims import ClaimSet
from esgclaims._cli.main import main
from esgclaims._display.frames import COLUMNS
from esgclaims._interchange import datapackage
from esgclaims._interchange.datapackage import CSV_NAME, DESCRIPTOR_NAME, FIELDS, descriptor, to_csv

CLAIMS = esgclaims.load_dataset("jd-2020")
FRICTIONLESS = shutil.which("frictionless") or str(Path(sys.executable).with_name("frictionless"))
NUMBERS = ("reported", "low", "high", "tolerance", "precision")


def _package(tmp_path: Path, claims: ClaimSet = CLAIMS, name: str = "jd-2020") -> Path:
    directory = tmp_path / name
    esgclaims.to_datapackage(claims, directory)
    return directory


def _descriptor(directory: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((directory / DESCRIPTOR_NAME).read_text(encoding="utf-8"))
    return loaded


def _rows(package: frictionless.Package) -> list[frictionless.Row]:
    """The rows of the package's one resource, typed by its schema."""
    resource = package.get_resource("claims")
    assert isinstance(resource, frictionless.resources.TableResource)
    return resource.read_rows()


def _rewrite(directory: Path, row: int, column: str, text: str) -> None:
    """Set one cell of the package's CSV, and the size and hash the descriptor records, so only the cell is wrong."""
    path = directory / CSV_NAME
    with path.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    rows[row][rows[0].index(column)] = text
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream, lineterminator="\n").writerows(rows)
    package = _descriptor(directory)
    data = path.read_bytes()
    package["resources"][0].update(bytes=len(data), hash=f"sha256:{hashlib.sha256(data).hexdigest()}")
    (directory / DESCRIPTOR_NAME).write_text(json.dumps(package), encoding="utf-8")


# ------------------------------------------------------------------ the schema


def test_the_schema_has_the_columns_of_the_records_in_order() -> None:
    assert tuple(field.name for field in FIELDS) == COLUMNS


def test_the_schema_types_required_fields_enums_and_the_primary_key() -> None:
    schema = descriptor("claims", b"")["resources"][0]["schema"]
    fields = {field["name"]: field for field in schema["fields"]}
    assert schema["primaryKey"] == ["id"]
    assert fields["id"]["constraints"] == {"required": True, "unique": True}
    assert [name for name, field in fields.items() if field.get("constraints", {}).get("required")] == [
        "id",
        "subject",
        "metric",
        "period",
        "temporal",
        "attribution",
        "modality",
        "quote",
        "source",
    ]
    assert {name for name, field in fields.items() if field["type"] == "number"} == set(NUMBERS)
    assert fields["period_start"]["type"] == fields["period_end"]["type"] == "date"
    assert fields["low_closed"] == {
        "name": "low_closed",
        "type": "boolean",
        "description": "Whether 'low' itself is allowed.",
        "trueValues": ["true"],
        "falseValues": ["false"],
    }
    assert fields["qualifier"]["constraints"]["enum"] == [member.value for member in esgclaims.Qualifier]
    assert fields["modality"]["constraints"]["enum"] == ["achievement", "commitment", "target"]
    assert fields["temporal"]["constraints"]["enum"] == ["flow", "cumulative", "stock", "event"]


def test_every_value_of_a_field_with_an_enum_is_one_of_its_values() -> None:
    schema = descriptor("claims", b"")["resources"][0]["schema"]
    for field in schema["fields"]:
        if "enum" in field.get("constraints", {}):
            values = {record[field["name"]] for record in CLAIMS.to_records()} - {None}
            assert values <= set(field["constraints"]["enum"]), field["name"]


# ------------------------------------------------------------------ writing and validating


def test_the_package_holds_the_csv_that_export_writes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    directory = _package(tmp_path)
    assert main(["export", "jd-2020", "--format", "csv"]) == 0
    assert (directory / CSV_NAME).read_text(encoding="utf-8") == capsys.readouterr().out == to_csv(CLAIMS)
    assert sorted(path.name for path in directory.iterdir()) == [CSV_NAME, DESCRIPTOR_NAME]


def test_frictionless_validates_the_package(tmp_path: Path) -> None:
    report = frictionless.validate(str(_package(tmp_path) / DESCRIPTOR_NAME))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert report.stats["errors"] == 0
    assert report.stats["warnings"] == 0


def test_the_frictionless_command_validates_the_package(tmp_path: Path) -> None:
    directory = _package(tmp_path)
    result = subprocess.run(  # noqa: S603 - the frictionless command of this environment
        [FRICTIONLESS, "validate", str(directory / DESCRIPTOR_NAME)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "VALID" in result.stdout


def test_the_frictionless_command_fails_a_package_with_a_bad_cell(tmp_path: Path) -> None:
    directory = _package(tmp_path)
    _rewrite(directory, 3, "qualifier", "lots")
    result = subprocess.run(  # noqa: S603 - the frictionless command of this environment
        [FRICTIONLESS, "validate", str(directory / DESCRIPTOR_NAME)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode != 0
    assert "constraint-error" in result.stdout


@pytest.mark.parametrize(
    ("column", "text", "errors"),
    [
        ("qualifier", "lots", [("qualifier", "constraint-error")]),
        ("modality", "hope", [("modality", "constraint-error")]),
        ("reported", "1.977e7x", [("reported", "type-error")]),
        ("period_end", "2020-13-01", [("period_end", "type-error")]),
        ("low_closed", "yes", [("low_closed", "type-error")]),
        ("source", "", [("source", "constraint-error")]),
        ("id", "jd-2020/impoverished-counties-helped", [("id", "unique-error"), (None, "primary-key")]),
    ],
)
def test_frictionless_finds_a_cell_that_breaks_the_schema(
    tmp_path: Path, column: str, text: str, errors: list[tuple[str | None, str]]
) -> None:
    directory = _package(tmp_path)
    _rewrite(directory, 3, column, text)  # the third claim: row 4 of the file, after the header
    report = frictionless.validate(str(directory / DESCRIPTOR_NAME))
    assert report.flatten(["rowNumber", "fieldName", "type"]) == [[4, field, kind] for field, kind in errors]


def test_a_csv_changed_after_writing_fails_on_its_hash(tmp_path: Path) -> None:
    directory = _package(tmp_path)
    with (directory / CSV_NAME).open("a", encoding="utf-8") as stream:
        stream.write("\n")
    report = frictionless.validate(str(directory / DESCRIPTOR_NAME))
    assert {"hash-count", "byte-count"} <= {kind for (kind,) in report.flatten(["type"])}


# ------------------------------------------------------------------ reading back exactly


def test_frictionless_reads_back_every_figure_and_date_exactly(tmp_path: Path) -> None:
    package = frictionless.Package(str(_package(tmp_path) / DESCRIPTOR_NAME))
    rows = _rows(package)
    records = CLAIMS.to_records()
    assert len(rows) == len(records)
    for row, record in zip(rows, records, strict=True):
        for column in COLUMNS:
            if column in NUMBERS and record[column] is not None:
                assert isinstance(row[column], Decimal)
            assert row[column] == record[column], (record["id"], column)


def test_csv_and_decimal_read_back_every_figure_exactly(tmp_path: Path) -> None:
    with (_package(tmp_path) / CSV_NAME).open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    for row, record in zip(rows, CLAIMS.to_records(), strict=True):
        for column in NUMBERS:
            assert (Decimal(row[column]) if row[column] else None) == record[column]
            assert "e" not in row[column].lower()


def test_a_figure_beyond_float_precision_stays_exact(tmp_path: Path) -> None:
    claim = CLAIMS["jd-2020/poverty-alleviation-sales"]
    exact = "123456789012345678.123456789"
    precise = attrs.evolve(claim, value=esgclaims.ReportedValue.of(exact, "CNY"))
    package = frictionless.Package(str(_package(tmp_path, ClaimSet([precise])) / DESCRIPTOR_NAME))
    (row,) = _rows(package)
    assert row["reported"] == row["low"] == row["high"] == Decimal(exact)
    assert float(exact) != Decimal(exact)


def test_an_empty_claim_set_is_a_valid_package_of_no_rows(tmp_path: Path) -> None:
    directory = _package(tmp_path, ClaimSet([]), "empty")
    assert (directory / CSV_NAME).read_text(encoding="utf-8") == ",".join(COLUMNS) + "\n"
    assert frictionless.validate(str(directory / DESCRIPTOR_NAME)).valid


@pytest.mark.parametrize(
    ("directory", "name"),
    [("jd-2020", "jd-2020"), ("JD 2020 (final)", "jd-2020--final"), ("日本", "claims"), ("v1.2", "v1.2")],
)
def test_the_package_is_named_for_its_directory(tmp_path: Path, directory: str, name: str) -> None:
    package = _descriptor(_package(tmp_path, name=directory))
    assert package["name"] == name
    assert frictionless.validate(str(tmp_path / directory / DESCRIPTOR_NAME)).valid


# ------------------------------------------------------------------ atomic writes


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(path: Path, content: bytes, mode: str) -> None:
        if path.name == DESCRIPTOR_NAME:
            raise OSError(28, "No space left on device", str(path))
        path.write_bytes(content)

    monkeypatch.setattr(datapackage, "_write", fail)
    with pytest.raises(OSError, match="No space left"):
        esgclaims.to_datapackage(CLAIMS, tmp_path / "out")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_into_an_existing_package_keeps_the_old_files_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    directory = _package(tmp_path)
    before = {path.name: path.read_bytes() for path in directory.iterdir()}
    real = datapackage._write

    def fail(path: Path, content: bytes, mode: str) -> None:
        real(path, content[: len(content) // 2], mode)  # half written, then the disk fills
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr(datapackage, "_write", fail)
    with pytest.raises(OSError, match="No space left"):
        esgclaims.to_datapackage(ClaimSet(list(CLAIMS)[:3]), directory)
    assert {path.name: path.read_bytes() for path in directory.iterdir()} == before


def test_writing_into_an_existing_directory_replaces_the_package_and_keeps_other_files(tmp_path: Path) -> None:
    directory = _package(tmp_path)
    (directory / "README.txt").write_text("mine", encoding="utf-8")
    esgclaims.to_datapackage(ClaimSet(list(CLAIMS)[:3]), directory)
    assert sorted(path.name for path in directory.iterdir()) == ["README.txt", CSV_NAME, DESCRIPTOR_NAME]
    assert len((directory / CSV_NAME).read_text(encoding="utf-8").splitlines()) == 4
    assert frictionless.validate(str(directory / DESCRIPTOR_NAME)).valid


def test_the_new_directory_and_files_get_the_usual_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    os.umask(umask)
    directory = _package(tmp_path)
    assert directory.stat().st_mode & 0o777 == 0o777 & ~umask
    assert (directory / CSV_NAME).stat().st_mode & 0o777 == 0o666 & ~umask


# ------------------------------------------------------------------ the command line


def test_export_datapackage_writes_a_valid_package(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    directory = tmp_path / "out"
    assert main(["export", "jd-2020", "--format", "datapackage", "-o", f"{directory}/"]) == 0
    assert capsys.readouterr().out == f"wrote {len(CLAIMS)} claims to {directory}: claims.csv and datapackage.json\n"
    assert frictionless.validate(str(directory / DESCRIPTOR_NAME)).valid


def test_export_datapackage_needs_a_directory(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "jd-2020", "--format", "datapackage"]) == 1
    assert capsys.readouterr().err == "esgclaims: error: a data package is a directory: name it with -o (-o jd-2020/)\n"


def test_export_datapackage_into_a_missing_parent_is_an_error_that_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "jd-2020", "--format", "datapackage", "-o", str(tmp_path / "no" / "out")]) == 1
    assert capsys.readouterr().err.startswith("esgclaims: error: ")
    assert list(tmp_path.iterdir()) == []


def test_export_datapackage_over_a_file_is_an_error_that_keeps_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out"
    target.write_text("mine", encoding="utf-8")
    assert main(["export", "jd-2020", "--format", "datapackage", "-o", str(target)]) == 1
    assert capsys.readouterr().err.startswith("esgclaims: error: ")
    assert target.read_text(encoding="utf-8") == "mine"
    assert [path.name for path in tmp_path.iterdir()] == ["out"]
