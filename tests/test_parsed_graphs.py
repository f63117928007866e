"""The shapes and ontology graphs from the load cache: the graphs the Turtle parse gives, made again when stale or damaged."""

from __future__ import annotations

import pytest
from rdflib.compare import isomorphic

from kg import loadcache
from kg.resources import resource_path
from kg.validation import parsed

SNIPPET = '@prefix ex: <http://example.org/> .\nex:a ex:b "x"@en, 3, "2024-01-01"^^<http://www.w3.org/2001/XMLSchema#date>, [ ex:c ex:d ] .\n'


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(loadcache.CACHE_ENV, str(folder))
    return folder


def _same(one, other) -> bool:
    return isomorphic(one, other) and sorted(one.namespaces()) == sorted(other.namespaces())


def test_cold_warm_and_damaged_caches_give_the_parsed_graph(cache, monkeypatch):
    paths = sorted(resource_path("shapes", "irkg.ttl").parent.glob("*.ttl"))
    expected = parsed._parse(paths, [SNIPPET])
    assert len(expected) > 500
    for round in ("cold", "warm", "damaged", "warm again"):
        if round == "damaged":
            path = cache / "shapes.bin"
            path.write_bytes(path.read_bytes()[:-20])
        if round.startswith("warm"):  # from the file, not parsed
            monkeypatch.setattr(parsed, "_parse", lambda *a: pytest.fail("parsed again"))
        graph = parsed.turtle_graph("shapes", paths, [SNIPPET])
        monkeypatch.undo()
        monkeypatch.setenv(loadcache.CACHE_ENV, str(cache))
        assert _same(graph, expected), round


def test_an_edited_file_or_another_snippet_is_parsed_again(cache, tmp_path):
    turtle = tmp_path / "a.ttl"
    turtle.write_text(SNIPPET, encoding="utf-8")
    first = parsed.turtle_graph("g", [turtle], [])
    turtle.write_text(SNIPPET.replace('"x"@en', '"y"@en'), encoding="utf-8")
    edited = parsed.turtle_graph("g", [turtle], [])
    assert _same(edited, parsed._parse([turtle], [])) and not isomorphic(edited, first)
    more = parsed.turtle_graph("g", [turtle], ["<http://example.org/e> <http://example.org/f> 1 ."])
    assert len(more) == len(edited) + 1


def test_the_validators_shapes_come_from_the_cache_the_same(cache):
    from kg.validation import shacl

    plain_shapes = parsed._parse(sorted(resource_path("shapes", "irkg.ttl").parent.glob("*.ttl")), [])
    shacl._load_shapes.cache_clear()
    try:
        assert _same(shacl._load_shapes(()), plain_shapes)
        shacl._load_shapes.cache_clear()
        assert _same(shacl._load_shapes(()), plain_shapes)  # the second from the file
        assert (cache / "shapes-graph.bin").exists()
    finally:
        shacl._load_shapes.cache_clear()
