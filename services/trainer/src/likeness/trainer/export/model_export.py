"""Export a trained persona model for other runtimes (``likeness models export``).

    result = export_model(db, model_id, "merged", out=Path("mags-hf"))
    result = export_model(db, model_id, "gguf", out=Path("mags-gguf"), quantize="q8_0")

- ``merged``: the persona's LoRA adapter merged into its base (peft ``merge_and_unload``) and saved
  as a plain Hugging Face model folder, with the tokenizer and chat template it was trained with,
  in the base's dtype; a full fine-tune (``persona-full``) is saved as it is.
- ``gguf``: that merged model as one GGUF file (``export.gguf_llama``; f16, or q8_0) plus an Ollama
  ``Modelfile`` (``export.modelfile``) whose system prompt is the persona's card.

Every export also writes ``likeness-export.json`` (which model, persona, base, format), is built
in a staging folder next to ``out`` and renamed into place, so a failure never leaves half a
model behind; an existing ``out`` is only replaced with ``force``.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from likeness.core.personas import get_persona
from likeness.core.registry import ModelInfo, ModelKind, get_model
from likeness.trainer.export.gguf_llama import QUANTIZATIONS, GgufRefused, write_llama_gguf
from likeness.trainer.export.modelfile import TemplateUnsupported, is_chatml, ollama_modelfile

Format = Literal["merged", "gguf"]
FORMATS: tuple[str, ...] = ("merged", "gguf")
EXPORTABLE = (ModelKind.PERSONA_LORA, ModelKind.PERSONA_FULL)
EXPORT_MANIFEST = "likeness-export.json"
Progress = Callable[[str], None]


class ExportRefused(ValueError):
    """The export cannot be made: a model kind or format that does not export, files that are
    missing, or an output that exists without ``force``."""


@dataclass(slots=True)
class ExportResult:
    model_id: str
    persona: str
    format: str
    path: Path  # the folder written
    files: list[str] = field(default_factory=list)  # names inside it, sorted
    quantize: str = ""  # gguf only
    gguf_file: str = ""  # gguf only: the file's name inside ``path``

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["path"] = str(self.path)
        return data


def default_export_dir(data_dir: Path, info: ModelInfo, fmt: str, quantize: str) -> Path:
    suffix = f"gguf-{quantize}" if fmt == "gguf" else fmt
    return data_dir / "exports" / f"{info.persona or 'model'}-{info.id[:8]}-{suffix}"


def _check(info: ModelInfo, fmt: str, quantize: str) -> None:
    if fmt not in FORMATS:
        raise ExportRefused(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if quantize not in QUANTIZATIONS:
        raise ExportRefused(
            f"unknown quantisation {quantize!r}; choose one of {', '.join(QUANTIZATIONS)}"
        )
    if info.kind not in EXPORTABLE:
        raise ExportRefused(
            f"model {info.id} is a {info.kind} model; only persona models "
            f"({', '.join(EXPORTABLE)}) are exported"
        )
    if not info.adapter_path or not Path(info.adapter_path).is_dir():
        raise ExportRefused(f"model {info.id} has no files at {info.adapter_path!r}")


def load_merged(info: ModelInfo, progress: Progress = lambda _: None) -> tuple[Any, Any]:
    """(the persona model with its adapter merged in, float32 on the CPU; its tokenizer)."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    folder = Path(info.adapter_path)
    # The tokenizer the model was trained with is saved next to its weights; the base's otherwise.
    has_tokenizer = (folder / "tokenizer_config.json").exists()
    tokenizer = AutoTokenizer.from_pretrained(str(folder) if has_tokenizer else info.base_model)
    if info.kind == ModelKind.PERSONA_FULL:
        progress(f"loading the full fine-tune from {folder}")
        return AutoModelForCausalLM.from_pretrained(folder, dtype=torch.float32), tokenizer
    from peft import PeftModel

    progress(f"loading the base model {info.base_model}")
    base = AutoModelForCausalLM.from_pretrained(info.base_model, dtype=torch.float32)
    progress("merging the adapter into the base")
    merged = PeftModel.from_pretrained(base, str(folder)).merge_and_unload()
    return merged.eval(), tokenizer


def _saved_dtype(info: ModelInfo, model: Any) -> Any:
    """The dtype the model's own checkpoint is stored in (bf16 for the default model)."""
    import torch
    from transformers import AutoConfig

    source = info.adapter_path if info.kind == ModelKind.PERSONA_FULL else info.base_model
    dtype = getattr(AutoConfig.from_pretrained(source), "dtype", None)
    if isinstance(dtype, str):
        dtype = getattr(torch, dtype, None)
    return dtype if isinstance(dtype, torch.dtype) else model.dtype


def _card(db: Engine, persona: str) -> str:
    if not persona:
        return ""
    with Session(db) as session:
        return get_persona(session, persona).card or ""


def _prepare_out(out: Path, force: bool) -> None:
    if not force and out.exists() and (out.is_file() or any(out.iterdir())):
        raise ExportRefused(f"{out} already exists; pass --force to replace it")


def export_model(
    db: Engine,
    model_id: str,
    fmt: str,
    *,
    out: Path,
    quantize: str = "f16",
    force: bool = False,
    progress: Progress = lambda _: None,
) -> ExportResult:
    """Export the registered model ``model_id`` into the folder ``out`` (see the module doc).
    Raises ModelNotFound, ExportRefused (GgufRefused, TemplateUnsupported are ValueErrors too)."""
    info = get_model(db, model_id)
    _check(info, fmt, quantize)
    _prepare_out(out, force)
    card = _card(db, info.persona)
    model, tokenizer = load_merged(info, progress)
    if fmt == "gguf" and not is_chatml(getattr(tokenizer, "chat_template", None)):
        raise TemplateUnsupported(
            f"model {info.id}'s chat template is not ChatML, which is the one template written "
            "into an Ollama Modelfile; export --format merged instead"
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    result = ExportResult(info.id, info.persona, fmt, out)
    try:
        if fmt == "merged":
            progress(f"saving the merged model to {out}")
            model.to(_saved_dtype(info, model)).save_pretrained(staging)
            tokenizer.save_pretrained(staging)
        else:
            name = f"{info.persona or 'model'}-{quantize}.gguf"
            progress(f"writing {name} ({quantize})")
            write_llama_gguf(
                model,
                tokenizer,
                staging / name,
                quantize=quantize,
                name=info.persona or info.id,
                progress=progress,
            )
            (staging / "Modelfile").write_text(
                ollama_modelfile(name, tokenizer.chat_template, card=card), "utf-8"
            )
            result.quantize, result.gguf_file = quantize, name
        manifest = {
            "model_id": info.id,
            "persona": info.persona,
            "kind": info.kind,
            "base_model": info.base_model,
            "source": info.adapter_path,
            "format": fmt,
            "quantize": result.quantize,
            "exported_at": datetime.now(UTC).isoformat(),
        }
        (staging / EXPORT_MANIFEST).write_text(json.dumps(manifest, indent=2), "utf-8")
        if out.exists():
            shutil.rmtree(out) if out.is_dir() else out.unlink()
        staging.rename(out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    result.files = sorted(p.name for p in out.iterdir())
    return result


__all__ = [
    "EXPORTABLE",
    "FORMATS",
    "ExportRefused",
    "ExportResult",
    "GgufRefused",
    "TemplateUnsupported",
    "default_export_dir",
    "export_model",
    "load_merged",
]
