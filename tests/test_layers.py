"""The layers of docs/design.md, checked: no import of a higher layer or a sibling, no import cycle.

Every import counts: at module level, under ``if TYPE_CHECKING:`` and inside
functions. A subpackage (``_extract``, ``_io`` ...) is one room: its modules import
each other freely. The few ways up are listed in ``EXCEPTIONS``, each with its reason.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import esgclaims

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

PACKAGE = Path(esgclaims.__file__).parent
DESIGN = PACKAGE.parent / "docs" / "design.md"

# Top to bottom; modules on one level are siblings and may not import each other.
# "esgclaims" is the package's face (__init__.py). A listed module that does not
# exist yet (_numbers, _lexicon) is tolerated: it has its place when it arrives.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("esgclaims", "__main__"),
    ("_cli",),
    ("_extract", "_display", "_interchange"),
    ("_fx", "_compare"),
    ("_io",),
    ("_claimset",),
    ("_model",),
    ("_enums",),
    ("_parse_value", "_parse_period"),
    ("_numbers",),
    ("_nouns",),
    ("_values",),
    ("_interval", "_periods"),
    ("_dates",),
    ("_format",),
    ("_units",),
    ("_lexicon", "_decimal", "_digits", "_lazy"),
    ("_errors",),
)

MODULE_LEVEL, TYPE_ONLY, IN_FUNCTION = "module level", "type checking", "in function"


class Allowed(NamedTuple):
    """A way up that the layers allow: who imports what, where, and why."""

    importer: str
    imported: str
    kinds: frozenset[str]
    reason: str


FACE = "the public face of a higher layer, imported at call time"
EXCEPTIONS: tuple[Allowed, ...] = (
    Allowed(
        "esgclaims._format",
        "esgclaims._display",
        frozenset({IN_FUNCTION}),
        f"{FACE}: html(obj), the one hook every _repr_html_ calls",
    ),
    Allowed(
        "esgclaims._claimset",
        "esgclaims._display",
        frozenset({IN_FUNCTION}),
        f"{FACE}: ClaimSet.to_records, to_dataframe and plot",
    ),
    Allowed(
        "esgclaims._compare.trend",
        "esgclaims._display",
        frozenset({IN_FUNCTION}),
        f"{FACE}: Series.plot, as ClaimSet.plot",
    ),
    Allowed(
        "esgclaims._claimset",
        "esgclaims._compare",
        frozenset({IN_FUNCTION, TYPE_ONLY}),
        f"{FACE}: ClaimSet.check and compare; their return annotations name Finding and Alignment,"
        " which need the comparisons they hold and so cannot move down",
    ),
    Allowed(
        "esgclaims._claimset",
        "esgclaims._interchange",
        frozenset({IN_FUNCTION}),
        f"{FACE}: ClaimSet.to_arrow and to_parquet",
    ),
    Allowed(
        "esgclaims._io.load",
        "esgclaims._interchange",
        frozenset({IN_FUNCTION}),
        f"{FACE}: load() reads a .parquet claim table and an xBRL-JSON report (by its documentInfo)",
    ),
    Allowed(
        "esgclaims._cli.main",
        "esgclaims",
        frozenset({MODULE_LEVEL}),
        "__version__ is defined once, in the package's face, which Python imports before any submodule anyway",
    ),
)


class Import(NamedTuple):
    """One import of a module of the package by another."""

    importer: str
    line: int
    imported: str
    kind: str


def modules(root: Path) -> dict[str, Path]:
    """Every module of the package at ``root``, by dotted name."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        parts = [root.name, *path.relative_to(root).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _nodes(node: ast.AST, kind: str) -> Iterator[tuple[ast.AST, str]]:
    """Every node below ``node`` with where it runs: at import, only for type checkers, or when called."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            yield from _nodes(child, IN_FUNCTION)
        elif isinstance(child, ast.If) and _is_type_checking(child.test):
            inner = TYPE_ONLY if kind == MODULE_LEVEL else kind
            for statement in child.body:
                yield statement, inner
                yield from _nodes(statement, inner)
            for statement in child.orelse:
                yield statement, kind
                yield from _nodes(statement, kind)
        else:
            yield child, kind
            yield from _nodes(child, kind)


def imports(root: Path) -> list[Import]:
    """Every import of one module of the package at ``root`` by another, wherever it is written."""
    known = modules(root)
    found = []
    for name, path in known.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node, kind in _nodes(ast.parse(path.read_text(encoding="utf-8"), str(path)), MODULE_LEVEL):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = package.rsplit(".", node.level - 1)[0] if node.level else ""
                source = ".".join(part for part in (base, node.module) if part)
                targets = [f"{source}.{a.name}" if f"{source}.{a.name}" in known else source for a in node.names]
            else:
                continue
            found += [
                Import(name, node.lineno, target, kind)
                for target in dict.fromkeys(targets)
                if target == root.name or target.startswith(f"{root.name}.")
            ]
    return found


def _room(module: str) -> str:
    """The unit a layer lists: the package's face, a flat core module or a whole subpackage."""
    parts = module.split(".")
    return parts[0] if len(parts) == 1 else parts[1]


def _level(room: str, layers: Iterable[tuple[str, ...]]) -> int | None:
    return next((index for index, level in enumerate(layers) if room in level), None)


def violations(
    root: Path, layers: tuple[tuple[str, ...], ...] = LAYERS, allowed: Iterable[Allowed] = EXCEPTIONS
) -> list[str]:
    """Each import of a higher layer or a sibling, and each module in no layer, as one line."""
    exceptions = {(a.importer, a.imported): a.kinds for a in allowed}
    found = [f"{name}: in no layer of docs/design.md" for name in modules(root) if _level(_room(name), layers) is None]
    for item in imports(root):
        room, other = _room(item.importer), _room(item.imported)
        level, other_level = _level(room, layers), _level(other, layers)
        if room == other or level is None or other_level is None or other_level > level:
            continue
        if item.kind in exceptions.get((item.importer, item.imported), frozenset()):
            continue
        why = f"a higher layer ({other} is above {room})" if other_level < level else f"a sibling ({room} | {other})"
        found.append(f"{item.importer}, line {item.line}: imports {item.imported} ({item.kind}), {why}")
    return found


def import_time_cycles(root: Path) -> list[list[str]]:
    """Circles among the imports that run when a module is imported (module level, not for type checkers)."""
    graph: dict[str, set[str]] = {name: set() for name in modules(root)}
    for item in imports(root):
        if item.kind == MODULE_LEVEL and item.imported != item.importer:
            graph[item.importer].add(item.imported)
    # Depth-first: a module met again on the current path closes a circle.
    cycles: list[list[str]] = []
    done: set[str] = set()
    path: list[str] = []

    def visit(name: str) -> None:
        if name in path:
            cycles.append([*path[path.index(name) :], name])
            return
        if name in done:
            return
        path.append(name)
        for other in sorted(graph.get(name, ())):
            visit(other)
        path.pop()
        done.add(name)

    for name in sorted(graph):
        visit(name)
    return cycles


def _tree(root: Path, files: dict[str, str]) -> Path:
    package = root / "esgclaims"
    for name, text in files.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return package


def test_no_module_imports_a_higher_layer_or_a_sibling() -> None:
    assert violations(PACKAGE) == []


def test_the_ways_up_are_few_each_with_its_reason_and_each_still_used() -> None:
    print("\nAllowed imports of a higher layer:")
    for allowed in EXCEPTIONS:
        print(f"  {allowed.importer} -> {allowed.imported} ({', '.join(sorted(allowed.kinds))}): {allowed.reason}")
    assert len(EXCEPTIONS) <= 7  # two for the claim table: ClaimSet.to_arrow, and load() of a .parquet file
    used = {(i.importer, i.imported, i.kind) for i in imports(PACKAGE)}
    for allowed in EXCEPTIONS:
        assert allowed.reason
        assert any((allowed.importer, allowed.imported, kind) in used for kind in allowed.kinds), allowed


def test_there_is_no_import_cycle_at_import_time() -> None:
    assert import_time_cycles(PACKAGE) == []


def test_the_layers_here_are_the_layers_in_the_design() -> None:
    drawn = "\n".join(" | ".join(level) for level in LAYERS)
    assert drawn in DESIGN.read_text(encoding="utf-8")


def test_the_checker_reports_an_upward_import_wherever_it_is_written(tmp_path: Path) -> None:
    package = _tree(
        tmp_path,
        {
            "__init__.py": "from ._model import Claim\n",
            "_errors.py": "",
            "_model.py": "from ._errors import EsgClaimsError\n",
            "_units.py": (
                "from typing import TYPE_CHECKING\n"
                "if TYPE_CHECKING:\n"
                "    from esgclaims._model import Claim\n"
                "def f():\n"
                "    from esgclaims._display import html\n"
            ),
            "_display/__init__.py": "",
            "_display/notebook.py": "from esgclaims._model import Claim\nfrom .table import row\n",
            "_display/table.py": "from esgclaims import _extract\n",
            "_extract/__init__.py": "",
        },
    )
    assert violations(package) == [
        "esgclaims._display.table, line 1: imports esgclaims._extract (module level), a sibling (_display | _extract)",
        "esgclaims._units, line 3: imports esgclaims._model (type checking), a higher layer (_model is above _units)",
        "esgclaims._units, line 5: imports esgclaims._display (in function), a higher layer (_display is above _units)",
    ]
    allowed = [Allowed("esgclaims._units", "esgclaims._display", frozenset({IN_FUNCTION}), "a hook")]
    assert len(violations(package, allowed=allowed)) == 2


def test_the_checker_reports_a_module_in_no_layer(tmp_path: Path) -> None:
    package = _tree(tmp_path, {"__init__.py": "", "_gadgets.py": ""})
    assert violations(package) == ["esgclaims._gadgets: in no layer of docs/design.md"]


def test_the_checker_reports_an_import_time_cycle_but_not_one_through_functions(tmp_path: Path) -> None:
    package = _tree(
        tmp_path,
        {
            "__init__.py": "",
            "_a.py": "from esgclaims import _b\n",
            "_b.py": "import esgclaims._c\n",
            "_c.py": "from ._a import x\ndef f():\n    from ._d import y\n",
            "_d.py": "from ._c import z\n",
        },
    )
    assert import_time_cycles(package) == [["esgclaims._a", "esgclaims._b", "esgclaims._c", "esgclaims._a"]]
