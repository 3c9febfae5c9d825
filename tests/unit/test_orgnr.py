"""veileder.orgnr: organisation numbers and the Enhetsregisteret client.

The client is tested against the local stand-in register in ``testkit/brreg_standin.py``.
"""
from __future__ import annotations

import time

import pytest
import requests
from hypothesis import given, strategies as st
from stdnum.no import orgnr as stdnum_orgnr

from testkit.brreg_standin import BrregStandin, closed_port_url, fixture_json, standin_fixture
from components.settings import load_settings
from veileder.orgnr import (
    LookupResult,
    RETRY,
    RETRY_AFTER_MAX,
    RegistryClient,
    RegistryEntry,
    find_in_text,
    normalise,
    validate,
)

brreg = pytest.fixture(standin_fixture)


# --- validate ------------------------------------------------------------------------------

VALID = [
    ("974760673", "974760673"),
    ("974 760 673", "974760673"),
    (" 974 760 673 ", "974760673"),
    ("974.760.673", "974760673"),
    ("974-760-673", "974760673"),
    ("NO 974 760 673 MVA", "974760673"),
    ("991000100", "991000100"),
    ("991 000 305", "991000305"),
]


@pytest.mark.parametrize("text, expected", VALID)
def test_valid_numbers(text, expected):
    check = validate(text)
    assert check.valid
    assert check.orgnr == expected
    assert check.message is None


INVALID = [
    ("974760674", "kontrollsifferet"),          # wrong check digit
    ("974 760 672", "kontrollsifferet"),
    ("991000101", "kontrollsifferet"),
    ("97476067", "9 sifre"),                      # too short
    ("9747606733", "9 sifre"),                    # too long
    ("97476067a", "bare av sifre"),               # a letter
    ("abc", "bare av sifre"),
    ("", "fant ikke"),
    (None, "fant ikke"),
]


@pytest.mark.parametrize("text, phrase", INVALID)
def test_invalid_numbers_get_a_clear_norwegian_message(text, phrase):
    check = validate(text)
    assert not check.valid
    assert check.orgnr is None
    assert phrase in check.message.lower()


def test_wrong_check_digit_message_shows_the_number_grouped():
    message = validate("974760674").message
    assert "974 760 674" in message
    assert message.startswith("974 760 674 er ikke et gyldig organisasjonsnummer.")


@given(st.integers(min_value=0, max_value=999_999_999))
def test_validate_agrees_with_stdnum(value):
    number = f"{value:09d}"
    assert validate(number).valid == stdnum_orgnr.is_valid(number)
    spaced = f"{number[:3]} {number[3:6]} {number[6:]}"
    assert validate(spaced).valid == stdnum_orgnr.is_valid(number)
    if validate(number).valid:
        assert validate(number).orgnr == number
        other = number[:8] + str((int(number[8]) + 1) % 10)
        assert not validate(other).valid  # one changed check digit is always caught


# --- normalise and find_in_text ------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("974760673", "974760673"),
    ("974 760 673", "974760673"),
    ("974\u00a0760\u00a0673", "974760673"),
    ("NO974760673MVA", "974760673"),
    ("97476067", None),
    ("telefon 974760673 og mer", None),
    ("", None),
    (None, None),
])
def test_normalise(text, expected):
    assert normalise(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Orgnr: 974760673", "974760673"),
    ("vårt organisasjonsnummer er 974 760 673.", "974760673"),
    ("org.nr. 974.760.673", "974760673"),
    ("Vi har nr 991000100, sjekk det", "991000100"),
    ("tlf 12345678 og orgnr 974 760 673", "974760673"),   # 8 digits is not a number
    ("konto 1234 56 78901", None),                        # grouped differently: not ours
    ("ringer fra 4799887766", None),                      # 10 digits
    ("974760674 eller 991000100", "991000100"),           # a valid one is preferred
    ("974760674", "974760674"),                           # invalid, but the only candidate
    ("ingen tall her", None),
    ("", None),
])
def test_find_in_text(text, expected):
    assert find_in_text(text) == expected


# --- RegistryEntry -------------------------------------------------------------------------

def test_entry_from_register_json():
    entry = RegistryEntry.from_json(fixture_json("991000100"))
    assert entry == RegistryEntry(
        orgnr="991000100", navn="TESTVIK KOMMUNE", orgform="KOMM", orgform_beskrivelse="Kommune",
        sektorkode="6500", sektor_beskrivelse="Kommuneforvaltningen", konkurs=False,
        under_avvikling=False, under_tvangsavvikling=False)


@pytest.mark.parametrize("data", [None, [], "x", {}, {"organisasjonsnummer": "123"},
                                  {"organisasjonsnummer": "991000100"},
                                  {"organisasjonsnummer": "991000100", "navn": " "}])
def test_entry_rejects_what_is_not_an_entity(data):
    with pytest.raises(ValueError):
        RegistryEntry.from_json(data)


# --- RegistryClient against the stand-in register ------------------------------------------

FOUND = [
    ("991000100", "KOMM", "6500", "TESTVIK KOMMUNE"),
    ("991001301", "FYLK", "6500", "TESTLAND FYLKESKOMMUNE"),
    ("991001603", "ORGL", "6100", "TESTDIREKTORATET"),
    ("991000208", "IKS", "6500", "TESTVIK OG OMEGN RENOVASJON IKS"),
    ("991000305", "SÆR", "6100", "HELSE TESTVIK HF"),
    ("991000402", "ENK", "8200", "OLA TESTMANN"),
    ("991000607", "AS", "2100", "TESTVIK TEKNOLOGI AS"),
    ("991000704", "AS", "1520", "TESTVIK ENERGI AS"),
    ("991000801", "STI", "7000", "STIFTELSEN TESTVIK MUSEUM"),
    ("991002006", "KF", "6500", "TESTVIK HAVN KF"),
    ("991002103", "SF", "1110", "TESTFOND SF"),
]


@pytest.mark.parametrize("number, form, sector, name", FOUND)
def test_lookup_found(brreg, number, form, sector, name):
    result = RegistryClient(base_url=brreg.base_url).lookup(number)
    assert result.status == "found" and result.found
    assert result.entry.orgform == form
    assert result.entry.sektorkode == sector
    assert result.entry.navn == name
    assert result.orgnr == number
    assert result.message is None
    assert brreg.requests == [f"/enhetsregisteret/api/enheter/{number}"]


def test_lookup_accepts_spaces(brreg):
    result = RegistryClient(base_url=brreg.base_url).lookup("991 000 100")
    assert result.status == "found"
    assert brreg.hits["991000100"] == 1


def test_lookup_mentions_konkurs_and_avvikling(brreg):
    result = RegistryClient(base_url=brreg.base_url).lookup("991000909")
    assert result.status == "found"
    assert result.entry.konkurs and result.entry.under_avvikling
    assert "konkurs" in result.message and "under avvikling" in result.message


def test_lookup_unknown_404(brreg):
    result = RegistryClient(base_url=brreg.base_url).lookup("991001409")
    assert result.status == "unknown"
    assert result.entry is None
    assert "991 001 409" in result.message
    assert brreg.hits["991001409"] == 1


def test_lookup_deleted_410(brreg):
    result = RegistryClient(base_url=brreg.base_url).lookup("991001107")
    assert result.status == "deleted"
    assert result.entry is None
    assert "slettet" in result.message and "1. mars 2019" in result.message


def test_lookup_deleted_200_slettet_enhet_body(brreg):
    result = RegistryClient(base_url=brreg.base_url).lookup("991001204")
    assert result.status == "deleted"
    assert "30. juni 2021" in result.message


def test_lookup_410_without_body(brreg):
    brreg.respond("991001506", 410, None)
    result = RegistryClient(base_url=brreg.base_url).lookup("991001506")
    assert result.status == "deleted"
    assert "slettet fra Enhetsregisteret." in result.message


def test_lookup_timeout(brreg):
    brreg.respond("991001506", 200, fixture_json("991000100"), delay=1.0)
    client = RegistryClient(base_url=brreg.base_url, timeout=0.2)
    started = time.monotonic()
    result = client.lookup("991001506")
    assert time.monotonic() - started < 1.5  # two tries of 0.2 s and the backoff between
    assert brreg.hits["991001506"] == 2
    assert result.status == "unavailable"
    assert "Enhetsregisteret" in result.message


@pytest.mark.parametrize("body", [b"{not json", b"", b"[1, 2, 3]", b'{"navn": "X"}',
                                  b"<html>Service Unavailable</html>"])
def test_lookup_malformed_json(brreg, body):
    brreg.respond("991001506", 200, body)
    result = RegistryClient(base_url=brreg.base_url).lookup("991001506")
    assert result.status == "unavailable"


@pytest.mark.parametrize("status", [500, 502, 503, 429, 301])
def test_lookup_server_errors(brreg, status):
    brreg.respond("991001506", status, {"status": status})
    result = RegistryClient(base_url=brreg.base_url).lookup("991001506")
    assert result.status == "unavailable"


@pytest.mark.parametrize("status, delay, retry_after, waits_at_least", [
    (503, 0.0, None, RETRY.backoff_factor),     # 5xx: one more try after the backoff
    (500, 0.0, None, RETRY.backoff_factor),
    (502, 0.0, None, RETRY.backoff_factor),
    (200, 1.0, None, 0.3),                      # a timeout (0.3 s), then the answer
    (429, 0.0, "1", 1.0),                       # Retry-After honoured
    (503, 0.0, "1", 1.0),
    (429, 0.0, "3600", RETRY_AFTER_MAX),        # capped
])
def test_lookup_retries_once(brreg, status, delay, retry_after, waits_at_least):
    brreg.fail_next("991000100", status, delay=delay, retry_after=retry_after)
    started = time.monotonic()
    result = RegistryClient(base_url=brreg.base_url, timeout=0.3).lookup("991000100")
    assert result.status == "found" and result.entry.navn == "TESTVIK KOMMUNE"
    assert brreg.hits["991000100"] == 2
    assert time.monotonic() - started >= waits_at_least - 0.05


def test_lookup_retries_only_once(brreg):
    brreg.fail_next("991000100", 503, times=2)
    assert RegistryClient(base_url=brreg.base_url).lookup("991000100").status == "unavailable"
    assert brreg.hits["991000100"] == 2


def test_lookup_connection_refused():
    result = RegistryClient(base_url=closed_port_url(), timeout=1.0).lookup("991000100")
    assert result == LookupResult("unavailable", None, result.message, "991000100")
    assert result.message


def test_lookup_invalid_number_does_not_ask_the_register(brreg):
    result = RegistryClient(base_url=brreg.base_url).lookup("991000101")
    assert result.status == "invalid"
    assert "kontrollsifferet" in result.message
    assert brreg.requests == []


def test_lookup_never_raises_even_if_the_session_does():
    class Exploding(requests.Session):
        def get(self, *args, **kwargs):
            raise RuntimeError("boom")

    result = RegistryClient(base_url="http://127.0.0.1:9", session=Exploding()).lookup("991000100")
    assert result.status == "unavailable"


# --- cache ---------------------------------------------------------------------------------

def test_cache_second_lookup_does_not_hit_the_server(brreg):
    client = RegistryClient(base_url=brreg.base_url)
    first = client.lookup("991000100")
    second = client.lookup("991 000 100")
    assert first == second
    assert brreg.hits["991000100"] == 1


@pytest.mark.parametrize("number", ["991001409", "991001107"])
def test_cache_keeps_unknown_and_deleted(brreg, number):
    client = RegistryClient(base_url=brreg.base_url)
    client.lookup(number)
    client.lookup(number)
    assert brreg.hits[number] == 1


def test_cache_expires_after_ttl(brreg):
    now = [1000.0]
    client = RegistryClient(base_url=brreg.base_url, ttl=60, clock=lambda: now[0])
    client.lookup("991000100")
    now[0] += 59
    client.lookup("991000100")
    assert brreg.hits["991000100"] == 1
    now[0] += 2
    client.lookup("991000100")
    assert brreg.hits["991000100"] == 2


def test_cache_does_not_keep_unavailable(brreg):
    brreg.respond("991001506", 503, None)
    client = RegistryClient(base_url=brreg.base_url)
    assert client.lookup("991001506").status == "unavailable"  # after one more try
    recovered = dict(fixture_json("991000100"), organisasjonsnummer="991001506")
    brreg.respond("991001506", 200, recovered)
    assert client.lookup("991001506").status == "found"
    assert brreg.hits["991001506"] == 3


def test_cache_is_bounded(brreg):
    client = RegistryClient(base_url=brreg.base_url, max_entries=2)
    for number in ("991000100", "991000208", "991000305"):
        client.lookup(number)
    client.lookup("991000100")  # evicted as the oldest
    assert brreg.hits["991000100"] == 2


def test_clear_cache(brreg):
    client = RegistryClient(base_url=brreg.base_url)
    client.lookup("991000100")
    client.clear_cache()
    client.lookup("991000100")
    assert brreg.hits["991000100"] == 2


# --- configuration -------------------------------------------------------------------------

def test_base_url_from_the_settings(brreg):
    settings = load_settings({"ENHETSREGISTERET_URL": brreg.base_url + "/"})
    client = RegistryClient(settings.enhetsregisteret_url)
    assert client.base_url == brreg.base_url
    assert client.lookup("991000100").status == "found"
    assert RegistryClient(brreg.base_url + "/").base_url == brreg.base_url


def test_default_base_url_and_timeout():
    client = RegistryClient(load_settings({}).enhetsregisteret_url)
    assert client.base_url == "https://data.brreg.no/enhetsregisteret/api"
    assert client.timeout == 3.0


def test_session_is_used_and_asks_for_json(brreg):
    class Counting(requests.Session):
        calls = 0

        def get(self, *args, **kwargs):
            Counting.calls += 1
            return super().get(*args, **kwargs)

    client = RegistryClient(base_url=brreg.base_url, session=Counting())
    assert client.lookup("991000100").status == "found"
    assert Counting.calls == 1
    assert brreg.headers[0]["Accept"] == "application/json"


def test_standin_is_reusable_on_its_own():
    with BrregStandin() as register:
        assert register.port > 0
        response = requests.get(f"{register.base_url}/enheter/991000100", timeout=2)
        assert response.status_code == 200
        assert response.json()["organisasjonsform"]["kode"] == "KOMM"
        assert requests.get(f"{register.base_url}/enheter/991001409", timeout=2).status_code == 404
        assert requests.get(f"{register.base_url}/enheter/991001107", timeout=2).status_code == 410
