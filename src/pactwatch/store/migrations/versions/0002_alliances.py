"""Alliance registry: states, treaties, phases, members, directed obligations, ratifications.

Revision ID: 0002_alliances
Revises: 0001_initial
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_alliances"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

OBLIGATION_TYPES = ("defense", "offense", "neutrality", "nonaggression", "consultation")


def _treaty_fk() -> sa.Column:
    return sa.Column("treaty_id", sa.String(64), sa.ForeignKey("treaties.id"), nullable=False)


def _states() -> None:
    op.create_table(
        "states",
        sa.Column("ccode", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("cow_abbr", sa.String(8), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("iso3", sa.String(16), nullable=False),
        sa.Column("iso_rule", sa.String(16), nullable=False),
        sa.Column("aliases", sa.JSON, nullable=False),
        sa.Column("note", sa.Text),
    )
    op.create_index("ix_states_iso3", "states", ["iso3"])
    op.create_table(
        "state_spells",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("ccode", sa.Integer, sa.ForeignKey("states.ccode"), nullable=False),
        sa.Column("start", sa.Date, nullable=False),
        sa.Column("end", sa.Date, nullable=False),
    )
    op.create_index("ix_state_spells_ccode", "state_spells", ["ccode"])


def _treaties() -> None:
    op.create_table(
        "treaties",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("atop_id", sa.Integer), sa.Column("cow4id", sa.Integer),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("signed", sa.Date), sa.Column("ended", sa.Date),
        sa.Column("status", sa.String(32)),
        sa.Column("bilat", sa.Boolean), sa.Column("asymm", sa.Boolean),
        sa.Column("origin", sa.Text),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_index("ix_treaties_source", "treaties", ["source"])
    op.create_index("ix_treaties_atop_id", "treaties", ["atop_id"])
    op.create_table(
        "treaty_phases",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _treaty_fk(),
        sa.Column("phase", sa.Integer, nullable=False),
        sa.Column("start", sa.Date), sa.Column("end", sa.Date),
        sa.Column("threats", sa.JSON, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.UniqueConstraint("treaty_id", "phase", name="uq_treaty_phase"),
    )


def _members() -> None:
    op.create_table(
        "treaty_members",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _treaty_fk(),
        sa.Column("phase", sa.Integer, nullable=False),
        sa.Column("ccode", sa.Integer),
        sa.Column("iso3", sa.String(16), nullable=False),
        sa.Column("entry", sa.Date), sa.Column("exit", sa.Date),
        sa.Column("in_effect", sa.Boolean),
        *(sa.Column(t, sa.Boolean, nullable=False) for t in OBLIGATION_TYPES),
        sa.Column("asymm", sa.Boolean, nullable=False),
        sa.Column("obvary", sa.Boolean, nullable=False),
        sa.Column("conditions", sa.JSON, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_index("ix_treaty_members_treaty", "treaty_members", ["treaty_id", "phase"])
    op.create_index("ix_treaty_members_iso3", "treaty_members", ["iso3"])


def _obligations() -> None:
    op.create_table(
        "treaty_obligations",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _treaty_fk(),
        sa.Column("phase", sa.Integer, nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("from_ccode", sa.Integer), sa.Column("to_ccode", sa.Integer),
        sa.Column("from_iso3", sa.String(16), nullable=False),
        sa.Column("to_iso3", sa.String(16), nullable=False),
        sa.Column("start", sa.Date), sa.Column("end", sa.Date),
        sa.Column("conditions", sa.JSON, nullable=False),
        sa.Column("conditional", sa.Boolean, nullable=False),
        sa.Column("basis", sa.String(40), nullable=False),
        sa.Column("article", sa.Text), sa.Column("note", sa.Text),
        sa.Column("rows", sa.JSON, nullable=False),
    )
    op.create_index("ix_treaty_obligations_to", "treaty_obligations",
                    ["to_iso3", "type", "conditional", "start", "end", "from_iso3"])
    op.create_index("ix_treaty_obligations_from", "treaty_obligations", ["from_iso3", "type"])
    op.create_index("ix_treaty_obligations_treaty", "treaty_obligations", ["treaty_id"])
    op.create_table(
        "treaty_ratifications",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _treaty_fk(),
        sa.Column("party", sa.String(16), nullable=False),
        sa.Column("stage", sa.String(16), nullable=False),
        sa.Column("body", sa.Text), sa.Column("date", sa.Date),
        sa.Column("precision", sa.String(16)),
        sa.Column("evidence", sa.JSON, nullable=False),
    )
    op.create_index("ix_treaty_ratifications_treaty_id", "treaty_ratifications", ["treaty_id"])


def upgrade() -> None:
    _states()
    _treaties()
    _members()
    _obligations()


def downgrade() -> None:
    for table in ("treaty_ratifications", "treaty_obligations", "treaty_members",
                  "treaty_phases", "treaties", "state_spells", "states"):
        op.drop_table(table)
