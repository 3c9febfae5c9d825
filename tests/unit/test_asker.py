"""Who is asking about themselves (veileder.asker), and the FAQ action that uses it."""
from __future__ import annotations

import pytest

from actions.faq import ActionAnswerFaq, selected_response
from testkit.helpers import run, tracker, without_feedback
from veileder.asker import own_family
from veileder.eligibility import OPENINGS, OrgFamily

F = OrgFamily


@pytest.mark.parametrize("text,expected", [
    # the writer says what they are
    ("Jeg har et enkeltpersonforetak, kan jeg søke?", F.SOLE_TRADER),
    ("jeg har enkelpersonforetak kan jeg søke", F.SOLE_TRADER),
    ("eg driv eit enkeltpersonføretak, kan eg søkje", F.SOLE_TRADER),
    ("Jeg er selvstendig næringsdrivende. Kan jeg søke?", F.SOLE_TRADER),
    ("Vi er et aksjeselskap – kan vi søke?", F.COMPANY),
    ("vi er en liten bedrift og lurer på om vi kan søke", F.COMPANY),
    ("Me er eit lite firma, kan me søkje?", F.COMPANY),
    ("Jeg er privatperson, kan jeg søke?", F.PRIVATE_PERSON),
    ("Kan jeg som privatperson søke om midler?", F.PRIVATE_PERSON),
    ("kan eg som privatperson søkje?", F.PRIVATE_PERSON),
    ("I'm a private individual, can I apply?", F.PRIVATE_PERSON),
    ("We are a company. Can we apply?", F.COMPANY),
    ("Jeg jobber i kommunen", F.MUNICIPALITY),
    ("Me er Møre og Romsdal fylkeskommune. Kan me søkje på desse pengane?", F.COUNTY),
    ("Vi er Sør- og Nord-Aurdal IKS", F.INTERMUNICIPAL),
    # only about others
    ("Kan bedrifter søke?", None),
    ("Kan et AS søke i kommunen?", None),
    ("Can companies apply?", None),
    ("Kan en student søke?", None),
    ("Jeg er konsulent og har kunder i privat sektor. Kan en bedrift søke direkte?", None),
    ("Kan jeg søke alene, uten organisasjon bak meg?", None),
    # a signature: "<name> her"
    ("Statsforvalteren i Nordland her. Er det mulig for oss å søke?", F.STATE_AGENCY),
    ("Hei, Bodø kommune her, kan vi søke?", F.MUNICIPALITY),
    ("Kan kommunen søke her?", None),
    ("Det er mange kommuner her.", None),
    ("", None),
    (None, None),
])
def test_own_family(text, expected):
    assert own_family(text) is expected


def faq_tracker(text, key):
    parse = {"response_selector": {"default": {"response": {
        "intent_response_key": key, "utter_action": f"utter_{key}", "confidence": 0.9}}}}
    return tracker(text, "faq", parse=parse)


def test_selected_response_reads_the_response_selector():
    assert selected_response(faq_tracker("x", "faq/belop").latest_message) == "utter_faq/belop"
    named = {"response_selector": {"faq": {"response": {"intent_response_key": "faq/frist"}}}}
    assert selected_response(named) == "utter_faq/frist"
    assert selected_response({}) is None


@pytest.fixture(autouse=True)
def pinned_clock(monkeypatch):
    monkeypatch.setenv("ASSISTANT_NOW", "2020-04-01T12:00:00+02:00")


@pytest.mark.parametrize("text,key,no", [
    ("Jeg har et enkeltpersonforetak, kan jeg søke?", "faq/bedrift", "Nei. "),
    ("Jeg er en privatperson med en god idé, kan jeg søke?", "faq/privatperson", "Nei. "),
    ("vi er et AS, hvem kan søke?", "faq/hvem_kan_soke", ""),  # no yes/no question
])
def test_a_writer_who_is_excluded_gets_the_verdict(domain, text, key, no):
    messages, events = run(ActionAnswerFaq(), faq_tracker(text, key), domain)
    assert len(messages) == 1  # no project check for an applicant who may not apply
    assert without_feedback(events) == []
    answer = messages[0]["text"]
    assert answer.startswith(no + OPENINGS["not_eligible"])
    assert "leverandør eller partner" in answer
    assert "Fristen" in answer or "frist" in answer


@pytest.mark.parametrize("text,key", [
    ("Kan bedrifter søke?", "faq/bedrift"),
    ("Kan jeg som privatperson få vite hva beløpet er?", "faq/belop"),
    ("Jeg jobber i kommunen, kan bedrifter søke?", "faq/bedrift"),
])
def test_other_questions_get_the_selected_faq_answer(domain, text, key):
    messages, _ = run(ActionAnswerFaq(), faq_tracker(text, key), domain)
    assert messages == [{"response": f"utter_{key}", **{k: v for k, v in messages[0].items()
                                                        if k != "response"}}]
    assert messages[0]["response"] in domain["responses"]


def test_no_selection_hands_over_to_a_human(domain):
    messages, _ = run(ActionAnswerFaq(), tracker("/faq", "faq"), domain)
    assert "innovasjonnorge.no" in messages[0]["text"]


@pytest.mark.parametrize("text,expected", [
    ("Kan vi søke?", True),
    ("kan me søkje på dette", True),
    ("kan vi også søke på midlene", True),
    ("Can we apply?", True),
    ("may I apply for this", True),
    ("har vi mulighet til å søke om midler", True),
    ("er det mulig for oss å søke", True),
    ("Oppfyller vi kravene for å være søker?", True),
    ("fyller me vilkåra?", True),
    ("er vi kvalifisert", True),
    ("er me aktuelle søkjarar", True),
    ("er kommunen vår aktuell som søker?", True),
    ("jeg er fra sykehuset (helseforetak) - kan vi være søker?", True),
    ("Kan vi søke på de 75 millionene?", True),
    ("Kan me søkje på desse pengane?", True),
    ("kan vi søke på disse midlene", True),
    ("Kan vi søke på et kulturprosjekt?", False),
    ("kan me vere søkjar på dette?", True),
    ("can we be an applicant?", True),
    ("kan kommunen være søker?", False),
    ("Er etaten vår kvalifisert for dette?", True),
    ("is our agency eligible?", True),
    ("er vår kommune omfattet av ordningen?", True),
    ("er kommunen aktuell som søker?", False),
    ("var kommunen vår aktuell i fjor?", False),
    ("are we eligible?", True),
    ("gjelder dette oss?", True),
    ("Kan vi søke om midler?", True),
    ("kan vi soke om stotte", True),
    ("Kan vi søke om utsatt frist?", False),
    ("Kan bedrifter søke?", False),
    ("Hvem kan søke?", False),
    ("Hvordan søker vi?", False),
    ("Når må vi søke?", False),
    ("", False),
])
def test_asks_to_apply(text, expected):
    from veileder.asker import asks_to_apply

    assert asks_to_apply(text) is expected


@pytest.mark.parametrize("text,expected", [
    ("Hei, jeg jobber som rådgiver i Steinkjer kommune og lurer på om vi har mulighet til å søke "
     "om midler fra denne utlysningen. Vi ser på velferdsteknologi.", F.MUNICIPALITY),
    ("Vi i Statens vegvesen vurderer å søke sammen med et par kommuner. Oppfyller vi kravene?",
     F.STATE_AGENCY),
    ("Vi er en bedrift som utvikler sensorer og har hørt om de 75 millionene. Kan vi søke selv?",
     F.COMPANY),
    ("Vi er et AS der kommunen eier alle aksjene. Kan vi søke?", F.PUBLIC_COMPANY),
    ("Vi er en kommune, kan vi søke om mer enn 10 millioner?", None),  # another question
    ("Vi er en kommune. Kan vi søke om midler fra Forskningsrådet?", None),  # another funder
    ("Vi er en kommune. Når er fristen?", None),
    ("Kan kommuner søke?", None),  # about others
])
def test_self_check_request(text, expected):
    from veileder.asker import self_check_request

    assert self_check_request(text) is expected


@pytest.mark.parametrize("text,classified,key,expected", [
    ("Vi er en bedrift som lager sensorer. Kan vi søke om midler selv?", "ukjent", None, "check_eligibility"),
    ("Vi i Skatteetaten lurer på om vi oppfyller kravene", "faq", "faq/kriterier", "check_eligibility"),
    ("Vi er en kommune, kan vi søke?", "inform_org", None, "check_eligibility"),
    ("Vi er en kommune. Kan vi søke etter fristen?", "ask_deadline", None, "ask_deadline"),
    # a deadline question without a word on time, from a named body: about themselves
    ("Statsforvalteren i Nordland her. Er det mulig for oss å søke?", "ask_deadline", None,
     "check_eligibility"),
    ("Vi er en kommune. Kan vi fortsatt søke?", "ask_deadline", None, "ask_deadline"),
    ("Vi er en kommune, men vi vil stoppe og ikke søke likevel", "stop", None, "stop"),
    ("Kan bedrifter søke?", "faq", "faq/bedrift", "faq"),
    # a company or person asking about itself: the FAQ action gives the verdict
    ("Kan jeg som privatperson søke?", "faq", "faq/privatperson", "faq"),
    # no word on who: only the general answer or an unsure classifier is corrected
    ("Can we apply for this?", "faq", "faq/hvem_kan_soke", "check_eligibility"),
    ("kan me søkje?", "nlu_fallback", None, "check_eligibility"),
    ("kan vi søke om midler til et klimaprosjekt?", "faq", "faq/tema", "faq"),
    # another funder: not in the announcement, and where to ask (veileder.unknowns)
    ("Kan vi søke om midler fra Forskningsrådet?", "out_of_scope", None, "faq"),
    ("Kan vi søke om midler fra Forskningsrådet?", "faq", "faq/hvem_kan_soke", "faq"),
])
def test_the_input_guard_turns_a_self_check_request_into_the_check(text, classified, key, expected):
    from rasa.shared.nlu.training_data.message import Message

    from components.input_guard import InputGuard

    data = {"text": text, "intent": {"name": classified, "confidence": 0.6}}
    if key:
        data["response_selector"] = {"default": {"response": {"intent_response_key": key}}}
    (out,) = InputGuard().process([Message(data=data)])
    assert out.get("intent")["name"] == expected


@pytest.mark.parametrize("text", [
    "lurer på om vi kan søke", "vi lurer på om me får søkje", "lurer på om vi oppfyller kravene",
    "vi lurer på om vi er aktuelle", "lurer på om vi er kvalifisert",
])
def test_asks_to_apply_in_a_subordinate_clause(text):
    from veileder.asker import asks_to_apply

    assert asks_to_apply(text)


# Questions that mention applying but ask something else get the FAQ answer, not the check.
APPLYING_QUESTIONS = [
    # text, asks_to_apply, asks_other_about_applying
    ("Kan vi søke?", True, False),
    ("Vi vil søke om et prosjekt på klimatilpasning, er det innenfor?", False, True),
    ("Me skal søkje med eit prosjekt om skuleskyss – passar det?", False, True),
    ("Hvem kan vi ringe hvis vi vil søke?", False, True),
    ("Når får vi svar hvis vi søker?", False, True),
    ("Vi vil søke om midler til dette. Kan vi det?", False, False),
    ("Kan vi søke hvis vi er et interkommunalt selskap?", True, False),
    ("Kan vi søke når vi er en stiftelse?", True, False),
    ("kan me søkje på dette", True, False),
    ("Kan vi søke i år?", True, False),
    ("Hva må være med i skissen når vi søker?", False, True),
    ("Hvordan skal skissen se ut når vi søker?", False, True),
    ("Kan vi søke sammen med en leverandør vi kjenner?", False, True),
    ("Kan vi søke sammen med andre kommuner?", False, True),
    ("Kan vi søke i samarbeid med to andre etater?", False, True),
    ("Kan vi søke på et kulturprosjekt?", False, True),
    ("kan vi søke om midler til et klimaprosjekt?", False, True),
    ("Kan vi søke hvis løsningen allerede finnes?", False, True),
    ("Kan vi søke dersom det finnes noe lignende på markedet?", False, True),
    ("Kan vi søke hvis vi allerede har en løsning?", False, True),
    ("Kan jeg søke hvis jeg har et enkeltpersonforetak?", True, False),
    ("Gjelder kravet om samarbeid for alle som søker?", False, True),
    ("Start sjekken på nytt", False, False),
    ("Jeg vil søke", False, False),
    ("Når er fristen?", False, False),
]


@pytest.mark.parametrize("text,own,other", APPLYING_QUESTIONS)
def test_only_a_question_about_own_eligibility_asks_to_apply(text, own, other):
    from veileder.asker import asks_other_about_applying, asks_to_apply

    assert asks_to_apply(text) is own
    assert asks_other_about_applying(text) is other


@pytest.mark.parametrize("text,expected", [
    ("Kan Statsforvalteren søke?", F.STATE_AGENCY),
    ("Kan et kommunalt foretak søke?", F.MUNICIPAL_ENTERPRISE),
    ("Gjelder dette et interkommunalt politisk råd?", F.INTERMUNICIPAL),
    ("Kan helseforetak søke?", F.HEALTH_TRUST),
    ("Er et helseforetak kvalifisert?", F.HEALTH_TRUST),
    ("Kan Lindesnes kommune søke?", F.MUNICIPALITY),
    ("Can Stavanger municipality apply?", F.MUNICIPALITY),
    ("Kan en bedrift være søker?", F.COMPANY),
    ("Kan vi søke?", None),  # the writer: the check
    ("Kan vi søke sammen med andre kommuner?", None),  # the writer, about collaboration
    ("Kan kommuner søke sammen?", None),  # about collaboration
    ("Hvem kan søke?", None),
    ("Hva med fylkeskommunale foretak, kan de søke?", F.MUNICIPAL_ENTERPRISE),
    ("What about health trusts, can they apply?", F.HEALTH_TRUST),
    ("Kan Helse Førde søkje?", F.HEALTH_TRUST),
    ("Kan Kartverket søkje på utlysinga?", F.STATE_AGENCY),
    ("Kan en privat høgskole søke?", F.FOUNDATION),
    # applying to take part is applying
    ("Kan Innlandet fylkeskommune søke om å være med på dette?", F.COUNTY),
    ("Kan kommunen søkje om å få vere med?", F.MUNICIPALITY),
    ("Can the county apply to take part?", F.COUNTY),
    ("Kan kommunen søke om penger til skole?", None),  # about a topic
])
def test_named_applicant(text, expected):
    from veileder.asker import named_applicant

    assert named_applicant(text) is expected


@pytest.mark.parametrize("text,name", [
    ("Kan Helse Bergen HF søke?", "Helse Bergen HF"),
    ("Kan Sykehuset Innlandet søke på dette?", "Sykehuset Innlandet"),
    ("Kan Stiftelsen Kirkens Bymisjon søke?", "Stiftelsen Kirkens Bymisjon"),
    ("kan vestre viken hf søke", None),  # lower-case "hf" is no form written as a name
    ("Kan Vestre Viken HF søke", "Vestre Viken HF"),
    ("Kan et helseforetak søke?", None),
    ("Kan helseforetak søke?", None),
    ("Kan en privat høgskole søke?", None),
    ("Kan vi søke?", None),
])
def test_named_body(text, name):
    from veileder.asker import named_body

    assert named_body(text) == name


@pytest.mark.parametrize("text,asks", [
    ("Kan vi søke om penger til velferdsteknologi?", "tema"),
    ("kan vi soke om klimaprosjekt?", "tema"),
    ("Kan vi søke på et kulturprosjekt?", "tema"),
    ("Kan vi søke på vegne av flere kommuner i regionen?", "samarbeid"),
    ("Kan vi søke sammen med nabokommunene?", "samarbeid"),
    ("Må vi søke alene?", "samarbeid"),
    ("Kan vi søke om utsatt frist?", None),
    ("Kan vi søke om midler?", None),
    ("Kan vi søke?", None),
    ("Kan vi søke hvis vi er et IKS?", None),
])
def test_what_a_question_about_applying_asks_instead(text, asks):
    from veileder.asker import applying_asks

    assert applying_asks(text) == asks


@pytest.mark.parametrize("text,classified,key,expected", [
    ("Hva må være med i skissen når vi søker?", "check_eligibility", "faq/hva_sendes_inn", "faq"),
    # what the announcement does not say: the FAQ action says so
    ("Hvem eier resultatene og rettighetene?", "out_of_scope", "faq/hvem_star_bak", "faq"),
    ("Kan midlene brukes til lønn til egne ansatte?", "nlu_fallback", "faq/belop", "faq"),
    # is the call open: the deadline's status
    ("Is the call still open?", "nlu_fallback", "faq/hvem_kan_soke", "ask_deadline"),
    ("Er utlysningen fortsatt åpen?", "faq", "faq/om_utlysningen", "ask_deadline"),
    ("Må vi søke alene?", "check_eligibility", "ukjent/soknadsprosess", "faq"),
    ("Me vil søkje om eit prosjekt innan helse, passar det?", "nlu_fallback",
     "faq/hva_sendes_inn", "faq"),
    ("Vi vurderer å søke – når var fristen?", "ukjent", "ukjent/behandling", "ask_deadline"),
    ("Når må skissa vere levert?", "ukjent", "ukjent/soknadsprosess", "ask_deadline"),
    ("Snakker jeg med et menneske nå?", "human_handoff", None, "bot_challenge"),
    ("Has the deadline already passed?", "out_of_scope", None, "ask_deadline"),
    ("Må man være omfattet av anskaffelsesregelverket for å kunne søke?", "check_eligibility",
     "faq/hvem_kan_soke", "faq"),
    ("Kan vi søkje om midlar frå Forskingsrådet i staden?", "check_eligibility",
     "faq/hvem_kan_soke", "faq"),
    ("Hva må være med i skissen når vi søker?", "ask_deadline", "faq/hva_sendes_inn", "faq"),
    ("Når må vi søke?", "ask_deadline", "faq/hva_sendes_inn", "ask_deadline"),
    ("Hva er fristen for å søke?", "ask_deadline", "faq/hva_sendes_inn", "ask_deadline"),
    ("Kan vi søke sammen med en leverandør vi kjenner?", "check_eligibility", "faq/samarbeid",
     "faq"),
    ("Kan vi søke sammen med en leverandør vi kjenner?", "faq", "faq/samarbeid", "faq"),
    ("Kan Statsforvalteren søke?", "out_of_scope", "faq/hvem_kan_soke", "faq"),
    ("Kan helseforetak søke?", "check_eligibility", "faq/hvem_kan_soke", "faq"),
    ("Vi er et helseforetak, kan vi søke?", "check_eligibility", None, "check_eligibility"),
    ("Kan vi søke?", "check_eligibility", None, "check_eligibility"),
    ("Start sjekken på nytt", "check_eligibility", None, "check_eligibility"),
    # a project that uses what exists: the FAQ answer about existing solutions
    ("Vi vil ta i bruk et system som flere kommuner allerede bruker. Passer det?", "ukjent",
     "ukjent/neste_runde", "faq"),
    ("We want an off-the-shelf app that other councils already use. Does that fit?",
     "out_of_scope", None, "faq"),
    ("Vi er Os kommune og vil kjøpe et system som finnes. Kan vi søke?", "check_eligibility",
     None, "check_eligibility"),
    # open to someone: who may apply
    ("Is it open for private persons also?", "ask_deadline", None, "faq"),
    ("Is it open for private persons also?", "faq", "faq/frist", "faq"),
    ("Is the call still open?", "ask_deadline", None, "ask_deadline"),
    # what an applicant must be: who may apply
    ("Må søkjaren vere omfatta av anskaffingsregelverket?", "check_eligibility",
     "faq/hvem_kan_soke", "faq"),
    ("Do we have to be covered by the public procurement rules to apply?", "ukjent",
     "ukjent/belop_per_prosjekt", "faq"),
    ("Vi er Os kommune. Må vi være omfattet av anskaffelsesregelverket?", "check_eligibility",
     None, "check_eligibility"),
])
def test_the_input_guard_answers_questions_that_are_not_a_check(text, classified, key, expected):
    from rasa.shared.nlu.training_data.message import Message

    from components.input_guard import InputGuard

    data = {"text": text, "intent": {"name": classified, "confidence": 0.6}}
    if key:
        data["response_selector"] = {"default": {"response": {"intent_response_key": key}}}
    (out,) = InputGuard().process([Message(data=data)])
    assert out.get("intent")["name"] == expected


def test_a_body_named_by_its_name_gets_the_check_at_once(domain):
    """"Kan Helse Bergen HF søke?": the check starts with the open questions, no detour."""
    messages, events = run(ActionAnswerFaq(), faq_tracker("Kan Helse Bergen HF søke?",
                                                          "faq/hvem_kan_soke"), domain)
    assert messages[0]["text"].startswith("Da regner jeg Helse Bergen HF som et helseforetak")
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert slots["elig_family"] == F.HEALTH_TRUST.value
    assert events[-1] == {"event": "followup", "name": "eligibility_form", "timestamp": None}


def test_a_kind_of_body_gets_what_it_depends_on(domain):
    messages, events = run(ActionAnswerFaq(), faq_tracker("Kan et helseforetak søke?",
                                                          "faq/hvem_kan_soke"), domain)
    assert messages[0]["text"].startswith("Det kommer an på.")
    assert messages[0]["buttons"] and without_feedback(events) == []


@pytest.mark.parametrize("text,key,answer", [
    ("Kan vi søke om penger til velferdsteknologi?", "faq/hvem_kan_soke", "utter_faq/tema"),
    ("Kan vi søke på vegne av flere kommuner i regionen?", "faq/hvem_kan_soke",
     "utter_faq/samarbeid"),
    ("Må vi søke alene?", "ukjent/soknadsprosess", "utter_faq/samarbeid"),
    ("Kan vi søke om penger til velferdsteknologi?", "faq/finnes_pa_markedet", "utter_faq/tema"),
    ("Do we need to work with businesses?", "faq/bedrift", "utter_faq/samarbeid"),
    ("Kan vi bruke pengene til å kjøpe inn velferdsteknologi som andre kommuner allerede "
     "bruker?", "faq/hva_sendes_inn", "utter_faq/finnes_pa_markedet"),
    ("hva slags gevinster ma behovet ha", "faq/gevinster", "utter_faq/gevinstpotensial"),
    ("Hva skal til for at prosjektet vårt blir valgt ut?", "ukjent/behandling",
     "utter_faq/kriterier"),
    ("Me vil søkje om eit prosjekt innan helse, passar det?", "faq/hva_sendes_inn",
     "utter_faq/tema"),
])
def test_a_question_about_applying_gets_the_answer_to_what_it_asks(domain, text, key, answer):
    messages, _ = run(ActionAnswerFaq(), faq_tracker(text, key), domain)
    assert messages[0]["response"] == answer


@pytest.mark.parametrize("text,key", [
    ("Hvem eier resultatene og rettighetene til løsningen?", "faq/hvem_star_bak"),
    ("Kan midlene brukes til lønn til egne ansatte?", "faq/gevinstpotensial"),
    ("Hvor mye av potten går til helseprosjekter?", "faq/belop"),
])
def test_what_the_announcement_does_not_say_is_never_a_neighbouring_fact(domain, text, key):
    messages, _ = run(ActionAnswerFaq(), faq_tracker(text, key), domain)
    assert len(messages) == 1 and messages[0].get("response") is None
    assert messages[0]["text"].startswith("Det står ikke i utlysningen")
    assert "https://www.innovasjonnorge.no" in messages[0]["text"]
