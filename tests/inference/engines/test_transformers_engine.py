"""TransformersEngine against ``model.generate`` on a tiny random Llama: batching, padding,
sampling, stop conditions, cancellation and LoRA adapters. Async code runs under ``asyncio.run``.
"""

from __future__ import annotations

import asyncio
import json
import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
import torch
from transformers import AutoTokenizer, LlamaForCausalLM

from likeness.core.chat import chat_template_sha256
from likeness.inference.engines.base import (
    AdapterInfo,
    AdapterMismatch,
    Delta,
    GenerationRequest,
    SamplingParams,
)
from likeness.inference.engines.transformers_engine import TransformersEngine

GREEDY = SamplingParams(max_tokens=24, temperature=0.0)
PROMPTS = [
    "<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n",
    "<|im_start|>user\nHow are you today, old friend?<|im_end|>\n<|im_start|>assistant\n",
    "The quick brown fox",
    "<|im_start|>system\nShort sentences, dry humour.<|im_end|>\n<|im_start|>user\n"
    "Tell me about the river walk this morning.<|im_end|>\n<|im_start|>assistant\n",
]


@pytest.fixture(scope="module")
def reference(tiny_model_dir: Path) -> Callable[..., str]:
    """Greedy text from plain ``model.generate`` (optionally with a LoRA adapter)."""
    tokenizer = AutoTokenizer.from_pretrained(tiny_model_dir)
    base = LlamaForCausalLM.from_pretrained(tiny_model_dir).eval()
    models: dict[str | None, Any] = {None: base}

    def generate(prompt: str, max_tokens: int = GREEDY.max_tokens, adapter: Path | None = None):
        if adapter is not None and str(adapter) not in models:
            from peft import PeftModel

            fresh = LlamaForCausalLM.from_pretrained(tiny_model_dir)
            models[str(adapter)] = PeftModel.from_pretrained(fresh, adapter).eval()
        model = models[None if adapter is None else str(adapter)]
        ids = tokenizer(prompt, add_special_tokens=False, return_tensors="pt")["input_ids"]
        with torch.inference_mode():
            out = model.generate(
                input_ids=ids,
                attention_mask=torch.ones_like(ids),
                max_new_tokens=max_tokens,
                do_sample=False,
            )
        return tokenizer.decode(out[0, ids.shape[1] :], skip_special_tokens=True)

    return generate


def run_engine(
    model_dir: Path, body: Callable[[TransformersEngine], Awaitable[Any]], **options: Any
) -> Any:
    """Start an engine, run ``body`` with it under ``asyncio.run``, close it."""
    engine = TransformersEngine.load(str(model_dir), **options)

    async def main() -> Any:
        await engine.start()
        try:
            return await body(engine)
        finally:
            await engine.close()

    return asyncio.run(main())


async def collect(engine: TransformersEngine, request: GenerationRequest) -> tuple[str, Delta]:
    text, last = "", None
    async for delta in engine.generate(request):
        text += delta.text
        last = delta
    assert last is not None and last.finished
    return text, last


def request(i: int | str, prompt: str, params: SamplingParams = GREEDY, **kw: Any):
    return GenerationRequest(f"r{i}", prompt, params, **kw)


def test_greedy_alone_matches_generate(tiny_model_dir: Path, reference) -> None:
    text, last = run_engine(tiny_model_dir, lambda e: collect(e, request(0, PROMPTS[1])))
    assert text == reference(PROMPTS[1])
    assert last.prompt_tokens > 0 and last.completion_tokens <= GREEDY.max_tokens


def test_left_padded_batch_matches_generate(tiny_model_dir: Path, reference) -> None:
    async def body(engine: TransformersEngine):
        results = await asyncio.gather(
            *(collect(engine, request(i, p)) for i, p in enumerate(PROMPTS))
        )
        return results, engine.stats.max_batch_seen

    results, batch_seen = run_engine(tiny_model_dir, body, max_batch=4, batch_wait_ms=50)
    assert batch_seen == 4
    assert [text for text, _ in results] == [reference(p) for p in PROMPTS]


def test_request_joining_a_running_batch_matches_generate(tiny_model_dir: Path, reference) -> None:
    long_params = SamplingParams(max_tokens=60, temperature=0.0)

    async def body(engine: TransformersEngine):
        first = asyncio.create_task(collect(engine, request("long", PROMPTS[0], long_params)))
        while engine.stats.decode_steps < 5:  # the first request is well under way
            await asyncio.sleep(0.001)
        second = await collect(engine, request("late", PROMPTS[3]))
        return await first, second, engine.stats.max_batch_seen, engine.stats.prefills

    (long_text, _), (late_text, _), batch_seen, prefills = run_engine(tiny_model_dir, body)
    assert prefills == 2 and batch_seen == 2  # admitted into the running batch
    assert long_text == reference(PROMPTS[0], max_tokens=60)
    assert late_text == reference(PROMPTS[3])


def test_same_seed_gives_same_text(tiny_model_dir: Path) -> None:
    def sampled(seed: int) -> SamplingParams:
        return SamplingParams(max_tokens=30, temperature=1.0, top_p=0.9, seed=seed)

    async def body(engine: TransformersEngine):
        a = await collect(engine, request("a", PROMPTS[2], sampled(7)))
        # the same seed again, this time inside a batch with other sampled requests
        b, c, _ = await asyncio.gather(
            collect(engine, request("b", PROMPTS[2], sampled(7))),
            collect(engine, request("c", PROMPTS[2], sampled(8))),
            collect(engine, request("d", PROMPTS[1], sampled(9))),
        )
        return a[0], b[0], c[0]

    a, b, c = run_engine(tiny_model_dir, body)
    assert a == b
    assert a != c


def test_stop_string_ends_generation_before_it(tiny_model_dir: Path, reference) -> None:
    full = reference(PROMPTS[1])
    stop = full[6:9]
    cut = full.index(stop)
    params = SamplingParams(max_tokens=GREEDY.max_tokens, temperature=0.0, stop=("@@never@@", stop))
    text, last = run_engine(tiny_model_dir, lambda e: collect(e, request(0, PROMPTS[1], params)))
    assert text == full[:cut]
    assert last.finish_reason == "stop"


def test_max_tokens_finishes_with_length(tiny_model_dir: Path) -> None:
    params = SamplingParams(max_tokens=5, temperature=0.0)
    _, last = run_engine(tiny_model_dir, lambda e: collect(e, request(0, PROMPTS[2], params)))
    assert last.finish_reason == "length"
    assert last.completion_tokens == 5


def test_eos_finishes_with_stop_and_is_not_returned(
    tiny_model_dir: Path, tiny_tokenizer, tmp_path: Path
) -> None:
    model = LlamaForCausalLM.from_pretrained(tiny_model_dir).eval()
    ids = tiny_tokenizer(PROMPTS[1], add_special_tokens=False, return_tensors="pt")["input_ids"]
    out = model.generate(
        input_ids=ids, attention_mask=torch.ones_like(ids), max_new_tokens=20, do_sample=False
    )[0, ids.shape[1] :].tolist()
    # Declare the first token that greedy decoding emits for the first time at step >= 3 an EOS.
    step = next(i for i in range(3, len(out)) if out[i] not in out[:i])
    copy = tmp_path / "model"
    shutil.copytree(tiny_model_dir, copy)
    config_path = copy / "generation_config.json"
    config = json.loads(config_path.read_text())
    config["eos_token_id"] = [tiny_tokenizer.eos_token_id, out[step]]
    config_path.write_text(json.dumps(config))

    text, last = run_engine(copy, lambda e: collect(e, request(0, PROMPTS[1])))
    assert last.finish_reason == "stop"
    assert text == tiny_tokenizer.decode(out[:step], skip_special_tokens=True)


def test_eight_concurrent_requests_are_batched_together(tiny_model_dir: Path, reference) -> None:
    prompts = [PROMPTS[i % 4] + "x" * i for i in range(8)]

    async def body(engine: TransformersEngine):
        results = await asyncio.gather(
            *(collect(engine, request(i, p)) for i, p in enumerate(prompts))
        )
        return results, engine.stats

    results, stats = run_engine(tiny_model_dir, body, max_batch=8)
    assert stats.max_batch_seen == 8
    assert stats.prefills == 1
    assert all(last.finished for _, last in results)
    assert [text for text, _ in results] == [reference(p) for p in prompts]


def test_consumer_breaking_out_frees_its_slot_and_spares_others(
    tiny_model_dir: Path, reference
) -> None:
    long_params = SamplingParams(max_tokens=200, temperature=0.0)
    short_params = SamplingParams(max_tokens=10, temperature=0.0)

    async def quitter(engine: TransformersEngine) -> None:
        seen = 0
        async for delta in engine.generate(request("quit", PROMPTS[1], long_params)):
            seen += 1 if delta.text else 0
            if seen == 2:
                break

    async def body(engine: TransformersEngine):
        others = [
            asyncio.create_task(collect(engine, request(i, PROMPTS[i], long_params)))
            for i in (0, 2)
        ]
        await quitter(engine)
        # The batch is full (max_batch=3); this request only runs if the quitter's slot was freed.
        late, _ = await collect(engine, request("late", PROMPTS[3], short_params))
        others_still_running = not any(task.done() for task in others)
        texts = [text for text, _ in await asyncio.gather(*others)]
        return texts, late, others_still_running, engine.stats

    texts, late, others_still_running, stats = run_engine(tiny_model_dir, body, max_batch=3)
    assert stats.finished["abort"] == 1
    assert others_still_running
    assert stats.max_batch_seen == 3 and stats.active == 0
    assert late == reference(PROMPTS[3], max_tokens=10)
    assert texts == [reference(PROMPTS[i], max_tokens=200) for i in (0, 2)]


def test_abort_by_id_ends_with_abort(tiny_model_dir: Path) -> None:
    params = SamplingParams(max_tokens=200, temperature=0.0)

    async def body(engine: TransformersEngine):
        last = None
        async for delta in engine.generate(request("x", PROMPTS[0], params)):
            last = delta
            if delta.completion_tokens >= 3:
                await engine.abort("rx")
        return last

    last = run_engine(tiny_model_dir, body)
    assert last.finish_reason == "abort"
    assert last.completion_tokens < 200


def adapter_info(
    model_dir: Path, adapter_dir: Path, tokenizer: Any, **override: str
) -> AdapterInfo:
    fields = {
        "name": "alice",
        "path": str(adapter_dir),
        "base_model": str(model_dir),
        "chat_template_sha256": chat_template_sha256(tokenizer),
    }
    return AdapterInfo(**{**fields, **override})


def test_adapter_changes_its_request_only(
    tiny_model_dir: Path, tiny_adapter_dir: Path, tiny_tokenizer, reference
) -> None:
    async def body(engine: TransformersEngine):
        await engine.load_adapter(adapter_info(tiny_model_dir, tiny_adapter_dir, tiny_tokenizer))
        # one batch mixing base and adapter rows
        return await asyncio.gather(
            collect(engine, request("base", PROMPTS[1])),
            collect(engine, request("lora", PROMPTS[1], adapter="alice")),
            collect(engine, request("base2", PROMPTS[3])),
        ), engine.stats.max_batch_seen

    results, batch_seen = run_engine(tiny_model_dir, body)
    (base, _), (lora, _), (base2, _) = results
    assert batch_seen == 3
    assert base == reference(PROMPTS[1])
    assert base2 == reference(PROMPTS[3])
    assert lora == reference(PROMPTS[1], adapter=tiny_adapter_dir)
    assert lora != base


def test_adapter_for_another_base_model_is_refused(
    tiny_model_dir: Path, tiny_adapter_dir: Path, tiny_tokenizer, tmp_path: Path
) -> None:
    info = adapter_info(tiny_model_dir, tiny_adapter_dir, tiny_tokenizer, base_model=str(tmp_path))

    async def body(engine: TransformersEngine) -> None:
        with pytest.raises(AdapterMismatch, match="base model"):
            await engine.load_adapter(info)

    run_engine(tiny_model_dir, body)


def test_adapter_for_another_chat_template_is_refused(
    tiny_model_dir: Path, tiny_adapter_dir: Path, tiny_tokenizer
) -> None:
    info = adapter_info(
        tiny_model_dir, tiny_adapter_dir, tiny_tokenizer, chat_template_sha256="0" * 64
    )

    async def body(engine: TransformersEngine) -> None:
        with pytest.raises(AdapterMismatch, match="chat template"):
            await engine.load_adapter(info)
        with pytest.raises(ValueError, match="unknown adapter"):
            await collect(engine, request(0, PROMPTS[0], adapter="alice"))

    run_engine(tiny_model_dir, body)


def test_same_base_through_another_path_is_accepted(
    tiny_model_dir: Path, tiny_adapter_dir: Path, tiny_tokenizer
) -> None:
    info = adapter_info(
        tiny_model_dir, tiny_adapter_dir, tiny_tokenizer, base_model=f"{tiny_model_dir}/."
    )

    async def body(engine: TransformersEngine) -> list[str]:
        await engine.load_adapter(info)
        return engine.adapters

    assert run_engine(tiny_model_dir, body) == ["alice"]


@pytest.mark.slow
def test_default_model_answers_a_chat(default_model_dir: Path) -> None:
    async def body(engine: TransformersEngine):
        prompt = engine.render_chat(
            [
                {"role": "system", "content": "You answer in one short sentence."},
                {"role": "user", "content": "What colour is the sky on a clear day?"},
            ]
        )
        return await collect(
            engine, request(0, prompt, SamplingParams(max_tokens=40, temperature=0))
        )

    text, last = run_engine(default_model_dir, body)
    assert text.strip()
    assert last.finish_reason in ("stop", "length")


# --- failures stay with their request -----------------------------------------------------------


def test_tiny_temperature_is_greedy_and_keeps_the_engine_alive(tiny_model_dir: Path) -> None:
    # 1e-40 once overflowed the logits (NaN probabilities) and killed the worker thread.
    tiny = SamplingParams(max_tokens=12, temperature=1e-40)

    async def body(engine: TransformersEngine) -> tuple[str, str, str]:
        greedy, _ = await collect(engine, request("g", PROMPTS[0], SamplingParams(max_tokens=12)))
        cold, _ = await collect(engine, request("t", PROMPTS[0], tiny))
        after, _ = await collect(engine, request("a", PROMPTS[0], GREEDY))
        assert engine.healthy()
        return greedy, cold, after

    greedy_ref = run_engine(
        tiny_model_dir,
        lambda e: collect(e, request(0, PROMPTS[0], SamplingParams(max_tokens=12, temperature=0))),
    )[0]
    _, cold, after = run_engine(tiny_model_dir, body)
    assert cold == greedy_ref
    assert after


def test_a_failing_request_fails_alone(
    tiny_model_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from likeness.inference.engines import transformers_engine

    real_sample = transformers_engine._sample

    def sample(logits: torch.Tensor, slot: Any) -> int:
        if slot.request.request_id == "rbad":
            raise RuntimeError("probability tensor contains either `inf`, `nan` or element < 0")
        return int(real_sample(logits, slot))

    monkeypatch.setattr(transformers_engine, "_sample", sample)

    async def body(engine: TransformersEngine) -> tuple[str, str]:
        good = asyncio.ensure_future(collect(engine, request("good", PROMPTS[1])))
        with pytest.raises(RuntimeError, match="probability tensor"):
            await collect(engine, request("bad", PROMPTS[0]))
        first, _ = await good
        later, _ = await collect(engine, request("later", PROMPTS[2]))
        assert engine.healthy()
        return first, later

    first, later = run_engine(tiny_model_dir, body)
    assert first and later


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_healthy_is_false_once_the_worker_died(tiny_model_dir: Path) -> None:
    from engine_faults import kill_worker

    from likeness.inference.engines.base import EngineFailed

    async def body(engine: TransformersEngine) -> None:
        assert engine.healthy()
        kill_worker(engine)
        assert not engine.healthy()
        with pytest.raises(EngineFailed):
            await collect(engine, request("x", PROMPTS[0]))

    run_engine(tiny_model_dir, body)
