"""The wording of the eligibility check, in bokmål, nynorsk and English: questions, what to settle
with Innovasjon Norge, the verdict's openings, the names of the families, and (re-exported from
``wording_reasons``) the sentences for each rule's facts.

Every text is a :class:`~veileder.i18n.LocalText`: the bokmål string that gives
its variants, ``QUESTIONS["family"]("nn")``. The rules (``veileder.eligibility.rules``) pick the
sentences; the call's own facts (who may apply, the criteria names, the contact) come from the
call file, not from here.
"""
from __future__ import annotations

from typing import Dict, Tuple

from veileder.eligibility.families import OrgFamily
from veileder.i18n import LocalText as T
from veileder.eligibility.wording_reasons import (  # noqa: F401  (re-exported)
    COVERED_WHY,
    FACT_TEXT,
    FAMILY_PLURAL,
    NORMALLY,
    OVERRIDE_TEXT,
    SOFT_CRITERIA,
    conflict_text,
    existing_solution_gap,
)

#: The question the form asks for each field.
QUESTIONS: Dict[str, T] = {
    "family": T(
        "Hva slags virksomhet er dere? Skriv for eksempel kommune, etat, helseforetak, "
        "stiftelse eller AS. Du kan også skrive organisasjonsnummeret.",
        "Kva slags verksemd er de? Skriv til dømes kommune, etat, helseføretak, stifting eller "
        "AS. Du kan òg skrive organisasjonsnummeret.",
        "What kind of organisation are you? For example, write municipality, agency, health "
        "trust, foundation or limited company (AS). You can also write the organisation "
        "number."),
    "publicly_funded": T(
        "Er virksomheten i hovedsak finansiert med offentlige midler?",
        "Er verksemda i hovudsak finansiert med offentlege midlar?",
        "Is the organisation mainly funded with public money?"),
    "public_tasks": T(
        "Forvalter virksomheten offentlige oppgaver?",
        "Forvaltar verksemda offentlege oppgåver?",
        "Does the organisation carry out public tasks?"),
    "covered_by_procurement": T(
        "Må virksomheten følge reglene for offentlige anskaffelser når den kjøper inn?",
        "Må verksemda følgje reglane for offentlege innkjøp når ho kjøper inn?",
        "Does the organisation have to follow the public procurement rules when it buys "
        "something?"),
    "general_interest": T(
        "Ble virksomheten opprettet for å dekke behov i allmennhetens interesse, og ikke for å "
        "drive industri eller forretning?",
        "Vart verksemda oppretta for å dekkje behov i interessa til ålmenta, og ikkje for å "
        "drive industri eller forretning?",
        "Was the organisation set up to meet needs in the general interest, and not to run "
        "industry or business?"),
    "separate_legal_person": T(
        "Er virksomheten et eget rettssubjekt, altså en egen juridisk person?",
        "Er verksemda eit eige rettssubjekt, altså ein eigen juridisk person?",
        "Is the organisation a separate legal entity, that is, a legal person of its own?"),
    "public_control": T(
        "Er virksomheten nært knyttet til det offentlige? Det vil si at det offentlige "
        "finansierer det meste, har kontroll med driften eller oppnevner mer enn halvparten av "
        "styret.",
        "Er verksemda nært knytt til det offentlege? Det vil seie at det offentlege finansierer "
        "det meste, har kontroll med drifta eller oppnemner meir enn halvparten av styret.",
        "Is the organisation closely tied to the public sector? That is, public bodies fund most "
        "of it, control how it is run, or appoint more than half of its board."),
    "challenge": T(
        "Skal prosjektet løse en stor samfunnsutfordring som berører flere, og som kan gi "
        "gevinst for brukere, ansatte og virksomheten?",
        "Skal prosjektet løyse ei stor samfunnsutfordring som rører ved fleire, og som kan gi "
        "gevinst for brukarar, tilsette og verksemda?",
        "Will the project solve a major challenge for society that affects many, and that can "
        "benefit users, staff and the organisation?"),
    "no_market_solution": T(
        "Stemmer det at ingen løsning på markedet i dag kan dekke behovet?",
        "Stemmer det at inga løysing på marknaden i dag kan dekkje behovet?",
        "Is it true that no solution on the market today can meet the need?"),
    "top_management": T(
        "Er prosjektet forankret i toppledelsen, med en tydelig ambisjon om å investere i eller "
        "kjøpe en ny løsning?",
        "Er prosjektet forankra i toppleiinga, med ein tydeleg ambisjon om å investere i eller "
        "kjøpe ei ny løysing?",
        "Does top management back the project, with a clear ambition to invest in or buy a new "
        "solution?"),
    "market_potential": T(
        "Kan løsningen få et stort marked, i Norge og i andre land?",
        "Kan løysinga få ein stor marknad, i Noreg og i andre land?",
        "Could the solution find a large market, in Norway and in other countries?"),
    "collaboration": T(
        "Samarbeider dere med andre offentlige virksomheter om utfordringen?",
        "Samarbeider de med andre offentlege verksemder om utfordringa?",
        "Are you working with other public bodies on the challenge?"),
}

#: The question to settle with Innovasjon Norge when the applicant does not know (R10).
SETTLE: Dict[str, T] = {
    "family": T("Hva slags virksomhet er vi, og kan den søke?",
                "Kva slags verksemd er vi, og kan ho søkje?",
                "What kind of organisation are we, and can it apply?"),
    "publicly_funded": T("Er vi i hovedsak offentlig finansiert?",
                         "Er vi i hovudsak offentleg finansierte?",
                         "Are we mainly publicly funded?"),
    "public_tasks": T("Forvalter vi offentlige oppgaver?",
                      "Forvaltar vi offentlege oppgåver?",
                      "Do we carry out public tasks?"),
    "covered_by_procurement": T("Omfattes vi av anskaffelsesregelverket?",
                                "Er vi omfatta av regelverket for offentlege innkjøp?",
                                "Are we covered by the public procurement rules?"),
    "general_interest": T(
        "Er vi opprettet for å dekke behov i allmennhetens interesse, som ikke er av "
        "industriell eller forretningsmessig art?",
        "Er vi oppretta for å dekkje behov i interessa til ålmenta, som ikkje er av industriell "
        "eller forretningsmessig art?",
        "Were we set up to meet needs in the general interest, not of an industrial or "
        "commercial nature?"),
    "separate_legal_person": T("Er vi et eget rettssubjekt?",
                               "Er vi eit eige rettssubjekt?",
                               "Are we a separate legal entity?"),
    "public_control": T(
        "Er vi nært knyttet til det offentlige, altså i hovedsak offentlig finansiert, under "
        "offentlig kontroll, eller med mer enn halvparten av styret oppnevnt av det offentlige?",
        "Er vi nært knytte til det offentlege, altså i hovudsak offentleg finansierte, under "
        "offentleg kontroll, eller med meir enn halvparten av styret oppnemnt av det offentlege?",
        "Are we closely tied to the public sector, that is, mainly publicly funded, under public "
        "control, or with more than half of the board appointed by public bodies?"),
}

OPENINGS: Dict[str, T] = {
    "eligible": T("Dere kan søke.", "Ja, de kan søkje.", "Yes, you can apply."),
    "not_eligible": T("Dere kan ikke søke.", "Nei, de kan ikkje søkje.",
                      "No, you cannot apply."),
    "uncertain": T("Vi kan ikke avgjøre om dere kan søke.",
                   "Vi kan ikkje avgjere om de kan søkje.",
                   "We cannot tell whether you can apply."),
}

#: The first sentence once the deadline has passed: the opening and the passed deadline
#: (``{deadline}`` is ``veileder.deadline.passed_clause``), so nobody stops at "Dere kan søke".
OPENINGS_AFTER_DEADLINE: Dict[str, T] = {
    "eligible": T("Dere kan søke etter reglene, men {deadline}.",
                  "De kan søkje etter reglane, men {deadline}.",
                  "You can apply under the rules, but {deadline}."),
    "not_eligible": T("Dere kan ikke søke, og {deadline}.",
                      "De kan ikkje søkje, og {deadline}.",
                      "You cannot apply, and {deadline}."),
    "uncertain": T("Vi kan ikke avgjøre om dere kan søke, og {deadline}.",
                   "Vi kan ikkje avgjere om de kan søkje, og {deadline}.",
                   "We cannot tell whether you can apply, and {deadline}."),
}

#: After a verdict that leaves room for it: the offer of the project check (R11).
PROJECT_OFFER = T("Vil du sjekke prosjektet mot de fire tingene Innovasjon Norge ser etter?",
                  "Vil du sjekke prosjektet mot dei fire tinga Innovasjon Norge ser etter?",
                  "Would you like to check the project against the four things Innovasjon "
                  "Norge looks for?")
#: The project check's answer starts with this, before the strengths and gaps.
PROJECT_OPENING = T("Slik står prosjektet mot det Innovasjon Norge ser etter:",
                    "Slik står prosjektet mot det Innovasjon Norge ser etter:",
                    "This is how the project compares with what Innovasjon Norge looks for:")
#: For a case-by-case family: what the answer depends on (R4-R6), in plain words.
DEPENDS_OPENING = T(
    "Det kommer an på. {label} kan søke hvis virksomheten omfattes av reglene for offentlige "
    "anskaffelser. For {plural} avgjøres det i hvert enkelt tilfelle. Disse tre tingene må "
    "stemme:",
    "Det kjem an på. {label} kan søkje viss verksemda er omfatta av reglane for offentlege "
    "innkjøp. For {plural} blir det avgjort i kvart enkelt tilfelle. Desse tre tinga må "
    "stemme:",
    "It depends. {label} can apply if the organisation is covered by the public procurement "
    "rules. For {plural}, this is decided case by case. These three things must all be true:")
DEPENDS_TESTS = (
    T("Virksomheten ble opprettet for å dekke behov i allmennhetens interesse, ikke for å drive "
      "industri eller forretning.",
      "Verksemda vart oppretta for å dekkje behov i interessa til ålmenta, ikkje for å drive "
      "industri eller forretning.",
      "The organisation was set up to meet needs in the general interest, not to run industry "
      "or business."),
    T("Virksomheten er en egen juridisk person.",
      "Verksemda er ein eigen juridisk person.",
      "The organisation is a legal person of its own."),
    T("Virksomheten er nært knyttet til det offentlige: det offentlige finansierer det meste, "
      "har kontroll med driften eller oppnevner mer enn halvparten av styret.",
      "Verksemda er nært knytt til det offentlege: det offentlege finansierer det meste, har "
      "kontroll med drifta eller oppnemner meir enn halvparten av styret.",
      "The organisation is closely tied to the public sector: public bodies fund most of it, "
      "control how it is run, or appoint more than half of its board."),
)
DEPENDS_FUNDING = T("I tillegg må virksomheten i hovedsak være offentlig finansiert.",
                    "I tillegg må verksemda i hovudsak vere offentleg finansiert.",
                    "In addition, the organisation must be mainly publicly funded.")
DEPENDS_OFFER = T("Jeg kan sjekke det for dere med noen få spørsmål.",
                  "Eg kan sjekke det for dykk med nokre få spørsmål.",
                  "I can check it for you with a few questions.")
#: "Kilde: {url}" under the case-by-case answer.
SOURCE = T("Kilde: {url}", "Kjelde: {url}", "Source: {url}")
#: How the case-by-case answer names a family: (as the subject, in the plural).
DEPENDS_NAMES: Dict[OrgFamily, Tuple[T, T]] = {
    OrgFamily.HEALTH_TRUST: (T("Et helseforetak", "Eit helseføretak", "A health trust (HF)"),
                             T("helseforetak og andre særlovsselskaper",
                               "helseføretak og andre særlovsselskap",
                               "health trusts and other companies set up under special acts")),
    OrgFamily.STATE_ENTERPRISE: (T("Et statsforetak", "Eit statsføretak", "A state enterprise"),
                                 T("statsforetak", "statsføretak", "state enterprises")),
    OrgFamily.FOUNDATION: (T("En stiftelse", "Ei stifting", "A foundation"),
                           T("stiftelser", "stiftingar", "foundations")),
    OrgFamily.PUBLIC_COMPANY: (T("Et offentlig eid selskap", "Eit offentleg eigd selskap",
                                 "A publicly owned company"),
                               T("offentlig eide selskaper", "offentleg eigde selskap",
                                 "publicly owned companies")),
    OrgFamily.ASSOCIATION: (T("En forening eller en annen juridisk person",
                              "Ei foreining eller ein annan juridisk person",
                              "An association or another legal person"),
                            T("foreninger og andre juridiske personer",
                              "foreiningar og andre juridiske personar",
                              "associations and other legal persons")),
}

#: How the answers name each family: "Dere er en kommune.", "Da regner jeg dere som en kommune.",
#: the API's ``applicant.label``.
FAMILY_LABELS: Dict[OrgFamily, T] = {
    OrgFamily.MUNICIPALITY: T("en kommune", "ein kommune", "a municipality"),
    OrgFamily.COUNTY: T("en fylkeskommune", "ein fylkeskommune", "a county authority"),
    OrgFamily.STATE: T("en del av staten", "ein del av staten", "part of the state"),
    OrgFamily.STATE_AGENCY: T("en etat eller en annen enhet i offentlig forvaltning",
                              "ein etat eller ei anna eining i offentleg forvaltning",
                              "an agency or another unit of public administration"),
    OrgFamily.MUNICIPAL_ENTERPRISE: T("et kommunalt eller fylkeskommunalt foretak",
                                      "eit kommunalt eller fylkeskommunalt føretak",
                                      "a municipal or county enterprise (KF)"),
    OrgFamily.INTERMUNICIPAL: T("et interkommunalt selskap eller samarbeid",
                                "eit interkommunalt selskap eller samarbeid",
                                "an inter-municipal company or partnership (IKS)"),
    OrgFamily.HEALTH_TRUST: T("et helseforetak eller et annet særlovsselskap",
                              "eit helseføretak eller eit anna særlovsselskap",
                              "a health trust (HF) or another company set up under a special "
                              "act"),
    OrgFamily.STATE_ENTERPRISE: T("et statsforetak", "eit statsføretak", "a state enterprise"),
    OrgFamily.FOUNDATION: T("en stiftelse", "ei stifting", "a foundation"),
    OrgFamily.PUBLIC_COMPANY: T("et selskap som er eid av det offentlige",
                                "eit selskap som er eigd av det offentlege",
                                "a publicly owned company"),
    OrgFamily.ASSOCIATION: T("en forening, et lag eller en annen juridisk person",
                             "ei foreining, eit lag eller ein annan juridisk person",
                             "an association, a club or another legal person"),
    OrgFamily.COMPANY: T("en bedrift", "ei bedrift", "a company"),
    OrgFamily.SOLE_TRADER: T("et enkeltpersonforetak", "eit enkeltpersonføretak",
                             "a sole proprietorship"),
    OrgFamily.PRIVATE_PERSON: T("en privatperson", "ein privatperson", "a private person"),
    OrgFamily.UNKNOWN: T("en virksomhet av ukjent type", "ei verksemd av ukjend type",
                         "an organisation of an unknown kind"),
}
