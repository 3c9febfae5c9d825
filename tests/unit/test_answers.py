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


from veileder.answers import HEDGED, read  # noqa: E402

PF, PT, CP = "publicly_funded", "public_tasks", "covered_by_procurement"
GI, PC, CH = "general_interest", "public_control", "challenge"
NM, CO = "no_market_solution", "collaboration"

READ_CASES = [
    # (field, text, kind)
    # partial or hedged: never a flat "nei"
    (PF, "Både og, omtrent halvparten er offentlige midler", HEDGED),
    (PF, "tror det, men må dobbeltsjekke", HEDGED),
    (CP, "tror det, men må dobbeltsjekke", HEDGED),
    (PF, "delvis", HEDGED),
    (PT, "delvis", HEDGED),
    (PF, "litt av begge", HEDGED),
    (PF, "ca 50/50", HEDGED),
    (PF, "50 %", HEDGED),
    (PF, "omtrent halvparten", HEDGED),
    (CP, "jeg tror ikke det, men er usikker", HEDGED),
    (GI, "jeg tror ikke det, men er usikker", HEDGED),
    (PT, "til dels", HEDGED),
    (PT, "bade og", HEDGED),
    (CH, "ja og nei", HEDGED),
    (CO, "partly", HEDGED),
    (CP, "I think so, but I need to check", HEDGED),
    (CP, "vi er nok omfattet, men det må sjekkes", HEDGED),
    (PT, "trur det, men eg er ikkje heilt sikker", HEDGED),
    (PF, "fifty fifty", HEDGED),
    (PC, "40 %", HEDGED),  # funding is one way to control; the board or control may decide
    # shares of public funding: mainly = more than half
    (PF, "ca 80 % fra staten", YES),
    (PF, "90 prosent", YES),
    (PF, "40 %", NO),
    (PF, "rundt 30 prosent offentlig, resten salg", NO),
    (PF, "70 % av inntektene er salg til private", NO),
    (PF, "det meste", YES),
    (PF, "mesteparten kommer fra kommunen", YES),
    (PF, "to tredjedeler", YES),
    (PF, "en tredjedel", NO),
    (PC, "ca 80 % fra staten", YES),
    # read against the question asked
    (GI, "Vi driver sykehus, ikke noe kommersielt", YES),
    (GI, "nei, ikke noe kommersielt", YES),
    (GI, "vi driver kommersielt", NO),
    (GI, "Vi er en ideell stiftelse", YES),
    (GI, "we are a non-profit", YES),
    (GI, "ingen forretningsdrift, vi driver barnehager", YES),
    (CP, "vi følger anskaffelsesreglene", YES),
    (CP, "vi er ikke omfattet av anskaffelsesregelverket", NO),
    (CP, "me er ikkje omfatta av anskaffelsesregelverket", NO),
    (PF, "vi er finansiert av staten", YES),
    (PC, "styret er oppnevnt av fylkeskommunen", YES),
    (PC, "vi er heleid av kommunen", YES),
    (PC, "vi er privateid", NO),
    (NM, "det finnes ingen løsning på markedet i dag", YES),
    (NM, "vi vil kjøpe inn et system som finnes", NO),
    (CO, "vi samarbeider med tre andre kommuner", YES),
    # plain answers as before
    (PF, "ja", YES),
    (PF, "Ja!", YES),
    (PF, "nei", NO),
    (PT, "jepp", YES),
    (PT, "nei, ikkje", NO),
    (CP, "tror det", YES),
    (CP, "tror ikke det", NO),
    (CP, "vet ikke", UNKNOWN),
    (CP, "usikker", UNKNOWN),
    (GI, "Ja, det er me", YES),
    (CH, "yes", YES),
    (CH, "no", NO),
    (CH, "aner ikke", UNKNOWN),
    # no answer
    (PF, "", None),
    (PF, None, None),
    (PF, "Hva betyr offentlig finansiert?", None),
    (PF, "kommune", None),
]


@pytest.mark.parametrize("field,text,kind", READ_CASES)
def test_read(field, text, kind):
    assert read(field, text).kind == kind


def test_at_least_60_read_rows():
    assert len(READ_CASES) >= 60


def test_a_hedged_answer_is_stored_as_vet_ikke_with_a_note():
    answer = read(PF, "delvis")
    assert answer.value == UNKNOWN and answer.note
    assert read(PF, "ja").note is None and read(PF, "ja").value == YES
