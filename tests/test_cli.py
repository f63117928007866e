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
    assert main(["extract", "-f", "json", str(AZE)]) == 0
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


def _subparsers() -> dict:
    parser = build_parser()
    action = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return action.choices


def test_a_command_line_builds_only_its_verbs_arguments():
    # kg query need not import what kg build's options take their defaults from (the extraction pipeline)
    query = build_parser(["-q", "query", "-e", "ASK {}", "--offset", "5"])
    args = query.parse_args(["-q", "query", "-e", "ASK {}", "--offset", "5"])
    assert (args.command, args.expression, args.offset, args.quiet) == ("query", "ASK {}", 5, True)
    with pytest.raises(SystemExit):  # the other verbs are there, without their options
        query.parse_args(["build", "--reader", "rules", "x.txt"])
    assert build_parser(["build", "x.txt"]).parse_args(["build", "--reader", "rules", "x.txt"]).reader == "rules"
    assert set(build_parser(["--help"]).get_default("commands")) == set(_commands())


def test_every_option_is_documented_and_every_command_has_examples():
    for name, sub in _subparsers().items():
        for action in sub._actions:
            assert action.help, f"kg {name} {action.option_strings or action.dest}: no help text"
        assert sub.epilog and sub.epilog.startswith("examples:"), f"kg {name} --help shows no example"
        for line in sub.epilog.splitlines()[1:]:
            assert line.strip().split()[0:2] in (["kg", name], ["cat", "page.txt"]), line


def test_output_options_are_shared_and_formats_come_from_one_table():
    from kg.cli.output import FORMATS

    subs = _subparsers()
    for name, sub in subs.items():
        flags = {flag: action for action in sub._actions for flag in action.option_strings}
        if name not in FORMATS:
            assert "-o" not in flags and "-f" not in flags, f"kg {name} writes no output but takes -o/-f"
            continue
        assert flags["-o"].option_strings == ["-o", "--output"]
        if len(FORMATS[name].names) > 1:
            assert tuple(flags["-f"].choices) == FORMATS[name].names


def test_json_option_is_a_deprecated_alias_of_format_json(tmp_path, capsys):
    assert main(["extract", "-f", "json", str(AZE)]) == 0
    new = capsys.readouterr()
    assert main(["extract", "--json", str(AZE)]) == 0
    old = capsys.readouterr()
    assert old.out == new.out and json.loads(new.out)["meeting"]["date"] == "2021-07-20"
    assert "--json is deprecated; use -f json" in old.err and "deprecated" not in new.err
    assert "--json" not in _subparsers()["extract"].format_help()  # hidden: -f json is what is documented


def test_the_older_build_format_option_still_reads_the_transcript_format(capsys):
    args = build_parser().parse_args(["build", "--format", "kremlin", str(AZE)])
    assert args.transcript_format == "kremlin"
    assert build_parser().parse_args(["build", str(AZE)]).transcript_format == "auto"


@pytest.fixture(scope="module")
def aze_store(tmp_path_factory) -> str:
    store = str(tmp_path_factory.mktemp("cli-store") / "store")
    assert main(["build", "-q", "--no-validate", "--store", store, str(AZE)]) == 0
    return store


def test_network_format_option_writes_any_format_to_stdout(aze_store, capsysbinary):
    assert main(["network", "countries", "--store", aze_store, "-f", "graphml"]) == 0
    out = capsysbinary.readouterr().out
    assert out.startswith(b"<?xml") and b"<graphml" in out
    assert main(["network", "countries", "--store", aze_store]) == 0  # no -f, no -o: node-link JSON
    assert "links" in json.loads(capsysbinary.readouterr().out)


def test_network_format_option_beats_the_suffix(aze_store, tmp_path):
    out = tmp_path / "net.txt"
    assert main(["network", "countries", "--store", aze_store, "-f", "csv", "-o", str(out), "-q"]) == 0
    assert out.read_text(encoding="utf-8").startswith("source,target,")


def test_report_goes_to_stdout_with_dash(aze_store, capsys):
    assert main(["report", "--store", aze_store, "--no-validate", "-o", "-"]) == 0
    written = capsys.readouterr()
    assert written.out.lstrip().lower().startswith("<!doctype html") and written.err == ""


def test_a_failed_output_leaves_no_partial_file(aze_store, tmp_path, capsys):
    target = tmp_path / "graph.ttl"
    target.write_text("old", encoding="utf-8")
    assert main(["export", "--store", aze_store, "--graph", "https://example.org/none", "-o", str(target)]) == 2
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_the_readme_tour_gives_the_counts_the_examples_build_to(tmp_path, capsys):
    """The README's first command is what a newcomer runs: its printed counts must be today's."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    store = tmp_path / "kg-store"
    assert main(["build", str(ROOT / "examples" / "transcripts"), "--store", str(store)]) == 0
    summary = capsys.readouterr().err
    assert main(["stats", "--store", str(store)]) == 0
    stats = capsys.readouterr().out
    built = re.search(r"meetings (\d+), triples (\d+)", summary)
    documented = re.search(r"meetings (\d+), triples (\d+), [\d.]+ s -> kg-store", readme)
    assert built and documented and built.groups() == documented.groups()
    for field in ("transcripts", "meetings", "leaders", "countries", "commitments", "figures", "triples"):
        said = re.search(rf"^{field} +(\d+)$", readme, re.M)
        found = re.search(rf"^{field} +(\d+)$", stats, re.M)
        assert said and found and said.group(1) == found.group(1), field
