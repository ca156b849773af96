"""The ``esgclaims`` command line: every command with good input and bad, errors one a line, no tracebacks.

Claim files are written into ``tmp_path``: a 2021 annual report and a 2022 press
release about one company, which agree on donations and contradict each other on
farms helped. docs/cli.md runs its examples against the same two files.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shlex
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import esgclaims
from esgclaims import ClaimSet
from esgclaims._cli.main import BROKEN_PIPE, main
from esgclaims._display.frames import COLUMNS

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "cli.md"


# ------------------------------------------------------------------ claim files


def _toml_value(value: object) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{key} = {_toml_value(item)}" for key, item in value.items()) + " }"
    return json.dumps(value, ensure_ascii=False)  # strings and integers read the same in TOML


def _claim_file(path: Path, source: dict[str, str], claims: list[tuple[str, str, str, str, dict[str, str]]]) -> Path:
    """A claim file about Greenleaf Group: ``claims`` are (id, metric, period, quote, value) with true spans."""
    document: dict[str, list[dict[str, Any]]] = {
        "sources": [{**source, "publisher": "Greenleaf Group"}],
        "organizations": [{"id": "greenleaf", "name": "Greenleaf Group", "kind": "company"}],
        "metrics": [
            {"id": "donations", "name": "Charitable donations", "kind": "money", "temporal": "flow"},
            {"id": "farms", "name": "Farms helped", "kind": "count", "count_of": "farm", "temporal": "cumulative"},
        ],
        "claims": [],
    }
    text = ""
    for claim_id, metric, period, quote, value in claims:
        start = len(text)
        text += quote + " "
        span = [start, start + len(quote)]
        record = {"id": claim_id, "subject": "greenleaf", "metric": metric, "period": period}
        document["claims"].append({**record, "source": source["id"], "quote": quote, "span": span, "value": value})
    lines = []
    for table, records in document.items():
        for record in records:
            lines += [f"[[{table}]]", *(f"{key} = {_toml_value(item)}" for key, item in record.items()), ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _report(path: Path) -> Path:
    source = {"id": "annual-report-2021", "title": "Greenleaf Group Annual Report 2021"}
    return _claim_file(
        path,
        source,
        [
            (
                "report-2021/donations",
                "donations",
                "2021",
                "In 2021 we donated RMB 180 million",
                {"amount": "180000000", "unit": "CNY", "precision": "1000000"},
            ),
            (
                "report-2021/farms",
                "farms",
                "as of 2021-12-31",
                "12,000 farms helped to date",
                {"amount": "12000", "unit": "farm", "precision": "1000"},
            ),
        ],
    )


def _press(path: Path, *, farms: bool = True) -> Path:
    source = {"id": "press-release-2022", "title": "Greenleaf Group: 2021 in review"}
    claims = [
        (
            "press-2022/donations",
            "donations",
            "2021",
            "about RMB 200 million in 2021",
            {"qualifier": "approximately", "amount": "200000000", "unit": "CNY", "precision": "1000000"},
        ),
        (
            "press-2022/donations-usd",
            "donations",
            "2021",
            "US$28 million in 2021",
            {"amount": "28000000", "unit": "USD", "precision": "1000000"},
        ),
    ]
    if farms:
        more = {"qualifier": "more_than", "amount": "15000", "unit": "farm", "precision": "1000"}
        claims.append(("press-2022/farms", "farms", "as of 2021-06-30", "more than 15,000 farms by June 2021", more))
    return _claim_file(path, source, claims)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    """report-2021.toml and press-2022.toml, in ``tmp_path``."""
    return _report(tmp_path / "report-2021.toml"), _press(tmp_path / "press-2022.toml")


@pytest.fixture
def bad_file(tmp_path: Path) -> Path:
    """A claim file with three bad fields in two claims."""
    return _bad(tmp_path / "bad.toml")


def _bad(path: Path) -> Path:
    _report(path)
    text = path.read_text(encoding="utf-8")
    text = text.replace('subject = "greenleaf"', 'subject = "greenlef"', 1)
    text = text.replace('unit = "farm"', 'unit = "farn"')
    text = text.replace('period = "2021"', 'period = "sometime"')
    path.write_text(text, encoding="utf-8")
    return path


BAD_FILE_ERRORS = [
    (
        "esgclaims: error: bad.toml, claim 'report-2021/donations', field 'subject': "
        "no organization with id 'greenlef'; did you mean 'greenleaf'?"
    ),
    (
        "esgclaims: error: bad.toml, claim 'report-2021/donations', field 'period': cannot read the period "
        "'sometime'; expected e.g. 'as of 2020-09-30', '2019-09 to 2021-02', '2020', 'FY2022', 'H1 2022', "
        "'Q3 2020' or 'unknown'"
    ),
    (
        "esgclaims: error: bad.toml, claim 'report-2021/farms', field 'value.unit': "
        "unknown unit 'farn'; did you mean 'farm'?"
    ),
    "esgclaims: bad.toml: 3 errors; nothing was loaded",
]


def _run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    status = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


# ------------------------------------------------------------------ the parser


def test_help_names_every_command_with_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    for command in ("list", "show", "compare", "check", "validate", "export", "extract"):
        assert re.search(rf"^    {command} +\w", out, flags=re.MULTILINE), command
        assert f"\n  esgclaims {command} " in out
    unwrapped = " ".join(out.split())
    assert "Exit status: 0 done; 1 an error, or an inconsistent finding of check; 2 a wrong command line." in unwrapped


@pytest.mark.parametrize("command", ["list", "show", "compare", "check", "validate", "export"])
def test_each_command_has_help_with_an_example(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main([command, "--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: esgclaims {command} ")
    assert re.search(rf"^examples?:\n  esgclaims {command} ", out, flags=re.MULTILINE)
    assert all(len(line) <= 100 for line in out.splitlines())


def test_check_help_documents_its_exit_status(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    assert (
        "exit status:\n"
        "  0  no finding is inconsistent\n"
        "  1  some finding is inconsistent, or a source cannot be loaded\n"
        "  2  the command line is wrong\n"
    ) in capsys.readouterr().out


def test_version_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"esgclaims {esgclaims.__version__}\n"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "the following arguments are required: COMMAND"),
        (["compare", "jd-2020/online-donations-raised"], "the following arguments are required: ID"),
        (["export", "jd-2020"], "the following arguments are required: --format/-f"),
        (["export", "jd-2020", "--format", "xml"], "argument --format/-f: invalid choice: 'xml'"),
        (["frobnicate"], "argument COMMAND: invalid choice: 'frobnicate'"),
    ],
)
def test_a_wrong_command_line_exits_2_as_argparse_does(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: esgclaims")
    assert f"esgclaims{' ' + argv[0] if argv and argv[0] != 'frobnicate' else ''}: error: {message}" in err


# ------------------------------------------------------------------ list and show


def test_list_prints_the_dataset_as_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, "list", "jd-2020")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["subject", "program", "metric"]
    assert re.split(r"\s{2,}", lines[2]) == [
        "JD.com",
        "E-commerce poverty alleviation",
        "Impoverished counties helped",
        "exact",
        "110",
        "counties",
        "cumulative to 30 Sep 2020",
    ]
    assert lines[-1] == "17 claims from jd-2020"


def test_list_defaults_to_the_shipped_dataset(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "list")[1].endswith("\n17 claims from jd-2020\n")


def test_list_ids_prints_one_id_a_line(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "list", "--ids", "jd-2020")
    assert status == 0
    assert out.splitlines() == list(esgclaims.load_dataset("jd-2020").ids)


def test_list_merges_several_files(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    report, press = files
    status, out, _ = _run(capsys, "list", "--ids", report, press)
    assert status == 0
    assert out.splitlines() == [
        "report-2021/donations",
        "report-2021/farms",
        "press-2022/donations",
        "press-2022/donations-usd",
        "press-2022/farms",
    ]
    assert _run(capsys, "list", report, press)[1].endswith(f"\n5 claims from {report} and {press}\n")


def test_list_reports_every_error_of_a_bad_file_one_a_line(bad_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, "list", bad_file)
    assert (status, out) == (1, "")
    assert err.splitlines() == BAD_FILE_ERRORS


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (
            "jd-2021",
            (
                "jd-2021: no such dataset or claim file; esgclaims ships jd-2020, "
                "and claim files end in .toml or .json; did you mean 'jd-2020'?"
            ),
        ),
        ("{tmp}/missing.toml", "{tmp}/missing.toml: cannot read the file: No such file or directory"),
        ("{tmp}", "{tmp}: cannot read the file: Is a directory"),
    ],
)
def test_list_names_a_source_that_is_neither_a_dataset_nor_a_claim_file(
    source: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = _run(capsys, "list", source.format(tmp=tmp_path))
    assert (status, out) == (1, "")
    assert err == f"esgclaims: error: {message.format(tmp=tmp_path)}\n"
    assert "Traceback" not in err


def test_show_prints_a_claim_in_full(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "show", "jd-2020/online-donations-raised")
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "jd-2020/online-donations-raised"
    assert "  value      RMB 19,770,000" in lines
    assert "  quote      “its online donation platform raised RMB 19.77 million yuan” [3530:3588]" in lines


def test_show_prints_several_claims_from_merged_files(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    report, press = files
    status, out, _ = _run(capsys, "show", "report-2021/farms", "press-2022/farms", "--from", report, "--from", press)
    assert status == 0
    first, second = out.split("\n\n")
    assert first.splitlines()[0] == "report-2021/farms"
    assert "  interval   [12,000 farms]" in first.splitlines()
    assert second.splitlines()[0] == "press-2022/farms"
    assert "  interval   (15,000 farms, ∞)" in second.splitlines()


def test_show_an_unknown_id_suggests_close_ids(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, "show", "online-donations-raised")
    assert (status, out) == (1, "")
    assert err == (
        "esgclaims: error: jd-2020 has no claim 'online-donations-raised'; "
        "did you mean 'jd-2020/online-donations-raised'?\n"
    )


def test_show_an_id_like_none_points_to_list_ids(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _run(capsys, "show", "xyz", "--from", files[0])
    assert status == 1
    assert (
        err == f"esgclaims: error: {files[0]} has no claim 'xyz'; esgclaims list --ids {files[0]} lists the claim ids\n"
    )


# ------------------------------------------------------------------ compare


def test_compare_prints_both_claims_and_the_comparison(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, "compare", "jd-2020/online-donations-raised", "jd-2020/jd-foundation-donations")
    assert (status, err) == (0, "")
    claims = esgclaims.load_dataset("jd-2020")
    first, second = claims["jd-2020/online-donations-raised"], claims["jd-2020/jd-foundation-donations"]
    lines = out.splitlines()
    assert lines[:3] == [
        "jd-2020/online-donations-raised vs jd-2020/jd-foundation-donations",
        f"  first       {first}",
        f"  second      {second}",
    ]
    assert lines[3:] == str(esgclaims.compare(first, second)).splitlines()[1:]
    assert "  order       less" in lines
    assert "  ratio       between 8.986% and 10.99%" in lines
    assert "  - different metrics: 'Donations raised online' and 'Charitable donations made'" in lines


def test_compare_with_rounding_widens_the_figures(capsys: pytest.CaptureFixture[str]) -> None:
    ids = ("jd-2020/poverty-alleviation-sales", "jd-2020/impoverished-households-income-increased")
    plain = _run(capsys, "compare", *ids)[1]
    widened = _run(capsys, "compare", *ids, "--rounding")[1]
    assert "  ratio       less than RMB 100,000 per household" in plain.splitlines()
    assert "  ratio       less than RMB 201,000 per household" in widened.splitlines()


def test_compare_claims_of_two_files(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    report, press = files
    status, out, _ = _run(capsys, "compare", "report-2021/farms", "press-2022/farms", "--from", report, "--from", press)
    assert status == 0
    assert "  order       less" in out.splitlines()
    assert "  comparable  yes" in out.splitlines()


def test_compare_names_every_unknown_id_with_close_matches(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, "compare", "jd-2020/online-donation", "jd-2020/jd-foundation-donation")
    assert (status, out) == (1, "")
    assert err.splitlines() == [
        (
            "esgclaims: error: jd-2020 has no claim 'jd-2020/online-donation'; "
            "did you mean 'jd-2020/online-donations-raised', 'jd-2020/clothing-donation-cities' "
            "or 'jd-2020/jd-foundation-donations'?"
        ),
        (
            "esgclaims: error: jd-2020 has no claim 'jd-2020/jd-foundation-donation'; "
            "did you mean 'jd-2020/jd-foundation-donations', 'jd-2020/jd-foundation-founded' "
            "or 'jd-2020/clothing-donation-cities'?"
        ),
    ]


def test_compare_reports_a_bad_file(bad_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _run(capsys, "compare", "a", "b", "--from", bad_file)
    assert status == 1
    assert err.splitlines() == BAD_FILE_ERRORS


# ------------------------------------------------------------------ check


def test_check_prints_one_finding_a_line_and_exits_1_on_an_inconsistency(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = _run(capsys, "check", *files)
    assert (status, err) == (1, "")
    lines = out.splitlines()
    assert [line.split(": ", 2)[:2] for line in lines[:-1]] == [
        ["consistent", "report-2021/donations and press-2022/donations"],
        ["indeterminate", "report-2021/donations and press-2022/donations-usd"],
        ["inconsistent", "report-2021/farms and press-2022/farms"],
    ]
    assert lines[2] == (
        "inconsistent: report-2021/farms and press-2022/farms: a cumulative total cannot fall, "
        "but press-2022/farms (more than 15,000 farms, with rounding more than 14,500 farms, "
        "cumulative from an unstated start to 30 Jun 2021) exceeds report-2021/farms "
        "(12,000 farms, with rounding between 11,500 farms and 12,500 farms, "
        "cumulative from an unstated start to 31 Dec 2021)"
    )
    assert "convert one with an explicit, dated rate" in lines[1]
    assert lines[-1] == "3 findings for 5 claims: 1 consistent, 1 inconsistent, 1 indeterminate"


def test_check_exits_0_when_nothing_is_inconsistent(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report, press = _report(tmp_path / "report.toml"), _press(tmp_path / "press.toml", farms=False)
    status, out, _ = _run(capsys, "check", report, press)
    assert status == 0
    assert out.splitlines()[-1] == "2 findings for 4 claims: 1 consistent, 0 inconsistent, 1 indeterminate"


def test_check_of_one_statement_of_each_figure_finds_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "check", "jd-2020")
    assert status == 0
    assert out == (
        "no findings: no two claims of jd-2020 about one subject, metric and program "
        "come from different sources or dates\n"
    )


def test_check_reads_one_file_given_twice_once(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    report, _ = files
    copy = report.with_name("copy.toml")
    copy.write_text(report.read_text(encoding="utf-8"), encoding="utf-8")
    status, out, _ = _run(capsys, "check", report, report, copy)
    assert status == 0
    assert out.startswith("no findings: no two claims of ")


def test_check_refuses_one_id_for_two_different_claims(
    files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report, _ = files
    other = tmp_path / "other.toml"
    other.write_text(report.read_text(encoding="utf-8").replace('"180000000"', '"190000000"'), encoding="utf-8")
    status, out, err = _run(capsys, "check", report, other)
    assert (status, out) == (1, "")
    assert err == (
        f"esgclaims: error: claim 'report-2021/donations' differs between {report} and {other}: one id, two claims\n"
    )


def test_check_reports_the_errors_of_every_source(bad_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, "check", bad_file, "jd-2020", "no-such-dataset")
    assert (status, out) == (1, "")
    assert err.splitlines() == [
        *BAD_FILE_ERRORS,
        (
            "esgclaims: error: no-such-dataset: no such dataset or claim file; esgclaims ships jd-2020, "
            "and claim files end in .toml or .json"
        ),
    ]


# ------------------------------------------------------------------ validate


def test_validate_a_good_file(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "validate", files[1]) == (0, f"{files[1]}: 3 claims, all valid\n", "")


def test_validate_prints_every_error_with_file_record_and_field(
    bad_file: Path, files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = _run(capsys, "validate", files[0], bad_file)
    assert status == 1
    assert out == f"{files[0]}: 2 claims, all valid\n"
    assert err.splitlines() == BAD_FILE_ERRORS


def test_validate_a_file_that_is_not_a_claim_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"claims": [', encoding="utf-8")
    status, _, err = _run(capsys, "validate", path)
    assert status == 1
    assert err == "esgclaims: error: broken.json: malformed JSON at line 1, column 13: Expecting value\n"


# ------------------------------------------------------------------ export


def test_export_json_to_stdout_loads_back_to_equal_claims(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, "export", "jd-2020", "--format", "json")
    assert (status, err) == (0, "")
    path = tmp_path / "jd-2020.json"
    path.write_text(out, encoding="utf-8")
    assert esgclaims.load(path) == esgclaims.load_dataset("jd-2020")
    dumped = tmp_path / "dumped.json"
    esgclaims.dump(esgclaims.load_dataset("jd-2020"), dumped)
    assert out == dumped.read_text(encoding="utf-8")


def test_export_json_of_two_files_to_a_file(
    files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "out" / "merged.json"
    output.parent.mkdir()
    status, out, _ = _run(capsys, "export", *files, "-f", "json", "-o", output)
    assert (status, out) == (0, f"wrote 5 claims to {output}\n")
    merged = esgclaims.load(files[0]) + esgclaims.load(files[1])
    assert esgclaims.load(output) == merged


def test_export_json_refuses_a_name_load_would_not_read_as_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "claims.toml"
    status, _, err = _run(capsys, "export", "jd-2020", "-f", "json", "-o", output)
    assert status == 1
    assert not output.exists()
    assert err == (
        f"esgclaims: error: {output}: a JSON claim file needs a .json name, "
        "which is how esgclaims.load tells JSON from TOML\n"
    )


def test_export_to_a_directory_that_does_not_exist(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "missing" / "claims.csv"
    status, _, err = _run(capsys, "export", "jd-2020", "-f", "csv", "-o", output)
    assert status == 1
    assert err == f"esgclaims: error: {output}: cannot write the file: No such file or directory; nothing was changed\n"


def test_export_csv_keeps_every_decimal_exact(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, "export", "jd-2020", "--format", "csv")
    assert (status, err) == (0, "")
    reader = csv.DictReader(io.StringIO(out))
    assert tuple(reader.fieldnames or ()) == COLUMNS
    rows = {row["id"]: row for row in reader}
    assert len(rows) == 17
    donations = rows["jd-2020/online-donations-raised"]
    assert (donations["reported"], donations["low"], donations["high"]) == ("19770000", "19770000", "19770000")
    assert (donations["unit"], donations["period_start"], donations["period_end"]) == (
        "CNY",
        "2020-01-01",
        "2020-12-31",
    )
    assert (donations["low_closed"], donations["tolerance"], donations["precision"]) == ("true", "", "10000")
    more = rows["jd-2020/local-commodities-online"]
    assert (more["qualifier"], more["low"], more["low_closed"], more["high"], more["high_closed"]) == (
        "more_than",
        "3000000",
        "false",
        "",
        "",
    )
    around = rows["jd-2020/jd-foundation-donations"]
    assert (around["tolerance"], around["low"], around["high"]) == ("0.1", "180000000", "220000000")
    assert "E+" not in out
    assert "e+" not in out
    assert "\r" not in out
    records = esgclaims.load_dataset("jd-2020").to_records()
    for record in records:
        for column, value in record.items():
            if isinstance(value, Decimal):
                assert Decimal(rows[record["id"]][column]) == value, (record["id"], column)


def test_export_csv_to_a_file_is_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "claims.csv"
    assert _run(capsys, "export", "jd-2020", "-f", "csv", "-o", output)[0] == 0
    with output.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    share = next(row for row in rows if row["id"] == "jd-2020/rural-frontline-employee-share")
    apostrophe = "\N{RIGHT SINGLE QUOTATION MARK}"
    assert (
        share["quote"]
        == f"more than 80% of JD{apostrophe}s front-line employees are from China{apostrophe}s rural areas"
    )
    assert (share["reported"], share["unit"], share["unit_words"]) == ("80", "percent", "%")


def test_export_reports_a_bad_file_and_writes_nothing(
    bad_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "out.csv"
    status, out, err = _run(capsys, "export", bad_file, "-f", "csv", "-o", output)
    assert (status, out) == (1, "")
    assert err.splitlines() == BAD_FILE_ERRORS
    assert not output.exists()


# ------------------------------------------------------------------ errors that are not the user's


def test_a_bug_keeps_its_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(sources: object) -> ClaimSet:
        raise ExceptionGroup("bug", [ZeroDivisionError("a bug")])

    monkeypatch.setattr("esgclaims._cli.claims.load_sources", broken)
    with pytest.raises(ExceptionGroup):
        main(["list"])


def test_an_interrupt_exits_130_without_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(sources: object) -> ClaimSet:
        raise KeyboardInterrupt

    monkeypatch.setattr("esgclaims._cli.claims.load_sources", interrupted)
    assert main(["list"]) == 130


# ------------------------------------------------------------------ a closed pipe


def _many_claims(path: Path, count: int) -> Path:
    quote = "we donated RMB 1 million"
    value = {"amount": "1000000", "unit": "CNY"}
    claims = [(f"many/{i:05d}", "donations", "2021", quote, value) for i in range(count)]
    return _claim_file(path, {"id": "many", "title": "Many"}, claims)


def _esgclaims(*argv: str | Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "esgclaims", *(str(arg) for arg in argv)]
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # noqa: S603


def test_a_pipe_closed_after_the_first_line_ends_quietly(tmp_path: Path) -> None:
    # More output than a pipe holds (64 KiB), so that the command is still writing when the reader goes.
    many = _many_claims(tmp_path / "many.toml", 2000)
    process = _esgclaims("list", many)
    assert process.stdout is not None
    assert process.stdout.readline().split() == b"subject program metric qualifier value unit period".split()
    process.stdout.close()
    _, err = process.communicate(timeout=60)
    assert err.decode() == ""
    assert process.returncode == BROKEN_PIPE


def test_a_pipe_closed_before_any_output_ends_quietly() -> None:
    process = _esgclaims("list", "jd-2020")
    assert process.stdout is not None
    process.stdout.close()  # before the interpreter has even started: the first write fails
    _, err = process.communicate(timeout=60)
    assert "Traceback" not in err.decode()
    assert err.decode() == ""
    assert process.returncode == BROKEN_PIPE


# ------------------------------------------------------------------ docs/cli.md


def _console_examples() -> list[tuple[str, str]]:
    """Each ``$ esgclaims ...`` line of docs/cli.md's console blocks, with the output shown under it."""
    examples = []
    for block in re.findall(r"```console\n(.*?)```", DOCS.read_text(encoding="utf-8"), flags=re.DOTALL):
        for command in re.split(r"^(?=\$ )", block, flags=re.MULTILINE):
            if command.strip():
                line, _, output = command.partition("\n")
                examples.append((line.removeprefix("$ "), output))
    return examples


@pytest.mark.parametrize(("command", "output"), _console_examples(), ids=lambda value: value[:60])
def test_the_command_line_page_shows_what_the_commands_print(
    command: str, output: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _report(tmp_path / "report-2021.toml")
    _press(tmp_path / "press-2022.toml")
    _bad(tmp_path / "bad.toml")
    monkeypatch.chdir(tmp_path)
    program, *argv = shlex.split(command)
    assert program == "esgclaims"
    main(argv)
    out, err = capsys.readouterr()
    assert out + err == output


def test_the_command_line_page_quotes_the_press_release_as_written(tmp_path: Path) -> None:
    (snippet,) = re.findall(r"```toml\n(.*?)```", DOCS.read_text(encoding="utf-8"), flags=re.DOTALL)
    assert snippet in _press(tmp_path / "press-2022.toml").read_text(encoding="utf-8")


def test_the_command_line_page_has_examples_of_every_command() -> None:
    commands = {shlex.split(command)[1] for command, _ in _console_examples()}
    assert commands == {"list", "show", "compare", "check", "validate", "export", "series"}


# -- the command line raises the library's errors ------------------------------------------------


def test_unknown_claim_ids_are_one_claim_not_found_error_with_a_line_each() -> None:
    from esgclaims._cli.common import find_claims  # noqa: PLC0415 - the helper under test

    claims = esgclaims.load_dataset("jd-2020")
    with pytest.raises(esgclaims.ClaimNotFoundError) as caught:
        find_claims(claims, ["jd-2020/online-donation", "xyz"], ["jd-2020"])
    assert str(caught.value) == (
        "jd-2020 has no claim 'jd-2020/online-donation'; did you mean 'jd-2020/online-donations-raised', "
        "'jd-2020/clothing-donation-cities' or 'jd-2020/jd-foundation-donations'?\n"
        "jd-2020 has no claim 'xyz'; esgclaims list --ids jd-2020 lists the claim ids"
    )


def test_sources_that_fail_together_are_one_sources_error(tmp_path: Path) -> None:
    from esgclaims._cli.common import load_sources  # noqa: PLC0415 - the helper under test
    from esgclaims._errors import SourcesError  # noqa: PLC0415 - not exported: the command line's

    with pytest.raises(SourcesError) as caught:
        load_sources(["jd-2002", str(tmp_path / "missing.toml")])
    assert isinstance(caught.value, esgclaims.EsgClaimsError)
    assert [type(error) for error in caught.value.exceptions] == [
        esgclaims.DatasetNotFoundError,
        esgclaims.FileReadError,
    ]
    assert str(caught.value).splitlines()[0] == f"cannot load jd-2002 and {tmp_path / 'missing.toml'}"


def test_one_failing_source_raises_its_own_error(tmp_path: Path) -> None:
    from esgclaims._cli.common import load_sources  # noqa: PLC0415 - the helper under test

    with pytest.raises(esgclaims.FileReadError) as caught:
        load_sources([str(tmp_path / "missing.toml")])
    assert str(caught.value) == f"{tmp_path / 'missing.toml'}: cannot read the file: No such file or directory"
