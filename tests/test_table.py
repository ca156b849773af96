"""The claim table: Arrow and Parquet round trips, exact figures, and bad Parquet files as located errors."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.parquet as pq  # type: ignore[import-untyped]
import pytest
from hypothesis import given, settings

import esgclaims
from esgclaims import ClaimSet, FileFormatError, InvalidValueError, LoadError, ReportedValue
from esgclaims._interchange import SCHEMA_VERSION, from_arrow
from esgclaims._interchange.schema import COLUMNS, descriptions, schema
from tests.strategies import table_claim_sets

CLAIMS: ClaimSet = esgclaims.load_dataset("jd-2020")
SALES = CLAIMS["jd-2020/poverty-alleviation-sales"]


def test_the_jd_dataset_goes_to_parquet_and_back_exactly(tmp_path: Path) -> None:
    path = tmp_path / "jd.parquet"
    CLAIMS.to_parquet(path)
    assert esgclaims.load(path) == CLAIMS
    assert pq.read_metadata(path).metadata[b"esgclaims.schema_version"] == SCHEMA_VERSION.encode()
    assert [p.name for p in tmp_path.iterdir()] == ["jd.parquet"]  # no temporary file left behind


@given(table_claim_sets())
@settings(max_examples=20, deadline=None)
def test_any_claim_set_goes_to_arrow_and_back_to_an_equal_set(claims: ClaimSet) -> None:
    assert from_arrow(claims.to_arrow()) == claims


def test_the_table_has_one_row_per_claim_in_the_documented_schema() -> None:
    table = CLAIMS.to_arrow()
    assert table.num_rows == len(CLAIMS)
    assert table.column_names == COLUMNS
    assert table.schema.equals(schema(), check_metadata=True)
    row = table.slice(2, 1).to_pylist()[0]
    assert (row["claim_id"], row["reported_text"], row["reported"]) == (SALES.id, "100000000000", Decimal(10**11))
    assert (row["cmp_low"], row["cmp_high"], row["unit"], row["dimension"]) == (
        Decimal("99500000000"),
        Decimal("100500000000"),
        "CNY",
        "[currency_CNY]",
    )
    assert row["frameworks"] == ["GRI 203-2 (close)", "SDG 1 (close)"]
    assert (row["period"], row["period_end"].isoformat(), row["end_granularity"]) == (
        "as of 2020-09-30",
        "2020-09-30",
        "day",
    )


def test_claims_in_different_units_of_one_dimension_compare_in_one_unit() -> None:
    waste = esgclaims.Metric("waste", "Waste", "mass", "flow")
    tonnes = attrs.evolve(SALES, id="a", metric=waste, value=ReportedValue.of("1.5", "t", precision="0.1"))
    kilograms = attrs.evolve(SALES, id="b", metric=waste, value=ReportedValue.of("1500", "kg"))
    table = ClaimSet([tonnes, kilograms]).to_arrow()
    assert table.column("cmp_unit").to_pylist() == ["gram", "gram"]
    assert table.column("cmp_low").to_pylist() == [Decimal(1450000), Decimal(1500000)]
    assert table.column("low").to_pylist() == [Decimal("1.5"), Decimal(1500)]


def _restating(claims: ClaimSet) -> ClaimSet:
    """``claims`` with a restatement of SALES, and one of a claim not in the set."""
    restated = attrs.evolve(
        SALES, id="jd-2021/sales-2020", value=ReportedValue.of("101000000000", "CNY"), note="recounted"
    )
    elsewhere = attrs.evolve(SALES, id="jd-2021/sales-elsewhere", restates="jd-2019/sales")
    return claims + ClaimSet([attrs.evolve(restated, restates=SALES.id), elsewhere])


def test_restatements_go_to_parquet_and_back(tmp_path: Path) -> None:
    claims = _restating(CLAIMS)
    claims.to_parquet(tmp_path / "restated.parquet")
    assert esgclaims.load(tmp_path / "restated.parquet") == claims
    assert claims.to_arrow().column("restates").to_pylist()[-3:] == [None, SALES.id, "jd-2019/sales"]


def test_a_table_written_before_the_restates_column_has_no_restatements(tmp_path: Path) -> None:
    table = CLAIMS.to_arrow().drop_columns(["restates"])
    assert esgclaims.load(_write(tmp_path / "early.parquet", table)) == CLAIMS


def test_a_claim_that_restates_itself_is_named_at_its_restates_column(tmp_path: Path) -> None:
    table = CLAIMS.to_arrow()
    restates = table.column("restates").to_pylist()
    restates[2] = SALES.id
    table = _replace(table, "restates", pa.array(restates, pa.string()))
    with pytest.raises(LoadError) as error:
        esgclaims.load(_write(tmp_path / "bad.parquet", table))
    assert [str(e) for e in error.value.exceptions] == [
        f"bad.parquet, row 2 (claim {SALES.id!r}), field 'restates': claim {SALES.id!r} cannot restate itself"
    ]


def test_a_figure_decimal128_cannot_hold_exactly_is_an_error_not_a_rounded_number() -> None:
    fine = attrs.evolve(SALES, value=ReportedValue.of("0.00000000001", "CNY"))
    with pytest.raises(InvalidValueError) as error:
        ClaimSet([fine]).to_arrow()
    assert str(error.value) == (
        "claim 'jd-2020/poverty-alleviation-sales', column 'reported': decimal128(38, 10) cannot hold 1E-11 exactly "
        "(at most 28 digits before the point and 10 after)"
    )


def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(tmp_path: Path) -> None:
    path = tmp_path / "claims.parquet"
    CLAIMS.to_parquet(path)
    bad = ClaimSet([attrs.evolve(SALES, value=ReportedValue.of("0.00000000001", "CNY"))])
    with pytest.raises(InvalidValueError):
        bad.to_parquet(path)
    assert esgclaims.load(path) == CLAIMS
    assert [p.name for p in tmp_path.iterdir()] == ["claims.parquet"]


# ------------------------------------------------------------------ bad Parquet files


def _write(path: Path, table: pa.Table) -> Path:
    pq.write_table(table, path)
    return path


def _replace(table: pa.Table, name: str, array: pa.Array) -> pa.Table:
    return table.set_column(table.column_names.index(name), pa.field(name, array.type), array)


def test_a_missing_column_is_named_and_nothing_is_loaded(tmp_path: Path) -> None:
    table = CLAIMS.to_arrow().drop_columns(["unit"])
    with pytest.raises(LoadError) as error:
        esgclaims.load(_write(tmp_path / "bad.parquet", table))
    assert (
        str(error.value)
        == "bad.parquet: 1 error; nothing was loaded\n  bad.parquet, the table, field 'unit': missing column"
    )


def test_a_column_of_another_type_is_named(tmp_path: Path) -> None:
    table = CLAIMS.to_arrow()
    table = _replace(table, "reported", table.column("reported").cast(pa.float64()))
    with pytest.raises(LoadError) as error:
        esgclaims.load(_write(tmp_path / "bad.parquet", table))
    assert str(error.value).splitlines()[1] == (
        "  bad.parquet, the table, field 'reported': expected a column of decimal128(38, 10), got double"
    )


def test_a_decimal_of_another_scale_is_a_wrong_type(tmp_path: Path) -> None:
    table = CLAIMS.to_arrow()
    table = _replace(table, "precision", table.column("precision").cast(pa.decimal128(38, 2)))
    with pytest.raises(LoadError) as error:
        esgclaims.load(_write(tmp_path / "bad.parquet", table))
    assert [str(e) for e in error.value.exceptions] == [
        "bad.parquet, the table, field 'precision': expected a column of decimal128(38, 10), got decimal128(38, 2)"
    ]


@pytest.mark.parametrize(("version", "message"), [(b"2", "claim table schema version '2'"), (None, "no 'esgclaims")])
def test_an_unknown_schema_version_is_refused(tmp_path: Path, version: bytes | None, message: str) -> None:
    table = CLAIMS.to_arrow()
    metadata = {} if version is None else {b"esgclaims.schema_version": version}
    with pytest.raises(FileFormatError, match=message):
        esgclaims.load(_write(tmp_path / "bad.parquet", table.replace_schema_metadata(metadata)))


def test_an_invalid_enum_value_is_named_by_row_and_column(tmp_path: Path) -> None:
    table = CLAIMS.to_arrow()
    kinds = table.column("metric_kind").to_pylist()
    kinds[3] = "weight"
    table = _replace(table, "metric_kind", pa.array(kinds, pa.string()))
    with pytest.raises(LoadError) as error:
        esgclaims.load(_write(tmp_path / "bad.parquet", table))
    (only,) = error.value.exceptions
    assert str(only) == (
        f"bad.parquet, row 3 (claim {CLAIMS[3].id!r}), field 'metric_id': kind must be one of money, count, share, "
        "ratio, mass, energy, power, emissions, volume, area, distance, time, concentration, qualitative, "
        "got 'weight'; did you mean 'mass'?"
    )


def test_a_figure_out_of_range_for_its_claim_is_a_located_error(tmp_path: Path) -> None:
    table = CLAIMS.to_arrow()
    figures = table.column("reported").to_pylist()
    texts = table.column("reported_text").to_pylist()
    figures[2], texts[2] = Decimal("-5"), "-5"
    table = _replace(table, "reported", pa.array(figures, pa.decimal128(38, 10)))
    table = _replace(table, "reported_text", pa.array(texts, pa.string()))
    with pytest.raises(LoadError) as error:
        esgclaims.load(_write(tmp_path / "bad.parquet", table))
    assert [str(e) for e in error.value.exceptions] == [
        f"bad.parquet, row 2 (claim {SALES.id!r}), field 'qualifier': a reported figure cannot be negative, got -5"
    ]


def test_text_and_decimal_that_disagree_are_an_error(tmp_path: Path) -> None:
    table = CLAIMS.to_arrow()
    texts = table.column("reported_text").to_pylist()
    texts[2] = "100000000001"
    table = _replace(table, "reported_text", pa.array(texts, pa.string()))
    with pytest.raises(LoadError) as error:
        esgclaims.load(_write(tmp_path / "bad.parquet", table))
    assert [str(e) for e in error.value.exceptions] == [
        (
            f"bad.parquet, row 2 (claim {SALES.id!r}), field 'reported': the reported figure as text, 100000000001, "
            "is not the decimal column's 100000000000.0000000000"
        )
    ]


def test_a_file_that_is_not_parquet_is_a_format_error(tmp_path: Path) -> None:
    path = tmp_path / "claims.parquet"
    path.write_text("claims = []")
    with pytest.raises(FileFormatError, match=r"claims\.parquet: not a Parquet file"):
        esgclaims.load(path)


def test_the_docs_list_every_column_with_its_type_and_meaning() -> None:
    page = (Path(esgclaims.__file__).parent.parent / "docs" / "interchange-table.md").read_text(encoding="utf-8")
    rows = [line for line in page.splitlines() if line.startswith("| `")]
    documented = [tuple(cell.strip().strip("`") for cell in row.strip("|").split(" | ")) for row in rows]
    assert documented == descriptions()


def test_a_claim_in_mu_is_a_clear_error_on_write_never_a_rounded_bound() -> None:
    farms = esgclaims.parse_value("12,000 mu")
    claim = attrs.evolve(CLAIMS[0], value=farms, metric=esgclaims.Metric("land", "Land restored", "area", "flow"))
    with pytest.raises(esgclaims.InvalidValueError, match="cmp_low': decimal128"):
        ClaimSet([claim]).to_arrow()


def test_a_table_in_several_chunks_or_a_slice_of_one_loads_its_rows() -> None:
    table = CLAIMS.to_arrow()
    chunked = pa.concat_tables([table.slice(0, 3), table.slice(3, 4), table.slice(7)])
    assert chunked.column("program_owner").num_chunks == 3
    assert from_arrow(chunked) == CLAIMS
    assert from_arrow(table.slice(2, 5)) == ClaimSet(CLAIMS.claims[2:7])


def test_every_row_is_named_when_rows_share_a_bad_part(tmp_path: Path) -> None:
    table = CLAIMS.to_arrow()
    table = _replace(table, "subject_kind", pa.array(["firm"] * table.num_rows, pa.string()))
    with pytest.raises(LoadError) as error:
        esgclaims.load(_write(tmp_path / "bad.parquet", table))
    assert [str(e).split(", field")[0] for e in error.value.exceptions] == [
        f"bad.parquet, row {row} (claim {claim.id!r})" for row, claim in enumerate(CLAIMS)
    ]


def test_a_missing_cell_after_good_parts_is_named_by_row_and_column(tmp_path: Path) -> None:
    table = CLAIMS.to_arrow()
    notes = table.column("note").to_pylist()
    notes[4] = None
    table = _replace(table, "note", pa.array(notes, pa.string()))
    with pytest.raises(LoadError) as error:
        esgclaims.load(_write(tmp_path / "bad.parquet", table))
    assert [str(e) for e in error.value.exceptions] == [
        f"bad.parquet, row 4 (claim {CLAIMS[4].id!r}), field 'note': missing value"
    ]
