"""The call definition: a validated model of ``calls/*.yml``.

One place per fact: every answer that states a fact of the call takes it from here.
A broken call file raises :class:`CallFileError`, whose message names the field.
"""
from __future__ import annotations

import os
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Optional
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import (BaseModel, Extra, HttpUrl, PrivateAttr, ValidationError, conint, constr,
                      validator)

from veileder.norsk import amount_text

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
        """"75 millioner kroner"; other amounts with Norwegian digit grouping
        (``norsk.amount_text`` writes it in each standard)."""
        return amount_text(self.kroner)


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
    # The same call in nynorsk and English (``nn:``/``en:`` in the file), see ``in_language``.
    _variants: Dict[str, "Call"] = PrivateAttr(default_factory=dict)

    @validator("kriterier")
    def _four_unique_criteria(cls, value: List[Criterion]) -> List[Criterion]:
        ids = [c.id for c in value]
        if len(set(ids)) != len(ids):
            raise ValueError("hvert kriterium trenger en unik id")
        if not value:
            raise ValueError("minst ett kriterium")
        return value

    def in_language(self, lang: Optional[str]) -> "Call":
        """The call with its texts in ``lang`` ("nn", "en"); itself for bokmål, or where the file
        has no texts in that standard. Numbers, dates and addresses are the same in all."""
        return self._variants.get(lang or "", self)

    @property
    def languages(self) -> List[str]:
        """The standards the file has texts in besides bokmål."""
        return sorted(self._variants)

    def criterion(self, criterion_id: str) -> Criterion:
        for criterion in self.kriterier:
            if criterion.id == criterion_id:
                return criterion
        raise KeyError(criterion_id)


def _field_name(loc: tuple) -> str:
    return ".".join(str(part) for part in loc)


#: The standards a call file may give its texts in besides bokmål, as top-level sections.
TRANSLATIONS = ("nn", "en")
#: Facts that are the same in every standard: a translation may not repeat or change them.
_SAME_IN_ALL = {"id", "kroner", "tidspunkt", "tidssone", "url"}


def _validate(data: Dict[str, Any], source: str, prefix: str = "") -> Call:
    try:
        return Call.parse_obj(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"felt '{prefix}{_field_name(err['loc'])}': {err['msg']}" for err in exc.errors()
        )
        raise CallFileError(f"{source}: {problems}") from exc


def _overlay(base: Any, texts: Any, path: str) -> Any:
    """``base`` with the translated ``texts`` in place: mappings key by key, lists of criteria
    by ``id``, other lists and texts replaced whole. Unknown keys and facts that are the same in
    every standard are errors, so a translation can only change wording."""
    if isinstance(base, dict):
        if not isinstance(texts, dict):
            raise ValueError(f"felt '{path}': forventet en mapping som i bokmålsteksten")
        merged = dict(base)
        for key, value in texts.items():
            if key not in base:
                raise ValueError(f"felt '{path}.{key}': finnes ikke i bokmålsteksten")
            if key in _SAME_IN_ALL and key != "id":
                raise ValueError(f"felt '{path}.{key}': er lik på alle språk; endre den bare én gang")
            merged[key] = _overlay(base[key], value, f"{path}.{key}")
        return merged
    if isinstance(base, list) and base and all(isinstance(b, dict) and "id" in b for b in base):
        if not isinstance(texts, list) or not all(isinstance(t, dict) and "id" in t for t in texts):
            raise ValueError(f"felt '{path}': forventet en liste med 'id' som i bokmålsteksten")
        by_id = {t["id"]: t for t in texts}
        unknown = set(by_id) - {b["id"] for b in base}
        if unknown:
            raise ValueError(f"felt '{path}': ukjent id {sorted(unknown)}")
        return [_overlay(b, by_id[b["id"]], f"{path}.{b['id']}") if b["id"] in by_id else b
                for b in base]
    if isinstance(base, list) and isinstance(texts, list) and any(
            isinstance(b, dict) for b in base):
        if len(texts) != len(base):
            raise ValueError(f"felt '{path}': like mange punkter som i bokmålsteksten")
        return [_overlay(b, t, f"{path}.{i}") for i, (b, t) in enumerate(zip(base, texts))]
    return texts


def parse_call(data: object, source: str = "<data>") -> Call:
    """Validate already-loaded YAML data; errors name the field.

    Top-level ``nn:`` and ``en:`` sections hold the texts in nynorsk and English, in the shape
    of the bokmål fields they translate (``Call.in_language``)."""
    if not isinstance(data, dict):
        raise CallFileError(f"{source}: forventet en YAML-mapping på toppnivå")
    base = {key: value for key, value in data.items() if key not in TRANSLATIONS}
    call = _validate(base, source)
    for lang in TRANSLATIONS:
        if data.get(lang) is None:
            continue
        try:
            merged = _overlay(base, data[lang], lang)
        except ValueError as exc:
            raise CallFileError(f"{source}: {exc}") from exc
        call._variants[lang] = _validate(merged, source, prefix=f"{lang}.")
    return call


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
