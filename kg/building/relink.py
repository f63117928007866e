"""The follow-up links of a build into a store directory, worked out beside the count of its description.

After its last page a build relinks the follow-ups and then describes the
store, each on one core while the other one idled: at 7,225 kremlin-news
pages with 100 added, the links took 0.12 CPU-s of pure Python over the claim
table kept beside the store (:mod:`kg.building.claimtable`), the description's
counts some 0.2 s of Oxigraph and SQLite.  Here the writer brings the claim
table up to date, a forked process reads it and works the links out into a
temporary file, and the writer meanwhile counts every graph but the
follow-ups' for the description; the links are then written and counted last
(:func:`kg.store.metadata.write_metadata`, its ``late`` graph).

The links are those :func:`kg.building.followup.link_followups` gives: the
same table, read by the same function.  A child that fails costs the time of
linking here instead, never other links; where processes cannot fork, the
links are worked out here before the description as before.
"""

from __future__ import annotations

import multiprocessing
import os
import tempfile
from pathlib import Path

import pyoxigraph as ox

from kg.building.claimtable import ClaimTable
from kg.building.followup import THRESHOLD, catch_up, followup_triples, table_links
from kg.rdf.namespace import followups_graph_iri
from kg.rdf.wire import pack, unpack
from kg.store.protocol import Store


class Relink:
    """Links being worked out for ``store`` (a writable store directory, :meth:`start` says whether)."""

    def __init__(self, store: Store, base: str, threshold: float = THRESHOLD) -> None:
        self.store, self.base, self.threshold = store, base, threshold
        self.graph = followups_graph_iri(base)
        self._child = None
        self._folder: tempfile.TemporaryDirectory | None = None
        self._table_path: Path | None = None
        self.finished = False

    def start(self) -> bool:
        """Bring the claim table up to date and start working the links out in a forked process;
        False (nothing done) for a store without a table beside it, or where processes cannot fork."""
        table = ClaimTable.beside(self.store)
        if table is None or os.name != "posix":
            return False
        with table:
            catch_up(table, self.store)
        self._table_path = table.path
        self._folder = tempfile.TemporaryDirectory(prefix="kg-links-")
        context = multiprocessing.get_context("fork")
        self._child = context.Process(target=_work_out, name="irkg-links", daemon=True,
                                      args=(table.path, self.base, self.threshold, self._out()))
        self._child.start()
        return True

    def _out(self) -> Path:
        return Path(self._folder.name) / "links.nt"

    def finish(self) -> list[ox.Triple]:
        """Wait for the links, write them as the follow-ups graph (none: no graph) and return its triples."""
        self.finished = True
        try:
            self._child.join()
            out = self._out()
            if self._child.exitcode == 0 and out.exists():
                triples = unpack(out.read_bytes())
            else:  # the child failed: the same links, worked out here
                with ClaimTable(self._table_path) as table:
                    triples = followup_triples(table_links(table, self.threshold), self.base)
        finally:
            self.close()
        if triples:
            self.store.replace_graph(self.graph, triples)
        else:  # no links, no graph: an empty named graph would still count in `kg stats`
            self.store.update(f"DROP SILENT GRAPH {self.graph}")
        return list(dict.fromkeys(triples))

    def close(self) -> None:
        """Stop the child if it still runs (a build that failed before :meth:`finish`) and remove its file."""
        if self._child is not None and self._child.is_alive():
            self._child.terminate()
            self._child.join()
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None


def _work_out(table_path: Path, base: str, threshold: float, out: Path) -> None:
    """In the child: the links of the table, as N-Triples, into ``out`` (written whole, then renamed)."""
    with ClaimTable(table_path) as table:
        data = pack(followup_triples(table_links(table, threshold), base))
    partial = out.with_suffix(".part")
    partial.write_bytes(data)
    partial.replace(out)
