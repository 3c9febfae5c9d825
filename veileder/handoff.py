"""Reaching a person and feedback on answers: the texts and the small decisions, no Rasa.

- ``consecutive_fallbacks(turns)``: how many of the latest user turns in a row the assistant did
  not understand (``nlu_fallback``); "Noe annet" in "Mente du …?" (the ``/out_of_scope`` button)
  does not break the row. After two in a row the assistant offers a person.
- ``is_skip(text)``: "hopp over", "nei takk", "skip": an optional answer left out;
  ``is_cancel(text)``: "avbryt", "glem det".
- ``is_email(text)``, ``find_email(text)``: an e-mail address (syntax only, no DNS look-up).
- ``rating_from_text(text)``: "up" or "down" for feedback written as text ("svaret hjalp ikke").
"""
from __future__ import annotations

import re
from typing import Iterable, Optional, Tuple

from veileder.norsk import fold

FALLBACK_INTENT = "nlu_fallback"
#: The "Noe annet" button of "Mente du …?" (Rasa's two-stage fallback reads it as "none of these")
NONE_OF_THESE = "/out_of_scope"
#: Fallbacks in a row after which the assistant offers a person itself
OFFER_AFTER = 2
#: A skipped optional answer, as the form keeps it (a slot must hold something to count as asked)
SKIPPED = "-"

_SKIP = {"hopp over", "hopp", "hoppe over", "hopp over det", "nei takk", "nei", "skip", "no",
         "no thanks", "ingen", "ingen kommentar", "vil ikke", "vil ikkje", "ikke oppgi",
         "drit i det", "dropp", "dropp det", "slepp", "nei takk hopp over", "nei, takk", "-"}
_DOWN_WORDS = {"ikke", "ikkje", "ingen", "darlig", "daarlig", "feil", "ubrukelig", "manglet",
               "mangler", "uklart", "not", "bad", "wrong", "useless", "unhelpful", "ned"}


def consecutive_fallbacks(turns: Iterable[Tuple[Optional[str], Optional[str]]]) -> int:
    """The number of ``nlu_fallback`` turns at the end of ``turns`` ((intent, text) of each
    user message, oldest first); a "Noe annet" click between them does not count or break."""
    count = 0
    for intent, text in reversed(list(turns)):
        if intent == FALLBACK_INTENT:
            count += 1
        elif intent == "out_of_scope" and (text or "").strip() == NONE_OF_THESE:
            continue
        else:
            break
    return count


def _words(text: Optional[str]) -> str:
    return re.sub(r"[^a-z0-9@.-]+", " ", fold(text or "")).strip()


def is_skip(text: Optional[str]) -> bool:
    """Whether the user leaves an optional answer out ("hopp over", "nei takk", "skip")."""
    words = re.sub(r"[^a-z]+", " ", fold(text or "")).strip()
    return not words or words in _SKIP


_CANCEL = {"avbryt", "stopp", "stop", "cancel", "glem det", "gloym det", "avslutt"}


def is_cancel(text: Optional[str]) -> bool:
    """Whether the whole message is a word for stopping ("avbryt", "glem det", "cancel")."""
    return re.sub(r"[^a-z]+", " ", fold(text or "")).strip() in _CANCEL


_EMAIL = re.compile(r"^[^@\s<>(),;:\"\[\]]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
                    r"(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}$", re.IGNORECASE)


def find_email(text: Optional[str]) -> Optional[str]:
    """The e-mail address in ``text`` ("kari@kommune.no", "Det er kari@kommune.no."), or None."""
    for token in (text or "").split():
        token = token.strip(".,;:!?()<>«»\"'")
        if "@" in token and is_email(token):
            return token
    return None


def is_email(text: Optional[str]) -> bool:
    """Whether ``text`` is one e-mail address (syntax only: a local part, "@", a domain with
    a dot and a top-level domain of letters; no DNS look-up)."""
    return bool(_EMAIL.match((text or "").strip()))


def rating_from_text(text: Optional[str]) -> str:
    """"down" when written feedback says the answer did not help, else "up"."""
    words = set(_words(text).split())
    return "down" if words & _DOWN_WORDS else "up"


# --- texts (bokmål, short sentences) ----------------------------------------------------------

CONTACT_BUTTON = {"title": "Kontaktinformasjon", "payload": "Hvem kan jeg kontakte?"}
MESSAGE_BUTTON = {"title": "Legg igjen en melding", "payload": "/leave_message"}
HANDOFF_BUTTONS = [CONTACT_BUTTON, MESSAGE_BUTTON]

OFFER_AFTER_FALLBACKS = (
    "Beklager, jeg forstår ikke hva du mener. Vil du heller ha hjelp av en person? Du kan "
    "kontakte {contact_name} ({contact_url}) eller legge igjen en melding til en rådgiver her.")

ASK_QUESTION = ("Skriv spørsmålet ditt til rådgiveren. Skriv «avbryt» hvis du ikke vil sende "
                "noe likevel.")
ASK_CONSENT = (
    "Vil du oppgi navn og e-postadresse, så rådgiveren kan svare deg direkte? Da lagrer vi dem "
    "sammen med spørsmålet, bare for å svare deg, og sletter dem etter {days} dager. Svarer du "
    "nei, lagrer vi bare spørsmålet.")
CONSENT_BUTTONS = [{"title": "Ja, det er greit", "payload": "ja"},
                   {"title": "Nei takk", "payload": "nei"}]
ASK_CONSENT_AGAIN = "Svar «ja» eller «nei», eller trykk på en av knappene."
ASK_NAME = "Hva heter du? Skriv «hopp over» hvis du ikke vil oppgi navn."
ASK_EMAIL = ("Hvilken e-postadresse kan rådgiveren svare til? Skriv «hopp over» hvis du ikke "
             "vil oppgi den.")
SKIP_BUTTONS = [{"title": "Hopp over", "payload": "hopp over"}]
EMAIL_AGAIN = ("Det ser ikke ut som en e-postadresse. Skriv den på formen navn@eksempel.no, "
               "eller «hopp over».")
EMAIL_GIVEN_UP = "Det ser heller ikke ut som en e-postadresse, så jeg sender meldingen uten."
SENT = "Takk! Meldingen din er sendt til en rådgiver hos {contact_name} (sak nr. {ticket})."
REPLY_BY_EMAIL = "Rådgiveren svarer deg på {email}."
NO_REPLY_ADDRESS = ("Du har ikke oppgitt e-postadresse, så rådgiveren kan ikke svare deg "
                    "direkte. Du kan også kontakte {contact_name}: {contact_url}")
NOT_SENT = ("Beklager, meldingen kunne ikke lagres nå. Prøv igjen senere, eller kontakt "
            "{contact_name}: {contact_url}")
CANCELLED = "Greit, jeg har ikke sendt noe. Spør gjerne om noe annet om utlysningen."

FEEDBACK_BUTTONS = [{"title": "👍", "payload": '/feedback{"rating":"up"}'},
                    {"title": "👎", "payload": '/feedback{"rating":"down"}'}]
THANKS_UP = "Takk for tilbakemeldingen!"
THANKS_DOWN = "Takk for at du sier fra."
ASK_COMMENT = ("Hva manglet i svaret? Skriv en kort kommentar, eller «nei takk» for å hoppe "
               "over.")
COMMENT_BUTTONS = [{"title": "Nei takk", "payload": "nei takk"}]
COMMENT_THANKS = "Takk! Kommentaren hjelper oss å gjøre svarene bedre."
COMMENT_SKIPPED = "Greit. Spør gjerne om noe annet."
