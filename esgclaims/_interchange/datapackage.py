"""Claims as a Frictionless data package: the export's CSV, described by a ``datapackage.json``.

The package follows Frictionless Data Package v1 (the ``tabular-data-package``
profile, which frictionless 5 validates without a network): one resource,
``claims.csv``, with the columns of :meth:`esgclaims.ClaimSet.to_records`, and a
Table Schema that gives each column its type, the allowed values of the enumerated
ones (``constraints.enum``), which are required, and ``id`` as the primary key.
The resource carries the CSV's size and SHA-256, so a package whose CSV was
changed afterwards fails validation.

Figures are ``number`` fields written as exact decimal text (``19770000``, never
``1.977e7``, never grouped): frictionless reads them as :class:`~decimal.Decimal`,
and so does ``csv`` with ``Decimal(cell)``. A reader that turns ``number`` into a
binary float loses digits; read those columns as text there.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import secrets
import shutil
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from esgclaims._claimset import ClaimSet
from esgclaims._errors import check_argument
from esgclaims._model import Modality, Temporal
from esgclaims._units import plain
from esgclaims._values import Qualifier

if TYPE_CHECKING:
    import enum
    from collections.abc import Iterable

    from esgclaims._model import Claim

__all__ = [
    "CSV_NAME",
    "DESCRIPTOR_NAME",
    "FIELDS",
    "FORMULA_STARTS",
    "Field",
    "cell",
    "descriptor",
    "to_csv",
    "to_datapackage",
]

#: The data file and the descriptor, inside the package's directory.
CSV_NAME = "claims.csv"
DESCRIPTOR_NAME = "datapackage.json"


class Field(NamedTuple):
    """One column of the claim table, as its Table Schema field says it."""

    name: str
    type: str
    required: bool
    description: str
    enum: tuple[str, ...] = ()


_TEXT, _NUMBER, _BOOLEAN, _DATE = "string", "number", "boolean", "date"
_REQUIRED, _OPTIONAL = True, False


def _values(choices: type[enum.Enum]) -> tuple[str, ...]:
    return tuple(str(member.value) for member in choices)


#: The columns of ``claims.csv``, in order (those of ``ClaimSet.to_records``; a test keeps them equal).
FIELDS = (
    Field("id", _TEXT, _REQUIRED, "The claim's id, unique in the package."),
    Field("subject", _TEXT, _REQUIRED, "The name of the organization the claim is about."),
    Field("program", _TEXT, _OPTIONAL, "The name of the program the figure belongs to, if any."),
    Field("metric", _TEXT, _REQUIRED, "The name of the metric."),
    Field(
        "qualifier",
        _TEXT,
        _OPTIONAL,
        "How the figure is stated; empty for a claim without a figure.",
        _values(Qualifier),
    ),
    Field("reported", _NUMBER, _OPTIONAL, "The figure as reported, an exact decimal in the unit of 'unit'."),
    Field("low", _NUMBER, _OPTIONAL, "The lowest value the statement allows; empty where unbounded."),
    Field("low_closed", _BOOLEAN, _OPTIONAL, "Whether 'low' itself is allowed."),
    Field("high", _NUMBER, _OPTIONAL, "The highest value the statement allows; empty where unbounded."),
    Field("high_closed", _BOOLEAN, _OPTIONAL, "Whether 'high' itself is allowed."),
    Field("unit", _TEXT, _OPTIONAL, "The unit, which esgclaims.parse_unit reads back ('CNY', 'CNY/household')."),
    Field("unit_words", _TEXT, _OPTIONAL, "The unit in words."),
    Field("tolerance", _NUMBER, _OPTIONAL, "For 'approximately' only: the relative half-width (0.1 is 10 %)."),
    Field(
        "precision", _NUMBER, _OPTIONAL, "The step of the last reported digit, in the unit: 10000 for 19.77 million."
    ),
    Field("period", _TEXT, _REQUIRED, "The period in ISO 8601 ('2020', '2020-12-31', '2018/2020'), or 'unknown'."),
    Field("period_start", _DATE, _OPTIONAL, "The first day of the period; empty where not stated."),
    Field("period_end", _DATE, _OPTIONAL, "The last day of the period; empty where not stated."),
    Field("temporal", _TEXT, _REQUIRED, "What the metric measures over time.", _values(Temporal)),
    Field("attribution", _TEXT, _REQUIRED, "Who states the figure."),
    Field("modality", _TEXT, _REQUIRED, "Whether the figure is achieved, committed or targeted.", _values(Modality)),
    Field("quote", _TEXT, _REQUIRED, "The sentence the figure is quoted from, verbatim."),
    Field("source", _TEXT, _REQUIRED, "The id of the source document."),
)


def _schema_field(column: Field) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column.name, "type": column.type, "description": column.description}
    if column.type == _BOOLEAN:
        field.update(trueValues=["true"], falseValues=["false"])
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    if column.name == "id":
        constraints["unique"] = True
    if column.enum:
        constraints["enum"] = list(column.enum)
    if constraints:
        field["constraints"] = constraints
    return field


def descriptor(name: str, data: bytes) -> dict[str, Any]:
    """The ``datapackage.json`` of a package named ``name`` whose ``claims.csv`` holds ``data``.

    Examples:
        >>> package = descriptor("jd-2020", b"")
        >>> package["profile"], package["resources"][0]["schema"]["primaryKey"]
        ('tabular-data-package', ['id'])
        >>> package["resources"][0]["schema"]["fields"][4]["constraints"]["enum"][:3]
        ['exact', 'approximately', 'more_than']
    """
    return {
        "profile": "tabular-data-package",
        "name": name,
        "title": "ESG claims",
        "description": "Claims written by esgclaims: one row per claim, figures as exact decimals.",
        "resources": [
            {
                "profile": "tabular-data-resource",
                "name": "claims",
                "path": CSV_NAME,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "bytes": len(data),
                "hash": f"sha256:{hashlib.sha256(data).hexdigest()}",
                "dialect": {"delimiter": ",", "quoteChar": '"', "doubleQuote": True, "header": True},
                "schema": {
                    "fields": [_schema_field(column) for column in FIELDS],
                    "primaryKey": ["id"],
                    "missingValues": [""],
                },
            }
        ],
    }


#: What makes a spreadsheet read a cell as a formula when it starts one (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object, *, neutralise: bool = True) -> str:
    """A record's value as CSV text: exact decimals, ISO dates, ``true``/``false``, and ``""`` for ``None``.

    Text that starts with one of :data:`FORMULA_STARTS` gets a leading ``'``, as OWASP
    recommends against CSV injection, so that a spreadsheet shows it rather than runs
    it; ``neutralise=False`` writes it as it is. Numbers, dates and booleans are never
    changed: a negative figure stays ``-5``, a number a spreadsheet reads as one.

    Examples:
        >>> cell(Decimal("1.977E+7")), cell(Decimal("-5")), cell(None), cell(False)
        ('19770000', '-5', '', 'false')
        >>> cell("=HYPERLINK(1)"), cell("-5 on last year"), cell("=1", neutralise=False)
        ("'=HYPERLINK(1)", "'-5 on last year", '=1')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(plain(value), "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    return "'" + text if neutralise and text.startswith(FORMULA_STARTS) else text


def to_csv(claims: ClaimSet | Iterable[Claim], *, neutralise: bool = True) -> str:
    """The claim table as CSV text: the header, then one row per claim (what ``export --format csv`` writes).

    Each value is written by :func:`cell`: text that a spreadsheet would run as a
    formula starts with ``'`` unless ``neutralise`` is false.

    Examples:
        >>> import esgclaims
        >>> print(to_csv(esgclaims.load_dataset("jd-2020")).splitlines()[0][:40])
        id,subject,program,metric,qualifier,repo
    """
    claim_set = claims if isinstance(claims, ClaimSet) else ClaimSet(claims)
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(column.name for column in FIELDS)
    writer.writerows(
        [cell(record[column.name], neutralise=neutralise) for column in FIELDS] for record in claim_set.to_records()
    )
    return stream.getvalue()


def _package_name(directory: Path) -> str:
    """The directory's name as a package name: lower case, ``-`` for what a name may not hold."""
    allowed = "abcdefghijklmnopqrstuvwxyz0123456789-._"
    name = "".join(char if char in allowed else "-" for char in directory.name.lower()).strip("-.")
    return name or "claims"


def to_datapackage(claims: ClaimSet | Iterable[Claim], directory: str | os.PathLike[str]) -> None:
    """Write claims as a Frictionless data package: ``claims.csv`` and ``datapackage.json`` in ``directory``.

    A new directory appears whole or not at all (built beside it under a temporary
    name, then renamed); in a directory that exists, each of the two files is
    replaced whole, the CSV first. The CSV is what ``esgclaims export --format csv``
    writes; the descriptor's Table Schema types it (docs/cli.md).

    Examples:
        >>> import esgclaims, json, pathlib, tempfile
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     esgclaims.to_datapackage(esgclaims.load_dataset("jd-2020"), pathlib.Path(folder) / "jd-2020")
        ...     package = json.loads((pathlib.Path(folder) / "jd-2020" / "datapackage.json").read_text())
        >>> package["name"], package["resources"][0]["path"]
        ('jd-2020', 'claims.csv')
    """
    check_argument(
        directory, (str, os.PathLike), where="to_datapackage(): directory", what="a path (str or os.PathLike)"
    )
    target = Path(directory)
    data = to_csv(claims).encode("utf-8")
    text = json.dumps(descriptor(_package_name(target.absolute()), data), ensure_ascii=False, indent=2) + "\n"
    files = {CSV_NAME: data, DESCRIPTOR_NAME: text.encode("utf-8")}
    if target.is_dir():
        for name, content in files.items():
            _replace(target / name, content)
        return
    temporary = _temporary(target)
    temporary.mkdir()  # with the mode a new directory gets (mkdtemp would make it private)
    try:
        for name, content in files.items():
            _write(temporary / name, content, "wb")
        temporary.replace(target)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise


def _temporary(path: Path) -> Path:
    """A name no file has yet, beside ``path``, hidden."""
    return path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"


def _write(path: Path, content: bytes, mode: str) -> None:
    with path.open(mode) as stream:
        stream.write(content)
        stream.flush()
        os.fsync(stream.fileno())


def _replace(path: Path, content: bytes) -> None:
    """``content`` at ``path``, or the file as it was: a temporary file beside it, then a rename."""
    temporary = _temporary(path)
    try:
        _write(temporary, content, "xb")
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
