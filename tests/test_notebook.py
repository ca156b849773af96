"""The tour notebook: built from examples/tour.py, in sync with tour.ipynb, and run end to end in a real kernel.

The notebook source is the jupytext file ``examples/tour.py``; ``examples/tour.ipynb`` is
built from it (``jupytext --to ipynb examples/tour.py``) and committed without outputs.
The run uses a real Jupyter kernel ("python3", through nbclient) started in the repository
root, so ``import esgclaims`` in the notebook finds the package these tests test. Code cells
the test looks at carry a tag (``# %% tags=["chart"]`` in tour.py).

Deselect with ``-m "not notebook"``: starting a kernel takes a few seconds.
"""

from __future__ import annotations

import base64
from pathlib import Path

import jupytext  # type: ignore[import-untyped]  # jupytext ships no type information
import nbformat
import pytest
from nbclient import NotebookClient

pytestmark = pytest.mark.notebook

REPO = Path(__file__).resolve().parent.parent
SOURCE = REPO / "examples" / "tour.py"
NOTEBOOK = REPO / "examples" / "tour.ipynb"
CELL_TIMEOUT = 120  # seconds per cell; the whole tour runs in a few seconds
TABLE = '<table class="esgclaims">'
WHERE_FROM = "import esgclaims as _esgclaims\nprint(_esgclaims.__file__)"


def _build() -> nbformat.NotebookNode:
    """The notebook built from tour.py in memory, as ``jupytext --to ipynb`` builds it."""
    notebook: nbformat.NotebookNode = jupytext.read(SOURCE, fmt="py:percent")
    nbformat.validate(notebook)
    return notebook


def _read_committed() -> nbformat.NotebookNode:
    notebook: nbformat.NotebookNode = nbformat.read(NOTEBOOK, as_version=4)  # type: ignore[no-untyped-call]
    nbformat.validate(notebook)
    return notebook


def _cells(notebook: nbformat.NotebookNode) -> list[tuple[str, str, list[str]]]:
    return [(cell.cell_type, cell.source, list(cell.metadata.get("tags", []))) for cell in notebook.cells]


@pytest.fixture(scope="module")
def executed() -> nbformat.NotebookNode:
    """The notebook built from tour.py, run top to bottom in a fresh kernel (once for this module)."""
    notebook = _build()
    # One cell more, not part of the tour: which esgclaims the kernel imported.
    where_from = nbformat.v4.new_code_cell(WHERE_FROM, metadata={"tags": ["where-from"]})  # type: ignore[no-untyped-call]
    notebook.cells.append(where_from)
    client = NotebookClient(
        notebook,
        kernel_name="python3",
        timeout=CELL_TIMEOUT,
        # The kernel's working directory, which ipykernel puts on sys.path: the repository root.
        resources={"metadata": {"path": str(REPO)}},
    )
    client.execute()
    return notebook


def _cell(notebook: nbformat.NotebookNode, tag: str) -> nbformat.NotebookNode:
    cells: list[nbformat.NotebookNode] = [cell for cell in notebook.cells if tag in cell.metadata.get("tags", [])]
    assert len(cells) == 1, f"expected one cell tagged {tag!r} in {SOURCE.name}, found {len(cells)}"
    return cells[0]


def _data(notebook: nbformat.NotebookNode, tag: str, mime: str) -> str:
    """The ``mime`` data (text, or base64 for images) the cell tagged ``tag`` displayed."""
    outputs = _cell(notebook, tag).outputs
    found = [output["data"][mime] for output in outputs if mime in output.get("data", {})]
    assert found, f"cell {tag!r} displayed no {mime}; its outputs: {outputs}"
    assert isinstance(found[0], str)
    return found[0]


def _stdout(notebook: nbformat.NotebookNode, tag: str) -> str:
    outputs = _cell(notebook, tag).outputs
    return "".join(o.text for o in outputs if o.output_type == "stream" and o.name == "stdout")


def test_the_notebook_is_built_from_tour_py_and_in_sync() -> None:
    built = _build()
    committed = _read_committed()
    assert _cells(committed) == _cells(built), (
        "examples/tour.ipynb is out of date: rebuild it with `jupytext --to ipynb examples/tour.py`"
    )
    assert committed.metadata.kernelspec.name == "python3"


def test_the_committed_notebook_has_no_outputs() -> None:
    committed = _read_committed()
    for cell in committed.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"committed with outputs: {cell.source[:60]!r}"
            assert cell.execution_count is None, f"committed with an execution count: {cell.source[:60]!r}"


def test_every_cell_runs_in_a_fresh_kernel_without_errors_or_warnings(executed: nbformat.NotebookNode) -> None:
    for cell in executed.cells:
        if cell.cell_type != "code":
            continue
        for output in cell.outputs:
            assert output.output_type != "error", f"{output.ename}: {output.evalue} in\n{cell.source}"
            if output.output_type == "stream" and output.name == "stderr":
                assert "Warning" not in output.text, f"a warning in\n{cell.source}\n{output.text}"


def test_the_kernel_imports_this_repository(executed: nbformat.NotebookNode) -> None:
    imported = Path(_stdout(executed, "where-from").strip())
    assert imported == REPO / "esgclaims" / "__init__.py"


def test_the_claim_set_displays_as_an_html_table(executed: nbformat.NotebookNode) -> None:
    html = _data(executed, "claimset", "text/html")
    assert TABLE in html
    assert "17 claims" in html
    assert "100,000,000,000" in html
    assert "Jingxi" in html


def test_one_claim_displays_as_an_html_table_and_its_quote_is_printed(executed: nbformat.NotebookNode) -> None:
    html = _data(executed, "claim", "text/html")
    assert TABLE in html
    assert "100,000,000,000" in html
    assert "achieved RMB 100 billion yuan in poverty alleviation-related sales" in html
    assert "achieved RMB 100 billion yuan in poverty alleviation-related sales" in _stdout(executed, "quote")


def test_a_filtered_set_displays_only_its_claims(executed: nbformat.NotebookNode) -> None:
    html = _data(executed, "filtered", "text/html")
    assert TABLE in html
    assert "19,770,000" in html
    assert "100,000,000,000" not in html


def test_a_comparison_displays_as_an_html_answer(executed: nbformat.NotebookNode) -> None:
    html = _data(executed, "comparison", "text/html")
    assert TABLE in html
    assert "19,770,000" in html
    assert "200,000,000" in html
    assert "between 8.986% and 10.99%" in html


def test_the_ratio_keeps_the_qualifier(executed: nbformat.NotebookNode) -> None:
    assert _stdout(executed, "ratio").startswith("less than RMB 100,000 per household")


def test_the_share_is_a_range(executed: nbformat.NotebookNode) -> None:
    assert _stdout(executed, "share").startswith("between 8.986% and 10.99%")


def test_the_check_finds_growth_consistent_and_a_fall_inconsistent(executed: nbformat.NotebookNode) -> None:
    findings = " ".join(_stdout(executed, "check").split())  # as printed, but unwrapped
    assert findings.count("CONSISTENT: a cumulative total may grow") == 2
    assert findings.count("INCONSISTENT: a cumulative total cannot fall") == 1
    assert "jd-2020/impoverished-counties-helped (110 counties" in findings


def test_a_conversion_names_its_rate(executed: nbformat.NotebookNode) -> None:
    converted = " ".join(_stdout(executed, "currency").split())
    assert converted.startswith("around RMB 200,000,000 (±10%) ≈ around US$ ")
    assert "6.9042 CNY per USD, 2020 annual average" in converted


def test_the_dataframe_displays_as_html(executed: nbformat.NotebookNode) -> None:
    html = _data(executed, "dataframe", "text/html")
    assert "jd-2020/poverty-alleviation-sales" in html
    assert "100000000000" in html


def test_the_chart_displays_as_a_png(executed: nbformat.NotebookNode) -> None:
    png = base64.b64decode(_data(executed, "chart", "image/png"))
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(png) > 10_000
