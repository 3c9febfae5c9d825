"""The web service: page, deadline API, chat proxy and health, without Rasa running."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from components.settings import get_settings
from testkit import ROOT


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setenv("ASSISTANT_NOW", "2020-04-16T14:45:00+02:00")
    monkeypatch.setenv("ASSISTANT_RASA_URL", "http://127.0.0.1:9")  # Rasa and actions are down
    monkeypatch.setenv("ASSISTANT_ACTION_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("ASSISTANT_PUBLIC_RASA_URL", "http://127.0.0.1:5005")
    import web.app as app_module

    return TestClient(app_module.create_app(get_settings()))


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


@pytest.mark.parametrize("lang, words", [("nn", "ikkje tilgjengeleg"), ("en", "not available")])
def test_chat_says_it_in_the_language_asked_for(client, lang, words):
    resp = client.post("/api/chat", json={"sender": "x", "message": "hei", "lang": lang})
    assert resp.status_code == 503 and words in resp.json()["detail"]


def test_chat_passes_the_language_to_the_assistant_as_the_channel_preset(client, monkeypatch):
    import httpx
    sent = []

    async def post(self, url, json=None, **kwargs):
        sent.append(json)
        return httpx.Response(200, json=[{"text": "Hei!"}], request=httpx.Request("POST", url))

    monkeypatch.setattr(httpx.AsyncClient, "post", post)
    assert client.post("/api/chat", json={"sender": "x", "message": "hei", "lang": "nn"}).json()[
        "messages"][0]["text"] == "Hei!"
    client.post("/api/chat", json={"sender": "x", "message": "hei"})
    assert sent[0]["metadata"] == {"lang": "nn"} and sent[1]["metadata"] == {}
    assert client.post("/api/chat", json={"sender": "x", "message": "hei", "lang": "de"}
                       ).status_code == 422


def test_chat_rejects_overlong_input_with_422(client):
    resp = client.post("/api/chat", json={"sender": "x", "message": "a" * 10_001})
    assert resp.status_code == 422


def test_health_reports_what_is_down(client):
    data = client.get("/healthz").json()
    assert data["status"] == "degraded"
    assert data["checks"]["call_file"] == "ok"
    assert data["checks"]["rasa"].startswith("utilgjengelig")


# --- security headers on the page ------------------------------------------------------------------

def _policy(resp) -> dict:
    """'default-src 'self'; connect-src a b' -> {'default-src': ["'self'"], ...}."""
    directives = [d.split() for d in resp.headers["content-security-policy"].split(";") if d.strip()]
    return {d[0]: d[1:] for d in directives}


def test_the_page_has_security_headers(client):
    resp = client.get("/")
    assert resp.headers["x-content-type-options"] == "nosniff"
    assert resp.headers["referrer-policy"] == "strict-origin-when-cross-origin"
    policy = _policy(resp)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]  # no inline scripts, no eval
    assert policy["object-src"] == ["'none'"]
    # the widget talks to Rasa over http (REST, socket.io polling) and ws (socket.io)
    assert set(policy["connect-src"]) == {"'self'", "http://127.0.0.1:5005", "ws://127.0.0.1:5005"}


def test_the_policy_follows_the_public_rasa_url(client, monkeypatch):
    import web.app as app_module

    monkeypatch.setenv("ASSISTANT_PUBLIC_RASA_URL", "https://bot.example.no/rasa")
    resp = TestClient(app_module.create_app(get_settings())).get("/")
    assert 'https://bot.example.no/rasa' in resp.text  # {{rasa_url}} for the widget
    assert set(_policy(resp)["connect-src"]) == {"'self'", "https://bot.example.no",
                                                 "wss://bot.example.no"}


def test_the_page_loads_nothing_the_policy_blocks(client):
    """Every script and stylesheet comes from this origin, and no script is inline."""
    from html.parser import HTMLParser

    class Collect(HTMLParser):
        def __init__(self):
            super().__init__()
            self.urls, self.inline, self._in_script = [], [], False

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "script":
                self._in_script = "src" not in attrs
                if "src" in attrs:
                    self.urls.append(attrs["src"])
            if tag == "link" and "stylesheet" in (attrs.get("rel") or ""):
                self.urls.append(attrs["href"])
            if any(name.startswith("on") for name in attrs) or "style" in attrs:
                self.inline.append(tag)

        def handle_endtag(self, tag):
            if tag == "script":
                self._in_script = False

        def handle_data(self, data):
            if self._in_script and data.strip():
                self.inline.append("script")

    page = Collect()
    page.feed(client.get("/").text)
    assert page.urls, "the page loads its script and styles"
    assert all(url.startswith("/") and not url.startswith("//") for url in page.urls), page.urls
    assert page.inline == []
    for url in page.urls:
        assert client.get(url).status_code == 200, url


def test_api_docs_get_their_own_policy(client):
    resp = client.get("/docs")
    assert resp.status_code == 200
    assert "https://cdn.jsdelivr.net" in _policy(resp)["script-src"]


def test_json_answers_are_not_sniffed(client):
    resp = client.get("/api/frist")
    assert resp.headers["x-content-type-options"] == "nosniff"
    assert "content-security-policy" not in resp.headers


def test_health_includes_the_database(client):
    data = client.get("/healthz").json()
    assert set(data["checks"]) == {"rasa", "actions", "database", "call_file"}
    assert data["database"].startswith("sqlite:///")


def test_the_api_version_is_the_project_version(client):
    """One version, in pyproject.toml; the OpenAPI document shows the same."""
    import re

    pyproject = (ROOT / "pyproject.toml").read_text()
    version = re.search(r'^version = "([^"]+)"', pyproject, re.M).group(1)
    assert client.get("/openapi.json").json()["info"]["version"] == version
