"""What a person sees: reprs, sentences, HTML tables, records, DataFrames and the chart."""

from __future__ import annotations

import builtins
import io
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import given, settings

import esgclaims
from esgclaims import ClaimSet, MissingExtraError
from esgclaims._frames import COLUMNS
from tests.strategies import claim_sets

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

CLAIMS = esgclaims.load_dataset("jd-2020")
SALES = CLAIMS["jd-2020/poverty-alleviation-sales"]
HOUSEHOLDS = CLAIMS["jd-2020/impoverished-households-income-increased"]


# ------------------------------------------------------------------ sentences and reprs


@pytest.mark.parametrize(
    ("claim_id", "expected"),
    [
        (
            "jd-2020/local-commodities-online",
            (
                "more than 3,000,000 items (Local commodities put online) — cumulative to 30 Sep 2020 — "
                "JD.com, E-commerce poverty alleviation"
            ),
        ),
        (
            "jd-2020/jingxi-farms-helped",
            (
                "tens of thousands of farms (Farms helped to sell products) — Sep 2019 – Feb 2021 — "
                "Jingxi, Jingxi agricultural sales"
            ),
        ),
        (
            "jd-2020/jd-foundation-donations",
            "around RMB 200,000,000 (±10%) (Charitable donations made) — 2020 — JD Foundation",
        ),
    ],
)
def test_a_claim_reads_like_the_sentence_it_came_from(claim_id: str, expected: str) -> None:
    assert str(CLAIMS[claim_id]) == expected


def test_reprs_are_concise() -> None:
    assert repr(SALES.subject) == "Organization('jd', 'JD.com')"
    assert (
        repr(SALES.metric)
        == "Metric('poverty-alleviation-sales', 'Poverty alleviation-related sales', money, cumulative)"
    )
    assert repr(SALES.citation) == (
        "Citation('achieved RMB 100 billion yuan in poverty alleviation-related sales', span=(1666, 1732))"
    )
    assert repr(SALES).startswith("<Claim 'jd-2020/poverty-alleviation-sales': RMB 100,000,000,000")
    assert repr(CLAIMS) == "<ClaimSet of 17 claims>"


# ------------------------------------------------------------------ HTML


def _hostile(claim: esgclaims.Claim) -> esgclaims.Claim:
    """The claim with markup in every string a file controls."""
    script = "<script>alert('x')</script>"
    subject = attrs.evolve(claim.subject, name=f"JD {script}")
    metric = attrs.evolve(claim.metric, name=f"Sales & {script}")
    quote = f"{script}" + "x" * (len(claim.citation.quote) - len(script))
    citation = attrs.evolve(claim.citation, quote=quote)
    return attrs.evolve(claim, subject=subject, metric=metric, citation=citation)


@pytest.mark.parametrize(
    "render",
    [
        lambda claim: ClaimSet([claim])._repr_html_(),
        lambda claim: claim._repr_html_(),
        lambda claim: esgclaims.compare(claim, claim)._repr_html_(),
    ],
    ids=["claim set", "claim", "comparison"],
)
def test_html_escapes_every_string_it_renders(render: Any) -> None:
    page = render(_hostile(SALES))
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "Sales &amp; " in page


def test_claim_set_html_is_a_table_with_grouped_digits_units_in_words_and_quotes() -> None:
    page = CLAIMS._repr_html_()
    assert page.count("<tr>") == 1 + len(CLAIMS)
    assert '<table class="esgclaims">' in page
    assert 'class="num" style="text-align: right;' in page
    assert ">100,000,000,000</td>" in page
    assert ">households</td>" in page
    assert ">more than</td>" in page
    assert ">approximately ±10%</td>" in page
    assert ">cumulative to 30 Sep 2020</td>" in page
    assert "“achieved RMB 100 billion yuan in poverty alleviation-related sales”" in page


def test_comparison_html_answers_and_lists_reasons() -> None:
    page = esgclaims.compare(SALES, HOUSEHOLDS)._repr_html_()
    assert ">not comparable</td>" in page
    assert "less than RMB 100,000 per household" in page
    assert "different metrics" in page


# ------------------------------------------------------------------ records and DataFrames


def test_records_keep_figures_exact_and_bounds_open() -> None:
    records = {record["id"]: record for record in CLAIMS.to_records()}
    households = records["jd-2020/impoverished-households-income-increased"]
    assert households["reported"] == Decimal(1000000)
    assert (households["low"], households["low_closed"], households["high"]) == (Decimal(1000000), False, None)
    assert households["unit"] == "household"
    assert households["period"] == "as of 2020-09-30"
    donations = records["jd-2020/online-donations-raised"]
    assert str(donations["reported"]) == "19770000"
    assert records["jd-2020/jd-foundation-founded"]["qualifier"] is None
    assert list(records["jd-2020/jd-foundation-founded"]) == list(COLUMNS)


def test_dataframe_has_one_row_per_claim_with_exact_numbers() -> None:
    frame = CLAIMS.to_dataframe()
    assert frame.shape[0] == len(CLAIMS)
    assert list(frame.index) == list(CLAIMS.ids)
    row = frame.loc["jd-2020/online-donations-raised"]
    assert row["reported"] == Decimal(19770000)
    assert isinstance(row["reported"], Decimal)
    assert str(row["period_start"].date()) == "2020-01-01"
    assert frame.loc["jd-2020/local-commodities-online", "high"] is None


def _without(module: str, monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def fake_import(
        name: str,
        globals_: Mapping[str, object] | None = None,
        locals_: Mapping[str, object] | None = None,
        fromlist: Sequence[str] = (),
        level: int = 0,
    ) -> object:
        if name == module or name.startswith(module + "."):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, globals_, locals_, fromlist, level)

    monkeypatch.setattr(builtins, "__import__", fake_import)


def test_dataframe_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    _without("pandas", monkeypatch)
    with pytest.raises(MissingExtraError) as caught:
        CLAIMS.to_dataframe()
    assert str(caught.value) == (
        "ClaimSet.to_dataframe needs pandas, which esgclaims does not install by default: "
        "pip install 'esgclaims[pandas]'"
    )
    assert isinstance(caught.value, ImportError)


def test_plot_without_matplotlib_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    _without("matplotlib", monkeypatch)
    with pytest.raises(MissingExtraError, match=r"pip install 'esgclaims\[plot\]'"):
        CLAIMS.plot()


@settings(max_examples=25, deadline=None)
@given(claim_sets(min_size=1))
def test_records_and_html_cover_every_generated_claim(claims: ClaimSet) -> None:
    assert [record["id"] for record in claims.to_records()] == list(claims.ids)
    assert claims._repr_html_().count("<tr>") == 1 + len(claims)


# ------------------------------------------------------------------ the chart


def test_plot_renders_every_numeric_claim_grouped_by_unit_to_png() -> None:
    figure = CLAIMS.plot()
    units = {claim.value.units for claim in CLAIMS if claim.value is not None}
    assert len(figure.axes) == len(units)
    titles = {ax.get_title(loc="left") for ax in figure.axes}
    assert {"RMB", "households", "items", "%", "farms"} <= titles
    rmb = next(ax for ax in figure.axes if ax.get_title(loc="left") == "RMB")
    assert rmb.get_xscale() == "log"  # RMB 19.77 million to RMB 100 billion spans orders of magnitude
    labels = [label.get_text() for label in rmb.get_yticklabels()]
    assert labels == [
        "Poverty alleviation-related sales — JD.com",
        "Charitable donations made — JD Foundation",
        "Donations raised online — JD Foundation",
    ]
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=60)
    png = buffer.getvalue()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(png) > 10_000
