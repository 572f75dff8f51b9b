"""Reference data every store starts with: the current-treaties file of the run's config.

It is (re)loaded when a store is opened and the file differs from the one loaded before,
so a new user's questions about today work before any ATOP or news is loaded.  The treaties
come from the run's :class:`~pactwatch.resources.Resources` (the packaged file unless the
config names another); they are written through the treaty registry handed in.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pactwatch.merge import fold_treaty
from pactwatch.resources import Resources
from pactwatch.store import schema as t
from pactwatch.store.treaty_rows import TreatyRows
from pactwatch.treaties.data import data_path

log = logging.getLogger(__name__)
CURRENT_KEY = "current_treaties_sha256"


def get_meta(conn: Connection, key: str) -> str | None:
    return conn.execute(sa.select(t.meta.c.value).where(t.meta.c.key == key)).scalar()


def set_meta(conn: Connection, key: str, value: str) -> None:
    conn.execute(sa.delete(t.meta).where(t.meta.c.key == key))
    conn.execute(sa.insert(t.meta).values(key=key, value=value))


def current_file(resources: Resources) -> Path:
    """The current-treaties file the config names, else the packaged one."""
    given = resources.config.data.current_treaties
    return Path(given) if given else data_path("current_treaties.yaml")


def current_digest(resources: Resources) -> str:
    return hashlib.sha256(current_file(resources).read_bytes()).hexdigest()


def seed_current_treaties(conn: Connection, resources: Resources, treaties: TreatyRows) -> bool:
    """Load the current-treaties file unless this version is loaded already."""
    digest = current_digest(resources)
    if get_meta(conn, CURRENT_KEY) == digest:
        return False
    stored = treaties.of_source(conn, "current")
    treaties.delete_source(conn, "current")
    for treaty in resources.treaties.current:
        if treaty.id in stored:  # the file's coding wins; news evidence and steps are kept
            treaty = fold_treaty(treaty, stored[treaty.id])
        treaties.save(conn, treaty, "current_treaties.yaml", "current")
    set_meta(conn, CURRENT_KEY, digest)
    log.info("loaded the current-treaties file into the store")
    return True
