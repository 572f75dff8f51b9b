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

# -- the alliance registry (kept in step with migrations/versions/0002_alliances.py) ----------
# A treaty from any source is an ordinary row: ``source`` is ``atop`` (reference data),
# ``current`` (the shipped post-2018 treaties file) or ``news`` (found in articles).  Members and
# directed obligations carry both the COW code (null when unknown, e.g. news) and the ISO3 code.

OBLIGATION_TYPES = ("defense", "offense", "neutrality", "nonaggression", "consultation")

states = sa.Table(
    "states", metadata,
    sa.Column("ccode", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("cow_abbr", sa.String(8), nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("iso3", sa.String(16), nullable=False, index=True),
    sa.Column("iso_rule", sa.String(16), nullable=False),
    sa.Column("aliases", sa.JSON, nullable=False),
    sa.Column("note", sa.Text),
)

state_spells = sa.Table(
    "state_spells", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("ccode", sa.Integer, sa.ForeignKey("states.ccode"), nullable=False, index=True),
    sa.Column("start", sa.Date, nullable=False),
    sa.Column("end", sa.Date, nullable=False),
)

treaties = sa.Table(
    "treaties", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("source", sa.String(16), nullable=False, index=True),
    sa.Column("atop_id", sa.Integer, index=True),
    sa.Column("cow4id", sa.Integer),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("signed", sa.Date),
    sa.Column("ended", sa.Date),
    sa.Column("status", sa.String(32)),
    sa.Column("bilat", sa.Boolean),
    sa.Column("asymm", sa.Boolean),
    sa.Column("origin", sa.Text),
    sa.Column("data", sa.JSON, nullable=False),
)

treaty_phases = sa.Table(
    "treaty_phases", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("treaty_id", sa.String(64), sa.ForeignKey("treaties.id"), nullable=False),
    sa.Column("phase", sa.Integer, nullable=False),
    sa.Column("start", sa.Date),
    sa.Column("end", sa.Date),
    sa.Column("threats", sa.JSON, nullable=False),
    sa.Column("data", sa.JSON, nullable=False),
    sa.UniqueConstraint("treaty_id", "phase", name="uq_treaty_phase"),
)

treaty_members = sa.Table(
    "treaty_members", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("treaty_id", sa.String(64), sa.ForeignKey("treaties.id"), nullable=False),
    sa.Column("phase", sa.Integer, nullable=False),
    sa.Column("ccode", sa.Integer),
    sa.Column("iso3", sa.String(16), nullable=False),
    sa.Column("entry", sa.Date),
    sa.Column("exit", sa.Date),
    sa.Column("in_effect", sa.Boolean),
    *(sa.Column(t, sa.Boolean, nullable=False) for t in OBLIGATION_TYPES),
    sa.Column("asymm", sa.Boolean, nullable=False),
    sa.Column("obvary", sa.Boolean, nullable=False),
    sa.Column("conditions", sa.JSON, nullable=False),
    sa.Column("data", sa.JSON, nullable=False),
    sa.Index("ix_treaty_members_treaty", "treaty_id", "phase"),
    sa.Index("ix_treaty_members_iso3", "iso3"),
)

treaty_obligations = sa.Table(
    "treaty_obligations", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("treaty_id", sa.String(64), sa.ForeignKey("treaties.id"), nullable=False),
    sa.Column("phase", sa.Integer, nullable=False),
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("from_ccode", sa.Integer),
    sa.Column("to_ccode", sa.Integer),
    sa.Column("from_iso3", sa.String(16), nullable=False),
    sa.Column("to_iso3", sa.String(16), nullable=False),
    sa.Column("start", sa.Date),
    sa.Column("end", sa.Date),
    sa.Column("conditions", sa.JSON, nullable=False),
    sa.Column("conditional", sa.Boolean, nullable=False),
    sa.Column("basis", sa.String(40), nullable=False),
    sa.Column("article", sa.Text),
    sa.Column("note", sa.Text),
    sa.Column("rows", sa.JSON, nullable=False),
    sa.Index("ix_treaty_obligations_to", "to_iso3", "type", "conditional", "start", "end",
             "from_iso3"),
    sa.Index("ix_treaty_obligations_from", "from_iso3", "type"),
    sa.Index("ix_treaty_obligations_treaty", "treaty_id"),
)

treaty_ratifications = sa.Table(
    "treaty_ratifications", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("treaty_id", sa.String(64), sa.ForeignKey("treaties.id"), nullable=False,
              index=True),
    sa.Column("party", sa.String(16), nullable=False),
    sa.Column("stage", sa.String(16), nullable=False),
    sa.Column("body", sa.Text),
    sa.Column("date", sa.Date),
    sa.Column("precision", sa.String(16)),
    sa.Column("evidence", sa.JSON, nullable=False),
)

ALLIANCE_TABLES = (states, state_spells, treaties, treaty_phases, treaty_members,
                   treaty_obligations, treaty_ratifications)
