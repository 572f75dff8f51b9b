"""Checks of src/pactwatch/data/actors/organisations.yaml (schema kind `organisations`)."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from pactwatch.actors.data import load_file

DATA = Path(__file__).resolve().parents[2] / "src" / "pactwatch" / "data" / "actors"
PATH = DATA / "organisations.yaml"
REQUIRED = frozenset({"code", "name", "aliases", "organs", "sector", "source"})
OPTIONAL = frozenset({"note"})
SECTORS = frozenset({"IGO", "LEG", "JUD", "MIL", "COP", "SPY"})
# The organisations the brief names: each must be present under its schema code.
NAMED = [
    "UN",
    "NATO",
    "EU",
    "CSTO",
    "SCO",
    "ASEAN",
    "AU",
    "ECOWAS",
    "SADC",
    "IGAD",
    "OAS",
    "ARL",
    "GCC",
    "OIC",
    "OSCE",
    "COE",
    "CIS",
    "EAEU",
    "BRICS",
    "G7",
    "G20",
    "OPEC",
    "IMF",
    "WB",
    "WTO",
    "INTERPOL",
    "QUAD",
    "AUKUS",
    "FVEY",
    "IAEA",
    "OPCW",
    "WHO",
    "ICJ",
    "ICC",
]


@lru_cache(maxsize=1)
def doc() -> dict:
    return yaml.safe_load(PATH.read_text(encoding="utf-8"))


def entries() -> list[dict]:
    return doc()["entries"]


def forms(entry: dict) -> list[tuple[str, str]]:
    """(surface form, sector) for the organisation and each organ."""
    out = [(f, entry["sector"]) for f in (entry["name"], *entry["aliases"])]
    for organ in entry["organs"]:
        out += [(f, organ["sector"]) for f in (organ["name"], *organ["aliases"])]
    return out


@lru_cache(maxsize=1)
def index() -> dict[str, set[tuple[str, str]]]:
    """Surface form -> {(code, sector)}."""
    out: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for e in entries():
        for form, sector in forms(e):
            out[form].add((e["code"], sector))
    return out


def test_validates_against_the_loader_model():
    assert len(load_file(PATH, "organisations")) == len(entries())


def test_header_and_sources():
    assert doc()["schema"] == "pactwatch.actors.organisations.v1"
    ids = [s["id"] for s in doc()["sources"]]
    assert len(ids) == len(set(ids))
    assert all(s["cite"].strip() for s in doc()["sources"])
    assert {e["source"] for e in entries()} <= set(ids)


@pytest.mark.parametrize("entry", entries(), ids=lambda e: e["code"])
def test_entry_shape(entry):
    keys = set(entry)
    assert REQUIRED <= keys <= REQUIRED | OPTIONAL, keys ^ REQUIRED
    assert entry["sector"] in SECTORS
    for organ in entry["organs"]:
        assert set(organ) == {"name", "aliases", "sector"}, organ
        assert organ["sector"] in SECTORS, organ


def test_codes_unique_and_well_formed():
    codes = [e["code"] for e in entries()]
    assert len(codes) >= 40
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]{1,7}", c) for c in codes)


def test_codes_never_collide_with_country_codes():
    countries = yaml.safe_load((DATA / "countries.yaml").read_text(encoding="utf-8"))
    iso3 = {c["iso3"] for c in countries["entries"]}
    assert not iso3 & {e["code"] for e in entries()}


def test_brief_organisations_present():
    assert not set(NAMED) - {e["code"] for e in entries()}


def test_surface_forms_unique():
    clashes = {f: owners for f, owners in index().items() if len(owners) > 1}
    assert not clashes
    # case variants ("Interpol"/"INTERPOL") are fine within one organisation, not across two
    folded: dict[str, set[str]] = defaultdict(set)
    for form, owners in index().items():
        folded[form.casefold()] |= {code for code, _ in owners}
    assert not {k: v for k, v in folded.items() if len(v) > 1}


def test_surface_forms_are_clean():
    for e in entries():
        for form, _ in forms(e):
            assert isinstance(form, str) and form and form == form.strip(), (e["code"], form)


@pytest.mark.parametrize(
    ("form", "code", "sector"),
    [
        ("UN Security Council", "UN", "IGO"),
        ("UNSC", "UN", "IGO"),
        ("UNGA", "UN", "IGO"),
        ("UNHCR", "UN", "IGO"),
        ("UNICEF", "UN", "IGO"),
        ("WFP", "UN", "IGO"),
        ("MONUSCO", "UN", "MIL"),
        ("UNIFIL", "UN", "MIL"),
        ("blue helmets", "UN", "MIL"),
        ("IAEA", "IAEA", "IGO"),
        ("UN nuclear watchdog", "IAEA", "IGO"),
        ("OPCW", "OPCW", "IGO"),
        ("ICJ", "ICJ", "JUD"),
        ("World Court", "ICJ", "JUD"),
        ("ICC", "ICC", "JUD"),
        ("NATO", "NATO", "IGO"),
        ("North Atlantic Council", "NATO", "IGO"),
        ("SHAPE", "NATO", "MIL"),
        ("European Commission", "EU", "IGO"),
        ("Council of the European Union", "EU", "IGO"),
        ("European Council", "EU", "IGO"),
        ("European Parliament", "EU", "LEG"),
        ("EEAS", "EU", "IGO"),
        ("Frontex", "EU", "COP"),
        ("Arab League", "ARL", "IGO"),
        ("Gulf Cooperation Council", "GCC", "IGO"),
        ("Five Eyes", "FVEY", "SPY"),
        ("Interpol", "INTERPOL", "COP"),
        ("CSTO", "CSTO", "IGO"),
        ("ECOWAS", "ECOWAS", "IGO"),
        ("G7", "G7", "IGO"),
        ("Pan-African Parliament", "AU", "LEG"),
        ("European Court of Human Rights", "COE", "JUD"),
    ],
)
def test_forms_resolve(form, code, sector):
    assert index()[form] == {(code, sector)}
