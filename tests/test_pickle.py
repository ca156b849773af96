"""Pickling, copying and process pools: every public object leaves the process and comes back equal.

pint rebuilds an unpickled quantity in its *application* registry, which has no CNY
or county; esgclaims' registry reduces its quantities and units to reconstructors of
its own (esgclaims._units), so a claim crosses into a fresh interpreter or a pool worker.
"""

from __future__ import annotations

import copy
import errno
import multiprocessing
import pickle
import subprocess
import sys
import textwrap
import uuid
import warnings
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
import pint
import pytest

import esgclaims
from esgclaims import (
    ClaimSet,
    FxRate,
    Interval,
    RateSource,
    ReportedValue,
    Source,
    compare,
    parse_date,
    parse_period,
    parse_unit,
    quantity,
    register_count_kind,
    ureg,
)
from esgclaims._errors import LoadError, RecordError, UnknownFieldError

if TYPE_CHECKING:
    from collections.abc import Callable

_T = TypeVar("_T")
ROOT = Path(__file__).resolve().parents[1]
CLAIMS = esgclaims.load_dataset("jd-2020")
SALES = CLAIMS["jd-2020/poverty-alleviation-sales"]
HOUSEHOLDS = CLAIMS["jd-2020/impoverished-households-income-increased"]
DONATIONS = CLAIMS["jd-2020/jd-foundation-donations"]
ONLINE = CLAIMS["jd-2020/online-donations-raised"]


def _restated(claim: esgclaims.Claim, words: str, claim_id: str, source: Source) -> esgclaims.Claim:
    citation = attrs.evolve(claim.citation, source=source)
    return attrs.evolve(claim, id=claim_id, value=esgclaims.parse_value(words), citation=citation)


def _public_objects() -> list[tuple[str, object]]:
    """One object of each public type, and the parts a claim is made of."""
    press = Source("jd-press", "Press release (constructed)", "JD.com")
    release = ClaimSet([_restated(DONATIONS, "RMB 150 million", "press/donations", press)])
    findings = (CLAIMS + release).check()
    alignment = CLAIMS.compare(CLAIMS.filter(subject="jd-foundation"))
    fed = RateSource("fed-h10", "Federal Reserve H.10", "Federal Reserve")
    rate = FxRate.annual_average("USD", "CNY", "6.9042", 2020, fed)
    text = "In 2022, Greenleaf Group donated around RMB 200 million yuan, up 38% year-on-year."
    candidates = esgclaims.extract(text)
    assert SALES.value is not None
    objects: list[tuple[str, object]] = [
        ("ClaimSet", CLAIMS),
        ("LocatedQuotes", esgclaims.locate_quotes(CLAIMS, "no quote of the dataset is in this text")),
        ("Claim", SALES),
        ("Citation", SALES.citation),
        ("Source", SALES.citation.source),
        ("Organization", SALES.subject),
        ("Program", next(claim.program for claim in CLAIMS if claim.program is not None)),
        ("Metric", SALES.metric),
        ("FrameworkTag", next(tag for claim in CLAIMS for tag in claim.metric.frameworks)),
        ("ReportedValue", SALES.value),
        ("Interval", SALES.value.interval),
        ("Interval open", Interval(quantity(3, "CNY"), None, low_closed=False)),
        ("Quantity", quantity("19770000.50", "RMB")),
        ("Quantity ratio", quantity("12.5", "CNY / household")),
        ("Quantity percent", quantity("38", "%")),
        ("Unit", parse_unit("kWh * t")),
        ("Unit dimensionless", parse_unit("dimensionless")),
        ("CalendarYear", parse_period("2020")),
        ("FiscalYear", parse_period("FY2020")),
        ("HalfYear", parse_period("H1 2020")),
        ("Quarter", parse_period("Q3 2020")),
        ("AsOf", parse_period("as of 31 December 2020")),
        ("Span", parse_period("2018-2020")),
        ("UnknownPeriod", esgclaims.UnknownPeriod()),
        ("PartialDate", parse_date("2020-03")),
        ("Qualifier", SALES.value.qualifier),
        ("PeriodRelation", esgclaims.PeriodRelation.EQUAL),
        ("Modality", SALES.modality),
        ("Temporal", SALES.metric.temporal),
        ("Comparison", compare(DONATIONS, ONLINE)),
        ("Order", compare(DONATIONS, ONLINE).order),
        ("Derived ratio", esgclaims.ratio(SALES, HOUSEHOLDS)),
        ("Derived share", esgclaims.share_of(ONLINE, DONATIONS)),
        ("Finding", findings[0]),
        ("Consistency", findings[0].status),
        ("Alignment", alignment),
        ("Pair", alignment.pairs[0]),
        ("RateSource", fed),
        ("FxRate", rate),
        ("RateKind", rate.kind),
        ("RateTable", esgclaims.reference_rates()),
        ("Conversion", esgclaims.convert(ReportedValue.of("100000000000", "CNY"), "USD", rate)),
        ("Candidate", candidates[0]),
        ("Candidate with change", candidates[1]),
        ("Change", candidates[1].change),
    ]
    return objects


def _errors() -> list[tuple[str, BaseException]]:
    """One error of each public error type, built as esgclaims raises it."""
    errors: list[tuple[str, BaseException]] = []
    for name in esgclaims.__all__:
        cls = getattr(esgclaims, name)
        if not (isinstance(cls, type) and issubclass(cls, BaseException)) or cls is LoadError:
            continue
        if issubclass(cls, RecordError):
            errors.append((name, cls("expected a unit, got 3", file="x.toml", record="claim 'a'", field="value.unit")))
        elif issubclass(cls, OSError):
            errors.append((name, cls(errno.ENOENT, "x.toml: no such file", "x.toml")))
        else:
            errors.append((name, cls(f"{name}: expected this, got that")))
    bad = UnknownFieldError("unknown field 'valu'", file="x.toml", record="claim 'a'", field="valu")
    errors.append(("LoadError", LoadError("x.toml: 1 bad record; nothing was loaded", [bad])))
    return errors


OBJECTS = _public_objects()
ERRORS = _errors()


def _round_trip(obj: _T) -> _T:
    """``obj`` pickled and unpickled in this process."""
    back: _T = pickle.loads(pickle.dumps(obj))  # noqa: S301 - bytes this test just made
    return back


def _ids(cases: list[tuple[str, Any]]) -> list[str]:
    return [name for name, _ in cases]


def test_every_public_type_has_a_case() -> None:
    """A public class (or enum) added to esgclaims.__all__ without a case here fails this test."""
    covered = {type(obj) for _, obj in OBJECTS} | {type(error) for _, error in ERRORS}
    public = [getattr(esgclaims, name) for name in esgclaims.__all__]
    classes = {obj for obj in public if isinstance(obj, type)}
    abstract = {esgclaims.Period, esgclaims.EsgClaimsWarning, esgclaims.RateMismatchWarning}
    missing = {cls.__name__ for cls in classes - abstract if cls not in covered}
    missing -= {"Direction", "Match", "OrganizationKind", "QuantityKind"}  # enums, below
    assert missing == set()


@pytest.mark.parametrize(
    "member",
    [
        esgclaims.Direction.INCREASE,
        esgclaims.Match.EXACT,
        esgclaims.OrganizationKind.COMPANY,
        esgclaims.QuantityKind.MONEY,
    ],
    ids=str,
)
def test_enum_members_unpickle_to_themselves(member: object) -> None:
    assert _round_trip(member) is member


@pytest.mark.parametrize(("name", "obj"), OBJECTS, ids=_ids(OBJECTS))
def test_pickle_round_trip_gives_an_equal_object_with_the_same_repr(name: str, obj: object) -> None:
    back = _round_trip(obj)
    assert type(back) is type(obj), name
    assert back == obj
    assert repr(back) == repr(obj)


@pytest.mark.parametrize("copier", [copy.copy, copy.deepcopy], ids=["copy", "deepcopy"])
@pytest.mark.parametrize(("name", "obj"), OBJECTS, ids=_ids(OBJECTS))
def test_copies_are_equal(name: str, obj: object, copier: Callable[[object], object]) -> None:
    duplicate = copier(obj)
    assert type(duplicate) is type(obj), name
    assert duplicate == obj
    assert repr(duplicate) == repr(obj)


@pytest.mark.parametrize(("name", "error"), ERRORS, ids=_ids(ERRORS))
def test_errors_pickle_and_copy_with_their_message(name: str, error: BaseException) -> None:
    for duplicate in (_round_trip(error), copy.copy(error), copy.deepcopy(error)):
        assert type(duplicate) is type(error), name
        assert str(duplicate) == str(error)
        assert repr(duplicate.args) == repr(error.args)  # a LoadError's errors are new objects: compared by repr


def test_record_error_keeps_its_fields() -> None:
    error = UnknownFieldError("unknown field 'valu'", file="x.toml", record="claim 'a'", field="valu")
    back = _round_trip(error)
    assert (back.problem, back.file, back.record, back.field) == ("unknown field 'valu'", "x.toml", "claim 'a'", "valu")


def test_unpickled_quantities_live_in_the_esgclaims_registry_with_exact_magnitudes() -> None:
    back = _round_trip(quantity("0.1", "CNY"))
    assert back._REGISTRY is ureg
    assert back.magnitude == Decimal("0.1")
    assert isinstance(back.magnitude, Decimal)
    assert back + quantity("0.2", "CNY") == quantity("0.3", "CNY")


def _new_kind() -> str:
    """A count kind no other test registered: a lower-case word."""
    return "kind_" + "".join(chr(ord("a") + int(digit, 16)) for digit in uuid.uuid4().hex[:8])


def test_a_registered_count_kind_travels_with_its_pickle() -> None:
    name = _new_kind()
    unit = register_count_kind(name, f"{name}_plural")
    value = quantity(7, f"{name}_plural")
    assert _round_trip(value) == quantity(7, unit)
    payload = pickle.dumps(value)
    script = f"""
        import pickle, sys
        value = pickle.loads(sys.stdin.buffer.read())
        import esgclaims
        print(repr(value), esgclaims.parse_unit("{name}_plural") == value.units)
    """
    assert _fresh(script, payload) == f"<Quantity(7, '{name}')> True"


def test_a_pickled_count_kind_that_is_another_unit_here_is_refused() -> None:
    name = _new_kind()
    payload = pickle.dumps(quantity(7, register_count_kind(name)))
    script = f"""
        import pickle, sys
        import esgclaims
        esgclaims.ureg.define("{name} = 3 * CNY")
        try:
            pickle.loads(sys.stdin.buffer.read())
        except esgclaims.UnitError as error:
            print(error)
    """
    assert _fresh(script, payload) == f"{name!r} is already a unit of [currency_CNY], not a count kind"


def _fresh(script: str, payload: bytes) -> str:
    """Run ``script`` in a new interpreter with ``payload`` on its standard input; its output, stripped."""
    result = subprocess.run(  # noqa: S603 - this interpreter, running this test's script
        [sys.executable, "-c", textwrap.dedent(script)],
        input=payload,
        capture_output=True,
        check=False,
        timeout=60,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode().strip()


def test_a_claim_set_unpickles_in_a_fresh_process_that_imported_esgclaims(tmp_path: Path) -> None:
    path = tmp_path / "claims.pickle"
    path.write_bytes(pickle.dumps(CLAIMS))
    script = f"""
        import pickle
        import esgclaims
        claims = pickle.loads(open({str(path)!r}, "rb").read())
        print(len(claims), claims == esgclaims.load_dataset("jd-2020"), repr(claims) == {repr(CLAIMS)!r})
    """
    assert _fresh(script, b"") == f"{len(CLAIMS)} True True"


def test_every_public_object_unpickles_in_a_fresh_process_to_the_same_repr(tmp_path: Path) -> None:
    cases = [*OBJECTS, *ERRORS]
    path = tmp_path / "objects.pickle"
    path.write_bytes(pickle.dumps([obj for _, obj in cases]))
    script = f"""
        import pickle
        import esgclaims
        for obj in pickle.loads(open({str(path)!r}, "rb").read()):
            print(type(obj).__name__, repr(obj).replace("\\n", " "))
    """
    expected = [f"{type(obj).__name__} {repr(obj).replace(chr(10), ' ')}" for _, obj in cases]
    assert _fresh(script, b"").splitlines() == expected


def test_a_quantity_unpickles_in_a_process_that_never_imported_esgclaims(tmp_path: Path) -> None:
    path = tmp_path / "quantity.pickle"
    path.write_bytes(pickle.dumps(quantity("19770000.50", "CNY / household")))
    script = f"""
        import pickle, sys
        assert "esgclaims" not in sys.modules
        value = pickle.loads(open({str(path)!r}, "rb").read())
        import esgclaims, pint
        print(repr(value), type(value.magnitude).__name__, value._REGISTRY is esgclaims.ureg)
        print(pint.get_application_registry().get() is esgclaims.ureg)
    """
    assert _fresh(script, b"") == "<Quantity(19770000.5, 'CNY / household')> Decimal True\nFalse"


def test_unpickling_leaves_pint_application_registry_alone() -> None:
    application = pint.get_application_registry()  # type: ignore[no-untyped-call]
    before = application.get()
    _round_trip(CLAIMS)
    assert application.get() is before
    assert before is not ureg


# ------------------------------------------------------------------ process pools

START_METHODS = [method for method in ("spawn", "fork") if method in multiprocessing.get_all_start_methods()]


def _in_pool(method: str, function: Callable[..., Any], arguments: list[Any], *, star: bool = False) -> list[Any]:
    """``pool.map`` (or ``starmap``) in a pool of two; a hang fails after 60 s instead of blocking."""
    with warnings.catch_warnings():
        # Python 3.12+ warns at fork() when the test process runs threads (another test's, or
        # a plugin's); the pool's workers only unpickle and run esgclaims, which takes no locks.
        warnings.filterwarnings("ignore", r"This process .* is multi-threaded", DeprecationWarning)
        pool = multiprocessing.get_context(method).Pool(2)
    try:
        result = (pool.starmap_async if star else pool.map_async)(function, arguments)
        values: list[Any] = result.get(timeout=60)
    except multiprocessing.TimeoutError:
        pytest.fail(f"the {method} pool did not answer within 60 s")
    finally:
        pool.terminate()  # the workers are done, or hang: stop them either way
        pool.join()
    return values


@pytest.mark.parametrize("method", START_METHODS)
def test_a_process_pool_loads_datasets(method: str) -> None:
    assert _in_pool(method, esgclaims.load_dataset, ["jd-2020", "jd-2020"]) == [CLAIMS, CLAIMS]


@pytest.mark.parametrize("method", START_METHODS)
def test_a_process_pool_compares_claims(method: str) -> None:
    pairs = [(DONATIONS, ONLINE), (SALES, SALES), (HOUSEHOLDS, SALES)]
    expected = [compare(a, b) for a, b in pairs]
    assert _in_pool(method, compare, pairs, star=True) == expected


@pytest.mark.parametrize("method", START_METHODS)
def test_an_error_in_a_pool_worker_reaches_the_caller(method: str) -> None:
    with pytest.raises(esgclaims.DatasetNotFoundError, match="no-such-dataset"):
        _in_pool(method, esgclaims.load_dataset, ["no-such-dataset"])
