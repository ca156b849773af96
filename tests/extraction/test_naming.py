"""Naming: the subject a figure is about."""

from __future__ import annotations

from esgclaims import (
    extract,
)
from tests.extraction.common import (
    ORGANIZATIONS,
)


def test_extract_names_the_subject_the_sentence_names() -> None:
    text = "In 2020, JD Foundation donated RMB 200 million; and its online platform raised RMB 19.77 million."
    found = extract(text, organizations=ORGANIZATIONS)
    assert [c.organization.id if c.organization else None for c in found] == ["jd-foundation", "jd-foundation"]
    assert [c.subject for c in extract("The weather helped 300 farms.")] == [None]
    assert extract("Greenleaf Group Holdings planted 300 farms.")[0].subject == "Greenleaf Group Holdings"
