"""The call definition: a validated model of ``calls/*.yml``.

One place per fact: every answer that states a fact of the call takes it from here.
A broken call file raises :class:`CallFileError`, whose message names the field.
"""
from __future__ import annotations

import os
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import List, Optional
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import BaseModel, Extra, HttpUrl, ValidationError, conint, constr, validator

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CALL_FILE = PROJECT_ROOT / "calls" / "innovasjonspartnerskap-2020.yml"

Text = constr(strip_whitespace=True, min_length=1)


class CallFileError(ValueError):
    """The call file is missing, not YAML, or has a field that is missing or wrong."""


class _Model(BaseModel):
    class Config:
        extra = Extra.forbid
        allow_mutation = False


class Amount(_Model):
    kroner: conint(gt=0)

    @property
    def tekst(self) -> str:
        """"75 millioner kroner"; other amounts with Norwegian digit grouping."""
        millions, rest = divmod(self.kroner, 1_000_000)
        if not rest:
            return f"{millions} million kroner" if millions == 1 else f"{millions} millioner kroner"
        return f"{self.kroner:,} kroner".replace(",", "\u00a0")


class Purpose(_Model):
    kort: Text
    mal: Text
    innovasjonspartnerskap: Text


class WhoMayApply(_Model):
    kan: Text
    vilkar: List[Text]
    eksempler: List[Text]
    kan_ikke: Text
    ikke_sokere: List[Text]


class Deadline(_Model):
    hva: Text
    tidspunkt: datetime
    tidssone: Text

    @validator("tidssone")
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"ukjent tidssone {value!r}") from exc
        return value

    @validator("tidspunkt")
    def _naive_local_time(cls, value: datetime) -> datetime:
        if value.tzinfo is not None:
            raise ValueError("skriv lokal tid uten tidssone; tidssonen står i 'tidssone'")
        return value

    @property
    def at(self) -> datetime:
        """The deadline as an aware datetime in its own zone."""
        return self.tidspunkt.replace(tzinfo=ZoneInfo(self.tidssone))


class Criterion(_Model):
    id: constr(regex=r"^[a-z_]+$")
    navn: Text
    punkter: List[Text]


class Minister(_Model):
    navn: Text
    tittel: Text
    sitat: Text
    poeng: Text


class ReadMore(_Model):
    tittel: Text
    url: Optional[HttpUrl] = None


class Source(_Model):
    tittel: Text
    url: HttpUrl


class Contact(_Model):
    navn: Text
    url: HttpUrl


class Call(_Model):
    id: Text
    tittel: Text
    eier: Text
    kunngjort: Text
    belop: Amount
    formal: Purpose
    hvem_kan_soke: WhoMayApply
    frist: Deadline
    kriterier: List[Criterion]
    gevinstpotensial: Text
    eksisterende_losning: Text
    temaer: List[Text]
    temaer_merknad: Text
    forventede_gevinster: List[Text]
    minister: Minister
    les_mer: List[ReadMore]
    kilde: Source
    kontakt: Contact

    @validator("kriterier")
    def _four_unique_criteria(cls, value: List[Criterion]) -> List[Criterion]:
        ids = [c.id for c in value]
        if len(set(ids)) != len(ids):
            raise ValueError("hvert kriterium trenger en unik id")
        if not value:
            raise ValueError("minst ett kriterium")
        return value

    def criterion(self, criterion_id: str) -> Criterion:
        for criterion in self.kriterier:
            if criterion.id == criterion_id:
                return criterion
        raise KeyError(criterion_id)


def _field_name(loc: tuple) -> str:
    return ".".join(str(part) for part in loc)


def parse_call(data: object, source: str = "<data>") -> Call:
    """Validate already-loaded YAML data; errors name the field."""
    if not isinstance(data, dict):
        raise CallFileError(f"{source}: forventet en YAML-mapping på toppnivå")
    try:
        return Call.parse_obj(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"felt '{_field_name(err['loc'])}': {err['msg']}" for err in exc.errors()
        )
        raise CallFileError(f"{source}: {problems}") from exc


def load_call(path: os.PathLike = DEFAULT_CALL_FILE) -> Call:
    """Load and validate a call file (default: the 2020 call)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CallFileError(f"{path}: kan ikke lese filen ({exc.strerror})") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise CallFileError(f"{path}: ikke gyldig YAML: {exc}") from exc
    return parse_call(data, str(path))


@lru_cache(maxsize=8)
def _cached(path: str, mtime_ns: int) -> Call:
    return load_call(path)


def current_call(path: os.PathLike) -> Call:
    """The call in ``path``, reloaded when the file changes (cheap to call per message).

    The adapters pass the configured file (``ASSISTANT_CALL_FILE``, ``components/settings.py``).
    """
    path = Path(path)
    try:
        mtime = path.stat().st_mtime_ns
    except OSError as exc:
        raise CallFileError(f"{path}: kan ikke lese filen ({exc.strerror})") from exc
    return _cached(str(path), mtime)
