"""Each shipped dataset's JSON twin: made from its TOML as shipped, and loading to the same claims."""

from __future__ import annotations

import hashlib
import json
from importlib.resources import files

import pytest

import esgclaims
from esgclaims._io.build import ClaimFileResolver
from esgclaims._io.datasets import DATASETS, TWIN_KEY, dataset_document, json_twin, twin_name
from esgclaims._io.text import parse_toml

DATA = files("esgclaims").joinpath("data")
STALE = "data/{twin} is stale: write json_twin(the bytes of data/{toml}) and a newline to it (esgclaims._io.datasets)"


@pytest.mark.parametrize("name", DATASETS)
def test_the_twin_is_made_from_the_toml_as_shipped(name: str) -> None:
    toml, twin = DATASETS[name], twin_name(DATASETS[name])
    shipped = DATA.joinpath(twin).read_text(encoding="utf-8")
    assert shipped == json_twin(DATA.joinpath(toml).read_bytes()) + "\n", STALE.format(twin=twin, toml=toml)


@pytest.mark.parametrize("name", DATASETS)
def test_the_twin_holds_the_toml_document_and_the_toml_s_sha256(name: str) -> None:
    toml = DATA.joinpath(DATASETS[name]).read_bytes()
    twin = json.loads(DATA.joinpath(twin_name(DATASETS[name])).read_bytes())
    assert twin.pop(TWIN_KEY) == hashlib.sha256(toml).hexdigest()
    assert twin == parse_toml(toml.decode("utf-8"), DATASETS[name])


@pytest.mark.parametrize("name", DATASETS)
def test_the_dataset_loads_alike_from_the_twin_and_from_the_toml(name: str) -> None:
    from_toml = ClaimFileResolver(DATASETS[name]).run(
        parse_toml(DATA.joinpath(DATASETS[name]).read_text(encoding="utf-8"), DATASETS[name])
    )
    loaded = esgclaims.load_dataset(name)
    assert loaded == from_toml
    assert [repr(claim) for claim in loaded] == [repr(claim) for claim in from_toml]


def test_a_twin_made_from_this_toml_is_read_rather_than_the_toml() -> None:
    toml = b"claims = []"
    twin = json.dumps({TWIN_KEY: hashlib.sha256(toml).hexdigest(), "claims": [], "sources": []}).encode()
    assert dataset_document("a.toml", toml, twin) == {"claims": [], "sources": []}


@pytest.mark.parametrize(
    "twin",
    [
        None,
        b'{"claims": [], "sources": []}',
        b'{"generated_from_sha256": "' + b"0" * 64 + b'", "claims": [], "sources": []}',
        b'[{"claims": []}]',
    ],
    ids=["missing", "no digest", "another digest", "not a table"],
)
def test_without_a_twin_of_this_toml_the_toml_is_read(twin: bytes | None) -> None:
    assert dataset_document("a.toml", b"claims = [1]", twin) == {"claims": [1]}


def test_a_toml_json_cannot_hold_exactly_has_no_twin() -> None:
    with pytest.raises(TypeError, match="date is not JSON serializable"):
        json_twin(b"published = 2020-09-30")
