"""Spelling of every bokmål and nynorsk text the assistant says, with hunspell and Debian's
nb_NO and nn_NO dictionaries (``hunspell-no``; ``scripts/install-spelling.sh`` installs them).

The texts (:func:`collect`):

- every variant of every response in ``domain.yml``, with its button titles: the variant without
  a ``language`` condition is bokmål, the one with ``value: nn`` nynorsk (English is not checked);
- every :class:`veileder.i18n.Tekst` in ``veileder.i18n.ALL`` after importing every module of
  ``veileder/``, ``actions/``, ``components/`` and ``web/``, named by the file and line that made
  it. Run it in a fresh process (``python -m testkit.spelling --json``): in a test session ``ALL``
  also holds the Tekst the tests make;
- the call files (``calls/*.yml``): the bokmål fields and, where the file has an ``nn:`` section,
  ``load_call().in_language("nn")``. The names and quotations the nynorsk call keeps from the
  announcement unchanged (:data:`ANNOUNCEMENT_FIELDS`) are bokmål and are checked as bokmål.

Before checking, :func:`clean` takes out what is not prose: ``{placeholders}``, URLs, e-mail
addresses, numbers, code and markdown marks, and quotations «…» of the announcement's own words
(its title, the minister's quote: :func:`announcement_quotes`). Other quotations stay: «kan vi
søke?» and «hjelp» tell the user what to write and must be in the user's standard. Words are
split at hyphens (hunspell checks "e-post" as "e" and "post" anyway); single letters are skipped
("o.l.", "f.eks.", "e-post").

:func:`misspelled` runs ``hunspell -i utf-8 -d nb_NO -l`` (or ``nn_NO``); :func:`check` gives
word -> where found, without the accepted words (``tests/unit/data/spelling_accepted.txt``).
:func:`bokmal_in_nynorsk` finds the common bokmål words that hunspell's nn_NO lets through or
that the project's nynorsk does not use (:data:`BOKMAL_ONLY`).
"""
from __future__ import annotations

import argparse
import importlib
import json
import re
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Dict, Iterable, List, Mapping, Optional, Sequence, Set, Tuple

import yaml

from testkit import ROOT

#: The standards checked and their hunspell dictionaries.
DICTIONARIES = {"nb": "nb_NO", "nn": "nn_NO"}
#: The product's packages: every module in them is imported to collect the Tekst instances.
PACKAGES = ("veileder", "actions", "components", "web")
ACCEPTED_FILE = ROOT / "tests" / "unit" / "data" / "spelling_accepted.txt"

#: Fields of the call file that quote the announcement or name something: the nynorsk call may
#: keep them as in the announcement, and then they are checked as bokmål.
ANNOUNCEMENT_FIELDS = ("tittel", "eier", "minister.navn", "minister.sitat", "kilde.tittel",
                       "kontakt.navn", "les_mer.*.tittel")
#: Fields of the call file that are no text (the same in every standard).
_NOT_TEXT = {"id", "url", "kroner", "tidspunkt", "tidssone"}

#: Common bokmål words and the nynorsk the project writes instead (docs: the i18n conventions).
#: hunspell's nn_NO accepts several of them (offentlig, søke, mye, bare: as other words or as
#: allowed side forms), so the nynorsk texts are also checked against this list.
BOKMAL_ONLY: Dict[str, str] = {
    "ikke": "ikkje", "hva": "kva", "hvem": "kven", "hvordan": "korleis", "hvorfor": "kvifor",
    "hvor": "kvar", "hvilken": "kva for ein", "hvilke": "kva for", "hvis": "viss/om",
    "jeg": "eg", "dere": "de/dykk", "deres": "dykkar",
    "virksomhet": "verksemd", "virksomheten": "verksemda", "virksomheter": "verksemder",
    "virksomhetene": "verksemdene",
    "offentlig": "offentleg", "offentlige": "offentlege",
    "søke": "søkje", "søker": "søkjer", "noe": "noko", "noen": "nokon", "mye": "mykje",
    "fra": "frå", "bare": "berre", "kun": "berre", "mulig": "mogleg", "mulige": "moglege",
    "uten": "utan", "disse": "desse", "selv": "sjølv", "hvert": "kvart", "hver": "kvar",
    "kommer": "kjem", "gjør": "gjer", "sier": "seier", "svarer": "svarar", "ble": "vart/blei",
    "løsning": "løysing", "løsninger": "løysingar", "spørre": "spørje",
}

_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_CODE = re.compile(r"`[^`]*`")
_QUOTE = re.compile(r"«([^«»]*)»")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@dataclass(frozen=True)
class Text:
    """One text the assistant says, in ``standard`` ("nb" or "nn"), and where it is written."""

    standard: str
    where: str
    text: str


# --- cleaning and words -----------------------------------------------------------------------
def clean(text: str, quotes: Iterable[str] = ()) -> str:
    """The prose of ``text``: without placeholders, URLs, e-mail addresses, code, markdown
    marks and the quotations «…» whose words are one of ``quotes``."""
    keep = {q.strip().casefold() for q in quotes}
    text = _QUOTE.sub(lambda m: " " if m.group(1).strip().casefold() in keep else m.group(0),
                      text)
    text = _MD_LINK.sub(r"\1", text)
    for pattern in (_PLACEHOLDER, _URL, _EMAIL, _CODE):
        text = pattern.sub(" ", text)
    return text


def words(text: str, quotes: Iterable[str] = ()) -> List[str]:
    """The words of ``text`` after :func:`clean`, split at hyphens, without numbers and single
    letters."""
    return [w for w in _WORD.findall(clean(text, quotes)) if len(w) > 1]


# --- hunspell ---------------------------------------------------------------------------------
def unavailable() -> Optional[str]:
    """Why hunspell cannot check both standards here, or None when it can."""
    for standard, dictionary in DICTIONARIES.items():
        try:
            run = subprocess.run(["hunspell", "-i", "utf-8", "-d", dictionary, "-l"],
                                 input="og\n", capture_output=True, text=True, timeout=60)
        except FileNotFoundError:
            return "no hunspell (make install runs scripts/install-spelling.sh)"
        except subprocess.TimeoutExpired:
            return "hunspell did not answer within 60 s"
        if run.returncode != 0 or "Can't open" in run.stderr:
            return (f"hunspell has no {dictionary} dictionary (Debian's hunspell-no; make install "
                    f"runs scripts/install-spelling.sh): {run.stderr.strip()[:200]}")
    return None


def misspelled(candidates: Iterable[str], standard: str) -> Set[str]:
    """The words hunspell's dictionary for ``standard`` does not know."""
    unique = sorted(set(candidates))
    if not unique:
        return set()
    run = subprocess.run(["hunspell", "-i", "utf-8", "-d", DICTIONARIES[standard], "-l"],
                         input="\n".join(unique) + "\n", capture_output=True, text=True,
                         timeout=300, check=True)
    return set(run.stdout.split())


# --- the accepted words -----------------------------------------------------------------------
def load_accepted(path: Path = ACCEPTED_FILE) -> Dict[str, Set[str]]:
    """Standard -> accepted words. One word a line, ``# reason`` comments; ``nn:word`` or
    ``nb:word`` accepts it in one standard only. A lower-case entry accepts any case."""
    accepted: Dict[str, Set[str]] = {standard: set() for standard in DICTIONARIES}
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        if not entry:
            continue
        prefix, _, word = entry.rpartition(":")
        for standard in ([prefix] if prefix else DICTIONARIES):
            accepted[standard].add(word)
    return accepted


def _is_accepted(word: str, accepted: Set[str]) -> bool:
    return word in accepted or word.lower() in accepted


# --- checks -----------------------------------------------------------------------------------
def _quotes() -> List[str]:
    try:
        return announcement_quotes()
    except Exception:  # a broken call file fails its own tests
        return []


def _where_words(texts: Iterable[Text], standard: str,
                 quotes: Iterable[str]) -> Dict[str, List[str]]:
    found: Dict[str, List[str]] = {}
    quotes = list(quotes)
    for text in texts:
        if text.standard != standard:
            continue
        for word in words(text.text, quotes):
            places = found.setdefault(word, [])
            if text.where not in places:
                places.append(text.where)
    return found


def check(texts: Sequence[Text], accepted: Optional[Mapping[str, Set[str]]] = None,
          quotes: Optional[Iterable[str]] = None) -> Dict[str, Dict[str, List[str]]]:
    """Standard -> {word hunspell does not know -> where it is}, without the accepted words."""
    accepted = accepted if accepted is not None else load_accepted()
    quotes = _quotes() if quotes is None else list(quotes)
    result: Dict[str, Dict[str, List[str]]] = {}
    for standard in DICTIONARIES:
        found = _where_words(texts, standard, quotes)
        bad = misspelled(found, standard)
        result[standard] = {
            # hunspell may report a part of a word it split (at an apostrophe): name the word's
            # places then
            word: found.get(word) or sorted({p for w in found if word in w for p in found[w]})
            for word in sorted(bad, key=str.lower)
            if not _is_accepted(word, accepted.get(standard, set()))
        }
    return result


def bokmal_in_nynorsk(texts: Sequence[Text],
                      quotes: Optional[Iterable[str]] = None) -> Dict[str, List[str]]:
    """Word of :data:`BOKMAL_ONLY` in a nynorsk text -> where it is."""
    quotes = _quotes() if quotes is None else list(quotes)
    found = _where_words(texts, "nn", quotes)
    return {word: found[word] for word in sorted(found, key=str.lower)
            if word.lower() in BOKMAL_ONLY}


def report(problems: Mapping[str, Sequence[str]],
           hint: Optional[Mapping[str, str]] = None) -> str:
    """One line per word: ``word (hint): where, where``."""
    hint = hint or {}
    lines = []
    for word, places in problems.items():
        note = f" (nynorsk: {hint[word.lower()]})" if word.lower() in hint else ""
        lines.append(f"  {word}{note}: {', '.join(places)}")
    return "\n".join(lines)


# --- the texts --------------------------------------------------------------------------------
def _standard_of(variant: Mapping) -> Optional[str]:
    """"nb" for a variant without a language condition, "nn" for ``value: nn``, else None."""
    for condition in variant.get("condition") or []:
        if condition.get("name") == "language":
            return condition.get("value") if condition.get("value") in DICTIONARIES else None
    return "nb"


def domain_texts(path: Path = ROOT / "domain.yml") -> List[Text]:
    """Every bokmål and nynorsk variant of every response, and its button titles."""
    domain = yaml.safe_load(path.read_text(encoding="utf-8"))
    name = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name
    texts = []
    for response, variants in (domain.get("responses") or {}).items():
        for variant in variants:
            standard = _standard_of(variant)
            if standard is None:
                continue
            where = f"{name} {response}"
            if variant.get("text"):
                texts.append(Text(standard, where, variant["text"]))
            for button in variant.get("buttons") or []:
                texts.append(Text(standard, f"{where} (button)", str(button.get("title", ""))))
    return texts


def _fields(value, path: str = "") -> Iterable[Tuple[str, str]]:
    """(dotted path, text) for every text field of a call's data; criteria by their id."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in _NOT_TEXT:
                yield from _fields(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            label = item.get("id", index) if isinstance(item, dict) else index
            yield from _fields(item, f"{path}.{label}")
    elif isinstance(value, str):
        yield path, value


def _announcement_field(path: str) -> bool:
    pattern = "|".join(re.escape(f).replace(r"\*", r"[^.]+") for f in ANNOUNCEMENT_FIELDS)
    return re.fullmatch(pattern, path) is not None


def call_texts(path: Optional[Path] = None) -> List[Text]:
    """The bokmål texts of a call file, and its nynorsk texts where it has an ``nn:`` section."""
    from veileder.call import DEFAULT_CALL_FILE, load_call

    path = Path(path or DEFAULT_CALL_FILE)
    name = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name
    call = load_call(path)
    bokmal = dict(_fields(call.dict()))
    texts = [Text("nb", f"{name} {field}", text) for field, text in bokmal.items()]
    if "nn" in call.languages:
        for field, text in _fields(call.in_language("nn").dict()):
            kept = _announcement_field(field) and bokmal.get(field) == text
            texts.append(Text("nb" if kept else "nn", f"{name} nn.{field}", text))
    return texts


def announcement_quotes(path: Optional[Path] = None) -> List[str]:
    """The announcement's own words a text may quote «…» in any standard: the call's title,
    the source's and the linked pages' titles, the minister's quote."""
    from veileder.call import DEFAULT_CALL_FILE, load_call

    call = load_call(Path(path or DEFAULT_CALL_FILE))
    return [call.tittel, call.kilde.tittel, call.minister.sitat,
            *(item.tittel for item in call.les_mer)]


def product_modules() -> List[str]:
    """The dotted names of every module in :data:`PACKAGES`."""
    names = []
    for package in PACKAGES:
        for file in sorted((ROOT / package).rglob("*.py")):
            parts = file.relative_to(ROOT).with_suffix("").parts
            names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


class _Recording(list):
    """``veileder.i18n.ALL`` while the product is imported: notes where each Tekst is made."""

    def __init__(self, items: Iterable = ()) -> None:
        super().__init__(items)
        self.made_at: Dict[int, str] = {}

    def append(self, item) -> None:
        super().append(item)
        self.made_at[id(item)] = _maker(sys._getframe(1))


def _maker(frame) -> str:
    """``file:line`` of the module statement that made a Tekst: the innermost module-level
    frame outside veileder/i18n.py, so a Tekst made through a helper (a ``str`` subclass, a
    table) is named by the line that uses the helper; else the innermost frame outside it."""
    skip = {"<string>", __file__, sys.modules["veileder.i18n"].__file__}
    first = None
    while frame is not None:
        if frame.f_code.co_filename not in skip:
            first = first or frame
            if frame.f_code.co_name == "<module>":
                break
        frame = frame.f_back
    frame = frame or first
    if frame is None:
        return "?"
    file = Path(frame.f_code.co_filename)
    name = file.relative_to(ROOT).as_posix() if file.is_relative_to(ROOT) else file.name
    return f"{name}:{frame.f_lineno}"


def tekst_texts() -> Tuple[List[Text], Dict[str, str]]:
    """The bokmål and nynorsk variant of every Tekst the product modules make, named
    ``file:line``; and module -> error for the modules that do not import here. Swaps
    ``veileder.i18n.ALL`` for a list that notes where each Tekst is made (and leaves it there):
    only for a fresh process, before anything imported ``ALL`` by name."""
    from veileder import i18n

    recording = i18n.ALL if isinstance(i18n.ALL, _Recording) else _Recording(i18n.ALL)
    i18n.ALL = recording
    failures: Dict[str, str] = {}
    for module in product_modules():
        try:
            importlib.import_module(module)
        except Exception as exc:  # a module that needs a running Rasa: say which
            failures[module] = f"{type(exc).__name__}: {exc}"
    texts = []
    for index, tekst in enumerate(recording):
        where = recording.made_at.get(id(tekst), f"veileder.i18n.ALL[{index}]")
        texts.extend(Text(standard, where, getattr(tekst, standard)) for standard in DICTIONARIES)
    return texts, failures


def collect() -> Tuple[List[Text], Dict[str, str]]:
    """Every bokmål and nynorsk text (domain, Tekst, call files) and the modules that did not
    import. Imports the product: call it in a fresh process (``--json``)."""
    texts = domain_texts()
    for path in sorted((ROOT / "calls").glob("*.yml")):
        texts.extend(call_texts(path))
    teksts, failures = tekst_texts()
    return texts + teksts, failures


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true",
                        help="print the texts as JSON (for tests/unit/test_spelling.py)")
    args = parser.parse_args(argv)
    texts, failures = collect()
    if args.json:
        json.dump({"texts": [asdict(t) for t in texts], "not_imported": failures}, sys.stdout,
                  ensure_ascii=False)
        return 0
    reason = unavailable()
    if reason:
        print(reason)
        return 2
    counts = {s: sum(t.standard == s for t in texts) for s in DICTIONARIES}
    print(f"{len(texts)} texts: {counts['nb']} bokmål, {counts['nn']} nynorsk")
    for module, error in failures.items():
        print(f"not imported: {module}: {error}")
    problems = check(texts)
    for standard, found in problems.items():
        print(f"{DICTIONARIES[standard]}: {len(found)} unknown words")
        if found:
            print(report(found))
    mixed = bokmal_in_nynorsk(texts)
    print(f"bokmål words in nynorsk texts: {len(mixed)}")
    if mixed:
        print(report(mixed, BOKMAL_ONLY))
    return 1 if mixed or any(problems.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
