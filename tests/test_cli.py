"""The kg command: exit codes, messages, and that every verb is documented."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import rdflib

from kg.cli import build_parser, main

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "data" / "dev"
AZE = DEV / "kremlin-2021-07-20-azerbaijan.txt"


def _commands() -> list[str]:
    return sorted(build_parser().get_default("commands"))


def test_every_command_is_in_help_and_readme(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    help_text = capsys.readouterr().out
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in _commands():
        assert re.search(rf"\b{name}\b", help_text), f"{name} missing from kg --help"
        assert f"kg {name}" in readme, f"kg {name} is not documented in README.md"


def test_no_command_is_a_usage_error(capsys):
    assert main([]) == 2


def test_build_memory_store_reports_summary(capsys):
    assert main(["build", "--store", "memory", str(AZE)]) == 0
    err = capsys.readouterr().err
    assert re.search(r"read 1, built 1, skipped 0, failed 0, meetings 1, triples \d+", err)


def test_build_goes_on_past_a_bad_file_and_exits_1(tmp_path, capsys):
    bad = tmp_path / "empty.txt"
    bad.write_text("   \n", encoding="utf-8")
    shutil.copy(AZE, tmp_path / "aze.txt")
    store = tmp_path / "store"
    assert main(["build", "--store", str(store), str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert [line for line in err.splitlines() if line.startswith("error:")] == [
        line for line in err.splitlines() if "empty.txt" in line and line.startswith("error:")]
    assert "built 1" in err and "failed 1" in err


def test_rebuild_keeps_triple_count_and_export_parses(tmp_path, capsys):
    store = str(tmp_path / "store")

    def stats() -> tuple[dict, dict]:
        assert main(["stats", "--store", store, "-f", "json", "--per-graph"]) == 0
        found = json.loads(capsys.readouterr().out)
        # the metadata graph gains each build's prov:Activity; every other graph stays as it was
        graphs = {g["graph"]: g["triples"] for g in found["graphs"] if not g["graph"].endswith("/metadata")}
        return {k: v for k, v in found["totals"].items() if k != "triples"}, graphs

    assert main(["build", "-q", "--store", store, str(AZE)]) == 0
    first = stats()
    assert main(["build", "-q", "--store", store, str(AZE)]) == 0
    assert stats() == first
    assert first[0]["transcripts"] == 1 and first[0]["meetings"] == 1
    for fmt, rdflib_format in (("turtle", "turtle"), ("trig", "trig"), ("nquads", "nquads")):
        out = tmp_path / f"graph.{fmt}"
        assert main(["export", "--store", store, "-f", fmt, "-o", str(out)]) == 0
        g = rdflib.Dataset() if fmt in ("trig", "nquads") else rdflib.Graph()
        g.parse(out, format=rdflib_format)
        assert len(g) > 0 or sum(1 for _ in g.quads()) > 0


def test_extract_json_has_the_gold_shape(capsys):
    assert main(["extract", "--json", str(AZE)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert set(record) >= {"meeting", "participants", "countries", "commitments", "figures"}
    assert record["meeting"]["date"] == "2021-07-20"
    assert {"AZE", "RUS"} <= set(record["countries"])


def test_extract_missing_file_is_one_line_and_exit_1(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "nope.txt")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "nope.txt" in err[0]


def test_eval_prints_table_and_min_f1_fails(capsys):
    assert main(["eval", str(DEV)]) == 0
    out = capsys.readouterr().out
    assert "commitments" in out and "figures" in out and "meeting.date" in out
    assert main(["eval", str(DEV), "--min-f1", "1.01"]) == 1


def test_eval_on_a_folder_without_gold_is_an_input_error(tmp_path, capsys):
    assert main(["eval", str(tmp_path)]) == 2
    assert "gold" in capsys.readouterr().err


@pytest.mark.parametrize("verb", [["stats"], ["export"], ["query", "-e", "ASK {}"], ["network", "countries"],
                                  ["validate"]])
def test_reading_a_missing_store_is_an_error_and_creates_nothing(tmp_path, capsys, verb):
    missing = tmp_path / "no-store"
    assert main([*verb, "--store", str(missing)]) == 2
    assert "no store here" in capsys.readouterr().err
    assert not missing.exists()


def test_export_format_follows_the_output_suffix(tmp_path):
    store = str(tmp_path / "store")
    assert main(["build", "-q", "--no-validate", "--store", store, str(AZE)]) == 0
    out = tmp_path / "graph.trig"
    assert main(["export", "--store", store, "-o", str(out)]) == 0
    dataset = rdflib.Dataset()
    dataset.parse(out, format="trig")
    assert len({g.identifier for g in dataset.graphs()}) > 2  # named graphs kept: TriG, not Turtle


def test_a_base_without_a_trailing_slash_builds_and_validates(tmp_path):
    """`--base https://example.org/id` and `.../id/` mint the same graphs, and the store conforms."""
    from kg.cli import main
    from kg.store.embedded import OxigraphStore

    page = Path(__file__).resolve().parent / "data" / "dev" / "kremlin-2021-07-20-azerbaijan.txt"
    graphs = {}
    for base in ("https://example.org/id", "https://example.org/id/"):
        store = tmp_path / base.rstrip("/").replace(":", "").replace("/", "_").replace(".", "_") / ("s" + str(len(base)))
        assert main(["build", str(page), "--store", str(store), "--base", base, "-q"]) == 0
        assert main(["validate", "--store", str(store)]) == 0
        with OxigraphStore(store, read_only=True) as opened:
            graphs[base] = sorted(g.value for g in opened.graphs())
    assert graphs["https://example.org/id"] == graphs["https://example.org/id/"]
    assert "https://example.org/id/graph/reference" in graphs["https://example.org/id"]
