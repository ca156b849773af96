"""``esgclaims extract FILE``: the table, the draft claim file, and what it takes to load it."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

import pytest

import esgclaims
from esgclaims import FileFormatError, LoadError, extract
from esgclaims._cli.main import main
from esgclaims._extract.drafts import dump_candidates

if TYPE_CHECKING:
    from pathlib import Path

TEXT = (
    "Greenleaf Group: 2022 Highlights\n\n"
    "In 2022, Greenleaf Group donated around RMB 200 million yuan, up 38% year-on-year. "
    "As of December 31, 2022, it had helped 110 impoverished counties and raised $5 million.\n"
    "Its Hong Kong arm reports in HK$.\n"  # another dollar named: the bare "$" stays unread
)


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_extract_prints_the_candidates_as_a_table(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(report)]) == 0
    lines = capsys.readouterr().out.splitlines()
    headers = ["line", "figure", "qualifier", "value", "unit", "period", "subject", "suggested", "metric"]
    assert lines[0].split() == headers
    rows = [re.split(r"\s{2,}", line) for line in lines[2:6]]
    subject = "Greenleaf Group"
    assert rows == [
        ["3", "around RMB 200 million yuan", "approximately", "200,000,000", "RMB", "2022", subject, "donations"],
        ["3", "up 38% year-on-year", "up", "38", "% (relative)", "2022", subject, "donations-change"],
        [
            "3",
            "110 impoverished counties",
            "exact",
            "110",
            "counties",
            "as of 31 Dec 2022",
            subject,
            "impoverished-counties",
        ],
        ["3", "$5 million", "unread", "—", "as of 31 Dec 2022", subject, "funds-raised"],
    ]
    assert lines[-1] == f"4 candidates from {report}: 2 levels, 1 change, 1 unread"


def test_extract_writes_a_draft_that_loads_once_the_metrics_are_complete(
    report: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "claims.toml"
    arguments = ["extract", str(report), "--output", str(draft), "--title", "Highlights", "--publisher", "Greenleaf"]
    assert main(arguments) == 0
    out = capsys.readouterr().out
    assert out.endswith(
        f"wrote 2 draft claims to {draft}\n"
        "before esgclaims.load reads it, fill in:\n"
        "  metric 'donations': add temporal (flow, cumulative or stock)\n"
        "  metric 'impoverished-counties': add temporal (flow, cumulative or stock)\n"
    )
    with pytest.raises(LoadError) as caught:
        esgclaims.load(draft)
    assert [str(error) for error in caught.value.exceptions] == [
        "claims.toml, metric 'donations', field 'temporal': missing field",
        "claims.toml, metric 'impoverished-counties', field 'temporal': missing field",
    ]
    text = draft.read_text(encoding="utf-8")
    assert '# TODO temporal = "..."   # flow | cumulative | stock; 2022 suggests flow' in text
    assert text.endswith(
        "# Not written as claims (a claim file holds levels, not changes or unread figures):\n"
        "#   96: 'up 38% year-on-year': up 38% year-on-year\n"
        "#   142: '$5 million': cannot read '$5 million': '$' could be US$, HK$ or another dollar; "
        "write US$, HK$ or the ISO code\n"
    )
    completed = tmp_path / "completed.toml"
    completed.write_text(re.sub(r'# TODO temporal = "\.\.\.".*', 'temporal = "flow"', text), encoding="utf-8")
    claims = esgclaims.load(completed)
    assert [claim.value for claim in claims] == [c.value for c in extract(TEXT) if c.kind == "level"]
    assert [claim.citation.quote for claim in claims] == [
        "Greenleaf Group donated around RMB 200 million yuan",
        "it had helped 110 impoverished counties and raised $5 million",
    ]
    assert all(claim.citation.verify(TEXT) for claim in claims)


def test_extract_with_known_claims_cites_their_source_and_names_their_organizations(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "In 2021, JD Foundation donated RMB 5 million."
    path = tmp_path / "note.txt"
    path.write_text(text, encoding="utf-8")
    draft = tmp_path / "draft.json"
    assert main(["extract", str(path), "--with", "jd-2020", "-o", str(draft)]) == 0
    assert "JD Foundation" in capsys.readouterr().out
    document = json.loads(draft.read_text(encoding="utf-8"))
    assert [org["id"] for org in document["organizations"]] == ["jd", "jd-foundation"]
    assert document["sources"] == [{"id": "note"}]
    assert document["claims"][0]["subject"] == "jd-foundation"
    value = {"qualifier": "exact", "amount": "5000000", "unit": "CNY", "precision": "1000000"}
    assert document["claims"][0]["value"] == value


def test_dump_candidates_says_what_is_left_to_fill_in(tmp_path: Path) -> None:
    found = extract("We planted 3,000 saplings. The weather helped 20 farms in 2021.")
    todo = dump_candidates(found, tmp_path / "draft.toml", source="garden")
    assert todo == (
        "source 'garden': add its title and publisher",
        "metric 'saplings-planted': add temporal (flow, cumulative or stock)",
        "metric 'farms': add temporal (flow, cumulative or stock)",
        "claim 'garden/saplings-planted': add the subject (an organization id)",
        "claim 'garden/farms': add the subject (an organization id)",
        "count kind 'sapling': proposed from the text ('saplings'); check the name and plural in [[count_kinds]]",
    )
    written = (tmp_path / "draft.toml").read_text(encoding="utf-8")
    assert '[[count_kinds]]\nname = "sapling"\nplural = "saplings"' in written


def test_dump_candidates_writes_a_rate_of_a_proposed_kind_in_that_kind_per_day(tmp_path: Path) -> None:
    dump_candidates(extract("In 2023 the canteen served 1,800 lunches a day."), tmp_path / "draft.toml", source="x")
    written = (tmp_path / "draft.toml").read_text(encoding="utf-8")
    assert 'unit = "lunch/day"' in written
    assert 'count_of = "lunch"' not in written  # a rate, not a count: its kind is the person's to fill in


def test_dump_candidates_refuses_an_unknown_file_type(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError) as caught:
        dump_candidates(extract(TEXT), tmp_path / "draft.yaml")
    assert str(caught.value) == "draft.yaml: unknown file type '.yaml'; expected .toml or .json"


def test_extract_registers_counted_nouns_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "trees.txt"
    path.write_text("We planted 500 lanterns.", encoding="utf-8")
    assert main(["extract", str(path), "--count", "lantern:lanterns"]) == 0
    assert "lanterns" in capsys.readouterr().out.splitlines()[2]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe RMB 5", "esgclaims: error: bad.txt: not UTF-8 text (byte 0xff at offset 0); save it as UTF-8"),
        (None, "esgclaims: error: {path}: cannot read the file: No such file or directory"),
    ],
)
def test_extract_reports_an_unreadable_file_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, message: str
) -> None:
    path = tmp_path / "bad.txt"
    if content is not None:
        path.write_bytes(content)
    assert main(["extract", str(path)]) == 1
    assert capsys.readouterr().err == message.format(path=path) + "\n"
