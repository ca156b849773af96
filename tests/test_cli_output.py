"""What the command line writes when its output is hostile: closed, not UTF-8, or full of control characters."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from esgclaims._cli.output import escape_controls

ROOT = Path(__file__).resolve().parents[1]


def _esgclaims(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run(  # noqa: S603 - our own command line
        [sys.executable, "-m", "esgclaims", *argv], capture_output=True, env=environment, timeout=120, check=False
    )


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain text", "plain text"),
        ("tab\tand newline\n", "tab\tand newline\n"),
        ("\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"),
        ("bell\x07 and carriage\rreturn", "bell\\x07 and carriage\\rreturn"),
        ("delete\x7f and C1 \x9b", "delete\\x7f and C1 \\x9b"),
        ("中文 and — stay", "中文 and — stay"),
    ],
)
def test_control_characters_but_tab_and_newline_are_escaped(text: str, shown: str) -> None:
    assert escape_controls(text) == shown


def test_a_closed_standard_output_is_an_error_not_a_traceback() -> None:
    command = f"{sys.executable} -m esgclaims list jd-2020 >&-"
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(  # noqa: S603 - our own command line, run by a shell that closes its standard output
        ["/bin/sh", "-c", command], capture_output=True, env=environment, timeout=120, check=False
    )
    assert result.returncode == 1
    assert result.stderr.decode() == "esgclaims: error: standard output is closed; nothing can be written to it\n"


def test_a_terminal_that_cannot_show_a_character_gets_an_escape_not_an_encoding_error() -> None:
    result = _esgclaims("show", "jd-2020/impoverished-counties-helped", env={"PYTHONIOENCODING": "cp1252"})
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr
    assert b"\\u2014" in result.stdout or b"\x97" in result.stdout  # the em dash, escaped or in cp1252


def test_an_export_to_standard_output_is_utf8_whatever_the_terminal_encoding(tmp_path: Path) -> None:
    result = _esgclaims("export", "jd-2020", "--format", "json", env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    written = tmp_path / "out.json"
    assert _esgclaims("export", "jd-2020", "--format", "json", "-o", str(written)).returncode == 0
    assert result.stdout == written.read_bytes()


def test_text_from_a_claim_file_reaches_the_terminal_escaped(tmp_path: Path) -> None:
    source = (ROOT / "esgclaims" / "data" / "jd-2020.toml").read_text(encoding="utf-8")
    quote = 'quote = "as of Sept. 30, 2020, JD had helped 110 impoverished counties"'
    assert quote in source
    hostile = tmp_path / "hostile.toml"
    source = source.replace(quote, quote[:-1] + '\\u001b]0;pwned\\u0007"', 1).replace("[1550, 1611]", "[1550, 1621]", 1)
    hostile.write_text(source, encoding="utf-8")
    result = _esgclaims("show", "--from", str(hostile), "jd-2020/impoverished-counties-helped")
    assert result.returncode == 0, result.stderr
    assert b"\x1b" not in result.stdout
    assert b"\x07" not in result.stdout
    assert b"counties\\x1b]0;pwned\\x07" in result.stdout
