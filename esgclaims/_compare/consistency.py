"""Consistency between claims, and the alignment of two claim sets.

Claims about the same subject, metric and program from different sources or
dates are checked with interval overlap and period logic: two statements of one
fact must overlap, a cumulative total cannot fall over time, and a flow over part
of a period cannot exceed the flow over the whole. Figures are widened by their
stated precision first, as XBRL does for duplicate facts, so two roundings of one
figure are not a contradiction.
"""

from __future__ import annotations

import enum
import itertools
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs

from esgclaims._claimset import ClaimSet
from esgclaims._format import counted, html
from esgclaims._interval import Interval
from esgclaims._model import Claim, Temporal
from esgclaims._periods import PeriodRelation
from esgclaims._units import currency_of

from .compare import Comparison, Order, claim_interval, compare, kind_words, period_words
from .restated import Restated, latest_of_both, restated_mode, restatement_findings, superseded
from .wording import difference_words, interval_words

if TYPE_CHECKING:
    from collections.abc import Iterable

    from esgclaims._units import Unit

__all__ = ["Alignment", "Consistency", "Finding", "Pair", "align", "check"]


class Consistency(enum.Enum):
    """Whether two claims can both be true."""

    CONSISTENT = "consistent"
    INCONSISTENT = "inconsistent"
    INDETERMINATE = "indeterminate"
    """Nothing links the two figures: different units, or periods that constrain nothing."""
    RESTATED = "restated"
    """The second claim replaces the first (``restates``): a correction, not a contradiction."""

    def __repr__(self) -> str:
        return f"Consistency.{self.name}"


def _text(reason: str | Callable[[], str]) -> str:
    """A reason in words, for comparing and hashing findings by what they say."""
    return reason if isinstance(reason, str) else reason()


@attrs.frozen(repr=False)
class Finding:
    """The verdict on two claims about one subject, metric and program, and why; ``str()`` names both.

    In a notebook it displays as a table of the verdict and the reason, then the two claims.
    """

    a: Claim
    b: Claim
    status: Consistency
    _reason: str | Callable[[], str] = attrs.field(eq=_text)
    """The reason, or a function that words it: :func:`check` words a reason only when it is read."""
    change: Interval | None = None
    """For a restatement: the restated figure minus the original, as an interval (``None`` if not comparable)."""

    @property
    def reason(self) -> str:
        """Why, in words: built when first read, then kept."""
        reason = self._reason
        if not isinstance(reason, str):
            reason = reason()
            object.__setattr__(self, "_reason", reason)
        return reason

    def __reduce__(self) -> tuple[object, ...]:
        """Pickled with its reason in words: a function that words it may not pickle."""
        return (Finding, (self.a, self.b, self.status, self.reason, self.change))

    def __str__(self) -> str:
        return f"{self.status.value}: {self.a.id} and {self.b.id}: {self.reason}"

    def __repr__(self) -> str:
        return f"<Finding {self.status.value}: {self.a.id!r} and {self.b.id!r}>"

    def _repr_html_(self) -> str:
        return html(self)


def _key(claim: Claim) -> tuple[str, str, str | None]:
    """What makes two claims statements about one quantity: subject, metric and program, by id."""
    return (claim.subject.id, claim.metric.id, None if claim.program is None else claim.program.id)


def check(claims: Iterable[Claim]) -> tuple[Finding, ...]:
    """Findings for every pair of claims about the same subject, metric and program.

    Claims of different programs measure different things and are not paired.
    Two claims of one source about one period are duplicates, judged as XBRL
    judges duplicate facts (:func:`judge_duplicate`). A claim another restates
    is paired only with its restatement, as a ``restated`` finding with the
    change, after the other findings.
    """
    claims = tuple(claims)
    replaced = superseded(claims)
    groups: dict[tuple[str, str, str | None], list[Claim]] = {}
    for claim in claims:
        if claim.value is not None and claim.id not in replaced:
            groups.setdefault(_key(claim), []).append(claim)
    findings = []
    memo = PairMemo()
    for group in groups.values():
        for a, b in itertools.combinations(group, 2):
            if a.citation.source == b.citation.source and a.period == b.period:
                duplicate = judge_duplicate(a, b, memo)
                if duplicate is not None:
                    findings.append(duplicate)
                continue
            findings.append(judge_pair(a, b, memo))
    findings += restatement_findings(claims)
    return tuple(findings)


def judge_duplicate(a: Claim, b: Claim, memo: PairMemo | None = None) -> Finding | None:
    """Two claims of one source about one quantity and period: one fact stated twice.

    As XBRL's duplicate-fact rules read ``decimals``, the two are consistent when
    their figures overlap once each is widened by its stated precision. Figures in
    units that do not compare (an amount and its translation into another
    currency) are one statement in two forms, and give no finding.
    """
    memo = PairMemo() if memo is None else memo
    finding = judge_pair(a, b, memo)
    if finding.status is Consistency.INDETERMINATE:
        return None
    assert a.value is not None and b.value is not None  # noqa: S101, PT018 - check() keeps numeric claims only
    verdict = "and the figures overlap" if finding.status is Consistency.CONSISTENT else "but no value satisfies both"

    def reason() -> str:
        ia = memo.interval(a)
        ib = memo.interval(b, ia.units)
        same = f"{memo.side(a, ia, period=False)} and {memo.side(b, ib, period=False)}, both {period_words(a)}"
        return f"duplicate in source {a.source.id}, {verdict}: {same}"

    return attrs.evolve(finding, reason=reason)


class PairMemo:
    """What each claim brings to every pair it is in, worked out once: n claims in a group make n(n-1)/2 pairs.

    Its interval widened by rounding, that interval in another claim's unit, and the
    words that describe it in a reason. Keys are object ids: the memo lives for one
    call of :func:`check`, while every claim it names is alive.
    """

    def __init__(self) -> None:
        self.own: dict[int, Interval] = {}
        self.intervals: dict[tuple[int, Unit], Interval] = {}
        self.sides: dict[tuple[int, Unit, bool], str] = {}

    def interval(self, claim: Claim, unit: Unit | None = None) -> Interval:
        """``claim_interval(claim, rounding=True)``, in ``unit`` when given.

        Its own interval is kept by the claim alone, and is in the claim's unit: as a rule
        ``unit`` is that very object, and no unit is hashed or compared.
        """
        interval = self.own.get(id(claim))
        if interval is None:
            interval = self.own[id(claim)] = claim_interval(claim, rounding=True)
        own = interval.units
        if unit is None or unit is own or unit == own:
            return interval
        converted = self.intervals.get((id(claim), unit))
        if converted is None:
            converted = self.intervals[(id(claim), unit)] = interval.to(unit)
        return converted

    def side(self, claim: Claim, interval: Interval, *, period: bool = True) -> str:
        """:func:`_side` of ``claim`` with an interval :meth:`interval` gave."""
        key = (id(claim), interval.units, period)
        text = self.sides.get(key)
        if text is None:
            text = self.sides[key] = _side(claim, interval, period=period)
        return text


def _fits(earlier: Interval, later: Interval) -> bool:
    """Whether some value of ``earlier`` is at most some value of ``later``."""
    if earlier.low is None or later.high is None:
        return True
    if earlier.low < later.high:
        return True
    return earlier.low == later.high and earlier.low_closed and later.high_closed


def _side(claim: Claim, interval: Interval, *, period: bool = True) -> str:
    """One claim in a reason: its id, its figure as stated, what its rounding allows, and its period."""
    assert claim.value is not None  # noqa: S101 - check() keeps numeric claims only
    text = f"{claim.id} ({claim.value}"
    if interval != claim.value.interval:
        text += f", with rounding {interval_words(interval, digits=8)}"
    return text + (f", {period_words(claim)})" if period else ")")


def _nested(inner: Claim, outer: Claim) -> bool:
    """Whether the running total of ``inner`` is part of that of ``outer``: it ends no later, and starts no earlier.

    Two totals that both leave their start unstated are read as one running total
    at two dates; the caller has set aside totals of which only one states its start.
    """
    i0, i1, o0, o1 = inner.period.start, inner.period.end, outer.period.start, outer.period.end
    assert i1 is not None and o1 is not None  # noqa: S101, PT018 - checked by the caller
    return i1 <= o1 and (i0 is None or o0 is None or o0 <= i0)


def judge_pair(a: Claim, b: Claim, memo: PairMemo | None = None) -> Finding:
    """The verdict on two claims about one quantity; its reason is worded when first read."""
    assert a.value is not None and b.value is not None  # noqa: S101, PT018 - check() keeps numeric claims only
    memo = PairMemo() if memo is None else memo
    ua, ub = a.value.units, b.value.units
    if ua is not ub and ua.dimensionality != ub.dimensionality:  # one shared object for each unit (unit_of)
        if currency_of(ua) is not None and currency_of(ub) is not None:
            then = "convert one with an explicit, dated rate (esgclaims.convert) first"
        else:
            then = "the figures do not compare"
        return Finding(
            a, b, Consistency.INDETERMINATE, lambda: f"{a.id} is {kind_words(ua)} and {b.id} {kind_words(ub)}: {then}"
        )
    ia = memo.interval(a)
    ib = memo.interval(b, ia.units)
    relation = a.period.relation(b.period)
    temporal = a.metric.temporal

    def both() -> str:
        return f"{memo.side(a, ia)} and {memo.side(b, ib)}"

    if relation is PeriodRelation.EQUAL:

        def same() -> str:
            return f"{memo.side(a, ia, period=False)} and {memo.side(b, ib, period=False)}, both {period_words(a)}"

        if ia.overlaps(ib):
            return Finding(a, b, Consistency.CONSISTENT, lambda: f"one period, and the figures overlap: {same()}")
        return Finding(a, b, Consistency.INCONSISTENT, lambda: f"one period, but no value satisfies both: {same()}")
    if temporal is Temporal.CUMULATIVE and a.period.end is not None and b.period.end is not None:
        return _judge_totals(a, ia, b, ib, both, memo=memo)
    if temporal is Temporal.FLOW and relation in (PeriodRelation.WITHIN, PeriodRelation.CONTAINS):
        (inner, i_inner), (outer, i_outer) = (
            ((a, ia), (b, ib)) if relation is PeriodRelation.WITHIN else ((b, ib), (a, ia))
        )
        if _fits(i_inner, i_outer):
            return Finding(
                a, b, Consistency.CONSISTENT, lambda: f"a flow over part of a period is at most the whole: {both()}"
            )
        return Finding(
            a,
            b,
            Consistency.INCONSISTENT,
            lambda: (
                f"a flow over part of a period cannot exceed the whole, but {memo.side(inner, i_inner)} "
                f"exceeds {memo.side(outer, i_outer)}"
            ),
        )
    if temporal is Temporal.STOCK and None not in (a.period.end, b.period.end):
        why = "a level can change between dates"
    elif relation is PeriodRelation.UNKNOWN:
        why = "the periods cannot be aligned, as a bound is not stated"
    else:
        why = "flows over these periods do not constrain each other"
    return Finding(a, b, Consistency.INDETERMINATE, lambda: f"{why}: {both()}")


def _judge_totals(  # noqa: PLR0913
    a: Claim, ia: Interval, b: Claim, ib: Interval, both: Callable[[], str], *, memo: PairMemo
) -> Finding:
    """Two running totals to known dates: one nested in the other can only be smaller or equal."""
    if (a.period.start is None) != (b.period.start is None):
        why = "only one of the running totals states its start, so they may not be one total"
        return Finding(a, b, Consistency.INDETERMINATE, lambda: f"{why}: {both()}")
    a_in_b, b_in_a = _nested(a, b), _nested(b, a)
    if a_in_b and b_in_a:
        if ia.overlaps(ib):
            return Finding(
                a, b, Consistency.CONSISTENT, lambda: f"one running total, and the figures overlap: {both()}"
            )
        return Finding(
            a, b, Consistency.INCONSISTENT, lambda: f"one running total, but no value satisfies both: {both()}"
        )
    if not (a_in_b or b_in_a):
        why = "running totals over periods that do not nest do not constrain each other"
        return Finding(a, b, Consistency.INDETERMINATE, lambda: f"{why}: {both()}")
    (early, i_early), (late, i_late) = ((a, ia), (b, ib)) if a_in_b else ((b, ib), (a, ia))
    if _fits(i_early, i_late):
        return Finding(
            a,
            b,
            Consistency.CONSISTENT,
            lambda: f"a cumulative total may grow: {memo.side(early, i_early)} to {memo.side(late, i_late)}",
        )
    return Finding(
        a,
        b,
        Consistency.INCONSISTENT,
        lambda: f"a cumulative total cannot fall, but {memo.side(early, i_early)} exceeds {memo.side(late, i_late)}",
    )


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

    @property
    def change_words(self) -> str:
        """The change as words: "up RMB 7,430,000", "down by less than 97,000 farms", "no change", or "cannot tell"."""
        change, order = self.change, self.comparison.order
        if change is None:
            return "not comparable"
        if order in (Order.LESS, Order.GREATER):
            words = difference_words(change if order is Order.LESS else -change)
            by = "by " if words.startswith(("less than", "at most", "more than", "at least")) else ""
            return f"{'up' if order is Order.LESS else 'down'} {by}{words}"
        if order is Order.EQUAL:
            return "no change"
        if change.low is None and change.high is None:
            return "cannot tell up or down"
        return f"cannot tell up or down: {difference_words(change)}"

    def __str__(self) -> str:
        return f"{self.left.id} → {self.right.id}: {self.change_words}"

    def __repr__(self) -> str:
        return f"<Pair {self.left.id!r} → {self.right.id!r}>"

    def _repr_html_(self) -> str:
        return html(self)


@attrs.frozen(repr=False)
class Alignment:
    """Two claim sets side by side: matched pairs, and the claims only one side has.

    ``str()`` gives one line per pair and per unmatched claim; in a notebook it
    displays as a table with each pair's change.
    """

    pairs: tuple[Pair, ...]
    only_left: ClaimSet
    only_right: ClaimSet

    def __str__(self) -> str:
        lines = [str(pair) for pair in self.pairs]
        lines += [f"only left:  {claim.id}" for claim in self.only_left]
        lines += [f"only right: {claim.id}" for claim in self.only_right]
        return "\n".join(lines)

    def __repr__(self) -> str:
        pairs = counted(len(self.pairs), "pair")
        return f"<Alignment: {pairs}, {len(self.only_left)} only left, {len(self.only_right)} only right>"

    def _repr_html_(self) -> str:
        return html(self)


def align(left: ClaimSet, right: ClaimSet, *, restated: Restated = "latest") -> Alignment:
    """Match claims by subject, metric and program; equal periods pair first, then the rest in period order.

    With ``restated="latest"`` each claim is replaced by its latest restatement on
    either side first (:func:`~esgclaims._compare.restated.latest_of_both`);
    ``"all"`` pairs every statement as it stands.
    """
    key = _key
    if restated_mode(restated) == "latest":
        new_left, new_right = latest_of_both(left, right)
        left, right = ClaimSet(new_left), ClaimSet(new_right)

    def by_end(claim: Claim) -> str:
        return claim.period.iso() if claim.period.end is None else claim.period.end.isoformat()

    pairs: list[Pair] = []
    only_left: list[Claim] = []
    rights: dict[tuple[str, str, str | None], list[Claim]] = {}
    for claim in right:
        rights.setdefault(key(claim), []).append(claim)
    lefts: dict[tuple[str, str, str | None], list[Claim]] = {}
    for claim in left:
        lefts.setdefault(key(claim), []).append(claim)
    for group_key, group in lefts.items():
        candidates = rights.pop(group_key, [])
        # Each left claim takes the first candidate of its period not yet taken: a dict of queues, linear in the group.
        by_period: dict[object, deque[int]] = {}
        for position, candidate in enumerate(candidates):
            by_period.setdefault(candidate.period, deque()).append(position)
        taken: set[int] = set()
        unmatched = []
        for claim in group:
            queue = by_period.get(claim.period)
            if not queue:
                unmatched.append(claim)
            else:
                position = queue.popleft()
                taken.add(position)
                same = candidates[position]
                pairs.append(Pair(claim, same, compare(claim, same)))
        candidates = [c for position, c in enumerate(candidates) if position not in taken]
        unmatched.sort(key=by_end)
        candidates.sort(key=by_end)
        pairs.extend(Pair(a, b, compare(a, b)) for a, b in zip(unmatched, candidates, strict=False))
        only_left.extend(unmatched[len(candidates) :])
        if len(candidates) > len(unmatched):
            rights[group_key] = candidates[len(unmatched) :]
    only_right = [claim for group in rights.values() for claim in group]
    return Alignment(tuple(pairs), ClaimSet(only_left), ClaimSet(only_right))
