"""Checks of src/pactwatch/data/actors/people.yaml (schema kind `people`).

Structure (keys, office vocabulary, codes, dates, sources), one holder per office at a time
(acting holders excepted), coverage of the states the brief names, and spot checks of
well-known office holders on given dates.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from functools import lru_cache
from itertools import combinations
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from pactwatch.actors.data import load_file

PATH = Path(__file__).resolve().parents[2] / "src" / "pactwatch" / "data" / "actors" / "people.yaml"
CUTOFF = date(2026, 11, 29)  # the data is current to this day
WINDOW_START = date(2015, 1, 1)
HISTORY_START = date(1970, 1, 1)  # issue 3: earlier office holders back to 1970
ENTRY_KEYS = frozenset({"person", "aliases", "country", "roles"})
ENTRY_OPTIONAL = frozenset({"source", "note"})
ROLE_KEYS = frozenset({"office", "sector", "start", "end", "source"})
ROLE_OPTIONAL = frozenset({"note"})
NATIONAL_OFFICES = frozenset(
    {"head_of_state", "head_of_government", "foreign_minister", "defence_minister",
     "chief_of_general_staff", "security_council_secretary", "party_leader", "president"}
)
ORG_OFFICES = frozenset({"un_secretary_general", "nato_secretary_general", "eu_high_representative"})
SECTORS = {"head_of_state": "GOV", "head_of_government": "GOV", "foreign_minister": "GOV",
           "defence_minister": "GOV", "security_council_secretary": "GOV",
           "party_leader": "GOV", "president": "GOV",
           "chief_of_general_staff": "MIL", "un_secretary_general": "IGO",
           "nato_secretary_general": "IGO", "eu_high_representative": "IGO"}
OVERLAP_DAYS = 31
STATES = (
    "USA", "RUS", "CHN", "UKR", "PRK", "KOR", "JPN", "GBR", "FRA", "DEU", "ITA", "ESP", "POL",
    "TUR", "IRN", "ISR", "PSE", "SAU", "ARE", "QAT", "EGY", "IRQ", "SYR", "LBN", "JOR", "YEM",
    "AFG", "PAK", "IND", "BGD", "MMR", "THA", "PHL", "IDN", "VNM", "MYS", "AUS", "NZL", "CAN",
    "MEX", "BRA", "ARG", "COL", "VEN", "CUB", "NGA", "ETH", "SDN", "SSD", "SOM", "KEN", "ZAF",
    "COD", "MLI", "LBY", "DZA", "MAR", "BLR", "GEO", "ARM", "AZE", "KAZ", "SRB", "HUN", "FIN",
    "SWE", "NOR", "TWN",
)
# Realms whose monarch is listed once, under GBR (an entry has one country).
SHARED_MONARCH = frozenset({"AUS", "NZL", "CAN"})
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@lru_cache(maxsize=1)
def doc() -> dict:
    return yaml.safe_load(PATH.read_text(encoding="utf-8"))


def entries() -> list[dict]:
    return doc()["entries"]


def roles() -> list[tuple[dict, dict]]:
    return [(e, r) for e in entries() for r in e["roles"]]


def day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def is_acting(role: dict) -> bool:
    return str(role.get("note", "")).startswith("acting")


def group_key(entry: dict, role: dict) -> tuple[str, str]:
    """Offices of an organisation are one office whatever the holder's nationality."""
    office = role["office"]
    return ("ORG", office) if office in ORG_OFFICES else (entry["country"], office)


def holders(country: str, office: str, on: date) -> list[str]:
    """Canonical names holding ``office`` of ``country`` (or "ORG") on ``on``.

    A role ending on ``on`` is left out: on a handover day the successor holds the office.
    """
    found = []
    for entry, role in roles():
        if group_key(entry, role) != (country, office):
            continue
        end = day(role["end"])
        if day(role["start"]) <= on and (end is None or on < end):
            found.append(entry["person"])
    return found


def test_file_loads_with_the_project_loader():
    people = load_file(PATH, "people")
    assert len(people) == len(entries()) > 700


def test_schema_and_sources_block():
    assert doc()["schema"] == "pactwatch.actors.people.v1"
    ids = [s["id"] for s in doc()["sources"]]
    assert len(ids) == len(set(ids))
    assert all(s["cite"].strip() for s in doc()["sources"])


def test_entry_keys_and_unique_canonical_names():
    names = [e["person"] for e in entries()]
    assert len(names) == len(set(names)), "Lexicon.people is keyed by canonical name"
    for e in entries():
        assert ENTRY_KEYS <= e.keys() <= ENTRY_KEYS | ENTRY_OPTIONAL, e["person"]
        assert re.fullmatch(r"[A-Z]{3}", e["country"]), e["person"]
        assert e["roles"], e["person"]


def test_aliases_are_other_spellings_not_surnames():
    for e in entries():
        aliases = e["aliases"]
        assert len(aliases) == len(set(aliases)), e["person"]
        assert e["person"] not in aliases, e["person"]
        surname = e["person"].split()[-1]
        assert surname not in aliases or len(e["person"].split()) == 1, e["person"]
        assert all(a.strip() == a and a for a in aliases), e["person"]


def test_no_alias_names_two_people_of_one_country():
    seen: dict[tuple[str, str], str] = {}
    for e in entries():
        for name in [e["person"], *e["aliases"]]:
            key = (e["country"], name.casefold())
            assert seen.setdefault(key, e["person"]) == e["person"], (name, seen[key], e["person"])


def test_role_keys_offices_and_sectors():
    for e, r in roles():
        assert ROLE_KEYS <= r.keys() <= ROLE_KEYS | ROLE_OPTIONAL, (e["person"], r)
        assert r["office"] in NATIONAL_OFFICES | ORG_OFFICES, (e["person"], r["office"])
        assert r["sector"] == SECTORS[r["office"]], (e["person"], r)


def test_dates_parse_and_are_ordered():
    for e, r in roles():
        assert ISO_DATE.match(r["start"]), (e["person"], r)
        start, end = day(r["start"]), day(r["end"])
        assert start <= CUTOFF, (e["person"], r)
        if end is not None:
            assert ISO_DATE.match(r["end"]), (e["person"], r)
            assert start <= end <= CUTOFF, (e["person"], r)
            assert end >= HISTORY_START, ("role ended before the window", e["person"], r)


def test_sources_are_urls_or_declared_ids():
    ids = {s["id"] for s in doc()["sources"]}
    for e, r in roles():
        src = r["source"]
        assert src in ids or re.match(r"^https?://\S+$", src), (e["person"], src)


def test_one_holder_per_office_at_a_time():
    spans = defaultdict(list)
    for e, r in roles():
        if not is_acting(r):
            spans[group_key(e, r)].append((day(r["start"]), day(r["end"]) or CUTOFF, e["person"]))
    for key, items in spans.items():
        for (s1, e1, p1), (s2, e2, p2) in combinations(sorted(items), 2):
            overlap = (min(e1, e2) - max(s1, s2)).days
            assert overlap <= OVERLAP_DAYS, (key, p1, p2, overlap)


@pytest.mark.parametrize("iso3", STATES)
def test_every_named_state_has_heads(iso3):
    offices = {r["office"] for e, r in roles() if e["country"] == iso3}
    assert "head_of_government" in offices
    if iso3 not in SHARED_MONARCH:
        assert "head_of_state" in offices


@pytest.mark.parametrize("office", sorted(ORG_OFFICES))
def test_organisation_offices_are_filled_throughout(office):
    for year in range(2015, 2027):
        assert len(holders("ORG", office, date(year, 6, 1))) == 1, (office, year)


SPOT_CHECKS = [
    ("USA", "head_of_state", "2019-06-01", "Donald Trump"),
    ("USA", "head_of_state", "2022-06-01", "Joe Biden"),
    ("USA", "head_of_state", "2025-06-01", "Donald Trump"),
    ("USA", "head_of_government", "2016-06-01", "Barack Obama"),
    ("USA", "foreign_minister", "2019-06-01", "Mike Pompeo"),
    ("USA", "defence_minister", "2022-06-01", "Lloyd Austin"),
    ("RUS", "head_of_state", "2024-11-06", "Vladimir Putin"),
    ("RUS", "foreign_minister", "2016-03-01", "Sergei Lavrov"),
    ("RUS", "defence_minister", "2023-01-01", "Sergei Shoigu"),
    ("RUS", "defence_minister", "2024-11-06", "Andrei Belousov"),
    ("RUS", "security_council_secretary", "2025-01-01", "Sergei Shoigu"),
    ("PRK", "foreign_minister", "2024-11-06", "Choe Son Hui"),
    ("PRK", "head_of_state", "2024-11-06", "Kim Jong Un"),
    ("CHN", "foreign_minister", "2023-05-01", "Qin Gang"),
    ("CHN", "head_of_state", "2020-01-01", "Xi Jinping"),
    ("GBR", "head_of_government", "2020-01-01", "Boris Johnson"),
    ("GBR", "head_of_government", "2023-01-01", "Rishi Sunak"),
    ("GBR", "head_of_state", "2023-01-01", "Charles III"),
    ("DEU", "head_of_government", "2019-01-01", "Angela Merkel"),
    ("FRA", "head_of_state", "2016-01-01", "François Hollande"),
    ("JPN", "head_of_government", "2019-01-01", "Shinzo Abe"),
    ("KOR", "head_of_state", "2023-01-01", "Yoon Suk Yeol"),
    ("ISR", "head_of_government", "2022-01-01", "Naftali Bennett"),
    ("TUR", "head_of_government", "2016-01-01", "Ahmet Davutoğlu"),
    ("TUR", "head_of_government", "2020-01-01", "Recep Tayyip Erdoğan"),
    ("UKR", "head_of_state", "2023-01-01", "Volodymyr Zelenskyy"),
    ("IND", "head_of_government", "2020-01-01", "Narendra Modi"),
    ("ORG", "un_secretary_general", "2015-06-01", "Ban Ki-moon"),
    ("ORG", "nato_secretary_general", "2020-06-01", "Jens Stoltenberg"),
    ("ORG", "eu_high_representative", "2022-06-01", "Josep Borrell"),
]

HISTORICAL_SPOT_CHECKS = [
    ("USA", "head_of_state", "1975-06-01", "Gerald Ford"),
    ("USA", "head_of_state", "1974-08-09", "Gerald Ford"),
    ("USA", "head_of_state", "1974-08-08", "Richard Nixon"),
    ("USA", "head_of_state", "2005-06-01", "George W. Bush"),
    ("USA", "head_of_state", "1990-06-01", "George H. W. Bush"),
    ("USA", "foreign_minister", "2003-02-05", "Colin Powell"),
    ("USA", "defence_minister", "2003-03-20", "Donald Rumsfeld"),
    ("RUS", "party_leader", "1980-01-01", "Leonid Brezhnev"),
    ("RUS", "head_of_state", "1980-01-01", "Leonid Brezhnev"),
    ("RUS", "head_of_state", "1990-06-01", "Mikhail Gorbachev"),
    ("RUS", "party_leader", "1987-01-01", "Mikhail Gorbachev"),
    ("RUS", "head_of_state", "1986-01-01", "Andrei Gromyko"),
    ("RUS", "head_of_state", "1995-01-01", "Boris Yeltsin"),
    ("RUS", "head_of_state", "2005-01-01", "Vladimir Putin"),
    ("RUS", "head_of_state", "2010-01-01", "Dmitry Medvedev"),
    ("RUS", "head_of_government", "2010-01-01", "Vladimir Putin"),
    ("RUS", "foreign_minister", "1997-01-01", "Yevgeny Primakov"),
    ("CHN", "head_of_government", "1995-01-01", "Li Peng"),
    ("CHN", "head_of_state", "2000-01-01", "Jiang Zemin"),
    ("CHN", "party_leader", "1975-01-01", "Mao Zedong"),
    ("GBR", "head_of_government", "1982-04-02", "Margaret Thatcher"),
    ("GBR", "head_of_government", "2003-03-20", "Tony Blair"),
    ("FRA", "head_of_state", "2000-01-01", "Jacques Chirac"),
    ("FRA", "head_of_state", "1990-01-01", "François Mitterrand"),
    ("FRA", "head_of_government", "1975-01-01", "Jacques Chirac"),
    ("DEU", "head_of_government", "1990-10-03", "Helmut Kohl"),
    ("DEU", "foreign_minister", "2003-01-01", "Joschka Fischer"),
    ("JPN", "head_of_government", "2003-01-01", "Junichiro Koizumi"),
    ("JPN", "head_of_state", "1980-01-01", "Hirohito"),
    ("ISR", "head_of_government", "2005-01-01", "Ariel Sharon"),
    ("ISR", "head_of_government", "1997-01-01", "Benjamin Netanyahu"),
    ("ISR", "head_of_government", "2007-01-01", "Ehud Olmert"),
    ("ISR", "head_of_government", "1979-03-26", "Menachem Begin"),
    ("IRN", "head_of_state", "1985-01-01", "Ruhollah Khomeini"),
    ("IRN", "head_of_state", "1975-01-01", "Mohammad Reza Pahlavi"),
    ("IRN", "head_of_government", "2008-01-01", "Mahmoud Ahmadinejad"),
    ("IRN", "president", "1985-01-01", "Ali Khamenei"),
    ("IND", "head_of_government", "1999-05-01", "Atal Bihari Vajpayee"),
    ("PAK", "head_of_state", "2005-01-01", "Pervez Musharraf"),
    ("KOR", "head_of_state", "2000-06-13", "Kim Dae-jung"),
    ("PRK", "head_of_state", "2000-06-13", "Kim Jong Il"),
    ("PRK", "head_of_state", "1990-01-01", "Kim Il Sung"),
    ("EGY", "head_of_state", "2000-01-01", "Hosni Mubarak"),
    ("EGY", "head_of_state", "1978-09-17", "Anwar Sadat"),
    ("IRQ", "head_of_state", "1990-08-02", "Saddam Hussein"),
    ("IRQ", "head_of_government", "2008-01-01", "Nouri al-Maliki"),
    ("SYR", "head_of_state", "1990-01-01", "Hafez al-Assad"),
    ("SAU", "head_of_state", "1990-08-02", "Fahd bin Abdulaziz"),
    ("LBN", "head_of_state", "1995-01-01", "Elias Hrawi"),
    ("LBN", "head_of_government", "2004-01-01", "Rafic Hariri"),
    ("JOR", "head_of_state", "1994-10-26", "Hussein bin Talal"),
    ("TUR", "head_of_government", "2010-01-01", "Recep Tayyip Erdoğan"),
    ("AFG", "head_of_state", "2005-01-01", "Hamid Karzai"),
    ("UKR", "head_of_state", "2000-01-01", "Leonid Kuchma"),
    ("POL", "head_of_state", "1992-01-01", "Lech Wałęsa"),
    ("ITA", "head_of_government", "2003-01-01", "Silvio Berlusconi"),
    ("CAN", "head_of_government", "1990-01-01", "Brian Mulroney"),
    ("AUS", "head_of_government", "2003-01-01", "John Howard"),
    ("BRA", "head_of_state", "2005-01-01", "Luiz Inácio Lula da Silva"),
    ("MEX", "head_of_state", "1990-01-01", "Carlos Salinas de Gortari"),
    ("ZAF", "head_of_state", "1995-01-01", "Nelson Mandela"),
    ("NGA", "head_of_state", "1995-01-01", "Sani Abacha"),
]


@pytest.mark.parametrize(("country", "office", "on", "expected"), SPOT_CHECKS)
def test_known_office_holders(country, office, on, expected):
    assert holders(country, office, date.fromisoformat(on)) == [expected]


@pytest.mark.parametrize(("country", "office", "on", "expected"), HISTORICAL_SPOT_CHECKS)
def test_known_historical_office_holders(country, office, on, expected):
    assert holders(country, office, date.fromisoformat(on)) == [expected]


def test_earlier_terms_merge_into_one_entry():
    """A person back in office after a gap is one entry with several roles (Netanyahu, Putin)."""
    netanyahu = next(e for e in entries() if e["person"] == "Benjamin Netanyahu")
    starts = {r["start"] for r in netanyahu["roles"] if r["office"] == "head_of_government"}
    assert {"1996-06-18", "2009-03-31"} <= starts
    putin = [r for e in entries() if e["person"] == "Vladimir Putin" for r in e["roles"]]
    assert {r["office"] for r in putin} == {"head_of_state", "head_of_government"}
    assert len(putin) >= 5


def test_one_person_several_offices():
    shoigu = next(e for e in entries() if e["person"] == "Sergei Shoigu")
    assert {r["office"] for r in shoigu["roles"]} == {"defence_minister", "security_council_secretary"}
    borrell = next(e for e in entries() if e["person"] == "Josep Borrell")
    assert {r["office"] for r in borrell["roles"]} == {"foreign_minister", "eu_high_representative"}


def test_acting_holder_overlaps_suspended_incumbent():
    on = date(2025, 1, 15)  # Yoon Suk Yeol suspended, Choi Sang-mok acting
    assert set(holders("KOR", "head_of_state", on)) == {"Yoon Suk Yeol", "Choi Sang-mok"}


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=WINDOW_START, max_value=CUTOFF))
def test_usa_has_exactly_one_president_every_day(on):
    assert len(holders("USA", "head_of_state", on)) == 1


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=HISTORY_START, max_value=CUTOFF))
def test_usa_and_gbr_heads_since_1970_one_at_a_time(on):
    assert len(holders("USA", "head_of_state", on)) == 1
    assert len(holders("GBR", "head_of_government", on)) == 1
