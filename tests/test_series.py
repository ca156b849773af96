"""ClaimSet.series: one metric of one subject over time, its display, its plot and ``esgclaims series``."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest

import esgclaims
from esgclaims import ClaimSet, InvalidClaimError
from esgclaims._cli.main import main

if TYPE_CHECKING:
    from pathlib import Path


def _claim(claim_id: str, amount: str, period: str, **extra: Any) -> dict[str, Any]:
    quote = f"we spent {amount}"
    value = {"amount": amount, "unit": "EUR", "precision": "1"} | extra.pop("value", {})
    record = {
        "id": claim_id,
        "subject": "acme",
        "metric": "spend",
        "period": period,
        "source": "r2024" if period >= "2024" or "restates" in extra else "r2023",
        "quote": quote,
        "span": [0, len(quote)],
        "value": value,
    }
    return record | extra


DOCUMENT = {
    "sources": [
        {"id": "r2023", "title": "Acme report 2023", "publisher": "Acme"},
        {"id": "r2024", "title": "Acme report 2024", "publisher": "Acme"},
    ],
    "organizations": [{"id": "acme", "name": "Acme"}, {"id": "beta", "name": "Beta"}],
    "metrics": [
        {"id": "spend", "name": "Community spending", "kind": "money", "temporal": "flow"},
        {"id": "award", "name": "Award", "kind": "qualitative", "temporal": "event"},
    ],
    "claims": [
        _claim("acme/spend-2024", "110", "2024"),
        _claim("acme/spend-2022", "90", "2022", value={"qualifier": "more_than"}),
        _claim("acme/spend-2023", "120", "2023"),
        _claim("acme/spend-2023-restated", "100", "2023", restates="acme/spend-2023", note="scope"),
        _claim("beta/spend-2024", "5", "2024", subject="beta"),
    ],
}


@pytest.fixture
def claims(tmp_path: Path) -> ClaimSet:
    path = tmp_path / "acme.json"
    path.write_text(json.dumps(DOCUMENT), encoding="utf-8")
    return esgclaims.load(path)


def test_a_series_is_in_period_order_with_each_change_and_restatements_resolved(claims: ClaimSet) -> None:
    series = claims.series("spend", subject="acme")
    assert str(series) == (
        "Community spending — Acme\n"
        "  2022: more than EUR 90 (acme/spend-2022)\n"
        "    cannot tell up or down: less than +EUR 10\n"
        "  2023: EUR 100 (acme/spend-2023-restated, restates acme/spend-2023)\n"
        "    up EUR 10\n"
        "  2024: EUR 110 (acme/spend-2024)"
    )
    assert repr(series) == "<Series 'spend' of 'acme': 3 claims>"
    assert str(series.steps[1].change) == "[EUR 10]"


def test_restated_all_keeps_every_statement(claims: ClaimSet) -> None:
    ids = [claim.id for claim in claims.series("spend", subject="acme", restated="all").claims]
    assert ids == ["acme/spend-2022", "acme/spend-2023", "acme/spend-2023-restated", "acme/spend-2024"]


@pytest.mark.parametrize(
    ("metric", "subject", "message"),
    [
        ("spnd", "acme", "no claim has metric 'spnd'; did you mean 'spend'?"),
        ("spend", "acmee", "no claim of metric 'spend' has subject 'acmee'; did you mean 'acme'?"),
        ("spend", None, "claims of metric 'spend' have several subjects (acme, beta); pass subject=..."),
    ],
)
def test_a_series_that_cannot_be_drawn_up_says_why(
    claims: ClaimSet, metric: str, subject: str | None, message: str
) -> None:
    with pytest.raises(InvalidClaimError) as caught:
        claims.series(metric, subject=subject)
    assert str(caught.value) == message


def test_a_series_displays_as_a_table_in_a_notebook(claims: ClaimSet) -> None:
    page = claims.series("spend", subject="acme")._repr_html_()
    assert "<caption>Community spending — Acme</caption>" in page
    assert '<td class="" style="text-align: left; vertical-align: top; padding: 2px 8px;">up EUR 10</td>' in page


def test_a_series_plots_as_a_line_with_interval_bands(claims: ClaimSet, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    figure = claims.series("spend", subject="acme").plot()
    (ax,) = figure.axes
    assert [label.get_text() for label in ax.get_xticklabels()] == ["2022", "2023", "2024"]
    assert [line.get_label() for line in ax.get_lines()] == ["reported figure"]
    figure.savefig(tmp_path / "series.png")
    assert (tmp_path / "series.png").stat().st_size > 10_000


def test_the_command_line_prints_the_series(
    claims: ClaimSet, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    del claims  # the fixture wrote the file
    status = main(["series", str(tmp_path / "acme.json"), "--metric", "spend", "--subject", "acme"])
    assert status == 0
    assert capsys.readouterr().out.splitlines()[3:5] == [
        "  2023: EUR 100 (acme/spend-2023-restated, restates acme/spend-2023)",
        "    up EUR 10",
    ]
