"""A project that buys what already exists does not fit the call (veileder.existing_solution)."""
import pytest

from veileder.existing_solution import existing_solution_claim, mentions_existing_solution

STATEMENTS = [
    # (text, mentions_existing_solution)
    ("Vi vil kjøpe inn en løsning som allerede er i drift i mange kommuner", True),
    ("en løsning som allerede er i drift i mange kommuner", True),
    ("vi vil kjøpe inn et system som finnes", True),
    ("We want to buy an off-the-shelf product", True),
    ("we want to buy an off the shelf product for our schools", True),
    ("Planen er å kjøpe hyllevare og rulle den ut", True),
    ("Vi skal ta i bruk et eksisterende fagsystem", True),
    ("me skal kjøpe ei eksisterande løysing", True),
    ("Systemet brukes av mange kommuner allerede", True),
    ("Vi vil bruke samme system som Bergen kommune", True),
    ("Appen finnes allerede på markedet, vi vil kjøpe lisenser", True),
    ("Vi vil kjope en ferdig losning", True),
    ("det er et standardprodukt som vi vil anskaffe", True),
    ("The product is already available, we just need funding to buy it", True),
    ("vi skal innføre en løsning som andre kommuner bruker", True),
    ("løysinga er alt i bruk hjå fleire kommunar", True),
    ("Vi ønsker å kjøpe et kommersielt tilgjengelig verktøy", True),
    # a statement before the question counts; the question alone does not
    ("Vi vil kjøpe et ferdig digitalt fagsystem som flere kommuner bruker. Kan vi søke?", True),
    ("Kan vi søke? Vi vil innføre en app som allerede er i bruk i Danmark.", True),
    ("vi vil kjope inn et ferdig billettsystem som finnes allerede, kan vi soke?", True),
    ("Kan vi kjøpe inn noe som allerede finnes, eller må det være nytt?", False),
    # not buying what exists
    ("Det finnes ingen løsning på markedet som dekker behovet", False),
    ("Eksisterende systemer dekker ikke behovet vårt", False),
    ("Det finnes systemer, men de dekker ikke behovet", False),
    ("Vi vil utvikle en helt ny løsning sammen med leverandører", False),
    ("no existing product covers what we need", False),
    ("Løsningen finnes ikke i dag", False),
    ("det fins ikkje noko slikt", False),
    ("vi vil ikke kjøpe hyllevare", False),
    ("Vi er en kommune", False),
    ("", False),
    # questions and conditions are not statements
    ("Kan vi kjøpe noe som finnes?", False),
    ("Hva om det allerede finnes en løsning", False),
    ("hvis det finnes en ferdig løsning, kan vi kjøpe den", False),
    ("if an off-the-shelf product exists we would buy it", False),
]


@pytest.mark.parametrize("text,expected", STATEMENTS)
def test_mentions_existing_solution(text, expected):
    assert mentions_existing_solution(text) is expected


CLAIMS = [
    ("Kan vi kjøpe noe som finnes?", True),
    ("Kan vi søke om å kjøpe hyllevare?", True),
    ("Is it OK to buy an existing system?", True),
    ("Må løsningen være ny for markedet?", False),
    ("Må det være noe helt nytt?", False),
    ("Må løsningen ikke finnes fra før?", False),
    ("Hva er fristen?", None),
    ("Kan vi søke?", None),
]


@pytest.mark.parametrize("text,expected", CLAIMS)
def test_existing_solution_claim(text, expected):
    assert existing_solution_claim(text) is expected


def test_at_least_30_rows():
    assert len(STATEMENTS) + len(CLAIMS) >= 30
