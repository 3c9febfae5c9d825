"""Texts in the three written standards the assistant answers in: bokmål, nynorsk and English.

The language of a conversation is the standard the user writes in, read from the user's own
messages in the conversation (``veileder.language.language_of_messages``): the latest message
that tells, or an explicit request ("svar på nynorsk"), which holds until the next one; a short
message that does not tell keeps it. Until a message tells, a channel may preset it (the
widget's ``data-lang``, the Teams activity's ``locale``, a setting for Slack), sent with each
message as metadata; without either it is bokmål. :func:`choose` is that one rule, used by the
response generator (``components/nlg.py``) and the actions alike. It is computed from the
conversation as stored, so every Rasa replica and the action server agree on it without a slot
being set (an entity would have to be annotated on every test story's message).

Every text the assistant says is written once per standard, side by side, as a :class:`Tekst`:
``Tekst(nb="Hva lurer du på?", nn="Kva lurer du på?", en="What would you like to know?")``.
A Tekst cannot be made without all three, and its ``{placeholders}`` must be the same in all
three, so a forgotten variant or a renamed placeholder fails when the module is imported, not
when a nynorsk user reaches that answer. ``ALL`` keeps every Tekst made, for the spelling test.

A text that was a bokmål string before the other standards came is a :class:`LocalText`: the
bokmål ``str`` itself (code and tests that compare or format it keep working) and, called with a
language, its other variants; it registers its Tekst too.
"""
from __future__ import annotations

from dataclasses import dataclass
from string import Formatter
from typing import Any, Iterable, List, Mapping, Optional, Tuple

from veileder.language import DEFAULT, LANGUAGES, from_locale, language_of_messages
from veileder.norsk import pick as norsk_pick

__all__ = ["DEFAULT", "LANGUAGES", "ALL", "Tekst", "LocalText", "Said", "normalise", "choose",
           "preset_language", "pick", "written_texts", "in_language"]

#: The metadata key a channel sets to preset the language ("nb", "nn", "en" or a locale).
METADATA_KEY = "lang"


def normalise(lang: Optional[str]) -> str:
    """A supported language code: "nn-NO" -> "nn", unknown or empty -> bokmål."""
    if lang in LANGUAGES:
        return lang
    return from_locale(lang) or DEFAULT


def preset_language(metadata: Optional[Mapping[str, Any]]) -> Optional[str]:
    """The language a channel preset in a message's metadata, or None.

    The widget and Slack send ``{"lang": "nn"}``; Teams messages carry the activity's locale
    (``{"teams": {"locale": "nn-NO"}}``, ``components/teams.py``)."""
    if not isinstance(metadata, Mapping):
        return None
    value = metadata.get(METADATA_KEY)
    if isinstance(value, str) and from_locale(value):
        return from_locale(value)
    teams = metadata.get("teams")
    if isinstance(teams, Mapping) and isinstance(teams.get("locale"), str):
        return from_locale(teams["locale"])
    return None


def choose(slot_value: Optional[str], metadata: Optional[Mapping[str, Any]] = None,
           texts: Iterable[str] = ()) -> str:
    """The language to answer in: a ``language`` slot set on purpose (tests, a future
    setting), else the conversation's own from its user messages ``texts`` (oldest first),
    starting from the channel's preset in ``metadata``, else bokmål."""
    if slot_value in LANGUAGES:
        return slot_value
    return language_of_messages(texts, preset_language(metadata))


def written_texts(turns: Iterable[Tuple[str, Any]]) -> List[str]:
    """The user's own writing in a conversation, oldest first, from its turns: ("user", text)
    and ("bot", payloads of the buttons it offered). A user text that is the payload of a button
    the assistant offered just before ("Hvem kan søke?", "vet ikke") is a click, or the same
    words typed: it says nothing of the user's standard, so it is left out. So is a message in
    Rasa's intent syntax ('/feedback{"rating":"up"}', "/out_of_scope"): a button's payload,
    whose words ("rating", "out of scope") are no one's writing, even when the button that sent
    it was offered earlier in the conversation."""
    offered: set = set()
    texts: List[str] = []
    for kind, value in turns:
        if kind == "bot":
            offered.update(value or ())
        elif kind == "user":
            if value and value not in offered and not str(value).startswith("/"):
                texts.append(value)
            offered = set()
    return texts


def _fields(text: str) -> List[str]:
    return sorted({name for _, name, _, _ in Formatter().parse(text) if name})


#: Every Tekst made, in the order the modules made them (the spelling and coverage tests).
ALL: List["Tekst"] = []


@dataclass(frozen=True)
class Tekst:
    """One text in bokmål, nynorsk and English; call it with a language to get that variant."""

    nb: str
    nn: str
    en: str

    def __post_init__(self) -> None:
        variants = {lang: getattr(self, lang) for lang in LANGUAGES}
        for lang, text in variants.items():
            if not isinstance(text, str) or not text.strip():
                raise ValueError(f"Tekst without a {lang} variant: {self.nb!r}")
        fields = {lang: _fields(text) for lang, text in variants.items()}
        if len({tuple(f) for f in fields.values()}) != 1:
            raise ValueError(f"Tekst variants name different placeholders: {fields}")
        ALL.append(self)

    def __call__(self, lang: Optional[str] = None) -> str:
        return getattr(self, normalise(lang))

    def format(self, lang: Optional[str] = None, **values: Any) -> str:
        """The variant in ``lang`` with its placeholders filled."""
        return self(lang).format(**values)

    def variants(self) -> Iterable[str]:
        return (getattr(self, lang) for lang in LANGUAGES)


def pick(lang: Optional[str], *, nb: Any, nn: Any, en: Any) -> Any:
    """One of three values (word lists, tables) by language: for what is not a single text
    (``veileder.norsk.pick``, which this module's imports need, with locale codes too)."""
    return norsk_pick(normalise(lang), nb=nb, nn=nn, en=en)


class LocalText(str):
    """The bokmål text, callable with a language for its variant (see the module docstring)."""

    tekst: Tekst

    def __new__(cls, nb: str, nn: str, en: str) -> "LocalText":
        obj = super().__new__(cls, nb)
        obj.tekst = Tekst(nb=nb, nn=nn, en=en)
        return obj

    def __call__(self, lang: Optional[str] = None) -> str:
        return self.tekst(lang)

    def format(self, lang: Optional[str] = None, /, **values: Any) -> str:  # type: ignore[override]
        """The variant in ``lang`` (bokmål without one) with its placeholders filled."""
        return self.tekst.format(lang, **values)

    def __reduce__(self):  # copies and pickles are the plain bokmål string
        return (str, (str(self),))


class Said(str):
    """Texts filled with values at run time (a register's answer about one number): the bokmål
    string, and called with a language, the same in that standard. ``parts`` are (Tekst,
    values) pairs, joined with a space; a value that is a function of the language (a date, a
    label) is called with it. Unlike a Tekst it is not kept in ``ALL``: its texts are."""

    def __new__(cls, *parts: Tuple["Tekst", Mapping[str, Any]]) -> "Said":
        obj = super().__new__(cls, _render(parts, DEFAULT))
        obj._parts = parts
        return obj

    def __call__(self, lang: Optional[str] = None) -> str:
        return _render(self._parts, normalise(lang))

    def __reduce__(self):  # copies and pickles are the plain bokmål string
        return (str, (str(self),))


def _render(parts: Iterable[Tuple["Tekst", Mapping[str, Any]]], lang: str) -> str:
    return " ".join(text.format(lang, **{key: value(lang) if callable(value) else value
                                         for key, value in values.items()})
                    for text, values in parts)


def in_language(text: Any, lang: Optional[str]) -> Any:
    """``text`` in ``lang`` when it has variants (Tekst, LocalText, Said), else as it is."""
    return text(lang) if callable(text) else text
