"""Every likeness service in this process, on loopback: the embedded mode of the clients.

    with EmbeddedStack(settings) as stack:                # or EmbeddedStack(settings, engine=…)
        stack.addresses.labeler                          # "127.0.0.1:40213"
        LabelerClient(stack.addresses.labeler, stack.key)

The terminal app (and ``likeness up``) talk to the services only through their gRPC clients; with
no server named, this starts them here: inference (the configured engine and model, or the engine
handed in), labeler (proposals through the inference client, prefetch on), trainer (with
``workers`` job workers, activations forwarded to the inference service) and ingest, each on its
own loopback port, over one database. The same ``make_*_server`` functions the containers run
build them, so embedded and remote take one code path. With ``http_port`` (0: any free port)
the inference service also answers the OpenAI-compatible HTTP API on that loop, sharing the
engine's batches and adapter cache with gRPC as ``likeness serve inference`` does; ``likeness up``
(``likeness.stack.background``) runs it that way in a process of its own.

The services call each other, and the clients call them, with a *session key*: random, made at
start, valid only while this process runs, and never stored. With no stored key the loopback
servers are open anyway; once keys exist (``likeness keys create``), the embedded stack keeps
working without the user exporting one.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
import time
from contextlib import ExitStack
from dataclasses import dataclass
from typing import TYPE_CHECKING

from likeness.core.auth import KeyChecker, generate_key
from likeness.core.db import open_database
from likeness.core.grpc_server import stop_server
from likeness.core.settings import Settings

if TYPE_CHECKING:
    import grpc
    from sqlalchemy import Engine as DbEngine

    from likeness.inference.engine_thread import EngineThread
    from likeness.inference.engines.base import Engine as InferenceEngine
    from likeness.inference.serving import ModelResolver

logger = logging.getLogger(__name__)

LOOPBACK = "127.0.0.1"
#: How long stopping waits for the calls in flight of each server.
STOP_GRACE_S = 2.0
#: How long the HTTP server may take to bind, and to stop (a stuck stream is cut after this).
HTTP_START_S = 60.0
HTTP_STOP_S = 30.0


@dataclass(frozen=True, slots=True)
class Addresses:
    """Where each service of a stack listens (``host:port``)."""

    ingest: str
    inference: str
    labeler: str
    trainer: str


class EmbeddedStack:
    """The services of one process; see the module docstring. ``start`` returns self, and the
    stack is a context manager that stops everything it started, in reverse order."""

    def __init__(
        self,
        settings: Settings,
        *,
        engine: InferenceEngine | None = None,
        db: DbEngine | None = None,
        workers: int = 1,
        host: str = LOOPBACK,
        http_port: int | None = None,
    ) -> None:
        if workers < 0:
            raise ValueError("workers must be 0 or more")
        self.settings = settings
        self.key = generate_key()
        self._engine = engine
        self._db = db
        self._workers = workers
        self._host = host
        self._http_port = http_port
        self._stack = ExitStack()
        self._addresses: Addresses | None = None
        self.db: DbEngine | None = None
        #: ``http://host:port`` of the OpenAI-compatible API (None: started without HTTP).
        self.http_url: str | None = None

    @property
    def addresses(self) -> Addresses:
        if self._addresses is None:
            raise RuntimeError("the stack is not started")
        return self._addresses

    def start(self) -> EmbeddedStack:
        if self._addresses is not None:
            return self
        try:
            self._addresses = self._start()
        except BaseException:
            self._stack.close()
            raise
        return self

    def close(self) -> None:
        self._addresses = None
        self.http_url = None
        self._stack.close()

    def __enter__(self) -> EmbeddedStack:
        return self.start()

    def __exit__(self, *_exc_info: object) -> None:
        self.close()

    def _serve(self, server: grpc.Server, port: int) -> str:
        server.start()
        self._stack.callback(stop_server, server, grace_s=STOP_GRACE_S)
        return f"{self._host}:{port}"

    def _start(self) -> Addresses:
        from likeness.inference.client import InferenceClient
        from likeness.inference.engine_thread import EngineThread
        from likeness.inference.engines.loading import load_engine
        from likeness.inference.personas import any_active_adapter
        from likeness.inference.server import make_inference_grpc_server
        from likeness.inference.serving import CopyGuard, ModelResolver
        from likeness.ingest.server import make_ingest_server
        from likeness.labeler.server import make_labeler_server, prefetcher_of
        from likeness.trainer.server import make_trainer_server, start_workers

        settings = self.settings
        if self._db is None:
            db = open_database(settings)
            self._stack.callback(db.dispose)
        else:
            db = self._db
        self.db = db
        checker = KeyChecker(db, session_keys=(self.key,))
        host = self._host

        engine = self._engine or load_engine(settings, None, enable_lora=any_active_adapter(db))
        runner = self._stack.enter_context(EngineThread(engine))
        # One resolver for gRPC and HTTP: an adapter activated through either is served by both.
        resolver = ModelResolver(engine, db, copy_guard=CopyGuard.from_settings(settings))
        server, port = make_inference_grpc_server(
            runner, db, host=host, port=0, resolver=resolver, key_checker=checker
        )
        inference = self._serve(server, port)
        if self._http_port is not None:
            self.http_url = self._serve_http(runner, db, resolver, checker)
        proposer = self._stack.enter_context(InferenceClient(inference, self.key))

        server, port = make_labeler_server(
            settings, db, proposer, host=host, port=0, key_checker=checker
        )
        labeler = self._serve(server, port)
        prefetcher = prefetcher_of(server)
        if prefetcher is not None:
            self._stack.callback(prefetcher.stop)

        server, port = make_trainer_server(
            settings, db, host=host, port=0, inference=proposer, key_checker=checker
        )
        trainer = self._serve(server, port)
        if self._workers:
            stop = threading.Event()
            threads = start_workers(db, settings, self._workers, stop)

            def stop_workers() -> None:
                stop.set()  # a running job checkpoints and goes back to the queue
                for thread in threads:
                    thread.join()

            self._stack.callback(stop_workers)

        server, port = make_ingest_server(
            settings, host=host, port=0, engine=db, key_checker=checker
        )
        ingest = self._serve(server, port)
        logger.info(
            "embedded stack: ingest %s, inference %s, labeler %s, trainer %s",
            ingest,
            inference,
            labeler,
            trainer,
        )
        return Addresses(ingest=ingest, inference=inference, labeler=labeler, trainer=trainer)

    def _serve_http(
        self, runner: EngineThread, db: DbEngine, resolver: ModelResolver, checker: KeyChecker
    ) -> str:
        """The OpenAI-compatible app under uvicorn on the engine's loop (as ``likeness serve
        inference`` runs it); its ``http://host:port``."""
        import uvicorn

        from likeness.inference.http_server import uvicorn_config
        from likeness.inference.openai_api.app import create_app

        # Bound here, so a port in use is an OSError in this thread (uvicorn would sys.exit on
        # the engine's loop) and port 0 is known at once.
        sock = socket.create_server((self._host, self._http_port or 0))
        self._stack.callback(sock.close)
        port = int(sock.getsockname()[1])
        app = create_app(runner.engine, db, self.settings, manage_engine=False, resolver=resolver)
        # The stack's checker, so the session key opens HTTP too once stored keys exist.
        app.state.key_checker = checker
        http = uvicorn.Server(uvicorn_config(app, self._host, port, "warning"))
        done = asyncio.run_coroutine_threadsafe(http.serve(sockets=[sock]), runner.loop)

        def stop_http() -> None:
            http.should_exit = True
            done.result(timeout=HTTP_STOP_S)

        deadline = time.monotonic() + HTTP_START_S
        while not http.started:
            if done.done():
                done.result()
                raise RuntimeError("the HTTP server stopped while starting")
            if time.monotonic() > deadline:
                stop_http()
                raise TimeoutError(f"the HTTP server did not start within {HTTP_START_S:.0f} s")
            time.sleep(0.02)
        self._stack.callback(stop_http)
        return f"http://{self._host}:{port}"
