"""Every error about a user's text carries that text and a hint, and keeps both through pickling.

The rule (documented on the error classes): ``text`` is the phrase passed to the public
function, stripped, also when only a part of it failed; ``hint`` says what to write instead,
and is ``None`` only where there is nothing to suggest.
"""

from __future__ import annotations

import ast
import pickle
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import esgclaims
from esgclaims import PeriodError, UnitError, ValueParseError

if TYPE_CHECKING:
    from collections.abc import Callable

_READERS: dict[str, Callable[..., object]] = {
    "parse_value": esgclaims.parse_value,
    "parse_period": esgclaims.parse_period,
    "parse_date": esgclaims.parse_date,
    "parse_unit": esgclaims.parse_unit,
    "quantity": esgclaims.quantity,
}

#: A hint that must be there, whatever its words: the exact words are asserted where each error is tested.
SET = "set"

#: (reader, arguments, the error, its text, its hint: SET or exactly None)
_CASES: list[tuple[str, tuple[object, ...], type[esgclaims.EsgClaimsError], str | None, str | None]] = [
    ("parse_value", ("",), ValueParseError, "", SET),
    ("parse_value", ("  ",), ValueParseError, "", SET),
    ("parse_value", ("-5 tonnes",), ValueParseError, "-5 tonnes", SET),
    ("parse_value", ("about tens of thousands of farms",), ValueParseError, "about tens of thousands of farms", SET),
    ("parse_value", ("about 1 to 2 million tonnes",), ValueParseError, "about 1 to 2 million tonnes", SET),
    ("parse_value", ("between 1 million tonnes",), ValueParseError, "between 1 million tonnes", SET),
    ("parse_value", ("RMB 5 million USD",), ValueParseError, "RMB 5 million USD", SET),
    ("parse_value", ("5 tonnes 6 tonnes",), ValueParseError, "5 tonnes 6 tonnes", SET),
    ("parse_value", ("RMB 1 to USD 2 million",), ValueParseError, "RMB 1 to USD 2 million", SET),
    ("parse_value", ("more than 5 tonnes or more",), ValueParseError, "more than 5 tonnes or more", SET),
    ("parse_value", ("5 tonnes per blorp",), ValueParseError, "5 tonnes per blorp", SET),
    ("parse_value", ("$5 million",), ValueParseError, "$5 million", SET),
    ("parse_value", ("5 million ¥",), ValueParseError, "5 million ¥", SET),
    ("parse_value", ("5 blorps",), ValueParseError, "5 blorps", SET),
    ("parse_value", ("1 000 000 tonnes",), ValueParseError, "1 000 000 tonnes", SET),
    ("parse_value", ("no figure here",), ValueParseError, "no figure here", SET),
    (
        "parse_value",
        ("1 million million million million million t",),
        ValueParseError,
        "1 million million million million million t",
        SET,
    ),
    ("parse_value", (" 19,77 tonnes ",), ValueParseError, "19,77 tonnes", SET),
    ("parse_value", ("0x10 households",), ValueParseError, "0x10 households", SET),
    ("parse_period", ("",), PeriodError, "", SET),
    ("parse_period", ("last month",), PeriodError, "last month", SET),
    ("parse_period", ("gibberish",), PeriodError, "gibberish", SET),
    ("parse_period", ("FY23",), PeriodError, "FY23", SET),
    ("parse_period", ("FY2023 (2022-04 to 2023-02)",), PeriodError, "FY2023 (2022-04 to 2023-02)", SET),
    ("parse_period", ("FY2023/25",), PeriodError, "FY2023/25", SET),
    ("parse_period", ("2020/21",), PeriodError, "2020/21", SET),
    ("parse_period", ("2020 to 21",), PeriodError, "2020 to 21", SET),
    ("parse_period", ("2020/2021",), PeriodError, "2020/2021", SET),
    ("parse_period", ("November to February 2024",), PeriodError, "November to February 2024", SET),
    ("parse_period", ("2020-13",), PeriodError, "2020-13", SET),
    # raised by a period's constructor, several calls below: still the whole phrase
    ("parse_period", ("as of 2021-02-30",), PeriodError, "as of 2021-02-30", SET),
    ("parse_period", ("  2021 to 2019 ",), PeriodError, "2021 to 2019", SET),
    ("parse_period", ("12 months ended 2024-03-30",), PeriodError, "12 months ended 2024-03-30", SET),
    ("parse_date", ("3/4/2020",), PeriodError, "3/4/2020", SET),
    ("parse_date", ("'21",), PeriodError, "'21", SET),
    ("parse_date", ("someday",), PeriodError, "someday", SET),
    ("parse_date", ("end of " * 5 + "2020",), PeriodError, "end of " * 5 + "2020", SET),
    ("parse_date", ("February 30, 2021",), PeriodError, "February 30, 2021", SET),
    ("parse_unit", ("RMBB",), UnitError, "RMBB", SET),
    ("parse_unit", ("kg ** 2",), UnitError, "kg ** 2", SET),
    # an unknown unit with no near miss: nothing to suggest
    ("parse_unit", ("kg / blorp",), UnitError, "kg / blorp", None),
    ("parse_unit", ("xyzzy",), UnitError, "xyzzy", None),
    # no text at all: a unit that is not a string
    ("parse_unit", (5,), UnitError, None, SET),
    ("quantity", (5, "RMBB"), UnitError, "RMBB", SET),
    ("quantity", (5, " kg*zqx "), UnitError, "kg*zqx", None),
]


@pytest.mark.parametrize(("reader", "args", "error", "text", "hint"), _CASES)
def test_a_refused_phrase_gives_its_text_and_hint_and_keeps_them_when_pickled(
    reader: str, args: tuple[object, ...], error: type[esgclaims.EsgClaimsError], text: str | None, hint: str | None
) -> None:
    with pytest.raises(error) as caught:
        _READERS[reader](*args)
    raised = caught.value
    assert isinstance(raised, UnitError | ValueParseError | PeriodError)
    assert raised.text == text
    if hint is SET:
        assert raised.hint
    else:
        assert raised.hint is None
    copy = pickle.loads(pickle.dumps(raised))  # noqa: S301 - our own bytes
    assert (type(copy), str(copy), copy.text, copy.hint) == (type(raised), str(raised), raised.text, raised.hint)


_PACKAGE = Path(esgclaims.__file__).parent
_TEXT_ERRORS = frozenset(("ValueParseError", "PeriodError", "UnitError", "CurrencyError"))


def _calls_without_fields(source: str, name: str) -> list[str]:
    """``file:line`` of each call of a text error in ``source`` that does not name ``text=`` and ``hint=``."""
    missing = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _TEXT_ERRORS:
            given = {keyword.arg for keyword in node.keywords}
            absent = [f"{field}=" for field in ("text", "hint") if field not in given]
            if absent:
                missing.append(f"{name}:{node.lineno}: {node.func.id}(...) without {' and '.join(absent)}")
    return missing


def test_the_check_finds_a_raise_without_text_also_across_lines() -> None:
    source = 'raise PeriodError(\n    "bad",\n    hint=None,\n)\nraise UnitError("ok", text="x", hint=None)\n'
    assert _calls_without_fields(source, "x.py") == ["x.py:1: PeriodError(...) without text="]


def test_every_text_error_the_package_raises_names_its_text_and_hint() -> None:
    missing = [
        line
        for path in sorted(_PACKAGE.rglob("*.py"))
        for line in _calls_without_fields(path.read_text(encoding="utf-8"), str(path.relative_to(_PACKAGE)))
    ]
    assert not missing, "pass text= and hint= (None only when there is nothing to suggest):\n" + "\n".join(missing)
