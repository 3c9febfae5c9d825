"""Texts the dialogue actions write, in bokmål, nynorsk and English (``veileder.i18n.Tekst``).

``SUGGESTIONS`` are the labels for "Mente du …?": what each intent is about, and a question that
the NLU understands clearly when the user picks it. The question is sent as the user's message,
so it is written in the user's own standard too: a bokmål question would switch a nynorsk or
English conversation to bokmål (``components/language.py``). No facts of the call here."""
from __future__ import annotations

from typing import Dict, Tuple

from veileder.i18n import LocalText
from veileder.i18n import Tekst


def _pair(nb: Tuple[str, str], nn: Tuple[str, str], en: Tuple[str, str]) -> Tuple[Tekst, Tekst]:
    """(label, question) from the three standards' (label, question)."""
    return (Tekst(nb=nb[0], nn=nn[0], en=en[0]), Tekst(nb=nb[1], nn=nn[1], en=en[1]))


#: intent (or retrieval key) -> (label, question); call them with the language
SUGGESTIONS: Dict[str, Tuple[Tekst, Tekst]] = {
    "faq/om_utlysningen": _pair(
        ("Hva utlysningen er", "Hva er utlysningen?"),
        ("Kva utlysinga er", "Kva er utlysinga?"),
        ("What the call is", "What is the call about?")),
    "faq/innovasjonspartnerskap": _pair(
        ("Hva et innovasjonspartnerskap er", "Hva er et innovasjonspartnerskap?"),
        ("Kva eit innovasjonspartnerskap er", "Kva er eit innovasjonspartnerskap?"),
        ("What an innovation partnership is", "What is an innovation partnership?")),
    "faq/belop": _pair(
        ("Hvor mye penger det er", "Hvor mye penger er det i utlysningen?"),
        ("Kor mykje pengar det er", "Kor mykje pengar er det i utlysinga?"),
        ("How much money there is", "How much money is there in the call?")),
    "faq/formal": _pair(
        ("Målet med utlysningen", "Hva er målet med utlysningen?"),
        ("Målet med utlysinga", "Kva er målet med utlysinga?"),
        ("The aim of the call", "What is the aim of the call?")),
    "faq/hvem_kan_soke": _pair(
        ("Hvem som kan søke", "Hvem kan søke?"),
        ("Kven som kan søkje", "Kven kan søkje?"),
        ("Who can apply", "Who can apply?")),
    "faq/bedrift": _pair(
        ("Om bedrifter kan søke", "Kan bedrifter søke?"),
        ("Om bedrifter kan søkje", "Kan bedrifter søkje?"),
        ("Whether companies can apply", "Can companies apply?")),
    "faq/privatperson": _pair(
        ("Om privatpersoner kan søke", "Kan privatpersoner søke?"),
        ("Om privatpersonar kan søkje", "Kan privatpersonar søkje?"),
        ("Whether private individuals can apply", "Can private individuals apply?")),
    "faq/hva_sendes_inn": _pair(
        ("Hva som skal sendes inn", "Hva skal sendes inn?"),
        ("Kva som skal sendast inn", "Kva skal sendast inn?"),
        ("What to submit", "What should we submit?")),
    "faq/kriterier": _pair(
        ("Hva slags prosjekter det gjelder", "Hva slags prosjekter ser dere etter?"),
        ("Kva slags prosjekt det gjeld", "Kva slags prosjekt ser de etter?"),
        ("What kind of projects it is for", "What kind of projects are you looking for?")),
    "faq/samfunnsutfordring": _pair(
        ("Kriteriet om samfunnsutfordring",
         "Hva menes med et prosjekt som løser en samfunnsutfordring?"),
        ("Kriteriet om samfunnsutfordring",
         "Kva meiner de med eit prosjekt som løyser ei samfunnsutfordring?"),
        ("The criterion about a societal challenge",
         "What is meant by a project that solves a societal challenge?")),
    "faq/gjennomforingsevne": _pair(
        ("Gjennomføringsevne og forankring", "Hva betyr gjennomføringsevne?"),
        ("Gjennomføringsevne og forankring", "Kva betyr gjennomføringsevne?"),
        ("Ability to carry out the project, and backing",
         "What is meant by the ability to carry out the project?")),
    "faq/verdiskaping": _pair(
        ("Verdiskaping for næringslivet",
         "Hva menes med verdiskapingspotensial for næringslivet?"),
        ("Verdiskaping for næringslivet",
         "Kva betyr verdiskapingspotensial for næringslivet?"),
        ("Value creation for business",
         "What is meant by potential for value creation for business?")),
    "faq/samarbeid": _pair(
        ("Samarbeid mellom virksomheter", "Kan flere kommuner samarbeide om et prosjekt?"),
        ("Samarbeid mellom verksemder", "Kan fleire kommunar samarbeide om eit prosjekt?"),
        ("Cooperation between organisations",
         "Can several municipalities work together on a project?")),
    "faq/gevinstpotensial": _pair(
        ("Hva gevinstpotensial betyr", "Hva betyr gevinstpotensial?"),
        ("Kva gevinstpotensial betyr", "Kva betyr gevinstpotensial?"),
        ("What potential for gains means", "What does potential for gains mean?")),
    "faq/tema": _pair(
        ("Hvilke temaer som passer", "Hvilke temaer er aktuelle?"),
        ("Kva tema som passar", "Kva tema er aktuelle?"),
        ("Which topics fit", "Which topics can the project be about?")),
    "faq/finnes_pa_markedet": _pair(
        ("Hvis løsningen finnes fra før", "Hva om løsningen allerede finnes på markedet?"),
        ("Om løysinga finst frå før", "Kva om løysinga allereie finst på marknaden?"),
        ("If the solution already exists",
         "What if the solution is already on the market?")),
    "faq/gevinster": _pair(
        ("Hva det offentlige får ut av det",
         "Hva får det offentlige ut av innovasjonspartnerskap?"),
        ("Kva det offentlege får ut av det",
         "Kva får det offentlege ut av innovasjonspartnerskap?"),
        ("What the public sector gets out of it",
         "What does the public sector get out of innovation partnerships?")),
    "faq/hvem_star_bak": _pair(
        ("Hvem som står bak", "Hvem står bak utlysningen?"),
        ("Kven som står bak", "Kven står bak utlysinga?"),
        ("Who is behind it", "Who is behind the call?")),
    "faq/les_mer": _pair(
        ("Hvor du kan lese mer", "Hvor kan jeg lese mer?"),
        ("Kvar du kan lese meir", "Kvar kan eg lese meir?"),
        ("Where to read more", "Where can I read more about the call?")),
    "faq/kontakt": _pair(
        ("Hvem du kan kontakte", "Hvem kan jeg kontakte?"),
        ("Kven du kan kontakte", "Kven kan eg kontakte?"),
        ("Whom to contact", "Who can I contact?")),
    "ukjent/belop_per_prosjekt": _pair(
        ("Hvor mye hvert prosjekt kan få", "Hvor mye kan hvert prosjekt få?"),
        ("Kor mykje kvart prosjekt kan få", "Kor mykje kan kvart prosjekt få?"),
        ("How much each project can get", "How much can each project get?")),
    "ukjent/neste_runde": _pair(
        ("Om det kommer nye runder", "Kommer det en ny utlysning?"),
        ("Om det kjem nye rundar", "Kjem det ei ny utlysing?"),
        ("Whether there will be new rounds", "Will there be a new call?")),
    "ukjent/soknadsprosess": _pair(
        ("Hvordan man sender inn", "Hvordan sender vi inn skissen?"),
        ("Korleis ein sender inn", "Korleis sender vi inn skissa?"),
        ("How to submit", "How do we submit the sketch?")),
    "ukjent/behandling": _pair(
        ("Hvordan skissene vurderes", "Hvordan blir skissene vurdert?"),
        ("Korleis skissene blir vurderte", "Korleis blir skissene vurderte?"),
        ("How the sketches are assessed", "How will the sketches be assessed?")),
    "ask_deadline": _pair(
        ("Fristen", "Når er fristen?"),
        ("Fristen", "Når er fristen?"),
        ("The deadline", "When is the deadline?")),
    "check_submission_time": _pair(
        ("Om dere rekker fristen", "Rekker vi fristen?"),
        ("Om de rekk fristen", "Rekk vi fristen?"),
        ("Whether you will make the deadline", "Are we in time for the deadline?")),
    "check_eligibility": _pair(
        ("Om dere kan søke", "Kan vi søke?"),
        ("Om de kan søkje", "Kan vi søkje?"),
        ("Whether you can apply", "Can we apply?")),
    "help": _pair(
        ("Hva jeg kan hjelpe med", "Hva kan du hjelpe med?"),
        ("Kva eg kan hjelpe med", "Kva kan du hjelpe med?"),
        ("What I can help with", "What can you help with?")),
    "human_handoff": _pair(
        ("Å snakke med et menneske", "Jeg vil snakke med et menneske"),
        ("Å snakke med eit menneske", "Eg vil snakke med eit menneske"),
        ("Talking to a person", "I want to talk to a person")),
}

# The fallback's own texts. Rasa's validator counts a response as unused unless a story or rule
# names it, and the two-stage fallback calls these without one, so they live here rather than
# as utter_ask_rephrase/utter_default in domain.yml (which `--fail-on-warnings` would reject).
ASK_REPHRASE = LocalText(
    nb="Beklager, det forstod jeg ikke helt. Kan du si det på en annen måte? "
       "Du kan også skrive «hjelp» for å se hva jeg kan svare på.",
    nn="Orsak, det forstod eg ikkje heilt. Kan du seie det på ein annan måte? "
       "Du kan òg skrive «hjelp» for å sjå kva eg kan svare på.",
    en="Sorry, I did not quite understand that. Could you put it another way? "
       "You can also write «help» to see what I can answer.")
GIVE_UP = LocalText(
    nb="Beklager, jeg klarer ikke å svare på dette. {contact_name} kan hjelpe deg videre: "
       "{contact_url}",
    nn="Orsak, eg klarer ikkje å svare på dette. {contact_name} kan hjelpe deg vidare: "
       "{contact_url}",
    en="Sorry, I cannot answer this. {contact_name} can help you further: {contact_url}")
# "Mente du …?" names the likely topics in the text too: not every channel shows buttons.
DID_YOU_MEAN = LocalText(
    nb="Jeg er ikke helt sikker på hva du mener. Mente du noe av dette?\n{topics}",
    nn="Eg er ikkje heilt sikker på kva du meiner. Meinte du noko av dette?\n{topics}",
    en="I am not quite sure what you mean. Did you mean one of these?\n{topics}")
DID_YOU_MEAN_TAIL = LocalText(
    nb="Velg et av forslagene, eller skriv spørsmålet på en annen måte.",
    nn="Vel eitt av forslaga, eller skriv spørsmålet på ein annan måte.",
    en="Choose one of the suggestions, or write your question another way.")
SOMETHING_ELSE = LocalText(nb="Noe annet", nn="Noko anna", en="Something else")
# A case-by-case body named by its name ("Kan Helse Bergen HF søke?"): the check starts at once.
NAMED_CHECK = LocalText(
    nb="Da regner jeg {name} som {label}. Om {name} kan søke, avgjøres i hvert enkelt tilfelle: "
       "det avhenger av om virksomheten omfattes av reglene for offentlige anskaffelser og i "
       "hovedsak er offentlig finansiert. Jeg stiller noen korte spørsmål.",
    nn="Då reknar eg {name} som {label}. Om {name} kan søkje, blir avgjort i kvart einskilt "
       "tilfelle: det avheng av om verksemda er omfatta av reglane for offentlege innkjøp og i "
       "hovudsak er offentleg finansiert. Eg stiller nokre korte spørsmål.",
    en="Then I take {name} to be {label}. Whether {name} can apply is decided case by case: it "
       "depends on whether the organisation is covered by the public procurement rules and "
       "mainly publicly funded. I will ask a few short questions.")
# The button under "what it depends on" for a case-by-case kind of body (actions/faq.py).
CHECK_TITLE = Tekst(nb="Sjekk om dere kan søke", nn="Sjekk om de kan søkje",
                    en="Check whether you can apply")
CHECK_QUESTION = Tekst(nb="Vi er {label}, kan vi søke?", nn="Me er {label}, kan me søkje?",
                       en="We are {label}, can we apply?")
