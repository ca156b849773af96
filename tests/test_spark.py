"""The consistency SQL in Spark (local mode, ANSI on, exact decimals): the same findings as DuckDB.

Skipped when pyspark is absent; ``.ci/run`` installs ``esgclaims[spark]`` and runs
``python -m pytest -m spark`` as a step of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, given, settings

from esgclaims._interchange import check_duckdb_table
from esgclaims._interchange.sql import CONSISTENCY_SQL
from tests.property.test_duckdb import _restatements
from tests.test_duckdb import EVERY_KIND
from tests.test_table import CLAIMS

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from esgclaims import ClaimSet

pyspark = pytest.importorskip("pyspark")
pytestmark = pytest.mark.spark


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    """One local Spark session for the module: two cores, no UI, ANSI SQL, decimals that never lose precision."""
    from pyspark.sql import SparkSession  # noqa: PLC0415 - an optional extra

    session = (
        SparkSession.builder.master("local[2]")
        .appName("esgclaims-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.ansi.enabled", "true")
        .config("spark.sql.decimalOperations.allowPrecisionLoss", "false")
        .getOrCreate()
    )
    yield session
    session.stop()


def _spark_findings(spark: Any, claims: ClaimSet, path: Path) -> list[tuple[str, str, str, str]]:
    """The SQL's rows in Spark, over the Parquet claim table of ``claims``."""
    from pyspark.sql import functions as F  # noqa: N812, PLC0415 - the usual name

    claims.to_parquet(path)
    table = spark.read.parquet(str(path)).coalesce(1).withColumn("seq", F.monotonically_increasing_id())
    table.createOrReplaceTempView("claims")
    rows = spark.sql(CONSISTENCY_SQL).collect()
    return [(row.a_id, row.b_id, row.status, row.rule) for row in rows]


def _duckdb_findings(claims: ClaimSet) -> list[tuple[str, str, str, str]]:
    result = check_duckdb_table(claims).to_pydict()
    return list(zip(result["a_id"], result["b_id"], result["status"], result["rule"], strict=True))


def test_spark_reads_the_parquet_table_with_exact_decimals(spark: Any, tmp_path: Path) -> None:
    CLAIMS.to_parquet(tmp_path / "jd.parquet")
    schema = spark.read.parquet(str(tmp_path / "jd.parquet")).schema
    assert schema["reported"].dataType.simpleString() == "decimal(38,10)"
    assert schema["cmp_low"].dataType.simpleString() == "decimal(38,12)"


def test_spark_and_duckdb_agree_on_the_jd_dataset(spark: Any, tmp_path: Path) -> None:
    assert _spark_findings(spark, CLAIMS, tmp_path / "jd.parquet") == _duckdb_findings(CLAIMS) == []


def test_spark_and_duckdb_agree_on_every_kind_of_finding(spark: Any, tmp_path: Path) -> None:
    findings = _spark_findings(spark, EVERY_KIND, tmp_path / "every-kind.parquet")
    assert len(findings) > 20
    assert findings == _duckdb_findings(EVERY_KIND)


@given(_restatements())
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_spark_and_duckdb_agree_on_a_generated_set(spark: Any, tmp_path: Path, claims: ClaimSet) -> None:
    try:
        expected = _duckdb_findings(claims)
    except ValueError:  # a figure the table cannot hold exactly: nothing to compare
        return
    assert _spark_findings(spark, claims, tmp_path / "generated.parquet") == expected
