"""Loading claim files (TOML or JSON); :mod:`esgclaims._io.dump` writes them.

Loading runs in two passes. :func:`esgclaims._io.records.structure` types each
record; then :mod:`esgclaims._io.build` resolves records into the model (ids to
objects, unit names to units, period strings to periods). Every problem of every
record is collected, and a file with any problem raises one
:class:`~esgclaims.LoadError` listing them all: nothing is half-loaded.
"""

from __future__ import annotations

import contextlib
import gc
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from esgclaims._errors import FileFormatError, check_argument

from .build import ClaimFileResolver
from .records import describe
from .text import decode_text, parse_json, parse_toml, read_file

if TYPE_CHECKING:
    from collections.abc import Iterator

    from esgclaims._claimset import ClaimSet

__all__ = ["load", "load_bytes", "no_cycle_collection"]


def load(path: str | os.PathLike[str]) -> ClaimSet:
    """Read a TOML or JSON claim file (see the file format in the docs), or a Parquet claim table.

    Raises:
        FileFormatError: the file is not UTF-8, empty, or not valid TOML or JSON.
        LoadError: one or more records are bad; it lists every one, and nothing is loaded.
    """
    check_argument(path, (str, os.PathLike), where="load(): path", what="a path (str or os.PathLike)")
    file = Path(path)
    if file.suffix.lower() == ".parquet":  # a claim table (docs/interchange-table.md)
        from esgclaims._interchange import read_parquet  # noqa: PLC0415 - a higher layer, and an optional extra

        return read_parquet(file)
    return load_bytes(read_file(file), name=file.name, suffix=file.suffix)


def load_bytes(data: bytes, *, name: str, suffix: str) -> ClaimSet:
    """Read a claim file's bytes; ``suffix`` (``.toml`` or ``.json``) chooses the format.

    Examples:
        >>> len(load_bytes(b"claims = []", name="none.toml", suffix=".toml"))
        0
    """
    with no_cycle_collection():
        document = _parse_document(data, name, suffix)
        if "documentInfo" in document:  # an xBRL-JSON report, read by the interchange layer (imported on use)
            from esgclaims._interchange import read_xbrl_json  # noqa: PLC0415

            return read_xbrl_json(document, name)
        claims = ClaimFileResolver(name).run(document)
        # Freed before the collector resumes: its first collection walks every object made meanwhile.
        del document
    return claims


@contextlib.contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused: a load allocates many objects, and keeps nearly all of them.

    Each collection would walk every object built so far, for no garbage: the records and
    claims of a file hold no cycles. A collector already paused stays paused.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _parse_document(data: bytes, name: str, suffix: str) -> dict[str, Any]:
    kind = suffix.lower().lstrip(".")
    if kind not in ("toml", "json"):
        raise FileFormatError(f"{name}: unknown file type {suffix!r}; expected .toml or .json")
    text = decode_text(data, name)
    if not text.strip():
        raise FileFormatError(f"{name}: the file is empty; a claim file holds at least a list of claims")
    try:
        document = parse_toml(text, name) if kind == "toml" else parse_json(text, name)
    except RecursionError:
        raise FileFormatError(f"{name}: malformed {kind.upper()}: lists or tables nested too deeply") from None
    if not isinstance(document, dict):
        raise FileFormatError(
            f"{name}: expected a table of sources, organizations, programs, metrics and claims, "
            f"got {describe(document)}"
        )
    return document
