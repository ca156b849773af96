"""What is made on first use: faces whose names are imported then (PEP 562), and compiled patterns."""

from __future__ import annotations

import functools
import importlib
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

__all__ = ["compiled", "lazy_getattr"]


def lazy_getattr(package: str, homes: Mapping[str, str], namespace: dict[str, Any]) -> Callable[[str], Any]:
    """A module ``__getattr__`` that imports ``name`` from its home (``homes[name]``, relative to ``package``).

    The name is then kept in ``namespace`` (the package's globals), so each is imported once.

    Examples:
        >>> space: dict[str, Any] = {}
        >>> getter = lazy_getattr("esgclaims", {"dump": "._io.dump"}, space)
        >>> getter("dump").__name__, "dump" in space
        ('dump', True)
    """

    def attribute(name: str) -> Any:  # noqa: ANN401 - any object of the face
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        found = getattr(importlib.import_module(home, package), name)
        namespace[name] = found
        return found

    return attribute


@functools.lru_cache(maxsize=512)  # as many as re's own cache keeps
def compiled(source: str, flags: int = 0) -> re.Pattern[str]:
    r"""``re.compile(source, flags)``, kept: a pattern is compiled at first use, not on import, and found again fast.

    ``compiled(p, f).match(text)`` answers as ``re.match(p, text, f)`` does, without the
    look-up the ``re`` module's functions make in their cache on every call.

    Examples:
        >>> compiled(r"\d+").match("2024 report").group()
        '2024'
        >>> compiled(r"(?:19|20)\d{2}", re.IGNORECASE) is compiled(r"(?:19|20)\d{2}", re.IGNORECASE)
        True
    """
    return re.compile(source, flags)
