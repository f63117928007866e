"""kg.rdf.namespace: closed terms, slugs and the one shape of every minted IRI, under any base."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.rdf import namespace as ns

BASES = ["https://w3id.org/irkg/id/", "http://example.org/kg", "http://example.org/kg#", "urn:x-irkg:"]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_slugs_are_never_empty_plain_and_deterministic(text):
    slug = ns.slug(text)
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug)
    assert slug == ns.slug(text)
    ox.NamedNode("https://example.org/" + slug)  # always a valid IRI segment


@pytest.mark.parametrize("text,slug", [
    ("Recep Tayyip Erdoğan", "recep-tayyip-erdogan"), ("  Ilham   Aliyev ", "ilham-aliyev"),
    ("Cote d'Ivoire", "cote-d-ivoire"), ("Côte d’Ivoire", "cote-divoire"),  # a curly apostrophe folds away
    ("São Tomé & Príncipe", "sao-tome-principe"),
    ("Kim Dae-jung", "kim-dae-jung"), ("---", None), ("Путин", None), ("", None),
])
def test_slug_cases(text, slug):
    made = ns.slug(text)
    if slug is None:  # folds to nothing: a hash of the text instead, distinct per text
        assert re.fullmatch(r"x[0-9a-f]{16}", made) and made != ns.slug(text + "!")
    else:
        assert made == slug


def test_short_hash_length_and_parts():
    assert len(ns.short_hash("a")) == 16 and len(ns.short_hash("a", length=8)) == 8
    assert ns.short_hash("a", "b") != ns.short_hash("ab") != ns.short_hash("b", "a")
    assert ns.short_hash(1, None) == ns.short_hash("1", "")  # parts are text; None is empty


@pytest.mark.parametrize("base", BASES)
def test_every_iri_is_base_kind_and_segments(base):
    sep = base if base.endswith(("/", "#")) else base + "/"
    made = {
        "transcript": ns.transcript_iri("0123456789abcdef", base),
        "graph": ns.graph_iri("0123456789abcdef", base),
        "utterance": ns.utterance_iri("0123456789abcdef", 3, base),
        "country": ns.country_iri("aze", base),
        "person": ns.person_iri("Ilham Aliyev", base),
        "organisation": ns.organisation_iri("United Nations", base),
        "city": ns.city_iri("Nur-Sultan", base),
        "tenure": ns.tenure_iri("Ilham Aliyev", "AZE", "President", base),
        "commitment": ns.commitment_iri("abc", base),
        "figure": ns.figure_iri("abc", base),
        "dataset": ns.dataset_iri(base),
        "build": ns.build_iri("20261129T140907Z-abcdef01", base),
        "software": ns.software_iri("0.4.0+dev", base),
        "publisher": ns.publisher_iri("kremlin.ru", base),
    }
    for kind, node in made.items():
        assert node.value.startswith(sep + kind), (kind, node)
        assert "//" not in node.value[len(sep):]
    assert made["country"].value == sep + "country/AZE"
    assert made["utterance"].value == sep + "utterance/0123456789abcdef/3"
    assert made["tenure"].value == sep + "tenure/ilham-aliyev/aze/president"
    assert made["software"].value == sep + "software/irkg/0-4-0-dev"
    assert ns.graph_iri("x", base) != ns.reference_graph_iri(base) != ns.entities_graph_iri(base)
    for maker in (ns.reference_graph_iri, ns.followups_graph_iri, ns.entities_graph_iri,
                  ns.contributions_graph_iri, ns.metadata_graph_iri):
        assert maker(base).value.startswith(sep + "graph/")


def test_a_base_without_a_separator_gets_one_and_the_default_is_w3id():
    assert ns.person_iri("x", "http://example.org/kg") == ns.person_iri("x", "http://example.org/kg/")
    assert ns.person_iri("x").value == "https://w3id.org/irkg/id/person/x"


def test_evidence_and_journalists_live_under_their_owner():
    owner = ns.commitment_iri("k")
    assert ns.evidence_iri(owner).value == owner.value + "/evidence"
    assert ns.journalist_iri("t1", "Q").value == ns.DEFAULT_BASE + "person/t1/q"
    assert ns.journalist_iri("t1", "Q") != ns.journalist_iri("t2", "Q")


@pytest.mark.parametrize("date,codes,people,format,expected", [
    ("2021-07-20", ["RUS", "AZE", "RUS"], ["Joseph R. Biden, Jr.", "Ilham Aliyev", " "], None,
     "2021-07-20-aze-rus-aliyev-biden"),
    ("2021-07-20", ["RUS"], ["Putin"], "video", "2021-07-20-rus-putin-video"),
    ("2021-07-20", ["RUS"], ["Putin"], "in_person", "2021-07-20-rus-putin"),
    ("2021-07-20", [], [], "phone", "2021-07-20-tid-phone"),
    (None, ["RUS"], ["Putin"], "phone", "tid"),
    ("2021-07-20", ["USA", "MEX"], ["Andrés Manuel López Obrador", "Joe Biden"], "phone",
     "2021-07-20-mex-usa-biden-obrador-phone"),
])
def test_meeting_iris(date, codes, people, format, expected):
    assert ns.meeting_iri(date, codes, "tid", format=format, people=people).value == (
        ns.DEFAULT_BASE + "meeting/" + expected)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["RUS", "AZE", "USA", "TUR"]), max_size=4),
       st.lists(st.sampled_from(["Vladimir Putin", "Ilham Aliyev", "Joe Biden", "Joseph R. Biden Jr."]), max_size=4))
def test_meeting_iri_ignores_order_and_repeats(codes, people):
    one = ns.meeting_iri("2021-07-20", codes, "tid", people=people)
    other = ns.meeting_iri("2021-07-20", list(reversed(codes)) + codes, "tid", people=list(reversed(people)))
    assert one == other


@pytest.mark.parametrize("name,surname", [
    ("Joseph R. Biden, Jr.", "Biden"), ("Abdullah II", "Abdullah"), ("Vladimir Putin", "Putin"),
    ("Jr.", "Jr."), ("", ""), ("Martin Luther King III", "King"),
])
def test_surname(name, surname):
    assert ns.surname(name) == surname


def test_ontology_terms_are_closed():
    assert ns.irkg("Meeting").value == ns.ONTOLOGY_NS + "Meeting"
    assert ns.irkg("regional-conflict").value == ns.ONTOLOGY_NS + "regional-conflict"
    with pytest.raises(AttributeError, match="term 'byCounty' not defined in the irkg ontology"):
        ns.irkg("byCounty")
    with pytest.raises(ValueError, match="'maybe' is not a status, meeting format or topic"):
        ns.concept("maybe")
    assert str(ns.IRKG.Meeting) == ns.ONTOLOGY_NS + "Meeting"
    assert str(ns.IRKG["culture-religion"]) == ns.ONTOLOGY_NS + "culture-religion"
    with pytest.raises(AttributeError):
        ns.IRKG.byCounty
    with pytest.raises(AttributeError):
        ns.no_such_thing  # noqa: B018


def test_every_topic_status_and_format_is_a_concept():
    from kg.extract.topics import TOPICS
    from kg.model import FORMATS, STATUSES

    for name in (*TOPICS, *STATUSES, *FORMATS):
        assert ns.concept(name).value == ns.ONTOLOGY_NS + name
        assert ns.topic_iri(name) == ns.concept(name)  # the same under every base
    assert set(TOPICS) <= ns.TERMS


def test_prefixes_are_distinct_namespaces():
    assert len(set(ns.PREFIXES.values())) == len(ns.PREFIXES)
    assert all(namespace.endswith(("/", "#")) for namespace in ns.PREFIXES.values())
    assert ns.wikidata_iri("Q7747").value == "http://www.wikidata.org/entity/Q7747"
    assert ns.ns_node(ns.PROV, "wasDerivedFrom").value == "http://www.w3.org/ns/prov#wasDerivedFrom"
