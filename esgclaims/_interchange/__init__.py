"""Claims outside Python: the claim table, the consistency check in SQL, xBRL-JSON and data packages."""

from .duckdb import check_duckdb, check_duckdb_table
from .parquet import read_parquet, write_parquet
from .table import SCHEMA_VERSION, from_arrow, to_arrow
from .xbrl_read import read_xbrl_json

__all__ = [
    "SCHEMA_VERSION",
    "check_duckdb",
    "check_duckdb_table",
    "from_arrow",
    "read_parquet",
    "read_xbrl_json",
    "to_arrow",
    "write_parquet",
]
