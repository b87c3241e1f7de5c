"""Recipe ``normalizer-rl``: online RL of the normaliser against a trained reward model.

The policy (a LoRA on the base model, continuing the persona's normaliser-SFT adapter when
there is one: see ``policy``) writes ``num_generations`` answers per cleaned post;
the reward model (see ``reward_model``) scores each prompt + answer; trl's GRPO or RLOO turns
the scores into advantages within each group. The prompts are rebuilt with
``normalizer_messages`` — the one normaliser prompt, at the version the dataset was built with
(``dataset.json``) — from the user turn of the persona's preference rows, so RL trains on
exactly what labeling and batch normalisation send with that version.

On CPU, generation runs through transformers (no vLLM); keep ``num_generations`` and
``max_completion_length`` small there. The KL reference (``beta`` > 0) is the starting point —
trl's frozen copy of the starting adapter, or the base with the adapter disabled — so no second
copy of the model is loaded.
"""

from __future__ import annotations

import logging
import math
from pathlib import Path
from typing import Any, Literal, Self

from pydantic import Field, model_validator
from sqlalchemy import Engine

from likeness.core.chat import render_chat
from likeness.core.prompts import normalizer_messages
from likeness.core.registry import ModelKind
from likeness.trainer.datasets.spec import BuiltDataset, Split, newest, normalizer_prompt_version
from likeness.trainer.encoding import Encoded, encode_chat
from likeness.trainer.recipes.base import (
    LearningRate,
    RecipeConfig,
    run_trainer,
    training_arguments,
)
from likeness.trainer.recipes.normalizer_prompt import NormalizerPromptOption, reads_normalizer
from likeness.trainer.recipes.policy import (
    PolicyConfig,
    save_policy,
    start_policy,
    starting_point,
)
from likeness.trainer.recipes.registered import newest_registered, pinned
from likeness.trainer.recipes.registry import Recipe, RecipeInputs, RecipeResult, finished
from likeness.trainer.recipes.reward_model import load_reward_model, load_tokenizer, score

logger = logging.getLogger(__name__)

PROMPT_KINDS = ("normalizer-prefs", "normalizer-sft")
# The reward model a run resolved from the models table, pinned so that a resumed run keeps
# optimising the same reward even if a newer reward model was registered meanwhile.
REWARD_PIN = "reward_model.txt"


class RewardModelMissing(LookupError):
    """The persona has no registered reward model and none was given."""


class NormalizerRLConfig(RecipeConfig, PolicyConfig, NormalizerPromptOption):
    algorithm: Literal["grpo", "rloo"] = Field(
        "grpo",
        description="grpo: scores normalised within each prompt's group; rloo: each answer "
        "against the mean of the others.",
    )
    reward_model_path: str = Field(
        "", description="Folder of a reward model; empty = the persona's newest one."
    )
    learning_rate: LearningRate = 2e-5
    max_length: int = Field(512, ge=8, description="Tokens per previewed prompt + answer.")
    batch_size: int = Field(
        4, ge=1, description="Completions per optimizer step (prompts x num_generations)."
    )
    num_generations: int = Field(4, ge=2, description="Answers sampled per prompt.")
    max_completion_length: int = Field(64, ge=1, description="Tokens per sampled answer.")
    temperature: float = Field(1.0, gt=0, description="Sampling temperature of the answers.")
    beta: float = Field(
        0.04, ge=0, description="KL penalty towards where the policy started (0: none)."
    )
    heldout_prompts: int = Field(
        16, ge=0, description="Held-out posts answered greedily and scored after training."
    )

    @model_validator(mode="after")
    def _whole_groups(self) -> Self:
        # trl groups the completions of one prompt inside one generation batch.
        if (self.batch_size * self.grad_accum) % self.num_generations:
            raise ValueError(
                f"batch_size x grad_accum ({self.batch_size} x {self.grad_accum}) must be a "
                f"multiple of num_generations ({self.num_generations})"
            )
        return self


def _post_text(row: dict[str, Any]) -> str | None:
    """The cleaned post of a preference or SFT row: its (last) user turn."""
    messages = row.get("prompt") or row.get("messages") or []
    users = [m["content"] for m in messages if m.get("role") == "user"]
    return users[-1] if users else None


def prompt_texts(datasets: list[BuiltDataset], split: Split, limit: int | None = None) -> list[str]:
    """The unique cleaned posts of a split (several labeled pairs share one post)."""
    texts: dict[str, None] = {}
    for dataset in datasets:
        if dataset.kind not in PROMPT_KINDS:
            continue
        for row in dataset.rows_if_any(split):
            text = _post_text(row)
            if text:
                texts.setdefault(text, None)
    return newest(list(texts), limit, split)


def preview(
    tokenizer: Any, datasets: list[BuiltDataset], config: NormalizerRLConfig, n: int
) -> list[Encoded]:
    """The rebuilt prompts the policy answers, each with its first labeled answer."""
    version = normalizer_prompt_version(datasets)
    answers: dict[str, str] = {}
    for dataset in datasets:
        if dataset.kind not in PROMPT_KINDS:
            continue
        for row in dataset.rows("train"):
            text = _post_text(row)
            answer = (row.get("chosen") or row.get("messages") or [{}])[-1].get("content", "")
            if text and text not in answers:
                answers[text] = answer
    return [
        encode_chat(
            tokenizer,
            [*normalizer_messages(text, version), {"role": "assistant", "content": answers[text]}],
            config.max_length,
        )
        for text in prompt_texts(datasets, "train", config.limit)[:n]
    ]


def resolve_reward_model(
    db: Engine, persona: str, config: NormalizerRLConfig, run_dir: Path
) -> str:
    """The reward model folder: the configured one, the one this run pinned, or the persona's
    newest registered reward model (which is then pinned)."""
    if config.reward_model_path:
        return config.reward_model_path

    def newest() -> str:
        path = newest_registered(db, persona, ModelKind.REWARD)
        if not path:
            raise RewardModelMissing(
                f"persona {persona!r} has no reward model: "
                f"train a reward model first: likeness train reward --persona {persona}"
            )
        return path

    path = pinned(run_dir, REWARD_PIN, newest)
    assert path  # newest() raises rather than pin nothing
    return path


class _PromptBatch(list[dict[str, Any]]):
    """The RL trainers collate nothing (a batch is the list of rows). ``run_trainer``'s
    collator looks into dict batches through ``.items()``; answering with no items keeps it
    from failing (an RL step's tokens are generated inside the trainer, which counts them)."""

    def items(self) -> list[tuple[str, Any]]:
        return []


def _mean_logged(log_history: list[dict[str, Any]], key: str) -> float | None:
    values = [e[key] for e in log_history if isinstance(e.get(key), int | float)]
    values = [v for v in values if not math.isnan(v)]
    return sum(values) / len(values) if values else None


def heldout_reward(
    policy: Any,
    tokenizer: Any,
    reward: tuple[Any, Any],
    texts: list[str],
    max_new_tokens: int,
    prompt_version: str,
) -> float:
    """Mean reward of the policy's greedy answers to held-out posts, prompted as in serving
    (with the dataset's normaliser prompt version)."""
    import torch

    prompts = [normalizer_messages(t, prompt_version) for t in texts]
    rendered = [render_chat(tokenizer, p) for p in prompts]
    side = tokenizer.padding_side
    tokenizer.padding_side = "left"  # generation continues every row from its last real token
    try:
        batch = tokenizer(rendered, return_tensors="pt", padding=True, add_special_tokens=False)
    finally:
        tokenizer.padding_side = side
    batch = batch.to(policy.device)
    policy.eval()
    with torch.inference_mode():
        out = policy.generate(
            **batch,
            max_new_tokens=max_new_tokens,
            do_sample=False,
            pad_token_id=tokenizer.pad_token_id,
        )
    answers = tokenizer.batch_decode(
        out[:, batch["input_ids"].shape[1] :], skip_special_tokens=True
    )
    model, reward_tokenizer = reward
    scores = [
        score(model, reward_tokenizer, p, a.strip()) for p, a in zip(prompts, answers, strict=True)
    ]
    return sum(scores) / len(scores)


def train(inputs: RecipeInputs, datasets: list[BuiltDataset]) -> RecipeResult:
    from datasets import Dataset
    from trl import GRPOConfig, GRPOTrainer, RLOOConfig, RLOOTrainer

    config = inputs.config
    assert isinstance(config, NormalizerRLConfig)
    texts = prompt_texts(datasets, "train", config.limit)
    version = normalizer_prompt_version(datasets)
    if not texts:
        raise ValueError("no posts to prompt the normaliser with: label some posts first")
    reward_path = resolve_reward_model(inputs.db, inputs.persona, config, inputs.ctx.run_dir)
    if not Path(reward_path).is_dir():
        raise FileNotFoundError(f"reward model folder {reward_path} does not exist")
    logger.info("optimising against the reward model in %s", reward_path)
    reward_model, reward_tokenizer = load_reward_model(reward_path)

    tokenizer = load_tokenizer(inputs.base_model)
    start, policy, peft_config = start_policy(inputs, config, tokenizer)
    args = training_arguments(
        config,
        inputs.ctx,
        num_generations=config.num_generations,
        max_completion_length=config.max_completion_length,
        temperature=config.temperature,
        beta=config.beta,
        log_completions=False,
    )
    # Both take the same arguments here; they differ in how scores become advantages (GRPO:
    # normalised within the group; RLOO: each answer against the mean of the others).
    grpo = config.algorithm == "grpo"
    config_type: Any = GRPOConfig if grpo else RLOOConfig
    trainer_type: Any = GRPOTrainer if grpo else RLOOTrainer
    trainer = trainer_type(
        model=policy,
        reward_funcs=reward_model,
        args=config_type(**args),
        train_dataset=Dataset.from_list(
            [{"prompt": normalizer_messages(t, version)} for t in texts]
        ),
        processing_class=tokenizer,
        reward_processing_classes=reward_tokenizer,
        peft_config=peft_config,
    )
    trainer.data_collator = _PromptBatch
    outcome = run_trainer(trainer, inputs.ctx, trainer_counts_tokens=True)
    metrics: dict[str, float] = {}
    if outcome.stopped:
        return finished(inputs, ModelKind.NORMALIZER, tokenizer, outcome, metrics)

    for key, name in (("reward", "mean_reward"), ("reward_std", "mean_reward_std")):
        value = _mean_logged(outcome.log_history, key)
        if value is not None:
            metrics[name] = value
    tuned: Any = trainer.model  # the PeftModel
    heldout = prompt_texts(datasets, "heldout")[: config.heldout_prompts]
    if heldout:
        reward = (reward_model, reward_tokenizer)
        length = config.max_completion_length
        metrics["heldout_reward"] = heldout_reward(
            tuned, tokenizer, reward, heldout, length, version
        )
        with starting_point(tuned, start):  # what this run started from, for comparison
            metrics["heldout_start_reward"] = heldout_reward(
                tuned, tokenizer, reward, heldout, length, version
            )
    return finished(
        inputs, ModelKind.NORMALIZER, tokenizer, outcome, metrics, lambda d: save_policy(tuned, d)
    )


RECIPE = Recipe(
    name="normalizer-rl",
    summary="Normaliser LoRA trained online (GRPO or RLOO) against the persona's reward model",
    config_type=NormalizerRLConfig,
    dataset_specs=reads_normalizer("normalizer-prefs"),
    preview=preview,
    train=train,
)
