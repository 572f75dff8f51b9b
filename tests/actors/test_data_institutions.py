"""Checks of src/pactwatch/data/actors/institutions.yaml (schema kind `institutions`)."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).resolve().parents[2] / "src" / "pactwatch" / "data" / "actors"
PATH = DATA / "institutions.yaml"

SECTORS = frozenset(
    [
        "GOV",
        "MIL",
        "LEG",
        "JUD",
        "SPY",
        "COP",
        "REB",
        "OPP",
        "ELI",
        "MED",
        "CVL",
        "BUS",
        "EDU",
        "HLH",
        "IGO",
        "NGO",
        "PTY",
        "REL",
        "UAF",
        "INS",
    ]
)
REQUIRED = frozenset({"name", "country", "sector", "aliases", "source"})
OPTIONAL = frozenset({"generic_names", "note", "sectors"})  # sectors: dated, see actors.data
ISO3 = re.compile(r"^[A-Z]{3}$")
VOCABULARY_SOURCE = "gdelt-cameo-type"  # cited by the file header for the sector codes
NON_STATE = frozenset({"REB", "INS", "UAF"})

# The states the brief names as most present in security news: each needs a government body
# and an armed force (for PSE the armed forces are the non-state groups, checked separately).
CORE_STATES = [
    "USA",
    "RUS",
    "CHN",
    "UKR",
    "PRK",
    "KOR",
    "JPN",
    "GBR",
    "FRA",
    "DEU",
    "ITA",
    "ESP",
    "POL",
    "TUR",
    "IRN",
    "ISR",
    "PSE",
    "SAU",
    "ARE",
    "QAT",
    "EGY",
    "IRQ",
    "SYR",
    "LBN",
    "JOR",
    "YEM",
    "AFG",
    "PAK",
    "IND",
    "MMR",
    "PHL",
    "IDN",
    "VNM",
    "AUS",
    "CAN",
    "MEX",
    "BRA",
    "COL",
    "VEN",
    "CUB",
    "NGA",
    "ETH",
    "SDN",
    "SOM",
    "KEN",
    "ZAF",
    "COD",
    "MLI",
    "LBY",
    "BLR",
    "GEO",
    "ARM",
    "AZE",
    "SRB",
    "HUN",
    "FIN",
    "SWE",
    "NOR",
    "TWN",
    "BFA",
    "NER",
]

# Bare forms that name a kind of body in many states: never an alias, only a generic name.
GENERIC_FORMS = frozenset(
    s.casefold()
    for s in (
        "Parliament",
        "Senate",
        "National Assembly",
        "House of Representatives",
        "Congress",
        "Supreme Court",
        "Constitutional Court",
        "Foreign Ministry",
        "Ministry of Foreign Affairs",
        "Defence Ministry",
        "Defense Ministry",
        "Ministry of Defence",
        "Ministry of Defense",
        "Army",
        "Navy",
        "Air Force",
        "armed forces",
        "military",
        "National Guard",
        "General Staff",
        "Joint Chiefs of Staff",
        "National Security Council",
        "Interior Ministry",
        "Presidential Office",
        "Cabinet",
        "Government",
        "Coast Guard",
        "police",
        "Marines",
    )
)
# Seats of power used for governments: owned by countries.yaml, never aliases here.
METONYMS = frozenset(
    s.casefold()
    for s in (
        "the Pentagon",
        "Pentagon",
        "the Kremlin",
        "Kremlin",
        "White House",
        "Downing Street",
        "Whitehall",
        "Quai d'Orsay",
        "Foggy Bottom",
        "Bankova",
        "Farnesina",
        "Itamaraty",
        "Zhongnanhai",
        "Blue House",
        "Cheong Wa Dae",
        "Elysee",
        "Élysée",
        "Westminster",
        "Scotland Yard",
        "Langley",
    )
)


def norm(text: str) -> str:
    return " ".join(text.split()).casefold()


@lru_cache(maxsize=1)
def load() -> dict:
    return yaml.safe_load(PATH.read_text(encoding="utf-8"))


def entries() -> list[dict]:
    return load()["entries"]


def matchable(entry: dict) -> list[str]:
    """The strings that identify the entry on their own: its name and aliases."""
    return [entry["name"], *entry["aliases"]]


def test_schema_and_sources_block():
    doc = load()
    assert doc["schema"] == "pactwatch.actors.institutions.v1"
    ids = [s["id"] for s in doc["sources"]]
    assert len(ids) == len(set(ids)), "duplicate source ids"
    for source in doc["sources"]:
        assert set(source) == {"id", "cite"}
        assert "http" in source["cite"], source["id"]


def test_every_source_id_is_declared_and_used():
    declared = {s["id"] for s in load()["sources"]}
    used = {e["source"] for e in entries()}
    used |= {p["source"] for e in entries() for p in e.get("sectors", [])}
    assert used <= declared, sorted(used - declared)
    unused = declared - used - {VOCABULARY_SOURCE}
    assert not unused, f"declared but never cited: {sorted(unused)}"


@pytest.mark.parametrize("key", sorted(REQUIRED))
def test_required_keys_present(key):
    missing = [e.get("name", e) for e in entries() if key not in e]
    assert not missing, missing


def test_no_unknown_keys_and_types():
    for e in entries():
        assert set(e) <= REQUIRED | OPTIONAL, (e["name"], set(e) - REQUIRED - OPTIONAL)
        assert isinstance(e["name"], str) and e["name"].strip() == e["name"] != ""
        assert isinstance(e["aliases"], list)
        assert all(isinstance(a, str) and a.strip() == a != "" for a in e["aliases"]), e["name"]
        generic = e.get("generic_names", [])
        assert isinstance(generic, list) and all(isinstance(g, str) and g for g in generic)
        assert isinstance(e.get("note", ""), str)


def test_country_codes_are_iso3():
    bad = [(e["name"], e["country"]) for e in entries() if not ISO3.match(str(e["country"]))]
    assert not bad, bad


def test_countries_exist_in_countries_file():
    countries = DATA / "countries.yaml"
    if not countries.exists():
        pytest.skip("countries.yaml not written yet")
    known = {c["iso3"] for c in yaml.safe_load(countries.read_text(encoding="utf-8"))["entries"]}
    unknown = sorted({e["country"] for e in entries()} - known)
    assert not unknown, unknown


def test_sector_vocabulary():
    bad = [(e["name"], e["sector"]) for e in entries() if e["sector"] not in SECTORS]
    assert not bad, bad


def test_non_state_armed_groups_explain_their_sector():
    bare = [e["name"] for e in entries() if e["sector"] in NON_STATE and not e.get("note")]
    assert not bare, bare


def test_names_unique():
    seen = defaultdict(list)
    for e in entries():
        seen[norm(e["name"])].append(e["country"])
    assert not {k: v for k, v in seen.items() if len(v) > 1}


def test_no_alias_shared_by_two_entries():
    owners = defaultdict(set)
    for i, e in enumerate(entries()):
        for text in matchable(e):
            owners[norm(text)].add(i)
    shared = {t: [entries()[i]["name"] for i in ids] for t, ids in owners.items() if len(ids) > 1}
    assert not shared, shared


def test_no_duplicate_strings_within_an_entry():
    for e in entries():
        texts = [norm(t) for t in matchable(e) + e.get("generic_names", [])]
        assert len(texts) == len(set(texts)), e["name"]


def test_generic_names_are_never_aliases():
    generic = {norm(g) for e in entries() for g in e.get("generic_names", [])}
    clash = sorted(norm(t) for e in entries() for t in e["aliases"] if norm(t) in generic)
    assert not clash, clash


def test_bare_generic_forms_are_not_aliases():
    bad = [(e["name"], a) for e in entries() for a in matchable(e) if norm(a) in GENERIC_FORMS]
    assert not bad, bad


def test_metonyms_are_left_to_countries_file():
    bad = [(e["name"], a) for e in entries() for a in matchable(e) if norm(a) in METONYMS]
    assert not bad, bad


def test_metonyms_in_countries_file_are_not_aliases():
    countries = DATA / "countries.yaml"
    if not countries.exists():
        pytest.skip("countries.yaml not written yet")
    doc = yaml.safe_load(countries.read_text(encoding="utf-8"))
    metonyms = {norm(m["text"]) for c in doc["entries"] for m in c.get("metonyms") or []}
    bad = [(e["name"], a) for e in entries() for a in matchable(e) if norm(a) in metonyms]
    assert not bad, bad


def test_breadth():
    assert len(entries()) >= 350
    by_state = defaultdict(set)
    for e in entries():
        by_state[e["country"]].add(e["sector"])
    missing_gov = [c for c in CORE_STATES if "GOV" not in by_state[c]]
    assert not missing_gov, missing_gov
    armed = {"MIL", "REB", "INS", "UAF"}
    missing_arms = [c for c in CORE_STATES if not by_state[c] & armed]
    assert not missing_arms, missing_arms


def test_legislatures_present_where_they_sit():
    # States with no sitting national legislature at the time of writing are exempt.
    without = {"AFG", "SDN", "NER", "PSE", "MMR"}
    legislatures = {e["country"] for e in entries() if e["sector"] == "LEG"}
    missing = [c for c in CORE_STATES if c not in without and c not in legislatures]
    assert not missing, missing


def test_validates_with_the_shared_loader():
    from pactwatch.actors.data import load_file

    loaded = load_file(PATH, "institutions")
    assert len(loaded) == len(entries())
    assert {i.country for i in loaded} >= set(CORE_STATES)


def test_a_folder_takes_more_files_of_a_kind_without_code(tmp_path):
    """``institutions-desk.yaml`` beside ``institutions.yaml``: its entries join the kind."""
    import shutil

    from pactwatch.actors.data import default_folder, load_actor_data

    shutil.copytree(default_folder(), tmp_path / "actors")
    (tmp_path / "actors" / "institutions-desk.yaml").write_text(
        "schema: pactwatch.actors.institutions.v1\n"
        "sources:\n  - id: desk\n    cite: \"The desk's own list, https://example.org/desk\"\n"
        "entries:\n  - name: Vestmark Assembly\n    country: NOR\n    sector: LEG\n    source: desk\n",
        encoding="utf-8")
    data = load_actor_data(tmp_path / "actors")
    assert "Vestmark Assembly" in {i.name for i in data.institutions}
    assert len(data.institutions) == len(load_actor_data().institutions) + 1
