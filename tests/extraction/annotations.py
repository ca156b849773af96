"""Reading the hand-made annotations of the extraction texts, and scoring candidates against them.

Used by ``tests/test_extract.py`` and ``benchmarks/extraction.py``; the rules the
annotations follow are in ``README.md`` next to this file.
"""

from __future__ import annotations

import json
import tomllib
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
from pint.facets.plain import PlainUnit

from esgclaims import Candidate, ReportedValue, extract, parse_period, parse_unit, register_count_kind

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

HERE = Path(__file__).resolve().parent
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
#: Held-out sets up to this one were used, after their single scored run, to fix general bugs.
_LAST_USED_FOR_FIXES = 17
HELD_OUT_SETS = tuple(HERE / ("heldout" if n == 1 else f"heldout{n}") for n in range(1, len(_ORDINALS) + 1))
"""The first ten held-out folders, oldest first, read with their count kinds registered (:func:`candidates`).
Each was annotated before the extractor ran on it and scored once."""


def set_number(folder: Path) -> int:
    """The number of a held-out folder: 1 for ``heldout``, 12 for ``heldout12``."""
    return int(folder.name.removeprefix("heldout") or "1")


FIRST_REPORT_SETS = tuple(
    sorted(
        (path for path in HERE.glob("heldout*") if path.is_dir() and set_number(path) > len(HELD_OUT_SETS)),
        key=set_number,
    )
)
"""The held-out folders after the tenth, oldest first: read as a user's first report is
(``tests/extraction/quality.py``), with no count kind registered and the publication date given."""


def used_for_fixes(folder: Path) -> bool:
    """Whether a held-out set has been used, after its single scored run, to change rules (so it is pinned)."""
    return set_number(folder) <= _LAST_USED_FOR_FIXES


PINNED_SETS = (HERE, *(f for f in HELD_OUT_SETS if used_for_fixes(f)))
"""The folders read as :func:`candidates` reads them whose extraction results are pinned: the tuned texts and
every held-out set up to ``_LAST_USED_FOR_FIXES``. A set used to fix rules is a regression text, so its result
is pinned."""
PINNED_FIRST_REPORT_SETS = tuple(f for f in FIRST_REPORT_SETS if used_for_fixes(f))
"""The first-report sets (``heldout11`` on) used to fix rules: pinned as ``quality.py`` reads them."""
UNPINNED_SETS = tuple(f for f in (*HELD_OUT_SETS, *FIRST_REPORT_SETS) if not used_for_fixes(f))
"""The held-out sets never used to change a rule: their score is the current blind estimate, so nothing pins
it. When a newer blind set is added and this one is used for fixes, raise ``_LAST_USED_FOR_FIXES`` and its
results become pinned."""
PINNED_FOLDER = HERE / "expected"
"""Where the pinned results are: ``<set>/<text>.json``, the set ``tuned`` or the held-out folder's name."""


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


def read_fields(
    candidate: Candidate, unit: object, alternative_unit: Callable[[PlainUnit], object]
) -> dict[str, object]:
    """The fields of :data:`FIELDS` as ``candidate`` reads them, its units given as the caller compares them."""
    value = _value(candidate)
    return {
        "kind": candidate.kind,
        "direction": None if candidate.change is None else candidate.change.direction.value,
        "qualifier": qualifier_of(candidate),
        "amount": None if value is None else value.reported.magnitude,
        "upper": None if value is None or value.upper is None else value.upper.magnitude,
        "unit": unit,
        "period": candidate.period.iso(),
        "alternatives": tuple(
            (alt.qualifier.value, alt.reported.magnitude, alternative_unit(alt.units)) for alt in candidate.alternatives
        ),
    }


def differences(expected: Expected, candidate: Candidate) -> list[str]:
    """The annotated fields a candidate gets wrong, each as ``field: expected != found``."""
    value = _value(candidate)
    found = read_fields(candidate, None if value is None else value.units, lambda unit: unit)
    wanted: dict[str, object] = attrs.asdict(expected, recurse=False)
    wanted["unit"] = parse_unit(expected.unit)
    wanted["alternatives"] = tuple((q, a, parse_unit(u)) for q, a, u in expected.alternatives)
    return compared(wanted, found)


def compared(wanted: dict[str, object], found: dict[str, object]) -> list[str]:
    """The fields of :data:`FIELDS` on which what was annotated and what was read differ."""
    return [
        f"{field}: {_shown(wanted[field])} != {_shown(found[field])}"
        for field in FIELDS
        if wanted[field] != found[field]
    ]


def _shown(value: object) -> str:
    """The repr of a field, but units as ``<Unit('tonne')>`` from their str: pint 0.26 changed their repr."""
    if isinstance(value, PlainUnit):
        return f"<Unit({str(value)!r})>"
    if isinstance(value, tuple):
        items = [_shown(item) for item in value]
        return f"({items[0]},)" if len(items) == 1 else f"({', '.join(items)})"
    return repr(value)


@attrs.frozen
class Score:
    """How the candidates of one or more texts compare with their annotations."""

    matched: tuple[tuple[Expected, Candidate], ...]
    missed: tuple[tuple[Expected, list[str]], ...]
    """Annotations no candidate matches, with what the overlapping candidate got wrong."""
    extra: tuple[Candidate, ...]
    """Candidates that match no annotation."""


def score(
    expected: Sequence[Expected],
    found: Iterable[Candidate],
    differ: Callable[[Expected, Candidate], list[str]] = differences,
) -> Score:
    """Pair annotations and candidates whose figures overlap and whose every field agrees (by ``differ``)."""
    pool = list(found)
    matched, missed = [], []
    for claim in expected:
        overlapping = [c for c in pool if c.figure_span[0] < claim.span[1] and claim.span[0] < c.figure_span[1]]
        match = next((c for c in overlapping if not differ(claim, c)), None)
        if match is None:
            reasons = differ(claim, overlapping[0]) if overlapping else ["no candidate"]
            missed.append((claim, reasons))
        else:
            pool.remove(match)
            matched.append((claim, match))
    return Score(tuple(matched), tuple(missed), tuple(pool))


def set_name(folder: Path) -> str:
    """The name of a set of texts in pinned results and test ids: ``tuned`` or the held-out folder's name."""
    return "tuned" if folder == HERE else folder.name


def pinned_path(folder: Path, item: Text) -> Path:
    """The file that pins the extraction result of a text of ``folder``."""
    return PINNED_FOLDER / set_name(folder) / f"{item.name}.json"


def pinned_texts() -> list[tuple[Path, Text]]:
    """Every pinned text, with its folder: :data:`PINNED_SETS`, then :data:`PINNED_FIRST_REPORT_SETS`."""
    return [(folder, item) for folder in (*PINNED_SETS, *PINNED_FIRST_REPORT_SETS) for item in texts(folder)]


def _read(candidate: Candidate) -> dict[str, str | None]:
    """What a candidate read, as strings that print the same on every run and pint version."""
    value = _value(candidate)
    return {
        "kind": candidate.kind,
        "direction": None if candidate.change is None else candidate.change.direction.value,
        "qualifier": qualifier_of(candidate),
        "amount": None if value is None else str(value.reported.magnitude),
        "upper": None if value is None or value.upper is None else str(value.upper.magnitude),
        "unit": None if value is None else str(value.units),
        "period": candidate.period.iso(),
    }


def pinned_record(item: Text, result: Score | None = None) -> dict[str, Any]:
    """The extraction result of a text as it is pinned: each annotated claim, matched or missed, and the extras.

    Claims are in annotation order, each with its figure and span and, when missed, what
    :func:`differences` found wrong (or "no candidate"). Extra candidates are in the
    order :func:`esgclaims.extract` gives them, each with its figure, span and what it read.
    ``result`` is the text's score when it is read otherwise than by :func:`candidates`.
    """
    result = score(item.expected, candidates(item)) if result is None else result
    missed = dict(result.missed)
    claims: list[dict[str, Any]] = []
    for claim in item.expected:
        entry: dict[str, Any] = {"figure": claim.figure, "span": list(claim.span), "matched": claim not in missed}
        if claim in missed:
            entry["differences"] = missed[claim]
        claims.append(entry)
    extra = [{"figure": c.figure, "span": list(c.figure_span), "read": _read(c)} for c in result.extra]
    return {"claims": claims, "extra": extra}


def pinned_records() -> dict[str, dict[str, Any]]:
    """The result of every text of :data:`PINNED_SETS`, by ``<set>/<text>``, computed in this interpreter in order.

    Reading a text registers its count kinds for good, so this is run in an interpreter of its
    own (``python -m tests.extraction.quality --pinned`` prints it as JSON, with the first-report
    sets): what other tests register cannot change the results, and what the texts register
    cannot change other tests.
    """
    return {f"{set_name(folder)}/{item.name}": pinned_record(item) for folder in PINNED_SETS for item in texts(folder)}


def pinned_json(record: dict[str, Any]) -> str:
    """A pinned record as it is stored: sorted keys, indented, one claim field a line."""
    return json.dumps(record, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _where(entry: dict[str, Any]) -> str:
    return f"{entry['figure']!r} at {entry['span'][0]}-{entry['span'][1]}"


def _reasons(entry: dict[str, Any]) -> str:
    return "; ".join(entry["differences"])


def _extra(entry: dict[str, Any]) -> str:
    read = ", ".join(f"{field}={value}" for field, value in sorted(entry["read"].items()) if value is not None)
    return f"{_where(entry)} ({read})"


def pinned_changes(before: dict[str, Any], now: dict[str, Any]) -> list[str]:
    """How a text's extraction result differs from its pinned one, one line per changed claim or extra."""
    lines: list[str] = []
    old = {(c["figure"], tuple(c["span"])): c for c in before["claims"]}
    new = {(c["figure"], tuple(c["span"])): c for c in now["claims"]}
    for key, claim in new.items():
        was = old.get(key)
        if was is None:
            lines.append(f"annotation not pinned before: {_where(claim)}")
        elif was["matched"] and not claim["matched"]:
            lines.append(f"was matched, now missed: {_where(claim)}: {_reasons(claim)}")
        elif not was["matched"] and claim["matched"]:
            lines.append(f"was missed ({_reasons(was)}), now matched: {_where(claim)}")
        elif not claim["matched"] and was["differences"] != claim["differences"]:
            lines.append(f"missed differently: {_where(claim)}: before {_reasons(was)}; now {_reasons(claim)}")
    lines.extend(f"annotation pinned but gone: {_where(claim)}" for key, claim in old.items() if key not in new)
    old_extra = Counter(pinned_json(e) for e in before["extra"])
    new_extra = Counter(pinned_json(e) for e in now["extra"])
    gone, added = old_extra - new_extra, new_extra - old_extra
    for entry in now["extra"]:
        if added[pinned_json(entry)] > 0:
            added[pinned_json(entry)] -= 1
            lines.append(f"new extra candidate {_extra(entry)}")
    for entry in before["extra"]:
        if gone[pinned_json(entry)] > 0:
            gone[pinned_json(entry)] -= 1
            lines.append(f"extra candidate gone {_extra(entry)}")
    return lines
