"""A tiny headless-Chromium driver for the browser tests, over the DevTools protocol.

Start Debian's ``chromium`` with a fresh profile and ``--remote-debugging-port=0``,
read the port it chose from ``DevToolsActivePort``, open a page's websocket
(websocket-client) and send CDP commands.  The ``chromium`` fixture in
conftest.py skips with the reason when chromium or websocket-client is
missing (CI installs both: ``apt-get install -y chromium`` and the test extra).
"""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser")) if p), None)
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1600,1000",
         # newer Chromium refuses a DevTools WebSocket whose Origin it was not told to allow (403)
         "--remote-allow-origins=*")

TRANSIENT = ("navigated or closed", "Cannot find context", "Execution context was destroyed")


class Page:
    """One Chromium tab over CDP: send commands, collect console errors and exceptions."""

    def __init__(self, url: str) -> None:
        import websocket

        self.socket = websocket.create_connection(url, timeout=60)
        self.next_id = 0
        self.errors: list[str] = []
        self.loads = 0  # Page.loadEventFired seen so far: a navigation is over when it grows

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
            details = params["exceptionDetails"]
            self.errors.append(details.get("exception", {}).get("description") or details.get("text", "exception"))
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            self.errors.append(" ".join(str(a.get("value", a.get("description"))) for a in params["args"]))
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            self.errors.append(params["entry"].get("text", ""))
        elif method == "Page.loadEventFired":
            self.loads += 1

    def _until_loaded(self, before: int, timeout: float = 30) -> None:
        """Read events until the tab fires one more load event than ``before``."""
        deadline = time.monotonic() + timeout
        while self.loads <= before:
            if time.monotonic() > deadline:
                raise AssertionError("timed out waiting for the page to load")
            self._event(json.loads(self.socket.recv()))

    def evaluate(self, expression: str):
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise AssertionError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 20) -> object:
        """Poll ``expression`` until it is truthy.

        A poll that lands while the tab is between two documents fails with
        "Inspected target navigated or closed" (or finds no context): that is
        the page still loading, so it counts as "not yet", not as an error.
        """
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                value = self.evaluate(expression)
            except AssertionError as error:
                if not any(hint in str(error) for hint in TRANSIENT):
                    raise
                value = None
            if value:
                return value
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {expression}")

    def navigate(self, url: str) -> None:
        """Go to ``url`` through CDP rather than a script the navigation could cut off; return once loaded."""
        before = self.loads
        self.send("Page.navigate", url=url)
        self._until_loaded(before)

    def reload(self) -> None:
        """Reload the tab and return once the new document has loaded, so no poll sees the old one."""
        before = self.loads
        self.send("Page.reload")
        self._until_loaded(before)

    def screenshot(self, path: Path) -> Path:
        shot = self.send("Page.captureScreenshot", format="png")
        path.write_bytes(base64.b64decode(shot["data"]))
        return path

    def close(self) -> None:
        self.socket.close()


@contextmanager
def running_chromium(profile: Path) -> Iterator[int]:
    """Start headless Chromium with a fresh profile; yields its DevTools port, stops it after."""
    process = subprocess.Popen([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-port=0",
                                "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (port_file.exists() and port_file.read_text().strip()):
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("chromium did not start its DevTools endpoint")
            time.sleep(0.1)
        yield int(port_file.read_text().split()[0])
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()


def open_page(port: int, path: Path, width: int = 1600, height: int = 1000) -> Page:
    """A new tab showing the file at ``path``, reloaded once the console is being listened to."""
    return open_url(port, path.as_uri(), width, height)


def open_url(port: int, url: str, width: int = 1600, height: int = 1000) -> Page:
    """A new tab showing ``url`` (a file or a page served on loopback), reloaded once listened to."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}/json/new?{url}", method="PUT")
    with urllib.request.urlopen(request, timeout=10) as response:
        target = json.load(response)
    page = Page(target["webSocketDebuggerUrl"])
    for domain in ("Runtime", "Log", "Page"):
        page.send(f"{domain}.enable")
    page.send("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)
    page.reload()
    return page
