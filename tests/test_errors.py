"""The error tree: one base, a fitting built-in for each error, messages that name where, errors that pickle."""

from __future__ import annotations

import copy
import pickle
from typing import TYPE_CHECKING

import pytest

import esgclaims
from esgclaims import (
    DatasetNotFoundError,
    EsgClaimsError,
    FieldTypeError,
    FileFormatError,
    FileReadError,
    InvalidClaimError,
    InvalidValueError,
    LoadError,
    MissingFieldError,
    PeriodError,
    RecordError,
    UnitError,
    UnknownFieldError,
    UnknownReferenceError,
    ValueParseError,
)

if TYPE_CHECKING:
    from collections.abc import Callable


def _pickled(error: Exception) -> Exception:
    again: Exception = pickle.loads(pickle.dumps(error))  # noqa: S301 - bytes this test just made
    return again


CLONES = pytest.mark.parametrize("clone", [_pickled, copy.copy, copy.deepcopy], ids=["pickle", "copy", "deepcopy"])


@pytest.mark.parametrize(
    ("error_type", "builtin"),
    [
        (UnitError, ValueError),
        (ValueParseError, ValueError),
        (PeriodError, ValueError),
        (InvalidValueError, ValueError),
        (InvalidClaimError, ValueError),
        (RecordError, ValueError),
        (MissingFieldError, ValueError),
        (UnknownFieldError, ValueError),
        (FieldTypeError, TypeError),
        (FieldTypeError, ValueError),
        (UnknownReferenceError, LookupError),
        (UnknownReferenceError, ValueError),
        (FileFormatError, ValueError),
        (FileReadError, OSError),
        (LoadError, ValueError),
        (LoadError, ExceptionGroup),
        (DatasetNotFoundError, LookupError),
        (esgclaims.ClaimNotFoundError, KeyError),
        (esgclaims.ArgumentTypeError, TypeError),
        (esgclaims.ComparisonError, esgclaims.ArgumentTypeError),
        (esgclaims.ConversionTypeError, esgclaims.ArgumentTypeError),
        (esgclaims.MissingExtraError, ImportError),
    ],
)
def test_every_error_is_an_esgclaims_error_and_a_fitting_builtin(
    error_type: type[Exception], builtin: type[Exception]
) -> None:
    assert issubclass(error_type, EsgClaimsError)
    assert issubclass(error_type, builtin)


@pytest.mark.parametrize(
    ("record", "field", "message"),
    [
        (
            "claim 'jd-2020/donations'",
            "value.unit",
            "jd-2020.toml, claim 'jd-2020/donations', field 'value.unit': unknown unit 'RMBB'",
        ),
        ("metrics[3]", None, "jd-2020.toml, metrics[3]: unknown unit 'RMBB'"),
        ("", None, "jd-2020.toml: unknown unit 'RMBB'"),
    ],
)
def test_a_record_error_names_file_record_and_field(record: str, field: str | None, message: str) -> None:
    error = RecordError("unknown unit 'RMBB'", file="jd-2020.toml", record=record, field=field)

    assert str(error) == message


def test_a_record_error_without_a_file_says_data() -> None:
    assert str(MissingFieldError("missing field", record="claims[0]", field="id")) == (
        "<data>, claims[0], field 'id': missing field"
    )


RECORD_ERRORS = [RecordError, MissingFieldError, UnknownFieldError, FieldTypeError, UnknownReferenceError]


@pytest.mark.parametrize("error_type", RECORD_ERRORS)
@CLONES
def test_record_errors_survive_pickle_and_copy(
    error_type: type[RecordError], clone: Callable[[Exception], Exception]
) -> None:
    error = error_type("no source with id 'report'", file="claims.toml", record="claim 'a'", field="source")

    again = clone(error)

    assert type(again) is error_type
    assert isinstance(again, RecordError)
    assert str(again) == str(error)
    assert (again.problem, again.file, again.record, again.field) == (
        "no source with id 'report'",
        "claims.toml",
        "claim 'a'",
        "source",
    )


def _load_error() -> LoadError:
    return LoadError(
        "claims.toml: 2 errors; nothing was loaded",
        [
            UnknownReferenceError("no source with id 'report'", file="claims.toml", record="claim 'a'", field="source"),
            MissingFieldError("missing field", file="claims.toml", record="claim 'b'", field="quote"),
        ],
    )


def test_a_load_error_lists_one_line_per_error() -> None:
    assert str(_load_error()) == (
        "claims.toml: 2 errors; nothing was loaded\n"
        "  claims.toml, claim 'a', field 'source': no source with id 'report'\n"
        "  claims.toml, claim 'b', field 'quote': missing field"
    )


@CLONES
def test_a_load_error_survives_pickle_and_copy(clone: Callable[[Exception], Exception]) -> None:
    error = _load_error()

    again = clone(error)

    assert isinstance(again, LoadError)
    assert str(again) == str(error)
    assert [type(e) for e in again.exceptions] == [UnknownReferenceError, MissingFieldError]


def test_a_load_error_is_caught_by_except_value_error() -> None:
    with pytest.raises(ValueError, match=r"^claims\.toml: 2 errors; nothing was loaded$") as caught:
        raise _load_error()

    assert type(caught.value) is LoadError


def test_except_star_picks_errors_out_of_a_load_error() -> None:
    picked: list[BaseException] = []
    try:
        raise _load_error()
    except* LookupError as group:
        picked.extend(group.exceptions)
    except* ValueError:
        pass

    assert [type(e) for e in picked] == [UnknownReferenceError]


def test_splitting_a_load_error_gives_load_errors() -> None:
    references, others = _load_error().split(UnknownReferenceError)

    assert type(references) is LoadError
    assert type(others) is LoadError
    assert str(others) == (
        "claims.toml: 2 errors; nothing was loaded\n  claims.toml, claim 'b', field 'quote': missing field"
    )


def test_a_dataset_that_is_not_shipped_is_a_lookup_error() -> None:
    with pytest.raises(LookupError) as caught:
        esgclaims.load_dataset("jd-2021")

    assert str(caught.value) == "no dataset named 'jd-2021'; esgclaims ships 'jd-2020'"


def test_every_public_error_is_an_esgclaims_error() -> None:
    errors = [getattr(esgclaims, name) for name in esgclaims.__all__ if name.endswith("Error")]
    assert errors
    assert all(issubclass(error, EsgClaimsError) for error in errors)


# -- pickling keeps every error's fields -----------------------------------------------------------


@pytest.mark.parametrize("cls", [esgclaims.UnitError, esgclaims.ValueParseError, esgclaims.PeriodError])
def test_a_text_error_keeps_message_text_and_hint_when_pickled(cls: type[esgclaims.UnitError]) -> None:
    error = cls("unknown unit 'RMBB'; did you mean 'RMB'?", text="RMBB", hint="did you mean 'RMB'?")
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
    assert type(copy) is cls
    assert (str(copy), copy.text, copy.hint) == (str(error), "RMBB", "did you mean 'RMB'?")


def test_an_unknown_unit_says_its_text_and_hint() -> None:
    with pytest.raises(esgclaims.UnitError) as caught:
        esgclaims.parse_unit("RMBB")
    assert (str(caught.value), caught.value.text, caught.value.hint) == (
        "unknown unit 'RMBB'; did you mean 'RMB'?",
        "RMBB",
        "did you mean 'RMB'?",
    )


@pytest.mark.parametrize("name", [name for name in esgclaims._errors.__all__ if name.endswith("Error")])
def test_every_public_error_survives_pickling(name: str) -> None:
    cls = getattr(esgclaims, name)
    if issubclass(cls, esgclaims.RecordError):
        error: BaseException = cls("missing field", file="a.toml", record="claims[0]", field="id")
    elif issubclass(cls, esgclaims.LoadError):
        error = cls("a.toml: 1 error", [esgclaims.MissingFieldError("missing field", file="a.toml", field="id")])
    else:
        error = cls("a problem")
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
    assert type(copy) is cls
    assert str(copy) == str(error)
    assert getattr(copy, "__dict__", {}) == getattr(error, "__dict__", {})  # file, record, field, text, hint ...
