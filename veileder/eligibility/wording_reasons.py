"""The sentences of the verdict, in bokmål, nynorsk and English: why a family is covered, each
hard condition and test answered yes, no or not known, conflicts and the project criteria
(R3-R11), and the fixed sentences of the reasons and next steps (``veileder.eligibility.rules``).

Each text is a :class:`~veileder.i18n.LocalText` (the bokmål string; ``X(lang)``
gives a variant). ``veileder.eligibility.wording`` re-exports the tables.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Dict, Tuple

from veileder.eligibility.families import OrgFamily
from veileder.i18n import LocalText as T

if TYPE_CHECKING:  # pragma: no cover
    from veileder.call import Call

_ACT = T("De er omfattet av anskaffelsesloven § 2.", "Dei er omfatta av anskaffingslova § 2.",
         "They are covered by section 2 of the Public Procurement Act (anskaffelsesloven).")

#: Why a family is covered by the procurement rules (R3).
COVERED_WHY: Dict[OrgFamily, T] = {
    OrgFamily.MUNICIPALITY: T("Kommuner er omfattet av anskaffelsesloven § 2.",
                              "Kommunar er omfatta av anskaffingslova § 2.",
                              "Municipalities are covered by section 2 of the Public "
                              "Procurement Act (anskaffelsesloven)."),
    OrgFamily.COUNTY: T("Fylkeskommuner er omfattet av anskaffelsesloven § 2.",
                        "Fylkeskommunar er omfatta av anskaffingslova § 2.",
                        "County authorities are covered by section 2 of the Public Procurement "
                        "Act (anskaffelsesloven)."),
    OrgFamily.STATE: T("Staten er omfattet av anskaffelsesloven § 2.",
                       "Staten er omfatta av anskaffingslova § 2.",
                       "The state is covered by section 2 of the Public Procurement Act "
                       "(anskaffelsesloven)."),
    OrgFamily.STATE_AGENCY: T(
        "Dere er en del av staten, en fylkeskommune eller en kommune. " + _ACT,
        "De er ein del av staten, ein fylkeskommune eller ein kommune. " + _ACT("nn"),
        "You are part of the state, a county authority or a municipality. " + _ACT("en")),
    OrgFamily.MUNICIPAL_ENTERPRISE: T(
        "Foretaket er en del av kommunen eller fylkeskommunen. " + _ACT,
        "Føretaket er ein del av kommunen eller fylkeskommunen. " + _ACT("nn"),
        "The enterprise is part of the municipality or the county authority. " + _ACT("en")),
    OrgFamily.INTERMUNICIPAL: T(
        "Sammenslutninger av kommuner og fylkeskommuner er omfattet av anskaffelsesloven § 2.",
        "Samanslutningar av kommunar og fylkeskommunar er omfatta av anskaffingslova § 2.",
        "Associations of municipalities and county authorities are covered by section 2 of "
        "the Public Procurement Act (anskaffelsesloven)."),
}

#: A hard condition or test, answered yes, no or not known (R1, R4, R10).
FACT_TEXT: Dict[str, Tuple[T, T, T]] = {  # (yes, no, unknown)
    "publicly_funded": (
        T("Dere er i hovedsak offentlig finansiert.", "De er i hovudsak offentleg finansierte.",
          "You are mainly publicly funded."),
        T("Dere er ikke offentlig finansiert.", "De er ikkje offentleg finansierte.",
          "You are not publicly funded."),
        T("Vi vet ikke om dere i hovedsak er offentlig finansiert.",
          "Vi veit ikkje om de i hovudsak er offentleg finansierte.",
          "We do not know whether you are mainly publicly funded.")),
    "public_tasks": (
        T("Dere forvalter offentlige oppgaver.", "De forvaltar offentlege oppgåver.",
          "You carry out public tasks."),
        T("Dere forvalter ikke offentlige oppgaver.", "De forvaltar ikkje offentlege oppgåver.",
          "You do not carry out public tasks."),
        T("Vi vet ikke om dere forvalter offentlige oppgaver.",
          "Vi veit ikkje om de forvaltar offentlege oppgåver.",
          "We do not know whether you carry out public tasks.")),
    "covered_by_procurement": (
        T("Dere omfattes av anskaffelsesregelverket.",
          "De er omfatta av regelverket for offentlege innkjøp.",
          "You are covered by the public procurement rules."),
        T("Dere omfattes ikke av anskaffelsesregelverket.",
          "De er ikkje omfatta av regelverket for offentlege innkjøp.",
          "You are not covered by the public procurement rules."),
        T("Vi vet ikke om dere omfattes av anskaffelsesregelverket.",
          "Vi veit ikkje om de er omfatta av regelverket for offentlege innkjøp.",
          "We do not know whether you are covered by the public procurement rules.")),
    "general_interest": (
        T("Virksomheten ble opprettet for å dekke behov i allmennhetens interesse, ikke for å "
          "drive industri eller forretning.",
          "Verksemda vart oppretta for å dekkje behov i interessa til ålmenta, ikkje for å "
          "drive industri eller forretning.",
          "The organisation was set up to meet needs in the general interest, not to run "
          "industry or business."),
        T("Virksomheten ble opprettet for å drive industri eller forretning, ikke for å dekke "
          "behov i allmennhetens interesse.",
          "Verksemda vart oppretta for å drive industri eller forretning, ikkje for å dekkje "
          "behov i interessa til ålmenta.",
          "The organisation was set up to run industry or business, not to meet needs in the "
          "general interest."),
        T("Vi vet ikke om virksomheten ble opprettet for å dekke behov i allmennhetens "
          "interesse.",
          "Vi veit ikkje om verksemda vart oppretta for å dekkje behov i interessa til ålmenta.",
          "We do not know whether the organisation was set up to meet needs in the general "
          "interest.")),
    "separate_legal_person": (
        T("Virksomheten er et eget rettssubjekt.", "Verksemda er eit eige rettssubjekt.",
          "The organisation is a separate legal entity."),
        T("Virksomheten er ikke et eget rettssubjekt.", "Verksemda er ikkje eit eige "
          "rettssubjekt.", "The organisation is not a separate legal entity."),
        T("Vi vet ikke om virksomheten er et eget rettssubjekt.",
          "Vi veit ikkje om verksemda er eit eige rettssubjekt.",
          "We do not know whether the organisation is a separate legal entity.")),
    "public_control": (
        T("Virksomheten er nært knyttet til det offentlige.",
          "Verksemda er nært knytt til det offentlege.",
          "The organisation is closely tied to the public sector."),
        T("Virksomheten er ikke nært knyttet til det offentlige gjennom finansiering, kontroll "
          "eller styre.",
          "Verksemda er ikkje nært knytt til det offentlege gjennom finansiering, kontroll "
          "eller styre.",
          "The organisation is not closely tied to the public sector through funding, control "
          "or its board."),
        T("Vi vet ikke om virksomheten er nært knyttet til det offentlige gjennom "
          "finansiering, kontroll eller styre.",
          "Vi veit ikkje om verksemda er nært knytt til det offentlege gjennom finansiering, "
          "kontroll eller styre.",
          "We do not know whether the organisation is closely tied to the public sector "
          "through funding, control or its board.")),
}

#: The families that are normally covered, as a group: "Kommuner omfattes normalt …" (R9).
FAMILY_PLURAL: Dict[OrgFamily, T] = {
    OrgFamily.MUNICIPALITY: T("Kommuner", "Kommunar", "Municipalities"),
    OrgFamily.COUNTY: T("Fylkeskommuner", "Fylkeskommunar", "County authorities"),
    OrgFamily.STATE: T("Staten og departementene", "Staten og departementa",
                       "The state and the ministries"),
    OrgFamily.STATE_AGENCY: T("Statlige etater og andre enheter i offentlig forvaltning",
                              "Statlege etatar og andre einingar i offentleg forvaltning",
                              "Government agencies and other units of public administration"),
    OrgFamily.MUNICIPAL_ENTERPRISE: T("Kommunale og fylkeskommunale foretak",
                                      "Kommunale og fylkeskommunale føretak",
                                      "Municipal and county enterprises"),
    OrgFamily.INTERMUNICIPAL: T("Interkommunale selskaper og samarbeid",
                                "Interkommunale selskap og samarbeid",
                                "Inter-municipal companies and partnerships"),
}
_SUCH = T("Slike virksomheter", "Slike verksemder", "Such organisations")
#: What such a family normally is, and what the applicant said instead (R9).
NORMALLY: Dict[str, Tuple[T, T]] = {
    "publicly_funded": (T("er normalt offentlig finansiert", "er normalt offentleg finansierte",
                          "are normally publicly funded"),
                        T("Dere sier at dere ikke er offentlig finansiert.",
                          "De seier at de ikkje er offentleg finansierte.",
                          "You say that you are not publicly funded.")),
    "public_tasks": (T("forvalter normalt offentlige oppgaver",
                       "forvaltar normalt offentlege oppgåver",
                       "normally carry out public tasks"),
                     T("Dere sier at dere ikke forvalter offentlige oppgaver.",
                       "De seier at de ikkje forvaltar offentlege oppgåver.",
                       "You say that you do not carry out public tasks.")),
    "covered_by_procurement": (T("omfattes normalt av anskaffelsesregelverket "
                                 "(anskaffelsesloven § 2)",
                                 "er normalt omfatta av regelverket for offentlege innkjøp "
                                 "(anskaffingslova § 2)",
                                 "are normally covered by the public procurement rules "
                                 "(section 2 of anskaffelsesloven)"),
                               T("Dere sier at dere ikke omfattes.",
                                 "De seier at de ikkje er omfatta.",
                                 "You say that you are not covered.")),
}
_CONFLICT = T("{group} {normally}. {said} Det må avklares før vi kan si om dere kan søke.",
              "{group} {normally}. {said} Det må avklarast før vi kan seie om de kan søkje.",
              "{group} {normally}. {said} This must be settled before we can say whether you "
              "can apply.")


def conflict_text(family: OrgFamily, field: str, lang: str = "nb") -> str:
    """"Kommuner omfattes normalt av anskaffelsesregelverket (anskaffelsesloven § 2). Dere sier
    at dere ikke omfattes. Det må avklares." (R9)."""
    normally, said = NORMALLY[field]
    group = FAMILY_PLURAL.get(family, _SUCH)
    return _CONFLICT.format(lang, group=group(lang), normally=normally(lang), said=said(lang))


#: A "no" that wins over what the family implies (R9).
OVERRIDE_TEXT: Dict[str, T] = {
    "publicly_funded": T("Dere har svart at dere ikke er offentlig finansiert.",
                         "De har svart at de ikkje er offentleg finansierte.",
                         "You have answered that you are not publicly funded."),
    "public_tasks": T("Dere har svart at dere ikke forvalter offentlige oppgaver.",
                      "De har svart at de ikkje forvaltar offentlege oppgåver.",
                      "You have answered that you do not carry out public tasks."),
    "covered_by_procurement": T("Dere har svart at dere ikke omfattes av "
                                "anskaffelsesregelverket.",
                                "De har svart at de ikkje er omfatta av regelverket for "
                                "offentlege innkjøp.",
                                "You have answered that you are not covered by the public "
                                "procurement rules."),
}

#: Soft criteria (R11): field -> (criterion id in the call file, strength text, gap text).
SOFT_CRITERIA: Dict[str, Tuple[str, T, T]] = {
    "challenge": ("samfunnsutfordring",
                  T("Prosjektet skal løse en stor utfordring som berører flere interessenter.",
                    "Prosjektet skal løyse ei stor utfordring som rører ved fleire "
                    "interessentar.",
                    "The project is to solve a major challenge that affects several "
                    "stakeholders."),
                  T("Prosjektet bør løse en stor utfordring som berører flere interessenter.",
                    "Prosjektet bør løyse ei stor utfordring som rører ved fleire "
                    "interessentar.",
                    "The project should solve a major challenge that affects several "
                    "stakeholders.")),
    "no_market_solution": ("samfunnsutfordring",
                           T("Ingen løsning på markedet i dag dekker behovet.",
                             "Inga løysing på marknaden i dag dekkjer behovet.",
                             "No solution on the market today meets the need."),
                           T("Det finnes alt en løsning på markedet.",
                             "Det finst alt ei løysing på marknaden.",
                             "There is already a solution on the market.")),
    "top_management": ("gjennomforingsevne",
                       T("Prosjektet er forankret i toppledelsen, med ambisjon om å kjøpe en ny "
                         "løsning.",
                         "Prosjektet er forankra i toppleiinga, med ambisjon om å kjøpe ei ny "
                         "løysing.",
                         "Top management backs the project, with the ambition to buy a new "
                         "solution."),
                       T("Prosjektet er ikke forankret i toppledelsen ennå, eller ambisjonen om "
                         "å kjøpe en ny løsning er uklar.",
                         "Prosjektet er ikkje forankra i toppleiinga enno, eller ambisjonen om "
                         "å kjøpe ei ny løysing er uklar.",
                         "Top management does not back the project yet, or the ambition to "
                         "buy a new solution is unclear.")),
    "market_potential": ("verdiskaping",
                         T("Løsningen kan få et stort marked, i Norge og internasjonalt.",
                           "Løysinga kan få ein stor marknad, i Noreg og internasjonalt.",
                           "The solution could find a large market, in Norway and abroad."),
                         T("Det er uklart om løsningen kan få et stort marked.",
                           "Det er uklart om løysinga kan få ein stor marknad.",
                           "It is unclear whether the solution could find a large market.")),
    "collaboration": ("samarbeid",
                      T("Dere samarbeider med andre offentlige virksomheter. Det er særlig "
                        "aktuelt.",
                        "De samarbeider med andre offentlege verksemder. Det er særleg aktuelt.",
                        "You are working with other public bodies. That is especially "
                        "relevant."),
                      T("Dere samarbeider ikke med andre offentlige virksomheter. Prosjekter "
                        "der flere offentlige virksomheter samarbeider, er særlig aktuelle.",
                        "De samarbeider ikkje med andre offentlege verksemder. Prosjekt der "
                        "fleire offentlege verksemder samarbeider, er særleg aktuelle.",
                        "You are not working with other public bodies. Projects where several "
                        "public bodies work together are especially relevant.")),
}

_EXISTING_GAP = T(
    "Utlysningen gir ikke penger til å kjøpe en løsning som finnes fra før. {criterion} "
    "{purpose} Det som kan passe, er å utvikle noe nytt sammen med bedrifter, for eksempel når "
    "løsningene som finnes i dag, ikke dekker behovet.",
    "Utlysinga gir ikkje pengar til å kjøpe ei løysing som finst frå før. {criterion} "
    "{purpose} Det som kan passe, er å utvikle noko nytt saman med bedrifter, til dømes når "
    "løysingane som finst i dag, ikkje dekkjer behovet.",
    "The call does not fund buying a solution that already exists. {criterion} {purpose} What "
    "can fit is developing something new together with companies, for example when the "
    "solutions that exist today do not meet the need.")


def existing_solution_gap(call: "Call", lang: str = "nb") -> str:
    """Why a project that buys a solution that exists does not fit, and what would (R11).

    The criterion and the purpose come from the call file (``eksisterende_losning``,
    ``formal.innovasjonspartnerskap``), so a changed call changes the text.
    """
    call = call.in_language(lang)
    return _EXISTING_GAP.format(lang, criterion=call.eksisterende_losning.strip(),
                                purpose=call.formal.innovasjonspartnerskap.strip())


# --- The fixed sentences of the verdict (veileder.eligibility.rules) --------------------------
STRENGTHS = T("Dette taler for prosjektet:", "Dette talar for prosjektet:",
              "What speaks for the project:")
GAPS = T("Dette bør dere se på:", "Dette bør de sjå på:", "What you should look at:")
NEXT_STEPS = T("Neste steg:", "Neste steg:", "Next steps:")
SECTOR = T("Enhetsregisteret plasserer dere i {sector} (sektorkode {code}).",
           "Einingsregisteret plasserer dykk i {sector} (sektorkode {code}).",
           "The Central Coordinating Register for Legal Entities (Enhetsregisteret) places you "
           "in the sector «{sector}» (sector code {code}).")
REGISTERED = T("{subject} er registrert i Enhetsregisteret som {described} ({orgform}).",
               "{subject} er registrert i Einingsregisteret som {described} ({orgform}).",
               "{subject} is registered in Enhetsregisteret as «{described}» ({orgform}).")
YOU = T("Dere", "De", "You")
#: "You are registered …": English needs "are" after "You", not "is".
YOU_REGISTERED = T("Dere er registrert i Enhetsregisteret som {described} ({orgform}).",
                   "De er registrerte i Einingsregisteret som {described} ({orgform}).",
                   "You are registered in Enhetsregisteret as «{described}» ({orgform}).")
YOU_ARE = T("Dere er {label}.", "De er {label}.", "You are {label}.")
FLAGS = (T("konkurs", "konkurs", "bankrupt"),
         T("under avvikling", "under avvikling", "being wound up"),
         T("under tvangsavvikling eller tvangsoppløsning",
           "under tvangsavvikling eller tvangsoppløysing",
           "being compulsorily wound up or dissolved"))
THE_ORGANISATION = T("virksomheten", "verksemda", "the organisation")
REGISTER_SHOWS = T("Enhetsregisteret viser at {name} er {flags}.",
                   "Einingsregisteret viser at {name} er {flags}.",
                   "Enhetsregisteret shows that {name} is {flags}.")
FAMILY_UNKNOWN = T("Vi vet ikke hva slags virksomhet dere er.",
                   "Vi veit ikkje kva slags verksemd de er.",
                   "We do not know what kind of organisation you are.")
TELL_FAMILY = T("Fortell hva slags virksomhet dere er, eller skriv organisasjonsnummeret.",
                "Fortel kva slags verksemd de er, eller skriv organisasjonsnummeret.",
                "Tell us what kind of organisation you are, or write the organisation number.")
PART_OF = T("Er dere en del av en kommune, en fylkeskommune eller staten? Da er det den "
            "virksomheten som kan søke.",
            "Er de ein del av ein kommune, ein fylkeskommune eller staten? Då er det den "
            "verksemda som kan søkje.",
            "Are you part of a municipality, a county authority or the state? Then that body "
            "is the one that can apply.")
CALL_SAYS = T("Utlysningen sier: {text}", "Utlysinga seier: {text}", "The call says: {text}")
IF_WRONG = T("Mener dere at dette er feil? Ta kontakt med {contact}.",
             "Meiner de at dette er feil? Ta kontakt med {contact}.",
             "Do you think this is wrong? Contact {contact}.")
ASK_ABOUT = T("Spør {contact} om dette:", "Spør {contact} om dette:",
              "Ask {contact} about this:")
OR_ANSWER = T("Eller svar på spørsmålene her, så vurderer vi saken på nytt.",
              "Eller svar på spørsmåla her, så vurderer vi saka på nytt.",
              "Or answer the questions here, and we will look at it again.")
THUS_MEETS = T("Dermed oppfyller dere vilkårene i utlysningen: dere {conditions}.",
               "Dermed oppfyller de vilkåra i utlysinga: de {conditions}.",
               "So you meet the conditions of the call: you {conditions}.")
# The call file's English conditions are written to follow "you" (are, perform)
YOU_CONDITIONS = T("Dere {conditions}.", "De {conditions}.", "You {conditions}.")
CASE_BY_CASE_WHY = T(
    "En slik virksomhet omfattes av anskaffelsesregelverket bare hvis den er et "
    "offentligrettslig organ. Det avgjøres i hvert enkelt tilfelle.",
    "Ei slik verksemd er omfatta av regelverket for offentlege innkjøp berre viss ho er eit "
    "offentlegrettsleg organ. Det blir avgjort i kvart enkelt tilfelle.",
    "Such an organisation is covered by the public procurement rules only if it is a body "
    "governed by public law. This is decided case by case.")
TESTS_MET = T("Da er virksomheten et offentligrettslig organ og omfattes av "
              "anskaffelsesregelverket.",
              "Då er verksemda eit offentlegrettsleg organ og er omfatta av regelverket for "
              "offentlege innkjøp.",
              "Then the organisation is a body governed by public law and is covered by the "
              "public procurement rules.")
CONTROL_FOLLOWS = T("Det betyr at virksomheten er nært knyttet til det offentlige.",
                    "Det betyr at verksemda er nært knytt til det offentlege.",
                    "This means that the organisation is closely tied to the public sector.")
TEST_FAILED = T("Da er virksomheten ikke et offentligrettslig organ, og den omfattes ikke av "
                "anskaffelsesregelverket.",
                "Då er verksemda ikkje eit offentlegrettsleg organ, og ho er ikkje omfatta av "
                "regelverket for offentlege innkjøp.",
                "Then the organisation is not a body governed by public law, and it is not "
                "covered by the public procurement rules.")
TAKE_PART = T("Dere kan være med på en annen måte: som leverandør eller partner i et "
              "innovasjonspartnerskap som en offentlig virksomhet søker om.",
              "De kan vere med på ein annan måte: som leverandør eller partnar i eit "
              "innovasjonspartnerskap som ei offentleg verksemd søkjer om.",
              "You can take part in another way: as a supplier or partner in an innovation "
              "partnership that a public body applies for.")
REGISTER_STATUS = T("Snakk med {contact} om status i Enhetsregisteret før dere går videre.",
                    "Snakk med {contact} om status i Einingsregisteret før de går vidare.",
                    "Talk to {contact} about your status in Enhetsregisteret before you go on.")
STRENGTHEN = T("Styrk prosjektet på punktene over før dere sender inn.",
               "Styrk prosjektet på punkta over før de sender inn.",
               "Strengthen the project on the points above before you send it in.")
CONSIDER = T("Vurder disse kriteriene før dere sender inn: {criteria}.",
             "Vurder desse kriteria før de sender inn: {criteria}.",
             "Consider these criteria before you send it in: {criteria}.")
DEADLINE_OVER = T("Fristen er ute. Spør {contact} om andre muligheter.",
                  "Fristen er ute. Spør {contact} om andre moglegheiter.",
                  "The deadline has passed. Ask {contact} about other options.")
SEND_IN = T("Send inn en {what}.", "Send inn ei {what}.", "Send in a {what}.")
QUESTIONS_CONTACT = T("Har dere spørsmål, kan dere kontakte {contact}.",
                      "Har de spørsmål, kan de kontakte {contact}.",
                      "If you have questions, you can contact {contact}.")
AND = T("og", "og", "and")
