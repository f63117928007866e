"""`kg build --out nquads DIR`: gzip N-Quads shards that load into the very store a build writes.

The promise tested here: loading every shard into an empty store gives the
quads of ``kg build --store`` on the same inputs — transcript graphs, the
entities graph, the contributions ledger, the reference graph, the follow-up
links and the metadata graph — except what two builds can never share: the
build's times (prov:startedAtTime, prov:endedAtTime, dcterms:modified) and
the build's IRI, which is made from them.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import subprocess
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.building.builder import build
from kg.building.sink import ShardSink
from kg.cli import main
from kg.errors import KgError, StoreError
from kg.store.embedded import OxigraphStore
from kg.store.serve import OxigraphServer, oxigraph_binary

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "data" / "dev"
#: two White House readouts of Biden and Macron, January and June 2021: the one follow-up link of
#: data/annotated/dev (a promise of the first taken up in the second)
FOLLOWED = [ROOT / "data" / "annotated" / "dev" / f"whitehouse-2021-{name}.txt" for name in (
    "01-24-readout-of-president-joseph-r-biden-jr-call-with-president-emmanuel-m",
    "06-12-readout-of-president-bidens-meeting-with-president-emmanuel-macron-of")]
BUILD_TIMES = {"http://www.w3.org/ns/prov#startedAtTime", "http://www.w3.org/ns/prov#endedAtTime",
               "http://purl.org/dc/terms/modified"}


def normalised(quads) -> list[str]:
    """Sorted N-Quads, the build's times and the build's IRI (a hash of them) blanked in the metadata graph."""
    out = []
    for q in quads:
        subject, obj = q.subject, q.object
        if q.graph_name.value.endswith("/graph/metadata"):
            subject = ox.NamedNode("urn:the-build") if "/id/build/" in subject.value else subject
            if isinstance(obj, ox.NamedNode) and "/id/build/" in obj.value:
                obj = ox.NamedNode("urn:the-build")
            if q.predicate.value in BUILD_TIMES:
                obj = ox.Literal("the time")
        out.append(str(ox.Quad(subject, q.predicate, obj, q.graph_name)))
    return sorted(out)


def loaded(folder: Path) -> ox.Store:
    """Every shard of ``folder`` bulk-loaded into an empty memory store."""
    store = ox.Store()
    for shard in sorted(folder.glob("*.nq.gz")):
        with gzip.open(shard) as stream:
            store.bulk_load(stream, ox.RdfFormat.N_QUADS)
    return store


@pytest.fixture(scope="module")
def dev_shards(tmp_path_factory) -> Path:
    """tests/data/dev built into shards of 500 quads, with the library's defaults as ``dev_store``."""
    folder = tmp_path_factory.mktemp("shards") / "dev-shards"
    with ShardSink(folder, 500) as sink:
        assert build([str(DEV)], sink).ok
    return folder


def test_loaded_shards_hold_exactly_the_quads_of_a_store_build(dev_shards, dev_store):
    shards = loaded(dev_shards)
    assert len(shards) == len(dev_store.raw)
    assert normalised(shards) == normalised(dev_store.raw)
    graphs = {q.graph_name.value.rsplit("/", 1)[-1] for q in shards}
    assert {"entities", "contributions", "reference", "metadata"} <= graphs and len(graphs) == 11
    # the shared graphs each come once, at the end, after every transcript graph
    lines = [line for shard in sorted(dev_shards.glob("*.nq.gz")) for line in gzip.open(shard, "rt")]
    first_shared = min(i for i, line in enumerate(lines) if line.endswith("/graph/entities> .\n"))
    assert all("/graph/entities> ." in line or "/graph/contributions> ." in line or "/graph/reference> ." in line
               or "/graph/metadata> ." in line for line in lines[first_shared:])


def test_shards_hold_at_most_the_shard_size_and_the_manifest_lists_them(dev_shards, dev_store):
    manifest = json.loads((dev_shards / "manifest.json").read_text())
    names = [s["file"] for s in manifest["shards"]]
    assert names == [f"part-{i:05d}.nq.gz" for i in range(len(names))]
    assert len(names) == -(-len(dev_store.raw) // 500)  # every shard but the last full
    assert sorted(p.name for p in dev_shards.iterdir()) == sorted(names + ["manifest.json"])
    for shard in manifest["shards"]:
        data = (dev_shards / shard["file"]).read_bytes()
        assert (len(data), hashlib.sha256(data).hexdigest()) == (shard["bytes"], shard["sha256"])
        assert gzip.decompress(data).count(b"\n") == shard["quads"] <= 500
    assert manifest["quads"] == len(dev_store.raw) and manifest["graphs"] == len(dev_store.graphs())
    assert (manifest["format"], manifest["compression"]) == ("application/n-quads", "gzip")
    assert manifest["shard_size"] == 500
    assert [p.name for p in dev_shards.parent.iterdir()] == ["dev-shards"]  # no partial folder left beside


def test_followups_and_a_transcript_taken_back_come_out_as_in_a_store(tmp_path):
    # two files of one name: the second replaces the first, in a store as in the shards
    for folder, page in (("a", "kremlin-2013-03-04-ukraine.txt"), ("b", "kremlin-2019-05-23-congo.txt")):
        (tmp_path / folder).mkdir()
        shutil.copy(DEV / page, tmp_path / folder / "x.txt")
    inputs = [str(tmp_path / "a" / "x.txt"), *map(str, FOLLOWED), str(tmp_path / "b" / "x.txt")]
    store = OxigraphStore(None)
    in_store = build(inputs, store)
    with ShardSink(tmp_path / "out", 100) as sink:
        in_shards = build(inputs, sink)
    assert in_store.removed == in_shards.removed == 1
    shards = loaded(tmp_path / "out")
    assert normalised(shards) == normalised(store.raw)
    assert any(q.graph_name.value.endswith("/graph/followups") for q in shards)
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    names = [s["file"] for s in manifest["shards"]]
    assert names == [f"part-{i:05d}.nq.gz" for i in range(len(names))]  # numbered again after the rewrite
    assert all(0 < s["quads"] <= 100 for s in manifest["shards"]) and manifest["quads"] == len(store.raw)


def test_a_build_that_stops_leaves_the_folder_as_it_was(tmp_path):
    def stop(done: int, total: int, source: str) -> None:
        if done == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt), ShardSink(tmp_path / "new") as sink:
        build([str(DEV)], sink, progress=stop)
    assert list(tmp_path.iterdir()) == []  # neither the folder nor a partial one
    with ShardSink(tmp_path / "out") as sink:
        build([str(DEV / "kremlin-2013-03-04-ukraine.txt")], sink)
    before = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()}
    with pytest.raises(KeyboardInterrupt), ShardSink(tmp_path / "out") as sink:
        build([str(DEV)], sink, progress=stop)
    assert {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_earlier_shards_are_replaced_and_other_folders_refused(tmp_path):
    page = str(DEV / "kremlin-2013-03-04-ukraine.txt")
    for size in (100, 1000):
        with ShardSink(tmp_path / "out", size) as sink:
            build([page], sink)
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    listed = sorted([s["file"] for s in manifest["shards"]] + ["manifest.json"])
    assert manifest["shard_size"] == 1000 and sorted(p.name for p in (tmp_path / "out").iterdir()) == listed
    assert len(listed) - 1 == -(-manifest["quads"] // 1000)  # the shards of 100 quads are gone
    assert [p.name for p in tmp_path.iterdir()] == ["out"]
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    with pytest.raises(StoreError, match="not empty and not shards"):
        ShardSink(tmp_path / "mine")
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match="is a file"):
        ShardSink(tmp_path / "file")
    assert (tmp_path / "mine" / "notes.txt").read_text() == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "mine", "out"]


def test_incremental_options_are_refused(tmp_path, capsys):
    with pytest.raises(KgError, match="prune"), ShardSink(tmp_path / "lib") as sink:
        build([str(DEV)], sink, prune=True)
    for flag in ("--prune", "--rebuild"):
        assert main(["build", str(DEV), "--out", "nquads", str(tmp_path / "cli"), flag]) == 2
        assert f"{flag} cannot go with --out" in capsys.readouterr().err
    assert main(["build", str(DEV), "--out", "turtle", str(tmp_path / "cli")]) == 2
    assert "--out nquads DIR" in capsys.readouterr().err
    assert main(["build", str(DEV), "--store", "memory", "--shard-size", "10"]) == 2
    assert "--shard-size goes with --out" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_cli_build_out_nquads(tmp_path, capsys, dev_store):
    out = tmp_path / "shards"
    assert main(["build", str(DEV), "--out", "nquads", str(out), "--shard-size", "1000", "-j", "1",
                 "--no-validate"]) == 0
    assert capsys.readouterr().err.endswith(f"-> {out} ({-(-len(dev_store.raw) // 1000)} gzip N-Quads shard(s), {len(dev_store.raw)} quads)\n")
    assert normalised(loaded(out)) == normalised(dev_store.raw)


def _sparql(url: str, query: str) -> list[dict]:
    request = urllib.request.Request(f"{url}/query?{urllib.parse.urlencode({'query': query})}",
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)["results"]["bindings"]


def test_the_oxigraph_load_recipe_serves_what_the_build_stored(dev_shards, dev_store, tmp_path):
    """docs/bulk-load.md: ``oxigraph load`` of every shard, then the Oxigraph server on 127.0.0.1."""
    try:
        binary = oxigraph_binary()
    except StoreError:
        pytest.skip("the oxigraph command is not installed (pip install oxigraph)")
    location = tmp_path / "loaded"
    subprocess.run([binary, "load", "--location", str(location), "--file",
                    *map(str, sorted(dev_shards.glob("*.nq.gz")))], check=True, capture_output=True)
    with OxigraphServer(location) as server:
        rows = _sparql(server.url, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    served = {row["g"]["value"]: int(row["n"]["value"]) for row in rows}
    assert served == dict(Counter(q.graph_name.value for q in dev_store.raw))
    assert normalised(ox.Store.read_only(str(location))) == normalised(dev_store.raw)


def test_the_writer_keeps_every_line_in_order_across_batches_and_shards(tmp_path):
    from kg.store.shards import ShardWriter

    lines = [f"<urn:x:{i}> <urn:x:p> \"{i}\" <urn:x:g> .\n" for i in range(25_000)]
    writer = ShardWriter(tmp_path / "out", size=10_000)
    assert writer.write(iter(lines[:12_000])) == (0, 1) and writer.write(iter(lines[12_000:])) == (1, 2)
    manifest = writer.commit()
    assert [s["quads"] for s in manifest["shards"]] == [10_000, 10_000, 5_000]
    written = [line for s in manifest["shards"] for line in gzip.open(tmp_path / "out" / s["file"], "rt")]
    assert written == lines
