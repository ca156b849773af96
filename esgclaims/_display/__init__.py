"""The display layer's public face: HTML for notebooks, plain records, data frames and charts.

The layers below reach display only through this face, imported at call time: every
``_repr_html_`` calls :func:`esgclaims._format.html`, which calls :func:`html` here,
and ``ClaimSet.to_records``, ``to_dataframe`` and ``plot`` call the functions of the
same names. Each is loaded from its module on first use (PEP 562), so that the
command line's text tables do not import the notebook tables or the comparisons
they show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from esgclaims._lazy import lazy_getattr

if TYPE_CHECKING:
    from .chart import plot
    from .frames import to_dataframe, to_records
    from .notebook import html
    from .series_chart import plot_series

__all__ = ["html", "plot", "plot_series", "to_dataframe", "to_records"]

_LAZY = {
    "html": ".notebook",
    "plot": ".chart",
    "plot_series": ".series_chart",
    "to_dataframe": ".frames",
    "to_records": ".frames",
}


__getattr__ = lazy_getattr(__name__, _LAZY, globals())
