"""Who is asking: the one order of precedence of veileder.applicant.identify, as a table."""
from __future__ import annotations

import pytest

from veileder.applicant import NOT_RECOGNISED, WRITE_INSTEAD, identify
from veileder.eligibility import OrgFamily
from veileder.orgnr import LookupResult, RegistryEntry

F = OrgFamily
KOMMUNE = RegistryEntry("991000100", "TESTVIK KOMMUNE", "KOMM", "Kommune", "6500")
BEDRIFT = RegistryEntry("991000607", "TESTVIK TEKNOLOGI AS", "AS", "Aksjeselskap", "2100")
FOUND = LookupResult("found", KOMMUNE, None, "991000100")
FOUND_AS = LookupResult("found", BEDRIFT, None, "991000607")
UNKNOWN_MSG = ("Vi fant ikke organisasjonsnummeret 974 760 673 i Enhetsregisteret. "
               "Sjekk at nummeret er riktig.")
UNKNOWN = LookupResult("unknown", None, UNKNOWN_MSG, "974760673")
DELETED_MSG = ("Organisasjonsnummeret 974 760 673 ble slettet fra Enhetsregisteret. "
               "Har virksomheten fått et nytt nummer?")
DELETED = LookupResult("deleted", None, DELETED_MSG, "974760673")
INVALID_MSG = ("991 000 101 er ikke et gyldig organisasjonsnummer. Det siste sifferet, "
               "kontrollsifferet, stemmer ikke. Sjekk at du har skrevet nummeret riktig.")
INVALID = LookupResult("invalid", None, INVALID_MSG, None)
DOWN = LookupResult("unavailable", None, "Vi får ikke svar fra Enhetsregisteret akkurat nå.",
                    "991000100")
DOWN_OTHERS = ("Vi fikk ikke slått opp 991 000 100 i Enhetsregisteret, så vurderingen bygger på "
               "de andre opplysningene.")
DOWN_ASK = f"Vi fikk ikke slått opp 991 000 100 i Enhetsregisteret akkurat nå. {WRITE_INSTEAD}"

# (case, arguments, family, source, notes)
PRECEDENCE = [
    ("nothing", {}, None, None, ()),
    ("text", {"text": "Vi er Vefsn kommune"}, F.MUNICIPALITY, "description", ()),
    ("text not recognised", {"text": "blåbær"}, None, None, (NOT_RECOGNISED,)),
    # 3. the form code wins over the text
    ("orgform over text", {"orgform": "KOMM", "text": "vi er et AS"}, F.MUNICIPALITY, "orgform",
     ()),
    ("orgform with sector", {"orgform": "AS", "sektorkode": "1520"}, F.PUBLIC_COMPANY, "orgform",
     ()),
    ("unknown orgform", {"orgform": "BRL", "text": "vi er en kommune"}, F.UNKNOWN, "orgform",
     ("Vi kjenner ikke organisasjonsformen BRL, så vi vurderer vilkårene hver for seg.",)),
    # 2. the register wins over the form code and the text
    ("register over text", {"lookup": FOUND, "text": "vi er et AS"}, F.MUNICIPALITY,
     "enhetsregisteret", ()),
    ("register over orgform", {"lookup": FOUND_AS, "orgform": "KOMM"}, F.COMPANY,
     "enhetsregisteret", ()),
    # 1. an explicit family wins over everything
    ("family over register", {"lookup": FOUND, "family": "county"}, F.COUNTY, "family", ()),
    ("family over orgform and text", {"family": F.FOUNDATION, "orgform": "KOMM",
                                      "text": "kommune"}, F.FOUNDATION, "family", ()),
    # a number the register did not identify: the next step applies, with a note
    ("unknown number, text", {"lookup": UNKNOWN, "text": "974760673, vi er en kommune"},
     F.MUNICIPALITY, "description", (UNKNOWN_MSG,)),
    ("unknown number alone", {"lookup": UNKNOWN, "text": "974760673"}, None, None,
     (f"{UNKNOWN_MSG} {WRITE_INSTEAD}",)),
    ("unknown number, text not recognised", {"lookup": UNKNOWN, "text": "orgnr 974760673"},
     None, None, (f"{UNKNOWN_MSG} {WRITE_INSTEAD}",)),
    ("deleted number, orgform", {"lookup": DELETED, "orgform": "KOMM"}, F.MUNICIPALITY,
     "orgform", (DELETED_MSG,)),
    ("deleted number, family", {"lookup": DELETED, "family": "county"}, F.COUNTY, "family",
     (DELETED_MSG,)),
    ("register down, text", {"lookup": DOWN, "text": "991000100, vi er en kommune"},
     F.MUNICIPALITY, "description", (DOWN_OTHERS,)),
    ("register down alone", {"lookup": DOWN, "text": "991000100"}, None, None, (DOWN_ASK,)),
    ("wrong check digit", {"lookup": INVALID, "text": "991000101"}, None, None, (INVALID_MSG,)),
    ("wrong check digit, text", {"lookup": INVALID, "text": "991000101, vi er en kommune"},
     F.MUNICIPALITY, "description", (INVALID_MSG,)),
    # 4. with about_self, only what the writers say about themselves
    ("about others", {"text": "Kan bedrifter søke?", "about_self": True}, None, None,
     (NOT_RECOGNISED,)),
    ("about self", {"text": "Jeg har et enkeltpersonforetak, kan jeg søke?", "about_self": True},
     F.SOLE_TRADER, "description", ()),
    ("others, read as text", {"text": "Kan bedrifter søke?"}, F.COMPANY, "description", ()),
]


@pytest.mark.parametrize("case, kwargs, family, source, notes", PRECEDENCE,
                         ids=[row[0] for row in PRECEDENCE])
def test_precedence(case, kwargs, family, source, notes):
    who = identify(**kwargs)
    assert (who.family, who.source, who.notes) == (family, source, notes)


def test_the_register_entry_is_kept_when_the_family_is_given():
    who = identify(lookup=FOUND, family="county")
    assert who.facts.name == "TESTVIK KOMMUNE"
    assert (who.facts.orgnr, who.facts.orgform, who.facts.sektorkode) == ("991000100", "KOMM",
                                                                         "6500")


@pytest.mark.parametrize("kwargs", [
    {"family": "foundation"}, {"orgform": "STI"}, {"text": "Vi er en stiftelse"},
])
def test_the_sector_code_counts_without_a_register_entry(kwargs):
    assert identify(sektorkode="6100", **kwargs).facts.sektorkode == "6100"


def test_the_number_looked_up_is_part_of_the_facts():
    assert identify("974760673, vi er en kommune", lookup=UNKNOWN).facts.orgnr == "974760673"
    assert identify("991000101", lookup=INVALID).facts.orgnr is None


def test_what_the_chat_says_about_a_register_entry():
    bankrupt = LookupResult("found", BEDRIFT, "Enhetsregisteret viser at TESTVIK TEKNOLOGI AS er "
                                              "konkurs.", "991000607")
    assert identify("991000607", lookup=bankrupt).message == (
        "Jeg fant TESTVIK TEKNOLOGI AS (Aksjeselskap) i Enhetsregisteret. Enhetsregisteret viser "
        "at TESTVIK TEKNOLOGI AS er konkurs.")
    assert identify("Vi er en kommune").message is None


def test_a_register_that_is_down_asks_once_for_the_kind_of_body():
    message = identify("991000100", lookup=DOWN).message
    assert message.count(WRITE_INSTEAD) == 1
