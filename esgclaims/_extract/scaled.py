"""A scale word before a unit that is scaled already: "12 million MtCO2e" is read as written, with a note.

A report that writes "12 million MtCO2e" most often means 12 MtCO2e or 12 million
tCO2e: the scale word says again what the unit's SI prefix says. The figure is read
literally (a reader cannot tell which was meant), and the note says it is a likely typo.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import TYPE_CHECKING

from esgclaims._errors import EsgClaimsError
from esgclaims._lazy import compiled as rx
from esgclaims._lexicon import lexicon
from esgclaims._units import parse_unit, quantity, unit_powers
from esgclaims._values import ReportedValue

if TYPE_CHECKING:
    from .mentions import Mention

__all__ = ["scaled_twice"]


def scaled_twice(text: str, mention: Mention) -> Mention:
    """The mention, with a note when a scale word repeats its unit's SI prefix ("3 thousand kt", "2 billion GWh").

    The rule: an English scale word directly before a unit whose name carries an SI prefix
    of kilo or more, and the scale word's multiple is the prefix's ("thousand" and kilo,
    "million" and mega, "billion" and giga). "2 million kWh" and "12 million km" are
    usual and get no note.

    Examples:
        >>> from esgclaims._extract.mentions import Mention
        >>> from esgclaims._units import parse_unit
        >>> from esgclaims._values import ReportedValue
        >>> text = "We emitted 12 million MtCO2e."
        >>> value = ReportedValue.of("12000000", parse_unit("MtCO2e"))
        >>> scaled_twice(text, Mention(11, 28, 21, value)).note
        "'12 million MtCO2e' is 12,000,000 MtCO2e as written: a scale word before a scaled unit is often a typo"
    """
    value = mention.value
    if value is None or mention.percent is not None:
        return mention
    scale = rx(r"(?<![A-Za-z])([A-Za-z]+)\s*$").search(text[mention.start : mention.number_end])
    multiple = lexicon().scales.get(scale.group(1).lower()) if scale is not None else None
    if multiple is None or not rx(r"\s?[A-Za-z]").match(text[mention.number_end : mention.end]):
        return mention  # no scale word, or the unit does not follow it directly
    powers = unit_powers(value.units)
    if len(powers) != 1 or next(iter(powers.values())) != 1 or _prefix(next(iter(powers))) != multiple:
        return mention
    digit = rx(r"\d").search(text, mention.start, mention.number_end)  # the figure without its qualifier
    written = text[mention.start if digit is None else digit.start() : mention.end].strip()
    literal = ReportedValue.of(value.reported.magnitude, value.units)
    note = f"{written!r} is {literal} as written: a scale word before a scaled unit is often a typo"
    return mention._replace(note=f"{mention.note}; {note}" if mention.note else note)


@functools.cache
def _prefix(name: str) -> int | None:
    """The multiple of the SI prefix a unit's name starts with, kilo or more: 10**6 for ``megatonne_CO2e``.

    The prefix is found by the registry, not by a list: the longest tail of the name that is
    a unit of the same dimension, 1,000 or a higher power of 1,000 times smaller.
    """
    for cut in range(1, len(name) - 1):
        try:
            ratio = Decimal(str(quantity(1, name).to(parse_unit(name[cut:])).magnitude))
        except (EsgClaimsError, TypeError, AttributeError):  # not a unit, or of another dimension (pint's errors)
            continue
        if ratio in _PREFIXES:
            return int(ratio)
    return None


_PREFIXES = frozenset(Decimal(1000) ** power for power in range(1, 7))
"""The multiples of SI prefixes from kilo up: 1,000, 1,000,000, ..."""
