"""``kg stats``: what is in a store, counted with SPARQL.

Counts come from the graph itself, never from a side file, so they are true
for a store built by any version of irkg or loaded by hand.
"""

from __future__ import annotations

from typing import Any

from kg.store.protocol import Store

_TOTALS = """
SELECT
  (COUNT(DISTINCT ?transcript) AS ?transcripts)
  (COUNT(DISTINCT ?meeting) AS ?meetings)
  (COUNT(DISTINCT ?leader) AS ?leaders)
  (COUNT(DISTINCT ?country) AS ?countries)
  (COUNT(DISTINCT ?commitment) AS ?commitments)
  (COUNT(DISTINCT ?figure) AS ?figures)
WHERE {
  { ?transcript a irkg:Transcript }
  UNION { ?meeting a irkg:Meeting }
  UNION { ?meeting_ irkg:participant ?leader }
  UNION { ?transcript_ irkg:mentionsCountry ?country }
  UNION { ?commitment irkg:byCountry|irkg:toCountry|irkg:status ?any_ }
  UNION { ?figure a irkg:Figure }
}
"""

_PER_GRAPH = """
SELECT ?graph (COUNT(*) AS ?triples) (SAMPLE(?src) AS ?source) WHERE {
  GRAPH ?graph { ?s ?p ?o . OPTIONAL { ?s irkg:source ?src } }
} GROUP BY ?graph ORDER BY ?graph
"""


def _number(term: Any) -> int:
    return int(term.value) if term is not None else 0


def store_stats(store: Store, per_graph: bool = False) -> dict[str, Any]:
    """Totals (transcripts, meetings, leaders met, countries mentioned, claims, graphs, triples)."""
    row = next(iter(store.query(_TOTALS)), {})
    totals = {name: _number(row.get(name)) for name in
              ("transcripts", "meetings", "leaders", "countries", "commitments", "figures")}
    totals["graphs"] = len(store.graphs())
    totals["triples"] = store.count()
    stats: dict[str, Any] = {"totals": totals}
    if per_graph:
        stats["graphs"] = [
            {"graph": r["graph"].value, "triples": _number(r.get("triples")),
             "source": r["source"].value if r.get("source") is not None else None}
            for r in store.query(_PER_GRAPH)
        ]
    return stats
