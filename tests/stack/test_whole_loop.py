"""End to end: the whole loop of ``make run`` (``likeness demo``) on the tiny model, through the
real gRPC services and HTTP API that ``likeness up`` starts in a process of its own.

Real subprocesses all the way (the CLI, the detached stack), SQLite in a fresh data dir, the
transformers engine (the fastest real one for a tiny model): import the sample archive,
normalise, train a LoRA persona, evaluate it, activate it, start the stack, generate posts; then
the official ``openai`` client chats with the persona and gets what its new adapter writes (not
what the base writes); a second run reuses everything; ``likeness down`` leaves no process.
"""

from __future__ import annotations

import asyncio
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from openai import OpenAI

from likeness.core.chat import persona_messages
from likeness.core.db import create_db_engine
from likeness.inference.engines.base import GenerationRequest, SamplingParams
from likeness.inference.engines.transformers_engine import TransformersEngine
from likeness.inference.personas import load_persona
from likeness.stack.background import STATE_FILE, group_members

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]
QUESTION = "How was your day?"
MAX_TOKENS = 12
#: Sized for the tiny model: a few posts normalised (each a long prompt and a random model's
#: full-length answer), prompts that fit its 400-token vocabulary's longer encodings, a short run
#: and a small report card.
SMALL = (
    "--http-port",
    "0",
    "--normalize",
    "4",
    "--max-steps",
    "6",
    "--set",
    "max_length=512",
    "--eval-samples",
    "3",  # and 5 judge negatives, the judge's minimum
)


def likeness(env: dict[str, str], *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "likeness.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def greedy(model_dir: Path, db_url: str, adapter: bool) -> str:
    """What the persona's serving prompt yields greedily here, with its active adapter or with
    the bare base (the same card in both)."""
    db = create_db_engine(db_url)
    served = load_persona(db, "mags")
    db.dispose()
    assert served.adapter is not None
    engine = TransformersEngine.load(str(model_dir))

    async def run() -> str:
        await engine.start()
        try:
            await engine.load_adapter(served.adapter)
            prompt = engine.render_chat(
                persona_messages(served.card, [{"role": "user", "content": QUESTION}])
            )
            request = GenerationRequest(
                request_id="e2e",
                prompt=prompt,
                sampling=SamplingParams(max_tokens=MAX_TOKENS, temperature=0.0),
                adapter=served.adapter.name if adapter else None,
            )
            return "".join([delta.text async for delta in engine.generate(request)])
        finally:
            await engine.close()

    return asyncio.run(run())


def test_make_run_loop_serves_the_new_adapter_and_down_leaves_nothing(
    tmp_path: Path, tiny_model_dir: Path
) -> None:
    data = tmp_path / "data"
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("LIKENESS_") or key == "LIKENESS_TEST_POSTGRES_URL"
    }
    env.update(
        LIKENESS_DATA_DIR=str(data),
        LIKENESS_MODEL=str(tiny_model_dir),
        LIKENESS_ENGINE="transformers",
        # Greedy answers must be the adapter's own, not a resample of them.
        LIKENESS_COPY_GUARD="false",
        LIKENESS_LABEL_PREFETCH="0",
    )
    pid = None
    try:
        run = likeness(env, "demo", *SMALL, "--json")
        assert run.returncode == 0, run.stderr[-3000:]
        summary = json.loads(run.stdout)
        assert summary["posts"] > 0 and summary["normalized"] > 0
        assert summary["trained_now"] and summary["evaluated_now"]
        assert summary["metrics"]  # the report card's figures
        # A random tiny model cannot pass the gate: activated anyway, and said so.
        assert summary["forced"] == (not summary["gate_passed"])
        assert summary["drafts"] and summary["chat_reply"] is not None
        assert "key" not in summary["stack"]

        state_file = data / STATE_FILE
        assert stat.S_IMODE(state_file.stat().st_mode) == 0o600  # it holds the session key
        state = json.loads(state_file.read_text())
        pid = state["pid"]
        assert all(addr.startswith("127.0.0.1:") for addr in state["addresses"].values())
        assert state["http_url"].startswith("http://127.0.0.1:")

        status = likeness(env, "status", "--json")
        assert status.returncode == 0, status.stdout + status.stderr
        assert json.loads(status.stdout)["healthy"] is True

        client = OpenAI(base_url=state["http_url"] + "/v1", api_key="unused-without-keys")
        assert "mags" in {m.id for m in client.models.list().data}
        reply = client.chat.completions.create(
            model="mags",
            messages=[{"role": "user", "content": QUESTION}],
            max_tokens=MAX_TOKENS,
            temperature=0.0,
        )
        served = reply.choices[0].message.content or ""
        db_url = f"sqlite:///{data / 'likeness.db'}"
        tuned, base = greedy(tiny_model_dir, db_url, True), greedy(tiny_model_dir, db_url, False)
        assert tuned != base  # the adapter changes what the model writes
        assert served.strip() == tuned.strip()

        again = likeness(env, "demo", *SMALL, "--json")
        assert again.returncode == 0, again.stderr[-3000:]
        second = json.loads(again.stdout)
        assert second["model_id"] == summary["model_id"]
        assert not second["trained_now"] and not second["evaluated_now"]
        assert second["stack"]["pid"] == pid  # the running stack, not a second one
    finally:
        down = likeness(env, "down", timeout=120)
    assert down.returncode == 0, down.stderr
    assert "is down" in down.stdout
    assert not (data / STATE_FILE).exists()
    assert pid is not None and group_members(pid) == []  # the stack and its children are gone
    assert likeness(env, "status").returncode == 1
