import pytest

from veileder.privacy import mask_personal_data

CASES = [
    ("ring meg på 912 34 567", "ring meg på [telefon]"),
    ("tlf +47 91234567", "tlf [telefon]"),
    ("0047 22 33 44 55 er nummeret", "[telefon] er nummeret"),
    ("send til ola.nordmann@vefsn.kommune.no takk", "send til [e-post] takk"),
    ("fnr 01017012345", "fnr [nummer]"),
    ("fødselsnummer 010170 12345", "fødselsnummer [nummer]"),
    ("konto 1234.56.78901", "konto [nummer]"),
    # kept: organisation numbers, dates, times, amounts
    ("orgnr 974760673", "orgnr 974760673"),
    ("974 760 673", "974 760 673"),
    ("16.04.2020 kl 17:05", "16.04.2020 kl 17:05"),
    ("75 millioner", "75 millioner"),
    ("kl 1700", "kl 1700"),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_mask(text, expected):
    assert mask_personal_data(text) == expected
