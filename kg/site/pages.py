"""HTML for one resource of the graph, from its triples: no template engine, everything escaped.

A page shows what the graph says about its resource (a table of properties,
IRIs linked to their own pages or to the ontology reference), what links to
it (capped, with the full count), and for a claim the quote behind it with a
link to the very place in the transcript page, where it is highlighted.  The
transcript page holds the full text with every quoted span marked.  Links are
relative, so the site works from any folder, on any host, or from disk.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.rdf.jsonld import compact
from kg.rdf.namespace import ONTOLOGY_NS, RDF

STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
nav, .iri, footer { color: #555; font-size: 0.9rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.25rem 0.5rem; border-bottom: 1px solid #ddd; }
th { width: 14rem; font-weight: 600; }
blockquote { border-left: 4px solid #c60; margin: 1rem 0; padding: 0.25rem 1rem; background: #fff8f0; }
.text { white-space: pre-wrap; }
mark { background: #fff0b3; }
.anchor:target + mark, mark:target { background: #ffa64d; outline: 2px solid #c60; }
ul.index { columns: 2; }
"""

#: predicates shown first on a page, in this order
LEADING = ("http://xmlns.com/foaf/0.1/name", ONTOLOGY_NS + "title", "http://www.w3.org/2000/01/rdf-schema#label",
           ONTOLOGY_NS + "date")
TEXT = RDF + "value"
LINKS_SHOWN = 100


@dataclass
class Page:
    """What a page needs: the resource, its triples and the links to it."""

    iri: str
    kind: str
    label: str
    triples: Sequence[ox.Triple]
    inbound: dict[str, list[str]] = field(default_factory=dict)  # predicate -> subjects
    inbound_counts: dict[str, int] = field(default_factory=dict)


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


class Linker:
    """Turns IRIs into relative links from one page: published resources, ontology terms, the web."""

    def __init__(self, root: str, path_of: Callable[[str], str | None], label_of: Callable[[str], str]) -> None:
        self.root = root  # "../../" from id/<kind>/<page>
        self.path_of = path_of
        self.label_of = label_of

    def href(self, iri: str) -> str | None:
        path = self.path_of(iri)
        if path is not None:
            return f"{self.root}{path}.html"
        if iri.startswith(ONTOLOGY_NS):
            return f"{self.root}ontology.html#{iri[len(ONTOLOGY_NS):]}"
        return iri if iri.startswith(("http://", "https://")) else None

    def link(self, iri: str, text: str | None = None) -> str:
        href = self.href(iri)
        shown = esc(text if text is not None else (self.label_of(iri) if self.path_of(iri) else compact(iri)))
        return f'<a href="{esc(href)}">{shown}</a>' if href else shown

    def term(self, term) -> str:
        if isinstance(term, ox.NamedNode):
            return self.link(term.value)
        if isinstance(term, ox.BlankNode):
            return esc(f"_:{term.value}")
        suffix = f' <span class="iri">@{esc(term.language)}</span>' if term.language else ""
        return esc(term.value) + suffix


def document(title: str, root: str, body: str, alternates: str = "") -> str:
    """A whole HTML page with the shared style sheet and the site navigation."""
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{esc(title)} — irkg</title><link rel="icon" href="data:,">'
            f'<link rel="stylesheet" href="{root}style.css">{alternates}</head>\n<body>\n'
            f'<nav><a href="{root}index.html">irkg</a></nav>\n{body}\n</body></html>\n')


def _rows(triples: Iterable[ox.Triple], subject: str, linker: Linker, skip: frozenset[str]) -> str:
    values: dict[str, list] = defaultdict(list)
    for t in triples:
        if t.subject.value == subject and t.predicate.value not in skip:
            values[t.predicate.value].append(t.object)
    order = sorted(values, key=lambda p: (LEADING.index(p) if p in LEADING else len(LEADING), compact(p)))
    return "\n".join(f"<tr><th>{linker.link(p, compact(p))}</th><td>"
                     + "<br>".join(linker.term(o) for o in sorted(values[p], key=str)) + "</td></tr>"
                     for p in order)


def resource_page(page: Page, linker: Linker, quote_link: str | None = None) -> str:
    """The page of a meeting, leader, country, commitment or figure."""
    name = page.iri.rsplit("/", 1)[-1]
    types = sorted(t.object.value for t in page.triples
                   if t.subject.value == page.iri and t.predicate.value == RDF + "type")
    parts = [f"<h1>{esc(page.label)}</h1>",
             f'<p class="iri"><code>{esc(page.iri)}</code> · '
             + ", ".join(linker.link(t, compact(t)) for t in types) + "</p>"]
    evidence = next((t.object.value for t in page.triples
                     if t.subject.value == page.iri and t.predicate.value == ONTOLOGY_NS + "evidence"), None)
    if evidence is not None:
        quote = next((t.object.value for t in page.triples
                      if t.subject.value == evidence and t.predicate.value.endswith("#exact")), "")
        link = f' <a class="quote-link" href="{esc(quote_link)}">See it in the transcript</a>' if quote_link else ""
        parts.append(f"<blockquote>{esc(quote)}</blockquote><p>{link}</p>")
    parts.append("<table>" + _rows(page.triples, page.iri, linker, frozenset({RDF + "type"})) + "</table>")
    if page.inbound:
        parts.append("<h2>Linked from</h2><table>")
        for predicate, subjects in sorted(page.inbound.items(), key=lambda item: compact(item[0])):
            more = page.inbound_counts.get(predicate, len(subjects)) - len(subjects)
            shown = "<br>".join(linker.link(s) for s in subjects)
            parts.append(f"<tr><th>{esc(compact(predicate))} of</th><td>{shown}"
                         + (f"<br>… and {more} more" if more > 0 else "") + "</td></tr>")
        parts.append("</table>")
    parts.append(_footer(name))
    return document(page.label, linker.root, "\n".join(parts), _alternates(name))


def _alternates(name: str) -> str:
    return (f'<link rel="alternate" type="text/turtle" href="{esc(name)}.ttl">'
            f'<link rel="alternate" type="application/ld+json" href="{esc(name)}.jsonld">')


def _footer(name: str) -> str:
    return (f'<footer>Also as <a href="{esc(name)}.ttl">Turtle</a> and '
            f'<a href="{esc(name)}.jsonld">JSON-LD</a>.</footer>')


@dataclass(frozen=True)
class Quote:
    """A quoted span of a transcript and the fact it is evidence of."""

    start: int
    end: int
    fact: str
    anchor: str


def marked_text(text: str, quotes: Sequence[Quote], linker: Linker) -> str:
    """The transcript's text with every quoted span in a ``<mark>``, each fact's start anchored.

    Spans may overlap or repeat (two facts read from one sentence): the text is
    cut at every span boundary, each piece inside any span is marked, and an
    empty ``<span id>`` before a span's first piece is the target a fact page
    links to, which the style sheet highlights with the piece after it.
    """
    cuts = sorted({0, len(text), *(q.start for q in quotes), *(q.end for q in quotes)})
    starts: dict[int, list[Quote]] = defaultdict(list)
    for q in quotes:
        starts[q.start].append(q)
    out = []
    for left, right in zip(cuts, cuts[1:]):
        for q in starts.get(left, ()):
            out.append(f'<span class="anchor" id="{esc(q.anchor)}"></span>')
        piece = esc(text[left:right])
        covering = [q for q in quotes if q.start <= left and right <= q.end]
        if covering:
            href = linker.href(covering[0].fact)
            out.append(f'<mark><a href="{esc(href)}">{piece}</a></mark>' if href else f"<mark>{piece}</mark>")
        else:
            out.append(piece)
    return "".join(out)


def transcript_page(page: Page, text: str, quotes: Sequence[Quote], linker: Linker, credit: str | None) -> str:
    """The transcript: its description, its credit line, and its full text with the quotes marked."""
    name = page.iri.rsplit("/", 1)[-1]
    parts = [f"<h1>{esc(page.label)}</h1>", f'<p class="iri"><code>{esc(page.iri)}</code></p>']
    if credit:
        parts.append(f'<p class="credit">{credit}</p>')
    parts.append("<table>" + _rows(page.triples, page.iri, linker, frozenset({RDF + "type", TEXT})) + "</table>")
    parts.append(f'<h2>Text</h2><div class="text">{marked_text(text, quotes, linker)}</div>')
    parts.append(_footer(name))
    return document(page.label, linker.root, "\n".join(parts), _alternates(name))


def index_page(title: str, entries: Sequence[tuple[str, str]], root: str, intro: str = "") -> str:
    """A list of links: (href relative to the site root, text)."""
    items = "\n".join(f'<li><a href="{root}{esc(href)}">{esc(text)}</a></li>' for href, text in entries)
    return document(title, root, f"<h1>{esc(title)}</h1>{intro}<ul class=\"index\">\n{items}\n</ul>")
