"""The web service: page, deadline API, chat proxy and health, without Rasa running."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setenv("ASSISTANT_NOW", "2020-04-16T14:45:00+02:00")
    import importlib
    import web.app as app_module

    monkeypatch.setattr(app_module, "RASA_URL", "http://127.0.0.1:9")
    monkeypatch.setattr(app_module, "ACTION_URL", "http://127.0.0.1:9")
    return TestClient(app_module.app)


def test_the_page_is_norwegian_and_names_the_call(client):
    resp = client.get("/")
    assert resp.status_code == 200
    assert '<html lang="nb">' in resp.text
    assert "75 millioner kroner til innovasjonspartnerskap" in resp.text
    assert "{{" not in resp.text


def test_deadline_api_uses_the_clock(client):
    data = client.get("/api/frist").json()
    assert data["passed"] is False
    assert data["seconds_left"] == 2 * 3600 + 15 * 60
    assert data["deadline"].startswith("2020-04-16T17:00:00")


def test_chat_says_clearly_when_the_assistant_is_down(client):
    resp = client.post("/api/chat", json={"sender": "x", "message": "hei"})
    assert resp.status_code == 503
    assert "ikke tilgjengelig" in resp.json()["detail"]


def test_chat_rejects_overlong_input_with_422(client):
    resp = client.post("/api/chat", json={"sender": "x", "message": "a" * 10_001})
    assert resp.status_code == 422


def test_health_reports_what_is_down(client):
    data = client.get("/healthz").json()
    assert data["status"] == "degraded"
    assert data["checks"]["call_file"] == "ok"
    assert data["checks"]["rasa"].startswith("utilgjengelig")
