"""Recipe ``normalizer-dpo``: the offline alternative to reward model + RL for the normaliser.

trl's ``DPOTrainer`` on the ``normalizer-prefs`` rows with a LoRA policy that continues the
persona's normaliser-SFT adapter when there is one (see ``policy``). The reference is where the
policy started — trl's frozen copy of that adapter, or the base with the adapter disabled — so
no second copy of the model is loaded. The artifact is the LoRA adapter (served on
``base_model``) plus the tokenizer. The prompts are the rows' own (built with the dataset's
normaliser prompt version); the pairs' weights stay in ``meta``, as trl's DPOTrainer reads no
per-example weight (its ``use_weighting`` is WPO, computed from the policy's probabilities).
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from likeness.core.registry import ModelKind
from likeness.trainer.datasets.spec import BuiltDataset
from likeness.trainer.encoding import Encoded, encode_chat
from likeness.trainer.recipes.base import (
    LearningRate,
    RecipeConfig,
    heldout_metrics,
    run_trainer,
    training_arguments,
)
from likeness.trainer.recipes.normalizer_prompt import NormalizerPromptOption, reads_normalizer
from likeness.trainer.recipes.policy import PolicyConfig, save_policy, start_policy
from likeness.trainer.recipes.registry import Recipe, RecipeInputs, RecipeResult, finished
from likeness.trainer.recipes.reward_model import (
    KIND,
    load_tokenizer,
    preference_rows,
    preference_splits,
)

# What trl's DPO evaluation reports, under the names the run records.
HELDOUT_METRICS = {
    "eval_loss": "heldout_loss",
    "eval_rewards/accuracies": "heldout_reward_accuracy",
    "eval_rewards/margins": "heldout_reward_margin",
}


class NormalizerDPOConfig(RecipeConfig, PolicyConfig, NormalizerPromptOption):
    learning_rate: LearningRate = 5e-5
    batch_size: int = Field(8, ge=1, description="Preference pairs per optimizer step.")
    max_length: int = Field(
        512, ge=8, description="Tokens of prompt + answer; longer answers are cut at the end."
    )
    beta: float = Field(
        0.1, gt=0, description="How far the policy may move from the base (lower: further)."
    )


def preview(
    tokenizer: Any, datasets: list[BuiltDataset], config: NormalizerDPOConfig, n: int
) -> list[Encoded]:
    rows = preference_rows(datasets, "train", config.limit)[:n]
    return [encode_chat(tokenizer, r["prompt"] + r["chosen"], config.max_length) for r in rows]


def train(inputs: RecipeInputs, datasets: list[BuiltDataset]) -> RecipeResult:
    from datasets import Dataset
    from trl import DPOConfig, DPOTrainer

    config = inputs.config
    assert isinstance(config, NormalizerDPOConfig)
    train_rows, heldout_rows = preference_splits(datasets, config.limit)

    tokenizer = load_tokenizer(inputs.base_model)
    _, model, peft_config = start_policy(inputs, config, tokenizer)
    args = DPOConfig(
        **training_arguments(config, inputs.ctx, beta=config.beta, max_length=config.max_length)
    )
    trainer = DPOTrainer(
        model=model,
        args=args,
        train_dataset=Dataset.from_list(train_rows),
        processing_class=tokenizer,
        peft_config=peft_config,
    )
    outcome = run_trainer(trainer, inputs.ctx)
    if outcome.stopped:
        return finished(inputs, ModelKind.NORMALIZER, tokenizer, outcome, {})

    metrics = heldout_metrics(trainer, heldout_rows, HELDOUT_METRICS)
    policy = trainer.model
    return finished(
        inputs, ModelKind.NORMALIZER, tokenizer, outcome, metrics, lambda d: save_policy(policy, d)
    )


RECIPE = Recipe(
    name="normalizer-dpo",
    summary="Normaliser LoRA trained with DPO on the preference pairs (no reward model)",
    config_type=NormalizerDPOConfig,
    dataset_specs=reads_normalizer(KIND),
    preview=preview,
    train=train,
)
