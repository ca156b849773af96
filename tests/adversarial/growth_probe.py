"""Time one hostile input at two sizes, in a process of its own: ``python growth_probe.py CASE SIZE REPEATS``.

Prints JSON: the median CPU seconds at ``SIZE`` and at twice ``SIZE``, and what each
call ended with (``"ok"`` or the error's type). The test runs it with a timeout, so
that a hang fails the test instead of blocking the run.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from typing import TYPE_CHECKING

import esgclaims

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["CASES", "measure"]


def _repeat(unit: str, size: int, before: str = "", after: str = "") -> str:
    return before + unit * max(1, (size - len(before) - len(after)) // len(unit)) + after


#: Each case: what it calls with a text of about ``size`` characters.
CASES: dict[str, Callable[[int], object]] = {
    "parse_value: scale words": lambda n: esgclaims.parse_value(_repeat("million ", n, "RMB 1 ")),
    "parse_value: digit groups": lambda n: esgclaims.parse_value(_repeat(",000", n, "1", " households")),
    "parse_value: between and": lambda n: esgclaims.parse_value(_repeat("between 1 and ", n, "", "2 tonnes")),
    "parse_value: spaces": lambda n: esgclaims.parse_value(_repeat(" ", n, "5", "tonnes")),
    "parse_value: nines": lambda n: esgclaims.parse_value(_repeat("9", n, "RMB ")),
    "parse_period: end of": lambda n: esgclaims.parse_period(_repeat("end of ", n, "", "2020")),
    "parse_period: from to": lambda n: esgclaims.parse_period(_repeat("from 2020 to ", n, "", "2021")),
    "parse_period: years": lambda n: esgclaims.parse_period(_repeat("FY2020 ", n)),
    "extract: sentences": lambda n: esgclaims.extract(_repeat("In 2022 we donated RMB 5 million to 30 schools. ", n)),
    "extract: scale words": lambda n: esgclaims.extract(_repeat("million ", n)),
    "extract: digits": lambda n: esgclaims.extract(_repeat("9", n)),
    "extract: periods": lambda n: esgclaims.extract(_repeat("end of ", n, "As at ", "2020, 5 farms.")),
    "extract: table line": lambda n: esgclaims.extract(_repeat(" 1,234", n, "In 2022 we donated", " tonnes.")),
    "extract: between and": lambda n: esgclaims.extract(_repeat("and 1 ", n, "In 2022 between 1 ", "tonnes.")),
}


def _once(call: Callable[[int], object], size: int) -> tuple[float, str]:
    start = time.process_time()
    try:
        call(size)
    except esgclaims.EsgClaimsError as error:
        ended = type(error).__name__
    else:
        ended = "ok"
    return time.process_time() - start, ended  # any other exception ends the probe: the test shows it


def measure(case: str, size: int, repeats: int) -> dict[str, object]:
    """The median CPU time of ``case`` at ``size`` and ``2 * size`` characters, and how the calls ended."""
    call = CASES[case]
    _once(call, 64)  # word lists and patterns are read at first use, not in the first measurement
    result: dict[str, object] = {}
    for label, n in (("small", size), ("large", 2 * size)):
        runs = [_once(call, n) for _ in range(repeats)]
        result[label] = statistics.median(seconds for seconds, _ in runs)
        result[f"{label}_ended"] = runs[-1][1]
    return result


if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))))
