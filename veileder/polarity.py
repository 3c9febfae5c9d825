"""Answer a yes/no question with a yes or a no first: "Er potten på 100 millioner?" -> "Nei.".

The FAQ answers state the facts; this module decides, for a question that can be answered yes or
no, which word comes first. The answer itself is not written twice: the opening is put in front
of the answer the assistant gives anyway (``prefix_answer``). Pure functions over the question,
the topic the classifier chose and the call (``veileder.call.Call``); the clock only for "Er
fristen ute?".

``is_yes_no_question(text) -> bool``
    Whether the question asked is a yes/no question: "Er …", "Må …", "Kan …", "Gjeld dette …",
    "Stemmer det at …", "Lurer på om …", "Is …", "Can …", "Does …", a short fragment with a number
    ("75 millioner?") or a tag ("…, ikke sant?"). Not "Hva …", "Kva …", "Når …", "How much …",
    and not "Kan du si hva …".
``opening(question, topic, call, now=None) -> Optional[str]``
    "Ja.", "Nei.", "Jo." (a yes to a negative question: "Er ikke fristen 16. april?"), or a yes
    or no with a short qualification ("Nei, men …", "Ja, som leverandør eller partner."; "Det
    kommer an på." for bodies judged case by case). ``None`` when the question is no yes/no
    question, or when the topic's facts do not settle it: then the answer is given unchanged.
    ``topic`` is the FAQ key the ResponseSelector chose ("faq/belop", "faq/tema", …; the
    "faq/" prefix is optional) or "ask_deadline" / "frist" for the deadline.
``prefix_answer(opening, answer, lang="nb") -> str``, ``OPENING_VARIABLE``
    The answer with the opening in front; an answer that already opens with the same word is
    left as it is, and one that opens with the other word loses it ("Nei." in a template when
    the question was "Kan bedrifter være med?"). Openings are computed in bokmål; ``lang``
    writes them in nynorsk ("Ja."/"Nei.") or English ("Yes."/"No.") there
    (``veileder.polarity_words``, which also holds the word tables).

Numbers are read as amounts ("75 mill", "75 000 000", "100 millioner", "over 50 mill") and
compared with ``call.belop``; dates and times with ``veileder.dates.parse_planned_time`` and
compared with ``call.frist``; a month, a year or a weekday alone also counts.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import List, Optional, Tuple

from veileder.call import Call
from veileder.date_words import MONTH_BY_NAME, WEEKDAY_BY_NAME
from veileder.dates import parse_planned_time
from veileder.eligibility import CASE_BY_CASE, COVERED, EXCLUDED, family_from_text
from veileder.existing_solution import existing_solution_claim, mentions_existing_solution
from veileder.norsk import fold
from veileder.polarity_words import (
    _CLAIM_NEGATIONS,
    _CRITERIA_KEYS,
    _CRITERIA_SYNONYMS,
    _FILLERS,
    _GENERIC_STEMS,
    _NEGATED_HEADS,
    _NEGATIONS,
    _NUMBER_WORDS,
    _TOPIC_WORDS_EN,
    _UNITS,
    _WH,
    _YN_HEADS,
    opening_in,
)
from veileder.question_topics import asks_about_digital, asks_applicant_requirement

YES, NO, YES_TO_NEGATIVE = "Ja.", "Nei.", "Jo."
#: The name under which an action passes the opening with a response it asks Rasa to render
#: (``dispatcher.utter_message(response=..., answer_opening=...)``); the response generator
#: (``components/nlg.py``) puts it in front of the rendered text with :func:`prefix_answer`.
OPENING_VARIABLE = "answer_opening"

_INDIRECT = re.compile(r"\b(?:lurer pa|lurar pa|lure pa|vet du|veit du|wonder|wondering|"
                       r"sporsmal|kan du sjekke|kan du bekrefte|sjekke|confirm|know)\s+(?:\w+\s+)?"
                       r"(?:om|if|whether)\b")
_TELL_WH = re.compile(r"\b(?:si|seie|fortelle|forklare|tell|explain|vet du|veit du|know)\s+"
                      r"(?:meg\s+|me\s+|oss\s+|us\s+)?(?:hva|kva|hvem|kven|hvor|kor|hvordan|"
                      r"korleis|nar|what|when|how|who|where|which|hvilke|hvilken)\b")
_TAGS = re.compile(r"(?:ikke sant|ikkje sant|sant|right|correct|stemmer det|stemmer dette|"
                   r"isn t it|is it|eller hva|eller)\s*\?*$")
# Sentences; a full stop after a digit ("16. april") does not end one.
# a period after a number or an abbreviation ("kl. 12", "75 mill. til", "f.eks. skoler") does
# not end the sentence
_SENTENCES = re.compile(r"(?:[^.!?\n]|(?:(?<=\d)|(?<=\bkl)|(?<=\bca)|(?<=\bmill)|(?<=\bmrd)|"
                        r"(?<=\bkr)|(?<=\bnr)|(?<=\bevt)|(?<=\bf)|(?<=\beks)|(?<=\bbl)|"
                        r"(?<=\bbl\.a))\.(?=\s*\w))+[.!?]*")


def _fold(text: str) -> str:
    """Folded words, one space apart; '?' and digits kept, thousands separators joined."""
    text = re.sub(r"(?<=\d)[\s\u00a0.](?=\d{3}\b)", "", text)  # 75 000 000 / 75.000.000
    text = fold(text, oe=False).replace("'", "").replace("’", "")
    text = text.replace("–", " - ").replace("—", " - ")
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9,?%/:\- ]+", " ", text)).strip()


def _words(clause: str) -> List[str]:
    return re.findall(r"[a-z0-9]+", clause)


def _question_clause(text: str) -> Optional[str]:
    """The first question sentence (one with '?', else the first sentence that reads as one)."""
    sentences = [s.strip() for s in _SENTENCES.findall(text or "") if s.strip()]
    asked = [s for s in sentences if "?" in s] or sentences
    return asked[0] if asked else None


# A short question after a statement: "…, er det innenfor?", "… - passer det?"
_TAIL_QUESTION = re.compile(r"(?:,|\s-\s|\s-|:)\s*(?P<tail>(?:\w+\s+){0,7}\w+)\s*\?$")


def _kind(clause: str) -> Optional[str]:
    """"yn", "wh" or None for a folded clause."""
    words = _words(clause)
    if _TELL_WH.search(clause):
        return "wh"
    if _INDIRECT.search(clause):
        return "yn"
    content = list(words)
    while content and content[0] in _FILLERS and content[0] not in _YN_HEADS:
        content.pop(0)
    if not content:
        return None
    head = content[0]
    if head in _WH:
        return "wh"
    if head in _YN_HEADS:
        return "yn"
    tail = _TAIL_QUESTION.search(clause)
    if tail and _words(tail.group("tail"))[0] in _YN_HEADS:
        return "yn"  # "Vi vil søke om et klimaprosjekt, er det innenfor?"
    if clause.endswith("?"):
        if any(w in _WH for w in content[:3]):
            return "wh"
        if _TAGS.search(clause):
            return "yn"
        if len(content) <= 4 and any(w.isdigit() for w in content):
            return "yn"  # "75 millioner?", "16. april?"
        if len(content) <= 3 and any(w in MONTH_BY_NAME or w in WEEKDAY_BY_NAME for w in content):
            return "yn"
    return None


def yes_no_clause(text: Optional[str]) -> Optional[str]:
    """The question sentence, folded, when the question asked is a yes/no question; else None."""
    raw = _question_clause(text or "")
    if raw is None:
        return None
    clause = _fold(raw)
    return clause if _kind(clause) == "yn" else None


def is_yes_no_question(text: Optional[str]) -> bool:
    """Whether the question asked is a yes/no question (see the module's docstring)."""
    return yes_no_clause(text) is not None


def _negated(clause: str) -> Tuple[bool, str]:
    """Whether the question is negative ("Er ikke fristen …", "Kan ikke private søke?",
    "Isn't it …"), and the clause with that negation taken out."""
    words = _words(clause)
    if words and words[0] in _NEGATED_HEADS:
        return True, clause
    for i, word in enumerate(words[:4]):
        if word in _NEGATIONS and i >= 1 and words[0] in _YN_HEADS:
            rest = words[:i] + words[i + 1:]
            return True, " ".join(rest) + (" ?" if clause.endswith("?") else "")
    return False, clause



def verdict_opening(question: Optional[str], outcome: str) -> Optional[str]:
    """"Ja." or "Nei." in front of an eligibility verdict that answers a yes/no question ("Kan
    kommunen søke?", "Are we eligible?"); "Jo." to a negative one ("Kan ikke vi søke?") that
    the verdict contradicts. None for an uncertain verdict, and when the verdict follows an
    answer to the check's own question ("ja", "vet ikke")."""
    folded = yes_no_clause(question)
    if outcome not in ("eligible", "not_eligible") or folded is None:
        return None
    if outcome == "not_eligible":
        return NO
    return YES_TO_NEGATIVE if _negated(folded)[0] else YES

_UNIT = dict(_UNITS)
_AMOUNT = re.compile(r"(\d+(?:[.,]\d+)?)\s*(" + "|".join(sorted(_UNIT, key=len, reverse=True))
                     + r")?\b")
_MORE = re.compile(r"\b(?:over|mer enn|meir enn|more than|above|minst|at least|over|mer en|"
                   r"mer|meir|more)\s*$")
_LESS = re.compile(r"\b(?:under|mindre enn|less than|below|maks|maksimalt|hoyst|at most|"
                   r"opptil|up to|inntil|mindre|less)\s*$")
_PER_PROJECT = re.compile(r"\b(?:per|pr|hvert|kvart|each|every|hver|kvar|enkelt)\s*"
                          r"(?:prosjekt|project|soker|sokar|applicant|soknad)")


def _amounts(clause: str) -> List[Tuple[int, str]]:
    """(kroner, comparison) for each amount: comparison is "=", ">" or "<"."""
    found: List[Tuple[int, str]] = []
    for m in _AMOUNT.finditer(clause):
        number, unit = m.group(1), m.group(2)
        value = float(number.replace(",", "."))
        if unit is None and value < 1000:
            continue  # "16", "2020", "3 prosjekter": not an amount without a unit
        if unit is None and 1900 <= value <= 2100:
            continue  # a year
        kroner = int(round(value * _UNIT.get(unit or "", 1)))
        found.append((kroner, _comparison(clause[:m.start()])))
    for m in re.finditer(r"\b(" + "|".join(_NUMBER_WORDS) + r")\s+(" + "|".join(
            u for u, _ in _UNITS if len(u) > 2) + r")\b", clause):
        kroner = _NUMBER_WORDS[m.group(1)] * _UNIT[m.group(2)]
        found.append((kroner, _comparison(clause[:m.start()])))
    return found


def _comparison(before: str) -> str:
    if _MORE.search(before):
        return ">"
    if _LESS.search(before):
        return "<"
    return "="


_OTHER_CURRENCY = re.compile(r"\b(?:euro|euros|eur|dollar|dollars|usd|pund|pounds?|gbp|sek|"
                             r"svenske kroner|danske kroner|dkk)\b")


def _amount_opening(clause: str, call: Call) -> Optional[str]:
    amounts = _amounts(clause)
    if not amounts:
        return None
    kroner, how = amounts[0]
    total = call.belop.kroner
    if _OTHER_CURRENCY.search(clause):
        return NO  # "Is it 75 million euros?": the call's amount is in kroner
    if _PER_PROJECT.search(clause):
        # the call gives the total only; "75 millioner per prosjekt?" mistakes it for a grant
        return f"Nei, {call.belop.tekst} er rammen til sammen." if kroner == total else None
    truth = {"=": kroner == total, ">": total > kroner, "<": total < kroner}[how]
    return YES if truth else NO


# --- The deadline -------------------------------------------------------------------------------
_PASSED = re.compile(r"\b(?:ute|gatt ut|gaatt ut|gikk ut|gjekk ut|\w+ ut|passert|for sent|"
                     r"for seint|too late|passed|over|expired|utlopt|utlop|utgatt|stengt|"
                     r"closed)\b")
_OPEN = re.compile(r"\b(?:apen|open|opent|fortsatt mulig|framleis mogleg|still possible|"
                   r"still open|mulig a soke|mogleg a soke|rekker|tid igjen|fortsatt|framleis|"
                   r"enno|enda|still|yet|rekk|rekke|rakk|make it)\b")
# "… før fristen går ut?", "before the deadline closes": when, not whether it has passed
_BEFORE_DEADLINE = re.compile(r"\b(?:for|innen|innan|before)\s+(?:(?:soknads|skisse)?fristen|"
                              r"the deadline|deadline)(?:\s+(?:gar|gaar|går|passes|closes|"
                              r"expires|runs)(?:\s+(?:ut|out))?)?\b")
_RELATIVE = re.compile(r"\b(?:i dag|idag|i morgen|i morgon|imorgen|i morra|i overmorgen|"
                       r"today|tomorrow|om \w+ dag|neste|next|this|denne|dette|forrige|i kveld|"
                       r"tonight|in \w+ days?)\b")


def _deadline_opening(clause: str, raw: str, call: Call, now: Optional[datetime]) -> Optional[str]:
    deadline = call.frist.at
    clause = _BEFORE_DEADLINE.sub(" ", clause)
    if now is not None and not re.search(r"\d", clause):
        if _PASSED.search(clause):
            return YES if now > deadline else NO
        if _OPEN.search(clause):
            return NO if now > deadline else YES
    words = _words(clause)
    year = next((int(w) for w in words if len(w) == 4 and w.isdigit() and 1990 < int(w) < 2100),
                None)
    if _RELATIVE.search(clause) and now is None:
        return None
    parsed = parse_planned_time(raw, now or deadline.replace(hour=0, minute=0),
                                deadline.year, call.frist.tidssone)
    if parsed.when is not None and not parsed.error:
        return _compare_moment(parsed, deadline, clause)
    month = next((MONTH_BY_NAME[w] for w in words if w in MONTH_BY_NAME and (
        len(w) > 3 or w == "mai")), None)
    if month is not None:
        same = month == deadline.month and (year is None or year == deadline.year)
        return YES if same else NO
    if year is not None:
        return YES if year == deadline.year else NO
    return None


def _compare_moment(parsed, deadline: datetime, clause: str) -> str:
    when = parsed.when
    local = deadline.astimezone(when.tzinfo)
    if parsed.has_date and not parsed.has_time:
        a, b = local.date(), when.date()
    elif parsed.has_time and not parsed.has_date:
        a, b = (local.hour, local.minute), (when.hour, when.minute)
    else:
        a, b = local, when
    relation = parsed.relation
    if relation == "before":
        truth = a < b
    elif relation == "by":
        truth = a <= b
    elif relation == "after":
        truth = a > b
    elif relation == "from":
        truth = a >= b
    elif relation == "around" and parsed.has_time and parsed.has_date:
        truth = abs(local - when) <= timedelta(minutes=30)
    else:
        truth = a == b
    return YES if truth else NO


# --- Who may apply ------------------------------------------------------------------------------
_TAKE_PART = re.compile(r"\b(?:vaere med|vere med|delta|bidra|samarbeide|samarbeida|partner\w*|"
                        r"partnar\w*|leverandor\w*|take part|participate|involved|supplier|"
                        r"collaborate|join)\b")
_APPLY = re.compile(r"\b(?:soke|sokje|soka|soker|apply|applicant|sokar|sok)\b")
_CONCESSIVE = re.compile(r"\b(?:selv om|sjolv om|sjol om|even if|even though|although|though)\b")


_TOGETHER_WITH = re.compile(r"\b(?:sammen med|saman med|i samarbeid med|i lag med|together with|"
                            r"jointly with|along with|team up with|partner with|cooperate with|"
                            r"collaborate with)\b")
_IN_THE_SKETCH = re.compile(r"\b(?:i|med i|in|inn i)\s+(?:skissen|skissa|skisse|the sketch|"
                            r"a sketch)\b")


def _who_opening(clause: str, text: str) -> Optional[str]:
    family = family_from_text(clause) or family_from_text(text)
    if family is None:
        if asks_applicant_requirement(clause) or re.search(
                r"\b(?:ma|must|need|skal)\b.*\b(?:offentlig\w*|anskaffelses\w*|public|"
                r"procurement)\b", clause):
            return YES  # "Må søkeren være offentlig?", "Må vi følge anskaffelsesreglene?"
        if _ONLY.search(clause) and re.search(r"\b(?:by|byer|byen|byene|byane|bykommun\w*|store "
                                              r"kommuner|cities|city|towns?|urban)\b", clause):
            return NO  # "Er dette bare for store byer?": every public body, small ones too
        return None
    if family in EXCLUDED:
        if _TOGETHER_WITH.search(clause):
            return None  # "Kan vi søke sammen med en leverandør?": the answer explains the roles
        main = _CONCESSIVE.split(clause)[0]  # "… sjølv om ho ikkje kan søkje?": not the ask
        if _TAKE_PART.search(main) and not _APPLY.search(main):
            return "Ja, som leverandør eller partner."
        return NO
    if family in COVERED:
        # "Er det bare kommuner som kan søke?": no, every covered kind of body may apply
        return NO if _ONLY.search(clause) else YES
    if family in CASE_BY_CASE:
        return "Det kommer an på."
    return None


# --- Topics -------------------------------------------------------------------------------------
_MUST = re.compile(r"\b(?:ma|matte|skal|must|need|needs|has to|have to|required|krav|kreves|"
                   r"krevst|trenger|treng|nodt|obligatorisk|mandatory|pakrevd)\b")
#: A restriction: "Er det bare helseprosjekter …?", "Gjelder ordningen berre byane?"
_ONLY = re.compile(r"\b(?:bare|berre|kun|utelukkende|eksklusivt|only|just|exclusively|solely)\b")


def _topic_opening(clause: str, call: Call) -> Optional[str]:
    stems = {w for theme in call.temaer for w in _words(fold(theme)) if len(w) >= 5}
    words = [_TOPIC_WORDS_EN.get(w, w) for w in _words(clause)]
    listed = any(w.startswith(stem) for w in words for stem in stems)
    all_topics = "alle temaer" in fold(call.temaer_merknad)
    if _MUST.search(clause) or _ONLY.search(clause):
        # "Må prosjektet handle om klima?", "Er det bare helseprosjekter?": no, when every
        # public topic counts
        return NO if all_topics else None
    if listed or all_topics:
        return YES
    return None


_FURTHER = re.compile(r"\b(?:videreutvikl\w*|vidareutvikl\w*|utvikle videre|utvikla vidare|"
                      r"forbedre|betre|tilpasse|bygge videre|develop\w*|improv\w*|extend\w*|"
                      r"adapt\w*|build on)\b")


def _existing_opening(clause: str) -> Optional[str]:
    claim = existing_solution_claim(clause)
    if claim is True and _FURTHER.search(clause):
        return None  # developing an existing solution further: the answer explains, no yes/no
    if claim is True:       # "Kan vi kjøpe noe som finnes?"
        return NO
    if claim is False:      # "Må løsningen være ny?"
        return YES
    return None


#: Business as the partner: the partnership is public-private by definition.
_BUSINESS = re.compile(r"\b(?:naeringsliv\w*|naringsliv\w*|bedrift\w*|leverandor\w*|"
                       r"selskap\w*|business\w*|compan\w*|suppliers?|industry|private sector|"
                       r"privat sektor)\b")


# Public bodies as partners: "sammen med nabokommunene", "with other municipalities"
_PUBLIC_PARTNERS = re.compile(r"\b(?:\w*kommun\w*|fylke\w*|municipalit\w*|council\w*|counties|"
                              r"county|etat\w*|agenc\w*|offentlige|offentlege|public bodies|"
                              r"andre virksomheter|andre verksemder|region\w*|sykehus\w*|"
                              r"helseforetak\w*|statsforvalter\w*)\b")


def _collaboration_opening(clause: str) -> Optional[str]:
    together = _TOGETHER_WITH.search(clause)
    if together and _PUBLIC_PARTNERS.search(clause[together.end():]) and \
            not _BUSINESS.search(clause[together.end():]):
        return YES  # "Kan vi søke sammen med nabokommunene?": several public bodies together
    if _APPLY.search(clause) and together:
        return None  # "Kan vi søke sammen med en leverandør?": the answer explains the roles
    if _BUSINESS.search(clause):
        # "Må vi samarbeide med næringslivet?": an innovation partnership is collaboration
        # with business (the call's `formal.innovasjonspartnerskap`)
        return YES
    if _MUST.search(clause):
        return "Nei, men prosjekter der flere samarbeider, er særlig aktuelle."
    if re.search(r"\b(?:sammen|saman|flere|fleire|together|several|joint|samarbeid\w*|pa tvers|"
                 r"across|team up|cooperat\w*|collaborat\w*)\b", clause):
        return YES
    return None






def _stems(text: str) -> set:
    """Five-letter beginnings of the longer words: "toppleiinga" and "toppledelsen" meet."""
    words = [w for w in _words(fold(text, oe=False)) if len(w) >= 6]
    stems = {w[:5] for w in words}
    stems.update(stem for w in words for part, stem in _CRITERIA_SYNONYMS if part in w)
    return stems - _GENERIC_STEMS


def _criterion_opening(clause: str, call: Call) -> Optional[str]:
    """"Må prosjektet være forankret i toppledelsen?": yes, when the question names something
    the criteria say; no opening when it asks about anything else ("Må prosjektet være ferdig
    på ett år?")."""
    if existing_solution_claim(clause) is not None:
        return _existing_opening(clause)
    said = " ".join(f"{c.navn} {' '.join(c.punkter)}" for c in call.kriterier) + " " + \
        call.gevinstpotensial
    return YES if _stems(clause) & _stems(said) else None


def _submit_opening(clause: str, call: Call) -> Optional[str]:
    if _IN_THE_SKETCH.search(clause):
        return None  # "Må vi ha budsjett i skissen?": what it must contain is not in the call
    if fold(call.frist.hva) in clause or "sketch" in clause:
        return YES
    if re.search(r"\b(?:soknad|full soknad|application|proposal|prosjektplan)\b", clause):
        return NO
    return None


_OTHER_FUNDERS = re.compile(r"\b(?:forskningsradet|research council|dfo|difi|siva|enova|nav|"
                            r"ks|eu|regjeringen|staten|kommunal og|husbanken|sintef)\b")


def _owner_opening(clause: str, call: Call) -> Optional[str]:
    if fold(call.eier) in clause or "innovation norway" in clause or \
            fold(call.eier).replace("norge", "noreg") in clause:
        return YES
    if _OTHER_FUNDERS.search(clause):
        return NO
    return None


def _contact_opening(clause: str) -> Optional[str]:
    if re.search(r"\b(?:telefon\w*|nummer|e post|epost|email|e mail|mail|kontaktperson|phone|"
                 r"number|saksbehandler|direkte)\b", clause):
        return NO  # the announcement names no contact person, number or address
    if re.search(r"\b(?:kontakte|kontakta|snakke med|snakka med|ringe|contact|reach)\b", clause):
        return YES
    return None


def _year_opening(clause: str, call: Call) -> Optional[str]:
    """"Er utlysningen fra 2021?": the year is compared with when the call was announced."""
    asked = re.findall(r"\b(?:19|20)\d\d\b", clause)
    announced = re.findall(r"\b(?:19|20)\d\d\b", call.kunngjort)
    if len(asked) != 1 or len(announced) != 1:
        return None
    return YES if asked == announced else NO


def _topic(topic: Optional[str]) -> str:
    topic = (topic or "").strip()
    for prefix in ("utter_", "faq/"):
        if topic.startswith(prefix):
            topic = topic[len(prefix):]
    return topic


def opening(question: Optional[str], topic: Optional[str], call: Call,
            now: Optional[datetime] = None) -> Optional[str]:
    """The first word of the answer to a yes/no question, or None (see the module docstring)."""
    raw = _question_clause(question or "")
    if raw is None:
        return None
    clause = _fold(raw)
    if _kind(clause) != "yn":
        return None
    key = _topic(topic)
    existing_topic = key in ("finnes_pa_markedet", "eksisterende_losning", "formal")
    # "Må løsningen ikke finnes fra før?": there the negation is the claim itself
    negative, clause = (False, clause) if existing_topic else _negated(clause)
    text = _fold(question or "")
    if key == "belop":
        answer = _amount_opening(clause, call)
    elif key in ("frist", "ask_deadline", "deadline"):
        answer = _deadline_opening(clause, raw, call, now)
    elif key in ("hvem_kan_soke", "bedrift", "privatperson"):
        answer = _who_opening(clause, text)
    elif key == "tema":
        answer = _topic_opening(clause, call)
    elif existing_topic:
        answer = _existing_opening(clause)
        if answer is None and mentions_existing_solution(question):
            answer = NO  # "Vi vil kjøpe et system som finnes. Passer det?"
    elif key == "samarbeid":
        answer = _collaboration_opening(clause)
        if answer is None and len(_words(clause)) <= 5 and _collaboration_opening(text) == YES:
            answer = YES  # "Vi vil samarbeide på tvers av sektorer. Passer det inn?"
    elif key == "samfunnsutfordring" and asks_about_digital(clause):
        # digital technology is an example of a solution, not a requirement
        answer = None if _MUST.search(clause) else YES
    elif key in _CRITERIA_KEYS:
        answer = _criterion_opening(clause, call)
    elif key == "hva_sendes_inn":
        answer = _submit_opening(clause, call)
    elif key == "hvem_star_bak":
        answer = _owner_opening(clause, call)
    elif key == "kontakt":
        answer = _contact_opening(clause)
    elif key == "les_mer":
        answer = YES
    elif key == "om_utlysningen":
        answer = _year_opening(clause, call)
    else:
        answer = None
    if answer == YES and negative:
        return YES_TO_NEGATIVE
    if answer in (YES, NO) and _claims_the_negative(clause):
        return NO if answer == YES else YES  # the negative claim is true when the fact is "no"
    return answer


#: "Stemmer det at …", "Er det riktig at …", "Is it true that …": the claim follows.
_CLAIM_WRAPPER = re.compile(r"^\W*(?:stemmer det|stemmer|er det riktig|er det rett|er det slik|"
                            r"er det sant|stemmer det virkelig|is it true|is it correct|is it "
                            r"right|am i right)\s+(?:at|that)\s+(?P<claim>.+)")


def _claims_the_negative(clause: str) -> bool:
    """Whether the question wraps a negative claim: "Stemmer det at bedrifter ikke kan søke?"."""
    wrapped = _CLAIM_WRAPPER.match(clause)
    return bool(wrapped) and any(w in _NEGATIONS or w in _CLAIM_NEGATIONS
                                 for w in _words(wrapped.group("claim")))




_LEADING = re.compile(r"^\s*(?:ja|nei|jo|yes|no)\s*[.,!]\s*", re.IGNORECASE)


def prefix_answer(opening_: Optional[str], answer: str, lang: str = "nb") -> str:
    """``opening_`` (computed in bokmål) in front of ``answer``, in ``lang``, without saying
    yes or no twice."""
    if not opening_:
        return answer
    simple = opening_ in (YES, NO, YES_TO_NEGATIVE)
    opening_ = opening_in(opening_, lang)
    lead = _LEADING.match(answer)
    if lead:
        said = lead.group(0).strip().rstrip(".,!").lower()
        if simple and opening_.rstrip(".").lower() == said:
            return answer
        answer = answer[lead.end():]
        answer = answer[:1].upper() + answer[1:]
    return f"{opening_} {answer}"
