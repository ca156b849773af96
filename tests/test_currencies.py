"""The currencies of own reports beyond the first six, and a month: read, kept apart, exported."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import pytest

import esgclaims
from esgclaims import ClaimSet, ReportedValue, ValueParseError, check_duckdb, extract, parse_unit, parse_value
from esgclaims._interchange.xbrl import fact_id_of, to_xbrl_document
from esgclaims._units import currency_of
from tests.test_consistency import SALES

if TYPE_CHECKING:
    from pathlib import Path


@pytest.mark.parametrize(
    ("text", "code", "shown"),
    [
        ("A$5 million", "AUD", "A$ 5,000,000"),
        ("AUD 5 million", "AUD", "A$ 5,000,000"),
        ("C$3.2 billion", "CAD", "C$ 3,200,000,000"),
        ("S$40,000", "SGD", "S$ 40,000"),
        ("NZ$12 million", "NZD", "NZ$ 12,000,000"),
        ("NT$800 million", "TWD", "NT$ 800,000,000"),
        ("₹30 crore", "INR", "INR 300,000,000"),
        ("Rs 2.5 lakh", "INR", "INR 250,000"),
        ("Rs. 500", "INR", "INR 500"),
        ("INR 7 billion", "INR", "INR 7,000,000,000"),
        ("Rp 11.2 billion", "IDR", "IDR 11,200,000,000"),
        ("4,000 rupiah", "IDR", "IDR 4,000"),
        ("CHF 3 million", "CHF", "CHF 3,000,000"),
        ("₩2 billion", "KRW", "KRW 2,000,000,000"),
        ("RM12 million", "MYR", "MYR 12,000,000"),
        ("R$ 8 million", "BRL", "BRL 8,000,000"),
        ("ZAR 40 million", "ZAR", "ZAR 40,000,000"),
        ("40 million rand", "ZAR", "ZAR 40,000,000"),
    ],
)
def test_parse_value_reads_the_currencies_of_own_reports(text: str, code: str, shown: str) -> None:
    value = parse_value(text)
    assert (currency_of(value.units), str(value)) == (code, shown)
    assert parse_value(shown).reported == value.reported  # what it shows reads back as the same amount


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("$5 million", "could be US\\$, HK\\$ or another dollar"),  # "$" alone stays ambiguous
        ("R 40 million", "no figure found"),  # "R" alone is no rand
        ("5 won", "names no unit or counted noun"),  # "won" alone is a verb as often as a currency
    ],
)
def test_parse_value_reads_no_currency_from_a_symbol_or_word_that_names_none(text: str, message: str) -> None:
    with pytest.raises(ValueParseError, match=message):
        parse_value(text)


def test_a_currency_prefix_is_a_whole_word_or_symbol_and_never_part_of_another() -> None:
    text = (
        "In 2024, the farm 12 hours away from Sao Paulo raised R$ 8 million, A$5 million and $2 million; "
        "staff worked 40 hours for RM12 million."
    )
    found = [(c.figure, str(c.value)) for c in extract(text)]
    assert ("R$ 8 million", "BRL 8,000,000") in found
    assert ("A$5 million", "A$ 5,000,000") in found
    assert ("40 hours", "40 hours") in found  # the "rs" of "hours" is no rupee
    assert ("RM12 million", "MYR 12,000,000") in found
    # another dollar is named, so a bare "$" is not US$ by default
    assert next(c for c in extract(text) if c.figure.startswith("$2")).value is None


def test_a_conversion_in_brackets_may_be_in_any_currency() -> None:
    (candidate,) = extract("In 2024 the company spent RM 12 million (about A$4 million) on the programme.")
    assert str(candidate.value) == "MYR 12,000,000"
    assert [str(alternative) for alternative in candidate.alternatives] == ["around A$ 4,000,000 (±10%)"]


def test_a_month_is_a_twelfth_of_a_year_and_a_rate_per_month_reads_like_one_per_day() -> None:
    assert parse_unit("month") * 12 == parse_unit("year") * 1  # exact: year / 12
    assert str(parse_value("1,200 m3 per month")) == "1,200 m3 per month"
    found = extract("In 2024 the depot added 3,600 customers a month and pumped 800 m3 of water monthly.")
    assert [(c.figure, str(c.value.units).endswith(" / month")) for c in found if c.value is not None] == [
        ("3,600 customers a month", True),  # "1 / month", or "customer / month" once "customer" is registered
        ("800 m3 of water monthly", True),
    ]


def test_a_count_each_month_stays_a_count_of_what_recurs() -> None:
    (candidate,) = extract("Since 2018 the scheme has offered free travel to 9,000 retirees each month.")
    assert candidate.value is not None
    assert ("/" in str(candidate.value.units), candidate.count_kind) == (False, "retiree")


@pytest.mark.parametrize("code", ["AUD", "INR", "IDR", "MYR", "ZAR"])
def test_a_claim_in_a_new_currency_goes_to_xbrl_json_and_back(code: str, tmp_path: Path) -> None:
    claim = attrs.evolve(SALES, value=ReportedValue.of("12000000", code, precision="1000000"))
    facts = to_xbrl_document(ClaimSet([claim]))["facts"]
    assert facts[fact_id_of(claim.id)]["dimensions"]["unit"] == f"iso4217:{code}"
    esgclaims.to_xbrl_json(ClaimSet([claim]), tmp_path / "report.json")
    with pytest.warns(esgclaims.EsgClaimsWarning, match="xBRL-JSON does not carry"):
        (back,) = esgclaims.load(tmp_path / "report.json")
    assert back.value == claim.value


def test_duckdb_keeps_two_new_currencies_apart_as_python_does() -> None:
    again = attrs.evolve(SALES, id="jd-2020/sales-again", value=ReportedValue.of("14000000000", "AUD"))
    claims = ClaimSet([attrs.evolve(SALES, value=ReportedValue.of("14000000000", "SGD")), again])
    assert check_duckdb(claims) == claims.check() == ()


def test_a_text_in_another_dollar_reads_its_bare_dollar_in_that_dollar() -> None:
    text = "All amounts are in Australian dollars. In 2024 the Foundation granted $4.5 million to clinics."
    assert [str(c.value) for c in extract(text)] == ["A$ 4,500,000"]


@pytest.mark.parametrize(
    ("text", "alternative"),
    [
        ("In 2023 we raised about £1.9 billion (US$2.4 billion).", "around US$ 2,400,000,000 (±10%)"),
        ("In 2023 we raised more than HK$2 billion (US$256 million).", "more than US$ 256,000,000"),
        ("In 2023 we raised £1.9 billion (about US$2.4 billion).", "around US$ 2,400,000,000 (±10%)"),
        ("Tens of millions of yuan (US$5 million) were spent in 2023.", "US$ 5,000,000"),
    ],
)
def test_a_conversion_in_brackets_takes_the_qualifier_of_its_main_figure(text: str, alternative: str) -> None:
    (candidate,) = extract(text)
    assert [str(value) for value in candidate.alternatives] == [alternative]
