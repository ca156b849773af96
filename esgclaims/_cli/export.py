"""``esgclaims export``: claims as a JSON claim file, CSV, an xBRL-JSON report or a data package."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from esgclaims._errors import FileFormatError
from esgclaims._io.atomic import atomic_write
from esgclaims._io.datasets import DATASETS
from esgclaims._io.dump import dump, to_json, to_toml

from .common import add_command, load_sources
from .output import utf8_output

if TYPE_CHECKING:
    import argparse

    from esgclaims._claimset import ClaimSet

__all__ = ["add_export_command"]


def add_export_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``export`` to the command line's subcommands."""
    command = add_command(
        commands,
        "export",
        "write claims as a JSON claim file, as CSV, as an xBRL-JSON report or as a data package",
        (
            "Write claims as a JSON claim file, which esgclaims.load reads back to equal claims, or as CSV: "
            "one row per claim with the columns of ClaimSet.to_records(). Numbers are exact decimals as "
            "written (19770000, never 1.977e7); dates are ISO 8601; an unbounded end is an empty cell. "
            "Output is UTF-8. A data package (-o DIRECTORY) is that CSV and a datapackage.json, a Frictionless "
            "Table Schema that types each column."
        ),
        (
            "examples:\n"
            "  esgclaims export jd-2020 --format csv -o jd-2020.csv\n"
            "  esgclaims export claims.toml more-claims.toml --format json -o merged.json\n"
            "  esgclaims export jd-2020 --format xbrl-json -o out/report.json\n"
            "  esgclaims export jd-2020 --format datapackage -o jd-2020/"
        ),
    )
    command.add_argument(
        "sources",
        nargs="+",
        metavar="SOURCE",
        help=f"a dataset name ({', '.join(DATASETS)}) or a .toml or .json claim file; several are merged",
    )
    command.add_argument(
        "--format",
        "-f",
        required=True,
        choices=("json", "toml", "csv", "xbrl-json", "datapackage"),
        help="the output format",
    )
    command.add_argument(
        "--output",
        "-o",
        metavar="PATH",
        help="the file to write (default: standard output); json and toml need that suffix, datapackage a directory",
    )
    command.add_argument(
        "--raw-csv",
        action="store_true",
        help=(
            "write text cells as they are, even one starting with = + - @, tab or CR: UNSAFE to open in a "
            "spreadsheet, which may run it as a formula (csv only; numbers are never changed either way)"
        ),
    )
    command.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    output = None if args.output is None else Path(args.output)
    if output is not None and args.format in ("json", "toml") and output.suffix.lower() != f".{args.format}":
        raise FileFormatError(
            f"{output}: a {args.format.upper()} claim file needs a .{args.format} name, "
            "which is how esgclaims.load tells JSON from TOML"
        )
    if args.format == "xbrl-json" and (output is None or output.suffix.lower() != ".json"):
        raise FileFormatError("an xBRL-JSON report is written to a file with a .json name (-o out/report.json)")
    if args.format == "datapackage" and output is None:
        raise FileFormatError("a data package is a directory: name it with -o (-o jd-2020/)")
    if args.raw_csv and args.format != "csv":
        raise FileFormatError(f"--raw-csv is an option of --format csv, not of --format {args.format}")
    neutralise = not args.raw_csv
    claims = load_sources(args.sources)
    if args.format == "xbrl-json":
        from esgclaims._interchange.xbrl import to_xbrl_json  # noqa: PLC0415 - loaded on use

        assert output is not None  # noqa: S101 - checked above
        to_xbrl_json(claims, output)
        print(f"wrote {len(claims)} claims to {output}, and the esgc taxonomy beside it")
        return 0
    if args.format == "datapackage":
        from esgclaims._interchange.datapackage import to_datapackage  # noqa: PLC0415 - loaded on use

        assert output is not None  # noqa: S101 - checked above
        to_datapackage(claims, output)
        print(f"wrote {len(claims)} claims to {output}: claims.csv and datapackage.json")
        return 0
    if output is None:
        with utf8_output() as stdout:
            if args.format == "toml":
                stdout.write(to_toml(claims))
            elif args.format == "json":
                _write_json(claims, stdout)
            else:
                _write_csv(claims, stdout, neutralise=neutralise)
        return 0
    if args.format in ("json", "toml"):
        dump(claims, output)
    else:
        from esgclaims._interchange.datapackage import to_csv  # noqa: PLC0415 - loaded on use

        atomic_write(output, to_csv(claims, neutralise=neutralise).encode("utf-8"))
    print(f"wrote {len(claims)} claims to {output}")
    return 0


def _write_json(claims: ClaimSet, stream: TextIO) -> None:
    """What :func:`esgclaims.dump` writes to a file, to a stream."""
    stream.write(to_json(claims))


def _write_csv(claims: ClaimSet, stream: TextIO, *, neutralise: bool = True) -> None:
    """The data package's CSV (one writer for both), to a stream."""
    from esgclaims._interchange.datapackage import to_csv  # noqa: PLC0415 - loaded on use

    stream.write(to_csv(claims, neutralise=neutralise))
