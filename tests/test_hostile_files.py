"""Hostile files and arguments: each is a located error in bounded time, never a bare exception or a hang."""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING, Any

import pytest

import esgclaims
from esgclaims._io.load import load_bytes
from esgclaims._io.text import MAX_FILE_BYTES

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path


def _load(text: str, suffix: str) -> Any:
    return load_bytes(text.encode(), name=f"hostile{suffix}", suffix=suffix)


@pytest.mark.parametrize(
    ("text", "suffix", "message"),
    [
        (
            '{"claims": [], "claims": []}',
            ".json",
            "hostile.json: malformed JSON: key 'claims' twice in one object; write each key once",
        ),
        (
            '{"claims": [{"id": "a", "id": "b"}]}',
            ".json",
            "hostile.json: malformed JSON: key 'id' twice in one object; write each key once",
        ),
        (
            "claims = []\nx = " + "9" * 5000,
            ".toml",
            "hostile.toml, line 2: an integer of more than 40 digits; no figure has so many",
        ),
        (
            "claims = []\n" + ".".join(["a"] * 40) + " = 1",
            ".toml",
            "hostile.toml, line 2: a key nested more than 16 deep; a claim file needs 3",
        ),
        (
            "claims = []\n[" + ".".join(["a"] * 40) + "]",
            ".toml",
            "hostile.toml, line 2: a key nested more than 16 deep; a claim file needs 3",
        ),
    ],
)
def test_a_file_that_would_be_read_wrong_or_slowly_is_refused(text: str, suffix: str, message: str) -> None:
    with pytest.raises(esgclaims.FileFormatError) as raised:
        _load(text, suffix)
    assert str(raised.value) == message


def test_sixty_kilobytes_of_nested_toml_tables_are_refused_at_once() -> None:
    text = "".join(f"[{'.'.join(['a'] * depth)}]\n" for depth in range(1, 400))
    start = time.process_time()
    with pytest.raises(esgclaims.FileFormatError, match="nested more than 16 deep"):
        _load(text, ".toml")
    assert time.process_time() - start < 1


def test_devices_fifos_and_directories_are_refused_before_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "claims.toml"
    os.mkfifo(fifo)
    cases = {
        "/dev/zero": "it is a character device, not a file of text",
        str(fifo): "it is a FIFO (named pipe), not a file of text",
    }
    for path, why in cases.items():
        with pytest.raises(esgclaims.FileReadError) as raised:
            esgclaims.load(path)
        assert str(raised.value) == f"{path}: cannot read the file: {why}"
    with pytest.raises(esgclaims.FileReadError, match="cannot read the file"):
        esgclaims.load(tmp_path)


def test_a_file_larger_than_the_limit_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    with big.open("wb") as stream:
        stream.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk is spent on it
    with pytest.raises(esgclaims.FileReadError) as raised:
        esgclaims.load(big)
    assert str(raised.value) == f"{big}: cannot read the file: it is larger than 64 MiB, the most esgclaims reads"


CLAIMS = esgclaims.load_dataset("jd-2020")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: esgclaims.load(None), "load(): path must be a path (str or os.PathLike), got NoneType None"),  # type: ignore[arg-type]
        (
            lambda: esgclaims.load(b"claims = []"),  # type: ignore[arg-type]
            "load(): path must be a path (str or os.PathLike), got bytes b'claims = []'",
        ),
        (
            lambda: esgclaims.load_dataset(["jd-2020"]),  # type: ignore[arg-type]
            "load_dataset(): name must be a dataset name (jd-2020), got list ['jd-2020']",
        ),
        (
            lambda: esgclaims.extract("In 2020, we helped 110 counties.", source="x"),  # type: ignore[arg-type]
            "extract(): source must be an esgclaims.Source or None, got str 'x'",
        ),
        (
            lambda: CLAIMS.filter(subject=5),  # type: ignore[arg-type]
            "filter(): subject must be an id or an esgclaims.Organization, got int 5",
        ),
        (
            lambda: CLAIMS.filter(period="2020"),  # type: ignore[arg-type]
            "filter(): period must be an esgclaims period, got str '2020'",
        ),
    ],
)
def test_a_wrong_argument_type_is_an_argument_type_error_naming_the_argument(
    call: Callable[[], object], message: str
) -> None:
    with pytest.raises(esgclaims.ArgumentTypeError) as raised:
        call()
    assert str(raised.value) == message


def test_organizations_must_be_organizations() -> None:
    with pytest.raises(esgclaims.ArgumentTypeError, match=r"^extract\(\): organizations must be .*, got int 1$"):
        esgclaims.extract("In 2020, we helped 110 counties.", organizations=[1])  # type: ignore[list-item]


def test_a_path_with_a_nul_is_a_read_error_that_shows_it_escaped() -> None:
    with pytest.raises(esgclaims.FileReadError) as raised:
        esgclaims.load("a\x00b.json")
    assert (
        str(raised.value) == "'a\\x00b.json': cannot read the file: the name is not a valid path (embedded null byte)"
    )
