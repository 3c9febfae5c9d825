"""Word tables for ``veileder.language``: which written standard a word belongs to.

Each table maps a lower-case word to a weight: 2 for a form that belongs to one standard only
and is common in questions about the call (kva/hva, ikkje/ikke, eg/jeg), 1 for a form that
belongs to one standard but is rarer or a weaker sign (inflections like pengane/pengene). A word
goes in ``NYNORSK`` or ``BOKMAL`` only when it is not a valid form of the other standard: forms
both allow since the 2012 nynorsk reform (søke, tenke, ringe, være is not one of them) are in
``NORWEGIAN``, which tells Norwegian from English but not bokmål from nynorsk.

Spellings without æ, ø and å ("sokje", "soekje", "vaere", "fraa") are generated from these
tables by ``veileder.language`` and dropped where they would collide with a word of another
table ("frå" without å is "fra").
"""
from __future__ import annotations

from typing import Dict


def _weights(strong: str, weak: str = "") -> Dict[str, int]:
    table = {word: 1 for word in weak.split()}
    table.update({word: 2 for word in strong.split()})
    return table


#: Forms found only in nynorsk.
NYNORSK = _weights(
    strong="""
    kva kven korleis kvifor kvar kvarandre kvart ikkje eg dykk dykkar vere vera søkje søkjer
    søkjar søkjarar søkjaren søkjast verksemd verksemda verksemder offentleg offentlege berre
    noko nokon nokre nokså mykje heile heilt frå òg høyrer høyrest høyre meiner ein eit eitt
    fleire mogleg moglegheit moglegheiter eigen eige eigne eigeninnsats eigeninnsatsen
    eigenfinansiering eigenandel ho hjå enno framleis sjølv sjølve saman gjere gjer seie seier
    veit tek kjem kome trur treng meir dei deira deim desse medan sidan innan åleine aleine
    skilnad skilnaden tyder utlysing utlysinga utlysingar midlar pengar pengane kommunar
    kommunane fylkeskommunar reglar innbyggjarar leverandørar leverandørane søknadar prosjekta
    partnarskap partnarskapet innovasjonspartnarskap prosjektleiar leiar leiaren føretak
    helseføretak marknad marknaden marknadsdialog tidleg statleg vanleg naudsynt
    forsking forskingspartnar gonger gong morgon ønskjer ønskje dekkjer setje setja ringje
    følgje leggje liggje tenkje spørje krevst vert vart vorte vore jobbar skjønar
    prosjekteigar kvalifiserte gjekk seinare seinast seint sjå
    løysing løysinga løysingar løysingane utfordringar utfordringane samfunnsutfordringar
    teneste tenesta tenester tenestene heimeteneste heimetenesta helsetenester dømes døme
    sjuk sjuke sjukeheim sjukeheimen sjukehus sjukehuset heim heime heimen leiing leiinga
    toppleiinga tilsette sektorar fekk ynskjer ynskje brukarar brukarane innbyggjarane
    deltakarar ressursar gevinstar kostnadar føremål hjå gjev fortel
    """,
    weak="""
    kor gjeld då helsing hjelpa kostnadar lenkja lenkje sendast rekk set
    høve tilgjengeleg nettsida skissa tilbod spennande
    """,
)

#: Forms found only in bokmål.
BOKMAL = _weights(
    strong="""
    hva hvem hvordan hvorfor hvor hvilke hvilken hvilket hvis ikke jeg dere deres være søkere
    søkeren virksomhet virksomheten virksomheter offentlig offentlige bare noe noen mye hele
    helt fra også hører høres mener flere mulig mulighet muligheter en et ett egen eget egne
    egeninnsats egeninnsatsen egenfinansiering egenandel hun ennå enda fortsatt fremdeles
    selv sammen gjøre gjør sier vet tror trenger mer disse mens siden innen alene forskjellen
    utlysning utlysningen utlysninger midler penger pengene kommuner kommunene fylkeskommuner
    regler innbyggere leverandører leverandørene prosjekter søknader partnerskapet prosjektleder
    leder lederen foretak helseforetak marked markedet markedsdialog tidlig statlig vanlig
    nødvendig forskning forskningspartner ganger morgen ønsker dekker sette spørre kreves ble
    vært jobber skjønner prosjekteier kommer ligger gikk senere senest
    løsning løsningen løsninger løsningene utfordringer utfordringene samfunnsutfordringer
    tjeneste tjenesten tjenester tjenestene hjemmetjeneste hjemmetjenesten helsetjenester
    syk syke sykehjem sykehjemmet sykehus sykehuset hjem hjemme ledelse ledelsen
    toppledelsen sektorer fikk brukere brukerne innbyggerne deltakere ressurser gevinster
    forteller
    """,
    weak="""
    tar snakket dekket jobbet hjelpen lenken skissen tilgjengelig nettsiden tilbud spennende
    man
    """,
)

#: English words, weight 1 each; names of Norwegian things written in English stay out.
ENGLISH = _weights(
    strong="",
    weak="""
    the is are was were be been being what who whom how why where when which whose can could
    would should will shall do does did don't doesn't didn't isn't can't won't i'm i've i'd
    dont doesnt didnt isnt cant wont im ive whats you you're your we we're our ours us they
    their them it it's its this that these those there and or of in on with about from not
    please thank thanks hello hi apply applying applied applicant applicants application
    applications funding fund funded funds money project projects municipality
    municipalities county council company companies partnership partnerships eligible need
    needs help contact question questions sketch budget cost costs covered cover submit
    supplier suppliers research public buyer agency group target much many some any other
    together before after between also only sure big enough small good morning wonder
    whether explain find number phone mean means happens happen passed understand difference
    write speak english norwegian sorry talk human get one every same already never anything
    want know if has have had tomorrow really helpful answer state western place right ask
    my more less than into an yes innovation call split again always am another anyone
    around as away back because best better both but came come could does done down each ever
    few first found give go going got great he him his however i'll it'll we'll you'll
    they're keep last later let little look make many may might most must new now off often
    old once out own people put said say see she should show since something such take tell
    then thing things think though through too two until up use very way well went while
    within without work year yet
    """,
)

#: Words that are common in English and in Norwegian (or are å, ø written without the mark):
#: they count for neither, except "me", which is a nynorsk pronoun in a Norwegian sentence.
AMBIGUOUS = frozenset("""
    a i me for to at so her men by send link form all just part like deadline ok okay fin
    fine hall dem bra da
    """.split())

#: Often mistyped, so a letter missing, added or swapped still counts (with weight 1).
TYPO_TOLERANT = frozenset("""
    hvem hvordan hvorfor hvilke hvilken hvilket ikke dere kven korleis kvifor ikkje dykk dykkar
    berre mykje
    """.split())

#: Words shared by bokmål and nynorsk: a sign of Norwegian, not of one standard.
NORWEGIAN = _weights(
    strong="",
    weak="""
    og er det som på paa til med av kan vi har om den dette å må maa få faa får faar skal vil
    bli blir blitt kommune kommunen fylkeskommune fylkeskommunen frist fristen søke søker søkt
    søknad søknaden søknadene skisse takk hei ja nei hjelp hjelpe svar svare svaret spørsmål
    sporsmal lurer stemmer greit vel prosjekt prosjektet støtte stotte kroner selskap bedrift
    krav innovasjon partnerskap innovasjonspartnerskap leverandør etter før eller så nå naa
    der seg meg deg oss vår vaar våre sin sitt kanskje veldig litt gjerne tid går gå kunne
    skulle ville ingen alle andre mange store stor små nye ny neste år dag kl klokka mvh
    hilsen tusen sende sendt fått lest ut inn enn fordi derfor ringe tenke følge søknadsfristen
    kostnader dokument dokumenter skrive lese vite gjort slikt dekt forstår bruke kjøpe
    utstyr samarbeide nabokommune nabokommuner ferdig usikre usikker kvalifisere kvalifiserer
    ansvaret permisjon kontakte nettside behovet dokumentere praksis hos
    innkjøp starte fungerer statsstøtte kontaktperson nyttig lurt aa
    """,
)
