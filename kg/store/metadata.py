"""The metadata graph: what the dataset is (VoID, DCAT) and which builds made it (PROV).

A publisher has to say what a dump holds, under which licence, and how it
was made; a crawler has to find the SPARQL endpoint and the dumps.  Every
``kg build`` records itself as a ``prov:Activity`` (start and end time, the
irkg version, the reader used, the graphs it wrote) and rewrites the dataset
description from the store as it now is, so counts never drift from the
data.  Earlier builds' activities are kept: they are the store's history.

Everything here is computed with SPARQL through the :class:`~kg.store.protocol.Store`
protocol, so it works for a SPARQL endpoint as for the embedded store.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from pyoxigraph import Literal, NamedNode, Triple

from kg.rdf import namespace as ns
from kg.rdf.namespace import DEFAULT_BASE, irkg, ns_node
from kg.inputs.publishers import CC_BY_4, PUBLIC_DOMAIN_MARK
from kg.store.protocol import Store, Term

if TYPE_CHECKING:
    from kg.store.counts import Late

TYPE = ns_node(ns.RDF, "type")
LABEL = ns_node(ns.RDFS, "label")
XSD_DATETIME = ns_node(ns.XSD, "dateTime")
XSD_INTEGER = ns_node(ns.XSD, "integer")
P = {name: ns_node(ns.PROV, name) for name in (
    "Activity", "SoftwareAgent", "startedAtTime", "endedAtTime", "wasAssociatedWith", "generated",
    "wasGeneratedBy")}
D = {name: ns_node(ns.DCTERMS, name) for name in (
    "title", "description", "license", "modified", "source", "rights", "hasVersion", "format")}
V = {name: ns_node(ns.VOID, name) for name in (
    "Dataset", "triples", "entities", "classes", "classPartition", "class", "exampleResource",
    "vocabulary", "uriSpace", "sparqlEndpoint", "dataDump")}
C = {name: ns_node(ns.DCAT, name) for name in (
    "Dataset", "Distribution", "distribution", "downloadURL", "mediaType", "keyword", "byteSize")}
SCHEMA_VERSION = ns_node(ns.SCHEMA, "softwareVersion")
SPDX_CHECKSUM = NamedNode("http://spdx.org/rdf/terms#checksum")

VOCABULARIES = (ns.ONTOLOGY_NS, ns.FOAF, ns.PROV, ns.OA, ns.SKOS, ns.DCTERMS, ns.OWL, ns.CC)
KEYWORDS = ("international relations", "diplomacy", "leaders' meetings", "commitments", "transcripts")


@dataclass(frozen=True)
class Dump:
    """One downloadable file of the dataset, for the description's distributions."""

    url: str
    media_type: str
    size: int | None = None
    sha256: str | None = None


@dataclass
class BuildRecord:
    """One ``kg build`` as it ran: for its prov:Activity."""

    started: dt.datetime
    ended: dt.datetime
    reader: str
    version: str
    graphs: Iterable[str] = field(default_factory=list)  # may be read more than once (kg.store.ondisk)

    def key(self) -> str:
        """``20261129T140907Z-<hash>``: sortable by time, distinct for two builds in one second."""
        stamp = self.started.astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        # ns.short_hash of the times and graphs, fed a part at a time: the graphs may be tens of thousands
        digest = hashlib.sha256()
        for number, part in enumerate(itertools.chain((self.started.isoformat(), self.ended.isoformat()),
                                                      self.graphs)):
            digest.update(f"{chr(0x1f) if number else ''}{part}".encode("utf-8"))
        return f"{stamp}-{digest.hexdigest()[:8]}"


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def _time(value: dt.datetime) -> Literal:
    return Literal(value.astimezone(dt.timezone.utc).isoformat().replace("+00:00", "Z"), datatype=XSD_DATETIME)


def _int(value: int) -> Literal:
    return Literal(str(value), datatype=XSD_INTEGER)


def activity_triples(record: BuildRecord, base: str = DEFAULT_BASE) -> list[Triple]:
    """The prov:Activity of one build and the software agent that ran it."""
    return list(iter_activity(record, base))


def iter_activity(record: BuildRecord, base: str = DEFAULT_BASE) -> Iterator[Triple]:
    """:func:`activity_triples` one at a time: a build names every graph it wrote, tens of
    thousands for a large corpus, which :func:`write_metadata` adds a batch at a time."""
    activity = ns.build_iri(record.key(), base)
    software = ns.software_iri(record.version, base)
    yield from (
        Triple(activity, TYPE, P["Activity"]),
        Triple(activity, LABEL, Literal(f"kg build with the {record.reader} reader")),
        Triple(activity, P["startedAtTime"], _time(record.started)),
        Triple(activity, P["endedAtTime"], _time(record.ended)),
        Triple(activity, P["wasAssociatedWith"], software),
        Triple(activity, irkg("reader"), Literal(record.reader)),
        Triple(software, TYPE, P["SoftwareAgent"]),
        Triple(software, LABEL, Literal(f"irkg {record.version}")),
        Triple(software, SCHEMA_VERSION, Literal(record.version)),
    )
    for graph in record.graphs:
        yield Triple(activity, P["generated"], NamedNode(graph))


def _rows(store: Store, sparql: str) -> list[dict]:
    return list(store.query(sparql))


#: the transcripts under each licence and publisher (either may be missing)
LICENCE_QUERY = """SELECT ?licence (COUNT(DISTINCT ?t) AS ?n) ?publisher WHERE {
    ?t a irkg:Transcript . OPTIONAL { ?t dcterms:license ?licence }
    OPTIONAL { ?t dcterms:publisher ?publisher } } GROUP BY ?licence ?publisher"""


@dataclass
class Contents:
    """What the dataset description counts in the data.

    Read from a store by :func:`contents_of`, or tallied by a build that writes
    N-Quads shards instead of a store (:mod:`kg.building.sink`): one
    description, whichever way the data was counted.
    """

    quads: int  # in every graph, the metadata graph's builds included
    transcripts: int = 0
    #: (licence IRI, publisher, transcripts) per licence and publisher, either missing
    licences: list[tuple[str | None, Term | None, int]] = field(default_factory=list)
    classes: list[tuple[str, int]] = field(default_factory=list)  # irkg class IRI, distinct resources; by IRI
    examples: list[NamedNode] = field(default_factory=list)  # the first three meetings by IRI


def licence_rows(store: Store) -> list[tuple[str | None, Term | None, int]]:
    """(licence IRI, publisher, transcripts) for each licence and publisher the transcripts name."""
    return [(r["licence"].value if "licence" in r else None, r.get("publisher"), int(r["n"].value))
            for r in _rows(store, LICENCE_QUERY)]


def contents_of(store: Store, late: Late | None = None) -> Contents:
    """Count what ``store`` holds now, for its description, with a ``late`` graph written meanwhile.

    A writable store directory adds up the counts of its graphs kept beside it (:mod:`kg.store.counts`),
    the ``late`` graph counted from its triples; a read-only one is counted a part at a time, letting go
    of what it read between parts (:mod:`kg.store.census`); any other store in one query per count (those
    two after the ``late`` graph is written)."""
    from kg.store import census

    release = getattr(store, "release_memory", None)
    examples = first_meetings(store)  # every meeting read: 14 MB at 28,900 pages, let go before the counts
    # a store directory keeps its graphs' counts beside it; it lets go before reading the first graph it
    # counts (kg.store.counts), so no reopening here: one fewer at each build's end (0.14 s at 7,000 pages)
    kept = census.kept(store, late)
    if kept is not None:
        quads, transcripts, licences, classes = kept
        return Contents(quads, transcripts, licences, classes, examples)
    if late is not None:
        late[1]()
    if release is not None and release():
        transcripts, licences = census.licences(store, release)
        return Contents(census.quads(store, release), transcripts, licences, census.classes(store, release),
                        examples)
    classes = _rows(store, f"""SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a ?c .
        FILTER(STRSTARTS(STR(?c), "{ns.ONTOLOGY_NS}")) }} GROUP BY ?c ORDER BY ?c""")
    transcripts = _count(store, "SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE { ?t a irkg:Transcript }")
    return Contents(store.count(), transcripts, licence_rows(store),
                    [(r["c"].value, int(r["n"].value)) for r in classes], examples)


#: the description's example resources: the first meetings by IRI
EXAMPLES = "SELECT ?m WHERE { ?m a irkg:Meeting } ORDER BY ?m LIMIT 3"


def first_meetings(store: Store) -> list[Term]:
    """The first three meetings by IRI, as :data:`EXAMPLES` gives them.

    An embedded store streams its meetings and the smallest are kept here: Oxigraph's ORDER BY took
    0.1 s for the 1,917 meetings of 7,225 kremlin-news pages (a twentieth of a build adding 100 pages),
    reading them 0.008 s.  The order is SPARQL's for these terms: blank nodes before IRIs, IRIs by
    their code points (Python's order of strings).  Any other store is asked the ORDER BY query."""
    if getattr(store, "raw", None) is None:
        return [r["m"] for r in _rows(store, EXAMPLES)]
    meetings = (row["m"] for row in store.query("SELECT ?m WHERE { ?m a irkg:Meeting }"))
    return heapq.nsmallest(3, meetings, key=lambda term: (isinstance(term, NamedNode), term.value))


def dataset_triples(store: Store, base: str = DEFAULT_BASE, activity: NamedNode | None = None,
                    endpoint: str | None = None, dumps: Sequence[Dump] = (), late: Late | None = None) -> list[Triple]:
    """VoID and DCAT description of what ``store`` holds now (with a ``late`` graph: :func:`contents_of`)."""
    return describe(contents_of(store, late), base, activity, endpoint, dumps)


def describe(contents: Contents, base: str = DEFAULT_BASE, activity: NamedNode | None = None,
             endpoint: str | None = None, dumps: Sequence[Dump] = ()) -> list[Triple]:
    """VoID and DCAT description of data with these ``contents``."""
    dataset = ns.dataset_iri(base)
    out = [
        Triple(dataset, TYPE, V["Dataset"]),
        Triple(dataset, TYPE, C["Dataset"]),
        Triple(dataset, D["title"], Literal("irkg: meetings between national leaders", language="en")),
        Triple(dataset, D["description"], Literal(
            f"A knowledge graph read from {contents.transcripts} transcripts of meetings and calls between "
            "national leaders: who met whom, when and where, the commitments each side stated and the figures "
            "they gave, every fact with the quote of the transcript that states it.", language="en")),
        Triple(dataset, D["modified"], _time(now())),
        Triple(dataset, V["triples"], _int(contents.quads)),
        Triple(dataset, V["uriSpace"], Literal(base)),
    ]
    out += [Triple(dataset, C["keyword"], Literal(k, language="en")) for k in KEYWORDS]
    out += [Triple(dataset, V["vocabulary"], NamedNode(v.rstrip("#"))) for v in VOCABULARIES]
    out += _licence(contents, dataset)
    out += _partitions(contents, dataset, base)
    out += [Triple(dataset, V["exampleResource"], meeting) for meeting in contents.examples]
    if activity is not None:
        out.append(Triple(dataset, P["wasGeneratedBy"], activity))
    if endpoint:
        out.append(Triple(dataset, V["sparqlEndpoint"], NamedNode(endpoint)))
    for dump in dumps:
        out += _distribution(dataset, dump, base)
    return out


def _count(store: Store, sparql: str) -> int:
    rows = _rows(store, sparql)
    value = rows[0].get("n") if rows else None
    return int(value.value) if value is not None else 0


def _licence(contents: Contents, dataset: NamedNode) -> list[Triple]:
    """CC BY 4.0 when every transcript is under CC BY 4.0 or in the public domain and one is CC BY;
    the public domain mark when all are; no licence (and a note why) when any has none known."""
    rows = contents.licences
    licences = {licence for licence, _, _ in rows if licence is not None}
    unknown = sum(n for licence, _, n in rows if licence is None)
    out = [Triple(dataset, D["source"], publisher) for _, publisher, _ in rows if publisher is not None]
    if unknown or not licences or licences - {CC_BY_4, PUBLIC_DOMAIN_MARK}:
        out.append(Triple(dataset, D["rights"], Literal(
            f"{unknown} transcripts have no known licence: no licence is given for the dataset.", language="en")))
        return out
    chosen = CC_BY_4 if CC_BY_4 in licences else PUBLIC_DOMAIN_MARK
    return out + [Triple(dataset, D["license"], NamedNode(chosen))]


def _partitions(contents: Contents, dataset: NamedNode, base: str) -> list[Triple]:
    """One void:classPartition per irkg class, with how many resources it has."""
    out = [Triple(dataset, V["classes"], _int(len(contents.classes)))]
    for iri, n in contents.classes:
        name = iri.rsplit("#", 1)[-1]
        partition = ns.class_partition_iri(name, base)
        out += [Triple(dataset, V["classPartition"], partition),
                Triple(partition, V["class"], NamedNode(iri)),
                Triple(partition, V["entities"], _int(n))]
    return out


def _distribution(dataset: NamedNode, dump: Dump, base: str) -> list[Triple]:
    node = NamedNode(dump.url)
    out = [Triple(dataset, V["dataDump"], node), Triple(dataset, C["distribution"], node),
           Triple(node, TYPE, C["Distribution"]), Triple(node, C["downloadURL"], node),
           Triple(node, C["mediaType"], NamedNode("https://www.iana.org/assignments/media-types/" + dump.media_type))]
    if dump.size is not None:
        out.append(Triple(node, C["byteSize"], _int(dump.size)))
    if dump.sha256:
        out.append(Triple(node, SPDX_CHECKSUM, Literal("sha256:" + dump.sha256)))
    return out


def history(store: Store, base: str = DEFAULT_BASE) -> list[Triple]:
    """The activities and software agents already in the metadata graph, kept across builds."""
    return list(store.query(f"""CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o .
        FILTER EXISTS {{ {_KEPT} }} }} }}""", {"g": ns.metadata_graph_iri(base)}))


#: what marks a triple of the metadata graph as history: its subject is a build or the software that ran it
_KEPT = "?s a ?kind FILTER(?kind IN (prov:Activity, prov:SoftwareAgent))"


def _drop_description(graph: NamedNode, dataset: NamedNode) -> str:
    """The update that takes the description out of the metadata graph, its history left.

    The description is what :func:`describe` writes: triples of the dataset and of the class partitions
    and distributions it names, so those are looked up from the dataset.  Picking out every triple
    of the graph whose subject is no build (:data:`_KEPT`) read the whole history, which grows with
    every build and names each graph each build wrote: 0.05 s at 7,000 pages after one build, against
    0.0005 s for the lookup.  A history subject is never deleted, whatever the description names."""
    return f"""DELETE {{ GRAPH {graph} {{ ?s ?p ?o }} }} WHERE {{ GRAPH {graph} {{
        {{ BIND({dataset} AS ?s) }} UNION {{ {dataset} void:classPartition|dcat:distribution ?s }}
        ?s ?p ?o FILTER NOT EXISTS {{ {_KEPT} }} }} }}"""


#: triples added to the metadata graph per transaction, a store on disk letting go of its memory between
ADD_BATCH = 2000


def write_metadata(store: Store, record: BuildRecord | None, base: str = DEFAULT_BASE,
                   endpoint: str | None = None, dumps: Iterable[Dump] = (), late: Late | None = None) -> list[Triple]:
    """Redo the metadata graph: past builds kept, this one (if any) added, a fresh description.

    The graph is changed in place, never read whole: each build names every graph it wrote, so the
    graph grows with the corpus and its builds.  The old description goes, this build's activity
    comes in batches, the store is counted as it then is, and the new description goes in last
    (it does not count itself).  A ``late`` graph is written while the store is counted
    (:data:`kg.store.counts.Late`: the follow-up links, :mod:`kg.building.relink`).  Returns the
    description's triples."""
    graph = ns.metadata_graph_iri(base)
    store.update(_drop_description(graph, ns.dataset_iri(base)))
    if record is not None:
        activity = ns.build_iri(record.key(), base)
        add_triples(store, graph, iter_activity(record, base))
    else:
        latest = _rows(store, """SELECT ?a WHERE { ?a a prov:Activity ; prov:endedAtTime ?end }
                                 ORDER BY DESC(?end) LIMIT 1""")
        activity = latest[0]["a"] if latest else None
    description = list(dict.fromkeys(dataset_triples(store, base, activity, endpoint, list(dumps), late)))
    add_triples(store, graph, description)
    return description


def add_triples(store: Store, graph: NamedNode, triples: Iterable[Triple]) -> None:
    """Add ``triples`` to ``graph`` :data:`ADD_BATCH` at a time, a store on disk letting go of its
    memory between batches (one transaction held Oxigraph some 2.4 KB a triple until then)."""
    release = getattr(store, "release_memory", lambda: False)
    triples = iter(triples)
    batch = list(itertools.islice(triples, ADD_BATCH))
    while batch:
        store.add_triples(graph, batch)
        batch = list(itertools.islice(triples, ADD_BATCH))
        if batch:  # not after the last: a reopening costs a store of 7,000 pages 0.2-0.5 s
            release()


def first_metadata(record: BuildRecord, contents: Contents, base: str = DEFAULT_BASE) -> list[Triple]:
    """The metadata graph :func:`write_metadata` gives a store that ``record``'s build filled from
    empty, made without a store: ``contents`` counts the other graphs (a build into N-Quads shards)."""
    triples = list(dict.fromkeys(activity_triples(record, base)))
    counted = replace(contents, quads=contents.quads + len(triples))
    return list(dict.fromkeys(triples + describe(counted, base, ns.build_iri(record.key(), base))))
