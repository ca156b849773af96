"""Candidate claims: what :func:`esgclaims.extract` proposes, for a person to confirm."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import attrs

from esgclaims._errors import ArgumentCheck, InvalidClaimError, check_items
from esgclaims._format import format_number, format_quantity

# Types of attrs fields stay importable at runtime, for attrs.resolve_types and typing.get_type_hints.
from esgclaims._model import Citation, Claim, Metric, Organization, Program, Source, to_span
from esgclaims._periods import Period, UnknownPeriod
from esgclaims._units import DIMENSIONLESS
from esgclaims._values import ReportedValue

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["Candidate", "Change", "Direction"]


class Direction(enum.Enum):
    """Which way a change goes."""

    INCREASE = "increase"
    DECREASE = "decrease"

    def __repr__(self) -> str:
        return f"Direction.{self.name}"


def _to_direction(value: Direction | str) -> Direction:
    if isinstance(value, Direction):
        return value
    try:
        return Direction(value)
    except ValueError:
        raise InvalidClaimError(f"direction must be increase or decrease, got {value!r}") from None


def _to_values(values: Iterable[ReportedValue]) -> tuple[ReportedValue, ...]:
    return check_items(
        values, ReportedValue, where="Candidate(): alternatives", what="a list of esgclaims.ReportedValue"
    )


def _text(field: str) -> ArgumentCheck:
    return ArgumentCheck(str, where=f"Candidate(): {field}", what="text (str)")


@attrs.frozen(repr=False)
class Change:
    """A change a text states, not a level: "up 38% year-on-year", "down 2.3 percentage points".

    A relative change is a ratio of the earlier level: "up 38%" has a ``delta`` of
    0.38 (dimensionless), so that growth beyond 100 % can be held too. A change in
    percentage points is an absolute change in percent; any other absolute change
    is in the unit of the level ("up RMB 30 million").

    Examples:
        >>> from esgclaims import ReportedValue
        >>> change = Change(Direction.INCREASE, ReportedValue.of("0.38"), relative=True, basis="year-on-year")
        >>> print(change)
        up 38% year-on-year
        >>> print(Change("decrease", ReportedValue.of("2.3", "percent"), relative=False))
        down 2.3 percentage points
    """

    direction: Direction = attrs.field(converter=_to_direction)
    delta: ReportedValue = attrs.field(
        validator=ArgumentCheck(ReportedValue, where="Change(): delta", what="an esgclaims.ReportedValue")
    )
    """The size of the change: a ratio when ``relative``, else in the unit of the level."""
    relative: bool = attrs.field(kw_only=True)
    basis: str = attrs.field(default="", kw_only=True)
    """What the text compares with, as written: "year-on-year", "compared with FY2022"."""
    baseline: Period | None = attrs.field(default=None, kw_only=True)
    """The period compared with, when the text states it or it follows from the stated period."""

    def __attrs_post_init__(self) -> None:
        if self.relative and self.delta.units != DIMENSIONLESS:
            raise InvalidClaimError(f"a relative change is a ratio, not {format_quantity(self.delta.reported)}")

    def __str__(self) -> str:
        word = "up" if self.direction is Direction.INCREASE else "down"
        delta = self.delta
        if self.relative:
            size = _percent(delta)
        elif str(delta.units) == "percent":
            size = _percent(delta, scale=1, unit=" percentage points")
        else:
            size = str(delta)
        return f"{word} {size} {self.basis}".strip()

    def __repr__(self) -> str:
        return f"Change({str(self)!r})"


def _percent(value: ReportedValue, *, scale: int = 100, unit: str = "%") -> str:
    """ "38%" for a ratio of 0.38, "more than 38%", "25% to 30%"."""  # noqa: D210 - ruff format
    low = format_number(value.reported.magnitude * scale) + unit
    if value.upper is not None:
        return f"{low} to {format_number(value.upper.magnitude * scale)}{unit}"
    return f"{value.qualifier.words} {low}".strip()


@attrs.frozen(kw_only=True, repr=False)
class Candidate:
    """A claim proposed by :func:`esgclaims.extract`: a figure, its period and subject, and where it stands.

    A candidate holds a level (``value``) or a ``change``; neither when the
    figure cannot be read unambiguously (``note`` says why). ``quote`` is the clause
    it stands in and ``span`` its character offsets in the text; ``figure`` and
    ``figure_span`` are the figure itself.

    Examples:
        >>> import esgclaims
        >>> (candidate,) = esgclaims.extract("In 2020, the Foundation donated around RMB 200 million yuan.")
        >>> candidate
        Candidate('around RMB 200,000,000 (±10%)', 2020, span=(9, 59))
        >>> candidate.figure, candidate.suggested_metric
        ('around RMB 200 million yuan', 'donations')
    """

    quote: str = attrs.field(validator=_text("quote"))
    span: tuple[int, int] = attrs.field(converter=to_span)
    figure: str = attrs.field(validator=_text("figure"))
    figure_span: tuple[int, int] = attrs.field(converter=to_span)
    value: ReportedValue | None = None
    change: Change | None = None
    alternatives: tuple[ReportedValue, ...] = attrs.field(default=(), converter=_to_values)
    """The same figure as the text also states it, in another currency: "HK$2.4 billion (US$300 million)"."""
    period: Period = attrs.field(factory=UnknownPeriod)
    period_phrase: str | None = None
    """The words the period was read from, as written."""
    subject: str | None = None
    """The name of the organization the claim is about, where the text names one."""
    organization: Organization | None = attrs.field(
        default=None,
        validator=ArgumentCheck(
            (Organization, type(None)), where="Candidate(): organization", what="an esgclaims.Organization or None"
        ),
    )
    """The organization among those passed to :func:`esgclaims.extract` that ``subject`` names."""
    suggested_metric: str = "figure"
    source: Source | None = None
    note: str = ""
    count_kind: str | None = None
    """What the figure counts, where it is a count: the registered count kind of ``value``'s unit, or,
    where no unit reads the noun after the figure, the kind proposed from it ("borehole" for "38 new
    boreholes"; ``value`` then stays a bare number)."""
    new_kind: bool = False
    """Whether ``count_kind`` is proposed, not registered: declare it (a draft file lists it under
    ``[[count_kinds]]``) or register it with :func:`esgclaims.register_count_kind`."""

    def __attrs_post_init__(self) -> None:
        start, end = self.span
        if end - start != len(self.quote):
            raise InvalidClaimError(f"span {list(self.span)} is {end - start} characters, the quote {len(self.quote)}")
        first, last = self.figure_span
        if last - first != len(self.figure) or not start <= first < last <= end:
            raise InvalidClaimError(f"figure span {list(self.figure_span)} must hold the figure within the quote")
        if self.value is not None and self.change is not None:
            raise InvalidClaimError("a candidate is a level or a change, not both")
        if self.alternatives and self.value is None:
            raise InvalidClaimError("only a level has alternatives")
        if self.new_kind and self.count_kind is None:
            raise InvalidClaimError("a new count kind needs its name in count_kind")
        if self.organization is not None and self.subject != self.organization.name:
            raise InvalidClaimError(f"subject {self.subject!r} is not the name of {self.organization!r}")

    @property
    def kind(self) -> str:
        """``"level"``, ``"change"`` or ``"unread"`` (a figure that could not be read)."""
        return "level" if self.value is not None else "change" if self.change is not None else "unread"

    def citation(self, source: Source | None = None) -> Citation:
        """The quote and span as a :class:`~esgclaims.Citation` of ``source`` (default: the candidate's)."""
        source = source or self.source
        if source is None:
            raise InvalidClaimError("a citation needs a source; pass one here or to esgclaims.extract")
        return Citation(source, self.quote, self.span)

    def to_claim(  # noqa: PLR0913 - what a person adds to a candidate, each by name
        self,
        id: str,  # noqa: A002 - the field's name
        metric: Metric,
        *,
        subject: Organization | None = None,
        program: Program | None = None,
        source: Source | None = None,
        note: str = "",
    ) -> Claim:
        """The claim this candidate proposes, once a person has named its metric (and subject).

        Raises:
            InvalidClaimError: the candidate is a change or unread, has no subject or
                source, or its unit does not fit ``metric``.
        """
        if self.value is None:
            raise InvalidClaimError(f"only a level can become a claim, and {self!r} is a {self.kind}")
        subject = subject or self.organization
        if subject is None:
            raise InvalidClaimError(f"{self!r} names no known organization; pass subject=")
        return Claim(id, subject, metric, self.value, self.period, self.citation(source), program=program, note=note)

    def __str__(self) -> str:
        what = str(self.value or self.change or self.figure)
        subject = f" — {self.subject}" if self.subject else ""
        return f"{what} — {self.period}{subject}"

    def __repr__(self) -> str:
        what = str(self.value or self.change or self.figure)
        return f"Candidate({what!r}, {self.period.iso()}, span={self.span!r})"
