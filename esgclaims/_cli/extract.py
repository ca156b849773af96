"""``esgclaims extract FILE``: candidate claims of a text, as a table or a draft claim file."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import TYPE_CHECKING

from esgclaims._display.table import render_table
from esgclaims._format import counted, format_number, unit_words
from esgclaims._io.datasets import DATASETS, load_dataset
from esgclaims._io.load import load
from esgclaims._io.text import decode_text, read_file
from esgclaims._model import Organization, Source
from esgclaims._units import register_count_kind

if TYPE_CHECKING:
    import argparse

    from esgclaims._extract.candidates import Candidate

__all__ = ["add_extract_command"]

HEADERS = ("line", "figure", "qualifier", "value", "unit", "period", "subject", "suggested metric")


def add_extract_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``extract`` to the command line's subcommands."""
    command = commands.add_parser(
        "extract",
        help="propose candidate claims from a text",
        description=(
            "Propose the claims a UTF-8 text states: each figure with its qualifier, unit, period and subject. "
            "Print them as a table, and with --output write the levels as a draft claim file "
            "that esgclaims load reads once you fill in what it lists."
        ),
    )
    command.add_argument("file", help="a UTF-8 text file, e.g. a press release or a report section")
    command.add_argument("--output", "-o", help="write a draft claim file (.toml or .json)")
    command.add_argument(
        "--with",
        dest="known",
        metavar="CLAIMS",
        help="a dataset name or claim file whose organizations name subjects, and whose source is the text's",
    )
    command.add_argument("--title", help="the text's title, for the source record")
    command.add_argument("--publisher", help="the text's publisher, for the source record")
    command.add_argument("--url", help="the text's URL, for the source record")
    command.add_argument(
        "--count",
        action="append",
        default=[],
        metavar="NOUN[:PLURAL]",
        help="a counted noun to register first, e.g. school, or alumnus:alumni for an irregular plural (repeatable)",
    )
    command.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    # Imported here: the other commands and --help do not pay for the extractor.
    from esgclaims._extract.drafts import dump_candidates  # noqa: PLC0415
    from esgclaims._extract.pipeline import extract  # noqa: PLC0415

    path = Path(args.file)
    text = decode_text(read_file(path), path.name)
    for noun in args.count:
        name, _, plural = noun.partition(":")
        register_count_kind(name, plural or None)
    organizations: list[Organization] = []
    source: Source | None = None
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if args.known:
        claims = load_dataset(args.known) if args.known in DATASETS else load(Path(args.known))
        source = next((c.source for c in claims if c.source.sha256 == digest), None)
        organizations = list({id(o): o for c in claims for o in _lineage(c.subject)}.values())
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "source"
    if source is None and args.title and args.publisher:
        source = Source(slug, args.title, args.publisher, url=args.url, sha256=digest)
    candidates = extract(text, source, organizations=organizations)
    print(render_table((_row(text, c) for c in candidates), HEADERS))
    kinds = [c.kind for c in candidates]
    counts = ", ".join(counted(kinds.count(kind), kind) for kind in ("level", "change"))
    print(f"\n{counted(len(candidates), 'candidate')} from {args.file}: {counts}, {kinds.count('unread')} unread")
    if args.output:
        todo = dump_candidates(candidates, args.output, source=source or slug)
        print(f"wrote {counted(kinds.count('level'), 'draft claim')} to {args.output}")
        if todo:
            print("before esgclaims.load reads it, fill in:")
            print("\n".join(f"  {line}" for line in todo))
    return 0


def _lineage(organization: Organization) -> list[Organization]:
    chain = [organization]
    while chain[-1].parent is not None:
        chain.append(chain[-1].parent)
    return chain


def _row(text: str, candidate: Candidate) -> tuple[str, ...]:
    line = str(text.count("\n", 0, candidate.figure_span[0]) + 1)
    figure = candidate.figure if len(candidate.figure) <= 40 else candidate.figure[:39] + "…"
    value, change = candidate.value, candidate.change
    if change is not None:
        size = change.delta
        word = "up" if change.direction.value == "increase" else "down"
        qualifier = word if size.qualifier.value == "exact" else f"{word}, {size.qualifier.value.replace('_', ' ')}"
        number = format_number(size.reported.magnitude * (100 if change.relative else 1))
        unit = "% (relative)" if change.relative else "percentage points" if str(size.units) == "percent" else ""
        unit = unit or unit_words(size.units)
    elif value is not None:
        qualifier = value.qualifier.value.replace("_", " ")
        number = format_number(value.reported.magnitude)
        if value.upper is not None:
            number += f"–{format_number(value.upper.magnitude)}"
        unit = unit_words(value.units) or "—"
    else:
        qualifier, number, unit = "unread", "—", ""
    subject = candidate.subject or "—"
    return (line, figure, qualifier, number, unit, str(candidate.period), subject, candidate.suggested_metric)
