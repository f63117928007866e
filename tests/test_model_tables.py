"""The quick-loading form of the shipped reader model gives the very reader its JSON gives."""

from __future__ import annotations

import hashlib
from importlib import resources

import pytest

from kg.extract.learned import MODEL_FILE, load_reader
from kg.extract.model_tables import TABLES_FILE, from_tables, misfits, rows_as_tuples, to_tables


def _shipped(name: str) -> bytes:
    return resources.files("kg.data").joinpath(name).read_bytes()


def test_the_shipped_tables_are_made_from_the_shipped_model():
    digest = hashlib.sha256(_shipped(MODEL_FILE)).hexdigest()
    assert from_tables(_shipped(TABLES_FILE), digest) is not None, \
        "kg/data/reader-model.tables is stale: run python tools/write_model_tables.py"


def test_the_shipped_reader_is_the_one_its_json_gives(tmp_path):
    copy = tmp_path / MODEL_FILE  # read from a file of its own, the JSON alone is decoded
    copy.write_bytes(_shipped(MODEL_FILE))
    from_json, shipped = load_reader(copy), load_reader()
    assert shipped == from_json and shipped.version == from_json.version
    assert type(next(iter(shipped.weights.values()))[0]) is float


def test_tables_round_trip_floats_and_keep_the_rest_as_the_json_has_it():
    body = {"format": 1, "types": ["A", "B"], "weights": {"x y": [0.5, -1.25], "z": [1e-300, 3.0]},
            "party_weights": {"p": 0.1}, "counts": {"a": 1, "b": 2}, "mixed": {"m": [1, 0.5]}}
    back = from_tables(to_tables(body, "abc"), "abc")
    assert back["weights"] == {"x y": (0.5, -1.25), "z": (1e-300, 3.0)}
    assert back["party_weights"] == {"p": 0.1}
    assert back["counts"] == {"a": 1, "b": 2} and type(back["counts"]["a"]) is int  # integers are not tables
    assert back["mixed"] == {"m": [1, 0.5]}
    assert {k: v for k, v in back.items() if k not in ("weights",)} == {k: v for k, v in body.items()
                                                                       if k != "weights"}


def test_tables_of_another_model_or_cut_short_are_not_used():
    data = to_tables({"weights": {"x": [0.5, 0.25]}}, "abc")
    assert from_tables(data, "another model") is None
    assert from_tables(data[:-8], "abc") is None
    assert from_tables(b"not a header\n", "abc") is None


def test_the_reader_version_hashes_the_json_and_not_its_tables():
    from kg.building.manifest import _code_files

    names = {path.name for path in _code_files()}
    assert MODEL_FILE in names and TABLES_FILE not in names  # the JSON decides the reader; the tables follow it


def test_rows_come_as_tuples_and_the_first_row_of_another_length_is_named():
    tuples = {"a": (0.5, 1.0), "b": (2.0, 3.0)}
    assert rows_as_tuples(tuples) is tuples  # the tables file's rows: kept as they are
    assert rows_as_tuples({"a": [0.5, 1.0], "b": (2.0, 3.0)}) == tuples
    assert type(rows_as_tuples({"a": [0.5, 1.0]})["a"]) is tuple
    assert misfits(tuples, 2) == [] and misfits({}, 3) == []
    assert misfits({"a": (1.0, 2.0), "b": (1.0,), "c": (1.0, 2.0, 3.0)}, 2) == ["b"]


def test_a_model_whose_rows_do_not_fit_its_types_is_refused(tmp_path):
    import json

    from kg.errors import KgError

    body = json.loads(_shipped(MODEL_FILE))
    first = next(iter(body["joint"]))
    body["joint"][first] = body["joint"][first][:-1]
    path = tmp_path / "short.json"
    path.write_text(json.dumps(body), encoding="utf-8")
    with pytest.raises(KgError, match=f"weights of '{first}' do not fit the types"):
        load_reader(path)
