"""Centralities and communities written onto the nodes, and a table of the top nodes.

All metrics are computed on the undirected simple projection of the graph
(parallel and opposite edges merged, weights added), because that is the
question people ask of these networks — who is central to the web of
meetings — and because Louvain and eigenvector centrality need it.
Betweenness counts hops and ignores weights: with distance = 1 / weight every
shortest path in a hub-and-spoke corpus (kremlin.ru: Russia met 1,500 times)
runs through the hub, and all other nodes score zero.  Louvain is seeded, so the same store
gives the same communities on every run; communities are numbered by size,
largest first.
"""

from __future__ import annotations

import networkx as nx

METRICS = ("degree", "weighted_degree", "betweenness", "eigenvector", "community")
SEED = 42
MAX_ITERATIONS = 1_000        # without numpy: ten times networkx's default ...
ITERATION_BUDGET = 300_000    # ... within iterations × edges of about 2 s of pure Python
DENSE_UP_TO = 6_000           # nodes: a 6,000² float matrix is 290 MB
BETWEENNESS_EXACT_UP_TO = 1_000
BETWEENNESS_SAMPLE = 300


def simple_projection(graph: nx.Graph) -> nx.Graph:
    """An undirected simple graph with the weights of merged edges added up."""
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes)
    for a, b, data in graph.edges(data=True):
        if a == b:
            continue
        weight = float(data.get("weight", 1) or 1)
        if simple.has_edge(a, b):
            simple.edges[a, b]["weight"] += weight
        else:
            simple.add_edge(a, b, weight=weight)
    return simple


def add_metrics(graph: nx.Graph, seed: int = SEED) -> nx.Graph:
    """Write degree, weighted_degree, betweenness, eigenvector and community on every node.

    Never fails on a large or awkward graph: a metric that cannot be computed
    is left off the nodes and ``graph.graph["notes"]`` says why (the CLI
    prints it, the HTML page shows it).
    """
    simple = simple_projection(graph)
    if simple.number_of_nodes() == 0:
        return graph
    degree = dict(simple.degree())
    weighted = dict(simple.degree(weight="weight"))
    betweenness = _betweenness(simple, seed)
    eigenvector, note = _eigenvector(simple)
    communities = nx.community.louvain_communities(simple, weight="weight", seed=seed)
    ordered = sorted(communities, key=lambda c: (-len(c), min(map(str, c))))
    community = {node: index for index, members in enumerate(ordered) for node in members}
    for node, data in graph.nodes(data=True):
        data["degree"] = int(degree[node])
        data["weighted_degree"] = float(weighted[node])
        data["betweenness"] = round(float(betweenness[node]), 6)
        if eigenvector is not None:
            data["eigenvector"] = round(float(eigenvector[node]), 6)
        else:
            data.pop("eigenvector", None)
        data["community"] = int(community[node])
    graph.graph["communities"] = len(ordered)
    notes = [note] if note else []
    if simple.number_of_nodes() > BETWEENNESS_EXACT_UP_TO:
        notes.append(f"betweenness estimated from {BETWEENNESS_SAMPLE} sampled sources (seed {seed}) "
                     f"as the graph has more than {BETWEENNESS_EXACT_UP_TO} nodes")
    graph.graph.pop("notes", None)
    if notes:
        graph.graph["notes"] = "; ".join(notes)
    return graph


def _betweenness(simple: nx.Graph, seed: int) -> dict:
    """Exact betweenness up to a few thousand nodes; beyond, estimated from sampled sources.

    Exact betweenness is O(nodes × edges): seconds for the kremlin-news
    meetings network, minutes for a corpus ten times larger.  A seeded sample
    keeps the ranking of the central nodes and the result reproducible.
    """
    if simple.number_of_nodes() > BETWEENNESS_EXACT_UP_TO:
        return nx.betweenness_centrality(simple, k=BETWEENNESS_SAMPLE, normalized=True, seed=seed)
    return nx.betweenness_centrality(simple, normalized=True)


def _eigenvector(simple: nx.Graph) -> tuple[dict | None, str | None]:
    """Eigenvector centrality per connected component, scaled by the component's share of nodes,
    and a note when it could not be computed.

    Per component, because on a disconnected graph the power iteration is
    dominated by the largest component and leaves the rest near zero.  Power
    iteration first, with many more iterations than networkx's default 100
    (vectorised with numpy when it is installed, so 10,000 cost milliseconds).
    It is hopeless on heavily weighted, nearly bipartite components (a leader
    and the country they represent at 1,500 meetings: the two leading
    eigenvalues of A+I differ by 0.1%), so such a component is then solved
    exactly with numpy's symmetric eigensolver.  Without numpy, networkx's
    pure-Python iteration gets a bounded number of rounds, and when it does
    not converge the metric is left out with a note instead of failing.
    """
    np = _numpy()
    result: dict = {}
    total = simple.number_of_nodes()
    for component in nx.connected_components(simple):
        sub = simple.subgraph(component)
        if sub.number_of_edges() == 0:
            result.update({node: 0.0 for node in component})
            continue
        if np is not None:
            values = _power_numpy(np, sub) or (_exact_numpy(np, sub) if len(component) <= DENSE_UP_TO else None)
            problem = f"a component of {len(component)} nodes is too large for the exact solver"
        else:
            iterations = max(100, min(MAX_ITERATIONS, ITERATION_BUDGET // sub.number_of_edges()))
            try:
                values = nx.eigenvector_centrality(sub, weight="weight", max_iter=iterations, tol=1e-6)
            except nx.PowerIterationFailedConvergence:
                values = None
            problem = "numpy is not installed (pip install numpy)"
        if values is None:
            return None, f"eigenvector centrality left out: power iteration did not converge and {problem}"
        share = len(component) / total
        result.update({node: abs(value) * share for node, value in values.items()})
    return result, None


def _numpy():
    try:
        import numpy
    except ImportError:
        return None
    return numpy


def _arrays(np, sub: nx.Graph) -> tuple[list, object, object, object]:
    nodes = list(sub.nodes)
    index = {node: i for i, node in enumerate(nodes)}
    rows, cols, weights = [], [], []
    for a, b, data in sub.edges(data=True):
        weight = float(data.get("weight", 1) or 1)
        rows += [index[a], index[b]]
        cols += [index[b], index[a]]
        weights += [weight, weight]
    return nodes, np.array(rows), np.array(cols), np.array(weights)


def _power_numpy(np, sub: nx.Graph, iterations: int = 10_000, tol: float = 1e-9) -> dict | None:
    """Power iteration on A+I, as networkx does, with the matrix product done by numpy."""
    nodes, rows, cols, weights = _arrays(np, sub)
    x = np.full(len(nodes), 1.0 / len(nodes))
    for _ in range(iterations):
        nxt = x + np.bincount(rows, weights=weights * x[cols], minlength=len(nodes))
        nxt /= np.linalg.norm(nxt) or 1.0
        if np.abs(nxt - x).sum() < len(nodes) * tol:
            return dict(zip(nodes, map(float, nxt)))
        x = nxt
    return None


def _exact_numpy(np, sub: nx.Graph) -> dict:
    """The leading eigenvector of the weighted adjacency matrix (dense, symmetric), unit length."""
    nodes, rows, cols, weights = _arrays(np, sub)
    matrix = np.zeros((len(nodes), len(nodes)))
    matrix[rows, cols] = weights
    _, vectors = np.linalg.eigh(matrix)
    leading = np.abs(vectors[:, -1])  # Perron vector: one sign, so abs() only fixes the solver's choice
    leading = leading / (np.linalg.norm(leading) or 1.0)
    return dict(zip(nodes, map(float, leading)))


def top_nodes(graph: nx.Graph, metric: str, n: int = 10) -> list[tuple[str, float]]:
    """The ``n`` nodes highest on ``metric`` as (label, value), ties broken by label."""
    ranked = sorted(((data.get("label") or str(node), data.get(metric, 0)) for node, data in graph.nodes(data=True)),
                    key=lambda item: (-item[1], item[0]))
    return ranked[:n]


def format_top_table(graph: nx.Graph, n: int = 10) -> str:
    """One column per metric, rank by rank: the table ``kg network --metrics`` prints."""
    metrics = [m for m in METRICS[:-1] if any(m in data for _, data in graph.nodes(data=True))]
    columns = [top_nodes(graph, metric, n) for metric in metrics]
    width = 30
    lines = [f"{'rank':<5}" + "".join(f"{m:<{width}}" for m in metrics)]
    for rank in range(min(n, graph.number_of_nodes())):
        cells = []
        for column in columns:
            label, value = column[rank]
            shown = f"{value:g}" if isinstance(value, float) else str(value)
            cells.append(f"{_clip(label, width - len(shown) - 3)} {shown}".ljust(width))
        lines.append(f"{rank + 1:<5}" + "".join(cells))
    sizes = _community_sizes(graph)
    if graph.graph.get("notes"):
        lines.append(f"note: {graph.graph['notes']}")
    lines.append("")
    lines.append(f"communities (Louvain, seed {SEED}): {len(sizes)}")
    for community, members in sizes[:n]:
        names = ", ".join(_clip(m, 28) for m in members[:6])
        lines.append(f"  {community:>3}: {len(members):>4} nodes  {names}{' …' if len(members) > 6 else ''}")
    return "\n".join(lines)


def _community_sizes(graph: nx.Graph) -> list[tuple[int, list[str]]]:
    groups: dict[int, list[tuple[float, str]]] = {}
    for node, data in graph.nodes(data=True):
        if "community" in data:
            groups.setdefault(data["community"], []).append((-data.get("weighted_degree", 0), data.get("label") or str(node)))
    return [(c, [label for _, label in sorted(members)]) for c, members in sorted(groups.items())]


def _clip(text: str, width: int) -> str:
    width = max(width, 4)
    return text if len(text) <= width else text[:width - 1] + "…"
