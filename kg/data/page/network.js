// The interactive network page: top-N nodes by a metric, shapes by node kind, colours by
// community or kind, a legend, filters and a time slider.  Reads IRKG_DATA; needs d3-force.
(function () {
  "use strict";
  const SVG_NS = "http://www.w3.org/2000/svg";
  const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
                   "#17becf", "#bcbd22", "#7f7f7f", "#393b79", "#637939", "#8c6d31", "#843c39"];
  const KIND_COLOURS = { country: "#1f77b4", leader: "#ff7f0e", meeting: "#9aa0a6" };
  const KIND_SHAPES = { country: "circle", leader: "square", meeting: "diamond" };
  const METRIC_NAMES = { eigenvector: "eigenvector centrality", weighted_degree: "weighted degree",
                         degree: "degree", betweenness: "betweenness" };
  const DEFAULT_TOP = 150, LABELS = 30;
  const data = IRKG_DATA;
  const meta = data.meta || {};
  const svg = document.getElementById("network");
  const view = document.createElementNS(SVG_NS, "g");
  svg.appendChild(view);
  const byId = new Map(data.nodes.map(n => [n.id, n]));
  data.links.forEach(l => { l.s = l.source; l.t = l.target; });
  const nodeCode = n => n.iso3 || n.country || "";
  const kindOf = n => n.kind || "other";
  const dates = Array.from(new Set(data.links.flatMap(l => l.dates))).sort();
  const linked = new Set(data.links.flatMap(l => [l.s, l.t]));
  const metrics = Object.keys(METRIC_NAMES).filter(m => data.nodes.some(n => n[m] != null));
  const $ = id => document.getElementById(id);
  const search = $("search"), typeFilter = $("type-filter"), countryFilter = $("country-filter");
  const slider = $("time-slider"), timeLabel = $("time-label"), topSelect = $("top-n"), rankBy = $("rank-by");
  const colourBy = $("colour-by"), more = $("more"), legend = $("legend");
  $("notes").textContent = meta.notes ? "Note: " + meta.notes : "";

  // controls ------------------------------------------------------------
  const addOptions = (select, values, label) => values.forEach(v => {
    const o = document.createElement("option"); o.value = String(v); o.textContent = label(v); select.appendChild(o);
  });
  const total = data.nodes.length;
  const steps = [25, 50, 100, DEFAULT_TOP, 250, 500, 1000, 2500, 5000, 10000].filter(k => k < total).concat([total]);
  addOptions(topSelect, steps, k => k === total ? "all " + total : String(k));
  topSelect.value = String(total <= DEFAULT_TOP ? total : DEFAULT_TOP);
  addOptions(rankBy, metrics.length ? metrics : ["degree"], m => METRIC_NAMES[m] || m);
  colourBy.value = meta.kind === "leader-country" || meta.kind === "meetings" ? "kind" : "community";
  const types = Array.from(new Set(data.links.map(l => l.type).filter(Boolean))).sort();
  addOptions(typeFilter, types, t => t);
  typeFilter.disabled = types.length === 0;
  const countryNames = new Map();
  data.nodes.forEach(n => { if (n.iso3) countryNames.set(n.iso3, n.label); });
  data.nodes.forEach(n => { if (n.country && !countryNames.has(n.country)) countryNames.set(n.country, n.country); });
  addOptions(countryFilter, Array.from(countryNames.keys()).sort((a, b) => String(countryNames.get(a)).localeCompare(String(countryNames.get(b)))),
             c => countryNames.get(c) + " (" + c + ")");
  slider.max = String(Math.max(0, dates.length - 1));
  slider.value = slider.max;
  slider.disabled = dates.length === 0;

  // what is drawn: the top N nodes by the ranking metric -------------------
  const make = (tag, cls, parent) => { const e = document.createElementNS(SVG_NS, tag); if (cls) e.setAttribute("class", cls); parent.appendChild(e); return e; };
  const linkLayer = make("g", "links", view), nodeLayer = make("g", "nodes", view), labelLayer = make("g", "labels", view);
  const metric = () => rankBy.value;
  const score = n => Number(n[metric()] || 0);
  const ranked = () => data.nodes.slice().sort((a, b) => score(b) - score(a) || String(a.label || a.id).localeCompare(String(b.label || b.id)));
  const maxW = Math.max(1, ...data.links.map(l => l.weight));
  let active = [], activeLinks = [], simulation = null, ticks = 0, userMoved = false;

  function shortLabel(n) {  // long meeting titles would crowd the drawing; the tooltip has the rest
    const text = String(n.label || n.id);
    return text.length > 32 ? text.slice(0, 31) + "…" : text;
  }
  function shapePath(shape, r) {
    if (shape === "square") { const h = r * 0.89; return "M" + -h + "," + -h + "h" + 2 * h + "v" + 2 * h + "h" + -2 * h + "Z"; }
    if (shape === "diamond") { const h = r * 1.25; return "M0," + -h + "L" + h + ",0L0," + h + "L" + -h + ",0Z"; }
    const h = r * 1.3; return "M0," + -h + "L" + h * 0.87 + "," + h * 0.5 + "L" + -h * 0.87 + "," + h * 0.5 + "Z";
  }
  function colour(n) {
    if (colourBy.value === "kind") return KIND_COLOURS[kindOf(n)] || "#5f6368";
    return n.community == null ? "#bdc1c6" : PALETTE[n.community % PALETTE.length];
  }
  function sizeAll() {
    const max = Math.max(1e-9, ...data.nodes.map(score));
    data.nodes.forEach(n => { n.r = 4 + 18 * Math.sqrt(score(n) / max); });
  }

  function render() {
    if (simulation) simulation.stop();
    sizeAll();
    const n = Number(topSelect.value);
    active = ranked().slice(0, n);
    const keep = new Set(active.map(a => a.id));
    activeLinks = data.links.filter(l => keep.has(l.s) && keep.has(l.t))
      .map(l => ({ source: l.s, target: l.t, weight: l.weight, dates: l.dates, type: l.type }));
    [linkLayer, nodeLayer, labelLayer].forEach(g => { while (g.firstChild) g.removeChild(g.firstChild); });
    activeLinks.forEach(l => { l.el = make("line", "link", linkLayer); l.el.setAttribute("stroke-width", 0.6 + 5 * Math.sqrt(l.weight / maxW)); });
    const labelOrder = active.filter(a => kindOf(a) !== "meeting").concat(active.filter(a => kindOf(a) === "meeting"));
    const labelled = new Set(labelOrder.slice(0, LABELS).map(a => a.id));  // people and places first
    active.forEach(a => {
      const shape = KIND_SHAPES[kindOf(a)] || "triangle";
      a.shape = shape;
      if (shape === "circle") { a.el = make("circle", "node", nodeLayer); a.el.setAttribute("r", a.r); }
      else { a.el = make("path", "node", nodeLayer); a.el.setAttribute("d", shapePath(shape, a.r)); }
      a.el.setAttribute("fill", colour(a));
      a.el.dataset.id = a.id;
      a.el.dataset.kind = kindOf(a);
      a.el.addEventListener("mouseenter", ev => showTip(a, ev));
      a.el.addEventListener("mousemove", ev => moveTip(ev));
      a.el.addEventListener("mouseleave", () => { tip.style.display = "none"; });
      a.text = make("text", "label", labelLayer); a.text.textContent = shortLabel(a);
      a.labelled = labelled.has(a.id);
    });
    more.disabled = n >= total;
    drawLegend();
    update();
    ticks = 0;
    simulation = d3.forceSimulation(active)
      .force("link", d3.forceLink(activeLinks).id(x => x.id).distance(l => 30 + 60 / Math.sqrt(l.weight)))
      .force("charge", d3.forceManyBody().strength(x => -40 - 8 * x.r).distanceMax(600))
      .force("x", d3.forceX(0).strength(0.06))
      .force("y", d3.forceY(0).strength(0.06))
      .force("collide", d3.forceCollide(x => x.r + 2))
      .on("tick", () => { draw(); if (!userMoved && ++ticks % 10 === 0) fit(); })
      .on("end", () => { if (!userMoved) fit(); });
    if (active.length > 600) simulation.alphaDecay(0.05);  // settle big drawings sooner
  }

  function draw() {
    activeLinks.forEach(l => { l.el.setAttribute("x1", l.source.x); l.el.setAttribute("y1", l.source.y); l.el.setAttribute("x2", l.target.x); l.el.setAttribute("y2", l.target.y); });
    active.forEach(a => {
      if (a.shape === "circle") { a.el.setAttribute("cx", a.x); a.el.setAttribute("cy", a.y); }
      else a.el.setAttribute("transform", "translate(" + a.x + "," + a.y + ")");
      a.text.setAttribute("x", a.x + a.r + 2); a.text.setAttribute("y", a.y + 4);
    });
  }

  // legend --------------------------------------------------------------
  function icon(shape, fill, r) {
    const s = document.createElementNS(SVG_NS, "svg"), size = 2 * r * 1.4 + 2;
    s.setAttribute("width", size); s.setAttribute("height", size);
    const g = make("g", "", s); g.setAttribute("transform", "translate(" + size / 2 + "," + size / 2 + ")");
    const e = shape === "circle" ? make("circle", "", g) : make("path", "", g);
    if (shape === "circle") e.setAttribute("r", r); else e.setAttribute("d", shapePath(shape, r));
    e.setAttribute("fill", fill);
    return s;
  }
  function entry(parent, iconEl, text) {
    const d = document.createElement("div"); if (iconEl) d.appendChild(iconEl);
    const span = document.createElement("span"); span.textContent = text; d.appendChild(span); parent.appendChild(d);
  }
  function heading(text) { const h = document.createElement("h2"); h.textContent = text; legend.appendChild(h); }
  function drawLegend() {
    legend.textContent = "";
    const kinds = new Map();
    data.nodes.forEach(n => kinds.set(kindOf(n), (kinds.get(kindOf(n)) || 0) + 1));
    heading("Shape: node kind");
    kinds.forEach((count, kind) => entry(legend, icon(KIND_SHAPES[kind] || "triangle", "#80868b", 6), kind + " (" + count + ")"));
    if (colourBy.value === "kind") {
      heading("Colour: node kind");
      kinds.forEach((count, kind) => entry(legend, icon("circle", KIND_COLOURS[kind] || "#5f6368", 6), kind));
    } else {
      heading("Colour: Louvain community");
      const groups = new Map();
      data.nodes.forEach(n => { if (n.community != null) { const g = groups.get(n.community) || []; g.push(n); groups.set(n.community, g); } });
      const ordered = Array.from(groups.entries()).sort((a, b) => a[0] - b[0]);
      ordered.slice(0, 8).forEach(([c, members]) => {
        const top = members.slice().sort((a, b) => (b.weighted_degree || 0) - (a.weighted_degree || 0))[0];
        entry(legend, icon("circle", PALETTE[c % PALETTE.length], 6), (top.label || top.id) + " and " + (members.length - 1) + " more");
      });
      if (ordered.length > 8) entry(legend, null, "… " + (ordered.length - 8) + " smaller communities");
    }
    const values = data.nodes.map(score), lo = Math.min(...values), hi = Math.max(...values);
    heading("Size: " + (METRIC_NAMES[metric()] || metric()));
    entry(legend, icon("circle", "#bdc1c6", 4), "smallest " + (+lo.toPrecision(3)));
    entry(legend, icon("circle", "#bdc1c6", 14), "largest " + (+hi.toPrecision(3)));
    heading("Line width");
    entry(legend, null, (meta.kind === "commitments" ? "commitments" : "meetings") + ", 1 to " + maxW);
    entry(legend, null, "showing the top " + active.length + " of " + total + " nodes by " + (METRIC_NAMES[metric()] || metric()));
  }

  // tooltip -------------------------------------------------------------
  const tip = $("tooltip");
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
    activeLinks.forEach(l => {
      const s = byId.get(l.source.id || l.source), t = byId.get(l.target.id || l.target);
      const ok = (!cutoff || l.dates.length === 0 || l.dates[0] <= cutoff) && (!type || l.type === type)
        && (!country || nodeCode(s) === country || nodeCode(t) === country);
      l.el.classList.toggle("hidden", !ok);
      if (ok) { visibleLinks++; shown.add(s.id); shown.add(t.id); }
    });
    const term = search.value.trim().toLowerCase();
    visibleNodes = 0;
    active.forEach(n => {
      const ok = shown.has(n.id) || (!linked.has(n.id) && !type && (!country || nodeCode(n) === country));
      const hit = term && [n.label, n.iso3, n.qid, n.id].some(v => v && String(v).toLowerCase().includes(term));
      n.el.classList.toggle("hidden", !ok);
      n.el.classList.toggle("match", !!hit);
      n.el.classList.toggle("dim", !!term && !hit);
      n.text.classList.toggle("hidden", !ok || !(n.labelled || hit));
      n.visible = ok;
      if (ok) visibleNodes++;
    });
    timeLabel.textContent = cutoff || "(no dates)";
    $("counts").textContent = visibleNodes + " of " + total + " nodes, " + visibleLinks + " links";
    svg.dataset.visibleNodes = visibleNodes;
  }
  [search, typeFilter, countryFilter, slider].forEach(el => el.addEventListener("input", update));
  [typeFilter, countryFilter].forEach(el => el.addEventListener("change", update));
  [topSelect, rankBy].forEach(el => el.addEventListener("change", () => { userMoved = false; render(); }));
  colourBy.addEventListener("change", () => { active.forEach(a => a.el.setAttribute("fill", colour(a))); drawLegend(); });
  more.addEventListener("click", () => {
    const next = steps.find(k => k > Number(topSelect.value));
    if (next) { topSelect.value = String(next); userMoved = false; render(); }
  });

  // pan, zoom and fitting the viewport -------------------------------------
  let scale = 1, tx = 0, ty = 0, drag = null;
  const applyView = () => view.setAttribute("transform", "translate(" + tx + "," + ty + ") scale(" + scale + ")");
  function fit() {  // the visible drawing in view, labels included, never enlarged past 1.5×
    const shown = active.filter(n => n.visible && n.x != null);
    if (!shown.length) return;
    const box = svg.getBoundingClientRect(), width = box.width || 1200, height = box.height || 800;
    const x0 = Math.min(...shown.map(n => n.x - n.r)) - 10, y0 = Math.min(...shown.map(n => n.y - n.r)) - 10;
    const x1 = Math.max(...shown.map(n => n.x + n.r + (n.labelled ? 8 + 6.5 * shortLabel(n).length : 0))) + 10;
    const y1 = Math.max(...shown.map(n => n.y + n.r)) + 10;
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

  render();
  window.irkgNetwork = {
    dates: dates,
    total: total,
    drawnNodes: () => active.length,
    visibleNodes: () => visibleNodes,
    visibleLinks: () => visibleLinks,
    setTime: i => { slider.value = String(i); slider.dispatchEvent(new Event("input")); return visibleNodes; },
    showMore: () => { more.click(); return active.length; },
    settle: () => { simulation.stop(); simulation.tick(300); draw(); userMoved = false; fit(); },
    fits: () => {  // is the drawing inside the viewport?
      const a = view.getBoundingClientRect(), b = svg.getBoundingClientRect();
      return a.left >= b.left - 1 && a.top >= b.top - 1 && a.right <= b.right + 1 && a.bottom <= b.bottom + 1;
    },
  };
})();
