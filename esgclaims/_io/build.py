"""Building a claim file's objects: one builder per table, on the machinery of :mod:`esgclaims._io.resolve`."""

from __future__ import annotations

import contextlib
import functools
from typing import TYPE_CHECKING, Any, TypeVar

from esgclaims import _units
from esgclaims._claimset import ClaimSet
from esgclaims._decimal import arithmetic, check_figure
from esgclaims._errors import (
    FieldTypeError,
    MissingFieldError,
    RecordError,
    UnitError,
    UnknownFieldError,
)
from esgclaims._model import (
    Citation,
    Claim,
    FrameworkTag,
    Match,
    Metric,
    Modality,
    Organization,
    OrganizationKind,
    Program,
    QuantityKind,
    Source,
    Temporal,
)
from esgclaims._nouns import proposed_kind
from esgclaims._parse_period import parse_period
from esgclaims._periods import PartialDate
from esgclaims._values import Qualifier, ReportedValue

from .assemble import ClaimAssembler
from .collect import choice, unknown
from .fields import (
    count_kind,
    declare_count_kind,
    fit_period,
    optional_field,
    quantity_kind,
)
from .records import CountKindRecord, FieldProblem, StructureError, describe, structure
from .resolve import FAILED, TABLES, AlreadyReported, Resolver, failed
from .restates import check_restatements

if TYPE_CHECKING:
    from esgclaims._units import Unit

    from .records import (
        ClaimRecord,
        FrameworkRecord,
        MetricRecord,
        OrganizationRecord,
        ProgramRecord,
        SourceRecord,
        ValueRecord,
    )

__all__ = ["ClaimFileResolver"]

_E = TypeVar("_E")
_T = TypeVar("_T")


_MODALITIES = {member.value: member for member in Modality}
_QUALIFIERS = {member.value: member for member in Qualifier}


class ClaimFileResolver(Resolver):
    """Turns a parsed claim file into a ClaimSet, collecting every error: one builder per table."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self._assembler = ClaimAssembler(self)  # what the claims of one file share, read once a run

    def run(self, document: dict[str, Any]) -> ClaimSet:
        """The file's claims; a :class:`~esgclaims.LoadError` listing every bad record, in file order."""
        for key in document:
            if key not in TABLES and key != "count_kinds":
                self.errors.error(UnknownFieldError, unknown("table", key, ["count_kinds", *TABLES]), "top level", key)
        self._count_kinds(document.get("count_kinds", []))
        if "claims" not in document:
            self.errors.error(MissingFieldError, "missing table", "top level", "claims")
        records = {
            table: self._structure(table, record_type, document.get(table, [])) for table, record_type in TABLES.items()
        }
        for label, source in records["sources"]:
            self._store(self.sources, self._guard("sources", self._source, source, label))
        self._organizations(records["organizations"])
        for label, program in records["programs"]:
            self._store(self.programs, self._guard("programs", self._program, program, label))
        for label, metric in records["metrics"]:
            self._store(self.metrics, self._guard("metrics", self._metric, metric, label))
        claims = self._claims(records["claims"])
        check_restatements(self, [(label, claim) for (label, _), claim in zip(records["claims"], claims, strict=True)])
        self.errors.finish(order=lambda error: self.places.get(error.record, (-1, 0)))  # in file order
        return ClaimSet(claim for claim in claims if claim is not None)

    def _count_kinds(self, raw_records: object) -> None:
        """Register each ``[[count_kinds]]`` record's kind, before the metrics that count it are read."""
        if not isinstance(raw_records, list):
            self.errors.error(
                FieldTypeError, f"expected a list of tables, got {describe(raw_records)}", "top level", "count_kinds"
            )
            return
        for index, raw in enumerate(raw_records):
            name = raw.get("name") if isinstance(raw, dict) else None
            label = f"count kind {name!r}" if isinstance(name, str) and name else f"count_kinds[{index}]"
            self.places[label] = (-1, index)
            try:
                record = structure(raw, CountKindRecord)
            except (FieldProblem, StructureError) as error:
                self._report_structure_errors(error, label, CountKindRecord)
                continue
            self._attempt(label, "name", declare_count_kind, record)

    def _source(self, record: SourceRecord, label: str) -> Source:
        published = self._attempt(label, "published", optional_field, PartialDate.parse, record.published)
        return self._make(
            label,
            Source,
            "id",
            {
                "id": record.id,
                "title": record.title,
                "publisher": record.publisher,
                "author": record.author,
                "url": record.url,
                "published": published,
                "sha256": record.sha256,
            },
        )

    def _organizations(self, records: list[tuple[str, OrganizationRecord]]) -> None:
        # Built depth first, so that a parent may come later in the file than its children.
        pending = {record.id: (label, record) for label, record in records}

        def parent_of(record: OrganizationRecord, label: str, chain: tuple[str, ...]) -> Organization | None:
            if record.parent is None:
                return None
            if record.parent in chain:
                loop = " → ".join(repr(org_id) for org_id in (*chain[chain.index(record.parent) :], record.parent))
                raise RecordError(f"circular parents: {loop}", file=self.name, record=label, field="parent")
            if record.parent in pending:
                return build(record.parent, chain)
            return self._reference("organizations", self.organizations, record.parent, label, "parent")

        def organization(record: OrganizationRecord, label: str, chain: tuple[str, ...]) -> Organization:
            parent = self._attempt(label, "parent", parent_of, record, label, chain)
            kind = self._attempt(label, "kind", choice, OrganizationKind, record.kind)
            return self._make(
                label,
                Organization,
                "id",
                {
                    "id": record.id,
                    "name": record.name,
                    "kind": kind,
                    "aliases": record.aliases,
                    "parent": parent,
                    "description": record.description,
                },
            )

        def build(org_id: str, chain: tuple[str, ...]) -> Organization:
            if org_id in self.organizations:
                return self.organizations[org_id]
            if org_id in self.failed["organizations"]:
                raise AlreadyReported
            label, record = pending[org_id]
            built = self._guard("organizations", functools.partial(organization, chain=(*chain, org_id)), record, label)
            if built is None:
                raise AlreadyReported
            self.organizations[org_id] = built
            return built

        for _, record in records:
            with contextlib.suppress(AlreadyReported):
                build(record.id, ())

    def _program(self, record: ProgramRecord, label: str) -> Program:
        owner = self._attempt(
            label, "owner", self._reference, "organizations", self.organizations, record.owner, label, "owner"
        )
        return self._make(
            label,
            Program,
            "id",
            {
                "id": record.id,
                "name": record.name,
                "owner": owner,
                "description": record.description,
            },
        )

    def _metric(self, record: MetricRecord, label: str) -> Metric:
        kind = self._attempt(label, "kind", quantity_kind, record.kind)
        temporal = self._attempt(label, "temporal", choice, Temporal, record.temporal)
        count_of = self._attempt(label, "count_of", self._count_of, record, kind, label)
        tags = tuple(
            self._attempt(label, f"frameworks[{index}]", self._tag, tag, label, index)
            for index, tag in enumerate(record.frameworks)
        )
        # what the metric checks as a whole: count_of given exactly for a count; only a qualitative event
        field = "temporal" if temporal is Temporal.EVENT and kind is not QuantityKind.QUALITATIVE else "count_of"
        return self._make(
            label,
            Metric,
            field,
            {
                "id": record.id,
                "name": record.name,
                "kind": kind,
                "temporal": temporal,
                "count_of": count_of,
                "description": record.description,
                "frameworks": FAILED if failed(*tags) else tags,
            },
        )

    def _count_of(self, record: MetricRecord, kind: QuantityKind, label: str) -> str | None:
        if record.count_of is not None:
            return count_kind(record.count_of)
        if kind is QuantityKind.COUNT:
            raise MissingFieldError(
                "missing field; a count metric names the kind it counts", file=self.name, record=label, field="count_of"
            )
        return None

    def _tag(self, record: FrameworkRecord, label: str, index: int) -> FrameworkTag:
        prefix = f"frameworks[{index}]."
        match = self._attempt(label, prefix + "match", choice, Match, record.match)
        return self._make(
            label,
            FrameworkTag,
            prefix + "match",
            {
                "framework": record.framework,
                "code": record.code,
                "match": match,
            },
            prefix,
        )

    def _claims(self, records: list[tuple[str, ClaimRecord]]) -> list[Claim | None]:
        """Each record's claim, ``None`` for a bad one (its errors are in the list).

        Most records of a large file are good: :class:`~esgclaims._io.assemble.ClaimAssembler`
        builds those, from what the file's records share. Any problem sends the record
        down the field-by-field path, which names it.
        """
        assemble, claims = self._assembler.claim, []
        with arithmetic():  # one decimal context for every value's checks (value_of_figures)
            for label, record in records:
                claim = assemble(record)
                claims.append(self._guard("claims", self._checked_claim, record, label) if claim is None else claim)
        return claims

    def _checked_claim(self, record: ClaimRecord, label: str) -> Claim:
        reference = self._reference
        subject = self._attempt(
            label, "subject", reference, "organizations", self.organizations, record.subject, label, "subject"
        )
        program = (
            None
            if record.program is None
            else self._attempt(label, "program", reference, "programs", self.programs, record.program, label, "program")
        )
        metric = self._attempt(label, "metric", reference, "metrics", self.metrics, record.metric, label, "metric")
        source = self._attempt(label, "source", reference, "sources", self.sources, record.source, label, "source")
        period = self._attempt(label, "period", parse_period, record.period)
        if not failed(period, metric):
            period = self._attempt(label, "period", fit_period, record.period, period, metric)
        modality = self._attempt(label, "modality", choice, Modality, record.modality)
        value = None if record.value is None else self._attempt(label, "value", self._value, record.value, label)
        if not failed(metric, value):
            value = self._attempt(label, "value", self._fit, metric, value, record, label)
        citation = self._attempt(
            label,
            "span",
            self._make,
            label,
            Citation,
            "span",
            {
                "source": source,
                "quote": record.quote,
                "span": record.span,
                "locator": record.locator,
            },
        )
        return self._make(
            label,
            Claim,
            "restates" if record.restates == record.id else "id",  # the one check of the whole claim
            {
                "id": record.id,
                "subject": subject,
                "metric": metric,
                "value": value,
                "period": period,
                "citation": citation,
                "program": program,
                "attribution": record.attribution,
                "modality": modality,
                "note": record.note,
                "restates": record.restates,
            },
        )

    def _fit(
        self, metric: Metric, value: ReportedValue | None, record: ClaimRecord, label: str
    ) -> ReportedValue | None:
        """``value``, if ``metric`` takes it."""
        if value is None and metric.kind is not QuantityKind.QUALITATIVE:
            raise MissingFieldError(
                f"missing field; metric {metric.id!r} needs {metric.expected}",
                file=self.name,
                record=label,
                field="value",
            )
        if value is not None and metric.kind is QuantityKind.QUALITATIVE:
            raise RecordError(
                f"metric {metric.id!r} is qualitative and takes no value", file=self.name, record=label, field="value"
            )
        if value is not None and not metric.accepts(value.units):
            assert record.value is not None  # noqa: S101 - value was built from it
            raise RecordError(
                f"unit {record.value.unit!r} does not fit metric {metric.id!r}, which takes {metric.expected}",
                file=self.name,
                record=label,
                field="value.unit",
            )
        return value

    def _value(self, record: ValueRecord, label: str) -> ReportedValue:
        unit = self._attempt(label, "value.unit", _value_unit, record.unit)
        qualifier = self._attempt(label, "value.qualifier", choice, Qualifier, record.qualifier)
        amount = self._attempt(label, "value.amount", check_figure, record.amount)
        upper, precision, tolerance = (
            None if number is None else self._attempt(label, f"value.{name}", check_figure, number)
            for name, number in (
                ("upper", record.upper),
                ("precision", record.precision),
                ("tolerance", record.tolerance),
            )
        )
        if failed(unit, qualifier, amount, upper, precision, tolerance):
            raise AlreadyReported
        reported = _units.quantity(amount, unit)
        upper_quantity = None if upper is None else _units.quantity(upper, unit)
        try:  # a good value is built once
            return ReportedValue(reported, qualifier, upper=upper_quantity, precision=precision, tolerance=tolerance)
        except Exception:  # noqa: BLE001, S110 - told apart below
            pass
        # Built a field at a time, so that an error names the field that breaks the value.
        stages: list[tuple[str, dict[str, Any]]] = [
            ("amount", {}),
            ("precision", {"precision": precision}),
            ("upper", {"qualifier": qualifier, "upper": upper_quantity}),
            ("tolerance", {"tolerance": tolerance}),
        ]
        arguments: dict[str, Any] = {}
        value = None
        for name, extra in stages:
            arguments |= extra
            value = self._field(label, f"value.{name}", functools.partial(ReportedValue, reported, **arguments))
        assert value is not None  # noqa: S101 - the loop ran
        return value


def _value_unit(name: str) -> Unit:
    """:func:`~esgclaims.parse_unit`; a plural noun no unit names is most likely a count kind not declared yet."""
    try:
        return _units.parse_unit(name)
    except UnitError as error:
        kind = proposed_kind(name)
        if kind is None:
            raise
        near = f"{error.hint.removesuffix('?')}, or " if error.hint and error.hint.startswith("did you mean") else ""
        declare = f"declare it: [[count_kinds]] name = {kind!r}, plural = {name!r}"
        raise UnitError(
            f"unknown unit {name!r}; {near}a count kind not declared yet? {declare}", text=name, hint=declare
        ) from None
