"""Writing claim files: the TOML or JSON document that :func:`esgclaims.load` reads back to equal claims."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from esgclaims._claimset import ClaimSet
from esgclaims._errors import FileFormatError, InvalidClaimError, check_argument
from esgclaims._model import Temporal
from esgclaims._units import plain, registered_count_kind, unit_name, unit_powers

from .atomic import atomic_write
from .resolve import TABLES

if TYPE_CHECKING:
    from collections.abc import Iterable
    from decimal import Decimal

    from esgclaims._model import Claim, Metric, Organization, Program, Source
    from esgclaims._periods import Period
    from esgclaims._units import Unit
    from esgclaims._values import ReportedValue

__all__ = ["count_kinds", "dump", "to_document", "to_json", "to_toml", "value_record"]


def dump(claims: ClaimSet | Iterable[Claim], path: str | os.PathLike[str]) -> None:
    """Write claims as a TOML (``.toml``) or JSON (``.json``) claim file that :func:`load` reads back to equal claims.

    Numbers are written as strings of exact decimals. The same claims give the same
    bytes every time. The file is replaced whole or not at all: a failure leaves an
    existing file as it was. Comments a person wrote in a file are not kept.

    Raises:
        FileFormatError: the suffix is neither ``.toml`` nor ``.json``.
    """
    check_argument(path, (str, os.PathLike), where="dump(): path", what="a path (str or os.PathLike)")
    file = Path(path)
    kind = file.suffix.lower()
    if kind not in (".toml", ".json"):
        raise FileFormatError(f"{file.name}: unknown file type {file.suffix!r}; expected .toml or .json")
    text = to_toml(claims) if kind == ".toml" else to_json(claims)
    atomic_write(file, text.encode("utf-8"))


def to_json(claims: ClaimSet | Iterable[Claim]) -> str:
    """The text :func:`dump` writes to a ``.json`` file: the claim file document as indented UTF-8 JSON."""
    import json  # noqa: PLC0415 - imported on use: loading TOML does not need it

    return json.dumps(to_document(claims), ensure_ascii=False, indent=2) + "\n"


def to_toml(claims: ClaimSet | Iterable[Claim]) -> str:
    """The text :func:`dump` writes to a ``.toml`` file (by tomli-w), tables in the order the loader reads them."""
    import tomli_w  # noqa: PLC0415 - imported on use: import time matters

    return tomli_w.dumps(to_document(claims), multiline_strings=False, indent=2)


def to_document(claims: ClaimSet | Iterable[Claim]) -> dict[str, list[dict[str, Any]]]:
    """The claim file document (plain dicts and lists) for ``claims``."""
    claim_set = claims if isinstance(claims, ClaimSet) else ClaimSet(claims)
    tables = _Tables()
    for claim in claim_set:
        tables.claim(claim)
    # [[claims]] is the one table a claim file must have, so an empty set still writes it.
    document = {
        table: [record for _, record in items.values()]
        for table, items in tables.items.items()
        if items or table == "claims"
    }
    kinds = count_kinds(claim_set)
    return {"count_kinds": kinds, **document} if kinds else document


class _Tables:
    """The records of each table, by id, as :func:`to_document` gathers them.

    A class rather than nested functions: closures that call each other form a reference
    cycle, which kept the whole document alive after a dump until the cyclic collector ran.
    """

    def __init__(self) -> None:
        self.items: dict[str, dict[str, tuple[Source | Organization | Program | Metric | Claim, dict[str, Any]]]] = {
            table: {} for table in TABLES
        }
        self.values: dict[int, tuple[ReportedValue, dict[str, Any]]] = {}
        self.periods: dict[tuple[Period, Temporal], str] = {}

    def put(self, table: str, item: Source | Organization | Program | Metric | Claim, make: Any) -> None:  # noqa: ANN401
        """Add ``item``'s record (built by ``make()`` the first time); two different items of one id are refused."""
        existing = self.items[table].get(item.id)
        if existing is not None:
            if existing[0] is not item and existing[0] != item:
                raise InvalidClaimError(f"two different {table} share the id {item.id!r}")
            return
        self.items[table][item.id] = (item, make())

    def organization(self, org: Organization) -> None:
        if org.parent is not None:
            self.organization(org.parent)
        self.put("organizations", org, lambda: _organization(org))

    def claim(self, claim: Claim) -> None:
        source = claim.citation.source
        self.put("sources", source, lambda: _source(source))
        self.organization(claim.subject)
        program = claim.program
        if program is not None:
            self.organization(program.owner)
            self.put("programs", program, lambda: _program(program))
        self.put("metrics", claim.metric, lambda: _metric(claim.metric))
        self.put("claims", claim, lambda: _claim(claim, self._value(claim.value), self._period(claim)))

    def _value(self, value: ReportedValue | None) -> dict[str, Any] | None:
        """The value's record, built once for each value object the claims share (a copy each time)."""
        if value is None:
            return None
        found = self.values.get(id(value))
        if found is None or found[0] is not value:
            found = self.values[id(value)] = (value, value_record(value))
        return dict(found[1])

    def _period(self, claim: Claim) -> str:
        key = (claim.period, claim.metric.temporal)
        text = self.periods.get(key)
        if text is None:
            text = self.periods[key] = _period(claim)
        return text


def _source(source: Source) -> dict[str, Any]:
    return _drop_defaults(
        {
            "id": source.id,
            "title": source.title,
            "publisher": source.publisher,
            "author": source.author,
            "url": source.url,
            "published": None if source.published is None else source.published.iso(),
            "sha256": source.sha256,
        }
    )


def _organization(org: Organization) -> dict[str, Any]:
    return _drop_defaults(
        {
            "id": org.id,
            "name": org.name,
            "kind": org.kind.value,
            "aliases": list(org.aliases),
            "parent": None if org.parent is None else org.parent.id,
            "description": org.description,
        }
    )


def _program(program: Program) -> dict[str, Any]:
    return _drop_defaults(
        {
            "id": program.id,
            "name": program.name,
            "owner": program.owner.id,
            "description": program.description,
        }
    )


def _metric(metric: Metric) -> dict[str, Any]:
    return _drop_defaults(
        {
            "id": metric.id,
            "name": metric.name,
            "kind": metric.kind.value,
            "temporal": metric.temporal.value,
            "count_of": metric.count_of,
            "description": metric.description,
            "frameworks": [
                {"framework": tag.framework, "code": tag.code, "match": tag.match.value} for tag in metric.frameworks
            ],
        }
    )


def _claim(claim: Claim, value: dict[str, Any] | None, period: str) -> dict[str, Any]:
    return _drop_defaults(
        {
            "id": claim.id,
            "subject": claim.subject.id,
            "program": None if claim.program is None else claim.program.id,
            "metric": claim.metric.id,
            "value": value,
            "period": period,
            "source": claim.citation.source.id,
            "quote": claim.citation.quote,
            "span": None if claim.citation.span is None else list(claim.citation.span),
            "locator": claim.citation.locator,
            "attribution": claim.attribution,
            "modality": claim.modality.value,
            "note": claim.note,
            "restates": claim.restates,
        }
    )


def count_kinds(claims: Iterable[Claim]) -> list[dict[str, str]]:
    """The ``[[count_kinds]]`` records of the kinds ``claims`` count that the registry does not ship."""
    names: dict[str, None] = {}
    seen: set[object] = set()  # each unit's and metric's names are listed once, in the order first met
    for claim in claims:
        metric = claim.metric
        if metric.count_of is not None and metric.count_of not in names:
            names[metric.count_of] = None
        if claim.value is not None and claim.value.units not in seen:
            seen.add(claim.value.units)
            names.update(dict.fromkeys(str(name) for name in unit_powers(claim.value.units) if str(name) not in names))
    records = []
    for name in names:
        registered = registered_count_kind(name)
        if registered is not None:
            records.append({"name": name} if registered[1] is None else {"name": name, "plural": registered[1]})
    return records


def _period(claim: Claim) -> str:
    """The period as the loader reads it back: a one-day span is written out, not as a bare date.

    The loader reads a bare date by the metric: "as of" on a cumulative or stock metric, refused on a flow.
    """
    text = claim.period.iso()
    if claim.metric.temporal is not Temporal.EVENT and len(text) == 10 and text[4] == text[7] == "-":
        return f"{text} to {text}"
    return text


def _number(value: Decimal) -> str:
    return format(plain(value), "f")


def value_record(value: ReportedValue) -> dict[str, Any]:
    return _drop_defaults(
        {
            "qualifier": value.qualifier.value,
            "amount": _number(value.reported.magnitude),
            "unit": _unit_name(value.units),
            "upper": None if value.upper is None else _number(value.upper.magnitude),
            "precision": None if value.precision is None else _number(value.precision),
            "tolerance": None if value.tolerance is None else _number(value.tolerance),
        }
    )


#: Each unit's name as a file writes it, formatted by pint once per unit (units never change).
_UNIT_NAMES: dict[Unit, str] = {}


def _unit_name(unit: Unit) -> str:
    name = _UNIT_NAMES.get(unit)
    if name is None:
        name = unit_name(unit)
        if len(_UNIT_NAMES) < 4096:
            _UNIT_NAMES[unit] = name
    return name


#: Fields the loader fills with an empty string or an empty list when they are left out.
_EMPTY_DEFAULTS = frozenset({"aliases", "description", "frameworks", "note"})


def _drop_defaults(record: dict[str, Any]) -> dict[str, Any]:
    """Leave out what the loader fills back in: ``None``, and the empty defaults of :data:`_EMPTY_DEFAULTS`.

    An empty string where the default is ``None`` (``author = ""``) is kept, so that it loads back as itself.
    """
    return {
        key: value
        for key, value in record.items()
        if value is not None and not (key in _EMPTY_DEFAULTS and value in ("", []))
    }
