"""A yes/no question gets a yes or a no first (veileder.polarity)."""
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from veileder.call import load_call
from veileder.deadline_questions import asks_if_open, asks_who_it_is_open_to, is_deadline_claim
from veileder.polarity import (
    verdict_opening,
    is_yes_no_question,
    opening,
    prefix_answer,
)

CALL = load_call()
OSLO = ZoneInfo("Europe/Oslo")

CASES = [
    # (question, topic, opening)
    # what the criteria say: yes; what they do not say: no opening
    ("Må prosjektet være forankret i toppledelsen?", "faq/gjennomforingsevne", "Ja."),
    ("Må prosjektet vere forankra i toppleiinga?", "faq/gjennomforingsevne", "Ja."),
    ("Må kommunedirektøren stå bak prosjektet når vi søker?", "faq/gjennomforingsevne", "Ja."),
    ("Does the project need support from top management?", "faq/gjennomforingsevne", "Ja."),
    ("Må prosjektet gi økonomisk gevinst for kommunen?", "faq/gevinstpotensial", "Ja."),
    ("Er det viktig med et stort marked for løsningen?", "faq/verdiskaping", "Ja."),
    ("Må prosjektet være ferdig på ett år?", "faq/gjennomforingsevne", None),
    ("Må løsningen allerede finnes på markedet?", "faq/samfunnsutfordring", "Nei."),
    # the amount: "mill." does not end the sentence; another currency is not the call's
    ("Er det rett at det vart sett av 75 mill. til ordninga?", "faq/belop", "Ja."),
    ("Er det 75 mill. kr i potten?", "faq/belop", "Ja."),
    ("Is it 75 million euros?", "faq/belop", "Nei."),
    ("Er det 75 millioner dollar?", "faq/belop", "Nei."),
    # a short question after a statement about collaboration
    ("Vi er en kommune og et sykehus som vil samarbeide om et prosjekt på tvers av sektorer. "
     "Passer det inn?", "faq/samarbeid", "Ja."),
    ("Me er ein kommune som vil samarbeide med NAV og helseføretaket på tvers av sektorar. Er "
     "det ein fordel?", "faq/samarbeid", "Ja."),
    ("Vi må bruke egne penger. Passer det?", "faq/samarbeid", None),
    # a business may take part, "even if it cannot apply"
    ("Kan ei privat bedrift vere partnar i prosjektet sjølv om ho ikkje kan søkje?", "faq/bedrift",
     "Ja, som leverandør eller partner."),
    ("Can a private company take part as a partner even if it cannot apply?", "faq/bedrift",
     "Ja, som leverandør eller partner."),
    # … and a company the municipality owns is judged case by case
    ("Kan en bedrift søke selv om den er eid av kommunen?", "faq/bedrift", "Det kommer an på."),
    # a short question after a statement
    ("Vi vil søke om et prosjekt på klimatilpasning, er det innenfor?", "faq/tema", "Ja."),
    ("Me vil søkje om eit prosjekt innan helse, passar det?", "faq/tema", "Ja."),
    ("Vi vil søke om et mobilitetsprosjekt i distriktet – passer det?", "faq/tema", "Ja."),
    # in use elsewhere already
    ("Er det et krav at løsningen allerede er prøvd ut et annet sted?",
     "faq/finnes_pa_markedet", "Nei."),
    ("Kan me få pengar til å ta i bruk ei løysing som nabokommunen alt har?",
     "faq/finnes_pa_markedet", "Nei."),
    # the deadline by month and year
    ("Gjekk fristen ut i april 2020?", "frist", "Ja."),
    ("Gikk fristen ut i mai 2020?", "frist", "Nei."),
    # the amount: 75 millioner kroner
    ("Er potten på 100 millioner?", "faq/belop", "Nei."),
    # the partnership is with business; "only" restricts who may apply; the year announced
    ("Må vi samarbeide med næringslivet?", "faq/samarbeid", "Ja."),
    ("Må prosjektet ha med bedrifter?", "faq/samarbeid", "Ja."),
    ("Kan vi søke sammen med en leverandør vi kjenner?", "faq/samarbeid", None),
    ("Må vi samarbeide med andre kommuner?", "faq/samarbeid",
     "Nei, men prosjekter der flere samarbeider, er særlig aktuelle."),
    ("Er det bare kommuner som kan søke?", "faq/hvem_kan_soke", "Nei."),
    ("Er dette berre for kommunar i byane?", "faq/hvem_kan_soke", "Nei."),
    ("Kan kommuner søke?", "faq/hvem_kan_soke", "Ja."),
    ("Er utlysningen fra 2021?", "faq/om_utlysningen", "Nei."),
    ("Er utlysninga frå 2020?", "faq/om_utlysningen", "Ja."),
    ("Er utlysningen fra Innovasjon Norge?", "faq/om_utlysningen", None),
    # roles and contents the answer explains: no yes or no first
    ("Kan vi søke sammen med en leverandør vi kjenner?", "faq/bedrift", None),
    ("Må vi ha med budsjett i skissen?", "faq/hva_sendes_inn", None),
    ("Er det en skisse vi skal sende inn?", "faq/hva_sendes_inn", "Ja."),
    # the existing solution is stated before the question
    ("Vi vil kjøpe et system som finnes. Passer det?", "faq/finnes_pa_markedet", "Nei."),
    ("Me vil ta i bruk ei løysing som alt er i bruk hjå fleire kommunar. Passar det?",
     "faq/finnes_pa_markedet", "Nei."),
    # a restriction of the topics is wrong when every public topic counts
    ("Er det bare helseprosjekter som kan få penger?", "faq/tema", "Nei."),
    ("Er det berre digitale prosjekt som er aktuelle?", "faq/tema", "Nei."),
    ("Is it only for climate projects?", "faq/tema", "Nei."),
    # a claim wrapped in "stemmer det at": a true negative claim gets "Ja"
    ("Stemmer det at bedrifter ikke kan søke?", "faq/bedrift", "Ja."),
    ("Er det riktig at privatpersoner ikkje kan søkje?", "faq/privatperson", "Ja."),
    ("Is it true that companies cannot apply?", "faq/bedrift", "Ja."),
    ("Stemmer det at kommuner ikke kan søke?", "faq/hvem_kan_soke", "Nei."),
    ("Er det 75 mill?", "faq/belop", "Ja."),
    ("75 millioner?", "faq/belop", "Ja."),
    ("Er potten på 75 000 000 kr?", "faq/belop", "Ja."),
    ("er potten 75.000.000", "faq/belop", "Ja."),
    ("Is the budget 75 million?", "faq/belop", "Ja."),
    ("Er det over 50 millioner?", "faq/belop", "Ja."),
    ("Er det mer enn 100 mill i potten?", "faq/belop", "Nei."),
    ("Er det under 80 mnok?", "faq/belop", "Ja."),
    ("Stemmer det at det er 50 millioner?", "faq/belop", "Nei."),
    ("Er rammen på hundre millioner?", "faq/belop", "Nei."),
    ("Er det 75 millioner per prosjekt?", "faq/belop",
     "Nei, 75 millioner kroner er rammen til sammen."),
    ("Kan hvert prosjekt få 2 millioner?", "faq/belop", None),
    ("Hvor mye penger er det?", "faq/belop", None),
    ("How much money is there?", "faq/belop", None),
    ("Kor mykje pengar er det i potten?", "faq/belop", None),
    ("Er det mye penger?", "faq/belop", None),
    # the deadline: torsdag 16. april 2020 kl. 17.00
    ("Er fristen i mai?", "ask_deadline", "Nei."),
    ("Er fristen 16. april?", "ask_deadline", "Ja."),
    ("Er fristen 16. april kl 12?", "ask_deadline", "Nei."),
    ("Er fristen 16.4.2020 kl. 17.00?", "ask_deadline", "Ja."),
    ("Er fristen 15. april?", "ask_deadline", "Nei."),
    ("Er fristen på en fredag?", "ask_deadline", "Nei."),
    ("Er fristen torsdag?", "ask_deadline", "Ja."),
    ("Er fristen kl 17?", "ask_deadline", "Ja."),
    ("Er fristen klokka 12?", "ask_deadline", "Nei."),
    ("Is the deadline in April?", "ask_deadline", "Ja."),
    ("is the deadline april 20th?", "ask_deadline", "Nei."),
    ("Er fristen i 2021?", "ask_deadline", "Nei."),
    ("Er ikke fristen 16. april?", "ask_deadline", "Jo."),
    ("Er fristen før 20. april?", "ask_deadline", "Ja."),
    ("Er fristen etter 1. mai?", "ask_deadline", "Nei."),
    ("Lurer på om fristen er 16. april", "ask_deadline", "Ja."),
    ("Er frista i april?", "frist", "Ja."),
    ("Er fristen i morgen?", "ask_deadline", None),
    ("Når er fristen?", "ask_deadline", None),
    ("Kva er fristen?", "ask_deadline", None),
    ("Kan du si hva fristen er?", "ask_deadline", None),
    ("When is the deadline?", "ask_deadline", None),
    ("Er fristen ute?", "ask_deadline", None),  # needs the clock
    # who may apply
    ("Kan private foretak søke?", "faq/bedrift", "Nei."),
    ("Kan bedrifter søke?", "faq/bedrift", "Nei."),
    ("Can companies apply?", "faq/bedrift", "Nei."),
    ("Kan et AS søke?", "faq/bedrift", "Nei."),
    ("Kan ikke bedrifter søke?", "faq/bedrift", "Nei."),
    ("Kan bedrifter være med?", "faq/bedrift", "Ja, som leverandør eller partner."),
    ("Kan jeg som privatperson søke?", "faq/privatperson", "Nei."),
    ("Kan kommuner søke?", "faq/hvem_kan_soke", "Ja."),
    ("Gjeld dette fylkeskommunar òg?", "faq/hvem_kan_soke", "Ja."),
    ("Does this apply to municipalities?", "faq/hvem_kan_soke", "Ja."),
    ("Kan statlige etater søke?", "faq/hvem_kan_soke", "Ja."),
    ("Kan vi som stiftelse søke?", "faq/hvem_kan_soke", "Det kommer an på."),
    ("Kan helseforetak søke?", "faq/hvem_kan_soke", "Det kommer an på."),
    ("Må søkeren være offentlig?", "faq/hvem_kan_soke", "Ja."),
    ("Hvem kan søke?", "faq/hvem_kan_soke", None),
    ("Kven kan søkje?", "faq/hvem_kan_soke", None),
    # topics
    ("Er klima et aktuelt tema?", "faq/tema", "Ja."),
    ("Er helse aktuelt?", "faq/tema", "Ja."),
    ("Is climate a relevant topic?", "faq/tema", "Ja."),
    ("Er det greit å søke om mobilitet?", "faq/tema", "Ja."),
    ("Kan vi søke om noe innen skole?", "faq/tema", "Ja."),
    ("Må prosjektet handle om klima?", "faq/tema", "Nei."),
    ("Hvilke temaer er aktuelle?", "faq/tema", None),
    # a solution on the market
    ("Må løsningen være ny for markedet?", "faq/finnes_pa_markedet", "Ja."),
    ("Må det være noe helt nytt?", "faq/finnes_pa_markedet", "Ja."),
    ("Kan vi kjøpe en løsning som finnes?", "faq/finnes_pa_markedet", "Nei."),
    ("kan vi kjope hyllevare", "faq/finnes_pa_markedet", "Nei."),
    ("Can we buy an off-the-shelf product?", "faq/finnes_pa_markedet", "Nei."),
    ("Må løsninga vere ny?", "faq/finnes_pa_markedet", "Ja."),
    ("Hva om løsningen finnes?", "faq/finnes_pa_markedet", None),
    ("Går det an å søke om å videreutvikle en eksisterende løsning?", "faq/finnes_pa_markedet",
     None),
    ("Kan me kjøpe noko som alt finst?", "faq/finnes_pa_markedet", "Nei."),
    ("Does the solution have to be new?", "faq/finnes_pa_markedet", "Ja."),
    ("e det 75 mill?", "faq/belop", "Ja."),
    ("is the pot 100 million kroner?", "faq/belop", "Nei."),
    ("Er søknadsfristen 1. mars?", "ask_deadline", "Nei."),
    ("Er fristen 16.04.2020?", "ask_deadline", "Ja."),
    ("Kan eit enkeltpersonføretak søkje?", "faq/bedrift", "Nei."),
    ("Er det et krav om samarbeid?", "faq/samarbeid",
     "Nei, men prosjekter der flere samarbeider, er særlig aktuelle."),
    ("Er målet å utvikle nye løsninger?", "faq/formal", "Ja."),
    # collaboration, what to send, who is behind it, contact, more
    ("Må vi samarbeide med andre kommuner?", "faq/samarbeid",
     "Nei, men prosjekter der flere samarbeider, er særlig aktuelle."),
    ("Kan flere kommuner søke sammen?", "faq/samarbeid", "Ja."),
    ("Skal vi sende inn en skisse?", "faq/hva_sendes_inn", "Ja."),
    ("Må vi sende en full søknad?", "faq/hva_sendes_inn", "Nei."),
    ("Er det Innovasjon Norge som står bak?", "faq/hvem_star_bak", "Ja."),
    ("Er det Forskningsrådet som står bak?", "faq/hvem_star_bak", "Nei."),
    ("Har dere et telefonnummer?", "faq/kontakt", "Nei."),
    ("Kan jeg kontakte Innovasjon Norge?", "faq/kontakt", "Ja."),
    ("Finnes det en lenke til utlysningen?", "faq/les_mer", "Ja."),
    ("Er gevinstpotensial viktig?", "faq/gevinstpotensial", "Ja."),  # the criteria say so
    # topics without a yes/no rule, and no question at all
    ("Er det 75 mill?", None, None),
    ("", "faq/belop", None),
    ("hei", "faq/belop", None),
]


@pytest.mark.parametrize("question,topic,expected", CASES)
def test_opening(question, topic, expected):
    assert opening(question, topic, CALL) == expected


def test_at_least_60_rows():
    assert len(CASES) >= 60


@pytest.mark.parametrize("question,now,expected", [
    ("Er fristen ute?", datetime(2020, 5, 1, tzinfo=OSLO), "Ja."),
    ("Er fristen ute?", datetime(2020, 3, 1, tzinfo=OSLO), "Nei."),
    ("Er det for sent å søke?", datetime(2020, 4, 16, 17, 1, tzinfo=OSLO), "Ja."),
    ("Is it still open?", datetime(2020, 4, 1, tzinfo=OSLO), "Ja."),
    ("Er fristen i morgen?", datetime(2020, 4, 15, 9, tzinfo=OSLO), "Ja."),
    ("Er fristen i dag?", datetime(2020, 4, 15, 9, tzinfo=OSLO), "Nei."),
    ("Kan vi fortsatt søke?", datetime(2020, 4, 15, 9, tzinfo=OSLO), "Ja."),
    ("kan me framleis søkje?", datetime(2020, 6, 1, tzinfo=OSLO), "Nei."),
    ("Er fristen gått ut?", datetime(2020, 4, 16, 16, 59, tzinfo=OSLO), "Nei."),
    # "før fristen går ut" says when, not that it has passed: the question is "in time?"
    ("Rekker vi å sende skisse før fristen går ut?", datetime(2020, 6, 1, tzinfo=OSLO), "Nei."),
    ("Rekk me å sende skisse før fristen går ut?", datetime(2020, 4, 1, tzinfo=OSLO), "Ja."),
    ("Can we still submit before the deadline?", datetime(2026, 12, 2, tzinfo=OSLO), "Nei."),
    ("Will we make it before the deadline closes?", datetime(2020, 4, 1, tzinfo=OSLO), "Ja."),
    ("Har fristen gått ut?", datetime(2026, 12, 2, tzinfo=OSLO), "Ja."),
])
def test_deadline_with_the_clock(question, now, expected):
    assert opening(question, "ask_deadline", CALL, now=now) == expected


YES_NO = [
    ("Er potten på 100 millioner?", True), ("Må løsningen være ny?", True),
    ("Kan private foretak søke?", True), ("Gjeld dette oss?", True), ("Is it open?", True),
    ("Can we apply?", True), ("Does this apply to us?", True), ("Hei! Er fristen i mai?", True),
    ("Stemmer det at fristen er 16. april?", True), ("fristen er 16. april, ikke sant?", True),
    ("Vet du om fristen er i april?", True), ("75 mill?", True),
    ("Hva er fristen?", False), ("Kva er fristen?", False), ("Når er fristen?", False),
    ("How much money is there?", False), ("Hvor mye kan vi få?", False),
    ("Kan du fortelle hva utlysningen er?", False), ("Vi er en kommune.", False),
    ("Hvem står bak? Er det Innovasjon Norge?", False), ("", False),
]


@pytest.mark.parametrize("text,expected", YES_NO)
def test_is_yes_no_question(text, expected):
    assert is_yes_no_question(text) is expected


@pytest.mark.parametrize("opening_,answer,expected", [
    ("Nei.", "Det er 75 millioner kroner.", "Nei. Det er 75 millioner kroner."),
    ("Nei.", "Nei. Bedrifter kan ikke søke.", "Nei. Bedrifter kan ikke søke."),
    ("Ja, som leverandør eller partner.", "Nei. Bedrifter kan ikke søke.",
     "Ja, som leverandør eller partner. Bedrifter kan ikke søke."),
    (None, "Det er 75 millioner kroner.", "Det er 75 millioner kroner."),
    ("Jo.", "Fristen er 16. april.", "Jo. Fristen er 16. april."),
])
def test_prefix_answer(opening_, answer, expected):
    assert prefix_answer(opening_, answer) == expected


@pytest.mark.parametrize("text, expected", [
    ("Er fristen 16. april?", True),
    ("Var fristen 16. mars?", True),
    ("Var fristen klokka 12?", True),
    ("Is the deadline in April?", True),
    ("Er ikke søknadsfristen i mai?", True),
    ("Rekker vi det hvis vi sender 16. april kl 16?", False),
    ("Når er fristen?", False),
    ("Kan vi sende inn 17. april?", False),
])
def test_is_deadline_claim(text, expected):
    """A yes/no question about the deadline's value is answered as the deadline, not as a
    planned submission."""
    assert is_deadline_claim(text) is expected


@pytest.mark.parametrize("text,expected", [
    ("Is the call still open?", True),
    ("Er utlysningen fortsatt åpen?", True),
    ("Er det åpent for søknader nå?", True),
    ("Er utlysinga stengt?", True),
    ("Har fristen gått ut?", True),
    ("Er klima et åpent tema?", False),
    ("Kan vi søke på et prosjekt om åpne data?", False),
    ("Hvem kan søke?", False),
    # still sending: whether it has passed
    ("Can we still submit a sketch?", True),
    ("Can we still submit a sketch for the innovation partnership call?", True),
    ("Kan me framleis sende inn skisse?", True),
    ("Kan vi fortsatt søke?", True),
    ("Can we still work with companies?", False),
    ("Hvordan sender vi skissen?", False),
    # applying now, in time
    ("Kan me søkje no i desember?", True),
    ("Kan vi sende skissa no i desember?", True),
    ("Can we apply now?", True),
    ("Rekker vi å søke før jul?", True),
    ("Kan vi søke om penger nå?", False),
    ("Hvordan søker vi nå?", False),
    # open to someone: who may apply
    ("Is it open for private persons also?", False),
    ("Er utlysinga open for stiftingar?", False),
])
def test_asks_if_open(text, expected):
    assert asks_if_open(text) is expected


@pytest.mark.parametrize("question, outcome, expected", [
    ("Kan kommunen vår søke?", "eligible", "Ja."),
    ("Kan me søkje som statleg etat?", "eligible", "Ja."),
    ("Can our municipality apply?", "eligible", "Ja."),
    ("Are we eligible?", "eligible", "Ja."),
    ("Me er eit direktorat. Kan me vere søkjar?", "eligible", "Ja."),
    ("Kan ikke fylkeskommunen søke?", "eligible", "Jo."),
    ("Kan jeg søke som privatperson?", "not_eligible", "Nei."),
    ("Can a private company apply?", "not_eligible", "Nei."),
    ("Kan ikke vi som AS søke?", "not_eligible", "Nei."),
    # no yes or no where the rules cannot decide, nor to a statement or an answer
    ("Kan stiftelsen vår søke?", "uncertain", None),
    ("Vi er en kommune.", "eligible", None),
    ("ja", "eligible", None),
    ("vet ikke", "not_eligible", None),
    ("Hvem kan søke?", "eligible", None),
    (None, "eligible", None),
])
def test_verdict_opening(question, outcome, expected):
    assert verdict_opening(question, outcome) == expected


@pytest.mark.parametrize("text, expected", [
    ("Is it open for private persons also?", True),
    ("Er utlysinga open for stiftingar?", True),
    ("Is the call still open?", False),
    ("Er det åpent for søknader nå?", False),
])
def test_asks_who_it_is_open_to(text, expected):
    assert asks_who_it_is_open_to(text) is expected
