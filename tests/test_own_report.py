"""The end-to-end example: an invented company's two reports as a claim file, and docs/own-report.md.

examples/own-report/harbour-pine.toml is written as a user would write it: money in
two currencies, hectares, volunteer hours, megawatts, a declared count kind, a fiscal
year, a cumulative figure, figures without spans (one with a locator), a restated
figure and an inconsistent duplicate. It loads, validates with the CLI in a fresh
process, round trips through TOML and JSON exactly, checks with the restatement and
the duplicate reported as such, and follows metrics over two years. The console
examples of docs/own-report.md run here against copies of the same files.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import esgclaims
from esgclaims import Consistency, FxRate, RateSource
from esgclaims._cli.main import main

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "examples" / "own-report"
FILE = FOLDER / "harbour-pine.toml"
PAGE = ROOT / "docs" / "own-report.md"
DECLARATION = '[[count_kinds]]\nname = "tree"\nplural = "trees"\n'


def _text(source_id: str) -> str:
    return (FOLDER / f"report-{source_id[1:]}.txt").read_text(encoding="utf-8")


def _fresh_cli(*argv: str) -> subprocess.CompletedProcess[str]:
    """``esgclaims ARGV`` in a process of its own: nothing registered before it runs."""
    environment = os.environ | {"PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "esgclaims", *argv]
    return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", check=False, env=environment)  # noqa: S603


def test_the_example_loads_and_every_quote_stands_in_its_report() -> None:
    claims = esgclaims.load(FILE)
    assert len(claims) == 14
    assert [claim.id for claim in claims if not claim.citation.verify(_text(claim.source.id))] == []
    assert str(claims["hp-2024/uk-giving"].period) == "FY2024 (Apr 2023 – Mar 2024)"


def test_the_example_states_every_kind_of_figure_the_issue_names() -> None:
    claims = esgclaims.load(FILE)
    assert {claim.metric.kind.value for claim in claims} == {"money", "count", "time", "area", "power"}
    assert {claim.metric.temporal.value for claim in claims} == {"flow", "cumulative", "stock"}
    assert {claim.value.units for claim in claims if claim.value is not None} >= {
        esgclaims.parse_unit(name) for name in ("EUR", "GBP", "ha", "hour", "MW", "tree")
    }


def test_some_claims_were_typed_without_a_span_and_one_says_where_it_stands() -> None:
    claims = esgclaims.load(FILE)
    assert [claim.id for claim in claims if claim.citation.span is None] == [
        "hp-2024/volunteer-hours",
        "hp-2024/heathland",
        "hp-2024/trees",
        "hp-2024/solar-capacity",
    ]
    assert [(claim.id, claim.citation.locator) for claim in claims if claim.citation.locator] == [
        ("hp-2024/solar-capacity", "p. 12, table 4")
    ]
    assert claims["hp-2024/solar-capacity"].period.iso() == "as of 2024-12-31"


def test_the_example_validates_with_the_cli_in_a_fresh_process() -> None:
    done = _fresh_cli("validate", str(FILE))
    assert (done.returncode, done.stdout, done.stderr) == (0, f"{FILE}: 14 claims, all valid\n", "")


def test_without_its_count_kinds_table_the_file_does_not_validate(tmp_path: Path) -> None:
    text = FILE.read_text(encoding="utf-8")
    assert DECLARATION in text
    undeclared = tmp_path / "undeclared.toml"
    undeclared.write_text(text.replace(DECLARATION, ""), encoding="utf-8")
    done = _fresh_cli("validate", str(undeclared))
    assert done.returncode == 1
    assert "unknown count kind 'tree'" in done.stderr


@pytest.mark.parametrize("suffix", [".toml", ".json"])
def test_the_example_round_trips_exactly(tmp_path: Path, suffix: str) -> None:
    claims = esgclaims.load(FILE)
    once, twice = tmp_path / f"once{suffix}", tmp_path / f"twice{suffix}"
    esgclaims.dump(claims, once)
    again = esgclaims.load(once)
    assert again == claims
    esgclaims.dump(again, twice)
    assert twice.read_bytes() == once.read_bytes()


def test_the_dumped_toml_declares_the_count_kind_and_validates_in_a_fresh_process(tmp_path: Path) -> None:
    esgclaims.dump(esgclaims.load(FILE), tmp_path / "dumped.toml")
    written = (tmp_path / "dumped.toml").read_text(encoding="utf-8")
    assert written.startswith('count_kinds = [\n  { name = "tree" },\n]\n')
    done = _fresh_cli("validate", str(tmp_path / "dumped.toml"))
    assert (done.returncode, done.stderr) == (0, "")


def test_the_example_checks_with_the_restatement_and_the_duplicate_reported_as_such() -> None:
    findings = esgclaims.load(FILE).check()
    assert [(f.a.id, f.b.id, f.status) for f in findings if f.status is not Consistency.INDETERMINATE] == [
        ("hp-2023/villages", "hp-2024/villages", Consistency.CONSISTENT),
        ("hp-2024/households", "hp-2024/households-year-end", Consistency.INCONSISTENT),
        ("hp-2023/donations", "hp-2024/donations-2023-restated", Consistency.RESTATED),
    ]
    duplicate = next(f for f in findings if f.status is Consistency.INCONSISTENT)
    assert duplicate.reason.startswith("duplicate in source r2024, but no value satisfies both")
    restated = next(f for f in findings if f.status is Consistency.RESTATED)
    assert restated.reason.endswith("(grants counted twice were removed): down EUR 100,000")


def test_check_on_the_command_line_exits_1_for_the_inconsistent_duplicate(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(FILE)]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == (
        "6 findings for 14 claims: 1 consistent, 1 inconsistent, 3 indeterminate, 1 restated"
    )


@pytest.mark.parametrize(
    ("metric", "periods", "changes"),
    [
        ("donations", ["2023", "2024"], ["down EUR 200,000"]),
        ("volunteer-hours", ["2023", "2024"], ["up 1,200 hours"]),
        ("villages", ["Jan 2019 – Dec 2023", "Jan 2019 – Dec 2024"], ["up 20 villages"]),
    ],
)
def test_the_example_shows_two_year_series(metric: str, periods: list[str], changes: list[str]) -> None:
    series = esgclaims.load(FILE).series(metric, subject="harbour-pine")
    assert [str(claim.period) for claim in series.claims] == periods
    assert [step.change_words for step in series.steps] == changes


def test_the_series_takes_the_restated_figure_in_place_of_the_original() -> None:
    series = esgclaims.load(FILE).series("donations", subject="harbour-pine")
    assert [claim.id for claim in series.claims] == ["hp-2024/donations-2023-restated", "hp-2024/donations"]


def test_a_fiscal_year_average_converts_the_fiscal_year_flow_strictly() -> None:
    claims = esgclaims.load(FILE)
    bank = RateSource("Example Bank", "Average rates (made up for this example)", name="Example Bank")
    rate = FxRate.average("GBP", "EUR", "1.1500", "FY2024 (2023-04 to 2024-03)", bank)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        conversion = esgclaims.convert(claims["hp-2024/uk-giving"], "EUR", rate)
    assert str(conversion).startswith("GBP 450,000 ≈ EUR 517,500 at 1.1500 EUR per GBP, average over FY2024")
    with pytest.raises(esgclaims.RateMismatchError):
        esgclaims.convert(claims["hp-2023/uk-giving"], "EUR", rate)


def _console_examples() -> list[tuple[str, str]]:
    examples = []
    for block in re.findall(r"```console\n(.*?)```", PAGE.read_text(encoding="utf-8"), flags=re.DOTALL):
        for command in re.split(r"^(?=\$ )", block, flags=re.MULTILINE):
            if command.strip():
                line, _, output = command.partition("\n")
                examples.append((line.removeprefix("$ "), output))
    return examples


@pytest.mark.parametrize(("command", "output"), _console_examples(), ids=lambda value: value[:50])
def test_the_page_shows_what_the_commands_print(
    command: str, output: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for path in FOLDER.iterdir():
        shutil.copy(path, tmp_path)
    monkeypatch.chdir(tmp_path)  # a copy: extract -o writes its draft there, not into the source tree
    program, *argv = shlex.split(command)
    assert program == "esgclaims"
    main(argv)
    out, err = capsys.readouterr()
    assert out + err == output


def test_the_extract_example_writes_a_draft_that_declares_the_count_kind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(FOLDER / "report-2024.txt", tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["extract", "report-2024.txt", "--count", "tree", "-o", "draft.toml"]) == 0
    capsys.readouterr()
    assert '\n[[count_kinds]]\nname = "tree"\n' in (tmp_path / "draft.toml").read_text(encoding="utf-8")


def test_the_page_quotes_the_claim_file_as_written() -> None:
    snippets = re.findall(r"```toml\n(.*?)```", PAGE.read_text(encoding="utf-8"), flags=re.DOTALL)
    assert len(snippets) == 3
    assert [snippet for snippet in snippets if snippet not in FILE.read_text(encoding="utf-8")] == []


def test_the_page_is_in_the_table_of_contents() -> None:
    assert "\nown-report\n" in (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
