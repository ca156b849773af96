"""What the command line's commands share: claims from dataset names and claim files, merged; claims by id; help."""

from __future__ import annotations

import argparse
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

from esgclaims._claimset import ClaimSet
from esgclaims._errors import (
    ClaimNotFoundError,
    DatasetNotFoundError,
    EsgClaimsError,
    InvalidClaimError,
    SourcesError,
    did_you_mean,
)
from esgclaims._io.datasets import DATASETS, load_dataset
from esgclaims._io.load import load

if TYPE_CHECKING:
    from collections.abc import Sequence

    from esgclaims._model import Claim

__all__ = ["add_command", "find_claims", "load_source", "load_sources", "names", "raise_all"]

#: What a claim file's name ends with; any other name that is not a file is taken for a dataset name.
_SUFFIXES = (".toml", ".json")


def load_source(source: str) -> ClaimSet:
    """The claims of a shipped dataset (``jd-2020``) or of a TOML or JSON claim file.

    Raises:
        DatasetNotFoundError: ``source`` is neither a dataset nor a file, and does not look like a file name.
        FileReadError: the file cannot be read.
        FileFormatError: the file is not a claim file at all.
        LoadError: the file has bad records; it lists every one.
    """
    if source in DATASETS:
        return load_dataset(source)
    path = Path(source)
    if path.suffix.lower() not in _SUFFIXES and not path.exists():
        raise DatasetNotFoundError(
            f"{source}: no such dataset or claim file; esgclaims ships {', '.join(DATASETS)}, "
            f"and claim files end in .toml or .json{did_you_mean(source, DATASETS)}"
        )
    return load(path)


def load_sources(sources: Sequence[str]) -> ClaimSet:
    """The claims of every source, merged into one set; the same claim in two sources is kept once.

    Raises:
        EsgClaimsError: the one error, when only one source fails (a bad file's :class:`LoadError`,
            a :class:`FileReadError` ...) or one id names two different claims.
        SourcesError: every such error, when there are several; nothing is returned unless all sources load.
    """
    errors: list[EsgClaimsError] = []
    loaded: list[tuple[str, ClaimSet]] = []
    for source in dict.fromkeys(sources):  # the same source twice is read once
        try:
            loaded.append((source, load_source(source)))
        except EsgClaimsError as error:
            errors.append(error)
    if len(loaded) == 1 and not errors:
        return loaded[0][1]
    merged: dict[str, tuple[str, Claim]] = {}
    for source, claims in loaded:
        for claim in claims:
            first = merged.setdefault(claim.id, (source, claim))
            if first[1] != claim:
                errors.append(
                    InvalidClaimError(f"claim {claim.id!r} differs between {first[0]} and {source}: one id, two claims")
                )
    raise_all(f"cannot load {names(sources)}", errors)
    return ClaimSet(claim for _, claim in merged.values())


def find_claims(claims: ClaimSet, ids: Sequence[str], sources: Sequence[str]) -> list[Claim]:
    """The claims with these ids, in order.

    Raises:
        ClaimNotFoundError: an id the claims do not have; one line for each such id,
            naming it and the ids closest to it.
    """
    found: list[Claim] = []
    missing: list[str] = []
    for claim_id in ids:
        claim = claims.get(claim_id)
        if claim is not None:
            found.append(claim)
            continue
        listing = f"; esgclaims list --ids {' '.join(dict.fromkeys(sources))} lists the claim ids"
        hint = did_you_mean(claim_id, claims.ids, n=3) or listing
        missing.append(f"{names(sources)} has no claim {claim_id!r}{hint}")
    if missing:
        raise ClaimNotFoundError("\n".join(missing))
    return found


def raise_all(message: str, errors: Sequence[EsgClaimsError]) -> None:
    """Raise the one error, or an :class:`SourcesError` of several under ``message``; nothing for none."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise SourcesError(message, errors)


def names(sources: Sequence[str]) -> str:
    """Sources in a sentence: ``jd-2020``, ``a.toml and b.toml``, ``a.toml, b.toml and c.toml``."""
    unique = list(dict.fromkeys(sources))
    return unique[0] if len(unique) == 1 else f"{', '.join(unique[:-1])} and {unique[-1]}"


def add_command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    summary: str,
    description: str,
    epilog: str,
) -> argparse.ArgumentParser:
    """A subcommand whose description is wrapped to 79 columns and whose epilog (its examples) is kept as written."""
    return commands.add_parser(
        name,
        help=summary,
        description=wrap(description),
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def wrap(text: str) -> str:
    """Text wrapped to 79 columns, for a description that argparse prints as written."""
    return textwrap.fill(text, width=79)
