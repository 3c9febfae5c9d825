"""The staff pages through FastAPI's test client: access (password, trusted header, neither),
sessions, CSRF, the ticket queue, the CSV exports and the answer bank."""
from __future__ import annotations

import csv
import io
import re
from datetime import datetime, timezone

import pytest
from fastapi.testclient import TestClient

from components.records import Records, create_engine
from components.settings import get_settings
from testkit import tracker_events
from web.auth import COOKIE, hash_password, main as auth_main

PASSWORD = "riktig-hest-batteri-stift"
HASH = hash_password(PASSWORD)
PAGES = ["/staff", "/staff/henvendelser", "/staff/svar", "/staff/eksport/dager.csv",
         "/staff/eksport/ubesvarte.csv"]


@pytest.fixture
def db(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    monkeypatch.setenv("ASSISTANT_DATABASE_URL", url)
    monkeypatch.setenv("ASSISTANT_NOW", "2026-11-07T12:00:00+01:00")
    engine = create_engine(url)
    start = datetime(2026, 11, 6, 9, tzinfo=timezone.utc)
    tracker_events.write(engine, [
        ("s1", start, [("user", "Når er fristen?", "faq"),
                       ("bot", "Fristen er ...", "utter_faq/frist")]),
        ("s2", start, [("user", "Ring meg på 912 34 567, hvor mye får hvert prosjekt?", "ukjent"),
                       ("bot", "Det står ikke i utlysningen.", "utter_ukjent/belop_per_prosjekt")]),
    ])
    records = Records(engine)
    records.create_ticket("s1", "Kan vi søke sammen med Bodø?", name="Kari Nordmann",
                          email="kari@example.no", consent=True, now=start)
    records.create_ticket("s2", "Hvem vurderer skissene?", name="Ola", email="ola@example.no",
                          consent=False, now=start)
    return url


def client_with(monkeypatch, **env) -> TestClient:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    import web.app as app_module

    return TestClient(app_module.create_app(get_settings()))


@pytest.fixture
def password_client(db, monkeypatch):
    return client_with(monkeypatch, ASSISTANT_STAFF_PASSWORD_HASH=HASH,
                       ASSISTANT_STAFF_SESSION_SECRET="test-secret-" + "x" * 20)


def post_login(client: TestClient, password: str, **fields):
    page = client.get("/staff/login").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    return client.post("/staff/login", data={"password": password, "csrf_token": token,
                                             **fields}, follow_redirects=False)


def login(client: TestClient) -> None:
    resp = post_login(client, PASSWORD, neste="/staff")
    assert resp.status_code == 303 and resp.headers["location"] == "/staff"


def csrf(client: TestClient, path: str = "/staff/henvendelser/1") -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).text).group(1)


# --- access -------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", PAGES + ["/staff/login"])
def test_without_any_configuration_the_pages_say_how_to_configure(db, monkeypatch, path):
    client = client_with(monkeypatch)
    resp = client.get(path)
    assert resp.status_code == 503
    assert "ASSISTANT_STAFF_PASSWORD_HASH" in resp.text and "python -m web.auth hash" in resp.text
    assert client.get("/staff/api/statistikk").status_code == 503


@pytest.mark.parametrize("path", PAGES)
def test_html_pages_redirect_to_the_login_page(password_client, path):
    resp = password_client.get(path, follow_redirects=False)
    assert resp.status_code == 303
    assert resp.headers["location"].startswith("/staff/login?neste=/staff")


def test_the_json_api_answers_401_without_credentials(password_client):
    resp = password_client.get("/staff/api/statistikk")
    assert resp.status_code == 401 and "logge inn" in resp.json()["detail"]


@pytest.mark.parametrize("password, status", [(PASSWORD, 303), ("feil", 401), ("", 401)])
def test_login_with_the_password(password_client, password, status):
    resp = post_login(password_client, password)
    assert resp.status_code == status
    if status == 303:
        cookie = resp.headers["set-cookie"]
        assert COOKIE in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
        assert "Secure" not in cookie
        assert password_client.get("/staff/api/statistikk").status_code == 200
    else:
        assert "Feil passord" in resp.text


def test_a_forged_cookie_is_refused(password_client):
    password_client.cookies.set(COOKIE, "eyJ1IjoieCJ9.forged.signature", path="/staff")
    assert password_client.get("/staff/api/statistikk").status_code == 401


def test_the_cookie_is_secure_when_set(db, monkeypatch):
    client = client_with(monkeypatch, ASSISTANT_STAFF_PASSWORD_HASH=HASH,
                         ASSISTANT_STAFF_SECURE_COOKIE="true")
    login_page = client.get("/staff/login")
    assert "Secure" in login_page.headers["set-cookie"]


def test_login_never_redirects_elsewhere(password_client):
    resp = post_login(password_client, PASSWORD, neste="https://evil.example/")
    assert resp.headers["location"] == "/staff"


@pytest.mark.parametrize("token", [None, "wrong"])
def test_a_login_from_another_page_is_refused(password_client, token):
    password_client.get("/staff/login")  # the cookie is there, the form's token is not
    data = {"password": PASSWORD, **({"csrf_token": token} if token else {})}
    resp = password_client.post("/staff/login", data=data, follow_redirects=False)
    assert resp.status_code == 403
    assert password_client.get("/staff/api/statistikk").status_code == 401


def test_too_many_failed_logins_wait_a_quarter(password_client):
    from web.auth import MAX_FAILURES

    for _ in range(MAX_FAILURES):
        assert post_login(password_client, "feil").status_code == 401
    resp = post_login(password_client, PASSWORD)  # even the right one, for now
    assert resp.status_code == 429 and "Vent et kvarter" in resp.text


@pytest.mark.parametrize("proxies, headers, status", [
    (None, {"X-Forwarded-User": "kari.nordmann"}, 200),
    (None, {}, 401),
    ("testclient", {"X-Forwarded-User": "kari.nordmann"}, 200),  # TestClient's address
    ("10.0.0.5", {"X-Forwarded-User": "kari.nordmann"}, 401),  # not from the proxy
])
def test_trusted_header(db, monkeypatch, proxies, headers, status):
    env = {"ASSISTANT_STAFF_TRUSTED_HEADER": "X-Forwarded-User"}
    if proxies:
        env["ASSISTANT_STAFF_TRUSTED_PROXIES"] = proxies
    client = client_with(monkeypatch, **env)
    resp = client.get("/staff/api/statistikk", headers=headers)
    assert resp.status_code == status
    if status == 200:
        assert "kari.nordmann" in client.get("/staff", headers=headers).text


# --- CSRF ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("token", [None, "wrong"])
def test_a_post_without_the_right_csrf_token_is_refused(password_client, token):
    login(password_client)
    data = {"handling": "lukk", "svar": ""}
    if token:
        data["csrf_token"] = token
    assert password_client.post("/staff/henvendelser/1", data=data).status_code == 403
    assert password_client.post("/staff/logout", data=data).status_code == 403
    ticket = password_client.get("/staff/henvendelser/1").text
    assert "Åpen" in ticket


def test_csrf_with_the_trusted_header(db, monkeypatch):
    client = client_with(monkeypatch, ASSISTANT_STAFF_TRUSTED_HEADER="X-Forwarded-User")
    headers = {"X-Forwarded-User": "kari"}
    assert client.post("/staff/henvendelser/1", headers=headers,
                       data={"handling": "lukk"}).status_code == 403
    page = client.get("/staff/henvendelser/1", headers=headers).text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    resp = client.post("/staff/henvendelser/1", headers=headers, follow_redirects=False,
                       data={"handling": "lukk", "csrf_token": token})
    assert resp.status_code == 303


# --- tickets ------------------------------------------------------------------------------------

def test_answer_close_and_reopen_a_ticket(password_client):
    login(password_client)
    token = csrf(password_client)
    queue = password_client.get("/staff/henvendelser").text
    assert "Henvendelse 1" in queue and "Henvendelse 2" in queue
    empty = password_client.post("/staff/henvendelser/1", data={
        "csrf_token": token, "handling": "svar", "svar": "  "})
    assert empty.status_code == 422 and "Skriv et svar" in empty.text
    resp = password_client.post("/staff/henvendelser/1", data={
        "csrf_token": token, "handling": "svar", "svar": "Ja, dere kan søke sammen."})
    assert resp.status_code == 200 and "Svaret er lagret" in resp.text
    assert "Besvart" in resp.text and "Ja, dere kan søke sammen." in resp.text
    resp = password_client.post("/staff/henvendelser/1", data={
        "csrf_token": token, "handling": "lukk", "svar": "Ja, dere kan søke sammen."})
    assert "Henvendelsen er lukket" in resp.text
    assert "Henvendelse 1" not in password_client.get("/staff/henvendelser?status=open").text
    assert "Henvendelse 1" in password_client.get("/staff/henvendelser?status=closed").text
    resp = password_client.post("/staff/henvendelser/1", data={
        "csrf_token": token, "handling": "apne"})
    assert "åpnet igjen" in resp.text


def test_name_and_email_only_with_consent(password_client):
    login(password_client)
    consented = password_client.get("/staff/henvendelser/1").text
    assert "Kari Nordmann" in consented and "kari@example.no" in consented
    refused = password_client.get("/staff/henvendelser/2").text
    assert "Ola" not in refused and "ola@example.no" not in refused
    assert "ga ikke samtykke" in refused
    assert password_client.get("/staff/henvendelser/99").status_code == 404


# --- statistics, exports and answers ------------------------------------------------------------

def test_the_dashboard_masks_user_texts(password_client):
    login(password_client)
    resp = password_client.get("/staff")
    assert resp.headers["cache-control"] == "no-store"
    assert "script-src 'self'" in resp.headers["content-security-policy"]
    page = resp.text
    assert "912 34 567" not in page and "[telefon]" in page
    assert "utter_faq/frist" in page and "<svg" in page and "Avlastningsgrad" in page


def test_the_json_statistics(password_client):
    login(password_client)
    data = password_client.get("/staff/api/statistikk",
                               params={"from": "2026-11-06", "to": "2026-11-07"}).json()
    assert (data["samtaler"], data["meldinger"], data["henvendelser"]) == (2, 2, 2)
    assert [d["samtaler"] for d in data["dager"]] == [2, 0]
    assert password_client.get("/staff/api/statistikk",
                               params={"from": "2026-11-08", "to": "2026-11-01"}).status_code == 422


def test_csv_exports(password_client):
    login(password_client)
    resp = password_client.get("/staff/eksport/dager.csv",
                               params={"from": "2026-11-05", "to": "2026-11-07"})
    assert resp.headers["content-type"] == "text/csv; charset=utf-8"
    assert resp.headers["cache-control"] == "no-store"
    assert resp.headers["content-disposition"] == \
        'attachment; filename="statistikk-2026-11-05-2026-11-07.csv"'
    rows = list(csv.reader(io.StringIO(resp.text)))
    assert rows == [["dato", "samtaler", "meldinger", "fallback", "henvendelser"],
                    ["2026-11-05", "0", "0", "0", "0"], ["2026-11-06", "2", "2", "0", "2"],
                    ["2026-11-07", "0", "0", "0", "0"]]
    resp = password_client.get("/staff/eksport/ubesvarte.csv")
    assert resp.headers["content-disposition"].startswith('attachment; filename="ubesvarte-')
    rows = list(csv.reader(io.StringIO(resp.text)))
    assert rows == [["spørsmål", "antall", "andre formuleringer"],
                    ["Ring meg på [telefon], hvor mye får hvert prosjekt?", "1", ""]]


@pytest.mark.parametrize("query, key, absent", [
    ("fire punktene", "utter_faq/kriterier", "utter_greet"),
    ("75 MILLIONER", "utter_faq/belop", "utter_goodbye"),
    ("utter_human_handoff", "utter_human_handoff", "utter_faq/kriterier"),
])
def test_the_answer_bank_searches_texts_with_facts_filled_in(password_client, query, key, absent):
    login(password_client)
    page = password_client.get("/staff/svar", params={"q": query}).text
    assert f"<code>{key}</code>" in page and f"<code>{absent}</code>" not in page
    assert "{call_title}" not in page


def test_the_answer_bank_lists_every_response(password_client, domain):
    login(password_client)
    page = password_client.get("/staff/svar").text
    assert page.count('<article class="answer">') == len(domain["responses"])
    assert "75 millioner kroner til innovasjonspartnerskap" in page


# --- the hash command ---------------------------------------------------------------------------

def test_the_hash_command_prints_a_hash_that_logs_in(monkeypatch, capsys, db):
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert auth_main(["hash"]) == 0
    printed = capsys.readouterr().out.strip()
    assert printed.startswith("$argon2id$")
    client = client_with(monkeypatch, ASSISTANT_STAFF_PASSWORD_HASH=printed)
    login(client)
    monkeypatch.setattr("sys.stdin", io.StringIO("kort\n"))
    assert auth_main(["hash"]) == 1
    assert auth_main([]) == 64


# --- the indexes at start-up ----------------------------------------------------------------------

def test_the_web_service_creates_the_statistics_indexes_at_start_up(db, monkeypatch):
    import time

    import sqlalchemy as sa

    from web.staff_stats import EVENT_INDEXES

    engine = create_engine(db)
    assert not {i["name"] for i in sa.inspect(engine).get_indexes("events")} & set(EVENT_INDEXES)
    with client_with(monkeypatch) as client:  # runs the lifespan
        deadline = time.monotonic() + 20
        while not client.app.state.prepare_task.done() and time.monotonic() < deadline:
            time.sleep(0.05)
    assert set(EVENT_INDEXES) <= {i["name"] for i in sa.inspect(engine).get_indexes("events")}


# --- the statistics cache -------------------------------------------------------------------------

@pytest.mark.parametrize("seconds, cleared, same", [(60, False, True), (60, True, False),
                                                    (0, False, False)])
def test_the_statistics_cache(db, monkeypatch, seconds, cleared, same):
    from web.staff import StatisticsCache, _range

    settings = get_settings()
    cache = StatisticsCache(seconds)
    rng = _range(settings, None, None)
    first = cache.get(settings, rng)
    assert first["summary"].conversations == 2
    if cleared:
        cache.clear()
    assert (cache.get(settings, rng) is first) is same


# --- answering a ticket: the answer reaches the user by e-mail -----------------------------------

ANSWER = "Ja, dere kan søke sammen med Bodø. Ring gjerne Per Hansen på 912 34 567."


def smtp_client(monkeypatch, port) -> TestClient:
    client = client_with(monkeypatch, ASSISTANT_STAFF_PASSWORD_HASH=HASH,
                         ASSISTANT_STAFF_SESSION_SECRET="test-secret-" + "x" * 20,
                         ASSISTANT_SMTP_HOST="127.0.0.1", ASSISTANT_SMTP_PORT=str(port),
                         ASSISTANT_SMTP_FROM="assistent@example.no",
                         ASSISTANT_SMTP_TO="radgiver@example.no",
                         ASSISTANT_SMTP_STARTTLS="false")
    login(client)
    return client


def answer(client: TestClient, ticket_id: int, text: str = ANSWER, **extra):
    return client.post(f"/staff/henvendelser/{ticket_id}", data={
        "csrf_token": csrf(client, f"/staff/henvendelser/{ticket_id}"), "handling": "svar",
        "svar": text, **extra}, follow_redirects=False)


def test_an_answer_is_emailed_to_a_user_who_gave_an_address(db, monkeypatch, mailbox, caplog):
    import email
    import email.policy
    import logging

    handler, port = mailbox
    client = smtp_client(monkeypatch, port)
    page = client.get("/staff/henvendelser/1").text
    assert "sendes på e-post til kari@example.no" in page and "Lagre og send svaret" in page
    caplog.set_level(logging.DEBUG)
    resp = answer(client, 1)
    assert resp.status_code == 303 and resp.headers["location"].endswith("lagret=sendt")
    [message] = handler.messages
    assert message["to"] == ["kari@example.no"] and message["from"] == "assistent@example.no"
    mail = email.message_from_bytes(message["raw"], policy=email.policy.default)
    assert mail["To"] == "kari@example.no" and mail["Reply-To"] == "radgiver@example.no"
    assert mail["Subject"] == "Svar fra Innovasjon Norge på spørsmålet ditt"
    body = mail.get_content()
    assert ANSWER in body  # the adviser's answer as written, third party's number and all
    assert "Hei Kari Nordmann!" in body and "Kan vi søke sammen med Bodø?" in body
    ticket = Records(create_engine(db)).get_ticket(1)
    assert ticket.status == "answered" and ticket.answer == ANSWER  # stored as written
    assert ticket.answered_at is not None and ticket.answer_sent_at is not None
    shown = client.get("/staff/henvendelser/1?lagret=sendt").text
    assert "Svaret er lagret og sendt på e-post til brukeren." in shown
    assert "på e-post " + ticket.answer_sent_at.strftime("%d.%m.%Y %H:%M") in shown
    assert "Send svaret på nytt" in shown
    ours = [r.getMessage() for r in caplog.records if r.name != "mail.log"]  # not the stand-in's
    assert ours and not any("Per Hansen" in m or "912 34 567" in m for m in ours)


def test_without_an_address_the_answer_stays_on_the_ticket(db, monkeypatch, mailbox):
    handler, port = mailbox
    client = smtp_client(monkeypatch, port)
    page = client.get("/staff/henvendelser/2").text
    assert "Brukeren oppga ingen e-postadresse, så svaret kan ikke sendes" in page
    assert "Lagre og send" not in page
    resp = answer(client, 2)
    assert resp.headers["location"].endswith("lagret=svar")
    assert handler.messages == []
    ticket = Records(create_engine(db)).get_ticket(2)
    assert ticket.answer == ANSWER and ticket.answered_at and ticket.answer_sent_at is None
    shown = client.get(resp.headers["location"]).text
    assert "Det kan ikke sendes, fordi brukeren ikke oppga e-postadresse" in shown
    assert "kan ikke sendes: ingen e-postadresse; svaret finnes bare her" in shown


def test_a_failed_email_keeps_the_answer_and_says_so(db, monkeypatch, caplog):
    from testkit.servers import free_port

    client = smtp_client(monkeypatch, free_port())  # nothing listens there
    resp = answer(client, 1)
    assert resp.headers["location"].endswith("lagret=ikke-sendt")
    ticket = Records(create_engine(db)).get_ticket(1)
    assert ticket.answer == ANSWER and ticket.answer_sent_at is None
    assert "kunne ikke sendes" in client.get(resp.headers["location"]).text
    assert "ble ikke sendt på e-post" in caplog.text and "Per Hansen" not in caplog.text


def test_without_smtp_settings_the_page_says_the_answer_was_not_sent(password_client):
    login(password_client)
    resp = answer(password_client, 1)
    assert resp.headers["location"].endswith("lagret=ikke-satt-opp")
    assert "ikke satt opp" in password_client.get(resp.headers["location"]).text


def test_answering_needs_the_csrf_token(db, monkeypatch, mailbox):
    handler, port = mailbox
    client = smtp_client(monkeypatch, port)
    for token in (None, "feil"):
        data = {"handling": "svar", "svar": ANSWER}
        if token:
            data["csrf_token"] = token
        assert client.post("/staff/henvendelser/1", data=data).status_code == 403
    assert handler.messages == []
    assert Records(create_engine(db)).get_ticket(1).answer is None


@pytest.mark.parametrize("change", ["event", "ticket", "feedback"])
def test_the_cache_gives_new_figures_after_a_change(db, monkeypatch, change):
    from web.staff import StatisticsCache, _range

    settings = get_settings()
    cache = StatisticsCache(60)
    rng = _range(settings, None, None)
    first = cache.get(settings, rng)
    assert cache.get(settings, rng) is first
    engine = create_engine(db)
    at = datetime(2026, 11, 6, 10, tzinfo=timezone.utc)
    if change == "event":
        tracker_events.write(engine, [("s3", at, [("user", "Hvem kan søke?", "faq")])])
    elif change == "ticket":
        Records(engine).create_ticket("s3", "Ny henvendelse", now=at)
    else:
        Records(engine).add_feedback("s1", "utter_faq/frist", "up", now=at)
    again = cache.get(settings, rng)
    assert again is not first
    assert (again["summary"].conversations, again["summary"].tickets,
            sum(f.up for f in again["feedback"])) == {
        "event": (3, 2, 0), "ticket": (2, 3, 0), "feedback": (2, 2, 1)}[change]
