"""The claim table at scale: Arrow, Parquet and the DuckDB consistency check, each against a named baseline.

Builds N synthetic claims (default 1,000,000) in groups of ``--group`` statements
of one subject, metric and program (many subjects, metrics, units, qualifiers,
periods and sources), then prints, as medians of ``--runs`` runs of CPU time:

- ``to_arrow()`` in µs per claim (target at most 10);
- writing the Arrow table as Parquet (atomically) against bare
  ``pyarrow.parquet.write_table`` of the same table (target at most 1.5x);
- ``esgclaims.load("x.parquet")`` against ``esgclaims.load("x.json")`` of the same
  100,000 claims (target: faster);
- the DuckDB consistency check of all N claims in Parquet (target under 30 s wall),
  next to ``ClaimSet.check()`` in Python on 10,000 claims of the same shape;
- memory per claim of each path (tracemalloc peak for Python; peak RSS growth for DuckDB).

    python benchmarks/table.py [--claims 1000000] [--runs 3]
"""

from __future__ import annotations

import argparse
import gc
import resource
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
import pyarrow.parquet as pq  # type: ignore[import-untyped]
from _synthetic import build

import esgclaims
from esgclaims import ClaimSet
from esgclaims._interchange import check_duckdb_table
from esgclaims._interchange.parquet import write_table

if TYPE_CHECKING:
    from collections.abc import Callable


def cpu(action: Callable[[], object], runs: int) -> float:
    """The median CPU time of ``runs`` calls, in seconds."""
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.process_time()
        action()
        times.append(time.process_time() - start)
    return statistics.median(times)


def wall(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_bytes(action: Callable[[], object]) -> int:
    """The peak of memory Python allocates while ``action`` runs (tracemalloc)."""
    gc.collect()
    tracemalloc.start()
    action()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--claims", type=int, default=1_000_000, help="claims in the big table")
    parser.add_argument("--load-claims", type=int, default=100_000, help="claims for the Parquet vs JSON load")
    parser.add_argument("--python-claims", type=int, default=10_000, help="claims for the Python engine's check")
    parser.add_argument("--group", type=int, default=10, help="statements of one subject, metric and program")
    parser.add_argument("--runs", type=int, default=3, help="runs of each measurement (the median is printed)")
    args = parser.parse_args()
    n, runs = args.claims, args.runs

    start = time.perf_counter()
    claims = build(n, args.group)
    print(f"built {len(claims):,} claims in {time.perf_counter() - start:.1f} s wall")

    table = claims.to_arrow()
    to_arrow = cpu(claims.to_arrow, runs)
    print(f"to_arrow():          {to_arrow / n * 1e6:6.2f} µs per claim (target ≤ 10), values shared as built")
    # The synthetic claims share value objects (a pool per unit), and to_arrow works a value out once.
    # Real claims mostly have a value each: measure that too, on a sample.
    sample = ClaimSet(attrs.evolve(c, value=attrs.evolve(c.value)) for c in claims.claims[: args.python_claims])
    own_values = cpu(sample.to_arrow, runs)
    print(f"to_arrow():          {own_values / len(sample) * 1e6:6.2f} µs per claim with a value object each")

    with tempfile.TemporaryDirectory() as folder:
        directory = Path(folder)
        bare = cpu(lambda: pq.write_table(table, directory / "bare.parquet"), runs)
        ours = cpu(lambda: write_table(table, directory / "claims.parquet"), runs)
        print(
            f"write Parquet:       {ours:6.2f} s vs bare pyarrow.parquet.write_table {bare:6.2f} s: "
            f"{ours / bare:.2f}x (target ≤ 1.5x)"
        )

        small = ClaimSet(claims.claims[: args.load_claims])
        small.to_parquet(directory / "small.parquet")
        esgclaims.dump(small, directory / "small.json")
        parquet_load = cpu(lambda: esgclaims.load(directory / "small.parquet"), runs)
        json_load = cpu(lambda: esgclaims.load(directory / "small.json"), runs)
        print(
            f"load {len(small):,}:        Parquet {parquet_load:6.2f} s vs JSON (baseline) {json_load:6.2f} s: "
            f"{parquet_load / json_load:.2f}x (target < 1)"
        )

        path = directory / "claims.parquet"
        pairs = check_duckdb_table(path).num_rows
        duck_wall = wall(lambda: check_duckdb_table(path), runs)
        duck_cpu = cpu(lambda: check_duckdb_table(path), runs)
        sample = build(args.python_claims, args.group)
        python_pairs = len(sample.check())
        python_cpu = cpu(sample.check, runs)
        print(
            f"DuckDB check {n:,}: {duck_wall:6.2f} s wall, {duck_cpu:6.2f} s CPU, {pairs:,} findings (target < 30 s); "
            f"Python check() of {len(sample):,}: {python_cpu:6.2f} s CPU, {python_pairs:,} findings"
        )

        per_claim = peak_bytes(claims.to_arrow) / n
        write_memory = peak_bytes(lambda: write_table(table, directory / "claims.parquet")) / n
        parquet_memory = peak_bytes(lambda: esgclaims.load(directory / "small.parquet")) / len(small)
        json_memory = peak_bytes(lambda: esgclaims.load(directory / "small.json")) / len(small)
        check_memory = peak_bytes(sample.check) / len(sample)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        check_duckdb_table(path)
        duck_rss = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) * 1024 / n
        print(
            "memory per claim:    "
            f"to_arrow {per_claim:,.0f} B; write {write_memory:,.0f} B; load Parquet {parquet_memory:,.0f} B "
            f"vs JSON {json_memory:,.0f} B; Python check {check_memory:,.0f} B; "
            f"DuckDB check {duck_rss:,.0f} B (peak RSS growth, 0 when under an earlier peak)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
