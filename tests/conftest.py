"""Shared fixtures: the dev graph built once, and real Oxigraph servers on free loopback ports.

The servers are the ``oxigraph`` binary from the PyPI package (a test extra),
started for the session and stopped when it ends, whatever the outcome.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.building.builder import build
from kg.store.serve import OxigraphServer
from kg.store.embedded import OxigraphStore

DEV_DIR = Path(__file__).resolve().parent / "data" / "dev"


@pytest.fixture(scope="session", autouse=True)
def _load_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The load cache (kg.loadcache) of the session in a folder of its own, not the user's."""
    import os

    from kg.loadcache import CACHE_ENV

    before = os.environ.get(CACHE_ENV)
    os.environ[CACHE_ENV] = str(tmp_path_factory.mktemp("load-cache"))
    yield
    if before is None:
        os.environ.pop(CACHE_ENV, None)
    else:
        os.environ[CACHE_ENV] = before


@pytest.fixture(scope="session")
def dev_store() -> OxigraphStore:
    """The seven dev transcripts built into a memory store; tests must not write to it."""
    store = OxigraphStore(None)
    result = build([str(DEV_DIR)], store)
    assert result.ok, result.errors
    yield store
    store.close()


@pytest.fixture(scope="session")
def dev_store_dir(tmp_path_factory) -> Path:
    """The dev transcripts built into a store directory (closed again, so a server may open it)."""
    path = tmp_path_factory.mktemp("dev-store") / "store"
    with OxigraphStore(path) as store:
        assert build([str(DEV_DIR)], store).ok
    return path


@pytest.fixture(scope="session")
def chromium(tmp_path_factory) -> int:
    """One headless Chromium for the session's browser tests: its DevTools port.

    Skips, saying what to install, when chromium or websocket-client is missing.
    """
    from chromium import CHROMIUM, running_chromium

    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install -y chromium)")
    pytest.importorskip("websocket", reason="websocket-client is not installed (pip install '.[test]')")
    with running_chromium(tmp_path_factory.mktemp("chromium-profile")) as port:
        yield port


@pytest.fixture(scope="session")
def oxigraph_server() -> OxigraphServer:
    """A read-write, in-memory Oxigraph server on 127.0.0.1 with the union default graph."""
    with OxigraphServer(None, read_only=False) as server:
        yield server


@pytest.fixture()
def empty_server() -> OxigraphServer:
    """A fresh in-memory server for one test (push targets, failure cases)."""
    with OxigraphServer(None, read_only=False) as server:
        yield server


@pytest.fixture
def restore_model():
    """``--model`` points the process at another file; put the shipped one back afterwards."""
    import os

    from kg.extract.learned import MODEL_ENV, shipped_reader

    before = os.environ.pop(MODEL_ENV, None)
    yield
    os.environ.pop(MODEL_ENV, None)
    if before is not None:
        os.environ[MODEL_ENV] = before
    shipped_reader.cache_clear()
