"""Naming: the subject a figure is about."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Acme Corp, through the Acme Foundation, donated RMB 5 million in 2022.", "Acme Corp"),
        ("The Foundation, set up by Acme Corp, trained 300 teachers in 2022.", "the Foundation"),
        ("Acme Corp, the owner of Beta Holdings Ltd, donated RMB 5 million.", "Acme Corp"),
        ("Employees at Acme Corp volunteered 3,000 hours.", "Acme Corp"),  # the only name: still the subject
        ("In partnership with Acme Foundation, Beta Holdings Ltd planted 300 trees.", "Beta Holdings Ltd"),
        ("Acme Corp set up Acme Foundation in 2010. The Foundation trained 300 teachers.", "Acme Foundation"),
    ],
)
def test_the_subject_is_the_actor_of_the_clause_not_the_name_named_last(text: str, subject: str) -> None:
    assert [c.subject for c in extract(text)] == [subject]


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("In 2022 Acme Corp withdrew 1.2 million m³ of water.", "water-withdrawn"),
        ("Acme Corp consumed 50 GWh of electricity and withdrew 1.2 million cubic metres of water.", "water-withdrawn"),
        ("Acme Corp emitted 41,300 tCO2e.", "ghg-emissions"),
        ("Acme Corp emitted 1.2 MtCO2e.", "ghg-emissions"),
        ("Acme Corp reported GHG emissions of 41,300 tonnes.", "ghg-emissions"),
        ("Acme Corp gave 9,000 hours of volunteering.", "volunteer-hours"),
        ("Our employees gave 9,000 volunteer hours.", "volunteer-hours"),
        ("Acme Corp planted 48,000 trees.", "trees-planted"),
        ("Acme Corp gave RMB 200 million in donations.", "donations"),
        ("Acme Corp consumed 3.4 million kWh of electricity.", "electricity-consumed"),
        ("Acme Corp trained 3,000 teachers.", "teachers"),
    ],
)
def test_a_suggested_metric_id_names_what_the_figure_measures(text: str, metric: str) -> None:
    assert extract(text)[-1].suggested_metric == metric


def test_the_first_figure_of_two_joined_by_and_is_named_by_its_own_noun() -> None:
    text = "Acme Corp consumed 50 GWh of electricity and withdrew 1.2 million cubic metres of water."
    assert [c.suggested_metric for c in extract(text)] == [
        "electricity-consumed",
        "water-withdrawn",
    ]  # not electricity-withdrew-cubic
