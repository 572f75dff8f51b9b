"""Initial schema: articles, events, claims, evidence, record actors.

Revision ID: 0001_initial
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def _record_table(name: str, *columns: sa.Column) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("merge_key", sa.String(64), nullable=False, index=True),
        *columns,
        sa.Column("data", sa.JSON, nullable=False),
    )


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("url", sa.Text), sa.Column("title", sa.Text), sa.Column("source", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("external_id", sa.Text),
        sa.Column("origin", sa.Text),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("error", sa.Text),
        sa.Column("ingested_at", sa.DateTime, nullable=False),
    )
    _record_table(
        "events",
        sa.Column("type", sa.String(16), nullable=False, index=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("date_value", sa.Date), sa.Column("date_precision", sa.String(16)),
        sa.Column("location", sa.Text), sa.Column("cameo", sa.String(4)),
        sa.Column("confidence", sa.Float, nullable=False),
    )
    _record_table(
        "claims",
        sa.Column("proposition", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
    )
    op.create_table(
        "evidence",
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
    )
    op.create_index("ix_evidence_record", "evidence", ["record_kind", "record_id"])
    op.create_table(
        "record_actors",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("record_kind", sa.String(16), nullable=False),
        sa.Column("record_id", sa.String(40), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("country", sa.String(16)), sa.Column("sector", sa.String(8)),
        sa.Column("person", sa.Text),
        sa.UniqueConstraint("record_kind", "record_id", "role", "name", name="uq_record_actor"),
    )
    op.create_index("ix_record_actors_country", "record_actors", ["country"])


def downgrade() -> None:
    for table in ("record_actors", "evidence", "claims", "events", "articles"):
        op.drop_table(table)
