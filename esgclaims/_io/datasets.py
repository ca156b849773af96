"""The datasets shipped with esgclaims."""

from __future__ import annotations

from importlib.resources import files
from typing import TYPE_CHECKING

from esgclaims._errors import DatasetNotFoundError, check_argument

from .load import load_bytes

if TYPE_CHECKING:
    from esgclaims._claimset import ClaimSet

__all__ = ["DATASETS", "load_dataset"]

#: Names of the shipped datasets, and the file each is read from.
DATASETS: dict[str, str] = {"jd-2020": "jd-2020.toml"}


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
    data = files("esgclaims").joinpath("data", filename).read_bytes()
    return load_bytes(data, name=filename, suffix=".toml")
