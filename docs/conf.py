"""Sphinx configuration: MyST Markdown pages and an API reference generated from the docstrings.

Build with ``python -m sphinx -W --keep-going -b html docs docs/_build/html`` (what CI runs).
Nothing here needs the network: no intersphinx, and the built-in alabaster theme.
"""

from __future__ import annotations

import enum
import importlib
import pkgutil
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.pycode import ModuleAnalyzer

import esgclaims

if TYPE_CHECKING:
    from sphinx.application import Sphinx

project = "esgclaims"
author = "esgclaims maintainers"
copyright = "esgclaims maintainers"  # noqa: A001 - Sphinx's name for it
version = release = esgclaims.__version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build"]

# Markdown pages: headings get anchors, so pages can link to a section.
myst_heading_anchors = 3

# The API reference (docs/api.md): Google-style docstrings, types from the annotations.
autodoc_typehints = "description"
autodoc_member_order = "bysource"
autodoc_class_signature = "mixed"
# A member without a docstring of its own is not repeated under each subclass:
# Period documents start, end and iso once, for all periods.
autodoc_inherit_docstrings = False
napoleon_google_docstring = True
napoleon_numpy_docstring = False

html_theme = "alabaster"  # ships with Sphinx: no theme to install
html_title = f"esgclaims {release}"
html_static_path = ["_static"]
html_css_files = ["custom.css"]
html_theme_options = {
    "description": "Typed, exact, unit-aware ESG claims",
    "page_width": "1240px",
    "sidebar_width": "220px",
    "fixed_sidebar": True,
    "show_relbars": True,
}


# Every public object's __module__ is "esgclaims" (its public name), so autodoc reads
# the source of esgclaims/__init__.py for what only the defining private module has:
# attribute docs (``#:`` comments, docstrings under enum members and attrs fields),
# annotations of module data, and the source order of members. Hand autodoc that
# knowledge under the public module's name, and point viewcode at the real source.
def _defining_modules() -> dict[str, ModuleAnalyzer]:
    """The analyzer of the private module that defines each public name."""
    defined_in: dict[str, ModuleAnalyzer] = {}
    for info in pkgutil.walk_packages(esgclaims.__path__, prefix=f"{esgclaims.__name__}."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        analyzer = ModuleAnalyzer.for_module(module.__name__)
        analyzer.analyze()
        for name in esgclaims.__all__:
            defines = name in analyzer.tags or ("", name) in analyzer.attr_docs or ("", name) in analyzer.annotations
            if defines and getattr(module, name, None) is getattr(esgclaims, name):
                defined_in[name] = analyzer
    return defined_in


_DEFINED_IN = _defining_modules()


def _teach_public_analyzer() -> None:
    public = ModuleAnalyzer.for_module(esgclaims.__name__)
    public.analyze()

    def ours(name: str, key: tuple[str, str] | str) -> bool:
        namespace, attribute = key if isinstance(key, tuple) else ("", key)
        qualname = f"{namespace}.{attribute}" if namespace else attribute
        return qualname == name or qualname.startswith(f"{name}.")

    for name, analyzer in _DEFINED_IN.items():
        public.attr_docs.update({k: v for k, v in analyzer.attr_docs.items() if ours(name, k)})
        public.annotations.update({k: v for k, v in analyzer.annotations.items() if ours(name, k)})
        public.tagorder.update({k: v for k, v in analyzer.tagorder.items() if ours(name, k)})
        public.overloads.update({k: v for k, v in analyzer.overloads.items() if ours(name, k)})


_teach_public_analyzer()


def _follow_imported(_app: Sphinx, modname: str, fullname: str) -> str | None:
    if modname == esgclaims.__name__ and (analyzer := _DEFINED_IN.get(fullname.split(".", 1)[0])):
        return analyzer.modname
    return None


# The project's attribute docstrings read "Label: example" ("An amount over a period:
# donations in 2020."), and their types come from the annotations. Napoleon reads the
# first line of an attribute's docstring as Google style's inline "type: description"
# and would make "An amount over a period" a type. An explicit empty inline type, added
# before napoleon runs, keeps the whole line as the description.
def _no_inline_type(_app: Sphinx, what: str, _name: str, _obj: object, _options: object, lines: list[str]) -> None:
    first = next((index for index, line in enumerate(lines) if line.strip()), None)
    if what in ("attribute", "data", "property") and first is not None and ":" in lines[first]:
        lines[first] = f": {lines[first]}"


# An enum is not called to build a member: no "(value)" signature. A default that
# attrs computes (a factory, a converter's) shows as "NOTHING": say it is computed.
def _tidy_signature(
    _app: Sphinx, what: str, _name: str, obj: object, _options: object, signature: str | None, annotation: str | None
) -> tuple[str, str | None] | None:
    if what == "class" and isinstance(obj, enum.EnumMeta):
        return "", annotation
    if signature is not None and "=NOTHING" in signature:
        return signature.replace("=NOTHING", "=<computed>"), annotation
    return None


# Data is not called: no parameter list. (The registry ``ureg`` is callable, and
# autodoc would list the parameters of pint's UnitRegistry.__call__ under it.) An
# exception is a class: autodoc drops the return type of a class's constructor, but
# not of an exception's ("Return type: None").
def _tidy_fields(_app: Sphinx, domain: str, objtype: str, content: nodes.Element) -> None:
    if domain != "py":
        return
    for field_list in [child for child in content.children if isinstance(child, nodes.field_list)]:
        if objtype == "data":
            content.remove(field_list)
        elif objtype == "exception":
            for field in [f for f in field_list.children if isinstance(f, nodes.field)]:
                if field[0].astext() == "rtype":
                    field_list.remove(field)


def setup(app: Sphinx) -> None:
    app.connect("autodoc-process-docstring", _no_inline_type, priority=400)  # napoleon's runs at 500
    app.connect("autodoc-process-signature", _tidy_signature)
    app.connect("object-description-transform", _tidy_fields, priority=600)  # after autodoc adds the types
    app.connect("viewcode-follow-imported", _follow_imported)
