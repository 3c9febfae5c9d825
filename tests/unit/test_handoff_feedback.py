"""Reaching a person and feedback on answers: the domain helpers and the actions, with real
rasa_sdk Trackers, a collecting dispatcher and a temporary SQLite database."""
from __future__ import annotations

import pytest
from rasa_sdk.events import SlotSet

from actions import actions, feedback, handoff as handoff_actions
from actions.faq import ActionAnswerFaq
from components.records import records_for
from testkit.helpers import run, tracker, user_event
from veileder import handoff
from veileder.handoff import SKIPPED


@pytest.fixture(autouse=True)
def database(tmp_path, monkeypatch):
    """A fresh SQLite database for tickets and feedback; a Wednesday morning in office hours."""
    url = f"sqlite:///{tmp_path / 'assistant.db'}"
    monkeypatch.setenv("ASSISTANT_DATABASE_URL", url)
    monkeypatch.setenv("ASSISTANT_NOW", "2026-11-25T10:00:00+01:00")
    return records_for(url)


def slots_of(events):
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


# --- the domain helpers -------------------------------------------------------------------------

@pytest.mark.parametrize("turns,expected", [
    ([], 0),
    ([("faq", "Når er fristen?")], 0),
    ([("nlu_fallback", "blørp")], 1),
    ([("faq", "x"), ("nlu_fallback", "a"), ("nlu_fallback", "b")], 2),
    ([("nlu_fallback", "a"), ("out_of_scope", "/out_of_scope"), ("nlu_fallback", "b")], 2),
    ([("nlu_fallback", "a"), ("greet", "hei"), ("nlu_fallback", "b")], 1),
    ([("nlu_fallback", "a"), ("out_of_scope", "hva blir været?")], 0),
])
def test_consecutive_fallbacks(turns, expected):
    assert handoff.consecutive_fallbacks(turns) == expected


@pytest.mark.parametrize("text,skip", [
    ("hopp over", True), ("Hopp over!", True), ("nei takk", True), ("Nei, takk.", True),
    ("skip", True), ("", True), ("Kari Nordmann", False), ("kari@vefsn.kommune.no", False),
])
def test_is_skip(text, skip):
    assert handoff.is_skip(text) is skip


@pytest.mark.parametrize("text,cancel", [
    ("avbryt", True), ("Glem det!", True), ("cancel", True), ("hopp over", False),
    ("avbryt sjekken og send meldingen", False),
])
def test_is_cancel(text, cancel):
    assert handoff.is_cancel(text) is cancel


@pytest.mark.parametrize("text,found", [
    ("kari@vefsn.kommune.no", "kari@vefsn.kommune.no"),
    ("Det er kari.nordmann@example.no.", "kari.nordmann@example.no"),
    ("kari@kommune", None), ("kari(at)kommune.no", None), ("kari @ kommune.no", None),
    ("ingen e-post", None),
])
def test_find_email(text, found):
    assert handoff.find_email(text) == found


@pytest.mark.parametrize("text,rating", [
    ("svaret var nyttig", "up"), ("godt svar", "up"), ("svaret hjalp ikke", "down"),
    ("dårlig svar", "down"), ("svaret var ikkje til hjelp", "down"), ("tommel ned", "down"),
    ("that answer was not useful", "down"),
])
def test_rating_from_text(text, rating):
    assert handoff.rating_from_text(text) == rating


# --- two fallbacks in a row ---------------------------------------------------------------------

@pytest.mark.parametrize("earlier,offered", [
    ([], False),
    ([user_event("blørp", "nlu_fallback")], True),
    ([user_event("blørp", "nlu_fallback"), user_event("/out_of_scope", "out_of_scope")], True),
    ([user_event("hei", "greet")], False),
])
def test_the_fallback_offers_a_person_after_two_in_a_row(domain, earlier, offered):
    track = tracker("grønn hest?", "nlu_fallback", earlier=earlier)
    messages, events = run(actions.ActionDefaultFallback(), track, domain)
    assert events[0]["event"] == "rewind"
    if offered:
        assert messages[0]["text"].startswith("Beklager, jeg forstår ikke hva du mener. "
                                              "Vil du heller ha hjelp av en person?")
        assert messages[0]["buttons"] == handoff.HANDOFF_BUTTONS
    else:
        assert messages[0]["text"].startswith("Beklager, jeg klarer ikke å svare på dette.")
        assert not messages[0]["buttons"]


def test_asking_for_a_person_and_whether_it_is_a_bot_offer_both_choices(domain):
    for name in ("utter_human_handoff", "utter_bot_challenge"):
        response = domain["responses"][name][0]
        assert response["buttons"] == handoff.HANDOFF_BUTTONS, name
    # the yes or no in front comes from the question (components/nlg.py): "Er du en bot?" -> "Ja."
    assert domain["responses"]["utter_bot_challenge"][0]["text"].startswith(
        "Du snakker ikke med et menneske. Jeg er en automatisk assistent")


# --- the message for an adviser -----------------------------------------------------------------

def form_tracker(text, intent, requested, slots=None):
    return tracker(text, intent, slots={"requested_slot": requested, **(slots or {})},
                   active_loop={"name": handoff_actions.FORM})


@pytest.mark.parametrize("consent,expected", [
    (None, ["handoff_question", "handoff_consent"]),
    ("nei", ["handoff_question", "handoff_consent"]),
    ("ja", ["handoff_question", "handoff_consent", "handoff_name", "handoff_email"]),
])
def test_name_and_email_are_asked_only_with_consent(domain, consent, expected):
    import asyncio
    form = handoff_actions.ValidateHandoffForm()
    track = form_tracker("x", "affirm", "handoff_consent", {"handoff_consent": consent})
    assert asyncio.run(form.required_slots([], None, track, domain)) == expected


@pytest.mark.parametrize("slot,text,intent,slots,value,said", [
    ("handoff_question", "Kan vi søke sammen med Bodø?", "faq", {},
     "Kan vi søke sammen med Bodø?", None),
    ("handoff_consent", "ja", "affirm", {}, "ja", None),
    ("handoff_consent", "nei takk", "deny", {}, "nei", None),
    ("handoff_consent", "kanskje senere", "out_of_scope", {}, None, handoff.ASK_CONSENT_AGAIN),
    ("handoff_name", "Kari Nordmann", "out_of_scope", {"handoff_consent": "ja"},
     "Kari Nordmann", None),
    ("handoff_name", "hopp over", "stop", {"handoff_consent": "ja"}, SKIPPED, None),
    ("handoff_email", "kari@vefsn.kommune.no", "out_of_scope", {"handoff_consent": "ja"},
     "kari@vefsn.kommune.no", None),
    ("handoff_email", "hopp over", "out_of_scope", {"handoff_consent": "ja"}, SKIPPED, None),
    ("handoff_email", "kari.vefsn.no", "out_of_scope", {"handoff_consent": "ja"}, None,
     handoff.EMAIL_AGAIN),
    ("handoff_email", "kari.vefsn.no", "out_of_scope",
     {"handoff_consent": "ja", "handoff_email_retried": True}, SKIPPED, handoff.EMAIL_GIVEN_UP),
])
def test_the_form_reads_each_answer(domain, slot, text, intent, slots, value, said):
    """The answer is in the slot's mapping (``from_text`` unless the intent is "stop") or
    read by the form's own extraction ("hopp over" taken for "stop")."""
    track = form_tracker(text, intent, slot, slots)
    if intent != "stop":  # what Rasa's from_text mapping extracts before the form runs
        track.events.append({"event": "slot", "name": slot, "value": text})
        track.slots[slot] = text
    messages, events = run(handoff_actions.ValidateHandoffForm(), track, domain)
    assert slots_of(events)[slot] == value
    assert [m["text"] for m in messages] == ([said] if said else [])


def test_a_malformed_email_is_asked_again_once(domain):
    track = form_tracker("kari.vefsn.no", "out_of_scope", "handoff_email",
                         {"handoff_consent": "ja"})
    track.events.append({"event": "slot", "name": "handoff_email", "value": "kari.vefsn.no"})
    track.slots["handoff_email"] = "kari.vefsn.no"
    _, events = run(handoff_actions.ValidateHandoffForm(), track, domain)
    assert slots_of(events)["handoff_email_retried"] is True


@pytest.mark.parametrize("slots,stored_name,stored_email,reply", [
    ({"handoff_consent": "ja", "handoff_name": "Kari Nordmann",
      "handoff_email": "kari@vefsn.kommune.no"},
     "Kari Nordmann", "kari@vefsn.kommune.no", "Rådgiveren svarer deg på kari@vefsn.kommune.no."),
    ({"handoff_consent": "ja", "handoff_name": SKIPPED, "handoff_email": SKIPPED},
     None, None, "Du har ikke oppgitt e-postadresse"),
    # refused: whatever the slots hold, nothing of it is stored
    ({"handoff_consent": "nei", "handoff_name": "Kari Nordmann",
      "handoff_email": "kari@vefsn.kommune.no"}, None, None, "Du har ikke oppgitt e-postadresse"),
])
def test_the_ticket_is_stored_with_name_and_email_only_with_consent(
        domain, database, slots, stored_name, stored_email, reply):
    question = "Kan vi søke sammen med Bodø kommune? Ring meg på 912 34 567."
    track = tracker("hopp over", "out_of_scope", sender_id="samtale-1",
                    slots={"handoff_question": question, **slots})
    messages, events = run(handoff_actions.ActionSubmitHandoff(), track, domain)
    [ticket] = database.list_tickets(sender_id="samtale-1")
    assert ticket.question == "Kan vi søke sammen med Bodø kommune? Ring meg på [telefon]."
    assert (ticket.name, ticket.email) == (stored_name, stored_email)
    assert ticket.consent is (slots["handoff_consent"] == "ja")
    assert ticket.status == "open"
    text = messages[0]["text"]
    assert text.startswith(f"Takk! Meldingen din er sendt til en rådgiver hos Innovasjon Norge "
                           f"(sak nr. {ticket.id}).")
    # Wednesday 10.00: the office is open
    assert "Kontoret er åpent til kl. 16.00 i dag." in text
    assert reply in text
    assert all(value is None for value in slots_of(events).values())


def test_after_hours_the_user_is_told_when_an_adviser_sees_it(domain, database, monkeypatch):
    monkeypatch.setenv("ASSISTANT_NOW", "2026-11-27T18:30:00+01:00")  # a Friday evening
    track = tracker("nei", "deny", slots={"handoff_question": "Hei", "handoff_consent": "nei"})
    messages, _ = run(handoff_actions.ActionSubmitHandoff(), track, domain)
    assert ("Kontoret er stengt nå. En rådgiver ser på meldingen din mandag 30. november fra "
            "kl. 08.00.") in messages[0]["text"]


def test_cancel_forgets_the_message(domain, database):
    messages, events = run(handoff_actions.ActionCancelHandoff(),
                           tracker("avbryt", "stop", slots={"handoff_question": "Hei"}), domain)
    assert messages[0]["text"] == handoff.CANCELLED
    assert set(slots_of(events)) == set(handoff_actions.FORM_SLOTS)
    assert database.list_tickets() == []


# --- feedback -----------------------------------------------------------------------------------

def faq_tracker(text, key):
    parse = {"response_selector": {"default": {"response": {
        "intent_response_key": key, "utter_action": f"utter_{key}", "confidence": 0.9}}}}
    return tracker(text, "faq", parse=parse)


@pytest.mark.parametrize("action,track,key", [
    (ActionAnswerFaq(), faq_tracker("Hvor mye penger er det?", "faq/belop"), "utter_faq/belop"),
    (actions.ActionDeadlineStatus(), tracker("Når er fristen?", "ask_deadline"),
     "action_deadline_status"),
    (actions.ActionCheckSubmissionTime(), tracker("Rekker vi det 16. april kl 16.40?",
                                                  "check_submission_time"),
     "action_check_submission_time"),
])
def test_answers_carry_the_feedback_buttons_and_say_which_answer_it_is(domain, action, track, key):
    messages, events = run(action, track, domain)
    assert messages[-1]["buttons"][-2:] == handoff.FEEDBACK_BUTTONS
    assert slots_of(events) == {"last_answer_key": key,
                                "last_question": track.latest_message["text"]}


def test_no_feedback_buttons_while_a_form_runs(domain):
    track = tracker("Når er fristen?", "ask_deadline", active_loop={"name": "eligibility_form"})
    messages, events = run(actions.ActionDeadlineStatus(), track, domain)
    assert not messages[0]["buttons"]
    assert events == []


def rating_tracker(rating, slots):
    parse = {"entities": [{"entity": "rating", "value": rating}]}
    return tracker(f'/feedback{{"rating":"{rating}"}}', "feedback", parse=parse,
                   sender_id="samtale-2", slots=slots)


ANSWERED = {"last_answer_key": "utter_faq/belop", "last_question": "Hvor mye penger er det?"}


@pytest.mark.parametrize("rating,said,wants_comment", [
    ("up", handoff.THANKS_UP, False),
    ("down", handoff.THANKS_DOWN, True),
])
def test_a_rating_is_stored_against_the_answer(domain, database, rating, said, wants_comment):
    messages, events = run(feedback.ActionFeedback(), rating_tracker(rating, ANSWERED), domain)
    [stored] = database.list_feedback(sender_id="samtale-2")
    assert (stored.response, stored.question, stored.rating) == (
        "utter_faq/belop", "Hvor mye penger er det?", rating)
    assert messages[0]["text"] == said
    slots = slots_of(events)
    assert slots["last_answer_key"] is None  # a second click does not count twice
    assert slots["feedback_wants_comment"] is wants_comment


def test_a_rating_with_nothing_to_rate_is_thanked_not_stored(domain, database):
    messages, events = run(feedback.ActionFeedback(), rating_tracker("down", {}), domain)
    assert messages[0]["text"] == handoff.THANKS_DOWN
    assert events == [SlotSet("feedback_wants_comment", False)]  # no comment asked
    assert database.list_feedback() == []


@pytest.mark.parametrize("comment,stored,said", [
    ("Svaret sa ikke hvor mye hvert prosjekt kan få", "Svaret sa ikke hvor mye hvert prosjekt "
     "kan få", handoff.COMMENT_THANKS),
    ("nei takk", None, handoff.COMMENT_SKIPPED),
    ("avbryt", None, handoff.COMMENT_SKIPPED),
])
def test_the_comment_after_a_down_vote(domain, database, comment, stored, said):
    run(feedback.ActionFeedback(), rating_tracker("down", ANSWERED), domain)
    track = tracker(comment, "out_of_scope", sender_id="samtale-2",
                    slots={"feedback_comment": comment, "feedback_wants_comment": True})
    messages, events = run(feedback.ActionFeedbackComment(), track, domain)
    [vote] = database.list_feedback(sender_id="samtale-2")
    assert vote.comment == stored
    assert messages[0]["text"] == said
    assert SlotSet("feedback_wants_comment", False) in events


# --- the feedback buttons in Teams and Slack ----------------------------------------------------

def test_slack_puts_the_feedback_buttons_in_a_block_of_their_own():
    from components.slack import button_blocks

    buttons = [{"title": "Sjekk om dere kan søke", "payload": "/check_eligibility"},
               *handoff.FEEDBACK_BUTTONS]
    blocks = button_blocks("Svaret", buttons)
    actions_blocks = [b for b in blocks if b["type"] == "actions"]
    assert [[e["value"] for e in b["elements"]] for b in actions_blocks] == [
        ["/check_eligibility"], [b["payload"] for b in handoff.FEEDBACK_BUTTONS]]
    assert [e["text"]["text"] for e in actions_blocks[1]["elements"]] == ["👍", "👎"]


def test_teams_sends_the_feedback_payload_back_and_shows_the_thumb():
    from components.teams import card_actions

    up, down = card_actions(handoff.FEEDBACK_BUTTONS)
    assert (up.title, up.value, up.display_text) == ("👍", {"payload": '/feedback{"rating":"up"}'}, "👍")
    assert down.value == {"payload": '/feedback{"rating":"down"}'}
