"""What a build's writer keeps while it writes stays bounded, whatever the size of the corpus (issue 14).

Every SQLite file the writer holds open between its writes (the build record,
the claims and counts kept beside the store, the on-disk sets and lists of
:mod:`kg.store.ondisk`) fills its page cache as the file grows, so each cache
must have a bound far below SQLite's default of 2 MB; and the flushes between
the writes let go of what the store keeps of its files past a lower threshold
than the store's other releases, since what stays then is carried into every
later window of writes.
"""

from __future__ import annotations

import sqlite3

import pyoxigraph as ox

from kg.building.builder import build
from kg.building.sink import StoreSink
from kg.extract.pipeline import pipeline_for
from kg.store.embedded import OxigraphStore

PAGE = """Meeting with President of Serbia Aleksandar Vucic

June {day}, 2020, The Kremlin, Moscow

Vladimir Putin held a meeting with President of Serbia Aleksandar Vucic.

Vladimir Putin: Mr President, we will deliver {day} million tonnes of wheat to Serbia.

Aleksandar Vucic: Thank you.
"""


def _cache_kb(db: sqlite3.Connection) -> int:
    """The most a connection's page cache may hold, in KB (a negative cache_size is KB, a positive pages)."""
    size = db.execute("PRAGMA cache_size").fetchone()[0]
    return -size if size < 0 else size * db.execute("PRAGMA page_size").fetchone()[0] // 1024


def test_every_sqlite_cache_the_writer_holds_while_it_writes_is_bounded(tmp_path, monkeypatch):
    import kg.building.builder as builder
    from kg.store import ondisk

    opened: list[sqlite3.Connection] = []
    connect = sqlite3.connect

    def recorded(*args, **kwargs):
        db = connect(*args, **kwargs)
        opened.append(db)
        return db

    caches: dict[int, int] = {}  # id of each connection open at a flush -> its cache bound in KB

    def looking(self: StoreSink) -> None:
        for db in opened:
            try:
                caches[id(db)] = _cache_kb(db)
            except sqlite3.ProgrammingError:  # closed already
                continue
        flush(self)

    flush = StoreSink.flush
    monkeypatch.setattr(sqlite3, "connect", recorded)
    monkeypatch.setattr(StoreSink, "flush", looking)
    monkeypatch.setattr(builder, "FLUSH_EVERY", 2)
    folder = tmp_path / "pages"
    folder.mkdir()
    for day in range(1, 7):
        (folder / f"p{day}.txt").write_text(PAGE.format(day=day), encoding="utf-8")
    with OxigraphStore(tmp_path / "store") as store:
        result = build([str(folder)], store, pipeline=pipeline_for("rules"), jobs=1)
    assert result.built == 6 and result.meetings == 6
    # the record, claims, counts, files listed, graphs of the batch, meetings and graphs written
    assert len(caches) >= 7, caches
    assert max(caches.values()) <= max(ondisk.CACHE_KB, ondisk.KEPT_CACHE_KB) < 2000


def test_the_flushes_between_writes_reopen_the_store_past_their_own_threshold(tmp_path, monkeypatch):
    from kg.building import sink
    from kg.store import embedded

    folder = tmp_path / "store"
    manifests = lambda: sorted(p.name for p in folder.glob("MANIFEST-*"))  # noqa: E731 (an opening writes one)
    monkeypatch.setattr(embedded, "RELEASE_ABOVE_MB", 10_000)  # the other releases: only flushed
    with OxigraphStore(folder) as store:
        writes = StoreSink(store)
        writes.write_graph(ox.NamedNode("urn:x:g"), [ox.Triple(ox.NamedNode("urn:x:s"), ox.NamedNode("urn:x:p"),
                                                               ox.Literal("o"))])
        opened = manifests()
        assert store.release_memory() and manifests() == opened
        monkeypatch.setattr(sink, "WRITES_RELEASE_ABOVE_MB", -1)  # any growth is more: reopened
        writes.flush()
        assert manifests() != opened
        monkeypatch.setattr(sink, "WRITES_RELEASE_ABOVE_MB", 10_000)
        reopened = manifests()
        writes.flush()
        assert manifests() == reopened and store.count() == 1


def test_a_large_build_flushes_its_last_window_before_the_follow_ups_are_linked(tmp_path, monkeypatch):
    import kg.building.builder as builder

    events: list[str] = []
    flush, link = StoreSink.flush, StoreSink.link_followups

    def flushing(self: StoreSink) -> None:
        events.append("flush")
        flush(self)

    def linking(self: StoreSink, base: str) -> None:
        events.append("link")
        link(self, base)

    monkeypatch.setattr(StoreSink, "flush", flushing)
    monkeypatch.setattr(StoreSink, "link_followups", linking)
    monkeypatch.setattr(builder, "FLUSH_EVERY", 2)
    folder = tmp_path / "pages"
    folder.mkdir()
    for day in range(1, 6):  # windows of 2, 2 and 1
        (folder / f"p{day}.txt").write_text(PAGE.format(day=day), encoding="utf-8")
    with OxigraphStore(tmp_path / "store") as store:
        assert build([str(folder)], store, pipeline=pipeline_for("rules"), jobs=1).built == 5
    assert events[:4] == ["flush", "flush", "flush", "link"]
