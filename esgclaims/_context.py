"""Which period each figure of a text has: from its sentence, its paragraph or its section.

A figure takes, in order: the period phrase after it in its clause ("RMB 200
million in 2020"); the nearest one before it in its sentence ("As of Sept. 30,
2020, ..."); the period that framed an earlier sentence of its paragraph; the
period of the line that introduces its list; the period of its section's heading.
A title, a report's name ("its 2022 ESG Report") and an event's date ("founded in
1998") set none. "Respectively" pairs figures and periods in order.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from ._period_phrases import FiscalConvention, PeriodPhrase, Role, apply_convention, shift_year
from ._periods import AsOf, CalendarYear, FiscalYear, PartialDate, Period, Span, UnknownPeriod
from ._sentences import BlockKind

if TYPE_CHECKING:
    from ._changes import Shift
    from ._figures import Mention

__all__ = ["Context", "Resolution"]

_I = re.IGNORECASE
_ASSIGNABLE = (Role.STATED, Role.THE_YEAR, Role.YEAR_END, Role.PREVIOUS, Role.BLOCK, Role.END_OF)
_COMPARISON = re.compile(r"(?:compared\s+(?:with|to)|versus|vs\.?|than|up\s+from|down\s+from|from)\s+$", _I)


class Resolution(NamedTuple):
    """The period of a figure, the words it was read from, and for a change what it compares with."""

    period: Period
    phrase: str | None
    baseline: Period | None = None
    basis: str = ""


class _Frame(NamedTuple):
    """A period that frames what follows it, and its words; ``None`` period for a blocked one."""

    period: Period | None
    phrase: str


class Context:
    """Walks a text's blocks and sentences in order, keeping the periods that frame them."""

    def __init__(self, convention: FiscalConvention | None) -> None:
        self.convention = convention
        self.section: _Frame | None = None
        self.listing: _Frame | None = None
        self.carry: _Frame | None = None
        self.reporting: _Frame | None = None
        """The year the text reports on, when it defines one: "For the year ended 30 June 2024 ("FY2024")"."""
        self.block = -1

    def enter(self, block: int, kind: BlockKind, phrases: list[PeriodPhrase]) -> None:
        """Start a new block (line) of the text."""
        if block == self.block:
            return
        self.block = block
        self.carry = None
        stated = next((p for p in phrases if p.role is Role.STATED and len(p.periods) == 1), None)
        frame = None if stated is None else _Frame(self._fiscal(stated.periods[0]), stated.text)
        if kind is BlockKind.HEADING:
            self.section = frame
        elif kind is BlockKind.TITLE:
            self.section = None
        if kind is BlockKind.LIST_INTRO:
            self.listing = frame
        elif kind is not BlockKind.ITEM:
            self.listing = None

    def resolve(
        self, text: str, mentions: list[Mention], shifts: list[Shift | None], phrases: list[PeriodPhrase],
        clauses: list[int],
    ) -> list[Resolution]:  # fmt: skip
        """The period of each mention of one sentence, then what the sentence passes on to the next."""
        paired = self._respectively(text, mentions, phrases)
        baselines = {self._baseline_phrase(m, s, phrases, clauses) for m, s in zip(mentions, shifts, strict=True)}
        usable = [p for i, p in enumerate(phrases) if p.role in _ASSIGNABLE and i not in baselines]
        comparisons: set[int] = set()
        results: list[Resolution] = []
        first_frame: _Frame | None = None
        for index, (mention, shift) in enumerate(zip(mentions, shifts, strict=True)):
            end = mention.end if shift is None else max(mention.end, shift.end)
            clause_end = min(bound for bound in clauses if bound > mention.start)
            if index in paired:
                phrase: PeriodPhrase | None = paired[index]
            else:
                phrase = next((p for p in usable if end <= p.start < clause_end and len(p.periods) <= 1), None)
                if phrase is not None and _COMPARISON.search(text[max(0, mention.start - 20) : mention.start]):
                    comparisons.add(id(phrase))  # "compared with 31% in 2021": 2021 frames nothing else
                if phrase is None:
                    before = [p for p in usable if p.end <= mention.start and id(p) not in comparisons]
                    before = [p for p in before if p.role is not Role.PREVIOUS and len(p.periods) <= 1]
                    phrase = before[-1] if before else None
            resolution, frame = self._read(phrase, text, usable, mention.start)
            if index == 0:
                first_frame = frame
            at = self._baseline_phrase(mention, shift, phrases, clauses)
            compared = None if at is None or at not in baselines else phrases[at]
            results.append(self._compare(resolution, shift, compared))
        self._pass_on(mentions, first_frame, usable)
        return results

    def _read(
        self, phrase: PeriodPhrase | None, text: str, usable: list[PeriodPhrase], position: int
    ) -> tuple[Resolution, _Frame | None]:
        """The period a phrase gives (or the context, without one), and the frame it sets for the paragraph."""
        if phrase is None:
            frame = self.listing or self.carry or self.section
            if frame is None or frame.period is None:
                return Resolution(UnknownPeriod(), None if frame is None else frame.phrase), None
            return Resolution(frame.period, frame.phrase), None
        if phrase.role is Role.BLOCK:
            return Resolution(UnknownPeriod(), phrase.text), _Frame(None, phrase.text)
        if phrase.role is Role.STATED:
            stated_period = self._fiscal(phrase.periods[0])
            if re.search(r"\bended\b", phrase.text, _I):
                self.reporting = _Frame(stated_period, phrase.text)
            return Resolution(stated_period, phrase.text), _Frame(stated_period, phrase.text)
        if phrase.role is Role.END_OF:
            end = self._fiscal(phrase.periods[0]).end
            return Resolution(UnknownPeriod() if end is None else AsOf(PartialDate.of(end)), phrase.text), None
        stated = [p for p in usable if p.role is Role.STATED and p.end <= position and len(p.periods) == 1]
        frame = _Frame(self._fiscal(stated[-1].periods[0]), stated[-1].text) if stated else None
        frame = frame or self.listing or self.carry or self.section
        if frame is None and phrase.role in (Role.THE_YEAR, Role.YEAR_END):
            frame = self.reporting  # "during the year": the year the text reports on
        context = None if frame is None else frame.period
        period = None if context is None else _relative(phrase.role, context)
        return Resolution(period or UnknownPeriod(), phrase.text), None

    def _compare(self, resolution: Resolution, shift: Shift | None, phrase: PeriodPhrase | None) -> Resolution:
        """For a change: the period it compares with, from its phrase or a year before its own period."""
        if shift is None:
            return resolution
        if phrase is None:
            if shift.basis and not isinstance(resolution.period, UnknownPeriod):
                return resolution._replace(baseline=shift_year(resolution.period), basis=shift.basis)
            return resolution._replace(basis=shift.basis)
        baseline = self._fiscal(phrase.periods[0]) if phrase.periods else shift_year(resolution.period)
        # "6% lower than a year earlier", "3.5% less than in 2021": compared with what follows "than"
        basis = re.sub(r"^than(?:\s+(?:in|during|for)\b)?", "compared with", phrase.text, flags=_I)
        return resolution._replace(baseline=baseline, basis=basis)

    def _baseline_phrase(
        self, mention: Mention, shift: Shift | None, phrases: list[PeriodPhrase], clauses: list[int]
    ) -> int | None:
        """The index of the phrase a change compares with: "compared with FY2022", "over 2022"."""
        if shift is None:
            return None
        clause_end = min(bound for bound in clauses if bound > mention.start)
        for index, phrase in enumerate(phrases):
            if shift.end <= phrase.start < clause_end and (phrase.role is Role.COMPARE or phrase.comparative):
                return index
        return None

    def _respectively(self, text: str, mentions: list[Mention], phrases: list[PeriodPhrase]) -> dict[int, PeriodPhrase]:
        """ "grew 64% and 29% in 2020 and 2021 respectively": the n-th figure has the n-th period."""  # noqa: D210
        paired: dict[int, PeriodPhrase] = {}
        for phrase in phrases:
            if len(phrase.periods) < 2 or not re.match(r"\s*,?\s*respectively\b", text[phrase.end :], _I):
                continue
            before = [i for i, m in enumerate(mentions) if m.end <= phrase.start][-len(phrase.periods) :]
            if len(before) == len(phrase.periods):
                for index, period in zip(before, phrase.periods, strict=True):
                    paired[index] = phrase._replace(periods=(period,))
        return paired

    def _pass_on(self, mentions: list[Mention], first: _Frame | None, usable: list[PeriodPhrase]) -> None:
        """What frames the next sentence of the paragraph: the stated period of this one's first figure."""
        if mentions:
            if first is not None:
                self.carry = first
            return
        stated = next((p for p in usable if p.role is Role.STATED and len(p.periods) == 1), None)
        if stated is not None:
            self.carry = _Frame(self._fiscal(stated.periods[0]), stated.text)

    def _fiscal(self, period: Period) -> Period:
        return apply_convention(period, self.convention)


def _relative(role: Role, context: Period) -> Period | None:
    """Read "during the year", "at the end of the fiscal year", "a year earlier" against a stated period."""
    if role is Role.PREVIOUS:
        return shift_year(context)
    if role is Role.THE_YEAR:
        if isinstance(context, CalendarYear | FiscalYear):
            return context
        end = context.end
        if isinstance(context, Span) and context.first.year == context.last.year:
            return CalendarYear(context.first.year)
        return None if end is None or (isinstance(context, AsOf) and context.date is None) else CalendarYear(end.year)
    end = context.end
    return None if end is None else AsOf(PartialDate.of(end))
