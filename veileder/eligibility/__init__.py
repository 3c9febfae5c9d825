"""Who may apply: applicant facts -> a verdict with reasons, advice and what is still missing.

Pure domain code: no Rasa or FastAPI imports, no clock, no network. The facts of the call (who
may apply, the conditions, the criteria names, the deadline text, the contact) come from the
:class:`~veileder.call.Call` passed in. The rules are explained, with their legal sources, in
docs/eligibility-rules.md.

The package, by concern: ``families`` (the kinds of applicant and Enhetsregisteret's codes),
``recogniser`` (the kind of applicant in free text), ``rules`` (the facts, the questions, the
rules and the verdict) and ``wording``/``wording_reasons`` (the texts, in bokmål, nynorsk and
English: each a ``veileder.i18n.LocalText``, the bokmål string that gives its variants with
``X(lang)``, lang "nb", "nn" or "en"). This module re-exports the API
below, so callers import from ``veileder.eligibility``. Who is asking, from free text, an
organisation number and the register's answer, is ``veileder.applicant.identify``.

API
---
``OrgFamily``
    The kind of applicant, the unit the rules work on. ``ORGFORM_FAMILY`` maps Enhetsregisteret's
    ``organisasjonsform.kode`` to a family; ``COVERED``, ``CASE_BY_CASE`` and ``EXCLUDED`` group
    the families as docs/eligibility-rules.md does. ``FAMILY_LABELS[family]`` is how the answers
    name it ("en kommune"; ``FAMILY_LABELS[family]("nn")`` "ein kommune", ``("en")`` "a
    municipality").
``family_from_text(text) -> Optional[OrgFamily]``
    Recognises the kind of applicant in free text: bokmål, nynorsk, English, no æøå, typos
    ("Vi er Vefsn kommune", "me er ein kommune", "fylkeskommuna", "helseføretak", "sjolstendig
    naeringsdrivende", "we are a municipality"). ``None`` when nothing is recognisable.
``family_from_registry(entry) -> OrgFamily`` / ``family_from_codes(orgform, sektorkode)``
    From a :class:`veileder.orgnr.RegistryEntry`: the organisation form code, refined by the
    institutional sector code (an AS/ASA in sector 6100/6500 or a publicly owned enterprise
    sector is ``PUBLIC_COMPANY``, a case for the three tests, not a private company). An
    unlisted code gives ``UNKNOWN``.
``ApplicantFacts``
    What is known (frozen). ``family``, ``name``; the hard conditions ``publicly_funded``,
    ``public_tasks``, ``covered_by_procurement``; the three tests ``general_interest``,
    ``separate_legal_person``, ``public_control``; the criteria ``challenge``,
    ``no_market_solution``, ``top_management``, ``market_potential`` (the call's
    "verdiskaping" criterion) and ``collaboration``; from the register ``orgnr``, ``orgform``,
    ``orgform_beskrivelse``, ``sektorkode``, ``konkurs``, ``under_avvikling``,
    ``under_tvangsavvikling``. Answers are ``Optional[bool]``, ``None`` meaning "not known".
    ``unknown`` holds the fields the applicant was asked and could not answer ("vet ikke"), so
    they are not asked again; ``facts.with_answer(field, value)`` returns a copy
    (``value=None`` records "vet ikke"; for ``"family"`` it sets ``UNKNOWN``).
    ``ApplicantFacts.from_registry(entry, **answers)`` starts from a register entry;
    ``ApplicantFacts.from_mapping(slots)`` from form slots (family as enum value, name or
    organisation form code). ``family=None`` means "not asked yet".
``questions_needed(facts) -> list[str]``
    The fields still to ask, in order; ``QUESTIONS[field]`` is the question (``(lang)`` for
    nynorsk or English). It never
    asks what follows from the family or the register, and it is empty once a hard rule has
    decided against the applicant. ``verdict_questions`` is the part the verdict needs (asked
    first: the verdict comes as soon as it is empty), ``project_questions`` the project criteria
    (asked after the verdict, when the user wants the project check).
``depends_answer(family, call, lang="nb") -> str``
    For a case-by-case family: what its eligibility depends on (the three tests, briefly).
``stated_facts(text) -> dict[str, bool]`` (``veileder.eligibility.statements``)
    The answer fields a message settles by saying so ("vi er heleid av kommunen", "vi følger
    anskaffelsesreglene", "me er ikkje omfatta av …"), about the writer only; hedges and
    questions state nothing. The form fills them from every message of the check.
``evaluate(facts, call, deadline_message=None, *, deadline_passed=None, lang="nb") -> Verdict``
    ``Verdict.outcome`` is ``"eligible"``, ``"not_eligible"`` or ``"uncertain"``; it carries
    ``reasons``, ``strengths``, ``gaps``, ``advice``, ``missing`` (field names still open, in
    question order), ``settle`` (for ``uncertain``: the exact questions to settle with
    Innovasjon Norge) and ``deadline``. ``Verdict.summary()`` is the plain answer: one opening
    sentence of ``OPENINGS`` (``OPENINGS_AFTER_DEADLINE`` once the deadline has passed: the
    passed deadline is part of the first sentence), then reasons, strengths and gaps, deadline,
    next steps. ``Verdict.project_summary()`` is the project check's answer: strengths, gaps and
    next steps. The verdict's texts are in ``lang`` (``Verdict.lang``): nynorsk opens "Ja, de
    kan søkje." / "Nei, de kan ikkje søkje.", English "Yes, you can apply." / "No, you cannot
    apply."; the call's own texts come from its section in that standard
    (``Call.in_language``).

The rules (source in brackets)
------------------------------
R1  Hard rule: the applicant must be publicly funded, carry out public tasks, and be covered by
    the procurement rules; all three. [Announcement: "Alle offentlige finansierte virksomheter
    som forvalter offentlige oppgaver, og som omfattes av anskaffelsesregelverket, som kommuner
    og etater kan søke."; call file ``hvem_kan_soke.vilkar``]
R2  Companies, sole traders, other private businesses and private persons may not apply; they can
    take part as suppliers or partners in a public body's innovation partnership.
    [Announcement: "Bedrifter og privatpersoner kan ikke søke om midler fra denne potten.";
    docs/eligibility-rules.md R2 and its table of organisation forms]
R3  The state, county municipalities, municipalities and associations of these are covered by
    the procurement rules. [anskaffelsesloven § 2; docs/eligibility-rules.md R3] Their
    organisation forms KOMM, FYLK, STAT, ORGL, ADOS, KF, FKF, IKS count as publicly funded, doing
    public tasks and covered, so none of the three is asked. [docs/eligibility-rules.md, table of
    organisation forms, "usually covered"; the announcement's examples "kommuner og etater"]
R4  SF, SÆR (health trusts: HF and RHF), STI, publicly owned AS/ASA, FLI and ANNA are decided
    case by case: covered only as a body governed by public law, which meets all three tests:
    (1) set up for needs in the general interest, not industrial or commercial; (2) a separate
    legal person; (3) closely tied to the public sector (mainly publicly financed, or under
    public administrative control, or more than half the board appointed by public bodies).
    A failed test means not covered; an unknown test means ``uncertain``.
    [anskaffelsesforskriften § 1-2 second paragraph; docs/eligibility-rules.md R4]
R5  Test 2 follows from these organisation forms: each is its own legal person, so it is not
    asked; an explicit "no" still counts. [Design decision, docs/eligibility-rules.md R5: the
    legal-person status of SF, SÆR, STI, AS/ASA, FLI and ANNA is general Norwegian law]
R6  Mainly publicly financed is one of the three ways to meet test 3, so a "yes" to
    ``publicly_funded`` also settles ``public_control``. Test 1 (general interest, not
    commercial) is taken as doing public tasks (``public_tasks``). [anskaffelsesforskriften
    § 1-2 test 3; docs/eligibility-rules.md R6; design decision: the announcement's "forvalter
    offentlige oppgaver" read as test 1]
R7  Institutional sector code 6100 (statsforvaltningen) or 6500 (kommuneforvaltningen) means
    public administration: publicly funded and under public control. An AS/ASA in these sectors,
    or in a publicly owned enterprise sector (1110, 1120, 1510, 1520), is a publicly owned
    company (case by case), not a private one. [Enhetsregisteret's sector codes, "a strong
    signal": docs/eligibility-rules.md R7]
R8  A body of unknown form is asked the three conditions of R1; if it does not know whether it
    is covered, it is asked the three tests of R4, since a body governed by public law is
    covered. [R1 and R4]
R9  Every answer the applicant gives wins over what the family implies; the family is "a
    starting point for the rules, not a verdict on its own". [docs/eligibility-rules.md R9]
    One exception follows from R4: for the case-by-case forms a failed test means "not
    covered" even if the applicant also answered "covered". A "no" from a usually covered
    family (R3) to one of the three conditions is a conflict: ``uncertain``, the reasons name
    what the family normally is and what the applicant said, and the question is settled with
    Innovasjon Norge, not asked again.
R10 Unknown answers give ``uncertain``; the reply names the exact question to settle with
    Innovasjon Norge (contact from the call file). [Issue; "honest about the unknown":
    docs/eligibility-rules.md R10]
R11 Soft criteria are strengths or gaps, never hard rules: a societal challenge that affects
    several stakeholders with gain potential; no solution on the market today; anchoring in top
    management with the ambition to procure; market potential; collaboration with other public
    bodies (especially relevant). [Announcement "Innovasjon Norge er på jakt etter"; call file
    ``kriterier`` samfunnsutfordring, gjennomforingsevne, verdiskaping, samarbeid]
R12 konkurs, under avvikling and tvangsavvikling in the register are mentioned in the reasons
    and the advice; they do not change the outcome on their own. [Issue]
R13 A deadline status, when given, is part of the summary; after a passed deadline the first
    sentence says so and the advice no longer says "send the sketch". [Issue; call file
    ``frist``]
"""
from __future__ import annotations

from veileder.eligibility.families import (
    CASE_BY_CASE,
    COVERED,
    EXCLUDED,
    ORGFORM_FAMILY,
    PUBLIC_ADMINISTRATION_SECTORS,
    PUBLIC_ENTERPRISE_SECTORS,
    OrgFamily,
    family_from_codes,
    family_from_registry,
)
from veileder.eligibility.recogniser import family_from_text
from veileder.eligibility.rules import (
    ANSWER_FIELDS,
    HARD_FIELDS,
    SOFT_FIELDS,
    TEST_FIELDS,
    ApplicantFacts,
    Verdict,
    depends_answer,
    evaluate,
    project_questions,
    questions_needed,
    verdict_questions,
)
from veileder.eligibility.wording import (
    FAMILY_LABELS,
    OPENINGS,
    OPENINGS_AFTER_DEADLINE,
    PROJECT_OFFER,
    QUESTIONS,
    SETTLE,
)

__all__ = [
    "ANSWER_FIELDS", "CASE_BY_CASE", "COVERED", "EXCLUDED", "FAMILY_LABELS", "HARD_FIELDS",
    "OPENINGS", "OPENINGS_AFTER_DEADLINE", "ORGFORM_FAMILY", "PROJECT_OFFER",
    "PUBLIC_ADMINISTRATION_SECTORS", "PUBLIC_ENTERPRISE_SECTORS",
    "QUESTIONS", "SETTLE", "SOFT_FIELDS", "TEST_FIELDS", "ApplicantFacts", "OrgFamily", "Verdict",
    "depends_answer", "evaluate", "family_from_codes", "family_from_registry",
    "family_from_text", "project_questions", "questions_needed", "verdict_questions",
]
