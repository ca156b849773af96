"""Figures: which numbers are claims, and their qualifier, amount and unit (counted nouns, currencies)."""

from __future__ import annotations

import re
import uuid

import pytest

from esgclaims import (
    CalendarYear,
    ReportedValue,
    UnknownPeriod,
    extract,
    parse_unit,
    register_count_kind,
)
from esgclaims._units import DIMENSIONLESS, currency_of
from tests.extraction.common import (
    as_read,
    counted,
    figures_of,
    one,
)


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
    ("text", "value", "kind"),
    [
        ("Several hundred bus drivers finished the eco-driving course.", "order_of_magnitude 300", "driver"),
        ("The clinic trained 85 rural midwives and 40 pharmacists.", "exact 85", "midwife"),
        ("Around 1,300 tea growers joined the co-operative.", "approximately 1300", "grower"),
        ("Hundreds of dairy operators attended the field days.", "order_of_magnitude 100", "operator"),
        ("It funded 2,400 small-business borrowers.", "exact 2400", "borrower"),
        ("Thousands of parents used the app.", "order_of_magnitude 1000", "parent"),
        ("Up to 600 seasonal workers picked the harvest.", "at_most 600", "employee"),  # workers stay employees
        ("About 3,000 people attended.", "approximately 3000", "person"),  # generic people words are people
        ("More than 120 individuals applied.", "more_than 120", "person"),
    ],
)
def test_extract_counts_people_by_the_nouns_that_name_them(text: str, value: str, kind: str) -> None:
    register_count_kind("bus", "buses")  # a registered singular before a noun of people modifies it
    register_count_kind("business", "businesses")
    assert counted(extract(text)[0]) == (value, kind)  # a role is a kind of its own, registered or proposed


def test_extract_reads_the_counted_noun_before_a_figure() -> None:
    (candidate,) = extract("Participating farms grew to 7,800 in 2022.")
    assert candidate.value == ReportedValue.of("7800", "farm", precision="1")
    assert candidate.figure == "7,800"


def test_extract_keeps_a_figure_whose_noun_it_does_not_know_and_proposes_its_kind() -> None:
    candidate = one("We planted 3,000 saplings.")
    assert candidate.value == ReportedValue.of("3000", precision="1")
    assert (candidate.count_kind, candidate.new_kind, candidate.figure) == ("sapling", True, "3,000 saplings")
    assert candidate.note == (
        "counts 'saplings', a kind esgclaims does not know: proposed count kind 'sapling' (see register_count_kind)"
    )


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The clinic team fitted 57 rural dispensaries with solar panels.", "dispensary"),
        ("Volunteers repaired 19 of our community kitchens last spring.", "kitchen"),
        ("The programme funded 230 village churches.", "church"),
        ("Our crews replaced 48 water tanks and 12 pumps.", "tank"),
        ("We bought 36 electric ferries.", "ferry"),
        ("The trust opened 14 reading libraries.", "library"),
    ],
)
def test_extract_proposes_the_singular_of_the_head_noun_as_a_new_count_kind(sentence: str, kind: str) -> None:
    candidate = extract(sentence)[0]
    assert (candidate.count_kind, candidate.new_kind) == (kind, True)
    assert candidate.value is not None
    assert candidate.value.units == DIMENSIONLESS


@pytest.mark.parametrize(
    "sentence",
    ["The line ran 12 times a week.", "Members worked 300 hours.", "We hired 40 more.", "It took 9 years."],
)
def test_extract_proposes_no_kind_for_a_unit_a_time_or_a_word_that_is_no_noun(sentence: str) -> None:
    assert all(candidate.count_kind is None or not candidate.new_kind for candidate in extract(sentence))


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("The mill shipped 7,200 metric tons of flour.", "t"),
        ("Our kilns emitted 61 kilotonnes of CO2 in 2022.", "ktCO2e"),
        ("Landfill gas capture avoided 3,100 tons of greenhouse gas emissions.", "tCO2e"),
        ("Our vans cut their carbon emissions by 740 tons.", "tCO2e"),
        ("The depot recycled 830 tons of scrap steel; its emissions fell.", "t"),
        ("The pumps lifted 2,400 m³ of groundwater each day.", "m3/day"),
        ("The rooftop array yields 910 MWh of electricity annually.", "MWh/year"),
        ("The kitchen uses 75 litres of cooking oil daily.", "L/day"),
    ],
)
def test_extract_reads_mass_emissions_and_rates_as_reports_write_them(sentence: str, unit: str) -> None:
    candidate = extract(sentence)[0]
    value = candidate.value if candidate.change is None else candidate.change.delta
    assert value is not None
    assert value.units == parse_unit(unit)


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("Staff turnover was lower than 4% in 2022.", "less_than"),
        ("The audit found smaller than 2 mg deviations in 2022.", "less_than"),
        ("Attendance was higher than 85% in 2022.", "more_than"),
        ("Peak load stayed greater than 700 MW in 2022.", "more_than"),
        ("The site employed larger than 300 employees in 2022.", "more_than"),
    ],
)
def test_extract_reads_comparatives_before_a_figure_as_qualifiers(sentence: str, qualifier: str) -> None:
    value = one(sentence).value
    assert value is not None
    assert value.qualifier.value == qualifier


def test_extract_reads_pounds_of_a_material_as_no_currency() -> None:
    candidate = extract("The pantry received 4,500 pounds of rice.")[0]
    assert candidate.value is not None
    assert currency_of(candidate.value.units) is None


def test_extract_reads_a_bare_dollar_as_us_dollars_where_the_text_names_no_other_dollar() -> None:
    candidate = one("It raised $300 million.")
    assert candidate.value == ReportedValue.of("300000000", "USD", precision="1000000")
    assert candidate.note == "'$' read as US$, the text names no other dollar: US$ by default"


@pytest.mark.parametrize(
    ("text", "written", "literal"),
    [
        ("The smelter emitted 12 million MtCO2e last year.", "12 million MtCO2e", "12,000,000 MtCO2e"),
        ("Its mills shipped 3 thousand kt of pulp.", "3 thousand kt", "3,000 kt"),
        ("The wind farms generated 2 billion GWh in total.", "2 billion GWh", "2,000,000,000 GWh"),
    ],
)
def test_extract_reads_a_scale_word_before_a_scaled_unit_literally_and_notes_a_likely_typo(
    text: str, written: str, literal: str
) -> None:
    candidate = one(text)
    assert candidate.value is not None
    assert str(candidate.value).endswith(literal)
    assert candidate.note == f"{written!r} is {literal} as written: a scale word before a scaled unit is often a typo"


@pytest.mark.parametrize(
    "text",
    ["The depots used 2 million kWh.", "Its trucks drove 12 million km.", "The smelter emitted 12 million tCO2e."],
)
def test_extract_gives_no_typo_note_where_the_scale_word_differs_from_the_prefix(text: str) -> None:
    assert "typo" not in one(text).note


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("The 2023 staff survey drew 1,450 replies.", ["1,450 replies"]),
        ("Our 2024 graduates founded 12 clinics.", ["12 clinics"]),
        ("Its 2022 cohort of trainees met twice.", []),
        ("2023 employees took part in the survey.", ["2023 employees"]),
        ("We employed 2,023 staff at the end of 2023.", ["2,023 staff"]),
        ("Our 2,024 graduates founded clinics.", ["2,024 graduates"]),
    ],
)
def test_extract_reads_a_year_after_a_determiner_before_a_noun_as_the_years_group(
    text: str, figures: list[str]
) -> None:
    assert [candidate.figure for candidate in extract(text)] == figures


def test_extract_keeps_a_figure_it_cannot_read_unambiguously_with_the_reason() -> None:
    candidate = extract("It raised $300 million; its parent spent HK$2 million in 2021.")[0]
    assert (candidate.kind, candidate.value, candidate.change) == ("unread", None, None)
    assert candidate.note == (
        "cannot read '$300 million': '$' could be US$, HK$ or another dollar; write US$, HK$ or the ISO code"
    )


def test_extract_reads_a_conversion_in_parentheses_as_one_claim_in_two_currencies() -> None:
    candidate = one("The Group invested HK$2.4 billion (US$300 million) in factories.")
    assert candidate.value == ReportedValue.of("2400000000", "HKD", precision="100000000")
    assert candidate.alternatives == (ReportedValue.of("300000000", "USD", precision="1000000"),)
    assert candidate.figure == "HK$2.4 billion (US$300 million)"


def test_extract_reads_an_approximate_conversion() -> None:
    candidate = one("Underwriting totaled US$1.2 billion (approximately HK$9.4 billion).")
    assert candidate.alternatives == (
        ReportedValue.of("9400000000", "HKD", "approximately", precision="100000000", tolerance="0.1"),
    )


def test_extract_gives_a_shared_unit_to_both_figures() -> None:
    assert [str(c.value) for c in extract("It reached 3,000 and 5,000 households.")] == [
        "3,000 households",
        "5,000 households",
    ]


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
    assert figures_of(text) == figures


def test_extract_reads_up_to_now_as_a_time_phrase_not_a_bound() -> None:
    candidate = one("Up to now, the Foundation has partnered with 35 villages.")
    assert candidate.value == ReportedValue.of("35", "village", precision="1")
    assert candidate.period == UnknownPeriod()
    assert candidate.period_phrase == "Up to now"


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


def test_a_bare_total_after_a_counted_figure_counts_the_same() -> None:
    found = extract("In 2021 the program reached 12 more villages, bringing the total to 95.")
    assert [as_read(c) for c in found] == [("level", "12 villages", "2021"), ("level", "95 villages", "2021")]
    found = extract("The company opened 3 farms in 2020, for a total of 41.")
    assert [str(c.value) for c in found] == ["3 farms", "41 farms"]


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
    register_count_kind(counted, f"{counted}s")  # the text's plural, also for a name that ends in "ch"
    found = extract(f"It logged around 41 million {modifier} {counted}s in 2021.")
    assert found[0].value is not None
    assert found[0].value.units == parse_unit(counted)


def test_a_bare_figure_of_a_counted_whole_counts_what_the_whole_counts() -> None:
    found = extract("In 2021, 450 of our 3,200 employees joined the scheme.")
    assert [str(c.value) for c in found] == ["450 employees", "3,200 employees"]


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


def test_a_number_in_the_name_of_a_class_before_a_counted_noun_is_no_figure() -> None:
    text = "In 2023, Larkspur bought cotton from 57 tier-2 farms and 12 grade-A mills."
    assert next((c.figure, str(c.value)) for c in extract(text)) == ("57 tier-2 farms", "57 farms")
    text = "Emissions from purchased goods (Scope 3, category 1) were 640,000 tCO2e in 2023."
    assert figures_of(text) == ["640,000 tCO2e"]
    text = "Our scope 1 and 2 emissions fell 12% in 2023, and scope 3 category 11 emissions rose 3%."
    assert figures_of(text) == ["fell 12%", "rose 3%"]
    assert figures_of("The tier 2 suppliers of 2023 numbered 310.") == ["310"]


def test_officials_and_other_people_with_a_modifier_count_their_role() -> None:
    text = "In 2023, the programme trained several hundred township officials and 85 county inspectors."
    assert [counted(c) for c in extract(text)] == [("order_of_magnitude 300", "official"), ("exact 85", "inspector")]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "In 2023, hundreds of trained volunteers and tens of thousands of rural households joined the scheme.",
            [("order_of_magnitude 100", "volunteer"), ("order_of_magnitude 10000", "household")],
        ),
        (
            "In 2022, over 1,500 employees and hundreds of independent agents raised HK$2 million.",
            [("more_than 1500", "employee"), ("order_of_magnitude 100", "agent"), ("exact 2000000", None)],
        ),
        (
            "The insurer trained 1,200 insurance brokers and about 40 claims adjusters.",
            [("exact 1200", "broker"), ("approximately 40", "adjuster")],
        ),
        (
            "Dozens of local shopkeepers and thousands of nearby residents signed up.",
            [("order_of_magnitude 24", "shopkeeper"), ("order_of_magnitude 1000", "resident")],
        ),
    ],
)
def test_an_order_of_magnitude_before_a_modifier_and_a_people_noun_counts_that_role(
    text: str, values: list[tuple[str, str | None]]
) -> None:
    assert [counted(c) for c in extract(text)] == values


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
        "All amounts are in Brunei dollars. ",  # a dollar esgclaims cannot read (Singapore dollars it reads)
        "Amounts are in US dollars; figures for the Hong Kong unit are expressed in Hong Kong dollars. ",  # two
        "Its Hong Kong arm reports in HK$. ",  # another dollar named, though no statement says which "$" is
    ],
)
def test_a_bare_dollar_stays_unread_where_the_text_names_another_dollar(statement: str) -> None:
    candidate = extract(statement + "In 2023, the Foundation granted $4.5 million.")[-1]
    assert (candidate.kind, candidate.figure) == ("unread", "$4.5 million")
    assert candidate.note == (
        "cannot read '$4.5 million': '$' could be US$, HK$ or another dollar; write US$, HK$ or the ISO code"
    )


@pytest.mark.parametrize(
    "statement",
    ["", "Sales denominated in US dollars rose. ", "Auditors audited 40 mills. ", "We trained 90 cadres in Cadiz. "],
)
def test_a_bare_dollar_is_us_dollars_by_default_where_the_text_names_no_other_dollar(statement: str) -> None:
    candidate = extract(statement + "In 2023, the Foundation granted $4.5 million.")[-1]
    assert candidate.value == ReportedValue.of("4500000", "USD", precision="100000")
    assert candidate.note == "'$' read as US$, the text names no other dollar: US$ by default"


def test_a_range_between_two_amounts_each_with_its_currency_is_one_range() -> None:
    (candidate,) = extract("In 2024, the council will spend US$5-US$6 million on flood barriers.")
    assert str(candidate.value) == "US$ 5,000,000 to US$ 6,000,000"


def test_a_chinese_scale_before_kilowatt_hours_scales_the_number() -> None:
    (candidate,) = extract("2023年\uff0c园区屋顶光伏发电约4.6亿千瓦时。")
    assert candidate.value == ReportedValue.of("460000000", "kWh", "approximately", precision="10000000")
    assert candidate.figure == "约4.6亿千瓦时"
    assert str(extract("2024年\uff0c储能电站放电1.5万千瓦时。")[0].value) == "15,000 kWh"


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
    assert figures_of(text) == figures


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


@pytest.mark.parametrize(
    ("text", "figure", "kind"),
    [
        ("In 2023 our seven dental clinics saw 3,000 people.", "seven dental clinics", "clinic"),
        ("In 2022 we dug eleven new boreholes.", "eleven new boreholes", "borehole"),
        ("In 2023 the cooperative ran four grain silos in nine districts.", "four grain silos", "silo"),
    ],
)
def test_a_number_in_words_before_any_plural_noun_is_a_count_of_it(text: str, figure: str, kind: str) -> None:
    found = extract(text)[0]
    assert (found.figure, found.count_kind, found.new_kind) == (figure, kind, True)


@pytest.mark.parametrize(
    "text",
    ["In 2023 we ran two years of trials.", "Five goals for 2024:\n1. Plant trees.", "It rose three times in 2023."],
)
def test_a_number_in_words_before_a_unit_or_heading_a_list_counts_nothing(text: str) -> None:
    assert [c.count_kind for c in extract(text) if c.new_kind] == []


def test_a_bare_figure_before_one_of_a_proposed_kind_counts_that_kind() -> None:
    found = extract("At the end of 2023, 38 of our 510 ferries ran on batteries.")
    expected = [("38", "ferry", True), ("510 ferries", "ferry", True)]
    assert [(c.figure, c.count_kind, c.new_kind) for c in found] == expected


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("Ashgrove Mill, founded in 1792 and run by its growers, milled 4,100 t of oats in 2023.", ["4,100 t"]),
        ("The trust has restored churches since 1887.", []),
        ("In 2023 it restored 1500 metres of wall, in 1650 villages.", ["1500 metres", "1650 villages"]),
    ],
)
def test_an_older_year_after_a_word_of_time_is_no_figure(text: str, figures: list[str]) -> None:
    assert figures_of(text) == figures


@pytest.mark.parametrize(
    ("text", "figure", "unit", "kind"),
    [
        ("In 2023 the canteen served 1,800 lunches a day.", "1,800 lunches a day", "1/day", "lunch"),
        ("In 2023 the ferry carried 2,300 households daily.", "2,300 households daily", "household/day", "household"),
        ("In 2023 the clinic saw 41 households a year.", "41 households", "household", "household"),  # a year's reach
        ("In 2023 it fed 60 households at Dunmore each day.", "60 households", "household", "household"),
    ],
)
def test_a_count_with_a_daily_rate_right_after_it_is_a_rate_per_day(
    text: str, figure: str, unit: str, kind: str
) -> None:
    candidate = one(text)
    assert candidate.value is not None
    wanted = parse_unit("day") ** -1 if unit == "1/day" else parse_unit(unit)  # a proposed kind's rate: 1 / day
    assert (candidate.figure, candidate.value.units, candidate.period.iso()) == (figure, wanted, "2023")
    assert candidate.count_kind in (kind, None if "/" in unit else kind)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "In 2023 the trust opened eleven village clinics and upgraded seven of our depots.",
            [("eleven village clinics", "clinic"), ("seven of our depots", "depot")],
        ),
        (
            "In 2022 the fund backed 3,400 small and mid-sized exporters and 85 public or private hospitals.",
            [("3,400 small and mid-sized exporters", "exporter"), ("85 public or private hospitals", "hospital")],
        ),
    ],
)
def test_a_number_in_words_or_a_noun_after_joined_adjectives_counts_a_proposed_kind(
    text: str, found: list[tuple[str, str]]
) -> None:
    assert [(c.figure, c.count_kind) for c in extract(text)] == found
