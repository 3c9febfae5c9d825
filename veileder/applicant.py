"""Who is asking: one function identifies the applicant, for the chat, the API and the FAQ.

Pure domain code: no Rasa or FastAPI imports and no network. The adapters find an organisation
number (``veileder.orgnr.find_in_text`` in a chat message, the API's ``orgnr`` field), look it
up in Enhetsregisteret (``RegistryClient.lookup``) and pass the register's answer here.

``identify(text=None, *, lookup=None, family=None, orgform=None, sektorkode=None,
about_self=False) -> Identified``
    ``Identified.facts`` is what is known about the applicant before any answer (an
    ``ApplicantFacts`` whose ``family`` is ``None`` when nobody could tell), ``source`` says where
    the family came from, ``notes`` are the sentences to tell the user about what could not be
    used, and ``message`` is what the chat says: "Jeg fant ... i Enhetsregisteret." and the notes.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Tuple, Union

from veileder.asker import own_family
from veileder.eligibility import (
    FAMILY_LABELS,
    ApplicantFacts,
    OrgFamily,
    family_from_codes,
    family_from_text,
)
from veileder.eligibility.families import coerce_family
from veileder.i18n import LocalText, in_language
from veileder.orgnr import LookupResult, RegistryEntry, format_orgnr, without_numbers

#: The answer when the text names no kind of applicant (and no organisation number was tried).
NOT_RECOGNISED = LocalText(
    "Jeg kjente ikke igjen hva slags virksomhet det er. Skriv for eksempel «kommune», "
    "«statlig etat», «helseforetak», «stiftelse» eller «AS», eller organisasjonsnummeret.",
    "Eg kjende ikkje att kva slags verksemd det er. Skriv til dømes «kommune», «statleg etat», "
    "«helseføretak», «stifting» eller «AS», eller organisasjonsnummeret.",
    "I did not recognise what kind of organisation it is. Write, for example, «municipality», "
    "«government agency», «health trust», «foundation» or «AS» (limited company), or the "
    "organisation number.",
)
#: Said once, after a number the register could not identify, when nothing else did either.
WRITE_INSTEAD = LocalText("Skriv heller hva slags virksomhet dere er.",
                          "Skriv heller kva slags verksemd de er.",
                          "Please write what kind of organisation you are instead.")
FOUND = LocalText("Jeg fant {name} ({what}) i Enhetsregisteret.",
                  "Eg fann {name} ({what}) i Einingsregisteret.",
                  "I found {name} ({what}) in the Central Coordinating Register for Legal "
                  "Entities (Enhetsregisteret).")
UNKNOWN_ORGFORM = LocalText(
    "Vi kjenner ikke organisasjonsformen {orgform}, så vi vurderer vilkårene hver for seg.",
    "Vi kjenner ikkje organisasjonsforma {orgform}, så vi vurderer vilkåra kvart for seg.",
    "We do not know the organisation form {orgform}, so we look at the conditions one by one.")
NOT_LOOKED_UP = LocalText(
    "Vi fikk ikke slått opp {number} i Enhetsregisteret, så vurderingen bygger på de andre "
    "opplysningene.",
    "Vi fekk ikkje slått opp {number} i Einingsregisteret, så vurderinga byggjer på dei andre "
    "opplysningane.",
    "We could not look up {number} in Enhetsregisteret, so the assessment is based on the "
    "other information.")
NOT_LOOKED_UP_NOW = LocalText(
    "Vi fikk ikke slått opp {number} i Enhetsregisteret akkurat nå.",
    "Vi fekk ikkje slått opp {number} i Einingsregisteret akkurat no.",
    "We could not look up {number} in Enhetsregisteret just now.")
#: "Da regner jeg dere som en kommune.": the check names the kind of applicant it understood.
RECOGNISED = LocalText("Da regner jeg dere som {label}.", "Då reknar eg dykk som {label}.",
                       "Then I will treat you as {label}.")
#: After RECOGNISED, for a body judged case by case (R4).
DEPENDS_ON_QUESTIONS = LocalText(
    "Om dere kan søke, avhenger av om dere omfattes av reglene for offentlige anskaffelser og i "
    "hovedsak er offentlig finansiert. Jeg stiller noen få spørsmål om virksomheten.",
    "Om de kan søkje, avheng av om de er omfatta av reglane for offentlege innkjøp og i hovudsak "
    "er offentleg finansierte. Eg stiller nokre få spørsmål om verksemda.",
    "Whether you can apply depends on whether you are covered by the public procurement rules "
    "and mainly publicly funded. I will ask a few questions about the organisation.")
#: Before RECOGNISED when the user corrects who is asking later in the check.
CORRECTED = LocalText("Takk, da endrer jeg det.", "Takk, då endrar eg det.",
                      "Thank you, I will change that.")


@dataclass(frozen=True)
class Identified:
    """Who is asking. ``source`` is where the family came from: "family", "enhetsregisteret",
    "orgform" or "description" (the text), ``None`` when nobody could tell (the API's
    ``applicant.source``); ``lookup`` is the register's answer, when a number was looked up."""

    facts: ApplicantFacts
    source: Optional[str] = None
    lookup: Optional[LookupResult] = None
    notes: Tuple[str, ...] = ()
    #: the written standard of ``message`` and the notes
    lang: str = "nb"

    @property
    def family(self) -> Optional[OrgFamily]:
        """The kind of applicant; ``None`` when not known (the form asks)."""
        return self.facts.family

    @property
    def entry(self) -> Optional[RegistryEntry]:
        """The register entry, when the number was found."""
        if self.lookup is not None and self.lookup.found:
            return self.lookup.entry
        return None

    @property
    def message(self) -> Optional[str]:
        """What the chat says about who is asking, before "Da regner jeg dere som ...":
        "Jeg fant TESTVIK KOMMUNE (Kommune) i Enhetsregisteret." with the register's status
        note (konkurs, avvikling), then the notes; ``None`` when there is nothing to say."""
        parts: List[str] = []
        entry = self.entry
        if entry is not None:
            what = entry.orgform_beskrivelse or FAMILY_LABELS[self.facts.family
                                                              or OrgFamily.UNKNOWN](self.lang)
            parts.append(FOUND.format(self.lang, name=entry.navn, what=what))
            if self.lookup is not None and self.lookup.message:
                parts.append(in_language(self.lookup.message, self.lang))
        parts.extend(self.notes)
        return " ".join(parts) or None


def identify(text: Optional[str] = None, *, lookup: Optional[LookupResult] = None,
             family: Union[OrgFamily, str, None] = None, orgform: Optional[str] = None,
             sektorkode: Optional[str] = None, about_self: bool = False,
             lang: str = "nb") -> Identified:
    """Who is asking, from what the caller has; the first of these that says it wins:

    1. ``family``: a kind of applicant given explicitly (the API's ``family`` field). It wins
       over the register's organisation form, as every answer of the applicant does (R9); the
       register's name, number, codes and status are kept.
    2. ``lookup``: the register's answer for an organisation number. Found: the family of the
       entry (its form, refined by its sector code, R7).
    3. ``orgform``: an organisation form code, with ``sektorkode`` (the API's fields). A code
       the rules do not know gives ``UNKNOWN``: the three conditions are asked (R8).
    4. ``text``: free text ("Vi er Vefsn kommune"), organisation numbers in it left out. With
       ``about_self``, only what the writer says about themselves counts ("Jeg er privatperson",
       not "Kan bedrifter søke?"; ``veileder.asker.own_family``).
    5. Nobody can tell: ``facts.family`` is ``None`` and the form asks.

    ``sektorkode`` counts whenever no register entry gives one. When a number was looked up and
    not found (unknown, deleted, a wrong check digit, the register not answering), the notes say
    so, and the steps after 2 still apply; when none of them tells either, the user is asked
    once to write the kind of body instead. Text that names no kind of applicant, with no number
    tried, gets :data:`NOT_RECOGNISED`. The message and notes are in ``lang``.
    """
    entry = lookup.entry if lookup is not None and lookup.found else None
    number = lookup.orgnr if lookup is not None else None
    words = without_numbers(text or "")
    base = dict(sektorkode=sektorkode, orgnr=number)

    facts: Optional[ApplicantFacts] = None
    source: Optional[str] = None
    notes: List[str] = []
    if family is not None:
        given = coerce_family(family)
        facts = (ApplicantFacts.from_registry(entry, family=given) if entry
                 else ApplicantFacts(family=given, **base))
        source = "family"
    elif entry is not None:
        facts, source = ApplicantFacts.from_registry(entry), "enhetsregisteret"
    elif orgform:
        facts = ApplicantFacts(family=family_from_codes(orgform, sektorkode), **base)
        source = "orgform"
        if facts.family is OrgFamily.UNKNOWN:
            notes.append(UNKNOWN_ORGFORM.format(lang, orgform=orgform))
    else:
        read = own_family(words) if about_self else family_from_text(words)
        if read is not None:
            facts, source = ApplicantFacts(family=read, **base), "description"

    if lookup is not None and entry is None:
        notes.insert(0, _register_note(lookup, identified=facts is not None, lang=lang))
    elif facts is None and words.strip():
        notes.append(NOT_RECOGNISED(lang))
    return Identified(facts or ApplicantFacts(**base), source, lookup, tuple(notes), lang)


def _register_note(lookup: LookupResult, identified: bool, lang: str = "nb") -> str:
    """Why the number did not identify the applicant; asks for the kind of body when nothing
    else told it (not after a wrong check digit: that message says how to fix the number)."""
    if lookup.status == "unavailable":
        shown = format_orgnr(lookup.orgnr or "")
        if identified:
            return NOT_LOOKED_UP.format(lang, number=shown)
        return f"{NOT_LOOKED_UP_NOW.format(lang, number=shown)} {WRITE_INSTEAD(lang)}"
    # the register client's own words (veileder.orgnr), in the conversation's standard
    message = in_language(lookup.message, lang) or ""
    if identified or lookup.status == "invalid":
        return message
    return f"{message} {WRITE_INSTEAD(lang)}".strip()
