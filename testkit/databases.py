"""Databases for tests: a SQLite file, or a throwaway PostgreSQL database on the local server.

PostgreSQL is found at ``ASSISTANT_TEST_POSTGRES_URL`` (an SQLAlchemy URL of a database the
user may connect to and create databases from; default
``postgresql://postgres@127.0.0.1:5432/postgres``). :func:`throwaway_postgres` creates a
database with a random name, yields its URL and drops it afterwards; when the server cannot be
reached it raises :class:`Unavailable` with the reason, for ``pytest.skip``.
"""
from __future__ import annotations

import os
import uuid
from contextlib import contextmanager
from typing import Iterator

import sqlalchemy as sa
from sqlalchemy.engine import make_url

DEFAULT_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"


class Unavailable(RuntimeError):
    """The test database server cannot be reached (the message says why)."""


def admin_url() -> str:
    return os.environ.get("ASSISTANT_TEST_POSTGRES_URL") or DEFAULT_ADMIN_URL


@contextmanager
def throwaway_postgres() -> Iterator[str]:
    """A new, empty PostgreSQL database for one test: its URL; dropped afterwards."""
    url = make_url(admin_url())
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool,
                             connect_args={"connect_timeout": 2})
    name = f"assistant_test_{uuid.uuid4().hex[:12]}"
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    except sa.exc.OperationalError as exc:
        admin.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise Unavailable(f"PostgreSQL at {url.host}:{url.port} not reachable as "
                          f"{url.username}: {reason}") from None
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = :name AND pid <> pg_backend_pid()"), {"name": name})
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()
