import pytest

from veileder import input_check as ic

CASES = [
    ("", ic.EMPTY), ("   \n\t ", ic.EMPTY), (None, ic.EMPTY),
    ("x" * 10_000, ic.TOO_LONG), ("hvem kan søke? " * 200, ic.TOO_LONG),
    ("😀", ic.NO_WORDS), ("👍👍👍", ic.NO_WORDS), ("???", ic.NO_WORDS), ("...!!!", ic.NO_WORDS),
    ("<script>alert(1)</script>", ic.MARKUP), ("<b>hei</b>", ic.MARKUP),
    ("<img src=x onerror=alert(1)>", ic.MARKUP), ("javascript:alert(1)", ic.MARKUP),
    ("Кто может подать заявку?", ic.OTHER_SCRIPT), ("من يمكنه التقديم؟", ic.OTHER_SCRIPT),
    ("谁可以申请？", ic.OTHER_SCRIPT),
    ("hvem kan søke?", None), ("kven kan søkje", None), ("who can apply", None),
    ("frist 16.04.2020 kl 17", None), ("beløp < 1 million?", None), ("1234", None),
    ("Hei 😀 hvem kan søke?", None), ("Kan Ålesund kommune søke?", None),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_problem(text, expected):
    assert ic.problem(text) == expected


def test_every_problem_has_an_intent_and_an_answer():
    kinds = {ic.EMPTY, ic.TOO_LONG, ic.NO_WORDS, ic.MARKUP, ic.OTHER_SCRIPT}
    assert set(ic.INTENT_FOR_PROBLEM) == kinds == set(ic.ANSWERS)
    assert all(len(a) < 300 for a in ic.ANSWERS.values())


@pytest.mark.parametrize("text,expected", [
    ("/affirm", "/affirm"), ("/check_eligibility", "/check_eligibility"),
    ("/out_of_scope", "/out_of_scope"), ("/restart", "/restart"),
    ("/unknown_intent", "unknown intent"), ("/foo{\"x\": 1}", "foo{\"x\": 1}"),
    ("hei", "hei"), ("", ""), ("1/2 av kommunene", "1/2 av kommunene"),
])
def test_the_rest_channel_guards_intent_messages(text, expected):
    from components.channels import guard_intent_message
    assert guard_intent_message(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Hei, jeg jobber i Tromsø kommune. Hvor mye kan vi få?", True),
    ("Hei! Hvem kan søke?", True),
    ("Takk! Og når er fristen?", True),
    ("Hallo du, kva er fristen for skissa", True),
    ("Good morning", False), ("hei hei", False), ("Hei på deg", False), ("tusen takk for hjelpen", False),
    ("Hva er fristen?", False), ("heisann sveisann", False),
    ("takk for svaret, det var nyttig", False), ("Hei, jeg lurer på hvem som kan søke", True),
])
def test_question_behind_a_greeting(text, expected):
    assert ic.is_question_behind_pleasantry(text) is expected
