"""Every example in every docstring of the package runs, as a test of its own.

pytest's own doctest collection skips methods of classes whose ``__module__`` is
set to ``esgclaims`` (the public face), so the package's docstrings are found here
with a finder that looks through the private modules themselves.
"""

from __future__ import annotations

import doctest
import importlib
import inspect
import pkgutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import esgclaims

if TYPE_CHECKING:
    from types import ModuleType

OPTIONS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def _home(obj: object) -> str | None:
    """The module that defines ``obj``, even when its ``__module__`` says ``esgclaims``."""
    if inspect.isclass(obj):
        for member in vars(obj).values():
            function = getattr(member, "fget", None) or getattr(member, "__func__", None) or member
            if inspect.isfunction(function) and function.__qualname__.startswith(obj.__qualname__ + "."):
                return str(function.__globals__["__name__"])
    function = getattr(obj, "fget", None) or obj
    if inspect.isfunction(function):
        return str(function.__globals__["__name__"])
    home = getattr(obj, "__module__", None)
    return home if isinstance(home, str) else None


class _PackageFinder(doctest.DocTestFinder):
    """Finds the examples of the objects each private module defines."""

    def _from_module(self, module: ModuleType | None, object: object) -> bool:  # noqa: A002 - doctest's name
        return module is None or _home(object) == module.__name__


def _modules() -> list[ModuleType]:
    names = [esgclaims.__name__] + [
        info.name
        for info in pkgutil.walk_packages(esgclaims.__path__, prefix=f"{esgclaims.__name__}.")
        if not info.name.endswith("__main__")
    ]
    return [importlib.import_module(name) for name in names]


def _collect() -> list[doctest.DocTest]:
    finder = _PackageFinder(exclude_empty=True)
    tests = [test for module in _modules() for test in finder.find(module, module.__name__) if test.examples]
    return sorted(tests, key=lambda t: t.name)


DOCTESTS = _collect()


def test_method_examples_are_collected_under_their_defining_module() -> None:
    names = {test.name for test in DOCTESTS}
    assert {
        "esgclaims._values.ReportedValue.of",
        "esgclaims._periods.Period.relation",
        "esgclaims._dates.PartialDate.parse",
        "esgclaims._claimset.ClaimSet.filter",
        "esgclaims._units.names.parse_unit",
    } <= names


def test_every_example_is_collected_once() -> None:
    collected = sum(len(test.examples) for test in DOCTESTS)
    written = sum(
        line.lstrip().startswith(">>> ")
        for module in _modules()
        if module.__file__
        for line in Path(module.__file__).read_text(encoding="utf-8").splitlines()
    )
    assert collected == written


@pytest.mark.parametrize("test", DOCTESTS, ids=[t.name for t in DOCTESTS])
def test_docstring_examples_run(test: doctest.DocTest) -> None:
    report: list[str] = []
    result = doctest.DocTestRunner(optionflags=OPTIONS).run(test, out=report.append)
    assert result.failed == 0, "".join(report)
