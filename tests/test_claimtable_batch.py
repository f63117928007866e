"""The claim table's writes of many graphs at once (a bulk batch) leave it as one write a graph does."""

from __future__ import annotations

import random

from kg.building.claimtable import ClaimTable


def _rows(rng: random.Random, iris: list[str]) -> list[tuple]:
    """A graph's claim rows: IRIs shared with other graphs (a claim reported twice), words drawn from few."""
    words = ["pipeline", "gas", "grain", "visa", "nuclear", "trade", "port", "bank"]
    return [(iri, f"thread-{rng.randrange(3)}", rng.choice(["promised", "done"]), [iri, rng.randrange(9)],
             set(rng.sample(words, rng.randrange(1, 4)))) for iri in rng.sample(iris, rng.randrange(0, 5))]


def _state(table: ClaimTable) -> tuple:
    rows = sorted(table._db.execute("SELECT * FROM claims"))
    pending = sorted(table._db.execute("SELECT graph FROM pending"))
    return rows, table.graphs(), dict(table.words), pending


def test_graphs_written_together_leave_the_table_one_write_a_graph_leaves():
    rng = random.Random(14)
    iris = [f"https://example.org/claim/{n}" for n in range(12)]
    earlier = [(f"https://example.org/graph/e{n}", _rows(rng, iris)) for n in range(6)]
    batches = [[(f"https://example.org/graph/b{k}-{n}", _rows(rng, iris)) for n in range(rng.randrange(1, 8))]
               for k in range(5)]
    batches.append([("https://example.org/graph/e2", _rows(rng, iris)), ("https://example.org/graph/e4", [])])
    with ClaimTable() as one_by_one, ClaimTable() as together:
        for table in (one_by_one, together):
            for graph, rows in earlier:
                table.written(graph, rows)
            table.commit()
        for batch in batches:
            for table in (one_by_one, together):
                table._db.executemany("INSERT OR IGNORE INTO pending VALUES (?)", ((g,) for g, _ in batch))
            for graph, rows in batch:
                one_by_one.written(graph, rows)
            together.written_all(batch)
            assert _state(together) == _state(one_by_one)
        assert together.size > 6 and sum(together.words.values()) > 6 and not _state(together)[3]
