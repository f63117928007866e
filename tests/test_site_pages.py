"""kg.site pieces on their own: marked transcripts, escaping, links, layout of the site, server configuration,
and a tiny published store with a name too long for a file; the query page of kg serve."""

from __future__ import annotations

import html.parser
import json
import re

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import KgError
from kg.rdf import namespace as ns
from kg.site import anchor_of, prepare_folder, publish, serverconf, site_layout
from kg.site.pages import Linker, Page, Quote, esc, index_page, marked_text, resource_page, transcript_page
from kg.store.embedded import OxigraphStore
from kg.sparql.query_page import library_entries, prefix_block, query_page

BASE = ns.DEFAULT_BASE
LINKER = Linker("../../", lambda iri: "id/" + iri[len(BASE):] if iri.startswith(BASE + "commitment/") else None,
                lambda iri: "label of " + iri.rsplit("/", 1)[-1])


class _Text(html.parser.HTMLParser):
    """The text of a fragment, and the ids and marks in it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text, self.ids, self.marked, self._depth = [], [], [], 0

    def handle_starttag(self, tag, attrs):
        self.ids += [v for k, v in attrs if k == "id"]
        self._depth += tag == "mark"

    def handle_endtag(self, tag):
        self._depth -= tag == "mark"

    def handle_data(self, data):
        self.text.append(data)
        self.marked.append((data, self._depth > 0))


def parsed(fragment: str) -> _Text:
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    return parser


_TEXT = st.text(alphabet=st.sampled_from(list("ab <>&\"'\n")), min_size=1, max_size=30)


@settings(max_examples=200, deadline=None)
@given(_TEXT, st.data())
def test_marked_text_keeps_the_text_and_marks_exactly_the_quoted_characters(text, data):
    spans = data.draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, len(text))).map(sorted)
                               .filter(lambda s: s[0] < s[1]), max_size=4))
    quotes = [Quote(a, b, f"{BASE}commitment/c{i}", f"ev-{i}") for i, (a, b) in enumerate(spans)]
    out = parsed(marked_text(text, quotes, LINKER))
    assert "".join(out.text) == text
    assert sorted(out.ids) == sorted(q.anchor for q in quotes)
    position = 0
    for piece, is_marked in out.marked:
        for offset in range(len(piece)):
            inside = any(q.start <= position + offset < q.end for q in quotes)
            assert is_marked == inside
        position += len(piece)


def test_a_quote_links_to_its_fact():
    text = "We will supply wheat."
    fragment = marked_text(text, [Quote(3, 7, BASE + "commitment/c1", "ev-commitment-c1")], LINKER)
    assert '<span class="anchor" id="ev-commitment-c1"></span><mark><a href="../../id/commitment/c1.html">will</a>' \
           "</mark>" in fragment
    unlinked = marked_text(text, [Quote(0, 2, "urn:x:f1", "ev-f1")], LINKER)  # a fact with no page
    assert "<mark>We</mark>" in unlinked


HOSTILE = '<script>alert("x")</script> & "quotes"'


def test_pages_escape_every_label_literal_and_iri():
    iri = BASE + "commitment/c1"
    triples = [ox.Triple(ox.NamedNode(iri), ns.irkg("item"), ox.Literal(HOSTILE)),
               ox.Triple(ox.NamedNode(iri), ns.irkg("title"), ox.Literal(HOSTILE, language="en")),
               ox.Triple(ox.NamedNode(iri), ns.irkg("evidence"), ox.NamedNode(iri + "/evidence")),
               ox.Triple(ox.NamedNode(iri + "/evidence"), ox.NamedNode(ns.OA + "exact"), ox.Literal(HOSTILE)),
               ox.Triple(ox.NamedNode(iri), ns.irkg("about"), ox.NamedNode("https://example.org/a'onclick=x")),
               ox.Triple(ox.NamedNode(iri), ns.irkg("unit"), ox.BlankNode("b1"))]
    page = Page(iri, "commitment", HOSTILE, triples)
    body = resource_page(page, LINKER, quote_link='../x.html#"><script>')
    transcript = transcript_page(Page(iri, "transcript", HOSTILE, triples), HOSTILE,
                                 [Quote(0, 8, iri, '"><script>')], LINKER, credit=None)
    for out in (body, transcript):
        assert "<script" not in out.replace("&lt;script", "")
    assert 'href="https://example.org/a&#x27;onclick=x"' in body
    assert "<blockquote>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quotes&quot;</blockquote>" in body
    assert "@en" in body and "_:b1" in body


def test_links_to_pages_the_ontology_the_web_and_nowhere():
    assert LINKER.href(BASE + "commitment/c1") == "../../id/commitment/c1.html"
    assert LINKER.href(ns.ONTOLOGY_NS + "Supply") == "../../ontology.html#Supply"
    assert LINKER.href("https://www.wikidata.org/entity/Q1") == "https://www.wikidata.org/entity/Q1"
    assert LINKER.href("urn:isbn:1") is None and LINKER.link("urn:isbn:1") == "urn:isbn:1"
    assert LINKER.link(BASE + "commitment/c1") == '<a href="../../id/commitment/c1.html">label of c1</a>'
    assert LINKER.link(ns.FOAF + "name") == '<a href="http://xmlns.com/foaf/0.1/name">foaf:name</a>'


def test_index_pages_escape_entries():
    page = index_page("A & B", [("id/x.html", "<b>x</b>"), ('a"b.html', "y")], "../")
    assert '<a href="../id/x.html">&lt;b&gt;x&lt;/b&gt;</a>' in page and 'href="../a&quot;b.html"' in page
    assert "<title>A &amp; B — irkg</title>" in page and esc("<&>") == "&lt;&amp;&gt;"


def test_anchor_of_a_fact():
    assert anchor_of(BASE + "commitment/abc", BASE) == "ev-commitment-abc"


@pytest.mark.parametrize("base,site_url,expected", [
    ("https://w3id.org/irkg/id/", None, ("https://w3id.org/irkg/", "id/")),
    ("https://example.org/data/", None, ("https://example.org/data/", "")),
    ("https://w3id.org/irkg/id/", "https://example.org/site", ("https://example.org/site/", "id/")),
    ("https://example.org/site/kg/", "https://example.org/site/", ("https://example.org/site/", "kg/")),
])
def test_site_layout(base, site_url, expected):
    assert site_layout(base, site_url) == expected


def test_prepare_folder_replaces_only_a_site_it_wrote(tmp_path):
    prepare_folder(tmp_path / "new")  # a new folder is fine
    (tmp_path / "empty").mkdir()
    prepare_folder(tmp_path / "empty")
    site = tmp_path / "site"
    site.mkdir()
    for name in ("sitemap.xml", "ontology.html", "void.ttl", "extra.html"):
        (site / name).write_text("x")
    prepare_folder(site)
    assert not site.exists()
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "thesis.tex").write_text("precious")
    with pytest.raises(KgError, match="not empty and not a site kg publish wrote"):
        prepare_folder(tmp_path / "home")
    assert (tmp_path / "home" / "thesis.tex").read_text() == "precious"
    (tmp_path / "file").write_text("x")
    with pytest.raises(KgError):
        prepare_folder(tmp_path / "file")


def test_server_configurations():
    assert "RewriteRule ^(.*)$ https://example.org/site/$1 [R=303,L]" in serverconf.w3id_htaccess(
        "https://example.org/site")
    assert serverconf.w3id_htaccess("https://example.org/site/") == serverconf.w3id_htaccess("https://example.org/site")
    nginx = serverconf.nginx_config(root="/srv/kg", listen="8080", server_name="kg.example.org")
    assert "root /srv/kg;" in nginx and "listen 8080;" in nginx and "server_name kg.example.org;" in nginx
    assert nginx.count("{") == nginx.count("}")
    access = serverconf.htaccess()
    assert "AddType text/turtle .ttl" in access and "Header append Vary Accept" in access
    assert "AddType application/ld+json .jsonld" in access and "AddType application/n-quads .nq" in access


@pytest.fixture(scope="module")
def tiny_site(tmp_path_factory):
    """One summit whose meeting IRI is longer than a file name may be, and one country it names."""
    store = OxigraphStore(None)
    key = "2021-07-20-" + "-".join(f"country{i:03d}" for i in range(40))
    meeting, country = ns.meeting_iri("2021-07-20", [], "x").value[:-len("2021-07-20-x")] + key, ns.country_iri("AZE")
    graph = ns.graph_iri("0123456789abcdef")
    store.replace_graph(graph, [
        ox.Triple(ox.NamedNode(meeting), ox.NamedNode(ns.RDF + "type"), ns.irkg("Meeting")),
        ox.Triple(ox.NamedNode(meeting), ns.irkg("title"), ox.Literal(HOSTILE)),
        ox.Triple(ox.NamedNode(meeting), ns.irkg("mentionsCountry"), country)])
    store.replace_graph(ns.reference_graph_iri(), [
        ox.Triple(country, ox.NamedNode(ns.RDF + "type"), ns.irkg("Country")),
        ox.Triple(ns.country_iri("FRA"), ox.NamedNode(ns.RDF + "type"), ns.irkg("Country"))])
    folder = tmp_path_factory.mktemp("tiny") / "site"
    return publish(store, folder), folder, meeting


def test_a_name_too_long_for_a_file_is_cut_hashed_and_counted(tiny_site):
    result, folder, meeting = tiny_site
    assert result.shortened == 1 and "1 with names too long for a file" in result.summary()
    assert result.pages["meeting"] == 1
    [page] = (folder / "id" / "meeting").glob("*.html")
    assert len(page.stem.encode()) <= 200 and page.stem.startswith(meeting.rsplit("/", 1)[-1][:100])
    assert "<script" not in page.read_text().replace("&lt;script", "")


def test_only_countries_something_names_get_a_page(tiny_site):
    result, folder, _ = tiny_site
    assert result.pages["country"] == 1 and (folder / "id" / "country" / "AZE.html").is_file()
    assert not (folder / "id" / "country" / "FRA.html").exists()


def test_publish_needs_a_local_store(tmp_path):
    from kg.errors import StoreError
    from kg.store.endpoint import EndpointStore

    with pytest.raises(StoreError, match="kg publish reads a local store directory"):
        publish(EndpointStore("http://127.0.0.1:9/"), tmp_path / "site")


# -- the query page of kg serve ------------------------------------------------------------

def test_query_page_embeds_its_data_safely():
    page = query_page(2.5).decode("utf-8")
    assert "Queries stop after 2.5 s" in page
    data = re.search(r'<script id="data" type="application/json">(.*?)</script>', page, re.S).group(1)
    assert "<" not in data and ">" not in data and "&" not in data.replace("\\u0026", "")
    decoded = json.loads(data)
    assert decoded["prefixes"] == prefix_block()
    assert len(decoded["queries"]) == len(library_entries()) >= 15


def test_library_entries_are_ready_to_run_with_their_examples():
    from kg.store.sparql_text import check_syntax

    for entry in library_entries():
        assert entry["text"].startswith(prefix_block())
        assert entry["title"] and entry["name"]
        check_syntax(entry["text"])
    by_name = {e["name"]: e for e in library_entries()}
    assert 'VALUES ?country { "AZE" }' in by_name["meetings_by_country"]["text"]


def test_prefix_block_declares_every_project_prefix():
    block = prefix_block().splitlines()
    assert len(block) == len(ns.PREFIXES)
    assert "PREFIX irkg: <https://w3id.org/irkg/ontology#>" in block
    assert all(re.fullmatch(r"PREFIX [a-z]+: <[^<>\s]+>", line) for line in block)
