"""The claim table as a Parquet file: written atomically, read back to an equal claim set."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from esgclaims._errors import FileFormatError, FileReadError
from esgclaims._io.atomic import atomic_write

from .schema import arrow
from .table import from_arrow, to_arrow

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable

    from esgclaims._claimset import ClaimSet
    from esgclaims._model import Claim

__all__ = ["read_parquet", "write_parquet"]


def write_parquet(claims: Iterable[Claim], path: str | os.PathLike[str]) -> None:
    """Write the claim table to ``path``: all of it or nothing.

    The file is written to a temporary file beside ``path``, flushed to disk and
    renamed over ``path``, so a reader never sees half a file. The schema version
    is in the file's key-value metadata.
    """
    write_table(to_arrow(claims), path)


def write_table(table: object, path: str | os.PathLike[str]) -> None:
    """Write an Arrow table to ``path`` atomically (a temporary file in its directory, fsync, rename)."""
    arrow()
    import pyarrow.parquet as pq  # type: ignore[import-untyped]  # noqa: PLC0415 - an optional extra

    atomic_write(path, lambda file: pq.write_table(table, file))


def read_parquet(path: str | os.PathLike[str]) -> ClaimSet:
    """The claims of a Parquet claim table; errors name the file, the row and the column.

    Raises:
        FileReadError: the file cannot be read.
        FileFormatError: not a Parquet file, or not a claim table of a schema version this esgclaims reads.
        LoadError: missing columns, columns of another type, bad rows; nothing is loaded.
    """
    arrow()
    import pyarrow as pa  # noqa: PLC0415 - an optional extra
    import pyarrow.parquet as pq  # noqa: PLC0415

    file = Path(path)
    try:
        table = pq.read_table(file)
    except OSError as error:
        if isinstance(error, pa.ArrowInvalid):
            raise FileFormatError(f"{file.name}: not a Parquet file: {error}") from None
        failure = FileReadError(f"{file}: cannot read the file: {error.strerror or error}")
        failure.errno, failure.filename = error.errno, str(file)
        raise failure from None
    except pa.ArrowException as error:
        raise FileFormatError(f"{file.name}: not a Parquet file: {error}") from None
    return from_arrow(table, path=file.name)
