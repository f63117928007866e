"""``kg report``: one offline HTML page about a store, the kind an analyst sends to a colleague.

Meetings per year and per partner, the country network, commitments by type
and status over time, the figures leaders cite most with their quotes, and
the state of the data (counts, SHACL warnings, the extraction scores of the
model card).  Everything is inline — styles and SVG charts drawn in Python,
no script, no fonts or images from the network — so the file can be mailed,
printed or opened years later.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path

from kg import __version__
from kg.network.graphs import to_networkx
from kg.model import STATUSES
from kg.report.data import ReportData, collect, read_model_card, summarise_validation
from kg.report.svg import bar_chart, country_network, hbar_chart, stacked_chart, status_legend
from kg.store.protocol import Store

PAGE = Path(__file__).resolve().parent.parent / "data" / "page" / "report.html"
CHECKOUT_MODEL_CARD = Path(__file__).resolve().parent.parent.parent / "docs" / "model-card.md"


def write_report(store: Store, path: str | Path, *, validate: bool = True,
                 model_card: str | Path | None = None, title: str = "irkg report") -> Path:
    """Write the report page for ``store`` to ``path``; returns the path.

    ``validate`` runs SHACL over every graph for the data-quality section
    (about 25 s on 7,000 transcripts); ``model_card`` is a Markdown file whose
    score tables are shown (default: ``docs/model-card.md`` of the checkout,
    when there is one).
    """
    path = Path(path)
    path.write_text(render_report(store, validate=validate, model_card=model_card, title=title), encoding="utf-8")
    return path


def render_report(store: Store, *, validate: bool = True, model_card: str | Path | None = None,
                  title: str = "irkg report") -> str:
    """The report page as a string."""
    data = collect(store)
    if validate:
        from kg.validation.shacl import validate_store
        data.validation = summarise_validation(validate_store(store))
    card = Path(model_card) if model_card else CHECKOUT_MODEL_CARD
    data.model_card = read_model_card(card)
    network = to_networkx(store, "countries")
    sections = [_overview(data), _meetings(data), _network(network), _commitments(data), _figures(data),
                _quality(data, card)]
    stamp = dt.date.today().isoformat()
    return (PAGE.read_text(encoding="utf-8")
            .replace("{{TITLE}}", escape(title))
            .replace("{{SUBTITLE}}", escape(f"{data.totals['transcripts']:,} transcripts, meetings from "
                                            f"{data.first or '?'} to {data.last or '?'}; made by irkg "
                                            f"{__version__} on {stamp}"))
            .replace("{{SECTIONS}}", "\n".join(sections)))


def _section(ident: str, heading: str, body: str, note: str = "") -> str:
    note_html = f'<p class="note">{note}</p>' if note else ""
    return f'<section id="{ident}"><h2>{escape(heading)}</h2>{note_html}{body}</section>'


def _overview(data: ReportData) -> str:
    keys = ("transcripts", "meetings", "leaders", "countries", "commitments", "figures")
    cards = "".join(f'<div class="stat"><b>{data.totals.get(k, 0):,}</b><span>{k}</span></div>' for k in keys)
    return _section("overview", "At a glance", f'<div class="stats">{cards}</div>',
                    f"{data.followups:,} commitments are linked to an earlier promise they follow up "
                    "(docs/followups.md says how far to trust the links).")


def _meetings(data: ReportData) -> str:
    years = bar_chart(data.meetings_per_year, "Meetings per year")
    partners = hbar_chart([(f"{name} ({code})", n) for code, name, n in data.partners[:20]],
                          "Meetings per partner country, top 20")
    return _section("meetings", "Meetings",
                    f'<div class="grid2"><figure>{years}<figcaption>Meetings per year (dated meetings).'
                    f'</figcaption></figure><figure>{partners}<figcaption>Partners: the countries at a '
                    "meeting other than the one whose site published the transcript; top 20 of "
                    f"{len(data.partners)}.</figcaption></figure></div>")


def _network(graph) -> str:
    drawing = country_network(graph, "Countries linked by meetings")
    return _section("network", "The country network", f"<figure>{drawing}<figcaption>{graph.number_of_nodes()} "
                    f"countries, {graph.number_of_edges()} ties. Two countries are tied when their leaders "
                    "spoke for them at the same meeting; the busiest country sits in the middle, the others "
                    "on rings by their number of meetings (busiest nearest), line width is meetings. "
                    "<code>kg network countries -o countries.html</code> gives the interactive version."
                    "</figcaption></figure>")


def _commitments(data: ReportData) -> str:
    years = sorted({y for per_year in data.commitments.values() for y in per_year if y != "undated"})
    charts = []
    for kind in data.commitments:
        per_year = data.commitments[kind]
        total = sum(sum(c.values()) for c in per_year.values())
        charts.append(f'<figure class="small">{stacked_chart(years, per_year, f"{kind} by year and status")}'
                      f"<figcaption><b>{kind}</b> — {total:,}</figcaption></figure>")
    header = "".join(f"<th>{s}</th>" for s in STATUSES)
    rows = []
    for kind, per_year in data.commitments.items():
        counts = {s: sum(c.get(s, 0) for c in per_year.values()) for s in STATUSES}
        rows.append(f"<tr><th>{kind}</th>" + "".join(f"<td>{counts[s]:,}</td>" for s in STATUSES)
                    + f"<td>{sum(counts.values()):,}</td></tr>")
    table = f'<table class="numbers"><tr><th></th>{header}<th>all</th></tr>{"".join(rows)}</table>'
    return _section("commitments", "Commitments by type and status over time",
                    f'<p class="legend">{status_legend()}</p><div class="grid3">{"".join(charts)}</div>{table}',
                    "Each commitment is a claim with its quote; status is how far it had got when it was said.")


def _figures(data: ReportData) -> str:
    if not data.figures:
        return _section("figures", "Figures leaders cite most", "<p>No figures in the store.</p>")
    blocks = []
    for topic, items in data.figures.items():
        rows = "".join(
            f"<tr><td class=num>{_number(item['value'])}&nbsp;{escape(str(item['unit']))}</td>"
            f"<td>{escape(str(item.get('speaker') or '—'))}<br><small>{escape(str(item.get('date') or ''))}</small></td>"
            f"<td><q>{escape(str(item['quote']))}</q></td></tr>" for item in items)
        blocks.append(f"<h3>{escape(topic)}</h3><table class=quotes>{rows}</table>")
    return _section("figures", "Figures leaders cite most", "".join(blocks),
                    "The things leaders most often put a number on, each with its latest figures and the "
                    "sentence that states them.")


def _number(value: float) -> str:
    """100000000000.0 -> '100,000,000,000'; 22.6 -> '22.6' (no exponents in a report)."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.3f}".rstrip("0").rstrip(".")


def _quality(data: ReportData, card: Path) -> str:
    counts = "".join(f"<tr><th>{escape(k)}</th><td>{v:,}</td></tr>" for k, v in data.totals.items())
    parts = [f'<div class="grid2"><div><h3>Counts</h3><table class="numbers">{counts}</table></div>']
    if data.validation is None:
        parts.append("<div><h3>Validation</h3><p>Not run (<code>kg report --no-validate</code>).</p></div>")
    else:
        v = data.validation
        top = "".join(f"<li><b>{n:,}</b> {escape(sev.lower())}s: {escape(msg)}</li>" for sev, msg, n in v["top"])
        parts.append(f"<div><h3>Validation (SHACL)</h3><p>{v['graphs']:,} graphs: <b>{v['violations']:,}</b> "
                     f"violations, <b>{v['warnings']:,}</b> warnings.</p><ul>{top}</ul></div>")
    parts.append("</div>")
    if data.model_card:
        parts.append(f"<h3>Extraction scores</h3><p class=note>From {escape(card.name)}.</p>")
        for heading, rows in data.model_card:
            head = "".join(f"<th>{escape(c)}</th>" for c in rows[0])
            body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in rows[1:])
            parts.append(f"<h4>{escape(heading)}</h4><table class=numbers><tr>{head}</tr>{body}</table>")
    else:
        parts.append("<h3>Extraction scores</h3><p>No model card found (docs/model-card.md); "
                     "<code>kg eval</code> scores extraction against gold files.</p>")
    return _section("quality", "Data quality", "".join(parts))
