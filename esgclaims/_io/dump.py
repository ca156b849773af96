"""Writing claim files: the JSON document that :func:`esgclaims.load` reads back to equal claims."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from esgclaims._claimset import ClaimSet
from esgclaims._errors import InvalidClaimError, check_argument
from esgclaims._units import plain, unit_name

from .resolve import TABLES

if TYPE_CHECKING:
    from collections.abc import Iterable
    from decimal import Decimal

    from esgclaims._model import Claim, Metric, Organization, Program, Source
    from esgclaims._values import ReportedValue

__all__ = ["dump", "to_document", "to_json", "value_record"]


def dump(claims: ClaimSet | Iterable[Claim], path: str | os.PathLike[str]) -> None:
    """Write claims as a JSON claim file that :func:`load` reads back to equal claims.

    Numbers are written as strings of exact decimals.
    """
    check_argument(path, (str, os.PathLike), where="dump(): path", what="a path (str or os.PathLike)")
    Path(path).write_text(to_json(claims), encoding="utf-8")


def to_json(claims: ClaimSet | Iterable[Claim]) -> str:
    """The text :func:`dump` writes: the claim file document as indented UTF-8 JSON."""
    import json  # noqa: PLC0415 - imported on use: loading TOML does not need it

    return json.dumps(to_document(claims), ensure_ascii=False, indent=2) + "\n"


def to_document(claims: ClaimSet | Iterable[Claim]) -> dict[str, list[dict[str, Any]]]:
    """The claim file document (plain dicts and lists) for ``claims``."""
    claim_set = claims if isinstance(claims, ClaimSet) else ClaimSet(claims)
    tables: dict[str, dict[str, tuple[Source | Organization | Program | Metric | Claim, dict[str, Any]]]] = {
        table: {} for table in TABLES
    }

    def put(table: str, item: Source | Organization | Program | Metric | Claim, record: dict[str, Any]) -> None:
        existing = tables[table].get(item.id)
        if existing is not None and existing[0] != item:
            raise InvalidClaimError(f"two different {table} share the id {item.id!r}")
        tables[table][item.id] = (item, record)

    def organization(org: Organization) -> None:
        if org.parent is not None:
            organization(org.parent)
        put(
            "organizations",
            org,
            _drop_defaults(
                {
                    "id": org.id,
                    "name": org.name,
                    "kind": org.kind.value,
                    "aliases": list(org.aliases),
                    "parent": None if org.parent is None else org.parent.id,
                    "description": org.description,
                }
            ),
        )

    for claim in claim_set:
        source = claim.citation.source
        put(
            "sources",
            source,
            _drop_defaults(
                {
                    "id": source.id,
                    "title": source.title,
                    "publisher": source.publisher,
                    "author": source.author,
                    "url": source.url,
                    "published": None if source.published is None else source.published.iso(),
                    "sha256": source.sha256,
                }
            ),
        )
        organization(claim.subject)
        if claim.program is not None:
            organization(claim.program.owner)
            put(
                "programs",
                claim.program,
                _drop_defaults(
                    {
                        "id": claim.program.id,
                        "name": claim.program.name,
                        "owner": claim.program.owner.id,
                        "description": claim.program.description,
                    }
                ),
            )
        metric = claim.metric
        put(
            "metrics",
            metric,
            _drop_defaults(
                {
                    "id": metric.id,
                    "name": metric.name,
                    "kind": metric.kind.value,
                    "temporal": metric.temporal.value,
                    "count_of": metric.count_of,
                    "description": metric.description,
                    "frameworks": [
                        {"framework": tag.framework, "code": tag.code, "match": tag.match.value}
                        for tag in metric.frameworks
                    ],
                }
            ),
        )
        put(
            "claims",
            claim,
            _drop_defaults(
                {
                    "id": claim.id,
                    "subject": claim.subject.id,
                    "program": None if claim.program is None else claim.program.id,
                    "metric": metric.id,
                    "value": None if claim.value is None else value_record(claim.value),
                    "period": claim.period.iso(),
                    "source": source.id,
                    "quote": claim.citation.quote,
                    "span": list(claim.citation.span),
                    "attribution": claim.attribution,
                    "modality": claim.modality.value,
                    "note": claim.note,
                    "restates": claim.restates,
                }
            ),
        )
    # [[claims]] is the one table a claim file must have, so an empty set still writes it.
    return {
        table: [record for _, record in items.values()] for table, items in tables.items() if items or table == "claims"
    }


def _number(value: Decimal) -> str:
    return format(plain(value), "f")


def value_record(value: ReportedValue) -> dict[str, Any]:
    return _drop_defaults(
        {
            "qualifier": value.qualifier.value,
            "amount": _number(value.reported.magnitude),
            "unit": unit_name(value.units),
            "upper": None if value.upper is None else _number(value.upper.magnitude),
            "precision": None if value.precision is None else _number(value.precision),
            "tolerance": None if value.tolerance is None else _number(value.tolerance),
        }
    )


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
