"""Commitments followed across meetings: which later claim continues which earlier promise.

"We will supply" in March and "we have supplied" in July are two claims in
two transcripts.  :func:`find_followups` links them when the later one

- is of the same type, between the same parties (in either direction for
  the mutual kinds: joint production, cooperation, agreement, where "by" is
  only the speaker's side),
- names the same item, or neither names one,
- is dated later, and
- has moved on: the earlier is planned or proposed, the later ongoing or
  completed;

and scores each candidate pair with a confidence in [0, 1] from what the two
quotes share beyond that (a named item, a document title, the rarer words
of the quotes) and how far apart they are.  Each later commitment is linked
to its best earlier candidate at or above :data:`THRESHOLD`.

The links are written to their own named graph (``graph/followups``),
replaced whole on every run, because they are a fact about two transcripts
and so belong to neither's graph; rebuilding a transcript and relinking
leaves no stale link behind.  In RDF (ontology/irkg.ttl)::

    <later> irkg:continues <earlier> .
    <followup/…> a irkg:FollowUp ; irkg:earlierCommitment <earlier> ;
        irkg:laterCommitment <later> ; irkg:confidence 0.82 .

Precision on a hand-checked sample: docs/followups.md.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import itertools
import json
import math
import operator
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox

from kg.building.claimtable import ClaimTable, Row
from kg.model import MUTUAL_TYPES
from kg.rdf.namespace import DEFAULT_BASE, RDF, XSD, followups_graph_iri, irkg, ns_node
from kg.store.ondisk import chunks
from kg.store.protocol import Store

#: named graphs whose commitments one query reads when linking a store: the linker holds one batch of
#: claims at a time (and then one thread of them), however large the store
GRAPHS_PER_READ = 10
#: batches a page; the store lets go of its memory after each: the 500 graphs of 50 batches took the
#: writer from 62 to 78.6 MB at 28,900 kremlin-news x4 pages, the build's peak (its writes': 75.3)
_BATCHES_PER_PAGE = 25
_BASE = 0.2  # the confidence of two quotes of one thread that share nothing (before the years between)
THRESHOLD = 0.4  # 9 of 11 hand-checked links right from here, 13 of 27 below (docs/followups.md)
COMMON_SHARE, COMMON_FROM = 0.02, 500  # words in over 2% of the quotes, once there are enough quotes
EARLIER = frozenset({"planned", "proposed"})
LATER = frozenset({"ongoing", "completed"})
_WORD = re.compile(r"[a-z][a-z-]{3,}")
# Words that say nothing about *what* is promised: modal and tense words that only carry the
# status, and the small words every quote has.  Rarer shared words are weighed by IDF.
_STOP = frozenset("""
will would shall should could must might have has had been being were will also that this these those
with from into onto upon about which there their them they then than when what where while other
very more most such some same each every only just well here over under again further already still
plan plans planned planning intend intends agreed agree agrees propose proposed proposes offer offered
ready hope hoped expect expected continue continued continues going work working worked done made make
start started begin began want wanted need needed year years time times today now soon future next
president prime minister colleagues friends country countries side sides both mutual bilateral
""".split())

_CLAIM = """
    ?k a ?type ; irkg:byCountry ?by ; irkg:toCountry ?to ; irkg:status ?status ; irkg:inTranscript ?tr .
    OPTIONAL { ?k irkg:item ?item } OPTIONAL { ?k irkg:documentTitle ?title }
    OPTIONAL { ?k irkg:evidence/oa:exact ?quote }
    OPTIONAL { ?m irkg:reportedIn ?tr ; irkg:date ?date }
    OPTIONAL { ?tr irkg:published ?published }
"""
_COMMITMENTS = """
SELECT ?g ?k ?type ?by ?to ?status ?item ?title ?date ?published ?quote WHERE {
  GRAPH ?o { ?type rdfs:subClassOf irkg:Commitment }
  %s
}"""


def _commitments_query(graphs: Sequence[ox.NamedNode] | None) -> str:
    """The claims of every graph, or a UNION of one block per graph: Oxigraph runs a block with its graph
    named many times faster than one restricting ``GRAPH ?g`` by VALUES, which it applies last."""
    if graphs is None:
        return _COMMITMENTS % f"GRAPH ?g {{{_CLAIM}}}"
    return _COMMITMENTS % " UNION ".join(f"{{ GRAPH {g} {{{_CLAIM}}} BIND({g} AS ?g) }}" for g in graphs)


@dataclass(frozen=True)
class Claim:
    """One commitment as the linker sees it."""

    iri: str
    type: str
    by: str
    to: str
    status: str
    date: str
    quote: str = ""
    item: str | None = None
    title: str | None = None

    @property
    def parties(self) -> tuple[str, ...]:
        return tuple(sorted((self.by, self.to))) if self.type in MUTUAL_TYPES else (self.by, self.to)


@dataclass(frozen=True)
class FollowUp:
    """``later`` continues ``earlier``, with how sure the linker is."""

    earlier: Claim
    later: Claim
    confidence: float


def read_claims(store: Store, graphs: Sequence[ox.NamedNode] | None = None) -> list[Claim]:
    """Every dated commitment with parties and status (of ``graphs`` only, when given); the meeting's
    date, else the page's.  An IRI in two graphs is the claim of the first graph read."""
    claims: dict[str, Claim] = {}
    for graph in claims_by_graph(store, graphs).values():
        for claim in graph:
            claims.setdefault(claim.iri, claim)
    return sorted(claims.values(), key=lambda c: (c.date, c.iri))


#: the graphs that name the commitment kinds (the reference graph's ontology), to list among a query's graphs
_KINDS = "SELECT DISTINCT ?o WHERE { GRAPH ?o { ?type rdfs:subClassOf irkg:Commitment } }"


def _commitment_rows(store: Store, graphs: Sequence[ox.NamedNode] | None) -> Iterator[dict[str, str]]:
    """The rows of the commitments query for ``graphs``, each {variable: value}.  An embedded store is asked
    one ``GRAPH ?g`` block over a dataset of ``graphs`` and the graphs of the kinds: the same rows, in the
    same order within a commitment, as a block per graph, whose parse and plan were half of a follow-up
    catch-up: that of 1,200 kremlin-news graphs took 0.73 CPU-s, now 0.55 (median of 3)."""
    if getattr(store, "raw", None) is None or graphs is None:
        rows = store.query(_commitments_query(graphs))
    else:
        kinds = [row["o"] for row in store.query(_KINDS)]
        rows = store.query(_commitments_query(None), named_graphs=list(dict.fromkeys([*graphs, *kinds])))
    return ({name: term.value for name, term in row.items()} for row in rows)


def claims_by_graph(store: Store, graphs: Sequence[ox.NamedNode] | None = None) -> dict[str, list[Claim]]:
    """The claims of each graph (of ``graphs`` only, when given) that has any, as :func:`read_claims`
    reads them: within a graph, the first dated row of a commitment is its claim."""
    out: dict[str, dict[str, Claim]] = {}
    for value in _commitment_rows(store, graphs):
        claims = out.setdefault(value["g"], {})
        if value["k"] not in claims and (claim := claim_of(value)) is not None:
            claims[value["k"]] = claim
    return {graph: list(claims.values()) for graph, claims in out.items() if claims}


def claim_of(value: dict[str, str]) -> Claim | None:
    """The claim of one row of the commitments query (also :mod:`kg.building.heldclaims`'s); None if undated."""
    date = value.get("date") or value.get("published")
    return Claim(value["k"], value["type"].rsplit("#", 1)[-1], value["by"], value["to"],
                 value["status"].rsplit("#", 1)[-1], date[:10], value.get("quote", ""),
                 (value.get("item") or "").lower() or None, value.get("title")) if date else None


def claim_batches(store: Store, batch: int = GRAPHS_PER_READ) -> Iterator[list[Claim]]:
    """The claims of ``store``, read ``batch`` named graphs at a time: a commitment and all it is
    dated by are in its transcript's graph (:mod:`kg.store.layout`), so no batch misses a part.

    The graph names come a page at a time too, and between pages a store on disk lets go of what
    it keeps of the files read (:meth:`kg.store.embedded.OxigraphStore.release_memory`)."""
    done = 0
    release = getattr(store, "release_memory", lambda: False)
    while page := _graph_names(store, done, batch * _BATCHES_PER_PAGE):
        done += len(page)
        graphs = [g for g in page if isinstance(g, ox.NamedNode)]
        for start in range(0, len(graphs), batch):
            yield read_claims(store, graphs[start:start + batch])
        release()


def _graph_names(store: Store, start: int, count: int) -> list:
    """Named graphs ``start`` to ``start + count``.  An embedded store pages through its own order of
    graphs (which holds while nothing is written) and decodes only the page's names: listing them
    all read as much of its files as 22 MB at 7,225 pages, and again for every page."""
    if getattr(store, "raw", None) is None:
        return store.graphs()[start:start + count]
    return [row["g"] for row in store.query(f"SELECT ?g WHERE {{ GRAPH ?g {{}} }} LIMIT {count} OFFSET {start}")]


def words(text: str) -> set[str]:
    """The content words of a quote: lower case, four letters or more, no stop words."""
    return {w.strip("-") for w in _WORD.findall(text.lower())} - _STOP - {""}


def find_followups(claims: Iterable[Claim], threshold: float = THRESHOLD) -> list[FollowUp]:
    """For each later (ongoing/completed) claim, the best earlier planned/proposed one it continues."""
    return links_of([claims], threshold)


def links_of(batches: Iterable[Iterable[Claim]], threshold: float = THRESHOLD) -> list[FollowUp]:
    """:func:`find_followups` over claims given a batch at a time: they wait on disk
    (:class:`kg.building.claimtable.ClaimTable`), so memory holds one batch and then one thread."""
    with ClaimTable() as table:
        for claims in batches:
            table.add(table_rows(claims))
        return table_links(table, threshold)


#: a claim's fields in order, as ``dataclasses.astuple`` gives them: that deep-copies each (strings, None),
#: which took a fifth of the follow-up catch-up of a full build
_FIELDS = operator.attrgetter(*(f.name for f in dataclasses.fields(Claim)))


def table_rows(claims: Iterable[Claim]) -> Iterator[Row]:
    """The rows of ``claims`` for a :class:`ClaimTable`: thread key, status, fields and content words."""
    return ((c.iri, json.dumps([c.type, c.parties, c.item]), c.status, _FIELDS(c), words(c.quote))
            for c in claims)


def table_links(table: ClaimTable, threshold: float = THRESHOLD) -> list[FollowUp]:
    """The links among the claims of ``table``, by the later claim's date."""
    return sorted(_links(table, threshold), key=lambda f: (f.later.date, f.later.iri))


def _links(table: ClaimTable, threshold: float) -> Iterator[FollowUp]:
    """The links within each thread of the same type, parties and item, weighed by the whole table's words."""
    n, frequency = table.size, table.words
    idf = {w: math.log((1 + n) / (1 + k)) + 1 for w, k in frequency.items()}
    # "cooperation", "economic", "projects": shared by everything, once there are enough quotes
    common = {w for w, k in frequency.items() if k > COMMON_SHARE * n} if n >= COMMON_FROM else set()
    for thread in table.threads(EARLIER, LATER):
        claims = [(Claim(*fields), bag) for fields, bag in thread]
        weighed = {c.iri: _Weighed(bag - common, idf, c.date) for c, bag in claims}
        earlier = sorted(((c, weighed[c.iri]) for c, _ in claims if c.status in EARLIER), key=lambda p: p[0].date)
        dates = [e.date for e, _ in earlier]
        for later in (c for c, _ in claims if c.status in LATER):
            found = _best(earlier[:bisect.bisect_left(dates, later.date)], later, weighed[later.iri], idf, threshold)
            if found is not None:
                yield FollowUp(found[1], later, round(found[0], 3))


def _best(earlier: list[tuple[Claim, _Weighed]], later: Claim, b: _Weighed, idf: dict[str, float],
          threshold: float) -> tuple[float, Claim] | None:
    """(confidence, claim) of the best of ``earlier`` for ``later`` (highest confidence, then latest date,
    then IRI), if at or above ``threshold``.  A pair that shares no word, item or title scores at most
    :data:`_BASE`, below any threshold over it, so it cannot be the link and is not scored (87% of the pairs
    at 7,000 pages: a relink took 0.16 CPU-s, now 0.10, the links the same)."""
    best = None
    for e, a in earlier:
        if threshold > _BASE and a.bag.isdisjoint(b.bag) and not (e.item and e.item == later.item) \
                and not (e.title and later.title):
            continue
        key = (_confidence(e, later, a, b, idf), e.date, e.iri)
        if best is None or key > best[0]:
            best = (key, e)
    if best is None or best[0][0] < threshold:
        return None
    return best[0][0], best[1]


class _Weighed:
    """A quote's content words and their IDF mass, weighed once for every pair it is in (and only when
    one is scored: most pairs are not, :func:`_best`)."""

    __slots__ = ("bag", "_idf", "_mass", "month")

    def __init__(self, bag: set[str], idf: dict[str, float], date: str = "") -> None:
        self.bag, self._idf, self._mass, self.month = bag, idf, None, _month(date)

    @property
    def mass(self) -> float:
        if self._mass is None:
            self._mass = _mass(self.bag, self._idf)
        return self._mass


def _month(date: str) -> tuple[int, int] | None:
    """(year, month) of an ISO date, None if it has none."""
    try:
        return int(date[:4]), int(date[5:7])
    except ValueError:
        return None


def _mass(bag: Iterable[str], idf: dict[str, float]) -> float:
    """The summed IDF of ``bag``, exactly rounded (the same whatever order a set gives its words in)."""
    return math.fsum(map(idf.get, bag, itertools.repeat(1.0)))


def confidence(earlier: Claim, later: Claim, bags: dict[str, set[str]], idf: dict[str, float]) -> float:
    """How sure that ``later`` is about the very thing ``earlier`` promised, in [0, 1].

    Same type, parties and item are given; what is left is whether the two
    quotes speak of the same thing.  Up to 0.5 is the IDF-weighted cosine of
    the two quotes' content words (rare shared words like "Akkuyu" or
    "Sputnik" count most; a one-word quote cannot match everything); a shared
    named item or document title adds 0.3, two different document titles take
    0.3 off; every year past two between them takes off 0.05 (up to 0.4), as
    a promise is usually followed up at the next meeting or two.
    """
    a, b = bags.get(earlier.iri, set()), bags.get(later.iri, set())
    return _confidence(earlier, later, _Weighed(a, idf, earlier.date), _Weighed(b, idf, later.date), idf)


def _confidence(earlier: Claim, later: Claim, a: _Weighed, b: _Weighed, idf: dict[str, float]) -> float:
    """:func:`confidence`, the quotes weighed already."""
    shared = a.bag & b.bag
    score = _BASE + 0.5 * (_mass(shared, idf) / (math.sqrt(a.mass * b.mass) or 1.0) if shared else 0.0)
    if earlier.item and earlier.item == later.item:
        score += 0.3
    if earlier.title and later.title:  # two named documents: the same one, or two different ones
        score += 0.3 if _title_words(earlier.title) & _title_words(later.title) else -0.3
    if a.month and b.month:
        years = (b.month[0] - a.month[0]) + (b.month[1] - a.month[1]) / 12
        if years > 2:
            score -= min(0.4, 0.05 * (years - 2))
    return max(0.0, min(1.0, score))


@lru_cache(maxsize=4096)
def _title_words(title: str) -> frozenset[str]:
    return frozenset(words(title))


def followup_triples(links: Iterable[FollowUp], base: str = DEFAULT_BASE) -> list[ox.Triple]:
    """The RDF of the links: the direct ``irkg:continues`` and an ``irkg:FollowUp`` node with the confidence."""
    triples = []
    for link in links:
        earlier, later = ox.NamedNode(link.earlier.iri), ox.NamedNode(link.later.iri)
        key = hashlib.sha256(f"{link.earlier.iri} {link.later.iri}".encode()).hexdigest()[:16]
        node = ox.NamedNode(f"{base}followup/{key}")
        triples += [
            ox.Triple(later, irkg("continues"), earlier),
            ox.Triple(node, ns_node(RDF, "type"), irkg("FollowUp")),
            ox.Triple(node, irkg("earlierCommitment"), earlier),
            ox.Triple(node, irkg("laterCommitment"), later),
            ox.Triple(node, irkg("confidence"), ox.Literal(decimal(link.confidence), datatype=ns_node(XSD, "decimal"))),
        ]
    return triples


def decimal(value: float) -> str:
    """``value`` to three places in the canonical form of xsd:decimal ("0.5", "1", not "0.500", "1.000").

    Oxigraph stores a decimal by its value and gives it back canonical: with "0.500" written, a
    relink's :meth:`~kg.store.embedded.OxigraphStore.replace_graph` took the stored "0.5" for a triple
    gone and the new "0.500" for one added, added it (no change) and deleted "0.5", so every link
    with a round confidence lost it (488 follow-up triples where a first link wrote 520)."""
    return f"{value:.3f}".rstrip("0").rstrip(".") or "0"


def link_followups(store: Store, base: str = DEFAULT_BASE, threshold: float = THRESHOLD,
                   batch: int = GRAPHS_PER_READ) -> list[FollowUp]:
    """Find the follow-up links over the whole store and write them as the ``graph/followups`` graph.

    A writable store directory keeps its claims in a table beside it (:mod:`kg.building.claimtable`):
    only the graphs the table does not hold are read.  Any other store is read whole, ``batch``
    graphs at a time (:func:`claim_batches`), into a table that lasts one link.  Either way the claims
    wait on disk until linked, so the memory this takes does not grow with the store."""
    table = ClaimTable.beside(store)
    if table is None:
        links = links_of(claim_batches(store, batch), threshold)
    else:
        with table:
            catch_up(table, store, batch)
            links = table_links(table, threshold)
    graph = followups_graph_iri(base)
    if links:
        store.replace_graph(graph, followup_triples(links, base))
    else:  # no links, no graph: an empty named graph would still count in `kg stats`
        store.update(f"DROP SILENT GRAPH {graph}")
    return links


def catch_up(table: ClaimTable, store: Store, batch: int = GRAPHS_PER_READ) -> None:
    """Make ``table`` hold the claims of every transcript graph of ``store``: the graphs a build marked
    (or all, when the store is not as the table expects: :mod:`kg.store.kept`) are read ``batch`` at a
    time or forgotten.  Commitments live in transcript graphs only (:mod:`kg.store.layout`), so the
    shared graphs and the links' own are never read."""
    todo = table.sync(store)
    table.forget(todo.gone)
    release = getattr(store, "release_memory", lambda: False)
    for number, graphs in enumerate(chunks(todo.read, batch), start=1):
        found = claims_by_graph(store, [ox.NamedNode(g) for g in graphs])
        for graph in graphs:
            table.put(graph, table_rows(found.get(graph, ())))
        if number % _BATCHES_PER_PAGE == 0:
            table.commit()
            release()
    table.settle(todo.others)
