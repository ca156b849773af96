"""Periods from context: the phrase a figure's sentence, paragraph, heading or list states."""

from __future__ import annotations

import pytest

from esgclaims import (
    AsOf,
    CalendarYear,
    PartialDate,
    Source,
    UnknownPeriod,
    extract,
    parse_period,
)
from tests.extraction.common import (
    counted,
    figure_periods,
)


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
        (
            "Fernhill Dairy's review covers calendar year 2022.\n\nHerds\n\nIn the reporting period, it sold 41 farms.",
            "2022",
        ),
        ("The report covers calendar year 2021.\n\nSoil\n\nIts growers limed 900 ha during the year.", "2021"),
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
    assert figure_periods(text) == [("1,200 hectares", "unknown")]  # when FY2028 ends, the text does not say
    text = "Our fiscal year ends on 31 March.\n\nBy the end of FY2028\n\nWe will restore 1,200 hectares of wetland."
    assert figure_periods(text) == [("1,200 hectares", "as of 2028-03-31")]


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
    assert figure_periods(text) == found


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
    assert figure_periods(text) == [("between RMB 40 million and RMB 55 million", "as of 2026-12-31")]
    assert figure_periods("The depot cost RMB 40 million, and it opened by the end of 2021.") == [
        ("RMB 40 million", "unknown")
    ]


def test_a_period_opening_a_sentence_is_not_undone_by_a_stretch_of_time_after_a_figure() -> None:
    text = "As at 30 June 2023, 310 farms had joined, and 92% of suppliers had been audited within the last two years."
    assert [c.period.iso() for c in extract(text)] == ["as of 2023-06-30", "as of 2023-06-30"]
    assert figure_periods("Over the past two years, we trained 900 farmers.") == [("900 farmers", "unknown")]


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
    assert figure_periods(text) == found


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
        ("In 2023, the Trust opened its first clinic. The scholarship funds 50 students each year.", "unknown"),
    ],
)
def test_a_rate_in_a_target_takes_the_targets_deadline(text: str, period: str) -> None:
    rate = next(
        c for c in extract(text) if c.value is not None and (str(c.value.units) != "dimensionless" or c.count_kind)
    )
    assert rate.period.iso() == period


def test_a_price_a_month_takes_the_period_its_sentence_states() -> None:
    text = (
        "The company's financial year ends on 31 December, and this report covers the year ended "
        '31 December 2024 ("FY2024").\n\n'
        "In FY2024, 12,400 older residents used our Care Line service at HK$45 a month, "
        "up from 10,900 residents a year earlier."
    )
    assert [(*counted(c), c.period.iso()) for c in extract(text)] == [
        ("exact 12400", "resident", "FY2024 (2024-01 to 2024-12)"),
        ("exact 45", None, "FY2024 (2024-01 to 2024-12)"),
        ("exact 10900", "resident", "FY2023 (2023-01 to 2023-12)"),
    ]


def test_a_rate_since_a_year_is_still_a_standing_rate() -> None:
    (candidate,) = extract("Since 2019, the pantry has fed more than 3,000 families each week.")
    assert candidate.period.iso() == "unknown"


PUBLISHED = Source(
    id="kestrel-2025", title="Kestrel Water update", publisher="Kestrel", published=PartialDate(2025, 3, 4)
)


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        ("To date, the trust has restored 210 hectares of wetland.", ["as of 2025-03-04"]),
        ("The trust has fitted 75 rain tanks so far.", ["as of 2025-03-04"]),
        ("Until now, 18 of our depots have reused their wash water.", ["as of 2025-03-04"]),
        ("Over the past four years, we replaced 62 km of mains.", ["2021-03-04 to 2025-03-04"]),
        ("In the next three years, we will invest EUR 9 million in meters.", ["2025-03-04 to 2028-03-04"]),
        ("This year, the trust has restored 35 hectares of reedbed.", ["2025"]),
        ("Set up in 2009, the trust has for over 15 years funded 320 river wardens.", ["as of 2025-03-04"]),
        # a period the sentence states before a window stays the figure's: the window only says how far back
        ("In 2024, we replaced 9 km of mains, the most within the past five years.", ["2024"]),
    ],
)
def test_a_phrase_relative_to_the_publication_date_is_read_against_the_sources(text: str, periods: list[str]) -> None:
    assert [c.period.iso() for c in extract(text, PUBLISHED)] == periods


@pytest.mark.parametrize(
    "text",
    [
        "To date, the trust has restored 210 hectares of wetland.",
        "Over the past four years, we replaced 62 km of mains.",
        "This year, the trust has restored 35 hectares of reedbed.",
        "Set up in 2009, the trust has for over 15 years funded 320 river wardens.",
    ],
)
def test_without_a_publication_date_a_phrase_relative_to_it_has_no_period(text: str) -> None:
    no_date = Source(id="kestrel-2025", title="Kestrel Water update", publisher="Kestrel")

    assert [c.period for c in extract(text, no_date)] == [UnknownPeriod()]
    assert [c.period for c in extract(text)] == [UnknownPeriod()]


def test_the_items_of_a_list_the_next_years_open_take_the_span_from_the_publication_date() -> None:
    text = (
        "In the next five years, the trust will:\n- restore 40 hectares of reedbed;\n- invest EUR 2 million in meters."
    )

    assert [c.period.iso() for c in extract(text, PUBLISHED)] == ["2025-03-04 to 2030-03-04"] * 2


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("From June to August 2024, the trust handed out 8,200 water bottles.", "2024-06 to 2024-08"),
        ("Between 3 July and 19 August 2024, volunteers cleared 14 tonnes of litter.", "2024-07-03 to 2024-08-19"),
        ("During the drought of July 3 to August 19, 2024, demand peaked at 410 MW.", "2024-07-03 to 2024-08-19"),
    ],
)
def test_a_range_of_months_within_one_year_is_a_span(text: str, period: str) -> None:
    assert [c.period.iso() for c in extract(text)] == [period]


def test_during_the_year_after_a_date_is_the_fiscal_year_that_date_falls_in() -> None:
    text = (
        "Our financial year runs from 1 July to 30 June, so FY2025 is the year ended 30 June 2025.\n\n"
        "At 30 June 2025, the plant had 40 MW of capacity. During the year it generated 52,000 MWh."
    )
    assert [c.period.iso() for c in extract(text)] == ["as of 2025-06-30", "FY2025 (2024-07 to 2025-06)"]


def test_the_reporting_period_is_the_one_the_text_opens_with_not_a_quarter_ended_named_later() -> None:
    text = (
        "This report covers the year ended 30 June 2025.\n\n"
        "In the quarter ended 31 March 2025, the plant treated 900 m³ of water.\n\n"
        "In the reporting period, auditors carried out 35 site audits."
    )
    assert extract(text)[-1].period.iso() == "FY2025 (2024-07 to 2025-06)"


def test_a_split_year_bound_to_the_day_it_ended_gives_every_split_year_its_months() -> None:
    text = (
        "The financial year 2024/25, which ended on 31 March 2025, was our best. "
        "In FY2024/25, the trust spent HK$12 million."
    )
    assert [c.period.iso() for c in extract(text)] == ["FY2025 (2024-04 to 2025-03)"]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        (
            "In 2023 we upgraded 40 poles. Over the four years to June 2027, we will replace 900 more.",
            "2023-07 to 2027-06",
        ),
        ("In the three years to 2026 the bank aims to lend £5 billion.", "2024 to 2026"),
    ],
)
def test_the_n_years_to_a_month_or_year_is_the_span_ending_then(text: str, period: str) -> None:
    assert extract(text)[-1].period.iso() == period


@pytest.mark.parametrize(
    ("text", "unit", "period"),
    [
        (
            "During the sale from March 3 to 9, 2025, daily orders at the depot peaked at 18,000 boxes.",
            "/ day",
            "2025-03-03 to 2025-03-09",
        ),
        (
            "From June to August 2024, the 12 new pumps supplied 900 m3 of water a day.",
            "cubic_meter / day",
            "2024-06 to 2024-08",
        ),
        ("Monthly ridership averaged 52,000 passengers in 2023.", "/ month", "2023"),
    ],
)
def test_a_rate_named_before_its_figure_or_after_a_stated_span_keeps_that_span(
    text: str, unit: str, period: str
) -> None:
    found = extract(text)[-1]
    assert found.value is not None
    assert (str(found.value.units).endswith(unit), found.period.iso()) == (True, period)  # "1 / day", "box / day"
