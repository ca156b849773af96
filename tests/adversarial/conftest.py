"""A time limit on every adversarial test, and a tally of what the suite tried, printed at the end."""

from __future__ import annotations

import signal
from typing import TYPE_CHECKING

import pytest

from tests.adversarial.tally import RATIOS, TALLY

if TYPE_CHECKING:
    from collections.abc import Iterator

#: Seconds any one adversarial test may take before it fails as a hang.
TIME_LIMIT = 20


class Hang(Exception):  # noqa: N818 - named for what it reports
    """A test ran past :data:`TIME_LIMIT`."""


def _hang(signum: int, frame: object) -> None:
    raise Hang(f"ran past the adversarial time limit of {TIME_LIMIT} s")


@pytest.fixture(autouse=True)
def time_limit() -> Iterator[None]:
    """Fail a test that hangs instead of blocking the run (SIGALRM: Unix, as CI is)."""
    previous = signal.signal(signal.SIGALRM, _hang)
    signal.alarm(TIME_LIMIT)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if TALLY:
        counts = ", ".join(f"{outcome}: {count}" for outcome, count in sorted(TALLY.items()))
        terminalreporter.write_line(f"adversarial inputs: {sum(TALLY.values())} ({counts})")
    if RATIOS:
        case, ratio = max(RATIOS.items(), key=lambda item: item[1])
        terminalreporter.write_line(f"adversarial growth: worst ratio {ratio:.2f} for doubling ({case})")
