"""What the store needs of the treaty registry, handed in by its caller.

Treaty rows (a treaty with its members, phases, obligations and ratification steps) are written
by the alliance registry, a layer above the store.  The store's writer (treaties found in the
news) and its seed code (the current-treaties file) fold treaties through this interface, which
the services layer implements (:class:`pactwatch.db.RegistryTreaties`).
"""

from __future__ import annotations

from typing import NamedTuple, Protocol

from sqlalchemy.engine import Connection

from pactwatch.records import Treaty


class StoredTreaty(NamedTuple):
    data: dict            # the stored JSON (a Treaty's, except for ATOP rows)
    source: str           # atop, current or news
    origin: str | None    # the file or article it came from


class TreatyRows(Protocol):
    def find(self, conn: Connection, treaty_id: str) -> StoredTreaty | None:
        """The stored treaty with this id, if any."""

    def of_source(self, conn: Connection, source: str) -> dict[str, Treaty]:
        """The stored treaties of one source, by id."""

    def delete_source(self, conn: Connection, source: str) -> None:
        """Delete every treaty of one source (and its rows)."""

    def save(self, conn: Connection, treaty: Treaty, origin: str, source: str) -> None:
        """Write one treaty (replacing the stored one of the same id)."""
