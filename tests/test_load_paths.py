"""The loader's quick path for good records builds what the public constructors build, and refuses what they refuse."""

from __future__ import annotations

import decimal
import gc
import json
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

import esgclaims
from esgclaims import Citation, Claim, ClaimSet, EsgClaimsError, LoadError, Qualifier, ReportedValue
from esgclaims._io.assemble import CITATION_FIELDS, CLAIM_FIELDS
from esgclaims._io.records import ClaimRecord, StructureError, ValueRecord, structure
from esgclaims._units import unit_facts
from esgclaims._values import value_of_figures
from tests.strategies import claim_sets

_SETTINGS = settings(max_examples=50, deadline=None)


def _round_trip(claims: ClaimSet) -> ClaimSet:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "claims.json"
        esgclaims.dump(claims, path)
        return esgclaims.load(path)


@_SETTINGS
@given(claim_sets())
def test_a_loaded_claim_is_the_claim_its_public_constructors_build(claims: ClaimSet) -> None:
    for loaded in _round_trip(claims):
        # attrs.evolve runs every converter and validator again, on every field: a field left unset fails here
        rebuilt = attrs.evolve(loaded, citation=attrs.evolve(loaded.citation))
        if loaded.value is not None:
            rebuilt = attrs.evolve(rebuilt, value=attrs.evolve(loaded.value))
        assert rebuilt == loaded
        assert hash(rebuilt) == hash(loaded)
        assert repr(rebuilt) == repr(loaded)


def test_the_assembler_sets_every_field_of_a_claim_and_a_citation() -> None:
    assert tuple(field.name for field in attrs.fields(Claim)) == CLAIM_FIELDS
    assert tuple(field.name for field in attrs.fields(Citation)) == CITATION_FIELDS


@pytest.mark.parametrize(
    ("amount", "unit", "qualifier", "extra"),
    [
        ("19.770", "CNY", Qualifier.AT_LEAST, {}),
        ("999.9999999999999999999999999", "permille", Qualifier.EXACT, {}),
        ("99.5", "percent", Qualifier.RANGE, {"upper": "100"}),
        ("12", "ppm", Qualifier.APPROXIMATELY, {"tolerance": "0.050"}),
        ("0", "t", Qualifier.AT_MOST, {"precision": "1E+3"}),
        ("5", "km", Qualifier.ORDER_OF_MAGNITUDE, {"upper": "50"}),
    ],
)
def test_value_of_figures_builds_what_of_builds_in_any_caller_context(
    amount: str, unit: str, qualifier: Qualifier, extra: dict[str, str]
) -> None:
    figures = {name: Decimal(number) for name, number in extra.items()}
    expected = ReportedValue.of(amount, unit, qualifier, **extra)
    with decimal.localcontext(prec=5):  # too few digits to compare 999.999... permille with 100 % exactly
        built = value_of_figures(Decimal(amount), unit_facts(unit), qualifier, **figures)
    assert built == expected
    assert hash(built) == hash(expected)
    assert built.interval == expected.interval


@pytest.mark.parametrize(
    ("amount", "unit", "qualifier", "extra"),
    [
        ("-1", "CNY", Qualifier.EXACT, {}),
        ("1000.0000000000000000000000001", "permille", Qualifier.EXACT, {}),
        ("1000", "permille", Qualifier.MORE_THAN, {}),
        ("10", "percent", Qualifier.RANGE, {"upper": "100.5"}),
        ("10", "km", Qualifier.RANGE, {"upper": "10"}),
        ("10", "km", Qualifier.RANGE, {}),
        ("10", "km", Qualifier.EXACT, {"upper": "20"}),
        ("10", "km", Qualifier.APPROXIMATELY, {"tolerance": "1"}),
        ("10", "km", Qualifier.EXACT, {"tolerance": "0.1"}),
        ("10", "km", Qualifier.EXACT, {"precision": "0"}),
        ("0", "km", Qualifier.LESS_THAN, {}),
        ("1E+28", "km", Qualifier.EXACT, {}),
    ],
)
def test_value_of_figures_refuses_what_of_refuses_with_the_same_message(
    amount: str, unit: str, qualifier: Qualifier, extra: dict[str, str]
) -> None:
    with pytest.raises(EsgClaimsError) as public:
        ReportedValue.of(amount, unit, qualifier, **extra)
    figures = {name: Decimal(number) for name, number in extra.items()}
    with pytest.raises(EsgClaimsError) as quick:
        value_of_figures(Decimal(amount), unit_facts(unit), qualifier, **figures)
    assert (type(quick.value), str(quick.value)) == (type(public.value), str(public.value))


_GOOD_CLAIM: dict[str, Any] = {
    "id": "c/1",
    "subject": "org",
    "metric": "m",
    "period": "2023",
    "source": "s",
    "quote": "RMB 5",
    "span": [3, 8],
    "locator": "p. 4",
    "program": "p",
    "value": {"amount": "5", "unit": "RMB", "qualifier": "range", "upper": 7, "precision": "0.5"},
    "attribution": "report",
    "modality": "target",
    "note": "",
    "restates": None,
}


def _problems(raw: dict[str, Any]) -> list[tuple[tuple[str | int, ...], str]]:
    with pytest.raises(StructureError) as caught:
        structure(raw, ClaimRecord)
    return caught.value.found


def test_a_good_table_is_read_into_every_field() -> None:
    record = structure(_GOOD_CLAIM, ClaimRecord)
    assert record.span == (3, 8)
    assert record.value == ValueRecord(Decimal(5), "RMB", "range", Decimal("0.5"), Decimal(7))
    assert record._replace(span=None, value=None) == ClaimRecord(
        **{key: value for key, value in _GOOD_CLAIM.items() if key not in ("span", "value")}
    )


def test_a_table_with_several_problems_has_each_named_in_field_order() -> None:
    raw = {**_GOOD_CLAIM, "zz": 1, "quote": 5, "span": [1.5, 2], "value": {"amount": "1,0", "unit": "RMB"}}
    del raw["metric"]
    assert _problems(raw) == [
        (("metric",), "missing field"),
        (("quote",), "expected a string, got the number 5"),
        (("span", 0), "expected a whole number, got the number 1.5"),
        (("value", "amount"), "expected digits grouped in threes by commas, got '1,0'"),
        (("zz",), "unknown field"),
    ]


@pytest.mark.parametrize(
    ("amount", "read"),
    [
        ("007.50", Decimal("7.50")),
        (".5", Decimal("0.5")),
        ("5.", Decimal(5)),
        (" 5", Decimal(5)),
        ("+5", Decimal(5)),
        ("-0", Decimal("-0")),
        ("\u0665", Decimal(5)),  # ARABIC-INDIC DIGIT FIVE: not ASCII
        ("5e3", Decimal("5E+3")),
        ("1,000.5", Decimal("1000.5")),
        ("1.2.3", "expected one decimal point, got '1.2.3'"),
        (".", "expected a number (or a string holding one), got '.'"),
        ("", "expected a number (or a string holding one), got ''"),
    ],
)
def test_a_figure_reads_as_the_grammar_of_digits_reads_it(amount: str, read: Decimal | str) -> None:
    try:
        found: Decimal | str = structure({"amount": amount, "unit": "t"}, ValueRecord).amount
    except StructureError as error:
        found = error.found[0][1]
    assert (str(found), type(found)) == (str(read), type(read))


def _write(tmp_path: Path, document: object) -> Path:
    path = tmp_path / "claims.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_a_load_leaves_the_cycle_collector_as_it_found_it(tmp_path: Path) -> None:
    good, bad = _write(tmp_path, {"claims": []}), tmp_path / "bad.json"
    bad.write_text('{"claims": 5}', encoding="utf-8")
    assert gc.isenabled()
    esgclaims.load(good)
    assert gc.isenabled()
    with pytest.raises(LoadError):
        esgclaims.load(bad)
    assert gc.isenabled()
    gc.disable()
    try:
        esgclaims.load(good)
        assert not gc.isenabled()
    finally:
        gc.enable()
