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

import importlib
from typing import TYPE_CHECKING, Any

from ._claimset import ClaimSet
from ._errors import (
    ArgumentTypeError,
    ClaimNotFoundError,
    ComparisonError,
    ConversionTypeError,
    CurrencyError,
    DatasetNotFoundError,
    EsgClaimsError,
    EsgClaimsWarning,
    FieldTypeError,
    FileFormatError,
    FileReadError,
    FileWriteError,
    InvalidClaimError,
    InvalidRateError,
    InvalidValueError,
    LoadError,
    MissingExtraError,
    MissingFieldError,
    MissingRateError,
    PeriodError,
    RateMismatchError,
    RateMismatchWarning,
    RateNotFoundError,
    RecordError,
    UnitError,
    UnknownFieldError,
    UnknownReferenceError,
    ValueParseError,
)
from ._format import format_quantity
from ._io.datasets import DATASETS, load_dataset
from ._io.load import load
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
from ._values import DEFAULT_TOLERANCE, Qualifier, ReportedValue

if TYPE_CHECKING:
    from ._compare.compare import Comparison, Order, compare
    from ._compare.consistency import Alignment, Consistency, Finding, Pair
    from ._compare.derived import Derived, annualise, ratio, share_of
    from ._extract.candidates import Candidate, Change, Direction
    from ._extract.pipeline import extract
    from ._fx.convert import Conversion, convert
    from ._fx.rate import FxRate, RateKind, RateSource
    from ._fx.table import RateTable, reference_rates
    from ._interchange.datapackage import to_datapackage
    from ._interchange.duckdb import check_duckdb
    from ._interchange.xbrl import to_xbrl_json
    from ._interval import Interval
    from ._io.dump import dump
    from ._io.locate import LocatedQuotes, locate_quotes
    from ._parse_value import parse_value
    from ._units.names import parse_unit, quantity, register_count_kind
    from ._units.registry import ureg

# Comparison, currencies, extraction, intervals, writing files, reading values and pint itself (the
# registry and the unit functions) are imported on first use (PEP 562), so that ``import esgclaims``
# and loading a dataset import no pint: a loaded value becomes a pint quantity when first read.
_LAZY = {
    "Candidate": "._extract.candidates",
    "Change": "._extract.candidates",
    "Direction": "._extract.candidates",
    "Comparison": "._compare.compare",
    "Derived": "._compare.derived",
    "Order": "._compare.compare",
    "annualise": "._compare.derived",
    "compare": "._compare.compare",
    "ratio": "._compare.derived",
    "share_of": "._compare.derived",
    "Alignment": "._compare.consistency",
    "Consistency": "._compare.consistency",
    "Finding": "._compare.consistency",
    "Pair": "._compare.consistency",
    "check_duckdb": "._interchange.duckdb",
    "Conversion": "._fx.convert",
    "convert": "._fx.convert",
    "extract": "._extract.pipeline",
    "Interval": "._interval",
    "FxRate": "._fx.rate",
    "RateKind": "._fx.rate",
    "RateSource": "._fx.rate",
    "RateTable": "._fx.table",
    "reference_rates": "._fx.table",
    "to_xbrl_json": "._interchange.xbrl",
    "to_datapackage": "._interchange.datapackage",
    "dump": "._io.dump",
    "LocatedQuotes": "._io.locate",
    "locate_quotes": "._io.locate",
    "parse_value": "._parse_value",
    "parse_unit": "._units.names",
    "quantity": "._units.names",
    "register_count_kind": "._units.names",
    "ureg": "._units.registry",
}

__version__ = "0.1.0.dev0"

__all__ = [  # noqa: RUF022 - grouped by topic, sorted within each group
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
    "check_duckdb",
    "compare",
    "ratio",
    "share_of",
    # currencies
    "Conversion",
    "FxRate",
    "RateKind",
    "RateSource",
    "RateTable",
    "convert",
    "reference_rates",
    "ConversionTypeError",
    "CurrencyError",
    "EsgClaimsWarning",
    "InvalidRateError",
    "MissingRateError",
    "RateMismatchError",
    "RateMismatchWarning",
    "RateNotFoundError",
    # files and datasets
    "DATASETS",
    "LocatedQuotes",
    "dump",
    "load",
    "load_dataset",
    "to_xbrl_json",
    "to_datapackage",
    "locate_quotes",
    # extraction
    "Candidate",
    "Change",
    "Direction",
    "extract",
    # errors
    "ArgumentTypeError",
    "ClaimNotFoundError",
    "ComparisonError",
    "DatasetNotFoundError",
    "EsgClaimsError",
    "FieldTypeError",
    "FileFormatError",
    "FileReadError",
    "FileWriteError",
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


def _publish(obj: object) -> None:
    """Show the public face in reprs, tracebacks and docs: esgclaims.Claim, not esgclaims._model.Claim."""
    if getattr(obj, "__module__", "").startswith(f"{__name__}._"):
        try:  # noqa: SIM105 - contextlib would be one more import on the cold path
            obj.__module__ = __name__
        except (AttributeError, TypeError):
            pass


for _name in __all__:
    if _name not in _LAZY:
        _publish(globals()[_name])
del _name


def __getattr__(name: str) -> Any:  # noqa: ANN401 - any public object
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    imported = importlib.import_module(module, __name__)
    for sibling, home in _LAZY.items():  # publish the whole module at once
        if home == module:
            _publish(getattr(imported, sibling))
            globals()[sibling] = getattr(imported, sibling)
    return globals()[name]


def __dir__() -> list[str]:
    return sorted(__all__)
