"""``kg publish``: the static site, its files, and content negotiation under a real nginx.

The nginx test runs Debian's nginx on a free loopback port with the very
configuration the site ships (``kg.site.serverconf``), and asks one IRI for
HTML, Turtle and JSON-LD.  It skips when nginx is not installed (CI installs
it: see .ci/run).
"""

from __future__ import annotations

import gzip
import hashlib
import html.parser
import os
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.rdf import namespace as ns
from kg.cli import main
from kg.store.serve import free_port
from kg.site import prepare_folder, publish, serverconf
from kg.validation.shacl import validate_graphs

NGINX = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.path.exists(p)), None)
MEETING = "id/meeting/2021-07-20-aze-rus-aliyev-putin"


@pytest.fixture(scope="module")
def site(dev_store, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("site") / "site"
    result = publish(dev_store, folder, site_url="https://example.org/irkg/")
    assert result.pages["meeting"] == 7 and result.pages["transcript"] == 7
    return folder


class _Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.links += [v for k, v in attrs if k in ("href", "src") and v]


def _links(path: Path) -> list[str]:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.links


def test_every_page_is_reachable_from_the_index_and_every_link_resolves(site):
    pages = {p for p in site.rglob("*.html")}
    seen, todo = set(), [site / "index.html"]
    while todo:
        page = todo.pop()
        if page in seen:
            continue
        seen.add(page)
        for link in _links(page):
            if link.startswith(("http://", "https://", "data:")):
                continue
            target = (page.parent / link.split("#")[0]).resolve()
            assert target.exists(), f"{page.relative_to(site)} links to missing {link}"
            if target.suffix == ".html":
                todo.append(target)
    assert pages == seen


def test_each_resource_has_turtle_and_jsonld_with_the_same_triples(site, dev_store):
    for page in site.joinpath("id").rglob("*.html"):
        stem = page.with_suffix("")
        turtle = {str(t) for t in ox.parse(path=str(stem) + ".ttl", format=ox.RdfFormat.TURTLE)}
        jsonld = {str(t) for t in ox.parse(path=str(stem) + ".jsonld", format=ox.RdfFormat.JSON_LD)}
        assert turtle == jsonld and turtle, page
    iri = ox.NamedNode(ns.DEFAULT_BASE + MEETING[3:])
    expected = {str(ox.Triple(q.subject, q.predicate, q.object)) for q in dev_store.raw.quads_for_pattern(iri, None, None)}
    assert expected <= {str(t) for t in ox.parse(path=str(site / MEETING) + ".ttl", format=ox.RdfFormat.TURTLE)}


def test_a_commitment_page_links_to_its_quote_marked_in_the_transcript(site):
    page = next((site / "id" / "commitment").glob("*.html"))
    link = next(l for l in _links(page) if "#ev-" in l)
    target, anchor = link.split("#")
    transcript = (page.parent / target).read_text(encoding="utf-8")
    assert f'<span class="anchor" id="{anchor}"></span><mark>' in transcript
    assert "President of Russia, kremlin.ru" in transcript or "The White House" in transcript
    publisher = next(l for l in _links(page.parent / target) if "/publisher/" in l)
    assert (page.parent / target).parent.joinpath(publisher).resolve().is_file()


def test_dumps_checksums_void_and_sitemap(site, dev_store):
    sums = dict(line.split("  ")[::-1] for line in (site / "dumps" / "SHA256SUMS").read_text().splitlines())
    for name, digest in sums.items():
        assert hashlib.sha256((site / "dumps" / name).read_bytes()).hexdigest() == digest
    quads = {str(q) for q in ox.parse(gzip.decompress((site / "dumps" / "irkg.nq.gz").read_bytes()),
                                      ox.RdfFormat.N_QUADS)}
    assert quads == {str(q) for q in dev_store.raw}
    void = [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(path=str(site / "void.ttl"),
                                                                           format=ox.RdfFormat.TURTLE)]
    report = validate_graphs({"void.ttl": void})
    assert report.results == []
    dumps = {t.object.value for t in void if t.predicate.value == ns.VOID + "dataDump"}
    assert dumps == {"https://example.org/irkg/dumps/irkg.nq.gz", "https://example.org/irkg/dumps/irkg.ttl.gz"}
    sitemap = (site / "sitemap.xml").read_text()
    assert sitemap.count("<loc>") == 1 + 8 + 1 + sum(1 for _ in site.joinpath("id").rglob("*.html"))
    assert f"https://example.org/irkg/{MEETING}.html" in sitemap
    assert "https://example.org/irkg/$1" in (site / "w3id.htaccess").read_text()


def test_no_machine_path_in_the_site(site):
    for path in site.rglob("*"):
        if path.is_file() and path.suffix != ".gz":
            assert str(site.parent) not in path.read_text(encoding="utf-8"), path


def test_ontology_reference_lists_every_term_with_its_shapes(site):
    page = (site / "ontology.html").read_text(encoding="utf-8")
    for term in ("Meeting", "Commitment", "byCountry", "holdsTenure", "reader", "contributes", "completed"):
        assert f'id="{term}"' in page, term
    assert "minCount 1" in page and "A meeting" in page


def test_cli_publish_replaces_its_own_site_and_refuses_other_folders(dev_store_dir, tmp_path, capsys):
    out = tmp_path / "site"
    assert main(["publish", str(out), "--store", str(dev_store_dir)]) == 0
    assert "published" in capsys.readouterr().err
    assert main(["publish", str(out), "--store", str(dev_store_dir), "-q"]) == 0
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    assert main(["publish", str(tmp_path / "mine"), "--store", str(dev_store_dir)]) == 2
    assert (tmp_path / "mine" / "notes.txt").exists()
    with pytest.raises(Exception):
        prepare_folder(tmp_path / "mine")


# ---------------------------------------------------------------- nginx on loopback


@pytest.fixture(scope="module")
def nginx(site, tmp_path_factory):
    if NGINX is None:
        pytest.skip("nginx is not installed (apt-get install -y nginx)")
    prefix = tmp_path_factory.mktemp("nginx")
    port = free_port()
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must read the test's private tmp folder
    temp = " ".join(f"{kind}_temp_path {prefix}/{kind};" for kind in ("client_body", "proxy", "fastcgi",
                                                                        "uwsgi", "scgi"))
    (prefix / "nginx.conf").write_text(
        f"{user}worker_processes 1;\ndaemon off;\npid {prefix}/nginx.pid;\nerror_log {prefix}/error.log;\n"
        f"events {{ worker_connections 64; }}\nhttp {{\naccess_log off;\n{temp}\n"
        + serverconf.nginx_http() + serverconf.nginx_server(str(site), f"127.0.0.1:{port}") + "}\n")
    process = subprocess.Popen([NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-e",
                                str(prefix / "error.log")], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 15
    while True:
        try:
            urllib.request.urlopen(url + "/", timeout=1).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"nginx did not start: {process.stderr.read().decode()[:500]}")
            time.sleep(0.1)
    yield url
    process.terminate()
    process.wait(10)


def _get(url: str, accept: str) -> tuple[str, str, bytes]:
    request = urllib.request.Request(url, headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.headers["Content-Type"], response.headers.get("Vary", ""), response.read()


@pytest.mark.parametrize("accept,media", [
    ("text/turtle", "text/turtle"),
    ("application/ld+json", "application/ld+json"),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"),
    ("*/*", "text/html"),
])
def test_nginx_negotiates_one_iri(nginx, site, accept, media):
    kind, body_vary = None, None
    content_type, vary, body = _get(f"{nginx}/{MEETING}", accept)
    assert content_type.split(";")[0] == media and "Accept" in vary
    iri = ns.DEFAULT_BASE + MEETING[3:]
    if media == "text/turtle":
        assert any(str(t.subject.value) == iri for t in ox.parse(body, ox.RdfFormat.TURTLE))
    elif media == "application/ld+json":
        assert any(str(t.subject.value) == iri for t in ox.parse(body, ox.RdfFormat.JSON_LD))
    else:
        assert body.startswith(b"<!DOCTYPE html>") and iri.encode() in body


def test_nginx_serves_the_ontology_and_dumps_and_404s(nginx):
    assert _get(f"{nginx}/ontology", "text/turtle")[0].startswith("text/turtle")
    assert _get(f"{nginx}/ontology", "text/html")[0].startswith("text/html")
    assert _get(f"{nginx}/", "text/turtle")[0].startswith("text/turtle")  # the dataset description
    assert _get(f"{nginx}/dumps/irkg.nq.gz", "*/*")[0] == "application/gzip"
    with pytest.raises(urllib.error.HTTPError) as error:
        _get(f"{nginx}/id/meeting/nothing-here", "text/html")
    assert error.value.code == 404


# ---------------------------------------------------------------- pages in headless Chromium


def test_pages_open_in_chromium_without_errors_and_the_quote_is_highlighted(nginx, site, tmp_path):
    chromium = pytest.importorskip("chromium")
    if chromium.CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install -y chromium)")
    with chromium.running_chromium(tmp_path / "chromium") as port:
        commitment = next((site / "id" / "commitment").glob("*.html")).relative_to(site).with_suffix("")
        page = chromium.open_url(port, f"{nginx}/{commitment}")
        page.wait_for("document.readyState === 'complete'")
        quote = page.evaluate("document.querySelector('blockquote').textContent")
        page.navigate(page.evaluate("document.querySelector('a.quote-link').href"))
        page.wait_for("location.pathname.startsWith('/id/transcript/') && document.readyState === 'complete'")
        target = "document.querySelector(':target')"
        assert page.wait_for(f"{target} !== null")
        marked = page.evaluate(f"{target}.nextElementSibling.textContent")
        assert quote.startswith(marked[:20]) and marked
        colour = page.evaluate(f"getComputedStyle({target}.nextElementSibling).backgroundColor")
        assert colour == "rgb(255, 166, 77)"  # the highlight of the linked quote, not of the others
        for path in ("/", "/ontology", f"/{MEETING}", "/id/person/vladimir-putin", "/meeting.html"):
            page.navigate(f"{nginx}{path}")
            page.wait_for(f"location.pathname === {path!r} && document.readyState === 'complete'")
            assert page.evaluate("document.querySelectorAll('a').length") > 1
            assert page.evaluate("getComputedStyle(document.body).maxWidth") == "960px"  # style.css loaded
        assert page.errors == []


def test_pages_sit_where_the_iris_of_any_base_point(tmp_path):
    from kg.building.builder import build
    from kg.site import site_layout
    from kg.store.embedded import OxigraphStore

    assert site_layout(ns.DEFAULT_BASE) == ("https://w3id.org/irkg/", "id/")
    assert site_layout(ns.DEFAULT_BASE, "https://example.org/irkg") == ("https://example.org/irkg/", "id/")
    assert site_layout("http://example.org/kg/") == ("http://example.org/kg/", "")
    base = "http://example.org/kg/"
    with OxigraphStore(None) as store:
        assert build([str(Path(__file__).parent / "data" / "dev" / "kremlin-2021-07-20-azerbaijan.txt")], store,
                     base=base).ok
        publish(store, tmp_path / "site", base=base)
    meeting = "meeting/2021-07-20-aze-rus-aliyev-putin"
    assert (tmp_path / "site" / f"{meeting}.html").is_file()
    assert f"<loc>{base}{meeting}.html</loc>" in (tmp_path / "site" / "sitemap.xml").read_text()
