"""Rich display in notebooks: claims, claim sets and comparisons as clean HTML tables.

Every string that reaches the page is escaped: quotes, names and ids come from
files a user may not control. :func:`html` picks the table by the object's type;
every ``_repr_html_`` reaches it through :func:`esgclaims._format.html`.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from esgclaims._claimset import ClaimSet
from esgclaims._compare.compare import Comparison
from esgclaims._compare.consistency import Alignment, Finding, Pair
from esgclaims._compare.derived import Derived
from esgclaims._compare.trend import Series
from esgclaims._compare.wording import difference_words, ratio_words
from esgclaims._errors import ArgumentTypeError
from esgclaims._format import counted, format_number, unit_words
from esgclaims._model import Claim

from .table import period_cell

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

__all__ = [
    "alignment_html",
    "claim_html",
    "claims_html",
    "comparison_html",
    "derived_html",
    "finding_html",
    "html",
    "pair_html",
]

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
    return period_cell(claim)


def _row(claim: Claim) -> list[tuple[str, str]]:
    """(css class, escaped html) cells of a claim's row."""
    quote = claim.citation.quote
    source = claim.citation.source
    span, locator = claim.citation.span, claim.citation.locator
    where = locator if locator is not None else "" if span is None else f"characters {span[0]}–{span[1]}"
    cite = escape(f"{source.title} ({source.publisher}){', ' if where else ''}{where}")
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
    return _table(counted(len(claims), "claim"), _HEADERS, (_row(c) for c in claims))


def claim_html(claim: Claim) -> str:
    """One claim as a small HTML table with its full sentence."""
    return _table(str(claim), _HEADERS, [_row(claim)])


def _answer(label: str, text: str) -> list[tuple[str, str]]:
    """A row of an answer table: the label in bold, then the text, both escaped."""
    return [("", f"<b>{escape(label)}</b>"), ("", escape(text))]


def _comparison_rows(comparison: Comparison) -> list[list[tuple[str, str]]]:
    difference, quotient = comparison.difference, comparison.ratio
    rows = [
        _answer("order", "not comparable" if comparison.order is None else comparison.order.value),
        _answer("difference (a − b)", "—" if difference is None else difference_words(difference)),
        _answer("ratio (a / b)", "—" if quotient is None else ratio_words(quotient)),
        _answer("periods", comparison.period_relation.value),
        _answer("comparable", "yes" if comparison.comparable else "no"),
    ]
    rows += [_answer("does not line up", reason) for reason in comparison.reasons]
    return rows


def comparison_html(comparison: Comparison) -> str:
    """A comparison as an answer: order, difference, ratio, periods, and every reason."""
    claims = claims_html([comparison.a, comparison.b])
    caption = f"{comparison.a.id} compared with {comparison.b.id}"
    return _table(caption, ("", ""), _comparison_rows(comparison)) + claims


def _source(claim: Claim) -> str:
    """An input of a derived figure: "RMB 19,770,000 (Donations raised online, jd-2020/online-donations-raised)"."""
    value = "no figure" if claim.value is None else str(claim.value)
    return f"{value} ({claim.metric.name}, {claim.id})"


def derived_html(derived: Derived) -> str:
    """A derived figure as an answer: the figure, what it is, its inputs and what to bear in mind."""
    rows = [_answer(derived.kind, derived.words)]
    rows += [_answer("from", _source(claim)) for claim in derived.inputs]
    rows += [_answer("note", caveat) for caveat in derived.caveats]
    return _table(_question(derived), ("", ""), rows) + claims_html(derived.inputs)


def _question(derived: Derived) -> str:
    """What a derived figure answers, by its inputs' ids: "ratio of a to b", "share of a in b", "a annualised"."""
    ids = [claim.id for claim in derived.inputs]
    if derived.kind == "ratio" and len(ids) == 2:
        return f"ratio of {ids[0]} to {ids[1]}"
    if derived.kind == "share" and len(ids) == 2:
        return f"share of {ids[0]} in {ids[1]}"
    if derived.kind == "annualised" and len(ids) == 1:
        return f"{ids[0]} annualised"
    return f"{derived.kind} of {' and '.join(ids)}"


def finding_html(finding: Finding) -> str:
    """A consistency finding: the verdict and why, then the two claims."""
    rows = [_answer("verdict", finding.status.value), _answer("why", finding.reason)]
    caption = f"{finding.status.value}: {finding.a.id} and {finding.b.id}"
    return _table(caption, ("", ""), rows) + claims_html([finding.a, finding.b])


def pair_html(pair: Pair) -> str:
    """One aligned pair: its change, then the full comparison of the two claims."""
    rows = [_answer("change", pair.change_words), *_comparison_rows(pair.comparison)]
    caption = f"{pair.left.id} → {pair.right.id}"
    return _table(caption, ("", ""), rows) + claims_html([pair.left, pair.right])


def _side(claim: Claim) -> str:
    """A claim in an alignment: its figure and period, with its id on hover."""
    value = "no figure" if claim.value is None else str(claim.value)
    return f'<span title="{escape(claim.id)}">{escape(value)}</span><br><small>{escape(_period(claim))}</small>'


def _alignment_row(left: Claim | None, right: Claim | None, change: str) -> list[tuple[str, str]]:
    claim = left if left is not None else right
    assert claim is not None  # noqa: S101 - a row has at least one side
    return [
        ("nowrap", escape(claim.subject.name)),
        ("", escape(claim.metric.name)),
        ("", "—" if left is None else _side(left)),
        ("", "—" if right is None else _side(right)),
        ("", escape(change)),
    ]


def alignment_html(alignment: Alignment) -> str:
    """Two claim sets side by side: one row per pair with its change, then the claims only one side has."""
    rows = [_alignment_row(pair.left, pair.right, pair.change_words) for pair in alignment.pairs]
    rows += [_alignment_row(claim, None, "only left") for claim in alignment.only_left]
    rows += [_alignment_row(None, claim, "only right") for claim in alignment.only_right]
    pairs, lefts, rights = len(alignment.pairs), len(alignment.only_left), len(alignment.only_right)
    caption = f"{counted(pairs, 'pair')}, {lefts} only left, {rights} only right"
    return _table(caption, ("subject", "metric", "left", "right", "change"), rows)


def _claim_set_html(claims: ClaimSet) -> str:
    return claims_html(claims.claims)


def series_html(series: Series) -> str:
    """A series: one row per claim with its figure and period, and the change from the row before."""
    rows = [
        [
            ("nowrap", escape(_period(claim))),
            ("", _side(claim)),
            ("", "—" if index == 0 else escape(series.steps[index - 1].change_words)),
        ]
        for index, claim in enumerate(series.claims)
    ]
    program = f", {series.program.name}" if series.program is not None else ""
    caption = f"{series.metric.name} — {series.subject.name}{program}"
    return _table(caption, ("period", "figure", "change"), rows)


# One renderer per type, looked up along the object's class hierarchy.
_RENDERERS: dict[type, Callable[[Any], str]] = {
    Claim: claim_html,
    ClaimSet: _claim_set_html,
    Comparison: comparison_html,
    Finding: finding_html,
    Pair: pair_html,
    Alignment: alignment_html,
    Derived: derived_html,
    Series: series_html,
}


def html(obj: object) -> str:
    """The HTML table a notebook shows for a claim, a claim set, a comparison, a finding, a pair or a derived figure.

    Picks the renderer by the object's type, as pint's models reach one formatter.

    Examples:
        >>> import esgclaims
        >>> claims = esgclaims.load_dataset("jd-2020")
        >>> html(claims) == claims_html(claims.claims)
        True
        >>> html(3)
        Traceback (most recent call last):
        ...
        esgclaims.ArgumentTypeError: no HTML display for int; expected a Claim, ClaimSet, Comparison, ...
    """
    for kind in type(obj).__mro__:
        renderer = _RENDERERS.get(kind)
        if renderer is not None:
            return renderer(obj)
    kinds = "a Claim, ClaimSet, Comparison, Finding, Pair, Alignment, Derived or Series"
    raise ArgumentTypeError(f"no HTML display for {type(obj).__name__}; expected {kinds}")
