"""The consistency check in DuckDB: the same findings as ClaimSet.check(), over claim sets and Parquet files."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import pytest

import esgclaims
from esgclaims import AsOf, CalendarYear, ClaimSet, Consistency, HalfYear, PartialDate, ReportedValue, check_duckdb
from esgclaims._cli.main import main
from esgclaims._interchange import check_duckdb_table
from tests import test_cli
from tests.test_consistency import CLAIMS, JUNE, PRESS, SALES, _counties, _donations, _sales, _share

if TYPE_CHECKING:
    from pathlib import Path

WASTE = esgclaims.Metric("waste", "Waste", "mass", "flow")


def _waste(claim_id: str, value: ReportedValue) -> esgclaims.Claim:
    source = attrs.evolve(PRESS, id=claim_id.replace("/", "-"))  # one source each: all are paired
    citation = attrs.evolve(SALES.citation, source=source)
    return attrs.evolve(SALES, id=claim_id, metric=WASTE, value=value, period=CalendarYear(2020), citation=citation)


#: One claim set with a finding of every kind and rule: each pair below is named by its rule in the SQL.
#: pr/sales and pr/sales-less are an inconsistent duplicate (one source and period); pr/sales-usd and
#: either is a duplicate in units that do not compare, which gives no finding.
EVERY_KIND = CLAIMS + ClaimSet(
    [
        _counties(100, JUNE, "pr/counties-june"),  # may-grow, consistent
        _counties(120, AsOf(PartialDate(2020, 3, 31)), "pr/counties-march"),  # may-grow, inconsistent
        _counties(110, AsOf(PartialDate(2020, 9)), "pr/counties-sep"),  # one-total
        _counties(90, AsOf(PartialDate(2020, 12, 31), since=PartialDate(2020, 7)), "pr/counties-h2"),  # one-start
        _sales("100000000000", "more_than"),  # one-period, consistent
        attrs.evolve(_sales("14000000000", unit="USD"), id="pr/sales-usd"),  # units
        attrs.evolve(_sales("90000000000", "less_than"), id="pr/sales-less"),  # one-period, inconsistent
        _donations("250000000", HalfYear(2020, 1)),  # part-of-flow, inconsistent
        _donations("150000000", HalfYear(2020, 2), "pr/donations-h2"),  # part-of-flow, consistent
        _donations("150000000", CalendarYear(2019), "pr/donations-2019"),  # unconstrained flows
        _donations("150000000", CalendarYear(2019), "pr/donations-2019-again"),  # duplicate, consistent
        _share("75", AsOf(PartialDate(2019, 12, 31)), "report/share-2019"),  # unknown-period
        _share("82", AsOf(PartialDate(2020, 12, 31)), "report/share-2020"),  # stock
        _share("70", AsOf(PartialDate(2018, 12, 31)), "report/share-2018"),  # restated: not paired
        attrs.evolve(
            _share("71", AsOf(PartialDate(2018, 12, 31)), "report/share-2018-restated"),
            restates="report/share-2018",
            note="frontline staff recounted",
        ),  # restated
        _waste("pr/waste-t", ReportedValue.of("1.5", "t", precision="0.1")),  # [1.45 t, 1.55 t]
        _waste("pr/waste-kg", ReportedValue.of("1450", "kg")),  # consistent with it: the closed end
        _waste("pr/waste-g", ReportedValue.of("1600000", "g")),  # inconsistent with both
    ]
)


def test_duckdb_gives_the_python_engines_findings_on_every_kind_of_finding() -> None:
    expected = EVERY_KIND.check()
    assert {f.status for f in expected} == set(Consistency)
    assert check_duckdb(EVERY_KIND) == expected


def test_every_rule_of_the_sql_is_met_by_the_constructed_set() -> None:
    rules = set(check_duckdb_table(EVERY_KIND).column("rule").to_pylist())
    assert rules == {
        "may-grow",
        "one-total",
        "one-start",
        "one-period",
        "units",
        "part-of-flow",
        "unconstrained",
        "unknown-period",
        "stock",
        "duplicate",
        "restated",
    }


def test_masses_in_tonnes_kilograms_and_grams_compare_exactly_in_sql() -> None:
    waste = ClaimSet(c for c in EVERY_KIND if c.metric == WASTE)
    assert [(f.a.id, f.b.id, f.status) for f in check_duckdb(waste)] == [
        ("pr/waste-t", "pr/waste-kg", Consistency.CONSISTENT),
        ("pr/waste-t", "pr/waste-g", Consistency.INCONSISTENT),
        ("pr/waste-kg", "pr/waste-g", Consistency.INCONSISTENT),
    ]
    assert check_duckdb(waste) == waste.check()


def test_the_jd_dataset_has_no_findings_in_either_engine(tmp_path: Path) -> None:
    path = tmp_path / "jd.parquet"
    CLAIMS.to_parquet(path)
    assert check_duckdb(path) == CLAIMS.check() == ()


def test_parquet_files_and_claim_sets_are_checked_as_one_set_in_the_order_given(tmp_path: Path) -> None:
    first, second = ClaimSet(EVERY_KIND.claims[:20]), ClaimSet(EVERY_KIND.claims[20:])
    first.to_parquet(tmp_path / "first.parquet")
    assert check_duckdb(tmp_path / "first.parquet", second) == EVERY_KIND.check()


def _again(claim_id: str, value: ReportedValue) -> esgclaims.Claim:
    """SALES stated again in its own source, about its own period: a duplicate."""
    return attrs.evolve(SALES, id=claim_id, value=value)


@pytest.mark.parametrize(
    ("value", "status"),
    [
        (ReportedValue.of("100400000000", "CNY"), Consistency.CONSISTENT),  # within SALES' rounding
        (ReportedValue.of("90000000000", "CNY"), Consistency.INCONSISTENT),
    ],
)
def test_a_duplicate_in_one_source_is_judged_in_sql_as_in_python(value: ReportedValue, status: Consistency) -> None:
    claims = ClaimSet([SALES, _again("jd-2020/sales-again", value)])
    (finding,) = check_duckdb(claims)
    assert finding == claims.check()[0]
    assert (finding.status, finding.reason.startswith("duplicate in source jd-blog-2020-esg")) == (status, True)
    assert check_duckdb_table(claims).column("rule").to_pylist() == ["duplicate"]


def test_a_duplicate_in_units_that_do_not_compare_gives_no_finding_in_sql() -> None:
    claims = ClaimSet([SALES, _again("jd-2020/sales-usd", ReportedValue.of("14000000000", "USD"))])
    assert check_duckdb(claims) == claims.check() == ()


def test_a_restatement_is_a_restated_finding_with_the_change_and_the_original_is_not_paired(tmp_path: Path) -> None:
    original = _donations("150000000", CalendarYear(2019), "pr/donations-2019")
    restated = attrs.evolve(
        _donations("160000000", CalendarYear(2019), "pr/donations-2019-restated"),
        restates=original.id,
        note="a late gift counted",
    )
    claims = ClaimSet([original, restated, _donations("400000000", CalendarYear(2019), "other/donations-2019")])
    ClaimSet([original]).to_parquet(tmp_path / "original.parquet")  # the original in one input, the rest in another
    findings = check_duckdb(tmp_path / "original.parquet", ClaimSet(claims.claims[1:]))
    assert findings == claims.check()
    assert [(f.a.id, f.b.id, f.status) for f in findings] == [
        ("pr/donations-2019-restated", "other/donations-2019", Consistency.INCONSISTENT),
        ("pr/donations-2019", "pr/donations-2019-restated", Consistency.RESTATED),
    ]
    assert findings[1].change == claims.check()[1].change is not None
    assert str(findings[1]) == (
        "restated: pr/donations-2019 and pr/donations-2019-restated: "
        "pr/donations-2019-restated restates pr/donations-2019 (a late gift counted): up RMB 10,000,000"
    )


def test_no_input_has_no_findings() -> None:
    assert check_duckdb() == ()
    assert check_duckdb(ClaimSet()) == ()


def test_something_else_than_a_path_or_a_claim_set_is_refused() -> None:
    with pytest.raises(
        esgclaims.ArgumentTypeError, match="check_duckdb takes Parquet file paths or claim sets, got int"
    ):
        check_duckdb(3)  # type: ignore[arg-type]


def test_the_command_line_checks_with_duckdb_and_prints_the_same_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report, press = test_cli._report(tmp_path / "report.toml"), test_cli._press(tmp_path / "press.toml")
    python = test_cli._run(capsys, "check", report, press)
    assert test_cli._run(capsys, "check", "--engine", "duckdb", report, press) == python
    esgclaims.load(report).to_parquet(tmp_path / "report.parquet")
    assert test_cli._run(capsys, "check", "--engine", "duckdb", tmp_path / "report.parquet", press) == python
    assert main(["check", "--engine", "duckdb", "jd-2020"]) == 0
