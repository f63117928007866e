"""docs/tutorial.md runs: every ``python`` block, in order, in one namespace, like notebook cells.

A block after ``<!-- needs: pandas -->`` runs only where pandas is installed;
without pandas it must fail with the clear error kg promises instead.
Also: ``help(kg)`` and ``dir(kg)`` show the whole public API, and query rows
convert to Python values, dicts and (with pandas, or a stand-in) DataFrames.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import pydoc
import re
import shutil
import sys
import types
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg
from kg.store.results import MissingDependency, to_python
from kg.store.protocol import Rows

ROOT = Path(__file__).resolve().parent.parent
TUTORIAL = ROOT / "docs" / "tutorial.md"
BLOCK = re.compile(r"(<!-- needs: (\w+) -->\s*)?```python\n(.*?)```", re.DOTALL)


def test_tutorial_runs(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "examples" / "transcripts", tmp_path / "examples" / "transcripts")
    monkeypatch.chdir(tmp_path)
    blocks = BLOCK.findall(TUTORIAL.read_text(encoding="utf-8"))
    assert len(blocks) >= 6
    namespace: dict = {"__name__": "tutorial"}
    for number, (_, needs, code) in enumerate(blocks, 1):
        compiled = compile(code, f"{TUTORIAL.name}, block {number}", "exec")
        if needs and importlib.util.find_spec(needs) is None:
            with pytest.raises(MissingDependency, match=f"pip install {needs}"):
                exec(compiled, namespace)
            continue
        exec(compiled, namespace)
    assert (tmp_path / "report.html").stat().st_size > 10_000
    assert (tmp_path / "leader-country.html").is_file()


def test_help_and_dir_show_the_whole_public_api():
    listed = dir(kg)
    text = pydoc.render_doc(kg, renderer=pydoc.plaintext)
    for name in kg.__all__:
        assert name in listed
        if name != "__version__":
            assert callable(getattr(kg, name)), name
            assert re.search(rf"^\s+{name}( = \w+)?\(", text, re.MULTILINE), f"help(kg) does not show {name}"
    assert {"query", "to_networkx", "write_report", "link_followups", "write_network"} <= set(kg.__all__)


def test_terms_become_python_values():
    xsd = "http://www.w3.org/2001/XMLSchema#"
    lit = lambda v, t: ox.Literal(v, datatype=ox.NamedNode(xsd + t))  # noqa: E731
    assert to_python(lit("2021-07-20", "date")) == dt.date(2021, 7, 20)
    assert to_python(lit("42", "integer")) == 42 and to_python(lit("1.5", "decimal")) == 1.5
    assert to_python(lit("true", "boolean")) is True
    assert to_python(lit("not a date", "date")) == "not a date"  # kept readable, not an exception
    assert to_python(ox.Literal("Hanoi", language="en")) == "Hanoi"
    assert to_python(ox.NamedNode("https://x.org/a")) == "https://x.org/a" and to_python(None) is None


def _rows() -> Rows:
    xsd = "http://www.w3.org/2001/XMLSchema#"
    return Rows(["date", "n"], [{"date": ox.Literal("2021-07-20", datatype=ox.NamedNode(xsd + "date")),
                                 "n": ox.Literal("3", datatype=ox.NamedNode(xsd + "integer"))},
                                {"n": ox.Literal("4", datatype=ox.NamedNode(xsd + "integer"))}])


def test_rows_values_and_dicts():
    rows = _rows()
    assert rows.values() == [(dt.date(2021, 7, 20), 3), (None, 4)]
    assert rows.to_dicts() == [{"date": dt.date(2021, 7, 20), "n": 3}, {"date": None, "n": 4}]
    assert repr(rows) == "Rows(['date', 'n'], 2 rows)"


def test_to_dataframe_without_pandas_says_how_to_get_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas -> ImportError
    with pytest.raises(MissingDependency, match="pip install pandas"):
        _rows().to_dataframe()


def test_to_dataframe_hands_pandas_columns_and_python_values(monkeypatch):
    calls = {}

    class Frame(dict):
        columns = property(lambda self: list(self))

        def __getitem__(self, key):
            return _Column(dict.__getitem__(self, key))

    class _Column(list):
        def dropna(self):
            return [v for v in self if v is not None]

    def from_records(records, columns):
        calls["records"], calls["columns"] = records, columns
        return Frame({c: [r[i] for r in records] for i, c in enumerate(columns)})

    fake = types.SimpleNamespace(DataFrame=types.SimpleNamespace(from_records=from_records),
                                 to_datetime=lambda column: ("datetime64", list(column)))
    monkeypatch.setitem(sys.modules, "pandas", fake)
    frame = _rows().to_dataframe()
    assert calls["columns"] == ["date", "n"] and calls["records"] == [(dt.date(2021, 7, 20), 3), (None, 4)]
    assert dict.__getitem__(frame, "date") == ("datetime64", [dt.date(2021, 7, 20), None])
    assert dict.__getitem__(frame, "n") == [3, 4]
