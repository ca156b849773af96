"""The extraction result of every text used to tune or fix the rules stays as pinned in ``expected/``.

A change to the rules that gains a claim on one text and loses one on another keeps
the benchmark's totals and fails here, naming both. When a change is meant, rewrite
the pinned results with ``python benchmarks/extraction.py --update-expected`` and
review their diff. A blind held-out set (``UNPINNED_SETS``) is never pinned.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.extraction.annotations import (
    FIRST_REPORT_SETS,
    HELD_OUT_SETS,
    PINNED_FIRST_REPORT_SETS,
    PINNED_FOLDER,
    PINNED_SETS,
    UNPINNED_SETS,
    pinned_changes,
    pinned_json,
    pinned_path,
    pinned_texts,
    set_name,
    set_number,
)

if TYPE_CHECKING:
    from tests.extraction.annotations import Text

UPDATE = "python benchmarks/extraction.py --update-expected"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def results() -> dict[str, dict[str, Any]]:
    """Every pinned text's result now, from a fresh interpreter as ``--update-expected`` computes it.

    Reading the texts registers their count kinds for good ("tree", "customer", ...): in a
    process of its own, that neither changes other tests nor is changed by what they register.
    """
    command = [sys.executable, "-m", "tests.extraction.quality", "--pinned"]
    done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", check=False, cwd=ROOT)  # noqa: S603
    assert done.returncode == 0, done.stderr
    records: dict[str, dict[str, Any]] = json.loads(done.stdout)
    return records


@pytest.mark.parametrize(
    ("folder", "item"), pinned_texts(), ids=[f"{set_name(folder)}/{item.name}" for folder, item in pinned_texts()]
)
def test_extraction_gives_the_pinned_result(folder: Path, item: Text, results: dict[str, dict[str, Any]]) -> None:
    path, name = pinned_path(folder, item), f"{set_name(folder)}/{item.name}"
    assert path.exists(), f"no pinned result {path.name} in {path.parent}: run {UPDATE}"
    stored = path.read_text(encoding="utf-8")
    now = results[name]
    changes = pinned_changes(json.loads(stored), now)
    assert not changes, _message(name, changes)
    assert stored == pinned_json(now), f"{path} is not as {UPDATE} writes it: run it and review the diff"


def _message(name: str, changes: list[str]) -> str:
    lines = "\n".join(f"  {line}" for line in changes)
    return f"extraction of {name} changed from its pinned result:\n{lines}\nif meant, run {UPDATE}"


def test_the_pinned_sets_are_the_tuned_texts_and_every_held_out_set_used_for_fixes() -> None:
    every_set = (*HELD_OUT_SETS, *FIRST_REPORT_SETS)
    pinned = (*PINNED_SETS[1:], *PINNED_FIRST_REPORT_SETS)
    assert sorted(pinned + UNPINNED_SETS) == sorted(every_set)
    assert not set(pinned) & set(UNPINNED_SETS)
    assert all(set_number(a) < set_number(b) for a in pinned for b in UNPINNED_SETS), "only the newest sets are blind"
    wanted = {set_name(folder) for folder in (*PINNED_SETS, *PINNED_FIRST_REPORT_SETS)}
    assert {path.name for path in PINNED_FOLDER.iterdir()} == wanted


def test_every_pinned_result_is_of_a_pinned_text() -> None:
    wanted = {pinned_path(folder, item) for folder, item in pinned_texts()}
    stale = sorted(str(path.relative_to(PINNED_FOLDER)) for path in set(PINNED_FOLDER.glob("**/*.json")) - wanted)
    assert not stale, f"pinned results of no pinned text: {stale}; run {UPDATE}"


def test_changes_from_the_pinned_result_are_named_claim_by_claim() -> None:
    claim = {"figure": "12%", "span": [3, 6], "matched": True}
    missed = {**claim, "matched": False, "differences": ["period: '2022' != '2021'"]}
    other = {**missed, "differences": ["no candidate"]}
    extra = {"figure": "7", "span": [9, 10], "read": {"kind": "level", "unit": "dimensionless", "upper": None}}
    assert pinned_changes({"claims": [claim], "extra": []}, {"claims": [missed], "extra": [extra]}) == [
        "was matched, now missed: '12%' at 3-6: period: '2022' != '2021'",
        "new extra candidate '7' at 9-10 (kind=level, unit=dimensionless)",
    ]
    assert pinned_changes({"claims": [missed], "extra": [extra]}, {"claims": [claim], "extra": []}) == [
        "was missed (period: '2022' != '2021'), now matched: '12%' at 3-6",
        "extra candidate gone '7' at 9-10 (kind=level, unit=dimensionless)",
    ]
    assert pinned_changes({"claims": [missed], "extra": []}, {"claims": [other], "extra": []}) == [
        "missed differently: '12%' at 3-6: before period: '2022' != '2021'; now no candidate"
    ]
    assert pinned_changes({"claims": [claim], "extra": [extra]}, {"claims": [claim], "extra": [extra]}) == []
