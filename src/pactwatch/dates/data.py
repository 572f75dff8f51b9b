"""The time-expression rules file (``data/dates/time.yaml``): schema and cached loader."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from pactwatch import errors
from pactwatch.datafiles import load_validated
from pactwatch.errors import PactwatchError

errors.define("PW520", "{path}: time rules file not found")
errors.define("PW521", "{path}: not valid time rules ({detail})")

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


@lru_cache(maxsize=4)
def load_time_rules(path: str | None = None) -> TimeRules:
    file = Path(path) if path else default_path()
    rules = load_validated(file, TimeRules, missing="PW520", invalid="PW521")
    cited = {rules.relative.source, rules.anaphoric.source, rules.attachment.source,
             rules.modifiers.source, rules.numbers.source, rules.future_cues.source,
             rules.vague.source}
    if rules.schema_ != SCHEMA or not cited <= rules.source_ids():
        raise PactwatchError("PW521", path=file, detail="wrong schema or uncited source")
    return rules
