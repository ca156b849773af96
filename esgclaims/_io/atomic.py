"""Writing a file so that a failure never leaves it half-written (issue 13).

The bytes go to a temporary file in the same directory, are flushed and synced to
disk, and only then replace the target with :func:`os.replace`, which is atomic on
one file system. On any failure the temporary file is removed and the target is
left as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

__all__ = ["atomic_write"]


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    r"""Write ``data`` to ``path`` all at once: the old file stays whole until the new one is complete.

    Examples:
        >>> import tempfile, pathlib
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "claims.toml"
        >>> atomic_write(target, b"claims = []\\n")
        >>> target.read_bytes()
        b'claims = []\\n'
    """
    target = Path(path)
    descriptor, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        # mkstemp makes a file only its owner reads: give it the mode of the file it replaces,
        # or the one a plain open() would give.
        with contextlib.suppress(OSError):
            temporary.chmod(target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~_umask())
        temporary.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def _umask() -> int:
    """The process's umask (read by setting it and setting it back: there is no other way)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
