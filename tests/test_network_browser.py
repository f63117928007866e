"""The .html network in a real headless Chromium (driver in tests/chromium.py)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from chromium import Page, open_page
from kg.building.builder import build
from kg.network.graphs import to_networkx
from kg.network.export import write_network
from kg.store.factory import open_store

DEV = Path(__file__).resolve().parent / "data" / "dev"


def _open(port: int, path: Path) -> Page:
    return open_page(port, path)


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("html")
    out = {}
    with open_store("memory") as store:
        assert build([str(DEV)], store).ok
        for kind in ("countries", "commitments"):
            graph = to_networkx(store, kind=kind)
            out[kind] = write_network(graph, folder / f"{kind}.html")
            out[kind + ":nodes"] = graph.number_of_nodes()
    return out


def test_countries_page_draws_all_nodes_and_slider_filters(chromium, pages, tmp_path):
    page = _open(chromium, pages["countries"])
    page.wait_for("window.irkgNetwork !== undefined")
    assert page.evaluate("document.querySelectorAll('circle.node').length") == pages["countries:nodes"]
    assert page.evaluate("irkgNetwork.visibleNodes()") == pages["countries:nodes"] == 9
    dates = page.evaluate("irkgNetwork.dates")
    assert dates[0] == "2013-03-04" and "2021-07-20" in dates
    assert page.evaluate("irkgNetwork.setTime(0)") == 2  # only Russia and Ukraine had met by then
    assert page.evaluate("document.querySelectorAll('circle.node:not(.hidden)').length") == 2
    assert page.evaluate("document.getElementById('time-label').textContent") == "2013-03-04"
    assert page.evaluate(f"irkgNetwork.setTime({dates.index('2021-07-20')})") == 7  # not yet AUS, SGP
    assert page.evaluate(f"irkgNetwork.setTime({len(dates) - 1})") == 9
    page.evaluate("irkgNetwork.settle()")
    path = page.screenshot(tmp_path / "countries.png")
    shots = os.environ.get("KG_SCREENSHOT_DIR")
    if shots:
        shutil.copy(path, Path(shots) / "network-countries.png")
    assert path.stat().st_size > 10_000 and path.read_bytes()[:4] == b"\x89PNG"
    assert page.errors == []


def _set(page: Page, element: str, value: str, event: str) -> None:
    """Set a control's value the way a user would, firing the event the page listens to."""
    page.evaluate(f"{{ const e = document.getElementById({json.dumps(element)}); e.value = {json.dumps(value)}; "
                  f"e.dispatchEvent(new Event({json.dumps(event)})); }}")


def test_commitment_page_filters_by_type_country_and_search(chromium, pages):
    page = _open(chromium, pages["commitments"])
    page.wait_for("window.irkgNetwork !== undefined")
    total_links = page.evaluate("irkgNetwork.visibleLinks()")
    types = page.evaluate("Array.from(document.querySelectorAll('#type-filter option')).map(o => o.value)")
    assert {"Supply", "Visit", "Agreement"} <= set(types)
    _set(page, "type-filter", "Supply", "change")
    assert 0 < page.evaluate("irkgNetwork.visibleLinks()") < total_links
    _set(page, "type-filter", "", "change")
    _set(page, "country-filter", "AZE", "change")
    assert page.evaluate("irkgNetwork.visibleNodes()") == 2
    _set(page, "search", "azerb", "input")
    assert page.evaluate("document.querySelectorAll('circle.node.match').length") == 1
    page.evaluate("const n = document.querySelector('circle.node.match'); "
                  "n.dispatchEvent(new MouseEvent('mouseenter', {clientX: 10, clientY: 10}))")
    assert "Azerbaijan" in page.evaluate("document.getElementById('tooltip').textContent")
    assert page.errors == []
