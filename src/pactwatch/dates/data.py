"""The time-expression rules file (``data/dates/time.yaml``): schema and loader."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from pactwatch.datafiles import load_validated
from pactwatch.errors import PactwatchError

SCHEMA = "pactwatch.dates.time.v1"


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class Source(Model):
    id: str
    cite: str


class Shift(Model):
    unit: Literal["day", "week", "month", "year"]
    shift: int


class Relative(Model):
    source: str
    phrases: dict[str, Shift]


class Words(Model):
    source: str
    words: list[str]


class Numbers(Model):
    source: str
    words: dict[str, int]


class Phrases(Model):
    source: str
    phrases: list[str]


class Attachment(Model):
    """Which clause links pass an event's time on (see pactwatch.dates.attach)."""

    source: str
    inherit_links: list[str]
    argument_links: list[str]
    own_time_markers: list[str]


class TimeRules(Model):
    schema_: str = Field(alias="schema")
    sources: list[Source]
    relative: Relative
    anaphoric: Relative
    attachment: Attachment
    modifiers: Words
    numbers: Numbers
    future_cues: Words
    vague: Phrases

    def source_ids(self) -> set[str]:
        return {s.id for s in self.sources}


def default_path() -> Path:
    return Path(str(resources.files("pactwatch") / "data" / "dates" / "time.yaml"))


def load_time_rules(path: str | Path | None = None) -> TimeRules:
    """Read and validate the time rules (default: the packaged file); raise PactwatchError
    PW520 (no file) or PW521 (not valid, or citing a source not in its sources block)."""
    file = Path(path) if path else default_path()
    rules = load_validated(file, TimeRules, schema=SCHEMA, missing="PW520", invalid="PW521")
    cited = {rules.relative.source, rules.anaphoric.source, rules.attachment.source,
             rules.modifiers.source, rules.numbers.source, rules.future_cues.source,
             rules.vague.source}
    uncited = sorted(cited - rules.source_ids())
    if uncited:
        raise PactwatchError("PW521", path=file, detail=f"source {uncited[0]!r} is not in the sources block")
    return rules
