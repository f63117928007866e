"""kg.rdf.mapping, one fact kind at a time, on small hand-built documents."""

from __future__ import annotations

import datetime
import hashlib
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.inputs.publishers import CC_BY_4, PUBLIC_DOMAIN_MARK
from kg.model import (
    Commitment, CountryMention, Document, Figure, Meeting, Person, Quantity, Span, Transcript, Utterance,
)
from kg.rdf import namespace as ns
from kg.rdf.mapping import map_document, meeting_node
from kg.rdf.reference import publisher_triples
from kg.rdf.triples import date_literal, decimal_literal

TEXT = ("Talks in Moscow\n\nPutin: We will supply 5,000 tonnes of wheat to Egypt. Trade grew 2.5 percent.\n"
        "Question: When?\nSisi: We signed the Agreement on a Comprehensive Partnership.\n")
PUTIN = Person("Vladimir Putin", "President", "RUS", qid="Q7747", label="Vladimir Putin")
SISI = Person("Abdel Fattah el-Sisi", "President", "EGY", qid="Q1047214", label="Abdel Fattah el-Sisi")
GUTERRES = Person("Antonio Guterres", "Secretary-General", None, "United Nations")
QUESTION = Person("Question")
I = ns.ONTOLOGY_NS
XSD = ns.XSD


def span(quote: str) -> Span:
    start = TEXT.index(quote)
    return Span(start, start + len(quote))


def document(**changes) -> Document:
    transcript = Transcript(TEXT, "talks.txt", hashlib.sha256(TEXT.encode()).hexdigest(),
                            url=changes.pop("url", None), date=changes.pop("published", None))
    fields = dict(
        transcript=transcript, format=changes.pop("format", "plain"), title=span("Talks in Moscow"),
        date="2021-07-20",
        utterances=(Utterance(0, span("We will supply 5,000 tonnes of wheat to Egypt. Trade grew 2.5 percent."),
                              speaker=PUTIN, addressee=SISI),
                    Utterance(1, span("When?"), speaker=QUESTION),
                    Utterance(2, span("We signed the Agreement on a Comprehensive Partnership."), speaker=SISI,
                              addressee=PUTIN, interpreted=True)),
        participants=(PUTIN, SISI), is_meeting=True,
        meeting=Meeting("Talks", "2021-07-20", "Moscow", "The Kremlin", "video", "working"),
        countries=(CountryMention("EGY", span("Egypt")),),
    )
    fields.update(changes)
    return Document(**fields)


def index(triples) -> dict[str, dict[str, list]]:
    out: dict[str, dict[str, list]] = {}
    for t in triples:
        out.setdefault(t.subject.value, {}).setdefault(t.predicate.value, []).append(t.object)
    return out


def values(node: dict, predicate: str) -> list[str]:
    return sorted(o.value for o in node.get(predicate, []))


def single(by_subject: dict, prefix: str) -> tuple[str, dict]:
    found = [(s, n) for s, n in by_subject.items() if s.startswith(ns.DEFAULT_BASE + prefix)
             and not s.endswith("/evidence")]
    assert len(found) == 1, found
    return found[0]


SUPPLY = Commitment("Supply", "RUS", "EGY", "planned", span("We will supply 5,000 tonnes of wheat to Egypt."), 0,
                    PUTIN, item="wheat", quantity=Quantity(5000, "tonne", "up to"))
AGREEMENT = Commitment("Agreement", "EGY", "RUS", "completed",
                       span("We signed the Agreement on a Comprehensive Partnership."), 2, SISI,
                       title="Agreement on a Comprehensive Partnership")


@pytest.mark.parametrize("kind", ["Supply", "JointProduction", "Investment", "Visit", "Agreement", "Cooperation"])
def test_each_commitment_type_is_its_class_with_status_and_claim(kind):
    from dataclasses import replace

    mapped = map_document(document(commitments=(replace(SUPPLY, type=kind),)))
    by_subject = index(mapped.all_triples)
    iri, node = single(by_subject, "commitment/")
    assert values(node, ns.RDF + "type") == [I + kind]
    assert values(node, I + "byCountry") == [ns.DEFAULT_BASE + "country/RUS"]
    assert values(node, I + "toCountry") == [ns.DEFAULT_BASE + "country/EGY"]
    assert values(node, I + "status") == [I + "planned"]
    assert values(node, I + "item") == ["wheat"]
    assert values(node, I + "value") == ["5000"] and node[I + "value"][0].datatype.value == XSD + "decimal"
    assert (values(node, I + "unit"), values(node, I + "qualifier")) == (["tonne"], ["up to"])
    assert values(node, I + "assertedBy") == [ns.DEFAULT_BASE + "person/vladimir-putin"]
    assert values(node, ns.PROV + "wasDerivedFrom") == [ns.utterance_iri(mapped.transcript_id, 0).value]
    evidence = by_subject[iri + "/evidence"]
    assert values(node, I + "evidence") == [iri + "/evidence"]
    start, end = int(values(evidence, ns.OA + "start")[0]), int(values(evidence, ns.OA + "end")[0])
    assert TEXT[start:end] == values(evidence, ns.OA + "exact")[0] == SUPPLY.span.of(TEXT)
    assert iri not in {t.subject.value for t in mapped.shared}  # a claim is the transcript's own


def test_an_agreement_keeps_its_document_title():
    node = single(index(map_document(document(commitments=(AGREEMENT,))).triples), "commitment/")[1]
    assert values(node, I + "documentTitle") == ["Agreement on a Comprehensive Partnership"]
    assert I + "value" not in node and I + "item" not in node


def test_a_commitment_without_countries_or_speaker_states_only_what_is_known():
    from dataclasses import replace

    bare = replace(SUPPLY, by=None, to=None, speaker=None, quantity=None, item=None)
    node = single(index(map_document(document(commitments=(bare,))).triples), "commitment/")[1]
    for missing in ("byCountry", "toCountry", "assertedBy", "value", "unit", "qualifier", "item"):
        assert I + missing not in node
    assert values(node, I + "status") == [I + "planned"]


def test_a_figure_with_and_without_its_speaker():
    figure = Figure(Quantity(2.5, "percent"), "trade growth", span("Trade grew 2.5 percent."), 0, PUTIN)
    anonymous = Figure(Quantity(7, None), None, span("Trade grew 2.5 percent."), 0, None)
    by_subject = index(map_document(document(figures=(figure, anonymous))).triples)
    figures = {s: n for s, n in by_subject.items() if "/figure/" in s and not s.endswith("/evidence")}
    assert len(figures) == 2
    stated, bare = sorted(figures.values(), key=lambda n: len(n))[::-1]
    assert values(stated, I + "about") == ["trade growth"] and values(stated, I + "value") == ["2.5"]
    assert values(stated, ns.RDF + "type") == [I + "Figure"]
    assert I + "assertedBy" not in bare and I + "about" not in bare and values(bare, I + "value") == ["7"]


def test_a_journalist_is_a_person_of_this_transcript_only():
    mapped = map_document(document())
    journalist = ns.journalist_iri(mapped.transcript_id, "Question").value
    own = index(mapped.triples)
    assert values(own[journalist], ns.RDF + "type") == [I + "Journalist"]
    assert values(own[journalist], ns.FOAF + "name") == ["Question"]
    assert journalist not in {t.subject.value for t in mapped.shared}
    utterance = own[ns.utterance_iri(mapped.transcript_id, 1).value]
    assert values(utterance, I + "speaker") == [journalist]


def test_utterances_have_order_offsets_speaker_addressee_and_interpretation():
    mapped = map_document(document())
    own = index(mapped.triples)
    first = own[ns.utterance_iri(mapped.transcript_id, 0).value]
    last = own[ns.utterance_iri(mapped.transcript_id, 2).value]
    assert values(first, I + "order") == ["0"] and values(last, I + "order") == ["2"]
    assert int(values(first, I + "startOffset")[0]) == TEXT.index("We will supply")
    assert values(first, I + "interpreted") == ["false"] and values(last, I + "interpreted") == ["true"]
    assert values(first, I + "addressee") == [ns.DEFAULT_BASE + "person/abdel-fattah-el-sisi"]
    assert values(first, I + "inTranscript") == [ns.transcript_iri(mapped.transcript_id).value]


def test_participants_tenures_and_names_are_shared():
    mapped = map_document(document())
    shared = index(mapped.shared)
    putin = shared[ns.DEFAULT_BASE + "person/vladimir-putin"]
    assert values(putin, ns.RDF + "type") == [I + "Leader"]
    assert values(putin, ns.OWL + "sameAs") == ["http://www.wikidata.org/entity/Q7747"]
    tenure = shared[ns.DEFAULT_BASE + "tenure/vladimir-putin/rus/president"]
    assert values(tenure, I + "holder") == [ns.DEFAULT_BASE + "person/vladimir-putin"]
    assert values(tenure, I + "officeOfCountry") == [ns.DEFAULT_BASE + "country/RUS"]
    assert values(tenure, I + "observedOn") == ["2021-07-20"]
    assert not set(index(mapped.triples)) & set(shared)  # a subject lives in one graph


def test_a_head_of_an_organisation_holds_an_office_of_it():
    shared = index(map_document(document(participants=(PUTIN, GUTERRES))).shared)
    # an unlinked person's IRI is minted from the folded name ("Guterres" and "Guteres" are one person)
    tenure = shared[ns.DEFAULT_BASE + "tenure/antonio-guteres/united-nations/secretary-general"]
    assert values(tenure, I + "officeOfOrganisation") == [ns.DEFAULT_BASE + "organisation/united-nations"]
    assert I + "officeOfCountry" not in tenure
    organisation = shared[ns.DEFAULT_BASE + "organisation/united-nations"]
    assert values(organisation, ns.RDFS + "label") == ["United Nations"]


def test_a_participant_of_no_country_or_body_has_no_tenure():
    shared = index(map_document(document(participants=(Person("Someone Unknown", "Adviser"),))).shared)
    assert ns.DEFAULT_BASE + "person/someone-unknovn" in shared
    assert not any("/tenure/someone-unknovn" in s for s in shared)


def test_a_linked_person_is_named_by_the_reference_label_with_the_written_name_as_alt_label():
    written = Person("Emomali Rakhmonov", "President", "TJK", qid="Q57366", label="Emomali Rahmon")
    shared = index(map_document(document(participants=(written,))).shared)
    person = shared[ns.DEFAULT_BASE + "person/emomali-rahmon"]
    assert values(person, ns.FOAF + "name") == ["Emomali Rahmon"]
    assert values(person, ns.SKOS + "altLabel") == ["Emomali Rakhmonov"]


def test_meeting_node_with_city_venue_format_and_countries():
    mapped = map_document(document())
    shared = index(mapped.shared)
    iri = meeting_node(document()).value
    assert iri == ns.DEFAULT_BASE + "meeting/2021-07-20-egy-rus-el-sisi-putin-video"
    meeting = shared[iri]
    assert values(meeting, I + "date") == ["2021-07-20"] and values(meeting, I + "venue") == ["The Kremlin"]
    assert values(meeting, I + "meetingFormat") == [I + "video"]
    assert values(meeting, I + "city") == [ns.DEFAULT_BASE + "city/moscow"]
    assert values(meeting, I + "visitKind") == ["working"]
    assert values(meeting, I + "mentionsCountry") == [ns.DEFAULT_BASE + "country/EGY"]
    assert len(values(meeting, I + "participant")) == 2
    assert values(shared[ns.DEFAULT_BASE + "city/moscow"], ns.RDFS + "label") == ["Moscow"]


def test_a_meeting_with_no_real_date_is_one_per_transcript():
    doc = document(meeting=Meeting("Talks", "2021-02-31"))
    tid = map_document(doc).transcript_id
    assert meeting_node(doc).value == ns.DEFAULT_BASE + f"meeting/{tid}"
    meeting = index(map_document(doc).shared)[meeting_node(doc).value]
    assert I + "date" not in meeting
    assert meeting_node(document(is_meeting=False)) is None


@pytest.mark.parametrize("url,format,licence,holder,attribution", [
    ("http://en.kremlin.ru/events/president/news/1", "plain", CC_BY_4, True, True),
    ("https://www.whitehouse.gov/briefing-room/1", "plain", PUBLIC_DOMAIN_MARK, False, True),
    (None, "kremlin", CC_BY_4, True, False),
    ("https://example.org/1", "kremlin", None, False, False),
    (None, "plain", None, False, False),
])
def test_licence_publisher_and_credit(url, format, licence, holder, attribution):
    mapped = map_document(document(url=url, format=format))
    transcript = index(mapped.triples)[ns.transcript_iri(mapped.transcript_id).value]
    assert values(transcript, ns.DCTERMS + "license") == ([licence] if licence else [])
    assert bool(transcript.get(ns.DCTERMS + "rightsHolder")) is holder
    assert values(transcript, ns.CC + "attributionURL") == ([url] if attribution else [])
    assert values(transcript, ns.PROV + "hadPrimarySource") == ([url] if attribution else [])
    if url:
        assert values(transcript, I + "url") == [url]
        assert transcript[I + "url"][0].datatype.value == XSD + "anyURI"


def test_a_publisher_url_that_is_no_iri_gives_no_attribution_link():
    mapped = map_document(document(url="http://kremlin.ru/events/a b"))
    transcript = index(mapped.triples)[ns.transcript_iri(mapped.transcript_id).value]
    assert values(transcript, ns.DCTERMS + "license") == [CC_BY_4]
    assert ns.CC + "attributionURL" not in transcript


def test_transcript_title_text_date_and_format():
    mapped = map_document(document(published="2021-07-21"))
    transcript = index(mapped.triples)[ns.transcript_iri(mapped.transcript_id).value]
    assert values(transcript, I + "title") == ["Talks in Moscow"]  # from the title line: the file gave none
    assert values(transcript, I + "published") == ["2021-07-21"]  # the file's date before the dateline's
    assert values(transcript, ns.RDF + "value") == [TEXT]
    assert values(transcript, I + "sourceFormat") == ["plain"] and values(transcript, I + "source") == ["talks.txt"]
    assert values(transcript, I + "sha256") == [hashlib.sha256(TEXT.encode()).hexdigest()]
    assert values(transcript, I + "mentionsCountry") == [ns.DEFAULT_BASE + "country/EGY"]


def test_publishers_are_organisations_with_a_homepage():
    by_subject = index(publisher_triples())
    kremlin = by_subject[ns.DEFAULT_BASE + "publisher/kremlin-ru"]
    assert values(kremlin, ns.RDF + "type") == [ns.PROV + "Organization", ns.FOAF + "Organization"]
    assert values(kremlin, ns.FOAF + "homepage") == ["http://en.kremlin.ru/"]
    assert len(by_subject) == 2


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.integers(-10**15, 10**15),
                 st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15)))
def test_decimal_literals_are_exact_and_plain(value):
    literal = decimal_literal(value)
    assert literal.datatype.value == XSD + "decimal"
    assert "e" not in literal.value.lower() and not literal.value.endswith(".0")
    assert Decimal(literal.value) == Decimal(repr(value))


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(alphabet="0123456789-", max_size=12), st.dates().map(datetime.date.isoformat)))
def test_date_literals_are_real_days_or_nothing(value):
    try:
        real_day = datetime.date.fromisoformat(value).isoformat() == value
    except ValueError:
        real_day = False
    literal = date_literal(value)
    assert (literal is not None) == real_day
    if literal is not None:
        assert literal.value == value and literal.datatype.value == XSD + "date"


def test_date_literal_cases():
    assert date_literal("2021-07-20").value == "2021-07-20"
    assert date_literal("2021-02-31") is None and date_literal("20210720") is None
    assert date_literal("2021-07-20T10:00") is None and date_literal(None) is None and date_literal("") is None
