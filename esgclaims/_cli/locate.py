"""``esgclaims locate FILE --text SOURCE.txt``: the span of each claim's quote in its source's text."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from esgclaims._format import counted
from esgclaims._io.dump import dump
from esgclaims._io.load import load
from esgclaims._io.locate import locate_quotes
from esgclaims._io.text import decode_text, read_file

from .common import add_command

if TYPE_CHECKING:
    import argparse

__all__ = ["add_locate_command"]


def add_locate_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``locate`` to the command line's subcommands."""
    command = add_command(
        commands,
        "locate",
        "find the span of each quote in a source text",
        "Find where each claim's quote stands in the source's UTF-8 text and print its span; with --output, "
        "write the claims with their spans as a .toml or .json claim file. Quotes the text does not hold "
        "are listed on standard error, and the exit status is 1.",
        "example:\n  esgclaims locate typed-from-pdf.toml --text report.txt -o located.toml",
    )
    command.add_argument("file", metavar="FILE", help="a .toml or .json claim file")
    command.add_argument("--text", required=True, metavar="TEXT", help="the source's text, a UTF-8 file")
    command.add_argument("--output", "-o", metavar="PATH", help="write the claims with their spans (.toml or .json)")
    command.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    claims = load(Path(args.file))
    text_path = Path(args.text)
    found = locate_quotes(claims, decode_text(read_file(text_path), text_path.name))
    missing = {claim.id for claim in found.missing}
    for claim in found.claims:
        span = claim.citation.span
        if claim.id not in missing and span is not None:
            print(f"{claim.id}: [{span[0]}, {span[1]}]")
    if args.output:
        dump(found.claims, args.output)
        print(f"wrote {counted(len(found.claims), 'claim')} to {args.output}")
    sys.stdout.flush()
    for claim in found.missing:
        print(f"esgclaims: error: {claim.id}: quote not in {text_path.name}: “{claim.citation.quote}”", file=sys.stderr)
    return 1 if found.missing else 0
