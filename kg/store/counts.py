"""The dataset description's counts of a store directory, kept graph by graph beside it.

Counting a store of 7,225 kremlin-news pages for its description read every
graph (:mod:`kg.store.census`): 1.2 s, and the store reopened between parts,
for a build that had added 100 pages.  What the description counts — quads,
resources of each irkg class, transcripts under each licence and publisher —
adds up graph by graph, since every triple about one subject is in one graph
(:mod:`kg.store.layout`).  So the counts of each transcript graph are kept in
a SQLite file beside the Oxigraph files (:data:`FILE_NAME`), a build counts
the graphs the file does not hold yet, and the shared graphs (entities,
ledger, reference, follow-ups, metadata), which change with every build, are
counted afresh.

What the file holds of a graph is only ever what the store held: a build
forgets a graph here and notes it as pending before it writes or drops it
(:meth:`Counts.mark`, committed at once), and a count reads the pending graphs
the store has, or every graph when the store does not hold the number of
graphs expected (:mod:`kg.store.kept`).  A build stopped anywhere leaves graphs
pending, never the counts of a graph as it no longer is.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.rdf import namespace as ns
from kg.store import kept
from kg.store.layout import base_of, graph_name
from kg.store.ondisk import KEPT_CACHE, chunks
from kg.store.protocol import Store, Term

FILE_NAME = "irkg-census.sqlite"
SCHEMA = 3  # PRAGMA user_version of the file; another value means: forget it and count again
_TABLES = """
CREATE TABLE IF NOT EXISTS graphs(graph TEXT PRIMARY KEY, quads INTEGER NOT NULL, ledger INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS members(graph TEXT NOT NULL, class TEXT NOT NULL, subject TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS members_by_graph ON members(graph);
CREATE INDEX IF NOT EXISTS members_by_class ON members(class, subject);
CREATE TABLE IF NOT EXISTS facts(graph TEXT NOT NULL, subject TEXT NOT NULL, kind TEXT NOT NULL, value TEXT);
CREATE INDEX IF NOT EXISTS facts_by_graph ON facts(graph);
CREATE INDEX IF NOT EXISTS facts_by_kind ON facts(kind, subject, value);
"""
_TYPE = ns.ns_node(ns.RDF, "type")
_LICENSE, _PUBLISHER = ns.ns_node(ns.DCTERMS, "license"), ns.ns_node(ns.DCTERMS, "publisher")
_TRANSCRIPT = ns.irkg("Transcript")
#: graphs one query counts
BATCH = 20
#: graphs counted between two times the store lets go of what it read: 1,000 held 60 MB at 28,900 pages
CATCH_UP = 10 * BATCH
#: what the process may hold above the store's last opening while the shared graphs are counted and not
#: reopen it (:meth:`kg.store.embedded.OxigraphStore.release_memory`'s threshold for those calls; the store
#: is flushed at each): a build of 1 or 100 pages held 13-20 MB there, whose letting go cost it 0.02 CPU-s
#: and 0.03-0.1 s of RocksDB reopening just before the build ends; the 30 MB the shared graphs of 28,900
#: pages read are still let go of
COUNT_RELEASE_ABOVE_MB = 32
_COUNT = "SELECT ?g (COUNT(*) AS ?n) WHERE { %s } GROUP BY ?g"
_MEMBERS = "SELECT ?g ?s ?c WHERE { %s }"
_FACTS = "SELECT ?g ?s ?p ?o WHERE { %s }"
#: a graph's entries in the ledger (kg.store.layout): not in the graph, so asked of the ledger by its own query
_LEDGER = "SELECT ?g (COUNT(*) AS ?n) WHERE { VALUES ?g { %s } GRAPH %s { ?g irkg:contributes ?t } } GROUP BY ?g"
_PATTERNS = {
    _COUNT: "?s ?p ?o",
    _MEMBERS: f'?s a ?c FILTER(STRSTARTS(STR(?c), "{ns.ONTOLOGY_NS}"))',
    _FACTS: "{ ?s dcterms:license ?o BIND(dcterms:license AS ?p) } UNION "
            "{ ?s dcterms:publisher ?o BIND(dcterms:publisher AS ?p) }",
}
#: kinds of facts: a transcript, a licence and a publisher of a subject
TRANSCRIPT, LICENCE, PUBLISHER = "t", "l", "p"


@dataclass
class GraphCounts:
    """What the description counts in one graph: its quads, its (class, subject) pairs of irkg classes,
    and (subject, kind, value) facts: which subjects are transcripts, and their licences and publishers.
    Subjects and publishers are in N-Triples, so a blank node stays one."""

    quads: int = 0
    members: set[tuple[str, str]] = field(default_factory=set)
    facts: set[tuple[str, str, str | None]] = field(default_factory=set)
    #: its entries in the ledger graph (one per entities triple it brought): summed, they are the ledger's
    #: quads, which a build no longer counts in the store (76,500 at 7,000 pages: 0.03-0.06 s a build)
    ledger: int = 0


@dataclass
class Others:
    """The counts of the graphs not kept, together: quads, resources by class, facts."""

    quads: int = 0
    classes: dict[str, int] = field(default_factory=dict)
    facts: set[tuple[str, str, str | None]] = field(default_factory=set)

    def add(self, counts: GraphCounts) -> None:
        """Count one more graph, whose typed resources no graph counted already has (the follow-ups')."""
        for iri, n in Counter(iri for iri, _ in counts.members).items():
            self.classes[iri] = self.classes.get(iri, 0) + n
        self.quads += counts.quads
        self.facts |= counts.facts


#: a graph written while the store is counted (the follow-up links, :mod:`kg.building.relink`): its IRI,
#: and what writes it and returns its triples; the count leaves the graph as it was out and adds these
Late = tuple[ox.NamedNode, Callable[[], list[ox.Triple]]]
#: (quads, {class IRI: resources}, [(licence IRI, publisher N-Triples, transcripts)])
Totals = tuple[int, dict[str, int], list[tuple[str | None, str | None, int]]]


def count_graphs(store: Store, graphs: list[ox.NamedNode], queries: Iterable[str] = tuple(_PATTERNS)) -> dict[str, GraphCounts]:
    """The counts of each of ``graphs``, read from ``store`` :data:`BATCH` graphs a query (``queries`` only)."""
    out = {g.value: GraphCounts() for g in graphs}
    for start in range(0, len(graphs), BATCH):
        part = graphs[start:start + BATCH]
        for sparql in queries:
            pattern = _PATTERNS[sparql]
            where = " UNION ".join(f"{{ GRAPH {g} {{ {pattern} }} BIND({g} AS ?g) }}" for g in part)
            for row in store.query(sparql % where):
                counts = out[row["g"].value]
                if sparql is _COUNT:
                    counts.quads = int(row["n"].value)
                elif sparql is _MEMBERS:
                    counts.members.add((row["c"].value, str(row["s"])))
                    if row["c"] == _TRANSCRIPT:
                        counts.facts.add((str(row["s"]), TRANSCRIPT, None))
                else:
                    counts.facts.add(_fact(row["s"], row["p"], row["o"]))
        if _COUNT in queries:
            _count_ledger(store, part, out)
    return out


def _count_ledger(store: Store, graphs: list[ox.NamedNode], out: dict[str, GraphCounts]) -> None:
    """The ledger entries of each of ``graphs`` (of one base: a store holds one), into ``out``."""
    ledger = ns.contributions_graph_iri(base_of(graphs[0]))
    for row in store.query(_LEDGER % (" ".join(str(g) for g in graphs), ledger)):
        out[row["g"].value].ledger = int(row["n"].value)


def counts_of_triples(triples: Iterable[ox.Triple], shared: Iterable[ox.Triple] = ()) -> GraphCounts:
    """The counts of a graph of ``triples``, as :func:`count_graphs` reads them from a store: a build
    counts the graphs it writes so, without reading them back.  ``shared`` are the entities triples
    it brought, one ledger entry each (:func:`kg.store.layout.write_transcript`)."""
    own = set(triples)
    counts = GraphCounts(len(own), ledger=len(set(shared)))
    for t in own:
        if t.predicate == _TYPE and isinstance(t.object, ox.NamedNode) and t.object.value.startswith(ns.ONTOLOGY_NS):
            counts.members.add((t.object.value, str(t.subject)))
            if t.object == _TRANSCRIPT:
                counts.facts.add((str(t.subject), TRANSCRIPT, None))
        elif t.predicate in (_LICENSE, _PUBLISHER):
            counts.facts.add(_fact(t.subject, t.predicate, t.object))
    return counts


def _fact(subject: ox.Term, predicate: ox.Term, value: ox.Term) -> tuple[str, str, str]:
    """A licence by its value (as the description names it), a publisher in N-Triples (it is a term)."""
    return (str(subject), LICENCE, value.value) if predicate == _LICENSE else (str(subject), PUBLISHER, str(value))


class Counts(kept.KeptFile):
    """The counts of the kept graphs of one store directory (see the module's docstring)."""

    FILE_NAME = FILE_NAME

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._db = sqlite3.connect(str(self.path))
        self._db.executescript(f"PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; {KEPT_CACHE}")
        stamp = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]  # the code that counts
        if self._db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA or stamp != self._stamp():
            self._db.executescript("DROP TABLE IF EXISTS graphs; DROP TABLE IF EXISTS members;"
                                   "DROP TABLE IF EXISTS facts; DROP TABLE IF EXISTS stamp;"
                                   f"PRAGMA user_version = {SCHEMA}; CREATE TABLE stamp(code TEXT NOT NULL);")
            self._db.execute("INSERT INTO stamp VALUES (?)", (stamp,))
        self._db.executescript(_TABLES + kept.SCHEMA)

    def _stamp(self) -> str | None:
        """The hash of the code that counted what the file holds (other code may count otherwise)."""
        try:
            row = self._db.execute("SELECT code FROM stamp").fetchone()
        except sqlite3.OperationalError:  # a file of no stamp yet
            return None
        return row[0] if row else None

    def graphs(self) -> set[str]:
        return {graph for (graph,) in self._db.execute("SELECT graph FROM graphs")}

    def commit(self) -> None:
        self._db.commit()

    def put(self, graph: str, counts: GraphCounts) -> None:
        self._delete(graph)
        self._db.execute("INSERT INTO graphs VALUES (?, ?, ?)", (graph, counts.quads, counts.ledger))
        self._db.executemany("INSERT INTO members VALUES (?, ?, ?)", ((graph, *pair) for pair in counts.members))
        self._db.executemany("INSERT INTO facts VALUES (?, ?, ?, ?)", ((graph, *fact) for fact in counts.facts))

    def _delete(self, graph: str) -> bool:
        """Delete the rows of ``graph``; whether it was held."""
        held = self._db.execute("DELETE FROM graphs WHERE graph = ?", (graph,)).rowcount
        for table in ("members", "facts"):
            self._db.execute(f"DELETE FROM {table} WHERE graph = ?", (graph,))
        return bool(held)

    def written(self, graph: str, counts: GraphCounts) -> None:
        """``graph`` was written and holds ``counts``: no longer pending (committed with the next commit)."""
        self.put(graph, counts)
        self._db.execute("DELETE FROM pending WHERE graph = ?", (graph,))

    def catch_up(self, store: Store, release: Callable[[], object] = lambda: False) -> list[str]:
        """Hold the counts of exactly the kept graphs of ``store`` (:mod:`kg.store.kept`); returns its
        graphs that are not kept.  ``release`` lets the store go of what it read, after each :data:`CATCH_UP`
        graphs (without, counting 28,900 graphs anew held 150 MB)."""
        todo = kept.sync(self._db, store)
        self.forget(todo.gone)
        for graphs in chunks(todo.read, CATCH_UP):
            for graph, counts in count_graphs(store, [ox.NamedNode(g) for g in graphs]).items():
                self.put(graph, counts)
            self._db.commit()
            release()
        kept.settle(self._db, todo.others)
        self._db.commit()
        return todo.others

    def totals(self, others: Others) -> Totals:
        """(quads, {class IRI: distinct resources}, [(licence, publisher N-Triples, transcripts)]) of the
        graphs held and ``others``: a resource typed, or a transcript licensed, in two graphs counts once, as
        in one query of the whole store (the graphs not kept share no typed resource with those kept)."""
        db = self._db
        quads = db.execute("SELECT COALESCE(SUM(quads + ledger), 0) FROM graphs").fetchone()[0] + others.quads
        classes = Counter(dict(db.execute("SELECT class, COUNT(DISTINCT subject) FROM members GROUP BY class")))
        classes.update(others.classes)
        # the facts of the other graphs join those held for one query, and are taken back after it
        db.commit()
        db.executemany("INSERT INTO facts VALUES ('', ?, ?, ?)", others.facts)
        licences = list(db.execute(f"""SELECT l.value, p.value, COUNT(DISTINCT t.subject) FROM facts AS t
            LEFT JOIN facts AS l ON l.kind = '{LICENCE}' AND l.subject = t.subject
            LEFT JOIN facts AS p ON p.kind = '{PUBLISHER}' AND p.subject = t.subject
            WHERE t.kind = '{TRANSCRIPT}' GROUP BY l.value, p.value"""))
        db.rollback()
        return quads, dict(classes), licences

    def close(self) -> None:
        if self._db is not None:
            self._db.commit()
            self._db.close()
            self._db = None


def store_counts(store: Store, late: Late | None = None) -> Totals | None:
    """The :meth:`Counts.totals` of every graph of a writable store directory, the default graph's quads
    included: the kept graphs' counts from the file beside it (brought up to date first), the others
    counted now, and a ``late`` graph last, from its triples.  None for any other store (``late`` not
    written)."""
    table = Counts.beside(store)
    if table is None:
        return None
    release = getattr(store, "release_memory", lambda above_mb=None: False)
    with table:
        others = [g for g in table.catch_up(store, release)
                  if (late is None or g != late[0].value) and graph_name(g) != "contributions"]
        counted = _count_together(store, [ox.NamedNode(g) for g in others], lambda: release(COUNT_RELEASE_ABOVE_MB))
        counted.quads += store.count(ox.DefaultGraph())
        if late is not None:
            counted.add(counts_of_triples(late[1]()))
        return table.totals(counted)


def _count_together(store: Store, graphs: list[ox.NamedNode], release: Callable[[], object]) -> Others:
    """The counts of ``graphs`` as one, the resources of each class counted by Oxigraph (their
    quads are many, their facts few).  A store on disk lets go of what it read before each query
    (:meth:`kg.store.embedded.OxigraphStore.release_memory`, reopening it from
    :data:`COUNT_RELEASE_ABOVE_MB`): read one after another, the shared graphs of 28,900 pages held 30 MB
    at once."""
    out = Others()
    if not graphs:
        return out
    union = lambda pattern: " UNION ".join(f"{{ GRAPH {g} {{ {pattern} }} }}" for g in graphs)  # noqa: E731
    for graph in graphs:  # the quads of the ledger alone read 10 MB at 28,900 pages
        release()
        out.quads += int(next(iter(store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")))["n"].value)
    release()
    for row in store.query(f"SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{ {union(_PATTERNS[_MEMBERS])} }} GROUP BY ?c"):
        out.classes[row["c"].value] = int(row["n"].value)
    release()
    for graph in count_graphs(store, graphs, (_FACTS,)).values():
        out.facts |= graph.facts
    release()
    return out


def publisher_term(text: str | None) -> Term | None:
    """A publisher back from its N-Triples form."""
    if text is None:
        return None
    quad = next(iter(ox.parse(f"<urn:x:s> <urn:x:p> {text} .".encode(), ox.RdfFormat.N_TRIPLES)))
    return quad.object
