"""The Norwegian wording of the eligibility check: questions, what to settle with Innovasjon Norge,
the verdict's openings, the names of the families, and the sentences for each rule's facts.

The rules (``veileder.eligibility.rules``) pick the sentences; the call's own facts (who may
apply, the criteria names, the contact) come from the call file, not from here.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Dict, Tuple

from veileder.eligibility.families import OrgFamily

if TYPE_CHECKING:  # pragma: no cover
    from veileder.call import Call

#: The Norwegian question the form asks for each field.
QUESTIONS: Dict[str, str] = {
    "family": "Hva slags virksomhet er dere? Skriv for eksempel kommune, etat, helseforetak, "
              "stiftelse eller AS. Du kan også skrive organisasjonsnummeret.",
    "publicly_funded": "Er virksomheten i hovedsak finansiert med offentlige midler?",
    "public_tasks": "Forvalter virksomheten offentlige oppgaver?",
    "covered_by_procurement": "Må virksomheten følge reglene for offentlige anskaffelser "
                              "når den kjøper inn?",
    "general_interest": "Ble virksomheten opprettet for å dekke behov i allmennhetens interesse, "
                        "og ikke for å drive industri eller forretning?",
    "separate_legal_person": "Er virksomheten et eget rettssubjekt, altså en egen juridisk "
                             "person?",
    "public_control": "Er virksomheten nært knyttet til det offentlige? Det vil si at det "
                      "offentlige finansierer det meste, har kontroll med driften eller "
                      "oppnevner mer enn halvparten av styret.",
    "challenge": "Skal prosjektet løse en stor samfunnsutfordring som berører flere, og som "
                 "kan gi gevinst for brukere, ansatte og virksomheten?",
    "no_market_solution": "Stemmer det at ingen løsning på markedet i dag kan dekke behovet?",
    "top_management": "Er prosjektet forankret i toppledelsen, med en tydelig ambisjon om å "
                      "investere i eller kjøpe en ny løsning?",
    "market_potential": "Kan løsningen få et stort marked, i Norge og i andre land?",
    "collaboration": "Samarbeider dere med andre offentlige virksomheter om utfordringen?",
}

#: The question to settle with Innovasjon Norge when the applicant does not know (R10).
SETTLE: Dict[str, str] = {
    "family": "Hva slags virksomhet er vi, og kan den søke?",
    "publicly_funded": "Er vi i hovedsak offentlig finansiert?",
    "public_tasks": "Forvalter vi offentlige oppgaver?",
    "covered_by_procurement": "Omfattes vi av anskaffelsesregelverket?",
    "general_interest": "Er vi opprettet for å dekke behov i allmennhetens interesse, som ikke er "
                        "av industriell eller forretningsmessig art?",
    "separate_legal_person": "Er vi et eget rettssubjekt?",
    "public_control": "Er vi nært knyttet til det offentlige, altså i hovedsak offentlig "
                      "finansiert, under offentlig kontroll, eller med mer enn halvparten av "
                      "styret oppnevnt av det offentlige?",
}

OPENINGS = {
    "eligible": "Dere kan søke.",
    "not_eligible": "Dere kan ikke søke.",
    "uncertain": "Vi kan ikke avgjøre om dere kan søke.",
}

#: The first sentence once the deadline has passed: the opening and the passed deadline
#: (``{deadline}`` is ``veileder.deadline.passed_clause``), so nobody stops at "Dere kan søke".
OPENINGS_AFTER_DEADLINE = {
    "eligible": "Dere kan søke etter reglene, men {deadline}.",
    "not_eligible": "Dere kan ikke søke, og {deadline}.",
    "uncertain": "Vi kan ikke avgjøre om dere kan søke, og {deadline}.",
}

#: After a verdict that leaves room for it: the offer of the project check (R11).
PROJECT_OFFER = "Vil du sjekke prosjektet mot de fire tingene Innovasjon Norge ser etter?"
#: The project check's answer starts with this, before the strengths and gaps.
PROJECT_OPENING = "Slik står prosjektet mot det Innovasjon Norge ser etter:"
#: For a case-by-case family: what the answer depends on (R4-R6), in plain words.
DEPENDS_OPENING = ("Det kommer an på. {label} kan søke hvis virksomheten omfattes av reglene for "
                   "offentlige anskaffelser. For {plural} avgjøres det i hvert enkelt tilfelle. "
                   "Disse tre tingene må stemme:")
DEPENDS_TESTS = (
    "Virksomheten ble opprettet for å dekke behov i allmennhetens interesse, ikke for å drive "
    "industri eller forretning.",
    "Virksomheten er en egen juridisk person.",
    "Virksomheten er nært knyttet til det offentlige: det offentlige finansierer det meste, har "
    "kontroll med driften eller oppnevner mer enn halvparten av styret.",
)
DEPENDS_FUNDING = "I tillegg må virksomheten i hovedsak være offentlig finansiert."
DEPENDS_OFFER = "Jeg kan sjekke det for dere med noen få spørsmål."
#: How the case-by-case answer names a family: (as the subject, in the plural).
DEPENDS_NAMES: Dict[OrgFamily, Tuple[str, str]] = {
    OrgFamily.HEALTH_TRUST: ("Et helseforetak", "helseforetak og andre særlovsselskaper"),
    OrgFamily.STATE_ENTERPRISE: ("Et statsforetak", "statsforetak"),
    OrgFamily.FOUNDATION: ("En stiftelse", "stiftelser"),
    OrgFamily.PUBLIC_COMPANY: ("Et offentlig eid selskap", "offentlig eide selskaper"),
    OrgFamily.ASSOCIATION: ("En forening eller en annen juridisk person",
                            "foreninger og andre juridiske personer"),
}

#: How the answers name each family: "Dere er en kommune.", "Da regner jeg dere som en kommune.",
#: the API's ``applicant.label``.
FAMILY_LABELS: Dict[OrgFamily, str] = {
    OrgFamily.MUNICIPALITY: "en kommune",
    OrgFamily.COUNTY: "en fylkeskommune",
    OrgFamily.STATE: "en del av staten",
    OrgFamily.STATE_AGENCY: "en etat eller en annen enhet i offentlig forvaltning",
    OrgFamily.MUNICIPAL_ENTERPRISE: "et kommunalt eller fylkeskommunalt foretak",
    OrgFamily.INTERMUNICIPAL: "et interkommunalt selskap eller samarbeid",
    OrgFamily.HEALTH_TRUST: "et helseforetak eller et annet særlovsselskap",
    OrgFamily.STATE_ENTERPRISE: "et statsforetak",
    OrgFamily.FOUNDATION: "en stiftelse",
    OrgFamily.PUBLIC_COMPANY: "et selskap som er eid av det offentlige",
    OrgFamily.ASSOCIATION: "en forening, et lag eller en annen juridisk person",
    OrgFamily.COMPANY: "en bedrift",
    OrgFamily.SOLE_TRADER: "et enkeltpersonforetak",
    OrgFamily.PRIVATE_PERSON: "en privatperson",
    OrgFamily.UNKNOWN: "en virksomhet av ukjent type",
}

#: Why a family is covered by the procurement rules (R3).
COVERED_WHY: Dict[OrgFamily, str] = {
    OrgFamily.MUNICIPALITY: "Kommuner er omfattet av anskaffelsesloven § 2.",
    OrgFamily.COUNTY: "Fylkeskommuner er omfattet av anskaffelsesloven § 2.",
    OrgFamily.STATE: "Staten er omfattet av anskaffelsesloven § 2.",
    OrgFamily.STATE_AGENCY: "Dere er en del av staten, en fylkeskommune eller en kommune. "
                            "De er omfattet av anskaffelsesloven § 2.",
    OrgFamily.MUNICIPAL_ENTERPRISE: "Foretaket er en del av kommunen eller fylkeskommunen. "
                                    "De er omfattet av anskaffelsesloven § 2.",
    OrgFamily.INTERMUNICIPAL: "Sammenslutninger av kommuner og fylkeskommuner er omfattet av "
                              "anskaffelsesloven § 2.",
}

#: A hard condition or test, answered yes, no or not known (R1, R4, R10).
FACT_TEXT: Dict[str, Tuple[str, str, str]] = {  # (yes, no, unknown)
    "publicly_funded": ("Dere er i hovedsak offentlig finansiert.",
                        "Dere er ikke offentlig finansiert.",
                        "Vi vet ikke om dere i hovedsak er offentlig finansiert."),
    "public_tasks": ("Dere forvalter offentlige oppgaver.",
                     "Dere forvalter ikke offentlige oppgaver.",
                     "Vi vet ikke om dere forvalter offentlige oppgaver."),
    "covered_by_procurement": ("Dere omfattes av anskaffelsesregelverket.",
                               "Dere omfattes ikke av anskaffelsesregelverket.",
                               "Vi vet ikke om dere omfattes av anskaffelsesregelverket."),
    "general_interest": ("Virksomheten ble opprettet for å dekke behov i allmennhetens interesse, "
                         "ikke for å drive industri eller forretning.",
                         "Virksomheten ble opprettet for å drive industri eller forretning, "
                         "ikke for å dekke behov i allmennhetens interesse.",
                         "Vi vet ikke om virksomheten ble opprettet for å dekke behov i "
                         "allmennhetens interesse."),
    "separate_legal_person": ("Virksomheten er et eget rettssubjekt.",
                              "Virksomheten er ikke et eget rettssubjekt.",
                              "Vi vet ikke om virksomheten er et eget rettssubjekt."),
    "public_control": ("Virksomheten er nært knyttet til det offentlige.",
                       "Virksomheten er ikke nært knyttet til det offentlige gjennom "
                       "finansiering, kontroll eller styre.",
                       "Vi vet ikke om virksomheten er nært knyttet til det offentlige "
                       "gjennom finansiering, kontroll eller styre."),
}

#: The families that are normally covered, as a group: "Kommuner omfattes normalt …" (R9).
FAMILY_PLURAL: Dict[OrgFamily, str] = {
    OrgFamily.MUNICIPALITY: "Kommuner",
    OrgFamily.COUNTY: "Fylkeskommuner",
    OrgFamily.STATE: "Staten og departementene",
    OrgFamily.STATE_AGENCY: "Statlige etater og andre enheter i offentlig forvaltning",
    OrgFamily.MUNICIPAL_ENTERPRISE: "Kommunale og fylkeskommunale foretak",
    OrgFamily.INTERMUNICIPAL: "Interkommunale selskaper og samarbeid",
}
#: What such a family normally is, and what the applicant said instead (R9).
NORMALLY: Dict[str, Tuple[str, str]] = {
    "publicly_funded": ("er normalt offentlig finansiert",
                        "Dere sier at dere ikke er offentlig finansiert."),
    "public_tasks": ("forvalter normalt offentlige oppgaver",
                     "Dere sier at dere ikke forvalter offentlige oppgaver."),
    "covered_by_procurement": ("omfattes normalt av anskaffelsesregelverket "
                               "(anskaffelsesloven § 2)",
                               "Dere sier at dere ikke omfattes."),
}


def conflict_text(family: OrgFamily, field: str) -> str:
    """"Kommuner omfattes normalt av anskaffelsesregelverket (anskaffelsesloven § 2). Dere sier
    at dere ikke omfattes. Det må avklares." (R9)."""
    normally, said = NORMALLY[field]
    group = FAMILY_PLURAL.get(family, "Slike virksomheter")
    return f"{group} {normally}. {said} Det må avklares før vi kan si om dere kan søke."


#: A "no" that wins over what the family implies (R9).
OVERRIDE_TEXT: Dict[str, str] = {
    "publicly_funded": "Dere har svart at dere ikke er offentlig finansiert.",
    "public_tasks": "Dere har svart at dere ikke forvalter offentlige oppgaver.",
    "covered_by_procurement": "Dere har svart at dere ikke omfattes av "
                              "anskaffelsesregelverket.",
}

#: Soft criteria (R11): field -> (criterion id in the call file, strength text, gap text).
SOFT_CRITERIA: Dict[str, Tuple[str, str, str]] = {
    "challenge": ("samfunnsutfordring",
                  "Prosjektet skal løse en stor utfordring som berører flere interessenter.",
                  "Prosjektet bør løse en stor utfordring som berører flere interessenter."),
    "no_market_solution": ("samfunnsutfordring",
                           "Ingen løsning på markedet i dag dekker behovet.",
                           "Det finnes alt en løsning på markedet."),
    "top_management": ("gjennomforingsevne",
                       "Prosjektet er forankret i toppledelsen, med ambisjon om å kjøpe en ny "
                       "løsning.",
                       "Prosjektet er ikke forankret i toppledelsen ennå, eller ambisjonen om "
                       "å kjøpe en ny løsning er uklar."),
    "market_potential": ("verdiskaping",
                         "Løsningen kan få et stort marked, i Norge og internasjonalt.",
                         "Det er uklart om løsningen kan få et stort marked."),
    "collaboration": ("samarbeid",
                      "Dere samarbeider med andre offentlige virksomheter. Det er særlig "
                      "aktuelt.",
                      "Dere samarbeider ikke med andre offentlige virksomheter. Prosjekter "
                      "der flere offentlige virksomheter samarbeider, er særlig aktuelle."),
}


def existing_solution_gap(call: "Call") -> str:
    """Why a project that buys a solution that exists does not fit, and what would (R11).

    The criterion and the purpose come from the call file (``eksisterende_losning``,
    ``formal.innovasjonspartnerskap``), so a changed call changes the text.
    """
    return ("Utlysningen gir ikke penger til å kjøpe en løsning som finnes fra før. "
            f"{call.eksisterende_losning.strip()} {call.formal.innovasjonspartnerskap.strip()} "
            "Det som kan passe, er å utvikle noe nytt sammen med bedrifter, for eksempel når "
            "løsningene som finnes i dag, ikke dekker behovet.")
