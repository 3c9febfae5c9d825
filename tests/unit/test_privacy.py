"""veileder/privacy.py: what is masked before anything a user typed is stored, on real
sentences; and what must stay (organisation numbers, dates, amounts, years)."""
import pytest

from veileder.privacy import mask_personal_data, mask_value

# Valid numbers (check digits computed with python-stdnum): fødselsnummer 010170 10170 and
# 150385 10190, D-number 410170 10083, account numbers 1234.56.78903 and 8601.11.17947.
MASKED = [
    # phone numbers
    ("ring meg på 912 34 567", "ring meg på [telefon]"),
    ("Ring meg på 912-34-567 i morgen", "Ring meg på [telefon] i morgen"),
    ("mobil 91 23 45 67, spør etter Kari", "mobil [telefon], spør etter Kari"),
    ("nr 91-23-45-67", "nr [telefon]"),
    ("tlf 91234567.", "tlf [telefon]."),
    ("tlf +47 91234567", "tlf [telefon]"),
    ("+47 912 34 567 er jobbnummeret", "[telefon] er jobbnummeret"),
    ("+4791234567", "[telefon]"),
    ("0047 22 33 44 55 er nummeret", "[telefon] er nummeret"),
    ("sentralbord 22 33 44 55", "sentralbord [telefon]"),
    # e-mail addresses
    ("send til ola.nordmann@vefsn.kommune.no takk", "send til [e-post] takk"),
    ("Kontakt: kari+innovasjon@example.com.", "Kontakt: [e-post]."),
    # identity numbers (valid: masked with any separator)
    ("fnr 01017010170", "fnr [nummer]"),
    ("Fødselsnummeret mitt er 010170-10170", "Fødselsnummeret mitt er [nummer]"),
    ("fødselsnummer 010170 10170", "fødselsnummer [nummer]"),
    ("personnr. 150385.10190", "personnr. [nummer]"),
    ("01.01.70 10170 er fnr", "[nummer] er fnr"),
    ("d-nummer 410170 10083", "d-nummer [nummer]"),
    # mistyped identity numbers are still identity numbers: 11 digits together, or 6+5 where
    # the six are a birth date, are masked even with wrong check digits
    ("01017012345", "[nummer]"),
    ("Fødselsnummeret mitt er 010170-12345", "Fødselsnummeret mitt er [nummer]"),
    ("fødselsnummer 010170 12345", "fødselsnummer [nummer]"),
    ("d-nummer 410170-12345", "d-nummer [nummer]"),
    ("h-nummer 014170 12345", "h-nummer [nummer]"),
    # account numbers
    ("konto 1234.56.78903", "konto [nummer]"),
    ("kontonummer 1234 56 78903 for utbetaling", "kontonummer [nummer] for utbetaling"),
    ("kontonr 8601-11-17947", "kontonr [nummer]"),
    # several in one message
    ("Jeg heter Kari, 912 34 567, kari@vefsn.kommune.no, fnr 010170-10170",
     "Jeg heter Kari, [telefon], [e-post], fnr [nummer]"),
]

KEPT = [
    # organisation numbers are public and needed by the eligibility check
    "orgnr 974760673",
    "Vi har organisasjonsnummer 974 760 673",
    "org.nr. 974-760-673",
    "974.760.673",
    # dates and times
    "16.04.2027",
    "Fristen er 2027-04-16, ikke sant?",
    "16.04.2020 kl 17:05",
    "Vi sender 16.04.2020 17:05",
    "kl 1700",
    "Kan vi sende 20270416?",
    "innen 16042027",
    "16.04.20 12345",  # a date and five digits that is no valid identity number
    "1234.56.78901",   # account-number grouping with a wrong check digit
    "123456 12345",    # 6+5 whose six are no birth date
    "010170.12345",    # 6.5 with a dot and wrong check digits
    # amounts and years
    "75 millioner",
    "Er potten på 75 000 000 kroner?",
    "Vi søker om 75000000 kroner",
    "kr 40 00 00 00",
    "budsjett 12 500 000 NOK",
    "i 2026 og 2027",
    "2026-2027",
    "Utlysningen kom i 2020",
    "Prosjektet varer 24 måneder",
]


@pytest.mark.parametrize("text,expected", MASKED)
def test_personal_data_is_masked(text, expected):
    assert mask_personal_data(text) == expected


@pytest.mark.parametrize("text", KEPT)
def test_public_numbers_dates_and_amounts_stay(text):
    assert mask_personal_data(text) == text


@pytest.mark.parametrize("text,expected", MASKED)
def test_masking_is_idempotent(text, expected):
    assert mask_personal_data(expected) == expected


@pytest.mark.parametrize("value,expected", [
    ("ring 912 34 567", "ring [telefon]"),
    (["Kari", "kari@example.com"], ["Kari", "[e-post]"]),
    ({"navn": "Kari", "tlf": "91234567"}, {"navn": "Kari", "tlf": "[telefon]"}),
    (("010170-10170",), ("[nummer]",)),
    (True, True),
    (3.5, 3.5),
    (None, None),
    ("974760673", "974760673"),
])
def test_mask_value(value, expected):
    assert mask_value(value) == expected
