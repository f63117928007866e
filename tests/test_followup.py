"""Follow-up links between commitments: the rules, the RDF, the shapes, the library queries."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.building.followup import Claim, find_followups, followup_triples, link_followups
from kg.rdf.namespace import followups_graph_iri
from kg.rdf.namespace import DEFAULT_BASE
from kg.sparql.library import load_query, run_query
from kg.store.embedded import OxigraphStore
from kg.validation.shacl import validate_store

C = "https://w3id.org/irkg/id/country/"


def claim(iri: str, status: str, date: str, quote: str, type: str = "Supply", by: str = "RUS",
          to: str = "AZE", item: str | None = "vaccine") -> Claim:
    return Claim(f"https://w3id.org/irkg/id/commitment/{iri}", type, C + by, C + to, status, date, quote, item)


PROMISE = claim("a", "planned", "2021-03-01", "We will supply Sputnik V vaccine doses to Azerbaijan next month.")
KEPT = claim("b", "completed", "2021-07-20", "We have supplied Sputnik V vaccine doses to Azerbaijan.")


def test_a_kept_promise_is_linked_with_a_confidence():
    [link] = find_followups([PROMISE, KEPT])
    assert (link.earlier, link.later) == (PROMISE, KEPT)
    assert 0.8 <= link.confidence <= 1.0  # same item, same rare words


@pytest.mark.parametrize("later", [
    claim("c", "completed", "2021-02-01", KEPT.quote),               # dated before the promise
    claim("d", "planned", "2021-07-20", KEPT.quote),                 # not moved on
    claim("e", "completed", "2021-07-20", KEPT.quote, to="ARM"),     # other parties
    claim("f", "completed", "2021-07-20", KEPT.quote, item="gas"),   # other item
    claim("g", "completed", "2021-07-20", KEPT.quote, type="Investment"),
    claim("h", "completed", "2021-07-20", KEPT.quote, by="AZE", to="RUS"),  # a supply has a direction
])
def test_no_link_without_the_same_thread_and_a_later_date_and_progress(later):
    assert find_followups([PROMISE, later]) == []


def test_mutual_kinds_match_either_way_round():
    a = claim("a", "planned", "2019-01-01", "We agreed to build the Akkuyu plant together.", "JointProduction", item=None)
    b = claim("b", "ongoing", "2020-01-01", "Building the Akkuyu plant together goes well.", "JointProduction",
              by="AZE", to="RUS", item=None)
    assert [(f.earlier, f.later) for f in find_followups([a, b])] == [(a, b)]


def test_unrelated_quotes_and_old_promises_stay_below_the_threshold():
    a = claim("a", "planned", "2010-01-01", "We shall expand contacts between universities.", "Cooperation", item=None)
    b = claim("b", "ongoing", "2011-01-01", "Military exercises took place near the border.", "Cooperation", item=None)
    assert find_followups([a, b]) == []
    old = claim("c", "ongoing", "2020-01-01", "Contacts between universities expand.", "Cooperation", item=None)
    [near] = find_followups([a, claim("d", "ongoing", "2011-01-01", old.quote, "Cooperation", item=None)], 0)
    [far] = find_followups([a, old], 0)
    assert far.confidence < near.confidence


def test_each_later_commitment_links_to_its_best_earlier_one():
    vague = claim("v", "proposed", "2021-05-01", "We discussed supplies.")
    [link] = find_followups([PROMISE, vague, KEPT])
    assert link.earlier == PROMISE


@pytest.fixture()
def linked_store(dev_store_dir, tmp_path) -> OxigraphStore:
    """The dev store plus a promise and its outcome in two made-up transcript graphs."""
    import shutil

    shutil.copytree(dev_store_dir, tmp_path / "store")
    store = OxigraphStore(tmp_path / "store")
    irkg = "https://w3id.org/irkg/ontology#"
    for name, status, date, quote in (("p", "planned", "2021-03-01", PROMISE.quote),
                                      ("k", "completed", "2021-07-21", KEPT.quote)):
        node, transcript = ox.NamedNode(f"{DEFAULT_BASE}commitment/{name}"), ox.NamedNode(f"{DEFAULT_BASE}transcript/{name}")
        evidence = ox.NamedNode(f"{DEFAULT_BASE}commitment/{name}/evidence")
        triples = [(node, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", ox.NamedNode(irkg + "Supply")),
                   (node, irkg + "byCountry", ox.NamedNode(C + "RUS")), (node, irkg + "toCountry", ox.NamedNode(C + "AZE")),
                   (node, irkg + "status", ox.NamedNode(irkg + status)), (node, irkg + "item", ox.Literal("vaccine")),
                   (node, irkg + "inTranscript", transcript), (node, irkg + "evidence", evidence),
                   (evidence, "http://www.w3.org/ns/oa#exact", ox.Literal(quote)),
                   (node, irkg + "statedOn", ox.Literal(date, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))),
                   (transcript, irkg + "published", ox.Literal(date, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")))]
        store.replace_graph(ox.NamedNode(f"{DEFAULT_BASE}graph/{name}"),
                            [ox.Triple(s, ox.NamedNode(p), o) for s, p, o in triples])
    yield store
    store.close()


def test_links_are_written_to_their_own_graph_and_conform(linked_store):
    links = link_followups(linked_store)
    # the made-up promise is kept by the made-up outcome, and by the Supplies to Azerbaijan the reader
    # finds on 2021-07-20 in the dev set: the two real supplies of vaccine doses, and whatever other
    # Supply a model proposes there (some read "difficult to supply everyone" as one)
    assert {l.earlier.iri.rsplit("/", 1)[-1] for l in links} == {"p"}
    laters = {l.later.iri.rsplit("/", 1)[-1]: l.later for l in links}
    assert "k" in laters and len(laters) >= 3
    real = [c for n, c in laters.items() if n != "k"]
    assert all(c.date == "2021-07-20" and c.type == "Supply" for c in real)
    assert sum("vaccine doses" in c.quote for c in real) == 2
    graph = followups_graph_iri(DEFAULT_BASE)
    assert graph in linked_store.graphs()
    report = validate_store(linked_store, [graph.value])
    assert report.conforms, report.results


def test_the_followup_shape_catches_a_link_without_its_continues_triple(linked_store):
    links = link_followups(linked_store)
    broken = [t for t in followup_triples(links) if not t.predicate.value.endswith("#continues")]
    graph = followups_graph_iri(DEFAULT_BASE)
    linked_store.replace_graph(graph, broken)
    assert not validate_store(linked_store, [graph.value]).conforms


def test_no_links_leave_no_graph(dev_store_dir, tmp_path):
    import shutil

    shutil.copytree(dev_store_dir, tmp_path / "store")
    with OxigraphStore(tmp_path / "store") as store:
        assert link_followups(store) == []
        assert followups_graph_iri(DEFAULT_BASE) not in store.graphs()


def test_library_queries_show_the_kept_and_the_forgotten_promises(linked_store):
    links = link_followups(linked_store)
    rows = run_query(linked_store, load_query("promises_with_outcomes").text).to_dicts()
    [row] = [r for r in rows if r["outcome"] == KEPT.quote]
    assert len([r for r in rows if r["outcome"]]) == len(links) >= 3 and rows[0]["outcome"]  # followed-up first
    assert any(r["outcome"] is None for r in rows)  # and then the others
    assert (row["by"], row["to"], row["status"], row["laterStatus"]) == ("RUS", "AZE", "planned", "completed")
    assert str(row["promised"]) == "2021-03-01" and str(row["keptOn"]) == "2021-07-21"
    assert row["promise"] == PROMISE.quote and 0.8 <= row["confidence"] <= 1
    forgotten = run_query(linked_store, load_query("commitments_never_mentioned_again").text).to_dicts()
    quotes = {r["quote"].replace("\xa0", " ") for r in forgotten}
    assert PROMISE.quote not in quotes  # kept
    assert "We plan to send our representative delegation to your country in the near future." in quotes
    assert all(r["status"] in ("planned", "proposed") for r in forgotten)


class _Reads:
    """The linked store, with the commitments each claims query of the linker answered."""

    def __init__(self, store: OxigraphStore) -> None:
        self.store, self.answers = store, []

    def __getattr__(self, name: str):
        return getattr(self.store, name)

    def query(self, sparql: str, *args, **kwargs):
        answer = self.store.query(sparql, *args, **kwargs)
        if "irkg:inTranscript ?tr" in sparql:
            self.answers.append({row["k"].value for row in answer})
        return answer


def test_the_linker_reads_a_few_graphs_at_a_time_and_links_as_one_read_does(linked_store):
    from kg.building.claimtable import FILE_NAME
    from kg.building.followup import read_claims

    (linked_store.path / FILE_NAME).unlink()  # no table kept from the dev build: every graph is read
    whole = find_followups(read_claims(linked_store))
    reads = _Reads(linked_store)
    links = link_followups(reads, batch=2)
    assert [(l.earlier, l.later, l.confidence) for l in links] == [(l.earlier, l.later, l.confidence) for l in whole]
    assert len(links) == 3
    graph_of = {row["k"].value: row["g"].value for row in linked_store.query(
        "SELECT ?k ?g WHERE { GRAPH ?g { ?k irkg:inTranscript ?t } }")}
    read = [{graph_of[k] for k in answer} for answer in reads.answers]
    assert {c.iri for c in read_claims(linked_store)} <= set().union(*reads.answers)  # every claim read
    assert len(set().union(*read)) > 4 and len(reads.answers) >= len(set().union(*read)) / 2
    assert max(len(graphs) for graphs in read) <= 2  # never more than a batch of graphs at once


def test_a_store_on_disk_lets_go_of_its_memory_and_keeps_its_quads(linked_store):
    quads = linked_store.count()
    assert linked_store.release_memory()
    assert linked_store.count() == quads and linked_store.query("ASK { ?k irkg:status irkg:planned }")
    raw = linked_store.raw  # held elsewhere: the directory could not be reopened under it
    assert not linked_store.release_memory() and raw is linked_store.raw
    assert not OxigraphStore(None).release_memory()


def _link_quads(store: OxigraphStore) -> list[str]:
    return sorted(str(q) for q in store.raw.quads_for_pattern(None, None, None, followups_graph_iri(DEFAULT_BASE)))


def test_a_relink_reads_only_the_graphs_its_table_does_not_hold_and_links_as_a_whole_read(linked_store):
    """The table beside the store holds the dev graphs' claims from their build: the first link reads the
    two made-up graphs only, a second none, and one after a graph went forgets its claims."""
    from kg.building.followup import links_of, claim_batches

    reads = _Reads(linked_store)
    links = link_followups(reads)
    read = set().union(*reads.answers)
    assert {k.rsplit("/", 1)[-1] for k in read} == {"p", "k"}
    assert links == links_of(claim_batches(linked_store)) and len(links) >= 3
    first = _link_quads(linked_store)
    reads.answers.clear()
    assert link_followups(reads) == links and reads.answers == [] and _link_quads(linked_store) == first
    linked_store.update(f"DROP GRAPH <{DEFAULT_BASE}graph/p>")
    after = link_followups(reads)
    assert reads.answers == [] and after == links_of(claim_batches(linked_store))
    assert "commitment/p" not in " ".join(_link_quads(linked_store))


def test_the_table_forgets_a_graph_and_counts_the_words_of_the_claims_it_keeps(tmp_path):
    from kg.building.claimtable import ClaimTable
    from kg.building.followup import table_rows

    a = claim("x", "planned", "2021-01-01", "Sputnik vaccine doses")
    b = claim("x", "planned", "2021-01-01", "Akkuyu reactor")  # the same IRI from a later graph
    with ClaimTable(tmp_path / "t.sqlite") as table:
        table.put("g2", table_rows([b]))
        assert table.words == {"akkuyu": 1, "reactor": 1} and table.size == 1
        table.put("g1", table_rows([a, PROMISE]))  # g1 comes first: its claim of x is the one kept
        assert table.words["sputnik"] == 2 and "akkuyu" not in table.words and table.size == 2
        table.forget(["g1"])
        assert table.words == {"akkuyu": 1, "reactor": 1} and table.graphs() == {"g2"}
    with ClaimTable(tmp_path / "t.sqlite") as table:  # kept on disk
        assert table.graphs() == {"g2"} and table.size == 1


def test_the_table_reads_only_threads_with_an_earlier_and_a_later_claim(tmp_path):
    """A thread of promises alone, or of outcomes alone, cannot link: it is never read back; a thread with
    both is, its claims of other statuses left out, and links."""
    from kg.building.claimtable import ClaimTable
    from kg.building.followup import EARLIER, LATER, table_links, table_rows

    alone = [claim("p1", "planned", "2021-01-01", "wheat", item="wheat"),
             claim("p2", "proposed", "2021-02-01", "wheat", item="wheat"),
             claim("o1", "ongoing", "2021-03-01", "grain", item="grain"),
             claim("o2", "completed", "2021-04-01", "grain", item="grain")]
    mixed = [PROMISE, KEPT, claim("c", "cancelled", "2021-05-01", "vaccine")]
    with ClaimTable(tmp_path / "t.sqlite") as table:
        table.put("g1", table_rows(alone + mixed))
        threads = list(table.threads(EARLIER, LATER))
        assert [[fields[0] for fields, _ in thread] for thread in threads] == [[PROMISE.iri, KEPT.iri]]
        assert [(link.earlier, link.later) for link in table_links(table)] == [(PROMISE, KEPT)]

def test_pairs_left_unscored_never_change_the_links():
    """The linker scores only pairs that share a word, an item or a title: the links are those of
    scoring every pair, at the default threshold and at thresholds under and over a pair of nothing shared."""
    import random

    from kg.building.followup import confidence, words

    rng = random.Random(14)
    vocabulary = "akkuyu reactor sputnik vaccine wheat grain pipeline turbines credit loans".split()
    claims = [Claim(f"https://w3id.org/irkg/id/commitment/{n}", "Supply", C + "RUS", C + "AZE",
                    rng.choice(["planned", "proposed", "ongoing", "completed"]),
                    f"20{rng.randint(10, 23)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                    " ".join(rng.sample(vocabulary, rng.randint(0, 3))), None,
                    rng.choice([None, None, "Treaty of Friendship", "Grain Deal"])) for n in range(60)]
    bags = {c.iri: words(c.quote) for c in claims}
    import math

    idf = {w: math.log((1 + len(claims)) / (1 + sum(w in bag for bag in bags.values()))) + 1
           for w in set().union(*bags.values())}  # as the linker weighs words (docs/followups.md)
    for threshold in (0.1, 0.2, 0.4, 0.45):
        expected = {}
        for later in (c for c in claims if c.status in ("ongoing", "completed")):
            scored = [(confidence(e, later, bags, idf), e.date, e.iri) for e in claims
                      if e.status in ("planned", "proposed") and e.date < later.date]
            if scored and max(scored)[0] >= threshold:
                expected[later.iri] = (max(scored)[2], round(max(scored)[0], 3))
        found = {f.later.iri: (f.earlier.iri, f.confidence) for f in find_followups(claims, threshold)}
        assert found == expected and found
