"""The curated unit registry and the strict unit-name lookup.

esgclaims builds its own :class:`pint.UnitRegistry` from ``units.txt``, shipped in
the package. It never touches pint's application registry or global contexts.
:mod:`.registry` builds it; :mod:`.names` reads unit names, makes exact quantities
and registers the count kinds a user adds.
"""

from .names import (
    count_kind_of,
    count_kinds,
    dimension_names,
    find_unit,
    parse_unit,
    plain,
    quantity,
    register_count_kind,
    registered_count_kind,
    to_decimal,
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
    "aliases_of",
    "converted",
    "count_kind_of",
    "count_kinds",
    "currency_of",
    "decimal_quantity",
    "dimension_names",
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
    "unit_name",
    "unit_of",
    "unit_powers",
    "ureg",
    "without",
    "without_scales",
]
