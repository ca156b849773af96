"""One number grammar everywhere (issue 13, item 3), bounded parsing, and wrong types refused by name.

Every example of the issue is a row here, with its figure or its error: claim-file
amounts, ``quantity``, ``parse_value`` and ``extract`` read digits alike.
"""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest

import esgclaims
from esgclaims import (
    ArgumentTypeError,
    FileFormatError,
    InvalidValueError,
    LoadError,
    PartialDate,
    PeriodError,
    Span,
    ValueParseError,
    parse_date,
    parse_period,
    parse_value,
    quantity,
)
from esgclaims._digits import digits_problem, read_digits

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

CLAIM_TOML = """\
[[sources]]
id = "blog"
title = "JD ESG"
publisher = "JD Corporate Blog"

[[organizations]]
id = "jd"
name = "JD.com"

[[metrics]]
id = "energy"
name = "Energy used"
kind = "energy"
temporal = "flow"

[[claims]]
id = "jd-2022/energy"
subject = "jd"
metric = "energy"
period = "2022"
source = "blog"
quote = "energy"
span = [0, 6]

[claims.value]
amount = AMOUNT
unit = "kWh"
"""


# ------------------------------------------------------------------ parse_value


@pytest.mark.parametrize(
    ("text", "magnitude", "unit"),
    [
        ("1.2e6 tonnes", Decimal(1200000), "t"),
        ("RMB 2.5e9", Decimal(2500000000), "RMB"),
        ("1e3 households", Decimal(1000), "household"),
        ("3.5E+06 kWh", Decimal(3500000), "kWh"),
        ("1.2E-3 tonnes", Decimal("0.0012"), "t"),
        ("1,200,000 tonnes", Decimal(1200000), "t"),
    ],
)
def test_parse_value_reads_exponents_as_exponents(text: str, magnitude: Decimal, unit: str) -> None:
    assert parse_value(text).reported == quantity(magnitude, unit)


def test_an_exponent_keeps_the_precision_of_its_digits() -> None:
    assert parse_value("1.2e6 tonnes").precision == Decimal(100000)


@pytest.mark.parametrize(
    ("text", "message", "hint"),
    [
        (
            "0x10 households",
            "cannot read '0x10 households': expected a decimal number, got '0x10'",
            "write the number in decimal digits, not hexadecimal",
        ),
        (
            "5_000 households",
            "cannot read '5_000 households': expected digits without underscores, got '5_000'",
            "write 5000",
        ),
        (
            "19,77 tonnes",
            "cannot read '19,77 tonnes': expected digits grouped in threes by commas, got '19,77'",
            "write 19.77 for a decimal, or group the digits in threes (1,977)",
        ),
        (
            "1.000,5 tonnes",
            "cannot read '1.000,5 tonnes': expected a decimal point, not a decimal comma, got '1.000,5'",
            "write 1000.5, with no separator between thousands",
        ),
        (
            "1,0,0,0 tonnes",
            "cannot read '1,0,0,0 tonnes': expected digits grouped in threes by commas, got '1,0,0,0'",
            "group the digits in threes (1,000)",
        ),
        (
            "1e1234567 tonnes",
            "cannot read '1e1234567 tonnes': expected an exponent of at most 6 digits, got '1e1234567'",
            "write the figure in digits",
        ),
    ],
)
def test_parse_value_refuses_digits_it_could_misread(text: str, message: str, hint: str) -> None:
    with pytest.raises(ValueParseError) as caught:
        parse_value(text)
    assert str(caught.value) == message
    assert (caught.value.text, caught.value.hint) == (text, hint)  # the whole phrase; the message names the part


def test_scale_words_beyond_the_largest_figure_are_refused() -> None:
    with pytest.raises(ValueParseError, match=r"scale words multiply beyond 10\^27"):
        parse_value("1 million million million million million tonnes")


# ------------------------------------------------------------------ quantity and claim files


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("19,77", "expected digits grouped in threes by commas, got '19,77'"),
        ("1.000,5", "expected a decimal point, not a decimal comma, got '1.000,5'"),
        ("1,0,0,0", "expected digits grouped in threes by commas, got '1,0,0,0'"),
        ("5_000", "expected digits without underscores, got '5_000'"),
        ("0x10", "expected a decimal number, got '0x10'"),
    ],
)
def test_quantity_refuses_what_parse_value_refuses(amount: str, message: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        quantity(amount, "t")
    assert str(caught.value) == message


def test_quantity_reads_an_exponent() -> None:
    assert quantity("1.2e6", "t") == quantity(1200000, "t")


def _load_amount(tmp_path: Path, amount: str) -> esgclaims.ClaimSet:
    path = tmp_path / "claims.toml"
    path.write_text(CLAIM_TOML.replace("AMOUNT", amount), encoding="utf-8")
    return esgclaims.load(path)


@pytest.mark.parametrize(
    ("amount", "problem"),
    [
        ('"19,77"', "expected digits grouped in threes by commas, got '19,77'"),
        ('"1.000,5"', "expected a decimal point, not a decimal comma, got '1.000,5'"),
        ('"1,0,0,0"', "expected digits grouped in threes by commas, got '1,0,0,0'"),
        ('"5_000"', "expected digits without underscores, got '5_000'"),
        ('"0x10"', "expected a decimal number, got '0x10'"),
    ],
)
def test_claim_file_amounts_are_read_by_the_same_grammar(tmp_path: Path, amount: str, problem: str) -> None:
    with pytest.raises(LoadError) as caught:
        _load_amount(tmp_path, amount)
    assert str(caught.value.exceptions[0]) == f"claims.toml, claim 'jd-2022/energy', field 'value.amount': {problem}"


@pytest.mark.parametrize(("amount", "figure"), [('"1.2e6"', 1200000), ('"1,200,000"', 1200000), ("1.2e6", 1200000)])
def test_claim_file_amounts_read_exponents(tmp_path: Path, amount: str, figure: int) -> None:
    value = _load_amount(tmp_path, amount)["jd-2022/energy"].value
    assert value is not None
    assert value.reported == quantity(figure, "kWh")


def test_a_5000_digit_integer_in_toml_is_a_located_error(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError) as caught:
        _load_amount(tmp_path, "9" * 5000)
    assert str(caught.value) == "claims.toml, line 26: an integer of more than 40 digits; no figure has so many"


def test_a_5000_digit_integer_in_json_is_a_located_error(tmp_path: Path) -> None:
    path = tmp_path / "claims.json"
    data = {
        "sources": [{"id": "blog", "title": "JD ESG", "publisher": "JD Corporate Blog"}],
        "organizations": [{"id": "jd", "name": "JD.com"}],
        "metrics": [{"id": "energy", "name": "Energy used", "kind": "energy", "temporal": "flow"}],
        "claims": [
            {"id": "jd-2022/energy", "subject": "jd", "metric": "energy", "period": "2022", "source": "blog",
             "quote": "energy", "span": [0, 6], "value": {"amount": 0, "unit": "kWh"}}
        ],
    }  # fmt: skip
    path.write_text(json.dumps(data).replace('"amount": 0', '"amount": ' + "9" * 5000), encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        esgclaims.load(path)
    message = str(caught.value.exceptions[0])
    assert message.startswith("claims.json, claim 'jd-2022/energy', field 'value.amount': expected a figure below")
    assert "(5000 characters)" in message


# ------------------------------------------------------------------ extract


def test_extract_reads_an_exponent_whole() -> None:
    candidates = esgclaims.extract("In 2022 we used 3.5E+06 kWh.")
    assert [str(candidate.value) for candidate in candidates] == ["3,500,000 kWh"]


# ------------------------------------------------------------------ the grammar itself


@pytest.mark.parametrize(
    ("text", "number", "precision"),
    [
        ("19.77", Decimal("19.77"), Decimal("0.01")),
        (".5", Decimal("0.5"), Decimal("0.1")),
        ("1,234.5", Decimal("1234.5"), Decimal("0.1")),
        ("1.2e6", Decimal(1200000), Decimal(100000)),
        ("5e", Decimal(5), Decimal(1)),  # no exponent digits: "5e" is no exponent
    ],
)
def test_read_digits_reads_each_spelling(text: str, number: Decimal, precision: Decimal) -> None:
    digits = read_digits(text)
    assert digits is not None
    assert (digits.number, digits.precision) == (number, precision)


@pytest.mark.parametrize("text", ["19,77", "1.000,5", "1,0,0,0", "5_000", "0x10", "1.5.2"])
def test_the_whole_string_and_the_phrase_readers_refuse_alike(text: str) -> None:
    problem = digits_problem(text)
    assert problem is not None
    with pytest.raises(ValueParseError, match=problem.expected):
        parse_value(f"{text} tonnes")


# ------------------------------------------------------------------ periods


def test_nested_end_of_is_a_period_error_not_a_recursion_error() -> None:
    with pytest.raises(PeriodError) as caught:
        parse_period("end of " * 1000 + "2020")
    assert "'end of' nested more than 3 times" in str(caught.value)
    assert caught.value.hint == "write 'the end of' once, e.g. 'the end of 2020'"


def test_end_of_once_is_still_the_last_day() -> None:
    assert parse_date("the end of 2020") == PartialDate(2020, 12, 31)


# ------------------------------------------------------------------ wrong types

_READ_TEXT = "read text with PartialDate.parse or parse_date"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: PartialDate("2020"),  # type: ignore[arg-type]
            "PartialDate(year): expected a whole number, got str ('2020'); " + _READ_TEXT,
        ),
        (
            lambda: PartialDate(2020.5),  # type: ignore[arg-type]
            "PartialDate(year): expected a whole number, got float (2020.5); " + _READ_TEXT,
        ),
        (lambda: Span(None, None), "Span(first): expected a PartialDate, got NoneType (None)"),  # type: ignore[arg-type]
        (lambda: parse_date(None), "parse_date(text): expected a string, got NoneType"),  # type: ignore[arg-type]
        (lambda: parse_period(5), "parse_period(text): expected a string, got int"),  # type: ignore[arg-type]
        (lambda: parse_value(None), "parse_value(text): expected a string, got NoneType"),  # type: ignore[arg-type]
    ],
)
def test_wrong_types_are_argument_type_errors_naming_the_argument(call: Callable[[], object], message: str) -> None:
    with pytest.raises(ArgumentTypeError) as caught:
        call()
    assert str(caught.value) == message


# ------------------------------------------------------------------ bounded time

_SHAPES = {
    "million": "million ",
    "between": "between 1 and ",
    "commas": "1,000,",
    "words": "abcdefghij",
}
_TIMER = """
import sys, time, statistics
from esgclaims import EsgClaimsError, parse_value
unit, size = sys.argv[1], int(sys.argv[2])
text = "1 " + unit * (size // len(unit)) + " tonnes"
times = []
for _ in range(3):
    start = time.process_time()
    try:
        parse_value(text)
    except EsgClaimsError:
        pass
    times.append(time.process_time() - start)
print(statistics.median(times))
"""


def _seconds(unit: str, size: int) -> float:
    done = subprocess.run(  # noqa: S603 - our own interpreter and script; a subprocess, so that a hang fails on its timeout instead of blocking the suite
        [sys.executable, "-c", _TIMER, unit, str(size)], capture_output=True, text=True, timeout=60, check=True
    )
    return float(done.stdout)


@pytest.mark.parametrize("shape", sorted(_SHAPES))
def test_parse_value_is_linear_in_its_input(shape: str) -> None:
    small, large = _seconds(_SHAPES[shape], 64_000), _seconds(_SHAPES[shape], 128_000)
    assert large <= 3 * max(small, 0.01), f"{shape}: {small:.3f}s for 64 KB, {large:.3f}s for 128 KB"
