"""ATOP 5.1 loaders: the official CSVs into typed records.

Files (official names, in one folder): ``atop5_1a.csv`` (alliance level), ``atop5_1aph.csv``
(alliance-phase level), ``atop5_1m.csv`` (member-phase level) and, optionally, directed-dyad-year
files ``atop5_1ddyr*.csv`` (either the official file with ``stateA, stateB, defense, ...`` or the
split copies with ``ccode1, ccode2, atop_defense, ...``).

Dates follow the codebook (section 2.32): entry is the signature date; an exit of 0 means the
alliance was in effect on 31 Dec 2018 (kept open-ended: ``exit=None``).  A missing entry day is
read as the 1st of the month, a missing exit day as the last day of the month.
"""

from __future__ import annotations

import calendar
import csv
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Literal, NamedTuple

from pydantic import Field

from pactwatch.alliances.cow import Frozen, Source
from pactwatch.datafiles import load_validated
from pactwatch.errors import PactwatchError
from pactwatch.treaties.data import INVALID, MISSING, data_path

ATOP_TYPES = ("defense", "offense", "neutral", "nonagg", "consul")
FILES = {"alliances": "atop5_1a.csv", "phases": "atop5_1aph.csv", "members": "atop5_1m.csv"}
CONDITIONS_PATH = data_path("atop_conditions.yaml")


class ConditionSpec(Frozen):
    variable: str
    code: str
    kind: Literal["adversary", "location", "unchecked"]
    text: str


class ConditionsFile(Frozen):
    schema_name: str = Field(alias="schema")
    sources: list[Source] = Field(min_length=1)
    obligations: dict[str, str]
    conditions: dict[str, list[ConditionSpec]]
    other_condition: ConditionSpec

    def variables(self) -> list[str]:
        """The member-file condition variables, the catch-all one last."""
        return [*(c.variable for specs in self.conditions.values() for c in specs),
                self.other_condition.variable]


def load_conditions(path: Path = CONDITIONS_PATH) -> ConditionsFile:
    """The ATOP variable → obligation/condition vocabulary (data/treaties/atop_conditions.yaml)."""
    return load_validated(Path(path), ConditionsFile, missing=MISSING, invalid=INVALID,
                          schema="pactwatch.treaties.atop_conditions.v1")


class AtopAlliance(Frozen):
    atopid: int
    cowid: int | None = None
    cow4id: int | None = None
    begin: date
    end: date | None
    bilat: bool
    maxphase: int
    asymm: bool
    specthrt: int | None = None
    statthr: tuple[int, ...] = ()
    fields: dict[str, int | float | None]


class AtopPhase(Frozen):
    atopid: int
    phase: int
    begin: date
    end: date | None
    statthr: tuple[int, ...] = ()
    fields: dict[str, int | float | None]


class AtopMember(Frozen):
    """One member of one alliance phase (a row of atop5_1m.csv)."""

    atopid: int
    phase: int
    member: int
    entry: date
    exit: date | None
    ineffect: bool
    obligations: dict[str, bool]
    conditions: dict[str, int | None]
    asymm: bool
    obvary: bool
    statthr: tuple[int, ...] = ()
    fields: dict[str, int | float | None]

    @property
    def ref(self) -> str:
        return f"atop5_1m.csv atopid={self.atopid} phase={self.phase} member={self.member}"


class DdyrRow(NamedTuple):
    ccode1: int
    ccode2: int
    year: int
    flags: tuple[int, int, int, int, int]


class AtopData(Frozen):
    alliances: list[AtopAlliance]
    phases: list[AtopPhase]
    members: list[AtopMember]
    directory: str


def _num(value: str | None) -> int | float | None:
    if value is None or value.strip() in ("", "."):
        return None
    number = float(value)
    return int(number) if number.is_integer() else number


def _row_numbers(row: dict[str, str]) -> dict[str, int | float | None]:
    return {k: _num(v) for k, v in row.items() if k != "version"}


def entry_date(year: int, month: int, day: int | None) -> date:
    return date(int(year), int(month) or 1, int(day or 1))


def exit_date(year: int | None, month: int | None, day: int | None) -> date | None:
    """``None`` for an exit of 0 (in effect at the end of the data); missing day → month end."""
    if not year:
        return None
    month = int(month or 12)
    last = calendar.monthrange(int(year), month)[1]
    return date(int(year), month, int(day) if day else last)


def _threats(f: dict) -> tuple[int, ...]:
    return tuple(int(f[k]) for k in ("statthr1", "statthr2") if f.get(k))


def _read_csv(path: Path, kind: str) -> Iterator[dict[str, int | float | None]]:
    if not path.is_file():
        raise PactwatchError("PW001", path=path)
    with path.open(encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            try:
                yield _row_numbers(row)
            except ValueError as exc:
                raise PactwatchError("PW310", path=f"{path}:{line}", kind=kind,
                                     detail=str(exc)) from exc


def read_alliances(path: Path) -> list[AtopAlliance]:
    return [_alliance(f, path) for f in _read_csv(path, "alliance")]


def _alliance(f: dict, path: Path) -> AtopAlliance:
    try:
        return AtopAlliance(
            atopid=f["atopid"], cowid=f.get("cowid"), cow4id=f.get("cow4id"),
            begin=entry_date(f["begyr"], f["begmo"], f["begday"]),
            end=exit_date(f["endyr"], f["endmo"], f["endday"]),
            bilat=bool(f["bilat"]), maxphase=f["maxphase"] or 0, asymm=bool(f["asymm"]),
            specthrt=f.get("specthrt"), statthr=_threats(f), fields=f)
    except (KeyError, TypeError, ValueError) as exc:
        raise PactwatchError("PW310", path=path, kind="alliance", detail=repr(exc)) from exc


def read_phases(path: Path) -> list[AtopPhase]:
    phases = []
    for f in _read_csv(path, "alliance-phase"):
        try:
            phases.append(AtopPhase(
                atopid=f["atopid"], phase=f["phase"] or 0,
                begin=entry_date(f["begyr"], f["begmo"], f["begday"]),
                end=exit_date(f["endyr"], f["endmo"], f["endday"]),
                statthr=_threats(f), fields=f))
        except (KeyError, TypeError, ValueError) as exc:
            raise PactwatchError("PW310", path=path, kind="alliance-phase",
                                 detail=repr(exc)) from exc
    return phases


def read_members(path: Path, conditions: ConditionsFile) -> list[AtopMember]:
    variables = conditions.variables()
    return [_member(f, path, variables) for f in _read_csv(path, "member-level")]


def _member(f: dict, path: Path, variables: list[str]) -> AtopMember:
    try:
        return AtopMember(
            atopid=f["atopid"], phase=f["phase"] or 0, member=f["member"],
            entry=entry_date(f["yrent"], f["moent"], f["dayent"]),
            exit=exit_date(f["yrexit"], f["moexit"], f["dayexit"]),
            ineffect=bool(f["ineffect"]),
            obligations={t: f[t] == 1 for t in ATOP_TYPES},
            conditions={v: f.get(v) for v in variables},
            asymm=bool(f["asymm"]), obvary=bool(f["obvary"]), statthr=_threats(f), fields=f)
    except (KeyError, TypeError, ValueError) as exc:
        raise PactwatchError("PW310", path=path, kind="member-level", detail=repr(exc)) from exc


def read_atop(directory: Path, conditions: ConditionsFile) -> AtopData:
    """Read the alliance, phase and member files of an ATOP 5.1 folder."""
    directory = Path(directory)
    if not all((directory / name).is_file() for name in FILES.values()):
        raise PactwatchError("PW311", path=directory)
    return AtopData(alliances=read_alliances(directory / FILES["alliances"]),
                    phases=read_phases(directory / FILES["phases"]),
                    members=read_members(directory / FILES["members"], conditions),
                    directory=str(directory))


def ddyr_files(directory: Path) -> list[Path]:
    """The directed-dyad-year files in an ATOP folder (official or split by years)."""
    return sorted(Path(directory).glob("atop5_1ddyr*.csv"))


_DDYR_COLUMNS = (("ccode1", "ccode2", "atop_"), ("statea", "stateb", ""))


def read_ddyr(path: Path) -> list[DdyrRow]:
    """Read a directed-dyad-year file: (state A, state B, year, five obligation flags)."""
    path = Path(path)
    if not path.is_file():
        raise PactwatchError("PW001", path=path)
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        reader.fieldnames = [f.strip().lower() for f in reader.fieldnames or []]
        cols = next((c for c in _DDYR_COLUMNS if c[0] in reader.fieldnames), None)
        if cols is None:
            raise PactwatchError("PW310", path=path, kind="directed-dyad-year",
                                 detail=f"columns {reader.fieldnames}")
        a, b, prefix = cols
        names = [prefix + t for t in ATOP_TYPES]
        try:
            return [DdyrRow(int(r[a]), int(r[b]), int(r["year"]),
                            tuple(int(r[n] or 0) for n in names)) for r in reader]
        except (KeyError, ValueError) as exc:
            raise PactwatchError("PW310", path=path, kind="directed-dyad-year",
                                 detail=repr(exc)) from exc
