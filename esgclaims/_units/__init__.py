"""The curated unit registry and the strict unit-name lookup.

esgclaims builds its own :class:`pint.UnitRegistry` from ``units.txt``, shipped in
the package. It never touches pint's application registry or global contexts.
:mod:`.registry` builds it; :mod:`.names` reads unit names, makes exact quantities
and registers the count kinds a user adds.

pint is imported, and the registry built, when one of those is first used (PEP 562):
loading claims needs neither. :mod:`.facts` reads units.txt itself for what a
claim's checks ask of a unit, and :mod:`.exact` reads figures.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .exact import plain, to_decimal
from .facts import UnitFacts, facts_named

if TYPE_CHECKING:
    from .names import (
        count_kind_of,
        count_kinds,
        dimension_names,
        facts_of,
        find_unit,
        parse_unit,
        quantity,
        register_count_kind,
        registered_count_kind,
    )
    from .registry import (
        DIMENSIONLESS,
        PERCENT,
        SCALE_UNITS,
        Quantity,
        Unit,
        aliases_of,
        converted,
        currency_of,
        decimal_quantity,
        is_share,
        quantity_like,
        shared_unit,
        unit_name,
        unit_of,
        unit_powers,
        ureg,
        without,
        without_scales,
    )

__all__ = [
    "DIMENSIONLESS",
    "PERCENT",
    "SCALE_UNITS",
    "Quantity",
    "Unit",
    "UnitFacts",
    "aliases_of",
    "converted",
    "count_kind_of",
    "count_kinds",
    "currency_of",
    "decimal_quantity",
    "dimension_names",
    "facts_named",
    "facts_of",
    "find_unit",
    "is_share",
    "parse_unit",
    "plain",
    "quantity",
    "quantity_like",
    "register_count_kind",
    "registered_count_kind",
    "shared_unit",
    "to_decimal",
    "unit_facts",
    "unit_name",
    "unit_of",
    "unit_powers",
    "ureg",
    "without",
    "without_scales",
]

#: The names the pint modules give, which are imported on first use.
_PINT_MODULES = (".names", ".registry")


def __getattr__(name: str) -> Any:  # noqa: ANN401 - any name of the pint modules
    """A name of the pint modules: both are imported, and all their names kept here, at the first."""
    if name not in __all__ or name.startswith("__"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    for module_name in _PINT_MODULES:
        module = importlib.import_module(module_name, __name__)
        globals().update({key: getattr(module, key) for key in module.__all__ if key in __all__})
    return globals()[name]


def unit_facts(text: str) -> UnitFacts:
    """The facts of the unit ``text`` names, as :func:`parse_unit` reads it; from units.txt when it names one there.

    Raises what :func:`parse_unit` raises; pint is imported only for a unit units.txt does not name.

    Examples:
        >>> unit_facts("households").count_kind, unit_facts("CNY / household").dimensions
        ('household', (('[currency_CNY]', 1), ('[household]', -1)))
    """
    facts = facts_named(text) if isinstance(text, str) else None
    if facts is None:
        from .names import facts_of, parse_unit  # noqa: PLC0415 - pint, imported for a unit units.txt does not name

        facts = facts_of(parse_unit(text))
    return facts
