"""The dialogue actions' own texts in bokmål, nynorsk and English (issue 13): the fallback and
"Mente du …?", the bad-input answers, "det står ikke i utlysningen", the handoff and the
feedback, when an adviser answers. Each action runs with the conversation's language in the
``language`` slot and a collecting dispatcher; its text and buttons come in that language."""
from __future__ import annotations

import ast
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from actions import actions, feedback, handoff as handoff_actions, texts
from actions.faq import ActionAnswerFaq, check_payload, family_label
from components.records import records_for
from testkit import ROOT
from testkit.helpers import run, tracker, user_event
from veileder import handoff, input_check, opening_hours, unknowns
from veileder.applicant import identify
from veileder.asker import self_check_request
from veileder.eligibility import CASE_BY_CASE, OrgFamily
from veileder.i18n import LocalText
from veileder.i18n import Tekst
from veileder.language import detect
from veileder.opening_hours import availability_sentence

LANGS = ("nb", "nn", "en")
CONTACT = {"contact_name": "Innovasjon Norge", "contact_url": "https://www.innovasjonnorge.no"}


@pytest.fixture(autouse=True)
def database(tmp_path, monkeypatch):
    """A fresh SQLite database for tickets and feedback; a Wednesday morning in office hours."""
    url = f"sqlite:///{tmp_path / 'assistant.db'}"
    monkeypatch.setenv("ASSISTANT_DATABASE_URL", url)
    monkeypatch.setenv("ASSISTANT_NOW", "2026-11-25T10:00:00+01:00")
    return records_for(url)


def in_language(lang, text="", intent="greet", slots=None, **kwargs):
    return tracker(text, intent, slots={"language": lang, **(slots or {})}, **kwargs)


# --- every Tekst of these modules has three different variants ---------------------------------

MODULES = (texts, handoff, input_check, unknowns, opening_hours)
# Texts that are the same word in bokmål and nynorsk (or in all three).
SAME_IN_NB_AND_NN = {"Kontaktinformasjon", "Nei takk", "Hopp over", "Fristen", "Når er fristen?",
                     "Kriteriet om samfunnsutfordring", "Gjennomføringsevne og forankring",
                     "Verdiskaping for næringslivet", "i dag", "Om bedrifter kan søke",
                     "Kontoret er stengt i dag ({holiday})."}


def module_texts():
    """Every text of the modules, as a Tekst (a LocalText is the bokmål string of one)."""
    found = []
    for module in MODULES:
        for name, value in vars(module).items():
            if isinstance(value, LocalText):
                value = value.tekst
            if isinstance(value, Tekst):
                found.append((f"{module.__name__}.{name}", value))
    for key, (label, question) in texts.SUGGESTIONS.items():
        found += [(f"SUGGESTIONS[{key}].label", label), (f"SUGGESTIONS[{key}].question", question)]
    for kind, answer in input_check.ANSWERS.items():
        found.append((f"input_check.ANSWERS[{kind}]", answer.tekst))
    for id_, what, _ in unknowns._TOPICS:
        found.append((f"unknowns.{id_}", what))
    return found


@pytest.mark.parametrize("name,text", module_texts(), ids=[n for n, _ in module_texts()])
def test_every_text_has_its_own_nynorsk_and_english(name, text):
    assert text.en not in (text.nb, text.nn), name
    if text.nb not in SAME_IN_NB_AND_NN:
        assert text.nn != text.nb, name


# --- the actions answer in the conversation's language -----------------------------------------

def fallback_parse(intents, responses):
    return {
        "intent": {"name": "nlu_fallback", "confidence": 0.5},
        "intent_ranking": [{"name": "nlu_fallback", "confidence": 0.5}]
        + [{"name": n, "confidence": c} for n, c in intents],
        "response_selector": {"default": {"ranking": [
            {"intent_response_key": k, "confidence": c} for k, c in responses]}},
    }


def faq_parse(key):
    return {"response_selector": {"default": {"response": {
        "intent_response_key": key, "utter_action": f"utter_{key}", "confidence": 0.9}}}}


RATED = {"last_answer_key": "utter_faq/belop", "last_question": "Hvor mye penger er det?"}
FORM = {"name": handoff_actions.FORM}

# (id, action, tracker arguments, the expected text in a language)
ACTION_CASES = [
    ("invalid input", actions.ActionHandleInvalidInput(), dict(text="😀😀", intent="invalid_input"),
     lambda lang: input_check.ANSWERS[input_check.NO_WORDS](lang)),
    ("other script", actions.ActionHandleInvalidInput(),
     dict(text="Как подать заявку?", intent="other_language"),
     lambda lang: input_check.ANSWERS[input_check.OTHER_SCRIPT](lang)),
    ("ask rephrase", actions.ActionDefaultAskRephrase(), dict(text="hmm", intent="nlu_fallback"),
     lambda lang: texts.ASK_REPHRASE(lang)),
    ("nothing to suggest", actions.ActionDefaultAskAffirmation(),
     dict(text="hmm", intent="nlu_fallback", parse=fallback_parse([("out_of_scope", 0.4)], [])),
     lambda lang: texts.ASK_REPHRASE(lang)),
    ("give up", actions.ActionDefaultFallback(), dict(text="??", intent="nlu_fallback"),
     lambda lang: texts.GIVE_UP.format(lang, **CONTACT)),
    ("offer a person", actions.ActionDefaultFallback(),
     dict(text="grønn hest?", intent="nlu_fallback",
          earlier=[user_event("blørp", "nlu_fallback")]),
     lambda lang: handoff.OFFER_AFTER_FALLBACKS.format(lang, **CONTACT)),
    ("thanks up", feedback.ActionFeedback(),
     dict(text="/feedback", intent="feedback", slots=RATED,
          parse={"entities": [{"entity": "rating", "value": "up"}]}),
     lambda lang: handoff.THANKS_UP(lang)),
    ("thanks down", feedback.ActionFeedback(),
     dict(text="/feedback", intent="feedback", slots=RATED,
          parse={"entities": [{"entity": "rating", "value": "down"}]}),
     lambda lang: handoff.THANKS_DOWN(lang)),
    ("ask comment", feedback.ActionAskFeedbackComment(), dict(intent="feedback"),
     lambda lang: handoff.ASK_COMMENT(lang)),
    ("comment skipped", feedback.ActionFeedbackComment(),
     dict(text="nei takk", intent="deny", slots={"feedback_comment": "nei takk"}),
     lambda lang: handoff.COMMENT_SKIPPED(lang)),
    ("comment thanks", feedback.ActionFeedbackComment(),
     dict(text="Svaret var for langt", intent="out_of_scope",
          slots={"feedback_comment": "Svaret var for langt"}),
     lambda lang: handoff.COMMENT_THANKS(lang)),
    ("ask question", handoff_actions.ActionAskHandoffQuestion(), dict(intent="leave_message"),
     lambda lang: handoff.ASK_QUESTION(lang)),
    ("ask consent", handoff_actions.ActionAskHandoffConsent(), dict(text="Hei"),
     lambda lang: handoff.ASK_CONSENT.format(lang, days=30)),
    ("ask name", handoff_actions.ActionAskHandoffName(), dict(text="ja"),
     lambda lang: handoff.ASK_NAME(lang)),
    ("ask email", handoff_actions.ActionAskHandoffEmail(), dict(text="Kari"),
     lambda lang: handoff.ASK_EMAIL(lang)),
    ("cancel", handoff_actions.ActionCancelHandoff(), dict(text="avbryt", intent="stop"),
     lambda lang: handoff.CANCELLED(lang)),
    ("not in the call", ActionAnswerFaq(),
     dict(text="Hvem eier resultatene?", intent="faq", parse=faq_parse("faq/hvem_star_bak")),
     lambda lang: unknowns.unknown_answer(unknowns.unknown_topic("Hvem eier resultatene?"),
                                          lang=lang, **CONTACT)),
    ("no FAQ answer", ActionAnswerFaq(), dict(text="/faq", intent="faq"),
     lambda lang: texts.GIVE_UP.format(lang, **CONTACT)),
    ("a body named by its name", ActionAnswerFaq(),
     dict(text="Kan Helse Bergen HF søke?", intent="faq", parse=faq_parse("faq/hvem_kan_soke")),
     lambda lang: texts.NAMED_CHECK.format(lang, name="Helse Bergen HF",
                                           label=family_label(OrgFamily.HEALTH_TRUST, lang))),
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", ACTION_CASES, ids=[c[0] for c in ACTION_CASES])
def test_each_action_speaks_the_conversations_language(domain, monkeypatch, case, lang):
    monkeypatch.setenv("ASSISTANT_TICKET_RETENTION_DAYS", "30")
    _, action, args, expected = case
    messages, _ = run(action, in_language(lang, **args), domain)
    assert messages[0]["text"] == expected(lang)
    if lang != "nb":
        assert expected(lang) != expected("nb")


def test_the_named_body_is_read_in_nynorsk_and_english_too(domain):
    for lang, text in (("nn", "Kan Helse Bergen HF søkje?"), ("en", "Can Helse Bergen HF apply?")):
        messages, _ = run(ActionAnswerFaq(), in_language(lang, text, "faq",
                                                         parse=faq_parse("faq/hvem_kan_soke")),
                          domain)
        assert messages[0]["text"] == texts.NAMED_CHECK.format(
            lang, name="Helse Bergen HF", label=family_label(OrgFamily.HEALTH_TRUST, lang))


@pytest.mark.parametrize("lang,start,titles", [
    ("nb", "Jeg er ikke helt sikker på hva du mener. Mente du noe av dette?",
     ["Hvor mye penger det er", "Målet med utlysningen", "Fristen", "Noe annet"]),
    ("nn", "Eg er ikkje heilt sikker på kva du meiner. Meinte du noko av dette?",
     ["Kor mykje pengar det er", "Målet med utlysinga", "Fristen", "Noko anna"]),
    ("en", "I am not quite sure what you mean. Did you mean one of these?",
     ["How much money there is", "The aim of the call", "The deadline", "Something else"]),
])
def test_did_you_mean_in_each_language(domain, lang, start, titles):
    parse = fallback_parse([("faq", 0.4), ("ask_deadline", 0.3), ("greet", 0.1)],
                           [("faq/belop", 0.6), ("faq/formal", 0.2)])
    messages, _ = run(actions.ActionDefaultAskAffirmation(),
                      in_language(lang, "penger?", "nlu_fallback", parse=parse), domain)
    message = messages[0]
    assert message["text"].startswith(start)
    assert "\n".join(f"• {t}" for t in titles[:3]) in message["text"]
    assert message["text"].endswith(texts.DID_YOU_MEAN_TAIL(lang))
    assert [b["title"] for b in message["buttons"]] == titles
    assert message["buttons"][-1]["payload"] == "/out_of_scope"
    assert message["buttons"][0]["payload"] == texts.SUGGESTIONS["faq/belop"][1](lang)


@pytest.mark.parametrize("key", list(texts.SUGGESTIONS))
def test_a_suggested_question_keeps_the_conversations_language(key):
    """The question is sent as the user's message: a bokmål question would switch a nynorsk
    conversation to bokmål (components/language.py)."""
    question = texts.SUGGESTIONS[key][1]
    for lang in LANGS:
        assert detect(question(lang)) in (lang, None), (lang, question(lang))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("family", sorted(CASE_BY_CASE, key=lambda f: f.value))
def test_the_check_button_of_a_case_by_case_body_starts_the_check_in_each_language(family, lang):
    payload = check_payload(family, lang)
    assert self_check_request(payload) is family
    assert identify(payload, about_self=True).family is family
    assert detect(payload) == lang


@pytest.mark.parametrize("lang,title", [("nb", "Sjekk om dere kan søke"),
                                        ("nn", "Sjekk om de kan søkje"),
                                        ("en", "Check whether you can apply")])
def test_what_it_depends_on_has_the_check_button_in_the_language(domain, lang, title):
    messages, _ = run(ActionAnswerFaq(), in_language(lang, "Kan en stiftelse søke?", "faq",
                                                     parse=faq_parse("faq/hvem_kan_soke")),
                      domain)
    button = messages[0]["buttons"][0]
    assert button["title"] == title
    assert self_check_request(button["payload"]) is not None


# --- buttons: translated titles, the same payloads --------------------------------------------

@pytest.mark.parametrize("lang,titles", [
    ("nb", ["Kontaktinformasjon", "Legg igjen en melding"]),
    ("nn", ["Kontaktinformasjon", "Legg igjen ei melding"]),
    ("en", ["Contact details", "Leave a message"]),
])
def test_the_offer_of_a_person_has_buttons_in_the_language(domain, lang, titles):
    track = in_language(lang, "grønn hest?", "nlu_fallback",
                        earlier=[user_event("blørp", "nlu_fallback")])
    messages, _ = run(actions.ActionDefaultFallback(), track, domain)
    buttons = messages[0]["buttons"]
    assert [b["title"] for b in buttons] == titles
    assert buttons[1]["payload"] == "/leave_message"
    assert detect(buttons[0]["payload"]) == lang  # "Kven kan eg kontakte?"


@pytest.mark.parametrize("make", [handoff.consent_buttons, handoff.skip_buttons,
                                  handoff.comment_buttons])
def test_form_buttons_keep_their_payloads(make):
    payloads = [b["payload"] for b in make("nb")]
    assert make() == make("nb")
    for lang in ("nn", "en"):
        assert [b["payload"] for b in make(lang)] == payloads
        assert all(detect(p) is None for p in payloads)  # "ja", "hopp over" switch nothing
    assert [b["title"] for b in make("en")] != [b["title"] for b in make("nb")]


@pytest.mark.parametrize("lang", LANGS)
def test_the_form_questions_have_buttons_in_the_language(domain, lang):
    consent, _ = run(handoff_actions.ActionAskHandoffConsent(), in_language(lang), domain)
    assert consent[0]["buttons"] == handoff.consent_buttons(lang)
    name, _ = run(handoff_actions.ActionAskHandoffName(), in_language(lang), domain)
    assert name[0]["buttons"] == handoff.skip_buttons(lang)
    comment, _ = run(feedback.ActionAskFeedbackComment(), in_language(lang), domain)
    assert comment[0]["buttons"] == handoff.comment_buttons(lang)


# --- the handoff form's answers and the ticket ------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slot,text,slots,said", [
    ("handoff_consent", "kanskje", {}, handoff.ASK_CONSENT_AGAIN),
    ("handoff_email", "kari.vefsn.no", {"handoff_consent": "ja"}, handoff.EMAIL_AGAIN),
    ("handoff_email", "kari.vefsn.no", {"handoff_consent": "ja", "handoff_email_retried": True},
     handoff.EMAIL_GIVEN_UP),
])
def test_the_form_says_what_is_wrong_in_the_language(domain, lang, slot, text, slots, said):
    track = in_language(lang, text, "out_of_scope", slots={"requested_slot": slot, **slots},
                        active_loop=FORM)
    track.events.append({"event": "slot", "name": slot, "value": text})
    track.slots[slot] = text
    messages, _ = run(handoff_actions.ValidateHandoffForm(), track, domain)
    assert [m["text"] for m in messages] == [said(lang)]


@pytest.mark.parametrize("lang,parts", [
    ("nn", ["Takk! Meldinga di er send til ein rådgjevar hos Innovasjon Norge (sak nr. 1).",
            "Kontoret er ope til kl. 16.00 i dag.", "Rådgjevaren svarar deg på kari@vefsn.no."]),
    ("en", ["Thank you! Your message has been sent to an adviser at Innovasjon Norge "
            "(case no. 1).", "The office is open until 16:00 today.",
            "The adviser will reply to you at kari@vefsn.no."]),
])
def test_the_ticket_is_confirmed_in_the_language(domain, lang, parts):
    slots = {"handoff_question": "Kan vi søke sammen?", "handoff_consent": "ja",
             "handoff_name": "Kari", "handoff_email": "kari@vefsn.no"}
    messages, _ = run(handoff_actions.ActionSubmitHandoff(), in_language(lang, slots=slots),
                      domain)
    for part in parts:
        assert part in messages[0]["text"]


@pytest.mark.parametrize("lang,part", [
    ("nn", "Du har ikkje oppgitt e-postadresse, så rådgjevaren kan ikkje svare deg direkte."),
    ("en", "You have not given an e-mail address, so the adviser cannot reply to you directly."),
])
def test_no_reply_address_in_the_language(domain, lang, part):
    slots = {"handoff_question": "Hei", "handoff_consent": "nei"}
    messages, _ = run(handoff_actions.ActionSubmitHandoff(), in_language(lang, slots=slots),
                      domain)
    assert part in messages[0]["text"]


# --- when an adviser answers ------------------------------------------------------------------

def oslo(*args):
    return datetime(*args, tzinfo=ZoneInfo("Europe/Oslo"))


@pytest.mark.parametrize("now,lang,sentence", [
    (oslo(2026, 11, 27, 18, 30), "nn",
     "Kontoret er stengt no. Ein rådgjevar ser på meldinga di måndag 30. november frå kl. 08.00."),
    (oslo(2026, 11, 27, 18, 30), "en",
     "The office is closed now. An adviser will look at your message on Monday 30 November from "
     "08:00."),
    (oslo(2027, 3, 29, 10, 0), "nn",
     "Kontoret er stengt i dag (andre påskedag). Ein rådgjevar ser på meldinga di i morgon frå "
     "kl. 08.00."),
    (oslo(2027, 3, 29, 10, 0), "en",
     "The office is closed today (Easter Monday). An adviser will look at your message tomorrow "
     "from 08:00."),
    (oslo(2027, 5, 1, 10, 0), "nn",
     "Kontoret er stengt i dag (arbeidarane sin dag). Ein rådgjevar ser på meldinga di måndag "
     "3. mai frå kl. 08.00."),
    (oslo(2027, 5, 1, 10, 0), "en",
     "The office is closed today (Labour Day). An adviser will look at your message on Monday "
     "3 May from 08:00."),
    (oslo(2026, 12, 31, 17, 0), "nn",
     "Kontoret er stengt no. Ein rådgjevar ser på meldinga di måndag 4. januar 2027 frå "
     "kl. 08.00."),
    (oslo(2026, 12, 31, 17, 0), "en",
     "The office is closed now. An adviser will look at your message on Monday 4 January 2027 "
     "from 08:00."),
    (oslo(2026, 11, 24, 7, 0), "nn",
     "Kontoret er stengt no. Ein rådgjevar ser på meldinga di i dag frå kl. 08.00."),
    (oslo(2026, 11, 24, 7, 0), "en",
     "The office is closed now. An adviser will look at your message today from 08:00."),
    (oslo(2026, 11, 25, 10, 0), "nn",
     "Kontoret er ope til kl. 16.00 i dag. Ein rådgjevar ser på meldinga di så snart som mogleg."),
    (oslo(2026, 11, 25, 10, 0), "en",
     "The office is open until 16:00 today. An adviser will look at your message as soon as "
     "possible."),
])
def test_when_an_adviser_answers_in_nynorsk_and_english(now, lang, sentence):
    assert availability_sentence(now, lang=lang) == sentence


@pytest.mark.parametrize("lang,names", [
    ("nn", ["måndag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag", "sundag"]),
    ("en", ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]),
])
def test_weekday_names(lang, names):
    today = oslo(2026, 11, 1, 9).date()
    days = [opening_hours._day_text(oslo(2026, 11, 23 + i, 9).date(), today, lang)
            for i in range(7)]
    assert [d.split()[-3] for d in days] == names


# --- no literal texts left in the action files ------------------------------------------------

# every action module: what the assistant says comes from a Tekst/LocalText in its language
ACTION_FILES = tuple(sorted(str(p.relative_to(ROOT)) for p in (ROOT / "actions").glob("*.py")))


def literal_texts(source):
    """Lines of ``utter_message(text=<a string literal or an f-string>)`` calls in a source."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "utter_message":
            for keyword in node.keywords:
                value = keyword.value
                literal = isinstance(value, ast.JoinedStr) or (
                    isinstance(value, ast.Constant) and isinstance(value.value, str))
                if keyword.arg == "text" and literal:
                    found.append(node.lineno)
    return found


@pytest.mark.parametrize("path", ACTION_FILES)
def test_no_action_says_a_literal_text(path):
    assert literal_texts((ROOT / path).read_text(encoding="utf-8")) == []


def test_the_literal_check_finds_literals():
    source = ('dispatcher.utter_message(text="Hei")\n'
              'dispatcher.utter_message(text=f"Hei {name}", buttons=[])\n'
              'dispatcher.utter_message(text=texts.HEI(lang))\n')
    assert literal_texts(source) == [1, 2]


# --- the language read from the conversation, not from a button's payload ----------------------

@pytest.mark.parametrize("earlier,lang", [
    ("Kor mykje pengar er det i utlysinga?", "nn"),
    ("How much money is there in the call?", "en"),
    ("Hvor mye penger er det i utlysningen?", "nb"),
])
def test_a_thumb_clicked_later_keeps_the_conversations_language(domain, earlier, lang):
    """'/feedback{"rating":"up"}' reads like English ("rating", "up"); a payload in Rasa's
    intent syntax is no one's writing (veileder.i18n.written_texts)."""
    track = tracker('/feedback{"rating":"up"}', "feedback", slots=RATED,
                    parse={"entities": [{"entity": "rating", "value": "up"}]},
                    earlier=[user_event(earlier, "faq"),
                             user_event("/out_of_scope", "out_of_scope")])
    messages, _ = run(feedback.ActionFeedback(), track, domain)
    assert messages[0]["text"] == handoff.THANKS_UP(lang)


# --- the FAQ's verdict for a kind of body named in the question ---------------------------------

@pytest.mark.parametrize("lang,question,opening,offer", [
    ("nn", "Me er ein kommune, kan me søkje?", "Ja, de kan søkje.",
     ["Ja, sjekk prosjektet", "Nei takk"]),
    ("en", "We are a municipality, can we apply?", "Yes, you can apply.",
     ["Yes, check the project", "No, thanks"]),
])
def test_the_verdict_and_the_project_offer_in_the_language(domain, monkeypatch, lang, question,
                                                           opening, offer):
    monkeypatch.setenv("ASSISTANT_NOW", "2020-04-01T10:00:00+02:00")  # before the deadline
    messages, _ = run(ActionAnswerFaq(), in_language(lang, question, "faq",
                                                     parse=faq_parse("faq/hvem_kan_soke")),
                      domain)
    verdict, offer_message = messages
    assert verdict["text"].startswith(opening)
    from veileder.eligibility import PROJECT_OFFER
    assert offer_message["text"] == PROJECT_OFFER(lang)
    assert [b["title"] for b in offer_message["buttons"]] == offer


# --- the words a text asks the user to write are the words the form understands ---------------

@pytest.mark.parametrize("text,understood", [
    (handoff.ASK_QUESTION, handoff.is_cancel),
    (handoff.ASK_NAME, handoff.is_skip),
    (handoff.ASK_EMAIL, handoff.is_skip),
    (handoff.ASK_COMMENT, handoff.is_skip),
])
def test_the_word_to_write_is_understood_in_each_language(text, understood):
    import re

    for lang in LANGS:
        [word] = re.findall(r"«([^»]+)»", text(lang))
        assert understood(word), (lang, word)


@pytest.mark.parametrize("lang", LANGS)
def test_yes_and_no_in_the_consent_question_are_understood(lang):
    import re

    from veileder.answers import NO, YES, parse_answer

    words = re.findall(r"«([^»]+)»", handoff.ASK_CONSENT_AGAIN(lang))
    assert [parse_answer(w) for w in words] == [YES, NO]
