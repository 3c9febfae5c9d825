"""veileder.eligibility: applicant facts -> verdict; the free-text recogniser; questions.

Table-driven: one row per case. The rules and their sources are listed in the module docstring
of veileder/eligibility.py (R1 ... R13); the ids below name the rule a row checks.
"""
from __future__ import annotations

import copy
import dataclasses

import pytest
import yaml
from hypothesis import given, settings, strategies as st

from testkit.brreg_standin import fixture_json
from veileder.call import DEFAULT_CALL_FILE, load_call, parse_call
from veileder.deadline import deadline_sentence, passed_clause
from veileder.eligibility import (
    ANSWER_FIELDS,
    CASE_BY_CASE,
    COVERED,
    EXCLUDED,
    HARD_FIELDS,
    OPENINGS,
    ORGFORM_FAMILY,
    QUESTIONS,
    SETTLE,
    SOFT_FIELDS,
    TEST_FIELDS,
    ApplicantFacts,
    OrgFamily,
    evaluate,
    family_from_codes,
    family_from_registry,
    family_from_text,
    project_questions,
    questions_needed,
    verdict_questions,
)
from veileder.orgnr import RegistryEntry

F = OrgFamily
CALL = load_call(DEFAULT_CALL_FILE)
CONTACT = str(CALL.kontakt.url)


def facts(family=None, **answers) -> ApplicantFacts:
    unknown = frozenset(k for k, v in answers.items() if v == "?")
    answers = {k: v for k, v in answers.items() if v != "?"}
    return ApplicantFacts(family=family, unknown=unknown, **answers)


def registered(code, sector=None, description=None, **answers) -> ApplicantFacts:
    unknown = frozenset(k for k, v in answers.items() if v == "?")
    answers = {k: v for k, v in answers.items() if v != "?"}
    entry = RegistryEntry(orgnr="991000100", navn="TESTVIK", orgform=code,
                          orgform_beskrivelse=description or code, sektorkode=sector)
    return ApplicantFacts.from_registry(entry, unknown=unknown, **answers)


ALL_TESTS = dict(general_interest=True, publicly_funded=True)  # test 2 from the form, 3 from R6

# (id, facts, outcome, phrases the summary must contain)
CASES = [
    # R3: usually covered, from what the applicant says
    ("R3 kommune", facts(F.MUNICIPALITY), "eligible", ["Kommuner er omfattet av anskaffelsesloven § 2"]),
    ("R3 fylkeskommune", facts(F.COUNTY), "eligible", ["Fylkeskommuner er omfattet"]),
    ("R3 staten", facts(F.STATE), "eligible", ["Staten er omfattet"]),
    ("R3 etat", facts(F.STATE_AGENCY), "eligible", ["en del av staten, en fylkeskommune eller en kommune"]),
    ("R3 kommunalt foretak", facts(F.MUNICIPAL_ENTERPRISE), "eligible", ["del av kommunen"]),
    ("R3 interkommunalt", facts(F.INTERMUNICIPAL), "eligible", ["Sammenslutninger av kommuner"]),
    # R3: usually covered, from the register (every form docs/eligibility-rules.md names)
    ("R3 KOMM 6500", registered("KOMM", "6500", "Kommune"), "eligible", ["kommuneforvaltningen (sektorkode 6500)"]),
    ("R3 FYLK", registered("FYLK", "6500", "Fylkeskommune"), "eligible", ["som fylkeskommune (FYLK)"]),
    ("R3 STAT", registered("STAT", "6100", "Staten"), "eligible", ["statsforvaltningen (sektorkode 6100)"]),
    ("R3 ORGL", registered("ORGL", "6100", "Organisasjonsledd"), "eligible", ["som organisasjonsledd (ORGL)"]),
    ("R3 ADOS", registered("ADOS", "6100"), "eligible", ["(ADOS)"]),
    ("R3 KF", registered("KF", "6500", "Kommunalt foretak"), "eligible", ["(KF)"]),
    ("R3 FKF", registered("FKF", "6500", "Fylkeskommunalt foretak"), "eligible", ["(FKF)"]),
    ("R3 IKS", registered("IKS", "6500", "Interkommunalt selskap"), "eligible", ["(IKS)"]),
    # R2: not eligible, with the way to take part instead
    ("R2 bedrift", facts(F.COMPANY), "not_eligible", ["Bedrifter og privatpersoner kan ikke søke", "leverandør eller partner"]),
    ("R2 ENK", facts(F.SOLE_TRADER), "not_eligible", ["et enkeltpersonforetak", "leverandør eller partner"]),
    ("R2 privatperson", facts(F.PRIVATE_PERSON), "not_eligible", ["en privatperson", "innovasjonspartnerskap"]),
    ("R2 bedrift ignores answers", facts(F.COMPANY, publicly_funded=True, public_tasks=True, covered_by_procurement=True), "not_eligible", ["kan ikke søke om midler"]),
    ("R2 reg ENK", registered("ENK", "8200"), "not_eligible", ["(ENK)", "leverandør eller partner"]),
    ("R2 reg ANS", registered("ANS", "2100"), "not_eligible", ["(ANS)"]),
    ("R2 reg DA", registered("DA", "2100"), "not_eligible", ["(DA)"]),
    ("R2 reg private AS", registered("AS", "2100", "Aksjeselskap"), "not_eligible", ["en bedrift"]),
    ("R2 reg private ASA", registered("ASA", "2100"), "not_eligible", ["(ASA)"]),
    # R4: case by case, all three tests met
    ("R4 helseforetak", facts(F.HEALTH_TRUST, **ALL_TESTS), "eligible", ["offentligrettslig organ og omfattes"]),
    ("R4 statsforetak", facts(F.STATE_ENTERPRISE, **ALL_TESTS), "eligible", ["et statsforetak"]),
    ("R4 stiftelse", facts(F.FOUNDATION, **ALL_TESTS), "eligible", ["en stiftelse"]),
    ("R4 offentlig eid AS", facts(F.PUBLIC_COMPANY, **ALL_TESTS), "eligible", ["eid av det offentlige"]),
    ("R4 forening", facts(F.ASSOCIATION, **ALL_TESTS), "eligible", ["en forening"]),
    ("R4 control by board", facts(F.FOUNDATION, general_interest=True, publicly_funded=True, public_control=True), "eligible", ["nært knyttet til det offentlige"]),
    ("R4 reg SF", registered("SF", "1110", "Statsforetak", **ALL_TESTS), "eligible", ["(SF)"]),
    ("R4+R7 reg SÆR 6100", registered("SÆR", "6100", "Særlovsselskap", general_interest=True), "eligible", ["statsforvaltningen", "offentligrettslig organ"]),
    ("R4 reg STI", registered("STI", "7000", "Stiftelse", **ALL_TESTS), "eligible", ["(STI)"]),
    ("R4 reg FLI", registered("FLI", "7000", **ALL_TESTS), "eligible", ["(FLI)"]),
    ("R4 reg ANNA", registered("ANNA", None, **ALL_TESTS), "eligible", ["(ANNA)"]),
    ("R4+R7 reg AS 1520", registered("AS", "1520", "Aksjeselskap", **ALL_TESTS), "eligible", ["eid av det offentlige"]),
    ("R4+R7 reg AS 6500", registered("AS", "6500", "Aksjeselskap", general_interest=True), "eligible", ["kommuneforvaltningen"]),
    # R4: each test failing
    ("R4 test 1 fails", facts(F.FOUNDATION, general_interest=False), "not_eligible", ["drive industri eller forretning", "ikke et offentligrettslig organ"]),
    ("R4 test 2 fails", facts(F.FOUNDATION, general_interest=True, separate_legal_person=False, publicly_funded=True), "not_eligible", ["ikke et eget rettssubjekt", "den virksomheten som kan søke"]),
    ("R4 test 3 fails", facts(F.ASSOCIATION, general_interest=True, publicly_funded="?", public_control=False), "not_eligible", ["ikke nært knyttet", "ikke et offentligrettslig organ"]),
    ("R4 stiftelse, reg STI, test 3 via board", registered("STI", "7000", general_interest=True, publicly_funded="?", public_control=True), "uncertain", [SETTLE["publicly_funded"]]),
    ("R4 test 1 fails, reg SÆR", registered("SÆR", "6100", general_interest=False), "not_eligible", ["ikke et offentligrettslig organ"]),
    ("R4 failed test beats 'covered'", facts(F.PUBLIC_COMPANY, publicly_funded=True, covered_by_procurement=True, general_interest=False), "not_eligible", ["ikke et offentligrettslig organ"]),
    # R4/R10: each test unknown
    ("R4 test 1 unknown", facts(F.HEALTH_TRUST, general_interest="?", publicly_funded=True), "uncertain", [SETTLE["general_interest"], CONTACT]),
    ("R4 test 2 unknown", facts(F.UNKNOWN, publicly_funded=True, public_tasks=True, covered_by_procurement="?", general_interest=True, separate_legal_person="?"), "uncertain", [SETTLE["separate_legal_person"]]),
    ("R4 test 3 unknown", facts(F.PUBLIC_COMPANY, general_interest=True, publicly_funded="?", public_control="?"), "uncertain", [SETTLE["public_control"], SETTLE["publicly_funded"]]),
    ("R4 test 3 known, funding unknown", facts(F.FOUNDATION, general_interest=True, publicly_funded="?", public_control=True), "uncertain", [SETTLE["publicly_funded"]]),
    ("R1 case by case not funded", facts(F.STATE_ENTERPRISE, general_interest=True, publicly_funded=False), "not_eligible", ["ikke offentlig finansiert"]),
    # R8: unknown form, the three conditions
    ("R8 all three yes", facts(F.UNKNOWN, publicly_funded=True, public_tasks=True, covered_by_procurement=True), "eligible", ["vilkårene i utlysningen"]),
    ("R8 not funded", facts(F.UNKNOWN, publicly_funded=False), "not_eligible", ["ikke offentlig finansiert"]),
    ("R8 no public tasks", facts(F.UNKNOWN, publicly_funded=True, public_tasks=False), "not_eligible", ["forvalter ikke offentlige oppgaver"]),
    ("R8 not covered", facts(F.UNKNOWN, publicly_funded=True, public_tasks=True, covered_by_procurement=False), "not_eligible", ["omfattes ikke av anskaffelsesregelverket"]),
    ("R8 funding unknown", facts(F.UNKNOWN, publicly_funded="?", public_tasks=True, covered_by_procurement=True), "uncertain", [SETTLE["publicly_funded"]]),
    ("R8 tasks unknown", facts(F.UNKNOWN, publicly_funded=True, public_tasks="?", covered_by_procurement=True), "uncertain", [SETTLE["public_tasks"]]),
    ("R8 coverage unknown", facts(F.UNKNOWN, publicly_funded=True, public_tasks=True, covered_by_procurement="?"), "uncertain", [SETTLE["covered_by_procurement"]]),
    ("R8 coverage via tests", facts(F.UNKNOWN, publicly_funded=True, public_tasks=True, covered_by_procurement="?", general_interest=True, separate_legal_person=True), "eligible", ["offentligrettslig organ og omfattes"]),
    ("R8 coverage via tests fails", facts(F.UNKNOWN, publicly_funded=True, public_tasks=True, covered_by_procurement="?", general_interest=False), "not_eligible", ["ikke et offentligrettslig organ"]),
    ("R8 family 'vet ikke'", ApplicantFacts(unknown=frozenset({"family"}), publicly_funded=True, public_tasks=True, covered_by_procurement=True), "eligible", []),
    ("no family yet", facts(None), "uncertain", ["Vi vet ikke hva slags virksomhet", "organisasjonsnummeret"]),
    # R9: an answer wins over the family; a "no" to what a covered family implies is a conflict
    ("R9 kommune says not covered", facts(F.MUNICIPALITY, covered_by_procurement=False), "uncertain", ["Kommuner omfattes normalt av anskaffelsesregelverket (anskaffelsesloven § 2). Dere sier at dere ikke omfattes.", SETTLE["covered_by_procurement"], CONTACT]),
    ("R9 kommune not covered: never said to be covered", facts(F.MUNICIPALITY, covered_by_procurement=False), "uncertain", ["Dere sier at dere ikke omfattes"]),
    ("R9 fylkeskommune says not funded", facts(F.COUNTY, publicly_funded=False), "uncertain", ["Fylkeskommuner er normalt offentlig finansiert", "Dere sier at dere ikke er offentlig finansiert", SETTLE["publicly_funded"]]),
    ("R9 etat says no public tasks", facts(F.STATE_AGENCY, public_tasks=False, covered_by_procurement=True), "uncertain", ["forvalter normalt offentlige oppgaver", SETTLE["public_tasks"]]),
    ("R9 KOMM in register says not covered", registered("KOMM", "6500", covered_by_procurement=False), "uncertain", ["Kommuner omfattes normalt", SETTLE["covered_by_procurement"]]),
    ("R9 AS 6500 answer wins over sector", registered("AS", "6500", general_interest=True, publicly_funded=False), "not_eligible", ["ikke offentlig finansiert"]),
    # R12: register status is mentioned, the outcome stands
    ("R12 konkurs", registered("AS", "2100", konkurs=True, under_avvikling=True), "not_eligible", ["konkurs og under avvikling", "status i Enhetsregisteret"]),
    ("R12 kommune under avvikling", registered("KOMM", "6500", under_avvikling=True), "eligible", ["under avvikling"]),
]


@pytest.mark.parametrize("case_id, applicant, outcome, phrases", CASES, ids=[c[0] for c in CASES])
def test_verdict(case_id, applicant, outcome, phrases):
    verdict = evaluate(applicant, CALL)
    assert verdict.outcome == outcome
    text = verdict.summary()
    assert text.split("\n")[0] == OPENINGS[outcome]
    assert sum(text.count(opening) for opening in OPENINGS.values()) == 1
    for phrase in phrases:
        assert phrase in text, f"{phrase!r} not in:\n{text}"
    if outcome == "not_eligible":
        assert questions_needed(applicant) == []
    if outcome == "uncertain":
        assert verdict.missing
        assert all(f"«{q}»" in text for q in verdict.settle)
    if outcome == "eligible":
        assert not set(questions_needed(applicant)) & set(HARD_FIELDS + TEST_FIELDS)


def test_at_least_45_verdict_cases():
    assert len(CASES) >= 45


def test_every_orgform_named_in_the_rules_has_a_family_and_a_case():
    named = ["KOMM", "FYLK", "STAT", "ORGL", "ADOS", "KF", "FKF", "IKS", "SF", "SÆR", "STI",
             "AS", "ASA", "FLI", "ANNA", "ENK", "ANS", "DA"]
    covered = {c[1].orgform for c in CASES if c[1].orgform}
    for code in named:
        assert code in ORGFORM_FAMILY
        assert code in covered, code


# --- the uncertain answer names the question and the contact (R10) --------------------------

def test_uncertain_names_exact_question_and_contact_from_call():
    verdict = evaluate(facts(F.FOUNDATION, general_interest="?", publicly_funded=True), CALL)
    assert verdict.outcome == "uncertain"
    assert verdict.settle == [SETTLE["general_interest"]]
    assert verdict.missing[0] == "general_interest"
    assert f"Spør {CALL.kontakt.navn} ({CONTACT}) om dette:" in verdict.advice
    assert verdict.advice[1] == f"«{SETTLE['general_interest']}»"


def test_unknown_answer_is_missing_but_not_asked_again():
    applicant = facts(F.FOUNDATION).with_answer("general_interest", None)
    assert "general_interest" in applicant.unknown
    assert "general_interest" not in questions_needed(applicant)
    assert "general_interest" in evaluate(applicant, CALL).missing
    answered = applicant.with_answer("general_interest", True)
    assert "general_interest" not in answered.unknown and answered.general_interest is True


# --- soft criteria (R11) ---------------------------------------------------------------------

SOFT_CASES = [
    ("all yes", dict.fromkeys(SOFT_FIELDS, True), 5, 0),
    ("all no", dict.fromkeys(SOFT_FIELDS, False), 0, 5),
    ("mixed", dict(challenge=True, no_market_solution=False, top_management=True,
                   market_potential=None, collaboration=False), 2, 2),
    ("none answered", {}, 0, 0),
]


@pytest.mark.parametrize("case_id, answers, strengths, gaps", SOFT_CASES,
                         ids=[c[0] for c in SOFT_CASES])
def test_soft_criteria_are_strengths_and_gaps_not_rules(case_id, answers, strengths, gaps):
    verdict = evaluate(facts(F.MUNICIPALITY, **answers), CALL)
    assert verdict.outcome == "eligible"  # never a hard rule
    assert len(verdict.strengths) == strengths
    assert len(verdict.gaps) == gaps
    text = verdict.summary()
    if strengths:
        assert "Dette taler for prosjektet:" in text
    if gaps:
        assert "Dette bør dere se på:" in text


@pytest.mark.parametrize("field, criterion_id", [
    ("challenge", "samfunnsutfordring"), ("no_market_solution", "samfunnsutfordring"),
    ("top_management", "gjennomforingsevne"), ("market_potential", "verdiskaping"),
    ("collaboration", "samarbeid"),
])
def test_soft_criteria_use_the_call_criterion_names(field, criterion_id):
    name = CALL.criterion(criterion_id).navn
    yes = evaluate(facts(F.COUNTY, **{field: True}), CALL)
    no = evaluate(facts(F.COUNTY, **{field: False}), CALL)
    assert yes.strengths[0].startswith(f"{name}: ")
    assert no.gaps[0].startswith(f"{name}: ")


def test_gap_texts_carry_call_facts():
    verdict = evaluate(facts(F.MUNICIPALITY, challenge=False, no_market_solution=False), CALL)
    assert CALL.gevinstpotensial in verdict.gaps[0]
    assert CALL.eksisterende_losning in verdict.gaps[1]


def test_collaboration_is_especially_relevant():
    assert "særlig aktuelt" in evaluate(facts(F.MUNICIPALITY, collaboration=True), CALL).strengths[0]
    assert "særlig aktuelle" in evaluate(facts(F.MUNICIPALITY, collaboration=False), CALL).gaps[0]


def test_unanswered_criteria_are_named_in_the_advice():
    verdict = evaluate(facts(F.MUNICIPALITY, challenge=True), CALL)
    advice = " ".join(verdict.advice)
    assert CALL.criterion("gjennomforingsevne").navn in advice
    assert CALL.criterion("samarbeid").navn in advice
    assert "Vurder disse kriteriene" in advice
    assert "Prosjekt som løser en samfunnsutfordring," not in advice  # answered


def test_not_eligible_has_no_criteria_feedback():
    verdict = evaluate(facts(F.COMPANY, challenge=True, collaboration=False), CALL)
    assert verdict.strengths == [] and verdict.gaps == []


# --- deadline (R13) and the shape of the summary ---------------------------------------------

def test_deadline_message_is_part_of_the_summary():
    message = "Fristen er 16. april 2020 kl. 17.00 norsk tid. Det er 3 dager igjen."
    verdict = evaluate(facts(F.MUNICIPALITY), CALL, message, deadline_passed=False)
    text = verdict.summary()
    assert verdict.deadline == message and message in text
    assert text.index(message) < text.index("Neste steg:")
    assert f"Send inn en {CALL.frist.hva}." in verdict.advice


def test_passed_deadline_changes_the_advice():
    message = "Fristen gikk ut 16. april 2020 kl. 17.00 norsk tid."
    verdict = evaluate(facts(F.MUNICIPALITY, top_management=False), CALL, message,
                       deadline_passed=True)
    assert verdict.outcome == "eligible"
    # the passed deadline is in the first sentence, and not said twice
    first = verdict.summary().split("\n")[0]
    assert first == f"Dere kan søke etter reglene, men {passed_clause(CALL)}."
    assert message not in verdict.summary()
    assert verdict.deadline == message  # still there for the API
    assert not any("Send inn" in a or "sender inn" in a for a in verdict.advice)
    assert any("Fristen er ute" in a for a in verdict.advice)


def test_without_deadline_status_the_deadline_sentence_is_given():
    verdict = evaluate(facts(F.MUNICIPALITY), CALL)
    assert verdict.deadline is None
    assert deadline_sentence(CALL) in verdict.advice


def test_deadline_also_shown_when_not_eligible():
    verdict = evaluate(facts(F.PRIVATE_PERSON), CALL, "Fristen gikk ut.")
    assert "Fristen gikk ut." in verdict.summary()


def test_summary_order_reasons_strengths_gaps_deadline_advice():
    verdict = evaluate(facts(F.MUNICIPALITY, challenge=True, top_management=False), CALL,
                       "FRIST")
    text = verdict.summary()
    positions = [text.index(p) for p in ("Dere kan søke.", "Kommuner er omfattet",
                                         "Dette taler for", "Dette bør dere se på", "FRIST",
                                         "Neste steg:")]
    assert positions == sorted(positions)


def test_facts_come_from_the_call_object():
    data = yaml.safe_load(DEFAULT_CALL_FILE.read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    data["kontakt"]["url"] = "https://example.org/kontakt"
    data["hvem_kan_soke"]["kan_ikke"] = "Firmaer kan ikke søke i denne runden."
    data["hvem_kan_soke"]["vilkar"] = ["er finansiert av det offentlige", "løser offentlige oppgaver",
                                       "følger anskaffelsesreglene"]
    data["kriterier"][3]["navn"] = "Samarbeid på tvers"
    data["frist"]["hva"] = "søknad"
    other = parse_call(data)
    no = evaluate(facts(F.COMPANY), other).summary()
    assert "Firmaer kan ikke søke i denne runden." in no
    unsure = evaluate(facts(F.FOUNDATION, general_interest="?", publicly_funded=True), other)
    assert "https://example.org/kontakt" in unsure.summary()
    assert CONTACT not in unsure.summary()
    yes = evaluate(facts(F.MUNICIPALITY, collaboration=True), other)
    assert yes.strengths[0].startswith("Samarbeid på tvers: ")
    assert "Dere er finansiert av det offentlige, løser offentlige oppgaver og følger " \
           "anskaffelsesreglene." in yes.summary()
    assert "Send inn en søknad." in yes.advice


# --- questions_needed: order, derived facts, early stop --------------------------------------

QUESTION_CASES = [
    ("nothing known", facts(None), ["family"]),
    ("kommune: only criteria", facts(F.MUNICIPALITY), list(SOFT_FIELDS)),
    ("etat: only criteria", facts(F.STATE_AGENCY, challenge=True), list(SOFT_FIELDS[1:])),
    ("stiftelse: tests first", facts(F.FOUNDATION), ["general_interest", "publicly_funded", "public_control", *SOFT_FIELDS]),
    ("stiftelse funded: test 3 follows", facts(F.FOUNDATION, publicly_funded=True), ["general_interest", *SOFT_FIELDS]),
    ("SÆR 6100: only test 1", registered("SÆR", "6100"), ["general_interest", *SOFT_FIELDS]),
    ("AS 1520: tests", registered("AS", "1520"), ["general_interest", "publicly_funded", "public_control", *SOFT_FIELDS]),
    ("unknown form: hard rules", facts(F.UNKNOWN), [*HARD_FIELDS, *SOFT_FIELDS]),
    ("unknown form, coverage 'vet ikke': tests", facts(F.UNKNOWN, publicly_funded=True, public_tasks=True, covered_by_procurement="?"), ["general_interest", "separate_legal_person", *SOFT_FIELDS]),
    ("unknown form, everything 'vet ikke'", facts(F.UNKNOWN, publicly_funded="?", public_tasks="?", covered_by_procurement="?", general_interest="?", separate_legal_person="?", public_control="?"), list(SOFT_FIELDS)),
    ("covered answered: tests not needed", facts(F.PUBLIC_COMPANY, publicly_funded=True, public_tasks=True, covered_by_procurement=True), list(SOFT_FIELDS)),
    ("criteria answered", facts(F.COUNTY, **dict.fromkeys(SOFT_FIELDS, False)), []),
    # early stops
    ("stop: company", facts(F.COMPANY), []),
    ("stop: sole trader", facts(F.SOLE_TRADER), []),
    ("stop: private person", facts(F.PRIVATE_PERSON), []),
    ("stop: private AS from register", registered("AS", "2100"), []),
    ("stop: test 1 no", facts(F.FOUNDATION, general_interest=False), []),
    ("stop: not funded", facts(F.HEALTH_TRUST, general_interest=True, publicly_funded=False), []),
    ("stop: test 3 no", facts(F.ASSOCIATION, general_interest=True, publicly_funded="?", public_control=False), []),
    ("stop: unknown form not funded", facts(F.UNKNOWN, publicly_funded=False), []),
    ("stop: unknown form no public tasks", facts(F.UNKNOWN, publicly_funded=True, public_tasks=False), []),
]


@pytest.mark.parametrize("case_id, applicant, expected", QUESTION_CASES,
                         ids=[c[0] for c in QUESTION_CASES])
def test_questions_needed(case_id, applicant, expected):
    assert questions_needed(applicant) == expected
    assert all(name in QUESTIONS for name in expected)


def test_questions_exist_for_every_field_and_are_questions():
    for name in ("family", *ANSWER_FIELDS):
        assert QUESTIONS[name].rstrip().endswith("?") or "?" in QUESTIONS[name]
    for name in ("family", *HARD_FIELDS, *TEST_FIELDS):
        assert SETTLE[name].endswith("?")


ORDER = ["family", *HARD_FIELDS, *TEST_FIELDS, *SOFT_FIELDS]
answer = st.sampled_from([True, False, None, "?"])


@settings(max_examples=300, deadline=None)
@given(family=st.sampled_from([None, *OrgFamily]), sector=st.sampled_from([None, "6100", "6500", "2100"]),
       values=st.fixed_dictionaries({name: answer for name in ANSWER_FIELDS}))
def test_properties_of_questions_and_verdicts(family, sector, values):
    unknown = frozenset(k for k, v in values.items() if v == "?")
    answers = {k: (None if v == "?" else v) for k, v in values.items()}
    applicant = ApplicantFacts(family=family, sektorkode=sector, unknown=unknown, **answers)
    asked = questions_needed(applicant)
    verdict = evaluate(applicant, CALL)
    # no repeats, answered or "vet ikke" fields are not asked, and the path order is kept
    assert len(asked) == len(set(asked))
    assert not set(asked) & unknown
    assert not any(answers.get(name) is not None for name in asked)
    soft = [n for n in asked if n in SOFT_FIELDS]
    assert soft == [n for n in SOFT_FIELDS if n in soft]
    assert asked[len(asked) - len(soft):] == soft  # criteria come last
    # the verdict's questions first; the project's are asked only after the verdict
    assert verdict_questions(applicant) + project_questions(applicant) == asked
    if not verdict_questions(applicant):  # the verdict is known: project answers cannot change it
        no_project = dataclasses.replace(applicant, **{n: None for n in SOFT_FIELDS},
                                         unknown=applicant.unknown - set(SOFT_FIELDS))
        assert evaluate(no_project, CALL).outcome == verdict.outcome
    # never ask what follows from the family
    if family in COVERED:
        assert not set(asked) & set(HARD_FIELDS + TEST_FIELDS)
    if family in CASE_BY_CASE:
        assert "separate_legal_person" not in asked
    if family in EXCLUDED:
        assert asked == [] and verdict.outcome == "not_eligible"
    # a decided "no" stops the questions; the summary opens with one plain sentence
    if verdict.outcome == "not_eligible":
        assert asked == [] and verdict.missing == []
    if verdict.outcome == "uncertain":
        assert verdict.missing
        # R9: a "no" to what a covered family implies is settled with Innovasjon Norge, not asked
        conflicts = {n for n in HARD_FIELDS if family in COVERED and answers[n] is False}
        assert [m for m in verdict.missing
                if m not in applicant.unknown and m not in conflicts] == asked
    assert verdict.summary().split("\n")[0] == OPENINGS[verdict.outcome]
    assert sum(verdict.summary().count(o) for o in OPENINGS.values()) == 1


def walk(applicant: ApplicantFacts, reply) -> ApplicantFacts:
    """Play the form: ask questions_needed()[0] until nothing is left."""
    for _ in range(20):
        asked = questions_needed(applicant)
        if not asked:
            return applicant
        applicant = applicant.with_answer(asked[0], reply)
    raise AssertionError("the questions never end")


@pytest.mark.parametrize("family", list(OrgFamily))
def test_form_walk_yes_to_everything(family):
    verdict = evaluate(walk(ApplicantFacts(family=family), True), CALL)
    assert verdict.outcome == ("not_eligible" if family in EXCLUDED else "eligible")


@pytest.mark.parametrize("family", list(OrgFamily))
def test_form_walk_vet_ikke_to_everything(family):
    applicant = walk(ApplicantFacts(family=family), None)
    verdict = evaluate(applicant, CALL)
    expected = "not_eligible" if family in EXCLUDED else "eligible" if family in COVERED \
        else "uncertain"
    assert verdict.outcome == expected
    if expected == "uncertain":
        assert verdict.settle and all(q in SETTLE.values() for q in verdict.settle)


# --- ApplicantFacts helpers --------------------------------------------------------------------

def test_facts_from_registry_entry():
    entry = RegistryEntry.from_json(fixture_json("991000305"))
    applicant = ApplicantFacts.from_registry(entry, general_interest=True)
    assert applicant.family is F.HEALTH_TRUST
    assert applicant.name == "HELSE TESTVIK HF" and applicant.orgnr == "991000305"
    assert applicant.sektorkode == "6100" and applicant.orgform == "SÆR"
    verdict = evaluate(applicant, CALL)
    assert verdict.outcome == "eligible"
    assert "HELSE TESTVIK HF er registrert i Enhetsregisteret som særlovsselskap (SÆR)." \
        in verdict.summary()


def test_facts_from_mapping_accepts_slot_values():
    applicant = ApplicantFacts.from_mapping({"family": "MUNICIPALITY", "challenge": True,
                                             "requested_slot": "challenge"})
    assert applicant.family is F.MUNICIPALITY and applicant.challenge is True
    assert ApplicantFacts.from_mapping({"family": "health_trust"}).family is F.HEALTH_TRUST
    assert ApplicantFacts.from_mapping({"family": "KOMM"}).family is F.MUNICIPALITY
    assert ApplicantFacts.from_mapping({"family": "noe rart"}).family is F.UNKNOWN


def test_with_answer_family_and_bad_field():
    applicant = ApplicantFacts().with_answer("family", None)
    assert applicant.family is F.UNKNOWN
    assert questions_needed(applicant)[:3] == list(HARD_FIELDS)
    with pytest.raises(KeyError):
        ApplicantFacts().with_answer("orgnr", True)


# --- family_from_registry: form code plus sector code (R7) -----------------------------------

REGISTRY_FAMILIES = [
    ("KOMM", "6500", F.MUNICIPALITY), ("FYLK", "6500", F.COUNTY), ("STAT", "6100", F.STATE),
    ("ORGL", "6100", F.STATE_AGENCY), ("ORGL", "6500", F.STATE_AGENCY), ("ADOS", None, F.STATE_AGENCY),
    ("KF", "6500", F.MUNICIPAL_ENTERPRISE), ("FKF", "6500", F.MUNICIPAL_ENTERPRISE),
    ("IKS", "6500", F.INTERMUNICIPAL), ("SF", "1110", F.STATE_ENTERPRISE),
    ("SÆR", "6100", F.HEALTH_TRUST), ("STI", "7000", F.FOUNDATION), ("FLI", "7000", F.ASSOCIATION),
    ("ANNA", None, F.ASSOCIATION), ("AS", "2100", F.COMPANY), ("AS", None, F.COMPANY),
    ("AS", "6100", F.PUBLIC_COMPANY), ("AS", "6500", F.PUBLIC_COMPANY), ("AS", "1520", F.PUBLIC_COMPANY),
    ("ASA", "1120", F.PUBLIC_COMPANY), ("ASA", "2100", F.COMPANY), ("ENK", "8200", F.SOLE_TRADER),
    ("ANS", "2100", F.COMPANY), ("DA", "2100", F.COMPANY), ("NUF", None, F.COMPANY),
    ("BRL", "2500", F.UNKNOWN), ("kf", None, F.MUNICIPAL_ENTERPRISE), (None, "6500", F.UNKNOWN),
]


@pytest.mark.parametrize("code, sector, family", REGISTRY_FAMILIES)
def test_family_from_codes(code, sector, family):
    assert family_from_codes(code, sector) is family


@pytest.mark.parametrize("number, family", [
    ("991000100", F.MUNICIPALITY), ("991001301", F.COUNTY), ("991001603", F.STATE_AGENCY),
    ("991000208", F.INTERMUNICIPAL), ("991000305", F.HEALTH_TRUST), ("991000402", F.SOLE_TRADER),
    ("991000607", F.COMPANY), ("991000704", F.PUBLIC_COMPANY), ("991000801", F.FOUNDATION),
    ("991002006", F.MUNICIPAL_ENTERPRISE), ("991002103", F.STATE_ENTERPRISE),
])
def test_family_from_registry_fixtures(number, family):
    assert family_from_registry(RegistryEntry.from_json(fixture_json(number))) is family


def test_family_from_registry_none():
    assert family_from_registry(None) is F.UNKNOWN


# --- family_from_text: bokmål, nynorsk, no æøå, typos, English -------------------------------

TEXT_FAMILIES = [
    # the phrasings in the issue
    ("Vi er Vefsn kommune", F.MUNICIPALITY),
    ("jeg jobber i Skatteetaten", F.STATE_AGENCY),
    ("me er ein kommune", F.MUNICIPALITY),
    ("fylkeskommunen", F.COUNTY),
    ("et helseforetak", F.HEALTH_TRUST),
    ("vi er et AS", F.COMPANY),
    ("enkeltpersonforetak", F.SOLE_TRADER),
    ("jeg er privatperson", F.PRIVATE_PERSON),
    ("Helse Nord RHF", F.HEALTH_TRUST),
    ("Nav", F.STATE_AGENCY),
    ("direktoratet", F.STATE_AGENCY),
    ("interkommunalt selskap", F.INTERMUNICIPAL),
    ("kommunalt foretak", F.MUNICIPAL_ENTERPRISE),
    ("stiftelse", F.FOUNDATION),
    ("universitetet", F.STATE),
    ("sykehuset", F.HEALTH_TRUST),
    ("kommuen", F.MUNICIPALITY),
    ("fylkeskommuna", F.COUNTY),
    ("helseføretak", F.HEALTH_TRUST),
    ("sjolstendig naeringsdrivende", F.SOLE_TRADER),
    # bokmål
    ("Jeg er ansatt i Bodø kommune", F.MUNICIPALITY),
    ("Vi er en kommune i Nordland fylke", F.MUNICIPALITY),
    ("bydel Frogner", F.MUNICIPALITY),
    ("Vi er et fylkeskommunalt foretak", F.MUNICIPAL_ENTERPRISE),
    ("Statens vegvesen", F.STATE_AGENCY),
    ("Helsedirektoratet", F.STATE_AGENCY),
    ("Arbeidstilsynet", F.STATE_AGENCY),
    ("statsforvalteren", F.STATE_AGENCY),
    ("departementet", F.STATE),
    ("jeg jobber på Universitetet i Oslo", F.STATE),
    ("Oslo universitetssykehus HF", F.HEALTH_TRUST),
    ("Sykehuset Innlandet HF", F.HEALTH_TRUST),
    ("vi jobber i Helse Sør-Øst", F.HEALTH_TRUST),
    ("Vi er et statsforetak", F.STATE_ENTERPRISE),
    ("Vi er et statlig foretak", F.STATE_ENTERPRISE),
    ("et AS eid av kommunen", F.PUBLIC_COMPANY),
    ("Vi er et AS der kommunen eier alle aksjene.", F.PUBLIC_COMPANY),
    ("vi er eit AS som kommunen eig", F.PUBLIC_COMPANY),
    ("et selskap som fylkeskommunen og staten eier", F.PUBLIC_COMPANY),
    ("Kommunen eier oss, vi er et aksjeselskap", F.PUBLIC_COMPANY),
    ("Vi er et offentlig eid selskap", F.PUBLIC_COMPANY),
    ("heleid av staten", F.PUBLIC_COMPANY),
    ("vi er ei forening", F.ASSOCIATION),
    ("et idrettslag", F.ASSOCIATION),
    ("Vi er en frivillig organisasjon", F.ASSOCIATION),
    ("Vi er ANNA", F.ASSOCIATION),
    ("Jeg jobber i et IKS", F.INTERMUNICIPAL),
    ("vi er en bedrift som samarbeider med kommunen", F.COMPANY),
    ("Vi leverer til kommunen og er et AS", F.COMPANY),
    ("Vi er leverandør til kommunen", F.COMPANY),
    ("privateid AS", F.COMPANY),
    ("Vi er ANS", F.COMPANY),
    ("vi driver et firma", F.COMPANY),
    ("Vi er et konsulentselskap", F.COMPANY),
    ("selvstendig næringsdrivende", F.SOLE_TRADER),
    ("ENK", F.SOLE_TRADER),
    ("frilanser", F.SOLE_TRADER),
    ("jeg er innbygger", F.PRIVATE_PERSON),
    ("Vi er en virksomhet i staten", F.STATE),
    # nynorsk
    ("Eg jobbar i fylkeskommunen", F.COUNTY),
    ("vi er ein kommune i Vestland", F.MUNICIPALITY),
    ("kommunane", F.MUNICIPALITY),
    ("vi er eit kommunalt eigd aksjeselskap", F.PUBLIC_COMPANY),
    ("vi er ein statleg verksemd", F.STATE),
    ("sjukehuset", F.HEALTH_TRUST),
    ("høgskulen", F.STATE),
    ("stiftinga", F.FOUNDATION),
    ("me er ei foreining", F.ASSOCIATION),
    ("sjølstendig næringsdrivande", F.SOLE_TRADER),
    ("innbyggar", F.PRIVATE_PERSON),
    # no æøå, lower case, typos
    ("hogskolen", F.STATE),
    ("naringsdrivende", F.SOLE_TRADER),
    ("komune", F.MUNICIPALITY),
    ("fylkeskomune", F.COUNTY),
    ("helsforetak", F.HEALTH_TRUST),
    ("skateetaten", F.STATE_AGENCY),
    ("interkomunalt selskap", F.INTERMUNICIPAL),
    ("direktoratett", F.STATE_AGENCY),
    ("vi er en kommne", F.MUNICIPALITY),
    ("NAV-kontoret", F.STATE_AGENCY),
    # English
    ("we are a municipality", F.MUNICIPALITY),
    ("as a municipality we wonder", F.MUNICIPALITY),
    ("county council", F.COUNTY),
    ("government agency", F.STATE_AGENCY),
    ("Ministry of Health", F.STATE),
    ("we are a hospital", F.HEALTH_TRUST),
    ("a health trust", F.HEALTH_TRUST),
    ("we are a foundation", F.FOUNDATION),
    ("We are a state-owned company", F.PUBLIC_COMPANY),
    ("we are a municipal enterprise", F.MUNICIPAL_ENTERPRISE),
    ("we are an intermunicipal company", F.INTERMUNICIPAL),
    ("we are a company", F.COMPANY),
    ("sole trader", F.SOLE_TRADER),
    ("I'm self-employed", F.SOLE_TRADER),
    ("I am a private person", F.PRIVATE_PERSON),
    ("non-profit association", F.ASSOCIATION),
    # named bodies: "Helse <place>", agencies known by name, private colleges
    ("Helse Bergen HF", F.HEALTH_TRUST),
    ("Kan Helse Førde søkje?", F.HEALTH_TRUST),
    ("helse og omsorg i kommunen", F.MUNICIPALITY),
    ("Kartverket", F.STATE_AGENCY),
    ("vi er Sivilforsvaret", F.STATE_AGENCY),
    ("Statsforvaltaren i Vestland", F.STATE_AGENCY),
    ("en privat høgskole", F.FOUNDATION),
    # denied ownership, a company one works with
    ("Vi er et AS. Kommunen eier ingenting i oss, men vi drifter SFO for dem", F.COMPANY),
    ("vi er et AS, ikke eid av kommunen", F.COMPANY),
]


@pytest.mark.parametrize("text, family", TEXT_FAMILIES, ids=[t for t, _ in TEXT_FAMILIES])
def test_family_from_text(text, family):
    assert family_from_text(text) is family


@pytest.mark.parametrize("text", [
    "", "   ", None, "hei", "kan vi søke?", "Jeg heter Anna", "da er vi klare",
    "vi er en offentlig virksomhet", "det offentlige", "974 760 673", "hva er fristen?",
    "kommunestyret", "as soon as possible",
])
def test_family_from_text_returns_none_when_nothing_recognisable(text):
    assert family_from_text(text) is None


def test_at_least_30_text_phrasings():
    assert len(TEXT_FAMILIES) >= 30


def test_text_and_registry_agree_on_each_family():
    """Every family the rules know can be reached from text (UNKNOWN is set by the form)."""
    reached = {family for _, family in TEXT_FAMILIES}
    assert reached == set(OrgFamily) - {OrgFamily.UNKNOWN}


@pytest.mark.parametrize("text", [
    "We are an inter-municipal company owned by six municipalities",
    "vi er et inter-kommunalt selskap",
])
def test_hyphenated_intermunicipal(text):
    assert family_from_text(text) == OrgFamily.INTERMUNICIPAL


@pytest.mark.parametrize("family", sorted(COVERED, key=lambda f: f.value))
def test_r9_a_covered_family_that_says_not_covered_is_not_told_it_is_covered(family):
    verdict = evaluate(ApplicantFacts(family=family, covered_by_procurement=False), CALL)
    text = verdict.summary()
    assert verdict.outcome == "uncertain"
    assert "er omfattet av anskaffelsesloven" not in text and "Dere omfattes av" not in text
    assert "omfattes normalt av anskaffelsesregelverket (anskaffelsesloven § 2)" in text
    assert "Dere sier at dere ikke omfattes" in text
    assert verdict.settle == [SETTLE["covered_by_procurement"]]
    assert "covered_by_procurement" not in questions_needed(
        ApplicantFacts(family=family, covered_by_procurement=False))
