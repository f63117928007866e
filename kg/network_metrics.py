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
    """Write degree, weighted_degree, betweenness, eigenvector and community on every node."""
    simple = simple_projection(graph)
    if simple.number_of_nodes() == 0:
        return graph
    degree = dict(simple.degree())
    weighted = dict(simple.degree(weight="weight"))
    betweenness = nx.betweenness_centrality(simple, normalized=True)
    eigenvector = _eigenvector(simple)
    communities = nx.community.louvain_communities(simple, weight="weight", seed=seed)
    ordered = sorted(communities, key=lambda c: (-len(c), min(map(str, c))))
    community = {node: index for index, members in enumerate(ordered) for node in members}
    for node, data in graph.nodes(data=True):
        data["degree"] = int(degree[node])
        data["weighted_degree"] = float(weighted[node])
        data["betweenness"] = round(float(betweenness[node]), 6)
        data["eigenvector"] = round(float(eigenvector[node]), 6)
        data["community"] = int(community[node])
    graph.graph["communities"] = len(ordered)
    return graph


def _eigenvector(simple: nx.Graph) -> dict:
    """Eigenvector centrality per connected component, scaled by the component's share of nodes.

    On a disconnected graph the power iteration is dominated by the largest
    component and leaves the rest near zero or fails to converge; per
    component it is well defined everywhere.
    """
    result: dict = {}
    total = simple.number_of_nodes()
    for component in nx.connected_components(simple):
        sub = simple.subgraph(component)
        if sub.number_of_edges() == 0:
            result.update({node: 0.0 for node in component})
            continue
        try:
            values = nx.eigenvector_centrality(sub, weight="weight", max_iter=2000, tol=1e-8)
        except nx.PowerIterationFailedConvergence:
            values = nx.eigenvector_centrality_numpy(sub, weight="weight")
        share = len(component) / total
        result.update({node: abs(value) * share for node, value in values.items()})
    return result


def top_nodes(graph: nx.Graph, metric: str, n: int = 10) -> list[tuple[str, float]]:
    """The ``n`` nodes highest on ``metric`` as (label, value), ties broken by label."""
    ranked = sorted(((data.get("label") or str(node), data.get(metric, 0)) for node, data in graph.nodes(data=True)),
                    key=lambda item: (-item[1], item[0]))
    return ranked[:n]


def format_top_table(graph: nx.Graph, n: int = 10) -> str:
    """One column per metric, rank by rank: the table ``kg network --metrics`` prints."""
    metrics = METRICS[:-1]
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
