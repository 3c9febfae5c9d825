"""Reaching a person and feedback on answers: the texts and the small decisions, no Rasa.

- ``consecutive_fallbacks(turns)``: how many of the latest user turns in a row the assistant did
  not understand (``nlu_fallback``); "Noe annet" in "Mente du …?" (the ``/out_of_scope`` button)
  does not break the row. After two in a row the assistant offers a person.
- ``is_skip(text)``: "hopp over", "nei takk", "skip": an optional answer left out;
  ``is_cancel(text)``: "avbryt", "glem det".
- ``is_email(text)``, ``find_email(text)``: an e-mail address (syntax only, no DNS look-up).
- ``rating_from_text(text)``: "up" or "down" for feedback written as text ("svaret hjalp ikke").

The texts are :class:`veileder.i18n.Tekst` in bokmål, nynorsk and English; the button lists
(``HANDOFF_BUTTONS`` …) are the bokmål ones, as in ``domain.yml``, and ``*_buttons(lang)`` give
them in a language: translated titles, the same payloads, except the contact button, whose
payload is the question in the user's own standard (a bokmål question would switch a nynorsk
conversation to bokmål).
"""
from __future__ import annotations

import re
from typing import Dict, Iterable, List, Optional, Tuple, Union

from veileder.i18n import LocalText
from veileder.i18n import Tekst
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


# --- texts (short sentences, bokmål, nynorsk, English) -----------------------------------------

Button = Dict[str, str]


def buttons(pairs: Iterable[Tuple[Tekst, Union[Tekst, str]]], lang: str = "nb") -> List[Button]:
    """Buttons in ``lang``: each title in that language; a payload that is a Tekst too."""
    return [{"title": title(lang), "payload": payload(lang) if isinstance(payload, Tekst)
             else payload} for title, payload in pairs]


CONTACT_TITLE = Tekst(nb="Kontaktinformasjon", nn="Kontaktinformasjon", en="Contact details")
CONTACT_QUESTION = Tekst(nb="Hvem kan jeg kontakte?", nn="Kven kan eg kontakte?",
                         en="Who can I contact?")
MESSAGE_TITLE = Tekst(nb="Legg igjen en melding", nn="Legg igjen ei melding",
                      en="Leave a message")
_HANDOFF = ((CONTACT_TITLE, CONTACT_QUESTION), (MESSAGE_TITLE, "/leave_message"))


def handoff_buttons(lang: str = "nb") -> List[Button]:
    """Contact details or a message for an adviser."""
    return buttons(_HANDOFF, lang)


HANDOFF_BUTTONS = handoff_buttons()
CONTACT_BUTTON, MESSAGE_BUTTON = HANDOFF_BUTTONS

OFFER_AFTER_FALLBACKS = LocalText(
    nb="Beklager, jeg forstår ikke hva du mener. Vil du heller ha hjelp av en person? Du kan "
       "kontakte {contact_name} ({contact_url}) eller legge igjen en melding til en rådgiver her.",
    nn="Orsak, eg forstår ikkje kva du meiner. Vil du heller ha hjelp av ein person? Du kan "
       "kontakte {contact_name} ({contact_url}) eller leggje igjen ei melding til ein rådgjevar "
       "her.",
    en="Sorry, I don't understand what you mean. Would you rather get help from a person? You "
       "can contact {contact_name} ({contact_url}) or leave a message for an adviser here.")

ASK_QUESTION = LocalText(
    nb="Skriv spørsmålet ditt til rådgiveren. Skriv «avbryt» hvis du ikke vil sende noe likevel.",
    nn="Skriv spørsmålet ditt til rådgjevaren. Skriv «avbryt» om du ikkje vil sende noko likevel.",
    en="Write your question for the adviser. Write «cancel» if you would rather not send "
       "anything.")
ASK_CONSENT = LocalText(
    nb="Vil du oppgi navn og e-postadresse, så rådgiveren kan svare deg direkte? Da lagrer vi "
       "dem sammen med spørsmålet, bare for å svare deg, og sletter dem etter {days} dager. "
       "Svarer du nei, lagrer vi bare spørsmålet.",
    nn="Vil du oppgi namn og e-postadresse, så rådgjevaren kan svare deg direkte? Då lagrar vi "
       "dei saman med spørsmålet, berre for å svare deg, og slettar dei etter {days} dagar. "
       "Svarar du nei, lagrar vi berre spørsmålet.",
    en="Would you like to give your name and e-mail address, so the adviser can reply to you "
       "directly? We then store them with your question, only to reply to you, and delete them "
       "after {days} days. If you say no, we store only the question.")
YES_TITLE = Tekst(nb="Ja, det er greit", nn="Ja, det er greitt", en="Yes, that's fine")
NO_THANKS_TITLE = Tekst(nb="Nei takk", nn="Nei takk", en="No thanks")
SKIP_TITLE = Tekst(nb="Hopp over", nn="Hopp over", en="Skip")


def consent_buttons(lang: str = "nb") -> List[Button]:
    return buttons(((YES_TITLE, "ja"), (NO_THANKS_TITLE, "nei")), lang)


def skip_buttons(lang: str = "nb") -> List[Button]:
    return buttons(((SKIP_TITLE, "hopp over"),), lang)


CONSENT_BUTTONS = consent_buttons()
ASK_CONSENT_AGAIN = LocalText(
    nb="Svar «ja» eller «nei», eller trykk på en av knappene.",
    nn="Svar «ja» eller «nei», eller trykk på ein av knappane.",
    en="Answer «yes» or «no», or press one of the buttons.")
ASK_NAME = LocalText(
    nb="Hva heter du? Skriv «hopp over» hvis du ikke vil oppgi navn.",
    nn="Kva heiter du? Skriv «hopp over» om du ikkje vil oppgi namn.",
    en="What is your name? Write «skip» if you would rather not give it.")
ASK_EMAIL = LocalText(
    nb="Hvilken e-postadresse kan rådgiveren svare til? Skriv «hopp over» hvis du ikke vil "
       "oppgi den.",
    nn="Kva e-postadresse kan rådgjevaren svare til? Skriv «hopp over» om du ikkje vil oppgi "
       "henne.",
    en="Which e-mail address can the adviser reply to? Write «skip» if you would rather not "
       "give it.")
SKIP_BUTTONS = skip_buttons()
EMAIL_AGAIN = LocalText(
    nb="Det ser ikke ut som en e-postadresse. Skriv den på formen navn@eksempel.no, eller "
       "«hopp over».",
    nn="Det ser ikkje ut som ei e-postadresse. Skriv henne på forma namn@eksempel.no, eller "
       "«hopp over».",
    en="That does not look like an e-mail address. Write it in the form name@example.com, or "
       "«skip».")
EMAIL_GIVEN_UP = LocalText(
    nb="Det ser heller ikke ut som en e-postadresse, så jeg sender meldingen uten.",
    nn="Det ser heller ikkje ut som ei e-postadresse, så eg sender meldinga utan.",
    en="That does not look like an e-mail address either, so I will send the message without "
       "one.")
SENT = LocalText(
    nb="Takk! Meldingen din er sendt til en rådgiver hos {contact_name} (sak nr. {ticket}).",
    nn="Takk! Meldinga di er send til ein rådgjevar hos {contact_name} (sak nr. {ticket}).",
    en="Thank you! Your message has been sent to an adviser at {contact_name} (case no. "
       "{ticket}).")
REPLY_BY_EMAIL = LocalText(nb="Rådgiveren svarer deg på {email}.",
                       nn="Rådgjevaren svarar deg på {email}.",
                       en="The adviser will reply to you at {email}.")
NO_REPLY_ADDRESS = LocalText(
    nb="Du har ikke oppgitt e-postadresse, så rådgiveren kan ikke svare deg direkte. Du kan "
       "også kontakte {contact_name}: {contact_url}",
    nn="Du har ikkje oppgitt e-postadresse, så rådgjevaren kan ikkje svare deg direkte. Du kan "
       "òg kontakte {contact_name}: {contact_url}",
    en="You have not given an e-mail address, so the adviser cannot reply to you directly. You "
       "can also contact {contact_name}: {contact_url}")
NOT_SENT = LocalText(
    nb="Beklager, meldingen kunne ikke lagres nå. Prøv igjen senere, eller kontakt "
       "{contact_name}: {contact_url}",
    nn="Orsak, meldinga kunne ikkje lagrast no. Prøv igjen seinare, eller kontakt "
       "{contact_name}: {contact_url}",
    en="Sorry, the message could not be saved just now. Try again later, or contact "
       "{contact_name}: {contact_url}")
CANCELLED = LocalText(
    nb="Greit, jeg har ikke sendt noe. Spør gjerne om noe annet om utlysningen.",
    nn="Greitt, eg har ikkje sendt noko. Spør gjerne om noko anna om utlysinga.",
    en="All right, I have not sent anything. Feel free to ask something else about the call.")

FEEDBACK_BUTTONS = [{"title": "👍", "payload": '/feedback{"rating":"up"}'},
                    {"title": "👎", "payload": '/feedback{"rating":"down"}'}]
THANKS_UP = LocalText(nb="Takk for tilbakemeldingen!", nn="Takk for tilbakemeldinga!",
                  en="Thank you for the feedback!")
THANKS_DOWN = LocalText(nb="Takk for at du sier fra.", nn="Takk for at du seier frå.",
                    en="Thank you for letting us know.")
ASK_COMMENT = LocalText(
    nb="Hva manglet i svaret? Skriv en kort kommentar, eller «nei takk» for å hoppe over.",
    nn="Kva mangla i svaret? Skriv ein kort kommentar, eller «nei takk» for å hoppe over.",
    en="What was missing from the answer? Write a short comment, or «no thanks» to skip.")


def comment_buttons(lang: str = "nb") -> List[Button]:
    return buttons(((NO_THANKS_TITLE, "nei takk"),), lang)


COMMENT_BUTTONS = comment_buttons()
COMMENT_THANKS = LocalText(
    nb="Takk! Kommentaren hjelper oss å gjøre svarene bedre.",
    nn="Takk! Kommentaren hjelper oss å gjere svara betre.",
    en="Thank you! Your comment helps us make the answers better.")
COMMENT_SKIPPED = LocalText(nb="Greit. Spør gjerne om noe annet.",
                        nn="Greitt. Spør gjerne om noko anna.",
                        en="All right. Feel free to ask something else.")
