"""Exporting a persona model: merged Hugging Face folder, GGUF (f16, q8_0) with an Ollama
Modelfile; the exports load back and compute what the base with its adapter computes.

The tiny Llama and its LoRA (``tiny_model_dir``, ``tiny_adapter_dir``) come from conftest; its
tokenizer is a byte-level BPE with ChatML tokens and SmolLM2's template, the same family as the
default model's, so transformers rebuilds it from the GGUF's metadata.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch
from registered_models import add_model
from sqlalchemy import Engine
from transformers import AutoModelForCausalLM, AutoTokenizer, LlamaConfig, LlamaForCausalLM

from likeness.core.registry import ModelInfo, ModelKind
from likeness.ingest.personas import create_persona
from likeness.trainer.export.gguf_llama import GgufRefused, llama_permute, write_llama_gguf
from likeness.trainer.export.model_export import ExportRefused, export_model, load_merged
from likeness.trainer.export.modelfile import CHATML_TEMPLATE, TemplateUnsupported

CARD = 'You are Mags. Short sentences, dry humour, no emoji. Never say """hello""".'
MESSAGES = [
    {"role": "system", "content": "You are Mags."},
    {"role": "user", "content": "Write a post about the fog and the river"},
]


def _info(base: Path, adapter: Path, kind: str = ModelKind.PERSONA_LORA) -> ModelInfo:
    return ModelInfo(
        id="m" * 32,
        persona="mags",
        kind=kind,
        base_model=str(base),
        adapter_path=str(adapter),
        chat_template_sha256="",
        dataset_sha256="",
        active=False,
    )


def _prompt_ids(tokenizer_dir: Path) -> torch.Tensor:
    tokenizer = AutoTokenizer.from_pretrained(tokenizer_dir)
    text = tokenizer.apply_chat_template(MESSAGES, tokenize=False, add_generation_prompt=True)
    return torch.tensor([tokenizer(text, add_special_tokens=False)["input_ids"]])


def _logits(model: torch.nn.Module, ids: torch.Tensor) -> torch.Tensor:
    with torch.no_grad():
        return model(input_ids=ids).logits[0].float()


@pytest.fixture(scope="module")
def reference(tiny_model_dir: Path, tiny_adapter_dir: Path) -> tuple[torch.Tensor, torch.Tensor]:
    """(prompt ids, logits of the base with the adapter applied by peft, unmerged)."""
    from peft import PeftModel

    ids = _prompt_ids(tiny_model_dir)
    base = LlamaForCausalLM.from_pretrained(tiny_model_dir, dtype=torch.float32)
    with_adapter = PeftModel.from_pretrained(base, tiny_adapter_dir).eval()
    logits = _logits(with_adapter, ids)
    with with_adapter.disable_adapter():
        assert not torch.allclose(_logits(with_adapter, ids), logits, atol=1e-3)  # it matters
    return ids, logits


@pytest.fixture
def persona(engine: Engine, tiny_model_dir: Path, tiny_adapter_dir: Path) -> str:
    """A registered persona adapter of persona ``mags`` (whose card is CARD); its model id."""
    create_persona(engine, "mags", "Mags", CARD, None)
    return add_model(
        engine, "mags", str(tiny_adapter_dir), kind="persona-lora", base=str(tiny_model_dir)
    )


def test_merged_export_computes_what_base_plus_adapter_computes(
    engine: Engine, persona: str, tmp_path: Path, reference: tuple[torch.Tensor, torch.Tensor]
) -> None:
    ids, expected = reference
    result = export_model(engine, persona, "merged", out=tmp_path / "hf")
    assert result.path == tmp_path / "hf"
    assert {"config.json", "model.safetensors", "likeness-export.json"} <= set(result.files)
    merged = AutoModelForCausalLM.from_pretrained(result.path, dtype=torch.float32)
    # A plain model now: no peft wrapper and no LoRA weights left in the checkpoint.
    assert not any("lora" in name for name in merged.state_dict())
    # Merging adds B·A into W once instead of on every forward: float32 rounding only.
    torch.testing.assert_close(_logits(merged, ids), expected, atol=1e-4, rtol=1e-4)
    tokenizer = AutoTokenizer.from_pretrained(result.path)
    assert "<|im_start|>" in tokenizer.chat_template
    manifest = json.loads((result.path / "likeness-export.json").read_text())
    assert manifest["model_id"] == persona and manifest["format"] == "merged"


def test_llama_permute_is_what_transformers_gguf_loader_undoes() -> None:
    from transformers.modeling_gguf_pytorch_utils import LlamaTensorProcessor

    weight = torch.arange(8 * 4 * 3, dtype=torch.float32).reshape(8 * 4, 3).numpy()
    undo = LlamaTensorProcessor(config={"num_attention_heads": 8, "num_key_value_heads": 2})
    for heads in (8, 2):
        permuted = llama_permute(weight, heads)
        assert not (permuted == weight).all()
        restored = undo._reverse_permute_weights(permuted, 8, heads)
        assert (restored == weight).all()


def _rounded_like_gguf(model: torch.nn.Module, qtype: object) -> torch.nn.Module:
    """A copy of ``model`` whose matrices went through the GGUF type and back (norms stay f32)."""
    import copy

    import gguf

    rounded = copy.deepcopy(model)
    with torch.no_grad():
        for tensor in rounded.state_dict().values():
            if tensor.ndim == 2:
                array = tensor.numpy()
                back = gguf.quants.dequantize(gguf.quants.quantize(array, qtype), qtype)
                tensor.copy_(torch.from_numpy(back.reshape(array.shape).copy()))
    return rounded


# Against the float32 merged model, as a share of the logits' standard deviation (so the bounds
# do not depend on the random model's scale). f16 keeps an 11-bit mantissa: weights off by up to
# 2^-11 relative; measured max 1.1e-2. q8_0 stores each block of 32 weights as int8 times one f16
# scale (max|w|/127), weights off by up to 1/254 of their block's largest — a coarse grid on this
# tiny model, where a row is a single block: measured mean 2.3e-2, max 0.17, and 96% of the
# greedy next tokens unchanged. Bounds are about twice the measured figures.
GGUF_TOLERANCE = {"f16": (2e-3, 2.5e-2, 1.0), "q8_0": (5e-2, 0.35, 0.9)}  # mean, max, argmax


@pytest.mark.parametrize("quantize", ["f16", "q8_0"])
def test_gguf_loads_back_with_the_merged_models_logits_and_tokenizer(
    quantize: str,
    tmp_path: Path,
    tiny_model_dir: Path,
    tiny_adapter_dir: Path,
    reference: tuple[torch.Tensor, torch.Tensor],
) -> None:
    import gguf

    ids, expected = reference
    model, tokenizer = load_merged(_info(tiny_model_dir, tiny_adapter_dir))
    path = write_llama_gguf(model, tokenizer, tmp_path / "mags.gguf", quantize=quantize)

    reader = gguf.GGUFReader(path)
    types = {t.name: t.tensor_type for t in reader.tensors}
    want = gguf.GGMLQuantizationType.Q8_0 if quantize == "q8_0" else gguf.GGMLQuantizationType.F16
    assert types["blk.0.attn_q.weight"] == want and types["token_embd.weight"] == want
    assert types["blk.0.attn_norm.weight"] == gguf.GGMLQuantizationType.F32
    assert "output.weight" in types  # the tiny model's head is not tied to its embedding
    assert reader.get_field("general.architecture").contents() == "llama"
    assert reader.get_field("tokenizer.ggml.model").contents() == "gpt2"
    assert reader.get_field("tokenizer.ggml.pre").contents() == "gpt-2"

    loaded = AutoModelForCausalLM.from_pretrained(
        tmp_path, gguf_file=path.name, dtype=torch.float32
    )
    logits = _logits(loaded, ids)
    # Exact once the rounding is accounted for: every tensor sits under its llama.cpp name, in
    # llama.cpp's layout (the q/k permutation), and nothing else changed on the way.
    rounded = _logits(_rounded_like_gguf(model, want), ids)
    torch.testing.assert_close(logits, rounded, atol=1e-5, rtol=1e-5)

    mean_bound, max_bound, agree_bound = GGUF_TOLERANCE[quantize]
    error = (logits - expected).abs() / expected.std()
    assert error.mean().item() < mean_bound and error.max().item() < max_bound, (
        f"error mean {error.mean().item():.2e}, max {error.max().item():.2e} of the spread"
    )
    agree = (logits.argmax(-1) == expected.argmax(-1)).float().mean().item()
    assert agree >= agree_bound

    # The tokenizer llama.cpp, Ollama and transformers rebuild from the metadata encodes the
    # serving prompt to the same ids, and knows the chat template.
    from_gguf = AutoTokenizer.from_pretrained(tmp_path, gguf_file=path.name)
    text = tokenizer.apply_chat_template(MESSAGES, tokenize=False, add_generation_prompt=True)
    assert from_gguf(text, add_special_tokens=False)["input_ids"] == ids[0].tolist()
    assert from_gguf.chat_template == tokenizer.chat_template
    assert from_gguf.eos_token == "<|im_end|>"


def test_gguf_export_writes_a_modelfile_with_the_card_and_chatml(
    engine: Engine, persona: str, tmp_path: Path
) -> None:
    seen: list[str] = []
    result = export_model(
        engine, persona, "gguf", out=tmp_path / "ollama", quantize="q8_0", progress=seen.append
    )
    assert result.gguf_file == "mags-q8_0.gguf"
    assert set(result.files) == {"mags-q8_0.gguf", "Modelfile", "likeness-export.json"}
    modelfile = (result.path / "Modelfile").read_text()
    assert modelfile.startswith("FROM ./mags-q8_0.gguf\n")
    assert f'TEMPLATE """{CHATML_TEMPLATE}"""' in modelfile
    # the card whole, its own triple quotes escaped so Ollama's parser does not end the value
    assert 'SYSTEM """You are Mags. Short sentences, dry humour, no emoji. Never say ' in modelfile
    assert '\\"\\"\\"hello\\"\\"\\"' in modelfile
    assert 'PARAMETER stop "<|im_end|>"' in modelfile
    assert any("merging" in line for line in seen) and any("tensors" in line for line in seen)


def test_export_refuses_an_existing_output_unless_forced(
    engine: Engine, persona: str, tmp_path: Path
) -> None:
    out = tmp_path / "hf"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    with pytest.raises(ExportRefused, match="already exists; pass --force"):
        export_model(engine, persona, "merged", out=out)
    assert (out / "keep.txt").read_text() == "mine"
    export_model(engine, persona, "merged", out=out, force=True)
    assert not (out / "keep.txt").exists() and (out / "config.json").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no staging left


def test_export_refuses_models_that_are_not_persona_models(
    engine: Engine, tiny_model_dir: Path, tiny_adapter_dir: Path, tmp_path: Path
) -> None:
    create_persona(engine, "mags", "Mags", CARD, None)
    reward = add_model(engine, "mags", str(tiny_adapter_dir), kind="reward")
    with pytest.raises(ExportRefused, match="is a reward model; only persona models"):
        export_model(engine, reward, "gguf", out=tmp_path / "x")
    gone = add_model(engine, "mags", str(tmp_path / "gone"), kind="persona-lora")
    with pytest.raises(ExportRefused, match="has no files"):
        export_model(engine, gone, "merged", out=tmp_path / "x")
    with pytest.raises(ExportRefused, match="unknown quantisation 'q4_k'"):
        export_model(engine, gone, "gguf", out=tmp_path / "x", quantize="q4_k")
    assert not (tmp_path / "x").exists()


def test_gguf_refuses_a_template_ollama_cannot_be_given(
    tmp_path: Path, tiny_model_dir: Path, tiny_adapter_dir: Path
) -> None:
    from likeness.trainer.export.modelfile import ollama_modelfile

    with pytest.raises(TemplateUnsupported, match="not ChatML"):
        ollama_modelfile("x.gguf", "{{ bos_token }}[INST] {{ content }} [/INST]", card="c")
    model, tokenizer = load_merged(_info(tiny_model_dir, tiny_adapter_dir))
    model.config.model_type = "gpt2"
    with pytest.raises(GgufRefused, match="Llama-architecture"):
        write_llama_gguf(model, tokenizer, tmp_path / "x.gguf")


def test_a_tied_head_is_left_out_and_loads_back_tied(tmp_path: Path, tiny_model_dir: Path) -> None:
    """SmolLM2 ties its output projection to the embedding: llama.cpp expects no output.weight."""
    import gguf

    config = LlamaConfig.from_pretrained(tiny_model_dir, tie_word_embeddings=True)
    torch.manual_seed(3)
    tied = LlamaForCausalLM(config).eval()
    assert tied.lm_head.weight.data_ptr() == tied.model.embed_tokens.weight.data_ptr()
    tokenizer = AutoTokenizer.from_pretrained(tiny_model_dir)
    path = write_llama_gguf(tied, tokenizer, tmp_path / "tied.gguf", quantize="f16")
    assert "output.weight" not in {t.name for t in gguf.GGUFReader(path).tensors}
    loaded = AutoModelForCausalLM.from_pretrained(
        tmp_path, gguf_file=path.name, dtype=torch.float32
    )
    assert loaded.config.tie_word_embeddings
    ids = _prompt_ids(tiny_model_dir)
    expected = _logits(_rounded_like_gguf(tied, gguf.GGMLQuantizationType.F16), ids)
    torch.testing.assert_close(_logits(loaded, ids), expected, atol=1e-5, rtol=1e-5)


def test_pre_tokenizer_names_and_refusals(tiny_model_dir: Path) -> None:
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import PreTrainedTokenizerFast

    from likeness.trainer.export.gguf_llama import _pre_tokenizer, tokenizer_metadata

    smollm = pre_tokenizers.Sequence(
        [pre_tokenizers.Digits(individual_digits=True), pre_tokenizers.ByteLevel()]
    )
    backend = Tokenizer(models.BPE())
    backend.pre_tokenizer = smollm
    assert _pre_tokenizer(json.loads(backend.to_str())) == "smollm"
    backend.pre_tokenizer = pre_tokenizers.Whitespace()
    with pytest.raises(GgufRefused, match=r"no llama\.cpp name"):
        _pre_tokenizer(json.loads(backend.to_str()))

    word_level = Tokenizer(models.WordLevel({"a": 0, "<unk>": 1}, unk_token="<unk>"))
    with pytest.raises(GgufRefused, match="byte-level BPE"):
        tokenizer_metadata(PreTrainedTokenizerFast(tokenizer_object=word_level), 2)
    tiny = AutoTokenizer.from_pretrained(tiny_model_dir)
    with pytest.raises(GgufRefused, match="only 10 rows"):
        tokenizer_metadata(tiny, 10)
    padded = tokenizer_metadata(tiny, len(tiny) + 3)  # embedding rows beyond the vocabulary
    assert padded["tokens"][-1] == f"[PAD{len(tiny) + 2}]"
    assert padded["special"] == {"bos": 1, "eos": 2, "pad": 0}
