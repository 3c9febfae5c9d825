"""Who may apply: applicant facts -> a verdict with reasons, advice and what is still missing.

Pure domain code: no Rasa or FastAPI imports, no clock, no network. The facts of the call (who
may apply, the conditions, the criteria names, the deadline text, the contact) come from the
:class:`~veileder.call.Call` passed in.

API
---
``OrgFamily``
    The kind of applicant, the unit the rules work on. ``ORGFORM_FAMILY`` maps Enhetsregisteret's
    ``organisasjonsform.kode`` to a family; ``COVERED``, ``CASE_BY_CASE`` and ``EXCLUDED`` group
    the families as docs/eligibility-rules.md does.
``family_from_text(text) -> Optional[OrgFamily]``
    Recognises the kind of applicant in free text: bokmål, nynorsk, English, no æøå, typos
    ("Vi er Vefsn kommune", "me er ein kommune", "fylkeskommuna", "helseføretak", "sjolstendig
    naeringsdrivende", "we are a municipality"). ``None`` when nothing is recognisable.
``family_from_registry(entry) -> OrgFamily`` / ``family_from_codes(orgform, sektorkode)``
    From a :class:`veileder.orgnr.RegistryEntry`: the organisation form code, refined by the
    institutional sector code (an AS/ASA in sector 6100/6500 or a publicly owned enterprise
    sector is ``PUBLIC_COMPANY``, a case for the three tests, not a private company). An
    unlisted code gives ``UNKNOWN``.
``ApplicantFacts``
    What is known (frozen). ``family``, ``name``; the hard conditions ``publicly_funded``,
    ``public_tasks``, ``covered_by_procurement``; the three tests ``general_interest``,
    ``separate_legal_person``, ``public_control``; the criteria ``challenge``,
    ``no_market_solution``, ``top_management``, ``market_potential`` (the call's
    "verdiskaping" criterion) and ``collaboration``; from the register ``orgnr``, ``orgform``,
    ``orgform_beskrivelse``, ``sektorkode``, ``konkurs``, ``under_avvikling``,
    ``under_tvangsavvikling``. Answers are ``Optional[bool]``, ``None`` meaning "not known".
    ``unknown`` holds the fields the applicant was asked and could not answer ("vet ikke"), so
    they are not asked again; ``facts.with_answer(field, value)`` returns a copy
    (``value=None`` records "vet ikke"; for ``"family"`` it sets ``UNKNOWN``).
    ``ApplicantFacts.from_registry(entry, **answers)`` starts from a register entry;
    ``ApplicantFacts.from_mapping(slots)`` from form slots (family as enum value, name or
    organisation form code). ``family=None`` means "not asked yet".
``questions_needed(facts) -> list[str]``
    The fields still to ask, in order; ``QUESTIONS[field]`` is the Norwegian question. It never
    asks what follows from the family or the register, and it is empty once a hard rule has
    decided against the applicant.
``evaluate(facts, call, deadline_message=None, *, deadline_passed=None) -> Verdict``
    ``Verdict.outcome`` is ``"eligible"``, ``"not_eligible"`` or ``"uncertain"``; it carries
    ``reasons``, ``strengths``, ``gaps``, ``advice``, ``missing`` (field names still open, in
    question order), ``settle`` (for ``uncertain``: the exact questions to settle with
    Innovasjon Norge) and ``deadline``. ``Verdict.summary()`` is the plain answer: one opening
    sentence of ``OPENINGS``, then reasons, strengths and gaps, deadline, next steps.

The rules (source in brackets)
------------------------------
R1  Hard rule: the applicant must be publicly funded, carry out public tasks, and be covered by
    the procurement rules; all three. [Announcement: "Alle offentlige finansierte virksomheter
    som forvalter offentlige oppgaver, og som omfattes av anskaffelsesregelverket, som kommuner
    og etater kan søke."; call file ``hvem_kan_soke.vilkar``]
R2  Companies, sole traders, other private businesses and private persons may not apply; they can
    take part as suppliers or partners in a public body's innovation partnership.
    [Announcement: "Bedrifter og privatpersoner kan ikke søke om midler fra denne potten.";
    docs/eligibility-rules.md R2 and its table of organisation forms]
R3  The state, county municipalities, municipalities and associations of these are covered by
    the procurement rules. [anskaffelsesloven § 2; docs/eligibility-rules.md R3] Their
    organisation forms KOMM, FYLK, STAT, ORGL, ADOS, KF, FKF, IKS count as publicly funded, doing
    public tasks and covered, so none of the three is asked. [docs/eligibility-rules.md, table of
    organisation forms, "usually covered"; the announcement's examples "kommuner og etater"]
R4  SF, SÆR (health trusts: HF and RHF), STI, publicly owned AS/ASA, FLI and ANNA are decided
    case by case: covered only as a body governed by public law, which meets all three tests:
    (1) set up for needs in the general interest, not industrial or commercial; (2) a separate
    legal person; (3) closely tied to the public sector (mainly publicly financed, or under
    public administrative control, or more than half the board appointed by public bodies).
    A failed test means not covered; an unknown test means ``uncertain``.
    [anskaffelsesforskriften § 1-2 second paragraph; docs/eligibility-rules.md R4]
R5  Test 2 follows from these organisation forms: each is its own legal person, so it is not
    asked; an explicit "no" still counts. [Design decision, docs/eligibility-rules.md R5: the
    legal-person status of SF, SÆR, STI, AS/ASA, FLI and ANNA is general Norwegian law]
R6  Mainly publicly financed is one of the three ways to meet test 3, so a "yes" to
    ``publicly_funded`` also settles ``public_control``. Test 1 (general interest, not
    commercial) is taken as doing public tasks (``public_tasks``). [anskaffelsesforskriften
    § 1-2 test 3; docs/eligibility-rules.md R6; design decision: the announcement's "forvalter
    offentlige oppgaver" read as test 1]
R7  Institutional sector code 6100 (statsforvaltningen) or 6500 (kommuneforvaltningen) means
    public administration: publicly funded and under public control. An AS/ASA in these sectors,
    or in a publicly owned enterprise sector (1110, 1120, 1510, 1520), is a publicly owned
    company (case by case), not a private one. [Enhetsregisteret's sector codes, "a strong
    signal": docs/eligibility-rules.md R7]
R8  A body of unknown form is asked the three conditions of R1; if it does not know whether it
    is covered, it is asked the three tests of R4, since a body governed by public law is
    covered. [R1 and R4]
R9  Every answer the applicant gives wins over what the family implies; the family is "a
    starting point for the rules, not a verdict on its own". [docs/eligibility-rules.md R9]
    One exception follows from R4: for the case-by-case forms a failed test means "not
    covered" even if the applicant also answered "covered".
R10 Unknown answers give ``uncertain``; the reply names the exact question to settle with
    Innovasjon Norge (contact from the call file). [Issue; "honest about the unknown":
    docs/eligibility-rules.md R10]
R11 Soft criteria are strengths or gaps, never hard rules: a societal challenge that affects
    several stakeholders with gain potential; no solution on the market today; anchoring in top
    management with the ambition to procure; market potential; collaboration with other public
    bodies (especially relevant). [Announcement "Innovasjon Norge er på jakt etter"; call file
    ``kriterier`` samfunnsutfordring, gjennomforingsevne, verdiskaping, samarbeid]
R12 konkurs, under avvikling and tvangsavvikling in the register are mentioned in the reasons
    and the advice; they do not change the outcome on their own. [Issue]
R13 A deadline status, when given, is part of the summary; after a passed deadline the advice
    no longer says "send the sketch". [Issue; call file ``frist``]
"""
from __future__ import annotations

import dataclasses
import difflib
import re
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from typing import TYPE_CHECKING, Dict, FrozenSet, Iterable, List, Mapping, Optional, Tuple

from veileder.deadline import deadline_sentence
from veileder.norsk import bullet_list, fold, join_words
from veileder.orgnr import PUBLIC_ADMINISTRATION_SECTORS as SECTOR_NAMES

try:  # nynorsk and bokmål lemmas; without it the folds and the fuzzy match still work
    import simplemma
except ImportError:  # pragma: no cover
    simplemma = None

if TYPE_CHECKING:  # pragma: no cover
    from veileder.call import Call
    from veileder.orgnr import RegistryEntry


# --------------------------------------------------------------------------------------------
# Families
# --------------------------------------------------------------------------------------------

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

#: Enhetsregisteret organisasjonsform.kode -> family (docs/eligibility-rules.md, organisation forms).
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


# --------------------------------------------------------------------------------------------
# Free-text recogniser
# --------------------------------------------------------------------------------------------

# Concepts a token can carry. Nouns say what an organisation is; adjectives and owners modify.
_N_MUNI, _N_COUNTY, _N_COUNTY_WEAK, _N_INTERMUNI = "muni", "county", "county_weak", "intermuni"
_N_MUNI_ENT, _N_ENTERPRISE, _N_HEALTH, _N_STATE_ENT = "muni_ent", "enterprise", "health", "sf"
_N_FOUNDATION, _N_ASSOC, _N_AGENCY, _N_STATE = "foundation", "assoc", "agency", "state"
_N_COMPANY, _N_SOLE, _N_PERSON, _N_PERSON_WORD = "company", "sole", "person", "person_word"
_A_MUNI, _A_COUNTY, _A_STATE = "a_muni", "a_county", "a_state"
_A_PUBLIC, _A_PRIVATE = "a_pub", "a_priv"
_OWNED, _HELSE, _REGION, _SOLE_WORD, _TRADER = "owned", "helse", "region", "sole_word", "trader"
_SELF, _EMPLOYED, _HEALTH_WORD, _TRUST = "self", "employed", "health_word", "trust"

# The present tense of "own": the owner comes before it ("kommunen eier aksjene").
_OWNING_VERBS = {"eier", "eig", "eiger", "owns"}

# (word, concept, may be the head of a compound such as "skatte|etat|en")
_VOCAB: List[Tuple[str, str, bool]] = [
    # municipalities and counties
    ("kommune", _N_MUNI, True), ("kommuna", _N_MUNI, True), ("bydel", _N_MUNI, True),
    ("municipality", _N_MUNI, False), ("municipalities", _N_MUNI, False),
    ("kommunal", _A_MUNI, False), ("kommunalt", _A_MUNI, False), ("kommunale", _A_MUNI, False),
    ("municipal", _A_MUNI, False),
    ("fylkeskommune", _N_COUNTY, True), ("fylkeskommuna", _N_COUNTY, True),
    ("county", _N_COUNTY, False), ("fylke", _N_COUNTY_WEAK, False),
    ("fylkeskommunal", _A_COUNTY, False), ("fylkeskommunalt", _A_COUNTY, False),
    ("fylkeskommunale", _A_COUNTY, False),
    ("interkommunal", _N_INTERMUNI, False), ("interkommunalt", _N_INTERMUNI, False),
    ("interkommunale", _N_INTERMUNI, False), ("intermunicipal", _N_INTERMUNI, False),
    ("iks", _N_INTERMUNI, False),
    ("kf", _N_MUNI_ENT, False), ("fkf", _N_MUNI_ENT, False),
    # enterprises, health trusts
    ("foretak", _N_ENTERPRISE, True), ("enterprise", _N_ENTERPRISE, False),
    ("helseforetak", _N_HEALTH, True), ("rhf", _N_HEALTH, False), ("hf", _N_HEALTH, False),
    ("sykehus", _N_HEALTH, True), ("sjukehus", _N_HEALTH, True), ("hospital", _N_HEALTH, False),
    ("saerlovsselskap", _N_HEALTH, True), ("saer", _N_HEALTH, False),
    ("helse", _HELSE, False), ("health", _HEALTH_WORD, False), ("trust", _TRUST, False),
    ("statsforetak", _N_STATE_ENT, True), ("sf", _N_STATE_ENT, False),
    # foundations and associations
    ("stiftelse", _N_FOUNDATION, True), ("stifting", _N_FOUNDATION, True),
    ("foundation", _N_FOUNDATION, False),
    ("forening", _N_ASSOC, True), ("foreining", _N_ASSOC, True), ("innretning", _N_ASSOC, False),
    ("idrettslag", _N_ASSOC, False), ("association", _N_ASSOC, False), ("fli", _N_ASSOC, False),
    ("frivillig", _N_ASSOC, False), ("frivilleg", _N_ASSOC, False), ("ideell", _N_ASSOC, False),
    ("nonprofit", _N_ASSOC, False), ("ngo", _N_ASSOC, False), ("charity", _N_ASSOC, False),
    # the state and its agencies
    ("etat", _N_AGENCY, True), ("direktorat", _N_AGENCY, True), ("tilsyn", _N_AGENCY, True),
    ("nav", _N_AGENCY, False), ("statsforvalter", _N_AGENCY, True), ("fylkesmann", _N_AGENCY, True),
    ("vegvesen", _N_AGENCY, True), ("politi", _N_AGENCY, True), ("statens", _N_AGENCY, False),
    ("forvaltningsorgan", _N_AGENCY, True), ("organisasjonsledd", _N_AGENCY, True),
    ("orgl", _N_AGENCY, False), ("ados", _N_AGENCY, False),
    ("agency", _N_AGENCY, False), ("directorate", _N_AGENCY, False),
    ("departement", _N_STATE, True), ("ministry", _N_STATE, False), ("staten", _N_STATE, False),
    ("universitet", _N_STATE, True), ("hogskole", _N_STATE, True), ("hogskule", _N_STATE, True),
    ("university", _N_STATE, False), ("ntnu", _N_STATE, False), ("uio", _N_STATE, False),
    ("uib", _N_STATE, False), ("government", _A_STATE, False),
    ("statlig", _A_STATE, False), ("statleg", _A_STATE, False), ("statlige", _A_STATE, False),
    ("state", _A_STATE, False), ("statseid", _A_STATE, False),
    ("offentlig", _A_PUBLIC, False), ("offentleg", _A_PUBLIC, False),
    ("offentlige", _A_PUBLIC, False), ("public", _A_PUBLIC, False),
    ("publicly", _A_PUBLIC, False),
    ("privat", _A_PRIVATE, False), ("private", _A_PRIVATE, False), ("privateid", _A_PRIVATE, False),
    ("privately", _A_PRIVATE, False),
    # ownership
    ("eid", _OWNED, False), ("eide", _OWNED, False), ("eies", _OWNED, False),
    ("eiet", _OWNED, False), ("eigd", _OWNED, False), ("eigde", _OWNED, False),
    ("heleid", _OWNED, False), ("heleigd", _OWNED, False), ("deleid", _OWNED, False),
    ("owned", _OWNED, False), ("eier", _OWNED, False), ("eigar", _OWNED, False),
    ("eig", _OWNED, False), ("eiger", _OWNED, False), ("owns", _OWNED, False),
    # private business
    ("aksjeselskap", _N_COMPANY, True), ("asa", _N_COMPANY, False), ("ans", _N_COMPANY, False),
    ("selskap", _N_COMPANY, True), ("bedrift", _N_COMPANY, True), ("firma", _N_COMPANY, True),
    ("company", _N_COMPANY, False), ("business", _N_COMPANY, False), ("firm", _N_COMPANY, False),
    ("startup", _N_COMPANY, False), ("oppstartsbedrift", _N_COMPANY, False),
    ("leverandor", _N_COMPANY, True), ("supplier", _N_COMPANY, False),
    ("konsulentselskap", _N_COMPANY, False), ("naeringsliv", _N_COMPANY, False),
    # sole traders and private persons
    ("enkeltpersonforetak", _N_SOLE, True), ("enkeltmannsforetak", _N_SOLE, True),
    ("enk", _N_SOLE, False), ("naeringsdrivende", _N_SOLE, False),
    ("naeringsdrivande", _N_SOLE, False), ("frilanser", _N_SOLE, False),
    ("freelancer", _N_SOLE, False), ("sole", _SOLE_WORD, False), ("trader", _TRADER, False),
    ("proprietor", _TRADER, False), ("proprietorship", _TRADER, False),
    ("self", _SELF, False), ("employed", _EMPLOYED, False),
    ("privatperson", _N_PERSON, True), ("enkeltperson", _N_PERSON, False),
    ("innbygger", _N_PERSON, False), ("innbyggar", _N_PERSON, False),
    ("citizen", _N_PERSON, False), ("individual", _N_PERSON, False),
    ("person", _N_PERSON_WORD, False),
]
_VOCAB_FOLDED = [(fold(w), c, comp) for w, c, comp in _VOCAB]
_REGIONS = {"nord", "vest", "midt", "sor", "midtnorge", "sorost"}

# Inflection endings after a full word, and after a word that drops its final -e.
_SUFFIXES = frozenset({"", "n", "en", "et", "t", "a", "na", "ne", "ene", "ane", "er", "ar", "r",
                       "s", "ns", "ts", "ets", "ens", "e", "ers"})
_E_SUFFIXES = frozenset({"a", "ar", "ane", "en", "er", "ene", "ens"})
_FUZZY_RATIO = 0.85
_CLOSE_RATIO = 0.9
_PREPOSITIONS_OTHER = {"til", "med", "mot", "overfor", "to", "with", "towards", "av", "by", "fra"}
_DETERMINERS_AS = {"et", "eit", "ett", "vart", "eget", "eige", "privat", "privateid",
                   "eid", "eigd", "heleid", "heleigd", "kommunalt", "statlig", "statleg",
                   "offentlig", "offentleg", "fylkeskommunalt", "norsk", "lite", "stort"}


def _inflected(form: str, word: str) -> bool:
    if form == word:
        return True
    if form.startswith(word) and form[len(word):] in _SUFFIXES:
        return True
    if word.endswith("e") and form.startswith(word[:-1]) and form[len(word) - 1:] in _E_SUFFIXES:
        return True
    return False


def _compound_head(form: str, word: str) -> bool:
    """form = <modifier> + word + ending, e.g. 'skatteetaten' for 'etat'."""
    for start in range(1, len(form) - len(word) + 1):
        if form[start:].startswith(word[:-1] if word.endswith("e") else word) and \
                _inflected(form[start:], word):
            return True
    return False


@lru_cache(maxsize=4096)
def _lemmas(token: str) -> Tuple[str, ...]:
    """The folded token and its bokmål and nynorsk lemmas (simplemma), longest first."""
    forms = {fold(token)}
    if simplemma is not None:
        for lang in ("nb", "nn"):
            try:
                forms.add(fold(simplemma.lemmatize(token, lang=lang)))
            except Exception:  # pragma: no cover - a lemma is a bonus, never a failure
                pass
    return tuple(sorted(forms, key=len, reverse=True))


@lru_cache(maxsize=4096)
def _concept(token: str) -> Optional[str]:
    """The concept of one (lower-case) token.

    A whole word or its inflection wins first. Then the longest of a compound head
    ("skatte|etat|en") and a close typo of a longer word ("helsforetak", ratio >= 0.9). Then
    the closest looser typo (ratio >= 0.85, "kommuen").
    """
    best: Tuple[int, float, Optional[str]] = (0, 0.0, None)
    for form in _lemmas(token):
        for word, concept, compound in _VOCAB_FOLDED:
            score: Tuple[int, float] = (0, 0.0)
            if len(word) < 4:
                if form == word:
                    score = (3, len(word))
            elif _inflected(form, word):
                score = (3, len(word))
            elif compound and len(form) > len(word) and _compound_head(form, word):
                score = (2, len(word))
            elif len(form) >= 6 and len(word) >= 6 and abs(len(form) - len(word)) <= 3:
                ratio = difflib.SequenceMatcher(None, form, word).ratio()
                if ratio >= _CLOSE_RATIO:  # a near miss of a long word beats a short head
                    score = (2, len(word) - 0.5)
                elif ratio >= _FUZZY_RATIO:
                    score = (1, ratio)
            if score > best[:2]:
                best = (score[0], score[1], concept)
    return best[2]


_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def _tokens(text: str) -> List[Tuple[str, str]]:
    """(original, lower-case) tokens; hyphens and punctuation split words."""
    return [(m.group(0), m.group(0).lower()) for m in _TOKEN.finditer(text)]


def family_from_text(text: Optional[str]) -> Optional[OrgFamily]:
    """The kind of applicant named in free text, or ``None`` when nothing is recognisable.

    The first organisation word the writer uses about themselves wins ("vi er en bedrift som
    samarbeider med kommunen" is a company); a public word after "til/med/av ..." names another
    party and counts only when nothing else does. Modifiers combine: "kommunalt foretak",
    "statlig foretak", "AS eid av kommunen", "Helse Nord", "sole trader", "private person".
    """
    if not text or not text.strip():
        return None
    # "inter-municipal", "inter kommunalt": one word, as the lexicon has it
    text = re.sub(r"\binter[-\s]+(kommunal|municipal)", r"inter\1", text, flags=re.IGNORECASE)
    toks = _tokens(text)
    concepts: List[Optional[str]] = []
    for i, (raw, low) in enumerate(toks):
        prev = toks[i - 1][1] if i else ""
        if low == "as":  # the company form, not English "as"
            concepts.append(_N_COMPANY if raw == "AS" or fold(prev) in _DETERMINERS_AS else None)
        elif low == "da":  # the company form, not the Norwegian word "da"
            concepts.append(_N_COMPANY if raw == "DA" else None)
        elif low == "anna":  # the form ANNA, not the name Anna
            concepts.append(_N_ASSOC if raw == "ANNA" else None)
        elif low.isdigit():
            concepts.append(None)
        else:
            concepts.append(_concept(low))
    n = len(concepts)

    def at(i: int) -> Optional[str]:
        return concepts[i] if 0 <= i < n else None

    def before(i: int, wanted: Iterable[str], span: int = 2) -> bool:
        wanted = set(wanted)
        return any(at(j) in wanted for j in range(max(0, i - span), i))

    public_adj = {_A_MUNI, _A_COUNTY, _A_STATE, _A_PUBLIC}
    public_noun = {_N_MUNI, _N_COUNTY, _N_COUNTY_WEAK, _N_STATE, _N_AGENCY}

    # Owners: the first public word after an ownership word ("eid av kommunen").
    owner_at: set = set()
    for i, concept in enumerate(concepts):
        if concept == _OWNED:
            for j in range(i + 1, min(n, i + 4)):
                if at(j) in public_noun or at(j) in public_adj:
                    owner_at.add(j)
                    break
    # ... or right before an owning verb ("der kommunen eier alle aksjene", "som staten eig").
    for i, (_, low) in enumerate(toks):
        if fold(low) in _OWNING_VERBS:
            for j in range(i - 1, max(-1, i - 3), -1):
                if at(j) in public_noun:
                    owner_at.add(j)
                    break
    # Other parties: a public word right after "til/med/av ..." ("leverer til kommunen").
    other_at: set = set()
    for i in range(n):
        if at(i) in public_noun and any(fold(toks[j][1]) in _PREPOSITIONS_OTHER
                                        for j in range(max(0, i - 3), i)):
            other_at.add(i)
    publicly_owned = bool(owner_at) or any(
        at(i) in public_adj and at(i + 1) == _OWNED for i in range(n))

    found: List[Tuple[int, int, OrgFamily]] = []  # (rank, position, family); rank 0 = strong

    for i, concept in enumerate(concepts):
        family: Optional[OrgFamily] = None
        rank = 0
        if concept == _N_SOLE:
            family = OrgFamily.SOLE_TRADER
        elif concept == _SOLE_WORD and at(i + 1) == _TRADER:
            family = OrgFamily.SOLE_TRADER
        elif concept == _SELF and at(i + 1) == _EMPLOYED:
            family = OrgFamily.SOLE_TRADER
        elif concept == _N_PERSON:
            family = OrgFamily.PRIVATE_PERSON
        elif concept == _N_PERSON_WORD and at(i - 1) == _A_PRIVATE:
            family = OrgFamily.PRIVATE_PERSON
        elif concept == _N_INTERMUNI:
            family = OrgFamily.INTERMUNICIPAL
        elif concept == _N_MUNI_ENT:
            family = OrgFamily.MUNICIPAL_ENTERPRISE
        elif concept == _N_ENTERPRISE:
            if before(i, {_A_MUNI, _A_COUNTY}):
                family = OrgFamily.MUNICIPAL_ENTERPRISE
            elif before(i, {_A_STATE}):
                family = OrgFamily.STATE_ENTERPRISE
            elif publicly_owned or before(i, {_A_PUBLIC}):
                family = OrgFamily.PUBLIC_COMPANY
            else:
                family = OrgFamily.COMPANY
        elif concept == _N_HEALTH:
            family = OrgFamily.HEALTH_TRUST
        elif concept == _HELSE and (fold(toks[i + 1][1]) if i + 1 < n else "") in _REGIONS:
            family = OrgFamily.HEALTH_TRUST
        elif concept == _HEALTH_WORD and at(i + 1) == _TRUST:
            family = OrgFamily.HEALTH_TRUST
        elif concept == _N_STATE_ENT:
            family = OrgFamily.STATE_ENTERPRISE
        elif concept == _N_FOUNDATION:
            family = OrgFamily.FOUNDATION
        elif concept == _N_ASSOC:
            family = OrgFamily.ASSOCIATION
        elif concept == _N_COMPANY:
            if before(i, {_A_PRIVATE}, span=3):
                family = OrgFamily.COMPANY
            elif before(i, public_adj, span=3) or publicly_owned:
                family = OrgFamily.PUBLIC_COMPANY
            else:
                family = OrgFamily.COMPANY
        elif concept in (_N_COUNTY, _N_MUNI, _N_AGENCY, _N_STATE, _N_COUNTY_WEAK):
            if i in owner_at:
                continue
            family = {_N_COUNTY: OrgFamily.COUNTY, _N_MUNI: OrgFamily.MUNICIPALITY,
                      _N_AGENCY: OrgFamily.STATE_AGENCY, _N_STATE: OrgFamily.STATE,
                      _N_COUNTY_WEAK: OrgFamily.COUNTY}[concept]
            if i in other_at:
                rank = 2
            elif concept == _N_COUNTY_WEAK:
                rank = 1
        if family is not None:
            found.append((rank, i, family))

    if found:
        return min(found)[2]
    if publicly_owned:
        return OrgFamily.PUBLIC_COMPANY
    # Only adjectives: "kommunal virksomhet", "statleg verksemd".
    for concept in concepts:
        if concept == _A_MUNI:
            return OrgFamily.MUNICIPALITY
        if concept == _A_COUNTY:
            return OrgFamily.COUNTY
        if concept == _A_STATE:
            return OrgFamily.STATE
    return None


# --------------------------------------------------------------------------------------------
# Facts and questions
# --------------------------------------------------------------------------------------------

HARD_FIELDS = ("publicly_funded", "public_tasks", "covered_by_procurement")
TEST_FIELDS = ("general_interest", "separate_legal_person", "public_control")
SOFT_FIELDS = ("challenge", "no_market_solution", "top_management", "market_potential",
               "collaboration")
ANSWER_FIELDS = HARD_FIELDS + TEST_FIELDS + SOFT_FIELDS

#: The Norwegian question the form asks for each field.
QUESTIONS: Dict[str, str] = {
    "family": "Hva slags virksomhet er dere? Skriv for eksempel kommune, etat, helseforetak, "
              "stiftelse eller AS. Du kan også skrive organisasjonsnummeret.",
    "publicly_funded": "Er virksomheten i hovedsak finansiert med offentlige midler?",
    "public_tasks": "Forvalter virksomheten offentlige oppgaver?",
    "covered_by_procurement": "Må virksomheten følge reglene for offentlige anskaffelser "
                              "når den kjøper inn?",
    "general_interest": "Ble virksomheten opprettet for å dekke behov i allmennhetens interesse, "
                        "og ikke for å drive industri eller forretning?",
    "separate_legal_person": "Er virksomheten et eget rettssubjekt, altså en egen juridisk "
                             "person?",
    "public_control": "Er virksomheten nært knyttet til det offentlige? Det vil si at det "
                      "offentlige finansierer det meste, har kontroll med driften eller "
                      "oppnevner mer enn halvparten av styret.",
    "challenge": "Skal prosjektet løse en stor samfunnsutfordring som berører flere, og som "
                 "kan gi gevinst for brukere, ansatte og virksomheten?",
    "no_market_solution": "Stemmer det at ingen løsning på markedet i dag kan dekke behovet?",
    "top_management": "Er prosjektet forankret i toppledelsen, med en tydelig ambisjon om å "
                      "investere i eller kjøpe en ny løsning?",
    "market_potential": "Kan løsningen få et stort marked, i Norge og i andre land?",
    "collaboration": "Samarbeider dere med andre offentlige virksomheter om utfordringen?",
}

#: The question to settle with Innovasjon Norge when the applicant does not know (R10).
SETTLE: Dict[str, str] = {
    "family": "Hva slags virksomhet er vi, og kan den søke?",
    "publicly_funded": "Er vi i hovedsak offentlig finansiert?",
    "public_tasks": "Forvalter vi offentlige oppgaver?",
    "covered_by_procurement": "Omfattes vi av anskaffelsesregelverket?",
    "general_interest": "Er vi opprettet for å dekke behov i allmennhetens interesse, som ikke er "
                        "av industriell eller forretningsmessig art?",
    "separate_legal_person": "Er vi et eget rettssubjekt?",
    "public_control": "Er vi nært knyttet til det offentlige, altså i hovedsak offentlig "
                      "finansiert, under offentlig kontroll, eller med mer enn halvparten av "
                      "styret oppnevnt av det offentlige?",
}


@dataclass(frozen=True)
class ApplicantFacts:
    family: Optional[OrgFamily] = None
    name: Optional[str] = None
    # hard rules (R1)
    publicly_funded: Optional[bool] = None
    public_tasks: Optional[bool] = None
    covered_by_procurement: Optional[bool] = None
    # the three tests of a body governed by public law (R4)
    general_interest: Optional[bool] = None
    separate_legal_person: Optional[bool] = None
    public_control: Optional[bool] = None
    # soft criteria (R11)
    challenge: Optional[bool] = None
    no_market_solution: Optional[bool] = None
    top_management: Optional[bool] = None
    market_potential: Optional[bool] = None
    collaboration: Optional[bool] = None
    # from Enhetsregisteret (R7, R12)
    orgnr: Optional[str] = None
    orgform: Optional[str] = None
    orgform_beskrivelse: Optional[str] = None
    sektorkode: Optional[str] = None
    konkurs: bool = False
    under_avvikling: bool = False
    under_tvangsavvikling: bool = False
    #: fields the applicant was asked and could not answer ("vet ikke")
    unknown: FrozenSet[str] = frozenset()

    def __post_init__(self) -> None:
        if isinstance(self.family, str) and not isinstance(self.family, OrgFamily):
            object.__setattr__(self, "family", _coerce_family(self.family))
        object.__setattr__(self, "unknown", frozenset(self.unknown or ()))

    def with_answer(self, name: str, value: Optional[bool]) -> "ApplicantFacts":
        """A copy with one answer; ``None`` records "vet ikke" so it is not asked again."""
        if name == "family":
            family = _coerce_family(value) if value is not None else OrgFamily.UNKNOWN
            return dataclasses.replace(self, family=family, unknown=self.unknown - {"family"})
        if name not in ANSWER_FIELDS:
            raise KeyError(name)
        unknown = self.unknown | {name} if value is None else self.unknown - {name}
        return dataclasses.replace(self, **{name: value}, unknown=unknown)

    @classmethod
    def from_registry(cls, entry: "RegistryEntry", **answers: object) -> "ApplicantFacts":
        """Facts from a register entry (family, name, codes, status flags) plus answers."""
        base = dict(
            family=family_from_registry(entry), name=entry.navn, orgnr=entry.orgnr,
            orgform=entry.orgform, orgform_beskrivelse=entry.orgform_beskrivelse,
            sektorkode=entry.sektorkode, konkurs=entry.konkurs,
            under_avvikling=entry.under_avvikling,
            under_tvangsavvikling=entry.under_tvangsavvikling,
        )
        base.update(answers)
        return cls(**base)

    @classmethod
    def from_mapping(cls, data: Mapping[str, object]) -> "ApplicantFacts":
        """From a mapping such as form slots; unknown keys are ignored."""
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


def _coerce_family(value: object) -> OrgFamily:
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


@dataclass(frozen=True)
class _Resolved:
    """Effective values after R3-R9, with where each came from."""
    values: Dict[str, Optional[bool]]
    source: Dict[str, str]  # "svar", "familie", "sektorkode", "avledet"
    path: Tuple[str, ...]   # the fields the rules ask for, in order (hard part only)

    def __getitem__(self, name: str) -> Optional[bool]:
        return self.values.get(name)


def _family(facts: ApplicantFacts) -> Optional[OrgFamily]:
    """The family; "vet ikke" to the family question means UNKNOWN, not yet asked means None."""
    if facts.family is None:
        return OrgFamily.UNKNOWN if "family" in facts.unknown else None
    return facts.family


def _resolve(facts: ApplicantFacts) -> _Resolved:
    family = _family(facts)
    values: Dict[str, Optional[bool]] = {}
    source: Dict[str, str] = {}

    def given(name: str) -> Optional[bool]:
        return getattr(facts, name)

    for name in ANSWER_FIELDS:
        if given(name) is not None:
            values[name], source[name] = given(name), "svar"

    def derive(name: str, value: Optional[bool], why: str) -> None:
        if value is not None and values.get(name) is None:
            values[name], source[name] = value, why

    public_sector = facts.sektorkode in PUBLIC_ADMINISTRATION_SECTORS
    if family in COVERED:                                   # R3
        for name in HARD_FIELDS:
            derive(name, True, "familie")
    if family in CASE_BY_CASE:                              # R5
        derive("separate_legal_person", True, "familie")
    if public_sector and family not in EXCLUDED:            # R7
        derive("publicly_funded", True, "sektorkode")
        derive("public_control", True, "sektorkode")
    if values.get("publicly_funded") is True:               # R6
        derive("public_control", True, "avledet")
    if values.get("general_interest") is True:              # R6
        derive("public_tasks", True, "avledet")
    tests = [values.get(t) for t in TEST_FIELDS]
    if any(t is False for t in tests) and family in CASE_BY_CASE:
        # R4: for these forms the tests decide coverage, even against a "yes, covered" answer
        values["covered_by_procurement"], source["covered_by_procurement"] = False, "avledet"
    elif all(t is True for t in tests):                     # R4
        derive("covered_by_procurement", True, "avledet")
    elif any(t is False for t in tests) and family is not None and family not in COVERED:
        derive("covered_by_procurement", False, "avledet")  # R8: unknown form, via the tests

    # The hard path: the fields the rules ask for, in order (R3, R4, R5, R8).
    if family is None:
        path: Tuple[str, ...] = ("family",)
    elif family in EXCLUDED:
        path = ()
    elif family in COVERED:
        path = HARD_FIELDS
    elif family in CASE_BY_CASE:
        # Test 2 follows from the form (R5); public_tasks follows from test 1 and coverage from
        # the three tests (R4, R6), so they are asked only through the tests.
        path = ("general_interest", "publicly_funded", "public_control")
    else:  # UNKNOWN (R8)
        path = HARD_FIELDS
        if facts.covered_by_procurement is None and (
                "covered_by_procurement" in facts.unknown or any(t is not None for t in tests)):
            path = HARD_FIELDS + TEST_FIELDS
    return _Resolved(values, source, path)


#: The hard conditions each test helps to settle; a test is not asked once they are settled.
_FEEDS: Dict[str, Tuple[str, ...]] = {
    "general_interest": ("public_tasks", "covered_by_procurement"),
    "separate_legal_person": ("covered_by_procurement",),
    "public_control": ("covered_by_procurement",),
}


def _hard_failed(family: Optional[OrgFamily], r: _Resolved) -> bool:
    """A hard rule has decided against the applicant (R1, R2; a failed test via coverage)."""
    return family in EXCLUDED or any(r[name] is False for name in HARD_FIELDS)


def _open_fields(facts: ApplicantFacts) -> List[str]:
    """Every field still open along the path, "vet ikke" included, early stop applied."""
    family = _family(facts)
    r = _resolve(facts)
    if family is None:
        return ["family"]
    if _hard_failed(family, r):
        return []
    open_ = [name for name in r.path if r[name] is None and not (
        name in _FEEDS and all(r[h] is not None for h in _FEEDS[name]))]
    open_.extend(name for name in SOFT_FIELDS if getattr(facts, name) is None)
    return open_


def questions_needed(facts: ApplicantFacts) -> List[str]:
    """The fields to ask next, in order; ``QUESTIONS[name]`` is the question to ask.

    Never asks what the family or the register settles, nor what the applicant has already
    answered "vet ikke" to; empty once a hard rule has decided against the applicant.
    """
    return [name for name in _open_fields(facts) if name not in facts.unknown]


# --------------------------------------------------------------------------------------------
# Verdict
# --------------------------------------------------------------------------------------------

OPENINGS = {
    "eligible": "Dere kan søke.",
    "not_eligible": "Dere kan ikke søke.",
    "uncertain": "Vi kan ikke avgjøre om dere kan søke.",
}


@dataclass
class Verdict:
    outcome: str
    reasons: List[str] = field(default_factory=list)
    strengths: List[str] = field(default_factory=list)
    gaps: List[str] = field(default_factory=list)
    advice: List[str] = field(default_factory=list)
    missing: List[str] = field(default_factory=list)
    settle: List[str] = field(default_factory=list)
    deadline: Optional[str] = None

    @property
    def opening(self) -> str:
        return OPENINGS[self.outcome]

    def summary(self) -> str:
        parts = [self.opening]
        if self.reasons:
            parts.append(" ".join(self.reasons))
        if self.strengths:
            parts.append("Dette taler for prosjektet:\n" + bullet_list(self.strengths))
        if self.gaps:
            parts.append("Dette bør dere se på:\n" + bullet_list(self.gaps))
        if self.deadline:
            parts.append(self.deadline)
        if self.advice:
            parts.append("Neste steg:\n" + bullet_list(self.advice))
        return "\n\n".join(parts)


_FAMILY_NOUN: Dict[OrgFamily, str] = {
    OrgFamily.MUNICIPALITY: "en kommune",
    OrgFamily.COUNTY: "en fylkeskommune",
    OrgFamily.STATE: "en del av staten",
    OrgFamily.STATE_AGENCY: "en etat eller en annen enhet i offentlig forvaltning",
    OrgFamily.MUNICIPAL_ENTERPRISE: "et kommunalt eller fylkeskommunalt foretak",
    OrgFamily.INTERMUNICIPAL: "et interkommunalt selskap eller samarbeid",
    OrgFamily.HEALTH_TRUST: "et helseforetak eller et annet særlovsselskap",
    OrgFamily.STATE_ENTERPRISE: "et statsforetak",
    OrgFamily.FOUNDATION: "en stiftelse",
    OrgFamily.PUBLIC_COMPANY: "et selskap som er eid av det offentlige",
    OrgFamily.ASSOCIATION: "en forening, et lag eller en annen juridisk person",
    OrgFamily.COMPANY: "en bedrift",
    OrgFamily.SOLE_TRADER: "et enkeltpersonforetak",
    OrgFamily.PRIVATE_PERSON: "en privatperson",
}

_COVERED_WHY: Dict[OrgFamily, str] = {
    OrgFamily.MUNICIPALITY: "Kommuner er omfattet av anskaffelsesloven § 2.",
    OrgFamily.COUNTY: "Fylkeskommuner er omfattet av anskaffelsesloven § 2.",
    OrgFamily.STATE: "Staten er omfattet av anskaffelsesloven § 2.",
    OrgFamily.STATE_AGENCY: "Dere er en del av staten, en fylkeskommune eller en kommune. "
                            "De er omfattet av anskaffelsesloven § 2.",
    OrgFamily.MUNICIPAL_ENTERPRISE: "Foretaket er en del av kommunen eller fylkeskommunen. "
                                    "De er omfattet av anskaffelsesloven § 2.",
    OrgFamily.INTERMUNICIPAL: "Sammenslutninger av kommuner og fylkeskommuner er omfattet av "
                              "anskaffelsesloven § 2.",
}

_FACT_TEXT: Dict[str, Tuple[str, str, str]] = {  # (yes, no, unknown)
    "publicly_funded": ("Dere er i hovedsak offentlig finansiert.",
                        "Dere er ikke offentlig finansiert.",
                        "Vi vet ikke om dere i hovedsak er offentlig finansiert."),
    "public_tasks": ("Dere forvalter offentlige oppgaver.",
                     "Dere forvalter ikke offentlige oppgaver.",
                     "Vi vet ikke om dere forvalter offentlige oppgaver."),
    "covered_by_procurement": ("Dere omfattes av anskaffelsesregelverket.",
                               "Dere omfattes ikke av anskaffelsesregelverket.",
                               "Vi vet ikke om dere omfattes av anskaffelsesregelverket."),
    "general_interest": ("Virksomheten ble opprettet for å dekke behov i allmennhetens interesse, "
                         "ikke for å drive industri eller forretning.",
                         "Virksomheten ble opprettet for å drive industri eller forretning, "
                         "ikke for å dekke behov i allmennhetens interesse.",
                         "Vi vet ikke om virksomheten ble opprettet for å dekke behov i "
                         "allmennhetens interesse."),
    "separate_legal_person": ("Virksomheten er et eget rettssubjekt.",
                              "Virksomheten er ikke et eget rettssubjekt.",
                              "Vi vet ikke om virksomheten er et eget rettssubjekt."),
    "public_control": ("Virksomheten er nært knyttet til det offentlige.",
                       "Virksomheten er ikke nært knyttet til det offentlige gjennom "
                       "finansiering, kontroll eller styre.",
                       "Vi vet ikke om virksomheten er nært knyttet til det offentlige "
                       "gjennom finansiering, kontroll eller styre."),
}

_OVERRIDE_TEXT: Dict[str, str] = {
    "publicly_funded": "Dere har svart at dere ikke er offentlig finansiert.",
    "public_tasks": "Dere har svart at dere ikke forvalter offentlige oppgaver.",
    "covered_by_procurement": "Dere har svart at dere ikke omfattes av "
                              "anskaffelsesregelverket.",
}

# soft field -> (criterion id in the call file, strength text, gap text); {navn} is the name
_SOFT: Dict[str, Tuple[str, str, str]] = {
    "challenge": ("samfunnsutfordring",
                  "Prosjektet skal løse en stor utfordring som berører flere interessenter.",
                  "Prosjektet bør løse en stor utfordring som berører flere interessenter."),
    "no_market_solution": ("samfunnsutfordring",
                           "Ingen løsning på markedet i dag dekker behovet.",
                           "Det finnes alt en løsning på markedet."),
    "top_management": ("gjennomforingsevne",
                       "Prosjektet er forankret i toppledelsen, med ambisjon om å kjøpe en ny "
                       "løsning.",
                       "Prosjektet er ikke forankret i toppledelsen ennå, eller ambisjonen om "
                       "å kjøpe en ny løsning er uklar."),
    "market_potential": ("verdiskaping",
                         "Løsningen kan få et stort marked, i Norge og internasjonalt.",
                         "Det er uklart om løsningen kan få et stort marked."),
    "collaboration": ("samarbeid",
                      "Dere samarbeider med andre offentlige virksomheter. Det er særlig "
                      "aktuelt.",
                      "Dere samarbeider ikke med andre offentlige virksomheter. Prosjekter "
                      "der flere offentlige virksomheter samarbeider, er særlig aktuelle."),
}


def _criterion_name(call: "Call", criterion_id: str) -> Optional[str]:
    try:
        return call.criterion(criterion_id).navn
    except KeyError:
        return None


def _conditions(call: "Call") -> str:
    """'er offentlig finansiert, forvalter offentlige oppgaver og omfattes av ...' (call file)."""
    return join_words([v.strip().rstrip(".") for v in call.hvem_kan_soke.vilkar])


def _contact(call: "Call") -> str:
    return f"{call.kontakt.navn} ({call.kontakt.url})"


def _sector_sentence(facts: ApplicantFacts) -> Optional[str]:
    if facts.sektorkode in SECTOR_NAMES:
        return (f"Enhetsregisteret plasserer dere i {SECTOR_NAMES[facts.sektorkode]} "
                f"(sektorkode {facts.sektorkode}).")
    return None


def evaluate(facts: ApplicantFacts, call: "Call", deadline_message: Optional[str] = None, *,
             deadline_passed: Optional[bool] = None) -> Verdict:
    """The verdict for what is known about the applicant, against the given call.

    ``deadline_message`` is the deadline status sentence (from the deadline module) and goes
    into the summary as it is; ``deadline_passed=True`` turns "send the sketch" into "the
    deadline has passed" in the advice (R13).
    """
    family = _family(facts)
    r = _resolve(facts)
    reasons = _who_reasons(facts, family)

    if family in EXCLUDED:                                                  # R2
        reasons.append(call.hvem_kan_soke.kan_ikke)
        verdict = Verdict("not_eligible", reasons, advice=_take_part_advice(call))
        return _finish(verdict, facts, call, deadline_message, deadline_passed)

    if family is None:
        reasons.append("Vi vet ikke hva slags virksomhet dere er.")
        verdict = Verdict("uncertain", reasons, advice=[
            "Fortell hva slags virksomhet dere er, eller skriv organisasjonsnummeret."])
        return _finish(verdict, facts, call, deadline_message, deadline_passed)

    reasons.extend(_rule_reasons(family, r, call))

    if _hard_failed(family, r):                                             # R1, R4
        advice: List[str] = []
        if r["separate_legal_person"] is False and family not in COVERED:
            advice.append("Er dere en del av en kommune, en fylkeskommune eller staten? Da er "
                          "det den virksomheten som kan søke.")
        reasons.append(f"Utlysningen sier: {call.hvem_kan_soke.kan}")
        advice.extend(_take_part_advice(call))
        advice.append(f"Mener dere at dette er feil? Ta kontakt med {_contact(call)}.")
        verdict = Verdict("not_eligible", reasons, advice=advice)
        return _finish(verdict, facts, call, deadline_message, deadline_passed)

    if any(r[name] is None for name in HARD_FIELDS):                        # R10
        open_hard = [n for n in _open_fields(facts) if n not in SOFT_FIELDS]
        if not open_hard:  # pragma: no cover - every None hard field lies on the path
            open_hard = [n for n in HARD_FIELDS if r[n] is None]
        settle = [SETTLE[n] for n in open_hard]
        advice = [f"Spør {_contact(call)} om dette:"] + [f"«{q}»" for q in settle]
        if any(n not in facts.unknown for n in open_hard):
            advice.append("Eller svar på spørsmålene her, så vurderer vi saken på nytt.")
        missing = _open_fields(facts) or open_hard
        verdict = Verdict("uncertain", reasons, advice=advice, missing=missing, settle=settle)
        return _finish(verdict, facts, call, deadline_message, deadline_passed)

    if not (family in COVERED and all(r.source.get(n) == "familie" for n in HARD_FIELDS)):
        reasons.append(f"Dermed oppfyller dere vilkårene i utlysningen: dere {_conditions(call)}.")
    return _finish(Verdict("eligible", reasons), facts, call, deadline_message, deadline_passed)


def _who_reasons(facts: ApplicantFacts, family: Optional[OrgFamily]) -> List[str]:
    """Who the applicant is, from the register and the family; register status (R12)."""
    reasons: List[str] = []
    subject = facts.name or "Dere"
    if facts.orgform:
        described = (facts.orgform_beskrivelse or facts.orgform).lower()
        reasons.append(f"{subject} er registrert i Enhetsregisteret som {described} "
                       f"({facts.orgform}).")
        sector = _sector_sentence(facts)
        if sector:
            reasons.append(sector)
    if family in _FAMILY_NOUN and (not facts.orgform or family in (
            OrgFamily.PUBLIC_COMPANY, OrgFamily.COMPANY)):
        reasons.append(f"Dere er {_FAMILY_NOUN[family]}.")
    flags = [text for flag, text in (
        (facts.konkurs, "konkurs"),
        (facts.under_avvikling, "under avvikling"),
        (facts.under_tvangsavvikling, "under tvangsavvikling eller tvangsoppløsning"),
    ) if flag]
    if flags:
        name = facts.name or "virksomheten"
        reasons.append(f"Enhetsregisteret viser at {name} er {join_words(flags)}.")
    return reasons


def _rule_reasons(family: OrgFamily, r: _Resolved, call: "Call") -> List[str]:
    """The reasons from the rules, in the order they decide; the first failure ends them."""
    reasons: List[str] = []
    if family in COVERED:
        reasons.append(_COVERED_WHY[family])
        if all(r.source.get(n) == "familie" for n in HARD_FIELDS):
            reasons.append(f"Dere {_conditions(call)}.")
            return reasons
    if family in CASE_BY_CASE:
        reasons.append("En slik virksomhet omfattes av anskaffelsesregelverket bare hvis den "
                       "er et offentligrettslig organ. Det avgjøres i hvert enkelt tilfelle.")
        order = ["general_interest", "separate_legal_person", "publicly_funded",
                 "public_control", "=tests", "public_tasks"]
    elif family in COVERED:
        order = list(HARD_FIELDS)
    elif "general_interest" in r.path:  # UNKNOWN, asked the tests (R8)
        order = ["publicly_funded", "public_tasks", "general_interest", "separate_legal_person",
                 "public_control", "=tests"]
    else:
        order = list(HARD_FIELDS)
    lines: List[Tuple[str, Optional[bool]]] = []
    for name in order:
        if name == "=tests":
            if all(r[t] is True for t in TEST_FIELDS):
                lines.append(("Da er virksomheten et offentligrettslig organ og omfattes av "
                              "anskaffelsesregelverket.", True))
            continue
        value = r[name]
        if value is True and r.source.get(name) == "familie":
            continue  # follows from the form
        if value is True and name == "public_tasks" and r.source.get(name) == "avledet":
            continue  # test 1 says it
        if value is None and name == "public_tasks" and r["general_interest"] is None and \
                "general_interest" in order:
            continue  # the open test 1 says it
        if value is False and family in COVERED and r.source.get(name) == "svar":
            lines.append((_OVERRIDE_TEXT[name], False))  # R9: the answer wins over the family
        elif value is True and name == "public_control" and r.source.get(name) == "avledet":
            lines.append(("Det betyr at virksomheten er nært knyttet til det offentlige.", True))
        else:
            lines.append((_FACT_TEXT[name][_index(value)], value))
        if value is False:
            if name in TEST_FIELDS:
                lines.append(("Da er virksomheten ikke et offentligrettslig organ, og den "
                              "omfattes ikke av anskaffelsesregelverket.", False))
            # a "no" decides: what we do not know no longer matters
            lines = [(text, v) for text, v in lines if v is not None]
            break
    reasons.extend(text for text, _ in lines)
    return reasons


def _index(value: Optional[bool]) -> int:
    return 0 if value is True else 1 if value is False else 2


def _take_part_advice(call: "Call") -> List[str]:
    return [
        "Dere kan være med på en annen måte: som leverandør eller partner i et "
        "innovasjonspartnerskap som en offentlig virksomhet søker om.",
        call.formal.innovasjonspartnerskap,
    ]


def _finish(verdict: Verdict, facts: ApplicantFacts, call: "Call",
            deadline_message: Optional[str], deadline_passed: Optional[bool]) -> Verdict:
    """Add soft criteria, missing facts, register status advice and the deadline."""
    verdict.missing = verdict.missing or _open_fields(facts)
    if facts.konkurs or facts.under_avvikling or facts.under_tvangsavvikling:
        verdict.advice.insert(0, f"Snakk med {_contact(call)} om status i Enhetsregisteret "
                                 f"før dere går videre.")
    verdict.deadline = deadline_message
    if verdict.outcome == "not_eligible":
        return verdict

    answered = {_SOFT[n][0] for n in SOFT_FIELDS if getattr(facts, n) is not None}
    unanswered: List[str] = []
    for name in SOFT_FIELDS:
        criterion_id, yes, no = _SOFT[name]
        label = _criterion_name(call, criterion_id)
        prefix = f"{label}: " if label else ""
        value = getattr(facts, name)
        if value is True:
            verdict.strengths.append(prefix + yes)
        elif value is False:
            text = prefix + no
            if name == "challenge":
                text += f" {call.gevinstpotensial}"
            elif name == "no_market_solution":
                text += f" {call.eksisterende_losning}"
            verdict.gaps.append(text)
        elif label and label not in unanswered and criterion_id not in answered:
            unanswered.append(label)

    steps: List[str] = []
    if verdict.gaps and not deadline_passed:
        steps.append("Styrk prosjektet på punktene over før dere sender inn.")
    if unanswered and verdict.outcome == "eligible" and not deadline_passed:
        steps.append(f"Vurder disse kriteriene før dere sender inn: {join_words(unanswered)}.")
    if verdict.outcome == "eligible":
        if deadline_passed:
            steps.append(f"Fristen er ute. Spør {_contact(call)} om andre muligheter.")
        else:
            steps.append(f"Send inn en {call.frist.hva}.")
            if deadline_message is None:
                steps.append(deadline_sentence(call))
    if verdict.outcome == "eligible":
        steps.append(f"Har dere spørsmål, kan dere kontakte {_contact(call)}.")
    verdict.advice.extend(steps)
    return verdict


#: How the answers name each family ("Greit, dere er en kommune.").
FAMILY_LABELS: Dict[OrgFamily, str] = {
    OrgFamily.MUNICIPALITY: "en kommune",
    OrgFamily.COUNTY: "en fylkeskommune",
    OrgFamily.STATE: "en statlig virksomhet",
    OrgFamily.STATE_AGENCY: "en statlig etat eller et forvaltningsorgan",
    OrgFamily.MUNICIPAL_ENTERPRISE: "et kommunalt eller fylkeskommunalt foretak",
    OrgFamily.INTERMUNICIPAL: "et interkommunalt selskap eller samarbeid",
    OrgFamily.HEALTH_TRUST: "et helseforetak eller særlovsselskap",
    OrgFamily.STATE_ENTERPRISE: "et statsforetak",
    OrgFamily.FOUNDATION: "en stiftelse",
    OrgFamily.PUBLIC_COMPANY: "et offentlig eid aksjeselskap",
    OrgFamily.ASSOCIATION: "en forening, et lag eller en innretning",
    OrgFamily.COMPANY: "en bedrift",
    OrgFamily.SOLE_TRADER: "et enkeltpersonforetak",
    OrgFamily.PRIVATE_PERSON: "en privatperson",
    OrgFamily.UNKNOWN: "en virksomhet av ukjent type",
}
