"""The claim-file loader: good files load to exact claims, bad files raise one error that names everything.

Every case writes a real file into ``tmp_path``: a valid base document, changed in
one place, written as TOML or JSON by the small writers below.
"""

from __future__ import annotations

import copy
import errno
import json
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeAlias

import pytest

import esgclaims
from esgclaims import (
    AsOf,
    ClaimSet,
    EsgClaimsError,
    FieldTypeError,
    FileFormatError,
    FileReadError,
    LoadError,
    MissingFieldError,
    PartialDate,
    Qualifier,
    RecordError,
    UnknownFieldError,
    UnknownReferenceError,
)

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

Document: TypeAlias = dict[str, Any]
Change: TypeAlias = "Callable[[Document], None]"

FORMATS = [".toml", ".json"]
QUOTE = "RMB 100 billion yuan in poverty alleviation-related sales"
CLAIM = "claim 'jd-2020/sales'"
AWARD = {"id": "award", "name": "Award", "kind": "qualitative", "temporal": "event"}


# ------------------------------------------------------------------ writing files


class Raw(str):
    """A token written into the file as it stands: TOML ``nan``, JSON ``Infinity``, ``19.77e6``."""

    __slots__ = ()


def base_document() -> Document:
    """A valid claim file: a source, an organization, a program, two metrics and one claim."""
    return {
        "sources": [{"id": "blog", "title": "JD ESG", "publisher": "JD Corporate Blog"}],
        "organizations": [{"id": "jd", "name": "JD.com", "kind": "company"}],
        "programs": [{"id": "ecommerce", "name": "E-commerce poverty alleviation", "owner": "jd"}],
        "metrics": [
            {"id": "sales", "name": "Poverty alleviation sales", "kind": "money", "temporal": "cumulative"},
            {
                "id": "households",
                "name": "Households helped",
                "kind": "count",
                "count_of": "household",
                "temporal": "cumulative",
            },
        ],
        "claims": [claim("jd-2020/sales")],
    }


def claim(claim_id: str) -> dict[str, Any]:
    """A valid claim record: RMB 100 billion of sales as of 30 Sep 2020."""
    return {
        "id": claim_id,
        "subject": "jd",
        "program": "ecommerce",
        "metric": "sales",
        "period": "as of 2020-09-30",
        "source": "blog",
        "quote": QUOTE,
        "span": [1666, 1666 + len(QUOTE)],
        "value": {"amount": "100000000000", "unit": "CNY"},
    }


def toml_value(value: object) -> str:
    if isinstance(value, Raw):
        return str(value)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | Decimal):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{key} = {toml_value(item)}" for key, item in value.items()) + " }"
    raise TypeError(f"TOML has no {type(value).__name__}")


def to_toml(document: Document) -> str:
    lines = []
    for table, records in document.items():
        for record in records:
            lines.append(f"[[{table}]]")
            lines.extend(f"{key} = {toml_value(value)}" for key, value in record.items())
            lines.append("")
    return "\n".join(lines)


def json_value(value: object) -> str:
    if isinstance(value, Raw | Decimal):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(json_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(key)}: {json_value(item)}" for key, item in value.items()) + "}"
    return json.dumps(value, ensure_ascii=False)


def write(tmp_path: Path, document: Document, suffix: str) -> Path:
    path = tmp_path / f"claims{suffix}"
    text = to_toml(document) if suffix == ".toml" else json_value(document)
    path.write_text(text, encoding="utf-8")
    return path


def write_text(tmp_path: Path, text: str | bytes, suffix: str) -> Path:
    path = tmp_path / f"claims{suffix}"
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def changed(*changes: Change) -> Document:
    document = base_document()
    for change in changes:
        change(document)
    return document


def load_error(path: Path) -> LoadError:
    with pytest.raises(LoadError) as caught:
        esgclaims.load(path)
    return caught.value


def only_error(path: Path) -> RecordError:
    """The one error of a file that has one bad field; the LoadError around it reads as it should."""
    error = load_error(path)
    assert len(error.exceptions) == 1, str(error)
    (inner,) = error.exceptions
    assert isinstance(inner, RecordError)
    assert str(error) == f"{path.name}: 1 error; nothing was loaded\n  {inner}"
    return inner


# ------------------------------------------------------------------ changes to the base document


def set_field(table: str, index: int, field: str, value: object) -> Change:
    def change(document: Document) -> None:
        document[table][index][field] = value

    return change


def drop_field(table: str, index: int, field: str) -> Change:
    def change(document: Document) -> None:
        del document[table][index][field]

    return change


def set_claim(field: str, value: object) -> Change:
    return set_field("claims", 0, field, value)


def drop_claim(field: str) -> Change:
    return drop_field("claims", 0, field)


def set_value(**fields: object) -> Change:
    def change(document: Document) -> None:
        document["claims"][0]["value"].update(fields)

    return change


def append(table: str, record: dict[str, Any]) -> Change:
    def change(document: Document) -> None:
        document[table].append(copy.deepcopy(record))

    return change


def both(*changes: Change) -> Change:
    def change(document: Document) -> None:
        for each in changes:
            each(document)

    return change


def duplicate(table: str, index: int) -> Change:
    def change(document: Document) -> None:
        document[table].append(copy.deepcopy(document[table][index]))

    return change


# ------------------------------------------------------------------ good files


MINIMAL_TOML = """\
[[sources]]
id = "blog"
title = "JD ESG"
publisher = "JD Corporate Blog"

[[organizations]]
id = "jd"
name = "JD.com"

[[metrics]]
id = "households"
name = "Households helped"
kind = "count"
count_of = "household"
temporal = "cumulative"

[[claims]]
id = "jd-2020/households"
subject = "jd"
metric = "households"
period = "as of 2020-09-30"
source = "blog"
quote = "more than 1 million households"
span = [10, 40]

[claims.value]
qualifier = "more_than"
amount = 1000000
unit = "household"
"""

MINIMAL_JSON = """\
{
  "sources": [{"id": "blog", "title": "JD ESG", "publisher": "JD Corporate Blog"}],
  "organizations": [{"id": "jd", "name": "JD.com"}],
  "metrics": [
    {"id": "households", "name": "Households helped", "kind": "count", "count_of": "household",
     "temporal": "cumulative"}
  ],
  "claims": [
    {"id": "jd-2020/households", "subject": "jd", "metric": "households", "period": "as of 2020-09-30",
     "source": "blog", "quote": "more than 1 million households", "span": [10, 40],
     "value": {"qualifier": "more_than", "amount": "1000000", "unit": "household"}}
  ]
}
"""


def test_minimal_toml_and_json_files_load_to_equal_claim_sets(tmp_path: Path) -> None:
    from_toml = esgclaims.load(write_text(tmp_path, MINIMAL_TOML, ".toml"))
    from_json = esgclaims.load(write_text(tmp_path, MINIMAL_JSON, ".json"))

    assert from_toml == from_json
    households = from_toml["jd-2020/households"]
    assert households.value is not None
    assert households.value.qualifier is Qualifier.MORE_THAN
    assert households.value.reported == esgclaims.quantity("1000000", "household")
    assert households.period == AsOf(PartialDate(2020, 9, 30))
    assert households.citation.span == (10, 40)
    assert str(households) == "more than 1,000,000 households (Households helped) — cumulative to 30 Sep 2020 — JD.com"


@pytest.mark.parametrize("suffix", FORMATS)
def test_base_document_loads(tmp_path: Path, suffix: str) -> None:
    claims = esgclaims.load(write(tmp_path, base_document(), suffix))

    assert claims.ids == ("jd-2020/sales",)
    sales = claims["jd-2020/sales"]
    assert sales.program is not None
    assert sales.program.owner is sales.subject
    assert str(sales) == (
        "RMB 100,000,000,000 (Poverty alleviation sales) — cumulative to 30 Sep 2020 — JD.com, "
        "E-commerce poverty alleviation"
    )


@pytest.mark.parametrize(
    ("suffix", "amount", "exact"),
    [
        (".toml", "19.77e6", "19770000"),
        (".toml", "19770000.0", "19770000"),
        (".toml", "1.977E+7", "19770000"),
        (".json", "19.77e6", "19770000"),
        (".json", "19770000.0", "19770000"),
        (".toml", '"19,770,000"', "19770000"),
        # a binary float would make these 0.1000000000000000055... and 16900000000
        (".toml", "0.1", "0.1"),
        (".json", "0.1", "0.1"),
        (".toml", "16.9000000000000000001e9", "16900000000.0000000001"),
        (".json", "16.9000000000000000001e9", "16900000000.0000000001"),
    ],
)
def test_float_amounts_stay_exact_decimals(tmp_path: Path, suffix: str, amount: str, exact: str) -> None:
    path = write(tmp_path, changed(set_value(amount=Raw(amount))), suffix)

    value = esgclaims.load(path)["jd-2020/sales"].value

    assert value is not None
    magnitude = value.reported.magnitude
    assert isinstance(magnitude, Decimal)
    assert str(magnitude) == exact


@pytest.mark.parametrize("suffix", FORMATS)
def test_records_may_refer_to_records_declared_later(tmp_path: Path, suffix: str) -> None:
    document = base_document()
    # claims first, the program before its owner, a child organization before its parent
    document = {
        "claims": document["claims"],
        "programs": [{"id": "ecommerce", "name": "E-commerce", "owner": "jd-foundation"}],
        "organizations": [
            {"id": "jd-foundation", "name": "JD Foundation", "kind": "foundation", "parent": "jd"},
            {"id": "jd", "name": "JD.com", "parent": "jd-group"},
            {"id": "jd-group", "name": "JD Group"},
        ],
        "metrics": document["metrics"],
        "sources": document["sources"],
    }

    sales = esgclaims.load(write(tmp_path, document, suffix))["jd-2020/sales"]

    assert sales.program is not None
    foundation = sales.program.owner
    assert foundation.parent is sales.subject
    assert sales.subject.parent is not None
    assert sales.subject.parent.id == "jd-group"


def test_a_byte_order_mark_is_not_part_of_the_text(tmp_path: Path) -> None:
    text = to_toml(base_document())
    path = write_text(tmp_path, b"\xef\xbb\xbf" + text.encode(), ".toml")

    assert esgclaims.load(path).ids == ("jd-2020/sales",)


def test_a_file_with_an_empty_list_of_claims_loads_to_an_empty_set(tmp_path: Path) -> None:
    assert esgclaims.load(write_text(tmp_path, "claims = []\n", ".toml")) == ClaimSet([])


def test_the_shipped_dataset_loads() -> None:
    claims = esgclaims.load_dataset("jd-2020")

    assert len(claims) == 17
    donations = claims["jd-2020/online-donations-raised"]
    assert donations.value is not None
    assert str(donations.value.reported.magnitude) == "19770000"


def test_load_takes_a_string_path(tmp_path: Path) -> None:
    path = write(tmp_path, base_document(), ".json")

    assert esgclaims.load(str(path)) == esgclaims.load(path)


# ------------------------------------------------------------------ one bad field, either format

BAD_FIELDS = [
    # missing and unknown fields
    pytest.param(drop_claim("quote"), MissingFieldError, f"{CLAIM}, field 'quote': missing field", id="missing-field"),
    pytest.param(
        lambda d: d["claims"][0]["value"].pop("unit"),
        MissingFieldError,
        f"{CLAIM}, field 'value.unit': missing field",
        id="missing-nested-field",
    ),
    pytest.param(
        drop_claim("value"),
        MissingFieldError,
        f"{CLAIM}, field 'value': missing field; metric 'sales' needs a currency",
        id="missing-value",
    ),
    pytest.param(
        drop_field("metrics", 1, "count_of"),
        MissingFieldError,
        "metric 'households', field 'count_of': missing field; a count metric names the kind it counts",
        id="missing-count-of",
    ),
    pytest.param(
        set_claim("notes", "typo"),
        UnknownFieldError,
        f"{CLAIM}, field 'notes': unknown field; did you mean 'note'?",
        id="unknown-field-did-you-mean",
    ),
    pytest.param(
        set_value(qualifer="exact"),
        UnknownFieldError,
        f"{CLAIM}, field 'value.qualifer': unknown field; did you mean 'qualifier'?",
        id="unknown-nested-field",
    ),
    pytest.param(
        set_field("sources", 0, "colour", "red"),
        UnknownFieldError,
        "source 'blog', field 'colour': unknown field; "
        "expected one of id, title, publisher, author, url, published, sha256",
        id="unknown-field-no-hint",
    ),
    pytest.param(
        set_field("metrics", 0, "frameworks", [{"framework": "GRI", "code": "203-2", "mtch": "close"}]),
        UnknownFieldError,
        "metric 'sales', field 'frameworks[0].mtch': unknown field; did you mean 'match'?",
        id="unknown-field-in-list-of-tables",
    ),
    # wrong types
    pytest.param(
        set_value(amount="a lot"),
        FieldTypeError,
        f"{CLAIM}, field 'value.amount': expected a number (or a string holding one), got 'a lot'",
        id="string-for-number",
    ),
    pytest.param(
        set_value(amount=True),
        FieldTypeError,
        f"{CLAIM}, field 'value.amount': expected a number (or a string holding one), got the boolean true",
        id="bool-for-number",
    ),
    pytest.param(
        set_value(unit=["CNY"]),
        FieldTypeError,
        f"{CLAIM}, field 'value.unit': expected a string, got a list of 1 item",
        id="list-for-string",
    ),
    pytest.param(
        set_claim("quote", 5),
        FieldTypeError,
        f"{CLAIM}, field 'quote': expected a string, got the number 5",
        id="number-for-string",
    ),
    pytest.param(
        set_claim("value", "100 CNY"),
        FieldTypeError,
        f"{CLAIM}, field 'value': expected a table, got '100 CNY'",
        id="string-for-table",
    ),
    pytest.param(
        set_claim("span", "1666-1723"),
        FieldTypeError,
        f"{CLAIM}, field 'span': expected two character offsets [start, end], got '1666-1723'",
        id="string-for-span",
    ),
    pytest.param(
        set_claim("span", [Raw("1666.5"), 1723]),
        FieldTypeError,
        f"{CLAIM}, field 'span[0]': expected a whole number, got the number 1666.5",
        id="float-in-span",
    ),
    pytest.param(
        set_field("organizations", 0, "aliases", ["JD", 5]),
        FieldTypeError,
        "organization 'jd', field 'aliases[1]': expected a string, got the number 5",
        id="number-in-list",
    ),
    pytest.param(
        set_field("metrics", 0, "frameworks", [{"framework": "GRI", "code": "203-2"}, {"framework": "SDG", "code": 1}]),
        FieldTypeError,
        "metric 'sales', field 'frameworks[1].code': expected a string, got the number 1",
        id="number-in-list-of-tables",
    ),
    # units
    pytest.param(
        set_value(unit="RMBB"),
        RecordError,
        f"{CLAIM}, field 'value.unit': unknown unit 'RMBB'; did you mean 'RMB'?",
        id="unknown-unit",
    ),
    pytest.param(
        set_value(unit="SEK"), RecordError, f"{CLAIM}, field 'value.unit': unknown unit 'SEK'", id="unknown-currency"
    ),
    pytest.param(
        set_value(unit="mileposts"),
        RecordError,
        f"{CLAIM}, field 'value.unit': unknown unit 'mileposts'; did you mean 'miles', or a count kind not "
        "declared yet? declare it: [[count_kinds]] name = 'milepost', plural = 'mileposts'",
        id="count-kind-not-declared",
    ),
    pytest.param(
        set_value(unit="zyzzyvas"),
        RecordError,
        f"{CLAIM}, field 'value.unit': unknown unit 'zyzzyvas'; a count kind not declared yet? declare it: "
        "[[count_kinds]] name = 'zyzzyva', plural = 'zyzzyvas'",
        id="count-kind-not-declared-no-near-unit",
    ),
    pytest.param(
        set_value(unit="household"),
        RecordError,
        f"{CLAIM}, field 'value.unit': unit 'household' does not fit metric 'sales', which takes a currency",
        id="unit-does-not-fit-metric",
    ),
    pytest.param(
        set_value(unit="CNY/household"),
        RecordError,
        f"{CLAIM}, field 'value.unit': unit 'CNY/household' does not fit metric 'sales', which takes a currency",
        id="compound-unit-does-not-fit-metric",
    ),
    pytest.param(
        set_field("metrics", 1, "count_of", "households"),
        RecordError,
        "metric 'households', field 'count_of': expected 'household', the name of the count kind, got 'households'",
        id="count-of-plural",
    ),
    pytest.param(
        set_field("metrics", 1, "count_of", "CNY"),
        RecordError,
        "metric 'households', field 'count_of': expected a count kind such as 'household', got 'CNY'",
        id="count-of-not-a-count",
    ),
    # periods
    pytest.param(
        set_claim("period", "2021-02-30"),
        RecordError,
        f"{CLAIM}, field 'period': impossible date 2021-02-30",
        id="impossible-date",
    ),
    pytest.param(
        set_claim("period", "2021-02 to 2019-09"),
        RecordError,
        f"{CLAIM}, field 'period': span ends (2019-09) before it starts (2021-02)",
        id="span-ends-before-it-starts",
    ),
    pytest.param(
        set_field("sources", 0, "published", "2021-13"),
        RecordError,
        "source 'blog', field 'published': impossible month 13 in 2021",
        id="impossible-month",
    ),
    # values
    pytest.param(
        set_value(qualifier="range", upper="100"),
        RecordError,
        f"{CLAIM}, field 'value.upper': inverted bounds: upper RMB 100 is not above RMB 100,000,000,000",
        id="upper-below-amount",
    ),
    pytest.param(
        set_value(qualifier="range", upper="100000000000"),
        RecordError,
        f"{CLAIM}, field 'value.upper': inverted bounds: upper RMB 100,000,000,000 is not above RMB 100,000,000,000",
        id="upper-equal-to-amount",
    ),
    pytest.param(
        set_value(qualifier="range"),
        RecordError,
        f"{CLAIM}, field 'value.upper': a range value needs an upper bound",
        id="range-without-upper",
    ),
    pytest.param(
        set_value(upper="200000000000"),
        RecordError,
        f"{CLAIM}, field 'value.upper': only range and order_of_magnitude take an upper bound, not exact",
        id="upper-on-exact",
    ),
    pytest.param(
        set_value(amount="NaN"),
        FieldTypeError,
        f"{CLAIM}, field 'value.amount': expected a finite number, got 'NaN'",
        id="nan-string",
    ),
    pytest.param(
        set_value(amount="-Infinity"),
        FieldTypeError,
        f"{CLAIM}, field 'value.amount': expected a finite number, got '-Infinity'",
        id="infinity-string",
    ),
    pytest.param(
        set_value(amount="-5"),
        RecordError,
        f"{CLAIM}, field 'value.amount': a reported figure cannot be negative, got -5",
        id="negative-string",
    ),
    pytest.param(
        set_value(amount=-5),
        RecordError,
        f"{CLAIM}, field 'value.amount': a reported figure cannot be negative, got -5",
        id="negative-number",
    ),
    pytest.param(
        set_value(amount="1e30"),
        RecordError,
        f"{CLAIM}, field 'value.amount': expected a figure below 10^28, got 1E+30",
        id="too-many-digits",
    ),
    pytest.param(
        set_value(amount="0.123456789012345678901234567890"),
        RecordError,
        f"{CLAIM}, field 'value.amount': expected a figure of at most 28 significant digits, "
        "got 0.123456789012345678901234567890",
        id="too-many-decimals",
    ),
    pytest.param(
        set_value(precision="0"),
        RecordError,
        f"{CLAIM}, field 'value.precision': precision must be positive, got 0",
        id="zero-precision",
    ),
    pytest.param(
        set_value(tolerance="0.2"),
        RecordError,
        f"{CLAIM}, field 'value.tolerance': only approximately takes a tolerance, not exact",
        id="tolerance-on-exact",
    ),
    pytest.param(
        set_value(qualifier="roughly"),
        RecordError,
        f"{CLAIM}, field 'value.qualifier': expected one of exact, approximately, more_than, at_least, "
        "less_than, at_most, range, order_of_magnitude, got 'roughly'",
        id="unknown-qualifier",
    ),
    pytest.param(
        set_value(qualifier="aproximately"),
        RecordError,
        f"{CLAIM}, field 'value.qualifier': expected one of exact, approximately, more_than, at_least, "
        "less_than, at_most, range, order_of_magnitude, got 'aproximately'; did you mean 'approximately'?",
        id="misspelt-qualifier",
    ),
    # counts
    pytest.param(
        set_claim("metric", "households"),
        RecordError,
        f"{CLAIM}, field 'value.unit': unit 'CNY' does not fit metric 'households', which takes a count of household",
        id="money-for-a-count",
    ),
    pytest.param(
        lambda d: d["claims"][0].update(metric="households", value={"amount": -3, "unit": "household"}),
        RecordError,
        f"{CLAIM}, field 'value.amount': a reported figure cannot be negative, got -3",
        id="negative-count",
    ),
    # duplicate ids
    pytest.param(
        duplicate("claims", 0),
        RecordError,
        "claims[1], field 'id': duplicate id 'jd-2020/sales'; claims[0] has it already",
        id="duplicate-claim",
    ),
    pytest.param(
        duplicate("metrics", 0),
        RecordError,
        "metrics[2], field 'id': duplicate id 'sales'; metrics[0] has it already",
        id="duplicate-metric",
    ),
    # references
    pytest.param(
        set_claim("subject", "jdd"),
        UnknownReferenceError,
        f"{CLAIM}, field 'subject': no organization with id 'jdd'; did you mean 'jd'?",
        id="unknown-subject",
    ),
    pytest.param(
        set_claim("program", "charity"),
        UnknownReferenceError,
        f"{CLAIM}, field 'program': no program with id 'charity'",
        id="unknown-program",
    ),
    pytest.param(
        set_claim("metric", "sale"),
        UnknownReferenceError,
        f"{CLAIM}, field 'metric': no metric with id 'sale'; did you mean 'sales'?",
        id="unknown-metric",
    ),
    pytest.param(
        set_claim("source", "report"),
        UnknownReferenceError,
        f"{CLAIM}, field 'source': no source with id 'report'",
        id="unknown-source",
    ),
    pytest.param(
        set_field("programs", 0, "owner", "jd-foundation"),
        UnknownReferenceError,
        "program 'ecommerce', field 'owner': no organization with id 'jd-foundation'",
        id="unknown-owner",
    ),
    pytest.param(
        set_field("organizations", 0, "parent", "jd-group"),
        UnknownReferenceError,
        "organization 'jd', field 'parent': no organization with id 'jd-group'",
        id="unknown-parent",
    ),
    pytest.param(
        set_field("organizations", 0, "parent", "jd"),
        RecordError,
        "organization 'jd', field 'parent': circular parents: 'jd' → 'jd'",
        id="own-parent",
    ),
    # unit strings are looked up, never evaluated
    pytest.param(
        set_value(unit="__import__('os').system('x')"),
        RecordError,
        f"{CLAIM}, field 'value.unit': cannot read unit \"__import__('os').system('x')\": "
        "expected unit names joined by '*' or '/'",
        id="unit-code",
    ),
    pytest.param(
        set_value(unit="CNY**2+1"),
        RecordError,
        f"{CLAIM}, field 'value.unit': cannot read unit 'CNY**2+1': expected unit names joined by '*' or '/'",
        id="unit-expression",
    ),
    # the quote and its span
    pytest.param(
        set_claim("span", [1666, 1667 + len(QUOTE)]),
        RecordError,
        f"{CLAIM}, field 'span': span [1666, 1724] is 58 characters, the quote 57",
        id="span-longer-than-quote",
    ),
    pytest.param(
        set_claim("span", [1723, 1666]),
        RecordError,
        f"{CLAIM}, field 'span': span [1723, 1666] must have 0 <= start < end",
        id="span-backwards",
    ),
    # enumerations and model checks
    pytest.param(
        set_field("organizations", 0, "kind", "compny"),
        RecordError,
        "organization 'jd', field 'kind': expected one of company, foundation, platform, government, "
        "other, got 'compny'; did you mean 'company'?",
        id="unknown-kind",
    ),
    pytest.param(
        set_claim("modality", "promise"),
        RecordError,
        f"{CLAIM}, field 'modality': expected one of achievement, commitment, target, got 'promise'",
        id="unknown-modality",
    ),
    pytest.param(
        set_field("metrics", 0, "count_of", "household"),
        RecordError,
        "metric 'sales', field 'count_of': count_of is given exactly when kind is count",
        id="count-of-on-money",
    ),
    pytest.param(
        set_field("metrics", 0, "temporal", "event"),
        RecordError,
        "metric 'sales', field 'temporal': only a qualitative metric is an event",
        id="money-event",
    ),
    pytest.param(
        set_field("metrics", 0, "frameworks", [{"framework": "GRI", "code": "203-2", "match": "clse"}]),
        RecordError,
        "metric 'sales', field 'frameworks[0].match': expected one of exact, close, broad, "
        "got 'clse'; did you mean 'close'?",
        id="unknown-framework-match",
    ),
    pytest.param(
        set_field("sources", 0, "sha256", "d0a0"),
        RecordError,
        "source 'blog', field 'sha256': sha256 must be 64 lower-case hex digits, got 'd0a0'",
        id="short-sha256",
    ),
    pytest.param(
        set_claim("attribution", " "),
        RecordError,
        f"{CLAIM}, field 'attribution': attribution must be non-empty text, got ' '",
        id="blank-attribution",
    ),
    pytest.param(
        both(append("metrics", AWARD), set_claim("metric", "award")),
        RecordError,
        f"{CLAIM}, field 'value': metric 'award' is qualitative and takes no value",
        id="value-for-qualitative-metric",
    ),
]


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize(("change", "error_type", "message"), BAD_FIELDS)
def test_a_bad_field_is_reported_with_file_record_and_field(
    tmp_path: Path, suffix: str, change: Change, error_type: type[RecordError], message: str
) -> None:
    error = only_error(write(tmp_path, changed(change), suffix))

    assert type(error) is error_type
    assert str(error) == f"claims{suffix}, {message}"


# ------------------------------------------------------------------ what only one format can write

FORMAT_ONLY = [
    pytest.param(".toml", set_value(amount=Raw("nan")), "the number NaN", id="toml-nan"),
    pytest.param(".toml", set_value(amount=Raw("inf")), "the number Infinity", id="toml-inf"),
    pytest.param(".toml", set_value(amount=Raw("-inf")), "the number -Infinity", id="toml-minus-inf"),
    pytest.param(".json", set_value(amount=Raw("NaN")), "the number NaN", id="json-nan"),
    pytest.param(".json", set_value(amount=Raw("Infinity")), "the number Infinity", id="json-infinity"),
    pytest.param(".json", set_value(amount=Raw("-Infinity")), "the number -Infinity", id="json-minus-infinity"),
]


@pytest.mark.parametrize(("suffix", "change", "got"), FORMAT_ONLY)
def test_nan_and_infinite_amounts_are_refused(tmp_path: Path, suffix: str, change: Change, got: str) -> None:
    error = only_error(write(tmp_path, changed(change), suffix))

    assert type(error) is FieldTypeError
    assert str(error) == f"claims{suffix}, {CLAIM}, field 'value.amount': expected a finite number, got {got}"


def test_a_toml_date_without_quotes_is_refused_with_a_hint(tmp_path: Path) -> None:
    error = only_error(write(tmp_path, changed(set_field("sources", 0, "published", Raw("2021-06-01"))), ".toml"))

    assert type(error) is FieldTypeError
    assert str(error) == (
        "claims.toml, source 'blog', field 'published': expected a string, got the date 2021-06-01 without quotes"
    )


def test_a_json_null_for_a_required_field_is_refused(tmp_path: Path) -> None:
    error = only_error(write(tmp_path, changed(set_claim("quote", None)), ".json"))

    assert type(error) is FieldTypeError
    assert str(error) == f"claims.json, {CLAIM}, field 'quote': expected a string, got null"


# ------------------------------------------------------------------ several errors at once


@pytest.mark.parametrize("suffix", FORMATS)
def test_three_bad_claims_are_all_reported_in_file_order_and_nothing_is_loaded(tmp_path: Path, suffix: str) -> None:
    second, third, fourth = claim("jd-2020/second"), claim("jd-2020/third"), claim("jd-2020/fourth")
    second["value"]["unit"] = "RMBB"
    del third["quote"]
    fourth["subject"] = "jdd"
    document = changed(append("claims", second), append("claims", third), append("claims", fourth))

    error = load_error(write(tmp_path, document, suffix))

    assert str(error) == "\n".join(
        [
            f"claims{suffix}: 3 errors; nothing was loaded",
            f"  claims{suffix}, claim 'jd-2020/second', field 'value.unit': unknown unit 'RMBB'; did you mean 'RMB'?",
            f"  claims{suffix}, claim 'jd-2020/third', field 'quote': missing field",
            (
                f"  claims{suffix}, claim 'jd-2020/fourth', field 'subject': "
                "no organization with id 'jdd'; did you mean 'jd'?"
            ),
        ]
    )
    assert [type(e) for e in error.exceptions] == [RecordError, MissingFieldError, UnknownReferenceError]


def test_every_bad_field_of_one_claim_is_reported(tmp_path: Path) -> None:
    change = lambda d: d["claims"][0].update(  # noqa: E731 - one change, read in place
        id="bad id", source="report", period="2021-02-30", value={"amount": "-1", "unit": "RMBB"}
    )

    error = load_error(write(tmp_path, changed(change), ".json"))

    assert [str(e) for e in error.exceptions] == [
        "claims.json, claim 'bad id', field 'source': no source with id 'report'",
        "claims.json, claim 'bad id', field 'period': impossible date 2021-02-30",
        "claims.json, claim 'bad id', field 'value.unit': unknown unit 'RMBB'; did you mean 'RMB'?",
        (
            "claims.json, claim 'bad id', field 'id': id must be letters, digits and . _ / : - "
            "(starting with a letter or digit), got 'bad id'"
        ),
    ]


def test_a_misspelt_field_is_reported_as_missing_and_unknown(tmp_path: Path) -> None:
    change = lambda d: d["claims"][0].update(qoute=d["claims"][0].pop("quote"))  # noqa: E731

    error = load_error(write(tmp_path, changed(change), ".toml"))

    assert [str(e) for e in error.exceptions] == [
        f"claims.toml, {CLAIM}, field 'quote': missing field",
        f"claims.toml, {CLAIM}, field 'qoute': unknown field; did you mean 'quote'?",
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        pytest.param(
            set_field("organizations", 0, "kind", "compny"),
            "organization 'jd', field 'kind': expected one of company, foundation, platform, government, "
            "other, got 'compny'; did you mean 'company'?",
            id="bad-owner",
        ),
        pytest.param(
            set_field("metrics", 0, "kind", "cash"),
            "metric 'sales', field 'kind': expected one of money, count, share, ratio, mass, energy, power, "
            "emissions, volume, area, distance, time, concentration, qualitative, got 'cash'; did you mean 'money'?",
            id="bad-metric",
        ),
        pytest.param(
            set_field("sources", 0, "title", 7),
            "source 'blog', field 'title': expected a string, got the number 7",
            id="bad-source",
        ),
    ],
)
def test_a_bad_record_is_reported_once_not_again_by_each_reference(
    tmp_path: Path, change: Change, message: str
) -> None:
    error = only_error(write(tmp_path, changed(change), ".json"))

    assert str(error) == f"claims.json, {message}"


def test_a_bad_parent_declared_after_its_child_is_reported_once(tmp_path: Path) -> None:
    organizations = [{"id": "jd", "name": "JD.com", "parent": "jd-group"}, {"id": "jd-group", "name": " "}]

    error = only_error(write(tmp_path, changed(lambda d: d.update(organizations=organizations)), ".json"))

    assert str(error) == "claims.json, organization 'jd-group', field 'name': name must be non-empty text, got ' '"


def test_circular_parents_are_reported_once(tmp_path: Path) -> None:
    organizations = [
        {"id": "jd", "name": "JD.com", "parent": "jd-group"},
        {"id": "jd-group", "name": "JD Group", "parent": "jd"},
    ]

    error = only_error(write(tmp_path, changed(lambda d: d.update(organizations=organizations)), ".json"))

    assert str(error) == (
        "claims.json, organization 'jd-group', field 'parent': circular parents: 'jd' → 'jd-group' → 'jd'"
    )


def test_a_duplicate_of_a_bad_record_is_reported_too(tmp_path: Path) -> None:
    error = load_error(write(tmp_path, changed(duplicate("claims", 0), set_claim("quote", 5)), ".json"))

    assert [str(e) for e in error.exceptions] == [
        f"claims.json, {CLAIM}, field 'quote': expected a string, got the number 5",
        "claims.json, claims[1], field 'id': duplicate id 'jd-2020/sales'; claims[0] has it already",
    ]


def test_a_record_without_an_id_is_named_by_its_place(tmp_path: Path) -> None:
    error = load_error(write(tmp_path, changed(drop_claim("id"), set_claim("quote", 5)), ".toml"))

    assert [str(e) for e in error.exceptions] == [
        "claims.toml, claims[0], field 'id': missing field",
        "claims.toml, claims[0], field 'quote': expected a string, got the number 5",
    ]


def test_a_record_that_is_not_a_table_is_refused(tmp_path: Path) -> None:
    error = only_error(write(tmp_path, changed(lambda d: d["claims"].append(5)), ".json"))

    assert type(error) is FieldTypeError
    assert str(error) == "claims.json, claims[1]: expected a table, got the number 5"


# ------------------------------------------------------------------ the top level


@pytest.mark.parametrize(
    ("suffix", "text", "error_type", "message"),
    [
        pytest.param(
            ".toml",
            "claims = []\n[[claimz]]\nid = 'x'\n",
            UnknownFieldError,
            "top level, field 'claimz': unknown table; did you mean 'claims'?",
            id="unknown-table",
        ),
        pytest.param(
            ".json",
            '{"claims": [], "notes": []}',
            UnknownFieldError,
            "top level, field 'notes': unknown table; "
            "expected one of count_kinds, sources, organizations, programs, metrics, claims",
            id="unknown-table-no-hint",
        ),
        pytest.param(
            ".toml",
            "[[sources]]\nid = 'blog'\ntitle = 'JD ESG'\npublisher = 'JD'\n",
            MissingFieldError,
            "top level, field 'claims': missing table",
            id="no-claims",
        ),
        pytest.param(
            ".toml",
            "[claims]\nid = 'x'\n",
            FieldTypeError,
            "top level, field 'claims': expected a list of tables, got a table",
            id="claims-table-not-list",
        ),
        pytest.param(
            ".json",
            '{"claims": "none"}',
            FieldTypeError,
            "top level, field 'claims': expected a list of tables, got 'none'",
            id="claims-string",
        ),
    ],
)
def test_the_top_level_holds_the_five_tables(
    tmp_path: Path, suffix: str, text: str, error_type: type[RecordError], message: str
) -> None:
    error = only_error(write_text(tmp_path, text, suffix))

    assert type(error) is error_type
    assert str(error) == f"claims{suffix}, {message}"


@pytest.mark.parametrize(
    ("suffix", "content", "message"),
    [
        pytest.param(
            ".toml",
            "[[claims]\nid = 'x'\n",
            "malformed TOML: Expected ']]' at the end of an array declaration (at line 1, column 9)",
            id="malformed-toml",
        ),
        pytest.param(".toml", "claims = [", "malformed TOML: Invalid value (at end of document)", id="unfinished-toml"),
        pytest.param(
            ".json", '{"claims": [}', "malformed JSON at line 1, column 13: Expecting value", id="malformed-json"
        ),
        pytest.param(
            ".json",
            "{'claims': []}",
            "malformed JSON at line 1, column 2: Expecting property name enclosed in double quotes",
            id="single-quoted-json",
        ),
        pytest.param(
            ".toml",
            b"claims = []\n# \xe6\x88\x91\xff\n",
            "not UTF-8 text (byte 0xff at offset 17); save it as UTF-8",
            id="not-utf8",
        ),
        pytest.param(
            ".json",
            "\ufeff\ufeff".encode("utf-16"),
            "not UTF-8 text (byte 0xff at offset 0); save it as UTF-8",
            id="utf16",
        ),
        pytest.param(
            ".toml",
            b"\xef\xbb\xbfclaims = []\n#\xe9t\xe9\n",
            "not UTF-8 text (byte 0xe9 at offset 16); save it as UTF-8",
            id="latin1-after-byte-order-mark",
        ),
        pytest.param(".json", "[" * 100_000, "malformed JSON: lists or tables nested too deeply", id="json-too-deep"),
        pytest.param(
            ".toml",
            "claims = " + "[" * 100_000,
            "malformed TOML: lists or tables nested too deeply",
            id="toml-too-deep",
        ),
        pytest.param(".toml", "", "the file is empty; a claim file holds at least a list of claims", id="empty-toml"),
        pytest.param(
            ".json", " \n\t\n", "the file is empty; a claim file holds at least a list of claims", id="blank-json"
        ),
        pytest.param(
            ".json",
            "[]",
            "expected a table of sources, organizations, programs, metrics and claims, got an empty list",
            id="json-list",
        ),
        pytest.param(
            ".json",
            '"claims"',
            "expected a table of sources, organizations, programs, metrics and claims, got 'claims'",
            id="json-string",
        ),
        pytest.param(".yaml", "claims: []", "unknown file type '.yaml'; expected .toml or .json", id="yaml"),
        pytest.param(".yaml", "", "unknown file type '.yaml'; expected .toml or .json", id="empty-yaml"),
    ],
)
def test_a_file_that_is_not_a_claim_file_is_refused(
    tmp_path: Path, suffix: str, content: str | bytes, message: str
) -> None:
    path = write_text(tmp_path, content, suffix)

    with pytest.raises(FileFormatError) as caught:
        esgclaims.load(path)

    assert str(caught.value) == f"claims{suffix}: {message}"


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "missing.toml"

    with pytest.raises(FileReadError) as caught:
        esgclaims.load(path)

    assert str(caught.value) == f"{path}: cannot read the file: No such file or directory"
    assert isinstance(caught.value, OSError)
    assert caught.value.errno == errno.ENOENT


# ------------------------------------------------------------------ the errors themselves


def test_record_errors_carry_file_record_and_field(tmp_path: Path) -> None:
    error = only_error(write(tmp_path, changed(set_value(unit="RMBB")), ".toml"))

    assert (error.file, error.record, error.field) == ("claims.toml", CLAIM, "value.unit")
    assert error.problem == "unknown unit 'RMBB'; did you mean 'RMB'?"


@pytest.mark.parametrize("builtin", [ValueError, EsgClaimsError, ExceptionGroup])
def test_a_load_error_is_caught_as(tmp_path: Path, builtin: type[Exception]) -> None:
    path = write(tmp_path, changed(set_value(unit="RMBB")), ".toml")

    with pytest.raises(builtin):
        esgclaims.load(path)


def test_a_file_format_error_is_caught_as_value_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"^claims\.json: the file is empty"):
        esgclaims.load(write_text(tmp_path, "", ".json"))
