"""extract: candidate claims from report text, with their values, changes, periods, subjects and quotes."""

from __future__ import annotations

import hashlib
import re
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import esgclaims
from esgclaims import (
    AsOf,
    CalendarYear,
    Candidate,
    Change,
    Direction,
    InvalidClaimError,
    Metric,
    PartialDate,
    Qualifier,
    ReportedValue,
    Source,
    UnknownPeriod,
    extract,
    parse_period,
    parse_unit,
    register_count_kind,
)
from tests.extraction.annotations import HELD_OUT_SETS, Text, candidates, differences, read, score, texts

# The article is not shipped: it lives in shared/seeds beside the repository (tests/ -> repo -> its parent).
ARTICLE = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "jd-2020-esg-article.txt"
DATASET = esgclaims.load_dataset("jd-2020")
SOURCE = next(iter(DATASET)).citation.source
ORGANIZATIONS = list({c.subject.id: c.subject for c in DATASET}.values())
NUMERIC = [claim for claim in DATASET if claim.value is not None]


def _article() -> str:
    text = ARTICLE.read_text(encoding="utf-8") if ARTICLE.is_file() else ""
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != SOURCE.sha256:
        pytest.skip(f"the JD 2020 article is not at {ARTICLE}; it lives in shared/seeds beside the repository")
    return text


def _figures(text: str) -> list[str]:
    return [candidate.figure for candidate in extract(text)]


def _one(text: str) -> Candidate:
    (candidate,) = extract(text)
    return candidate


# ------------------------------------------------------------------ the JD 2020 article


@pytest.mark.parametrize("claim", NUMERIC, ids=[claim.id for claim in NUMERIC])
def test_extract_finds_each_numeric_claim_of_the_jd_dataset(claim: esgclaims.Claim) -> None:
    text = _article()
    start, end = claim.citation.span
    inside = [c for c in extract(text, SOURCE, organizations=ORGANIZATIONS) if start <= c.figure_span[0] < end]
    found = [c for c in inside if c.value == claim.value and c.period == claim.period]
    assert len(found) == 1, f"{claim.id}: {inside}"
    assert found[0].organization == claim.subject
    assert found[0].citation() == esgclaims.Citation(SOURCE, found[0].quote, found[0].span)
    assert found[0].citation().verify(text)


def test_extract_proposes_nothing_but_the_numeric_claims_of_the_jd_article() -> None:
    found = extract(_article())
    assert len(found) == len(NUMERIC) == 13
    assert [c.kind for c in found] == ["level"] * 13


def test_extract_names_jd_metrics_from_their_words() -> None:
    assert [c.suggested_metric for c in extract(_article())] == [
        "impoverished-counties",
        "local-commodities",
        "poverty-alleviation-related-sales",
        "impoverished-households",
        "farms",
        "local-specialties",
        "front-line-employees-share",
        "clothing-pieces",
        "chinese-cities",
        "donations",
        "funds-raised",
        "charitable-items",
        "people",
    ]


def test_extract_refuses_a_source_whose_sha256_is_not_the_texts() -> None:
    with pytest.raises(InvalidClaimError) as caught:
        extract("In 2020, JD donated RMB 5 million.", SOURCE)
    digest = hashlib.sha256(b"In 2020, JD donated RMB 5 million.").hexdigest()
    assert str(caught.value) == (
        f"the text is not source 'jd-blog-2020-esg': its SHA-256 is {digest}, the source names {SOURCE.sha256}"
    )


# ------------------------------------------------------------------ the annotated texts


def test_the_annotated_texts_are_at_least_eight_with_eighty_claims() -> None:
    items = texts()
    assert len(items) >= 8
    assert sum(len(item.expected) for item in items) >= 80


EVERY_TEXT = [*texts(), *(item for folder in HELD_OUT_SETS for item in texts(folder))]
"""The tuned texts and every held-out set: their annotation files are checked, not their scores."""


def test_every_held_out_set_has_annotated_texts() -> None:
    for folder in HELD_OUT_SETS:
        items = texts(folder)
        assert len(items) >= 2, folder
        assert all(item.expected for item in items), folder


@pytest.mark.parametrize("item", EVERY_TEXT, ids=lambda item: item.name)
def test_every_annotation_names_a_unit_and_a_period_that_read(item: Text) -> None:
    for kind, plural in item.count_kinds:
        register_count_kind(kind, plural)
    for claim in item.expected:
        assert item.text[slice(*claim.span)] == claim.figure
        parse_unit(claim.unit)
        assert parse_period(claim.period).iso() == claim.period


def test_recall_and_precision_on_the_annotated_texts_are_each_at_least_nine_tenths() -> None:
    matched = missed = extra = 0
    for item in texts():
        result = score(item.expected, candidates(item))
        matched, missed, extra = matched + len(result.matched), missed + len(result.missed), extra + len(result.extra)
    assert matched / (matched + missed) >= Decimal("0.9")
    assert matched / (matched + extra) >= Decimal("0.9")


def test_scoring_names_the_field_a_candidate_gets_wrong() -> None:
    item = read(Path(__file__).parent / "extraction" / "greenleaf-2022-press.txt")
    claim, found = item.expected[0], candidates(item)[0]
    assert differences(claim, found) == []
    assert differences(claim, attrs.evolve(found, period=CalendarYear(2021))) == ["period: '2022' != '2021'"]
    assert score([claim], [attrs.evolve(found, period=CalendarYear(2021))]).missed == (
        (claim, ["period: '2022' != '2021'"]),
    )


# ------------------------------------------------------------------ values and units


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("JD had helped 110 impoverished counties.", "110 counties"),
        ("It recycled more than 47,300 pieces of clothing.", "more than 47,300 items"),
        ("It raised RMB 19.77 million yuan.", "RMB 19,770,000"),
        ("It donated around RMB 200 million yuan.", "around RMB 200,000,000 (±10%)"),
        ("Jingxi has helped tens of thousands of farms.", "tens of thousands of farms"),
        ("It sold over one million local specialties.", "more than 1,000,000 items"),
        ("Spending was between RMB 1 billion and RMB 2 billion.", "RMB 1,000,000,000 to RMB 2,000,000,000"),
        ("It aims to install up to 300 villages' water stations.", "at most 300 villages"),
        ("It raised at least HK$10 million.", "at least HK$ 10,000,000"),
        ("Nearly 85,000 farming households benefited.", "around 85,000 households (±10%)"),
        ("About 68% of staff volunteered.", "around 68% (±10%)"),
        ("Fewer than 3% of factories failed.", "less than 3%"),
        ("集团实现营业收入56.8亿元。", "RMB 5,680,000,000"),
        ("带动超过3万户农户增收。", "more than 30,000 households"),
        ("其中投入超过4500万元。", "more than RMB 45,000,000"),
        ("培训农民逾1.5万人。", "more than 15,000 people"),
        ("It avoided 5 tonnes of CO2e.", "5 tCO2e"),
        ("Energy intensity was 0.42 kWh per household.", "0.42 kWh per household"),
        ("Its fleet of vehicles grew to 7,800 farms.", "7,800 farms"),
        ("Its demonstration farms, which now total 14, cover 2,300 mu.", "14 farms"),
    ],
)
def test_extract_reads_the_qualifier_amount_and_unit_of_a_figure(text: str, value: str) -> None:
    assert str(extract(text)[0].value) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Several hundred bus drivers finished the eco-driving course.", "several hundred people"),
        ("The clinic trained 85 rural midwives and 40 pharmacists.", "85 people"),
        ("Around 1,300 tea growers joined the co-operative.", "around 1,300 people (±10%)"),
        ("Hundreds of dairy operators attended the field days.", "hundreds of people"),
        ("It funded 2,400 small-business borrowers.", "2,400 people"),
        ("Thousands of parents used the app.", "thousands of people"),
        ("Up to 600 seasonal workers picked the harvest.", "at most 600 employees"),  # workers stay employees
    ],
)
def test_extract_counts_people_by_the_nouns_that_name_them(text: str, value: str) -> None:
    register_count_kind("bus", "buses")  # a registered singular before a noun of people modifies it
    register_count_kind("business", "businesses")
    assert str(extract(text)[0].value) == value


def test_extract_reads_the_counted_noun_before_a_figure() -> None:
    (candidate,) = extract("Participating farms grew to 7,800 in 2022.")
    assert candidate.value == ReportedValue.of("7800", "farm", precision="1")
    assert candidate.figure == "7,800"


def test_extract_keeps_a_figure_whose_noun_it_does_not_know_and_says_so() -> None:
    candidate = _one("We planted 3,000 saplings.")
    assert candidate.value == ReportedValue.of("3000", precision="1")
    assert candidate.note == (
        "the figure may count 'saplings', which esgclaims does not know; see esgclaims.register_count_kind"
    )


def test_extract_keeps_a_figure_it_cannot_read_unambiguously_with_the_reason() -> None:
    candidate = _one("It raised $300 million.")
    assert (candidate.kind, candidate.value, candidate.change) == ("unread", None, None)
    assert candidate.note == (
        "cannot read '$300 million': '$' could be US$, HK$ or another dollar; write US$, HK$ or the ISO code"
    )


def test_extract_reads_a_conversion_in_parentheses_as_one_claim_in_two_currencies() -> None:
    candidate = _one("The Group invested HK$2.4 billion (US$300 million) in factories.")
    assert candidate.value == ReportedValue.of("2400000000", "HKD", precision="100000000")
    assert candidate.alternatives == (ReportedValue.of("300000000", "USD", precision="1000000"),)
    assert candidate.figure == "HK$2.4 billion (US$300 million)"


def test_extract_reads_an_approximate_conversion() -> None:
    candidate = _one("Underwriting totaled US$1.2 billion (approximately HK$9.4 billion).")
    assert candidate.alternatives == (
        ReportedValue.of("9400000000", "HKD", "approximately", precision="100000000", tolerance="0.1"),
    )


def test_extract_gives_a_shared_unit_to_both_figures() -> None:
    assert [str(c.value) for c in extract("It reached 3,000 and 5,000 households.")] == [
        "3,000 households",
        "5,000 households",
    ]


# ------------------------------------------------------------------ what is not a claim


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("In 2020, JD donated RMB 5 million.", ["RMB 5 million"]),
        ("As of Sept. 30, 2020, it had helped 110 counties.", ["110 counties"]),
        ("The report was released on April 18, 2023.", []),
        ("The fiscal year ends on 31 December.", []),
        ("The 10 Billion Agriculture Initiative helped 300 farms.", ["300 farms"]),
        ("The Clean Water for 1,000 Villages program reached 642 villages.", ["642 villages"]),
        ('Our "1 Hour for 1 Child" campaign matched nearly 900 volunteers.', ["nearly 900 volunteers"]),
        ("We were named one of the Top 100 Employers for the second year.", []),
        ("Scope 1 and Scope 2 emissions totaled 412,000 tCO2e.", ["412,000 tCO2e"]),
        ("Greenleaf (HKEX: 2817) released its 2022 ESG Report.", []),
        ("Section 3.2 of the framework applies to 97.6% of tier-1 suppliers.", ["97.6%"]),
        ("It issued a US$750 million 5-year green bond.", ["US$750 million"]),
        ("The group ranked 3rd for the third consecutive year.", []),
        ("1. Train 800 teachers in digital skills.", ["800 teachers"]),
        ("Factories must act within 90 days.", []),
        ("Founded in 1998, it employs about 52,000 people.", ["about 52,000 people"]),
        ("Under the Lotus 2030 Roadmap, we aim to source 100% of palm oil.", ["100%"]),
        ("“10万农户增收计划”已覆盖12个县。", ["12个县"]),
        ("Three priorities guide us.", []),
    ],
)
def test_extract_leaves_out_years_dates_names_ordinals_and_list_numbers(text: str, figures: list[str]) -> None:
    assert _figures(text) == figures


def test_extract_reads_up_to_now_as_a_time_phrase_not_a_bound() -> None:
    candidate = _one("Up to now, the Foundation has partnered with 35 villages.")
    assert candidate.value == ReportedValue.of("35", "village", precision="1")
    assert candidate.period == UnknownPeriod()
    assert candidate.period_phrase == "Up to now"


# ------------------------------------------------------------------ changes


@pytest.mark.parametrize(
    ("text", "change", "relative"),
    [
        ("Revenue reached RMB 4.6 billion in 2022, up 38% year-on-year.", "up 38% year-on-year", True),
        ("Emissions were 412,000 tCO2e in 2022, down 12% from 2021.", "down 12% from 2021", True),
        ("Loans were HK$18.5 billion, an increase of 24% compared with FY2022.", "up 24% compared with FY2022", True),
        (
            "Turnover was 11.5% in 2023, down 2.3 percentage points year-on-year.",
            "down 2.3 percentage points year-on-year",
            False,
        ),
        ("Energy intensity was 0.42 kWh, 6% lower than a year earlier.", "down 6% compared with a year earlier", True),
        ("Local produce rose 9.4% to HK$312 million.", "up 9.4%", True),
        ("Sales grew 150% year-on-year in 2021.", "up 150% year-on-year", True),
        ("We will cut packaging by 25% to 30% by 2030.", "down 25% to 30%", True),
        ("公益捐赠同比增长12%。", "up 12% year-on-year", True),
    ],
)  # fmt: skip
def test_extract_reads_a_change_as_a_change_not_a_level(text: str, change: str, relative: bool) -> None:
    found = [c.change for c in extract(text) if c.change is not None]
    assert len(found) == 1
    assert str(found[0]) == change
    assert found[0].relative is relative


def test_a_relative_change_is_a_ratio_of_the_earlier_level() -> None:
    change = extract("Revenue reached RMB 4.6 billion in 2022, up 38% year-on-year.")[1].change
    assert change == Change(
        Direction.INCREASE,
        ReportedValue.of("0.38", precision="0.01"),
        relative=True,
        basis="year-on-year",
        baseline=CalendarYear(2021),
    )


def test_a_change_keeps_the_period_it_compares_with() -> None:
    change = extract("Emissions were 412,000 tCO2e in 2022, down 12% from 2021.")[1].change
    assert change is not None
    assert (change.basis, change.baseline) == ("from 2021", CalendarYear(2021))


def test_extract_reads_two_claims_in_one_phrase_with_respectively() -> None:
    found = extract("Its sales kept growing 51% and 82% in 2019 and 2020 respectively.")
    assert [(str(c.change), c.period) for c in found] == [
        ("up 51%", CalendarYear(2019)),
        ("up 82%", CalendarYear(2020)),
    ]


def test_extract_reads_a_from_to_after_a_verb_as_two_levels() -> None:
    found = extract("Waste fell from 152 grams in the first half of 2021 to 118 grams in the first half of 2022.")
    assert [(str(c.value), c.period.iso()) for c in found] == [("152 g", "H1 2021"), ("118 g", "H1 2022")]


# ------------------------------------------------------------------ periods


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("As of Sept. 30, 2020, JD had helped 110 counties.", "as of 2020-09-30"),
        ("From September 2019 to February 2021, Jingxi helped 300 farms.", "2019-09 to 2021-02"),
        ("In 2020, the Foundation donated RMB 5 million.", "2020"),
        ("The Foundation donated RMB 5 million in 2020.", "2020"),
        ("Since 2016, it has trained 3,400 teachers.", "since 2016"),
        ("Since its launch in March 2020, the program has reached 57 cities.", "since 2020-03"),
        ("In the first half of 2022, emissions were 5,000 tCO2e.", "H1 2022"),
        ("In FY2022, it trained 1,850 employees.", "FY2022"),
        ("It built stations in 642 villages by the end of 2021.", "as of 2021-12-31"),
        ("Women held 44% of positions at the end of 2023.", "as of 2023-12-31"),
        ("Huaxin committed RMB 50 million over 2023-2025.", "2023 to 2025"),
        ("It aims to install up to 300 farms in the second half of 2022.", "H2 2022"),
        ("截至2022年12月31日\uff0c集团累计帮扶27个县。", "as of 2022-12-31"),
        ("2022年上半年\uff0c集团帮扶27个县。", "H1 2022"),
        ("Over 2022, Huaxin purchased 68,000 tonnes of potatoes.", "2022"),
        ("It supports 100 students each year.", "unknown"),
        ("In the 2021 academic year, grants ranged from RMB 2,000 to RMB 5,000.", "unknown"),
        ("JD released its 2020 ESG report, which counts 110 counties.", "unknown"),
    ],
)
def test_extract_reads_the_period_its_sentence_states(text: str, period: str) -> None:
    assert extract(text)[0].period.iso() == period


def test_a_figure_takes_the_period_of_an_earlier_sentence_of_its_paragraph() -> None:
    found = extract("In 2022, revenue reached RMB 4.6 billion. The Group invested HK$2.4 billion during the year.")
    assert [c.period for c in found] == [CalendarYear(2022), CalendarYear(2022)]
    assert found[1].period_phrase == "during the year"


def test_a_period_does_not_reach_into_the_next_paragraph() -> None:
    found = extract("In 2022, revenue reached RMB 4.6 billion.\n\nMore than 80% of staff are local.")
    assert [c.period for c in found] == [CalendarYear(2022), UnknownPeriod()]


def test_a_heading_frames_its_section_and_a_title_frames_nothing() -> None:
    text = "Results for 2021\n\nSales were RMB 5 million.\n\nPerformance in FY2023\n\nSales were RMB 6 million."
    assert [c.period.iso() for c in extract(text)] == ["unknown", "FY2023"]


def test_a_list_takes_the_period_of_the_line_that_opens_it() -> None:
    text = "Title\n\nPriorities for 2022:\n1. Train 800 teachers.\n2. Raise RMB 30 million.\n\nWe have 35 partners."
    assert [c.period.iso() for c in extract(text)] == ["2022", "2022", "unknown"]


def test_a_fiscal_year_takes_its_months_from_the_text() -> None:
    text = 'For the year ended 31 March 2023 ("FY2023"), loans were HK$18.5 billion, up 24% compared with FY2022.'
    level, change = extract(text)
    assert level.period.iso() == "FY2023 (2022-04 to 2023-03)"
    assert change.change is not None
    assert change.change.baseline == parse_period("FY2022 (2021-04 to 2022-03)")
    ends = extract("Emissions were 1.9 million tCO2e in FY2022. (Its fiscal year ends on 31 December.)")
    assert ends[0].period.iso() == "FY2022 (2022-01 to 2022-12)"


def test_relative_phrases_are_read_against_the_stated_period() -> None:
    found = extract(
        "Women held 44% of management positions at the end of 2023, up from 39% a year earlier, "
        "and the gender pay gap narrowed to 3.1%."
    )
    assert [c.period for c in found] == [
        AsOf(PartialDate(2023, 12, 31)),
        AsOf(PartialDate(2022, 12, 31)),
        AsOf(PartialDate(2023, 12, 31)),
    ]


# ------------------------------------------------------------------ rules from the second and third held-out sets


def _read(candidate: Candidate) -> tuple[str, str, str]:
    """A candidate as (kind, its level or change, its period)."""
    shown = candidate.value if candidate.change is None else candidate.change.delta
    return candidate.kind, str(shown), candidate.period.iso()


def test_a_change_by_an_amount_to_a_level_is_a_change_and_a_level_of_what_its_subject_counts() -> None:
    found = extract("Registered farms grew by 1,200 to 8,400 in 2021.")
    assert [_read(c) for c in found] == [("change", "1,200 farms", "2021"), ("level", "8,400 farms", "2021")]
    assert found[0].change is not None
    assert found[0].change.direction is Direction.INCREASE
    found = extract("Volunteers in rural counties rose by 300 to 2,100 in 2022.")
    assert [_read(c) for c in found] == [("change", "300 people", "2022"), ("level", "2,100 people", "2022")]


def test_a_figure_after_to_or_from_takes_no_currency_from_the_amount_before_it() -> None:
    text = "It gave HK$260 million to 140 local clinics and paid RMB 5 billion to more than 2,100 family dairies."
    assert [str(c.value) for c in extract(text)] == ["HK$ 260,000,000", "140", "RMB 5,000,000,000", "more than 2,100"]


def test_a_conversion_after_a_short_noun_phrase_is_still_one_claim() -> None:
    (candidate,) = extract("The city issued a EUR 200 million social bond (about HK$1.7 billion) in 2020.")
    assert candidate.value == ReportedValue.of("200000000", "EUR", precision="1000000")
    assert candidate.alternatives == (
        ReportedValue.of("1700000000", "HKD", "approximately", precision="100000000", tolerance="0.1"),
    )
    assert candidate.period == CalendarYear(2020)
    assert len(extract("It spent RMB 5 million on schools (US$0.7 million).")) == 2  # not after a preposition


@pytest.mark.parametrize(
    ("text", "period", "baseline"),
    [
        ("Water use fell by 6% compared with the second quarter of 2021.", "unknown", "Q2 2021"),
        ("In the first half of 2023, sales rose 4% compared to the first half of 2022.", "H1 2023", "H1 2022"),
        ("In 2024, waste fell 5% from the first nine months of 2023.", "2024", "2023-01 to 2023-09"),
    ],
)
def test_a_spelled_out_part_of_a_year_after_compared_with_is_the_baseline_not_the_period(
    text: str, period: str, baseline: str
) -> None:
    (candidate,) = extract(text)
    assert candidate.change is not None
    assert candidate.period.iso() == period
    assert candidate.change.baseline == parse_period(baseline)


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("The fund gave RMB 3 million in the first nine months of 2021.", "2021-01 to 2021-09"),
        ("In the first six months of 2020, the fund gave RMB 3 million.", "H1 2020"),
        ("In the first three months of 2020, the fund gave RMB 3 million.", "Q1 2020"),
        ("In the first three quarters of 2022, the fund gave RMB 3 million.", "2022-01 to 2022-09"),
        ("Over the first 8 months of 2022, the fund gave RMB 3 million.", "2022-01 to 2022-08"),
        ("2021年前三季度\uff0c基金捐赠300万元。", "2021-01 to 2021-09"),
        ("2022年1-8月\uff0c基金捐赠300万元。", "2022-01 to 2022-08"),
    ],
)
def test_the_first_months_or_quarters_of_a_year_are_a_span_from_january(text: str, period: str) -> None:
    assert extract(text)[0].period.iso() == period


def test_a_bare_total_after_a_counted_figure_counts_the_same() -> None:
    found = extract("In 2021 the program reached 12 more villages, bringing the total to 95.")
    assert [_read(c) for c in found] == [("level", "12 villages", "2021"), ("level", "95 villages", "2021")]
    found = extract("The company opened 3 farms in 2020, for a total of 41.")
    assert [str(c.value) for c in found] == ["3 farms", "41 farms"]


def test_a_share_less_or_more_than_a_period_is_a_change_compared_with_it() -> None:
    found = extract("In 2021 we used 412 tonnes of paper, 7% less than in 2020.")
    assert [_read(c) for c in found] == [("level", "412 t", "2021"), ("change", "0.07", "2021")]
    change = found[1].change
    assert change is not None
    assert (change.direction, change.baseline, change.basis) == (
        Direction.DECREASE,
        CalendarYear(2020),
        "compared with 2020",
    )
    assert found[1].figure == "7% less"
    assert [c.kind for c in extract("We served 150 more villages than in 2020.")] == ["level"]  # a count, no share


def test_a_unit_per_two_things_is_read_whole_and_shared_with_the_figure_it_is_compared_with() -> None:
    found = extract("In 2021, household use was 180 liters per person per day, down from 195 liters in 2019.")
    assert [(str(c.value.units) if c.value else "", c.period.iso()) for c in found] == [
        ("liter / day / person", "2021"),  # "per day" is part of the unit, not "every day"
        ("liter / day / person", "2019"),
    ]


def test_a_count_kind_a_user_registered_wins_over_the_nouns_reports_count() -> None:
    register_count_kind("subscriber", "subscribers")
    assert extract("In 2021, the service reached 2,000 subscribers.")[0].value == ReportedValue.of(
        "2000", "subscriber", precision="1"
    )
    assert extract("Churn was RMB 5 per subscriber.")[0].value == ReportedValue.of("5", "CNY/subscriber", precision="1")


def test_a_registered_singular_before_another_counted_noun_is_a_modifier() -> None:
    modifier, counted = ("x" + "".join(chr(ord("a") + int(digit, 16)) for digit in uuid.uuid4().hex[:10]) for _ in "ab")
    register_count_kind(modifier)
    register_count_kind(counted)
    found = extract(f"It logged around 41 million {modifier} {counted}s in 2021.")
    assert found[0].value is not None
    assert found[0].value.units == parse_unit(counted)


def test_at_a_date_is_a_figure_as_of_that_date() -> None:
    found = extract("At 30 June 2021, 64% of the fleet was electric, up 9 percentage points on a year earlier.")
    assert [c.period.iso() for c in found] == ["as of 2021-06-30", "as of 2021-06-30"]


@pytest.mark.parametrize(
    ("text", "value", "period"),
    [
        ("截至2021年末\uff0c合作社拥有社员5,200户。", "5,200 households", "as of 2021-12-31"),
        ("到2030年\uff0c服务农户达到5万户以上。", "at least 50,000 households", "as of 2030"),
        ("2021年\uff0c合作社户均分红约1,500元。", "around RMB 1,500 per household (±10%)", "2021"),
        ("2021年\uff0c员工人均培训32小时。", "32 hours per person", "2021"),
        ("从2020年到2025年\uff0c集团累计投入3亿元。", "RMB 300,000,000", "2020 to 2025"),
        ("受到2022年寒潮影响\uff0c集团捐赠300万元。", "RMB 3,000,000", "2022"),  # 受到 is no "by"
    ],
)
def test_extract_reads_chinese_year_ends_targets_and_amounts_per_household(text: str, value: str, period: str) -> None:
    (candidate,) = extract(text)
    assert (str(candidate.value), candidate.period.iso()) == (value, period)


def test_a_bare_figure_of_a_counted_whole_counts_what_the_whole_counts() -> None:
    found = extract("In 2021, 450 of our 3,200 employees joined the scheme.")
    assert [str(c.value) for c in found] == ["450 employees", "3,200 employees"]


# ------------------------------------------------------------------ rules from the fourth held-out set


def _periods(text: str) -> list[tuple[str, str]]:
    """Each candidate as (figure, period)."""
    return [(c.figure, c.period.iso()) for c in extract(text)]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("In FY2022/23, the group recycled 3,400 tonnes of paper.", "FY2023"),
        ("In FY2022/2023, the group recycled 3,400 tonnes of paper.", "FY2023"),
        ("In fiscal year 2022-23, the group recycled 3,400 tonnes of paper.", "FY2023"),
        ("In the 2022/23 financial year, the group recycled 3,400 tonnes of paper.", "FY2023"),
        (
            "For the year ended 30 September 2023, the group recycled 3,400 tonnes of paper.",
            "FY2023 (2022-10 to 2023-09)",
        ),
        (
            'For the year ended 30 September 2023 ("FY2022/23"), the group recycled 3,400 tonnes of paper.',
            "FY2023 (2022-10 to 2023-09)",
        ),
        (
            "Our financial year runs from 1 October to 30 September. In FY2022/23, the group recycled 3,400 tonnes.",
            "FY2023 (2022-10 to 2023-09)",
        ),
        (
            "Our fiscal year ends on 30 September. In 2022/23, the group recycled 3,400 tonnes of paper.",
            "FY2023 (2022-10 to 2023-09)",
        ),
        ("In 2022/23, the group recycled 3,400 tonnes of paper.", "unknown"),  # a fiscal year, or two years?
        ("In FY22/23, the group recycled 3,400 tonnes of paper.", "unknown"),  # which century?
    ],
)
def test_a_split_fiscal_year_is_the_fiscal_year_it_ends_in_and_its_tail_no_figure(text: str, period: str) -> None:
    assert [(c.figure, c.period.iso()) for c in extract(text)] == [("3,400 tonnes", period)]


def test_a_split_fiscal_year_takes_the_months_the_text_gives_its_fiscal_years() -> None:
    text = (
        "Our financial year runs from 1 October to 30 September. In FY2022/23, the group recycled 3,400 tonnes "
        "of paper, compared with 3,100 tonnes in FY2021/22."
    )
    assert [c.period.iso() for c in extract(text)] == ["FY2023 (2022-10 to 2023-09)", "FY2022 (2021-10 to 2022-09)"]


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        # the month a text's fiscal years end in is enough: a fiscal year is named by the year it ends in
        (
            "Pinecrest reports on a financial year ending 30 September. In FY2023 it used 5 GWh.",
            ["FY2023 (2022-10 to 2023-09)"],
        ),
        (
            (
                "Our financial year ends on 30 June. In the six months to December, the mill milled 8,200 tonnes "
                "of cane, against 19,700 tonnes for the whole of FY2022."
            ),
            ["unknown", "FY2022 (2021-07 to 2022-06)"],
        ),
        # unless the text names a year ended by the year it starts in
        (
            (
                'For the year ended 31 March 2024 ("FY2023"), Kiso Rail carried 41 million passengers. '
                "In FY2022 it carried 38 million passengers."
            ),
            ["FY2023 (2023-04 to 2024-03)", "FY2022 (2022-04 to 2023-03)"],
        ),
        # and without the month, FY2023 could end in any month
        ("In FY2023, Pinecrest used 5 GWh.", ["FY2023"]),
    ],
)
def test_a_fiscal_year_takes_its_months_when_the_text_says_when_its_fiscal_years_end(
    text: str, periods: list[str]
) -> None:
    assert [c.period.iso() for c in extract(text)] == periods


def test_two_digit_fiscal_years_are_read_in_the_century_of_the_year_the_text_names() -> None:
    text = 'For the year ended 30 September 2023 ("FY23"), the group recycled 3,400 tonnes of paper, down 3% on FY22.'
    level, change = extract(text)
    assert level.period.iso() == change.period.iso() == "FY2023 (2022-10 to 2023-09)"
    assert change.change is not None
    assert change.change.baseline == parse_period("FY2022 (2021-10 to 2022-09)")


@pytest.mark.parametrize(
    ("text", "period"),
    [
        (
            "\n\n".join(
                [
                    "Pinecrest Foods reports its results for the six months ended 31 December 2023.",
                    "Packaging",
                    "During the half, it cut plastic use by 85 tonnes.",
                ]
            ),
            "H2 2023",
        ),
        (
            "Pinecrest shares its results for the third quarter of 2023.\n\nDuring the quarter, it opened 3 farms.",
            "Q3 2023",
        ),
        (
            "\n\n".join(
                [
                    "This report covers FY2022/23. Our fiscal year ends on 30 September.",
                    "Water",
                    "During the year, we used 2.1 million m3 of water.",
                ]
            ),
            "FY2023 (2022-10 to 2023-09)",
        ),
        (
            "Pinecrest Foods publishes its update for H1 2024.\n\nIn the period, it opened 3 farms.",
            "H1 2024",
        ),
        # a title sets no period, nor a date a figure of the opening paragraph stands at
        ("Pinecrest: Results for the six months ended 30 June 2024\n\nDuring the half, it opened 3 farms.", "unknown"),
        ("Pinecrest Foods Interim Review H2 2023\n\nPackaging\n\nDuring the half, it opened 3 farms.", "unknown"),
        ("By 31 March 2023, Pinecrest had 60 farms.\n\nStaff\n\nAt year-end, it employed 2,400 staff.", "unknown"),
        # "during the half" is no half-year in a text that reports on a year
        ("Pinecrest Foods publishes its results for 2023.\n\nDuring the half, it opened 3 farms.", "unknown"),
    ],
)
def test_during_the_half_or_the_year_is_read_against_the_period_the_text_reports_on(text: str, period: str) -> None:
    assert extract(text)[-1].period.iso() == period


def test_a_baseline_is_what_a_target_compares_with_not_its_period() -> None:
    text = (
        'For the year ended 30 September 2023 ("FY2023"), we used 5 GWh.\n\n'
        "By FY2027, we aim to cut fleet fuel use by up to 12% against the FY2021 baseline."
    )
    target = extract(text)[1]
    assert target.change is not None
    assert (target.period.iso(), target.change.baseline) == (
        "as of 2027-09-30",
        parse_period("FY2021 (2020-10 to 2021-09)"),
    )
    (target,) = extract("By 2030, we plan to cut water use by 25% from a 2019 baseline.")
    assert target.change is not None
    assert (target.period.iso(), target.change.baseline) == ("as of 2030", CalendarYear(2019))
    (target,) = extract("By 2030, we plan to cut emissions 42% below 2020 levels.")
    assert target.period.iso() == "as of 2030"


@pytest.mark.parametrize(
    ("intro", "period"),
    [
        ("By FY2030, we aim to:", "as of 2030-09-30"),
        ("By the end of FY2030, we will:", "as of 2030-09-30"),
        ("Targets for FY2030:", "FY2030 (2029-10 to 2030-09)"),  # a year of its own, not its last day
        ("By 2030, we aim to:", "as of 2030"),
    ],
)
def test_the_items_of_a_list_of_targets_take_the_deadline_of_the_line_that_opens_it(intro: str, period: str) -> None:
    text = "\n".join(
        [
            "Orchard Lane Foods reports on a fiscal year ending 30 September.",
            "",
            "Goals",
            "",
            intro,
            "- source at least 75% of apples from certified orchards; and",
            "- cut refrigerant leaks by 30% from the FY2021 baseline.",
        ]
    )
    share, cut = extract(text)
    assert (share.figure, share.period.iso(), cut.period.iso()) == ("at least 75%", period, period)
    assert cut.change is not None
    assert cut.change.baseline == parse_period(
        "FY2021 (2020-10 to 2021-09)"
    )  # the baseline stays what it compares with


def test_a_deadline_in_a_heading_frames_its_section_and_needs_the_months_of_the_fiscal_year() -> None:
    text = "Orchard Lane Foods: targets\n\nBy the end of FY2028\n\nWe will restore 1,200 hectares of wetland."
    assert _periods(text) == [("1,200 hectares", "unknown")]  # when FY2028 ends, the text does not say
    text = "Our fiscal year ends on 31 March.\n\nBy the end of FY2028\n\nWe will restore 1,200 hectares of wetland."
    assert _periods(text) == [("1,200 hectares", "as of 2028-03-31")]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Brook Freight spent US$4.2 million on rail sidings, cranes and depot lighting in FY2023, mostly in Perth.",
            [("US$4.2 million", "FY2023")],
        ),
        (
            (
                "Brook Freight spent US$4.2 million on rail sidings, cranes and depot lighting in 2023, "
                "including US$1.1 million in Perth."
            ),
            [("US$4.2 million", "2023"), ("US$1.1 million", "2023")],
        ),
        (
            (
                "Brook Freight reports on the year ended 30 June 2024.\n\nBrook Freight spent US$4.2 million on "
                "rail sidings, cranes and depot lighting during the year."
            ),
            [("US$4.2 million", "FY2024 (2023-07 to 2024-06)")],
        ),
        # a clause of its own, or another figure, between the figure and the period: the period frames that
        (
            "Brook Freight spent US$4.2 million on sidings, while in 2022 it spent nothing.",
            [("US$4.2 million", "unknown")],
        ),
        ("Brook Freight spent US$4.2 million on sidings; in 2022 it bought cranes.", [("US$4.2 million", "unknown")]),
        (
            "Brook Freight spent US$4.2 million on sidings, against US$3.9 million on cranes in 2022.",
            [("US$4.2 million", "unknown"), ("US$3.9 million", "2022")],
        ),
        ("Brook Freight employs 640 people, having grown since 2019.", [("640 people", "unknown")]),
    ],
)
def test_a_period_a_sentence_states_after_a_figure_frames_it_past_the_commas_of_a_list(
    text: str, found: list[tuple[str, str]]
) -> None:
    assert _periods(text) == found


def test_a_paragraph_opening_with_during_the_year_takes_the_year_the_text_reports_on() -> None:
    text = "\n\n".join(
        [
            "Harrow Ports",
            'Harrow Ports Ltd publishes its highlights for the year ended 30 June 2024 ("FY2024").',
            "Capital spending",
            "In the year, we invested A$12.5 million in shore power. Crane electricity use fell 4% to 8.1 GWh.",
        ]
    )
    assert [(c.figure, c.period.iso()) for c in extract(text)] == [
        ("A$12.5 million", "FY2024 (2023-07 to 2024-06)"),
        ("fell 4%", "FY2024 (2023-07 to 2024-06)"),
        ("8.1 GWh", "FY2024 (2023-07 to 2024-06)"),
    ]


def test_a_target_takes_the_date_its_sentence_sets_at_its_end() -> None:
    text = (
        "The depot, which will cost between RMB 40 million and RMB 55 million, is expected to open by the end of 2026."
    )
    assert _periods(text) == [("between RMB 40 million and RMB 55 million", "as of 2026-12-31")]
    assert _periods("The depot cost RMB 40 million, and it opened by the end of 2021.") == [
        ("RMB 40 million", "unknown")
    ]


def test_a_number_before_of_our_counts_the_noun_after_it() -> None:
    register_count_kind("depot")
    found = extract("Solar panels now power 14 of our depots, and five of the regional depots run on biogas.")
    assert [(c.figure, str(c.value)) for c in found] == [
        ("14 of our depots", "14 depots"),
        ("five of the regional depots", "5 depots"),
    ]
    assert [str(c.value) for c in extract("In 2021, 450 of our 3,200 employees joined the scheme.")] == [
        "450 employees",
        "3,200 employees",
    ]  # a whole with a figure of its own is a claim of its own


def test_a_period_opening_a_sentence_is_not_undone_by_a_stretch_of_time_after_a_figure() -> None:
    text = "As at 30 June 2023, 310 farms had joined, and 92% of suppliers had been audited within the last two years."
    assert [c.period.iso() for c in extract(text)] == ["as of 2023-06-30", "as of 2023-06-30"]
    assert _periods("Over the past two years, we trained 900 farmers.") == [("900 farmers", "unknown")]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("2022年\uff0c公司帮助农户减少化肥用量约1,200吨。", ("change", "around 1,200 t (±10%)")),
        ("2022年\uff0c公司提高员工收入10%。", ("change", "0.1")),
        ("2022年\uff0c员工收入提高了10%。", ("change", "0.1")),
        ("2022年\uff0c公司将可再生能源占比提高到30%。", ("level", "30%")),
    ],
)
def test_a_chinese_verb_of_change_with_its_object_before_the_figure_is_a_change(
    text: str, found: tuple[str, str]
) -> None:
    (candidate,) = extract(text)
    assert _read(candidate)[:2] == found


# ------------------------------------------------------------------ subjects, quotes, determinism


def test_extract_names_the_subject_the_sentence_names() -> None:
    text = "In 2020, JD Foundation donated RMB 200 million; and its online platform raised RMB 19.77 million."
    found = extract(text, organizations=ORGANIZATIONS)
    assert [c.organization.id if c.organization else None for c in found] == ["jd-foundation", "jd-foundation"]
    assert [c.subject for c in extract("The weather helped 300 farms.")] == [None]
    assert extract("Greenleaf Group Holdings planted 300 farms.")[0].subject == "Greenleaf Group Holdings"


def test_every_quote_stands_at_its_span_and_holds_its_figure() -> None:
    for item in EVERY_TEXT:
        for candidate in candidates(item):
            start, end = candidate.span
            assert item.text[start:end] == candidate.quote
            assert item.text[slice(*candidate.figure_span)] == candidate.figure


def test_extract_gives_the_same_candidates_every_time() -> None:
    item = texts()[0]
    assert candidates(item) == candidates(item)


def test_extract_needs_a_string() -> None:
    with pytest.raises(esgclaims.ArgumentTypeError) as caught:
        extract(b"RMB 5 million")  # type: ignore[arg-type]
    assert isinstance(caught.value, TypeError)
    assert str(caught.value) == "expected the text as a string, got bytes"


# ------------------------------------------------------------------ candidates as claims


def test_a_candidate_becomes_a_claim_once_a_metric_is_named() -> None:
    source = Source("note", "A note", "Us", sha256=hashlib.sha256(b"JD Foundation donated RMB 5 million.").hexdigest())
    (candidate,) = extract("JD Foundation donated RMB 5 million.", source, organizations=ORGANIZATIONS)
    metric = Metric("donations", "Donations", "money", "flow")
    claim = candidate.to_claim("note/donations", metric)
    assert (claim.subject.id, claim.value, claim.period) == ("jd-foundation", candidate.value, UnknownPeriod())
    assert claim.citation.quote == "JD Foundation donated RMB 5 million"


def test_a_change_cannot_become_a_claim() -> None:
    candidate = extract("Sales rose 5% in 2022.")[0]
    with pytest.raises(InvalidClaimError) as caught:
        candidate.to_claim("x", Metric("sales", "Sales", "money", "flow"))
    assert str(caught.value) == (
        "only a level can become a claim, and Candidate('up 5%', 2022, span=(0, 21)) is a change"
    )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"span": (0, 5)}, "span [0, 5] is 5 characters, the quote 10"),
        ({"span": (3, 3)}, "a span is two character offsets [start, end] with 0 <= start < end, got (3, 3)"),
        ({"figure_span": (0, 3)}, "figure span [0, 3] must hold the figure within the quote"),
        (
            {"change": Change("increase", ReportedValue.of("0.1"), relative=True)},
            "a candidate is a level or a change, not both",
        ),
        ({"value": None, "alternatives": (ReportedValue.of("1", "USD"),)}, "only a level has alternatives"),
    ],
)  # fmt: skip
def test_a_candidate_that_cannot_be_is_refused(changes: dict[str, Any], message: str) -> None:
    candidate = Candidate(
        quote="RMB 5 here", span=(0, 10), figure="RMB 5", figure_span=(0, 5), value=ReportedValue.of("5", "CNY")
    )
    with pytest.raises(InvalidClaimError) as caught:
        attrs.evolve(candidate, **changes)
    assert str(caught.value) == message


def test_a_relative_change_must_be_a_ratio() -> None:
    with pytest.raises(InvalidClaimError) as caught:
        Change(Direction.DECREASE, ReportedValue.of("5", "percent"), relative=True)
    assert str(caught.value) == "a relative change is a ratio, not 5%"


def test_a_change_needs_a_known_direction() -> None:
    with pytest.raises(InvalidClaimError) as caught:
        Change("sideways", ReportedValue.of("1"), relative=True)
    assert str(caught.value) == "direction must be increase or decrease, got 'sideways'"


def test_a_candidate_reads_as_its_figure_period_and_subject() -> None:
    candidate = extract("In 2020, JD Foundation donated RMB 5 million.")[0]
    assert str(candidate) == "RMB 5,000,000 — 2020 — JD Foundation"
    assert repr(candidate) == "Candidate('RMB 5,000,000', 2020, span=(9, 44))"
    assert candidate.value is not None
    assert candidate.value.qualifier is Qualifier.EXACT


# ------------------------------------------------------------------ fiscal years a text names by the year they start in


@pytest.mark.parametrize(
    "binding",
    [
        "Larkspur Outfitters' fiscal year ends on January 31, so fiscal 2021 is the year ended January 31, 2022.",
        'This update covers the year ended 31 January 2022 ("fiscal 2021").',
        "This update covers fiscal 2021 (ended 29 January 2022), a year of 52 weeks.",
        "This update covers fiscal year 2021, which ended on January 29, 2022.",
        "This update covers FY2021 (the year ended 31 January 2022).",
        "Larkspur's fiscal year ends near January 31; fiscal 2021 was the 52-week period ended January 29, 2022.",
        "This update covers the 52 weeks ended 29 January 2022 (fiscal 2021).",
    ],
)
def test_a_fiscal_year_named_by_the_year_it_starts_in_names_every_fiscal_year_of_the_text(binding: str) -> None:
    text = "\n\n".join(
        [
            binding,
            "Packaging",
            "In fiscal 2021, Larkspur recycled 840 tonnes of cardboard, 6% less than in fiscal 2020.",
            "During the year, it audited 97 farms. It had audited 81 farms a year earlier.",
            "Goals",
            "By the end of fiscal 2026, we aim to:\n- recycle at least 95% of our cardboard.",
        ]
    )
    found = [(c.figure, c.period.iso()) for c in extract(text)]
    assert found == [
        ("840 tonnes", "FY2021 (2021-02 to 2022-01)"),
        ("6% less", "FY2021 (2021-02 to 2022-01)"),
        ("97 farms", "FY2021 (2021-02 to 2022-01)"),
        ("81 farms", "FY2020 (2020-02 to 2021-01)"),
        ("at least 95%", "as of 2027-01-31"),  # the last day of fiscal 2026
    ]
    change = extract(text)[1].change
    assert change is not None
    assert change.baseline == parse_period("FY2020 (2020-02 to 2021-01)")


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # the month alone: a fiscal year is named by the year it ends in
        (
            "Larkspur's fiscal year ends on January 31. In fiscal 2021, it recycled 840 tonnes.",
            "FY2021 (2020-02 to 2021-01)",
        ),
        # a year of 52 or 53 weeks, named by the year it ends in
        ("In fiscal 2021 (ended 30 January 2021), Larkspur recycled 840 tonnes.", "FY2021 (2020-02 to 2021-01)"),
        # a year ended in the first week of a month ends, by its months, with the month before
        ("For the year ended 2 February 2024, Larkspur recycled 840 tonnes.", "FY2024 (2023-02 to 2024-01)"),
        ("For the 53-week period ended January 28, 2023, Larkspur recycled 840 tonnes.", "FY2023 (2022-02 to 2023-01)"),
        ("For the period ended 30 June 2024, Larkspur recycled 840 tonnes.", "unknown"),  # how many months?
        ("In fiscal 2023, which ended on 30 June 2023, Larkspur recycled 840 tonnes.", "FY2023 (2022-07 to 2023-06)"),
        ("In fiscal 2024 ending 31 March 2025, Larkspur recycled 840 tonnes.", "FY2024 (2024-04 to 2025-03)"),
        # a name that cannot be the year ended is no binding
        ("In fiscal 2019 (ended 31 January 2024), Larkspur recycled 840 tonnes.", "FY2019"),
    ],
)
def test_a_fiscal_year_bound_to_its_last_day_sets_the_names_of_the_texts_fiscal_years(text: str, period: str) -> None:
    (candidate,) = extract(text)
    assert candidate.period.iso() == period


# ------------------------------------------------------------------ numbers in names, people, changes against a period


def test_a_number_in_the_name_of_a_class_before_a_counted_noun_is_no_figure() -> None:
    text = "In 2023, Larkspur bought cotton from 57 tier-2 farms and 12 grade-A mills."
    assert next((c.figure, str(c.value)) for c in extract(text)) == ("57 tier-2 farms", "57 farms")
    text = "Emissions from purchased goods (Scope 3, category 1) were 640,000 tCO2e in 2023."
    assert _figures(text) == ["640,000 tCO2e"]
    text = "Our scope 1 and 2 emissions fell 12% in 2023, and scope 3 category 11 emissions rose 3%."
    assert _figures(text) == ["fell 12%", "rose 3%"]
    assert _figures("The tier 2 suppliers of 2023 numbered 310.") == ["310"]


def test_officials_and_other_people_with_a_modifier_count_people() -> None:
    text = "In 2023, the programme trained several hundred township officials and 85 county inspectors."
    assert [str(c.value) for c in extract(text)] == ["several hundred people", "85 people"]


@pytest.mark.parametrize(
    ("text", "direction", "delta", "baseline"),
    [
        ("In 2023, water withdrawal was roughly 6% below 2021.", "decrease", "around 0.06 (±10%)", "2021"),
        ("In FY2024, waste sent to landfill was 4% above FY2023.", "increase", "0.04", "FY2023"),
        ("In 2023, the share of women managers was 3 percentage points above 2020.", "increase", "3%", "2020"),
        ("In 2023, our emissions were 18% below the 2019 baseline.", "decrease", "0.18", "2019"),
    ],
)
def test_a_share_below_or_above_a_period_is_a_change_compared_with_it(
    text: str, direction: str, delta: str, baseline: str
) -> None:
    (candidate,) = extract(text)
    assert candidate.change is not None
    assert candidate.change.direction.value == direction
    assert str(candidate.change.delta) == delta
    assert candidate.change.baseline == parse_period(baseline)
    assert str(candidate.change.baseline) in str(candidate.change)  # "compared with 2021"


def test_a_share_below_a_figure_or_a_level_is_no_change() -> None:
    (below,) = extract("In 2023, the ratio stayed below 1.5%.")
    assert below.value == esgclaims.parse_value("less than 1.5%")
    (share,) = extract("In 2023, 40% of the mine sits below 2000 metres.")  # a figure, not a year
    assert (share.figure, share.change) == ("40%", None)
    (tonnes,) = extract("In 2023, output was 600 tonnes below 2022.")  # only a share is read as a change here
    assert (tonnes.figure, tonnes.change) == ("600 tonnes", None)


# ------------------------------------------------------------------ the end of the year, and an event's figures


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        (
            (
                "In March 2023, we issued a RMB 2 billion green bond; 80% of its proceeds had been allocated by the "
                "end of the year."
            ),
            ["2023-03", "as of 2023-12-31"],
        ),
        # the year the text reports on, when it holds the month
        (
            (
                "Larkspur reports on the year ended 30 June 2024.\n\nIn September 2023, we issued a RMB 2 billion "
                "green bond; 80% of its proceeds had been allocated at year-end."
            ),
            ["2023-09", "as of 2024-06-30"],
        ),
        # else the fiscal year the text's convention gives
        (
            (
                "Our fiscal year ends on 30 June. In September 2023, we issued a RMB 2 billion green bond; 80% of "
                "its proceeds had been allocated by the end of the fiscal year."
            ),
            ["2023-09", "as of 2024-06-30"],
        ),
        # a year in context is its own year
        (
            "In 2023, we planted 4,000 trees, and 3,800 had survived by the end of the year.",
            ["2023", "as of 2023-12-31"],
        ),
    ],
)
def test_the_end_of_the_year_after_a_shorter_period_is_the_end_of_the_year_it_falls_in(
    text: str, periods: list[str]
) -> None:
    assert [c.period.iso() for c in extract(text)] == periods


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "To date, the Riverside Trust, founded in 2016 with RMB 50 million, has reached 120 villages.",
            [("RMB 50 million", "2016"), ("120 villages", "unknown")],
        ),
        (
            "Launched in March 2021 with an initial budget of HK$8 million, the scheme now reaches 900 households.",
            [("HK$8 million", "2021-03"), ("900 households", "unknown")],
        ),
        # an event's date frames no figure it does not come with
        ("The cooperative, established in 2010, employs 300 people.", [("300 people", "unknown")]),
    ],
)
def test_a_figure_an_event_comes_with_takes_the_events_date(text: str, found: list[tuple[str, str]]) -> None:
    assert _periods(text) == found


# ------------------------------------------------------------------ rules from the seventh held-out set


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "In 2023, hundreds of trained volunteers and tens of thousands of rural households joined the scheme.",
            ["hundreds of people", "tens of thousands of households"],
        ),
        (
            "In 2022, over 1,500 employees and hundreds of independent agents raised HK$2 million.",
            ["more than 1,500 employees", "hundreds of people", "HK$ 2,000,000"],
        ),
        (
            "The insurer trained 1,200 insurance brokers and about 40 claims adjusters.",
            ["1,200 people", "around 40 people (±10%)"],
        ),
        (
            "Dozens of local shopkeepers and thousands of nearby residents signed up.",
            ["dozens of people", "thousands of people"],
        ),
    ],
)
def test_an_order_of_magnitude_before_a_modifier_and_a_people_noun_counts_people(text: str, values: list[str]) -> None:
    assert [str(c.value) for c in extract(text)] == values


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "In 2023, the library served 12,500 readers, up 1,100 from a year earlier.",
            [("level", "12,500 people", "2023"), ("change", "1,100 people", "2023")],
        ),
        (
            "Community spending reached HK$42 million in 2023, an increase of 6 million.",
            [("level", "HK$ 42,000,000", "2023"), ("change", "HK$ 6,000,000", "2023")],
        ),
        (
            "The cooperative had 2,400 member farms at the end of 2023 (down 150 on 2022).",
            [("level", "2,400 farms", "as of 2023-12-31"), ("change", "150 farms", "as of 2023-12-31")],
        ),
        # the change has a subject of its own, or a unit of its own: nothing is shared
        (
            "The fund held RMB 3 billion in 2023, and its headcount rose by 200.",
            [("level", "RMB 3,000,000,000", "2023"), ("change", "200", "2023")],
        ),
        (
            "In 2023, the fleet covered 41 million km, up 3 million passengers.",
            [("level", "41,000,000 km", "2023"), ("change", "3,000,000 people", "2023")],
        ),
    ],
)
def test_a_bare_absolute_change_after_a_level_takes_the_levels_unit(
    text: str, found: list[tuple[str, str, str]]
) -> None:
    assert [_read(c) for c in extract(text)] == found


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        # the year of the period in context
        (
            "In H1 2025 we spent EUR 12 million on solar, and EUR 15-18 million is budgeted for the second half.",
            ["H1 2025", "H2 2025"],
        ),
        (
            "In 2024, we restored 4,000 hectares of wetland, and a further 2,500 hectares in the fourth quarter.",
            ["2024", "Q4 2024"],
        ),
        ("In Q1 2025, we opened 4 farms, and 6 more farms opened in the second quarter.", ["Q1 2025", "Q2 2025"]),
        # else the year of the period the text reports on
        (
            (
                'Larkmoor Foods today published its update for the six months ended 30 June 2025 ("H1 2025").\n\n'
                "Water\n\nWe used 1.4 million m3 of water in the first half."
            ),
            ["H1 2025"],
        ),
        (
            (
                "Larkmoor reports on the year ended 31 December 2025.\n\n"
                "Energy\n\nIts solar roofs made 3.2 GWh in the third quarter."
            ),
            ["Q3 2025"],
        ),
        # a fiscal year with months: its own halves
        (
            (
                'Larkmoor reports on the year ended 31 March 2025 ("FY2025").\n\nEnergy\n\n'
                "Its solar roofs made 3.2 GWh in the second half of the year."
            ),
            ["2024-10 to 2025-03"],
        ),
        # a half, and what follows in its paragraph
        (
            (
                "Larkmoor publishes its results for 2024.\n\n"
                "In the second half, it opened 6 farms. They employ 300 people."
            ),
            ["H2 2024", "H2 2024"],
        ),
        # no year anywhere, a stretch of years, or a half of something else
        ("We used 1.4 million m3 of water in the first half.", ["unknown"]),
        (
            "Between 2024 and 2026, we will invest EUR 30 million, and EUR 5 million in the first half.",
            ["2024 to 2026", "unknown"],
        ),
        ("In 2024, the first half of the programme trained 300 teachers.", ["2024"]),
    ],
)
def test_a_half_or_quarter_without_a_year_is_of_the_year_in_context_or_reported_on(
    text: str, periods: list[str]
) -> None:
    assert [c.period.iso() for c in extract(text)] == periods


@pytest.mark.parametrize(
    ("intro", "period"),
    [
        ("Orchard Lane has a plan for its orchards. By 2029, the company aims to:", "as of 2029"),
        (
            "Under its Orchards 2040 plan, Orchard Lane has set interim goals. By the end of 2029, it will:",
            "as of 2029-12-31",
        ),
        ("Orchard Lane restored 800 hectares of orchards in 2024. By 2029, the company aims to:", "as of 2029"),
    ],
)
def test_the_short_last_sentence_of_a_long_line_opens_a_list_with_its_deadline(intro: str, period: str) -> None:
    text = "\n".join(
        [
            "Goals",
            "",
            intro,
            "- source at least 75% of apples from certified orchards; and",
            "- cut refrigerant leaks by 30% from the 2021 baseline.",
        ]
    )
    *before, share, cut = extract(text)
    assert [(c.figure, c.period.iso()) for c in before] == [("800 hectares", "2024")] * len(before)
    assert (share.period.iso(), cut.period.iso()) == (period, period)
    assert cut.change is not None
    assert cut.change.baseline == CalendarYear(2021)


# ------------------------------------------------------------------ a currency the text states


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            (
                "All amounts are in US dollars.\n\nIn 2023, the Foundation granted $4.5 million to clinics, "
                "compared with $3.8 million in 2022."
            ),
            [("US$ 4,500,000", "2023"), ("US$ 3,800,000", "2022")],
        ),
        (
            "Amounts are in Hong Kong dollars unless stated otherwise. In 2023, the Trust spent about $18 million.",
            [("around HK$ 18,000,000 (±10%)", "2023")],
        ),
        ("Community investment (in US$)\n\nIn 2023, we invested $2.1 million in schools.", [("US$ 2,100,000", "2023")]),
        (
            "All amounts in this report are in U.S. dollars. Grants rose to $960,000 in 2023.",
            [("US$ 960,000", "2023")],
        ),
        ("Amounts are in renminbi. In 2023, it paid ¥2,400 to each family.", [("RMB 2,400", "2023")]),
    ],
)
def test_a_bare_dollar_is_read_in_the_currency_the_text_states(text: str, values: list[tuple[str, str]]) -> None:
    found = extract(text)
    assert [(str(c.value), c.period.iso()) for c in found] == values
    for candidate in found:
        assert text[slice(*candidate.figure_span)] == candidate.figure
        assert text[slice(*candidate.span)] == candidate.quote
        assert re.fullmatch(r"'[$¥]' read as (?:US\$|HK\$|RMB), as the text states: '.+'", candidate.note)


def test_a_figure_read_in_the_stated_currency_says_so_and_keeps_its_words_as_written() -> None:
    text = "Figures are expressed in US dollars. In 2023, the Trust raised HK$31 million (about $4 million)."
    (candidate,) = extract(text)
    assert candidate.figure == "HK$31 million (about $4 million)"
    assert candidate.alternatives == (ReportedValue.of("4000000", "USD", "approximately", precision="1000000"),)
    assert candidate.note == "'$' read as US$, as the text states: 'Figures are expressed in US dollars'"
    (level,) = extract("All amounts are in US dollars. In 2023, it spent $5-6 million, and $7 million in 2024.")[:1]
    assert str(level.value) == "US$ 5,000,000 to US$ 6,000,000"


@pytest.mark.parametrize(
    "statement",
    [
        "",  # none
        "All amounts are in Singapore dollars. ",  # a dollar esgclaims cannot read
        "Amounts are in US dollars; figures for the Hong Kong unit are expressed in Hong Kong dollars. ",  # two
        "Sales denominated in US dollars rose. ",  # what some sales are in, not what the text states amounts in
    ],
)
def test_a_bare_dollar_stays_unread_without_one_currency_the_text_states(statement: str) -> None:
    candidate = extract(statement + "In 2023, the Foundation granted $4.5 million.")[-1]
    assert (candidate.kind, candidate.figure) == ("unread", "$4.5 million")
    assert candidate.note == (
        "cannot read '$4.5 million': '$' could be US$, HK$ or another dollar; write US$, HK$ or the ISO code"
    )


def test_a_range_between_two_amounts_each_with_its_currency_is_one_range() -> None:
    (candidate,) = extract("In 2024, the council will spend US$5-US$6 million on flood barriers.")
    assert str(candidate.value) == "US$ 5,000,000 to US$ 6,000,000"


# ------------------------------------------------------------------ energy in Chinese, amounts more than a year's


def test_a_chinese_scale_before_kilowatt_hours_scales_the_number() -> None:
    (candidate,) = extract("2023年\uff0c园区屋顶光伏发电约4.6亿千瓦时。")
    assert candidate.value == ReportedValue.of("460000000", "kWh", "approximately", precision="10000000")
    assert candidate.figure == "约4.6亿千瓦时"
    assert str(extract("2024年\uff0c储能电站放电1.5万千瓦时。")[0].value) == "15,000 kWh"


@pytest.mark.parametrize(
    ("text", "found", "direction"),
    [
        (
            "The cooperative enrolled 1,860 households in 2023, 240 more than in 2022.",
            [("level", "1,860 households", "2023"), ("change", "240 households", "2023")],
            Direction.INCREASE,
        ),
        (
            "Landfilled waste was 930 tonnes in 2023, 85 tonnes less than a year earlier.",
            [("level", "930 t", "2023"), ("change", "85 t", "2023")],
            Direction.DECREASE,
        ),
        (
            "The programme trained 640 farmers in 2023, 35 fewer than in 2022.",
            [("level", "640 people", "2023"), ("change", "35 people", "2023")],
            Direction.DECREASE,
        ),
    ],
)
def test_an_amount_more_or_less_than_in_a_period_is_an_absolute_change(
    text: str, found: list[tuple[str, str, str]], direction: Direction
) -> None:
    level, change = extract(text)
    assert [_read(level), _read(change)] == found
    assert change.change is not None
    assert (change.change.direction, change.change.relative, change.change.baseline) == (
        direction,
        False,
        CalendarYear(2022),
    )
    assert [c.kind for c in extract("In 2023 we trained 40 more than 2000 people.")] == ["level", "level"]


# ------------------------------------------------------------------ numbers in the names of places


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("In 2023 we rebuilt Wharf 3-5 and installed 42 shore-power outlets.", ["42 shore-power outlets"]),
        ("Berths 21-23 handled 950,000 passengers in 2023.", ["950,000 passengers"]),
        ("In 2023, Terminal 4 and Gates 11, 12 and 14 served 3.4 million passengers.", ["3.4 million passengers"]),
        ("Building 5-7 of the campus added 2,300 m2 of rooftop solar in 2023.", ["2,300 m2"]),
        ("In 2023, production lines 2 to 4 used 18,000 MWh.", ["18,000 MWh"]),
        ("At platform 9, we fitted 120 households with meters in 2023.", ["120 households"]),
        ("Route 38 carried 1.1 million riders in 2023.", ["1.1 million riders"]),
        ("In 2023, Phase 2-3 of the scheme reached 800 households.", ["800 households"]),
        # a unit after the number: a measure, not a name
        ("In 2023, a line 12 km long opened.", ["12 km"]),
        ("In 2023, the plant ran 24 hours a day.", ["24 hours"]),
    ],
)
def test_a_number_after_a_place_word_names_the_place(text: str, figures: list[str]) -> None:
    assert _figures(text) == figures


# ------------------------------------------------------------------ periods: a year earlier, calendar years, rates


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        # a year-end share, then the one a year earlier: the previous year-end
        (
            (
                "In 2023, the bank opened 9 branches. At year-end, 78% of its branches were step-free, "
                "up from 70% a year earlier."
            ),
            ["2023", "as of 2023-12-31", "as of 2022-12-31"],
        ),
        # a year's flow: the previous year
        (
            "In 2023, the fleet used 4.2 million litres of diesel, down from 4.6 million litres a year earlier.",
            ["2023", "2022"],
        ),
        # a figure of no known period: none for the one before it either
        ("In 2023, the fund grew. It now supports 90 households, up from 75 a year earlier.", ["unknown", "unknown"]),
    ],
)
def test_a_figure_a_year_earlier_takes_a_year_before_the_figure_it_is_compared_with(
    text: str, periods: list[str]
) -> None:
    assert [c.period.iso() for c in extract(text)] == periods


def test_a_calendar_year_is_the_calendar_year_in_a_text_of_fiscal_years() -> None:
    text = "Marrow Health's fiscal year ends on 30 June. In calendar 2023, its clinics treated about 12,000 patients."
    (candidate,) = extract(text)
    assert (candidate.period, candidate.period_phrase) == (CalendarYear(2023), "In calendar 2023")


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Goals\n\nBy 2028, we plan to:\n- train 5,000 nurses a year; and\n- open 12 clinics.", "as of 2028"),
        ("We aim to treat 2 million patients a year by 2030.", "as of 2030"),
        ("By 2030, we aim to halve our emissions. We will also train 800 midwives annually.", "as of 2030"),
        # no deadline: a rate has no period of its own, and takes none from its context
        ("The plant is expected to treat 40,000 m3 of water per day once complete.", "unknown"),
        ("In 2023, the Trust opened 4 clinics. The scholarship funds 50 students each year.", "unknown"),
    ],
)
def test_a_rate_in_a_target_takes_the_targets_deadline(text: str, period: str) -> None:
    rate = next(c for c in extract(text) if c.value is not None and str(c.value.units) != "dimensionless")
    assert rate.period.iso() == period


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "In 2023, the operator's 5G network reached 92% of homes, and 4G reached 210 villages that relied on 3G.",
            ["92%", "210 villages"],
        ),
        (
            "In 2023, the site met WCAG 2.1, the Aqueduct 3.0 tool flagged 9 farms; Connect 100 served 300 households.",
            ["9 farms", "300 households"],
        ),
    ],
)
def test_numbers_in_network_generations_and_names_are_no_figures(text: str, values: list[str]) -> None:
    assert [str(c.value) for c in extract(text)] == values


def test_a_unit_written_joined_to_its_number_is_still_a_figure() -> None:
    assert [str(c.value) for c in extract("In 2023, the utility laid 12km of pipe and generated 40MWh.")] == [
        "12 km",
        "40 MWh",
    ]


def test_a_price_a_month_takes_the_period_its_sentence_states() -> None:
    text = (
        "The company's financial year ends on 31 December, and this report covers the year ended "
        '31 December 2024 ("FY2024").\n\n'
        "In FY2024, 12,400 older residents used our Care Line service at HK$45 a month, "
        "up from 10,900 residents a year earlier."
    )
    assert [(str(c.value), c.period.iso()) for c in extract(text)] == [
        ("12,400 people", "FY2024 (2024-01 to 2024-12)"),
        ("HK$ 45", "FY2024 (2024-01 to 2024-12)"),
        ("10,900 people", "FY2023 (2023-01 to 2023-12)"),
    ]


def test_a_rate_since_a_year_is_still_a_standing_rate() -> None:
    (candidate,) = extract("Since 2019, the pantry has fed more than 3,000 families each week.")
    assert candidate.period.iso() == "unknown"


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("2022年合作社带动农户增收。其中女性占比超过六成。", ["more than 60%"]),
        ("2022年逾半农户开通了网店; 近两成农户的收入翻番。", ["more than 50%", "around 20% (±10%)"]),
        ("2022年合作社成本下降, 管理一成不变。", []),
    ],
)
def test_chinese_shares_in_tenths_and_halves_are_figures(text: str, values: list[str]) -> None:
    assert [str(c.value) for c in extract(text)] == values


def test_water_in_cubic_meters_and_a_water_use_ratio_are_read_in_their_units() -> None:
    text = "In 2023, the brewery drew 2.6 million cubic meters of water, using 3.2 liters of water per liter of beer."
    assert [str(c.value.units) for c in extract(text) if c.value is not None] == ["cubic_meter", "dimensionless"]


def test_a_price_target_at_or_below_is_at_most() -> None:
    (candidate,) = extract("By 2027, we aim to keep the basic tariff at or below HK$99 a month.")
    assert (str(candidate.value), candidate.period.iso()) == ("at most HK$ 99", "as of 2027")
