"""Claims outside Python: the claim table in Arrow and Parquet, and the consistency check in SQL (DuckDB, Spark)."""

from .duckdb import check_duckdb, check_duckdb_table
from .parquet import read_parquet, write_parquet
from .table import SCHEMA_VERSION, from_arrow, to_arrow

__all__ = [
    "SCHEMA_VERSION",
    "check_duckdb",
    "check_duckdb_table",
    "from_arrow",
    "read_parquet",
    "to_arrow",
    "write_parquet",
]
