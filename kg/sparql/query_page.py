"""The query page ``kg serve`` answers at ``/``: one offline HTML file, no script from elsewhere.

An analyst's first query uses ``irkg:``, so the editor starts with every
project prefix declared; the library queries are listed with their
descriptions and load ready to run, their parameters bound to the examples
their headers give.  Data reaches the page as JSON inside a script element,
with ``<`` escaped, and results are drawn with ``textContent`` only, so no
title or literal in the store can inject markup.
"""

from __future__ import annotations

import html
import json

from kg.errors import KgError
from kg.rdf.prefixes import PREFIXES

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>irkg SPARQL</title><link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px system-ui,sans-serif;margin:0;display:flex;height:100vh}
nav{width:30%;overflow:auto;border-right:1px solid #ccc;padding:8px}
main{flex:1;display:flex;flex-direction:column;padding:8px;min-width:0}
textarea{width:100%;height:40vh;font:13px monospace;box-sizing:border-box}
#out{overflow:auto;flex:1}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:2px 6px;
vertical-align:top;font-size:13px}th{background:#f4f4f4;position:sticky;top:0}
.q{margin:0 0 10px}.q button{font-weight:bold}.q p{margin:2px 0;color:#444}#status{margin:6px 0}
.error{color:#a00;white-space:pre-wrap}
</style></head><body>
<nav><h3>Library queries</h3><div id="library"></div></nav>
<main><h2 style="margin:0 0 6px">irkg SPARQL endpoint</h2>
<p style="margin:0 0 6px">POST or GET <code>/query</code> (SPARQL 1.1 Protocol). The default graph is the
union of all named graphs. Queries stop after @TIMEOUT@ s.</p>
<textarea id="query" spellcheck="false" aria-label="SPARQL query"></textarea>
<div><button id="run">Run (Ctrl+Enter)</button> <span id="status"></span></div>
<div id="out"></div></main>
<script id="data" type="application/json">@DATA@</script>
<script>
const data = JSON.parse(document.getElementById("data").textContent);
const editor = document.getElementById("query"), out = document.getElementById("out");
const statusLine = document.getElementById("status");
editor.value = data.prefixes + "\\n" + data.start;
const lib = document.getElementById("library");
for (const q of data.queries) {
  const box = document.createElement("div"); box.className = "q";
  const b = document.createElement("button"); b.textContent = q.title || q.name;
  b.onclick = () => { editor.value = q.text; run(); };
  const p = document.createElement("p"); p.textContent = q.description;
  box.append(b, p); lib.append(box);
}
function cell(term) {
  if (!term) return "";
  return term.type === "literal" ? term.value : term.value;
}
async function run() {
  out.textContent = ""; statusLine.textContent = "running...";
  const started = performance.now();
  let response;
  try {
    response = await fetch("query", {method: "POST", headers: {"Content-Type": "application/sparql-query",
      "Accept": "application/sparql-results+json, application/n-triples;q=0.9"}, body: editor.value});
  } catch (e) { statusLine.textContent = ""; showError(String(e)); return; }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const text = await response.text();
  if (!response.ok) { statusLine.textContent = "HTTP " + response.status; showError(text); return; }
  if (!(response.headers.get("Content-Type") || "").includes("json")) {
    const pre = document.createElement("pre"); pre.textContent = text; out.append(pre);
    statusLine.textContent = seconds + " s"; return;
  }
  const json = JSON.parse(text);
  if ("boolean" in json) { out.textContent = String(json.boolean); statusLine.textContent = seconds + " s"; return; }
  const vars = json.head.vars, rows = json.results.bindings;
  const table = document.createElement("table"), head = table.insertRow();
  for (const v of vars) { const th = document.createElement("th"); th.textContent = v; head.append(th); }
  for (const row of rows) { const tr = table.insertRow(); for (const v of vars) tr.insertCell().textContent = cell(row[v]); }
  const next = nextPage(rows.length);
  if (next) {
    const more = document.createElement("button"); more.id = "next"; more.textContent = "Next " + next.size + " rows";
    more.onclick = () => { editor.value = next.text; run(); }; out.append(more);
  }
  out.append(table); statusLine.textContent = rows.length + " rows" + (next ? " from row " + (next.offset - next.size + 1) : "") +
    ", " + seconds + " s";
}
// A query that ends with LIMIT N [OFFSET M] and filled its page gets a button to the next one (the library's
// long answers come in pages of 500).
const PAGE = /\\bLIMIT\\s+(\\d+)(?:\\s+OFFSET\\s+(\\d+))?\\s*$/i;
function nextPage(count) {
  const m = editor.value.match(PAGE);
  if (!m || count < Number(m[1]) || Number(m[1]) === 0) return null;
  const size = Number(m[1]), offset = Number(m[2] || 0) + size;
  return {size: size, offset: offset, text: editor.value.replace(PAGE, "LIMIT " + size + " OFFSET " + offset + "\\n")};
}
function showError(text) { const pre = document.createElement("pre"); pre.className = "error";
  pre.textContent = text; out.append(pre); }
document.getElementById("run").onclick = run;
editor.addEventListener("keydown", e => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) run(); });
</script></body></html>
"""

_START = "SELECT ?meeting ?date ?title WHERE {\n  ?meeting a irkg:Meeting ; irkg:date ?date .\n" \
         "  OPTIONAL { ?meeting irkg:title ?title }\n} ORDER BY DESC(?date) LIMIT 20\n"


def prefix_block() -> str:
    """``PREFIX p: <ns>`` for every project prefix, one a line."""
    return "\n".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items())


def library_entries() -> list[dict[str, str]]:
    """Every library query with its title, description and text ready to run (examples bound)."""
    from kg.sparql.library import bind_params, list_queries
    from kg.store.sparql_text import insert_values

    entries = []
    for query in list_queries():
        text = query.text
        examples = {p.name: p.example for p in query.params if p.example}
        try:
            if examples:
                text = insert_values(text, bind_params(query, examples))
        except KgError:
            pass  # shown unbound: the user fills the parameters in
        entries.append({"name": query.name, "title": query.title or query.name,
                        "description": query.description or "", "text": prefix_block() + "\n" + text})
    return entries


def query_page(timeout: float) -> bytes:
    """The page's HTML, UTF-8."""
    data = json.dumps({"prefixes": prefix_block(), "start": _START, "queries": library_entries()},
                      ensure_ascii=False)
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    page = _PAGE.replace("@TIMEOUT@", html.escape(f"{timeout:g}")).replace("@DATA@", data)
    return page.encode("utf-8")
