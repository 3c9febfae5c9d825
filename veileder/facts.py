"""The call's facts as short Norwegian texts, for response templates and the web service.

Response templates in ``domain.yml`` name these keys (``{call_amount}``); Rasa's response
generator (``components/nlg.py``) fills them from :func:`fact_slots` when it gives the answer. This
module is the only place where a fact of the call is turned into text, so changing the call file
changes every answer.
"""
from __future__ import annotations

from datetime import datetime
from typing import Dict, List

from veileder.call import Call
from veileder import deadline as deadline_rules
from veileder.eligibility import ApplicantFacts, Verdict, evaluate


def bullet_list(items: List[str]) -> str:
    return "\n".join(f"• {item}" for item in items)


def join_words(words: List[str], last: str = "og") -> str:
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + f" {last} " + words[-1]


def deadline_short(call: Call, now: datetime) -> str:
    """One sentence on the deadline's status; every deadline answer carries it."""
    state = deadline_rules.status(call, now)
    if state.passed:
        return "Fristen har gått ut."
    return f"Det er {deadline_rules.humanize_remaining(state.remaining)} igjen til fristen."


def deadline_when(call: Call) -> str:
    """"torsdag 16. april 2020 kl. 17.00 (norsk tid)"."""
    return (
        f"{deadline_rules.format_datetime(call.frist.at, call.frist.tidssone)} "
        f"({deadline_rules.zone_label(call.frist.tidssone)})"
    )


def deadline_sentence(call: Call, now: datetime) -> str:
    """The deadline with date, time and zone, and its status, in one or two sentences."""
    when = deadline_when(call)
    if deadline_rules.status(call, now).passed:
        return f"Fristen for å sende inn {call.frist.hva} gikk ut {when}."
    return f"Fristen for å sende inn {call.frist.hva} er {when}. {deadline_short(call, now)}"


def verdict_at(facts: ApplicantFacts, call: Call, now: datetime) -> Verdict:
    """The eligibility verdict, with the deadline's state at ``now`` in its summary (R13)."""
    return evaluate(facts, call, deadline_message=deadline_sentence(call, now),
                    deadline_passed=deadline_rules.status(call, now).passed)


def fact_slots(call: Call, now: datetime) -> Dict[str, str]:
    """Slot name -> text, for every fact the answers use."""
    criteria = call.kriterier
    slots = {
        "call_title": call.tittel,
        "call_owner": call.eier,
        "call_announced": call.kunngjort,
        "call_amount": call.belop.tekst,
        "call_summary": call.formal.kort,
        "call_goal": call.formal.mal,
        "call_partnership": call.formal.innovasjonspartnerskap,
        "who_can_apply": call.hvem_kan_soke.kan,
        "who_conditions": bullet_list(call.hvem_kan_soke.vilkar),
        "who_cannot_apply": call.hvem_kan_soke.kan_ikke,
        "deadline_what": call.frist.hva,
        "deadline_text": deadline_when(call),
        "deadline_state": deadline_short(call, now),
        "criteria_names": bullet_list([c.navn for c in criteria]),
        "gain_potential": call.gevinstpotensial,
        "existing_solution": call.eksisterende_losning,
        "topics": join_words(call.temaer),
        "topics_note": call.temaer_merknad,
        "benefits": bullet_list(call.forventede_gevinster),
        "minister_name": call.minister.navn,
        "minister_title": call.minister.tittel,
        "minister_quote": call.minister.sitat,
        "minister_point": call.minister.poeng,
        "read_more": bullet_list([r.tittel for r in call.les_mer]),
        "source_title": call.kilde.tittel,
        "source_url": str(call.kilde.url),
        "contact_name": call.kontakt.navn,
        "contact_url": str(call.kontakt.url),
    }
    for criterion in criteria:
        slots[f"criterion_{criterion.id}_name"] = criterion.navn
        slots[f"criterion_{criterion.id}"] = "\n\n".join(criterion.punkter)
    return slots
