"""esgclaims: typed, exact, unit-aware ESG claims.

Each claim keeps who claims it, the qualifier ("more than", "around"), the unit,
the period and the sentence it came from. Start with
``esgclaims.load_dataset("jd-2020")``, :func:`parse_value` and :func:`parse_period`.

Examples:
    >>> import esgclaims
    >>> claims = esgclaims.load_dataset("jd-2020")
    >>> households = claims["jd-2020/impoverished-households-income-increased"]
    >>> households.value.qualifier, households.value.low, households.value.high
    (Qualifier.MORE_THAN, <Quantity(1000000, 'household')>, None)
"""

from ._claimset import ClaimSet
from ._compare import Comparison, ComparisonError, Derived, Order, annualise, compare, ratio, share_of
from ._consistency import Alignment, Consistency, Finding, Pair
from ._datasets import DATASETS, load_dataset
from ._display import format_quantity
from ._errors import (
    DatasetNotFoundError,
    EsgClaimsError,
    FieldTypeError,
    FileFormatError,
    FileReadError,
    InvalidClaimError,
    InvalidValueError,
    LoadError,
    MissingExtraError,
    MissingFieldError,
    PeriodError,
    RecordError,
    UnitError,
    UnknownFieldError,
    UnknownReferenceError,
    ValueParseError,
)
from ._files import dump, load
from ._interval import Interval
from ._model import (
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
from ._parse_period import parse_date, parse_period
from ._parse_value import parse_value
from ._periods import (
    AsOf,
    CalendarYear,
    FiscalYear,
    HalfYear,
    PartialDate,
    Period,
    PeriodRelation,
    Quarter,
    Span,
    UnknownPeriod,
)
from ._units import parse_unit, quantity, register_count_kind, ureg
from ._values import DEFAULT_TOLERANCE, Qualifier, ReportedValue

__version__ = "0.1.0.dev0"

__all__ = [
    # the model
    "Citation",
    "Claim",
    "ClaimSet",
    "FrameworkTag",
    "Match",
    "Metric",
    "Modality",
    "Organization",
    "OrganizationKind",
    "Program",
    "QuantityKind",
    "Source",
    "Temporal",
    # values and units
    "DEFAULT_TOLERANCE",
    "Interval",
    "Qualifier",
    "ReportedValue",
    "format_quantity",
    "parse_unit",
    "parse_value",
    "quantity",
    "register_count_kind",
    "ureg",
    # periods
    "AsOf",
    "CalendarYear",
    "FiscalYear",
    "HalfYear",
    "PartialDate",
    "Period",
    "PeriodRelation",
    "Quarter",
    "Span",
    "UnknownPeriod",
    "parse_date",
    "parse_period",
    # comparing
    "Alignment",
    "Comparison",
    "Consistency",
    "Derived",
    "Finding",
    "Order",
    "Pair",
    "annualise",
    "compare",
    "ratio",
    "share_of",
    # files and datasets
    "DATASETS",
    "dump",
    "load",
    "load_dataset",
    # errors
    "ComparisonError",
    "DatasetNotFoundError",
    "EsgClaimsError",
    "FieldTypeError",
    "FileFormatError",
    "FileReadError",
    "InvalidClaimError",
    "InvalidValueError",
    "LoadError",
    "MissingExtraError",
    "MissingFieldError",
    "PeriodError",
    "RecordError",
    "UnitError",
    "UnknownFieldError",
    "UnknownReferenceError",
    "ValueParseError",
]

# Show the public face in reprs, tracebacks and docs: esgclaims.Claim, not esgclaims._model.Claim.
for _name in __all__:
    _obj = globals()[_name]
    if getattr(_obj, "__module__", "").startswith("esgclaims._"):
        try:
            _obj.__module__ = __name__
        except (AttributeError, TypeError):
            pass
del _name, _obj


def __dir__() -> list[str]:
    return sorted(__all__)
