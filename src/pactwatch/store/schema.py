"""The store's tables (SQLAlchemy Core), one schema for SQLite and PostgreSQL.

Full records are kept as JSON in ``data``; the columns beside it are what
queries filter on.  Evidence and actors are rows of their own so that a fact
said five times is one record with five evidence rows.  Keep this file in step
with the migrations under ``migrations/versions`` (a test compares them).
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

articles = sa.Table(
    "articles", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("source", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("language", sa.String(8), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("external_id", sa.Text),
    sa.Column("origin", sa.Text),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("error", sa.Text),
    sa.Column("ingested_at", sa.DateTime, nullable=False),
)

events = sa.Table(
    "events", metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("merge_key", sa.String(64), nullable=False, index=True),
    sa.Column("type", sa.String(16), nullable=False, index=True),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("date_value", sa.Date),
    sa.Column("date_precision", sa.String(16)),
    sa.Column("location", sa.Text),
    sa.Column("cameo", sa.String(4)),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("data", sa.JSON, nullable=False),
)

claims = sa.Table(
    "claims", metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("merge_key", sa.String(64), nullable=False, index=True),
    sa.Column("proposition", sa.Text, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("data", sa.JSON, nullable=False),
)

evidence = sa.Table(
    "evidence", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("record_kind", sa.String(16), nullable=False),
    sa.Column("record_id", sa.String(40), nullable=False),
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), nullable=False),
    sa.Column("sentence", sa.Integer, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.UniqueConstraint("record_kind", "record_id", "article_id", "start", "end",
                        name="uq_evidence_span"),
    sa.Index("ix_evidence_record", "record_kind", "record_id"),
)

record_actors = sa.Table(
    "record_actors", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("record_kind", sa.String(16), nullable=False),
    sa.Column("record_id", sa.String(40), nullable=False),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("country", sa.String(16)),
    sa.Column("sector", sa.String(8)),
    sa.Column("person", sa.Text),
    sa.UniqueConstraint("record_kind", "record_id", "role", "name", name="uq_record_actor"),
    sa.Index("ix_record_actors_country", "country"),
)


meta = sa.Table(
    "meta", metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

# Area tables live with their areas but on this metadata (imported last: they import `metadata`).
from pactwatch.alliances import schema as _alliances  # noqa: E402,F401
