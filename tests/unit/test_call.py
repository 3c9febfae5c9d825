"""veileder/call.py: the call file loads, and a broken one names the broken field."""
from __future__ import annotations

import copy
import os
from pathlib import Path

import pytest
import yaml

from veileder.call import DEFAULT_CALL_FILE, CallFileError, current_call, load_call

RAW = yaml.safe_load(DEFAULT_CALL_FILE.read_text(encoding="utf-8"))


def test_the_2020_call_loads():
    call = load_call()
    assert call.eier == "Innovasjon Norge"
    assert call.belop.kroner == 75_000_000
    assert call.belop.tekst == "75 millioner kroner"
    assert call.frist.at.isoformat() == "2020-04-16T17:00:00+02:00"
    assert call.frist.hva == "skisse"
    assert [c.id for c in call.kriterier] == [
        "samfunnsutfordring", "gjennomforingsevne", "verdiskaping", "samarbeid",
    ]
    assert call.temaer == ["klima og miljø", "mobilitet", "smartere forvaltning", "helse/velferd"]
    assert str(call.kilde.url).startswith("https://smartcarecluster.no/")


def _set(data: dict, dotted: str, value):
    node = data
    parts = dotted.split(".")
    for part in parts[:-1]:
        node = node[int(part)] if isinstance(node, list) else node[part]
    if value is _DELETE:
        del node[parts[-1]]
    else:
        node[parts[-1]] = value


_DELETE = object()

BROKEN = [
    # (field, new value, text the error must contain)
    ("belop", _DELETE, "felt 'belop'"),
    ("belop.kroner", "mange", "felt 'belop.kroner'"),
    ("belop.kroner", -5, "felt 'belop.kroner'"),
    ("frist.tidspunkt", "16. april", "felt 'frist.tidspunkt'"),
    ("frist.tidspunkt", "2020-04-16T17:00:00+02:00", "felt 'frist.tidspunkt'"),
    ("frist.tidssone", "Europe/Bergen", "felt 'frist.tidssone'"),
    ("frist.hva", "", "felt 'frist.hva'"),
    ("kilde.url", "ikke en lenke", "felt 'kilde.url'"),
    ("kontakt.url", _DELETE, "felt 'kontakt.url'"),
    ("kriterier.0.id", "Med Mellomrom", "felt 'kriterier.0.id'"),
    ("kriterier.1.id", "samfunnsutfordring", "felt 'kriterier'"),
    ("hvem_kan_soke.kan", _DELETE, "felt 'hvem_kan_soke.kan'"),
    ("temaer", "klima", "felt 'temaer'"),
    ("ukjent_felt", "x", "felt 'ukjent_felt'"),
]


@pytest.mark.parametrize("field,value,expected", BROKEN, ids=[b[0] + "-" + str(i) for i, b in enumerate(BROKEN)])
def test_a_broken_file_names_the_field(tmp_path: Path, field, value, expected):
    data = copy.deepcopy(RAW)
    _set(data, field, value)
    path = tmp_path / "call.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(CallFileError) as err:
        load_call(path)
    assert expected in str(err.value)
    assert str(path) in str(err.value)


def test_not_yaml_and_missing_file(tmp_path: Path):
    bad = tmp_path / "bad.yml"
    bad.write_text("tittel: [uavsluttet", encoding="utf-8")
    with pytest.raises(CallFileError, match="ikke gyldig YAML"):
        load_call(bad)
    with pytest.raises(CallFileError, match="kan ikke lese"):
        load_call(tmp_path / "finnes-ikke.yml")
    top = tmp_path / "list.yml"
    top.write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(CallFileError, match="mapping"):
        load_call(top)


def test_current_call_follows_the_file(tmp_path: Path):
    path = tmp_path / "call.yml"
    data = copy.deepcopy(RAW)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert current_call(path).belop.kroner == 75_000_000
    data["belop"]["kroner"] = 80_000_000
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    assert current_call(path).belop.tekst == "80 millioner kroner"


@pytest.mark.parametrize("kroner,text", [
    (75_000_000, "75 millioner kroner"),
    (1_000_000, "1 million kroner"),
    (2_500_000, "2\u00a0500\u00a0000 kroner"),
])
def test_amount_text(kroner, text):
    data = copy.deepcopy(RAW)
    data["belop"]["kroner"] = kroner
    from veileder.call import parse_call
    assert parse_call(data).belop.tekst == text
