"""Four figures of extraction quality on a text nobody tuned the rules on, as a new user meets it.

The text is read as a user's first report is: no count kind is registered before
:func:`esgclaims.extract` runs (the annotation's ``count_kinds`` are registered only
afterwards, to read the annotated units), and the source carries the publication date
the annotation states (``published``). Per annotated claim:

- **found**: a candidate overlapping the figure reads its kind (level or change),
  direction, qualifier, amount and upper bound;
- **unit right**: found, and its unit is the annotated one (a count of the right kind);
- **period right**: found, and its period is the annotated one.

Recall is found / annotated, unit recall unit right / annotated, period accuracy
period right / found, precision candidates that find an annotated claim / candidates.

Every text is extracted before any count kind is registered, so this runs in an
interpreter of its own: ``python -m tests.extraction.quality heldout11 ...`` prints
the counts as JSON (``benchmarks/extraction.py`` calls it), and
``python -m tests.extraction.quality --pinned`` the result of every pinned text (the
first-report sets used for fixes read this way, the others as ``annotations.py`` reads
them), which ``tests/extraction/test_pinned.py`` checks.
"""

from __future__ import annotations

import hashlib
import json
import sys
import tomllib
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from esgclaims import PartialDate, Source, UnitError, extract, parse_unit, register_count_kind
from tests.extraction.annotations import (
    FIELDS,
    FIRST_REPORT_SETS,
    HERE,
    PINNED_FIRST_REPORT_SETS,
    Expected,
    Text,
    compared,
    pinned_record,
    pinned_records,
    qualifier_of,
    read_fields,
    score,
    set_name,
    texts,
    used_for_fixes,
)

if TYPE_CHECKING:
    from pathlib import Path

    from esgclaims import Candidate


#: Held-out sets scored by this protocol and used to change rules. Each was scored once on the
#: rules as they were before it was used to change them; those first figures are in README.md.
OPEN_SETS = tuple(folder for folder in FIRST_REPORT_SETS if used_for_fixes(folder))
#: The newest blind sets: scored once, on the rules after every change the open sets led to,
#: and used for no rule. Their figures are the current estimate for a report nobody here wrote.
ESTIMATE_SETS = tuple(folder for folder in FIRST_REPORT_SETS if not used_for_fixes(folder))


@attrs.frozen
class Quality:
    """The counts behind the four figures, for one text or summed over several."""

    annotated: int = 0
    found: int = 0
    unit_right: int = 0
    period_right: int = 0
    candidates: int = 0
    precise: int = 0

    def __add__(self, other: Quality) -> Quality:
        return Quality(*(a + b for a, b in zip(attrs.astuple(self), attrs.astuple(other), strict=True)))

    def figures(self) -> dict[str, float | None]:
        """Recall, unit recall, period accuracy and precision (None where nothing was counted)."""

        def share(part: int, whole: int) -> float | None:
            return part / whole if whole else None

        return {
            "recall": share(self.found, self.annotated),
            "unit recall": share(self.unit_right, self.annotated),
            "period accuracy": share(self.period_right, self.found),
            "precision": share(self.precise, self.candidates),
        }


def published(item: Text, folder: Path) -> PartialDate | None:
    """The publication date an annotation file states, if any."""
    data: dict[str, Any] = tomllib.loads((folder / f"{item.name}.toml").read_text(encoding="utf-8"))
    return None if "published" not in data else PartialDate.parse(str(data["published"]))


def _source(item: Text, folder: Path) -> Source:
    return Source(
        id=item.name,
        title=item.name,
        publisher="annotated test text",
        published=published(item, folder),
        sha256=hashlib.sha256(item.text.encode("utf-8")).hexdigest(),
    )


def _reads_figure(claim: Expected, candidate: Candidate) -> bool:
    value = candidate.value if candidate.change is None else candidate.change.delta
    return (
        value is not None
        and candidate.kind == claim.kind
        and (None if candidate.change is None else candidate.change.direction.value) == claim.direction
        and qualifier_of(candidate) == claim.qualifier
        and value.reported.magnitude == claim.amount
        and (None if value.upper is None else value.upper.magnitude) == claim.upper
    )


def _unit(candidate: Candidate) -> str:
    """The unit a candidate reads; a count kind it proposes (``new_kind``) counts as its unit.

    A first report has no count kind registered, so "38 new boreholes" stays a bare number
    with ``count_kind`` "borehole": that is compared with the annotated count kind's name
    (and "6,500 meals a day", ``1 / day`` with ``count_kind`` "meal", with "meal / day").
    """
    value = candidate.value if candidate.change is None else candidate.change.delta
    if value is None:
        return ""
    if candidate.new_kind and candidate.count_kind is not None and value.units.dimensionless:
        return candidate.count_kind
    if candidate.new_kind and candidate.count_kind is not None and str(value.units).startswith("1 / "):
        return candidate.count_kind + str(value.units).removeprefix("1")  # "6,500 meals a day": "meal / day"
    return str(value.units)


def _annotated_unit(claim: Expected) -> str:
    """The annotated unit as the registry prints it; a unit it cannot name yet matches no candidate."""
    try:
        return str(parse_unit(claim.unit))
    except UnitError:
        return f"(not a unit of the registry: {claim.unit})"


def quality(item: Text, found: tuple[Candidate, ...]) -> Quality:
    """How the candidates of one text compare with its annotations (count kinds must be registered by now)."""
    pool = list(found)
    counts = {"found": 0, "unit_right": 0, "period_right": 0}
    for claim in item.expected:
        overlapping = [c for c in pool if c.figure_span[0] < claim.span[1] and claim.span[0] < c.figure_span[1]]
        reading = [c for c in overlapping if _reads_figure(claim, c)]
        if not reading:
            continue
        unit = _annotated_unit(claim)
        best = max(reading, key=lambda c: (_unit(c) == unit, c.period.iso() == claim.period))
        pool.remove(best)
        counts["found"] += 1
        counts["unit_right"] += _unit(best) == unit
        counts["period_right"] += best.period.iso() == claim.period
    return Quality(len(item.expected), candidates=len(found), precise=len(found) - len(pool), **counts)


def differences(claim: Expected, candidate: Candidate) -> list[str]:
    """The annotated fields a candidate gets wrong as a first report is read: units compared as :func:`quality` does."""
    found = read_fields(candidate, _unit(candidate), str)
    wanted: dict[str, object] = {field: getattr(claim, field) for field in FIELDS}
    wanted["unit"] = _annotated_unit(claim)
    wanted["alternatives"] = tuple(
        (qualifier, amount, _annotated_unit(attrs.evolve(claim, unit=unit)))
        for qualifier, amount, unit in claim.alternatives
    )
    return compared(wanted, found)


def every_pinned_record() -> dict[str, dict[str, Any]]:
    """The result of every pinned text, by ``<set>/<text>``: run in an interpreter of its own.

    The first-report sets are extracted first, with no count kind registered; then the other
    pinned texts are read as :func:`~tests.extraction.annotations.pinned_records` reads them
    (registering their count kinds); last the first-report sets' count kinds are registered and
    their candidates scored by :func:`differences`.
    """
    first = [
        (folder, item, extract(item.text, _source(item, folder)))
        for folder in PINNED_FIRST_REPORT_SETS
        for item in texts(folder)
    ]
    records = pinned_records()
    for _, item, _found in first:
        for kind, plural in item.count_kinds:
            register_count_kind(kind, plural)
    for folder, item, found in first:
        records[f"{set_name(folder)}/{item.name}"] = pinned_record(item, score(item.expected, found, differences))
    return records


def measure(folders: list[Path]) -> dict[str, dict[str, int]]:
    """The counts of every text of ``folders``, by ``<folder>/<text>``: every text extracted first."""
    read = [(folder, item, extract(item.text, _source(item, folder))) for folder in folders for item in texts(folder)]
    for _, item, _found in read:
        for kind, plural in item.count_kinds:
            register_count_kind(kind, plural)
    return {f"{folder.name}/{item.name}": attrs.asdict(quality(item, found)) for folder, item, found in read}


def _decimal_default(value: object) -> str:
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(type(value).__name__)


if __name__ == "__main__":
    if sys.argv[1:] == ["--pinned"]:
        print(json.dumps(every_pinned_record()))  # ASCII, whatever the encoding of stdout: read by test_pinned.py
    else:
        print(json.dumps(measure([HERE / name for name in sys.argv[1:]]), default=_decimal_default))
