"""Access to the staff pages: a password (argon2 hash) or a trusted header from a proxy with
single sign-on; sessions in signed cookies; a CSRF token per session.

Settings (``components/settings.py``):

- ``ASSISTANT_STAFF_PASSWORD_HASH``: the argon2 hash of the advisers' shared password (print
  one with ``python -m web.auth hash``). Advisers log in at ``/staff/login``.
- ``ASSISTANT_STAFF_TRUSTED_HEADER`` (e.g. ``X-Forwarded-User``): a reverse proxy with single
  sign-on sets it to the signed-in user's name; with ``ASSISTANT_STAFF_TRUSTED_PROXIES`` only
  requests from those addresses count. The proxy must strip the header from what clients send.
- ``ASSISTANT_STAFF_SESSION_SECRET``: the cookies' signing key (random per process if unset,
  with a warning: sessions then end when the process restarts).
- ``ASSISTANT_STAFF_SECURE_COOKIE``: the cookie is sent over https only.

With neither a password hash nor a header, the staff pages answer 503 with how to configure
them: there is no default password. The login form carries a token whose signed copy is in a
cookie (a login from another site gets 403), and a client address with 10 failed logins in 15
minutes gets 429 until the quarter has passed. The session cookie (``HttpOnly``,
``SameSite=Strict``, 8 hours) holds the user's name and a random CSRF token; every form that
changes something carries the token in a hidden field, and a POST without it or with a wrong
one gets 403.

``python -m web.auth hash`` reads a password (twice, hidden, at a terminal; one line from
standard input otherwise) and prints its argon2 hash.
"""
from __future__ import annotations

import getpass
import hmac
import logging
import secrets
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import Deque, Dict, List, Optional

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import Request, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer

from components.settings import Settings

logger = logging.getLogger(__name__)

COOKIE = "staff_session"
LOGIN_COOKIE = "staff_login"  # the login form's CSRF token, signed, until the login
LOGIN_MAX_AGE = 3600
MAX_FAILURES = 10  # failed logins per client address in FAILURE_WINDOW seconds, then 429
FAILURE_WINDOW = 15 * 60
CSRF_FIELD = "csrf_token"
MAX_AGE = 8 * 3600
PASSWORD_USER = "rådgiver"
NOT_CONFIGURED = (
    "Sidene for rådgivere er ikke satt opp. Sett ASSISTANT_STAFF_PASSWORD_HASH (lag hashen med "
    "«python -m web.auth hash») eller ASSISTANT_STAFF_TRUSTED_HEADER (en header fra en proxy med "
    "innlogging), og start webtjenesten på nytt. Se README.md, «For rådgivere».")
_hasher = PasswordHasher()


class NotConfigured(Exception):
    """Neither a password hash nor a trusted header is set."""


class NotAuthenticated(Exception):
    """The request has no valid credentials."""


@dataclass(frozen=True)
class StaffUser:
    name: str
    via: str  # "passord" or "innlogging" (the trusted header)
    csrf: str


def hash_password(password: str) -> str:
    return _hasher.hash(password)


class StaffAuth:
    """The staff pages' access rules, built once per app from the settings."""

    def __init__(self, settings: Settings) -> None:
        secret_hash = settings.assistant_staff_password_hash
        self.password_hash = secret_hash.get_secret_value() if secret_hash else None
        self.header = settings.assistant_staff_trusted_header
        self.proxies: List[str] = list(settings.assistant_staff_trusted_proxies or [])
        self.secure = settings.assistant_staff_secure_cookie
        secret = settings.assistant_staff_session_secret
        if secret is None:
            if self.configured:
                logger.warning("ASSISTANT_STAFF_SESSION_SECRET is not set: the staff pages' "
                               "sessions use a random key and end when this process stops")
            key = secrets.token_urlsafe(32)
        else:
            key = secret.get_secret_value()
        self.serializer = URLSafeTimedSerializer(key, salt="staff-session")
        self.login_serializer = URLSafeTimedSerializer(key, salt="staff-login")
        self._failures: Dict[str, Deque[float]] = {}
        self._lock = threading.Lock()

    @property
    def configured(self) -> bool:
        return bool(self.password_hash or self.header)

    # --- credentials ------------------------------------------------------------------------
    def verify_password(self, password: str) -> bool:
        if not self.password_hash or not password:
            return False
        try:
            return _hasher.verify(self.password_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    def _from_header(self, request: Request) -> Optional[str]:
        if not self.header:
            return None
        if self.proxies and (request.client is None or request.client.host not in self.proxies):
            return None
        name = (request.headers.get(self.header) or "").strip()
        return name[:200] or None

    def _session(self, request: Request) -> Optional[dict]:
        token = request.cookies.get(COOKIE)
        if not token:
            return None
        try:
            data = self.serializer.loads(token, max_age=MAX_AGE)
        except BadSignature:
            return None
        return data if isinstance(data, dict) and data.get("u") and data.get("c") else None

    def user(self, request: Request) -> StaffUser:
        """The signed-in adviser; raises :class:`NotConfigured` or :class:`NotAuthenticated`.

        With the trusted header, a session is started (or restarted for another user) on the
        way: :func:`attach` then sets its cookie on the response."""
        if not self.configured:
            raise NotConfigured()
        session = self._session(request)
        header_user = self._from_header(request)
        if header_user is not None:
            if session and session.get("u") == header_user and session.get("v") == "innlogging":
                return StaffUser(header_user, "innlogging", session["c"])
            request.state.staff_cookie = self.new_session(header_user, "innlogging")
            return StaffUser(header_user, "innlogging", self._session_of(
                request.state.staff_cookie)["c"])
        if session and session.get("v") == "passord" and self.password_hash:
            return StaffUser(session["u"], "passord", session["c"])
        raise NotAuthenticated()

    # --- the login form -----------------------------------------------------------------------
    def set_login_cookie(self, response: Response, token: str) -> None:
        """The signed copy of the login form's token (``secrets.token_urlsafe``), in a cookie:
        the POST must bring both (double submit)."""
        response.set_cookie(LOGIN_COOKIE, self.login_serializer.dumps(token),
                            max_age=LOGIN_MAX_AGE, httponly=True, samesite="strict",
                            secure=self.secure, path="/staff")

    def login_form_ok(self, request: Request, token: Optional[str]) -> bool:
        try:
            expected = self.login_serializer.loads(request.cookies.get(LOGIN_COOKIE) or "",
                                                   max_age=LOGIN_MAX_AGE)
        except BadSignature:
            return False
        return bool(token) and hmac.compare_digest(str(expected), str(token))

    def _client(self, request: Request) -> str:
        return request.client.host if request.client else "?"

    def too_many_failures(self, request: Request) -> bool:
        now = time.monotonic()
        with self._lock:
            failures = self._failures.get(self._client(request))
            while failures and now - failures[0] > FAILURE_WINDOW:
                failures.popleft()
            return bool(failures) and len(failures) >= MAX_FAILURES

    def failed(self, request: Request) -> None:
        with self._lock:
            if len(self._failures) > 10_000:
                self._failures.clear()
            self._failures.setdefault(self._client(request), deque()).append(time.monotonic())

    # --- sessions ---------------------------------------------------------------------------
    def new_session(self, name: str, via: str) -> str:
        return self.serializer.dumps({"u": name, "v": via, "c": secrets.token_urlsafe(24)})

    def _session_of(self, token: str) -> dict:
        return self.serializer.loads(token)

    def set_cookie(self, response: Response, token: str) -> None:
        response.set_cookie(COOKIE, token, max_age=MAX_AGE, httponly=True, samesite="strict",
                            secure=self.secure, path="/staff")

    def clear_cookie(self, response: Response) -> None:
        response.delete_cookie(COOKIE, path="/staff", httponly=True, samesite="strict",
                               secure=self.secure)

    def attach(self, request: Request, response: Response) -> Response:
        """Set the cookie of a session started while this request was handled."""
        token = getattr(request.state, "staff_cookie", None)
        if token:
            self.set_cookie(response, token)
        return response


def csrf_ok(user: StaffUser, token: Optional[str]) -> bool:
    return bool(token) and hmac.compare_digest(user.csrf, str(token))


def main(argv: Optional[List[str]] = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv != ["hash"]:
        print("usage: python -m web.auth hash   (reads the password, prints its argon2 hash)",
              file=sys.stderr)
        return 64
    if sys.stdin.isatty():
        password = getpass.getpass("Passord: ")
        if password != getpass.getpass("Gjenta passordet: "):
            print("Passordene er ikke like.", file=sys.stderr)
            return 1
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    if len(password) < 12:
        print("Passordet må ha minst 12 tegn.", file=sys.stderr)
        return 1
    print(hash_password(password))
    return 0


if __name__ == "__main__":
    sys.exit(main())
