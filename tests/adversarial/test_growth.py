"""Long and repeated phrases into ``parse_value``, ``parse_period`` and ``extract``: time grows linearly.

Each case runs in a process of its own (growth_probe.py) with a timeout, at a size and
at twice that size, the median CPU time of 3 runs each. A case fails when doubling the
input more than triples the time, or when it takes longer than the timeout.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import esgclaims
from tests.adversarial.tally import RATIOS, TALLY

_PROBE = Path(__file__).with_name("growth_probe.py")
_ROOT = Path(esgclaims.__file__).parent.parent
#: Below this many CPU seconds at twice the size, a time is too small to measure growth by: it is bounded.
_MEASURABLE = 0.05
_KB = 1024


@pytest.mark.parametrize(
    ("case", "size"),
    [
        ("parse_value: scale words", 32 * _KB),
        ("parse_value: digit groups", 32 * _KB),
        ("parse_value: between and", 32 * _KB),
        ("parse_value: spaces", 32 * _KB),
        ("parse_value: nines", 32 * _KB),
        ("parse_period: end of", 32 * _KB),
        ("parse_period: from to", 32 * _KB),
        ("parse_period: years", 32 * _KB),
        ("extract: sentences", 4 * _KB),
        ("extract: scale words", 32 * _KB),
        ("extract: digits", 32 * _KB),
        ("extract: periods", 16 * _KB),
        ("extract: table line", 4 * _KB),
        ("extract: between and", 4 * _KB),
    ],
)
def test_doubling_the_input_at_most_triples_the_time(case: str, size: int) -> None:
    environment = {**os.environ, "PYTHONPATH": str(_ROOT)}
    try:
        finished = subprocess.run(  # noqa: S603 - our own probe, with our own interpreter
            [sys.executable, str(_PROBE), case, str(size), "3"],
            capture_output=True,
            text=True,
            timeout=15,
            env=environment,
            check=False,
        )
    except subprocess.TimeoutExpired:
        TALLY["growth: hang"] += 1
        pytest.fail(f"{case}: {size} and {2 * size} characters took more than 15 s: a hang")
    assert finished.returncode == 0, f"{case}: a bare exception:\n{finished.stderr[-2000:]}"
    result = json.loads(finished.stdout)
    small, large = float(result["small"]), float(result["large"])
    ratio = large / max(small, 1e-3)
    TALLY["growth: cases measured"] += 1
    RATIOS[case] = ratio if large >= _MEASURABLE else 0
    assert large < _MEASURABLE or ratio <= 3, (
        f"{case}: {size} characters took {small:.3f} s, {2 * size} took {large:.3f} s ({ratio:.1f} times)"
    )
