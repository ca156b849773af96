"""What the extraction tests share: the JD 2020 article and dataset, and short ways to call extract."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import esgclaims
from esgclaims import Candidate, extract
from tests.extraction.annotations import HELD_OUT_SETS, texts

# The article is not shipped: it lives in shared/seeds beside the repository.
ARTICLE = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "jd-2020-esg-article.txt"
DATASET = esgclaims.load_dataset("jd-2020")
SOURCE = next(iter(DATASET)).citation.source
ORGANIZATIONS = list({c.subject.id: c.subject for c in DATASET}.values())
NUMERIC = [claim for claim in DATASET if claim.value is not None]
EVERY_TEXT = [*texts(), *(item for folder in HELD_OUT_SETS for item in texts(folder))]


def article() -> str:
    """The JD 2020 article's text; the test is skipped when it is not beside the repository."""
    text = ARTICLE.read_text(encoding="utf-8") if ARTICLE.is_file() else ""
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != SOURCE.sha256:
        pytest.skip(f"the JD 2020 article is not at {ARTICLE}; it lives in shared/seeds beside the repository")
    return text


def figures_of(text: str) -> list[str]:
    """The figures of the candidates extract proposes for ``text``, in order."""
    return [candidate.figure for candidate in extract(text)]


def one(text: str) -> Candidate:
    """The only candidate of ``text``."""
    (candidate,) = extract(text)
    return candidate


def as_read(candidate: Candidate) -> tuple[str, str, str]:
    """A candidate as (kind, its level or change, its period)."""
    shown = candidate.value if candidate.change is None else candidate.change.delta
    return candidate.kind, str(shown), candidate.period.iso()


def figure_periods(text: str) -> list[tuple[str, str]]:
    """Each candidate as (figure, period)."""
    return [(c.figure, c.period.iso()) for c in extract(text)]


def counted(candidate: Candidate) -> tuple[str, str | None]:
    """A candidate as (qualifier and amount, the kind it counts), the same whether the kind is registered or not."""
    value = candidate.value if candidate.change is None else candidate.change.delta
    shown = "unread" if value is None else f"{value.qualifier.value} {value.reported.magnitude}"
    return shown, candidate.count_kind
