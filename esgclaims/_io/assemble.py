"""Building the claims of good records at little cost, from what a claim file's records share.

Most records of a large file are good, and their claims share a few hundred
organizations, metrics, sources and programs, a few dozen units and a few hundred
periods. :class:`ClaimAssembler` builds such a record's claim from what is already
built: each period is read once a run (by its text and its metric's relation to
time), each unit once (by its name), each value once (by its record), and whether a
metric takes a unit once (by their names). The claim and its citation are then put
together without their constructors' second look at parts already checked: the
checks that are left (the claim's id, the quote, the span, the restatement) run here,
through the model's own validators.

Anything unexpected gives ``None``: the record then goes down the loader's
field-by-field path (:mod:`esgclaims._io.build`), which builds it with the public
constructors or names each problem. So this path never words an error, and cannot
accept what the public constructors refuse.

The claim table's reader (:mod:`esgclaims._interchange.read`) builds its claims the
same way: it finds each row's subject, metric, source, program and period itself, and
hands them to :meth:`ClaimAssembler.put_together`, with its values from
:meth:`ClaimAssembler.value`.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import attrs

from esgclaims._model import Citation, Claim, Modality, QuantityKind, metric_takes
from esgclaims._parse_period import parse_period
from esgclaims._units import unit_facts
from esgclaims._values import Qualifier, ReportedValue, value_of_figures

from .fields import fit_period

if TYPE_CHECKING:
    from collections.abc import Callable

    from esgclaims._enums import Temporal
    from esgclaims._model import Metric, Organization, Program, Source
    from esgclaims._periods import Period
    from esgclaims._units import UnitFacts

    from .records import ClaimRecord, ValueRecord
    from .resolve import Resolver

__all__ = ["ClaimAssembler"]

_MODALITIES = {member.value: member for member in Modality}
_QUALIFIERS = {member.value: member for member in Qualifier}


def _validator(cls: type, name: str) -> Callable[[object], None]:
    """The validator of the model's field ``cls.name``, taking the value alone."""
    attribute = getattr(attrs.fields(cls), name)
    assert attribute.validator is not None  # noqa: S101 - asked only of fields that have one
    return functools.partial(attribute.validator, None, attribute)


_CHECK_ID = _validator(Claim, "id")
_CHECK_ATTRIBUTION = _validator(Claim, "attribution")
_CHECK_RESTATES = _validator(Claim, "restates")
_CHECK_QUOTE = _validator(Citation, "quote")
_CHECK_LOCATOR = _validator(Citation, "locator")

#: Every field of Citation and of Claim, in the order :meth:`ClaimAssembler.claim` sets them
#: (tests/test_load_paths.py checks that these are all the fields there are).
CITATION_FIELDS = ("source", "quote", "span", "locator")
CLAIM_FIELDS = (
    "id",
    "subject",
    "metric",
    "value",
    "period",
    "citation",
    "program",
    "attribution",
    "modality",
    "note",
    "restates",
)
# Each slot's own setter: what attrs' __init__ does for each field after its checks, without the checks.
_SOURCE, _QUOTE, _SPAN, _LOCATOR = (getattr(Citation, name).__set__ for name in CITATION_FIELDS)
(_ID, _SUBJECT, _METRIC, _VALUE, _PERIOD, _CITATION, _PROGRAM, _ATTRIBUTION, _MODALITY, _NOTE, _RESTATES) = (
    getattr(Claim, name).__set__ for name in CLAIM_FIELDS
)
_new = object.__new__


class ClaimAssembler:
    """The claims of good records, built from a :class:`~esgclaims._io.resolve.Resolver`'s tables; ``None`` for others.

    One assembler serves one run of the loader: what it keeps is what that file's
    claims share. Without a resolver its tables are empty: a reader that finds a
    claim's parts itself uses :meth:`value` and :meth:`put_together` alone.
    """

    def __init__(self, resolver: Resolver | None = None) -> None:
        # the resolver's tables themselves, which it fills before the claims are read
        self.metrics: dict[str, Metric] = {} if resolver is None else resolver.metrics
        self.organizations: dict[str, Organization] = {} if resolver is None else resolver.organizations
        self.sources: dict[str, Source] = {} if resolver is None else resolver.sources
        self.programs: dict[str, Program] = {} if resolver is None else resolver.programs
        self.periods: dict[tuple[str, Temporal], Period] = {}
        self.units: dict[str, UnitFacts] = {}
        self.values: dict[ValueRecord, ReportedValue] = {}
        # (kind, counted kind, unit name) -> whether a metric of that kind takes the unit (Metric.accepts)
        self.fits: dict[tuple[QuantityKind, str | None, str], bool] = {}
        self.texts: set[str] = set()  # attributions found good

    def claim(self, record: ClaimRecord) -> Claim | None:
        """The claim of a good record; ``None`` when anything about it is not plainly good."""
        metric = self.metrics.get(record.metric)
        subject = self.organizations.get(record.subject)
        source = self.sources.get(record.source)
        program = None if record.program is None else self.programs.get(record.program)
        if metric is None or subject is None or source is None:
            return None
        if record.program is not None and program is None:
            return None
        period = self._period(record.period, metric)
        if period is None:
            return None
        if record.value is None:
            return self.put_together(record, subject, metric, source, program, period, None, None)
        value = self.value(record.value)
        if value is None:
            return None
        return self.put_together(record, subject, metric, source, program, period, value, record.value.unit)

    def put_together(  # noqa: PLR0913, PLR0917 - the parts of a claim, in their order
        self,
        record: ClaimRecord,
        subject: Organization,
        metric: Metric,
        source: Source,
        program: Program | None,
        period: Period,
        value: ReportedValue | None,
        unit: str | None,
    ) -> Claim | None:
        """The claim of ``record`` with the parts already built; ``None`` when it is not plainly good.

        ``subject``, ``metric``, ``source``, ``program`` and ``period`` are built and checked by
        the caller (the record's own ids and period text are not looked at); ``value`` is
        one :meth:`value` built, or ``None``, and ``unit`` names its unit. What is left is checked
        here: the modality, whether the metric takes the value, the ids, the quote, the span,
        the locator and the attribution.
        """
        modality = _MODALITIES.get(record.modality)
        if modality is None:
            return None
        if value is None:
            if metric.kind is not QuantityKind.QUALITATIVE:
                return None
        elif unit is None or not self._fits(metric, unit):  # a qualitative metric takes no unit (_fits)
            return None
        try:
            # the checks of Citation.__init__ and Claim.__init__ that the parts do not settle:
            # the subject, metric, source and program are built and checked, the modality is a member,
            # the value is one the metric takes, or None for a qualitative metric
            _CHECK_QUOTE(record.quote)
            if record.locator is not None:
                _CHECK_LOCATOR(record.locator)
            _CHECK_ID(record.id)
            if record.attribution not in self.texts:
                _CHECK_ATTRIBUTION(record.attribution)
                self.texts.add(record.attribution)
            if record.restates is not None:
                _CHECK_RESTATES(record.restates)
                if record.restates == record.id:
                    return None  # a claim that restates itself: told on the checked path
            citation = _new(Citation)
            _SOURCE(citation, source)
            _QUOTE(citation, record.quote)
            _SPAN(citation, record.span)  # a tuple of two whole numbers already, as Citation's converter makes it
            _LOCATOR(citation, record.locator)
            citation.__attrs_post_init__()  # the span: ordered, and as long as the quote
        except Exception:  # noqa: BLE001 - told apart, field by field, on the checked path
            return None
        claim = _new(Claim)
        _ID(claim, record.id)
        _SUBJECT(claim, subject)
        _METRIC(claim, metric)
        _VALUE(claim, value)
        _PERIOD(claim, period)
        _CITATION(claim, citation)
        _PROGRAM(claim, program)
        _ATTRIBUTION(claim, record.attribution)
        _MODALITY(claim, modality)
        _NOTE(claim, record.note)
        _RESTATES(claim, record.restates)
        return claim

    def _period(self, text: str, metric: Metric) -> Period | None:
        """The period ``text`` names for ``metric``, read once a run; ``None`` when it is bad."""
        key = (text, metric.temporal)
        period = self.periods.get(key)
        if period is None:
            try:
                period = fit_period(text, parse_period(text), metric)
            except Exception:  # noqa: BLE001 - reported on the checked path
                return None
            self.periods[key] = period
        return period

    def value(self, record: ValueRecord) -> ReportedValue | None:
        """The value of a good value record, one object for each distinct record of a run; ``None`` when it is bad."""
        value = self.values.get(record)
        if value is None:
            qualifier = _QUALIFIERS.get(record.qualifier)
            if qualifier is None:
                return None
            try:
                unit = self.units.get(record.unit)
                if unit is None:
                    unit = self.units[record.unit] = unit_facts(record.unit)
                value = value_of_figures(
                    record.amount,
                    unit,
                    qualifier,
                    upper=record.upper,
                    precision=record.precision,
                    tolerance=record.tolerance,
                )
            except Exception:  # noqa: BLE001 - reported on the checked path
                return None
            self.values[record] = value
        return value

    def _fits(self, metric: Metric, unit_name: str) -> bool:
        """Whether ``metric`` takes the unit named ``unit_name`` (a unit :meth:`value` has read), once a run."""
        key = (metric.kind, metric.count_of, unit_name)  # all that Metric.accepts looks at
        fits = self.fits.get(key)
        if fits is None:
            unit = self.units.get(unit_name)
            if unit is None:
                return False  # not read by value(): told on the checked path
            fits = self.fits[key] = metric_takes(metric, unit)
        return fits
