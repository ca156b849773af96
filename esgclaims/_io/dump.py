"""Writing claim files: the TOML or JSON document that :func:`esgclaims.load` reads back to equal claims."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from esgclaims._claimset import ClaimSet
from esgclaims._errors import FileFormatError, InvalidClaimError, check_argument
from esgclaims._model import Temporal
from esgclaims._units import plain, registered_count_kind, unit_name, unit_powers

from .atomic import atomic_write
from .jsontext import Unwritable, json_text
from .resolve import TABLES

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from decimal import Decimal

    from esgclaims._model import Claim, Metric, Organization, Program, Source
    from esgclaims._periods import Period
    from esgclaims._units import Quantity
    from esgclaims._values import ReportedValue

    _Item = Source | Organization | Program | Metric | Claim

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
    """The text :func:`dump` writes to a ``.json`` file: the claim file document as indented UTF-8 JSON.

    Byte for byte ``json.dumps(to_document(claims), ensure_ascii=False, indent=2)`` and a line break, written
    record by record: no record is kept as a dict once it is text, which spares the cyclic collector too.
    """
    claim_set = claims if isinstance(claims, ClaimSet) else ClaimSet(claims)
    try:
        tables = _gather(claim_set, lambda record: json_text(record, _ITEM))
        kinds = [json_text(record, _ITEM) for record in count_kinds(claim_set)]
    except Unwritable:  # a field of an unexpected type (the model does not check every one): as json writes it
        import json  # noqa: PLC0415 - imported on use: loading TOML does not need it

        return json.dumps(to_document(claim_set), ensure_ascii=False, indent=2) + "\n"
    document = {"count_kinds": kinds, **tables} if kinds else tables
    entries = []
    for table, texts in document.items():
        items = f"[{_ITEM}{f',{_ITEM}'.join(texts)}{_TABLE}]" if texts else "[]"
        entries.append(f"{json_text(table)}: {items}")
    return f"{{{_TABLE}{f',{_TABLE}'.join(entries)}\n}}\n"


#: The line break and indent of a table (a top-level key) and of a record (an item of a table's list).
_TABLE, _ITEM = "\n  ", "\n    "


def to_toml(claims: ClaimSet | Iterable[Claim]) -> str:
    """The text :func:`dump` writes to a ``.toml`` file (by tomli-w), tables in the order the loader reads them."""
    import tomli_w  # noqa: PLC0415 - imported on use: import time matters

    return tomli_w.dumps(to_document(claims), multiline_strings=False, indent=2)


def to_document(claims: ClaimSet | Iterable[Claim]) -> dict[str, list[dict[str, Any]]]:
    """The claim file document (plain dicts and lists) for ``claims``."""
    claim_set = claims if isinstance(claims, ClaimSet) else ClaimSet(claims)
    document = _gather(claim_set, lambda record: record)
    kinds = count_kinds(claim_set)
    return {"count_kinds": kinds, **document} if kinds else document


_Kept = TypeVar("_Kept")


def _gather(claims: ClaimSet, keep: Callable[[dict[str, Any]], _Kept]) -> dict[str, list[_Kept]]:
    """Each table's records, as ``keep`` keeps them, in the order the loader reads the tables.

    [[claims]] is the one table a claim file must have, so an empty set still has it.
    """
    tables = _Tables(keep)
    for claim in claims:
        tables.claim(claim)
    return {table: records for table, records in tables.records.items() if records or table == "claims"}


class _Tables(Generic[_Kept]):
    """The records of each table, in the order first met, as :func:`_gather` gathers them.

    A class rather than nested functions: closures that call each other form a reference
    cycle, which kept the whole document alive after a dump until the cyclic collector ran.
    Items and what is kept of them sit in separate dicts and lists, not in a tuple each:
    a tuple an item holds is one more object for the cyclic collector to track.
    """

    def __init__(self, keep: Callable[[dict[str, Any]], _Kept]) -> None:
        self.keep = keep
        self.items: dict[str, dict[str, _Item]] = {table: {} for table in TABLES}  # each table's items by id
        self.records: dict[str, list[_Kept]] = {table: [] for table in TABLES}
        self.seen: dict[int, _Item] = {}  # every item put, by identity: the claims share most of them
        self.values: dict[int, ReportedValue] = {}  # the values recorded, by identity
        self.value_records: dict[int, dict[str, Any]] = {}
        self.periods: dict[tuple[Period, Temporal], str] = {}

    def put(self, table: str, item: _Item, make: Callable[[Any], dict[str, Any]]) -> None:
        """Add ``item``'s record (built by ``make(item)`` the first time); two different items of one id are refused."""
        if self.seen.get(id(item)) is item:
            return
        existing = self.items[table].get(item.id)
        if existing is None:
            self.items[table][item.id] = item
            self.records[table].append(self.keep(make(item)))
        elif existing != item:
            raise InvalidClaimError(f"two different {table} share the id {item.id!r}")
        self.seen[id(item)] = item

    def organization(self, org: Organization) -> None:
        if self.seen.get(id(org)) is org:
            return
        if org.parent is not None:
            self.organization(org.parent)
        self.put("organizations", org, _organization)

    def claim(self, claim: Claim) -> None:
        source = claim.citation.source
        self.put("sources", source, _source)
        self.organization(claim.subject)
        program = claim.program
        if program is not None:
            self.organization(program.owner)
            self.put("programs", program, _program)
        self.put("metrics", claim.metric, _metric)
        self.put("claims", claim, self._claim)

    def _claim(self, claim: Claim) -> dict[str, Any]:
        return _claim(claim, self._value(claim.value), self._period(claim))

    def _value(self, value: ReportedValue | None) -> dict[str, Any] | None:
        """The value's record, built once for each value object the claims share (a copy each time)."""
        if value is None:
            return None
        key = id(value)
        if self.values.get(key) is not value:
            self.values[key] = value
            self.value_records[key] = value_record(value)
        return dict(self.value_records[key])

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
    """The claim's record: as :func:`_drop_defaults` leaves it, built without the fields it would drop."""
    citation = claim.citation
    record: dict[str, Any] = {"id": claim.id, "subject": claim.subject.id}
    if claim.program is not None:
        record["program"] = claim.program.id
    record["metric"] = claim.metric.id
    if value is not None:
        record["value"] = value
    record["period"] = period
    record["source"] = citation.source.id
    record["quote"] = citation.quote
    if citation.span is not None:
        record["span"] = list(citation.span)
    if citation.locator is not None:
        record["locator"] = citation.locator
    record["attribution"] = claim.attribution
    record["modality"] = claim.modality.value
    if claim.note is not None and claim.note not in ("", []):  # an empty default, as _drop_defaults leaves it out
        record["note"] = claim.note
    if claim.restates is not None:
        record["restates"] = claim.restates
    return record


def count_kinds(claims: Iterable[Claim]) -> list[dict[str, str]]:
    """The ``[[count_kinds]]`` records of the kinds ``claims`` count that the registry does not ship."""
    names: dict[str, None] = {}
    seen: set[object] = set()  # each unit's and metric's names are listed once, in the order first met
    for claim in claims:
        metric = claim.metric
        if metric.count_of is not None and metric.count_of not in names:
            names[metric.count_of] = None
        if claim.value is not None and claim.value.reported._units not in seen:  # noqa: SLF001 - as in _unit_name
            seen.add(claim.value.reported._units)  # noqa: SLF001
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
    """The ``value`` table of a claim's record: figures as exact decimal strings, the unit by name."""
    reported = value.reported
    record = {"qualifier": value.qualifier.value, "amount": _number(reported.magnitude), "unit": _unit_name(reported)}
    if value.upper is not None:
        record["upper"] = _number(value.upper.magnitude)
    if value.precision is not None:
        record["precision"] = _number(value.precision)
    if value.tolerance is not None:
        record["tolerance"] = _number(value.tolerance)
    return record


#: Each unit's name as a file writes it, formatted by pint once per unit (units never change); by the
#: quantity's unit container, which pint holds, rather than its unit, which pint builds anew on each read.
_UNIT_NAMES: dict[object, str] = {}


def _unit_name(figure: Quantity) -> str:
    key = figure._units  # noqa: SLF001 - the container pint keeps; .units builds a Unit around it
    name = _UNIT_NAMES.get(key)
    if name is None:
        name = unit_name(figure.units)
        if len(_UNIT_NAMES) < 4096:
            _UNIT_NAMES[key] = name
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
