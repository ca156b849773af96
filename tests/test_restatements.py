"""Restatements (``restates``) and duplicate facts: loaded, checked, and resolved in comparisons."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest

import esgclaims
from esgclaims import ClaimSet, Consistency, InvalidClaimError, LoadError

if TYPE_CHECKING:
    from pathlib import Path


def _claim(claim_id: str, amount: str, period: str, source: str, **extra: object) -> dict[str, Any]:
    quote = f"we planted {amount} trees"
    record: dict[str, Any] = {
        "id": claim_id,
        "subject": "acme",
        "metric": "spend",
        "value": {"amount": amount, "unit": "EUR", "precision": "1"},
        "period": period,
        "source": source,
        "quote": quote,
        "span": [0, len(quote)],
    }
    return record | extra


def _document(*claims: dict[str, Any]) -> dict[str, Any]:
    return {
        "sources": [
            {"id": "r2023", "title": "Acme report 2023", "publisher": "Acme"},
            {"id": "r2024", "title": "Acme report 2024", "publisher": "Acme"},
        ],
        "organizations": [{"id": "acme", "name": "Acme"}, {"id": "other", "name": "Other"}],
        "metrics": [
            {"id": "spend", "name": "Community spending", "kind": "money", "temporal": "flow"},
            {"id": "waste", "name": "Waste", "kind": "mass", "temporal": "flow"},
        ],
        "claims": list(claims),
    }


ORIGINAL = _claim("acme/spend-2023", "120", "2023", "r2023")
RESTATED = _claim("acme/spend-2023-restated", "100", "2023", "r2024", restates="acme/spend-2023", note="scope fixed")
LATER = _claim("acme/spend-2024", "110", "2024", "r2024")


def _load(tmp_path: Path, *claims: dict[str, Any]) -> ClaimSet:
    path = tmp_path / "acme.json"
    path.write_text(json.dumps(_document(*claims)), encoding="utf-8")
    return esgclaims.load(path)


def _errors(tmp_path: Path, *claims: dict[str, Any]) -> list[str]:
    with pytest.raises(LoadError) as caught:
        _load(tmp_path, *claims)
    return [str(error) for error in caught.value.exceptions]


def test_a_restatement_holds_the_id_it_restates_and_round_trips(tmp_path: Path) -> None:
    claims = _load(tmp_path, ORIGINAL, RESTATED, LATER)
    assert claims["acme/spend-2023-restated"].restates == "acme/spend-2023"
    assert claims["acme/spend-2023-restated"].note == "scope fixed"
    esgclaims.dump(claims, tmp_path / "again.json")
    assert esgclaims.load(tmp_path / "again.json") == claims


def test_check_reports_a_restatement_with_its_change_not_a_contradiction(tmp_path: Path) -> None:
    findings = _load(tmp_path, ORIGINAL, RESTATED).check()
    assert [str(finding) for finding in findings] == [
        (
            "restated: acme/spend-2023 and acme/spend-2023-restated: acme/spend-2023-restated restates "
            "acme/spend-2023 (scope fixed): down EUR 20"
        )
    ]
    assert findings[0].status is Consistency.RESTATED
    assert str(findings[0].change) == "[−EUR 20]"


def test_a_restated_claim_is_paired_only_with_its_restatement(tmp_path: Path) -> None:
    # acme/spend-2023 is not judged against acme/spend-2024: its restatement is
    findings = _load(tmp_path, ORIGINAL, RESTATED, LATER).check()
    assert [(f.a.id, f.b.id, f.status) for f in findings] == [
        ("acme/spend-2023-restated", "acme/spend-2024", Consistency.INDETERMINATE),
        ("acme/spend-2023", "acme/spend-2023-restated", Consistency.RESTATED),
    ]


@pytest.mark.parametrize(
    ("amount", "status", "reason"),
    [
        (
            "120.4",
            Consistency.CONSISTENT,
            (
                "duplicate in source r2023, and the figures overlap: acme/spend-2023 (EUR 120, with rounding "
                "between EUR 119.5 and EUR 120.5) and acme/spend-2023-again (EUR 120.4, with rounding between "
                "EUR 119.9 and EUR 120.9), both flow over 2023"
            ),
        ),
        (
            "80",
            Consistency.INCONSISTENT,
            (
                "duplicate in source r2023, but no value satisfies both: acme/spend-2023 (EUR 120, with rounding "
                "between EUR 119.5 and EUR 120.5) and acme/spend-2023-again (EUR 80, with rounding between "
                "EUR 79.5 and EUR 80.5), both flow over 2023"
            ),
        ),
    ],
)
def test_duplicates_in_one_source_are_judged_after_rounding(
    tmp_path: Path, amount: str, status: Consistency, reason: str
) -> None:
    again = _claim("acme/spend-2023-again", amount, "2023", "r2023")
    (finding,) = _load(tmp_path, ORIGINAL, again).check()
    assert (finding.status, finding.reason) == (status, reason)


def test_compare_uses_the_latest_statement_by_default_and_can_show_all(tmp_path: Path) -> None:
    claims = _load(tmp_path, ORIGINAL, RESTATED, LATER)
    report_2023 = claims.filter(lambda c: c.source.id == "r2023")
    report_2024 = claims.filter(lambda c: c.source.id == "r2024")
    assert str(report_2023.compare(report_2024)) == "acme/spend-2023-restated → acme/spend-2024: up EUR 10"
    assert str(report_2023.compare(report_2024, restated="all")) == (
        "acme/spend-2023 → acme/spend-2023-restated: down EUR 20\nonly right: acme/spend-2024"
    )
    with pytest.raises(InvalidClaimError, match=r"^restated must be 'latest' or 'all', got 'new'$"):
        report_2023.compare(report_2024, restated="new")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        (
            [ORIGINAL, _claim("acme/x", "1", "2023", "r2024", restates="acme/spend-2032")],
            (
                "acme.json, claim 'acme/x', field 'restates': no claim with id 'acme/spend-2032' to restate; "
                "did you mean 'acme/spend-2023'?"
            ),
        ),
        (
            [ORIGINAL, _claim("acme/x", "1", "2023", "r2024", restates="acme/spend-2023", subject="other")],
            (
                "acme.json, claim 'acme/x', field 'restates': a restatement states the same quantity again, but "
                "'acme/spend-2023' is about subject 'acme', metric 'spend', and this claim about subject 'other', "
                "metric 'spend'"
            ),
        ),
        (
            [
                _claim("acme/a", "1", "2023", "r2023", restates="acme/b"),
                _claim("acme/b", "2", "2023", "r2024", restates="acme/a"),
            ],
            "acme.json, claim 'acme/a', field 'restates': restatements in a circle: 'acme/a' → 'acme/b' → 'acme/a'",
        ),
        (
            [_claim("acme/a", "1", "2023", "r2023", restates="acme/a")],
            "acme.json, claim 'acme/a', field 'restates': claim 'acme/a' cannot restate itself",
        ),
    ],
    ids=["nowhere", "another-subject", "cycle", "itself"],
)
def test_a_bad_restates_is_a_located_error_and_nothing_loads(
    tmp_path: Path, claims: list[dict[str, Any]], expected: str
) -> None:
    assert _errors(tmp_path, *claims) == [expected]


def test_a_restatement_of_another_metric_is_refused(tmp_path: Path) -> None:
    waste = _claim("acme/waste", "1", "2023", "r2024", restates="acme/spend-2023", metric="waste")
    waste["value"] = {"amount": "1", "unit": "t"}
    (error,) = _errors(tmp_path, ORIGINAL, waste)
    assert error.endswith("and this claim about subject 'acme', metric 'waste'")
