"""Proposing candidate claims from report text: :func:`extract`."""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from esgclaims._errors import ArgumentTypeError, InvalidClaimError, check_argument, no_hints
from esgclaims._lazy import compiled as rx
from esgclaims._model import Organization, Source
from esgclaims._units import facts_of
from esgclaims._values import ReportedValue

from .candidates import Candidate, Change
from .changes import in_units_of_level, shifts
from .context import Context
from .figures import scan, stated_symbols
from .mentions import reading
from .naming import Names, fallback_metric, metric_id
from .period_phrases import bound_convention, fiscal_convention, period_phrases, with_convention
from .sentences import BlockKind, blocks, clause_bounds, sentences

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .changes import Shift
    from .context import Resolution
    from .figures import Mention

__all__ = ["extract"]


def extract(
    text: str, source: Source | None = None, *, organizations: Iterable[Organization] = ()
) -> tuple[Candidate, ...]:
    """Propose the claims a text states, in the order they appear, for a person to confirm.

    Each candidate has the figure read with :func:`esgclaims.parse_value` (or a
    :class:`~esgclaims.Change` for "up 38% year-on-year"), the period its sentence or
    context states, the organization it is about where the text names one, the clause
    it stands in with its character span, and a suggested metric id. Years, dates,
    numbers in names, ordinals and list numbers are left out. The rules are fixed: the
    same text always gives the same candidates, and nothing is downloaded.

    Args:
        text: The report text, as read with ``open(path, encoding="utf-8").read()``.
        source: The document the text is; its SHA-256, when given, must match the text.
        organizations: Organizations to recognize as subjects, by name or alias.

    Examples:
        >>> import esgclaims
        >>> text = "As of Sept. 30, 2020, JD had helped 110 impoverished counties sell online."
        >>> (candidate,) = esgclaims.extract(text)
        >>> candidate.value, candidate.period
        (ReportedValue('110 counties'), AsOf('as of 2020-09-30'))
        >>> candidate.quote
        'JD had helped 110 impoverished counties sell online'
        >>> esgclaims.extract("Sales reached RMB 4.6 billion, up 38% year-on-year, in 2022.")[1].change
        Change('up 38% year-on-year')
    """
    if not isinstance(text, str):
        raise ArgumentTypeError(f"expected the text as a string, got {type(text).__name__}")
    check_argument(source, (Source, type(None)), where="extract(): source", what="an esgclaims.Source or None")
    if not hasattr(organizations, "__iter__"):
        check_argument(organizations, tuple, where="extract(): organizations", what="esgclaims.Organization items")
    organizations = tuple(organizations)
    for organization in organizations:
        check_argument(
            organization, Organization, where="extract(): organizations", what="esgclaims.Organization items"
        )
    if source is not None and source.sha256 is not None:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if digest != source.sha256:
            raise InvalidClaimError(
                f"the text is not source {source.id!r}: its SHA-256 is {digest}, the source names {source.sha256}"
            )
    with no_hints():  # the lookups that fail here fail by design: no "did you mean" for them
        return _extract(text, source, tuple(organizations))


def _extract(text: str, source: Source | None, organizations: tuple[Organization, ...]) -> tuple[Candidate, ...]:
    parts = [(index, block, sentences(text, block, index)) for index, block in enumerate(blocks(text))]
    published = None if source is None else source.published  # "to date": as of it; never today's date
    phrases = {s: period_phrases(text, s.start, s.end, published=published) for _, _, found in parts for s in found}
    convention = fiscal_convention([p for found in phrases.values() for p in found])
    if convention is None or convention.offset is None:  # "fiscal 2023 is the year ended January 31, 2024"
        convention = bound_convention(text) or convention
    if convention is not None and convention.century is not None:  # "the year ended 31 March 2024 ("FY24")"
        phrases = {s: period_phrases(text, s.start, s.end, convention.century, published) for s in phrases}
    phrases = {s: with_convention(found, convention) for s, found in phrases.items()}
    opening = next((index for index, block, _ in parts if block.kind is BlockKind.PARAGRAPH), None)
    context = Context(text, convention, opening)
    names = Names(text, organizations)
    symbols = stated_symbols(text)  # "All amounts are in US dollars": a bare "$" is US$
    candidates: list[Candidate] = []
    for index, block, found in parts:
        for sentence in found:
            sentence_phrases = phrases[sentence]
            context.enter(index, block.kind, sentence_phrases)
            with reading():  # each figure's words read once in the sentence
                mentions = scan(
                    text, sentence.start, sentence.end, [(p.start, p.end) for p in sentence_phrases], symbols
                )
            if not mentions:  # the sentence only frames the ones after it: its clauses and changes are not needed
                context.resolve(text, mentions, [], sentence_phrases, [sentence.start, sentence.end])
                continue
            protected = [(p.start, p.end) for p in sentence_phrases] + [(m.start, m.end) for m in mentions]
            clauses = clause_bounds(text, sentence.start, sentence.end, protected)
            changes = shifts(text, mentions, clauses)
            mentions = in_units_of_level(text, mentions, changes)  # "9,450 home visits, up 2,130": visits
            resolved = context.resolve(text, mentions, changes, sentence_phrases, clauses)
            place = _Place(text, (sentence.start, sentence.end), clauses, names)
            previous = ""
            for mention, shift, resolution in zip(mentions, changes, resolved, strict=True):
                candidate = _candidate(place, mention, shift, resolution, (previous, source))
                previous = candidate.suggested_metric.removesuffix("-change")
                candidates.append(candidate)
    return tuple(candidates)


class _Place(NamedTuple):
    """Where the figures being read stand: the text, the sentence, its clauses, and the names of the text."""

    text: str
    sentence: tuple[int, int]
    clauses: list[int]
    names: Names

    def clause(self, position: int) -> tuple[int, int]:
        """The clause around ``position`` (the bounds are sorted: found by bisection)."""
        index = bisect_right(self.clauses, position)
        return self.clauses[index - 1], self.clauses[index]


def _named(place: _Place, mention: Mention, value: ReportedValue | None, change: Change | None, previous: str) -> str:
    """The suggested metric id; a change with no words of its own takes the figure's before it."""
    measured = value if change is None else change.delta
    own = metric_id(place.text, (mention.start, mention.end), place.clause(mention.start), measured, mention.noun)
    if change is None:
        return own or fallback_metric(measured)
    return (own or previous or fallback_metric(measured)) + "-change"


def _candidate(
    place: _Place, mention: Mention, shift: Shift | None, resolution: Resolution, after: tuple[str, Source | None]
) -> Candidate:
    """The candidate, built once: its suggested metric (``after`` the metric before it) and its source."""
    previous, source = after
    text = place.text
    start = mention.start if shift is None else min(mention.start, shift.start)
    end = mention.end if shift is None else max(mention.end, shift.end)
    first, last = place.clause(mention.start)
    quote_start, quote_end = _trimmed(text, min(first, start), max(last, end), start, end)
    subject, organization = place.names.subject(*place.sentence, start)
    change, note = None, mention.note
    if shift is not None:
        change = _change(mention, shift, resolution)
        note = "" if change is not None else note or "cannot read the size of the change"
    value = mention.value if shift is None else None
    measured = mention.value if shift is None else change.delta if change is not None else None
    registered = None if measured is None else facts_of(measured.units).count_kind
    return Candidate(
        quote=text[quote_start:quote_end],
        span=(quote_start, quote_end),
        figure=text[start:end],
        figure_span=(start, end),
        value=value,
        change=change,
        alternatives=mention.alternatives if value is not None else (),
        period=resolution.period,
        period_phrase=resolution.phrase,
        subject=subject,
        organization=organization,
        note=note,
        count_kind=mention.kind or registered,
        new_kind=bool(mention.kind) and registered is None,
        suggested_metric=_named(place, mention, value, change, previous),
        source=source,
    )


def _trimmed(text: str, start: int, end: int, first: int, last: int) -> tuple[int, int]:
    """The clause without its surrounding spaces, punctuation and leading "and"; never less than the figure."""
    lead = rx(r"[\s,;:\uff0c\uff1b\u3001]*(?:(?:and|but|while|or)\s+)?").match(text, start, end)  # always matches
    start = min(lead.end() if lead else start, first)
    while end > last and text[end - 1] in " \t\n,.;:\uff0c\u3002\uff1b\uff1a\u3001":
        end -= 1
    return start, end


def _change(mention: Mention, shift: Shift, resolution: Resolution) -> Change | None:
    if shift.relative:
        percent = mention.percent
        if percent is None:
            return None
        hundred = Decimal(100)
        delta = ReportedValue.of(
            percent.reported.magnitude / hundred,
            "dimensionless",
            percent.qualifier,
            upper=None if percent.upper is None else percent.upper.magnitude / hundred,
            precision=None if percent.precision is None else percent.precision / hundred,
            tolerance=percent.tolerance,
        )
    elif mention.value is None:
        return None
    else:
        delta = mention.value
    return Change(shift.direction, delta, relative=shift.relative, basis=resolution.basis, baseline=resolution.baseline)
