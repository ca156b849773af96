"""register_count_kind: what it refuses, that a refusal changes nothing, and that it is safe across threads.

The unit registry is shared by the whole process, so every kind registered here has a
name no other test uses, and each refusal is followed by a check that the registry is
as it was.
"""

from __future__ import annotations

import sys
import threading
import time
import uuid
from typing import TYPE_CHECKING, Any

import pint
import pytest

import esgclaims
from esgclaims import (
    ArgumentTypeError,
    UnitError,
    ValueParseError,
    extract,
    parse_unit,
    parse_value,
    register_count_kind,
)
from esgclaims import ureg as registry

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator


def _new_kind() -> str:
    """A count kind no other test registers: lower-case letters only."""
    return "kind" + "".join(chr(ord("a") + int(digit, 16)) for digit in uuid.uuid4().hex[:10])


def _tables() -> tuple[object, ...]:
    """Everything pint keeps about units and dimensions, copied: equal before and after a refusal."""
    folded = {key: frozenset(names) for key, names in registry._units_casei.items() if names}
    root = registry._groups["root"].non_inherited_unit_names
    return dict(registry._units), dict(registry._dimensions), tuple(registry._base_units), folded, root


@pytest.fixture
def unchanged() -> Iterator[None]:
    """The registry's tables are the same after the test as before it."""
    before = _tables()
    yield
    assert _tables() == before


def _read(phrase: str) -> str:
    """What parse_value makes of a phrase, or the error it raises, as one comparable string."""
    try:
        return repr(parse_value(phrase))
    except ValueParseError as error:
        return f"{type(error).__name__}: {error}"


# --- refusals ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "plural", "message"),
    [
        # the plural went to pint's define() unchecked: this one defined a unit 'foo'
        (
            "widget",
            "widgets\nfoo = [bar]",
            "the plural of count kind 'widget' is a word of ASCII letters, got 'widgets\\nfoo = [bar]'",
        ),
        ("widget", "widget s", "the plural of count kind 'widget' is a word of ASCII letters, got 'widget s'"),
        ("widget", "widgets=x", "the plural of count kind 'widget' is a word of ASCII letters, got 'widgets=x'"),
        ("widget", "[widgets]", "the plural of count kind 'widget' is a word of ASCII letters, got '[widgets]'"),
        ("widget", "widgets2", "the plural of count kind 'widget' is a word of ASCII letters, got 'widgets2'"),
        ("widget", "", "the plural of count kind 'widget' is a word of ASCII letters, got ''"),
        ("widget\nfoo = [bar]", None, "a count kind is a lower-case word, got 'widget\\nfoo = [bar]'"),
        ("wid get", None, "a count kind is a lower-case word, got 'wid get'"),
        ("widget ", None, "a count kind is a lower-case word, got 'widget '"),
        ("wid=get", None, "a count kind is a lower-case word, got 'wid=get'"),
        ("[widget]", None, "a count kind is a lower-case word, got '[widget]'"),
        ("123", None, "a count kind is a lower-case word, got '123'"),
        ("e-bike", None, "a count kind is a lower-case word, got 'e-bike'"),
        ("_widget", None, "a count kind is a lower-case word, got '_widget'"),
        ("wid__get", None, "a count kind is a lower-case word, got 'wid__get'"),
        ("widgét", None, "a count kind is a lower-case word, got 'widgét'"),
        # dimensions: registering "time" made "3 times" read as 3 seconds
        ("time", None, "count kind 'time' is already a dimension of esgclaims.ureg, [time]; expected a new word"),
        ("mass", None, "count kind 'mass' is already a dimension of esgclaims.ureg, [mass]; expected a new word"),
        ("length", None, "count kind 'length' is already a dimension of esgclaims.ureg, [length]; expected a new word"),
        (
            "widget",
            "time",
            (
                "plural 'time' of count kind 'widget' is already a dimension of esgclaims.ureg, [time]; "
                "expected a new word"
            ),
        ),
        # units, symbols and aliases
        ("metre", None, "'metre' is already a unit of [length], not a count kind"),
        ("hours", None, "'hours' is already a unit of [time], not a count kind"),
        ("yuan", None, "'yuan' is already a unit of [currency_CNY], not a count kind"),
        ("widget", "hours", "plural 'hours' of count kind 'widget' is already a unit"),
        ("widget", "households", "plural 'households' of count kind 'widget' is already a unit"),
        # another case of a unit, or a unit as pint's own parser reads it (a suffix 's')
        ("kwh", None, "count kind 'kwh' differs only in case from unit 'kWh'; expected a new word"),
        (
            "widget",
            "Kwh",
            "plural 'Kwh' of count kind 'widget' differs only in case from unit 'kWh'; expected a new word",
        ),
        ("gs", None, "count kind 'gs' would be read as unit 'g'; expected a new word"),
        ("widget", "ms", "plural 'ms' of count kind 'widget' would be read as unit 'm'; expected a new word"),
        # words the readers take as grammar
        ("per", None, "count kind 'per' is a reserved word; expected a noun"),
        ("dimensionless", None, "count kind 'dimensionless' is a reserved word; expected a noun"),
        ("widget", "of", "plural 'of' of count kind 'widget' is a reserved word; expected a noun"),
        # a shipped kind with another plural
        ("household", "homes", "count kind 'household' is registered with plural 'households', got 'homes'"),
        ("person", "folk", "count kind 'person' is registered with plural 'people' or 'persons', got 'folk'"),
    ],
)
@pytest.mark.usefixtures("unchanged")
def test_a_bad_name_or_plural_is_refused_and_changes_nothing(name: str, plural: str | None, message: str) -> None:
    with pytest.raises(UnitError) as caught:
        register_count_kind(name, plural)
    assert str(caught.value) == message
    with pytest.raises(UnitError, match="unknown unit 'foo'"):
        parse_unit("foo")


@pytest.mark.parametrize(
    ("name", "plural", "message"),
    [
        (5, None, "expected the name of a count kind as a string, got int"),
        (b"widget", None, "expected the name of a count kind as a string, got bytes"),
        ("widget", ["widgets"], "expected the plural of a count kind as a string, got list"),
    ],
)
@pytest.mark.usefixtures("unchanged")
def test_a_name_or_plural_that_is_not_a_string_is_refused(name: Any, plural: Any, message: str) -> None:
    with pytest.raises(ArgumentTypeError) as caught:
        register_count_kind(name, plural)
    assert str(caught.value) == message


def test_after_a_refusal_the_same_kind_registers() -> None:
    kind = _new_kind()
    with pytest.raises(UnitError):
        register_count_kind(kind, f"{kind}s\nfoo = [bar]")
    with pytest.raises(UnitError):
        register_count_kind(kind, "hours")
    unit = register_count_kind(kind)
    assert parse_unit(f"{kind}s") == unit
    assert esgclaims.parse_value(f"3 {kind}s").units == unit


def test_a_failure_inside_pint_is_rolled_back(monkeypatch: pytest.MonkeyPatch) -> None:
    # pint adds the dimension, the base unit and each name, then puts the unit in its root group:
    # failing there leaves all the rest behind unless register_count_kind takes it out again.
    kind = _new_kind()
    before = _tables()

    def broken(name: str, create_if_needed: bool = True) -> object:
        raise RuntimeError("pint failed part way")

    with monkeypatch.context() as patch:
        patch.setattr(registry, "get_group", broken)
        with pytest.raises(RuntimeError, match="pint failed part way"):
            register_count_kind(kind, f"{kind}_many")
    assert _tables() == before
    with pytest.raises(UnitError, match=f"unknown unit '{kind}'"):
        parse_unit(kind)
    assert register_count_kind(kind, f"{kind}_many") == parse_unit(f"{kind}_many")


# --- the same kind twice --------------------------------------------------------------------------------------


def test_the_same_kind_twice_is_a_no_op() -> None:
    kind = _new_kind()
    first = register_count_kind(kind, f"{kind}_plural")
    tables = _tables()
    assert register_count_kind(kind, f"{kind}_plural") == first
    assert register_count_kind(kind) == first
    assert _tables() == tables


def test_the_same_kind_with_another_plural_is_refused() -> None:
    kind = _new_kind()
    register_count_kind(kind)
    with pytest.raises(UnitError) as caught:
        register_count_kind(kind, f"{kind}_other")
    assert str(caught.value) == f"count kind {kind!r} is registered with plural '{kind}s', got '{kind}_other'"


def test_a_kind_whose_plural_is_its_name() -> None:
    kind = _new_kind()
    unit = register_count_kind(kind, kind)
    assert register_count_kind(kind, kind) == unit
    assert esgclaims.parse_value(f"300 {kind}").units == unit


def test_a_plural_may_use_capitals() -> None:
    kind = _new_kind()
    unit = register_count_kind(kind, kind.upper())
    assert parse_unit(kind.upper()) == unit


# --- "3 times" -------------------------------------------------------------------------------------------------


def test_refusing_time_leaves_3_times_as_it_was() -> None:
    before = _read("3 times")
    assert before.startswith("ValueParseError: cannot tell what '3 times' counts")
    with pytest.raises(UnitError):
        register_count_kind("time")
    assert _read("3 times") == before
    assert parse_value("3 hours").units == parse_unit("hour")


# --- threads ---------------------------------------------------------------------------------------------------

PHRASES = (
    "RMB 19.77 million",
    "more than 40 households",
    "110 impoverished counties",
    "27个脱贫县",
    "about 1,200 employees",
    "3.5 hours",
    "18.6万吨",
    "12 widgets",
    "3 times",
    "RMBB 5",
)
TEXT = (
    "In 2020 we donated RMB 19.77 million to 110 impoverished counties, and more than 40,000 households "
    "received support. Our 1,200 employees volunteered 36,000 hours, and emissions fell 5.4% to 18,600 tCO2e."
)


def _work() -> tuple[Callable[[], object], ...]:
    return (
        lambda: esgclaims.load_dataset("jd-2020"),
        lambda: tuple(_read(phrase) for phrase in PHRASES),
        lambda: extract(TEXT),
    )


def test_reading_from_8_threads_while_another_registers_gives_the_single_threaded_results() -> None:
    work = _work()
    expected = [task() for task in work]
    prefix = "thread" + _new_kind()
    kinds = [prefix + "".join(chr(ord("a") + int(digit)) for digit in f"{index:03d}") for index in range(200)]
    registered = threading.Event()
    failures: list[str] = []

    def read(task: Callable[[], object], want: object) -> None:
        try:
            while True:
                got = task()
                if got != want:
                    failures.append(f"{got!r} != {want!r}")
                if registered.is_set():
                    return
        except Exception as error:  # noqa: BLE001 - every failure is reported, then the test fails
            failures.append(f"{type(error).__name__}: {error}")

    def register() -> None:
        try:
            for kind in kinds:
                register_count_kind(kind)
        except Exception as error:  # noqa: BLE001 - as above
            failures.append(f"{type(error).__name__}: {error}")
        finally:
            registered.set()

    readers = [threading.Thread(target=read, args=(work[i % 3], expected[i % 3]), daemon=True) for i in range(8)]
    threads = [*readers, threading.Thread(target=register, daemon=True)]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 120
        for thread in threads:
            thread.join(timeout=max(0.0, deadline - time.monotonic()))
    finally:
        sys.setswitchinterval(interval)
    assert [thread.name for thread in threads if thread.is_alive()] == []
    assert failures == []
    assert [str(parse_unit(kind)) for kind in kinds] == kinds


def test_two_threads_registering_the_same_kinds_both_succeed() -> None:
    # each used to race into pint's RedefinitionError
    kinds = [_new_kind() for _ in range(50)]
    results: list[list[object]] = [[], []]
    failures: list[BaseException] = []

    def register(into: list[object]) -> None:
        try:
            into.extend(register_count_kind(kind) for kind in kinds)
        except Exception as error:  # noqa: BLE001 - reported below
            failures.append(error)

    threads = [threading.Thread(target=register, args=(into,), daemon=True) for into in results]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    finally:
        sys.setswitchinterval(interval)
    assert not any(thread.is_alive() for thread in threads)
    assert failures == []
    assert results[0] == results[1] == [parse_unit(kind) for kind in kinds]
    assert all(isinstance(unit, pint.Unit) for unit in results[0])
