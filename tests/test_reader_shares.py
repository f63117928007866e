"""benchmarks/reader_shares.py wraps the reader's functions by name: a renamed one must fail here, not time nothing."""

import importlib
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _shares():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        spec = importlib.util.spec_from_file_location("reader_shares", ROOT / "benchmarks" / "reader_shares.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))


def test_every_piece_names_a_function_of_its_module():
    for module, name, _ in _shares().PIECES:
        assert callable(getattr(importlib.import_module(module), name)), f"{module}.{name}"
    shares = _shares()
    assert set(shares.KEPT) <= {label for _, _, label in shares.PIECES}


def test_a_wrapped_function_adds_its_calls_and_seconds_and_returns_as_before():
    shares = _shares()
    holder = type("Holder", (), {"double": staticmethod(lambda x: 2 * x)})
    seconds: dict[str, float] = {}
    calls: dict[str, int] = {}
    shares.wrap(holder, "double", "double", seconds, calls)
    assert [holder.double(3), holder.double(4)] == [6, 8]
    assert calls == {"double": 2} and seconds["double"] >= 0.0
