"""The LoRA options every adapter-training recipe shares, and the one place they become a peft
config (persona/normaliser SFT, reward model, and the RL and DPO policies)."""

from __future__ import annotations

from typing import Any

from pydantic import AliasChoices, BaseModel, Field


class LoraOptions(BaseModel):
    lora_r: int = Field(16, ge=1, description="LoRA rank of a new adapter.")
    lora_alpha: int = Field(32, ge=1, description="LoRA scale (alpha / rank multiplies it).")
    # 0: the persona-sft default, which bench/train.py measures; peft then skips the layer.
    lora_dropout: float = Field(
        0.0, ge=0, lt=1, description="Dropout on the LoRA path during training (0: none)."
    )
    lora_target_modules: str | list[str] = Field(
        "all-linear",
        # ``target_modules`` is what the SFT recipes called it before they shared these options.
        validation_alias=AliasChoices("lora_target_modules", "target_modules"),
        description="Modules a new adapter adapts ('all-linear' or a list of module names).",
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
