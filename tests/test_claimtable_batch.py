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


class _Recording:
    """A connection that notes the text of each statement it is given."""

    def __init__(self, db) -> None:
        self.db, self.texts = db, set()

    def execute(self, sql, *args):
        self.texts.add(sql)
        return self.db.execute(sql, *args)

    def executemany(self, sql, *args):
        self.texts.add(sql)
        return self.db.executemany(sql, *args)

    def __getattr__(self, name):
        return getattr(self.db, name)


def test_the_statements_of_a_batch_do_not_depend_on_its_size():
    """Each distinct statement text stays in the connection's statement cache (up to 128 of them): lists
    of values spliced in as ``IN (?, ?, ...)`` made one a batch size, and the writer's memory grew with
    the number of batches (``mem25-notes.md``)."""
    rng = random.Random(25)
    iris = [f"https://example.org/claim/{n}" for n in range(40)]
    with ClaimTable() as table:
        texts = []
        for size in (1, 3, 7, 30, 600):
            table._db = recording = _Recording(table._db)
            table.written_all([(f"https://example.org/graph/{size}-{n}", _rows(rng, iris)) for n in range(size)])
            table._db = recording.db
            texts.append(recording.texts)
        every = set().union(*texts)  # the same few texts whatever the size (one more deletes spent words)
        assert len(every) <= max(map(len, texts)) and sum(text.startswith("SELECT") for text in every) == 2
