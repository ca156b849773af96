"""A chart of claims' intervals (the optional extra ``esgclaims[plot]``).

Each claim is a horizontal bar from the lowest to the highest value its
statement allows, with the reported figure marked. Open ends are hollow
markers, unbounded ends run to the edge as arrows, "approximately" is dashed
and an order of magnitude is hatched. Claims are grouped by unit, one panel
each, on a log scale where a panel spans orders of magnitude.

The chart is built on a :class:`matplotlib.figure.Figure` directly, so nothing
touches pyplot's global state or the backend.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from esgclaims._errors import MissingExtraError
from esgclaims._format import unit_words, unscaled
from esgclaims._units import without_scales
from esgclaims._values import Qualifier

if TYPE_CHECKING:
    from collections.abc import Sequence

    from esgclaims._model import Claim

__all__ = ["plot"]

_COLOURS = {
    Qualifier.EXACT: "#1f4e79",
    Qualifier.APPROXIMATELY: "#2e75b6",
    Qualifier.MORE_THAN: "#548235",
    Qualifier.AT_LEAST: "#548235",
    Qualifier.LESS_THAN: "#c55a11",
    Qualifier.AT_MOST: "#c55a11",
    Qualifier.RANGE: "#7030a0",
    Qualifier.ORDER_OF_MAGNITUDE: "#7f6000",
}


def _label(claim: Claim) -> str:
    label = f"{claim.metric.name} — {claim.subject.name}"
    return label if len(label) <= 60 else label[:59] + "…"


def plot(claims: Sequence[Claim], *, title: str | None = None) -> Any:  # noqa: ANN401 - matplotlib is optional
    """Draw the claims' intervals; returns a :class:`matplotlib.figure.Figure`.

    Needs the extra ``esgclaims[plot]``. Qualitative claims have no interval and
    are left out. Save with ``figure.savefig("claims.png")``; in a notebook the
    figure displays itself (as a PNG, with or without ``%matplotlib inline``).
    """
    try:
        from matplotlib.figure import Figure  # noqa: PLC0415 - an optional extra
    except ImportError:
        raise MissingExtraError(
            "ClaimSet.plot needs matplotlib, which esgclaims does not install by default: pip install 'esgclaims[plot]'"
        ) from None
    groups: dict[str, list[Claim]] = {}
    for claim in claims:
        if claim.value is not None:
            groups.setdefault(unit_words(without_scales(claim.value.units)) or "number", []).append(claim)
    if not groups:
        raise MissingExtraError("nothing to plot: none of these claims states a figure")  # pragma: no cover
    heights = [max(len(group), 1) * 0.45 + 0.9 for group in groups.values()]
    figure = Figure(figsize=(10, sum(heights) + 0.6), layout="constrained")
    axes = figure.subplots(len(groups), 1, squeeze=False, height_ratios=heights)[:, 0]
    for ax, (unit, group) in zip(axes, groups.items(), strict=True):
        _panel(ax, unit, group)
    figure.suptitle(title or f"{sum(len(g) for g in groups.values())} claims: what each statement allows")
    display_as_png(figure)
    return figure


def display_as_png(figure: Any) -> None:  # noqa: ANN401
    """Let a notebook show the figure without ``%matplotlib inline`` (built off pyplot, it has no display hook)."""
    import io  # noqa: PLC0415

    def png() -> bytes:
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=96)
        return buffer.getvalue()

    figure._repr_png_ = png


def _panel(ax: Any, unit: str, group: list[Claim]) -> None:  # noqa: ANN401
    lows: list[float] = []
    highs: list[float] = []
    for claim in group:
        assert claim.value is not None  # noqa: S101 - plot() keeps numeric claims only
        interval = claim.value.interval.unscaled()
        lows.append(float(interval.low.magnitude) if interval.low is not None else 0.0)
        highs.append(float(interval.high.magnitude) if interval.high is not None else float("nan"))
    finite = [v for v in (*lows, *highs) if v == v and v > 0]  # noqa: PLR0124 - v == v drops NaN
    top = max(finite) if finite else 1.0
    bottom = min(finite) if finite else 1.0
    log = top / bottom > 100
    right_edge = top * (3 if log else 1.15)
    left_edge = bottom / 3 if log else 0.0
    for row, claim in enumerate(group):
        _bar(ax, row, claim, lows[row], highs[row], right=right_edge, left=left_edge, log=log)
    from matplotlib.ticker import FuncFormatter  # noqa: PLC0415 - an optional extra

    ax.set_yticks(range(len(group)), [_label(c) for c in group])
    ax.set_ylim(len(group) - 0.4, -0.75)  # room above the first bar for its label; first row on top
    if unit == "%":
        right_edge = 100.0
    ax.set_xlim(left_edge, right_edge * (2.5 if log else 1.05))
    if log:
        ax.set_xscale("log")
    ax.xaxis.set_major_formatter(FuncFormatter(_compact if log else grouped_tick))
    ax.grid(axis="x", alpha=0.3)
    ax.set_title(unit, loc="left", fontsize="medium")


def grouped_tick(x: float, _: object = None) -> str:
    return f"{x:,.0f}" if x >= 1 else f"{x:g}"


def _compact(x: float, _: object = None) -> str:
    """Log-axis ticks: 10M, 1bn, 100bn (grouped digits would collide)."""
    for size, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "M"), (1e3, "k")):
        if x >= size:
            return f"{x / size:g}{suffix}"
    return f"{x:g}"


def _bar(ax: Any, row: int, claim: Claim, low: float, high: float, *, right: float, left: float, log: bool) -> None:  # noqa: ANN401, PLR0913
    value = claim.value
    assert value is not None  # noqa: S101
    interval = value.interval.unscaled()
    colour = _COLOURS[value.qualifier]
    start = max(low, left) if log else low
    unbounded = high != high  # noqa: PLR0124 - NaN marks an unbounded end
    end = right if unbounded else high
    style = "--" if value.qualifier is Qualifier.APPROXIMATELY else "-"
    if end > start:
        ax.hlines(row, start, end, colors=colour, linewidth=6, linestyles=style, alpha=0.55)
    if value.qualifier is Qualifier.ORDER_OF_MAGNITUDE:
        ax.barh(row, end - start, left=start, height=0.3, color="none", edgecolor=colour, hatch="///")
    if unbounded:
        ax.annotate(
            "",
            xy=(end, row),
            xytext=(end * (0.8 if log else 0.97), row),
            arrowprops={"arrowstyle": "->", "color": colour},
        )
    if not (log and low <= 0):
        ax.plot(
            [start],
            [row],
            marker="o",
            markersize=11,
            color=colour,
            markerfacecolor=colour if interval.low_closed else "white",
        )
    if not unbounded:
        ax.plot(
            [end],
            [row],
            marker="o",
            markersize=11,
            color=colour,
            markerfacecolor=colour if interval.high_closed else "white",
        )
    reported = float(Decimal(unscaled(value.reported).magnitude))
    ax.plot([reported], [row], marker="D", markersize=4, color="black", zorder=3)
    near_right = (reported / right > 0.3) if log and reported > 0 else reported > 0.6 * right
    ax.annotate(
        str(value),
        xy=(reported, row),
        xytext=(0, 8),
        textcoords="offset points",
        fontsize="x-small",
        ha="right" if near_right else "left",
        color="#333333",
    )
