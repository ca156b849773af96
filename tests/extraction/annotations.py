"""Reading the hand-made annotations of the extraction texts, and scoring candidates against them.

Used by ``tests/test_extract.py`` and ``benchmarks/extraction.py``; the rules the
annotations follow are in ``README.md`` next to this file.
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from esgclaims import Candidate, ReportedValue, extract, parse_period, parse_unit, register_count_kind

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

HERE = Path(__file__).resolve().parent
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
#: Held-out sets up to this one were used, after their single scored run, to fix general bugs.
_LAST_USED_FOR_FIXES = 9
HELD_OUT_SETS = tuple(HERE / ("heldout" if n == 1 else f"heldout{n}") for n in range(1, len(_ORDINALS) + 1))
"""Every held-out folder, oldest first. Each was annotated before the extractor ran on it and scored once."""


def held_out_title(folder: Path) -> str:
    """What a held-out set is now: still held out, or scored once and then used to fix general bugs."""
    n = HELD_OUT_SETS.index(folder) + 1
    status = (
        "scored once, then used to fix general bugs"
        if n <= _LAST_USED_FOR_FIXES
        else "annotated after the last rule change, scored once"
    )
    return f"{_ORDINALS[n - 1]} held-out texts: {status}"


FIELDS = ("kind", "direction", "qualifier", "amount", "upper", "unit", "period", "alternatives")


@attrs.frozen
class Expected:
    """One annotated claim."""

    figure: str
    span: tuple[int, int]
    kind: str
    direction: str | None
    qualifier: str
    amount: Decimal
    upper: Decimal | None
    unit: str
    period: str
    alternatives: tuple[tuple[str, Decimal, str], ...]


@attrs.frozen
class Text:
    """One test text and its annotations."""

    name: str
    text: str
    expected: tuple[Expected, ...]
    count_kinds: tuple[tuple[str, str], ...]


def texts(folder: Path = HERE) -> list[Text]:
    """Every annotated text of a folder, by name: the texts the extractor was tuned on, or the held-out ones."""
    return [read(path) for path in sorted(folder.glob("*.txt"))]


def read(path: Path) -> Text:
    """A text and its annotation file (the ``.toml`` next to it)."""
    text = path.read_text(encoding="utf-8")
    data: dict[str, Any] = tomllib.loads(path.with_suffix(".toml").read_text(encoding="utf-8"), parse_float=Decimal)
    expected = []
    position = 0
    for claim in data["claims"]:
        figure = claim["figure"]
        start = text.find(figure, position)
        if start < 0:
            raise ValueError(f"{path.name}: figure {figure!r} is not in the text after offset {position}")
        position = start + 1
        expected.append(
            Expected(
                figure=figure,
                span=(start, start + len(figure)),
                kind=claim.get("kind", "level"),
                direction=claim.get("direction"),
                qualifier=claim["qualifier"],
                amount=Decimal(claim["amount"]),
                upper=None if "upper" not in claim else Decimal(claim["upper"]),
                unit=claim["unit"],
                period=parse_period(claim["period"]).iso(),
                alternatives=tuple(
                    (alt["qualifier"], Decimal(alt["amount"]), alt["unit"]) for alt in claim.get("alternatives", [])
                ),
            )
        )
    kinds = tuple(sorted(data.get("count_kinds", {}).items()))
    return Text(path.stem, text, tuple(expected), kinds)


def candidates(item: Text) -> tuple[Candidate, ...]:
    """What :func:`esgclaims.extract` proposes for a text, with its count kinds registered first."""
    for kind, plural in item.count_kinds:
        register_count_kind(kind, plural)
    return extract(item.text)


def _value(candidate: Candidate) -> ReportedValue | None:
    if candidate.value is not None:
        return candidate.value
    return None if candidate.change is None else candidate.change.delta


def qualifier_of(candidate: Candidate) -> str:
    """The qualifier a candidate is scored under; "unread" when it holds no figure."""
    value = _value(candidate)
    return "unread" if value is None else value.qualifier.value


def differences(expected: Expected, candidate: Candidate) -> list[str]:
    """The annotated fields a candidate gets wrong, each as ``field: expected != found``."""
    value = _value(candidate)
    found: dict[str, object] = {
        "kind": candidate.kind,
        "direction": None if candidate.change is None else candidate.change.direction.value,
        "qualifier": qualifier_of(candidate),
        "amount": None if value is None else value.reported.magnitude,
        "upper": None if value is None or value.upper is None else value.upper.magnitude,
        "unit": None if value is None else value.units,
        "period": candidate.period.iso(),
        "alternatives": tuple(
            (alt.qualifier.value, alt.reported.magnitude, alt.units) for alt in candidate.alternatives
        ),
    }
    wanted: dict[str, object] = attrs.asdict(expected, recurse=False)
    wanted["unit"] = parse_unit(expected.unit)
    wanted["alternatives"] = tuple((q, a, parse_unit(u)) for q, a, u in expected.alternatives)
    return [f"{field}: {wanted[field]!r} != {found[field]!r}" for field in FIELDS if wanted[field] != found[field]]


@attrs.frozen
class Score:
    """How the candidates of one or more texts compare with their annotations."""

    matched: tuple[tuple[Expected, Candidate], ...]
    missed: tuple[tuple[Expected, list[str]], ...]
    """Annotations no candidate matches, with what the overlapping candidate got wrong."""
    extra: tuple[Candidate, ...]
    """Candidates that match no annotation."""


def score(expected: Sequence[Expected], found: Iterable[Candidate]) -> Score:
    """Pair annotations and candidates whose figures overlap and whose every field agrees."""
    pool = list(found)
    matched, missed = [], []
    for claim in expected:
        overlapping = [c for c in pool if c.figure_span[0] < claim.span[1] and claim.span[0] < c.figure_span[1]]
        match = next((c for c in overlapping if not differences(claim, c)), None)
        if match is None:
            reasons = differences(claim, overlapping[0]) if overlapping else ["no candidate"]
            missed.append((claim, reasons))
        else:
            pool.remove(match)
            matched.append((claim, match))
    return Score(tuple(matched), tuple(missed), tuple(pool))
