"""The JSON text dump writes is byte for byte what ``json.dumps(..., ensure_ascii=False, indent=2)`` writes."""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import esgclaims
from esgclaims import ClaimSet
from esgclaims._io.dump import to_document, to_json
from esgclaims._io.jsontext import Unwritable, json_text
from tests.strategies import claim_sets


def standard(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


@pytest.mark.parametrize(
    "value",
    [
        {},
        [],
        "",
        0,
        -12,
        10**30,
        True,
        False,
        None,
        {"a": [], "b": {}, "c": [[]], "d": [{}]},
        {"quote": 'He said "3 million" \\ online\n\t\u2028 and 1\u00a0000 €, 京东 \U0001f600 \x00\x1f'},
        {"span": [0, 15], "value": {"amount": "19770000", "unit": "CNY"}, "flag": True, "none": None},
        [[1, [2, [3, {"deep": ["x"]}]]]],
    ],
)
def test_the_text_is_what_json_dumps_writes(value: object) -> None:
    assert json_text(value) == standard(value)


_JSON: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@given(_JSON)
def test_any_document_of_dicts_lists_strings_numbers_and_nulls_is_written_as_json_dumps_writes_it(value: Any) -> None:
    assert json_text(value) == standard(value)


@given(_JSON)
def test_a_value_nested_deeper_is_indented_as_json_dumps_indents_it(value: Any) -> None:
    assert json_text({"claims": [value]}) == "{\n  " + '"claims": [\n    ' + json_text(value, "\n    ") + "\n  ]\n}"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (1.5, "no JSON text for a float here; expected a dict, list, str, int, bool or None"),
        ((1, 2), "no JSON text for a tuple here; expected a dict, list, str, int, bool or None"),
        ({1: "a"}, "no JSON text for a key of type int here; expected a str"),
        (["a", attrs.NOTHING], "no JSON text for a _Nothing here; expected a dict, list, str, int, bool or None"),
    ],
)
def test_what_it_does_not_write_is_refused_by_name(value: object, message: str) -> None:
    with pytest.raises(Unwritable) as caught:
        json_text(value)
    assert str(caught.value) == message


@settings(max_examples=40, deadline=None)
@given(claim_sets())
def test_to_json_is_json_dumps_of_the_document(claims: ClaimSet) -> None:
    assert to_json(claims) == standard(to_document(claims)) + "\n"


def test_the_shipped_dataset_is_written_as_json_dumps_writes_its_document() -> None:
    claims = esgclaims.load_dataset("jd-2020")
    assert to_json(claims) == standard(to_document(claims)) + "\n"


def test_a_field_of_a_type_the_text_does_not_write_is_written_as_json_dumps_writes_it() -> None:
    claims = esgclaims.load_dataset("jd-2020")
    odd_note: Any = 1.5  # a type the model does not check
    odd = ClaimSet([attrs.evolve(claim, note=odd_note) if n == 3 else claim for n, claim in enumerate(claims)])
    written = to_json(odd)
    assert written == standard(to_document(odd)) + "\n"
    assert '"note": 1.5' in written
