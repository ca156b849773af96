"""Random bytes, random structures and mutated claim files into ``esgclaims.load``.

Each either loads, and then round-trips through ``dump`` and shows in every view,
or is an :class:`esgclaims.EsgClaimsError`: never another exception, never a hang.
"""

from __future__ import annotations

import itertools
import json
import tempfile
from datetime import timedelta
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import esgclaims
from esgclaims._io.dump import to_json
from tests.adversarial.tally import outcome

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

_FUZZ = settings(
    max_examples=150,
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
_MUTATE = settings(_FUZZ, max_examples=40)

_FOLDER = Path(tempfile.mkdtemp(prefix="esgclaims-adversarial-"))
_NAMES = itertools.count()


def _try_load(kind: str, data: bytes, suffix: str) -> bool:
    """Load ``data`` as a claim file: a success must round-trip and show, a failure must be located."""
    path = _FOLDER / f"input-{next(_NAMES)}{suffix}"
    path.write_bytes(data)
    try:
        claims = esgclaims.load(path)
    except Exception as error:  # noqa: BLE001 - outcome() fails the test on a bare exception
        outcome(kind, error)
        return False
    finally:
        path.unlink()
    outcome(kind)
    _check_writable(claims)
    return True


def _check_writable(claims: esgclaims.ClaimSet) -> None:
    """What loaded is shown in every view and written back to an equal claim set."""
    for claim in claims:
        str(claim), repr(claim), claim._repr_html_()
    str(claims), repr(claims), claims._repr_html_()
    back = _FOLDER / f"back-{next(_NAMES)}.json"
    try:
        esgclaims.dump(claims, back)
        assert esgclaims.load(back) == claims
    finally:
        back.unlink(missing_ok=True)


# ------------------------------------------------------------------ random bytes and structures

_WORDS = ["sources", "organizations", "metrics", "claims", "programs", "id", "name", "title", "publisher"]
_WORDS += ["kind", "temporal", "subject", "metric", "period", "source", "quote", "span", "value", "amount"]
_WORDS += ["unit", "qualifier", "upper", "precision", "tolerance", "restates", "count_of", "parent"]
_keys = st.sampled_from(_WORDS) | st.text(max_size=8)
_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=10**39, max_value=10**60)
    | st.decimals(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)  # lone surrogates included: json.dumps writes them as \ud800 escapes
    | st.sampled_from(["2020", "jd", "CNY", "exact", "flow", "money", "1.2e6", "19,77", "=SUM(A1)", "\x1b[2J"])
)
_structures = st.recursive(
    _scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_keys, inner, max_size=5), max_leaves=30
)


def _json_default(item: object) -> object:
    assert isinstance(item, Decimal)
    return float(item) if item.is_finite() else str(item)


@_FUZZ
@given(st.binary(max_size=2000), st.sampled_from([".toml", ".json"]))
def test_random_bytes_load_or_fail_with_a_located_error(data: bytes, suffix: str) -> None:
    _try_load("random bytes", data, suffix)


@_FUZZ
@given(st.dictionaries(_keys, _structures, max_size=6))
def test_random_json_structures_load_or_fail_with_a_located_error(document: dict[str, object]) -> None:
    _try_load("random JSON", json.dumps(document, default=_json_default).encode(), ".json")


def _toml_key(key: str) -> str:
    return key if key and key.replace("_", "a").replace("-", "a").isalnum() and key.isascii() else json.dumps(key)


def _toml_value(item: object) -> str:
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, (int, Decimal)):
        return str(item)
    if isinstance(item, str):
        return json.dumps(item)  # a JSON escape of a surrogate is no TOML escape: refused, as it should be
    if isinstance(item, list):
        return "[" + ", ".join(_toml_value(element) for element in item) + "]"
    if isinstance(item, dict):
        return "{" + ", ".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in item.items()) + "}"
    return '""'  # None: TOML has no null


def _toml(document: Mapping[str, object]) -> Iterator[str]:
    for key, item in document.items():
        if isinstance(item, list) and item and all(isinstance(element, dict) for element in item):
            for element in item:
                assert isinstance(element, dict)
                yield f"[[{_toml_key(key)}]]"
                yield from (f"{_toml_key(k)} = {_toml_value(v)}" for k, v in element.items())
        else:
            yield f"{_toml_key(key)} = {_toml_value(item)}"


@_FUZZ
@given(st.dictionaries(_keys, _structures, max_size=6))
def test_random_toml_structures_load_or_fail_with_a_located_error(document: dict[str, object]) -> None:
    simple = {key: item for key, item in document.items() if not isinstance(item, list)}
    tables = {key: item for key, item in document.items() if isinstance(item, list)}
    text = "\n".join([*_toml(simple), *_toml(tables)])  # plain keys before the first table header
    _try_load("random TOML", text.encode("utf-8", "surrogatepass"), ".toml")


# ------------------------------------------------------------------ mutated valid files

_TOML_LINES = resources.files("esgclaims").joinpath("data/jd-2020.toml").read_text(encoding="utf-8").splitlines()
_JSON_LINES = to_json(esgclaims.load_dataset("jd-2020")).splitlines()

_HOSTILE_VALUES = st.one_of(
    st.text(max_size=12).map(json.dumps),
    st.integers().map(str),
    st.sampled_from(["9" * 5000, "1e999999", "-1", "0", "1E-999990", "99999999999999999999999999999", "nan"]),
    st.sampled_from(['"\\ud800"', '"a\\udfffb"', '"\\u0000"', '"\\u007f"', '"\\u001b[31m"', '"=HYPERLINK(1)"']),
    st.sampled_from(['""', "[]", "{}", "true", '"\x07"', '"\r"', '"2020-13-45"', '"19,77"', '"1.2e6 tonnes"']),
)
# delete a line, duplicate a line, replace a value, swap two values
_MUTATIONS = st.lists(
    st.tuples(st.sampled_from(["delete", "duplicate", "replace", "swap"]), st.integers(0, 10**6), _HOSTILE_VALUES),
    min_size=1,
    max_size=4,
)


def _value_at(line: str) -> tuple[str, str] | None:
    """A line's key part and value, split at its ``=`` or ``:``; None for a line without a value."""
    for separator in (" = ", '": '):
        if separator in line:
            key, value = line.split(separator, 1)
            return key + separator, value
    return None


def _mutate(lines: list[str], mutations: list[tuple[str, int, str]]) -> str:
    lines = list(lines)
    for operation, position, payload in mutations:
        index = position % len(lines)
        if operation == "delete":
            del lines[index]
        elif operation == "duplicate":
            lines.insert(index, lines[index])
        else:
            valued = [number for number, line in enumerate(lines) if _value_at(line) is not None]
            first = valued[position % len(valued)]
            key, value = _value_at(lines[first]) or ("", "")
            comma = "," if value.endswith(",") else ""
            if operation == "replace":
                lines[first] = key + payload + comma
            else:
                second = valued[(position // 7 + 1) % len(valued)]
                other_key, other = _value_at(lines[second]) or ("", "")
                lines[first] = key + other.rstrip(",") + comma
                lines[second] = other_key + value.rstrip(",") + ("," if other.endswith(",") else "")
    return "\n".join(lines)


@_MUTATE
@given(_MUTATIONS)
def test_a_mutated_toml_claim_file_loads_and_round_trips_or_fails_with_a_located_error(
    mutations: list[tuple[str, int, str]],
) -> None:
    _try_load("mutated TOML", _mutate(_TOML_LINES, mutations).encode("utf-8", "surrogatepass"), ".toml")


@_MUTATE
@given(_MUTATIONS)
def test_a_mutated_json_claim_file_loads_and_round_trips_or_fails_with_a_located_error(
    mutations: list[tuple[str, int, str]],
) -> None:
    _try_load("mutated JSON", _mutate(_JSON_LINES, mutations).encode("utf-8", "surrogatepass"), ".json")


def test_the_unmutated_files_load_and_round_trip() -> None:
    """The mutation tests start from files that load: a mutation, not the base, makes each error."""
    assert _try_load("unmutated", "\n".join(_TOML_LINES).encode(), ".toml")
    assert _try_load("unmutated", "\n".join(_JSON_LINES).encode(), ".json")
