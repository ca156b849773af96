"""Comparisons, parsing and tables, each against a named baseline measured in the same run.

Prints, as medians of ``--runs`` runs of CPU time (``time.process_time``), every
figure of issue 12 outside the loader, next to its target:

- ``compare(a, b)`` and ``ratio(a, b)`` per call, against comparing and dividing the
  two pint quantities (target at most 40 µs);
- ``ClaimSet.check()`` per pair examined at 1,000 / 10,000 / 100,000 claims (target
  at most 30 µs);
- ``ClaimSet.compare`` of one group (one subject and metric) against matching the
  same claims with a dict, whole and matching alone, with the growth between sizes;
- ``parse_value("110 impoverished counties")`` against ``parse_value("110 counties")``,
  and the slowest phrase the docs and tests pass to ``parse_value`` (target at most 100 µs);
- ``to_records()`` and ``to_dataframe()`` per claim against ``DataFrame.from_records``
  of the same plain dicts (target at most 10 µs a claim at 100,000).

Every claim set is built afresh, outside the timing, for each run: a figure
includes the work done once per object, not only what a warm object remembers.

    python benchmarks/core.py [--runs 5] [--quick]
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import gc
import itertools
import re
import statistics
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import pandas as pd
from _synthetic import build, periods

import esgclaims
from esgclaims import AsOf, Claim, ClaimSet, Metric, Organization, PartialDate, Period
from esgclaims._compare import consistency

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

ROOT = Path(__file__).resolve().parent.parent


def cpu(setup: Callable[[], Any], action: Callable[[Any], object], runs: int) -> float:
    """The median CPU time of ``action(setup())`` over ``runs`` runs, in seconds; ``setup`` is not timed."""
    times = []
    for _ in range(runs):
        subject = setup()
        gc.collect()
        start = time.process_time()
        action(subject)
        times.append(time.process_time() - start)
    return statistics.median(times)


def fresh(claims: ClaimSet) -> ClaimSet:
    """The same claims, each with a value object of its own that has computed nothing yet."""
    return ClaimSet(c if c.value is None else attrs.evolve(c, value=attrs.evolve(c.value)) for c in claims)


def line(name: str, ours: float, unit: str, baseline: float | None = None, **say: str) -> None:
    """One figure; with a baseline (named by ``base``), the ratio to it; ``target`` when the issue sets one."""
    ratio = f" vs {say['base']} {baseline:8.2f} {unit}: {ours / baseline:6.2f}x" if baseline else ""
    target = f"  (target {say['target']})" if "target" in say else ""
    print(f"{name:<44} {ours:9.2f} {unit}{ratio}{target}")


def growth(sizes: list[int], per_item: list[float]) -> str:
    steps = [f"{b / a:.2f}x" for a, b in itertools.pairwise(per_item)]
    return f"  growth of the time per item from {sizes[0]:,} to {sizes[-1]:,}: {' then '.join(steps) or 'n/a'}"


# ------------------------------------------------------------------ compare and ratio


def pairs() -> list[tuple[Claim, Claim]]:
    claims = esgclaims.load_dataset("jd-2020")
    named = [
        ("jd-2020/online-donations-raised", "jd-2020/jd-foundation-donations"),
        ("jd-2020/poverty-alleviation-sales", "jd-2020/impoverished-households-income-increased"),
    ]
    found = [(claims[a], claims[b]) for a, b in named]
    numeric = [c for c in claims if c.value is not None]
    found += [(a, b) for a, b in itertools.pairwise(numeric)]
    return found


def bench_pairwise(runs: int, calls: int) -> None:
    print("== compare(a, b) and ratio(a, b), per call, fresh value objects")
    base = pairs()

    def setup() -> list[tuple[Claim, Claim]]:
        made = []
        for _ in range(calls // len(base) + 1):
            made += [tuple(fresh(ClaimSet([a, b]))) for a, b in base]
        return made[:calls]  # type: ignore[return-value]

    def pint_baseline(made: list[tuple[Claim, Claim]]) -> None:
        for a, b in made:
            if a.value is None or b.value is None:
                continue
            qa, qb = a.value.reported, b.value.reported
            if qa.dimensionality == qb.dimensionality:
                _ = qa > qb
            _ = qa / qb

    baseline = cpu(setup, pint_baseline, runs) / calls * 1e6
    divisible = [(a, b) for a, b in base if a.value is not None and b.value is not None and b.value.interval.low]
    compared = cpu(setup, lambda made: [esgclaims.compare(a, b) for a, b in made], runs) / calls * 1e6
    warm_pairs = setup()
    [esgclaims.compare(a, b) for a, b in warm_pairs]
    warm = cpu(lambda: warm_pairs, lambda made: [esgclaims.compare(a, b) for a, b in made], runs) / calls * 1e6
    base_ratio = base

    def ratio_setup() -> list[tuple[Claim, Claim]]:
        made = []
        for _ in range(calls // len(divisible) + 1):
            made += [tuple(fresh(ClaimSet([a, b]))) for a, b in divisible]
        return made[:calls]  # type: ignore[return-value]

    def ratios(made: list[tuple[Claim, Claim]]) -> None:
        for a, b in made:
            with contextlib.suppress(esgclaims.EsgClaimsError):
                esgclaims.ratio(a, b)

    divided = cpu(ratio_setup, ratios, runs) / calls * 1e6
    del base_ratio
    line("compare(a, b), µs a call", compared, "µs", baseline, base="pint compare + divide", target="≤ 40 µs")
    line("compare(a, b) again on the same claims", warm, "µs", baseline, base="pint compare + divide")
    line("ratio(a, b), µs a call", divided, "µs", baseline, base="pint compare + divide", target="≤ 40 µs")


# ------------------------------------------------------------------ ClaimSet.check


def examined(claims: ClaimSet) -> int:
    """The pairs ``check()`` examines: two claims of one subject, metric and program, each with a figure."""
    sizes: dict[tuple[str, str, str | None], int] = {}
    for claim in claims:
        if claim.value is not None:
            key = consistency._key(claim)  # noqa: SLF001 - the grouping check() itself uses
            sizes[key] = sizes.get(key, 0) + 1
    return sum(n * (n - 1) // 2 for n in sizes.values())


def bench_check(runs: int, sizes: list[int]) -> None:
    print("== ClaimSet.check(), per pair examined (groups of 10 statements)")
    per_pair = []
    for n in sizes:
        count = examined(build(n, 10))
        seconds = cpu(lambda n=n: build(n, 10), lambda claims: claims.check(), runs)
        per_pair.append(seconds / count * 1e6)
        line(f"check() of {n:,} claims ({count:,} pairs)", per_pair[-1], "µs", target="≤ 30 µs a pair")
    print(growth(sizes, per_pair))


# ------------------------------------------------------------------ ClaimSet.compare


def one_group(n: int, *, right: bool) -> ClaimSet:
    """``n`` claims of one subject and metric over a pool of periods; on the right, every other period is its own.

    So half the claims of each side have a partner of their period, and half are
    matched in period order, as a later report adds dates an earlier one lacks.
    """
    sample = [c for c in build(n * 12, n) if c.metric.id == "donations"][:n]
    subject = Organization("org-one", "One organization")
    metric = Metric("donations", "Donations", "money", "flow")
    pool = periods()

    def period(i: int) -> Period:
        if right and i % 2:
            return AsOf(PartialDate(1000 + i // 336, 1 + (i // 28) % 12, 1 + i % 28))
        return pool[(i * 7) % len(pool)]

    return ClaimSet(
        attrs.evolve(c, id=f"{c.id}/{right}", subject=subject, metric=metric, program=None, period=period(i))
        for i, c in enumerate(sample)
    )


def dict_match(left: ClaimSet, right: ClaimSet) -> list[tuple[Claim, Claim]]:
    """The baseline: pair claims of equal key and period through a dict."""
    waiting: dict[tuple[Any, ...], list[Claim]] = {}
    for claim in right:
        waiting.setdefault((consistency._key(claim), claim.period), []).append(claim)  # noqa: SLF001
    matched = []
    for claim in left:
        candidates = waiting.get((consistency._key(claim), claim.period))  # noqa: SLF001
        if candidates:
            matched.append((claim, candidates.pop()))
    return matched


def bench_align(runs: int, sizes: list[int]) -> None:
    print("== ClaimSet.compare, one group (one subject and metric, money claims)")
    whole, alone = [], []
    for n in sizes:
        left, right = one_group(n, right=False), one_group(n, right=True)

        def setup(left: ClaimSet = left, right: ClaimSet = right) -> tuple[ClaimSet, ClaimSet]:
            return fresh(left), fresh(right)

        baseline = cpu(setup, lambda sides: dict_match(*sides), runs)
        total = cpu(setup, lambda sides: sides[0].compare(sides[1], restated="all"), runs)
        original = consistency.compare
        consistency.compare = lambda a, b: None  # type: ignore[assignment,return-value]
        try:
            matching = cpu(setup, lambda sides: consistency.align(*sides, restated="all"), runs)
        finally:
            consistency.compare = original
        whole.append(total / n * 1e6)
        alone.append(matching / n * 1e6)
        line(f"ClaimSet.compare, {n:,} a side", total * 1e3, "ms", baseline * 1e3, base="matching with a dict")
        line(f"  matching alone, {n:,} a side", matching * 1e3, "ms", baseline * 1e3, base="matching with a dict")
    print(growth(sizes, whole))
    print(growth(sizes, alone).replace("time per item", "matching time per item"))


# ------------------------------------------------------------------ parse_value


def phrases() -> Iterator[str]:
    """Every literal phrase the docs, README and tests pass to ``parse_value``."""
    pattern = re.compile(r"parse_value\(\s*(\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*')")
    seen = set()
    files = [*ROOT.glob("tests/**/*.py"), *ROOT.glob("docs/*.md"), ROOT / "README.md", *ROOT.glob("esgclaims/**/*.py")]
    for path in files:
        for literal in pattern.findall(path.read_text(encoding="utf-8")):
            text = ast.literal_eval(literal)
            if text not in seen:
                seen.add(text)
                yield text


def time_phrase(text: str, runs: int, calls: int) -> float:
    def parse(_: object) -> None:
        for _ in range(calls):
            with contextlib.suppress(esgclaims.EsgClaimsError):
                esgclaims.parse_value(text)

    return cpu(lambda: None, parse, runs) / calls * 1e6


def bench_parse(runs: int, calls: int) -> None:
    print("== parse_value, per call")
    baseline = time_phrase("110 counties", runs, calls)
    line(
        'parse_value("110 impoverished counties")',
        time_phrase("110 impoverished counties", runs, calls),
        "µs",
        baseline,
        base='parse_value("110 counties")',
        target="≤ 100 µs",
    )
    timed = sorted(((time_phrase(text, runs, calls), text) for text in phrases()), reverse=True)
    over = [text for seconds, text in timed if seconds > 100]
    print(f"  {len(timed)} phrases of the docs and tests; slowest:")
    for seconds, text in timed[:3]:
        line(f"    {text[:38]!r}", seconds, "µs", baseline, base='parse_value("110 counties")', target="≤ 100 µs")
    print(f"  phrases over 100 µs: {len(over)}{' ' + repr(over[:5]) if over else ''}")


# ------------------------------------------------------------------ tables


def bench_tables(runs: int, sizes: list[int]) -> None:
    print("== to_records() and to_dataframe(), per claim (a value object each, unless said)")
    records_times, frame_times = [], []
    for n in sizes:
        claims = build(n, 10)
        plain = claims.to_records()
        baseline = cpu(lambda plain=plain: plain, pd.DataFrame.from_records, runs) / n * 1e6
        shared = cpu(lambda claims=claims: claims, lambda c: c.to_records(), runs) / n * 1e6
        records = cpu(lambda claims=claims: fresh(claims), lambda c: c.to_records(), runs) / n * 1e6
        frame = cpu(lambda claims=claims: fresh(claims), lambda c: c.to_dataframe(), runs) / n * 1e6
        records_times.append(records)
        frame_times.append(frame)
        line(
            f"to_records(), {n:,}, values shared as built",
            shared,
            "µs",
            baseline,
            base="DataFrame.from_records",
            target="≤ 10 µs",
        )
        line(f"to_records(), {n:,} claims", records, "µs", baseline, base="DataFrame.from_records", target="≤ 10 µs")
        line(f"to_dataframe(), {n:,} claims", frame, "µs", baseline, base="DataFrame.from_records", target="≤ 10 µs")
    print(growth(sizes, records_times).replace("time per item", "to_records time per claim"))
    print(growth(sizes, frame_times).replace("time per item", "to_dataframe time per claim"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each measurement (the median is printed)")
    parser.add_argument("--quick", action="store_true", help="1,000 and 10,000 claims only, fewer calls")
    parser.add_argument("--only", choices=["pairwise", "check", "align", "parse", "tables"], help="one section")
    args = parser.parse_args()
    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 100_000]
    calls = 100 if args.quick else 500
    sections: dict[str, Callable[[], None]] = {
        "pairwise": lambda: bench_pairwise(args.runs, calls),
        "check": lambda: bench_check(args.runs, sizes),
        "align": lambda: bench_align(args.runs, sizes),
        "parse": lambda: bench_parse(args.runs, calls // 10),
        "tables": lambda: bench_tables(args.runs, sizes),
    }
    for name, run in sections.items():
        if args.only in (None, name):
            run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
