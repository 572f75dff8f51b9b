"""The gazetteer rules file (``data/places/gazetteer.yaml``): schema and loader."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from pactwatch.datafiles import load_validated
from pactwatch.errors import PactwatchError

SCHEMA = "pactwatch.places.gazetteer.v1"


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Source(Model):
    id: str
    cite: str


class WordList(Model):
    source: str
    words: list[str]


class NameList(Model):
    source: str
    names: list[str]


class Suffixes(Model):
    source: str
    types: dict[str, str]


class Thresholds(Model):
    source: str
    city_min_population: Literal[500, 1000, 5000, 15000] = 15000
    ruler_min_population: int
    bare_city_min_population: int


class EventLocatives(Model):
    """Which places are an event's location (see pactwatch.places.attach)."""

    source: str
    prepositions: list[str]
    by_type: dict[str, list[str]] = Field(default_factory=dict)
    noun_links: list[str]
    of_words: list[str]

    def for_type(self, kind: str) -> frozenset[str]:
        return frozenset(self.prepositions) | frozenset(self.by_type.get(kind, ()))


class GazetteerRules(Model):
    schema_: str
    sources: list[Source]
    region_words: WordList
    english_suffixes: Suffixes
    thresholds: Thresholds
    not_in_ruler: list[NameList]
    feature_words: WordList
    us_context: WordList
    never_alone_words: WordList
    locative_words: WordList
    event_locatives: EventLocatives

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    @model_validator(mode="before")
    @classmethod
    def _schema_key(cls, raw: dict) -> dict:
        if isinstance(raw, dict) and "schema" in raw:
            raw = {**raw, "schema_": raw["schema"]}
            raw.pop("schema")
        return raw

    def cited(self) -> list[tuple[str, str]]:
        parts = [("region_words", self.region_words.source),
                 ("english_suffixes", self.english_suffixes.source),
                 ("thresholds", self.thresholds.source), ("us_context", self.us_context.source),
                 ("feature_words", self.feature_words.source),
                 ("never_alone_words", self.never_alone_words.source),
                 ("locative_words", self.locative_words.source),
                 ("event_locatives", self.event_locatives.source)]
        return parts + [("not_in_ruler", n.source) for n in self.not_in_ruler]

    def is_feature(self, name: str) -> bool:
        return any(word.lower() in self.feature_words.words for word in name.split())

    def never_alone(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.never_alone_words.words)

    def excluded(self) -> frozenset[str]:
        return frozenset(name for group in self.not_in_ruler for name in group.names)


def default_path() -> Path:
    return Path(str(resources.files("pactwatch") / "data" / "places" / "gazetteer.yaml"))


def load_rules(path: str | Path | None = None) -> GazetteerRules:
    """Read and validate the gazetteer rules (default: the packaged file); raise
    PactwatchError PW500-PW502."""
    file = Path(path) if path else default_path()
    rules = load_validated(file, GazetteerRules, schema=SCHEMA, missing="PW500", invalid="PW501")
    ids = {s.id for s in rules.sources}
    for section, source in rules.cited():
        if source not in ids:
            raise PactwatchError("PW502", path=file, section=section, source=source)
    return rules
