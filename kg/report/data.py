"""What ``kg report`` shows, read from the store with SPARQL: plain Python data, no HTML.

Kept apart from the page so the numbers can be tested (and reused in a
notebook) without parsing markup.  Dates are the meeting's, else the
transcript's publication date, as everywhere in irkg.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kg.model import COMMITMENT_TYPES
from kg.store.results import to_python
from kg.store.protocol import Store


_MEETING_YEARS = """
SELECT ?year (COUNT(DISTINCT ?meeting) AS ?meetings) WHERE {
  ?meeting a irkg:Meeting ; irkg:date ?date .
  BIND(SUBSTR(STR(?date), 1, 4) AS ?year)
} GROUP BY ?year ORDER BY ?year"""

# Partners: the countries at a meeting other than the one that published its transcript.
_PARTNERS = """
SELECT ?code ?name (COUNT(DISTINCT ?meeting) AS ?meetings) WHERE {
  { SELECT DISTINCT ?meeting ?c ?publisher WHERE {
      GRAPH ?g { ?meeting a irkg:Meeting ; irkg:reportedIn ?t ; irkg:participant ?p . }
      GRAPH ?pg { ?p irkg:holdsTenure ?tenure } GRAPH ?tng { ?tenure irkg:officeOfCountry ?c }
      OPTIONAL { GRAPH ?tg { ?t irkg:publisherCountry ?publisher } } } }
  FILTER(!BOUND(?publisher) || ?c != ?publisher)
  ?c irkg:alpha3 ?code . OPTIONAL { ?c rdfs:label ?name }
} GROUP BY ?code ?name ORDER BY DESC(?meetings) ?code"""

_COMMITMENTS = """
SELECT ?type ?status ?year (COUNT(DISTINCT ?k) AS ?n) WHERE {
  { SELECT ?k ?type ?status (MIN(?d) AS ?date) WHERE {
      GRAPH ?o { ?class rdfs:subClassOf irkg:Commitment }
      GRAPH ?g { ?k a ?class ; irkg:status ?s ; irkg:inTranscript ?t . }
      OPTIONAL { GRAPH ?mg { ?m irkg:reportedIn ?t ; irkg:date ?md } }
      OPTIONAL { GRAPH ?tg { ?t irkg:published ?pd } }
      BIND(COALESCE(?md, ?pd) AS ?d)
      BIND(STRAFTER(STR(?class), "#") AS ?type) BIND(STRAFTER(STR(?s), "#") AS ?status)
    } GROUP BY ?k ?type ?status }
  BIND(COALESCE(SUBSTR(STR(?date), 1, 4), "undated") AS ?year)
} GROUP BY ?type ?status ?year"""

_FIGURES = """
SELECT ?figure ?value ?unit ?about ?speaker ?quote ?date WHERE {
  { SELECT ?figure (SAMPLE(?v) AS ?value) (SAMPLE(?u) AS ?unit) (SAMPLE(?a) AS ?about) (SAMPLE(?sp) AS ?speaker)
           (SAMPLE(?q) AS ?quote) (MIN(?d) AS ?date) WHERE {
      GRAPH ?g { ?figure a irkg:Figure ; irkg:value ?v ; irkg:unit ?u ; irkg:inTranscript ?t ; irkg:evidence/oa:exact ?q .
                 OPTIONAL { ?figure irkg:about ?a } OPTIONAL { ?figure irkg:assertedBy ?speakerNode } }
      OPTIONAL { GRAPH ?sg { ?speakerNode foaf:name ?sp } }
      OPTIONAL { GRAPH ?mg { ?m irkg:reportedIn ?t ; irkg:date ?md } }
      OPTIONAL { GRAPH ?tg { ?t irkg:published ?pd } }
      BIND(COALESCE(?md, ?pd) AS ?d)
    } GROUP BY ?figure }
}"""


@dataclass
class ReportData:
    """Everything the report page draws."""

    totals: dict[str, int]
    first: str | None
    last: str | None
    meetings_per_year: list[tuple[str, int]]
    partners: list[tuple[str, str, int]]                      # code, name, meetings
    commitments: dict[str, dict[str, Counter]]                # type -> year -> status counts
    figures: dict[str, list[dict]]                            # topic -> its latest figures, with quotes
    followups: int = 0
    validation: dict | None = None                            # counts and the commonest messages
    model_card: list[tuple[str, list[list[str]]]] = field(default_factory=list)  # (heading, table rows)


def collect(store: Store, *, figures_per_topic: int = 3, topics: int = 6) -> ReportData:
    """Read the report's numbers from ``store`` (validation and model card are added by the caller)."""
    from kg.store.stats import store_stats

    totals = store_stats(store)["totals"]
    years = [(str(to_python(r["year"])), int(to_python(r["meetings"]))) for r in store.query(_MEETING_YEARS)]
    dates = next(iter(store.query("SELECT (MIN(?d) AS ?first) (MAX(?d) AS ?last) WHERE { ?m a irkg:Meeting ; irkg:date ?d }")), {})
    partners = [(r["code"].value, r["name"].value if "name" in r else r["code"].value, int(r["meetings"].value))
                for r in store.query(_PARTNERS)]
    # every type of the model, in its order, even with no commitment; then any other the store holds
    commitments: dict[str, dict[str, Counter]] = {t: defaultdict(Counter) for t in COMMITMENT_TYPES}
    for r in store.query(_COMMITMENTS):
        commitments.setdefault(r["type"].value, defaultdict(Counter))[r["year"].value][r["status"].value] \
            += int(r["n"].value)
    followups = int(next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?a irkg:continues ?b }")))["n"].value)
    return ReportData(totals, _text(dates.get("first")), _text(dates.get("last")), years, partners,
                      {t: dict(v) for t, v in commitments.items()}, _top_figures(store, figures_per_topic, topics),
                      followups)


def _text(term) -> str | None:
    return None if term is None else term.value


def _top_figures(store: Store, per_topic: int, topics: int) -> dict[str, list[dict]]:
    """The things leaders most often put a number on ("trade", "investment"), each with its latest figures.

    Grouped by what a figure is about, because the largest numbers alone are
    mostly misreadings and world totals; one row per quote.
    """
    by_about: dict[str, list[dict]] = defaultdict(list)
    for row in store.query(_FIGURES):
        item = {k: to_python(v) for k, v in row.items()}
        if item.get("about"):
            by_about[str(item["about"]).lower()].append(item)
    common = sorted(by_about, key=lambda a: (-len(by_about[a]), a))[:topics]
    out = {}
    for about in common:
        seen, chosen = set(), []
        for item in sorted(by_about[about], key=lambda i: str(i.get("date") or ""), reverse=True):
            if item["quote"] not in seen:
                seen.add(item["quote"])
                chosen.append(item)
            if len(chosen) == per_topic:
                break
        out[f"{about} ({len(by_about[about])} figures)"] = chosen
    return out


def summarise_validation(report) -> dict:
    """Violation and warning counts and the five commonest messages of a validation report."""
    messages = Counter((r.severity, r.message) for r in report.results)
    return {"graphs": report.graphs, "violations": report.violations, "warnings": report.warnings,
            "top": [(severity, message, n) for (severity, message), n in messages.most_common(5)]}


_TABLE_ROW = re.compile(r"^\|(.+)\|\s*$")


def read_model_card(path: Path) -> list[tuple[str, list[list[str]]]]:
    """The tables of a Markdown model card that sit under a heading about scores, with that heading.

    Only tables, so the report shows the measured numbers and leaves the prose
    to the card itself; a heading counts when it mentions score, F1, eval,
    precision or how good.
    """
    if not path.is_file():
        return []
    sections, heading, rows = [], "", []
    wanted = re.compile(r"score|f1|eval|precision|how good|result", re.IGNORECASE)
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        match = _TABLE_ROW.match(line.strip())
        if match:
            cells = [c.strip() for c in match.group(1).split("|")]
            if not all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
                rows.append(cells)
            continue
        if rows:
            if wanted.search(heading):
                sections.append((heading, rows))
            rows = []
        if line.startswith("#"):
            heading = line.lstrip("#").strip()
    return sections
