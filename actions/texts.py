"""Short Norwegian labels for suggestions ("Mente du …?"): what each intent is about, and a
question that the NLU understands clearly when the user picks it. No facts of the call here."""

SUGGESTIONS = {
    "faq/om_utlysningen": ("Hva utlysningen er", "Hva er utlysningen?"),
    "faq/innovasjonspartnerskap": ("Hva et innovasjonspartnerskap er", "Hva er et innovasjonspartnerskap?"),
    "faq/belop": ("Hvor mye penger det er", "Hvor mye penger er det i utlysningen?"),
    "faq/formal": ("Målet med utlysningen", "Hva er målet med utlysningen?"),
    "faq/hvem_kan_soke": ("Hvem som kan søke", "Hvem kan søke?"),
    "faq/bedrift": ("Om bedrifter kan søke", "Kan bedrifter søke?"),
    "faq/privatperson": ("Om privatpersoner kan søke", "Kan privatpersoner søke?"),
    "faq/hva_sendes_inn": ("Hva som skal sendes inn", "Hva skal sendes inn?"),
    "faq/kriterier": ("Hva slags prosjekter det gjelder", "Hva slags prosjekter ser dere etter?"),
    "faq/samfunnsutfordring": ("Kriteriet om samfunnsutfordring", "Hva menes med et prosjekt som løser en samfunnsutfordring?"),
    "faq/gjennomforingsevne": ("Gjennomføringsevne og forankring", "Hva betyr gjennomføringsevne?"),
    "faq/verdiskaping": ("Verdiskaping for næringslivet", "Hva menes med verdiskapingspotensial for næringslivet?"),
    "faq/samarbeid": ("Samarbeid mellom virksomheter", "Kan flere kommuner samarbeide om et prosjekt?"),
    "faq/gevinstpotensial": ("Hva gevinstpotensial betyr", "Hva betyr gevinstpotensial?"),
    "faq/tema": ("Hvilke temaer som passer", "Hvilke temaer er aktuelle?"),
    "faq/finnes_pa_markedet": ("Hvis løsningen finnes fra før", "Hva om løsningen allerede finnes på markedet?"),
    "faq/gevinster": ("Hva det offentlige får ut av det", "Hva får det offentlige ut av innovasjonspartnerskap?"),
    "faq/hvem_star_bak": ("Hvem som står bak", "Hvem står bak utlysningen?"),
    "faq/les_mer": ("Hvor du kan lese mer", "Hvor kan jeg lese mer?"),
    "faq/kontakt": ("Hvem du kan kontakte", "Hvem kan jeg kontakte?"),
    "ukjent/belop_per_prosjekt": ("Hvor mye hvert prosjekt kan få", "Hvor mye kan hvert prosjekt få?"),
    "ukjent/neste_runde": ("Om det kommer nye runder", "Kommer det en ny utlysning?"),
    "ukjent/soknadsprosess": ("Hvordan man sender inn", "Hvordan sender vi inn skissen?"),
    "ukjent/behandling": ("Hvordan skissene vurderes", "Hvordan blir skissene vurdert?"),
    "ask_deadline": ("Fristen", "Når er fristen?"),
    "check_submission_time": ("Om dere rekker fristen", "Rekker vi fristen?"),
    "check_eligibility": ("Om dere kan søke", "Kan vi søke?"),
    "help": ("Hva jeg kan hjelpe med", "Hva kan du hjelpe med?"),
    "human_handoff": ("Å snakke med et menneske", "Jeg vil snakke med et menneske"),
}

# The fallback's own texts. Rasa's validator counts a response as unused unless a story or rule
# names it, and the two-stage fallback calls these without one, so they live here rather than
# as utter_ask_rephrase/utter_default in domain.yml (which `--fail-on-warnings` would reject).
ASK_REPHRASE = (
    "Beklager, det forstod jeg ikke helt. Kan du si det på en annen måte? "
    "Du kan også skrive «hjelp» for å se hva jeg kan svare på."
)
GIVE_UP = "Beklager, jeg klarer ikke å svare på dette. {contact_name} kan hjelpe deg videre: {contact_url}"
# "Mente du …?" names the likely topics in the text too: not every channel shows buttons.
DID_YOU_MEAN = "Jeg er ikke helt sikker på hva du mener. Mente du noe av dette?\n{topics}"
DID_YOU_MEAN_TAIL = "Velg et av forslagene, eller skriv spørsmålet på en annen måte."
SOMETHING_ELSE = "Noe annet"
# A case-by-case body named by its name ("Kan Helse Bergen HF søke?"): the check starts at once.
NAMED_CHECK = ("Da regner jeg {name} som {label}. Om {name} kan søke, avgjøres i hvert enkelt "
               "tilfelle. Jeg stiller noen korte spørsmål.")
