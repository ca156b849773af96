"""The datasets shipped with esgclaims.

Each dataset is written as TOML (``data/jd-2020.toml``), the file people edit and
review. Beside it ships its JSON twin (``data/jd-2020.json``), the same document
as JSON, generated from the TOML by :func:`json_twin`: reading JSON costs a tenth
of reading TOML, and ``import esgclaims; load_dataset(...)`` is held to a budget
(benchmarks/coldstart.py). The twin records the SHA-256 of the TOML it was made
from; :func:`load_dataset` reads the twin only when that is the TOML shipped beside
it, and the TOML otherwise, so a stale twin can cost time but never change a claim.
Either way the document goes through the loader users use.
"""

from __future__ import annotations

import hashlib
import json
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from esgclaims._errors import DatasetNotFoundError, check_argument

from .build import ClaimFileResolver
from .text import decode_text, parse_json, parse_toml

if TYPE_CHECKING:
    from esgclaims._claimset import ClaimSet

__all__ = ["DATASETS", "TWIN_KEY", "dataset_document", "json_twin", "load_dataset", "twin_name"]

#: Names of the shipped datasets, and the file each is read from.
DATASETS: dict[str, str] = {"jd-2020": "jd-2020.toml"}

#: The key of a JSON twin that records the SHA-256 of the TOML it was made from.
TWIN_KEY = "generated_from_sha256"


def load_dataset(name: str) -> ClaimSet:
    """Load a dataset shipped with esgclaims, with the same loader users use.

    ``"jd-2020"``: every claim of the JD Corporate Blog article on JD.com's 2020
    ESG report (Kelly Dawson), with quotes and character spans.

    Examples:
        >>> claims = load_dataset("jd-2020")
        >>> print(claims["jd-2020/poverty-alleviation-sales"])
        RMB 100,000,000,000 (Poverty alleviation-related sales) — cumulative to 30 Sep 2020
        — JD.com, E-commerce poverty alleviation
    """
    check_argument(name, str, where="load_dataset(): name", what=f"a dataset name ({', '.join(DATASETS)})")
    try:
        filename = DATASETS[name]
    except KeyError:
        known = ", ".join(repr(n) for n in DATASETS)
        raise DatasetNotFoundError(f"no dataset named {name!r}; esgclaims ships {known}") from None
    folder = files("esgclaims").joinpath("data")
    twin = folder.joinpath(twin_name(filename))
    toml, json_text = folder.joinpath(filename).read_bytes(), twin.read_bytes() if twin.is_file() else None
    return ClaimFileResolver(filename).run(dataset_document(filename, toml, json_text))


def twin_name(filename: str) -> str:
    """The file name of a dataset's JSON twin: ``jd-2020.json`` for ``jd-2020.toml``."""
    return filename.removesuffix(".toml") + ".json"


def dataset_document(filename: str, toml: bytes, twin: bytes | None) -> dict[str, Any]:
    r"""A dataset's document: its JSON ``twin`` when that was made from this very ``toml``, else the TOML read.

    Examples:
        >>> toml = b'claims = []'
        >>> dataset_document("a.toml", toml, json_twin(toml).encode())
        {'claims': []}
        >>> dataset_document("a.toml", toml + b"\nsources = []", json_twin(toml).encode())  # a stale twin
        {'claims': [], 'sources': []}
    """
    if twin is not None:
        document = parse_json(decode_text(twin, twin_name(filename)), twin_name(filename))
        if isinstance(document, dict) and document.pop(TWIN_KEY, None) == hashlib.sha256(toml).hexdigest():
            return document
    return parse_toml(decode_text(toml, filename), filename)


def json_twin(toml: bytes) -> str:
    """The JSON twin of a dataset's TOML: the same document, and the SHA-256 of the TOML under :data:`TWIN_KEY`.

    Only what JSON holds exactly may be in the TOML (text, integers, booleans, lists
    and tables): a TOML fraction or date raises ``TypeError`` rather than change in the twin.

    Examples:
        >>> print(json_twin(b"claims = []"))  # doctest: +ELLIPSIS
        {
         "generated_from_sha256": "4d3a133e...",
         "claims": []
        }
        >>> json_twin(b"figure = 1.5")
        Traceback (most recent call last):
        ...
        TypeError: Object of type Decimal is not JSON serializable
    """
    document = parse_toml(decode_text(toml, "the TOML"), "the TOML")
    return json.dumps({TWIN_KEY: hashlib.sha256(toml).hexdigest(), **document}, ensure_ascii=False, indent=1)
