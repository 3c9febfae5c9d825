"""Questions the announcement does not answer: "Hvem eier resultatene?" -> "Det står ikke i
utlysningen hvem som eier resultatene."

The classifier answers the call's facts. Some questions sit close to a fact without being
answered by it: reporting duties sound like the criteria, who owns the results like who is behind
the call, what the money may pay for like the amount. For these the honest answer is that the
announcement does not say, and where to ask, never the neighbouring fact. Pure functions over the
question; bokmål, nynorsk, English, no æøå.

``unknown_topic(text) -> Optional[Unknown]``
    The topic the announcement is silent on, when the question asks about one of them: its id and
    the words for the answer ("hvilke krav det er til rapportering").
``unknown_answer(unknown, contact_name, contact_url, lang="nb") -> str``
    "Det står ikke i utlysningen …. Innovasjon Norge kan svare på det: …", in bokmål, nynorsk
    ("Det står ikkje i utlysinga …") or English ("The call does not say …").

Topics that the call file answers (the amount, the deadline, who may apply, the criteria) are
not here; a question that asks about the call's amount or deadline is left to the classifier.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Pattern, Tuple

from veileder.i18n import Tekst
from veileder.norsk import fold


@dataclass(frozen=True)
class Unknown:
    id: str
    #: what the announcement does not say, as a clause after "Det står ikke i utlysningen"
    #: (nynorsk: "Det står ikkje i utlysinga", English: "The call does not say")
    what: Tekst


def _all(*patterns: str) -> Tuple[Pattern, ...]:
    return tuple(re.compile(p) for p in patterns)


def _any(*patterns: str) -> Tuple[Pattern, ...]:
    """One pattern that matches when any of these does."""
    return (re.compile("|".join(f"(?:{p})" for p in patterns)),)


# (id, the words of the answer, patterns that must ALL match the folded question)
_TOPICS = (
    ("behandling", Tekst(
        nb="hvor lang tid behandlingen tar, eller når dere får svar",
        nn="kor lang tid handsaminga tek, eller når de får svar",
        en="how long the processing takes, or when you will hear back"), _all(
        r"\b(?:how long|when|hvor lang tid|kor lang tid|hvor lenge|kor lenge|nar|how soon)\b",
        r"\b(?:decision|decided|hear back|hear from|answer|response|reply|svar|vedtak|"
        r"avgjorelse|avgjerd|behandl\w*|vurdert|assessed|evaluated|processed|processing)\b")),
    ("andre_ordninger", Tekst(
        nb="hvilke andre ordninger eller tilskudd som finnes",
        nn="kva andre ordningar eller tilskot som finst",
        en="which other schemes or grants there are"), _any(
        r"\b(?:andre|other|fleire|flere)\s+(?:tilskudd\w*|tilskot\w*|ordning\w*|stotte\w*|"
        r"stonad\w*|grants?|funding|schemes?|programmes?|programs?)\b",
        r"\b(?:oppstartstilskudd\w*|etablerertilskudd\w*|skattefunn|horisont europa|horizon "
        r"europe)\b",
        r"\b(?:midl\w*|tilskudd\w*|tilskot\w*|stotte|stonad|penger|pengar|funding|grants?|"
        r"money|soke|sokje|apply)\b.{0,30}\b(?:fra|hos|from|via)\s+(?:forskningsradet|"
        r"forskingsradet|research council|enova|siva|husbanken|ks|eu|regionale forskningsfond\w*|"
        r"distriktssenteret|nav|kommunal og distriktsdepartementet)\b")),
    ("rapportering", Tekst(
        nb="hvilke krav det er til rapportering",
        nn="kva krav det er til rapportering",
        en="what the reporting requirements are"), _all(
        r"\b(?:rapporter\w*|rapportering\w*|sluttrapport\w*|framdriftsrapport\w*|reporting|"
        r"reports?|report back)\b")),
    ("eierskap", Tekst(
        nb="hvem som eier resultatene eller rettighetene",
        nn="kven som eig resultata eller rettane",
        en="who owns the results or the rights"), _all(
        r"\b(?:eier|eig|eiger|eige|eierskap\w*|eigarskap\w*|owns?|ownership|rettighet\w*|"
        r"rettar|rettane|immaterielle|ipr|intellectual property|patent\w*|opphavsrett\w*)\b",
        r"\b(?:resultat\w*|losning\w*|loysing\w*|produkt\w*|rettighet\w*|rettar|rettane|"
        r"results?|solutions?|products?|ipr|intellectual property|patent\w*|kildekode\w*|"
        r"source code)\b")),
    ("kostnader", Tekst(
        nb="hvilke kostnader pengene kan dekke",
        nn="kva kostnader pengane kan dekkje",
        en="which costs the money can cover"), _all(
        r"\b(?:dekke|dekker|dekkjer|dekket|dekkes|dekkja|dekka|covers|brukes til|brukast til|bruke (?:pengene|"
        r"midlene|midla|tilskuddet|stotten)|cover|covered|spend|spent|used for|use the "
        r"(?:money|funds|grant)|eligible costs?|stottberettig\w*|godkjente kostnader)\b",
        r"\b(?:kostnad\w*|utgift\w*|lonn|lonna|lonnen|lonninger|lon|lona|salar\w*|wages?|"
        r"timer|timekostnad\w*|reise\w*|utstyr\w*|innkjop\w*|egne ansatte|eigne tilsette|"
        r"konsulent\w*|costs?|expenses?|staff|overhead|investering\w*)\b")),
    ("tildelt", Tekst(
        nb="hvilke prosjekter som fikk penger",
        nn="kva prosjekt som fekk pengar",
        en="which projects received money"), _all(
        r"\b(?:hvilke|hvem|kva|kven|which|who|how many|hvor mange|kor mange)\b",
        r"\b(?:fikk|fekk|got|received|were awarded|ble tildelt|vart tildelt|har fatt|har fatt "
        r"tildelt|vant|won|was awarded|were funded|ble valgt|vart valt)\b",
        r"\b(?:prosjekt\w*|penger|pengar|pengane|pengene|midl\w*|stotte|stotta|tilskudd\w*|"
        r"tilskot\w*|skisse\w*|kommune\w*|funding|funded|grants?|money|projects?|sketch\w*|"
        r"municipalit\w*|tildeling\w*)\b")),
    ("fordeling", Tekst(
        nb="hvordan pengene fordeles mellom temaer eller prosjekter",
        nn="korleis pengane blir fordelte mellom tema eller prosjekt",
        en="how the money is divided between topics or projects"), _all(
        r"\b(?:hvor mye|kor mykje|how much|hvor stor del|kor stor del|what share|what part)\b",
        r"\b(?:av potten|av pengene|av midlene|av midla|av dei|gar til|går til|goes to|go to|"
        r"of the (?:money|pot|funds)|fordel\w*|satt av|reservert|earmarked)\b",
        r"\b(?:helse\w*|klima\w*|miljo\w*|mobilitet\w*|forvaltning\w*|velferd\w*|skole\w*|"
        r"tema\w*|omrade\w*|sektor\w*|health|climate|topic\w*|sector\w*|area\w*|kommune\w*|"
        r"fylke\w*|region\w*|municipalit\w*)\b")),
    ("flere_skisser", Tekst(
        nb="om én virksomhet kan sende inn flere skisser",
        nn="om éi verksemd kan sende inn fleire skisser",
        en="whether one organisation can submit more than one sketch"), _all(
        r"\b(?:(?:flere|fleire|mer enn en|meir enn ein|more than one|several|multiple|two|"
        r"ekstra|another)\s+(?:\w+\s+)?(?:skisser|skissene|skisse|soknader|soknadar|"
        r"sketches|applications|proposals|prosjekter|prosjekt|projects)|to (?:skisser|"
        r"soknader|prosjekter))\b",
        r"\b(?:sende|senda|levere|leverer|send|submit|sende inn|soke|sokje|apply|ha)\b")),
    ("egenandel", Tekst(
        nb="om det kreves egenandel",
        nn="om det krevst eigenandel",
        en="whether you must pay a share of the costs yourselves"), _all(
        r"\b(?:egenandel\w*|eigenandel\w*|egenfinansiering\w*|eigenfinansiering\w*|"
        r"medfinansiering\w*|co ?financ\w*|cofinanc\w*|own contribution|matching funds?|"
        r"egeninnsats\w*|eigeninnsats\w*|stille med egne midler)\b")),
    ("sprak", Tekst(
        nb="hvilket språk skissen skal skrives på",
        nn="kva språk skissa skal skrivast på",
        en="which language the sketch must be written in"), _all(
        r"\b(?:pa engelsk|på engelsk|in english|pa nynorsk|på nynorsk|in norwegian|pa norsk|"
        r"på norsk|pa samisk|språk|sprak|language)\b",
        r"\b(?:skisse\w*|soknad\w*|skrive|skriva|sende|sketch|application|write|submit)\b")),
    ("omfang", Tekst(
        nb="hvor lang skissen kan være",
        nn="kor lang skissa kan vere",
        en="how long the sketch may be"), _all(
        r"\b(?:hvor lang|kor lang|how long|hvor mange sider|kor mange sider|how many pages|"
        r"antall sider|tal sider|page limit|maks\w* (?:sider|lengde|ord)|sidetall)\b",
        r"\b(?:skisse\w*|soknad\w*|sketch\w*|application|proposal|dokument\w*)\b")),
    ("varighet", Tekst(
        nb="hvor lenge prosjektene kan vare",
        nn="kor lenge prosjekta kan vare",
        en="how long the projects may last"), _all(
        r"\b(?:hvor lenge|kor lenge|how long|varighet\w*|prosjektperiode\w*|duration|"
        r"hvor mange ar|kor mange ar|how many years|maks\w* (?:varighet|lengde))\b",
        r"\b(?:prosjekt\w*|project\w*|vare|vara|last|run|partnerskap\w*)\b")),
)


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9 ]+", " ", fold(text or "", oe=False))).strip()


# "how long" about time is the deadline or the processing time (the classifier's answers),
# not the sketch's length or the project's duration
_TIME = re.compile(r"\b(?:svar|behandl\w*|vurder\w*|hear|decision|answer|response|ta for|"
                   r"tar det|takes?|tid|time|frist\w*|deadline)\b")
# "kan du svare på nynorsk?" asks the assistant, not about the sketch
_TO_THE_ASSISTANT = re.compile(r"\b(?:du|deg|you)\b")


def unknown_topic(text: Optional[str]) -> Optional[Unknown]:
    """The topic of the question that the announcement does not answer, or None."""
    folded = _fold(text)
    if not folded:
        return None
    for id_, what, patterns in _TOPICS:
        if id_ in ("varighet", "omfang") and _TIME.search(folded):
            continue
        if id_ == "sprak" and _TO_THE_ASSISTANT.search(folded):
            continue
        if all(p.search(folded) for p in patterns):
            return Unknown(id_, what)
    return None


ANSWER = Tekst(
    nb="Det står ikke i utlysningen {what}. {contact_name} kan svare på det: {contact_url}",
    nn="Det står ikkje i utlysinga {what}. {contact_name} kan svare på det: {contact_url}",
    en="The call does not say {what}. {contact_name} can answer that: {contact_url}")


def unknown_answer(unknown: Unknown, contact_name: str, contact_url: str,
                   lang: str = "nb") -> str:
    """The answer: the announcement does not say it, and who can."""
    return ANSWER.format(lang, what=unknown.what(lang), contact_name=contact_name,
                         contact_url=contact_url)
