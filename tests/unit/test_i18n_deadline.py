"""Deadline sentences and "will we make it?" answers in nynorsk and English (issue 13).

The clock is pinned in every test. The call is the real call file with nynorsk and English
words for what is sent in ("skisse", "sketch") laid over it, so the tests do not depend on
which texts the file itself has yet. The bokmål answers are tested in test_deadline.py and
test_dates.py, unchanged.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
import yaml

from actions import actions
from testkit.helpers import run, tracker
from veileder import deadline, norsk
from veileder.call import DEFAULT_CALL_FILE, parse_call
from veileder.facts import deadline_with_status, fact_slots
from veileder.i18n import Tekst

OSLO = ZoneInfo("Europe/Oslo")
WHAT = {"nn": "skisse", "en": "sketch"}


def oslo(*args) -> datetime:
    return datetime(*args, tzinfo=OSLO)


def _call_data() -> dict:
    data = yaml.safe_load(DEFAULT_CALL_FILE.read_text(encoding="utf-8"))
    for lang, what in WHAT.items():
        section = data.get(lang) or {}
        data[lang] = section
        section.setdefault("frist", {})["hva"] = what
    return data


CALL = parse_call(_call_data())
DAYS_BEFORE = oslo(2020, 4, 13, 12, 45)      # 3 days and 4 hours before
SAME_DAY = oslo(2020, 4, 16, 14, 45)         # 2 hours and 15 minutes before
LAST_MINUTE = oslo(2020, 4, 16, 16, 59, 30)  # 30 seconds before
AFTER = oslo(2020, 4, 17, 9, 0)              # the morning after

NN_WHEN = "torsdag 16. april 2020 kl. 17.00 (norsk tid)"
EN_WHEN = "Thursday 16 April 2020 at 17:00 (Norwegian time)"
NN_SENTENCE = f"Fristen for å sende inn ei skisse er {NN_WHEN}."
EN_SENTENCE = f"The deadline for submitting a sketch is {EN_WHEN}."

#: Bokmål words that real nynorsk does not use (the nynorsk form in the comment).
BOKMAL_MARKERS = {
    "ikke", "jeg", "hva", "hvis", "hvilken", "dere", "nå", "noe", "bare", "da", "fra", "mer",
    "gikk", "fant", "ble", "dager", "timer", "minutter", "senere", "senest", "tidligst", "sent",
    "regnet", "allerede", "vært", "kommer", "rekker", "høre", "eksempel", "meldingen", "finnes",
    "mandag", "tirsdag", "lørdag", "søndag", "igjen", "en", "ett",
}
#: Norwegian words that must not be left in an English answer.
NORWEGIAN_MARKERS = {"og", "er", "det", "kl", "fristen", "skisse", "norsk", "tid", "ikke",
                     "ikkje", "dere", "torsdag", "igjen", "att"}


def words(text: str) -> set:
    return set(re.findall(r"[a-zæøå]+", text.lower()))


# --- Dates, times and durations (veileder/norsk.py) -------------------------------------------
FORMATS = [
    # (what, nb, nn, en)
    (lambda lang: norsk.format_date(oslo(2020, 4, 16).date(), lang=lang),
     "torsdag 16. april 2020", "torsdag 16. april 2020", "Thursday 16 April 2020"),
    (lambda lang: norsk.format_date(oslo(2020, 4, 14).date(), lang=lang),
     "tirsdag 14. april 2020", "tysdag 14. april 2020", "Tuesday 14 April 2020"),
    (lambda lang: norsk.format_date(oslo(2020, 4, 18).date(), weekday=False, lang=lang),
     "18. april 2020", "18. april 2020", "18 April 2020"),
    (lambda lang: norsk.format_datetime(oslo(2020, 4, 16, 17), lang=lang),
     "torsdag 16. april 2020 kl. 17.00", "torsdag 16. april 2020 kl. 17.00",
     "Thursday 16 April 2020 at 17:00"),
    (lambda lang: norsk.format_datetime(datetime(2020, 4, 16, 15, tzinfo=timezone.utc),
                                        lang=lang),
     "torsdag 16. april 2020 kl. 17.00", "torsdag 16. april 2020 kl. 17.00",
     "Thursday 16 April 2020 at 17:00"),
    (lambda lang: norsk.format_clock(oslo(2020, 4, 16, 16, 59, 30), lang),
     "16.59.30", "16.59.30", "16:59:30"),
    (lambda lang: norsk.zone_label("Europe/Oslo", lang), "norsk tid", "norsk tid",
     "Norwegian time"),
    (lambda lang: norsk.zone_label("UTC", lang), "UTC", "UTC", "UTC"),
    (lambda lang: norsk.humanize_remaining(timedelta(days=3, hours=4, minutes=15), lang),
     "3 dager og 4 timer", "3 dagar og 4 timar", "3 days and 4 hours"),
    (lambda lang: norsk.humanize_remaining(timedelta(hours=2, minutes=15), lang),
     "2 timer og 15 minutter", "2 timar og 15 minutt", "2 hours and 15 minutes"),
    (lambda lang: norsk.humanize_remaining(timedelta(days=1, minutes=5), lang),
     "1 dag", "1 dag", "1 day"),
    (lambda lang: norsk.humanize_remaining(timedelta(hours=1, minutes=1), lang),
     "1 time og 1 minutt", "1 time og 1 minutt", "1 hour and 1 minute"),
    (lambda lang: norsk.humanize_remaining(timedelta(seconds=59), lang),
     "under ett minutt", "under eitt minutt", "less than a minute"),
]


@pytest.mark.parametrize("write, nb, nn, en", FORMATS)
def test_dates_times_and_durations_in_three_standards(write, nb, nn, en):
    assert (write("nb"), write("nn"), write("en")) == (nb, nn, en)


def test_names_of_weekdays_and_months():
    assert norsk.weekday_names("nn") == ("måndag", "tysdag", "onsdag", "torsdag", "fredag",
                                         "laurdag", "sundag")
    assert norsk.weekday_names("en")[3] == "Thursday"
    assert norsk.weekday_names("nb") == norsk.WEEKDAY_NAMES
    assert norsk.month_names("nn") == norsk.MONTH_NAMES
    assert norsk.month_names("en")[3] == "April"
    assert norsk.join_words(["a", "b", "c"]) == "a, b og c"


# --- The deadline sentence and its status -------------------------------------------------------
def test_deadline_sentences():
    assert deadline.deadline_when(CALL, "nn") == NN_WHEN
    assert deadline.deadline_when(CALL, "en") == EN_WHEN
    assert deadline.deadline_sentence(CALL, lang="nn") == NN_SENTENCE
    assert deadline.deadline_sentence(CALL, lang="en") == EN_SENTENCE
    assert deadline.deadline_sentence(CALL, passed=True, lang="nn") == (
        f"Fristen gjekk ut {NN_WHEN}. Det var fristen for å sende inn ei skisse.")
    assert deadline.deadline_sentence(CALL, passed=True, lang="en") == (
        f"The deadline passed on {EN_WHEN}. That was the deadline for submitting a sketch.")
    assert deadline.passed_clause(CALL, "nn") == f"fristen gjekk ut {NN_WHEN}"
    assert deadline.passed_clause(CALL, "en") == f"the deadline passed on {EN_WHEN}"
    # bokmål is unchanged, and the default
    assert deadline.deadline_sentence(CALL) == deadline.deadline_sentence(CALL, lang="nb") == (
        "Fristen for å sende inn skisse er torsdag 16. april 2020 kl. 17.00 (norsk tid).")


STATUS = [
    # (now, lang, the whole message, or words in it)
    (DAYS_BEFORE, "nn", f"{NN_SENTENCE} Det er 3 dagar og 4 timar att.", None),
    (DAYS_BEFORE, "en", f"{EN_SENTENCE} You have 3 days and 4 hours left.", None),
    (SAME_DAY, "nn", f"{NN_SENTENCE} Det er i dag kl. 17.00 – om 2 timar og 15 minutt.", None),
    (SAME_DAY, "en", f"{EN_SENTENCE} It is today at 17:00 – in 2 hours and 15 minutes.", None),
    (oslo(2020, 4, 16, 16, 30), "nn", None,
     ["om 30 minutt.", "17.00 er siste frist; 17.01 er for seint."]),
    (oslo(2020, 4, 16, 16, 30), "en", None,
     ["in 30 minutes.", "17:00 is the last moment; 17:01 is too late."]),
    (LAST_MINUTE, "nn", f"{NN_SENTENCE} Det er under eitt minutt att. "
                        "17.00 er siste frist; 17.01 er for seint.", None),
    (LAST_MINUTE, "en", f"{EN_SENTENCE} There is less than a minute left. "
                        "17:00 is the last moment; 17:01 is too late.", None),
    (AFTER, "nn", None, ["Fristen gjekk ut " + NN_WHEN, "ei skisse", "Eg kan ikkje seie noko",
                         "Kontakt Innovasjon Norge", "https://"]),
    (AFTER, "en", None, ["The deadline passed on " + EN_WHEN, "submitting a sketch",
                         "I cannot say anything about later rounds",
                         "Contact Innovasjon Norge", "https://"]),
]


@pytest.mark.parametrize("now, lang, exact, parts", STATUS)
def test_deadline_status_message(now, lang, exact, parts):
    message = deadline.status(CALL, now).message(CALL, lang=lang)
    if exact is not None:
        assert message == exact
    for part in parts or []:
        assert part in message
    assert message != deadline.status(CALL, now).message(CALL)  # not the bokmål one


def test_the_facts_deadline_sentence():
    assert deadline_with_status(CALL, SAME_DAY, "nn") == (
        f"{NN_SENTENCE} Det er 2 timar og 15 minutt att til fristen.")
    assert deadline_with_status(CALL, SAME_DAY, "en") == (
        f"{EN_SENTENCE} You have 2 hours and 15 minutes left before the deadline.")
    assert deadline_with_status(CALL, AFTER, "en").startswith("The deadline passed on")
    assert fact_slots(CALL, SAME_DAY, "nn")["deadline_sentence"] == \
        deadline_with_status(CALL, SAME_DAY, "nn")
    assert fact_slots(CALL, AFTER, "en")["deadline_sentence"] == \
        deadline_with_status(CALL, AFTER, "en")
    assert fact_slots(CALL, SAME_DAY)["deadline_sentence"].endswith(
        "Det er 2 timer og 15 minutter igjen til fristen.")


# --- "Will we make it?" ---------------------------------------------------------------------------
CHECKS = [
    # (now, text, lang, kind, the whole message, or words in it)
    (DAYS_BEFORE, "i morgon kl 12", "nn", "in_time",
     f"Ja, det rekk de. De vil sende tysdag 14. april 2020 kl. 12.00. {NN_SENTENCE} "
     "Då er det 2 dagar og 5 timar att til fristen.", None),
    (DAYS_BEFORE, "i morgon kl 12", "en", "in_time",
     "Yes, you will make it. You plan to submit on Tuesday 14 April 2020 at 12:00. "
     f"{EN_SENTENCE} That leaves 2 days and 5 hours before the deadline.", None),
    (DAYS_BEFORE, "on 15 April", "nn", "in_time",
     f"Ja, det rekk de. De vil sende onsdag 15. april 2020. {NN_SENTENCE}", None),
    (DAYS_BEFORE, "on 15 April", "en", "in_time",
     f"Yes, you will make it. You plan to submit on Wednesday 15 April 2020. {EN_SENTENCE}",
     None),
    (DAYS_BEFORE, "etter fristen", "nn", "not_a_date",
     "Eg fann ingen dato eller klokkeslett i meldinga. Skriv når de vil sende, til dømes "
     f"«16. april kl. 16.00». {NN_SENTENCE}", None),
    (DAYS_BEFORE, "etter fristen", "en", "not_a_date",
     "I found no date or time in your message. Write when you plan to submit, for example "
     f"«16 April at 16:00». {EN_SENTENCE}", None),
    (DAYS_BEFORE, "i morgon kl 12", "nn", "in_time", None, ["tysdag", "kl. 12.00"]),
    (DAYS_BEFORE, "fredag kl 9", "nn", "too_late", None,
     ["Nei, det er for seint.", "fredag 17. april 2020 kl. 09.00", "De har 3 dagar og 4 timar "
      "att. Send før fristen."]),
    (DAYS_BEFORE, "friday at 9am", "en", "too_late", None,
     ["No, that is too late.", "on Friday 17 April 2020 at 09:00",
      "You have 3 days and 4 hours left. Submit before the deadline."]),
    (DAYS_BEFORE, "16. april kl 17", "nn", "in_time", None, ["Det er akkurat på fristen."]),
    (DAYS_BEFORE, "16 April at 17:00", "en", "in_time", None,
     ["That is exactly at the deadline.", "17:00 is the last moment"]),
    (DAYS_BEFORE, "16. april", "nn", "date_only_in_time", None,
     ["Ja, dersom de sender seinast kl. 17.00.", "Torsdag 16. april 2020 er fristdagen."]),
    (DAYS_BEFORE, "16 April", "en", "date_only_in_time", None,
     ["Yes, if you submit by 17:00.", "Thursday 16 April 2020 is the deadline day."]),
    (SAME_DAY, "i dag", "nn", "date_only_in_time", None,
     ["I dag er fristdagen.", "No er det 2 timar og 15 minutt att."]),
    (SAME_DAY, "today", "en", "date_only_in_time", None,
     ["Today is the deadline day.", "You have 2 hours and 15 minutes left now."]),
    (DAYS_BEFORE, "rundt 17 på torsdag", "nn", "uncertain", None,
     ["Det kjem an på når de sender.", "rundt kl. 17.00",
      "Det er berre i tide dersom de sender seinast kl. 17.00 torsdag 16. april 2020."]),
    (DAYS_BEFORE, "around 5pm on Thursday", "en", "uncertain", None,
     ["It depends on when you submit.", "around 17:00",
      "It is only in time if you submit by 17:00 on Thursday 16 April 2020."]),
    (DAYS_BEFORE, "ikkje før fredag", "nn", "too_late", None, ["tidlegast fredag"]),
    (DAYS_BEFORE, "not until friday", "en", "too_late", None, ["no earlier than Friday"]),
    (DAYS_BEFORE, "kl 12", "nn", "needs_date", None,
     ["Kva dag vil de sende?", "Eg fann klokkeslettet 12.00, men ingen dato."]),
    (DAYS_BEFORE, "at noon", "en", "needs_date", None,
     ["Which day do you plan to submit?", "I found the time 12:00, but no date."]),
    (DAYS_BEFORE, "16. april kl 17 UTC", "nn", "too_late", None,
     ["kl. 19.00 (norsk tid, rekna om frå UTC)"]),
    (DAYS_BEFORE, "16 April 17:00 UTC", "en", "too_late", None,
     ["at 19:00 (Norwegian time, converted from UTC)"]),
    (SAME_DAY, "13. april kl 10", "nn", "already_passed_now", None,
     ["Det tidspunktet har alt vore.", "De skreiv måndag 13. april 2020 kl. 10.00, og no er "
      "det torsdag 16. april 2020 kl. 14.45.", "Ei skisse sendt då ville ha vore i tide.",
      "Det er 2 timar og 15 minutt att."]),
    (SAME_DAY, "13 April at 10:00", "en", "already_passed_now", None,
     ["That time has already passed.", "You said you would submit on Monday 13 April 2020 at "
      "10:00, and it is now Thursday 16 April 2020 at 14:45.",
      "A sketch submitted then would have been in time."]),
    (AFTER, "16. april", "nn", "already_passed_now", None,
     ["dersom ho kom inn seinast kl. 17.00 torsdag 16. april 2020.", "Fristen gjekk ut"]),
    (AFTER, "16 April", "en", "already_passed_now", None,
     ["if it arrived by 17:00 on Thursday 16 April 2020.", "The deadline passed on"]),
    (AFTER, "i dag kl 8", "nn", "already_passed_now", None, ["ville ha kome for seint."]),
    (AFTER, "today at 8am", "en", "already_passed_now", None,
     ["would have been too late."]),
    (AFTER, "laurdag", "nn", "too_late", None,
     ["Nei, det er for seint.", "laurdag 18. april 2020", "Fristen gjekk ut"]),
    (AFTER, "on saturday", "en", "too_late", None,
     ["No, that is too late.", "Saturday 18 April 2020", "The deadline passed on"]),
    # dates and times that do not exist, said again in the user's standard
    (DAYS_BEFORE, "31. april kl 12", "nn", "impossible_date", None,
     ["31. april 2020 finst ikkje. April 2020 har 30 dagar.", "Skriv tidspunktet på nytt"]),
    (DAYS_BEFORE, "31 April at 12:00", "en", "impossible_date", None,
     ["31 April 2020 does not exist. April 2020 has 30 days.", "Please write the time again"]),
    (DAYS_BEFORE, "1.13.2020", "nn", "impossible_date", None,
     ["Månad nummer 13 finst ikkje. Eit år har 12 månader."]),
    (DAYS_BEFORE, "1.13.2020", "en", "impossible_date", None, ["There is no month number 13."]),
    (DAYS_BEFORE, "fredag 16. april", "nn", "impossible_date", None,
     ["16. april 2020 er ein torsdag, ikkje ein fredag."]),
    (DAYS_BEFORE, "friday 16 April", "en", "impossible_date", None,
     ["16 April 2020 is a Thursday, not a Friday."]),
    (DAYS_BEFORE, "16. april kl 25", "nn", "impossible_date", None,
     ["Klokkeslettet 25.00 finst ikkje."]),
    (DAYS_BEFORE, "16 April at 25:00", "en", "impossible_date", None,
     ["The time 25.00 does not exist."]),
    (DAYS_BEFORE, "29. mars 2020 kl 02.30", "nn", "impossible_date", None,
     ["Klokka 02.30 finst ikkje 29. mars 2020, fordi klokka vart stilt fram til sommartid"]),
    (DAYS_BEFORE, "29 March 2020 at 02:30", "en", "impossible_date", None,
     ["02:30 does not exist on 29 March 2020: the clocks went forward to summer time"]),
]


@pytest.mark.parametrize("now, text, lang, kind, exact, parts", CHECKS,
                         ids=[f"{c[2]}-{c[1]}-{c[0]:%d%H}" for c in CHECKS])
def test_check_submission(now, text, lang, kind, exact, parts):
    result = deadline.check_submission(CALL, text, now, lang=lang)
    assert result.kind == kind, result.message
    if exact is not None:
        assert result.message == exact
    for part in parts or []:
        assert part in result.message
    bokmal = deadline.check_submission(CALL, text, now)
    assert (bokmal.kind, bokmal.when) == (result.kind, result.when)  # read the same way
    assert result.message != bokmal.message
    spoken = words(result.message.replace(str(CALL.kontakt.url), ""))
    if lang == "nn":
        assert not spoken & BOKMAL_MARKERS, spoken & BOKMAL_MARKERS
    else:
        assert not spoken & NORWEGIAN_MARKERS, spoken & NORWEGIAN_MARKERS


def test_a_detail_no_pattern_knows_gets_the_general_sentence():
    from veileder.dates import ParsedTime
    odd = ParsedTime(None, True, True, "weekday_mismatch", "Noe helt annet.")
    assert deadline.error_detail(odd, "nn") == "Datoen og vekedagen passar ikkje saman."
    assert deadline.error_detail(odd, "en") == "The date and the weekday do not match."
    assert deadline.error_detail(odd) == "Noe helt annet."
    unknown = ParsedTime(None, True, True, "impossible_date", None)
    assert deadline.error_detail(unknown, "en") == "That date does not exist."


def test_every_deadline_text_is_written_three_times():
    texts = [value for value in vars(deadline).values() if isinstance(value, Tekst)]
    texts += [text for _, text in deadline._DETAILS] + list(deadline._GENERAL.values())
    assert len(texts) > 40
    for text in texts:
        assert text.en not in (text.nb, text.nn), text
        assert not words(text.nn) & BOKMAL_MARKERS, text.nn


# --- The actions and the JSON API ---------------------------------------------------------------
@pytest.fixture
def call_file(monkeypatch, tmp_path):
    path = tmp_path / "call.yml"
    path.write_text(yaml.safe_dump(_call_data(), allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("ASSISTANT_CALL_FILE", str(path))
    monkeypatch.setenv("ASSISTANT_NOW", SAME_DAY.isoformat())
    return path


@pytest.mark.parametrize("lang, sentence", [("nn", NN_SENTENCE), ("en", EN_SENTENCE),
                                            ("nb", "Fristen for å sende inn skisse er")])
def test_the_deadline_action_answers_in_the_conversation_language(domain, call_file, lang,
                                                                  sentence):
    track = tracker("når er fristen", "ask_deadline", slots={"language": lang})
    messages, _ = run(actions.ActionDeadlineStatus(), track, domain)
    assert sentence in messages[0]["text"]


@pytest.mark.parametrize("lang, text, opening", [
    ("nn", "rekk vi det om vi sender i dag kl 16?", "Ja, det rekk de."),
    ("en", "will we make it if we submit today at 4pm?", "Yes, you will make it."),
    ("nb", "rekker vi det hvis vi sender i dag kl 16?", "Ja, det rekker dere."),
])
def test_the_submission_action_answers_in_the_conversation_language(domain, call_file, lang,
                                                                    text, opening):
    track = tracker(text, "check_submission_time", slots={"language": lang})
    messages, _ = run(actions.ActionCheckSubmissionTime(), track, domain)
    assert messages[0]["text"].startswith(opening)


def test_the_json_api_answers_in_the_language_asked_for(call_file, monkeypatch, tmp_path):
    from fastapi.testclient import TestClient

    from components.settings import get_settings
    import web.api as api_module
    import web.app as app_module

    monkeypatch.setenv("ASSISTANT_DATABASE_URL", f"sqlite:///{tmp_path / 'tracker.db'}")
    application = app_module.create_app(get_settings())
    application.dependency_overrides[api_module.app_settings] = get_settings
    client = TestClient(application)
    assert client.get("/api/frist", params={"lang": "nn"}).json()["message"].startswith(
        NN_SENTENCE)
    assert client.get("/api/frist").json()["message"].startswith("Fristen for å sende inn skisse")
    data = client.post("/api/frist/sjekk", params={"lang": "en"},
                       json={"tidspunkt": "i dag kl 16"}).json()
    assert data["message"].startswith("Yes, you will make it.")
    assert data["when_text"] == "Thursday 16 April 2020 at 16:00"
    assert client.post("/api/frist/sjekk", params={"lang": "en"},
                       json={"tidspunkt": "hei"}).status_code == 422
    wrong = client.get("/api/frist", params={"lang": "de"})
    assert wrong.status_code == 422 and wrong.json()["detail"][0]["felt"] == "lang"
    schema = client.get("/openapi.json").json()
    for path, method in (("/api/frist", "get"), ("/api/frist/sjekk", "post")):
        params = schema["paths"][path][method]["parameters"]
        lang = next(p for p in params if p["name"] == "lang")
        assert lang["in"] == "query" and not lang.get("required")
        assert lang["schema"]["enum"] == ["nb", "nn", "en"]
