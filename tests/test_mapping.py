"""Document -> RDF: deterministic IRIs, exact evidence, and a lossless serialise/parse trip."""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.rdf import namespace as ns
from kg.rdf.mapping import map_document, reference_triples, transcript_graph
from kg.model import (
    Commitment, CountryMention, Document, Figure, Meeting, Person, Quantity, Span, Transcript, Utterance,
)

AZE_TEXT = Path(__file__).parent / "data" / "dev" / "kremlin-2021-07-20-azerbaijan.txt"
PUTIN = Person("Vladimir Putin", "President", "RUS", qid="Q7747", label="Vladimir Putin")
ALIYEV = Person("Ilham Aliyev", "President", "AZE", qid="Q153815", label="Ilham Aliyev")


def _span(text: str, quote: str) -> Span:
    """Where ``quote`` is, reading non-breaking spaces as spaces (same length, so offsets hold)."""
    start = text.replace("\u00a0", " ").index(quote)
    return Span(start, start + len(quote))


def sample_document() -> Document:
    """The Azerbaijan meeting, built by hand the way the extractors will fill it in."""
    text = AZE_TEXT.read_text(encoding="utf-8")
    transcript = Transcript(text, "kremlin-2021-07-20-azerbaijan.txt",
                            hashlib.sha256(text.encode("utf-8")).hexdigest(),
                            title="Meeting with President of Azerbaijan Ilham Aliyev", date="2021-07-20",
                            url="http://en.kremlin.ru/events/president/news/66206", id="kremlin-aze")
    putin_turn = _span(text, "We will celebrate a big holiday")
    putin_turn = Span(putin_turn.start, text.index("Ilham Aliyev: Even more"))
    aliyev_turn = _span(text, "Thank you, Mr President. Thank you, first of all")
    utterances = (
        Utterance(0, putin_turn, speaker=PUTIN, addressee=ALIYEV),
        Utterance(1, Span(aliyev_turn.start, len(text)), speaker=ALIYEV, addressee=PUTIN, interpreted=True),
    )
    doses = "I think we have already supplied 100,000 [vaccine doses]."
    received = "We have received over 200,000 Sputnik V vaccine doses from Russia and we are expecting more."
    commitments = (
        Commitment("Visit", "RUS", "AZE", "planned",
                   _span(text, "We plan to send our representative delegation to your country in the near future."),
                   0, PUTIN),
        Commitment("Supply", "RUS", "AZE", "completed", _span(text, doses), 0, PUTIN, item="vaccine",
                   quantity=Quantity(100000, "dose")),
        Commitment("Supply", "RUS", "AZE", "completed", _span(text, received), 1, ALIYEV, item="vaccine",
                   quantity=Quantity(200000, "dose", "over")),
        Commitment("JointProduction", "RUS", "AZE", "ongoing",
                   _span(text, "We are working on launching joint production in Azerbaijan."), 0, PUTIN,
                   item="vaccine"),
    )
    figures = (
        Figure(Quantity(100000, "dose"), "vaccine doses supplied", _span(text, doses), 0, PUTIN),
        Figure(Quantity(20, "percent"), "freight volume on the North-South transport corridor",
               _span(text, "freight volumes on the North-South transport corridor increased 20 percent"), 1,
               ALIYEV),
        Figure(Quantity(2.5, "percent"), None, _span(text, doses), 0, None),
    )
    countries = tuple(CountryMention(c, _span(text, w)) for c, w in (("AZE", "Azerbaijan"), ("RUS", "Russia")))
    return Document(
        transcript, "kremlin", title=_span(text, "Meeting with President of Azerbaijan Ilham Aliyev"),
        publisher_country="RUS", utterances=utterances, cast=(PUTIN, ALIYEV),
        meeting=Meeting("Meeting with President of Azerbaijan Ilham Aliyev", "2021-07-20", "Moscow",
                        "The Kremlin", "in_person", "working"),
        is_meeting=True, participants=(PUTIN, ALIYEV), countries=countries, commitments=commitments,
        figures=figures, topics=("health", "transport", "regional-conflict"),
    )


def _subjects(triples: list[ox.Triple]) -> set[str]:
    return {t.subject.value for t in triples}


def test_mapping_is_deterministic():
    first, second = map_document(sample_document()), map_document(sample_document())
    assert first.triples == second.triples and first.shared == second.shared
    assert first.graph == second.graph == transcript_graph(sample_document().transcript)


def test_minted_iris_follow_the_scheme():
    mapped = map_document(sample_document())
    subjects = _subjects(mapped.all_triples)
    base = ns.DEFAULT_BASE
    tid = mapped.transcript_id
    assert len(tid) == 16
    assert f"{base}meeting/2021-07-20-aze-rus-aliyev-putin" in subjects
    assert f"{base}person/ilham-aliyev" in subjects
    assert f"{base}transcript/{tid}" in subjects
    assert f"{base}utterance/{tid}/1" in subjects
    assert f"{base}tenure/vladimir-putin/rus/president" in subjects
    assert mapped.graph.value == f"{base}graph/{tid}"
    assert sum(s.startswith(f"{base}commitment/") and not s.endswith("/evidence") for s in subjects) == 4


_XSD = "http://www.w3.org/2001/XMLSchema#"
_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_INTEGER = re.compile(r"[+-]?\d+")


def ill_typed(literal: ox.Literal) -> str | None:
    """Why ``literal``'s lexical form is not a value of its datatype, or None when it is.

    A datatype this does not know is reported too, so a new one gets a check here.
    """
    datatype, text = literal.datatype.value, literal.value
    if literal.language:
        return None if re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]+)*", literal.language) else "bad language tag"
    if datatype == _XSD + "string":
        return None
    if datatype == _XSD + "date":
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return "xsd:date not YYYY-MM-DD"
        try:
            datetime.date.fromisoformat(text)
        except ValueError:
            return "xsd:date is no calendar day"
        return None
    if datatype == _XSD + "dateTime":
        try:
            datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return "xsd:dateTime does not parse"
        return None if "T" in text else "xsd:dateTime without a time"
    if datatype == _XSD + "integer":
        return None if _INTEGER.fullmatch(text) else "xsd:integer does not parse"
    if datatype == _XSD + "decimal":
        if not _DECIMAL.fullmatch(text):
            return "xsd:decimal does not parse"
        return None if Decimal(text).is_finite() else "xsd:decimal not finite"
    if datatype == _XSD + "boolean":
        return None if text in ("true", "false", "1", "0") else "xsd:boolean not true/false"
    if datatype == _XSD + "anyURI":
        return None if re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+", text) else "xsd:anyURI not an http(s) URL"
    return f"unchecked datatype {datatype}"


def test_ill_typed_sees_each_kind_of_bad_literal():
    """The checker below is only worth something if it can fail."""
    bad = [ox.Literal("2021-02-31", datatype=ox.NamedNode(_XSD + "date")),
           ox.Literal("20 July 2021", datatype=ox.NamedNode(_XSD + "date")),
           ox.Literal("1e5", datatype=ox.NamedNode(_XSD + "decimal")),
           ox.Literal("2.5", datatype=ox.NamedNode(_XSD + "integer")),
           ox.Literal("yes", datatype=ox.NamedNode(_XSD + "boolean")),
           ox.Literal("2021-07-20", datatype=ox.NamedNode(_XSD + "dateTime")),
           ox.Literal("not a url", datatype=ox.NamedNode(_XSD + "anyURI")),
           ox.Literal("x", datatype=ox.NamedNode(_XSD + "gYear"))]
    assert all(ill_typed(literal) for literal in bad)
    good = [ox.Literal("2021-07-20", datatype=ox.NamedNode(_XSD + "date")), ox.Literal(100000),
            ox.Literal("-2.5", datatype=ox.NamedNode(_XSD + "decimal")), ox.Literal(True),
            ox.Literal("2026-11-29T14:09:07Z", datatype=ox.NamedNode(_XSD + "dateTime")),
            ox.Literal("text"), ox.Literal("text", language="en")]
    assert [ill_typed(literal) for literal in good] == [None] * len(good)


def test_no_blank_nodes_and_no_ill_typed_literals():
    triples = map_document(sample_document()).all_triples
    for t in triples:
        assert not isinstance(t.subject, ox.BlankNode) and not isinstance(t.object, ox.BlankNode)
    literals = [t.object for t in triples if isinstance(t.object, ox.Literal)]
    kinds = {literal.datatype.value.rsplit("#", 1)[-1] for literal in literals}
    assert {"date", "integer", "decimal", "boolean", "anyURI", "string"} <= kinds
    assert [(str(literal), ill_typed(literal)) for literal in literals if ill_typed(literal)] == []


def test_no_ill_typed_literal_in_a_real_build(dev_store):
    """Every literal of the dev build, metadata and reference graphs included, is a value of its datatype."""
    literals = [q.object for q in dev_store.raw if isinstance(q.object, ox.Literal)]
    assert len(literals) > 1000
    kinds = {literal.datatype.value.rsplit("#", 1)[-1] for literal in literals}
    assert {"date", "dateTime", "integer", "decimal", "boolean", "anyURI", "string", "langString"} <= kinds
    bad = sorted({(str(literal), ill_typed(literal)) for literal in literals if ill_typed(literal)})
    assert bad == []


def test_base_changes_data_iris_but_not_ontology_terms():
    mapped = map_document(sample_document(), base="http://example.org/kg/")
    assert mapped.graph.value.startswith("http://example.org/kg/graph/")
    assert all(not t.subject.value.startswith(ns.DEFAULT_BASE) for t in mapped.triples)
    assert ox.NamedNode(ns.ONTOLOGY_NS + "health") in {t.object for t in mapped.triples}


def test_evidence_quotes_are_exact_substrings_at_their_offsets():
    doc = sample_document()
    triples = map_document(doc).all_triples
    by_subject: dict[str, dict[str, ox.Term]] = {}
    for t in triples:
        if t.subject.value.endswith("/evidence"):
            by_subject.setdefault(t.subject.value, {})[t.predicate.value.rsplit("#", 1)[-1]] = t.object
    assert len(by_subject) == 7
    for fields in by_subject.values():
        start, end = int(fields["start"].value), int(fields["end"].value)
        assert doc.text[start:end] == fields["exact"].value


def test_identical_facts_get_distinct_iris():
    doc = sample_document()
    twice = replace(doc, commitments=doc.commitments + doc.commitments[:1])
    subjects = _subjects(map_document(twice).all_triples)
    assert sum(s.startswith(ns.DEFAULT_BASE + "commitment/") and not s.endswith("/evidence")
               for s in subjects) == 5


def test_no_meeting_node_for_a_page_that_reports_none():
    doc = replace(sample_document(), is_meeting=False)
    assert not any("/meeting/" in s for s in _subjects(map_document(doc).all_triples))


def test_unknown_status_is_refused():
    doc = sample_document()
    bad = replace(doc, commitments=(replace(doc.commitments[0], status="maybe"),))
    with pytest.raises(ValueError, match="maybe"):
        map_document(bad)


def test_map_serialise_parse_is_isomorphic():
    mapped = map_document(sample_document())
    data = ox.serialize(mapped.triples, format=ox.RdfFormat.TURTLE, prefixes=ns.PREFIXES)
    expected = Graph()
    for t in mapped.triples:
        expected.parse(data=str(t) + " .", format="nt")
    assert isomorphic(Graph().parse(data=data, format="turtle"), expected)
    reparsed = list(ox.parse(data, format=ox.RdfFormat.TURTLE))
    assert sorted(map(str, reparsed)) == sorted(map(str, mapped.triples))


def test_reference_graph_has_countries_organisations_and_ontology():
    triples = reference_triples(organisations=["United Nations"])
    by_subject = {}
    for t in triples:
        by_subject.setdefault(t.subject.value, set()).add((t.predicate.value, t.object))
    aze = by_subject[ns.DEFAULT_BASE + "country/AZE"]
    assert (ns.OWL + "sameAs", ox.NamedNode(ns.WD + "Q227")) in aze
    assert (ns.ONTOLOGY_NS + "alpha2", ox.Literal("AZ")) in aze
    assert ns.DEFAULT_BASE + "organisation/united-nations" in by_subject
    assert ns.ONTOLOGY_NS + "Supply" in by_subject
    ds = Graph()
    ds.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")
    assert len(ds) == len(triples)


def test_two_spellings_of_one_person_give_one_name_and_alt_labels():
    """"Cardinal Pietro Parolin" and "Pietro Parolin" share an IRI: one foaf:name, the other an altLabel."""
    from collections import defaultdict
    from pathlib import Path

    from kg.rdf.mapping import map_document
    from kg.extract.pipeline import process
    from kg.inputs.reader import read

    page = Path(__file__).resolve().parent / "data" / "pages" / "kremlin-55402-two-spellings.txt"
    mapped = map_document(process(next(read(str(page)))))
    triples = mapped.triples + mapped.shared  # people live in the shared entities graph
    names = defaultdict(set)
    alt = defaultdict(set)
    for t in triples:
        if t.predicate.value == "http://xmlns.com/foaf/0.1/name":
            names[t.subject.value].add(t.object.value)
        if t.predicate.value.endswith("core#altLabel"):
            alt[t.subject.value].add(t.object.value)
    assert names and all(len(v) == 1 for v in names.values()), {k: v for k, v in names.items() if len(v) > 1}
    parolin = [k for k in names if k.endswith("pietro-parolin")]
    assert parolin and alt[parolin[0]]  # the other spelling is kept


def test_every_claim_is_stated_on_its_meetings_date_else_its_transcripts(dev_store):
    # irkg:statedOn is derived when the transcript's graph is written; the library's queries read it
    # instead of joining meetings and transcripts, so it must say what that join says
    rows = dev_store.query("""SELECT ?claim ?stated ?expected WHERE {
        GRAPH ?g { ?claim irkg:inTranscript ?t ; irkg:evidence ?e }
        OPTIONAL { GRAPH ?g { ?claim irkg:statedOn ?stated } }
        OPTIONAL { GRAPH ?m { ?meeting irkg:reportedIn ?t ; irkg:date ?meetingDate } }
        OPTIONAL { GRAPH ?g { ?t irkg:published ?published } }
        BIND(COALESCE(?meetingDate, ?published) AS ?expected) }""")
    assert len(rows) > 100 and all("stated" in r for r in rows)
    assert [r for r in rows if r.get("stated") != r.get("expected")] == []


def test_every_transcript_carries_its_day_and_counts_as_the_joins_give_them(dev_store):
    # irkg:spokenOn, irkg:commitmentCount and irkg:figureCount are written with the transcript's
    # graph; transcripts_overview reads them instead of joining meetings and counting claims
    rows = dev_store.query("""SELECT ?t ?day ?expectedDay ?c ?expectedC ?f ?expectedF WHERE {
        GRAPH ?g { ?t a irkg:Transcript }
        OPTIONAL { GRAPH ?g { ?t irkg:spokenOn ?day } }
        OPTIONAL { GRAPH ?g { ?t irkg:commitmentCount ?c } }
        OPTIONAL { GRAPH ?g { ?t irkg:figureCount ?f } }
        OPTIONAL { GRAPH ?m { ?meeting irkg:reportedIn ?t ; irkg:date ?meetingDate } }
        OPTIONAL { GRAPH ?g { ?t irkg:published ?published } }
        OPTIONAL { SELECT ?t (COUNT(DISTINCT ?x) AS ?expectedC) WHERE {
            GRAPH ?h { ?x irkg:status ?s ; irkg:inTranscript ?t } } GROUP BY ?t }
        OPTIONAL { SELECT ?t (COUNT(DISTINCT ?y) AS ?expectedF) WHERE {
            GRAPH ?k { ?y a irkg:Figure ; irkg:inTranscript ?t } } GROUP BY ?t }
        BIND(COALESCE(?meetingDate, ?published) AS ?expectedDay) }""")
    assert len(rows) == 7 and sum(int(r["c"].value) for r in rows) > 10
    zero = ox.Literal("0", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    wrong = [r for r in rows if (r.get("day"), r.get("c"), r.get("f"))
             != (r.get("expectedDay"), r.get("expectedC", zero), r.get("expectedF", zero))]
    assert wrong == []
