"""The privacy page (``/personvern``) in bokmål, nynorsk and English.

One template, ``static/personvern.html``, holds the markup; its texts are the :class:`Tekst` of
:data:`TEXTS`, side by side in the three standards (so the spelling test reads them, and a
sentence added in one standard cannot be forgotten in another). The facts are filled in the
same way in every standard, each from its one place: the retention periods from the settings,
the masks from ``veileder.privacy``, the call's title, owner and contact from the call file
(its section in that standard, ``Call.in_language``).
"""
from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Dict

from components.settings import Settings
from veileder.call import Call
from veileder.i18n import Tekst, normalise
from veileder.privacy import EMAIL, NUMBER, PHONE

TEMPLATE = Path(__file__).resolve().parent / "static" / "personvern.html"

#: The page's texts by the name the template gives them (``{{t.lead}}``).
TEXTS: Dict[str, Tekst] = {
    "privacy": Tekst(nb="Personvern", nn="Personvern", en="Privacy"),
    "heading": Tekst(nb="Personvern i assistenten", nn="Personvern i assistenten",
                     en="Privacy in the assistant"),
    "lead": Tekst(nb="Her står det hva assistenten lagrer, hvor lenge og hvorfor.",
                  nn="Her står det kva assistenten lagrar, kor lenge og kvifor.",
                  en="This page says what the assistant stores, for how long and why."),
    "conversation": Tekst(nb="Samtalen", nn="Samtalen", en="The conversation"),
    "conversation_stored": Tekst(
        nb="Vi lagrer meldingene du skriver, svarene fra assistenten og svarene du gir når "
           "assistenten sjekker om dere kan søke. Vi gjør det for å kunne svare deg i samme samtale og for å gjøre "
           "assistenten bedre.",
        nn="Vi lagrar meldingane du skriv, svara frå assistenten og svara du gir når "
           "assistenten sjekkar om de kan søkje. Vi gjer det for å kunne svare deg i same samtale og for å gjere "
           "assistenten betre.",
        en="We store the messages you write, the assistant's answers and your answers in the "
           "eligibility check. We do this so that we can answer you in the same conversation "
           "and to make the assistant better."),
    "masked": Tekst(
        nb="Før noe blir lagret, fjerner vi fødselsnummer, D-nummer, kontonummer, "
           "telefonnummer og e-postadresser. De blir byttet ut med {number}, {phone} og "
           "{email}.",
        nn="Før noko blir lagra, fjernar vi fødselsnummer, D-nummer, kontonummer, "
           "telefonnummer og e-postadresser. Dei blir erstatta med {number}, {phone} og "
           "{email}.",
        en="Before anything is stored, we remove national identity numbers, D numbers, bank "
           "account numbers, phone numbers and e-mail addresses. They are replaced with "
           "{number}, {phone} and {email}."),
    "orgnr_kept": Tekst(
        nb="Organisasjonsnummer blir lagret. De er offentlige, og assistenten trenger dem for "
           "å sjekke om dere kan søke.",
        nn="Organisasjonsnummer blir lagra. Dei er offentlege, og assistenten treng dei for å "
           "sjekke om de kan søkje.",
        en="Organisation numbers are stored. They are public, and the assistant needs them to "
           "check whether you can apply."),
    "adviser": Tekst(nb="Spørsmål til en rådgiver", nn="Spørsmål til ein rådgjevar",
                     en="Questions for an adviser"),
    "adviser_stored": Tekst(
        nb="Hvis du ber om å få svar fra en rådgiver, lagrer vi spørsmålet ditt, uten "
           "personopplysningene over. Navn og e-postadresse lagrer vi bare hvis du sier ja til "
           "det. Rådgiveren får et varsel om spørsmålet. Navnet og e-postadressen din står bare "
           "i varselet hvis du har sagt ja.",
        nn="Om du ber om å få svar frå ein rådgjevar, lagrar vi spørsmålet ditt, utan dei "
           "personlege opplysningane over. Namn og e-postadresse lagrar vi berre om du seier ja til "
           "det. Rådgjevaren får eit varsel om spørsmålet. Namnet og e-postadressa di står "
           "berre i varselet om du har sagt ja.",
        en="If you ask for an answer from an adviser, we store your question, without the "
           "personal data above. We store your name and e-mail address only if you say yes to "
           "that. The adviser is notified of the question. Your name and e-mail address are "
           "only in the notification if you have said yes."),
    "feedback": Tekst(nb="Tilbakemeldinger", nn="Tilbakemeldingar", en="Feedback"),
    "feedback_stored": Tekst(
        nb="Hvis du gir tommel opp eller ned på et svar, lagrer vi hvilket svar det gjaldt, "
           "spørsmålet du stilte og en eventuell kommentar, uten personopplysningene over. Vi "
           "bruker det til å gjøre svarene bedre.",
        nn="Om du gir tommel opp eller ned på eit svar, lagrar vi kva svar det galdt, "
           "spørsmålet du stilte og ein eventuell kommentar, utan dei personlege opplysningane "
           "over. Vi brukar det til å gjere svara betre.",
        en="If you give an answer a thumbs up or down, we store which answer it was, the "
           "question you asked and any comment, without the personal data above. We use it to "
           "make the answers better."),
    "how_long": Tekst(nb="Hvor lenge vi lagrer", nn="Kor lenge vi lagrar",
                      en="How long we keep it"),
    "conversations_deleted": Tekst(
        nb="Samtaler slettes {conversation_days} dager etter den siste meldingen.",
        nn="Samtalar blir sletta {conversation_days} dagar etter den siste meldinga.",
        en="Conversations are deleted {conversation_days} days after the last message."),
    "tickets_deleted": Tekst(
        nb="Spørsmål til en rådgiver slettes {ticket_days} dager etter at de sist ble endret.",
        nn="Spørsmål til ein rådgjevar blir sletta {ticket_days} dagar etter at dei sist vart "
           "endra.",
        en="Questions for an adviser are deleted {ticket_days} days after they were last "
           "changed."),
    "feedback_deleted": Tekst(
        nb="Tilbakemeldinger slettes etter {feedback_days} dager.",
        nn="Tilbakemeldingar blir sletta etter {feedback_days} dagar.",
        en="Feedback is deleted after {feedback_days} days."),
    "daily": Tekst(nb="Slettingen skjer automatisk hver dag.",
                   nn="Slettinga skjer automatisk kvar dag.",
                   en="The deletion runs automatically every day."),
    "no_tracking": Tekst(nb="Ingen sporing", nn="Vi sporar deg ikkje", en="No tracking"),
    "no_tracking_text": Tekst(
        nb="Vi bruker ikke informasjonskapsler (cookies) til å spore deg, og vi sender ingenting "
           "til analyse- eller reklametjenester. Assistenten sender ingen data om bruken "
           "til leverandøren sin. Chatten husker samtalen i nettleserfanen din til du lukker fanen.",
        nn="Vi brukar ikkje informasjonskapslar (cookies) til å spore deg, og vi sender "
           "ingenting til analyse- eller reklametenester. Assistenten sender ingen data om "
           "bruken til leverandøren sin. Chatten hugsar samtalen til du lukkar fanen i nettlesaren.",
        en="We do not use cookies to track you, and we send nothing to analytics or "
           "advertising services. The assistant sends no usage data to its supplier. The chat "
           "remembers the conversation in your browser tab until you close the tab."),
    "questions": Tekst(nb="Spørsmål om personvern", nn="Spørsmål om personvern",
                       en="Questions about privacy"),
    "contact": Tekst(nb="Kontakt", nn="Kontakt", en="Contact"),
    "back": Tekst(nb="Tilbake til siden om utlysningen", nn="Tilbake til sida om utlysinga",
                  en="Back to the page about the call"),
    "languages": Tekst(nb="Språk", nn="Språk", en="Language"),
}


def render(call: Call, settings: Settings, lang: str) -> str:
    """The page in ``lang`` ("nb", "nn" or "en"; anything else is bokmål)."""
    lang = normalise(lang)
    local = call.in_language(lang)
    values = {
        "conversation_days": settings.assistant_conversation_retention_days,
        "ticket_days": settings.assistant_ticket_retention_days,
        "feedback_days": settings.feedback_retention_days,
        "number": NUMBER, "phone": PHONE, "email": EMAIL,
    }
    page = TEMPLATE.read_text(encoding="utf-8")
    fields = {"lang": lang, "title": local.tittel, "owner": local.eier,
              "contact_name": local.kontakt.navn, "contact_url": str(local.kontakt.url)}
    fields.update({f"t.{name}": text.format(lang, **values) for name, text in TEXTS.items()})
    # the values go into text and attribute values: escape them (quotes included)
    for name, value in fields.items():
        page = page.replace("{{%s}}" % name, escape(str(value)))
    return page
