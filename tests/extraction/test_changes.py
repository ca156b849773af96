"""Changes: telling a change ("up 38% year-on-year") from a level, its direction and its unit."""

from __future__ import annotations

from decimal import Decimal

import pytest

import esgclaims
from esgclaims import (
    CalendarYear,
    Change,
    Direction,
    ReportedValue,
    extract,
    parse_period,
)
from tests.extraction.common import (
    as_read,
    counted,
)


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


def test_a_change_by_an_amount_to_a_level_is_a_change_and_a_level_of_what_its_subject_counts() -> None:
    found = extract("Registered farms grew by 1,200 to 8,400 in 2021.")
    assert [as_read(c) for c in found] == [
        ("change", "1,200 farms", "2021"),
        ("level", "8,400 farms", "2021"),
    ]
    assert found[0].change is not None
    assert found[0].change.direction is Direction.INCREASE
    found = extract("Volunteers in rural counties rose by 300 to 2,100 in 2022.")
    assert [(c.kind, *counted(c)) for c in found] == [
        ("change", "exact 300", "volunteer"),  # people in a role: a kind of its own
        ("level", "exact 2100", "volunteer"),
    ]


def test_a_share_less_or_more_than_a_period_is_a_change_compared_with_it() -> None:
    found = extract("In 2021 we used 412 tonnes of paper, 7% less than in 2020.")
    assert [as_read(c) for c in found] == [("level", "412 t", "2021"), ("change", "0.07", "2021")]
    change = found[1].change
    assert change is not None
    assert (change.direction, change.baseline, change.basis) == (
        Direction.DECREASE,
        CalendarYear(2020),
        "compared with 2020",
    )
    assert found[1].figure == "7% less"
    (more,) = extract("We served 150 more villages than in 2020.")  # a count more than in a period: absolute
    assert more.change is not None
    assert (more.change.direction, more.change.relative, str(more.change.delta)) == (
        Direction.INCREASE,
        False,
        "150 villages",
    )


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
    assert as_read(candidate)[:2] == found


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


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "In 2023, the library served 12,500 people, up 1,100 from a year earlier.",
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
            "In 2023, the fleet covered 41 million km, up 3 million people.",
            [("level", "41,000,000 km", "2023"), ("change", "3,000,000 people", "2023")],
        ),
    ],
)
def test_a_bare_absolute_change_after_a_level_takes_the_levels_unit(
    text: str, found: list[tuple[str, str, str]]
) -> None:
    assert [as_read(c) for c in extract(text)] == found


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("In 2023, the library served 12,500 readers, up 1,100 from a year earlier.", ["reader", "reader"]),
        ("The programme trained 640 farmers in 2023, 35 fewer than in 2022.", ["farmer", "farmer"]),
        ("In 2023 the fleet carried 41 million riders, up from 38 million in 2022.", ["rider", "rider"]),
        ("In 2024 the clinic had 812 patients, compared with 760 in 2023.", ["patient", "patient"]),
    ],
)
def test_a_level_of_people_in_a_role_and_its_change_or_comparison_count_that_role(text: str, kinds: list[str]) -> None:
    assert [c.count_kind for c in extract(text)] == kinds  # a kind of its own, proposed: not "person"


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
            "The programme trained 640 employees in 2023, 35 fewer than in 2022.",
            [("level", "640 employees", "2023"), ("change", "35 employees", "2023")],
            Direction.DECREASE,
        ),
    ],
)
def test_an_amount_more_or_less_than_in_a_period_is_an_absolute_change(
    text: str, found: list[tuple[str, str, str]], direction: Direction
) -> None:
    level, change = extract(text)
    assert [as_read(level), as_read(change)] == found
    assert change.change is not None
    assert (change.change.direction, change.change.relative, change.change.baseline) == (
        direction,
        False,
        CalendarYear(2022),
    )
    assert [c.kind for c in extract("In 2023 we trained 40 more than 2000 people.")] == ["level", "level"]


@pytest.mark.parametrize(
    "text",
    [
        "In 2022, 4,500 smallholders increase their yields with our seed loans.",
        "In 2023, 1,200 tenants rise to the challenge of cutting their energy use.",
        "In 2023, women make up 41% of our engineers.",
        "Across 2023, migrants make up 12% of the workforce.",
    ],
)
def test_a_verb_after_the_noun_of_a_level_is_no_change(text: str) -> None:
    assert [c.kind for c in extract(text)] == ["level"]


def test_an_amount_more_than_in_a_fiscal_year_followed_by_a_comma_is_a_change_of_the_level_before() -> None:
    text = "In FY2023 we funded 3,100 apprenticeships, nearly 500 more than in FY2022, most of them in rural towns."
    level, change = extract(text)
    assert level.kind == "level"
    assert change.change is not None
    assert change.change.direction is Direction.INCREASE
    assert (change.count_kind, change.new_kind) == ("apprenticeship", True)


def test_a_change_after_a_unit_and_of_a_noun_is_in_that_unit() -> None:
    text = "In 2023, our staff gave 8,600 hours of mentoring, about 900 more than in 2022."
    change = extract(text)[1].change
    assert change is not None
    assert str(change.delta.units) == "hour"


def test_a_change_by_a_further_amount_is_a_change() -> None:
    (found,) = extract("By 2030 we will cut our water use by a further 18%.")
    assert found.change is not None
    assert (found.change.direction, found.change.delta.reported.magnitude) == (Direction.DECREASE, Decimal("0.18"))


@pytest.mark.parametrize(
    ("text", "direction", "kind"),
    [
        ("At the end of 2022 the bank had 48 kiosks, three fewer than a year earlier.", Direction.DECREASE, "kiosk"),
        (
            "In 2023 the utility served 84,000 water customers, about 900 more water customers than in 2022.",
            Direction.INCREASE,
            "customer",
        ),
    ],
)
def test_a_number_more_or_fewer_than_a_period_after_a_count_is_a_change_of_that_count(
    text: str, direction: Direction, kind: str
) -> None:
    change = extract(text)[-1]
    assert change.change is not None
    assert (change.change.direction, change.change.relative, change.count_kind) == (direction, False, kind)
