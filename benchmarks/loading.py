"""Loading and dumping claim files at scale, each against the parser or writer underneath it.

Generates realistic claim files (``--sizes`` claims each, default 1,000, 10,000 and
100,000) whose claims share a few hundred organizations, metrics, sources and
programs, as a year of many reports does, with values of every qualifier in a few
dozen units and periods of every kind. For each size it prints, as medians of
``--runs`` runs of CPU time, the baseline measured in the same run, alternately:

- ``esgclaims.load`` of the JSON file against ``json.loads`` of its text (target at most 8x);
- ``esgclaims.load`` of the TOML file against ``tomllib.loads`` of its text (target at most 1.5x);
- ``esgclaims.dump`` to JSON against ``json.dumps(document, indent=2)`` and writing it (target at most 2x);
- the peak memory of a JSON load (tracemalloc) above the peak of ``json.loads`` of the
  same text, per claim (target at most 2 KB a claim);

and, for each, the time per claim and its growth from one size to the next (linear
growth is 10x for 10x the claims).

    python benchmarks/loading.py [--sizes 1000 10000 100000] [--runs 3]
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import statistics
import tempfile
import time
import tomllib
import tracemalloc
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tomli_w
from _synthetic import METRICS, QUALIFIERS

import esgclaims

if TYPE_CHECKING:
    from collections.abc import Callable

PERIODS = {
    "flow": [f"{year}" for year in range(2005, 2025)]
    + [f"H{half} {year}" for year in range(2015, 2025) for half in (1, 2)]
    + [f"Q{quarter} {year}" for year in range(2018, 2025) for quarter in (1, 2, 3, 4)]
    + [f"FY{year}" for year in range(2010, 2025)]
    + [f"{year}-04-01 to {year + 1}-03-31" for year in range(2010, 2024)],
    "cumulative": [f"as of {year}-{month}" for year in range(2010, 2025) for month in ("06-30", "09-30", "12-31")],
    "stock": [f"as of {year}-12-31" for year in range(2010, 2025)] + [f"{year}-06-30" for year in range(2010, 2025)],
}
ORGANIZATIONS, METRIC_IDS, SOURCES, PROGRAMS = 300, 240, 120, 40


def document(claims: int) -> dict[str, Any]:
    """A claim file's document with ``claims`` claims, sharing every other record."""
    sources = [
        {
            "id": f"report-{n}",
            "title": f"Sustainability report {2005 + n % 20}",
            "publisher": f"Publisher {n % 17}",
            "url": f"https://example.org/reports/{n}",
            "published": f"{2006 + n % 19}-03-31",
        }
        for n in range(SOURCES)
    ]
    organizations: list[dict[str, Any]] = []
    for n in range(ORGANIZATIONS):
        org: dict[str, Any] = {"id": f"org-{n}", "name": f"Organization {n}", "kind": ("company", "foundation")[n % 2]}
        if n % 3 == 0:
            org["aliases"] = [f"Org{n}", f"O{n}"]
        if n >= 30:
            org["parent"] = f"org-{n % 30}"
        organizations.append(org)
    programs = [
        {"id": f"program-{n}", "name": f"Program {n}", "owner": f"org-{n * 7 % ORGANIZATIONS}"} for n in range(PROGRAMS)
    ]
    metrics: list[dict[str, Any]] = []
    for n in range(METRIC_IDS):
        name, kind, temporal, count_of, _ = METRICS[n % len(METRICS)]
        metric: dict[str, Any] = {"id": f"{name}-{n}", "name": f"{name.title()} {n}", "kind": kind}
        metric["temporal"] = temporal
        if count_of is not None:
            metric["count_of"] = count_of
        if n % 4 == 0:
            metric["frameworks"] = [{"framework": "GRI", "code": f"20{n % 7}-{n % 5 + 1}", "match": "broad"}]
        metrics.append(metric)
    made = []
    for number, qualifier in zip(range(claims), itertools.cycle(QUALIFIERS), strict=False):
        m = number * 13 % METRIC_IDS
        name, kind, temporal, _, units = METRICS[m % len(METRICS)]
        unit = units[number % len(units)]
        small = unit in ("percent", "permille", "ratio_percent")
        amount = f"{1 + number % 90}" if small else f"{1000 + 37 * (number % 997)}.{number % 100:02d}"
        value: dict[str, Any] = {"qualifier": qualifier, "amount": amount, "unit": unit}
        if qualifier == "range":
            value["upper"] = f"{2 + number % 90 + 5}" if small else f"{5000 + 37 * (number % 997)}"
        if number % 3 == 0:
            value["precision"] = "1"
        if qualifier == "approximately" and number % 2:
            value["tolerance"] = "0.05"
        period = PERIODS[temporal][number % len(PERIODS[temporal])]
        quote = (
            f"Organization {number % ORGANIZATIONS} reported {qualifier.replace('_', ' ')} {amount} {unit} ({name})."
        )
        start = 100 * (number % 500)
        claim: dict[str, Any] = {
            "id": f"claims/{number}",
            "subject": f"org-{number * 7 % ORGANIZATIONS}",
            "metric": f"{name}-{m}",
            "value": value,
            "period": period,
            "source": f"report-{number % SOURCES}",
            "quote": quote,
            "span": [start, start + len(quote)],
        }
        if number % 5 == 0:
            claim["program"] = f"program-{number % PROGRAMS}"
        if number % 11 == 0:
            claim["modality"] = "target"
        if number % 7 == 0:
            claim["note"] = "Restated in the following year's report."
        made.append(claim)
    return {
        "sources": sources,
        "organizations": organizations,
        "programs": programs,
        "metrics": metrics,
        "claims": made,
    }


def cpu_pair(subject: Callable[[], object], baseline: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median CPU seconds of ``subject`` and of ``baseline``, run alternately."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for action, kept in ((baseline, times[1]), (subject, times[0])):
            gc.collect()
            start = time.process_time()
            action()
            kept.append(time.process_time() - start)
    return statistics.median(times[0]), statistics.median(times[1])


def peak_bytes(action: Callable[[], object]) -> int:
    """The peak of memory Python allocates while ``action`` runs (tracemalloc)."""
    gc.collect()
    tracemalloc.start()
    action()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


ROWS = [
    ("load JSON", "json.loads", 8.0),
    ("load TOML", "tomllib.loads", 1.5),
    ("dump JSON", "json.dumps + write", 2.0),
]


def measure(size: int, runs: int, folder: Path) -> dict[str, tuple[float, float]]:
    """Seconds of each row and its baseline at ``size`` claims; the memory row in bytes."""
    raw = document(size)
    json_file, toml_file, out = folder / f"c{size}.json", folder / f"c{size}.toml", folder / f"out{size}.json"
    json_file.write_text(json.dumps(raw, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    toml_file.write_text(tomli_w.dumps(raw, multiline_strings=False, indent=2), encoding="utf-8")
    claims = esgclaims.load(json_file)
    assert len(claims) == size, len(claims)  # noqa: S101 - the synthetic file is valid
    assert esgclaims.load(toml_file) == claims  # noqa: S101
    document_ = json.loads(json_file.read_text(encoding="utf-8"))

    def dump_baseline() -> None:
        out.write_text(json.dumps(document_, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    found = {
        "load JSON": cpu_pair(
            lambda: esgclaims.load(json_file), lambda: json.loads(json_file.read_text(encoding="utf-8")), runs
        ),
        "load TOML": cpu_pair(
            lambda: esgclaims.load(toml_file), lambda: tomllib.loads(toml_file.read_text(encoding="utf-8")), runs
        ),
        "dump JSON": cpu_pair(lambda: esgclaims.dump(claims, out), dump_baseline, runs),
    }
    loaded = peak_bytes(lambda: esgclaims.load(json_file))
    parsed = peak_bytes(lambda: json.loads(json_file.read_text(encoding="utf-8")))
    found["memory"] = (float(loaded), float(parsed))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000], help="claims per file")
    parser.add_argument("--runs", type=int, default=3, help="alternated runs of each row and its baseline")
    args = parser.parse_args()
    results: dict[int, dict[str, tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            results[size] = measure(size, args.runs, Path(folder))
    print(f"CPU time, medians of {args.runs} alternated runs; µs a claim; growth of the time from the size before")
    for row, baseline, target in ROWS:
        print(f"\n{row}  (baseline {baseline}; target at most {target}x)")
        print(f"{'claims':>9} {'esgclaims':>10} {'baseline':>10} {'ratio':>7} {'growth':>7}  verdict")
        previous: tuple[int, float] | None = None
        for size, found in results.items():
            subject, base = found[row]
            ratio = subject / base
            growth = f"{subject / previous[1]:.1f}x" if previous else ""
            verdict = "meets" if ratio <= target else "MISSES"
            per = 1e6 / size
            print(f"{size:>9,} {subject * per:>10.1f} {base * per:>10.1f} {ratio:>6.2f}x {growth:>7}  {verdict}")
            previous = (size, subject)
    print("\npeak memory of a JSON load above json.loads of the same text  (target at most 2 KB a claim)")
    print(f"{'claims':>9} {'load KB/claim':>14} {'json.loads':>11} {'above':>7} {'growth':>7}  verdict")
    previous_peak: float | None = None
    for size, found in results.items():
        loaded, parsed = found["memory"]
        above = (loaded - parsed) / size / 1024
        growth = f"{loaded / previous_peak:.1f}x" if previous_peak else ""
        verdict = "meets" if above <= 2 else "MISSES"
        shown = f"{loaded / size / 1024:>14.2f} {parsed / size / 1024:>11.2f} {above:>7.2f}"
        print(f"{size:>9,} {shown} {growth:>7}  {verdict}")
        previous_peak = loaded
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
