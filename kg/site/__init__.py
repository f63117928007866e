"""``kg publish DIR``: the graph as a static linked-data site anyone can host.

For every meeting, leader, country, commitment (agreements among them),
figure, transcript and publisher under the data base IRI, three files side by side:
``id/<kind>/<key>.html``, ``.ttl`` and ``.jsonld``, so ``<base><kind>/<key>``
dereferences to the one the client asks for (:mod:`kg.site.serverconf` has
the Apache, nginx and w3id configuration).  Beside them: an index page per
kind, reachable from ``index.html``; the ontology reference
(``ontology.html``, ``.ttl``, ``.jsonld``); gzip N-Quads and Turtle dumps
with ``SHA256SUMS``; ``void.ttl`` (the dataset description of
:mod:`kg.store.metadata` with the dumps as distributions); and ``sitemap.xml``.

The store is read with pyoxigraph's pattern index, one resource at a time;
nothing of the site is held in memory but the list of resources and labels.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.rdf import namespace as ns
from kg.errors import KgError, StoreError
from kg.rdf.jsonld import context, node_objects
from kg.store.metadata import Dump, dataset_triples, history
from kg.rdf.namespace import DEFAULT_BASE, PREFIXES
from kg.site import pages, serverconf
from kg.site.pages import Linker, Page, Quote
from kg.store.protocol import FORMATS

#: kind -> (classes: irkg local names or whole IRIs, title of its index page); a class stands for
#: itself and its subclasses in the store's ontology (irkg:Commitment for Supply, Visit...)
KINDS: dict[str, tuple[tuple[str, ...], str]] = {
    "meeting": (("Meeting",), "Meetings"),
    "person": (("Leader",), "Leaders"),
    "country": (("Country",), "Countries"),
    "commitment": (("Commitment",), "Commitments"),
    "figure": (("Figure",), "Figures"),
    "transcript": (("Transcript",), "Transcripts"),
    "publisher": ((ns.PROV + "Organization",), "Publishers"),
}
TYPE = ns.ns_node(ns.RDF, "type")
SUBCLASS_OF = ns.ns_node(ns.RDFS, "subClassOf")
BOOKKEEPING = ("/graph/contributions", "/graph/metadata")
#: longest file name written, in bytes (file systems allow 255, with room for ".jsonld"): a longer
#: key (a summit's meeting IRI names every country and leader) is cut and hashed, and its IRI does not
#: dereference on a static host; the result counts them
MAX_NAME = 200


@dataclass
class PublishResult:
    """What ``kg publish`` wrote."""

    pages: dict[str, int] = field(default_factory=dict)  # kind -> pages
    files: int = 0
    seconds: float = 0.0
    shortened: int = 0  # resources whose file name was cut: their IRIs do not dereference

    def summary(self) -> str:
        kinds = ", ".join(f"{n} {k}" for k, n in self.pages.items())
        cut = f", {self.shortened} with names too long for a file (cut and hashed)" if self.shortened else ""
        return (f"published {sum(self.pages.values())} resources ({kinds}), {self.files} files{cut}, "
                f"{self.seconds:.1f} s")


class _Site:
    """The resources to publish, their paths and labels, and writing files."""

    def __init__(self, store: ox.Store, folder: Path, base: str, prefix: str = "id/") -> None:
        self.store, self.folder, self.base, self.prefix = store, folder, base, prefix
        self.kinds: dict[str, list[str]] = {}
        self.kind_of: dict[str, str] = {}
        self._labels: dict[str, str] = {}
        self.files = 0
        self.shortened: set[str] = set()  # IRIs whose file name had to be cut
        for kind, (classes, _) in KINDS.items():
            found = sorted({q.subject.value for c in self._with_subclasses(classes)
                            for q in store.quads_for_pattern(None, TYPE, c, None)
                            if isinstance(q.subject, ox.NamedNode) and q.subject.value.startswith(base)})
            if kind == "country":
                found = [c for c in found if self._linked(c)]
            self.kinds[kind] = found
            self.kind_of.update((iri, kind) for iri in found)

    def _with_subclasses(self, classes: tuple[str, ...]) -> set[ox.NamedNode]:
        """The classes and their direct subclasses in the store's ontology (the kinds of commitment)."""
        nodes = {ox.NamedNode(c) if "://" in c else ns.irkg(c) for c in classes}
        return nodes | {q.subject for node in nodes for q in self.store.quads_for_pattern(None, SUBCLASS_OF, node, None)
                        if isinstance(q.subject, ox.NamedNode)}

    def _linked(self, iri: str) -> bool:
        """Whether anything outside the reference graph names this resource (countries met, not all 250)."""
        node = ox.NamedNode(iri)
        return any(not q.graph_name.value.endswith("/graph/reference")
                   for q in self.store.quads_for_pattern(None, None, node, None))

    def path_of(self, iri: str) -> str | None:
        """``<prefix><kind>/<key>``; a key too long for a file name is cut and hashed (see :data:`MAX_NAME`)."""
        if iri not in self.kind_of:
            return None
        parts = iri[len(self.base):].split("/")
        if len(parts[-1].encode("utf-8")) > MAX_NAME:
            parts[-1] = parts[-1][:MAX_NAME - 20] + "-" + ns.short_hash(parts[-1])
            self.shortened.add(iri)
        return self.prefix + "/".join(parts)

    def values(self, iri: str, predicate: str) -> list:
        return [q.object for q in self.store.quads_for_pattern(ox.NamedNode(iri), ox.NamedNode(predicate), None, None)]

    def first(self, iri: str, *predicates: str) -> str | None:
        for predicate in predicates:
            found = self.values(iri, predicate)
            if found:
                return min(v.value for v in found)
        return None

    def label_of(self, iri: str) -> str:
        if iri not in self._labels:
            self._labels[iri] = self._label(iri)
        return self._labels[iri]

    def _label(self, iri: str) -> str:
        named = self.first(iri, ns.FOAF + "name", ns.ONTOLOGY_NS + "title", ns.RDFS + "label")
        kind = self.kind_of.get(iri)
        if kind in ("commitment", "figure"):
            types = [t.value.rsplit("#", 1)[-1] for t in self.values(iri, ns.RDF + "type")]
            code = lambda p: (self.first(iri, ns.ONTOLOGY_NS + p) or "").rsplit("/", 1)[-1]  # noqa: E731
            parts = [types[0] if types else kind.title()]
            if code("byCountry") or code("toCountry"):
                parts.append(f"{code('byCountry') or '?'} → {code('toCountry') or '?'}")
            for p in ("item", "about", "value", "unit"):
                value = self.first(iri, ns.ONTOLOGY_NS + p)
                if value:
                    parts.append(value)
            return " ".join(parts)
        if named:
            date = self.first(iri, ns.ONTOLOGY_NS + "date", ns.ONTOLOGY_NS + "published") if kind in (
                "meeting", "transcript") else None
            return f"{date} {named}" if date else named
        return iri.rsplit("/", 1)[-1]

    def describe(self, iri: str) -> list[ox.Triple]:
        """The resource's triples, and those of the nodes minted under its IRI (its evidence)."""
        out: dict[ox.Triple, None] = {}
        todo = [ox.NamedNode(iri)]
        while todo:
            node = todo.pop()
            for q in self.store.quads_for_pattern(node, None, None, None):
                if q.graph_name.value.endswith(BOOKKEEPING):
                    continue
                out.setdefault(ox.Triple(q.subject, q.predicate, q.object), None)
                if isinstance(q.object, ox.NamedNode) and q.object.value.startswith(iri + "/"):
                    todo.append(q.object)
        return list(out)

    def inbound(self, iri: str) -> tuple[dict[str, list[str]], dict[str, int]]:
        shown: dict[str, list[str]] = defaultdict(list)
        counts: dict[str, int] = defaultdict(int)
        for q in self.store.quads_for_pattern(None, None, ox.NamedNode(iri), None):
            if q.graph_name.value.endswith(BOOKKEEPING) or not isinstance(q.subject, ox.NamedNode):
                continue
            counts[q.predicate.value] += 1
            if len(shown[q.predicate.value]) < pages.LINKS_SHOWN:
                shown[q.predicate.value].append(q.subject.value)
        return dict(shown), dict(counts)

    def write(self, relative: str, data: str | bytes) -> None:
        path = self.folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        self.files += 1


def _turtle(triples: list[ox.Triple]) -> bytes:
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)


def _jsonld(triples: list[ox.Triple]) -> bytes:
    quads = (ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples)
    return json.dumps({"@context": context(), "@graph": list(node_objects(quads))},
                      ensure_ascii=False, indent=1).encode("utf-8")


def anchor_of(fact: str, base: str) -> str:
    """The id of a fact's quote in its transcript page: ``ev-commitment-<hash>``."""
    return "ev-" + fact[len(base):].replace("/", "-")


def publish(store, folder: str | Path, base: str = DEFAULT_BASE, site_url: str | None = None,
            sparql_endpoint: str | None = None) -> PublishResult:
    """Write the site for ``store`` into ``folder`` (created; files already there are replaced)."""
    started = time.perf_counter()
    raw = getattr(store, "raw", None)
    if raw is None:
        raise StoreError("kg publish reads a local store directory: publish from the store you built "
                         "(`--store DIR`), not from a SPARQL endpoint")
    site_url, prefix = site_layout(base, site_url)
    site = _Site(raw, Path(folder), base, prefix)
    result = PublishResult()
    for kind, iris in site.kinds.items():
        for iri in iris:
            _write_resource(site, kind, iri)
        result.pages[kind] = len(iris)
    _write_indexes(site, site_url)
    _write_ontology(site)
    dumps = _write_dumps(site, store, site_url)
    _write_void(site, store, base, sparql_endpoint, dumps)
    site.write("style.css", pages.STYLE)
    site.write(".htaccess", serverconf.htaccess())
    site.write("nginx.conf", serverconf.nginx_config())
    site.write("w3id.htaccess", serverconf.w3id_htaccess(site_url))
    _write_sitemap(site, site_url)
    result.files = site.files
    result.shortened = len(site.shortened)
    result.seconds = time.perf_counter() - started
    return result


def site_layout(base: str, site_url: str | None = None) -> tuple[str, str]:
    """(the site's URL, the folder of the data pages in it) for data under ``base``.

    By default the site is the base's parent when the base ends in ``/id/``
    (``https://w3id.org/irkg/`` for the default base), else the base itself,
    and pages sit where their IRIs point: ``<site><folder><kind>/<key>``.  A
    site hosted elsewhere (``--site-url``) keeps the folder ``id/``, which the
    w3id redirect (or any redirect keeping the path) maps the IRIs onto.
    """
    default = base[: -len("id/")] if base.endswith("/id/") else base
    url = (site_url or default).rstrip("/") + "/"
    return url, (base[len(url):] if base.startswith(url) else "id/")


def _write_resource(site: _Site, kind: str, iri: str) -> None:
    path = site.path_of(iri)
    triples = site.describe(iri)
    linker = Linker("../" * path.count("/"), site.path_of, site.label_of)
    page = Page(iri, kind, site.label_of(iri), triples)
    if kind == "transcript":
        html = pages.transcript_page(page, site.first(iri, ns.RDF + "value") or "", _quotes(site, iri),
                                     linker, _credit(site, iri))
    else:
        if kind in ("meeting", "person", "country", "publisher"):
            page.inbound, page.inbound_counts = site.inbound(iri)
        html = pages.resource_page(page, linker, _quote_link(site, iri, linker))
    site.write(path + ".html", html)
    site.write(path + ".ttl", _turtle(triples))
    site.write(path + ".jsonld", _jsonld(triples))


def _quotes(site: _Site, transcript: str) -> list[Quote]:
    """Every evidence span of the transcript's facts, with the fact it backs (read from its own graph)."""
    node = ox.NamedNode(transcript)
    graphs = {q.graph_name for q in site.store.quads_for_pattern(node, TYPE, None, None)}
    out = []
    for graph in graphs:
        for q in site.store.quads_for_pattern(None, ns.irkg("evidence"), None, graph):
            start = site.first(q.object.value, ns.OA + "start")
            end = site.first(q.object.value, ns.OA + "end")
            if start is not None and end is not None:
                out.append(Quote(int(start), int(end), q.subject.value, anchor_of(q.subject.value, site.base)))
    return out


def _quote_link(site: _Site, iri: str, linker: Linker) -> str | None:
    transcript = site.first(iri, ns.ONTOLOGY_NS + "inTranscript")
    href = linker.href(transcript) if transcript else None
    return f"{href}#{anchor_of(iri, site.base)}" if href and site.values(iri, ns.ONTOLOGY_NS + "evidence") else None


def _credit(site: _Site, transcript: str) -> str | None:
    credit = site.first(transcript, ns.CC + "attributionName")
    if not credit:
        return None
    url = site.first(transcript, ns.ONTOLOGY_NS + "url")
    licence = site.first(transcript, ns.DCTERMS + "license")
    who = f'<a href="{pages.esc(url)}">{pages.esc(credit)}</a>' if url else pages.esc(credit)
    terms = f', <a href="{pages.esc(licence)}">{pages.esc(_licence_name(licence))}</a>' if licence else ""
    return f"Text: {who}{terms}."


def _licence_name(iri: str) -> str:
    return {"https://creativecommons.org/licenses/by/4.0/": "CC BY 4.0",
            "https://creativecommons.org/publicdomain/mark/1.0/": "public domain"}.get(iri, iri)


def _write_indexes(site: _Site, site_url: str) -> None:
    links = []
    for kind, (_, title) in KINDS.items():
        iris = site.kinds[kind]
        entries = sorted(((site.path_of(i) + ".html", site.label_of(i)) for i in iris), key=lambda e: e[1])
        site.write(f"{kind}.html", pages.index_page(title, entries, ""))
        links.append((f"{kind}.html", f"{title} ({len(iris)})"))
        if kind == "commitment":
            agreements = [e for e in entries if e[1].startswith("Agreement")]
            site.write("agreement.html", pages.index_page("Agreements", agreements, ""))
            links.append(("agreement.html", f"Agreements ({len(agreements)})"))
    links += [("ontology.html", "Ontology reference"), ("void.ttl", "Dataset description (VoID, DCAT)"),
              ("dumps/irkg.nq.gz", "Dump: N-Quads, gzip"), ("dumps/irkg.ttl.gz", "Dump: Turtle, gzip"),
              ("dumps/SHA256SUMS", "Checksums of the dumps"), ("sitemap.xml", "Sitemap")]
    intro = (f"<p>Meetings between national leaders, the commitments they stated and the figures they gave, "
             f"each with the quote that states it. Data IRIs: <code>{pages.esc(site.base)}</code>; "
             f"this site: <code>{pages.esc(site_url)}</code>.</p>")
    site.write("index.html", pages.index_page("irkg", links, "", intro))


def _write_ontology(site: _Site) -> None:
    from kg.resources import resource_path
    from kg.site.ontology_doc import ontology_page
    from kg.validation.shacl import load_ontology, load_shapes

    source = resource_path("ontology", "irkg.ttl")
    site.write("ontology.ttl", source.read_bytes())
    triples = [ox.Triple(q.subject, q.predicate, q.object)
               for q in ox.parse(path=str(source), format=ox.RdfFormat.TURTLE)]
    site.write("ontology.jsonld", _jsonld(triples))
    site.write("ontology.html", ontology_page(load_ontology(), load_shapes()))


def _write_dumps(site: _Site, store, site_url: str) -> list[Dump]:
    """gzip N-Quads (every graph) and Turtle (their union), with SHA-256 sums."""
    dumps, sums = [], []
    for name, fmt in (("irkg.nq.gz", "nquads"), ("irkg.ttl.gz", "turtle")):
        media = FORMATS[fmt].media_type
        path = site.folder / "dumps" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with gzip.GzipFile(path, "wb", mtime=0) as out:  # mtime 0: the same graph gives the same bytes
            store.dump(out, fmt)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        sums.append(f"{digest}  {name}\n")
        dumps.append(Dump(f"{site_url}dumps/{name}", media, path.stat().st_size, digest))
        site.files += 1
    site.write("dumps/SHA256SUMS", "".join(sums))
    return dumps


def _write_void(site: _Site, store, base: str, endpoint: str | None, dumps: list[Dump]) -> None:
    activity = next((t.subject for t in history(store, base)
                     if t.predicate == TYPE and t.object.value == ns.PROV + "Activity"), None)
    builds = history(store, base)
    latest = max((t for t in builds if t.predicate.value == ns.PROV + "endedAtTime"),
                 key=lambda t: t.object.value, default=None)
    if latest is not None:
        activity = latest.subject
    triples = builds + dataset_triples(store, base, activity, endpoint, dumps)
    data = _turtle(triples)
    site.write("void.ttl", data)
    site.write("index.ttl", data)  # the site root asked for as Turtle: the dataset description


def _write_sitemap(site: _Site, site_url: str) -> None:
    def urls() -> Iterator[str]:
        yield site_url
        yield from (f"{site_url}{kind}.html" for kind in KINDS)
        yield f"{site_url}agreement.html"
        yield f"{site_url}ontology.html"
        for kind in KINDS:
            yield from (f"{site_url}{site.path_of(i)}.html" for i in site.kinds[kind])

    body = "".join(f"<url><loc>{pages.esc(u)}</loc></url>\n" for u in urls())
    site.write("sitemap.xml", '<?xml version="1.0" encoding="UTF-8"?>\n'
               f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{body}</urlset>\n')


def prepare_folder(folder: str | Path) -> None:
    """Make ``folder`` ready for a site: new or empty is fine, a previous site is removed first.

    Any other folder is refused, so a mistyped path never deletes someone's files.
    """
    path = Path(folder)
    if not path.exists() or (path.is_dir() and not any(path.iterdir())):
        return
    if path.is_dir() and all((path / name).is_file() for name in ("sitemap.xml", "ontology.html", "void.ttl")):
        shutil.rmtree(path)
        return
    raise KgError(f"{folder}: not empty and not a site kg publish wrote: give a new or empty folder")
