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
        rus, aze = (f"https://w3id.org/irkg/id/country/{code}" for code in ("RUS", "AZE"))
        assert set(graph.nodes) == {rus, aze}
        assert graph.nodes[aze]["iso3"] == "AZE" and graph.nodes[rus]["iso3"] == "RUS"
        assert graph.has_edge(rus, aze)
        edge = graph.edges[rus, aze]
        assert edge["weight"] == 1 and edge["dates"] == ["2021-07-20"]
        assert edge["meetings"] == ["https://w3id.org/irkg/id/meeting/2021-07-20-aze-rus-aliyev-putin"]
