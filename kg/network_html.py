"""One self-contained HTML page that draws a network offline: force layout, filters, a time slider.

The page inlines the vendored d3-force build (``kg/data/vendor``, ISC
licence) and the graph as JSON, and needs nothing from the network: it can
be mailed, opened from a USB stick or attached to a report.  Nodes are sized
by eigenvector centrality and coloured by Louvain community; hovering shows
a node's attributes; the search box highlights nodes by label, code or QID;
two selects keep one commitment type or one country's ties; the slider shows
the network as it stood on each meeting date (ties met on or before it).

``window.irkgNetwork`` exposes the visible counts and the slider, so a
browser test can check what is drawn without knowing the markup.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import networkx as nx

from kg.network_metrics import add_metrics

VENDOR = Path(__file__).parent / "data" / "vendor"
SCRIPTS = ("d3-dispatch.min.js", "d3-quadtree.min.js", "d3-timer.min.js", "d3-force.min.js")
NODE_FIELDS = ("label", "kind", "iso3", "iso2", "qid", "country", "office", "date", "degree",
               "weighted_degree", "betweenness", "eigenvector", "community")


def graph_payload(graph: nx.Graph) -> dict:
    """The compact JSON the page draws: nodes with metrics, links with dates and type."""
    if graph.number_of_nodes() and "community" not in next(iter(graph.nodes.values())):
        add_metrics(graph)
    nodes = []
    for node, data in graph.nodes(data=True):
        item = {"id": str(node)}
        item.update({k: data[k] for k in NODE_FIELDS if data.get(k) is not None})
        nodes.append(item)
    links = []
    for a, b, data in graph.edges(data=True):
        link = {"source": str(a), "target": str(b), "weight": data.get("weight", 1),
                "dates": sorted(set(data.get("dates") or ()))}
        if data.get("type"):
            link["type"] = data["type"]
        links.append(link)
    meta = {k: v for k, v in graph.graph.items() if isinstance(v, (str, int, float))}
    return {"meta": meta, "directed": graph.is_directed(), "nodes": nodes, "links": links}


def _script(text: str) -> str:
    """Inline script text safely: ``</`` would end the element early."""
    return "<script>\n" + text.replace("</", "<\\/") + "\n</script>"


def to_html(graph: nx.Graph) -> str:
    """The whole page as a string."""
    payload = json.dumps(graph_payload(graph), ensure_ascii=False, separators=(",", ":"))
    payload = payload.replace("<", "\\u003c")  # a title holding "<!--<script>" must not end the script
    vendor = "\n".join(_script((VENDOR / name).read_text(encoding="utf-8")) for name in SCRIPTS)
    title = f"irkg {graph.graph.get('kind', '')} network".replace("  ", " ")
    return (PAGE.replace("{{TITLE}}", html.escape(title))
                .replace("{{VENDOR}}", vendor)
                .replace("{{DATA}}", _script(f"const IRKG_DATA = {payload};"))
                .replace("{{APP}}", _script(APP)))


PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>{{TITLE}}</title>
<style>
 html, body { margin: 0; height: 100%; font: 14px system-ui, sans-serif; color: #202124; }
 body { display: flex; flex-direction: column; }
 header { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; padding: 8px 12px;
          background: #f1f3f4; border-bottom: 1px solid #dadce0; }
 header h1 { font-size: 16px; margin: 0 8px 0 0; }
 header label { display: flex; gap: 6px; align-items: center; }
 #time-slider { width: 260px; }
 #counts { margin-left: auto; color: #5f6368; }
 #network { display: block; flex: 1; min-height: 0; width: 100%; background: #fff; cursor: grab; }
 .link { stroke: #9aa0a6; stroke-opacity: .55; }
 .node { stroke: #fff; stroke-width: 1.2px; cursor: pointer; }
 .hidden { display: none; }
 .dim { opacity: .12; }
 .match { stroke: #000; stroke-width: 3px; }
 .label { font-size: 11px; pointer-events: none; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
 #tooltip { position: fixed; pointer-events: none; background: rgba(32,33,36,.92); color: #fff;
            padding: 6px 8px; border-radius: 4px; font-size: 12px; max-width: 340px; display: none; }
 #tooltip b { display: block; margin-bottom: 2px; font-size: 13px; }
</style>
</head>
<body>
<header>
 <h1>{{TITLE}}</h1>
 <label>Search <input id="search" type="search" placeholder="name, ISO code, QID"></label>
 <label>Commitment type <select id="type-filter"><option value="">all</option></select></label>
 <label>Country <select id="country-filter"><option value="">all</option></select></label>
 <label>Up to <input id="time-slider" type="range" min="0" max="0" value="0"> <span id="time-label"></span></label>
 <span id="counts"></span>
</header>
<svg id="network" role="img" aria-label="network drawing"></svg>
<div id="tooltip"></div>
{{VENDOR}}
{{DATA}}
{{APP}}
</body>
</html>
"""

APP = r"""
(function () {
  "use strict";
  const SVG_NS = "http://www.w3.org/2000/svg";
  const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
                   "#17becf", "#bcbd22", "#7f7f7f", "#393b79", "#637939", "#8c6d31", "#843c39"];
  const data = IRKG_DATA;
  const svg = document.getElementById("network");
  const view = document.createElementNS(SVG_NS, "g");
  svg.appendChild(view);
  const byId = new Map(data.nodes.map(n => [n.id, n]));
  const nodeCode = n => n.iso3 || n.country || "";
  const maxEig = Math.max(1e-9, ...data.nodes.map(n => n.eigenvector || 0));
  data.nodes.forEach(n => { n.r = 5 + 22 * Math.sqrt((n.eigenvector || 0) / maxEig); });
  const dates = Array.from(new Set(data.links.flatMap(l => l.dates))).sort();
  const linked = new Set(data.links.flatMap(l => [l.source, l.target]));

  // filters -------------------------------------------------------------
  const search = document.getElementById("search");
  const typeFilter = document.getElementById("type-filter");
  const countryFilter = document.getElementById("country-filter");
  const slider = document.getElementById("time-slider");
  const timeLabel = document.getElementById("time-label");
  const addOptions = (select, values, label) => values.forEach(v => {
    const o = document.createElement("option"); o.value = v; o.textContent = label(v); select.appendChild(o);
  });
  const types = Array.from(new Set(data.links.map(l => l.type).filter(Boolean))).sort();
  addOptions(typeFilter, types, t => t);
  typeFilter.disabled = types.length === 0;
  const countryNames = new Map();
  data.nodes.forEach(n => { if (n.iso3) countryNames.set(n.iso3, n.label); else if (n.country && !countryNames.has(n.country)) countryNames.set(n.country, n.country); });
  addOptions(countryFilter, Array.from(countryNames.keys()).sort((a, b) => countryNames.get(a).localeCompare(countryNames.get(b))),
             c => countryNames.get(c) + " (" + c + ")");
  slider.max = String(Math.max(0, dates.length - 1));
  slider.value = slider.max;
  slider.disabled = dates.length === 0;

  // drawing -------------------------------------------------------------
  const make = (tag, cls, parent) => { const e = document.createElementNS(SVG_NS, tag); e.setAttribute("class", cls); parent.appendChild(e); return e; };
  const linkLayer = make("g", "links", view), nodeLayer = make("g", "nodes", view), labelLayer = make("g", "labels", view);
  const maxW = Math.max(1, ...data.links.map(l => l.weight));
  data.links.forEach(l => { l.el = make("line", "link", linkLayer); l.el.setAttribute("stroke-width", 0.8 + 5 * Math.sqrt(l.weight / maxW)); });
  const labelled = new Set(data.nodes.slice().sort((a, b) => (b.weighted_degree || 0) - (a.weighted_degree || 0)).slice(0, 40).map(n => n.id));
  data.nodes.forEach(n => {
    n.el = make("circle", "node", nodeLayer);
    n.el.setAttribute("r", n.r);
    n.el.setAttribute("fill", n.community == null ? "#bdc1c6" : PALETTE[n.community % PALETTE.length]);
    n.el.dataset.id = n.id;
    n.el.addEventListener("mouseenter", ev => showTip(n, ev));
    n.el.addEventListener("mousemove", ev => moveTip(ev));
    n.el.addEventListener("mouseleave", () => { tip.style.display = "none"; });
    if (labelled.has(n.id)) { n.text = make("text", "label", labelLayer); n.text.textContent = n.label || n.id; }
  });

  const tip = document.getElementById("tooltip");
  const FIELDS = ["kind", "iso3", "qid", "country", "office", "date", "degree", "weighted_degree", "betweenness", "eigenvector", "community"];
  function showTip(n, ev) {
    tip.textContent = "";
    const b = document.createElement("b"); b.textContent = n.label || n.id; tip.appendChild(b);
    FIELDS.filter(f => n[f] != null).forEach(f => { const d = document.createElement("div"); d.textContent = f + ": " + n[f]; tip.appendChild(d); });
    tip.style.display = "block"; moveTip(ev);
  }
  function moveTip(ev) { tip.style.left = (ev.clientX + 14) + "px"; tip.style.top = (ev.clientY + 14) + "px"; }

  // what is visible -----------------------------------------------------
  let visibleNodes = 0, visibleLinks = 0;
  function update() {
    const cutoff = dates.length ? dates[Number(slider.value)] : null;
    const type = typeFilter.value, country = countryFilter.value;
    const shown = new Set();
    visibleLinks = 0;
    data.links.forEach(l => {
      const s = byId.get(l.source.id || l.source), t = byId.get(l.target.id || l.target);
      const ok = (!cutoff || l.dates.length === 0 || l.dates[0] <= cutoff) && (!type || l.type === type)
        && (!country || nodeCode(s) === country || nodeCode(t) === country);
      l.el.classList.toggle("hidden", !ok);
      if (ok) { visibleLinks++; shown.add(s.id); shown.add(t.id); }
    });
    const term = search.value.trim().toLowerCase();
    visibleNodes = 0;
    data.nodes.forEach(n => {
      const ok = shown.has(n.id) || (!linked.has(n.id) && !type && (!country || nodeCode(n) === country));
      const hit = term && [n.label, n.iso3, n.qid, n.id].some(v => v && String(v).toLowerCase().includes(term));
      n.el.classList.toggle("hidden", !ok);
      n.el.classList.toggle("match", !!hit);
      n.el.classList.toggle("dim", !!term && !hit);
      if (n.text) n.text.classList.toggle("hidden", !ok);
      if (ok) visibleNodes++;
    });
    timeLabel.textContent = cutoff || "(no dates)";
    document.getElementById("counts").textContent = visibleNodes + " nodes, " + visibleLinks + " links";
    svg.dataset.visibleNodes = visibleNodes;
  }
  [search, typeFilter, countryFilter, slider].forEach(el => el.addEventListener("input", update));
  [typeFilter, countryFilter].forEach(el => el.addEventListener("change", update));

  // layout --------------------------------------------------------------
  let ticks = 0, userMoved = false;
  const simulation = d3.forceSimulation(data.nodes)
    .force("link", d3.forceLink(data.links).id(n => n.id).distance(l => 40 + 60 / Math.sqrt(l.weight)))
    .force("charge", d3.forceManyBody().strength(n => -60 - 8 * n.r))
    .force("x", d3.forceX(0).strength(0.05))
    .force("y", d3.forceY(0).strength(0.05))
    .force("collide", d3.forceCollide(n => n.r + 2))
    .on("tick", () => { draw(); if (!userMoved && ++ticks % 10 === 0) fit(); })
    .on("end", () => { if (!userMoved) fit(); });
  function draw() {
    data.links.forEach(l => { l.el.setAttribute("x1", l.source.x); l.el.setAttribute("y1", l.source.y); l.el.setAttribute("x2", l.target.x); l.el.setAttribute("y2", l.target.y); });
    data.nodes.forEach(n => { n.el.setAttribute("cx", n.x); n.el.setAttribute("cy", n.y); if (n.text) { n.text.setAttribute("x", n.x + n.r + 2); n.text.setAttribute("y", n.y + 4); } });
  }

  // pan and zoom --------------------------------------------------------
  let scale = 1, tx = 0, ty = 0, drag = null;
  const applyView = () => view.setAttribute("transform", "translate(" + tx + "," + ty + ") scale(" + scale + ")");
  function fit() {  // the whole drawing in view, labels included, never enlarged past 1.5×
    if (!data.nodes.length) return;
    const box = svg.getBoundingClientRect(), width = box.width || 1200, height = box.height || 800;
    const xs = data.nodes.map(n => n.x), ys = data.nodes.map(n => n.y);
    const x0 = Math.min(...xs) - 30, x1 = Math.max(...xs) + 150, y0 = Math.min(...ys) - 30, y1 = Math.max(...ys) + 30;
    scale = Math.min(1.5, width / (x1 - x0), height / (y1 - y0));
    tx = (width - (x1 - x0) * scale) / 2 - x0 * scale; ty = (height - (y1 - y0) * scale) / 2 - y0 * scale;
    applyView();
  }
  svg.addEventListener("wheel", ev => {
    ev.preventDefault(); userMoved = true;
    const k = Math.exp(-ev.deltaY * 0.0015), r = svg.getBoundingClientRect();
    const px = ev.clientX - r.left, py = ev.clientY - r.top;
    tx = px - (px - tx) * k; ty = py - (py - ty) * k; scale *= k; applyView();
  }, { passive: false });
  svg.addEventListener("pointerdown", ev => { userMoved = true; drag = [ev.clientX - tx, ev.clientY - ty]; });
  window.addEventListener("resize", () => { if (!userMoved) fit(); });
  window.addEventListener("pointermove", ev => { if (drag) { tx = ev.clientX - drag[0]; ty = ev.clientY - drag[1]; applyView(); } });
  window.addEventListener("pointerup", () => { drag = null; });

  update();
  window.irkgNetwork = {
    dates: dates,
    visibleNodes: () => visibleNodes,
    visibleLinks: () => visibleLinks,
    setTime: i => { slider.value = String(i); slider.dispatchEvent(new Event("input")); return visibleNodes; },
    settle: () => { simulation.stop(); simulation.tick(300); draw(); fit(); },
  };
})();
"""
