"""The blind arena: pairs of answers to one held-out request and a person's vote on each.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def key(length: int) -> sa.String:
    return sa.String(length).with_variant(sa.String(length, collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "comparisons",
        sa.Column("id", key(32), primary_key=True),
        sa.Column(
            "persona_id",
            sa.Integer(),
            sa.ForeignKey("personas.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("job_id", key(32), nullable=True),
        sa.Column("post_id", key(32), nullable=False),
        sa.Column("request", sa.Text(), nullable=False),
        sa.Column(
            "model_id",
            key(32),
            sa.ForeignKey("models.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("model_text", sa.Text(), nullable=False),
        sa.Column("opponent", key(64), nullable=False),
        sa.Column("opponent_text", sa.Text(), nullable=False),
        sa.Column("a_is_model", sa.Boolean(), nullable=False),
        sa.Column("vote", sa.String(16), nullable=True),
        sa.Column("annotator", sa.String(100), nullable=True),
        sa.Column("lease_expires_at", TZ, nullable=True),
        sa.Column("shown_at", TZ, nullable=True),
        sa.Column("seconds_spent", sa.Float(), nullable=True),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("voted_at", TZ, nullable=True),
    )
    op.create_index("ix_comparisons_persona_created", "comparisons", ["persona_id", "created_at"])
    op.create_index("ix_comparisons_model", "comparisons", ["model_id"])


def downgrade() -> None:
    op.drop_index("ix_comparisons_model", table_name="comparisons")
    op.drop_index("ix_comparisons_persona_created", table_name="comparisons")
    op.drop_table("comparisons")
