"""Every public function and constructor of ``esgclaims.__all__``, given a wrong-typed argument.

Each argument in turn gets None, bytes, an int, a list and a bare object while the
others stay valid: the call raises an :class:`esgclaims.EsgClaimsError` (most often
:class:`esgclaims.ArgumentTypeError` naming the argument) or accepts a value it
documents, never a bare ``TypeError``, ``AttributeError`` or ``ValueError``.
Enums (``Modality(None)``: the enum protocol's ``ValueError``), the exceptions and
``ureg`` (pint's own registry) are not ours to check.
"""

from __future__ import annotations

import enum
import inspect
import tempfile
from pathlib import Path
from typing import Any

import attrs
import pytest

import esgclaims
from tests.adversarial.tally import TALLY

_FOLDER = Path(tempfile.mkdtemp(prefix="esgclaims-wrong-types-"))
CLAIMS = esgclaims.load_dataset("jd-2020")
CLAIM = CLAIMS.claims[0]
MONEY = next(claim for claim in CLAIMS if claim.value is not None and claim.value.units == esgclaims.parse_unit("CNY"))
MONEY_VALUE = MONEY.value
assert MONEY_VALUE is not None
RATE = next(rate for rate in esgclaims.reference_rates().rates if (rate.base, rate.quote) == ("USD", "CNY"))
CANDIDATE = esgclaims.extract("In 2022, we donated RMB 5 million, 10% more than in 2021.")[0]

#: Valid keyword arguments of each public function.
FUNCTIONS: dict[str, dict[str, Any]] = {
    "format_quantity": {"value": esgclaims.quantity("5", "t")},
    "parse_unit": {"text": "t"},
    "parse_value": {"text": "5 t", "tolerance": None},
    "quantity": {"amount": "5", "unit": "t"},
    "register_count_kind": {"name": "adversary", "plural": "adversaries"},
    "parse_date": {"text": "2020-01-31"},
    "parse_period": {"text": "2020"},
    "annualise": {"claim": CLAIM},
    "compare": {"a": CLAIM, "b": CLAIM, "rounding": False},
    "ratio": {"a": CLAIM, "b": CLAIM, "rounding": False},
    "share_of": {"part": CLAIM, "whole": CLAIM, "rounding": False},
    "convert": {"value": MONEY_VALUE, "currency": "USD", "rate": RATE, "strict": True},
    "dump": {"claims": CLAIMS, "path": _FOLDER / "out.json"},
    "load": {"path": _FOLDER / "out.json"},
    "load_dataset": {"name": "jd-2020"},
    "to_xbrl_json": {"claims": CLAIMS, "path": _FOLDER / "xbrl" / "report.json"},
    "to_datapackage": {"claims": CLAIMS, "directory": _FOLDER / "package"},
    "extract": {"text": "In 2020, we helped 110 counties.", "source": None, "organizations": ()},
    "locate_quotes": {"claims": CLAIMS, "text": "no quote of the dataset is in this text"},
}
(_FOLDER / "xbrl").mkdir()
esgclaims.dump(CLAIMS, _FOLDER / "out.json")

#: An instance of each public attrs class: its fields are the constructor's valid arguments.
INSTANCES: list[object] = [
    CLAIM,
    CLAIM.citation,
    CLAIM.citation.source,
    CLAIM.subject,
    CLAIM.metric,
    esgclaims.FrameworkTag("GRI", "201-1"),
    esgclaims.Program("p", "A program", CLAIM.subject),
    esgclaims.ReportedValue.__new__(esgclaims.ReportedValue),  # replaced below: its fields
    esgclaims.PartialDate(2020, 1, 31),
    esgclaims.CalendarYear(2020),
    esgclaims.FiscalYear(2020),
    esgclaims.HalfYear(2020, 1),
    esgclaims.Quarter(2020, 1),
    esgclaims.AsOf(esgclaims.PartialDate(2020, 12, 31)),
    esgclaims.Span(esgclaims.PartialDate(2018), esgclaims.PartialDate(2020)),
    RATE,
    RATE.source,
    esgclaims.compare(CLAIM, CLAIM),
    esgclaims.ratio(MONEY, MONEY),
    esgclaims.convert(MONEY_VALUE, "USD", RATE),
    CANDIDATE,
    esgclaims.locate_quotes(CLAIMS, "no quote of the dataset is in this text"),
]
INSTANCES[7] = MONEY_VALUE
CHANGE = next((candidate.change for candidate in esgclaims.extract("Donations rose 10% on 2021.")), None)
if CHANGE is not None:
    INSTANCES.append(CHANGE)
INSTANCES.append(esgclaims.Interval(esgclaims.quantity("1", "t"), esgclaims.quantity("2", "t")))

WRONG: list[object] = [None, b"x", 5, [1], object()]


def _calls() -> list[tuple[str, Any, dict[str, Any]]]:
    """(name, callable, valid keyword arguments) for every public function and attrs class."""
    calls: list[tuple[str, Any, dict[str, Any]]] = [
        (name, getattr(esgclaims, name), arguments) for name, arguments in FUNCTIONS.items()
    ]
    for instance in INSTANCES:
        cls = type(instance)
        assert attrs.has(cls)
        arguments = {field.alias: getattr(instance, field.name) for field in attrs.fields(cls) if field.init}
        calls.append((cls.__name__, cls, arguments))
    calls.append(("ClaimSet", esgclaims.ClaimSet, {"claims": CLAIMS.claims}))
    calls.append(("RateTable", esgclaims.RateTable, {"rates": [RATE]}))
    return calls


def test_every_public_callable_is_checked() -> None:
    """A new public function or class is added to the tables above, or to the excluded kinds."""
    checked = {name for name, _, _ in _calls()} | {"Period", "UnknownPeriod", "Alignment", "Finding", "Pair"}
    for name in esgclaims.__all__:
        member = getattr(esgclaims, name)
        excluded = not callable(member) or (isinstance(member, type) and issubclass(member, (BaseException, enum.Enum)))
        assert excluded or name in {"ureg", "reference_rates", "check_duckdb"} or name in checked, name


def test_a_wrong_typed_argument_is_an_esgclaims_error() -> None:
    bare: list[str] = []
    for name, function, valid in _calls():
        parameters = inspect.signature(function).parameters
        for argument in valid:
            default = parameters[argument].default
            for wrong in WRONG:
                if wrong is None and default is None:
                    continue  # None is what the argument takes when it is left out
                arguments = {**valid, argument: wrong}
                try:
                    function(**arguments)
                except esgclaims.EsgClaimsError:
                    TALLY["wrong type: located error"] += 1
                except Exception as error:  # noqa: BLE001 - collected, then reported together
                    TALLY["wrong type: bare exception"] += 1
                    bare.append(f"{name}({argument}={wrong!r}): {type(error).__name__}: {error}")
                else:
                    TALLY["wrong type: accepted"] += 1
    assert not bare, "\n".join(bare)


@pytest.mark.parametrize("wrong", WRONG, ids=lambda wrong: type(wrong).__name__)
@pytest.mark.parametrize("method", ["filter", "get"])
def test_a_claim_set_method_given_a_wrong_type_is_an_esgclaims_error(method: str, wrong: object) -> None:
    try:
        getattr(CLAIMS, method)(wrong)
    except esgclaims.EsgClaimsError:
        TALLY["wrong type: located error"] += 1
    else:
        TALLY["wrong type: accepted"] += 1
