"""Is the writer asking about themselves? "Jeg er privatperson, kan jeg søke?"

Pure domain code. The FAQ answers "Kan bedrifter søke?" in general terms; when the writer says
what they themselves are ("jeg har et enkeltpersonforetak", "eg driv eit AS", "I'm a private
individual") the assistant gives the eligibility verdict for them instead, the same one the
eligibility check ends with. This module finds that self-description: a clause with a
first-person word (jeg/eg/vi/me/I/we) that names a kind of applicant.

``asks_to_apply(text) -> bool``
    Whether the text asks if the writer may apply: "kan vi søke?", "har vi mulighet til å
    søke", "oppfyller vi kravene", "er vi kvalifisert", "can we apply". "Kan vi søke om utsatt
    frist?" asks for something else, and does not count.
    Nor does a question that mentions applying but asks something else: together with whom
    ("kan vi søke sammen med en leverandør?"), on what ("kan vi søke på et kulturprosjekt?") or
    on a condition about the project ("kan vi søke hvis løsningen allerede finnes?"); a
    condition about the asker ("kan vi søke hvis vi er et IKS?") still counts.
``asks_other_about_applying(text) -> bool``
    The text mentions applying but asks something else (the cases above, "Hva må være med i
    skissen når vi søker?", "Gjelder kravet for alle som søker?"): it gets the FAQ answer, not
    the check.
``applying_asks(text) -> Optional[str]``
    Which of those it asks: "samarbeid" (together with others, on behalf of several bodies) or
    "tema" (a project on a topic), so that the FAQ can answer that instead of who may apply.
``named_applicant(text) -> Optional[OrgFamily]``
    The kind of body a question asks about in the third person: "Kan Statsforvalteren søke?",
    "Kan et kommunalt foretak søke?", "Gjelder dette et interkommunalt politisk råd?", "Can
    Stavanger municipality apply?". ``None`` when the subject is the writer ("kan vi søke
    sammen med andre kommuner?") or names no kind of body.
``named_body(text) -> Optional[str]``
    The name, when the body asked about is named ("Kan Helse Bergen HF søke?"), not only a
    kind of body ("Kan et helseforetak søke?").
``self_check_request(text) -> Optional[OrgFamily]``
    Both at once: the writer says what they are and asks whether they may apply ("Vi er en
    bedrift som lager sensorer. Kan vi søke?"). That is a request for the eligibility check,
    whatever topic the classifier heard in the rest of a long message.
``own_family(text) -> Optional[OrgFamily]``
    The kind of applicant the writer says they are, or ``None`` when the text only asks about
    others ("Jeg er konsulent. Kan en bedrift søke?" is about others: "konsulent" names no
    applicant, and "en bedrift" stands in a clause without a first-person word).
"""
from __future__ import annotations

import re
from typing import Optional

from veileder.eligibility import OrgFamily, family_from_text
from veileder.norsk import fold

# Clauses: sentences, commas, semicolons, dashes and "og/and/men/but" between them.
_CLAUSE_SPLIT = re.compile(r"[.!?;:,\n]+|\s[-–—]\s|\s(?:og|men|and|but)\s", re.IGNORECASE)
# First-person words. Lowercase "i" is the Norwegian preposition, so English "I" must be a
# capital letter ("I", "I'm", "I've").
_FIRST_PERSON = re.compile(
    r"(?:\b(?:jeg|jæ|eg|vi|me|meg|oss|mitt|min|mi|vår|vårt|våre|we|my|our)\b)"
    r"|(?:(?<![\w'])I(?:'m|'ve|’m|’ve)?(?![\w]))",
    re.IGNORECASE,
)
_CAPITAL_I_ONLY = re.compile(r"(?<![\w'])i(?:'m|'ve|’m|’ve)?(?![\w])")


def _has_first_person(clause: str) -> bool:
    for match in _FIRST_PERSON.finditer(clause):
        word = match.group(0)
        if word[0] == "i" and _CAPITAL_I_ONLY.fullmatch(word):
            continue  # Norwegian "i" (in), not English "I"
        return True
    return False


_APPLY = r"(?:s[øo]e?k(?:e|je|ja|a)|soek(?:e|je)|apply|applying)"
_ME = r"(?:vi|jeg|jæ|eg|me|we|I)"
# What one may "søke om" and still mean this call's money.
_ABOUT_THE_CALL = {fold(word) for word in (
    "midler", "midlar", "midlene", "midla", "midlane", "støtte", "stønad", "tilskudd",
    "innovation", "partnership", "funding", "funds", "money", "grant", "innovasjonspartnerskap",
    "innovasjonspartnerskapet", "it", "this",
    "tilskot", "tilskuddet", "penger", "pengar", "pengene", "dette", "det", "denne",
    "finansiering", "innovasjonspartnerskap", "partnerskap", "noe", "noko", "funding", "money",
)}
_APPLY_QUESTIONS = [re.compile(p, re.IGNORECASE) for p in (
    # kan vi søke / kan vi også søke på dette / can we apply / may I apply
    rf"\b(?:kan|kunne|får|far|may|can|could)\s+{_ME}\b(?:\s+\w+){{0,3}}?\s+(?P<verb>{_APPLY})\b",
    # kan vi være søker / kan me vere søkjar / can we be an applicant
    rf"\b(?:kan|kunne|får|far|may|can|could)\s+{_ME}\b(?:\s+\w+){{0,2}}?\s+(?:være|vere|bli|be)\s+"
    rf"(?:(?:en|ein|an|a)\s+)?(?:s[øo]k(?:er|ar|jar)\w*|applicants?)\b",
    # har vi mulighet til å søke / er det mulig for oss å søke / lov å søke
    rf"\b(?:mulighet|moglegheit|mulig|mogleg|lov|rett|anledning|høve|hove)\w*\s+"
    rf"(?:for\s+(?:oss|meg)\s+)?(?:til\s+)?(?:å|aa|a|to)\s+(?P<verb>{_APPLY})\b",
    # lurer på om vi kan søke / om me får søkje
    rf"\bom\s+{_ME}\s+(?:\w+\s+){{0,2}}?(?:kan|får|far|kunne)\s+(?:\w+\s+){{0,2}}?"
    rf"(?P<verb>{_APPLY})\b",
    # oppfyller vi kravene / fyller me vilkåra / om vi oppfyller / do we qualify
    rf"\b(?:oppfyller|oppfyl+er|fyller|kvalifiserer|qualify)\s+{_ME}\b",
    rf"\bom\s+{_ME}\s+(?:\w+\s+){{0,2}}?(?:oppfyller|oppfyl+er|fyller|kvalifiserer)\b",
    rf"\b(?:do|does)\s+{_ME}\s+qualify\b",
    # er vi kvalifisert / er me aktuelle søkarar / are we eligible
    r"\b(?:(?:er|blir)\s+(?:vi|me|jeg|eg)|om\s+(?:vi|me|jeg|eg)\s+(?:er|blir))\s+"
    r"(?:\w+\s+){0,2}?(?:kvalifiser\w*|aktuel+\w*|"
    r"søknadsberettig\w*|soknadsberettig\w*|berettig\w*|omfatt\w*|innenfor|innafor)\b",
    r"\b(?:are|am)\s+(?:we|I)\s+(?:\w+\s+)?(?:eligible|qualified)\b",
    # er kommunen vår aktuell som søker / er etaten vår kvalifisert / is our agency eligible
    r"\b(?:er|blir|is)\s+(?:\w+\s+){0,2}?(?:vår|vårt|våre|our|my)\s+(?:\w+\s+){0,2}?"
    r"(?:kvalifiser\w*|aktuel+\w*|søknadsberettig\w*|soknadsberettig\w*|berettig\w*|"
    r"omfatt\w*|eligible|qualified)\b",
    # gjelder dette oss / kan dette være noe for oss
    r"\bgjeld(?:er)?\s+(?:dette|det|utlysningen|utlysinga|ordningen|ordninga)\s+(?:for\s+)?(?:oss|meg)\b",
)]
_SOKE_OM = re.compile(rf"{_APPLY}\s+om\s+(?P<what>\w+)", re.IGNORECASE)
# "... søke om midler fra Forskningsrådet": another funder. "frå denne potten" is this call.
_FROM_OTHER = re.compile(r"\b(?:fra|frå|fraa|from|hos|gjennom|via|i)\s+(?P<who>\w+)", re.IGNORECASE)
_THIS_CALL = {fold(word) for word in (
    "denne", "dette", "den", "det", "potten", "utlysningen", "utlysinga", "utlysingen",
    "ordningen", "ordninga", "dere", "dykk", "innovasjon", "this", "the", "you", "your",
    "tillegg", "dag", "år", "fjor", "samarbeid", "partnerskap",
)}
_CLAUSE_END = re.compile(r"[.?!\n]")


def asks_to_apply(text: Optional[str]) -> bool:
    """Whether ``text`` asks if the writer may apply to the call."""
    if not text:
        return False
    for pattern in _APPLY_QUESTIONS:
        for match in pattern.finditer(text):
            if "verb" in pattern.groupindex:
                about = _SOKE_OM.match(text, match.start("verb"))
                if about and fold(about.group("what")) not in _ABOUT_THE_CALL:
                    continue  # "kan vi søke om utsatt frist?" asks for something else
                if _from_another_funder(text, match.end("verb")):
                    continue  # "kan vi søke om midler fra Forskningsrådet?"
                if _asks_something_else(_rest_of_clause(text, match.end("verb"))):
                    continue  # "kan vi søke sammen med en leverandør?"
            return True
    return False


# After "kan vi søke": together with someone, on a topic, or on a condition.
_TOGETHER = re.compile(
    r"^\W*(?:\w+\s+){0,2}?(?:sammen|saman|i\s+lag|i\s+samarbeid|together|jointly|"
    r"p[åa]\s+vegne\s+av|on\s+behalf\s+of|alene|aleine|[åa]leine|alone|p[åa]\s+egen\s+h[åa]nd|"
    r"by\s+ourselves|on\s+our\s+own)\b",
    re.IGNORECASE)
_ON_TOPIC = re.compile(
    r"^\W*(?:om\s+(?:\w+\s+){1,2}?)?(?:på|paa|til|for|innen|innenfor|med|on|for|om)\s+"
    r"(?:(?:en|et|ei|ein|eit|a|an|the|vårt|vår|mitt|min|de|dei|disse|desse|dette|denne|these|"
    r"this)\s+)?(?:[\d\s.,]+\s*)?(?P<what>\w+)",
    re.IGNORECASE)
_CONDITION = re.compile(r"\b(?:hvis|dersom|viss|når|selv\s+om|if|when|even\s+if)\s+(?P<cond>.+)",
                        re.IGNORECASE)
# "hvis vi er et IKS": a condition about what the asker is (what they have is read by the
# family recogniser: "hvis vi har et enkeltpersonforetak")
_ASKER_IS = re.compile(rf"\b{_ME}\s+(?:er|blir|are|am)\b", re.IGNORECASE)
# "søke om å være med (på dette)", "søkje om å få vere med", "apply to take part": applying
_TAKE_PART = re.compile(r"^\W*(?:om\s+(?:å|a)\s+(?:få\s+|fa\s+)?(?:være|vaere|vere|vera|bli|verte)"
                        r"\s+med|om\s+(?:å|a)\s+delta|to\s+(?:take\s+part|participate|join))\b",
                        re.IGNORECASE)
_CALL_WORDS = _ABOUT_THE_CALL | _THIS_CALL | {fold(w) for w in (
    "utlysning", "utlysninga", "ordning", "potten", "pott", "midla", "skisse", "også", "og",
    "millionene", "millionane", "millioner", "millionar", "mill", "pengane", "midlane", "kronene",
    "kronane", "million", "millions", "grant", "call")}
# Words in a question that is about applying in general, not about the asker.
_QUESTION_START = re.compile(
    r"^\W*(?:hva|hvordan|hvilke|hvilken|hvilket|hvor|hvorfor|hvem|når|naar|kva|korleis|kven|kor|"
    r"kvifor|what|how|which|who|when|where|why)"
    r"\b", re.IGNORECASE)
_APPLICANTS = re.compile(r"\b(?:(?:alle|de|dei|andre)\s+som\s+s[øo]ker|s[øo]ke?ra?(?:ne|r)?n?e?)\b"
                         # "Må man være omfattet av … for å kunne søke?": a rule for applicants
                         r"|\b(?:må|ma|skal|trenger|treng|must)\s+(?:man|en|ein|one|søkeren|"
                         r"søkjaren)\b.*\b(?:for\s+å|for\s+at|to)\s+(?:kunne\s+|be\s+able\s+to\s+)?"
                         r"(?:s[øo]ke|s[øo]kje|apply)\b",
                         re.IGNORECASE)
_APPLY_WORD = re.compile(rf"{_APPLY}|\bs[øo]ke(?:r|rne|re|ren)?\b|\bapplicants?\b",
                         re.IGNORECASE)


def _rest_of_clause(text: str, start: int) -> str:
    end = _CLAUSE_END.search(text, start)
    return text[start:end.start() if end else len(text)]


def _asks_something_else(rest: str) -> bool:
    """What follows "kan vi søke" asks about something other than the asker's eligibility."""
    if _TOGETHER.search(rest):
        return True
    if _TAKE_PART.match(rest):
        return False  # "Kan Innlandet fylkeskommune søke om å være med på dette?"
    topic = _ON_TOPIC.match(rest)
    if topic and fold(topic.group("what")) not in _CALL_WORDS and \
            family_from_text(topic.group("what")) is None:
        return True
    condition = _CONDITION.search(rest)
    if condition:
        cond = condition.group("cond")
        return not (_ASKER_IS.search(cond) or family_from_text(cond) is not None)
    return False


def asks_other_about_applying(text: Optional[str]) -> bool:
    """The text mentions applying but asks something else than whether the writer may apply."""
    if not text or asks_to_apply(text) or not _APPLY_WORD.search(text):
        return False
    if _QUESTION_START.search(text) or _APPLICANTS.search(text):
        return True
    for pattern in _APPLY_PLANS:
        for match in pattern.finditer(text):
            if _asks_something_else(_rest_of_clause(text, match.end("verb"))):
                return True
    return False


# "kan vi søke …" and "vi vil søke om et prosjekt på …": what follows may ask something else
_APPLY_PLANS = [re.compile(p, re.IGNORECASE) for p in (
    rf"\b(?:kan|kunne|får|far|may|can|could|må|ma|must)\s+{_ME}\b(?:\s+\w+){{0,3}}?\s+"
    rf"(?P<verb>{_APPLY})\b",
    rf"\b{_ME}\s+(?:vil|skal|ønsker\s+å|tenker\s+å|planlegger\s+å|kommer\s+til\s+å|want\s+to|"
    rf"plan\s+to|will)\s+(?P<verb>{_APPLY})\b",
)]


def applying_asks(text: Optional[str]) -> Optional[str]:
    """What a question that mentions applying asks instead of the asker's eligibility:
    "samarbeid" (applying together with others, on behalf of several bodies), "tema" (applying
    for a project on a topic: "kan vi søke om penger til velferdsteknologi?"), or None."""
    if not text or asks_to_apply(text):
        return None
    for pattern in _APPLY_PLANS:
        for match in pattern.finditer(text):
            rest = _rest_of_clause(text, match.end("verb"))
            if _TOGETHER.search(rest):
                return "samarbeid"
            topic = _ON_TOPIC.match(rest)
            what = fold(topic.group("what")) if topic else ""
            if what and what not in _CALL_WORDS and not what.startswith(_NOT_A_TOPIC) and \
                    family_from_text(topic.group("what")) is None:
                return "tema"
    return None


# "søke om utsatt frist", "om forlengelse": about the deadline, not a topic of the project
_NOT_A_TOPIC = ("frist", "utsatt", "utsett", "forleng", "extens", "deadline", "mer tid",
                "vegne")


_NAMED = [re.compile(p, re.IGNORECASE) for p in (
    rf"\b(?:kan|kunne|får|far|may|can|could)\s+(?P<who>[^?.!,;]{{2,80}}?)\s+"
    rf"(?:(?:også|og|ogsa|also|selv|sjølv)\s+)?(?P<verb>være\s+søker\w*|{_APPLY})\b",
    r"\bgjeld(?:er)?\s+(?:dette|det|utlysningen|utlysinga|ordningen|ordninga|this)\s+"
    r"(?:også\s+)?(?:for\s+)?(?P<who>[^?.!,;]{2,80})",
    r"\b(?:er|is|are)\s+(?P<who>[^?.!,;]{2,80}?)\s+(?:kvalifisert|omfattet|aktuel+e?|"
    r"berettiget|søknadsberettiget|eligible)\b",
    r"\b(?:does|do)\s+(?:this|the\s+call)\s+apply\s+to\s+(?P<who>[^?.!,;]{2,80})",
    # "Is it open for private persons also?", "Er utlysinga open for stiftingar?"
    r"\b(?:open|opne|ope|åpen|åpent|apen|aapen)\s+(?:for|to|til)\s+(?P<who>[^?.!,;]{2,80})",
    # "Hva med fylkeskommunale foretak, kan de søke?", "What about health trusts, can they apply?"
    rf"\b(?:hva|kva|ka|what|how)\s+(?:med|om|about)\s+(?P<who>[^?.!,;]{{2,80}}?)\s*[,;:?–-]\s*"
    rf"(?:kan|kunne|får|far|may|can|could)\s+(?:de|dei|dem|they|disse|desse|slike|those)\s+"
    rf"(?:(?:også|og|ogsa|also)\s+)?(?P<verb>være\s+søker\w*|{_APPLY})\b",
)]

# A body named by its name, not only its kind: a capitalised word ("Helse Bergen HF",
# "Sykehuset Innlandet", "Kartverket") or an organisation form after a name ("… IKS").
_PROPER_WORD = re.compile(r"(?<![\w])[A-ZÆØÅ][\wæøåÆØÅ-]+")
_FORM_SUFFIX = re.compile(r"\b(?:HF|RHF|IKS|KF|FKF|SF|AS|ASA|SA|BA)\b")


def _named(text: Optional[str]):
    """(family, who) for the body a question asks about in the third person, or None."""
    if not text:
        return None
    for pattern in _NAMED:
        for match in pattern.finditer(text):
            who = match.group("who")
            if _has_first_person(who):
                continue
            if "verb" in pattern.groupindex and \
                    _asks_something_else(_rest_of_clause(text, match.end())):
                continue  # "kan kommuner søke sammen?" asks about collaboration
            family = family_from_text(who)
            if family is not None and family is not OrgFamily.UNKNOWN:
                return family, who.strip()
    return None


def named_applicant(text: Optional[str]) -> Optional[OrgFamily]:
    """The kind of body a question asks about in the third person, if any."""
    named = _named(text)
    return named[0] if named else None


def named_body(text: Optional[str]) -> Optional[str]:
    """The name of the one body a question asks about, when it is named and not only a kind of
    body: "Kan Helse Bergen HF søke?" -> "Helse Bergen HF"; "Kan et helseforetak søke?" -> None.
    Such a question is read as the writer's own: the check runs for that body."""
    named = _named(text)
    if not named:
        return None
    who = named[1]
    # "Kan Et helseforetak …" at the start of a message is no name: skip the first word when the
    # span starts the text
    words = _PROPER_WORD.findall(who)
    if who and text and text.lstrip().startswith(who) and words and who.startswith(words[0]):
        words = words[1:]
    if words or _FORM_SUFFIX.search(who):
        return re.sub(r"^(?:et|en|ei|eit|ein|a|an|the)\s+", "", who, flags=re.IGNORECASE)
    return None


def _from_another_funder(text: str, start: int) -> bool:
    end = _CLAUSE_END.search(text, start)
    rest = text[start:end.start() if end else len(text)]
    return any(fold(m.group("who")) not in _THIS_CALL for m in _FROM_OTHER.finditer(rest))


def self_check_request(text: Optional[str]) -> Optional[OrgFamily]:
    """The writer's own kind of applicant, when they also ask whether they may apply."""
    if not asks_to_apply(text):
        return None
    return own_family(text)


def own_family(text: Optional[str]) -> Optional[OrgFamily]:
    """The kind of applicant the writer says they themselves are, if any."""
    if not text:
        return None
    for clause in _CLAUSE_SPLIT.split(text):
        if clause and _has_first_person(clause):
            family = family_from_text(clause)
            if family is not None and family is not OrgFamily.UNKNOWN:
                return family
    # "Me er Møre og Romsdal fylkeskommune": a name with "og" in it is one clause after "me er"
    for sentence in _SENTENCE_SPLIT.split(text):
        said = _ASKER_IS.search(sentence or "")
        if said:
            family = family_from_text(sentence[said.end():])
            if family is not None and family is not OrgFamily.UNKNOWN:
                return family
    # "Statsforvalteren i Nordland her.", "Hei, Bodø kommune her, …": the writer's signature
    for clause in re.split(r"[.!?;,\n]+", text):
        here = _SIGNED_HERE.match(clause.strip())
        if here and fold(here.group("who").split()[0]) not in _NOT_A_NAME:
            family = family_from_text(here.group("who"))
            if family is not None and family is not OrgFamily.UNKNOWN:
                return family
    return None


_SIGNED_HERE = re.compile(r"^(?:(?:hei|hallo|god dag|morn)\W+)?(?P<who>[^.!?;,]{3,80}?)\s+her\W*$",
                          re.IGNORECASE)
# a question or a statement, not a name, before "her": "Kan kommunen søke her?"
_NOT_A_NAME = {fold(w) for w in (
    "kan", "er", "må", "har", "skal", "vil", "får", "blir", "gjelder", "hva", "kva", "hvem",
    "kven", "hvordan", "korleis", "når", "hvor", "kor", "finnes", "fins", "det", "vi", "me",
    "jeg", "eg", "is", "can", "are", "the")}
_SENTENCE_SPLIT = re.compile(r"[.!?;\n]+")
