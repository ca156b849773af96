"""The comparison layer's public face, for the layers below it.

``ClaimSet.check`` and ``ClaimSet.compare`` import :func:`check` and :func:`align`
from here at call time, and name :class:`Finding` and :class:`Alignment` in their
annotations. Each is loaded from its module on first use (PEP 562), so that
importing one module of the layer does not import the others.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .consistency import Alignment, Finding, align, check
    from .trend import Series, series

__all__ = ["Alignment", "Finding", "Series", "align", "check", "series"]

_LAZY = {
    "Alignment": ".consistency",
    "Finding": ".consistency",
    "Series": ".trend",
    "align": ".consistency",
    "check": ".consistency",
    "series": ".trend",
}


def __getattr__(name: str) -> Any:  # noqa: ANN401 - any object of the face
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    found = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = found
    return found
