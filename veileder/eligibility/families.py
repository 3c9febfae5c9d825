"""The kinds of applicant (organisation families) and how Enhetsregisteret's codes map to them.

``OrgFamily`` is the unit the rules work on; ``COVERED``, ``CASE_BY_CASE`` and ``EXCLUDED`` group
the families as docs/eligibility-rules.md does (R2-R4, R7).
"""
from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Dict, FrozenSet, Optional

from veileder.orgnr import PUBLIC_ADMINISTRATION_SECTORS as SECTOR_NAMES

if TYPE_CHECKING:  # pragma: no cover
    from veileder.orgnr import RegistryEntry


class OrgFamily(str, Enum):
    MUNICIPALITY = "municipality"                # KOMM
    COUNTY = "county"                            # FYLK
    STATE = "state"                              # STAT; departments, universities
    STATE_AGENCY = "state_agency"                # ORGL, ADOS: etat, direktorat, tilsyn, Nav
    MUNICIPAL_ENTERPRISE = "municipal_enterprise"  # KF, FKF
    INTERMUNICIPAL = "intermunicipal"            # IKS, other associations of municipalities
    HEALTH_TRUST = "health_trust"                # SÆR: helseforetak, RHF, other særlovsselskap
    STATE_ENTERPRISE = "state_enterprise"        # SF
    FOUNDATION = "foundation"                    # STI
    PUBLIC_COMPANY = "public_company"            # AS/ASA owned by public bodies
    ASSOCIATION = "association"                  # FLI, ANNA
    COMPANY = "company"                          # private AS/ASA, ANS, DA and other businesses
    SOLE_TRADER = "sole_trader"                  # ENK
    PRIVATE_PERSON = "private_person"
    UNKNOWN = "unknown"                          # asked, but the form is not known


#: Usually covered by the procurement rules: the three hard conditions follow (R3).
COVERED: FrozenSet[OrgFamily] = frozenset({
    OrgFamily.MUNICIPALITY, OrgFamily.COUNTY, OrgFamily.STATE, OrgFamily.STATE_AGENCY,
    OrgFamily.MUNICIPAL_ENTERPRISE, OrgFamily.INTERMUNICIPAL,
})
#: Decided case by case with the three tests of a body governed by public law (R4).
CASE_BY_CASE: FrozenSet[OrgFamily] = frozenset({
    OrgFamily.HEALTH_TRUST, OrgFamily.STATE_ENTERPRISE, OrgFamily.FOUNDATION,
    OrgFamily.PUBLIC_COMPANY, OrgFamily.ASSOCIATION,
})
#: May not apply (R2).
EXCLUDED: FrozenSet[OrgFamily] = frozenset({
    OrgFamily.COMPANY, OrgFamily.SOLE_TRADER, OrgFamily.PRIVATE_PERSON,
})

#: Enhetsregisteret organisasjonsform.kode -> family (docs/eligibility-rules.md, the table of
#: organisation forms).
ORGFORM_FAMILY: Dict[str, OrgFamily] = {
    "KOMM": OrgFamily.MUNICIPALITY,
    "FYLK": OrgFamily.COUNTY,
    "STAT": OrgFamily.STATE,
    "ORGL": OrgFamily.STATE_AGENCY,
    "ADOS": OrgFamily.STATE_AGENCY,
    "KF": OrgFamily.MUNICIPAL_ENTERPRISE,
    "FKF": OrgFamily.MUNICIPAL_ENTERPRISE,
    "IKS": OrgFamily.INTERMUNICIPAL,
    "SF": OrgFamily.STATE_ENTERPRISE,
    "SÆR": OrgFamily.HEALTH_TRUST,
    "STI": OrgFamily.FOUNDATION,
    "FLI": OrgFamily.ASSOCIATION,
    "ANNA": OrgFamily.ASSOCIATION,
    "AS": OrgFamily.COMPANY,      # refined by sector code in family_from_registry
    "ASA": OrgFamily.COMPANY,     # refined by sector code in family_from_registry
    "ENK": OrgFamily.SOLE_TRADER,
    "ANS": OrgFamily.COMPANY,
    "DA": OrgFamily.COMPANY,
    "KS": OrgFamily.COMPANY,      # kommandittselskap
    "SA": OrgFamily.COMPANY,      # samvirkeforetak
    "BA": OrgFamily.COMPANY,      # selskap med begrenset ansvar
    "NUF": OrgFamily.COMPANY,     # norskregistrert utenlandsk foretak
    "SE": OrgFamily.COMPANY,      # europeisk selskap
}

#: Sector codes for publicly owned enterprises (R7): 1110 statlige foretak, 1120 statlig eide
#: aksjeselskaper mv., 1510 kommunale foretak med ubegrenset ansvar, 1520 kommunalt eide
#: aksjeselskaper mv. (SSB's standard for institusjonell sektor, as Enhetsregisteret reports it).
PUBLIC_ENTERPRISE_SECTORS = frozenset({"1110", "1120", "1510", "1520"})
#: Sector codes for public administration (R7); names in veileder.orgnr.
PUBLIC_ADMINISTRATION_SECTORS = frozenset(SECTOR_NAMES)


def family_from_registry(entry: Optional["RegistryEntry"]) -> OrgFamily:
    """The family of a register entry: its organisation form, refined by its sector code."""
    if entry is None:
        return OrgFamily.UNKNOWN
    return family_from_codes(entry.orgform, entry.sektorkode)


def family_from_codes(orgform: Optional[str], sektorkode: Optional[str] = None) -> OrgFamily:
    code = (orgform or "").strip().upper()
    family = ORGFORM_FAMILY.get(code, OrgFamily.UNKNOWN)
    if code in ("AS", "ASA") and (sektorkode in PUBLIC_ADMINISTRATION_SECTORS
                                  or sektorkode in PUBLIC_ENTERPRISE_SECTORS):
        return OrgFamily.PUBLIC_COMPANY
    return family


def coerce_family(value: object) -> OrgFamily:
    """A family from its value ("municipality"), its name ("MUNICIPALITY") or a form code
    ("KOMM"); ``UNKNOWN`` for anything else."""
    if isinstance(value, OrgFamily):
        return value
    text = str(value).strip()
    try:
        return OrgFamily(text.lower())
    except ValueError:
        pass
    try:
        return OrgFamily[text.upper()]
    except KeyError:
        pass
    return ORGFORM_FAMILY.get(text.upper(), OrgFamily.UNKNOWN)
