"""The JSON API over the domain modules: the eligibility check and the deadline checks.

Thin adapters: the rules are in ``veileder/`` (``applicant.identify``, ``eligibility.evaluate``,
``eligibility.questions_needed``, ``deadline.status``, ``deadline.check_submission``,
``orgnr.validate`` and ``orgnr.RegistryClient``); this module only turns requests into their
arguments and their results into JSON. The endpoints are plain ``def`` functions, so FastAPI
runs them in its thread pool and a slow register lookup never blocks the event loop. The settings
(the clock, the call file, the register) are those the app was built with (``app_settings``).
"""
from __future__ import annotations

import threading
from datetime import datetime
from typing import Dict, Literal, Optional
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Depends, Query, Request

from components.settings import Settings
from veileder import deadline
from veileder.applicant import Identified, identify
from veileder.call import current_call
from veileder.eligibility import (
    ANSWER_FIELDS,
    FAMILY_LABELS,
    QUESTIONS,
    OrgFamily,
    questions_needed,
)
from veileder.facts import verdict_at
from veileder.i18n import in_language
from veileder.orgnr import LookupResult, RegistryClient
from web import errors
from web.api_models import (
    ANSWER_VALUES,
    Answer,
    Applicant,
    DeadlineOut,
    EligibilityIn,
    EligibilityOut,
    ErrorOut,
    Question,
    RegisterOut,
    SubmissionIn,
    SubmissionOut,
)

router = APIRouter()

TAG_CHECK = "Søknadssjekk"
TAG_DEADLINE = "Frist"
INVALID = {422: {"model": ErrorOut, "description": "Ugyldig forespørsel. `detail` sier hvilket "
                                                   "felt som er feil og hvorfor, på språket i "
                                                   "`lang` (ellers Accept-Language, ellers "
                                                   "bokmål)."}}

_YES_NO = [a.value for a in Answer]
_FAMILIES = [f.value for f in OrgFamily]


def app_settings(request: Request) -> Settings:
    """The settings the app was built with (``web.app.create_app``)."""
    return request.app.state.settings


# --- Enhetsregisteret: one client (and cache) per base URL ----------------------------------------
_clients: Dict[str, RegistryClient] = {}
_clients_lock = threading.Lock()


def registry(base_url: str) -> RegistryClient:
    """The register client for ``base_url`` (the settings' ``ENHETSREGISTERET_URL``)."""
    base = base_url.rstrip("/")
    with _clients_lock:
        if base not in _clients:
            _clients[base] = RegistryClient(base_url=base)
        return _clients[base]


# --- Deadline -----------------------------------------------------------------------------------

Lang = Literal["nb", "nn", "en"]
_LANG_DOC = ("Språket tekstene i svaret skrives på: «nb» (bokmål, standard), «nn» (nynorsk) "
             "eller «en» (engelsk).")


@router.get("/api/frist", response_model=DeadlineOut, tags=[TAG_DEADLINE],
            summary="Fristen og om den har gått ut", responses=INVALID)
def deadline_status(settings: Settings = Depends(app_settings),
                    lang: Lang = Query("nb", description=_LANG_DOC)) -> DeadlineOut:
    """Fristen for å sende inn skissen, tjenestens klokke, og om fristen har gått ut, med
    svaret assistenten gir på «når er fristen?» (på bokmål, nynorsk eller engelsk: `lang`)."""
    call = current_call(settings.assistant_call_file)
    state = deadline.status(call, settings.now())
    return DeadlineOut(
        deadline=state.deadline,
        now=state.now,
        passed=state.passed,
        seconds_left=max(0, int(state.remaining.total_seconds())),
        message=state.message(call, lang=lang),
    )


def _when_text(local: Optional[datetime], has_time: bool, tz: str,
               lang: str = "nb") -> Optional[str]:
    if local is None:
        return None
    if has_time:
        return deadline.format_datetime(local, tz, lang)
    return deadline.format_date(local.date(), lang=lang)


_IN_TIME = {"in_time": True, "date_only_in_time": True, "too_late": False}


@router.post("/api/frist/sjekk", response_model=SubmissionOut, tags=[TAG_DEADLINE],
             summary="Rekker vi fristen hvis vi sender da?", responses=INVALID)
def submission_check(body: SubmissionIn, request: Request,
                     settings: Settings = Depends(app_settings),
                     lang: Lang = Query("nb", description=_LANG_DOC)) -> SubmissionOut:
    """Sjekker om en innsending på et bestemt tidspunkt kommer inn i tide.

    Tidspunktet kan være fri tekst («i morgen kl 16», «16/4 klokka 17», «torsdag før fem») eller
    ISO 8601. Svaret har tidspunktet slik vi forsto det (norsk tid) og meldingen assistenten
    ville gitt. Kl. 17.00.00 norsk tid på fristdagen er siste frist. Tekst uten dato eller
    klokkeslett, og datoer som ikke finnes (31. april), gir 422 med en forklaring. Meldingen og
    `when_text` skrives på bokmål, nynorsk eller engelsk etter `lang`.
    """
    call = current_call(settings.assistant_call_file)
    now = settings.now()
    result = deadline.check_submission(call, body.tidspunkt, now, lang=lang)
    if result.kind in ("not_a_date", "impossible_date"):
        # a 422 speaks the language of every 422 (``lang``, else Accept-Language)
        shown = errors.request_language(request)
        if shown != lang:
            result = deadline.check_submission(call, body.tidspunkt, now, lang=shown)
        raise errors.unprocessable("tidspunkt", result.message, f"tidspunkt.{result.kind}")
    parsed = result.parsed
    when = result.when if result.kind != "needs_date" else None
    local = when.astimezone(ZoneInfo(call.frist.tidssone)) if when else None
    return SubmissionOut(
        in_time=_IN_TIME.get(result.kind),
        kind=result.kind,
        when=local,
        when_text=_when_text(local, bool(parsed and parsed.has_time), call.frist.tidssone,
                             lang),
        has_time=bool(parsed and parsed.has_time),
        relation=parsed.relation if parsed else "at",
        deadline=call.frist.at,
        now=now,
        message=result.message,
    )


# --- Eligibility ----------------------------------------------------------------------------------

def _register_out(result: LookupResult, lang: str) -> RegisterOut:
    entry = result.entry
    return RegisterOut(
        status=result.status, message=in_language(result.message, lang),
        name=entry.navn if entry else None, orgform=entry.orgform if entry else None,
        orgform_beskrivelse=entry.orgform_beskrivelse if entry else None,
        sektorkode=entry.sektorkode if entry else None,
    )


def _base_facts(body: EligibilityIn, settings: Settings, lang: str) -> Identified:
    """Who is asking (``veileder.applicant.identify``, its notes in ``lang``): an explicit
    ``family`` wins; then the register entry for ``orgnr``; then the ``orgform`` code (with
    ``sektorkode``); then the free-text ``description``."""
    lookup = registry(settings.enhetsregisteret_url).lookup(body.orgnr) if body.orgnr else None
    return identify(body.description, lookup=lookup, family=body.family, orgform=body.orgform,
                    sektorkode=body.sektorkode, lang=lang)


def _question(name: str, lang: str) -> Question:
    return Question(field=name, question=QUESTIONS[name](lang),
                    answers=_FAMILIES if name == "family" else _YES_NO)


@router.post("/api/sjekk", response_model=EligibilityOut, tags=[TAG_CHECK],
             summary="Kan vi søke?", responses=INVALID)
def eligibility_check(body: EligibilityIn, settings: Settings = Depends(app_settings),
                      lang: Lang = Query("nb", description=_LANG_DOC)) -> EligibilityOut:
    """Vurderer om virksomheten kan søke, med de samme reglene som assistenten bruker.

    Send det dere vet: virksomhetstype (`family`), organisasjonsnummer (`orgnr`, slås opp i
    Enhetsregisteret), organisasjonsform (`orgform`) eller en beskrivelse med egne ord
    (`description`), og svarene dere har («ja», «nei» eller «vet_ikke») på spørsmålene.
    Svaret åpner med *Dere kan søke*, *Dere kan ikke søke* eller *Vi kan ikke avgjøre om dere
    kan søke*, og har begrunnelse, styrker og svakheter ved prosjektet, neste steg, fristen og
    spørsmålene som gjenstår (`questions`, med feltnavnet svaret skal stå i). Tekstene skrives
    på bokmål, nynorsk eller engelsk etter `lang` (se `opening`); koder og feltnavn er de samme
    på alle tre.

    Et organisasjonsnummer med feil kontrollsiffer gir 422. Svarer ikke Enhetsregisteret, får
    dere likevel et svar ut fra de andre opplysningene, og `lookup.status` er «unavailable».
    """
    call = current_call(settings.assistant_call_file)
    now = settings.now()
    who = _base_facts(body, settings, lang)
    facts = who.facts
    for name in ANSWER_FIELDS:
        answer = getattr(body, name)
        if answer is not None:
            facts = facts.with_answer(name, ANSWER_VALUES[answer])
    verdict = verdict_at(facts, call, now, lang)
    family = facts.family
    return EligibilityOut(
        outcome=verdict.outcome,
        opening=verdict.opening,
        reasons=verdict.reasons,
        strengths=verdict.strengths,
        gaps=verdict.gaps,
        advice=verdict.advice,
        settle=verdict.settle,
        missing=verdict.missing,
        questions=[_question(name, lang) for name in questions_needed(facts)],
        deadline=verdict.deadline,
        summary=verdict.summary(),
        applicant=Applicant(family=family, label=FAMILY_LABELS[family](lang) if family else None,
                            source=who.source, name=facts.name, orgnr=facts.orgnr),
        lookup=_register_out(who.lookup, lang) if who.lookup else None,
        notes=list(who.notes),
    )
