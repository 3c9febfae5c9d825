"""Organisation numbers and the Enhetsregisteret client.

Pure domain code: no Rasa or FastAPI imports. The only I/O is :class:`RegistryClient`, which
talks HTTP through a ``requests.Session`` and never raises to its caller.

API
---
``normalise(text) -> Optional[str]``
    The 9 digits of an organisation number written alone, with or without spaces, dots or
    dashes ("974 760 673", "974.760.673", "NO 974 760 673 MVA"). ``None`` when the text is not
    9 digits. The check digit is *not* checked here.
``find_in_text(text) -> Optional[str]``
    The first organisation number in free text ("vårt orgnr er 974 760 673"), 9 digits that are
    not part of a longer number, grouped 3-3-3 or not. A number with a valid check digit is
    preferred over an earlier one without; ``None`` when there is none.
    ``without_numbers(text)`` is the text with those numbers left out.
``validate(orgnr) -> OrgnrCheck(valid, orgnr, message)``
    Checks length, digits and the mod-11 check digit with ``stdnum.no.orgnr``. ``orgnr`` is the
    compact 9-digit form when valid; ``message`` is a plain Norwegian sentence when not.
``RegistryEntry``
    What the rules need from an entry in Enhetsregisteret: ``orgnr``, ``navn``, ``orgform``
    (``organisasjonsform.kode``), ``orgform_beskrivelse``, ``sektorkode``
    (``institusjonellSektorkode.kode``), ``sektor_beskrivelse``, ``konkurs``,
    ``under_avvikling``, ``under_tvangsavvikling``.
``RegistryClient(base_url, timeout=3.0, ttl=3600, session=None)``
    ``lookup(orgnr) -> LookupResult(status, entry, message, orgnr)``. The adapters pass the base
    URL from their settings (``ENHETSREGISTERET_URL``, default
    ``https://data.brreg.no/enhetsregisteret/api``). It asks ``GET {base}/enheter/{orgnr}``.
    A timeout, a refused connection or a 5xx is tried once more after a short backoff, and a
    429 or 503 after the ``Retry-After`` it gives (at most ``RETRY_AFTER_MAX`` seconds):
    urllib3's ``Retry`` (:data:`RETRY`) on the session's adapter for the register's URL.

Statuses of a lookup
--------------------
``found``        200 with an entity; ``entry`` is set. ``message`` mentions konkurs or
                 avvikling when the register says so, else it is ``None``.
``unknown``      404 (or 400): the register does not know the number.
``deleted``      410, or 200 with a deleted-entity body (``respons_klasse: "SlettetEnhet"`` or a
                 ``slettedato``): the live register answers deletions both ways.
``unavailable``  timeout, connection error, 5xx or another status, a body that is not the JSON
                 of an entity. Not cached, so the next lookup tries again.
``invalid``      the number failed :func:`validate`; the register is not asked. (A refinement
                 of the four statuses in the issue: a typo is not "unknown to the register".)

Results other than ``unavailable`` are cached in-process for ``ttl`` seconds (bounded to
``max_entries``; the oldest entry goes first). The timeout is the ``requests`` timeout, applied to
connecting and to each read.
"""
from __future__ import annotations

import re
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from typing import Callable, Literal, Optional

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry
from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength, ValidationError
from stdnum.no import orgnr as _stdnum_orgnr

from veileder.i18n import LocalText as T
from veileder.i18n import Said
from veileder.norsk import format_date

# --- What the user is told, in bokmål, nynorsk and English ------------------------------------
NO_NUMBER = T("Vi fant ikke noe organisasjonsnummer. Et organisasjonsnummer har 9 sifre.",
              "Vi fann ikkje noko organisasjonsnummer. Eit organisasjonsnummer har 9 siffer.",
              "We found no organisation number. An organisation number has 9 digits.")
DIGITS_ONLY = T("Et organisasjonsnummer består bare av sifre. Det har 9 sifre.",
                "Eit organisasjonsnummer består berre av siffer. Det har 9 siffer.",
                "An organisation number consists of digits only. It has 9 digits.")
WRONG_LENGTH = T("Et organisasjonsnummer har 9 sifre. Nummeret du skrev, har {count}.",
                 "Eit organisasjonsnummer har 9 siffer. Nummeret du skreiv, har {count}.",
                 "An organisation number has 9 digits. The number you wrote has {count}.")
BAD_CHECK_DIGIT = T(
    "{number} er ikke et gyldig organisasjonsnummer. Det siste sifferet, kontrollsifferet, "
    "stemmer ikke. Sjekk at du har skrevet nummeret riktig.",
    "{number} er ikkje eit gyldig organisasjonsnummer. Det siste sifferet, kontrollsifferet, "
    "stemmer ikkje. Sjekk at du har skrive nummeret rett.",
    "{number} is not a valid organisation number. The last digit, the check digit, does not "
    "match. Check that you have written the number correctly.")
NOT_VALID = T("Det er ikke et gyldig organisasjonsnummer.",
              "Det er ikkje eit gyldig organisasjonsnummer.",
              "That is not a valid organisation number.")
BANKRUPT = T("Enhetsregisteret viser at {name} er konkurs.",
             "Einingsregisteret viser at {name} er konkurs.",
             "The Central Coordinating Register for Legal Entities (Enhetsregisteret) shows that "
             "{name} is bankrupt.")
WINDING_UP = T("Enhetsregisteret viser at {name} er under avvikling.",
               "Einingsregisteret viser at {name} er under avvikling.",
               "The Central Coordinating Register for Legal Entities (Enhetsregisteret) shows "
               "that {name} is being wound up.")
COMPULSORY_WINDING_UP = T(
    "Enhetsregisteret viser at {name} er under tvangsavvikling eller tvangsoppløsning.",
    "Einingsregisteret viser at {name} er under tvangsavvikling eller tvangsoppløysing.",
    "The Central Coordinating Register for Legal Entities (Enhetsregisteret) shows that {name} "
    "is being compulsorily wound up or dissolved.")
NOT_FOUND = T("Vi fant ikke organisasjonsnummeret {number} i Enhetsregisteret. Sjekk at "
              "nummeret er riktig.",
              "Vi fann ikkje organisasjonsnummeret {number} i Einingsregisteret. Sjekk at "
              "nummeret er rett.",
              "We did not find the organisation number {number} in the Central Coordinating "
              "Register for Legal Entities (Enhetsregisteret). Check that the number is right.")
DELETED = T("Organisasjonsnummeret {number} ble slettet fra Enhetsregisteret. Har virksomheten "
            "fått et nytt nummer?",
            "Organisasjonsnummeret {number} vart sletta frå Einingsregisteret. Har verksemda "
            "fått eit nytt nummer?",
            "The organisation number {number} was deleted from the Central Coordinating Register "
            "for Legal Entities (Enhetsregisteret). Has the organisation got a new number?")
DELETED_ON = T("Organisasjonsnummeret {number} ble slettet fra Enhetsregisteret den {date}. Har "
               "virksomheten fått et nytt nummer?",
               "Organisasjonsnummeret {number} vart sletta frå Einingsregisteret {date}. Har "
               "verksemda fått eit nytt nummer?",
               "The organisation number {number} was deleted from the Central Coordinating "
               "Register for Legal Entities (Enhetsregisteret) on {date}. Has the organisation "
               "got a new number?")
NO_ANSWER = T("Vi får ikke svar fra Enhetsregisteret akkurat nå.",
              "Vi får ikkje svar frå Einingsregisteret akkurat no.",
              "We get no answer from the Central Coordinating Register for Legal Entities "
              "(Enhetsregisteret) right now.")

#: Institutional sector codes for public administration (a strong signal:
#: docs/eligibility-rules.md R7).
PUBLIC_ADMINISTRATION_SECTORS = {"6100": "statsforvaltningen", "6500": "kommuneforvaltningen"}

Status = Literal["found", "unknown", "deleted", "unavailable", "invalid"]

_SEPARATORS = re.compile(r"[\s.\-\u00a0]+")
_IN_TEXT = re.compile(r"(?<![\d])(\d{3}[ .\u00a0]?\d{3}[ .\u00a0]?\d{3})(?![\d])")


def format_orgnr(orgnr: str) -> str:
    """'974760673' -> '974 760 673' (other text is returned unchanged)."""
    return f"{orgnr[:3]} {orgnr[3:6]} {orgnr[6:]}" if re.fullmatch(r"\d{9}", orgnr or "") else orgnr


def normalise(text: Optional[str]) -> Optional[str]:
    """The 9 digits of an organisation number written on its own, else ``None``."""
    if not text:
        return None
    compact = _SEPARATORS.sub("", str(text)).upper()
    if compact.startswith("NO"):
        compact = compact[2:]
    if compact.endswith("MVA"):
        compact = compact[:-3]
    return compact if re.fullmatch(r"\d{9}", compact) else None


def find_in_text(text: Optional[str]) -> Optional[str]:
    """The first organisation number in free text (a valid one preferred), else ``None``."""
    if not text:
        return None
    candidates = [_SEPARATORS.sub("", m.group(1)) for m in _IN_TEXT.finditer(str(text))]
    for candidate in candidates:
        if _stdnum_orgnr.is_valid(candidate):
            return candidate
    return candidates[0] if candidates else None


def without_numbers(text: str) -> str:
    """The text with the organisation numbers :func:`find_in_text` would find left out."""
    return _IN_TEXT.sub(" ", text)


@dataclass(frozen=True)
class OrgnrCheck:
    valid: bool
    orgnr: Optional[str]
    message: Optional[str]


def validate(orgnr: Optional[str]) -> OrgnrCheck:
    """Check an organisation number; the message is plain Norwegian for the user."""
    raw = "" if orgnr is None else str(orgnr).strip()
    compact = normalise(raw) or _SEPARATORS.sub("", raw)
    if not compact:
        return OrgnrCheck(False, None, Said((NO_NUMBER, {})))
    try:
        number = _stdnum_orgnr.validate(compact)
    except InvalidLength:
        if not compact.isdigit():
            return OrgnrCheck(False, None, Said((DIGITS_ONLY, {})))
        return OrgnrCheck(False, None, Said((WRONG_LENGTH, {"count": len(compact)})))
    except InvalidChecksum:
        return OrgnrCheck(False, None, Said((BAD_CHECK_DIGIT, {"number": format_orgnr(compact)})))
    except InvalidFormat:
        return OrgnrCheck(False, None, Said((DIGITS_ONLY, {})))
    except ValidationError:  # pragma: no cover - stdnum's base class, for future subclasses
        return OrgnrCheck(False, None, Said((NOT_VALID, {})))
    return OrgnrCheck(True, number, None)


@dataclass(frozen=True)
class RegistryEntry:
    orgnr: str
    navn: str
    orgform: Optional[str] = None
    orgform_beskrivelse: Optional[str] = None
    sektorkode: Optional[str] = None
    sektor_beskrivelse: Optional[str] = None
    konkurs: bool = False
    under_avvikling: bool = False
    under_tvangsavvikling: bool = False

    @classmethod
    def from_json(cls, data: object) -> "RegistryEntry":
        """Build from the register's JSON for one entity; ``ValueError`` if it is not one."""
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        number = data.get("organisasjonsnummer")
        name = data.get("navn")
        if not isinstance(number, str) or not re.fullmatch(r"\d{9}", number):
            raise ValueError("organisasjonsnummer missing or malformed")
        if not isinstance(name, str) or not name.strip():
            raise ValueError("navn missing")
        form = _mapping(data.get("organisasjonsform"))
        sector = _mapping(data.get("institusjonellSektorkode"))
        return cls(
            orgnr=number,
            navn=name.strip(),
            orgform=_text(form.get("kode")),
            orgform_beskrivelse=_text(form.get("beskrivelse")),
            sektorkode=_text(sector.get("kode")),
            sektor_beskrivelse=_text(sector.get("beskrivelse")),
            # Newer answers also carry underKonkursbehandling; either flag means bankruptcy.
            konkurs=bool(data.get("konkurs") or data.get("underKonkursbehandling")),
            under_avvikling=bool(data.get("underAvvikling")),
            under_tvangsavvikling=bool(data.get("underTvangsavviklingEllerTvangsopplosning")),
        )


def _mapping(value: object) -> dict:
    return value if isinstance(value, dict) else {}


def _text(value: object) -> Optional[str]:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


@dataclass(frozen=True)
class LookupResult:
    status: Status
    entry: Optional[RegistryEntry] = None
    message: Optional[str] = None
    orgnr: Optional[str] = None

    @property
    def found(self) -> bool:
        return self.status == "found"


def _status_note(entry: RegistryEntry) -> Optional[str]:
    notes = [(text, {"name": entry.navn}) for flag, text in (
        (entry.konkurs, BANKRUPT), (entry.under_avvikling, WINDING_UP),
        (entry.under_tvangsavvikling, COMPULSORY_WINDING_UP)) if flag]
    return Said(*notes) if notes else None


RETRY_AFTER_MAX = 5  # seconds: a longer Retry-After is cut; the form then asks instead


class _Retry(Retry):
    """urllib3's Retry, with its backoff before the first retry too (urllib3 retries the
    first time at once)."""

    def get_backoff_time(self) -> float:
        return max(super().get_backoff_time(), self.backoff_factor)


#: One more try on a timeout, a refused connection, 5xx or 429 (``Retry-After`` honoured).
RETRY = _Retry(total=1, connect=1, read=1, status=1, other=0, allowed_methods={"GET"},
              status_forcelist={429, 500, 502, 503, 504}, backoff_factor=0.3,
              respect_retry_after_header=True, retry_after_max=RETRY_AFTER_MAX,
              raise_on_status=False)


class RegistryClient:
    """Looks organisation numbers up in Enhetsregisteret; never raises to the caller."""

    def __init__(
        self,
        base_url: str,
        timeout: float = 3.0,
        ttl: float = 3600,
        session: Optional[requests.Session] = None,
        *,
        max_entries: int = 1024,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.ttl = ttl
        self.max_entries = max_entries
        self._clock = clock
        self._session = session or requests.Session()
        self._session.mount(f"{self.base_url}/", HTTPAdapter(max_retries=RETRY))
        self._cache: "OrderedDict[str, tuple[float, LookupResult]]" = OrderedDict()
        self._lock = threading.Lock()

    def clear_cache(self) -> None:
        with self._lock:
            self._cache.clear()

    def close(self) -> None:
        self._session.close()

    def lookup(self, orgnr: Optional[str]) -> LookupResult:
        check = validate(orgnr)
        if not check.valid:
            return LookupResult("invalid", None, check.message, None)
        number = check.orgnr
        cached = self._cached(number)
        if cached is not None:
            return cached
        try:
            result = self._fetch(number)
        except Exception:  # the contract: never raise to the caller
            result = _unavailable(number)
        if result.status != "unavailable":
            self._store(number, result)
        return result

    # -- internals ------------------------------------------------------------------------

    def _cached(self, number: str) -> Optional[LookupResult]:
        with self._lock:
            hit = self._cache.get(number)
            if hit is None:
                return None
            stored_at, result = hit
            if self._clock() - stored_at >= self.ttl:
                del self._cache[number]
                return None
            return result

    def _store(self, number: str, result: LookupResult) -> None:
        with self._lock:
            self._cache[number] = (self._clock(), result)
            self._cache.move_to_end(number)
            while len(self._cache) > self.max_entries:
                self._cache.popitem(last=False)

    def _fetch(self, number: str) -> LookupResult:
        url = f"{self.base_url}/enheter/{number}"
        try:
            response = self._session.get(url, timeout=self.timeout,
                                         headers={"Accept": "application/json"})
        except requests.RequestException:
            return _unavailable(number)
        shown = format_orgnr(number)
        if response.status_code in (404, 400):
            return LookupResult("unknown", None, Said((NOT_FOUND, {"number": shown})), number)
        if response.status_code == 410:
            return _deleted(number, _json_or_none(response))
        if response.status_code != 200:
            return _unavailable(number)
        data = _json_or_none(response)
        if isinstance(data, dict) and (data.get("respons_klasse") == "SlettetEnhet"
                                       or data.get("slettedato")):
            return _deleted(number, data)
        try:
            entry = RegistryEntry.from_json(data)
        except ValueError:
            return _unavailable(number)
        return LookupResult("found", entry, _status_note(entry), number)


def _json_or_none(response: requests.Response) -> object:
    try:
        return response.json()
    except ValueError:
        return None


def _deleted(number: str, data: object) -> LookupResult:
    day = _deletion_date(data.get("slettedato")) if isinstance(data, dict) else None
    shown = format_orgnr(number)
    said = (Said((DELETED_ON, {"number": shown,
                               "date": lambda lang: format_date(day, weekday=False, lang=lang)}))
            if day else Said((DELETED, {"number": shown})))
    return LookupResult("deleted", None, said, number)


def _deletion_date(value: object) -> Optional[date]:
    """'2019-03-01' -> that date; anything else -> None."""
    try:
        return date.fromisoformat(str(value or "")[:10])
    except ValueError:
        return None


def _unavailable(number: str) -> LookupResult:
    return LookupResult("unavailable", None, Said((NO_ANSWER, {})), number)
