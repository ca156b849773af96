"""Which period each figure of a text has: from its sentence, its paragraph or its section.

A figure takes, in order: the period phrase after it in its clause ("RMB 200
million in 2020"); the nearest one before it in its sentence ("As of Sept. 30,
2020, ..."); one its sentence states after it, past the commas of a list but not
past another figure or a clause of its own ("US$38.6 million in electrification,
charging and efficiency in FY2024"); in a target, the date its sentence sets later
("which will cost US$12 million, ... by 2026"); the period that framed an earlier
sentence of its paragraph; the period of the line that introduces its list; the
period of its section's heading. A heading or a list's opening line with no period
of its own may set a deadline ("By FY2030, we aim to:"): the last day of that fiscal
year; "By 2028, the company aims to:" sets 2028, also as the short last sentence of a
longer line. A title, a report's name ("its 2022 ESG Report") and an event's date ("founded
in 1998") set none; but a figure the event comes with, in its own clause, has the
event's date ("set up in 2019 with HK$100 million"). "Respectively" pairs figures and
periods in order.

"During the year", "during the half" and "in the period" are read against the period
in context, else against the period the text reports on: a period ended it names
("For the year ended 31 March 2024"), a period it says it covers ("This report
covers FY2023/24"), or the period its opening paragraph gives results for
("publishes its update for H1 2024"); the latest one that fits. "The end of the year"
after a shorter period ("In May 2024, ...; by the end of the year") is the end of the
year that period falls in: one the text reports on, else its fiscal year when the text
says when those end, else its calendar year. "The second half" or "the first quarter"
with no year is that part of the same year ("In H1 2024, ...; EUR 45-55 million is
budgeted for the second half": H2 2024), else of the year of a period the text reports on.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING, NamedTuple

from esgclaims._lazy import compiled as rx
from esgclaims._lexicon import alternation, lexicon
from esgclaims._periods import (
    AsOf,
    CalendarYear,
    FiscalYear,
    HalfYear,
    PartialDate,
    Period,
    Quarter,
    Span,
    UnknownPeriod,
)

from .literals import ahead
from .period_phrases import FiscalConvention, PeriodPhrase, Role, apply_convention, deadline, shift_year, windows
from .sentences import BlockKind

if TYPE_CHECKING:
    from .changes import Shift
    from .figures import Mention

__all__ = ["Context", "Resolution"]

_I = re.IGNORECASE
_ASSIGNABLE = (Role.STATED, Role.THE_YEAR, Role.YEAR_END, Role.PREVIOUS, Role.BLOCK, Role.END_OF, Role.PART)
_TARGET = re.compile(
    r"\b(?:will|shall|aims?|aiming|targets?|targeting|plans?|planning|expects?|expected|commits?|committed|intends?"
    r"|goals?|pledged?|pledges|seeks?|strives?|ambition|is\s+to|are\s+to)\b",
    _I,
)
_TARGET = ahead(_TARGET)  # the same matches, skipped to by their first letters (literals.ahead)
"""Words of a target or a plan, whose date may come at the end of the sentence: "is expected to ... by 2026"."""
#: A period the figures fall in, not one they run from ("Since 2018, ... each month" is a standing rate).
_IN_PERIOD = re.compile(r"(?:in|during|for|over|throughout|from|between)\b", _I)
_RATE = re.compile(r"(?:each|every|per|a)\s+(?:year|month|week|day)|per\s+annum|annually|monthly|weekly|daily", _I)
"""A rate, not a period: "75 million patients a year", "2,900 GWh per year"."""
_BY = re.compile(r"(?:by|until|till|through)\b|(?:力争|争取|计划|预计|目标)?到", _I)
"""How a deadline opens: "By 2030", "by the end of FY2026", "到2030年"."""
_YEAR = re.compile(r"(?:during|in|for|over|throughout)\s+the\s+(?:fiscal\s+|financial\s+|reporting\s+)?year$", _I)
_PERIOD = re.compile(r"\bperiod$", _I)
_COMPARISON = re.compile(r"(?:compared\s+(?:with|to)|versus|vs\.?|than|up\s+from|down\s+from|from)\s+$", _I)
_COMPARISON = ahead(_COMPARISON)


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

    def __init__(self, text: str, convention: FiscalConvention | None, opening: int | None) -> None:
        self.text = text
        self.convention = convention
        self.opening = opening
        """The index of the text's opening paragraph, the block that says what the text reports on."""
        self.section: _Frame | None = None
        self.listing: _Frame | None = None
        self.carry: _Frame | None = None
        self.reporting: list[_Frame] = []
        """The periods the text reports on, in order: its opening paragraph's, each year ended it names."""
        self.block = -1
        self._fiscal_periods: dict[Period, Period] = {}

    def enter(self, block: int, kind: BlockKind, phrases: list[PeriodPhrase]) -> None:
        """Start a new sentence of the text, and a new block (line) when it is the first of one."""
        for phrase in phrases if kind is not BlockKind.TITLE else ():  # a title sets no period
            if self._reports_on(phrase, opening=block == self.opening):
                reported = _Frame(self._fiscal(phrase.periods[0]), phrase.text)
                if reported not in self.reporting:
                    self.reporting.append(reported)
        if block == self.block:
            return
        self.block = block
        self.carry = None
        frame = self._line_frame(windows(phrases))  # "In the next five years, we will:" frames its list
        if kind is BlockKind.HEADING:
            self.section = frame
        elif kind is BlockKind.TITLE:
            self.section = None
        if kind is BlockKind.LIST_INTRO:
            self.listing = frame
        elif kind is not BlockKind.ITEM:
            self.listing = None

    def _line_frame(self, phrases: list[PeriodPhrase]) -> _Frame | None:
        """The period a heading or a list's opening line sets: the one it states, else the deadline it sets.

        "Targets for FY2030:" frames its items with FY2030; "By FY2030, we aim to:" with the
        last day of FY2030, when the text says when its fiscal years end.
        """
        stated = next((p for p in phrases if p.role is Role.STATED and len(p.periods) == 1), None)
        if stated is not None:
            return _Frame(self._fiscal(stated.periods[0]), stated.text)
        deadline = next((p for p in phrases if p.role is Role.END_OF and len(p.periods) == 1), None)
        if deadline is None:
            return None
        end = self._fiscal(deadline.periods[0]).end
        return _Frame(None if end is None else AsOf(PartialDate.of(end)), deadline.text)

    def resolve(
        self, text: str, mentions: list[Mention], shifts: list[Shift | None], phrases: list[PeriodPhrase],
        clauses: list[int],
    ) -> list[Resolution]:  # fmt: skip
        """The period of each mention of one sentence, then what the sentence passes on to the next."""
        phrases = windows(phrases)
        phrases = self._rates(text, phrases, clauses)
        paired = self._respectively(text, mentions, phrases)
        baselines = {self._baseline_phrase(m, s, phrases, clauses) for m, s in zip(mentions, shifts, strict=True)}
        usable = [p for i, p in enumerate(phrases) if p.role in _ASSIGNABLE and i not in baselines]
        comparisons: set[int] = set()
        results: list[Resolution] = []
        first_frame: _Frame | None = None
        targeted: bool | None = None  # whether the sentence states a target: searched once, when a figure asks
        for index, (mention, shift) in enumerate(zip(mentions, shifts, strict=True)):
            end = mention.end if shift is None else max(mention.end, shift.end)
            clause_end = clauses[bisect_right(clauses, mention.start)]
            event = _event(text, mention, phrases, clauses)
            if event is not None:  # "set up in 2019 with HK$100 million": the event's date, framing nothing else
                results.append(self._compare(Resolution(event.periods[0], event.text), shift, None))
                continue
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
                if phrase is None:
                    phrase = _later(text, mentions, end, usable, comparisons)
                if phrase is None and targeted is None:
                    targeted = _TARGET.search(text, clauses[0], clauses[-1]) is not None
                if phrase is None and targeted:
                    # "which will cost US$12 million, ... by the end of FY2026": the target's date
                    later = [p for p in usable if p.start >= end and deadline(p) and id(p) not in comparisons]
                    phrase = later[0] if later else None
            resolution, frame = self._read(phrase, text, usable, mention.start)
            resolution = _year_before(text, mention, phrase, results) or resolution
            if index == 0:
                first_frame = frame
            at = self._baseline_phrase(mention, shift, phrases, clauses)
            compared = None if at is None or at not in baselines else phrases[at]
            results.append(self._compare(resolution, shift, compared))
        self._pass_on(mentions, first_frame, usable)
        return results

    def _rates(self, text: str, phrases: list[PeriodPhrase], clauses: list[int]) -> list[PeriodPhrase]:
        """Without "a year" when a target sets a deadline: "reach 75 million patients a year by 2030" is as of 2030.

        "a year", "per year" and "annually" make a figure a rate, and block any period of the
        context ("generates 2,900 GWh per year once operational" is no figure of the year in
        context); but a target's deadline, in its sentence or on the line that opens its list
        ("By 2030, we aim to:"), is the date the rate is to be reached by. So is a period the
        sentence states before the rate.
        """
        rates = [p for p in phrases if p.role is Role.BLOCK and _RATE.fullmatch(p.text)]
        if not rates:
            return phrases
        if any(
            p.role is Role.STATED and len(p.periods) == 1 and p.end <= rates[0].start and _IN_PERIOD.match(p.text)
            for p in phrases
        ):
            # "In FY2023, 38,600 households received broadband at HK$68 a month": the sentence states
            # its period before the rate, and the rate only says how often the price is paid
            return [p for p in phrases if p not in rates]
        frame = self.listing or self.carry or self.section
        framed = frame is not None and isinstance(frame.period, AsOf) and bool(_BY.match(frame.phrase))
        stated = _TARGET.search(text, clauses[0], clauses[-1]) and any(
            deadline(p) and _BY.match(p.text) for p in phrases
        )
        if not framed and not stated:
            return phrases
        return [p for p in phrases if not (p.role is Role.BLOCK and _RATE.fullmatch(p.text))]

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
            return Resolution(stated_period, phrase.text), _Frame(stated_period, phrase.text)
        if phrase.role is Role.END_OF:
            end = self._fiscal(phrase.periods[0]).end
            return Resolution(UnknownPeriod() if end is None else AsOf(PartialDate.of(end)), phrase.text), None
        stated = [p for p in usable if p.role is Role.STATED and p.end <= position and len(p.periods) == 1]
        frame = _Frame(self._fiscal(stated[-1].periods[0]), stated[-1].text) if stated else None
        frame = frame or self.listing or self.carry or self.section
        context = None if frame is None else frame.period
        if phrase.role is Role.PART:  # "budgeted for the second half": of the year in context, or reported on
            part = self._part(phrase.text, context)
            return Resolution(part or UnknownPeriod(), phrase.text), None if part is None else _Frame(part, phrase.text)
        if context is not None and (phrase.role is Role.YEAR_END or _YEAR.search(phrase.text)):
            # "In May 2024, ...; by the end of the year": 2024's last day; "At 30 June 2024, ...; during the
            # year": the fiscal year that date falls in
            context = self._year_of(context)
        period = _relative(phrase, context)
        if period is None and phrase.role in (Role.THE_YEAR, Role.YEAR_END):
            # "during the year": the year the text reports on, the latest one that fits; "in the reporting
            # period" the first, which the text opens with, not a quarter ended it names later
            frames = self.reporting if _PERIOD.search(phrase.text) else reversed(self.reporting)
            years = (self._year_of(f.period) if _YEAR.search(phrase.text) else f.period for f in frames if f.period)
            period = next((p for year in years if (p := _relative(phrase, year)) is not None), None)
        if period is not None and phrase.role is Role.THE_YEAR:
            return Resolution(period, phrase.text), _Frame(period, phrase.text)
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
        # "6% lower than a year earlier", "3.5% less than in 2021", "9% below 2022": compared with what follows
        basis = rx(r"^(?:than(?:\s+(?:in|during|for)\b)?|below\b|above\b)", _I).sub("compared with", phrase.text)
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
            if len(phrase.periods) < 2 or not rx(r"\s*,?\s*respectively\b", _I).match(text, phrase.end):
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

    def _reports_on(self, phrase: PeriodPhrase, *, opening: bool) -> bool:
        """Whether a phrase names the period the text reports on.

        A period ended does ("For the year ended 31 March 2024"), and so does a period a
        text says it covers ("This report covers FY2023/24"); in the opening paragraph,
        also the period of its results ("publishes its results for the third quarter of 2023").
        A title does not, nor a date a figure stands at ("By 31 December 2022, ...").
        """
        if phrase.role is not Role.STATED or len(phrase.periods) != 1:
            return False
        before = rx(r"[.!?]\s").split(self.text[max(0, phrase.start - 60) : phrase.start])[-1]
        if _COVERS.search(before):
            return True  # "reports on the year ended ...": "on" introduces no baseline here
        if phrase.comparative:
            return False
        return bool(_ENDED.search(phrase.text) or (opening and _RESULTS.search(before)))

    def _part(self, words: str, context: Period | None) -> Period | None:
        """A half or a quarter with no year ("the second half"): of the year in context, else of one reported on.

        "In H1 2024 we invested EUR 38.5 million, and EUR 45-55 million is budgeted for the
        second half": H2 2024. Without a period in context, the latest period the text
        reports on gives the year ("our update for the six months ended 30 June 2024").
        """
        if context is not None:  # not of a stretch of years ("between 2024 and 2026"): which year is unsaid
            first, last = context.start, context.end
            longer = first is not None and last is not None and (last - first).days > 366
            return None if longer else _part_of(words, self._year_of(context))
        years = (self._year_of(f.period) for f in reversed(self.reporting) if f.period is not None)
        return next((part for year in years if (part := _part_of(words, year)) is not None), None)

    def _year_of(self, period: Period) -> Period:
        """The year a period shorter than one falls in: one the text reports on, else its fiscal or calendar year."""
        end = period.end
        if end is None or _months(period) == 12 or isinstance(period, CalendarYear | FiscalYear):
            return period
        years = [f.period for f in reversed(self.reporting) if f.period is not None and _months(f.period) == 12]
        for year in years:
            if year.start is not None and year.end is not None and year.start <= end <= year.end:
                return year
        convention = self.convention
        if convention is None or convention.end_month == 12:
            return CalendarYear(end.year)
        ends_in = end.year if end.month <= convention.end_month else end.year + 1
        first = PartialDate(ends_in - 1, convention.end_month + 1)
        return FiscalYear(ends_in + (convention.offset or 0), first_month=first)

    def _fiscal(self, period: Period) -> Period:
        """The period with the months the text's fiscal years run: worked out once a period, not for each figure.

        A fiscal year is built anew with its checks (5 to 13 us); a report names the same few, again and again.
        """
        read = self._fiscal_periods.get(period)
        if read is None:
            read = self._fiscal_periods[period] = apply_convention(period, self.convention)
        return read


def _year_before(
    text: str, mention: Mention, phrase: PeriodPhrase | None, results: list[Resolution]
) -> Resolution | None:
    """ "64% at year-end, up from 52% a year earlier": a year before the figure the sentence compares it with.

    The earlier figure takes the kind of period of the one it is compared with: a
    year-end share gives the previous year-end, a year's flow the previous year, and a
    figure of no known period none.
    """  # noqa: D210
    if phrase is None or phrase.role is not Role.PREVIOUS or not results:
        return None
    if not _COMPARISON.search(text[max(0, mention.start - 20) : mention.start]):
        return None
    return Resolution(shift_year(results[-1].period) or UnknownPeriod(), phrase.text)


_JOINED = re.compile(
    r";|\uff1b|[,\uff0c]\s*(?:and|but|while|whereas|although|though|as|when|after|before|which|who|where|or)\b", _I
)
"""Between a figure and a period after it: a clause of its own ("…, while in 2022 …"), which the period frames."""


def _later(
    text: str, mentions: list[Mention], end: int, usable: list[PeriodPhrase], comparisons: set[int]
) -> PeriodPhrase | None:
    """The period a sentence states after a figure that has none before it, past commas of the same clause.

    "We invested US$38.6 million in fleet electrification, charging and energy efficiency in
    FY2024": the period frames the figure, unless another figure stands between them or a
    clause of their own opens between ("…, while in 2022 …").
    """
    for phrase in usable:
        if phrase.start < end or id(phrase) in comparisons:
            continue
        if any(end <= m.start < phrase.start for m in mentions) or _JOINED.search(text, end, phrase.start):
            return None
        stated = phrase.role is Role.STATED and len(phrase.periods) == 1 and not phrase.comparative
        if stated and not (isinstance(phrase.periods[0], AsOf) and phrase.periods[0].since is not None):
            return phrase
        if phrase.role in (Role.THE_YEAR, Role.YEAR_END, Role.PART):
            return phrase
        return None
    return None


_WITH = re.compile(
    r"\s+(?:with|at\s+a\s+cost\s+of|worth|backed\s+by)\s+(?:(?:an?|its|their)\s+(?:\w+\s+){0,2}?"
    r"(?:endowment|budget|investment|capital|fund(?:ing)?|grant|donation|headcount|staff|team|membership)"
    r"\s+of\s+)?$",
    _I,
)
"""Between an event and a figure it comes with: "set up in 2019 with", "founded in 1998 with an initial capital of"."""


def _event(text: str, mention: Mention, phrases: list[PeriodPhrase], clauses: list[int]) -> PeriodPhrase | None:
    """The event a figure comes with in its own clause: "the fund, set up in 2019 with HK$100 million, ..."."""
    first = clauses[bisect_right(clauses, mention.start) - 1]
    events = [p for p in phrases if p.role is Role.EVENT and len(p.periods) == 1 and first <= p.start < mention.start]
    dated = [p for p in events if isinstance(p.periods[0], CalendarYear | Span)]  # a year, a month or a day
    return next((p for p in dated if _WITH.match(text[p.end : mention.start])), None)


def _part_of(words: str, year: Period) -> Period | None:
    """ "the second half" of a calendar year, or of a fiscal year whose months the text gives."""  # noqa: D210
    match = rx(rf"({alternation(lexicon().ordinals)})\s+(half|quarter)", _I).search(words)
    if match is None:
        return None
    nth, half = lexicon().ordinals[match.group(1).lower()], match.group(2).lower() == "half"
    months = 6 if half else 3
    if nth * months > 12:
        return None  # "the third half"
    if isinstance(year, FiscalYear) and year.first_month is not None and year.first_month.month == 1:
        year = CalendarYear(year.first_month.year)  # a fiscal year of January to December
    if isinstance(year, CalendarYear):
        return HalfYear(year.year, nth) if half else Quarter(year.year, nth)
    start = year.first_month if isinstance(year, FiscalYear) else None
    if start is None or start.month is None:
        return None  # a fiscal year of unknown months, or a stretch longer than a year
    first = start.year * 12 + start.month - 1 + (nth - 1) * months
    last = first + months - 1
    return Span(PartialDate(first // 12, first % 12 + 1), PartialDate(last // 12, last % 12 + 1))


def _months(period: Period) -> int | None:
    """How many months a span of months (or a fiscal year, a calendar year) covers."""
    if isinstance(period, CalendarYear) or (isinstance(period, FiscalYear) and period.first_month is not None):
        return 12
    if not isinstance(period, Span) or period.first.month is None or period.last.month is None:
        return None
    return (period.last.year - period.first.year) * 12 + period.last.month - period.first.month + 1


_ENDED = re.compile(rf"\b(?:{alternation(lexicon().ended)})\b", _I)
_COVERS = re.compile(r"\b(?:covers?|covering|covered|relates?\s+to|reports?\s+on)\s+(?:the\s+)?$", _I)
_RESULTS = re.compile(
    r"\b(?:results?|update|report|review|performance|highlights|data|figures|disclosures?|statements?|summary"
    r"|progress)\s+(?:(?:for|of|on|in|over|covering)\s+)?(?:the\s+)?$",
    _I,
)


def _relative(phrase: PeriodPhrase, context: Period | None) -> Period | None:
    """Read "during the year", "during the half", "at the end of the fiscal year", "a year earlier" against a period."""
    if context is None:
        return None
    role = phrase.role
    if role is Role.PREVIOUS:
        return shift_year(context)
    if role is Role.THE_YEAR:
        return _the(phrase.text, context)
    end = context.end
    return None if end is None else AsOf(PartialDate.of(end))


def _the(words: str, context: Period) -> Period | None:
    """ "during the half" is the half-year in context, "in the period" any period, "during the year" its year."""  # noqa: D210
    noun = rx(r"(half|quarter|period|year)\W*$", _I).search(words)
    kind = "year" if noun is None else noun.group(1).lower()
    if kind == "period":
        return None if isinstance(context, AsOf) else context
    if kind == "half":
        return context if isinstance(context, HalfYear) or _months(context) == 6 else None
    if kind == "quarter":
        return context if isinstance(context, Quarter) else None
    if isinstance(context, CalendarYear | FiscalYear):
        return context
    end = context.end
    if isinstance(context, Span) and context.first.year == context.last.year:
        return CalendarYear(context.first.year)
    return None if end is None or (isinstance(context, AsOf) and context.date is None) else CalendarYear(end.year)
