"""Choosing the place a name refers to, given what the sentence says around it."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from pactwatch.places.gazetteer import Entry, Gazetteer, fold
from pactwatch.records import Place


@dataclass(frozen=True)
class Clues:
    """What the sentence tells about a name: a region word, the countries named, US context."""

    region: bool = False
    countries: frozenset[str] = frozenset()
    us_context: bool = False
    article_countries: frozenset[str] = frozenset()  # a weaker clue: named anywhere in the text
    landform: bool = False  # spaCy labelled it LOC


def _admins_of(entries: tuple[Entry, ...], gaz: Gazetteer) -> list[Entry]:
    """Subdivisions among the entries, else the subdivisions the cities lie in."""
    admins = [e for e in entries if e.kind == "admin1"]
    if admins:
        return admins
    codes = dict.fromkeys(e.admin1.code for e in entries if e.kind == "city" and e.admin1)
    return [gaz.admins[c] for c in codes if c in gaz.admins]


def _city_wins(city: Entry, gaz: Gazetteer) -> bool:
    return city.capital or city.population >= gaz.rules.thresholds.bare_city_min_population


def _drop_pairs(pool: list[Entry], gaz: Gazetteer) -> list[Entry]:
    """A subdivision and a city inside it with the same name: keep one (see bare_city_min)."""
    drop: set[int] = set()
    for city in (e for e in pool if e.kind == "city" and e.admin1):
        for admin in (e for e in pool if e.kind == "admin1" and e.admin1 == city.admin1):
            drop.add(id(admin) if _city_wins(city, gaz) else id(city))
    return [e for e in pool if id(e) not in drop]


def _country_choice(entries: tuple[Entry, ...], clues: Clues) -> Entry | None:
    countries = [e for e in entries if e.kind == "country"]
    if not countries:
        return None
    us_state = [e for e in entries if e.kind == "admin1" and e.country == "USA"]
    if clues.us_context and us_state and "USA" not in {c.country for c in countries}:
        return us_state[0]
    return countries[0]


def _by_country(pool: list[Entry], clues: Clues) -> list[Entry]:
    """Prefer places in the countries the sentence (else the article) names, unless that would
    trade a capital or a far larger place for a small namesake (Moscow, Idaho)."""
    top = max((e.population for e in pool if e.capital), default=0)
    for countries in (clues.countries, clues.article_countries):
        inside = [e for e in pool if e.country in countries]
        if inside and max(e.population for e in inside) * 10 >= top:
            return inside
    return pool


def choose(entries: tuple[Entry, ...], clues: Clues, gaz: Gazetteer) -> Entry | None:
    """The most likely place among the gazetteer entries for one name."""
    if not entries:
        return None
    if clues.region:
        pool = _admins_of(entries, gaz)
    else:
        country = _country_choice(entries, clues)
        if country:
            return country
        pool = list(entries)
    pool = _by_country(pool, clues)
    capitals = [e for e in pool if e.capital and not clues.region]
    pool = _drop_pairs(capitals or pool, gaz)
    return max(pool, key=lambda e: e.population, default=None)


def strip_region_word(text: str, gaz: Gazetteer) -> tuple[str, bool]:
    """("Kursk region", ...) -> ("Kursk", True); ("the province of Idlib") -> ("Idlib", True)."""
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) > 2 and gaz.is_region_word(words[0]) and words[1].lower() == "of":
        return " ".join(words[2:]), True
    if len(words) > 1 and gaz.is_region_word(words[-1]) and not gaz.lookup(" ".join(words)):
        return " ".join(words[:-1]), True
    return " ".join(words), False


def to_place(entry: Entry, start: int | None = None, end: int | None = None) -> Place:
    return Place(name=entry.name, country=entry.country, admin1=entry.admin1,
                 lat=entry.lat, lon=entry.lon, start=start, end=end)


def resolve_name(text: str, gaz: Gazetteer, clues: Clues = Clues()) -> Entry | None:
    """Resolve a place name as written ("Kursk region", "San Salvador") to a gazetteer entry."""
    name, region = strip_region_word(text, gaz)
    if not fold(name) or (fold(name) in gaz.rules.never_alone() and not region):
        return None
    clues = dataclasses.replace(clues, region=clues.region or region)
    entries = gaz.lookup(name)
    if gaz.rules.is_feature(name) and not clues.region:  # "Red Sea": the sea, not the state
        entries = tuple(e for e in entries if e.kind != "admin1")
    if clues.landform:  # spaCy's LOC: a region or landform, never a city ("Jupiter")
        entries = tuple(e for e in entries if e.kind != "city")
    if any(w.lower() in gaz.rules.never_alone() for w in name.split()):  # "Southern District"
        named = clues.countries | clues.article_countries
        entries = tuple(e for e in entries if e.kind == "country" or e.country in named)
    return choose(entries, clues, gaz)
