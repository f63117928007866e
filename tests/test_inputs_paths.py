"""Which files inputs name (kg.inputs.paths), where they were published (sources) and by whom (publishers)."""

from __future__ import annotations

import fnmatch
import json
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.inputs import sources
from kg.inputs.paths import _matches, iter_inputs, iter_paths, published_name
from kg.inputs.publishers import CC_BY_4, PUBLIC_DOMAIN_MARK, publisher_for


@pytest.fixture()
def tree(tmp_path, monkeypatch):
    """corpus/{a.txt, b.HTML, notes.md, .hidden.txt, .git/x.txt, sub/c.jsonl, sub/deeper/d.htm}, cwd = tmp_path."""
    root = tmp_path / "corpus"
    for name in ("a.txt", "b.HTML", "notes.md", ".hidden.txt", ".git/x.txt", "sub/c.jsonl", "sub/deeper/d.htm"):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("text")
    monkeypatch.chdir(tmp_path)
    return root


def test_folder_walk_takes_readable_suffixes_any_case_and_skips_hidden(tree):
    assert list(iter_paths(["corpus"])) == [
        "corpus/a.txt", "corpus/b.HTML", "corpus/sub/c.jsonl", "corpus/sub/deeper/d.htm"]


def test_glob_star_star_reaches_every_depth_but_no_hidden_names(tree):
    assert sorted(iter_paths(["corpus/**/*.txt"])) == ["corpus/a.txt"]
    assert sorted(iter_paths(["corpus/**/*.htm"])) == ["corpus/sub/deeper/d.htm"]
    assert sorted(iter_paths(["corpus/*/*"])) == ["corpus/sub/c.jsonl"] + (
        ["corpus/sub/deeper/d.htm"])  # a folder match is walked


def test_glob_that_matches_nothing_and_stdin_are_kept_as_given(tree):
    assert list(iter_paths(["corpus/*.pdf", "-", "missing.txt"])) == ["corpus/*.pdf", "-", "missing.txt"]


def test_a_link_to_a_parent_folder_is_not_followed(tree):
    os.symlink("..", tree / "sub" / "loop")
    assert list(iter_paths(["corpus"])) == [
        "corpus/a.txt", "corpus/b.HTML", "corpus/sub/c.jsonl", "corpus/sub/deeper/d.htm"]
    assert len(list(iter_paths(["corpus/**/*.jsonl"]))) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root can list any folder")
def test_an_unreadable_subfolder_is_yielded_so_the_reader_reports_it(tree):
    locked = tree / "sub" / "deeper"
    locked.chmod(0)
    try:
        assert str(locked) in list(iter_paths([str(tree)]))
    finally:
        locked.chmod(0o755)


def test_published_names_are_relative_to_what_was_given(tree):
    assert dict(iter_inputs(["corpus"]))["corpus/sub/c.jsonl"] == "corpus/sub/c.jsonl"
    assert dict(iter_inputs([str(tree)]))[str(tree / "a.txt")] == "corpus/a.txt"
    assert dict(iter_inputs(["corpus/sub/*.jsonl"])) == {"corpus/sub/c.jsonl": "c.jsonl"}
    assert dict(iter_inputs(["corpus/**/d.htm"])) == {"corpus/sub/deeper/d.htm": "sub/deeper/d.htm"}
    assert dict(iter_inputs([str(tree / "a.txt")])) == {str(tree / "a.txt"): "a.txt"}
    assert published_name("-", "-") == "-"


def test_a_folder_spelled_any_way_gives_its_files_the_same_names(tree):
    names = sorted(name for _, name in iter_inputs(["corpus"]))
    assert names == ["corpus/a.txt", "corpus/b.HTML", "corpus/sub/c.jsonl", "corpus/sub/deeper/d.htm"]
    for spelling in ("./corpus/", "corpus//", str(tree), "corpus/sub/..", str(tree / "sub" / ".." / ".")):
        assert sorted(name for _, name in iter_inputs([spelling])) == names, spelling
    assert dict(iter_inputs(["-", "corpus/sub"])) == {"-": "-", "corpus/sub/c.jsonl": "sub/c.jsonl",
                                                      "corpus/sub/deeper/d.htm": "sub/deeper/d.htm"}


def test_published_name_never_climbs_out_of_its_input(tree):
    assert published_name(str(tree.parent / "elsewhere.txt"), str(tree)) == "elsewhere.txt"
    assert not any(name.startswith(("/", "..")) for _, name in iter_inputs([str(tree), "corpus/*"]))


def test_iter_inputs_are_iter_paths_in_the_same_order(tree):
    args = ["corpus/sub", "corpus/a.txt", "corpus/**/*.htm"]
    assert [path for path, _ in iter_inputs(args)] == list(iter_paths(args))


_PARTS = st.lists(st.sampled_from(["a", "b", "ab", "x.txt", "y.htm"]), min_size=0, max_size=5)
_PATTERN = st.lists(st.sampled_from(["**", "*", "a", "?", "*.txt", "[ab]", "x.*"]), min_size=1, max_size=4)


def _reference(pattern: list[str], path: list[str]) -> bool:
    """Exponential but obviously right: ``**`` tries every number of components."""
    if not pattern:
        return not path
    head, rest = pattern[0], pattern[1:]
    if head == "**":
        return any(_reference(rest, path[i:]) for i in range(len(path) + 1))
    return bool(path) and fnmatch.fnmatchcase(path[0], head) and _reference(rest, path[1:])


@settings(max_examples=200, deadline=None)
@given(_PATTERN, _PARTS)
def test_component_match_agrees_with_a_plain_recursive_matcher(pattern, path):
    assert _matches(pattern, path) == _reference(pattern, path)


def test_component_match_is_linear_on_many_stars():
    assert not _matches(["**"] * 30 + ["z"], ["a"] * 40)
    assert _matches(["**"] * 30 + ["a"], ["a"] * 40)


# -- index files beside transcripts -----------------------------------------

@pytest.fixture(autouse=True)
def _fresh_index_cache():
    sources._folder_urls.cache_clear()
    yield
    sources._folder_urls.cache_clear()


def test_index_json_and_sources_json_give_urls_by_name_and_stem(tmp_path):
    (tmp_path / "INDEX.json").write_text(json.dumps({"files": [
        {"file": "6152.txt", "url": "http://en.kremlin.ru/events/president/news/6152"},
        {"file": "bad.txt", "url": "ftp://example.org/bad"},
        {"file": 7, "url": "http://example.org/seven"},
        "not a record"]}))
    (tmp_path / "SOURCES.json").write_text(json.dumps([
        {"name": "remarks-2021", "url": "https://www.whitehouse.gov/remarks"},
        {"name": "6152.txt", "url": "https://elsewhere.example/6152"}]))
    assert sources.sidecar_url(str(tmp_path / "6152.txt")) == "http://en.kremlin.ru/events/president/news/6152"
    assert sources.sidecar_url(str(tmp_path / "remarks-2021.html")) == "https://www.whitehouse.gov/remarks"
    assert sources.sidecar_url(str(tmp_path / "bad.txt")) is None
    assert sources.sidecar_url(str(tmp_path / "7.txt")) is None


@pytest.mark.parametrize("content", ["{not json", "[1, 2", json.dumps({"files": "nope"}), json.dumps(5),
                                     "[" * 50000 + "]" * 50000])
def test_a_broken_index_gives_no_urls_and_no_error(tmp_path, content):
    (tmp_path / "INDEX.json").write_text(content)
    assert sources.sidecar_url(str(tmp_path / "a.txt")) is None


def test_an_index_over_the_size_limit_is_not_read(tmp_path, monkeypatch):
    (tmp_path / "SOURCES.json").write_text(json.dumps([{"name": "a", "url": "https://example.org/a"}]))
    monkeypatch.setattr(sources, "MAX_INDEX_BYTES", 10)
    assert sources.sidecar_url(str(tmp_path / "a.txt")) is None


def test_a_relative_path_finds_the_index_of_the_working_folder(tmp_path, monkeypatch):
    (tmp_path / "SOURCES.json").write_text(json.dumps([{"name": "a", "url": "https://example.org/a"}]))
    monkeypatch.chdir(tmp_path)
    assert sources.sidecar_url("a.txt") == "https://example.org/a"


# -- publishers ----------------------------------------------------------------

@pytest.mark.parametrize("url,key", [
    ("http://en.kremlin.ru/events/president/news/66206", "kremlin.ru"),
    ("http://kremlin.ru/events/president/news/66206", "kremlin.ru"),
    ("HTTP://EN.KREMLIN.RU./x", "kremlin.ru"),
    ("https://www.whitehouse.gov/briefing-room/", "whitehouse.gov"),
    ("https://obamawhitehouse.archives.gov/the-press-office/x", "whitehouse.gov"),
    ("https://bidenwhitehouse.archives.gov/x", "whitehouse.gov"),
    ("https://notkremlin.ru/x", None),
    ("https://kremlin.ru.evil.example/x", None),
    ("https://archives.gov/x", None),
    ("http://[::1/x", None),  # not a URL at all
])
def test_publisher_by_host_and_subdomains_only(url, key):
    found = publisher_for(url)
    assert (found.key if found else None) == key


def test_publisher_by_layout_only_without_a_url():
    assert publisher_for(None, "kremlin").key == "kremlin.ru"
    assert publisher_for(None, "whitehouse").key == "whitehouse.gov"
    assert publisher_for(None, "plain") is None and publisher_for(None) is None
    assert publisher_for("https://example.org/x", "kremlin") is None  # a URL elsewhere wins over the layout


def test_licences_and_rights_holders():
    kremlin, whitehouse = publisher_for("http://kremlin.ru/"), publisher_for("https://whitehouse.gov/")
    assert (kremlin.licence, kremlin.holds_rights) == (CC_BY_4, True)
    assert kremlin.credit == "President of Russia, kremlin.ru"
    assert (whitehouse.licence, whitehouse.holds_rights) == (PUBLIC_DOMAIN_MARK, False)


@pytest.mark.parametrize("arg", ["a", "a/", "./a", "a//", "a/../a", "a/sub", "."])
def test_a_walked_folder_names_its_files_as_the_path_arithmetic_does(tmp_path, monkeypatch, arg):
    from kg.inputs.paths import namer, namer_of_root

    (tmp_path / "a" / "sub").mkdir(parents=True)
    for name in ("a/x.txt", "a/sub/y.txt", "a/.hidden.txt"):
        (tmp_path / name).write_text("text", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    quick, slow = namer(arg), namer_of_root(os.path.dirname(os.path.abspath(arg)))
    odd = [os.path.join(arg, "sub", "..", "x.txt"), os.path.join(arg, ".", "x.txt"), arg + "//x.txt", "-", "b/z.txt"]
    paths = [*iter_paths([arg]), *odd]
    assert [quick(p) for p in paths] == [slow(p) for p in paths]
    assert quick(os.path.join(arg, "x.txt")).endswith("/x.txt")
