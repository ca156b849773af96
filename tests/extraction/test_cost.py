"""The cost of extraction grows with its input, not with its square: hostile inputs, each timed twice.

Each input is extracted at a size and at twice that size in an interpreter of its own
(a hang fails at the time limit instead of blocking the suite). Doubling the input may
at most triple the CPU time (``time.process_time``, median of three runs).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: Doubling the input may cost this many times the time, at most (linear cost doubles it).
MOST_GROWTH = 3.0
#: Seconds of wall time a case may take before it counts as a hang (about 2 s of CPU time on an idle machine).
LIMIT = 120

_MEASURE = """
import json, statistics, sys, time
from esgclaims import extract

def table(n):  # one table line of n figures
    return "Water withdrawn (m3): " + " ".join(f"{1000 + i:,}" for i in range(n)) + "."

def between(n):  # "between 1 and 1 and ..."
    return "between 1" + " and 1" * n + "."

def no_stop(n):  # a line of report text with no full stop
    line = (
        "In 2022 Acme Holdings Ltd donated RMB 5 million to schools in the region and its partners, and the "
        "programme that the company runs with local governments across the province went on growing "
    )
    return (line * (n // len(line) + 1))[:n]

def organizations(n):  # many organizations, each with a figure, in one sentence
    parts = [f"Alpha{i} Holdings Ltd, through Beta{i} Foundation, donated RMB {i + 1} million" for i in range(n)]
    return "; ".join(parts) + "."

def cpu(text):
    times = []
    for _ in range(3):
        began = time.process_time()
        extract(text)
        times.append(time.process_time() - began)
    return statistics.median(times)

make, size = globals()[sys.argv[1]], int(sys.argv[2])
print(json.dumps([len(make(size)), cpu(make(size)), cpu(make(2 * size))]))
"""

CASES = [
    ("table", 800),  # 1,600 figures at twice the size: 11 KB
    ("between", 800),  # 9.6 KB at twice the size
    ("no_stop", 50_000),  # 100 KB at twice the size
    ("organizations", 100),
]


def test_doubling_a_hostile_input_at_most_triples_the_time_of_extract() -> None:
    # all four at once, each in an interpreter of its own: the suite waits for the slowest, not the sum
    running = [
        (
            maker,
            size,
            subprocess.Popen(  # noqa: S603 - this interpreter, with the test's own script
                [sys.executable, "-c", _MEASURE, maker, str(size)], stdout=subprocess.PIPE, cwd=ROOT
            ),
        )
        for maker, size in CASES
    ]
    slow = []
    for maker, size, process in running:
        try:
            out, _ = process.communicate(timeout=LIMIT)
        except subprocess.TimeoutExpired:
            for _, _, other in running:
                other.kill()
                other.communicate()
            pytest.fail(f"{maker}: no answer within {LIMIT} s")
        assert process.returncode == 0, maker
        length, single, double = json.loads(out)
        assert length >= size
        if double > MOST_GROWTH * max(single, 0.01):
            slow.append(f"{maker}: {single:.3f} s, then {double:.3f} s at twice the size")
    assert slow == []
