"""One metric of one subject over time: its claims in period order, and the change between each two.

Each change is an interval that follows from both claims' qualifiers, in words
("up EUR 10", "cannot tell up or down"), as :class:`~esgclaims.Pair` gives it for
two claim sets. Restatements are resolved first: a restated figure stands in the
series as restated, unless ``restated="all"`` asks for every statement.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import TYPE_CHECKING, Any

import attrs

from esgclaims._errors import InvalidClaimError, did_you_mean
from esgclaims._format import html
from esgclaims._model import Claim, Metric, Organization, Program, QuantityKind

from .compare import compare
from .consistency import Pair
from .restated import Restated, latest, restated_mode

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["Series", "series"]


@attrs.frozen(repr=False)
class Series:
    """The claims of one metric and subject in period order, with the change between each consecutive two.

    ``str()`` gives one line per claim and, between them, the change; in a notebook
    it displays as a table; :meth:`plot` draws it as a line with interval bands.
    """

    metric: Metric
    subject: Organization
    program: Program | None
    claims: tuple[Claim, ...]
    steps: tuple[Pair, ...]
    """One :class:`Pair` per consecutive two claims: ``change`` is the later minus the earlier."""

    def __len__(self) -> int:
        return len(self.claims)

    def __str__(self) -> str:
        program = f", {self.program.name}" if self.program is not None else ""
        lines = [f"{self.metric.name} — {self.subject.name}{program}"]
        for index, claim in enumerate(self.claims):
            if index:
                lines.append(f"    {self.steps[index - 1].change_words}")
            assert claim.value is not None  # noqa: S101 - series() keeps numeric claims only
            restates = f", restates {claim.restates}" if claim.restates else ""
            lines.append(f"  {claim.period}: {claim.value} ({claim.id}{restates})")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"<Series {self.metric.id!r} of {self.subject.id!r}: {len(self.claims)} claims>"

    def _repr_html_(self) -> str:
        return html(self)

    def plot(self, *, title: str | None = None) -> Any:  # noqa: ANN401 - matplotlib is optional
        """A line through the reported figures with a band for the values each statement allows.

        Needs ``esgclaims[plot]``. Returns a :class:`matplotlib.figure.Figure`.
        """
        from esgclaims._display import plot_series  # noqa: PLC0415 - a higher layer's face, imported at call time

        return plot_series(self, title=title)


def _when(claim: Claim) -> tuple[dt.date, dt.date, str]:
    period = claim.period
    return (period.end or dt.date.max, period.start or dt.date.min, claim.id)


def _pick(kind: str, wanted: str | None, found: dict[str, Any], metric_id: str) -> Any:  # noqa: ANN401 - an org or a program
    if wanted is not None:
        if wanted in found:
            return found[wanted]
        known = sorted(found)
        hint = did_you_mean(wanted, known) or (f"; it has {', '.join(known)}" if known else "")
        raise InvalidClaimError(f"no claim of metric {metric_id!r} has {kind} {wanted!r}{hint}")
    if len(found) > 1:
        raise InvalidClaimError(
            f"claims of metric {metric_id!r} have several {kind}s ({', '.join(sorted(found))}); pass {kind}=..."
        )
    return next(iter(found.values()), None)


def series(
    claims: Iterable[Claim],
    metric: str,
    *,
    subject: str | None = None,
    program: str | None = None,
    restated: Restated = "latest",
) -> Series:
    """The series of ``metric`` for ``subject`` (and ``program``), from ``claims``.

    ``subject`` and ``program`` may be left out when the metric's claims have only
    one. Claims are ordered by the end of their period, then its start.

    Raises:
        InvalidClaimError: no claim has the metric, subject or program (with the
            nearest id), or several subjects or programs and none was chosen, or the
            metric is qualitative.
    """
    mode = restated_mode(restated)
    claims = list(claims)
    metrics = {claim.metric.id: claim.metric for claim in claims}
    if metric not in metrics:
        hint = did_you_mean(metric, sorted(metrics)) or "; esgclaims list --ids lists the claims"
        raise InvalidClaimError(f"no claim has metric {metric!r}{hint}")
    if metrics[metric].kind is QuantityKind.QUALITATIVE:
        raise InvalidClaimError(f"metric {metric!r} is qualitative: its claims state no figures to follow over time")
    chosen = [claim for claim in claims if claim.metric.id == metric]
    the_subject: Organization = _pick("subject", subject, {c.subject.id: c.subject for c in chosen}, metric)
    chosen = [claim for claim in chosen if claim.subject.id == the_subject.id]
    programs = {c.program.id: c.program for c in chosen if c.program is not None}
    if program is None and any(c.program is None for c in chosen):
        the_program = None
        chosen = [claim for claim in chosen if claim.program is None]
    else:
        the_program = _pick("program", program, programs, metric)
        chosen = [claim for claim in chosen if claim.program is not None and claim.program == the_program]
    if mode == "latest":
        chosen = latest(chosen)
    ordered = tuple(sorted(chosen, key=_when))
    steps = tuple(Pair(a, b, compare(a, b)) for a, b in itertools.pairwise(ordered))
    return Series(metrics[metric], the_subject, the_program, ordered, steps)
