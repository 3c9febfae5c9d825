"""The eligibility check in nynorsk and English (issue 13): questions, buttons, the verdict with
its reasons and next steps, the "depends" answers, the recognised-applicant sentences, the yes/no
openings, and the form asking in the conversation's language. Bokmål stays the default and is
tested, unchanged, in test_eligibility*.py."""
from __future__ import annotations

import asyncio
import re
from datetime import datetime, timezone

import pytest
import yaml
from rasa.shared.core.domain import Domain
from rasa_sdk.executor import CollectingDispatcher

from actions import eligibility as form
from components.nlg import CallFactsNLG
from testkit import ROOT
from testkit.helpers import run, tracker
from veileder import answers, applicant, polarity_words
from veileder.call import DEFAULT_CALL_FILE, parse_call
from veileder.eligibility import (
    CASE_BY_CASE,
    FAMILY_LABELS,
    OPENINGS,
    PROJECT_OFFER,
    QUESTIONS,
    SETTLE,
    ApplicantFacts,
    OrgFamily,
    depends_answer,
    evaluate,
    family_from_text,
)
from veileder.eligibility import wording, wording_reasons
from veileder.i18n import LocalText
from veileder.facts import verdict_at
from veileder.language import detect
from veileder.polarity import prefix_answer

F = OrgFamily
NOW = datetime(2020, 4, 1, 10, 0, tzinfo=timezone.utc)
#: Stands in for the deadline sentence (veileder.deadline writes it, in its own module).
DEADLINE = "DEADLINE"

# --- A call with its texts in nynorsk and English --------------------------------------------
_SECTIONS = {
    "nn": {
        "formal": {"innovasjonspartnerskap": "Eit offentleg-privat innovasjonspartnarskap er ein "
                   "modell for tett dialog og samarbeid om innovasjon med næringslivet."},
        "hvem_kan_soke": {
            "kan": "Alle offentleg finansierte verksemder som forvaltar offentlege oppgåver, og "
                   "som er omfatta av regelverket for offentlege innkjøp, kan søkje. Døme er "
                   "kommunar og etatar.",
            "vilkar": ["er offentleg finansierte", "forvaltar offentlege oppgåver",
                       "er omfatta av regelverket for offentlege innkjøp"],
            "kan_ikke": "Bedrifter og privatpersonar kan ikkje søkje om midlar frå denne "
                        "potten."},
        "frist": {"hva": "skisse"},
        "kriterier": [{"id": "samfunnsutfordring",
                       "navn": "Prosjekt som løyser ei samfunnsutfordring"},
                      {"id": "gjennomforingsevne", "navn": "Prosjekt med gjennomføringsevne"},
                      {"id": "verdiskaping",
                       "navn": "Prosjekt med verdiskapingspotensial for næringslivet"},
                      {"id": "samarbeid", "navn": "Prosjekt som inneber samarbeid"}],
        "gevinstpotensial": "Behovet må gi nytte for brukarar, tilsette og liknande, og gi "
                            "økonomisk gevinst for den offentlege verksemda.",
        "eksisterende_losning": "Det skal ikkje finnast noka løysing på marknaden i dag som kan "
                                "dekkje behovet.",
    },
    "en": {
        "formal": {"innovasjonspartnerskap": "A public-private innovation partnership is a "
                   "model for close dialogue and collaboration on innovation with business."},
        "hvem_kan_soke": {
            "kan": "All publicly funded organisations that carry out public tasks and are "
                   "covered by the public procurement rules can apply. Examples are "
                   "municipalities and agencies.",
            "vilkar": ["are publicly funded", "carry out public tasks",
                       "are covered by the public procurement rules"],
            "kan_ikke": "Companies and private persons cannot apply for money from this pot."},
        "frist": {"hva": "sketch"},
        "kriterier": [{"id": "samfunnsutfordring",
                       "navn": "A project that solves a challenge for society"},
                      {"id": "gjennomforingsevne", "navn": "A project able to deliver"},
                      {"id": "verdiskaping", "navn": "A project that can create value for "
                                                    "business"},
                      {"id": "samarbeid", "navn": "A project with collaboration"}],
        "gevinstpotensial": "The need must benefit users, staff and the like, and give the "
                            "public body financial gains.",
        "eksisterende_losning": "No solution on the market today may meet the need.",
    },
}


@pytest.fixture(scope="module")
def call():
    data = yaml.safe_load(DEFAULT_CALL_FILE.read_text(encoding="utf-8"))
    data.update(_SECTIONS)
    return parse_call(data, "test")


# --- The checkers ----------------------------------------------------------------------------
#: Bokmål words that real nynorsk does not use.
BOKMAL_MARKERS = {"ikke", "hva", "hvem", "hvordan", "hvorfor", "hvis", "jeg", "dere", "noen",
                  "noe", "også", "mye", "bare", "søke", "være", "fra", "mer", "uten", "ble",
                  "virksomhet", "virksomheten", "løsning", "løsningen", "spørsmålene"}
#: Norwegian function words that plain English does not have.
NORWEGIAN_WORDS = {"og", "ikke", "ikkje", "er", "det", "som", "å", "på", "til", "av", "med",
                   "har", "kan", "vi", "dere", "du", "jeg", "eg", "hva", "kva", "om", "eller",
                   "ein", "en", "et", "ei", "ja", "nei", "skal", "må", "fra", "frå", "ikkje",
                   "eit", "denne", "dette", "vil", "da", "då"}


def _words(text: str):
    text = re.sub(r"«[^»]*»|https?://\S+", " ", text)  # quotations and addresses
    return re.findall(r"[a-zæøå]+", text.lower())


def bokmal_in(text: str):
    """The bokmål marker words in a text meant to be nynorsk."""
    return sorted(set(_words(text)) & BOKMAL_MARKERS)


def norwegian_in(text: str):
    """The Norwegian function words in a text meant to be English (names kept: «…»)."""
    words = _words(text.replace("Innovasjon Norge", " "))
    return sorted(set(words) & NORWEGIAN_WORDS)


def test_the_checkers_find_what_they_look_for():
    assert bokmal_in("Hva slags virksomhet er dere?") == ["dere", "hva", "virksomhet"]
    assert bokmal_in("Kva slags verksemd er de?") == []
    assert norwegian_in("Dere kan søke, men ikke i år.") == ["dere", "ikke", "kan"]
    assert norwegian_in("Yes, you can apply to Innovasjon Norge («ei skisse»).") == []


def _check(lang: str, text: str):
    found = bokmal_in(text) if lang == "nn" else norwegian_in(text)
    assert not found, f"{lang}: {found} in {text!r}"


# --- Every text has its variants -------------------------------------------------------------
def _local_texts():
    modules = (wording, wording_reasons, applicant, form, polarity_words)
    found = []

    def collect(value):
        if isinstance(value, LocalText):
            found.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                collect(item)
    for module in modules:
        for name, value in vars(module).items():
            if not name.startswith("__"):
                collect(value)
    return found


TEXTS = _local_texts()


def test_the_texts_are_found():
    assert len(TEXTS) > 100
    assert QUESTIONS["family"] in TEXTS and PROJECT_OFFER in TEXTS


@pytest.mark.parametrize("lang", ["nn", "en"])
def test_every_text_is_written_in_nynorsk_and_english(lang):
    for text in TEXTS:
        _check(lang, text(lang))
        if lang == "en":
            assert text(lang) != str(text) or text in ("Innovasjon Norge",), text


@pytest.mark.parametrize("table", [QUESTIONS, SETTLE, OPENINGS, FAMILY_LABELS])
def test_every_question_and_label_differs_by_language(table):
    for key, text in table.items():
        assert text("nn") != text("nb") != text("en"), key
        assert text("en") != text("nn"), key


@pytest.mark.parametrize("buttons", [form.YES_NO_BUTTONS, form.FAMILY_BUTTONS, form.OFFER_BUTTONS,
                                     form.RESTART_BUTTONS, form.STOP_BUTTONS])
@pytest.mark.parametrize("lang", ["nn", "en"])
def test_every_button_title_has_its_variants_and_its_payload_means_the_same(buttons, lang):
    shown = form.buttons_in(buttons, lang)
    bokmal = form.buttons_in(buttons)
    assert [b["title"] for b in bokmal] == [str(b["title"]) for b in buttons]
    assert [b["payload"] for b in bokmal] == [str(b["payload"]) for b in buttons]
    for button, same in zip(shown, bokmal):
        assert type(button["title"]) is str and type(button["payload"]) is str
        _check(lang, button["title"])
        # a payload sent as the user's message keeps the conversation's language and reads
        # as the bokmål one does
        payload = button["payload"]
        assert detect(payload) in (None, lang), payload
        if not payload.startswith("/"):
            assert answers.read("challenge", payload).kind == \
                answers.read("challenge", same["payload"]).kind
            assert family_from_text(payload) == family_from_text(same["payload"])
    if lang == "en":
        assert all(s["title"] != b["title"] for s, b in zip(shown, buttons))


def test_a_local_text_is_its_bokmal_string():
    assert PROJECT_OFFER == PROJECT_OFFER("nb") and isinstance(PROJECT_OFFER, str)
    assert FAMILY_LABELS[F.MUNICIPALITY] == "en kommune"
    assert FAMILY_LABELS[F.MUNICIPALITY]("nn") == "ein kommune"
    assert FAMILY_LABELS[F.MUNICIPALITY]("en") == "a municipality"
    assert wording.OPENINGS_AFTER_DEADLINE["eligible"].format(deadline="x") == \
        "Dere kan søke etter reglene, men x."
    import copy
    assert type(copy.deepcopy(PROJECT_OFFER)) is str


# --- The verdict -----------------------------------------------------------------------------
CASES = [
    # (name, facts, outcome, words in nn, words in en)
    ("municipality", ApplicantFacts(family=F.MUNICIPALITY), "eligible",
     ["Ja, de kan søkje.", "Kommunar er omfatta", "Send inn ei skisse."],
     ["Yes, you can apply.", "Municipalities are covered", "Send in a sketch."]),
    ("county", ApplicantFacts(family=F.COUNTY), "eligible",
     ["Ja, de kan søkje.", "Fylkeskommunar"], ["Yes, you can apply.", "County authorities"]),
    ("IKS", ApplicantFacts(family=F.INTERMUNICIPAL), "eligible",
     ["kan søkje", "Samanslutningar av kommunar"],
     ["can apply", "Associations of municipalities"]),
    ("company", ApplicantFacts(family=F.COMPANY), "not_eligible",
     ["Nei, de kan ikkje søkje.", "De er ei bedrift.", "leverandør eller partnar"],
     ["No, you cannot apply.", "You are a company.", "supplier or partner"]),
    ("private person", ApplicantFacts(family=F.PRIVATE_PERSON), "not_eligible",
     ["ikkje søkje", "ein privatperson"], ["cannot apply", "a private person"]),
    ("foundation, nothing known", ApplicantFacts(family=F.FOUNDATION), "uncertain",
     ["Vi kan ikkje avgjere om de kan søkje.", "Spør Innovasjon Norge"],
     ["We cannot tell whether you can apply.", "Ask Innovasjon Norge"]),
    ("foundation, commercial", ApplicantFacts(family=F.FOUNDATION, general_interest=False),
     "not_eligible", ["ikkje eit offentlegrettsleg organ"],
     ["not a body governed by public law"]),
    ("health trust, tests met", ApplicantFacts(family=F.HEALTH_TRUST, general_interest=True,
                                               publicly_funded=True), "eligible",
     ["eit offentlegrettsleg organ", "Dermed oppfyller de vilkåra"],
     ["a body governed by public law", "So you meet the conditions of the call: you are "
                                       "publicly funded, carry out public tasks and are "
                                       "covered"]),
    ("not told", ApplicantFacts(), "uncertain",
     ["Vi veit ikkje kva slags verksemd de er."],
     ["We do not know what kind of organisation you are."]),
    ("municipality says not covered", ApplicantFacts(family=F.MUNICIPALITY,
                                                     covered_by_procurement=False), "uncertain",
     ["De seier at de ikkje er omfatta.", "Det må avklarast"],
     ["You say that you are not covered.", "This must be settled"]),
    ("unknown form", ApplicantFacts(family=F.UNKNOWN, publicly_funded=True, public_tasks=None),
     "uncertain", ["Forvaltar vi offentlege oppgåver?"], ["Do we carry out public tasks?"]),
    ("register, bankrupt company", ApplicantFacts(
        family=F.COMPANY, name="TESTVIK AS", orgform="AS", orgform_beskrivelse="Aksjeselskap",
        konkurs=True), "not_eligible",
     ["TESTVIK AS er registrert i Einingsregisteret", "er konkurs"],
     ["TESTVIK AS is registered in Enhetsregisteret", "is bankrupt"]),
    ("municipality with a project", ApplicantFacts(
        family=F.MUNICIPALITY, challenge=True, no_market_solution=False, collaboration=False),
     "eligible", ["Dette talar for prosjektet:", "Dette bør de sjå på:", "Neste steg:"],
     ["What speaks for the project:", "What you should look at:", "Next steps:"]),
]


@pytest.mark.parametrize("name, facts, outcome, nn_words, en_words", CASES,
                         ids=[c[0] for c in CASES])
def test_the_verdict_in_nynorsk_and_english(call, name, facts, outcome, nn_words, en_words):
    for lang, words in (("nn", nn_words), ("en", en_words)):
        verdict = evaluate(facts, call, DEADLINE, lang=lang)
        assert verdict.outcome == outcome
        text = verdict.summary()
        assert text.startswith(OPENINGS[outcome](lang))
        for word in words:
            assert word in text, (lang, word, text)
        _check(lang, text)
        _check(lang, verdict.project_summary())
        assert text != evaluate(facts, call, DEADLINE).summary()


def test_the_opening_words_of_the_brief():
    assert OPENINGS["eligible"]("nn").startswith("Ja, de kan søkje")
    assert "ikkje" in OPENINGS["not_eligible"]("nn")
    assert OPENINGS["eligible"]("en").startswith("Yes") and "can apply" in OPENINGS["eligible"]("en")
    assert "cannot apply" in OPENINGS["not_eligible"]("en")


def test_the_verdict_after_the_deadline_opens_with_it(call):
    for lang, start in (("nn", "De kan søkje etter reglane, men "),
                        ("en", "You can apply under the rules, but ")):
        verdict = evaluate(ApplicantFacts(family=F.MUNICIPALITY), call, deadline_passed=True,
                           lang=lang)
        assert verdict.summary().startswith(start)


@pytest.mark.parametrize("lang, start", [("nn", "Ja, de kan søkje."),
                                         ("en", "Yes, you can apply.")])
def test_verdict_at_passes_the_language_on(call, lang, start):
    verdict = verdict_at(ApplicantFacts(family=F.MUNICIPALITY), call, NOW, lang)
    assert verdict.lang == lang and verdict.summary().startswith(start)


@pytest.mark.parametrize("family", sorted(CASE_BY_CASE, key=lambda f: f.value))
@pytest.mark.parametrize("lang, start", [("nn", "Det kjem an på. "), ("en", "It depends. ")])
def test_the_depends_answers(call, family, lang, start):
    text = depends_answer(family, call, lang)
    assert text.startswith(start)
    _check(lang, text)
    assert text != depends_answer(family, call)


def test_the_depends_answer_names_the_body():
    assert "Eit helseføretak kan søkje viss" in depends_answer(F.HEALTH_TRUST, _plain_call(), "nn")
    assert "A foundation can apply if" in depends_answer(F.FOUNDATION, _plain_call(), "en")


def _plain_call():
    from veileder.call import load_call
    return load_call()


# --- Who is asking ---------------------------------------------------------------------------
@pytest.mark.parametrize("lang, expected", [
    ("nn", "Eg kjende ikkje att kva slags verksemd det er."),
    ("en", "I did not recognise what kind of organisation it is."),
])
def test_not_recognised(lang, expected):
    assert applicant.identify("blåbær", lang=lang).notes[0].startswith(expected)


def test_an_unknown_organisation_form_in_nynorsk():
    notes = applicant.identify(orgform="XYZ", lang="nn").notes
    assert notes == ("Vi kjenner ikkje organisasjonsforma XYZ, så vi vurderer vilkåra kvart for "
                     "seg.",)


@pytest.mark.parametrize("lang, family, expected", [
    ("nn", "municipality", "Då reknar eg dykk som ein kommune."),
    ("en", "municipality", "Then I will treat you as a municipality."),
    ("nn", "foundation", "Då reknar eg dykk som ei stifting. Om de kan søkje, avheng av om de er "
                         "omfatta av reglane for offentlege innkjøp og i hovudsak er offentleg "
                         "finansierte. Eg stiller nokre få spørsmål om verksemda."),
    ("en", "health_trust", "Then I will treat you as a health trust (HF) or another company set "
                           "up under a special act. Whether you can apply depends on whether "
                           "you are covered by the public procurement rules and mainly publicly "
                           "funded. I will ask a few questions about the organisation."),
])
def test_the_recognised_sentences(lang, family, expected):
    assert form.recognised(form.Identification(family), lang) == expected


# --- The yes/no openings ---------------------------------------------------------------------
@pytest.mark.parametrize("opening, answer, lang, expected", [
    ("Nei.", "Potten er 75 millionar kroner.", "nn", "Nei. Potten er 75 millionar kroner."),
    ("Ja.", "The pot is NOK 75 million.", "en", "Yes. The pot is NOK 75 million."),
    ("Nei.", "The pot is NOK 75 million.", "en", "No. The pot is NOK 75 million."),
    ("Jo.", "The deadline is 16 April.", "en", "Yes. The deadline is 16 April."),
    ("Nei.", "No. Companies cannot apply.", "en", "No. Companies cannot apply."),
    ("Ja.", "No, companies cannot apply.", "en", "Yes. Companies cannot apply."),
    ("Det kommer an på.", "Helseføretak …", "nn", "Det kjem an på. Helseføretak …"),
    ("Det kommer an på.", "Health trusts …", "en", "It depends. Health trusts …"),
    ("Ja, som leverandør eller partner.", "…", "nn", "Ja, som leverandør eller partnar. …"),
    ("Ja, som leverandør eller partner.", "…", "en", "Yes, as a supplier or partner. …"),
    ("Nei, 75 millioner kroner er rammen til sammen.", "…", "nn",
     "Nei, 75 millionar kroner er ramma til saman. …"),
    ("Nei, 75 millioner kroner er rammen til sammen.", "…", "en",
     "No, NOK 75 million is the total for all projects together. …"),
    ("Nei.", "Det er 75 millioner kroner.", "nb", "Nei. Det er 75 millioner kroner."),
])
def test_the_openings_in_each_language(opening, answer, lang, expected):
    assert prefix_answer(opening, answer, lang) == expected


def test_every_opening_has_its_variants():
    for bokmal, text in polarity_words.OPENINGS.items():
        assert text("nb") == bokmal and text("en") != bokmal
        _check("nn", text("nn"))
        _check("en", text("en"))


def test_the_generator_puts_the_opening_first_in_the_conversations_language():
    domain = Domain.load(str(ROOT / "domain.yml"))
    nlg = CallFactsNLG(domain=domain, now=lambda: NOW)
    reply = nlg.generate_from_slots("utter_language_switched", {"language": "en"}, "rest",
                                    answer_opening="Ja.")
    assert reply["text"] == "Yes. Sure, I will answer in English."
    reply = nlg.generate_from_slots("utter_language_switched", {"language": "nn"}, "rest",
                                    answer_opening="Nei.")
    assert reply["text"] == "Nei. Då svarar eg på nynorsk."


# --- The form asks in the conversation's language --------------------------------------------
@pytest.fixture
def pinned(monkeypatch):
    monkeypatch.setenv("ASSISTANT_NOW", "2020-04-01T12:00:00+02:00")


def slots(**values):
    base = {slot: None for slot in form.ALL_SLOTS}
    base.update({"requested_slot": None})
    base.update(values)
    return base


@pytest.fixture
def translated(monkeypatch, call):
    """The actions read the call with the nynorsk and English texts above."""
    monkeypatch.setattr(form.clock, "call", lambda: call)


@pytest.mark.parametrize("lang", ["nn", "en"])
def test_every_question_is_asked_in_the_slots_language(pinned, translated, lang):
    for field, cls in form.ASK_ACTIONS.items():
        messages, _ = run(cls(), tracker(slots={"language": lang}), {})
        text = messages[0]["text"]
        assert text.endswith(QUESTIONS[field](lang)), field
        titles = [b["title"] for b in messages[0]["buttons"]]
        expected = form.FAMILY_BUTTONS if field == "family" else form.YES_NO_BUTTONS
        assert messages[0]["buttons"] == form.buttons_in(expected, lang)
        assert titles == [b["title"](lang) for b in expected]
        _check(lang, text)


def test_the_form_asks_in_nynorsk(pinned):
    messages, _ = run(form.ASK_ACTIONS["family"](), tracker(slots={"language": "nn"}), {})
    assert messages[0]["text"].startswith("Kva slags verksemd er de?")
    assert [b["title"] for b in messages[0]["buttons"]][-1] == "Privatperson"
    messages, _ = run(form.ASK_ACTIONS["public_tasks"](), tracker(slots={"language": "nn"}), {})
    assert messages[0]["text"] == "Forvaltar verksemda offentlege oppgåver?"
    assert [b["title"] for b in messages[0]["buttons"]] == ["Ja", "Nei", "Veit ikkje"]


def test_a_project_question_names_the_point_in_english(pinned, translated):
    messages, _ = run(form.ASK_ACTIONS["challenge"](), tracker(slots={"language": "en"}), {})
    assert messages[0]["text"].startswith("Point 1 of 4: A project that solves a challenge for "
                                          "society.\n\nWill the project")


def test_the_channels_preset_counts_without_the_slot(pinned):
    track = tracker(parse={"metadata": {"lang": "en"}})
    messages, _ = run(form.ASK_ACTIONS["family"](), track, {})
    assert messages[0]["text"] == QUESTIONS["family"]("en")


def _validate(slot, value, lang, requested=None, **values):
    validator = form.ValidateEligibilityForm()
    state = slots(language=lang, requested_slot=requested or slot, **values)
    state[slot] = value
    dispatcher = CollectingDispatcher()
    result = asyncio.run(getattr(validator, f"validate_{slot}")(
        value, dispatcher, tracker(value, slots=state), {}))
    return result, [m.get("text") for m in dispatcher.messages]


def test_the_form_reads_who_is_asking_and_says_it_in_the_language():
    result, messages = _validate("elig_family", "me er ein kommune", "nn")
    assert result["elig_family"] == "municipality"
    assert messages == []  # the verdict follows at once and names the family itself
    result, messages = _validate("elig_family", "me er ei stifting", "nn")
    assert result["elig_family"] == "foundation"
    assert messages[0].startswith("Då reknar eg dykk som ei stifting.")
    result, messages = _validate("elig_family", "blåbær", "en")
    assert result == {"elig_family": None} and messages[0].startswith("I did not recognise")
    result, messages = _validate("elig_family", "vent, me er ein fylkeskommune", "nn",
                                 requested="elig_public_control", elig_family="foundation")
    assert messages[0].startswith("Takk, då endrar eg det. Då reknar eg dykk som ein "
                                  "fylkeskommune.")


def test_an_unreadable_answer_is_asked_again_in_english():
    result, messages = _validate("elig_challenge", "blå", "en", elig_family="municipality")
    assert result == {"elig_challenge": None}
    assert messages == [form.NOT_UNDERSTOOD_ANSWER("en")]


@pytest.mark.parametrize("lang, start, offer", [
    ("nn", "Ja, de kan søkje.", "Vil du sjekke prosjektet mot dei fire tinga"),
    ("en", "Yes, you can apply.", "Would you like to check the project"),
])
def test_the_verdict_and_the_offer_in_the_language(pinned, lang, start, offer):
    messages, _ = run(form.ActionEligibilitySummary(),
                      tracker(slots=slots(language=lang, elig_family="municipality")), {})
    assert messages[0]["text"].startswith(start)
    assert messages[1]["text"].startswith(offer)
    assert [b["title"] for b in messages[1]["buttons"]] == \
        [b["title"](lang) for b in form.OFFER_BUTTONS]


def test_a_company_gets_the_restart_button_in_nynorsk(pinned):
    messages, _ = run(form.ActionEligibilitySummary(),
                      tracker(slots=slots(language="nn", elig_family="company")), {})
    assert messages[0]["text"].startswith("Nei, de kan ikkje søkje.")
    assert messages[0]["buttons"][0] == {"title": "Start sjekken på nytt",
                                         "payload": "Start sjekken på nytt"}


def test_the_project_check_and_the_stop_question_in_the_language(pinned):
    messages, _ = run(form.ActionStartProjectCheck(), tracker(slots={"language": "en"}), {})
    assert messages[0]["text"].startswith("Good. I will ask a few short questions")
    messages, _ = run(form.ActionAskStopCheck(), tracker("avbryt", "stop",
                                                         slots={"language": "nn"}), {})
    assert messages[0]["text"] == "Vil du avbryte sjekken av om de kan søkje?"
    assert [b["title"] for b in messages[0]["buttons"]] == ["Ja, avbryt", "Nei, hald fram"]
    messages, _ = run(form.ActionAskStopCheck(), tracker("stop", "stop",
                                                         slots={"language": "en"}), {})
    assert messages[0]["text"] == "Do you want to stop checking whether you can apply?"


def test_the_reset_reads_who_is_asking_and_answers_in_english(pinned):
    start = tracker("We are a foundation, can we apply?", "check_eligibility",
                    slots={"language": "en"})
    messages, events = run(form.ActionResetEligibility(), start, {})
    assert messages[0]["text"].startswith("Then I will treat you as a foundation.")


def test_an_unsure_answer_is_noted_in_nynorsk():
    result, messages = _validate("elig_publicly_funded", "delvis", "nn",
                                 elig_family="foundation")
    assert result == {"elig_publicly_funded": "vet_ikke"}
    assert messages == [form.HEDGED_NOTE("nn")] and "veit ikkje" in messages[0]


@pytest.mark.parametrize("lang, first", [
    ("nn", "Kva må til for at kommunen vår kan vere med?"),
    ("en", "Can we apply for this call as a public body?"),
])
def test_pressing_the_buttons_keeps_the_conversations_language(lang, first):
    from veileder.i18n import language_of_messages
    for family in form.buttons_in(form.FAMILY_BUTTONS, lang):
        for answer in form.buttons_in(form.YES_NO_BUTTONS, lang):
            said = [first, family["payload"], answer["payload"]]
            assert language_of_messages(said, None) == lang, said
