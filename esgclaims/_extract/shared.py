"""Figures that share a unit: a bare figure counts what its neighbour counts.

"3,000 and 5,000 households", "640 electric buses, up from 455", "grew by 1,300
households to 9,600", "297 liters per person per day, down from 315 liters".
"""

from __future__ import annotations

import re

from esgclaims._lazy import compiled as rx
from esgclaims._lexicon import alternation, lexicon
from esgclaims._units import DIMENSIONLESS, count_kind_of

from .mentions import Mention, in_units, read_figure

__all__ = ["share_units"]

_I = re.IGNORECASE
#: The verbs of a change, either side: "rose", "fell", "grew" ...
_CHANGED = alternation(lexicon().changes["up_verbs"] + lexicon().changes["down_verbs"])


def share_units(text: str, mentions: list[Mention]) -> list[Mention]:
    """Give a bare figure the unit the text gives its neighbour.

    "3,000 and 5,000 households": the first counts what the second does. "640 electric
    buses, up from 455" and "grew by 1,300 households to 9,600": the second counts what
    the first does.
    """
    shared = list(mentions)
    for index in range(len(shared) - 1):
        first, second = shared[index], shared[index + 1]
        between = text[first.end : second.start]
        proposed = first.bare and not first.kind and second.bare and bool(second.kind)
        if proposed and rx(_SHARED_WITH_NEXT, _I).fullmatch(between):
            # "412 of our 3,860 buses", "3 and 5 kiosks": a proposed kind passes as a registered one does
            shared[index] = first._replace(kind=second.kind, noun=second.noun, note=second.note)
        elif (
            first.bare
            and first.kind
            and second.bare
            and not second.kind
            and _second_counts_the_same(text, first, between)
        ):
            # "Volunteers rose by 300 to 2,100", "612 clinics, up from 540": a proposed kind passes on too
            shared[index + 1] = second._replace(kind=first.kind, noun=first.noun, note=first.note)
        elif first.bare and not first.kind and second.has_unit and rx(_SHARED_WITH_NEXT, _I).fullmatch(between):
            read = read_figure(text[first.start : first.end] + text[second.number_end : second.end])
            shared[index] = first if read is None else first._replace(value=read, note="", noun=second.noun)
        elif second.bare and first.has_unit and rx(_TOTAL, _I).search(between):
            # "opened 37 new outlets, bringing the total to 412": the total counts what was added
            shared[index + 1] = _as_first(text, first, second, reread=False)
        elif second.bare and first.has_unit and rx(_COMPARED, _I).fullmatch(between):
            shared[index + 1] = _as_first(text, first, second)
        elif (
            second.bare
            and first.has_unit
            and rx(r"\s+to\s+").fullmatch(between)
            and rx(_CHANGE_BY, _I).search(text[max(0, first.start - 30) : first.start])
        ):
            shared[index + 1] = _as_first(text, first, second)  # "grew by 1.3 million to 9.6 million"
        elif first.has_unit and second.has_unit and rx(_COMPARED, _I).fullmatch(between):
            shared[index + 1] = _per_part(text, first, second)
    return shared


def _second_counts_the_same(text: str, first: Mention, between: str) -> bool:
    """Whether a bare figure after ``first`` counts what it does: a total, a comparison, "by N to M"."""
    change_by = rx(r"\s+to\s+").fullmatch(between) and rx(_CHANGE_BY, _I).search(
        text[max(0, first.start - 30) : first.start]
    )
    return bool(rx(_TOTAL, _I).search(between) or rx(_COMPARED, _I).fullmatch(between) or change_by)


def _as_first(text: str, first: Mention, second: Mention, *, reread: bool = True) -> Mention:
    """The bare ``second`` in the unit of ``first``: with the words after the first figure, or its counted noun."""
    assert first.value is not None  # noqa: S101 - has_unit says so
    assert second.value is not None  # noqa: S101 - bare says so
    read = read_figure(text[second.start : second.end] + text[first.number_end : first.end]) if reread else None
    if (read is None or read.units == DIMENSIONLESS) and (
        not reread or (count_kind_of(first.value.units) is not None and not text[first.number_end : first.end].strip())
    ):
        read = in_units(second.value, first.value.units)  # a count named before the first figure, or a total
    return second if read is None else second._replace(value=read, note="", noun=first.noun)


def _per_part(text: str, first: Mention, second: Mention) -> Mention:
    """ "297 liters per person per day, down from 315 liters": the second is per person per day too."""  # noqa: D210
    per = rx(r"\s*(?:\bper\b|/).*$", _I | re.DOTALL).search(text[first.number_end : first.end])
    if per is None or rx(r"\bper\b|/", _I).search(text[second.number_end : second.end]):
        return second
    read = read_figure(text[second.start : second.end] + per.group())
    if read is None or first.value is None or read.units != first.value.units:
        return second
    return second._replace(value=read, noun=first.noun)


_SHARED_WITH_NEXT = r"\s*,?\s*(?:and|or|to)\s*|\s+of\s+(?:the|our|its|their)\s+"
"""After a bare figure: "3,000 and 5,000 households", "2,300 of our 12,400 employees"."""
_TOTAL = r"^[^;.]{0,30}?,\s*(?:\w+\s+){0,2}(?:the|a)\s+total\s+(?:number\s+)?(?:to|of|at)\s+$"
"""Between a counted figure and a bare one: ", bringing the total to", ", for a total of"."""
_COMPARED = (
    r"(?:\s+(?:in|during|for)\s+(?:the\s+)?(?:FY\s?)?(?:19|20)\d{2})?"  # "150 liters a day in 2021, compared with 160"
    r"\s*,?\s*(?:(?:up|down)\s+from|compared\s+(?:with|to)|versus|vs\.?|against|from)\s+"
)
"""Between a figure and the one it is compared with: ", up from", ", compared with"."""
_CHANGE_BY = rf"\b(?:{_CHANGED})\s+by\s+$"
"""Before a change by an amount, which "to" and a level may follow: "grew by 1.3 million to 9.6 million"."""
