"""The consistency rules of ``ClaimSet.check()`` as one SQL query, which DuckDB and Spark both run.

The query reads a table or view named ``claims`` in the claim table schema, with
one more column, ``seq``: the claim's position (a BIGINT that orders claims as
the Python engine meets them). It pairs the claims of one subject, metric and
program (a self-join) that no other claim restates, and returns one row per
finding: ``grp``, ``a_seq``, ``b_seq``, ``a_id``, ``b_id``, ``status``
(consistent, inconsistent, indeterminate, restated) and ``rule`` (which rule
decided). Two claims of one source about one period are a duplicate (rule
``duplicate``): judged by the same rules, and left out when those cannot tell,
as for figures in units that do not compare. Then, after all pairs, one
``restated`` row for each claim that restates another of the table (``a`` the
original, ``b`` the restatement), in the restatement's order.

Bounds are compared on the comparison columns (``cmp_low`` ...), which hold
each claim's interval widened by its precision, in one unit per dimension:
claims in tonnes and in kilograms compare exactly. Only standard SQL is used:
``CASE``, a window ``MIN``, ``IS NOT DISTINCT FROM``, a ``LEFT JOIN``,
``UNION ALL`` and comparisons of decimals and dates.
"""

from __future__ import annotations

__all__ = ["CONSISTENCY_SQL"]


def _ends_before(x: str, y: str) -> str:
    """Every value of interval ``x`` lies below every value of ``y`` (a SQL condition, never NULL)."""
    return (
        f"({x}_high IS NOT NULL AND {y}_low IS NOT NULL AND ({x}_high < {y}_low OR "
        f"({x}_high = {y}_low AND NOT ({x}_high_closed AND {y}_low_closed))))"
    )


def _overlap(x: str, y: str) -> str:
    return f"(NOT ({_ends_before(x, y)} OR {_ends_before(y, x)}))"


def _fits(earlier: str, later: str) -> str:
    """Some value of ``earlier`` is at most some value of ``later``."""
    e, lt = earlier, later
    return (
        f"({e}_low IS NULL OR {lt}_high IS NULL OR {e}_low < {lt}_high OR "
        f"({e}_low = {lt}_high AND {e}_low_closed AND {lt}_high_closed))"
    )


def _verdict(condition: str, rule: str) -> str:
    return f"CASE WHEN {condition} THEN 'consistent' ELSE 'inconsistent' END, '{rule}'"


def _nested(inner: str, outer: str) -> str:
    return f"({inner}1 <= {outer}1 AND ({inner}0 IS NULL OR {outer}0 IS NULL OR {outer}0 <= {inner}0))"


_RELATION = """CASE
      WHEN a.period_kind = b.period_kind AND a.period = b.period AND a.period_kind <> 'unknown' THEN 'equal'
      WHEN a.period_end < b.period_start THEN 'before'
      WHEN b.period_end < a.period_start THEN 'after'
      WHEN a.period_start IS NULL OR a.period_end IS NULL OR b.period_start IS NULL OR b.period_end IS NULL
        THEN 'unknown'
      WHEN a.period_start = b.period_start AND a.period_end = b.period_end THEN 'equal'
      WHEN a.period_start <= b.period_start AND b.period_end <= a.period_end THEN 'contains'
      WHEN b.period_start <= a.period_start AND a.period_end <= b.period_end THEN 'within'
      ELSE 'overlaps'
    END"""

_SAME_SOURCE = " AND ".join(
    f"a.source_{c} IS NOT DISTINCT FROM b.source_{c}"
    for c in ("id", "title", "publisher", "author", "url", "published", "sha256")
)


def _decide() -> list[tuple[str, str]]:
    """(condition, "status, rule") in the order ``_judge`` tries them."""
    both_known = "a1 IS NOT NULL AND b1 IS NOT NULL"
    return [
        ("NOT same_dimension", "'indeterminate', 'units'"),
        ("relation = 'equal'", _verdict(_overlap("a", "b"), "one-period")),
        (
            f"temporal = 'cumulative' AND {both_known} AND ((a0 IS NULL) <> (b0 IS NULL))",
            "'indeterminate', 'one-start'",
        ),
        (
            f"temporal = 'cumulative' AND {both_known} AND {_nested('a', 'b')} AND {_nested('b', 'a')}",
            _verdict(_overlap("a", "b"), "one-total"),
        ),
        (f"temporal = 'cumulative' AND {both_known} AND {_nested('a', 'b')}", _verdict(_fits("a", "b"), "may-grow")),
        (f"temporal = 'cumulative' AND {both_known} AND {_nested('b', 'a')}", _verdict(_fits("b", "a"), "may-grow")),
        (f"temporal = 'cumulative' AND {both_known}", "'indeterminate', 'not-nested'"),
        ("temporal = 'flow' AND relation = 'within'", _verdict(_fits("a", "b"), "part-of-flow")),
        ("temporal = 'flow' AND relation = 'contains'", _verdict(_fits("b", "a"), "part-of-flow")),
        ("temporal = 'stock' AND a1 IS NOT NULL AND b1 IS NOT NULL", "'indeterminate', 'stock'"),
        ("relation = 'unknown'", "'indeterminate', 'unknown-period'"),
    ]


def _select() -> str:
    cases = _decide()
    status = "\n      ".join(f"WHEN {when} THEN {then.split(', ')[0]}" for when, then in cases)
    rule = "\n      ".join(f"WHEN {when} THEN {then.rsplit(', ', 1)[1]}" for when, then in cases)
    return f"""CASE
      {status}
      ELSE 'indeterminate'
    END AS status,
    CASE
      {rule}
      ELSE 'unconstrained'
    END AS rule"""


def _pair_columns() -> str:
    names = []
    for side in ("a", "b"):
        names += [f"{side}.cmp_{end} AS {side}_{end}" for end in ("low", "high", "low_closed", "high_closed")]
        names += [f"{side}.period_start AS {side}0", f"{side}.period_end AS {side}1"]
    return ",\n    ".join(names)


#: The query: one row per finding of ``ClaimSet.check()``, with its status, in check()'s order.
CONSISTENCY_SQL = f"""WITH restated AS (
  SELECT DISTINCT restates FROM claims WHERE restates IS NOT NULL
),
numeric AS (
  SELECT c.*, MIN(c.seq) OVER (PARTITION BY c.subject_id, c.metric_id, c.program_id) AS grp
  FROM claims AS c
  LEFT JOIN restated AS r ON r.restates = c.claim_id
  WHERE c.qualifier IS NOT NULL AND r.restates IS NULL
),
pairs AS (
  SELECT
    a.grp AS grp, a.seq AS a_seq, b.seq AS b_seq, a.claim_id AS a_id, b.claim_id AS b_id,
    a.temporal AS temporal,
    a.dimension = b.dimension AS same_dimension,
    ({_SAME_SOURCE} AND a.period_kind = b.period_kind AND a.period = b.period) AS duplicate,
    {_RELATION} AS relation,
    {_pair_columns()}
  FROM numeric AS a
  JOIN numeric AS b
    ON a.subject_id = b.subject_id AND a.metric_id = b.metric_id
    AND a.program_id IS NOT DISTINCT FROM b.program_id AND a.seq < b.seq
),
judged AS (
  SELECT
    0 AS part, grp, a_seq, b_seq, a_id, b_id, duplicate,
    {_select()}
  FROM pairs
),
findings AS (
  SELECT
    part, grp, a_seq, b_seq, a_id, b_id, status,
    CASE WHEN duplicate THEN 'duplicate' ELSE rule END AS rule
  FROM judged
  WHERE NOT (duplicate AND status = 'indeterminate')
  UNION ALL
  SELECT
    1 AS part, b.seq AS grp, a.seq AS a_seq, b.seq AS b_seq, a.claim_id AS a_id, b.claim_id AS b_id,
    'restated' AS status, 'restated' AS rule
  FROM claims AS b
  JOIN claims AS a ON a.claim_id = b.restates
)
SELECT grp, a_seq, b_seq, a_id, b_id, status, rule
FROM findings
ORDER BY part, grp, a_seq, b_seq"""  # noqa: S608 - built from this module's constants only
