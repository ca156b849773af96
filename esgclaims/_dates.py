"""Partial dates: a year, a month or a day, as precise as the text that states it.

"2020", "2020-09" and "2020-09-30" are three different dates: each keeps its
granularity, and its first and last day follow from it. :mod:`esgclaims._periods`
builds every period from them.
"""

from __future__ import annotations

import calendar
import datetime as dt

import attrs

from ._errors import ArgumentTypeError, PeriodError

__all__ = ["PartialDate"]

_MONTH_ABBR = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@attrs.frozen(order=False)
class PartialDate:
    """A date known to the year, the month or the day.

    Examples:
        >>> PartialDate(2019, 9)
        PartialDate('2019-09')
        >>> PartialDate(2019, 9).first, PartialDate(2019, 9).last
        (datetime.date(2019, 9, 1), datetime.date(2019, 9, 30))
        >>> print(PartialDate(2020, 9, 30).human())
        30 Sep 2020
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __attrs_post_init__(self) -> None:
        for name in ("year", "month", "day"):
            part = getattr(self, name)
            if (part is not None or name == "year") and (isinstance(part, bool) or not isinstance(part, int)):
                raise ArgumentTypeError(
                    f"PartialDate({name}): expected a whole number, got {type(part).__name__} ({part!r}); "
                    "read text with PartialDate.parse or parse_date"
                )
        if not 1 <= self.year <= 9999:
            raise PeriodError(f"impossible year {self.year}", text=str(self.year), hint="a year from 1 to 9999")
        if self.month is None and self.day is not None:
            raise PeriodError(
                "a day needs a month", text=str(self.day), hint="a month with the day, e.g. PartialDate(2020, 9, 30)"
            )
        if self.month is not None and not 1 <= self.month <= 12:
            raise PeriodError(
                f"impossible month {self.month} in {self.year}",
                text=f"{self.year:04d}-{self.month:02d}",
                hint="a month from 1 to 12",
            )
        if self.day is not None:
            assert self.month is not None  # noqa: S101 - checked above
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise PeriodError(
                    f"impossible date {self.year:04d}-{self.month:02d}-{self.day:02d}",
                    text=f"{self.year:04d}-{self.month:02d}-{self.day:02d}",
                    hint=f"a day from 1 to {last}",
                )

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

        Examples:
            >>> PartialDate.parse("2021-02")
            PartialDate('2021-02')
            >>> PartialDate.parse("2021-02-30")
            Traceback (most recent call last):
            ...
            esgclaims.PeriodError: impossible date 2021-02-30
        """
        parts = text.strip().split("-")
        if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
            raise PeriodError(
                f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {text!r}",
                text=text.strip(),
                hint="a date as YYYY, YYYY-MM or YYYY-MM-DD, e.g. '2020-09-30'",
            )
        if any(len(p) != 2 for p in parts[1:]):
            raise PeriodError(
                f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {text!r}",
                text=text.strip(),
                hint="a date as YYYY, YYYY-MM or YYYY-MM-DD, e.g. '2020-09-30'",
            )
        numbers = [int(p) for p in parts]
        return cls(*numbers)

    @classmethod
    def of(cls, day: dt.date) -> PartialDate:
        """A full date."""
        return cls(day.year, day.month, day.day)

    @property
    def granularity(self) -> str:
        """``"year"``, ``"month"`` or ``"day"``."""
        return "year" if self.month is None else "month" if self.day is None else "day"

    @property
    def first(self) -> dt.date:
        """The first day the partial date covers."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last(self) -> dt.date:
        """The last day the partial date covers."""
        if self.month is None:
            return dt.date(self.year, 12, 31)
        return dt.date(self.year, self.month, self.day or calendar.monthrange(self.year, self.month)[1])

    def iso(self) -> str:
        """``2019``, ``2019-09`` or ``2019-09-30``."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def human(self) -> str:
        """``2019``, ``Sep 2019`` or ``30 Sep 2019``."""
        if self.month is None:
            return str(self.year)
        if self.day is None:
            return f"{_MONTH_ABBR[self.month]} {self.year}"
        return f"{self.day} {_MONTH_ABBR[self.month]} {self.year}"

    def __repr__(self) -> str:
        return f"PartialDate({self.iso()!r})"
