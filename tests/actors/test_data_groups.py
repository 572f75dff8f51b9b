"""Checks of src/pactwatch/data/actors/groups.yaml (schema kind `groups`), and of the surface
forms shared between the three files countries.yaml, organisations.yaml and groups.yaml."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache, lru_cache
from pathlib import Path

import pytest
import yaml

from pactwatch.actors.data import load_file

DATA = Path(__file__).resolve().parents[2] / "src" / "pactwatch" / "data" / "actors"
PATH = DATA / "groups.yaml"
REQUIRED = frozenset({"code", "name", "adjectives", "aliases", "source"})
# CAMEO codebook v1.1b3, Table 3.3 International Region Codes (all 25).
CAMEO_REGIONS = frozenset(
    [
        "AFR",
        "ASA",
        "BLK",
        "CRB",
        "CAU",
        "CFR",
        "CAS",
        "CEU",
        "EIN",
        "EAF",
        "EEU",
        "EUR",
        "LAM",
        "MEA",
        "MDT",
        "NAF",
        "NMR",
        "PGS",
        "SCN",
        "SAM",
        "SAS",
        "SEA",
        "SAF",
        "WAF",
        "WST",
    ]
)
CAMEO_GENERIC = frozenset({"INT", "UIS"})  # Table 3.2


@cache
def load(kind: str) -> dict:
    return yaml.safe_load((DATA / f"{kind}.yaml").read_text(encoding="utf-8"))


def entries() -> list[dict]:
    return load("groups")["entries"]


def group_forms(entry: dict) -> set[str]:
    return {entry["name"], *entry["adjectives"], *entry["aliases"]}


@lru_cache(maxsize=1)
def index() -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for e in entries():
        for form in group_forms(e):
            out[form.casefold()].add(e["code"])
    return out


def test_validates_against_the_loader_model():
    assert len(load_file(PATH, "groups")) == len(entries())


def test_header_and_sources():
    doc = load("groups")
    assert doc["schema"] == "pactwatch.actors.groups.v1"
    ids = [s["id"] for s in doc["sources"]]
    assert len(ids) == len(set(ids))
    assert {e["source"] for e in entries()} <= set(ids)


@pytest.mark.parametrize("entry", entries(), ids=lambda e: e["code"])
def test_entry_shape(entry):
    assert set(entry) == REQUIRED
    assert re.fullmatch(r"[A-Z]{3}", entry["code"])
    for form in group_forms(entry):
        assert isinstance(form, str) and form and form == form.strip(), form


def test_codes_follow_cameo():
    codes = {e["code"]: e["source"] for e in entries()}
    assert len(codes) == len(entries())
    assert set(codes) >= CAMEO_REGIONS | CAMEO_GENERIC
    assert all(codes[c] == "cameo" for c in CAMEO_REGIONS | CAMEO_GENERIC)
    extensions = set(codes) - CAMEO_REGIONS - CAMEO_GENERIC
    assert all(codes[c] == "pactwatch-ext" for c in extensions)


def test_codes_never_collide_with_countries_or_organisations():
    iso3 = {c["iso3"] for c in load("countries")["entries"]}
    orgs = {o["code"] for o in load("organisations")["entries"]}
    assert not {e["code"] for e in entries()} & (iso3 | orgs)


def test_forms_unique_within_groups():
    assert not {f: c for f, c in index().items() if len(c) > 1}


def _country_forms() -> dict[str, str]:
    """Plain (unflagged) country forms -> iso3; ambiguous ones are left out."""
    out = {}
    for c in load("countries")["entries"]:
        flagged = {f.casefold() for f in c.get("ambiguous_aliases", [])}
        flagged |= {m["text"].casefold() for m in c["metonyms"] if m.get("ambiguous")}
        plain = {c["name"], c["formal"], *c["aliases"], *c["adjectives"], *c["demonyms"]}
        plain |= {m["text"] for m in c["metonyms"]}
        out |= {f.casefold(): c["iso3"] for f in plain if f.casefold() not in flagged}
    return out


def _organisation_forms() -> dict[str, str]:
    out = {}
    for o in load("organisations")["entries"]:
        names = [o["name"], *o["aliases"]]
        for organ in o["organs"]:
            names += [organ["name"], *organ["aliases"]]
        out |= {f.casefold(): o["code"] for f in names}
    return out


def test_no_form_is_shared_across_files():
    countries, organisations = _country_forms(), _organisation_forms()
    groups = set(index())
    assert not groups & set(countries), groups & set(countries)
    assert not groups & set(organisations), groups & set(organisations)
    assert not set(countries) & set(organisations), set(countries) & set(organisations)


@pytest.mark.parametrize(
    ("form", "code"),
    [
        ("Western", "WST"),
        ("the West", "WST"),
        ("Western countries", "WST"),
        ("Western allies", "WST"),
        ("Western governments", "WST"),
        ("European", "EUR"),
        ("African", "AFR"),
        ("Asian", "ASA"),
        ("Arab", "ARB"),
        ("Middle Eastern", "MEA"),
        ("Latin American", "LAM"),
        ("Nordic", "SCN"),
        ("Gulf states", "PGS"),
        ("Baltic states", "BLT"),
        ("the Balkans", "BLK"),
        ("the international community", "INT"),
        ("the Sahel", "WAF"),
        ("Horn of Africa", "EAF"),
        ("Central Asian", "CAS"),
    ],
)
def test_forms_resolve(form, code):
    assert index()[form.casefold()] == {code}
