import pytest

from veileder.answers import NO, UNKNOWN, YES, parse_answer

CASES = [
    ("ja", YES), ("Ja!", YES), ("jo", YES), ("jepp", YES), ("jada", YES), ("ja takk", YES),
    ("Ja, det er me", YES), ("ja det er vi", YES), ("yes", YES), ("yep", YES), ("stemmer", YES),
    ("Det stemmer", YES), ("det gjør vi", YES), ("absolutt", YES), ("ok", YES), ("JA", YES),
    ("tror det", YES), ("Ja, prosjektet er forankret hos rådmannen", YES),
    ("nei", NO), ("Nei.", NO), ("nope", NO), ("nei, ikkje", NO), ("nei takk", NO), ("no", NO),
    ("ikke", NO), ("ikkje", NO), ("tror ikke det", NO), ("det er vi ikke", NO),
    ("ja, ikke egentlig", NO), ("nah", NO), ("neppe", NO),
    ("vet ikke", UNKNOWN), ("Vet ikkje", UNKNOWN), ("veit ikkje", UNKNOWN), ("usikker", UNKNOWN),
    ("jeg er usikker", UNKNOWN), ("ikke sikker", UNKNOWN), ("kanskje", UNKNOWN),
    ("don't know", UNKNOWN), ("not sure", UNKNOWN), ("aner ikke", UNKNOWN),
    ("det kommer an på", UNKNOWN), ("Det kjem an på", UNKNOWN), ("tja", UNKNOWN),
    ("", None), ("   ", None), (None, None), ("Hva er gevinstpotensial?", None),
    ("hvor mye penger er det", None), ("kommune", None), ("😀", None),
    ("er det for seint å søke nå?", None), ("Ja, men hva betyr gevinstpotensial?", None),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_parse_answer(text, expected):
    assert parse_answer(text) == expected
