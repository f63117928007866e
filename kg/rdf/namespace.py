"""The closed irkg namespace, the standard namespaces, and IRI minting.

``IRKG`` is a closed rdflib ``DefinedNamespace``: a misspelt term
(``IRKG.byCounty``) raises instead of silently minting a new IRI, and a test
checks it lists exactly the terms ``ontology/irkg.ttl`` declares.  The mapping
works in pyoxigraph terms, so :func:`term` turns any of these into a
``NamedNode``.

Data IRIs are minted under a base the user may set (default
:data:`DEFAULT_BASE`) and depend only on the facts, never on order of
processing or on time: rebuilding gives the same IRIs, so re-ingesting a
transcript replaces its own facts and nothing else.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from pyoxigraph import NamedNode

from kg.model import COMMITMENT_TYPES, FORMATS, STATUSES, Person
from kg.people.namekey import person_key, surname
from kg.rdf.prefixes import (  # noqa: F401  (re-exported: the namespace module names every IRI)
    CC, DCAT, DCTERMS, DEFAULT_BASE, FOAF, OA, ONTOLOGY_IRI, ONTOLOGY_NS, ORG, OWL, PREFIXES, PROV, RDF, RDFS, SCHEMA,
    SEM, SKOS, VOID, WD, XSD,
)

if TYPE_CHECKING:
    from rdflib import URIRef


class _Terms:
    """Terms of ``ontology/irkg.ttl``, as annotations: what :data:`TERMS` and the rdflib class ``IRKG`` list.

    Kept apart from rdflib so that minting IRIs (every build, every store) does
    not import rdflib: ``kg query`` and a build's workers start without it.
    """

    # classes
    Transcript: URIRef
    Utterance: URIRef
    Meeting: URIRef
    Leader: URIRef
    Journalist: URIRef
    Tenure: URIRef
    Country: URIRef
    Organisation: URIRef
    City: URIRef
    Commitment: URIRef  # its subclasses are kg.model's COMMITMENT_TYPES (see TERMS)
    Figure: URIRef
    Evidence: URIRef
    FollowUp: URIRef
    # annotation properties
    cameoCode: URIRef
    ploverCategory: URIRef
    # SKOS schemes and concepts
    StatusScheme: URIRef
    FormatScheme: URIRef
    TopicScheme: URIRef  # statuses and meeting formats: kg.model's STATUSES and FORMATS (see TERMS)
    health: URIRef
    trade: URIRef
    transport: URIRef
    energy: URIRef
    education: URIRef
    security: URIRef
    agriculture: URIRef
    finance: URIRef
    humanitarian: URIRef
    environment: URIRef
    # datatype properties
    title: URIRef
    identifier: URIRef
    source: URIRef
    url: URIRef
    sha256: URIRef
    published: URIRef
    publishedNotBefore: URIRef
    publishedNotAfter: URIRef
    spokenOn: URIRef
    commitmentCount: URIRef
    figureCount: URIRef
    language: URIRef
    sourceFormat: URIRef
    reader: URIRef
    contributes: URIRef
    order: URIRef
    startOffset: URIRef
    endOffset: URIRef
    interpreted: URIRef
    date: URIRef
    venue: URIRef
    visitKind: URIRef
    office: URIRef
    observedOn: URIRef
    alpha2: URIRef
    alpha3: URIRef
    item: URIRef
    documentTitle: URIRef
    statedOn: URIRef
    value: URIRef
    unit: URIRef
    qualifier: URIRef
    about: URIRef
    confidence: URIRef
    # object properties
    publisherCountry: URIRef
    inTranscript: URIRef
    mentionsCountry: URIRef
    topic: URIRef
    speaker: URIRef
    addressee: URIRef
    reportedIn: URIRef
    city: URIRef
    meetingFormat: URIRef
    participant: URIRef
    holdsTenure: URIRef
    holder: URIRef
    officeOfCountry: URIRef
    officeOfOrganisation: URIRef
    byCountry: URIRef
    toCountry: URIRef
    status: URIRef
    assertedBy: URIRef
    evidence: URIRef
    continues: URIRef
    earlierCommitment: URIRef
    laterCommitment: URIRef

    # names that are not Python identifiers: IRKG["regional-conflict"]
    _extras = ["regional-conflict", "culture-religion", "science-technology"]


#: kg.model's vocabularies as ontology terms: commitment types are classes, statuses and meeting
#: formats SKOS concepts.  The built-in ones, as the shipped ontology declares them; a type registered
#: at run time is minted by :func:`commitment_class`.
VOCABULARY_TERMS: tuple[str, ...] = (*COMMITMENT_TYPES, *STATUSES, *FORMATS)
_ANNOTATIONS: dict[str, object] = {**_Terms.__annotations__, **{name: "URIRef" for name in VOCABULARY_TERMS}}

#: every local name of the ontology; :func:`irkg` refuses any other
TERMS: frozenset[str] = frozenset(_ANNOTATIONS) | frozenset(_Terms._extras)


@lru_cache(maxsize=1)
def _closed_namespace():
    """``IRKG``: the closed rdflib ``DefinedNamespace`` of the ontology, made on first use."""
    from rdflib.namespace import DefinedNamespace, Namespace

    return type("IRKG", (DefinedNamespace,), {
        "__doc__": "Terms of ``ontology/irkg.ttl``; anything else raises ``AttributeError``.",
        "__module__": __name__, "__annotations__": dict(_ANNOTATIONS),
        "_NS": Namespace(ONTOLOGY_NS), "_fail": True, "_extras": list(_Terms._extras)})


def __getattr__(name: str):
    if name == "IRKG":
        return _closed_namespace()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@lru_cache(maxsize=None)
def irkg(name: str) -> NamedNode:
    """pyoxigraph node of an ontology term; raises ``AttributeError`` for unknown names."""
    if name not in TERMS:
        raise AttributeError(f"term '{name}' not defined in the irkg ontology ({ONTOLOGY_NS})")
    return NamedNode(ONTOLOGY_NS + name)


def ns_node(namespace: str, name: str) -> NamedNode:
    """pyoxigraph node of a term in a standard namespace: ``ns_node(PROV, "wasDerivedFrom")``."""
    return NamedNode(namespace + name)


def commitment_class(kind: str) -> NamedNode:
    """The ontology class of a commitment type of :data:`kg.model.COMMITMENT_TYPES`, registered ones too.

    Unknown types raise ``ValueError``: the mapping writes no class the model does not know.
    """
    if kind not in COMMITMENT_TYPES:
        raise ValueError(f"{kind!r} is not a commitment type: use one of {', '.join(COMMITMENT_TYPES)}")
    return NamedNode(ONTOLOGY_NS + kind)


def concept(name: str) -> NamedNode:
    """The SKOS concept for a status, meeting format or topic; unknown names raise ``ValueError``."""
    try:
        return irkg(name)
    except AttributeError:
        raise ValueError(f"{name!r} is not a status, meeting format or topic of the irkg ontology") from None


# ---------------------------------------------------------------- minting

def slug(text: str) -> str:
    """ASCII-folded, lower-case, hyphen-separated: ``"Recep Tayyip Erdoğan"`` -> ``recep-tayyip-erdogan``.

    Names that fold to nothing (scripts with no Latin decomposition) get a
    short hash instead, so an IRI is never empty and still deterministic.
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    folded = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return folded or "x" + short_hash(text, 12)


def short_hash(*parts: object, length: int = 16) -> str:
    """First ``length`` hex digits of SHA-256 over the parts, joined unambiguously."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:length]


def _base(base: str) -> str:
    return base if base.endswith(("/", "#")) else base + "/"


def _mint(base: str, kind: str, *segments: str) -> NamedNode:
    """``<base>kind/segment/...`` (the base ending in ``/`` or ``#``): every data IRI has this one shape."""
    return NamedNode(_base(base) + "/".join((kind, *segments)))


def transcript_id(sha256: str) -> str:
    """The short id of a transcript: the first 16 hex digits of its text's SHA-256."""
    return sha256[:16]


def transcript_iri(tid: str, base: str = DEFAULT_BASE) -> NamedNode:
    return _mint(base, "transcript", tid)


def graph_iri(tid: str, base: str = DEFAULT_BASE) -> NamedNode:
    """The named graph holding one transcript's facts."""
    return _mint(base, "graph", tid)


def reference_graph_iri(base: str = DEFAULT_BASE) -> NamedNode:
    """The named graph of countries, organisations and the ontology."""
    return _mint(base, "graph", "reference")


def followups_graph_iri(base: str = DEFAULT_BASE) -> NamedNode:
    """The named graph of follow-up links between commitments of different transcripts."""
    return _mint(base, "graph", "followups")


def entities_graph_iri(base: str = DEFAULT_BASE) -> NamedNode:
    """The named graph of what transcripts share: people, tenures, meetings, organisations, cities."""
    return _mint(base, "graph", "entities")


def contributions_graph_iri(base: str = DEFAULT_BASE) -> NamedNode:
    """The named graph recording which transcript contributed which triple of the entities graph."""
    return _mint(base, "graph", "contributions")


def metadata_graph_iri(base: str = DEFAULT_BASE) -> NamedNode:
    """The named graph of the dataset description (VoID, DCAT) and the builds that made it (PROV)."""
    return _mint(base, "graph", "metadata")


def dataset_iri(base: str = DEFAULT_BASE) -> NamedNode:
    return _mint(base, "dataset")


def class_partition_iri(class_name: str, base: str = DEFAULT_BASE) -> NamedNode:
    """The VoID class partition of one class, named by the class's local name."""
    return _mint(base, "dataset", "class", slug(class_name))


def build_iri(key: str, base: str = DEFAULT_BASE) -> NamedNode:
    """One run of ``kg build`` (a prov:Activity); ``key`` is its start time and a hash."""
    return _mint(base, "build", key)


def software_iri(version: str, base: str = DEFAULT_BASE) -> NamedNode:
    """irkg itself at one version, the prov:SoftwareAgent of the builds it ran."""
    return _mint(base, "software", "irkg", slug(version))


def publisher_iri(key: str, base: str = DEFAULT_BASE) -> NamedNode:
    """A publisher of transcripts (``publisher/kremlin-ru``), the agent licences name."""
    return _mint(base, "publisher", slug(key))


def utterance_iri(tid: str, index: int, base: str = DEFAULT_BASE) -> NamedNode:
    return _mint(base, "utterance", tid, str(index))


def country_iri(code: str, base: str = DEFAULT_BASE) -> NamedNode:
    return _mint(base, "country", code.upper())


def person_iri(name: str, base: str = DEFAULT_BASE) -> NamedNode:
    return _mint(base, "person", slug(name))


def journalist_iri(tid: str, name: str, base: str = DEFAULT_BASE) -> NamedNode:
    """A journalist within one transcript: "Q" in two transcripts is two people."""
    return _mint(base, "person", tid, slug(name))


def organisation_iri(name: str, base: str = DEFAULT_BASE) -> NamedNode:
    return _mint(base, "organisation", slug(name))


def city_iri(name: str, base: str = DEFAULT_BASE) -> NamedNode:
    return _mint(base, "city", slug(name))


def topic_iri(name: str) -> NamedNode:
    """Topics are concepts of the ontology's topic scheme, not data: the same under every base."""
    return concept(name)


def meeting_iri(date: str | None, country_codes: list[str] | tuple[str, ...], tid: str,
                base: str = DEFAULT_BASE, format: str | None = None,
                people: list[str] | tuple[str, ...] = ()) -> NamedNode:
    """``meeting/2021-07-20-aze-rus-aliyev-putin``, ``meeting/2021-01-22-mex-usa-biden-obrador-phone``.

    One IRI per event: date, countries, the participants' surnames and the format.  Two
    reports of one event (a call's readout and its joint statement, remarks before a meeting
    and its readout) agree on all four and share the meeting; talks and a phone call of one
    day, a bilateral and a summit, or meetings with a country's president and then its prime
    minister differ in one of them and stay apart.  Surnames, not full names, so "Joe Biden"
    and "Joseph R. Biden, Jr." agree.  In-person meetings carry no format suffix.  Without a
    date, one meeting per transcript.
    """
    if not date:
        return _mint(base, "meeting", tid)
    codes = "-".join(sorted({slug(c) for c in country_codes}))
    surnames = "-".join(sorted({slug(surname(p)) for p in people if p.strip()}))
    suffix = f"-{format.replace('_', '-')}" if format and format != "in_person" else ""
    key = "-".join(part for part in (codes, surnames) if part) or tid
    return _mint(base, "meeting", f"{date}-{key}{suffix}")


def person_name_key(person: Person) -> str:
    """What a person's IRI is minted from: the reference label when linked (readable,
    "ilham-aliyev"), else the written name folded by :func:`kg.people.namekey.person_key`, so
    that "Sergei Ignatiev" and "Sergey Ignatyev" are one IRI ("sergei-ignatiev")."""
    if person.label:
        return person.label
    return person_key(person.name) or person.name


def tenure_iri(person: str, holder_of: str, office: str | None, base: str = DEFAULT_BASE) -> NamedNode:
    """``tenure/<person>/<country code or organisation slug>/<office slug>``."""
    return _mint(base, "tenure", slug(person), slug(holder_of), slug(office or "unknown"))


def commitment_iri(key: str, base: str = DEFAULT_BASE) -> NamedNode:
    """``commitment/<hash>``; ``key`` comes from :func:`short_hash` over the commitment's facts."""
    return _mint(base, "commitment", key)


def figure_iri(key: str, base: str = DEFAULT_BASE) -> NamedNode:
    return _mint(base, "figure", key)


def evidence_iri(owner: NamedNode) -> NamedNode:
    """The evidence of a commitment or figure lives under its IRI, so it goes when its owner goes."""
    return NamedNode(owner.value + "/evidence")


def wikidata_iri(qid: str) -> NamedNode:
    return NamedNode(WD + qid)
