"""The web service's JSON API, CORS allow-list and health checks, without Rasa.

Requests go through FastAPI's TestClient to the real app; organisation numbers are looked up in
the local register stand-in (testkit/brreg_standin.py), databases are real SQLite files and a
PostgreSQL URL where nothing listens.
"""
from __future__ import annotations

import asyncio
import inspect
import sqlite3
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from fastapi.testclient import TestClient

from testkit.brreg_standin import closed_port_url, standin_fixture
from components.settings import get_settings
from veileder.eligibility import ANSWER_FIELDS, QUESTIONS, SETTLE, SOFT_FIELDS
import web.api as api_module
import web.app as app_module

BEFORE = "2020-04-16T16:00:00+02:00"   # one hour before the deadline
AFTER = "2020-04-16T18:00:00+02:00"    # one hour after
SOFT_YES = {name: "ja" for name in SOFT_FIELDS}

brreg = pytest.fixture(standin_fixture)


def settings_follow_env(application):
    """The app's handlers read the settings again after ``monkeypatch.setenv`` in a test (the
    running service reads them once, when it starts)."""
    application.dependency_overrides[api_module.app_settings] = get_settings
    return application


@pytest.fixture
def client(monkeypatch, tmp_path):
    monkeypatch.setenv("ASSISTANT_NOW", BEFORE)
    monkeypatch.setenv("ENHETSREGISTERET_URL", closed_port_url())
    monkeypatch.setenv("ASSISTANT_DATABASE_URL", f"sqlite:///{tmp_path / 'tracker.db'}")
    monkeypatch.setenv("ASSISTANT_RASA_URL", "http://127.0.0.1:9")  # Rasa and actions are down
    monkeypatch.setenv("ASSISTANT_ACTION_URL", "http://127.0.0.1:9")
    return TestClient(settings_follow_env(app_module.create_app(get_settings())))


def _fields(detail):
    return [item["felt"] for item in detail]


# --- POST /api/sjekk ------------------------------------------------------------------------------

CHECKS = [
    # (id, body, outcome, source, questions still asked)
    ("municipality by code", {"family": "municipality"}, "eligible", "family", list(SOFT_FIELDS)),
    ("municipality in words, all criteria met",
     {"description": "Vi er Vefsn kommune", **SOFT_YES}, "eligible", "description", []),
    ("county in nynorsk", {"description": "me er ei fylkeskommune"}, "eligible", "description",
     list(SOFT_FIELDS)),
    ("municipality by form code", {"orgform": "komm"}, "eligible", "orgform", list(SOFT_FIELDS)),
    ("private AS", {"orgform": "AS"}, "not_eligible", "orgform", []),
    ("company in words", {"description": "Vi er et lite konsulentselskap"}, "not_eligible",
     "description", []),
    ("sole trader", {"family": "sole_trader", "challenge": "ja"}, "not_eligible", "family", []),
    # R9: a county that says it is not publicly funded contradicts its form: settle it
    ("county answering no to a hard condition", {"family": "county", "publicly_funded": "nei"},
     "uncertain", "family", list(SOFT_FIELDS)),
    ("publicly owned AS is case by case", {"orgform": "AS", "sektorkode": "1520"}, "uncertain",
     "orgform", ["general_interest", "publicly_funded", "public_control", *SOFT_FIELDS]),
    ("foundation meeting the three tests",
     {"description": "Vi er en stiftelse", "general_interest": "ja", "publicly_funded": "ja"},
     "eligible", "description", list(SOFT_FIELDS)),
    ("foundation failing test 1", {"family": "foundation", "general_interest": "nei"},
     "not_eligible", "family", []),
    ("nothing known", {}, "uncertain", None, ["family"]),
]


@pytest.mark.parametrize("case, body, outcome, source, questions", CHECKS,
                         ids=[c[0] for c in CHECKS])
def test_eligibility_check(client, case, body, outcome, source, questions):
    resp = client.post("/api/sjekk", json=body)
    assert resp.status_code == 200, resp.text
    data = resp.json()
    assert data["outcome"] == outcome
    assert data["opening"] == {"eligible": "Dere kan søke.",
                               "not_eligible": "Dere kan ikke søke.",
                               "uncertain": "Vi kan ikke avgjøre om dere kan søke."}[outcome]
    assert data["summary"].startswith(data["opening"])
    assert data["applicant"]["source"] == source
    assert [q["field"] for q in data["questions"]] == questions
    for question in data["questions"]:
        assert question["question"] == QUESTIONS[question["field"]]
    assert data["reasons"], "every verdict says why"
    assert data["deadline"].startswith("Fristen for å sende inn skisse er torsdag 16. april 2020 "
                                       "kl. 17.00 (norsk tid).")
    assert "Det er 1 time igjen til fristen." in data["deadline"]


def test_foundation_with_unknown_answers_lists_what_to_settle(client):
    data = client.post("/api/sjekk", json={"description": "Vi er en stiftelse",
                                           "general_interest": "vet_ikke",
                                           "publicly_funded": "vet_ikke"}).json()
    assert data["outcome"] == "uncertain"
    assert data["applicant"] == {"family": "foundation", "label": "en stiftelse",
                                 "source": "description", "name": None, "orgnr": None}
    # "vet ikke" stays open (missing) but is not asked again (questions)
    assert data["missing"][:3] == ["general_interest", "publicly_funded", "public_control"]
    assert [q["field"] for q in data["questions"]][0] == "public_control"
    assert data["questions"][0]["answers"] == ["ja", "nei", "vet_ikke"]
    assert data["settle"][:2] == [SETTLE["general_interest"], SETTLE["publicly_funded"]]
    assert any("Innovasjon Norge" in line for line in data["advice"])
    assert "Vi vet ikke om virksomheten ble opprettet for å dekke behov i allmennhetens " \
           "interesse." in data["reasons"]


def test_strengths_and_gaps_come_from_the_criteria(client):
    data = client.post("/api/sjekk", json={"family": "municipality", "challenge": "ja",
                                           "collaboration": "nei"}).json()
    assert data["outcome"] == "eligible"
    assert any("stor utfordring" in s for s in data["strengths"])
    assert any("samarbeider ikke" in g for g in data["gaps"])
    assert "Send inn en skisse." in data["advice"]


def test_unrecognised_description_asks_who_you_are(client):
    data = client.post("/api/sjekk", json={"description": "Vi lager gode løsninger"}).json()
    assert data["outcome"] == "uncertain"
    assert data["questions"][0]["field"] == "family"
    assert "municipality" in data["questions"][0]["answers"]
    assert any("kjente ikke igjen" in note for note in data["notes"])


def test_unknown_organisation_form_asks_the_three_conditions(client):
    data = client.post("/api/sjekk", json={"orgform": "BRL"}).json()
    assert data["applicant"]["family"] == "unknown"
    assert [q["field"] for q in data["questions"]][:3] == [
        "publicly_funded", "public_tasks", "covered_by_procurement"]
    assert any("BRL" in note for note in data["notes"])


def test_after_the_deadline_the_advice_changes(client, monkeypatch):
    monkeypatch.setenv("ASSISTANT_NOW", AFTER)
    data = client.post("/api/sjekk", json={"family": "municipality", **SOFT_YES}).json()
    assert data["outcome"] == "eligible"
    assert data["deadline"].startswith("Fristen gikk ut torsdag 16. april 2020 kl. 17.00 (norsk tid).")
    assert "Send inn en skisse." not in data["advice"]
    assert any(step.startswith("Fristen er ute.") for step in data["advice"])


# --- orgnr against the register stand-in ----------------------------------------------------------

REGISTER = [
    # (orgnr, outcome, family, name)
    ("991000100", "eligible", "municipality", "TESTVIK KOMMUNE"),
    ("991 001 301", "eligible", "county", "TESTLAND FYLKESKOMMUNE"),
    ("991000607", "not_eligible", "company", "TESTVIK TEKNOLOGI AS"),
    ("991000704", "uncertain", "public_company", "TESTVIK ENERGI AS"),
    ("991000801", "uncertain", "foundation", "STIFTELSEN TESTVIK MUSEUM"),
]


@pytest.mark.parametrize("number, outcome, family, name", REGISTER)
def test_orgnr_is_looked_up(client, brreg, monkeypatch, number, outcome, family, name):
    monkeypatch.setenv("ENHETSREGISTERET_URL", brreg.base_url)
    data = client.post("/api/sjekk", json={"orgnr": number}).json()
    assert data["outcome"] == outcome
    assert data["applicant"]["family"] == family
    assert data["applicant"]["source"] == "enhetsregisteret"
    assert data["applicant"]["name"] == name
    assert data["lookup"]["status"] == "found"
    assert data["lookup"]["name"] == name
    assert data["reasons"][0].startswith(f"{name} er registrert i Enhetsregisteret som")
    compact = number.replace(" ", "")
    assert brreg.requests == [f"/enhetsregisteret/api/enheter/{compact}"]


def test_orgnr_in_bankruptcy_is_mentioned(client, brreg, monkeypatch):
    monkeypatch.setenv("ENHETSREGISTERET_URL", brreg.base_url)
    data = client.post("/api/sjekk", json={"orgnr": "991000909"}).json()
    assert "konkurs" in data["lookup"]["message"]
    assert any("status i Enhetsregisteret" in step for step in data["advice"])


def test_orgnr_unknown_to_the_register_falls_back_to_the_description(client, brreg, monkeypatch):
    monkeypatch.setenv("ENHETSREGISTERET_URL", brreg.base_url)
    data = client.post("/api/sjekk", json={"orgnr": "991001409",
                                           "description": "Vi er en kommune"}).json()
    assert data["lookup"]["status"] == "unknown"
    assert data["outcome"] == "eligible"
    assert data["applicant"]["source"] == "description"
    assert any("991 001 409" in note for note in data["notes"])


def test_explicit_family_wins_over_the_register(client, brreg, monkeypatch):
    monkeypatch.setenv("ENHETSREGISTERET_URL", brreg.base_url)
    data = client.post("/api/sjekk", json={"orgnr": "991000100", "family": "county"}).json()
    assert data["applicant"]["family"] == "county"
    assert data["applicant"]["source"] == "family"
    assert data["applicant"]["name"] == "TESTVIK KOMMUNE"


@pytest.mark.parametrize("body, outcome", [
    ({"orgnr": "991000100", "description": "Vi er en kommune"}, "eligible"),
    ({"orgnr": "991000100"}, "uncertain"),
])
def test_register_down_still_answers_from_the_other_facts(client, body, outcome):
    started = time.monotonic()
    resp = client.post("/api/sjekk", json=body)  # ENHETSREGISTERET_URL: nothing listens
    assert time.monotonic() - started < 5
    assert resp.status_code == 200
    data = resp.json()
    assert data["outcome"] == outcome
    assert data["lookup"]["status"] == "unavailable"
    assert "Enhetsregisteret" in data["lookup"]["message"]
    assert any("Vi fikk ikke slått opp 991 000 100" in note for note in data["notes"])


async def test_a_slow_register_does_not_block_other_requests(brreg, monkeypatch):
    monkeypatch.setenv("ASSISTANT_NOW", BEFORE)
    monkeypatch.setenv("ENHETSREGISTERET_URL", brreg.base_url)
    brreg.respond("991000100", 200, {"organisasjonsnummer": "991000100", "navn": "TREG KOMMUNE",
                                     "organisasjonsform": {"kode": "KOMM"}}, delay=2.0)
    api_module.registry(brreg.base_url).clear_cache()
    assert not inspect.iscoroutinefunction(api_module.eligibility_check)
    transport = httpx.ASGITransport(app=app_module.create_app(get_settings()))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as ac:
        slow = asyncio.create_task(ac.post("/api/sjekk", json={"orgnr": "991000100"}))
        await asyncio.sleep(0.2)
        started = time.monotonic()
        quick = await ac.get("/api/frist")
        quick_took = time.monotonic() - started
        assert quick.status_code == 200
        assert not slow.done(), "the lookup should still be waiting for the register"
        assert quick_took < 1.0
        assert (await slow).json()["applicant"]["name"] == "TREG KOMMUNE"


# --- 422 with Norwegian messages -----------------------------------------------------------------

INVALID_CHECKS = [
    # (id, request kwargs, field, words in the message)
    ("answer not in the enum", {"json": {"publicly_funded": "kanskje"}}, "publicly_funded",
     "Tillatte verdier: ja, nei, vet_ikke"),
    ("boolean instead of the enum", {"json": {"challenge": True}}, "challenge",
     "Tillatte verdier"),
    ("unknown family", {"json": {"family": "kommune"}}, "family", "municipality"),
    ("wrong check digit", {"json": {"orgnr": "991000101"}}, "orgnr", "kontrollsifferet"),
    ("orgnr too short", {"json": {"orgnr": "99100010"}}, "orgnr", "9 sifre"),
    ("orgnr as a number", {"json": {"orgnr": 991000100}}, "orgnr", "må være tekst"),
    ("orgnr too long", {"json": {"orgnr": "9" * 31}}, "orgnr", "høyst 30 tegn"),
    ("description too long", {"json": {"description": "kommune " * 70}}, "description",
     "høyst 500 tegn"),
    ("bad form code", {"json": {"orgform": "K0MM"}}, "orgform", "2 til 5 bokstaver"),
    ("bad sector code", {"json": {"sektorkode": "65"}}, "sektorkode", "4 sifre"),
    ("misspelt field", {"json": {"publicly_fundet": "ja"}}, "publicly_fundet", "Ukjent felt"),
    ("missing body", {}, "", "mangler innhold"),
    ("a list, not an object", {"json": ["kommune"]}, "", "JSON-objekt"),
    ("not JSON", {"content": b"{kommune", "headers": {"content-type": "application/json"}}, "",
     "ikke gyldig JSON"),
]


@pytest.mark.parametrize("case, kwargs, field, words", INVALID_CHECKS,
                         ids=[c[0] for c in INVALID_CHECKS])
def test_eligibility_422_is_readable_norwegian(client, case, kwargs, field, words):
    resp = client.post("/api/sjekk", **kwargs)
    assert resp.status_code == 422
    detail = resp.json()["detail"]
    assert isinstance(detail, list) and detail
    assert set(detail[0]) == {"felt", "melding", "type"}
    assert detail[0]["felt"] == field
    assert words.lower() in detail[0]["melding"].lower()
    for english in ("field required", "value is not", "ensure this value", "Expecting"):
        assert english not in resp.text


def test_several_errors_are_listed_together(client):
    resp = client.post("/api/sjekk", json={"public_tasks": "yes", "orgnr": "123"})
    assert resp.status_code == 422
    assert sorted(_fields(resp.json()["detail"])) == ["orgnr", "public_tasks"]


def test_wrong_check_digit_does_not_ask_the_register(client, brreg, monkeypatch):
    monkeypatch.setenv("ENHETSREGISTERET_URL", brreg.base_url)
    assert client.post("/api/sjekk", json={"orgnr": "991 000 101"}).status_code == 422
    assert brreg.requests == []


def test_chat_422_is_norwegian_too(client):
    resp = client.post("/api/chat", json={"sender": "x", "message": "a" * 10_001})
    assert resp.status_code == 422
    assert resp.json()["detail"][0] == {"felt": "message",
                                        "melding": "Teksten er for lang. Den kan ha høyst "
                                                   "10000 tegn.",
                                        "type": "value_error.any_str.max_length"}


@pytest.mark.parametrize("body, field", [
    ({"sender": "", "message": "hei"}, "sender"),          # Rasa's REST channel refuses it
    ({"sender": "a" * 129, "message": "hei"}, "sender"),
    ({"sender": 5, "message": "hei"}, "sender"),
    ({"sender": "x", "message": False}, "message"),        # not read as "False"
    ({"sender": "x", "message": 123}, "message"),
    ({"sender": "x", "message": None}, "message"),
])
def test_chat_checks_what_rasa_would_refuse(client, body, field):
    resp = client.post("/api/chat", json=body)
    assert resp.status_code == 422
    assert [item["felt"] for item in resp.json()["detail"]] == [field]


@pytest.mark.parametrize("path", ["/api/chat", "/api/sjekk", "/api/frist/sjekk"])
@pytest.mark.parametrize("body, kind", [(b"{not json", "json_invalid"),
                                        (b"\xff\xfe{", "json_invalid"),    # not UTF-8
                                        (b"", "value_error.missing")])
def test_a_body_that_is_not_json_gets_422(client, path, body, kind):
    resp = client.post(path, content=body, headers={"content-type": "application/json"})
    assert resp.status_code == 422
    assert resp.json()["detail"][0]["type"] == kind


def test_optional_answers_may_be_null_in_the_schema(schema):
    """OpenAPI 3.1: an optional field of an answer is `[type, "null"]`, as the answers send it."""
    register = schema["components"]["schemas"]["RegisterOut"]["properties"]
    assert register["message"]["type"] == ["string", "null"]
    assert register["status"]["type"] == "string"


def test_unknown_path_is_norwegian(client):
    resp = client.get("/api/finnes-ikke")
    assert resp.status_code == 404
    assert resp.json() == {"detail": "Fant ikke siden."}


# --- POST /api/frist/sjekk ---------------------------------------------------------------------

SUBMISSIONS = [
    # (now, text, in_time, kind, interpreted instant in Oslo time, words in the message)
    (BEFORE, "i dag kl 16.40", True, "in_time", "2020-04-16T16:40:00+02:00",
     "Ja, det rekker dere."),
    (BEFORE, "16. april kl 17", True, "in_time", "2020-04-16T17:00:00+02:00",
     "akkurat på fristen"),
    (BEFORE, "16/4 klokka 17.01", False, "too_late", "2020-04-16T17:01:00+02:00",
     "Nei, det er for sent."),
    (BEFORE, "i morgen kl 16", False, "too_late", "2020-04-17T16:00:00+02:00",
     "fredag 17. april 2020 kl. 16.00"),
    (BEFORE, "2020-04-16T17:00:00+02:00", True, "in_time", "2020-04-16T17:00:00+02:00",
     "17.00 er siste frist"),
    (BEFORE, "2020-04-16T15:00:01Z", False, "too_late", "2020-04-16T17:00:01+02:00",
     "regnet om fra UTC"),
    (BEFORE, "2020-04-16T16:30", True, "in_time", "2020-04-16T16:30:00+02:00",
     "30 minutter igjen"),
    (BEFORE, "16. april", True, "date_only_in_time", "2020-04-16T00:00:00+02:00",
     "Ja, hvis dere sender senest kl. 17.00."),
    (BEFORE, "rundt 17 i dag", None, "uncertain", "2020-04-16T17:00:00+02:00",
     "Det kommer an på"),
    (BEFORE, "kl 16", None, "needs_date", None, "Hvilken dag vil dere sende?"),
    (AFTER, "i morgen kl 12", False, "too_late", "2020-04-17T12:00:00+02:00",
     "Fristen gikk ut torsdag 16. april 2020 kl. 17.00"),
    (AFTER, "i dag kl 16.40", None, "already_passed_now", "2020-04-16T16:40:00+02:00",
     "Det tidspunktet har allerede vært."),
]


@pytest.mark.parametrize("now, text, in_time, kind, when, words", SUBMISSIONS,
                         ids=[f"{s[0][11:16]} {s[1]}" for s in SUBMISSIONS])
def test_submission_check(client, monkeypatch, now, text, in_time, kind, when, words):
    monkeypatch.setenv("ASSISTANT_NOW", now)
    resp = client.post("/api/frist/sjekk", json={"tidspunkt": text})
    assert resp.status_code == 200, resp.text
    data = resp.json()
    assert data["in_time"] is in_time
    assert data["kind"] == kind
    assert data["when"] == when
    assert words in data["message"]
    assert data["deadline"] == "2020-04-16T17:00:00+02:00"
    assert data["now"] == now


def test_submission_check_describes_the_instant_in_words(client):
    data = client.post("/api/frist/sjekk", json={"tidspunkt": "torsdag før fem"}).json()
    assert data["when_text"] == "torsdag 16. april 2020 kl. 17.00"
    assert data["relation"] == "before"
    assert data["has_time"] is True
    date_only = client.post("/api/frist/sjekk", json={"tidspunkt": "16. april"}).json()
    assert date_only["when_text"] == "torsdag 16. april 2020"
    assert date_only["has_time"] is False


INVALID_TIMES = [
    ({"tidspunkt": "hei hei"}, "Jeg fant ingen dato eller klokkeslett"),
    ({"tidspunkt": "31. april kl 12"}, "31. april 2020 finnes ikke"),
    ({"tidspunkt": "   "}, "ikke være tomt"),
    ({"tidspunkt": ""}, "ikke være tomt"),
    ({"tidspunkt": "i morgen kl 16 " * 20}, "høyst 200 tegn"),
    ({"tidspunkt": 17}, "må være tekst"),
    ({"tidspunkt": None}, "kan ikke være null"),
    ({}, "må være med"),
    ({"tidspunkt": "kl 16", "sone": "UTC"}, "Ukjent felt"),
]


@pytest.mark.parametrize("body, words", INVALID_TIMES)
def test_submission_check_422(client, body, words):
    resp = client.post("/api/frist/sjekk", json=body)
    assert resp.status_code == 422
    detail = resp.json()["detail"]
    assert detail[0]["felt"] in ("tidspunkt", "sone")
    assert words in detail[0]["melding"]


# --- CORS ----------------------------------------------------------------------------------------

def _preflight(client, origin):
    return client.options("/api/sjekk", headers={
        "Origin": origin, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})


@pytest.mark.parametrize("setting, origin, allowed", [
    (None, "http://127.0.0.1:8000", True),
    (None, "http://localhost:8000", True),
    (None, "https://kommune.example.no", False),
    ("https://kommune.example.no, https://fylke.example.no/", "https://kommune.example.no", True),
    ("https://kommune.example.no, https://fylke.example.no/", "https://fylke.example.no", True),
    ("https://kommune.example.no, https://fylke.example.no/", "http://127.0.0.1:8000", False),
    ("https://kommune.example.no", "https://kommune.example.no.evil.example", False),
    ("https://kommune.example.no", "http://kommune.example.no", False),
])
def test_cors_allow_list(monkeypatch, setting, origin, allowed):
    monkeypatch.setenv("ASSISTANT_NOW", BEFORE)
    if setting is None:
        monkeypatch.delenv("ASSISTANT_CORS_ORIGINS", raising=False)
    else:
        monkeypatch.setenv("ASSISTANT_CORS_ORIGINS", setting)
    client = TestClient(app_module.create_app())

    simple = client.get("/api/frist", headers={"Origin": origin})
    assert simple.status_code == 200
    preflight = _preflight(client, origin)
    if allowed:
        assert simple.headers["access-control-allow-origin"] == origin
        assert preflight.status_code == 200
        assert preflight.headers["access-control-allow-origin"] == origin
        assert "POST" in preflight.headers["access-control-allow-methods"]
    else:
        assert "access-control-allow-origin" not in simple.headers
        assert preflight.status_code == 400
        assert "access-control-allow-origin" not in preflight.headers
    assert "access-control-allow-credentials" not in simple.headers


# --- OpenAPI ------------------------------------------------------------------------------------

ENDPOINTS = [("/api/sjekk", "post"), ("/api/frist", "get"), ("/api/frist/sjekk", "post"),
             ("/api/chat", "post"), ("/healthz", "get"), ("/readyz", "get"), ("/livez", "get")]


@pytest.fixture(scope="module")
def schema():
    return TestClient(app_module.app).get("/openapi.json").json()


@pytest.mark.parametrize("path, method", ENDPOINTS)
def test_openapi_documents_the_endpoints(schema, path, method):
    op = schema["paths"][path][method]
    assert op["summary"] and op["description"] and op["tags"]
    if method == "post":
        assert op["responses"]["422"]["content"]["application/json"]["schema"]["$ref"] \
            .endswith("/ErrorOut")


def test_openapi_describes_every_input_field_in_norwegian(schema):
    schemas = schema["components"]["schemas"]
    for name in ("EligibilityIn", "SubmissionIn", "EligibilityOut", "SubmissionOut"):
        for field, prop in schemas[name]["properties"].items():
            assert prop.get("description"), f"{name}.{field} has no description"
    eligibility = schemas["EligibilityIn"]["properties"]
    assert set(ANSWER_FIELDS) <= set(eligibility)
    for field in ANSWER_FIELDS:
        assert eligibility[field]["description"].startswith(QUESTIONS[field])
    assert schemas["Answer"]["enum"] == ["ja", "nei", "vet_ikke"]
    assert schemas["Outcome"]["enum"] == ["eligible", "not_eligible", "uncertain"]
    assert schemas["SubmissionIn"]["properties"]["tidspunkt"]["example"] == "i morgen kl 16"
    assert {t["name"] for t in schema["tags"]} >= {"Søknadssjekk", "Frist", "Drift"}


# --- /healthz ---------------------------------------------------------------------------------------

@pytest.fixture
def fake_services(monkeypatch):
    """Rasa and the action server stand-ins: 200 on every GET."""
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    monkeypatch.setenv("ASSISTANT_RASA_URL", url)
    monkeypatch.setenv("ASSISTANT_ACTION_URL", url)
    yield url
    server.shutdown()
    server.server_close()


def test_health_ok_with_a_sqlite_database(client, fake_services, tmp_path, monkeypatch):
    db = tmp_path / "tracker.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE events (id INTEGER PRIMARY KEY)")
    monkeypatch.setenv("ASSISTANT_DATABASE_URL", f"sqlite:///{db}")
    resp = client.get("/healthz")
    assert resp.status_code == 200
    data = resp.json()
    assert data == {"status": "ok", "database": f"sqlite:///{db}",
                    "checks": {"rasa": "ok", "actions": "ok", "database": "ok",
                               "call_file": "ok"}}


def test_health_does_not_create_the_sqlite_file(client, fake_services, tmp_path, monkeypatch):
    db = tmp_path / "not-yet" / "tracker.db"
    monkeypatch.setenv("ASSISTANT_DATABASE_URL", f"sqlite:///{db}")
    data = client.get("/healthz").json()
    assert data["checks"]["database"] == "ok (opprettes ved første samtale)"
    assert data["status"] == "ok"
    assert not db.exists() and not db.parent.exists()


def test_health_reports_a_file_that_is_not_a_database(client, fake_services, tmp_path,
                                                      monkeypatch):
    db = tmp_path / "tracker.db"
    db.write_bytes(b"this is not a database, just text " * 100)
    before = db.read_bytes()
    monkeypatch.setenv("ASSISTANT_DATABASE_URL", f"sqlite:///{db}")
    resp = client.get("/healthz")
    assert resp.status_code == 503
    data = resp.json()
    assert data["status"] == "degraded"
    assert data["checks"]["database"].startswith("feil (DatabaseError")
    assert db.read_bytes() == before


def test_health_with_unreachable_postgres_hides_the_password(client, fake_services, monkeypatch):
    monkeypatch.setenv("ASSISTANT_DATABASE_URL",
                       "postgresql://rasa:hemmelig-passord@127.0.0.1:1/rasa")
    started = time.monotonic()
    resp = client.get("/healthz")
    assert time.monotonic() - started < 5
    assert resp.status_code == 503
    data = resp.json()
    assert data["status"] == "degraded"
    assert data["checks"]["database"].startswith("utilgjengelig (OperationalError")
    assert data["checks"]["rasa"] == "ok"
    assert data["database"] == "postgresql://rasa:***@127.0.0.1:1/rasa"
    assert "hemmelig" not in resp.text


def test_health_reports_rasa_and_actions_down(client):
    resp = client.get("/healthz")
    assert resp.status_code == 503
    data = resp.json()
    assert data["status"] == "degraded"
    assert data["checks"]["rasa"].startswith("utilgjengelig")
    assert data["checks"]["actions"].startswith("utilgjengelig")
    assert data["checks"]["database"].startswith("ok")


@pytest.mark.parametrize("path, down, status", [
    ("/livez", None, 200),
    ("/livez", "rasa", 200),              # liveness: the process answers, nothing else
    ("/readyz", None, 200),
    ("/readyz", "rasa", 503),
    ("/readyz", "actions", 503),
    ("/readyz", "database", 503),
    ("/readyz", "call_file", 200),        # a broken call file: degraded, the last valid one serves
    ("/healthz", None, 200),              # /healthz means readiness
    ("/healthz", "actions", 503),
])
def test_liveness_and_readiness(client, fake_services, tmp_path, monkeypatch, path, down, status):
    monkeypatch.setenv("ASSISTANT_DATABASE_URL", f"sqlite:///{tmp_path / 'tracker.db'}")
    if down in ("rasa", "actions"):
        variable = {"rasa": "ASSISTANT_RASA_URL", "actions": "ASSISTANT_ACTION_URL"}[down]
        monkeypatch.setenv(variable, "http://127.0.0.1:1")
    elif down == "database":
        monkeypatch.setenv("ASSISTANT_DATABASE_URL", "postgresql://rasa:x@127.0.0.1:1/rasa")
    elif down == "call_file":
        broken = tmp_path / "call.yml"
        broken.write_text("tittel: [", encoding="utf-8")
        monkeypatch.setenv("ASSISTANT_CALL_FILE", str(broken))
    resp = client.get(path)
    assert resp.status_code == status, resp.text
    assert resp.json()["status"] == ("ok" if down is None or path == "/livez" else "degraded")


def test_health_uses_the_tracker_store_settings(client, fake_services, tmp_path, monkeypatch):
    """The web service checks the database Rasa's tracker store uses: the same setting."""
    from components.stores import EnvTrackerStore

    db = tmp_path / "shared" / "tracker.db"
    monkeypatch.setenv("ASSISTANT_DATABASE_URL", f"sqlite:///{db}")
    EnvTrackerStore()  # creates the file, as Rasa does at start-up
    assert db.exists()
    data = client.get("/healthz").json()
    assert data["database"] == f"sqlite:///{db}"
    assert data["checks"]["database"] == "ok"


@pytest.mark.parametrize("url, shown", [
    ("postgresql://rasa:s3cr%40t@db.example.no:5432/rasa", "postgresql://rasa:***@db.example.no:5432/rasa"),
    ("postgresql+psycopg2://u:p@[::1]:5432/x", "postgresql+psycopg2://u:***@[::1]:5432/x"),
    ("postgresql://rasa@db/rasa", "postgresql://rasa@db/rasa"),
    ("sqlite:///build/rasa-tracker.db", "sqlite:///build/rasa-tracker.db"),
])
def test_safe_url(url, shown):
    from web.health import safe_url

    assert safe_url(url) == shown
