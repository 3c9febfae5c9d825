"""Facts the applicant states before they are asked for (veileder.eligibility.statements)."""
import pytest

from veileder.eligibility.statements import public_share, stated_facts

CP, PF, PT = "covered_by_procurement", "publicly_funded", "public_tasks"
GI, PC, SL = "general_interest", "public_control", "separate_legal_person"
NM, TM, CO = "no_market_solution", "top_management", "collaboration"

CASES = [
    # money from a public body, boards from public bodies, not for sale (in the user's words)
    ("Pengane kjem frå staten, nesten alt", {"publicly_funded": True}),
    ("pengene kommer fra staten", {"publicly_funded": True}),
    ("Almost all funding comes from the state via the regional health authority",
     {"publicly_funded": True}),
    ("vi får ingen offentlige midler", {"publicly_funded": False}),
    ("Både og, omtrent halvparten er offentlige midler", {}),
    ("Styret blir oppnemnt av Helse- og omsorgsdepartementet", {"public_control": True}),
    ("Our board is appointed by the regional health authority", {"public_control": True}),
    ("styret er fra kommunene", {"public_control": True}),
    ("vi er en forening eid av 5 kommuner, 100% finansiert av dem, ikke kommersielt",
     {"public_control": True, "publicly_funded": True, "general_interest": True}),
    ("We're a municipality but I don't think we're covered by the public procurement rules",
     {"covered_by_procurement": False}),
    ("Vi er en kommune, men jeg tror ikke vi er omfattet av anskaffelsesregelverket",
     {"covered_by_procurement": False}),
    ("Vi driver felles IKT-drift for eierne, ikke for salg til andre",
     {"general_interest": True}),
    # procurement rules
    ("vi er ikke omfattet av anskaffelsesregelverket", {CP: False}),
    ("Vi er omfattet av anskaffelsesregelverket", {CP: True}),
    ("vi følger anskaffelsesreglene", {CP: True}),
    ("vi folger anskaffelsesreglene", {CP: True}),
    # nynorsk: "lov om offentlege anskaffingar"
    ("me er ikkje omfatta av anskaffingsregelverket", {"covered_by_procurement": False}),
    ("me følgjer reglane for offentlege anskaffingar", {"covered_by_procurement": True}),
    ("Vi er en stiftelse uten kommersiell drift", {"general_interest": True}),
    ("vi driv utan kommersielle føremål", {"general_interest": True}),
    ("me er ikkje omfatta av anskaffelsesregelverket", {CP: False}),
    ("Vi må følge lov om offentlige anskaffelser", {CP: True}),
    ("we are not subject to public procurement rules", {CP: False}),
    ("We follow the procurement rules", {CP: True}),
    ("anskaffelsesregelverket gjelder ikke for oss", {CP: False}),
    ("Vi er underlagt LOA", {CP: True}),
    ("vi følger ikke anskaffelsesreglene", {CP: False}),
    # funding
    ("vi er finansiert av staten", {PF: True}),
    ("Vi er offentlig finansiert", {PF: True}),
    ("vi er ikke offentlig finansiert", {PF: False}),
    ("90 prosent av inntektene er offentlige", {PF: True}),
    ("ca 80 % fra staten", {PF: True}),
    ("40 % av budsjettet er offentlige midler", {PF: False}),
    ("70 % av inntektene er salg til private kunder", {PF: False}),
    ("omtrent halvparten er offentlige midler", {}),
    ("finansieringen er 50/50 offentlig og privat", {}),
    ("vi er finansiert av staten og har ingen private inntekter", {PF: True}),
    ("inntektene våre kommer fra salg til private kunder", {PF: False}),
    ("we are funded by the government", {PF: True}),
    ("vi er en stiftelse som får mesteparten av pengene fra staten", {PF: True}),
    ("det meste av inntektene våre kommer fra salg til private", {PF: False}),
    ("me er finansierte av fylkeskommunen", {PF: True}),
    ("vi er 100 % eid av kommunen", {PC: True}),
    # public tasks, general interest
    ("Vi forvalter offentlige oppgaver", {PT: True}),
    ("vi har ingen offentlige oppgaver", {PT: False}),
    ("vi driver kommersielt", {GI: False}),
    ("Vi driver sykehus, ikke noe kommersielt", {GI: True}),
    ("vi er en ideell organisasjon", {GI: True}),
    ("we are a non-profit", {GI: True}),
    ("we operate on a commercial basis", {GI: False}),
    # control, board, legal person
    ("vi er heleid av kommunen", {PC: True}),
    ("selskapet er eid av fylkeskommunen", {PC: True}),
    ("styret er oppnevnt av fylkeskommunen", {PC: True}),
    ("flertallet i styret oppnevnes av departementet", {PC: True}),
    ("vi er ikke eid av kommunen", {PC: False}),
    ("vi er et privateid selskap", {PC: False}),
    ("vi er et eget rettssubjekt", {SL: True}),
    ("vi er en del av kommunen", {SL: False}),
    # criteria
    ("prosjektet er forankret i toppledelsen", {TM: True}),
    ("vi samarbeider med tre andre kommuner", {CO: True}),
    ("vi vil kjøpe inn et system som finnes", {NM: False}),
    ("det finnes ingen løsning på markedet i dag", {NM: True}),
    # several facts in one message
    ("Vi er heleid av kommunen og følger anskaffelsesreglene", {PC: True, CP: True}),
    ("Vi er en stiftelse, finansiert av staten, og vi driver ikke kommersielt",
     {PF: True, GI: True}),
    # hedges state nothing
    ("vi er nok omfattet av anskaffelsesregelverket, tror jeg", {}),
    ("jeg tror vi er offentlig finansiert, men må dobbeltsjekke", {}),
    ("usikker på om vi følger anskaffelsesreglene", {}),
    ("delvis offentlig finansiert", {}),
    # questions state nothing
    ("Er vi omfattet av anskaffelsesregelverket?", {}),
    ("må vi følge anskaffelsesreglene?", {}),
    ("må vi følge anskaffelsesreglene", {}),
    ("er vi omfattet av anskaffelsesregelverket eller ikke", {}),
    ("hva betyr det å være offentlig finansiert", {}),
    ("er heleid av kommunen", {PC: True}),
    # someone else
    ("kommunen er omfattet av anskaffelsesregelverket, men vi er et AS", {}),
    ("kunden vår følger anskaffelsesreglene", {}),
    ("de er finansiert av staten", {}),
    ("Fylkeskommunen er eid av staten", {}),
    # nothing about the conditions
    ("Vi er Vefsn kommune", {}),
    ("ja", {}),
    ("", {}),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_stated_facts(text, expected):
    assert stated_facts(text) == expected


def test_at_least_50_rows():
    assert len(CASES) >= 50


@pytest.mark.parametrize("text,share", [
    ("ca 80 % fra staten", 80.0), ("40 %", 40.0), ("50 %", 50.0), ("omtrent halvparten", 50.0),
    ("70 % er salgsinntekter", 30.0), ("to tredjedeler", 66.7), ("det meste", 75.0),
    ("ca 50/50", 50.0), ("ja", None),
])
def test_public_share(text, share):
    assert public_share(text) == share


def test_a_question_after_a_statement_does_not_hide_it():
    assert stated_facts("Vi er en kommune, men vi er ikke omfattet av anskaffelsesregelverket. "
                        "Kan vi søke?") == {CP: False}
