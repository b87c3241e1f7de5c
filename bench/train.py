"""Training benchmark: our persona-sft recipe vs. the seed project's recipe, in one run.

    make bench-train            # or: .venv/bin/python bench/train.py [--examples 1000]

On SmolLM2-135M-Instruct (the default model, converted into a temporary data dir) and the
same ≥ 1,000 real short posts (the Trump Twitter Archive 2016 file from ../shared/corpora when
present, imported and cleaned by our ingest code, as persona-chat examples):

- ours: ``persona-sft`` with its defaults — LoRA, loss on the answer only, length-grouped
  batches of 16 with dynamic padding, no gradient checkpointing on CPU, fp32 on CPU;
- the seed's recipe: every example rendered with the chat template and padded to 128 tokens,
  batch 1, loss on every token including the pads, trl ``SFTConfig`` defaults (gradient
  checkpointing on, bf16 on) — with the same LoRA adapter and a LoRA-typical learning rate
  (2e-4) rather than trl's 2e-5, so its held-out loss is a fair comparison.

Both train one epoch over the same examples. Reported: real (non-pad) tokens per second —
the same real-token count for both, divided by each one's ``trainer.train()`` wall time — the
ratio, and the held-out loss of each (token-weighted cross-entropy on the answers of the
newest posts, which neither run trains on). Writes bench/results/train.json.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import torch
from report import machine, write_result

from likeness.core.db import open_database
from likeness.core.default_model import ensure_default_model
from likeness.core.settings import Settings
from likeness.ingest.importing import import_path
from likeness.ingest.personas import create_persona
from likeness.trainer.datasets.build import build_dataset
from likeness.trainer.datasets.spec import DatasetSpec
from likeness.trainer.encoding import encode_row
from likeness.trainer.evaluation import heldout_loss
from likeness.trainer.recipes.base import RunContext
from likeness.trainer.recipes.persona_sft import RECIPE, PersonaSftConfig
from likeness.trainer.recipes.registry import RecipeInputs
from likeness.trainer.runner import load_tokenizer

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "trump-tta" / "condensed_2016.json"
SAMPLE = ROOT / "examples" / "sample-archive"
CARD = (
    "You are Donald J. Trump posting on Twitter in 2016: short, emphatic posts, capital "
    "letters for emphasis, exclamation marks, nicknames for opponents."
)
SEED_PAD_TO = 128
SEED_LR = 2e-4
HELDOUT_EVAL = 300


def seed_recipe(model_dir: Path, rows: list[dict], run_dir: Path) -> tuple[object, float]:
    """The seed project's SFT: pad to 128, batch 1, loss on pads, trl defaults."""
    from datasets import Dataset
    from peft import LoraConfig
    from transformers import AutoModelForCausalLM
    from trl import SFTConfig, SFTTrainer

    tokenizer = load_tokenizer(str(model_dir))
    padded = []
    for row in rows:
        text = tokenizer.apply_chat_template(row["messages"], tokenize=False)
        ids = tokenizer(
            text,
            add_special_tokens=False,
            padding="max_length",
            truncation=True,
            max_length=SEED_PAD_TO,
        )["input_ids"]
        padded.append({"input_ids": ids, "labels": list(ids)})  # the loss covers the pads too
    args = SFTConfig(
        output_dir=str(run_dir),
        per_device_train_batch_size=1,
        num_train_epochs=1,
        learning_rate=SEED_LR,
        max_length=SEED_PAD_TO,
        report_to=[],
        save_strategy="no",
        disable_tqdm=True,
        use_cpu=True,
    )
    model = AutoModelForCausalLM.from_pretrained(model_dir, dtype=torch.float32)
    trainer = SFTTrainer(
        model=model,
        args=args,
        train_dataset=Dataset.from_list(padded),
        processing_class=tokenizer,
        peft_config=LoraConfig(
            r=16,
            lora_alpha=32,
            lora_dropout=0.0,
            target_modules="all-linear",
            task_type="CAUSAL_LM",
        ),
    )
    started = time.perf_counter()
    trainer.train()
    return trainer.model, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=int, default=1000, help="training examples (≥ 1000)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary data dir")
    opts = parser.parse_args()
    torch.set_num_threads(os.cpu_count() or 1)
    work = Path(tempfile.mkdtemp(prefix="likeness-bench-train-"))
    try:
        settings = Settings(data_dir=work, database_url=f"sqlite:///{work / 'bench.db'}")
        db = open_database(settings)
        print("converting the default model …", flush=True)
        model_dir = ensure_default_model(work)
        create_persona(db, "trump", "Donald J. Trump", CARD, None)
        source = CORPUS if CORPUS.exists() else SAMPLE
        if source == SAMPLE:
            print(f"warning: {CORPUS} not found; using the bundled sample (fewer posts)")
        import_path(db, source, "trump", settings=settings)
        dataset = build_dataset(
            db,
            DatasetSpec(kind="persona-chat", persona="trump", heldout_fraction=0.1),
            work,
        )
        rows = list(dataset.rows("train"))[-opts.examples :]
        heldout_rows = list(dataset.rows("heldout"))[:HELDOUT_EVAL]
        tokenizer = load_tokenizer(str(model_dir))
        encoded = [encode_row(tokenizer, row, 512) for row in rows]
        real_tokens = sum(min(len(e.input_ids), SEED_PAD_TO) for e in encoded)
        heldout = [encode_row(tokenizer, row, 512) for row in heldout_rows]
        print(
            f"{len(rows)} training examples ({real_tokens} real tokens, "
            f"mean {real_tokens / len(rows):.1f}), {len(heldout)} held-out",
            flush=True,
        )

        print("training: ours (persona-sft) …", flush=True)
        config = PersonaSftConfig(limit=opts.examples, epochs=1, save_steps=10_000)
        ctx = RunContext(run_dir=work / "runs" / "ours", data_dir=work, device="cpu")
        inputs = RecipeInputs(db, "trump", config, str(model_dir), ctx, ctx.run_dir / "final")
        ours = RECIPE.train(inputs, [dataset])
        ours_tokens_per_s = real_tokens / ours.outcome.seconds
        from peft import PeftModel
        from transformers import AutoModelForCausalLM

        base = AutoModelForCausalLM.from_pretrained(model_dir, dtype=torch.float32)
        ours_model = PeftModel.from_pretrained(base, str(inputs.artifact_dir))
        ours_loss = heldout_loss(ours_model, heldout)

        print("training: the seed's recipe (pad to 128, batch 1, loss on pads) …", flush=True)
        seed_model, seed_seconds = seed_recipe(model_dir, rows, work / "runs" / "seed")
        seed_tokens_per_s = real_tokens / seed_seconds
        seed_loss = heldout_loss(seed_model, heldout)

        base_loss = heldout_loss(
            AutoModelForCausalLM.from_pretrained(model_dir, dtype=torch.float32), heldout
        )
        metrics = {
            "tokens_per_s": round(ours_tokens_per_s, 1),
            "baseline_tokens_per_s": round(seed_tokens_per_s, 1),
            "ratio": round(ours_tokens_per_s / seed_tokens_per_s, 2),
            "heldout_loss": round(ours_loss, 4),
            "baseline_heldout_loss": round(seed_loss, 4),
            "untrained_heldout_loss": round(base_loss, 4),
            "examples": len(rows),
            "heldout_examples": len(heldout),
            "real_tokens": real_tokens,
            "ours_counted_tokens": ours.outcome.real_tokens,
            "ours_seconds": round(ours.outcome.seconds, 1),
            "ours_steps": ours.outcome.global_step,
            "baseline_seconds": round(seed_seconds, 1),
            "baseline_steps": len(rows),
            "corpus": source.name,
        }
        print()
        print(f"{'':28}{'ours':>14}{'seed recipe':>14}")
        print(f"{'real tokens/s':28}{ours_tokens_per_s:>14.1f}{seed_tokens_per_s:>14.1f}")
        print(f"{'wall time (s)':28}{ours.outcome.seconds:>14.1f}{seed_seconds:>14.1f}")
        print(f"{'optimizer steps':28}{ours.outcome.global_step:>14}{len(rows):>14}")
        print(f"{'held-out loss':28}{ours_loss:>14.4f}{seed_loss:>14.4f}")
        print(f"{'ratio (tokens/s)':28}{metrics['ratio']:>14.2f}")
        print(f"(untrained model held-out loss: {base_loss:.4f})")
        write_result("train", metrics, machine(f"torch {torch.__version__}"))
        return 0
    finally:
        if opts.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
