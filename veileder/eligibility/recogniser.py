"""The kind of applicant in free text: ``family_from_text``.

Bokmål, nynorsk, English, no æøå, typos ("Vi er Vefsn kommune", "me er ein kommune",
"fylkeskommuna", "helseføretak", "sjolstendig naeringsdrivende", "we are a municipality").
Words are matched on ``veileder.norsk.fold`` and, when simplemma is installed, their lemmas.
"""
from __future__ import annotations

import difflib
import re
from functools import lru_cache
from typing import Iterable, List, Optional, Tuple

from veileder.eligibility.families import OrgFamily
from veileder.norsk import fold

try:  # nynorsk and bokmål lemmas; without it the folds and the fuzzy match still work
    import simplemma
except ImportError:  # pragma: no cover
    simplemma = None


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
# ... and words that deny it: "kommunen eier ingenting i oss", "ikke eid av kommunen".
_NOT_OWNING = {"ingenting", "ikke", "ikkje", "ingen", "inga", "nothing", "not", "none", "no",
               "aldri", "never"}

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
    ("klubb", _N_ASSOC, True), ("club", _N_ASSOC, False), ("frivilligsentral", _N_ASSOC, False),
    ("voluntary", _N_ASSOC, False), ("volunteer", _N_ASSOC, False),
    ("frivillig", _N_ASSOC, False), ("frivilleg", _N_ASSOC, False), ("ideell", _N_ASSOC, False),
    ("nonprofit", _N_ASSOC, False), ("ngo", _N_ASSOC, False), ("charity", _N_ASSOC, False),
    # the state and its agencies
    ("etat", _N_AGENCY, True), ("direktorat", _N_AGENCY, True), ("tilsyn", _N_AGENCY, True),
    ("nav", _N_AGENCY, False), ("statsforvalter", _N_AGENCY, True), ("fylkesmann", _N_AGENCY, True),
    ("vegvesen", _N_AGENCY, True), ("politi", _N_AGENCY, True), ("statens", _N_AGENCY, False),
    ("forvaltningsorgan", _N_AGENCY, True), ("organisasjonsledd", _N_AGENCY, True),
    ("orgl", _N_AGENCY, False), ("ados", _N_AGENCY, False), ("statsforvaltar", _N_AGENCY, True),
    # state agencies known by name rather than by a word such as "etat" or "direktorat"
    ("kartverket", _N_AGENCY, False), ("kystverket", _N_AGENCY, False),
    ("sivilforsvaret", _N_AGENCY, False), ("forsvaret", _N_AGENCY, False),
    ("forsvarsbygg", _N_AGENCY, False), ("statsbygg", _N_AGENCY, False),
    ("husbanken", _N_AGENCY, False), ("lanekassen", _N_AGENCY, False),
    ("riksantikvaren", _N_AGENCY, False), ("bronnoysundregistrene", _N_AGENCY, False),
    ("brreg", _N_AGENCY, False), ("kriminalomsorgen", _N_AGENCY, False),
    ("domstolene", _N_AGENCY, False), ("domstoladministrasjonen", _N_AGENCY, False),
    ("folkehelseinstituttet", _N_AGENCY, False), ("fhi", _N_AGENCY, False),
    ("udi", _N_AGENCY, False), ("imdi", _N_AGENCY, False), ("nve", _N_AGENCY, False),
    ("bufetat", _N_AGENCY, False), ("bufdir", _N_AGENCY, False), ("nkom", _N_AGENCY, False),
    ("digdir", _N_AGENCY, False), ("dfo", _N_AGENCY, False), ("miljodirektoratet", _N_AGENCY, False),
    ("meteorologisk", _N_AGENCY, False), ("sametinget", _N_STATE, False),
    ("stortinget", _N_STATE, False), ("regjeringen", _N_STATE, False),
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
    ("companies", _N_COMPANY, False), ("businesses", _N_COMPANY, False),
    ("firms", _N_COMPANY, False), ("startups", _N_COMPANY, False),
    ("startup", _N_COMPANY, False), ("oppstartsbedrift", _N_COMPANY, False),
    ("oppstartselskap", _N_COMPANY, False), ("gründerbedrift", _N_COMPANY, False),
    # cooperatives (SA) are private businesses
    ("samvirke", _N_COMPANY, True), ("samvirkelag", _N_COMPANY, True),
    ("samvirkeforetak", _N_COMPANY, True), ("andelslag", _N_COMPANY, True),
    ("cooperative", _N_COMPANY, False), ("coop", _N_COMPANY, False),
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
# Words that name another party's role: a public body after them (within four words) is a
# customer, funder or partner, never the applicant ("vi selger tjenester til fylkeskommunen",
# "vi får tilskudd fra staten", "we are a startup selling to municipalities"). Matched as
# prefixes of folded words.
_OTHER_ROLE_BEFORE = ("selg", "solg", "lever", "tilskud", "tilskot", "stott", "stonad", "midl",
                      "finansier", "samarbeid", "hjelp", "konsulent", "bistar", "radgiv",
                      "kunde", "sell", "suppl", "deliver", "grant", "fund", "collaborat",
                      "partner", "serve", "consult", "oppdrag", "avtale", "kontrakt",
                      "contract", "customer", "client")
_WORKPLACE = {"i", "in", "hos", "ved", "at", "pa", "within"}
# A company after these is a partner, supplier or customer ("work with businesses", "sammen med
# en leverandør"), not the writer.
_WITH_OTHER = {"with", "med", "til", "to", "sammen", "saman", "alongside"}
# ... and after a public body, the same: "med kommunen som kunde", "kommunen er kunden vår".
_SELLING = ("selg", "solg", "lever")  # verbs whose customer may stand far after them
_OTHER_ROLE_AFTER = ("kunde", "customer", "client", "oppdragsgiv", "partner", "eier", "eig")
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


#: The lemma dictionaries :func:`_lemmas` uses.
LEMMA_LANGUAGES = ("nb", "nn")


def warm_up() -> None:
    """Load simplemma's dictionaries now: it decodes each language's on first use (bokmål about
    0.8 s, nynorsk 0.1 s, 70 MB together), which would otherwise fall on a user's first turn
    that names an organisation. Called when the input guard and the action server load."""
    if simplemma is None:  # pragma: no cover
        return
    for lang in LEMMA_LANGUAGES:
        simplemma.lemmatize("kommunen", lang=lang)


@lru_cache(maxsize=4096)
def _lemmas(token: str) -> Tuple[str, ...]:
    """The folded token and its bokmål and nynorsk lemmas (simplemma), longest first."""
    forms = {fold(token)}
    if simplemma is not None:
        for lang in LEMMA_LANGUAGES:
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
    party and counts only when nothing else does. A public body named as a customer, funder or
    partner ("selger til fylkeskommunen", "tilskudd fra staten", "med kommunen som kunde",
    "we sell to hospitals") never counts: with nothing else, nobody can tell (``None``), and
    the form asks. A workplace is no other party ("rådgiver i Steinkjer kommune").
    Cooperatives (samvirke, SA) are private businesses. Modifiers combine: "kommunalt foretak",
    "statlig foretak", "AS eid av kommunen", "Helse Nord", "sole trader", "private person".
    """
    if not text or not text.strip():
        return None
    # "inter-municipal", "inter kommunalt": one word, as the lexicon has it
    text = re.sub(r"\binter[-\s]+(kommunal|municipal)", r"inter\1", text, flags=re.IGNORECASE)
    text = re.sub(r"\bnon[-\s]+profit", "nonprofit", text, flags=re.IGNORECASE)
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
    folded_all = [fold(low) for _, low in toks]
    for i, concept in enumerate(concepts):
        if concept == _OWNED and (i and folded_all[i - 1] in _NOT_OWNING or
                                  i + 1 < n and folded_all[i + 1] in _NOT_OWNING):
            continue  # "ikke eid av kommunen", "kommunen eier ingenting i oss"
        if concept == _OWNED:
            for j in range(i + 1, min(n, i + 4)):
                if at(j) in public_noun or at(j) in public_adj:
                    owner_at.add(j)
                    break
    # ... or right before an owning verb ("der kommunen eier alle aksjene", "som staten eig").
    for i, (_, low) in enumerate(toks):
        if fold(low) in _OWNING_VERBS and not (i + 1 < n and folded_all[i + 1] in _NOT_OWNING):
            for j in range(i - 1, max(-1, i - 3), -1):
                if at(j) in public_noun:
                    owner_at.add(j)
                    break
    # Other parties: a public word right after "til/med/av ..." ("leverer til kommunen").
    other_at: set = set()
    role_at: set = set()  # a customer, funder or partner: never the applicant
    folded_toks = [fold(low) for _, low in toks]
    for i in range(n):
        if at(i) in public_noun and any(folded_toks[j] in _PREPOSITIONS_OTHER
                                        for j in range(max(0, i - 3), i)):
            other_at.add(i)
        if at(i) in public_noun or at(i) in (_N_HEALTH, _HELSE):
            before_words = folded_toks[max(0, i - 4):i]
            after_words = folded_toks[i + 1:i + 4]
            # "rådgiver i Steinkjer kommune": a workplace, not another party
            inside = folded_toks[max(0, i - 2):i]
            works_there = any(w in _WORKPLACE for w in inside)
            # "leverer velferdsteknologi til over 50 kommuner": after "til", a selling verb may
            # stand further back
            sold_to = i in other_at and any(w.startswith(_SELLING)
                                            for w in folded_toks[max(0, i - 8):i])
            if not works_there and (sold_to
                                    or any(w.startswith(_OTHER_ROLE_BEFORE) for w in before_words)
                                    or any(w.startswith(_OTHER_ROLE_AFTER) for w in after_words)):
                role_at.add(i)
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
        elif concept == _HELSE and toks[i][0][:1].isupper() and i + 1 < n and \
                toks[i + 1][0][:1].isupper() and at(i + 1) is None:
            family = OrgFamily.HEALTH_TRUST  # "Helse Bergen", "Helse Førde": a health trust
        elif concept == _HEALTH_WORD and at(i + 1) == _TRUST:
            family = OrgFamily.HEALTH_TRUST
        elif concept == _N_STATE_ENT:
            family = OrgFamily.STATE_ENTERPRISE
        elif concept == _N_FOUNDATION:
            family = OrgFamily.FOUNDATION
        elif concept == _N_ASSOC:
            family = OrgFamily.ASSOCIATION
        elif concept == _N_COMPANY and any(folded_toks[j] in _WITH_OTHER
                                           for j in range(max(0, i - 3), i)):
            continue  # "work with businesses", "samarbeide med bedrifter": another party
        elif concept == _N_COMPANY:
            if before(i, {_A_PRIVATE}, span=3):
                family = OrgFamily.COMPANY
            elif before(i, public_adj, span=3) or publicly_owned:
                family = OrgFamily.PUBLIC_COMPANY
            else:
                family = OrgFamily.COMPANY
        elif concept == _N_STATE and before(i, {_A_PRIVATE}, span=2):
            # "en privat høgskole": private colleges are foundations or companies, judged case
            # by case like a foundation
            family = OrgFamily.FOUNDATION
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
        if family is not None and i in role_at and i not in owner_at:
            continue  # "selger til kommunen", "tilskudd fra staten": another party
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
