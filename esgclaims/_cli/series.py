"""``esgclaims series``: one metric of one subject over time, with the change between each two claims."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .common import add_command, load_sources

if TYPE_CHECKING:
    import argparse

__all__ = ["add_series_command"]


def add_series_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``series`` to the command line's subcommands."""
    series = add_command(
        commands,
        "series",
        "follow one metric over time",
        "Print the claims of one metric and subject from one or more sources, merged, in period order, "
        "with the change between each two as the figures allow it (up, down, or cannot tell). A restated "
        "figure stands as restated unless --restated all is given.",
        "example:\n  esgclaims series report-2023.toml report-2024.toml --metric community-spending --subject acme",
    )
    series.add_argument("sources", nargs="+", metavar="FILE", help="a dataset name or a .toml or .json claim file")
    series.add_argument("--metric", required=True, metavar="ID", help="the metric's id")
    series.add_argument("--subject", metavar="ID", help="the subject's id (needed when several subjects have claims)")
    series.add_argument("--program", metavar="ID", help="the program's id (needed when claims name several)")
    series.add_argument(
        "--restated",
        choices=("latest", "all"),
        default="latest",
        help="latest: a restated figure stands as restated (default); all: every statement",
    )
    series.set_defaults(run=_series)


def _series(args: argparse.Namespace) -> int:
    claims = load_sources(args.sources)
    print(claims.series(args.metric, subject=args.subject, program=args.program, restated=args.restated))
    return 0
