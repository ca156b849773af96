"""What the adversarial suite tried and what came of it, counted by outcome; printed at the end of a run."""

from __future__ import annotations

import collections

import esgclaims

__all__ = ["RATIOS", "TALLY", "outcome"]

#: Inputs tried, by outcome: "loaded", "located error: FileFormatError", ...
TALLY: collections.Counter[str] = collections.Counter()
#: Growth measured: by case, how many times longer twice the input took (0 where too fast to measure).
RATIOS: dict[str, float] = {}


def outcome(kind: str, error: BaseException | None = None) -> None:
    """Count one input of ``kind``: accepted when ``error`` is None, else by the error's type.

    Anything but an :class:`esgclaims.EsgClaimsError` is not counted here: the test fails on it.
    """
    TALLY[f"{kind}: {'accepted' if error is None else 'located error'}"] += 1
    if error is not None:
        assert isinstance(error, esgclaims.EsgClaimsError), f"bare {type(error).__name__}: {error}"
