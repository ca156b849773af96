"""Finding where each claim's quote stands in a source's text: spans for figures typed from a PDF."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from esgclaims._claimset import ClaimSet
from esgclaims._errors import check_argument
from esgclaims._model import Claim

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["LocatedQuotes", "locate_quotes"]


@attrs.frozen
class LocatedQuotes:
    """What :func:`locate_quotes` found: the claims with spans, and the claims whose quote the text lacks."""

    claims: ClaimSet
    """Every claim given, each whose quote the text holds with its span set."""
    missing: tuple[Claim, ...] = ()
    """The claims whose quote is not in the text, unchanged."""

    def __bool__(self) -> bool:
        """True when every quote was found."""
        return not self.missing


def locate_quotes(claims: ClaimSet | Iterable[Claim], text: str) -> LocatedQuotes:
    """Give each claim the span of its quote in ``text``; report the quotes ``text`` lacks.

    A span that already holds the quote is kept. Otherwise the quote's first
    occurrence is taken (a wrong span is replaced); quotes are matched exactly,
    character for character.

    Examples:
        >>> from esgclaims import load_dataset
        >>> jd = load_dataset("jd-2020")
        >>> typed = ClaimSet(attrs.evolve(c, citation=attrs.evolve(c.citation, span=None)) for c in jd)
        >>> text = "JD.com said it achieved RMB 100 billion yuan in poverty alleviation-related sales."
        >>> found = locate_quotes(typed, text)
        >>> found.claims["jd-2020/poverty-alleviation-sales"].citation.span, len(found.missing)
        ((15, 81), 16)
    """
    check_argument(text, str, where="locate_quotes(): text", what="the source's text as a string")
    claims = claims if isinstance(claims, ClaimSet) else ClaimSet(claims)
    located: list[Claim] = []
    missing: list[Claim] = []
    for claim in claims:
        citation = claim.citation
        if citation.span is not None and citation.verify(text):
            located.append(claim)
            continue
        start = text.find(citation.quote)
        if start < 0:
            missing.append(claim)
            located.append(claim)
            continue
        span = (start, start + len(citation.quote))
        located.append(attrs.evolve(claim, citation=attrs.evolve(citation, span=span)))
    return LocatedQuotes(ClaimSet(located), tuple(missing))
