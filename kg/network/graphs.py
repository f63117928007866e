"""SPARQL over the store -> networkx graphs of leaders, countries, meetings and commitments.

Every graph is built from a few SELECTs, never from the extractor, so any
store irkg wrote (or one served elsewhere with the same ontology) gives the
same network.  Who took part in a meeting *for which country* is read inside
one named graph — the transcript that reports the meeting also holds the
participant's tenure — so a leader seen for two countries in two transcripts
is never mixed up.  The store's default graph is the union of all graphs and
repeats a triple once per graph it is in, hence DISTINCT everywhere.

Edges carry ``weight`` (distinct meetings, or commitments), ``first`` and
``last`` ISO dates, ``dates`` and ``meetings`` (lists, one item per meeting,
sorted by date).  Exporters turn lists into space-separated strings.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from kg.errors import QueryError
from kg.inputs.text import ISO_DATE
from kg.store.protocol import Store

KINDS = ("leader-country", "countries", "leaders", "commitments", "meetings")

_PARTICIPATION = """
SELECT DISTINCT ?m ?date ?title ?p ?c ?office WHERE {
  GRAPH ?g {
    ?m a irkg:Meeting ; irkg:participant ?p .
    OPTIONAL { ?m irkg:date ?date }
    OPTIONAL { ?m irkg:title ?title }
    OPTIONAL { ?t irkg:holder ?p ; irkg:officeOfCountry ?c . OPTIONAL { ?t irkg:office ?office } }
  }
}"""

# One pattern per query: a leader with two names or two QIDs would multiply a join.
_LEADER_NAMES = "SELECT DISTINCT ?p ?name WHERE { GRAPH ?g { ?p a irkg:Leader ; foaf:name ?name } }"
_LEADER_QIDS = "SELECT DISTINCT ?p ?qid WHERE { GRAPH ?g { ?p a irkg:Leader ; owl:sameAs ?qid } }"

_COUNTRIES = """
SELECT DISTINCT ?c ?label ?alpha3 ?alpha2 ?qid WHERE {
  ?c a irkg:Country .
  OPTIONAL { ?c rdfs:label ?label } OPTIONAL { ?c irkg:alpha3 ?alpha3 }
  OPTIONAL { ?c irkg:alpha2 ?alpha2 } OPTIONAL { ?c owl:sameAs ?qid }
}"""

# Commitments are the instances of the ontology's subclasses of irkg:Commitment (the ontology is in
# the store's reference graph), so every kind the ontology declares is an edge kind.
_COMMITMENTS = """
SELECT DISTINCT ?k ?type ?by ?to ?value ?unit ?m ?date ?published WHERE {
  GRAPH ?o { ?type rdfs:subClassOf irkg:Commitment }
  GRAPH ?g {
    ?k a ?type ; irkg:byCountry ?by ; irkg:toCountry ?to ; irkg:inTranscript ?tr .
    OPTIONAL { ?k irkg:value ?value } OPTIONAL { ?k irkg:unit ?unit }
    OPTIONAL { ?tr irkg:published ?published }
  }
  OPTIONAL { GRAPH ?e { ?m irkg:reportedIn ?tr . OPTIONAL { ?m irkg:date ?date } } }
}"""


# The edges of the leader-country network, one row per leader, country and meeting: the
# per-meeting form of queries/leader_country_edges.rq (same patterns, same graph scoping), so the
# network's edges are exactly that query's rows with dates and meeting IRIs added.
_LEADER_COUNTRY = """
SELECT ?leader ?own ?target ?meeting ?date WHERE {
  { SELECT DISTINCT ?leader ?own ?target ?meeting ?date WHERE {
      GRAPH ?g {
        ?meeting a irkg:Meeting ; irkg:participant ?leader .
        ?leader foaf:name ?name ; irkg:holdsTenure/irkg:officeOfCountry ?own .
        ?meeting irkg:participant/irkg:holdsTenure/irkg:officeOfCountry ?target .
        OPTIONAL { ?meeting irkg:date ?date }
      } } }
  ?target irkg:alpha3 ?code .
}"""  # the sub-select matters: Oxigraph joins the flat form 50x slower (37 s on kremlin-news)


@dataclass
class Meeting:
    """One meeting as the network sees it: its date and who spoke for which country."""

    iri: str
    date: str | None = None
    title: str | None = None
    leaders: dict[str, str | None] = field(default_factory=dict)  # leader IRI -> country IRI
    offices: dict[str, str] = field(default_factory=dict)

    @property
    def countries(self) -> set[str]:
        return {c for c in self.leaders.values() if c}


def to_networkx(store: Store, kind: str = "countries", since: str | None = None,
                until: str | None = None, countries: Iterable[str] = ()) -> nx.Graph:
    """The network of one ``kind`` (see :data:`KINDS`) for meetings dated ``since``..``until``.

    Dates are inclusive ISO dates; when either is given, undated meetings are
    left out.  ``countries`` (ISO alpha-3 codes) keeps only meetings one of
    them took part in, and commitments by or to one of them.
    """
    if kind not in KINDS:
        raise QueryError(f"unknown network kind {kind!r}: use one of {', '.join(KINDS)}")
    for name, value in (("since", since), ("until", until)):
        if value is not None and not ISO_DATE.fullmatch(value):
            raise QueryError(f"--{name} {value!r} is not a date: write it as YYYY-MM-DD")
    wanted = {code.upper() for code in countries}
    country_info = _country_nodes(store)
    wanted_iris = {iri for iri, info in country_info.items() if info.get("iso3") in wanted}
    if wanted and not wanted_iris:
        raise QueryError(f"no country with code {', '.join(sorted(wanted))} in the store: use ISO alpha-3 codes")
    graph: nx.Graph
    if kind == "commitments":
        graph = _commitment_graph(store, since, until, wanted_iris)
    else:
        found, people = _meetings(store)
        meetings = [m for m in found.values()
                    if _in_range(m.date, since, until) and (not wanted_iris or m.countries & wanted_iris)]
        meetings.sort(key=lambda m: (m.date or "", m.iri))
        if kind == "leader-country":
            graph = _leader_country_graph(meetings, people, _rows(store, _LEADER_COUNTRY))
        else:
            builder = {"countries": _country_graph, "leaders": _leader_graph, "meetings": _meeting_graph}[kind]
            graph = builder(meetings, people)
    for node, data in graph.nodes(data=True):
        if data.get("kind") == "country":
            data.update({k: v for k, v in country_info.get(node, {}).items() if v is not None})
    graph.graph.update({"kind": kind, "since": since or "", "until": until or "",
                        "countries": " ".join(sorted(wanted))})
    return graph


def _in_range(date: str | None, since: str | None, until: str | None) -> bool:
    if since is None and until is None:
        return True
    return bool(date) and (since is None or date >= since) and (until is None or date <= until)


def _value(row: dict, name: str) -> str | None:
    term = row.get(name)
    return None if term is None else term.value


def _qid(iri: str | None) -> str | None:
    return iri.rsplit("/", 1)[-1] if iri and "wikidata.org/entity/" in iri else None


def _rows(store: Store, sparql: str) -> list[dict]:
    result = store.query(sparql)
    if isinstance(result, bool) or not hasattr(result, "variables"):
        raise QueryError("the network query did not return rows: is this an irkg store?")
    return list(result)


def _country_nodes(store: Store) -> dict[str, dict]:
    """Label, ISO codes and Wikidata QID of every country in the reference graph."""
    out: dict[str, dict] = {}
    for row in _rows(store, _COUNTRIES):
        iri = _value(row, "c")
        info = out.setdefault(iri, {"kind": "country"})
        for key, var in (("label", "label"), ("iso3", "alpha3"), ("iso2", "alpha2")):
            info[key] = info.get(key) or _value(row, var)
        info["qid"] = info.get("qid") or _qid(_value(row, "qid"))
    return out


def _meetings(store: Store) -> tuple[dict[str, Meeting], dict[str, dict]]:
    """Every meeting with its participants, and each participant's label and QID."""
    meetings: dict[str, Meeting] = {}
    people: dict[str, dict] = {}
    for row in _rows(store, _PARTICIPATION):
        iri, leader = _value(row, "m"), _value(row, "p")
        meeting = meetings.setdefault(iri, Meeting(iri))
        meeting.date = meeting.date or _value(row, "date")
        meeting.title = meeting.title or _value(row, "title")
        country = _value(row, "c")
        meeting.leaders[leader] = meeting.leaders.get(leader) or country
        if row.get("office") is not None and country:
            meeting.offices[leader] = _value(row, "office")
    for row in _rows(store, _LEADER_NAMES):
        people.setdefault(_value(row, "p"), {}).setdefault("label", _value(row, "name"))
    for row in _rows(store, _LEADER_QIDS):
        people.setdefault(_value(row, "p"), {}).setdefault("qid", _qid(_value(row, "qid")))
    return meetings, people


def _leader_attrs(leader: str, meetings: list[Meeting], people: dict[str, dict]) -> dict:
    """Label, QID, and the country and office the leader spoke for most often."""
    info = people.get(leader, {})
    tally: dict[tuple, int] = defaultdict(int)
    for m in meetings:
        if m.leaders.get(leader):
            tally[(m.leaders[leader], m.offices.get(leader))] += 1
    country, office = max(tally, key=lambda k: (tally[k], k[0], k[1] or "")) if tally else (None, None)
    attrs = {"kind": "leader", "label": info.get("label") or leader.rsplit("/", 1)[-1],
             "qid": info.get("qid"), "country": country.rsplit("/", 1)[-1] if country else None,
             "office": office}
    return {k: v for k, v in attrs.items() if v is not None}


def _link(graph: nx.Graph, a: str, b: str, meeting: Meeting, key: str | None = None, **extra: object) -> None:
    """Add one meeting to the edge a–b (creating it): weight, dates and meeting IRIs grow.

    ``key`` names the edge in a multigraph (the leader-country network keeps
    "represents" and "met" apart even between the same two nodes).
    """
    ends = (a, b) if key is None else (a, b, key)
    if graph.has_edge(*ends):
        data = graph.edges[ends]
        if meeting.iri in data["meetings"]:
            return
    else:
        graph.add_edge(*ends, weight=0, meetings=[], dates=[], **extra)
        data = graph.edges[ends]
    data["weight"] += 1
    data["meetings"].append(meeting.iri)
    if meeting.date:
        data["dates"].append(meeting.date)
        data["first"] = min(data.get("first", meeting.date), meeting.date)
        data["last"] = max(data.get("last", meeting.date), meeting.date)


def _country_graph(meetings: list[Meeting], people: dict[str, dict]) -> nx.Graph:
    graph = nx.Graph()
    for m in meetings:
        codes = sorted(m.countries)
        graph.add_nodes_from(codes, kind="country")
        for i, a in enumerate(codes):
            for b in codes[i + 1:]:
                _link(graph, a, b, m)
    return graph


def _leader_graph(meetings: list[Meeting], people: dict[str, dict]) -> nx.Graph:
    graph = nx.Graph()
    for m in meetings:
        leaders = sorted(m.leaders)
        graph.add_nodes_from(leaders)
        for i, a in enumerate(leaders):
            for b in leaders[i + 1:]:
                _link(graph, a, b, m)
    for node in graph.nodes:
        graph.nodes[node].update(_leader_attrs(node, meetings, people))
    return graph


def _leader_country_graph(meetings: list[Meeting], people: dict[str, dict], rows: list[dict]) -> nx.MultiGraph:
    """Leaders and countries; an edge "represents" to the country a leader held office for, and
    "met" to every other country whose leader was at the same meeting, weighted by meetings.

    A multigraph keyed by the relation, because one leader can represent a
    country in one transcript and meet it in another (a mis-read office, or a
    career): the two stay two edges, as they are two rows of the library query.
    """
    graph = nx.MultiGraph()
    chosen = {m.iri: m for m in meetings}
    for row in sorted(rows, key=lambda r: (_value(r, "date") or "", _value(r, "meeting"), _value(r, "leader"),
                                           _value(r, "target"), _value(r, "own"))):
        meeting = chosen.get(_value(row, "meeting"))
        if meeting is None:
            continue
        leader, own, target = _value(row, "leader"), _value(row, "own"), _value(row, "target")
        relation = "represents" if own == target else "met"
        graph.add_node(leader)
        graph.add_node(target, kind="country")
        _link(graph, leader, target, meeting, key=relation, relation=relation)
        if relation == "represents" and meeting.offices.get(leader):
            graph.edges[leader, target, relation]["office"] = meeting.offices[leader]
    for node, data in graph.nodes(data=True):
        if data.get("kind") != "country":
            data.update(_leader_attrs(node, meetings, people))
    return graph


def _meeting_graph(meetings: list[Meeting], people: dict[str, dict]) -> nx.Graph:
    graph = nx.Graph()
    for m in meetings:
        attrs = {"kind": "meeting", "label": m.title or m.iri.rsplit("/", 1)[-1], "date": m.date}
        graph.add_node(m.iri, **{k: v for k, v in attrs.items() if v})
        for leader, country in sorted(m.leaders.items()):
            graph.add_node(leader)
            _link(graph, m.iri, leader, m, **({"country": country.rsplit("/", 1)[-1]} if country else {}))
    for node, data in graph.nodes(data=True):
        if data.get("kind") != "meeting":
            data.update(_leader_attrs(node, meetings, people))
    return graph


def _commitment_graph(store: Store, since: str | None, until: str | None,
                      wanted: set[str]) -> nx.MultiDiGraph:
    """Country -> country, one edge per commitment type (the edge key), counts and sums by unit."""
    graph = nx.MultiDiGraph()
    seen: set[str] = set()
    for row in sorted(_rows(store, _COMMITMENTS), key=lambda r: (_value(r, "k"), _value(r, "m") or "")):
        iri = _value(row, "k")
        date = _value(row, "date") or _value(row, "published")
        by, to, kind = _value(row, "by"), _value(row, "to"), _value(row, "type").rsplit("#", 1)[-1]
        if iri in seen or not _in_range(date, since, until) or (wanted and not {by, to} & wanted):
            continue
        seen.add(iri)
        graph.add_node(by, kind="country")
        graph.add_node(to, kind="country")
        if not graph.has_edge(by, to, key=kind):
            graph.add_edge(by, to, key=kind, type=kind, weight=0, commitments=[], meetings=[], dates=[])
        data = graph.edges[by, to, kind]
        data["weight"] += 1
        data["commitments"].append(iri)
        meeting = _value(row, "m")
        if meeting and meeting not in data["meetings"]:
            data["meetings"].append(meeting)
        if date:
            data["dates"].append(date)
            data["first"] = min(data.get("first", date), date)
            data["last"] = max(data.get("last", date), date)
        if row.get("value") is not None:
            unit = re.sub(r"\W+", "_", _value(row, "unit") or "units").strip("_") or "units"
            data[f"quantity_{unit}"] = data.get(f"quantity_{unit}", 0.0) + float(_value(row, "value"))
    for _, _, data in graph.edges(data=True):
        data["dates"].sort()
    return graph
