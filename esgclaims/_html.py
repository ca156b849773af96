"""Rich display in notebooks: claims, claim sets and comparisons as clean HTML tables.

Every string that reaches the page is escaped: quotes, names and ids come from
files a user may not control.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from ._display import format_number, unit_words

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from ._compare import Comparison
    from ._model import Claim

__all__ = ["claim_html", "claims_html", "comparison_html"]

# Alignment is inline: notebook front ends right-align table cells with rules more
# specific than any class selector a library can ship.
_LEFT = "text-align: left; vertical-align: top; padding: 2px 8px;"
_NUMBER = "text-align: right; vertical-align: top; padding: 2px 8px; white-space: nowrap;"
_STYLE = (
    "<style>"
    ".esgclaims td.num {font-variant-numeric: tabular-nums;}"
    ".esgclaims td.nowrap {white-space: nowrap;}"
    ".esgclaims details summary {cursor: pointer; color: #555; white-space: nowrap;}"
    ".esgclaims caption {text-align: left; font-weight: bold; padding-bottom: 4px;}"
    "</style>"
)
_HEADERS = ("subject", "program", "metric", "qualifier", "value", "unit", "period", "quote")


def _qualifier_words(claim: Claim) -> str:
    value = claim.value
    if value is None:
        return "qualitative"
    words = value.qualifier.value.replace("_", " ")
    if value.tolerance is not None:
        words += f" ±{format_number(value.tolerance * 100)}%"
    return words


def _value_cell(claim: Claim) -> str:
    value = claim.value
    if value is None:
        return "—"
    number = format_number(value.reported.magnitude)
    if value.upper is not None:
        number += f"–{format_number(value.upper.magnitude)}"
    return number


def _period(claim: Claim) -> str:
    from ._table import period_cell  # noqa: PLC0415 - loaded on use

    return period_cell(claim)


def _row(claim: Claim) -> list[tuple[str, str]]:
    """(css class, escaped html) cells of a claim's row."""
    quote = claim.citation.quote
    source = claim.citation.source
    cite = escape(f"{source.title} ({source.publisher}), characters {claim.citation.span[0]}–{claim.citation.span[1]}")
    return [
        ("nowrap", escape(claim.subject.name)),
        ("", escape(claim.program.name) if claim.program else "—"),
        ("", f'<span title="{escape(claim.id)}">{escape(claim.metric.name)}</span>'),
        ("nowrap", escape(_qualifier_words(claim))),
        ("num", escape(_value_cell(claim))),
        ("", escape(unit_words(claim.value.units)) if claim.value is not None else ""),
        ("nowrap", escape(_period(claim))),
        ("", f"<details><summary>quote</summary>“{escape(quote)}”<br><small>{cite}</small></details>"),
    ]


def _table(caption: str, headers: Sequence[str], rows: Iterable[list[tuple[str, str]]]) -> str:
    head = "".join(f'<th style="{_LEFT}">{escape(h)}</th>' for h in headers)
    body = "".join(
        "<tr>"
        + "".join(f'<td class="{css}" style="{_NUMBER if css == "num" else _LEFT}">{cell}</td>' for css, cell in row)
        + "</tr>"
        for row in rows
    )
    return (
        f'{_STYLE}<table class="esgclaims"><caption>{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def claims_html(claims: Sequence[Claim]) -> str:
    """A claim set as an HTML table, one row per claim."""
    count = len(claims)
    return _table(f"{count} claim{'s' if count != 1 else ''}", _HEADERS, (_row(c) for c in claims))


def claim_html(claim: Claim) -> str:
    """One claim as a small HTML table with its full sentence."""
    return _table(str(claim), _HEADERS, [_row(claim)])


def comparison_html(comparison: Comparison) -> str:
    """A comparison as an answer: order, difference, ratio, periods, and every reason."""
    from ._compare import _readable, interval_words  # noqa: PLC0415 - loaded on use

    def answer(label: str, text: str) -> list[tuple[str, str]]:
        return [("", f"<b>{escape(label)}</b>"), ("", escape(text))]

    rows = [
        answer("order", "not comparable" if comparison.order is None else comparison.order.value),
        answer("difference (a − b)", "—" if comparison.difference is None else interval_words(comparison.difference)),
        answer("ratio (a / b)", "—" if comparison.ratio is None else interval_words(_readable(comparison.ratio))),
        answer("periods", comparison.period_relation.value),
        answer("comparable", "yes" if comparison.comparable else "no"),
    ]
    rows += [answer("does not line up", reason) for reason in comparison.reasons]
    claims = claims_html([comparison.a, comparison.b])
    caption = f"{comparison.a.id} compared with {comparison.b.id}"
    return _table(caption, ("", ""), rows) + claims
