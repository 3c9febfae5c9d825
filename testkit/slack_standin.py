"""A local stand-in for Slack, for tests: its Web API, and how it signs what it sends.

``SlackStandin`` is a tiny ``http.server`` on 127.0.0.1 with an ephemeral port, in a daemon
thread. It answers Web API calls ``POST /api/{method}`` the way Slack does for a bot token:

- ``chat.postMessage`` / ``chat.update`` -> ``{"ok": true, "channel": ..., "ts": ...}``
- ``auth.test``                          -> ``{"ok": true, "user_id": BOT_USER_ID, ...}``
- a wrong or missing ``Authorization: Bearer <token>`` -> ``{"ok": false, "error": "invalid_auth"}``
- any other method                       -> ``{"ok": false, "error": "unknown_method"}``

Every call is recorded in ``calls`` as a ``Call`` (method, parsed JSON or form body, the
Authorization header). Tests poll the record with :meth:`SlackStandin.wait_for` instead of
sleeping.

The other half of Slack is the sender of events: :func:`signed_headers` signs a body as Slack
does (v0 HMAC-SHA256 of ``v0:{timestamp}:{body}``), and :func:`message_event`,
:func:`app_mention_event` and :func:`block_actions` build the payloads it posts.

    with SlackStandin(token="xoxb-test") as slack:
        env = {"SLACK_API_URL": slack.api_url, ...}
"""
from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, List, Optional, Tuple
from urllib.parse import parse_qs, urlencode

BOT_USER_ID = "UBOTASSIST"
BOT_ID = "BASSIST01"
TEAM_ID = "TINNOVNO1"
APP_ID = "AINNOVNO1"


@dataclass
class Call:
    method: str
    body: Dict[str, Any]
    authorization: Optional[str]
    content_type: str
    ts: str = ""


@dataclass
class SlackStandin:
    token: str = "xoxb-test"
    calls: List[Call] = field(default_factory=list)
    #: planned failures of chat.postMessage: (status, Retry-After, delay), first is next
    failures: List[Tuple[int, Optional[str], float]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.attempts = 0  # chat.postMessage calls, failed ones included
        self._lock = threading.Condition()
        self._ts = itertools.count(1)
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode("utf-8")
                content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip()
                body = parse_body(raw, content_type)
                failure = standin._planned_failure(self.path)
                if failure:
                    status, after, delay = failure
                    time.sleep(delay)
                    answer, headers = {"ok": False, "error": "planned"}, (
                        {"Retry-After": after} if after else {})
                else:
                    status, answer = standin._answer(
                        self.path, body, self.headers.get("Authorization"), content_type
                    )
                    headers = {}
                data = json.dumps(answer).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                try:
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout)
                    pass

            do_GET = do_POST

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    # -- lifecycle ------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def api_url(self) -> str:
        """What to pass as ``api_url`` / ``SLACK_API_URL`` (with the trailing slash)."""
        return f"{self.base_url}/api/"

    def __enter__(self) -> "SlackStandin":
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._server.shutdown()
        self._server.server_close()

    def fail_next(self, status: int = 503, retry_after: Optional[str] = None,
                  delay: float = 0.0, times: int = 1) -> None:
        """Answer the next ``times`` ``chat.postMessage`` calls with ``status`` (after
        ``delay`` seconds, with ``Retry-After`` if given) instead of posting."""
        with self._lock:
            self.failures.extend([(status, retry_after, delay)] * times)

    def _planned_failure(self, path: str) -> Optional[Tuple[int, Optional[str], float]]:
        if not path.split("?")[0].endswith("/chat.postMessage"):
            return None
        with self._lock:
            self.attempts += 1
            return self.failures.pop(0) if self.failures else None

    # -- the Web API ----------------------------------------------------------------------
    def _answer(self, path: str, body: Dict[str, Any], authorization: Optional[str],
                content_type: str) -> Tuple[int, Dict[str, Any]]:
        method = path.split("?")[0].rsplit("/", 1)[-1]
        call = Call(method, body, authorization, content_type)
        with self._lock:
            call.ts = f"{int(time.time())}.{next(self._ts):06d}"
            self.calls.append(call)
            self._lock.notify_all()
        if authorization != f"Bearer {self.token}":
            return 200, {"ok": False, "error": "invalid_auth"}
        if method in ("chat.postMessage", "chat.update"):
            return 200, {"ok": True, "channel": body.get("channel"), "ts": body.get("ts", call.ts),
                         "message": {"text": body.get("text"), "bot_id": BOT_ID}}
        if method == "auth.test":
            return 200, {"ok": True, "user_id": BOT_USER_ID, "bot_id": BOT_ID,
                         "team_id": TEAM_ID, "user": "assistent", "url": self.base_url + "/"}
        return 200, {"ok": False, "error": "unknown_method"}

    # -- reading the record ---------------------------------------------------------------
    def posts(self, channel: Optional[str] = None, method: str = "chat.postMessage") -> List[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method
                    and (channel is None or c.body.get("channel") == channel)]

    def wait_for(self, predicate: Callable[[List[Call]], Any], timeout: float = 60) -> Any:
        """Poll the record until ``predicate(calls)`` is truthy; return its value or fail."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                result = predicate(list(self.calls))
                if result:
                    return result
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(
                        f"Slack stand-in: condition not met in {timeout}s; calls: "
                        + "; ".join(f"{c.method} {str(c.body)[:200]}" for c in self.calls[-10:])
                    )
                self._lock.wait(min(left, 0.5))


def parse_body(raw: str, content_type: str) -> Dict[str, Any]:
    """A Web API body as Slack reads it: JSON, or a form whose blocks/attachments are JSON."""
    if content_type == "application/json":
        return json.loads(raw or "{}")
    body: Dict[str, Any] = {k: v[0] for k, v in parse_qs(raw).items()}
    for key in ("blocks", "attachments"):
        if isinstance(body.get(key), str):
            body[key] = json.loads(body[key])
    return body


# -- Slack as the sender of events ----------------------------------------------------------
def signed_headers(secret: str, body: bytes, timestamp: Optional[int] = None,
                   content_type: str = "application/json") -> Dict[str, str]:
    timestamp = int(time.time()) if timestamp is None else timestamp
    base = f"v0:{timestamp}:".encode("utf-8") + body
    signature = "v0=" + hmac.new(secret.encode("utf-8"), base, hashlib.sha256).hexdigest()
    return {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": str(timestamp),
        "X-Slack-Signature": signature,
    }


def _envelope(event: Dict[str, Any], event_id: Optional[str]) -> Dict[str, Any]:
    return {
        "token": "legacy-verification-token",
        "team_id": TEAM_ID,
        "api_app_id": APP_ID,
        "event": event,
        "type": "event_callback",
        "event_id": event_id or "Ev" + uuid.uuid4().hex[:10].upper(),
        "event_time": int(time.time()),
        "authorizations": [{"enterprise_id": None, "team_id": TEAM_ID, "user_id": BOT_USER_ID,
                            "is_bot": True, "is_enterprise_install": False}],
        "is_ext_shared_channel": False,
    }


def new_ts() -> str:
    return f"{time.time():.6f}"


def message_event(text: str, user: str, channel: str, event_id: Optional[str] = None,
                  **extra: Any) -> Dict[str, Any]:
    """A ``message.im`` event: a person writing to the bot in a direct message."""
    ts = new_ts()
    event = {"type": "message", "channel": channel, "user": user, "text": text, "ts": ts,
             "event_ts": ts, "channel_type": "im", "team": TEAM_ID}
    event.update(extra)
    return _envelope(event, event_id)


def app_mention_event(text: str, user: str, channel: str,
                      event_id: Optional[str] = None) -> Dict[str, Any]:
    """An ``app_mention`` event: ``text`` should contain ``<@BOT_USER_ID>``."""
    ts = new_ts()
    event = {"type": "app_mention", "channel": channel, "user": user, "text": text, "ts": ts,
             "event_ts": ts, "team": TEAM_ID}
    return _envelope(event, event_id)


def block_actions(message: Dict[str, Any], button: Dict[str, Any], user: str,
                  channel: str) -> Dict[str, Any]:
    """The ``block_actions`` payload of a click on ``button`` in the posted ``message``."""
    return {
        "type": "block_actions",
        "user": {"id": user, "username": "kari", "name": "kari", "team_id": TEAM_ID},
        "api_app_id": APP_ID,
        "token": "legacy-verification-token",
        "container": {"type": "message", "message_ts": message["ts"], "channel_id": channel,
                      "is_ephemeral": False},
        "trigger_id": "1234.5678." + uuid.uuid4().hex[:8],
        "team": {"id": TEAM_ID, "domain": "innovasjon"},
        "channel": {"id": channel, "name": "directmessage"},
        "message": {"type": "message", "user": BOT_USER_ID, "bot_id": BOT_ID,
                    "ts": message["ts"], "text": message.get("text", ""),
                    "blocks": message.get("blocks", [])},
        "response_url": "https://hooks.slack.com/actions/T/1/x",
        "actions": [{
            "action_id": button.get("action_id"),
            "block_id": button.get("block_id", "b1"),
            "text": button["text"],
            "value": button["value"],
            "type": "button",
            "action_ts": new_ts(),
        }],
    }


def form_body(payload: Dict[str, Any]) -> bytes:
    """An interaction as Slack posts it: form field ``payload`` holding JSON."""
    return urlencode({"payload": json.dumps(payload)}).encode("utf-8")
