"""Periods: separate types for separate meanings.

An :class:`AsOf` is a date a total runs up to (or a stock stands at); a
:class:`Span` runs from one partial date to another, inclusive; calendar years,
fiscal years, half-years and quarters are named periods; :class:`UnknownPeriod`
says the text gives none. Each keeps its granularity: a month stays a month.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import ClassVar

import attrs

from ._dates import PartialDate
from ._errors import ArgumentCheck, ArgumentTypeError, PeriodError

__all__ = [
    "AsOf",
    "CalendarYear",
    "FiscalYear",
    "HalfYear",
    "PartialDate",
    "Period",
    "PeriodRelation",
    "Quarter",
    "Span",
    "UnknownPeriod",
]


class PeriodRelation(enum.Enum):
    """How one period stands to another."""

    EQUAL = "equal"
    CONTAINS = "contains"
    WITHIN = "within"
    OVERLAPS = "overlaps"
    BEFORE = "before"
    AFTER = "after"
    UNKNOWN = "unknown"
    """At least one bound needed to decide is not stated."""

    def __repr__(self) -> str:
        return f"PeriodRelation.{self.name}"

    @property
    def disjoint(self) -> bool:
        """True when the periods share no day."""
        return self in (PeriodRelation.BEFORE, PeriodRelation.AFTER)


class Period:
    """What every period has: ``start`` and ``end`` (dates, or ``None`` when unknown).

    ``str()`` is the readable form ("30 Sep 2020"), :meth:`iso` the canonical one
    that :func:`esgclaims.parse_period` reads back.
    """

    __slots__ = ()
    kind: ClassVar[str]

    @property
    def start(self) -> dt.date | None:
        """The first day of the period, ``None`` when not stated."""
        raise NotImplementedError

    @property
    def end(self) -> dt.date | None:
        """The last day of the period (inclusive), ``None`` when not stated."""
        raise NotImplementedError

    def iso(self) -> str:
        """The canonical form, read back by :func:`esgclaims.parse_period`."""
        raise NotImplementedError

    def relation(self, other: Period) -> PeriodRelation:
        """How this period stands to ``other``.

        Examples:
            >>> Span(PartialDate(2019, 9), PartialDate(2021, 2)).relation(CalendarYear(2020))
            PeriodRelation.CONTAINS
            >>> AsOf(PartialDate(2020, 9, 30)).relation(CalendarYear(2020))
            PeriodRelation.UNKNOWN
        """
        if not isinstance(other, Period):
            raise ArgumentTypeError(f"expected a Period, got {type(other).__name__}")
        if self == other and not isinstance(self, UnknownPeriod):
            return PeriodRelation.EQUAL
        a0, a1, b0, b1 = self.start, self.end, other.start, other.end
        if a1 is not None and b0 is not None and a1 < b0:
            return PeriodRelation.BEFORE
        if b1 is not None and a0 is not None and b1 < a0:
            return PeriodRelation.AFTER
        if None in (a0, a1, b0, b1):
            return PeriodRelation.UNKNOWN
        assert a0 is not None and a1 is not None and b0 is not None and b1 is not None  # noqa: S101, PT018
        if (a0, a1) == (b0, b1):
            return PeriodRelation.EQUAL
        if a0 <= b0 and b1 <= a1:
            return PeriodRelation.CONTAINS
        if b0 <= a0 and a1 <= b1:
            return PeriodRelation.WITHIN
        return PeriodRelation.OVERLAPS

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.iso()!r})"


def _check_date(where: str) -> ArgumentCheck:
    return ArgumentCheck((PartialDate, type(None)), where=where, what="an esgclaims.PartialDate or None")


@attrs.frozen(repr=False)
class AsOf(Period):
    """A total up to a date, or a stock at a date: "as of Sept. 30, 2020", "since 2016".

    Examples:
        >>> p = AsOf(PartialDate(2020, 9, 30))
        >>> str(p), p.start, p.end
        ('as of 30 Sep 2020', None, datetime.date(2020, 9, 30))
        >>> str(AsOf(since=PartialDate(2016)))
        'since 2016'
    """

    kind: ClassVar[str] = "as_of"
    date: PartialDate | None = attrs.field(default=None, validator=_check_date("AsOf(): date"))
    since: PartialDate | None = attrs.field(default=None, kw_only=True, validator=_check_date("AsOf(): since"))

    def __attrs_post_init__(self) -> None:
        if self.date is None and self.since is None:
            raise PeriodError(
                "an as-of period needs a date, a since date, or both",
                text=None,
                hint="AsOf(date), AsOf(since=date) or both",
            )
        if self.date is not None and self.since is not None and self.date.last < self.since.first:
            raise PeriodError(
                f"as of {self.date.iso()} is before since {self.since.iso()}",
                text=self.date.iso(),
                hint=f"a date on or after {self.since.iso()}",
            )

    @property
    def start(self) -> dt.date | None:
        return None if self.since is None else self.since.first

    @property
    def end(self) -> dt.date | None:
        return None if self.date is None else self.date.last

    def iso(self) -> str:
        parts = []
        if self.since is not None:
            parts.append(f"since {self.since.iso()}")
        if self.date is not None:
            parts.append(f"as of {self.date.iso()}")
        return " ".join(parts)

    def __str__(self) -> str:
        parts = []
        if self.since is not None:
            parts.append(f"since {self.since.human()}")
        if self.date is not None:
            parts.append(f"as of {self.date.human()}")
        return ", ".join(parts)


@attrs.frozen(repr=False)
class Span(Period):
    """From one partial date to another, both included: "from September 2019 to February 2021".

    Examples:
        >>> s = Span(PartialDate(2019, 9), PartialDate(2021, 2))
        >>> str(s), s.start, s.end
        ('Sep 2019 – Feb 2021', datetime.date(2019, 9, 1), datetime.date(2021, 2, 28))
    """

    kind: ClassVar[str] = "span"
    first: PartialDate
    last: PartialDate

    def __attrs_post_init__(self) -> None:
        for name in ("first", "last"):
            if not isinstance(getattr(self, name), PartialDate):
                got = getattr(self, name)
                raise ArgumentTypeError(f"Span({name}): expected a PartialDate, got {type(got).__name__} ({got!r})")
        if self.last.last < self.first.first:
            raise PeriodError(
                f"span ends ({self.last.iso()}) before it starts ({self.first.iso()})",
                text=f"{self.first.iso()} to {self.last.iso()}",
                hint=f"an end on or after {self.first.iso()}",
            )

    @classmethod
    def single(cls, when: PartialDate) -> Span:
        """One year, month or day."""
        return cls(when, when)

    @property
    def start(self) -> dt.date:
        return self.first.first

    @property
    def end(self) -> dt.date:
        return self.last.last

    def iso(self) -> str:
        if self.first == self.last and self.first.granularity != "year":
            return self.first.iso()
        return f"{self.first.iso()} to {self.last.iso()}"

    def __str__(self) -> str:
        if self.first == self.last:
            return self.first.human()
        return f"{self.first.human()} – {self.last.human()}"


@attrs.frozen(repr=False)
class CalendarYear(Period):
    """A calendar year: "In 2020".

    Examples:
        >>> str(CalendarYear(2020)), CalendarYear(2020).end
        ('2020', datetime.date(2020, 12, 31))
    """

    kind: ClassVar[str] = "year"
    year: int = attrs.field()

    @year.validator
    def _check_year(self, _: attrs.Attribute[int], value: int) -> None:
        PartialDate(value)

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 1, 1)

    @property
    def end(self) -> dt.date:
        return dt.date(self.year, 12, 31)

    def iso(self) -> str:
        return f"{self.year:04d}"

    def __str__(self) -> str:
        return self.iso()


@attrs.frozen(repr=False)
class FiscalYear(Period):
    """A fiscal year, named as the report names it, with its first month when stated.

    Without ``first_month`` its bounds are unknown: "FY2022" alone does not say
    whether it ran April 2021 to March 2022, or April 2022 to March 2023.

    Examples:
        >>> FiscalYear(2022).start is None
        True
        >>> fy = FiscalYear(2022, first_month=PartialDate(2021, 4))
        >>> str(fy), fy.start, fy.end
        ('FY2022 (Apr 2021 – Mar 2022)', datetime.date(2021, 4, 1), datetime.date(2022, 3, 31))
    """

    kind: ClassVar[str] = "fiscal_year"
    year: int
    first_month: PartialDate | None = attrs.field(
        default=None, kw_only=True, validator=_check_date("FiscalYear(): first_month")
    )

    def __attrs_post_init__(self) -> None:
        PartialDate(self.year)
        if self.first_month is not None:
            if self.first_month.granularity != "month":
                raise PeriodError(
                    f"a fiscal year starts at a month, got {self.first_month.iso()}",
                    text=self.first_month.iso(),
                    hint="a month, e.g. PartialDate(2021, 4)",
                )
            if self.first_month.year not in (self.year - 1, self.year):
                raise PeriodError(
                    f"FY{self.year} cannot start in {self.first_month.iso()}: "
                    "a fiscal year is named by the calendar year it starts or ends in",
                    text=self.first_month.iso(),
                    hint=f"a first month in {self.year - 1} or {self.year}",
                )
            if self.first_month.year == 9999 and self.first_month.month != 1:
                raise PeriodError(
                    f"FY{self.year} from {self.first_month.iso()} would end after the year 9999",
                    text=self.first_month.iso(),
                    hint="a fiscal year that ends by 9999-12",
                )

    @property
    def start(self) -> dt.date | None:
        return None if self.first_month is None else self.first_month.first

    @property
    def end(self) -> dt.date | None:
        if self.first_month is None:
            return None
        from dateutil.relativedelta import relativedelta  # noqa: PLC0415 - lazily: keeps import time low

        last: dt.date = self.first_month.first + relativedelta(years=1, days=-1)
        return last

    @property
    def _last_month(self) -> PartialDate | None:
        end = self.end
        return None if end is None else PartialDate(end.year, end.month)

    def iso(self) -> str:
        if self.first_month is None:
            return f"FY{self.year:04d}"
        assert self._last_month is not None  # noqa: S101
        return f"FY{self.year:04d} ({self.first_month.iso()} to {self._last_month.iso()})"

    def __str__(self) -> str:
        if self.first_month is None:
            return f"FY{self.year:04d}"
        assert self._last_month is not None  # noqa: S101
        return f"FY{self.year:04d} ({self.first_month.human()} – {self._last_month.human()})"


@attrs.frozen(repr=False)
class HalfYear(Period):
    """The first or second half of a calendar year: "H1 2022".

    Examples:
        >>> HalfYear(2022, 1).end
        datetime.date(2022, 6, 30)
    """

    kind: ClassVar[str] = "half_year"
    year: int
    half: int = attrs.field()

    @half.validator
    def _check_half(self, _: attrs.Attribute[int], value: int) -> None:
        if value not in (1, 2):
            raise PeriodError(f"a half-year is 1 or 2, got {value}", text=str(value), hint="1 or 2")

    def __attrs_post_init__(self) -> None:
        PartialDate(self.year)

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 1 if self.half == 1 else 7, 1)

    @property
    def end(self) -> dt.date:
        return dt.date(self.year, 6, 30) if self.half == 1 else dt.date(self.year, 12, 31)

    def iso(self) -> str:
        return f"H{self.half} {self.year:04d}"

    def __str__(self) -> str:
        return self.iso()


@attrs.frozen(repr=False)
class Quarter(Period):
    """A calendar quarter: "Q3 2020".

    Examples:
        >>> Quarter(2020, 3).start, Quarter(2020, 3).end
        (datetime.date(2020, 7, 1), datetime.date(2020, 9, 30))
    """

    kind: ClassVar[str] = "quarter"
    year: int
    quarter: int = attrs.field()

    @quarter.validator
    def _check_quarter(self, _: attrs.Attribute[int], value: int) -> None:
        if value not in (1, 2, 3, 4):
            raise PeriodError(f"a quarter is 1 to 4, got {value}", text=str(value), hint="1, 2, 3 or 4")

    def __attrs_post_init__(self) -> None:
        PartialDate(self.year)

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 3 * self.quarter - 2, 1)

    @property
    def end(self) -> dt.date:
        return PartialDate(self.year, 3 * self.quarter).last

    def iso(self) -> str:
        return f"Q{self.quarter} {self.year:04d}"

    def __str__(self) -> str:
        return self.iso()


@attrs.frozen(repr=False)
class UnknownPeriod(Period):
    """The text states no period. It relates to nothing: every relation is unknown.

    Examples:
        >>> UnknownPeriod().relation(UnknownPeriod())
        PeriodRelation.UNKNOWN
    """

    kind: ClassVar[str] = "unknown"

    @property
    def start(self) -> None:
        return None

    @property
    def end(self) -> None:
        return None

    def iso(self) -> str:
        return "unknown"

    def __str__(self) -> str:
        return "period not stated"
