"""Jobs (the shared work queue), datasets, and the labeler's proposals and judgments.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def key(length: int) -> sa.String:
    return sa.String(length).with_variant(sa.String(length, collation="C"), "postgresql")


def persona_fk(nullable: bool) -> sa.Column:
    return sa.Column(
        "persona_id",
        sa.Integer(),
        sa.ForeignKey("personas.id", ondelete="CASCADE"),
        nullable=nullable,
    )


def upgrade() -> None:
    op.create_table(
        "proposals",
        sa.Column("id", key(32), primary_key=True),
        persona_fk(False),
        sa.Column("post_id", key(32), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("generator", sa.Text(), nullable=False),
        sa.Column("prompt_version", sa.String(64), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_index("ix_proposals_post", "proposals", ["post_id"])
    op.create_table(
        "judgments",
        sa.Column("id", key(32), primary_key=True),
        persona_fk(False),
        sa.Column("post_id", key(32), nullable=False),
        sa.Column("annotator", sa.String(100), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("proposal_id", key(32), nullable=True),
        sa.Column("chosen", sa.Text(), nullable=False),
        sa.Column("rejected", sa.JSON(), nullable=False),
        sa.Column("edit_distance", sa.Integer(), nullable=False),
        sa.Column("seconds_spent", sa.Float(), nullable=False),
        sa.Column("prompt_version", sa.String(64), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_index("ix_judgments_persona_created", "judgments", ["persona_id", "created_at"])
    op.create_table(
        "datasets",
        sa.Column("id", key(32), primary_key=True),
        persona_fk(True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("spec", sa.JSON(), nullable=False),
        sa.Column("content_sha256", sa.String(64), nullable=False),
        sa.Column("train_rows", sa.Integer(), nullable=False),
        sa.Column("heldout_rows", sa.Integer(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_index("ix_datasets_persona_kind", "datasets", ["persona_id", "kind"])
    op.create_table(
        "jobs",
        sa.Column("id", key(32), primary_key=True),
        sa.Column("kind", sa.String(40), nullable=False),
        persona_fk(True),
        sa.Column("config", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("cancel_requested", sa.Boolean(), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("max_attempts", sa.Integer(), nullable=False),
        sa.Column("worker", sa.String(200), nullable=False),
        sa.Column("lease_expires_at", TZ, nullable=True),
        sa.Column("heartbeat_at", TZ, nullable=True),
        sa.Column("progress", sa.JSON(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("started_at", TZ, nullable=True),
        sa.Column("finished_at", TZ, nullable=True),
    )
    op.create_index("ix_jobs_status_created", "jobs", ["status", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_jobs_status_created", table_name="jobs")
    op.drop_table("jobs")
    op.drop_index("ix_datasets_persona_kind", table_name="datasets")
    op.drop_table("datasets")
    op.drop_index("ix_judgments_persona_created", table_name="judgments")
    op.drop_table("judgments")
    op.drop_index("ix_proposals_post", table_name="proposals")
    op.drop_table("proposals")
