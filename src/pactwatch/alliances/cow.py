"""COW state list (states2016.csv) and the COW code ↔ ISO3 map (data/treaties/cow_iso3.yaml).

Rule for codes (documented in the YAML): a current state gets its ISO 3166-1 alpha-3 code; a
COW code continued by a current state gets that state's code (260 GFR → DEU, 365 → RUS,
345 → SRB, 678 YAR → YEM); a dissolved state without continuator gets its ISO 3166-3 former code
(265 → DDR, 315 → CSK, 680 → YMD); a state that never had an ISO code gets ``COW:<abbr>``.
Several COW codes can share one ISO3 code (DEU: 255 and 260); an ISO3 lookup then picks the
COW code whose system membership covers the date asked about.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from pactwatch.datafiles import load_validated
from pactwatch.errors import PactwatchError
from pactwatch.treaties.data import INVALID, MISSING, data_path

ISO_RULES = ("current", "continuing", "iso3166-3", "user-assigned", "pseudo")


class Frozen(BaseModel):
    """Base of the alliance data-file models: immutable, unknown keys rejected."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Spell(Frozen):
    start: date
    end: date


class CowState(Frozen):
    """One COW state with its system-membership spells."""

    ccode: int
    abbr: str
    name: str
    spells: tuple[Spell, ...] = ()


class IsoEntry(Frozen):
    ccode: int
    cow_abbr: str
    name: str
    iso3: str
    rule: str
    aliases: tuple[str, ...] = ()
    note: str | None = None
    in_cow: bool = True


class Source(Frozen):
    name: str
    url: str


class IsoMapFile(Frozen):
    schema_name: str = Field(alias="schema")
    sources: list[Source] = Field(min_length=1)
    rules: dict[str, str]
    states: list[IsoEntry]


def read_states(directory: Path) -> list[CowState]:
    """Read ``states2016.csv`` (one row per spell) into one record per COW code."""
    path = Path(directory) / "states2016.csv"
    if not path.is_file():
        raise PactwatchError("PW001", path=path)
    spells: dict[int, list[Spell]] = {}
    names: dict[int, tuple[str, str]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            try:
                ccode = int(row["ccode"])
                spell = Spell(start=_ymd(row, "st"), end=_ymd(row, "end"))
            except (KeyError, ValueError) as exc:
                raise PactwatchError("PW300", path=path, detail=str(exc)) from exc
            names.setdefault(ccode, (row["stateabb"], row["statenme"]))
            spells.setdefault(ccode, []).append(spell)
    return [CowState(ccode=c, abbr=names[c][0], name=names[c][1], spells=tuple(s))
            for c, s in spells.items()]


def _ymd(row: dict, prefix: str) -> date:
    return date(int(row[f"{prefix}year"]), int(row[f"{prefix}month"]), int(row[f"{prefix}day"]))


ISO_MAP_PATH = data_path("cow_iso3.yaml")


def load_iso_map(path: Path = ISO_MAP_PATH) -> IsoMapFile:
    """The validated COW ↔ ISO3 data file (by default the one shipped with pactwatch)."""
    data = load_validated(Path(path), IsoMapFile, missing=MISSING, invalid=INVALID,
                          schema="pactwatch.treaties.cow_iso3.v1")
    bad = [e.ccode for e in data.states if e.rule not in ISO_RULES]
    if bad:
        raise PactwatchError("PW353", path=path, detail=f"unknown rule for COW codes {bad}")
    return data
