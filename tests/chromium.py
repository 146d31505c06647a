"""Headless Chromium driven over the DevTools protocol (CDP), for the browser tests and
scripts/bench_viz.py.

Why CDP over a websocket (the `websocket-client` package) rather than selenium or
playwright: it needs no driver binary matched to the browser's version and no browser
download, only Debian's `chromium`; and it sees exactly what the tests must check: every
request the page makes, console errors, script exceptions and alert dialogs. It does not
import pytest, so the benchmark runs after a plain `make run`.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-default-apps", "--disable-extensions", "--mute-audio",
                  "--hide-scrollbars", "--remote-debugging-port=0",
                  # A headless page counts as "in the background": without these, its timers
                  # are throttled to one a second, which would distort every timing.
                  "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                  "--disable-backgrounding-occluded-windows")
ALLOWED_SCHEMES = ("file:", "data:", "about:")


def find_chromium() -> str | None:
    env = os.environ.get("KG_CHROMIUM")
    if env and Path(env).exists():
        return env
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


class Chromium:
    """One headless Chromium and one page, spoken to over CDP.

    Events (requests, console messages, exceptions, dialogs) are recorded in `events`
    as they arrive, while waiting for command replies.
    """

    def __init__(self, exe: str, width: int = 1400, height: int = 900) -> None:
        import websocket  # websocket-client

        self.profile = tempfile.mkdtemp(prefix="kg-chromium-")
        self.proc = subprocess.Popen(
            [exe, *CHROMIUM_FLAGS, f"--user-data-dir={self.profile}", f"--window-size={width},{height}",
             "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = Path(self.profile) / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (port_file.exists() and port_file.read_text().strip()):
            if time.monotonic() > deadline or self.proc.poll() is not None:
                self.close()
                raise RuntimeError("Chromium did not start its DevTools endpoint")
            time.sleep(0.05)
        port = int(port_file.read_text().split()[0])
        targets: list[dict[str, Any]] = []
        while not any(t.get("type") == "page" for t in targets):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as r:  # local DevTools only
                targets = json.load(r)
            if time.monotonic() > deadline:
                raise RuntimeError("no page target")
            time.sleep(0.05)
        page = next(t for t in targets if t.get("type") == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=120, suppress_origin=True)
        self.next_id = 0
        self.events: list[dict[str, Any]] = []
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.send(f"{domain}.enable")
        self.send("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)

    # -- protocol ------------------------------------------------------------------------
    def _read(self) -> dict[str, Any]:
        msg = json.loads(self.ws.recv())
        if "method" in msg:
            self.events.append(msg)
            if msg["method"] == "Page.javascriptDialogOpening":  # record it, then dismiss it
                self.ws.send(json.dumps({"id": -1, "method": "Page.handleJavaScriptDialog",
                                         "params": {"accept": True}}))
        return msg

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        my = self.next_id
        self.ws.send(json.dumps({"id": my, "method": method, "params": params}))
        while True:
            msg = self._read()
            if msg.get("id") == my:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})

    def wait_event(self, method: str, timeout: float = 60) -> dict[str, Any]:
        start = len(self.events)
        deadline = time.monotonic() + timeout
        for ev in self.events[:start]:
            if ev["method"] == method and not ev.get("_seen"):
                ev["_seen"] = True
                return ev
        self.ws.settimeout(timeout)
        while time.monotonic() < deadline:
            msg = self._read()
            if msg.get("method") == method:
                msg["_seen"] = True
                return msg
        raise TimeoutError(method)

    # -- page ----------------------------------------------------------------------------
    def open(self, url: str, timeout: float = 60) -> None:
        for ev in self.events:
            if ev["method"] == "Page.loadEventFired":
                ev["_seen"] = True
        self.send("Page.navigate", url=url)
        self.wait_event("Page.loadEventFired", timeout)

    def eval(self, expression: str, timeout: float = 120) -> Any:
        self.ws.settimeout(timeout)
        res = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in res:
            raise RuntimeError(f"page script failed: {res['exceptionDetails']}")
        return res["result"].get("value")

    def wait_until(self, expression: str, timeout: float = 60) -> Any:
        """Poll inside the page (no round trips) until `expression` is truthy."""
        return self.eval(
            "new Promise((ok, fail) => { const t0 = performance.now(); (function p() {"
            f" let v; try {{ v = ({expression}); }} catch (e) {{ v = undefined; }}"
            f" if (v) ok(v); else if (performance.now() - t0 > {timeout * 1000}) fail(new Error('timeout'));"
            " else setTimeout(p, 10); })(); })", timeout=timeout + 10)

    def screenshot(self, clip: dict[str, float] | None = None) -> bytes:
        params: dict[str, Any] = {"format": "png"}
        if clip:
            params["clip"] = {**clip, "scale": 1}
        return base64.b64decode(self.send("Page.captureScreenshot", **params)["data"])

    def key(self, key: str, code: int) -> None:
        for kind in ("keyDown", "keyUp"):
            self.send("Input.dispatchKeyEvent", type=kind, key=key, code=key, windowsVirtualKeyCode=code)

    def search(self, text: str) -> None:
        """Type into the page's search box and press Enter, as a user would."""
        self.eval("(() => { const s = document.getElementById('kg-search'); s.value = ''; s.focus(); })()")
        self.type_text(text)
        self.key("Enter", 13)

    def type_text(self, text: str) -> None:
        self.send("Input.insertText", text=text)

    def click(self, x: float, y: float) -> None:
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def drain(self, seconds: float = 0.3) -> None:
        """Read whatever events are still in flight."""
        self.ws.settimeout(seconds)
        try:
            while True:
                self._read()
        except Exception:  # websocket timeout: nothing more for now
            pass

    # -- what the page did -----------------------------------------------------------------
    def requests(self) -> list[str]:
        return [e["params"]["request"]["url"] for e in self.events if e["method"] == "Network.requestWillBeSent"]

    def errors(self) -> list[str]:
        out = []
        for e in self.events:
            p = e.get("params", {})
            if e["method"] == "Runtime.exceptionThrown":
                out.append(json.dumps(p.get("exceptionDetails", {}))[:500])
            elif e["method"] == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                out.append(json.dumps(p.get("args", []))[:500])
            elif e["method"] == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
                out.append(p["entry"].get("text", "")[:500])
        return out

    def dialogs(self) -> list[str]:
        return [e["params"].get("message", "") for e in self.events if e["method"] == "Page.javascriptDialogOpening"]

    def count_ink(self, png: bytes, background: tuple[int, int, int] = (255, 255, 255)) -> int:
        """Pixels of a screenshot that differ from the background, decoded by the browser
        itself (createImageBitmap on an OffscreenCanvas: no element, no request)."""
        b64 = base64.b64encode(png).decode("ascii")
        r, g, b = background
        return self.eval(
            "(async () => { const bin = atob('" + b64 + "'); const a = new Uint8Array(bin.length);"
            " for (let i = 0; i < bin.length; i++) a[i] = bin.charCodeAt(i);"
            " const bmp = await createImageBitmap(new Blob([a], {type: 'image/png'}));"
            " const c = new OffscreenCanvas(bmp.width, bmp.height); const ctx = c.getContext('2d');"
            " ctx.drawImage(bmp, 0, 0); const d = ctx.getImageData(0, 0, bmp.width, bmp.height).data;"
            f" let n = 0; for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i]-{r}) + Math.abs(d[i+1]-{g})"
            f" + Math.abs(d[i+2]-{b}) > 60) n++; return n; }})()")

    def close(self) -> None:
        try:
            self.ws.close()
        except Exception:
            pass
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)
