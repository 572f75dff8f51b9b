"""Relevance: an event needs a political actor acting or acted on.

An actor is political when the actors stage coded it as an office holder (``person``), a
body of a political sector, or a state (a ``country`` and no sector); an actor the detector
named from the phrase itself ("the police", "lawmakers") is political when its head word is a
title or role noun of the actor data with a political sector.  The sectors are listed in
``data/events/relevance.yaml``; the title and role nouns come from ``data/actors/titles.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from pactwatch.actors.data import Title
from pactwatch.datafiles import load_validated
from pactwatch.errors import PactwatchError
from pactwatch.events.lexicon import Source, data_dir
from pactwatch.records import Actor

SCHEMA = "pactwatch.events.relevance.v1"


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Sector(_Model):
    code: str = Field(pattern=r"^[A-Z]{3}$")
    name: str
    source: str


class RelevanceFile(_Model):
    schema_: str = Field(alias="schema")
    sources: tuple[Source, ...]
    political_sectors: tuple[Sector, ...] = Field(min_length=1)
    relational_nouns: frozenset[str] = frozenset()  # political only with a qualifier the actors stage codes
    political_types: frozenset[str] = frozenset()  # political acts whoever does them (PROTEST)


@dataclass(frozen=True)
class Relevance:
    """The political sectors, and the sector of each title or role noun (lower-cased)."""

    sectors: frozenset[str]
    role_sectors: dict[str, str]
    types: frozenset[str] = frozenset()  # event types kept without a political actor

    def political(self, actor: Actor) -> bool:
        if actor.person:
            return True
        if actor.sector or actor.country:
            return actor.sector in self.sectors if actor.sector else True
        return self.role_sector(actor.name) in self.sectors

    def role_sector(self, name: str) -> str | None:
        """The sector of a phrase named by its head word: "both state police" -> COP."""
        words = name.lower().split()
        if not words:
            return None
        return self.role_sectors.get(" ".join(words[-2:])) or self.role_sectors.get(words[-1])

    def relevant(self, source: list[Actor], target: list[Actor], kind: str | None = None) -> bool:
        """Whether the source or the target names a political actor, or the event type
        ``kind`` is a political act whoever does it."""
        return kind in self.types or any(self.political(a) for a in [*source, *target])


def load_relevance_file(folder: str | Path | None = None) -> RelevanceFile:
    """relevance.yaml of the events data ``folder``; default the packaged one."""
    file = (Path(folder) if folder else data_dir()) / "relevance.yaml"
    parsed = load_validated(file, RelevanceFile, schema=SCHEMA, missing="PW402", invalid="PW400")
    unknown = sorted({s.source for s in parsed.political_sectors} - {s.id for s in parsed.sources})
    if unknown:
        raise PactwatchError("PW400", path=str(file), detail=f"unknown source ids {unknown}")
    return parsed


def relevance_rules(file: RelevanceFile, titles: tuple[Title, ...]) -> Relevance:
    """The file's political sectors with the sectors of the actor data's titles and role nouns."""
    roles = {name.lower(): t.sector for t in titles if t.kind in ("title", "role") and t.sector
             for name in t.names if name.lower() not in file.relational_nouns}
    return Relevance(sectors=frozenset(s.code for s in file.political_sectors), role_sectors=roles,
                     types=file.political_types)
