"""End to end on the real default model: import → dataset → persona LoRA → registered → served.

Trains a few steps of ``persona-sft`` on SmolLM2-135M-Instruct from the bundled sample archive,
then activates the adapter through a live gRPC InferenceService and chats with the persona.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from likeness.core.db.models import Model
from likeness.core.grpc_client import client_channel
from likeness.core.grpc_limits import DEFAULT_DEADLINE_S
from likeness.core.grpc_server import stop_server
from likeness.core.settings import Settings
from likeness.inference.engine_thread import EngineThread
from likeness.inference.engines.transformers_engine import TransformersEngine
from likeness.inference.server import make_inference_grpc_server
from likeness.ingest.importing import import_path
from likeness.ingest.personas import create_persona
from likeness.trainer.artifacts import read_manifest
from likeness.trainer.recipes.base import RunContext
from likeness.trainer.runner import run_training
from likeness.v1 import common_pb2, inference_pb2, inference_pb2_grpc

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sample-archive"
CARD = "You are Mags Tregenna, a lighthouse keeper in Cornwall. Short, dry posts."


def _chat(client: inference_pb2_grpc.InferenceServiceStub) -> str:
    request = inference_pb2.ChatRequest(
        persona="mags",
        messages=[inference_pb2.ChatMessage(role="user", content="Write a post about the fog")],
        sampling=inference_pb2.SamplingParams(temperature=0.0, max_tokens=24),
    )
    return "".join(c.delta for c in client.Chat(request, timeout=DEFAULT_DEADLINE_S))


@pytest.mark.slow
@pytest.mark.parametrize("db_url", ["postgres"], indirect=True)
def test_trained_adapter_is_registered_and_served(
    engine: Engine, default_model_dir: Path, tmp_path: Path
) -> None:
    settings = Settings(
        data_dir=tmp_path, database_url=str(engine.url), model=str(default_model_dir)
    )
    create_persona(engine, "mags", "Mags Tregenna", CARD, None)
    import_path(engine, SAMPLE, "mags", settings=settings)
    ctx = RunContext(run_dir=tmp_path / "runs" / "r1", data_dir=tmp_path, device="cpu")
    result = run_training(
        engine,
        settings,
        "persona-sft",
        "mags",
        {"max_steps": 6, "batch_size": 8, "limit": 96, "learning_rate": 3e-3},
        ctx,
    )
    assert result.model_id and not result.stopped
    manifest = read_manifest(result.artifact_dir)
    with Session(engine) as session:
        row = session.scalar(select(Model).where(Model.id == result.model_id))
    assert row is not None and row.kind == "persona-lora" and not row.active
    assert row.base_model == str(default_model_dir) == manifest["base_model"]
    assert row.dataset_sha256 == result.datasets[0].sha256 == manifest["dataset_sha256"]
    assert len(row.tokenizer_sha256) == 64 and row.metrics["heldout_loss"] > 0

    served = TransformersEngine.load(str(default_model_dir))
    assert row.chat_template_sha256 == served.chat_template_sha256
    with EngineThread(served) as runner:
        server, port = make_inference_grpc_server(runner, engine, host="127.0.0.1", port=0)
        server.start()
        channel = client_channel(f"127.0.0.1:{port}")
        try:
            client = inference_pb2_grpc.InferenceServiceStub(channel)
            before = _chat(client)
            # Six steps make no persona: past the serving gate by force (its report card is
            # what the fidelity tests check).
            activated = client.ActivateModel(
                common_pb2.ActivateModelRequest(model_id=result.model_id, force=True), timeout=60
            )
            assert activated.active
            after = _chat(client)
        finally:
            channel.close()
            stop_server(server, grace_s=1)
    assert before and after
    assert after != before  # the persona now speaks through its adapter
