"""Immutable run configuration, passed in explicitly (no global state).

A :class:`Config` says which database, which stages and which data files a run uses.  It is
plain data: :class:`pactwatch.resources.Resources` turns it into loaded language data once,
and every stage, the parser loader and the store's merge and seed code receive that object.

``Config.from_file`` reads the same settings from TOML or YAML (``pactwatch --config FILE``)::

    db = "sqlite:///desk.db"
    processes = 2

    [data]
    actors = "my-actors/"          # a folder of actor data files (same schema as the packaged)
    places_rules = "gazetteer.yaml"

Paths in a file are relative to the file's folder.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

import yaml

from pactwatch.errors import PactwatchError

DEFAULT_DB = "sqlite:///pactwatch.db"
DEFAULT_STAGES = (
    "pactwatch.parse.v1",
    "pactwatch.actors.v1",
    "pactwatch.time.v1",
    "pactwatch.places.v1",
    "pactwatch.events.v1",
    "pactwatch.claims.v1",
    "pactwatch.treaties.v1",
    "pactwatch.merge.v1",
)


@dataclass(frozen=True)
class DataFiles:
    """Language data to use instead of the packaged files; ``None`` is the packaged one.

    Each path has the schema of the file it replaces (see ``src/pactwatch/data/``)."""

    actors: str | None = None           # folder: countries, people, institutions, ... .yaml
    events: str | None = None           # folder: lexicon.yaml, frames.yaml
    places_rules: str | None = None     # file: gazetteer.yaml
    time_rules: str | None = None       # file: time.yaml
    quantity_rules: str | None = None   # file: quantities.yaml
    claims_cues: str | None = None      # file: cues.yaml
    cue_model: str | None = None        # file: cue_model.json
    treaty_cues: str | None = None      # file: treaty_cues.yaml
    legislatures: str | None = None     # file: legislatures.yaml
    clause_lexicon: str | None = None   # file: clause_lexicon.yaml
    current_treaties: str | None = None  # file: current_treaties.yaml
    truecase: str | None = None         # file: truecase.yaml (parse: upper-case wire copy)
    heads: str | None = None            # file: heads.yaml (parse: datelines and bylines)


@dataclass(frozen=True)
class Config:
    db: str = DEFAULT_DB
    stages: tuple[str, ...] = DEFAULT_STAGES
    max_bytes: int = 5_000_000
    processes: int = 1
    batch_size: int = 16
    model: str | None = None  # a spaCy package name; default en_core_web_sm or its PyPI copy
    data: DataFiles = field(default_factory=DataFiles)

    def replace(self, **changes) -> Config:
        return dataclasses.replace(self, **changes)

    def with_data(self, **paths: str | None) -> Config:
        """This config with some data files replaced (``with_data(actors="dir/")``)."""
        return self.replace(data=dataclasses.replace(self.data, **paths))

    @classmethod
    def from_file(cls, path: str | Path) -> Config:
        """A config from a TOML (``.toml``) or YAML (``.yaml``/``.yml``) file."""
        file = Path(path)
        return cls.from_mapping(_read(file), base=file.parent, origin=str(file))

    @classmethod
    def from_mapping(cls, doc: dict, base: Path = Path("."), origin: str = "config") -> Config:
        data = doc.get("data") or {}
        _check_keys(doc, {f.name for f in fields(cls)}, origin)
        if not isinstance(data, dict):
            raise PactwatchError("PW043", path=origin, detail="[data] must be a table of paths")
        _check_keys(data, {f.name for f in fields(DataFiles)}, f"{origin} [data]")
        paths = {k: str((base / str(v)).resolve()) for k, v in data.items() if v is not None}
        plain = {k: v for k, v in doc.items() if k != "data"}
        for name, value in plain.items():
            _check_type(name, value, origin)
        if "stages" in plain:
            plain["stages"] = tuple(plain["stages"])
        return cls(**plain, data=DataFiles(**paths))


def _read(file: Path) -> dict:
    if not file.is_file():
        raise PactwatchError("PW043", path=file, detail="file not found")
    text = file.read_text(encoding="utf-8")
    try:
        doc = tomllib.loads(text) if file.suffix == ".toml" else yaml.safe_load(text)
    except (tomllib.TOMLDecodeError, yaml.YAMLError) as exc:
        raise PactwatchError("PW043", path=file, detail=str(exc).splitlines()[0]) from None
    if not isinstance(doc, dict):
        raise PactwatchError("PW043", path=file, detail="the top level is not a mapping")
    return doc


_TYPES = {"db": str, "stages": list, "max_bytes": int, "processes": int, "batch_size": int,
          "model": str}


def _check_type(name: str, value, origin: str) -> None:
    wanted = _TYPES[name]
    ok = isinstance(value, wanted) and not isinstance(value, bool)
    if wanted is list:
        ok = ok and all(isinstance(v, str) for v in value)
    elif wanted is int:
        ok = ok and value >= 1
    if not ok:
        detail = f"{name} must be {'a list of stage names' if wanted is list else wanted.__name__}"
        if wanted is int:
            detail += " of at least 1"
        raise PactwatchError("PW043", path=origin, detail=f"{detail}, not {value!r}")


def _check_keys(doc: dict, known: set[str], origin: str) -> None:
    unknown = sorted(set(doc) - known)
    if unknown:
        detail = f"unknown setting {unknown[0]!r}; known: {', '.join(sorted(known))}"
        raise PactwatchError("PW043", path=origin, detail=detail)
