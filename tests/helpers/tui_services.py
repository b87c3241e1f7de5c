"""Real gRPC servers on loopback for the terminal-app tests, and the app's ``Services`` over them.

    with loopback_services(settings, db, engine, proposer=FakeProposer()) as services:
        app = LikenessApp(services, persona="mags", annotator="ann", health_poll_s=0)

The labeler server gets the proposer handed in (``FakeProposer``: deterministic proposals, so
screens and snapshots are stable; or an ``InferenceClient`` for the real path), the trainer server
no workers unless asked, the inference server the (tiny) engine given. ``EmbeddedStack`` is what
``likeness tui`` runs; this wiring differs only where a test needs a deterministic part.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

import grpc
from sqlalchemy import Engine as DbEngine

from likeness.core.grpc_server import stop_server
from likeness.core.settings import Settings
from likeness.inference.client import InferenceClient
from likeness.inference.engine_thread import EngineThread
from likeness.inference.engines.base import Engine
from likeness.inference.server import make_inference_grpc_server
from likeness.ingest.server import make_ingest_server
from likeness.labeler.server import make_labeler_server, prefetcher_of
from likeness.labeler.types import Proposer
from likeness.trainer.server import make_trainer_server, start_workers
from likeness.tui.services import Services


@contextmanager
def loopback_services(
    settings: Settings,
    db: DbEngine,
    engine: Engine,
    *,
    proposer: Proposer | None = None,
    workers: int = 0,
) -> Iterator[Services]:
    """Every service on its own loopback port over ``db``; ``proposer`` None: the inference
    service's client makes the proposals (the production wiring)."""
    with ExitStack() as stack:

        def serve(server: grpc.Server, port: int) -> str:
            server.start()
            stack.callback(stop_server, server, grace_s=0.5)
            return f"127.0.0.1:{port}"

        runner = stack.enter_context(EngineThread(engine))
        inference = serve(*make_inference_grpc_server(runner, db, host="127.0.0.1", port=0))
        client = stack.enter_context(InferenceClient(inference))
        labeler_server, port = make_labeler_server(
            settings, db, proposer or client, host="127.0.0.1", port=0
        )
        labeler = serve(labeler_server, port)
        prefetcher = prefetcher_of(labeler_server)
        if prefetcher is not None:
            stack.callback(prefetcher.stop, 2.0)
        trainer = serve(
            *make_trainer_server(settings, db, host="127.0.0.1", port=0, inference=client)
        )
        if workers:
            stop = threading.Event()
            threads = start_workers(db, settings, workers, stop)

            def stop_workers() -> None:
                stop.set()
                for thread in threads:
                    thread.join(30)

            stack.callback(stop_workers)
        ingest = serve(*make_ingest_server(settings, host="127.0.0.1", port=0, engine=db))
        services = Services(
            {
                "ingest": ingest,
                "inference": inference,
                "labeler": labeler,
                "drafts": labeler,
                "trainer": trainer,
            }
        )
        stack.callback(services.close)
        yield services
