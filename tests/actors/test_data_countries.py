"""Checks of src/pactwatch/data/actors/countries.yaml (schema kind `countries`)."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from pactwatch.actors.data import load_file

PATH = (
    Path(__file__).resolve().parents[2] / "src" / "pactwatch" / "data" / "actors" / "countries.yaml"
)
REQUIRED = frozenset(
    [
        "iso3",
        "cow",
        "name",
        "formal",
        "aliases",
        "adjectives",
        "demonyms",
        "metonyms",
        "status",
        "source",
    ]
)
OPTIONAL = frozenset({"ambiguous_aliases", "note"})
METONYM_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "SPY", "COP"})
USER_ASSIGNED = frozenset({"XKX"})  # ISO 3166-1 user-assigned range X..: Kosovo only
CITY_STATES = frozenset({"SGP", "MCO", "SMR", "DJI"})  # capital named like the state itself
LIST_FIELDS = ("aliases", "ambiguous_aliases", "adjectives", "demonyms")


@lru_cache(maxsize=1)
def doc() -> dict:
    return yaml.safe_load(PATH.read_text(encoding="utf-8"))


def entries() -> list[dict]:
    return doc()["entries"]


def by_iso() -> dict[str, dict]:
    return {e["iso3"]: e for e in entries()}


def flagged(entry: dict) -> set[str]:
    """Forms this entry marks as ambiguous (ambiguous_aliases and flagged metonyms)."""
    forms = set(entry.get("ambiguous_aliases", []))
    forms |= {m["text"] for m in entry["metonyms"] if m.get("ambiguous")}
    return {f.casefold() for f in forms}


def plain_forms(entry: dict) -> set[str]:
    """Every surface form of the entry that it does not flag as ambiguous."""
    forms = {entry["name"], entry["formal"], *entry["aliases"], *entry["adjectives"]}
    forms |= set(entry["demonyms"]) | {m["text"] for m in entry["metonyms"]}
    return {f.casefold() for f in forms} - flagged(entry)


def cow_rows(shared: Path) -> list[dict]:
    with (shared / "data" / "cow" / "states2016.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_validates_against_the_loader_model():
    assert len(load_file(PATH, "countries")) == len(entries())


def test_header_and_sources():
    assert doc()["schema"] == "pactwatch.actors.countries.v1"
    ids = [s["id"] for s in doc()["sources"]]
    assert len(ids) == len(set(ids))
    assert all(s["cite"].strip() for s in doc()["sources"])
    assert {e["source"] for e in entries()} <= set(ids)


@pytest.mark.parametrize("entry", entries(), ids=lambda e: e["iso3"])
def test_entry_keys(entry):
    keys = set(entry)
    assert keys >= REQUIRED, REQUIRED - keys
    assert keys <= REQUIRED | OPTIONAL, keys - REQUIRED - OPTIONAL


def test_iso3_codes_unique_and_well_formed():
    codes = [e["iso3"] for e in entries()]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in codes)
    assert {c for c in codes if c.startswith("X")} <= USER_ASSIGNED


def test_un_membership_is_complete():
    status = defaultdict(set)
    for e in entries():
        status[e["status"]].add(e["iso3"])
    assert len(status["member"]) == 193
    assert status["observer"] == {"VAT", "PSE"}
    assert {"TWN", "XKX", "ESH"} <= status["other"]
    assert set(status) == {"member", "observer", "other"}


def test_list_fields_are_clean():
    for e in entries():
        for field in LIST_FIELDS:
            values = e.get(field, [])
            assert all(isinstance(v, str) and v == v.strip() and v for v in values), (
                e["iso3"],
                field,
            )
            assert len({v.casefold() for v in values}) == len(values), (e["iso3"], field)
        both = {a.casefold() for a in e["aliases"]} & {
            a.casefold() for a in e.get("ambiguous_aliases", [])
        }
        assert not both, (e["iso3"], both)


def test_metonyms_are_well_formed():
    for e in entries():
        for m in e["metonyms"]:
            assert set(m) <= {"text", "sector", "ambiguous"}, (e["iso3"], m)
            assert m["sector"] in METONYM_SECTORS, (e["iso3"], m)
            assert m.get("ambiguous", True) is True, (e["iso3"], m)
        texts = [m["text"].casefold() for m in e["metonyms"]]
        assert len(texts) == len(set(texts)), e["iso3"]


def test_every_state_has_a_capital():
    for e in entries():
        if e["status"] == "other" or e["iso3"] in CITY_STATES:
            continue
        assert any(m["sector"] == "GOV" for m in e["metonyms"]), e["iso3"]


def test_surface_forms_unique_unless_flagged():
    owners: dict[str, set[str]] = defaultdict(set)
    for e in entries():
        for form in plain_forms(e):
            owners[form].add(e["iso3"])
    clashes = {f: sorted(o) for f, o in owners.items() if len(o) > 1}
    assert not clashes
    # A form one entry flags as ambiguous is not claimed plainly by another entry.
    for e in entries():
        for form in flagged(e):
            assert owners.get(form, set()) <= {e["iso3"]}, (e["iso3"], form, owners.get(form))


def test_cow_codes_are_current_states_in_cow(shared):
    current = {int(r["ccode"]) for r in cow_rows(shared) if r["endyear"] == "2016"}
    codes = [e["cow"] for e in entries() if e["cow"] is not None]
    assert len(codes) == len(set(codes))
    assert set(codes) <= current
    # coverage: every state of the COW system in 2016 is here
    assert current <= set(codes)


def test_every_un_member_has_a_cow_code():
    assert not [e["iso3"] for e in entries() if e["status"] == "member" and e["cow"] is None]


@pytest.mark.parametrize(
    ("iso3", "statenme", "stateabb"),
    [
        ("USA", "United States of America", "USA"),
        ("GBR", "United Kingdom", "UKG"),
        ("RUS", "Russia", "RUS"),
        ("CHN", "China", "CHN"),
        ("PRK", "North Korea", "PRK"),
        ("KOR", "South Korea", "ROK"),
        ("DEU", "Germany", "GMY"),
        ("SSD", "South Sudan", "SSD"),
        ("XKX", "Kosovo", "KOS"),
        ("TWN", "Taiwan", "TAW"),
        ("SRB", "Yugoslavia", "YUG"),
        ("CIV", "Ivory Coast", "CDI"),
        ("COD", "Democratic Republic of the Congo", "DRC"),
        ("COG", "Congo", "CON"),
        ("MKD", "Macedonia", "MAC"),
        ("SWZ", "Swaziland", "SWA"),
        ("VNM", "Vietnam", "DRV"),
        ("YEM", "Yemen", "YEM"),
        ("IRN", "Iran", "IRN"),
    ],
)
def test_cow_code_names_the_same_state(shared, iso3, statenme, stateabb):
    rows = [r for r in cow_rows(shared) if int(r["ccode"]) == by_iso()[iso3]["cow"]]
    assert rows and {(r["statenme"], r["stateabb"]) for r in rows} == {(statenme, stateabb)}


@lru_cache(maxsize=1)
def _index() -> dict[str, set[tuple[str, str]]]:
    """Plain surface form -> {(iso3, kind)} with kind 'name' or a metonym sector."""
    index: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for e in entries():
        for form in (e["name"], *e["aliases"], *e["adjectives"], *e["demonyms"]):
            index[form].add((e["iso3"], "name"))
        for m in e["metonyms"]:
            if not m.get("ambiguous"):
                index[m["text"]].add((e["iso3"], m["sector"]))
    return index


@pytest.mark.parametrize(
    ("form", "iso3"),
    [
        ("U.S.", "USA"),
        ("US", "USA"),
        ("USA", "USA"),
        ("U.S.A.", "USA"),
        ("America", "USA"),
        ("American", "USA"),
        ("Americans", "USA"),
        ("UK", "GBR"),
        ("U.K.", "GBR"),
        ("Britain", "GBR"),
        ("Great Britain", "GBR"),
        ("British", "GBR"),
        ("Britons", "GBR"),
        ("DPRK", "PRK"),
        ("North Korean", "PRK"),
        ("ROK", "KOR"),
        ("South Korea", "KOR"),
        ("South Korean", "KOR"),
        ("PRC", "CHN"),
        ("UAE", "ARE"),
        ("Emirati", "ARE"),
        ("DRC", "COD"),
        ("Congo-Kinshasa", "COD"),
        ("Congo-Brazzaville", "COG"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("Burma", "MMR"),
        ("Czechia", "CZE"),
        ("Türkiye", "TUR"),
        ("Israeli", "ISR"),
        ("Iranian", "IRN"),
        ("Saudi", "SAU"),
        ("Vatican", "VAT"),
        ("Palestinian", "PSE"),
        ("Kosovar", "XKX"),
        ("Taiwanese", "TWN"),
    ],
)
def test_news_forms_resolve_to_one_state(form, iso3):
    assert {code for code, _ in _index()[form]} == {iso3}


@pytest.mark.parametrize(
    ("text", "iso3", "sector"),
    [
        ("the Kremlin", "RUS", "GOV"),
        ("the White House", "USA", "GOV"),
        ("the Pentagon", "USA", "MIL"),
        ("Foggy Bottom", "USA", "GOV"),
        ("Capitol Hill", "USA", "LEG"),
        ("Downing Street", "GBR", "GOV"),
        ("Whitehall", "GBR", "GOV"),
        ("Westminster", "GBR", "LEG"),
        ("the Élysée", "FRA", "GOV"),
        ("the Elysee", "FRA", "GOV"),
        ("the Quai d'Orsay", "FRA", "GOV"),
        ("Zhongnanhai", "CHN", "GOV"),
        ("the Blue House", "KOR", "GOV"),
        ("Pyongyang", "PRK", "GOV"),
        ("Moscow", "RUS", "GOV"),
        ("Kyiv", "UKR", "GOV"),
        ("Rawalpindi", "PAK", "MIL"),
        ("Lubyanka", "RUS", "SPY"),
    ],
)
def test_seats_of_power(text, iso3, sector):
    assert _index()[text] == {(iso3, sector)}


@pytest.mark.parametrize(
    ("iso3", "form"),
    [
        ("GEO", "Georgia"),
        ("JOR", "Jordan"),
        ("TCD", "Chad"),
        ("PRK", "Korea"),
        ("KOR", "Korean"),
        ("COD", "Congo"),
        ("COG", "Congolese"),
        ("MKD", "Macedonia"),
    ],
)
def test_ambiguous_names_are_flagged(iso3, form):
    assert form in by_iso()[iso3]["ambiguous_aliases"]


@pytest.mark.parametrize(
    ("iso3", "text"),
    [
        ("SYC", "Victoria"),
        ("JAM", "Kingston"),
        ("BEL", "Brussels"),
        ("NLD", "The Hague"),
        ("ETH", "Addis Ababa"),
        ("YEM", "Sanaa"),
        ("MDV", "Male"),
        ("BGR", "Sofia"),
    ],
)
def test_ambiguous_metonyms_are_flagged(iso3, text):
    metonym = next(m for m in by_iso()[iso3]["metonyms"] if m["text"] == text)
    assert metonym.get("ambiguous") is True
