"""The treaties area's language data, loaded once for a run (see ``Resources.treaties``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pactwatch import records
from pactwatch.config import DataFiles
from pactwatch.treaties.clauses import Lexicon as ClauseLexicon
from pactwatch.treaties.current import read_current, to_record
from pactwatch.treaties.data import data_path, load_model
from pactwatch.treaties.mentions import Body, Cues, Legislatures


@dataclass(frozen=True, eq=False)
class TreatyData:
    cues: Cues
    legislatures: dict[str, Body]
    clause_lexicon: ClauseLexicon
    current: tuple[records.Treaty, ...]


def _path(given: str | None, name: str) -> Path:
    return Path(given) if given else data_path(name)


def load_treaty_data(files: DataFiles) -> TreatyData:
    from pactwatch.treaties.clauses import SCHEMA as CLAUSES

    cues = load_model(_path(files.treaty_cues, "treaty_cues.yaml"), Cues,
                      "pactwatch.treaties.cues.v1")
    bodies = load_model(_path(files.legislatures, "legislatures.yaml"), Legislatures,
                        "pactwatch.treaties.legislatures.v1")
    clauses = load_model(_path(files.clause_lexicon, "clause_lexicon.yaml"), ClauseLexicon, CLAUSES)
    current = read_current(_path(files.current_treaties, "current_treaties.yaml"))
    return TreatyData(cues=cues, legislatures={b.name: b for b in bodies.bodies},
                      clause_lexicon=clauses, current=tuple(to_record(t) for t in current.treaties))
