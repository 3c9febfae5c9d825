"""The call's facts as short Norwegian texts, for response templates and the web service.

Response templates in ``domain.yml`` name these keys (``{call_amount}``); Rasa's response
generator (``components/nlg.py``) fills them from :func:`fact_slots` when it gives the answer. This
module is the only place where a fact of the call is turned into text, so changing the call file
changes every answer.

Facts come in the conversation's written standard (``lang``: "nb", "nn" or "en"): the texts from
the call file's ``nn:``/``en:`` sections (``Call.in_language``), the amounts and lists written
by the rules of that standard.
"""
from __future__ import annotations

from datetime import datetime
from typing import Dict

from veileder.call import Call
from veileder import deadline as deadline_rules
from veileder.eligibility import ApplicantFacts, Verdict, evaluate
from veileder.i18n import pick
from veileder.norsk import amount_text, bullet_list, join_words



def deadline_with_status(call: Call, now: datetime, lang: str = "nb") -> str:
    """The deadline sentence (``deadline.deadline_sentence``) and, while it is open, the time
    left: "… Det er 30 minutter igjen til fristen."."""
    state = deadline_rules.status(call, now)
    if state.passed:
        return deadline_rules.deadline_sentence(call, passed=True, lang=lang)
    left = deadline_rules.humanize_remaining(state.remaining, lang)
    return (f"{deadline_rules.deadline_sentence(call, lang=lang)} "
            f"{deadline_rules.LEFT_BEFORE_DEADLINE.format(lang, left=left)}")


def verdict_at(facts: ApplicantFacts, call: Call, now: datetime, lang: str = "nb") -> Verdict:
    """The eligibility verdict in ``lang``, with the deadline's state at ``now`` in its summary
    (R13)."""
    return evaluate(facts, call, deadline_message=deadline_with_status(call, now, lang),
                    deadline_passed=deadline_rules.status(call, now).passed, lang=lang)


def fact_slots(call: Call, now: datetime, lang: str = "nb") -> Dict[str, str]:
    """Slot name -> text, for every fact the answers use, in the standard ``lang``."""
    numbers = call
    call = call.in_language(lang)
    criteria = call.kriterier
    slots = {
        "call_title": call.tittel,
        "call_owner": call.eier,
        "call_announced": call.kunngjort,
        "call_amount": amount_text(numbers.belop.kroner, lang),
        "call_summary": call.formal.kort,
        "call_goal": call.formal.mal,
        "call_partnership": call.formal.innovasjonspartnerskap,
        "who_can_apply": call.hvem_kan_soke.kan,
        "who_conditions": bullet_list(call.hvem_kan_soke.vilkar),
        "who_cannot_apply": call.hvem_kan_soke.kan_ikke,
        "deadline_what": call.frist.hva,
        "deadline_sentence": deadline_with_status(call, now, lang),
        "criteria_names": bullet_list([c.navn for c in criteria]),
        "gain_potential": call.gevinstpotensial,
        "existing_solution": call.eksisterende_losning,
        "topics": join_words(call.temaer, last=pick(lang, nb="og", nn="og", en="and")),
        "topics_note": call.temaer_merknad,
        "benefits": bullet_list(call.forventede_gevinster),
        "minister_name": call.minister.navn,
        "minister_title": call.minister.tittel,
        "minister_quote": call.minister.sitat,
        "minister_point": call.minister.poeng,
        # page titles are names, in the pages' own bokmål: «…» marks them in every standard
        "read_more": bullet_list([f"«{r.tittel}»" for r in call.les_mer]),
        "source_title": call.kilde.tittel,
        "source_url": str(call.kilde.url),
        "contact_name": call.kontakt.navn,
        "contact_url": str(call.kontakt.url),
    }
    for criterion in criteria:
        slots[f"criterion_{criterion.id}_name"] = criterion.navn
        slots[f"criterion_{criterion.id}"] = "\n\n".join(criterion.punkter)
    return slots
