"""Facts the applicant states in passing: "vi er ikke omfattet av anskaffelsesregelverket".

The eligibility check asks its questions one at a time, but people say what they know when it
comes to mind: in the message that starts the check ("Vi er et heleid kommunalt AS og følger
anskaffelsesreglene, kan vi søke?") or in an answer to another question. A stated fact counts
as the answer to its question, so it is not asked again.

``stated_facts(text) -> Dict[str, bool]``
    The answer fields (``veileder.eligibility.ANSWER_FIELDS``) the text settles, with their
    value. Only what the writer says about their own organisation counts ("vi", "me", "we",
    "virksomheten vår", or a clause without a subject such as "heleid av kommunen"), not what
    they say about a customer, an owner or a partner ("kommunen er omfattet av …, men vi er et
    AS" states nothing about the writer's coverage). A negation reverses the value ("vi er ikke
    omfattet", "me er ikkje omfatta"); a hedge or a question states nothing ("vi er nok
    omfattet, tror jeg", "er vi omfattet?"). Percentages of public funding count: more than
    half is "mainly publicly financed", half or less is not ("90 prosent av inntektene er
    offentlige", "40 % offentlig"); exactly half, "halvparten" or "50/50" states nothing.

``public_share(text) -> Optional[float]``
    The share of public funding the text states, 0-100 ("ca 80 % fra staten" -> 80, "70 % er
    salgsinntekter" -> 30, "halvparten" -> 50, "to tredjedeler" -> 66.7, "det meste" -> 75),
    or None. The form reads answers to the funding question with it (``veileder.answers``).
"""
from __future__ import annotations

import re
from typing import Dict, List, Optional, Tuple

from veileder.existing_solution import existing_solution_claim, mentions_existing_solution
from veileder.norsk import fold

# --- Clauses and who they are about -------------------------------------------------------------
_CLAUSE_SPLIT = re.compile(r"[.!;:\n]+|,\s*(?=(?:men|but|mens|og|and|vi|me|we)\b)|\s(?:men|but|"
                           r"mens|while)\s")
_FIRST_PERSON = re.compile(r"\b(?:vi|me|we|our|us|oss|var|vart|vare|eg|jeg|i am|im|mitt|min|"
                           r"virksomheten|verksemda|selskapet|organisasjonen|foretaket|"
                           r"stiftelsen|kommunen var|vi selv)\b")
# A third party as the subject: "kommunen er …", "kunden vår følger …", "de/dei/they …".
_OTHER_SUBJECT = re.compile(
    r"^(?:\w+\s+){0,2}?(?:kommunen|fylkeskommunen|staten|kunden\w*|kundene\w*|eieren|eigaren|"
    r"eierne|leverandor\w*|partner\w*|de|dei|they|he|she|han|hun|ho|det offentlige|the "
    r"municipality|our customers?|the customers?|the state|andre|others?)\b(?:\s+\w+)?\s+"
    r"(?:er|blir|vert|folger|fylgjer|ma|is|are|follows?|must|har|has|have|eier|eig|owns)\b")
_HEDGES = re.compile(r"\b(?:tror|trur|antar|kanskje|muligens|mogleg|trolig|sannsynligvis|"
                     r"usikker|vet ikke|veit ikkje|vet ikkje|veit ikke|ikke sikker|ikkje sikker|"
                     r"think|probably|maybe|perhaps|not sure|unsure|might|may be|guess|"
                     r"dobbeltsjekke|sjekke|check|delvis|partly|til dels|nok|vel)\b")
_NEGATION = re.compile(r"\b(?:ikke|ikkje|not|never|aldri|no|ingen|inga|isnt|arent|dont|uten|"
                       r"utan|without|"
                       r"doesnt|verken|hverken|neither|nor|non)\b|n t\b")
# A question without "?": a wh-word first, or a verb first with its subject after it ("må vi
# følge …", "er vi omfattet …"); "er heleid av kommunen" (no subject) is a statement.
_QUESTION_START = re.compile(
    r"^(?:hva|kva|hvem|kven|hvordan|korleis|hvorfor|kvifor|nar|what|how|why|when|who|"
    r"(?:er|kan|ma|matte|har|skal|gjelder|gjeld|blir|far|trenger|treng|is|are|can|do|does|must|"
    r"should|will)\s+(?:vi|me|we|dere|de|du|jeg|eg|i|det|den|dette|anskaffelses\w*|"
    r"regelverket|loven))\b")


_NEGATED_BELIEF = re.compile(r"\b(?:i\s+)?(?:don t|do not|dont|didn t)\s+(?:really\s+)?think\b|"
                             r"\b(?:tror|trur|trorr)\s+(?:egentlig\s+|eigentleg\s+)?(?:ikke|ikkje|"
                             r"ikkje|itte)\b|\b(?:jeg|eg|vi|me)\s+(?:tror|trur)\s+(?:\w+\s+){0,3}?"
                             r"(?:ikke|ikkje)\b")


def _clauses(text: str) -> List[Tuple[str, bool]]:
    """(folded clause, is a question) pairs."""
    out: List[Tuple[str, bool]] = []
    for part in re.findall(r"[^.!?\n]+[.!?]*", text or ""):
        question = part.strip().endswith("?")
        folded = fold(part, oe=False).replace("'", " ").replace("’", " ")
        folded = re.sub(r"[^a-z0-9%/,.!;:\n ]+", " ", folded)
        for clause in _CLAUSE_SPLIT.split(folded):
            clause = re.sub(r"\s+", " ", clause.replace(",", " ")).strip()
            if clause:
                out.append((clause, question or bool(_QUESTION_START.match(clause))))
    return out


def _about_others(clause: str) -> bool:
    """The clause speaks of another party and not of the writer."""
    if _OTHER_SUBJECT.search(clause):
        # "kommunen er eier, og vi er ..." is split before; "vi er kommunen" is about the writer
        return not re.match(r"^(?:vi|me|we|eg|jeg)\b", clause)
    return False


# --- What each fact sounds like -------------------------------------------------------------------
_P = r"(?:anskaffelses\w*|anskaffings\w*|anskaffingar\w*|innkjops\w*|anbuds\w*|loa|" \
     r"lov om offentlige anskaffelser|public " \
     r"procurement\w*|procurement (?:rules|law|act|regulations)|offentlige anskaffelser|" \
     r"offentlege innkjop|offentlig innkjop\w*)"
# A public body as a source of money or as the one who appoints the board.
_PUBLIC_BODY = (r"(?:staten|stat|kommun\w*|fylkeskommun\w*|det offentlige|det offentlege|"
                r"departement\w*|\w+departement\w*|state|government|municipal\w*|count(?:y|ies)|"
                r"public|ministry|regional health authorit\w*|health authorit\w*|rhf|"
                r"regionale helseforetak\w*|statsbudsjett\w*|skatte\w*)\b")
_FACTS: List[Tuple[str, re.Pattern, bool]] = [
    # (field, pattern, the value it states without a negation)
    ("covered_by_procurement", re.compile(
        r"\b(?:omfatt\w*|underlagt|underlagde|folger|folgjer|fylgjer|folge|folgje|fylgje|bruker|"
        r"brukar|"
        r"gjelder|gjeld|covered|subject|follow\w*|bound|comply|apply|applies|pliktig|pliktige"
        r"|ma folge|ma fylgje|regulert)\b.{0,40}" + _P), True),
    ("covered_by_procurement", re.compile(_P + r".{0,30}\b(?:gjelder|gjeld|applies|apply)\s+"
                                          r"(?:ikke\s+|ikkje\s+|not\s+)?(?:for\s+|to\s+)?"
                                          r"(?:oss|us)\b"), True),
    ("covered_by_procurement", re.compile(r"\b(?:lyser ut anbud|konkurranseutsetter|"
                                          r"doffin|tendering)\b"), True),
    ("publicly_funded", re.compile(
        r"\b(?:finansier\w*|financed|funded|betalt|drevet|driven)\b.{0,25}"
        r"\b(?:av|med|over|gjennom|fra|by|through|from)\s+"
        r"(?:\w+\s+){0,2}(?:staten|statsbudsjett\w*|kommun\w*|fylkeskommun\w*|det offentlige|"
        r"offentlig\w*|offentleg\w*|skatte\w*|government|state|municipal\w*|county|public|"
        r"bevilgning\w*|departement\w*)"), True),
    ("publicly_funded", re.compile(r"\b(?:offentlig|offentleg|publicly|statlig|statleg|"
                                   r"kommunalt)\s+(?:finansiert|finansiera|financed|funded)\b"),
     True),
    # "pengane kjem frå staten", "almost all funding comes from the state"
    ("publicly_funded", re.compile(
        r"\b(?:peng\w*|midl\w*|inntekt\w*|finansiering\w*|funding|money|income|"
        r"revenue|budsjett\w*|budget)\b.{0,20}\b(?:kommer|kjem|comes?|er|is)\s+(?:\w+\s+){0,2}"
        r"(?:fra|from|via)\s+(?:\w+\s+){0,2}" + _PUBLIC_BODY), True),
    # "nesten alt er statlege midlar", "mostly public money"
    ("publicly_funded", re.compile(
        r"\b(?:offentlige|offentlege|statlige|statlege|kommunale|fylkeskommunale|public|state|"
        r"government)\s+(?:midler|midlar|penger|pengar|money|funds|funding|tilskudd|tilskot|"
        r"bevilgning\w*|lovving\w*)\b"), True),
    ("publicly_funded", re.compile(r"\b(?:finansiert|finansiera|financed|funded|inntekt\w*|"
                                   r"revenue|income)\b.{0,30}\b(?:privat\w*|private|salg\w*|"
                                   r"sales|kunder|customers|kommersiell\w*|egne inntekter|"
                                   r"egeninntekt\w*|markedet)\b"), False),
    ("public_tasks", re.compile(
        r"\b(?:forvalter|forvaltar|utforer|utforar|loser|loyser|har|driver|ivaretar|"
        r"carry out|perform|performs|handle|handles|deliver|delivers)\b.{0,25}\b(?:offentlige "
        r"oppgaver|offentlege oppgaver|lovpalagte oppgaver|lovpalagde oppgaver|public tasks|"
        r"public duties|statutory tasks|offentlige tjenester|public services)"), True),
    ("general_interest", re.compile(
        r"\b(?:driver|driv|drive|drift|er|is|are|operate\w*|run)\b.{0,25}\b(?:kommersiel\w*|"
        r"forretningsmessig\w*|forretning|commercial\w*|for profit|profitt\w*|industri\w*|"
        r"naeringsvirksomhet|naeringsverksemd)"), False),
    ("general_interest", re.compile(r"\b(?:allmennhetens interesse|allmenta\w* interesse|"
                                    r"allmennyttig\w*|ideell\w*|non profit|nonprofit|not for "
                                    r"profit|general interest|public interest)\b"), True),
    ("public_control", re.compile(
        r"\b(?:heleid|heleigd|eid|eigd|owned|kontrollert|controlled|styrt|eies|eigast)\b.{0,20}"
        r"\b(?:av|by)\s+(?:\w+\s+){0,2}(?:kommun\w*|fylkeskommun\w*|staten|det offentlige|"
        r"municipal\w*|county|state|government|public|departement\w*)"), True),
    ("public_control", re.compile(
        r"\b(?:styret|styremedlem\w*|board|flertallet i styret|majority of the board)\b.{0,40}"
        r"\b(?:oppnevn\w*|oppnemn\w*|utnevn\w*|valgt|vald|appointed|picked|chosen)\b.{0,20}"
        r"\b(?:av|by)\s+(?:\w+\s+){0,2}" + _PUBLIC_BODY), True),
    # "styret er fra kommunene", "the board members come from the municipalities"
    ("public_control", re.compile(
        r"\b(?:styret|styremedlemmene|styremedlemane|board|board members)\s+(?:er|kommer|kjem|"
        r"is|are|comes?)\s+(?:\w+\s+){0,2}(?:fra|from)\s+(?:\w+\s+){0,2}" + _PUBLIC_BODY),
     True),
    ("public_control", re.compile(r"\b(?:kommunalt|statlig|statleg|offentlig|offentleg|"
                                  r"fylkeskommunalt|publicly)\s+(?:eid|eigd|heleid|owned)\b"),
     True),
    ("public_control", re.compile(r"\b(?:privateid\w*|privateigd\w*|privately owned|privat "
                                  r"eid\w*|privat eigd\w*|private owners?|privat eigar\w*)\b"),
     False),
    ("separate_legal_person", re.compile(r"\b(?:eget|eige|egen|eiga|separate|own)\s+"
                                         r"(?:rettssubjekt|juridisk person|juridisk einskap|"
                                         r"legal (?:person|entity)|organisasjonsnummer)\b"),
     True),
    ("separate_legal_person", re.compile(r"\b(?:en del av|ein del av|part of|avdeling i|"
                                         r"avdeling av|department of|etat i)\s+(?:\w+\s+)?"
                                         r"(?:kommun\w*|fylkeskommun\w*|staten|departement\w*|"
                                         r"municipal\w*|county|state)"), False),
    ("top_management", re.compile(r"\b(?:forankret|forankra|anchored|backed|stotte|stotta|"
                                  r"vedtatt|vedteke|approved)\b.{0,30}\b(?:toppledelse\w*|"
                                  r"radmann\w*|kommunedirektor\w*|ledelse\w*|leiing\w*|"
                                  r"kommunestyre\w*|styret|management|board|council)"), True),
    ("collaboration", re.compile(r"\b(?:samarbeider|samarbeidar|samarbeid|sammen med|saman med|"
                                 r"collaborat\w*|together with|partnering)\b.{0,30}\b(?:andre|"
                                 r"flere|fleire|nabo\w*|\w*kommun\w*|fylkeskommun\w*|etat\w*|"
                                 r"other|several|municipal\w*|county|agenc\w*)"), True),
]


#: Statements whose negation is part of what they say: "ikke noe kommersielt", "non-profit".
_FIXED_FACTS: List[Tuple[str, re.Pattern]] = [
    ("general_interest", re.compile(
        r"\b(?:ikke|ikkje|not|ingen|inga|non|uten|utan|without)\s+(?:noe\s+|noko\s+|a\s+|"
        r"any\s+)?(?:kommersiel\w*|"
        r"forretning\w*|industri\w*|commercial\w*|profitt\w*|for profit|business)")),
    ("general_interest", re.compile(r"\b(?:non profit|nonprofit|not for profit|ideell\w*|"
                                    r"allmennyttig\w*)\b")),
    # "ikke for salg til andre", "not for sale": no business on a market
    ("general_interest", re.compile(r"\b(?:ikke|ikkje|not)\s+(?:for\s+|til\s+|med\s+)?(?:salg|"
                                    r"sal|sale|sales|selling|profit|fortjeneste|utbytte)\b")),
]


# --- Percentages of public funding ----------------------------------------------------------------
_WORD_SHARES = [
    (r"\b(?:halvparten|halvdelen|half|50 ?/ ?50|femti femti|fifty fifty)\b", 50.0),
    (r"\b(?:to tredjedel\w*|two thirds)\b", 66.7), (r"\b(?:en tredjedel\w*|ein tredjedel\w*|"
                                                   r"one third|a third)\b", 33.3),
    (r"\b(?:tre fjerdedel\w*|three quarters)\b", 75.0), (r"\b(?:en fjerdedel|ein fjerdedel|"
                                                         r"one quarter|a quarter)\b", 25.0),
    (r"\b(?:det meste|mesteparten|storstedelen|storparten|det aller meste|hovedsakelig|i "
     r"hovedsak|hovudsakleg|mostly|mainly|largely|the majority|majority|nesten alt|nesten alle|"
     r"nesten heile|all of it|alt sammen|helt|heilt|fullt|fully|entirely|100 prosent)\b", 75.0),
    (r"\b(?:en liten del|ein liten del|litt|a little|a small part|small share|minority|mindre "
     r"del|lite)\b", 25.0),
]
_PERCENT = re.compile(r"(\d{1,3}(?:[.,]\d+)?)\s*(?:%|prosent|percent|pst|pct)")
_PRIVATE_SHARE = re.compile(r"\b(?:privat\w*|private|salg\w*|sales|kunde\w*|customers?|"
                            r"kommersiell\w*|commercial|egeninntekt\w*|egne inntekter|own "
                            r"revenue|brukerbetaling\w*|markedet|market)\b")


def public_share(text: Optional[str]) -> Optional[float]:
    """The share of public funding the text states, 0-100, or None (see the module docstring)."""
    folded = fold(text or "", oe=False)
    match = _PERCENT.search(folded)
    share: Optional[float] = None
    if match:
        share = min(100.0, float(match.group(1).replace(",", ".")))
        rest = folded[match.end():match.end() + 40] + " " + folded[max(0, match.start() - 30):
                                                                   match.start()]
        if _PRIVATE_SHARE.search(rest) and not re.search(r"\boffentl\w*|\bstat\w*|\bkommun\w*|"
                                                         r"\bpublic\b", rest):
            share = 100.0 - share
        return share
    for pattern, value in _WORD_SHARES:
        if re.search(pattern, folded):
            return value
    return None


_OWNERSHIP = re.compile(r"\b(?:eid|eigd|eies|heleid|heleigd|owned|eier|eig|eiger|owns|aksje\w*|"
                        r"shares|eierandel\w*|stemmer|votes)\b")
_MAJORITY = re.compile(r"\b(?:det meste|mesteparten|storstedelen|storparten|hovedsakelig|i "
                       r"hovedsak|hovudsakleg|mostly|mainly|largely|the majority|most of)\b")
_PUBLIC_SOURCE = re.compile(r"\b(?:offentl\w*|statl\w*|staten|kommun\w*|fylke\w*|public|"
                            r"government|state|skatte\w*|departement\w*)\b")


def _funding_from_share(clause: str) -> Optional[bool]:
    if _OWNERSHIP.search(clause):
        # "100 % eid av kommunen" is ownership (control), not funding; "eid av 5 kommuner, 100%
        # finansiert av dem" says both: read the funding part
        funding = re.search(r"\b(?:finansier\w*|funded|financed|funding|inntekt\w*)\b", clause)
        if funding is None:
            return None
        clause = clause[max(0, funding.start() - 12):]
        if _OWNERSHIP.search(clause):
            return None
    if _MAJORITY.search(clause) and not _PERCENT.search(clause) and re.search(
            r"\b(?:peng\w*|midl\w*|finansier\w*|inntekt\w*|budsjett\w*|funding|funded|"
            r"financed|revenue|income|money)\b", clause):
        if _PRIVATE_SHARE.search(clause) and not _PUBLIC_SOURCE.search(clause):
            return False
        return True if _PUBLIC_SOURCE.search(clause) else None
    if not re.search(r"\b(?:offentl\w*|statl\w*|staten|kommun\w*|fylke\w*|public|government|"
                     r"state|tilskudd\w*|tilskot\w*|bevilgning\w*|finansier\w*|inntekt\w*|"
                     r"budsjett\w*|revenue|income|funding|funded|financed|midl\w*|privat\w*|"
                     r"salg\w*|sales)\b", clause):
        return None
    if not _PERCENT.search(clause) and not re.search(r"\b(?:halvparten|half|50 ?/ ?50|"
                                                      r"tredjedel\w*|thirds?|fjerdedel\w*|"
                                                      r"quarters?)\b", clause):
        return None
    share = public_share(clause)
    if share is None or share == 50.0:
        return None
    return share > 50.0


def stated_facts(text: Optional[str]) -> Dict[str, bool]:
    """The answer fields the text settles, with their values (see the module docstring)."""
    facts: Dict[str, bool] = {}
    for clause, question in _clauses(text or ""):
        # "I don't think we're covered", "tror ikke vi er omfattet": a no, not a hedge
        clause = _NEGATED_BELIEF.sub(" not ", clause)
        if question or _HEDGES.search(clause) or _about_others(clause):
            continue
        share = _funding_from_share(clause)
        if share is not None:
            facts.setdefault("publicly_funded", share)  # and the clause may say more
        for field, pattern in _FIXED_FACTS:
            if field not in facts and pattern.search(clause):
                facts[field] = True
        for field, pattern, value in _FACTS:
            match = pattern.search(clause)
            if field in facts or not match:
                continue
            if field == "publicly_funded" and (public_share(clause) or 100.0) <= 50.0:
                continue  # "halvparten er offentlige midler" is not mainly public
            # a negation in the statement or just before it: "vi er ikke omfattet av …"
            negated = bool(_NEGATION.search(clause[max(0, match.start() - 20):match.end()]))
            facts[field] = value != negated
    if mentions_existing_solution(text):
        facts["no_market_solution"] = False
    elif "?" not in (text or "") and existing_solution_claim(text) is False and re.search(
            r"\b(?:markedet|the market|marknaden|finnes|fins|finst|exists?)\b", fold(text or "")):
        facts["no_market_solution"] = True
    return facts
