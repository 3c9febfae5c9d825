"""Request and response models of the web service's JSON API (pydantic 1, as Rasa 3.6 pins).

Field names mirror the domain (``veileder.eligibility.ApplicantFacts``); the descriptions a
user of the API reads (OpenAPI at ``/docs``) are in Norwegian bokmål and come from the domain
where it has the text: each answer field's description is the question the assistant asks
(``veileder.eligibility.QUESTIONS``). The texts in the answers are in the language the request
asks for (``lang``, ``web.errors.request_language`` for the errors).
"""
from __future__ import annotations

import uuid
from datetime import datetime
from enum import Enum
from typing import Any, Dict, List, Optional, Type

from pydantic import BaseModel, Extra, Field, StrictStr, constr, create_model, validator

from veileder import answers, orgnr
from veileder.eligibility import ANSWER_FIELDS, FAMILY_LABELS, OPENINGS, QUESTIONS, OrgFamily
from veileder.i18n import Tekst
from web.errors import invalid

#: Longest free text the API reads (descriptions of the organisation, planned times).
MAX_TEXT = 500
MAX_TIME_TEXT = 200


class Answer(str, Enum):
    """Svar på et ja/nei-spørsmål: «ja», «nei» eller «vet_ikke». Utelat feltet hvis spørsmålet
    ikke er stilt."""

    ja = answers.YES
    nei = answers.NO
    vet_ikke = answers.UNKNOWN


#: Answer -> the value ApplicantFacts.with_answer takes (None records "vet ikke").
ANSWER_VALUES: Dict[Answer, Optional[bool]] = {
    Answer.ja: True, Answer.nei: False, Answer.vet_ikke: None,
}


class Outcome(str, Enum):
    """Svaret på «kan vi søke?»: «eligible», «not_eligible» eller «uncertain»."""

    eligible = "eligible"
    not_eligible = "not_eligible"
    uncertain = "uncertain"


class _In(BaseModel):
    class Config:
        extra = Extra.forbid  # a misspelt answer field is an error, not silently "not asked"
        anystr_strip_whitespace = True


def _nullable(schema: Dict[str, Any], model: Type[BaseModel]) -> None:
    """Optional fields may be ``null`` in OpenAPI 3.1 terms (pydantic 1 leaves that out)."""
    for field in model.__fields__.values():
        prop = schema.get("properties", {}).get(field.alias)
        if prop is None or not field.allow_none:
            continue
        if isinstance(prop.get("type"), str):
            prop["type"] = [prop["type"], "null"]
        else:
            core = {k: prop.pop(k) for k in ("$ref", "allOf", "anyOf", "type", "items", "enum")
                    if k in prop}
            prop["anyOf"] = [core, {"type": "null"}]


class _Out(BaseModel):
    class Config:
        schema_extra = staticmethod(_nullable)


# --- Errors ------------------------------------------------------------------------------------

class ErrorItem(_Out):
    felt: str = Field(..., description="Feltet det gjelder, for eksempel «orgnr» eller "
                                       "«publicly_funded». Tomt når det gjelder hele "
                                       "forespørselen.", example="orgnr")
    melding: str = Field(..., description="Hva som er galt, på bokmål, nynorsk eller engelsk: "
                                          "`lang` i adressen, ellers Accept-Language, ellers "
                                          "bokmål.",
                         example="991 000 101 er ikke et gyldig organisasjonsnummer. Det siste "
                                 "sifferet, kontrollsifferet, stemmer ikke.")
    type: str = Field(..., description="Feiltypen, for programmer (for eksempel "
                                       "«value_error.missing» eller «ugyldig_orgnr»).",
                      example="ugyldig_orgnr")


class ErrorOut(_Out):
    detail: List[ErrorItem] = Field(..., description="Én linje per feil.")


class MessageOut(_Out):
    detail: str = Field(..., description="Hva som gikk galt, på bokmål, nynorsk eller engelsk "
                                         "(`lang`, ellers Accept-Language, ellers bokmål).")


# --- Eligibility check ---------------------------------------------------------------------------

_FAMILY_DOC = ", ".join(f"«{f.value}» ({FAMILY_LABELS[f]})" for f in OrgFamily)


def _answer_field(name: str) -> Any:
    return Field(None, description=f"{QUESTIONS[name]} Svar «ja», «nei» eller «vet_ikke»; "
                                   f"utelat feltet hvis spørsmålet ikke er stilt.")


#: The validators' messages (a 422's ``melding``, in the request's language: ``web.errors``).
ORGFORM_CODE = Tekst(
    nb="Organisasjonsformen skrives som en kode på 2 til 5 bokstaver, for eksempel KOMM, STI "
       "eller AS.",
    nn="Organisasjonsforma skal skrivast som ein kode på 2 til 5 bokstavar, til dømes KOMM, STI "
       "eller AS.",
    en="Write the organisation form as a code of 2 to 5 letters, for example KOMM, STI or AS.")
SECTOR_CODE = Tekst(nb="Sektorkoden har 4 sifre, for eksempel 6500.",
                    nn="Sektorkoden har 4 siffer, til dømes 6500.",
                    en="The sector code has 4 digits, for example 6500.")


class _Who(_In):
    """Who is asking; EligibilityIn adds the answer fields (made from the domain's list)."""

    family: Optional[OrgFamily] = Field(
        None, description="Hva slags virksomhet dere er, som kode: " + _FAMILY_DOC + ". "
                          "Går foran organisasjonsnummer, organisasjonsform og beskrivelse.")
    orgnr: Optional[StrictStr] = Field(
        None, max_length=30,
        description="Organisasjonsnummeret (9 sifre, mellomrom tillatt). Kontrollsifferet "
                    "sjekkes, og nummeret slås opp i Enhetsregisteret. Svarer ikke registeret, "
                    "vurderer vi ut fra de andre opplysningene og sier at oppslaget feilet.",
        example="991 000 100")
    orgform: Optional[StrictStr] = Field(
        None, max_length=10,
        description="Organisasjonsformens kode i Enhetsregisteret, for eksempel KOMM, FYLK, "
                    "ORGL, SÆR, STI eller AS. Brukes når organisasjonsnummeret ikke er oppgitt "
                    "eller ikke ble funnet.", example="KOMM")
    sektorkode: Optional[StrictStr] = Field(
        None, max_length=4,
        description="Institusjonell sektorkode (4 sifre), for eksempel 6500 for "
                    "kommuneforvaltningen. Skiller et offentlig eid AS fra et privat.",
        example="6500")
    description: Optional[StrictStr] = Field(
        None, max_length=MAX_TEXT,
        description="Hva slags virksomhet dere er, med egne ord (bokmål, nynorsk eller "
                    "engelsk), for eksempel «Vi er Vefsn kommune» eller «ei stifting».",
        example="Vi er en stiftelse")

    class Config:
        schema_extra = {"examples": [
            {"family": "municipality", "challenge": "ja", "collaboration": "ja"},
            {"orgnr": "991000100"},
            {"description": "Vi er en stiftelse", "general_interest": "vet_ikke"},
        ], "example": {"description": "Vi er Testvik kommune", "challenge": "ja",
                       "collaboration": "nei"}}

    @validator("orgnr")
    def _valid_orgnr(cls, value: Optional[str]) -> Optional[str]:
        if value is None:
            return None
        check = orgnr.validate(value)
        if not check.valid:
            raise invalid(check.message)
        return check.orgnr

    @validator("orgform")
    def _orgform_code(cls, value: Optional[str]) -> Optional[str]:
        if value is None:
            return None
        code = value.strip().upper()
        if not code.isalpha() or not 2 <= len(code) <= 5:
            raise invalid(ORGFORM_CODE)
        return code

    @validator("sektorkode")
    def _sector_code(cls, value: Optional[str]) -> Optional[str]:
        if value is None:
            return None
        if not (value.isdigit() and len(value) == 4):
            raise invalid(SECTOR_CODE)
        return value


EligibilityIn: Type[_Who] = create_model(  # type: ignore[call-overload]
    "EligibilityIn", __base__=_Who, __module__=__name__,
    **{name: (Optional[Answer], _answer_field(name)) for name in ANSWER_FIELDS},
)
EligibilityIn.__doc__ = ("Det dere vet om virksomheten og prosjektet. Alle felt kan utelates; "
                         "svarfeltene har spørsmålet som beskrivelse.")


class Question(_Out):
    field: str = Field(..., description="Feltet svaret skal stå i når dere spør på nytt.",
                       example="general_interest")
    question: str = Field(..., description="Spørsmålet slik assistenten stiller det, på "
                                           "språket i `lang`.")
    answers: List[str] = Field(..., description="Gyldige svar i feltet.",
                               example=["ja", "nei", "vet_ikke"])


class Applicant(_Out):
    family: Optional[OrgFamily] = Field(None, description="Virksomhetstypen reglene brukte; "
                                                          "tom når den ikke er kjent.")
    label: Optional[str] = Field(None, description="Virksomhetstypen med ord, på språket i "
                                                   "`lang`.",
                                 example="en kommune")
    source: Optional[str] = Field(
        None, description="Hvor virksomhetstypen kom fra: «family», «enhetsregisteret», "
                          "«orgform» eller «description».", example="enhetsregisteret")
    name: Optional[str] = Field(None, description="Navnet i Enhetsregisteret.")
    orgnr: Optional[str] = Field(None, description="Organisasjonsnummeret, 9 sifre.")


class RegisterOut(_Out):
    status: str = Field(..., description="Resultatet av oppslaget: «found», «unknown» (finnes "
                                         "ikke), «deleted» (slettet) eller «unavailable» "
                                         "(registeret svarte ikke).", example="found")
    message: Optional[str] = Field(None, description="Hva oppslaget ga, på språket i `lang`, "
                                                     "når det er noe å si (ikke funnet, "
                                                     "slettet, feilet, konkurs).")
    name: Optional[str] = None
    orgform: Optional[str] = Field(None, example="KOMM")
    orgform_beskrivelse: Optional[str] = Field(None, example="Kommune")
    sektorkode: Optional[str] = Field(None, example="6500")


_OPENING_DOC = ("Svaret i én setning, på språket i `lang`: for eksempel "
                + ", ".join(f"«{OPENINGS['eligible'](lang)}»" for lang in ("nb", "nn", "en"))
                + ".")


class EligibilityOut(_Out):
    outcome: Outcome = Field(..., description="Svaret: «eligible» (kan søke), «not_eligible» "
                                              "(kan ikke søke) eller «uncertain» (kan ikke "
                                              "avgjøres ennå).")
    opening: str = Field(..., description=_OPENING_DOC, example=OPENINGS["eligible"]("nb"))
    reasons: List[str] = Field(..., description="Begrunnelsen, setning for setning.")
    strengths: List[str] = Field(..., description="Kriterier prosjektet oppfyller.")
    gaps: List[str] = Field(..., description="Kriterier dere bør se på.")
    advice: List[str] = Field(..., description="Neste steg.")
    settle: List[str] = Field(..., description="Ved «uncertain»: spørsmålene dere bør avklare "
                                               "med Innovasjon Norge.")
    missing: List[str] = Field(..., description="Felt som fortsatt er åpne, også de dere har "
                                                "svart «vet_ikke» på.")
    questions: List[Question] = Field(..., description="Spørsmålene som gjenstår, i den "
                                                       "rekkefølgen assistenten ville stilt dem.")
    deadline: Optional[str] = Field(None, description="Fristen og hvor lang tid som er igjen.")
    summary: str = Field(..., description="Hele svaret som tekst, slik assistenten gir det.")
    applicant: Applicant = Field(..., description="Hvem reglene gjaldt.")
    lookup: Optional[RegisterOut] = Field(None, description="Oppslaget i Enhetsregisteret, "
                                                              "når organisasjonsnummer er "
                                                              "oppgitt.")
    notes: List[str] = Field(..., description="Merknader om opplysningene dere sendte, for "
                                              "eksempel at beskrivelsen ikke ble forstått.")


# --- Deadline ------------------------------------------------------------------------------------

class DeadlineOut(_Out):
    deadline: datetime = Field(..., description="Fristen, med tidssone.")
    now: datetime = Field(..., description="Tjenestens klokke (ASSISTANT_NOW når den er satt).")
    passed: bool = Field(..., description="Om fristen har gått ut.")
    seconds_left: int = Field(..., description="Sekunder igjen til fristen; 0 når den er ute.")
    message: str = Field(..., description="Svaret slik assistenten gir det, på språket i "
                                          "`lang`.")


class SubmissionIn(_In):
    tidspunkt: constr(strict=True, min_length=1, max_length=MAX_TIME_TEXT) = Field(  # type: ignore[valid-type]
        ..., description="Når dere vil sende inn: fri tekst på norsk eller engelsk («i morgen "
                         "kl 16», «16. april kl 16.40», «torsdag før fem») eller et ISO "
                         "8601-tidspunkt («2020-04-16T16:40:00+02:00»; uten tidssone regnes "
                         "norsk tid).", example="i morgen kl 16")


class SubmissionKind(str, Enum):
    """Svaret på «rekker vi fristen?» som kode."""

    in_time = "in_time"
    too_late = "too_late"
    date_only_in_time = "date_only_in_time"
    uncertain = "uncertain"
    needs_date = "needs_date"
    already_passed_now = "already_passed_now"


class SubmissionOut(_Out):
    in_time: Optional[bool] = Field(
        ..., description="true: i tide (også «fristdagen» uten klokkeslett: i tide hvis dere "
                         "sender senest kl. 17.00); false: for sent; null: kan ikke avgjøres "
                         "(mangler dag, spenner over fristen, eller tidspunktet har alt vært).")
    kind: SubmissionKind = Field(..., description="Svaret som kode: «in_time», «too_late», "
                                                  "«date_only_in_time», «uncertain», "
                                                  "«needs_date» eller «already_passed_now».")
    when: Optional[datetime] = Field(None, description="Tidspunktet slik vi forsto det, i norsk "
                                                       "tid; tomt når dagen mangler. En dato "
                                                       "uten klokkeslett gir starten av dagen.",
                                     example="2020-04-17T16:00:00+02:00")
    has_time: bool = Field(..., description="Om teksten hadde et klokkeslett.", example=True)
    when_text: Optional[str] = Field(None, description="Tidspunktet med ord.",
                                     example="fredag 17. april 2020 kl. 16.00")
    relation: str = Field(..., description="Hvordan tidspunktet er ment: «at», «before», «by», "
                                           "«after», «from» eller «around».", example="at")
    deadline: datetime = Field(..., description="Fristen, med tidssone.")
    now: datetime = Field(..., description="Tjenestens klokke.")
    message: str = Field(..., description="Svaret slik assistenten gir det, på språket i "
                                          "`lang`.")


# --- Chat and health -------------------------------------------------------------------------------

MAX_MESSAGE = 10_000


class Language(str, Enum):
    """A written standard the assistant answers in."""
    nb = "nb"
    nn = "nn"
    en = "en"


class ChatIn(BaseModel):
    sender: StrictStr = Field(default_factory=lambda: uuid.uuid4().hex, min_length=1,
                              max_length=128,
                              description="Samtalens id; samme id gir samme samtale.")
    message: StrictStr = Field("", max_length=MAX_MESSAGE,
                               description="Meldingen til assistenten.", example="Hvem kan søke?")
    lang: Optional[Language] = Field(
        None, description="Språket svarene skal ha til brukeren selv skriver noe som viser "
                          "målformen: `nb` (bokmål), `nn` (nynorsk) eller `en` (engelsk).")


class Button(_Out):
    title: str
    payload: str


class BotMessage(_Out):
    text: Optional[str] = None
    buttons: List[Button] = []


class ChatOut(_Out):
    sender: str
    messages: List[BotMessage]


class LiveOut(_Out):
    status: str = Field(..., description="Alltid «ok»: prosessen svarer.", example="ok")


class HealthOut(_Out):
    status: str = Field(..., description="«ok» når alt virker, ellers «degraded».",
                        example="ok")
    checks: Dict[str, str] = Field(
        ..., description="Hver del for seg: «rasa», «actions» (action-serveren), «database» "
                         "(samtaledatabasen) og «call_file» (utlysningsfilen). «ok …» betyr at "
                         "delen virker.",
        example={"rasa": "ok", "actions": "ok", "database": "ok", "call_file": "ok"})
    database: str = Field(..., description="Databasen som ble sjekket, uten passord.",
                          example="postgresql://rasa:***@db:5432/rasa")
