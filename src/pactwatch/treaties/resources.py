"""The treaties area's language data, loaded once for a run (see ``Resources.treaties``).

``load_treaty_data(files)`` reads the treaty cues, the legislatures, the clause lexicon and the
current-treaties file named in ``Config.data`` (each default: the packaged file), every one
validated by :func:`pactwatch.datafiles.load_validated`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from pactwatch import records
from pactwatch.config import DataFiles
from pactwatch.datafiles import load_validated
from pactwatch.treaties.clauses import Lexicon as ClauseLexicon
from pactwatch.treaties.clauses import load_lexicon
from pactwatch.treaties.current import aliases, read_current, to_record
from pactwatch.treaties.data import INVALID, MISSING, data_path

CUES = "pactwatch.treaties.cues.v1"
LEGISLATURES = "pactwatch.treaties.legislatures.v1"


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class StepCues(Model):
    legislature: list[str]
    head_of_state: list[str]
    exchange: list[str]
    in_force: list[str]
    signed: list[str]


class Cues(Model):
    schema_: str = Field(alias="schema")
    sources: list[dict]
    mentions: list[str]
    steps: StepCues


class Body(Model):
    name: str
    country: str
    stage: str
    unicameral: bool = False
    note: str | None = None


class Legislatures(Model):
    schema_: str = Field(alias="schema")
    sources: list[dict]
    bodies: list[Body]


@dataclass(frozen=True, eq=False)
class TreatyData:
    cues: Cues
    legislatures: dict[str, Body]  # by the legislature actor's name
    clause_lexicon: ClauseLexicon
    current: tuple[records.Treaty, ...]
    aliases: dict[str, tuple[str, ...]]  # the names of each current treaty, by its id


def _path(given: str | None, name: str) -> Path:
    return Path(given) if given else data_path(name)


def load_cues(path: str | None = None) -> Cues:
    file = _path(path, "treaty_cues.yaml")
    return load_validated(file, Cues, missing=MISSING, invalid=INVALID, schema=CUES)


def load_legislatures(path: str | None = None) -> dict[str, Body]:
    file = _path(path, "legislatures.yaml")
    data = load_validated(file, Legislatures, missing=MISSING, invalid=INVALID, schema=LEGISLATURES)
    return {b.name: b for b in data.bodies}


def load_treaty_data(files: DataFiles) -> TreatyData:
    current = read_current(files.current_treaties)
    return TreatyData(cues=load_cues(files.treaty_cues),
                      legislatures=load_legislatures(files.legislatures),
                      clause_lexicon=load_lexicon(files.clause_lexicon),
                      current=tuple(to_record(t) for t in current.treaties),
                      aliases=aliases(current))
