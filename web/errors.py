"""Readable Norwegian error answers for the JSON API.

FastAPI answers invalid requests with 422 and pydantic's English messages. Here every 422 has
``{"detail": [{"felt": ..., "melding": ..., "type": ...}, ...]}``: the field (without the
"body"/"query" prefix, dotted for nested fields), a plain Norwegian sentence, and pydantic's
error type for programs. Messages a validator raises (``ValueError("...")``) are already written
for the user and pass through as they are. Starlette's default 404/405 texts are translated too.
"""
from __future__ import annotations

from typing import Any, Dict, List, Mapping

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

_LOCATIONS = {"body", "query", "path", "header", "cookie"}

_HTTP_TEXTS = {
    "Not Found": "Fant ikke siden.",
    "Method Not Allowed": "Metoden er ikke tillatt her.",
}


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


def message(error: Mapping[str, Any]) -> str:
    """One pydantic (v1) or FastAPI error as a Norwegian sentence."""
    kind = str(error.get("type", ""))
    ctx = error.get("ctx") or {}
    whole = not field_name(error.get("loc"))
    if kind == "value_error.missing":
        return ("Forespørselen mangler innhold. Send et JSON-objekt." if whole
                else "Feltet må være med.")
    if kind in ("json_invalid", "value_error.jsondecode"):
        return "Innholdet er ikke gyldig JSON."
    if kind == "type_error.dict":
        return "Innholdet må være et JSON-objekt." if whole else "Verdien må være et JSON-objekt."
    if kind == "type_error.enum":
        return f"Ugyldig verdi. Tillatte verdier: {_allowed(ctx)}."
    if kind == "value_error.any_str.max_length":
        return f"Teksten er for lang. Den kan ha høyst {ctx.get('limit_value')} tegn."
    if kind == "value_error.any_str.min_length":
        limit = ctx.get("limit_value", 1)
        return "Feltet kan ikke være tomt." if limit == 1 else \
            f"Teksten er for kort. Den må ha minst {limit} tegn."
    if kind in ("type_error.str", "type_error.string"):
        return "Verdien må være tekst."
    if kind == "type_error.bool":
        return "Verdien må være true eller false."
    if kind == "type_error.none.not_allowed":
        return "Verdien kan ikke være null."
    if kind in ("type_error.integer", "type_error.float", "type_error.number"):
        return "Verdien må være et tall."
    if kind == "type_error.list":
        return "Verdien må være en liste."
    if kind == "value_error.extra":
        return "Ukjent felt. Sjekk stavemåten mot dokumentasjonen på /docs."
    if kind == "value_error":  # raised by our own validators: already a Norwegian sentence
        return str(error.get("msg", "Ugyldig verdi."))
    return "Ugyldig verdi."


def items(errors: List[Mapping[str, Any]]) -> List[Dict[str, str]]:
    return [{"felt": field_name(e.get("loc")), "melding": message(e),
             "type": str(e.get("type", ""))} for e in errors]


def unprocessable(felt: str, melding: str, kind: str) -> HTTPException:
    """A 422 to raise from an endpoint, in the same shape as the validation errors."""
    return HTTPException(422, detail=[{"felt": felt, "melding": melding, "type": kind}])


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    return JSONResponse({"detail": items(list(exc.errors()))}, status_code=422)


#: FastAPI's 400 for a body it cannot decode at all (not UTF-8): the same 422 as for a body that
#: is not JSON, as the schema documents.
_UNREADABLE_BODY = "There was an error parsing the body"


async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    if exc.status_code == 400 and exc.detail == _UNREADABLE_BODY:
        return JSONResponse({"detail": [{"felt": "", "melding": "Innholdet er ikke gyldig JSON.",
                                         "type": "json_invalid"}]}, status_code=422)
    detail = _HTTP_TEXTS.get(exc.detail, exc.detail) if isinstance(exc.detail, str) \
        else exc.detail
    return JSONResponse({"detail": detail}, status_code=exc.status_code,
                        headers=getattr(exc, "headers", None))


def install(app: FastAPI) -> None:
    """Use the Norwegian error answers in ``app``."""
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
