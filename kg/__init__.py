"""irkg: a knowledge graph of international relations from transcripts of leaders' meetings.

The public API, each name imported on first use so ``import kg`` stays quick::

    import kg
    with kg.open_store("kg-store") as store:          # or "memory", or a SPARQL endpoint URL
        kg.build(["examples/transcripts"], store)     # -> BuildResult
        report = kg.validate(store)                   # SHACL, one graph at a time
        rows = kg.query(store, "meetings_between_countries", a="RUS", b="AZE")
        rows.to_dataframe()                           # or rows.values(), rows.to_dicts()
        graph = kg.to_networkx(store, kind="countries")
        kg.write_network(graph, "countries.html")     # .graphml .gexf .json .csv .html .png
        kg.write_report(store, "report.html")         # one offline page for a colleague
    doc = kg.process(kg.read("file.txt"))             # one transcript, no store

``docs/tutorial.md`` walks through it; ``help(kg.query)`` and the like say more.
"""

from __future__ import annotations

from importlib import import_module

__version__ = "0.1.0"

_LAZY = {
    "build": ("kg.building.builder", "build"),
    "open_store": ("kg.store.factory", "open_store"),
    "validate": ("kg.validation.shacl", "validate_store"),
    "query": ("kg.sparql.ask", "query"),
    "list_queries": ("kg.sparql.library", "list_queries"),
    "to_networkx": ("kg.network.graphs", "to_networkx"),
    "add_metrics": ("kg.network.metrics", "add_metrics"),
    "write_network": ("kg.network.export", "write_network"),
    "link_followups": ("kg.building.followup", "link_followups"),
    "write_report": ("kg.report.page", "write_report"),
    "process": ("kg.extract.pipeline", "process"),
    "read_transcripts": ("kg.inputs.reader", "read_all"),
}

__all__ = ["__version__", "read", *_LAZY]


def read(path: str):
    """The first transcript at ``path`` (a file; for folders and JSONL use ``read_transcripts``)."""
    from kg.inputs.reader import read as read_path

    return next(read_path(path))


def __dir__() -> list[str]:
    """The whole public API, lazy names included, so ``dir(kg)`` and ``help(kg)`` list it."""
    return sorted(set(globals()) | set(__all__))


def __getattr__(name: str):
    if name in _LAZY:
        module, attribute = _LAZY[name]
        return getattr(import_module(module), attribute)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
