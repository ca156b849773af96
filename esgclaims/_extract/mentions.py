"""A figure found in a sentence, read: :class:`Mention`, and what figure finders ask of one."""

from __future__ import annotations

import functools
import re
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, NamedTuple

from esgclaims._errors import EsgClaimsError
from esgclaims._parse_value import QUALIFIER_PHRASES, parse_value
from esgclaims._units import DIMENSIONLESS
from esgclaims._values import ReportedValue

if TYPE_CHECKING:
    from collections.abc import Iterator

    from esgclaims._units import Unit

__all__ = ["REACH", "Mention", "in_units", "qualifier_start", "read_figure", "read_value", "reading", "unit_text"]

REACH = 300
"""How many characters before a figure its qualifier, currency, noun or verb are looked for. A
bound, not a rule: no sentence is read again from its start for each of its figures, so the
cost of a sentence grows with its length, not with its length times its figures."""


class Mention(NamedTuple):
    """A figure of a sentence, read."""

    start: int
    end: int
    number_end: int
    """After the digits and scale words of the figure (before its unit)."""
    value: ReportedValue | None
    percent: ReportedValue | None = None
    """For a figure in percent or percentage points: the number alone, dimensionless."""
    points: bool = False
    """ "percentage points": a change of a share, not a share."""
    alternatives: tuple[ReportedValue, ...] = ()
    note: str = ""
    noun: str = ""
    """The unit or counted noun as written: "impoverished counties"."""
    kind: str = ""
    """The count kind the figure would be of, where no unit reads its noun: "borehole" for "38 new boreholes"."""

    @property
    def bare(self) -> bool:
        """A plain number, with no unit and not in percent: "3,000" in "3,000 and 5,000 households"."""
        return self.value is not None and self.percent is None and self.value.units == DIMENSIONLESS  # unit: dearest

    @property
    def has_unit(self) -> bool:
        """A figure with a unit or counted noun, not in percent: "5,000 households"."""
        return self.value is not None and self.percent is None and self.value.units != DIMENSIONLESS


def in_units(value: ReportedValue, unit: str | Unit) -> ReportedValue:
    """The same figure, in ``unit``."""
    upper = None if value.upper is None else value.upper.magnitude
    return ReportedValue.of(
        value.reported.magnitude, unit, value.qualifier, upper=upper, precision=value.precision,
        tolerance=value.tolerance,
    )  # fmt: skip


def read_figure(figure: str) -> ReportedValue | None:
    """``figure`` read with :func:`esgclaims.parse_value`, or None where it cannot be read."""
    try:
        return read_value(figure)
    except EsgClaimsError:
        return None


_READINGS: ContextVar[dict[str, ReportedValue | EsgClaimsError] | None] = ContextVar("_READINGS", default=None)
"""What :func:`read_value` read within :func:`reading`, by the exact words: each read once."""


@contextmanager
def reading() -> Iterator[None]:
    """Read each figure's words once within: a sentence's figures are tried with and without the words after them.

    What :func:`esgclaims.parse_value` gives depends on its words and on the count kinds
    registered, which do not change within one sentence; the values are frozen.
    """
    token = _READINGS.set({})
    try:
        yield
    finally:
        _READINGS.reset(token)


def read_value(figure: str) -> ReportedValue:
    """``figure`` read with :func:`esgclaims.parse_value`; within :func:`reading`, the same words only once.

    Examples:
        >>> with reading():
        ...     read_value("3,000 households") is read_value("3,000 households")
        True
    """
    readings = _READINGS.get()
    if readings is None:
        return parse_value(figure)
    read = readings.get(figure)
    if read is None:
        try:
            read = parse_value(figure)
        except EsgClaimsError as error:
            read = error
        readings[figure] = read
    if isinstance(read, EsgClaimsError):
        raise read.with_traceback(None)  # the same error as the first reading, with no traceback of it
    return read


@functools.lru_cache(maxsize=256)
def unit_text(unit: Unit) -> str:
    """``str(unit)``, kept for each unit: pint writes a unit out afresh each time, at some cost.

    Examples:
        >>> from esgclaims._units import parse_unit
        >>> unit_text(parse_unit("tonnes"))
        'tonne'
    """
    return str(unit)


_QUALIFIER_ENDING = re.compile(
    "|".join(
        re.escape(phrase[::-1]) + (r"(?![A-Za-z])" if phrase[0].isalpha() and phrase.isascii() else "")
        for phrase in sorted(QUALIFIER_PHRASES, key=len, reverse=True)
    ),
    re.IGNORECASE,
)
"""The qualifier phrases written backwards, longest first, each not after a letter (as ``_QUALIFIER_BEFORE``
of :mod:`.figures` has them): tried once, at the end of the words before a figure."""


def qualifier_start(text: str, start: int, left: int) -> int | None:
    """Where the qualifier that ends ``text[start:left]`` starts ("more than "), if one does.

    Its words end where the spaces before the figure begin: the longest phrase that ends
    there is the one a search for a phrase, spaces and the end finds, found reading backwards.

    Examples:
        >>> qualifier_start("It sold more than  ", 0, 19)
        8
    """
    words = text[start:left].rstrip()
    qualifier = _QUALIFIER_ENDING.match(words[::-1])
    return None if qualifier is None else start + len(words) - qualifier.end()
