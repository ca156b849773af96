"""Faces whose names are imported on first use (PEP 562): the one way a package face defers its modules."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

__all__ = ["lazy_getattr"]


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
