"""Synthetic claim sets for the benchmarks, built directly from the model classes.

Many subjects, metrics (money, counts, shares, masses, energy, emissions, volumes,
distances), units, qualifiers, periods and sources; claims come in groups of
``group`` statements of one subject, metric and program, so that ``check()`` and
``ClaimSet.compare`` have pairs to examine. Value objects are shared from a pool
per unit, as a loader shares what it can.

    from _synthetic import build
    claims = build(10_000, group=10)
"""

from __future__ import annotations

import itertools
from decimal import Decimal
from typing import Any

from esgclaims import (
    AsOf,
    CalendarYear,
    Citation,
    Claim,
    ClaimSet,
    HalfYear,
    Metric,
    Organization,
    PartialDate,
    Program,
    Quarter,
    ReportedValue,
    Source,
)

__all__ = ["METRICS", "QUALIFIERS", "build", "periods", "values"]

#: (metric name, kind, temporal, count_of, units) of the synthetic metrics (loading.py repeats each under many ids).
METRICS = [
    ("donations", "money", "flow", None, ("CNY", "USD", "million * CNY", "EUR")),
    ("sales", "money", "cumulative", None, ("CNY", "RMB", "USD")),
    ("households", "count", "cumulative", "household", ("household",)),
    ("villages", "count", "flow", "village", ("village",)),
    ("employees", "count", "stock", "person", ("person",)),
    ("rural-share", "share", "stock", None, ("percent", "permille")),
    ("waste", "mass", "flow", None, ("t", "kg", "kt")),
    ("energy", "energy", "flow", None, ("MWh", "GJ", "kWh")),
    ("emissions", "emissions", "flow", None, ("tCO2e", "ktCO2e")),
    ("water", "volume", "flow", None, ("m3", "L")),
    ("distance", "distance", "flow", None, ("km", "m")),
    ("intensity", "ratio", "stock", None, ("ratio_percent", "dimensionless")),
]
QUALIFIERS = ("exact", "approximately", "more_than", "at_least", "less_than", "at_most", "range")


def periods() -> list[Any]:
    found: list[Any] = []
    for year in range(2000, 2025):
        found += [CalendarYear(year), HalfYear(year, 1), HalfYear(year, 2), Quarter(year, 3)]
        found += [AsOf(PartialDate(year, 6, 30)), AsOf(PartialDate(year, 12, 31))]
    return found


def values(unit: str, kind: str, count: int) -> list[ReportedValue]:
    """``count`` values in ``unit``, of every qualifier, with and without precision."""
    pool = []
    for number, qualifier in zip(range(count), itertools.cycle(QUALIFIERS), strict=False):
        amount = Decimal(1 + number % 97) if kind == "share" else Decimal(1000 + 37 * number).scaleb(number % 5)
        upper = amount + 1 if qualifier == "range" else None
        if kind == "share" and upper is not None and upper > 100:
            amount, upper = Decimal(50), Decimal(60)
        precision = Decimal(1) if number % 2 else None
        pool.append(ReportedValue.of(amount, unit, qualifier, upper=upper, precision=precision))
    return pool


def build(claims: int, group: int) -> ClaimSet:
    """``claims`` claims, ``group`` to each subject, metric and program, sharing every object but the claim."""
    subjects_needed = max(1, claims // (group * len(METRICS)))
    subjects = [Organization(f"org-{n}", f"Organization {n}") for n in range(subjects_needed)]
    programs = [None, *(Program(f"program-{n}", f"Program {n}", subjects[n % len(subjects)]) for n in range(3))]
    metrics = [Metric(m, m.title(), kind, temporal, count_of=of) for m, kind, temporal, of, _ in METRICS]
    pools = {m: [v for unit in units for v in values(unit, kind, 200)] for m, kind, _, _, units in METRICS}
    sources = [Source(f"source-{n}", f"Report {n}", "Publisher") for n in range(1000)]
    citations = [Citation(source, "a quoted sentence", (0, 17)) for source in sources]
    period_pool = periods()
    made: list[Claim] = []
    number = 0
    while number < claims:
        for subject, (metric, spec) in itertools.product(subjects, zip(metrics, METRICS, strict=True)):
            program = programs[number % len(programs)]
            pool = pools[spec[0]]
            for k in range(group):
                if number >= claims:
                    break
                made.append(
                    Claim(
                        f"bench/{number}",
                        subject,
                        metric,
                        pool[(number * 7 + k) % len(pool)],
                        period_pool[(number * 13 + k * 5) % len(period_pool)],
                        citations[(number + k) % len(citations)],
                        program,
                    )
                )
                number += 1
            if number >= claims:
                break
    return ClaimSet(made)
