"""Every benchmark, one after another: comparisons and tables, the claim table, loading, cold start, extraction.

Each script prints its figures next to the baseline it names, measured in the same
run. ``--quick`` gives each a short run (smaller sizes, fewer runs), for a check
that they all still work rather than for figures to quote.

    python benchmarks/run_all.py [--quick]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

#: Each script, with its arguments for a full run and for a quick one.
SCRIPTS = (
    ("core.py", [], ["--quick", "--runs", "3"]),
    ("table.py", [], ["--claims", "10000", "--load-claims", "10000", "--python-claims", "1000", "--runs", "1"]),
    ("loading.py", [], ["--sizes", "1000", "10000", "--runs", "1"]),
    ("coldstart.py", [], ["--runs", "10"]),
    ("extraction.py", [], []),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help="short runs of each benchmark")
    args = parser.parse_args()
    failed = []
    for script, full, quick in SCRIPTS:
        command = [sys.executable, str(HERE / script), *(quick if args.quick else full)]
        print(f"\n### {script} {' '.join(command[2:])}".rstrip(), flush=True)
        start = time.perf_counter()
        if subprocess.run(command, check=False).returncode != 0:
            failed.append(script)
        print(f"### {script}: {time.perf_counter() - start:.0f} s wall", flush=True)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
