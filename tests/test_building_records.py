"""The build record (which graph came from which source, built by which reader) and the follow-up linker's scores.

Both are plain logic over small inputs, so they are tested without building:
the record on an SQLite file of its own, the linker on hand-written claims.
"""

from __future__ import annotations

import sqlite3

import pyoxigraph as ox
import pytest

from kg.building.followup import (
    THRESHOLD, Claim, FollowUp, confidence, find_followups, followup_triples, read_claims, words,
)
from kg.building.manifest import FILE_NAME, SCHEMA, Manifest
from kg.store.embedded import OxigraphStore

V1, V2 = "version-one", "version-two"


# --- the record -------------------------------------------------------------------------


def test_a_graph_is_current_only_for_the_version_and_checks_it_was_built_with():
    m = Manifest(None)
    m.built("g", V1, checked=False, problems=0)
    assert m.current("g", V1, checked=False, strict=False)
    assert not m.current("g", V2, checked=False, strict=False)   # another reader
    assert not m.current("g", V1, checked=True, strict=False)    # validation asked, none was run
    assert not m.current("unknown", V1, checked=False, strict=False)
    m.built("g", V1, checked=True, problems=2)
    assert m.current("g", V1, checked=True, strict=False)
    assert not m.current("g", V1, checked=True, strict=True)     # a strict build must not keep violations


def test_a_file_is_known_by_its_size_and_time():
    m = Manifest(None)
    m.saw("a.txt", "graph-a", (100, 5))
    assert m.file_graph("a.txt", (100, 5)) == "graph-a"
    assert m.file_graph("a.txt", (101, 5)) is None and m.file_graph("a.txt", (100, 6)) is None
    m.saw("a.txt", "graph-a", None)  # still changing: read it next time
    assert m.file_graph("a.txt", (100, 5)) is None


def test_a_source_that_gives_another_text_makes_its_old_graph_droppable():
    m = Manifest(None)
    m.saw("a.txt", "old")
    m.saw("a.txt", "new")
    assert m.droppable() == ["old"]
    m.dropped(["old"])


def test_a_graph_another_source_still_gives_is_not_dropped():
    m = Manifest(None)
    m.saw("a.txt", "shared")
    m.saw("copy.txt", "shared")
    m.saw("a.txt", "new")
    assert m.droppable() == []


def test_prune_forgets_the_sources_of_earlier_runs_only():
    m = Manifest(None)
    m.saw("gone.txt", "graph-gone")
    m.saw("kept.txt", "graph-kept")
    m.begin()  # the next build
    m.saw("kept.txt", "graph-kept")
    assert m.droppable() == []
    m.forget_unseen()
    assert m.droppable() == ["graph-gone"]


def test_stdin_is_never_recorded():
    m = Manifest(None)
    m.saw("<stdin>", "g1")
    m.saw("<stdin>", "g2")
    assert m.droppable() == [] and m.file_graph("<stdin>", (0, 0)) is None


def test_the_record_survives_closing_and_a_record_of_another_layout_is_forgotten(tmp_path):
    path = tmp_path / FILE_NAME
    m = Manifest(path)
    m.built("g", V1, checked=True, problems=0)
    m.saw("a.txt", "g", (1, 2))
    m.close()
    m.close()  # twice is harmless
    again = Manifest(path)
    assert again.current("g", V1, checked=True, strict=True) and again.file_graph("a.txt", (1, 2)) == "g"
    again.close()
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA + 1}")
    other = Manifest(path)
    assert not other.current("g", V1, checked=False, strict=False)
    assert other.file_graph("a.txt", (1, 2)) is None
    other.close()


def test_a_store_folder_gets_a_record_file_and_other_stores_one_in_memory(tmp_path):
    with OxigraphStore(tmp_path / "store") as store:
        on_disk = Manifest.for_store(store)
        assert on_disk.path == tmp_path / "store" / FILE_NAME
        on_disk.close()
    assert Manifest.for_store(OxigraphStore(None)).path is None
    with OxigraphStore(tmp_path / "store", read_only=True) as store:
        assert Manifest.for_store(store).path is None  # a read-only store is never written to


def test_many_writes_are_committed_as_they_go(tmp_path):
    path = tmp_path / FILE_NAME
    m = Manifest(path)
    for i in range(600):
        m.built(f"g{i}", V1, checked=False, problems=0)
    with sqlite3.connect(path) as db:  # another connection sees the first 500 before any commit()
        assert db.execute("SELECT COUNT(*) FROM graphs").fetchone()[0] >= 500
    m.close()


# --- follow-up links -------------------------------------------------------------------------

C = "https://w3id.org/irkg/id/country/"


def claim(iri: str, status: str, date: str, quote: str, kind: str = "Agreement", by: str = "RUS", to: str = "AZE",
          item: str | None = None, title: str | None = None) -> Claim:
    return Claim(f"https://w3id.org/irkg/id/commitment/{iri}", kind, C + by, C + to, status, date, quote, item, title)


TREATY = "treaty on fisheries"
PROMISE = claim("a", "planned", "2020-01-01", "We will sign the treaty on fisheries.", title=TREATY)


def test_words_are_the_content_words_of_a_quote():
    assert words("We will SUPPLY the Sputnik-V vaccine and co-operate next year.") == {
        "supply", "sputnik-v", "vaccine", "co-operate"}


def test_the_same_named_document_adds_confidence_and_another_takes_it_away():
    same = claim("b", "completed", "2020-06-01", "We signed the treaty on fisheries.", title=TREATY)
    other = claim("c", "completed", "2020-06-01", "We signed the treaty on fisheries.", title="agreement on tourism")
    [link] = find_followups([PROMISE, same])
    assert link.confidence == pytest.approx(0.794, abs=1e-3)
    assert find_followups([PROMISE, other]) == []
    [weak] = find_followups([PROMISE, other], threshold=0)
    assert weak.confidence == pytest.approx(link.confidence - 0.6, abs=1e-3)


@pytest.mark.parametrize("later, penalty", [("2020-06-01", 0.0), ("2022-01-01", 0.0), ("2023-01-01", 0.05),
                                            ("2026-01-01", 0.2), ("2030-01-01", 0.4), ("2040-01-01", 0.4)])
def test_every_year_past_two_takes_off_a_twentieth_up_to_four_tenths(later, penalty):
    kept = claim("b", "completed", later, "We signed the treaty on fisheries.", title=TREATY)
    [link] = find_followups([PROMISE, kept], threshold=0)
    assert link.confidence == pytest.approx(0.794 - penalty, abs=1e-3)


def test_a_promise_kept_ten_years_later_falls_below_the_threshold():
    late = claim("b", "completed", "2030-01-01", "We signed the treaty on fisheries.", title=TREATY)
    assert find_followups([PROMISE, late]) == [] and 0.794 - 0.4 < THRESHOLD


def test_confidence_stays_within_zero_and_one():
    a = claim("x", "planned", "2019-01-01", "treaty", item="gas", title="Treaty")
    b = claim("y", "completed", "2019-02-01", "treaty", item="gas", title="Treaty")
    bags = {a.iri: {"treaty"}, b.iri: {"treaty"}}
    assert confidence(a, b, bags, {"treaty": 1.0}) == 1.0  # 0.2 + 0.5 + 0.3 + 0.3, capped
    far = claim("z", "completed", "2039-01-01", "other words", title="Charter")
    assert confidence(a, far, {a.iri: {"treaty"}, far.iri: {"other", "words"}}, {}) == 0.0  # 0.2 - 0.3 - 0.4
    nothing = confidence(claim("p", "planned", "2020-01-01", ""), claim("q", "ongoing", "2020-02-01", ""), {}, {})
    assert nothing == pytest.approx(0.2)  # nothing shared: only the base


def test_words_shared_by_most_of_a_large_corpus_stop_counting():
    filler = [claim(f"f{i}", "proposed", "2019-01-01", f"Economic projects number {i} of the region.",
                    kind="Cooperation", by="FRA", to=f"X{i % 50:02d}") for i in range(520)]
    promise = claim("p", "planned", "2020-01-01", "Economic projects in the region.", kind="Cooperation")
    outcome = claim("o", "ongoing", "2020-06-01", "Economic projects in the region.", kind="Cooperation")
    [alone] = find_followups([promise, outcome], threshold=0)
    [crowded] = find_followups([promise, outcome, *filler], threshold=0)
    assert crowded.confidence < alone.confidence  # "economic", "projects", "region" are everybody's words


def test_links_are_sorted_by_the_later_date_and_each_later_claim_links_once():
    kept_early = claim("b", "completed", "2020-03-01", "We signed the treaty on fisheries.", title=TREATY)
    kept_late = claim("c", "completed", "2020-09-01", "The treaty on fisheries was signed.", title=TREATY)
    older = claim("d", "proposed", "2019-06-01", "We propose a treaty on fisheries.", title=TREATY)
    links = find_followups([kept_late, PROMISE, kept_early, older])
    assert [l.later.iri[-1] for l in links] == ["b", "c"]
    assert len({l.later.iri for l in links}) == len(links)


def test_the_rdf_of_a_link_is_deterministic():
    [link] = find_followups([PROMISE, claim("b", "completed", "2020-06-01", "We signed the treaty on fisheries.",
                                             title=TREATY)])
    first, second = followup_triples([link]), followup_triples([link])
    assert first == second and len(first) == 5
    [value] = [t.object for t in first if t.predicate.value.endswith("#confidence")]
    assert float(value.value) == link.confidence and value.datatype.value.endswith("#decimal")
    nodes = {t.subject.value for t in first if "/followup/" in t.subject.value}
    assert len(nodes) == 1 and nodes.pop().startswith("https://w3id.org/irkg/id/followup/")


def test_claims_take_the_meetings_date_else_the_pages_and_skip_the_undated():
    irkg = "https://w3id.org/irkg/ontology#"
    xsd = "http://www.w3.org/2001/XMLSchema#date"
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    store = OxigraphStore(None)
    for name, published, meeting_date in (("a", "2021-03-02", "2021-03-01"), ("b", "2021-05-05", None),
                                          ("c", None, None)):
        node, transcript = ox.NamedNode(f"urn:k:{name}"), ox.NamedNode(f"urn:t:{name}")
        triples = [ox.Triple(node, rdf_type, ox.NamedNode(irkg + "Supply")),
                   ox.Triple(node, ox.NamedNode(irkg + "byCountry"), ox.NamedNode(C + "RUS")),
                   ox.Triple(node, ox.NamedNode(irkg + "toCountry"), ox.NamedNode(C + "AZE")),
                   ox.Triple(node, ox.NamedNode(irkg + "status"), ox.NamedNode(irkg + "planned")),
                   ox.Triple(node, ox.NamedNode(irkg + "item"), ox.Literal("Vaccine")),
                   ox.Triple(node, ox.NamedNode(irkg + "inTranscript"), transcript)]
        if published:
            triples.append(ox.Triple(transcript, ox.NamedNode(irkg + "published"),
                                     ox.Literal(published, datatype=ox.NamedNode(xsd))))
        if meeting_date:
            meeting = ox.NamedNode(f"urn:m:{name}")
            triples += [ox.Triple(meeting, ox.NamedNode(irkg + "reportedIn"), transcript),
                        ox.Triple(meeting, ox.NamedNode(irkg + "date"), ox.Literal(meeting_date, datatype=ox.NamedNode(xsd)))]
        store.replace_graph(ox.NamedNode(f"urn:g:{name}"), triples)
    subclass = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#subClassOf")  # the ontology names the kinds
    store.replace_graph(ox.NamedNode("urn:g:ontology"),
                        [ox.Triple(ox.NamedNode(irkg + "Supply"), subclass, ox.NamedNode(irkg + "Commitment"))])
    claims = read_claims(store)
    assert [(c.iri, c.date, c.item, c.type, c.status) for c in claims] == [
        ("urn:k:a", "2021-03-01", "vaccine", "Supply", "planned"), ("urn:k:b", "2021-05-05", "vaccine", "Supply", "planned")]


@pytest.mark.parametrize("confidence", [0.5, 1.0, 0.0, 0.47, 0.474, 0.4])
def test_a_confidence_is_written_as_the_store_gives_it_back(confidence):
    """A relink compares what the store holds with what it would write: a decimal the store turns into
    another form ("0.500" into "0.5") was taken for a change, and the link lost its confidence."""
    link = FollowUp(PROMISE, claim("b", "completed", "2020-06-01", "We signed it."), confidence)
    triples = followup_triples([link])
    store, graph = ox.Store(), ox.NamedNode("urn:g")
    store.extend(ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples)
    assert {ox.Triple(q.subject, q.predicate, q.object) for q in store} == set(triples)
