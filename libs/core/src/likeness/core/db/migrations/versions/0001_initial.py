"""Initial schema: personas, sources, posts, api_keys.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def key(length: int) -> sa.String:
    # Byte-wise collation for machine keys on PostgreSQL (see models.key_string).
    return sa.String(length).with_variant(sa.String(length, collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "personas",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("slug", sa.String(64), nullable=False, unique=True),
        sa.Column("display_name", sa.String(200), nullable=False),
        sa.Column("card", sa.Text(), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "persona_id",
            sa.Integer(),
            sa.ForeignKey("personas.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("imported_at", TZ, nullable=False),
        sa.UniqueConstraint("persona_id", "sha256", name="uq_sources_persona_sha"),
    )
    op.create_table(
        "posts",
        sa.Column("id", key(32), primary_key=True),
        # No foreign keys: see models.Post (row-by-row checks after every COPY).
        sa.Column("persona_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("source_record", sa.Text(), nullable=False),
        sa.Column("platform", key(32), nullable=False),
        sa.Column("external_id", key(128), nullable=False),
        sa.Column("author", sa.String(200), nullable=True),
        sa.Column("created_at", TZ, nullable=True),
        sa.Column("raw_text", sa.Text(), nullable=False),
        sa.Column("clean_text", sa.Text(), nullable=False),
        sa.Column("normalized_text", sa.Text(), nullable=True),
        sa.Column("normalizer_version", sa.String(64), nullable=True),
        sa.Column("normalized_approved", sa.Boolean(), nullable=False),
        sa.Column("flags", sa.Integer(), nullable=False),
        sa.Column("reply_to_id", key(128), nullable=True),
        sa.Column("thread_id", key(32), nullable=True),
        sa.Column("duplicate_of", key(32), nullable=True),
        sa.Column("dedupe_key", key(32), nullable=False),
        sa.Column("split", sa.String(16), nullable=True),
        sa.Column("extra", sa.JSON(), nullable=False),
        sa.Column("imported_at", TZ, nullable=False),
    )
    op.create_index("ix_posts_persona_created", "posts", ["persona_id", "created_at"])
    op.create_table(
        "api_keys",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("key_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("revoked_at", TZ, nullable=True),
    )


def downgrade() -> None:
    op.drop_table("api_keys")
    op.drop_index("ix_posts_persona_created", table_name="posts")
    op.drop_table("posts")
    op.drop_table("sources")
    op.drop_table("personas")
