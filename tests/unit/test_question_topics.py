"""The one criterion a question names, and questions about whom to contact."""
import pytest

from veileder.question_topics import (
    asks_about_digital,
    asks_applicant_requirement,
    asks_who_only,
    asks_about_own_gain,
    asks_if_bot,
    bot_question_opening,
    asks_about_working_with_business,
    asks_what_it_takes,
    asks_for_the_deadline,
    asks_whom_to_contact,
    named_criterion,
)


@pytest.mark.parametrize("text,key", [
    ("Kva slags samarbeid ser dei etter?", "samarbeid"),
    ("Hva menes med forankring i toppledelsen?", "gjennomforingsevne"),
    ("Hva betyr verdiskapingspotensial for næringslivet?", "verdiskaping"),
    ("What do they mean by market potential?", "verdiskaping"),
    ("Hva er en samfunnsutfordring i denne sammenhengen?", "samfunnsutfordring"),
    ("Hva ser de etter?", None),
    ("Hva ser de etter når det gjelder samarbeid og marked?", None),  # two: the list
])
def test_named_criterion(text, key):
    assert named_criterion(text) == key


@pytest.mark.parametrize("text,expected", [
    ("Hvem kan vi ringe hvis vi vil søke?", True),
    ("Kven kan me kontakte?", True),
    ("Who can we contact about the call?", True),
    ("Hvor kan vi henvende oss med spørsmål?", True),
    ("Hvem kan søke?", False),
    ("Who can apply?", False),
    ("Hvem står bak utlysningen?", False),
])
def test_asks_whom_to_contact(text, expected):
    assert asks_whom_to_contact(text) is expected


@pytest.mark.parametrize("text,expected", [
    ("What's the deadline for this call?", True),
    ("When do applications close?", True),
    ("When must the sketch be submitted?", True),
    ("deadline?", True),
    ("Vi vurderer å søke – når var fristen?", True),
    ("hva er egentlig søknadsfristen?", True),
    ("Hvor lang tid har vi på oss til å få inn en skisse?", True),
    ("Når må skissa vere levert?", True),
    ("How long do we have to submit?", True),
    ("What was the submission date for the project outline?", True),
    ("What is the last date for submitting a sketch?", True),
    ("What is the submission format?", False),
    ("Hvor lang tid tar behandlingen?", False),
    ("Hva må være med i skissen før fristen?", False),
    ("What must the sketch contain?", False),
    ("Who can apply?", False),
    ("What is the call about?", False),
])
def test_asks_for_the_deadline(text, expected):
    assert asks_for_the_deadline(text) is expected


@pytest.mark.parametrize("text,expected", [
    ("Do we need to work with businesses?", True),
    ("Må vi samarbeide med næringslivet?", True),
    ("Skal me jobbe saman med bedrifter?", True),
    ("Kan bedrifter søke?", False),
    ("Vi er en bedrift, kan vi søke?", False),
])
def test_asks_about_working_with_business(text, expected):
    assert asks_about_working_with_business(text) is expected


@pytest.mark.parametrize("text,expected", [
    ("Hva skal til for at prosjektet vårt blir valgt ut?", True),
    ("Kva må til for å få pengar?", True),
    ("What does it take to get funded?", True),
    ("Hva er fristen?", False),
    ("Kva må til for at kommunen vår kan vere med?", False),  # who may apply
])
def test_asks_what_it_takes(text, expected):
    assert asks_what_it_takes(text) is expected


@pytest.mark.parametrize("text,expected", [
    ("hva slags gevinster ma behovet ha", True),
    ("Må vi vise at prosjektet gir gevinst for kommunen når vi søker?", True),
    ("Hva får det offentlige ut av innovasjonspartnerskap?", False),
])
def test_asks_about_own_gain(text, expected):
    assert asks_about_own_gain(text) is expected


@pytest.mark.parametrize("text,opening,asks", [
    ("Er du en bot?", "Ja.", True),
    ("Snakkar eg med eit menneske no?", "Nei.", True),
    ("Are you a real person?", "Nei.", True),
    ("Er dette en chatbot jeg skriver med?", "Ja.", True),
    ("Er du en robot eller et menneske?", None, True),
    ("Kan jeg snakke med et menneske?", None, False),  # asks for a person
    ("Hvem er du?", None, False),
])
def test_questions_whether_this_is_a_machine(text, opening, asks):
    assert bot_question_opening(text) == opening
    assert asks_if_bot(text) is asks


@pytest.mark.parametrize("text, expected", [
    ("Er det berre små distriktskommunar som kan søkje?", True),
    ("Is this only for small rural municipalities?", True),
    ("Gjelder ordningen bare de store byene?", True),
    ("Er det kun for statlige etater?", True),
    ("Må vi bare ha én partner?", False),
    ("Is it only 75 million?", False),
    ("Kan vi bare søke én gang?", False),
])
def test_asks_who_only(text, expected):
    assert asks_who_only(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("Må søkjaren vere omfatta av anskaffingsregelverket?", True),
    ("Do we have to be covered by the public procurement rules to apply?", True),
    ("Må søkeren være offentlig?", True),
    ("Must the applicant be a public body?", True),
    ("Må prosjektet være ferdig på ett år?", False),
    ("Må vi ha med bedrifter?", False),
])
def test_asks_applicant_requirement(text, expected):
    assert asks_applicant_requirement(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("Må løsningen være digital, eller kan det være noe annet?", True),
    ("Kan digital teknologi vere ein del av løysinga vår?", True),
    ("Is new technology a requirement?", True),
    ("Må løsningen være ny?", False),
])
def test_asks_about_digital(text, expected):
    assert asks_about_digital(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("Må vi ha med bedrifter i prosjektet, eller kan vi gjøre alt selv i kommunen?", True),
    ("Do we need to include companies in the project?", True),
    ("Må vi ha med en prosjektleder?", False),
])
def test_including_business_is_working_with_business(text, expected):
    from veileder.question_topics import asks_about_working_with_business
    assert asks_about_working_with_business(text) is expected
