"""Consistency between claims, and the alignment of two claim sets.

Claims about the same subject and metric from different sources or dates are
checked with interval overlap and period logic: two statements of one fact must
overlap, and a cumulative total cannot fall over time. Figures are widened by
their stated precision first, as XBRL does for duplicate facts, so two roundings
of one figure are not a contradiction.
"""

from __future__ import annotations

import enum
import itertools
from typing import TYPE_CHECKING

import attrs

from ._compare import Comparison, claim_interval, compare, interval_words, period_words
from ._interval import Interval
from ._model import Claim, Temporal
from ._periods import PeriodRelation

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ._claimset import ClaimSet

__all__ = ["Alignment", "Consistency", "Finding", "Pair", "align", "check"]


class Consistency(enum.Enum):
    """Whether two claims can both be true."""

    CONSISTENT = "consistent"
    INCONSISTENT = "inconsistent"
    INDETERMINATE = "indeterminate"
    """Nothing links the two figures: different units, or periods that constrain nothing."""

    def __repr__(self) -> str:
        return f"Consistency.{self.name}"


@attrs.frozen(repr=False)
class Finding:
    """The verdict on two claims about the same subject and metric, and why."""

    a: Claim
    b: Claim
    status: Consistency
    reason: str

    def __str__(self) -> str:
        return f"{self.status.value}: {self.a.id} and {self.b.id}: {self.reason}"

    def __repr__(self) -> str:
        return f"<Finding {self.status.value}: {self.a.id!r} and {self.b.id!r}>"


def check(claims: Iterable[Claim]) -> tuple[Finding, ...]:
    """Findings for every pair of claims about the same subject and metric from different sources or dates."""
    groups: dict[tuple[str, str], list[Claim]] = {}
    for claim in claims:
        if claim.value is not None:
            groups.setdefault((claim.subject.id, claim.metric.id), []).append(claim)
    findings = []
    for group in groups.values():
        for a, b in itertools.combinations(group, 2):
            if a.citation.source == b.citation.source and a.period == b.period:
                continue
            findings.append(_judge(a, b))
    return tuple(findings)


def _fits(earlier: Interval, later: Interval) -> bool:
    """Whether some value of ``earlier`` is at most some value of ``later``."""
    if earlier.low is None or later.high is None:
        return True
    if earlier.low < later.high:
        return True
    return earlier.low == later.high and earlier.low_closed and later.high_closed


def _judge(a: Claim, b: Claim) -> Finding:
    assert a.value is not None and b.value is not None  # noqa: S101, PT018 - check() keeps numeric claims only
    if a.value.units.dimensionality != b.value.units.dimensionality:
        return Finding(a, b, Consistency.INDETERMINATE, "they are in different units; convert one first")
    ia = claim_interval(a, rounding=True)
    ib = claim_interval(b, rounding=True).to(ia.units)
    relation = a.period.relation(b.period)
    temporal = a.metric.temporal
    both = f"{interval_words(ia)} ({period_words(a)}) and {interval_words(ib)} ({period_words(b)})"
    if relation is PeriodRelation.EQUAL:
        if ia.overlaps(ib):
            return Finding(a, b, Consistency.CONSISTENT, f"the same period, and the figures overlap: {both}")
        return Finding(a, b, Consistency.INCONSISTENT, f"the same period, but no value satisfies both: {both}")
    if temporal is Temporal.CUMULATIVE and a.period.end is not None and b.period.end is not None:
        (early, i_early), (late, i_late) = sorted(((a, ia), (b, ib)), key=lambda item: item[0].period.end or 0)
        if _fits(i_early, i_late):
            return Finding(a, b, Consistency.CONSISTENT, f"a cumulative total may grow from {both}")
        return Finding(
            a,
            b,
            Consistency.INCONSISTENT,
            f"a cumulative total cannot fall, but {early.id} ({interval_words(i_early)}, {period_words(early)}) "
            f"exceeds {late.id} ({interval_words(i_late)}, {period_words(late)})",
        )
    if temporal is Temporal.FLOW and relation in (PeriodRelation.WITHIN, PeriodRelation.CONTAINS):
        (inner, i_inner), (outer, i_outer) = (
            ((a, ia), (b, ib)) if relation is PeriodRelation.WITHIN else ((b, ib), (a, ia))
        )
        if _fits(i_inner, i_outer):
            return Finding(a, b, Consistency.CONSISTENT, f"a flow over part of a period is at most the whole: {both}")
        return Finding(
            a,
            b,
            Consistency.INCONSISTENT,
            f"a flow over part of a period cannot exceed the whole, but {inner.id} ({interval_words(i_inner)}) "
            f"exceeds {outer.id} ({interval_words(i_outer)})",
        )
    why = {
        Temporal.STOCK: "a level can change between dates",
        Temporal.FLOW: "flows over these periods do not constrain each other",
    }.get(temporal, "the periods cannot be aligned")
    return Finding(a, b, Consistency.INDETERMINATE, f"{why}: {both}")


# ------------------------------------------------------------------ two claim sets


@attrs.frozen(repr=False)
class Pair:
    """One claim of each set about the same subject and metric, and the change between them."""

    left: Claim
    right: Claim
    comparison: Comparison

    @property
    def change(self) -> Interval | None:
        """``right − left`` as an interval, ``None`` when the units do not compare."""
        difference = self.comparison.difference
        return None if difference is None else -difference

    def __str__(self) -> str:
        change = "not comparable" if self.change is None else interval_words(self.change)
        return f"{self.left.id} → {self.right.id}: change {change}"

    def __repr__(self) -> str:
        return f"<Pair {self.left.id!r} → {self.right.id!r}>"


@attrs.frozen(repr=False)
class Alignment:
    """Two claim sets side by side: matched pairs, and the claims only one side has."""

    pairs: tuple[Pair, ...]
    only_left: ClaimSet
    only_right: ClaimSet

    def __str__(self) -> str:
        lines = [str(pair) for pair in self.pairs]
        lines += [f"only left:  {claim.id}" for claim in self.only_left]
        lines += [f"only right: {claim.id}" for claim in self.only_right]
        return "\n".join(lines)

    def __repr__(self) -> str:
        return (
            f"<Alignment: {len(self.pairs)} pairs, {len(self.only_left)} only left, {len(self.only_right)} only right>"
        )


def align(left: ClaimSet, right: ClaimSet) -> Alignment:
    """Match claims by subject and metric; equal periods pair first, then the rest in period order."""
    from ._claimset import ClaimSet  # noqa: PLC0415 - ClaimSet.compare calls this module

    def key(claim: Claim) -> tuple[str, str]:
        return (claim.subject.id, claim.metric.id)

    def by_end(claim: Claim) -> str:
        return claim.period.iso() if claim.period.end is None else claim.period.end.isoformat()

    pairs: list[Pair] = []
    only_left: list[Claim] = []
    rights: dict[tuple[str, str], list[Claim]] = {}
    for claim in right:
        rights.setdefault(key(claim), []).append(claim)
    lefts: dict[tuple[str, str], list[Claim]] = {}
    for claim in left:
        lefts.setdefault(key(claim), []).append(claim)
    for group_key, group in lefts.items():
        candidates = rights.pop(group_key, [])
        unmatched = []
        for claim in group:
            same = next((c for c in candidates if c.period == claim.period), None)
            if same is None:
                unmatched.append(claim)
            else:
                candidates.remove(same)
                pairs.append(Pair(claim, same, compare(claim, same)))
        unmatched.sort(key=by_end)
        candidates.sort(key=by_end)
        pairs.extend(Pair(a, b, compare(a, b)) for a, b in zip(unmatched, candidates, strict=False))
        only_left.extend(unmatched[len(candidates) :])
        if len(candidates) > len(unmatched):
            rights[group_key] = candidates[len(unmatched) :]
    only_right = [claim for group in rights.values() for claim in group]
    return Alignment(tuple(pairs), ClaimSet(only_left), ClaimSet(only_right))
