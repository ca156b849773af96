"""parse_value: figures as reports write them, read into exact, qualified values."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest

from esgclaims import (
    ArgumentTypeError,
    Qualifier,
    ValueParseError,
    parse_unit,
    parse_value,
    quantity,
    register_count_kind,
)

N = None  # an unbounded end, or no precision (an order of magnitude states no digits)

# (text, qualifier, amount, unit, precision, low, high); amounts in the unit, as exact decimal strings.
CASES = [
    # the phrases of the issue
    ("RMB 100 billion yuan", Qualifier.EXACT, "100000000000", "CNY", "1000000000", "100000000000", "100000000000"),
    ("19.77 million", Qualifier.EXACT, "19770000", "dimensionless", "10000", "19770000", "19770000"),
    ("47,300", Qualifier.EXACT, "47300", "dimensionless", "1", "47300", "47300"),
    ("more than 80%", Qualifier.MORE_THAN, "80", "percent", "1", "80", "100"),
    ("over one million", Qualifier.MORE_THAN, "1000000", "dimensionless", "1000000", "1000000", N),
    ("tens of thousands of farms", Qualifier.ORDER_OF_MAGNITUDE, "10000", "farm", N, "10000", "100000"),
    ("around RMB 200 million yuan", Qualifier.APPROXIMATELY, "200000000", "CNY", "1000000", "180000000", "220000000"),
    ("HK$2.4 billion", Qualifier.EXACT, "2400000000", "HKD", "100000000", "2400000000", "2400000000"),
    ("US$300 million", Qualifier.EXACT, "300000000", "USD", "1000000", "300000000", "300000000"),
    ("1.5万", Qualifier.EXACT, "15000", "dimensionless", "1000", "15000", "15000"),
    ("3亿元", Qualifier.EXACT, "300000000", "CNY", "100000000", "300000000", "300000000"),
    # approximately
    ("nearly 500 households", Qualifier.APPROXIMATELY, "500", "household", "1", "450", "550"),
    ("about 3,000 people", Qualifier.APPROXIMATELY, "3000", "person", "1", "2700", "3300"),
    ("approximately 2,000 tCO2e", Qualifier.APPROXIMATELY, "2000", "tCO2e", "1", "1800", "2200"),
    ("约3亿元", Qualifier.APPROXIMATELY, "300000000", "CNY", "100000000", "270000000", "330000000"),
    # bounds
    ("up to 200 villages", Qualifier.AT_MOST, "200", "village", "1", "0", "200"),
    ("at most 50%", Qualifier.AT_MOST, "50", "percent", "1", "0", "50"),
    ("at least 10 cities", Qualifier.AT_LEAST, "10", "city", "1", "10", N),
    ("no less than 1,000 t", Qualifier.AT_LEAST, "1000", "t", "1", "1000", N),
    ("100 or more households", Qualifier.AT_LEAST, "100", "household", "1", "100", N),
    ("100 million+", Qualifier.AT_LEAST, "100000000", "dimensionless", "1000000", "100000000", N),
    ("less than 5%", Qualifier.LESS_THAN, "5", "percent", "1", "0", "5"),
    ("fewer than 20 employees", Qualifier.LESS_THAN, "20", "employee", "1", "0", "20"),
    ("more than 1,000 individuals", Qualifier.MORE_THAN, "1000", "person", "1", "1000", N),
    ("2,000余名员工", Qualifier.MORE_THAN, "2000", "employee", "1", "2000", N),
    ("10,000余户", Qualifier.MORE_THAN, "10000", "household", "1", "10000", N),
    ("超过1000万元", Qualifier.MORE_THAN, "10000000", "CNY", "10000", "10000000", N),
    # ranges: the scale word after the second figure belongs to both
    ("between 100 and 200 households", Qualifier.RANGE, "100", "household", "1", "100", "200"),
    ("between 1 and 2 million", Qualifier.RANGE, "1000000", "dimensionless", "1000000", "1000000", "2000000"),
    (
        "between RMB 1 billion and RMB 2 billion",
        Qualifier.RANGE,
        "1000000000",
        "CNY",
        "1000000000",
        "1000000000",
        "2000000000",
    ),
    ("100-200 households", Qualifier.RANGE, "100", "household", "1", "100", "200"),
    ("100\u2013200 households", Qualifier.RANGE, "100", "household", "1", "100", "200"),
    ("RMB 1-2 billion", Qualifier.RANGE, "1000000000", "CNY", "1000000000", "1000000000", "2000000000"),
    ("1 million to 2 million", Qualifier.RANGE, "1000000", "dimensionless", "1000000", "1000000", "2000000"),
    # a whole first figure keeps its own scale: the range runs forwards
    ("RMB 200,000 to RMB 1.5 million", Qualifier.RANGE, "200000", "CNY", "1", "200000", "1500000"),
    ("500 to 1.5 million tonnes", Qualifier.RANGE, "500", "t", "1", "500", "1500000"),
    ("1.2-1.5 million households", Qualifier.RANGE, "1200000", "household", "100000", "1200000", "1500000"),
    ("80%-90%", Qualifier.RANGE, "80", "percent", "1", "80", "90"),
    ("5~10万", Qualifier.RANGE, "50000", "dimensionless", "10000", "50000", "100000"),
    # orders of magnitude
    ("several thousand", Qualifier.ORDER_OF_MAGNITUDE, "3000", "dimensionless", N, "3000", "10000"),
    ("several thousand employees", Qualifier.ORDER_OF_MAGNITUDE, "3000", "employee", N, "3000", "10000"),
    ("a few hundred households", Qualifier.ORDER_OF_MAGNITUDE, "200", "household", N, "200", "1000"),
    ("hundreds of farms", Qualifier.ORDER_OF_MAGNITUDE, "100", "farm", N, "100", "1000"),
    ("hundreds of thousands of people", Qualifier.ORDER_OF_MAGNITUDE, "100000", "person", N, "100000", "1000000"),
    ("thousands of households", Qualifier.ORDER_OF_MAGNITUDE, "1000", "household", N, "1000", "10000"),
    ("tens of millions of yuan", Qualifier.ORDER_OF_MAGNITUDE, "10000000", "CNY", N, "10000000", "100000000"),
    # counted nouns give the count kind
    ("110 impoverished counties", Qualifier.EXACT, "110", "county", "1", "110", "110"),
    ("47,300 pieces of clothing", Qualifier.EXACT, "47300", "item", "1", "47300", "47300"),
    ("more than 3 million local commodities", Qualifier.MORE_THAN, "3000000", "item", "1000000", "3000000", N),
    ("a dozen farms", Qualifier.EXACT, "12", "farm", "1", "12", "12"),
    # per-unit figures and physical units
    ("RMB 5 per household", Qualifier.EXACT, "5", "CNY/household", "1", "5", "5"),
    ("5 kWh/household", Qualifier.EXACT, "5", "kWh/household", "1", "5", "5"),
    ("5 tonnes of CO2e", Qualifier.EXACT, "5", "tCO2e", "1", "5", "5"),
    ("1.2 MWh", Qualifier.EXACT, "1.2", "MWh", "0.1", "1.2", "1.2"),
    ("30 GJ", Qualifier.EXACT, "30", "GJ", "1", "30", "30"),
    ("20 m3", Qualifier.EXACT, "20", "m3", "1", "20", "20"),
    ("100 L", Qualifier.EXACT, "100", "L", "1", "100", "100"),
    ("50 km", Qualifier.EXACT, "50", "km", "1", "50", "50"),
    ("0.05%", Qualifier.EXACT, "0.05", "percent", "0.01", "0.05", "0.05"),
    # scale words, numerals and words
    ("one million", Qualifier.EXACT, "1000000", "dimensionless", "1000000", "1000000", "1000000"),
    ("five hundred thousand", Qualifier.EXACT, "500000", "dimensionless", "100000", "500000", "500000"),
    ("1.5 mn", Qualifier.EXACT, "1500000", "dimensionless", "100000", "1500000", "1500000"),
    ("3k", Qualifier.EXACT, "3000", "dimensionless", "1000", "3000", "3000"),
    # what extraction meets: units after a modifier, singular nouns after "per", more people, Chinese nouns
    ("more than 36,000 volunteer hours", Qualifier.MORE_THAN, "36000", "hour", "1", "36000", N),
    ("RMB 2,000 to RMB 5,000 per person", Qualifier.RANGE, "2000", "CNY/person", "1", "2000", "5000"),
    ("nearly 3,400 rural people", Qualifier.APPROXIMATELY, "3400", "person", "1", "3060", "3740"),
    ("300 village e-commerce employees", Qualifier.EXACT, "300", "employee", "1", "300", "300"),
    ("several hundred delivery workers", Qualifier.ORDER_OF_MAGNITUDE, "300", "employee", N, "300", "1000"),
    ("1 household", Qualifier.EXACT, "1", "household", "1", "1", "1"),
    ("27个脱贫县", Qualifier.EXACT, "27", "county", "1", "27", "27"),
    ("18.6万吨二氧化碳当量", Qualifier.EXACT, "186000", "tCO2e", "1000", "186000", "186000"),
    ("2,600余名", Qualifier.MORE_THAN, "2600", "person", "1", "2600", N),
    ("约2,300亩", Qualifier.APPROXIMATELY, "2300", "mu", "1", "2070", "2530"),
    ("5万立方米", Qualifier.EXACT, "50000", "m3", "10000", "50000", "50000"),
    ("1,200小时", Qualifier.EXACT, "1200", "h", "1", "1200", "1200"),
    # a unit per two things; Chinese "or more" and "or less" after the noun
    ("180 liters per person per day", Qualifier.EXACT, "180", "L/person/day", "1", "180", "180"),
    ("2万户以上", Qualifier.AT_LEAST, "20000", "household", "10000", "20000", N),
    ("5%以下", Qualifier.AT_MOST, "5", "percent", "1", "0", "5"),
    # a scale word before a Chinese unit whose name opens with 千: the scale is of the number, not of the unit
    ("约4.6亿千瓦时", Qualifier.APPROXIMATELY, "460000000", "kWh", "10000000", "414000000", "506000000"),
    ("12万千瓦时", Qualifier.EXACT, "120000", "kWh", "10000", "120000", "120000"),
    ("8,500千瓦时", Qualifier.EXACT, "8500", "kWh", "1", "8500", "8500"),
    ("3.5千万千瓦时", Qualifier.EXACT, "35000000", "kWh", "1000000", "35000000", "35000000"),
    ("2.7万兆瓦时", Qualifier.EXACT, "27000", "MWh", "1000", "27000", "27000"),
    ("1.6吉瓦时", Qualifier.EXACT, "1.6", "GWh", "0.1", "1.6", "1.6"),
    ("450千瓦", Qualifier.EXACT, "450", "kW", "1", "450", "450"),
    ("6万千克", Qualifier.EXACT, "60000", "kg", "10000", "60000", "60000"),
    ("7千吨", Qualifier.EXACT, "7000", "t", "1000", "7000", "7000"),
    ("1.2万千米", Qualifier.EXACT, "12000", "km", "1000", "12000", "12000"),
]


@pytest.mark.parametrize(("text", "qualifier", "amount", "unit", "precision", "low", "high"), CASES)
def test_parse_value_reads_qualifier_amount_unit_precision_and_bounds(
    *,
    text: str,
    qualifier: Qualifier,
    amount: str,
    unit: str,
    precision: str | None,
    low: str,
    high: str | None,
) -> None:
    value = parse_value(text)
    assert value.qualifier is qualifier
    assert value.units == parse_unit(unit)
    assert value.reported == quantity(amount, unit)
    assert str(value.reported.magnitude) == amount  # exact, with no exponent and no trailing zeros
    assert value.precision == (None if precision is None else Decimal(precision))
    assert value.low == quantity(low, unit)
    assert value.high == (None if high is None else quantity(high, unit))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty value"),
        ("  ", "empty value"),
        ("hello", "cannot read 'hello': no figure found"),
        ("more than", "cannot read 'more than': no figure found"),
        ("NaN", "cannot read 'NaN': no figure found"),
        # currencies that could be more than one
        (
            "$300 million",
            ("cannot read '$300 million': '$' could be US$, HK$ or another dollar; write US$, HK$ or the ISO code"),
        ),
        ("5 $", "cannot read '5 $': '$' could be US$, HK$ or another dollar; write US$, HK$ or the ISO code"),
        (
            "300 million dollars",
            (
                "cannot read '300 million dollars': 'dollars' could be US dollars, Hong Kong "
                "dollars or another dollar; write US$, HK$ or the ISO code"
            ),
        ),
        ("¥300 million", "cannot read '¥300 million': '¥' could be RMB or yen; write RMB or JPY"),
        ("￥300 million", "cannot read '￥300 million': '￥' could be RMB or yen; write RMB or JPY"),
        ("RMB 5 USD", "cannot read 'RMB 5 USD': CNY before the figure, USD after"),
        ("RMB 1 billion - US$ 2 billion", "cannot read 'RMB 1 billion - US$ 2 billion': a range from CNY to USD"),
        # nouns and units that name nothing here
        (
            "5 apples",
            (
                "cannot tell what '5 apples' counts: 'apples' names no unit or counted noun; "
                "register one with esgclaims.register_count_kind('apple', 'apples')"
            ),
        ),
        (
            "5 tons",
            (
                "cannot tell what '5 tons' counts: 'tons' names no unit or counted noun; "
                "register one with esgclaims.register_count_kind"
            ),
        ),
        ("RMB 5 per apple", "cannot read 'RMB 5 per apple': 'apple' after 'per' names no unit or counted noun"),
        # figures that cannot be
        ("-5", "cannot read '-5': a reported figure cannot be negative"),
        ("RMB -5", "cannot read 'RMB -5': a reported figure cannot be negative"),
        ("1,2,3", "cannot read '1,2,3': expected digits grouped in threes by commas, got '1,2,3'"),
        ("1 000 000", "cannot read '1 000 000': digits grouped by spaces; group them by commas"),
        ("120%", "cannot read '120%': a share cannot exceed 100%, got 120%"),
        ("more than 100%", "cannot read 'more than 100%': no share is more than 100%"),
        ("between 80% and 120%", "cannot read 'between 80% and 120%': a share cannot exceed 100%, got 120%"),
        ("less than 0", "cannot read 'less than 0': no figure is less than 0"),
        (
            "200-100 households",
            ("cannot read '200-100 households': inverted bounds: upper 100 households is not above 200 households"),
        ),
        # more than one reading
        ("between 5", "cannot read 'between 5': 'between' needs two figures joined by 'and'"),
        ("over 100 million+", "cannot read 'over 100 million+': two qualifiers (more_than and '+')"),
        (
            "more than tens of thousands",
            ("cannot read 'more than tens of thousands': two qualifiers (more_than and an order of magnitude)"),
        ),
        ("about 1-2 million", "cannot read 'about 1-2 million': a range cannot also be approximately"),
        (
            "1.5 million households and 300 villages",
            ("cannot read '1.5 million households and 300 villages': a second figure '300' follows the first"),
        ),
        ("100 and 200 households", "cannot read '100 and 200 households': a second figure '200' follows the first"),
        # a singular noun before another word is a modifier, after any figure but one
        (
            "300 village e-commerce shops",
            (
                "cannot tell what '300 village e-commerce shops' counts: 'village e-commerce shops' "
                "names no unit or counted noun; register one with esgclaims.register_count_kind('shop', 'shops')"
            ),
        ),
    ],
)
def test_parse_value_refuses_what_it_cannot_read_unambiguously(text: str, message: str) -> None:
    with pytest.raises(ValueParseError) as caught:
        parse_value(text)
    assert str(caught.value) == message


def test_parse_value_takes_a_tolerance_for_approximately() -> None:
    assert parse_value("about 3,000 people").tolerance == Decimal("0.1")
    value = parse_value("about 3,000 people", tolerance="0.05")
    assert value.tolerance == Decimal("0.05")
    assert str(value.interval) == "[2,850 people, 3,150 people]"


def test_parse_value_refuses_a_tolerance_out_of_range() -> None:
    with pytest.raises(ValueParseError) as caught:
        parse_value("about 5", tolerance="2")
    assert str(caught.value) == "cannot read 'about 5': tolerance must lie between 0 and 1, got 2"


def test_parse_value_needs_a_string() -> None:
    with pytest.raises(ArgumentTypeError) as caught:
        parse_value(5)  # type: ignore[arg-type]
    assert str(caught.value) == "parse_value(text): expected a string, got int"


def test_parse_value_reads_a_count_kind_registered_at_run_time() -> None:
    kind = "kind_" + "".join(chr(ord("a") + int(digit, 16)) for digit in uuid.uuid4().hex[:10]) + "k"  # never "-ch"
    register_count_kind(kind)
    value = parse_value(f"more than 40 {kind}s")
    assert value.units == parse_unit(kind)
    assert value.qualifier is Qualifier.MORE_THAN


def test_parse_value_errors_are_value_errors() -> None:
    with pytest.raises(ValueError, match="no figure found"):
        parse_value("hello")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("57 tier-2 farms", "57 farms"),
        ("about 300 grade-3 villages", "around 300 villages (±10%)"),
        ("12 COVID-19 families", "12 households"),
    ],
)
def test_parse_value_reads_a_number_in_a_hyphenated_name_before_the_noun_as_part_of_the_name(
    text: str, expected: str
) -> None:
    assert str(parse_value(text)) == expected


def test_parse_value_still_refuses_a_second_figure_after_the_first() -> None:
    with pytest.raises(ValueParseError, match="a second figure '3' follows the first"):
        parse_value("57 farms - 3")
    with pytest.raises(ValueParseError, match="names no unit or counted noun"):
        parse_value("214 tier-1")


@pytest.mark.parametrize(
    ("text", "call"),
    [
        ("hundreds of tied advisers", "('adviser', 'advisers')"),
        ("tens of thousands of local citizens", "('citizen', 'citizens')"),
        ("about 1,200 insurance brokers", "('broker', 'brokers')"),
        ("3,400 salespeople", "('salesperson', 'salespeople')"),
        ("120 fishermen", "('fisherman', 'fishermen')"),
        ("nearly 3,400 rural tutors", "('tutor', 'tutors')"),
        ("612,400 electric ratepayers", "('ratepayer', 'ratepayers')"),
        ("2,300 livestream presenters", "('presenter', 'presenters')"),
        ("12 COVID-19 outpatients", "('outpatient', 'outpatients')"),
    ],
)
def test_parse_value_reads_people_in_a_role_as_a_kind_of_their_own_to_register(text: str, call: str) -> None:
    # a count of people names what it counts: "612,400 customers" is no count of "person" (nouns no test registers)
    with pytest.raises(ValueParseError) as caught:
        parse_value(text)
    assert str(caught.value).endswith(f"register one with esgclaims.register_count_kind{call}")


@pytest.mark.parametrize("text", ["RMB 800 per adviser", "HK$1,500 per salesperson"])
def test_parse_value_reads_a_role_after_per_only_once_registered(text: str) -> None:
    with pytest.raises(ValueParseError, match="after 'per' names no unit or counted noun"):
        parse_value(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("about 3,000 people", "around 3,000 people (±10%)"),
        ("120 individuals", "120 people"),
        ("45 persons", "45 people"),
    ],
)
def test_parse_value_reads_only_the_generic_words_for_people_as_people(text: str, expected: str) -> None:
    assert str(parse_value(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected", "unit"),
    [
        ("6.2 million cubic meters", "6,200,000 m3", "cubic_meter"),
        ("about 900 cubic metres of water", "around 900 m3 (±10%)", "cubic_meter"),
        ("3,500 m³", "3,500 m3", "cubic_meter"),
        ("42,000 square meters of roof", "42,000 m2", "square_meter"),
        ("1,250 m²", "1,250 m2", "square_meter"),
        ("7 square kilometres", "7 km2", "square_kilometer"),
        ("0.8 m³ per tonne", "0.8 m3 per t", "cubic_meter / tonne"),
        ("12 meters", "12 m", "meter"),
    ],
)
def test_parse_value_reads_squared_and_cubed_units_not_the_length(text: str, expected: str, unit: str) -> None:
    value = parse_value(text)
    assert (str(value), str(value.reported.units)) == (expected, unit)


@pytest.mark.parametrize("text", ["5,000 cubic yards", "300 square feet", "40 sq ft", "2 cubic kilometres"])
def test_parse_value_refuses_a_squared_or_cubed_unit_the_registry_lacks(text: str) -> None:
    with pytest.raises(ValueParseError, match="not in the unit registry"):
        parse_value(text)


def test_parse_value_reads_an_amount_of_one_thing_per_amount_of_another_as_a_ratio() -> None:
    assert str(parse_value("2.4 liters of water per liter of juice").reported.units) == "dimensionless"
    assert str(parse_value("0.3 kWh of electricity per liter of juice").reported.units) == "kilowatt_hour / liter"
    # "of electricity" before a bare "per year" is no ratio: the figure stays in GWh
    assert str(parse_value("about 120 GWh of electricity per year").reported.units) == "gigawatt_hour"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at or below HK$120", "at most HK$ 120"),
        ("at or above 90%", "at least 90%"),
    ],
)
def test_parse_value_reads_at_or_below_and_at_or_above_as_bounds(text: str, expected: str) -> None:
    assert str(parse_value(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("超过六成", "more than 60%"),
        ("近两成", "around 20% (±10%)"),
        ("约三成", "around 30% (±10%)"),
        ("逾半", "more than 50%"),
        ("过半", "more than 50%"),
        ("七成以上", "at least 70%"),
    ],
)
def test_parse_value_reads_chinese_shares_in_tenths_and_halves(text: str, expected: str) -> None:
    assert str(parse_value(text)) == expected


@pytest.mark.parametrize("text", ["一成不变", "成本"])
def test_parse_value_reads_no_share_in_words_that_only_contain_cheng(text: str) -> None:
    with pytest.raises(ValueParseError):
        parse_value(text)
