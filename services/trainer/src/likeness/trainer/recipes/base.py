"""What every recipe shares: its config base, the run context, progress, checkpoints and resume.

    args = training_arguments(config, ctx, per_device_train_batch_size=16)
    trainer = SFTTrainer(model=..., args=SFTConfig(**args), ...)
    outcome = run_trainer(trainer, ctx)          # resumes from ctx's latest checkpoint

A run lives in ``ctx.run_dir``: Hugging Face checkpoints (weights, optimizer, scheduler, RNG and
data position) under ``checkpoints/``, so a run killed at any point resumes from its last
checkpoint and ends at the same step with the same optimizer state. A stop request (cancel,
SIGTERM, a lost lease) saves a checkpoint at the current step before returning.
"""

from __future__ import annotations

import functools
import logging
import math
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from likeness.core.jobs import ProgressReport

logger = logging.getLogger(__name__)


# Options each recipe gives its own default (``learning_rate: LearningRate = 1e-3``): the bounds
# and the description stay the base's.
Epochs = Annotated[float, Field(gt=0, description="Passes over the training set.")]
LearningRate = Annotated[float, Field(gt=0, description="Peak learning rate (cosine decay).")]
WarmupRatio = Annotated[
    float, Field(ge=0, lt=1, description="Fraction of the steps the learning rate warms up over.")
]
WeightDecay = Annotated[float, Field(ge=0, description="AdamW weight decay.")]


class RecipeConfig(BaseModel):
    """Options every recipe understands; each recipe subclasses this with its own fields."""

    model_config = ConfigDict(extra="forbid")

    base_model: str = Field(
        "", description="Hugging Face id or folder of the base model; empty = the default model."
    )
    epochs: Epochs = 1.0
    max_steps: int = Field(-1, description="Stop after this many optimizer steps (-1: epochs).")
    learning_rate: LearningRate = 2e-4
    batch_size: int = Field(16, ge=1, description="Examples per optimizer step on one device.")
    grad_accum: int = Field(1, ge=1, description="Micro-batches accumulated per step.")
    max_length: int = Field(256, ge=8, description="Tokens per example; longer ones are cut.")
    warmup_ratio: WarmupRatio = 0.03
    weight_decay: WeightDecay = 0.0
    seed: int = Field(42, description="Seed of the initial weights, data order and sampling.")
    save_steps: int = Field(50, ge=1, description="Checkpoint every N steps (for resume).")
    logging_steps: int = Field(5, ge=1, description="Report loss and progress every N steps.")
    limit: int | None = Field(None, ge=1, description="Use at most N training examples.")
    heldout_fraction: float = Field(
        0.1, ge=0, lt=1, description="Newest fraction of posts kept out of training."
    )
    precision: Literal["auto", "fp32", "bf16"] = Field(
        "auto",
        description="bf16 mixed precision; auto = on GPUs and on CPUs with bf16 instructions.",
    )


@functools.cache
def cpu_has_fast_bf16() -> bool:
    """Whether the CPU multiplies bf16 natively (AVX512-BF16 or AMX): there bf16 autocast
    trains about twice as fast as fp32 (measured on SmolLM2-135M with LoRA, 2 cores)."""
    try:
        flags = Path("/proc/cpuinfo").read_text()
    except OSError:
        return False
    return " avx512_bf16" in flags or " amx_bf16" in flags


def use_bf16(config: RecipeConfig, device: str) -> bool:
    if config.precision != "auto":
        return config.precision == "bf16"
    return device == "cuda" or cpu_has_fast_bf16()


def detect_device() -> str:
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


@dataclass
class RunContext:
    """Where a run writes and how it talks to whoever started it (CLI, worker, test)."""

    run_dir: Path
    data_dir: Path
    report: Callable[[ProgressReport], None] = lambda _p: None
    should_stop: Callable[[], bool] = lambda: False
    device: str = field(default_factory=detect_device)

    @property
    def checkpoint_dir(self) -> Path:
        return self.run_dir / "checkpoints"

    def latest_checkpoint(self) -> Path | None:
        """The newest complete checkpoint of this run, if any (what a resume starts from)."""
        from transformers.trainer_utils import get_last_checkpoint

        if not self.checkpoint_dir.is_dir():
            return None
        last = get_last_checkpoint(str(self.checkpoint_dir))
        return Path(last) if last else None


@dataclass(slots=True)
class TrainOutcome:
    global_step: int
    max_steps: int
    stopped: bool  # a stop request ended the run early (a checkpoint holds where it was)
    resumed_from: Path | None
    train_loss: float
    real_tokens: int
    seconds: float
    metrics: dict[str, float] = field(default_factory=dict)
    log_history: list[dict[str, Any]] = field(default_factory=list)  # the trainer's log entries

    @property
    def tokens_per_s(self) -> float:
        return self.real_tokens / self.seconds if self.seconds > 0 else 0.0


def training_arguments(config: RecipeConfig, ctx: RunContext, **overrides: Any) -> dict[str, Any]:
    """Keyword arguments for a transformers/trl ``*Config``: checkpoints, logging and the
    per-device defaults (no gradient checkpointing on CPU — it costs ~35% there; bf16 mixed
    precision where the hardware has it)."""
    on_gpu = ctx.device == "cuda"
    args: dict[str, Any] = {
        "output_dir": str(ctx.checkpoint_dir),
        "num_train_epochs": config.epochs,
        "max_steps": config.max_steps,
        "learning_rate": config.learning_rate,
        "per_device_train_batch_size": config.batch_size,
        "per_device_eval_batch_size": config.batch_size,
        "gradient_accumulation_steps": config.grad_accum,
        "warmup_steps": config.warmup_ratio,
        "weight_decay": config.weight_decay,
        "lr_scheduler_type": "cosine",
        "seed": config.seed,
        "data_seed": config.seed,
        "save_strategy": "steps",
        "save_steps": config.save_steps,
        "save_total_limit": 2,
        "logging_steps": config.logging_steps,
        "logging_first_step": True,
        "report_to": [],
        "disable_tqdm": True,
        "gradient_checkpointing": False,
        "bf16": use_bf16(config, ctx.device),
        "use_cpu": not on_gpu,
        "dataloader_num_workers": 0,
        "remove_unused_columns": False,
    }
    args.update(overrides)
    return args


def heldout_metrics(
    trainer: Any, rows: list[dict[str, Any]], names: Mapping[str, str]
) -> dict[str, float]:
    """The trainer's evaluation of the held-out ``rows`` under our names (``names`` maps the
    trainer's metric keys to ours; a key it did not report is left out). No rows: none."""
    if not rows:
        return {}
    from datasets import Dataset

    evaluated = trainer.evaluate(Dataset.from_list(rows))
    return {
        ours: float(evaluated[key])
        for key, ours in names.items()
        if isinstance(evaluated.get(key), int | float)
    }


def count_real_tokens(batch: Any) -> int:
    """Non-pad tokens in a collated batch (padding-free batches count their positions).

    Online-RL trainers hand over plain lists of prompts (they tokenise while generating): 0.
    """
    if not isinstance(batch, Mapping):
        return 0
    total = 0
    for key, value in batch.items():
        if key.endswith("attention_mask") and hasattr(value, "sum"):
            total += int(value.sum())
    if total == 0 and "position_ids" in batch:
        total = int(batch["position_ids"].numel())
    return total


class CountingCollator:
    """Wraps a trainer's collator to count the real tokens it hands to the model."""

    def __init__(self, inner: Callable[[list[dict[str, Any]]], dict[str, Any]]):
        self.inner = inner
        self.real_tokens = 0

    def __call__(self, examples: list[dict[str, Any]]) -> dict[str, Any]:
        batch = self.inner(examples)
        self.real_tokens += count_real_tokens(batch)
        return batch


def _agreed(stop: bool, device: Any) -> bool:
    """In a distributed run every process must stop at the same step (or the others wait
    forever in their next collective): any process's stop request stops them all."""
    import torch
    import torch.distributed as dist

    if not (dist.is_available() and dist.is_initialized()):
        return stop
    flag = torch.tensor([1 if stop else 0], device=device)
    dist.all_reduce(flag, op=dist.ReduceOp.MAX)
    return bool(flag.item())


def _progress_callback_type() -> type:
    from transformers import TrainerCallback

    class ProgressCallback(TrainerCallback):  # type: ignore[misc]
        """Reports progress on every log, and turns a stop request into save-then-stop."""

        def __init__(self, ctx: RunContext, counter: CountingCollator, trainer_counts: bool):
            self.ctx = ctx
            self.counter = counter
            self.trainer_counts = trainer_counts
            self.started = time.monotonic()
            self.start_step = 0
            self.start_tokens = 0
            self.stop_requested = False
            self.last_loss = math.nan

        def on_train_begin(self, args, state, control, **kwargs):  # type: ignore[no-untyped-def]
            self.started = time.monotonic()
            self.start_step = state.global_step
            self.start_tokens = self.tokens(state)

        def tokens(self, state: Any) -> int:
            """Real tokens read so far: counted in the collated batches, or the trainer's own
            count (``trainer_counts``: trl's RL trainers, whose batches are prompts and whose
            tokens are generated inside the step; cumulative over resumes)."""
            if self.trainer_counts:
                return int(state.num_input_tokens_seen or 0)
            return self.counter.real_tokens

        def _report(self, state: Any, message: str = "") -> None:
            elapsed = max(time.monotonic() - self.started, 1e-9)
            steps_done = state.global_step - self.start_step
            remaining = max(state.max_steps - state.global_step, 0)
            eta = elapsed / steps_done * remaining if steps_done else 0.0
            lr = next(
                (e["learning_rate"] for e in reversed(state.log_history) if "learning_rate" in e),
                0.0,
            )
            self.ctx.report(
                ProgressReport(
                    step=state.global_step,
                    total=state.max_steps,
                    loss=0.0 if math.isnan(self.last_loss) else self.last_loss,
                    learning_rate=float(lr),
                    tokens_per_s=(self.tokens(state) - self.start_tokens) / elapsed,
                    eta_s=eta,
                    message=message,
                )
            )

        def on_log(self, args, state, control, logs=None, **kwargs):  # type: ignore[no-untyped-def]
            if logs and "loss" in logs:
                self.last_loss = float(logs["loss"])
            self._report(state)

        def on_step_end(self, args, state, control, **kwargs):  # type: ignore[no-untyped-def]
            if not self.stop_requested and _agreed(self.ctx.should_stop(), args.device):
                self.stop_requested = True
                control.should_save = True  # a checkpoint at this step: the run resumes here
                control.should_training_stop = True
                self._report(state, "stopping: checkpoint saved at this step")
            return control

    return ProgressCallback


def run_trainer(
    trainer: Any, ctx: RunContext, *, trainer_counts_tokens: bool = False
) -> TrainOutcome:
    """Train (resuming from the run's latest checkpoint) and report; returns what happened.
    ``trainer_counts_tokens``: take the real-token count from the trainer's state (RL), not
    from the collated batches."""
    from transformers.trainer_callback import PrinterCallback

    counter = CountingCollator(trainer.data_collator)
    trainer.data_collator = counter
    # Progress goes through ctx.report; transformers would also print every log dict to stdout.
    trainer.remove_callback(PrinterCallback)
    callback = _progress_callback_type()(ctx, counter, trainer_counts_tokens)
    trainer.add_callback(callback)
    resume = ctx.latest_checkpoint()
    if resume is not None:
        logger.info("resuming from %s", resume)
        ctx.report(ProgressReport(message=f"resuming from {resume.name}"))
    started = time.monotonic()
    output = trainer.train(resume_from_checkpoint=str(resume) if resume else None)
    seconds = time.monotonic() - started
    state = trainer.state
    metrics = {k: float(v) for k, v in (output.metrics or {}).items() if isinstance(v, int | float)}
    return TrainOutcome(
        global_step=state.global_step,
        max_steps=state.max_steps,
        stopped=callback.stop_requested,
        resumed_from=resume,
        train_loss=float(output.training_loss),
        real_tokens=callback.tokens(state) - callback.start_tokens,
        seconds=seconds,
        metrics=metrics,
        log_history=list(state.log_history),
    )
