"""Restatements: a claim that replaces an earlier figure (``restates = "<id>"``), and the latest statement of each.

Comparisons, series and tables use the latest statement of a figure by default
(``restated="latest"``): the claim no other claim restates. ``restated="all"``
keeps every statement. :func:`restatement_findings` reports each restatement
with its change, in place of a contradiction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from esgclaims._errors import InvalidClaimError

if TYPE_CHECKING:
    from collections.abc import Iterable

    from esgclaims._model import Claim

    from .consistency import Finding

__all__ = [
    "Restated",
    "latest",
    "latest_of_both",
    "restated_mode",
    "restatement_finding",
    "restatement_findings",
    "superseded",
]

Restated = Literal["latest", "all"]
"""Which statements of a restated figure to use: the latest only, or all of them."""


def restated_mode(value: object) -> Restated:
    """``value`` when it is ``"latest"`` or ``"all"``; an :class:`~esgclaims.InvalidClaimError` otherwise.

    Examples:
        >>> restated_mode("all")
        'all'
        >>> restated_mode("newest")
        Traceback (most recent call last):
        ...
        esgclaims.InvalidClaimError: restated must be 'latest' or 'all', got 'newest'
    """
    if value == "latest":
        return "latest"
    if value == "all":
        return "all"
    raise InvalidClaimError(f"restated must be 'latest' or 'all', got {value!r}")


def superseded(claims: Iterable[Claim]) -> frozenset[str]:
    """The ids of the claims that another of ``claims`` restates."""
    return frozenset(claim.restates for claim in claims if claim.restates is not None)


def latest(claims: Iterable[Claim]) -> list[Claim]:
    """``claims`` without those another of them restates, in order."""
    claims = list(claims)
    replaced = superseded(claims)
    return [claim for claim in claims if claim.id not in replaced]


def _newest(claim: Claim, restated_by: dict[str, Claim]) -> Claim:
    seen = {claim.id}
    while claim.id in restated_by:
        claim = restated_by[claim.id]
        if claim.id in seen:  # a circle (only possible in claims built in Python)
            break
        seen.add(claim.id)
    return claim


def latest_of_both(left: Iterable[Claim], right: Iterable[Claim]) -> tuple[list[Claim], list[Claim]]:
    """Both sides of a comparison with each claim replaced by its latest restatement on either side.

    A restatement that took the place of a claim on the left is not also on the
    right: a 2023 figure restated in the 2024 report is compared, as restated,
    with the 2024 figure.
    """
    left, right = list(left), list(right)
    restated_by = {claim.restates: claim for claim in (*left, *right) if claim.restates is not None}
    new_left = list(dict.fromkeys(_newest(claim, restated_by) for claim in left))
    moved = {claim.id for claim in new_left} - {
        claim.id for claim in left
    }  # restatements that took a place on the left
    new_right = list(dict.fromkeys(_newest(claim, restated_by) for claim in right))
    return new_left, [claim for claim in new_right if claim.id not in moved]


def restatement_findings(claims: Iterable[Claim]) -> list[Finding]:
    """A ``restated`` finding for each claim of ``claims`` that restates another of them, with the change."""
    claims = list(claims)
    by_id = {claim.id: claim for claim in claims}
    findings = []
    for claim in claims:
        original = None if claim.restates is None else by_id.get(claim.restates)
        if original is not None:
            findings.append(restatement_finding(original, claim))
    return findings


def restatement_finding(original: Claim, claim: Claim) -> Finding:
    """The ``restated`` finding of ``claim``, which restates ``original``: the change, and why it changed."""
    from .compare import compare  # noqa: PLC0415 - a sibling module of this layer, imported on use
    from .consistency import Consistency, Finding, Pair  # noqa: PLC0415 - the module that imports this one

    change = None
    words = "no figure to compare"
    if original.value is not None and claim.value is not None:
        pair = Pair(original, claim, compare(original, claim))
        change, words = pair.change, pair.change_words
    why = f" ({claim.note})" if claim.note else ""
    reason = f"{claim.id} restates {original.id}{why}: {words}"
    return Finding(original, claim, Consistency.RESTATED, reason, change)
