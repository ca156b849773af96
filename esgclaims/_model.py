"""The claim model: who claims what, about which metric, over which period, from which sentence."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, cast

import attrs

from ._enums import (
    Match,
    Modality,
    OrganizationKind,
    QuantityKind,
    Temporal,
    to_match,
    to_modality,
    to_organization_kind,
    to_quantity_kind,
    to_temporal,
)
from ._errors import ArgumentCheck, InvalidClaimError, UnitError, check_argument, check_items
from ._format import html, unit_words

# Types of attrs fields stay importable at runtime, for attrs.resolve_types and typing.get_type_hints.
from ._periods import PartialDate, Period
from ._units import unit_facts
from ._values import ReportedValue, value_facts

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    from ._units import Unit, UnitFacts

__all__ = [
    "Citation",
    "Claim",
    "FrameworkTag",
    "Match",
    "Metric",
    "Modality",
    "Organization",
    "OrganizationKind",
    "Program",
    "QuantityKind",
    "Source",
    "Temporal",
]

# An id is [A-Za-z0-9][A-Za-z0-9._/:-]*, checked with str methods: a regular expression
# costs more to compile at import than every check of a load together (coldstart).
_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
_ID_CHARS = _ALNUM + "._/:-"
# What a name may not hold: C0 controls but tab and newline, DEL and the C1 controls.
_CONTROLS = frozenset(map(chr, [*range(0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]))


def _check_id(_: object, attribute: attrs.Attribute[str], value: str) -> None:
    # strip() leaves nothing exactly when every character is one of _ID_CHARS
    if not isinstance(value, str) or not value or value[0] not in _ALNUM or value.strip(_ID_CHARS):
        raise InvalidClaimError(
            f"{attribute.name} must be letters, digits and . _ / : - (starting with a letter or digit), got {value!r}"
        )


def _check_text(_: object, attribute: attrs.Attribute[str], value: str) -> None:
    _check_quote(_, attribute, value)
    if not value.isprintable() and any(char in _CONTROLS for char in value):
        raise InvalidClaimError(
            f"{attribute.name} must be text without control characters (tab and newline are allowed), got {value!r}"
        )


def _check_quote(_: object, attribute: attrs.Attribute[str], value: str) -> None:
    # A quote is verbatim, form feeds and all; it needs only to be text a file can hold.
    if not isinstance(value, str) or not value.strip():
        raise InvalidClaimError(f"{attribute.name} must be non-empty text, got {value!r}")
    if not value.isprintable() and any("\ud800" <= char <= "\udfff" for char in value):
        raise InvalidClaimError(f"{attribute.name} must be text UTF-8 can hold (no lone surrogates), got {value!r}")


def _to_names(value: Iterable[str]) -> tuple[str, ...]:
    # tuple("JD") would silently give ("J", "D").
    if isinstance(value, str):
        raise InvalidClaimError(f"aliases must be a list of names, got the single string {value!r}")
    return check_items(value, str, where="Organization(): aliases", what="a list of names (str)")


def _check_parent(_: object, __: object, value: Organization | None) -> None:
    if value is not None and not isinstance(arrived := cast("object", value), Organization):
        check_argument(arrived, Organization, where="Organization(): parent", what="an esgclaims.Organization or None")


@attrs.frozen
class Organization:
    """A company, foundation, platform or government that makes or is subject of claims."""

    id: str = attrs.field(validator=_check_id)
    name: str = attrs.field(validator=_check_text)
    kind: OrganizationKind = attrs.field(default=OrganizationKind.COMPANY, converter=to_organization_kind)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_to_names)
    parent: Organization | None = attrs.field(default=None, validator=_check_parent)
    description: str = ""

    def __attrs_post_init__(self) -> None:
        seen = {self.id}
        parent = self.parent
        while parent is not None:
            if parent.id in seen:
                raise InvalidClaimError(f"organization {self.id!r} is its own ancestor")
            seen.add(parent.id)
            parent = parent.parent

    def __repr__(self) -> str:
        return f"Organization({self.id!r}, {self.name!r})"

    def __str__(self) -> str:
        return self.name


@attrs.frozen
class Program:
    """An initiative run by an organization: a project, a campaign, a channel."""

    id: str = attrs.field(validator=_check_id)
    name: str = attrs.field(validator=_check_text)
    owner: Organization
    description: str = ""

    def __repr__(self) -> str:
        return f"Program({self.id!r}, {self.name!r})"

    def __str__(self) -> str:
        return self.name


@attrs.frozen
class FrameworkTag:
    """A reporting framework disclosure a metric maps to: GRI 203-2, SDG 1."""

    framework: str = attrs.field(validator=_check_text)
    code: str = attrs.field(validator=_check_text)
    match: Match = attrs.field(default=Match.CLOSE, converter=to_match)

    def __repr__(self) -> str:
        return f"FrameworkTag({self.framework!r}, {self.code!r}, {self.match!r})"

    def __str__(self) -> str:
        return f"{self.framework} {self.code} ({self.match})"


def _to_tags(value: Iterable[FrameworkTag]) -> tuple[FrameworkTag, ...]:
    return check_items(value, FrameworkTag, where="Metric(): frameworks", what="a list of esgclaims.FrameworkTag")


#: The base dimensions of each physical kind, sorted, as :attr:`UnitFacts.dimensions` lists a unit's.
_PHYSICAL: dict[QuantityKind, tuple[tuple[str, int], ...]] = {
    QuantityKind.MASS: (("[mass]", 1),),
    QuantityKind.ENERGY: (("[length]", 2), ("[mass]", 1), ("[time]", -2)),
    QuantityKind.EMISSIONS: (("[emissions]", 1),),
    QuantityKind.VOLUME: (("[length]", 3),),
    QuantityKind.DISTANCE: (("[length]", 1),),
    QuantityKind.AREA: (("[length]", 2),),
    QuantityKind.TIME: (("[time]", 1),),
    QuantityKind.POWER: (("[length]", 2), ("[mass]", 1), ("[time]", -3)),
    QuantityKind.CONCENTRATION: (("[length]", -3), ("[mass]", 1)),
}


def metric_takes(metric: Metric, unit: UnitFacts) -> bool:
    """Whether a value in the unit ``unit`` describes can measure ``metric``: :meth:`Metric.accepts` of its facts."""
    kind = metric.kind
    if kind is QuantityKind.MONEY:
        return unit.currency is not None
    if kind is QuantityKind.COUNT:
        return unit.count_kind == metric.count_of
    if kind is QuantityKind.SHARE:
        return unit.whole is not None
    if kind is QuantityKind.RATIO:
        return not unit.dimensions
    if kind is QuantityKind.QUALITATIVE:
        return False
    return unit.dimensions == _PHYSICAL[kind]


@attrs.frozen
class Metric:
    """What is measured: its kind of quantity, how it relates to time, and framework tags."""

    id: str = attrs.field(validator=_check_id)
    name: str = attrs.field(validator=_check_text)
    kind: QuantityKind = attrs.field(converter=to_quantity_kind)
    temporal: Temporal = attrs.field(converter=to_temporal)
    count_of: str | None = None
    """For a count: the counted kind (a unit of :data:`esgclaims.ureg`)."""
    description: str = ""
    frameworks: tuple[FrameworkTag, ...] = attrs.field(default=(), converter=_to_tags)

    def __attrs_post_init__(self) -> None:
        if (self.kind is QuantityKind.COUNT) != (self.count_of is not None):
            raise InvalidClaimError(f"metric {self.id!r}: count_of is given exactly when kind is count")
        if self.count_of is not None:
            try:
                counted = unit_facts(self.count_of)
            except UnitError as error:
                raise InvalidClaimError(f"metric {self.id!r}: count_of: {error}") from None
            if counted.count_kind != self.count_of:
                raise InvalidClaimError(f"metric {self.id!r}: {self.count_of!r} is not a count kind")
        if self.temporal is Temporal.EVENT and self.kind is not QuantityKind.QUALITATIVE:
            raise InvalidClaimError(f"metric {self.id!r}: only a qualitative metric is an event")

    def accepts(self, unit: Unit) -> bool:
        """Whether a value in ``unit`` can measure this metric."""
        from ._units import facts_of  # noqa: PLC0415 - a unit given is pint's: the registry is built already

        return metric_takes(self, facts_of(unit))

    @property
    def expected(self) -> str:
        """The units it accepts, in words, for error messages."""
        if self.kind is QuantityKind.COUNT:
            return f"a count of {self.count_of}"
        if self.kind is QuantityKind.SHARE:
            return "a share (percent)"
        if self.kind is QuantityKind.RATIO:
            return "a ratio (ratio_percent, percent or dimensionless)"
        if self.kind is QuantityKind.MONEY:
            return "a currency"
        if self.kind is QuantityKind.QUALITATIVE:
            return "no value"
        return f"a unit of {self.kind.value}"

    def __repr__(self) -> str:
        return f"Metric({self.id!r}, {self.name!r}, {self.kind.value}, {self.temporal.value})"

    def __str__(self) -> str:
        return self.name


def _check_sha256(_: object, __: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None and not isinstance(value, str):
        check_argument(value, str, where="Source(): sha256", what="text (str) or None")  # type: ignore[unreachable]
    if value is not None and not re.fullmatch(r"[0-9a-f]{64}", value):
        raise InvalidClaimError(f"sha256 must be 64 lower-case hex digits, got {value!r}")


@attrs.frozen
class Source:
    """A document claims come from."""

    id: str = attrs.field(validator=_check_id)
    title: str = attrs.field(validator=_check_text)
    publisher: str = attrs.field(validator=_check_text)
    author: str | None = None
    url: str | None = None
    published: PartialDate | None = None
    sha256: str | None = attrs.field(default=None, validator=_check_sha256)

    def __repr__(self) -> str:
        return f"Source({self.id!r}, {self.title!r})"

    def __str__(self) -> str:
        by = f" by {self.author}" if self.author else ""
        return f"{self.title}{by} ({self.publisher})"


def to_span(value: tuple[int, int] | list[int], *, ordered: bool = True) -> tuple[int, int]:
    """Two character offsets ``(start, end)`` from a tuple or a list: the one span converter.

    A citation passes ``ordered=False``: it checks ``0 <= start < end`` itself, naming the span as a file does.

    Examples:
        >>> to_span([11, 27])
        (11, 27)
        >>> to_span((3, 3))
        Traceback (most recent call last):
        ...
        esgclaims.InvalidClaimError: a span is two character offsets [start, end] with 0 <= start < end, got (3, 3)
        >>> to_span((3, 3), ordered=False)
        (3, 3)
    """
    if (
        not isinstance(value, tuple | list)
        or len(value) != 2
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        or (ordered and not 0 <= value[0] < value[1])
    ):
        order = " with 0 <= start < end" if ordered else ""
        raise InvalidClaimError(f"a span is two character offsets [start, end]{order}, got {value!r}")
    return (value[0], value[1])


def _to_citation_span(value: tuple[int, int] | list[int] | None) -> tuple[int, int] | None:
    return None if value is None else to_span(value, ordered=False)


def _check_locator(_: object, __: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise InvalidClaimError(f"locator must be non-empty text, got {value!r}")


@attrs.frozen
class Citation:
    """Where a claim is stated: the verbatim quote, and where it stands in the source.

    ``span`` is the quote's character offsets in the source's text, when that text is
    at hand; ``locator`` says where a person finds it in the document ("p. 42, table 3"),
    for figures typed from a PDF. Both are optional; :func:`esgclaims.locate_quotes`
    fills in spans from a text.

    Examples:
        >>> from esgclaims import Source
        >>> report = Source("r", "Annual report 2023", "GreenCo")
        >>> Citation(report, "12,000 mangroves", locator="p. 42, table 3")
        Citation('12,000 mangroves', locator='p. 42, table 3')
        >>> Citation(report, "12,000 mangroves", span=(11, 27)).verify("We planted 12,000 mangroves.")
        True
    """

    source: Source
    quote: str = attrs.field(validator=_check_quote)
    span: tuple[int, int] | None = attrs.field(default=None, converter=_to_citation_span)
    locator: str | None = attrs.field(default=None, validator=_check_locator)

    def __attrs_post_init__(self) -> None:
        if self.span is None:
            return
        start, end = self.span
        if not 0 <= start < end:
            raise InvalidClaimError(f"span {list(self.span)} must have 0 <= start < end")
        if end - start != len(self.quote):
            raise InvalidClaimError(f"span {list(self.span)} is {end - start} characters, the quote {len(self.quote)}")

    def __repr__(self) -> str:
        where = [f"span={self.span!r}"] if self.span is not None else []
        where += [f"locator={self.locator!r}"] if self.locator is not None else []
        return f"Citation({', '.join([repr(self.quote), *where])})"

    def verify(self, text: str) -> bool:
        """Whether ``text`` holds the quote at the span (anywhere, for a citation without a span)."""
        if self.span is None:
            return self.quote in text
        start, end = self.span
        return text[start:end] == self.quote


@attrs.frozen
class Claim:
    """One claim: a subject states a value of a metric over a period, in a quoted sentence.

    A claim whose unit does not fit its metric cannot be constructed.
    """

    id: str = attrs.field(validator=_check_id)
    subject: Organization
    metric: Metric = attrs.field(validator=ArgumentCheck(Metric, where="Claim(): metric", what="an esgclaims.Metric"))
    value: ReportedValue | None = attrs.field(
        validator=ArgumentCheck(
            (ReportedValue, type(None)), where="Claim(): value", what="an esgclaims.ReportedValue or None"
        )
    )
    period: Period
    citation: Citation
    program: Program | None = None
    attribution: str = attrs.field(default="report", validator=_check_text)
    modality: Modality = attrs.field(default=Modality.ACHIEVEMENT, converter=to_modality)
    note: str = ""
    """Why the claim is stated as it is: for a restatement, why the figure changed."""
    restates: str | None = attrs.field(default=None, validator=attrs.validators.optional(_check_id))
    """The id of the claim this one replaces (a restated figure), or ``None``."""

    def __attrs_post_init__(self) -> None:
        if self.restates == self.id:
            raise InvalidClaimError(f"claim {self.id!r} cannot restate itself")
        if self.value is None:
            if self.metric.kind is not QuantityKind.QUALITATIVE:
                raise InvalidClaimError(f"claim {self.id!r}: metric {self.metric.id!r} needs {self.metric.expected}")
            return
        if not metric_takes(self.metric, value_facts(self.value)):
            raise InvalidClaimError(
                f"claim {self.id!r}: unit {unit_words(self.value.units) or 'dimensionless'!r} does not fit metric "
                f"{self.metric.id!r}, which takes {self.metric.expected}"
            )

    @property
    def source(self) -> Source:
        """The source document (``citation.source``)."""
        return self.citation.source

    @property
    def as_of(self) -> dt.date | None:
        """The period's last day."""
        return self.period.end

    def __repr__(self) -> str:
        return f"<Claim {self.id!r}: {self}>"

    def _repr_html_(self) -> str:
        return html(self)

    def __str__(self) -> str:
        what = f"{self.value} ({self.metric.name})" if self.value is not None else f"“{self.citation.quote}”"
        period = str(self.period)
        if self.metric.temporal is Temporal.CUMULATIVE and period.startswith("as of "):
            period = "cumulative to " + period.removeprefix("as of ")
        program = f", {self.program.name}" if self.program else ""
        return f"{what} — {period} — {self.subject.name}{program}"
