"""`kg serve`: the store as a read-only SPARQL 1.1 Protocol endpoint, with its views beside it.

Why Oxigraph's own server rather than a SPARQL endpoint of ours: it is the same engine as
the store (the ``oxigraph`` package from PyPI ships it as a binary), it implements the
protocol, content negotiation and result formats fully, and ``serve-read-only`` opens the
database without taking the writer's lock, so ``kg query`` keeps working beside it.

It cannot serve other files, so a small front (``http.server``, standard library) listens
on the public address and port: it forwards the query routes to the Oxigraph process,
which listens on a private loopback port, serves the HTML views of the store folder, and
refuses every request that would change anything (read-only is enforced twice: here and
by ``serve-read-only``).

Routes of the front:

- ``/query``, ``/sparql``  SPARQL 1.1 Protocol (GET ``?query=``, POST form or
                           ``application/sparql-query``); the default graph is the union
                           of the named graphs, as for ``kg query``;
- ``/store``               Graph Store Protocol, reads only (GET/HEAD ``?graph=IRI``);
- ``/``                    Oxigraph's query page (YASGUI);
- ``/view``                ``STORE/graph.html``; ``/view/NAME`` any view file at the top
                           of the store folder (``.html``, ``.ttl``, ``.json`` ...);
- anything else, and every PUT/DELETE/PATCH or update: refused (403/404/405).

``kg build`` and ``kg load`` write a new database version beside the live one and switch
the ``STORE/oxigraph`` link; the endpoint notices and moves to the new version by itself,
so neither needs a restart of ``kg serve`` (the live version is never written in place).
"""

from __future__ import annotations

import http.client
import mimetypes
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import IO

from kg.errors import KgError, OxigraphMissing, ServeError
from kg.store import STORE_SUBDIR, MissingStore, live_database

__all__ = ["ServeConfig", "ReadOnlyEndpoint", "OxigraphMissing", "ServeError", "find_oxigraph",
           "free_port", "QUERY_ROUTES", "VIEW_SUFFIXES"]

QUERY_ROUTES = ("/query", "/sparql")
UI_ROUTES = ("/", "/yasgui.min.js", "/yasgui.min.css", "/logo.svg")
VIEW_SUFFIXES = frozenset({".html", ".htm", ".svg", ".png", ".json", ".jsonl", ".jsonld",
                           ".ttl", ".trig", ".nt", ".graphml", ".gexf", ".csv"})
"""What ``/view/NAME`` serves from the store folder: views and exports, never the database."""

_FORWARDED_REQUEST_HEADERS = ("Accept", "Accept-Encoding", "Content-Type", "Content-Length")
_FORWARDED_RESPONSE_HEADERS = ("Content-Type", "Content-Encoding", "Vary", "Cache-Control")
_STARTUP_SECONDS = 30.0
_CHUNK = 64 * 1024
_MAX_QUERY_BYTES = 8 * 2**20


# --- configuration -------------------------------------------------------------------------

@dataclass(frozen=True)
class ServeConfig:
    """What to serve and where. ``port=0`` takes any free port (see ``ReadOnlyEndpoint.url``)."""

    store_dir: Path
    host: str = "127.0.0.1"
    port: int = 7878
    oxigraph: str | None = None
    timeout: float | None = None
    access_log: bool = False


def find_oxigraph(explicit: str | None = None) -> str:
    """The ``oxigraph`` binary: the one given, else the one installed beside this Python
    (a virtualenv's bin/, where ``pip install oxigraph`` puts it), else on PATH."""
    if explicit:
        path = shutil.which(explicit) or (explicit if os.access(explicit, os.X_OK) else None)
        if path is None:
            raise OxigraphMissing(f"{explicit} is not an executable file")
        return path
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise OxigraphMissing()
    return found


def free_port(host: str = "127.0.0.1") -> int:
    """A port nobody listens on right now (the OS's choice for port 0)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


# --- the front ----------------------------------------------------------------------------

class _Front(ThreadingHTTPServer):
    """The public listener; one thread per client connection (keep-alive)."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], store_dir: Path, upstream: tuple[str, int],
                 access_log: bool) -> None:
        super().__init__(address, _Handler)
        self.store_dir = store_dir
        self.upstream = upstream
        self.access_log = access_log

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hangs up mid-answer is normal under load: no traceback for it."""
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


class _Handler(BaseHTTPRequestHandler):
    """Routes one request: forward a read, serve a view, or refuse."""

    server: _Front
    protocol_version = "HTTP/1.1"
    server_version = "kg-serve"
    _local = threading.local()  # one upstream connection per front thread, reused

    # --- dispatch

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._read(head=False)

    def do_HEAD(self) -> None:  # noqa: N802
        self._read(head=True)

    def do_POST(self) -> None:  # noqa: N802
        path = urllib.parse.urlsplit(self.path).path
        if path not in QUERY_ROUTES:
            self._drain()
            return self._refuse(405 if path in ("/store", "/update") else 404,
                                "kg serve is read-only: POST is accepted only for queries on /query")
        if self._length() > _MAX_QUERY_BYTES:
            self.close_connection = True
            return self._refuse(413, f"a query is at most {_MAX_QUERY_BYTES // 2**20} MB")
        body = self._drain()
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if media == "application/sparql-update" or (
                media == "application/x-www-form-urlencoded"
                and "update" in urllib.parse.parse_qs(body.decode("utf-8", "replace"))):
            return self._refuse(403, "kg serve is read-only: SPARQL updates are refused")
        self._forward("POST", body)

    def do_PUT(self) -> None:  # noqa: N802
        self._drain()
        self._refuse(405, "kg serve is read-only: PUT is refused. To copy graphs to a store that accepts "
                          "writes, start one (e.g. `oxigraph serve --location DIR --bind 127.0.0.1:7879 "
                          "--union-default-graph`) and give its /store URL to `kg push --endpoint`")

    do_DELETE = do_PATCH = do_PUT  # noqa: N815

    def _read(self, head: bool) -> None:
        path = urllib.parse.urlsplit(self.path).path
        if path in QUERY_ROUTES or path in UI_ROUTES or path == "/store":
            return self._forward("HEAD" if head else "GET", None)
        if path == "/view" or path == "/view/":
            return self._view("graph.html", head)
        if path.startswith("/view/"):
            return self._view(urllib.parse.unquote(path[len("/view/"):]), head)
        if path == "/update":
            return self._refuse(405, "kg serve is read-only: there is no update endpoint")
        self._refuse(404, f"no such page {path}; try /query, /view or /")

    # --- forwarding to oxigraph

    def _upstream(self, fresh: bool = False) -> http.client.HTTPConnection:
        conn = getattr(self._local, "conn", None)
        if conn is None or fresh or (conn.host, conn.port) != self.server.upstream:  # a reload moved it
            if conn is not None:
                conn.close()
            host, port = self.server.upstream
            conn = http.client.HTTPConnection(host, port, timeout=None)
            self._local.conn = conn
        return conn

    def _forward(self, method: str, body: bytes | None) -> None:
        headers = {h: self.headers[h] for h in _FORWARDED_REQUEST_HEADERS if self.headers.get(h)}
        if body is not None:
            headers["Content-Length"] = str(len(body))
        upstream_path = "/" if self.path.split("?")[0] == "/" else self.path
        for attempt in (0, 1):  # a kept-alive upstream connection may have been closed by the peer
            conn = self._upstream(fresh=attempt == 1)
            try:
                conn.request(method, upstream_path, body=body, headers=headers)
                response = conn.getresponse()
                break
            except (ConnectionError, http.client.HTTPException, OSError):
                if attempt == 1:
                    self._local.conn = None
                    return self._refuse(502, "the Oxigraph server did not answer; see kg serve's messages")
        self.send_response(response.status)
        for name in _FORWARDED_RESPONSE_HEADERS:
            value = response.getheader(name)
            if value:
                self.send_header(name, value)
        length = response.getheader("Content-Length")
        chunked = length is None and method != "HEAD" and response.status not in (204, 304)
        if length is not None:
            self.send_header("Content-Length", length)
        elif chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", "0")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        try:
            while True:
                block = response.read1(_CHUNK) if method != "HEAD" else b""
                if not block:
                    break
                self.wfile.write(b"%x\r\n%s\r\n" % (len(block), block) if chunked else block)
            if chunked:
                self.wfile.write(b"0\r\n\r\n")
        finally:
            response.close()

    # --- views

    def _view(self, name: str, head: bool) -> None:
        if not name or "/" in name or "\\" in name or name.startswith(".") \
                or Path(name).suffix.lower() not in VIEW_SUFFIXES:
            return self._refuse(404, f"no view {name!r}: /view/NAME serves the view and export "
                                     "files at the top of the store folder")
        path = self.server.store_dir / name
        try:
            data = path.read_bytes()
        except OSError:
            return self._refuse(404, f"no {name} in {self.server.store_dir}/ yet: run `kg build` "
                                     "(or `kg viz`) to write it")
        media = mimetypes.guess_type(name)[0] or "application/octet-stream"
        if media.startswith("text/") or media in ("application/json", "image/svg+xml"):
            media += "; charset=utf-8"
        self.send_response(200)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if not head:
            self.wfile.write(data)

    # --- helpers

    def _length(self) -> int:
        try:
            return max(0, int(self.headers.get("Content-Length") or 0))
        except ValueError:
            return 0

    def _drain(self) -> bytes:
        length = self._length()
        return self.rfile.read(length) if length > 0 else b""

    def _refuse(self, status: int, message: str) -> None:
        data = (message + "\n").encode("utf-8")
        self.send_response(status)
        if status == 405:
            self.send_header("Allow", "GET, HEAD, POST")
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's name
        if self.server.access_log:
            super().log_message(format, *args)


# --- the running endpoint ------------------------------------------------------------------

class _Oxigraph:
    """One ``oxigraph serve-read-only`` child on a private loopback port, its output kept
    in a temporary file for error messages."""

    def __init__(self, binary: str, db: Path, timeout: float | None) -> None:
        """Start it on a free port and wait until it answers; another process can take
        the port between our choice and its bind, so a few ports are tried."""
        last = ""
        for _ in range(3):
            self.port = free_port()
            args = [binary, "serve-read-only", "--location", str(db), "--bind", f"127.0.0.1:{self.port}",
                    "--union-default-graph"]
            if timeout:
                args += ["--timeout-s", str(max(1, round(timeout)))]
            self.log: IO[bytes] = tempfile.TemporaryFile()
            self.process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=self.log,
                                            stderr=subprocess.STDOUT)
            deadline = time.monotonic() + _STARTUP_SECONDS
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    last = self.tail()
                    break
                if _answers("127.0.0.1", self.port):
                    return
                time.sleep(0.05)
            else:
                self.stop()
                raise ServeError(db, detail=f"the Oxigraph server did not answer within {_STARTUP_SECONDS:g} s")
            self.stop()
            if "address" not in last.lower():  # not a port race: do not retry
                break
        raise ServeError(db, detail=f"the Oxigraph server did not start ({last or 'no message'})")

    @property
    def address(self) -> tuple[str, int]:
        return ("127.0.0.1", self.port)

    def tail(self) -> str:
        """Its last line of output."""
        try:
            self.log.seek(0)
            text = self.log.read().decode("utf-8", "replace")
        except (OSError, ValueError):
            return ""
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        return lines[-1] if lines else ""

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


class ReadOnlyEndpoint:
    """The Oxigraph process plus the front, started by ``start()`` and stopped by ``close()``
    (a context manager). ``wait()`` blocks until Oxigraph exits by itself (it should not)
    and raises ServeError then.

    ``kg build`` writes a new database version and switches the ``STORE/oxigraph`` link to
    it; a watcher notices the switch within ``RELOAD_SECONDS``, starts Oxigraph on the new
    version, points the front at it, and stops the old one after ``GRACE_SECONDS`` (time
    for the queries it is answering), so a running ``kg serve`` follows rebuilds.
    """

    RELOAD_SECONDS = 1.0
    GRACE_SECONDS = 30.0

    def __init__(self, config: ServeConfig) -> None:
        self.config = config
        self._child: _Oxigraph | None = None
        self._front: _Front | None = None
        self._thread: threading.Thread | None = None
        self._closing = threading.Event()
        self._retired: list[tuple[float, _Oxigraph]] = []
        self.reloads = 0
        """How many times a rebuilt store was taken up (for tests and diagnostics)."""

    @property
    def url(self) -> str:
        """The front's base URL, ``http://host:port/``."""
        if self._front is None:
            raise RuntimeError("not started")
        host, port = self._front.server_address[:2]
        return f"http://{_url_host(str(host))}:{port}/"

    @property
    def query_url(self) -> str:
        return self.url + "query"

    @property
    def pid(self) -> int | None:
        """The current Oxigraph process id (for tests and diagnostics)."""
        return self._child.process.pid if self._child is not None else None

    def _database(self) -> Path:
        """The live database folder: where the ``STORE/oxigraph`` link points now."""
        return live_database(self.config.store_dir)

    def start(self) -> ReadOnlyEndpoint:
        store_dir = Path(self.config.store_dir)
        if not (store_dir / STORE_SUBDIR / "CURRENT").is_file():
            raise MissingStore(store_dir)
        self._binary = find_oxigraph(self.config.oxigraph)
        try:
            front = _Front((self.config.host, self.config.port), store_dir, ("127.0.0.1", 0),
                           self.config.access_log)
        except OSError as exc:
            raise ServeError(f"{self.config.host}:{self.config.port}",
                             detail=f"cannot listen there ({exc.strerror or exc}); choose another --port") from None
        self._front = front
        try:
            self._serving = self._database()
            self._child = _Oxigraph(self._binary, self._serving, self.config.timeout)
        except BaseException:
            self.close()
            raise
        front.upstream = self._child.address
        self._thread = threading.Thread(target=front.serve_forever, name="kg-serve-front", daemon=True)
        self._thread.start()
        threading.Thread(target=self._watch, name="kg-serve-watch", daemon=True).start()
        return self

    def _watch(self) -> None:
        while not self._closing.wait(self.RELOAD_SECONDS):
            now = time.monotonic()
            for entry in [e for e in self._retired if e[0] <= now]:
                self._retired.remove(entry)
                entry[1].stop()
            live = self._database()
            if live == self._serving or not (live / "CURRENT").is_file():
                continue
            self._serving = live  # tried once per version, whatever happens
            try:
                child = _Oxigraph(self._binary, live, self.config.timeout)
            except KgError as exc:
                print(f"kg serve: still serving the previous version: {exc}", file=sys.stderr, flush=True)
                continue
            if self._closing.is_set() or self._front is None:
                child.stop()
                return
            old, self._child = self._child, child
            self._front.upstream = child.address
            self.reloads += 1
            if old is not None:
                self._retired.append((now + self.GRACE_SECONDS, old))

    def wait(self) -> None:
        """Block while the endpoint runs; ServeError when Oxigraph stops by itself."""
        while True:
            child = self._child
            if child is None:
                raise RuntimeError("not started")
            code = child.process.wait()
            if child is self._child and not self._closing.is_set():
                raise ServeError(self.config.store_dir, detail=(
                    f"the Oxigraph server stopped (exit {code}: {child.tail() or 'no message'})"))
            if self._closing.is_set():
                return

    def close(self) -> None:
        """Stop the front and every Oxigraph process (idempotent)."""
        self._closing.set()
        front, self._front = self._front, None
        if front is not None:
            if self._thread is not None:
                front.shutdown()
            front.server_close()
        self._thread = None
        children = [c for _, c in self._retired] + ([self._child] if self._child is not None else [])
        self._retired.clear()
        for child in children:
            child.stop()

    def __enter__(self) -> ReadOnlyEndpoint:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()


def _answers(host: str, port: int) -> bool:
    """True once the server answers a trivial query."""
    conn = http.client.HTTPConnection(host, port, timeout=2)
    try:
        conn.request("GET", "/query?query=ASK%7B%7D", headers={"Accept": "application/sparql-results+json"})
        return conn.getresponse().status == 200
    except (OSError, http.client.HTTPException):
        return False
    finally:
        conn.close()


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
