"""The end-to-end example: an invented company's two reports as a claim file, and docs/own-report.md.

examples/own-report/harbour-pine.toml is written as a user would write it: money in
two currencies, a fiscal year, a cumulative count, a restated figure and an
inconsistent duplicate. It loads, validates on the command line, round trips through
JSON exactly, checks with the restatement and the duplicate reported as such, and
follows a metric over two years. The console examples of docs/own-report.md run here
against the same files.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

import esgclaims
from esgclaims import Consistency
from esgclaims._cli.main import main

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "examples" / "own-report"
FILE = FOLDER / "harbour-pine.toml"
PAGE = ROOT / "docs" / "own-report.md"


def test_the_example_loads_and_every_quote_is_at_its_span_in_its_report() -> None:
    claims = esgclaims.load(FILE)
    assert len(claims) == 9
    texts = {source: (FOLDER / f"report-{source[1:]}.txt").read_text(encoding="utf-8") for source in ("r2023", "r2024")}
    assert [claim.id for claim in claims if not claim.citation.verify(texts[claim.source.id])] == []
    assert {claim.value.units for claim in claims if claim.value is not None} >= {
        esgclaims.parse_unit("EUR"),
        esgclaims.parse_unit("GBP"),
    }
    assert str(claims["hp-2024/uk-giving"].period) == "FY2024 (Apr 2023 – Mar 2024)"


def test_the_example_validates_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(FILE)]) == 0
    assert capsys.readouterr().out == f"{FILE}: 9 claims, all valid\n"


def test_the_example_round_trips_through_json_exactly(tmp_path: Path) -> None:
    claims = esgclaims.load(FILE)
    esgclaims.dump(claims, tmp_path / "once.json")
    again = esgclaims.load(tmp_path / "once.json")
    assert again == claims
    esgclaims.dump(again, tmp_path / "twice.json")
    assert (tmp_path / "twice.json").read_bytes() == (tmp_path / "once.json").read_bytes()


def test_the_example_checks_with_the_restatement_and_the_duplicate_reported_as_such() -> None:
    findings = esgclaims.load(FILE).check()
    assert [(f.a.id, f.b.id, f.status) for f in findings if f.status is not Consistency.INDETERMINATE] == [
        ("hp-2023/villages", "hp-2024/villages", Consistency.CONSISTENT),
        ("hp-2024/households", "hp-2024/households-year-end", Consistency.INCONSISTENT),
        ("hp-2023/donations", "hp-2024/donations-2023-restated", Consistency.RESTATED),
    ]
    duplicate = next(f for f in findings if f.status is Consistency.INCONSISTENT)
    assert duplicate.reason.startswith("duplicate in source r2024, but no value satisfies both")


def test_the_example_shows_a_two_year_series() -> None:
    series = esgclaims.load(FILE).series("donations", subject="harbour-pine")
    assert [str(claim.period) for claim in series.claims] == ["2023", "2024"]
    assert [step.change_words for step in series.steps] == ["down EUR 200,000"]


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
    command: str, output: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(FOLDER)
    program, *argv = shlex.split(command)
    assert program == "esgclaims"
    main(argv)
    out, err = capsys.readouterr()
    assert out + err == output


def test_the_page_quotes_the_claim_file_as_written() -> None:
    (snippet,) = re.findall(r"```toml\n(.*?)```", PAGE.read_text(encoding="utf-8"), flags=re.DOTALL)
    assert snippet in FILE.read_text(encoding="utf-8")


def test_the_page_is_in_the_table_of_contents() -> None:
    assert "\nown-report\n" in (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
