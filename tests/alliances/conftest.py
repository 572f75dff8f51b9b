"""One ATOP-loaded SQLite store per test session (loading takes a few seconds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pactwatch.alliances.load import load_atop, load_cow_states
from pactwatch.alliances.reference import AllianceData, load_alliance_data
from pactwatch.db import Database


@pytest.fixture(scope="session")
def ref() -> AllianceData:
    """The packaged alliance reference data (COW ↔ ISO3 map, ATOP conditions), loaded once."""
    return load_alliance_data()


@pytest.fixture(scope="session")
def atop_dir(shared) -> Path:
    return shared / "data" / "atop-5.1"


@pytest.fixture(scope="session")
def atop_db(shared, atop_dir, ref, tmp_path_factory) -> Database:
    """A migrated store with ATOP 5.1 (OBVARY decided from the ddyr files) and COW states."""
    db = Database(f"sqlite:///{tmp_path_factory.mktemp('atop') / 'atop.db'}")
    with db.transaction() as conn:
        load_cow_states(conn, ref, shared / "data" / "cow")
        load_atop(conn, ref, atop_dir)
    yield db
    db.close()


@pytest.fixture()
def conn(atop_db):
    with atop_db.engine.connect() as connection:
        yield connection
