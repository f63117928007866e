"""The load cache: values come back as made, and a stale, damaged or unwritable cache is made again."""

from __future__ import annotations

import hashlib
import marshal
import re
import sys

import pytest

from kg import loadcache
from kg.people import gazetteer as gz


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(loadcache.CACHE_ENV, str(folder))
    return folder


def test_a_value_comes_back_under_its_key_only(cache):
    value = {"a": [(1, 2.5, None)], "b": ("x", b"y")}
    loadcache.save("thing", loadcache.key_of("one"), value)
    assert loadcache.load("thing", loadcache.key_of("one")) == value
    assert loadcache.load("thing", loadcache.key_of("two")) is None  # stale: another key
    assert loadcache.load("other", loadcache.key_of("one")) is None


def test_keys_of_different_parts_differ():
    assert loadcache.key_of("ab", "c") != loadcache.key_of("a", "bc")
    assert loadcache.key_of("a", b"b") == loadcache.key_of(b"a", "b")


@pytest.mark.parametrize("damage", [
    lambda data: data[:-7],  # truncated
    lambda data: data[:-1] + bytes([data[-1] ^ 1]),  # one bit of the value flipped
    lambda data: b"garbage",
    lambda data: b"",
])
def test_a_damaged_file_is_made_again_and_rewritten(cache, damage):
    key = loadcache.key_of("v")
    made = []

    def make():
        made.append(1)
        return list(range(100))

    assert loadcache.cached("thing", key, make) == list(range(100))
    path = cache / "thing.bin"
    path.write_bytes(damage(path.read_bytes()))
    assert loadcache.load("thing", key) is None
    assert loadcache.cached("thing", key, make) == list(range(100))
    assert len(made) == 2
    assert loadcache.load("thing", key) == list(range(100))  # whole again


def test_off_and_unwritable_caches_cost_time_only(tmp_path, monkeypatch):
    monkeypatch.setenv(loadcache.CACHE_ENV, "off")
    assert loadcache.cached("thing", "k", lambda: 5) == 5
    assert loadcache.load("thing", "k") is None
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv(loadcache.CACHE_ENV, str(blocked / "cache"))
    assert loadcache.cached("thing", "k", lambda: 6) == 6
    assert loadcache.load("thing", "k") is None


def test_equal_strings_are_written_once_and_come_back_one_object_in_an_equal_value(cache):
    def qid() -> str:  # a new string object each time, as lists read from files give them
        return "".join(["Q", "7", "4", "7"])

    value = {qid(): [qid(), (qid(), "x")], "names": {qid(), "y"}, "frozen": frozenset({qid()}), "n": (1, 2.5, None)}
    loadcache.save("thing", loadcache.key_of("v"), value)
    back = loadcache.load("thing", loadcache.key_of("v"))
    assert back == value
    assert [type(back[k]) for k in value] == [type(value[k]) for k in value] and list(back) == list(value)
    listed = back[qid()]
    assert listed[0] is listed[1][0] is next(iter(back["frozen"])) is next(iter(back))  # one string
    many = {str(n): ["".join(["Ilham Heydar ", "oglu Aliyev"]) for _ in range(50)] for n in range(20)}
    loadcache.save("many", "k", many)  # a spelling written once, then referred to
    assert len((cache / "many.bin").read_bytes()) < len(marshal.dumps(many)) / 3


def test_a_file_of_the_earlier_format_is_made_again(cache):
    key = loadcache.key_of("v")
    payload = marshal.dumps([1, 2])
    old = f"irkg-load-cache 1 {sys.implementation.cache_tag} {marshal.version}".encode()
    cache.mkdir()
    (cache / "thing.bin").write_bytes(b"\n".join((old, key.encode(), hashlib.sha256(payload).hexdigest().encode(),
                                                  payload)))
    assert loadcache.load("thing", key) is None
    assert loadcache.cached("thing", key, lambda: [3]) == [3] and loadcache.load("thing", key) == [3]


def test_no_partial_file_is_left(cache):
    loadcache.save("thing", "k", [1])
    assert [p.name for p in cache.iterdir()] == ["thing.bin"]


@pytest.mark.parametrize("pattern, flags", [
    (r"(?<!\w)(?:Russia(?:n)?|Chin(?:a|ese))(?!\w)", 0),
    (r"(?P<year>\d{4})-(?P<month>\d\d)|(\w+)", re.IGNORECASE),
])
def test_a_cached_regex_is_the_one_python_compiles(cache, pattern, flags):
    first = loadcache.compiled(pattern, "rx", flags)
    assert (cache / "rx.bin").exists()
    again = loadcache.compiled(pattern, "rx", flags)  # from the file
    usual = re.compile(pattern, flags)
    assert first == usual and again == usual  # equal patterns: same flags, same program
    assert again.groupindex == usual.groupindex and again.groups == usual.groups
    text = "Russian and Chinese, 2024-05 and CHINA"
    assert [m.span() for m in again.finditer(text)] == [m.span() for m in usual.finditer(text)]


def test_a_cached_regex_of_another_pattern_is_not_used(cache):
    loadcache.compiled("abc", "rx")
    other = loadcache.compiled("abd", "rx")
    assert other == re.compile("abd") and other.search("xabd")
    (cache / "rx.bin").write_bytes(b"damaged")
    assert loadcache.compiled("abd", "rx") == re.compile("abd")


def _cities_made_without_cache() -> dict:
    index: dict = {}
    for name, iso3, geonameid, population, aliases in gz._read_tsv("cities.tsv", None):
        info = gz.CityInfo(name, iso3, gz._int(geonameid))
        for key in {gz.fold(n) for n in [name, *aliases.split("|")] if n}:
            index.setdefault(key, []).append((int(population), info))
    for entries in index.values():
        entries.sort(key=lambda entry: -entry[0])
    return index


def test_the_gazetteer_gives_the_same_from_a_cold_a_warm_and_a_damaged_cache(cache, monkeypatch):
    text = "Talks in Saint Petersburg and São Paulo between Russia, the People's Republic of China, " \
           "the European Union and the Shanghai Cooperation Organisation."
    expected_cities = _cities_made_without_cache()
    monkeypatch.setenv(loadcache.CACHE_ENV, "off")
    plain = gz.Gazetteer()
    expected = (plain.find_countries(text), plain.find_organisations(text))
    assert len(expected[0]) == 2 and len(expected[1]) == 2  # the text names what it should
    monkeypatch.setenv(loadcache.CACHE_ENV, str(cache))
    for round in ("cold", "warm", "damaged"):
        if round == "damaged":
            for path in cache.iterdir():
                path.write_bytes(path.read_bytes()[:100])
        gazetteer = gz.Gazetteer()
        assert gazetteer._load_cities() == expected_cities, round
        assert (gazetteer.find_countries(text), gazetteer.find_organisations(text)) == expected, round
        assert gazetteer.city("sao paulo") == plain.city("São Paulo") is not None
    assert sorted(p.name for p in cache.iterdir()) == ["cities.bin", "country-phrases.bin", "organisation-phrases.bin"]


def _patterns(count: int, tag: str) -> list[str]:
    return [rf"(?P<w{n}>{tag}{n})\s+(?:and|or)\s+\d{{{n % 3 + 1}}}" for n in range(count)]


def test_patterns_compiled_within_regex_programs_come_back_equal_and_from_the_file(cache, monkeypatch):
    from re import _compiler, _parser

    usual = _compiler.compile
    patterns = _patterns(loadcache.FEW_NEW + 3, "first")
    re.purge()
    with loadcache.regex_programs("progs"):
        made = [re.compile(p, re.IGNORECASE) for p in patterns]
    assert _compiler.compile is usual  # put back
    assert made == [usual(p, re.IGNORECASE) for p in patterns]
    re.purge()

    def no_parsing(*args, **kwargs):
        raise AssertionError("parsed again")

    monkeypatch.setattr(_parser, "parse", no_parsing)
    with loadcache.regex_programs("progs"):
        again = [re.compile(p, re.IGNORECASE) for p in patterns]
    monkeypatch.undo()
    assert again == made and again[2].match("FIRST2 and 123").group("w2") == "FIRST2"


def test_regex_programs_rewrite_their_file_only_for_more_than_a_few_new_patterns(cache):
    def compile_within(patterns):
        re.purge()
        with loadcache.regex_programs("progs"):
            for p in patterns:
                re.compile(p)

    compile_within(_patterns(loadcache.FEW_NEW + 1, "a"))
    path = cache / "progs.bin"
    written = path.read_bytes()
    compile_within(_patterns(loadcache.FEW_NEW + 1, "a") + _patterns(loadcache.FEW_NEW, "b"))
    assert path.read_bytes() == written  # a few new ones: left to compile each time
    compile_within(_patterns(loadcache.FEW_NEW + 1, "c"))
    assert path.read_bytes() != written  # many: rewritten with those of this time only
    kept = loadcache.load("progs", loadcache.key_of("regex programs", sys.version))
    assert {p for p, _ in kept} == set(_patterns(loadcache.FEW_NEW + 1, "c"))


def test_regex_programs_pass_over_a_damaged_file_and_long_patterns(cache):
    cache.mkdir()
    (cache / "progs.bin").write_bytes(b"not a cache file")
    long = "(?:" + "|".join(f"word{n}" for n in range(1000)) + ")"
    assert len(long) > loadcache.LONG_PATTERN
    re.purge()
    with loadcache.regex_programs("progs"):
        patterns = [re.compile(p) for p in [long, *_patterns(loadcache.FEW_NEW + 1, "d")]]
    assert patterns[0] == re.compile(long) and patterns[0].fullmatch("word999")
    kept = loadcache.load("progs", loadcache.key_of("regex programs", sys.version))
    assert len(kept) == loadcache.FEW_NEW + 1 and all(p != long for p, _ in kept)


def test_regex_programs_leave_compiling_alone_where_re_has_no_compiler_module(cache, monkeypatch):
    """Python 3.10 (which the package supports) has no ``re._compiler``: the worker's warm-up must still run."""
    import builtins

    usual_import = builtins.__import__

    def import_as_on_3_10(name, globals=None, locals=None, fromlist=(), level=0):
        if name == "re" and "_compiler" in (fromlist or ()):
            raise ImportError("cannot import name '_compiler' from 're'")
        return usual_import(name, globals, locals, fromlist, level)

    monkeypatch.setattr(builtins, "__import__", import_as_on_3_10)
    with loadcache.regex_programs("progs"):
        made = re.compile(r"(?P<word>\bwarm(?:ed|ing)?\b)-\d+", re.IGNORECASE)
    assert made.search("WARMED-12").group("word") == "WARMED"
    assert not (cache / "progs.bin").exists()


def test_compiled_of_makes_the_text_only_when_its_key_is_not_kept(cache):
    made = []

    def make(text):
        def making():
            made.append(text)
            return text
        return making

    first = loadcache.compiled_of("rx", "k1", make(r"(?P<a>ab+)c"), re.IGNORECASE)
    again = loadcache.compiled_of("rx", "k1", make("never used"), re.IGNORECASE)
    assert first == again == re.compile(r"(?P<a>ab+)c", re.IGNORECASE) and again.pattern == r"(?P<a>ab+)c"
    assert made == [r"(?P<a>ab+)c"]
    stale = loadcache.compiled_of("rx", "k2", make("xyz"))  # another key: made again, file rewritten
    assert stale == re.compile("xyz") and made[-1] == "xyz"
    (cache / "rx.bin").write_bytes((cache / "rx.bin").read_bytes()[:-3])  # damaged: made again
    assert loadcache.compiled_of("rx", "k2", make("xyz")) == re.compile("xyz") and made.count("xyz") == 2
    assert loadcache.compiled_of("rx", "k2", make("not this")) == re.compile("xyz")  # whole again


def test_a_warm_phrase_pattern_is_neither_written_nor_compiled_again(cache, monkeypatch):
    phrases = ["Papua New Guinea", "Guinea", "Cote d'Ivoire", "Latin American", "American"]
    cold = gz.phrase_pattern(phrases, "phrases")
    assert cold == gz.phrase_pattern(phrases)  # the same text and program as without the cache
    monkeypatch.setattr(gz, "_pattern_text", lambda keys: pytest.fail("the text was written again"))
    warm = gz.phrase_pattern(reversed(phrases), "phrases")  # the order of the phrases is not in the key
    assert warm == cold
    assert [m.group() for m in warm.finditer("Papua New Guinea and Latin American Guinea")] == \
        ["Papua New Guinea", "Latin American", "Guinea"]
    monkeypatch.undo()
    monkeypatch.setenv(loadcache.CACHE_ENV, str(cache))
    fewer = gz.phrase_pattern(phrases[1:], "phrases")  # other phrases: another key, a new text
    assert fewer == gz.phrase_pattern(phrases[1:]) and fewer != cold
