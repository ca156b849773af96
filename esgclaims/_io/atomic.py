"""Writing a file so that a failure never leaves it half-written (issue 13).

The bytes go to a temporary file in the same directory, are flushed and synced to
disk, and only then replace the target with :func:`os.replace`, which is atomic on
one file system. On any failure the temporary file is removed and the target is
left as it was, and the error is a :class:`~esgclaims.FileWriteError` naming the path.
A symbolic link at the path is replaced by the new file, never followed: writing
cannot change a file elsewhere that the link points to.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from esgclaims._errors import FileWriteError

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["atomic_write"]


def atomic_write(path: str | os.PathLike[str], data: bytes | Callable[[BinaryIO], object]) -> None:
    r"""Write ``data`` to ``path`` all at once: the old file stays whole until the new one is complete.

    ``data`` is the bytes, or a function that writes them to the binary file it is given.

    Examples:
        >>> import tempfile, pathlib
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "claims.toml"
        >>> atomic_write(target, b"claims = []\\n")
        >>> target.read_bytes()
        b'claims = []\\n'
    """
    target = Path(path)
    try:
        descriptor, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise _failure(target, error) from None
    temporary = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as file:
            if isinstance(data, bytes):
                file.write(data)
            else:
                data(file)
            file.flush()
            os.fsync(file.fileno())
        # mkstemp makes a file only its owner reads: give it the mode of the file it replaces
        # (not of what a symbolic link points to), or the one a plain open() would give.
        with contextlib.suppress(OSError):
            mode = target.lstat().st_mode & 0o7777 if target.exists() and not target.is_symlink() else None
            temporary.chmod(mode if mode is not None else 0o666 & ~_umask())
        temporary.replace(target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        if isinstance(error, OSError) and not isinstance(error, FileWriteError):
            raise _failure(target, error) from None
        raise


def _failure(target: Path, error: OSError) -> FileWriteError:
    failure = FileWriteError(f"{target}: cannot write the file: {error.strerror or error}; nothing was changed")
    failure.errno, failure.filename = error.errno, str(target)
    return failure


def _umask() -> int:
    """The process's umask (read by setting it and setting it back: there is no other way)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
