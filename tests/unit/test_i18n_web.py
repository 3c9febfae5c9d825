"""The JSON API in nynorsk and English: /api/sjekk with `lang`, and every error answer (422, 404,
405, and /api/chat's 429 and 503) in the request's language: `?lang=`, else Accept-Language,
else bokmål. Bokmål stays the default and is tested, unchanged, in test_web_api.py and
test_web.py. The privacy page's languages: test_web_privacy.py."""
from __future__ import annotations

import httpx
import pytest
from fastapi.testclient import TestClient

from components.settings import get_settings
from testkit.brreg_standin import closed_port_url
from veileder.eligibility import FAMILY_LABELS, OPENINGS, QUESTIONS, SETTLE, OrgFamily
from veileder.i18n import Tekst
from veileder.input_check import TOO_MANY
from veileder.language import detect
import web.app as app_module
from web import errors
from web.api_models import ORGFORM_CODE, SECTOR_CODE

BEFORE = "2020-04-16T16:00:00+02:00"   # one hour before the deadline


@pytest.fixture
def client(monkeypatch, tmp_path):
    monkeypatch.setenv("ASSISTANT_NOW", BEFORE)
    monkeypatch.setenv("ENHETSREGISTERET_URL", closed_port_url())
    monkeypatch.setenv("ASSISTANT_DATABASE_URL", f"sqlite:///{tmp_path / 'tracker.db'}")
    monkeypatch.setenv("ASSISTANT_RASA_URL", "http://127.0.0.1:9")  # Rasa and actions are down
    monkeypatch.setenv("ASSISTANT_ACTION_URL", "http://127.0.0.1:9")
    return TestClient(app_module.create_app(get_settings()))


# --- POST /api/sjekk?lang= ------------------------------------------------------------------

CHECKS = [
    # (body, outcome, family, the first question's field)
    ({"family": "municipality"}, "eligible", "municipality", "challenge"),
    ({"orgform": "AS"}, "not_eligible", "company", None),
    ({"family": "foundation", "general_interest": "vet_ikke"}, "uncertain", "foundation",
     "publicly_funded"),
]


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
@pytest.mark.parametrize("body, outcome, family, first", CHECKS,
                         ids=[c[1] for c in CHECKS])
def test_the_check_answers_in_the_language_asked_for(client, lang, body, outcome, family, first):
    resp = client.post(f"/api/sjekk?lang={lang}", json=body)
    assert resp.status_code == 200, resp.text
    data = resp.json()
    assert data["outcome"] == outcome  # codes and field names are the same in every language
    assert data["opening"] == OPENINGS[outcome](lang)
    assert data["summary"].startswith(data["opening"])
    assert detect(data["summary"]) == lang
    assert data["applicant"]["family"] == family
    assert data["applicant"]["label"] == FAMILY_LABELS[OrgFamily(family)](lang)
    for question in data["questions"]:
        assert question["question"] == QUESTIONS[question["field"]](lang)
    assert (data["questions"][0]["field"] if data["questions"] else None) == first
    for name in ("general_interest",) if outcome == "uncertain" else ():
        assert SETTLE[name](lang) in data["settle"]


@pytest.mark.parametrize("lang, opening, label, deadline", [
    ("nn", "Ja, de kan søkje.", "ein kommune",
     "Fristen for å sende inn ei skisse er torsdag 16. april 2020 kl. 17.00 (norsk tid). Det er "
     "1 time att til fristen."),
    ("en", "Yes, you can apply.", "a municipality",
     "The deadline for submitting a sketch is Thursday 16 April 2020 at 17:00 (Norwegian time). "
     "You have 1 hour left before the deadline."),
])
def test_a_municipality_in_nynorsk_and_english(client, lang, opening, label, deadline):
    data = client.post(f"/api/sjekk?lang={lang}", json={"family": "municipality"}).json()
    assert data["opening"] == opening
    assert data["applicant"]["label"] == label
    assert data["deadline"] == deadline


@pytest.mark.parametrize("lang, body, words", [
    ("nn", {"description": "Vi lager gode løsninger"}, "Eg kjende ikkje att kva slags verksemd"),
    ("en", {"description": "Vi lager gode løsninger"}, "I did not recognise what kind"),
    ("nn", {"orgform": "BRL"}, "Vi kjenner ikkje organisasjonsforma BRL"),
    ("en", {"orgform": "BRL"}, "We do not know the organisation form BRL"),
    ("nn", {"orgnr": "991000100"}, "Vi fekk ikkje slått opp 991 000 100 i Einingsregisteret"),
    ("en", {"orgnr": "991000100"}, "We could not look up 991 000 100 in Enhetsregisteret"),
])
def test_the_notes_are_in_the_language_asked_for(client, lang, body, words):
    data = client.post(f"/api/sjekk?lang={lang}", json=body).json()
    assert any(note.startswith(words) for note in data["notes"]), data["notes"]


@pytest.mark.parametrize("lang, words", [("nb", "Vi får ikke svar fra Enhetsregisteret"),
                                         ("nn", "Vi får ikkje svar frå Einingsregisteret"),
                                         ("en", "We get no answer from the Central")])
def test_the_register_lookup_message_is_in_the_language_asked_for(client, lang, words):
    data = client.post(f"/api/sjekk?lang={lang}", json={"orgnr": "991000100"}).json()
    assert data["lookup"]["status"] == "unavailable"
    assert data["lookup"]["message"].startswith(words)


def test_the_check_documents_lang_as_the_deadline_does(client):
    schema = client.get("/openapi.json").json()

    def lang_of(path, method):
        return next(p for p in schema["paths"][path][method]["parameters"] if p["name"] == "lang")
    check, deadline = lang_of("/api/sjekk", "post"), lang_of("/api/frist", "get")
    assert check == deadline
    assert check["schema"]["enum"] == ["nb", "nn", "en"] and check["schema"]["default"] == "nb"
    opening = schema["components"]["schemas"]["EligibilityOut"]["properties"]["opening"]
    assert all(OPENINGS["eligible"](lang) in opening["description"] for lang in ("nn", "en"))


# --- Errors in the request's language -------------------------------------------------------

LANGUAGE_OF_REQUEST = [
    # (query, Accept-Language, the language of the answer)
    ("", None, "nb"),
    ("", "en", "en"),
    ("", "en-GB,en;q=0.9", "en"),
    ("", "nn-NO,nn;q=0.9,nb;q=0.8,en;q=0.5", "nn"),
    ("", "nb-NO,nb;q=0.9", "nb"),
    ("", "no", "nb"),
    ("", "de-DE,de;q=0.9,en;q=0.7", "en"),
    ("", "de-DE", "nb"),
    ("", "en;q=0.5, nn;q=0.8", "nn"),      # the higher q wins, not the first listed
    ("", "nn;q=0, en", "en"),              # q=0: not nynorsk
    ("?lang=nn", "en", "nn"),              # ?lang= wins over the header
    ("?lang=en", None, "en"),
    ("?lang=nb", "nn", "nb"),
]


@pytest.mark.parametrize("query, accept, lang", LANGUAGE_OF_REQUEST)
def test_a_422_speaks_the_language_of_the_request(client, query, accept, lang):
    headers = {"Accept-Language": accept} if accept else {}
    resp = client.post(f"/api/sjekk{query}", json={"orgform": "K0MM", "sektorkode": "65"},
                       headers=headers)
    assert resp.status_code == 422
    detail = resp.json()["detail"]
    assert detail == [{"felt": "orgform", "melding": ORGFORM_CODE(lang), "type": "value_error"},
                      {"felt": "sektorkode", "melding": SECTOR_CODE(lang),
                       "type": "value_error"}]


ENGLISH_422 = [
    # (path, request kwargs, field, message)
    ("/api/sjekk", {"json": {"orgnr": 991000100}}, "orgnr", "The value must be text."),
    ("/api/sjekk", {"json": {"publicly_fundet": "ja"}}, "publicly_fundet",
     "Unknown field. Check the spelling against the documentation at `/docs`."),
    ("/api/sjekk", {"json": {"public_tasks": "yes"}}, "public_tasks",
     "Invalid value. Allowed values: ja, nei, vet_ikke."),
    ("/api/sjekk", {"json": {"orgnr": "991000101"}}, "orgnr",
     "991 000 101 is not a valid organisation number. The last digit, the check digit, does not "
     "match. Check that you have written the number correctly."),
    ("/api/sjekk", {}, "", "The request has no content. Send a JSON object."),
    ("/api/sjekk", {"content": b"{kommune", "headers": {"content-type": "application/json"}},
     "", "The content is not valid JSON."),
    ("/api/chat", {"json": {"sender": "x", "message": "a" * 10_001}}, "message",
     "The text is too long. It can have at most 10000 characters."),
    ("/api/frist/sjekk", {"json": {"tidspunkt": ""}}, "tidspunkt", "The field cannot be empty."),
    ("/api/frist/sjekk", {"json": {"tidspunkt": None}}, "tidspunkt", "The value cannot be null."),
    ("/api/frist/sjekk", {"json": {"tidspunkt": "hei hei"}}, "tidspunkt",
     "I found no date or time in your message."),
]


@pytest.mark.parametrize("path, kwargs, field, words", ENGLISH_422,
                         ids=[f"{c[0]} {c[3][:30]}" for c in ENGLISH_422])
def test_a_422_in_english_with_accept_language_en(client, path, kwargs, field, words):
    headers = {**kwargs.pop("headers", {}), "Accept-Language": "en-US,en;q=0.9"}
    resp = client.post(path, headers=headers, **kwargs)
    assert resp.status_code == 422
    first = resp.json()["detail"][0]
    assert set(first) == {"felt", "melding", "type"}
    assert first["felt"] == field and first["melding"].startswith(words)


@pytest.mark.parametrize("lang, words", [
    ("nb", "Jeg fant ingen dato eller klokkeslett"),
    ("nn", "Eg fann ingen dato eller klokkeslett"),
    ("en", "I found no date or time"),
])
def test_the_submission_checks_own_422_follows_lang(client, lang, words):
    resp = client.post(f"/api/frist/sjekk?lang={lang}", json={"tidspunkt": "hei hei"},
                       headers={"Accept-Language": "en" if lang != "en" else "nn"})
    assert resp.status_code == 422
    assert resp.json()["detail"][0]["melding"].startswith(words)


def test_an_invalid_lang_is_refused_in_the_headers_language(client):
    resp = client.get("/api/frist?lang=de", headers={"Accept-Language": "nn"})
    assert resp.status_code == 422
    assert resp.json()["detail"] == [{"felt": "lang", "type": "value_error.const",
                                      "melding": "Ugyldig verdi. Tillatne verdiar: nb, nn, en."}]


@pytest.mark.parametrize("method, path, accept, detail", [
    ("get", "/api/finnes-ikke", "nn", "Fann ikkje sida."),
    ("get", "/api/finnes-ikke", "en", "Page not found."),
    ("get", "/api/finnes-ikke?lang=en", "nn", "Page not found."),
    ("get", "/api/finnes-ikke", "sv", "Fant ikke siden."),
    ("get", "/api/sjekk", "en", "This method is not allowed here."),
    ("get", "/api/sjekk", "nn", "Metoden kan ikkje brukast her."),
    ("get", "/api/sjekk", None, "Metoden er ikke tillatt her."),
    ("get", "/staff/finnes-ikke", "en", "Fant ikke siden."),   # the advisers' pages: bokmål
    ("get", "/staff/finnes-ikke?lang=nn", "en", "Fant ikke siden."),
])
def test_404_and_405_speak_the_language_of_the_request(client, method, path, accept, detail):
    headers = {"Accept-Language": accept} if accept else {}
    resp = client.request(method.upper(), path, headers=headers)
    assert resp.status_code in (404, 405)
    assert resp.json() == {"detail": detail}


@pytest.mark.parametrize("body_lang, accept, lang", [
    (None, None, "nb"), (None, "nn-NO", "nn"), (None, "en", "en"),
    ("en", "nn", "en"),   # the body's `lang` is the request's own choice
])
def test_the_chats_503_and_429_follow_its_lang_else_the_header(client, monkeypatch, body_lang,
                                                              accept, lang):
    headers = {"Accept-Language": accept} if accept else {}
    body = {"sender": "x", "message": "hei", **({"lang": body_lang} if body_lang else {})}
    down = client.post("/api/chat", json=body, headers=headers)  # Rasa is down
    assert down.status_code == 503 and down.json() == {"detail": app_module.UNAVAILABLE(lang)}

    async def too_many(self, url, json=None, **kwargs):
        return httpx.Response(429, headers={"Retry-After": "3"},
                              request=httpx.Request("POST", url))

    monkeypatch.setattr(httpx.AsyncClient, "post", too_many)
    busy = client.post("/api/chat", json=body, headers=headers)
    assert busy.status_code == 429 and busy.headers["retry-after"] == "3"
    assert busy.json() == {"detail": TOO_MANY(lang)}


def test_every_error_message_has_all_three_standards():
    """The messages are Tekst (made with all three variants), each one different in English."""
    texts = [*errors._SIMPLE.values(), *errors._HTTP_TEXTS.values(), errors.NO_BODY,
             errors.REQUIRED, errors.BODY_NOT_OBJECT, errors.NOT_OBJECT, errors.NOT_ALLOWED_VALUE,
             errors.TOO_LONG, errors.EMPTY, errors.TOO_SHORT, errors.INVALID_VALUE, ORGFORM_CODE,
             SECTOR_CODE]
    for text in texts:
        assert isinstance(text, Tekst)
        assert text("en") != text("nb")
