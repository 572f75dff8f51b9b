"""Reference data every store starts with: the shipped current-treaties file.

It is (re)loaded when a store is opened and the file differs from the one loaded before,
so a new user's questions about today work before any ATOP or news is loaded.
"""

from __future__ import annotations

import hashlib
import logging

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pactwatch.records import Treaty
from pactwatch.store import schema as t
from pactwatch.store.merging import merge_treaties

log = logging.getLogger(__name__)
CURRENT_KEY = "current_treaties_sha256"


def get_meta(conn: Connection, key: str) -> str | None:
    return conn.execute(sa.select(t.meta.c.value).where(t.meta.c.key == key)).scalar()


def set_meta(conn: Connection, key: str, value: str) -> None:
    conn.execute(sa.delete(t.meta).where(t.meta.c.key == key))
    conn.execute(sa.insert(t.meta).values(key=key, value=value))


def current_digest() -> str:
    from pactwatch.treaties.data import data_path

    return hashlib.sha256(data_path("current_treaties.yaml").read_bytes()).hexdigest()


def _stored_current(conn: Connection) -> dict[str, Treaty]:
    query = sa.select(t.treaties.c.data).where(t.treaties.c.source == "current")
    return {row.data["id"]: Treaty.model_validate(row.data) for row in conn.execute(query)}


def seed_current_treaties(conn: Connection) -> bool:
    """Load the current-treaties file unless this version is loaded already."""
    from pactwatch.alliances.reference import load_alliance_data
    from pactwatch.alliances.repository import delete_source, save_treaty
    from pactwatch.treaties.current import load_current

    digest = current_digest()
    if get_meta(conn, CURRENT_KEY) == digest:
        return False
    ref = load_alliance_data()
    stored = _stored_current(conn)
    delete_source(conn, "current")
    for treaty in load_current():
        if treaty.id in stored:  # the file's coding wins; news evidence and steps are kept
            treaty = merge_treaties(treaty, stored[treaty.id])
        save_treaty(conn, ref, treaty, origin="current_treaties.yaml", source="current")
    set_meta(conn, CURRENT_KEY, digest)
    log.info("loaded the current-treaties file into the store")
    return True
