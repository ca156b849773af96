"""ClaimSet.to_dataframe ready for analysis, and forgiving lookups: ids suggested, slices, merging sets."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

import esgclaims
from esgclaims import ClaimNotFoundError, ClaimSet, InvalidClaimError

CLAIMS = esgclaims.load_dataset("jd-2020")


def test_figures_stay_exact_decimals_with_float_columns_beside_them() -> None:
    pytest.importorskip("pandas")
    frame = CLAIMS.to_dataframe()
    assert frame.loc["jd-2020/poverty-alleviation-sales", "reported"] == Decimal("100000000000")
    assert frame["reported"].dropna().sum() == sum(c.value.reported.magnitude for c in CLAIMS if c.value is not None)
    assert frame.loc["jd-2020/poverty-alleviation-sales", "reported_float"] == 1e11
    assert list(frame.columns[4:12]) == [
        "reported",
        "reported_float",
        "low",
        "low_float",
        "low_closed",
        "high",
        "high_float",
        "high_closed",
    ]


def test_columns_have_types_pandas_computes_on_and_one_missing_marker() -> None:
    pd = pytest.importorskip("pandas")
    frame = CLAIMS.to_dataframe()
    dtypes = {column: str(dtype) for column, dtype in frame.dtypes.items()}
    assert (dtypes["reported_float"], dtypes["low_closed"], dtypes["high_closed"]) == ("Float64", "boolean", "boolean")
    assert (dtypes["reported"], dtypes["subject"], dtypes["period_end"][:10]) == ("object", "string", "datetime64")
    qualitative = frame.loc["jd-2020/jd-foundation-founded"]
    missing = {column for column, value in qualitative.items() if value is pd.NA}
    assert missing >= {"reported", "reported_float", "low", "low_closed", "unit", "qualifier", "program"}
    assert not any(value is None for value in frame.to_numpy().ravel())


def test_describe_treats_the_figures_as_numbers() -> None:
    pytest.importorskip("pandas")
    described = CLAIMS.to_dataframe().describe()
    assert {"reported_float", "low_float", "high_float"} <= set(described.columns)
    assert described.loc["count", "reported_float"] == 13
    assert described.loc["max", "reported_float"] == 1e11


def test_an_unknown_id_suggests_the_closest() -> None:
    with pytest.raises(ClaimNotFoundError) as caught:
        CLAIMS["jd-2020/online-donation"]
    assert str(caught.value) == (
        "no claim with id 'jd-2020/online-donation'; did you mean 'jd-2020/online-donations-raised', "
        "'jd-2020/clothing-donation-cities' or 'jd-2020/jd-foundation-donations'?"
    )


@pytest.mark.parametrize(
    ("criteria", "message"),
    [
        ({"subject": "jd-fundation"}, "no claim has subject 'jd-fundation'; did you mean 'jd-foundation'?"),
        (
            {"metric": "charitable-donation"},
            "no claim has metric 'charitable-donation'; did you mean 'charitable-donations'",
        ),
        ({"program": "xyz"}, "no claim has program 'xyz'; they have ecommerce-poverty-alleviation, "),
    ],
)
def test_filter_by_an_id_no_claim_has_raises_with_a_suggestion(criteria: dict[str, str], message: str) -> None:
    with pytest.raises(ClaimNotFoundError) as caught:
        CLAIMS.filter(**criteria)  # type: ignore[arg-type]
    assert str(caught.value).startswith(message)


def test_a_slice_is_a_claim_set() -> None:
    sliced = CLAIMS[2:5]
    assert isinstance(sliced, ClaimSet)
    assert sliced.ids == CLAIMS.ids[2:5]


def test_adding_sets_merges_identical_claims() -> None:
    assert (CLAIMS + CLAIMS) == CLAIMS
    assert (CLAIMS[:3] + CLAIMS[2:5]).ids == CLAIMS.ids[:5]


def test_adding_two_different_claims_with_one_id_is_refused() -> None:
    first = CLAIMS[0]
    changed = attrs.evolve(first, note="another note")
    with pytest.raises(InvalidClaimError) as caught:
        CLAIMS + ClaimSet([changed])
    assert str(caught.value) == (f"claim {first.id!r} differs between the two sets (say in note): one id, two claims")
