"""SQLAlchemy 2 models: the tables every service shares.

Changing a model means adding an Alembic revision under ``migrations/versions``; a test checks
that the migrations and these models agree.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dict[str, Any]: JSON,
        datetime: DateTime(timezone=True),
    }


class Persona(Base):
    __tablename__ = "personas"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    card: Mapped[str] = mapped_column(Text, default="")
    # Which flags keep a post out of training, and other per-persona choices (see PersonaSettings).
    settings: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Source(Base):
    """One imported file (or folder / archive): what it was, its hash, and what came of it."""

    __tablename__ = "sources"
    __table_args__ = (UniqueConstraint("persona_id", "sha256", name="uq_sources_persona_sha"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    persona_id: Mapped[int] = mapped_column(ForeignKey("personas.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    size_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    counts: Mapped[dict[str, Any]] = mapped_column(default=dict)
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)


def key_string(length: int) -> String:
    """A machine key (hex ids, platform ids): byte-wise collation on PostgreSQL.

    Locale-aware comparison of random hex keys made every index insert several times slower
    than a plain byte comparison, and keys have no human sort order to respect.
    """
    return String(length).with_variant(String(length, collation="C"), "postgresql")  # type: ignore[return-value]


class Post(Base):
    """One post. ``id`` is stable: derived from (persona slug, platform, external id).

    Because the id is a hash of (persona, platform, external id), the primary key alone keeps
    a platform post from being stored twice for a persona; a second unique index on those
    columns would only slow bulk imports down.
    """

    __tablename__ = "posts"
    __table_args__ = (Index("ix_posts_persona_created", "persona_id", "created_at"),)

    id: Mapped[str] = mapped_column(key_string(32), primary_key=True)
    # No foreign keys here on purpose: PostgreSQL checks them row by row at the end of a COPY
    # (about 0.35 s per key per 100k posts, none of it overlapped with reading). The importer is
    # the only writer and writes persona, source and posts in one transaction.
    persona_id: Mapped[int] = mapped_column(Integer)
    source_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    source_record: Mapped[str] = mapped_column(Text, default="")
    platform: Mapped[str] = mapped_column(key_string(32))
    external_id: Mapped[str] = mapped_column(key_string(128))
    author: Mapped[str | None] = mapped_column(String(200), nullable=True)
    created_at: Mapped[datetime | None] = mapped_column(nullable=True)
    raw_text: Mapped[str] = mapped_column(Text)
    clean_text: Mapped[str] = mapped_column(Text)
    normalized_text: Mapped[str | None] = mapped_column(Text, nullable=True)
    normalizer_version: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # Which normaliser wrote normalized_text: a registry model id, the base model's name, or
    # "human:<annotator>" for a text a person chose (then normalized_approved is set).
    normalizer_model: Mapped[str | None] = mapped_column(String(200), nullable=True)
    normalized_approved: Mapped[bool] = mapped_column(Boolean, default=False)
    # Bit set of likeness.core.flags.PostFlag; queried with a bitwise AND in both databases.
    flags: Mapped[int] = mapped_column(Integer, default=0)
    reply_to_id: Mapped[str | None] = mapped_column(key_string(128), nullable=True)
    thread_id: Mapped[str | None] = mapped_column(key_string(32), nullable=True)
    duplicate_of: Mapped[str | None] = mapped_column(key_string(32), nullable=True)
    dedupe_key: Mapped[str] = mapped_column(key_string(32), default="")
    split: Mapped[str | None] = mapped_column(String(16), nullable=True)
    extra: Mapped[dict[str, Any]] = mapped_column(default=dict)
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)


class ApiKey(Base):
    """A bearer key, stored as its SHA-256; when any active key exists, servers require one."""

    __tablename__ = "api_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(nullable=True)


class Model(Base):
    """A trained artifact: a persona adapter, a normaliser, a reward model, a scratch model.

    Base model id, chat template hash and tokenizer hash travel with it, so an adapter is never
    served on a base or template it was not trained with.
    """

    __tablename__ = "models"

    id: Mapped[str] = mapped_column(key_string(32), primary_key=True)
    persona_id: Mapped[int | None] = mapped_column(
        ForeignKey("personas.id", ondelete="CASCADE"), nullable=True
    )
    kind: Mapped[str] = mapped_column(String(32))  # persona-lora | normalizer | reward | scratch
    base_model: Mapped[str] = mapped_column(Text)
    adapter_path: Mapped[str | None] = mapped_column(Text, nullable=True)
    chat_template_sha256: Mapped[str] = mapped_column(String(64), default="")
    tokenizer_sha256: Mapped[str] = mapped_column(String(64), default="")
    dataset_sha256: Mapped[str] = mapped_column(String(64), default="")
    config: Mapped[dict[str, Any]] = mapped_column(default=dict)
    metrics: Mapped[dict[str, Any]] = mapped_column(default=dict)
    active: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ModelReport(Base):
    """A model's fidelity report card (``likeness eval``): the figures the serving gate reads,
    the whole card as JSON, its markdown, and the folder that holds its plots. A model may have
    several (re-evaluated against another base, or with more samples); the newest counts."""

    __tablename__ = "model_reports"
    __table_args__ = (Index("ix_model_reports_model_created", "model_id", "created_at"),)

    id: Mapped[str] = mapped_column(key_string(32), primary_key=True)
    model_id: Mapped[str] = mapped_column(ForeignKey("models.id", ondelete="CASCADE"))
    against: Mapped[str] = mapped_column(Text, default="")  # the base it was compared with
    metrics: Mapped[dict[str, Any]] = mapped_column(default=dict)
    card: Mapped[dict[str, Any]] = mapped_column(default=dict)
    markdown: Mapped[str] = mapped_column(Text, default="")
    report_dir: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Comparison(Base):
    """One pair of the blind arena: two answers to one held-out request, shown to a person as A
    and B in a random order that is stored (``a_is_model``), and their vote.

    The ``model`` side is the persona model under test; the ``opponent`` side is another model
    (its registry id), the model's base (``base``), or the author's own held-out post (``real``,
    then ``post_id`` is that post). ``post_id`` is always the held-out post whose request both
    answer. ``vote`` is ``a``, ``b``, ``tie`` or ``both_bad`` (None until voted); an unvoted pair
    is held by ``annotator`` until ``lease_expires_at`` so two people never vote it at once, and
    the vote is a conditional UPDATE (``vote IS NULL``), so a pair is voted at most once.
    """

    __tablename__ = "comparisons"
    __table_args__ = (
        Index("ix_comparisons_persona_created", "persona_id", "created_at"),
        Index("ix_comparisons_model", "model_id"),
    )

    id: Mapped[str] = mapped_column(key_string(32), primary_key=True)
    persona_id: Mapped[int] = mapped_column(ForeignKey("personas.id", ondelete="CASCADE"))
    job_id: Mapped[str | None] = mapped_column(key_string(32), nullable=True)
    post_id: Mapped[str] = mapped_column(key_string(32))
    request: Mapped[str] = mapped_column(Text)
    model_id: Mapped[str] = mapped_column(ForeignKey("models.id", ondelete="CASCADE"))
    model_text: Mapped[str] = mapped_column(Text)
    opponent: Mapped[str] = mapped_column(key_string(64))  # a model id | "base" | "real"
    opponent_text: Mapped[str] = mapped_column(Text)
    a_is_model: Mapped[bool] = mapped_column(Boolean)
    vote: Mapped[str | None] = mapped_column(String(16), nullable=True)
    annotator: Mapped[str | None] = mapped_column(String(100), nullable=True)
    lease_expires_at: Mapped[datetime | None] = mapped_column(nullable=True)
    shown_at: Mapped[datetime | None] = mapped_column(nullable=True)
    seconds_spent: Mapped[float | None] = mapped_column(Float, nullable=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    voted_at: Mapped[datetime | None] = mapped_column(nullable=True)


class Draft(Base):
    """A generated post waiting for review; approved drafts are exported once, never twice."""

    __tablename__ = "drafts"
    __table_args__ = (Index("ix_drafts_persona_state", "persona_id", "state"),)

    id: Mapped[str] = mapped_column(key_string(32), primary_key=True)
    persona_id: Mapped[int] = mapped_column(ForeignKey("personas.id", ondelete="CASCADE"))
    model_id: Mapped[str | None] = mapped_column(String(200), nullable=True)
    topic: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text)
    # pending | approved | rejected | duplicate (approved, but its text was exported before)
    state: Mapped[str] = mapped_column(String(16), default="pending")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    reviewed_at: Mapped[datetime | None] = mapped_column(nullable=True)
    exported_at: Mapped[datetime | None] = mapped_column(nullable=True)
    # The export that wrote it: exported drafts are never exported again, but a batch can be
    # fetched again by its id (a file lost after the export call).
    export_batch: Mapped[str | None] = mapped_column(key_string(32), nullable=True)


class LabelTask(Base):
    """One post offered to one annotator: the lease that keeps it from anyone else, the prompt
    its proposals were generated from (rendered, byte for byte), and how it ended.

    state: ``open`` (leased to ``annotator`` until ``lease_expires_at``; prefetched tasks are
    open before they are shown), ``judged``, ``skipped``, ``expired`` (the lease ran out and the
    post went back to the pool), ``released`` (never shown: given back with its proposals stored,
    which a later task for the post may reuse). Submit moves open -> judged with a conditional
    UPDATE, so a task is judged at most once whatever the races.
    """

    __tablename__ = "label_tasks"
    __table_args__ = (
        Index("ix_label_tasks_persona_state", "persona_id", "state"),
        Index("ix_label_tasks_post", "post_id"),
        Index("ix_label_tasks_annotator", "persona_id", "annotator", "state"),
        # At most one open task per post: the database itself keeps two annotators (or two
        # servers) from leasing the same post, whatever the races.
        Index(
            "uq_label_tasks_open_post",
            "post_id",
            unique=True,
            postgresql_where=text("state = 'open'"),
            sqlite_where=text("state = 'open'"),
        ),
    )

    id: Mapped[str] = mapped_column(key_string(32), primary_key=True)
    persona_id: Mapped[int] = mapped_column(ForeignKey("personas.id", ondelete="CASCADE"))
    post_id: Mapped[str] = mapped_column(key_string(32))
    annotator: Mapped[str] = mapped_column(String(100))
    state: Mapped[str] = mapped_column(String(16), default="open")
    lease_expires_at: Mapped[datetime] = mapped_column()
    shown_at: Mapped[datetime | None] = mapped_column(nullable=True)
    generator: Mapped[str] = mapped_column(Text, default="")
    prompt_version: Mapped[str] = mapped_column(String(64), default="")
    prompt: Mapped[str] = mapped_column(Text, default="")
    disagreement: Mapped[float] = mapped_column(Float, default=0.0)
    # The reward model that scored the proposals (its registry id) and how unsure it was
    # between them (``labeler.sampling.uncertainty``); None: they are unscored.
    reward_model: Mapped[str | None] = mapped_column(String(200), nullable=True)
    uncertainty: Mapped[float | None] = mapped_column(Float, nullable=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(nullable=True)


class Proposal(Base):
    """A normalised version of a post proposed by the generator model for a person to judge."""

    __tablename__ = "proposals"
    __table_args__ = (Index("ix_proposals_post", "post_id"), Index("ix_proposals_task", "task_id"))

    id: Mapped[str] = mapped_column(key_string(32), primary_key=True)
    persona_id: Mapped[int] = mapped_column(ForeignKey("personas.id", ondelete="CASCADE"))
    post_id: Mapped[str] = mapped_column(key_string(32))
    task_id: Mapped[str | None] = mapped_column(key_string(32), nullable=True)
    position: Mapped[int] = mapped_column(Integer, default=0)  # 0 = the greedy proposal
    temperature: Mapped[float] = mapped_column(Float, default=0.0)
    text: Mapped[str] = mapped_column(Text)
    generator: Mapped[str] = mapped_column(Text, default="")
    prompt_version: Mapped[str] = mapped_column(String(64), default="")
    # The reward model's score of the text (higher = better; the task says which model).
    reward: Mapped[float | None] = mapped_column(Float, nullable=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Judgment(Base):
    """One human decision on a post's proposals, stored the moment it is made.

    ``chosen`` is the text the person stands behind (an accepted proposal, an edit, their own
    text; empty when they rejected everything); ``rejected`` lists the texts it beats. These are
    the normaliser's SFT rows and preference pairs.
    """

    __tablename__ = "judgments"
    __table_args__ = (Index("ix_judgments_persona_created", "persona_id", "created_at"),)

    id: Mapped[str] = mapped_column(key_string(32), primary_key=True)
    persona_id: Mapped[int] = mapped_column(ForeignKey("personas.id", ondelete="CASCADE"))
    post_id: Mapped[str] = mapped_column(key_string(32))
    annotator: Mapped[str] = mapped_column(String(100), default="")
    task_id: Mapped[str | None] = mapped_column(key_string(32), nullable=True)
    action: Mapped[str] = mapped_column(String(16))  # accept | edit | own | reject | skip
    proposal_id: Mapped[str | None] = mapped_column(key_string(32), nullable=True)
    chosen: Mapped[str] = mapped_column(Text, default="")
    rejected: Mapped[list[str]] = mapped_column(JSON, default=list)
    edit_distance: Mapped[int] = mapped_column(Integer, default=0)
    seconds_spent: Mapped[float] = mapped_column(Float, default=0.0)
    prompt_version: Mapped[str] = mapped_column(String(64), default="")
    comment: Mapped[str] = mapped_column(Text, default="")
    # Set by Undo: the decision no longer stands (kept, not deleted, so nothing is lost).
    undone_at: Mapped[datetime | None] = mapped_column(nullable=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Dataset(Base):
    """A training set built from the database: its spec, content hash and where its JSONL lives."""

    __tablename__ = "datasets"
    __table_args__ = (Index("ix_datasets_persona_kind", "persona_id", "kind"),)

    id: Mapped[str] = mapped_column(key_string(32), primary_key=True)
    persona_id: Mapped[int | None] = mapped_column(
        ForeignKey("personas.id", ondelete="CASCADE"), nullable=True
    )
    kind: Mapped[str] = mapped_column(String(40))
    spec: Mapped[dict[str, Any]] = mapped_column(default=dict)
    content_sha256: Mapped[str] = mapped_column(String(64))
    train_rows: Mapped[int] = mapped_column(Integer, default=0)
    heldout_rows: Mapped[int] = mapped_column(Integer, default=0)
    path: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Job(Base):
    """A unit of long work (training, corpus normalisation) in the shared queue.

    Workers on any machine claim a queued job (or one whose lease expired) with a lease they
    renew by heartbeat; see ``likeness.core.jobs``.
    """

    __tablename__ = "jobs"
    __table_args__ = (Index("ix_jobs_status_created", "status", "created_at"),)

    id: Mapped[str] = mapped_column(key_string(32), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    persona_id: Mapped[int | None] = mapped_column(
        ForeignKey("personas.id", ondelete="CASCADE"), nullable=True
    )
    config: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # queued | running | succeeded | failed | cancelled
    status: Mapped[str] = mapped_column(String(16), default="queued")
    cancel_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    priority: Mapped[int] = mapped_column(Integer, default=0)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    max_attempts: Mapped[int] = mapped_column(Integer, default=3)
    worker: Mapped[str] = mapped_column(String(200), default="")
    lease_expires_at: Mapped[datetime | None] = mapped_column(nullable=True)
    heartbeat_at: Mapped[datetime | None] = mapped_column(nullable=True)
    progress: Mapped[dict[str, Any]] = mapped_column(default=dict)
    result: Mapped[dict[str, Any]] = mapped_column(default=dict)
    error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(nullable=True)
