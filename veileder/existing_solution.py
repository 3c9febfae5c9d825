"""Does the writer want to buy, or already have, a solution that exists on the market?

The call funds developing new solutions that no product on the market covers today (call file
``eksisterende_losning``). "Vi vil kjøpe inn et system som finnes", "en løsning som allerede er i
drift i mange kommuner" or "we want to buy an off-the-shelf product" describe a project that does
not fit; "det finnes ingen løsning på markedet" and "eksisterende systemer dekker ikke behovet"
describe one that does. Pure functions over the text; bokmål, nynorsk, English, no æøå.

``existing_solution_claim(text) -> Optional[bool]``
    True when the text speaks of a solution that exists already (to buy, to use, in use
    elsewhere), False when it says that none exists or that existing ones do not cover the need
    (or that the solution must be new), None when it says neither. Questions count: the FAQ's
    yes/no opening (``veileder.polarity``) reads "Kan vi kjøpe noe som finnes?" with it.
``mentions_existing_solution(text) -> bool``
    A statement (not a question, not "hvis/if …") that the project buys or uses a solution that
    exists: the eligibility check records "there is a solution on the market" for it.
"""
from __future__ import annotations

import re
from typing import List, Optional

from veileder.norsk import fold

# A solution that exists: the phrase, as a regular expression over folded text.
_EXISTS = [re.compile(p) for p in (
    r"\b(?:finnes|fins|finst|eksisterer|exists?|existing)\b.{0,30}\b(?:allerede|alt|fra for|"
    r"pa markedet|i dag|idag|already|on the market|today)\b",
    r"\b(?:allerede|alt|already)\b.{0,20}\b(?:finnes|fins|finst|eksisterer|exists?)\b",
    r"\b(?:som|that|which)\s+(?:allerede\s+|alt\s+|already\s+)?(?:finnes|fins|finst|"
    r"eksisterer|exists?)\b",
    r"\b(?:allerede|alt|already)\b.{0,25}\b(?:i drift|i bruk|in use|in operation|used|tatt i "
    r"bruk|brukes|nytta|available|tilgjengelig|pa markedet|on the market|utviklet|utvikla|"
    r"laga|laget|provd|provd ut|utprovd|testet|testa|tested|tried|pilotert|piloted)\b",
    # "prøvd ut et annet sted", "tested elsewhere": in use somewhere else
    r"\b(?:provd ut|utprovd|testet ut|testa ut|tatt i bruk|i bruk|i drift|tested|tried out|"
    r"in use)\s+(?:et annet sted|eit anna stad|andre steder|andre stader|elsewhere|somewhere "
    r"else)\b",
    # "ei løysing som nabokommunen alt har", "a system other councils already use"
    r"\b(?:som|that|which)\s+(?:\w+\s+){1,3}(?:allerede|alt|already)\s+(?:har|bruker|brukar|"
    r"nyttar|nytter|kjopte|kjopt|has|have|uses|use|bought)\b",
    r"\b(?:i drift|i bruk|in use)\s+(?:i|hos|in|at)\s+(?:mange|flere|fleire|andre|other|many|"
    r"several)\b",
    r"\b(?:brukes|blir brukt|vert brukt|nyttes|is used|are used)\s+(?:av|i|hos|by|in)\s+(?:mange|"
    r"flere|fleire|andre|other|many|several)\b",
    r"\b(?:som|that)\s+(?:mange|flere|fleire|andre|other|many|several)\s+(?:\w+\s+)?(?:allerede\s+"
    r"|alt\s+|already\s+)?(?:bruker|brukar|nytter|use|uses|har)\b",
    r"\beksisterende\s+(?:\w+\s+)?\w*(?:losning|system|produkt|verktoy|programvare|app|plattform|"
    r"tjeneste|teknologi)",
    r"\beksisterande\s+(?:\w+\s+)?\w*(?:losning|system|produkt|verktoy|programvare|app|plattform)",
    r"\bexisting\s+(?:\w+\s+)?\w*(?:solution|system|product|tool|software|platform|service)",
    r"\bhyllevare\b", r"\boff[ -]?the[ -]?shelf\b", r"\bferdig(?:e|t)?\s*(?:\w+\s+){0,2}?\w*"
    r"(?:losning|system|produkt|utviklet|utvikla|program|app|vare)",
    r"\bstandard\s*(?:produkt|losning|system|"
    r"vare|product|solution|software)", r"\bkommersielt tilgjengelig\b", r"\bcommercially "
    r"available\b", r"\bready[ -]made\b", r"\bturnkey\b", r"\bnokkelferdig\b",
    r"\b(?:kjope|kjop|kjoper|kaupe|buy|buying|purchase|procure)\s+(?:inn\s+)?"
    r"(?:lisenser|licen[cs]es|an? existing|et eksisterende|en eksisterende|ei eksisterande)\b",
    # "en løsning vi har sett i Danmark og vil ta i bruk her", "we saw an app in Sweden"
    r"\b(?:sett|set|funnet|fant|saw|seen|found)\b.{0,40}\b(?:losning|loysing|system|produkt|app|"
    r"verktoy|solution|product|tool)\w*",
    # upgrading what one has: "oppgradere til nyeste versjon av fagsystemet"
    r"\b(?:oppgrader\w*|upgrad\w*|ny versjon|nyeste versjon|nyaste versjon|new version|latest "
    r"version)\b",
    r"\bsame (?:system|solution|product) as\b", r"\bsamme (?:system|losning|produkt|app)\s+som\b",
)]
# The solution is to be new, or nothing on the market covers the need.
_NEW = [re.compile(p) for p in (
    r"\b(?:ingen|inga|ikke noen|ikkje nokon|no|not any)\b.{0,40}\b(?:finnes|fins|finst|"
    r"eksisterer|exists?|pa markedet|on the market|dekker|dekkjer|covers?|available|"
    r"tilgjengelig)\b",
    r"\b(?:finnes|fins|finst|eksisterer|exists?)\s+(?:ikke|ikkje|ikkje|not|no|ingen|inga|"
    r"ingenting|inkje|nothing)\b",
    r"\b(?:ikke|ikkje|not|doesn t|does not|don t|do not)\s+(?:\w+\s+){0,2}(?:finnes|fins|finst|"
    r"eksisterer|exists?|dekker|dekkjer|covers?|cover|fungerer|passer|loser|solves?)\b",
    r"\b(?:dekker|dekkjer|covers?|cover|fungerer|passer|loser|solves?)\s+(?:\w+\s+){0,2}"
    r"(?:ikke|ikkje|not)\b",
    r"\b(?:helt |heilt |brand |completely |entirely )?(?:ny|nytt|nye|new|novel)\s+(?:for|pa|i|to|"
    r"on)\s+(?:markedet|the market|marknaden)\b",
    r"\b(?:utvikle|utvikla|develop|lage|lag|build|create|skape)\s+(?:\w+\s+){0,3}(?:ny|nytt|nye|"
    r"new|novel|innovativ\w*)\b",
    r"\b(?:ma|skal|must|need|needs|has to|have to)\s+(?:\w+\s+){0,3}(?:vaere|vere|bli|be)\s+"
    r"(?:\w+\s+){0,2}(?:ny|nytt|nye|new|novel|innovativ\w*|unik\w*)\b",
)]
_HYPOTHETICAL = re.compile(r"\b(?:hvis|viss|dersom|om det|hva om|kva om|if|whether|what if|"
                           r"suppose)\b")
_CLAUSES = re.compile(r"[.!;\n]+|\s(?:men|but|mens|while)\s")


def _clauses(text: str) -> List[str]:
    folded = re.sub(r"[^a-z0-9.!?;\n ]+", " ", fold(text or "", oe=False))
    return [c.strip() for c in _CLAUSES.split(folded) if c.strip()]


_NEGATION = re.compile(r"\b(?:ikke|ikkje|not|never|aldri|don t|do not|won t|will not)\b")


def _claim(clause: str) -> Optional[bool]:
    if any(p.search(clause) for p in _NEW):
        return False
    if any(p.search(clause) for p in _EXISTS):
        # "vi vil ikke kjøpe hyllevare": the writer turns the existing solution down
        return False if _NEGATION.search(clause) else True
    return None


def existing_solution_claim(text: Optional[str]) -> Optional[bool]:
    """True: a solution that exists already; False: none exists / it is to be new; else None.

    Clause by clause; the first clause that says either decides ("Det finnes systemer, men de
    dekker ikke behovet" says both, and the "not covered" wins: the need is not met).
    """
    found = [c for c in (_claim(clause) for clause in _clauses(text or "")) if c is not None]
    if not found:
        return None
    return False if False in found else True


def mentions_existing_solution(text: Optional[str]) -> bool:
    """A statement that the project buys or uses a solution that exists already.

    Not a question ("Kan vi kjøpe noe som finnes?") and not a condition ("hvis det finnes …");
    a statement before a question counts ("Vi vil kjøpe et system som finnes. Kan vi søke?").
    """
    statements = " ".join(_statement_part(sentence) for sentence in _SENTENCES.split(text or ""))
    if not statements:
        return False
    if any(_HYPOTHETICAL.search(clause) for clause in _clauses(statements)):
        return False
    return existing_solution_claim(statements) is True


_SENTENCES = re.compile(r"(?<=[.!?\n])\s*")
_ASKS = re.compile(r"\W*(?:kan|kunne|ma|matte|er|skal|far|har|bor|hva|hvordan|hvorfor|kva|"
                   r"korleis|can|could|is|are|do|does|should|may|must|what|how|why)\b")
#: A short question after a comma ends a sentence that states something first: "vi vil kjøpe
#: et system som finnes allerede, kan vi søke?".
_TAIL_QUESTION_WORDS = 6


def _statement_part(sentence: str) -> str:
    """The sentence when it states something; of a question, what is stated before its comma."""
    sentence = sentence.strip()
    if not sentence.endswith("?"):
        return sentence
    head, comma, tail = sentence.rpartition(",")
    if not comma or len(tail.split()) > _TAIL_QUESTION_WORDS or _ASKS.match(fold(head)):
        return ""  # "Kan vi kjøpe noe som finnes, eller må det være nytt?" asks both parts
    return head
