"""Which of the call's topics a question names, when the classifier heard a broader one.

Pure functions over the question; bokmål, nynorsk, English, no æøå.

``named_criterion(text) -> Optional[str]``
    The one criterion a question about the criteria names: "Kva slags samarbeid ser dei etter?"
    -> "samarbeid" (the FAQ key), so that the answer is that criterion, not the list of four.
    None when it names none or several.
``asks_for_the_deadline(text) -> bool``
    "What's the deadline for this call?", "When do applications close?", "Vi vurderer å søke
    – når var fristen?": a question for the deadline, which the classifier may take for another
    topic (English, or a long sentence about applying).
``asks_about_working_with_business(text) -> bool``
    "Do we need to work with businesses?", "Må vi samarbeide med næringslivet?": the public body
    asks about the partnership with business, not whether businesses may apply.
``asks_what_it_takes(text) -> bool``
    "Hva skal til for at prosjektet blir valgt ut?": what Innovasjon Norge looks for (the
    criteria).
``asks_about_own_gain(text) -> bool``
    "Hva slags gevinster må behovet ha?", "Må vi vise at prosjektet gir gevinst?": the gain
    potential a project must have, not what the public sector gains from partnerships.
``bot_question_opening(text) -> Optional[str]``
    "Er du en bot?" -> "Ja.", "Snakker jeg med et menneske?" / "Are you a real person?" ->
    "Nei.": the first word of the honest answer that this is an automatic assistant.
``asks_if_bot(text) -> bool``
    "Snakker jeg med et menneske nå?": a question whether this is a machine, not a request for
    a person.
``asks_whom_to_contact(text) -> bool``
    "Hvem kan vi ringe hvis vi vil søke?", "Who can we contact?": a question about whom to
    contact, not about who may apply.
"""
from __future__ import annotations

import re
from typing import Optional

from veileder.norsk import fold

# FAQ key of each criterion -> words (folded prefixes) that name it
_CRITERIA = {
    "samarbeid": r"samarbeid\w*|samarbeida|samhandl\w*|collaborat\w*|cooperat\w*|partnership\w*",
    "gjennomforingsevne": r"toppled\w*|toppleiing\w*|forankr\w*|gjennomforing\w*|strategi\w*|"
                          r"management|leadership|anchor\w*",
    "verdiskaping": r"verdiskap\w*|marked\w*|marknad\w*|naeringsliv\w*|naringsliv\w*|market\w*|"
                    r"value creation|business potential",
    "samfunnsutfordring": r"samfunnsutfordring\w*|samfunnsproblem\w*|societal challenge\w*|"
                          r"social challenge\w*",
    "gevinstpotensial": r"gevinstpotensial\w*|gevinst\w*|benefit potential|gains?",
}
_CRITERIA_RE = {key: re.compile(rf"\b(?:{words})\b") for key, words in _CRITERIA.items()}

_CONTACT = re.compile(
    r"\b(?:hvem|kven|who|whom)\b.{0,30}\b(?:ringe|ringa|kontakte|kontakta|sporre|sporja|"
    r"snakke med|snakka med|skrive til|henvende|vende oss|call|contact|phone|ring|talk to|"
    r"speak to|ask)\b|\b(?:hvor|kor|where)\b.{0,20}\b(?:henvende|vende oss|wende|ringe|"
    r"contact|call)\b")


def _fold(text: Optional[str]) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9 ]+", " ", fold(text or "", oe=False))).strip()


def named_criterion(text: Optional[str]) -> Optional[str]:
    """The FAQ key of the one criterion the question names, or None."""
    folded = _fold(text)
    named = [key for key, pattern in _CRITERIA_RE.items() if pattern.search(folded)]
    return named[0] if len(named) == 1 else None


def asks_whom_to_contact(text: Optional[str]) -> bool:
    """Whether the question asks whom to contact."""
    return bool(_CONTACT.search(_fold(text)))


_DEADLINE_EN = re.compile(
    r"\b(?:what s|whats|what is|what was|tell me|which is|which was)\s+(?:the\s+)?"
    r"(?:application\s+|submission\s+)?(?:deadline|closing date|due date|cut ?off|"
    r"submission date|last date|final date|date for (?:submitting|submission|sending))\b"
    r"|\bwhen\b.{0,40}\b(?:deadline|close|closes|closing|due|submit|submitted|apply|send|sent|"
    r"hand in|handed in)\b"
    r"|\bby when\b|^(?:the |application |submission )?deadline$"
    # Norwegian: "når var fristen?", "hva er søknadsfristen?", "når går fristen ut?"
    r"|\b(?:nar|hva|kva|ka)\s+(?:er|var|gar|gjekk|gikk|utloper|utlop)\s+(?:egentlig\s+|eigentleg\s+)?"
    r"(?:soknads|skisse|innleverings)?fristen\b"
    # "Hvor lang tid har vi på oss?", "Når må skissa vere levert?"
    r"|\b(?:hvor|kor|ka)\s+(?:lang|mye|mykje)\s+tid\s+(?:har|er det igjen|gjenstar)\b"
    r"|\bhow (?:long|much time) do (?:we|i) have\b"
    r"|\b(?:nar|when)\s+(?:ma|skal|must|should)\s+(?:\w+\s+){0,3}(?:levert|leverast|leveres|"
    r"sendt|sendast|sendes|inne|innlevert|submitted|in)\b")


def asks_for_the_deadline(text: Optional[str]) -> bool:
    """Whether the question asks for the deadline."""
    return bool(_DEADLINE_EN.search(_fold(text)))


_WORK_WITH_BUSINESS = re.compile(
    r"\b(?:vi|me|we|us|oss)\b.{0,30}\b(?:samarbeide|samarbeida|samarbeid|jobbe|jobba|arbeide|"
    r"arbeida|work|collaborate|cooperate|co operate|partner|team up)\s+(?:\w+\s+){0,2}?"
    r"(?:med|with)\s+(?:\w+\s+){0,2}?(?:bedrift\w*|naeringsliv\w*|naringsliv\w*|"
    r"leverandor\w*|selskap\w*|firma\w*|business\w*|compan\w*|suppliers?|industry|private "
    r"sector|privat sektor)\b"
    # "Må vi ha med bedrifter i prosjektet?", "Do we need to include companies?"
    r"|\b(?:ha med|ta med|involvere|trekke inn|trekkje inn|include|involve|bring in)\s+"
    r"(?:\w+\s+){0,2}?(?:bedrift\w*|naeringsliv\w*|naringsliv\w*|leverandor\w*|firma\w*|"
    r"business\w*|compan\w*|suppliers?|industry|private sector|privat sektor)\b")


def asks_about_working_with_business(text: Optional[str]) -> bool:
    """Whether the writer asks about working with business (see the module docstring)."""
    return bool(_WORK_WITH_BUSINESS.search(_fold(text)))


_SELECTED = re.compile(r"\b(?:valgt ut|bli valgt|blir valgt|vert valt|bli valt|get selected|"
                       r"be selected|chosen|plukket ut|prioritert|prioritised|prioritized)\b")
_WHAT_IT_TAKES_FOR = re.compile(
    r"\b(?:(?:hva|kva|ka)\s+(?:skal|ma|matte)\s+til|what does it take)\b.*\b(?:prosjekt\w*|"
    r"stotte|penger|pengar|midl\w*|funded|funding|money|grant|skisse\w*|project\w*|na opp|"
    r"vinne|win)\b")
_OWN_GAIN = re.compile(r"\b(?:behov\w*|prosjekt\w*|vi|me|we|var|vart|vare|our|losning\w*|"
                       r"loysing\w*)\b")


def asks_what_it_takes(text: Optional[str]) -> bool:
    """Whether the question asks what it takes to be chosen."""
    folded = _fold(text)
    return bool(_SELECTED.search(folded) or _WHAT_IT_TAKES_FOR.search(folded))


def asks_about_own_gain(text: Optional[str]) -> bool:
    """Whether a question about gains is about the project's own gain potential."""
    return bool(_OWN_GAIN.search(_fold(text)))


_HUMAN = re.compile(r"\b(?:menneske\w*|person|human|real|ekte|levande|levende|saksbehandler\w*|"
                    r"radgiv\w*|someone)\b")
_MACHINE = re.compile(r"\b(?:bot|robot|chatbot|chat bot|maskin\w*|ai|kunstig\w*|automat\w*|"
                      r"datamaskin|computer|program|virtual|virtuell|digital assistent)\b")
_YES_NO_HEAD = re.compile(r"^\W*(?:\w+\s+){0,3}?(?:er|e|snakker|snakkar|prater|pratar|skriver|"
                          r"chatter|is|are|am|do|does)\b")


def bot_question_opening(text: Optional[str]) -> Optional[str]:
    """The yes or no that opens the answer to "are you a bot / a human?" (module docstring)."""
    folded = _fold(text)
    if not folded or not _YES_NO_HEAD.search(folded):
        return None
    machine, human = bool(_MACHINE.search(folded)), bool(_HUMAN.search(folded))
    if machine and human:
        return None  # "Er du en robot eller et menneske?": no yes or no
    if machine:
        return "Ja."
    if human:
        return "Nei."
    return None


_ASKS_WHO_ANSWERS = re.compile(r"\b(?:er du|e du|are you|snakker jeg med|snakkar eg med|prater jeg "
                               r"med|pratar eg med|am i talking|am i chatting|am i speaking|is this|"
                               r"er dette|er det|skriver jeg med|skriv eg med)\b")


def asks_if_bot(text: Optional[str]) -> bool:
    """Whether the message asks if the assistant is a machine or a person ("Snakker jeg med et
    menneske nå?"), not for a person ("Kan jeg snakke med et menneske?")."""
    folded = _fold(text)
    return bool(_ASKS_WHO_ANSWERS.search(folded)) and bool(
        _MACHINE.search(folded) or _HUMAN.search(folded))


# "Er det berre små distriktskommunar som kan søkje?", "Is this only for small rural
# municipalities?", "Gjelder det bare de store byene?": who may apply, whatever else it names
_ONLY_SOME = re.compile(
    r"\b(?:bare|berre|kun|only|just|exclusively|solely)\s+(?:\w+\s+){0,4}?"
    r"(?:kommun\w*|distriktskommun\w*|bykommun\w*|byer|byene|byane|fylk\w*|etat\w*|"
    r"municipalit\w*|cities|towns|counties|agencies|offentlig\w*|offentleg\w*|public)\b")


def asks_who_only(text: Optional[str]) -> bool:
    """Whether the question asks if only some kind of public body may apply."""
    return bool(_ONLY_SOME.search(_fold(text)))


# "Må søkjaren vere omfatta av anskaffingsregelverket?", "Do we have to be covered by the public
# procurement rules to apply?", "Må søkeren være offentlig?": what an applicant must be
_APPLICANT_MUST = re.compile(
    r"\b(?:ma|maa|must|need to|needs to|have to|has to|skal|bor)\b(?:\s+\w+){0,5}?\s+"
    r"(?:(?:vere|vaere|vaera|vera|be)\s+)?(?:omfatt\w*|covered|underlagt|subject|folge|fylgje|"
    r"follow)\b(?:\s+\w+){0,4}?\s+(?:anskaff\w*|innkjop\w*|procurement|lov\w*|regelverk\w*)"
    r"|\b(?:ma|maa|must)\s+(?:sokeren|sokjaren|sokjar|soker|the applicant|applicants|vi|me|we)\s+"
    r"(?:vere|vaere|vera|be)\s+(?:ein\s+|en\s+|a\s+)?(?:offentl\w*|public)\b")


def asks_applicant_requirement(text: Optional[str]) -> bool:
    """Whether the question asks what an applicant must be (covered by the procurement rules,
    public): the answer on who may apply, not the check."""
    return bool(_APPLICANT_MUST.search(_fold(text)))


# "Kan digital teknologi vere ein del av løysinga?", "Må løsningen være digital?": the call names
# digital technology as one example of how a challenge may be solved (the criterion of solving a
# societal challenge)
_DIGITAL = re.compile(r"\b(?:digital\w*|digitalis\w*|teknologi\w*|technolog\w*|programvare|"
                      r"software|kunstig intelligens|artificial intelligence)\b")


def asks_about_digital(text: Optional[str]) -> bool:
    """Whether the question asks about digital solutions or technology."""
    return bool(_DIGITAL.search(_fold(text)))
