"""Supervised fine-tuning shared by ``persona-sft`` and ``normalizer-sft``.

Examples are encoded by ``likeness.trainer.encoding`` (the serving prompt renderer, loss on the
answer only) before trl sees them, so trl only batches and steps. On CPU, short posts are
batched with dynamic padding and length-grouped batches (a batch of 40-token posts pads to ~45,
not to a fixed 128); on CUDA, sequences are packed (best-fit, padding-free). Pads never count
in the loss: the collator pads labels with -100.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from itertools import zip_longest
from pathlib import Path
from typing import Any, Literal

from pydantic import Field

from likeness.core.copying import COPY_INDEX_FILE, CopyIndex
from likeness.core.registry import ModelKind
from likeness.trainer.datasets.spec import BuiltDataset, DatasetSpec, Split, newest
from likeness.trainer.encoding import Encoded, encode_row
from likeness.trainer.evaluation import heldout_loss
from likeness.trainer.recipes.base import RecipeConfig, run_trainer, training_arguments
from likeness.trainer.recipes.lora import LoraOptions, lora_config
from likeness.trainer.recipes.registry import Recipe, RecipeInputs, RecipeResult, finished

logger = logging.getLogger(__name__)


class SftConfig(RecipeConfig, LoraOptions):
    method: Literal["lora", "qlora", "full"] = Field(
        "lora", description="LoRA adapter (default), QLoRA (4-bit base, CUDA only) or full."
    )
    # Chosen on 200 real posts (SmolLM2-135M, LoRA r=16, CPU): batch 8 at 2e-3 reached a lower
    # held-out loss than batch 16 at 1e-3 at the same speed per token.
    learning_rate: float = Field(2e-3, gt=0, description="2e-3 suits LoRA; use ~5e-5 for full.")
    batch_size: int = Field(8, ge=1, description="Examples per optimizer step on one device.")
    packing: bool | None = Field(None, description="Pack sequences (default: on CUDA only).")
    group_by_length: bool = Field(True, description="Batch examples of similar length.")
    eval_batch_size: int = Field(
        32, ge=1, description="Examples per forward pass of the held-out loss after training."
    )


def load_rows(
    datasets: list[BuiltDataset], split: Split, limit: int | None
) -> list[dict[str, Any]]:
    return newest([row for dataset in datasets for row in dataset.rows(split)], limit, split)


def training_texts(rows: list[dict[str, Any]]) -> list[str]:
    """The texts a model learned to write from these rows: each chat row's answer (its last
    message, the assistant's), each plain-text row's text."""
    texts = []
    for row in rows:
        if "messages" in row:
            last = row["messages"][-1] if row["messages"] else {}
            if last.get("role") == "assistant" and last.get("content"):
                texts.append(str(last["content"]))
        elif row.get("text"):
            texts.append(str(row["text"]))
    return texts


def write_copy_index(artifact_dir: Path, rows: list[dict[str, Any]]) -> CopyIndex:
    """The copy index of the training rows' texts, saved with the artifact (``COPY_INDEX_FILE``):
    the serving-time copy guard and the evaluation check generations against it. Held-out rows
    are never passed here, so a held-out post is never "a copy"."""
    index = CopyIndex.build(training_texts(rows))
    index.save(artifact_dir / COPY_INDEX_FILE)
    return index


def encode_rows(tokenizer: Any, rows: list[dict[str, Any]], max_length: int) -> list[Encoded]:
    encoded = [encode_row(tokenizer, row, max_length) for row in rows]
    return [e for e in encoded if e.loss_tokens > 0]


def preview_sft(tokenizer: Any, datasets: list[BuiltDataset], config: Any, n: int) -> list[Encoded]:
    """The first ``n`` training examples, taken in turn from each dataset, so a run on several
    formats (chat and Q&A, say) shows each of them."""
    heads = [load_rows([dataset], "train", config.limit)[:n] for dataset in datasets]
    rows = [row for group in zip_longest(*heads) for row in group if row is not None]
    return [encode_row(tokenizer, row, config.max_length) for row in rows[:n]]


def load_model(base_model: str, config: SftConfig, device: str) -> Any:
    import torch
    from transformers import AutoModelForCausalLM

    kwargs: dict[str, Any] = {"dtype": torch.bfloat16 if device == "cuda" else torch.float32}
    if config.method == "qlora":
        if device != "cuda":
            raise ValueError("QLoRA needs a CUDA GPU (bitsandbytes 4-bit); use method=lora on CPU")
        from transformers import BitsAndBytesConfig

        kwargs["quantization_config"] = BitsAndBytesConfig(
            load_in_4bit=True,
            bnb_4bit_quant_type="nf4",
            bnb_4bit_compute_dtype=torch.bfloat16,
            bnb_4bit_use_double_quant=True,
        )
    model = AutoModelForCausalLM.from_pretrained(base_model, **kwargs)
    if config.method == "qlora":
        from peft import prepare_model_for_kbit_training

        model = prepare_model_for_kbit_training(model, use_gradient_checkpointing=True)
    return model


def peft_config(config: SftConfig) -> Any:
    return None if config.method == "full" else lora_config(config)


def lean_trainer_type() -> type:
    """trl's SFTTrainer with transformers' plain causal-LM loss.

    trl computes the loss through a tiled LM head that also derives per-token entropy and
    accuracy for its logs; on CPU that makes a step ~55% slower (measured on SmolLM2-135M with
    LoRA in bf16: 5.3 s against 3.4 s per batch of 16 × 96 tokens). Labels are already -100
    outside the answer, so the plain loss is the same quantity.
    """
    from transformers import Trainer
    from trl import SFTTrainer

    class LeanSFTTrainer(SFTTrainer):  # type: ignore[misc]
        def compute_loss(  # type: ignore[no-untyped-def]
            self, model, inputs, return_outputs=False, num_items_in_batch=None
        ):
            return Trainer.compute_loss(
                self,
                model,
                inputs,
                return_outputs=return_outputs,
                num_items_in_batch=num_items_in_batch,
            )

    return LeanSFTTrainer


def train_sft(
    inputs: RecipeInputs,
    datasets: list[BuiltDataset],
    *,
    adapter_kind: ModelKind,
    full_kind: ModelKind,
) -> RecipeResult:
    from datasets import Dataset
    from trl import SFTConfig, SFTTrainer

    from likeness.trainer.runner import load_tokenizer

    config: SftConfig = inputs.config  # type: ignore[assignment]
    ctx = inputs.ctx
    tokenizer = load_tokenizer(inputs.base_model)
    train_rows = load_rows(datasets, "train", config.limit)
    train = encode_rows(tokenizer, train_rows, config.max_length)
    heldout = encode_rows(tokenizer, load_rows(datasets, "heldout", None), config.max_length)
    if not train:
        raise ValueError("no training example has an answer to learn from (all empty or cut)")
    pack = config.packing if config.packing is not None else ctx.device == "cuda"
    overrides: dict[str, Any] = {
        "max_length": config.max_length,
        "packing": pack,
        "dataset_num_proc": None,
        "eval_strategy": "no",
    }
    if config.group_by_length and not pack:
        overrides["train_sampling_strategy"] = "group_by_length"
    if config.method == "qlora":
        overrides["gradient_checkpointing"] = True
    args = SFTConfig(**training_arguments(config, ctx, **overrides))
    model = load_model(inputs.base_model, config, ctx.device)
    # On GPUs trl's tiled LM head saves memory; on CPU it only costs time.
    trainer_type = lean_trainer_type() if ctx.device == "cpu" else SFTTrainer
    trainer = trainer_type(
        model=model,
        args=args,
        train_dataset=Dataset.from_list([e.as_row() for e in train]),
        processing_class=tokenizer,
        peft_config=peft_config(config),
    )
    outcome = run_trainer(trainer, ctx)
    kind = full_kind if config.method == "full" else adapter_kind
    metrics: dict[str, float] = {"train_examples": float(len(train))}
    if not outcome.stopped:
        trainer.save_model(str(inputs.artifact_dir))
        if trainer.is_world_process_zero():
            tokenizer.save_pretrained(str(inputs.artifact_dir))
            if adapter_kind == ModelKind.PERSONA_LORA:  # a persona: its posts must not be copied
                # Written before the runner registers the artifact: it is served with its index.
                write_copy_index(inputs.artifact_dir, train_rows)
        if heldout:
            metrics["heldout_loss"] = heldout_loss(
                trainer.model, heldout, batch_size=config.eval_batch_size
            )
            metrics["heldout_examples"] = float(len(heldout))
    return finished(inputs, kind, tokenizer, outcome, metrics)


def sft_recipe(
    name: str,
    summary: str,
    config_type: type[SftConfig],
    dataset_specs: Callable[[str, Any], list[DatasetSpec]],
    *,
    adapter_kind: ModelKind,
    full_kind: ModelKind,
) -> Recipe:
    """A recipe trained by ``train_sft``: its artifact is a LoRA adapter of ``adapter_kind``,
    or a model of ``full_kind`` when configured ``method=full``. A persona's artifact also gets
    the copy index of its training texts (``write_copy_index``)."""
    return Recipe(
        name=name,
        summary=summary,
        config_type=config_type,
        dataset_specs=dataset_specs,
        preview=preview_sft,
        train=functools.partial(train_sft, adapter_kind=adapter_kind, full_kind=full_kind),
    )
