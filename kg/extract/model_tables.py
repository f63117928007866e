"""The shipped reader model in a form that loads in a third of the time: its weights as raw doubles.

Decoding the 700,000 numbers of ``reader-model.json`` took most of a build
worker's loading.  ``reader-model.tables`` holds the same model: the JSON
object less its tables of weights, then each table as its keys (UTF-8, one
NUL between two) and its numbers (IEEE doubles, as the JSON's were read), so
that loading it is a split and an array copy.  The file names the SHA-256 of
the JSON it was made from, and is used only while that JSON is unchanged:
the JSON stays the model (``tools/train_reader.py`` writes both), and a stale
or missing tables file costs time, never a different reader.  No pickle: the
file is data, read with :mod:`array` and :mod:`json`.
"""

from __future__ import annotations

import hashlib
import json
import sys
from array import array
from itertools import repeat
from pathlib import Path

TABLES_FILE = "reader-model.tables"
FORMAT = 1


def _is_table(value: object) -> int | None:
    """The width of a table of weights (0: one float per key), None for anything else.

    Only floats qualify (an integer in the JSON must come back an integer), and keys without NUL."""
    if not isinstance(value, dict) or not value or any("\0" in key for key in value):
        return None
    rows = list(value.values())
    if all(type(row) is float for row in rows):
        return 0
    width = len(rows[0]) if isinstance(rows[0], list) else 0
    if width and all(isinstance(row, list) and len(row) == width and all(type(x) is float for x in row)
                     for row in rows):
        return width
    return None


def to_tables(body: dict, sha256: str) -> bytes:
    """The tables file of a model's JSON object ``body``, whose file has this SHA-256."""
    rest, tables, blobs = {}, [], []
    for name, value in body.items():
        width = _is_table(value)
        if width is None:
            rest[name] = value
            continue
        keys = "\0".join(value).encode("utf-8")
        numbers = array("d", value.values() if width == 0 else (x for row in value.values() for x in row))
        tables.append({"name": name, "rows": len(value), "width": width, "keys": len(keys),
                       "numbers": len(numbers) * numbers.itemsize})
        blobs += [keys, numbers.tobytes()]
    header = {"format": FORMAT, "json_sha256": sha256, "byteorder": sys.byteorder, "body": rest, "tables": tables}
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8") + b"\n" + b"".join(blobs)


def from_tables(data: bytes, sha256: str) -> dict | None:
    """The model's JSON object, its weights as tuples, if ``data`` was made from the JSON with this SHA-256;
    else None (another model, another format, a truncated file)."""
    end = data.find(b"\n")
    try:
        header = json.loads(data[:end])
    except ValueError:
        return None
    if not isinstance(header, dict) or header.get("format") != FORMAT or header.get("json_sha256") != sha256:
        return None
    body, at = dict(header["body"]), end + 1
    for table in header["tables"]:
        keys = data[at:at + table["keys"]].decode("utf-8").split("\0")
        at += table["keys"]
        numbers = array("d")
        numbers.frombytes(data[at:at + table["numbers"]])
        at += table["numbers"]
        if header["byteorder"] != sys.byteorder:
            numbers.byteswap()
        width, values = table["width"], numbers.tolist()
        if len(keys) != table["rows"] or len(values) != table["rows"] * max(width, 1):
            return None
        body[table["name"]] = dict(zip(keys, values if width == 0 else zip(*repeat(iter(values), width))))
    return body if at == len(data) else None


def rows_as_tuples(rows: dict) -> dict[str, tuple]:
    """``rows`` with every row a tuple: ``rows`` itself when they all are, as :func:`from_tables` gives
    them (making the dicts again took 0.009 CPU-s of a build worker's loading, before its first page)."""
    if set(map(type, rows.values())) <= {tuple}:
        return rows
    return dict(zip(rows, map(tuple, rows.values())))


def misfits(rows: dict[str, tuple[float, ...]], width: int) -> list[str]:
    """The first key of ``rows`` whose row is not ``width`` long, if any: the lengths taken in C
    (a worker checks the reader's 92,000 rows before its first page: 0.012 CPU-s as a comprehension)."""
    if set(map(len, rows.values())) <= {width}:
        return []
    return [key for key, row in rows.items() if len(row) != width][:1]


def write_beside(model: Path) -> Path:
    """Writes the tables file of the model file ``model`` beside it; returns its path."""
    raw = model.read_bytes()
    out = model.with_name(TABLES_FILE)
    out.write_bytes(to_tables(json.loads(raw), hashlib.sha256(raw).hexdigest()))
    return out
