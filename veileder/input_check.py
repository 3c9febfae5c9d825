"""Messages that hold no question we can read: empty, overlong, emoji only, markup, other scripts.

Used by the NLU guard (components/input_guard.py) to pick a fixed intent, and by the action that
answers it, so both agree on what is wrong with the message.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Optional

from veileder.i18n import LocalText

MAX_CHARS = 2000

EMPTY = "empty"
TOO_LONG = "too_long"
NO_WORDS = "no_words"
MARKUP = "markup"
OTHER_SCRIPT = "other_script"

_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][\w-]*(?:\s[^<>]*)?/?\s*>")
_SCRIPTY = re.compile(r"javascript:|on\w+\s*=|<\s*script", re.IGNORECASE)


def _is_latin_letter(ch: str) -> bool:
    return "LATIN" in unicodedata.name(ch, "")


def problem(text: Optional[str]) -> Optional[str]:
    """The kind of problem with a message, or None when it may hold a question."""
    if text is None or not text.strip():
        return EMPTY
    if len(text) > MAX_CHARS:
        return TOO_LONG
    if _SCRIPTY.search(text) or _TAG.search(text):
        return MARKUP
    letters = [ch for ch in text if ch.isalpha()]
    if not letters and not any(ch.isdigit() for ch in text):
        return NO_WORDS
    if letters:
        latin = sum(1 for ch in letters if _is_latin_letter(ch))
        if latin / len(letters) < 0.5:
            return OTHER_SCRIPT
    return None


# The intent the NLU guard assigns to each kind of problem.
INTENT_FOR_PROBLEM = {
    EMPTY: "invalid_input",
    TOO_LONG: "invalid_input",
    NO_WORDS: "invalid_input",
    MARKUP: "invalid_input",
    OTHER_SCRIPT: "other_language",
}

# Short, friendly answers for each kind of problem, in bokmål, nynorsk and English.
ANSWERS = {
    EMPTY: LocalText(
        nb="Meldingen din var tom. Skriv gjerne spørsmålet ditt, så skal jeg prøve å hjelpe.",
        nn="Meldinga di var tom. Skriv gjerne spørsmålet ditt, så skal eg prøve å hjelpe.",
        en="Your message was empty. Write your question, and I will try to help."),
    TOO_LONG: LocalText(
        nb="Meldingen din er veldig lang, og den klarer jeg ikke å lese. "
           "Kan du stille spørsmålet ditt kort, gjerne i én eller to setninger?",
        nn="Meldinga di er svært lang, og eg klarer ikkje å lese henne. "
           "Kan du stille spørsmålet ditt kort, gjerne i éi eller to setningar?",
        en="Your message is very long, and I cannot read it. "
           "Could you ask your question briefly, in one or two sentences?"),
    NO_WORDS: LocalText(
        nb="Jeg fant ingen ord i meldingen. Skriv spørsmålet ditt med vanlige ord, så hjelper "
           "jeg deg.",
        nn="Eg fann ingen ord i meldinga. Skriv spørsmålet ditt med vanlege ord, så hjelper eg "
           "deg.",
        en="I found no words in your message. Write your question in ordinary words, and I will "
           "help you."),
    MARKUP: LocalText(
        nb="Meldingen ser ut som kode eller HTML. Jeg leser bare vanlig tekst. "
           "Skriv spørsmålet ditt med vanlige ord.",
        nn="Meldinga ser ut som kode eller HTML. Eg les berre vanleg tekst. "
           "Skriv spørsmålet ditt med vanlege ord.",
        en="The message looks like code or HTML. I only read plain text. "
           "Write your question in ordinary words."),
    OTHER_SCRIPT: LocalText(
        nb="Beklager, jeg forstår bare norsk og engelsk. Skriv gjerne spørsmålet ditt på norsk. "
           "(Sorry, I only understand Norwegian and English.)",
        nn="Orsak, eg forstår berre norsk og engelsk. Skriv gjerne spørsmålet ditt på norsk. "
           "(Sorry, I only understand Norwegian and English.)",
        en="Sorry, I only understand Norwegian and English. Please write your question in "
           "English or Norwegian."),
}


# "Hei, jeg jobber i Tromsø kommune. Hvor mye kan vi få?" is a question, not a greeting.
_PLEASANTRY = re.compile(
    r"^\s*(?:hei(?:sann|a)?|hallo|halla(?:is)?|morn(?:a)?|god\s+(?:morgen|morgon|dag|"
    r"ettermiddag|kveld)|goddag|hi|hello|hey|takk(?:\s+for\s+svaret)?|tusen\s+takk|"
    r"mange\s+takk|thanks|thank\s+you)\b[\s,.!:;-]*(?:(?:du|dere|igjen|again)\b[\s,.!:;-]*)?",
    re.IGNORECASE,
)
GREETING_INTENTS = ("greet", "thank")
_QUESTION_WORDS = {
    "hva", "hvem", "når", "nar", "hvor", "hvordan", "hvilke", "hvilken", "hvilket", "hvorfor",
    "kva", "kven", "korleis", "kor", "kvifor", "what", "who", "when", "where", "how",
    "which", "why", "lurer", "spørsmål", "sporsmal", "question", "kan", "can", "er", "is", "are",
}


def after_pleasantry(text: Optional[str]) -> str:
    """The text after a leading greeting or thanks ("" when there is none after it)."""
    if not text:
        return ""
    match = _PLEASANTRY.match(text)
    return text[match.end():].strip() if match else text.strip()


def is_question_behind_pleasantry(text: Optional[str], min_words: int = 3) -> bool:
    """True when a greeting or thanks opens a message that goes on to say more."""
    if not text or not _PLEASANTRY.match(text):
        return False
    rest = after_pleasantry(text)
    words = rest.lower().split()
    if len(words) < min_words:
        return False
    return "?" in rest or any(w.strip(",.!:;") in _QUESTION_WORDS for w in words)


#: The answer to a sender with many messages waiting for an answer: the channels' guard
#: (components/channels.py) and the web service's /api/chat say the same.
TOO_MANY = LocalText(
    nb="Du har sendt mange meldinger på kort tid. Vent på svaret, og prøv igjen om litt.",
    nn="Du har sendt mange meldingar på kort tid. Vent på svaret, og prøv igjen om litt.",
    en="You have sent many messages in a short time. Wait for the answer, and try again shortly.")
