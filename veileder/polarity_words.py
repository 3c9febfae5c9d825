"""The word tables of ``veileder.polarity``, and its openings in the three written standards.

The tables are what the yes/no reader matches against folded text (bokmål, nynorsk and English
side by side): the words that open a yes/no question or a wh-question, fillers, negations,
amount units and number words, topic words and the stems that tell the call's criteria apart.

``OPENINGS`` gives each opening ``veileder.polarity.opening`` computes (in bokmål) in nynorsk and
English; :func:`opening_in` writes one in a standard, the amount in "Nei, 75 millioner kroner er
rammen til sammen." included.
"""
from __future__ import annotations

import re
from typing import Dict, Optional

from veileder.i18n import Tekst, normalise
from veileder.norsk import amount_text

# Words that open a yes/no question (folded: "må" -> "ma", "får" -> "far").
_YN_HEADS = {
    "er", "e", "ma", "matte", "kan", "kunne", "gjelder", "gjeld", "far", "fikk", "har", "hadde",
    "skal", "skulle", "blir", "blei", "gikk", "gjekk", "utlop", "utlopte", "vert", "vart", "rekker",
    "rekk",
    "finnes", "fins", "finst", "trenger",
    "treng", "trengs", "vil", "ville", "bor", "burde", "stemmer", "stemmer", "holder", "held",
    "gar", "passer", "passar", "fungerer", "gjer", "tel", "dekker", "dekkjer", "godtas", "godtar",
    "tas", "tar", "gis", "gir",
    "ligger", "teller", "kreves", "krever", "krev", "var", "inkluderer", "omfatter", "omfattar",
    "tillates", "tillater", "tilbyr", "betyr", "regnes", "is", "are", "can", "could", "does",
    "do", "did", "may", "must", "will", "would", "should", "has", "have", "am", "was", "were",
    "isnt", "arent", "cant", "doesnt", "dont",
}

_WH = {
    "hva", "kva", "ka", "hvem", "kven", "kem", "hvor", "kor", "hvordan", "korleis", "koss",
    "hvorfor", "kvifor", "korfor", "nar", "hvilken", "hvilke", "hvilket", "kva", "kvar",
    "what", "when", "where", "who", "whom", "which", "why", "how", "whats", "hvaslags",
}

_FILLERS = {"hei", "hallo", "heisann", "hi", "hello", "hey", "ok", "okei", "okay", "sa", "og",
            "men", "altsa", "forresten", "ja", "nei", "takk", "but", "and", "so", "also", "ogsa",
            "sporsmal", "lurer", "lurar", "jeg", "eg", "i", "question", "btw", "kjapt"}

_NEGATIONS = {"ikke", "ikkje", "not", "ikkje", "itte"}

_NEGATED_HEADS = {"isnt", "arent", "cant", "doesnt", "dont"}

_UNITS = (("milliard", 10**9), ("milliarder", 10**9), ("mrd", 10**9), ("billion", 10**9),
          ("millioner", 10**6), ("millionar", 10**6), ("million", 10**6), ("millions", 10**6),
          ("mill", 10**6), ("mil", 10**6), ("mio", 10**6), ("mnok", 10**6), ("m", 10**6),
          ("tusen", 10**3), ("thousand", 10**3), ("k", 10**3))

_NUMBER_WORDS = {"hundre": 100, "hundred": 100, "femti": 50, "fifty": 50, "sytti": 70,
                 "seventy": 70, "atti": 80, "aatti": 80, "ti": 10, "ten": 10, "tjue": 20,
                 "twenty": 20, "en": 1, "ein": 1, "one": 1, "a": 1}

_TOPIC_WORDS_EN = {"climate": "klima", "environment": "miljo", "environmental": "miljo",
                   "mobility": "mobilitet", "transport": "mobilitet", "health": "helse",
                   "welfare": "velferd", "administration": "forvaltning"}

#: FAQ keys that state what Innovasjon Norge looks for in a project (the call's criteria).
_CRITERIA_KEYS = {"kriterier", "samfunnsutfordring", "gjennomforingsevne", "verdiskaping",
                  "gevinstpotensial"}

# Word beginnings too common in questions about the call to tell one criterion from nothing.
_GENERIC_STEMS = {"prosj", "kommu", "losni", "loysi", "offen", "virks", "verks", "innov",
                  "utlys", "sokna", "skiss", "penge", "midle", "norge", "noreg", "trenge",
                  "kreve", "kravs", "viktig", "aktue", "innen", "innan", "storre", "mindre",
                  "soker", "sokja", "sokje", "gjeld", "kriter", "punkt", "altsa", "organ"}

# Other words for what the criteria say (part of a folded word -> the criteria's stem).
_CRITERIA_SYNONYMS = (("direktor", "toppl"), ("radmann", "toppl"), ("radmenn", "toppl"),
                      ("ledels", "toppl"), ("leiing", "toppl"), ("management", "toppl"),
                      ("leadership", "toppl"), ("market", "marke"), ("benefit", "gevin"),
                      ("gains", "gevin"), ("saving", "gevin"), ("innsparing", "gevin"),
                      ("strategy", "strat"), ("digital", "digit"), ("technolog", "tekno"))

_CLAIM_NEGATIONS = {"cannot", "cant", "dont", "doesnt", "isnt", "arent", "never", "aldri"}


#: The openings ``veileder.polarity`` computes, by their bokmål text.
OPENINGS: Dict[str, Tekst] = {t.nb: t for t in (
    Tekst(nb="Ja.", nn="Ja.", en="Yes."),
    Tekst(nb="Nei.", nn="Nei.", en="No."),
    Tekst(nb="Jo.", nn="Jo.", en="Yes."),
    Tekst(nb="Ja, som leverandør eller partner.", nn="Ja, som leverandør eller partnar.",
          en="Yes, as a supplier or partner."),
    Tekst(nb="Det kommer an på.", nn="Det kjem an på.", en="It depends."),
    Tekst(nb="Nei, men prosjekter der flere samarbeider, er særlig aktuelle.",
          nn="Nei, men prosjekt der fleire samarbeider, er særleg aktuelle.",
          en="No, but projects where several bodies work together are especially relevant."),
)}
#: "Nei, 75 millioner kroner er rammen til sammen." (the amount is the call's).
TOTAL_NOT_PER_PROJECT = Tekst(nb="Nei, {amount} er rammen til sammen.",
                              nn="Nei, {amount} er ramma til saman.",
                              en="No, {amount} is the total for all projects together.")
_TOTAL = re.compile(r"^Nei, (?P<amount>.+) er rammen til sammen\.$")
_MILLIONS = re.compile(r"^(?P<n>\d+) millioner kroner$")


def opening_in(opening: Optional[str], lang: Optional[str] = "nb") -> Optional[str]:
    """The opening in ``lang``; an opening this table does not know stays as it is."""
    lang = normalise(lang)
    if not opening or lang == "nb":
        return opening
    if opening in OPENINGS:
        return OPENINGS[opening](lang)
    total = _TOTAL.match(opening)
    if total:
        amount = total.group("amount")
        millions = _MILLIONS.match(amount)
        if millions:
            amount = amount_text(int(millions.group("n")) * 1_000_000, lang)
        return TOTAL_NOT_PER_PROJECT.format(lang, amount=amount)
    return opening
