"""Recall and precision of ``esgclaims.extract`` on the annotated texts in tests/extraction.

A candidate counts as found when its figure overlaps an annotated one and its kind
(level or change), direction, qualifier, amount, upper bound, unit, period and
alternatives all agree. Recall is per annotated qualifier, precision per qualifier
the extractor gave.

The held-out sets after the tenth (``OPEN_SETS``, used for fixes, and ``ESTIMATE_SETS``, blind)
are scored as a user's first report is read: no count kind registered, the publication date
given. Four figures are printed for them: recall, unit recall, period accuracy and precision
(``tests/extraction/quality.py`` says how each is counted).

Last it prints the extractor's throughput (characters a second of CPU time, median of
three runs) on 10 KB, 100 KB and 1 MB of report-like text, the annotated texts end to
end with no count kind registered, and how the time grows from one size to the next
(10 for linear cost); ``--throughput`` prints only that.

Run it with ``python benchmarks/extraction.py``; ``--misses`` lists every miss and
every extra candidate with the fields it got wrong. ``--update-expected`` rewrites the
pinned results that ``tests/extraction/test_pinned.py`` checks (``tests/extraction/expected/``)
and says which changed.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.extraction.annotations import (
    HELD_OUT_SETS,
    HERE,
    PINNED_FOLDER,
    Score,
    candidates,
    held_out_title,
    pinned_changes,
    pinned_json,
    pinned_path,
    pinned_texts,
    qualifier_of,
    score,
    set_name,
    texts,
)
from tests.extraction.quality import ESTIMATE_SETS, OPEN_SETS, Quality, every_pinned_record

QUALIFIERS = (
    "exact",
    "approximately",
    "more_than",
    "at_least",
    "less_than",
    "at_most",
    "range",
    "order_of_magnitude",
    "unread",
)


def _ratio(numerator: int, denominator: int) -> str:
    return f"{numerator / denominator:.3f}" if denominator else "—"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every miss and extra candidate")
    parser.add_argument(
        "--update-expected", action="store_true", help="rewrite the pinned results in tests/extraction/expected"
    )
    parser.add_argument("--throughput", action="store_true", help="print only the throughput at 10 KB, 100 KB, 1 MB")
    parser.add_argument("--throughput-here", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.update_expected:
        return update_expected()
    if args.throughput_here:
        return throughput()
    if args.throughput:
        return _throughput_fresh()
    sets = (("texts the rules were tuned on", HERE), *((held_out_title(f), f) for f in HELD_OUT_SETS))
    for title, folder in sets:
        print(f"== {title} ({folder.relative_to(HERE.parents[1])})\n")
        scores = [(item.name, score(item.expected, candidates(item))) for item in texts(folder)]
        _report(scores, misses=args.misses)
        print()
    open_quality()
    print()
    return _throughput_fresh()


SIZES = (10_000, 100_000, 1_000_000)


def report_text(size: int) -> str:
    """``size`` characters of report-like text: every annotated text, tuned and held out, end to end, repeated."""
    folders = (HERE, *HELD_OUT_SETS)
    parts = [path.read_text(encoding="utf-8") for folder in folders for path in sorted(folder.glob("*.txt"))]
    whole = "\n\n".join(parts)
    return ("\n\n".join([whole] * (size // len(whole) + 1)))[:size]


def _throughput_fresh() -> int:
    """The throughput, measured in an interpreter of its own: no count kind registered."""
    command = [sys.executable, str(Path(__file__).resolve()), "--throughput-here"]
    print(subprocess.run(command, check=True, capture_output=True, text=True).stdout, end="")
    return 0


def throughput() -> int:
    """Characters a second of ``extract`` at each size (CPU time, median of 3), and how its time grows."""
    from esgclaims import extract  # noqa: PLC0415 - imported where measured

    print("== throughput of extract on report-like text (CPU time, median of 3; no count kind registered)\n")
    print(f"{'size':>10} {'seconds':>8} {'chars/s':>9} {'growth':>7}")
    previous = None
    for size in SIZES:
        text = report_text(size)
        times = []
        for _ in range(3):
            began = time.process_time()
            extract(text)
            times.append(time.process_time() - began)
        seconds = statistics.median(times)
        growth = "" if previous is None else f"{seconds / previous:.1f}x"
        print(f"{size:>10,} {seconds:8.2f} {size / seconds:9,.0f} {growth:>7}")
        previous = seconds
    return 0


def open_quality() -> None:
    """Recall, unit recall, period accuracy and precision on the open and estimate sets, each in a fresh interpreter."""
    for title, folders in (
        (f"held-out sets {_names(OPEN_SETS)}, used to change rules after their first score", OPEN_SETS),
        (f"held-out sets {_names(ESTIMATE_SETS)}: blind, used for no rule; the current estimate", ESTIMATE_SETS),
    ):
        if not folders:
            continue
        print(f"== {title}: no count kind registered, publication dates given\n")
        _quality_table(folders)
        print()


def _names(folders: tuple[Path, ...]) -> str:
    return ", ".join(folder.name for folder in folders)


def _quality_table(folders: tuple[Path, ...]) -> None:
    root = HERE.parents[1]
    command = [sys.executable, "-m", "tests.extraction.quality", *(folder.name for folder in folders)]
    counts = json.loads(subprocess.run(command, check=True, capture_output=True, text=True, cwd=root).stdout)
    print(f"{'text':58} {'annotated':>9} {'recall':>7} {'unit':>7} {'period':>7} {'precision':>9}")
    by_set: dict[str, Quality] = {}
    for name, row in counts.items():
        quality = Quality(**row)
        by_set[name.split("/")[0]] = by_set.get(name.split("/")[0], Quality()) + quality
        _quality_line(name, quality)
    total = Quality()
    for name, quality in by_set.items():
        total += quality
        _quality_line(name, quality)
    if len(by_set) > 1:
        _quality_line("overall", total)


def _quality_line(name: str, quality: Quality) -> None:
    figures = " ".join(f"{'—' if x is None else f'{x:.3f}':>7}" for x in quality.figures().values())
    print(f"{name:58} {quality.annotated:9} {figures}")


def update_expected() -> int:
    """Write the pinned result of every pinned text, remove stale ones, and say what changed."""
    root = HERE.parents[1]
    written, changed = set(), 0
    records = every_pinned_record()
    for folder, item in pinned_texts():
        path = pinned_path(folder, item)
        written.add(path)
        record = records[f"{set_name(folder)}/{item.name}"]
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old == pinned_json(record):
            continue
        changed += 1
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(pinned_json(record), encoding="utf-8")
        print(f"{'new' if old is None else 'changed'}: {path.relative_to(root)}")
        if old is not None:
            for line in pinned_changes(json.loads(old), record):
                print(f"  {line}")
    for path in sorted(set(PINNED_FOLDER.glob("*/*.json")) - written):
        changed += 1
        path.unlink()
        print(f"removed: {path.relative_to(root)}")
    print(f"{changed} of {len(written)} pinned results changed")
    return 0


def _report(scores: list[tuple[str, Score]], *, misses: bool) -> None:
    print(f"{'text':28} {'annotated':>9} {'found':>6} {'matched':>7} {'recall':>7} {'precision':>9}")
    for name, result in scores:
        annotated, matched = len(result.matched) + len(result.missed), len(result.matched)
        found = matched + len(result.extra)
        print(
            f"{name:28} {annotated:9} {found:6} {matched:7} {_ratio(matched, annotated):>7} {_ratio(matched, found):>9}"
        )
    expected_by: Counter[str] = Counter()
    found_by: Counter[str] = Counter()
    recalled_by: Counter[str] = Counter()
    precise_by: Counter[str] = Counter()
    changes = Counter[str]()
    for _, result in scores:
        for claim, candidate in result.matched:
            expected_by[claim.qualifier] += 1
            recalled_by[claim.qualifier] += 1
            found_by[qualifier_of(candidate)] += 1
            precise_by[qualifier_of(candidate)] += 1
            changes["matched"] += claim.kind == "change"
        for claim, _ in result.missed:
            expected_by[claim.qualifier] += 1
            changes["annotated"] += claim.kind == "change"
        for candidate in result.extra:
            found_by[qualifier_of(candidate)] += 1
            changes["extra"] += candidate.kind == "change"
    changes["annotated"] += changes["matched"]

    print(f"\n{'qualifier':20} {'annotated':>9} {'recall':>7} {'found':>6} {'precision':>9}")
    for qualifier in QUALIFIERS:
        if expected_by[qualifier] or found_by[qualifier]:
            recall = _ratio(recalled_by[qualifier], expected_by[qualifier])
            precision = _ratio(precise_by[qualifier], found_by[qualifier])
            print(f"{qualifier:20} {expected_by[qualifier]:9} {recall:>7} {found_by[qualifier]:6} {precision:>9}")
    found_changes = changes["matched"] + changes["extra"]
    print(
        f"{'(changes)':20} {changes['annotated']:9} {_ratio(changes['matched'], changes['annotated']):>7} "
        f"{found_changes:6} {_ratio(changes['matched'], found_changes):>9}"
    )
    total, matched, found = sum(expected_by.values()), sum(recalled_by.values()), sum(found_by.values())
    print(f"{'overall':20} {total:9} {_ratio(matched, total):>7} {found:6} {_ratio(matched, found):>9}")

    if misses:
        for name, result in scores:
            for claim, reasons in result.missed:
                print(f"\nmiss  {name}: {claim.figure!r}\n      " + "\n      ".join(reasons))
            for candidate in result.extra:
                print(f"\nextra {name}: {candidate.figure!r} {candidate!r}")


if __name__ == "__main__":
    raise SystemExit(main())
