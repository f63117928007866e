"""The .html network in a real headless Chromium, driven over the DevTools protocol.

A tiny driver: start Debian's ``chromium`` with a fresh profile and
``--remote-debugging-port=0``, read the port it chose from
``DevToolsActivePort``, open the page's websocket (websocket-client) and send
CDP commands.  Skips with the reason when chromium or websocket-client is
missing (CI installs both: ``apt-get install -y chromium`` and the test extra).
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from kg.builder import build
from kg.network import to_networkx
from kg.network_export import write_network
from kg.store import open_store

DEV = Path(__file__).resolve().parent / "data" / "dev"
CHROMIUM = next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser")) if p), None)
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1600,1000")

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install -y chromium)")
websocket = pytest.importorskip("websocket", reason="websocket-client is not installed (pip install '.[test]')")


class Page:
    """One Chromium tab over CDP: send commands, collect console errors and exceptions."""

    def __init__(self, url: str) -> None:
        self.socket = websocket.create_connection(url, timeout=30)
        self.next_id = 0
        self.errors: list[str] = []

    def send(self, method: str, **params) -> dict:
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise AssertionError(f"{method}: {message['error']}")
                return message.get("result", {})
            self._event(message)

    def _event(self, message: dict) -> None:
        method, params = message.get("method"), message.get("params", {})
        if method == "Runtime.exceptionThrown":
            self.errors.append(params["exceptionDetails"].get("text", "exception"))
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            self.errors.append(" ".join(str(a.get("value", a.get("description"))) for a in params["args"]))
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            self.errors.append(params["entry"].get("text", ""))

    def evaluate(self, expression: str):
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise AssertionError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 20) -> object:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {expression}")


def start_chromium(profile: Path) -> tuple[subprocess.Popen, int]:
    """Headless Chromium with a fresh profile; returns the process and its DevTools port."""
    process = subprocess.Popen([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-port=0",
                                "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port_file = profile / "DevToolsActivePort"
    deadline = time.monotonic() + 30
    while not (port_file.exists() and port_file.read_text().strip()):
        if time.monotonic() > deadline or process.poll() is not None:
            process.kill()
            pytest.fail("chromium did not start its DevTools endpoint")
        time.sleep(0.1)
    return process, int(port_file.read_text().split()[0])


def stop_chromium(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    process, port = start_chromium(tmp_path_factory.mktemp("chromium-profile"))
    yield port
    stop_chromium(process)


def open_url(port: int, url: str) -> Page:
    """A new tab at ``url``, with console errors and exceptions collected from its first load."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}/json/new?{url}", method="PUT")
    with urllib.request.urlopen(request, timeout=10) as response:
        target = json.load(response)
    page = Page(target["webSocketDebuggerUrl"])
    for domain in ("Runtime", "Log", "Page"):
        page.send(f"{domain}.enable")
    page.send("Emulation.setDeviceMetricsOverride", width=1600, height=1000, deviceScaleFactor=1, mobile=False)
    page.send("Page.reload")
    return page


def _open(port: int, path: Path) -> Page:
    return open_url(port, path.as_uri())


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


def test_countries_page_draws_all_nodes_and_slider_filters(browser, pages, tmp_path):
    page = _open(browser, pages["countries"])
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
    shot = page.send("Page.captureScreenshot", format="png")
    path = tmp_path / "countries.png"
    path.write_bytes(base64.b64decode(shot["data"]))
    shots = os.environ.get("KG_SCREENSHOT_DIR")
    if shots:
        shutil.copy(path, Path(shots) / "network-countries.png")
    assert path.stat().st_size > 10_000 and path.read_bytes()[:4] == b"\x89PNG"
    assert page.errors == []


def _set(page: Page, element: str, value: str, event: str) -> None:
    """Set a control's value the way a user would, firing the event the page listens to."""
    page.evaluate(f"{{ const e = document.getElementById({json.dumps(element)}); e.value = {json.dumps(value)}; "
                  f"e.dispatchEvent(new Event({json.dumps(event)})); }}")


def test_commitment_page_filters_by_type_country_and_search(browser, pages):
    page = _open(browser, pages["commitments"])
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
