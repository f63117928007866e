"""Which graphs a file kept beside a store directory must read again, and which it must forget.

Two SQLite files beside a store hold rows per transcript graph (the linker's
claims, :mod:`kg.building.claimtable`; the description's counts,
:mod:`kg.store.counts`).  A build marks each graph it is about to write or
drop as pending there, committed before the store changes, so the next
catch-up looks at the pending graphs only: it reads those the store has and
forgets those it has not.  That nothing else changed the store is checked by
the number of its named graphs, which Oxigraph counts without decoding their
names (listing the 7,225 names of a kremlin-news store read 22 MB of its
files, more than a build of 100 pages takes in all).  When the number is not
the one expected — a new file, a store changed by another program — every
name is listed and compared.  A graph rewritten under the same name by
another program is not seen: build with ``kg build``, or delete the files.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.rdf.namespace import graph_iri
from kg.store.layout import SHARED_NAMES, base_of, graph_name
from kg.store.protocol import Store

SCHEMA = """
CREATE TABLE IF NOT EXISTS pending(graph TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS others(graph TEXT PRIMARY KEY);
"""
#: graphs whose rows are not kept: they change with every build (and hold no commitment)
NOT_KEPT = frozenset({*SHARED_NAMES, "followups"})


def kept(graph: ox.NamedNode | ox.BlankNode | ox.DefaultGraph | str) -> bool:
    """Whether a file beside the store keeps rows of ``graph``: a transcript's graph (or any other graph
    no build rewrites), not one of the shared graphs."""
    if isinstance(graph, str):
        return graph_name(graph) not in NOT_KEPT
    return isinstance(graph, ox.NamedNode) and graph_name(graph.value) not in NOT_KEPT


@dataclass
class Sync:
    """What a file must do to hold the rows of every kept graph of the store, and no other."""

    read: Sequence[str]  # graphs the store has that the file must (re)read: on disk, a build writes them all
    gone: list[str]  # graphs the file must forget
    others: list[str]  # the store's graphs that are not kept


def mark(db: sqlite3.Connection, graphs: Iterable[str]) -> None:
    """Note ``graphs`` as pending (the caller commits, before the store changes)."""
    db.executemany("INSERT OR IGNORE INTO pending VALUES (?)", ((g,) for g in graphs))


def settle(db: sqlite3.Connection, others: list[str]) -> None:
    """The pending graphs are dealt with; ``others`` are the store's graphs not kept (the caller commits)."""
    db.execute("DELETE FROM pending")
    db.execute("DELETE FROM others")
    db.executemany("INSERT INTO others VALUES (?)", ((g,) for g in others))


def sync(db: sqlite3.Connection, store: Store) -> Sync:
    """What the file of ``db`` must read and forget (see the module); the graphs it holds rows of are
    those of its table ``graphs``.  The graphs pending and held are looked at one at a time and the
    ones to read go to disk (:mod:`kg.store.ondisk`): after a full build every graph is pending, and
    sets of them all held some 7 MB at 28,900 pages."""
    from kg.store.ondisk import DiskList

    raw = store.raw
    others = {g for (g,) in db.execute("SELECT graph FROM others")}
    sample = db.execute("SELECT graph FROM graphs UNION ALL SELECT graph FROM pending LIMIT 1").fetchone()
    others |= {graph_iri(name, base_of(sample[0])).value for name in NOT_KEPT} if sample else set()
    others = {g for g in others if raw.contains_named_graph(ox.NamedNode(g))}
    present, gone, new = DiskList(), [], 0  # new: present and not held
    for graph, unheld in db.execute("SELECT p.graph, h.graph IS NULL FROM pending AS p "
                                    "LEFT JOIN graphs AS h ON h.graph = p.graph ORDER BY p.graph"):
        if raw.contains_named_graph(ox.NamedNode(graph)):
            present.append(graph)
            new += unheld
        else:
            gone.append(graph)
    held = db.execute("SELECT COUNT(*) FROM graphs").fetchone()[0]
    count = next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g {} }")))["n"]
    if int(count.value) == held + new + len(others):
        return Sync(present, gone, sorted(others))
    present.close()
    return _sync_listed(db, store)


def _sync_listed(db: sqlite3.Connection, store: Store) -> Sync:
    """:func:`sync` by every graph name of the store, when it holds another number of graphs than expected."""
    held = {g for (g,) in db.execute("SELECT graph FROM graphs")}
    pending = {g for (g,) in db.execute("SELECT graph FROM pending")}
    names = [g.value for g in store.raw.named_graphs() if isinstance(g, ox.NamedNode)]
    everything = {g for g in names if kept(g)}
    return Sync(sorted((everything - held) | (everything & pending)), sorted((held | pending) - everything),
                sorted(g for g in names if not kept(g)))


class KeptFile:
    """What the two files kept beside a store share: where they sit, and how a graph is forgotten.

    A subclass names its file (:attr:`FILE_NAME`), opens ``self._db`` and says how the rows of one
    graph go (:meth:`_delete`); forgetting and marking graphs pending are then the same for both.
    """

    FILE_NAME = ""
    _db: sqlite3.Connection

    @classmethod
    def beside(cls, store: object):
        """The file kept beside a writable store directory; None for any other store."""
        path = getattr(store, "path", None)
        if path is None or getattr(store, "read_only", False):
            return None
        return cls(Path(path) / cls.FILE_NAME)

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        raise NotImplementedError

    def _delete(self, graph: str) -> bool:
        """Delete the rows of ``graph``; whether the file held it."""
        raise NotImplementedError

    def forget(self, graphs: Iterable[str]) -> None:
        """Forget the rows of ``graphs`` (about to be rewritten, or gone from the store), and commit."""
        if [graph for graph in list(graphs) if self._delete(graph)]:
            self._db.commit()

    def mark(self, graphs: Iterable[str]) -> None:
        """Forget ``graphs`` and note them as pending, before the store changes them; committed at once."""
        graphs = list(graphs)
        for graph in graphs:
            self._delete(graph)
        mark(self._db, graphs)
        self._db.commit()
