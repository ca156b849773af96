"""Cold start: importing esgclaims and loading the JD 2020 dataset, against importing pint.

Baseline: ``python -c "import pint"``. Target: the median ratio is at most 1.3, i.e.
the library and its dataset add less than 30 % on top of importing pint.

Runs the two commands alternately in fresh interpreters (so neither benefits from
a warmer cache) and prints the median wall time of each and their ratio.

    python benchmarks/coldstart.py [--runs 20]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

BASELINE = "import pint"
SUBJECT = "import esgclaims; esgclaims.load_dataset('jd-2020')"
TARGET = 1.3


# Measure what users get: pip byte-compiles an installed package, so let the
# untimed warm-up runs write bytecode even where PYTHONDONTWRITEBYTECODE is set.
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def wall_time(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=ENV)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=20, help="alternated runs of each command (at least 10)")
    args = parser.parse_args()
    runs = max(args.runs, 10)
    wall_time(BASELINE)  # warm the file system cache for both, untimed
    wall_time(SUBJECT)
    baseline, subject = [], []
    for _ in range(runs):
        baseline.append(wall_time(BASELINE))
        subject.append(wall_time(SUBJECT))
    base, subj = statistics.median(baseline), statistics.median(subject)
    ratio = subj / base
    print(f"runs (alternated):                {runs}")
    print(f"baseline  {BASELINE!r:52} median {base * 1000:7.1f} ms")
    print(f"esgclaims {SUBJECT!r:52} median {subj * 1000:7.1f} ms")
    verdict = "meets" if ratio <= TARGET else "MISSES"
    print(f"ratio esgclaims / pint:           {ratio:.3f}  ({verdict} the target of at most {TARGET})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
