"""The consistency check in DuckDB, over Parquet claim tables or claim sets, with the SQL of :mod:`.sql`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from esgclaims._claimset import ClaimSet
from esgclaims._compare.consistency import Consistency, Finding, PairMemo, judge_duplicate, judge_pair
from esgclaims._compare.restated import restatement_finding
from esgclaims._errors import ArgumentTypeError, MissingExtraError

from .parquet import read_parquet
from .schema import arrow
from .sql import CONSISTENCY_SQL
from .table import to_arrow

if TYPE_CHECKING:
    import pyarrow as pa  # type: ignore[import-untyped]

    from esgclaims._model import Claim

__all__ = ["check_duckdb", "check_duckdb_table"]

#: Positions of claims of the n-th input start at n * _STRIDE: a BIGINT orders them as the Python engine would.
_STRIDE = 1 << 40


def _duckdb() -> Any:  # noqa: ANN401 - duckdb is optional: no annotation to import
    arrow("duckdb")
    try:
        import duckdb  # noqa: PLC0415 - an optional extra
    except ImportError:
        raise MissingExtraError(
            "the DuckDB engine needs duckdb, which esgclaims does not install by default: "
            "pip install 'esgclaims[duckdb]'"
        ) from None
    return duckdb


def _relation(connection: Any, number: int, item: object) -> tuple[str, Any]:  # noqa: ANN401
    """A SELECT of one input with its ``seq``, and the Arrow table to register for it (or ``None``)."""
    start = number * _STRIDE
    if isinstance(item, ClaimSet):
        pa = arrow("duckdb")
        table = to_arrow(item)
        table = table.append_column("seq", pa.array(range(start, start + table.num_rows), pa.int64()))
        name = f"input_{number}"
        connection.register(name, table)
        return f"SELECT * FROM {name}", table  # noqa: S608 - a name of ours
    if isinstance(item, str | os.PathLike):
        path = str(Path(item)).replace("'", "''")
        read = f"read_parquet('{path}', file_row_number = true)"
        select = f"SELECT * EXCLUDE (file_row_number), {start} + file_row_number AS seq FROM {read}"  # noqa: S608
        return select, None  # the path is quoted as a SQL string above
    raise ArgumentTypeError(f"check_duckdb takes Parquet file paths or claim sets, got {type(item).__name__}")


def check_duckdb_table(*inputs: str | os.PathLike[str] | ClaimSet) -> pa.Table:
    """The consistency check's result as an Arrow table, one row per finding, computed by DuckDB.

    The columns are ``a_id``, ``b_id``, ``status`` and ``rule`` (see esgclaims/_interchange/sql.py),
    in the order :meth:`ClaimSet.check` gives its findings: pairs (duplicates among
    them, with rule ``duplicate``), then restatements (status ``restated``). Nothing is read into
    Python objects: this is the path for tables of millions of claims.
    """
    duckdb = _duckdb()
    connection = duckdb.connect()
    try:
        selects = [_relation(connection, number, item)[0] for number, item in enumerate(inputs)]
        union = " UNION ALL BY NAME ".join(selects) if selects else None
        if union is None:
            return arrow().table({"a_id": [], "b_id": [], "status": [], "rule": []})
        connection.execute(f"CREATE TEMP VIEW claims AS {union}")
        result = connection.sql(CONSISTENCY_SQL).to_arrow_table()
        return result.select(["a_id", "b_id", "status", "rule"])
    finally:
        connection.close()


def check_duckdb(*inputs: str | os.PathLike[str] | ClaimSet) -> tuple[Finding, ...]:
    """Consistency findings computed in DuckDB: the same as ``ClaimSet.check()`` on all the inputs together.

    Each input is a Parquet claim table (from :meth:`ClaimSet.to_parquet`) or a
    claim set; they are checked as one set, in the order given. DuckDB pairs the
    claims, judges duplicates, leaves out restated claims and finds the
    restatements, deciding each verdict in SQL; the findings then name both
    claims and say why (with the change of a restatement), as
    :meth:`ClaimSet.check` does. Needs ``esgclaims[duckdb]``.

    Examples:
        >>> import esgclaims
        >>> esgclaims.check_duckdb(esgclaims.load_dataset("jd-2020"))
        ()
    """
    result = check_duckdb_table(*inputs).to_pydict()
    if not result["a_id"]:
        return ()
    claims: dict[str, Any] = {}
    for item in inputs:
        found = item if isinstance(item, ClaimSet) else read_parquet(item)
        claims |= {claim.id: claim for claim in found}
    findings = []
    memo = PairMemo()  # each claim's interval and words, once however many pairs it is in
    rows = zip(result["a_id"], result["b_id"], result["status"], result["rule"], strict=True)
    for a_id, b_id, status, rule in rows:
        a, b = claims[a_id], claims[b_id]
        findings.append(_finding(a, b, Consistency(status), rule, memo))
    return tuple(findings)


def _finding(a: Claim, b: Claim, status: Consistency, rule: str, memo: PairMemo) -> Finding:
    """The finding of one row: DuckDB's verdict, worded as the Python engine words it."""
    if status is Consistency.RESTATED:
        return restatement_finding(a, b)  # the change is an interval of the two claims, computed here
    duplicate = judge_duplicate(a, b) if rule == "duplicate" else None
    reason = judge_pair(a, b, memo).reason if duplicate is None else duplicate.reason
    return Finding(a, b, status, reason)
