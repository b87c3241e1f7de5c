"""The labeler: label tasks (leases), proposal positions, judgment undo and comments, which
normaliser wrote a post's normalised text, and draft export batches.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def key(length: int) -> sa.String:
    return sa.String(length).with_variant(sa.String(length, collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "label_tasks",
        sa.Column("id", key(32), primary_key=True),
        sa.Column(
            "persona_id",
            sa.Integer(),
            sa.ForeignKey("personas.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("post_id", key(32), nullable=False),
        sa.Column("annotator", sa.String(100), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("lease_expires_at", TZ, nullable=False),
        sa.Column("shown_at", TZ, nullable=True),
        sa.Column("generator", sa.Text(), nullable=False),
        sa.Column("prompt_version", sa.String(64), nullable=False),
        sa.Column("prompt", sa.Text(), nullable=False),
        sa.Column("disagreement", sa.Float(), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("finished_at", TZ, nullable=True),
    )
    op.create_index("ix_label_tasks_persona_state", "label_tasks", ["persona_id", "state"])
    op.create_index("ix_label_tasks_post", "label_tasks", ["post_id"])
    op.create_index("ix_label_tasks_annotator", "label_tasks", ["persona_id", "annotator", "state"])
    op.create_index(
        "uq_label_tasks_open_post",
        "label_tasks",
        ["post_id"],
        unique=True,
        postgresql_where=sa.text("state = 'open'"),
        sqlite_where=sa.text("state = 'open'"),
    )
    with op.batch_alter_table("proposals") as batch:
        batch.add_column(sa.Column("task_id", key(32), nullable=True))
        batch.add_column(sa.Column("position", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("temperature", sa.Float(), nullable=False, server_default="0"))
        batch.create_index("ix_proposals_task", ["task_id"])
    with op.batch_alter_table("judgments") as batch:
        batch.add_column(sa.Column("task_id", key(32), nullable=True))
        batch.add_column(sa.Column("comment", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("undone_at", TZ, nullable=True))
    with op.batch_alter_table("posts") as batch:
        batch.add_column(sa.Column("normalizer_model", sa.String(200), nullable=True))
    with op.batch_alter_table("drafts") as batch:
        batch.add_column(sa.Column("export_batch", key(32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("drafts") as batch:
        batch.drop_column("export_batch")
    with op.batch_alter_table("posts") as batch:
        batch.drop_column("normalizer_model")
    with op.batch_alter_table("judgments") as batch:
        batch.drop_column("undone_at")
        batch.drop_column("comment")
        batch.drop_column("task_id")
    with op.batch_alter_table("proposals") as batch:
        batch.drop_index("ix_proposals_task")
        batch.drop_column("temperature")
        batch.drop_column("position")
        batch.drop_column("task_id")
    op.drop_index("uq_label_tasks_open_post", table_name="label_tasks")
    op.drop_index("ix_label_tasks_annotator", table_name="label_tasks")
    op.drop_index("ix_label_tasks_post", table_name="label_tasks")
    op.drop_index("ix_label_tasks_persona_state", table_name="label_tasks")
    op.drop_table("label_tasks")
