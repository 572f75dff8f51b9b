"""A key-value table for store bookkeeping (e.g. which current-treaties file is loaded).

Revision ID: 0003_meta
Revises: 0002_alliances
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_meta"
down_revision = "0002_alliances"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("meta")
