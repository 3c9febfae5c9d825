"""Readable error answers for the JSON API, in the request's written standard.

FastAPI answers invalid requests with 422 and pydantic's English messages. Here every 422 has
``{"detail": [{"felt": ..., "melding": ..., "type": ...}, ...]}``: the field (without the
"body"/"query" prefix, dotted for nested fields), a plain sentence, and pydantic's error type
for programs. Starlette's default 404/405 texts are translated too.

The sentence is in bokmål, nynorsk or English (:func:`request_language`): the ``lang`` query
parameter when it is one of the three (the endpoints that answer in a language take it), else
the browser's ``Accept-Language``, else bokmål. The advisers' pages under ``/staff`` stay
bokmål. Every message is a :class:`~veileder.i18n.Tekst`; a validator's own message is raised
with :func:`invalid`, which keeps its variants (pydantic passes only ``str(exc)`` on, and the
variants in the exception's ``ctx``). The field names and types are the same in every language:
programs read those.
"""
from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from veileder.i18n import DEFAULT, LANGUAGES, Tekst, in_language
from veileder.language import from_accept_language

_LOCATIONS = {"body", "query", "path", "header", "cookie"}

#: Pages whose texts are bokmål only: the advisers are Norwegian staff.
BOKMAL_ONLY = "/staff"


def request_language(request: Request) -> str:
    """The standard to answer ``request`` in: ``?lang=nb|nn|en``, else ``Accept-Language``
    (``veileder.language.from_accept_language``), else bokmål; bokmål under ``/staff``."""
    path = request.url.path
    if path == BOKMAL_ONLY or path.startswith(BOKMAL_ONLY + "/"):
        return DEFAULT
    asked = request.query_params.get("lang")
    if asked in LANGUAGES:
        return asked
    return from_accept_language(request.headers.get("accept-language")) or DEFAULT


NOT_FOUND = Tekst(nb="Fant ikke siden.", nn="Fann ikkje sida.", en="Page not found.")
METHOD_NOT_ALLOWED = Tekst(nb="Metoden er ikke tillatt her.", nn="Metoden kan ikkje brukast her.",
                           en="This method is not allowed here.")
_HTTP_TEXTS = {"Not Found": NOT_FOUND, "Method Not Allowed": METHOD_NOT_ALLOWED}

NO_BODY = Tekst(nb="Forespørselen mangler innhold. Send et JSON-objekt.",
                nn="Førespurnaden manglar innhald. Send eit JSON-objekt.",
                en="The request has no content. Send a JSON object.")
REQUIRED = Tekst(nb="Feltet må være med.", nn="Feltet må vere med.",
                 en="This field is required.")
NOT_JSON = Tekst(nb="Innholdet er ikke gyldig JSON.", nn="Innhaldet er ikkje gyldig JSON.",
                 en="The content is not valid JSON.")
BODY_NOT_OBJECT = Tekst(nb="Innholdet må være et JSON-objekt.",
                        nn="Innhaldet må vere eit JSON-objekt.",
                        en="The content must be a JSON object.")
NOT_OBJECT = Tekst(nb="Verdien må være et JSON-objekt.", nn="Verdien må vere eit JSON-objekt.",
                   en="The value must be a JSON object.")
NOT_ALLOWED_VALUE = Tekst(nb="Ugyldig verdi. Tillatte verdier: {allowed}.",
                          nn="Ugyldig verdi. Tillatne verdiar: {allowed}.",
                          en="Invalid value. Allowed values: {allowed}.")
TOO_LONG = Tekst(nb="Teksten er for lang. Den kan ha høyst {limit} tegn.",
                 nn="Teksten er for lang. Det kan vere høgst {limit} teikn.",
                 en="The text is too long. It can have at most {limit} characters.")
EMPTY = Tekst(nb="Feltet kan ikke være tomt.", nn="Feltet kan ikkje vere tomt.",
              en="The field cannot be empty.")
TOO_SHORT = Tekst(nb="Teksten er for kort. Den må ha minst {limit} tegn.",
                  nn="Teksten er for kort. Det må vere minst {limit} teikn.",
                  en="The text is too short. It must have at least {limit} characters.")
NOT_TEXT = Tekst(nb="Verdien må være tekst.", nn="Verdien må vere tekst.",
                 en="The value must be text.")
NOT_BOOL = Tekst(nb="Verdien må være true eller false.", nn="Verdien må vere true eller false.",
                 en="The value must be true or false.")
NOT_NULL = Tekst(nb="Verdien kan ikke være null.", nn="Verdien kan ikkje vere null.",
                 en="The value cannot be null.")
NOT_NUMBER = Tekst(nb="Verdien må være et tall.", nn="Verdien må vere eit tal.",
                   en="The value must be a number.")
NOT_LIST = Tekst(nb="Verdien må være en liste.", nn="Verdien må vere ei liste.",
                 en="The value must be a list.")
UNKNOWN_FIELD = Tekst(nb="Ukjent felt. Sjekk stavemåten mot dokumentasjonen på `/docs`.",
                      nn="Ukjent felt. Sjekk stavemåten mot dokumentasjonen på `/docs`.",
                      en="Unknown field. Check the spelling against the documentation at "
                         "`/docs`.")
INVALID_VALUE = Tekst(nb="Ugyldig verdi.", nn="Ugyldig verdi.", en="Invalid value.")

#: pydantic's (v1) and FastAPI's error types with one message whatever the field
_SIMPLE = {
    "json_invalid": NOT_JSON, "value_error.jsondecode": NOT_JSON,
    "type_error.str": NOT_TEXT, "type_error.string": NOT_TEXT,
    "type_error.bool": NOT_BOOL,
    "type_error.none.not_allowed": NOT_NULL,
    "type_error.integer": NOT_NUMBER, "type_error.float": NOT_NUMBER,
    "type_error.number": NOT_NUMBER,
    "type_error.list": NOT_LIST,
    "value_error.extra": UNKNOWN_FIELD,
}

#: The key under which :func:`invalid` keeps a validator's message with its variants.
_TEXT = "text"


def invalid(text: Any) -> ValueError:
    """The error a validator raises for ``text`` (a Tekst, LocalText or Said, or a plain
    string): a plain ``ValueError`` (its type stays "value_error"), whose message is the
    bokmål text and whose ``ctx`` keeps the variants for :func:`message`."""
    error = ValueError(str(text() if isinstance(text, Tekst) else text))
    setattr(error, _TEXT, text)
    return error


def field_name(loc: Any) -> str:
    """('body', 'orgnr') -> 'orgnr'; ('body',) -> ''; ('query', 'q') -> 'q'."""
    parts = [str(p) for p in (loc or ())]
    if parts and parts[0] in _LOCATIONS:
        parts = parts[1:]
    if parts and all(p.isdigit() for p in parts):  # json_invalid reports a character offset
        parts = []
    return ".".join(parts)


def _allowed(ctx: Mapping[str, Any]) -> str:
    values = ctx.get("enum_values") or ctx.get("permitted") or []
    return ", ".join(str(getattr(v, "value", v)) for v in values)


def message(error: Mapping[str, Any], lang: Optional[str] = None) -> str:
    """One pydantic (v1) or FastAPI error as a sentence in ``lang`` (bokmål without one)."""
    kind = str(error.get("type", ""))
    ctx = error.get("ctx") or {}
    whole = not field_name(error.get("loc"))
    if kind in _SIMPLE:
        return _SIMPLE[kind](lang)
    if kind == "value_error.missing":
        return (NO_BODY if whole else REQUIRED)(lang)
    if kind == "type_error.dict":
        return (BODY_NOT_OBJECT if whole else NOT_OBJECT)(lang)
    if kind in ("type_error.enum", "value_error.const"):  # an Enum; a Literal (``lang``)
        return NOT_ALLOWED_VALUE.format(lang, allowed=_allowed(ctx))
    if kind == "value_error.any_str.max_length":
        return TOO_LONG.format(lang, limit=ctx.get("limit_value"))
    if kind == "value_error.any_str.min_length":
        limit = ctx.get("limit_value", 1)
        return EMPTY(lang) if limit == 1 else TOO_SHORT.format(lang, limit=limit)
    if kind == "value_error":  # raised by our own validators: already a sentence for the user
        if _TEXT in ctx:
            return in_language(ctx[_TEXT], lang)
        return str(error.get("msg") or INVALID_VALUE(lang))
    return INVALID_VALUE(lang)


def items(errors: List[Mapping[str, Any]], lang: Optional[str] = None) -> List[Dict[str, str]]:
    return [{"felt": field_name(e.get("loc")), "melding": message(e, lang),
             "type": str(e.get("type", ""))} for e in errors]


def unprocessable(felt: str, melding: str, kind: str) -> HTTPException:
    """A 422 to raise from an endpoint, in the same shape as the validation errors."""
    return HTTPException(422, detail=[{"felt": felt, "melding": melding, "type": kind}])


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    return JSONResponse({"detail": items(list(exc.errors()), request_language(request))},
                        status_code=422)


#: FastAPI's 400 for a body it cannot decode at all (not UTF-8): the same 422 as for a body that
#: is not JSON, as the schema documents.
_UNREADABLE_BODY = "There was an error parsing the body"


async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    lang = request_language(request)
    if exc.status_code == 400 and exc.detail == _UNREADABLE_BODY:
        return JSONResponse({"detail": [{"felt": "", "melding": NOT_JSON(lang),
                                         "type": "json_invalid"}]}, status_code=422)
    detail = exc.detail
    if isinstance(detail, str):
        detail = in_language(_HTTP_TEXTS.get(detail, detail), lang)
    return JSONResponse({"detail": detail}, status_code=exc.status_code,
                        headers=getattr(exc, "headers", None))


def install(app: FastAPI) -> None:
    """Use these error answers in ``app``."""
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
