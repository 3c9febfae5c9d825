"""Health of the tracker store database, for ``/healthz``.

The database is the one Rasa's tracker store uses (``components/stores.py``): the settings'
``ASSISTANT_DATABASE_URL``, default ``sqlite:///build/rasa-tracker.db`` (relative to the working
directory, as for Rasa). The check never changes anything:

- SQLite: a file that does not exist yet is fine (the tracker store creates it at the first
  conversation) and is *not* created here; an existing file is opened read-only and its schema
  read, so a file that is not a database is reported.
- Other databases (PostgreSQL, MySQL ...): ``SELECT 1`` through SQLAlchemy with a connect
  timeout and no pool.

Results are short Norwegian strings: ``"ok"``, ``"ok (opprettes ved første samtale)"``,
``"utilgjengelig (OperationalError: ...)"``, ``"feil: ..."``. Passwords never appear in them:
:func:`safe_url` masks the URL and the password is removed from driver messages.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Optional
from urllib.parse import unquote, urlsplit

from components.settings import DATABASE_ENV

DEFAULT_TIMEOUT = 2.0
_MAX_REASON = 160


def safe_url(url: str) -> str:
    """The URL with its password replaced by ``***``."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    user = parts.username or ""
    host = parts.hostname or ""
    if ":" in host:  # IPv6
        host = f"[{host}]"
    netloc = f"{user}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return parts._replace(netloc=netloc).geturl()


def _password(url: str) -> Optional[str]:
    password = urlsplit(url).password
    return unquote(password) if password else None


def _reason(exc: BaseException, url: str) -> str:
    """"OperationalError: connection refused ..." without the password, one short line."""
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    line = text[0] if text else ""
    for secret in filter(None, {_password(url), urlsplit(url).password}):
        line = line.replace(secret, "***")
    line = line[:_MAX_REASON]
    return f"{exc.__class__.__name__}: {line}" if line else exc.__class__.__name__


def _sqlite_path(url: str) -> str:
    """The database file, read from the URL the way components/stores.py reads it."""
    path = urlsplit(url).path
    return unquote(path[1:] if path.startswith("/") else path) or "rasa.db"


def _check_sqlite(url: str, timeout: float) -> str:
    db = _sqlite_path(url)
    if db == ":memory:":
        return "ok (i minnet)"
    path = Path(db)
    if not path.exists():
        return "ok (opprettes ved første samtale)"
    try:
        # mode=ro: never creates or changes the file
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=timeout)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return f"feil ({_reason(exc, url)})"
    return "ok"


def _connect_args(dialect: str, timeout: float) -> dict:
    seconds = max(1, int(round(timeout)))
    if dialect.startswith("postgresql"):
        return {"connect_timeout": seconds}
    if dialect.startswith(("mysql", "mariadb")):
        return {"connect_timeout": seconds}
    return {}


def _check_sql(url: str, timeout: float) -> str:
    from sqlalchemy import create_engine, text  # installed with Rasa; loaded when needed
    from sqlalchemy.exc import ArgumentError
    from sqlalchemy.pool import NullPool

    engine_url = "postgresql" + url[len("postgres"):] if url.startswith("postgres:") else url
    try:
        engine = create_engine(engine_url, poolclass=NullPool,
                               connect_args=_connect_args(urlsplit(engine_url).scheme, timeout))
    except ArgumentError:
        return f"feil: {DATABASE_ENV} er ikke en gyldig database-URL"
    except ImportError as exc:  # the driver for this dialect is not installed
        return f"feil: mangler databasedriver ({exc.__class__.__name__}: {exc})"
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1")).scalar()
    except Exception as exc:  # noqa: BLE001 - any driver error means "not reachable"
        return f"utilgjengelig ({_reason(exc, url)})"
    finally:
        engine.dispose()
    return "ok"


def check_database(url: str, timeout: float = DEFAULT_TIMEOUT) -> str:
    """The state of the database at ``url``; blocking, run it in a thread from async code."""
    scheme = urlsplit(url).scheme.split("+")[0]
    if not scheme:
        return f"feil: {DATABASE_ENV} er ikke en gyldig database-URL"
    if scheme == "sqlite":
        return _check_sqlite(url, timeout)
    return _check_sql(url, timeout)
