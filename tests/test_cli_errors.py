"""The kg command on bad input: one clear line naming the file, and the exit code that says what happened.

0 fine, 1 something failed or a threshold was missed, 2 the command could not
run (usage or input error).  Every case runs ``kg.cli.main`` in-process and
reads stderr; none may show a traceback.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.cli import main
from kg.cli.output import describe_record
from kg.cli.streams import Output, OutputError, Progress, printable

DEV = Path(__file__).resolve().parent / "data" / "dev"
AZE = DEV / "kremlin-2021-07-20-azerbaijan.txt"


def run(capsys, *argv: str) -> tuple[int, str, list[str]]:
    """Exit code, stdout and the lines of stderr of one ``kg`` run."""
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err.strip().splitlines()


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "data.csv").write_text("a,b\n", encoding="utf-8")
    (tmp_path / "broken.ttl").write_text("<urn:a> <urn:p> .\n", encoding="utf-8")
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "x.gold.json").write_text("{bad", encoding="utf-8")
    (tmp_path / "gold" / "x.txt").write_text("Talks.\n", encoding="utf-8")
    (tmp_path / "model.json").write_text(json.dumps({"format": 1}), encoding="utf-8")
    return tmp_path


# --- input errors: exit 2, one line naming the file ----------------------------------------


@pytest.mark.parametrize("argv, name, words", [
    (["validate", "{d}/data.csv"], "data.csv", "unknown RDF file type '.csv'"),
    (["validate", "{d}/broken.ttl"], "broken.ttl", "cannot read RDF"),
    (["eval", "{d}/gold"], "x.gold.json", "cannot read gold file"),
    (["extract", str(AZE), "--model", "{d}/missing.json"], "missing.json", "No such file or directory"),
    (["extract", str(AZE), "--model", "{d}/model.json"], "model.json", "not a reader model"),
    (["extract", str(AZE), "-o", "{d}/no/such/folder/out.json"], "out.json", "does not exist"),
    (["network", "countries", "--store", "memory", "-o", "{d}/net.txt"], "net.txt", "unknown network format"),
])
def test_a_bad_file_is_one_line_naming_it_and_exit_2(capsys, files, restore_model, argv, name, words):
    code, _, err = run(capsys, *[a.replace("{d}", str(files)) for a in argv])
    assert code == 2
    assert len(err) == 1 and name in err[0] and words in err[0]
    assert err[0].startswith(f"kg {argv[0]}: ")


@pytest.mark.parametrize("argv, words", [
    (["query", "--store", "memory"], "give a library query NAME, a .rq FILE, or -e 'SPARQL' (one of them)"),
    (["query", "no_such_query", "--store", "memory"], "no library query named 'no_such_query'"),
    (["query", "-e", "SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }", "--store", "memory"],
     "SERVICE clauses are off"),
    (["serve", "--store", "memory"], "serves a store directory: give --store DIR"),
    (["build", "--store", "memory", "--executor", "dask", str(AZE)], "--executor dask and --scheduler"),
    (["network", "countries", "--store", "memory", "--since", "2020"], "is not a date: write it as YYYY-MM-DD"),
    (["network", "countries", "--store", "memory", "--country", "XXX"], "no country with code XXX"),
    (["validate", "--store", "memory"], "nothing to validate"),
])
def test_usage_errors_say_what_to_do_and_exit_2(capsys, argv, words):
    code, _, err = run(capsys, *argv)
    assert code == 2 and words in err[0]


def test_a_syntax_error_in_a_query_points_at_the_place(capsys):
    code, _, err = run(capsys, "query", "-e", "SELEC nonsense", "--store", "memory")
    assert code == 2 and err[0].startswith("kg query: SPARQL syntax error at line 1")
    assert err[-1].strip() == "^"


@pytest.mark.parametrize("argv, option", [
    (["build", "--store", "memory", "--base", "not an iri", str(AZE)], "--base"),
    (["extract", str(AZE), "--reader", "oracle"], "--reader"),
    (["network", "--store", "memory"], "KIND"),
    (["build", "--store", "memory", "-j", "many", str(AZE)], "-j"),
])
def test_bad_options_are_argparse_usage_errors(capsys, argv, option):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and option in err and err.startswith("usage: kg ")


# --- partial failures: exit 1, the others go on -----------------------------------------------


def test_extract_goes_on_past_a_binary_file_and_exits_1(capsys, files):
    code, out, err = run(capsys, "extract", "-f", "json", files / "binary.txt", AZE)
    assert code == 1
    assert err == [f"error: {files / 'binary.txt'}: binary file (NUL bytes), not a text transcript"]
    record = json.loads(out)
    assert record["meeting"]["date"] == "2021-07-20"  # one good record: printed alone, not in a list


def test_a_build_over_the_turn_limit_names_the_file_and_the_option(capsys, monkeypatch):
    from kg.inputs.limits import TURNS_ENV

    monkeypatch.setenv(TURNS_ENV, "1000")  # the option sets it for build workers: monkeypatch restores it
    code, _, err = run(capsys, "build", "--store", "memory", "--no-validate", "--max-turns", "1", AZE)
    assert code == 1
    assert err[0] == (f"error: {AZE.name}: 8 speaker turns, over the limit of 1 for one transcript "
                      "(raise it with --max-turns)")
    assert err[1].startswith("read 1, built 0, skipped 0, failed 1") and err[1].endswith("-> memory (nothing written)")


def test_a_build_of_a_missing_file_fails_it_and_says_so(capsys, tmp_path):
    code, _, err = run(capsys, "build", "--store", "memory", "--no-validate", tmp_path / "nothing-here.txt")
    assert code == 1 and "nothing-here.txt" in err[0] and err[0].startswith("error: ")


def test_quiet_leaves_only_the_errors(capsys, files):
    code, _, err = run(capsys, "build", "-q", "--store", "memory", "--no-validate", files / "binary.txt")
    assert code == 1 and len(err) == 1 and err[0].startswith("error: ")


# --- output -----------------------------------------------------------------------------------


def test_two_records_are_a_json_list_and_the_text_form_is_readable(capsys, tmp_path):
    copy = tmp_path / "copy.txt"
    copy.write_text(AZE.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = run(capsys, "extract", "-f", "json", AZE, copy)
    assert code == 0 and [r["source"]["file"] for r in json.loads(out)] == [AZE.name, "copy.txt"]
    code, out, _ = run(capsys, "extract", "--reader", "rules", AZE)
    blocks = out.strip().split("\n\n")
    assert code == 0 and len(blocks) == 1 and blocks[0].startswith(f"# {AZE.name}\n")
    assert "meeting: Meeting with President of\u00a0Azerbaijan Ilham Aliyev" in out  # the page's own spaces
    assert "participant: Ilham Aliyev (President, AZE)" in out and "countries: " in out


def test_the_text_form_of_a_page_without_a_meeting():
    record = {"source": {"file": "speech.txt"}, "meeting": None, "participants": [], "countries": [],
              "commitments": [], "figures": [], "topics": ["trade"]}
    assert describe_record(record) == "# speech.txt\nnot a meeting\ncountries: \ntopics: trade\n\n"


def test_control_characters_are_shown_not_sent():
    assert printable("a\x1b[31mred\x07\tand\nnew") == "a\\x1b[31mred\\x07\tand\nnew"
    assert printable("\u0085next") == "\\x85next" and printable("plain") == "plain"


def test_an_output_file_appears_whole_or_not_at_all(tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with Output(str(target)) as out:
            out.write("half of the new")
            raise RuntimeError("stopped half-way")
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]  # no temporary left behind
    with Output(str(target)) as out:
        out.write("new")
    assert target.read_text(encoding="utf-8") == "new"


def test_an_output_to_a_device_is_written_directly_and_a_missing_folder_is_named(tmp_path):
    with Output("/dev/null") as out:
        assert out.write("nothing") == 7
    with pytest.raises(OutputError, match="folder .* does not exist"):
        Output(str(tmp_path / "missing" / "out.txt"))


def test_progress_is_silent_when_stderr_is_not_a_terminal(capsys):
    progress = Progress(True)
    progress(1, 2, "a.txt")
    progress.close()
    assert capsys.readouterr().err == "" and not progress.enabled


def test_no_verb_prints_help_and_exits_2(capsys):
    assert main([]) == 2
    assert "usage: kg" in capsys.readouterr().err
