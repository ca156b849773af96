"""Cold start: importing esgclaims and loading the JD 2020 dataset, against importing pint.

Baseline: ``python -c "import pint"`` in the same interpreter. Target: the median ratio
is at most 1.15, i.e. the library and its dataset add less than 15 % on top of
importing pint.

A third command is measured for information: the same, then one claim's value read
as a quantity, which imports pint and builds the registry (loading claims imports
neither; see docs/design.md, Performance). Its ratio is what a session that goes on
to compare figures pays on top of pint.

Measured in two environments, and both are printed:

- the interpreter running this script (a development venv, with the test extras:
  numpy, pandas and the rest installed, though esgclaims imports none of them);
- a venv with only the runtime dependencies, as ``pip install esgclaims`` makes it
  (``--runtime-venv``, built on first use with ``python -m venv`` and ``pip install``
  of this checkout). This is the figure the target is for.

Each run is a fresh interpreter; the commands alternate (so neither benefits from
a warmer cache) and each is measured as the CPU time of the child process (user +
system, from ``resource.getrusage(RUSAGE_CHILDREN)`` deltas), which another process
on the machine disturbs less than wall time. Medians are printed.

    python benchmarks/coldstart.py [--runs 20] [--runtime-venv DIR]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

BASELINE = "import pint"
SUBJECT = "import esgclaims; esgclaims.load_dataset('jd-2020')"
FIRST_READ = "import esgclaims; str(esgclaims.load_dataset('jd-2020')['jd-2020/poverty-alleviation-sales'].value)"
TARGET = 1.15
ROOT = Path(__file__).resolve().parent.parent


def _environment() -> dict[str, str]:
    # Measure what users get: pip byte-compiles an installed package, so let the untimed
    # warm-up runs write bytecode even where PYTHONDONTWRITEBYTECODE is set. This checkout
    # is the esgclaims imported, in either venv.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT)
    return env


ENV = _environment()


def cpu_time(python: str, code: str) -> float:
    """CPU seconds (user + system) of one fresh interpreter running ``code``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([python, "-c", code], check=True, env=ENV)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def runtime_venv(path: Path) -> str:
    """The python of a venv holding esgclaims' runtime dependencies only; built if missing."""
    python = path / "bin" / "python"
    if not python.exists():
        print(f"building {path}: a venv with the runtime dependencies only ...", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(path)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", str(ROOT)], check=True)
    return str(python)


def measure(python: str, runs: int) -> tuple[float, float, float]:
    """Median CPU seconds of the baseline, of esgclaims and of its first read figure, in alternated runs."""
    commands = (BASELINE, SUBJECT, FIRST_READ)
    for code in commands:
        cpu_time(python, code)  # warm the file system cache and write bytecode, untimed
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for code, taken in zip(commands, times, strict=True):
            taken.append(cpu_time(python, code))
    base, subject, first_read = (statistics.median(taken) for taken in times)
    return base, subject, first_read


def report(label: str, base: float, subject: float, first_read: float, *, targeted: bool) -> float:
    ratio = subject / base
    print(f"{label}")
    print(f"  baseline    {BASELINE!r}: median {base * 1000:7.1f} ms CPU")
    print(f"  esgclaims   {SUBJECT!r}: median {subject * 1000:7.1f} ms CPU")
    print(f"  first read  {FIRST_READ!r}: median {first_read * 1000:7.1f} ms CPU")
    verdict = ("meets" if ratio <= TARGET else "MISSES") + f" the target of at most {TARGET}"
    print(f"  ratio esgclaims / pint: {ratio:.3f}  ({verdict if targeted else 'for information'})")
    print(f"  ratio first read / pint: {first_read / base:.3f}  (for information: pint imported, registry built)")
    return ratio


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=20, help="alternated runs of each command (at least 10)")
    parser.add_argument(
        "--runtime-venv",
        type=Path,
        default=Path(tempfile.gettempdir()) / "esgclaims-runtime",
        help="a venv with only the runtime dependencies (built there if missing)",
    )
    args = parser.parse_args()
    runs = max(args.runs, 10)
    runtime = runtime_venv(args.runtime_venv)
    print(f"runs (alternated): {runs}; CPU time of each child process, medians")
    report(f"runtime dependencies only ({runtime})", *measure(runtime, runs), targeted=True)
    report(f"with the test extras ({sys.executable})", *measure(sys.executable, runs), targeted=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
