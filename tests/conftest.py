"""Shared fixtures: the project's domain, a pinned clock, a copy of the call file, and settings
that follow ``monkeypatch.setenv``."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml

from components.settings import get_settings

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")

from testkit import ROOT
MODEL = ROOT / "models" / "assistant.tar.gz"


@pytest.fixture(scope="session")
def domain() -> dict:
    return yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


class _SettingsFollowEnv(pytest.MonkeyPatch):
    """pytest's monkeypatch; changing the environment also drops the cached settings, so the
    next ``get_settings()`` reads them again (the running services read them once)."""

    def setenv(self, name, value, prepend=None):
        super().setenv(name, value, prepend)
        get_settings.cache_clear()

    def delenv(self, name, raising=True):
        super().delenv(name, raising)
        get_settings.cache_clear()

    def undo(self):
        super().undo()
        get_settings.cache_clear()


@pytest.fixture
def monkeypatch():
    patch = _SettingsFollowEnv()
    yield patch
    patch.undo()


@pytest.fixture
def call_copy(tmp_path, monkeypatch) -> Path:
    """A writable copy of the call file, made the configured one for this test."""
    path = tmp_path / "call.yml"
    shutil.copy(ROOT / "calls" / "innovasjonspartnerskap-2020.yml", path)
    monkeypatch.setenv("ASSISTANT_CALL_FILE", str(path))
    return path


def pytest_collection_modifyitems(config, items):
    if MODEL.exists():
        return
    skip = pytest.mark.skip(reason="no trained model: run `make train` (make test does)")
    for item in items:
        if "model" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> str:
    """The project's database for one test: a SQLite file, then a throwaway PostgreSQL
    database on 127.0.0.1:5432 (skipped with the reason when the server is unreachable)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'assistant.db'}"
        return
    from testkit.databases import Unavailable, throwaway_postgres

    try:
        context = throwaway_postgres()
        url = context.__enter__()
    except Unavailable as exc:
        pytest.skip(str(exc))
    try:
        yield url
    finally:
        context.__exit__(None, None, None)


@pytest.fixture
def mailbox():
    """A local SMTP server (aiosmtpd, ``testkit/smtp.py``): (its :class:`Mailbox`, its port)."""
    from aiosmtpd.controller import Controller

    from testkit.servers import free_port
    from testkit.smtp import Mailbox, check_login

    handler = Mailbox()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port(),
                            authenticator=check_login, auth_require_tls=False)
    controller.start()
    yield handler, controller.port
    controller.stop()
