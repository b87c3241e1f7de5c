"""Reward-model uncertainty in label sampling: each proposal's reward, the reward model that
scored a task's proposals, and how unsure it was between them.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("proposals") as batch:
        batch.add_column(sa.Column("reward", sa.Float(), nullable=True))
    with op.batch_alter_table("label_tasks") as batch:
        batch.add_column(sa.Column("reward_model", sa.String(200), nullable=True))
        batch.add_column(sa.Column("uncertainty", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("label_tasks") as batch:
        batch.drop_column("uncertainty")
        batch.drop_column("reward_model")
    with op.batch_alter_table("proposals") as batch:
        batch.drop_column("reward")
