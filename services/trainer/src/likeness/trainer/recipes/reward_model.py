"""Recipe ``reward-model``: a scalar reward model trained on the normaliser's preference pairs.

The model is the base with a one-output score head (``AutoModelForSequenceClassification``),
trained with trl's ``RewardTrainer`` on ``normalizer-prefs`` rows: it sees the prompt plus a
response rendered with the tokenizer's chat template, and learns to score the chosen response
above the rejected one (Bradley-Terry loss).

Saved artifact: a *merged, self-contained* sequence-classification model plus its tokenizer.
With LoRA the adapter is merged into the base weights and the trained score head (peft keeps it
in ``modules_to_save``) replaces the random one, so

    model, tokenizer = load_reward_model(path)
    reward = score(model, tokenizer, prompt_messages, "the answer")

works without the base model or peft. That matters because trl's GRPO/RLOO only treat a
``PreTrainedModel`` as a reward model (a ``PeftModel`` is not one) — see ``normalizer_rl``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Literal

from pydantic import Field

from likeness.core.registry import ModelKind
from likeness.core.reward_scoring import reward_text
from likeness.trainer.datasets.spec import BuiltDataset, Split, newest, the_dataset
from likeness.trainer.encoding import Encoded, encode_chat
from likeness.trainer.recipes.base import (
    LearningRate,
    RecipeConfig,
    heldout_metrics,
    run_trainer,
    training_arguments,
)
from likeness.trainer.recipes.lora import LoraOptions, lora_config
from likeness.trainer.recipes.normalizer_prompt import NormalizerPromptOption, reads_normalizer
from likeness.trainer.recipes.registry import Recipe, RecipeInputs, RecipeResult, finished

logger = logging.getLogger(__name__)

KIND = "normalizer-prefs"


class RewardModelConfig(RecipeConfig, LoraOptions, NormalizerPromptOption):
    learning_rate: LearningRate = 1e-4
    batch_size: int = Field(8, ge=1, description="Preference pairs per optimizer step.")
    max_length: int = Field(
        512, ge=8, description="Tokens of prompt + response; longer pairs are left out."
    )
    method: Literal["lora", "full"] = Field(
        "lora", description="LoRA (merged into the saved model) or full fine-tuning."
    )
    center_rewards_coefficient: float | None = Field(
        0.01, ge=0, description="Pulls scores towards mean zero, so rewards stay comparable."
    )


def preference_rows(
    datasets: list[BuiltDataset], split: Split, limit: int | None = None
) -> list[dict[str, Any]]:
    """The ``normalizer-prefs`` rows of a split, reduced to the columns trl reads (``meta`` is
    dropped: its mixed types do not fit an Arrow schema and no trainer reads it). The pair
    weight stays in ``meta``: trl 1.16's RewardTrainer and DPOTrainer read no per-example
    weight (RewardTrainer's ``margin`` column is a margin in the loss, not a weight)."""
    rows = [
        {"prompt": r["prompt"], "chosen": r["chosen"], "rejected": r["rejected"]}
        for r in the_dataset(datasets, KIND).rows_if_any(split)
    ]
    return newest(rows, limit, split)


def preference_splits(
    datasets: list[BuiltDataset], limit: int | None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(train, held-out) preference rows; no training pair is an error that says what to do."""
    train = preference_rows(datasets, "train", limit)
    if not train:
        raise ValueError("no preference pairs to train on: label some posts first")
    return train, preference_rows(datasets, "heldout")


def preview(
    tokenizer: Any, datasets: list[BuiltDataset], config: RewardModelConfig, n: int
) -> list[Encoded]:
    rows = preference_rows(datasets, "train", config.limit)[:n]
    return [encode_chat(tokenizer, r["prompt"] + r["chosen"], config.max_length) for r in rows]


def load_tokenizer(path: str) -> Any:
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(path)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    return tokenizer


def load_reward_model(path: str | Path) -> tuple[Any, Any]:
    """(model, tokenizer) of a saved reward model, in eval mode, ready to score."""
    import torch
    from transformers import AutoModelForSequenceClassification

    tokenizer = load_tokenizer(str(path))
    model = AutoModelForSequenceClassification.from_pretrained(str(path), dtype=torch.float32)
    # The score is read at the last non-pad token, so the model must know the pad id.
    model.config.pad_token_id = tokenizer.pad_token_id
    model.eval().requires_grad_(False)
    return model, tokenizer


def score(model: Any, tokenizer: Any, prompt: list[dict[str, str]], completion: str) -> float:
    """The reward of one answer, rendered exactly as trl renders it in RL and reward training
    (``likeness.core.reward_scoring``: the one format inference scores proposals in too)."""
    import torch

    text = reward_text(tokenizer, prompt, completion)
    inputs = tokenizer(text, return_tensors="pt", add_special_tokens=False).to(model.device)
    with torch.inference_mode():
        return float(model(**inputs).logits[0, 0])


def train(inputs: RecipeInputs, datasets: list[BuiltDataset]) -> RecipeResult:
    import torch
    from datasets import Dataset
    from transformers import AutoModelForSequenceClassification
    from trl import RewardConfig, RewardTrainer

    config = inputs.config
    assert isinstance(config, RewardModelConfig)
    train_rows, heldout_rows = preference_splits(datasets, config.limit)

    tokenizer = load_tokenizer(inputs.base_model)
    model = AutoModelForSequenceClassification.from_pretrained(
        inputs.base_model, num_labels=1, dtype=torch.float32
    )
    model.config.pad_token_id = tokenizer.pad_token_id
    args = RewardConfig(
        **training_arguments(
            config,
            inputs.ctx,
            max_length=config.max_length,
            center_rewards_coefficient=config.center_rewards_coefficient,
        )
    )
    trainer = RewardTrainer(
        model=model,
        args=args,
        train_dataset=Dataset.from_list(train_rows),
        processing_class=tokenizer,
        peft_config=lora_config(config, "SEQ_CLS") if config.method == "lora" else None,
    )
    kept: Any = trainer.train_dataset  # tokenized and filtered by the trainer
    if not len(kept):
        raise ValueError(f"every preference pair is longer than max_length={config.max_length}")
    dropped = len(train_rows) - len(kept)
    if dropped:  # RewardTrainer leaves out pairs longer than max_length rather than cutting them
        logger.warning(
            "%d of %d pairs exceed max_length=%d", dropped, len(train_rows), args.max_length
        )
    outcome = run_trainer(trainer, inputs.ctx)
    if outcome.stopped:
        return finished(inputs, ModelKind.REWARD, tokenizer, outcome, {}, self_contained=True)

    names = {f"eval_{key}": f"heldout_{key}" for key in ("loss", "accuracy", "margin")}
    metrics = heldout_metrics(trainer, heldout_rows, names)
    final: Any = trainer.model  # a PeftModel with LoRA, else the plain model
    if config.method == "lora":
        final = final.merge_and_unload()
    final.config.pad_token_id = tokenizer.pad_token_id
    # Merged: the artifact needs no base model to load.
    return finished(
        inputs,
        ModelKind.REWARD,
        tokenizer,
        outcome,
        metrics,
        final.save_pretrained,
        self_contained=True,
    )


RECIPE = Recipe(
    name="reward-model",
    summary="Reward model on the normaliser's preference pairs (scores a prompt + answer)",
    config_type=RewardModelConfig,
    dataset_specs=reads_normalizer(KIND),
    preview=preview,
    train=train,
)
