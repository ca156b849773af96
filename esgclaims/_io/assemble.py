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
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from esgclaims._model import Citation, Claim, Metric, Modality, QuantityKind
from esgclaims._parse_period import parse_period
from esgclaims._units import parse_unit
from esgclaims._values import Qualifier, ReportedValue, value_of_figures

from .fields import fit_period

if TYPE_CHECKING:
    from esgclaims._enums import Temporal
    from esgclaims._periods import Period
    from esgclaims._units import Unit

    from .records import ClaimRecord, ValueRecord
    from .resolve import Resolver

__all__ = ["ClaimAssembler"]

_MODALITIES = {member.value: member for member in Modality}
_QUALIFIERS = {member.value: member for member in Qualifier}
_CLAIM = attrs.fields(Claim)
_CITATION = attrs.fields(Citation)
# Each field's slot setter, in field order: a field added to the model and not given here fails every
# load (zip(strict=True) in _put_together), rather than being left out silently.
_CLAIM_SETTERS = tuple(getattr(Claim, field.name).__set__ for field in _CLAIM)  # each slot's own setter
_CITATION_SETTERS = tuple(getattr(Citation, field.name).__set__ for field in _CITATION)
_T = TypeVar("_T")
_Setter = Callable[[object, object], None]


def _check(attribute: attrs.Attribute[Any], value: object) -> None:
    """Run the validator of one of the model's fields on ``value``."""
    assert attribute.validator is not None  # noqa: S101 - called for fields that have one
    attribute.validator(None, attribute, value)


class ClaimAssembler:
    """The claims of good records, built from a :class:`~esgclaims._io.resolve.Resolver`'s tables; ``None`` for others.

    One assembler serves one run of the loader: what it keeps is what that file's
    claims share.
    """

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self.periods: dict[tuple[str, Temporal], Period] = {}
        self.units: dict[str, Unit] = {}
        self.values: dict[ValueRecord, ReportedValue] = {}
        self.fits: dict[tuple[str, str], bool] = {}  # (metric id, unit name) -> whether the metric takes the unit
        self.texts: set[str] = set()  # attributions found good

    def claim(self, record: ClaimRecord) -> Claim | None:
        """The claim of a good record; ``None`` when anything about it is not plainly good."""
        resolver = self.resolver
        metric = resolver.metrics.get(record.metric)
        subject = resolver.organizations.get(record.subject)
        source = resolver.sources.get(record.source)
        program = None if record.program is None else resolver.programs.get(record.program)
        modality = _MODALITIES.get(record.modality)
        if metric is None or subject is None or source is None or modality is None:
            return None
        if record.program is not None and program is None:
            return None
        period = self._period(record.period, metric)
        if period is None:
            return None
        if record.value is None:
            value = None
            if metric.kind is not QuantityKind.QUALITATIVE:
                return None
        else:
            value = self._value(record.value)  # a qualitative metric takes no unit (_fits)
            if value is None or not self._fits(metric, record.value.unit):
                return None
        try:
            citation = self._citation(record, source)
            self._check_claim(record)
        except Exception:  # noqa: BLE001 - told apart, field by field, on the checked path
            return None
        parts = (
            record.id,
            subject,
            metric,
            value,
            period,
            citation,
            program,
            record.attribution,
            modality,
            record.note,
            record.restates,
        )
        return _put_together(Claim, _CLAIM_SETTERS, parts)

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

    def _value(self, record: ValueRecord) -> ReportedValue | None:
        """The value of a good value record, one object for each distinct record of a run; ``None`` when it is bad."""
        value = self.values.get(record)
        if value is None:
            qualifier = _QUALIFIERS.get(record.qualifier)
            if qualifier is None:
                return None
            try:
                unit = self.units.get(record.unit)
                if unit is None:
                    unit = self.units[record.unit] = parse_unit(record.unit)
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
        """Whether ``metric`` takes the unit named ``unit_name`` (a unit :meth:`_value` has read), once a run."""
        key = (metric.id, unit_name)
        fits = self.fits.get(key)
        if fits is None:
            fits = self.fits[key] = metric.accepts(self.units[unit_name])
        return fits

    def _citation(self, record: ClaimRecord, source: object) -> Citation:
        """The record's citation; the checks of ``Citation.__init__`` run on the quote, locator and span."""
        _check(_CITATION.quote, record.quote)
        if record.locator is not None:
            _check(_CITATION.locator, record.locator)
        # record.span is a tuple of two whole numbers already, as the span converter makes it
        citation = _put_together(Citation, _CITATION_SETTERS, (source, record.quote, record.span, record.locator))
        citation.__attrs_post_init__()  # the span: ordered, and as long as the quote
        return citation

    def _check_claim(self, record: ClaimRecord) -> None:
        """The checks of ``Claim.__init__`` that the claim's resolved parts do not settle already.

        Settled already: the subject, metric, source and program are the file's own,
        the modality is a member, the value is a value or ``None`` as the metric needs,
        and one the metric takes (:meth:`_fits`).
        """
        _check(_CLAIM.id, record.id)
        if record.attribution not in self.texts:
            _check(_CLAIM.attribution, record.attribution)
            self.texts.add(record.attribution)
        if record.restates is not None:
            _check(_CLAIM.restates, record.restates)
            if record.restates == record.id:
                raise ValueError("a claim that restates itself")  # told on the checked path


def _put_together(cls: type[_T], setters: tuple[_Setter, ...], values: tuple[object, ...]) -> _T:
    """An instance of the attrs class ``cls`` holding ``values``, set by its slots' ``setters``; nothing else runs."""
    made = object.__new__(cls)
    for setter, value in zip(setters, values, strict=True):
        setter(made, value)
    return made
