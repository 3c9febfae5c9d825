"""The web service's privacy page (/personvern, linked from the page and the widget) in
bokmål, nynorsk and English, and its daily purge job (started by the app's lifespan, never at
import)."""
from __future__ import annotations

import asyncio
import re
import time
from datetime import datetime, timedelta, timezone

import pytest
from fastapi.testclient import TestClient

from components.records import Records
from components.settings import get_settings
from testkit import ROOT
from veileder.language import detect
from web.privacy_page import TEMPLATE, TEXTS


@pytest.fixture
def app(monkeypatch, tmp_path):
    monkeypatch.setenv("ASSISTANT_DATABASE_URL", f"sqlite:///{tmp_path / 'tracker.db'}")
    monkeypatch.setenv("ASSISTANT_RASA_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("ASSISTANT_ACTION_URL", "http://127.0.0.1:9")
    import web.app as app_module

    return app_module.create_app(get_settings())


@pytest.mark.parametrize("env,days", [
    ({}, ("180", "365", "180")),
    ({"ASSISTANT_CONVERSATION_RETENTION_DAYS": "90", "ASSISTANT_TICKET_RETENTION_DAYS": "400",
      "ASSISTANT_FEEDBACK_RETENTION_DAYS": "30"}, ("90", "400", "30")),
])
def test_the_privacy_page_says_what_is_stored_and_for_how_long(monkeypatch, tmp_path, env,
                                                               days):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    import web.app as app_module

    resp = TestClient(app_module.create_app(get_settings())).get("/personvern")
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/html")
    assert '<html lang="nb">' in resp.text and "{{" not in resp.text
    assert "default-src 'self'" in resp.headers["content-security-policy"]
    conversations, tickets, feedback = days
    assert f"Samtaler slettes {conversations} dager etter den siste meldingen." in resp.text
    assert f"slettes {tickets} dager etter at de sist ble endret" in resp.text
    assert f"Tilbakemeldinger slettes etter {feedback} dager." in resp.text
    for words in ("[telefon]", "Navn og e-postadresse lagrer vi bare hvis du sier ja",
                  "Organisasjonsnummer blir lagret", "Ingen sporing",
                  'href="https://www.innovasjonnorge.no"'):
        assert words in resp.text


LANGUAGES = [
    # (query, Accept-Language, the page's language, words it has)
    ("?lang=nn", None, "nn", ["Samtalar blir sletta 180 dagar etter den siste meldinga.",
                              "Her står det kva assistenten lagrar, kor lenge og kvifor.",
                              "Spørsmål til ein rådgjevar", "Vi sporar deg ikkje"]),
    ("?lang=en", None, "en", ["Conversations are deleted 180 days after the last message.",
                              "Privacy in the assistant", "No tracking"]),
    ("", "en", "en", ["Feedback is deleted after 180 days."]),
    ("", "en-GB,en;q=0.9,nb;q=0.8", "en", ["Questions for an adviser are deleted 365 days"]),
    ("", "nn-NO,nn;q=0.9,nb;q=0.8", "nn", ["Tilbakemeldingar blir sletta etter 180 dagar."]),
    ("", "nb-NO,nb;q=0.9,en;q=0.5", "nb", ["Samtaler slettes 180 dager etter"]),
    ("", "no", "nb", ["Personvern i assistenten"]),
    ("", "de-DE,de;q=0.9", "nb", ["Ingen sporing"]),
    ("", "en;q=0.3,nn;q=0.7", "nn", ["Slettinga skjer automatisk kvar dag."]),
    ("?lang=nb", "nn", "nb", ["Tilbakemeldinger slettes etter 180 dager."]),
    ("?lang=xx", "en", "en", ["No tracking"]),     # not one of the three: the header decides
]


@pytest.mark.parametrize("query, accept, lang, words", LANGUAGES)
def test_the_privacy_page_in_the_language_asked_for(app, query, accept, lang, words):
    headers = {"Accept-Language": accept} if accept else {}
    resp = TestClient(app).get(f"/personvern{query}", headers=headers)
    assert resp.status_code == 200 and "{{" not in resp.text
    assert f'<html lang="{lang}">' in resp.text
    assert resp.headers["content-language"] == lang
    assert "Accept-Language" in resp.headers["vary"]
    for text in words:
        assert text in resp.text
    paragraphs = re.findall(r"<p>([^<]{60,})</p>", resp.text)
    assert paragraphs and all(detect(p) == lang for p in paragraphs), paragraphs


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_the_periods_come_from_the_settings_in_every_language(monkeypatch, lang):
    for name, value in {"ASSISTANT_CONVERSATION_RETENTION_DAYS": "90",
                        "ASSISTANT_TICKET_RETENTION_DAYS": "400",
                        "ASSISTANT_FEEDBACK_RETENTION_DAYS": "30"}.items():
        monkeypatch.setenv(name, value)
    import web.app as app_module

    page = TestClient(app_module.create_app(get_settings())).get(f"/personvern?lang={lang}").text
    assert TEXTS["conversations_deleted"].format(lang, conversation_days=90) in page
    assert TEXTS["tickets_deleted"].format(lang, ticket_days=400) in page
    assert TEXTS["feedback_deleted"].format(lang, feedback_days=30) in page
    assert "[nummer], [telefon]" in page  # the masks, as veileder.privacy writes them


def test_every_text_of_the_template_is_in_the_table_and_back():
    used = set(re.findall(r"\{\{t\.(\w+)\}\}", TEMPLATE.read_text(encoding="utf-8")))
    assert used == set(TEXTS)


def test_the_page_and_the_widget_link_to_it(app):
    page = TestClient(app).get("/").text
    assert '<a href="/personvern?lang=nb">' in page  # the demo page is bokmål
    widget = (ROOT / "web" / "static" / "widget.js").read_text(encoding="utf-8")
    assert 'new URL("../personvern?lang=" + lang, base)' in widget
    assert 'privacy: "Personvern"' in widget and 'privacy: "Privacy"' in widget


def test_building_the_app_starts_no_job(app):
    assert not hasattr(app.state, "purge_task")
    TestClient(app).get("/healthz")  # requests without the lifespan start none either
    assert not hasattr(app.state, "purge_task")


def test_the_lifespan_starts_and_stops_the_daily_purge(app):
    with TestClient(app):
        task = app.state.purge_task
        assert task.get_name() == "daily-purge" and not task.done()
    assert task.cancelled()


async def test_run_daily_repeats_and_survives_a_failing_run(caplog):
    from web.jobs import run_daily

    calls = []
    enough = asyncio.Event()

    def job():
        calls.append(len(calls))
        if len(calls) == 2:
            raise RuntimeError("databasen svarer ikke")
        if len(calls) >= 3:
            enough.set()
        return "ferdig"

    task = asyncio.create_task(run_daily(job, first_delay=0, interval=0.01))
    await asyncio.wait_for(enough.wait(), timeout=10)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert calls[:3] == [0, 1, 2]
    assert "Daglig sletting feilet" in caplog.text and "databasen svarer ikke" in caplog.text


def test_the_daily_job_purges_the_service_database(app, monkeypatch):
    import web.jobs

    now = datetime.now(timezone.utc)
    records = Records(get_settings().database_url)
    old = records.create_ticket("gammel", "Gammelt spørsmål", now=now - timedelta(days=400))
    new = records.create_ticket("ny", "Nytt spørsmål", now=now - timedelta(days=1))
    monkeypatch.setattr(web.jobs, "FIRST_DELAY", 0)
    with TestClient(app):
        for _ in range(200):  # the first run starts at once; wait for it
            if records.get_ticket(old.id) is None:
                break
            time.sleep(0.05)
    assert records.get_ticket(old.id) is None
    assert records.get_ticket(new.id) == new
    records.engine.dispose()
