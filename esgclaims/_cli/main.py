"""The ``esgclaims`` command line: list, show, compare, check, validate, follow and export claims; extract candidates.

Every error a user can cause is reported on standard error as ``esgclaims: error:``
lines, one error a line with its file, record and field, and exit status 1;
argparse reports a wrong command line with status 2. No traceback for either.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from typing import TYPE_CHECKING

from esgclaims import __version__
from esgclaims._errors import EsgClaimsError, LoadError
from esgclaims._io.datasets import DATASETS

from .claims import add_claim_commands
from .common import wrap
from .export import add_export_command
from .extract import add_extract_command
from .locate import add_locate_command
from .output import terminal_output
from .series import add_series_command

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

__all__ = ["main"]

#: The exit status of a command whose output was cut short by a closed pipe, as a shell
#: reports a process killed by SIGPIPE (128 + 13): ``esgclaims list | head -3``.
BROKEN_PIPE = 141

_EXAMPLES = f"""\
examples:
  esgclaims list jd-2020
  esgclaims show jd-2020/online-donations-raised
  esgclaims compare jd-2020/online-donations-raised jd-2020/jd-foundation-donations
  esgclaims check report-2021.toml press-2022.toml
  esgclaims validate claims.toml
  esgclaims series report-2023.toml report-2024.toml --metric community-spending
  esgclaims export jd-2020 --format csv -o jd-2020.csv
  esgclaims extract report.txt --output draft.toml
  esgclaims locate typed-from-pdf.toml --text report.txt -o located.toml

A SOURCE is a shipped dataset ({", ".join(DATASETS)}) or a .toml or .json claim file, and
esgclaims COMMAND --help explains a command. Errors go to standard error, one a
line. Exit status: 0 done; 1 an error, or an inconsistent finding of check; 2 a
wrong command line."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="esgclaims",
        description=wrap(
            "Typed, exact ESG claims: list, show, compare, check, validate and export the claims of "
            "claim files and shipped datasets; extract candidate claims from text."
        ),
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add_claim_commands(commands)
    add_series_command(commands)
    add_export_command(commands)
    add_extract_command(commands)
    add_locate_command(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line.

    Args:
        argv: The arguments after the program name (default: ``sys.argv[1:]``).

    Returns:
        The exit status: 0 on success, 1 for an error (or, for ``check``, an
        inconsistent finding), 141 when standard output was closed early.
        argparse exits with status 2 itself on a wrong command line.
    """
    args = _parser().parse_args(argv)
    try:
        with terminal_output():
            status = _run(args)
            sys.stdout.flush()  # a closed pipe raises here, inside the try, not at exit
    except BrokenPipeError:
        # The reader has gone (``| head``): send what is left to devnull, so that the
        # flush at exit does not fail again. See "Note on SIGPIPE" in the signal docs.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return BROKEN_PIPE
    except KeyboardInterrupt:
        return 130
    return status


def _run(args: argparse.Namespace) -> int:
    """Run a command; report a user's error on standard error, without a traceback."""
    try:
        status: int = args.run(args)
    except EsgClaimsError as error:  # a bug is any other error: it keeps its traceback
        _report(error)
        return 1
    except OSError as error:  # e.g. an output file in a directory that does not exist
        if isinstance(error, BrokenPipeError):
            raise
        _report_os_error(error)
        return 1
    return status


def _report(error: BaseException) -> None:
    with contextlib.suppress(OSError):
        sys.stdout.flush()  # what was printed before the error comes first on a shared terminal
    if sys.stderr is None:
        return
    for line in _error_lines(error):
        print(f"esgclaims: {line}", file=sys.stderr)


def _error_lines(error: BaseException) -> Iterator[str]:
    """One line per error: a file's bad records each with file, record and field, then what it cost."""
    if isinstance(error, LoadError):
        for record_error in error.exceptions:
            yield f"error: {record_error}"
        yield error.message
    elif isinstance(error, BaseExceptionGroup):
        for inner in error.exceptions:
            yield from _error_lines(inner)
    else:
        yield from (f"error: {line}" for line in str(error).splitlines())


def _report_os_error(error: OSError) -> None:
    where = f"{error.filename}: " if error.filename is not None else ""
    if sys.stderr is not None:
        print(f"esgclaims: error: {where}{error.strerror or error}", file=sys.stderr)
