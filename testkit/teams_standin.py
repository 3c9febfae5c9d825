"""A local stand-in for the Microsoft services a Teams bot talks to, for tests.

One threaded HTTP server on 127.0.0.1 (free port) serves

- ``GET /openid`` and ``GET /keys``: OpenID metadata and a JWKS with locally generated RSA keys,
  as ``https://login.botframework.com/v1/.well-known/openidconfiguration`` does;
- ``POST /token``: a client-credentials token endpoint (records each request's form);
- ``POST /v3/conversations/{id}/activities[/{replyToId}]``: the Bot Connector, recording what
  the bot sends.

``sign(...)`` makes Bot Framework channel tokens with the stand-in's keys (or a key it does not
publish), and ``message(...)`` / ``members_added(...)`` build Teams activities.
"""
from __future__ import annotations

import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Dict, List, Optional, Tuple
from urllib.parse import parse_qs, unquote

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

ISSUER = "https://api.botframework.com"
BOT_ID = "28:bot-app-id"
CHANNEL_ID = "msteams"


@dataclass
class SigningKey:
    kid: str
    private: Any
    endorsements: List[str] = field(default_factory=lambda: [CHANNEL_ID])

    @classmethod
    def generate(cls, kid: Optional[str] = None, endorsements: Optional[List[str]] = None) -> "SigningKey":
        private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        return cls(kid or uuid.uuid4().hex, private, endorsements or [CHANNEL_ID])

    def jwk(self) -> Dict[str, Any]:
        data = RSAAlgorithm.to_jwk(self.private.public_key(), as_dict=True)
        data.update({"kid": self.kid, "use": "sig", "alg": "RS256",
                     "endorsements": list(self.endorsements)})
        return data


@dataclass
class Sent:
    """One activity the bot posted to the Bot Connector stand-in."""

    conversation_id: str
    reply_to_id: Optional[str]
    authorization: Optional[str]
    activity: Dict[str, Any]


class TeamsStandin:
    """Use as a context manager; ``base_url`` is ``http://127.0.0.1:<port>``."""

    def __init__(self, app_id: str = "00000000-0000-0000-0000-00000000b0b0") -> None:
        self.app_id = app_id
        self.keys: List[SigningKey] = [SigningKey.generate("standin-key-1")]
        self.unpublished = SigningKey.generate("not-in-jwks")
        self.token_requests: List[Dict[str, str]] = []
        self.sent: List[Sent] = []
        self.metadata_fetches = 0
        self.failures: List[Tuple[int, Optional[str], float]] = []  # (status, Retry-After, delay)
        self.attempts = 0  # posts of activities, failed ones included
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self.service_url = f"{self.base_url}/"  # Teams' serviceUrl ends with a slash
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> "TeamsStandin":
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._server.shutdown()
        self._server.server_close()

    # --- tokens and activities for the tests -----------------------------------------------------

    def sign(self, key: Optional[SigningKey] = None, service_url: Optional[str] = None,
             lifetime: float = 3600, **claims: Any) -> str:
        """``Bearer <jwt>`` as the Bot Framework sends it, with ``claims`` overriding."""
        key = key or self.keys[0]
        now = int(time.time())
        payload = {"iss": ISSUER, "aud": self.app_id, "nbf": now - 5, "iat": now - 5,
                   "exp": int(now + lifetime),
                   "serviceurl": self.service_url if service_url is None else service_url}
        payload.update(claims)
        token = jwt.encode(payload, key.private, algorithm="RS256", headers={"kid": key.kid})
        return f"Bearer {token}"

    def message(self, text: Optional[str] = "", conversation_id: Optional[str] = None,
                **fields: Any) -> Dict[str, Any]:
        """A Teams message activity from a user to the bot."""
        activity = self._activity("message", conversation_id)
        if text is not None:
            activity["text"] = text
        activity.update(fields)
        return activity

    def members_added(self, *member_ids: str, conversation_id: Optional[str] = None) -> Dict[str, Any]:
        activity = self._activity("conversationUpdate", conversation_id)
        activity["membersAdded"] = [{"id": member} for member in member_ids]
        return activity

    def _activity(self, kind: str, conversation_id: Optional[str]) -> Dict[str, Any]:
        return {
            "type": kind,
            "id": f"1{uuid.uuid4().int % 10**12:012d}",
            "channelId": CHANNEL_ID,
            "serviceUrl": self.service_url,
            "from": {"id": "29:user-" + uuid.uuid4().hex[:8], "name": "Kari Nordmann",
                     "aadObjectId": str(uuid.uuid4())},
            "recipient": {"id": BOT_ID, "name": "Veileder"},
            "conversation": {"id": conversation_id or f"a:{uuid.uuid4().hex};messageid=1",
                             "conversationType": "personal", "tenantId": "tenant-standin"},
            "channelData": {"tenant": {"id": "tenant-standin"}},
            "locale": "nb-NO",
            "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime()),
        }

    def fail_next(self, status: int = 503, retry_after: Optional[str] = None,
                  delay: float = 0.0, times: int = 1) -> None:
        """Answer the next ``times`` posted activities with ``status`` (after ``delay``
        seconds, with ``Retry-After`` if given) instead of taking them."""
        with self._lock:
            self.failures.extend([(status, retry_after, delay)] * times)

    def sent_to(self, conversation_id: str) -> List[Sent]:
        with self._lock:
            return [s for s in self.sent if s.conversation_id == conversation_id]

    def wait_for(self, conversation_id: str, count: int = 1, timeout: float = 60) -> List[Sent]:
        """At least ``count`` activities sent to the conversation, polling until ``timeout``."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            sent = self.sent_to(conversation_id)
            if len(sent) >= count:
                return sent
            time.sleep(0.1)
        raise AssertionError(f"{len(self.sent_to(conversation_id))} of {count} replies to "
                             f"{conversation_id!r} within {timeout}s")

    # --- the HTTP side -----------------------------------------------------------------------------

    def _handler(self):
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output quiet
                pass

            def _json(self, body: Any, status: int = 200,
                      headers: Optional[Dict[str, str]] = None) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                try:
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout)
                    pass

            def _body(self) -> bytes:
                return self.rfile.read(int(self.headers.get("Content-Length") or 0))

            def do_GET(self) -> None:
                if self.path == "/openid":
                    with standin._lock:
                        standin.metadata_fetches += 1
                    self._json({"issuer": ISSUER, "jwks_uri": f"{standin.base_url}/keys",
                                "id_token_signing_alg_values_supported": ["RS256"]})
                elif self.path == "/keys":
                    with standin._lock:
                        keys = [key.jwk() for key in standin.keys]
                    self._json({"keys": keys})
                else:
                    self._json({"error": "not found"}, 404)

            def do_POST(self) -> None:
                body = self._body()
                parts = self.path.strip("/").split("/")
                if self.path == "/token":
                    form = {k: v[0] for k, v in parse_qs(body.decode()).items()}
                    with standin._lock:
                        standin.token_requests.append(form)
                        number = len(standin.token_requests)
                    if form.get("grant_type") != "client_credentials":
                        self._json({"error": "unsupported_grant_type"}, 400)
                        return
                    self._json({"token_type": "Bearer", "expires_in": 3599, "ext_expires_in": 3599,
                                "access_token": f"standin-token-{number}"})
                elif len(parts) in (4, 5) and parts[:2] == ["v3", "conversations"] \
                        and parts[3] == "activities":
                    with standin._lock:
                        standin.attempts += 1
                        failure = standin.failures.pop(0) if standin.failures else None
                    if failure:
                        status, after, delay = failure
                        time.sleep(delay)
                        self._json({"error": "planned failure"}, status,
                                   {"Retry-After": after} if after else None)
                        return
                    sent = Sent(unquote(parts[2]), unquote(parts[4]) if len(parts) == 5 else None,
                                self.headers.get("Authorization"), json.loads(body or b"{}"))
                    with standin._lock:
                        standin.sent.append(sent)
                    self._json({"id": uuid.uuid4().hex})
                else:
                    self._json({"error": "not found"}, 404)

        return Handler
