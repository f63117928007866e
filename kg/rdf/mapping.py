"""Document -> RDF: the only module that makes triples from facts.

One transcript becomes one named graph (``graph/<transcript id>``) holding
the transcript, its utterances, the meeting, the people with their tenures,
and every commitment and figure as a claim with its speaker, its utterance
and its evidence (quote + offsets).  Countries, organisations and the
ontology go to the reference graph (:mod:`kg.rdf.reference`), so a
transcript graph only links to them; the terms, literals and the triple
collector are shared with it (:mod:`kg.rdf.triples`).

Every node a query can return has a minted IRI (see :mod:`kg.rdf.namespace`), and
the output depends only on the Document: mapping it twice gives the same
triples in the same order.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from pyoxigraph import Literal, NamedNode, Quad, Triple

from kg.inputs.kremlin_ids import publication_window
from kg.inputs.publishers import publisher_for
from kg.model import Commitment, Document, Figure, Person, Quantity, Transcript, Utterance
from kg.rdf import namespace as ns
from kg.rdf.namespace import DEFAULT_BASE, irkg
from kg.rdf.reference import reference_triples
from kg.rdf.triples import (ALT_LABEL, ATTRIBUTION_NAME, ATTRIBUTION_URL, DERIVED_FROM, FOAF_NAME, LABEL, LICENSE,
                            OA_END, OA_EXACT, OA_START, PRIMARY_SOURCE, PUBLISHER, RIGHTS, RIGHTS_HOLDER, SAME_AS,
                            TYPE, VALUE, XSD_ANYURI, Triples, date_literal, decimal_literal, map_organisation)

__all__ = ["DEFAULT_BASE", "MappedGraph", "map_document", "meeting_node", "publication_bounds", "reference_triples",
           "transcript_graph"]


@dataclass(frozen=True)
class MappedGraph:
    """One transcript's triples: its own (for its named graph) and those it shares.

    ``triples`` are what only this transcript says (the transcript, its
    utterances, claims, evidence and journalists); ``shared`` are about the
    leaders, tenures, meetings, organisations and cities it names, which go to
    the entities graph once whoever states them (see :mod:`kg.store.layout`).
    """

    graph: NamedNode
    triples: list[Triple]
    transcript_id: str
    shared: list[Triple] = field(default_factory=list)

    @property
    def all_triples(self) -> list[Triple]:
        """Everything the transcript states, as one graph: what SHACL validates."""
        return self.triples + self.shared

    def quads(self) -> Iterator[Quad]:
        return (Quad(t.subject, t.predicate, t.object, self.graph) for t in self.triples)


def transcript_graph(transcript: Transcript, base: str = DEFAULT_BASE) -> NamedNode:
    """The named graph a transcript's facts go to: known before extraction, from its text alone."""
    return ns.graph_iri(ns.transcript_id(transcript.sha256), base)


def map_document(doc: Document, base: str = DEFAULT_BASE) -> MappedGraph:
    """All triples of one transcript, for its own named graph."""
    tid = ns.transcript_id(doc.transcript.sha256)
    out = Triples()
    transcript = ns.transcript_iri(tid, base)
    _map_transcript(out, doc, transcript, base)
    for utterance in doc.utterances:
        _map_utterance(out, utterance, tid, transcript, base)
    observed = (doc.meeting.date if doc.meeting else None) or doc.transcript.date
    for person in doc.participants:
        _map_tenure(out, person, observed, base)
    if doc.is_meeting:
        _map_meeting(out, doc, tid, transcript, base)
    seen_keys: dict[str, int] = {}
    for commitment in doc.commitments:
        key = _occurrence_key(seen_keys, ns.short_hash(tid, *_commitment_facts(commitment)))
        _map_commitment(out, commitment, ns.commitment_iri(key, base), doc, tid, transcript, base)
    for figure in doc.figures:
        key = _occurrence_key(seen_keys, ns.short_hash(tid, *_figure_facts(figure)))
        _map_figure(out, figure, ns.figure_iri(key, base), doc, tid, transcript, base)
    _map_overview(out, doc, transcript)
    own, shared = out.split()
    return MappedGraph(ns.graph_iri(tid, base), own, tid, shared)


def _occurrence_key(seen: dict[str, int], key: str) -> str:
    """Two facts alike in every field still get two IRIs (the second one ``-2``), in order."""
    seen[key] = seen.get(key, 0) + 1
    return key if seen[key] == 1 else f"{key}-{seen[key]}"


def _quantity_facts(q: Quantity | None) -> tuple[object, ...]:
    return (None, None, None) if q is None else (repr(q.value), q.unit, q.qualifier)


def _commitment_facts(c: Commitment) -> tuple[object, ...]:
    return ("commitment", c.span.start, c.span.end, c.type, c.by, c.to, c.item, c.title,
            *_quantity_facts(c.quantity))


def _figure_facts(f: Figure) -> tuple[object, ...]:
    return ("figure", f.span.start, f.span.end, f.about, *_quantity_facts(f.quantity))


def _map_transcript(out: Triples, doc: Document, node: NamedNode, base: str) -> None:
    t: Transcript = doc.transcript
    out.add(node, TYPE, irkg("Transcript"))
    title = t.title or (doc.quote(doc.title) if doc.title else None)
    out.text(node, irkg("title"), title)
    out.text(node, irkg("identifier"), t.id)
    out.text(node, irkg("source"), t.source)
    if t.url:
        out.add(node, irkg("url"), Literal(t.url, datatype=XSD_ANYURI))
    _map_licence(out, node, t.url, doc.format, base)
    out.text(node, irkg("sha256"), t.sha256)
    out.add(node, irkg("published"), date_literal(t.date or doc.date))
    bounds = publication_bounds(doc)
    if bounds:
        out.add(node, irkg("publishedNotBefore"), date_literal(bounds[0]))
        out.add(node, irkg("publishedNotAfter"), date_literal(bounds[1]))
    out.text(node, irkg("language"), t.language)
    out.text(node, irkg("sourceFormat"), doc.format)
    if doc.publisher_country:
        out.add(node, irkg("publisherCountry"), ns.country_iri(doc.publisher_country, base))
    out.add(node, VALUE, Literal(t.text))
    for code in doc.country_codes:
        out.add(node, irkg("mentionsCountry"), ns.country_iri(code, base))
    for topic in doc.topics:
        out.add(node, irkg("topic"), ns.topic_iri(topic))


def publication_bounds(doc: Document) -> tuple[str, str] | None:
    """The first and last day of the window a transcript without an exact publication date went up in,
    as ISO dates: a kremlin.ru page that lost its dateline is placed by the dated pages numbered around
    it (:mod:`kg.inputs.kremlin_ids`; an estimate: nine pages in ten fall inside their window).  None
    for a transcript with its date (it keeps the exact day) and for one its URL places nowhere; written
    as bounds, never as irkg:published, so no reader takes a window for a day."""
    if date_literal(doc.transcript.date or doc.date):
        return None
    window = publication_window(doc.transcript.url)
    return (window[0].isoformat(), window[1].isoformat()) if window else None


def _spoken_on(doc: Document) -> Literal | None:
    """The day a transcript's words were spoken: its meeting's date (as :func:`_map_meeting` writes
    it), else its publication date; None when it has neither."""
    meeting_date = date_literal(doc.meeting.date) if doc.is_meeting and doc.meeting else None
    return meeting_date or date_literal(doc.transcript.date or doc.date)


def _map_overview(out: Triples, doc: Document, node: NamedNode) -> None:
    """What a table of contents of the store shows of a transcript, written with its graph.

    Its date and how many commitments and figures were read out of it: a query
    listing thousands of transcripts reads three values per transcript instead
    of joining meetings and counting claims (each claim got its own IRI above).
    """
    out.add(node, irkg("spokenOn"), _spoken_on(doc))
    out.add(node, irkg("commitmentCount"), Literal(len(doc.commitments)))
    out.add(node, irkg("figureCount"), Literal(len(doc.figures)))


def _map_licence(out: Triples, node: NamedNode, url: str | None, format: str | None, base: str) -> None:
    """Licence, publisher and credit of a transcript from a known publisher (by URL, else by layout)."""
    publisher = publisher_for(url, format)
    if publisher is None:
        return
    agent = ns.publisher_iri(publisher.key, base)
    out.add(node, LICENSE, NamedNode(publisher.licence))
    out.add(node, PUBLISHER, agent)
    if publisher.holds_rights:
        out.add(node, RIGHTS_HOLDER, agent)
    out.text(node, RIGHTS, publisher.rights)
    out.text(node, ATTRIBUTION_NAME, publisher.credit)
    if url is None or publisher_for(url) is None:
        return
    try:
        page = NamedNode(url)
    except ValueError:
        return
    out.add(node, ATTRIBUTION_URL, page)
    out.add(node, PRIMARY_SOURCE, page)


def _map_person(out: Triples, person: Person, base: str) -> NamedNode:
    """A leader under one IRI whatever the spelling: the reference label names it, the text's is an altLabel."""
    node = out.share(ns.person_iri(ns.person_name_key(person), base))
    out.add(node, TYPE, irkg("Leader"))
    # Two spellings can share an IRI ("Cardinal Pietro Parolin", "Pietro Parolin"): the first
    # names the person, every other is an altLabel, so a person keeps exactly one name.
    name = out.names.setdefault(node, person.identity)
    out.text(node, FOAF_NAME, name)
    out.text(node, LABEL, name)
    for other in (person.identity, person.name):
        if other != name:
            out.text(node, ALT_LABEL, other)
    if person.qid:
        out.add(node, SAME_AS, ns.wikidata_iri(person.qid))
    return node


def _map_speaker(out: Triples, person: Person, tid: str, base: str) -> NamedNode:
    """A leader as :func:`_map_person`; a journalist as a person of this transcript only."""
    if not person.is_journalist:
        return _map_person(out, person, base)
    node = ns.journalist_iri(tid, person.name, base)
    out.add(node, TYPE, irkg("Journalist"))
    out.text(node, FOAF_NAME, person.name)
    out.text(node, LABEL, person.name)
    return node


def _map_tenure(out: Triples, person: Person, observed: str | None, base: str) -> None:
    """A participant's office as this transcript shows it; none when nothing is known of it."""
    leader = _map_person(out, person, base)
    holder_of = person.country or person.organisation
    if not holder_of:
        return
    tenure = out.share(ns.tenure_iri(ns.person_name_key(person), holder_of, person.office, base))
    out.add(tenure, TYPE, irkg("Tenure"))
    out.add(tenure, irkg("holder"), leader)
    out.add(leader, irkg("holdsTenure"), tenure)
    out.text(tenure, irkg("office"), person.office)
    if person.country:
        out.add(tenure, irkg("officeOfCountry"), ns.country_iri(person.country, base))
    elif person.organisation:
        organisation = map_organisation(out, person.organisation, base)
        out.add(tenure, irkg("officeOfOrganisation"), organisation)
    out.add(tenure, irkg("observedOn"), date_literal(observed))


def _map_utterance(out: Triples, u: Utterance, tid: str, transcript: NamedNode, base: str) -> None:
    node = ns.utterance_iri(tid, u.index, base)
    out.add(node, TYPE, irkg("Utterance"))
    out.add(node, irkg("inTranscript"), transcript)
    out.add(node, irkg("order"), Literal(u.index))
    out.add(node, irkg("startOffset"), Literal(u.span.start))
    out.add(node, irkg("endOffset"), Literal(u.span.end))
    if u.speaker:
        out.add(node, irkg("speaker"), _map_speaker(out, u.speaker, tid, base))
    if u.addressee:
        out.add(node, irkg("addressee"), _map_person(out, u.addressee, base))
    out.add(node, irkg("interpreted"), Literal(u.interpreted))


def meeting_node(doc: Document, base: str = DEFAULT_BASE) -> NamedNode | None:
    """The IRI of the meeting ``doc`` reports (None when it reports none): date, parties, format."""
    if not doc.is_meeting:
        return None
    m = doc.meeting
    date = m.date if m else None
    parties = {p.country or p.organisation for p in doc.participants} - {None}
    codes = sorted(parties) or list(doc.country_codes)
    tid = ns.transcript_id(doc.transcript.sha256)
    people = [p.name for p in doc.participants]
    return ns.meeting_iri(date if date_literal(date) else None, codes, tid, base,
                          m.format if m else None, people)


def _map_meeting(out: Triples, doc: Document, tid: str, transcript: NamedNode, base: str) -> None:
    m = doc.meeting
    node = out.share(meeting_node(doc, base))
    out.add(node, TYPE, irkg("Meeting"))
    out.add(node, irkg("reportedIn"), transcript)
    if m:
        out.text(node, irkg("title"), m.title)
        out.add(node, irkg("date"), date_literal(m.date))
        if m.city:
            city = out.share(ns.city_iri(m.city, base))
            out.add(city, TYPE, irkg("City"))
            out.text(city, LABEL, m.city)
            out.add(node, irkg("city"), city)
        out.text(node, irkg("venue"), m.venue)
        if m.format:
            out.add(node, irkg("meetingFormat"), ns.concept(m.format))
        out.text(node, irkg("visitKind"), m.visit_kind)
    for person in doc.participants:
        out.add(node, irkg("participant"), ns.person_iri(ns.person_name_key(person), base))
    for code in doc.country_codes:
        out.add(node, irkg("mentionsCountry"), ns.country_iri(code, base))


def _map_claim(out: Triples, node: NamedNode, speaker: Person | None, utterance: int,
               quantity: Quantity | None, span, doc: Document, tid: str,
               transcript: NamedNode, base: str) -> None:
    """What commitments and figures share: quantity, who said it, where and when, and the quote."""
    out.add(node, irkg("inTranscript"), transcript)
    out.add(node, irkg("statedOn"), _spoken_on(doc))
    if quantity is not None:
        out.add(node, irkg("value"), decimal_literal(quantity.value))
        out.text(node, irkg("unit"), quantity.unit)
        out.text(node, irkg("qualifier"), quantity.qualifier)
    if speaker:
        out.add(node, irkg("assertedBy"), _map_speaker(out, speaker, tid, base))
    out.add(node, DERIVED_FROM, ns.utterance_iri(tid, utterance, base))
    evidence = ns.evidence_iri(node)
    out.add(node, irkg("evidence"), evidence)
    out.add(evidence, TYPE, irkg("Evidence"))
    out.add(evidence, irkg("inTranscript"), transcript)
    out.add(evidence, OA_EXACT, Literal(doc.quote(span)))
    out.add(evidence, OA_START, Literal(span.start))
    out.add(evidence, OA_END, Literal(span.end))


def _map_commitment(out: Triples, c: Commitment, node: NamedNode, doc: Document, tid: str,
                    transcript: NamedNode, base: str) -> None:
    out.add(node, TYPE, ns.commitment_class(c.type))
    if c.by:
        out.add(node, irkg("byCountry"), ns.country_iri(c.by, base))
    if c.to:
        out.add(node, irkg("toCountry"), ns.country_iri(c.to, base))
    out.add(node, irkg("status"), ns.concept(c.status))
    out.text(node, irkg("item"), c.item)
    out.text(node, irkg("documentTitle"), c.title)
    _map_claim(out, node, c.speaker, c.utterance, c.quantity, c.span, doc, tid, transcript, base)


def _map_figure(out: Triples, f: Figure, node: NamedNode, doc: Document, tid: str,
                transcript: NamedNode, base: str) -> None:
    out.add(node, TYPE, irkg("Figure"))
    out.text(node, irkg("about"), f.about)
    _map_claim(out, node, f.speaker, f.utterance, f.quantity, f.span, doc, tid, transcript, base)
