"""Validation on a real transcript's graph: it conforms, and each way of breaking it is caught.

The mutation test takes the graph of a dev transcript, breaks it in many
distinct ways and asserts that each break is reported by the shape meant to
catch it, with the right severity.  pySHACL is the reference engine here; the
same mutations also run through pyshacl-turbo (when installed) and must give
identical results.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pyoxigraph as ox
import pytest

from kg.rdf import namespace as ns
from kg.building.builder import build
from kg.store.layout import is_transcript_graph
from kg.rdf.mapping import map_document, reference_triples
from kg.extract.pipeline import process
from kg.inputs.reader import read
from kg.store.factory import open_store
from kg.validation.shacl import GraphValidator, validate_files, validate_store
from kg.validation.report import format_human, format_json, format_turtle

DEV = Path(__file__).parent / "data" / "dev"
I = ns.irkg
T = ox.NamedNode
RDF_TYPE = ns.ns_node(ns.RDF, "type")
XSD = ns.XSD


@pytest.fixture(scope="module")
def reference() -> list[ox.Triple]:
    return reference_triples()


@pytest.fixture(scope="module")
def validator(reference) -> GraphValidator:
    return GraphValidator(reference, "pyshacl")


@pytest.fixture(scope="module")
def base_graph() -> list[ox.Triple]:
    transcript = next(read(str(DEV / "kremlin-2021-07-20-azerbaijan.txt")))
    return map_document(process(transcript)).all_triples


# ---------------------------------------------------------------- helpers over triples

def typed(g, cls: str) -> ox.NamedNode:
    return next(t.subject for t in g if t.predicate == RDF_TYPE and t.object == I(cls))


def value(g, s, p):
    return next(t.object for t in g if t.subject == s and t.predicate == p)


def drop(g, s, p):
    return [t for t in g if not (t.subject == s and t.predicate == p)]


def put(g, s, p, o):
    """Replace every value of (s, p) by o."""
    return drop(g, s, p) + [ox.Triple(s, p, o)]


def add(g, s, p, o):
    return g + [ox.Triple(s, p, o)]


def lit(text, datatype=None):
    return ox.Literal(text, datatype=ox.NamedNode(XSD + datatype)) if datatype else ox.Literal(text)


def window(g, first: str, last: str):
    """The transcript placed in a window of publication days (irkg:publishedNotBefore / NotAfter)."""
    t = transcript(g)
    return add(add(g, t, I("publishedNotBefore"), lit(first, "date")), t, I("publishedNotAfter"), lit(last, "date"))


def supply(g):
    return typed(g, "Supply")


def evidence_of(g, claim):
    return value(g, claim, I("evidence"))


def utterance_with_speaker(g):
    return next(t.subject for t in g if t.predicate == I("speaker"))


def meeting(g):
    return typed(g, "Meeting")


def transcript(g):
    return typed(g, "Transcript")


def tenure(g):
    return typed(g, "Tenure")


def figure(g):
    return typed(g, "Figure")


def other_speaker(g, claim):
    """A participant who is not the claim's speaker."""
    mine = value(g, claim, I("assertedBy"))
    return next(t.object for t in g if t.predicate == I("participant") and t.object != mine)


def evidence_elsewhere(g, claim):
    """Evidence offsets and quote of a sentence in another utterance (so only the utterance check fails)."""
    ev = evidence_of(g, claim)
    mine = value(g, claim, ns.ns_node(ns.PROV, "wasDerivedFrom"))
    other = next(t.subject for t in g if t.predicate == I("evidence") and
                 value(g, t.subject, ns.ns_node(ns.PROV, "wasDerivedFrom")) != mine)
    oev = evidence_of(g, other)
    out = g
    for p in ("exact", "start", "end"):
        node = ns.ns_node(ns.OA, p)
        out = put(out, ev, node, value(g, oev, node))
    return out


OA = lambda name: ns.ns_node(ns.OA, name)  # noqa: E731
PROV_DERIVED = ns.ns_node(ns.PROV, "wasDerivedFrom")
FOAF_NAME = ns.ns_node(ns.FOAF, "name")
SAME_AS = ns.ns_node(ns.OWL, "sameAs")
RDF_VALUE = ns.ns_node(ns.RDF, "value")
COUNTRY = lambda code: ns.country_iri(code)  # noqa: E731

JOURNALIST = ns.journalist_iri("0000000000000000", "Q")


def with_journalist(g, *, name="Q", label="Q"):
    """The graph with a press question's speaker added (the Azerbaijan meeting has none)."""
    out = add(g, JOURNALIST, ns.ns_node(ns.RDF, "type"), I("Journalist"))
    if name is not None:
        out = add(out, JOURNALIST, FOAF_NAME, lit(name))
    return add(out, JOURNALIST, ns.ns_node(ns.RDFS, "label"), lit(label))


FOLLOWUP = ox.NamedNode("https://w3id.org/irkg/id/followup/0000000000000000")


def with_followup(g, *, continues=True, confidence="0.5", same=False):
    """The graph with a follow-up link between two of its commitments (the graph/followups shape)."""
    first, second = sorted({t.subject for t in g if t.predicate == I("byCountry")}, key=str)[:2]
    later = first if same else second
    out = add(g, FOLLOWUP, ns.ns_node(ns.RDF, "type"), I("FollowUp"))
    out = add(add(out, FOLLOWUP, I("earlierCommitment"), first), FOLLOWUP, I("laterCommitment"), later)
    if confidence is not None:
        out = add(out, FOLLOWUP, I("confidence"), lit(confidence, "decimal"))
    return add(out, later, I("continues"), first) if continues else out


# (name, shape that must report it, severity, mutation)
MUTATIONS = [
    ("follow-up without confidence", "irkgsh:FollowUp-confidence", "Violation",
     lambda g: with_followup(g, confidence=None)),
    ("follow-up confidence above 1", "irkgsh:FollowUp-confidence", "Violation",
     lambda g: with_followup(g, confidence="1.5")),
    ("follow-up with two earlier commitments", "irkgsh:FollowUp-earlier", "Violation",
     lambda g: add(with_followup(g), FOLLOWUP, I("earlierCommitment"), ns.commitment_iri("x"))),
    ("follow-up of a commitment by itself", "irkgsh:FollowUp-later", "Violation",
     lambda g: with_followup(g, same=True)),
    ("follow-up without its continues triple", "irkgsh:FollowUp-has-continues", "Violation",
     lambda g: with_followup(g, continues=False)),
    ("property a follow-up never has", "irkgsh:FollowUpShape", "Violation",
     lambda g: add(with_followup(g), FOLLOWUP, I("item"), lit("vaccine"))),
    ("missing meeting date", "irkgsh:Meeting-date", "Violation", lambda g: drop(g, meeting(g), I("date"))),
    ("duplicate meeting date", "irkgsh:Meeting-date", "Violation",
     lambda g: add(g, meeting(g), I("date"), lit("2021-07-21", "date"))),
    ("date as plain string", "irkgsh:Meeting-date", "Violation",
     lambda g: put(g, meeting(g), I("date"), lit("20 July 2021"))),
    ("ill-typed date", "irkgsh:Meeting-date", "Violation",
     lambda g: put(g, meeting(g), I("date"), lit("2021-13-45", "date"))),
    ("meeting in the future", "irkgsh:Meeting-date-plausible", "Warning",
     lambda g: put(g, meeting(g), I("date"), lit("2999-01-01", "date"))),
    ("meeting without participants", "irkgsh:Meeting-has-participants", "Warning",
     lambda g: drop(g, meeting(g), I("participant"))),
    ("unknown meeting format", "irkgsh:Meeting-meetingFormat", "Violation",
     lambda g: put(g, meeting(g), I("meetingFormat"), I("completed"))),
    ("unknown visit kind", "irkgsh:Meeting-visitKind", "Violation",
     lambda g: put(g, meeting(g), I("visitKind"), lit("royal"))),
    ("meeting not reported anywhere", "irkgsh:Meeting-reportedIn", "Violation",
     lambda g: drop(g, meeting(g), I("reportedIn"))),
    ("city without name", "irkgsh:City-label", "Violation",
     lambda g: drop(g, typed(g, "City"), ns.ns_node(ns.RDFS, "label"))),
    ("property a meeting never has", "irkgsh:MeetingShape", "Violation",
     lambda g: add(g, meeting(g), I("item"), lit("gas"))),
    ("meeting in an unknown city", "irkgsh:Meeting-city", "Violation",
     lambda g: put(g, meeting(g), I("city"), ns.city_iri("Atlantis"))),
    ("meeting mentions an unknown country", "irkgsh:Meeting-mentionsCountry", "Violation",
     lambda g: add(g, meeting(g), I("mentionsCountry"), COUNTRY("ZZZ"))),
    ("dangling participant", "irkgsh:Meeting-participant", "Violation",
     lambda g: add(g, meeting(g), I("participant"), ns.person_iri("Nobody Known"))),
    ("empty meeting title", "irkgsh:Meeting-title", "Violation",
     lambda g: add(g, meeting(g), I("title"), lit(""))),
    ("two venues", "irkgsh:Meeting-venue", "Violation",
     lambda g: add(add(g, meeting(g), I("venue"), lit("The Kremlin")), meeting(g), I("venue"), lit("Sochi"))),
    ("commitment to an unknown country", "irkgsh:Commitment-toCountry", "Violation",
     lambda g: put(g, supply(g), I("toCountry"), COUNTRY("XYZ"))),
    ("two document titles", "irkgsh:Commitment-documentTitle", "Violation",
     lambda g: add(add(add(g, supply(g), RDF_TYPE, I("Agreement")), supply(g), I("documentTitle"), lit("A")),
                   supply(g), I("documentTitle"), lit("B"))),
    ("property a commitment never has", "irkgsh:CommitmentShape", "Violation",
     lambda g: add(g, supply(g), I("about"), lit("gas"))),
    ("property evidence never has", "irkgsh:EvidenceShape", "Violation",
     lambda g: add(g, evidence_of(g, supply(g)), I("order"), ox.Literal(1))),
    ("unknown country code", "irkgsh:Commitment-byCountry", "Violation",
     lambda g: put(g, supply(g), I("byCountry"), COUNTRY("XYZ"))),
    ("unknown mentioned country", "irkgsh:Transcript-mentionsCountry", "Violation",
     lambda g: add(g, transcript(g), I("mentionsCountry"), COUNTRY("QQQ"))),
    ("supply to itself", "irkgsh:Commitment-distinct-parties", "Violation",
     lambda g: put(g, supply(g), I("toCountry"), value(g, supply(g), I("byCountry")))),
    ("unknown status", "irkgsh:Commitment-status", "Violation",
     lambda g: put(g, supply(g), I("status"), I("video"))),
    ("commitment of no kind", "irkgsh:Commitment-type", "Violation",
     lambda g: put(g, supply(g), RDF_TYPE, I("Commitment"))),
    ("commitment of two kinds", "irkgsh:Commitment-type", "Violation",
     lambda g: add(g, supply(g), RDF_TYPE, I("Visit"))),
    ("document title on a supply", "irkgsh:DocumentTitle-only-on-agreements", "Violation",
     lambda g: add(g, supply(g), I("documentTitle"), lit("Treaty"))),
    ("item as a number", "irkgsh:Commitment-item", "Violation",
     lambda g: put(g, supply(g), I("item"), lit("7", "integer"))),
    ("value as a string", "irkgsh:Claim-value", "Violation",
     lambda g: put(g, supply(g), I("value"), lit("100000"))),
    ("value above 10^13", "irkgsh:Claim-value-plausible", "Warning",
     lambda g: put(g, supply(g), I("value"), lit("50000000000000", "decimal"))),
    ("percentage above 1000", "irkgsh:Claim-percent-plausible", "Warning",
     lambda g: put(put(g, figure(g), I("unit"), lit("percent")), figure(g), I("value"), lit("4000", "decimal"))),
    ("unit without a value", "irkgsh:Claim-unit-needs-value", "Violation",
     lambda g: drop(g, supply(g), I("value"))),
    ("two units", "irkgsh:Claim-unit", "Violation", lambda g: add(g, supply(g), I("unit"), lit("tonne"))),
    ("two qualifiers", "irkgsh:Claim-qualifier", "Violation",
     lambda g: add(add(g, supply(g), I("qualifier"), lit("over")), supply(g), I("qualifier"), lit("about"))),
    ("figure without value", "irkgsh:Figure-value", "Violation",
     lambda g: drop(drop(drop(g, figure(g), I("value")), figure(g), I("unit")), figure(g), I("qualifier"))),
    ("figure about nothing", "irkgsh:Figure-about", "Violation",
     lambda g: put(g, figure(g), I("about"), lit(""))),
    ("property a figure never has", "irkgsh:FigureShape", "Violation",
     lambda g: add(g, figure(g), I("status"), I("planned"))),
    ("claim without evidence", "irkgsh:Claim-evidence", "Violation",
     lambda g: drop(g, supply(g), I("evidence"))),
    ("claim without utterance", "irkgsh:Claim-derivedFrom", "Violation",
     lambda g: drop(g, supply(g), PROV_DERIVED)),
    ("claim in no transcript", "irkgsh:Claim-inTranscript", "Violation",
     lambda g: drop(g, supply(g), I("inTranscript"))),
    ("stated on a date string", "irkgsh:Claim-statedOn", "Violation",
     lambda g: put(g, supply(g), I("statedOn"), lit("2021-07-20"))),
    ("dangling asserter", "irkgsh:Claim-assertedBy", "Violation",
     lambda g: put(g, supply(g), I("assertedBy"), ns.person_iri("Nobody Known"))),
    ("claim by someone other than the utterance's speaker", "irkgsh:Claim-speaker-is-utterance-speaker",
     "Violation", lambda g: put(g, supply(g), I("assertedBy"), other_speaker(g, supply(g)))),
    ("quote from another utterance", "irkgsh:Claim-evidence-in-utterance", "Violation",
     lambda g: evidence_elsewhere(g, supply(g))),
    ("evidence of another transcript", "irkgsh:Claim-evidence-same-transcript", "Violation",
     lambda g: add(g, evidence_of(g, supply(g)), I("inTranscript"), ns.transcript_iri("0" * 16))),
    ("utterance of another transcript", "irkgsh:Claim-utterance-same-transcript", "Violation",
     lambda g: put(g, supply(g), PROV_DERIVED, ns.utterance_iri("0" * 16, 1))),
    ("quote not at its offsets", "irkgsh:Evidence-quote-at-offsets", "Violation",
     lambda g: put(g, evidence_of(g, supply(g)), OA("start"),
                   ox.Literal(int(value(g, evidence_of(g, supply(g)), OA("start")).value) + 1))),
    ("quote edited", "irkgsh:Evidence-quote-at-offsets", "Violation",
     lambda g: put(g, evidence_of(g, supply(g)), OA("exact"), lit("We supplied a million doses."))),
    ("empty quote", "irkgsh:Evidence-exact", "Violation",
     lambda g: put(g, evidence_of(g, supply(g)), OA("exact"), lit(""))),
    ("evidence offsets reversed", "irkgsh:Evidence-start", "Violation",
     lambda g: put(g, evidence_of(g, supply(g)), OA("end"), ox.Literal(0))),
    ("evidence end as a string", "irkgsh:Evidence-end", "Violation",
     lambda g: put(g, evidence_of(g, supply(g)), OA("end"), lit("12"))),
    ("evidence in no transcript", "irkgsh:Evidence-inTranscript", "Violation",
     lambda g: drop(g, evidence_of(g, supply(g)), I("inTranscript"))),
    ("evidence shared by two claims", "irkgsh:Evidence-owner", "Violation",
     lambda g: put(g, figure(g), I("evidence"), evidence_of(g, supply(g)))),
    ("dangling speaker", "irkgsh:Utterance-speaker", "Violation",
     lambda g: put(g, utterance_with_speaker(g), I("speaker"), ns.person_iri("Nobody Known"))),
    ("dangling addressee", "irkgsh:Utterance-addressee", "Violation",
     lambda g: put(g, utterance_with_speaker(g), I("addressee"), ns.person_iri("Nobody Known"))),
    ("speaker outside the meeting", "irkgsh:Utterance-speaker-participates", "Warning",
     lambda g: drop(g, meeting(g), I("participant"))),
    ("utterance start after end", "irkgsh:Utterance-startOffset", "Violation",
     lambda g: put(g, utterance_with_speaker(g), I("startOffset"), ox.Literal(10 ** 6))),
    ("utterance end beyond text", "irkgsh:Utterance-within-text", "Violation",
     lambda g: put(g, utterance_with_speaker(g), I("endOffset"), ox.Literal(10 ** 6))),
    ("negative end offset", "irkgsh:Utterance-endOffset", "Violation",
     lambda g: put(g, utterance_with_speaker(g), I("endOffset"), ox.Literal(-1))),
    ("order as a string", "irkgsh:Utterance-order", "Violation",
     lambda g: put(g, utterance_with_speaker(g), I("order"), lit("3"))),
    ("interpreted missing", "irkgsh:Utterance-interpreted", "Violation",
     lambda g: drop(g, utterance_with_speaker(g), I("interpreted"))),
    ("utterance in no transcript", "irkgsh:Utterance-inTranscript", "Violation",
     lambda g: drop(g, utterance_with_speaker(g), I("inTranscript"))),
    ("property an utterance never has", "irkgsh:UtteranceShape", "Violation",
     lambda g: add(g, utterance_with_speaker(g), I("title"), lit("x"))),
    ("transcript text removed", "irkgsh:Transcript-text", "Violation",
     lambda g: drop(g, transcript(g), RDF_VALUE)),
    ("digest of another text", "irkgsh:Transcript-sha256-of-text", "Violation",
     lambda g: put(g, transcript(g), I("sha256"), lit(value(g, transcript(g), I("sha256")).value[:16] + "0" * 48))),
    ("digest not hex", "irkgsh:Transcript-sha256", "Violation",
     lambda g: put(g, transcript(g), I("sha256"), lit("XYZ"))),
    ("transcript IRI not from its digest", "irkgsh:Transcript-iri-from-sha256", "Violation",
     lambda g: put(g, transcript(g), I("sha256"), lit("f" * 64))),
    ("unknown source format", "irkgsh:Transcript-sourceFormat", "Violation",
     lambda g: put(g, transcript(g), I("sourceFormat"), lit("pdf"))),
    ("source missing", "irkgsh:Transcript-source", "Violation", lambda g: drop(g, transcript(g), I("source"))),
    ("language not a tag", "irkgsh:Transcript-language", "Violation",
     lambda g: put(g, transcript(g), I("language"), lit("English language"))),
    ("url as a plain string", "irkgsh:Transcript-url", "Violation",
     lambda g: add(g, transcript(g), I("url"), lit("http://kremlin.ru/events/1"))),
    ("two titles", "irkgsh:Transcript-title", "Violation", lambda g: add(g, transcript(g), I("title"), lit("Other"))),
    ("two identifiers", "irkgsh:Transcript-identifier", "Violation",
     lambda g: add(add(g, transcript(g), I("identifier"), lit("a")), transcript(g), I("identifier"), lit("b"))),
    ("publication date ill-typed", "irkgsh:Transcript-published", "Violation",
     lambda g: add(g, transcript(g), I("published"), lit("July 2021", "date"))),
    ("spoken on a date string", "irkgsh:Transcript-spokenOn", "Violation",
     lambda g: put(g, transcript(g), I("spokenOn"), lit("2021-07-20"))),
    ("commitment count missing", "irkgsh:Transcript-commitmentCount", "Violation",
     lambda g: drop(g, transcript(g), I("commitmentCount"))),
    ("negative figure count", "irkgsh:Transcript-figureCount", "Violation",
     lambda g: put(g, transcript(g), I("figureCount"), lit("-1", "integer"))),
    ("window of publication beside the exact date", "irkgsh:Transcript-window", "Violation",
     lambda g: window(g, "2021-07-19", "2021-07-21")),
    ("window of publication closing before it opens", "irkgsh:Transcript-window", "Violation",
     lambda g: window(drop(g, transcript(g), I("published")), "2021-07-21", "2021-07-19")),
    ("window of publication opening on a date string", "irkgsh:Transcript-publishedNotBefore", "Violation",
     lambda g: add(g, transcript(g), I("publishedNotBefore"), lit("2021-07-19"))),
    ("window of publication closing on two days", "irkgsh:Transcript-publishedNotAfter", "Violation",
     lambda g: add(window(g, "2021-07-19", "2021-07-21"), transcript(g), I("publishedNotAfter"),
                   lit("2021-07-22", "date"))),
    ("published in the future", "irkgsh:Transcript-published-future", "Warning",
     lambda g: add(g, transcript(g), I("published"), lit("2999-01-01", "date"))),
    ("two publishers", "irkgsh:Transcript-publisherCountry", "Violation",
     lambda g: add(g, transcript(g), I("publisherCountry"), COUNTRY("USA"))),
    ("topic outside the scheme", "irkgsh:Transcript-topic", "Violation",
     lambda g: add(g, transcript(g), I("topic"), I("planned"))),
    ("property a transcript never has", "irkgsh:TranscriptShape", "Violation",
     lambda g: add(g, transcript(g), I("date"), lit("2021-07-20", "date"))),
    ("journalist without name", "irkgsh:Journalist-name", "Violation",
     lambda g: with_journalist(g, name=None)),
    ("journalist label differs from name", "irkgsh:Journalist-label", "Violation",
     lambda g: with_journalist(g, label="A Reporter")),
    ("journalist holding an office", "irkgsh:JournalistShape", "Violation",
     lambda g: add(with_journalist(g), JOURNALIST, I("holdsTenure"), typed(g, "Tenure"))),
    ("leader without name", "irkgsh:Leader-name", "Violation",
     lambda g: drop(g, utterance_speaker(g), FOAF_NAME)),
    ("label differs from name", "irkgsh:Leader-label", "Violation",
     lambda g: put(g, utterance_speaker(g), ns.ns_node(ns.RDFS, "label"), lit("Someone Else"))),
    ("Wikidata link that is no QID", "irkgsh:Leader-sameAs", "Violation",
     lambda g: put(g, utterance_speaker(g), SAME_AS, T("https://en.wikipedia.org/wiki/Putin"))),
    ("dangling tenure", "irkgsh:Leader-holdsTenure", "Violation",
     lambda g: add(g, utterance_speaker(g), I("holdsTenure"), T("https://w3id.org/irkg/id/tenure/x/y/z"))),
    ("property a leader never has", "irkgsh:LeaderShape", "Violation",
     lambda g: add(g, utterance_speaker(g), I("office"), lit("President"))),
    ("tenure of a country and an organisation", "irkgsh:TenureShape", "Violation",
     lambda g: add(add(g, tenure(g), I("officeOfOrganisation"), ns.organisation_iri("United Nations")),
                   ns.organisation_iri("United Nations"), RDF_TYPE, I("Organisation"))),
    ("tenure without holder", "irkgsh:Tenure-holder", "Violation", lambda g: drop(g, tenure(g), I("holder"))),
    ("holder who does not hold it", "irkgsh:Tenure-holder-inverse", "Violation",
     lambda g: [t for t in g if not (t.predicate == I("holdsTenure") and t.object == tenure(g))]),
    ("two offices", "irkgsh:Tenure-office", "Violation", lambda g: add(g, tenure(g), I("office"), lit("King"))),
    ("tenure of an unknown country", "irkgsh:Tenure-officeOfCountry", "Violation",
     lambda g: put(g, tenure(g), I("officeOfCountry"), COUNTRY("XYZ"))),
    ("tenure observed on no date", "irkgsh:Tenure-observedOn", "Violation",
     lambda g: put(g, tenure(g), I("observedOn"), lit("yesterday"))),
    ("empty other spelling", "irkgsh:Leader-altLabel", "Violation",
     lambda g: add(g, utterance_speaker(g), ns.ns_node(ns.SKOS, "altLabel"), lit(""))),
    ("one person in offices of two countries on one day", "irkgsh:Leader-one-country-at-a-time", "Warning",
     lambda g: second_country(g, "JOR")),
    ("organisation without name", "irkgsh:Tenure-officeOfOrganisation", "Violation",
     lambda g: put(drop(g, tenure(g), I("officeOfCountry")), tenure(g), I("officeOfOrganisation"),
                   ns.organisation_iri("Nowhere Union"))),
]

DCT = lambda name: ns.ns_node(ns.DCTERMS, name)  # noqa: E731
CC = lambda name: ns.ns_node(ns.CC, name)  # noqa: E731
LICENCE_MUTATIONS = [
    ("two licences", "irkgsh:Transcript-license", "Violation",
     lambda g: add(g, transcript(g), DCT("license"), T("https://example.org/licence"))),
    ("publisher as text", "irkgsh:Transcript-publisher", "Violation",
     lambda g: add(g, transcript(g), DCT("publisher"), lit("kremlin.ru"))),
    ("rights holder as text", "irkgsh:Transcript-rightsHolder", "Violation",
     lambda g: add(g, transcript(g), DCT("rightsHolder"), lit("President of Russia"))),
    ("empty rights statement", "irkgsh:Transcript-rights", "Violation",
     lambda g: put(g, transcript(g), DCT("rights"), lit(""))),
    ("two credits", "irkgsh:Transcript-attributionName", "Violation",
     lambda g: add(g, transcript(g), CC("attributionName"), lit("Someone else"))),
    ("credit link not a web page", "irkgsh:Transcript-attributionURL", "Violation",
     lambda g: add(g, transcript(g), CC("attributionURL"), T("ftp://example.org/x"))),
    ("primary source not a web page", "irkgsh:Transcript-primarySource", "Violation",
     lambda g: add(g, transcript(g), ns.ns_node(ns.PROV, "hadPrimarySource"), T("file:///x"))),
]
MUTATIONS += LICENCE_MUTATIONS



def second_country(g, code: str):
    """The speaker also holding an office of ``code`` on the day their own tenure was observed."""
    person = utterance_speaker(g)
    mine = next(t.subject for t in g if t.predicate == I("holder") and t.object == person)
    other = T(f"https://w3id.org/irkg/id/tenure/x/{code.lower()}/president")
    return g + [ox.Triple(other, RDF_TYPE, I("Tenure")), ox.Triple(other, I("holder"), person),
                ox.Triple(person, I("holdsTenure"), other), ox.Triple(other, I("office"), lit("President")),
                ox.Triple(other, I("officeOfCountry"), COUNTRY(code)),
                ox.Triple(other, I("observedOn"), value(g, mine, I("observedOn")))]


def utterance_speaker(g):
    return value(g, utterance_with_speaker(g), I("speaker"))


@pytest.fixture(scope="module")
def broken_graphs(base_graph) -> dict[str, list[ox.Triple]]:
    return {name: mutate(list(base_graph)) for name, _, _, mutate in MUTATIONS}


@pytest.fixture(scope="module")
def reference_results(validator, broken_graphs) -> dict[str, list]:
    """pySHACL's results on every broken graph, computed once for the shape and engine tests."""
    return {name: validator.validate_triples(graph, "broken") for name, graph in broken_graphs.items()}


def test_the_unbroken_graph_conforms_without_warnings(validator, base_graph):
    assert validator.validate_triples(base_graph, "base") == []


@pytest.mark.parametrize("name,shape,severity,mutate", MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_each_break_is_reported_by_its_shape(base_graph, broken_graphs, reference_results,
                                             name, shape, severity, mutate):
    assert broken_graphs[name] != base_graph, f"mutation {name!r} changed nothing"
    found = {(r.shape, r.severity) for r in reference_results[name]}
    assert (shape, severity) in found, f"{name}: expected {shape} ({severity}), got {sorted(found)}"


def test_there_are_at_least_25_distinct_breaks():
    assert len({m[0] for m in MUTATIONS}) >= 25
    assert len({m[1] for m in MUTATIONS}) >= 25


# ---------------------------------------------------------------- reference graph


PROV_ORG = ns.ns_node(ns.PROV, "Organization")
REFERENCE_MUTATIONS = [
    ("country code lower case", "irkgsh:Country-alpha3", lambda g, c: put(g, c, I("alpha3"), lit("rus"))),
    ("country IRI not from its code", "irkgsh:Country-iri-from-alpha3",
     lambda g, c: put(g, c, I("alpha3"), lit("XYZ"))),
    ("bad alpha-2", "irkgsh:Country-alpha2", lambda g, c: put(g, c, I("alpha2"), lit("R1"))),
    ("country without name", "irkgsh:Country-label", lambda g, c: drop(g, c, ns.ns_node(ns.RDFS, "label"))),
    ("country QID malformed", "irkgsh:Country-sameAs", lambda g, c: put(g, c, SAME_AS, T("http://www.wikidata.org/entity/P31"))),
    ("property a country never has", "irkgsh:CountryShape", lambda g, c: add(g, c, I("office"), lit("x"))),
    ("organisation without name", "irkgsh:Organisation-label",
     lambda g, c: add(g, ns.organisation_iri("X"), RDF_TYPE, I("Organisation"))),
    ("organisation with two QIDs", "irkgsh:Organisation-sameAs",
     lambda g, c: add(add(add(g, ns.organisation_iri("X"), RDF_TYPE, I("Organisation")),
                          ns.organisation_iri("X"), SAME_AS, ns.wikidata_iri("Q1")),
                      ns.organisation_iri("X"), SAME_AS, ns.wikidata_iri("Q2"))),
    ("property an organisation never has", "irkgsh:OrganisationShape",
     lambda g, c: add(add(g, ns.organisation_iri("X"), RDF_TYPE, I("Organisation")),
                      ns.organisation_iri("X"), I("alpha3"), lit("XXX"))),
    ("property a city never has", "irkgsh:CityShape",
     lambda g, c: add(add(g, ns.city_iri("X"), RDF_TYPE, I("City")), ns.city_iri("X"), I("alpha3"), lit("XXX"))),
    ("publisher without name", "irkgsh:Publisher-name", lambda g, c: add(g, ns.publisher_iri("x"), RDF_TYPE, PROV_ORG)),
    ("publisher without homepage", "irkgsh:Publisher-homepage",
     lambda g, c: add(g, ns.publisher_iri("x"), RDF_TYPE, PROV_ORG)),
    ("publisher as a blank node", "irkgsh:PublisherShape", lambda g, c: add(g, ox.BlankNode("p"), RDF_TYPE, PROV_ORG)),
]


@pytest.fixture(scope="module")
def small_reference(reference) -> list[ox.Triple]:
    """Russia's description alone: the reference shapes need not walk 250 countries per case."""
    return [t for t in reference if t.subject == COUNTRY("RUS")]


def test_reference_graph_conforms(validator, reference):
    assert validator.validate_triples(reference, "reference", with_context=False) == []


@pytest.mark.parametrize("name,shape,mutate", REFERENCE_MUTATIONS, ids=[m[0] for m in REFERENCE_MUTATIONS])
def test_each_reference_break_is_reported(validator, small_reference, name, shape, mutate):
    broken = mutate(list(small_reference), COUNTRY("RUS"))
    shapes = {r.shape for r in validator.validate_triples(broken, "reference", with_context=False)}
    assert shape in shapes, f"{name}: expected {shape}, got {sorted(shapes)}"


def test_every_named_shape_has_a_violating_example(validator):
    from kg.validation.shacl import load_shapes
    from kg.validation.report import SHAPES_NS, compact

    shapes = load_shapes()
    named = {compact(str(s)) for s in shapes.subjects() if str(s).startswith(SHAPES_NS)}
    covered = {m[1] for m in MUTATIONS} | {m[1] for m in REFERENCE_MUTATIONS} | {m[1] for m in METADATA_MUTATIONS}
    assert named - covered == set()


# ---------------------------------------------------------------- the metadata graph (VoID, DCAT, PROV)

VOID = lambda name: ns.ns_node(ns.VOID, name)  # noqa: E731
DCAT = lambda name: ns.ns_node(ns.DCAT, name)  # noqa: E731
PROV = lambda name: ns.ns_node(ns.PROV, name)  # noqa: E731
DATASET = ns.dataset_iri()
DUMP = T("https://example.org/dumps/irkg.nq.gz")


def _build(g):
    return next(t.subject for t in g if t.object == PROV("Activity"))


METADATA_MUTATIONS = [
    ("dataset as a blank node", "irkgsh:DatasetShape",
     lambda g: add(add(g, ox.BlankNode("d"), RDF_TYPE, VOID("Dataset")), ox.BlankNode("d"), RDF_TYPE, DCAT("Dataset"))),
    ("dataset without title", "irkgsh:Dataset-title", lambda g: drop(g, DATASET, DCT("title"))),
    ("dataset without description", "irkgsh:Dataset-description", lambda g: drop(g, DATASET, DCT("description"))),
    ("modified as a date string", "irkgsh:Dataset-modified", lambda g: put(g, DATASET, DCT("modified"), lit("today"))),
    ("size missing", "irkgsh:Dataset-triples", lambda g: drop(g, DATASET, VOID("triples"))),
    ("URI space not http", "irkgsh:Dataset-uriSpace", lambda g: put(g, DATASET, VOID("uriSpace"), lit("urn:x"))),
    ("no licence", "irkgsh:Dataset-license", lambda g: drop(g, DATASET, DCT("license"))),
    ("endpoint as text", "irkgsh:Dataset-sparqlEndpoint",
     lambda g: add(g, DATASET, VOID("sparqlEndpoint"), lit("http://example.org/sparql"))),
    ("dump as text", "irkgsh:Dataset-dataDump", lambda g: add(g, DATASET, VOID("dataDump"), lit("dump.nq"))),
    ("distribution not described", "irkgsh:Dataset-distribution",
     lambda g: add(g, DATASET, DCAT("distribution"), T("https://example.org/other"))),
    ("not a dcat:Dataset", "irkgsh:Dataset-dcat",
     lambda g: [t for t in g if not (t.subject == DATASET and t.object == DCAT("Dataset"))]),
    ("distribution as a blank node", "irkgsh:DistributionShape",
     lambda g: add(g, ox.BlankNode("x"), RDF_TYPE, DCAT("Distribution"))),
    ("distribution without download URL", "irkgsh:Distribution-downloadURL",
     lambda g: drop(g, DUMP, DCAT("downloadURL"))),
    ("distribution without media type", "irkgsh:Distribution-mediaType", lambda g: drop(g, DUMP, DCAT("mediaType"))),
    ("build as a blank node", "irkgsh:BuildShape", lambda g: add(g, ox.BlankNode("b"), RDF_TYPE, PROV("Activity"))),
    ("build without start", "irkgsh:Build-started", lambda g: drop(g, _build(g), PROV("startedAtTime"))),
    ("build without end", "irkgsh:Build-ended", lambda g: drop(g, _build(g), PROV("endedAtTime"))),
    ("build by no software", "irkgsh:Build-software", lambda g: drop(g, _build(g), PROV("wasAssociatedWith"))),
    ("unknown reader", "irkgsh:Build-reader", lambda g: put(g, _build(g), I("reader"), lit("oracle"))),
]


@pytest.fixture(scope="module")
def metadata_graph(dev_store) -> list[ox.Triple]:
    """The dev store's metadata graph with one dump described, as kg publish writes it."""
    from kg.store.metadata import Dump, history, dataset_triples

    return history(dev_store) + dataset_triples(dev_store, dumps=[Dump(DUMP.value, "application/n-quads", 10, "ab")])


def test_metadata_graph_conforms(validator, metadata_graph):
    assert validator.validate_triples(metadata_graph, "metadata", with_context=False) == []


@pytest.mark.parametrize("name,shape,mutate", METADATA_MUTATIONS, ids=[m[0] for m in METADATA_MUTATIONS])
def test_each_metadata_break_is_reported(validator, metadata_graph, name, shape, mutate):
    shapes = {r.shape for r in validator.validate_triples(mutate(list(metadata_graph)), "metadata",
                                                          with_context=False)}
    assert shape in shapes, f"{name}: expected {shape}, got {sorted(shapes)}"


# ---------------------------------------------------------------- the other engine

def test_turbo_gives_the_same_results_on_every_mutation(reference, base_graph, broken_graphs,
                                                       reference_results):
    pytest.importorskip("pyshacl_turbo")
    turbo = GraphValidator(reference, "turbo")
    assert turbo.validate_triples(base_graph, "broken") == []
    for name, graph in broken_graphs.items():
        assert turbo.validate_triples(graph, "broken") == reference_results[name], name


def test_turbo_quick_verdict_gives_the_build_check_the_reports_violations(reference, validator, base_graph,
                                                                           broken_graphs):
    """A build's check takes turbo's verdict alone for a graph that conforms: it must be taken
    (else the shortcut silently stopped applying) and agree with pySHACL's report on every break."""
    pytest.importorskip("pyshacl_turbo")
    turbo = GraphValidator(reference, "turbo")
    graph = ox.NamedNode("https://example.org/graph/broken")
    assert turbo._run.conforms(base_graph + turbo.context(base_graph)) is True
    for name, triples in {"base": base_graph, **broken_graphs}.items():
        mapped = SimpleNamespace(all_triples=triples, graph=graph)  # what check reads of a mapped document
        assert turbo.check(None, mapped) == validator.check(None, mapped), name


# ---------------------------------------------------------------- stores, files, reports

@pytest.fixture(scope="module")
def dev_store(tmp_path_factory):
    store = open_store("memory")
    build([str(DEV)], store)
    return store


def test_every_dev_transcript_conforms(dev_store):
    report = validate_store(dev_store, engine="pyshacl")
    assert report.graphs == 9  # 7 transcripts, the reference graph and the metadata graph
    assert report.conforms, format_human(report)


def test_validate_one_graph_of_a_store_and_an_export(dev_store, tmp_path):
    graph = next(g.value for g in dev_store.graphs() if not g.value.endswith("reference"))
    assert validate_store(dev_store, [graph], engine="pyshacl").graphs == 1
    export = tmp_path / "dev.trig"
    with export.open("wb") as out:
        dev_store.dump(out, "trig")
    report = validate_files([export], [graph], engine="pyshacl")
    assert report.graphs == 1 and report.conforms


def test_reports_in_three_formats(validator, base_graph):
    from kg.validation.report import ValidationReport

    broken = drop(base_graph, meeting(base_graph), I("date"))
    report = ValidationReport(validator.validate_triples(broken, "g"), graphs=1)
    assert not report.conforms
    assert "irkgsh:Meeting-date" in format_human(report)
    assert json.loads(format_json(report))["violations"] == report.violations
    import rdflib
    graph = rdflib.Graph().parse(data=format_turtle(report), format="turtle")
    assert len(list(graph.subjects(rdflib.RDF.type, rdflib.URIRef("http://www.w3.org/ns/shacl#ValidationResult")))) \
        == len(report.results)


def test_human_report_stays_short_for_many_results():
    from kg.validation.report import ValidationReport, ValidationResult

    results = [ValidationResult(f"g{i % 50}", f"file{i % 50}.txt", f"irkgsh:S{i % 3}", "Violation",
                                f"focus{i}", None, None, "broken", "sh:MinCountConstraintComponent")
               for i in range(10_000)]
    text = format_human(ValidationReport(results, graphs=50))
    assert len(text.splitlines()) < 80
    assert "10000 violation(s)" in text and "... and 3329 more" in text


# ---------------------------------------------------------------- the CLI: kg build and kg validate

DATELESS = ("Talks with President of France Emmanuel Macron\n\n"
            "Vladimir Putin held talks with President of France Emmanuel Macron in the Kremlin.\n\n"
            "President of Russia Vladimir Putin: Mr President, welcome to Moscow.\n\n"
            "President of France Emmanuel Macron: Thank you.\n")


@pytest.fixture()
def dateless(tmp_path) -> Path:
    """A meeting with no date anywhere: its graph violates irkgsh:Meeting-date."""
    path = tmp_path / "dateless.txt"
    path.write_text(DATELESS, encoding="utf-8")
    return path


def _transcripts(store_dir: Path) -> int:
    with open_store(str(store_dir)) as store:
        return sum(1 for g in store.graphs() if is_transcript_graph(g.value))


def test_build_stores_and_reports_a_violating_graph_by_default(dateless, tmp_path, capsys):
    from kg.cli import main

    assert main(["build", str(dateless), "--store", str(tmp_path / "s")]) == 0
    assert "irkgsh:Meeting-date" in capsys.readouterr().err
    assert _transcripts(tmp_path / "s") == 1
    assert main(["validate", "--store", str(tmp_path / "s"), "-f", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["violations"] == 1 and report["results"][0]["shape"] == "irkgsh:Meeting-date"
    assert report["results"][0]["source"] == dateless.name  # as published: no machine path


def test_strict_build_rejects_a_violating_graph(dateless, tmp_path, capsys):
    from kg.cli import main

    assert main(["build", str(dateless), "--store", str(tmp_path / "s"), "--strict"]) == 1
    assert "does not conform" in capsys.readouterr().err
    assert _transcripts(tmp_path / "s") == 0


def test_no_validate_skips_the_shapes(dateless, tmp_path, capsys):
    from kg.cli import main

    assert main(["build", str(dateless), "--store", str(tmp_path / "s"), "--no-validate"]) == 0
    assert "irkgsh" not in capsys.readouterr().err


def test_validate_exit_codes(tmp_path, capsys):
    from kg.cli import main

    assert main(["validate", "--store", str(tmp_path / "missing")]) == 2
    assert main(["validate", str(tmp_path / "graph.csv")]) == 2
    assert main(["build", str(DEV / "kremlin-2021-07-20-azerbaijan.txt"), "--store", str(tmp_path / "s"),
                 "--no-validate"]) == 0
    assert main(["validate", "--store", str(tmp_path / "s"), "--engine", "pyshacl"]) == 0
    assert "conforms" in capsys.readouterr().out
