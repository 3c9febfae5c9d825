"""The staff pages in a real browser: Debian's Chromium driven by Playwright, axe-core for WCAG.

Only the web service runs (uvicorn in a thread on a free port on 127.0.0.1), over a generated
tracker store, with a local SMTP stand-in (aiosmtpd) for the answer e-mailed to a user; no Rasa
and no model are needed. Artifacts: test-artifacts/staff-dashboard.png,
staff-ticket.png and staff-axe.json.
"""
from __future__ import annotations

import email
import email.policy
import json
import threading
import time
from collections import Counter
from datetime import datetime, timezone
from typing import Iterator

import pytest

from components.records import Records, create_engine
from components.settings import load_settings
from testkit import tracker_events
from testkit.servers import ROOT, free_port
from web.auth import hash_password

CHROMIUM = "/usr/bin/chromium"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PASSWORD = "riktig-hest-batteri-stift"

_missing = [what for what, ok in [("Chromium", __import__("os").path.exists(CHROMIUM)),
                                  ("axe-core", AXE.exists())] if not ok]
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(bool(_missing), reason="missing " + ", ".join(_missing)
                       + ": run scripts/install-browser.sh"),
]

if not _missing:
    from playwright.sync_api import expect, sync_playwright


@pytest.fixture(scope="module")
def smtp() -> Iterator[tuple]:
    from aiosmtpd.controller import Controller

    from testkit.smtp import Mailbox

    handler = Mailbox()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield handler, controller.port
    controller.stop()


@pytest.fixture(scope="module")
def staff_url(tmp_path_factory, smtp) -> Iterator[str]:
    import uvicorn

    from web.app import create_app

    url = f"sqlite:///{tmp_path_factory.mktemp('staff') / 'tracker.db'}"
    engine = create_engine(url)
    tracker_events.write(engine, tracker_events.generated(
        300, datetime(2026, 11, 1, tzinfo=timezone.utc), days=30))
    records = Records(engine)
    records.create_ticket("bench-00001", "Kan vi søke sammen med nabokommunen?",
                          name="Kari Nordmann", email="kari@example.no", consent=True,
                          now=datetime(2026, 11, 28, 9, tzinfo=timezone.utc))
    records.create_ticket("bench-00002", "Ring meg på 912 34 567 om fristen",
                          now=datetime(2026, 11, 29, 9, tzinfo=timezone.utc))
    records.add_feedback("bench-00003", "utter_faq/belop", "down", comment="For kort svar",
                         now=datetime(2026, 11, 20, 9, tzinfo=timezone.utc))
    settings = load_settings({"ASSISTANT_DATABASE_URL": url,
                              "ASSISTANT_NOW": "2026-11-30T12:00:00+01:00",
                              "ASSISTANT_STAFF_PASSWORD_HASH": hash_password(PASSWORD),
                              "ASSISTANT_STAFF_SESSION_SECRET": "browser-test-" + "s" * 20,
                              "ASSISTANT_SMTP_HOST": "127.0.0.1",
                              "ASSISTANT_SMTP_PORT": str(smtp[1]),
                              "ASSISTANT_SMTP_FROM": "assistent@example.no",
                              "ASSISTANT_SMTP_STARTTLS": "false"})
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="off", ws="none"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the web service did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page(staff_url):
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM)
        # the pages' Content-Security-Policy (script-src 'self') would block the injected axe
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nb-NO",
                                      bypass_csp=True)
        page = context.new_page()
        page.set_default_timeout(15_000)
        yield page
        browser.close()


def run_axe(page) -> dict:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, "
        "resultTypes: ['violations']})", WCAG_TAGS)
    return {"violations_by_impact": dict(Counter(v["impact"] for v in result["violations"])),
            "violations": [{"id": v["id"], "impact": v["impact"], "help": v["help"],
                            "targets": [n["target"] for n in v["nodes"]][:5]}
                           for v in result["violations"]],
            "incomplete": [v["id"] for v in result["incomplete"]]}


def test_dashboard_and_ticket_queue(page, staff_url, smtp):
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(staff_url + "/staff")
    expect(page).to_have_url(staff_url + "/staff/login?neste=/staff")
    page.get_by_label("Passord").fill("feil passord")
    page.get_by_role("button", name="Logg inn").click()
    expect(page.get_by_role("alert")).to_have_text("Feil passord. Prøv igjen.")
    page.get_by_label("Passord").fill(PASSWORD)
    page.get_by_role("button", name="Logg inn").click()

    # the dashboard: figures, charts with names, the table alternative, a chosen range
    expect(page.get_by_role("heading", level=1)).to_contain_text("Oversikt 01.11.2026–30.11.2026")
    expect(page.get_by_role("img", name="Samtaler per dag")).to_be_visible()
    expect(page.get_by_role("img", name="Fallback per dag")).to_be_visible()
    assert page.locator("dl.figures dd").first.inner_text() == "300"
    page.get_by_text("Vis tallene som tabell").click()
    expect(page.get_by_role("table", name="Per dag").locator("tbody tr")).to_have_count(30)
    page.screenshot(path=str(ARTIFACTS / "staff-dashboard.png"), full_page=True)
    reports = {"dashboard": run_axe(page)}
    page.get_by_label("Fra").fill("2026-11-20")
    page.get_by_role("button", name="Vis", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("20.11.2026–30.11.2026")

    # the ticket queue: open a ticket, answer it, close it
    page.get_by_role("link", name="Henvendelser", exact=True).click()
    expect(page.get_by_role("link", name="Henvendelse 2")).to_be_visible()
    assert "912 34 567" not in page.content()
    page.get_by_role("link", name="Henvendelse 1").click()
    expect(page.get_by_role("link", name="kari@example.no")).to_be_visible()
    expect(page.get_by_text("sendes på e-post til kari@example.no")).to_be_visible()
    page.get_by_label("Svaret ditt").fill("Ja, dere kan søke sammen. Én må stå som søker.")
    page.get_by_role("button", name="Lagre og send svaret").click()
    expect(page.get_by_role("status")).to_have_text(
        "Svaret er lagret og sendt på e-post til brukeren.")
    [mail] = smtp[0].messages
    body = email.message_from_bytes(mail["raw"], policy=email.policy.default).get_content()
    assert mail["to"] == ["kari@example.no"] and "Én må stå som søker." in body
    reports["ticket"] = run_axe(page)
    page.screenshot(path=str(ARTIFACTS / "staff-ticket.png"), full_page=True)
    page.get_by_role("button", name="Lukk henvendelsen").click()
    expect(page.get_by_role("status")).to_have_text("Henvendelsen er lukket.")
    expect(page.get_by_role("button", name="Åpne igjen")).to_be_visible()

    # the answer bank, then log out
    page.get_by_role("link", name="Svarbank").click()
    page.get_by_role("searchbox", name="Søk i svarene").fill("millioner")
    page.get_by_role("button", name="Søk", exact=True).click()
    expect(page.locator("article.answer").first).to_contain_text("75 millioner kroner")
    reports["answers"] = run_axe(page)
    page.get_by_role("button", name="Logg ut").click()
    expect(page).to_have_url(staff_url + "/staff/login?utlogget=1")
    page.goto(staff_url + "/staff")
    expect(page.get_by_label("Passord")).to_be_visible()

    (ARTIFACTS / "staff-axe.json").write_text(json.dumps(reports, indent=2, ensure_ascii=False))
    bad = [v for r in reports.values() for v in r["violations"]
           if v["impact"] in ("serious", "critical")]
    assert not bad, json.dumps(bad, indent=2, ensure_ascii=False)
