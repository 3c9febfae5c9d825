"""A local stand-in for Enhetsregisteret's open API, for tests.

A tiny ``http.server`` on 127.0.0.1 with an ephemeral port, run in a daemon thread. It answers
``GET /enhetsregisteret/api/enheter/{orgnr}`` the way the real register does:

- ``testkit/fixtures/brreg/{orgnr}.json``      -> 200 with that JSON (an entity, or a deleted
                                                entity's ``respons_klasse: "SlettetEnhet"`` body)
- ``testkit/fixtures/brreg/{orgnr}.410.json``  -> 410 with that JSON (removed from the register)
- any other number                           -> 404 with an error body

Per-number behaviour can be overridden in a test with :meth:`BrregStandin.respond` (status,
body, raw bytes such as malformed JSON, a delay for timeouts). Every request is recorded in
``requests`` (paths) and ``headers``, and counted in ``hits[orgnr]``.

The fixtures use fictitious names with synthetic numbers whose check digits are valid; their
shape follows the register's JSON (organisasjonsform, institusjonellSektorkode, konkurs,
underAvvikling, _links ...).

Use::

    from brreg_standin import BrregStandin, closed_port_url

    with BrregStandin() as register:
        client = RegistryClient(base_url=register.base_url, timeout=0.5)
        ...

or the ``brreg`` fixture from a test module: ``brreg = pytest.fixture(standin_fixture)``.
"""
from __future__ import annotations

import json
import socket
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Union

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "brreg"
API_PREFIX = "/enhetsregisteret/api"


@dataclass
class Response:
    status: int = 200
    body: Union[bytes, str, dict, list, None] = None
    delay: float = 0.0
    content_type: str = "application/json"
    headers: Dict[str, str] = field(default_factory=dict)

    def payload(self) -> bytes:
        if self.body is None:
            return b""
        if isinstance(self.body, bytes):
            return self.body
        if isinstance(self.body, str):
            return self.body.encode("utf-8")
        return json.dumps(self.body, ensure_ascii=False).encode("utf-8")


def load_fixtures(directory: Path = FIXTURES) -> Dict[str, Response]:
    """{orgnr: Response} from ``{orgnr}.json`` (200) and ``{orgnr}.{status}.json`` files."""
    routes: Dict[str, Response] = {}
    for path in sorted(directory.glob("*.json")):
        parts = path.name[: -len(".json")].split(".")
        status = int(parts[1]) if len(parts) > 1 else 200
        routes[parts[0]] = Response(status, json.loads(path.read_text(encoding="utf-8")))
    return routes


def fixture_json(orgnr: str, directory: Path = FIXTURES) -> dict:
    """The JSON body of one fixture (for tests that build entries without HTTP)."""
    for path in directory.glob(f"{orgnr}*.json"):
        return json.loads(path.read_text(encoding="utf-8"))
    raise KeyError(orgnr)


def _not_found(orgnr: str) -> Response:
    return Response(404, {
        "timestamp": "2020-03-01T12:00:00.000+0000", "status": 404, "error": "Not Found",
        "message": f"Ingen enhet med organisasjonsnummer {orgnr} ble funnet",
        "path": f"{API_PREFIX}/enheter/{orgnr}",
    })


class BrregStandin:
    """The stand-in register; a context manager that starts and stops the server."""

    def __init__(self, fixtures: Optional[Path] = FIXTURES) -> None:
        self.routes: Dict[str, Response] = load_fixtures(fixtures) if fixtures else {}
        self.failures: Dict[str, List[Response]] = {}
        self.requests: List[str] = []
        self.headers: List[Dict[str, str]] = []
        self.hits: Counter = Counter()
        self._lock = threading.Lock()
        self._server: Optional[ThreadingHTTPServer] = None
        self._thread: Optional[threading.Thread] = None

    # -- configuration --------------------------------------------------------------------

    def respond(self, orgnr: str, status: int = 200, body=None, *, delay: float = 0.0,
                content_type: str = "application/json") -> None:
        """Override the answer for one number (e.g. ``body=b"{not json"`` or ``delay=1``)."""
        self.routes[orgnr] = Response(status, body, delay, content_type)

    def fail_next(self, orgnr: str, status: int = 503, *, delay: float = 0.0,
                  retry_after: Optional[str] = None, times: int = 1) -> None:
        """Answer the next ``times`` requests for ``orgnr`` with ``status`` (after ``delay``
        seconds, with ``Retry-After`` if given), then as usual."""
        headers = {"Retry-After": retry_after} if retry_after is not None else {}
        with self._lock:
            self.failures.setdefault(orgnr, []).extend(
                Response(status, {"status": status}, delay, headers=headers) for _ in range(times))

    @property
    def port(self) -> int:
        assert self._server is not None, "the stand-in is not running"
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        """What to pass as ``base_url`` or ``$ENHETSREGISTERET_URL``."""
        return f"http://127.0.0.1:{self.port}{API_PREFIX}"

    # -- lifecycle ------------------------------------------------------------------------

    def start(self) -> "BrregStandin":
        standin = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                path = self.path.split("?", 1)[0]
                with standin._lock:
                    standin.requests.append(path)
                    standin.headers.append(dict(self.headers.items()))
                prefix = f"{API_PREFIX}/enheter/"
                if not path.startswith(prefix):
                    return self._send(Response(404, {"status": 404, "error": "Not Found"}))
                orgnr = path[len(prefix):].strip("/")
                with standin._lock:
                    standin.hits[orgnr] += 1
                    planned = standin.failures.get(orgnr)
                    response = planned.pop(0) if planned else (
                        standin.routes.get(orgnr) or _not_found(orgnr))
                if response.delay:
                    time.sleep(response.delay)
                self._send(response)

            def _send(self, response: Response) -> None:
                payload = response.payload()
                try:
                    self.send_response(response.status)
                    self.send_header("Content-Type", f"{response.content_type};charset=UTF-8")
                    self.send_header("Content-Length", str(len(payload)))
                    for name, value in response.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout)
                    pass

            def log_message(self, format: str, *args: object) -> None:  # keep test output clean
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,),
                                        name="brreg-standin",
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> "BrregStandin":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def closed_port_url() -> str:
    """A base URL on 127.0.0.1 where nothing listens: connections are refused."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}{API_PREFIX}"


def standin_fixture() -> Iterator[BrregStandin]:
    """Body of a pytest fixture: ``brreg = pytest.fixture(standin_fixture)``."""
    with BrregStandin() as register:
        yield register
