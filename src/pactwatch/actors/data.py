"""Actor reference data: pydantic models for each YAML kind and their loader.

Every file under ``pactwatch/data/actors/`` is shaped ``{schema, sources, entries}``
(see the actor data schema).  A folder holds one ``KIND.yaml`` per kind (countries,
organisations, groups, institutions, people, titles) and any number of ``KIND-NAME.yaml``
files adding entries of that kind.  :func:`load_actor_data` validates each file against
its model (through :func:`pactwatch.datafiles.load_validated`) and raises
:class:`PactwatchError` naming the file and the bad entry.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from pactwatch.datafiles import entry_label, load_validated
from pactwatch.errors import PactwatchError

log = logging.getLogger(__name__)

ISO3 = r"^[A-Z]{3}$"


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    note: str | None = None  # a curator's remark on a contested entry; never read by the matcher


class Source(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    cite: str


class Metonym(Model):
    text: str
    sector: str
    ambiguous: bool = False  # often names something else: usable only with a role noun after it


class Country(Model):
    iso3: str = Field(pattern=ISO3)
    cow: int | None = None
    name: str
    formal: str | None = None
    aliases: list[str] = Field(default_factory=list)
    # forms that often mean something else ("Georgia", "Korean"): only with supporting context
    ambiguous_aliases: list[str] = Field(default_factory=list)
    adjectives: list[str] = Field(default_factory=list)
    demonyms: list[str] = Field(default_factory=list)
    metonyms: list[Metonym] = Field(default_factory=list)
    status: Literal["member", "observer", "other"] = "member"
    source: str


class Organ(Model):
    name: str
    aliases: list[str] = Field(default_factory=list)
    sector: str


class Organisation(Model):
    code: str = Field(pattern=r"^[A-Z0-9]{2,8}$")
    name: str
    aliases: list[str] = Field(default_factory=list)
    organs: list[Organ] = Field(default_factory=list)
    sector: str = "IGO"
    source: str


class Group(Model):
    code: str = Field(pattern=r"^[A-Z]{3}$")
    name: str
    adjectives: list[str] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)
    source: str


class DatedSector(Model):
    """The sector a body held over a period ("from"/"until" inclusive, open when missing)."""

    sector: str
    from_: date | None = Field(default=None, alias="from")
    until: date | None = None
    source: str

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    def holds_on(self, day: date) -> bool:
        return (self.from_ is None or self.from_ <= day) and (self.until is None or day <= self.until)


class Institution(Model):
    name: str
    country: str = Field(pattern=ISO3)
    sector: str  # with `sectors`: the sector for text with no publication date
    aliases: list[str] = Field(default_factory=list)
    # forms several states use ("Foreign Ministry", "Senate"): only after a nationality
    generic_names: list[str] = Field(default_factory=list)
    # a sector that changed on a date (an insurgency that took power): periods in order
    sectors: list[DatedSector] = Field(default_factory=list)
    source: str

    @model_validator(mode="after")
    def _periods_ordered(self) -> Institution:
        for before, after in zip(self.sectors, self.sectors[1:], strict=False):
            if before.until is None or after.from_ is None or after.from_ <= before.until:
                raise ValueError(f"sectors of {self.name}: periods overlap or are out of order")
        return self

    def sector_on(self, day: date | None) -> str:
        """The sector on ``day`` (the publication date), else the undated ``sector``."""
        if day is not None:
            for period in self.sectors:
                if period.holds_on(day):
                    return period.sector
        return self.sector


class Role(Model):
    office: str
    sector: str = "GOV"
    start: date
    end: date | None = None
    source: str

    @model_validator(mode="after")
    def _ordered(self) -> Role:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"role {self.office}: end {self.end} before start {self.start}")
        return self

    def holds_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


class Person(Model):
    person: str
    aliases: list[str] = Field(default_factory=list)
    country: str = Field(pattern=ISO3)
    roles: list[Role] = Field(default_factory=list)
    source: str | None = None

    def names(self) -> list[str]:
        return [self.person, *self.aliases]


TitleKind = Literal["title", "role", "place_noun", "honorific", "pair", "filler", "locative",
                    "family_name_first"]


class Title(Model):
    """A title ("Foreign Minister"), role noun ("troops"), or other matcher word list."""

    kind: TitleKind
    names: list[str] = Field(min_length=1)
    offices: list[str] = Field(default_factory=list)
    sector: str | None = None
    source: str

    @field_validator("names")
    @classmethod
    def _no_blank(cls, names: list[str]) -> list[str]:
        if any(not n.strip() for n in names):
            raise ValueError("blank name")
        return names


E = TypeVar("E", bound=Model)

KINDS: dict[str, type[Model]] = {
    "countries": Country,
    "organisations": Organisation,
    "groups": Group,
    "institutions": Institution,
    "people": Person,
    "titles": Title,
}


@dataclass(frozen=True)
class ActorData:
    """All actor reference data, validated."""

    countries: tuple[Country, ...]
    organisations: tuple[Organisation, ...]
    groups: tuple[Group, ...]
    institutions: tuple[Institution, ...]
    people: tuple[Person, ...]
    titles: tuple[Title, ...]

    def country(self, iso3: str) -> Country | None:
        return next((c for c in self.countries if c.iso3 == iso3), None)

    def institution_names(self) -> frozenset[tuple[str, str]]:
        """(canonical name, ISO3) of every named body: a Duma and a Federation Council are two."""
        return frozenset((i.name, i.country) for i in self.institutions)

    def dated_sectors(self) -> dict[tuple[str, str], Institution]:
        """(canonical name, ISO3) -> institutions whose sector changed on a date."""
        return {(i.name, i.country): i for i in self.institutions if i.sectors}

    def redate(self, actors: list, day: date | None) -> list:
        """Actors naming an institution with dated sectors, given the sector it held on ``day``."""
        dated = self.dated_sectors()
        return [a.model_copy(update={"sector": dated[(a.name, a.country)].sector_on(day)})
                if (a.name, a.country) in dated and a.person is None else a for a in actors]


class ActorFile(BaseModel, Generic[E]):
    """One actor data file: ``{schema, sources, entries}``."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    schema_: str = Field(alias="schema")
    sources: list[Source] | None = None
    entries: list[E]

    def source_ids(self) -> set[str]:
        return {s.id for s in self.sources or ()}


def _cited(entry: Model) -> list[str | None]:
    """The source fields of an entry, its roles' and its dated sectors'."""
    cited = [getattr(entry, "source", None)]
    cited += [r.source for r in getattr(entry, "roles", [])]
    return cited + [p.source for p in getattr(entry, "sectors", [])]


def _check_sources(path: Path, loaded: ActorFile) -> None:
    """A source field naming a source id (not a URL) must be declared in the sources block."""
    ids = loaded.source_ids()
    for index, entry in enumerate(loaded.entries):
        for src in _cited(entry):
            if src and "://" not in src and src not in ids:
                raise PactwatchError("PW103", path=path, index=index,
                                     label=entry_label(entry.model_dump(by_alias=True)),
                                     detail=f"source {src!r} is not in the sources block")


def load_file(path: Path, kind: str) -> tuple[Model, ...]:
    """Validate one actor data file of ``kind``; raise PactwatchError naming file and entry."""
    loaded = load_validated(path, ActorFile[KINDS[kind]], schema=f"pactwatch.actors.{kind}.v1",
                            missing="PW100", syntax="PW101", wrong_schema="PW102", entry="PW103",
                            invalid="PW104")
    _check_sources(Path(path), loaded)
    return tuple(loaded.entries)


def default_folder() -> Path:
    return Path(str(resources.files("pactwatch") / "data" / "actors"))


def kind_files(base: Path, kind: str) -> list[Path]:
    """The files of one kind in a folder: ``KIND.yaml`` (required), then any ``KIND-*.yaml``
    ("institutions-desk.yaml"), so a desk adds a file of its own without changing code."""
    return [base / f"{kind}.yaml", *sorted(base.glob(f"{kind}-*.yaml"))]


def load_actor_data(folder: str | Path | None = None) -> ActorData:
    """Load and validate every actor file of ``folder`` (default: the packaged data)."""
    base = Path(folder) if folder else default_folder()
    loaded = {kind: tuple(e for f in kind_files(base, kind) for e in load_file(f, kind))
              for kind in KINDS}
    log.info("actor data: %s", {k: len(v) for k, v in loaded.items()})
    return ActorData(**loaded)
