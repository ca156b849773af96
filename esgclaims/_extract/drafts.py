"""Writing candidates as a draft claim file, which :func:`esgclaims.load` reads once a person completes it.

The file holds what the text states and nothing it does not. Each metric gets the
kind its unit shows (a count of households, money, a share) but no ``temporal``:
whether a figure is a flow, a running total or a stock is a judgement the text does
not make for us, and a default would pass for a fact. The loader reports each
missing field, one per line, until a person fills it in; the TOML file also says
what is missing in comments next to each gap.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from esgclaims._errors import FileFormatError
from esgclaims._io.atomic import atomic_write
from esgclaims._io.dump import value_record
from esgclaims._model import Organization, OrganizationKind, QuantityKind, Source
from esgclaims._periods import AsOf, UnknownPeriod
from esgclaims._units import DIMENSIONLESS, count_kind_of, currency_of, registered_count_kind, unit_powers, ureg

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable

    from esgclaims._values import ReportedValue

    from .candidates import Candidate

__all__ = ["dump_candidates"]

_PHYSICAL = {
    "[emissions]": QuantityKind.EMISSIONS,
    "[mass]": QuantityKind.MASS,
    "[length] ** 3": QuantityKind.VOLUME,
    "[length]": QuantityKind.DISTANCE,
    "[mass] * [length] ** 2 / [time] ** 2": QuantityKind.ENERGY,
    "[mass] * [length] ** 2 / [time] ** 3": QuantityKind.POWER,
    "[length] ** 2": QuantityKind.AREA,
    "[time]": QuantityKind.TIME,
    "[mass] / [length] ** 3": QuantityKind.CONCENTRATION,
}


def dump_candidates(
    candidates: Iterable[Candidate], path: str | os.PathLike[str], *, source: Source | str | None = None
) -> tuple[str, ...]:
    """Write the levels among ``candidates`` as a draft TOML or JSON claim file; return what is left to fill in.

    Changes and unread figures are not claims a file can hold; the TOML file lists them
    in comments. Suggested metric ids become metric records with the kind their unit
    shows, and without ``temporal``, which a person decides.

    Args:
        candidates: What :func:`esgclaims.extract` proposed.
        path: A ``.toml`` or ``.json`` file to write.
        source: The source the claims cite, or the id of a source a person will
            describe; default the candidates' own source, else the file's name.

    Returns:
        One line per thing to fill in before :func:`esgclaims.load` reads the file.
    """
    file = Path(path)
    if file.suffix.lower() not in (".toml", ".json"):
        raise FileFormatError(f"{file.name}: unknown file type {file.suffix!r}; expected .toml or .json")
    candidates = tuple(candidates)
    source = source or next((c.source for c in candidates if c.source is not None), None) or _slug(file.stem)
    draft = _Draft(source)
    for candidate in candidates:
        draft.add(candidate)
    text = (
        draft.toml() if file.suffix.lower() == ".toml" else json.dumps(draft.document(), ensure_ascii=False, indent=2)
    )
    atomic_write(file, (text + "\n").encode("utf-8"))
    return tuple(draft.todo())


class _Draft:
    def __init__(self, source: Source | str) -> None:
        self.source = source
        self.source_id = source.id if isinstance(source, Source) else source
        self.organizations: dict[str, dict[str, Any]] = {}
        self.metrics: dict[str, dict[str, Any]] = {}
        self.hints: dict[str, str] = {}
        self.claims: list[dict[str, Any]] = []
        self.left_out: list[Candidate] = []
        self.guessed: set[str] = set()
        self.unknown_nouns: dict[str, str] = {}
        self.count_kinds: dict[str, str] = {}
        """The count kinds the candidates propose (``new_kind``), to their plural as the text writes it."""
        self.kinds: dict[str, dict[str, str]] = {}  # [[count_kinds]]: kinds a user registered, which a file declares

    def add(self, candidate: Candidate) -> None:
        value = candidate.value
        if value is None:
            self.left_out.append(candidate)
            return
        metric = self._metric(candidate.suggested_metric, value, candidate)
        claim: dict[str, Any] = {"id": self._claim_id(metric)}
        subject = self._subject(candidate)
        if subject is not None:
            claim["subject"] = subject
        record = value_record(value)
        if candidate.new_kind and candidate.count_kind is not None:
            per = str(value.units).removeprefix("1").removeprefix(" / ") if value.units != DIMENSIONLESS else ""
            # declared in [[count_kinds]] of this file; "6,500 meals a day" is meal/day
            record["unit"] = f"{candidate.count_kind}/{per}" if per else candidate.count_kind
            written = re.search(r"counts '(?:[^']* )?([^' ]+)'", candidate.note)
            self.count_kinds.setdefault(candidate.count_kind, written.group(1).lower() if written else "")
        claim |= {
            "metric": metric,
            "period": candidate.period.iso(),
            "source": self.source_id,
            "quote": candidate.quote,
            "span": list(candidate.span),
            "note": _note(candidate),
            "value": record,
        }
        self.claims.append(claim)
        for name in unit_powers(value.units):
            registered = registered_count_kind(str(name))
            if registered is not None:
                self.kinds[registered[0]] = {"name": registered[0]} | (
                    {} if registered[1] is None else {"plural": registered[1]}
                )
        noun = re.search(r"may count '([^']+)'", candidate.note)
        if noun is not None:
            self.unknown_nouns[claim["id"]] = noun.group(1)

    def _claim_id(self, metric: str) -> str:
        taken = {claim["id"] for claim in self.claims}
        base = f"{self.source_id}/{metric}"
        number = 2
        claim_id = base
        while claim_id in taken:
            claim_id, number = f"{base}-{number}", number + 1
        return claim_id

    def _metric(self, suggested: str, value: ReportedValue, candidate: Candidate) -> str:
        """The id of the metric record for a claim; the same words for another kind of figure get another id."""
        kind, count_of = _quantity_kind(value)
        if candidate.new_kind and candidate.count_kind is not None and value.units == DIMENSIONLESS:
            kind, count_of = QuantityKind.COUNT, candidate.count_kind
        fits: dict[str, Any] = {} if kind is None else {"kind": kind.value}
        if count_of is not None:
            fits["count_of"] = count_of
        metric_id, number = suggested, 2
        while metric_id in self.metrics and {k: self.metrics[metric_id].get(k) for k in ("kind", "count_of")} != {
            "kind": fits.get("kind"),
            "count_of": fits.get("count_of"),
        }:
            metric_id, number = f"{suggested}-{number}", number + 1
        if metric_id not in self.metrics:
            self.metrics[metric_id] = {"id": metric_id, "name": metric_id.replace("-", " ").capitalize(), **fits}
            self.hints[metric_id] = _temporal_hint(candidate)
        return metric_id

    def _subject(self, candidate: Candidate) -> str | None:
        organization = candidate.organization
        if organization is not None:
            self._organization(organization)
            return organization.id
        if candidate.subject is None:
            return None
        org_id = _slug(candidate.subject) or "organization"
        self.guessed.add(org_id)
        self.organizations.setdefault(
            org_id, {"id": org_id, "name": candidate.subject, "kind": _kind(candidate.subject)}
        )
        return org_id

    def _organization(self, organization: Organization) -> None:
        if organization.parent is not None:
            self._organization(organization.parent)
        record: dict[str, Any] = {"id": organization.id, "name": organization.name, "kind": organization.kind.value}
        if organization.aliases:
            record["aliases"] = list(organization.aliases)
        if organization.parent is not None:
            record["parent"] = organization.parent.id
        if organization.description:
            record["description"] = organization.description
        self.organizations[organization.id] = record

    def document(self) -> dict[str, list[dict[str, Any]]]:
        source: dict[str, Any] = {"id": self.source_id}
        if isinstance(self.source, Source):
            source |= {
                key: value
                for key, value in {
                    "title": self.source.title,
                    "publisher": self.source.publisher,
                    "author": self.source.author,
                    "url": self.source.url,
                    "published": None if self.source.published is None else self.source.published.iso(),
                    "sha256": self.source.sha256,
                }.items()
                if value is not None
            }
        kinds = list(self.kinds.values()) + [
            {"name": name, "plural": plural} for name, plural in self.count_kinds.items() if name not in self.kinds
        ]
        document = {"count_kinds": kinds} if kinds else {}
        document |= {"sources": [source], "organizations": list(self.organizations.values())}
        return document | {"metrics": list(self.metrics.values()), "claims": self.claims}

    def todo(self) -> list[str]:
        lines = []
        if not isinstance(self.source, Source):
            lines.append(f"source {self.source_id!r}: add its title and publisher")
        for metric_id, record in self.metrics.items():
            missing = ["temporal (flow, cumulative or stock)"] + ([] if "kind" in record else ["kind"])
            lines.append(f"metric {metric_id!r}: add {' and '.join(reversed(missing))}")
        lines += [f"claim {c['id']!r}: add the subject (an organization id)" for c in self.claims if "subject" not in c]
        lines += [
            f"claim {claim_id!r}: its figure may count {noun!r}; extract again with --count and its singular, "
            f"e.g. --count {noun.removesuffix('s')}"
            for claim_id, noun in self.unknown_nouns.items()
        ]
        lines += [
            f"count kind {name!r}: proposed from the text ({plural!r}); check the name and plural in [[count_kinds]]"
            for name, plural in self.count_kinds.items()
        ]
        return lines

    def toml(self) -> str:
        document = self.document()
        lines = [
            "# Candidate claims proposed by esgclaims.extract, for a person to check and complete.",
            "# Check each claim against its quote, rename metric ids freely (here and in the claims),",
            "# and fill in what the comments marked TODO name; `esgclaims validate FILE` lists what is left.",
            "# Metric kinds follow from the units the text states; `temporal` is yours to decide.",
        ]
        for table in ("count_kinds", "sources", "organizations", "metrics", "claims"):
            for record in document.get(table, []):
                lines += ["", f"[[{table}]]"]
                value = record.pop("value", None) if table == "claims" else None
                lines += [f"{key} = {_toml(item)}" for key, item in record.items()]
                lines += self._gaps(table, record)
                if value is not None:
                    lines += ["", f"[{table}.value]", *(f"{key} = {_toml(item)}" for key, item in value.items())]
        if self.left_out:
            lines += ["", "# Not written as claims (a claim file holds levels, not changes or unread figures):"]
            lines += [f"#   {c.span[0]}: {c.figure!r}: {c.change or c.note}" for c in self.left_out]
        return "\n".join(lines)

    def _gaps(self, table: str, record: dict[str, Any]) -> list[str]:
        if table == "sources" and "title" not in record:
            return ['# TODO title = "..."', '# TODO publisher = "..."']
        if table == "metrics":
            gaps = (
                []
                if "kind" in record
                else ['# TODO kind = "..."   # money | count | share | ratio | mass | area | time | ...']
            )
            return [*gaps, f'# TODO temporal = "..."   # flow | cumulative | stock{self.hints[record["id"]]}']
        if table == "claims" and "subject" not in record:
            return ['# TODO subject = "..."   # the id of an organization']
        if table == "organizations" and record["id"] in self.guessed:
            return ["# kind from the name; check it"]
        return []


def _quantity_kind(value: ReportedValue) -> tuple[QuantityKind | None, str | None]:
    unit = value.units
    if currency_of(unit) is not None:
        return QuantityKind.MONEY, None
    kind = count_kind_of(unit)
    if kind is not None:
        return QuantityKind.COUNT, kind
    if str(unit) == "percent":
        return QuantityKind.SHARE, None
    for dimensionality, quantity_kind in _PHYSICAL.items():
        if unit.dimensionality == ureg.get_dimensionality(dimensionality):
            return quantity_kind, None
    return None, None


def _temporal_hint(candidate: Candidate) -> str:
    period = candidate.period
    if isinstance(period, UnknownPeriod):
        return ""
    if isinstance(period, AsOf):
        return f"; {period} suggests cumulative or stock"
    return f"; {period} suggests flow"


def _note(candidate: Candidate) -> str:
    parts = ["Proposed by esgclaims.extract."]
    if candidate.period_phrase:
        parts.append(f"Period from “{candidate.period_phrase}”.")
    parts += [f"Also stated as {alternative}." for alternative in candidate.alternatives]
    if candidate.note:
        parts.append(candidate.note[0].upper() + candidate.note[1:] + ".")
    return " ".join(parts)


def _kind(name: str) -> str:
    if re.search(r"foundation|基金会", name, re.IGNORECASE):
        return OrganizationKind.FOUNDATION.value
    if re.search(r"government|ministry|bureau|commission", name, re.IGNORECASE):
        return OrganizationKind.GOVERNMENT.value
    return OrganizationKind.COMPANY.value


def _slug(text: str) -> str:
    ascii_text = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return ascii_text or "org-" + "".join(f"{ord(char):x}" for char in text[:4])


_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")


def _toml(item: object) -> str:
    if isinstance(item, str):
        # A JSON string is a TOML basic string once every control character is an escape:
        # json.dumps leaves U+007F and U+0080-U+009F as they are, and TOML refuses U+007F.
        return _CONTROLS.sub(lambda char: f"\\u{ord(char.group()):04x}", json.dumps(item, ensure_ascii=False))
    if isinstance(item, list):
        return "[" + ", ".join(_toml(element) for element in item) + "]"
    return str(item)
