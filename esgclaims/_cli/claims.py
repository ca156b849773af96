"""``esgclaims list | show | compare | check | validate``: claims of datasets and claim files, read and judged."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from esgclaims._display.table import claim_row, render_table
from esgclaims._errors import EsgClaimsError
from esgclaims._format import counted
from esgclaims._io.datasets import DATASETS

from .common import add_command, find_claims, load_source, load_sources, names, raise_all

if TYPE_CHECKING:
    import argparse

    from esgclaims._model import Claim

__all__ = ["add_claim_commands"]

_DEFAULT = next(iter(DATASETS))
_SOURCE_HELP = f"a dataset name ({', '.join(DATASETS)}) or a .toml or .json claim file"
_FROM_HELP = f"{_SOURCE_HELP}; repeat to merge several (default: {_DEFAULT})"


def add_claim_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``list``, ``show``, ``compare``, ``check`` and ``validate`` to the command line's subcommands."""
    listing = add_command(
        commands,
        "list",
        "print claims as a table",
        "Print claims as a table: subject, program, metric, qualifier, value, unit and period.",
        "examples:\n  esgclaims list jd-2020\n  esgclaims list --ids my-claims.toml | grep donations",
    )
    listing.add_argument(
        "sources",
        nargs="*",
        default=[_DEFAULT],
        metavar="SOURCE",
        help=f"{_SOURCE_HELP}; several are merged (default: {_DEFAULT})",
    )
    listing.add_argument("--ids", action="store_true", help="print only the claim ids, one a line")
    listing.set_defaults(run=_list)

    show = add_command(
        commands,
        "show",
        "print claims in full",
        "Print each claim in full: value, interval, period, who states it, the quote and its source.",
        "example:\n  esgclaims show jd-2020/online-donations-raised",
    )
    show.add_argument("ids", nargs="+", metavar="ID", help="a claim id, e.g. jd-2020/poverty-alleviation-sales")
    _add_from(show)
    show.set_defaults(run=_show)

    compare = add_command(
        commands,
        "compare",
        "compare two claims",
        "Compare two claims: which is larger, by how much and in what ratio, as intervals that follow "
        "from both qualifiers, and every way the two do not line up (units, subjects, metrics, periods).",
        "example:\n  esgclaims compare jd-2020/online-donations-raised jd-2020/jd-foundation-donations",
    )
    compare.add_argument("first", metavar="ID", help="the first claim's id")
    compare.add_argument("second", metavar="ID", help="the second claim's id")
    _add_from(compare)
    compare.add_argument(
        "--rounding",
        action="store_true",
        help="widen each figure by half a step of its stated precision first",
    )
    compare.set_defaults(run=_compare)

    check = add_command(
        commands,
        "check",
        "check claims against each other",
        "Check the claims of one or more sources, merged, against each other: every two claims about "
        "one subject, metric and program, judged consistent, inconsistent or indeterminate, with the "
        "reason, one finding a line; two claims of one source about one period are judged as "
        "duplicates, and a restatement is reported with its change, not as a contradiction.",
        "exit status:\n"
        "  0  no finding is inconsistent\n"
        "  1  some finding is inconsistent, or a source cannot be loaded\n"
        "  2  the command line is wrong\n\n"
        "example:\n  esgclaims check report-2021.toml press-2022.toml",
    )
    check.add_argument("sources", nargs="+", metavar="SOURCE", help=f"{_SOURCE_HELP}; several are merged")
    check.add_argument(
        "--engine",
        choices=("python", "duckdb"),
        default="python",
        help="who pairs and judges the claims: python (the default) or duckdb, the same rules in SQL "
        "(needs esgclaims[duckdb])",
    )
    check.set_defaults(run=_check)

    validate = add_command(
        commands,
        "validate",
        "check claim files and report every error",
        "Load claim files and report every error, one a line, with file, record and field; exit 1 if any file has one.",
        "example:\n  esgclaims validate claims.toml more-claims.json",
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help="a .toml or .json claim file")
    validate.set_defaults(run=_validate)


def _add_from(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from",
        dest="sources",
        action="append",
        metavar="SOURCE",
        help=_FROM_HELP,
    )


def _list(args: argparse.Namespace) -> int:
    claims = load_sources(args.sources)
    if args.ids:
        print("\n".join(claims.ids))
        return 0
    print(render_table(claim_row(c) for c in claims))
    print(f"\n{len(claims)} claims from {names(args.sources)}")
    return 0


def _show(args: argparse.Namespace) -> int:
    sources = args.sources or [_DEFAULT]
    claims = find_claims(load_sources(sources), args.ids, sources)
    print("\n\n".join(_details(claim) for claim in claims))
    return 0


def _details(claim: Claim) -> str:
    citation = claim.citation
    span = citation.span
    value = claim.value
    part_of = f" (part of {claim.subject.parent.name})" if claim.subject.parent else ""
    lines = [
        claim.id,
        f"  claim      {claim}",
        f"  subject    {claim.subject.name}{part_of}",
        f"  program    {claim.program.name if claim.program else '—'}",
        f"  metric     {claim.metric.name} [{claim.metric.kind.value}, {claim.metric.temporal.value}]",
    ]
    if value is not None:
        lines.append(f"  value      {value}")
        lines.append(f"  interval   {value.interval}")
    lines += [
        f"  period     {claim.period}",
        f"  stated by  {claim.attribution} ({claim.modality.value})",
        f"  quote      “{citation.quote}”" + ("" if span is None else f" [{span[0]}:{span[1]}]"),
        f"  source     {citation.source}" + ("" if citation.locator is None else f", {citation.locator}"),
    ]
    if claim.metric.frameworks:
        lines.append("  frameworks " + ", ".join(str(t) for t in claim.metric.frameworks))
    if claim.restates:
        lines.append(f"  restates   {claim.restates}")
    if claim.note:
        lines.append(f"  note       {claim.note}")
    return "\n".join(lines)


def _compare(args: argparse.Namespace) -> int:
    from esgclaims._compare.compare import compare  # noqa: PLC0415 - loaded on use; import time is a target

    sources = args.sources or [_DEFAULT]
    first, second = find_claims(load_sources(sources), [args.first, args.second], sources)
    lines = str(compare(first, second, rounding=args.rounding)).splitlines()
    lines[1:1] = [f"  first       {first}", f"  second      {second}"]
    print("\n".join(lines))
    return 0


def _check(args: argparse.Namespace) -> int:
    claims = load_sources(args.sources)
    if args.engine == "duckdb":
        from esgclaims._interchange import check_duckdb  # noqa: PLC0415 - an optional extra, loaded on use

        findings = check_duckdb(claims)
    else:
        findings = claims.check()
    for finding in findings:
        print(finding)
    statuses = [finding.status.value for finding in findings]
    if not findings:
        print(
            f"no findings: no two claims of {names(args.sources)} about one subject, metric and program "
            "come from different sources or dates"
        )
    else:
        shown = ("consistent", "inconsistent", "indeterminate", *(("restated",) if "restated" in statuses else ()))
        counts = ", ".join(f"{statuses.count(s)} {s}" for s in shown)
        print(f"{counted(len(findings), 'finding')} for {counted(len(claims), 'claim')}: {counts}")
    return 1 if "inconsistent" in statuses else 0


def _validate(args: argparse.Namespace) -> int:
    errors: list[EsgClaimsError] = []
    for file in dict.fromkeys(args.files):
        try:
            claims = load_source(file)
        except EsgClaimsError as error:
            errors.append(error)
        else:
            print(f"{file}: {len(claims)} claims, all valid")
    if errors:
        sys.stdout.flush()  # the valid files first, then the errors, when both go to one terminal
        raise_all("invalid claim files", errors)
    return 0
