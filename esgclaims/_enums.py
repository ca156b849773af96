"""The closed vocabularies of the model: kinds of organization and quantity, temporal natures, match levels, modalities.

Each is an enum whose value is the word a claim file writes; each has one converter
that takes a member or its word, and names the options otherwise.
"""

from __future__ import annotations

import enum
from typing import TypeVar

from ._errors import InvalidClaimError, suggestion

__all__ = [
    "Match",
    "Modality",
    "OrganizationKind",
    "QuantityKind",
    "Temporal",
    "to_match",
    "to_modality",
    "to_organization_kind",
    "to_quantity_kind",
    "to_temporal",
]


class _Named(enum.Enum):
    def __repr__(self) -> str:
        return f"{type(self).__name__}.{self.name}"

    def __str__(self) -> str:
        return str(self.value)


_EnumT = TypeVar("_EnumT", bound=enum.Enum)


def _choice(enum_type: type[_EnumT], field: str, value: _EnumT | str) -> _EnumT:
    """Take a member or its value, and name the options otherwise (for the converters below)."""
    if isinstance(value, enum_type):
        return value
    try:
        return enum_type(value)
    except ValueError:
        names = ", ".join(str(member.value) for member in enum_type)
        raise InvalidClaimError(f"{field} must be one of {names}, got {value!r}") from None


class OrganizationKind(_Named):
    """What sort of body an organization is."""

    COMPANY = "company"
    FOUNDATION = "foundation"
    PLATFORM = "platform"
    GOVERNMENT = "government"
    OTHER = "other"


class QuantityKind(_Named):
    """The kind of quantity a metric accepts."""

    MONEY = "money"
    COUNT = "count"
    SHARE = "share"
    """A part of a whole, in percent: at most 100 %."""
    RATIO = "ratio"
    """A level relative to a reference, which may exceed 100 %: "112 % of the water used" (unit
    ``ratio_percent``), or a bare multiple (``dimensionless``). Percent up to 100 % is accepted too."""
    MASS = "mass"
    ENERGY = "energy"
    POWER = "power"
    EMISSIONS = "emissions"
    VOLUME = "volume"
    AREA = "area"
    DISTANCE = "distance"
    TIME = "time"
    """A duration: volunteer hours, days lost."""
    CONCENTRATION = "concentration"
    """Mass per volume: mg/L in water quality."""
    QUALITATIVE = "qualitative"


class Temporal(_Named):
    """How a metric relates to time."""

    FLOW = "flow"
    """An amount over a period: donations in 2020."""
    CUMULATIVE = "cumulative"
    """A running total up to a date: counties helped as of 30 Sep 2020."""
    STOCK = "stock"
    """A level or share at an instant: share of rural employees."""
    EVENT = "event"
    """Something that happened (qualitative): an award, a founding."""


class Match(_Named):
    """How closely a metric matches a framework disclosure."""

    EXACT = "exact"
    CLOSE = "close"
    BROAD = "broad"


class Modality(_Named):
    """Whether a claim reports, promises or aims."""

    ACHIEVEMENT = "achievement"
    COMMITMENT = "commitment"
    TARGET = "target"


# One named converter per enum field: mypy's attrs plugin reads only named functions.
def to_organization_kind(value: OrganizationKind | str) -> OrganizationKind:
    return _choice(OrganizationKind, "kind", value)


def to_quantity_kind(value: QuantityKind | str) -> QuantityKind:
    if isinstance(value, str) and value not in QuantityKind._value2member_map_:
        names = [str(member.value) for member in QuantityKind]
        hint = suggestion("kinds", value, names)
        raise InvalidClaimError(f"kind must be one of {', '.join(names)}, got {value!r}{hint}")
    return _choice(QuantityKind, "kind", value)


def to_temporal(value: Temporal | str) -> Temporal:
    return _choice(Temporal, "temporal", value)


def to_match(value: Match | str) -> Match:
    return _choice(Match, "match", value)


def to_modality(value: Modality | str) -> Modality:
    return _choice(Modality, "modality", value)
