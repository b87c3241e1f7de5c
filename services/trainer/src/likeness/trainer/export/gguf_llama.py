"""A Llama-architecture transformers model and its tokenizer written as one GGUF file, the format
llama.cpp and Ollama run.

    write_llama_gguf(model, tokenizer, Path("mags.gguf"), quantize="q8_0", name="mags")

The reverse direction (GGUF → transformers, ``likeness.core.default_model``) is transformers'
GGUF loader; both directions take tensor names from the ``gguf`` package's ``TensorNameMap``, so
the HF ↔ GGUF naming lives in one place (the library llama.cpp itself maintains). What llama.cpp's
converter does beyond renaming, and transformers undoes on load, is done here too: the rows of the
query and key projections are permuted into llama.cpp's rotary layout, a tied output projection
is left out (``token_embd`` serves both), and 1-D tensors (norms) stay float32.

Only what runs faithfully is written: a byte-level BPE tokenizer (GPT-2 style: SmolLM2, Llama 3,
the test models), plain RoPE, no biases. Anything else is refused with a reason rather than written
as a file that loads but talks nonsense.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: ``--quantize`` values: float16, or llama.cpp's 8-bit blocks (32 weights share one f16 scale).
QUANTIZATIONS = ("f16", "q8_0")


class GgufRefused(ValueError):
    """The model or tokenizer has a feature this writer does not put into GGUF faithfully."""


def llama_permute(weight: Any, n_head: int) -> Any:
    """llama.cpp's layout of a query/key projection: each head's rotary halves interleaved
    (transformers' GGUF loader applies the inverse, ``_reverse_permute_weights``)."""
    rows = weight.shape[0]
    return (
        weight.reshape(n_head, 2, rows // n_head // 2, *weight.shape[1:])
        .swapaxes(1, 2)
        .reshape(weight.shape)
    )


def _rope_theta(config: Any) -> float:
    parameters = getattr(config, "rope_parameters", None) or {}
    rope_type = parameters.get("rope_type", "default")
    if rope_type != "default":
        raise GgufRefused(f"RoPE scaling {rope_type!r} is not written to GGUF by this exporter")
    theta = parameters.get("rope_theta", getattr(config, "rope_theta", None))
    if theta is None:
        raise GgufRefused("the model config states no rope_theta")
    return float(theta)


def _check_llama(config: Any) -> None:
    if getattr(config, "model_type", None) != "llama":
        raise GgufRefused(
            f"GGUF export supports Llama-architecture models; this one is "
            f"{getattr(config, 'model_type', '?')!r} (export --format merged instead)"
        )
    if getattr(config, "attention_bias", False) or getattr(config, "mlp_bias", False):
        raise GgufRefused("a Llama with attention or MLP biases is not exported to GGUF")


def _pre_tokenizer(backend: dict[str, Any]) -> str:
    """llama.cpp's name for how the tokenizer splits text before BPE (``tokenizer.ggml.pre``)."""
    pre = backend.get("pre_tokenizer") or {}
    if pre.get("type") == "ByteLevel" and pre.get("use_regex", True):
        return "gpt-2"
    steps = pre.get("pretokenizers", []) if pre.get("type") == "Sequence" else []
    kinds = [(s.get("type"), s.get("individual_digits"), s.get("use_regex")) for s in steps]
    if kinds == [("Digits", True, None), ("ByteLevel", None, True)]:
        return "smollm"  # SmolLM's own tokenizer.json: single digits, then GPT-2's split
    raise GgufRefused(
        f"the tokenizer's pre-tokenizer ({pre.get('type')}) has no llama.cpp name this exporter "
        "knows (supported: GPT-2 byte-level, SmolLM)"
    )


def tokenizer_metadata(tokenizer: Any, vocab_size: int) -> dict[str, Any]:
    """The GGUF tokenizer fields of a byte-level BPE tokenizer, its vocabulary padded to the
    model's embedding rows (llama.cpp needs one token per row)."""
    import gguf

    backend_tokenizer = getattr(tokenizer, "backend_tokenizer", None)
    if backend_tokenizer is None:
        raise GgufRefused("only fast (tokenizers-backed) tokenizers are exported to GGUF")
    backend = json.loads(backend_tokenizer.to_str())
    model = backend.get("model") or {}
    decoder = backend.get("decoder") or {}
    if model.get("type") != "BPE" or decoder.get("type") != "ByteLevel":
        raise GgufRefused(
            f"GGUF export supports byte-level BPE tokenizers (GPT-2 style); this one is "
            f"{model.get('type')} with a {decoder.get('type')} decoder"
        )
    vocab: dict[str, int] = tokenizer.get_vocab()
    if max(vocab.values()) >= vocab_size:
        raise GgufRefused(
            f"the tokenizer has ids up to {max(vocab.values())}, the model only {vocab_size} rows"
        )
    tokens = [f"[PAD{i}]" for i in range(vocab_size)]
    types = [gguf.TokenType.UNUSED] * vocab_size
    for token, index in vocab.items():
        tokens[index], types[index] = token, gguf.TokenType.NORMAL
    for index, added in tokenizer.added_tokens_decoder.items():
        types[index] = gguf.TokenType.CONTROL if added.special else gguf.TokenType.USER_DEFINED
    merges = [m if isinstance(m, str) else " ".join(m) for m in model.get("merges", [])]
    special = {
        "bos": tokenizer.bos_token_id,
        "eos": tokenizer.eos_token_id,
        "unk": tokenizer.unk_token_id,
        "pad": tokenizer.pad_token_id,
    }
    template = getattr(tokenizer, "chat_template", None)
    return {
        "pre": _pre_tokenizer(backend),
        "tokens": tokens,
        "types": types,
        "merges": merges,
        "special": {k: v for k, v in special.items() if v is not None},
        "add_bos": bool(getattr(tokenizer, "add_bos_token", False)),
        "chat_template": template if isinstance(template, str) else None,
    }


def _tensor_type(array: Any, quantize: str) -> Any:
    import gguf

    if array.ndim == 1:
        return gguf.GGMLQuantizationType.F32
    if (
        quantize == "q8_0"
        and array.shape[-1] % gguf.GGML_QUANT_SIZES[gguf.GGMLQuantizationType.Q8_0][0] == 0
    ):
        return gguf.GGMLQuantizationType.Q8_0
    return gguf.GGMLQuantizationType.F16  # llama.cpp's fallback for rows that do not fill blocks


def write_llama_gguf(
    model: Any,
    tokenizer: Any,
    path: Path,
    *,
    quantize: str = "f16",
    name: str = "",
    progress: Callable[[str], None] = lambda _: None,
) -> Path:
    """Write ``model`` (a transformers ``LlamaForCausalLM``) and ``tokenizer`` to ``path``."""
    import gguf
    import torch

    if quantize not in QUANTIZATIONS:
        raise GgufRefused(f"unknown quantisation {quantize!r}; choose one of {QUANTIZATIONS}")
    config = model.config
    _check_llama(config)
    meta = tokenizer_metadata(tokenizer, config.vocab_size)
    n_head, n_kv = config.num_attention_heads, config.num_key_value_heads
    head_dim = getattr(config, "head_dim", None) or config.hidden_size // n_head
    arch = gguf.MODEL_ARCH.LLAMA
    writer = gguf.GGUFWriter(path, gguf.MODEL_ARCH_NAMES[arch])
    writer.add_name(name or "likeness export")
    writer.add_file_type(
        gguf.LlamaFileType.MOSTLY_Q8_0 if quantize == "q8_0" else gguf.LlamaFileType.MOSTLY_F16
    )
    writer.add_quantization_version(gguf.GGML_QUANT_VERSION)
    writer.add_vocab_size(config.vocab_size)
    writer.add_context_length(config.max_position_embeddings)
    writer.add_embedding_length(config.hidden_size)
    writer.add_block_count(config.num_hidden_layers)
    writer.add_feed_forward_length(config.intermediate_size)
    writer.add_rope_dimension_count(head_dim)
    writer.add_rope_freq_base(_rope_theta(config))
    writer.add_head_count(n_head)
    writer.add_head_count_kv(n_kv)
    writer.add_layer_norm_rms_eps(config.rms_norm_eps)

    writer.add_tokenizer_model("gpt2")
    writer.add_tokenizer_pre(meta["pre"])
    writer.add_token_list(meta["tokens"])
    writer.add_token_types(meta["types"])
    writer.add_token_merges(meta["merges"])
    adders = {
        "bos": writer.add_bos_token_id,
        "eos": writer.add_eos_token_id,
        "unk": writer.add_unk_token_id,
        "pad": writer.add_pad_token_id,
    }
    for key, token_id in meta["special"].items():
        adders[key](token_id)
    writer.add_add_bos_token(meta["add_bos"])
    if meta["chat_template"]:
        writer.add_chat_template(meta["chat_template"])

    names = gguf.get_tensor_name_map(arch, config.num_hidden_layers)
    state = model.state_dict()
    # Left out only when it really is the embedding: a config can say "tied" over weights that
    # were loaded (or trained) apart, and transformers then keeps them apart too.
    head, embedding = state.get("lm_head.weight"), state.get("model.embed_tokens.weight")
    tied = head is not None and embedding is not None and torch.equal(head, embedding)
    for index, (hf_name, tensor) in enumerate(state.items(), 1):
        if tied and hf_name == "lm_head.weight":
            continue  # llama.cpp reads a missing output projection as the tied embedding
        gguf_name = names.get_name(hf_name, try_suffixes=(".weight", ".bias"))
        if gguf_name is None:
            raise GgufRefused(f"no GGUF name for tensor {hf_name!r}")
        array = tensor.detach().to(torch.float32).cpu().numpy()
        if gguf_name.endswith("attn_q.weight"):
            array = llama_permute(array, n_head)
        elif gguf_name.endswith("attn_k.weight"):
            array = llama_permute(array, n_kv)
        qtype = _tensor_type(array, quantize)
        data = gguf.quants.quantize(array, qtype)
        writer.add_tensor(gguf_name, data, raw_dtype=qtype)
        if index % 16 == 0 or index == len(state):
            progress(f"tensors {index}/{len(state)}")

    progress(f"writing {path.name}")
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path
