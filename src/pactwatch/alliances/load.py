"""Load reference data into the store: ATOP 5.1 and the COW state list."""

from __future__ import annotations

import logging
from pathlib import Path

from pydantic import BaseModel, ConfigDict
from sqlalchemy.engine import Connection

from pactwatch.alliances import repository
from pactwatch.alliances.atop import ddyr_files as find_ddyr_files
from pactwatch.alliances.atop import read_atop, read_ddyr
from pactwatch.alliances.cow import read_states
from pactwatch.alliances.derive import BASIS_DDYR, BASIS_OBVARY_UNRESOLVED, derive
from pactwatch.alliances.reference import AllianceData

log = logging.getLogger(__name__)


class LoadReport(BaseModel):
    model_config = ConfigDict(frozen=True)

    source: str
    directory: str
    counts: dict[str, int]
    ddyr_files: list[str] = []
    obvary_from_ddyr: int = 0
    obvary_unresolved: int = 0


def load_atop(conn: Connection, ref: AllianceData, directory: Path,
              obvary_from_ddyr: bool = True) -> LoadReport:
    """Replace the ATOP registry with the files in ``directory``.

    Directed obligations are derived from the member-level file; for OBVARY alliances the
    directed-dyad-year files in the same folder decide who owes whom (unless
    ``obvary_from_ddyr`` is false, which keeps the member-level coding, marked unresolved).
    """
    data = read_atop(Path(directory), ref.conditions)
    files = find_ddyr_files(directory) if obvary_from_ddyr else []
    ddyr = [row for f in files for row in read_ddyr(f)]
    obligations = derive(data.members, ref, ddyr or None)
    counts = repository.save_atop(conn, ref, data, obligations, origin=str(directory))
    log.info("loaded ATOP from %s: %s", directory, counts)
    return LoadReport(source="atop", directory=str(directory), counts=counts,
                      ddyr_files=[str(f) for f in files],
                      obvary_from_ddyr=sum(o.basis == BASIS_DDYR for o in obligations),
                      obvary_unresolved=sum(o.basis == BASIS_OBVARY_UNRESOLVED
                                            for o in obligations))


def load_cow_states(conn: Connection, ref: AllianceData, directory: Path) -> LoadReport:
    """Replace the states table with COW ``states2016.csv`` and the COW↔ISO3 map."""
    states = read_states(Path(directory))
    count = repository.save_states(conn, ref, states)
    return LoadReport(source="cow-states", directory=str(directory),
                      counts={"states": count, "spells": sum(len(s.spells) for s in states)})
