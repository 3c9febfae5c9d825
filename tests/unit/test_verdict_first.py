"""The verdict first (issue "Answer what was asked, first"): the form's actions with real
Trackers. The verdict comes in the reply that learns what the applicant is; project questions
only after it, when the user accepts the project check; a passed deadline is in the verdict's
first sentence; questions about a named kind of body get the answer for that body."""
from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import eligibility as form
from actions.faq import ActionAnswerFaq
from testkit.helpers import run, tracker, without_feedback
from veileder.call import load_call
from veileder.deadline import passed_clause
from veileder.eligibility import OPENINGS, OPENINGS_AFTER_DEADLINE, PROJECT_OFFER, SOFT_FIELDS

SOFT_SLOTS = {form.SLOTS[name] for name in SOFT_FIELDS}
BEFORE = "2020-04-01T12:00:00+02:00"
AFTER = "2020-05-01T12:00:00+02:00"


@pytest.fixture(autouse=True)
def pinned(monkeypatch):
    monkeypatch.setenv("ASSISTANT_NOW", BEFORE)


def slots(**values):
    base = {slot: None for slot in form.ALL_SLOTS}
    base["requested_slot"] = None
    base.update(values)
    return base


def required(values):
    return asyncio.run(form.ValidateEligibilityForm().required_slots(
        [], None, tracker(slots=values), {}))


def validate_family(text, values):
    dispatcher = CollectingDispatcher()
    values = dict(values, requested_slot="elig_family", elig_family=text)
    result = asyncio.run(form.ValidateEligibilityForm().validate_elig_family(
        text, dispatcher, tracker(text, "inform_org", slots=values), {}))
    return result, [m["text"] for m in dispatcher.messages]


def summary(values):
    messages, events = run(form.ActionEligibilitySummary(), tracker(slots=values), {})
    return messages, {e["name"]: e["value"] for e in without_feedback(events)}


def answer_all(values, answer="ja"):
    """Play the form: answer every question it asks; return the slots and the questions."""
    asked = []
    for _ in range(20):
        open_ = [s for s in required(values) if values.get(s) is None]
        if not open_:
            return values, asked
        asked.append(open_[0])
        values = dict(values, **{open_[0]: answer})
    raise AssertionError("the questions never end")


@pytest.mark.parametrize("text", ["Vi er Vefsn kommune", "fylkeskommunen",
                                  "jeg jobber i Skatteetaten", "vi er et interkommunalt selskap",
                                  "vi er et kommunalt foretak"])
def test_a_covered_body_gets_the_verdict_in_the_reply_that_learns_what_it_is(text):
    result, said = validate_family(text, slots())
    values = slots(**result)
    assert required(values) == ["elig_family"]  # nothing more to ask: the form ends this turn
    messages, events = summary(values)
    assert messages[0]["text"].startswith(OPENINGS["eligible"])
    assert messages[1]["text"] == PROJECT_OFFER
    assert [b["payload"] for b in messages[1]["buttons"]] == ["/affirm", "/deny"]
    assert events == {"elig_project_offered": True}


def test_the_first_message_that_says_who_is_asking_settles_the_family():
    messages, events = run(form.ActionResetEligibility(),
                           tracker("Statsforvalteren i Nordland her, kan vi søke?",
                                   "check_eligibility"), {})
    values = slots(**{e["name"]: e["value"] for e in events})
    assert values["elig_family"] == "state_agency"
    assert required(values) == ["elig_family"]  # the verdict follows in the same reply


@pytest.mark.parametrize("family,asked_before_verdict", [
    ("municipality", []),
    ("county", []),
    ("state_agency", []),
    ("intermunicipal", []),
    ("health_trust", ["elig_general_interest", "elig_publicly_funded"]),  # "ja" settles test 3
    ("foundation", ["elig_general_interest", "elig_publicly_funded"]),  # "ja" settles test 3
    ("public_company", ["elig_general_interest", "elig_publicly_funded"]),
    ("company", []),
    ("private_person", []),
])
def test_no_project_question_before_the_verdict(family, asked_before_verdict):
    values, asked = answer_all(slots(elig_family=family))
    assert asked == asked_before_verdict
    # "nei" to public funding leaves test 3 open: three questions at most
    _, asked_no = answer_all(slots(elig_family=family), "vet ikke")
    assert not SOFT_SLOTS & set(asked_no) and len(asked_no) <= 3
    assert not SOFT_SLOTS & set(asked)
    assert len(asked) <= 3  # a case-by-case body has its verdict within four turns


def test_the_project_check_is_asked_only_when_accepted_and_ends_with_strengths_and_gaps():
    values = slots(elig_family="municipality")
    messages, events = run(form.ActionStartProjectCheck(), tracker("ja", "affirm"), {})
    values.update({e["name"]: e["value"] for e in events})
    assert values["elig_project"] is True
    values, asked = answer_all(values)
    assert asked == ["elig_challenge", "elig_no_market_solution", "elig_top_management",
                     "elig_market_potential", "elig_collaboration"]
    values["elig_top_management"] = "nei"
    messages, events = summary(values)
    text = messages[0]["text"]
    assert "Dette taler for prosjektet" in text and "Dette bør dere se på" in text
    assert not any(text.startswith(o) for o in OPENINGS.values())  # the verdict came before
    assert events == {"elig_project": False, "elig_project_offered": False}


def test_project_questions_name_the_criterion():
    messages, _ = run(form.ASK_ACTIONS["collaboration"](), tracker(), {})
    assert messages[0]["text"].startswith("Punkt 4 av 4: Prosjekt som innebærer samarbeid.")


@pytest.mark.parametrize("family", ["company", "private_person", "sole_trader"])
def test_an_excluded_applicant_is_not_offered_the_project_check(family):
    messages, events = summary(slots(elig_family=family))
    assert len(messages) == 1 and messages[0]["text"].startswith(OPENINGS["not_eligible"])
    assert events == {"elig_project_offered": False}


@pytest.mark.parametrize("family,opening", [
    ("municipality", "Dere kan søke etter reglene, men {}."),
    ("company", "Dere kan ikke søke, og {}."),
    ("foundation", "Vi kan ikke avgjøre om dere kan søke, og {}."),
])
def test_a_passed_deadline_is_in_the_first_sentence(monkeypatch, family, opening):
    monkeypatch.setenv("ASSISTANT_NOW", AFTER)
    values = slots(elig_family=family, elig_general_interest="vet_ikke")
    text = summary(values)[0][0]["text"]
    first = text.split("\n")[0]
    assert first == opening.format(passed_clause(load_call()))
    assert "16. april 2020 kl. 17.00" in first
    assert text.count("gikk ut") == 1  # not said twice


def test_before_the_deadline_the_first_sentence_stays_plain():
    text = summary(slots(elig_family="municipality"))[0][0]["text"]
    assert text.split("\n")[0] == OPENINGS["eligible"]


def faq(text, key="faq/hvem_kan_soke", **values):
    parse = {"response_selector": {"default": {"response": {"intent_response_key": key}}}}
    messages, events = run(ActionAnswerFaq(), tracker(text, "faq", slots=values, parse=parse),
                           {})
    return messages, {e["name"]: e["value"] for e in without_feedback(events)}


@pytest.mark.parametrize("text,family", [
    ("Kan Statsforvalteren søke?", "state_agency"),
    ("Kan et kommunalt foretak søke?", "municipal_enterprise"),
    ("Gjelder dette et interkommunalt politisk råd?", "intermunicipal"),
    ("Kan Lindesnes kommune søke?", "municipality"),
    ("Can Stavanger municipality apply?", "municipality"),
])
def test_a_question_about_a_covered_body_gets_its_verdict(text, family):
    # a bokmål conversation: the verdict in the question's own language is in test_i18n_dialogue
    messages, events = faq(text, language="nb")
    # a yes/no question: "Ja." first, then the verdict's plain statement
    assert messages[0]["text"].startswith("Ja. " + OPENINGS["eligible"])
    assert "Virksomheten må altså" not in messages[0]["text"]  # not the general text
    assert messages[1]["text"] == PROJECT_OFFER
    assert events == {"elig_family": family, "elig_project": None,
                      "elig_project_offered": True}


@pytest.mark.parametrize("text,key", [
    ("Kan et enkeltpersonforetak søke?", "faq/hvem_kan_soke"),
    ("Gjelder dette en privatperson?", "faq/hvem_kan_soke"),
])
def test_a_question_about_an_excluded_body_gets_the_verdict_and_how_to_take_part(text, key):
    messages, events = faq(text, key)
    assert len(messages) == 1
    assert messages[0]["text"].startswith("Nei. " + OPENINGS["not_eligible"])
    assert "leverandør eller partner" in messages[0]["text"]
    assert events == {}  # no project check for them


@pytest.mark.parametrize("text,word", [
    ("Kan helseforetak søke?", "helseforetak"),
    ("Kan en stiftelse søke?", "stiftelse"),
])
def test_a_question_about_a_case_by_case_body_says_what_it_depends_on(text, word):
    messages, events = faq(text)
    answer = messages[0]["text"]
    assert answer.startswith("Det kommer an på.") and word in answer.lower()
    assert "allmennhetens interesse" in answer and "egen juridisk person" in answer
    assert "Kilde: http" in answer
    button, *rating = messages[0]["buttons"]  # then 👍/👎 (actions/feedback.py)
    assert button["title"] == "Sjekk om dere kan søke"
    assert [b["payload"] for b in rating] == ['/feedback{"rating":"up"}',
                                             '/feedback{"rating":"down"}']
    from veileder.asker import self_check_request
    assert self_check_request(button["payload"]) is not None  # the button starts the check
    assert events == {}


@pytest.mark.parametrize("text", [
    "Vi er en kommune, men vi er ikke omfattet av anskaffelsesregelverket. Kan vi søke?",
    "Me er ein kommune, men me er ikkje omfatta av anskaffingsregelverket. Kan me søkje?",
])
def test_a_fact_stated_in_the_question_counts_in_its_verdict(text):
    """A municipality that says it is not covered is not told that it is covered (R9)."""
    messages, events = faq(text, language="nb")  # in a bokmål conversation
    answer = messages[0]["text"]
    assert answer.startswith(OPENINGS["uncertain"])
    assert "anskaffelsesregelverket" in answer
    assert "Dere er offentlig finansiert, forvalter offentlige oppgaver og omfattes" not in answer


def test_an_existing_solution_stated_in_the_question_is_in_its_verdict():
    messages, events = faq("Vi er Kvinesdal kommune og vil kjøpe et ferdig fagsystem som flere "
                           "kommuner allerede bruker. Kan vi søke?")
    answer = messages[0]["text"]
    assert answer.startswith("Ja. " + OPENINGS["eligible"])
    assert "ikke penger til å kjøpe en løsning som finnes fra før" in answer
    assert events["elig_no_market_solution"] == "nei"  # kept for the project check


def test_a_case_by_case_body_that_states_every_test_gets_its_verdict():
    messages, _ = faq("Vi er en stiftelse uten kommersiell drift, og ca 90 % av inntektene er "
                      "statstilskudd. Kan vi søke?")
    assert messages[0]["text"].startswith("Ja. " + OPENINGS["eligible"])


def test_an_ordinary_faq_answer_clears_an_offer_and_sets_nothing_else():
    messages, events = faq("Hva betyr gevinstpotensial?", "faq/gevinstpotensial",
                           elig_project_offered=True)
    assert messages[0]["response"] == "utter_faq/gevinstpotensial"
    assert events == {"elig_project_offered": False}
    assert faq("Hva betyr gevinstpotensial?", "faq/gevinstpotensial")[1] == {}


@pytest.mark.parametrize("text,outcome", [
    ("Dere kan søke.\n\nDere er en kommune.", "eligible"),
    ("Da regner jeg dere som en kommune.\nDere kan søke etter reglene, men fristen gikk ut …",
     "eligible"),
    ("Dere kan ikke søke, og fristen gikk ut …", "not_eligible"),
    ("Vi kan ikke avgjøre om dere kan søke, og fristen gikk ut …", "uncertain"),
    ("Da regner jeg dere som en stiftelse. Om dere kan søke, avhenger av om dere omfattes av "
     "reglene for offentlige anskaffelser", None),
    ("Det kommer an på. Et helseforetak kan søke hvis virksomheten …", None),
])
def test_the_bench_reads_the_verdict_before_and_after_the_deadline(text, outcome):
    from testkit.helpers import verdict_outcome

    assert verdict_outcome(text) == outcome


@pytest.mark.parametrize("text, language, first", [
    ("Kan kommunen vår søkje?", "nn", "Ja, de kan søkje."),
    ("Can our municipality apply?", "en", "Yes, you can apply."),
    ("Kan eg søkje som privatperson?", "nn", "Nei, de kan ikkje søkje."),
    ("Can I apply as a private person?", "en", "No, you cannot apply."),
    ("Kan ikke fylkeskommunen søke?", "nb", "Jo. " + OPENINGS["eligible"]),
])
def test_a_yes_no_question_gets_yes_or_no_first_in_its_language(text, language, first):
    messages, _ = faq(text, language=language)
    assert messages[0]["text"].startswith(first)


@pytest.mark.parametrize("text, language, first", [
    ("Kan kommunen vår søkje?", "nn", "Ja. De kan søkje etter reglane, men fristen gjekk ut"),
    ("Can I apply as a private person?", "en", "No. You cannot apply, and the deadline passed"),
])
def test_after_the_deadline_the_yes_or_no_comes_before_the_passed_deadline(
        monkeypatch, text, language, first):
    monkeypatch.setenv("ASSISTANT_NOW", AFTER)
    messages, _ = faq(text, language=language)
    assert messages[0]["text"].startswith(first)



def test_a_question_about_the_time_gets_no_once_the_deadline_has_passed(monkeypatch):
    monkeypatch.setenv("ASSISTANT_NOW", AFTER)
    messages, _ = faq("Vi er en liten kommune i Troms. Rekker vi å søke før jul?", language="nb")
    assert messages[0]["text"].startswith("Nei. " + OPENINGS_AFTER_DEADLINE["eligible"]("nb")
                                          .split("{deadline}")[0])
