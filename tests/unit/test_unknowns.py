"""What the announcement does not say is recognised, and nothing it does say (veileder.unknowns)."""
import pytest

from veileder.unknowns import unknown_answer, unknown_topic

SILENT = [
    ("Kan vi søkje om midlar frå Forskingsrådet i staden?", "andre_ordninger"),
    ("Har dere andre tilskudd til bedrifter, for eksempel oppstartstilskudd?", "andre_ordninger"),
    ("Are there other grants we could apply for?", "andre_ordninger"),
    ("How long does it take to get a decision?", "behandling"),
    ("Når får vi svar på skissen?", "behandling"),
    ("Hvor lenge tar det før vi får svar?", "behandling"),
    ("Kor lang tid tek behandlinga?", "behandling"),
    ("Hvilke krav er det til rapportering underveis i prosjektet?", "rapportering"),
    ("Må vi levere sluttrapport?", "rapportering"),
    ("What are the reporting requirements?", "rapportering"),
    ("Hvem eier resultatene og rettighetene til løsningen som utvikles?", "eierskap"),
    ("Kven eig rettane til løysinga som blir utvikla?", "eierskap"),
    ("Who owns the intellectual property?", "eierskap"),
    ("Kan leverandørene få dekket kostnadene sine?", "kostnader"),
    ("Kan midlene brukes til lønn til egne ansatte?", "kostnader"),
    ("Dekker tilskuddet timer for prosjektlederen?", "kostnader"),
    ("kan vi bruke pengene til a kjope utstyr", "kostnader"),
    ("Can the grant cover staff costs?", "kostnader"),
    ("Hvilke prosjekter fikk penger til slutt?", "tildelt"),
    ("Which municipalities were awarded funding?", "tildelt"),
    ("Hvor mye av potten går til helseprosjekter?", "fordeling"),
    ("Kor mykje av pengane går til klimaprosjekt?", "fordeling"),
    ("Kan én kommune sende inn flere skisser?", "flere_skisser"),
    ("Kan me sende inn to skisser?", "flere_skisser"),
    ("Can one municipality submit several applications?", "flere_skisser"),
    ("Kreves det egenandel?", "egenandel"),
    ("Do we need co-financing?", "egenandel"),
    ("Kan vi skrive skissen på engelsk?", "sprak"),
    ("Hvor mange sider kan skissen være?", "omfang"),
    ("Hvor lenge kan prosjektet vare?", "varighet"),
]

ANSWERED_OR_OTHER = [
    "Hvor mye penger er det i potten?",
    "Hvor mye kan hvert prosjekt få?",
    "Når er fristen?",
    "Hvor lang tid har vi på oss til å få inn en skisse?",
    "Hvem står bak utlysningen?",
    "Hvem kan søke?",
    "Kan vi søke?",
    "Vi er et AS som kommunen eier. Kan vi søke?",
    "Hva må være med i skissen?",
    "Må prosjektet være forankret i toppledelsen?",
    "Hva kan pengene brukes til?",
    "Kan du svare på nynorsk?",
    "We want to send our application, where do we submit it?",
    "Hvor lenge er utlysningen åpen?",
    "Er klima et aktuelt tema?",
    "hvem vant eliteserien i fjor",
    "Kan vi søke om midler fra Innovasjon Norge?",
    "",
]


@pytest.mark.parametrize("text,topic", SILENT)
def test_a_question_the_announcement_is_silent_on(text, topic):
    found = unknown_topic(text)
    assert found is not None and found.id == topic


@pytest.mark.parametrize("text", ANSWERED_OR_OTHER)
def test_a_question_the_announcement_answers_or_another_question(text):
    assert unknown_topic(text) is None


def test_the_answer_says_that_the_announcement_does_not_say_it_and_who_can():
    text = unknown_answer(unknown_topic("Hvem eier resultatene?"), "Innovasjon Norge",
                          "https://www.innovasjonnorge.no")
    assert text.startswith("Det står ikke i utlysningen hvem som eier resultatene")
    assert "Innovasjon Norge kan svare på det: https://www.innovasjonnorge.no" in text
