"""Recipe ``scratch``: a small GPT-2-style model and its own tokenizer, trained on one persona.

A byte-level BPE is trained on the persona's ``persona-completion`` texts (special tokens: BOS,
EOS, PAD — no ChatML), then a GPT-2 built from the typed config learns them as plain text:
``BOS text EOS`` per post, the loss on everything after BOS, dynamically padded batches whose
pads are masked out of the loss.

The saved tokenizer carries a chat template so the inference service can serve the model like
any other. The model never saw a conversation, so the template renders only BOS and earlier
assistant turns (each ended by EOS): a chat request yields a post in the persona's voice; system
and user turns are not shown to it, because text it was never trained to read would only make
its output worse.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Self

from pydantic import Field, model_validator

from likeness.core.registry import ModelKind
from likeness.trainer.datasets.spec import BuiltDataset, Split, newest, the_dataset
from likeness.trainer.encoding import IGNORE, Encoded, encode_text
from likeness.trainer.recipes.base import (
    Epochs,
    LearningRate,
    RecipeConfig,
    WarmupRatio,
    WeightDecay,
    run_trainer,
    training_arguments,
)
from likeness.trainer.recipes.registry import Recipe, RecipeInputs, RecipeResult, finished, reads

KIND = "persona-completion"
BOS, EOS, PAD = "<|bos|>", "<|eos|>", "<|pad|>"
CHAT_TEMPLATE = (
    "{{ bos_token }}{% for message in messages %}{% if message['role'] == 'assistant' %}"
    "{{ message['content'] + eos_token }}{% endif %}{% endfor %}"
)
# Where a run keeps the tokenizer it trained, so a resumed run reads its checkpoint with the
# very same vocabulary instead of retraining one.
TOKENIZER_DIR = "tokenizer"


class ScratchConfig(RecipeConfig):
    learning_rate: LearningRate = 1e-3
    batch_size: int = Field(16, ge=1, description="Posts per optimizer step on one device.")
    epochs: Epochs = 5.0
    max_length: int = Field(256, ge=8, description="Tokens per post; longer ones are cut.")
    warmup_ratio: WarmupRatio = 0.05
    weight_decay: WeightDecay = 0.01
    vocab_size: int = Field(8000, ge=300, description="BPE vocabulary (256 bytes + merges).")
    n_layer: int = Field(4, ge=1, description="Transformer blocks.")
    n_embd: int = Field(256, ge=8, description="Width of the hidden states (embedding size).")
    n_head: int = Field(4, ge=1, description="Attention heads per block (must divide n_embd).")
    n_positions: int = Field(256, ge=8, description="Longest sequence the model can read.")
    dropout: float = Field(
        0.1, ge=0, lt=1, description="Dropout on embeddings, attention and residuals."
    )

    @model_validator(mode="after")
    def _heads_divide_width(self) -> Self:
        if self.n_embd % self.n_head:
            raise ValueError(f"n_embd ({self.n_embd}) must be a multiple of n_head ({self.n_head})")
        return self


def texts(datasets: list[BuiltDataset], split: Split, limit: int | None = None) -> list[str]:
    rows = the_dataset(datasets, KIND).rows_if_any(split)
    return newest([r["text"] for r in rows if r.get("text")], limit, split)


def train_tokenizer(corpus: list[str], vocab_size: int) -> Any:
    """A byte-level BPE over the corpus, wrapped for transformers, with the serving template."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    bpe = Tokenizer(models.BPE())
    bpe.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    bpe.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        special_tokens=[PAD, BOS, EOS],
        # Every byte is in the vocabulary, so any text the model meets later still encodes.
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    bpe.train_from_iterator(corpus, trainer)
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=bpe, bos_token=BOS, eos_token=EOS, pad_token=PAD, add_bos_token=True
    )
    tokenizer.chat_template = CHAT_TEMPLATE
    return tokenizer


def _with_bos(tokenizer: Any) -> Any:
    # transformers does not save ``add_bos_token`` (the post-processor carries it), and
    # ``encode_text`` reads the attribute: set it so every example starts at BOS, as serving does.
    tokenizer.add_bos_token = True
    return tokenizer


def _tokenizer_for(run_dir: Path, corpus: list[str], vocab_size: int) -> Any:
    from transformers import AutoTokenizer

    saved = run_dir / TOKENIZER_DIR
    if (saved / "tokenizer.json").exists():
        return _with_bos(AutoTokenizer.from_pretrained(saved))
    tokenizer = train_tokenizer(corpus, vocab_size)
    tokenizer.save_pretrained(saved)
    return _with_bos(tokenizer)


def _max_length(config: ScratchConfig) -> int:
    return min(config.max_length, config.n_positions)


def preview(
    tokenizer: Any, datasets: list[BuiltDataset], config: ScratchConfig, n: int
) -> list[Encoded]:
    """The first posts as the model reads them, with a tokenizer trained on this very corpus
    (the base model's tokenizer, if one is passed, is not what this recipe trains with)."""
    corpus = texts(datasets, "train", config.limit)
    own = _with_bos(train_tokenizer(corpus, config.vocab_size)) if corpus else None
    return [encode_text(own, text, _max_length(config)) for text in corpus[:n]]


class PadCollator:
    """Pads a batch to its longest example; pads get attention 0 and label IGNORE."""

    def __init__(self, pad_token_id: int):
        self.pad_token_id = pad_token_id

    def __call__(self, rows: list[dict[str, Any]]) -> dict[str, Any]:
        import torch

        width = max(len(r["input_ids"]) for r in rows)

        def padded(key: str, fill: int) -> Any:
            return torch.tensor([r[key] + [fill] * (width - len(r[key])) for r in rows])

        return {
            "input_ids": padded("input_ids", self.pad_token_id),
            "attention_mask": padded("attention_mask", 0),
            "labels": padded("labels", IGNORE),
        }


def _encoded(tokenizer: Any, corpus: list[str], max_length: int) -> Any:
    from datasets import Dataset

    rows = [encode_text(tokenizer, text, max_length).as_row() for text in corpus]
    return Dataset.from_list(
        [{k: r[k] for k in ("input_ids", "labels", "attention_mask")} for r in rows]
    )


def build_model(config: ScratchConfig, tokenizer: Any) -> Any:
    from transformers import GPT2Config, GPT2LMHeadModel

    model_config = GPT2Config(
        vocab_size=len(tokenizer),
        n_positions=config.n_positions,
        n_embd=config.n_embd,
        n_layer=config.n_layer,
        n_head=config.n_head,
        resid_pdrop=config.dropout,
        embd_pdrop=config.dropout,
        attn_pdrop=config.dropout,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
    )
    return GPT2LMHeadModel(model_config)


def train(inputs: RecipeInputs, datasets: list[BuiltDataset]) -> RecipeResult:
    import torch
    from transformers import Trainer, TrainingArguments

    config = inputs.config
    assert isinstance(config, ScratchConfig)
    corpus = texts(datasets, "train", config.limit)
    if not corpus:
        raise ValueError("no posts to train on")
    heldout = texts(datasets, "heldout")

    tokenizer = _tokenizer_for(inputs.ctx.run_dir, corpus, config.vocab_size)
    torch.manual_seed(config.seed)  # the initial weights, before any checkpoint exists
    model = build_model(config, tokenizer)
    length = _max_length(config)
    trainer = Trainer(
        model=model,
        args=TrainingArguments(**training_arguments(config, inputs.ctx)),
        train_dataset=_encoded(tokenizer, corpus, length),
        data_collator=PadCollator(tokenizer.pad_token_id),
        processing_class=tokenizer,
    )
    outcome = run_trainer(trainer, inputs.ctx)
    metrics: dict[str, float] = {}
    if outcome.stopped:
        return finished(inputs, ModelKind.SCRATCH, tokenizer, outcome, metrics, self_contained=True)

    if heldout:
        loss = float(trainer.evaluate(_encoded(tokenizer, heldout, length))["eval_loss"])
        metrics["heldout_loss"] = loss
        metrics["heldout_perplexity"] = math.exp(min(loss, 50.0))  # exp overflows past ~709
    trained: Any = trainer.model
    special = ("bos_token_id", "eos_token_id", "pad_token_id")
    trained.generation_config.update(**{name: getattr(tokenizer, name) for name in special})
    return finished(
        inputs,
        ModelKind.SCRATCH,
        tokenizer,
        outcome,
        metrics,
        trained.save_pretrained,
        self_contained=True,
    )


RECIPE = Recipe(
    name="scratch",
    summary="A small GPT-2 and its own BPE tokenizer, trained from scratch on the persona's posts",
    config_type=ScratchConfig,
    dataset_specs=reads(KIND),
    preview=preview,
    train=train,
    needs_base_model=False,
)
