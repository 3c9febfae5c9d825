"""An organisation named as someone else (customer, funder, partner) is not the applicant."""
import pytest

from veileder.applicant import identify
from veileder.eligibility import OrgFamily as F
from veileder.eligibility import family_from_text

CASES = [
    # the writer's own kind wins over customers, funders and partners
    ("Vi er et AS som selger tjenester til fylkeskommunen", F.COMPANY),
    ("vi er et samvirke med kommunen som kunde", F.COMPANY),
    ("we are a startup selling to municipalities", F.COMPANY),
    ("We are a cooperative working with the county", F.COMPANY),
    ("Vi er eit samvirkelag som leverer til kommunane", F.COMPANY),
    ("kommunen er kunden vår, vi er et AS", F.COMPANY),
    # a funding word in an earlier sentence does not make the writer's own kind another party
    ("kan vi søke om midler til dette? vi er tynset kommune", F.MUNICIPALITY),
    ("Vi er et aksjeselskap og kundene våre er kommuner", F.COMPANY),
    ("vi er en oppstartsbedrift og kommunen er vår største kunde", F.COMPANY),
    ("Vi er et konsulentselskap som hjelper kommuner", F.COMPANY),
    ("Vi er et firma som jobber for Statens vegvesen", F.COMPANY),
    ("vi er leverandør til sykehuset", F.COMPANY),
    ("Vi er et samvirke", F.COMPANY),
    ("vi er et andelslag som selger strøm til kommunen", F.COMPANY),
    ("vi driver et enkeltpersonforetak som leverer til NAV", F.SOLE_TRADER),
    ("jeg er frilanser og har oppdrag for fylkeskommunen", F.SOLE_TRADER),
    ("Vi er en frivillig organisasjon som får støtte fra kommunen", F.ASSOCIATION),
    ("vi er en idrettsklubb med støtte fra kommunen", F.ASSOCIATION),
    ("Vi er frivillige som får midler fra kommunen", F.ASSOCIATION),
    ("me er ei frivillig foreining med tilskot frå fylkeskommunen", F.ASSOCIATION),
    ("Vi er en forening finansiert av kommunen", F.ASSOCIATION),
    ("vi er en stiftelse og staten gir oss tilskudd", F.FOUNDATION),
    ("We are a non-profit funded by the state", F.ASSOCIATION),
    # an owner makes a publicly owned company, not a municipality
    ("Vi er et AS eid av kommunen", F.PUBLIC_COMPANY),
    # public bodies stay public bodies when they name partners
    ("Vi er en kommune og samarbeider med fylkeskommunen", F.MUNICIPALITY),
    ("Vi er en kommune, men leverandøren vår er et AS", F.MUNICIPALITY),
    ("vi er en fylkeskommune som samarbeider med tre kommuner", F.COUNTY),
    ("Vi er Skatteetaten og samarbeider med kommunene", F.STATE_AGENCY),
    ("Vi er et helseforetak som samarbeider med kommunene", F.HEALTH_TRUST),
    ("jeg jobber i kommunen", F.MUNICIPALITY),
    ("jeg jobber i Oslo kommune", F.MUNICIPALITY),
    ("vi jobber for kommunen", F.MUNICIPALITY),
    ("Jeg er rådgiver i Steinkjer kommune", F.MUNICIPALITY),
    ("eg er konsulent i fylkeskommunen", F.COUNTY),
    ("Vi representerer Bodø kommune", F.MUNICIPALITY),
    ("We are a municipality", F.MUNICIPALITY),
    # only someone else is named: nobody can tell who is asking
    ("vi får tilskudd fra staten", None),
    ("vi leverer til mange kommuner", None),
    ("Vi leverer velferdsteknologi til over 50 kommuner", None),
    ("vi selger skreddersydde IKT-tjenester til mange av fylkeskommunene", None),
    ("vi har kommunen som kunde", None),
    ("Vi selger til staten", None),
    ("we sell to hospitals", None),
    ("jeg er konsulent for Helse Vest", None),
    ("vi har en avtale med fylkeskommunen", None),
    ("we supply software to municipalities", None),
]


@pytest.mark.parametrize("text,family", CASES)
def test_family_from_text_reads_the_applicant_not_the_other_party(text, family):
    assert family_from_text(text) == family
    assert identify(text).family == family


def test_at_least_40_rows():
    assert len(CASES) >= 40
