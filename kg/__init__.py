"""irkg: a knowledge graph of international relations from transcripts of leaders' meetings.

The public API, each name imported on first use so ``import kg`` stays quick::

    import kg
    with kg.open_store("kg-store") as store:          # or "memory", or a SPARQL endpoint URL
        kg.build(["examples/transcripts"], store)     # -> BuildResult
        report = kg.validate(store)                   # SHACL, one graph at a time
        rows = kg.query(store, "SELECT ...")          # SPARQL, parameters bound as terms
        graph = kg.to_networkx(store, kind="countries")
    doc = kg.process(kg.read("file.txt"))             # one transcript, no store
"""

from __future__ import annotations

from importlib import import_module

__version__ = "0.1.0"

_LAZY = {
    "build": ("kg.builder", "build"),
    "open_store": ("kg.store", "open_store"),
    "validate": ("kg.validation", "validate_store"),
    "query": ("kg.queries", "run_query"),
    "to_networkx": ("kg.network", "to_networkx"),
    "process": ("kg.pipeline", "process"),
    "read_transcripts": ("kg.reader", "read_all"),
}

__all__ = ["__version__", "read", *_LAZY]


def read(path: str):
    """The first transcript at ``path`` (a file; for folders and JSONL use ``read_transcripts``)."""
    from kg.reader import read as read_path

    return next(read_path(path))


def __getattr__(name: str):
    if name in _LAZY:
        module, attribute = _LAZY[name]
        return getattr(import_module(module), attribute)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
