"""The ``esgclaims`` command line: list, show and validate claims, and extract candidates from text."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ._cli_extract import add_extract_command
from ._datasets import DATASETS, load_dataset
from ._errors import EsgClaimsError, LoadError
from ._files import load
from ._table import claim_row, render_table

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ._claimset import ClaimSet

__all__ = ["main"]


def _claims(source: str) -> ClaimSet:
    if source in DATASETS:
        return load_dataset(source)
    return load(Path(source))


def _list(args: argparse.Namespace) -> int:
    claims = _claims(args.source)
    print(render_table(claim_row(c) for c in claims))
    print(f"\n{len(claims)} claims from {args.source}")
    return 0


def _show(args: argparse.Namespace) -> int:
    claims = _claims(args.source)
    claim = claims.get(args.id)
    if claim is None:
        print(f"esgclaims: {args.source} has no claim {args.id!r}", file=sys.stderr)
        return 1
    citation = claim.citation
    value = claim.value
    lines = [
        f"{claim.id}",
        f"  claim      {claim}",
        f"  subject    {claim.subject.name}"
        + (f" (part of {claim.subject.parent.name})" if claim.subject.parent else ""),
        f"  program    {claim.program.name if claim.program else '—'}",
        f"  metric     {claim.metric.name} [{claim.metric.kind.value}, {claim.metric.temporal.value}]",
    ]
    if value is not None:
        lines.append(f"  value      {value}")
        lines.append(f"  interval   {value.interval}")
    lines += [
        f"  period     {claim.period}",
        f"  stated by  {claim.attribution} ({claim.modality.value})",
        f"  quote      “{citation.quote}” [{citation.span[0]}:{citation.span[1]}]",
        f"  source     {citation.source}",
    ]
    if claim.metric.frameworks:
        lines.append("  frameworks " + ", ".join(str(t) for t in claim.metric.frameworks))
    if claim.note:
        lines.append(f"  note       {claim.note}")
    print("\n".join(lines))
    return 0


def _validate(args: argparse.Namespace) -> int:
    claims = load(Path(args.file))
    print(f"{args.file}: {len(claims)} claims, all valid")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="esgclaims",
        description=(
            "Typed, exact ESG claims: list, show and validate claim files and shipped datasets; "
            "extract candidate claims from text."
        ),
        epilog=f"Datasets shipped: {', '.join(DATASETS)}. Example: esgclaims list jd-2020",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    listing = commands.add_parser("list", help="print claims as a table", description="Print claims as a table.")
    listing.add_argument(
        "source", nargs="?", default="jd-2020", help="a dataset name or a claim file (default: jd-2020)"
    )
    listing.set_defaults(run=_list)
    show = commands.add_parser("show", help="print one claim in full", description="Print one claim in full.")
    show.add_argument("id", help="the claim id, e.g. jd-2020/poverty-alleviation-sales")
    show.add_argument("--from", dest="source", default="jd-2020", help="a dataset name or a claim file")
    show.set_defaults(run=_show)
    validate = commands.add_parser(
        "validate",
        help="check a claim file and report every error",
        description="Check a claim file; print every error, one per line.",
    )
    validate.add_argument("file", help="a .toml or .json claim file")
    validate.set_defaults(run=_validate)
    add_extract_command(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        status: int = args.run(args)
    except LoadError as error:
        for line in error.exceptions:
            print(f"error: {line}", file=sys.stderr)
        print(f"esgclaims: {error.message}", file=sys.stderr)
        return 1
    except EsgClaimsError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return status
