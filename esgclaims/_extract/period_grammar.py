"""What the period phrase rules are written in: their words, their pattern fragments, and the row they fill.

The rows themselves, each next to the reader that builds its periods, are in
:mod:`esgclaims._extract.period_rules`; the finder that tries them, in
:mod:`esgclaims._extract.period_phrases`.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from datetime import timedelta

import attrs

from esgclaims._errors import PeriodError
from esgclaims._lexicon import alternation, lexicon, month_pattern
from esgclaims._parse_period import fiscal_label
from esgclaims._periods import FiscalYear, PartialDate, Period

__all__ = ["EXAMPLE_PUBLISHED", "PhraseRule", "PublishedReader", "Reader", "Role"]

# ---- Words, from the lexicon (esgclaims/data/lexicon.toml) --------------------------------------------------------
_WORDS = lexicon()
MONTH = rf"(?:{month_pattern()})\.?"
MONTH_NUMBERS = {name[:3]: number for name, number in _WORDS.months.items()}
"""A month's number by the first three letters of any of its names: "sep" for "Sept." and "September"."""
_SMALL_COUNTS = {word: n for word, n in _WORDS.numbers.items() if 2 <= n <= 11}
COUNT = rf"(?:{alternation([*_SMALL_COUNTS, *(str(n) for n in range(2, 12))])})"
COUNTS = (
    _SMALL_COUNTS
    | {w: n for w, n in _WORDS.numbers.items() if n == 12}
    | {digit: n for digit, n in _WORDS.zh_digits.items() if n <= 3}
)
ORDINALS = {word: n for word, n in _WORDS.ordinals.items() if n <= 4}
QUARTER_ORDINAL = alternation(ORDINALS)
"""first to fourth, 1st to 4th: "the third quarter"."""
_QUARTER_WORD = alternation(word for word in ORDINALS if word.isalpha())
HALF_ORDINAL = alternation(word for word, n in ORDINALS.items() if n <= 2)
_HALF_WORD = alternation(word for word, n in ORDINALS.items() if n <= 2 and word.isalpha())
TWELVE = alternation(word for word, n in _WORDS.numbers.items() if n == 12)
ENDED = alternation(_WORDS.ended)
_CN_AIM_WORDS = _WORDS.zh_aims
"""Words after which 到 means "by" before a year: "力争到2025年"."""
# ---------------------------------------------------------------------------------------------------------------------

YEAR = r"(?<![\d,.])(?:19|20)\d{2}(?!\d|,\d)"
DAY = r"\d{1,2}(?:st|nd|rd|th)?"
CN_DATE = rf"{YEAR}\s*年(?:\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*日)?)?"
DAY_DATE = rf"(?:{MONTH}\s+{DAY},?\s+{YEAR}|{DAY}\s+{MONTH},?\s+{YEAR}|{YEAR}-\d{{2}}-\d{{2}})"
DATE = rf"(?:{DAY_DATE}|{CN_DATE}|{MONTH},?\s+{YEAR}|{YEAR})"
IN = r"(?:(?:in|during|for|over|throughout|across|within)\s+)"
TAIL_YEAR = r"(?:19|20)\d{2}"
SPLIT = rf"(?:\s*[/\-\u2013]\s*(?:{TAIL_YEAR}|\d{{2}})(?![\d%]))?"
"""The second year of a split fiscal year, "FY2023/24" or "FY2023-2024", when the reader does not need it."""


def split_year_group(name: str) -> str:
    """The second year of a split fiscal year, "FY2023/24" or "FY2023-2024", as the group ``name``."""
    return rf"(?:\s*[/\-\u2013]\s*(?P<{name}>{TAIL_YEAR}|\d{{2}})(?![\d%]))?"


#: What a year ended may be named in parentheses: "("FY2024")", "(FY2023/24)", "("H1 2024")".
ALIAS = r"(?:\s*\(\s*[\"“'\u2018]?\s*(?P<alias>[A-Za-z0-9][A-Za-z0-9 /\-\u2013]{0,14}?)\s*[\"”'\u2019]?\s*\))?"
#: The name in such an alias when it names a fiscal year.
FY_ALIAS = (
    rf"(?:FY\s?|fiscal\s+(?:year\s+)?|financial\s+year\s+)(?P<name>{TAIL_YEAR}|\d{{2}}){split_year_group('tail')}"
)
#: The year of "FY2024", or of "FY24" (read only when the text says which century its two-digit years are in).
FY_YEAR = rf"(?:{YEAR}|(?<!\d)\d{{2}}(?!\d|,\d|%))"
PREVIOUS_YEAR = (
    r"a\s+year\s+(?:earlier|before|ago)|the\s+(?:previous|prior|preceding)\s+(?:fiscal\s+|financial\s+)?year"
)
#: Part of a year, spelled out: "the third quarter of 2022", "the first half of 2022", "the first nine months of 2023".
PART_OF_YEAR = (
    rf"(?:the\s+)?(?:(?P<part_quarter>{_QUARTER_WORD})\s+quarter|(?P<part_half>{_HALF_WORD})\s+half"
    rf"|first\s+(?P<part_months>{COUNT})\s+months|first\s+(?P<part_quarters>two|three|2|3)\s+quarters)"
    rf"\s+(?:of\s+)?(?:the\s+year\s+)?(?P<part_year>{YEAR})"
)
#: Where 到 means "by" before a year: opening a clause, or after "aim to" (力争到2025年), not in 达到 or 受到.
CN_BY = "(?:(?<![\u4e00-\u9fff])|" + "|".join(f"(?<={word})" for word in _CN_AIM_WORDS) + ")"
WEEKS = r"(?:52|53|fifty-two|fifty-three)[- ]weeks?"
"""A retailer's year of 52 or 53 weeks: "the 53-week period ended January 28, 2023", "the 52 weeks ended ..."."""
UNREADABLE_AFTER = r"\s+(?:academic|school|harvest|crop|reporting|budget|planting)\s+(?:year|season|period|cycle)s?\b"


class Role(enum.Enum):
    """What a period phrase does in its sentence."""

    STATED = "stated"
    """A period the text states: "as of Sept. 30, 2020", "In 2020"."""
    THE_YEAR = "the_year"
    """ "during the year": the year of the period in context."""
    YEAR_END = "year_end"
    """ "at the end of the fiscal year": the last day of the period in context."""
    PREVIOUS = "previous"
    """ "a year earlier": the period in context, a year back."""
    BLOCK = "block"
    """A period the model cannot hold ("the 2021 academic year") or relative to an unstated date ("up to now")."""
    EVENT = "event"
    """The date of an event ("founded in 1998"): no period of a figure, but one the event comes with
    ("set up in 2019 with HK$100 million")."""
    END_OF = "end_of"
    """ "by FY2030": the last day of a period, when the text's fiscal years say which it is."""
    COMPARE = "compare"
    """What a change compares with: "compared with FY2022", "from the previous year"."""
    CONVENTION = "convention"
    """A definition of the fiscal year ("fiscal year ends on 31 December")."""
    PART = "part"
    """ "in the second half", "the first quarter": that part of the year in context, or of the year reported on."""
    WINDOW = "window"
    """A stretch of time back from the figure's date ("within the past three years"): no period of its own,
    unless its sentence states none before it and the source gives a publication date to count from."""
    PUBLISHED = "published"
    """Relative to the publication date ("to date", "this year"): read against the source's, else no period."""


Reader = Callable[[re.Match[str], int | None], tuple[Period, ...]]
"""Builds the periods a rule's match states; given the century of the text's two-digit fiscal years, if it names one.
Raises :class:`esgclaims.PeriodError` when the words name no period the model can hold."""
PublishedReader = Callable[[re.Match[str], PartialDate], tuple[Period, ...]]
"""Builds the periods of a phrase relative to the publication date ("over the past three years"), given that date.
Raises :class:`esgclaims.PeriodError` when the words name no stretch of time it can count."""
EXAMPLE_PUBLISHED = PartialDate(2024, 9, 12)
"""The publication date the examples of a row with a :data:`PublishedReader` are read against: 12 September 2024."""


def _compile(rule: PhraseRule) -> re.Pattern[str]:
    return re.compile(rf"(?<![A-Za-z0-9_$]){rule.pattern}", re.IGNORECASE)


@attrs.frozen
class PhraseRule:
    """A kind of period phrase: its pattern, its role, how its periods are read, and examples of it.

    Examples:
        >>> from esgclaims._extract.period_rules import RULES
        >>> rule = RULES[0]
        >>> rule.name, rule.role, rule.examples[0]
        ('months ended', <Role.STATED: 'stated'>, ('the year ended 31 March 2024', 'FY2024 (2023-04 to 2024-03)'))
    """

    name: str
    pattern: str
    """The rule's own regular expression, read case-insensitively, never just after a letter or digit."""
    role: Role
    read: Reader
    examples: tuple[tuple[str, str], ...]
    """Texts with one phrase this rule takes, each with the ISO form of the periods it reads ("; " between two
    periods, "" for none), as published on :data:`EXAMPLE_PUBLISHED`."""
    drop_unreadable: bool = False
    """Whether a match whose period cannot be read is no phrase at all; otherwise it blocks ("FY24" in a text
    that does not say which century)."""
    published: PublishedReader | None = None
    """How its periods are read against the source's publication date, for a phrase relative to it; without
    that date such a phrase has none (never today's)."""
    regex: re.Pattern[str] = attrs.field(
        init=False, repr=False, eq=False, default=attrs.Factory(_compile, takes_self=True)
    )


def month_end(date: PartialDate) -> PartialDate:
    """The last day of the month a year of 52 or 53 weeks ends with, by its months.

    Such a year ends on a weekday near the end of a month: up to a week before it
    ("January 28, 2023") or a week into the next ("3 February 2024" ends a year of
    February to January). Any other date is left as it is.
    """
    if date.month is None or date.day is None:
        return date
    last = PartialDate(date.year, date.month).last
    if date.day <= 7:
        return PartialDate.of(date.first.replace(day=1) - timedelta(days=1))
    if last.day - date.day <= 6:
        return PartialDate.of(last)
    return date


def full_year(year: str, near: int) -> str:
    """A year of a name as four digits: "24" in "FY24" for a year ended in 2024, read with that date's century."""
    if len(year) == 4:
        return year
    for candidate in (near, near - 1, near + 1):
        if candidate % 100 == int(year):
            return str(candidate)
    raise PeriodError(f"'FY{year}' names no year near {near}", text=f"FY{year}", hint="the year in four digits")


def year_in_century(year: str, century: int | None) -> str:
    """The year of "FY2024" or "FY24", in four digits; a two-digit one only in the century the text names."""
    if len(year) == 4:
        return year
    if century is None:
        raise PeriodError(f"two-digit fiscal year 'FY{year}' is ambiguous", text=f"FY{year}", hint="FY and 4 digits")
    return f"{century + int(year):04d}"


def read_nothing(_match: re.Match[str], _century: int | None) -> tuple[Period, ...]:
    """The reader of a phrase that states no period of its own: "during the year", "a year earlier"."""
    return ()


def read_fiscal_year(match: re.Match[str], century: int | None) -> tuple[Period, ...]:
    """ "FY2024", "FY2023/24", "fiscal year 2024", "the 2024 fiscal year"; "FY24" in the century the text names."""  # noqa: D210
    return (FiscalYear(fiscal_label(year_in_century(match["year"], century), match["tail"], match.group())),)
