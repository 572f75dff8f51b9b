"""The current-treaties file: defence and security treaties that changed after ATOP's cut-off.

``load_current(path)`` reads the file (default ``data/treaties/current_treaties.yaml``),
validates it and returns the entries as :class:`records.Treaty`, ready for
``alliances.repository.save_treaty``; a run has them in ``Resources.treaties.current``.  The file's
header documents its conventions (accessions to ATOP treaties, unicameral legislatures).
"""

from __future__ import annotations

from datetime import date
from itertools import permutations
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from pactwatch import records
from pactwatch.datafiles import load_validated
from pactwatch.records import DateValue, ObligationType, RatificationStage
from pactwatch.treaties.data import INVALID, MISSING, data_path

SCHEMA = "pactwatch.treaties.current.v1"
ISO3 = r"^[A-Z]{3}$"


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Source(Model):
    id: str
    cite: str
    url: str


class ObligationSpec(Model):
    type: ObligationType
    mutual: bool = False
    from_: list[str] = Field(default_factory=list, alias="from")
    to: list[str] = Field(default_factory=list)
    article: str | None = None
    conditions: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _directed_or_mutual(self) -> ObligationSpec:
        if self.mutual == bool(self.from_ or self.to):
            raise ValueError("give either mutual: true or from/to lists")
        return self


class Step(Model):
    party: str = Field(pattern=ISO3)
    stage: RatificationStage
    body: str | None = None
    date: DateValue
    source: str


class Accession(Model):
    atop_id: int
    name: str


class CurrentTreaty(Model):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    name: str
    aliases: list[str] = Field(default_factory=list)
    parties: list[str] = Field(default_factory=list)
    accession_to: Accession | None = None
    joins: str | None = Field(default=None, pattern=ISO3)
    counterparts: list[str] = Field(default_factory=list)
    signed: DateValue
    place: str | None = None
    signatories: list[str] = Field(default_factory=list)
    obligations: list[ObligationSpec]
    ratification: list[Step] = Field(default_factory=list)
    status: Literal["signed", "in_force", "political_commitment", "ended"]
    note: str | None = None
    sources: list[str] = Field(min_length=1)

    @field_validator("counterparts", mode="before")
    @classmethod
    def _flatten(cls, value: list) -> list:
        """A YAML alias of a member list may appear as one nested item."""
        return [x for item in value for x in (item if isinstance(item, list) else [item])]

    @model_validator(mode="after")
    def _shape(self) -> CurrentTreaty:
        if self.accession_to and not (self.joins and self.counterparts) or \
                self.accession_to is None and len(self.parties) < 2:
            raise ValueError("a treaty needs two parties; an accession needs joins and counterparts")
        bad = [p for p in self.all_parties() if len(p) != 3 or not p.isupper()]
        if bad:
            raise ValueError(f"not ISO3 codes: {bad}")
        return self

    def all_parties(self) -> list[str]:
        if self.accession_to:
            return [*self.counterparts, self.joins]
        return list(self.parties)

    def in_force(self) -> date | None:
        return next((s.date.value for s in self.ratification if s.stage == "in_force"), None)


class CurrentFile(Model):
    schema_: str = Field(alias="schema")
    sources: list[Source]
    nato_2018: list[str] = Field(default_factory=list)
    treaties: list[CurrentTreaty]

    @model_validator(mode="after")
    def _references(self) -> CurrentFile:
        known = {s.id for s in self.sources}
        for t in self.treaties:
            cited = set(t.sources) | {s.source for s in t.ratification}
            if missing := sorted(cited - known):
                raise ValueError(f"treaty {t.id}: unknown source ids {missing}")
        ids = [t.id for t in self.treaties]
        if len(ids) != len(set(ids)):
            raise ValueError("duplicate treaty ids")
        return self


def read_current(path: str | Path | None = None) -> CurrentFile:
    """The current-treaties file of ``path``, validated; default the packaged one."""
    file = Path(path) if path else data_path("current_treaties.yaml")
    return load_validated(file, CurrentFile, missing=MISSING, invalid=INVALID, schema=SCHEMA)


def load_current(path: str | Path | None = None) -> list[records.Treaty]:
    """Every entry of the current-treaties file as a records.Treaty."""
    return [to_record(t) for t in read_current(path).treaties]


def to_record(t: CurrentTreaty) -> records.Treaty:
    return records.Treaty(
        id=t.id, name=t.name, parties=t.all_parties(), signed=t.signed,
        signatories=t.signatories, obligations=obligations_of(t),
        ratification=[records.Ratification(party=s.party, stage=s.stage, body=s.body, date=s.date)
                      for s in t.ratification],
        status=t.status, atop_id=None)


def obligations_of(t: CurrentTreaty) -> list[records.Obligation]:
    """Directed obligations: every ordered pair for a mutual one (an accession: only the pairs
    that include the new member), else each from→to pair."""
    out: list[records.Obligation] = []
    for spec in t.obligations:
        conditions = [*spec.conditions, *([f"article:{spec.article}"] if spec.article else [])]
        for a, b in _pairs(t, spec):
            out.append(records.Obligation(type=spec.type, from_=a, to=b, conditions=conditions))
    return out


def _pairs(t: CurrentTreaty, spec: ObligationSpec) -> list[tuple[str, str]]:
    if not spec.mutual:
        return [(a, b) for a in spec.from_ for b in spec.to if a != b]
    if t.accession_to:
        return [p for c in t.counterparts for p in ((t.joins, c), (c, t.joins))]
    return list(permutations(t.parties, 2))


def aliases(file: CurrentFile) -> dict[str, tuple[str, ...]]:
    """The names news uses for each known treaty (its name first), by treaty id."""
    return {t.id: (t.name, *t.aliases) for t in file.treaties}
