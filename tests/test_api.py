"""The public API named in kg.__all__ works end to end on a real transcript."""

from __future__ import annotations

from pathlib import Path

import kg

AZE = Path(__file__).resolve().parent / "data" / "dev" / "kremlin-2021-07-20-azerbaijan.txt"


def test_every_public_name_resolves():
    for name in kg.__all__:
        assert getattr(kg, name) is not None


def test_public_api_end_to_end():
    doc = kg.process(kg.read(str(AZE)))
    assert doc.meeting.date == "2021-07-20"
    with kg.open_store("memory") as store:
        result = kg.build([str(AZE)], store)
        assert result.ok and result.built == 1
        report = kg.validate(store)
        assert report.conforms
        rows = kg.query(store, "SELECT (COUNT(*) AS ?n) WHERE { ?m a irkg:Meeting }")
        assert int(next(iter(rows))["n"].value) == 1
        graph = kg.to_networkx(store, kind="countries")
        assert graph.has_edge("RUS", "AZE") or any("AZE" in str(n) for n in graph.nodes)
