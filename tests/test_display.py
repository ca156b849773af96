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
from esgclaims._display.frames import COLUMNS
from esgclaims._format import unit_words
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


@pytest.mark.parametrize(
    ("amount", "unit", "text"),
    [
        ("-200300000", "CNY", "−RMB 200,300,000"),  # before: "RMB -200,300,000"
        ("-5", "CNY/household", "−RMB 5 per household"),
        ("-20", "percent", "−20%"),
        ("-1", "household", "−1 household"),
        ("-2.5", "dimensionless", "−2.5"),
        ("100", "item/year", "100 items per year"),  # before: "100 items per a"
        ("1", "CNY/year", "RMB 1 per year"),
        ("3", "item/household/year", "3 items per household per year"),  # before: "3 item / household / a"
        ("2", "year", "2 years"),  # before: "2 a"
        ("1", "day", "1 day"),
        ("19.77", "million*CNY", "RMB 19,770,000"),  # before: "RMB 19.77"
        ("110", "thousand*household", "110,000 households"),
        ("5", "t", "5 t"),
    ],
)
def test_format_quantity_reads_signs_years_and_scales_as_a_person_writes_them(
    amount: str, unit: str, text: str
) -> None:
    assert esgclaims.format_quantity(esgclaims.quantity(amount, unit)) == text


@pytest.mark.parametrize(
    ("unit", "words"),
    [
        ("item/year", "items per year"),
        ("CNY/household", "RMB per household"),
        ("item/year/household", "items per household per year"),
        ("year", "years"),
        ("million*CNY", "million RMB"),  # the unit column beside a figure in millions
        ("thousand*household", "thousand households"),
        ("percent", "%"),
    ],
)
def test_unit_words_spell_out_years_and_keep_scale_words(unit: str, words: str) -> None:
    assert unit_words(esgclaims.parse_unit(unit)) == words


def test_an_annual_rate_reads_per_year_not_per_a() -> None:
    yearly = esgclaims.annualise(CLAIMS["jd-2020/jingxi-local-specialties-sold"])
    assert str(yearly.interval) == "(666,666.6666666666666666666667 items per year, ∞)"
    assert yearly.words == "more than 666,600 items a year"
    assert repr(yearly) == "<Derived annualised: more than 666,600 items a year>"


# ------------------------------------------------------------------ HTML


def _hostile(claim: esgclaims.Claim) -> esgclaims.Claim:
    """The claim with markup in every string a file controls."""
    script = "<script>alert('x')</script>"
    subject = attrs.evolve(claim.subject, name=f"JD {script}")
    metric = attrs.evolve(claim.metric, name=f"Sales & {script}")
    quote = f"{script}" + "x" * (len(claim.citation.quote) - len(script))
    citation = attrs.evolve(claim.citation, quote=quote)
    return attrs.evolve(claim, subject=subject, metric=metric, citation=citation)


DONATIONS = CLAIMS["jd-2020/jd-foundation-donations"]


def _in_2019(claim: esgclaims.Claim) -> esgclaims.Claim:
    """The claim as a 2019 report of another source states it, with another figure."""
    source = esgclaims.Source("report-2019", "A 2019 report <marquee>", "A & B")
    citation = attrs.evolve(claim.citation, source=source)
    value = esgclaims.ReportedValue.of("250000000", "CNY")
    return attrs.evolve(
        claim, id="report-2019/donations", value=value, period=esgclaims.CalendarYear(2019), citation=citation
    )


@pytest.mark.parametrize(
    "render",
    [
        lambda claim: ClaimSet([claim])._repr_html_(),
        lambda claim: claim._repr_html_(),
        lambda claim: esgclaims.compare(claim, claim)._repr_html_(),
        lambda claim: esgclaims.ratio(claim, claim)._repr_html_(),
        lambda claim: esgclaims.share_of(claim, claim)._repr_html_(),
        lambda claim: esgclaims.annualise(claim)._repr_html_(),
        lambda claim: ClaimSet([claim, _in_2019(claim)]).check()[0]._repr_html_(),
        lambda claim: ClaimSet([_in_2019(claim)]).compare(ClaimSet([claim]))._repr_html_(),
        lambda claim: ClaimSet([_in_2019(claim)]).compare(ClaimSet([claim])).pairs[0]._repr_html_(),
        lambda claim: ClaimSet([_in_2019(claim)]).compare(ClaimSet([SALES, claim]))._repr_html_(),
    ],
    ids=["claim set", "claim", "comparison", "ratio", "share", "annualised", "finding", "alignment", "pair", "only"],
)
def test_html_escapes_every_string_it_renders(render: Any) -> None:
    page = render(_hostile(DONATIONS))
    assert "<script>" not in page
    assert "<marquee>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "Sales &amp; " in page
    assert page.count("<table") == page.count("</table>") >= 1
    assert page.count("<tr>") == page.count("</tr>")


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


def test_comparison_html_writes_a_negative_difference_with_a_minus_sign_before_the_currency() -> None:
    online = CLAIMS["jd-2020/online-donations-raised"]
    page = esgclaims.compare(online, DONATIONS)._repr_html_()
    assert ">between −RMB 200,300,000 and −RMB 160,200,000</td>" in page
    assert "RMB -" not in page


def test_derived_html_answers_with_the_figure_its_inputs_and_notes() -> None:
    share = esgclaims.share_of(CLAIMS["jd-2020/online-donations-raised"], DONATIONS)
    page = share._repr_html_()
    assert "<caption>share of jd-2020/online-donations-raised in jd-2020/jd-foundation-donations</caption>" in page
    assert "<b>share</b></td>" in page
    assert ">between 8.986% and 10.99%</td>" in page
    assert ">RMB 19,770,000 (Donations raised online, jd-2020/online-donations-raised)</td>" in page
    assert "<b>note</b></td>" in page
    assert "is not stated to be part of" in page
    assert "<caption>2 claims</caption>" in page  # the inputs, as a claim set shows them
    yearly = esgclaims.annualise(CLAIMS["jd-2020/jingxi-local-specialties-sold"])._repr_html_()
    assert "<caption>jd-2020/jingxi-local-specialties-sold annualised</caption>" in yearly
    assert ">more than 666,600 items a year</td>" in yearly
    assert "per a" not in yearly


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
    pd = pytest.importorskip("pandas")
    frame = CLAIMS.to_dataframe()
    assert frame.shape[0] == len(CLAIMS)
    assert list(frame.index) == list(CLAIMS.ids)
    row = frame.loc["jd-2020/online-donations-raised"]
    assert row["reported"] == Decimal(19770000)
    assert isinstance(row["reported"], Decimal)
    assert str(row["period_start"].date()) == "2020-01-01"
    assert frame.loc["jd-2020/local-commodities-online", "high"] is pd.NA


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


def test_plot_draws_a_figure_stated_in_millions_on_its_currency_axis_in_units() -> None:
    donations = CLAIMS["jd-2020/jd-foundation-donations"]
    assert donations.value is not None
    in_millions = attrs.evolve(
        donations,
        id="report/donations-in-millions",
        value=attrs.evolve(donations.value, reported=esgclaims.quantity("200", "million*CNY")),
    )
    figure = ClaimSet([donations, in_millions]).plot()
    (axes,) = figure.axes
    assert axes.get_title(loc="left") == "RMB"
    diamonds = [line.get_xdata()[0] for line in axes.get_lines() if line.get_marker() == "D"]
    assert diamonds == [200_000_000, 200_000_000]
