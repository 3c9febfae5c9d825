"""The rules (R1-R13) and the verdict: what is known about the applicant, what to ask next, and
the answer. The rules are listed, with their sources, in ``veileder/eligibility/__init__.py`` and
docs/eligibility-rules.md.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import (TYPE_CHECKING, Dict, FrozenSet, List, Mapping, Optional,
                    Tuple)

from veileder.deadline import deadline_sentence, passed_clause
from veileder.eligibility.families import (
    CASE_BY_CASE,
    COVERED,
    EXCLUDED,
    PUBLIC_ADMINISTRATION_SECTORS,
    OrgFamily,
    coerce_family,
    family_from_registry,
)
from veileder.eligibility import wording_reasons as W
from veileder.eligibility.wording import (
    COVERED_WHY,
    DEPENDS_FUNDING,
    DEPENDS_NAMES,
    DEPENDS_OFFER,
    DEPENDS_OPENING,
    DEPENDS_TESTS,
    FACT_TEXT,
    FAMILY_LABELS,
    OPENINGS,
    OPENINGS_AFTER_DEADLINE,
    OVERRIDE_TEXT,
    conflict_text,
    existing_solution_gap,
    PROJECT_OPENING,
    SETTLE,
    SOFT_CRITERIA,
    SOURCE,
)
from veileder.norsk import bullet_list, join_words
from veileder.orgnr import PUBLIC_ADMINISTRATION_SECTORS as SECTOR_NAMES

if TYPE_CHECKING:  # pragma: no cover
    from veileder.call import Call
    from veileder.orgnr import RegistryEntry


# --------------------------------------------------------------------------------------------
# Facts and questions
# --------------------------------------------------------------------------------------------

HARD_FIELDS = ("publicly_funded", "public_tasks", "covered_by_procurement")
TEST_FIELDS = ("general_interest", "separate_legal_person", "public_control")
SOFT_FIELDS = ("challenge", "no_market_solution", "top_management", "market_potential",
               "collaboration")
ANSWER_FIELDS = HARD_FIELDS + TEST_FIELDS + SOFT_FIELDS


@dataclass(frozen=True)
class ApplicantFacts:
    family: Optional[OrgFamily] = None
    name: Optional[str] = None
    # hard rules (R1)
    publicly_funded: Optional[bool] = None
    public_tasks: Optional[bool] = None
    covered_by_procurement: Optional[bool] = None
    # the three tests of a body governed by public law (R4)
    general_interest: Optional[bool] = None
    separate_legal_person: Optional[bool] = None
    public_control: Optional[bool] = None
    # soft criteria (R11)
    challenge: Optional[bool] = None
    no_market_solution: Optional[bool] = None
    top_management: Optional[bool] = None
    market_potential: Optional[bool] = None
    collaboration: Optional[bool] = None
    # from Enhetsregisteret (R7, R12)
    orgnr: Optional[str] = None
    orgform: Optional[str] = None
    orgform_beskrivelse: Optional[str] = None
    sektorkode: Optional[str] = None
    konkurs: bool = False
    under_avvikling: bool = False
    under_tvangsavvikling: bool = False
    #: fields the applicant was asked and could not answer ("vet ikke")
    unknown: FrozenSet[str] = frozenset()

    def __post_init__(self) -> None:
        if isinstance(self.family, str) and not isinstance(self.family, OrgFamily):
            object.__setattr__(self, "family", coerce_family(self.family))
        object.__setattr__(self, "unknown", frozenset(self.unknown or ()))

    def with_answer(self, name: str, value: Optional[bool]) -> "ApplicantFacts":
        """A copy with one answer; ``None`` records "vet ikke" so it is not asked again."""
        if name == "family":
            family = coerce_family(value) if value is not None else OrgFamily.UNKNOWN
            return dataclasses.replace(self, family=family, unknown=self.unknown - {"family"})
        if name not in ANSWER_FIELDS:
            raise KeyError(name)
        unknown = self.unknown | {name} if value is None else self.unknown - {name}
        return dataclasses.replace(self, **{name: value}, unknown=unknown)

    @classmethod
    def from_registry(cls, entry: "RegistryEntry", **answers: object) -> "ApplicantFacts":
        """Facts from a register entry (family, name, codes, status flags) plus answers."""
        base = dict(
            family=family_from_registry(entry), name=entry.navn, orgnr=entry.orgnr,
            orgform=entry.orgform, orgform_beskrivelse=entry.orgform_beskrivelse,
            sektorkode=entry.sektorkode, konkurs=entry.konkurs,
            under_avvikling=entry.under_avvikling,
            under_tvangsavvikling=entry.under_tvangsavvikling,
        )
        base.update(answers)
        return cls(**base)

    @classmethod
    def from_mapping(cls, data: Mapping[str, object]) -> "ApplicantFacts":
        """From a mapping such as form slots; unknown keys are ignored."""
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass(frozen=True)
class _Resolved:
    """Effective values after R3-R9, with where each came from."""
    values: Dict[str, Optional[bool]]
    source: Dict[str, str]  # "svar", "familie", "sektorkode", "avledet", "konflikt"
    path: Tuple[str, ...]   # the fields the rules ask for, in order (hard part only)
    #: hard conditions the family implies and the applicant denies (R9): left open, to settle
    conflicts: Tuple[str, ...] = ()

    def __getitem__(self, name: str) -> Optional[bool]:
        return self.values.get(name)


def _family(facts: ApplicantFacts) -> Optional[OrgFamily]:
    """The family; "vet ikke" to the family question means UNKNOWN, not yet asked means None."""
    if facts.family is None:
        return OrgFamily.UNKNOWN if "family" in facts.unknown else None
    return facts.family


def _resolve(facts: ApplicantFacts) -> _Resolved:
    family = _family(facts)
    values: Dict[str, Optional[bool]] = {}
    source: Dict[str, str] = {}

    def given(name: str) -> Optional[bool]:
        return getattr(facts, name)

    for name in ANSWER_FIELDS:
        if given(name) is not None:
            values[name], source[name] = given(name), "svar"

    def derive(name: str, value: Optional[bool], why: str) -> None:
        if value is not None and values.get(name) is None:
            values[name], source[name] = value, why

    public_sector = facts.sektorkode in PUBLIC_ADMINISTRATION_SECTORS
    conflicts: Tuple[str, ...] = ()
    if family in COVERED:                                   # R3
        # R9: "we are a municipality" and "we are not covered" cannot both hold as they stand;
        # neither wins, the verdict names both and the question to settle.
        conflicts = tuple(n for n in HARD_FIELDS if given(n) is False)
        for name in HARD_FIELDS:
            derive(name, True, "familie")
    if family in CASE_BY_CASE:                              # R5
        derive("separate_legal_person", True, "familie")
    if public_sector and family not in EXCLUDED:            # R7
        derive("publicly_funded", True, "sektorkode")
        derive("public_control", True, "sektorkode")
    if values.get("publicly_funded") is True:               # R6
        derive("public_control", True, "avledet")
    if values.get("general_interest") is True:              # R6
        derive("public_tasks", True, "avledet")
    tests = [values.get(t) for t in TEST_FIELDS]
    if any(t is False for t in tests) and family in CASE_BY_CASE:
        # R4: for these forms the tests decide coverage, even against a "yes, covered" answer
        values["covered_by_procurement"], source["covered_by_procurement"] = False, "avledet"
    elif all(t is True for t in tests):                     # R4
        derive("covered_by_procurement", True, "avledet")
    elif any(t is False for t in tests) and family is not None and family not in COVERED:
        derive("covered_by_procurement", False, "avledet")  # R8: unknown form, via the tests

    for name in conflicts:
        values[name], source[name] = None, "konflikt"

    # The hard path: the fields the rules ask for, in order (R3, R4, R5, R8).
    if family is None:
        path: Tuple[str, ...] = ("family",)
    elif family in EXCLUDED:
        path = ()
    elif family in COVERED:
        path = HARD_FIELDS
    elif family in CASE_BY_CASE:
        # Test 2 follows from the form (R5); public_tasks follows from test 1 and coverage from
        # the three tests (R4, R6), so they are asked only through the tests.
        path = ("general_interest", "publicly_funded", "public_control")
    else:  # UNKNOWN (R8)
        path = HARD_FIELDS
        if facts.covered_by_procurement is None and (
                "covered_by_procurement" in facts.unknown or any(t is not None for t in tests)):
            path = HARD_FIELDS + TEST_FIELDS
    return _Resolved(values, source, path, conflicts)


#: The hard conditions each test helps to settle; a test is not asked once they are settled.
_FEEDS: Dict[str, Tuple[str, ...]] = {
    "general_interest": ("public_tasks", "covered_by_procurement"),
    "separate_legal_person": ("covered_by_procurement",),
    "public_control": ("covered_by_procurement",),
}


def _hard_failed(family: Optional[OrgFamily], r: _Resolved) -> bool:
    """A hard rule has decided against the applicant (R1, R2; a failed test via coverage)."""
    return family in EXCLUDED or any(r[name] is False for name in HARD_FIELDS)


def _open_fields(facts: ApplicantFacts) -> List[str]:
    """Every field still open along the path, "vet ikke" included, early stop applied."""
    family = _family(facts)
    r = _resolve(facts)
    if family is None:
        return ["family"]
    if _hard_failed(family, r):
        return []
    open_ = [name for name in r.path if r[name] is None and name not in r.conflicts and not (
        name in _FEEDS and all(r[h] is not None for h in _FEEDS[name]))]
    open_.extend(name for name in SOFT_FIELDS if getattr(facts, name) is None)
    return open_


def questions_needed(facts: ApplicantFacts) -> List[str]:
    """The fields to ask next, in order; ``QUESTIONS[name]`` is the question to ask.

    Never asks what the family or the register settles, nor what the applicant has already
    answered "vet ikke" to; empty once a hard rule has decided against the applicant.
    """
    return [name for name in _open_fields(facts) if name not in facts.unknown]


def verdict_questions(facts: ApplicantFacts) -> List[str]:
    """The questions the verdict needs (who is asking, the conditions, the tests): the check
    asks these, and gives the verdict as soon as none is left."""
    return [name for name in questions_needed(facts) if name not in SOFT_FIELDS]


def project_questions(facts: ApplicantFacts) -> List[str]:
    """The project questions (R11) still open; asked only after the verdict, when wanted, and
    never to an applicant a hard rule has excluded."""
    return [name for name in questions_needed(facts) if name in SOFT_FIELDS]


def depends_answer(family: OrgFamily, call: "Call", lang: str = "nb") -> str:
    """What a case-by-case family's eligibility depends on (R4-R6), briefly: "Kan helseforetak
    søke?" asked about no one in particular."""
    if family in DEPENDS_NAMES:
        label, plural = (name(lang) for name in DEPENDS_NAMES[family])
    else:
        plural = FAMILY_LABELS[family](lang)
        label = plural[:1].upper() + plural[1:]
    tests = [test(lang) for test in DEPENDS_TESTS]
    return "\n\n".join([
        DEPENDS_OPENING.format(lang, label=label, plural=plural) + "\n" + bullet_list(tests),
        f"{DEPENDS_FUNDING(lang)} {DEPENDS_OFFER(lang)}",
        SOURCE.format(lang, url=call.kilde.url),
    ])


# --------------------------------------------------------------------------------------------
# Verdict
# --------------------------------------------------------------------------------------------

@dataclass
class Verdict:
    outcome: str
    reasons: List[str] = field(default_factory=list)
    strengths: List[str] = field(default_factory=list)
    gaps: List[str] = field(default_factory=list)
    advice: List[str] = field(default_factory=list)
    missing: List[str] = field(default_factory=list)
    settle: List[str] = field(default_factory=list)
    deadline: Optional[str] = None
    #: "fristen gikk ut …" once the deadline has passed: then it is part of the first sentence
    deadline_passed: Optional[str] = None
    #: the written standard of the texts: "nb", "nn" or "en"
    lang: str = "nb"

    @property
    def opening(self) -> str:
        """The first sentence: the plain answer and, once it has passed, the deadline (R13)."""
        if self.deadline_passed:
            return OPENINGS_AFTER_DEADLINE[self.outcome].format(self.lang,
                                                                deadline=self.deadline_passed)
        return OPENINGS[self.outcome](self.lang)

    def _criteria_parts(self) -> List[str]:
        parts = []
        if self.strengths:
            parts.append(W.STRENGTHS(self.lang) + "\n" + bullet_list(self.strengths))
        if self.gaps:
            parts.append(W.GAPS(self.lang) + "\n" + bullet_list(self.gaps))
        return parts

    def summary(self) -> str:
        parts = [self.opening]
        if self.reasons:
            parts.append(" ".join(self.reasons))
        parts.extend(self._criteria_parts())
        if self.deadline and not self.deadline_passed:  # a passed deadline opens the answer
            parts.append(self.deadline)
        if self.advice:
            parts.append(W.NEXT_STEPS(self.lang) + "\n" + bullet_list(self.advice))
        return "\n\n".join(parts)

    def project_summary(self) -> str:
        """The project check's answer: the strengths and gaps of the project (R11), then the
        next steps; the verdict itself was given before."""
        parts = [PROJECT_OPENING(self.lang)] + self._criteria_parts()
        if self.advice:
            parts.append(W.NEXT_STEPS(self.lang) + "\n" + bullet_list(self.advice))
        return "\n\n".join(parts)


def _criterion_name(call: "Call", criterion_id: str) -> Optional[str]:
    try:
        return call.criterion(criterion_id).navn
    except KeyError:
        return None


def _conditions(call: "Call", lang: str = "nb") -> str:
    """'er offentlig finansiert, forvalter offentlige oppgaver og omfattes av ...' (call file)."""
    return join_words([v.strip().rstrip(".") for v in call.hvem_kan_soke.vilkar],
                      last=W.AND(lang))


def _contact(call: "Call") -> str:
    return f"{call.kontakt.navn} ({call.kontakt.url})"


def _sector_sentence(facts: ApplicantFacts, lang: str = "nb") -> Optional[str]:
    if facts.sektorkode in SECTOR_NAMES:
        return W.SECTOR.format(lang, sector=SECTOR_NAMES[facts.sektorkode],
                               code=facts.sektorkode)
    return None


def evaluate(facts: ApplicantFacts, call: "Call", deadline_message: Optional[str] = None, *,
             deadline_passed: Optional[bool] = None, lang: str = "nb") -> Verdict:
    """The verdict for what is known about the applicant, against the given call.

    ``deadline_message`` is the deadline status sentence (from the deadline module) and goes
    into the summary as it is; ``deadline_passed=True`` turns "send the sketch" into "the
    deadline has passed" in the advice (R13). The texts are in ``lang`` ("nb", "nn", "en"),
    the call's own texts from its section in that standard (``Call.in_language``).
    """
    call = call.in_language(lang)
    family = _family(facts)
    r = _resolve(facts)
    reasons = _who_reasons(facts, family, lang)

    def finish(verdict: Verdict) -> Verdict:
        verdict.lang = lang
        return _finish(verdict, facts, call, deadline_message, deadline_passed, lang)

    if family in EXCLUDED:                                                  # R2
        reasons.append(call.hvem_kan_soke.kan_ikke)
        return finish(Verdict("not_eligible", reasons, advice=_take_part_advice(call, lang)))

    if family is None:
        reasons.append(W.FAMILY_UNKNOWN(lang))
        return finish(Verdict("uncertain", reasons, advice=[W.TELL_FAMILY(lang)]))

    reasons.extend(_rule_reasons(family, r, call, lang))

    if _hard_failed(family, r):                                             # R1, R4
        advice: List[str] = []
        if r["separate_legal_person"] is False and family not in COVERED:
            advice.append(W.PART_OF(lang))
        reasons.append(W.CALL_SAYS.format(lang, text=call.hvem_kan_soke.kan))
        advice.extend(_take_part_advice(call, lang))
        advice.append(W.IF_WRONG.format(lang, contact=_contact(call)))
        return finish(Verdict("not_eligible", reasons, advice=advice))

    if any(r[name] is None for name in HARD_FIELDS):                        # R9, R10
        open_hard = list(r.conflicts) + [n for n in _open_fields(facts) if n not in SOFT_FIELDS]
        if not open_hard:  # pragma: no cover - every None hard field lies on the path
            open_hard = [n for n in HARD_FIELDS if r[n] is None]
        settle = [SETTLE[n](lang) for n in open_hard]
        advice = [W.ASK_ABOUT.format(lang, contact=_contact(call))] + [f"«{q}»" for q in settle]
        if any(n not in facts.unknown and n not in r.conflicts for n in open_hard):
            advice.append(W.OR_ANSWER(lang))
        missing = _open_fields(facts) or open_hard
        return finish(Verdict("uncertain", reasons, advice=advice, missing=missing,
                              settle=settle))

    if not (family in COVERED and all(r.source.get(n) == "familie" for n in HARD_FIELDS)):
        reasons.append(W.THUS_MEETS.format(lang, conditions=_conditions(call, lang)))
    return finish(Verdict("eligible", reasons))


def _who_reasons(facts: ApplicantFacts, family: Optional[OrgFamily],
                 lang: str = "nb") -> List[str]:
    """Who the applicant is, from the register and the family; register status (R12)."""
    reasons: List[str] = []
    if facts.orgform:
        described = (facts.orgform_beskrivelse or facts.orgform).lower()
        if facts.name:
            reasons.append(W.REGISTERED.format(lang, subject=facts.name, described=described,
                                               orgform=facts.orgform))
        else:
            reasons.append(W.YOU_REGISTERED.format(lang, described=described,
                                                   orgform=facts.orgform))
        sector = _sector_sentence(facts, lang)
        if sector:
            reasons.append(sector)
    if family not in (None, OrgFamily.UNKNOWN) and (not facts.orgform or family in (
            OrgFamily.PUBLIC_COMPANY, OrgFamily.COMPANY)):
        reasons.append(W.YOU_ARE.format(lang, label=FAMILY_LABELS[family](lang)))
    flags = [text(lang) for flag, text in zip(
        (facts.konkurs, facts.under_avvikling, facts.under_tvangsavvikling), W.FLAGS) if flag]
    if flags:
        name = facts.name or W.THE_ORGANISATION(lang)
        reasons.append(W.REGISTER_SHOWS.format(lang, name=name,
                                               flags=join_words(flags, last=W.AND(lang))))
    return reasons


def _rule_reasons(family: OrgFamily, r: _Resolved, call: "Call", lang: str = "nb") -> List[str]:
    """The reasons from the rules, in the order they decide; the first failure ends them."""
    reasons: List[str] = []
    if family in COVERED and "covered_by_procurement" not in r.conflicts:
        reasons.append(COVERED_WHY[family](lang))
        if all(r.source.get(n) == "familie" for n in HARD_FIELDS):
            reasons.append(W.YOU_CONDITIONS.format(lang, conditions=_conditions(call, lang)))
            return reasons
    if family in CASE_BY_CASE:
        reasons.append(W.CASE_BY_CASE_WHY(lang))
        order = ["general_interest", "separate_legal_person", "publicly_funded",
                 "public_control", "=tests", "public_tasks"]
    elif family in COVERED:
        order = list(HARD_FIELDS)
    elif "general_interest" in r.path:  # UNKNOWN, asked the tests (R8)
        order = ["publicly_funded", "public_tasks", "general_interest", "separate_legal_person",
                 "public_control", "=tests"]
    else:
        order = list(HARD_FIELDS)
    lines: List[Tuple[str, Optional[bool]]] = []
    for name in order:
        if name == "=tests":
            if all(r[t] is True for t in TEST_FIELDS):
                lines.append((W.TESTS_MET(lang), True))
            continue
        value = r[name]
        if value is True and r.source.get(name) == "familie":
            continue  # follows from the form
        if value is True and name == "public_tasks" and r.source.get(name) == "avledet":
            continue  # test 1 says it
        if value is None and name == "public_tasks" and r["general_interest"] is None and \
                "general_interest" in order:
            continue  # the open test 1 says it
        if name in r.conflicts:  # R9: the family says yes, the applicant no: name both
            lines.append((conflict_text(family, name, lang), None))
            continue
        if value is False and family in COVERED and r.source.get(name) == "svar":
            lines.append((OVERRIDE_TEXT[name](lang), False))  # pragma: no cover - a conflict
        elif value is True and name == "public_control" and r.source.get(name) == "avledet":
            lines.append((W.CONTROL_FOLLOWS(lang), True))
        else:
            lines.append((FACT_TEXT[name][_index(value)](lang), value))
        if value is False:
            if name in TEST_FIELDS:
                lines.append((W.TEST_FAILED(lang), False))
            # a "no" decides: what we do not know no longer matters
            lines = [(text, v) for text, v in lines if v is not None]
            break
    reasons.extend(text for text, _ in lines)
    return reasons


def _index(value: Optional[bool]) -> int:
    return 0 if value is True else 1 if value is False else 2


def _take_part_advice(call: "Call", lang: str = "nb") -> List[str]:
    return [W.TAKE_PART(lang), call.formal.innovasjonspartnerskap]


def _finish(verdict: Verdict, facts: ApplicantFacts, call: "Call",
            deadline_message: Optional[str], deadline_passed: Optional[bool],
            lang: str = "nb") -> Verdict:
    """Add soft criteria, missing facts, register status advice and the deadline."""
    verdict.missing = verdict.missing or _open_fields(facts)
    if facts.konkurs or facts.under_avvikling or facts.under_tvangsavvikling:
        verdict.advice.insert(0, W.REGISTER_STATUS.format(lang, contact=_contact(call)))
    verdict.deadline = deadline_message
    if deadline_passed:
        verdict.deadline_passed = passed_clause(call, lang=lang)
    if verdict.outcome == "not_eligible":
        return verdict

    answered = {SOFT_CRITERIA[n][0] for n in SOFT_FIELDS if getattr(facts, n) is not None}
    unanswered: List[str] = []
    for name in SOFT_FIELDS:
        criterion_id, yes, no = SOFT_CRITERIA[name]
        label = _criterion_name(call, criterion_id)
        prefix = f"{label}: " if label else ""
        value = getattr(facts, name)
        if value is True:
            verdict.strengths.append(prefix + yes(lang))
        elif value is False:
            text = prefix + no(lang)
            if name == "challenge":
                text += f" {call.gevinstpotensial}"
            elif name == "no_market_solution":  # buying what exists does not fit
                text += f" {existing_solution_gap(call, lang)}"
            verdict.gaps.append(text)
        elif label and label not in unanswered and criterion_id not in answered:
            unanswered.append(label)

    steps: List[str] = []
    if verdict.gaps and not deadline_passed:
        steps.append(W.STRENGTHEN(lang))
    if unanswered and verdict.outcome == "eligible" and not deadline_passed:
        steps.append(W.CONSIDER.format(lang, criteria=join_words(unanswered,
                                                                 last=W.AND(lang))))
    if verdict.outcome == "eligible":
        if deadline_passed:
            steps.append(W.DEADLINE_OVER.format(lang, contact=_contact(call)))
        else:
            steps.append(W.SEND_IN.format(lang, what=call.frist.hva))
            if deadline_message is None:
                steps.append(deadline_sentence(call, lang=lang))
    if verdict.outcome == "eligible":
        steps.append(W.QUESTIONS_CONTACT.format(lang, contact=_contact(call)))
    verdict.advice.extend(steps)
    return verdict
