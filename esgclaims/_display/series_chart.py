"""A series as a line with interval bands (the optional extra ``esgclaims[plot]``).

The reported figures are joined by a line in period order; behind each, a band
runs from the lowest to the highest value its statement allows, so a rise that
the bands overlap is visibly a "cannot tell". An unbounded end ("more than")
runs to the top of the chart with an arrow. Figures in another unit of the same
kind are converted to the first claim's unit; figures that do not convert (an
amount in another currency) are left out and named in the title.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from esgclaims._errors import MissingExtraError
from esgclaims._format import unit_words, unscaled
from esgclaims._units import without_scales

from .chart import display_as_png, grouped_tick

if TYPE_CHECKING:
    from esgclaims._compare.trend import Series
    from esgclaims._model import Claim

__all__ = ["plot_series"]

_LINE = "#1f4e79"


def plot_series(series: Series, *, title: str | None = None) -> Any:  # noqa: ANN401 - matplotlib is optional
    """Draw ``series``; returns a :class:`matplotlib.figure.Figure` (needs ``esgclaims[plot]``)."""
    try:
        from matplotlib.figure import Figure  # noqa: PLC0415 - an optional extra
        from matplotlib.ticker import FuncFormatter  # noqa: PLC0415 - an optional extra
    except ImportError:
        raise MissingExtraError(
            "Series.plot needs matplotlib, which esgclaims does not install by default: pip install 'esgclaims[plot]'"
        ) from None
    first = series.claims[0].value if series.claims else None
    units = None if first is None else without_scales(first.units)
    shown: list[tuple[Claim, float, float | None, float | None]] = []
    left_out: list[str] = []
    for claim in series.claims:
        assert claim.value is not None  # noqa: S101 - a series holds numeric claims only
        if units is None or claim.value.units.dimensionality != units.dimensionality:
            left_out.append(claim.id)
            continue
        interval = claim.value.interval.to(units).unscaled()
        reported = float(unscaled(claim.value.reported.to(units)).magnitude)
        low = None if interval.low is None else float(interval.low.magnitude)
        high = None if interval.high is None else float(interval.high.magnitude)
        shown.append((claim, reported, low, high))
    figure = Figure(figsize=(max(5.0, 1.6 * len(shown) + 2), 4), layout="constrained")
    ax = figure.subplots()
    xs = list(range(len(shown)))
    finite = [v for _, r, lo, hi in shown for v in (r, lo, hi) if v is not None]
    top = max(finite, default=1.0) * 1.15 or 1.0
    lows = [0.0 if lo is None else lo for _, _, lo, _ in shown]
    highs = [top if hi is None else hi for _, _, _, hi in shown]
    # one band per statement, not a band interpolated between years: nothing is stated in between
    ax.vlines(xs, lows, highs, colors=_LINE, alpha=0.3, linewidth=14, label="values each statement allows")
    ax.plot(xs, [r for _, r, _, _ in shown], color=_LINE, marker="o", label="reported figure")
    for x, (claim, reported, _, high) in zip(xs, shown, strict=True):
        assert claim.value is not None  # noqa: S101
        if high is None:
            ax.annotate("", xy=(x, top), xytext=(x, top * 0.9), arrowprops={"arrowstyle": "->", "color": _LINE})
        ax.annotate(str(claim.value), xy=(x, reported), xytext=(6, 6), textcoords="offset points", fontsize="small")
    ax.set_xticks(xs, [str(claim.period) for claim, *_ in shown])
    ax.set_ylim(0, top * 1.05)
    ax.set_xlim(-0.5, len(shown) - 0.5)
    ax.yaxis.set_major_formatter(FuncFormatter(grouped_tick))
    ax.grid(axis="y", alpha=0.3)
    ax.set_ylabel(unit_words(units) if units is not None else "")
    ax.legend(loc="lower right", fontsize="small")
    heading = title or f"{series.metric.name} — {series.subject.name}"
    if left_out:
        heading += f"\n(not in {unit_words(units) if units is not None else 'one unit'}: {', '.join(left_out)})"
    figure.suptitle(heading)
    display_as_png(figure)
    return figure
