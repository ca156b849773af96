"""The comparison layer's public face, for the layers below it.

``ClaimSet.check`` and ``ClaimSet.compare`` import :func:`check` and :func:`align`
from here at call time, and name :class:`Finding` and :class:`Alignment` in their
annotations. Each is loaded from its module on first use (PEP 562), so that
importing one module of the layer does not import the others.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from esgclaims._lazy import lazy_getattr

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


__getattr__ = lazy_getattr(__name__, _LAZY, globals())
