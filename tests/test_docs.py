"""The docs: an API reference that documents every public name once, in its group, and a clean Sphinx build.

docs/api.md documents objects with autodoc directives (``.. autoclass:: esgclaims.Claim``)
under one ``##`` section per group of ``esgclaims.__all__`` (the comments in
esgclaims/__init__.py). The build runs Sphinx with warnings as errors, as CI does.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import esgclaims

if TYPE_CHECKING:
    from collections.abc import Iterator

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
API = DOCS / "api.md"

_DIRECTIVE = re.compile(
    r"^\.\. (?:auto)?(?:class|exception|function|data|attribute|method|module)::\s*esgclaims\.(\w+)\s*$",
    flags=re.MULTILINE,
)
_SECTION = re.compile(r"^## (.+)$", flags=re.MULTILINE)


def _sections() -> dict[str, list[str]]:
    """The names each ``##`` section of docs/api.md documents, by section title (lower case)."""
    text = API.read_text(encoding="utf-8")
    titles = list(_SECTION.finditer(text))
    ends = [match.start() for match in titles[1:]] + [len(text)]
    return {
        title.group(1).strip().lower(): _DIRECTIVE.findall(text, title.end(), end)
        for title, end in zip(titles, ends, strict=True)
    }


def _documented() -> list[str]:
    return _DIRECTIVE.findall(API.read_text(encoding="utf-8"))


def _groups() -> dict[str, list[str]]:
    """The groups of ``__all__`` in esgclaims/__init__.py: each comment, and the names under it."""
    source = (ROOT / "esgclaims" / "__init__.py").read_text(encoding="utf-8")
    assignment = next(
        node
        for node in ast.parse(source).body
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
    )
    lines = source.splitlines()[assignment.lineno - 1 : assignment.end_lineno]
    groups: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines:
        comment = re.fullmatch(r"\s*#\s*(.+?)\s*", line)
        if comment:
            current = groups.setdefault(comment.group(1).lower(), [])
        for name in re.findall(r'"(\w+)"', line):
            assert current is not None, f"{name} in __all__ comes before any group comment"
            current.append(name)
    return groups


def _toctree(page: Path) -> Iterator[str]:
    text = page.read_text(encoding="utf-8")
    for block in re.findall(r"```\{toctree\}\n(.*?)```", text, flags=re.DOTALL):
        for line in block.splitlines():
            if line.strip() and not line.startswith(":"):
                yield line.strip()


def test_the_api_reference_documents_every_public_name() -> None:
    documented = set(_documented())
    public = set(esgclaims.__all__)
    assert not public - documented, f"add to docs/api.md: {sorted(public - documented)}"
    assert not documented - public, f"not in esgclaims.__all__: {sorted(documented - public)}"


def test_the_api_reference_documents_each_name_once() -> None:
    twice = sorted(name for name, count in Counter(_documented()).items() if count > 1)
    assert not twice, f"documented more than once in docs/api.md: {twice}"


def test_the_groups_of_all_are_read_whole() -> None:
    names = [name for group in _groups().values() for name in group]
    assert names == list(esgclaims.__all__)


def test_the_api_reference_is_grouped_like_all() -> None:
    groups = _groups()
    sections = {title.removeprefix("the "): names for title, names in _sections().items()}
    assert [title.removeprefix("the ") for title in groups] == list(sections), (
        "docs/api.md needs one '## ' section per group of __all__, in the same order"
    )
    for title, names in groups.items():
        section = sections[title.removeprefix("the ")]
        assert sorted(section) == sorted(names), f"section {title!r} of docs/api.md"


def test_every_page_is_in_the_table_of_contents() -> None:
    pages = {page.stem for page in DOCS.glob("*.md")} - {"index"}
    listed = list(_toctree(DOCS / "index.md"))
    assert sorted(listed) == sorted(pages), "docs/index.md's toctree lists every page of docs/, once"


@pytest.mark.skipif(
    importlib.util.find_spec("sphinx") is None or importlib.util.find_spec("myst_parser") is None,
    reason='the docs build needs Sphinx and MyST: pip install ".[docs]"',
)
def test_the_docs_build_without_warnings(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html", str(DOCS), str(tmp_path)]
    result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)  # noqa: S603 - our own command
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "api.html").is_file()
