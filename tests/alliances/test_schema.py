"""The 0002_alliances migration and the store schema's alliance tables describe the same tables."""

from __future__ import annotations

import sqlalchemy as sa

from pactwatch.db import Database
from pactwatch.store import schema


def _describe(inspector, name):
    columns = {c["name"]: (type(c["type"]).__name__, c["nullable"])
               for c in inspector.get_columns(name)}
    indexes = {tuple(i["column_names"]) for i in inspector.get_indexes(name)}
    fks = {(tuple(f["constrained_columns"]), f["referred_table"])
           for f in inspector.get_foreign_keys(name)}
    return columns, indexes, fks


def test_migration_matches_metadata(tmp_path):
    migrated = Database(f"sqlite:///{tmp_path / 'm.db'}").engine
    created = sa.create_engine(f"sqlite:///{tmp_path / 'c.db'}")
    sa.MetaData().reflect  # noqa: B018 - keep the import used in older SQLAlchemy
    for table in schema.ALLIANCE_TABLES:
        table.create(created)
    for table in schema.ALLIANCE_TABLES:
        assert _describe(sa.inspect(migrated), table.name) == \
            _describe(sa.inspect(created), table.name), table.name
