"""The gazetteer and name resolution (no spaCy needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pactwatch.errors import PactwatchError
from pactwatch.places.data import load_rules
from pactwatch.places.gazetteer import cache_file, fold, load_gazetteer
from pactwatch.places.resolve import Clues, resolve_name


@pytest.fixture(scope="module")
def gaz(resources):
    return resources.gazetteer


def where(entry) -> tuple:
    return entry.name, entry.kind, entry.country, entry.admin1.code if entry.admin1 else None


@pytest.mark.parametrize("text", ["Kursk", "Kursk region", "Kursk Oblast", "the Kursk region",
                                  "Kursk oblast"])
def test_kursk_is_the_oblast(gaz, text):
    entry = resolve_name(text, gaz)
    assert where(entry) == ("Kursk Oblast", "admin1", "RUS", "RU-KRS")
    assert entry.lat == pytest.approx(51.7, abs=0.5) and entry.lon == pytest.approx(36.2, abs=0.5)


@pytest.mark.parametrize(("text", "expected"), [
    ("Ayacucho department", ("Ayacucho Department", "admin1", "PER", "PE-AYA")),
    ("the province of Idlib", ("Idlib Governorate", "admin1", "SYR", "SY-ID")),
    ("Donetsk Oblast", ("Donetsk Oblast", "admin1", "UKR", "UA-14")),
    ("Belgorod region", ("Belgorod Oblast", "admin1", "RUS", "RU-BEL")),
    ("San Salvador", ("San Salvador", "city", "SLV", "SV-SS")),  # a capital: the city
    ("Lima", ("Lima", "city", "PER", "PE-LMA")),
    ("Kharkiv", ("Kharkiv", "city", "UKR", "UA-63")),  # over a million people: the city
    ("Kiev", ("Kyiv", "city", "UKR", "UA-30")),  # an alternate spelling
    ("Washington", ("Washington", "city", "USA", "US-DC")),
    ("Peru", ("Peru", "country", "PER", None)),
    ("U.S.", ("United States", "country", "USA", None)),  # canonical name, as written aside
])
def test_resolution(gaz, text, expected):
    assert where(resolve_name(text, gaz)) == expected


def test_georgia_is_the_country_unless_us_context(gaz):
    assert where(resolve_name("Georgia", gaz))[2] == "GEO"
    assert where(resolve_name("Georgia", gaz, Clues(us_context=True)))[3] == "US-GA"


def test_country_in_sentence_breaks_ties(gaz):
    assert resolve_name("Springfield", gaz).country == "USA"
    assert resolve_name("Ayacucho", gaz, Clues(countries=frozenset({"ARG"}))).country == "ARG"


def test_a_sea_is_not_a_subdivision(gaz):
    assert resolve_name("Red Sea", gaz) is None


@pytest.mark.parametrize("text", ["the West", "North", "Centre", "the Far East"])
def test_compass_words_are_not_places(gaz, text):
    assert resolve_name(text, gaz) is None  # Cameroon has a "West Region"; "the West" is not it


def test_unknown_names(gaz):
    assert resolve_name("Narnia", gaz) is None
    assert resolve_name("", gaz) is None


def test_fold():
    assert fold("Kurskaya oblast’") == "kurskaya oblast"
    assert fold("Deir ez-Zor") == "deir ez zor"
    assert fold("Apurímac") == "apurimac"


def test_ruler_is_lean_and_keeps_person_names_out(gaz):
    names = set(gaz.ruler_names)
    assert {"Kursk", "Kursk Oblast", "Idlib"} <= names
    assert not names & {"Jordan", "Georgia", "Chad", "Paris", "Austin", "Michael", "Red Sea"}
    assert len(names) < 15_000


def test_rules_errors(tmp_path):
    with pytest.raises(PactwatchError, match="PW500"):
        load_rules(str(tmp_path / "none.yaml"))
    bad = tmp_path / "g.yaml"
    bad.write_text("schema: pactwatch.places.gazetteer.v1\nsources: []\n", encoding="utf-8")
    with pytest.raises(PactwatchError, match="PW501"):
        load_rules(str(bad))


def test_build_cache_round_trip(gaz, resources, tmp_path, monkeypatch):
    from pactwatch.places import gazetteer as module
    from pactwatch.resources import cache_dir

    monkeypatch.setenv("PACTWATCH_CACHE_DIR", str(tmp_path))
    countries = resources.actors.countries
    path = cache_file(cache_dir(), gaz.rules, countries)
    assert path.parent == tmp_path
    module._write_cache(path, gaz)
    again = module._read_cache(path)
    assert again.ruler_names == gaz.ruler_names and again.lookup("Kursk") == gaz.lookup("Kursk")
    assert load_gazetteer(gaz.rules, countries, tmp_path).ruler_names == gaz.ruler_names
    path.write_bytes(b"not a pickle")
    assert module._read_cache(path) is None  # a broken cache is rebuilt, not fatal
    monkeypatch.setenv("PACTWATCH_CACHE_DIR", "")
    assert cache_dir() is None and cache_file(cache_dir(), gaz.rules, countries) is None
    monkeypatch.delenv("PACTWATCH_CACHE_DIR")
    assert cache_dir() == Path.home() / ".cache" / "pactwatch"
