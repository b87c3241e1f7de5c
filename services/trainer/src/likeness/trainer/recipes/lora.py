"""The LoRA options the normaliser recipes share, and the one place they become a peft config."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class LoraOptions(BaseModel):
    lora_r: int = Field(16, ge=1, description="LoRA rank of a new adapter.")
    lora_alpha: int = Field(32, ge=1, description="LoRA scale (alpha / rank multiplies it).")
    lora_dropout: float = Field(0.05, ge=0, lt=1)
    lora_target_modules: str | list[str] = Field(
        "all-linear", description="Modules a new adapter adapts."
    )


def lora_config(options: LoraOptions, task_type: str = "CAUSAL_LM") -> Any:
    """A peft LoraConfig (``SEQ_CLS`` also trains and saves a new score head in full)."""
    from peft import LoraConfig

    return LoraConfig(
        task_type=task_type,
        r=options.lora_r,
        lora_alpha=options.lora_alpha,
        lora_dropout=options.lora_dropout,
        target_modules=options.lora_target_modules,
    )
