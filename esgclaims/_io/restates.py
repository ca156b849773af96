"""Checking a claim file's restatements: each ``restates`` names a claim of the file about the same quantity.

A restatement replaces an earlier figure: the same subject, metric and program,
stated again (usually in a later report, with a ``note`` saying why). The
loader reports, located at the ``restates`` field, a reference to no claim, to a
claim about another quantity, and a chain of restatements that comes back on
itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from esgclaims._errors import RecordError, UnknownReferenceError, did_you_mean

if TYPE_CHECKING:
    from esgclaims._model import Claim

    from .resolve import Resolver

__all__ = ["check_restatements"]


def _quantity(claim: Claim) -> str:
    program = "" if claim.program is None else f", program {claim.program.id!r}"
    return f"subject {claim.subject.id!r}, metric {claim.metric.id!r}{program}"


def check_restatements(resolver: Resolver, claims: list[tuple[str, Claim | None]]) -> None:
    """Add an error to ``resolver.errors`` for each bad ``restates`` among the built ``claims`` (label, claim)."""
    built = {claim.id: claim for _, claim in claims if claim is not None}
    failed = resolver.failed["claims"]
    cycles: set[str] = set()
    for label, claim in claims:
        if claim is None or claim.restates is None or claim.restates in failed:
            continue
        target = built.get(claim.restates)
        if target is None:
            resolver.errors.add(
                UnknownReferenceError(
                    f"no claim with id {claim.restates!r} to restate{did_you_mean(claim.restates, built)}",
                    file=resolver.name,
                    record=label,
                    field="restates",
                )
            )
            continue
        if _quantity(target) != _quantity(claim):
            resolver.errors.add(
                RecordError(
                    f"a restatement states the same quantity again, but {claim.restates!r} is about "
                    f"{_quantity(target)}, and this claim about {_quantity(claim)}",
                    file=resolver.name,
                    record=label,
                    field="restates",
                )
            )
            continue
        loop = _cycle(claim, built)
        if loop is not None and claim.id not in cycles:
            cycles.update(loop)
            resolver.errors.add(
                RecordError(
                    "restatements in a circle: " + " → ".join(repr(claim_id) for claim_id in (*loop, loop[0])),
                    file=resolver.name,
                    record=label,
                    field="restates",
                )
            )


def _cycle(claim: Claim, built: dict[str, Claim]) -> tuple[str, ...] | None:
    """The ids of the circle of restatements ``claim`` is on, starting at it; ``None`` when it is on none."""
    chain = [claim.id]
    current = claim
    while current.restates is not None and current.restates in built:
        if current.restates == claim.id:
            return tuple(chain)
        if current.restates in chain:  # a circle further down, reported at its own claims
            return None
        chain.append(current.restates)
        current = built[current.restates]
    return None
