"""Claims as a plain-text table, for the terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from esgclaims._format import format_number, unit_words
from esgclaims._model import Temporal

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from esgclaims._model import Claim

__all__ = ["claim_row", "period_cell", "render_table"]

HEADERS = ("subject", "program", "metric", "qualifier", "value", "unit", "period")


def claim_row(claim: Claim) -> tuple[str, ...]:
    """The table row of one claim: subject, program, metric, qualifier, value, unit, period."""
    value = claim.value
    if value is None:
        qualifier, number, unit = "qualitative", "—", ""
    else:
        qualifier = value.qualifier.value.replace("_", " ")
        if value.tolerance is not None:
            qualifier += f" ±{format_number(value.tolerance * 100)}%"
        number = format_number(value.reported.magnitude)
        if value.upper is not None:
            number += f"–{format_number(value.upper.magnitude)}"
        unit = unit_words(value.units) or "—"
    program = claim.program.name if claim.program else "—"
    return (claim.subject.name, program, claim.metric.name, qualifier, number, unit, period_cell(claim))


def period_cell(claim: Claim) -> str:
    """A claim's period, short enough for a table cell: "cumulative to 30 Sep 2020", "2020"."""
    period = str(claim.period)
    if claim.metric.temporal is Temporal.CUMULATIVE and period.startswith("as of "):
        return "cumulative to " + period.removeprefix("as of ")
    return "not stated" if period == "period not stated" else period


def render_table(rows: Iterable[Sequence[str]], headers: Sequence[str] = HEADERS) -> str:
    """Align rows under headers; numbers (the value column) are right-aligned."""
    table = [list(headers), *(list(r) for r in rows)]
    widths = [max(len(row[i]) for row in table) for i in range(len(headers))]
    numeric = {i for i, h in enumerate(headers) if h == "value"}

    def line(row: Sequence[str]) -> str:
        cells = [
            cell.rjust(w) if i in numeric else cell.ljust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ]
        return "  ".join(cells).rstrip()

    rule = "  ".join("─" * w for w in widths)
    return "\n".join([line(table[0]), rule, *(line(r) for r in table[1:])])
