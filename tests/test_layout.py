"""The package's layout stays readable: small modules, each with its one concept."""

from __future__ import annotations

from pathlib import Path

import esgclaims

PACKAGE = Path(esgclaims.__file__).parent
#: The most lines a module may have: past that, it holds more than one concept and is split.
MOST_LINES = 500


def test_no_module_is_over_five_hundred_lines() -> None:
    long = {
        str(path.relative_to(PACKAGE)): lines
        for path in sorted(PACKAGE.rglob("*.py"))
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MOST_LINES
    }
    assert long == {}, f"split these modules (at most {MOST_LINES} lines each): {long}"
